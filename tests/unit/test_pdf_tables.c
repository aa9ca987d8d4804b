/* The PDF reader's tables (input/pdf_table.c), through the model a rule
 * sees: a LibreOffice PDF gives the same fields as the DOCX it was printed
 * from; the grid of a bordered 基本情况 table with its spans; a table open
 * at its sides read to the ends of its rules; a table crossing a page is
 * one table, its repeated header row written once; a row broken over a
 * page is one row; signature pictures count in their cells with their
 * hashes; LibreOffice's 四.二.4 reads as 4.2.4; tables without rules (a
 * three-line table, a borderless one) from the alignment of their text,
 * and what must not be taken for one (labels and colons, a list, a
 * contents page, prose, headings) on runs of our own. Fixtures: fixtures/pdf
 * (make_pdf.py says what each stands for). Without the PDF reader (FL_PDF
 * off) the tests pass over. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "doc/doc.h"
#include "doc/images.h"
#include "model/load.h"
#include "rules/grid.h"
#include "input/pdf_align.h"

#ifdef FL_HAVE_PDF
static fl_doc *load(const char *rel)
{
    const char *dir = getenv("FL_FIXTURES");
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", dir ? dir : "fixtures", rel);
    fl_doc *doc = NULL;
    fl_error err = {0};
    if (fl_doc_load(&doc, path, &err)) fail_msg("%s: %s", path, err.message);
    return doc;
}

/* The fields of the PDF are those of its DOCX, name and value, in order. */
static void same_fields(const char *docx, const char *pdf)
{
    fl_doc *a = load(docx), *b = load(pdf);
    assert_int_equal(a->nfields, b->nfields);
    for (size_t i = 0; i < a->nfields; i++) {
        assert_string_equal(a->fields[i].name, b->fields[i].name);
        assert_string_equal(a->fields[i].value, b->fields[i].value);
    }
    fl_doc_free(a);
    fl_doc_free(b);
}

static void test_fields_as_docx(void **state)
{
    (void)state;
    same_fields("docx/eia-form-typed.docx", "pdf/eia-form-typed.pdf");
    same_fields("targets/sig-copied.docx", "pdf/sig-copied.pdf");
}

static const fl_block *find(const fl_doc *doc, const char *text)
{
    for (size_t i = 0; i < doc->nblocks; i++)
        if (!strcmp(doc->blocks[i].text, text)) return &doc->blocks[i];
    return NULL;
}

/* The block reading `text` is a table cell at row, col (-1: not asserted). */
static const fl_block *cell(const fl_doc *doc, const char *text, int row, int col)
{
    const fl_block *b = find(doc, text);
    assert_non_null(b);
    assert_int_equal(b->kind, FL_BLOCK_CELL);
    if (row >= 0) assert_int_equal(fl_block_x(doc, b)->row, row);
    if (col >= 0) assert_int_equal(fl_block_x(doc, b)->col, col);
    return b;
}

/* The block reading `text` stayed a paragraph (a caption, a title). */
static void paragraph(const fl_doc *doc, const char *text)
{
    const fl_block *b = find(doc, text);
    assert_non_null(b);
    assert_int_equal(b->kind, FL_BLOCK_PARAGRAPH);
}

static size_t count(const fl_doc *doc, const char *text)
{
    size_t n = 0;
    for (size_t i = 0; i < doc->nblocks; i++) n += !strcmp(doc->blocks[i].text, text);
    return n;
}

