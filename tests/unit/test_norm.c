/* Unit tests for core/norm: every mapping class, white-space folding, the
 * offset map and columns over CJK text, and form labels. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/norm.h"
#include "core/utf8.h"

typedef struct text_case {
    const char *in;
    const char *want;
} text_case;

/* The map must be non-decreasing, point at character starts, and end at
 * the original length. */
static void check_map(const fl_norm *n, const char *in, size_t len)
{
    assert_int_equal(fl_norm_orig(n, n->len), len);
    for (size_t i = 0; i < n->len; i++) {
        assert_true(fl_norm_orig(n, i) < len);
        if (i > 0) assert_true(fl_norm_orig(n, i) >= fl_norm_orig(n, i - 1));
        assert_true(((unsigned char)in[fl_norm_orig(n, i)] & 0xC0) != 0x80 ||
                    !fl_utf8_valid(in, len));
    }
}

static void run_cases(const text_case *cases, size_t count)
{
    fl_arena a;
    fl_arena_init(&a);
    for (size_t i = 0; i < count; i++) {
        fl_norm n;
        size_t len = strlen(cases[i].in);
        fl_norm_text(&n, &a, cases[i].in, len);
        if (n.len != strlen(cases[i].want) || strcmp(n.text, cases[i].want) != 0)
            fail_msg("case %zu \"%s\": got \"%s\", want \"%s\"", i, cases[i].in, n.text,
                     cases[i].want);
        check_map(&n, cases[i].in, len);
    }
    fl_arena_free(&a);
}

static void test_fullwidth(void **state)
{
    (void)state;
    static const text_case cases[] = {
        {"ＡＢＣＸＹＺａｂｃｘｙｚ", "ABCXYZabcxyz"},
        {"０１２３４５６７８９", "0123456789"},
        {"（签章）", "(签章)"},
        {"项目名称：", "项目名称:"},
        {"！＂＃＄％＆＇＊＋．／；＜＝＞？＠［＼］＾＿｀｛｜｝～", "!\"#$%&'*+./;<=>?@[\\]^_`{|}~"},
        {"ＧＢ／Ｔ１４８４８", "GB/T14848"},
        /* U+FF0C stays: it is CJK sentence punctuation */
        {"甲，乙", "甲，乙"},
        /* just outside the block */
        {"\xEF\xBC\x80", "\xEF\xBC\x80"}, /* U+FF00 */
        {"｟｠", "｟｠"},                   /* U+FF5F, U+FF60 */
        {"￥", "￥"},
    };
    run_cases(cases, sizeof cases / sizeof *cases);
}

static void test_spaces(void **state)
{
    (void)state;
    static const text_case cases[] = {
        {"a　b", "a b"},                  /* U+3000 */
        {"a\xC2\xA0" "b", "a b"},         /* NBSP */
        {"a\xE2\x80\x80" "b", "a b"},     /* U+2000 */
        {"a\xE2\x80\x83" "b", "a b"},     /* U+2003 */
        {"a\xE2\x80\x8A" "b", "a b"},     /* U+200A */
        {"a\xE2\x80\xAF" "b", "a b"},     /* U+202F */
        {"a\xE2\x81\x9F" "b", "a b"},     /* U+205F */
        {"a\xE2\x80\xA8" "b", "a b"},     /* U+2028 */
        {"a\tb", "a b"},
        {"a\nb", "a b"},
        {"a\r\nb", "a b"},
        {"a \t\n\r b", "a b"},
        {"a\xC2\xA0\xE3\x80\x80 \t" "b", "a b"},
        {"  lead", " lead"},
        {"trail \n", "trail "},
        {"\n", " "},
        {"　　", " "},
        {"a b  c   d", "a b c d"},
        {"建 设 单 位", "建 设 单 位"},
        /* zero width: removed, not a space */
        {"GB\xE2\x80\x8B" "3095", "GB3095"},
        {"\xEF\xBB\xBF" "abc", "abc"},
        {"a\xE2\x80\x8D" "b\xE2\x81\xA0" "c\xC2\xAD" "d", "abcd"},
        {"a \xE2\x80\x8B b", "a b"},
        {"\xE2\x80\x8B", ""},
        {"", ""},
    };
    run_cases(cases, sizeof cases / sizeof *cases);
}

