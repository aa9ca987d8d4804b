/* Plain text and Markdown filings: one block per physical line, so that a
 * finding's line is the line an editor shows. Markdown adds ATX headings
 * (outline level from the number of #), pipe tables (one cell block per cell)
 * and image counts; every other piece of markup stays in the text. Headings of
 * plain text come from numbering patterns, which model/sections.c finds. The
 * bytes are decoded first (input/textenc.c: UTF-8, UTF-16, GB18030).
 *
 * Tables in plain text (.txt; Markdown has its own). Word's "save as plain
 * text", WPS's export and a Word table pasted into Notepad write a row per
 * line with a tab at every cell boundary; tables copied from web pages or
 * typed by hand use | or ｜ (U+FF5C).
 *   - Tab cells: every tab is a boundary, so a run of n tabs between two
 *     texts is n - 1 empty cells (a blank or merged cell in Word's export)
 *     and trailing tabs are empty last cells. Leading tabs and spaces are
 *     indentation, except in a table when the leading tabs give the row as
 *     many cells as the row above: then they are empty first cells (Word's
 *     tab for a first-column cell merged down: "大气环境<tab>张庄村<tab>…"
 *     then "<tab>李庄<tab>…").
 *   - Pipe cells: one | or ｜ at each end of the line is dropped (web copies
 *     write "序号 | 名称 |"); the others are boundaries, empty cells included.
 *     A line with both uses pipes when one stands at an end or there is no
 *     tab, else tabs (a | inside a tab-separated cell is text). A |---|---|
 *     line is no row; under the first row it marks that row as a header.
 *   - A table is a run of consecutive row lines (two cells or more) of one
 *     kind, ended by a blank line, a line without cells or a change of kind,
 *     in which at least two lines have two texts. Cell counts may differ
 *     from row to row: a 基本情况 table mixes label/value rows of 2, 4 and 6
 *     cells. A line with one text ("传真<tab>", a blank value) is a row
 *     inside or at the end of a table, never its first; a row alone is a
 *     paragraph (a stray tab is common in prose).
 *   - Not rows: a number alone, a tab, then text ("1.1<tab>项目由来",
 *     "（1）<tab>废气：…") is a paragraph with Word's automatic number, so
 *     consecutive headings and list items stay paragraphs (a data row with
 *     its 序号 has three cells or more). A run whose every line is a contents
 *     entry (a page number, 1 to 3 digits or roman, after one or two cells of
 *     a numbered or known title, or of any title right after a 目录 line;
 *     page numbers never going down) stays paragraphs, which model/sections.c
 *     marks as contents; "总投资（万元）<tab>3000" is no entry, its label no
 *     title.
 *   - Cells keep their text ("项目名称：XX" too); model/fields.c pairs labels
 *     and values.
 *   - Columns separated by runs of spaces (text copied from a PDF) are not
 *     read as tables: a run of spaces is as often alignment or a gap inside
 *     a cell, and a wrong table is worse than none. Spreadsheet copies whose
 *     quoted cells hold line breaks are not joined either. */
#include "core/limits.h"
#include "doc/doc.h"
#include "doc/images.h"
#include "input/formats.h"
#include "core/fielderr.h"
#include "input/textenc.h"
#include "core/buf.h"
#include "core/utf8.h"
#include "core/heading.h"
#include <stdlib.h>
#include <string.h>

enum row_kind {
    ROW_NONE,   /* no cells: a paragraph */
    ROW_WEAK,   /* two or more cells, one with text */
    ROW_STRONG, /* two or more cells with text */
    ROW_SEP,    /* a |---|---| line */
    ROW_CONT,   /* one more checkbox option of the row above's last cell */
};

typedef struct run_line {
    const char *s;   /* the line: in the reader's buffer, or a cleaned copy in the
                        document's arena (NUL bytes removed) */
    size_t len;
    int line;
    enum row_kind kind;
} run_line;

typedef struct span { const char *s; size_t n; } span;

