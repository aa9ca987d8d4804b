/* Kind `table`: tables found by a cell they contain, a header row, a caption
 * or their section, then checked row by row: required non-empty columns and
 * label/value entries, values that must be unique in a column, rows that
 * repeat another row's measured values, check characters, signature cells,
 * and pairs of columns that must agree across every selected table (one
 * person, one 信用编号).
 *
 *   <table contains="信用编号" header="^姓名$" caption="情况表" scope="...">
 *     <required column="信用编号"/>
 *     <required-value label="^统一社会信用代码" name="统一社会信用代码"/>
 *     <unique column="联系电话"/>
 *     <distinct-rows key="点位|监测点" ignore="日期|标准"/>
 *     <check-digit column="身份证" algorithm="gb11643"/>
 *     <signed column="^签字$" text="^\p{Han}{2,4}$"/>
 *     <typed-signature column="^签字$" text="^\p{Han}{2,4}$"/>
 *     <consistent key="^姓名$" value="^信用编号$"/>
 *   </table>
 *
 * Header rows. Without `header`, a table's header is its first row (or its
 * leading repeated-header rows). With `header`, every row holding a cell that
 * matches it is a header row, wherever it is: the 编制单位和编制人员情况表 is
 * often one table with label/value rows on top and two person lists below,
 * each with its own header row. The rows after a header row (with the
 * repeated-header rows right after it) up to the next one are its data rows;
 * columns are looked up in their own header. A data row that is one merged
 * cell ("2. 主要编制人员") is a label, not data.
 *
 * A test with since/until runs only on the dates it is in force. */
#include "input/readers.h"
#include "rules/kind.h"
#include "core/buf.h"
#include "rules/codecheck.h"
#include "core/date.h"
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- parsing ----------------------------------------------------------------- */

typedef enum {
    T_REQUIRED, T_UNIQUE, T_DISTINCT_ROWS, T_CHECK_DIGIT, T_REQUIRED_VALUE, T_SIGNED, T_CONSISTENT, T_TYPED, T_NKINDS
} test_kind;

static const char *const test_names[T_NKINDS] = {"required", "unique", "distinct-rows", "check-digit",
                                                 "required-value", "signed", "consistent", "typed-signature"};

typedef struct test {
    test_kind kind;
    const fl_pattern *column; /* the column; distinct-rows, consistent: key; required-value: label */
    const fl_pattern *other;  /* consistent: value column; distinct-rows: ignored columns; signed, typed-signature: name text */
    const char *algorithm;    /* check-digit */
    const char *name;         /* required-value: what the entry is called */
    const char *message, *message_en; /* the test's own, NULL: the rule's */
    fl_in_force in_force;     /* the test applies only on these dates */
} test;

typedef struct table_k {
    fl_scope_spec scope;
    const fl_pattern *header, *caption, *contains;
    test *tests;
    size_t ntests;
} table_k;

static const char *const vars[] = {"column", "value", "row", "other", "key", "expected", "reason", NULL};

static int parse_test(fl_rule *rule, fl_loader *ld, const xmlNode *c, test *t, fl_error *err)
{
    size_t i = 0;
    while (i < T_NKINDS && !fl_xml_named(c, test_names[i])) i++;
    if (i == T_NKINDS)
        return fl_loader_error(err, ld, c, "unknown table test <%s> (required, required-value, unique, distinct-rows, "
                               "check-digit, signed, consistent, typed-signature)", (const char *)c->name);
    t->kind = (test_kind)i;
    static const char *const main_attr[T_NKINDS] = {"column", "column", "key", "column", "label", "column", "key", "column"};
    static const char *const other_attr[T_NKINDS] = {NULL, NULL, "ignore", NULL, NULL, "text", "value", "text"};
    if (fl_loader_pattern_attr(ld, c, main_attr[i], &t->column, err)) return -1;
    if (other_attr[i] && fl_loader_pattern_attr(ld, c, other_attr[i], &t->other, err)) return -1;
    if (!t->column && t->kind != T_DISTINCT_ROWS)
        return fl_loader_error(err, ld, c, "<%s> needs %s=\"pattern\"", test_names[i], main_attr[i]);
    if (t->kind == T_CONSISTENT && !t->other) return fl_loader_error(err, ld, c, "<consistent> needs value=\"pattern\"");
    if (t->kind == T_CHECK_DIGIT) {
        t->algorithm = fl_loader_attr(ld, c, "algorithm");
        if (!fl_code_algorithm_known(t->algorithm))
            return fl_loader_error(err, ld, c, "unknown check-digit algorithm '%s' (gb32100, gb11643)",
                                   t->algorithm ? t->algorithm : "");
    }
    if (fl_loader_message(ld, c, rule, "message", &t->message, err)) return -1;
    if (fl_loader_message(ld, c, rule, "message-en", &t->message_en, err)) return -1;
    if (fl_loader_in_force(ld, c, &t->in_force, err)) return -1;
    t->name = fl_loader_attr(ld, c, "name");
    if (!t->name) t->name = t->column ? t->column->source : "";
    return 0;
}

