/* Tables without ruling lines, from where their text stands (see
 * pdf_align.h).
 *
 * What such a table looks like in a published PDF: a 三线表 (a rule above
 * the header row, one under it, one under the last row, no column rules),
 * the house style of monitoring results and 保护目标 tables; a borderless
 * Word table (the 编制单位和编制人员情况表 with its borders removed); a list
 * of labels and values set as a table without borders. Each cell is drawn
 * as a text line of its own or as a piece of a line after a wide gap;
 * the cells of a column start at one x (left-aligned), or share a centre
 * or a right edge (centred figures, right-aligned numbers); a cell's text
 * wraps at the column's right edge onto lines that carry text only in
 * that column.
 *
 * What must not be taken for one: prose (a line whose wide gap is a
 * justified space or a signature blank: the next line runs across it),
 * a numbered list with a hanging indent (the numbers make a column), a
 * contents page without leader dots (titles and page numbers), a cover's
 * or a notice's labels and colons in two columns (项目名称：…  建设单位：…),
 * a flow chart's boxes (drawn with vertical sides), centred headings (one
 * piece a line). Precision before recall: a wrong table would put one
 * row's value into another row's field, so every test below must hold
 * and a doubt leaves the lines as paragraphs.
 *
 * The decision, for a page:
 *   1. Runs are the pieces of text lines between gaps of FL_ALIGN_GAP type
 *      sizes; runs on one baseline are a row; runs of a row closer than
 *      that gap are one segment.
 *   2. A region grows from a row of two segments or more, down row by
 *      row while the next row is within PITCH sizes of the one before,
 *      no ruled grid or vertical rule lies between, and each of the
 *      row's segments falls in one column of
 *      the region's columns so far (the union of the segments' spans) or
 *      opens a new one: a segment across two columns (a line of prose,
 *      a heading over the width) ends the region, unless all but one of
 *      the columns it meets hold only a header cell (a header centred
 *      over a column whose cells start at its left). Columns must stay a
 *      type size apart. A region refused is passed over whole.
 *   3. Each column's lines become cells: a line goes on the line above
 *      it in the column when that line reached the column's edge (its
 *      next word would not have fitted before the next column's text),
 *      the two are as close as the closest two lines of a column, no
 *      rule lies between and no other column opens a cell on that line;
 *      or both are options (□ under ☑). Cells whose heights overlap are
 *      one table row (a label centred beside a value of two lines).
 *   4. The region is a table when it has two columns or more, three
 *      table rows or more with text in two columns, text in every column
 *      in two rows or more, every column aligned (three quarters of its
 *      cells share a left edge, a centre or a right edge, within half a
 *      type size), and none of: leader dots, labels with a colon in a
 *      third of its rows, a first column of list numbers only (1、 （1）
 *      ①), two columns whose second is ascending page numbers, a vertical
 *      rule or a ruled grid inside its box, a two-piece line in one
 *      column, or a line just above or below as close as a cell's next
 *      line with a piece inside one column (a piece of a larger table). */
#include "input/pdf_align.h"
#include "core/arena.h"
#include "core/heading.h"
#include "core/utf8.h"
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define MAX_COLS 16
#define MIN_ROWS 3
#define PITCH 2.6f          /* the next row is at most this many type sizes below */
#define MAX_RUNS 20000      /* runs of one page looked at */
#define WORK_PER_ROW 64     /* region steps per row of the page, at most */

typedef struct seg { size_t first, n; float x0, x1, top, bot, lead; } seg;
typedef struct row { size_t first, n; float base, top, bot, size; } row; /* its segments */
typedef struct col { float x0, x1; int n; } col; /* n: rows with text in it */

static int cmp_base(const void *a, const void *b)
{
    const fl_align_run *x = a, *y = b;
    if (x->base != y->base) return x->base < y->base ? -1 : 1;
    return x->x0 < y->x0 ? -1 : x->x0 > y->x0;
}

static int cmp_x0(const void *a, const void *b)
{
    const fl_align_run *x = a, *y = b;
    return x->x0 < y->x0 ? -1 : x->x0 > y->x0;
}