typedef struct reader {
    fl_doc *doc;
    bool markdown;
    size_t nul_bytes;
    /* The decoded text, which the document owns: block texts point into
     * it, each ended by a NUL written over the byte after it (a line break,
     * a cell separator, trailing white space), so that a line is not
     * copied once more into the arena. */
    char *own;
    size_t own_len;   /* own[own_len] is a NUL */
    fl_buf scratch;   /* line without NUL bytes */
    /* Markdown state */
    bool in_fence;
    char fence_char;
    size_t fence_len;
    int table;      /* current table id, 0 outside a table */
    int table_row;
    bool header_row; /* the table's first row is a header (a |---| row follows) */
    /* plain text: the run of row lines not yet emitted */
    char run_sep;    /* '\t' or '|', 0 when there is no run */
    bool run_option; /* the run's last row ends in a checkbox option cell */
    bool run_after_toc; /* the run follows a 目录 title */
    bool toc_title;  /* the last paragraph was a 目录 title */
    run_line *run;
    size_t nrun, cap_run;
    span *cells;     /* cells of one line, reused */
    size_t ncells, cap_cells;
    size_t lead_tabs; /* tabs in the indentation of that line */
    /* A degenerate input (doc.h, FL_MERGE_*): short plain lines become one
     * block per run, with their starts beside it (fl_block_set_lines). */
    bool merge;
    int last_line;     /* lines in the file */
    bool prev_directive; /* the last non-blank line was a <!-- directive */
    const char *m_start, *m_end; /* the pending run: its first line's start, its last line's end */
    int m_line;        /* its first line */
    uint16_t *m_starts; /* starts of its later lines, bytes from m_start; blank lines too */
    size_t m_n, m_cap, m_kept; /* m_kept: starts up to its last non-blank line */
} reader;

static bool is_blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (s[i] == ' ' || s[i] == '\t' || s[i] == '\f' || s[i] == '\v') continue;
        if (i + 3 <= n && !memcmp(s + i, "\xE3\x80\x80", 3)) { /* U+3000 */
            i += 2;
            continue;
        }
        return false;
    }
    return true;
}

static void trim(const char **s, size_t *n)
{
    while (*n && (**s == ' ' || **s == '\t')) { (*s)++; (*n)--; }
    while (*n && ((*s)[*n - 1] == ' ' || (*s)[*n - 1] == '\t')) (*n)--;
}

/* Markdown image syntax ![alt](target): a signature or seal picture in an
 * example filing. Counted, the markup itself stays in the text; with doc and
 * b given, each picture is also recorded by its path (doc/images.h). */
static int scan_images(const char *s, size_t n, fl_doc *doc, const fl_block *b)
{
    int images = 0;
    for (size_t i = 0; i + 1 < n; i++) {
        if (s[i] != '!' || s[i + 1] != '[') continue;
        const char *close = memchr(s + i + 2, ']', n - i - 2);
        if (!close) break;
        /* any "![" before this ']' would end at the same one: resume after
         * it, so a line stays linear however many "![" it holds */
        i = (size_t)(close - s);
        if (i + 1 < n && s[i + 1] == '(') {
            const char *paren = memchr(s + i + 1, ')', n - i - 1);
            if (!paren) break;
            images++;
            if (doc) fl_doc_image_add_named(doc, b, s + i + 2, (size_t)(paren - s) - i - 2);
            i = (size_t)(paren - s);
        }
    }
    return images;
}

/* A block of s[0, n): in place when s is in the reader's buffer (the byte
 * after it becomes its NUL: nothing reads it again), else copied. */
static fl_block *add_text(reader *r, fl_block_kind kind, const char *s, size_t n)
{
    if (r->own && s >= r->own && s + n <= r->own + r->own_len) {
        r->own[s + n - r->own] = '\0';
        return fl_doc_add_block_ref(r->doc, FL_PART_BODY, kind, s, n);
    }
    return fl_doc_add_block(r->doc, FL_PART_BODY, kind, s, n);
}

static fl_block *add(reader *r, fl_block_kind kind, const char *s, size_t n, int line)
{
    fl_block *b = add_text(r, kind, s, n);
    b->line = line;
    int images = r->markdown ? scan_images(s, n, NULL, NULL) : 0;
    if (images) {
        fl_block_xw(r->doc, b)->images = images;
        scan_images(b->text, b->len, r->doc, b);
    }
    return b;
}

/* "#".."######" followed by a space or the end of the line, after at most
 * three spaces of indentation (CommonMark). Returns the level, 0 if none, and
 * the heading text without the marks or an optional closing sequence. */
static int atx_heading(const char *s, size_t n, const char **text, size_t *tlen)
{
    size_t i = 0;
    while (i < n && i < 3 && s[i] == ' ') i++;
    size_t h = 0;
    while (i + h < n && s[i + h] == '#') h++;
    if (h == 0 || h > 6) return 0;
    i += h;
    if (i < n && s[i] != ' ' && s[i] != '\t') return 0;
    const char *t = s + i;
    size_t m = n - i;
    trim(&t, &m);
    size_t k = m;
    while (k && t[k - 1] == '#') k--;
    if (k < m && (k == 0 || t[k - 1] == ' ' || t[k - 1] == '\t')) {
        m = k;
        trim(&t, &m);
    }
    *text = t;
    *tlen = m;
    return (int)h;
}

