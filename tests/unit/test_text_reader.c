/* Unit tests for the plain-text reader: which encoding a .txt/.md filing is
 * in (input/textenc.c: UTF-8, UTF-16 with and without a mark, GB18030, UTF-8
 * with a few damaged bytes; what is refused and what the refusal says), the
 * note and doc->encoding, physical line numbers through every decoding, and
 * the tables of .txt files (input/text.c: tab and pipe rows, varying cell
 * counts, blank values, leading tabs, contents lists that are no tables). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "model/load.h"
#include "input/input.h"
#include "input/textenc.h"
#include "doc/doc.h"

/* ---- encodings ------------------------------------------------------------ */

static void decodes(const char *in, size_t n, const char *enc, const char *text, size_t text_len, size_t bad)
{
    fl_text_src src;
    fl_error err;
    fl_error_clear(&err);
    if (fl_text_decode(&src, in, n, &err)) fail_msg("decode failed: %s", err.message);
    assert_string_equal(src.encoding, enc);
    assert_int_equal(src.len, text_len);
    assert_memory_equal(src.data, text, text_len);
    assert_int_equal(src.bad_units, bad);
    fl_text_src_free(&src);
}
#define DECODES(in, enc, text, bad) decodes(in, sizeof in - 1, enc, text, sizeof text - 1, bad)

static void refused(const char *in, size_t n, fl_diag code, const char *phrase)
{
    fl_text_src src;
    fl_error err;
    fl_error_clear(&err);
    assert_int_equal(fl_text_decode(&src, in, n, &err), -1);
    assert_int_equal(err.code, code);
    if (!strstr(err.message, phrase)) fail_msg("'%s' lacks '%s'", err.message, phrase);
    fl_text_src_free(&src);
}
#define REFUSED(in, code, phrase) refused(in, sizeof in - 1, code, phrase)

/* GBK/GB18030 bytes of the characters used below */
#define GB_JIAN_SHE_XIANG_MU "\xbd\xa8\xc9\xe8\xcf\xee\xc4\xbf" /* 建设项目 */
#define GB_LIAN_TONG "\xc1\xaa\xcd\xa8"                         /* 联通 */
#define GB_XUE_XI "\xd1\xa7\xcf\xb0"                            /* 学习 */

static void test_utf8(void **state)
{
    (void)state;
    DECODES("plain ASCII\r\nGB 3095-2012\n", "UTF-8", "plain ASCII\r\nGB 3095-2012\n", 0);
    DECODES("\xEF\xBB\xBF建设项目\n", "UTF-8", "建设项目\n", 0);
    /* 中文 in UTF-8 (E4 B8 AD E6 96 87) is also clean GB18030 (涓枃): UTF-8 wins */
    DECODES("中文\n", "UTF-8", "中文\n", 0);
    /* two-byte characters next to CJK ones: still UTF-8 */
    DECODES("温度25°C，±0.5\n", "UTF-8", "温度25°C，±0.5\n", 0);
    /* NUL bytes that make no UTF-16 text: UTF-8 (the reader drops them) */
    DECODES("中文\0abc\n", "UTF-8", "中文\0abc\n", 0);
    DECODES("", "UTF-8", "", 0);
}

static void test_gb18030(void **state)
{
    (void)state;
    DECODES(GB_JIAN_SHE_XIANG_MU "\r\n" "GB 3095-2012 ascii line\r\n" GB_JIAN_SHE_XIANG_MU, "GB18030",
            "建设项目\r\nGB 3095-2012 ascii line\r\n建设项目", 0);
    /* four-byte sequences: U+20000 and U+00C0 */
    DECODES("\x95\x32\x82\x36" "\x81\x30\x86\x38" "\xbd\xa8", "GB18030", "\xF0\xA0\x80\x80" "À" "建", 0);
    DECODES(GB_LIAN_TONG "\r\n", "GB18030", "联通\r\n", 0);
    /* GB18030's byte order mark (U+FEFF) is dropped like UTF-8's */
    DECODES("\x84\x31\x95\x33" GB_LIAN_TONG, "GB18030", "联通", 0);
    /* GBK that is also valid UTF-8, of two-byte characters only (U+0467 U+03F0):
     * GB18030 (Notepad's "联通" trap, which C1 as an overlong lead escapes) */
    DECODES(GB_XUE_XI, "GB18030", "学习", 0);
    DECODES(GB_XUE_XI "\r\n", "GB18030", "学习\r\n", 0);
}

