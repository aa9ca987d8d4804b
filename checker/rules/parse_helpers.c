/* The loader's helpers: error messages with the ruleset's file and line,
 * attribute and text access, named patterns, and compiling every pattern of a
 * ruleset (normalised, expanded, interned, JIT-compiled) — the API kinds use
 * through kind.h to parse their elements. */
#include "rules/parse_helpers.h"
#include "rules/kind.h"
#include "core/buf.h"
#include "core/date.h"
#include "core/norm.h"
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- errors ------------------------------------------------------------- */

int fl_loader_line(const xmlNode *n) { return n ? (int)xmlGetLineNo((xmlNode *)n) : 0; }

int fl_loader_error(fl_error *err, fl_loader *ld, const xmlNode *n, const char *fmt, ...)
{
    char msg[900];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (ld->rule && ld->rule->id) return fl_error_at(err, FL_E_RULESET, ld->file, fl_loader_line(n), "rule %s: %s", ld->rule->id, msg);
    return fl_error_at(err, FL_E_RULESET, ld->file, fl_loader_line(n), "%s", msg);
}

/* libxml2 messages end with a newline and sometimes carry trailing blanks. */
void fl_loader_trim_msg(char *dst, size_t cap, const char *src)
{
    snprintf(dst, cap, "%s", src ? src : "unknown error");
    size_t n = strlen(dst);
    while (n && isspace((unsigned char)dst[n - 1])) dst[--n] = '\0';
}

/* ---- small XML helpers --------------------------------------------------- */

const xmlNode *fl_xml_first(const xmlNode *n)
{
    for (const xmlNode *c = n ? n->children : NULL; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE) return c;
    return NULL;
}

const xmlNode *fl_xml_next(const xmlNode *n)
{
    for (const xmlNode *c = n ? n->next : NULL; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE) return c;
    return NULL;
}

bool fl_xml_named(const xmlNode *n, const char *name)
{
    return n && n->type == XML_ELEMENT_NODE && !strcmp((const char *)n->name, name);
}

void *fl_loader_alloc(fl_loader *ld, size_t n) { return fl_arena_alloc(&ld->rs->arena, n); }

const char *fl_loader_strdup(fl_loader *ld, const char *s) { return fl_arena_strdup(&ld->rs->arena, s); }

const char *fl_loader_attr(fl_loader *ld, const xmlNode *n, const char *name)
{
    xmlChar *v = xmlGetNoNsProp((xmlNode *)n, (const xmlChar *)name);
    if (!v) return NULL;
    const char *r = fl_arena_strdup(&ld->rs->arena, (const char *)v);
    xmlFree(v);
    return r;
}

static const char *trimmed(fl_loader *ld, const char *s)
{
    size_t a = 0, b = strlen(s);
    while (a < b && isspace((unsigned char)s[a])) a++;
    while (b > a && isspace((unsigned char)s[b - 1])) b--;
    return fl_arena_strndup(&ld->rs->arena, s + a, b - a);
}

const char *fl_loader_text(fl_loader *ld, const xmlNode *n)
{
    xmlChar *v = xmlNodeGetContent(n);
    const char *r = trimmed(ld, v ? (const char *)v : "");
    xmlFree(v);
    return r;
}

size_t fl_loader_list(fl_loader *ld, const char *s, bool labels, const char ***out)
{
    size_t n = 0, cap = 0;
    const char **v = NULL;
    for (const char *p = s ? s : ""; *p;) {
        while (*p && isspace((unsigned char)*p)) p++;
        const char *q = p;
        while (*q && !isspace((unsigned char)*q)) q++;
        if (q > p) {
            if (n == cap) {
                const char **nv = fl_arena_alloc(&ld->rs->arena, (cap ? cap * 2 : 4) * sizeof *nv);
                if (n) memcpy(nv, v, n * sizeof *nv);
                v = nv;
                cap = cap ? cap * 2 : 4;
            }
            v[n++] = labels ? fl_norm_label(&ld->rs->arena, p, (size_t)(q - p))
                            : fl_arena_strndup(&ld->rs->arena, p, (size_t)(q - p));
        }
        p = q;
    }
    *out = v;
    return n;
}

/* Example and description text: drop the blank line after the start tag and
 * the indentation the XML file gives the block, keep the rest as written. */