static int parse(fl_rule *rule, const xmlNode *el, fl_loader *ld, fl_error *err)
{
    table_k *k = fl_loader_alloc(ld, sizeof *k);
    size_t n = 0;
    for (const xmlNode *c = fl_xml_first(el); c; c = fl_xml_next(c)) n++;
    if (!n) return fl_loader_error(err, ld, el, "<table> needs a test (required, required-value, unique, distinct-rows, "
                                   "check-digit, signed, consistent, typed-signature)");
    k->tests = fl_loader_alloc(ld, n * sizeof *k->tests);
    if (fl_loader_scope(ld, el, &k->scope, err)) return -1;
    if (fl_loader_pattern_attr(ld, el, "header", &k->header, err)) return -1;
    if (fl_loader_pattern_attr(ld, el, "caption", &k->caption, err)) return -1;
    if (fl_loader_pattern_attr(ld, el, "contains", &k->contains, err)) return -1;
    for (const xmlNode *c = fl_xml_first(el); c; c = fl_xml_next(c))
        if (parse_test(rule, ld, c, &k->tests[k->ntests++], err)) return -1;
    rule->data = k;
    return 0;
}

/* ---- the grid ------------------------------------------------------------------ */

/* One table as a grid of positions. A cell starts at one position and may
 * cover others (gridSpan, vMerge); its paragraphs are joined. */
typedef struct grid {
    int id, rows, cols;
    int *cell;          /* rows * cols: first block of the cell starting there, -1 none */
    bool *covered;      /* covered by a merged cell from above or the left */
    int *origin;        /* position where the cell covering this one starts, -1 none */
    const char **text;  /* cell text, label-normalised (no white space), "" none */
    int *images;        /* pictures in the cell's paragraphs */
    int *band;          /* per row: first row of its header band; -1 header or before any */
    int *band_end;      /* per header band start: one past its last header row */
} grid;

/* Blocks of every table, grouped by table id once per run. */
typedef struct tables {
    int **blocks; /* [id] -> block indexes in reading order */
    int *n;
} tables;

static void group_tables(const fl_doc *doc, tables *t)
{
    int nt = doc->ntables;
    t->n = fl_xcalloc((size_t)nt + 1, sizeof *t->n);
    t->blocks = fl_xcalloc((size_t)nt + 1, sizeof *t->blocks);
    for (size_t b = 0; b < doc->nblocks; b++)
        if (doc->blocks[b].table > 0 && doc->blocks[b].table <= nt) t->n[doc->blocks[b].table]++;
    for (int id = 1; id <= nt; id++) t->blocks[id] = fl_xmalloc(((size_t)t->n[id] + 1) * sizeof **t->blocks);
    int *fill = fl_xcalloc((size_t)nt + 1, sizeof *fill);
    for (size_t b = 0; b < doc->nblocks; b++) {
        int id = doc->blocks[b].table;
        if (id > 0 && id <= nt) t->blocks[id][fill[id]++] = (int)b;
    }
    free(fill);
}

static void free_tables(const fl_doc *doc, tables *t)
{
    for (int id = 1; id <= doc->ntables; id++) free(t->blocks[id]);
    free(t->blocks);
    free(t->n);
}

