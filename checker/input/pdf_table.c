/* Tables of a PDF from its ruling lines (see pdf_table.h).
 *
 * What a filing's table looks like in its PDF: the 编制单位和编制人员情况表,
 * the 建设项目基本情况 table, 保护目标 and monitoring tables are bordered
 * Word or LibreOffice tables. LibreOffice strokes each cell's border as a
 * line of its own; Word and WPS fill thin rectangles, often several in one
 * path. Either way every row boundary and every column boundary is drawn,
 * except where a cell spans: no rule between the two columns of a merged
 * cell (the value of 建设项目名称 over three columns), none between the
 * rows a label spans (主体工程 over its two rows). The characters of a
 * cell lie inside its rules; a cell's text wraps at its right edge, and a
 * cell holding several paragraphs (the □新建 ☑改建 options, one a line)
 * has lines that stop short of it.
 *
 * So, per page: the horizontal and vertical rules are merged where they
 * touch end to end, rules that cross one another form a group, and a
 * group with rules both ways is a grid whose row boundaries are its
 * horizontal rules' heights and column boundaries its vertical rules' x.
 * Two neighbouring positions with no rule between them are one cell; a
 * cell must come out rectangular, and a grid of fewer than two cells (a
 * framed paragraph, a checkbox square) is no table. A text line whose
 * every character stands in one grid is taken from the paragraphs; its
 * characters go to the cells they stand in (MuPDF may give a label and
 * its value as one line). A cell's lines join into one paragraph where
 * the line above reached the cell's right edge (its next word would not
 * have fitted), else a new paragraph of the same cell begins.
 *
 * A three-line table (三线表, no vertical rules) or a borderless one is
 * not rebuilt: its cells stay paragraphs, as before. Precision first: a
 * wrong grid would put one row's value into another row's field.
 *
 * A table that ends a page and a table that starts the next with the same
 * columns (a running header between them aside) are one table: the rows
 * go on, and a first row repeating the first table's first row is the
 * repeated header (Word's 标题行重复), written once and flagged as one.
 *
 * Pictures: each image drawn inside a grid counts for the cell it stands
 * in, hashed by its compressed bytes as the Word reader hashes a picture
 * part (doc/images.h), so the same signature picture in two people's cells
 * shows one hash.
 *
 * The work is bounded: rules per page (MAX_RULES) and the pairs of rules
 * compared per document (MAX_PAIRS) are counted; past them the page, or
 * the rest of the document, keeps its paragraphs. */
#include "input/pdf_table.h"
#include "input/pdf_align.h"
#include "core/arena.h"
#include "core/heading.h"
#include "core/utf8.h"
#include "doc/images.h"
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_RULES 2000             /* merged rules of one page considered */
#define MAX_RAW (8 * MAX_RULES)    /* rule pieces recorded on one page */
#define MAX_IMAGES 500             /* pictures of one page */
#define MAX_PAIRS ((size_t)100 * 1000 * 1000) /* rule pairs and position × rule looks */
#define MAX_POSITIONS 20000        /* rows × columns of one grid */
#define MAX_TABLES 50000
#define MAX_PAGE_TABLES 200        /* grids of one page */
#define THIN 3.0f  /* a filled rectangle at most this thick is a rule */
#define NEAR 2.0f  /* rules this close are one */

typedef struct rule {
    float c;      /* y of a horizontal rule, x of a vertical one */
    float a0, a1; /* its extent along the other axis */
} rule;

typedef struct pimage {
    fz_rect box;
    uint64_t hash, size;
    bool hashed;
} pimage;

typedef struct cline { /* the characters of one text line that fall in one cell */
    int pos;              /* the cell: its top-left position r * nc + c */
    size_t line;          /* the reader's line */
    size_t off, len;      /* in the table's text */
    float x0, x1, size, lead_w, base;
} cline;

typedef struct cimage {
    int pos;
    uint64_t hash, size;
    bool hashed;
} cimage;

typedef struct ptable {
    int page;
    fz_rect box;
    int nr, nc;
    float *ys, *xs;       /* nr + 1 row boundaries, nc + 1 column boundaries */
    float *xr;            /* a table of no rules (pdf_align.c): how far right each column's text reaches */
    int *root;            /* [r * nc + c]: the top-left position of its cell */
    fl_buf text;
    cline *lines;
    size_t nlines, cap_lines;
    cimage *images;
    size_t nimages, cap_images;
    int next, cont_of;    /* 1-based: the table going on on the next page, the one it goes on from */
    bool emitted;
    bool leaky;           /* a text line stands partly in it: not read as a table */
} ptable;

struct fl_pdf_tables {
    int page;
    rule *h, *v;
    size_t nh, nv, cap_h, cap_v;
    bool overflow;        /* too many rules on the page: no tables there */
    pimage *imgs;
    size_t nimgs, cap_imgs;
    size_t pairs;         /* rule pairs compared so far */
    ptable *t;
    size_t n, cap;
    size_t page_first;    /* the page's first table */
};

/* ---- shared text helpers --------------------------------------------------------- */

/* The Kangxi radicals U+2F00..U+2FD5 as the ideographs they look like
 * (their compatibility mapping). A CJK font's ToUnicode map often names
 * the glyph of 一 目 人 方 by the radical, so the copied text holds ⼀ ⽬ ⼈
 * ⽅ where the filing has 一 目 人 方: 建设项⽬名称 would match no label. */
static const uint16_t kangxi[] = {
    0x4E00, 0x4E28, 0x4E36, 0x4E3F, 0x4E59, 0x4E85, 0x4E8C, 0x4EA0, 0x4EBA, 0x513F,
    0x5165, 0x516B, 0x5182, 0x5196, 0x51AB, 0x51E0, 0x51F5, 0x5200, 0x529B, 0x52F9,
    0x5315, 0x531A, 0x5338, 0x5341, 0x535C, 0x5369, 0x5382, 0x53B6, 0x53C8, 0x53E3,
    0x56D7, 0x571F, 0x58EB, 0x5902, 0x590A, 0x5915, 0x5927, 0x5973, 0x5B50, 0x5B80,
    0x5BF8, 0x5C0F, 0x5C22, 0x5C38, 0x5C6E, 0x5C71, 0x5DDB, 0x5DE5, 0x5DF1, 0x5DFE,
    0x5E72, 0x5E7A, 0x5E7F, 0x5EF4, 0x5EFE, 0x5F0B, 0x5F13, 0x5F50, 0x5F61, 0x5F73,
    0x5FC3, 0x6208, 0x6236, 0x624B, 0x652F, 0x6534, 0x6587, 0x6597, 0x65A4, 0x65B9,
    0x65E0, 0x65E5, 0x66F0, 0x6708, 0x6728, 0x6B20, 0x6B62, 0x6B79, 0x6BB3, 0x6BCB,
    0x6BD4, 0x6BDB, 0x6C0F, 0x6C14, 0x6C34, 0x706B, 0x722A, 0x7236, 0x723B, 0x723F,
    0x7247, 0x7259, 0x725B, 0x72AC, 0x7384, 0x7389, 0x74DC, 0x74E6, 0x7518, 0x751F,
    0x7528, 0x7530, 0x758B, 0x7592, 0x7676, 0x767D, 0x76AE, 0x76BF, 0x76EE, 0x77DB,
    0x77E2, 0x77F3, 0x793A, 0x79B8, 0x79BE, 0x7A74, 0x7ACB, 0x7AF9, 0x7C73, 0x7CF8,
    0x7F36, 0x7F51, 0x7F8A, 0x7FBD, 0x8001, 0x800C, 0x8012, 0x8033, 0x807F, 0x8089,
    0x81E3, 0x81EA, 0x81F3, 0x81FC, 0x820C, 0x821B, 0x821F, 0x826E, 0x8272, 0x8278,
    0x864D, 0x866B, 0x8840, 0x884C, 0x8863, 0x897E, 0x898B, 0x89D2, 0x8A00, 0x8C37,
    0x8C46, 0x8C55, 0x8C78, 0x8C9D, 0x8D64, 0x8D70, 0x8DB3, 0x8EAB, 0x8ECA, 0x8F9B,
    0x8FB0, 0x8FB5, 0x9091, 0x9149, 0x91C6, 0x91CC, 0x91D1, 0x9577, 0x9580, 0x961C,
    0x96B6, 0x96B9, 0x96E8, 0x9751, 0x975E, 0x9762, 0x9769, 0x97CB, 0x97ED, 0x97F3,
    0x9801, 0x98A8, 0x98DB, 0x98DF, 0x9996, 0x9999, 0x99AC, 0x9AA8, 0x9AD8, 0x9ADF,
    0x9B25, 0x9B2F, 0x9B32, 0x9B3C, 0x9B5A, 0x9CE5, 0x9E75, 0x9E7F, 0x9EA5, 0x9EBB,
    0x9EC3, 0x9ECD, 0x9ED1, 0x9EF9, 0x9EFD, 0x9F0E, 0x9F13, 0x9F20, 0x9F3B, 0x9F4A,
    0x9F52, 0x9F8D, 0x9F9C, 0x9FA0,
};

