/* The table of output formats and the run summary they all print. */
#include "report/report.h"
#include <string.h>

static const fl_reporter *const reporters[] = {
    &fl_report_text,
    &fl_report_json,
    &fl_report_jsonl,
    &fl_report_sarif,
    &fl_report_html,
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