static size_t at(const grid *g, int r, int c) { return (size_t)r * (size_t)g->cols + (size_t)c; }
static int cell_at(const grid *g, int r, int c) { return g->cell[at(g, r, c)]; }
static const char *text_at(const grid *g, int r, int c) { return g->text[at(g, r, c)]; }

static void build_grid(fl_scan *s, const int *blocks, int nb, int id, grid *g)
{
    const fl_doc *doc = fl_scan_doc(s);
    fl_arena *a = fl_scan_arena(s);
    memset(g, 0, sizeof *g);
    g->id = id;
    for (int i = 0; i < nb; i++) {
        const fl_block_extra *k = fl_block_x(doc, &doc->blocks[blocks[i]]);
        if (k->row < 1 || k->col < 1) continue;
        if (k->row + k->row_span - 1 > g->rows) g->rows = k->row + k->row_span - 1;
        if (k->col + k->col_span - 1 > g->cols) g->cols = k->col + k->col_span - 1;
    }
    size_t n = (size_t)g->rows * (size_t)g->cols;
    g->cell = fl_xmalloc((n + 1) * sizeof *g->cell);
    g->covered = fl_xcalloc(n + 1, sizeof *g->covered);
    g->origin = fl_xmalloc((n + 1) * sizeof *g->origin);
    g->text = fl_xcalloc(n + 1, sizeof *g->text);
    g->images = fl_xcalloc(n + 1, sizeof *g->images);
    g->band = fl_xmalloc(((size_t)g->rows + 1) * sizeof *g->band);
    g->band_end = fl_xcalloc((size_t)g->rows + 1, sizeof *g->band_end);
    for (size_t i = 0; i < n; i++) {
        g->cell[i] = -1;
        g->origin[i] = -1;
        g->text[i] = "";
    }
    for (int i = 0; i < nb; i++) {
        const fl_block *blk = &doc->blocks[blocks[i]];
        const fl_block_extra *k = fl_block_x(doc, blk);
        if (k->row < 1 || k->col < 1) continue;
        size_t p = at(g, k->row - 1, k->col - 1);
        const char *t = fl_norm_label(a, blk->text, blk->len);
        if (g->cell[p] < 0) {
            g->cell[p] = blocks[i];
            g->text[p] = t;
        } else if (*t) {
            g->text[p] = fl_arena_printf(a, "%s%s", g->text[p], t);
        }
        g->images[p] += k->images;
        for (int r = 0; r < k->row_span; r++)
            for (int c = 0; c < k->col_span; c++) {
                size_t q = at(g, k->row - 1 + r, k->col - 1 + c);
                g->origin[q] = (int)p;
                if (r || c) g->covered[q] = true;
            }
    }
}

static void free_grid(grid *g)
{
    free(g->cell);
    free(g->covered);
    free(g->origin);
    free(g->text);
    free(g->images);
    free(g->band);
    free(g->band_end);
}

static bool row_flagged_header(const fl_scan *s, const grid *g, int r)
{
    for (int c = 0; c < g->cols; c++) {
        int b = cell_at(g, r, c);
        if (b >= 0 && (fl_scan_doc(s)->blocks[b].flags & FL_BF_HEADER_ROW)) return true;
    }
    return false;
}

/* Does some cell of row r match p? 1 yes, 0 no, -1 limit. */
static int row_matches(fl_scan *s, const grid *g, int r, const fl_pattern *p)
{
    size_t ms, me;
    for (int c = 0; c < g->cols; c++) {
        int b = cell_at(g, r, c);
        if (b < 0) continue;
        int rc = fl_scan_find(s, p, b, 0, SIZE_MAX, &ms, &me);
        if (rc) return rc;
    }
    return 0;
}

/* Header bands (see the top of the file). Returns the number of bands, -1
 * after a pattern limit. */
