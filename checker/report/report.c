/* The table of output formats, the run summary they all print and the
 * invocation the record-keeping ones (SARIF, HTML) write down. */
#include "report/report.h"
#include <stdlib.h>
#include <string.h>

static const fl_reporter *const reporters[] = {
    &fl_report_text,
    &fl_report_json,
    &fl_report_jsonl,
    &fl_report_sarif,
    &fl_report_html,
    &fl_report_csv,
};

const fl_reporter *fl_reporter_find(const char *name)
{
    for (size_t i = 0; i < sizeof reporters / sizeof *reporters; i++)
        if (!strcmp(reporters[i]->name, name)) return reporters[i];
    return NULL;
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
