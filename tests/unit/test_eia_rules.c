/* Unit tests for the EIA ruleset (rulesets/eia.xml) and the kind features it
 * brought: a finding carries its rule's unless-sibling (EIA401), kinds'
 * own messages and severities (a missing section, an item, a table test),
 * clause-level `unless`, and the table kind's header bands over the one-table
 * layout of the 编制单位和编制人员情况表 (merged label rows, two person lists
 * with their own header rows), built here cell by cell. */
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
#include "rules/engine.h"
#include "rules/ruleset.h"
#include "lint_fixture.h"


static int setup(void **state)
{
    const char *fx = getenv("FL_FIXTURES");
    char path[1200];
    snprintf(path, sizeof path, "%s/../rulesets/eia.xml", fx ? fx : "fixtures");
    return fixture_load(state, path, NULL);
}

/* Lint as the detected type, or as a 报告表 when none is detected (the
 * short texts below have no cover). */
static void run(fixture *f, const fl_doc *doc, const char *only, fl_result *res)
{
    fl_lint_opts o;
    memset(&o, 0, sizeof o);
    if (!doc->doc_type) o.doc_type = "eia-form";
    if (only) {
        o.only = fl_rules_find(&f->rules, only);
        assert_non_null(o.only);
    }
    fl_result_init(res);
    fl_lint_run(f->lint, doc, &o, res);
    assert_int_equal(res->nerrors, 0);
}

static fl_doc *load(fixture *f, const char *rel)
{
    char path[1200];
    snprintf(path, sizeof path, "%s/%s", f->dir, rel);
    fl_doc *doc = NULL;
    fl_error err;
    assert_int_equal(fl_doc_load(&doc, path, &err), 0);
    return doc;
}

static fl_doc *md(const char *text)
{
    fl_doc *doc = NULL;
    fl_error err;
    assert_int_equal(fl_doc_load_memory(&doc, "d.md", text, strlen(text), &err), 0);
    return doc;
}

/* EIA401's findings say which sibling document voids them; no other does. */
static void test_unless_sibling(void **state)
{
    fixture *f = *state;
    fl_result res;
    fl_doc *doc = load(f, "eia/book-no-pp.md");
    run(f, doc, NULL, &res);
    size_t voidable = 0; /* the book also lacks chapters other rules report (EIA106) */
    for (size_t i = 0; i < res.nfindings; i++) {
        if (strcmp(res.findings[i].rule->id, "EIA401")) {
            assert_null(res.findings[i].unless_sibling);
            continue;
        }
        voidable++;
        assert_int_equal(res.findings[i].line, 1);
        assert_non_null(res.findings[i].unless_sibling);
        assert_string_equal(res.findings[i].unless_sibling, "eia-pp");
    }
    assert_int_equal(voidable, 1);
    fl_result_free(&res);
    fl_doc_free(doc);

    doc = load(f, "eia/form-staff.md");
    run(f, doc, NULL, &res);
    assert_true(res.nfindings >= 6);
    for (size_t i = 0; i < res.nfindings; i++) assert_null(res.findings[i].unless_sibling);
    fl_result_free(&res);
    fl_doc_free(doc);
}

/* A missing section once, with the kind's own message at the rule's
 * severity; items with their own severity and message. */
