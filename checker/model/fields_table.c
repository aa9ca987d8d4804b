/* Fields from label/value tables. A table is judged by what its cells hold
 * over all its rows, not by its first row:
 *
 *   - label/value rows of 2, 4 or 6 cells (建设单位联系人 | 王立军 | 联系方式 |
 *     139…), a sub-item row (其中：环保投资（万元） | 85), checkbox cells;
 *   - a caption row above them (项目 | 内容, 名称 | 内容; marked as a header
 *     row or not) gives nothing, and does not make the table a data grid
 *     when the rows under it are label/value rows;
 *   - a left column naming whose unit the rows describe (建设单位 | 单位名称
 *     | 乙公司, "一、建设单位情况" rows of the 编制单位和编制人员情况表);
 *   - a row of known labels with their values in the row below, inside a
 *     table that is otherwise a form;
 *   - data grids (序号 | 名称 | 规模 | 备注, 环境保护目标, monitoring, 职责 |
 *     单位 | 负责人 | 联系电话, comparisons 项目 | 环评阶段 | 实际建设) give
 *     nothing, except a row that alternates known labels and values.
 *
 * A cell that pairs with nothing is read as lines ("打印编号：…" in a title
 * row, a label whose value is the next paragraph of the cell). */
#include "model/fx.h"
#include "core/buf.h"
#include "core/utf8.h"
#include <stdlib.h>
#include <string.h>

typedef struct cell {
    int block;   /* first block of the cell */
    int last;    /* its last block (a cell may hold several paragraphs) */
    bool header; /* in a table header row (w:tblHeader, a Markdown header) */
    bool filled; /* holds more than white space */
    bool used;   /* paired as a label or a value */
    const char *text;
    size_t len;
    fl_fx_label li;
} cell;

typedef struct row { size_t first, n; } row;

typedef struct table {
    cell *cells;
    size_t ncells, cap_cells;
    row *rows;
    size_t nrows, cap_rows;
    const char *group; /* 建设单位 / 编制单位 whose rows these are, or NULL */
} table;

/* The cells of the table starting at block i, each cell's paragraphs
 * (blocks with the same coordinates) joined with LF; returns the next
 * block. A 报告表 puts whole sections into one cell, so the join must stay
 * linear. */
static size_t collect(fl_fx *fx, table *t, size_t i)
{
    const fl_doc *doc = fx->doc;
    int id = doc->blocks[i].table;
    for (; i < doc->nblocks && doc->blocks[i].table == id; i++) {
        const fl_block *b = &doc->blocks[i];
        if ((b->part != FL_PART_BODY && b->part != FL_PART_TEXTBOX) || (b->flags & (FL_BF_TOC | FL_BF_LIST))) continue;
        row *r = t->nrows ? &t->rows[t->nrows - 1] : NULL;
        const fl_block *prev = r && r->n ? &doc->blocks[t->cells[t->ncells - 1].last] : NULL;
        const fl_block_extra *bx = fl_block_x(doc, b), *px = prev ? fl_block_x(doc, prev) : NULL;
        if (!prev || px->row != bx->row || prev->part != b->part) {
            FL_VEC_RESERVE(t->rows, t->cap_rows, t->nrows + 1);
            r = &t->rows[t->nrows++];
            *r = (row){t->ncells, 0};
        } else if (px->col == bx->col) {
            t->cells[t->ncells - 1].last = (int)i;
            continue;
        }
        FL_VEC_RESERVE(t->cells, t->cap_cells, t->ncells + 1);
        t->cells[t->ncells++] = (cell){.block = (int)i, .last = (int)i, .header = (b->flags & FL_BF_HEADER_ROW) != 0};
        r->n++;
    }
    fl_buf joined = FL_BUF_INIT;
    for (size_t k = 0; k < t->ncells; k++) {
        cell *c = &t->cells[k];
        if (c->last > c->block) {
            fl_buf_clear(&joined);
            for (int m = c->block; m <= c->last; m++) {
                if (m > c->block) fl_buf_addc(&joined, '\n');
                size_t len;
                const char *s = fl_block_mtext(doc, &doc->blocks[m], &len);
                fl_buf_add(&joined, s, len);
            }
            c->text = fl_arena_strndup(&fx->scratch, joined.data ? joined.data : "", joined.len);
            c->len = joined.len;
        } else {
            c->text = fl_block_mtext(doc, &doc->blocks[c->block], &c->len);
        }
        const char *s = c->text;
        size_t n = c->len;
        fl_fx_trim(&s, &n);
        c->filled = n > 0;
        c->li = fl_fx_label_of(&fx->scratch, c->text, c->len, FL_FX_CELL_LABEL_CP);
    }
    fl_buf_free(&joined);
    return i;
}

