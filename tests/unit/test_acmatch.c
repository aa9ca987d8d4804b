/* Unit tests for core/acmatch: the textbook overlapping case, prefixes and
 * suffixes, CJK place names with leftmost-longest selection (苏州市 over 苏州),
 * duplicate patterns, empty input and patterns, binary bytes, stopping early,
 * a large automaton (dense rows), and randomised comparison of both modes
 * with a naive matcher. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "core/acmatch.h"

typedef struct hit { size_t start, end; uint32_t id; } hit;
typedef struct hits { hit h[4096]; size_t n; size_t stop_after; } hits;

static int collect(void *ctx, size_t start, size_t end, uint32_t id)
{
    hits *hs = ctx;
    if (hs->n < sizeof hs->h / sizeof hs->h[0]) hs->h[hs->n] = (hit){start, end, id};
    hs->n++;
    return (hs->stop_after && hs->n == hs->stop_after) ? 7 : 0;
}

static fl_ac *build(const char *const *pats, size_t n)
{
    fl_ac_builder *b = fl_ac_builder_new();
    for (size_t i = 0; i < n; i++) fl_ac_builder_add(b, pats[i], strlen(pats[i]), (uint32_t)i);
    return fl_ac_build(b);
}

static hits *scan(const fl_ac *ac, const char *text, fl_ac_mode mode)
{
    static hits hs;
    memset(&hs, 0, sizeof hs);
    assert_int_equal(fl_ac_scan(ac, text, strlen(text), mode, collect, &hs), 0);
    return &hs;
}

static void expect(const hits *hs, size_t i, size_t start, size_t end, uint32_t id)
{
    assert_true(i < hs->n);
    assert_int_equal(hs->h[i].start, start);
    assert_int_equal(hs->h[i].end, end);
    assert_int_equal(hs->h[i].id, id);
}

static void test_overlapping(void **state)
{
    (void)state;
    const char *pats[] = {"he", "she", "his", "hers"};
    fl_ac *ac = build(pats, 4);
    assert_int_equal(fl_ac_patterns(ac), 4);
    hits *hs = scan(ac, "ushers", FL_AC_ALL);
    assert_int_equal(hs->n, 3);
    expect(hs, 0, 1, 4, 1); /* she */
    expect(hs, 1, 2, 4, 0); /* he, ending with it */
    expect(hs, 2, 2, 6, 3); /* hers */
    hs = scan(ac, "ushers", FL_AC_LEFTMOST_LONGEST);
    assert_int_equal(hs->n, 1);
    expect(hs, 0, 1, 4, 1); /* she; hers overlaps it */
    hs = scan(ac, "hishers", FL_AC_ALL);
    assert_int_equal(hs->n, 4);
    expect(hs, 0, 0, 3, 2);
    expect(hs, 1, 2, 5, 1); /* she, then he ending with it */
    expect(hs, 2, 3, 5, 0);
    expect(hs, 3, 3, 7, 3);
    fl_ac_free(ac);
}

static void test_prefixes(void **state)
{
    (void)state;
    const char *pats[] = {"a", "ab", "abc", "bc", "c"};
    fl_ac *ac = build(pats, 5);
    hits *hs = scan(ac, "abcab", FL_AC_ALL);
    assert_int_equal(hs->n, 7);
    expect(hs, 0, 0, 1, 0);
    expect(hs, 1, 0, 2, 1);
    expect(hs, 2, 0, 3, 2);
    expect(hs, 3, 1, 3, 3);
    expect(hs, 4, 2, 3, 4);
    expect(hs, 5, 3, 4, 0);
    expect(hs, 6, 3, 5, 1);
    hs = scan(ac, "abcab", FL_AC_LEFTMOST_LONGEST);
    assert_int_equal(hs->n, 2);
    expect(hs, 0, 0, 3, 2);
    expect(hs, 1, 3, 5, 1);
    fl_ac_free(ac);
}

static void test_cjk_places(void **state)
{
    (void)state;
    const char *pats[] = {"江苏", "江苏省", "苏州", "苏州市", "吴中", "吴中区", "州市", "中区"};
    fl_ac *ac = build(pats, 8);
    const char *text = "项目位于江苏省苏州市吴中区，距苏州站";
    hits *hs = scan(ac, text, FL_AC_LEFTMOST_LONGEST);
    assert_int_equal(hs->n, 4);
    expect(hs, 0, 12, 21, 1);  /* 江苏省 */
    expect(hs, 1, 21, 30, 3);  /* 苏州市, not 苏州 + 州市 */
    expect(hs, 2, 30, 39, 5);  /* 吴中区 */
    expect(hs, 3, 45, 51, 2);  /* 苏州 */
    assert_memory_equal(text + 21, "苏州市", 9);
    hs = scan(ac, text, FL_AC_ALL);
    assert_int_equal(hs->n, 9);
    expect(hs, 0, 12, 18, 0);  /* 江苏 */
    expect(hs, 1, 12, 21, 1);  /* 江苏省 */
    expect(hs, 3, 21, 30, 3);  /* 苏州市, then its suffix 州市 */
    expect(hs, 4, 24, 30, 6);
    fl_ac_free(ac);
}

