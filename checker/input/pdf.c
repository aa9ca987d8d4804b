/* PDF filings with a text layer, read through MuPDF (docs/pdf.md says why
 * MuPDF and what its licence means for a binary built with it).
 *
 * What a published 报告表 or 报告书 PDF is: Word's or WPS's export, pages of
 * a cover, a typed 目录 with leader dots, numbered chapters, a running
 * header (the project's name and 环境影响报告表, or the chapter's title)
 * and a page number at the foot ("第 3 页", "- 3 -", "3"). MuPDF gives each
 * page as blocks of lines in the order the producer drew them, which for
 * Word's and LibreOffice's export is reading order, table cells one after
 * another. From those lines this reader makes what the text reader makes
 * of a text file, a paragraph per block, and leaves headings, contents
 * entries, fields and the document type to the model (model/sections.c
 * reads typed numbering and leader-dot contents lines from the text):
 *
 *   - Lines are joined into a paragraph when the line above ran to the
 *     right edge of its block (it wrapped), the next is not indented (the
 *     首行缩进 of a new paragraph) and follows at a line's distance; a
 *     paragraph that wraps onto the next page is joined the same way. CJK
 *     text is joined without a space, Latin words with one, a line ending
 *     in '-' (GB 3095-\n2012) without one. A contents line (leader dots,
 *     then a page number) is never joined to the next.
 *   - Running headers and footers are dropped from the body: a line in the
 *     top or bottom band of the page whose text, digits aside, stands at
 *     the same height on two pages or more, and a page number alone in
 *     those bands on any page. Each distinct header and footer text is
 *     kept once as a header or footer block, as a DOCX has one header part.
 *   - Each block records its page and the line of that page it starts at
 *     (fl_block_set_page), which dump and the reports show.
 *   - Tables drawn with ruling lines are cells (input/pdf_table.c): the
 *     page's paths and pictures go to its device too, its lines are offered
 *     to the tables first, and a table is written where its first line was
 *     drawn, going on over a page break with the table of the next page.
 *
 * Bad PDFs fail the one file: a password that is needed to open it
 * (encrypted), a file MuPDF cannot open (damaged), no text on any page (a
 * scan: OCR is not done), more than PDF_MAX_PAGES pages, more text than the
 * input limit, more memory than PDF_MAX_MEMORY (MuPDF allocates through a
 * counting allocator, so a decompression bomb fails instead of growing).
 * Pages without text in a PDF that has some (scanned annexes after the
 * report) are named in a reading note. Nothing here waits on time: the
 * work is counted instead (PDF_PAGE_CONTENT, PDF_PAGE_TOKENS and their
 * documents' sums, PDF_PAGE_CALLS, PDF_DEVICE_CALLS). */
#include "input/formats.h"
#include "input/pdf.h"
#include "input/pdf_table.h"
#include "input/symbolfont.h"
#include "core/arena.h"
#include "core/buf.h"
#include "core/heading.h"
#include "core/limits.h"
#include "core/utf8.h"
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <mupdf/fitz.h>
#include <mupdf/pdf.h>
#ifdef FL_HAVE_OCR
#include "input/pdf_ocr.h"
#endif

#define PDF_MAX_PAGES 5000
/* MuPDF's own memory at any time: objects, streams being inflated, fonts. */
#define PDF_MAX_MEMORY ((size_t)1024 * 1024 * 1024)
/* Its cache of decoded resources (fonts, images); a text pass needs little. */
#define PDF_STORE ((size_t)64 * 1024 * 1024)
/* The work a document may cost, counted instead of timed: a content stream
 * of a page inflated (a flate stream of drawing operators inflates a
 * thousand times: 1 MB of file, 1 GB of operators to interpret), all pages'
 * together, and the drawing calls the interpreter makes (a form drawn a
 * million times costs a million calls whatever its size). A filing's page
 * holds tens of KB of content, a few thousand tokens (numbers, names,
 * strings, operators: 18,000 on a page ruled into a 1,500-line grid) and a
 * few hundred drawing calls; the page limits are hundreds of times that,
 * and a page past one is skipped with a note (the file fails when no page
 * is left), the document's sums fail the file. Past the page's tokens its
 * interpretation would cost some 0.4 s of CPU, past its calls some 0.5 s
 * (a form drawing forms). */
#define PDF_PAGE_CONTENT ((size_t)64 * 1024 * 1024)
#define PDF_DOC_CONTENT ((size_t)512 * 1024 * 1024)
#define PDF_PAGE_TOKENS ((size_t)8 * 1000 * 1000)
#define PDF_DOC_TOKENS ((size_t)100 * 1000 * 1000)
#define PDF_DEVICE_CALLS ((size_t)50 * 1000 * 1000)
#define PDF_PAGE_CALLS ((size_t)1000 * 1000)

/* ---- memory: a counting allocator ------------------------------------------ */

typedef struct memcap {
    size_t used;
    bool hit; /* an allocation was refused */
} memcap;

/* Each allocation carries its size in a 16-byte header (malloc's alignment). */
#define HDR 16

static void *cap_malloc(void *user, size_t n)
{
    memcap *m = user;
    if (n > PDF_MAX_MEMORY - m->used) { m->hit = true; return NULL; }
    unsigned char *p = malloc(n + HDR);
    if (!p) return NULL;
    memcpy(p, &n, sizeof n);
    m->used += n;
    return p + HDR;
}

static void cap_free(void *user, void *ptr)
{
    if (!ptr) return;
    memcap *m = user;
    unsigned char *p = (unsigned char *)ptr - HDR;
    size_t n;
    memcpy(&n, p, sizeof n);
    m->used -= n;
    free(p);
}

static void *cap_realloc(void *user, void *ptr, size_t n)
{
    if (!ptr) return cap_malloc(user, n);
    if (!n) { cap_free(user, ptr); return NULL; }
    memcap *m = user;
    unsigned char *p = (unsigned char *)ptr - HDR;
    size_t old;
    memcpy(&old, p, sizeof old);
    if (n > old && n - old > PDF_MAX_MEMORY - m->used) { m->hit = true; return NULL; }
    unsigned char *q = realloc(p, n + HDR);
    if (!q) return NULL;
    memcpy(q, &n, sizeof n);
    m->used = m->used - old + n;
    return q + HDR;
}

/* MuPDF reports what it repairs and skips on stderr by default; a batch
 * run shows one line per file, so its messages are counted, not shown. */
static void quiet(void *user, const char *message)
{
    (void)message;
    (*(size_t *)user)++;
}

/* ---- the lines of the pages --------------------------------------------------- */

typedef struct pline {
    size_t off;        /* text in reader.text */
    uint32_t len;
    uint32_t vline;    /* 1-based line of the page, lines at one height counted once */
    int page;          /* 0-based */
    float x0, x1;      /* left and right edge */
    float base, size;  /* baseline from the top of the page, font size */
    float gap_x;       /* where its first space starts, -1 none */
    float lead_w;      /* width of the first thing a line break cannot split: a
                          CJK character, or a Latin word or number */
    float height;      /* the page's height */
    int table;         /* 1-based table (input/pdf_table.h) whose cells took it, 0 none */
    bool drop;         /* a running header or footer, a page number */
    bool band_top;     /* in the top band (else bottom, when drop) */
    uint8_t ocr;       /* read by OCR: 1 + its confidence (0-100); 0 from the text layer */
} pline;

