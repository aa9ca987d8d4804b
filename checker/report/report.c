/* What the output formats share: words for people, the run summary they
 * all print and the invocation the record-keeping ones (SARIF, HTML) write
 * down. The table of formats is reporters.c. */
#include "report/report.h"
#include "model/doctypes.h"
#include "core/i18n.h"
#include <stdlib.h>
#include <string.h>

const char *fl_report_severity(fl_severity s)
{
    return fl_tr(s == FL_SEV_INFO ? FL_M_SEV_INFO : s == FL_SEV_WARNING ? FL_M_SEV_WARNING : FL_M_SEV_ERROR);
}

const char *fl_report_type(const char *t)
{
    if (!t) return fl_tr(FL_M_TYPE_UNKNOWN);
    const fl_doc_type *dt = fl_doc_type_find(t);
    return dt ? fl_tr(dt->name) : t;
}

const char *fl_report_part(fl_part p)
{
    static const fl_msg names[FL_PART_COUNT] = {FL_M_PART_BODY,     FL_M_PART_TEXTBOX, FL_M_PART_HEADER,
                                                FL_M_PART_FOOTER,   FL_M_PART_FOOTNOTE, FL_M_PART_ENDNOTE,
                                                FL_M_PART_COMMENT};
    return fl_tr((unsigned)p < FL_PART_COUNT ? names[p] : FL_M_PART_OTHER);
}

const char *fl_report_message(const fl_finding *f)
{
    if (fl_lang_get() == FL_LANG_EN && f->message_en && *f->message_en) return f->message_en;
    return f->message ? f->message : "";
}

const char *fl_report_rule_summary(const fl_rule *r)
{
    if (fl_lang_get() == FL_LANG_EN && r->message_en && *r->message_en) return r->message_en;
    return r->summary ? r->summary : r->message ? r->message : "";
}

void fl_summary_add(fl_summary *s, const fl_file_report *f)
{
    s->files++;
    if (!f->result) {
        s->failed_files++;
        return;
    }
    for (size_t i = 0; i < f->result->nfindings; i++) {
        unsigned sev = (unsigned)f->result->findings[i].severity;
        if (sev <= FL_SEV_ERROR) s->by_severity[sev]++;
    }
    s->tool_errors += f->result->nerrors;
}

/* ---- the invocation ------------------------------------------------------- */

static fl_invocation invocation;
static bool invocation_set;

static bool source_date_epoch(time_t *out)
{
    const char *sde = getenv("SOURCE_DATE_EPOCH");
    char *end = NULL;
    long long v = sde && *sde ? strtoll(sde, &end, 10) : -1;
    if (!sde || !*sde || *end || v < 0) return false;
    *out = (time_t)v;
    return true;
}

time_t fl_invocation_now(void)
{
    time_t t;
    return source_date_epoch(&t) ? t : time(NULL);
}

void fl_invocation_record(int argc, char **argv)
{
    invocation.argc = argc;
    invocation.argv = argv;
    invocation.start = fl_invocation_now();
    invocation_set = true;
}

const fl_invocation *fl_invocation_get(void)
{
    if (!invocation_set) {
        invocation.start = fl_invocation_now();
        invocation_set = true;
    }
    return &invocation;
}

/* Bytes a shell takes literally; UTF-8 (file names in Chinese) is safe too. */
static bool shell_plain(const char *s)
{
    if (!*s) return false;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        if (!(*p >= 0x80 || (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
              strchr("-_./=:,+@%", *p)))
            return false;
    return true;
}

void fl_invocation_command_line(fl_buf *b)
{
    const fl_invocation *inv = fl_invocation_get();
    for (int i = 0; i < inv->argc; i++) {
        const char *a = inv->argv[i] ? inv->argv[i] : "";
        if (i == 0) {
            const char *slash = strrchr(a, '/');
            a = slash ? slash + 1 : a;
        } else {
            fl_buf_addc(b, ' ');
        }
        if (shell_plain(a)) {
            fl_buf_adds(b, a);
            continue;
        }
        fl_buf_addc(b, '\'');
        for (const char *p = a; *p; p++) {
            if (*p == '\'') fl_buf_adds(b, "'\\''");
            else fl_buf_addc(b, *p);
        }
        fl_buf_addc(b, '\'');
    }
}

const char *fl_utc_iso(time_t t, char out[21])
{
    struct tm tm;
    if (!gmtime_r(&t, &tm) || !strftime(out, 21, "%Y-%m-%dT%H:%M:%SZ", &tm)) snprintf(out, 21, "1970-01-01T00:00:00Z");
    return out;
}
