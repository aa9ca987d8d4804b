/* SARIF 2.1.0 output (cli.md §SARIF), valid against the OASIS schema
 * (tests/sh/batch_sarif.sh checks every output with it). One run:
 *
 * - tool.driver.rules: every rule that ran (the selected ones, then any
 *   built-in rule that produced a result), with shortDescription,
 *   fullDescription ending in the basis, defaultConfiguration.level;
 * - results: ruleId, level (error / warning / note), message, one location
 *   (artifactLocation.uri relative to the working folder and
 *   percent-encoded, region in code-point columns with an exclusive
 *   endColumn as SARIF wants, the matched text as snippet), a logical
 *   location holding the section path, partialFingerprints from
 *   rules/baseline.c (line numbers left out, so they survive edits
 *   elsewhere);
 * - artifacts: every file linted, with its status, doc type and judging
 *   date (judged_as_of, judged_from);
 * - invocations[0]: executionSuccessful, and one notification per file that
 *   could not be read (level error, the error code as descriptor) or rule
 *   skipped on a pattern limit (level warning).
 *
 * The log is built in memory (findings only, never documents) and written
 * at close. */
#include "report/report.h"
#include "report/json.h"
#include "core/buf.h"
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define SARIF_SCHEMA "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

typedef struct sarif_state {
    FILE *out;
    const fl_rules *rules;
    const unsigned char *enabled;
    char cwd[PATH_MAX];
    json_t *results, *artifacts, *notifications;
    json_t *artifact_index;  /* uri -> index in artifacts: SARIF wants each artifact once */
    const fl_rule **extra; size_t nextra, cap_extra; /* rules outside the set that produced results */
    bool all_ok;
} sarif_state;

static void *open_sarif(const fl_report_opts *o)
{
    sarif_state *s = fl_xcalloc(1, sizeof *s);
    s->out = o->out;
    s->rules = o->rules;
    s->enabled = o->enabled;
    if (!getcwd(s->cwd, sizeof s->cwd)) s->cwd[0] = '\0';
    s->results = json_array();
    s->artifacts = json_array();
    s->notifications = json_array();
    s->artifact_index = json_object();
    s->all_ok = true;
    return s;
}

static const char *level(fl_severity sev)
{
    return sev == FL_SEV_ERROR ? "error" : sev == FL_SEV_WARNING ? "warning" : "note";
}

static bool unreserved(unsigned char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
           c == '_' || c == '~' || c == '/';
}

static void encode(fl_buf *b, const char *s)
{
    static const char hex[] = "0123456789ABCDEF";
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (unreserved(*p)) fl_buf_addc(b, (char)*p);
        else {
            fl_buf_addc(b, '%');
            fl_buf_addc(b, hex[*p >> 4]);
            fl_buf_addc(b, hex[*p & 15]);
        }
    }
}

/* Relative to the working folder when the file is inside it; an absolute
 * file: URI otherwise. */
static json_t *uri(const sarif_state *s, const char *path)
{
    fl_buf b = FL_BUF_INIT;
    size_t n = strlen(s->cwd);
    if (path[0] == '/') {
        if (n > 1 && !strncmp(path, s->cwd, n) && path[n] == '/') {
            path += n + 1;
        } else {
            fl_buf_adds(&b, "file://");
        }
    }
    while (path[0] == '.' && path[1] == '/') path += 2;
    encode(&b, path);
    json_t *j = json_string(b.data ? b.data : "");
    fl_buf_free(&b);
    return j;
}

static json_t *artifact_location(const sarif_state *s, const char *path, size_t index)
{
    json_t *a = json_object();
    json_object_set_new(a, "uri", uri(s, path));
    json_object_set_new(a, "index", json_integer((json_int_t)index));
    return a;
}

static json_t *text(const char *t)
{
    json_t *o = json_object();
    json_object_set_new(o, "text", fl_json_str(t));
    return o;
}

static json_t *logical_location(const char *section)
{
    const char *last = section, *p;
    while ((p = strstr(last, " › "))) last = p + strlen(" › ");
    json_t *l = json_object();
    json_object_set_new(l, "name", fl_json_str(last));
    json_object_set_new(l, "fullyQualifiedName", fl_json_str(section));
    json_object_set_new(l, "kind", json_string("section"));
    return l;
}

