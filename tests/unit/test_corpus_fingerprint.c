/* Unit tests for checker/corpus/fingerprint.c and sha256.c: what folding
 * keeps and drops, digit runs (also across blocks), the map back to the
 * original text, the winnowing guarantee, shared passages surviving light
 * edits, the pinned hash values (a change must bump FL_FP_VERSION), the
 * stable radix sort, SHA-256 test vectors and the line map. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "model/load.h"
#include "core/buf.h"
#include "corpus/fingerprint.h"
#include "corpus/index.h"
#include "corpus/sha256.h"
#include "input/input.h"

/* The fold of one text as UTF-8, for readable comparisons. */
static char *fold_str(const char *text, fl_fold *f)
{
    fl_fold_init(f);
    fl_fold_append(f, 0, text, strlen(text));
    fl_buf b = FL_BUF_INIT;
    for (size_t i = 0; i < f->n; i++) fl_buf_addcp(&b, f->unit[i]);
    return fl_buf_detach(&b);
}

static void assert_fold(const char *text, const char *want)
{
    fl_fold f;
    char *got = fold_str(text, &f);
    assert_string_equal(got, want);
    free(got);
    fl_fold_free(&f);
}

static void test_fold_cp(void **state)
{
    (void)state;
    assert_int_equal(fl_fold_cp(0xFF0C), 0);      /* ， */
    assert_int_equal(fl_fold_cp(0x3001), 0);      /* 、 */
    assert_int_equal(fl_fold_cp(0x3002), 0);      /* 。 */
    assert_int_equal(fl_fold_cp(0x201C), 0);      /* “ */
    assert_int_equal(fl_fold_cp(0x3000), 0);      /* ideographic space */
    assert_int_equal(fl_fold_cp(0x2611), 0);      /* ☑ */
    assert_int_equal(fl_fold_cp(0x25A1), 0);      /* □ */
    assert_int_equal(fl_fold_cp(0xF0FE), 0);      /* Wingdings checkbox (private use) */
    assert_int_equal(fl_fold_cp(0x2103), 0);      /* ℃ */
    assert_int_equal(fl_fold_cp(0xFF5E), 0);      /* ～ */
    assert_int_equal(fl_fold_cp(0x200B), 0);      /* zero-width space */
    assert_int_equal(fl_fold_cp('7'), FL_FOLD_DIGIT);
    assert_int_equal(fl_fold_cp(0xFF17), FL_FOLD_DIGIT); /* ７ */
    assert_int_equal(fl_fold_cp(0x00B3), FL_FOLD_DIGIT); /* ³ */
    assert_int_equal(fl_fold_cp(0x2082), FL_FOLD_DIGIT); /* ₂ */
    assert_int_equal(fl_fold_cp(0x2162), FL_FOLD_DIGIT); /* Ⅲ */
    assert_int_equal(fl_fold_cp(0x2460), FL_FOLD_DIGIT); /* ① */
    assert_int_equal(fl_fold_cp('A'), 'a');
    assert_int_equal(fl_fold_cp(0xFF21), 'a');    /* Ａ */
    assert_int_equal(fl_fold_cp(0x4E2D), 0x4E2D); /* 中 */
    assert_int_equal(fl_fold_cp(0x4E00), 0x4E00); /* 一: Chinese numerals are words */
    assert_int_equal(fl_fold_cp(0x03BC), 0x03BC); /* μ */
}

static void test_fold_light_edits(void **state)
{
    (void)state;
    assert_fold("COD 浓度为 35.2 mg/L。", "cod浓度为0mgl");
    assert_fold("COD浓度为38mg/L，", "cod浓度为0mgl");
    assert_fold("0.52～0.86mg/m³", "0mgm0");
    assert_fold("执行Ⅲ类标准", "执行0类标准");
    assert_fold("执行Ⅳ类标准", "执行0类标准");
    assert_fold("☑新建（迁建）　□改建", "新建迁建改建");
    assert_fold("“三同时”制度", "三同时制度");
    assert_fold("", "");
}

static void test_fold_offsets(void **state)
{
    (void)state;
    fl_fold f;
    const char *text = "约 35.2 吨，共３台";
    char *s = fold_str(text, &f);
    assert_string_equal(s, "约0吨共0台");
    free(s);
    assert_int_equal(f.n, 6);
    assert_int_equal(f.off[0], 0);  /* 约 */
    assert_int_equal(f.off[1], 4);  /* 3 of 35.2 */
    assert_int_equal(f.off[2], 9);  /* 吨 */
    assert_int_equal(f.off[3], 15); /* 共 (after ，) */
    assert_int_equal(f.off[4], 18); /* ３ */
    assert_int_equal(f.off[5], 21); /* 台 */
    for (size_t i = 0; i < f.n; i++) assert_int_equal(f.block[i], 0);
    fl_fold_free(&f);
}

