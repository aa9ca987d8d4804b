/* Rule sets after loading: lookups, applicability, freeing. The XML side of
 * loading is in load.c, finding the shipped files in discover.c. */
#include "rules/ruleset.h"
#include <stdlib.h>
#include <string.h>

const char *const fl_doc_types[] = {"eia-book", "eia-form", "eia-pp", "soil-plan",
                                    "soil-summary", "soil-sign", NULL};

bool fl_doc_type_known(const char *name)
{
    for (size_t i = 0; fl_doc_types[i]; i++)
        if (!strcmp(fl_doc_types[i], name)) return true;
    return false;
}

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

void fl_rulesets_schema_free(void *schema); /* load.c */

void fl_rules_free(fl_rules *set)
{
    if (!set) return;
    for (size_t i = 0; i < set->nsets; i++) ruleset_free(set->sets[i]);
    free(set->sets);
    free(set->all);
    fl_rulesets_schema_free(set->schema);
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
