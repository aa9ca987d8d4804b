/* Word 2003 XML (w:wordDocument): styles, lists and properties are inline, so
 * a DOM pass reads them first; the body then goes through the same SAX
 * reader as OOXML, which knows the 2003 dialect (listPr/ilfo, aml:annotation
 * revisions and comments, inline footnotes). */
#include "core/limits.h"
#include "doc/doc.h"
#include "input/formats.h"
#include "input/numbering.h"
#include "input/styles.h"
#include "input/wml.h"
#include "core/xmlsafe.h"
#include <libxml/SAX2.h>
#include <stdbool.h>
#include <string.h>

static const char PART[] = "Word 2003 XML";

/* The DOM pass stops where w:body starts: properties, lists and styles come
 * before it. A DOM of the body would cost several times its size, and
 * libxml2's 10 MB text-node limit would refuse a legal file with a long
 * paragraph or a large w:binData picture. */
static void head_start(void *ctx, const xmlChar *local, const xmlChar *prefix, const xmlChar *uri, int nns,
                       const xmlChar **ns, int na, int nd, const xmlChar **attrs)
{
    xmlParserCtxtPtr ctxt = ctx;
    if (ctxt->nodeNr == 1 && uri && fl_ns_id((const char *)uri) == FL_NS_W2003 &&
        strcmp((const char *)local, "body") == 0) {
        xmlStopParser(ctxt);
        return;
    }
    xmlSAX2StartElementNs(ctx, local, prefix, uri, nns, ns, na, nd, attrs);
}

static void head_dtd(void *ctx, const xmlChar *name, const xmlChar *ext, const xmlChar *sys)
{
    (void)name; (void)ext; (void)sys;
    xmlParserCtxtPtr ctxt = ctx;
    *(bool *)ctxt->_private = true;
    xmlStopParser(ctxt);
}

static xmlDoc *read_head(const char *data, size_t len, fl_error *err)
{
    if (fl_xml_check_encoding(data, len, PART, err)) return NULL;
    xmlSAXHandler sax;
    memset(&sax, 0, sizeof sax);
    xmlSAXVersion(&sax, 2);
    sax.startElementNs = head_start;
    sax.internalSubset = head_dtd;
    sax.externalSubset = head_dtd;
    xmlParserCtxtPtr ctxt = xmlCreatePushParserCtxt(&sax, NULL, NULL, 0, PART);
    if (!ctxt) {
        fl_error_set(err, FL_E_INTERNAL, "libxml2 push parser");
        return NULL;
    }
    bool dtd = false;
    ctxt->_private = &dtd;
    xmlCtxtUseOptions(ctxt, fl_xml_parse_options());
    enum { PIECE = 256 * 1024 }; /* see push() in wml.c */
    for (size_t off = 0;;) {
        size_t n = len - off > PIECE ? PIECE : len - off;
        int last = off + n == len;
        xmlParseChunk(ctxt, data + off, (int)n, last);
        off += n;
        if (last || ctxt->instate == XML_PARSER_EOF) break;
    }
    xmlDoc *doc = ctxt->myDoc;
    ctxt->myDoc = NULL;
    if (dtd) {
        fl_error_set(err, FL_E_XML_DTD, PART);
    } else if (!ctxt->wellFormed || !doc) {
        fl_xml_ctxt_error(ctxt, doc, PART, err);
    } else {
        xmlFreeParserCtxt(ctxt);
        return doc;
    }
    xmlFreeDoc(doc);
    xmlFreeParserCtxt(ctxt);
    return NULL;
}

static void read_props(fl_doc *doc, xmlNode *root)
{
    static const struct { const char *local, *name; } map[] = {
        {"Title", "title"}, {"Subject", "subject"}, {"Author", "creator"},
        {"LastAuthor", "last_modified_by"}, {"Company", "company"}, {"Manager", "manager"},
        {"Created", "created"}, {"LastSaved", "modified"},
    };
    xmlNode *props = fl_xml_child(root, FL_NS_O, "DocumentProperties");
    for (xmlNode *c = props ? props->children : NULL; c; c = c->next)
        for (size_t i = 0; i < sizeof map / sizeof *map; i++)
            if (fl_xml_is(c, FL_NS_O, map[i].local)) {
                char *t = fl_xml_text(c);
                fl_doc_set_prop(doc, map[i].name, t);
                xmlFree(t);
            }
}

int fl_word2003_read(fl_doc *doc, const char *data, size_t len, fl_error *err)
{
    int rc = -1;
    fl_styles *styles = NULL;
    fl_numbering *num = NULL;
    fl_wml *w = NULL;
    xmlDoc *d = read_head(data, len, err);
    if (!d) return -1;
    xmlNode *root = xmlDocGetRootElement(d);
    styles = fl_styles_from_node(fl_xml_child(root, FL_NS_W2003, "styles"));
    num = fl_numbering_from_node(fl_xml_child(root, FL_NS_W2003, "lists"));
    read_props(doc, root);
    xmlFreeDoc(d);
    w = fl_wml_new(doc, styles, num);
    fl_wml_word2003(w);
    rc = fl_wml_parse(w, FL_PART_BODY, PART, data, len, err);
    fl_wml_link_comments(w);
    fl_wml_free(w);
    fl_numbering_free(num);
    fl_styles_free(styles);
    return rc;
}