static void test_utf16(void **state)
{
    (void)state;
    DECODES("\xff\xfe" "a\0\n\0" "\x2d\x4e", "UTF-16LE", "a\n中", 0);
    DECODES("\xfe\xff" "\0a\0\n" "\x4e\x2d", "UTF-16BE", "a\n中", 0);
    /* no mark: NUL bytes, and plausible text in one byte order */
    DECODES("\x2d\x4e\x87\x65\r\0\n\0", "UTF-16LE", "中文\r\n", 0);
    DECODES("\x4e\x2d\x65\x87\0\r\0\n", "UTF-16BE", "中文\r\n", 0);
    DECODES("a\0b\0c\0", "UTF-16LE", "abc", 0);
    /* an ideographic space (00 30 in LE) puts a NUL on the other side too */
    DECODES("\x00\x30\x2d\x4e\n\0", "UTF-16LE", "\xE3\x80\x80中\n", 0);
    /* damage inside a marked file: U+FFFD, counted */
    DECODES("\xff\xfe" "\x00\xd8" "a\0", "UTF-16LE", "\xEF\xBF\xBD" "a", 1);
    DECODES("\xff\xfe" "a\0b", "UTF-16LE", "a", 1);
    REFUSED("\xff\xfe" "<\0?\0x\0m\0l\0 \0", FL_E_UNSUPPORTED, "UTF-16 XML");
    REFUSED("\xff\xfe\0\0" "a\0\0\0", FL_E_UNSUPPORTED, "UTF-32");
    REFUSED("\0\0\xfe\xff" "\0\0\0a", FL_E_UNSUPPORTED, "UTF-32");
}

static void test_damaged_utf8(void **state)
{
    (void)state;
    /* a GBK sentence pasted into a UTF-8 filing: read as UTF-8 */
    DECODES("建设项目环境影响报告表\n第一行正常。\n" GB_JIAN_SHE_XIANG_MU "\n最后一行正常。\n", "UTF-8",
            "建设项目环境影响报告表\n第一行正常。\n" GB_JIAN_SHE_XIANG_MU "\n最后一行正常。\n", 0);
    /* the boundary: one invalid byte for four valid characters is read... */
    DECODES("中中中中中中中中\xff\xfe", "UTF-8", "中中中中中中中中\xff\xfe", 0);
    /* ...one more invalid byte than that is refused */
    REFUSED("中中中中中中中\xff\xfe", FL_E_TEXT_ENCODING, "neither UTF-8 (byte 0xFF on line 1)");
}

static void test_refused(void **state)
{
    (void)state;
    /* Latin-1 */
    REFUSED("Caf\xe9 au lait\nna\xefve\n", FL_E_TEXT_ENCODING,
            "neither UTF-8 (byte 0xE9 on line 1) nor GB18030 (byte 0xE9 on line 1) nor UTF-16");
    /* GBK damaged: a stray byte on line 3 (CRLF and a lone CR count as breaks) */
    REFUSED(GB_JIAN_SHE_XIANG_MU "\r\n" GB_JIAN_SHE_XIANG_MU "\r" "\xff" GB_JIAN_SHE_XIANG_MU, FL_E_TEXT_ENCODING,
            "nor GB18030 (byte 0xFF on line 3)");
    /* GBK cut in the middle of its last character */
    REFUSED(GB_JIAN_SHE_XIANG_MU "\n\xbd", FL_E_TEXT_ENCODING, "nor GB18030 (a character cut at the end)");
    /* a UTF-8 mark on GBK bytes */
    REFUSED("\xEF\xBB\xBF" GB_JIAN_SHE_XIANG_MU "\n", FL_E_TEXT_ENCODING, "a UTF-8 byte order mark, but not UTF-8");
    /* a binary file renamed .txt */
    char bin[256];
    for (int i = 0; i < 256; i++) bin[i] = (char)i;
    refused(bin, sizeof bin, FL_E_TEXT_ENCODING, "save it as UTF-8");
}

