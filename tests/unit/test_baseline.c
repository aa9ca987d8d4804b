/* Unit tests for rules/baseline.c: fingerprints leave line numbers out,
 * change with rule, section and (normalised) text, count identical findings
 * apart; baseline files round-trip and match paths however spelled. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "rules/baseline.h"

static const fl_rule doc001 = {.id = "DOC001"};
static const fl_rule doc002 = {.id = "DOC002"};

static fl_finding *add(fl_result *r, const fl_rule *rule, int line, const char *section, const char *match)
{
    fl_finding *f = fl_result_add(r);
    f->rule = rule;
    f->line = f->end_line = line;
    f->column = 1;
    f->end_column = 3;
    f->section = section;
    f->match = match;
    f->message = "m";
    return f;
}

static void test_line_independent(void **state)
{
    (void)state;
    fl_result a, b;
    fl_result_init(&a);
    fl_result_init(&b);
    add(&a, &doc001, 5, "一、概况", "XX");
    add(&b, &doc001, 57, "一、概况", "XX");
    fl_baseline_fingerprint(&a);
    fl_baseline_fingerprint(&b);
    assert_non_null(a.findings[0].fingerprint);
    assert_int_equal(strlen(a.findings[0].fingerprint), FL_FINGERPRINT_HEX);
    assert_string_equal(a.findings[0].fingerprint, b.findings[0].fingerprint);
    fl_result_free(&a);
    fl_result_free(&b);
}

static void test_what_counts(void **state)
{
    (void)state;
    fl_result r;
    fl_result_init(&r);
    add(&r, &doc001, 1, "一、概况", "XX");
    add(&r, &doc002, 1, "一、概况", "XX");       /* other rule */
    add(&r, &doc001, 1, "二、工程分析", "XX");   /* other section */
    add(&r, &doc001, 1, "一、概况", "××");       /* other text */
    add(&r, &doc001, 9, "一、概况", "ＸＸ");     /* full-width: normalises to XX, second occurrence */
    fl_baseline_fingerprint(&r);
    for (size_t i = 0; i < r.nfindings; i++)
        for (size_t k = i + 1; k < r.nfindings; k++)
            assert_string_not_equal(r.findings[i].fingerprint, r.findings[k].fingerprint);
    /* the second XX of section 一 is occurrence 1: the same as a lone second XX elsewhere */
    fl_result s;
    fl_result_init(&s);
    add(&s, &doc001, 3, "一、概况", "XX");
    add(&s, &doc001, 4, "一、概况", "XX");
    fl_baseline_fingerprint(&s);
    assert_string_equal(s.findings[0].fingerprint, r.findings[0].fingerprint);
    assert_string_equal(s.findings[1].fingerprint, r.findings[4].fingerprint);
    fl_result_free(&r);
    fl_result_free(&s);
}

static void test_missing_items(void **state)
{
    (void)state;
    fl_result r;
    fl_result_init(&r);
    fl_finding *a = add(&r, &doc001, 1, "", "");
    a->item = "生态保护红线";
    fl_finding *b = add(&r, &doc001, 1, "", "");
    b->item = "自然保护区";
    fl_baseline_fingerprint(&r);
    assert_string_not_equal(r.findings[0].fingerprint, r.findings[1].fingerprint);
    /* already set: kept */
    const char *fp = r.findings[0].fingerprint;
    fl_baseline_fingerprint(&r);
    assert_ptr_equal(fp, r.findings[0].fingerprint);
    fl_result_free(&r);
}

static void test_round_trip(void **state)
{
    (void)state;
    char path[] = "/tmp/fl_baseline_XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    fl_result r;
    fl_result_init(&r);
    add(&r, &doc001, 5, "一、概况", "XX");
    add(&r, &doc001, 6, "一、概况", "××");
    fl_baseline_fingerprint(&r);
    fl_baseline *b = fl_baseline_new();
    fl_baseline_add(b, "./dir//a.docx", &r.findings[0]);
    assert_int_equal(fl_baseline_count(b), 1);
    assert_int_equal(fl_baseline_write(b, f), 0);
    fclose(f);
    fl_baseline_free(b);

    fl_error err;
    fl_error_clear(&err);
    fl_baseline *l = NULL;
    assert_int_equal(fl_baseline_load(&l, path, &err), 0);
    assert_true(fl_baseline_has(l, "dir/a.docx", &r.findings[0]));
    assert_true(fl_baseline_has(l, "./dir/a.docx", &r.findings[0]));
    assert_false(fl_baseline_has(l, "dir/b.docx", &r.findings[0]));
    assert_false(fl_baseline_has(l, "dir/a.docx", &r.findings[1]));
    fl_baseline_free(l);
    fl_result_free(&r);

    f = fopen(path, "w");
    fputs("{\"findings\": [{\"path\": \"a\", \"fingerprint\": \"xyz\"}]}", f);
    fclose(f);
    assert_int_equal(fl_baseline_load(&l, path, &err), -1);
    assert_null(l);
    assert_int_equal(err.code, FL_E_CONFIG);
    assert_string_equal(err.file, path);
    unlink(path);
    fl_baseline_free(NULL);
}

static void test_path(void **state)
{
    (void)state;
    char buf[64];
    assert_string_equal(fl_baseline_path("./././a//b.md", buf, sizeof buf), "a/b.md");
    assert_string_equal(fl_baseline_path("/abs/x.docx", buf, sizeof buf), "/abs/x.docx");
    assert_string_equal(fl_baseline_path("../up.md", buf, sizeof buf), "../up.md");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_line_independent),
        cmocka_unit_test(test_what_counts),
        cmocka_unit_test(test_missing_items),
        cmocka_unit_test(test_round_trip),
        cmocka_unit_test(test_path),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
