/* Flat OPC ("Word XML Document", pkg:package): one SAX pass re-serialises
 * each pkg:xmlData part into its own buffer, then the parts are read exactly
 * like a DOCX through the package interface. Binary parts (base64 images)
 * are skipped as they stream by, so a large picture costs nothing and never
 * meets libxml2's text-node limit (a DOM or text reader refuses a text node
 * over 10 MB unless XML_PARSE_HUGE is set, which we never do). */
#include "core/limits.h"
#include "doc/doc.h"
#include "input/formats.h"
#include "core/arena.h"
#include "core/buf.h"
#include "core/ns.h"
#include "input/pkg.h"
#include "core/xmlsafe.h"
#include <libxml/parser.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

typedef struct part { char *name, *type; fl_buf xml; } part;
typedef struct nsd { const xmlChar *prefix, *uri; int depth; } nsd;

typedef struct flat {
    part *parts; size_t nparts, cap_parts;
    nsd *ns; size_t nns, cap_ns;
    int depth, data_depth; /* depth of the open pkg:xmlData, 0 when outside */
    part *cur;
    bool first; /* next element is a part's root: declare every namespace in scope */
    fl_error *err;
    int failed;
    xmlParserCtxtPtr ctxt;
} flat;

static void esc(fl_buf *b, const char *s, size_t n, bool attr)
{
    size_t start = 0;
    for (size_t i = 0; i < n; i++) {
        const char *rep = NULL;
        switch (s[i]) {
        case '&': rep = "&amp;"; break;
        case '<': rep = "&lt;"; break;
        case '>': rep = "&gt;"; break;
        case '"': rep = attr ? "&quot;" : NULL; break;
        default: break;
        }
        if (!rep) continue;
        fl_buf_add(b, s + start, i - start);
        fl_buf_adds(b, rep);
        start = i + 1;
    }
    fl_buf_add(b, s + start, n - start);
}

static void qname(fl_buf *b, const xmlChar *prefix, const xmlChar *local)
{
    if (prefix) { fl_buf_adds(b, (const char *)prefix); fl_buf_addc(b, ':'); }
    fl_buf_adds(b, (const char *)local);
}

static void decl(fl_buf *b, const xmlChar *prefix, const xmlChar *uri)
{
    fl_buf_adds(b, prefix ? " xmlns:" : " xmlns");
    if (prefix) fl_buf_adds(b, (const char *)prefix);
    fl_buf_adds(b, "=\"");
    esc(b, (const char *)uri, strlen((const char *)uri), true);
    fl_buf_addc(b, '"');
}

static void fail(flat *f, fl_diag code, const char *detail)
{
    if (f->failed) return;
    f->failed = 1;
    if (code == FL_E_XML_DTD || code == FL_E_XML_DEPTH) {
        if (code == FL_E_XML_DEPTH) fl_error_set(f->err, code, FL_MAX_XML_DEPTH, "Flat OPC file");
        else fl_error_set(f->err, code, "Flat OPC file");
    } else {
        fl_error_set(f->err, code, "Flat OPC file", detail);
    }
    xmlStopParser(f->ctxt);
}

static void start_part(flat *f, int na, const xmlChar **attrs)
{
    const char *name = NULL, *type = NULL;
    char nb[1024], tb[256];
    for (int i = 0; i < na; i++) {
        const xmlChar **a = attrs + 5 * i;
        size_t len = (size_t)(a[4] - a[3]);
        if (!strcmp((const char *)a[0], "name") && len < sizeof nb) {
            memcpy(nb, a[3], len); nb[len] = '\0'; name = nb;
        } else if (!strcmp((const char *)a[0], "contentType") && len < sizeof tb) {
            memcpy(tb, a[3], len); tb[len] = '\0'; type = tb;
        }
    }
    if (!name) return;
    while (*name == '/') name++;
    FL_VEC_RESERVE(f->parts, f->cap_parts, f->nparts + 1);
    part *p = &f->parts[f->nparts++];
    memset(p, 0, sizeof *p);
    p->name = fl_xstrdup(name);
    p->type = fl_xstrdup(type ? type : "");
    f->cur = p;
}

static void on_start(void *ctx, const xmlChar *local, const xmlChar *prefix, const xmlChar *uri, int nns,
                     const xmlChar **nsp, int na, int nd, const xmlChar **attrs)
{
    flat *f = ctx;
    (void)nd;
    if (f->failed) return;
    if (++f->depth >= FL_MAX_XML_DEPTH) { fail(f, FL_E_XML_DEPTH, NULL); return; }
    for (int i = 0; i < nns; i++) {
        FL_VEC_RESERVE(f->ns, f->cap_ns, f->nns + 1);
        f->ns[f->nns++] = (nsd){nsp[2 * i], nsp[2 * i + 1], f->depth};
    }
    fl_ns id = fl_ns_id((const char *)uri);
    if (f->data_depth) {
        fl_buf *b = &f->cur->xml;
        fl_buf_addc(b, '<');
        qname(b, prefix, local);
        if (f->first) { /* the part must stand alone: declare what is in scope */
            for (size_t i = 0; i < f->nns; i++) {
                bool shadowed = false;
                for (size_t k = i + 1; k < f->nns; k++)
                    if ((f->ns[k].prefix == NULL) == (f->ns[i].prefix == NULL) &&
                        (!f->ns[k].prefix || !strcmp((const char *)f->ns[k].prefix, (const char *)f->ns[i].prefix)))
                        shadowed = true;
                if (!shadowed) decl(b, f->ns[i].prefix, f->ns[i].uri);
            }
            f->first = false;
        } else {
            for (int i = 0; i < nns; i++) decl(b, nsp[2 * i], nsp[2 * i + 1]);
        }
        for (int i = 0; i < na; i++) {
            const xmlChar **a = attrs + 5 * i;
            fl_buf_addc(b, ' ');
            qname(b, a[1], a[0]);
            fl_buf_adds(b, "=\"");
            esc(b, (const char *)a[3], (size_t)(a[4] - a[3]), true);
            fl_buf_addc(b, '"');
        }
        fl_buf_addc(b, '>');
    } else if (id == FL_NS_PKG && !strcmp((const char *)local, "part")) {
        start_part(f, na, attrs);
    } else if (id == FL_NS_PKG && !strcmp((const char *)local, "xmlData") && f->cur) {
        f->data_depth = f->depth;
        f->first = true;
        fl_buf_clear(&f->cur->xml);
    }
}

