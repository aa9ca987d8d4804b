/* Finishing a document a reader filled: seal the storage (block order),
 * number lines, fold spaced lines, then the model steps, each in its own
 * file: sections, fields, type, the form of a 报告表, a notice's stage,
 * soil project type, filing date. */
#include "model/finish.h"
#include "model/steps.h"
#include "core/buf.h"
#include "core/heading.h"
#include "core/norm.h"
#include "core/utf8.h"
#include "input/readers.h"
#include <stdint.h>

/* Lines copied out of a PDF or OCR'd with a space between every CJK
 * character: keep a folded copy that the model reads and rules match. */
static void mark_spaced(fl_doc *doc)
{
    for (size_t i = 0; i < doc->nblocks; i++) {
        fl_block *b = &doc->blocks[i];
        if (b->len < 5 || (b->flags & FL_BF_MERGED) || !fl_norm_spaced(b->text, b->len)) continue;
        fl_buf f = FL_BUF_INIT;
        const char *s = b->text;
        size_t n = b->len;
        for (size_t k = 0; k < n;) {
            uint32_t cp;
            size_t m = fl_utf8_decode(s + k, n - k, &cp);
            /* one space (not a tab, not a wider gap) between two CJK characters */
            if ((cp == ' ' || cp == 0x3000 || cp == 0xA0) && f.len && k + m < n) {
                size_t p = f.len - 1;
                while (p > 0 && ((unsigned char)f.data[p] & 0xC0) == 0x80) p--;
                uint32_t before, after;
                fl_utf8_decode(f.data + p, f.len - p, &before);
                fl_utf8_decode(s + k + m, n - k - m, &after);
                if (fl_norm_is_cjk_char(before) && fl_norm_is_cjk_char(after)) { k += m; continue; }
            }
            fl_buf_add(&f, s + k, m);
            k += m;
        }
        fl_block_extra *x = fl_block_xw(doc, b);
        x->fold = fl_arena_strndup(&doc->arena, f.data ? f.data : "", f.len);
        x->fold_len = (uint32_t)f.len;
        b->flags |= FL_BF_SPACED;
        fl_buf_free(&f);
    }
}

/* Where the title of each heading starts after a number typed by hand,
 * read once here so that the rules' heading patterns match the title
 * without parsing the number again. */
static void heading_numbers(fl_doc *doc)
{
    for (size_t i = 0; i < doc->nblocks; i++) {
        fl_block *b = &doc->blocks[i];
        if (b->kind != FL_BLOCK_HEADING || fl_block_x(doc, b)->label_len) continue;
        size_t len;
        const char *t = fl_block_mtext(doc, b, &len);
        fl_typed ty;
        fl_typed_classify(&ty, t, len);
        if (ty.number_len) fl_block_xw(doc, b)->number_len = (uint32_t)ty.number_len;
    }
}

void fl_doc_finish(fl_doc *doc)
{
    if (doc->finished) return;
    fl_doc_seal(doc);
    if (!fl_reader_of(doc)->text) { /* a text reader numbered the file's lines */
        uint32_t line = 1; /* a merged block stands for its paragraphs' numbers */
        for (size_t i = 0; i < doc->nblocks; i++) {
            doc->blocks[i].line = (int)line;
            line += fl_block_nlines(doc, &doc->blocks[i]);
        }
    }
    mark_spaced(doc);
    fl_sections_build(doc);
    heading_numbers(doc);
    fl_fields_extract(doc);
    fl_fields_quantities(doc);
    fl_doctype_detect(doc);
    fl_form_read(doc);
    fl_notice_stage_read(doc);
    fl_soil_type_read(doc);
    fl_filing_date_read(doc);
    if (doc->invalid_utf8)
        fl_doc_add_notice(doc, -1, "invalid UTF-8 replaced by U+FFFD (%zu sequences)", doc->invalid_utf8);
    doc->finished = true;
}
