/* Unit tests for model/sections.c (and the text/Markdown reader that feeds
 * it): table-of-contents exclusion (leaders, glued and OCR-damaged page
 * numbers, runs without a title), attachment lists, numbering families and
 * doubtful numbers, bare 报告表 part titles, spaced PDF-copy lines, the
 * typed 报告表 structure, ranked nesting of typed numbers, sentences that are
 * not headings, styled headings mixed with typed numbers, rendered numbering
 * labels, dump's reasons, and the reader's handling of BOM, CRLF, NUL bytes,
 * Markdown headings, tables and images.
 *
 * The inline filings are invented; each test names the real shape it
 * stands for. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "model/finish.h"
#include "model/load.h"
#include "input/input.h"
#include "doc/doc.h"
#include "model/sections.h"

static fl_doc *load(const char *name, const char *text)
{
    fl_doc *doc = NULL;
    fl_error err;
    fl_error_clear(&err);
    int rc = fl_doc_load_memory(&doc, name, text, strlen(text), &err);
    if (rc) fail_msg("load %s: %s", name, err.message);
    return doc;
}

static fl_doc *load_fixture(const char *rel)
{
    const char *dir = getenv("FL_FIXTURES");
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", dir ? dir : "fixtures", rel);
    fl_doc *doc = NULL;
    fl_error err;
    fl_error_clear(&err);
    if (fl_doc_load(&doc, path, &err)) fail_msg("load %s: %s", path, err.message);
    return doc;
}

/* The block whose text is exactly t (first one). */
static const fl_block *block(const fl_doc *doc, const char *t)
{
    for (size_t i = 0; i < doc->nblocks; i++)
        if (!strcmp(doc->blocks[i].text, t)) return &doc->blocks[i];
    fail_msg("no block '%s'", t);
    return NULL;
}

static const fl_block *block_at_line(const fl_doc *doc, int line)
{
    for (size_t i = 0; i < doc->nblocks; i++)
        if (doc->blocks[i].line == line) return &doc->blocks[i];
    fail_msg("no block at line %d", line);
    return NULL;
}

static int level_of(const fl_doc *doc, const char *t)
{
    const fl_block *b = block(doc, t);
    return b->kind == FL_BLOCK_HEADING ? b->level : 0;
}

static const char *path_of(const fl_doc *doc, const char *t)
{
    const fl_block *b = block(doc, t);
    return b->section >= 0 ? doc->sections[b->section].path : "";
}

/* ---- table of contents ------------------------------------------------- */

static void test_toc_leader_dots(void **state)
{
    (void)state;
    fl_doc *doc = load("a.txt",
                       "目  录\n"
                       "一、总则……………………1\n"
                       "1.1 概况 .......... 3\n"
                       "第一章 总则\t5\n"
                       "二、工程分析···········12\n"
                       "\n"
                       "一、总则\n"
                       "正文内容。\n");
    const fl_block *b = block(doc, "一、总则……………………1");
    assert_true(b->flags & FL_BF_TOC);
    assert_int_equal(b->kind, FL_BLOCK_PARAGRAPH);
    assert_true(block(doc, "1.1 概况 .......... 3")->flags & FL_BF_TOC);
    assert_true(block(doc, "第一章 总则\t5")->flags & FL_BF_TOC);
    assert_true(block(doc, "二、工程分析···········12")->flags & FL_BF_TOC);
    assert_int_equal(doc->nsections, 1);
    assert_string_equal(doc->sections[0].title, "一、总则");
    assert_int_equal(doc->sections[0].level, 1);
    assert_int_equal(block(doc, "一、总则")->line, 7);
    assert_int_equal(block(doc, "目  录")->section, -1);
    fl_doc_free(doc);
}

/* After 目录, lines without leaders that come back later are TOC lines,
 * and the body's 一、 starts at level 1 again. */
/* A contents list Word updated after its bookmarks were deleted shows
 * 错误！未定义书签。 for every page number: still a contents list, in .txt
 * (tab before it: not a table) and in a paragraph (leaders before it), and
 * its lines give no fields. */
static void test_toc_bookmark_errors(void **state)
{
    (void)state;
    fl_doc *doc = load("e.txt",
                       "目录\n"
                       "一、项目概况\t错误！未定义书签。\n"
                       "（一）地块基本情况\t错误！未定义书签。\n"
                       "二、必要性……………错误！未定义书签。\n"
                       "三、预期成果 Error! Bookmark not defined.\n"
                       "\n"
                       "一、项目概况\n"
                       "（一）地块基本情况\n"
                       "地块位于城区东部。\n");
    const fl_block *b = block(doc, "一、项目概况\t错误！未定义书签。");
    assert_int_equal(b->table, 0);
    assert_true(b->flags & FL_BF_TOC);
    assert_true(block(doc, "二、必要性……………错误！未定义书签。")->flags & FL_BF_TOC);
    assert_true(block(doc, "三、预期成果 Error! Bookmark not defined.")->flags & FL_BF_TOC);
    assert_int_equal(doc->nsections, 2);
    assert_string_equal(doc->sections[0].title, "一、项目概况");
    assert_int_equal(doc->nfields, 0);
    fl_doc_free(doc);
}

static void test_toc_run_after_title(void **state)
{
    (void)state;
    fl_doc *doc = load("a.txt",
                       "目录\n"
                       "一、建设项目基本情况\n"
                       "二、建设项目工程分析\n"
                       "三、结论与建议\n" /* worded differently below */
                       "附表\n"
                       "一、建设项目基本情况\n"
                       "建设项目名称：甲项目\n"
                       "二、建设项目工程分析\n"
                       "工程分析内容。\n"
                       "三、结论\n"
                       "附表\n");
    for (int l = 2; l <= 5; l++) assert_true(block_at_line(doc, l)->flags & FL_BF_TOC);
    assert_false(block_at_line(doc, 6)->flags & FL_BF_TOC);
    assert_int_equal(doc->nsections, 4);
    assert_int_equal(block_at_line(doc, 6)->level, 1);
    assert_int_equal(block_at_line(doc, 8)->level, 1);
    assert_int_equal(block_at_line(doc, 10)->level, 1);
    assert_int_equal(block_at_line(doc, 11)->level, 1);
    assert_int_equal(block_at_line(doc, 11)->kind, FL_BLOCK_HEADING);
    fl_doc_free(doc);
}

/* No 目录 title: three or more numbered lines in a row, all repeated later. */
static void test_toc_run_without_title(void **state)
{
    (void)state;
    fl_doc *doc = load("a.txt",
                       "甲项目环境影响报告表\n"
                       "一、建设项目基本情况\n"
                       "二、建设项目工程分析\n"
                       "三、结论\n"
                       "一、建设项目基本情况\n"
                       "内容一。\n"
                       "二、建设项目工程分析\n"
                       "内容二。\n"
                       "三、结论\n"
                       "可行。\n");
    for (int l = 2; l <= 4; l++) assert_true(block_at_line(doc, l)->flags & FL_BF_TOC);
    assert_int_equal(doc->nsections, 3);
    for (size_t i = 0; i < doc->nsections; i++) assert_int_equal(doc->sections[i].level, 1);
    assert_int_equal(doc->blocks[doc->sections[0].block].line, 5);
    fl_doc_free(doc);
}

