/* Loading ruleset files: read and parse the XML (safely, with line numbers),
 * validate it against rulesets/schema/ruleset.rng, build its rules (ruleset_parse.c,
 * with the helpers of parse_helpers.c) and add them to the set; folders load every
 * *.xml in name order. Every error names the ruleset file and line, because
 * the person reading it is editing that file. */
#define _XOPEN_SOURCE 700 /* realpath */
#include "rules/parse_helpers.h"
#include "rules/kind.h"
#include "rules/ruleset.h"
#include "core/buf.h"
#include "core/xmlsafe.h"
#include <dirent.h>
#include <errno.h>
#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/xmlerror.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAX_RULESET_BYTES (16u * 1024 * 1024)

/* ---- XML, schema --------------------------------------------------------- */

/* libxml2 reports a schema violation as a cascade of errors, several of them
 * generic ("failed to validate content"); keep the most specific one. */
typedef struct valid_err {
    int line, score;
    char msg[512];
    bool set;
} valid_err;

static int score_msg(const char *m)
{
    if (strstr(m, "failed to validate content") || (strstr(m, "in interleave") && strstr(m, "Extra element")) ||
        strstr(m, "got nothing"))
        return 0;
    if (strstr(m, "Invalid sequence in interleave")) return 1;
    return 2;
}

#if LIBXML_VERSION >= 21200
static void on_valid_error(void *ctx, const xmlError *e)
#else
static void on_valid_error(void *ctx, xmlErrorPtr e)
#endif
{
    valid_err *v = ctx;
    if (!e) return;
    char msg[512];
    fl_loader_trim_msg(msg, sizeof msg, e->message);
    int score = score_msg(msg), line = e->line;
    const xmlNode *node = e->node;
    if (line <= 0 && node) line = fl_loader_line(node);
    if (v->set && score <= v->score) return;
    if (score == 1 && node && node->type == XML_ELEMENT_NODE)
        snprintf(msg, sizeof msg, "element <%.100s> is not expected here", (const char *)node->name);
    v->set = true;
    v->score = score;
    v->line = line;
    snprintf(v->msg, sizeof v->msg, "%s", msg);
}

static int read_all(const char *path, char **data, size_t *len, fl_error *err, const char *what)
{
    fl_buf b = FL_BUF_INIT;
    if (fl_buf_read_file(&b, path, MAX_RULESET_BYTES)) {
        int too_big = errno == EFBIG;
        fl_buf_free(&b);
        if (too_big) return fl_error_at(err, FL_E_RULESET, path, 0, "%s larger than 16 MiB", what);
        return fl_error_at(err, FL_E_RULESET, path, 0, "cannot read %s: %s", what, strerror(errno));
    }
    *len = b.len;
    *data = fl_buf_detach(&b); /* "" when the file is empty */
    return 0;
}

static int load_schema(fl_rules *set, fl_error *err)
{
    if (set->schema) return 0;
    char path[PATH_MAX];
    if (!fl_rulesets_file("schema/ruleset.rng", path, sizeof path)) {
        fl_error_set(err, FL_E_INTERNAL, "ruleset schema schema/ruleset.rng not found next to the shipped rulesets (set FILINGLINT_RULESETS to the rulesets folder)");
        return -1;
    }
    char *data = NULL;
    size_t len = 0;
    if (read_all(path, &data, &len, err, "the ruleset schema")) return -1;
    xmlRelaxNGParserCtxtPtr pc = xmlRelaxNGNewMemParserCtxt(data, (int)len);
    xmlRelaxNGPtr schema = pc ? xmlRelaxNGParse(pc) : NULL;
    xmlRelaxNGFreeParserCtxt(pc);
    free(data);
    if (!schema) {
        fl_error_set(err, FL_E_INTERNAL, "the ruleset schema is invalid");
        snprintf(err->file, sizeof err->file, "%.500s", path);
        return -1;
    }
    set->schema = schema;
    snprintf(set->schema_dir, sizeof set->schema_dir, "%.1000s", path);
    return 0;
}