static void test_fold_blocks(void **state)
{
    (void)state;
    fl_fold f;
    fl_fold_init(&f);
    fl_fold_append(&f, 3, "共3", 4);
    fl_fold_append(&f, 4, "5台", 4); /* the digit run continues across blocks */
    fl_fold_append(&f, 7, "。", 3);  /* nothing kept */
    fl_fold_append(&f, 8, "A", 1);
    assert_int_equal(f.n, 4);
    assert_int_equal(f.unit[0], 0x5171);
    assert_int_equal(f.unit[1], FL_FOLD_DIGIT);
    assert_int_equal(f.unit[2], 0x53F0);
    assert_int_equal(f.unit[3], 'a');
    assert_int_equal(f.block[1], 3);
    assert_int_equal(f.block[2], 4);
    assert_int_equal(f.off[2], 1);
    assert_int_equal(f.block[3], 8);
    fl_fold_free(&f);
}

static void test_fold_doc_parts(void **state)
{
    (void)state;
    const char *md = "# 标题\n\n目　录\n第一章 总则……………1\n\n正文一段。\n";
    fl_doc *doc = NULL;
    fl_error err;
    fl_error_clear(&err);
    assert_int_equal(fl_doc_load_memory(&doc, "x.md", md, strlen(md), &err), 0);
    fl_fold f;
    fl_fold_init(&f);
    fl_fold_doc(&f, doc);
    fl_buf b = FL_BUF_INIT;
    for (size_t i = 0; i < f.n; i++) fl_buf_addcp(&b, f.unit[i]);
    char *s = fl_buf_detach(&b);
    /* the table-of-contents line is not the filing's own text */
    assert_string_equal(s, "标题目录正文一段");
    free(s);
    fl_fold_free(&f);
    fl_doc_free(doc);
}

/* Pseudo-random units from a small alphabet of ideographs. */
static void make_units(uint32_t *u, size_t n, unsigned seed)
{
    for (size_t i = 0; i < n; i++) {
        seed = seed * 1103515245u + 12345u;
        u[i] = 0x4E00 + (seed >> 16) % 500;
    }
}

static void test_winnow_guarantee(void **state)
{
    (void)state;
    enum { N = 5000 };
    static uint32_t u[N];
    make_units(u, N, 7);
    fl_fp_params p = {9, 24};
    fl_fp *fp;
    size_t n = fl_fp_winnow(&fp, u, N, &p);
    size_t ngrams = N - 9 + 1;
    /* about 2/(w+1) of the grams are kept */
    assert_true(n > ngrams / 20 && n < ngrams / 8);
    for (size_t i = 1; i < n; i++) assert_true(fp[i].pos > fp[i - 1].pos);
    /* every window of w grams holds a fingerprint */
    assert_true(fp[0].pos < 24);
    for (size_t i = 1; i < n; i++) assert_true(fp[i].pos - fp[i - 1].pos <= 24);
    assert_true(ngrams - 1 - fp[n - 1].pos < 24);
    free(fp);
}

static void test_winnow_short(void **state)
{
    (void)state;
    uint32_t u[12];
    make_units(u, 12, 3);
    fl_fp_params p = {9, 24};
    fl_fp *fp;
    assert_int_equal(fl_fp_winnow(&fp, u, 8, &p), 0); /* shorter than a gram */
    assert_null(fp);
    assert_int_equal(fl_fp_winnow(&fp, u, 12, &p), 1); /* 4 grams: one window */
    assert_true(fp[0].pos < 4);
    free(fp);
}

/* A shared run of window + gram - 1 units in different surroundings
 * always yields a common fingerprint inside it. */
static void test_winnow_shared_run(void **state)
{
    (void)state;
    enum { S = 32, PAD = 300 };
    fl_fp_params p = {9, 24};
    for (unsigned seed = 1; seed <= 50; seed++) {
        uint32_t x[PAD + S + PAD], y[PAD / 2 + S + PAD];
        make_units(x, PAD, seed * 11);
        make_units(x + PAD, S, seed);
        make_units(x + PAD + S, PAD, seed * 13);
        make_units(y, PAD / 2, seed * 17);
        make_units(y + PAD / 2, S, seed);
        make_units(y + PAD / 2 + S, PAD, seed * 19);
        fl_fp *a, *b;
        size_t na = fl_fp_winnow(&a, x, sizeof x / sizeof *x, &p);
        size_t nb = fl_fp_winnow(&b, y, sizeof y / sizeof *y, &p);
        int common = 0;
        for (size_t i = 0; i < na; i++)
            for (size_t j = 0; j < nb; j++)
                if (a[i].hash == b[j].hash && a[i].pos >= PAD && a[i].pos + 9 <= PAD + S &&
                    b[j].pos - PAD / 2 == a[i].pos - PAD)
                    common++;
        assert_true(common >= 1);
        free(a);
        free(b);
    }
}