static void test_grid_and_spans(void **state)
{
    (void)state;
    fl_doc *doc = load("pdf/tables-html.pdf");
    fl_arena a;
    fl_arena_init(&a);
    fl_grid g;
    fl_grid_iter it = {0};
    assert_true(fl_grid_next(&it, &g, &a, doc));
    assert_int_equal(g.rows, 8);
    assert_int_equal(g.cols, 4);
    assert_string_equal(fl_grid_text(doc, &g, 0, 0), "建设项目名称");
    assert_string_equal(fl_grid_text(doc, &g, 0, 1), "临沂恒达包装材料有限公司年产5000万只纸箱项目");
    assert_true(fl_grid_spanned(&g, 0, 3)); /* the name spans three columns */
    assert_string_equal(fl_grid_text(doc, &g, 2, 3), "0539-8216688");
    /* 总投资 over two rows: one cell, 其中：环保投资 beside it */
    assert_int_equal(fl_grid_block(&g, 5, 0), fl_grid_block(&g, 6, 0));
    assert_string_equal(fl_grid_text(doc, &g, 5, 2), "其中：环保投资（万元）");
    assert_string_equal(fl_grid_text(doc, &g, 6, 3), "3.00");
    /* options one a line: paragraphs of one cell */
    cell(doc, "□扩建", 5, 2);
    /* a table open at its sides: its outer columns end where its rules do */
    cell(doc, "序号", -1, 1);
    cell(doc, "桶装，辅料间", 3, 4);
    /* the three-line table: its columns from where the text stands, the
     * header row under the top rule, its caption left a paragraph */
    cell(doc, "监测点位", 1, -1);
    cell(doc, "46.1", 4, 3);
    paragraph(doc, "表3-1 厂界噪声监测结果 单位：dB(A)");
    /* the borderless list (an HTML table without borders) is a table of
     * two columns; the caption of the next table stays a paragraph */
    cell(doc, "临沂恒达包装材料有限公司", -1, 2);
    cell(doc, "2024年7月", 3, -1);
    paragraph(doc, "表3-2 环境保护目标一览表");
    /* the 保护目标 table over two pages: one table, its header once */
    assert_int_equal(count(doc, "距离/m"), 1);
    const fl_block *b = find(doc, "距离/m");
    assert_true(b->flags & FL_BF_HEADER_ROW);
    b = find(doc, "北坡村"); /* the first row of the second page */
    assert_non_null(b);
    assert_int_equal(b->table, 5); /* after the three-line table and the list, read now */
    assert_int_equal(fl_block_x(doc, b)->row, 11);
    assert_int_equal(fl_block_page_of(doc, b).page, 2);
    /* the Kangxi radicals of the font's map read as the characters */
    assert_non_null(find(doc, "建设单位联系人"));
    assert_non_null(find(doc, "居民区"));
    fl_arena_free(&a);
    fl_doc_free(doc);
}

/* A borderless staff table (pandoc's DOCX tables have no borders), printed
 * by LibreOffice and by Chromium (labels set in the middle of their rows,
 * between the lines of a wrapped value): the DOCX's fields, but for the
 * label before the next table, which the DOCX leaves empty. 5 fields of 14
 * were read before the tables without rules. */
static void test_borderless_fields(void **state)
{
    (void)state;
    const char *pdfs[] = {"pdf-parity/eia-book-pandoc.lo.pdf", "pdf-parity/eia-book-pandoc.chromium.pdf"};
    fl_doc *a = load("docx/eia-book-pandoc.docx");
    for (size_t k = 0; k < 2; k++) {
        fl_doc *b = load(pdfs[k]);
        assert_int_equal(a->nfields, b->nfields);
        size_t same = 0;
        for (size_t i = 0; i < a->nfields; i++)
            same += !strcmp(a->fields[i].name, b->fields[i].name) && !strcmp(a->fields[i].value, b->fields[i].value);
        assert_true(same + 2 >= a->nfields);
        const fl_block *v = find(b, "潍坊瑞丰生物科技有限公司年产3000吨生物饲料添加剂项目");
        assert_non_null(v); /* a value wrapped over two lines is one cell */
        assert_int_equal(v->kind, FL_BLOCK_CELL);
        assert_int_equal(fl_block_x(b, v)->col, 2);
        fl_doc_free(b);
    }
    fl_doc_free(a);
}

/* ---- the alignment rule on runs of our own: what must and must not be a table ---- */

typedef struct got { int n, nr, nc; } got;

static void take(void *arg, int nr, int nc, float *ys, float *xs, float *xr)
{
    got *g = arg;
    g->n++, g->nr = nr, g->nc = nc;
    free(ys), free(xs), free(xr);
}

/* Lines of pieces "x0:text|x0:text…", one line every `pitch` points, 10.5 pt
 * type, each character 10.5 wide (CJK), ASCII 5.25. */
