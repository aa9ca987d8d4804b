/* The facts about each data table a run judged by (datainfo.h). */
#include "rules/datainfo.h"
#include "core/buf.h"
#include "data/tables.h"
#include "data/instruments.h"
#include "data/mulu.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The root element names the kind: <standards>, <places>, <holidays>,
 * <instruments>, <mulu>. Read
 * from the head of the file, past the XML declaration and comments (which
 * may quote element names); the loaders check the rest. */
static fl_data_kind sniff(const char *path)
{
    char head[16384];
    FILE *f = fopen(path, "rb");
    if (!f) return FL_DATA_UNKNOWN;
    size_t n = fread(head, 1, sizeof head - 1, f);
    fclose(f);
    head[n] = '\0';
    for (char *p = head; (p = strchr(p, '<'));) {
        if (!strncmp(p, "<!--", 4)) {
            p = strstr(p + 4, "-->");
            if (!p) break;
            continue;
        }
        if (p[1] == '?' || p[1] == '!') { p++; continue; }
        if (!strncmp(p + 1, "standards", 9)) return FL_DATA_STANDARDS;
        if (!strncmp(p + 1, "places", 6)) return FL_DATA_PLACES;
        if (!strncmp(p + 1, "holidays", 8)) return FL_DATA_HOLIDAYS;
        if (!strncmp(p + 1, "instruments", 11)) return FL_DATA_INSTRUMENTS;
        if (!strncmp(p + 1, "mulu", 4)) return FL_DATA_MULU;
        return FL_DATA_UNKNOWN;
    }
    return FL_DATA_UNKNOWN;
}

static void later(fl_date *best, const fl_date *d)
{
    if (d->y && (!best->y || fl_date_cmp(d, best) > 0)) *best = *d;
}

static const char *describe_error(fl_arena *a, const fl_error *err)
{
    char line[1600];
    return fl_arena_strdup(a, fl_error_format(err, line, sizeof line));
}

static void read_standards(fl_data_info *d, fl_arena *a)
{
    fl_standards *t = NULL;
    fl_error err;
    fl_error_clear(&err);
    if (fl_standards_load(&t, d->path, &err)) {
        d->error = describe_error(a, &err);
        return;
    }
    d->entries = t->n;
    for (size_t i = 0; i < t->n; i++) {
        const fl_standard *s = &t->items[i];
        d->count[s->status == FL_STD_CURRENT ? 0 : s->status == FL_STD_SUPERSEDED ? 1 : 2]++;
        later(&d->as_of, &s->issued);
        later(&d->as_of, &s->effective);
        later(&d->as_of, &s->replaced_from);
    }
    fl_standards_free(t);
}

static void read_instruments(fl_data_info *d, fl_arena *a)
{
    fl_instruments *t = NULL;
    fl_error err;
    fl_error_clear(&err);
    if (fl_instruments_load(&t, d->path, &err)) {
        d->error = describe_error(a, &err);
        return;
    }
    d->entries = t->n;
    for (size_t i = 0; i < t->n; i++) {
        d->count[t->items[i].status]++; /* current, replaced, repealed */
        later(&d->as_of, &t->items[i].from);
    }
    fl_instruments_free(t);
}

static void read_mulu(fl_data_info *d, fl_arena *a)
{
    fl_mulu *t = NULL;
    fl_error err;
    fl_error_clear(&err);
    if (fl_mulu_load(&t, d->path, &err)) {
        d->error = describe_error(a, &err);
        return;
    }
    d->entries = t->n;
    d->as_of = t->from;
    d->source = fl_arena_strdup(a, t->edition);
    for (size_t i = 0; i < t->n; i++) {
        d->count[0] += t->items[i].ntests > 0;
        d->count[t->items[i].conf == 'V' ? 1 : t->items[i].conf == 'P' ? 2 : 3]++;
    }
    fl_mulu_free(t);
}

