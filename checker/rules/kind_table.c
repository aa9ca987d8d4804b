/* Kind `table`: tables found by a header cell, a caption or their section,
 * then checked row by row: required non-empty columns, values that must be
 * unique in a column, rows that repeat another row's measured values, and
 * check characters. Columns are named by a pattern over the header cells.
 *
 *   <table header="信用编号" scope="编制单位和编制人员情况表">
 *     <required column="信用编号"/>
 *     <unique column="联系电话"/>
 *     <distinct-rows key="点位|监测点"/>
 *     <check-digit column="统一社会信用代码" algorithm="gb32100"/>
 *   </table>
 *
 * Check-character algorithms are a hook: add a row to `algorithms` (GB 32100
 * and GB 11643 come with the issue that needs them). */
#include "rules/kind.h"
#include "core/utf8.h"
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* true when the value's check character is right. */
typedef bool (*check_digit_fn)(const char *value);

static const struct { const char *name; check_digit_fn fn; } algorithms[] = {
    {NULL, NULL}, /* none yet */
};

typedef enum { T_REQUIRED, T_UNIQUE, T_DISTINCT_ROWS, T_CHECK_DIGIT } test_kind;

typedef struct test {
    test_kind kind;
    const fl_pattern *column; /* header cell pattern; distinct-rows: the key column */
    check_digit_fn digit;
} test;

typedef struct table_k {
    fl_scope_spec scope;
    const fl_pattern *header, *caption;
    test *tests;
    size_t ntests;
} table_k;

static const char *const vars[] = {"column", "value", "row", "other", NULL};

static int parse_test(fl_loader *ld, const xmlNode *c, test *t, fl_error *err)
{
    static const char *const names[] = {"required", "unique", "distinct-rows", "check-digit"};
    size_t i = 0;
    while (i < 4 && !fl_xml_named(c, names[i])) i++;
    if (i == 4) return fl_loader_error(err, ld, c, "unknown table test <%s> (required, unique, distinct-rows, check-digit)", (const char *)c->name);
    t->kind = (test_kind)i;
    if (fl_loader_pattern_attr(ld, c, t->kind == T_DISTINCT_ROWS ? "key" : "column", &t->column, err)) return -1;
    if (!t->column && t->kind != T_DISTINCT_ROWS) return fl_loader_error(err, ld, c, "<%s> needs column=\"pattern\"", names[i]);
    if (t->kind == T_CHECK_DIGIT) {
        const char *alg = fl_loader_attr(ld, c, "algorithm");
        for (size_t k = 0; alg && algorithms[k].name; k++)
            if (!strcmp(algorithms[k].name, alg)) t->digit = algorithms[k].fn;
        if (!t->digit) return fl_loader_error(err, ld, c, "unknown check-digit algorithm '%s'", alg ? alg : "");
    }
    return 0;
}

static int parse(fl_rule *rule, const xmlNode *el, fl_loader *ld, fl_error *err)
{
    table_k *k = fl_loader_alloc(ld, sizeof *k);
    size_t n = 0;
    for (const xmlNode *c = fl_xml_first(el); c; c = fl_xml_next(c)) n++;
    if (!n) return fl_loader_error(err, ld, el, "<table> needs a test (required, unique, distinct-rows, check-digit)");
    k->tests = fl_loader_alloc(ld, n * sizeof *k->tests);
    if (fl_loader_scope(ld, el, &k->scope, err)) return -1;
    if (fl_loader_pattern_attr(ld, el, "header", &k->header, err)) return -1;
    if (fl_loader_pattern_attr(ld, el, "caption", &k->caption, err)) return -1;
    for (const xmlNode *c = fl_xml_first(el); c; c = fl_xml_next(c))
        if (parse_test(ld, c, &k->tests[k->ntests++], err)) return -1;
    rule->data = k;
    return 0;
}

/* One table as a grid of block indexes (-1: no cell starts there). */
typedef struct grid {
    int id, rows, cols, header_rows;
    int *cell;   /* rows * cols, 0-based */
    bool *covered; /* position covered by a merged cell from above or the left */
} grid;