/* Lines of a page that start at one left edge (a text column, a table
 * column) and the right edge of the longest of them: where a line must
 * reach to have wrapped onto the next line at that edge. */
typedef struct edge {
    float x0, right;
} edge;

typedef struct reader {
    fl_doc *doc;
    fl_buf text;       /* every line's text, one after another */
    pline *lines;
    size_t nlines, cap_lines;
    edge *edges;       /* the left edges lines start at, by x */
    size_t nedges, cap_edges;
    size_t chars, replaced; /* characters read, U+FFFD among them */
    int *empty;        /* 1-based numbers of the pages without text */
    size_t nempty, cap_empty;
    int bad_pages;
    size_t content, tokens, calls; /* the work done: content inflated, its tokens, drawing calls */
    char bad_msg[160];
    float *bases;      /* one page's baselines, sorted, for the line numbers */
    size_t cap_bases;
    float image;       /* the page's largest picture, in square points */
#ifdef FL_HAVE_OCR
    fl_ocr *ocr;       /* scanned pages (pdf_ocr.c) */
    int ocr_pages, ocr_over; /* pages read by OCR, scanned pages past the cap */
    long ocr_conf;     /* their lines' confidences, summed */
    long ocr_lines;
    char ocr_fail[240]; /* why OCR could not run */
#endif
    fl_pdf_tables *tabs; /* the tables the pages' rules draw */
    bool ocr_text;       /* collecting OCR's text: its spaces are written, no gap is one */
} reader;

/* Characters kept in the text: control characters are dropped (a PDF's
 * text may hold any code), a no-break space is a space. */
static void add_char(reader *r, int c)
{
    c = fl_pdf_char(c);
    if (c < 0) return;
    if (c == 0xFFFD) r->replaced++;
    if (c != ' ') r->chars++;
    fl_buf_addcp(&r->text, (uint32_t)c);
}

static int cmp_float(const void *a, const void *b)
{
    float x = *(const float *)a, y = *(const float *)b;
    return x < y ? -1 : x > y;
}

/* Number the page's lines from the top: lines whose baselines are within
 * a couple of points of the first of them (cells of one table row, a
 * superscript) are one line. */
static void number_lines(reader *r, size_t first)
{
    size_t n = r->nlines - first, k = 0;
    if (!n) return;
    FL_VEC_RESERVE(r->bases, r->cap_bases, n);
    for (size_t i = 0; i < n; i++) r->bases[i] = r->lines[first + i].base;
    qsort(r->bases, n, sizeof *r->bases, cmp_float);
    for (size_t i = 0; i < n; i++) /* keep the first baseline of each line */
        if (!k || r->bases[i] - r->bases[k - 1] > 2.0f) r->bases[k++] = r->bases[i];
    for (size_t i = first; i < r->nlines; i++) {
        size_t lo = 0, hi = k; /* the last first-baseline at or above this one */
        while (hi - lo > 1) {
            size_t mid = (lo + hi) / 2;
            if (r->bases[mid] <= r->lines[i].base) lo = mid;
            else hi = mid;
        }
        r->lines[i].vline = (uint32_t)lo + 1;
    }
}

static int cmp_x0(const void *a, const void *b)
{
    float x = ((const pline *const *)a)[0]->x0, y = ((const pline *const *)b)[0]->x0;
    return x < y ? -1 : x > y;
}

static int cmp_x1_desc(const void *a, const void *b)
{
    float x = ((const pline *const *)a)[0]->x1, y = ((const pline *const *)b)[0]->x1;
    return x > y ? -1 : x < y;
}

/* The right edge of a group of lines starting at one left edge: the
 * furthest right that three of them or more end at, within a character of
 * each other (CJK lines end a character short where the next would not fit
 * or punctuation is compressed, or hang a comma past the others). Fewer lines reaching further are no edge:
 * a caption, a line of a wider table.
 *
 * The first column of a table has two such clusters: lines ending at the
 * column's edge (a label wrapped in its cell) and lines running on past it
 * with a space where the column ends (a label and its value that MuPDF
 * gave as one line: 统一社会信用代码 and the code). Such a group has no
 * edge, no line of it is taken as full: a row joined to the next is worse
 * than a label left in two lines. The body's column has clusters of short
 * last lines and headings too, but its full lines have no space at one
 * place. */
static float right_edge(const pline **g, size_t n)
{
    qsort(g, n, sizeof *g, cmp_x1_desc);
    size_t a = 0, b = 0; /* the furthest cluster: g[a, b) */
    for (size_t i = 0, j; i < n; i = j) {
        for (j = i + 1; j < n && g[i]->x1 - g[j]->x1 <= 1.2f * g[i]->size;) j++;
        if (j - i < 3) continue;
        if (b == 0) {
            a = i, b = j;
            continue;
        }
        /* a cluster nearer the left: do the far lines break where it ends? */
        float col = g[i]->x1, size = g[i]->size;
        size_t at_col = 0;
        for (size_t k = a; k < b; k++) at_col += g[k]->gap_x >= col - 1.5f * size && g[k]->gap_x <= col + 1.5f * size;
        if (2 * at_col >= b - a) return -1e9f;
    }
    /* where three lines reach: one line hanging a punctuation mark past the
     * others does not move the edge */
    return b ? g[a + 2]->x1 : -1e9f; /* -1e9: no edge, no line of the group is full */
}

/* The document's left edges: lines starting within a point of the
 * leftmost of a group share its edge. The pages of a filing share their
 * margins and table columns, so the lines of all pages decide together. */
static void left_edges(reader *r)
{
    size_t n = r->nlines;
    if (!n) return;
    const pline **by_x = fl_xmalloc(n * sizeof *by_x);
    size_t m = 0;
    for (size_t i = 0; i < n; i++) /* a table's lines are its cells', not the paragraphs' */
        if (!r->lines[i].table) by_x[m++] = &r->lines[i];
    n = m;
    qsort(by_x, n, sizeof *by_x, cmp_x0);
    for (size_t i = 0, j; i < n; i = j) {
        for (j = i + 1; j < n && by_x[j]->x0 - by_x[i]->x0 <= 1.0f;) j++;
        FL_VEC_RESERVE(r->edges, r->cap_edges, r->nedges + 1);
        float x0 = by_x[i]->x0;
        r->edges[r->nedges++] = (edge){x0, right_edge(by_x + i, j - i)};
    }
    free(by_x);
}

/* The edge a line starting at x0 starts at, NULL none. */
static const edge *edge_at(const reader *r, float x0)
{
    size_t lo = 0, hi = r->nedges; /* the last edge at or left of x0 */
    while (hi - lo > 1) {
        size_t mid = (lo + hi) / 2;
        if (r->edges[mid].x0 <= x0) lo = mid;
        else hi = mid;
    }
    if (!r->nedges || r->edges[lo].x0 > x0 || x0 - r->edges[lo].x0 > 1.0f) return NULL;
    return &r->edges[lo];
}