static void on_end(void *ctx, const xmlChar *local, const xmlChar *prefix, const xmlChar *uri)
{
    flat *f = ctx;
    (void)uri;
    if (f->failed) return;
    if (f->data_depth && f->depth > f->data_depth) {
        fl_buf_adds(&f->cur->xml, "</");
        qname(&f->cur->xml, prefix, local);
        fl_buf_addc(&f->cur->xml, '>');
    } else if (f->data_depth == f->depth) {
        f->data_depth = 0;
    }
    while (f->nns && f->ns[f->nns - 1].depth >= f->depth) f->nns--;
    f->depth--;
}

static void on_chars(void *ctx, const xmlChar *ch, int len)
{
    flat *f = ctx;
    if (!f->failed && f->data_depth && f->depth > f->data_depth) esc(&f->cur->xml, (const char *)ch, (size_t)len, false);
}

static void on_dtd(void *ctx, const xmlChar *n, const xmlChar *e, const xmlChar *s)
{
    (void)n; (void)e; (void)s;
    fail(ctx, FL_E_XML_DTD, NULL);
}

static void on_error(void *ctx, xmlErrorPtr e)
{
    flat *f = ctx;
    if (!e || e->level < XML_ERR_FATAL) return;
    char msg[300];
    fl_xml_error_text(e, msg, sizeof msg);
    fail(f, e->code == XML_ERR_ENTITY_LOOP ? FL_E_XML_DTD : FL_E_XML, msg);
}

static part *find(flat *f, const char *name)
{
    while (*name == '/') name++;
    for (size_t i = 0; i < f->nparts; i++)
        if (!strcasecmp(f->parts[i].name, name)) return &f->parts[i];
    return NULL;
}

static int pkg_has(void *impl, const char *name) { return find(impl, name) != NULL; }

static int pkg_stream(void *impl, const char *name, fl_part_sink sink, void *ctx, fl_error *err)
{
    part *p = find(impl, name);
    if (!p) return fl_error_set(err, FL_E_NO_MAIN, name);
    if (p->xml.len) sink(ctx, p->xml.data, p->xml.len);
    return 0;
}

/* Flat OPC has no [Content_Types].xml: each part carries its type. */
static void add_content_types(flat *f)
{
    fl_buf ct = FL_BUF_INIT;
    fl_buf_adds(&ct, "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">");
    for (size_t i = 0; i < f->nparts; i++) {
        fl_buf_adds(&ct, "<Override PartName=\"/");
        esc(&ct, f->parts[i].name, strlen(f->parts[i].name), true);
        fl_buf_adds(&ct, "\" ContentType=\"");
        esc(&ct, f->parts[i].type, strlen(f->parts[i].type), true);
        fl_buf_adds(&ct, "\"/>");
    }
    fl_buf_adds(&ct, "</Types>");
    FL_VEC_RESERVE(f->parts, f->cap_parts, f->nparts + 1);
    part *p = &f->parts[f->nparts++];
    p->name = fl_xstrdup("[Content_Types].xml");
    p->type = fl_xstrdup("");
    p->xml = ct;
}

static int split_parts(flat *f, const char *data, size_t len)
{
    xmlSAXHandler sax;
    fl_xml_sax_init(&sax, on_start, on_end, on_chars, on_dtd, on_error);
    if (fl_xml_check_encoding(data, len, "Flat OPC file", f->err)) return -1;
    f->ctxt = xmlCreatePushParserCtxt(&sax, f, NULL, 0, "flat.xml");
    if (!f->ctxt) return fl_error_set(f->err, FL_E_INTERNAL, "libxml2 push parser");
    xmlCtxtUseOptions(f->ctxt, fl_xml_parse_options());
    int rc = 0;
    for (size_t off = 0; off < len && !f->failed;) {
        size_t n = len - off > (1u << 20) ? (1u << 20) : len - off;
        if (xmlParseChunk(f->ctxt, data + off, (int)n, 0)) rc = -1;
        off += n;
    }
    if (!f->failed && xmlParseChunk(f->ctxt, NULL, 0, 1)) rc = -1;
    if ((rc || !f->ctxt->wellFormed) && !f->failed) fail(f, FL_E_XML, "not well-formed");
    xmlFreeParserCtxt(f->ctxt);
    f->ctxt = NULL;
    return f->failed ? -1 : 0;
}

int fl_flatopc_read(fl_doc *doc, const char *data, size_t len, fl_error *err)
{
    flat f;
    memset(&f, 0, sizeof f);
    f.err = err;
    int rc = split_parts(&f, data, len);
    if (!rc) {
        add_content_types(&f);
        fl_pkg pkg = {&f, pkg_has, pkg_stream};
        rc = fl_ooxml_read(doc, &pkg, err);
    }
    for (size_t i = 0; i < f.nparts; i++) {
        free(f.parts[i].name);
        free(f.parts[i].type);
        fl_buf_free(&f.parts[i].xml);
    }
    free(f.parts);
    free(f.ns);
    return rc;
}
