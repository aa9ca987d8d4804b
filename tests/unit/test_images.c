/* Unit tests for the pictures' side table (doc/images.h): records found by
 * their block's extra record, several per block in the order met, none for
 * a block without pictures, lookups that survive a block moved by
 * fl_doc_move_block, records added out of extra order, the cap, and the
 * hash of a Markdown path. */
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

static fl_block *block(fl_doc *doc, const char *text, int images)
{
    fl_block *b = fl_doc_add_block(doc, FL_PART_BODY, FL_BLOCK_CELL, text, strlen(text));
    if (images) fl_block_xw(doc, b)->images = images;
    return b;
}

static void test_lookup(void **state)
{
    (void)state;
    fl_doc *doc = fl_doc_new("t.md");
    block(doc, "a", 0);
    fl_block *b = block(doc, "![](x.png)", 2);
    fl_doc_image_add_named(doc, b, "x.png", 5);
    b = &doc->blocks[1];
    fl_doc_image_add_named(doc, b, "y.png", 5);
    b = block(doc, "![](x.png)", 1);
    fl_doc_image_add_named(doc, b, "x.png", 5);
    const fl_image_rec *r;
    assert_int_equal(fl_doc_block_images(doc, &doc->blocks[0], &r), 0);
    assert_null(r);
    assert_int_equal(fl_doc_block_images(doc, &doc->blocks[1], &r), 2);
    assert_string_equal(r[0].target, "x.png");
    assert_string_equal(r[1].target, "y.png");
    assert_true(r[0].hashed);
    assert_true(r[0].hash != r[1].hash);
    const fl_image_rec *r2;
    assert_int_equal(fl_doc_block_images(doc, &doc->blocks[2], &r2), 1);
    assert_true(r2[0].hash == r[0].hash); /* the same path, the same picture */
    assert_true(r2[0].hash == fl_hash64(FL_HASH64_INIT, "x.png", 5));
    /* a block moved keeps its pictures: they follow its extra record */
    fl_doc_move_block(doc, 2, 0);
    assert_int_equal(fl_doc_block_images(doc, &doc->blocks[0], &r2), 1);
    assert_string_equal(r2[0].target, "x.png");
    assert_int_equal(fl_doc_block_images(doc, &doc->blocks[1], &r2), 0);
    fl_doc_free(doc);
}

static void test_unsorted_and_limits(void **state)
{
    (void)state;
    fl_doc *doc = fl_doc_new("t.md");
    block(doc, "p", 1);
    block(doc, "q", 1);
    /* a block without an extra record has nowhere to hang a picture */
    fl_block *plain = block(doc, "r", 0);
    fl_doc_image_add_named(doc, plain, "z.png", 5);
    assert_null(doc->images);
    fl_doc_image_add_named(doc, &doc->blocks[1], "q.png", 5);
    fl_doc_image_add_named(doc, &doc->blocks[0], "p.png", 5); /* out of order */
    assert_true(doc->images->unsorted);
    const fl_image_rec *r;
    assert_int_equal(fl_doc_block_images(doc, &doc->blocks[0], &r), 1);
    assert_string_equal(r[0].target, "p.png");
    assert_int_equal(fl_doc_block_images(doc, &doc->blocks[1], &r), 1);
    assert_string_equal(r[0].target, "q.png");
    /* empty names and the cap */
    fl_doc_image_add_named(doc, &doc->blocks[0], "", 0);
    fl_doc_image_add(doc, &doc->blocks[0], "");
    assert_int_equal(doc->images->n, 2);
    for (unsigned i = 0; i < FL_IMAGES_MAX + 10; i++) fl_doc_image_add_named(doc, &doc->blocks[1], "q.png", 5);
    assert_int_equal(doc->images->n, FL_IMAGES_MAX);
    fl_doc_free(doc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_lookup),
        cmocka_unit_test(test_unsorted_and_limits),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
