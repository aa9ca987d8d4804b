/* Reading `.filinglint.xml` (format in configfile.h). The file is small and
 * read with the same safe libxml2 settings as every other XML; anything it
 * does not know is an error naming the line, so a typo never silently turns
 * a setting off. */
#define _XOPEN_SOURCE 700 /* realpath */
#include "cmd/configfile.h"
#include "core/buf.h"
#include "core/arena.h"
#include "core/date.h"
#include "core/i18n.h"
#include "core/xmlsafe.h"
#include "rules/ruleset.h"
#include <errno.h>
#include <fnmatch.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

const char *fl_config_find(char *buf, size_t cap)
{
    char dir[PATH_MAX];
    if (!getcwd(dir, sizeof dir)) return NULL;
    for (;;) {
        struct stat st;
        snprintf(buf, cap, "%s%s%s", dir, strcmp(dir, "/") ? "/" : "", FL_CONFIG_NAME);
        if (stat(buf, &st) == 0 && S_ISREG(st.st_mode)) return buf;
        char *slash = strrchr(dir, '/');
        if (!slash || !strcmp(dir, "/")) return NULL;
        if (slash == dir) slash[1] = '\0';
        else *slash = '\0';
    }
}

void fl_config_free(fl_config *c)
{
    if (!c) return;
    free(c->path);
    free(c->dir);
    fl_strlist_free(&c->rulesets);
    fl_strlist_free(&c->select);
    fl_strlist_free(&c->ignore);
    free(c->fail_on);
    free(c->format);
    free(c->doc_type);
    free(c->as_of);
    free(c->baseline);
    free(c->corpus);
    free(c->lang);
    for (size_t i = 0; i < c->noverrides; i++) {
        free(c->overrides[i].pattern);
        fl_strlist_free(&c->overrides[i].select);
        fl_strlist_free(&c->overrides[i].ignore);
        free(c->overrides[i].doc_type);
    }
    free(c->overrides);
    memset(c, 0, sizeof *c);
    c->default_rulesets = -1;
}

typedef struct reader { fl_config *c; const char *path; fl_error *err; } reader;

/* fmt: a row of core/i18n.def with one %s. */
static int bad(reader *r, const xmlNode *n, fl_msg fmt, const char *arg)
{
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
    return fl_error_at(r->err, FL_E_CONFIG, r->path, n ? (int)xmlGetLineNo(n) : 0, fl_tr(fmt), arg);
#pragma GCC diagnostic pop
}

/* The element's text, trimmed; never NULL (caller frees). */
static char *value(const xmlNode *n)
{
    char *t = fl_xml_text(n);
    const char *s = t ? t : "";
    while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r') s++;
    size_t len = strlen(s);
    while (len && (s[len - 1] == ' ' || s[len - 1] == '\t' || s[len - 1] == '\n' || s[len - 1] == '\r')) len--;
    char *out = fl_xmalloc(len + 1);
    memcpy(out, s, len);
    out[len] = '\0';
    if (t) xmlFree(t);
    return out;
}

/* A path in the file is relative to the file's folder. */
static char *resolve(const fl_config *c, const char *p)
{
    if (p[0] == '/') return fl_xstrdup(p);
    size_t len = strlen(c->dir) + strlen(p) + 2;
    char *out = fl_xmalloc(len);
    snprintf(out, len, "%s/%s", c->dir, p);
    return out;
}

static int set_once(reader *r, const xmlNode *n, char **slot, char *v)
{
    if (*slot) {
        free(v);
        return bad(r, n, FL_M_CONF_TWICE, (const char *)n->name);
    }
    *slot = v;
    return 0;
}

static bool fail_on_ok(const char *v)
{
    fl_severity s;
    return !strcmp(v, "never") || fl_severity_parse(v, &s) == 0;
}

