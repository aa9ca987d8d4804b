/* Unit tests for the rule engine (rules/engine.c and the kinds) over
 * documents built by hand: locations in original columns after
 * normalisation, missing content at the heading or at line 1, sentence-level
 * `unless`, excluded sections, conditions, document types, parts, ordering,
 * excerpts, rule selection, and a rule that hits the match limit. */
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

#include "core/buf.h"
#include "core/utf8.h"
#include "input/input.h"
#include "core/xmlsafe.h"
#include "rules/engine.h"
#include "rules/ruleset.h"
#include "lint_fixture.h"

static const char *rules_xml =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<ruleset id=\"e\" basis-doc=\"环环评〔2020〕48号\">\n"
    "  <rule id=\"E001\" severity=\"error\" category=\"demo\" basis=\"一（四）\">\n"
    "    <message>占位“{match}”</message>\n"
    "    <forbid><match><![CDATA[(?<![A-Za-z])XX+(?![A-Za-z\\-])]]></match></forbid>\n"
    "    <example type=\"fail\">XX公司</example><example type=\"pass\">MAXX</example>\n"
    "  </rule>\n"
    "  <rule id=\"E002\" severity=\"warning\" category=\"demo\">\n"
    "    <message>保护目标未说明{item}</message>\n"
    "    <mention scope=\"^环境保护目标\">\n"
    "      <item name=\"生态保护红线\">生态(?:保护)?红线</item>\n"
    "      <item name=\"自然保护区\" severity=\"info\">自然保护区</item>\n"
    "    </mention>\n"
    "    <example type=\"fail\">## 环境保护目标\n无</example><example type=\"pass\">## 环境保护目标\n不涉及生态红线、自然保护区</example>\n"
    "  </rule>\n"
    "  <rule id=\"E003\" severity=\"error\" category=\"demo\">\n"
    "    <message>称项目{match}</message>\n"
    "    <when field=\"是否开工建设\" matches=\"否\" missing=\"run\"/>\n"
    "    <forbid exclude=\"现有工程\" match=\"已建成\"><unless in=\"sentence\">未批先建</unless></forbid>\n"
    "    <example type=\"fail\">已建成</example><example type=\"pass\">未建成</example>\n"
    "  </rule>\n"
    "  <rule id=\"E004\" severity=\"error\" category=\"demo\" doc-type=\"eia-form\">\n"
    "    <message>报告表规则</message>\n"
    "    <forbid match=\"报告表\"/>\n"
    "    <example type=\"fail\">报告表</example><example type=\"pass\">报告书</example>\n"
    "  </rule>\n"
    "  <rule id=\"E005\" severity=\"info\" category=\"demo\">\n"
    "    <message>回溯</message>\n"
    "    <forbid match=\"(a+a+)+[bc]\"/>\n"
    "    <example type=\"fail\">aab</example><example type=\"pass\">ccc</example>\n"
    "  </rule>\n"
    "</ruleset>\n";


static int setup(void **state) { return fixture_load(state, "e.xml", rules_xml); }

static fl_block *add(fl_doc *doc, fl_part part, int outline, const char *text)
{
    fl_block *b = fl_doc_add_block(doc, part, outline ? FL_BLOCK_HEADING : FL_BLOCK_PARAGRAPH, text, strlen(text));
    b->outline = outline;
    return b;
}

/* Run the rules (only `only` when given) and return the findings of rule id. */
static void run(fixture *f, const fl_doc *doc, const char *only, fl_lint_opts *o, fl_result *res)
{
    fl_lint_opts none;
    memset(&none, 0, sizeof none);
    if (!o) o = &none;
    if (only) o->only = fl_rules_find(&f->rules, only);
    fl_result_init(res);
    fl_lint_run(f->lint, doc, o, res);
}

static void test_forbid_columns(void **state)
{
    fixture *f = *state;
    fl_doc *doc = fl_doc_new("a.docx");
    doc->reader = fl_reader_find("docx");
    add(doc, FL_PART_BODY, 1, "一、建设项目基本情况");
    add(doc, FL_PART_BODY, 0, "建设单位：ＸＸ环保公司，型号MAXX与XX-2000型不算。");
    add(doc, FL_PART_HEADER, 0, "XX市环境科学研究院");
    fl_doc_finish(doc);
    fl_result res;
    run(f, doc, "E001", NULL, &res);
    assert_int_equal(res.nfindings, 2);
    const fl_finding *a = &res.findings[0];
    assert_int_equal(a->line, 2);
    assert_int_equal(a->column, 6); /* ＸＸ: original columns 6-7 */
    assert_int_equal(a->end_column, 8);
    assert_string_equal(a->match, "ＸＸ");
    assert_string_equal(a->message, "占位“ＸＸ”");
    assert_string_equal(a->section, "一、建设项目基本情况");
    assert_int_equal(a->part, FL_PART_BODY);
    assert_int_equal(a->severity, FL_SEV_ERROR);
    assert_string_equal(fl_finding_basis(a)->text, "环环评〔2020〕48号 一（四）");
    const fl_finding *b = &res.findings[1];
    assert_int_equal(b->line, 3);
    assert_int_equal(b->part, FL_PART_HEADER);
    assert_string_equal(b->section, "");
    assert_string_equal(b->excerpt, "XX市环境科学研究院");
    fl_result_free(&res);
    fl_doc_free(doc);
}

