/* Unit tests for rules/pattern: how pattern literals are normalised (a
 * full-width bracket is a literal, never a group), named-pattern expansion,
 * compile errors, and the match limits that keep a pathological pattern from
 * hanging a run while a realistic one over a long paragraph stays below them. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "core/arena.h"
#include "core/norm.h"
#include "rules/pattern.h"

static const char *lookup(void *ctx, const char *name, size_t len)
{
    (void)ctx;
    if (len == 6 && !memcmp(name, "absent", 6)) return "不涉及|无";
    if (len == 4 && !memcmp(name, "unit", 4)) return "万?元";
    return NULL;
}

static void expect_prepared(const char *src, const char *want)
{
    fl_buf b = FL_BUF_INIT;
    char msg[256] = "";
    assert_int_equal(fl_pattern_prepare(&b, src, strlen(src), lookup, NULL, msg, sizeof msg), 0);
    assert_string_equal(b.data, want);
    fl_buf_free(&b);
}

static void test_prepare_literals(void **state)
{
    (void)state;
    expect_prepared("（此处填写[^）]*）", "\\(此处填写[^\\)]*\\)");
    expect_prepared("建设单位：", "建设单位:");
    expect_prepared("ＧＢ３０９５—２０１２", "GB3095-2012");
    expect_prepared("a　b", "a b");                 /* ideographic space */
    expect_prepared("＊＊", "\\*\\*");
    expect_prepared("[：:]", "[\\::]");             /* never the POSIX opener "[:" */
    expect_prepared("[:：]", "[\\:\\:]");
    expect_prepared("[—－]", "[\\-\\-]");
    expect_prepared("\\（", "\\(");                 /* escaped full-width stays literal */
    expect_prepared("\\Ｄ", "D");                   /* not the class \D */
    expect_prepared("\\Q（a）\\E", "\\Q(a)\\E");     /* quoted: no escapes needed */
    expect_prepared("a\u200Bb", "ab");              /* zero-width dropped */
    expect_prepared("[[:alpha:]]", "[[:alpha:]]");
    expect_prepared("[]（]", "[]\\(]");
}

static void test_prepare_syntax_untouched(void **state)
{
    (void)state;
    expect_prepared("(?:已建成|已投产)", "(?:已建成|已投产)");
    expect_prepared("\\d{2,4}年", "\\d{2,4}年");
    expect_prepared("\\p{Han}{1,3}", "\\p{Han}{1,3}");
    expect_prepared("\\x{4e00}", "\\x{4e00}");
    expect_prepared("(?<![A-Za-z])TBD", "(?<![A-Za-z])TBD");
    expect_prepared("a(?# 注释 {absent} )b", "ab");
    expect_prepared("\\{absent}", "\\{absent}");
}

static void test_prepare_named(void **state)
{
    (void)state;
    expect_prepared("{absent}[^。]{0,20}红线", "(?:不涉及|无)[^。]{0,20}红线");
    expect_prepared("\\d+{unit}", "\\d+(?:万?元)");
    fl_buf b = FL_BUF_INIT;
    char msg[256] = "";
    assert_int_equal(fl_pattern_prepare(&b, "{nosuch}", 8, lookup, NULL, msg, sizeof msg), -1);
    assert_non_null(strstr(msg, "unknown pattern name {nosuch}"));
    fl_buf_free(&b);
}

static void test_unfold(void **state)
{
    (void)state;
    fl_buf b = FL_BUF_INIT;
    const char *src = "\n    生态保护红线|\n    自然保护区|饮用水水源\n  ";
    fl_pattern_unfold(&b, src, strlen(src));
    assert_string_equal(b.data, "生态保护红线|自然保护区|饮用水水源");
    fl_buf_free(&b);
}

static void test_compile_error(void **state)
{
    (void)state;
    pcre2_code *code = NULL;
    char msg[256] = "";
    assert_int_equal(fl_pattern_compile(&code, "已开工(建设", msg, sizeof msg), -1);
    assert_null(code);
    assert_non_null(strstr(msg, "missing closing parenthesis"));
    assert_non_null(strstr(msg, "at character 7"));
}

static fl_pattern *compile(const char *src)
{
    fl_pattern *p = calloc(1, sizeof *p);
    fl_buf b = FL_BUF_INIT;
    char msg[256];
    assert_int_equal(fl_pattern_prepare(&b, src, strlen(src), lookup, NULL, msg, sizeof msg), 0);
    assert_int_equal(fl_pattern_compile(&p->code, b.data, msg, sizeof msg), 0);
    fl_buf_free(&b);
    return p;
}

static void free_pattern(fl_pattern *p)
{
    pcre2_code_free(p->code);
    free(p);
}

/* The prepared pattern matches what the normalised text holds. */
static void test_match_normalised(void **state)
{
    (void)state;
    fl_arena a;
    fl_arena_init(&a);
    fl_matcher m;
    fl_matcher_init(&m);
    fl_pattern *p = compile("（此处填写[^）]*）");
    const char *text = "三、（此处填写环境保护目标）。";
    fl_norm n;
    fl_norm_text(&n, &a, text, strlen(text));
    size_t ms, me;
    assert_int_equal(fl_pattern_find(&m, p, n.text, n.len, 0, &ms, &me), 1);
    assert_int_equal(fl_norm_column(&n, text, ms), 3);
    assert_int_equal(fl_norm_column(&n, text, me), 15);
    assert_int_equal(fl_pattern_find(&m, p, n.text, n.len, me, &ms, &me), 0);
    free_pattern(p);
    fl_matcher_fini(&m);
    fl_arena_free(&a);
}

static void test_limit_hit(void **state)
{
    (void)state;
    fl_matcher m;
    fl_matcher_init(&m);
    fl_pattern *p = compile("(a+a+)+[bc]");
    size_t len = 20000;
    char *s = malloc(len + 1);
    memset(s, 'a', len);
    s[len] = '\0';
    size_t ms, me;
    assert_int_equal(fl_pattern_find(&m, p, s, len, 0, &ms, &me), -1);
    assert_int_equal(fl_pattern_test(&m, p, "aab", 3), 1); /* short text: fine */
    free(s);
    free_pattern(p);
    fl_matcher_fini(&m);
}

/* A realistic absence pattern over a 200,000-character paragraph. */
static void test_realistic_long(void **state)
{
    (void)state;
    fl_matcher m;
    fl_matcher_init(&m);
    fl_pattern *p = compile("{absent}[^。；]{0,20}(?:生态保护红线|自然保护区|饮用水水源(?:保护区)?)");
    fl_buf b = FL_BUF_INIT;
    for (int i = 0; i < 20000; i++) fl_buf_adds(&b, "项目位于工业园区内");
    fl_buf_adds(&b, "，不涉及生态保护红线。");
    size_t ms, me;
    assert_int_equal(fl_pattern_find(&m, p, b.data, b.len, 0, &ms, &me), 1);
    assert_true(me - ms > 0);
    fl_buf_free(&b);
    free_pattern(p);
    fl_matcher_fini(&m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_prepare_literals),
        cmocka_unit_test(test_prepare_syntax_untouched),
        cmocka_unit_test(test_prepare_named),
        cmocka_unit_test(test_unfold),
        cmocka_unit_test(test_compile_error),
        cmocka_unit_test(test_match_normalised),
        cmocka_unit_test(test_limit_hit),
        cmocka_unit_test(test_realistic_long),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
