/* Unit tests for core/utf8: decoding (valid, invalid, truncated, overlong,
 * surrogates), encoding, counting, display width, sanitising, offsets. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "core/arena.h"
#include "core/utf8.h"

typedef struct dec_case {
    const char *in;
    size_t len;
    size_t want_n;
    uint32_t want_cp;
} dec_case;

static void test_decode(void **state)
{
    (void)state;
    static const dec_case cases[] = {
        {"A", 1, 1, 0x41},
        {"\x7F", 1, 1, 0x7F},
        {"\xC2\x80", 2, 2, 0x80},
        {"\xC3\xA9", 2, 2, 0xE9},
        {"\xDF\xBF", 2, 2, 0x7FF},
        {"\xE0\xA0\x80", 3, 3, 0x800},
        {"\xE4\xB8\xAD", 3, 3, 0x4E2D},            /* 中 */
        {"\xE3\x80\x80", 3, 3, 0x3000},            /* ideographic space */
        {"\xEF\xBC\xA1", 3, 3, 0xFF21},            /* Ａ */
        {"\xEF\xBF\xBD", 3, 3, 0xFFFD},            /* U+FFFD itself is valid */
        {"\xED\x9F\xBF", 3, 3, 0xD7FF},            /* just below surrogates */
        {"\xEE\x80\x80", 3, 3, 0xE000},            /* just above surrogates */
        {"\xF0\x90\x80\x80", 4, 4, 0x10000},
        {"\xF0\x9F\x98\x80", 4, 4, 0x1F600},
        {"\xF4\x8F\xBF\xBF", 4, 4, 0x10FFFF},
        /* invalid lead bytes */
        {"\x80", 1, 1, 0xFFFD},
        {"\xBF", 1, 1, 0xFFFD},
        {"\xC0\x80", 2, 1, 0xFFFD},
        {"\xC1\xBF", 2, 1, 0xFFFD},
        {"\xF5\x80\x80\x80", 4, 1, 0xFFFD},
        {"\xFF", 1, 1, 0xFFFD},
        {"\xFE", 1, 1, 0xFFFD},
        /* overlong */
        {"\xE0\x80\xAF", 3, 1, 0xFFFD},
        {"\xE0\x9F\xBF", 3, 1, 0xFFFD},
        {"\xF0\x80\x80\xAF", 4, 1, 0xFFFD},
        {"\xF0\x8F\xBF\xBF", 4, 1, 0xFFFD},
        /* surrogates */
        {"\xED\xA0\x80", 3, 1, 0xFFFD},
        {"\xED\xBF\xBF", 3, 1, 0xFFFD},
        /* above U+10FFFF */
        {"\xF4\x90\x80\x80", 4, 1, 0xFFFD},
        /* truncated by len, and by a non-continuation byte */
        {"\xE4\xB8", 2, 1, 0xFFFD},
        {"\xE4\xB8\xAD", 2, 1, 0xFFFD},
        {"\xC3", 1, 1, 0xFFFD},
        {"\xF0\x9F\x98", 3, 1, 0xFFFD},
        {"\xE4\xB8" "A", 3, 1, 0xFFFD},
        {"\xC3" "A", 2, 1, 0xFFFD},
        {"\xF0\x9F" "AB", 4, 1, 0xFFFD},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        uint32_t cp = 0;
        size_t n = fl_utf8_decode(cases[i].in, cases[i].len, &cp);
        if (n != cases[i].want_n || cp != cases[i].want_cp)
            fail_msg("case %zu: got n=%zu cp=U+%04X, want n=%zu cp=U+%04X", i, n, (unsigned)cp,
                     cases[i].want_n, (unsigned)cases[i].want_cp);
    }
}

static void test_encode(void **state)
{
    (void)state;
    static const struct { uint32_t cp; const char *want; } cases[] = {
        {0x41, "A"}, {0xE9, "\xC3\xA9"}, {0x7FF, "\xDF\xBF"}, {0x800, "\xE0\xA0\x80"},
        {0x4E2D, "\xE4\xB8\xAD"}, {0xFFFF, "\xEF\xBF\xBF"}, {0x10000, "\xF0\x90\x80\x80"},
        {0x10FFFF, "\xF4\x8F\xBF\xBF"},
        {0xD800, "\xEF\xBF\xBD"}, {0x110000, "\xEF\xBF\xBD"}, /* not encodable */
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char out[4];
        size_t n = fl_utf8_encode(cases[i].cp, out);
        assert_int_equal(n, strlen(cases[i].want));
        assert_memory_equal(out, cases[i].want, n);
        /* and back, for the encodable ones */
        uint32_t cp;
        assert_int_equal(fl_utf8_decode(out, n, &cp), n);
        if (cases[i].cp <= 0x10FFFF && (cases[i].cp < 0xD800 || cases[i].cp > 0xDFFF))
            assert_int_equal(cp, cases[i].cp);
    }
}

static void test_count(void **state)
{
    (void)state;
    assert_int_equal(fl_utf8_count("", 0), 0);
    assert_int_equal(fl_utf8_count("abc", 3), 3);
    assert_int_equal(fl_utf8_count("项目ab", strlen("项目ab")), 4);
    assert_int_equal(fl_utf8_count("ＧＢ３０９５", strlen("ＧＢ３０９５")), 6);
    assert_int_equal(fl_utf8_count("😀x", strlen("😀x")), 2);
    /* every invalid byte is one code point */
    assert_int_equal(fl_utf8_count("a\xFF" "b", 3), 3);
    assert_int_equal(fl_utf8_count("\xE4\xB8", 2), 2);
    assert_int_equal(fl_utf8_count("\xED\xA0\x80", 3), 3);
    /* a length inside a character cuts it */
    assert_int_equal(fl_utf8_count("项目", 4), 2);
}

