/* The HTML report's document part (html_doc.h). */
#include "report/html_doc.h"
#include "report/report.h"
#include "core/i18n.h"
#include "core/utf8.h"
#include <stdlib.h>
#include <string.h>

#pragma GCC diagnostic ignored "-Wformat-nonliteral" /* rows of core/i18n.def */

#define sev_label(s) fl_report_severity(s)

/* ---- escaping ---------------------------------------------------------------- */

/* Text or attribute value: &<>"' escaped, control characters (other than
 * tab and line feed) dropped, invalid UTF-8 replaced. */
void fl_html_esc_n(fl_buf *b, const char *s, size_t n)
{
    fl_arena a;
    bool fix = !fl_utf8_valid(s, n);
    if (fix) {
        size_t out_len, bad;
        fl_arena_init(&a);
        s = fl_utf8_sanitize(&a, s, n, &out_len, &bad);
        n = out_len;
    }
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        switch (c) {
        case '&': fl_buf_adds(b, "&amp;"); break;
        case '<': fl_buf_adds(b, "&lt;"); break;
        case '>': fl_buf_adds(b, "&gt;"); break;
        case '"': fl_buf_adds(b, "&quot;"); break;
        case '\'': fl_buf_adds(b, "&#39;"); break;
        default:
            if (c >= 0x20 || c == '\t' || c == '\n') fl_buf_addc(b, (char)c);
            break;
        }
    }
    if (fix) fl_arena_free(&a);
}

void fl_html_esc(fl_buf *b, const char *s)
{
    if (s) fl_html_esc_n(b, s, strlen(s));
}

/* ---- one finding ---------------------------------------------------------------------- */

const char *fl_html_sev_name(fl_severity s) { return fl_severity_name(s); }

/* A finding's note: severity, rule, message, the other file it points at,
 * basis, line. Lean markup: a batch has thousands of them. */
static void finding_note(fl_buf *b, const fl_finding *f, size_t id)
{
    fl_buf_printf(b, "<div class=\"finding sev-%s\" id=\"F%zu\" data-rule=\"", fl_html_sev_name(f->severity), id);
    fl_html_esc(b, f->rule->id);
    fl_buf_printf(b, "\"><b class=\"tag\">%s</b> <b>", sev_label(f->severity));
    fl_html_esc(b, f->rule->id);
    fl_buf_adds(b, "</b> <span class=\"msg\">");
    fl_html_esc(b, fl_report_message(f));
    fl_buf_adds(b, "</span>");
    if (f->related_path) {
        fl_buf_adds(b, fl_tr(FL_M_H_SEE_ALSO));
        fl_html_esc(b, f->related_path);
        if (f->related_line > 0) fl_buf_printf(b, fl_tr(FL_M_H_LINE), f->related_line);
        fl_buf_adds(b, "</span>");
    }
    fl_buf basis = FL_BUF_INIT;
    if (*fl_basis_line(&basis, fl_finding_basis(f))) {
        fl_buf_adds(b, fl_tr(FL_M_H_BASIS));
        fl_html_esc(b, basis.data);
        fl_buf_adds(b, "</span>");
    }
    fl_buf_free(&basis);
    fl_buf_printf(b, fl_tr(FL_M_H_AT_LINE), f->line);
    if (f->column > 1) fl_buf_printf(b, fl_tr(FL_M_H_AT_COLUMN), f->column);
    fl_buf_adds(b, "</span></div>\n");
}

/* ---- a block's text with the matched text marked ------------------------------------------------ */

typedef struct span { size_t start, end, id; fl_severity sev; const fl_finding *f; } span;

/* Byte range of the finding's match in the block text: at its column when
 * the text there is the match, else its first occurrence; none when the
 * finding has no match. */
static bool match_range(const fl_doc *doc, const fl_block *blk, const fl_finding *f, size_t *start, size_t *end)
{
    if (!f->match || !*f->match) return false;
    size_t mlen = strlen(f->match);
    /* the column counts from the start of the finding's line: a merged
     * block's own line, else the block's */
    size_t ls = f->line > blk->line ? fl_block_line_start(doc, blk, (uint32_t)(f->line - blk->line)) : 0;
    size_t at = ls + fl_utf8_byte_offset(blk->text + ls, blk->len - ls, f->column > 0 ? (size_t)f->column - 1 : 0);
    if (at + mlen > blk->len || memcmp(blk->text + at, f->match, mlen) != 0) {
        const char *hit = strstr(blk->text, f->match);
        if (!hit) return false;
        at = (size_t)(hit - blk->text);
    }
    *start = at;
    *end = at + mlen;
    return true;
}

static int cmp_size(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    return x < y ? -1 : x > y;
}