/* The CJK radicals (supplement) that stand for a whole simplified
 * character the same way: 居⺠区 is 居民区. Sorted by the radical. */
static const struct { uint16_t radical, ideograph; } radicals[] = {
    {0x2E9F, 0x6BCD}, {0x2EA0, 0x6C11}, {0x2EC4, 0x897F}, {0x2EC5, 0x89C1}, {0x2EC6, 0x89D2}, {0x2ECB, 0x8F66},
    {0x2ED3, 0x957F}, {0x2ED4, 0x95E8}, {0x2ED8, 0x9752}, {0x2ED9, 0x97E6}, {0x2EDA, 0x9875}, {0x2EDB, 0x98CE},
    {0x2EDC, 0x98DE}, {0x2EDD, 0x98DF}, {0x2EE2, 0x9A6C}, {0x2EE3, 0x9AA8}, {0x2EE5, 0x9C7C}, {0x2EE6, 0x9E1F},
    {0x2EE9, 0x9EC4}, {0x2EEC, 0x9F50}, {0x2EEE, 0x9F7F}, {0x2EF0, 0x9F99}, {0x2EF3, 0x9F9F},
};

int fl_pdf_char(int c)
{
    if (c >= 0x2E80 && c < 0x2F00)
        for (size_t i = 0; i < sizeof radicals / sizeof *radicals && radicals[i].radical <= c; i++)
            if (radicals[i].radical == c) return radicals[i].ideograph;
    if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0)) return c == '\t' ? ' ' : -1;
    if (c == 0xA0) return ' ';
    if (c >= 0x2F00 && c < 0x2F00 + (int)(sizeof kangxi / sizeof *kangxi)) return kangxi[c - 0x2F00];
    if (c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) return 0xFFFD;
    return c;
}

bool fl_pdf_is_dash(uint32_t c)
{
    return c == '-' || c == 0x2010 || c == 0x2013 || c == 0x2014 || c == 0x2212 || c == 0xFF0D;
}

static bool cjk_side(uint32_t c) { return c >= 0x2000; } /* CJK, fullwidth forms, “ ” — … */

static uint32_t last_cp(const char *s, size_t n)
{
    size_t k = n ? n - 1 : 0;
    while (k && ((unsigned char)s[k] & 0xC0) == 0x80) k--;
    uint32_t c = 0;
    if (n) fl_utf8_decode(s + k, n - k, &c);
    return c;
}

void fl_pdf_join(fl_buf *p, const char *s, size_t n)
{
    if (p->len) {
        uint32_t a = last_cp(p->data, p->len), b;
        fl_utf8_decode(s, n, &b);
        /* no space after a slash (mg/ m3), but a number does not follow
         * one without (GB/T 31962 broke at its space) */
        bool slash = a == '/' && !(b >= '0' && b <= '9');
        if (!cjk_side(a) && !cjk_side(b) && !fl_pdf_is_dash(a) && !slash) fl_buf_addc(p, ' ');
    }
    fl_buf_add(p, s, n);
}

bool fl_pdf_opens_paragraph(const char *a, size_t an, const char *s, size_t n, bool labels)
{
    uint32_t end = last_cp(a, an);
    if (end != 0x3002 && end != 0xFF1B && end != 0xFF01 && end != 0xFF1F && end != 0xFF1A && end != ';') return false;
    fl_typed t;
    fl_typed_classify(&t, s, n < 240 ? n : 240);
    if (t.kind != FL_TK_NONE) return true;
    if (!labels) return false;
    size_t i = 0;
    for (int k = 0; k < 12 && i < n; k++) { /* a label: up to 12 characters, then ： */
        uint32_t c;
        i += fl_utf8_decode(s + i, n - i, &c);
        if (c == 0xFF1A) return k > 1;
        if (c < 0x2E80 || (c >= 0x3000 && c < 0x3040) || (c >= 0xFF00 && c < 0xFF20)) return false;
    }
    return false;
}

static bool ideograph(uint32_t c)
{
    return c >= 0x2E80 && !(c >= 0x3000 && c < 0x3040) && !(c >= 0xFF00 && c < 0xFFF0);
}

/* Punctuation no line may start with: 、。，．：；！？）〕》」』】〉” ’ */
static bool closing(uint32_t c)
{
    switch (c) {
    case 0x3001: case 0x3002: case 0xFF0C: case 0xFF0E: case 0xFF1A: case 0xFF1B: case 0xFF01: case 0xFF1F:
    case 0xFF09: case 0x3015: case 0x300B: case 0x300D: case 0x300F: case 0x3011: case 0x3009: case 0x201D:
    case 0x2019:
        return true;
    default:
        return false;
    }
}

/* state 3: a CJK character taken, the closing punctuation after it goes with it */
void fl_pdf_lead_step(fl_pdf_lead *ld, uint32_t c, bool space, float x0, float x1)
{
    if (ld->state == 0 && !space) {
        ld->x0 = x0;
        ld->w = x1 - x0;
        ld->state = ideograph(c) ? 3 : 1;
    } else if (ld->state == 1) {
        if (space || ideograph(c)) ld->state = 2;
        else ld->w = x1 - ld->x0;
    } else if (ld->state == 3) {
        if (!space && closing(c)) ld->w = x1 - ld->x0;
        else ld->state = 2;
    }
}

bool fl_pdf_gap(const fz_stext_char *a, const fz_stext_char *b, bool cjk)
{
    float size = a->size > b->size ? a->size : b->size, gap = b->quad.ul.x - a->quad.ur.x;
    if (cjk_side((uint32_t)a->c) || cjk_side((uint32_t)b->c)) return cjk && gap >= 0.95f * size;
    return gap > 0.15f * size;
}

/* A Chinese numeral of 1 to 99 at s (一 九 十 十二 二十 二十三): its value,
 * *used its bytes; 0 none. */