static int read_override(reader *r, const xmlNode *n)
{
    fl_config *c = r->c;
    char *pat = (char *)xmlGetProp(n, (const xmlChar *)"path");
    if (!pat || !*pat) {
        if (pat) xmlFree(pat);
        return bad(r, n, FL_M_CONF_OV_PATH, "");
    }
    FL_VEC_RESERVE(c->overrides, c->cap_overrides, c->noverrides + 1);
    fl_config_override *o = &c->overrides[c->noverrides++];
    memset(o, 0, sizeof *o);
    o->pattern = fl_xstrdup(pat);
    o->line = (int)xmlGetLineNo(n);
    xmlFree(pat);
    for (const xmlNode *k = n->children; k; k = k->next) {
        if (k->type != XML_ELEMENT_NODE) continue;
        const char *name = (const char *)k->name;
        char *v = value(k);
        int rc = 0;
        if (!strcmp(name, "select")) fl_strlist_push_split(&o->select, v);
        else if (!strcmp(name, "ignore")) fl_strlist_push_split(&o->ignore, v);
        else if (!strcmp(name, "doc-type")) {
            if (!fl_doc_type_known(v)) rc = bad(r, k, FL_M_CONF_DOC_TYPE, v);
            else { rc = set_once(r, k, &o->doc_type, v); v = NULL; }
        } else rc = bad(r, k, FL_M_CONF_OV_SETTING, name);
        free(v);
        if (rc) return rc;
    }
    return 0;
}

/* One top-level setting. v is handed over. */
static int read_setting(reader *r, const xmlNode *n, char *v)
{
    fl_config *c = r->c;
    const char *name = (const char *)n->name;
    if (!strcmp(name, "ruleset")) {
        if (!*v) { free(v); return bad(r, n, FL_M_CONF_EMPTY_RULESET, ""); }
        char *p = resolve(c, v);
        fl_strlist_push(&c->rulesets, p);
        free(p);
    } else if (!strcmp(name, "select")) {
        fl_strlist_push_split(&c->select, v);
    } else if (!strcmp(name, "ignore")) {
        fl_strlist_push_split(&c->ignore, v);
    } else if (!strcmp(name, "default-rulesets")) {
        if (strcmp(v, "true") && strcmp(v, "false")) {
            int rc = bad(r, n, FL_M_CONF_BOOL, v);
            free(v);
            return rc;
        }
        c->default_rulesets = !strcmp(v, "true");
    } else if (!strcmp(name, "fail-on")) {
        if (!fail_on_ok(v)) {
            int rc = bad(r, n, FL_M_CONF_FAIL_ON, v);
            free(v);
            return rc;
        }
        return set_once(r, n, &c->fail_on, v);
    } else if (!strcmp(name, "format")) {
        return set_once(r, n, &c->format, v);
    } else if (!strcmp(name, "doc-type")) {
        if (!fl_doc_type_known(v)) {
            int rc = bad(r, n, FL_M_CONF_DOC_TYPE, v);
            free(v);
            return rc;
        }
        return set_once(r, n, &c->doc_type, v);
    } else if (!strcmp(name, "as-of")) {
        fl_date d;
        if (fl_date_iso_parse(&d, v)) {
            int rc = bad(r, n, FL_M_CONF_AS_OF, v);
            free(v);
            return rc;
        }
        return set_once(r, n, &c->as_of, v);
    } else if (!strcmp(name, "baseline") || !strcmp(name, "corpus")) {
        char *p = *v ? resolve(c, v) : NULL;
        free(v);
        if (!p) return bad(r, n, FL_M_CONF_EMPTY, name);
        return set_once(r, n, !strcmp(name, "corpus") ? &c->corpus : &c->baseline, p);
    } else if (!strcmp(name, "jobs")) {
        char *end;
        long j = strtol(v, &end, 10);
        if (!*v || *end || j < 1 || j > 1024) {
            int rc = bad(r, n, FL_M_CONF_JOBS, v);
            free(v);
            return rc;
        }
        c->jobs = (int)j;
    } else if (!strcmp(name, "lang")) {
        fl_lang lang;
        if (fl_lang_parse(v, &lang)) {
            int rc = bad(r, n, FL_M_CONF_LANG, v);
            free(v);
            return rc;
        }
        return set_once(r, n, &c->lang, v);
    } else {
        free(v);
        return bad(r, n, FL_M_CONF_UNKNOWN, name);
    }
    free(v);
    return 0;
}