/* Code points around the marks that a paragraph keeps when only the
 * paragraphs with findings are shown; the rest is elided (…). */
#define CONTEXT 80

static size_t back_cp(const char *s, size_t at, size_t n)
{
    while (n-- && at > 0) {
        at--;
        while (at > 0 && ((unsigned char)s[at] & 0xC0) == 0x80) at--;
    }
    return at;
}

static size_t fwd_cp(const char *s, size_t len, size_t at, size_t n)
{
    while (n-- && at < len) {
        at++;
        while (at < len && ((unsigned char)s[at] & 0xC0) == 0x80) at++;
    }
    return at;
}

typedef struct window { size_t start, end; } window;

static int cmp_window(const void *a, const void *b)
{
    const window *x = a, *y = b;
    return x->start < y->start ? -1 : x->start > y->start;
}

/* The byte ranges of the text kept: CONTEXT code points either side of each
 * mark, merged; the first 2 * CONTEXT when nothing is marked; all of a
 * short paragraph. Returns how many. */
static size_t windows_of(const fl_block *blk, const span *sp, size_t n, window *w)
{
    if (fl_utf8_count(blk->text, blk->len) <= 2 * CONTEXT + 40) {
        w[0] = (window){0, blk->len};
        return 1;
    }
    if (!n) {
        w[0] = (window){0, fwd_cp(blk->text, blk->len, 0, 2 * CONTEXT)};
        return 1;
    }
    for (size_t i = 0; i < n; i++)
        w[i] = (window){back_cp(blk->text, sp[i].start, CONTEXT), fwd_cp(blk->text, blk->len, sp[i].end, CONTEXT)};
    qsort(w, n, sizeof *w, cmp_window);
    size_t k = 0;
    for (size_t i = 1; i < n; i++) {
        if (w[i].start <= w[k].end) {
            if (w[i].end > w[k].end) w[k].end = w[i].end;
        } else {
            w[++k] = w[i];
        }
    }
    return k + 1;
}

/* Text [s, e) of the block, less what lies outside the windows; "…" where
 * text was left out. *done: the end of what was written or skipped so far. */
static void kept_text(fl_buf *b, const fl_block *blk, size_t s, size_t e, const window *w, size_t nw, size_t *done)
{
    for (size_t i = 0; i < nw; i++) {
        size_t a = s > w[i].start ? s : w[i].start, z = e < w[i].end ? e : w[i].end;
        if (a >= z) continue;
        if (a > *done) fl_buf_adds(b, "…");
        fl_html_esc_n(b, blk->text + a, z - a);
        *done = z;
    }
}

/* Cut the text at every range boundary; a piece inside one or more ranges
 * is a <mark> naming its findings (so the filters can switch it off). The
 * whole text, its marks titled with their messages; compact: only the
 * windows around the marks, and no titles (the notes are right below). */
static void marked_text(fl_buf *b, const fl_block *blk, const span *sp, size_t n, bool compact)
{
    size_t *cuts = fl_xmalloc((2 * n + 2) * sizeof *cuts);
    window *w = fl_xmalloc((n + 1) * sizeof *w);
    size_t nw = compact ? windows_of(blk, sp, n, w) : (w[0] = (window){0, blk->len}, 1), done = 0;
    size_t nc = 0;
    cuts[nc++] = 0;
    cuts[nc++] = blk->len;
    for (size_t i = 0; i < n; i++) { cuts[nc++] = sp[i].start; cuts[nc++] = sp[i].end; }
    qsort(cuts, nc, sizeof *cuts, cmp_size);
    for (size_t c = 0; c + 1 < nc; c++) {
        size_t s = cuts[c], e = cuts[c + 1];
        if (s == e) continue;
        int sev = -1;
        fl_buf ids = FL_BUF_INIT, title = FL_BUF_INIT;
        for (size_t i = 0; i < n; i++)
            if (sp[i].start <= s && sp[i].end >= e) {
                fl_buf_printf(&ids, "%sF%zu", ids.len ? " " : "", sp[i].id);
                if (!compact)
                    fl_buf_printf(&title, "%s%s: %s", title.len ? "\n" : "", sp[i].f->rule->id, fl_report_message(sp[i].f));
                if ((int)sp[i].sev > sev) sev = (int)sp[i].sev;
            }
        if (sev >= 0) {
            fl_buf_printf(b, "<mark class=\"sev-%s\" data-f=\"%s\"", fl_html_sev_name((fl_severity)sev), ids.data);
            if (title.len) {
                fl_buf_adds(b, " title=\"");
                fl_html_esc_n(b, title.data, title.len);
                fl_buf_addc(b, '"');
            }
            fl_buf_addc(b, '>');
        }
        kept_text(b, blk, s, e, w, nw, &done);
        if (sev >= 0) fl_buf_adds(b, "</mark>");
        fl_buf_free(&ids);
        fl_buf_free(&title);
    }
    if (done < blk->len) fl_buf_adds(b, "…");
    free(cuts);
    free(w);
}


