/* Safe DOM parsing and small tree helpers shared by the part readers. */
#include "core/xmlsafe.h"
#include "core/buf.h"
#include "core/limits.h"
#include "core/utf16.h"
#include <libxml/parser.h>
#include <libxml/xmlerror.h>
#include <string.h>
#include <strings.h>

static xmlParserInputPtr deny_loader(const char *url, const char *id, xmlParserCtxtPtr ctxt)
{
    (void)url; (void)id; (void)ctxt;
    return NULL; /* nothing outside the buffer we were handed is ever read */
}

static void quiet_errors(void *ctx, const char *msg, ...) { (void)ctx; (void)msg; }

void fl_xml_init(void)
{
    xmlInitParser();
    xmlSetExternalEntityLoader(deny_loader);
    xmlSetGenericErrorFunc(NULL, quiet_errors);
}

int fl_xml_parse_options(void)
{
    return XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA;
}

void fl_xml_sax_init(xmlSAXHandler *sax, startElementNsSAX2Func start, endElementNsSAX2Func end,
                     charactersSAXFunc chars, internalSubsetSAXFunc on_dtd, xmlStructuredErrorFunc on_error)
{
    memset(sax, 0, sizeof *sax);
    sax->initialized = XML_SAX2_MAGIC;
    sax->startElementNs = start;
    sax->endElementNs = end;
    sax->characters = chars;
    sax->cdataBlock = chars;
    sax->ignorableWhitespace = chars; /* white space in w:t is text */
    sax->internalSubset = on_dtd;
    sax->externalSubset = on_dtd;
    sax->serror = on_error;
}

const char *fl_xml_sax_attr(const xmlChar **attrs, int n, fl_ns ns, const char *local, char *buf, size_t cap)
{
    for (int i = 0; i < n; i++) {
        const xmlChar **a = attrs + 5 * i;
        if (strcmp((const char *)a[0], local) != 0) continue; /* cheaper than the namespace */
        fl_ns ans = a[2] ? fl_ns_id((const char *)a[2]) : FL_NS_OTHER;
        if (ans == FL_NS_W2003) ans = FL_NS_W;
        if (ans != ns) continue;
        size_t len = (size_t)(a[4] - a[3]);
        if (len >= cap) len = cap - 1;
        memcpy(buf, a[3], len);
        buf[len] = '\0';
        return buf;
    }
    return NULL;
}

const char *fl_xml_error_text(const xmlError *e, char *out, size_t cap)
{
    snprintf(out, cap, "line %d: %s", e ? e->line : 0, e && e->message ? e->message : "not well-formed");
    size_t n = strlen(out);
    while (n && (out[n - 1] == '\n' || out[n - 1] == ' ')) out[--n] = '\0';
    /* some libxml2 messages span lines ("Input is not proper UTF-8, indicate
     * encoding !\nBytes: 0xFF ..."); an error is one line */
    for (char *p = out; *p; p++)
        if (*p == '\n' || *p == '\r') *p = ' ';
    return out;
}

int fl_xml_check_encoding(const char *xml, size_t len, const char *part, fl_error *err)
{
    if (len >= 2 && ((unsigned char)xml[0] == 0xFE || (unsigned char)xml[0] == 0xFF)) return 0;
    if (len < 5 || memcmp(xml, "<?xml", 5) != 0) return 0;
    size_t end = 0;
    while (end < len && end < 200 && xml[end] != '>') end++;
    const char *p = NULL;
    for (size_t i = 0; i + 8 < end; i++)
        if (memcmp(xml + i, "encoding", 8) == 0) { p = xml + i + 8; break; }
    if (!p) return 0;
    while (p < xml + end && (*p == ' ' || *p == '=')) p++;
    if (p >= xml + end) return 0;
    char q = *p++;
    if (q != '"' && q != '\'') return 0;
    char enc[32] = {0};
    size_t k = 0;
    while (p < xml + end && *p != q && k < sizeof enc - 1) enc[k++] = *p++;
    if (!strcasecmp(enc, "UTF-8") || !strcasecmp(enc, "UTF8") || !strncasecmp(enc, "UTF-16", 6))
        return 0;
    return fl_error_set(err, FL_E_XML_ENCODING, part, enc);
}

static int max_depth(const xmlNode *n, int depth)
{
    int best = depth;
    for (const xmlNode *c = n->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE) {
            int d = max_depth(c, depth + 1);
            if (d > best) best = d;
            if (best > FL_MAX_XML_DEPTH) break;
        }
    return best;
}

/* A DOM part in UTF-16 as UTF-8; unlike the streamed stories, whose text
 * is repaired, a metadata part with a bad code unit fails, as one with bad
 * UTF-8 does (libxml2 refuses that). */
static int utf16_part(const char *xml, size_t len, bool be, const char *part, fl_buf *out, fl_error *err)
{
    fl_utf16 u;
    fl_utf16_init(&u, be);
    fl_utf16_feed(&u, out, xml, len, true);
    if (!u.bad) return 0;
    char why[96];
    snprintf(why, sizeof why, "invalid UTF-16: %zu unpaired surrogate(s) or stray byte(s)", u.bad);
    return fl_error_set(err, FL_E_XML, part, why);
}

void fl_xml_ctxt_error(xmlParserCtxtPtr ctxt, const xmlDoc *doc, const char *part, fl_error *err)
{
    const xmlError *e = xmlCtxtGetLastError(ctxt);
    char msg[300];
    fl_xml_error_text(e, msg, sizeof msg);
    if (doc && doc->intSubset) fl_error_set(err, FL_E_XML_DTD, part);
    else if (e && e->code == XML_ERR_ENTITY_LOOP) fl_error_set(err, FL_E_XML_DTD, part);
    else if (strstr(msg, "Excessive depth")) fl_error_set(err, FL_E_XML_DEPTH, FL_MAX_XML_DEPTH, part);
    else fl_error_set(err, FL_E_XML, part, msg);
}

