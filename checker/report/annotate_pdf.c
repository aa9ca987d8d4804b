/* Annotated PDF copies (annotate_pdf.h): a sticky note per finding.
 *
 * The reviewer of a PDF filing reads it in a PDF viewer, not in Word; a
 * text annotation (/Subtype /Text, the note icon every viewer shows and
 * lists in its comments pane) is the PDF's counterpart of a Word comment.
 * Each note says what the Word comment says (severity, rule, message,
 * basis) and stands in the page's left margin at the height of the first
 * line of the finding's paragraph, where the PDF reader found it
 * (fl_block_page: page and top-left corner of the first line); add_notes
 * says how notes that would cover one another are stacked.
 *
 * The copy is a full save of the document MuPDF opened from the input's
 * bytes (not an incremental update: a repaired file cannot be updated in
 * place, and a full save is the same code for every input). A digital
 * signature over the input does not survive in the copy; the input itself
 * is never written (annotate.c). */
#include "report/annotate_pdf.h"
#include "core/i18n.h"
#include "input/pdf.h"
#include "doc/doc.h"
#include "rules/finding.h"
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <mupdf/fitz.h>
#include <mupdf/pdf.h>

#define ICON 18.0f   /* MuPDF draws a text note as an 18 pt square (its rect made that size) */
#define GAP 2.0f     /* between the icon and the line's first character */
#define MARGIN 4.0f  /* from the page's edge, when nothing better is known */
#define STACK 14.0f  /* a note stacked under another: this much lower, its top edge showing */
/* MuPDF's cache of decoded resources; a save decodes little. */
#define STORE ((size_t)64 * 1024 * 1024)

/* The notes' texts are rows of core/i18n_out.def, in the language of the run. */
#pragma GCC diagnostic ignored "-Wformat-nonliteral"

static void quiet(void *user, const char *message)
{
    (void)user;
    (void)message;
}

/* The note's text: the comment's lines, one per line. */
static char *note_text(const fl_finding *f, const char *note)
{
    fl_buf lines[3] = {FL_BUF_INIT, FL_BUF_INIT, FL_BUF_INIT};
    size_t n = fl_ax_comment_lines(f, note, lines);
    fl_buf b = FL_BUF_INIT;
    for (size_t i = 0; i < n; i++) {
        if (i) fl_buf_addc(&b, '\n');
        fl_buf_add(&b, lines[i].data, lines[i].len);
        fl_buf_free(&lines[i]);
    }
    if (!b.data) fl_buf_adds(&b, "");
    return fl_buf_detach(&b);
}

/* One note on page, its text freed whatever happens. */
static void add_note(fz_context *ctx, pdf_page *page, fz_rect r, char *text, int64_t when)
{
    pdf_annot *volatile a = NULL;
    fz_try(ctx) {
        a = pdf_create_annot(ctx, page, PDF_ANNOT_TEXT);
        pdf_set_annot_rect(ctx, a, r);
        pdf_set_annot_contents(ctx, a, text);
        pdf_set_annot_author(ctx, a, FL_AX_AUTHOR);
        pdf_set_annot_creation_date(ctx, a, when);
        pdf_set_annot_modification_date(ctx, a, when);
        pdf_update_annot(ctx, a);
    }
    fz_always(ctx) {
        pdf_drop_annot(ctx, a);
        free(text);
    }
    fz_catch(ctx) fz_rethrow(ctx);
}

/* One finding's note before it is placed: its page (0-based), the height
 * it wants to stand at (the top of its paragraph's first line, in points
 * from the top of the page), and whether the reader gave a position. */
typedef struct plan {
    int page;
    float want;
    bool known;
    size_t finding;
} plan;

static int cmp_plan(const void *pa, const void *pb)
{
    const plan *a = pa, *b = pb;
    if (a->page != b->page) return a->page < b->page ? -1 : 1;
    if (a->want != b->want) return a->want < b->want ? -1 : 1;
    return a->finding < b->finding ? -1 : a->finding > b->finding;
}

/* Every finding's plan, sorted by page and height; left[] gets each page's
 * left text edge, the least x of the blocks that start on it. */
static plan *make_plans(const fl_ax_job *j, int npages, float *left)
{
    const fl_doc *doc = j->doc;
    for (int i = 0; i < npages; i++) left[i] = -1;
    for (size_t i = 0; i < doc->nblocks; i++) {
        fl_block_page p = fl_block_page_of(doc, &doc->blocks[i]);
        if (p.page < 1 || p.page > (uint32_t)npages || (p.x <= 0 && p.y <= 0)) continue;
        float *l = &left[p.page - 1];
        if (*l < 0 || p.x < *l) *l = p.x;
    }
    plan *v = fl_xcalloc(j->res->nfindings + 1, sizeof *v);
    for (size_t i = 0; i < j->res->nfindings; i++) {
        const fl_finding *f = &j->res->findings[i];
        fl_block_page p = f->block >= 0 && (size_t)f->block < doc->nblocks
                              ? fl_block_page_of(doc, &doc->blocks[f->block])
                              : (fl_block_page){0, 0, 0, 0};
        bool on_page = p.page >= 1 && p.page <= (uint32_t)npages;
        v[i] = (plan){.page = on_page ? (int)p.page - 1 : 0, .finding = i,
                      .known = on_page && (p.x > 0 || p.y > 0)};
        v[i].want = v[i].known ? p.y : 0;
    }
    qsort(v, j->res->nfindings, sizeof *v, cmp_plan);
    return v;
}

