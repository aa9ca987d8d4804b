/* SARIF 2.1.0 output (`--format sarif`), valid against the OASIS schema
 * (tests/sh/batch_sarif.sh checks every output with it) and shaped for the
 * subset code-scanning services read (GitHub's "SARIF support for code
 * scanning": help.text required, descriptions at most 1024 characters,
 * partialFingerprints.primaryLocationLineHash, invocation.workingDirectory).
 * One run:
 *
 * - tool.driver.rules: every rule that ran (the selected ones, then any
 *   built-in rule that produced a result), with shortDescription,
 *   fullDescription ending in the basis (cut at 1024 characters),
 *   help (text and Markdown: what the rule checks, every basis with its
 *   dates, one example that is reported and one that is not),
 *   defaultConfiguration.level and properties (category, basis, dates, tags);
 * - results: ruleId and ruleIndex (its place in rules), level (error /
 *   warning / note), message, one location (artifactLocation relative to
 *   SRCROOT and percent-encoded, region in code-point columns with an
 *   exclusive endColumn as SARIF wants, the matched text as snippet), a
 *   logical location holding the section path, partialFingerprints from
 *   rules/baseline.c (line numbers left out, so they survive edits
 *   elsewhere) under filinglint's own key and under primaryLocationLineHash,
 *   the one key GitHub reads — it would otherwise hash the lines of a .docx
 *   as if it were text;
 * - originalUriBaseIds: SRCROOT is the working folder (file:// URI ending in
 *   '/'). A file inside it is a relative URI with uriBaseId SRCROOT; a file
 *   outside it (../x.md, /tmp/x.md) an absolute file:// URI without one, as
 *   the spec wants of a URI that needs no base;
 * - artifacts: every file linted, with its status, doc type and judging
 *   date (judged_as_of, judged_from);
 * - invocations[0]: the command line (argv[0] by its base name) and its
 *   arguments, start and end time (UTC; SOURCE_DATE_EPOCH when set),
 *   workingDirectory, executionSuccessful, properties.as_of when the run
 *   judged every file at one date (--as-of or the config file's <as-of>),
 *   and one notification per file that could not be read (level error, the
 *   error code as descriptor) or rule skipped on a pattern limit (level
 *   warning).
 *
 * The log is built in memory (findings only, never documents) and written
 * at close. */
#include "report/report.h"
#include "core/i18n.h"
#include "report/json.h"
#include "core/buf.h"
#include "core/utf8.h"
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#pragma GCC diagnostic ignored "-Wformat-nonliteral" /* rows of core/i18n.def */

#define SARIF_SCHEMA "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
#define SRCROOT "SRCROOT"
#define MAX_DESCRIPTION 1024 /* code points: GitHub's limit for short and full descriptions */

