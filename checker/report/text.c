/* Text output (docs/cli.md): one finding per block of lines,
 *
 *   report.docx:57:1: error: 环境保护目标未说明饮用水水源保护区情况 [EIA101]
 *     § 三、区域环境质量现状、环境保护目标及评价标准 › 环境保护目标
 *     | 项目评价范围内不涉及生态保护红线、自然保护区和风景名胜区。
 *     依据：环环评〔2020〕48号 一（二）
 *
 * (the § and 依据 lines are left out when there is no section or basis; the
 * basis is the one in force on the judging date, its class in brackets), then
 * one summary line. The severity, the labels and the summary are in the
 * language of the run, "错误" or "error" (core/i18n.h); in English the
 * message is the rule's message-en. Files that could not be read are reported on stderr by
 * the check command, whatever the format. */
#include "report/report.h"
#include "core/buf.h"
#include "core/i18n.h"
#include "core/tame.h"
#include "core/utf8.h"
#include <stdlib.h>
#include <string.h>

#pragma GCC diagnostic ignored "-Wformat-nonliteral" /* rows of core/i18n.def */

typedef struct text_state {
    FILE *out;
    bool color, quiet, verbose;
} text_state;

#define BOLD "\033[1m"
#define DIM "\033[2m"
#define RESET "\033[0m"

static const char *const sev_color[] = {"\033[1;36m", "\033[1;33m", "\033[1;31m"};

static void *open_text(const fl_report_opts *o)
{
    text_state *t = fl_xcalloc(1, sizeof *t);
    t->out = o->out;
    t->color = o->color;
    t->quiet = o->quiet;
    t->verbose = o->verbose;
    return t;
}

/* One line of the report from text of the document or a file name. */
static const char *line_of(fl_buf *b, const char *s)
{
    fl_buf_clear(b);
    fl_buf_adds(b, ""); /* data is never NULL */
    fl_tame_append(b, s, strlen(s), false);
    return b->data;
}

static void finding(text_state *t, const char *raw_path, const fl_finding *f)
{
    const char *sev = fl_report_severity(f->severity);
    fl_buf pb = FL_BUF_INIT, mb = FL_BUF_INIT, sb = FL_BUF_INIT, eb = FL_BUF_INIT, bb = FL_BUF_INIT;
    const char *path = line_of(&pb, raw_path), *message = line_of(&mb, fl_report_message(f));
    char at[48]; /* line:column, or in a PDF p<page>:<line on the page> */
    if (f->page) snprintf(at, sizeof at, "p%d:%d", f->page, f->page_line);
    else snprintf(at, sizeof at, "%d:%d", f->line, f->column);
    if (t->color)
        fprintf(t->out, BOLD "%s:%s:" RESET " %s%s:" RESET " %s " DIM "[%s]" RESET "\n", path, at,
                sev_color[f->severity], sev, message, f->rule->id);
    else
        fprintf(t->out, "%s:%s: %s: %s [%s]\n", path, at, sev, message, f->rule->id);
    if (f->section && *f->section) fprintf(t->out, "  § %s\n", line_of(&sb, f->section));
    if (f->excerpt && *f->excerpt) fprintf(t->out, "  | %s\n", line_of(&eb, f->excerpt));
    const char *basis = fl_basis_line(&bb, fl_finding_basis(f));
    if (*basis) fprintf(t->out, fl_tr(FL_M_BASIS_LINE), basis);
    fl_buf_free(&pb);
    fl_buf_free(&bb);
    fl_buf_free(&mb);
    fl_buf_free(&sb);
    fl_buf_free(&eb);
}

/* -v: "report.docx: type eia-form (title line 2: 建设项目环境影响报告表);
 * judged as of 2019-04 (filing date, line 4)". */
static void verbose_line(text_state *t, const fl_file_report *f)
{
    const fl_result *r = f->result;
    char when[160];
    fl_buf pb = FL_BUF_INIT, wb = FL_BUF_INIT;
    fprintf(t->out, fl_tr(FL_M_V_TYPE), line_of(&pb, f->path), r->doc_type ? r->doc_type : fl_tr(FL_M_TYPE_UNKNOWN));
    if (r->doc_type_reason && *r->doc_type_reason) fprintf(t->out, fl_tr(FL_M_V_REASON), line_of(&wb, r->doc_type_reason));
    fprintf(t->out, fl_tr(FL_M_V_JUDGED), fl_judging_describe(&r->judged, when, sizeof when));
    fl_buf_free(&pb);
    fl_buf_free(&wb);
}

static void file_text(void *state, const fl_file_report *f)
{
    text_state *t = state;
    if (!f->result) return;
    if (t->verbose) verbose_line(t, f);
    for (size_t i = 0; i < f->result->nfindings; i++) finding(t, f->path, &f->result->findings[i]);
}

static const char *plural(size_t n) { return n == 1 ? "" : "s"; }

/* "2 files checked: 1 error, 0 warnings, 3 info; 1 file could not be read;
 * 4 other files skipped (3 .pdf, 1 .doc)". A file that could not be read
 * is not counted as checked: a run over one missing file says "no file
 * checked", never "1 file checked". */
static int close_text(void *state, const fl_summary *s)
{
    text_state *t = state;
    if (!t->quiet) {
        size_t unread = s->failed_files - s->failed_copies, checked = s->files - unread;
        if (!checked && unread)
            fputs(fl_tr(FL_M_SUM_NONE), t->out);
        else
            fprintf(t->out, fl_tr(FL_M_SUM_CHECKED), checked, plural(checked), s->by_severity[FL_SEV_ERROR],
                    plural(s->by_severity[FL_SEV_ERROR]), s->by_severity[FL_SEV_WARNING],
                    plural(s->by_severity[FL_SEV_WARNING]), s->by_severity[FL_SEV_INFO]);
        if (unread) fprintf(t->out, fl_tr(FL_M_SUM_UNREAD), unread, plural(unread));
        if (s->failed_copies)
            fprintf(t->out, fl_tr(FL_M_SUM_COPIES), s->failed_copies, s->failed_copies == 1 ? "y" : "ies");
        if (s->tool_errors) fprintf(t->out, fl_tr(FL_M_SUM_SKIPPED_RULES), s->tool_errors, plural(s->tool_errors));
        if (s->skipped)
            fprintf(t->out, fl_tr(FL_M_SUM_OTHER), s->skipped, plural(s->skipped),
                    s->skipped_summary ? s->skipped_summary : "");
        fputc('\n', t->out);
    }
    int rc = fflush(t->out) == 0 && !ferror(t->out) ? 0 : -1;
    free(t);
    return rc;
}

const fl_reporter fl_report_text = {.name = "text", .open = open_text, .file = file_text, .close = close_text};