/* The lines of one page's structured text, appended to r->lines. */
static void collect(reader *r, const fz_stext_page *sp, int page, fz_rect box)
{
    size_t first = r->nlines, chars_before = r->chars;
    float height = box.y1 - box.y0;
    for (const fz_stext_block *b = sp->first_block; b; b = b->next) {
        if (b->type != FZ_STEXT_BLOCK_TEXT) continue;
        for (const fz_stext_line *l = b->u.t.first_line; l; l = l->next) {
            int table = fl_pdf_tables_line(r->tabs, l, r->nlines);
            size_t off = r->text.len;
            float size = 0;
            fl_pdf_lead lead = {0};
            float gap_x = -1;
            const fz_stext_char *before = NULL; /* the character before, no space */
            for (const fz_stext_char *c = l->first_char; c; c = c->next) {
                bool space = c->c == ' ' || c->c == 0xA0 || c->c == 0x3000;
                if (!space && before && !r->ocr_text && fl_pdf_gap(before, c, true)) { /* a gap taken for a space */
                    add_char(r, ' ');
                    if (lead.state && gap_x < 0) gap_x = before->quad.ur.x;
                    fl_pdf_lead_step(&lead, ' ', true, 0, 0);
                }
                add_char(r, c->c);
                if (c->size > size) size = c->size;
                if (space && lead.state && gap_x < 0) gap_x = c->quad.ul.x;
                fl_pdf_lead_step(&lead, (uint32_t)c->c, space, c->quad.ul.x, c->quad.ur.x);
                before = space ? NULL : c;
            }
            /* white space off both ends; a line of nothing else is none */
            size_t s = off, e = r->text.len;
            while (s < e && r->text.data[s] == ' ') s++;
            while (e > s && r->text.data[e - 1] == ' ') e--;
            if (s == e) { r->text.len = off; continue; }
            memmove(r->text.data + off, r->text.data + s, e - s);
            r->text.len = off + (e - s);
            FL_VEC_RESERVE(r->lines, r->cap_lines, r->nlines + 1);
            r->lines[r->nlines++] = (pline){
                .off = off, .len = (uint32_t)(e - s), .page = page,
                .x0 = l->bbox.x0, .x1 = l->bbox.x1,
                .base = l->first_char->origin.y - box.y0, .size = size > 0 ? size : 1,
                .lead_w = lead.w, .gap_x = gap_x,
                .height = height, .table = table,
            };
        }
    }
    if (r->chars == chars_before) {
        FL_VEC_RESERVE(r->empty, r->cap_empty, r->nempty + 1);
        r->empty[r->nempty++] = page + 1;
    }
    number_lines(r, first);
}

/* ---- running headers, footers and page numbers ----------------------------------- */

/* The bands a running header and footer stand in, as a share of the page's
 * height from its top and its bottom. Word's header sits 1.5 cm from the
 * top edge with the body from 2.54 cm: on A4 a header's baseline is near
 * 7 % of the height and the first body line's near 10 %; a footer's near
 * 94 % and the last body line's near 91 %. */
#define TOP_BAND 0.09f
#define BOTTOM_BAND 0.92f

static bool in_top(const pline *l) { return l->base <= TOP_BAND * l->height; }
static bool in_bottom(const pline *l) { return l->base >= BOTTOM_BAND * l->height; }

static bool is_digit(uint32_t c) { return (c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19); }
static bool is_roman(uint32_t c)
{
    return (c >= 0x2160 && c <= 0x217F) || (c < 0x80 && strchr("ivxlIVXL", (int)c) && c);
}

/* A page number alone as footers write it: 3, - 3 -, — 3 —, iii, Ⅱ, 第 3 页,
 * 第3页 共20页, 第 3 页/共 20 页, 共20页 第3页, 3 / 20, Page 3 of 20. */
static bool page_number_line(const char *s, size_t n)
{
    uint32_t cp[48];
    size_t m = 0;
    for (size_t i = 0; i < n;) {
        uint32_t c;
        i += fl_utf8_decode(s + i, n - i, &c);
        if (c == ' ' || c == 0x3000) continue;
        if (m == 48) return false;
        cp[m++] = c >= 'A' && c <= 'Z' && c != 'I' && c != 'V' && c != 'X' && c != 'L' ? c + 32 : c;
    }
    size_t i = 0, a = 0, b = m;
    if (!m) return false;
    /* - 3 -, — 3 —: one dash each side, or none */
    if (m >= 3 && fl_pdf_is_dash(cp[0]) && fl_pdf_is_dash(cp[m - 1])) a = 1, b = m - 1;
    bool digits = a < b, roman = a < b;
    for (size_t k = a; k < b; k++) {
        digits = digits && is_digit(cp[k]) && b - a <= 4;
        roman = roman && is_roman(cp[k]) && b - a <= 6;
    }
    if (digits || roman) return true;
    if (m >= 4 && cp[0] == 'p' && cp[1] == 'a' && cp[2] == 'g' && cp[3] == 'e') i = 4; /* Page 3 (of 20) */
    /* 第 N 页 / 共 N 页 pairs, N/N, N of N: at most two numbers, nothing else */
    int numbers = 0;
    while (i < m) {
        uint32_t c = cp[i];
        if (is_digit(c)) {
            if (++numbers > 2) return false;
            size_t d = 0;
            while (i < m && is_digit(cp[i])) i++, d++;
            if (d > 5) return false;
            continue;
        }
        if (c == 0x7B2C || c == 0x9875 || c == 0x5171 || c == '/' || c == 0xFF0F || c == ',' || c == 0xFF0C ||
            c == 0x3001 || c == 0xFF1B || c == ';') { /* 第 页 共 / ， 、 ； */
            i++;
            continue;
        }
        if (i + 1 < m && c == 'o' && cp[i + 1] == 'f') { i += 2; continue; }
        return false;
    }
    return numbers >= 1;
}

/* FNV-1a of the line's text without digits and spaces, so that "第 3 页
 * XX公司" and "第 12 页 XX公司" are one running footer. */
static uint64_t shape_key(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if ((c >= '0' && c <= '9') || c == ' ') continue;
        h = (h ^ c) * 1099511628211ull;
    }
    return h;
}

typedef struct slot { uint64_t key; int pages; int last_page; } slot;

/* The key of a line that may be a running header or footer, 0 when it is
 * not in a band: its shape, its band and its height on the page. */
static uint64_t band_key(const reader *r, const pline *l)
{
    bool top = in_top(l);
    if (!top && !in_bottom(l)) return 0;
    uint64_t h = shape_key(r->text.data + l->off, l->len);
    h ^= (uint64_t)(top ? 1 : 2) << 62;
    h ^= (uint64_t)(uint32_t)lrintf(l->base / 3.0f) * 0x9E3779B97F4A7C15ull;
    return h ? h : 1;
}

static slot *find_slot(slot *t, size_t cap, uint64_t key)
{
    size_t k = (size_t)(key ^ (key >> 29)) & (cap - 1);
    while (t[k].key && t[k].key != key) k = (k + 1) & (cap - 1);
    return &t[k];
}

/* Mark the running headers and footers and the page numbers. */
static void mark_running(reader *r)
{
    size_t cap = 64;
    while (cap < 2 * r->nlines) cap *= 2;
    slot *t = fl_xcalloc(cap, sizeof *t);
    for (size_t i = 0; i < r->nlines; i++) {
        uint64_t key = r->lines[i].table ? 0 : band_key(r, &r->lines[i]);
        if (!key) continue;
        slot *s = find_slot(t, cap, key);
        s->key = key;
        if (s->pages && s->last_page == r->lines[i].page) continue;
        s->pages++;
        s->last_page = r->lines[i].page;
    }
    for (size_t i = 0; i < r->nlines; i++) {
        pline *l = &r->lines[i];
        uint64_t key = l->table ? 0 : band_key(r, l);
        if (!key) continue;
        l->band_top = in_top(l);
        l->drop = find_slot(t, cap, key)->pages >= 2 || page_number_line(r->text.data + l->off, l->len);
    }
    free(t);
}

