/* Unit tests for core/editdist: the distances "did you mean" relies on
 * (a typo is one or two edits, a swapped pair is one), the cap, and the
 * nearest names (all ties kept, in the order given; none when nothing is
 * close, so a real file name is never taken for a command). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "core/editdist.h"

static void test_distance(void **state)
{
    (void)state;
    assert_int_equal(fl_edit_distance("check", "check", 2), 0);
    assert_int_equal(fl_edit_distance("chek", "check", 2), 1);    /* a letter left out */
    assert_int_equal(fl_edit_distance("chekc", "check", 2), 1);   /* two letters swapped */
    assert_int_equal(fl_edit_distance("chrck", "check", 2), 1);   /* one replaced */
    assert_int_equal(fl_edit_distance("checks", "check", 2), 1);  /* one added */
    assert_int_equal(fl_edit_distance("fail-of", "fail-on", 2), 1);
    assert_int_equal(fl_edit_distance("EIA10", "EIA100", 2), 1);
    assert_int_equal(fl_edit_distance("", "dump", 5), 4);
    assert_int_equal(fl_edit_distance("dump", "", 5), 4);
    assert_int_equal(fl_edit_distance("kitten", "sitting", 5), 3);
    assert_int_equal(fl_edit_distance("ca", "abc", 5), 3);         /* optimal string alignment, not Damerau */
}

static void test_cap(void **state)
{
    (void)state;
    /* more than max: max + 1, whether the lengths or the letters differ */
    assert_int_equal(fl_edit_distance("kitten", "sitting", 2), 3);
    assert_int_equal(fl_edit_distance("a", "abcdef", 2), 3);
    assert_int_equal(fl_edit_distance("report", "rules", 2), 3);
    assert_int_equal(fl_edit_distance("report", "rules", 0), 1);
    char long_a[100], long_b[100];
    memset(long_a, 'a', 99), long_a[99] = 0;
    memset(long_b, 'a', 99), long_b[99] = 0;
    assert_int_equal(fl_edit_distance(long_a, long_b, 2), 3); /* too long to be a name */
}

static void test_nearest(void **state)
{
    (void)state;
    const char *cmds[] = {"check", "dump", "rules", "explain", "test-rules", "index", "config", "help"};
    const char *out[4];
    assert_int_equal(fl_nearest("chek", cmds, 8, 2, out, 4), 1);
    assert_string_equal(out[0], "check");
    assert_int_equal(fl_nearest("rule", cmds, 8, 2, out, 4), 1);
    assert_string_equal(out[0], "rules");
    assert_int_equal(fl_nearest("报告表", cmds, 8, 2, out, 4), 0);
    assert_int_equal(fl_nearest("report", cmds, 8, 2, out, 4), 0);
    const char *ids[] = {"EIA100", "EIA101", "EIA102", "EIA110", "EIA202", "DOC001"};
    /* ties kept in order, a closer one drops the farther ones */
    assert_int_equal(fl_nearest("EIA10", ids, 6, 2, out, 4), 4); /* EIA110: a 1 put in */
    assert_string_equal(out[0], "EIA100");
    assert_string_equal(out[2], "EIA102");
    assert_string_equal(out[3], "EIA110");
    assert_int_equal(fl_nearest("EIA11O", ids, 6, 2, out, 4), 1);
    assert_string_equal(out[0], "EIA110");
    assert_int_equal(fl_nearest("EIA10", ids, 6, 2, out, 2), 2); /* cap */
    assert_int_equal(fl_nearest("EIA9999", ids, 6, 2, out, 4), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_distance),
        cmocka_unit_test(test_cap),
        cmocka_unit_test(test_nearest),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
