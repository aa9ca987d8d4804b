/* JSON Lines output (`jsonl`, docs/cli.md): one finding per line,
 * the JSON finding object with "path" first and the file's judged_as_of and
 * judged_from last; one line per file that could
 * not be read ({"path", "status": "error", "error": {code, message}}); one
 * line per file whose check was incomplete (rules skipped on a pattern
 * limit: {"path", "status": "ok", "errors": [...]}). No header and no
 * summary, so the outputs of batches run on many machines merge by
 * concatenation. Each line is written as soon as its file is reported. */
#include "report/report.h"
#include "report/json.h"
#include <stdlib.h>

typedef struct jsonl_state { FILE *out; } jsonl_state;

static void *open_jsonl(const fl_report_opts *o)
{
    jsonl_state *j = fl_xcalloc(1, sizeof *j);
    j->out = o->out;
    return j;
}

static void line(jsonl_state *j, json_t *o)
{
    fl_json_dumpf(o, j->out, JSON_COMPACT | JSON_PRESERVE_ORDER);
    fputc('\n', j->out);
    json_decref(o);
}

/* path first, then the finding's own keys in their order */
static json_t *with_path(const char *path, json_t *finding)
{
    json_t *o = json_object();
    json_object_set_new(o, "path", fl_json_str(path));
    json_object_update(o, finding);
    json_decref(finding);
    return o;
}

static void file_jsonl(void *state, const fl_file_report *f)
{
    jsonl_state *j = state;
    if (!f->result) {
        char msg[1600];
        json_t *o = json_object();
        json_object_set_new(o, "path", fl_json_str(f->path));
        json_object_set_new(o, "status", json_string("error"));
        json_object_set_new(o, "error", fl_json_error(fl_diag_key(f->error->code),
                                                      fl_error_format(f->error, msg, sizeof msg)));
        line(j, o);
        return;
    }
    for (size_t i = 0; i < f->result->nfindings; i++) {
        json_t *o = with_path(f->path, fl_json_finding(&f->result->findings[i]));
        fl_json_judged(o, f->result); /* each line stands alone */
        line(j, o);
    }
    if (f->result->nerrors) {
        json_t *o = json_object(), *errs = json_array();
        json_object_set_new(o, "path", fl_json_str(f->path));
        json_object_set_new(o, "status", json_string("ok"));
        for (size_t i = 0; i < f->result->nerrors; i++)
            json_array_append_new(errs, fl_json_error(fl_diag_key(f->result->errors[i].code),
                                                      f->result->errors[i].message));
        json_object_set_new(o, "errors", errs);
        line(j, o);
    }
}

static int close_jsonl(void *state, const fl_summary *s)
{
    jsonl_state *j = state;
    int rc = fflush(j->out) == 0 && !ferror(j->out) ? 0 : -1;
    free(j);
    return rc;
}

const fl_reporter fl_report_jsonl = {.name = "jsonl", .open = open_jsonl, .file = file_jsonl, .close = close_jsonl};