xmlDoc *fl_xml_read(const char *xml, size_t len, const char *part, fl_error *err)
{
    xmlDoc *doc = NULL;
    xmlParserCtxtPtr ctxt = NULL;
    fl_buf utf8 = FL_BUF_INIT;
    int opts = fl_xml_parse_options();
    bool be;
    if (fl_utf16_sniff(xml, len, &be)) {
        if (utf16_part(xml, len, be, part, &utf8, err)) goto cleanup;
        xml = utf8.data ? utf8.data : "";
        len = utf8.len;
        opts |= XML_PARSE_IGNORE_ENC; /* it says UTF-16; it is UTF-8 now */
    } else if (fl_xml_check_encoding(xml, len, part, err)) {
        goto cleanup;
    }
    if (len > (size_t)0x7fffffff) {
        fl_error_set(err, FL_E_TOO_LARGE, part);
        goto cleanup;
    }
    if (!(ctxt = xmlNewParserCtxt())) {
        fl_error_set(err, FL_E_INTERNAL, "libxml2 context");
        goto cleanup;
    }
    doc = xmlCtxtReadMemory(ctxt, xml, (int)len, part, NULL, opts);
    if (!doc || !ctxt->wellFormed) {
        fl_xml_ctxt_error(ctxt, doc, part, err);
        xmlFreeDoc(doc);
        doc = NULL;
        goto cleanup;
    }
    xmlNode *root = xmlDocGetRootElement(doc);
    if (doc->intSubset || doc->extSubset) {
        fl_error_set(err, FL_E_XML_DTD, part);
        xmlFreeDoc(doc);
        doc = NULL;
    } else if (root && max_depth(root, 1) > FL_MAX_XML_DEPTH) {
        fl_error_set(err, FL_E_XML_DEPTH, FL_MAX_XML_DEPTH, part);
        xmlFreeDoc(doc);
        doc = NULL;
    }
cleanup:
    xmlFreeParserCtxt(ctxt);
    fl_buf_free(&utf8);
    return doc;
}

int fl_xml_is(const xmlNode *n, fl_ns ns, const char *local)
{
    return n && n->type == XML_ELEMENT_NODE && fl_xml_ns(n) == ns &&
           strcmp((const char *)n->name, local) == 0;
}

const char *fl_xml_attr(const xmlNode *n, fl_ns ns, const char *local)
{
    if (!n || n->type != XML_ELEMENT_NODE) return NULL;
    for (const xmlAttr *a = n->properties; a; a = a->next) {
        fl_ns ans = a->ns ? fl_ns_id((const char *)a->ns->href) : FL_NS_OTHER;
        if (ans == ns && strcmp((const char *)a->name, local) == 0)
            return (a->children && a->children->content) ? (const char *)a->children->content : "";
    }
    return NULL;
}

xmlNode *fl_xml_child(const xmlNode *n, fl_ns ns, const char *local)
{
    if (!n) return NULL;
    for (xmlNode *c = n->children; c; c = c->next)
        if (fl_xml_is(c, ns, local)) return c;
    return NULL;
}

/* Every prefix in a Requires list must name a namespace we understand. */
static int requires_understood(const xmlNode *choice, const char *req)
{
    char buf[256];
    snprintf(buf, sizeof buf, "%s", req);
    for (char *save = NULL, *tok = strtok_r(buf, " \t", &save); tok; tok = strtok_r(NULL, " \t", &save)) {
        xmlNs *ns = xmlSearchNs(choice->doc, (xmlNode *)choice, (const xmlChar *)tok);
        if (!ns || !fl_ns_understood(fl_ns_id((const char *)ns->href))) return 0;
    }
    return 1;
}

xmlNode *fl_xml_mce_branch(const xmlNode *ac)
{
    xmlNode *fallback = NULL;
    for (xmlNode *c = ac->children; c; c = c->next) {
        if (fl_xml_is(c, FL_NS_MC, "Choice")) {
            const char *req = fl_xml_attr(c, FL_NS_OTHER, "Requires");
            if (req && requires_understood(c, req)) return c;
        } else if (fl_xml_is(c, FL_NS_MC, "Fallback") && !fallback) {
            fallback = c;
        }
    }
    return fallback;
}

void fl_xml_kids_init(fl_xml_kids *k, const xmlNode *parent)
{
    k->top = 0;
    k->pos[0] = parent ? parent->children : NULL;
}

const xmlNode *fl_xml_kids_next(fl_xml_kids *k)
{
    while (k->top >= 0) {
        const xmlNode *c = k->pos[k->top];
        if (!c) { k->top--; continue; }
        k->pos[k->top] = c->next;
        if (c->type != XML_ELEMENT_NODE) continue;
        if (fl_xml_is(c, FL_NS_MC, "AlternateContent")) {
            const xmlNode *b = fl_xml_mce_branch(c);
            if (b && k->top + 1 < FL_XML_MCE_DEPTH) k->pos[++k->top] = b->children;
            continue;
        }
        return c;
    }
    return NULL;
}

char *fl_xml_text(const xmlNode *n)
{
    return (char *)xmlNodeGetContent(n);
}

int fl_xml_onoff(const xmlNode *n)
{
    const char *v = fl_xml_attr(n, FL_NS_W, "val");
    if (!v) return 1;
    return !(strcmp(v, "false") == 0 || strcmp(v, "0") == 0 || strcmp(v, "off") == 0);
}