typedef struct sarif_state {
    FILE *out;
    const fl_rules *rules;
    const unsigned char *enabled;
    size_t *rule_pos;        /* per rule of the set: its index in driver.rules, SIZE_MAX when not listed */
    size_t nlisted;          /* rules of the set listed; the extra ones follow */
    bool has_as_of;
    fl_date as_of;
    const char *as_of_origin;
    char cwd[PATH_MAX];      /* "" when unknown: paths then stay as given */
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
    s->has_as_of = o->has_as_of;
    s->as_of = o->as_of;
    s->as_of_origin = o->as_of_origin;
    size_t nrules = o->rules ? o->rules->nrules : 0;
    s->rule_pos = fl_xcalloc(nrules + 1, sizeof *s->rule_pos);
    for (size_t i = 0; i < nrules; i++)
        s->rule_pos[i] = !o->enabled || o->enabled[i] ? s->nlisted++ : SIZE_MAX;
    if (!getcwd(s->cwd, sizeof s->cwd) || s->cwd[0] != '/') s->cwd[0] = '\0';
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

/* The path with "." and ".." segments and doubled slashes resolved, made
 * absolute against the working folder; a ".." above the root stays at the
 * root. Symbolic links are not followed: the path names the file the user
 * named. */
static void absolute(fl_buf *b, const char *cwd, const char *path)
{
    if (path[0] != '/' && strcmp(cwd, "/")) fl_buf_adds(b, cwd);
    const char *p = path;
    while (*p) {
        while (*p == '/') p++;
        const char *e = strchr(p, '/');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        if (n == 0) break;
        if (n == 2 && p[0] == '.' && p[1] == '.') {
            while (b->len && b->data[b->len - 1] != '/') b->len--;
            if (b->len) b->data[--b->len] = '\0';
        } else if (!(n == 1 && p[0] == '.')) {
            fl_buf_addc(b, '/');
            fl_buf_add(b, p, n);
        }
        p += n;
    }
    if (!b->len) fl_buf_addc(b, '/');
}

/* A file's location: relative to SRCROOT (the working folder) when it lies
 * inside it, else an absolute file: URI. *relative says which. */
static json_t *uri(const sarif_state *s, const char *path, bool *relative)
{
    fl_buf abs = FL_BUF_INIT, b = FL_BUF_INIT;
    *relative = true;
    if (!s->cwd[0]) { /* no working folder: the path as given, minus "./" */
        while (path[0] == '.' && path[1] == '/') path += 2;
        *relative = path[0] != '/';
        if (!*relative) fl_buf_adds(&b, "file://");
        encode(&b, path);
    } else {
        absolute(&abs, s->cwd, path);
        size_t n = strlen(s->cwd);
        if (n == 1) n = 0; /* the working folder is the root */
        if (!strncmp(abs.data, s->cwd, n) && abs.data[n] == '/' && abs.data[n + 1]) {
            encode(&b, abs.data + n + 1);
        } else {
            *relative = false;
            fl_buf_adds(&b, "file://");
            encode(&b, abs.data);
        }
    }
    json_t *j = json_string(b.data ? b.data : "");
    fl_buf_free(&abs);
    fl_buf_free(&b);
    return j;
}

/* {"uri", "uriBaseId": "SRCROOT" when relative}; index >= 0: its artifact. */
static json_t *location_of(const sarif_state *s, const char *path, long index)
{
    bool relative;
    json_t *a = json_object();
    json_object_set_new(a, "uri", uri(s, path, &relative));
    if (relative) json_object_set_new(a, "uriBaseId", json_string(SRCROOT));
    if (index >= 0) json_object_set_new(a, "index", json_integer((json_int_t)index));
    return a;
}

static json_t *artifact_location(const sarif_state *s, const char *path, size_t index)
{
    return location_of(s, path, (long)index);
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
    if (f->page) /* a PDF: SARIF regions count lines, not pages; the page goes in the property bag */
        json_object_set_new(r, "properties", json_pack("{s:i, s:i}", "page", f->page, "pageLine", f->page_line));
    return r;
}

/* The rule's index in driver.rules, listing it among the extra rules (a
 * built-in one, or one outside --select that still produced a result) on
 * first sight. */
static size_t note_rule(sarif_state *s, const fl_rule *r)
{
    bool in_set = s->rules && r->index < s->rules->nrules && s->rules->all[r->index] == r;
    if (in_set && s->rule_pos[r->index] != SIZE_MAX) return s->rule_pos[r->index];
    for (size_t i = 0; i < s->nextra; i++)
        if (s->extra[i] == r) return s->nlisted + i;
    FL_VEC_RESERVE(s->extra, s->cap_extra, s->nextra + 1);
    s->extra[s->nextra++] = r;
    return s->nlisted + s->nextra - 1;
}

/* The other file a finding points at (EIA303: the filing the passage is
 * also in), as SARIF's relatedLocations. Not an artifact of the run, so it
 * carries a URI only. */
static void res_related(sarif_state *s, json_t *res, const fl_finding *f)
{
    json_t *rel = json_object(), *phys = json_object(), *reg = json_object();
    json_object_set_new(phys, "artifactLocation", location_of(s, f->related_path, -1));
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
    size_t rule_index = note_rule(s, f->rule);
    json_object_set_new(res, "ruleId", fl_json_str(f->rule->id));
    json_object_set_new(res, "ruleIndex", json_integer((json_int_t)rule_index));
    json_object_set_new(res, "level", json_string(level(f->severity)));
    json_object_set_new(res, "message", text(fl_report_message(f)));
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
        json_object_set_new(fp, "primaryLocationLineHash", json_string(f->fingerprint));
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
    json_t *loc = location_of(s, path, -1);
    const char *key = json_string_value(json_object_get(loc, "uri"));
    json_t *known = json_object_get(s->artifact_index, key);
    if (known) {
        json_decref(loc);
        return (size_t)json_integer_value(known);
    }
    size_t index = json_array_size(s->artifacts);
    json_object_set_new(s->artifact_index, key, json_integer((json_int_t)index));
    json_t *a = json_object(), *props = json_object();
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

/* The basis lines of a rule: each dated <basis> with its dates and document
 * types, then the rule's own ("其他情形" when dated ones come first) with the
 * rule's dates. Each line starts with prefix. */
static void bases_text(fl_buf *b, const fl_rule *r, const char *prefix)
{
    char when[96];
    fl_buf line = FL_BUF_INIT;
    for (size_t i = 0; i < r->nbases; i++) {
        const fl_basis *x = &r->bases[i];
        fl_buf_adds(b, prefix);
        fl_buf_printf(b, fl_tr(FL_M_X_BASIS), fl_basis_line(&line, x));
        if (fl_in_force_dated(&x->in_force)) fl_buf_printf(b, " %s", fl_in_force_text(&x->in_force, when, sizeof when));
        for (size_t k = 0; k < x->ndoc_types; k++) fl_buf_printf(b, "%s%s", k ? " " : fl_tr(FL_M_X_FOR_TYPES), x->doc_types[k]);
    }
    if (*fl_basis_line(&line, &r->basis)) {
        fl_buf_adds(b, prefix);
        fl_buf_printf(b, fl_tr(FL_M_S_BASIS_OWN), r->nbases ? fl_tr(FL_M_X_OTHER_CASES) : "", line.data);
        if (fl_in_force_dated(&r->in_force)) fl_buf_printf(b, " %s", fl_in_force_text(&r->in_force, when, sizeof when));
    }
    fl_buf_free(&line);
}

/* A description cut to GitHub's 1024 characters, on a code-point boundary. */
static json_t *description(const char *t)
{
    size_t len = strlen(t);
    if (fl_utf8_count(t, len) <= MAX_DESCRIPTION) return text(t);
    const char *more = fl_tr(FL_M_S_MORE);
    fl_buf b = FL_BUF_INIT;
    fl_buf_add(&b, t, fl_utf8_prefix(t, len, MAX_DESCRIPTION - fl_utf8_count(more, strlen(more))));
    fl_buf_adds(&b, more);
    json_t *j = text(b.data);
    fl_buf_free(&b);
    return j;
}

/* Markdown text: ASCII punctuation that Markdown reads as markup escaped
 * (a backslash before it is always a literal in CommonMark); a line break
 * inside a paragraph dropped between two Chinese characters, since Markdown
 * renders it as a space. */
static void md_text_n(fl_buf *b, const char *t, size_t n)
{
    for (const char *p = t; p < t + n; p++) {
        if (*p == '\n' && p + 1 < t + n && p[1] != '\n' && p > t && p[-1] != '\n') {
            bool cjk = (unsigned char)p[-1] >= 0x80 && (unsigned char)p[1] >= 0x80;
            if (!cjk) fl_buf_addc(b, ' ');
            continue;
        }
        if (strchr("\\`*_[]<>#|~!", *p)) fl_buf_addc(b, '\\');
        fl_buf_addc(b, *p);
    }
}

static void md_text(fl_buf *b, const char *t) { md_text_n(b, t, strlen(t)); }

/* A fence longer than any run of backticks in the text. */
static void md_fence(fl_buf *b, const char *t)
{
    size_t run = 0, longest = 0;
    for (const char *p = t; *p; p++) {
        run = *p == '`' ? run + 1 : 0;
        if (run > longest) longest = run;
    }
    for (size_t i = 0; i < (longest < 3 ? 3 : longest + 1); i++) fl_buf_addc(b, '`');
}

static const fl_example *first_example(const fl_rule *r, bool fail)
{
    for (size_t i = 0; i < r->nexamples; i++)
        if (r->examples[i].fail == fail) return &r->examples[i];
    return NULL;
}

/* One example under its heading: how it is judged, then its text in a code
 * block (Markdown) or indented (text). */
static void example_help(fl_buf *txt, fl_buf *md, const fl_example *ex)
{
    const char *head = fl_tr(ex->fail ? FL_M_S_EX_FAIL : FL_M_S_EX_PASS), *sep = fl_tr(FL_M_S_SEP);
    const char *open = fl_tr(FL_M_S_OPEN), *close = fl_tr(FL_M_S_CLOSE), *colon = fl_tr(FL_M_S_COLON);
    fl_buf note = FL_BUF_INIT;
    if (ex->doc_type) fl_buf_printf(&note, fl_tr(FL_M_S_EX_TYPE), ex->doc_type);
    if (ex->as_of) fl_buf_printf(&note, fl_tr(FL_M_S_EX_AS_OF), note.len ? sep : "", ex->as_of);
    if (ex->nprops || ex->nmarks) fl_buf_printf(&note, fl_tr(FL_M_S_EX_EXTRA), note.len ? sep : "");
    fl_buf_printf(txt, "\n\n%s%s%s%s%s\n", head, note.len ? open : "", note.len ? note.data : "", note.len ? close : "",
                  colon);
    fl_buf_printf(md, "\n\n**%s**%s%s%s%s\n\n", head, note.len ? open : "", note.len ? note.data : "",
                  note.len ? close : "", colon);
    for (const char *p = ex->text; *p;) {
        const char *e = strchr(p, '\n');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        fl_buf_adds(txt, "    ");
        fl_buf_add(txt, p, n);
        if (e && e[1]) fl_buf_addc(txt, '\n');
        p += n + (e != NULL);
    }
    md_fence(md, ex->text);
    fl_buf_adds(md, "text\n");
    fl_buf_adds(md, ex->text);
    if (!*ex->text || ex->text[strlen(ex->text) - 1] != '\n') fl_buf_addc(md, '\n');
    md_fence(md, ex->text);
    fl_buf_free(&note);
}

/* reportingDescriptor.help: what the rule checks (summary, description),
 * every basis with its dates, one example that is reported and one that is
 * not. Code scanning shows it next to each result. */
static json_t *rule_help(const fl_rule *r, const char *summary)
{
    fl_buf txt = FL_BUF_INIT, md = FL_BUF_INIT;
    fl_buf_printf(&txt, "%s  %s", r->id, summary);
    fl_buf_printf(&md, "**%s** ", r->id);
    md_text(&md, summary);
    if (r->description && *r->description) {
        fl_buf_printf(&txt, "\n\n%s", r->description);
        fl_buf_adds(&md, "\n\n");
        md_text(&md, r->description);
    }
    fl_buf bases = FL_BUF_INIT;
    bases_text(&bases, r, "\n");
    if (bases.len) fl_buf_printf(&txt, "\n%s", bases.data);
    for (const char *p = bases.len ? bases.data : ""; *p;) { /* a paragraph each */
        const char *e = strchr(p, '\n');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        if (n) {
            fl_buf_adds(&md, "\n\n");
            md_text_n(&md, p, n);
        }
        p += n + (e != NULL);
    }
    fl_buf_free(&bases);
    const fl_example *fail = first_example(r, true), *pass = first_example(r, false);
    if (fail) example_help(&txt, &md, fail);
    if (pass) example_help(&txt, &md, pass);
    fl_buf_printf(&txt, fl_tr(FL_M_S_OFF), r->id);
    fl_buf_printf(&md, fl_tr(FL_M_S_OFF_MD), r->id);
    json_t *h = json_object();
    json_object_set_new(h, "text", fl_json_str(txt.data));
    json_object_set_new(h, "markdown", fl_json_str(md.data));
    fl_buf_free(&txt);
    fl_buf_free(&md);
    return h;
}

static json_t *rule_object(const fl_rule *r)
{
    json_t *o = json_object();
    json_object_set_new(o, "id", fl_json_str(r->id));
    if (r->category && *r->category) json_object_set_new(o, "name", rule_name(r->category));
    const char *summary = fl_report_rule_summary(r);
    json_object_set_new(o, "shortDescription", description(summary));
    fl_buf full = FL_BUF_INIT;
    fl_buf_adds(&full, r->description && *r->description ? r->description : summary);
    bases_text(&full, r, "\n");
    json_object_set_new(o, "fullDescription", description(full.data));
    fl_buf_free(&full);
    json_object_set_new(o, "help", rule_help(r, summary));
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
    /* what code scanning filters and orders by: tags, and the severity of a
     * non-security rule (info is its "recommendation") */
    json_t *tags = json_array();
    if (r->category && *r->category) json_array_append_new(tags, fl_json_str(r->category));
    if (r->basis.cls != FL_CLASS_NONE) json_array_append_new(tags, json_string(fl_class_name(r->basis.cls)));
    json_object_set_new(props, "tags", tags);
    json_object_set_new(props, "problem.severity",
                        json_string(r->severity == FL_SEV_ERROR ? "error" : r->severity == FL_SEV_WARNING ? "warning" : "recommendation"));
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

/* The working folder as a file: URI ending in '/', as originalUriBaseIds
 * and workingDirectory want it. */
static json_t *srcroot(const sarif_state *s)
{
    fl_buf b = FL_BUF_INIT;
    fl_buf_adds(&b, "file://");
    encode(&b, s->cwd);
    if (b.data[b.len - 1] != '/') fl_buf_addc(&b, '/');
    json_t *a = json_object();
    json_object_set_new(a, "uri", json_string(b.data));
    fl_buf_free(&b);
    return a;
}

static json_t *invocation(sarif_state *s)
{
    const fl_invocation *run = fl_invocation_get();
    json_t *inv = json_object(), *args = json_array(), *props = json_object();
    fl_buf cmd = FL_BUF_INIT;
    char when[21];
    fl_invocation_command_line(&cmd);
    json_object_set_new(inv, "commandLine", fl_json_str(cmd.data ? cmd.data : ""));
    for (int i = 1; i < run->argc; i++) json_array_append_new(args, fl_json_str(run->argv[i]));
    json_object_set_new(inv, "arguments", args);
    json_object_set_new(inv, "startTimeUtc", json_string(fl_utc_iso(run->start, when)));
    json_object_set_new(inv, "endTimeUtc", json_string(fl_utc_iso(fl_invocation_now(), when)));
    if (s->cwd[0]) json_object_set_new(inv, "workingDirectory", srcroot(s));
    json_object_set_new(inv, "executionSuccessful", json_boolean(s->all_ok));
    json_object_set_new(inv, "toolExecutionNotifications", s->notifications);
    if (s->has_as_of) { /* per file, the artifacts say it */
        char d[11];
        fl_date_format(&s->as_of, d);
        json_object_set_new(props, "as_of", json_string(d));
        if (s->as_of_origin) json_object_set_new(props, "as_of_origin", json_string(s->as_of_origin));
    }
    json_object_set_new(inv, "properties", props);
    fl_buf_free(&cmd);
    return inv;
}

static int close_sarif(void *state, const fl_summary *sum)
{
    sarif_state *s = state;
    json_t *root = json_object(), *runs = json_array(), *run = json_object(), *tool = json_object();
    json_object_set_new(root, "$schema", json_string(SARIF_SCHEMA));
    json_object_set_new(root, "version", json_string("2.1.0"));
    json_object_set_new(tool, "driver", driver(s));
    json_object_set_new(run, "tool", tool);
    json_t *invs = json_array();
    json_array_append_new(invs, invocation(s));
    json_object_set_new(run, "invocations", invs);
    if (s->cwd[0]) {
        json_t *bases = json_object(), *root_loc = srcroot(s);
        json_object_set_new(root_loc, "description", text("检查时的工作目录；文件路径相对于此"));
        json_object_set_new(bases, SRCROOT, root_loc);
        json_object_set_new(run, "originalUriBaseIds", bases);
    }
    json_object_set_new(run, "columnKind", json_string("unicodeCodePoints"));
    json_object_set_new(run, "language", json_string(fl_tr(FL_M_S_LANGUAGE))); /* of the messages */
    json_object_set_new(run, "artifacts", s->artifacts);
    json_object_set_new(run, "results", s->results);
    json_array_append_new(runs, run);
    json_object_set_new(root, "runs", runs);
    (void)sum;
    int rc = fl_json_dumpf(root, s->out, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
    fputc('\n', s->out);
    if (fflush(s->out) != 0 || ferror(s->out)) rc = -1;
    json_decref(root);
    json_decref(s->artifact_index);
    free(s->extra);
    free(s->rule_pos);
    free(s);
    return rc;
}

const fl_reporter fl_report_sarif = {.name = "sarif", .open = open_sarif, .file = file_sarif, .close = close_sarif};