/* ---- lines into paragraphs ------------------------------------------------------ */

static bool is_leader(uint32_t c) { return c == '.' || c == 0x2026 || c == 0xB7 || c == 0xFF0E || c == 0x22EF; }

/* A contents line: leader dots, then a page number (digits or roman). */
static bool toc_line(const char *s, size_t n)
{
    size_t e = n;
    while (e && s[e - 1] == ' ') e--;
    size_t d = e;
    while (d && ((s[d - 1] >= '0' && s[d - 1] <= '9') || strchr("ivxIVX", s[d - 1]))) d--;
    if (d == e) return false;
    while (d && s[d - 1] == ' ') d--;
    int leaders = 0;
    while (d && leaders < 2) {
        size_t k = d - 1;
        while (k && ((unsigned char)s[k] & 0xC0) == 0x80) k--;
        uint32_t c;
        fl_utf8_decode(s + k, d - k, &c);
        if (!is_leader(c)) break;
        leaders++;
        d = k;
    }
    return leaders == 2;
}

/* Did line a wrap onto b? MuPDF's blocks do not say (Word's and
 * LibreOffice's exports place each line by itself), so the page's geometry
 * does: b starts at a left edge, not indented from a (a first line's
 * 首行缩进 may be), a reached the right edge of the lines starting at b's
 * edge (it was full), b is the next line below in the same size of type,
 * or the first line of the next page under the last of this one. A
 * contents line never wraps onto the next. How far below the next line is
 * depends on the font's height and the spacing (1.5 lines of a CJK font
 * are near 2 to 4 times its size): up to 4.5 sizes, and once a paragraph
 * has two lines, not more than a quarter further apart than those
 * (spacing before a paragraph). pitch: that distance, 0 for one line. */
static bool continues(const reader *r, const pline *a, const pline *b, float pitch)
{
    float size = a->size > b->size ? a->size : b->size;
    if (fabsf(a->size - b->size) > 0.15f * size) return false;
    if (b->x0 > a->x0 + 0.6f * size || b->x0 < a->x0 - 4.5f * size) return false;
    const edge *e = edge_at(r, b->page == a->page ? b->x0 : a->x0);
    /* b's first word would have fitted after a (a ended its paragraph), or
     * a runs far past the edge */
    float lead = b->lead_w > 0.9f * b->size ? b->lead_w : 0.9f * b->size;
    if (!e || a->x1 + lead < e->right - 0.3f * size || a->x1 > e->right + 1.5f * a->size) return false;
    if (toc_line(r->text.data + a->off, a->len) || fl_pdf_opens_paragraph(r->text.data + a->off, a->len, r->text.data + b->off, b->len, true)) return false;
    if (a->page == b->page) {
        float gap = b->base - a->base;
        return gap > 0.5f * size && gap <= 4.5f * size && (!pitch || gap <= 1.25f * pitch + 0.5f);
    }
    /* over a page break: a full line of a wide column, b at the same edge */
    return b->page == a->page + 1 && e->right - e->x0 > 20 * size && fabsf(a->x0 - b->x0) <= 4.5f * size;
}

/* conf: the mean confidence of its lines when OCR read them, else -1 */
static void emit(reader *r, fl_part part, const fl_buf *p, const pline *first, int conf)
{
    char num[48];
    size_t was = part == FL_PART_BODY && p->len ? fl_pdf_legal_number(p->data, p->len, num, sizeof num) : 0;
    fl_block *b;
    if (was) {
        fl_buf t = FL_BUF_INIT;
        fl_buf_adds(&t, num);
        fl_buf_add(&t, p->data + was, p->len - was);
        b = fl_doc_add_block(r->doc, part, FL_BLOCK_PARAGRAPH, t.data, t.len);
        fl_buf_free(&t);
    } else {
        b = fl_doc_add_block(r->doc, part, FL_BLOCK_PARAGRAPH, p->data ? p->data : "", p->len);
    }
    fl_block_set_page(r->doc, b, (unsigned)first->page + 1, first->vline);
    /* the top of its first line: an annotated copy's note goes there */
    fl_block_set_page_pos(r->doc, b, first->x0, fmaxf(0, first->base - first->size));
    if (conf >= 0) fl_block_set_ocr(r->doc, b, conf);
}

static unsigned vline_of(const void *arg, size_t i) { return ((const reader *)arg)->lines[i].vline; }

/* The body's paragraphs and tables, then each running header and footer
 * text once. A table is written where its first line was drawn; a table
 * right after another (running headers and footers aside) may go on with
 * it over a page break. */
static void paragraphs(reader *r)
{
    fl_buf p = FL_BUF_INIT;
    const pline *first = NULL, *last = NULL; /* the paragraph's first line, the line before */
    float pitch = 0;                          /* between the paragraph's lines on a page */
    int last_page_kept = -1;                  /* page of the last body line seen */
    unsigned conf = 0, nconf = 0;             /* the OCR'd lines' confidences, summed */
    int table = 0;                            /* the table met last, 0 after a paragraph */
    for (size_t i = 0; i < r->nlines; i++) {  /* which tables go on over a page break */
        const pline *l = &r->lines[i];
        if (l->drop || l->table == table) continue;
        if (l->table && table) fl_pdf_tables_follow(r->tabs, l->table, table);
        table = l->table;
    }
    table = 0;
    for (size_t i = 0; i < r->nlines; i++) {
        const pline *l = &r->lines[i];
        if (l->drop) continue;
        if (l->table) {
            if (l->table == table) continue;
            if (first) emit(r, FL_PART_BODY, &p, first, nconf ? (int)(conf / nconf) : -1);
            fl_buf_clear(&p);
            first = last = NULL;
            conf = nconf = 0;
            fl_pdf_tables_emit(r->tabs, r->doc, l->table, vline_of, r);
            table = l->table;
            continue;
        }
        table = 0;
        bool first_of_page = l->page != last_page_kept;
        last_page_kept = l->page;
        const char *s = r->text.data + l->off;
        if (last && (last->page == l->page || first_of_page) && continues(r, last, l, pitch)) {
            if (last->page == l->page && !pitch) pitch = l->base - last->base;
            fl_pdf_join(&p, s, l->len);
        } else {
            pitch = 0;
            if (first) emit(r, FL_PART_BODY, &p, first, nconf ? (int)(conf / nconf) : -1);
            fl_buf_clear(&p);
            fl_buf_add(&p, s, l->len);
            first = l;
            conf = nconf = 0;
        }
        if (l->ocr) conf += l->ocr - 1u, nconf++;
        last = l;
    }
    if (first) emit(r, FL_PART_BODY, &p, first, nconf ? (int)(conf / nconf) : -1);
    /* a header or footer text once, by its shape (digits aside) */
    size_t cap = 64, n = 0;
    uint64_t *seen = fl_xcalloc(cap, sizeof *seen);
    for (size_t i = 0; i < r->nlines; i++) {
        const pline *l = &r->lines[i];
        const char *s = r->text.data + l->off;
        if (!l->drop || page_number_line(s, l->len)) continue;
        uint64_t key = shape_key(s, l->len) | 1;
        size_t k = (size_t)(key ^ (key >> 31)) & (cap - 1);
        while (seen[k] && seen[k] != key) k = (k + 1) & (cap - 1);
        if (seen[k]) continue;
        seen[k] = key;
        fl_buf_clear(&p);
        fl_buf_add(&p, s, l->len);
        emit(r, l->band_top ? FL_PART_HEADER : FL_PART_FOOTER, &p, l, l->ocr ? l->ocr - 1 : -1);
        if (2 * ++n >= cap) { /* grow: rehash */
            uint64_t *old = seen;
            size_t oc = cap;
            cap *= 2;
            seen = fl_xcalloc(cap, sizeof *seen);
            for (size_t j = 0; j < oc; j++) {
                if (!old[j]) continue;
                size_t q = (size_t)(old[j] ^ (old[j] >> 31)) & (cap - 1);
                while (seen[q]) q = (q + 1) & (cap - 1);
                seen[q] = old[j];
            }
            free(old);
        }
    }
    free(seen);
    fl_buf_free(&p);
}

