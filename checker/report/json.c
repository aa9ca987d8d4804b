/* JSON output (docs/cli.md): one document for the whole run, keys
 * in the documented order, UTF-8 written as is (not \u-escaped). jansson
 * does the escaping; strings that are not valid UTF-8 (a file name from a
 * foreign file system) are repaired first, since jansson refuses them.
 * The finding object is shared with jsonl.c and sarif.c (json.h). */
#include "report/report.h"
#include "report/json.h"
#include "core/utf8.h"
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

typedef struct json_state {
    FILE *out;
    json_t *root, *files;
} json_state;

/* U+2028 / U+2029 are E2 80 A8 / E2 80 A9. jansson may hand a string over in
 * more than one piece, so up to two bytes of a possible sequence are held
 * back until the next piece shows how it ends. */
typedef struct ls_writer { FILE *out; unsigned char held[2]; size_t nheld; } ls_writer;

static int ls_put(const char *buffer, size_t size, void *data)
{
    ls_writer *w = data;
    for (size_t i = 0; i < size; i++) {
        unsigned char c = (unsigned char)buffer[i];
        if (w->nheld == 2) {
            w->nheld = 0;
            if (c == 0xA8 || c == 0xA9) {
                if (fputs(c == 0xA8 ? "\\u2028" : "\\u2029", w->out) == EOF) return -1;
                continue;
            }
            if (fwrite("\xE2\x80", 1, 2, w->out) != 2) return -1;
        } else if (w->nheld == 1) {
            w->nheld = 0;
            if (c == 0x80) { w->held[0] = 0xE2, w->held[1] = 0x80, w->nheld = 2; continue; }
            if (fputc(0xE2, w->out) == EOF) return -1;
        }
        if (c == 0xE2) { w->held[0] = c, w->nheld = 1; continue; }
        if (fputc(c, w->out) == EOF) return -1;
    }
    return 0;
}

int fl_json_dumpf(const json_t *json, FILE *out, size_t flags)
{
    ls_writer w = {out, {0, 0}, 0};
    if (json_dump_callback(json, ls_put, &w, flags)) return -1;
    if (w.nheld && fwrite(w.held, 1, w.nheld, out) != w.nheld) return -1;
    return 0;
}

json_t *fl_json_str(const char *s)
{
    if (!s) return json_null();
    size_t len = strlen(s);
    if (fl_utf8_valid(s, len)) return json_stringn(s, len);
    fl_arena a;
    size_t out_len, bad;
    fl_arena_init(&a);
    char *fixed = fl_utf8_sanitize(&a, s, len, &out_len, &bad);
    json_t *j = json_stringn(fixed, out_len);
    fl_arena_free(&a);
    return j;
}

static void *open_json(const fl_report_opts *o)
{
    json_state *j = fl_xcalloc(1, sizeof *j);
    j->out = o->out;
    j->root = json_object();
    json_t *tool = json_object();
    json_object_set_new(tool, "name", json_string("filinglint"));
    json_object_set_new(tool, "version", json_string(FL_VERSION));
    json_object_set_new(j->root, "tool", tool);
    j->files = json_array();
    json_object_set_new(j->root, "files", j->files);
    return j;
}

/* docs/cli.md shows end_column inclusive (a 28-character excerpt ends at 28);
 * findings store it one past the end. An empty span still ends at column. */
static int end_column(const fl_finding *f)
{
    int e = f->end_column - 1;
    return e < f->column ? f->column : e;
}