/* ---- the typed 报告表 ----------------------------------------------------- */

static void test_typed_form_structure(void **state)
{
    (void)state;
    fl_doc *doc = load_fixture("text/eia-form-typed.txt");
    static const char *const parts[] = {
        "一、建设项目基本情况", "二、建设项目工程分析", "三、区域环境质量现状、环境保护目标及评价标准",
        "四、主要环境影响和保护措施", "五、环境保护措施监督检查清单", "六、结论", "附表",
    };
    size_t k = 0;
    bool after_toc = false;
    for (size_t i = 0; i < doc->nsections; i++) {
        const fl_section *s = &doc->sections[i];
        if (!strcmp(s->title, "一、建设项目基本情况")) after_toc = true;
        if (!after_toc || s->level != 1) continue;
        assert_true(k < 7);
        assert_string_equal(s->title, parts[k]);
        assert_int_equal(s->parent, -1);
        k++;
    }
    assert_int_equal(k, 7);
    /* sub-items nest: （二）环境保护目标 › 1、大气环境 */
    assert_int_equal(level_of(doc, "（二）环境保护目标"), 2);
    assert_string_equal(path_of(doc, "1、大气环境"),
                        "三、区域环境质量现状、环境保护目标及评价标准 › （二）环境保护目标 › 1、大气环境");
    assert_int_equal(level_of(doc, "1、废气"), 3);
    assert_int_equal(level_of(doc, "（1）源强核算"), 4);
    assert_int_equal(level_of(doc, "2、废水"), 3);
    assert_string_equal(path_of(doc, "2、废水"), "四、主要环境影响和保护措施 › （二）运营期环境影响和保护措施 › 2、废水");
    /* a numbered full sentence is text of its section */
    const fl_block *b = block(doc, "1、本项目新建生产车间1座、原料库1座、成品库1座及配套办公用房。");
    assert_int_equal(b->kind, FL_BLOCK_PARAGRAPH);
    assert_string_equal(doc->sections[b->section].path, "二、建设项目工程分析 › （一）建设内容");
    /* cover lines are no headings */
    assert_int_equal(block(doc, "建设单位（盖章）：济宁恒泰新材料有限公司")->kind, FL_BLOCK_PARAGRAPH);
    assert_int_equal(block(doc, "建设单位（盖章）：济宁恒泰新材料有限公司")->section, -1);
    /* TOC lines are flagged */
    assert_true(block(doc, "六、结论……………………………………………………………43")->flags & FL_BF_TOC);
    fl_doc_free(doc);
}

/* ---- ranked nesting ------------------------------------------------------ */

static void test_ranked_nesting(void **state)
{
    (void)state;
    fl_doc *doc = load("a.txt",
                       "第一章 总则\n"
                       "一、编制依据\n"
                       "（一）法律法规\n"
                       "1、国家法律\n"
                       "（1）环境保护类\n"
                       "正文。\n"
                       "（2）资源类\n"
                       "2、地方法规\n"
                       "（二）技术导则\n"
                       "二、评价标准\n"
                       "第二章 工程分析\n"
                       "一、现有工程\n"
                       "第九章 结论与建议\n"
                       "一、结论\n"
                       "二、建议\n");
    assert_int_equal(level_of(doc, "第一章 总则"), 1);
    assert_int_equal(level_of(doc, "一、编制依据"), 2);
    assert_int_equal(level_of(doc, "（一）法律法规"), 3);
    assert_int_equal(level_of(doc, "1、国家法律"), 4);
    assert_int_equal(level_of(doc, "（1）环境保护类"), 5);
    assert_int_equal(level_of(doc, "（2）资源类"), 5);
    assert_int_equal(level_of(doc, "2、地方法规"), 4);
    assert_int_equal(level_of(doc, "（二）技术导则"), 3);
    assert_int_equal(level_of(doc, "二、评价标准"), 2);
    assert_int_equal(level_of(doc, "第二章 工程分析"), 1);
    assert_int_equal(level_of(doc, "一、现有工程"), 2);
    /* a 报告表 part title inside a chapter stays inside it */
    assert_int_equal(level_of(doc, "一、结论"), 2);
    assert_string_equal(path_of(doc, "二、建议"), "第九章 结论与建议 › 二、建议");
    assert_string_equal(path_of(doc, "正文。"), "第一章 总则 › 一、编制依据 › （一）法律法规 › 1、国家法律 › （1）环境保护类");
    /* ends: 第一章 runs to the line before 第二章 */
    const fl_section *s = &doc->sections[doc->blocks[0].section];
    assert_int_equal(s->end, 10);
    assert_int_equal(s->parent, -1);
    fl_doc_free(doc);
}

/* Decimal chapters (1 总则, 1.1, 1.1.1) with list items 1、 under 2.2.1
 * that must not close the chapter; 3 follows 2 as a sibling. */
static void test_decimal_chapters_and_lists(void **state)
{
    (void)state;
    fl_doc *doc = load("a.txt",
                       "1 总则\n"
                       "1.1 编制依据\n"
                       "一、法律\n"
                       "1.2 评价标准\n"
                       "2 工程分析\n"
                       "2.1 现有工程\n"
                       "2.2 扩建工程\n"
                       "2.2.1 污染源\n"
                       "1、废气\n"
                       "2、废水\n"
                       "2.2.2 汇总\n"
                       "3 现状评价\n"
                       "3.1 大气\n");
    assert_int_equal(level_of(doc, "1 总则"), 1);
    assert_int_equal(level_of(doc, "1.1 编制依据"), 2);
    assert_int_equal(level_of(doc, "一、法律"), 3);
    assert_int_equal(level_of(doc, "1.2 评价标准"), 2);
    assert_int_equal(level_of(doc, "2 工程分析"), 1);
    assert_int_equal(level_of(doc, "2.2.1 污染源"), 3);
    assert_int_equal(level_of(doc, "1、废气"), 4);
    assert_int_equal(level_of(doc, "2、废水"), 4);
    assert_int_equal(level_of(doc, "2.2.2 汇总"), 3);
    assert_int_equal(level_of(doc, "3 现状评价"), 1);
    assert_string_equal(path_of(doc, "2、废水"), "2 工程分析 › 2.2 扩建工程 › 2.2.1 污染源 › 2、废水");
    fl_doc_free(doc);
}

/* A cover region before 概述 and a chapter after 一、 under 概述. */
static void test_chapter_after_overview(void **state)
{
    (void)state;
    fl_doc *doc = load("a.txt",
                       "概  述\n"
                       "一、项目特点\n"
                       "二、工作过程\n"
                       "1 总则\n"
                       "1.1 编制依据\n"
                       "附件\n");
    assert_int_equal(level_of(doc, "概  述"), 1);
    assert_int_equal(level_of(doc, "二、工作过程"), 2);
    assert_int_equal(level_of(doc, "1 总则"), 1);
    assert_int_equal(level_of(doc, "1.1 编制依据"), 2);
    assert_int_equal(level_of(doc, "附件"), 1);
    fl_doc_free(doc);
}

/* ---- what is not a heading ------------------------------------------------ */

