/* Unit tests for core/jsonw: the streaming writer must lay out JSON byte for
 * byte as jansson's json_dumpf does with the same indent and
 * JSON_PRESERVE_ORDER (dump --format json moved from one to the other and
 * its output is a public contract), so jansson is the oracle here: each case
 * builds the same value both ways and compares the bytes. Invalid UTF-8,
 * which jansson refuses, is compared with the sanitised text instead. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <jansson.h>

#include "core/buf.h"
#include "core/jsonw.h"
#include "report/json.h"

/* The strings every case writes: escapes, control characters, quotes,
 * slashes, Chinese, a 4-byte character, an empty string. */
static const char *const strings[] = {
    "", "plain", "引号\"与\\反斜杠", "tab\there\nnew\rline", "\b\f\x01\x1f\x7f", "a/b</c>",
    "中文：建设单位（盖章）", "\xF0\x9F\x98\x80 emoji", "{\"not\": [json]}",
};
#define NSTRINGS (sizeof strings / sizeof *strings)

/* A document shaped like dump's: nested objects, empty containers, nulls,
 * negative and large integers. */
static json_t *with_jansson(void)
{
    json_t *root = json_object();
    json_object_set_new(root, "empty_object", json_object());
    json_object_set_new(root, "empty_array", json_array());
    json_object_set_new(root, "null", json_null());
    json_object_set_new(root, "ints", json_pack("[I, I, I]", (json_int_t)0, (json_int_t)-42, (json_int_t)1234567890123LL));
    json_t *a = json_array();
    for (size_t i = 0; i < NSTRINGS; i++) {
        json_t *o = json_object();
        json_object_set_new(o, strings[i], json_string(strings[i]));
        json_object_set_new(o, "nested", json_pack("{s:[s,n,{}]}", "k", strings[i]));
        json_array_append_new(a, o);
    }
    json_object_set_new(root, "items", a);
    return root;
}

static void with_writer(fl_jw *w)
{
    fl_jw_object(w);
    fl_jw_key(w, "empty_object");
    fl_jw_object(w);
    fl_jw_end(w);
    fl_jw_key(w, "empty_array");
    fl_jw_array(w);
    fl_jw_end(w);
    fl_jw_key(w, "null");
    fl_jw_str(w, NULL);
    fl_jw_key(w, "ints");
    fl_jw_array(w);
    fl_jw_int(w, 0);
    fl_jw_int(w, -42);
    fl_jw_int(w, 1234567890123LL);
    fl_jw_end(w);
    fl_jw_key(w, "items");
    fl_jw_array(w);
    for (size_t i = 0; i < NSTRINGS; i++) {
        fl_jw_object(w);
        fl_jw_key(w, strings[i]);
        fl_jw_str(w, strings[i]);
        fl_jw_key(w, "nested");
        fl_jw_object(w);
        fl_jw_key(w, "k");
        fl_jw_array(w);
        fl_jw_str(w, strings[i]);
        fl_jw_null(w);
        fl_jw_object(w);
        fl_jw_end(w);
        fl_jw_end(w);
        fl_jw_end(w);
        fl_jw_end(w);
    }
    fl_jw_end(w);
    fl_jw_end(w);
}

static char *written(void (*fill)(fl_jw *), int indent, size_t *len)
{
    char *buf = NULL;
    FILE *f = open_memstream(&buf, len);
    assert_non_null(f);
    fl_jw w;
    fl_jw_init(&w, f, indent);
    fill(&w);
    assert_int_equal(fl_jw_finish(&w), 0);
    fclose(f);
    return buf;
}

static void same_as_jansson(int indent)
{
    json_t *j = with_jansson();
    char *want = json_dumps(j, JSON_INDENT(indent) | JSON_PRESERVE_ORDER);
    size_t len;
    char *got = written(with_writer, indent, &len);
    assert_int_equal(len, strlen(want));
    assert_string_equal(got, want);
    free(got);
    free(want);
    json_decref(j);
}

static void test_indent_one(void **state) { (void)state; same_as_jansson(1); }
static void test_indent_two(void **state) { (void)state; same_as_jansson(2); }
static void test_one_line(void **state) { (void)state; same_as_jansson(0); }

static void bad_utf8(fl_jw *w)
{
    fl_jw_array(w);
    fl_jw_string(w, "ok\xff\xfe" "中", 7);
    fl_jw_string(w, "a\0b", 3); /* an embedded NUL is a control character */
    fl_jw_end(w);
}

static void test_invalid_utf8_replaced(void **state)
{
    (void)state;
    size_t len;
    char *got = written(bad_utf8, 0, &len);
    assert_string_equal(got, "[\"ok\xEF\xBF\xBD\xEF\xBF\xBD中\", \"a\\u0000b\"]");
    free(got);
}

