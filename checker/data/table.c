/* Loading the tables in rulesets/data/ (standards, places, holidays): read
 * the file, parse it with the safe DOM helpers, validate it against
 * rulesets/schema/data.rng, then copy what the rules need into arena-backed
 * structs with sorted indexes. The schema checks
 * the shape of every row; the loaders check what a schema cannot (unique
 * codes, replacements that exist, divisions nested under the right codes, no
 * day both off and worked) and name the file and line of the offending row. */
#include "data/table.h"
#include "data/tables.h"
#include "core/buf.h"
#include "core/norm.h"
#include "core/utf8.h"
#include "core/xmlsafe.h"
#include <errno.h>
#include <libxml/relaxng.h>
#include <libxml/xmlerror.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define MAX_TABLE_BYTES (16u * 1024 * 1024)

/* ---- errors, files, schema --------------------------------------------- */

int fl_tab_node_line(const xmlNode *n) { return (int)xmlGetLineNo((xmlNode *)n); }

static int read_file(const char *path, fl_buf *b, fl_error *err, const char *what)
{
    if (fl_buf_read_file(b, path, MAX_TABLE_BYTES) == 0) return 0;
    if (errno == EFBIG) return fl_error_at(err, FL_E_RULESET, path, 0, "%s larger than 16 MiB", what);
    return fl_error_at(err, FL_E_RULESET, path, 0, "cannot read %s: %s", what, fl_buf_read_strerror(errno));
}

static bool is_file(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISREG(st.st_mode);
}

static const char *find_schema(char *out, size_t cap, const char *table, const char *schema)
{
    char dir[PATH_MAX - 32];
    const char *slash = strrchr(table, '/');
    if (!slash) snprintf(dir, sizeof dir, ".");
    else snprintf(dir, sizeof dir, "%.*s", (int)(slash == table ? 1 : slash - table), table);
    snprintf(out, cap, "%s/../schema/%s", dir, schema);
    if (is_file(out)) return out;
    snprintf(out, cap, "%s/%s", dir, schema);
    if (is_file(out)) return out;
    const char *env = getenv("FILINGLINT_RULESETS");
    if (env && *env) {
        snprintf(out, cap, "%s/schema/%s", env, schema);
        if (is_file(out)) return out;
    }
    return NULL;
}

typedef struct valid_err { int line; char msg[512]; bool set; } valid_err;

#if LIBXML_VERSION >= 21200
static void on_valid_error(void *ctx, const xmlError *e)
#else
static void on_valid_error(void *ctx, xmlErrorPtr e)
#endif
{
    valid_err *v = ctx;
    if (v->set || !e) return;
    v->set = true;
    v->line = e->line > 0 ? e->line : (e->node ? fl_tab_node_line(e->node) : 0);
    snprintf(v->msg, sizeof v->msg, "%s", e->message ? e->message : "invalid");
    size_t n = strlen(v->msg);
    while (n && (v->msg[n - 1] == '\n' || v->msg[n - 1] == ' ')) v->msg[--n] = '\0';
}

static int validate(xmlDoc *doc, const char *path, const char *rng, fl_error *err)
{
    char spath[PATH_MAX];
    if (!find_schema(spath, sizeof spath, path, rng))
        return fl_error_at(err, FL_E_RULESET, path, 0, "data table schema %s not found (looked in ../schema/ next to the table)", rng);
    fl_buf b = FL_BUF_INIT;
    if (read_file(spath, &b, err, "the data table schema")) {
        fl_buf_free(&b);
        return -1;
    }
    xmlRelaxNGParserCtxtPtr pc = xmlRelaxNGNewMemParserCtxt(b.data, (int)b.len);
    xmlRelaxNGPtr schema = pc ? xmlRelaxNGParse(pc) : NULL;
    xmlRelaxNGFreeParserCtxt(pc);
    fl_buf_free(&b);
    if (!schema) return fl_error_at(err, FL_E_RULESET, spath, 0, "the data table schema is invalid");
    valid_err v = {0, "", false};
    xmlRelaxNGValidCtxtPtr vc = xmlRelaxNGNewValidCtxt(schema);
    xmlRelaxNGSetValidStructuredErrors(vc, on_valid_error, &v);
    int rc = vc ? xmlRelaxNGValidateDoc(vc, doc) : -1;
    xmlRelaxNGFreeValidCtxt(vc);
    xmlRelaxNGFree(schema);
    if (rc == 0) return 0;
    return fl_error_at(err, FL_E_RULESET, path, v.line, "does not follow the data table schema: %s", v.set ? v.msg : "invalid");
}