static int find_bands(fl_scan *s, const table_k *k, grid *g)
{
    int nbands = 0, cur = -1;
    for (int r = 0; r < g->rows; r++) g->band[r] = -1;
    if (!k->header) { /* the first row, and the repeated-header rows */
        int end = 1;
        for (int r = 1; r < g->rows; r++)
            if (row_flagged_header(s, g, r)) end = r + 1;
        g->band_end[0] = end;
        for (int r = end; r < g->rows; r++) g->band[r] = 0;
        return 1;
    }
    for (int r = 0; r < g->rows; r++) {
        int rc = row_matches(s, g, r, k->header);
        if (rc < 0) return -1;
        if (rc) {
            cur = r;
            nbands++;
            int end = r + 1;
            while (end < g->rows && row_flagged_header(s, g, end) && row_flagged_header(s, g, r)) end++;
            g->band_end[r] = end;
            r = end - 1;
            continue;
        }
        g->band[r] = cur;
    }
    return nbands;
}

/* Which column of the header band starting at row h matches p; -1 none, -2
 * limit hit. */
static int find_column(fl_scan *s, const grid *g, int h, const fl_pattern *p)
{
    size_t ms, me;
    if (h < 0 || !p) return -1;
    for (int r = h; r < g->band_end[h]; r++)
        for (int c = 0; c < g->cols; c++) {
            int b = cell_at(g, r, c);
            if (b < 0) continue;
            int rc = fl_scan_find(s, p, b, 0, SIZE_MAX, &ms, &me);
            if (rc < 0) return -2;
            if (rc == 1) return c;
        }
    return -1;
}

/* A row that is one merged cell ("2. 主要编制人员"): a label, not data. */
static bool label_row(const grid *g, int r)
{
    int starts = 0;
    for (int c = 0; c < g->cols; c++) starts += cell_at(g, r, c) >= 0 && !g->covered[at(g, r, c)];
    return g->cols > 1 && starts <= 1;
}

static bool data_row(const grid *g, int r) { return g->band[r] >= 0 && !label_row(g, r); }

static bool selected(fl_scan *s, const table_k *k, const grid *g, int nbands, const fl_scope *sc)
{
    const fl_doc *doc = fl_scan_doc(s);
    int first = -1;
    for (int i = 0; i < g->rows * g->cols && first < 0; i++) first = g->cell[i];
    if (first < 0) return false;
    if (k->scope.heading) {
        bool in = false;
        for (size_t i = 0; i < sc->nblocks && !in; i++) in = sc->blocks[i] == first;
        if (!in) return false;
    }
    if (k->contains) {
        bool hit = false;
        for (int r = 0; r < g->rows && !hit; r++) hit = row_matches(s, g, r, k->contains) == 1;
        if (!hit) return false;
    } else if (k->header && nbands == 0) {
        return false;
    }
    if (k->caption) { /* the two paragraphs above the table */
        size_t ms, me;
        bool hit = false;
        for (int b = first - 1; b >= 0 && b >= first - 2 && !hit; b--)
            if (!doc->blocks[b].table) hit = fl_scan_find(s, k->caption, b, 0, SIZE_MAX, &ms, &me) == 1;
        if (!hit) return false;
    }
    return !fl_scan_failed(s);
}

/* ---- findings ------------------------------------------------------------------ */

typedef struct place { int r, c; } place;

static const char *block_text(fl_scan *s, int b) { return b >= 0 ? fl_scan_doc(s)->blocks[b].text : ""; }

/* The text of the cell covering (r, c): a cell merged from above or the left
 * holds its value for every position it covers. */
static const char *cover_text(const grid *g, int r, int c)
{
    size_t p = at(g, r, c);
    return g->covered[p] && g->origin[p] >= 0 ? g->text[g->origin[p]] : g->text[p];
}

/* The row's first cell as shown: whom or what the row is about. */
static const char *row_label(fl_scan *s, const grid *g, int r)
{
    for (int c = 0; c < g->cols; c++)
        if (cell_at(g, r, c) >= 0) return block_text(s, cell_at(g, r, c));
    return "";
}

/* What a finding says, besides where it is. */
typedef struct said {
    const char *column, *value, *other, *key, *expected, *reason;
} said;

/* A finding at cell p, or at the row's first cell when no cell starts there.
 * Every placeholder is set (empty when it means nothing for the test). */