static void test_sentences_not_headings(void **state)
{
    (void)state;
    fl_doc *doc = load("a.txt",
                       "一、总则\n"
                       "1、本项目位于工业园区内。\n"
                       "2、项目总投资3000万元，其中环保投资85万元\n"
                       "3、项目名称：甲项目\n"
                       "4、《中华人民共和国环境保护法》\n"
                       "1.5万元用于绿化\n"
                       "3号楼为办公楼\n"
                       "2024年5月\n"
                       "5、项目废水经厂区污水处理站预处理达到接管标准后排入园区污水处理厂集中处理达标后排放入河\n"
                       "二〇二四年五月\n"
                       "一、\n"
                       "（一）\n"
                       "（三）废水！\n"
                       "3 台设备\n");
    assert_int_equal(doc->nsections, 1);
    for (size_t i = 1; i < doc->nblocks; i++) {
        assert_int_equal(doc->blocks[i].kind, FL_BLOCK_PARAGRAPH);
        assert_int_equal(doc->blocks[i].section, 0);
    }
    fl_doc_free(doc);
}

/* ---- contents lists: glued and damaged page numbers ------------------------ */

/* A heading's number typed by hand is read once, with the model: the rules'
 * heading patterns then match the title alone (fl_block_extra.number_len).
 * Shapes of filings typed without styles: 第一章 with a space, 一、 and
 * （一） glued, 1.1 with a space, a number glued to its title as a PDF copy
 * leaves it, and lines that are no numbered heading. */
static void test_heading_number_len(void **state)
{
    (void)state;
    fl_doc *doc = load("n.txt", "第一章 总则\n\n一、建设项目概况\n\n（一）项目由来\n\n"
                                "1.1 编制依据\n\n本项目位于某县，占地面积约3000平方米。\n\n"
                                "2.1 评价标准\n\n附件1 环评委托书\n");
    assert_int_equal(fl_block_x(doc, block(doc, "第一章 总则"))->number_len, strlen("第一章 "));
    assert_int_equal(fl_block_x(doc, block(doc, "一、建设项目概况"))->number_len, strlen("一、"));
    assert_int_equal(fl_block_x(doc, block(doc, "（一）项目由来"))->number_len, strlen("（一）"));
    assert_int_equal(fl_block_x(doc, block(doc, "1.1 编制依据"))->number_len, strlen("1.1 "));
    /* body text and an attachment item carry none */
    assert_int_equal(fl_block_x(doc, block(doc, "本项目位于某县，占地面积约3000平方米。"))->number_len, 0);
    assert_int_equal(fl_block_x(doc, block(doc, "附件1 环评委托书"))->number_len, 0);
    fl_doc_free(doc);
}

static bool is_toc(const fl_doc *doc, int line) { return (block_at_line(doc, line)->flags & FL_BF_TOC) != 0; }
static bool is_list(const fl_doc *doc, int line) { return (block_at_line(doc, line)->flags & FL_BF_LIST) != 0; }
static int level_at(const fl_doc *doc, int line)
{
    const fl_block *b = block_at_line(doc, line);
    return b->kind == FL_BLOCK_HEADING ? b->level : 0;
}

/* A 报告书 简本 copied out of a PDF: every page number glued to its title,
 * OCR reading 1 as l and splitting 17 into "1 7"; the body starts at the
 * heading that repeats the first entry. */
static void test_contents_glued_pages(void **state)
{
    (void)state;
    fl_doc *doc = load("a.txt",
                       "目录\n"                                  /* 1 */
                       "第一章 项目概况1\n"                      /* 2 */
                       "1.1项目背景1\n"                          /* 3 */
                       "三、环境质量现状17\n"                    /* 4 */
                       "3.1环境保护目标分布情况11\n"             /* 5 */
                       "3.2环境影响评价结果……………… l7\n"        /* 6 */
                       "3.3环境风险分析.... 2 1\n"               /* 7 */
                       "第二章 结论2 3\n"                        /* 8: glued, then OCR space */
                       "第一章 项目概况\n"                       /* 9: the body */
                       "1.1项目背景\n"                           /* 10 */
                       "项目位于县城北部。\n"                    /* 11 */
                       "3.1环境保护目标分布情况\n"               /* 12 */
                       "第二章 结论\n");                         /* 13 */
    for (int l = 2; l <= 8; l++) assert_true(is_toc(doc, l));
    for (int l = 9; l <= 13; l++) assert_false(is_toc(doc, l));
    assert_int_equal(level_at(doc, 9), 1);
    assert_int_equal(level_at(doc, 10), 2);
    assert_int_equal(level_at(doc, 12), 2);
    assert_int_equal(level_at(doc, 13), 1);
    assert_int_equal(doc->nsections, 4);
    assert_int_equal(doc->blocks[doc->sections[0].block].line, 9);
    fl_doc_free(doc);
}

/* Leaders of every kind (…, ., ·, _, a row of dashes), a tab, page numbers
 * in brackets (the 1999 报告表's "(4)"), roman numerals of the front matter,
 * a spaced 目 录 title and a "目录 2" heading the second page of the list. */
static void test_contents_leaders_and_brackets(void **state)
{
    (void)state;
    fl_doc *doc = load("a.txt",
                       "目 录\n"                                 /* 1 */
                       "前言……………………ii\n"                      /* 2 */
                       "1建设项目基本情况 (1)\n"                 /* 3 */
                       "2建设项目所在地自然环境、社会环境简况 (4)\n" /* 4 */
                       "3 评价适用标准_____________9\n"          /* 5 */
                       "4 建设项目工程分析------------11\n"      /* 6 */
                       "目录 2\n"                                /* 7 */
                       "5 环境影响分析\t20\n"                    /* 8 */
                       "6 结论与建议·········30\n"               /* 9 */
                       "前言\n"                                  /* 10 */
                       "本报告表按要求编制。\n");                /* 11 */
    for (int l = 2; l <= 9; l++) assert_true(is_toc(doc, l));
    assert_false(is_toc(doc, 10));
    assert_int_equal(level_at(doc, 10), 1);
    assert_string_equal(fl_sections_explain(doc, block_at_line(doc, 1)), "table-of-contents title");
    assert_string_equal(fl_sections_explain(doc, block_at_line(doc, 3)), "contents entry");
    fl_doc_free(doc);

    /* front matter in upper-case roman numerals, OCR's I for 1 and O for 0 */
    doc = load("a.txt",
               "目录\n"
               "编制说明……………………IV\n"
               "概述……………………I\n"
               "1 总则……………………1O\n"
               "2 工程分析……………I2\n"
               "概述\n"
               "项目由来见下文。\n");
    for (int l = 2; l <= 5; l++) assert_true(is_toc(doc, l));
    assert_int_equal(level_at(doc, 6), 1);
    fl_doc_free(doc);
    /* without a title, each is an entry by its leaders and page number alone */
    doc = load("a.txt", "编制说明……………………IV\n概述……………………I\n正文。\n");
    assert_true(is_toc(doc, 1) && is_toc(doc, 2));
    assert_false(is_toc(doc, 3));
    fl_doc_free(doc);
}

/* A line with a number glued on is no contents entry by itself; a run of
 * three numbered ones with rising page numbers is a contents list even
 * without 目录, and it goes on through its 附图 list. Pollutant names and a
 * 破折号 before an amount are not page numbers, and numbers that do not rise
 * are no contents. */