/* ---- the document ---------------------------------------------------------------- */

static void reader_free(reader *r)
{
    fl_buf_free(&r->text);
    free(r->lines);
    free(r->empty);
    free(r->bases);
    free(r->edges);
#ifdef FL_HAVE_OCR
    fl_ocr_free(r->ocr);
#endif
    fl_pdf_tables_free(r->tabs);
}

/* The pages without text, as a reading note: "pages 12-14, 20 have no text
 * layer (scanned; not read)". */
static void note_empty(reader *r, int npages)
{
    if (!r->nempty) return;
    fl_buf b = FL_BUF_INIT;
    for (size_t i = 0; i < r->nempty; i++) {
        size_t j = i;
        while (j + 1 < r->nempty && r->empty[j + 1] == r->empty[j] + 1) j++;
        if (b.len) fl_buf_adds(&b, ", ");
        if (b.len > 200) { fl_buf_adds(&b, "..."); break; }
        if (j > i) fl_buf_printf(&b, "%d-%d", r->empty[i], r->empty[j]);
        else fl_buf_printf(&b, "%d", r->empty[i]);
        i = j;
    }
    fl_doc_add_notice(r->doc, -1, "%zu of %d pages have no text layer (scanned; not read): page%s %s", r->nempty,
                      npages, r->nempty > 1 ? "s" : "", b.data);
    fl_buf_free(&b);
}

/* ---- the work budget: a device between the interpreter and MuPDF's text
 * device that counts every call and throws past PDF_DEVICE_CALLS ---------------- */

typedef struct budget_dev {
    fz_device super;
    fz_device *text; /* the structured-text device the text calls go on to */
    fz_device *geom; /* the tables' device the path and picture calls go on to */
    size_t *calls;
    size_t limit;    /* where *calls must stop: the page's share or the document's */
    fz_cookie *cookie; /* the page's run, aborted past the limit */
    float *image;    /* the largest picture drawn, in square points */
} budget_dev;

/* Counts a call; past the limit it stops the interpreter through MuPDF's
 * cookie, which the interpreter reads before every token, rather than
 * throwing: a throw from a device call is swallowed where the interpreter
 * restores a graphics state (a clip popped), and MuPDF then disables the
 * device, so what follows would run on uncounted. read_page throws once
 * the run has returned. False: the call is not passed on. */
static bool tick(fz_context *ctx, fz_device *dev)
{
    (void)ctx;
    budget_dev *d = (budget_dev *)dev;
    if (++*d->calls <= d->limit) return true;
    d->cookie->abort = 1;
    return false;
}

static void b_fill_path(fz_context *ctx, fz_device *dev, const fz_path *p, int eo, fz_matrix m, fz_colorspace *cs,
                        const float *c, float a, fz_color_params cp)
{
    if (!tick(ctx, dev)) return;
    fz_fill_path(ctx, ((budget_dev *)dev)->geom, p, eo, m, cs, c, a, cp);
}
static void b_stroke_path(fz_context *ctx, fz_device *dev, const fz_path *p, const fz_stroke_state *st, fz_matrix m,
                          fz_colorspace *cs, const float *c, float a, fz_color_params cp)
{
    if (!tick(ctx, dev)) return;
    fz_stroke_path(ctx, ((budget_dev *)dev)->geom, p, st, m, cs, c, a, cp);
}
static void b_clip_path(fz_context *ctx, fz_device *dev, const fz_path *p, int eo, fz_matrix m, fz_rect r)
{
    tick(ctx, dev);
}
static void b_clip_stroke_path(fz_context *ctx, fz_device *dev, const fz_path *p, const fz_stroke_state *st,
                               fz_matrix m, fz_rect r)
{
    tick(ctx, dev);
}
static void b_fill_text(fz_context *ctx, fz_device *dev, const fz_text *t, fz_matrix m, fz_colorspace *cs,
                        const float *c, float a, fz_color_params cp)
{
    if (!tick(ctx, dev)) return;
    fz_fill_text(ctx, ((budget_dev *)dev)->text, t, m, cs, c, a, cp);
}
static void b_stroke_text(fz_context *ctx, fz_device *dev, const fz_text *t, const fz_stroke_state *st, fz_matrix m,
                          fz_colorspace *cs, const float *c, float a, fz_color_params cp)
{
    if (!tick(ctx, dev)) return;
    fz_stroke_text(ctx, ((budget_dev *)dev)->text, t, st, m, cs, c, a, cp);
}
static void b_clip_text(fz_context *ctx, fz_device *dev, const fz_text *t, fz_matrix m, fz_rect r)
{
    if (!tick(ctx, dev)) return;
    fz_clip_text(ctx, ((budget_dev *)dev)->text, t, m, r);
}
static void b_clip_stroke_text(fz_context *ctx, fz_device *dev, const fz_text *t, const fz_stroke_state *st,
                               fz_matrix m, fz_rect r)
{
    if (!tick(ctx, dev)) return;
    fz_clip_stroke_text(ctx, ((budget_dev *)dev)->text, t, st, m, r);
}
static void b_ignore_text(fz_context *ctx, fz_device *dev, const fz_text *t, fz_matrix m)
{
    if (!tick(ctx, dev)) return;
    fz_ignore_text(ctx, ((budget_dev *)dev)->text, t, m);
}
static void b_fill_shade(fz_context *ctx, fz_device *dev, fz_shade *sh, fz_matrix m, float a, fz_color_params cp)
{
    tick(ctx, dev);
}
static void b_fill_image(fz_context *ctx, fz_device *dev, fz_image *img, fz_matrix m, float a, fz_color_params cp)
{
    if (!tick(ctx, dev)) return;
    float area = fabsf(m.a * m.d - m.b * m.c); /* the unit square's image */
    if (area > *((budget_dev *)dev)->image) *((budget_dev *)dev)->image = area;
    fz_fill_image(ctx, ((budget_dev *)dev)->geom, img, m, a, cp);
}
static void b_fill_image_mask(fz_context *ctx, fz_device *dev, fz_image *img, fz_matrix m, fz_colorspace *cs,
                              const float *c, float a, fz_color_params cp)
{
    tick(ctx, dev);
}
static void b_clip_image_mask(fz_context *ctx, fz_device *dev, fz_image *img, fz_matrix m, fz_rect r)
{
    tick(ctx, dev);
}
static void b_pop_clip(fz_context *ctx, fz_device *dev) { tick(ctx, dev); }
static void b_begin_group(fz_context *ctx, fz_device *dev, fz_rect r, fz_colorspace *cs, int iso, int ko, int bm,
                          float a)
{
    tick(ctx, dev);
}
static void b_end_group(fz_context *ctx, fz_device *dev) { tick(ctx, dev); }
static void b_begin_mask(fz_context *ctx, fz_device *dev, fz_rect r, int lum, fz_colorspace *cs, const float *bc,
                         fz_color_params cp)
{
    tick(ctx, dev);
}
static void b_end_mask(fz_context *ctx, fz_device *dev) { tick(ctx, dev); }
static int b_begin_tile(fz_context *ctx, fz_device *dev, fz_rect area, fz_rect view, float xs, float ys, fz_matrix m,
                        int id)
{
    tick(ctx, dev);
    return 0;
}
static void b_end_tile(fz_context *ctx, fz_device *dev) { tick(ctx, dev); }