json_t *fl_json_finding(const fl_finding *f)
{
    json_t *o = json_object();
    json_object_set_new(o, "rule", fl_json_str(f->rule->id));
    json_object_set_new(o, "severity", fl_json_str(fl_severity_name(f->severity)));
    json_object_set_new(o, "category", fl_json_str(f->rule->category));
    json_object_set_new(o, "message", fl_json_str(fl_report_message(f)));
    const fl_basis *basis = fl_finding_basis(f);
    json_object_set_new(o, "basis", fl_json_str(basis->text ? basis->text : ""));
    json_t *loc = json_object();
    json_object_set_new(loc, "line", json_integer(f->line));
    json_object_set_new(loc, "column", json_integer(f->column));
    json_object_set_new(loc, "end_line", json_integer(f->end_line));
    json_object_set_new(loc, "end_column", json_integer(end_column(f)));
    json_object_set_new(loc, "part", fl_json_str(fl_part_names[f->part]));
    json_object_set_new(loc, "section", fl_json_str(f->section));
    if (f->page) { /* a PDF: where on the printed pages */
        json_object_set_new(loc, "page", json_integer(f->page));
        json_object_set_new(loc, "page_line", json_integer(f->page_line));
    }
    json_object_set_new(o, "location", loc);
    json_object_set_new(o, "excerpt", fl_json_str(f->excerpt));
    /* added after the documented keys: "basis" above stays the one string */
    json_object_set_new(o, "basis_instrument", fl_json_str(basis->instrument ? basis->instrument : ""));
    json_object_set_new(o, "basis_article", fl_json_str(basis->article ? basis->article : ""));
    json_object_set_new(o, "class", fl_json_str(fl_class_name(basis->cls)));
    return o;
}

void fl_json_judged(json_t *o, const fl_result *r)
{
    char d[11];
    fl_date_format(&r->judged.date, d);
    json_object_set_new(o, "judged_as_of", json_string(d));
    json_object_set_new(o, "judged_from", json_string(fl_judged_from_names[r->judged.from]));
}

json_t *fl_json_error(const char *key, const char *message)
{
    json_t *e = json_object();
    json_object_set_new(e, "code", fl_json_str(key));
    json_object_set_new(e, "message", fl_json_str(message));
    return e;
}

static void file_json(void *state, const fl_file_report *f)
{
    json_state *j = state;
    json_t *o = json_object();
    json_object_set_new(o, "path", fl_json_str(f->path));
    if (!f->result) {
        char line[1600];
        json_object_set_new(o, "status", json_string("error"));
        json_object_set_new(o, "error", fl_json_error(fl_diag_key(f->error->code),
                                                     fl_error_format(f->error, line, sizeof line)));
        json_array_append_new(j->files, o);
        return;
    }
    json_object_set_new(o, "doc_type", fl_json_str(f->result->doc_type));
    json_object_set_new(o, "status", json_string("ok"));
    fl_json_judged(o, f->result);
    json_t *list = json_array();
    for (size_t i = 0; i < f->result->nfindings; i++) json_array_append_new(list, fl_json_finding(&f->result->findings[i]));
    json_object_set_new(o, "findings", list);
    if (f->result->nerrors) { /* rules skipped on this file: the check is incomplete */
        json_t *errs = json_array();
        for (size_t i = 0; i < f->result->nerrors; i++)
            json_array_append_new(errs, fl_json_error(fl_diag_key(f->result->errors[i].code), f->result->errors[i].message));
        json_object_set_new(o, "errors", errs);
    }
    json_array_append_new(j->files, o);
}

static int close_json(void *state, const fl_summary *s)
{
    json_state *j = state;
    json_t *sum = json_object();
    json_object_set_new(sum, "files", json_integer((json_int_t)s->files));
    json_object_set_new(sum, "failed_files", json_integer((json_int_t)s->failed_files));
    json_object_set_new(sum, "error", json_integer((json_int_t)s->by_severity[FL_SEV_ERROR]));
    json_object_set_new(sum, "warning", json_integer((json_int_t)s->by_severity[FL_SEV_WARNING]));
    json_object_set_new(sum, "info", json_integer((json_int_t)s->by_severity[FL_SEV_INFO]));
    json_object_set_new(j->root, "summary", sum);
    int rc = fl_json_dumpf(j->root, j->out, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
    fputc('\n', j->out);
    if (fflush(j->out) != 0 || ferror(j->out)) rc = -1;
    json_decref(j->root);
    free(j);
    return rc;
}

const fl_reporter fl_report_json = {.name = "json", .open = open_json, .file = file_json, .close = close_json};