/* A later-ending match can start earlier and must win; a short match after a
 * reported one must survive while a long candidate is still open. */
static void test_leftmost_longest_waits(void **state)
{
    (void)state;
    const char *pats[] = {"BC", "ABCD", "AB", "C", "ABCDEFX"};
    fl_ac *ac = build(pats, 5);
    hits *hs = scan(ac, "ABCD", FL_AC_LEFTMOST_LONGEST);
    assert_int_equal(hs->n, 1);
    expect(hs, 0, 0, 4, 1);
    hs = scan(ac, "xBCE", FL_AC_LEFTMOST_LONGEST);
    assert_int_equal(hs->n, 1);
    expect(hs, 0, 1, 3, 0);
    hs = scan(ac, "ABCDEFG", FL_AC_LEFTMOST_LONGEST);
    assert_int_equal(hs->n, 1);
    expect(hs, 0, 0, 4, 1);
    hs = scan(ac, "ABCDEFX", FL_AC_LEFTMOST_LONGEST);
    assert_int_equal(hs->n, 1);
    expect(hs, 0, 0, 7, 4);
    hs = scan(ac, "ABCEFG", FL_AC_LEFTMOST_LONGEST);
    assert_int_equal(hs->n, 2);
    expect(hs, 0, 0, 2, 2);
    expect(hs, 1, 2, 3, 3);
    fl_ac_free(ac);
}

static void test_duplicates_and_empty(void **state)
{
    (void)state;
    fl_ac_builder *b = fl_ac_builder_new();
    fl_ac_builder_add(b, "朝阳", strlen("朝阳"), 10);
    fl_ac_builder_add(b, "朝阳", strlen("朝阳"), 20);
    fl_ac_builder_add(b, "", 0, 30);
    fl_ac_builder_add(b, "朝阳区", strlen("朝阳区"), 40);
    fl_ac *ac = fl_ac_build(b);
    assert_int_equal(fl_ac_patterns(ac), 3);
    hits *hs = scan(ac, "朝阳市和朝阳区", FL_AC_LEFTMOST_LONGEST);
    assert_int_equal(hs->n, 3);
    expect(hs, 0, 0, 6, 10);
    expect(hs, 1, 0, 6, 20);
    expect(hs, 2, 12, 21, 40);
    hs = scan(ac, "朝阳区", FL_AC_ALL);
    assert_int_equal(hs->n, 3);
    expect(hs, 0, 0, 6, 10);
    expect(hs, 1, 0, 6, 20);
    expect(hs, 2, 0, 9, 40);
    hs = scan(ac, "", FL_AC_ALL);
    assert_int_equal(hs->n, 0);
    hs = scan(ac, "", FL_AC_LEFTMOST_LONGEST);
    assert_int_equal(hs->n, 0);
    hs = scan(ac, "朝", FL_AC_LEFTMOST_LONGEST); /* a partial match at the end */
    assert_int_equal(hs->n, 0);
    fl_ac_free(ac);

    /* no patterns at all */
    ac = fl_ac_build(fl_ac_builder_new());
    assert_int_equal(fl_ac_patterns(ac), 0);
    hs = scan(ac, "anything", FL_AC_ALL);
    assert_int_equal(hs->n, 0);
    fl_ac_free(ac);
    fl_ac_free(NULL);
    fl_ac_builder_free(NULL);
    fl_ac_builder_free(fl_ac_builder_new());
}

static void test_binary_and_stop(void **state)
{
    (void)state;
    fl_ac_builder *b = fl_ac_builder_new();
    fl_ac_builder_add(b, "\x00\xff", 2, 1);
    fl_ac_builder_add(b, "\xff", 1, 2);
    fl_ac *ac = fl_ac_build(b);
    static hits hs;
    memset(&hs, 0, sizeof hs);
    const char text[] = {'\xff', '\x00', '\xff', '\x00', '\xff'};
    assert_int_equal(fl_ac_scan(ac, text, sizeof text, FL_AC_ALL, collect, &hs), 0);
    assert_int_equal(hs.n, 5);
    expect(&hs, 0, 0, 1, 2);
    expect(&hs, 1, 1, 3, 1);
    expect(&hs, 2, 2, 3, 2);
    memset(&hs, 0, sizeof hs);
    hs.stop_after = 2;
    assert_int_equal(fl_ac_scan(ac, text, sizeof text, FL_AC_ALL, collect, &hs), 7);
    assert_int_equal(hs.n, 2);
    memset(&hs, 0, sizeof hs);
    hs.stop_after = 1;
    assert_int_equal(fl_ac_scan(ac, text, sizeof text, FL_AC_LEFTMOST_LONGEST, collect, &hs), 7);
    assert_int_equal(hs.n, 1);
    fl_ac_free(ac);
}