static void test_dashes(void **state)
{
    (void)state;
    static const text_case cases[] = {
        {"1\xE2\x80\x90" "2", "1-2"}, /* U+2010 hyphen */
        {"1\xE2\x80\x91" "2", "1-2"}, /* U+2011 */
        {"1\xE2\x80\x92" "2", "1-2"}, /* U+2012 figure dash */
        {"1–2", "1-2"},               /* U+2013 en dash */
        {"1—2", "1-2"},               /* U+2014 em dash */
        {"1―2", "1-2"},               /* U+2015 */
        {"1−2", "1-2"},               /* U+2212 minus */
        {"1﹘2", "1-2"},               /* U+FE58 */
        {"1﹣2", "1-2"},               /* U+FE63 */
        {"1－2", "1-2"},              /* U+FF0D */
        {"1⸺2", "1-2"},               /* U+2E3A */
        {"1⸻2", "1-2"},               /* U+2E3B */
        {"GB 3095—1996", "GB 3095-1996"},
        {"——", "--"},
        /* not dashes */
        {"コーヒー", "コーヒー"},     /* U+30FC */
        {"1⁓2", "1⁓2"},               /* U+2053 swung dash */
        {"1~2", "1~2"},
    };
    run_cases(cases, sizeof cases / sizeof *cases);
}

static void test_kept(void **state)
{
    (void)state;
    static const text_case cases[] = {
        {"。，、《》【】“”", "。，、《》【】“”"},
        {"「」『』〔〕·…", "「」『』〔〕·…"},
        {"环境影响报告书", "环境影响报告书"},
        {"☑□■√", "☑□■√"},
        {"😀", "😀"},
        {"a\x01" "b", "a\x01" "b"},
    };
    run_cases(cases, sizeof cases / sizeof *cases);
}

static void test_invalid_bytes(void **state)
{
    (void)state;
    fl_arena a;
    fl_arena_init(&a);
    fl_norm n;
    fl_norm_text(&n, &a, "a\xFF" "b", 3);
    assert_int_equal(n.len, 5);
    assert_memory_equal(n.text, "a\xEF\xBF\xBD" "b", 6);
    static const uint32_t want_map[] = {0, 1, 1, 1, 2, 3};
    for (size_t k = 0; k < sizeof want_map / sizeof *want_map; k++) assert_int_equal(fl_norm_orig(&n, k), want_map[k]);

    /* every byte invalid: the output is three times the input */
    char bad[64];
    memset(bad, 0xFF, sizeof bad);
    fl_norm_text(&n, &a, bad, sizeof bad);
    assert_int_equal(n.len, 3 * sizeof bad);
    assert_int_equal(fl_norm_orig(&n, n.len), sizeof bad);
    assert_int_equal(fl_norm_orig(&n, 3 * 63), 63);
    assert_true(fl_utf8_valid(n.text, n.len));

    /* invalid late in a long block with shrinking characters before it */
    fl_norm_text(&n, &a, "ＡＢ\xE4\xB8\xFF\xFF", 10);
    assert_int_equal(n.len, 2 + 4 * 3);
    assert_memory_equal(n.text, "AB\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD", 14);
    assert_int_equal(fl_norm_orig(&n, 2), 6);
    assert_int_equal(fl_norm_orig(&n, 5), 7);
    assert_int_equal(fl_norm_orig(&n, 13), 9);
    assert_int_equal(fl_norm_orig(&n, 14), 10);

    /* NUL is white space, so the text stays a C string of the same length */
    fl_norm_text(&n, &a, "a\0\0b", 4);
    assert_int_equal(n.len, 3);
    assert_string_equal(n.text, "a b");
    fl_arena_free(&a);
}