/* ---- what a row is --------------------------------------------------------- */

static bool known(const cell *c) { return c->filled && c->li.known; }

static size_t filled(const cell *c, size_t n)
{
    size_t f = 0;
    for (size_t k = 0; k < n; k++) f += c[k].filled;
    return f;
}

static size_t first_filled(const cell *c, size_t n)
{
    size_t k = 0;
    while (k < n && !c[k].filled) k++;
    return k;
}

/* Starts with a known label whose neighbour is not a label: a form row. */
static bool form_start(const cell *c, size_t n)
{
    size_t k = first_filled(c, n);
    return k < n && c[k].li.known && !(k + 1 < n && known(&c[k + 1]));
}

/* The number of known labels when the row alternates known labels and
 * values from cell `from` on (建设单位联系人 | 王立军 | 联系方式 | 139…), else
 * 0. */
static size_t alternating_from(const cell *c, size_t n, size_t from)
{
    size_t labels = 0;
    for (size_t k = from; k < n; k += 2) {
        if (c[k].filled && !c[k].li.known) return 0;
        if (k + 1 < n && known(&c[k + 1])) return 0;
        labels += c[k].filled;
    }
    return labels;
}

static size_t alternating(const cell *c, size_t n) { return alternating_from(c, n, first_filled(c, n)); }

/* Label/value pairs, possibly after a left column naming a group or a
 * sub-item (建设单位 | 单位名称（盖章） | 乙公司; 其中 | 环保投资（万元） | 85). */
static bool form_like(const cell *c, size_t n)
{
    size_t k = first_filled(c, n);
    return alternating_from(c, n, k) || (k + 1 < n && known(&c[k + 1]) && alternating_from(c, n, k + 1));
}

/* A cell a column title could be: short, no sentence, no number. */
static bool short_cell(const cell *c)
{
    if (c->li.plausible) return true;
    const char *s = c->text;
    size_t n = c->len;
    fl_fx_trim(&s, &n);
    if (!n || (s[0] >= '0' && s[0] <= '9') || fl_utf8_count(s, n) > 30) return false;
    for (size_t i = 0; i + 3 <= n; i++)
        if (!memcmp(s + i, "。", 3) || !memcmp(s + i, "；", 3) || !memcmp(s + i, "☑", 3) || !memcmp(s + i, "□", 3))
            return false;
    return true;
}

/* Only known labels, two of them side by side: 总投资（万元） | 环保投资（万元）
 * | 环保投资占比（%）, their values in the row below. */
static bool label_row(const cell *c, size_t n)
{
    bool adjacent = false;
    for (size_t k = 0; k < n; k++) {
        if (c[k].filled && !c[k].li.known) return false;
        if (k + 1 < n && known(&c[k]) && known(&c[k + 1])) adjacent = true;
    }
    return adjacent;
}

/* The values under a label row: as many cells, none of them a label. */
static bool value_row(const cell *c, size_t n, size_t want)
{
    if (n != want) return false;
    for (size_t k = 0; k < n; k++)
        if (known(&c[k])) return false;
    return filled(c, n) > 0;
}

/* Short captions only, and not a label/value row: the header of a data
 * table (序号 | 名称 | 规模 | 备注; 排放口（编号、名称） | 污染物项目 | …), or
 * the caption row of a form (项目 | 内容). Two cells count only as the
 * table's first row or in a marked header row. */
static bool caption_like(const cell *c, size_t n, bool first)
{
    if (n == 2)
        return c[0].filled && c[1].filled && c[0].li.plausible && c[1].li.plausible && !c[0].li.known &&
               !c[1].li.known && (first || (c[0].header && c[1].header));
    for (size_t k = 0; k < n; k++)
        if (c[k].filled && !short_cell(&c[k])) return false;
    return filled(c, n) >= 3 && !form_like(c, n);
}

