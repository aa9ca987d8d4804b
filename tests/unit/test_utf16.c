/* Unit tests for core/utf16: UTF-16 parts to UTF-8, a byte at a time or
 * whole (the result must not depend on where chunks split), BOMs, surrogate
 * pairs, unpaired surrogates (U+FFFD, counted) and a trailing odd byte
 * (dropped, counted), both byte orders, and the sniffing of a part's start. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "core/utf16.h"

/* Convert in chunks of `step` bytes (0 = all at once); returns the count of
 * bad units, output in *out (caller frees). */
static size_t convert(const char *in, size_t n, bool be, size_t step, fl_buf *out)
{
    fl_utf16 u;
    fl_utf16_init(&u, be);
    if (!step) step = n ? n : 1;
    for (size_t off = 0; off < n; off += step) {
        size_t len = n - off < step ? n - off : step;
        fl_utf16_feed(&u, out, in + off, len, false);
    }
    fl_utf16_feed(&u, out, "", 0, true);
    return u.bad;
}

static void expect(const char *in, size_t n, bool be, const char *want, size_t want_bad)
{
    for (size_t step = 0; step <= 3; step++) {
        fl_buf out = FL_BUF_INIT;
        size_t bad = convert(in, n, be, step, &out);
        assert_int_equal(bad, want_bad);
        assert_int_equal(out.len, strlen(want));
        assert_memory_equal(out.data ? out.data : "", want, out.len);
        fl_buf_free(&out);
    }
}

static void test_bom_and_chinese(void **state)
{
    (void)state;
    /* FF FE, "<a>中</a>" little-endian */
    static const char le[] = "\xFF\xFE<\0a\0>\0\x2D\x4E<\0/\0a\0>\0";
    expect(le, sizeof le - 1, false, "<a>中</a>", 0);
    static const char be[] = "\xFE\xFF\0<\0a\0>\x4E\x2D\0<\0/\0a\0>";
    expect(be, sizeof be - 1, true, "<a>中</a>", 0);
}

static void test_surrogates(void **state)
{
    (void)state;
    /* U+1F600 = D83D DE00, then 'x' */
    static const char pair[] = "\x3D\xD8\x00\xDEx\0";
    expect(pair, sizeof pair - 1, false, "\xF0\x9F\x98\x80x", 0);
    /* a high surrogate followed by 'x': U+FFFD then x */
    static const char lone_high[] = "\x3D\xD8x\0";
    expect(lone_high, sizeof lone_high - 1, false, "\xEF\xBF\xBDx", 1);
    /* a low surrogate alone */
    static const char lone_low[] = "a\0\x00\xDE" "b\0";
    expect(lone_low, sizeof lone_low - 1, false, "a\xEF\xBF\xBD" "b", 1);
    /* a high surrogate at the very end: dropped, counted */
    static const char end_high[] = "a\0\x3D\xD8";
    expect(end_high, sizeof end_high - 1, false, "a", 1);
}

static void test_odd_length(void **state)
{
    (void)state;
    static const char odd[] = "a\0b\0c";
    expect(odd, sizeof odd - 1, false, "ab", 1);
}

static void test_sniff(void **state)
{
    (void)state;
    bool be = true;
    assert_true(fl_utf16_sniff("\xFF\xFE<\0", 4, &be));
    assert_false(be);
    assert_true(fl_utf16_sniff("\xFE\xFF\0<", 4, &be));
    assert_true(be);
    assert_true(fl_utf16_sniff("<\0?\0", 4, &be));
    assert_false(be);
    assert_true(fl_utf16_sniff("\0<\0?", 4, &be));
    assert_true(be);
    assert_false(fl_utf16_sniff("<?xml", 5, &be));
    assert_false(fl_utf16_sniff("\xEF\xBB\xBF<", 4, &be));
    assert_false(fl_utf16_sniff("<", 1, &be));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_bom_and_chinese),
        cmocka_unit_test(test_surrogates),
        cmocka_unit_test(test_odd_length),
        cmocka_unit_test(test_sniff),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
