/* Rule sets after loading: lookups, applicability, freeing. The XML side of
 * loading is in ruleset_read.c, finding the shipped files in discover.c. */
#include "rules/ruleset.h"
#include "core/buf.h"
#include "core/i18n.h"
#include <libxml/relaxng.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const sev_names[] = {"info", "warning", "error"};

const char *fl_severity_name(fl_severity s)
{
    return (unsigned)s <= FL_SEV_ERROR ? sev_names[s] : "error";
}

int fl_severity_parse(const char *s, fl_severity *out)
{
    for (int i = 0; i <= FL_SEV_ERROR; i++)
        if (s && !strcmp(s, sev_names[i])) {
            *out = (fl_severity)i;
            return 0;
        }
    return -1;
}

/* ---- in force ------------------------------------------------------------- */

/* The last day a date known to the year or month may stand for. */
static long latest_day(const fl_date *d)
{
    if (!d->m) {
        fl_date next = {d->y + 1, 1, 1};
        return fl_date_days(&next) - 1;
    }
    if (!d->d) {
        fl_date next = {d->m == 12 ? d->y + 1 : d->y, d->m == 12 ? 1 : d->m + 1, 1};
        return fl_date_days(&next) - 1;
    }
    return fl_date_days(d);
}

bool fl_in_force_dated(const fl_in_force *f) { return f->since.y || f->until.y; }

bool fl_in_force_on(const fl_in_force *f, const fl_date *d)
{
    if (!fl_in_force_dated(f)) return true;
    if (!d || !d->y) return false;
    if (f->since.y && fl_date_days(d) < fl_date_days(&f->since)) return false; /* earliest day, m/d 0 as 1 */
    if (f->until.y && latest_day(d) >= fl_date_days(&f->until)) return false;
    return true;
}

const char *fl_in_force_text(const fl_in_force *f, char *buf, size_t cap)
{
    char a[11], b[11];
    fl_date_format(&f->since, a);
    fl_date_format(&f->until, b);
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
    if (f->since.y && f->until.y) snprintf(buf, cap, fl_tr(FL_M_IN_FORCE_BOTH), a, b);
    else if (f->since.y) snprintf(buf, cap, fl_tr(FL_M_IN_FORCE_SINCE), a);
    else if (f->until.y) snprintf(buf, cap, fl_tr(FL_M_IN_FORCE_UNTIL), b);
    else if (cap) buf[0] = '\0';
#pragma GCC diagnostic pop
    return buf;
}

/* ---- classes and bases ------------------------------------------------------ */

static const char *const class_names[FL_CLASS_COUNT] = {"none", "fraud", "serious-quality", "quality", "procedure"};
static const fl_msg class_labels[FL_CLASS_COUNT] = {FL_MSG_COUNT, FL_M_CLASS_FRAUD, FL_M_CLASS_SERIOUS,
                                                   FL_M_CLASS_QUALITY, FL_M_CLASS_PROCEDURE};

const char *fl_class_name(fl_class c) { return (unsigned)c < FL_CLASS_COUNT ? class_names[c] : "none"; }
const char *fl_class_label(fl_class c) { return (unsigned)c < FL_CLASS_COUNT ? fl_tr(class_labels[c]) : ""; }

int fl_class_parse(const char *s, fl_class *out)
{
    for (int i = 0; s && i < FL_CLASS_COUNT; i++)
        if (!strcmp(s, class_names[i])) {
            *out = (fl_class)i;
            return 0;
        }
    return -1;
}

const char *fl_basis_line(fl_buf *buf, const fl_basis *b)
{
    const char *text = b && b->text ? b->text : "";
    fl_buf_clear(buf);
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
    if (b && b->cls != FL_CLASS_NONE) fl_buf_printf(buf, fl_tr(FL_M_PAREN), *text ? text : "—", fl_class_label(b->cls));
    else fl_buf_adds(buf, text);
#pragma GCC diagnostic pop
    return buf->data ? buf->data : "";
}

void fl_rules_init(fl_rules *set) { memset(set, 0, sizeof *set); }

void fl_ruleset_free_tables(fl_ruleset *rs)
{
    for (size_t i = 0; rs && i < rs->ndata; i++) {
        fl_data_ref *d = &rs->data[i];
        if (d->table && d->free_table) d->free_table(d->table);
        d->table = NULL;
    }
}

static void ruleset_free(fl_ruleset *rs)
{
    if (!rs) return;
    fl_ruleset_free_tables(rs);
    for (fl_pattern *p = rs->patterns; p; p = p->next) pcre2_code_free(p->code);
    fl_arena_free(&rs->arena);
    free(rs);
}

void fl_rules_free(fl_rules *set)
{
    if (!set) return;
    for (size_t i = 0; i < set->nsets; i++) ruleset_free(set->sets[i]);
    free(set->sets);
    free(set->all);
    if (set->schema) xmlRelaxNGFree(set->schema); /* made by ruleset_read.c */
    memset(set, 0, sizeof *set);
}

const fl_rule *fl_rules_find(const fl_rules *set, const char *id)
{
    for (size_t i = 0; i < set->nrules; i++)
        if (!strcmp(set->all[i]->id, id)) return set->all[i];
    return NULL;
}

static bool has_type(const char *const *types, size_t n, const char *t)
{
    for (size_t i = 0; i < n; i++)
        if (!strcmp(types[i], t)) return true;
    return false;
}

bool fl_rule_applies(const fl_rule *r, const char *doc_type)
{
    const char *const *types = r->doc_types;
    size_t n = r->ndoc_types;
    if (!n) {
        types = r->ruleset->applies_to;
        n = r->ruleset->napplies;
    }
    if (!n) return true; /* generic: every document, recognised or not */
    return doc_type && has_type(types, n, doc_type);
}

const fl_basis *fl_rule_basis(const fl_rule *r, const char *doc_type, const fl_date *d)
{
    for (size_t i = 0; i < r->nbases; i++) {
        const fl_basis *b = &r->bases[i];
        if (b->ndoc_types && !(doc_type && has_type(b->doc_types, b->ndoc_types, doc_type))) continue;
        if (fl_in_force_on(&b->in_force, d)) return b;
    }
    return &r->basis;
}

fl_severity fl_rule_severity(const fl_rule *r, const char *doc_type)
{
    for (size_t i = 0; doc_type && i < r->nsev_overrides; i++)
        if (!strcmp(r->sev_overrides[i].doc_type, doc_type)) return r->sev_overrides[i].severity;
    return r->severity;
}

const char *fl_ruleset_data(const fl_ruleset *rs, const char *name)
{
    for (size_t i = 0; i < rs->ndata; i++)
        if (!strcmp(rs->data[i].name, name)) return rs->data[i].path;
    return NULL;
}