static void test_map_and_columns(void **state)
{
    (void)state;
    fl_arena a;
    fl_arena_init(&a);
    const char *orig = "项目　ＧＢ３０９５－２０１２";
    size_t len = strlen(orig);
    fl_norm n;
    fl_norm_text(&n, &a, orig, len);
    assert_string_equal(n.text, "项目 GB3095-2012");
    assert_int_equal(n.len, 18);
    /* 项 and 目 are copied: three bytes each map to the character start */
    static const uint32_t want_map[] = {0, 0, 0, 3, 3, 3, 6, 9, 12, 15, 18, 21,
                                        24, 27, 30, 33, 36, 39, 42};
    assert_int_equal(sizeof want_map / sizeof *want_map, n.len + 1);
    for (size_t k = 0; k < sizeof want_map / sizeof *want_map; k++) assert_int_equal(fl_norm_orig(&n, k), want_map[k]);
    assert_int_equal(len, 42);
    /* columns are 1-based code points in the original */
    static const struct { size_t off; size_t col; } cols[] = {
        {0, 1}, {2, 1}, {3, 2}, {5, 2}, {6, 3}, {7, 4}, {8, 5}, {9, 6},
        {13, 10}, {14, 11}, {16, 13}, {17, 14}, {18, 15}, {100, 15},
    };
    for (size_t i = 0; i < sizeof cols / sizeof *cols; i++)
        if (fl_norm_column(&n, orig, cols[i].off) != cols[i].col)
            fail_msg("offset %zu: column %zu, want %zu", cols[i].off,
                     fl_norm_column(&n, orig, cols[i].off), cols[i].col);

    /* a folded run maps to its first character */
    const char *o2 = "甲 \t　乙";
    fl_norm_text(&n, &a, o2, strlen(o2));
    assert_string_equal(n.text, "甲 乙");
    assert_int_equal(fl_norm_orig(&n, 3), 3);
    assert_int_equal(fl_norm_orig(&n, 4), 8);
    assert_int_equal(fl_norm_column(&n, o2, 3), 2);
    assert_int_equal(fl_norm_column(&n, o2, 4), 5);

    /* a dropped zero-width character is skipped by the map */
    const char *o3 = "A\xE2\x80\x8B" "B";
    fl_norm_text(&n, &a, o3, strlen(o3));
    assert_string_equal(n.text, "AB");
    assert_int_equal(fl_norm_orig(&n, 1), 4);
    assert_int_equal(fl_norm_column(&n, o3, 1), 3);

    /* a match found in the normalised text maps back to its original span */
    const char *o4 = "依据《ＧＢ　３０９５—１９９６》执行";
    fl_norm_text(&n, &a, o4, strlen(o4));
    assert_string_equal(n.text, "依据《GB 3095-1996》执行");
    const char *m = strstr(n.text, "GB 3095-1996");
    assert_non_null(m);
    size_t off = (size_t)(m - n.text), end = off + strlen("GB 3095-1996");
    assert_int_equal(fl_norm_column(&n, o4, off), 4);
    assert_int_equal(fl_norm_column(&n, o4, end), 16);
    assert_int_equal(fl_norm_orig(&n, off), strlen("依据《"));
    assert_int_equal(fl_norm_orig(&n, end), strlen("依据《ＧＢ　３０９５—１９９６"));
    fl_arena_free(&a);
}