/* ---- the document: note, encoding, lines ---------------------------------- */

static fl_doc *load_n(const char *name, const char *text, size_t n)
{
    fl_doc *doc = NULL;
    fl_error err;
    fl_error_clear(&err);
    if (fl_doc_load_memory(&doc, name, text, n, &err)) fail_msg("load %s: %s", name, err.message);
    return doc;
}
#define LOAD(name, text) load_n(name, text, sizeof text - 1)

static size_t notices_with(const fl_doc *doc, const char *phrase)
{
    size_t n = 0;
    for (size_t i = 0; i < doc->nnotices; i++) n += strstr(doc->notices[i].message, phrase) != NULL;
    return n;
}

static const fl_block *at_line(const fl_doc *doc, int line)
{
    for (size_t i = 0; i < doc->nblocks; i++)
        if (doc->blocks[i].line == line) return &doc->blocks[i];
    fail_msg("no block at line %d", line);
    return NULL;
}

static void test_note_and_lines(void **state)
{
    (void)state;
    /* GBK with CRLF, an empty line and a lone CR: the physical lines */
    fl_doc *doc = LOAD("gbk.txt", GB_JIAN_SHE_XIANG_MU "\r\n\r\n" GB_LIAN_TONG "\r" "ASCII\n" GB_LIAN_TONG);
    assert_string_equal(doc->encoding, "GB18030");
    assert_int_equal(notices_with(doc, "read as GB18030"), 1);
    assert_int_equal(doc->nnotices, 1);
    assert_string_equal(at_line(doc, 1)->text, "建设项目");
    assert_string_equal(at_line(doc, 3)->text, "联通");
    assert_string_equal(at_line(doc, 4)->text, "ASCII");
    assert_string_equal(at_line(doc, 5)->text, "联通");
    fl_doc_free(doc);

    doc = LOAD("u16.txt", "\xff\xfe" "\x2d\x4e\r\0\n\0\r\0\n\0" "\x87\x65");
    assert_string_equal(doc->encoding, "UTF-16LE");
    assert_int_equal(notices_with(doc, "read as UTF-16LE"), 1);
    assert_string_equal(at_line(doc, 1)->text, "中");
    assert_string_equal(at_line(doc, 3)->text, "文");
    fl_doc_free(doc);

    doc = LOAD("bad16.md", "\xfe\xff" "\xd8\x00\0a");
    assert_string_equal(doc->encoding, "UTF-16BE");
    assert_int_equal(notices_with(doc, "invalid UTF-16 replaced by U+FFFD or dropped (1 code units)"), 1);
    fl_doc_free(doc);

    doc = LOAD("plain.txt", "建设项目\n");
    assert_string_equal(doc->encoding, "UTF-8");
    assert_int_equal(doc->nnotices, 0);
    fl_doc_free(doc);

    /* damaged UTF-8: read, the model's note counts the replaced bytes */
    doc = LOAD("mixed.txt", "建设项目环境影响报告表\n" GB_JIAN_SHE_XIANG_MU "\n第三行正常。\n第四行也正常。\n");
    assert_string_equal(doc->encoding, "UTF-8");
    assert_int_equal(notices_with(doc, "read as"), 0);
    assert_int_equal(notices_with(doc, "invalid UTF-8 replaced by U+FFFD"), 1);
    assert_string_equal(at_line(doc, 3)->text, "第三行正常。");
    fl_doc_free(doc);

    /* refused through the loader too, with the file's name */
    fl_doc *none = NULL;
    fl_error err;
    fl_error_clear(&err);
    assert_int_equal(fl_doc_load_memory(&none, "latin.txt", "Caf\xe9\n", 5, &err), -1);
    assert_null(none);
    assert_int_equal(err.code, FL_E_TEXT_ENCODING);
    assert_string_equal(err.file, "latin.txt");
}