/* ``` or ~~~ fences: nothing inside is a heading or a table. */
static bool fence_line(reader *r, const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && i < 3 && s[i] == ' ') i++;
    if (i >= n || (s[i] != '`' && s[i] != '~')) return false;
    char c = s[i];
    size_t k = 0;
    while (i + k < n && s[i + k] == c) k++;
    if (k < 3) return false;
    if (!r->in_fence) {
        r->in_fence = true;
        r->fence_char = c;
        r->fence_len = k;
        return true;
    }
    if (c == r->fence_char && k >= r->fence_len && is_blank(s + i + k, n - i - k)) {
        r->in_fence = false;
        return true;
    }
    return false;
}

static bool has_pipe(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '\\') { i++; continue; }
        if (s[i] == '|') return true;
    }
    return false;
}

/* U+FF5C FULLWIDTH VERTICAL LINE, the pipe of a Chinese input method */
#define FW_PIPE "\xEF\xBD\x9C"

/* The width of a | or ｜ at s[i], 0 if none. */
static size_t pipe_at(const char *s, size_t n, size_t i)
{
    if (s[i] == '|') return 1;
    return i + 3 <= n && !memcmp(s + i, FW_PIPE, 3) ? 3 : 0;
}

/* The |---|:---:| row under a pipe table's header; fw: ｜ too (plain text). */
static bool is_separator_row(const char *s, size_t n, bool fw)
{
    bool pipe = false, dash = false;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        size_t w = fw ? pipe_at(s, n, i) : c == '|';
        if (w) { pipe = true; i += w - 1; }
        else if (c == '-') dash = true;
        else if (c != ':' && c != ' ' && c != '\t') return false;
    }
    return pipe && dash;
}

/* Markdown cells unescape \| (a literal pipe); text cells keep every byte. */
static void add_cell(reader *r, const char *s, size_t n, int line, int col)
{
    trim(&s, &n);
    fl_buf cell = FL_BUF_INIT;
    bool escaped = false;
    for (size_t i = 0; r->markdown && i + 1 < n && !escaped; i++) escaped = s[i] == '\\' && s[i + 1] == '|';
    if (escaped) {
        for (size_t i = 0; i < n; i++) {
            if (s[i] == '\\' && i + 1 < n && s[i + 1] == '|') continue;
            fl_buf_addc(&cell, s[i]);
        }
        s = cell.data ? cell.data : "";
        n = cell.len;
    }
    fl_block *b = add(r, FL_BLOCK_CELL, s, n, line);
    b->table = r->table;
    fl_block_extra *x = fl_block_xw(r->doc, b);
    x->row = r->table_row;
    x->col = col;
    if (r->table_row == 1 && r->header_row) b->flags |= FL_BF_HEADER_ROW;
    fl_buf_free(&cell);
}

static void table_row(reader *r, const char *s, size_t n, int line)
{
    trim(&s, &n);
    if (n && s[0] == '|') { s++; n--; }
    if (n && s[n - 1] == '|' && !(n >= 2 && s[n - 2] == '\\')) n--;
    r->table_row++;
    int col = 1;
    size_t start = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '\\') { i++; continue; }
        if (s[i] == '|') {
            add_cell(r, s + start, i - start, line, col++);
            start = i + 1;
        }
    }
    add_cell(r, s + start, n - start, line, col);
}

static void flush_merged(reader *r);
static void text_paragraph(reader *r, const char *s, size_t n, int line);

/* May a Markdown line join a run of merged lines, as far as its marks
 * tell: not a list item, quote, indented code, setext underline or
 * anything else that starts with a mark, no table pipe, no picture. */
static bool markdown_plain(const char *s, size_t n)
{
    if (!n || strchr("#-*+>|`~=_ \t", s[0])) return false;
    if (memchr(s, '|', n)) return false;
    for (size_t i = 0; i + 1 < n; i++)
        if (s[i] == '!' && s[i + 1] == '[') return false;
    return true;
}

/* next is the following physical line (NULL at the end), needed to see a
 * table's separator row under its header. */