/* Parse and validate against the schema file named schema (looked up in
 * ../schema/ next to the table, beside it, then $FILINGLINT_RULESETS/schema);
 * the root element must be `root`. */
xmlDoc *fl_tab_open_schema(const char *path, const char *root, const char *schema, fl_error *err)
{
    fl_buf b = FL_BUF_INIT;
    xmlDoc *doc = NULL;
    if (read_file(path, &b, err, "data table")) goto cleanup;
    if (b.len == 0) {
        fl_error_at(err, FL_E_RULESET, path, 0, "empty data table");
        goto cleanup;
    }
    fl_error xerr;
    fl_error_clear(&xerr);
    doc = fl_xml_read(b.data, b.len, path, &xerr);
    if (!doc) {
        /* a broken table is a ruleset error (exit 3), not an input error; the
         * message names the file, which the error's file field already does */
        char msg[sizeof xerr.message];
        snprintf(msg, sizeof msg, "%s", xerr.message);
        char in[PATH_MAX];
        snprintf(in, sizeof in, " in %s", path);
        char *at = strstr(msg, in);
        if (at) memmove(at, at + strlen(in), strlen(at + strlen(in)) + 1);
        const char *l = strstr(msg, "line ");
        fl_error_at(err, FL_E_RULESET, path, l ? atoi(l + 5) : 0, "%s", msg);
        goto cleanup;
    }
    xmlNode *r = xmlDocGetRootElement(doc);
    if (!r || strcmp((const char *)r->name, root) != 0) {
        fl_error_at(err, FL_E_RULESET, path, r ? fl_tab_node_line(r) : 0, "expected a <%s> data table", root);
        xmlFreeDoc(doc);
        doc = NULL;
        goto cleanup;
    }
    if (validate(doc, path, schema, err)) {
        xmlFreeDoc(doc);
        doc = NULL;
    }
cleanup:
    fl_buf_free(&b);
    return doc;
}

xmlDoc *fl_tab_open_table(const char *path, const char *root, fl_error *err)
{
    return fl_tab_open_schema(path, root, "data.rng", err);
}

bool fl_tab_is_elem(const xmlNode *n, const char *name)
{
    return fl_xml_is(n, FL_NS_OTHER, name);
}

const char *fl_tab_attr(const xmlNode *n, const char *name)
{
    return fl_xml_attr(n, FL_NS_OTHER, name);
}

const char *fl_tab_attr_dup(fl_arena *a, const xmlNode *n, const char *name)
{
    const char *v = fl_tab_attr(n, name);
    return v ? fl_arena_strdup(a, v) : NULL;
}

/* Dates were checked by the schema's pattern; fl_date_iso_parse also rejects
 * a 30 February the pattern lets through. */
int fl_tab_date_attr(fl_date *out, const xmlNode *n, const char *name, const char *path, fl_error *err)
{
    const char *v = fl_tab_attr(n, name);
    out->y = out->m = out->d = 0;
    if (!v) return 0;
    if (fl_date_iso_parse(out, v) || out->d == 0)
        return fl_error_at(err, FL_E_RULESET, path, fl_tab_node_line(n), "%s=\"%s\" is not a date", name, v);
    return 0;
}

size_t fl_tab_count_elems(const xmlNode *parent, const char *name)
{
    size_t n = 0;
    for (const xmlNode *c = parent->children; c; c = c->next)
        if (fl_tab_is_elem(c, name)) n++;
    return n;
}