static got align_lines(const char *const *lines, size_t n, float pitch)
{
    fl_align_run runs[256];
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        const char *s = lines[i];
        while (*s && k < 256) {
            char *end;
            float x0 = strtof(s, &end);
            const char *t = end + 1, *e = strchr(t, '|');
            size_t len = e ? (size_t)(e - t) : strlen(t);
            float w = 0;
            for (size_t j = 0; j < len;) {
                unsigned char c = (unsigned char)t[j];
                size_t step = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
                w += c < 0x80 ? 5.25f : 10.5f;
                j += step;
            }
            float base = 100 + pitch * (float)i;
            runs[k++] = (fl_align_run){x0, x0 + w, base - 9, base + 1.5f, base, 10.5f, 10.5f, t, len};
            s = e ? e + 1 : t + len;
        }
    }
    got g = {0};
    fl_align_page pg = {0};
    fl_align_tables(runs, k, &pg, take, &g);
    return g;
}

static void test_align_rules(void **state)
{
    (void)state;
    /* a table: three columns, left-aligned, a header row */
    const char *table[] = {"90:监测点位|200:昼间|300:夜间", "90:N1东厂界|200:53.4|300:44.1",
                           "90:N2南厂界|200:54.4|300:45.1", "90:N3西厂界|200:55.4|300:46.1"};
    got g = align_lines(table, 4, 18);
    assert_int_equal(g.n, 1);
    assert_int_equal(g.nr, 4);
    assert_int_equal(g.nc, 3);
    /* centred figures under a centred header are as good */
    const char *centred[] = {"90:点位|204:浓度|300:标准", "90:G1|201:0.012|306:0.5", "90:G2|198:0.0135|306:0.5",
                             "90:G3|201:0.011|306:0.5"};
    g = align_lines(centred, 4, 18);
    assert_int_equal(g.n, 1);
    /* two rows are no table */
    g = align_lines(table, 2, 18);
    assert_int_equal(g.n, 0);
    /* labels and colons in two columns (a cover, a notice) */
    const char *labels[] = {"90:项目名称：年产纸箱项目|300:建设单位：恒达公司", "90:编制单位：泽清公司|300:编制日期：2024年7月",
                            "90:联系人：张卫国|300:电话：0539-8216688"};
    g = align_lines(labels, 3, 18);
    assert_int_equal(g.n, 0);
    /* a numbered list with a hanging indent */
    const char *list[] = {"90:1、|120:项目选址符合园区规划", "90:2、|120:污染物达标排放", "90:3、|120:总量控制指标落实"};
    g = align_lines(list, 3, 18);
    assert_int_equal(g.n, 0);
    /* a contents page without leader dots: titles and ascending page numbers */
    const char *toc[] = {"90:一、建设项目基本情况|480:1", "90:二、建设项目工程分析|480:7",
                         "90:三、区域环境质量现状|480:12", "90:四、主要环境影响和保护措施|480:18"};
    g = align_lines(toc, 4, 18);
    assert_int_equal(g.n, 0);
    /* a contents page with leader dots */
    const char *dots[] = {"90:概述……|480:1", "90:总则……|480:3", "90:工程分析……|480:9"};
    g = align_lines(dots, 3, 18);
    assert_int_equal(g.n, 0);
    /* prose whose lines have a wide gap at different places */
    const char *prose[] = {"90:本项目位于园区|200:东侧，占地面积较小", "90:建设内容包括生产车间、|260:仓库及配套设施",
                           "90:年工作|160:三百天，实行两班制生产"};
    g = align_lines(prose, 3, 18);
    assert_int_equal(g.n, 0);
    /* a line of prose across the columns ends the region: two rows left */
    const char *cut[] = {"90:名称|300:数量", "90:原纸|300:6200t", "90:本项目原辅材料均外购，由汽车运输进厂，厂内设原料库储存。",
                         "90:淀粉胶|300:85t"};
    g = align_lines(cut, 4, 18);
    assert_int_equal(g.n, 0);
    /* centred headings, one piece a line */
    const char *heads[] = {"250:第一章", "230:建设项目概况", "250:第二章", "240:工程分析"};
    g = align_lines(heads, 4, 18);
    assert_int_equal(g.n, 0);
    /* columns that do not line up (left, centre and right all differ) */
    const char *ragged[] = {"90:甲|200:一二三四五", "110:乙乙乙乙乙乙|236:六", "95:丙丙丙|214:七八九"};
    g = align_lines(ragged, 3, 18);
    assert_int_equal(g.n, 0);
    /* a piece of a larger table whose row above has two cells set closer
     * than a column gap (a Chromium print of a Word table: 调漆灌 in the
     * first column, the next cell's text 10 pt on): the pieces are one
     * segment across two columns, yet the first piece sits in a column,
     * so the rows below are a fragment, not a table */
    const char *fragment[] = {"100:调漆灌|142:废气收集装置处理", "90:监测点位|200:昼间|300:夜间", "90:N1东厂界|200:53.4|300:44.1",
                              "90:N2南厂界|200:54.4|300:45.1", "90:N3西厂界|200:55.4|300:46.1"};
    g = align_lines(fragment, 5, 18);
    assert_int_equal(g.n, 0);
    /* the control: the same rows under a caption across the table are one */
    const char *captioned[] = {"130:表3 厂界噪声监测结果", "90:监测点位|200:昼间|300:夜间", "90:N1东厂界|200:53.4|300:44.1",
                               "90:N2南厂界|200:54.4|300:45.1", "90:N3西厂界|200:55.4|300:46.1"};
    g = align_lines(captioned, 5, 18);
    assert_int_equal(g.n, 1);
}