/* ---- tables ---------------------------------------------------------------- */

static const fl_block *cell(const fl_doc *doc, int table, int row, int col)
{
    for (size_t i = 0; i < doc->nblocks; i++) {
        const fl_block *b = &doc->blocks[i];
        if (b->kind == FL_BLOCK_CELL && b->table == table && fl_block_x(doc, b)->row == row && fl_block_x(doc, b)->col == col)
            return b;
    }
    fail_msg("no cell T%d r%dc%d", table, row, col);
    return NULL;
}

static int cells_in_row(const fl_doc *doc, int table, int row)
{
    int n = 0;
    for (size_t i = 0; i < doc->nblocks; i++)
        n += doc->blocks[i].table == table && fl_block_x(doc, &doc->blocks[i])->row == row;
    return n;
}

static void assert_cell(const fl_doc *doc, int table, int row, int col, const char *text, int line)
{
    const fl_block *b = cell(doc, table, row, col);
    assert_string_equal(b->text, text);
    assert_int_equal(b->line, line);
}

static void assert_paragraph(const fl_doc *doc, int line, const char *text)
{
    const fl_block *b = at_line(doc, line);
    assert_int_equal(b->table, 0);
    assert_int_not_equal(b->kind, FL_BLOCK_CELL);
    assert_string_equal(b->text, text);
}

static void test_tab_rows(void **state)
{
    (void)state;
    /* one row alone is a paragraph, its tab kept */
    fl_doc *doc = LOAD("one.txt", "项目劳动定员\t30人，年工作300天。\n本项目位于工业园区。\n");
    assert_int_equal(doc->ntables, 0);
    assert_paragraph(doc, 1, "项目劳动定员\t30人，年工作300天。");
    fl_doc_free(doc);

    /* label/value rows of 2 and 4 cells make one table */
    doc = LOAD("form.txt", "一、建设项目基本情况\r\n建设项目名称\t甲项目\r\n建设单位联系人\t王立\t联系方式\t0534-8261234\r\n"
                           "建设地点\t山东省德州市陵城区\r\n");
    assert_int_equal(doc->ntables, 1);
    assert_cell(doc, 1, 1, 1, "建设项目名称", 2);
    assert_cell(doc, 1, 1, 2, "甲项目", 2);
    assert_int_equal(cells_in_row(doc, 1, 2), 4);
    assert_cell(doc, 1, 2, 3, "联系方式", 3);
    assert_cell(doc, 1, 2, 4, "0534-8261234", 3);
    assert_cell(doc, 1, 3, 2, "山东省德州市陵城区", 4);
    assert_non_null(fl_doc_field(doc, "联系方式"));
    assert_string_equal(fl_doc_field(doc, "联系方式")->value, "0534-8261234");
    fl_doc_free(doc);

    /* a run of tabs is empty cells; a row with one text never starts a table
     * but ends one; the label with a colon stays one cell */
    doc = LOAD("old.txt", "传真\t\n联系电话\t0534-4221234\t传真\t\t邮政编码\t251500\n"
                          "总投资（万元）\t1800\t其中：环保投资（万元）\t65\n评价经费（万元）\t\n");
    assert_paragraph(doc, 1, "传真\t");
    assert_int_equal(doc->ntables, 1);
    assert_int_equal(cells_in_row(doc, 1, 1), 6);
    assert_cell(doc, 1, 1, 4, "", 2);
    assert_cell(doc, 1, 1, 6, "251500", 2);
    assert_cell(doc, 1, 2, 3, "其中：环保投资（万元）", 3);
    assert_cell(doc, 1, 3, 1, "评价经费（万元）", 4);
    assert_cell(doc, 1, 3, 2, "", 4);
    assert_int_equal(cells_in_row(doc, 1, 3), 2);
    assert_null(fl_doc_field(doc, "总投资(万元)1800其中"));
    assert_string_equal(fl_doc_field(doc, "总投资(万元)")->value, "1800");
    fl_doc_free(doc);

    /* a blank line or a line without tabs ends a table */
    doc = LOAD("two.txt", "a\tb\nc\td\n\ne\tf\ng\th\n正文。\ni\tj\nk\tl\n");
    assert_int_equal(doc->ntables, 3);
    assert_cell(doc, 2, 1, 1, "e", 4);
    assert_cell(doc, 3, 2, 2, "l", 8);
    assert_paragraph(doc, 6, "正文。");
    fl_doc_free(doc);

    /* Markdown has its own tables: tab rows stay paragraphs */
    doc = LOAD("t.md", "a\tb\nc\td\n");
    assert_int_equal(doc->ntables, 0);
    fl_doc_free(doc);
}