static void test_mention_locations(void **state)
{
    fixture *f = *state;
    fl_doc *doc = fl_doc_new("b.docx");
    doc->reader = fl_reader_find("docx");
    add(doc, FL_PART_BODY, 1, "三、区域环境质量现状、环境保护目标及评价标准");
    add(doc, FL_PART_BODY, 0, "区域环境空气质量达标，周边有自然保护区。");
    add(doc, FL_PART_BODY, 2, "（二）环境保护目标");
    add(doc, FL_PART_BODY, 0, "项目不涉及生态保护红线。");
    fl_doc_finish(doc);
    fl_result res;
    run(f, doc, "E002", NULL, &res);
    /* scope is the subsection only (^ anchors after the label): 自然保护区 is missing */
    assert_int_equal(res.nfindings, 1);
    assert_int_equal(res.findings[0].line, 3);
    assert_int_equal(res.findings[0].column, 1);
    assert_string_equal(res.findings[0].item, "自然保护区");
    assert_int_equal(res.findings[0].severity, FL_SEV_INFO); /* the item's own */
    assert_string_equal(res.findings[0].message, "保护目标未说明自然保护区");
    assert_string_equal(res.findings[0].section, "三、区域环境质量现状、环境保护目标及评价标准 › （二）环境保护目标");
    assert_string_equal(res.findings[0].excerpt, "（二）环境保护目标");
    fl_result_free(&res);
    fl_doc_free(doc);
}

static void test_mention_scope_missing(void **state)
{
    fixture *f = *state;
    fl_doc *doc = fl_doc_new("c.docx");
    doc->reader = fl_reader_find("docx");
    add(doc, FL_PART_BODY, 0, "建设项目环境影响报告表");
    add(doc, FL_PART_BODY, 1, "一、建设项目基本情况");
    fl_doc_finish(doc);
    fl_result res;
    run(f, doc, "E002", NULL, &res);
    assert_int_equal(res.nfindings, 2);
    for (size_t i = 0; i < 2; i++) {
        assert_int_equal(res.findings[i].line, 1);
        assert_int_equal(res.findings[i].block, -1);
        assert_string_equal(res.findings[i].section, "");
        assert_string_equal(res.findings[i].excerpt, "建设项目环境影响报告表");
    }
    fl_result_free(&res);
    fl_doc_free(doc);
}

static fl_doc *md(const char *text)
{
    fl_doc *doc = NULL;
    fl_error err;
    assert_int_equal(fl_doc_load_memory(&doc, "d.md", text, strlen(text), &err), 0);
    return doc;
}

static void test_forbid_unless_exclude_when(void **state)
{
    fixture *f = *state;
    fl_result res;
    fl_doc *doc = md("## 一、基本情况\n"
                     "是否开工建设：否\n"
                     "项目已建成。因未批先建受到处罚。\n"
                     "项目已建成，系未批先建。\n"
                     "## 二、现有工程\n"
                     "一期已建成。\n");
    run(f, doc, "E003", NULL, &res);
    assert_int_equal(res.nfindings, 1); /* line 4 excused in its sentence, line 6 excluded */
    assert_int_equal(res.findings[0].line, 3);
    assert_int_equal(res.findings[0].column, 3);
    assert_string_equal(res.findings[0].message, "称项目已建成");
    fl_result_free(&res);
    fl_doc_free(doc);

    doc = md("## 一、基本情况\n是否开工建设：是\n项目已建成。\n");
    run(f, doc, "E003", NULL, &res);
    assert_int_equal(res.nfindings, 0); /* condition fails */
    fl_result_free(&res);
    fl_doc_free(doc);

    doc = md("## 一、基本情况\n项目已建成。\n");
    run(f, doc, "E003", NULL, &res);
    assert_int_equal(res.nfindings, 1); /* missing="run" */
    fl_result_free(&res);
    fl_doc_free(doc);
}

static void test_doc_type(void **state)
{
    fixture *f = *state;
    fl_result res;
    fl_doc *doc = md("## 会议纪要\n报告表修改稿。\n");
    assert_null(doc->doc_type);
    run(f, doc, "E004", NULL, &res);
    assert_int_equal(res.nfindings, 0);
    assert_null(res.doc_type);
    fl_result_free(&res);
    fl_lint_opts o;
    memset(&o, 0, sizeof o);
    o.doc_type = "eia-form";
    run(f, doc, "E004", &o, &res);
    assert_int_equal(res.nfindings, 1);
    assert_string_equal(res.doc_type, "eia-form");
    fl_result_free(&res);
    fl_doc_free(doc);
}