static void test_contents_runs_without_title(void **state)
{
    (void)state;
    fl_doc *doc = load("a.txt",
                       "3.1环境保护目标11\n"                     /* 1: alone */
                       "评价范围内有村庄两处。\n"                /* 2 */
                       "1、SO2\n"                                /* 3 */
                       "2、NO2\n"                                /* 4 */
                       "3、PM10\n"                               /* 5 */
                       "项目总投资——5000\n"                      /* 6 */
                       "一、施工期环境影响分析1\n"               /* 7: 1, 5, 3 do not rise */
                       "二、运营期环境影响分析5\n"               /* 8 */
                       "三、环境风险分析3\n"                     /* 9 */
                       "正文。\n"                                /* 10 */
                       "1 总则1\n"                               /* 11: a contents run */
                       "2 工程分析4\n"                           /* 12 */
                       "3 环境现状9\n"                           /* 13 */
                       "4 结论\n"                                /* 14: lost its page */
                       "附图1 位置图\n"                          /* 15 */
                       "附图2 平面图\n"                          /* 16 */
                       "1 总则\n"                                /* 17: the body */
                       "总则内容。\n");                          /* 18 */
    for (int l = 1; l <= 10; l++) assert_false(is_toc(doc, l));
    assert_int_equal(level_at(doc, 1), 1);
    assert_int_equal(block_at_line(doc, 6)->kind, FL_BLOCK_PARAGRAPH);
    for (int l = 11; l <= 16; l++) assert_true(is_toc(doc, l));
    assert_true(is_list(doc, 15) && is_list(doc, 16));
    assert_false(is_toc(doc, 17));
    assert_int_equal(level_at(doc, 17), 1);
    fl_doc_free(doc);
}

/* ---- attachment lists -------------------------------------------------------- */

/* The real failure: a 附图 list in the front matter became top-level
 * headings and the body's 一、 nested under 附图5. A list in a row is list
 * items, its bare title too when the body goes on after it; at the end of
 * the filing the bare 附件 stays the heading of the list. */
static void test_attachment_lists(void **state)
{
    (void)state;
    fl_doc *doc = load("a.txt",
                       "建设项目环境影响报告表\n"                /* 1 */
                       "附图：\n"                                /* 2 */
                       "附图1 项目地理位置图\n"                  /* 3 */
                       "附图2 项目周边环境示意图\n"              /* 4 */
                       "附图5 项目平面布置图\n"                  /* 5 */
                       "一、建设项目基本情况\n"                  /* 6 */
                       "项目名称：甲项目\n"                      /* 7 */
                       "二、建设项目工程分析\n"                  /* 8 */
                       "工程分析内容。\n"                        /* 9 */
                       "附件\n"                                  /* 10 */
                       "附件1 委托书\n"                          /* 11 */
                       "附件2 营业执照\n");                      /* 12 */
    for (int l = 2; l <= 5; l++) {
        assert_true(is_list(doc, l));
        assert_int_equal(block_at_line(doc, l)->kind, FL_BLOCK_PARAGRAPH);
    }
    assert_int_equal(level_at(doc, 6), 1);
    assert_string_equal(path_of(doc, "项目名称：甲项目"), "一、建设项目基本情况");
    assert_int_equal(level_at(doc, 8), 1);
    assert_int_equal(level_at(doc, 10), 1); /* 附件 at the end */
    assert_false(is_list(doc, 10));
    assert_true(is_list(doc, 11) && is_list(doc, 12));
    assert_int_equal(block_at_line(doc, 11)->kind, FL_BLOCK_PARAGRAPH);
    assert_string_equal(fl_sections_explain(doc, block_at_line(doc, 11)), "attachment list item");
    assert_int_equal(doc->nsections, 3);
    fl_doc_free(doc);
}

/* An attached page: a single 附件N title followed by its content is a
 * heading; a single one after a bare title with nothing after it is a list. */
static void test_attached_page_title(void **state)
{
    (void)state;
    fl_doc *doc = load("a.txt",
                       "六、结论\n"                              /* 1 */
                       "项目建设可行。\n"                        /* 2 */
                       "附件1 建设项目环评审批基础信息表\n"      /* 3 */
                       "建设项目名称 甲项目\n"                   /* 4 */
                       "附件2 委托书\n"                          /* 5 */
                       "现委托乙公司承担本项目环境影响评价工作。\n" /* 6 */
                       "附图：\n"                                /* 7 */
                       "附图1 项目地理位置图\n");                /* 8 */
    assert_int_equal(level_at(doc, 3), 1);
    assert_false(is_list(doc, 3));
    assert_string_equal(path_of(doc, "建设项目名称 甲项目"), "附件1 建设项目环评审批基础信息表");
    assert_int_equal(level_at(doc, 5), 1);
    assert_true(is_list(doc, 8));
    assert_int_equal(level_at(doc, 7), 1);
    fl_doc_free(doc);
}

/* Two lists one after the other in the front matter (附图： …, 附件： …) are
 * both lists, titles included, and the body is not nested under them; at the
 * end, the list of attachments is followed by the attached pages themselves,
 * whose numbers start again: those are headings under 附件. */
static void test_attachment_lists_chained(void **state)
{
    (void)state;
    fl_doc *doc = load("a.txt",
                       "建设项目环境影响报告表\n"                /* 1 */
                       "附图：\n"                                /* 2 */
                       "附图1 项目地理位置图\n"                  /* 3 */
                       "附图2 项目周边环境示意图\n"              /* 4 */
                       "附件：\n"                                /* 5 */
                       "附件1 委托书\n"                          /* 6 */
                       "附件2 营业执照\n"                        /* 7 */
                       "一、建设项目基本情况\n"                  /* 8 */
                       "项目名称：甲项目\n"                      /* 9 */
                       "附件\n"                                  /* 10 */
                       "附件1 委托书\n"                          /* 11 */
                       "附件2 关于甲项目的批复\n"                /* 12 */
                       "附件1 委托书\n"                          /* 13 */
                       "现委托乙公司承担本项目评价工作。\n"      /* 14 */
                       "附件2 关于甲项目的批复\n"                /* 15 */
                       "同意项目建设。\n");                      /* 16 */
    for (int l = 2; l <= 7; l++) {
        assert_true(is_list(doc, l));
        assert_int_equal(level_at(doc, l), 0);
    }
    assert_int_equal(level_at(doc, 8), 1);
    assert_int_equal(doc->sections[block_at_line(doc, 8)->section].parent, -1);
    assert_int_equal(level_at(doc, 10), 1);
    assert_true(is_list(doc, 11) && is_list(doc, 12));
    assert_int_equal(level_at(doc, 13), 2);
    assert_int_equal(level_at(doc, 15), 2);
    assert_string_equal(path_of(doc, "同意项目建设。"), "附件 › 附件2 关于甲项目的批复");
    fl_doc_free(doc);

    /* one item under a bare title, then the body: a list too */
    doc = load("a.txt",
               "附图：\n"
               "附图1 项目地理位置图\n"
               "一、建设项目基本情况\n"
               "项目名称：甲项目\n"
               "附件：\n"
               "附件1 关于甲项目的批复\n"
               "同意项目建设。\n");
    assert_true(is_list(doc, 1) && is_list(doc, 2));
    assert_int_equal(level_at(doc, 3), 1);
    assert_int_equal(level_at(doc, 5), 1);
    assert_int_equal(level_at(doc, 6), 2);
    fl_doc_free(doc);
}