/* Word saves a cell of several paragraphs as text with each paragraph on a
 * line of its own: the options of a checkbox cell after the row's last
 * cell belong to that cell, not to the text after the table; a line that
 * is no option ends the table as before. */
static void test_option_lines(void **state)
{
    (void)state;
    fl_doc *doc = LOAD("opt.txt", "建设项目名称\t甲项目\n建设性质\t□新建（迁建）\n□改建\n☑技术改造\n"
                                  "建设地点\t山东省德州市陵城区\n□ 这一行不在表格之后\n");
    assert_int_equal(doc->ntables, 1);
    assert_cell(doc, 1, 2, 2, "□新建（迁建）", 2);
    const fl_block *opt = NULL; /* the cell's last paragraph, on line 4 */
    for (size_t i = 0; i < doc->nblocks; i++)
        if (doc->blocks[i].line == 4) opt = &doc->blocks[i];
    assert_non_null(opt);
    assert_string_equal(opt->text, "☑技术改造");
    assert_int_equal(opt->kind, FL_BLOCK_CELL);
    assert_int_equal(opt->table, 1);
    assert_int_equal(fl_block_x(doc, opt)->row, 2);
    assert_int_equal(fl_block_x(doc, opt)->col, 2);
    assert_cell(doc, 1, 3, 1, "建设地点", 5);
    assert_string_equal(fl_doc_field(doc, "建设性质")->value, "技术改造");
    assert_paragraph(doc, 6, "□ 这一行不在表格之后");
    fl_doc_free(doc);
}

static void test_leading_tabs(void **state)
{
    (void)state;
    /* a first-column cell merged down: the leading tab is an empty first cell */
    fl_doc *doc = LOAD("targets.txt", "环境要素\t名称\t方位\t距离（m）\n大气环境\t前孙村\t东北\t380\n\t后孙村\t东\t460\n"
                                      "\t本项目位于工业园区。\n");
    assert_int_equal(doc->ntables, 1);
    assert_cell(doc, 1, 3, 1, "", 3);
    assert_cell(doc, 1, 3, 2, "后孙村", 3);
    assert_cell(doc, 1, 3, 4, "460", 3);
    /* an indented paragraph after the table is no row */
    assert_paragraph(doc, 4, "\t本项目位于工业园区。");
    fl_doc_free(doc);

    /* a leading tab that does not fill the row above up is indentation */
    doc = LOAD("indent.txt", "a\tb\tc\td\n\te\tf\n");
    assert_int_equal(cells_in_row(doc, 1, 2), 2);
    assert_cell(doc, 1, 2, 1, "e", 2);
    fl_doc_free(doc);

    /* pipe rows say their empty cells themselves: a tab before one is indentation */
    doc = LOAD("pipes.txt", "| a | b | c |\n\t| d | e |\n");
    assert_int_equal(cells_in_row(doc, 1, 2), 2);
    assert_cell(doc, 1, 2, 1, "d", 2);
    fl_doc_free(doc);
}

/* Word writes an automatic number, a tab, then the text: numbered headings
 * and list items that follow one another are paragraphs, not a table. */