/* Column titles of a two-column table: 项目 | 内容, 阶段 | 时间, 年度 | 金额,
 * or ending in one (项目内容 | 项目目标). */
static bool caption_word(const char *name)
{
    static const char *const words[] = {
        "项目", "内容", "名称", "类别", "类型", "情况", "说明", "备注", "指标", "要素", "参数", "数值",
        "序号", "阶段", "时间", "时段", "日期", "年度", "进度", "安排", "目标", "措施", "要求", "规模",
        "数量", "金额", "费用", "职责", "分工", "负责人", "来源", "方式", "位置", "依据", "标准"};
    size_t len = strlen(name);
    for (size_t k = 0; k < FL_NELEM(words); k++) {
        size_t m = strlen(words[k]);
        if (m <= len && !memcmp(name + len - m, words[k], m)) return true;
    }
    return false;
}

enum { NOT_CAPTION, CAPTION, GRID };

/* Rows looked at under a caption-like row: enough to tell a form from a
 * grid, and a table of caption-like rows stays linear. */
#define BODY_ROWS 64

/* Whether the caption-like row r heads label/value rows (a caption: skip it
 * and read the rows) or a data grid. The rows under it run to the end of
 * the table or to a title row. Under two cells, a third of the rows must
 * start with a known label; under more, half the rows must alternate known
 * labels and values, for a comparison (建设地点 | 甲 | 乙 | 无变化) starts
 * with known labels too. */
static int caption_kind(const table *t, size_t r)
{
    const cell *c = &t->cells[t->rows[r].first];
    size_t n = t->rows[r].n, body = 0, formish = 0;
    for (size_t q = r + 1; q < t->nrows && q <= r + BODY_ROWS; q++) {
        const cell *d = &t->cells[t->rows[q].first];
        size_t dn = t->rows[q].n, f = filled(d, dn);
        if (!f) continue;
        if (f == 1 && !known(&d[first_filled(d, dn)])) break;
        body++;
        formish += n == 2 ? form_start(d, dn) : alternating(d, dn) >= 2;
    }
    if (n == 2) {
        if (formish && formish * 3 >= body) return CAPTION;
        if ((c[0].header && c[1].header) || (body && caption_word(c[0].li.name) && caption_word(c[1].li.name)))
            return GRID;
        return NOT_CAPTION;
    }
    return formish && formish * 2 >= body ? CAPTION : GRID;
}

/* ---- groups ------------------------------------------------------------------ */

/* "一、建设单位情况" / "二、编制单位情况" rows of the 编制单位和编制人员情况表
 * say whose 单位名称 and 统一社会信用代码 the following rows give. True for a
 * row holding nothing else. */
static bool group_row(table *t, const cell *c, size_t n, bool *has_group)
{
    size_t f = 0;
    bool group = false;
    for (size_t k = 0; k < n; k++) {
        if (!c[k].filled) continue;
        f++;
        if (!c[k].li.name || group) continue;
        const char *g = fl_fx_group_of(c[k].li.name);
        if (g && !*g) continue;
        t->group = g;
        group = true;
    }
    *has_group = group;
    return group && f == 1;
}

/* A left column spanning rows: 建设单位 | 单位名称（盖章） | 乙公司. The
 * group cell is a unit's name followed by a label and a value. */
static bool group_cell(table *t, const cell *c, size_t n)
{
    if (n < 3 || !c[0].filled || !c[0].li.plausible || !known(&c[1]) || known(&c[2])) return false;
    const char *name = c[0].li.name;
    const char *g = !strcmp(name, "建设单位") ? "建设单位"
                    : !strcmp(name, "编制单位") ? "编制单位"
                    : !strcmp(name, "编制人员") ? NULL
                                                : fl_fx_group_of(name);
    if (g && !*g) return false;
    t->group = g;
    return true;
}

/* ---- reading rows ------------------------------------------------------------- */

static void add_pair(fl_fx *fx, const table *t, const cell *label, const cell *value)
{
    fl_fx_add_named(fx, t->group, label->li.name, value->text, value->len, value->block);
}

/* Cells that pair with nothing, read as lines; and the sentences of every
 * cell. */