static void markdown_line(reader *r, const char *s, size_t n, int line, const char *next, size_t next_len)
{
    /* a degenerate file's plain lines merge as in text (text_paragraph);
     * whatever the marks make of a line stands alone, in reading order */
    if (!r->in_fence && !r->table && markdown_plain(s, n) && !(next && is_separator_row(next, next_len, false))) {
        text_paragraph(r, s, n, line);
        return;
    }
    flush_merged(r);
    if (fence_line(r, s, n) || r->in_fence) {
        r->table = 0;
        add(r, FL_BLOCK_PARAGRAPH, s, n, line);
        return;
    }
    const char *t = s;
    size_t tn = n;
    trim(&t, &tn);
    if (r->table) {
        if (has_pipe(t, tn)) {
            if (!(r->table_row == 1 && is_separator_row(t, tn, false))) table_row(r, t, tn, line);
            return;
        }
        r->table = 0;
    }
    bool header = next && is_separator_row(next, next_len, false);
    bool starts_table = has_pipe(t, tn) && !is_separator_row(t, tn, false) &&
                        (header || (tn >= 2 && t[0] == '|' && t[tn - 1] == '|'));
    if (starts_table) {
        r->table = fl_doc_new_table(r->doc);
        r->table_row = 0;
        r->header_row = header;
        table_row(r, t, tn, line);
        return;
    }
    const char *h;
    size_t hn;
    int level = atx_heading(s, n, &h, &hn);
    if (level) {
        if (hn == 0) return;
        fl_block *b = add(r, FL_BLOCK_PARAGRAPH, h, hn, line);
        b->outline = level;
        return;
    }
    add(r, FL_BLOCK_PARAGRAPH, s, n, line);
}

/* ---- tables in plain text ------------------------------------------------ */

/* Width of white space at s[i] (space, tab, U+3000), 0 if none. */
static size_t space_at(const char *s, size_t n, size_t i)
{
    if (s[i] == ' ' || s[i] == '\t') return 1;
    return i + 3 <= n && !memcmp(s + i, "\xE3\x80\x80", 3) ? 3 : 0;
}

/* Cell text: white space off both ends, U+3000 included (a cell's indent). */
static void trim_cell(const char **s, size_t *n)
{
    size_t w;
    while (*n && (w = space_at(*s, *n, 0)) != 0) { *s += w; *n -= w; }
    for (;;) {
        if (*n && ((*s)[*n - 1] == ' ' || (*s)[*n - 1] == '\t')) (*n)--;
        else if (*n >= 3 && !memcmp(*s + *n - 3, "\xE3\x80\x80", 3)) *n -= 3;
        else break;
    }
}

static void push_cell(reader *r, const char *s, size_t n)
{
    trim_cell(&s, &n);
    FL_VEC_RESERVE(r->cells, r->cap_cells, r->ncells + 1);
    r->cells[r->ncells++] = (span){s, n};
}

static bool cp_in(uint32_t c, const uint32_t *set)
{
    for (; *set; set++)
        if (c == *set) return true;
    return false;
}

/* A paragraph's automatic number alone, as Word writes it before a tab in
 * plain text: 1  1.1  1.  1、 1） (1) （一） 一、 第一章 第2节 ①. */
static bool number_label(const char *s, size_t n)
{
    static const uint32_t cn_digits[] = {0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D,
                                         0x5341, 0x767E, 0x96F6, 0x3007, 0x4E24, 0}; /* 一…十百零〇两 */
    static const uint32_t units[] = {0x7AE0, 0x8282, 0x90E8, 0x6761, 0x7BC7, 0x7F16, 0}; /* 章节部条篇编 */
    uint32_t cp[16];
    size_t m = 0;
    for (size_t i = 0; i < n;) {
        if (m == 16) return false;
        i += fl_utf8_decode(s + i, n - i, &cp[m++]);
    }
    size_t a = 0, b = m;
    if (m == 1 && cp[0] >= 0x2460 && cp[0] <= 0x2473) return true; /* ① … ⑳ */
    if (b - a >= 3 && cp[a] == 0x7B2C) { /* 第…章 */
        if (!cp_in(cp[b - 1], units)) return false;
        a++;
        b--;
    } else {
        bool open = a < b && (cp[a] == '(' || cp[a] == 0xFF08);
        a += open;
        if (a < b && (cp[b - 1] == ')' || cp[b - 1] == 0xFF09)) b--;
        else if (open) return false;
        else if (a < b && (cp[b - 1] == 0x3001 || cp[b - 1] == '.' || cp[b - 1] == 0xFF0E)) b--;
    }
    if (a >= b) return false;
    bool digits = true, cn = true;
    for (size_t k = a; k < b; k++) {
        uint32_t c = cp[k];
        bool inner_dot = (c == '.' || c == 0xFF0E) && k > a && k + 1 < b;
        digits = digits && ((c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19) || inner_dot);
        cn = cn && cp_in(c, cn_digits);
    }
    return digits || cn;
}