static void test_numbered_paragraphs(void **state)
{
    (void)state;
    fl_doc *doc = LOAD("num.txt", "第一章\t总论\n1.2\t评价目的\n（1）\t废气：经布袋除尘器处理。\n（2）\t废水：回用。\n"
                                  "①\t甲\n②\t乙\n一、\t概述\n二、\t工程分析\n1．\t甲\n2)\t乙\n第2节\t丙\n");
    assert_int_equal(doc->ntables, 0);
    assert_paragraph(doc, 3, "（1）\t废气：经布袋除尘器处理。");
    assert_int_equal(at_line(doc, 7)->kind, FL_BLOCK_HEADING);
    assert_string_equal(fl_doc_field(doc, "废水")->value, "回用。");
    fl_doc_free(doc);

    /* not a number alone: a row (第一章总论, 1号楼, (a)); three cells: a data row */
    doc = LOAD("rows.txt", "第一章总论\t1\t2\n1号楼\t住宅\n(a)\t甲\n序号\t名称\t数量\n1\t分散机\t4\n");
    assert_int_equal(doc->ntables, 1);
    assert_cell(doc, 1, 2, 1, "1号楼", 2);
    assert_cell(doc, 1, 5, 2, "分散机", 5);
    fl_doc_free(doc);
}

static void test_contents(void **state)
{
    (void)state;
    /* numbered titles and page numbers: a table of contents, not a table */
    fl_doc *doc = LOAD("toc.txt", "一、建设项目基本情况\t1\n二、建设项目工程分析\t9\n附表\t建设项目污染物排放量汇总表\t45\n"
                                  "\n一、建设项目基本情况\n二、建设项目工程分析\n");
    assert_int_equal(doc->ntables, 0);
    assert_true(at_line(doc, 1)->flags & FL_BF_TOC);
    assert_true(at_line(doc, 3)->flags & FL_BF_TOC);
    fl_doc_free(doc);

    /* any title right after a 目录 line; short numbers after labels that are
     * no titles; numbered rows whose numbers go down */
    static const struct { const char *text; int tables; } runs[] = {
        {"前言\ti\n1.2\t评价目的\t1\n3.1\t工程概况\t3\n", 0},
        {"目  录\n建设项目概况\tI\n环境现状调查与评价\t12\n环境影响预测\t30\n", 0},
        {"施工工期（月）\t6\n劳动定员（人）\t30\n", 1},
        {"1、废气\t15\n2、废水\t8\n", 1},
        /* no page number has four digits (nor eleven: the count stops early) */
        {"1、废气\t1500\n2、废水\t80000000000\n", 1},
    };
    for (size_t k = 0; k < sizeof runs / sizeof runs[0]; k++) {
        doc = load_n("runs.txt", runs[k].text, strlen(runs[k].text));
        if (doc->ntables != runs[k].tables) fail_msg("%d tables in '%s'", doc->ntables, runs[k].text);
        fl_doc_free(doc);
    }

    /* a data table with 序号 and a small last number, under its header */
    doc = LOAD("grid.txt", "序号\t设备名称\t数量\n1\t高速分散机\t4\n2\t调漆罐\t6\n");
    assert_int_equal(doc->ntables, 1);
    assert_cell(doc, 1, 3, 3, "6", 3);
    fl_doc_free(doc);
}