static void test_width(void **state)
{
    (void)state;
    assert_int_equal(fl_utf8_width("abc", 3), 3);
    assert_int_equal(fl_utf8_width("项目ab", strlen("项目ab")), 6);
    assert_int_equal(fl_utf8_width("ＧＢ", strlen("ＧＢ")), 4);
    assert_int_equal(fl_utf8_width("。，、《》", strlen("。，、《》")), 10);
    assert_int_equal(fl_utf8_width("e\xCC\x81", 3), 1); /* e + combining acute */
    assert_int_equal(fl_utf8_width("a\xE2\x80\x8B" "b", 5), 2); /* zero-width space */
    assert_int_equal(fl_utf8_width("😀", 4), 2);
    assert_int_equal(fl_utf8_width("𠀀", 4), 2); /* CJK extension B */

    static const struct { uint32_t cp; int w; } cps[] = {
        {0, 0}, {0x0A, 0}, {0x1F, 0}, {0x7F, 0}, {0x9F, 0}, {0x20, 1}, {0x41, 1}, {0xE9, 1},
        {0x0301, 0}, {0x200B, 0}, {0xFE0F, 0}, {0x1100, 2}, {0x3000, 2}, {0x3001, 2},
        {0x4E2D, 2}, {0x9FFF, 2}, {0xAC00, 2}, {0xFF01, 2}, {0xFF5E, 2}, {0xFF61, 1},
        {0xFFE5, 2}, {0x2014, 1}, {0x1F600, 2}, {0x20000, 2},
    };
    for (size_t i = 0; i < sizeof cps / sizeof *cps; i++)
        if (fl_utf8_cp_width(cps[i].cp) != cps[i].w)
            fail_msg("width of U+%04X: got %d, want %d", (unsigned)cps[i].cp,
                     fl_utf8_cp_width(cps[i].cp), cps[i].w);
}

static void test_valid(void **state)
{
    (void)state;
    assert_true(fl_utf8_valid("", 0));
    assert_true(fl_utf8_valid("abc", 3));
    assert_true(fl_utf8_valid("建设单位（盖章）：", strlen("建设单位（盖章）：")));
    assert_true(fl_utf8_valid("\xEF\xBF\xBD", 3));
    assert_false(fl_utf8_valid("a\xFF", 2));
    assert_false(fl_utf8_valid("\xC0\xAF", 2));
    assert_false(fl_utf8_valid("\xED\xA0\x80", 3));
    assert_false(fl_utf8_valid("项", 2));
    assert_false(fl_utf8_valid("ab\x80", 3));
}

static void test_sanitize(void **state)
{
    (void)state;
    fl_arena a;
    fl_arena_init(&a);
    size_t n = 99, bad = 99;
    char *r = fl_utf8_sanitize(&a, "项目", strlen("项目"), &n, &bad);
    assert_string_equal(r, "项目");
    assert_int_equal(n, 6);
    assert_int_equal(bad, 0);

    r = fl_utf8_sanitize(&a, "a\xFF" "b\xE4\xB8", 5, &n, &bad);
    assert_string_equal(r, "a\xEF\xBF\xBD" "b\xEF\xBF\xBD\xEF\xBF\xBD");
    assert_int_equal(n, 11);
    assert_int_equal(bad, 3);

    r = fl_utf8_sanitize(&a, "\xED\xA0\x80", 3, &n, &bad);
    assert_int_equal(bad, 3);
    assert_int_equal(n, 9);

    /* NUL is replaced (it would end the C string) but is not an encoding error */
    r = fl_utf8_sanitize(&a, "a\0b", 3, &n, &bad);
    assert_int_equal(n, 5);
    assert_memory_equal(r, "a\xEF\xBF\xBD" "b", 5);
    assert_int_equal(bad, 0);

    r = fl_utf8_sanitize(&a, "", 0, &n, &bad);
    assert_string_equal(r, "");
    assert_int_equal(n, 0);
    r = fl_utf8_sanitize(&a, "x", 1, NULL, NULL);
    assert_string_equal(r, "x");
    fl_arena_free(&a);
}

static void test_byte_offset(void **state)
{
    (void)state;
    const char *s = "项目ab中";
    size_t len = strlen(s);
    static const size_t want[] = {0, 3, 6, 7, 8, 11, 11, 11};
    for (size_t c = 0; c < sizeof want / sizeof *want; c++)
        assert_int_equal(fl_utf8_byte_offset(s, len, c), want[c]);
    assert_int_equal(fl_utf8_byte_offset("a\xFF" "b", 3, 2), 2);
    assert_int_equal(fl_utf8_prefix(s, len, 2), 6);
    assert_int_equal(fl_utf8_prefix(s, len, 0), 0);
    assert_int_equal(fl_utf8_prefix(s, len, 100), len);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_decode),   cmocka_unit_test(test_encode),
        cmocka_unit_test(test_count),    cmocka_unit_test(test_width),
        cmocka_unit_test(test_valid),    cmocka_unit_test(test_sanitize),
        cmocka_unit_test(test_byte_offset),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