static void emit_cell(fl_scan *s, const grid *g, const test *t, place p, said w)
{
    int b = p.r >= 0 && p.c >= 0 ? cell_at(g, p.r, p.c) : -1;
    for (int cc = 0; b < 0 && p.r >= 0 && cc < g->cols; cc++) b = cell_at(g, p.r, cc);
    for (int i = 0; b < 0 && i < g->rows * g->cols; i++) b = g->cell[i];
    fl_hit h = {.block = b, .severity = -1, .message = t->message, .message_en = t->message_en};
    fl_hit_var(&h, "column", w.column);
    fl_hit_var(&h, "value", w.value);
    fl_hit_var(&h, "row", p.r >= 0 ? fl_arena_printf(fl_scan_arena(s), "%d", p.r + 1) : "");
    fl_hit_var(&h, "other", w.other);
    fl_hit_var(&h, "key", w.key);
    fl_hit_var(&h, "expected", w.expected);
    fl_hit_var(&h, "reason", w.reason);
    fl_scan_emit(s, &h);
}

static const char *header_text(fl_scan *s, const grid *g, int band, int c)
{
    for (int r = g->band_end[band] - 1; r >= band; r--)
        if (cell_at(g, r, c) >= 0) return block_text(s, cell_at(g, r, c));
    return "";
}

/* Column per band start row for pattern p: -1 none; false after a limit. */
static bool columns_of(fl_scan *s, const grid *g, const fl_pattern *p, int *cols)
{
    for (int r = 0; r < g->rows; r++) {
        cols[r] = -1;
        if (g->band[r] >= 0 || !g->band_end[r]) continue; /* not a band start */
        cols[r] = find_column(s, g, r, p);
        if (cols[r] == -2) return false;
    }
    return true;
}

/* The test's column in data row r, -1 when r is no data row or lacks it. */
static int column_in(const grid *g, const int *col, int r) { return data_row(g, r) ? col[g->band[r]] : -1; }

/* ---- the tests ----------------------------------------------------------------- */

typedef struct pair { const char *key, *value; int kb, vb; } pair;
typedef struct pairs { pair *v; size_t n, cap; } pairs;

typedef struct state {
    pairs *pairs;      /* per test: consistent */
    int *found_labels; /* per test: required-value rows seen */
    int first_block;   /* first block of the first selected table */
} state;

static void run_required(fl_scan *s, const grid *g, const int *col, const test *t)
{
    for (int r = 0; r < g->rows; r++) {
        int c = column_in(g, col, r);
        if (c < 0 || *text_at(g, r, c) || g->covered[at(g, r, c)]) continue;
        emit_cell(s, g, t, (place){r, c}, (said){header_text(s, g, g->band[r], c), "", "", row_label(s, g, r), "", ""});
    }
}

static void run_unique(fl_scan *s, const grid *g, const int *col, const test *t)
{
    for (int r = 0; r < g->rows; r++) {
        int c = column_in(g, col, r);
        if (c < 0 || !*text_at(g, r, c)) continue;
        for (int q = 0; q < r; q++) {
            int qc = column_in(g, col, q);
            if (qc < 0 || strcmp(text_at(g, r, c), text_at(g, q, qc))) continue;
            emit_cell(s, g, t, (place){r, c},
                      (said){header_text(s, g, g->band[r], c), block_text(s, cell_at(g, r, c)),
                             fl_arena_printf(fl_scan_arena(s), "%d", q + 1), row_label(s, g, r), row_label(s, g, q), ""});
            break;
        }
    }
}

static bool has_digit(const char *v)
{
    for (; *v; v++)
        if (*v >= '0' && *v <= '9') return true;
    return false;
}

/* Columns compared by distinct-rows in the band starting at h: not the key,
 * not an ignored column, and — when the band has three data rows or more —
 * not the same in every row (limits, units, a shared date). With two rows a
 * constant column cannot be told from a copied one. false after a limit. */