static void separators(fl_jw *w)
{
    fl_jw_array(w);
    fl_jw_str(w, "一\xe2\x80\xa8二\xe2\x80\xa9三\xe2\x80\xa6"); /* U+2028, U+2029, U+2026 (kept) */
    fl_jw_end(w);
}

/* U+2028 / U+2029 are written escaped, by the streaming writer and by the
 * jansson-based reporters, so that line-splitting readers keep one record a
 * line; the JSON still reads back to the same string. */
static void test_line_separators(void **state)
{
    (void)state;
    size_t len;
    char *got = written(separators, 0, &len);
    assert_string_equal(got, "[\"一\\u2028二\\u2029三\xe2\x80\xa6\"]");
    free(got);
    json_t *j = json_pack("{s:s}", "m", "a\xe2\x80\xa8" "b\xe2\x80\xa9\xe2\x80");
    assert_null(j); /* a cut sequence is not a string jansson takes */
    j = json_pack("{s:s}", "m", "a\xe2\x80\xa8" "b\xe2\x80\xa9" "c\xe2\x82\xac");
    char *buf = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&buf, &n);
    assert_int_equal(fl_json_dumpf(j, f, JSON_COMPACT), 0);
    fclose(f);
    assert_string_equal(buf, "{\"m\":\"a\\u2028b\\u2029c\xe2\x82\xac\"}");
    json_t *back = json_loads(buf, 0, NULL);
    assert_string_equal(json_string_value(json_object_get(back, "m")), "a\xe2\x80\xa8" "b\xe2\x80\xa9" "c\xe2\x82\xac");
    json_decref(back);
    json_decref(j);
    free(buf);
}

/* Output larger than the flush threshold arrives whole and in order. */
static void many(fl_jw *w)
{
    fl_jw_array(w);
    for (int i = 0; i < 50000; i++) fl_jw_int(w, i);
    fl_jw_end(w);
}

static void test_flushes_in_order(void **state)
{
    (void)state;
    size_t len;
    char *got = written(many, 1, &len);
    json_error_t e;
    json_t *j = json_loadb(got, len, 0, &e);
    assert_non_null(j);
    assert_int_equal(json_array_size(j), 50000);
    for (size_t i = 0; i < 50000; i += 4999) assert_int_equal(json_integer_value(json_array_get(j, i)), (json_int_t)i);
    json_decref(j);
    free(got);
}

/* A value longer than the flush threshold (a paragraph of megabytes) is
 * written in pieces cut between characters: escapes, U+2028 and 4-byte
 * characters on every side of the cuts read back as written. */
static char *long_value;
static size_t long_len;

static void one_long(fl_jw *w)
{
    fl_jw_array(w);
    fl_jw_string(w, long_value, long_len);
    fl_jw_end(w);
}

static void test_long_string_in_pieces(void **state)
{
    (void)state;
    static const char *const pieces[] = {"中", "a", "\"", "\\", "\n", "\xE2\x80\xA8", "\xF0\x9F\x98\x80", "\x01"};
    fl_buf b = FL_BUF_INIT;
    size_t seps = 0;
    for (unsigned i = 0; b.len < 300000; i++) {
        size_t k = (i * 2654435761u >> 7) % (sizeof pieces / sizeof *pieces);
        fl_buf_adds(&b, pieces[k]);
        seps += k == 5;
    }
    long_value = b.data;
    long_len = b.len;
    size_t len;
    char *got = written(one_long, 1, &len);
    json_error_t e;
    json_t *j = json_loadb(got, len, 0, &e);
    assert_non_null(j);
    const json_t *v = json_array_get(j, 0);
    assert_int_equal(json_string_length(v), b.len);
    assert_memory_equal(json_string_value(v), b.data, b.len);
    size_t escaped = 0;
    for (const char *p = got; (p = strstr(p, "\\u2028")) != NULL; p++) escaped++;
    assert_int_equal(escaped, seps);
    json_decref(j);
    free(got);
    fl_buf_free(&b);
}

static void test_write_error_reported(void **state)
{
    (void)state;
    FILE *f = fopen("/dev/full", "w");
    if (!f) skip();
    fl_jw w;
    fl_jw_init(&w, f, 1);
    many(&w);
    assert_int_equal(fl_jw_finish(&w), -1);
    fclose(f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_indent_one),
        cmocka_unit_test(test_indent_two),
        cmocka_unit_test(test_one_line),
        cmocka_unit_test(test_invalid_utf8_replaced), cmocka_unit_test(test_line_separators),
        cmocka_unit_test(test_flushes_in_order),
        cmocka_unit_test(test_long_string_in_pieces),
        cmocka_unit_test(test_write_error_reported),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