/* ---- numbering families --------------------------------------------------- */

/* The 公众参与说明 numbering (1 概述 / 2 首次环境影响评价信息公开情况 /
 * 2.1 公开内容及日期 / 2.2 公开方式 / 2.2.1 网络): 公 also starts 公顷, so
 * 2.1 and 2.2 were paragraphs while 2.2.1 nested under 2. Their family has
 * plain headings (2.3 …) and their numbers continue it: headings, with
 * consistent levels. */
static void test_numbering_family_pp(void **state)
{
    (void)state;
    fl_doc *doc = load("a.txt",
                       "1 概述\n"
                       "本次公众参与按办法开展。\n"
                       "2 首次环境影响评价信息公开情况\n"
                       "2.1 公开内容及日期\n"
                       "于2023年3月2日在网站公开。\n"
                       "2.2 公开方式\n"
                       "2.2.1 网络\n"
                       "公示网站可正常访问。\n"
                       "2.2.2 其他\n"
                       "无。\n"
                       "2.3 公众意见情况\n"
                       "未收到意见。\n"
                       "3 征求意见稿公示情况\n"
                       "3.1 公示内容及时限\n"
                       "10 个工作日内未收到公众意见\n"
                       "3.2 查阅情况\n"
                       "4 其他公众参与情况\n"
                       "4.1 公众座谈会、听证会、专家论证会等情况说明\n"
                       "未召开。\n"
                       "4.2 其他公众参与情况\n");
    assert_int_equal(level_of(doc, "2 首次环境影响评价信息公开情况"), 1);
    assert_int_equal(level_of(doc, "2.1 公开内容及日期"), 2);
    assert_int_equal(level_of(doc, "2.2 公开方式"), 2);
    assert_int_equal(level_of(doc, "2.2.1 网络"), 3);
    assert_string_equal(path_of(doc, "公示网站可正常访问。"),
                        "2 首次环境影响评价信息公开情况 › 2.2 公开方式 › 2.2.1 网络");
    assert_int_equal(level_of(doc, "2.3 公众意见情况"), 2);
    assert_int_equal(level_of(doc, "3.1 公示内容及时限"), 2);
    assert_int_equal(level_of(doc, "4.1 公众座谈会、听证会、专家论证会等情况说明"), 2);
    assert_int_equal(level_of(doc, "4.2 其他公众参与情况"), 2);
    /* a quantity in the middle does not continue the numbering */
    const fl_block *q = block(doc, "10 个工作日内未收到公众意见");
    assert_int_equal(q->kind, FL_BLOCK_PARAGRAPH);
    assert_string_equal(fl_sections_explain(doc, q),
                        "starts like a quantity (台, 项, 公…): neither its numbering family nor the contents confirm it");
    fl_doc_free(doc);
}

/* 1.1 项目由来 (项 is also a unit) is a heading because 1.2 is; 3 台设备 and
 * 1.5 万元 stay text, and so does 1、《…》 and 1、废气 keeps nesting under a
 * 1.1.1. */
static void test_numbering_family_book(void **state)
{
    (void)state;
    fl_doc *doc = load("a.txt",
                       "1 总则\n"
                       "1.1 项目由来\n"
                       "由来说明。\n"
                       "1.2 编制依据\n"
                       "1、《中华人民共和国环境保护法》\n"
                       "2 工程分析\n"
                       "2.1 工程概况\n"
                       "2.1.1 台账管理\n"
                       "1、废气\n"
                       "3 台切割机为主要噪声源\n"
                       "1.5 万元用于绿化\n"
                       "2.1.2 分析方法\n");
    assert_int_equal(level_of(doc, "1.1 项目由来"), 2);
    assert_int_equal(level_of(doc, "1.2 编制依据"), 2);
    assert_int_equal(level_of(doc, "1、《中华人民共和国环境保护法》"), 0);
    assert_int_equal(level_of(doc, "2.1.1 台账管理"), 3);
    assert_int_equal(level_of(doc, "1、废气"), 4);
    assert_int_equal(level_of(doc, "3 台切割机为主要噪声源"), 0);
    assert_int_equal(level_of(doc, "1.5 万元用于绿化"), 0);
    assert_string_equal(fl_sections_explain(doc, block(doc, "1.5 万元用于绿化")), "a quantity (a number and its unit)");
    assert_int_equal(level_of(doc, "2.1.2 分析方法"), 3);
    assert_string_equal(path_of(doc, "1、废气"), "2 工程分析 › 2.1 工程概况 › 2.1.1 台账管理 › 1、废气");
    fl_doc_free(doc);
}

/* A 公众参与说明 copied out of a PDF loses the space after a chapter number
 * (1概述, 2首次…, 4公众意见处理情况) and keeps page footers between the
 * lines. Glued to a single number, a title is doubtful like 3号楼 is: the
 * numbering decides. 1号楼 / 2号楼 / 3号楼 in a row is a list, not three
 * chapters, and 10个工作日内… does not continue anything. */
static void test_numbering_glued_chapters(void **state)
{
    (void)state;
    fl_doc *doc = load("a.txt",
                       "1概述\n"                                 /* 1 */
                       "本项目公众参与分三个阶段。\n"            /* 2 */
                       "第 1 页 共 4 页\n"                       /* 3 */
                       "2首次环境影响评价信息公开情况\n"         /* 4 */
                       "2.1公开内容及日期\n"                     /* 5 */
                       "2022年3月9日进行了首次信息公开。\n"      /* 6 */
                       "2.2公开方式\n"                           /* 7 */
                       "2.2.1网络\n"                             /* 8 */
                       "公开网站为建设单位官方网站。\n"          /* 9 */
                       "10个工作日内未收到公众意见\n"            /* 10 */
                       "1号楼为生产车间\n"                       /* 11 */
                       "2号楼为仓库\n"                           /* 12 */
                       "3号楼为办公楼\n"                         /* 13 */
                       "3征求意见稿公示情况\n"                   /* 14 */
                       "公示时间为10个工作日。\n"                /* 15 */
                       "4公众意见处理情况\n"                     /* 16 */
                       "未收到公众意见。\n"                      /* 17 */
                       "5诚信承诺\n"                             /* 18 */
                       "建设单位对本说明的真实性负责。\n");      /* 19 */
    static const int chapters[] = {1, 4, 14, 16, 18};
    for (size_t k = 0; k < sizeof chapters / sizeof *chapters; k++) assert_int_equal(level_at(doc, chapters[k]), 1);
    assert_int_equal(level_at(doc, 5), 2);
    assert_int_equal(level_at(doc, 7), 2);
    assert_int_equal(level_at(doc, 8), 3);
    for (int l = 10; l <= 13; l++) assert_int_equal(level_at(doc, l), 0);
    assert_int_equal(level_at(doc, 3), 0);
    assert_string_equal(path_of(doc, "未收到公众意见。"), "4公众意见处理情况");
    fl_doc_free(doc);
}