static int cmp_float(const void *a, const void *b)
{
    float x = *(const float *)a, y = *(const float *)b;
    return x < y ? -1 : x > y;
}

/* ---- what a segment's text says ---------------------------------------------------- */

static uint32_t cp_at(const char *s, size_t n, size_t *i)
{
    uint32_t c = 0;
    size_t k = fl_utf8_decode(s + *i, n - *i, &c);
    *i += k ? k : 1;
    return c;
}

static bool digit(uint32_t c) { return c >= '0' && c <= '9'; }

/* A label and colon: ： or : within the first 13 characters (项目名称：,
 * 单位名称：), a colon between digits (8:00, 1:2) aside. */
static bool colon_label(const char *s, size_t n)
{
    size_t i = 0;
    uint32_t prev = 0;
    for (int k = 0; k < 13 && i < n; k++) {
        uint32_t c = cp_at(s, n, &i);
        if (c == 0xFF1A) return true;
        if (c == ':') {
            size_t j = i;
            uint32_t next = j < n ? cp_at(s, n, &j) : 0;
            if (!(digit(prev) && digit(next))) return true;
        }
        prev = c;
    }
    return false;
}

/* Leader dots: three dots or more in a row (…… .... ··· ．．．). */
static bool leader(const char *s, size_t n)
{
    int dots = 0;
    for (size_t i = 0; i < n;) {
        uint32_t c = cp_at(s, n, &i);
        if (c == 0x2026) dots += 3;
        else if (c == '.' || c == 0xB7 || c == 0xFF0E || c == 0x22EF || c == 0x2022) dots++;
        else dots = 0;
        if (dots >= 3) return true;
    }
    return false;
}

/* A list number alone: 1、 1. 1） （1） (1) ① 一、 a) — a hanging
 * indent's number, not a 序号 column (whose numbers are bare). */
static bool list_number(const char *s, size_t n)
{
    size_t i = 0, cps = 0;
    uint32_t first = 0, last = 0;
    while (i < n) {
        uint32_t c = cp_at(s, n, &i);
        if (c == ' ') continue;
        if (!cps) first = c;
        last = c;
        if (++cps > 6) return false;
    }
    if (!cps) return false;
    if (cps == 1) return (first >= 0x2460 && first <= 0x2473) || (first >= 0x2776 && first <= 0x2793);
    bool open = first == 0xFF08 || first == '(';
    bool close = last == 0xFF09 || last == ')' || last == 0x3001 || last == '.' || last == 0xFF0E;
    return close || (open && last == 0xFF09);
}

/* Digits only, one to four: a page number. */
static int page_number(const char *s, size_t n)
{
    int v = 0, k = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == ' ') continue;
        if (!digit((unsigned char)s[i]) || ++k > 4) return -1;
        v = v * 10 + (s[i] - '0');
    }
    return k ? v : -1;
}

static bool checkbox(uint32_t c) { return c == 0x25A1 || c == 0x2611 || c == 0x2610 || c == 0x2612 || c == 0x25A0; }

static uint32_t first_cp(const fl_align_run *r)
{
    size_t i = 0;
    return r->len ? cp_at(r->text, r->len, &i) : 0;
}

/* ---- the page ------------------------------------------------------------------------ */

typedef struct page {
    fl_align_run *runs;
    seg *segs;
    size_t nsegs, cap_segs;
    row *rows;
    size_t nrows, cap_rows;
    const fl_align_page *pg;
    float right; /* the page's text reaches this far right */
} page;

