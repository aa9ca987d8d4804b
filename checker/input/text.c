/* Plain text and Markdown filings: one block per physical line, so that a
 * finding's line is the line an editor shows. Markdown adds ATX headings
 * (outline level from the number of #), pipe tables (one cell block per cell)
 * and image counts; every other piece of markup stays in the text. Headings of
 * plain text come from numbering patterns, which model/sections.c finds. The
 * bytes are decoded first (input/textenc.c: UTF-8, UTF-16, GB18030). */
#include "input/input.h"
#include "input/textenc.h"
#include "core/buf.h"
#include <string.h>

typedef struct reader {
    fl_doc *doc;
    bool markdown;
    size_t nul_bytes;
    fl_buf scratch; /* line without NUL bytes */
    /* Markdown state */
    bool in_fence;
    char fence_char;
    size_t fence_len;
    int table;      /* current table id, 0 outside a table */
    int table_row;
    bool header_row; /* the table's first row is a header (a |---| row follows) */
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
 * example filing. Counted, the markup itself stays in the text. */
static int count_images(const char *s, size_t n)
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
            i = (size_t)(paren - s);
        }
    }
    return images;
}

static fl_block *add(reader *r, fl_block_kind kind, const char *s, size_t n, int line)
{
    fl_block *b = fl_doc_add_block(r->doc, FL_PART_BODY, kind, s, n);
    b->line = line;
    if (r->markdown) b->images = count_images(s, n);
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

/* The |---|:---:| row under a pipe table's header. */
static bool is_separator_row(const char *s, size_t n)
{
    bool pipe = false, dash = false;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c == '|') pipe = true;
        else if (c == '-') dash = true;
        else if (c != ':' && c != ' ' && c != '\t') return false;
    }
    return pipe && dash;
}

static void add_cell(reader *r, const char *s, size_t n, int line, int col)
{
    trim(&s, &n);
    fl_buf cell = FL_BUF_INIT;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '\\' && i + 1 < n && s[i + 1] == '|') continue; /* \| is a literal pipe */
        fl_buf_addc(&cell, s[i]);
    }
    fl_block *b = add(r, FL_BLOCK_CELL, cell.data ? cell.data : "", cell.len, line);
    b->table = r->table;
    b->row = r->table_row;
    b->col = col;
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

/* next is the following physical line (NULL at the end), needed to see a
 * table's separator row under its header. */
static void markdown_line(reader *r, const char *s, size_t n, int line, const char *next, size_t next_len)
{
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
            if (!(r->table_row == 1 && is_separator_row(t, tn))) table_row(r, t, tn, line);
            return;
        }
        r->table = 0;
    }
    bool header = next && is_separator_row(next, next_len);
    bool starts_table = has_pipe(t, tn) && !is_separator_row(t, tn) &&
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
        s = r->scratch.data ? r->scratch.data : "";
        n = r->scratch.len;
    }
    if (is_blank(s, n)) {
        if (r->markdown) r->table = 0;
        return;
    }
    if (r->markdown) markdown_line(r, s, n, line, next, next_len);
    else add(r, FL_BLOCK_PARAGRAPH, s, n, line);
}

/* End of the line starting at s: the first LF or CR, or end. */
static size_t line_end(const char *s, size_t i, size_t len)
{
    const char *lf = memchr(s + i, '\n', len - i);
    size_t end = lf ? (size_t)(lf - s) : len;
    const char *cr = memchr(s + i, '\r', end - i);
    return cr ? (size_t)(cr - s) : end;
}

/* Past the line break at i: CRLF, LF or a lone CR (old Mac files). */
static size_t skip_break(const char *s, size_t i, size_t len)
{
    if (i < len && s[i] == '\r') i++;
    else if (i < len && s[i] == '\n') return i + 1;
    if (i < len && s[i] == '\n' && s[i - 1] == '\r') i++;
    return i;
}

int fl_text_read(fl_doc *doc, const char *data, size_t len, bool markdown, fl_error *err)
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
    data = src.data;
    len = src.len;
    reader r = {.doc = doc, .markdown = markdown, .scratch = FL_BUF_INIT};
    int line = 1;
    size_t i = 0;
    size_t end = line_end(data, 0, len);
    while (i < len) {
        size_t next = skip_break(data, end, len);
        size_t next_end = next < len ? line_end(data, next, len) : len;
        read_line(&r, data + i, end - i, line, next < len ? data + next : NULL, next_end - next);
        line++;
        i = next;
        end = next_end;
    }
    if (r.nul_bytes) fl_doc_add_notice(doc, -1, "NUL bytes removed from the text (%zu)", r.nul_bytes);
    fl_buf_free(&r.scratch);
    fl_text_src_free(&src);
    return 0;
}