static void test_order_and_select(void **state)
{
    fixture *f = *state;
    fl_result res;
    fl_doc *doc = md("## 一、基本情况\n项目已建成，XX公司。\nXX\n");
    run(f, doc, NULL, NULL, &res);
    /* E002 (line 1: no 环境保护目标 section) x2, E001 line 2 col 7, E003 line 2 col 3, E001 line 3 */
    assert_int_equal(res.nfindings, 5);
    assert_string_equal(res.findings[0].rule->id, "E002");
    assert_string_equal(res.findings[1].rule->id, "E002");
    assert_string_equal(res.findings[2].rule->id, "E003");
    assert_int_equal(res.findings[2].column, 3);
    assert_string_equal(res.findings[3].rule->id, "E001");
    assert_int_equal(res.findings[3].column, 7);
    assert_int_equal(res.findings[4].line, 3);
    fl_result_free(&res);

    char *sel[] = {"E00"}, *ign[] = {"E002", "E003"}; /* split by the settings */
    unsigned char *mask = fl_lint_select(&f->rules, sel, 1, ign, 2);
    assert_int_equal(mask[0], 1);
    assert_int_equal(mask[1], 0);
    assert_int_equal(mask[2], 0);
    fl_lint_opts o;
    memset(&o, 0, sizeof o);
    o.enabled = mask;
    run(f, doc, NULL, &o, &res);
    assert_int_equal(res.nfindings, 2);
    assert_string_equal(res.findings[0].rule->id, "E001");
    fl_result_free(&res);
    free(mask);
    assert_true(fl_rules_prefix_used(&f->rules, "E00", 3));
    assert_false(fl_rules_prefix_used(&f->rules, "EIA", 3));
    fl_doc_free(doc);
}

static void test_limit(void **state)
{
    fixture *f = *state;
    fl_buf b = FL_BUF_INIT;
    fl_buf_adds(&b, "## 一、基本情况\nXX\n");
    for (int i = 0; i < 20000; i++) fl_buf_addc(&b, 'a');
    fl_buf_adds(&b, "\naab\n");
    fl_doc *doc = md(b.data);
    fl_result res;
    run(f, doc, NULL, NULL, &res);
    assert_int_equal(res.nerrors, 1);
    assert_int_equal(res.errors[0].code, FL_E_PATTERN_LIMIT);
    assert_string_equal(res.errors[0].rule, "E005");
    assert_string_equal(res.errors[0].message, "d.md: rule E005: pattern match limit hit; rule skipped for this file");
    bool e001 = false;
    for (size_t i = 0; i < res.nfindings; i++) {
        assert_string_not_equal(res.findings[i].rule->id, "E005"); /* none half-reported */
        if (!strcmp(res.findings[i].rule->id, "E001")) e001 = true;
    }
    assert_true(e001);
    fl_result_free(&res);
    fl_doc_free(doc);
    fl_buf_free(&b);
}

static void test_excerpt(void **state)
{
    fixture *f = *state;
    fl_buf b = FL_BUF_INIT;
    for (int i = 0; i < 500; i++) fl_buf_adds(&b, "文");
    fl_buf_adds(&b, "XX");
    for (int i = 0; i < 500; i++) fl_buf_adds(&b, "字");
    fl_doc *doc = fl_doc_new("e.docx");
    doc->reader = fl_reader_find("docx");
    add(doc, FL_PART_BODY, 0, b.data);
    fl_doc_finish(doc);
    fl_result res;
    run(f, doc, "E001", NULL, &res);
    assert_int_equal(res.nfindings, 1);
    const fl_finding *x = &res.findings[0];
    assert_int_equal(x->column, 501);
    assert_int_equal(fl_utf8_count(x->excerpt, strlen(x->excerpt)), 300);
    assert_non_null(strstr(x->excerpt, "XX"));
    assert_memory_equal(x->excerpt, "…", strlen("…"));
    fl_result_free(&res);
    fl_doc_free(doc);
    fl_buf_free(&b);
}

/* A block far longer than the engine's column steps (4 KB), of 1- to
 * 4-byte characters so that steps start inside characters, with matches
 * around step boundaries: columns, end columns and excerpts are what
 * counting from the start of the block gives. */
static void test_long_block_columns(void **state)
{
    fixture *f = *state;
    static const char *const chars[] = {"a", "\xC3\xA9", "文", "\xF0\xA0\x80\x80"}; /* a é 文 𠀀 */
    fl_buf b = FL_BUF_INIT;
    int nmatch = 0;
    for (int i = 0; b.len < 100000; i++) {
        fl_buf_adds(&b, chars[(i * 7 + i / 3) % 4]);
        if (i % 1543 == 0 || (b.len % 4096) > 4090) { /* some at step boundaries */
            fl_buf_adds(&b, i % 2 ? "文ＸＸ文" : "文XX文");
            nmatch++;
        }
    }
    fl_doc *doc = fl_doc_new("long.docx");
    doc->reader = fl_reader_find("docx");
    add(doc, FL_PART_BODY, 0, b.data);
    fl_doc_finish(doc);
    fl_result res;
    run(f, doc, "E001", NULL, &res);
    assert_int_equal(res.nfindings, nmatch);
    const char *t = doc->blocks[0].text;
    size_t len = doc->blocks[0].len, total = fl_utf8_count(t, len);
    const char *at = t;
    for (size_t i = 0; i < res.nfindings; i++) {
        const fl_finding *x = &res.findings[i];
        const char *m = strstr(at, "XX"), *w = strstr(at, "ＸＸ");
        if (!m || (w && w < m)) m = w;
        assert_non_null(m);
        size_t col = fl_utf8_count(t, (size_t)(m - t)) + 1;
        assert_int_equal(x->column, col);
        assert_int_equal(x->end_column, col + 2);
        /* the excerpt: 300 code points around the column, an ellipsis at each cut end */
        size_t from = col > 101 ? col - 101 : 0, take = 300;
        if (from + take > total) from = total - take;
        bool pre = from > 0, post = from + take < total;
        take -= (size_t)pre + (size_t)post;
        from += pre;
        size_t a0 = fl_utf8_byte_offset(t, len, from), a1 = a0 + fl_utf8_prefix(t + a0, len - a0, take);
        fl_buf want = FL_BUF_INIT;
        if (pre) fl_buf_adds(&want, "…");
        fl_buf_add(&want, t + a0, a1 - a0);
        if (post) fl_buf_adds(&want, "…");
        assert_string_equal(x->excerpt, want.data);
        fl_buf_free(&want);
        at = m + 1;
    }
    fl_result_free(&res);
    fl_doc_free(doc);
    fl_buf_free(&b);
}