static void test_cp(void **state)
{
    (void)state;
    static const struct { uint32_t in, want; } cases[] = {
        {'a', 'a'}, {'A', 'A'}, {'-', '-'}, {' ', ' '}, {'\t', ' '}, {'\n', ' '},
        {'\r', ' '}, {0x0B, ' '}, {0x0C, ' '}, {0, ' '}, {0x01, 0x01},
        {0xFF01, '!'}, {0xFF08, '('}, {0xFF09, ')'}, {0xFF0C, 0xFF0C}, {0xFF0D, '-'},
        {0xFF0E, '.'}, {0xFF10, '0'}, {0xFF19, '9'}, {0xFF1A, ':'}, {0xFF21, 'A'},
        {0xFF41, 'a'}, {0xFF5E, '~'}, {0xFF00, 0xFF00}, {0xFF5F, 0xFF5F},
        {0x3000, ' '}, {0x00A0, ' '}, {0x2000, ' '}, {0x200A, ' '}, {0x202F, ' '},
        {0x205F, ' '}, {0x0085, ' '},
        {0x200B, 0}, {0xFEFF, 0}, {0x00AD, 0},
        {0x2010, '-'}, {0x2013, '-'}, {0x2014, '-'}, {0x2015, '-'}, {0x2212, '-'},
        {0xFE58, '-'}, {0xFE63, '-'}, {0x2E3A, '-'}, {0x2E3B, '-'},
        {0x30FC, 0x30FC}, {0x2053, 0x2053}, {0x2016, 0x2016}, {0x3002, 0x3002},
        {0x3001, 0x3001}, {0x4E2D, 0x4E2D}, {0x1F600, 0x1F600},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
        if (fl_norm_cp(cases[i].in) != cases[i].want)
            fail_msg("U+%04X -> U+%04X, want U+%04X", (unsigned)cases[i].in,
                     (unsigned)fl_norm_cp(cases[i].in), (unsigned)cases[i].want);
}

static void test_label(void **state)
{
    (void)state;
    static const text_case cases[] = {
        {"建 设 单 位（盖章）：", "建设单位"},
        {"建设单位（盖章）：", "建设单位"},
        {"建设单位(盖章):", "建设单位"},
        {"建设单位（盖章)：", "建设单位"},
        {"建设单位（ 盖 章 ）", "建设单位"},
        {"法定代表人（签字）", "法定代表人"},
        {"编制单位（签章）", "编制单位"},
        {"编制日期（选填）：", "编制日期"},
        {"建设单位（签字或盖章）：", "建设单位"},
        {"建设单位（签字/盖章）", "建设单位"},
        {"联系人（签名）（盖章）：", "联系人"},
        {"建设单位（单位公章）", "建设单位"},
        {"项目名称：", "项目名称"},
        {"项目名称:", "项目名称"},
        {"项目名称", "项目名称"},
        {"　项目　名称　：　", "项目名称"},
        {"建设单位：（盖章）", "建设单位"},
        {"ＧＢ　标准", "GB标准"},
        /* parentheses that carry meaning stay */
        {"总投资（万元）", "总投资(万元)"},
        {"环保投资占比（%）：", "环保投资占比(%)"},
        {"建设项目（污染影响类）", "建设项目(污染影响类)"},
        {"项目（盖章处）", "项目(盖章处)"},
        {"（盖章）", ""},
        {"：", ""},
        {"", ""},
        {"（", "("},
    };
    fl_arena a;
    fl_arena_init(&a);
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char *r = fl_norm_label(&a, cases[i].in, strlen(cases[i].in));
        if (strcmp(r, cases[i].want) != 0)
            fail_msg("label \"%s\": got \"%s\", want \"%s\"", cases[i].in, r, cases[i].want);
    }
    fl_arena_free(&a);
}

/* A block of a million characters mixing every class goes through in one
 * call, and the result is what the pieces give separately. */