static void test_pipe_rows(void **state)
{
    (void)state;
    /* a web copy: " | " between cells, a trailing "|", runs of empty cells, a
     * row of one label between full rows */
    fl_doc *doc = LOAD("web.txt", "项目名称 | 某地块调查 | |||\n报告编制单位名称 | |||\n公示单位 | 某街道办事处 | |||\n");
    assert_int_equal(doc->ntables, 1);
    assert_int_equal(cells_in_row(doc, 1, 1), 5);
    assert_cell(doc, 1, 1, 2, "某地块调查", 1);
    assert_cell(doc, 1, 2, 1, "报告编制单位名称", 2);
    assert_cell(doc, 1, 3, 2, "某街道办事处", 3);
    fl_doc_free(doc);

    /* full-width ｜ with a |---| rule: the first row is a header, the rule no block */
    doc = LOAD("sign.txt", "｜项目｜内容｜\n｜---｜---｜\n｜项目名称｜乙项目｜\n｜监督电话｜12369｜\n");
    assert_int_equal(doc->ntables, 1);
    assert_true(cell(doc, 1, 1, 1)->flags & FL_BF_HEADER_ROW);
    assert_false(cell(doc, 1, 2, 1)->flags & FL_BF_HEADER_ROW);
    assert_cell(doc, 1, 2, 2, "乙项目", 3);
    assert_cell(doc, 1, 3, 1, "监督电话", 4);
    for (size_t i = 0; i < doc->nblocks; i++) assert_int_not_equal(doc->blocks[i].line, 2);
    fl_doc_free(doc);

    /* a | inside a tab-separated cell is text; pipes at the ends win over tabs */
    doc = LOAD("mixed.txt", "名称\tA|B公司\n代码\tC\n\n|\t甲\t|\t乙\t|\n|\t丙\t|\t丁\t|\n");
    assert_int_equal(doc->ntables, 2);
    assert_cell(doc, 1, 1, 2, "A|B公司", 1);
    assert_int_equal(cells_in_row(doc, 2, 1), 2);
    assert_cell(doc, 2, 2, 2, "丁", 5);
    fl_doc_free(doc);

    /* tab rows then pipe rows: two tables; one pipe line alone is prose */
    doc = LOAD("kinds.txt", "a\tb\nc\td\ne | f\ng | h\n\npH | 7.2\n");
    assert_int_equal(doc->ntables, 2);
    assert_cell(doc, 2, 1, 1, "e", 3);
    assert_paragraph(doc, 6, "pH | 7.2");
    fl_doc_free(doc);
}

/* The committed fixtures: the same 报告表 in three encodings reads the same. */
static void test_fixtures(void **state)
{
    (void)state;
    const char *dir = getenv("FL_FIXTURES");
    const char *names[] = {"textin-form-tabs.txt", "textin-form-gbk.txt", "textin-form-utf16.txt"};
    const char *encs[] = {"UTF-8", "GB18030", "UTF-16LE"};
    fl_doc *docs[3];
    for (int k = 0; k < 3; k++) {
        char path[1024];
        snprintf(path, sizeof path, "%s/text/%s", dir ? dir : "fixtures", names[k]);
        fl_error err;
        fl_error_clear(&err);
        if (fl_doc_load(&docs[k], path, &err)) fail_msg("load %s: %s", path, err.message);
        assert_string_equal(docs[k]->encoding, encs[k]);
    }
    for (int k = 1; k < 3; k++) {
        assert_int_equal(docs[k]->nblocks, docs[0]->nblocks);
        assert_int_equal(docs[k]->ntables, docs[0]->ntables);
        for (size_t i = 0; i < docs[0]->nblocks; i++) {
            const fl_block *a = &docs[0]->blocks[i], *b = &docs[k]->blocks[i];
            assert_string_equal(a->text, b->text);
            assert_int_equal(a->line, b->line);
            assert_int_equal(a->table, b->table);
            assert_int_equal(fl_block_x(docs[0], a)->row, fl_block_x(docs[k], b)->row);
            assert_int_equal(fl_block_x(docs[0], a)->col, fl_block_x(docs[k], b)->col);
        }
    }
    assert_true(docs[0]->ntables >= 8);
    assert_string_equal(fl_doc_field(docs[1], "项目代码")->value, "2404-371403-04-01-638217");
    for (int k = 0; k < 3; k++) fl_doc_free(docs[k]);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_utf8),
        cmocka_unit_test(test_gb18030),
        cmocka_unit_test(test_utf16),
        cmocka_unit_test(test_damaged_utf8),
        cmocka_unit_test(test_refused),
        cmocka_unit_test(test_note_and_lines),
        cmocka_unit_test(test_tab_rows),
        cmocka_unit_test(test_option_lines),
        cmocka_unit_test(test_leading_tabs),
        cmocka_unit_test(test_numbered_paragraphs),
        cmocka_unit_test(test_contents),
        cmocka_unit_test(test_pipe_rows),
        cmocka_unit_test(test_fixtures),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