static size_t fid(const fl_html_doc *c, const fl_finding *f) { return c->ids[f - c->base]; }

static void data_f(fl_buf *b, const fl_html_doc *c, size_t blk)
{
    if (!c->count[blk]) return;
    fl_buf_adds(b, " data-f=\"");
    for (size_t i = 0; i < c->count[blk]; i++) fl_buf_printf(b, "%sF%zu", i ? " " : "", fid(c, c->by_block[c->first[blk] + i]));
    fl_buf_addc(b, '"');
}

/* One block: a heading or a paragraph, with the notes of its findings. */
static void block_html(fl_buf *b, const fl_html_doc *c, size_t bi, bool in_cell)
{
    const fl_block *blk = &c->doc->blocks[bi];
    size_t nf = c->count[bi];
    span *sp = fl_xcalloc(nf + 1, sizeof *sp);
    size_t ns = 0;
    for (size_t i = 0; i < nf; i++) {
        const fl_finding *f = c->by_block[c->first[bi] + i];
        if (match_range(c->doc, blk, f, &sp[ns].start, &sp[ns].end)) {
            sp[ns].id = fid(c, f);
            sp[ns].sev = f->severity;
            sp[ns].f = f;
            ns++;
        }
    }
    bool head = blk->kind == FL_BLOCK_HEADING && !in_cell;
    int hl = blk->level < 1 ? 3 : blk->level > 4 ? 6 : blk->level + 2;
    if (head) fl_buf_printf(b, "<h%d class=\"blk head%s\"", hl, nf ? " has-f" : "");
    else fl_buf_printf(b, "<p class=\"blk%s%s\"", nf ? " has-f" : "", blk->part == FL_PART_TEXTBOX ? " textbox" : "");
    data_f(b, c, bi);
    /* a merged run of lines is numbered by the line of its first finding,
     * which is what its marks show */
    int ln = (blk->flags & FL_BF_MERGED) && nf ? c->by_block[c->first[bi]]->line : blk->line;
    fl_buf_printf(b, "><span class=\"ln\">%d</span>", ln);
    if (blk->part != FL_PART_BODY && (unsigned)blk->part < FL_PART_COUNT)
        fl_buf_printf(b, "<span class=\"part\">%s</span>", fl_report_part(blk->part));
    marked_text(b, blk, sp, ns, c->compact);
    fl_buf_printf(b, head ? "</h%d>\n" : "</p>\n", hl);
    for (size_t i = 0; i < nf; i++) {
        const fl_finding *f = c->by_block[c->first[bi] + i];
        finding_note(b, f, fid(c, f));
    }
    free(sp);
}

/* Consecutive cell blocks of one table, as a table: a new row when the row
 * changes, a new cell when the column does. Returns the next block. */
static size_t table_html(fl_buf *b, const fl_html_doc *c, size_t from, size_t to)
{
    const fl_block *blocks = c->doc->blocks;
    int table = blocks[from].table;
    size_t end = from;
    bool has_f = false;
    while (end < to && blocks[end].table == table && blocks[end].kind == FL_BLOCK_CELL &&
           blocks[end].part == blocks[from].part) {
        if (c->count[end]) has_f = true;
        end++;
    }
    fl_buf_printf(b, "<div class=\"tbl%s\"><table>\n", has_f ? " has-f" : "");
    int row = -1, col = -1;
    for (size_t i = from; i < end; i++) {
        const fl_block_extra *blk = fl_block_x(c->doc, &blocks[i]);
        if (blk->row != row) {
            if (row >= 0) fl_buf_adds(b, "</td></tr>\n");
            fl_buf_adds(b, "<tr>");
            row = blk->row;
            col = -1;
        }
        if (blk->col != col) {
            if (col >= 0) fl_buf_adds(b, "</td>");
            fl_buf_printf(b, "<td%s", blocks[i].flags & FL_BF_HEADER_ROW ? " class=\"th\"" : "");
            if (blk->col_span > 1) fl_buf_printf(b, " colspan=\"%d\"", blk->col_span);
            if (blk->row_span > 1) fl_buf_printf(b, " rowspan=\"%d\"", blk->row_span);
            fl_buf_addc(b, '>');
            col = blk->col;
        }
        block_html(b, c, i, true);
    }
    if (row >= 0) fl_buf_adds(b, "</td></tr>\n");
    fl_buf_adds(b, "</table></div>\n");
    return end;
}