static bool compared_columns(fl_scan *s, const grid *g, int h, int key, const fl_pattern *ignore, bool *cmp)
{
    int nrows = 0, first = -1;
    for (int r = h; r < g->rows; r++)
        if (g->band[r] == h && data_row(g, r)) {
            nrows++;
            if (first < 0) first = r;
        }
    for (int c = 0; c < g->cols; c++) {
        cmp[c] = c != key && nrows >= 2;
        if (cmp[c] && ignore) {
            size_t ms, me;
            for (int r = h; r < g->band_end[h] && cmp[c]; r++) {
                int b = cell_at(g, r, c);
                int rc = b >= 0 ? fl_scan_find(s, ignore, b, 0, SIZE_MAX, &ms, &me) : 0;
                if (rc < 0) return false;
                if (rc) cmp[c] = false;
            }
        }
        if (cmp[c] && nrows >= 3) {
            bool varies = false;
            for (int r = first + 1; r < g->rows && !varies; r++)
                if (g->band[r] == h && data_row(g, r)) varies = strcmp(cover_text(g, r, c), cover_text(g, first, c)) != 0;
            cmp[c] = varies;
        }
    }
    return true;
}

static bool rows_equal(const grid *g, int r, int q, const bool *cmp, int key)
{
    bool digits = false;
    for (int c = 0; c < g->cols; c++) {
        if (!cmp[c]) continue;
        if (strcmp(cover_text(g, r, c), cover_text(g, q, c))) return false;
        digits = digits || has_digit(cover_text(g, r, c));
    }
    if (key >= 0 && !strcmp(cover_text(g, r, key), cover_text(g, q, key))) return false; /* the same point twice */
    return digits; /* measured values, not only words */
}

static void run_distinct(fl_scan *s, const grid *g, const int *col, const test *t)
{
    bool *cmp = fl_xcalloc((size_t)g->cols + 1, sizeof *cmp);
    for (int h = 0; h < g->rows; h++) {
        if (g->band[h] >= 0 || !g->band_end[h]) continue;
        int key = col[h], kc = key >= 0 ? key : 0;
        if (!compared_columns(s, g, h, key, t->other, cmp)) break;
        for (int r = h; r < g->rows; r++) {
            if (g->band[r] != h || !data_row(g, r)) continue;
            for (int q = h; q < r; q++) {
                if (g->band[q] != h || !data_row(g, q) || !rows_equal(g, r, q, cmp, key)) continue;
                emit_cell(s, g, t, (place){r, kc},
                          (said){header_text(s, g, h, kc), cover_text(g, r, kc),
                                 fl_arena_printf(fl_scan_arena(s), "%d", q + 1), "", cover_text(g, q, kc), ""});
                break;
            }
        }
    }
    free(cmp);
}

static void run_digit(fl_scan *s, const grid *g, const int *col, const test *t)
{
    for (int r = 0; r < g->rows; r++) {
        int c = column_in(g, col, r);
        if (c < 0 || !*text_at(g, r, c)) continue;
        const char *code, *why = fl_code_check(fl_scan_arena(s), t->algorithm, text_at(g, r, c), &code);
        if (why)
            emit_cell(s, g, t, (place){r, c}, (said){header_text(s, g, g->band[r], c), code, "", row_label(s, g, r), "", why});
    }
}

/* A signature cell holds a picture, or text that `text` accepts (a name
 * written in); an empty cell or a "（签字）" placeholder does not. */
static void run_signed(fl_scan *s, const grid *g, const int *col, const test *t)
{
    for (int r = 0; r < g->rows; r++) {
        int c = column_in(g, col, r);
        if (c < 0 || g->covered[at(g, r, c)] || g->images[at(g, r, c)]) continue;
        const char *v = text_at(g, r, c);
        if (*v && t->other) {
            int rc = fl_scan_test(s, t->other, v);
            if (rc < 0) return;
            if (rc) continue;
        }
        emit_cell(s, g, t, (place){r, c},
                  (said){header_text(s, g, g->band[r], c), block_text(s, cell_at(g, r, c)), "", row_label(s, g, r), "", ""});
    }
}

