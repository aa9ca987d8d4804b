/* Kind `coverage`: the judging date lies past what a data table covers, so
 * the rules that read the table cannot judge this filing with it (DATA001).
 * One finding, at the filing's own date when the judging date came from it,
 * else about the document as a whole.
 *
 *   <coverage table="holidays"/>
 *
 * Only the holiday table has an end: a working day is known only for a year
 * whose State Council notice the table holds (and 25–31 December also needs
 * the next year's notice, which can move those days), so a judging date past
 * the last day known — the first day it may be, for a date known to the
 * month or the year — leaves the working-day periods uncountable (EIA402,
 * EIA404 say "year not in the table" case by case). A date before the first
 * year is no staleness and stays silent. The places and standards tables are
 * snapshots with no end: a division or a standard newer than them is simply
 * not known, which the rules reading them already treat as "say nothing".
 *
 * Placeholders: {date} the judging date, {from} where it came from (编制日期,
 * --as-of, 检查当日), {first} and {last} the years the table covers. */
#include "rules/kind.h"
#include "data/calendar.h"
#include "data/tables.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct coverage_table {
    fl_calendar *cal;
    int first, last; /* years; 0 when the table is empty */
} coverage_table;

static const char *const vars[] = {"date", "from", "first", "last", NULL};

static void free_table(void *p)
{
    coverage_table *t = p;
    if (!t) return;
    fl_calendar_free(t->cal);
    free(t);
}

static int load_table(void **out, const char *path, fl_error *err)
{
    fl_holidays *h = NULL;
    *out = NULL;
    if (fl_holidays_load(&h, path, err)) return -1;
    coverage_table *t = fl_xcalloc(1, sizeof *t);
    t->cal = fl_calendar_new(h);
    if (h->nyears) {
        t->first = h->years[0].year;
        t->last = h->years[h->nyears - 1].year;
    }
    fl_holidays_free(h);
    *out = t;
    return 0;
}

static int parse(fl_rule *rule, const xmlNode *el, fl_loader *ld, fl_error *err)
{
    const char *table = fl_loader_attr(ld, el, "table");
    if (!table || strcmp(table, "holidays"))
        return fl_loader_error(err, ld, el, "<coverage table=\"%s\">: only the holidays table ends at a date "
                                            "(places and standards are snapshots)", table ? table : "");
    if (fl_xml_first(el)) return fl_loader_error(err, ld, el, "<coverage/> takes no content");
    const char *data = fl_loader_attr(ld, el, "data");
    void *t;
    if (fl_loader_table(ld, el, data ? data : "holidays", load_table, free_table, &t, err)) return -1;
    rule->data = t;
    return 0;
}

static void run(const fl_rule *rule, fl_scan *s)
{
    const coverage_table *t = rule->data;
    const fl_judging *j = fl_scan_judging(s);
    if (!t->last || !j->date.y) return;
    /* the first day the judging date may be */
    fl_date first = {j->date.y, j->date.m ? j->date.m : 1, j->date.d ? j->date.d : 1};
    if (first.y < t->last || fl_calendar_covers(t->cal, &first, &first)) return;
    const fl_doc *doc = fl_scan_doc(s);
    int at = j->from == FL_JUDGED_FILING ? doc->filing_date.block : -1;
    fl_hit h = {.block = at >= 0 && (size_t)at < doc->nblocks ? at : -1, .severity = -1};
    char date[11], from_year[12], to_year[12];
    fl_date_format(&j->date, date);
    snprintf(from_year, sizeof from_year, "%d", t->first);
    snprintf(to_year, sizeof to_year, "%d", t->last);
    fl_hit_var(&h, "date", date);
    fl_hit_var(&h, "from", j->from == FL_JUDGED_OPTION ? "--as-of" : j->from == FL_JUDGED_FILING ? "编制日期" : "检查当日");
    fl_hit_var(&h, "first", from_year);
    fl_hit_var(&h, "last", to_year);
    fl_scan_emit(s, &h);
}

static void describe(const fl_rule *rule, FILE *out)
{
    const coverage_table *t = rule->data;
    fprintf(out, "数据表：法定节假日安排（holidays.xml），收录 %d—%d 年\n", t->first, t->last);
    fprintf(out, "报告：判断日期晚于表中最后一个已知的日子 %d-12-24（12 月 25 日起还要看 %d 年的通知）\n", t->last, t->last + 1);
    fprintf(out, "不报告：判断日期在表的范围内，或早于表的第一年\n");
}

const fl_kind fl_kind_coverage = {"coverage", vars, parse, run, describe};
