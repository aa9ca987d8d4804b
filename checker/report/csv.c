/* CSV output (`--format csv`): one row per finding, for spreadsheets —
 * auditors sort and filter a batch's findings in Excel or WPS.
 *
 * - UTF-8 with a byte order mark: without it Excel reads a CSV in the
 *   system's ANSI code page (GBK on a Chinese Windows) and the Chinese text
 *   comes out garbled.
 * - RFC 4180: CRLF line ends; a field holding a comma, a double quote, CR or
 *   LF is quoted, its quotes doubled. A semicolon or a tab quotes it too:
 *   Excel in a locale whose list separator is ';' would split there, and
 *   quotes are honoured whatever the separator.
 * - Columns: file, line, column, rule, severity, class, category, message,
 *   basis, section, excerpt, judged_as_of, page (the header row names them;
 *   the values are those of the JSON report: severity error / warning /
 *   info, class fraud / serious-quality / quality / procedure / none, column
 *   and line 1-based, judged_as_of as precise as it is known, page the PDF
 *   page the finding is on, empty for other formats). page came last so
 *   that a sheet or script reading the columns by position still finds the
 *   earlier ones where they were.
 * - A file that cannot be read is one row: severity "error", category
 *   "unreadable", the reason as message, the finding columns empty — a
 *   spreadsheet of the batch must not lose it silently. A rule skipped on a
 *   file (a pattern limit) is a row with severity "warning", category
 *   "incomplete" and that rule. A file without findings has no row.
 * - Formula injection: the text comes from the filings, and a cell that
 *   starts with = + - @ (or a tab or CR) is a formula to Excel and other
 *   spreadsheets: =HYPERLINK(…) sends data away, =cmd|… ran programs through
 *   DDE. Following OWASP's advice, such a cell gets a leading apostrophe so
 *   it stays text; the full-width forms ＝ ＋ － ＠ too, since an input method
 *   may have typed them and spreadsheets in CJK locales may read them as the
 *   ASCII ones. Numbers (line, column) are written by the tool and never
 *   prefixed.
 *
 * Invalid UTF-8 (a file name from a foreign file system) is repaired and C0
 * control characters other than tab, CR and LF are dropped: a NUL or an ESC
 * has no place in a cell. Each file's rows are written when it is reported. */
#include "report/report.h"
#include "core/i18n.h"
#include "core/utf8.h"
#include <stdlib.h>
#include <string.h>

typedef struct csv_state { FILE *out; fl_buf row; } csv_state;

static const char *const columns[] = {"file", "line", "column", "rule", "severity", "class", "category",
                                      "message", "basis", "section", "excerpt", "judged_as_of", "page"};
enum { NCOLS = sizeof columns / sizeof *columns };

/* Does the cell start like a formula? */
static bool formula_start(const char *s)
{
    static const char *const wide[] = {"\xEF\xBC\x9D", "\xEF\xBC\x8B", "\xEF\xBC\x8D", "\xEF\xBC\xA0"}; /* ＝＋－＠ */
    if (*s && strchr("=+-@\t\r", *s)) return true;
    for (size_t i = 0; i < sizeof wide / sizeof *wide; i++)
        if (!strncmp(s, wide[i], 3)) return true;
    return false;
}

/* One text cell (NULL is empty), then the separator unless last. */
static void cell(fl_buf *b, const char *s, bool last)
{
    fl_arena a;
    bool fixed = false;
    if (!s) s = "";
    size_t n = strlen(s);
    if (!fl_utf8_valid(s, n)) {
        size_t out_len, bad;
        fl_arena_init(&a);
        s = fl_utf8_sanitize(&a, s, n, &out_len, &bad);
        n = out_len;
        fixed = true;
    }
    bool quote = false;
    for (size_t i = 0; i < n && !quote; i++) quote = strchr(",\";\t\r\n", s[i]) != NULL;
    if (quote) fl_buf_addc(b, '"');
    if (formula_start(s)) fl_buf_addc(b, '\'');
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"') fl_buf_addc(b, '"');
        if (c >= 0x20 || c == '\t' || c == '\r' || c == '\n') fl_buf_addc(b, (char)c);
    }
    if (quote) fl_buf_addc(b, '"');
    fl_buf_adds(b, last ? "\r\n" : ",");
    if (fixed) fl_arena_free(&a);
}

static void number(fl_buf *b, int v)
{
    if (v > 0) fl_buf_printf(b, "%d", v);
    fl_buf_addc(b, ',');
}

static void *open_csv(const fl_report_opts *o)
{
    csv_state *c = fl_xcalloc(1, sizeof *c);
    c->out = o->out;
    fl_buf_adds(&c->row, "\xEF\xBB\xBF");
    for (int i = 0; i < NCOLS; i++) cell(&c->row, columns[i], i == NCOLS - 1);
    return c;
}

static void flush_rows(csv_state *c)
{
    if (c->row.len) fwrite(c->row.data, 1, c->row.len, c->out);
    fl_buf_clear(&c->row);
}

static void file_csv(void *state, const fl_file_report *f)
{
    csv_state *c = state;
    fl_buf *b = &c->row;
    if (!f->result) {
        cell(b, f->path, false);
        fl_buf_adds(b, ",,,");                       /* line, column, rule */
        cell(b, "error", false);
        fl_buf_addc(b, ',');                         /* class */
        cell(b, "unreadable", false);
        cell(b, f->error ? f->error->message : fl_tr(FL_M_H_UNREADABLE), false);
        fl_buf_adds(b, ",,,,\r\n");                  /* basis, section, excerpt, judged_as_of, page */
        flush_rows(c);
        return;
    }
    char judged[11];
    fl_date_format(&f->result->judged.date, judged);
    for (size_t i = 0; i < f->result->nfindings; i++) {
        const fl_finding *fd = &f->result->findings[i];
        const fl_basis *basis = fl_finding_basis(fd);
        cell(b, f->path, false);
        number(b, fd->line);
        number(b, fd->column);
        cell(b, fd->rule->id, false);
        cell(b, fl_severity_name(fd->severity), false);
        cell(b, fl_class_name(basis->cls), false);
        cell(b, fd->rule->category, false);
        cell(b, fl_report_message(fd), false);
        cell(b, basis->text, false);
        cell(b, fd->section, false);
        cell(b, fd->excerpt, false);
        cell(b, judged, false);
        if (fd->page > 0) fl_buf_printf(b, "%d", fd->page);
        fl_buf_adds(b, "\r\n");
    }
    for (size_t i = 0; i < f->result->nerrors; i++) {
        const fl_tool_error *e = &f->result->errors[i];
        cell(b, f->path, false);
        fl_buf_adds(b, ",,");
        cell(b, e->rule, false);
        cell(b, "warning", false);
        fl_buf_addc(b, ',');
        cell(b, "incomplete", false);
        cell(b, e->message, false);
        fl_buf_adds(b, ",,,");
        cell(b, judged, false);
        fl_buf_adds(b, "\r\n"); /* page */
    }
    flush_rows(c);
}

static int close_csv(void *state, const fl_summary *s)
{
    (void)s;
    csv_state *c = state;
    flush_rows(c); /* the header of a run without files */
    int rc = fflush(c->out) == 0 && !ferror(c->out) ? 0 : -1;
    fl_buf_free(&c->row);
    free(c);
    return rc;
}

const fl_reporter fl_report_csv = {.name = "csv", .open = open_csv, .file = file_csv, .close = close_csv};
