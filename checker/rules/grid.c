/* Tables as grids (rules/grid.h). */
#include "rules/grid.h"

static bool in_table(const fl_doc *doc, size_t i, int table)
{
    return doc->blocks[i].table == table;
}

static size_t build(fl_grid *g, fl_arena *a, const fl_doc *doc, size_t start, bool row_spans)
{
    int table = doc->blocks[start].table;
    g->table = table;
    g->first = start;
    g->rows = g->cols = 0;
    size_t end = start;
    /* a nested table's blocks sit inside the run; anything else ends it */
    while (end < doc->nblocks && doc->blocks[end].table != 0 && doc->blocks[end].part == doc->blocks[start].part) end++;
    for (size_t i = start; i < end; i++) {
        if (!in_table(doc, i, table)) continue;
        const fl_block_extra *b = fl_block_x(doc, &doc->blocks[i]);
        int span = b->col_span > 1 ? b->col_span : 1;
        if (b->row > g->rows) g->rows = b->row;
        if (b->col + span - 1 > g->cols) g->cols = b->col + span - 1;
    }
    size_t n = (size_t)g->rows * (size_t)g->cols;
    if (n > FL_GRID_MAX_CELLS) { /* spans blown up on purpose: not read as a grid */
        g->rows = g->cols = 0;
        n = 0;
    }
    g->cell = fl_arena_alloc(a, (n + 1) * sizeof *g->cell);
    for (size_t i = 0; i < n; i++) g->cell[i] = -1;
    for (size_t i = start; i < end && n; i++) {
        if (!in_table(doc, i, table)) continue;
        const fl_block_extra *b = fl_block_x(doc, &doc->blocks[i]);
        if (b->row < 1 || b->col < 1) continue;
        int span = b->col_span > 1 ? b->col_span : 1;
        int rspan = row_spans && b->row_span > 1 ? b->row_span : 1;
        for (int r = b->row - 1; r < b->row - 1 + rspan && r < g->rows; r++)
            for (int c = b->col - 1; c < b->col - 1 + span && c < g->cols; c++) {
                int *slot = &g->cell[(size_t)r * (size_t)g->cols + (size_t)c];
                if (*slot < 0) *slot = (int)i;
            }
    }
    return end;
}

size_t fl_grid_build(fl_grid *g, fl_arena *a, const fl_doc *doc, size_t start)
{
    return build(g, a, doc, start, true);
}

size_t fl_grid_build_top(fl_grid *g, fl_arena *a, const fl_doc *doc, size_t start)
{
    return build(g, a, doc, start, false);
}

int fl_grid_block(const fl_grid *g, int r, int c)
{
    if (r < 0 || c < 0 || r >= g->rows || c >= g->cols) return -1;
    return g->cell[(size_t)r * (size_t)g->cols + (size_t)c];
}

const char *fl_grid_text(const fl_doc *doc, const fl_grid *g, int r, int c)
{
    int b = fl_grid_block(g, r, c);
    return b < 0 ? "" : doc->blocks[b].text;
}

bool fl_grid_spanned(const fl_grid *g, int r, int c)
{
    return c > 0 && fl_grid_block(g, r, c) >= 0 && fl_grid_block(g, r, c) == fl_grid_block(g, r, c - 1);
}

bool fl_grid_next(fl_grid_iter *it, fl_grid *g, fl_arena *a, const fl_doc *doc)
{
    while (it->pos < doc->nblocks) {
        size_t b = it->pos++;
        int t = doc->blocks[b].table;
        if (!t || t == it->last) continue;
        it->last = t;
        if (fl_block_x(doc, &doc->blocks[b])->row != 1) continue;
        it->end = fl_grid_build(g, a, doc, b);
        if (g->rows >= 2 && g->cols >= 2) return true;
    }
    return false;
}