static void read_places(fl_data_info *d, fl_arena *a)
{
    fl_places *p = NULL;
    fl_error err;
    fl_error_clear(&err);
    if (fl_places_load(&p, d->path, &err)) {
        d->error = describe_error(a, &err);
        return;
    }
    d->as_of = p->as_of;
    d->source = fl_arena_strdup(a, p->dataset);
    d->entries = p->ncurrent;
    for (size_t i = 0; i < p->n; i++) {
        const fl_place *pl = &p->items[i];
        if (pl->former) d->count[3]++;
        else if (pl->level >= FL_PLACE_PROVINCE && pl->level <= FL_PLACE_COUNTY) d->count[pl->level - 1]++;
    }
    fl_places_free(p);
}

static void read_holidays(fl_data_info *d, fl_arena *a)
{
    fl_holidays *h = NULL;
    fl_error err;
    fl_error_clear(&err);
    if (fl_holidays_load(&h, d->path, &err)) {
        d->error = describe_error(a, &err);
        return;
    }
    d->entries = h->nyears;
    if (h->nyears) {
        const fl_holiday_year *last = &h->years[h->nyears - 1];
        d->count[0] = (size_t)h->years[0].year;
        d->count[1] = (size_t)last->year;
        d->source = fl_arena_strdup(a, last->number ? last->number : last->notice);
        for (size_t i = 0; i < h->nyears; i++) {
            fl_date issued = {0, 0, 0};
            if (h->years[i].issued && !fl_date_iso_parse(&issued, h->years[i].issued)) later(&d->as_of, &issued);
        }
    }
    fl_holidays_free(h);
}

size_t fl_data_info_collect(const fl_rules *rules, fl_arena *a, fl_data_info **out)
{
    size_t n = 0, cap = 0;
    fl_data_info *v = NULL;
    for (size_t s = 0; rules && s < rules->nsets; s++) {
        const fl_ruleset *rs = rules->sets[s];
        for (size_t k = 0; k < rs->ndata; k++) {
            const fl_data_ref *ref = &rs->data[k];
            fl_data_info *d = NULL;
            for (size_t i = 0; i < n && !d; i++)
                if (!strcmp(v[i].path, ref->path)) d = &v[i];
            if (d) { /* one more ruleset using it */
                d->rulesets = fl_arena_printf(a, "%s, %s", d->rulesets, rs->id ? rs->id : rs->path);
                continue;
            }
            if (n == cap) {
                cap = cap ? 2 * cap : 4;
                fl_data_info *nv = fl_arena_alloc(a, cap * sizeof *nv);
                if (n) memcpy(nv, v, n * sizeof *v);
                v = nv;
            }
            d = &v[n++];
            memset(d, 0, sizeof *d);
            d->name = fl_arena_strdup(a, ref->name);
            d->path = fl_arena_strdup(a, ref->path);
            d->rulesets = fl_arena_strdup(a, rs->id ? rs->id : rs->path);
            d->kind = sniff(d->path);
            if (d->kind == FL_DATA_STANDARDS) read_standards(d, a);
            else if (d->kind == FL_DATA_PLACES) read_places(d, a);
            else if (d->kind == FL_DATA_HOLIDAYS) read_holidays(d, a);
            else if (d->kind == FL_DATA_INSTRUMENTS) read_instruments(d, a);
            else if (d->kind == FL_DATA_MULU) read_mulu(d, a);
            else d->error = fl_arena_printf(a, "%s: not a standards, places, holidays, instruments or mulu table", d->path);
        }
    }
    *out = v;
    return n;
}

const char *fl_data_kind_label(const fl_data_info *d)
{
    switch (d->kind) {
    case FL_DATA_STANDARDS: return "标准";
    case FL_DATA_PLACES: return "行政区划";
    case FL_DATA_HOLIDAYS: return "法定节假日安排";
    case FL_DATA_INSTRUMENTS: return "法规、名录与文件";
    case FL_DATA_MULU: return "环评分类管理名录";
    default: return d->name;
    }
}