/* Runs sorted by baseline into rows, each row's runs by x into segments. */
static void make_rows(page *p, size_t n)
{
    fl_align_run *r = p->runs;
    qsort(r, n, sizeof *r, cmp_base);
    for (size_t i = 0, j; i < n; i = j) {
        float size = r[i].size > 0 ? r[i].size : 1;
        for (j = i + 1; j < n && r[j].base - r[i].base <= 0.35f * size;) j++;
        qsort(r + i, j - i, sizeof *r, cmp_x0);
        FL_VEC_RESERVE(p->rows, p->cap_rows, p->nrows + 1);
        row *w = &p->rows[p->nrows++];
        *w = (row){.first = p->nsegs, .base = r[i].base, .top = 1e9f, .bot = -1e9f, .size = size};
        for (size_t k = i; k < j; k++) {
            if (r[k].size > w->size) w->size = r[k].size;
            if (r[k].top < w->top) w->top = r[k].top;
            if (r[k].bot > w->bot) w->bot = r[k].bot;
            seg *last = w->n ? &p->segs[p->nsegs - 1] : NULL;
            if (last && r[k].x0 - last->x1 < FL_ALIGN_GAP * size) {
                last->n++;
                if (r[k].x1 > last->x1) last->x1 = r[k].x1;
                if (r[k].top < last->top) last->top = r[k].top;
                if (r[k].bot > last->bot) last->bot = r[k].bot;
                continue;
            }
            FL_VEC_RESERVE(p->segs, p->cap_segs, p->nsegs + 1);
            p->segs[p->nsegs++] = (seg){k, 1, r[k].x0, r[k].x1, r[k].top, r[k].bot, r[k].lead};
            w->n++;
        }
    }
}

/* The column of cols holding segment s, -1 none. */
static int col_of(const col *cols, int nc, const seg *s)
{
    for (int c = 0; c < nc; c++)
        if (s->x0 <= cols[c].x1 && s->x1 >= cols[c].x0) return c;
    return -1;
}

/* Row w's segments into the columns: false when one spans two columns,
 * or columns come closer than a type size, or too many. */
static bool add_row(const page *p, const row *w, col *cols, int *nc)
{
    col t[MAX_COLS];
    int n = *nc;
    memcpy(t, cols, (size_t)n * sizeof *t);
    bool seen[MAX_COLS] = {false}; /* by the columns before this row's changes */
    for (size_t k = 0; k < w->n; k++) {
        const seg *s = &p->segs[w->first + k];
        int hit = -1, hits = 0, full = 0;
        for (int c = 0; c < n; c++)
            if (s->x0 <= t[c].x1 && s->x1 >= t[c].x0) hit = hit < 0 ? c : hit, hits++, full += t[c].n > 1;
        /* across two columns: a line across the table ends it, unless all
         * but one are a header row's cells (a header centred over a
         * column whose cells start at its left) */
        if (hits > 1 && (full > 1 || n - hits + 1 < 2)) return false;
        if (hits > 1) {
            for (int c = hit + 1; c < hit + hits; c++) {
                t[hit].x1 = fmaxf(t[hit].x1, t[c].x1);
                if (t[c].n > t[hit].n) t[hit].n = t[c].n;
            }
            for (int c = hit + 1; c < hit + hits; c++) seen[hit] = seen[hit] || seen[c];
            memmove(t + hit + 1, t + hit + hits, (size_t)(n - hit - hits) * sizeof *t);
            memmove(seen + hit + 1, seen + hit + hits, (size_t)(n - hit - hits) * sizeof *seen);
            n -= hits - 1;
        }
        if (hits >= 1) {
            if (s->x0 < t[hit].x0) t[hit].x0 = s->x0;
            if (s->x1 > t[hit].x1) t[hit].x1 = s->x1;
            if (!seen[hit]) t[hit].n++, seen[hit] = true;
            continue;
        }
        if (n == MAX_COLS) return false;
        int at = 0;
        while (at < n && t[at].x0 < s->x0) at++;
        memmove(t + at + 1, t + at, (size_t)(n - at) * sizeof *t);
        t[at] = (col){s->x0, s->x1, 1};
        memmove(seen + at + 1, seen + at, (size_t)(n - at) * sizeof *seen);
        seen[at] = true;
        n++;
    }
    for (int c = 1; c < n; c++)
        if (t[c].x0 - t[c - 1].x1 < w->size) return false;
    memcpy(cols, t, (size_t)n * sizeof *t);
    *nc = n;
    return true;
}

/* A rule between rows a and b across [x0, x1]? */
static bool rule_between(const page *p, const row *a, const row *b, float x0, float x1)
{
    const fl_align_page *pg = p->pg;
    for (size_t i = 0; i < pg->nh; i++) { /* few rules a page outside grids */
        float y = pg->hrules[i][0];
        if (y <= a->base || y >= b->top + 0.2f * b->size) continue;
        float over = fminf(pg->hrules[i][2], x1) - fmaxf(pg->hrules[i][1], x0);
        if (over > 0.5f * (x1 - x0)) return true;
    }
    return false;
}