/* Sentence-level `unless` (E003: 已建成 unless 未批先建 in its sentence) in
 * the three ways the engine finds a sentence: a short block and a merged
 * run split where asked, a long block from its table of ends. In each the
 * first 已建成 shares its sentence with 未批先建 only where the text says
 * so: a line break in a merged run ends a sentence as 。 does. */
static void test_sentences_short_long_merged(void **state)
{
    fixture *f = *state;
    const char *para = "项目主体已建成，属未批先建。配套工程已建成。";
    fl_buf longer = FL_BUF_INIT;
    for (int i = 0; i < 1000; i++) fl_buf_adds(&longer, "文");
    fl_buf_adds(&longer, "。");
    fl_buf_adds(&longer, para);
    const char *lines = "主体已建成\n未批先建\n配套已建成未批先建";
    fl_doc *doc = fl_doc_new("s.docx"); /* lines numbered by fl_doc_finish, a paragraph each */
    doc->reader = fl_reader_find("docx");
    add(doc, FL_PART_BODY, 0, para);
    add(doc, FL_PART_BODY, 0, longer.data);
    fl_block *m = add(doc, FL_PART_BODY, 0, lines);
    const uint16_t starts[] = {16, 29};
    fl_block_set_lines(doc, m, starts, 3);
    fl_doc_finish(doc);
    assert_true(doc->blocks[2].flags & FL_BF_MERGED);
    fl_result res;
    run(f, doc, "E003", NULL, &res);
    assert_int_equal(res.nfindings, 3);
    assert_int_equal(res.findings[0].line, 1);
    assert_int_equal(res.findings[0].column, 19);  /* 配套工程已建成, not 主体已建成 */
    assert_int_equal(res.findings[1].line, 2);
    assert_int_equal(res.findings[1].column, 1020);
    assert_int_equal(res.findings[2].line, 3);     /* the run's first line: 未批先建 is on the next */
    assert_int_equal(res.findings[2].column, 3);
    fl_result_free(&res);
    fl_doc_free(doc);
    fl_buf_free(&longer);
}

/* ---- in force on the judging date ---------------------------------------- */