static void test_kind_messages(void **state)
{
    fixture *f = *state;
    fl_result res;
    fl_doc *doc = md("## 一、建设项目基本情况\n项目位于园区内。\n");
    run(f, doc, "EIA105", &res);
    assert_int_equal(res.nfindings, 1);
    assert_int_equal(res.findings[0].line, 1);
    assert_int_equal(res.findings[0].severity, FL_SEV_ERROR);
    assert_null(res.findings[0].item);
    assert_string_equal(res.findings[0].message, "缺少环境保护措施章节（环境保护措施及其可行性论证 / 主要环境影响和保护措施）");
    fl_result_free(&res);
    fl_doc_free(doc);

    doc = md("## 5 环境影响预测与评价\n大气、地表水、地下水、声环境、土壤、生态影响较小。\n");
    fl_lint_opts o;
    memset(&o, 0, sizeof o);
    o.only = fl_rules_find(&f->rules, "EIA104");
    o.doc_type = "eia-book";
    fl_result_init(&res);
    fl_lint_run(f->lint, doc, &o, &res);
    assert_int_equal(res.nfindings, 1);
    assert_string_equal(res.findings[0].item, "环境风险");
    assert_int_equal(res.findings[0].severity, FL_SEV_ERROR);
    assert_int_equal(res.findings[0].line, 1); /* the chapter heading */
    assert_non_null(strstr(res.findings[0].message, "未开展环境风险评价"));
    fl_result_free(&res);
    fl_doc_free(doc);
}

/* Who a statement is about is decided per clause: the existing plant's
 * clause is excused, the project's clause in the same sentence is not. */
static void test_clause(void **state)
{
    fixture *f = *state;
    fl_result res;
    fl_doc *doc = md("## 二、建设项目工程分析\n"
                     "是否开工建设：否\n"
                     "现有工程已建成投产，本项目主体厂房已建成。\n"
                     "项目主体厂房已建成。\n"
                     "项目不存在未批先建情况。\n");
    run(f, doc, "EIA102", &res);
    assert_int_equal(res.nfindings, 2);
    assert_int_equal(res.findings[0].line, 3);
    assert_int_equal(res.findings[0].column, 14); /* 本项目|主体厂房已建成 */
    assert_string_equal(res.findings[0].match, "主体厂房已建成");
    assert_int_equal(res.findings[1].line, 4); /* a denial is no acknowledgement */
    fl_result_free(&res);
    fl_doc_free(doc);
}

/* One cell (paragraph) of the hand-built table. */
static void cell(fl_doc *doc, int table, int row, int col, int span, const char *text, int images)
{
    fl_block *b = fl_doc_add_block(doc, FL_PART_BODY, FL_BLOCK_CELL, text, strlen(text));
    b->table = table;
    fl_block_extra *x = fl_block_xw(doc, b);
    x->row = row;
    x->col = col;
    x->col_span = span;
    x->row_span = 1;
    x->images = images;
}

/* The 情况表 as LibreOffice's typed filing lays it out: one 4-column table,
 * unit rows whose value spans three columns, merged label rows, and the two
 * person lists each under its own 姓名 header row. */
static fl_doc *typed_staff_table(const char *chief_cert, const char *second_no, int last_sig)
{
    fl_doc *doc = fl_doc_new("typed.docx");
    doc->reader = fl_reader_find("docx");
    const char *t = "建设项目环境影响报告表";
    fl_doc_add_block(doc, FL_PART_BODY, FL_BLOCK_PARAGRAPH, t, strlen(t));
    t = "编制单位和编制人员情况表";
    fl_doc_add_block(doc, FL_PART_BODY, FL_BLOCK_PARAGRAPH, t, strlen(t));
    int id = fl_doc_new_table(doc), r = 1;
    cell(doc, id, r, 1, 1, "二、编制单位情况", 0), r++;
    cell(doc, id, r, 1, 1, "单位名称（盖章）", 0), cell(doc, id, r, 2, 3, "江苏清源环境科技有限公司", 0), r++;
    cell(doc, id, r, 1, 1, "统一社会信用代码", 0), cell(doc, id, r, 2, 3, "91320505MA1MY4TH9P", 0), r++;
    cell(doc, id, r, 1, 4, "1. 编制主持人", 0), r++;
    const char *head1[] = {"姓名", "职业资格证书管理号", "信用编号", "签字"};
    for (int c = 0; c < 4; c++) cell(doc, id, r, c + 1, 1, head1[c], 0);
    r++;
    cell(doc, id, r, 1, 1, "王立新", 0), cell(doc, id, r, 2, 1, chief_cert, 0);
    cell(doc, id, r, 3, 1, "BH012345", 0), cell(doc, id, r, 4, 1, "", 1), r++;
    cell(doc, id, r, 1, 4, "2. 主要编制人员", 0), r++;
    const char *head2[] = {"姓名", "主要编写内容", "信用编号", "签字"};
    for (int c = 0; c < 4; c++) cell(doc, id, r, c + 1, 1, head2[c], 0);
    r++;
    cell(doc, id, r, 1, 1, "王立新", 0), cell(doc, id, r, 2, 1, "工程分析", 0);
    cell(doc, id, r, 3, 1, "BH012345", 0), cell(doc, id, r, 4, 1, "", 1), r++;
    cell(doc, id, r, 1, 1, "陈晓燕", 0), cell(doc, id, r, 2, 1, "环境现状", 0);
    cell(doc, id, r, 3, 1, second_no, 0), cell(doc, id, r, 4, 1, last_sig ? "" : "（签字）", last_sig);
    fl_doc_finish(doc);
    return doc;
}