static int zh_number(const char *s, size_t n, size_t *used)
{
    static const char *const digits[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九"};
    int v[3], k = 0; /* up to three characters: digit, 十, digit */
    size_t i = 0;
    while (k < 3 && i + 3 <= n) {
        int d = 0;
        for (int j = 0; j < 9 && !d; j++)
            if (!memcmp(s + i, digits[j], 3)) d = j + 1;
        if (!d && !memcmp(s + i, "十", 3)) d = 10;
        if (!d) break;
        v[k++] = d;
        i += 3;
    }
    *used = i;
    if (k == 1) return v[0];
    if (k == 2 && v[0] == 10 && v[1] < 10) return 10 + v[1];
    if (k == 2 && v[0] < 10 && v[1] == 10) return v[0] * 10;
    if (k == 3 && v[0] < 10 && v[1] == 10 && v[2] < 10) return v[0] * 10 + v[2];
    return 0;
}

size_t fl_pdf_legal_number(const char *s, size_t n, char *out, size_t cap)
{
    size_t i = 0, o = 0;
    int zh = 0, ar = 0;
    for (;;) {
        size_t used = 0;
        int v = ar ? 0 : zh_number(s + i, n - i, &used);
        if (v) zh++;
        else {
            while (used < n - i && used < 4 && s[i + used] >= '0' && s[i + used] <= '9')
                v = v * 10 + (s[i + used++] - '0');
            if (!used) return 0;
            ar++;
        }
        i += used;
        int w = snprintf(out + o, cap - o, "%s%d", o ? "." : "", v);
        if (w < 0 || (size_t)w >= cap - o) return 0;
        o += (size_t)w;
        if (i < n && s[i] == '.' && i + 1 < n && s[i + 1] != '.') {
            i++;
            continue;
        }
        break;
    }
    /* then the title: a space or a CJK character, not more of a number */
    if (!zh || !ar || i >= n || (s[i] != ' ' && (unsigned char)s[i] < 0xE0)) return 0;
    if (n - i >= 3 && (!memcmp(s + i, "、", 3) || !memcmp(s + i, "．", 3))) return 0;
    return i;
}

/* ---- recording rules and pictures --------------------------------------------------- */

fl_pdf_tables *fl_pdf_tables_new(void) { return fl_xcalloc(1, sizeof(fl_pdf_tables)); }

void fl_pdf_tables_free(fl_pdf_tables *t)
{
    if (!t) return;
    for (size_t i = 0; i < t->n; i++) {
        ptable *p = &t->t[i];
        free(p->ys);
        free(p->xs);
        free(p->xr);
        free(p->root);
        fl_buf_free(&p->text);
        free(p->lines);
        free(p->images);
    }
    free(t->t);
    free(t->h);
    free(t->v);
    free(t->imgs);
    free(t);
}

void fl_pdf_tables_begin_page(fl_pdf_tables *t, int page)
{
    t->page = page;
    t->nh = t->nv = t->nimgs = 0;
    t->overflow = false;
    t->page_first = t->n;
}

static void add_rule(fl_pdf_tables *t, bool horizontal, float c, float a0, float a1)
{
    if (a1 < a0) { float x = a0; a0 = a1; a1 = x; }
    if (a1 - a0 < 1.0f || !isfinite(c) || !isfinite(a0) || !isfinite(a1)) return;
    if (t->nh + t->nv >= MAX_RAW) { t->overflow = true; return; }
    if (horizontal) {
        FL_VEC_RESERVE(t->h, t->cap_h, t->nh + 1);
        t->h[t->nh++] = (rule){c, a0, a1};
    } else {
        FL_VEC_RESERVE(t->v, t->cap_v, t->nv + 1);
        t->v[t->nv++] = (rule){c, a0, a1};
    }
}

/* A segment from p to q: a rule when it runs along one axis. */
static void add_segment(fl_pdf_tables *t, fz_point p, fz_point q)
{
    if (fabsf(p.y - q.y) <= 0.5f) add_rule(t, true, (p.y + q.y) / 2, p.x, q.x);
    else if (fabsf(p.x - q.x) <= 0.5f) add_rule(t, false, (p.x + q.x) / 2, p.y, q.y);
}

/* A filled area: a rule when it is a thin rectangle (its box thin one way). */
static void add_filled(fl_pdf_tables *t, fz_rect r)
{
    float w = r.x1 - r.x0, h = r.y1 - r.y0;
    if (w <= THIN && h > THIN) add_rule(t, false, (r.x0 + r.x1) / 2, r.y0, r.y1);
    else if (h <= THIN && w > THIN) add_rule(t, true, (r.y0 + r.y1) / 2, r.x0, r.x1);
}

typedef struct walk {
    fl_pdf_tables *t;
    fz_matrix ctm;
    bool stroke;
    fz_point cur, start; /* in page space */
    fz_rect sub;         /* filled: the subpath's box */
    bool open, curved;   /* filled: a subpath is open; it has a curve */
} walk;

static void flush_sub(walk *w)
{
    if (!w->stroke && w->open && !w->curved) add_filled(w->t, w->sub);
    w->open = w->curved = false;
}

static void w_moveto(fz_context *ctx, void *arg, float x, float y)
{
    walk *w = arg;
    flush_sub(w);
    w->cur = w->start = fz_transform_point(fz_make_point(x, y), w->ctm);
    w->sub = fz_make_rect(w->cur.x, w->cur.y, w->cur.x, w->cur.y);
    w->open = true;
}

static void w_lineto(fz_context *ctx, void *arg, float x, float y)
{
    walk *w = arg;
    fz_point p = fz_transform_point(fz_make_point(x, y), w->ctm);
    if (w->stroke) add_segment(w->t, w->cur, p);
    else w->sub = fz_include_point_in_rect(w->sub, p);
    w->cur = p;
}

static void w_curveto(fz_context *ctx, void *arg, float x1, float y1, float x2, float y2, float x3, float y3)
{
    walk *w = arg;
    w->curved = true;
    w->cur = fz_transform_point(fz_make_point(x3, y3), w->ctm);
}

static void w_closepath(fz_context *ctx, void *arg)
{
    walk *w = arg;
    if (w->stroke) add_segment(w->t, w->cur, w->start);
    w->cur = w->start;
}

static void w_rectto(fz_context *ctx, void *arg, float x0, float y0, float x1, float y1)
{
    walk *w = arg;
    flush_sub(w);
    fz_point a = fz_transform_point(fz_make_point(x0, y0), w->ctm);
    fz_point b = fz_transform_point(fz_make_point(x1, y0), w->ctm);
    fz_point c = fz_transform_point(fz_make_point(x1, y1), w->ctm);
    fz_point d = fz_transform_point(fz_make_point(x0, y1), w->ctm);
    if (w->stroke) {
        add_segment(w->t, a, b);
        add_segment(w->t, b, c);
        add_segment(w->t, c, d);
        add_segment(w->t, d, a);
    } else {
        fz_rect r = fz_make_rect(a.x, a.y, a.x, a.y);
        r = fz_include_point_in_rect(r, b);
        r = fz_include_point_in_rect(r, c);
        r = fz_include_point_in_rect(r, d);
        add_filled(w->t, r);
    }
    w->cur = w->start = a;
}

static const fz_path_walker walker = {w_moveto, w_lineto, w_curveto, w_closepath, NULL, NULL, NULL, w_rectto};

typedef struct geom_dev {
    fz_device super;
    fl_pdf_tables *t;
} geom_dev;

static void path(fz_context *ctx, fl_pdf_tables *t, const fz_path *p, fz_matrix ctm, bool stroke)
{
    if (t->overflow) return;
    walk w = {.t = t, .ctm = ctm, .stroke = stroke};
    fz_walk_path(ctx, p, &walker, &w);
    flush_sub(&w);
}

static void g_fill_path(fz_context *ctx, fz_device *dev, const fz_path *p, int eo, fz_matrix m, fz_colorspace *cs,
                        const float *c, float a, fz_color_params cp)
{
    path(ctx, ((geom_dev *)dev)->t, p, m, false);
}

static void g_stroke_path(fz_context *ctx, fz_device *dev, const fz_path *p, const fz_stroke_state *st, fz_matrix m,
                          fz_colorspace *cs, const float *c, float a, fz_color_params cp)
{
    path(ctx, ((geom_dev *)dev)->t, p, m, true);
}

/* A picture: where it stands, and the hash of its compressed bytes (the
 * image is never decoded). A picture MuPDF holds decoded has no hash. */
static void g_fill_image(fz_context *ctx, fz_device *dev, fz_image *img, fz_matrix m, float a, fz_color_params cp)
{
    fl_pdf_tables *t = ((geom_dev *)dev)->t;
    if (t->nimgs >= MAX_IMAGES) return;
    pimage pi = {.box = fz_transform_rect(fz_unit_rect, m)};
    fz_compressed_buffer *cb = fz_compressed_image_buffer(ctx, img);
    if (cb && cb->buffer) {
        unsigned char *data;
        size_t n = fz_buffer_storage(ctx, cb->buffer, &data);
        pi.hash = fl_hash64(FL_HASH64_INIT, data, n);
        pi.size = n;
        pi.hashed = true;
    }
    FL_VEC_RESERVE(t->imgs, t->cap_imgs, t->nimgs + 1);
    t->imgs[t->nimgs++] = pi;
}

fz_device *fl_pdf_tables_device(fz_context *ctx, fl_pdf_tables *t)
{
    geom_dev *d = fz_new_derived_device(ctx, geom_dev);
    d->t = t;
    d->super.fill_path = g_fill_path;
    d->super.stroke_path = g_stroke_path;
    d->super.fill_image = g_fill_image;
    return &d->super;
}

/* ---- grids ------------------------------------------------------------------------- */

static int cmp_rule(const void *a, const void *b)
{
    const rule *x = a, *y = b;
    if (x->c != y->c) return x->c < y->c ? -1 : 1;
    return x->a0 < y->a0 ? -1 : x->a0 > y->a0;
}

static int cmp_a0(const void *a, const void *b)
{
    const rule *x = a, *y = b;
    return x->a0 < y->a0 ? -1 : x->a0 > y->a0;
}

/* Rules within a point of one height (or x) that touch or overlap are one;
 * returns the count, merged in place. */
static size_t merge_rules(rule *r, size_t n)
{
    if (!n) return 0; /* no rules: r may be NULL, which qsort must not be given */
    qsort(r, n, sizeof *r, cmp_rule);
    size_t out = 0;
    for (size_t i = 0, j; i < n; i = j) {
        for (j = i + 1; j < n && r[j].c - r[i].c <= 1.0f;) j++;
        qsort(r + i, j - i, sizeof *r, cmp_a0);
        float c = r[i].c;
        rule cur = r[i];
        for (size_t k = i + 1; k < j; k++) {
            if (r[k].a0 <= cur.a1 + 1.5f) {
                if (r[k].a1 > cur.a1) cur.a1 = r[k].a1;
            } else {
                cur.c = c;
                r[out++] = cur;
                cur = r[k];
            }
        }
        cur.c = c;
        r[out++] = cur;
    }
    return out;
}

static int uf_find(int *p, int x)
{
    while (p[x] != x) x = p[x] = p[p[x]];
    return x;
}

static void uf_union(int *p, int a, int b)
{
    a = uf_find(p, a), b = uf_find(p, b);
    if (a != b) p[a > b ? a : b] = a < b ? a : b;
}

static int cmp_float(const void *a, const void *b)
{
    float x = *(const float *)a, y = *(const float *)b;
    return x < y ? -1 : x > y;
}

/* Sorted values clustered within NEAR into their first; returns the count. */
static int cluster(float *v, int n)
{
    qsort(v, (size_t)n, sizeof *v, cmp_float);
    int k = 0;
    for (int i = 0; i < n; i++)
        if (!k || v[i] - v[k - 1] > NEAR) v[k++] = v[i];
    return k;
}

/* Is there a rule of g at c covering a? */
static bool ruled(const rule *g, const int *idx, int n, float c, float a)
{
    for (int i = 0; i < n; i++) {
        const rule *r = &g[idx[i]];
        if (fabsf(r->c - c) <= NEAR && r->a0 - NEAR <= a && a <= r->a1 + NEAR) return true;
    }
    return false;
}

/* The index of the band [v[i], v[i+1]) holding x, -1 outside. */
static int band(const float *v, int n, float x)
{
    if (x < v[0] || x > v[n]) return -1;
    int lo = 0, hi = n; /* v[lo] <= x < v[hi] */
    while (hi - lo > 1) {
        int mid = (lo + hi) / 2;
        if (v[mid] <= x) lo = mid;
        else hi = mid;
    }
    return lo;
}

/* One group of crossing rules into a table of the page, if it is a grid. */
static void make_grid(fl_pdf_tables *t, const int *hi, int nh, const int *vi, int nv)
{
    if (nh < 1 || nv < 1 || t->n >= MAX_TABLES) return;
    float *ys = fl_xmalloc((size_t)nh * sizeof *ys), *xs = fl_xmalloc(((size_t)nv + 2) * sizeof *xs);
    float h0 = 1e9f, h1 = -1e9f; /* how far the horizontal rules reach */
    for (int i = 0; i < nh; i++) {
        ys[i] = t->h[hi[i]].c;
        if (t->h[hi[i]].a0 < h0) h0 = t->h[hi[i]].a0;
        if (t->h[hi[i]].a1 > h1) h1 = t->h[hi[i]].a1;
    }
    for (int i = 0; i < nv; i++) xs[i] = t->v[vi[i]].c;
    /* a table open at its sides (no outer vertical rules, as many Chinese
     * reports draw theirs) ends where its horizontal rules end */
    int ny = cluster(ys, nh), nx = cluster(xs, nv);
    if (h0 < xs[0] - NEAR) xs[nx++] = h0;
    if (h1 > xs[nx - 1] + NEAR) xs[nx++] = h1;
    nx = cluster(xs, nx);
    int nr = ny - 1, nc = nx - 1;
    int *root = NULL, *area = NULL;
    if (nr < 1 || nc < 1 || (long)nr * nc > MAX_POSITIONS || xs[nc] - xs[0] < 20 || ys[nr] - ys[0] < 8) goto reject;
    /* a table is closed above and below by rules across its width: boxes
     * of a flow chart joined by arrows are not */
    float width = xs[nc] - xs[0];
    bool top = false, bottom = false;
    for (int i = 0; i < nh; i++) {
        const rule *h = &t->h[hi[i]];
        if (h->a1 - h->a0 < 0.9f * width) continue;
        top = top || fabsf(h->c - ys[0]) <= NEAR;
        bottom = bottom || fabsf(h->c - ys[nr]) <= NEAR;
    }
    if (!top || !bottom) goto reject;
    /* each position looks for its rules among the group's: counted work */
    size_t work = (size_t)nr * nc * (size_t)(nh + nv);
    if (t->pairs + work > MAX_PAIRS || t->n - t->page_first >= MAX_PAGE_TABLES) goto reject;
    t->pairs += work;
    root = fl_xmalloc((size_t)nr * nc * sizeof *root);
    for (int p = 0; p < nr * nc; p++) root[p] = p;
    for (int r = 0; r < nr; r++)
        for (int c = 0; c < nc; c++) {
            float ym = (ys[r] + ys[r + 1]) / 2, xm = (xs[c] + xs[c + 1]) / 2;
            if (c + 1 < nc && !ruled(t->v, vi, nv, xs[c + 1], ym)) uf_union(root, r * nc + c, r * nc + c + 1);
            if (r + 1 < nr && !ruled(t->h, hi, nh, ys[r + 1], xm)) uf_union(root, r * nc + c, (r + 1) * nc + c);
        }
    /* every cell a rectangle: its root is its top-left position and it
     * covers the whole box from there to its last row and column */
    int cells = 0;
    area = fl_xcalloc((size_t)nr * nc, sizeof *area);
    for (int p = 0; p < nr * nc; p++) {
        root[p] = uf_find(root, p);
        area[root[p]]++;
    }
    for (int p = 0; p < nr * nc; p++) {
        if (root[p] != p) {
            if (root[p] > p) goto reject;
            continue;
        }
        cells++;
        int r = p / nc, c = p % nc, cs = 1, rs = 1;
        while (c + cs < nc && root[r * nc + c + cs] == p) cs++;
        while (r + rs < nr && root[(r + rs) * nc + c] == p) rs++;
        if (area[p] != cs * rs) goto reject; /* as many positions as its box: each is in it */
        for (int rr = r; rr < r + rs; rr++)
            for (int cc = c; cc < c + cs; cc++)
                if (root[rr * nc + cc] != p) goto reject;
    }
    if (cells < 2) goto reject;
    free(area);
    FL_VEC_RESERVE(t->t, t->cap, t->n + 1);
    ptable *pt = &t->t[t->n++];
    memset(pt, 0, sizeof *pt);
    pt->page = t->page;
    pt->nr = nr, pt->nc = nc;
    pt->ys = ys, pt->xs = xs, pt->root = root;
    pt->box = fz_make_rect(xs[0], ys[0], xs[nc], ys[nr]);
    pt->text = (fl_buf)FL_BUF_INIT;
    return;
reject:
    free(ys);
    free(xs);
    free(root);
    free(area);
}

/* The grids the page's rules draw. */
static void ruled_grids(fl_pdf_tables *t, size_t nh, size_t nv)
{
    if (!nh || !nv || nh + nv > MAX_RULES || t->pairs + nh * nv > MAX_PAIRS) return;
    t->pairs += nh * nv;
    int n = (int)(nh + nv);
    int *p = fl_xmalloc((size_t)n * sizeof *p);
    for (int i = 0; i < n; i++) p[i] = i;
    for (size_t i = 0; i < nh; i++)
        for (size_t j = 0; j < nv; j++) {
            const rule *h = &t->h[i], *v = &t->v[j];
            if (v->c >= h->a0 - NEAR && v->c <= h->a1 + NEAR && h->c >= v->a0 - NEAR && h->c <= v->a1 + NEAR)
                uf_union(p, (int)i, (int)(nh + j));
        }
    /* each group's rules, by their root: counting sort */
    int *start = fl_xcalloc((size_t)n + 1, sizeof *start), *order = fl_xmalloc((size_t)n * sizeof *order);
    for (int i = 0; i < n; i++) start[uf_find(p, i) + 1]++;
    for (int i = 0; i < n; i++) start[i + 1] += start[i];
    int *fill = fl_xmalloc((size_t)n * sizeof *fill);
    memcpy(fill, start, (size_t)n * sizeof *fill);
    for (int i = 0; i < n; i++) order[fill[p[i]]++] = i;
    int *hs = fl_xmalloc((size_t)n * sizeof *hs), *vs = fl_xmalloc((size_t)n * sizeof *vs);
    for (int g = 0; g < n; g++) {
        int a = start[g], b = start[g + 1], k = 0, m = 0;
        if (b - a < 4) continue;
        for (int i = a; i < b; i++) {
            if (order[i] < (int)nh) hs[k++] = order[i];
            else vs[m++] = order[i] - (int)nh;
        }
        make_grid(t, hs, k, vs, m);
    }
    free(hs);
    free(vs);
    free(fill);
    free(order);
    free(start);
    free(p);
}

static void aligned_tables(fl_pdf_tables *t, const fz_stext_page *sp);

void fl_pdf_tables_page(fl_pdf_tables *t, const fz_stext_page *sp)
{
    if (t->overflow) return;
    size_t nh = t->nh = merge_rules(t->h, t->nh), nv = t->nv = merge_rules(t->v, t->nv);
    ruled_grids(t, nh, nv);
    if (sp && nh + nv <= MAX_RULES) aligned_tables(t, sp);
    /* the page's pictures into the cells they stand in */
    for (size_t i = 0; i < t->nimgs; i++) {
        const pimage *im = &t->imgs[i];
        float cx = (im->box.x0 + im->box.x1) / 2, cy = (im->box.y0 + im->box.y1) / 2;
        for (size_t k = t->page_first; k < t->n; k++) {
            ptable *pt = &t->t[k];
            int r = band(pt->ys, pt->nr, cy), c = band(pt->xs, pt->nc, cx);
            if (r < 0 || c < 0) continue;
            FL_VEC_RESERVE(pt->images, pt->cap_images, pt->nimages + 1);
            pt->images[pt->nimages++] = (cimage){pt->root[r * pt->nc + c], im->hash, im->size, im->hashed};
            break;
        }
    }
}

/* ---- text into cells ----------------------------------------------------------- */

static fz_point center(const fz_stext_char *c)
{
    return fz_make_point((c->quad.ul.x + c->quad.lr.x) / 2, (c->quad.ul.y + c->quad.lr.y) / 2);
}

static bool is_space(int c) { return c == ' ' || c == 0xA0 || c == 0x3000 || c == '\t'; }

/* The table of the page holding point p, -1 none. */
static long table_at(const fl_pdf_tables *t, fz_point p)
{
    for (size_t k = t->page_first; k < t->n; k++) {
        const fz_rect b = t->t[k].box;
        if (p.x > b.x0 && p.x < b.x1 && p.y > b.y0 && p.y < b.y1) return (long)k;
    }
    return -1;
}

/* ---- tables without rules (pdf_align.c) ------------------------------------------------ */

typedef struct align_ctx {
    fl_pdf_tables *t;
    fl_align_run *runs;
    size_t n, cap;
    fl_buf text;
    size_t *offs; /* each run's text in text (the buffer moves as it grows) */
    size_t cap_offs;
} align_ctx;

/* A table of no rules: a grid of its rows and columns, every position a cell. */
static void add_aligned(void *arg, int nr, int nc, float *ys, float *xs, float *xr)
{
    fl_pdf_tables *t = ((align_ctx *)arg)->t;
    if (t->n >= MAX_TABLES || t->n - t->page_first >= MAX_PAGE_TABLES || (long)nr * nc > MAX_POSITIONS) {
        free(ys), free(xs), free(xr);
        return;
    }
    int *root = fl_xmalloc((size_t)nr * nc * sizeof *root);
    for (int q = 0; q < nr * nc; q++) root[q] = q;
    FL_VEC_RESERVE(t->t, t->cap, t->n + 1);
    ptable *pt = &t->t[t->n++];
    memset(pt, 0, sizeof *pt);
    pt->page = t->page;
    pt->nr = nr, pt->nc = nc;
    pt->ys = ys, pt->xs = xs, pt->xr = xr, pt->root = root;
    pt->box = fz_make_rect(xs[0], ys[0], xs[nc], ys[nr]);
    pt->text = (fl_buf)FL_BUF_INIT;
}

/* Close run r at the text's end: white space off its ends; none left, no run. */
static void end_run(align_ctx *a, fl_align_run *r, size_t off)
{
    if (r->x1 < r->x0) return;
    FL_VEC_RESERVE(a->runs, a->cap, a->n + 1);
    FL_VEC_RESERVE(a->offs, a->cap_offs, a->n + 1);
    r->len = a->text.len - off;
    a->offs[a->n] = off;
    a->runs[a->n++] = *r;
}

/* The page's text lines outside its ruled grids as runs (pieces between
 * wide gaps), its rules and boxes, to pdf_align.c; the tables it finds
 * join the page's. */
static void aligned_tables(fl_pdf_tables *t, const fz_stext_page *sp)
{
    align_ctx a = {.t = t, .text = FL_BUF_INIT};
    size_t grids = t->n;
    for (const fz_stext_block *b = sp->first_block; b; b = b->next) {
        if (b->type != FZ_STEXT_BLOCK_TEXT) continue;
        for (const fz_stext_line *l = b->u.t.first_line; l; l = l->next) {
            bool in_grid = false;
            for (const fz_stext_char *c = l->first_char; c && !in_grid; c = c->next)
                in_grid = !is_space(c->c) && table_at(t, center(c)) >= 0;
            if (in_grid) continue;
            fl_align_run r = {.x0 = 1e9f, .x1 = -1e9f};
            fl_pdf_lead lead = {0};
            size_t off = a.text.len;
            const fz_stext_char *before = NULL;
            for (const fz_stext_char *c = l->first_char; c; c = c->next) {
                int ch = fl_pdf_char(c->c);
                if (ch < 0 || is_space(c->c)) continue;
                float size = before && before->size > c->size ? before->size : c->size;
                if (before && (c->quad.ul.x - before->quad.ur.x >= FL_ALIGN_GAP * size || c->quad.ul.x < before->quad.ul.x - size)) {
                    end_run(&a, &r, off);
                    r = (fl_align_run){.x0 = 1e9f, .x1 = -1e9f};
                    lead = (fl_pdf_lead){0};
                    off = a.text.len;
                }
                if (r.x1 < r.x0) r.base = c->origin.y, r.top = 1e9f, r.bot = -1e9f;
                else if (before && fl_pdf_gap(before, c, false)) fl_buf_addc(&a.text, ' ');
                fl_buf_addcp(&a.text, (uint32_t)ch);
                fl_pdf_lead_step(&lead, (uint32_t)c->c, false, c->quad.ul.x, c->quad.ur.x);
                r.lead = lead.w;
                r.x0 = fminf(r.x0, c->quad.ul.x), r.x1 = fmaxf(r.x1, c->quad.ur.x);
                /* a type size around the character's centre, where the
                 * cells take it: a fallback font's boxes run far above
                 * and below its glyphs (a Latin code in LibreOffice's
                 * print is three lines tall) */
                float cy = center(c).y;
                r.top = fminf(r.top, cy - 0.5f * c->size);
                r.bot = fmaxf(r.bot, cy + 0.5f * c->size);
                if (c->size > r.size) r.size = c->size;
                before = c;
            }
            end_run(&a, &r, off);
        }
    }
    for (size_t i = 0; i < a.n; i++) a.runs[i].text = a.text.data + a.offs[i];
    /* rules across, outside the grids; grids and vertical rules as boxes */
    float(*hr)[3] = fl_xmalloc((t->nh ? t->nh : 1) * sizeof *hr);
    float(*bx)[4] = fl_xmalloc((grids - t->page_first + t->nv + 1) * sizeof *bx);
    size_t nh = 0, nb = 0;
    for (size_t i = 0; i < t->nh; i++) {
        const rule *h = &t->h[i];
        if (table_at(t, fz_make_point((h->a0 + h->a1) / 2, h->c)) < 0) hr[nh][0] = h->c, hr[nh][1] = h->a0, hr[nh++][2] = h->a1;
    }
    for (size_t k = t->page_first; k < grids; k++) {
        fz_rect g = t->t[k].box;
        bx[nb][0] = g.x0, bx[nb][1] = g.y0, bx[nb][2] = g.x1, bx[nb++][3] = g.y1;
    }
    for (size_t i = 0; i < t->nv; i++) {
        const rule *v = &t->v[i];
        bx[nb][0] = v->c - 0.5f, bx[nb][1] = v->a0, bx[nb][2] = v->c + 0.5f, bx[nb++][3] = v->a1;
    }
    fl_align_page pg = {.hrules = (const float(*)[3])hr, .nh = nh, .boxes = (const float(*)[4])bx, .nboxes = nb};
    fl_align_tables(a.runs, a.n, &pg, add_aligned, &a);
    free(hr);
    free(bx);
    free(a.runs);
    free(a.offs);
    fl_buf_free(&a.text);
}

static void finish_cline(ptable *pt)
{
    if (!pt->nlines) return;
    cline *cl = &pt->lines[pt->nlines - 1];
    size_t s = cl->off, e = pt->text.len;
    while (s < e && pt->text.data[s] == ' ') s++;
    while (e > s && pt->text.data[e - 1] == ' ') e--;
    if (s == e) { pt->text.len = cl->off; pt->nlines--; return; }
    memmove(pt->text.data + cl->off, pt->text.data + s, e - s);
    pt->text.len = cl->off + (e - s);
    cl->len = e - s;
}

int fl_pdf_tables_line(fl_pdf_tables *t, const fz_stext_line *l, size_t index)
{
    if (t->page_first == t->n) return 0;
    long k = -1;
    bool out = false; /* a character outside, or in another table */
    for (const fz_stext_char *c = l->first_char; c; c = c->next) {
        if (is_space(c->c)) continue;
        long at = table_at(t, center(c));
        if (at >= 0 && k >= 0 && at != k) t->t[at].leaky = true;
        if (at < 0 || (k >= 0 && at != k)) out = true;
        else k = at;
    }
    if (k < 0) return 0;
    if (out) { /* text running in and out of a grid: no table a filing draws */
        t->t[k].leaky = true;
        return 0;
    }
    ptable *pt = &t->t[k];
    int pos = -1;
    cline *cl = NULL;
    fl_pdf_lead lead = {0};
    const fz_stext_char *before = NULL; /* the character before, no space */
    for (const fz_stext_char *c = l->first_char; c; c = c->next) {
        fz_point m = center(c);
        int r = band(pt->ys, pt->nr, m.y), col = band(pt->xs, pt->nc, m.x);
        int q = r >= 0 && col >= 0 ? pt->root[r * pt->nc + col] : pos;
        if (q < 0) continue;
        if (q != pos) {
            finish_cline(pt);
            FL_VEC_RESERVE(pt->lines, pt->cap_lines, pt->nlines + 1);
            cl = &pt->lines[pt->nlines++];
            *cl = (cline){.pos = q, .line = index, .off = pt->text.len, .x0 = 1e9f, .x1 = -1e9f};
            pos = q;
            lead = (fl_pdf_lead){0};
            before = NULL;
        }
        int ch = fl_pdf_char(c->c);
        if (ch < 0) continue;
        bool space = is_space(c->c);
        if (!space && before && fl_pdf_gap(before, c, false)) {
            fl_buf_addc(&pt->text, ' ');
            fl_pdf_lead_step(&lead, ' ', true, 0, 0);
        }
        fl_buf_addcp(&pt->text, (uint32_t)ch);
        fl_pdf_lead_step(&lead, (uint32_t)c->c, space, c->quad.ul.x, c->quad.ur.x);
        cl->lead_w = lead.w;
        before = space ? NULL : c;
        if (space) continue;
        if (c->size > cl->size) cl->size = c->size;
        if (cl->x0 > 1e8f) cl->base = c->origin.y;
        if (c->quad.ul.x < cl->x0) cl->x0 = c->quad.ul.x;
        if (c->quad.ur.x > cl->x1) cl->x1 = c->quad.ur.x;
    }
    finish_cline(pt);
    return (int)k + 1;
}

/* ---- writing a table ---------------------------------------------------------------- */

bool fl_pdf_tables_kept(const fl_pdf_tables *t, int k)
{
    return k >= 1 && (size_t)k <= t->n && !t->t[k - 1].leaky && t->t[k - 1].nlines;
}

void fl_pdf_tables_follow(fl_pdf_tables *t, int k, int after)
{
    if (!fl_pdf_tables_kept(t, k) || !fl_pdf_tables_kept(t, after) || k == after) return;
    ptable *b = &t->t[k - 1], *a = &t->t[after - 1];
    if (a->next || b->cont_of || a->page + 1 != b->page) return;
    const ptable *head = a;
    while (head->cont_of) head = &t->t[head->cont_of - 1];
    /* the same outer edges; the columns inside may differ (the staff rows
     * of the 编制人员 table have four cells under rows of two) */
    if (fabsf(head->xs[0] - b->xs[0]) > NEAR || fabsf(head->xs[head->nc] - b->xs[b->nc]) > NEAR) return;
    a->next = k;
    b->cont_of = after;
}

/* One page's part of a table as it is written. */
typedef struct part {
    ptable *pt;
    size_t *first;         /* the lines of cell p: by_cell[first[p], first[p + 1]) */
    const cline **by_cell;
    int *map;              /* column boundaries onto the table's (all parts' together) */
    int skip;              /* 1: its first row repeats the head's header row */
    bool merge;            /* its first row written goes on the last row of the part before */
    float pad;             /* how far in from its left rule a cell's line starts at least */
} part;

/* A line of a cell with the table it came from. */
typedef struct lref { const ptable *pt; const cline *l; } lref;

typedef struct para { size_t off, len; const lref *first; } para;

typedef struct cellpars {
    fl_buf text;
    para *v;
    size_t n, cap;
} cellpars;

/* The paragraphs of a cell from its lines (ls[0, n), in drawing order):
 * a line goes on the paragraph when the line above reached the cell's
 * right edge, less its padding, and it opens no numbered paragraph. */
static float lead_of(const cline *l) { return l->lead_w > 0.9f * l->size ? l->lead_w : 0.9f * l->size; }

/* Would line l have gone on line prev in a cell whose text ends at right:
 * prev reached the edge, l's first word would not have fitted after it? */
static bool wraps(const cline *prev, const cline *l, float right)
{
    float size = prev->size > l->size ? prev->size : l->size;
    return prev->x1 + lead_of(l) >= right - 0.3f * size;
}

static bool checkbox(uint32_t c) { return c == 0x25A1 || c == 0x2611 || c == 0x2610 || c == 0x2612 || c == 0x25A0; }

static bool latin_word_char(uint32_t c) { return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'); }

/* Does line b go on line a without a space: a Latin word or number longer
 * than the cell (a 28-digit 职业资格证书管理号) broken where the cell ends,
 * a has no space in it and ends and b starts with a letter or digit. */
static bool broken_word(const char *a, size_t an, const char *b, size_t bn)
{
    uint32_t x = last_cp(a, an), y = 0;
    fl_utf8_decode(b, bn, &y);
    return latin_word_char(x) && latin_word_char(y) && !memchr(a, ' ', an);
}

static void cell_paragraphs(const lref *ls, size_t n, float right, cellpars *out)
{
    fl_buf_clear(&out->text);
    out->n = 0;
    for (size_t i = 0; i < n; i++) {
        const cline *l = ls[i].l;
        const char *s = ls[i].pt->text.data + l->off;
        bool go_on = false;
        if (i && out->n) {
            const cline *prev = ls[i - 1].l;
            const char *ps = ls[i - 1].pt->text.data + prev->off;
            uint32_t c0 = 0, p0 = 0;
            fl_utf8_decode(s, l->len, &c0);
            fl_utf8_decode(ps, prev->len, &p0);
            /* the same line (MuPDF parts the characters of a line spread
             * out to both edges, 秀  发  改  备), or the next of a wrapped
             * one; options one a line (□新建 / ☑改建) are paragraphs of
             * their own */
            float size = prev->size > l->size ? prev->size : l->size;
            bool same_line = fabsf(l->base - prev->base) < 0.3f * size && l->x0 > prev->x1 - 0.3f * size;
            go_on = same_line || (wraps(prev, l, right) && !(checkbox(c0) && checkbox(p0)) &&
                                  !fl_pdf_opens_paragraph(ps, prev->len, s, l->len, false));
            if (go_on && !same_line && broken_word(ps, prev->len, s, l->len)) {
                fl_buf_add(&out->text, s, l->len);
                out->v[out->n - 1].len = out->text.len - out->v[out->n - 1].off;
            } else if (go_on) {
                fl_pdf_join(&out->text, s, l->len);
                out->v[out->n - 1].len = out->text.len - out->v[out->n - 1].off;
            }
        }
        if (!go_on) {
            FL_VEC_RESERVE(out->v, out->cap, out->n + 1);
            out->v[out->n++] = (para){out->text.len, l->len, &ls[i]};
            fl_buf_add(&out->text, s, l->len);
        }
    }
}

/* The table's padding: how far in from its left rule a cell's line starts at least. */
static float padding(const ptable *pt)
{
    float pad = 8.0f;
    for (size_t i = 0; i < pt->nlines; i++) {
        float in = pt->lines[i].x0 - pt->xs[pt->lines[i].pos % pt->nc];
        if (in >= 0 && in < pad) pad = in;
    }
    return pad;
}

/* The index in u (n + 1 sorted boundaries, NEAR apart) of x. */
static int nearest(const float *u, int n, float x)
{
    int lo = 0, hi = n; /* the last at or left of x + NEAR */
    while (hi > lo) {
        int mid = (lo + hi + 1) / 2;
        if (u[mid] <= x + NEAR) lo = mid;
        else hi = mid - 1;
    }
    return lo;
}

static void part_open(part *p, ptable *pt, const float *u, int nu)
{
    int npos = pt->nr * pt->nc;
    p->pt = pt;
    p->map = fl_xmalloc((size_t)(pt->nc + 1) * sizeof *p->map);
    for (int i = 0; i <= pt->nc; i++) p->map[i] = nearest(u, nu, pt->xs[i]);
    /* the lines of each cell, in drawing order: counting sort by cell */
    p->first = fl_xcalloc((size_t)npos + 1, sizeof *p->first);
    p->by_cell = fl_xmalloc((pt->nlines ? pt->nlines : 1) * sizeof *p->by_cell);
    for (size_t i = 0; i < pt->nlines; i++) p->first[pt->lines[i].pos + 1]++;
    for (int q = 0; q < npos; q++) p->first[q + 1] += p->first[q];
    size_t *fill = fl_xmalloc(((size_t)npos + 1) * sizeof *fill);
    memcpy(fill, p->first, ((size_t)npos + 1) * sizeof *fill);
    for (size_t i = 0; i < pt->nlines; i++) p->by_cell[fill[pt->lines[i].pos]++] = &pt->lines[i];
    free(fill);
    p->pad = padding(pt);
}

static void part_close(part *p)
{
    free(p->map);
    free(p->first);
    free(p->by_cell);
}

/* Where the text of a cell ending before column boundary c ends when it
 * wraps: the rule less the table's padding, or in a table of no rules how
 * far its column's text reaches. */
static float cell_right(const part *p, int c)
{
    return p->pt->xr ? p->pt->xr[c - 1] : p->pt->xs[c] - p->pad;
}

static bool cell_empty(const part *p, int pos) { return p->first[pos] == p->first[pos + 1]; }

static uint64_t row_hash(const part *p, int r)
{
    const ptable *pt = p->pt;
    uint64_t h = FL_HASH64_INIT;
    for (int c = 0; c < pt->nc; c++) {
        int q = r * pt->nc + c;
        if (pt->root[q] != q) continue;
        for (size_t i = p->first[q]; i < p->first[q + 1]; i++)
            h = fl_hash64(h, pt->text.data + p->by_cell[i]->off, p->by_cell[i]->len);
        h = fl_hash64(h, "\x1f", 1);
    }
    return h;
}

/* Did row r of a break over the page into row s of b: the same cells (by
 * the head's columns), some text in b's row, and each cell of it with
 * text goes on a cell of a's row whose last line is full? A row that
 * starts on the new page (a new row with an empty first cell, the rest
 * of a cell merged down) has lines that did not wrap. */
static bool broken_row(const part *a, int r, const part *b, int s)
{
    int i = 0, j = 0;
    bool text = false;
    const ptable *x = a->pt, *y = b->pt;
    for (;;) {
        while (i < x->nc && x->root[r * x->nc + i] != r * x->nc + i) i++;
        while (j < y->nc && y->root[s * y->nc + j] != s * y->nc + j) j++;
        if (i == x->nc || j == y->nc) return text && i == x->nc && j == y->nc;
        int ci = 1, cj = 1;
        while (i + ci < x->nc && x->root[r * x->nc + i + ci] == r * x->nc + i) ci++;
        while (j + cj < y->nc && y->root[s * y->nc + j + cj] == s * y->nc + j) cj++;
        if (a->map[i] != b->map[j] || a->map[i + ci] != b->map[j + cj]) return false;
        int p = r * x->nc + i, q = s * y->nc + j;
        if (!cell_empty(b, q)) {
            if (cell_empty(a, p) || !wraps(a->by_cell[a->first[p + 1] - 1], b->by_cell[b->first[q]], cell_right(a, i + ci)))
                return false;
            text = true;
        }
        i += ci, j += cj;
    }
}

/* The cell at (r, c) of part p as blocks, its lines and those of the
 * cell of part n's first row it goes on with (n NULL: none). */
static void write_cell(fl_doc *doc, int id, int row, const part *p, int r, int c, const part *n, int nq, bool header,
                       fl_pdf_vline_fn vline, const void *arg, cellpars *cp, lref **refs, size_t *cap_refs,
                       unsigned *last_vline)
{
    const ptable *pt = p->pt;
    int q = r * pt->nc + c, cs = 1, rs = 1;
    while (c + cs < pt->nc && pt->root[r * pt->nc + c + cs] == q) cs++;
    while (r + rs < pt->nr && pt->root[(r + rs) * pt->nc + c] == q) rs++;
    size_t nl = 0, need = p->first[q + 1] - p->first[q] + (n ? n->first[nq + 1] - n->first[nq] : 0);
    FL_VEC_RESERVE(*refs, *cap_refs, need + 1);
    for (size_t i = p->first[q]; i < p->first[q + 1]; i++) (*refs)[nl++] = (lref){pt, p->by_cell[i]};
    if (n)
        for (size_t i = n->first[nq]; i < n->first[nq + 1]; i++) (*refs)[nl++] = (lref){n->pt, n->by_cell[i]};
    cell_paragraphs(*refs, nl, cell_right(p, c + cs), cp);
    size_t npar = cp->n ? cp->n : 1;
    for (size_t i = 0; i < npar; i++) {
        const char *s = cp->n ? cp->text.data + cp->v[i].off : "";
        size_t len = cp->n ? cp->v[i].len : 0;
        char num[48];
        size_t was = len ? fl_pdf_legal_number(s, len, num, sizeof num) : 0;
        fl_block *b;
        if (was) {
            fl_buf t = FL_BUF_INIT;
            fl_buf_adds(&t, num);
            fl_buf_add(&t, s + was, len - was);
            b = fl_doc_add_block(doc, FL_PART_BODY, FL_BLOCK_CELL, t.data, t.len);
            fl_buf_free(&t);
        } else {
            b = fl_doc_add_block(doc, FL_PART_BODY, FL_BLOCK_CELL, s, len);
        }
        int page = pt->page;
        float px = pt->xs[c], py = pt->ys[r]; /* an empty cell: its top-left corner */
        if (cp->n) {
            const cline *l = cp->v[i].first->l;
            *last_vline = vline(arg, l->line);
            page = cp->v[i].first->pt->page;
            px = l->x0, py = l->base - l->size;
        }
        fl_block_set_page(doc, b, (unsigned)page + 1, *last_vline);
        /* where an annotated copy's note for the cell goes (annotate_pdf.c) */
        fl_block_set_page_pos(doc, b, px, py > 0 ? py : 0);
        b->table = id;
        if (header) b->flags |= FL_BF_HEADER_ROW;
        fl_block_extra *x = fl_block_xw(doc, b);
        x->row = row;
        x->col = p->map[c] + 1;
        x->col_span = p->map[c + cs] - p->map[c];
        if (i) continue;
        x->row_span = rs;
        /* the cell's pictures, of both pages (a cell holds few: a scan is fine) */
        for (int side = 0; side < 2; side++) {
            const ptable *from = side ? (n ? n->pt : NULL) : pt;
            int at = side ? nq : q;
            for (size_t k = 0; from && k < from->nimages; k++) {
                if (from->images[k].pos != at) continue;
                x->images++;
                if (!from->images[k].hashed) continue;
                char name[40];
                snprintf(name, sizeof name, "page %d picture", from->page + 1);
                fl_doc_image_add_hashed(doc, b, name, from->images[k].hash, from->images[k].size);
                x = fl_block_xw(doc, b);
            }
        }
    }
}

void fl_pdf_tables_emit(fl_pdf_tables *t, fl_doc *doc, int k, fl_pdf_vline_fn vline, const void *arg)
{
    if (!fl_pdf_tables_kept(t, k) || t->t[k - 1].emitted || t->t[k - 1].cont_of) return;
    size_t np = 0;
    for (int j = k; j; j = t->t[j - 1].next) np++;
    part *ps = fl_xcalloc(np, sizeof *ps);
    ptable *head = &t->t[k - 1];
    /* the table's columns: every part's boundaries (as a Word table's grid) */
    size_t nu = 0;
    for (int j = k; j; j = t->t[j - 1].next) nu += (size_t)t->t[j - 1].nc + 1;
    float *u = fl_xmalloc(nu * sizeof *u);
    nu = 0;
    for (int j = k; j; j = t->t[j - 1].next)
        for (int c = 0; c <= t->t[j - 1].nc; c++) u[nu++] = t->t[j - 1].xs[c];
    int ncols = cluster(u, (int)nu) - 1;
    size_t i = 0;
    for (int j = k; j; j = t->t[j - 1].next) {
        t->t[j - 1].emitted = true;
        part_open(&ps[i++], &t->t[j - 1], u, ncols);
    }
    free(u);
    /* a part's first row repeating the head's first: the header row; a
     * part's first row going on the lines of the last row before: the row
     * that broke over the page (Word and LibreOffice let a row break by
     * default) */
    bool header = false;
    uint64_t h0 = row_hash(&ps[0], 0);
    for (i = 1; i < np; i++) {
        part *p = &ps[i], *b = &ps[i - 1];
        if (p->pt->nr > 1 && head->nr > 1 && !cell_empty(p, 0) && row_hash(p, 0) == h0) p->skip = 1, header = true;
        int r = p->skip, last = b->pt->nr - 1;
        if (r < p->pt->nr && last >= b->skip + (b->merge ? 1 : 0) && broken_row(b, last, p, r)) p->merge = true;
    }
    int id = fl_doc_new_table(doc), row = 0;
    cellpars cp = {.text = FL_BUF_INIT};
    lref *refs = NULL;
    size_t cap_refs = 0;
    unsigned last_vline = head->nlines ? vline(arg, head->lines[0].line) : 0;
    for (i = 0; i < np; i++) {
        const part *p = &ps[i], *n = i + 1 < np && ps[i + 1].merge ? &ps[i + 1] : NULL;
        const ptable *pt = p->pt;
        for (int r = p->skip + (p->merge ? 1 : 0); r < pt->nr; r++) {
            row++;
            /* the cells of the next part's first row, in order, beside this last row's */
            int nc = n && r == pt->nr - 1 ? 0 : -1, nr0 = n ? n->skip : 0;
            for (int c = 0; c < pt->nc; c++) {
                int q = r * pt->nc + c;
                if (pt->root[q] != q) continue;
                int nq = -1;
                if (nc >= 0) {
                    while (nc < n->pt->nc && n->pt->root[nr0 * n->pt->nc + nc] != nr0 * n->pt->nc + nc) nc++;
                    nq = nr0 * n->pt->nc + nc++;
                }
                write_cell(doc, id, row, p, r, c, nq >= 0 ? n : NULL, nq, header && i == 0 && r == 0, vline, arg,
                           &cp, &refs, &cap_refs, &last_vline);
            }
        }
    }
    fl_buf_free(&cp.text);
    free(cp.v);
    free(refs);
    for (i = 0; i < np; i++) part_close(&ps[i]);
    free(ps);
}
