/* `filinglint data`: the data tables the rules judge by (rulesets/data/:
 * standards, places, holidays, and any table a --ruleset declares), each
 * with its file, the rulesets using it, the date it is as of, its source and
 * how many entries it holds — so a reviewer can tell whether the facts
 * behind a finding are older than the filing. How to update each table:
 * docs/data.md.
 *
 *   filinglint data [--ruleset R]... [--no-default-rulesets] [--format text|json]
 *
 * Exit status 0, or 3 when the rulesets or a table cannot be read. */
#include "cmd/cmd.h"
#include "core/buf.h"
#include "core/i18n.h"
#include "core/arena.h"
#include "report/json.h"
#include "rules/datainfo.h"
#include "rules/ruleset.h"
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct data_args {
    char **paths;
    size_t npaths, cap;
    bool no_defaults, json;
} data_args;

enum { OPT_RULESET = 256, OPT_NO_DEFAULTS, OPT_FORMAT };

static const struct option long_opts[] = {
    {"ruleset", required_argument, NULL, OPT_RULESET},
    {"no-default-rulesets", no_argument, NULL, OPT_NO_DEFAULTS},
    {"format", required_argument, NULL, 'f'},
    {"lang", required_argument, NULL, FL_OPT_LANG},
    {"help", no_argument, NULL, 'h'},
    {NULL, 0, NULL, 0},
};

#pragma GCC diagnostic ignored "-Wformat-nonliteral" /* rows of core/i18n.def */

static int usage(void)
{
    fputs(fl_tr(FL_M_DATA_USAGE), stdout);
    return 0;
}

static int parse_args(data_args *a, int argc, char **argv)
{
    int c;
    optind = 0;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":f:h", long_opts, NULL)) != -1) {
        switch (c) {
        case OPT_RULESET:
            FL_VEC_RESERVE(a->paths, a->cap, a->npaths + 1);
            a->paths[a->npaths++] = optarg;
            break;
        case OPT_NO_DEFAULTS: a->no_defaults = true; break;
        case 'f':
            if (!strcmp(optarg, "json")) a->json = true;
            else if (strcmp(optarg, "text")) return fl_cmd_usage_error(fl_tr(FL_M_DATA_BAD_FORMAT), optarg);
            break;
        case FL_OPT_LANG: {
            int rc = fl_cmd_lang_option(optarg);
            if (rc >= 0) return rc;
            break;
        }
        case 'h': return usage();
        case ':': return fl_cmd_usage_error(fl_tr(FL_M_NEEDS_VALUE), argv[optind - 1]);
        default: return fl_cmd_unknown_option(argv, long_opts);
        }
    }
    if (optind != argc) return fl_cmd_usage_error(fl_tr(FL_M_DATA_NO_ARGS), argv[optind]);
    return -1;
}

static const char *kind_name(fl_data_kind k)
{
    static const char *const names[] = {"unknown", "standards", "places", "holidays", "instruments", "mulu"};
    return names[k];
}

/* What as_of means for this kind of table, and what the entries are. */
static const char *as_of_meaning(fl_data_kind k)
{
    switch (k) {
    case FL_DATA_STANDARDS: return fl_tr(FL_M_DATA_AS_OF_STD);
    case FL_DATA_PLACES: return fl_tr(FL_M_DATA_AS_OF_PLACES);
    case FL_DATA_HOLIDAYS: return fl_tr(FL_M_DATA_AS_OF_HOLIDAYS);
    case FL_DATA_INSTRUMENTS: return fl_tr(FL_M_DATA_AS_OF_INSTR);
    case FL_DATA_MULU: return fl_tr(FL_M_DATA_AS_OF_MULU);
    default: return "";
    }
}

static void print_text(const fl_data_info *d)
{
    char date[11];
    printf("%s  %s\n", d->name, d->path);
    printf(fl_tr(FL_M_DATA_USED_BY), d->rulesets);
    if (d->error) {
        fl_buf t = FL_BUF_INIT;
        printf(fl_tr(FL_M_DATA_ERROR), fl_tr_text(fl_lang_get(), d->error, &t));
        fl_buf_free(&t);
        return;
    }
    if (d->as_of.y) {
        fl_date_format(&d->as_of, date);
        printf(fl_tr(FL_M_DATA_AS_OF), date, as_of_meaning(d->kind));
    }
    switch (d->kind) {
    case FL_DATA_STANDARDS:
        printf(fl_tr(FL_M_DATA_STD_ENTRIES), d->entries, d->count[0], d->count[1], d->count[2]);
        fputs(fl_tr(FL_M_DATA_STD_SOURCE), stdout);
        break;
    case FL_DATA_PLACES:
        printf(fl_tr(FL_M_DATA_PLACES_ENTRIES), d->entries, d->count[0], d->count[1], d->count[2], d->count[3]);
        printf(fl_tr(FL_M_DATA_SOURCE), d->source ? d->source : "-");
        break;
    case FL_DATA_HOLIDAYS:
        printf(fl_tr(FL_M_DATA_HOL_ENTRIES), d->entries, d->count[0], d->count[1]);
        printf(fl_tr(FL_M_DATA_HOL_COVERS), d->count[1]);
        printf(fl_tr(FL_M_DATA_HOL_SOURCE), d->source ? d->source : "-");
        break;
    case FL_DATA_INSTRUMENTS:
        printf(fl_tr(FL_M_DATA_INSTR_ENTRIES), d->entries, d->count[0], d->count[1], d->count[2]);
        fputs(fl_tr(FL_M_DATA_STD_SOURCE), stdout);
        break;
    case FL_DATA_MULU:
        printf(fl_tr(FL_M_DATA_MULU_ENTRIES), d->entries, d->count[0], d->count[1], d->count[2], d->count[3]);
        printf(fl_tr(FL_M_DATA_SOURCE), d->source ? d->source : "-");
        break;
    default: break;
    }
}

