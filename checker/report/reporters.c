/* The table of output formats (report.h): --format's values, in the
 * order the usage lists them. A format is one file defining its
 * fl_reporter and one row here; the formats include report.h, which has
 * their types and shared helpers, and never this table. */
#include "report/report.h"
#include <string.h>

extern const fl_reporter fl_report_text;  /* text.c */
extern const fl_reporter fl_report_json;  /* json.c */
extern const fl_reporter fl_report_jsonl; /* jsonl.c */
extern const fl_reporter fl_report_sarif; /* sarif.c */
extern const fl_reporter fl_report_html;  /* html.c */
extern const fl_reporter fl_report_csv;   /* csv.c */

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

void fl_reporter_names(fl_buf *b, const char *sep)
{
    for (size_t i = 0; i < sizeof reporters / sizeof *reporters; i++) {
        if (i) fl_buf_adds(b, sep);
        fl_buf_adds(b, reporters[i]->name);
    }
}