static json_t *region(const fl_finding *f)
{
    json_t *r = json_object();
    json_object_set_new(r, "startLine", json_integer(f->line));
    json_object_set_new(r, "startColumn", json_integer(f->column));
    json_object_set_new(r, "endLine", json_integer(f->end_line < f->line ? f->line : f->end_line));
    json_object_set_new(r, "endColumn", json_integer(f->end_column < f->column ? f->column : f->end_column));
    if (f->match && *f->match) json_object_set_new(r, "snippet", text(f->match));
    return r;
}

static void note_rule(sarif_state *s, const fl_rule *r)
{
    bool in_set = s->rules && r->index < s->rules->nrules && s->rules->all[r->index] == r;
    if (in_set && (!s->enabled || s->enabled[r->index])) return;
    for (size_t i = 0; i < s->nextra; i++)
        if (s->extra[i] == r) return;
    FL_VEC_RESERVE(s->extra, s->cap_extra, s->nextra + 1);
    s->extra[s->nextra++] = r;
}

/* The other file a finding points at (EIA303: the filing the passage is
 * also in), as SARIF's relatedLocations. Not an artifact of the run, so it
 * carries a URI only. */
static void res_related(sarif_state *s, json_t *res, const fl_finding *f)
{
    json_t *rel = json_object(), *phys = json_object(), *art = json_object(), *reg = json_object();
    json_object_set_new(art, "uri", uri(s, f->related_path));
    json_object_set_new(phys, "artifactLocation", art);
    if (f->related_line > 0) {
        json_object_set_new(reg, "startLine", json_integer(f->related_line));
        json_object_set_new(phys, "region", reg);
    } else {
        json_decref(reg);
    }
    json_object_set_new(rel, "id", json_integer(0));
    json_object_set_new(rel, "physicalLocation", phys);
    json_t *rels = json_array();
    json_array_append_new(rels, rel);
    json_object_set_new(res, "relatedLocations", rels);
}

/* The basis a finding cites (the one in force on its judging date), as the
 * JSON finding has it. */
static void basis_props(json_t *props, const fl_basis *b)
{
    if (b->text && *b->text) json_object_set_new(props, "basis", fl_json_str(b->text));
    if (b->instrument && *b->instrument) json_object_set_new(props, "basis_instrument", fl_json_str(b->instrument));
    if (b->article && *b->article) json_object_set_new(props, "basis_article", fl_json_str(b->article));
    json_object_set_new(props, "class", json_string(fl_class_name(b->cls)));
}

static json_t *result(sarif_state *s, const char *path, size_t artifact, const fl_finding *f)
{
    json_t *res = json_object(), *loc = json_object(), *phys = json_object();
    note_rule(s, f->rule);
    json_object_set_new(res, "ruleId", fl_json_str(f->rule->id));
    json_object_set_new(res, "level", json_string(level(f->severity)));
    json_object_set_new(res, "message", text(f->message));
    json_object_set_new(phys, "artifactLocation", artifact_location(s, path, artifact));
    json_object_set_new(phys, "region", region(f));
    json_object_set_new(loc, "physicalLocation", phys);
    if (f->section && *f->section) {
        json_t *logical = json_array();
        json_array_append_new(logical, logical_location(f->section));
        json_object_set_new(loc, "logicalLocations", logical);
    }
    json_t *locs = json_array();
    json_array_append_new(locs, loc);
    json_object_set_new(res, "locations", locs);
    if (f->related_path) res_related(s, res, f);
    if (f->fingerprint) {
        json_t *fp = json_object();
        json_object_set_new(fp, "filinglint/v1", json_string(f->fingerprint));
        json_object_set_new(res, "partialFingerprints", fp);
    }
    json_t *props = json_object();
    json_object_set_new(props, "category", fl_json_str(f->rule->category));
    json_object_set_new(props, "part", json_string(fl_part_names[f->part]));
    if (f->excerpt && *f->excerpt) json_object_set_new(props, "excerpt", fl_json_str(f->excerpt));
    basis_props(props, fl_finding_basis(f));
    json_object_set_new(res, "properties", props);
    return res;
}