static xmlDoc *parse_xml(const char *name, const char *xml, size_t len, fl_error *err)
{
    if (len > MAX_RULESET_BYTES) {
        fl_error_at(err, FL_E_RULESET, name, 0, "larger than 16 MiB");
        return NULL;
    }
    xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
    if (!ctxt) {
        fl_error_set(err, FL_E_INTERNAL, "out of memory");
        return NULL;
    }
    xmlDoc *doc = xmlCtxtReadMemory(ctxt, xml, (int)len, name, "UTF-8",
                                    fl_xml_parse_options() | XML_PARSE_BIG_LINES);
    if (!doc) {
        const xmlError *e = xmlCtxtGetLastError(ctxt);
        char msg[512];
        fl_loader_trim_msg(msg, sizeof msg, e ? e->message : NULL);
        fl_error_at(err, FL_E_RULESET, name, e ? e->line : 0, "malformed XML: %s", msg);
    } else if (doc->intSubset) {
        int line = 1, at = 0; /* the DTD node has no line of its own */
        for (size_t i = 0; i + 9 <= len && !at; i++) {
            if (!memcmp(xml + i, "<!DOCTYPE", 9)) at = line;
            line += xml[i] == '\n';
        }
        fl_error_at(err, FL_E_RULESET, name, at, "a DTD is not allowed in a ruleset");
        xmlFreeDoc(doc);
        doc = NULL;
    }
    xmlFreeParserCtxt(ctxt);
    return doc;
}

/* 0 valid, 1 invalid (reason in *v), -1 no usable schema (err set). */
static int validate(fl_rules *set, xmlDoc *doc, valid_err *v, fl_error *err)
{
    if (load_schema(set, err)) return -1;
    memset(v, 0, sizeof *v);
    xmlRelaxNGValidCtxtPtr vc = xmlRelaxNGNewValidCtxt(set->schema);
    xmlRelaxNGSetValidStructuredErrors(vc, on_valid_error, v);
    int rc = xmlRelaxNGValidateDoc(vc, doc);
    xmlRelaxNGFreeValidCtxt(vc);
    return rc == 0 ? 0 : 1;
}

static void dir_of(char *out, size_t cap, const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash) snprintf(out, cap, ".");
    else if (slash == path) snprintf(out, cap, "/");
    else snprintf(out, cap, "%.*s", (int)(slash - path), path);
}

static void add_to_set(fl_rules *set, fl_ruleset *rs)
{
    FL_VEC_RESERVE(set->sets, set->cap_sets, set->nsets + 1);
    set->sets[set->nsets++] = rs;
    FL_VEC_RESERVE(set->all, set->cap_rules, set->nrules + rs->nrules);
    for (size_t i = 0; i < rs->nrules; i++) {
        rs->rules[i].index = set->nrules;
        set->all[set->nrules++] = &rs->rules[i];
    }
}

/* The schema decides whether a ruleset is valid; building the rules anyway
 * gives a sharper message for the mistakes it knows (a bad severity, a
 * missing example) than libxml2's report of the schema violation. */
int fl_rules_load_memory(fl_rules *set, const char *name, const char *xml, size_t len, fl_error *err)
{
    int rc = -1, valid;
    xmlDoc *doc = parse_xml(name, xml, len, err);
    fl_ruleset *rs = NULL;
    fl_loader ld;
    valid_err verr;
    char dir[PATH_MAX];
    memset(&ld, 0, sizeof ld);
    if (!doc || (valid = validate(set, doc, &verr, err)) < 0) goto cleanup;
    rs = fl_xcalloc(1, sizeof *rs);
    fl_arena_init(&rs->arena);
    rs->path = fl_arena_strdup(&rs->arena, name);
    dir_of(dir, sizeof dir, name);
    ld.set = set;
    ld.rs = rs;
    ld.file = rs->path;
    ld.dir = fl_arena_strdup(&rs->arena, dir);
    if (fl_loader_parse_ruleset(&ld, xmlDocGetRootElement(doc), err)) goto cleanup;
    if (valid) {
        fl_error_at(err, FL_E_RULESET, name, verr.line, "does not follow the ruleset schema: %s", verr.set ? verr.msg : "invalid");
        goto cleanup;
    }
    add_to_set(set, rs);
    rs = NULL;
    rc = 0;
cleanup:
    if (rs) {
        fl_ruleset_free_tables(rs);
        for (fl_pattern *p = rs->patterns; p; p = p->next) pcre2_code_free(p->code);
        fl_arena_free(&rs->arena);
        free(rs);
    }
    free(ld.names);
    xmlFreeDoc(doc);
    return rc;
}

