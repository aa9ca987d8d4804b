/* Fields from label/value tables: rows of 2, 4 or 6 cells (label, value,
 * label, value...), a left column naming whose unit the rows describe, the
 * "一、建设单位情况" rows of the 编制单位和编制人员情况表; header rows of data
 * tables and their rows give none. */
#include "model/fields_int.h"
#include "core/buf.h"
#include <stdlib.h>
#include <string.h>

typedef struct cell {
    int block;     /* first block of the cell */
    int last;      /* its last block (a cell may hold several paragraphs) */
    bool header;   /* in a table header row (w:tblHeader, a Markdown header) */
    const char *text;
    size_t len;
    fl_fx_label li;
} cell;

typedef struct table_state {
    int id;
    size_t grid_cells; /* >0 while inside a grid (data table) with this many cells a row */
    const char *group; /* 建设单位 / 编制单位 from a "一、建设单位情况" row, or NULL */
} table_state;

/* The cells of the row starting at block i, each cell's paragraphs (blocks
 * with the same coordinates) joined with LF; returns the next block. A 报告表
 * puts whole sections into one cell, so the join must stay linear. */
static size_t collect_row(const fl_doc *doc, size_t i, cell **cells, size_t *ncells, size_t *cap, fl_arena *scratch)
{
    const fl_block *first = &doc->blocks[i];
    size_t j = i;
    *ncells = 0;
    while (j < doc->nblocks && doc->blocks[j].table == first->table && doc->blocks[j].row == first->row &&
           doc->blocks[j].part == first->part) {
        const fl_block *b = &doc->blocks[j];
        cell *last = *ncells ? &(*cells)[*ncells - 1] : NULL;
        if (last && doc->blocks[last->last].col == b->col) {
            last->last = (int)j;
        } else {
            FL_VEC_RESERVE(*cells, *cap, *ncells + 1);
            (*cells)[(*ncells)++] = (cell){(int)j, (int)j, (b->flags & FL_BF_HEADER_ROW) != 0, b->text, b->len,
                                           {NULL, false, false}};
        }
        j++;
    }
    fl_buf joined = FL_BUF_INIT;
    for (size_t k = 0; k < *ncells; k++) {
        cell *c = &(*cells)[k];
        if (c->last > c->block) {
            fl_buf_clear(&joined);
            for (int m = c->block; m <= c->last; m++) {
                if (m > c->block) fl_buf_addc(&joined, '\n');
                fl_buf_add(&joined, doc->blocks[m].text, doc->blocks[m].len);
            }
            c->text = fl_arena_strndup(scratch, joined.data, joined.len);
            c->len = joined.len;
        }
        c->li = fl_fx_label_of(scratch, c->text, c->len, FL_FX_CELL_LABEL_CP);
    }
    fl_buf_free(&joined);
    return j;
}

static bool empty_cell(const cell *c)
{
    const char *s = c->text;
    size_t n = c->len;
    fl_fx_trim(&s, &n);
    return n == 0;
}

/* "一、建设单位情况" / "二、编制单位情况" rows of the 编制单位和编制人员情况表
 * say whose 单位名称 and 统一社会信用代码 the following rows give. */
static bool group_row(table_state *ts, const cell *cells, size_t n, bool *has_group)
{
    size_t filled = 0;
    bool group = false;
    for (size_t k = 0; k < n; k++) {
        if (empty_cell(&cells[k])) continue;
        filled++;
        if (!cells[k].li.name || group) continue;
        const char *g = fl_fx_group_of(cells[k].li.name);
        if (g && !*g) continue;
        ts->group = g;
        group = true;
    }
    *has_group = group;
    return group && filled == 1;
}

static void add_pair(fl_doc *doc, table_state *ts, const cell *label, const cell *value)
{
    fl_fx_add_named(doc, ts->group, label->li.name, value->text, value->len, value->block);
}

/* A header row of a data table: all short captions, and not laid out as
 * label, value, label, value (序号 | 名称 | 规模 | 备注; 职责 | 单位 |
 * 负责人 | 联系电话 with a form label in a value position). Two captions are
 * a header only in a row marked as one (项目内容 | 项目目标). */
static bool grid_header(const cell *cells, size_t n)
{
    bool marked = n >= 2;
    for (size_t k = 0; k < n; k++) marked = marked && cells[k].header;
    if (n < 3 && !marked) return false;
    bool known_label_pos = false, known_value_pos = false;
    for (size_t k = 0; k < n; k++) {
        if (!cells[k].li.plausible) return false;
        if (cells[k].li.known) *(k % 2 ? &known_value_pos : &known_label_pos) = true;
    }
    return n % 2 || known_value_pos || !known_label_pos;
}

static void row_fields(fl_doc *doc, table_state *ts, cell *cells, size_t n, bool *used)
{
    if (ts->grid_cells && n == ts->grid_cells) return;
    ts->grid_cells = 0;
    bool has_group;
    if (group_row(ts, cells, n, &has_group)) return;
    if (!has_group && grid_header(cells, n)) {
        ts->grid_cells = n;
        return;
    }
    for (size_t k = 0; k + 1 < n;) {
        const cell *l = &cells[k], *v = &cells[k + 1];
        /* a left column spanning rows ("一、建设单位情况 | 单位名称 | …") */
        if (!l->li.known && v->li.known) { k++; continue; }
        if (l->li.plausible) {
            add_pair(doc, ts, l, v);
            used[k] = used[k + 1] = true;
            k += 2;
            continue;
        }
        k++;
    }
}

size_t fl_fx_table(fl_doc *doc, fl_arena *scratch, size_t i)
{
    cell *cells = NULL;
    size_t cap = 0, ncells = 0;
    bool *used = NULL;
    size_t used_cap = 0;
    table_state ts = {.id = doc->blocks[i].table};
    while (i < doc->nblocks && doc->blocks[i].table == ts.id) {
        const fl_block *b = &doc->blocks[i];
        if ((b->part != FL_PART_BODY && b->part != FL_PART_TEXTBOX) || (b->flags & FL_BF_TOC)) {
            i++;
            continue;
        }
        size_t next = collect_row(doc, i, &cells, &ncells, &cap, scratch);
        FL_VEC_RESERVE(used, used_cap, ncells + 1);
        memset(used, 0, ncells * sizeof *used);
        row_fields(doc, &ts, cells, ncells, used);
        for (size_t k = 0; k < ncells; k++)
            if (!used[k] && !(ts.grid_cells && ncells == ts.grid_cells))
                fl_fx_paragraph(doc, scratch, &doc->blocks[cells[k].block], cells[k].block, ts.group);
        i = next;
    }
    free(cells);
    free(used);
    return i;
}