static void test_page_breaks(void **state)
{
    (void)state;
    fl_doc *doc = load("pdf/eia-form-word.pdf");
    /* the label broken over the page (统一社会信用代 / 码) is one cell of
     * the table that goes on, its staff rows of four cells under rows of two */
    const fl_block *b = find(doc, "统一社会信用代码");
    assert_non_null(b);
    assert_null(find(doc, "码"));
    const fl_block *c = find(doc, "三、编制人员情况");
    assert_non_null(c);
    assert_int_equal(c->table, b->table);
    assert_int_equal(count(doc, "统一社会信用代码"), 2); /* 建设单位's and 编制单位's */
    assert_int_equal(fl_block_x(doc, c)->row, 14);      /* right under the second */
    /* a label spread to both edges of its cell is one word */
    assert_non_null(find(doc, "秀发改备〔2023〕215号"));
    /* LibreOffice's 四.二.4 is Word's 4.2.4, a heading under 四、 */
    assert_null(find(doc, "四.二.4 固体废物"));
    b = find(doc, "4.2.4 固体废物");
    assert_non_null(b);
    assert_int_equal(b->kind, FL_BLOCK_HEADING);
    assert_non_null(find(doc, "5.1 大气环境影响预测与评价"));
    /* typed chapter numbers are left as they are */
    assert_non_null(find(doc, "一、建设项目基本情况"));
    fl_doc_free(doc);
}

static void test_signature_pictures(void **state)
{
    (void)state;
    fl_doc *doc = load("pdf/sig-copied.pdf");
    size_t cells = 0;
    uint64_t hashes[8];
    for (size_t i = 0; i < doc->nblocks; i++) {
        const fl_block *b = &doc->blocks[i];
        if (!fl_block_x(doc, b)->images) continue;
        assert_int_equal(b->kind, FL_BLOCK_CELL);
        assert_int_equal(fl_block_x(doc, b)->col, 4); /* the 签字 column */
        const fl_image_rec *r;
        assert_int_equal(fl_doc_block_images(doc, b, &r), 1);
        assert_true(r[0].hashed);
        if (cells < 8) hashes[cells] = r[0].hash;
        cells++;
    }
    assert_int_equal(cells, 4);
    /* 王立新 signs twice with his picture; 陈晓燕's is his pasted: three of
     * the four are one picture, 刘志强's is his own */
    assert_true(hashes[0] == hashes[1]);
    assert_true(hashes[0] == hashes[2]);
    assert_true(hashes[0] != hashes[3]);
    fl_doc_free(doc);
}
#endif

int main(void)
{
#ifdef FL_HAVE_PDF
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fields_as_docx),
        cmocka_unit_test(test_grid_and_spans),
        cmocka_unit_test(test_borderless_fields),
        cmocka_unit_test(test_align_rules),
        cmocka_unit_test(test_page_breaks),
        cmocka_unit_test(test_signature_pictures),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
#else
    return 0;
#endif
}