static void rest_of_row(fl_fx *fx, const table *t, cell *c, size_t n)
{
    for (size_t k = 0; k < n; k++) {
        for (int m = c[k].block; m <= c[k].last; m++) {
            if (!c[k].used) fl_fx_line(fx, m, t->group);
            fl_fx_prose(fx, m);
        }
        fx->pending = NULL;
    }
}

/* A cell that is one checkbox option: a box or a tick, then its words. */
static bool option_cell(fl_fx *fx, const cell *c)
{
    const char *v;
    return c->filled && c->len <= 3 * 24 && fl_fx_checkbox_value(&fx->scratch, c->text, c->len, &v);
}

static void pair_row(fl_fx *fx, table *t, cell *c, size_t n)
{
    size_t k = 0;
    if (group_cell(t, c, n)) {
        c[0].used = true;
        k = 1;
    }
    while (k + 1 < n) {
        cell *l = &c[k], *v = &c[k + 1];
        /* a label next to a label pairs with nothing; a left column spanning
         * rows ("建设单位情况 | 单位名称 | …") is skipped */
        if (!l->filled || !l->li.plausible || known(v)) {
            k++;
            continue;
        }
        /* the options of a checkbox label each in a cell of their own
         * ("项目类型 | □风险管控 | ☑修复"): one value of all of them */
        size_t last = k + 1;
        while (last + 1 < n && option_cell(fx, &c[last]) && option_cell(fx, &c[last + 1])) last++;
        if (last > k + 1) {
            fl_buf joined = FL_BUF_INIT;
            for (size_t m = k + 1; m <= last; m++) {
                if (m > k + 1) fl_buf_adds(&joined, " ");
                fl_buf_add(&joined, c[m].text, c[m].len);
                c[m].used = true;
            }
            fl_fx_add_named(fx, t->group, l->li.name, joined.data, joined.len, v->block);
            fl_buf_free(&joined);
        } else {
            add_pair(fx, t, l, v);
        }
        l->used = v->used = true;
        k = last + 1;
    }
    rest_of_row(fx, t, c, n);
}

size_t fl_fx_table(fl_fx *fx, size_t i, const char *group)
{
    /* a table under "一、建设单位情况" gives that unit's 单位名称 and code, like
     * the rows under such a line inside the table */
    table t = {.group = group};
    size_t next = collect(fx, &t, i);
    /* label/value rows anywhere in the table: a row of labels may then have
     * its values in the row below */
    size_t evidence = 0;
    for (size_t r = 0; r < t.nrows; r++) {
        const cell *c = &t.cells[t.rows[r].first];
        size_t n = t.rows[r].n;
        evidence += form_start(c, n) && !label_row(c, n);
    }
    bool grid = false, first = true;
    size_t grid_n = 0;
    for (size_t r = 0; r < t.nrows; r++) {
        cell *c = &t.cells[t.rows[r].first];
        size_t n = t.rows[r].n, f = filled(c, n);
        if (!f) continue;
        bool was_first = first;
        if (f >= 2) first = false;
        bool has_group;
        if (group_row(&t, c, n, &has_group)) {
            grid = false;
            continue;
        }
        if (grid) {
            if (n != grid_n && (f == 1 || form_like(c, n))) {
                grid = false;
            } else {
                if (alternating(c, n) >= 2) pair_row(fx, &t, c, n);
                continue;
            }
        }
        if (label_row(c, n) && evidence && r + 1 < t.nrows) {
            const row *vr = &t.rows[r + 1];
            cell *v = &t.cells[vr->first];
            bool more = r + 2 < t.nrows && value_row(&t.cells[t.rows[r + 2].first], t.rows[r + 2].n, n);
            if (value_row(v, vr->n, n) && !more) {
                for (size_t k = 0; k < n; k++)
                    if (known(&c[k])) {
                        add_pair(fx, &t, &c[k], &v[k]);
                        c[k].used = v[k].used = true;
                    }
                rest_of_row(fx, &t, c, n);
                rest_of_row(fx, &t, v, n);
                r++;
                continue;
            }
        }
        if (!has_group && (label_row(c, n) || caption_like(c, n, was_first))) {
            int kind = caption_kind(&t, r);
            if (kind == CAPTION) continue;
            if (kind == GRID) {
                grid = true;
                grid_n = n;
                continue;
            }
        }
        pair_row(fx, &t, c, n);
    }
    free(t.cells);
    free(t.rows);
    return next;
}
