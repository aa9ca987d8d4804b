/* Unit tests for rules/suppress.c: directive forms, Word comment ranges,
 * Markdown next-line scope, LINT001 for a missing reason or rule list,
 * LINT002 only when the named rules ran, and selection of the LINT rules. */
#include "model/finish.h"
#include "model/load.h"
#include "input/readers.h"
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "input/input.h"
#include "core/xmlsafe.h"
#include "rules/suppress.h"

static const fl_ruleset rs = {.id = "t"};
static const fl_rule doc001 = {.id = "DOC001", .index = 0, .ruleset = &rs};
static const fl_rule eia302 = {.id = "EIA302", .index = 1, .ruleset = &rs};

/* A rule set holding the two rules above, for "did the rule run". */
static fl_rules set;
static const fl_rule *all[2] = {&doc001, &eia302};

static int setup(void **state)
{
    (void)state;
    fl_xml_init();
    memset(&set, 0, sizeof set);
    set.all = all;
    set.nrules = 2;
    return 0;
}

static void finding(fl_result *r, const fl_rule *rule, int block, int line)
{
    fl_finding *f = fl_result_add(r);
    f->rule = rule;
    f->block = block;
    f->line = f->end_line = line;
    f->column = 1;
    f->end_column = 2;
    f->message = rule->id;
    f->match = "";
    f->section = "";
    f->excerpt = "";
}

static fl_suppress_opts opts(void)
{
    fl_suppress_opts o = {&set, NULL, NULL, {true, true}};
    return o;
}

/* "line:rule line:rule ..." of the result */
static const char *summary(const fl_result *r, char *buf, size_t cap)
{
    size_t o = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < r->nfindings && o < cap; i++)
        o += (size_t)snprintf(buf + o, cap - o, "%s%d:%s", i ? " " : "", r->findings[i].line, r->findings[i].rule->id);
    return buf;
}

static fl_doc *md(const char *text)
{
    fl_doc *d = NULL;
    fl_error err;
    assert_int_equal(fl_doc_load_memory(&d, "t.md", text, strlen(text), &err), 0);
    return d;
}

static void test_markdown_next_line(void **state)
{
    (void)state;
    fl_doc *d = md("# 建设项目环境影响报告表\n"                          /* 1 */
                   "<!-- filinglint-disable DOC001: 型号 -->\n"          /* 2 */
                   "型号 XX-1\n"                                         /* 3 hidden */
                   "<!-- filinglint-disable doc001，EIA302 ：多条 -->\n" /* 4 */
                   "<!-- filinglint-disable DOC001 -->\n"                /* 5: no reason */
                   "XX 与 上海\n"                                        /* 6: hidden by 4 only */
                   "XX\n");                                              /* 7 */
    fl_result r;
    fl_result_init(&r);
    for (size_t b = 0; b < d->nblocks; b++) {
        int line = d->blocks[b].line;
        if (line == 3 || line == 6 || line == 7) finding(&r, &doc001, (int)b, line);
        if (line == 6) finding(&r, &eia302, (int)b, line);
    }
    fl_suppress_opts o = opts();
    assert_int_equal(fl_suppress_apply(d, &r, &o), 3);
    char buf[256];
    assert_string_equal(summary(&r, buf, sizeof buf), "5:LINT001 7:DOC001");
    assert_string_equal(r.findings[0].item, "DOC001");
    fl_result_free(&r);
    fl_doc_free(d);
}

static void test_unused(void **state)
{
    (void)state;
    fl_doc *d = md("# 建设项目环境影响报告表\n"
                   "<!-- filinglint-disable DOC001: 已改 -->\n"   /* 2: ran, hid nothing */
                   "正文。\n"
                   "<!-- filinglint-disable EIA302: 未运行 -->\n" /* 4: EIA302 disabled below */
                   "正文。\n"
                   "<!-- filinglint-disable NOPE1: 无此规则 -->\n"
                   "正文。\n");
    fl_result r;
    fl_result_init(&r);
    unsigned char enabled[2] = {1, 0};
    fl_suppress_opts o = opts();
    o.enabled = enabled;
    assert_int_equal(fl_suppress_apply(d, &r, &o), 0);
    char buf[256];
    assert_string_equal(summary(&r, buf, sizeof buf), "2:LINT002");
    fl_result_free(&r);
    /* LINT002 not selected */
    fl_result_init(&r);
    o.report[FL_LINT_UNUSED] = false;
    fl_suppress_apply(d, &r, &o);
    assert_int_equal(r.nfindings, 0);
    fl_result_free(&r);
    fl_doc_free(d);
}

static void test_not_directives(void **state)
{
    (void)state;
    fl_doc *d = md("# 建设项目环境影响报告表\n"
                   "<!-- filinglint-disable-next-line DOC001: x -->\n"
                   "XX\n"
                   "<!-- 普通注释 filinglint-disable DOC001: x -->\n"
                   "XX\n"
                   "filinglint-disable DOC001: 不在注释里\n"
                   "XX\n"
                   "<!-- filinglint-disable: 没有规则 -->\n"
                   "XX\n");
    fl_result r;
    fl_result_init(&r);
    for (size_t b = 0; b < d->nblocks; b++)
        if (!strcmp(d->blocks[b].text, "XX")) finding(&r, &doc001, (int)b, d->blocks[b].line);
    fl_suppress_opts o = opts();
    assert_int_equal(fl_suppress_apply(d, &r, &o), 0);
    char buf[256];
    assert_string_equal(summary(&r, buf, sizeof buf), "3:DOC001 5:DOC001 7:DOC001 8:LINT001 9:DOC001");
    assert_non_null(strstr(r.findings[3].message, "规则编号"));
    fl_result_free(&r);
    fl_doc_free(d);
}

/* Word comments: the range is the blocks the comment covers. */
static void test_word_ranges(void **state)
{
    (void)state;
    fl_doc *d = fl_doc_new("t.docx");
    d->reader = fl_reader_find("docx");
    const char *paras[] = {"建设项目环境影响报告表", "一、概况", "建设单位：XX公司", "地点：上海", "其他：XX"};
    for (size_t i = 0; i < 5; i++) fl_doc_add_block(d, FL_PART_BODY, FL_BLOCK_PARAGRAPH, paras[i], strlen(paras[i]));
    fl_comment *c = fl_doc_add_comment(d);
    c->id = "0";
    c->text = "filinglint-disable DOC001,EIA3: 名称待核准\n第二段";
    c->start_block = 2;
    c->end_block = 3;
    c = fl_doc_add_comment(d);
    c->id = "1";
    c->text = "请核对";
    c->start_block = 4;
    c->end_block = 4;
    fl_doc_finish(d);
    fl_result r;
    fl_result_init(&r);
    finding(&r, &doc001, 2, 3);
    finding(&r, &eia302, 3, 4);
    finding(&r, &doc001, 4, 5);
    fl_suppress_opts o = opts();
    assert_int_equal(fl_suppress_apply(d, &r, &o), 2);
    char buf[256];
    assert_string_equal(summary(&r, buf, sizeof buf), "5:DOC001");
    fl_result_free(&r);
    fl_doc_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_markdown_next_line),
        cmocka_unit_test(test_unused),
        cmocka_unit_test(test_not_directives),
        cmocka_unit_test(test_word_ranges),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
