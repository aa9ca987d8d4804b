/* Reading the staff table's signatures (sigtable.h).
 *
 * The tables read are those with a marker cell; every row with a name
 * header cell and a signature header cell is a header, and the rows below it
 * (to the next header) are people: the name cell is the person, the pictures
 * of every paragraph of the signature cell are their signature. A row that
 * is one merged cell is a label (2. 主要编制人员): the role of the rows
 * after it. */
#include "rules/sigtable.h"
#include "rules/grid.h"
#include "doc/images.h"
#include "core/buf.h"
#include "core/date.h"
#include <stdlib.h>
#include <string.h>

/* Signatures read per document: a staff table lists a few dozen people;
 * the cap keeps what a comparison reads bounded. */
#define MAX_SIGNATURES 2000

const char *fl_sigtable_person(fl_arena *a, const char *t)
{
    size_t n = strlen(t);
    char *o = fl_arena_alloc(a, n + 1), *q = o;
    for (size_t i = 0; i < n; i++) {
        if (t[i] == ' ' || t[i] == '\t' || t[i] == '\n' || t[i] == '\r') continue;
        if (!strncmp(t + i, "\xe3\x80\x80", 3)) { /* ideographic space */
            i += 2;
            continue;
        }
        *q++ = t[i];
    }
    *q = 0;
    return o;
}

int fl_sigtable_builtin(void *ctx, enum fl_sigtable_cell which, const char *t)
{
    fl_arena *a = ctx;
    const char *s = fl_sigtable_person(a, t);
    switch (which) {
    case FL_SIGTABLE_MARK:
        return strstr(s, "信用编号") || strstr(s, "统一社会信用代码") || strstr(s, "编制主持人");
    case FL_SIGTABLE_NAME: return !strcmp(s, "姓名");
    case FL_SIGTABLE_SIGNATURE: return !strncmp(s, "签字", 6) || !strncmp(s, "签名", 6);
    }
    return 0;
}

typedef struct sigvec {
    fl_signature *v;
    size_t n, cap;
} sigvec;

/* A package picture is hashed by its part's bytes; a Markdown picture by
 * what is written between the parentheses, which for a data: URI is the
 * picture's bytes, encoded, and otherwise only a path. */
static bool hashed_bytes(const fl_image_rec *r)
{
    return r->rid != NULL || (r->target && !strncmp(r->target, "data:", 5));
}

static int ask(fl_sigtable_test test, void *ctx, enum fl_sigtable_cell which, const char *t)
{
    return t && *t ? test(ctx, which, t) : 0;
}

static int read_table(sigvec *out, const fl_doc *doc, fl_arena *a, const fl_grid *g, size_t end,
                      fl_sigtable_test test, void *ctx)
{
    /* the rows' roles: header columns per row (-1: not under a header) and
     * the label row above */
    int *name_col = fl_arena_alloc(a, sizeof(int) * (size_t)g->rows);
    int *sig_col = fl_arena_alloc(a, sizeof(int) * (size_t)g->rows);
    const char **role = fl_arena_alloc(a, sizeof(char *) * (size_t)g->rows);
    const char *label = "";
    int nc = -1, sc = -1;
    bool any = false;
    for (int r = 0; r < g->rows; r++) {
        int hn = -1, hs = -1, rc;
        for (int c = 0; c < g->cols; c++) {
            if (fl_grid_spanned(g, r, c)) continue;
            const char *t = fl_grid_text(doc, g, r, c);
            if (hn < 0 && (rc = ask(test, ctx, FL_SIGTABLE_NAME, t)) != 0) {
                if (rc < 0) return -1;
                hn = c;
            } else if (hs < 0 && (rc = ask(test, ctx, FL_SIGTABLE_SIGNATURE, t)) != 0) {
                if (rc < 0) return -1;
                hs = c;
            }
            if (!any && (rc = ask(test, ctx, FL_SIGTABLE_MARK, t)) != 0) {
                if (rc < 0) return -1;
                any = true;
            }
        }
        name_col[r] = sig_col[r] = -1;
        role[r] = label;
        if (hn >= 0 && hs >= 0) {
            nc = hn;
            sc = hs;
            continue;
        }
        int first = fl_grid_block(g, r, 0);
        bool merged = first >= 0;
        for (int c = 1; c < g->cols && merged; c++)
            if (fl_grid_block(g, r, c) != first) merged = false;
        if (merged) {
            label = doc->blocks[first].text;
            continue;
        }
        name_col[r] = nc;
        sig_col[r] = sc;
    }
    if (!any) return 0;
    /* the pictures of the signature cells, paragraph by paragraph, in
     * reading order of the rows */
    for (size_t b = g->first; b < end; b++) {
        const fl_block *blk = &doc->blocks[b];
        if (blk->table != g->table) continue;
        const fl_block_extra *x = fl_block_x(doc, blk);
        int r = x->row - 1, c = x->col - 1;
        if (r < 0 || r >= g->rows || sig_col[r] < 0 || c != sig_col[r] || !x->images) continue;
        const fl_image_rec *imgs;
        size_t ni = fl_doc_block_images(doc, blk, &imgs);
        if (!ni) continue;
        int nb = fl_grid_block(g, r, name_col[r]);
        if (nb < 0 || !doc->blocks[nb].len) continue;
        const char *shown = doc->blocks[nb].text;
        const char *person = fl_sigtable_person(a, shown);
        if (!*person) continue;
        for (size_t i = 0; i < ni && out->n < MAX_SIGNATURES; i++) {
            if (!imgs[i].hashed) continue;
            FL_VEC_RESERVE(out->v, out->cap, out->n + 1);
            out->v[out->n++] = (fl_signature){imgs[i].hash, hashed_bytes(&imgs[i]), person, shown, role[r],
                                              (int)b, nb};
        }
    }
    return 0;
}

int fl_sigtable_read(fl_signature **out, size_t *n, const fl_doc *doc, fl_arena *a, fl_sigtable_test test,
                     void *ctx)
{
    sigvec v = {0};
    int rc = 0;
    *out = NULL;
    *n = 0;
    if (doc->images && doc->images->n) {
        fl_grid_iter it = {0};
        fl_grid g;
        while (!rc && fl_grid_next(&it, &g, a, doc)) rc = read_table(&v, doc, a, &g, it.end, test, ctx);
    }
    if (v.n) {
        *out = fl_arena_alloc(a, v.n * sizeof **out);
        memcpy(*out, v.v, v.n * sizeof **out);
        *n = v.n;
    }
    free(v.v);
    return rc;
}

void fl_sigtable_add_to_entry(fl_corpus_entry *e, const fl_doc *doc)
{
    fl_arena a;
    fl_signature *v;
    size_t n;
    fl_arena_init(&a);
    const fl_filing_date *fd = &doc->filing_date;
    e->filed[0] = 0;
    if (fd->found && fl_date_valid(&fd->value) && fd->value.y) fl_date_format(&fd->value, e->filed);
    fl_sigtable_read(&v, &n, doc, &a, fl_sigtable_builtin, &a);
    for (size_t i = 0; i < n; i++)
        if (v[i].bytes)
            fl_corpus_entry_add_sig(e, v[i].hash, v[i].person, v[i].shown, v[i].role, doc->blocks[v[i].block].line);
    fl_arena_free(&a);
}