/* Split a line into r->cells; returns the kind of row and sets *sep. */
static enum row_kind split_row(reader *r, const char *s, size_t n, char *sep)
{
    r->ncells = 0;
    r->lead_tabs = 0;
    *sep = 0;
    size_t w;
    while (n && (w = space_at(s, n, 0)) != 0) { /* indentation */
        r->lead_tabs += *s == '\t';
        s += w;
        n -= w;
    }
    const char *t = s; /* the line without white space at either end, for pipes */
    size_t tn = n;
    trim_cell(&t, &tn);
    if (!tn) return ROW_NONE;
    bool tab = memchr(s, '\t', n) != NULL, pipe = false; /* a trailing tab is an empty cell */
    for (size_t i = 0; i < tn && !pipe; i++) pipe = pipe_at(t, tn, i) != 0;
    size_t last = tn - 1;
    while (last && ((unsigned char)t[last] & 0xC0) == 0x80) last--;
    bool edge = pipe_at(t, tn, 0) || pipe_at(t, tn, last);
    if (pipe && (edge || !tab)) {
        *sep = '|';
        if (is_separator_row(t, tn, true)) return ROW_SEP;
        if ((w = pipe_at(t, tn, 0)) != 0) { t += w; tn -= w; }
        if (tn && t[tn - 1] == '|') tn--;
        else if (tn >= 3 && !memcmp(t + tn - 3, FW_PIPE, 3)) tn -= 3;
        size_t start = 0;
        for (size_t i = 0; i < tn; i++) {
            if ((w = pipe_at(t, tn, i)) == 0) continue;
            push_cell(r, t + start, i - start);
            start = i + w;
            i += w - 1;
        }
        push_cell(r, t + start, tn - start);
    } else if (tab) {
        *sep = '\t';
        while (n && s[n - 1] == ' ') n--;
        size_t start = 0;
        for (size_t i = 0; i < n; i++)
            if (s[i] == '\t') {
                push_cell(r, s + start, i - start);
                start = i + 1;
            }
        push_cell(r, s + start, n - start);
    } else {
        return ROW_NONE;
    }
    size_t filled = 0;
    for (size_t k = 0; k < r->ncells; k++) filled += r->cells[k].n != 0;
    if (r->ncells < 2 || filled == 0) return ROW_NONE;
    /* "1.1<tab>项目由来", "（1）<tab>废气：…": a numbered paragraph (a data row
     * with its 序号 has three cells or more) */
    if (*sep == '\t' && filled == 2 && r->cells[0].n && number_label(r->cells[0].s, r->cells[0].n))
        return ROW_NONE;
    return filled >= 2 ? ROW_STRONG : ROW_WEAK;
}

/* A contents entry's page number: 1 to 3 digits (*value), or a roman
 * numeral of the front matter (*value 0). */
static bool page_number(const span *c, int *value)
{
    /* Word's "错误！未定义书签。" where the number should be: any page */
    if (c->n && fl_field_error_suffix(c->s, c->n) == c->n) { *value = -1; return true; }
    size_t digits = 0, roman = 0;
    int v = 0;
    for (size_t i = 0; i < c->n; i++) {
        char ch = c->s[i];
        if (ch >= '0' && ch <= '9') {
            if (++digits > 3) return false;
            v = v * 10 + (ch - '0');
        } else if (ch && strchr("IVXivx", ch)) {
            if (++roman > 6) return false;
        } else {
            return false;
        }
    }
    if (digits && !roman) { *value = v; return true; }
    if (roman && !digits) { *value = 0; return true; }
    return false;
}

/* The line's cells (r->cells) are a contents entry: one or two cells of
 * title, then a page number ("一、建设项目基本情况\t1", "1.1\t项目由来\t3").
 * The title must be numbered or a known one, unless the run follows 目录. */
static bool toc_entry(reader *r, bool after_toc, int *page)
{
    span f[3];
    size_t nf = 0;
    for (size_t k = 0; k < r->ncells; k++) {
        if (!r->cells[k].n) continue;
        if (nf == 3) return false;
        f[nf++] = r->cells[k];
    }
    if (nf < 2 || !page_number(&f[nf - 1], page)) return false;
    if (after_toc) return true;
    char title[4 * FL_TYPED_MAX_CP + 8];
    size_t len = f[0].n + (nf == 3 ? 1 + f[1].n : 0);
    if (len >= sizeof title) return false; /* too long for a title anyway */
    memcpy(title, f[0].s, f[0].n);
    if (nf == 3) {
        title[f[0].n] = ' ';
        memcpy(title + f[0].n + 1, f[1].s, f[1].n);
    }
    fl_typed t;
    fl_typed_classify(&t, title, len);
    return t.kind != FL_TK_NONE;
}