static void notify(sarif_state *s, const char *lvl, const char *code, const char *message, const char *path,
                   size_t artifact, const char *rule)
{
    json_t *n = json_object(), *loc = json_object(), *phys = json_object(), *locs = json_array();
    json_object_set_new(n, "level", json_string(lvl));
    json_object_set_new(n, "message", text(message));
    json_object_set_new(phys, "artifactLocation", artifact_location(s, path, artifact));
    json_object_set_new(loc, "physicalLocation", phys);
    json_array_append_new(locs, loc);
    json_object_set_new(n, "locations", locs);
    json_t *desc = json_object();
    json_object_set_new(desc, "id", fl_json_str(code));
    json_object_set_new(n, "descriptor", desc);
    if (rule) {
        json_t *assoc = json_object();
        json_object_set_new(assoc, "id", fl_json_str(rule));
        json_object_set_new(n, "associatedRule", assoc);
    }
    json_array_append_new(s->notifications, n);
}

/* The file's index in artifacts, adding it on first sight. */
static size_t artifact(sarif_state *s, const char *path, const char *status, const fl_result *res)
{
    json_t *u = uri(s, path);
    const char *key = json_string_value(u);
    json_t *known = json_object_get(s->artifact_index, key);
    if (known) {
        json_decref(u);
        return (size_t)json_integer_value(known);
    }
    size_t index = json_array_size(s->artifacts);
    json_object_set_new(s->artifact_index, key, json_integer((json_int_t)index));
    json_t *a = json_object(), *loc = json_object(), *props = json_object();
    json_object_set_new(loc, "uri", u);
    json_object_set_new(a, "location", loc);
    json_object_set_new(props, "status", json_string(status));
    if (res && res->doc_type) json_object_set_new(props, "doc_type", fl_json_str(res->doc_type));
    if (res) fl_json_judged(props, res);
    json_object_set_new(a, "properties", props);
    json_array_append_new(s->artifacts, a);
    return index;
}

static void file_sarif(void *state, const fl_file_report *f)
{
    sarif_state *s = state;
    if (!f->result) {
        char msg[1600];
        s->all_ok = false;
        size_t a = artifact(s, f->path, "error", NULL);
        notify(s, "error", fl_diag_key(f->error->code), fl_error_format(f->error, msg, sizeof msg), f->path, a, NULL);
        return;
    }
    size_t a = artifact(s, f->path, "ok", f->result);
    for (size_t i = 0; i < f->result->nfindings; i++)
        json_array_append_new(s->results, result(s, f->path, a, &f->result->findings[i]));
    for (size_t i = 0; i < f->result->nerrors; i++) {
        const fl_tool_error *e = &f->result->errors[i];
        s->all_ok = false;
        notify(s, "warning", fl_diag_key(e->code), e->message, f->path, a, e->rule);
    }
}

/* "template-residue" -> "TemplateResidue": SARIF's readable rule name. */
static json_t *rule_name(const char *category)
{
    fl_buf b = FL_BUF_INIT;
    bool up = true;
    for (const char *p = category; *p; p++) {
        if (*p == '-' || *p == '_' || *p == ' ') { up = true; continue; }
        fl_buf_addc(&b, up && *p >= 'a' && *p <= 'z' ? (char)(*p - 'a' + 'A') : *p);
        up = false;
    }
    json_t *j = fl_json_str(b.data ? b.data : "");
    fl_buf_free(&b);
    return j;
}

static void in_force_props(json_t *props, const fl_in_force *f)
{
    char d[11];
    if (f->since.y) json_object_set_new(props, "since", json_string((fl_date_format(&f->since, d), d)));
    if (f->until.y) json_object_set_new(props, "until", json_string((fl_date_format(&f->until, d), d)));
}