static const char *dated_xml =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<ruleset id=\"t\" basis-doc=\"环环评〔2020〕48号\">\n"
    "  <rule id=\"T001\" severity=\"error\" category=\"demo\" basis=\"一（四）\" class=\"fraud\" since=\"2019-11-01\">\n"
    "    <basis instrument=\"生态环境部令第9号\" article=\"第二十六条\" class=\"quality\" since=\"2019-11-01\" doc-type=\"eia-form\"/>\n"
    "    <message>出现{match}</message>\n"
    "    <forbid match=\"演示\"/>\n"
    "    <example type=\"fail\">演示</example><example type=\"pass\">示</example>\n"
    "  </rule>\n"
    "  <rule id=\"T002\" severity=\"warning\" category=\"demo\">\n"
    "    <message>未说明{item}</message>\n"
    "    <mention scope=\"^环境保护目标\">\n"
    "      <item name=\"旧项\" until=\"2019-01-01\">旧项</item>\n"
    "      <item name=\"新项\" since=\"2019-01-01\">新项</item>\n"
    "    </mention>\n"
    "    <example type=\"fail\">## 环境保护目标\n无</example><example type=\"pass\">## 环境保护目标\n旧项 新项</example>\n"
    "  </rule>\n"
    "  <rule id=\"T003\" severity=\"error\" category=\"demo\">\n"
    "    <message>{column}未填写</message>\n"
    "    <table header=\"^姓名$\">\n"
    "      <required column=\"^姓名$\"/>\n"
    "      <required column=\"^信用编号$\" since=\"2019-11-01\"/>\n"
    "    </table>\n"
    "    <example type=\"fail\">| 姓名 | 信用编号 |\n|---|---|\n| | |</example>\n"
    "    <example type=\"pass\">| 姓名 | 信用编号 |\n|---|---|\n| 张三 | BH001 |</example>\n"
    "  </rule>\n"
    "  <rule id=\"T004\" severity=\"error\" category=\"demo\">\n"
    "    <message>{field}不一致</message>\n"
    "    <fields><same fields=\"项目名称 建设项目名称\" since=\"2020-01-01\"/></fields>\n"
    "    <example type=\"fail\">项目名称：甲\n建设项目名称：乙</example><example type=\"pass\">项目名称：甲</example>\n"
    "  </rule>\n"
    "  <rule id=\"T005\" severity=\"error\" category=\"demo\">\n"
    "    <message>出现{match}</message>\n"
    "    <forbid><match>甲词</match><match until=\"2020-01-01\">乙词</match></forbid>\n"
    "    <example type=\"fail\">甲词</example><example type=\"pass\">丙词</example>\n"
    "  </rule>\n"
    "  <rule id=\"T006\" severity=\"error\" category=\"demo\">\n"
    "    <message>缺少{item}</message>\n"
    "    <contents><item name=\"甲节\" heading=\"^甲节\"/><item name=\"乙节\" heading=\"^乙节\" since=\"2021-01-01\"/></contents>\n"
    "    <example type=\"fail\">## 丙节</example><example type=\"pass\">## 甲节\n## 乙节</example>\n"
    "  </rule>\n"
    "  <rule id=\"T007\" severity=\"error\" category=\"demo\">\n"
    "    <message>周期{value}超过{limit}</message>\n"
    "    <duration><period field=\"项目周期\"/>\n"
    "      <limit years=\"2\" name=\"新\" since=\"2021-01-01\"/><limit years=\"3\" name=\"旧\"/></duration>\n"
    "    <example type=\"fail\">项目周期：5年</example><example type=\"pass\">项目周期：1年</example>\n"
    "  </rule>\n"
    "  <rule id=\"T008\" severity=\"error\" category=\"demo\">\n"
    "    <message>{value}晚于{expected}</message>\n"
    "    <fields><not-after match=\"监测日期[:：]\\S+\" than=\"编制日期\"/></fields>\n"
    "    <example type=\"fail\">编制日期：2024年3月\n监测日期：2024年5月1日</example>\n"
    "    <example type=\"pass\">编制日期：2024年6月\n监测日期：2024年5月1日</example>\n"
    "  </rule>\n"
    "  <rule id=\"T009\" severity=\"info\" category=\"demo\">\n"
    "    <message>{reason}</message>\n"
    "    <undated/>\n"
    "    <example type=\"fail\">建设项目环境影响报告表</example><example type=\"pass\">会议纪要</example>\n"
    "  </rule>\n"
    "</ruleset>\n";

/* The dated rules as a fixture of their own (the group's are E001-E005). */
static fixture *dated_load(void)
{
    void *st = NULL;
    assert_int_equal(fixture_load(&st, "t.xml", dated_xml), 0);
    return st;
}

static void dated_free(fixture *d)
{
    void *st = d;
    teardown(&st);
}

static void assert_judged(const fl_result *res, fl_judged_from from, int y, int m, int d, int line)
{
    assert_int_equal(res->judged.from, from);
    assert_int_equal(res->judged.date.y, y);
    assert_int_equal(res->judged.date.m, m);
    assert_int_equal(res->judged.date.d, d);
    assert_int_equal(res->judged.line, line);
}

/* Findings of rule id over Markdown text, judged at as_of (NULL: none). */
/* Lint doc with rule id alone, as type (NULL: detected), judged at as_of (NULL: none). */
static void lint_doc(fixture *d, const char *id, const fl_doc *doc, const char *as_of, const char *type, fl_result *res)
{
    fl_lint_opts o;
    memset(&o, 0, sizeof o);
    o.only = fl_rules_find(&d->rules, id);
    o.doc_type = type;
    if (as_of) {
        assert_int_equal(fl_date_iso_parse(&o.as_of, as_of), 0);
        o.has_as_of = true;
    }
    fl_result_init(res);
    fl_lint_run(d->lint, doc, &o, res);
}

/* Findings of rule id over Markdown text. */
static size_t dated_run(fixture *d, const char *id, const char *text, const char *as_of, const char *type, fl_result *res)
{
    fl_doc *doc = md(text);
    lint_doc(d, id, doc, as_of, type, res);
    fl_doc_free(doc);
    return res->nfindings;
}

static size_t count_of(fixture *d, const char *id, const char *text, const char *as_of)
{
    fl_result res;
    size_t n = dated_run(d, id, text, as_of, NULL, &res);
    fl_result_free(&res);
    return n;
}

/* The judging date: --as-of, else the filing's 编制日期 (at its precision),
 * else today; a rule runs only when it is in force on it. */