static void test_large_block(void **state)
{
    (void)state;
    const char *unit = "项目　ＧＢ３０９５—２０１２ ,\t\n";
    const char *want_unit = "项目 GB3095-2012 , ";
    size_t ul = strlen(unit), wl = strlen(want_unit), reps = 1000000 / 16;
    char *big = fl_xmalloc(ul * reps);
    for (size_t i = 0; i < reps; i++) memcpy(big + i * ul, unit, ul);
    fl_arena a;
    fl_arena_init(&a);
    fl_norm n;
    fl_norm_text(&n, &a, big, ul * reps);
    assert_int_equal(n.len, wl * reps);
    for (size_t i = 0; i < reps; i++)
        if (memcmp(n.text + i * wl, want_unit, wl) != 0) fail_msg("block %zu differs", i);
    assert_int_equal(fl_norm_orig(&n, wl * 5), ul * 5);
    assert_int_equal(fl_norm_orig(&n, n.len), ul * reps);
    free(big);
    fl_arena_free(&a);
}

/* A line copied out of a PDF with a space between every CJK character is
 * told from ordinary text, and folding maps every character back. */
static void test_spaced(void **state)
{
    (void)state;
    assert_true(fl_norm_spaced("项 目 名 称 ：医 药 原 料 药", strlen("项 目 名 称 ：医 药 原 料 药")));
    assert_true(fl_norm_spaced("本 项 目 位 于 生 态 保 护 红 线 内 。", strlen("本 项 目 位 于 生 态 保 护 红 线 内 。")));
    /* one spaced label among joined words, gaps between fields, a table row */
    const char *no[] = {"项 目 名 称 ：医药原料药生产项目年产三千吨", "建设单位：某某公司　　联系人：张三",
                        "序号\t名称\t规模\t备注", "GB 3095 - 2012 环境空气质量标准", "一、 总 则"};
    for (size_t i = 0; i < sizeof no / sizeof *no; i++)
        if (fl_norm_spaced(no[i], strlen(no[i]))) fail_msg("\"%s\" taken for spaced text", no[i]);

    fl_arena a;
    fl_arena_init(&a);
    fl_norm n;
    const char *in = "项 目 名 称 ： 医 药  原 料\t药 GB 3095";
    fl_norm_text_opts(&n, &a, in, strlen(in), FL_NORM_FOLD_CJK_SPACES);
    /* single spaces between CJK go; the double gap, the tab and the space
     * before Latin letters stay (as one space) */
    assert_string_equal(n.text, "项目名称:医药 原料 药 GB 3095");
    size_t off = (size_t)(strstr(n.text, "原") - n.text);
    assert_int_equal(fl_norm_orig(&n, off), (size_t)(strstr(in, "原") - in));
    assert_int_equal(fl_norm_column(&n, in, off), 16);
    fl_norm_text(&n, &a, in, strlen(in)); /* without the option nothing is folded */
    assert_string_equal(n.text, "项 目 名 称 : 医 药 原 料 药 GB 3095");
    fl_arena_free(&a);
}

/* The compact map against one built by hand: a long mixed text of pieces
 * whose normalised form and origin are known, so every output byte's
 * original offset is known too. Many tokens (the index is crossed many
 * times), runs of equal steps, dropped characters; the aliasing variant
 * gives the same text and map. */