static void build_grid(const fl_doc *doc, int id, grid *g)
{
    memset(g, 0, sizeof *g);
    g->id = id;
    g->header_rows = 1;
    for (size_t b = 0; b < doc->nblocks; b++) {
        const fl_block *k = &doc->blocks[b];
        if (k->table != id) continue;
        if (k->row + k->row_span - 1 > g->rows) g->rows = k->row + k->row_span - 1;
        if (k->col + k->col_span - 1 > g->cols) g->cols = k->col + k->col_span - 1;
        if ((k->flags & FL_BF_HEADER_ROW) && k->row > g->header_rows) g->header_rows = k->row;
    }
    size_t n = (size_t)g->rows * (size_t)g->cols;
    g->cell = fl_xmalloc((n + 1) * sizeof *g->cell);
    g->covered = fl_xcalloc(n + 1, sizeof *g->covered);
    for (size_t i = 0; i < n; i++) g->cell[i] = -1;
    for (size_t b = 0; b < doc->nblocks; b++) {
        const fl_block *k = &doc->blocks[b];
        if (k->table != id || k->row < 1 || k->col < 1) continue;
        size_t at = (size_t)(k->row - 1) * (size_t)g->cols + (size_t)(k->col - 1);
        if (g->cell[at] < 0) g->cell[at] = (int)b; /* first paragraph of the cell */
        for (int r = 0; r < k->row_span; r++)
            for (int c = 0; c < k->col_span; c++)
                if (r || c) g->covered[(size_t)(k->row - 1 + r) * (size_t)g->cols + (size_t)(k->col - 1 + c)] = true;
    }
}

static void free_grid(grid *g)
{
    free(g->cell);
    free(g->covered);
}

static int cell_at(const grid *g, int r, int c) { return g->cell[(size_t)r * (size_t)g->cols + (size_t)c]; }

/* Cell text, normalised and without spaces; "" for an empty cell. */
static const char *cell_value(fl_scan *s, const grid *g, int r, int c)
{
    int b = cell_at(g, r, c);
    if (b < 0) return "";
    const fl_block *k = &fl_scan_doc(s)->blocks[b];
    return fl_norm_label(fl_scan_arena(s), k->text, k->len);
}

/* Which column's header cell matches p; -1 none, -2 limit hit. */
static int find_column(fl_scan *s, const grid *g, const fl_pattern *p)
{
    size_t ms, me;
    for (int r = 0; r < g->header_rows; r++)
        for (int c = 0; c < g->cols; c++) {
            int b = cell_at(g, r, c);
            if (b < 0) continue;
            int rc = fl_scan_find(s, p, b, 0, SIZE_MAX, &ms, &me);
            if (rc < 0) return -2;
            if (rc == 1) return c;
        }
    return -1;
}

static bool selected(fl_scan *s, const table_k *k, const grid *g, const fl_scope *sc)
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
    if (k->header && find_column(s, g, k->header) < 0) return false;
    if (k->caption) { /* the two paragraphs above the table */
        size_t ms, me;
        bool hit = false;
        for (int b = first - 1; b >= 0 && b >= first - 2 && !hit; b--)
            if (!doc->blocks[b].table) hit = fl_scan_find(s, k->caption, b, 0, SIZE_MAX, &ms, &me) == 1;
        if (!hit) return false;
    }
    return true;
}

static void emit_cell(fl_scan *s, const grid *g, int r, int c, const char *column, const char *value, const char *other)
{
    int b = cell_at(g, r, c);
    for (int cc = 0; b < 0 && cc < g->cols; cc++) b = cell_at(g, r, cc);
    char row[16];
    snprintf(row, sizeof row, "%d", r + 1);
    fl_hit h = {.block = b, .severity = -1};
    fl_hit_var(&h, "column", column);
    fl_hit_var(&h, "value", value);
    fl_hit_var(&h, "row", fl_arena_strdup(fl_scan_arena(s), row));
    fl_hit_var(&h, "other", other);
    fl_scan_emit(s, &h);
}