static const char *dedent(fl_loader *ld, const char *s)
{
    const char *p = s;
    bool on_tag_line = true;
    for (;;) { /* skip leading blank lines */
        const char *e = p;
        while (*e == ' ' || *e == '\t' || *e == '\r') e++;
        if (*e != '\n') break;
        p = e + 1;
        on_tag_line = false;
    }
    size_t len = strlen(p);
    while (len && isspace((unsigned char)p[len - 1])) len--;
    size_t indent = SIZE_MAX;
    for (size_t i = 0; i < len;) { /* common indentation of non-blank lines */
        size_t j = i, k = 0;
        while (j < len && (p[j] == ' ' || p[j] == '\t')) j++, k++;
        bool first = (i == 0);
        if (j < len && p[j] != '\n' && !(first && on_tag_line) && k < indent) indent = k;
        while (j < len && p[j] != '\n') j++;
        i = j + 1;
    }
    if (indent == SIZE_MAX) indent = 0;
    fl_buf b = FL_BUF_INIT;
    for (size_t i = 0; i < len;) {
        size_t j = i, k = 0;
        if (!(i == 0 && on_tag_line))
            while (j < len && k < indent && (p[j] == ' ' || p[j] == '\t')) j++, k++;
        size_t e = j;
        while (e < len && p[e] != '\n') e++;
        size_t t = e;
        while (t > j && (p[t - 1] == ' ' || p[t - 1] == '\t' || p[t - 1] == '\r')) t--;
        fl_buf_add(&b, p + j, t - j);
        if (e < len) fl_buf_addc(&b, '\n');
        i = e + 1;
    }
    const char *r = fl_arena_strndup(&ld->rs->arena, b.data ? b.data : "", b.len);
    fl_buf_free(&b);
    return r;
}

const char *fl_loader_block_text(fl_loader *ld, const xmlNode *n)
{
    xmlChar *v = xmlNodeGetContent(n);
    const char *r = dedent(ld, v ? (const char *)v : "");
    xmlFree(v);
    return r;
}

/* ---- patterns ------------------------------------------------------------ */

static named *find_named(fl_loader *ld, const char *name, size_t len)
{
    for (size_t i = 0; i < ld->nnames; i++)
        if (strlen(ld->names[i].name) == len && !memcmp(ld->names[i].name, name, len)) return &ld->names[i];
    return NULL;
}

static const char *lookup(void *ctx, const char *name, size_t len)
{
    fl_loader *ld = ctx;
    named *nm = find_named(ld, name, len);
    if (!nm) return NULL;
    if (nm->prepared) return nm->prepared;
    if (nm->visiting) {
        snprintf(ld->inner, sizeof ld->inner, "pattern {%s} refers to itself", nm->name);
        ld->inner_failed = true;
        return NULL;
    }
    nm->visiting = true;
    fl_buf un = FL_BUF_INIT, ex = FL_BUF_INIT;
    char msg[512];
    fl_pattern_unfold(&un, nm->src, strlen(nm->src));
    int rc = fl_pattern_prepare(&ex, un.data, un.len, lookup, ld, msg, sizeof msg);
    nm->visiting = false;
    if (rc == 0) nm->prepared = fl_arena_strndup(&ld->rs->arena, ex.data, ex.len);
    else if (!ld->inner_failed) {
        snprintf(ld->inner, sizeof ld->inner, "in pattern {%.60s} (line %d): %.400s", nm->name, nm->line, msg);
        ld->inner_failed = true;
    }
    fl_buf_free(&un);
    fl_buf_free(&ex);
    return nm->prepared;
}

int fl_loader_pattern(fl_loader *ld, const xmlNode *n, const char *src, const fl_pattern **out,
                      fl_error *err)
{
    int rc = -1;
    fl_buf un = FL_BUF_INIT, ex = FL_BUF_INIT;
    char msg[512];
    *out = NULL;
    if (!src) return 0;
    fl_pattern_unfold(&un, src, strlen(src));
    if (un.len == 0) {
        fl_loader_error(err, ld, n, "empty pattern");
        goto cleanup;
    }
    ld->inner_failed = false;
    if (fl_pattern_prepare(&ex, un.data, un.len, lookup, ld, msg, sizeof msg)) {
        fl_loader_error(err, ld, n, "%s", ld->inner_failed ? ld->inner : msg);
        goto cleanup;
    }
    for (fl_pattern *p = ld->rs->patterns; p; p = p->next) /* one code per distinct pattern */
        if (!strcmp(p->expanded, ex.data)) {
            *out = p;
            rc = 0;
            goto cleanup;
        }
    pcre2_code *code;
    if (fl_pattern_compile(&code, ex.data, msg, sizeof msg)) {
        if (strcmp(un.data, ex.data))
            fl_loader_error(err, ld, n, "invalid pattern /%s/: %s; after expansion: /%s/", un.data, msg, ex.data);
        else
            fl_loader_error(err, ld, n, "invalid pattern /%s/: %s", un.data, msg);
        goto cleanup;
    }
    fl_pattern *p = fl_loader_alloc(ld, sizeof *p);
    p->code = code;
    p->source = fl_arena_strndup(&ld->rs->arena, un.data, un.len);
    p->expanded = fl_arena_strndup(&ld->rs->arena, ex.data, ex.len);
    p->line = fl_loader_line(n);
    p->next = ld->rs->patterns;
    ld->rs->patterns = p;
    *out = p;
    rc = 0;
cleanup:
    fl_buf_free(&un);
    fl_buf_free(&ex);
    return rc;
}