static void test_rule_in_force(void **state)
{
    (void)state;
    fixture *d = dated_load();
    fl_result res;
    assert_int_equal(dated_run(d, "T001", "演示\n", "2019-10-31", NULL, &res), 0);
    assert_judged(&res, FL_JUDGED_OPTION, 2019, 10, 31, 0);
    fl_result_free(&res);
    assert_int_equal(count_of(d, "T001", "演示\n", "2019-11-01"), 1);
    /* the filing's own date, to the month: 2019年11月 is all on or after since */
    assert_int_equal(dated_run(d, "T001", "编制日期：2019年11月\n演示\n", NULL, NULL, &res), 1);
    assert_judged(&res, FL_JUDGED_FILING, 2019, 11, 0, 1);
    fl_result_free(&res);
    assert_int_equal(count_of(d, "T001", "编制日期：2019年10月\n演示\n", NULL), 0);
    assert_int_equal(count_of(d, "T001", "编制日期：2019年\n演示\n", NULL), 0); /* cannot decide: silent */
    assert_int_equal(count_of(d, "T001", "编制日期：2018年5月\n演示\n", "2020-01-01"), 1); /* --as-of wins */
    /* no date: today (reproducible through SOURCE_DATE_EPOCH) */
    setenv("SOURCE_DATE_EPOCH", "1546300800", 1); /* 2019-01-01 */
    assert_int_equal(dated_run(d, "T001", "演示\n", NULL, NULL, &res), 0);
    assert_judged(&res, FL_JUDGED_TODAY, 2019, 1, 1, 0);
    fl_result_free(&res);
    setenv("SOURCE_DATE_EPOCH", "1735689600", 1); /* 2025-01-01 */
    assert_int_equal(count_of(d, "T001", "演示\n", NULL), 1);
    unsetenv("SOURCE_DATE_EPOCH");
    assert_int_equal(count_of(d, "T001", "演示\n", NULL), 1); /* the real today is after 2019 */
    dated_free(d);
}

/* The basis a finding cites: the dated one for its type and date, else the rule's. */
static void test_finding_basis(void **state)
{
    (void)state;
    fixture *d = dated_load();
    fl_result res;
    assert_int_equal(dated_run(d, "T001", "演示\n", "2020-03-01", "eia-form", &res), 1);
    const fl_basis *b = fl_finding_basis(&res.findings[0]);
    assert_string_equal(b->text, "生态环境部令第9号 第二十六条");
    assert_int_equal(b->cls, FL_CLASS_QUALITY);
    fl_result_free(&res);
    assert_int_equal(dated_run(d, "T001", "演示\n", "2020-03-01", "eia-book", &res), 1);
    b = fl_finding_basis(&res.findings[0]);
    assert_string_equal(b->text, "环环评〔2020〕48号 一（四）");
    assert_int_equal(b->cls, FL_CLASS_FRAUD);
    fl_result_free(&res);
    dated_free(d);
}

/* Requirements of a rule with their own dates, in every kind that has them. */
static void test_requirements_in_force(void **state)
{
    (void)state;
    fixture *d = dated_load();
    fl_result res;
    const char *targets = "## 环境保护目标\n无\n";
    assert_int_equal(dated_run(d, "T002", targets, "2018-06-01", NULL, &res), 1);
    assert_string_equal(res.findings[0].item, "旧项");
    fl_result_free(&res);
    assert_int_equal(dated_run(d, "T002", targets, "2019-06-01", NULL, &res), 1);
    assert_string_equal(res.findings[0].item, "新项");
    fl_result_free(&res);
    /* a filing dated only 2019: every day of it is after the old item and in the new one's time */
    assert_int_equal(dated_run(d, "T002", "编制日期：2019年\n## 环境保护目标\n无\n", NULL, NULL, &res), 1);
    assert_string_equal(res.findings[0].item, "新项");
    fl_result_free(&res);
    assert_int_equal(count_of(d, "T002", "## 环境保护目标\n新项\n", "2019-06-01"), 0);
    const char *staff = "| 姓名 | 信用编号 |\n|---|---|\n| 张三 | |\n";
    assert_int_equal(count_of(d, "T003", staff, "2019-10-31"), 0);
    assert_int_equal(count_of(d, "T003", staff, "2019-11-01"), 1);
    const char *names = "项目名称：甲\n建设项目名称：乙\n";
    assert_int_equal(count_of(d, "T004", names, "2019-12-31"), 0);
    assert_int_equal(count_of(d, "T004", names, "2020-01-01"), 1);
    assert_int_equal(count_of(d, "T005", "甲词，乙词\n", "2019-12-31"), 2);
    assert_int_equal(count_of(d, "T005", "甲词，乙词\n", "2020-01-01"), 1);
    assert_int_equal(count_of(d, "T006", "## 甲节\n", "2020-12-31"), 0);
    assert_int_equal(count_of(d, "T006", "## 甲节\n", "2021-01-01"), 1);
    assert_int_equal(count_of(d, "T007", "项目周期：3年\n", "2020-12-31"), 0); /* the old limit, 3 years */
    assert_int_equal(count_of(d, "T007", "项目周期：3年\n", "2021-01-01"), 1); /* the new one, 2 */
    dated_free(d);
}

/* A document whose own date the model read from somewhere other than a
 * field (a cover line, a signature): set by hand here. */
static fl_doc *with_filing_date(const char *text, int y, int m, int d, const char *typed, bool blank)
{
    fl_doc *doc = md(text);
    fl_filing_date *fd = &doc->filing_date;
    fd->found = !blank;
    fd->unfilled = blank;
    fd->value = (fl_date){blank ? 0 : y, m, d};
    fd->text = typed;
    fd->block = 0;
    return doc;
}