static fz_device *new_budget_device(fz_context *ctx, fz_device *text, fz_device *geom, size_t *calls, float *image,
                                     fz_cookie *cookie)
{
    budget_dev *d = fz_new_derived_device(ctx, budget_dev);
    d->text = text;
    d->geom = geom;
    d->calls = calls;
    d->limit = *calls + PDF_PAGE_CALLS < PDF_DEVICE_CALLS ? *calls + PDF_PAGE_CALLS : PDF_DEVICE_CALLS;
    d->image = image;
    d->cookie = cookie;
    d->super.fill_path = b_fill_path;
    d->super.stroke_path = b_stroke_path;
    d->super.clip_path = b_clip_path;
    d->super.clip_stroke_path = b_clip_stroke_path;
    d->super.fill_text = b_fill_text;
    d->super.stroke_text = b_stroke_text;
    d->super.clip_text = b_clip_text;
    d->super.clip_stroke_text = b_clip_stroke_text;
    d->super.ignore_text = b_ignore_text;
    d->super.fill_shade = b_fill_shade;
    d->super.fill_image = b_fill_image;
    d->super.fill_image_mask = b_fill_image_mask;
    d->super.clip_image_mask = b_clip_image_mask;
    d->super.pop_clip = b_pop_clip;
    d->super.begin_group = b_begin_group;
    d->super.end_group = b_end_group;
    d->super.begin_mask = b_begin_mask;
    d->super.end_mask = b_end_mask;
    d->super.begin_tile = b_begin_tile;
    d->super.end_tile = b_end_tile;
    return &d->super;
}

/* The work a page's content asks of the interpreter, measured on its bytes
 * before the interpreter sees them: the bytes once inflated and the tokens
 * they hold (numbers, names, strings, operators, brackets). MuPDF lexes and
 * dispatches every token, and that is where a page of millions of tiny
 * paths spends its time (a stroked line, "0 0 m 1 1 l S", is seven tokens
 * and a device call), so the tokens bound the interpreter's work where the
 * bytes alone do not: 35 MB of such lines inflate under the byte limit
 * and took 0.84 s of CPU to interpret. Counting costs a pass over bytes
 * that are inflated once more anyway and stops at the first limit. The
 * scan follows the lexer's rules: comments are no token, a string (with
 * its nested parentheses and escapes) and a hex string are one, and the
 * binary data of an inline image (ID ... EI) is skipped. */
typedef struct content_work {
    size_t bytes, tokens;
} content_work;

enum { CW_SPACE, CW_REGULAR, CW_COMMENT, CW_STRING, CW_HEX, CW_LT, CW_GT, CW_INLINE };

/* The lexer's classes of a byte, looked up rather than compared: the scan
 * runs over every byte of every page, and under the fuzzer's comparison
 * tracing six comparisons a byte were most of a run's time. Below C_WHITE
 * a byte is regular (part of a number, a name or an operator). */
enum { C_REG, C_BSL, C_WHITE, C_PCT, C_LP, C_RP, C_LT, C_GT, C_BRK, C_SOL };
static const unsigned char lex_class[256] = {
    [0] = C_WHITE, ['\t'] = C_WHITE, ['\n'] = C_WHITE, ['\f'] = C_WHITE, ['\r'] = C_WHITE, [' '] = C_WHITE,
    ['%'] = C_PCT, ['('] = C_LP, [')'] = C_RP, ['<'] = C_LT, ['>'] = C_GT, ['['] = C_BRK, [']'] = C_BRK,
    ['{'] = C_BRK, ['}'] = C_BRK, ['/'] = C_SOL, ['\\'] = C_BSL,
};

typedef struct scan {
    int state;
    int depth;        /* a string's parentheses */
    bool escape;      /* a string's backslash */
    char run[2];      /* the first two bytes of a regular run, and its length */
    size_t run_len;
    int ei;           /* inline data: 0 want white space, 1 'E', 2 'I', 3 the end */
} scan;

static void scan_bytes(scan *s, const unsigned char *p, size_t n, size_t *tokens)
{
    for (size_t i = 0; i < n; i++) {
        int c = p[i], k = lex_class[c];
        switch (s->state) {
        case CW_COMMENT:
            if (c == '\n' || c == '\r') s->state = CW_SPACE;
            continue;
        case CW_STRING:
            if (s->escape) s->escape = false;
            else if (k == C_BSL) s->escape = true;
            else if (k == C_LP) s->depth++;
            else if (k == C_RP && !--s->depth) s->state = CW_SPACE;
            continue;
        case CW_HEX:
            if (k == C_GT) s->state = CW_SPACE;
            continue;
        case CW_INLINE: /* white space, E, I, then white space or a delimiter */
            if (s->ei == 3 && k >= C_WHITE) { s->state = CW_SPACE; break; }
            s->ei = k == C_WHITE ? 1 : s->ei == 1 && c == 'E' ? 2 : s->ei == 2 && c == 'I' ? 3 : 0;
            continue;
        case CW_LT: /* "<<" is a token, "<" opens a hex string */
            s->state = k == C_LT ? CW_SPACE : k == C_GT ? CW_SPACE : CW_HEX;
            continue;
        case CW_GT:
            s->state = CW_SPACE;
            if (k == C_GT) continue;
            break;
        case CW_REGULAR:
            if (k < C_WHITE) {
                if (s->run_len < 2) s->run[s->run_len] = (char)c;
                s->run_len++;
                while (i + 1 < n && lex_class[p[i + 1]] < C_WHITE) i++, s->run_len++; /* the rest of the run */
                continue;
            }
            s->state = CW_SPACE;
            if (s->run_len == 2 && s->run[0] == 'I' && s->run[1] == 'D') { /* an inline image's data */
                s->state = CW_INLINE;
                s->ei = k == C_WHITE ? 1 : 0;
                continue;
            }
            break;
        default:
            break;
        }
        /* between tokens: c starts the next one, or is white space */
        switch (k) {
        case C_WHITE: continue;
        case C_PCT: s->state = CW_COMMENT; continue;
        case C_LP: s->state = CW_STRING; s->depth = 1; s->escape = false; break;
        case C_LT: s->state = CW_LT; break;
        case C_GT: s->state = CW_GT; break;
        case C_SOL: s->state = CW_REGULAR; s->run_len = 2; s->run[0] = '/'; break; /* a name: never ID */
        case C_REG: case C_BSL: s->state = CW_REGULAR; s->run[0] = (char)c; s->run_len = 1; break;
        default: break; /* a bracket, or a stray ')' */
        }
        ++*tokens;
    }
}