static const char *header_text(fl_scan *s, const grid *g, int c)
{
    int b = cell_at(g, g->header_rows - 1, c);
    return b >= 0 ? fl_scan_doc(s)->blocks[b].text : "";
}

static void run_required(fl_scan *s, const grid *g, int c)
{
    for (int r = g->header_rows; r < g->rows; r++)
        if (!*cell_value(s, g, r, c) && !g->covered[(size_t)r * (size_t)g->cols + (size_t)c])
            emit_cell(s, g, r, c, header_text(s, g, c), "", "");
}

static void run_unique(fl_scan *s, const grid *g, int c)
{
    for (int r = g->header_rows; r < g->rows; r++) {
        const char *v = cell_value(s, g, r, c);
        if (!*v) continue;
        for (int q = g->header_rows; q < r; q++)
            if (!strcmp(v, cell_value(s, g, q, c))) {
                char other[16];
                snprintf(other, sizeof other, "%d", q + 1);
                int b = cell_at(g, r, c);
                emit_cell(s, g, r, c, header_text(s, g, c), b >= 0 ? fl_scan_doc(s)->blocks[b].text : v,
                          fl_arena_strdup(fl_scan_arena(s), other));
                break;
            }
    }
}

/* Rows equal in every column that varies at all, the key column aside. */
static void run_distinct(fl_scan *s, const grid *g, int key)
{
    bool *varies = fl_xcalloc((size_t)g->cols + 1, sizeof *varies);
    for (int c = 0; c < g->cols; c++)
        for (int r = g->header_rows + 1; r < g->rows && !varies[c]; r++)
            varies[c] = strcmp(cell_value(s, g, r, c), cell_value(s, g, g->header_rows, c)) != 0;
    for (int r = g->header_rows + 1; r < g->rows; r++)
        for (int q = g->header_rows; q < r; q++) {
            bool same = true, any = false;
            for (int c = 0; c < g->cols && same; c++) {
                if (c == key || !varies[c]) continue;
                any = true;
                same = !strcmp(cell_value(s, g, r, c), cell_value(s, g, q, c));
            }
            if (key >= 0 && !strcmp(cell_value(s, g, r, key), cell_value(s, g, q, key))) same = false;
            if (same && any) {
                char other[16];
                snprintf(other, sizeof other, "%d", q + 1);
                emit_cell(s, g, r, key >= 0 ? key : 0, "", "", fl_arena_strdup(fl_scan_arena(s), other));
                break;
            }
        }
    free(varies);
}

static void run_digit(fl_scan *s, const grid *g, int c, check_digit_fn fn)
{
    for (int r = g->header_rows; r < g->rows; r++) {
        const char *v = cell_value(s, g, r, c);
        if (*v && !fn(v)) emit_cell(s, g, r, c, header_text(s, g, c), v, "");
    }
}

static void run_tests(fl_scan *s, const table_k *k, const grid *g)
{
    for (size_t i = 0; i < k->ntests && !fl_scan_failed(s); i++) {
        const test *t = &k->tests[i];
        int c = t->column ? find_column(s, g, t->column) : -1;
        if (c == -2) return;
        if (c < 0 && t->kind != T_DISTINCT_ROWS) continue; /* column not in this table */
        switch (t->kind) {
        case T_REQUIRED: run_required(s, g, c); break;
        case T_UNIQUE: run_unique(s, g, c); break;
        case T_DISTINCT_ROWS: run_distinct(s, g, c); break;
        case T_CHECK_DIGIT: run_digit(s, g, c, t->digit); break;
        }
    }
}

static void run(const fl_rule *rule, fl_scan *s)
{
    const table_k *k = rule->data;
    const fl_doc *doc = fl_scan_doc(s);
    const fl_scope *sc = fl_scan_scope(s, &k->scope);
    if (!sc->found || fl_scan_failed(s)) return;
    for (int id = 1; id <= doc->ntables && !fl_scan_failed(s); id++) {
        grid g;
        build_grid(doc, id, &g);
        if (g.rows && g.cols && selected(s, k, &g, sc)) run_tests(s, k, &g);
        free_grid(&g);
    }
}

const fl_kind fl_kind_table = {"table", vars, parse, run, NULL};