/* The filing's own date from the model, a blank one, and how -v says it;
 * EIA202-like comparisons use the filing's date over --as-of. */
static void test_judging_sources(void **state)
{
    (void)state;
    fixture *d = dated_load();
    fl_result res;
    char buf[160];
    fl_doc *doc = with_filing_date("建设项目环境影响报告表\n监测日期：2024年5月1日\n", 2024, 3, 0, "2024年3月", false);
    lint_doc(d, "T008", doc, NULL, NULL, &res);
    assert_judged(&res, FL_JUDGED_FILING, 2024, 3, 0, 1);
    assert_string_equal(fl_judging_describe(&res.judged, buf, sizeof buf), "2024-03 (filing date, line 1)");
    assert_int_equal(res.nfindings, 1);
    assert_string_equal(res.findings[0].message, "2024年5月1日晚于2024年3月");
    fl_result_free(&res);
    lint_doc(d, "T008", doc, "2024-12-31", NULL, &res); /* the filing's own date is the fact compared */
    assert_judged(&res, FL_JUDGED_OPTION, 2024, 12, 31, 0);
    assert_string_equal(fl_judging_describe(&res.judged, buf, sizeof buf), "2024-12-31 (--as-of)");
    assert_int_equal(res.nfindings, 1);
    fl_result_free(&res);
    fl_doc_free(doc);

    setenv("SOURCE_DATE_EPOCH", "1767225600", 1); /* 2026-01-01 */
    doc = with_filing_date("建设项目环境影响报告表\n编制日期：    年  月\n监测日期：2024年5月1日\n", 0, 0, 0, NULL, true);
    doc->filing_date.block = 1;
    lint_doc(d, "T008", doc, NULL, NULL, &res);
    assert_judged(&res, FL_JUDGED_TODAY, 2026, 1, 1, 2);
    assert_true(res.judged.blank);
    assert_string_equal(fl_judging_describe(&res.judged, buf, sizeof buf),
                        "2026-01-01 (today: the filing's date is left blank, line 2)");
    assert_int_equal(res.nfindings, 0); /* no date of its own: today is no reference for its facts */
    fl_result_free(&res);
    lint_doc(d, "T009", doc, NULL, "eia-form", &res); /* DOC011's kind: at the blank date */
    assert_int_equal(res.nfindings, 1);
    assert_int_equal(res.findings[0].line, 2);
    assert_string_equal(res.findings[0].message, "编制日期未填写");
    fl_result_free(&res);
    lint_doc(d, "T009", doc, "2024-01-01", "eia-form", &res); /* judged at --as-of */
    assert_int_equal(res.nfindings, 0);
    fl_result_free(&res);
    lint_doc(d, "T008", doc, "2024-04-30", NULL, &res);
    assert_int_equal(res.nfindings, 1);
    assert_string_equal(res.findings[0].message, "2024年5月1日晚于2024-04-30");
    fl_result_free(&res);
    fl_doc_free(doc);
    doc = md("监测日期：2024年5月1日\n");
    lint_doc(d, "T008", doc, NULL, NULL, &res);
    assert_string_equal(fl_judging_describe(&res.judged, buf, sizeof buf), "2026-01-01 (today: the filing gives no date)");
    fl_result_free(&res);
    lint_doc(d, "T009", doc, NULL, NULL, &res); /* not a recognised filing: DOC010's business */
    assert_int_equal(res.nfindings, 0);
    fl_result_free(&res);
    lint_doc(d, "T009", doc, NULL, "eia-book", &res);
    assert_int_equal(res.nfindings, 1);
    assert_int_equal(res.findings[0].block, -1);
    assert_string_equal(res.findings[0].message, "文件未写明编制日期");
    fl_result_free(&res);
    fl_doc_free(doc);
    doc = with_filing_date("建设项目环境影响报告书\n", 2019, 4, 0, "2019年4月", false);
    lint_doc(d, "T009", doc, NULL, "eia-book", &res);
    assert_int_equal(res.nfindings, 0); /* judged at its own date */
    fl_result_free(&res);
    fl_doc_free(doc);
    unsetenv("SOURCE_DATE_EPOCH");
    dated_free(d);
}

/* A forbid rule whose <match> elements describe overlapping things: the
 * shapes of template residue (an x-run inside an x-date, a run inside a
 * "（此处填写…）" note) and a \K pattern against one that starts at its gap. */