static json_t *rule_object(const fl_rule *r)
{
    json_t *o = json_object();
    json_object_set_new(o, "id", fl_json_str(r->id));
    if (r->category && *r->category) json_object_set_new(o, "name", rule_name(r->category));
    const char *summary = r->summary && *r->summary ? r->summary : r->message;
    json_object_set_new(o, "shortDescription", text(summary));
    fl_buf full = FL_BUF_INIT, line = FL_BUF_INIT;
    fl_buf_adds(&full, r->description && *r->description ? r->description : summary);
    for (size_t i = 0; i < r->nbases; i++) { /* the dated bases, then the rule's own */
        char when[96];
        fl_buf_printf(&full, "\n依据：%s", fl_basis_line(&line, &r->bases[i]));
        if (fl_in_force_dated(&r->bases[i].in_force))
            fl_buf_printf(&full, " %s", fl_in_force_text(&r->bases[i].in_force, when, sizeof when));
    }
    if (*fl_basis_line(&line, &r->basis)) fl_buf_printf(&full, "\n依据%s：%s", r->nbases ? "（其他情形）" : "", line.data);
    json_object_set_new(o, "fullDescription", text(full.data));
    fl_buf_free(&full);
    fl_buf_free(&line);
    json_t *conf = json_object();
    json_object_set_new(conf, "level", json_string(level(r->severity)));
    json_object_set_new(o, "defaultConfiguration", conf);
    json_t *props = json_object();
    json_object_set_new(props, "category", fl_json_str(r->category));
    basis_props(props, &r->basis);
    if (fl_in_force_dated(&r->in_force)) in_force_props(props, &r->in_force);
    if (r->nbases) {
        json_t *list = json_array();
        for (size_t i = 0; i < r->nbases; i++) {
            json_t *b = json_object();
            basis_props(b, &r->bases[i]);
            in_force_props(b, &r->bases[i].in_force);
            if (r->bases[i].ndoc_types) {
                json_t *types = json_array();
                for (size_t k = 0; k < r->bases[i].ndoc_types; k++) json_array_append_new(types, fl_json_str(r->bases[i].doc_types[k]));
                json_object_set_new(b, "doc_types", types);
            }
            json_array_append_new(list, b);
        }
        json_object_set_new(props, "bases", list);
    }
    json_object_set_new(o, "properties", props);
    return o;
}

static json_t *driver(const sarif_state *s)
{
    json_t *d = json_object(), *rules = json_array();
    json_object_set_new(d, "name", json_string("filinglint"));
    json_object_set_new(d, "version", json_string(FL_VERSION));
    json_object_set_new(d, "semanticVersion", json_string(FL_VERSION));
    for (size_t i = 0; s->rules && i < s->rules->nrules; i++)
        if (!s->enabled || s->enabled[i]) json_array_append_new(rules, rule_object(s->rules->all[i]));
    for (size_t i = 0; i < s->nextra; i++) json_array_append_new(rules, rule_object(s->extra[i]));
    json_object_set_new(d, "rules", rules);
    return d;
}

static int close_sarif(void *state, const fl_summary *sum)
{
    sarif_state *s = state;
    json_t *root = json_object(), *runs = json_array(), *run = json_object(), *tool = json_object();
    json_object_set_new(root, "$schema", json_string(SARIF_SCHEMA));
    json_object_set_new(root, "version", json_string("2.1.0"));
    json_object_set_new(tool, "driver", driver(s));
    json_object_set_new(run, "tool", tool);
    json_t *inv = json_object(), *invs = json_array();
    json_object_set_new(inv, "executionSuccessful", json_boolean(s->all_ok));
    json_object_set_new(inv, "toolExecutionNotifications", s->notifications);
    json_array_append_new(invs, inv);
    json_object_set_new(run, "invocations", invs);
    json_object_set_new(run, "columnKind", json_string("unicodeCodePoints"));
    json_object_set_new(run, "artifacts", s->artifacts);
    json_object_set_new(run, "results", s->results);
    json_array_append_new(runs, run);
    json_object_set_new(root, "runs", runs);
    int rc = fl_json_dumpf(root, s->out, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
    fputc('\n', s->out);
    if (fflush(s->out) != 0 || ferror(s->out)) rc = -1;
    json_decref(root);
    json_decref(s->artifact_index);
    free(s->extra);
    free(s);
    return rc;
}

const fl_reporter fl_report_sarif = {"sarif", open_sarif, file_sarif, close_sarif};