static void blocks_html(fl_buf *b, const fl_html_doc *c, size_t from, size_t to)
{
    for (size_t i = from; i < to;) {
        const fl_block *blk = &c->doc->blocks[i];
        if (blk->kind == FL_BLOCK_CELL && blk->table) { i = table_html(b, c, i, to); continue; }
        block_html(b, c, i, false);
        i++;
    }
}

int fl_html_cmp_finding_block(const void *a, const void *b)
{
    const fl_finding *x = *(const fl_finding *const *)a, *y = *(const fl_finding *const *)b;
    if (x->block != y->block) return x->block < y->block ? -1 : 1;
    return x < y ? -1 : x > y;
}

bool fl_html_whole_doc(const fl_finding *f, size_t nb) { return f->block < 0 || (size_t)f->block >= nb; }

/* Findings about the document as a whole, at the head of its section. */
static void whole_html(fl_buf *b, const fl_html_doc *c, size_t nf, size_t nb)
{
    size_t whole = 0;
    for (size_t i = 0; i < nf; i++) whole += fl_html_whole_doc(c->by_block[i], nb);
    if (!whole) return;
    fl_buf_adds(b, "<div class=\"whole\"><p class=\"blk has-f\" data-f=\"");
    for (size_t i = 0, k = 0; i < nf; i++)
        if (fl_html_whole_doc(c->by_block[i], nb)) fl_buf_printf(b, "%sF%zu", k++ ? " " : "", fid(c, c->by_block[i]));
    fl_buf_printf(b, "\">%s</p>\n", fl_tr(FL_M_H_WHOLE));
    for (size_t i = 0; i < nf; i++)
        if (fl_html_whole_doc(c->by_block[i], nb)) finding_note(b, c->by_block[i], fid(c, c->by_block[i]));
    fl_buf_adds(b, "</div>\n");
}

/* The document: findings about it as a whole first, then the body, then
 * headers, footers, notes and comments. */
void fl_html_full(fl_buf *b, const fl_html_doc *c, size_t nf)
{
    const fl_doc *doc = c->doc;
    size_t nb = doc ? doc->nblocks : 0;
    whole_html(b, c, nf, nb);
    size_t body_end = 0;
    while (body_end < nb && (doc->blocks[body_end].part == FL_PART_BODY || doc->blocks[body_end].part == FL_PART_TEXTBOX))
        body_end++;
    fl_buf_adds(b, "<div class=\"doc\">\n");
    blocks_html(b, c, 0, body_end);
    fl_buf_adds(b, "</div>\n");
    if (body_end < nb) {
        bool any = false; /* open when a finding is in there */
        for (size_t i = body_end; i < nb && !any; i++) any = c->count[i] > 0;
        fl_buf_printf(b, "<details class=\"other\"%s><summary>%s</summary>\n<div class=\"doc\">\n", any ? " open" : "",
                      fl_tr(FL_M_H_OTHER_PARTS));
        blocks_html(b, c, body_end, nb);
        fl_buf_adds(b, "</div></details>\n");
    }
}

/* Only the paragraphs with findings, in reading order, each under its
 * section path when that changes; a table cell stands as a paragraph, its
 * row and column said. */
void fl_html_compact(fl_buf *b, const fl_html_doc *c, size_t nf)
{
    const fl_doc *doc = c->doc;
    size_t nb = doc ? doc->nblocks : 0;
    whole_html(b, c, nf, nb);
    fl_buf_adds(b, "<div class=\"doc compact\">\n");
    const char *section = NULL;
    for (size_t bi = 0; bi < nb; bi++) {
        if (!c->count[bi]) continue;
        const fl_finding *first = c->by_block[c->first[bi]];
        const char *sec = first->section ? first->section : "";
        if (!section || strcmp(section, sec)) {
            fl_buf_adds(b, "<p class=\"sec\">");
            fl_html_esc(b, *sec ? sec : fl_tr(FL_M_H_BEFORE_HEADINGS));
            fl_buf_adds(b, "</p>\n");
            section = sec;
        }
        const fl_block *blk = &doc->blocks[bi];
        if (blk->kind == FL_BLOCK_CELL && blk->table) {
            fl_buf_adds(b, "<p class=\"cellpos\">");
            fl_buf_printf(b, fl_tr(FL_M_H_CELL), fl_block_x(doc, blk)->row + 1, fl_block_x(doc, blk)->col + 1);
            fl_buf_adds(b, "</p>\n");
        }
        block_html(b, c, bi, blk->kind == FL_BLOCK_CELL);
    }
    fl_buf_adds(b, "</div>\n");
}