static void test_compact_map(void **state)
{
    (void)state;
    static const struct { const char *in, *out; bool space; } pieces[] = {
        {"中", "中", false},      {"\xEF\xBC\xA1", "A", false}, /* Ａ */
        {"a", "a", false},        {"\xE2\x80\x8B", "", false}, /* zero width */
        {"\xE2\x80\x94", "-", false}, /* em dash */
        {"\xE3\x80\x80", " ", true}, /* ideographic space */
        {"\xEF\xBC\x91", "1", false}, /* １ */
    };
    enum { NPIECES = 20000 };
    fl_buf in = FL_BUF_INIT, want = FL_BUF_INIT;
    size_t *origin = fl_xmalloc(NPIECES * 8 * sizeof *origin); /* per output byte */
    unsigned seed = 12345;
    bool after_space = true; /* no leading space: it would fold with nothing */
    for (int k = 0; k < NPIECES; k++) {
        seed = seed * 1103515245u + 12345u;
        size_t p = (seed >> 16) % (sizeof pieces / sizeof *pieces);
        /* spaces fold with spaces next to them, also across a dropped character */
        if (after_space && (pieces[p].space || !*pieces[p].out)) p = 0;
        if (k == NPIECES - 1 && pieces[p].space) p = 0;
        size_t start = in.len;
        fl_buf_adds(&in, pieces[p].in);
        for (size_t b = 0; b < strlen(pieces[p].out); b++) origin[want.len + b] = start;
        fl_buf_adds(&want, pieces[p].out);
        after_space = pieces[p].space;
    }
    fl_arena a;
    fl_arena_init(&a);
    for (int alias = 0; alias < 2; alias++) {
        fl_norm n;
        fl_norm_text_opts(&n, &a, in.data, in.len, alias ? FL_NORM_MAY_ALIAS : 0);
        assert_int_equal(n.len, want.len);
        assert_memory_equal(n.text, want.data, want.len);
        assert_true(n.nmap > 100); /* well past one index entry */
        for (size_t i = 0; i < n.len; i++)
            if (fl_norm_orig(&n, i) != origin[i]) fail_msg("byte %zu: %zu, want %zu", i, fl_norm_orig(&n, i), origin[i]);
        assert_int_equal(fl_norm_orig(&n, n.len), in.len);
    }
    free(origin);
    fl_buf_free(&in);
    fl_buf_free(&want);

    /* uniform runs are one token however long: full-width letters, spaced CJK */
    fl_buf fw = FL_BUF_INIT, sp = FL_BUF_INIT;
    for (int k = 0; k < 100000; k++) fl_buf_adds(&fw, "\xEF\xBC\xA1"); /* Ａ */
    for (int k = 0; k < 100000; k++) fl_buf_adds(&sp, "项 ");
    fl_buf_adds(&sp, "目");
    fl_norm n;
    fl_norm_text_opts(&n, &a, fw.data, fw.len, FL_NORM_MAY_ALIAS);
    assert_int_equal(n.len, 100000);
    assert_true(n.nmap <= 2);
    for (size_t i = 0; i <= n.len; i += 997) assert_int_equal(fl_norm_orig(&n, i), 3 * i);
    fl_norm_text_opts(&n, &a, sp.data, sp.len, FL_NORM_FOLD_CJK_SPACES | FL_NORM_MAY_ALIAS);
    assert_int_equal(n.len, 3 * 100001);
    assert_true(n.nmap <= 2);
    for (size_t j = 0; j <= 100000; j += 991) assert_int_equal(fl_norm_orig(&n, 3 * j), 4 * j);
    fl_buf_free(&fw);
    fl_buf_free(&sp);

    /* nothing to change: the text is the input itself, no map */
    const char *same = "本项目位于江苏省，占地12000平方米。";
    fl_norm_text_opts(&n, &a, same, strlen(same), FL_NORM_MAY_ALIAS);
    assert_ptr_equal(n.text, same);
    assert_null(n.map);
    fl_norm_text(&n, &a, same, strlen(same)); /* without the option: a copy */
    assert_ptr_not_equal(n.text, same);
    assert_string_equal(n.text, same);
    /* a change at the very end still copies, and ends the copy */
    const char *tail = "本项目\xE2\x80\x8B";
    fl_norm_text_opts(&n, &a, tail, strlen(tail), FL_NORM_MAY_ALIAS);
    assert_ptr_not_equal(n.text, tail);
    assert_string_equal(n.text, "本项目");
    assert_int_equal(fl_norm_orig(&n, n.len), strlen(tail));
    fl_arena_free(&a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fullwidth),       cmocka_unit_test(test_spaces),
        cmocka_unit_test(test_dashes),          cmocka_unit_test(test_kept),
        cmocka_unit_test(test_invalid_bytes),   cmocka_unit_test(test_map_and_columns),
        cmocka_unit_test(test_cp),              cmocka_unit_test(test_label),
        cmocka_unit_test(test_large_block),     cmocka_unit_test(test_spaced),
        cmocka_unit_test(test_compact_map),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
