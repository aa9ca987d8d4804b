/* A table of the document as a grid of positions, for kinds that read
 * cells by row and column (amount columns, 合计 rows). A cell covers the
 * positions of its column and row spans; its first paragraph stands for it. */
#ifndef FL_GRID_H
#define FL_GRID_H
#include "doc/doc.h"

typedef struct fl_grid {
    int table;        /* the table id (fl_block.table) */
    int rows, cols;
    int *cell;        /* [r * cols + c] = block covering (r, c), -1 none; 0-based */
    size_t first;     /* the table's first block */
} fl_grid;

/* Positions a grid may have: a table of 4 million cells is no table a
 * filing writes, but spans can make one out of a few cells. */
#define FL_GRID_MAX_CELLS (1u << 22)

/* The table whose first block is doc->blocks[start]: its blocks are read
 * from start while they belong to it (nested tables' blocks are passed
 * over), so building every table of a document is linear. Returns the
 * index after the table's last block. cell lives in arena a. A table past
 * FL_GRID_MAX_CELLS positions comes back with no rows. */
size_t fl_grid_build(fl_grid *g, fl_arena *a, const fl_doc *doc, size_t start);
/* As fl_grid_build, but a cell merged down (a row span) covers only its
 * first row. For kinds that add up a column: an amount written once in a
 * cell merged over two rows is one amount, counted once. */
size_t fl_grid_build_top(fl_grid *g, fl_arena *a, const fl_doc *doc, size_t start);
/* The block at (r, c), -1 when none or out of range. */
int fl_grid_block(const fl_grid *g, int r, int c);
/* The text at (r, c), "" when none. */
const char *fl_grid_text(const fl_doc *doc, const fl_grid *g, int r, int c);
/* Is (r, c) the same cell as (r, c - 1) (a column span)? */
bool fl_grid_spanned(const fl_grid *g, int r, int c);

/* Every table of the document in turn, each built once from its first
 * block (row 1), nested tables on their own:
 *     fl_grid_iter it = {0};
 *     while (fl_grid_next(&it, &g, arena, doc)) ... it.end ...
 * Tables of fewer than 2 rows or 2 columns are passed over. */
typedef struct fl_grid_iter {
    size_t pos;   /* the next block to look at */
    int last;     /* the table met last */
    size_t end;   /* after fl_grid_next: the index after the table's last block */
} fl_grid_iter;
bool fl_grid_next(fl_grid_iter *it, fl_grid *g, fl_arena *a, const fl_doc *doc);
#endif