/* Thousands of CJK-like patterns sharing lead bytes, so that some states get
 * dense rows and others sorted labels; every pattern must be found. */
static void test_many_patterns(void **state)
{
    (void)state;
    enum { N = 6000 };
    static char pats[N][16];
    fl_ac_builder *b = fl_ac_builder_new();
    for (int i = 0; i < N; i++) {
        /* two 3-byte "characters" from a 64-code-point block, plus a suffix */
        int a = i % 64, c = (i / 64) % 64, k = i / 4096;
        snprintf(pats[i], sizeof pats[i], "\xe5%c%c\xe5%c%c%s", 0x80 + (a >> 2) % 64, 0x80 + a,
                 0x80 + c / 2, 0x80 + c, k ? "\xe5\xb8\x82" : "");
        fl_ac_builder_add(b, pats[i], strlen(pats[i]), (uint32_t)i);
    }
    fl_ac *ac = fl_ac_build(b);
    assert_int_equal(fl_ac_patterns(ac), N);
    assert_true(fl_ac_states(ac) > N);
    assert_true(fl_ac_bytes(ac) < 4u * 1024 * 1024);
    char text[64];
    for (int i = 0; i < N; i += 7) {
        size_t pl = strlen(pats[i]);
        memcpy(text, "\xe3\x80\x82", 3); /* 。 */
        memcpy(text + 3, pats[i], pl);
        memcpy(text + 3 + pl, "\xe3\x80\x82", 4);
        hits *hs = scan(ac, text, FL_AC_LEFTMOST_LONGEST);
        assert_int_equal(hs->n, 1);
        expect(hs, 0, 3, 3 + strlen(pats[i]), (uint32_t)i);
    }
    fl_ac_free(ac);
}

/* ---- randomised comparison with a naive matcher ------------------------ */

static uint32_t rnd_state = 42;
static uint32_t rnd(void)
{
    rnd_state = rnd_state * 1664525u + 1013904223u;
    return rnd_state >> 8;
}

static size_t naive_all(char pats[][8], size_t np, const char *t, size_t n, hit *out)
{
    size_t k = 0;
    for (size_t end = 1; end <= n; end++)
        for (size_t len = 8; len >= 1; len--)
            for (size_t p = 0; p < np; p++)
                if (strlen(pats[p]) == len && len <= end && !memcmp(t + end - len, pats[p], len))
                    out[k++] = (hit){end - len, end, (uint32_t)p};
    return k;
}

static size_t naive_ll(char pats[][8], size_t np, const char *t, size_t n, hit *out)
{
    size_t k = 0, pos = 0;
    while (pos < n) {
        size_t best = 0;
        size_t s;
        for (s = pos; s < n && !best; s++)
            for (size_t p = 0; p < np; p++) {
                size_t len = strlen(pats[p]);
                if (len > best && s + len <= n && !memcmp(t + s, pats[p], len)) best = len;
            }
        if (!best) break;
        s--;
        for (size_t p = 0; p < np; p++)
            if (strlen(pats[p]) == best && !memcmp(t + s, pats[p], best))
                out[k++] = (hit){s, s + best, (uint32_t)p};
        pos = s + best;
    }
    return k;
}

static void test_random_against_naive(void **state)
{
    (void)state;
    static hit want[8192];
    for (int round = 0; round < 300; round++) {
        char pats[24][8];
        size_t np = 1 + rnd() % 24;
        fl_ac_builder *b = fl_ac_builder_new();
        for (size_t p = 0; p < np; p++) {
            size_t len = 1 + rnd() % 6;
            for (size_t i = 0; i < len; i++) pats[p][i] = (char)('a' + rnd() % 3);
            pats[p][len] = '\0';
            fl_ac_builder_add(b, pats[p], len, (uint32_t)p);
        }
        fl_ac *ac = fl_ac_build(b);
        char text[80];
        size_t n = rnd() % 79;
        for (size_t i = 0; i < n; i++) text[i] = (char)('a' + rnd() % 3);
        text[n] = '\0';
        for (int mode = 0; mode < 2; mode++) {
            size_t nw = mode ? naive_ll(pats, np, text, n, want) : naive_all(pats, np, text, n, want);
            hits *hs = scan(ac, text, mode ? FL_AC_LEFTMOST_LONGEST : FL_AC_ALL);
            if (hs->n != nw) fprintf(stderr, "round %d mode %d text %s: %zu vs %zu\n", round, mode, text, hs->n, nw);
            assert_int_equal(hs->n, nw);
            for (size_t i = 0; i < nw; i++) expect(hs, i, want[i].start, want[i].end, want[i].id);
        }
        fl_ac_free(ac);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_overlapping),
        cmocka_unit_test(test_prefixes),
        cmocka_unit_test(test_cjk_places),
        cmocka_unit_test(test_leftmost_longest_waits),
        cmocka_unit_test(test_duplicates_and_empty),
        cmocka_unit_test(test_binary_and_stop),
        cmocka_unit_test(test_many_patterns),
        cmocka_unit_test(test_random_against_naive),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