/* Doubtful numbers whose family has no plain heading (and no plain level
 * above) stay text, with the reason; the contents confirm them anyway. */
static void test_numbering_family_unused_and_contents(void **state)
{
    (void)state;
    fl_doc *doc = load("a.txt",
                       "主要设备\n"
                       "1.1 台切割机\n"
                       "1.2 台磨边机\n"
                       "1.3 套清洗线\n");
    for (int l = 2; l <= 4; l++) {
        assert_int_equal(level_at(doc, l), 0);
        assert_string_equal(fl_sections_explain(doc, block_at_line(doc, l)),
                            "starts like a quantity (台, 项, 公…): neither its numbering family nor the contents confirm it");
    }
    assert_int_equal(doc->nsections, 0);
    fl_doc_free(doc);

    doc = load("a.txt",
               "目录\n"
               "1.1 项目由来……………1\n"
               "5.3 分析方法……………9\n"
               "1.1 项目由来\n"
               "由来说明。\n"
               "5.3 分析方法\n"
               "方法说明。\n");
    assert_int_equal(level_at(doc, 4), 1);
    assert_int_equal(level_at(doc, 6), 1);
    assert_string_equal(fl_sections_source(doc, block_at_line(doc, 6)), "typed 1.1, confirmed by numbering or contents");
    fl_doc_free(doc);
}

/* ---- bare 报告表 part titles -------------------------------------------------- */

/* The pre-2021 报告表 copied as text: its part titles are bare lines. They
 * are level-1 parts that close what was open; 一、结论 stays inside
 * 结论与建议; a spaced title (PDF copy) counts folded. */
static void test_form_titles_1999(void **state)
{
    (void)state;
    fl_doc *doc = load("a.txt",
                       "建设项目基本情况\n"                      /* 1 */
                       "项目名称：甲汽修项目\n"                  /* 2 */
                       "一、项目由来\n"                          /* 3 */
                       "建 设 项 目 所 在 地 自 然 环 境 社 会 环 境 简 况\n" /* 4 */
                       "一、地理位置\n"                          /* 5 */
                       "环境质量状况\n"                          /* 6 */
                       "评价适用标准\n"                          /* 7 */
                       "建设项目工程分析\n"                      /* 8 */
                       "项目主要污染物产生及预计排放情况\n"      /* 9 */
                       "环境影响分析\n"                          /* 10 */
                       "建设项目拟采取的防治措施及预期治理效果\n" /* 11 */
                       "结论与建议\n"                            /* 12 */
                       "一、结论\n"                              /* 13 */
                       "项目可行。\n"                            /* 14 */
                       "本项目建设项目基本情况详见上表\n");      /* 15: a sentence containing a title */
    static const int parts[] = {1, 4, 6, 7, 8, 9, 10, 11, 12};
    for (size_t k = 0; k < sizeof parts / sizeof *parts; k++) {
        assert_int_equal(level_at(doc, parts[k]), 1);
        assert_int_equal(doc->sections[block_at_line(doc, parts[k])->section].parent, -1);
    }
    assert_int_equal(level_at(doc, 3), 2);
    assert_int_equal(level_at(doc, 5), 2);
    assert_int_equal(level_at(doc, 13), 2);
    assert_string_equal(path_of(doc, "项目可行。"), "结论与建议 › 一、结论");
    assert_int_equal(level_at(doc, 15), 0);
    assert_string_equal(fl_sections_source(doc, block_at_line(doc, 12)), "known 报告表 part");
    fl_doc_free(doc);
}

/* The 2021 forms typed bare, 污染影响类 and 生态影响类 (建设内容 is a part of
 * the latter, a sub-item of the former). */
static void test_form_titles_2021(void **state)
{
    (void)state;
    fl_doc *doc = load("a.txt",
                       "建设项目基本情况\n"
                       "建设项目工程分析\n"
                       "建设内容\n"
                       "工艺流程和产排污环节\n"
                       "区域环境质量现状、环境保护目标及评价标准\n"
                       "环境保护目标\n"
                       "主要环境影响和保护措施\n"
                       "环境保护措施监督检查清单\n"
                       "结论\n"
                       "项目可行。\n");
    assert_int_equal(level_of(doc, "建设项目工程分析"), 1);
    assert_int_equal(level_of(doc, "建设内容"), 2);
    assert_int_equal(level_of(doc, "工艺流程和产排污环节"), 2);
    assert_int_equal(level_of(doc, "环境保护目标"), 2);
    assert_int_equal(level_of(doc, "结论"), 1);
    assert_string_equal(path_of(doc, "项目可行。"), "结论");
    fl_doc_free(doc);

    doc = load("a.txt",
               "建设项目基本情况\n"
               "建设内容\n"
               "地理位置\n"
               "生态环境现状、保护目标及评价标准\n"
               "生态环境影响分析\n"
               "结论\n");
    assert_int_equal(level_of(doc, "建设内容"), 1);
    assert_int_equal(level_of(doc, "地理位置"), 2);
    assert_int_equal(level_of(doc, "生态环境影响分析"), 1);
    assert_int_equal(level_of(doc, "结论"), 1);
    fl_doc_free(doc);
}

/* One bare form title alone (a 报告书 line above a table, say) is no part:
 * a single title is no evidence the form is there. */
static void test_form_title_alone(void **state)
{
    (void)state;
    fl_doc *doc = load("a.txt",
                       "第二章 工程分析\n"
                       "2.1 工程概况\n"
                       "建设项目基本情况\n"
                       "项目名称：甲项目\n"
                       "结论\n"
                       "环境影响分析\n");
    assert_int_equal(level_of(doc, "建设项目基本情况"), 0);
    assert_string_equal(fl_sections_explain(doc, block(doc, "建设项目基本情况")),
                        "a 报告表 part title, but no other part of that form is typed bare");
    assert_int_equal(level_of(doc, "结论"), 0);
    assert_int_equal(level_of(doc, "环境影响分析"), 0);
    assert_string_equal(path_of(doc, "项目名称：甲项目"), "第二章 工程分析 › 2.1 工程概况");
    fl_doc_free(doc);
}

/* ---- spaced lines (PDF copy) ---------------------------------------------- */

static void test_spaced_headings(void **state)
{
    (void)state;
    fl_doc *doc = load("a.txt",
                       "目 录\n"
                       "一 、 项 目 概 况 ……………… 1\n"
                       "二 、 工 程 分 析 ……………… 5\n"
                       "一 、 项 目 概 况\n"
                       "项目位于县城北部。\n"
                       "（ 一 ） 地 理 位 置\n"
                       "二 、 工 程 分 析\n");
    assert_true(is_toc(doc, 2) && is_toc(doc, 3));
    assert_int_equal(level_at(doc, 4), 1);
    assert_true(block_at_line(doc, 4)->flags & FL_BF_SPACED);
    assert_int_equal(level_at(doc, 6), 2);
    assert_int_equal(level_at(doc, 7), 1);
    assert_string_equal(doc->sections[block_at_line(doc, 4)->section].title, "一 、 项 目 概 况");
    fl_doc_free(doc);
}