/* The hash function is part of the database format: if these change,
 * FL_FP_VERSION must change too (old databases would never match). */
static void test_hash_pinned(void **state)
{
    (void)state;
    fl_fold f;
    char *s = fold_str("项目位于江苏省苏州市吴中区胥口镇工业集中区", &f);
    free(s);
    fl_fp_params p = {9, 24};
    fl_fp *fp;
    size_t n = fl_fp_winnow(&fp, f.unit, f.n, &p);
    assert_int_equal(f.n, 21);
    assert_int_equal(n, 1);
    assert_int_equal(FL_FP_VERSION, 1);
    /* checked against an independent Python model of the same definition */
    assert_int_equal(fp[0].pos, 4);
    assert_int_equal(fp[0].hash, 0x0363fe46u);
    free(fp);
    fl_fold_free(&f);
}

static void test_fp_sort_stable(void **state)
{
    (void)state;
    fl_fp v[] = {{0xFFFFFFFFu, 0}, {5, 1}, {0x80000000u, 2}, {5, 3}, {0, 4}, {0x7FFFFFFFu, 5}, {5, 6}};
    fl_fp_sort(v, sizeof v / sizeof *v);
    const uint32_t want_hash[] = {0, 5, 5, 5, 0x7FFFFFFFu, 0x80000000u, 0xFFFFFFFFu};
    const uint32_t want_pos[] = {4, 1, 3, 6, 5, 2, 0};
    for (size_t i = 0; i < sizeof v / sizeof *v; i++) {
        assert_int_equal(v[i].hash, want_hash[i]);
        assert_int_equal(v[i].pos, want_pos[i]);
    }
}

static void sha_hex(const char *s, size_t len, char out[65])
{
    fl_sha256 h;
    unsigned char d[32];
    fl_sha256_init(&h);
    /* in uneven pieces, to cross the 64-byte block boundary mid-update */
    for (size_t i = 0; i < len;) {
        size_t k = len - i < 7 ? len - i : 7;
        fl_sha256_update(&h, s + i, k);
        i += k;
    }
    fl_sha256_final(&h, d);
    fl_sha256_hex(d, out);
}

static void test_sha256(void **state)
{
    (void)state;
    char hex[65];
    sha_hex("", 0, hex);
    assert_string_equal(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    sha_hex("abc", 3, hex);
    assert_string_equal(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    const char *two = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
    sha_hex(two, strlen(two), hex);
    assert_string_equal(hex, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    static char million[1000000];
    memset(million, 'a', sizeof million);
    sha_hex(million, sizeof million, hex);
    assert_string_equal(hex, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

static void test_lines_map(void **state)
{
    (void)state;
    const char *md = "第一段文字\n\n第二段\n。\n第三段文字内容\n";
    fl_doc *doc = NULL;
    fl_error err;
    fl_error_clear(&err);
    assert_int_equal(fl_doc_load_memory(&doc, "x.txt", md, strlen(md), &err), 0);
    fl_fold f;
    fl_fold_init(&f);
    fl_fold_doc(&f, doc);
    unsigned char *enc;
    size_t len;
    fl_corpus_lines_encode(&enc, &len, &f, doc);
    fl_corpus_lines l;
    assert_int_equal(fl_corpus_lines_decode(&l, enc, len), 0);
    assert_int_equal(l.n, 3); /* the line holding only 。 has no units */
    assert_int_equal(fl_corpus_lines_at(&l, 0), 1);
    assert_int_equal(fl_corpus_lines_at(&l, 4), 1);
    assert_int_equal(fl_corpus_lines_at(&l, 5), 3);
    assert_int_equal(fl_corpus_lines_at(&l, 7), 3);
    assert_int_equal(fl_corpus_lines_at(&l, 8), 5);
    assert_int_equal(fl_corpus_lines_at(&l, 1000), 5);
    fl_corpus_lines_free(&l);
    /* a truncated map is refused, not misread */
    unsigned char bad[] = {0x80};
    assert_int_equal(fl_corpus_lines_decode(&l, bad, 1), -1);
    free(enc);
    fl_fold_free(&f);
    fl_doc_free(doc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fold_cp),
        cmocka_unit_test(test_fold_light_edits),
        cmocka_unit_test(test_fold_offsets),
        cmocka_unit_test(test_fold_blocks),
        cmocka_unit_test(test_fold_doc_parts),
        cmocka_unit_test(test_winnow_guarantee),
        cmocka_unit_test(test_winnow_short),
        cmocka_unit_test(test_winnow_shared_run),
        cmocka_unit_test(test_hash_pinned),
        cmocka_unit_test(test_fp_sort_stable),
        cmocka_unit_test(test_sha256),
        cmocka_unit_test(test_lines_map),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