/* The same file named twice (a default folder and --ruleset) loads once. */
static bool already_loaded(const fl_rules *set, const char *path)
{
    char a[PATH_MAX], b[PATH_MAX];
    if (!realpath(path, a)) return false;
    for (size_t i = 0; i < set->nsets; i++)
        if (realpath(set->sets[i]->path, b) && !strcmp(a, b)) return true;
    return false;
}

static int load_file(fl_rules *set, const char *path, fl_error *err)
{
    if (already_loaded(set, path)) return 0;
    char *data = NULL;
    size_t len = 0;
    if (read_all(path, &data, &len, err, "ruleset")) return -1;
    int rc = fl_rules_load_memory(set, path, data, len, err);
    free(data);
    return rc;
}

static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static int load_dir(fl_rules *set, const char *path, fl_error *err)
{
    DIR *d = opendir(path);
    if (!d) return fl_error_at(err, FL_E_RULESET, path, 0, "cannot read ruleset folder: %s", strerror(errno));
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        size_t l = strlen(e->d_name);
        if (e->d_name[0] == '.' || l < 5 || strcmp(e->d_name + l - 4, ".xml")) continue;
        FL_VEC_RESERVE(names, cap, n + 1);
        names[n++] = fl_xstrdup(e->d_name);
    }
    closedir(d);
    if (n > 1) qsort(names, n, sizeof *names, cmp_str);
    int rc = 0;
    for (size_t i = 0; i < n; i++) {
        char full[PATH_MAX];
        struct stat st;
        snprintf(full, sizeof full, "%s%s%s", path, path[strlen(path) - 1] == '/' ? "" : "/", names[i]);
        if (rc == 0 && stat(full, &st) == 0 && S_ISREG(st.st_mode)) rc = load_file(set, full, err);
        free(names[i]);
    }
    free(names);
    return rc;
}

int fl_rules_load(fl_rules *set, const char *path, fl_error *err)
{
    struct stat st;
    if (stat(path, &st) != 0) return fl_error_at(err, FL_E_RULESET, path, 0, "cannot read ruleset: %s", strerror(errno));
    if (S_ISDIR(st.st_mode)) return load_dir(set, path, err);
    return load_file(set, path, err);
}

/* Messages name shipped rulesets relative to the working folder when they
 * are below it ("rulesets/filing.xml" in a source checkout). */
/* Messages name shipped rulesets relative to the working folder when they
 * are below it ("rulesets/filing.xml" in a source checkout). */
int fl_rules_load_default(fl_rules *set, fl_error *err)
{
    char dir[PATH_MAX], real[PATH_MAX], cwd[PATH_MAX];
    if (!fl_rulesets_dir(dir, sizeof dir)) {
        fl_error_set(err, FL_E_INTERNAL, "shipped rulesets not found (set FILINGLINT_RULESETS to the rulesets folder)");
        return -1;
    }
    const char *shown = dir;
    if (realpath(dir, real) && getcwd(cwd, sizeof cwd)) {
        size_t n = strlen(cwd);
        if (!strncmp(real, cwd, n) && real[n] == '/' && real[n + 1]) shown = real + n + 1;
    }
    return load_dir(set, shown, err);
}

int fl_rules_load_all(fl_rules *set, bool defaults, char *const *paths, size_t npaths, fl_error *err)
{
    if (defaults && fl_rules_load_default(set, err)) return -1;
    for (size_t i = 0; i < npaths; i++)
        if (fl_rules_load(set, paths[i], err)) return -1;
    return 0;
}