static void expect_one(fixture *f, const fl_doc *doc, const char *rule, int line, const char *message)
{
    fl_result res;
    run(f, doc, rule, &res);
    assert_int_equal(res.nfindings, message ? 1 : 0);
    if (message) {
        assert_int_equal(res.findings[0].line, line);
        assert_string_equal(res.findings[0].message, message);
    }
    fl_result_free(&res);
}

static void test_table_bands(void **state)
{
    fixture *f = *state;
    fl_doc *good = typed_staff_table("2015035320352013320501000123", "BH023456", 1);
    for (const char *const *id = (const char *const[]){"EIA501", "EIA502", "EIA503", "EIA504", "EIA505", NULL}; *id; id++)
        expect_one(f, good, *id, 0, NULL);
    fl_doc_free(good);

    fl_doc *bad = typed_staff_table("", "BH012345", 0);
    /* lines: 1 title, 2 caption, 3.. the cells in reading order */
    expect_one(f, bad, "EIA502", 14, "编制主持人王立新的“职业资格证书管理号”未填写");
    expect_one(f, bad, "EIA503", 29, "编制人员陈晓燕的签字栏既没有签名图片，也没有签名");
    expect_one(f, bad, "EIA505", 26, "姓名不一致：“BH012345”在前文对应“王立新”，此处为“陈晓燕”（一人一个信用编号）");
    fl_doc_free(bad);
}

static void vcell(fl_doc *doc, int table, int row, int col, int rspan, const char *text)
{
    fl_block *b = fl_doc_add_block(doc, FL_PART_BODY, FL_BLOCK_CELL, text, strlen(text));
    b->table = table;
    fl_block_extra *x = fl_block_xw(doc, b);
    x->row = row;
    x->col = col;
    x->col_span = 1;
    x->row_span = rspan;
}

/* EIA203 over a results table whose point cells are merged over two sampling
 * days: the same point on two days may repeat itself; another point copying
 * a row is reported at its row, whichever merged cell names it. */