/* A box (a ruled grid, a vertical rule) meeting [x0, x1] × [y0, y1]? */
static bool box_in(const page *p, float x0, float y0, float x1, float y1)
{
    const fl_align_page *pg = p->pg;
    for (size_t i = 0; i < pg->nboxes; i++) {
        const float *b = pg->boxes[i];
        if (b[0] < x1 && b[2] > x0 && b[1] < y1 && b[3] > y0) return true;
    }
    return false;
}

/* Is the column aligned: three quarters of its cells (their first
 * segments' x0 and x1 in l and r) at one left edge, centre or right
 * edge within tol? */
static bool aligned(float *l, float *r, int n, float tol)
{
    if (n < 2) return false;
    int need = (3 * n + 3) / 4;
    float *m = fl_xmalloc((size_t)n * sizeof *m);
    bool ok = false;
    for (int how = 0; how < 3 && !ok; how++) {
        for (int i = 0; i < n; i++) m[i] = how == 0 ? l[i] : how == 1 ? (l[i] + r[i]) / 2 : r[i];
        qsort(m, (size_t)n, sizeof *m, cmp_float);
        /* the most values within tol of one another: a sliding window */
        for (int i = 0, j = 0; i < n && !ok; i++) {
            while (m[i] - m[j] > tol) j++;
            if (i - j + 1 >= need) ok = true;
        }
    }
    free(m);
    return ok;
}

/* Row w, between heights y0 and y1, a piece of it within one column (a
 * cell's line), not across columns (a caption, a paragraph)? */
static bool fits(const page *p, const row *w, const col *cols, int nc, float y0, float y1)
{
    float mid = (w->top + w->bot) / 2;
    if (mid < y0 || mid > y1) return false;
    /* by the runs, not the segments: two cells of the larger table set
     * closer than a column gap are one segment across two columns, and
     * would hide that this line belongs to the table */
    for (size_t k = 0; k < w->n; k++) {
        const seg *g = &p->segs[w->first + k];
        for (size_t u = g->first; u < g->first + g->n; u++) {
            const fl_align_run *r = &p->runs[u];
            seg one = {.x0 = r->x0, .x1 = r->x1};
            int c = col_of(cols, nc, &one);
            if (c < 0 || one.x0 < cols[c].x0 - w->size || one.x1 > cols[c].x1 + w->size) continue;
            if (c + 1 < nc && one.x1 >= cols[c + 1].x0) continue;
            return true;
        }
    }
    return false;
}

/* A cell's text in one column: lines that go on one another. */
typedef struct blk {
    int col, row;     /* its column, its table row */
    float top, bot;   /* from its first line's top to its last line's bottom */
    float x0, x1;     /* its first line's */
    int first;        /* its first line's first segment */
} blk;

static int cmp_blk(const void *a, const void *b)
{
    const blk *x = a, *y = b;
    if (x->top != y->top) return x->top < y->top ? -1 : 1;
    return x->col - y->col;
}