/* A name typed into a signature cell of a Word file (DOCX, Flat OPC, Word
 * 2003 XML) is no signature: a signed and scanned page, or the signature's
 * picture, is what such a file carries. Text and Markdown inputs come from
 * PDF copies and OCR, where a handwritten name turns into text, so they are
 * not judged. Cells with a picture, empty cells and placeholders (<signed>
 * reports those) are passed over. */
static void run_typed(fl_scan *s, const grid *g, const int *col, const test *t)
{
    if (!fl_reader_of(fl_scan_doc(s))->word) return;
    for (int r = 0; r < g->rows; r++) {
        int c = column_in(g, col, r);
        if (c < 0 || g->covered[at(g, r, c)] || g->images[at(g, r, c)]) continue;
        const char *v = text_at(g, r, c);
        if (!*v || !t->other) continue;
        int rc = fl_scan_test(s, t->other, v);
        if (rc < 0) return;
        if (!rc) continue;
        emit_cell(s, g, t, (place){r, c},
                  (said){header_text(s, g, g->band[r], c), block_text(s, cell_at(g, r, c)), "", row_label(s, g, r), "", ""});
    }
}

/* Label/value rows: the row's first cell is the label, the next its value. */
static void run_required_value(fl_scan *s, const grid *g, const test *t, int *found)
{
    for (int r = 0; r < g->rows; r++) {
        int lc = 0;
        while (lc < g->cols && (cell_at(g, r, lc) < 0 || g->covered[at(g, r, lc)])) lc++;
        if (lc >= g->cols || !*text_at(g, r, lc)) continue;
        int rc = fl_scan_test(s, t->column, text_at(g, r, lc));
        if (rc < 0) return;
        if (!rc) continue;
        (*found)++;
        int vc = lc + 1;
        while (vc < g->cols && (cell_at(g, r, vc) < 0 || g->covered[at(g, r, vc)])) vc++;
        if (vc < g->cols && *text_at(g, r, vc)) continue;
        const char *label = block_text(s, cell_at(g, r, lc));
        emit_cell(s, g, t, (place){r, vc < g->cols ? vc : lc}, (said){label, "", "", label, "", ""});
    }
}

static void add_pair(pairs *p, const char *key, const char *value, int kb, int vb)
{
    FL_VEC_RESERVE(p->v, p->cap, p->n + 1);
    p->v[p->n++] = (pair){key, value, kb, vb};
}

/* One person, one number, over every selected table: a key that comes again
 * with another value, or a value with another key, is reported there. {other}
 * is what the two rows share, {expected} what the earlier row had. */
static void run_consistent(fl_scan *s, const grid *g, const int *kcol, const int *vcol, const test *t, pairs *seen)
{
    for (int r = 0; r < g->rows; r++) {
        if (!data_row(g, r)) continue;
        int kc = kcol[g->band[r]], vc = vcol[g->band[r]];
        if (kc < 0 || vc < 0 || !*text_at(g, r, kc) || !*text_at(g, r, vc)) continue;
        const char *key = text_at(g, r, kc), *val = text_at(g, r, vc);
        const char *kt = block_text(s, cell_at(g, r, kc)), *vt = block_text(s, cell_at(g, r, vc));
        for (size_t i = 0; i < seen->n; i++) {
            const pair *p = &seen->v[i];
            bool same_key = !strcmp(p->key, key), same_val = !strcmp(p->value, val);
            if (same_key == same_val) continue;
            if (same_key)
                emit_cell(s, g, t, (place){r, vc},
                          (said){header_text(s, g, g->band[r], vc), vt, kt, kt, block_text(s, p->vb), ""});
            else
                emit_cell(s, g, t, (place){r, kc},
                          (said){header_text(s, g, g->band[r], kc), kt, vt, kt, block_text(s, p->kb), ""});
            break;
        }
        add_pair(seen, key, val, cell_at(g, r, kc), cell_at(g, r, vc));
    }
}

