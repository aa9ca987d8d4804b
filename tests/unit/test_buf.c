/* Unit tests for core/buf's whole-file reader, which every "read a file
 * the user named" path shares (rulesets, data tables, the config file, the
 * input re-read by --annotate): whole content appended, the size cap
 * (EFBIG), a missing file (ENOENT), an empty file. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "core/buf.h"

static char path[64];

static void write_file(size_t n)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    for (size_t i = 0; i < n; i++) fputc('a' + (int)(i % 26), f);
    fclose(f);
}

static int setup(void **state)
{
    (void)state;
    snprintf(path, sizeof path, "/tmp/test_buf.%ld", (long)getpid());
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    unlink(path);
    return 0;
}

static void test_whole_file_appended(void **state)
{
    (void)state;
    write_file(200000); /* several read chunks */
    fl_buf b = FL_BUF_INIT;
    fl_buf_adds(&b, "head:");
    assert_int_equal(fl_buf_read_file(&b, path, 200000), 0);
    assert_int_equal(b.len, 5 + 200000);
    assert_memory_equal(b.data, "head:abc", 8);
    assert_int_equal(b.data[5 + 199999], 'a' + 199999 % 26);
    assert_int_equal(b.data[b.len], '\0');
    fl_buf_free(&b);
}

static void test_over_the_cap(void **state)
{
    (void)state;
    write_file(200001);
    fl_buf b = FL_BUF_INIT;
    errno = 0;
    assert_int_equal(fl_buf_read_file(&b, path, 200000), -1);
    assert_int_equal(errno, EFBIG);
    fl_buf_free(&b);
}

static void test_missing_and_empty(void **state)
{
    (void)state;
    fl_buf b = FL_BUF_INIT;
    unlink(path);
    assert_int_equal(fl_buf_read_file(&b, path, 10), -1);
    assert_int_equal(errno, ENOENT);
    write_file(0);
    assert_int_equal(fl_buf_read_file(&b, path, 10), 0);
    assert_int_equal(b.len, 0);
    fl_buf_free(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_whole_file_appended),
        cmocka_unit_test(test_over_the_cap),
        cmocka_unit_test(test_missing_and_empty),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