/* Contents, lists and families stay linear: 100,000 lines of doubtful
 * numbers, quantities, attachment lines and a long glued contents list. */
static void test_large_doubtful(void **state)
{
    (void)state;
    size_t lines = 100000, o = 0;
    char *t = malloc(lines * 48 + 64);
    o += (size_t)sprintf(t + o, "目录\n");
    for (size_t i = 0; i < 2000; i++) o += (size_t)sprintf(t + o, "%zu.%zu项目由来%zu\n", i / 9 + 1, i % 9 + 1, i / 4 + 1);
    for (size_t i = 2000; i < lines; i++) {
        switch (i % 4) {
        case 0: o += (size_t)sprintf(t + o, "%zu.%zu 项目由来\n", i / 9 % 99 + 1, i % 9 + 1); break;
        case 1: o += (size_t)sprintf(t + o, "3 台设备\n"); break;
        case 2: o += (size_t)sprintf(t + o, "附件%zu 材料\n", i % 9 + 1); break;
        default: o += (size_t)sprintf(t + o, "说明文字。\n"); break;
        }
    }
    fl_doc *doc = NULL;
    fl_error err;
    assert_int_equal(fl_doc_load_memory(&doc, "many.txt", t, o, &err), 0);
    assert_int_equal(doc->nblocks, lines + 1);
    assert_true(doc->blocks[1].flags & FL_BF_TOC);
    assert_int_equal(doc->blocks[2001].kind, FL_BLOCK_PARAGRAPH); /* "3 台设备" */
    size_t explained = 0;
    for (size_t i = 0; i < doc->nblocks; i++) explained += fl_sections_explain(doc, &doc->blocks[i]) != NULL;
    assert_true(explained > lines / 4);
    fl_doc_free(doc);
    free(t);
}

/* ---- styled headings, labels, parts -------------------------------------- */

static fl_block *add(fl_doc *doc, fl_part part, const char *text, int outline)
{
    fl_block *b = fl_doc_add_block(doc, part, FL_BLOCK_PARAGRAPH, text, strlen(text));
    b->outline = outline;
    return b;
}

static void test_styled_and_typed(void **state)
{
    (void)state;
    fl_doc *doc = fl_doc_new("x.docx");
    add(doc, FL_PART_BODY, "建设项目环境影响报告表", 0)->flags |= FL_BF_TITLE;
    add(doc, FL_PART_BODY, "目录条目", 1)->flags |= FL_BF_TOC;
    fl_block_set_style(doc, add(doc, FL_PART_BODY, "一、建设项目基本情况", 1), "标题 1");  /* 2 */
    add(doc, FL_PART_BODY, "（一）项目概况", 0);                         /* 3 */
    add(doc, FL_PART_BODY, "1、地理位置", 0);                            /* 4 */
    add(doc, FL_PART_BODY, "样式二级标题", 2);                            /* 5 */
    add(doc, FL_PART_BODY, "1、子项", 0);                                /* 6 */
    add(doc, FL_PART_BODY, "二、建设项目工程分析", 0);                    /* 7: typed, same kind as styled 一、 */
    add(doc, FL_PART_BODY, "（一）建设内容", 0);                         /* 8 */
    add(doc, FL_PART_HEADER, "一、页眉", 1);                             /* header: never */
    fl_block *cell = fl_doc_add_block(doc, FL_PART_BODY, FL_BLOCK_CELL, "一、表内", strlen("一、表内"));
    cell->table = fl_doc_new_table(doc);
    fl_block_xw(doc, cell)->row = fl_block_xw(doc, cell)->col = 1;      /* 9 */
    add(doc, FL_PART_TEXTBOX, "三、文本框标题", 0);                       /* 10 */
    fl_doc_finish(doc);
    assert_int_equal(doc->blocks[0].kind, FL_BLOCK_PARAGRAPH);
    assert_int_equal(doc->blocks[1].kind, FL_BLOCK_PARAGRAPH);
    assert_int_equal(doc->blocks[2].level, 1);
    assert_int_equal(doc->blocks[3].level, 2);
    assert_int_equal(doc->blocks[4].level, 3);
    assert_int_equal(doc->blocks[5].level, 2);
    assert_string_equal(doc->sections[doc->blocks[5].section].path, "一、建设项目基本情况 › 样式二级标题");
    assert_int_equal(doc->blocks[6].level, 3);
    assert_int_equal(doc->blocks[7].level, 1);
    assert_int_equal(doc->sections[doc->blocks[7].section].parent, -1);
    assert_int_equal(doc->blocks[8].level, 2);
    assert_int_equal(doc->blocks[9].kind, FL_BLOCK_CELL);
    assert_int_equal(doc->blocks[9].section, doc->blocks[8].section);
    assert_int_equal(doc->blocks[10].part, FL_PART_TEXTBOX);
    assert_int_equal(doc->blocks[10].level, 1);
    /* the header block sorts after the body and belongs to no section */
    assert_int_equal(doc->blocks[11].part, FL_PART_HEADER);
    assert_int_equal(doc->blocks[11].kind, FL_BLOCK_PARAGRAPH);
    assert_int_equal(doc->blocks[11].section, -1);
    assert_int_equal(doc->sections[doc->blocks[2].section].end, 7);
    assert_int_equal(doc->nsections, 8);
    fl_doc_free(doc);
}

static void test_numbering_labels(void **state)
{
    (void)state;
    fl_doc *doc = fl_doc_new("x.docx");
    fl_block *b = add(doc, FL_PART_BODY, "第1章 总则", 0);
    fl_doc_set_label(doc, b, "第1章", strlen("第1章 "));
    b = add(doc, FL_PART_BODY, "1.1\t编制依据", 0);
    fl_doc_set_label(doc, b, "1.1", strlen("1.1\t"));
    b = add(doc, FL_PART_BODY, "•\t列表项", 0);
    fl_doc_set_label(doc, b, "•", strlen("•\t"));
    b = add(doc, FL_PART_BODY, "1.2\t评价标准", 0);
    fl_doc_set_label(doc, b, "1.2", strlen("1.2\t"));
    fl_doc_finish(doc);
    assert_int_equal(doc->blocks[0].level, 1);
    assert_int_equal(doc->blocks[1].level, 2);
    assert_int_equal(doc->blocks[2].kind, FL_BLOCK_PARAGRAPH);
    assert_int_equal(doc->blocks[3].level, 2);
    assert_string_equal(doc->sections[doc->blocks[3].section].path, "第1章 总则 › 1.2\t评价标准");
    fl_doc_free(doc);
}

/* A reader that passes only the style name still gets styled headings. */
static void test_style_name_fallback(void **state)
{
    (void)state;
    fl_doc *doc = fl_doc_new("x.xml");
    fl_block_set_style(doc, add(doc, FL_PART_BODY, "概况", 0), "Heading_20_1");
    fl_block_set_style(doc, add(doc, FL_PART_BODY, "项目位置", 0), "heading 2");
    fl_block_set_style(doc, add(doc, FL_PART_BODY, "正文", 0), "Heading 2 Char");
    fl_block_set_style(doc, add(doc, FL_PART_BODY, "结论", 0), "标题 1");
    fl_block *b = add(doc, FL_PART_BODY, "说明", 0);
    fl_block_set_style(doc, b, "Heading3");
    b->flags |= FL_BF_NO_HEADING;
    fl_doc_finish(doc);
    assert_int_equal(doc->blocks[0].level, 1);
    assert_int_equal(doc->blocks[1].level, 2);
    assert_string_equal(doc->sections[doc->blocks[1].section].path, "概况 › 项目位置");
    assert_int_equal(doc->blocks[2].kind, FL_BLOCK_PARAGRAPH);
    assert_int_equal(doc->blocks[3].level, 1);
    assert_int_equal(doc->blocks[4].kind, FL_BLOCK_PARAGRAPH);
    assert_int_equal(doc->nsections, 3);
    fl_doc_free(doc);
}