/* Inside MuPDF's exception frame: every note added to pdoc. pages[] holds
 * the pages loaded so far (dropped by the caller).
 *
 * Where a note stands: in the page's left margin (left of the page's left
 * text edge), at the height of the first line of its paragraph, so that
 * it covers no text, a table cell's included, and a reader going down the
 * margin meets the notes in reading order. A note that would cover more
 * than the edge of the one above it (a second finding on one paragraph,
 * findings on two cells of one table row) goes STACK below that one. A
 * finding about the whole document, or on a block without a position,
 * goes at the top left of its page (page 1 when none is known). */
static void add_notes(fz_context *ctx, pdf_document *pdoc, pdf_page **pages, int npages, const fl_ax_job *j,
                      const plan *v, const float *left)
{
    const fl_doc *doc = j->doc;
    int page = -1;
    float below = 0; /* the least height the next note on this page may take */
    for (size_t k = 0; k < j->res->nfindings; k++) {
        const plan *pl = &v[k];
        const fl_finding *f = &j->res->findings[pl->finding];
        if (!pages[pl->page]) pages[pl->page] = pdf_load_page(ctx, pdoc, pl->page);
        fz_rect box = fz_bound_page(ctx, &pages[pl->page]->super);
        if (pl->page != page) { page = pl->page; below = -1e9f; }
        float x = MARGIN, y = pl->known ? pl->want : MARGIN;
        if (pl->known && left[page] > 0) x = left[page] - ICON - GAP;
        if (x < MARGIN) x = MARGIN;
        if (y < below) y = below;
        below = y + STACK;
        if (y > box.y1 - box.y0 - ICON) y = box.y1 - box.y0 - ICON; /* a stack run off the foot stays on the page */
        if (y < 0) y = 0;
        char note[200] = "";
        bool whole = f->block < 0 || (size_t)f->block >= doc->nblocks;
        if (whole) snprintf(note, sizeof note, "%s", fl_tr(FL_M_A_WHOLE_PDF));
        else if (!fl_block_page_of(doc, &doc->blocks[f->block]).page)
            snprintf(note, sizeof note, fl_tr(FL_M_A_LINE_PDF), f->line);
        fz_rect r = fz_make_rect(box.x0 + x, box.y0 + y, box.x0 + x + ICON, box.y0 + y + ICON);
        add_note(ctx, pages[pl->page], r, note_text(f, note), j->when);
    }
}

int fl_annotate_pdf(fl_ax_job *j, const char *data, size_t len, fl_buf *out, fl_error *err)
{
    fz_context *ctx = fz_new_context(NULL, NULL, STORE);
    if (!ctx) return fl_error_set(err, FL_E_INTERNAL, "MuPDF could not start");
    fz_set_error_callback(ctx, quiet, NULL);
    fz_set_warning_callback(ctx, quiet, NULL);
    pdf_document *volatile pdoc = NULL;
    fz_buffer *volatile buf = NULL;
    fz_output *volatile o = NULL;
    pdf_page **volatile pages = NULL;
    volatile int npages = 0, rc = 0;
    float *volatile left = NULL;
    plan *volatile plans = NULL;
    fz_try(ctx) {
        /* the reader refused these already; the file may have changed since */
        int count = 0;
        pdoc = fl_pdf_open(ctx, (const unsigned char *)data, len, &count, err);
        if (!pdoc) {
            rc = -1;
            break;
        }
        npages = count;
        pages = fl_xcalloc((size_t)npages, sizeof *pages);
        left = fl_xcalloc((size_t)npages, sizeof *left);
        plans = make_plans(j, npages, left);
        add_notes(ctx, pdoc, pages, npages, j, plans, left);
        buf = fz_new_buffer(ctx, len + 4096);
        o = fz_new_output_with_buffer(ctx, buf);
        pdf_write_options opts = pdf_default_write_options;
        pdf_write_document(ctx, pdoc, o, &opts);
        fz_close_output(ctx, o);
        unsigned char *bytes;
        size_t n = fz_buffer_storage(ctx, buf, &bytes);
        fl_buf_add(out, bytes, n);
    }
    fz_always(ctx) {
        fz_drop_output(ctx, o);
        fz_drop_buffer(ctx, buf);
        for (int i = 0; pages && i < npages; i++) fz_drop_page(ctx, pages[i] ? &pages[i]->super : NULL);
        free(pages);
        free(left);
        free(plans);
        fz_drop_document(ctx, (fz_document *)pdoc);
    }
    fz_catch(ctx) {
        if (!rc) rc = fl_error_setf(err, FL_E_ANNOTATE, "MuPDF: %s", fz_caught_message(ctx));
    }
    fz_drop_context(ctx);
    return rc ? -1 : 0;
}