/* The page's content streams' work, counted up to the first limit passed. */
static void content_work_of(fz_context *ctx, pdf_document *pdoc, fz_page *page, size_t max_bytes,
                            size_t max_tokens, content_work *w)
{
    fz_stream *volatile stm = NULL;
    unsigned char buf[16384];
    scan s = {.state = CW_SPACE};
    w->bytes = w->tokens = 0;
    fz_try(ctx) {
        stm = pdf_open_contents_stream(ctx, pdoc, pdf_page_contents(ctx, (pdf_page *)page));
        size_t n;
        while (w->bytes <= max_bytes && w->tokens <= max_tokens && (n = fz_read(ctx, stm, buf, sizeof buf)) > 0) {
            w->bytes += n;
            scan_bytes(&s, buf, n, &w->tokens);
        }
        /* past the tokens, the bytes alone: the larger limit is named */
        if (w->bytes <= max_bytes) w->bytes += fz_skip(ctx, stm, max_bytes + 1 - w->bytes);
    }
    fz_always(ctx) fz_drop_stream(ctx, stm);
    fz_catch(ctx) fz_rethrow(ctx);
}

#ifdef FL_HAVE_OCR
/* A page without a text layer, or with a few characters over a picture
 * that covers most of it (a scan a scanner stamped a file name or page
 * number on), is read by OCR (pdf_ocr.c): its lines replace the text
 * layer's, each with its confidence. */
static void ocr_page(reader *r, fz_context *ctx, fz_page *page, int i, fz_rect box, size_t first, size_t chars)
{
    size_t typed = r->chars - chars, mark = r->nlines, empty = r->nempty;
    if (typed && (typed > 40 || r->image < 0.6f * (box.x1 - box.x0) * (box.y1 - box.y0))) return;
    if (r->ocr_fail[0]) return;
    if (r->ocr_pages >= FL_OCR_MAX_PAGES) {
        r->ocr_over++;
        return;
    }
    int *confs = NULL;
    size_t nconfs = 0;
    fz_stext_page *sp = fl_ocr_page(&r->ocr, ctx, page, &confs, &nconfs, r->ocr_fail, sizeof r->ocr_fail);
    r->ocr_text = true; /* OCR places a word's characters evenly over its box */
    if (sp) collect(r, sp, i, box);
    r->ocr_text = false;
    fz_drop_stext_page(ctx, sp);
    r->nempty = empty; /* collect counted the page again when OCR read nothing */
    if (r->nlines > mark) {
        if (r->nempty && r->empty[r->nempty - 1] == i + 1) r->nempty--;
        memmove(r->lines + first, r->lines + mark, (r->nlines - mark) * sizeof *r->lines);
        r->nlines -= mark - first;
        r->chars -= typed;
        for (size_t k = 0; first + k < r->nlines && k < nconfs; k++) {
            r->lines[first + k].ocr = (uint8_t)(1 + confs[k]);
            r->ocr_conf += confs[k];
            r->ocr_lines++;
        }
        r->ocr_pages++;
    }
    free(confs);
}
#endif

/* Symbol fonts' characters read as what they show (input/symbolfont.c): a
 * 报告表's checkbox rows printed by LibreOffice come with the Wingdings 2
 * codes of their marks (U+F052 for ☑, U+F0A3 for □), which no field reader
 * takes for a box. Rewritten in the page's structured text, before its
 * lines go to the paragraphs or to a table's cells. */
static void symbol_chars(fz_context *ctx, fz_stext_page *sp)
{
    const char **fonts = NULL;
    uint32_t *chars = NULL;
    size_t cap = 0;
    for (fz_stext_block *b = sp->first_block; b; b = b->next) {
        if (b->type != FZ_STEXT_BLOCK_TEXT) continue;
        for (fz_stext_line *l = b->u.t.first_line; l; l = l->next) {
            size_t n = 0;
            bool any = false; /* most lines have no code a symbol font might own */
            for (fz_stext_char *c = l->first_char; c; c = c->next, n++) {
                const char *f = c->c >= 0x20 && c->c <= 0xFF && c->font ? fz_font_name(ctx, c->font) : "";
                any |= (c->c >= 0xF020 && c->c <= 0xF0FF) || strstr(f, "Symbol") || strstr(f, "Wingdings");
            }
            if (!any) continue;
            if (n > cap) {
                cap = n;
                fonts = fl_xrealloc(fonts, cap * sizeof *fonts);
                chars = fl_xrealloc(chars, cap * sizeof *chars);
            }
            size_t i = 0;
            for (fz_stext_char *c = l->first_char; c; c = c->next, i++) {
                fonts[i] = c->font ? fz_font_name(ctx, c->font) : NULL;
                chars[i] = c->c < 0 ? 0 : (uint32_t)c->c;
            }
            fl_symbol_pdf_line(fonts, chars, n);
            i = 0;
            for (fz_stext_char *c = l->first_char; c; c = c->next, i++) c->c = (int)chars[i];
        }
    }
    free(fonts);
    free(chars);
}

/* One page into r, in its own exception frame: a page MuPDF cannot read
 * is counted and skipped (the first one's message kept), unless the
 * memory limit stopped it. */
static int read_page(reader *r, fz_context *ctx, pdf_document *pdoc, int i, memcap *mem, fl_error *err)
{
    fz_page *volatile page = NULL;
    fz_stext_page *volatile sp = NULL;
    fz_device *volatile text = NULL, *volatile dev = NULL, *volatile geom = NULL;
    volatile int rc = 0;
    fz_stext_options opts = {.flags = FZ_STEXT_INHIBIT_SPACES}; /* gaps: fl_pdf_gap */
    fz_try(ctx) {
        page = fz_load_page(ctx, (fz_document *)pdoc, i);
        content_work w;
        content_work_of(ctx, pdoc, page, PDF_PAGE_CONTENT, PDF_PAGE_TOKENS, &w);
        if (w.bytes > PDF_PAGE_CONTENT) fz_throw(ctx, FZ_ERROR_GENERIC, "content over 64 MiB");
        if (w.tokens > PDF_PAGE_TOKENS) fz_throw(ctx, FZ_ERROR_GENERIC, "content over 8 million operators and operands");
        r->content += w.bytes;
        r->tokens += w.tokens;
        if (r->tokens > PDF_DOC_TOKENS) {
            rc = fl_error_set(err, FL_E_TEXT_LIMIT, "pages whose content holds over 100 million operators and operands");
            break;
        }
        if (r->content > PDF_DOC_CONTENT) {
            rc = fl_error_set(err, FL_E_TEXT_LIMIT, "pages whose content inflates to over 512 MiB");
            break;
        }
        fz_rect box = fz_bound_page(ctx, page);
        sp = fz_new_stext_page(ctx, box);
        text = fz_new_stext_device(ctx, sp, &opts);
        r->image = 0;
        fl_pdf_tables_begin_page(r->tabs, i);
        geom = fl_pdf_tables_device(ctx, r->tabs);
        fz_cookie cookie = {0};
        dev = new_budget_device(ctx, text, geom, &r->calls, &r->image, &cookie);
        /* the page itself: annotations (a reviewer's notes, ours in an annotated
         * copy) are not the filing, and their icons would draw rules */
        fz_run_page_contents(ctx, page, dev, fz_identity, &cookie);
        if (cookie.abort) /* the page's share, or the document's if that ran out first */
            fz_throw(ctx, FZ_ERROR_GENERIC, "over %s million drawing operations", r->calls > PDF_DEVICE_CALLS ? "50" : "1");
        fz_close_device(ctx, text);
        symbol_chars(ctx, sp);
        fl_pdf_tables_page(r->tabs, sp);
#ifdef FL_HAVE_OCR
        size_t first = r->nlines, chars = r->chars;
        collect(r, sp, i, box);
        if (fl_ocr_on()) ocr_page(r, ctx, page, i, box, first, chars);
#else
        collect(r, sp, i, box);
#endif
    }
    fz_always(ctx) {
        fz_drop_device(ctx, dev);
        fz_drop_device(ctx, geom);
        fz_drop_device(ctx, text);
        fz_drop_stext_page(ctx, sp);
        fz_drop_page(ctx, page);
    }
    fz_catch(ctx) {
        if (mem->hit) rc = fl_error_set(err, FL_E_PDF_DAMAGED, "over the 1 GiB memory limit");
        else if (r->calls > PDF_DEVICE_CALLS) rc = fl_error_set(err, FL_E_TEXT_LIMIT, "over 50 million drawing operations");
        else if (!r->bad_pages++)
            snprintf(r->bad_msg, sizeof r->bad_msg, "page %d: %s", i + 1, fz_caught_message(ctx));
    }
    return rc;
}