/* Rows [s, e) of the page, their columns cols: a table? Hands it on. */
static bool judge(page *p, size_t s, size_t e, const col *cols, int nc, fl_align_fn fn, void *arg)
{
    if (nc < 2 || e - s < MIN_ROWS) return false;
    const size_t nr = e - s;
    float size = 0;
    for (size_t i = s; i < e; i++) size = fmaxf(size, p->rows[i].size);
    /* per region row and column: its first and last segment there */
    int *firsts = fl_xmalloc(nr * (size_t)nc * sizeof *firsts);
    int *lasts = fl_xmalloc(nr * (size_t)nc * sizeof *lasts);
    blk *bl = NULL;
    size_t nb = 0, cap_bl = 0, nt = 0;
    float *tops = NULL, *bots = NULL, *l = NULL, *r = NULL;
    float *ys = NULL, *xs = NULL, *xr = NULL;
    int *cells = NULL; /* [t * nc + c]: the first block of the cell, -1 none */
    bool ok = false;
    for (size_t i = 0; i < nr * (size_t)nc; i++) firsts[i] = lasts[i] = -1;
    int colon_rows = 0;
    for (size_t i = s; i < e; i++) {
        const row *w = &p->rows[i];
        bool colon = false;
        for (size_t k = 0; k < w->n; k++) {
            size_t si = w->first + k;
            const seg *g = &p->segs[si];
            int c = col_of(cols, nc, g);
            if (c < 0) goto done;
            int *f = &firsts[(i - s) * (size_t)nc + (size_t)c];
            /* two pieces of one line in one column: the column is two
             * (a header over two columns whose cells ran together) */
            if (*f >= 0) goto done;
            *f = (int)si;
            lasts[(i - s) * (size_t)nc + (size_t)c] = (int)si;
            for (size_t q = g->first; q < g->first + g->n; q++) {
                const fl_align_run *u = &p->runs[q];
                if (leader(u->text, u->len)) goto done;
                colon = colon || colon_label(u->text, u->len);
            }
        }
        colon_rows += colon;
    }
    if (colon_rows * 3 >= (int)nr) goto done;
    /* each column's lines into cell blocks: a line goes on the line above
     * it in the column when that line reached the column's right edge (its
     * next word would not have fitted before the next column's text, or
     * the page's text edge after the last column, two cell paddings
     * aside), or both are options (□ under ☑), with no rule between */
    /* row by row, every column together: a line of a column goes on when
     * the simple test holds and no other column opens a new cell on the
     * same line after it opened one already beside this block (the label
     * of the next row beside what only looked like a wrapped line) */
    size_t *prev = fl_xmalloc((size_t)nc * sizeof *prev), *open = fl_xmalloc((size_t)nc * sizeof *open);
    int *cur = fl_xmalloc((size_t)nc * sizeof *cur);
    signed char *fresh = fl_xmalloc((size_t)nc); /* this row: 1 new block, 0 goes on, -1 no text */
    for (int c = 0; c < nc; c++) cur[c] = -1;
    /* the closest two lines of one column follow each other: lines of a
     * cell are that close, rows with cell padding further apart */
    float minstep = 1e9f;
    for (int c = 0; c < nc; c++)
        for (size_t i = s, last = e; i < e; i++) {
            if (firsts[(i - s) * (size_t)nc + (size_t)c] < 0) continue;
            if (last < e) minstep = fminf(minstep, p->rows[i].base - p->rows[last].base);
            last = i;
        }
    for (size_t i = s; i < e; i++) {
        for (int c = 0; c < nc; c++) {
            int f = firsts[(i - s) * (size_t)nc + (size_t)c];
            fresh[c] = -1;
            if (f < 0) continue;
            fresh[c] = 1;
            if (cur[c] < 0) continue;
            float step = p->rows[i].base - p->rows[prev[c]].base;
            if (step > 2.0f * size || step > 1.18f * minstep + 0.5f ||
                rule_between(p, &p->rows[prev[c]], &p->rows[i], cols[0].x0, cols[nc - 1].x1))
                continue;
            const seg *g = &p->segs[f];
            const seg *a0 = &p->segs[firsts[(prev[c] - s) * (size_t)nc + (size_t)c]];
            const seg *a1 = &p->segs[lasts[(prev[c] - s) * (size_t)nc + (size_t)c]];
            /* after the last column, whose edge is a guess, a long Latin
             * word (a code) counts two characters: a line further short
             * of the page's edge did not wrap */
            float lead = fmaxf(g->lead, 0.9f * size);
            float limit = c + 1 < nc ? cols[c + 1].x0 : p->right;
            float pad = 1.5f * size;
            if (c + 1 == nc) lead = fminf(lead, 2 * size), pad = 2 * size;
            bool wrapped = a1->x1 - a0->x0 >= 3 * size && a1->x1 + lead >= limit - pad;
            bool options = checkbox(first_cp(&p->runs[a0->first])) && checkbox(first_cp(&p->runs[g->first]));
            if (wrapped || options) fresh[c] = 0;
        }
        for (int c = 0; c < nc; c++) {
            if (fresh[c] != 0) continue;
            for (int d = 0; d < nc; d++)
                if (d != c && fresh[d] == 1 && cur[d] >= 0 && open[d] >= open[c]) fresh[c] = 1;
        }
        for (int c = 0; c < nc; c++) {
            if (fresh[c] < 0) continue;
            int f = firsts[(i - s) * (size_t)nc + (size_t)c], z = lasts[(i - s) * (size_t)nc + (size_t)c];
            float top = 1e9f, bot = -1e9f;
            for (int k = f; k <= z; k++) top = fminf(top, p->segs[k].top), bot = fmaxf(bot, p->segs[k].bot);
            if (fresh[c] == 0) {
                bl[cur[c]].bot = fmaxf(bl[cur[c]].bot, bot);
            } else {
                FL_VEC_RESERVE(bl, cap_bl, nb + 1);
                bl[nb] = (blk){c, -1, top, bot, p->segs[f].x0, p->segs[z].x1, f};
                cur[c] = (int)nb++;
                open[c] = i;
            }
            prev[c] = i;
        }
    }
    free(prev);
    free(open);
    free(cur);
    free(fresh);
    /* table rows: blocks that overlap in height are one row (a label
     * centred beside a value of two lines, or at its top) */
    qsort(bl, nb, sizeof *bl, cmp_blk);
    tops = fl_xmalloc((nb + 1) * sizeof *tops);
    bots = fl_xmalloc((nb + 1) * sizeof *bots);
    for (size_t k = 0; k < nb; k++) {
        if (!nt || bl[k].top >= bots[nt - 1] - 0.25f * size) {
            tops[nt] = bl[k].top, bots[nt] = bl[k].bot;
            nt++;
        }
        bl[k].row = (int)nt - 1;
        bots[nt - 1] = fmaxf(bots[nt - 1], bl[k].bot);
    }
    if (nt < MIN_ROWS) goto done;
    cells = fl_xmalloc(nt * (size_t)nc * sizeof *cells);
    for (size_t q = 0; q < nt * (size_t)nc; q++) cells[q] = -1;
    for (size_t k = nb; k-- > 0;) cells[(size_t)bl[k].row * nc + (size_t)bl[k].col] = (int)k; /* the topmost */
    /* the first and the last row have text in two columns (a caption
     * after the table, a paragraph before it, are no rows of it) */
    size_t t0 = 0, t1 = nt;
    for (;;) {
        int k0 = 0, k1 = 0;
        for (int c = 0; c < nc && t0 < t1; c++) k0 += cells[t0 * nc + (size_t)c] >= 0, k1 += cells[(t1 - 1) * nc + (size_t)c] >= 0;
        if (t0 < t1 && k0 < 2) t0++;
        else if (t0 < t1 && k1 < 2) t1--;
        else break;
    }
    if (t1 - t0 < MIN_ROWS) goto done;
    /* text in two columns in three rows; every column in two rows, aligned */
    int wide = 0;
    for (size_t t = t0; t < t1; t++) {
        int k = 0;
        for (int c = 0; c < nc; c++) k += cells[t * nc + (size_t)c] >= 0;
        wide += k >= 2;
    }
    if (wide < MIN_ROWS) goto done;
    l = fl_xmalloc(nt * sizeof *l), r = fl_xmalloc(nt * sizeof *r);
    for (int c = 0; c < nc; c++) {
        int n = 0, markers = 0, numbers = 0, last_no = -1;
        bool ascending = true;
        for (size_t t = t0; t < t1; t++) {
            int k = cells[t * nc + (size_t)c];
            if (k < 0) continue;
            const seg *g = &p->segs[bl[k].first];
            const fl_align_run *u = &p->runs[g->first];
            l[n] = bl[k].x0, r[n] = bl[k].x1, n++;
            if (g->n == 1 && list_number(u->text, u->len)) markers++;
            int no = g->n == 1 ? page_number(u->text, u->len) : -1;
            if (no >= 0) {
                numbers++;
                if (no < last_no) ascending = false;
                last_no = no;
            }
        }
        /* a column with text in its header only (签字 over signature
         * pictures) is a column; any other needs two cells, aligned */
        bool header_only = n == 1 && cells[t0 * nc + (size_t)c] >= 0;
        if (!header_only && (n < 2 || !aligned(l, r, n, 0.5f * size))) goto done;
        if (c == 0 && n && markers * 5 >= n * 4) goto done;               /* a list's numbers */
        if (c == 1 && nc == 2 && numbers == n && ascending) goto done;    /* a contents page's */
    }
    float x0 = cols[0].x0, x1 = cols[nc - 1].x1, y0 = tops[t0], y1 = bots[t1 - 1];
    if (box_in(p, x0, y0, x1, y1)) goto done;
    /* a piece of a larger table (whose other rows a line across them or
     * a rule kept out): the line just above or below would be a cell */
    size_t above = s, below = e;
    while (above < e && p->rows[above].top + p->rows[above].bot < 2 * y0) above++;
    while (below > s && p->rows[below - 1].top + p->rows[below - 1].bot > 2 * y1) below--;
    /* as close as a cell's next line (a title above the table stands
     * further off); y0 and y1 are half a type size off the lines' centres */
    float near = 1.18f * fminf(minstep, PITCH * size) + 0.5f;
    if (above > 0 && fits(p, &p->rows[above - 1], cols, nc, y0 + 0.5f * size - near, y0)) goto done;
    if (below < p->nrows && fits(p, &p->rows[below], cols, nc, y1, y1 - 0.5f * size + near)) goto done;
    /* the boundaries: between the rows' text and in the gutters' middles;
     * where a line wraps in a column, as the blocks were made */
    size_t n = t1 - t0;
    ys = fl_xmalloc((n + 1) * sizeof *ys);
    xs = fl_xmalloc(((size_t)nc + 1) * sizeof *xs);
    xr = fl_xmalloc((size_t)nc * sizeof *xr);
    ys[0] = y0 - 1;
    for (size_t t = 1; t < n; t++) ys[t] = (bots[t0 + t - 1] + tops[t0 + t]) / 2;
    ys[n] = y1 + 1;
    xs[0] = x0 - 1;
    for (int c = 1; c < nc; c++) xs[c] = (cols[c - 1].x1 + cols[c].x0) / 2;
    xs[nc] = x1 + 1;
    for (int c = 0; c < nc; c++) xr[c] = (c + 1 < nc ? cols[c + 1].x0 : p->right) - 1.2f * size;
    fn(arg, (int)n, nc, ys, xs, xr);
    ys = xs = xr = NULL;
    ok = true;
done:
    free(firsts);
    free(lasts);
    free(bl);
    free(tops);
    free(bots);
    free(cells);
    free(l);
    free(r);
    free(ys);
    free(xs);
    free(xr);
    return ok;
}