static const char *overlap_xml =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<ruleset id=\"o\">\n"
    "  <rule id=\"O001\" severity=\"error\" category=\"demo\">\n"
    "    <message>占位“{match}”</message>\n"
    "    <forbid>\n"
    "      <match>XX+</match>\n"
    "      <match>XX年XX月</match>\n"
    "      <match>（此处填写[^）]*）</match>\n"
    "      <match><![CDATA[日期：\\s*\\K年\\s+月]]></match>\n"
    "      <match><![CDATA[\\s*年\\s+月\\s+日至]]></match>\n"
    "    </forbid>\n"
    "    <example type=\"fail\" count=\"1\">XX年XX月</example><example type=\"pass\">MA</example>\n"
    "  </rule>\n"
    "  <rule id=\"O002\" severity=\"error\" category=\"demo\">\n"
    "    <message>出现{match}</message>\n"
    "    <forbid><match>甲词</match><unless in=\"document\">(a+a+)+[bc]</unless><requires>乙词</requires></forbid>\n"
    "    <example type=\"fail\" count=\"1\">甲词乙词</example><example type=\"pass\">甲词</example>\n"
    "  </rule>\n"
    "</ruleset>\n";

static void test_forbid_overlap(void **state)
{
    (void)state;
    static const struct {
        const char *text;
        size_t n;
        int cols[6]; /* start, end column of each finding (sorted) */
    } cases[] = {
        /* same start: the longer match, though XX+ is listed first */
        {"XX年XX月\n", 1, {1, 7}},
        /* the earlier match wins; the XX between 年 and 月 is inside it, the
         * last XX is found again after it */
        {"编于XX年XX月，XX公司\n", 2, {3, 9, 10, 12}},
        /* a run inside a fill-in note: the note alone */
        {"（此处填写XX公司）\n", 1, {1, 11}},
        /* matches that do not overlap are all reported, in any pattern order */
        {"XX公司（此处填写地址）XX年XX月\n", 3, {1, 3, 5, 13, 13, 19}},
        /* the \K pattern's attempt starts at 日期, before the other's gap: it
         * wins although the match it reports starts later (at 年) */
        {"日期：  年  月  日至\n", 1, {6, 10}},
        /* without the label the other pattern reports the gap and the period */
        {"起止：  年  月  日至\n", 1, {4, 14}},
    };
    void *st = NULL;
    assert_int_equal(fixture_load(&st, "o.xml", overlap_xml), 0);
    fixture *d = st;
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        fl_result res;
        assert_int_equal(dated_run(d, "O001", cases[i].text, NULL, NULL, &res), cases[i].n);
        assert_int_equal(res.nerrors, 0);
        for (size_t j = 0; j < cases[i].n; j++) {
            assert_int_equal(res.findings[j].column, cases[i].cols[2 * j]);
            assert_int_equal(res.findings[j].end_column, cases[i].cols[2 * j + 1]);
        }
        fl_result_free(&res);
    }
    dated_free(d);
}

/* `requires` and `unless in="document"` are looked up only when the rule
 * has a match to report: a limit hit in them (the document-wide excuse is a
 * pathological pattern over a long line here) is an error only then. */
static void test_forbid_document_lazily(void **state)
{
    (void)state;
    void *st = NULL;
    assert_int_equal(fixture_load(&st, "o.xml", overlap_xml), 0);
    fixture *d = st;
    fl_buf a = FL_BUF_INIT;
    for (int i = 0; i < 20000; i++) fl_buf_addc(&a, 'a');
    fl_buf_addc(&a, '\n');
    static const struct {
        const char *tail;
        size_t findings, errors;
    } cases[] = {
        {"乙词\n", 0, 0},     /* nothing to report: neither looked up */
        {"甲词\n", 0, 0},     /* requires missing: the excuse not looked up */
        {"甲词乙词\n", 0, 1}, /* the excuse hits the limit: the rule is skipped */
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        fl_buf b = FL_BUF_INIT;
        fl_buf_add(&b, a.data, a.len);
        fl_buf_adds(&b, cases[i].tail);
        fl_result res;
        fl_doc *doc = md(b.data);
        lint_doc(d, "O002", doc, NULL, NULL, &res);
        assert_int_equal(res.nfindings, cases[i].findings);
        assert_int_equal(res.nerrors, cases[i].errors);
        fl_result_free(&res);
        fl_doc_free(doc);
        fl_buf_free(&b);
    }
    fl_result res;
    assert_int_equal(dated_run(d, "O002", "甲词乙词\naab\n", NULL, NULL, &res), 0); /* excused */
    assert_int_equal(res.nerrors, 0);
    fl_result_free(&res);
    assert_int_equal(dated_run(d, "O002", "甲词，甲词乙词\n", NULL, NULL, &res), 2);
    fl_result_free(&res);
    fl_buf_free(&a);
    dated_free(d);
}

int main(void)
{
    fl_xml_init();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_forbid_columns),
        cmocka_unit_test(test_mention_locations),
        cmocka_unit_test(test_mention_scope_missing),
        cmocka_unit_test(test_forbid_unless_exclude_when),
        cmocka_unit_test(test_doc_type),
        cmocka_unit_test(test_order_and_select),
        cmocka_unit_test(test_limit),
        cmocka_unit_test(test_excerpt),
        cmocka_unit_test(test_rule_in_force),
        cmocka_unit_test(test_finding_basis),
        cmocka_unit_test(test_requirements_in_force),
        cmocka_unit_test(test_judging_sources),
        cmocka_unit_test(test_long_block_columns),
        cmocka_unit_test(test_sentences_short_long_merged),
        cmocka_unit_test(test_forbid_overlap),
        cmocka_unit_test(test_forbid_document_lazily),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