/* 目录, 目 录, 目次, CONTENTS: the title of a table of contents. */
static bool is_toc_title(const char *s, size_t n)
{
    char k[16];
    size_t m = 0;
    for (size_t i = 0; i < n;) {
        size_t w = space_at(s, n, i);
        if (w) { i += w; continue; }
        if (m == sizeof k - 1) return false;
        char c = s[i++];
        k[m++] = c >= 'a' && c <= 'z' ? (char)(c - 'a' + 'A') : c;
    }
    k[m] = '\0';
    return !strcmp(k, "目录") || !strcmp(k, "目次") || !strcmp(k, "CONTENTS");
}

static void paragraph(reader *r, const char *s, size_t n, int line)
{
    add(r, FL_BLOCK_PARAGRAPH, s, n, line);
    r->toc_title = is_toc_title(s, n);
}

/* May this paragraph line join a run of merged lines? In the reader's
 * buffer, nothing the model reads a line at a time (fl_doc_line_mergeable;
 * no contents title, no directive or the line it governs), not at the top
 * or the bottom of the file. */
static bool mergeable(const reader *r, const char *s, size_t n, int line)
{
    if (!r->merge || line <= (int)FL_MERGE_EDGE || line > r->last_line - (int)FL_MERGE_EDGE || r->prev_directive)
        return false;
    if (s < r->own || s + n > r->own + r->own_len) return false;
    return fl_doc_line_mergeable(s, n) && !is_toc_title(s, n);
}

/* Emit the pending run: one line as the paragraph it is, more as one block
 * whose lines are separated by LF (a CR becomes an LF too, so CRLF is two:
 * the buffer is the document's, and fl_block_line_of ends a line before
 * both). */
static void flush_merged(reader *r)
{
    if (!r->m_start) return;
    const char *s = r->m_start;
    size_t n = (size_t)(r->m_end - s);
    r->m_start = NULL;
    if (!r->m_kept) {
        paragraph(r, s, n, r->m_line);
        return;
    }
    char *w = r->own + (s - r->own);
    for (size_t i = 0; i < n; i++)
        if (w[i] == '\r') w[i] = '\n';
    fl_block *b = add(r, FL_BLOCK_PARAGRAPH, s, n, r->m_line);
    fl_block_set_lines(r->doc, b, r->m_starts, r->m_kept + 1);
    r->toc_title = false;
}

/* A plain paragraph line: joins the pending run when it may, else ends it
 * and stands alone. */
static void text_paragraph(reader *r, const char *s, size_t n, int line)
{
    if (!mergeable(r, s, n, line)) {
        flush_merged(r);
        paragraph(r, s, n, line);
        return;
    }
    if (r->m_start && (size_t)(s + n - r->m_start) <= FL_MERGED_MAX_BYTES) {
        FL_VEC_RESERVE(r->m_starts, r->m_cap, r->m_n + 1);
        r->m_starts[r->m_n++] = (uint16_t)(s - r->m_start);
        r->m_kept = r->m_n;
        r->m_end = s + n;
        r->toc_title = false;
        return;
    }
    flush_merged(r);
    r->m_start = s;
    r->m_end = s + n;
    r->m_line = line;
    r->m_n = r->m_kept = 0;
    r->toc_title = false;
}

/* A blank line inside a pending run belongs to it if another line joins. */
static void blank_in_merged(reader *r, const char *s)
{
    if (!r->m_start) return;
    if ((size_t)(s - r->m_start) > FL_MERGED_MAX_BYTES) { flush_merged(r); return; }
    FL_VEC_RESERVE(r->m_starts, r->m_cap, r->m_n + 1);
    r->m_starts[r->m_n++] = (uint16_t)(s - r->m_start);
}

/* Is the run from line `first` on a table of contents (every row an entry,
 * page numbers never going down)? */
static bool toc_run(reader *r, size_t first)
{
    int last_page = 0;
    for (size_t k = first; k < r->nrun; k++) {
        const run_line *l = &r->run[k];
        if (l->kind == ROW_SEP || l->kind == ROW_CONT) continue;
        char sep;
        int page;
        split_row(r, l->s, l->len, &sep);
        if (!toc_entry(r, r->run_after_toc, &page) || (page >= 0 && page < last_page)) return false;
        if (page >= 0) last_page = page;
    }
    return true;
}

/* Does s start with a checkbox (after white space): □ ☐ ☑ ☒ ■ √ ✓ ✔? */
static bool option_start(const char *s, size_t n)
{
    static const char *const marks[] = {"□", "☐", "☑", "☒", "■", "√", "✓", "✔"};
    size_t i = 0;
    while (i < n && (s[i] == ' ' || s[i] == '\t')) i++;
    for (size_t k = 0; k < sizeof marks / sizeof *marks; k++) {
        size_t m = strlen(marks[k]);
        if (n - i >= m && !memcmp(s + i, marks[k], m)) return true;
    }
    return false;
}