static json_t *to_json(const fl_data_info *d)
{
    json_t *o = json_object(), *used = json_array();
    json_object_set_new(o, "name", fl_json_str(d->name));
    json_object_set_new(o, "file", fl_json_str(d->path));
    json_object_set_new(o, "kind", json_string(kind_name(d->kind)));
    for (const char *p = d->rulesets; *p;) {
        const char *e = strstr(p, ", ");
        size_t n = e ? (size_t)(e - p) : strlen(p);
        json_array_append_new(used, json_stringn(p, n));
        p += n + (e ? 2 : 0);
    }
    json_object_set_new(o, "rulesets", used);
    if (d->error) {
        json_object_set_new(o, "error", fl_json_str(d->error));
        return o;
    }
    char date[11];
    fl_date_format(&d->as_of, date);
    json_object_set_new(o, "as_of", d->as_of.y ? json_string(date) : json_null());
    json_object_set_new(o, "source", fl_json_str(d->source));
    json_object_set_new(o, "entries", json_integer((json_int_t)d->entries));
    json_t *c = json_object();
    if (d->kind == FL_DATA_STANDARDS) {
        json_object_set_new(c, "current", json_integer((json_int_t)d->count[0]));
        json_object_set_new(c, "superseded", json_integer((json_int_t)d->count[1]));
        json_object_set_new(c, "abolished", json_integer((json_int_t)d->count[2]));
    } else if (d->kind == FL_DATA_PLACES) {
        json_object_set_new(c, "province", json_integer((json_int_t)d->count[0]));
        json_object_set_new(c, "prefecture", json_integer((json_int_t)d->count[1]));
        json_object_set_new(c, "county", json_integer((json_int_t)d->count[2]));
        json_object_set_new(c, "former", json_integer((json_int_t)d->count[3]));
    } else if (d->kind == FL_DATA_INSTRUMENTS) {
        json_object_set_new(c, "current", json_integer((json_int_t)d->count[0]));
        json_object_set_new(c, "replaced", json_integer((json_int_t)d->count[1]));
        json_object_set_new(c, "repealed", json_integer((json_int_t)d->count[2]));
    } else if (d->kind == FL_DATA_MULU) {
        json_object_set_new(c, "judged", json_integer((json_int_t)d->count[0]));
        json_object_set_new(c, "verified", json_integer((json_int_t)d->count[1]));
        json_object_set_new(c, "partly", json_integer((json_int_t)d->count[2]));
        json_object_set_new(c, "memory", json_integer((json_int_t)d->count[3]));
    } else if (d->kind == FL_DATA_HOLIDAYS) {
        json_object_set_new(c, "first_year", json_integer((json_int_t)d->count[0]));
        json_object_set_new(c, "last_year", json_integer((json_int_t)d->count[1]));
    }
    json_object_set_new(o, "counts", c);
    return o;
}

int fl_cmd_data(int argc, char **argv)
{
    data_args a;
    fl_rules set;
    fl_arena arena;
    memset(&a, 0, sizeof a);
    fl_rules_init(&set);
    fl_arena_init(&arena);
    int rc = parse_args(&a, argc, argv);
    if (rc < 0) {
        fl_error err;
        fl_error_clear(&err);
        if (fl_rules_load_all(&set, !a.no_defaults, a.paths, a.npaths, &err)) {
            fl_error_print(&err);
            rc = 3;
        }
    }
    if (rc < 0) {
        fl_data_info *v;
        size_t n = fl_data_info_collect(&set, &arena, &v);
        rc = 0;
        json_t *list = a.json ? json_array() : NULL;
        for (size_t i = 0; i < n; i++) {
            if (v[i].error) {
                fl_buf t = FL_BUF_INIT;
                fprintf(stderr, "%s\n", fl_tr_text(fl_lang_get(), v[i].error, &t));
                fl_buf_free(&t);
                rc = 3;
            }
            if (list) json_array_append_new(list, to_json(&v[i]));
            else print_text(&v[i]);
        }
        if (list) {
            json_t *root = json_object();
            json_object_set_new(root, "tables", list);
            if (fl_json_dumpf(root, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER)) rc = 3;
            putchar('\n');
            json_decref(root);
        } else if (!n) {
            fputs(fl_tr(FL_M_DATA_NONE), stdout);
        }
    }
    free(a.paths);
    fl_rules_free(&set);
    fl_arena_free(&arena);
    return rc;
}