/* ---- the text / Markdown reader -------------------------------------------- */

static void test_text_reader_lines(void **state)
{
    (void)state;
    static const char data[] = "\xEF\xBB\xBF第一行\r\n\r\n  \r\n第四行\r第五\0行\n\xE3\x80\x80\n最后一行";
    fl_doc *doc = NULL;
    fl_error err;
    assert_int_equal(fl_doc_load_memory(&doc, "a.txt", data, sizeof data - 1, &err), 0);
    assert_int_equal(doc->nblocks, 4);
    assert_string_equal(doc->blocks[0].text, "第一行");
    assert_int_equal(doc->blocks[0].line, 1);
    assert_string_equal(doc->blocks[1].text, "第四行");
    assert_int_equal(doc->blocks[1].line, 4);
    assert_string_equal(doc->blocks[2].text, "第五行");
    assert_int_equal(doc->blocks[2].line, 5);
    assert_string_equal(doc->blocks[3].text, "最后一行");
    assert_int_equal(doc->blocks[3].line, 7);
    assert_int_equal(doc->nnotices, 1);
    fl_doc_free(doc);
}

static void test_markdown_reader(void **state)
{
    (void)state;
    fl_doc *doc = load("a.md",
                       "# 一、总则 #\n"
                       "####### 不是标题\n"
                       "#也不是\n"
                       "\n"
                       "| 项目名称 | 甲\\|乙项目 |\n"
                       "|:--|--:|\n"
                       "| 签字 | ![签名](s.png) |\n"
                       "| 空 | |\n"
                       "\n"
                       "a | b\n"
                       "--|--\n"
                       "c | d\n"
                       "```\n"
                       "# 代码\n"
                       "```\n"
                       "## （一）概况\n");
    const fl_block *h = block(doc, "一、总则");
    assert_int_equal(h->outline, 1);
    assert_int_equal(h->level, 1);
    assert_int_equal(block(doc, "####### 不是标题")->kind, FL_BLOCK_PARAGRAPH);
    assert_int_equal(block(doc, "#也不是")->kind, FL_BLOCK_PARAGRAPH);
    const fl_block *c = block(doc, "甲|乙项目");
    assert_int_equal(c->kind, FL_BLOCK_CELL);
    assert_true(c->flags & FL_BF_HEADER_ROW); /* the row above |---| */
    assert_false(block(doc, "签字")->flags & FL_BF_HEADER_ROW);
    assert_int_equal(c->table, 1);
    assert_int_equal(fl_block_x(doc, c)->row, 1);
    assert_int_equal(fl_block_x(doc, c)->col, 2);
    assert_int_equal(c->line, 5);
    c = block(doc, "![签名](s.png)");
    assert_int_equal(fl_block_x(doc, c)->row, 2);
    assert_int_equal(fl_block_x(doc, c)->images, 1);
    assert_int_equal(c->line, 7);
    c = block_at_line(doc, 8);
    assert_string_equal(c->text, "空");
    assert_string_equal((c + 1)->text, "");
    assert_int_equal(fl_block_x(doc, c + 1)->col, 2);
    c = block(doc, "d");
    assert_int_equal(c->table, 2);
    assert_int_equal(fl_block_x(doc, c)->row, 2);
    assert_int_equal(fl_block_x(doc, c)->col, 2);
    assert_int_equal(block(doc, "# 代码")->kind, FL_BLOCK_PARAGRAPH);
    assert_int_equal(block(doc, "# 代码")->outline, 0);
    assert_int_equal(level_of(doc, "（一）概况"), 2);
    assert_int_equal(block(doc, "（一）概况")->line, 16);
    fl_doc_free(doc);
}

/* A single huge line and many short ones stay linear. */
static void test_reader_large(void **state)
{
    (void)state;
    size_t n = 8u * 1024 * 1024;
    char *data = malloc(n + 1);
    memset(data, 'a', n);
    data[n] = '\0';
    fl_doc *doc = NULL;
    fl_error err;
    assert_int_equal(fl_doc_load_memory(&doc, "big.txt", data, n, &err), 0);
    assert_int_equal(doc->nblocks, 1);
    assert_int_equal(doc->blocks[0].len, n);
    fl_doc_free(doc);
    /* 200,000 typed headings and paragraphs */
    size_t lines = 200000, o = 0;
    char *t = realloc(data, lines * 24);
    for (size_t i = 0; i < lines; i++) o += (size_t)sprintf(t + o, i % 2 ? "内容。\n" : "%zu.1 标题\n", i % 90 + 1);
    assert_int_equal(fl_doc_load_memory(&doc, "many.txt", t, o, &err), 0);
    assert_int_equal(doc->nblocks, lines);
    assert_int_equal(doc->blocks[0].kind, FL_BLOCK_HEADING);
    fl_doc_free(doc);
    free(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_toc_leader_dots),
        cmocka_unit_test(test_toc_bookmark_errors),
        cmocka_unit_test(test_toc_run_after_title),
        cmocka_unit_test(test_toc_run_without_title),
        cmocka_unit_test(test_typed_form_structure),
        cmocka_unit_test(test_ranked_nesting),
        cmocka_unit_test(test_decimal_chapters_and_lists),
        cmocka_unit_test(test_chapter_after_overview),
        cmocka_unit_test(test_sentences_not_headings),
        cmocka_unit_test(test_heading_number_len),
        cmocka_unit_test(test_contents_glued_pages),
        cmocka_unit_test(test_contents_leaders_and_brackets),
        cmocka_unit_test(test_contents_runs_without_title),
        cmocka_unit_test(test_attachment_lists),
        cmocka_unit_test(test_attached_page_title),
        cmocka_unit_test(test_attachment_lists_chained),
        cmocka_unit_test(test_numbering_family_pp),
        cmocka_unit_test(test_numbering_family_book),
        cmocka_unit_test(test_numbering_glued_chapters),
        cmocka_unit_test(test_numbering_family_unused_and_contents),
        cmocka_unit_test(test_form_titles_1999),
        cmocka_unit_test(test_form_titles_2021),
        cmocka_unit_test(test_form_title_alone),
        cmocka_unit_test(test_spaced_headings),
        cmocka_unit_test(test_large_doubtful),
        cmocka_unit_test(test_styled_and_typed),
        cmocka_unit_test(test_numbering_labels),
        cmocka_unit_test(test_style_name_fallback),
        cmocka_unit_test(test_text_reader_lines),
        cmocka_unit_test(test_markdown_reader),
        cmocka_unit_test(test_reader_large),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