int fl_loader_pattern_attr(fl_loader *ld, const xmlNode *n, const char *attr, const fl_pattern **out,
                           fl_error *err)
{
    return fl_loader_pattern(ld, n, fl_loader_attr(ld, n, attr), out, err);
}

int fl_loader_pattern_text(fl_loader *ld, const xmlNode *n, const fl_pattern **out, fl_error *err)
{
    return fl_loader_pattern(ld, n, fl_loader_text(ld, n), out, err);
}

static const char *const part_attr_names[FL_PART_COUNT] = {
    "body", "textbox", "header", "footer", "footnote", "endnote", "comment"};


int fl_loader_scope(fl_loader *ld, const xmlNode *n, fl_scope_spec *out, fl_error *err)
{
    memset(out, 0, sizeof *out);
    out->parts = FL_DEFAULT_PARTS;
    if (fl_loader_pattern_attr(ld, n, "scope", &out->heading, err)) return -1;
    if (fl_loader_pattern_attr(ld, n, "exclude", &out->exclude, err)) return -1;
    const char *parts = fl_loader_attr(ld, n, "parts");
    if (parts) {
        const char **v;
        size_t k = fl_loader_list(ld, parts, false, &v);
        out->parts = 0;
        for (size_t i = 0; i < k; i++) {
            int found = -1;
            for (int p = 0; p < FL_PART_COUNT; p++)
                if (!strcmp(v[i], part_attr_names[p])) found = p;
            if (found < 0)
                return fl_loader_error(err, ld, n, "unknown part '%s' (body textbox header footer footnote endnote comment)", v[i]);
            out->parts |= 1u << found;
        }
    }
    const char *level = fl_loader_attr(ld, n, "level");
    if (level) {
        char *end;
        long v = strtol(level, &end, 10);
        if (*end || v < 1 || v > 9) return fl_loader_error(err, ld, n, "level must be 1..9, not '%s'", level);
        out->level = (int)v;
    }
    return 0;
}

static int in_force_date(fl_loader *ld, const xmlNode *n, const char *attr, fl_date *out, fl_error *err)
{
    const char *v = fl_loader_attr(ld, n, attr);
    memset(out, 0, sizeof *out);
    if (!v) return 0;
    if (strlen(v) != 10 || fl_date_iso_parse(out, v))
        return fl_loader_error(err, ld, n, "%s must be a date YYYY-MM-DD, not '%s'", attr, v);
    return 0;
}

int fl_loader_in_force(fl_loader *ld, const xmlNode *n, fl_in_force *out, fl_error *err)
{
    if (in_force_date(ld, n, "since", &out->since, err) || in_force_date(ld, n, "until", &out->until, err)) return -1;
    if (out->since.y && out->until.y && fl_date_days(&out->until) <= fl_date_days(&out->since))
        return fl_loader_error(err, ld, n, "until (the first day no longer in force) must come after since");
    return 0;
}

void fl_in_force_describe(const fl_in_force *f, FILE *out)
{
    char buf[96];
    if (fl_in_force_dated(f)) fprintf(out, "  （%s）", fl_in_force_text(f, buf, sizeof buf));
}

void fl_scope_describe(const fl_scope_spec *sc, FILE *out)
{
    if (sc->heading) fprintf(out, "范围：标题匹配 /%s/ 的章节（含下级章节）", sc->heading->source);
    else fprintf(out, "范围：全文");
    if (sc->level) fprintf(out, "，仅第 %d 级", sc->level);
    if (sc->exclude) fprintf(out, "，除去标题匹配 /%s/ 的章节", sc->exclude->source);
    if (sc->parts != FL_DEFAULT_PARTS) {
        fprintf(out, "；部分：");
        for (int p = 0; p < FL_PART_COUNT; p++)
            if (sc->parts & (1u << p)) fprintf(out, "%s ", part_attr_names[p]);
    }
    fputc('\n', out);
}

int fl_loader_severity(fl_loader *ld, const xmlNode *n, const char *attr, int *out, fl_error *err)
{
    const char *s = fl_loader_attr(ld, n, attr);
    fl_severity sev;
    *out = -1;
    if (!s) return 0;
    if (fl_severity_parse(s, &sev)) return fl_loader_error(err, ld, n, "severity must be error, warning or info, not '%s'", s);
    *out = (int)sev;
    return 0;
}

const char *fl_loader_data(fl_loader *ld, const char *name) { return fl_ruleset_data(ld->rs, name); }