static void test_merged_points(void **state)
{
    fixture *f = *state;
    fl_doc *doc = fl_doc_new("m.docx");
    doc->reader = fl_reader_find("docx");
    const char *t = "表3-2 地下水监测结果";
    fl_doc_add_block(doc, FL_PART_BODY, FL_BLOCK_PARAGRAPH, t, strlen(t)); /* line 1 */
    int id = fl_doc_new_table(doc);
    const char *head[] = {"监测点位", "采样日期", "pH", "氨氮", "标准限值"};
    for (int c = 0; c < 5; c++) vcell(doc, id, 1, c + 1, 1, head[c]); /* lines 2-6 */
    const char *rows[4][5] = {
        {"D1", "2024年3月1日", "7.2", "0.12", "≤0.5"},  /* lines 7-11 */
        {NULL, "2024年3月2日", "7.2", "0.12", "≤0.5"},  /* the same point: 12-15 */
        {"D2", "2024年3月1日", "7.4", "0.09", "≤0.5"},  /* 16-20 */
        {NULL, "2024年3月2日", "7.2", "0.12", "≤0.5"},  /* copies D1: 21-24 */
    };
    for (int r = 0; r < 4; r++)
        for (int c = 0; c < 5; c++)
            if (rows[r][c]) vcell(doc, id, r + 2, c + 1, c == 0 ? 2 : 1, rows[r][c]);
    fl_doc_finish(doc);
    fl_result res;
    run(f, doc, "EIA203", &res);
    assert_int_equal(res.nfindings, 1);
    assert_int_equal(res.findings[0].line, 21); /* the row's first cell: its date */
    assert_string_equal(res.findings[0].message, "监测点位“D2”的各项监测值与本表第2行“D1”完全相同，请核实监测数据");
    fl_result_free(&res);
    fl_doc_free(doc);
}

/* The check-digit hook of the table kind with GB 11643 (EIA405 reuses it
 * for respondents' ID numbers): a wrong check digit and an impossible birth
 * date are reported with the reason, a valid number and a 15-digit legacy
 * number are not. */
static void test_idcard_hook(void **state)
{
    (void)state;
    static const char *xml =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<ruleset id=\"t\" applies-to=\"eia-pp\">\n"
        "  <rule id=\"T405\" severity=\"warning\" category=\"demo\">\n"
        "    <message>{key}的{column}“{value}”：{reason}</message>\n"
        "    <table header=\"身份证\"><check-digit column=\"身份证\" algorithm=\"gb11643\"/></table>\n"
        "    <example type=\"fail\">| 姓名 | 身份证号码 |\n| --- | --- |\n| 张三 | 110105194912310021 |</example>\n"
        "    <example type=\"pass\">| 姓名 | 身份证号码 |\n| --- | --- |\n| 张三 | 11010519491231002X |</example>\n"
        "  </rule>\n"
        "</ruleset>\n";
    fl_rules rules;
    fl_error err;
    fl_rules_init(&rules);
    assert_int_equal(fl_rules_load_memory(&rules, "t.xml", xml, strlen(xml), &err), 0);
    fl_lint *lint = fl_lint_new(&rules);
    fl_doc *doc = md("| 姓名 | 身份证号码 |\n| --- | --- |\n"
                     "| 张三 | 11010519491231002X |\n"   /* valid (the GB 11643 example) */
                     "| 李四 | 110105194912310021 |\n"   /* wrong check digit */
                     "| 王五 | 440304199002301233 |\n"   /* 1990-02-30 */
                     "| 赵六 | 110105491231002 |\n");     /* legacy 15 digits */
    fl_lint_opts o;
    memset(&o, 0, sizeof o);
    o.doc_type = "eia-pp";
    fl_result res;
    fl_result_init(&res);
    fl_lint_run(lint, doc, &o, &res);
    assert_int_equal(res.nfindings, 2);
    assert_int_equal(res.findings[0].line, 4);
    assert_string_equal(res.findings[0].message, "李四的身份证号码“110105194912310021”：第18位校验码应为X");
    assert_int_equal(res.findings[1].line, 5);
    assert_string_equal(res.findings[1].message, "王五的身份证号码“440304199002301233”：出生日期不存在");
    fl_result_free(&res);
    fl_doc_free(doc);
    fl_lint_free(lint);
    fl_rules_free(&rules);
}

int main(void)
{
    fl_xml_init();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_unless_sibling),
        cmocka_unit_test(test_kind_messages),
        cmocka_unit_test(test_clause),
        cmocka_unit_test(test_table_bands),
        cmocka_unit_test(test_merged_points),
        cmocka_unit_test(test_idcard_hook),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