static int read_root(reader *r, const xmlNode *root)
{
    if (!root || strcmp((const char *)root->name, "filinglint") != 0)
        return bad(r, root, FL_M_CONF_ROOT, "");
    for (const xmlNode *n = root->children; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE) continue;
        int rc = !strcmp((const char *)n->name, "override") ? read_override(r, n) : read_setting(r, n, value(n));
        if (rc) return rc;
    }
    return 0;
}

#define MAX_CONFIG_BYTES (4u * 1024 * 1024)

static char *slurp(const char *path, size_t *len, fl_error *err)
{
    fl_buf b = FL_BUF_INIT;
    if (fl_buf_read_file(&b, path, MAX_CONFIG_BYTES)) {
        fl_error_set(err, FL_E_IO, errno == EFBIG ? "larger than 4 MiB" : fl_buf_read_strerror(errno));
        snprintf(err->file, sizeof err->file, "%s", path);
        fl_buf_free(&b);
        return NULL;
    }
    *len = b.len;
    return fl_buf_detach(&b); /* "" when the file is empty */
}

int fl_config_load(fl_config *c, const char *path, fl_error *err)
{
    memset(c, 0, sizeof *c);
    c->default_rulesets = -1;
    char abs[PATH_MAX];
    if (!realpath(path, abs)) snprintf(abs, sizeof abs, "%s", path);
    c->path = fl_xstrdup(abs);
    c->dir = fl_xstrdup(abs);
    char *slash = strrchr(c->dir, '/');
    if (slash) *(slash == c->dir ? slash + 1 : slash) = '\0';
    size_t len = 0;
    char *data = slurp(path, &len, err);
    if (!data) return -1;
    int rc = -1;
    xmlDoc *doc = fl_xml_read(data, len, path, err);
    if (doc) {
        reader r = {c, path, err};
        rc = read_root(&r, xmlDocGetRootElement(doc));
        xmlFreeDoc(doc);
    } else {
        snprintf(err->file, sizeof err->file, "%s", path);
    }
    free(data);
    return rc;
}

/* The file's folder with symbolic links resolved (as the config's own
 * folder is), then its name. */
static bool absolute(const char *path, char *out, size_t cap)
{
    char dir[PATH_MAX], real[PATH_MAX];
    const char *slash = strrchr(path, '/'), *base = slash ? slash + 1 : path;
    if (!slash) snprintf(dir, sizeof dir, ".");
    else if (slash == path) snprintf(dir, sizeof dir, "/");
    else snprintf(dir, sizeof dir, "%.*s", (int)(slash - path), path);
    if (!realpath(dir, real)) return false;
    snprintf(out, cap, "%s%s%s", real, strcmp(real, "/") ? "/" : "", base);
    return true;
}

bool fl_config_override_matches(const fl_config *c, const fl_config_override *o, const char *path)
{
    char abs[PATH_MAX];
    if (!absolute(path, abs, sizeof abs)) return false;
    size_t n = strlen(c->dir);
    const char *rel = abs;
    if (strcmp(c->dir, "/")) {
        if (strncmp(abs, c->dir, n) || abs[n] != '/') return false; /* outside the config's folder */
        rel = abs + n + 1;
    } else {
        rel = abs + 1;
    }
    if (!strchr(o->pattern, '/')) {
        const char *base = strrchr(rel, '/');
        return fnmatch(o->pattern, base ? base + 1 : rel, 0) == 0;
    }
    size_t plen = strlen(o->pattern);
    if (o->pattern[plen - 1] == '/') /* a folder: everything below it */
        return !strncmp(rel, o->pattern, plen);
    return fnmatch(o->pattern, rel, 0) == 0;
}