int fl_loader_add_named(fl_loader *ld, const xmlNode *c, size_t *cap, fl_error *err)
{
    const char *name = fl_loader_attr(ld, c, "name");
    if (!name || !*name) return fl_loader_error(err, ld, c, "<pattern> needs a name");
    for (const char *p = name; *p; p++)
        if (!(isalnum((unsigned char)*p) || *p == '_' || *p == '-') || (p == name && !isalpha((unsigned char)*p) && *p != '_'))
            return fl_loader_error(err, ld, c, "pattern name '%s': use letters, digits, - and _ (starting with a letter)", name);
    if (find_named(ld, name, strlen(name))) return fl_loader_error(err, ld, c, "pattern {%s} is defined twice", name);
    if (ld->nnames == *cap) {
        *cap = *cap ? *cap * 2 : 8;
        ld->names = fl_xrealloc(ld->names, *cap * sizeof *ld->names);
    }
    named *nm = &ld->names[ld->nnames++];
    memset(nm, 0, sizeof *nm);
    nm->name = name;
    nm->src = fl_loader_text(ld, c);
    nm->line = fl_loader_line(c);
    return 0;
}

/* Every named pattern must compile on its own, so that its errors point at
 * its own line rather than at each rule that uses it. */
int fl_loader_check_named(fl_loader *ld, fl_error *err)
{
    for (size_t i = 0; i < ld->nnames; i++) {
        named *nm = &ld->names[i];
        ld->inner_failed = false;
        if (!lookup(ld, nm->name, strlen(nm->name)))
            return fl_error_at(err, FL_E_RULESET, ld->file, nm->line, "%s", ld->inner_failed ? ld->inner : "bad pattern");
        pcre2_code *code;
        char msg[512];
        if (fl_pattern_compile(&code, nm->prepared, msg, sizeof msg))
            return fl_error_at(err, FL_E_RULESET, ld->file, nm->line, "invalid pattern {%s} /%s/: %s", nm->name, nm->src, msg);
        pcre2_code_free(code);
    }
    return 0;
}

/* ---- message templates --------------------------------------------------- */

static bool kind_has_var(const fl_kind *k, const char *name, size_t len)
{
    for (const char *const *v = k->vars; v && *v; v++)
        if (strlen(*v) == len && !memcmp(*v, name, len)) return true;
    return false;
}

int fl_loader_check_placeholders(fl_loader *ld, const xmlNode *n, const fl_rule *r, const char *msg, fl_error *err)
{
    for (const char *p = msg ? strchr(msg, '{') : NULL; p; p = strchr(p + 1, '{')) {
        const char *q = p + 1;
        while ((*q >= 'a' && *q <= 'z') || *q == '_' || (*q >= '0' && *q <= '9')) q++;
        if (*q != '}' || q == p + 1) continue;
        if (!kind_has_var(r->kind, p + 1, (size_t)(q - p - 1))) {
            fl_buf b = FL_BUF_INIT;
            for (const char *const *v = r->kind->vars; v && *v; v++) fl_buf_printf(&b, " {%s}", *v);
            fl_loader_error(err, ld, n, "message uses {%.*s}, which kind <%s> does not fill (it fills:%s)",
                            (int)(q - p - 1), p + 1, r->kind->name, b.len ? b.data : " nothing");
            fl_buf_free(&b);
            return -1;
        }
    }
    return 0;
}

int fl_loader_message(fl_loader *ld, const xmlNode *n, const fl_rule *r, const char *attr, const char **out,
                      fl_error *err)
{
    *out = fl_loader_attr(ld, n, attr);
    return *out ? fl_loader_check_placeholders(ld, n, r, *out, err) : 0;
}

/* ---- data tables ---------------------------------------------------------- */

/* Data tables are loaded when the first rule asks for them, once per
 * ruleset, and are read-only afterwards: every thread linting with the set
 * shares them. */
int fl_loader_table(fl_loader *ld, const xmlNode *n, const char *name, fl_table_load_fn load,
                    fl_table_free_fn free_fn, void **out, fl_error *err)
{
    fl_data_ref *d = NULL;
    *out = NULL;
    for (size_t i = 0; i < ld->rs->ndata && !d; i++)
        if (!strcmp(ld->rs->data[i].name, name)) d = &ld->rs->data[i];
    if (!d)
        return fl_loader_error(err, ld, n, "needs the data table '%s': declare <data name=\"%s\" file=\"%s.xml\"/> in the ruleset",
                               name, name, name);
    if (d->table) {
        if (d->loaded_by != (const void *)load)
            return fl_loader_error(err, ld, n, "data table '%s' is used as two different kinds of table", name);
        *out = d->table;
        return 0;
    }
    if (load(&d->table, d->path, err)) {
        d->table = NULL;
        return -1; /* err names the data file and line */
    }
    d->free_table = free_fn;
    d->loaded_by = (const void *)load;
    *out = d->table;
    return 0;
}
