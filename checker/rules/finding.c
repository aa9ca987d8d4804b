/* Finding lists: growth, tool errors and the report order. */
#include "rules/finding.h"
#include "core/i18n.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *const fl_judged_from_names[] = {"today", "filing", "option"};

const char *fl_judging_from(const fl_judging *j, char *buf, size_t cap)
{
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
    switch (j->from) {
    case FL_JUDGED_OPTION: snprintf(buf, cap, "%s", fl_tr(FL_M_JUDGED_OPTION)); break;
    case FL_JUDGED_FILING:
        if (j->line > 0) snprintf(buf, cap, fl_tr(FL_M_JUDGED_FILING_LINE), j->line);
        else snprintf(buf, cap, "%s", fl_tr(FL_M_JUDGED_FILING));
        break;
    default:
        if (j->blank && j->line > 0) snprintf(buf, cap, fl_tr(FL_M_JUDGED_BLANK), j->line);
        else snprintf(buf, cap, "%s", fl_tr(FL_M_JUDGED_TODAY));
        break;
    }
#pragma GCC diagnostic pop
    return buf;
}

const char *fl_judging_describe(const fl_judging *j, char *buf, size_t cap)
{
    char d[11], from[120];
    fl_date_format(&j->date, d);
    fl_judging_from(j, from, sizeof from);
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
    snprintf(buf, cap, fl_tr(FL_M_PAREN), d, from);
#pragma GCC diagnostic pop
    return buf;
}

void fl_result_init(fl_result *r)
{
    memset(r, 0, sizeof *r);
    fl_arena_init(&r->arena);
}

void fl_result_free(fl_result *r)
{
    if (!r) return;
    free(r->findings);
    free(r->errors);
    fl_arena_free(&r->arena);
    memset(r, 0, sizeof *r);
}

fl_finding *fl_result_add(fl_result *r)
{
    FL_VEC_RESERVE(r->findings, r->cap_findings, r->nfindings + 1);
    fl_finding *f = &r->findings[r->nfindings++];
    memset(f, 0, sizeof *f);
    f->block = -1;
    return f;
}

void fl_result_add_error(fl_result *r, fl_diag code, const char *rule, const char *message)
{
    FL_VEC_RESERVE(r->errors, r->cap_errors, r->nerrors + 1);
    fl_tool_error *e = &r->errors[r->nerrors++];
    e->code = code;
    e->rule = rule ? fl_arena_strdup(&r->arena, rule) : NULL;
    e->message = fl_arena_strdup(&r->arena, message ? message : "");
}

static int cmp_int(int a, int b) { return (a > b) - (a < b); }

static int cmp_finding(const void *pa, const void *pb)
{
    const fl_finding *a = pa, *b = pb;
    int c;
    if ((c = cmp_int(a->line, b->line))) return c;
    if ((c = cmp_int(a->column, b->column))) return c;
    if ((c = strcmp(a->rule->id, b->rule->id))) return c;
    if ((c = cmp_int(a->end_line, b->end_line))) return c;
    if ((c = cmp_int(a->end_column, b->end_column))) return c;
    return strcmp(a->message, b->message);
}

void fl_result_sort(fl_result *r)
{
    if (r->nfindings > 1) qsort(r->findings, r->nfindings, sizeof *r->findings, cmp_finding);
}

size_t fl_result_count(const fl_result *r, fl_severity min)
{
    size_t n = 0;
    for (size_t i = 0; i < r->nfindings; i++)
        if (r->findings[i].severity >= min) n++;
    return n;
}
