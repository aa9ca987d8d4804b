/* The PDF reader's tables (input/pdf_table.c), through the model a rule
 * sees: a LibreOffice PDF gives the same fields as the DOCX it was printed
 * from; the grid of a bordered 基本情况 table with its spans; a table open
 * at its sides read to the ends of its rules; a three-line
 * table and a borderless list stay paragraphs; a table crossing a page is
 * one table, its repeated header row written once; a row broken over a
 * page is one row; signature pictures count in their cells with their
 * hashes; LibreOffice's 四.二.4 reads as 4.2.4. Fixtures: fixtures/pdf
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
    const fl_block *b = find(doc, "□扩建");
    assert_non_null(b);
    assert_int_equal(b->kind, FL_BLOCK_CELL);
    assert_int_equal(fl_block_x(doc, b)->row, 5);
    assert_int_equal(fl_block_x(doc, b)->col, 2);
    /* a table open at its sides: its outer columns end where its rules do */
    b = find(doc, "序号");
    assert_non_null(b);
    assert_int_equal(b->kind, FL_BLOCK_CELL);
    assert_int_equal(fl_block_x(doc, b)->col, 1);
    b = find(doc, "桶装，辅料间");
    assert_non_null(b);
    assert_int_equal(fl_block_x(doc, b)->col, 4);
    assert_int_equal(fl_block_x(doc, b)->row, 3);
    /* the three-line table and the borderless list stay paragraphs */
    b = find(doc, "监测点位");
    assert_non_null(b);
    assert_int_equal(b->kind, FL_BLOCK_PARAGRAPH);
    b = find(doc, "临沂恒达包装材料有限公司");
    assert_non_null(b);
    assert_int_equal(b->kind, FL_BLOCK_PARAGRAPH);
    /* the 保护目标 table over two pages: one table, its header once */
    assert_int_equal(count(doc, "距离/m"), 1);
    b = find(doc, "距离/m");
    assert_true(b->flags & FL_BF_HEADER_ROW);
    b = find(doc, "北坡村"); /* the first row of the second page */
    assert_non_null(b);
    assert_int_equal(b->table, 3);
    assert_int_equal(fl_block_x(doc, b)->row, 11);
    assert_int_equal(fl_block_page_of(doc, b).page, 2);
    /* the Kangxi radicals of the font's map read as the characters */
    assert_non_null(find(doc, "建设单位联系人"));
    assert_non_null(find(doc, "居民区"));
    fl_arena_free(&a);
    fl_doc_free(doc);
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
        cmocka_unit_test(test_page_breaks),
        cmocka_unit_test(test_signature_pictures),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
#else
    return 0;
#endif
}