size_t fl_align_tables(fl_align_run *runs, size_t n, const fl_align_page *pg, fl_align_fn fn, void *arg)
{
    if (n < MIN_ROWS * 2 || n > MAX_RUNS) return 0;
    page p = {.runs = runs, .pg = pg, .right = -1e9f};
    for (size_t i = 0; i < n; i++) p.right = fmaxf(p.right, runs[i].x1);
    make_rows(&p, n);
    size_t found = 0, work = 0, budget = WORK_PER_ROW * p.nrows + 1000;
    for (size_t i = 0; i < p.nrows && work < budget;) {
        if (p.rows[i].n < 2) { i++; continue; }
        col cols[MAX_COLS];
        int nc = 0;
        if (!add_row(&p, &p.rows[i], cols, &nc)) { i++; continue; }
        size_t j = i + 1;
        for (; j < p.nrows; j++, work++) {
            const row *a = &p.rows[j - 1], *b = &p.rows[j];
            float size = fmaxf(a->size, b->size);
            if (b->base - a->base > PITCH * size) break;

            float x0 = cols[0].x0, x1 = cols[nc - 1].x1;
            if (box_in(&p, x0, a->bot, x1, b->top)) break;
            if (!add_row(&p, b, cols, &nc)) break;
        }
        /* a region refused is passed over whole: a table found inside it
         * would be a piece of what was refused */
        found += judge(&p, i, j, cols, nc, fn, arg);
        i = j;
    }
    free(p.segs);
    free(p.rows);
    return found;
}
