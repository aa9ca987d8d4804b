/* The table of holidays (tables.h): days off and working days by year. */
#include "data/tables.h"
#include "data/table.h"
#include "core/buf.h"
#include "core/norm.h"
#include "core/utf8.h"
#include "core/xmlsafe.h"
#include <libxml/tree.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- holidays ------------------------------------------------------------ */

static int read_year(fl_holidays *h, fl_holiday_year *y, const xmlNode *n, fl_error *err)
{
    fl_arena *a = &h->arena;
    y->line = fl_tab_node_line(n);
    y->year = atoi(fl_tab_attr(n, "y"));
    y->conf = fl_tab_attr(n, "conf")[0];
    y->notice = fl_tab_attr_dup(a, n, "notice");
    y->number = fl_tab_attr_dup(a, n, "number");
    y->issued = fl_tab_attr_dup(a, n, "issued");
    y->source = fl_tab_attr_dup(a, n, "source");
    y->note = fl_tab_attr_dup(a, n, "note");
    y->namended = fl_tab_count_elems(n, "amended");
    y->amended = fl_arena_alloc(a, (y->namended + 1) * sizeof *y->amended);
    y->off = fl_arena_alloc(a, (fl_tab_count_elems(n, "off") + 1) * sizeof *y->off);
    y->work = fl_arena_alloc(a, (fl_tab_count_elems(n, "work") + 1) * sizeof *y->work);
    size_t k = 0;
    for (const xmlNode *c = n->children; c; c = c->next) {
        if (fl_tab_is_elem(c, "amended")) {
            y->amended[k++] = fl_tab_attr_dup(a, c, "notice");
        } else if (fl_tab_is_elem(c, "off")) {
            fl_holiday_off *o = &y->off[y->noff++];
            o->name = fl_tab_attr_dup(a, c, "name");
            o->line = fl_tab_node_line(c);
            if (fl_tab_date_attr(&o->from, c, "from", h->path, err) || fl_tab_date_attr(&o->to, c, "to", h->path, err))
                return -1;
            if (fl_date_days(&o->to) < fl_date_days(&o->from))
                return fl_error_at(err, FL_E_RULESET, h->path, fl_tab_node_line(c), "holiday %s ends before it starts", o->name);
            /* a notice arranges its own year, at most reaching back into late December */
            if (o->to.y != y->year || (o->from.y != y->year && !(o->from.y == y->year - 1 && o->from.m == 12)))
                return fl_error_at(err, FL_E_RULESET, h->path, fl_tab_node_line(c), "holiday %s lies outside %d", o->name, y->year);
        } else if (fl_tab_is_elem(c, "work")) {
            fl_holiday_work *w = &y->work[y->nwork++];
            w->name = fl_tab_attr_dup(a, c, "for");
            w->line = fl_tab_node_line(c);
            if (fl_tab_date_attr(&w->date, c, "date", h->path, err)) return -1;
            if (w->date.y != y->year && !(w->date.y == y->year - 1 && w->date.m == 12))
                return fl_error_at(err, FL_E_RULESET, h->path, fl_tab_node_line(c), "working day for %s lies outside %d", w->name, y->year);
        }
    }
    return 0;
}

static int cmp_year(const void *a, const void *b)
{
    return ((const fl_holiday_year *)a)->year - ((const fl_holiday_year *)b)->year;
}

/* No year twice, no day both off and worked. */
static int check_holidays(fl_holidays *h, fl_error *err)
{
    for (size_t i = 1; i < h->nyears; i++)
        if (h->years[i].year == h->years[i - 1].year)
            return fl_error_at(err, FL_E_RULESET, h->path, h->years[i].line > h->years[i - 1].line ? h->years[i].line : h->years[i - 1].line,
                        "year %d appears twice", h->years[i].year);
    for (size_t i = 0; i < h->nyears; i++)
        for (size_t j = 0; j < h->years[i].nwork; j++) {
            long d = fl_date_days(&h->years[i].work[j].date);
            for (size_t k = 0; k < h->nyears; k++)
                for (size_t m = 0; m < h->years[k].noff; m++) {
                    const fl_holiday_off *o = &h->years[k].off[m];
                    if (d >= fl_date_days(&o->from) && d <= fl_date_days(&o->to)) {
                        char iso[11];
                        fl_date_format(&h->years[i].work[j].date, iso);
                        return fl_error_at(err, FL_E_RULESET, h->path, h->years[i].work[j].line,
                                    "%s is both a working day (%s) and a holiday (%s, line %d)", iso,
                                    h->years[i].work[j].name, o->name, o->line);
                    }
                }
        }
    return 0;
}

int fl_holidays_load(fl_holidays **out, const char *path, fl_error *err)
{
    *out = NULL;
    int rc = -1;
    fl_holidays *h = NULL;
    xmlDoc *doc = fl_tab_open_table(path, "holidays", err);
    if (!doc) goto cleanup;
    h = fl_xcalloc(1, sizeof *h);
    fl_arena_init(&h->arena);
    h->path = fl_arena_strdup(&h->arena, path);
    xmlNode *root = xmlDocGetRootElement(doc);
    h->years = fl_arena_alloc(&h->arena, (fl_tab_count_elems(root, "year") + 1) * sizeof *h->years);
    for (const xmlNode *n = root->children; n; n = n->next)
        if (fl_tab_is_elem(n, "year") && read_year(h, &h->years[h->nyears++], n, err)) goto cleanup;
    qsort(h->years, h->nyears, sizeof *h->years, cmp_year);
    if (check_holidays(h, err)) goto cleanup;
    *out = h;
    h = NULL;
    rc = 0;
cleanup:
    fl_holidays_free(h);
    xmlFreeDoc(doc);
    return rc;
}

void fl_holidays_free(fl_holidays *h)
{
    if (!h) return;
    fl_arena_free(&h->arena);
    free(h);
}

const fl_holiday_year *fl_holidays_year(const fl_holidays *h, int year)
{
    for (size_t i = 0; h && i < h->nyears; i++)
        if (h->years[i].year == year) return &h->years[i];
    return NULL;
}
