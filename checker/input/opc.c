/* OPC: content types and relationships of a DOCX package. */
#include "input/opc.h"
#include "core/arena.h"
#include "core/xmlsafe.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

typedef struct ct_entry { const char *key, *type; int is_default; } ct_entry;
typedef struct part_rels { const char *part; fl_rels rels; } part_rels;

struct fl_opc {
    fl_arena arena;
    const fl_pkg *src;
    ct_entry *ct; size_t nct, cap_ct;
    fl_rels pkg;
    part_rels *parts; size_t nparts, cap_parts;
    const char *main;
};

static int hexval(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

char *fl_opc_resolve(const char *source_part, const char *target, char *out, size_t cap)
{
    char path[1024];
    size_t n = 0;
    if (target[0] != '/') { /* relative: start from the source part's folder */
        const char *slash = source_part ? strrchr(source_part, '/') : NULL;
        if (slash) {
            size_t k = (size_t)(slash - source_part) + 1;
            if (k >= sizeof path) k = sizeof path - 1;
            memcpy(path, source_part, k);
            n = k;
        }
    }
    for (const char *t = target; *t && n + 1 < sizeof path; t++) {
        if (*t == '%' && hexval(t[1]) >= 0 && hexval(t[2]) >= 0) {
            path[n++] = (char)(hexval(t[1]) * 16 + hexval(t[2]));
            t += 2;
        } else if (*t == '\\') {
            path[n++] = '/';
        } else {
            path[n++] = *t;
        }
    }
    path[n] = '\0';
    /* Normalise segments; '..' never climbs above the package root. */
    char *segs[256];
    size_t ns = 0;
    for (char *save = NULL, *s = strtok_r(path, "/", &save); s; s = strtok_r(NULL, "/", &save)) {
        if (!strcmp(s, ".")) continue;
        if (!strcmp(s, "..")) { if (ns) ns--; continue; }
        if (ns < 256) segs[ns++] = s;
    }
    size_t o = 0;
    out[0] = '\0';
    for (size_t i = 0; i < ns; i++) {
        int w = snprintf(out + o, cap - o, "%s%s", i ? "/" : "", segs[i]);
        if (w < 0 || (size_t)w >= cap - o) break;
        o += (size_t)w;
    }
    return out;
}

static const char *type_tail(const char *type)
{
    const char *s = strrchr(type, '/');
    return s ? s + 1 : type;
}

/* Strict writes camelCase tails ("extendedProperties"); transitional uses
 * dashes ("extended-properties"). Compare them as one. */
static int type_is(const char *tail, const char *want)
{
    for (;; tail++, want++) {
        while (*tail == '-') tail++;
        while (*want == '-') want++;
        char a = *tail, b = *want;
        if (a >= 'A' && a <= 'Z') a = (char)(a - 'A' + 'a');
        if (b >= 'A' && b <= 'Z') b = (char)(b - 'A' + 'a');
        if (a != b) return 0;
        if (!a) return 1;
    }
}

static int parse_rels(fl_opc *o, const char *source_part, const char *xml, size_t len,
                      const char *name, fl_rels *out, fl_error *err)
{
    xmlDoc *d = fl_xml_read(xml, len, name, err);
    if (!d) return -1;
    xmlNode *root = xmlDocGetRootElement(d);
    size_t cap = 0;
    for (xmlNode *c = root ? root->children : NULL; c; c = c->next) {
        if (!fl_xml_is(c, FL_NS_PKG_REL, "Relationship")) continue;
        const char *id = fl_xml_attr(c, FL_NS_OTHER, "Id");
        const char *type = fl_xml_attr(c, FL_NS_OTHER, "Type");
        const char *target = fl_xml_attr(c, FL_NS_OTHER, "Target");
        const char *mode = fl_xml_attr(c, FL_NS_OTHER, "TargetMode");
        if (!id || !type || !target) continue;
        FL_VEC_RESERVE(out->items, cap, out->n + 1);
        fl_rel *r = &out->items[out->n++];
        r->id = fl_arena_strdup(&o->arena, id);
        r->type = fl_arena_strdup(&o->arena, type_tail(type));
        r->external = mode && !strcasecmp(mode, "External");
        if (r->external) {
            r->target = fl_arena_strdup(&o->arena, target);
        } else {
            char buf[1024];
            r->target = fl_arena_strdup(&o->arena, fl_opc_resolve(source_part, target, buf, sizeof buf));
        }
    }
    xmlFreeDoc(d);
    return 0;
}

static void parse_content_types(fl_opc *o, const char *xml, size_t len)
{
    fl_error ignored;
    xmlDoc *d = fl_xml_read(xml, len, "[Content_Types].xml", &ignored);
    if (!d) return; /* content types are advisory for reading; rels decide */
    xmlNode *root = xmlDocGetRootElement(d);
    for (xmlNode *c = root ? root->children : NULL; c; c = c->next) {
        int is_default = fl_xml_is(c, FL_NS_CT, "Default");
        if (!is_default && !fl_xml_is(c, FL_NS_CT, "Override")) continue;
        const char *key = fl_xml_attr(c, FL_NS_OTHER, is_default ? "Extension" : "PartName");
        const char *type = fl_xml_attr(c, FL_NS_OTHER, "ContentType");
        if (!key || !type) continue;
        while (!is_default && *key == '/') key++;
        FL_VEC_RESERVE(o->ct, o->cap_ct, o->nct + 1);
        o->ct[o->nct++] = (ct_entry){fl_arena_strdup(&o->arena, key), fl_arena_strdup(&o->arena, type), is_default};
    }
    xmlFreeDoc(d);
}

const char *fl_opc_content_type(const fl_opc *o, const char *part)
{
    while (*part == '/') part++;
    for (size_t i = 0; i < o->nct; i++)
        if (!o->ct[i].is_default && !strcasecmp(o->ct[i].key, part)) return o->ct[i].type;
    const char *dot = strrchr(part, '.');
    for (size_t i = 0; dot && i < o->nct; i++)
        if (o->ct[i].is_default && !strcasecmp(o->ct[i].key, dot + 1)) return o->ct[i].type;
    return NULL;
}

static int is_wordml_type(const char *ct)
{
    return ct && (strstr(ct, "wordprocessingml.document.main+xml") ||
                  strstr(ct, "ms-word.document.macroEnabled.main+xml") ||
                  strstr(ct, "wordprocessingml.template.main+xml") ||
                  strstr(ct, "ms-word.template.macroEnabledTemplate.main+xml"));
}

static int read_small(const fl_pkg *z, const char *name, char **xml, size_t *len, fl_error *err)
{
    if (!fl_pkg_has(z, name)) { *xml = NULL; *len = 0; return 0; }
    return fl_pkg_read(z, name, xml, len, err);
}

int fl_opc_open(fl_opc **out, const fl_pkg *z, fl_error *err)
{
    int rc = -1;
    char *xml = NULL;
    size_t len = 0;
    fl_opc *o = fl_xcalloc(1, sizeof *o);
    fl_arena_init(&o->arena);
    o->src = z;
    *out = NULL;
    if (fl_pkg_has(z, "mimetype") && !fl_pkg_has(z, "_rels/.rels")) {
        fl_error_set(err, FL_E_ODT);
        goto cleanup;
    }
    if (read_small(z, "[Content_Types].xml", &xml, &len, err)) goto cleanup;
    if (xml) parse_content_types(o, xml, len);
    free(xml);
    xml = NULL;
    if (read_small(z, "_rels/.rels", &xml, &len, err)) goto cleanup;
    if (!xml) { fl_error_set(err, FL_E_NO_MAIN, "the package has no _rels/.rels"); goto cleanup; }
    if (parse_rels(o, "", xml, len, "_rels/.rels", &o->pkg, err)) goto cleanup;
    size_t cur = 0;
    const fl_rel *r = fl_rels_by_type(&o->pkg, "officeDocument", &cur);
    if (!r || r->external) {
        fl_error_set(err, FL_E_NO_MAIN, "_rels/.rels names no officeDocument part");
        goto cleanup;
    }
    if (!fl_pkg_has(z, r->target)) {
        fl_error_setf(err, FL_E_NO_MAIN, "%s is named in _rels/.rels but missing", r->target);
        goto cleanup;
    }
    const char *ct = fl_opc_content_type(o, r->target);
    if (o->nct && !is_wordml_type(ct)) {
        fl_error_setf(err, FL_E_NO_MAIN, "%s is %s, not a Word document", r->target, ct ? ct : "of no content type");
        goto cleanup;
    }
    o->main = r->target;
    *out = o;
    rc = 0;
cleanup:
    free(xml);
    if (rc) fl_opc_free(o);
    return rc;
}

void fl_opc_free(fl_opc *o)
{
    if (!o) return;
    free(o->ct);
    free(o->pkg.items);
    for (size_t i = 0; i < o->nparts; i++) free(o->parts[i].rels.items);
    free(o->parts);
    fl_arena_free(&o->arena);
    free(o);
}

const char *fl_opc_main(const fl_opc *o) { return o->main; }
const fl_rels *fl_opc_package_rels(const fl_opc *o) { return &o->pkg; }

const fl_rels *fl_opc_part_rels(fl_opc *o, const char *part, fl_error *err)
{
    for (size_t i = 0; i < o->nparts; i++)
        if (!strcasecmp(o->parts[i].part, part)) return &o->parts[i].rels;
    FL_VEC_RESERVE(o->parts, o->cap_parts, o->nparts + 1);
    part_rels *pr = &o->parts[o->nparts++];
    pr->part = fl_arena_strdup(&o->arena, part);
    pr->rels.items = NULL;
    pr->rels.n = 0;
    char name[1100];
    const char *slash = strrchr(part, '/');
    if (slash)
        snprintf(name, sizeof name, "%.*s/_rels/%s.rels", (int)(slash - part), part, slash + 1);
    else
        snprintf(name, sizeof name, "_rels/%s.rels", part);
    char *xml = NULL;
    size_t len = 0;
    fl_error local;
    if (read_small(o->src, name, &xml, &len, err ? err : &local) == 0 && xml)
        parse_rels(o, part, xml, len, name, &pr->rels, err ? err : &local);
    free(xml);
    return &pr->rels;
}

const fl_rel *fl_rels_by_type(const fl_rels *r, const char *type, size_t *cursor)
{
    for (size_t i = cursor ? *cursor : 0; i < r->n; i++)
        if (type_is(r->items[i].type, type)) {
            if (cursor) *cursor = i + 1;
            return &r->items[i];
        }
    if (cursor) *cursor = r->n;
    return NULL;
}

const fl_rel *fl_rels_by_id(const fl_rels *r, const char *id)
{
    for (size_t i = 0; i < r->n; i++)
        if (!strcmp(r->items[i].id, id)) return &r->items[i];
    return NULL;
}
