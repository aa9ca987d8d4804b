/* Terminal-safe text (core/tame.h): what a filing may hold that would drive,
 * break or reorder a terminal line is shown, never passed raw. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>
#include "core/tame.h"

static const char *tamed(fl_buf *b, const char *s, bool keep)
{
    fl_buf_clear(b);
    fl_buf_adds(b, "");
    fl_tame_append(b, s, strlen(s), keep);
    return b->data;
}

static void test_controls(void **state)
{
    (void)state;
    fl_buf b = FL_BUF_INIT;
    /* C0: as before, tab/CR/LF a space, the rest '?' */
    assert_string_equal(tamed(&b, "a\tb\rc\nd\x1b[31me\x7f", false), "a b c d?[31me?");
    assert_string_equal(tamed(&b, "一\n二", true), "一\n二");
    /* C1 (U+009B CSI), separators, bidi overrides and isolates, marks */
    assert_string_equal(tamed(&b, "x\xc2\x9b" "31my", false), "x\\u009b31my");
    assert_string_equal(tamed(&b, "行\xe2\x80\xa8分\xe2\x80\xa9段", false), "行\\u2028分\\u2029段");
    assert_string_equal(tamed(&b, "EIA101\xe2\x80\xae" "rorre", false), "EIA101\\u202erorre");
    assert_string_equal(tamed(&b, "\xe2\x81\xa6\xe2\x81\xa9\xe2\x80\x8e\xe2\x80\x8f\xd8\x9c", false),
                        "\\u2066\\u2069\\u200e\\u200f\\u061c");
    /* bytes that are not UTF-8 are shown as \xNN */
    assert_string_equal(tamed(&b, "名\xb0\xa1称", false), "名\\xb0\\xa1称");
    /* ordinary CJK text, full-width punctuation and zero-width space pass */
    assert_string_equal(tamed(&b, "项目名称：“苏州”（一）\xe2\x80\x8b", false), "项目名称：“苏州”（一）\xe2\x80\x8b");
    fl_buf_free(&b);
}

static void test_in_place(void **state)
{
    (void)state;
    char s[16] = "ab\xe2\x80\xae" "cd";
    fl_tame_str(s, sizeof s, false);
    assert_string_equal(s, "ab\\u202ecd");
    /* cut at a character boundary when the escapes do not fit */
    char t[12] = "\xe2\x80\xae一二";
    fl_tame_str(t, sizeof t, false);
    assert_string_equal(t, "\\u202e一");
    char u[8];
    strcpy(u, "一二");
    fl_tame_str(u, sizeof u, false);
    assert_string_equal(u, "一二");
    fl_buf b = FL_BUF_INIT;
    fl_tame_buf(&b, false); /* an empty buffer comes back as "" */
    assert_non_null(b.data);
    assert_string_equal(b.data, "");
    fl_buf_free(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {cmocka_unit_test(test_controls), cmocka_unit_test(test_in_place)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