/* Emit the run of row lines: a table when it holds two rows with two texts
 * and is no table of contents, else paragraphs as they were. */
static void flush_run(reader *r)
{
    if (!r->nrun) return;
    size_t first = 0, strong = 0;
    while (first < r->nrun && r->run[first].kind != ROW_STRONG) first++;
    for (size_t k = first; k < r->nrun; k++) strong += r->run[k].kind == ROW_STRONG;
    bool table = strong >= 2 && !toc_run(r, first);
    for (size_t k = 0; k < (table ? first : r->nrun); k++)
        paragraph(r, r->run[k].s, r->run[k].len, r->run[k].line);
    int last_col = 0; /* the column of the row above's last cell with text */
    if (table) {
        r->table = fl_doc_new_table(r->doc);
        r->table_row = 0;
        size_t above = 0; /* cells of the row above */
        for (size_t k = first; k < r->nrun; k++) {
            const run_line *l = &r->run[k];
            if (l->kind == ROW_SEP) continue; /* a |---| line, or a border between rows */
            if (l->kind == ROW_CONT) { /* Word writes a cell's paragraphs on lines of their own */
                if (last_col) add_cell(r, l->s, l->len, l->line, last_col);
                continue;
            }
            char sep;
            split_row(r, l->s, l->len, &sep);
            if (sep == '\t' && r->lead_tabs && r->ncells + r->lead_tabs == above) { /* empty first cells */
                FL_VEC_RESERVE(r->cells, r->cap_cells, above);
                memmove(r->cells + r->lead_tabs, r->cells, r->ncells * sizeof *r->cells);
                for (size_t c = 0; c < r->lead_tabs; c++) r->cells[c] = (span){"", 0};
                r->ncells = above;
            }
            above = r->ncells;
            r->table_row++;
            r->header_row = r->table_row == 1 && k + 1 < r->nrun && r->run[k + 1].kind == ROW_SEP;
            last_col = 0;
            for (size_t c = 0; c < r->ncells; c++) {
                add_cell(r, r->cells[c].s, r->cells[c].n, l->line, (int)c + 1);
                if (r->cells[c].n) last_col = (int)c + 1;
            }
        }
        r->table = 0;
        r->toc_title = false;
    }
    r->nrun = 0;
    r->run_sep = 0;
    r->run_option = false;
}

/* A plain-text line: a row joins the run (a row of the other kind starts
 * a new one), anything else ends it. */
static void text_line(reader *r, const char *s, size_t n, int line)
{
    char sep;
    enum row_kind kind = split_row(r, s, n, &sep);
    /* the options of a checkbox cell saved as text one per line: "建设性质\t□新建"
     * then "□改建", "☑技术改造" */
    if (kind == ROW_NONE && r->nrun && r->run_sep == '\t' && r->run_option && option_start(s, n)) kind = ROW_CONT;
    if (kind != ROW_NONE) flush_merged(r); /* in reading order, before the rows */
    if (kind == ROW_CONT) {
        FL_VEC_RESERVE(r->run, r->cap_run, r->nrun + 1);
        r->run[r->nrun++] = (run_line){s, n, line, kind};
        return;
    }
    if (kind == ROW_NONE || (r->nrun && sep != r->run_sep)) flush_run(r);
    if (kind == ROW_NONE) {
        text_paragraph(r, s, n, line);
        return;
    }
    if (!r->nrun) {
        r->run_sep = sep;
        r->run_after_toc = r->toc_title;
    }
    FL_VEC_RESERVE(r->run, r->cap_run, r->nrun + 1);
    r->run[r->nrun++] = (run_line){s, n, line, kind};
    const span *last = NULL; /* split_row left this line's cells in r->cells */
    for (size_t c = 0; c < r->ncells; c++)
        if (r->cells[c].n) last = &r->cells[c];
    r->run_option = last && option_start(last->s, last->n);
}

/* One physical line, CR already stripped. NUL bytes would cut the text short
 * for every consumer of the NUL-terminated block text, so they are dropped. */
static void read_line(reader *r, const char *s, size_t n, int line, const char *next, size_t next_len)
{
    if (memchr(s, '\0', n)) {
        fl_buf_clear(&r->scratch);
        for (size_t i = 0; i < n; i++) {
            if (s[i]) fl_buf_addc(&r->scratch, s[i]);
            else r->nul_bytes++;
        }
        /* a copy that lives as long as the document: a run of rows keeps it */
        s = fl_arena_strndup(&r->doc->arena, r->scratch.data ? r->scratch.data : "", r->scratch.len);
        n = r->scratch.len;
    }
    if (is_blank(s, n)) {
        if (r->markdown) r->table = 0;
        else flush_run(r);
        blank_in_merged(r, s);
        return;
    }
    if (r->markdown) markdown_line(r, s, n, line, next, next_len);
    else text_line(r, s, n, line);
    size_t i = 0;
    while (i < n && (s[i] == ' ' || s[i] == '\t')) i++;
    r->prev_directive = n - i >= 4 && !memcmp(s + i, "<!--", 4);
}