static void run_tests(fl_scan *s, const table_k *k, const grid *g, state *st)
{
    int *col = fl_xmalloc(((size_t)g->rows + 1) * sizeof *col);
    int *col2 = fl_xmalloc(((size_t)g->rows + 1) * sizeof *col2);
    for (size_t i = 0; i < k->ntests && !fl_scan_failed(s); i++) {
        const test *t = &k->tests[i];
        if (!fl_scan_in_force(s, &t->in_force)) continue;
        if (t->kind == T_REQUIRED_VALUE) {
            run_required_value(s, g, t, &st->found_labels[i]);
            continue;
        }
        if (!columns_of(s, g, t->column, col)) break;
        switch (t->kind) {
        case T_REQUIRED: run_required(s, g, col, t); break;
        case T_UNIQUE: run_unique(s, g, col, t); break;
        case T_DISTINCT_ROWS: run_distinct(s, g, col, t); break;
        case T_CHECK_DIGIT: run_digit(s, g, col, t); break;
        case T_SIGNED: run_signed(s, g, col, t); break;
        case T_TYPED: run_typed(s, g, col, t); break;
        case T_CONSISTENT:
            if (columns_of(s, g, t->other, col2)) run_consistent(s, g, col, col2, t, &st->pairs[i]);
            break;
        default: break;
        }
    }
    free(col);
    free(col2);
}

/* A required label/value entry no selected table has at all: once, at the
 * first selected table. */
static void report_absent_labels(fl_scan *s, const table_k *k, const state *st)
{
    for (size_t i = 0; i < k->ntests && st->first_block >= 0; i++) {
        const test *t = &k->tests[i];
        if (t->kind != T_REQUIRED_VALUE || st->found_labels[i] || !fl_scan_in_force(s, &t->in_force)) continue;
        fl_hit h = {.block = st->first_block, .severity = -1, .message = t->message, .message_en = t->message_en};
        fl_hit_var(&h, "column", t->name);
        for (const char *const *v = vars + 1; *v; v++) fl_hit_var(&h, *v, "");
        fl_scan_emit(s, &h);
    }
}

static void run(const fl_rule *rule, fl_scan *s)
{
    const table_k *k = rule->data;
    const fl_doc *doc = fl_scan_doc(s);
    const fl_scope *sc = fl_scan_scope(s, &k->scope);
    if (!sc->found || fl_scan_failed(s) || doc->ntables <= 0) return;
    state st = {fl_xcalloc(k->ntests + 1, sizeof *st.pairs), fl_xcalloc(k->ntests + 1, sizeof *st.found_labels), -1};
    tables t;
    group_tables(doc, &t);
    for (int id = 1; id <= doc->ntables && !fl_scan_failed(s); id++) {
        grid g;
        build_grid(s, t.blocks[id], t.n[id], id, &g);
        int nbands = g.rows && g.cols ? find_bands(s, k, &g) : -1;
        if (nbands >= 0 && selected(s, k, &g, nbands, sc)) {
            if (st.first_block < 0)
                for (int i = 0; i < g.rows * g.cols && st.first_block < 0; i++) st.first_block = g.cell[i];
            run_tests(s, k, &g, &st);
        }
        free_grid(&g);
    }
    if (!fl_scan_failed(s)) report_absent_labels(s, k, &st);
    for (size_t i = 0; i < k->ntests; i++) free(st.pairs[i].v);
    free(st.pairs);
    free(st.found_labels);
    free_tables(doc, &t);
}

static void describe(const fl_rule *rule, FILE *out)
{
    const table_k *k = rule->data;
    fl_scope_describe(&k->scope, out);
    if (k->contains) fprintf(out, "表格含有匹配 /%s/ 的单元格\n", k->contains->source);
    if (k->header) fprintf(out, "表头行：含有匹配 /%s/ 的单元格的行\n", k->header->source);
    if (k->caption) fprintf(out, "表题匹配 /%s/\n", k->caption->source);
    for (size_t i = 0; i < k->ntests; i++) {
        const test *t = &k->tests[i];
        fprintf(out, "%s：/%s/", test_names[t->kind], t->column ? t->column->source : "");
        if (t->other) fprintf(out, "  /%s/", t->other->source);
        if (t->algorithm) fprintf(out, "  %s", t->algorithm);
        fl_in_force_describe(&t->in_force, out);
        fputc('\n', out);
    }
}

const fl_kind fl_kind_table = {"table", vars, parse, run, describe};