pdf_document *fl_pdf_open(fz_context *ctx, const unsigned char *data, size_t len, int *npages, fl_error *err)
{
    fz_stream *stm = fz_open_memory(ctx, data, len);
    pdf_document *volatile pdoc = NULL;
    volatile int n = 0, rc = 0;
    fz_try(ctx) {
        pdoc = pdf_open_document_with_stream(ctx, stm); /* which keeps the stream */
        if (pdf_needs_password(ctx, pdoc) && !pdf_authenticate_password(ctx, pdoc, ""))
            rc = fl_error_set(err, FL_E_PDF_ENCRYPTED);
        else if ((n = pdf_count_pages(ctx, pdoc)) <= 0)
            rc = fl_error_set(err, FL_E_PDF_DAMAGED, "it has no pages");
    }
    fz_always(ctx) fz_drop_stream(ctx, stm);
    fz_catch(ctx) {
        fz_drop_document(ctx, (fz_document *)pdoc);
        fz_rethrow(ctx);
    }
    if (rc) {
        fz_drop_document(ctx, (fz_document *)pdoc);
        return NULL;
    }
    *npages = n;
    return pdoc;
}

/* Read every page into r, inside MuPDF's exception frame. Returns 0, or -1
 * with err set. */
static int read_pages(reader *r, fz_context *ctx, const unsigned char *data, size_t len, memcap *mem,
                      fl_error *err)
{
    pdf_document *volatile pdoc = NULL;
    volatile int rc = 0, npages = 0;
    fz_try(ctx) {
        int n = 0;
        pdoc = fl_pdf_open(ctx, data, len, &n, err);
        if (!pdoc) {
            rc = -1;
            break;
        }
        npages = n;
        if (npages > PDF_MAX_PAGES) {
            rc = fl_error_set(err, FL_E_TEXT_LIMIT, "more than 5,000 pages");
            break;
        }
    }
    fz_catch(ctx) {
        if (!rc) rc = fl_error_set(err, FL_E_PDF_DAMAGED, mem->hit ? "over the 1 GiB memory limit" : fz_caught_message(ctx));
    }
    for (int i = 0; !rc && i < npages; i++) {
        rc = read_page(r, ctx, pdoc, i, mem, err);
        if (!rc && r->text.len > FL_MAX_INPUT_BYTES) rc = fl_error_set(err, FL_E_TEXT_LIMIT, "over 200 MiB of text");
    }
    if (!rc && pdoc && pdf_was_repaired(ctx, pdoc))
        fl_doc_add_notice(r->doc, -1, "the PDF was damaged; MuPDF repaired its cross-reference table");
    if (!rc && r->bad_pages == npages)
        rc = fl_error_set(err, FL_E_PDF_DAMAGED, r->bad_msg);
    else if (!rc && r->bad_pages)
        fl_doc_add_notice(r->doc, -1, "%d pages could not be read (%s)", r->bad_pages, r->bad_msg);
#ifdef FL_HAVE_OCR
    if (!rc && r->ocr_fail[0]) rc = fl_error_set(err, FL_E_PDF_OCR, r->ocr_fail);
    if (!rc && r->ocr_pages)
        fl_doc_add_notice(r->doc, -1, "%d page%s read by OCR (mean confidence %ld)", r->ocr_pages,
                          r->ocr_pages > 1 ? "s" : "", r->ocr_lines ? r->ocr_conf / r->ocr_lines : 0);
    if (!rc && r->ocr_over)
        fl_doc_add_notice(r->doc, -1, "%d scanned pages past the first %d read by OCR were not read", r->ocr_over,
                          FL_OCR_MAX_PAGES);
    if (!rc && !r->chars && fl_ocr_on()) rc = fl_error_set(err, FL_E_PDF_OCR_EMPTY);
#endif
    if (!rc) {
        if (!r->chars) rc = fl_error_set(err, FL_E_PDF_NO_TEXT);
        /* fonts without a Unicode map: the glyphs come out as U+FFFD */
        else if (r->replaced * 2 > r->chars)
            rc = fl_error_set(err, FL_E_PDF_DAMAGED, "its fonts map no text to Unicode (it reads like a scan)");
        else note_empty(r, npages);
    }
    fz_drop_document(ctx, (fz_document *)pdoc);
    return rc ? -1 : 0;
}

int fl_pdf_read(fl_doc *doc, const unsigned char *data, size_t len, fl_error *err)
{
    memcap mem = {0};
    fz_alloc_context alloc = {&mem, cap_malloc, cap_realloc, cap_free};
    fz_context *ctx = fz_new_context(&alloc, NULL, PDF_STORE);
    if (!ctx) return fl_error_set(err, FL_E_INTERNAL, "MuPDF could not start");
    size_t messages = 0;
    fz_set_error_callback(ctx, quiet, &messages);
    fz_set_warning_callback(ctx, quiet, &messages);
    reader r = {.doc = doc, .text = FL_BUF_INIT, .tabs = fl_pdf_tables_new()};
    int rc = read_pages(&r, ctx, data, len, &mem, err);
    fz_drop_context(ctx);
    if (!rc) {
        for (size_t i = 0; i < r.nlines; i++) /* the lines of a table not kept are paragraphs */
            if (r.lines[i].table && !fl_pdf_tables_kept(r.tabs, r.lines[i].table)) r.lines[i].table = 0;
        mark_running(&r);
        left_edges(&r);
        paragraphs(&r);
        if (r.replaced)
            fl_doc_add_notice(doc, -1, "characters without a Unicode mapping read as U+FFFD (%zu)", r.replaced);
    }
    reader_free(&r);
    return rc;
}