/* Lines of the text as the reader counts them: LF, CRLF and a lone CR each
 * end one, and a last line without a break counts. */
static size_t count_lines(const char *s, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        n += s[i] == '\n' || (s[i] == '\r' && (i + 1 == len || s[i + 1] != '\n'));
    return n + (len && s[len - 1] != '\n' && s[len - 1] != '\r');
}

/* End of the line starting at i: the first LF or CR, or end. One scan up to
 * the break: looking for an LF first would read to the end of a file of
 * lone CRs (old Mac text) on every line. */
static size_t line_end(const char *s, size_t i, size_t len)
{
    while (i < len && s[i] != '\n' && s[i] != '\r') i++;
    return i;
}

/* Past the line break at i: CRLF, LF or a lone CR (old Mac files). */
static size_t skip_break(const char *s, size_t i, size_t len)
{
    if (i < len && s[i] == '\r') i++;
    else if (i < len && s[i] == '\n') return i + 1;
    if (i < len && s[i] == '\n' && s[i - 1] == '\r') i++;
    return i;
}

/* The decoded text in a buffer the document owns: the converted text
 * (UTF-16, GB18030), else the caller's buffer when *owned gives it (the
 * file as read; *owned is then NULL), else one copy. Returns the text,
 * NUL-terminated at src->len. */
static char *own_text(fl_doc *doc, fl_text_src *src, const char *data, size_t len, char **owned)
{
    char *base, *text;
    if (src->buf.data && src->data >= src->buf.data && src->data <= src->buf.data + src->buf.len) {
        size_t off = (size_t)(src->data - src->buf.data);
        base = fl_xrealloc(src->buf.data, off + src->len + 1); /* the converter reserved more */
        src->buf = (fl_buf)FL_BUF_INIT;
        text = base + off;
    } else if (owned && *owned && src->data >= data && src->data <= data + len) {
        base = *owned;
        *owned = NULL;
        text = base + (src->data - data);
    } else {
        base = text = fl_xmalloc(src->len + 1);
        if (src->len) memcpy(text, src->data, src->len);
    }
    text[src->len] = '\0';
    fl_doc_adopt(doc, base);
    return text;
}

int fl_text_read_owned(fl_doc *doc, const char *data, size_t len, bool markdown, char **owned, fl_error *err)
{
    fl_text_src src;
    if (fl_text_decode(&src, data, len, err)) {
        fl_text_src_free(&src);
        return -1;
    }
    doc->encoding = src.encoding;
    if (strcmp(src.encoding, "UTF-8") != 0) fl_doc_add_notice(doc, -1, "read as %s", src.encoding);
    if (src.bad_units)
        fl_doc_add_notice(doc, -1, "invalid UTF-16 replaced by U+FFFD or dropped (%zu code units)", src.bad_units);
    char *text = own_text(doc, &src, data, len, owned);
    len = src.len;
    reader r = {.doc = doc, .markdown = markdown, .own = text, .own_len = len, .scratch = FL_BUF_INIT};
    size_t lines = count_lines(text, len);
    r.merge = lines >= FL_MERGE_MIN_LINES && len < lines * FL_MERGE_MAX_AVG && lines <= INT32_MAX;
    r.last_line = (int)(lines <= INT32_MAX ? lines : 0);
    int line = 1;
    size_t i = 0;
    size_t end = line_end(text, 0, len);
    while (i < len) {
        size_t next = skip_break(text, end, len);
        size_t next_end = next < len ? line_end(text, next, len) : len;
        read_line(&r, text + i, end - i, line, next < len ? text + next : NULL, next_end - next);
        line++;
        i = next;
        end = next_end;
    }
    if (!markdown) flush_run(&r);
    flush_merged(&r);
    if (r.nul_bytes) fl_doc_add_notice(doc, -1, "NUL bytes removed from the text (%zu)", r.nul_bytes);
    fl_buf_free(&r.scratch);
    free(r.run);
    free(r.cells);
    free(r.m_starts);
    fl_text_src_free(&src);
    return 0;
}

int fl_text_read(fl_doc *doc, const char *data, size_t len, bool markdown, fl_error *err)
{
    return fl_text_read_owned(doc, data, len, markdown, NULL, err);
}
