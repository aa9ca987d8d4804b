/* Safe libxml2 use for every XML we read (limits: docs/architecture.md): no
 * network, no external entities, no DTD at all (OPC forbids them, and
 * rejecting them stops XXE, billion laughs and quadratic blowup before any
 * entity is declared), depth capped, only UTF-8/UTF-16. Small parts (styles,
 * numbering, rels, properties, rulesets) use the DOM helpers here; the body is
 * streamed with SAX (wml.c). */
#ifndef FL_XMLSAFE_H
#define FL_XMLSAFE_H
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stddef.h>
#include "core/error.h"
#include "core/ns.h"

void fl_xml_init(void); /* once per process, before threads start */
/* Parse a whole XML buffer into a DOM; part names the part in errors. The
 * caller frees the tree with xmlFreeDoc. NULL on failure with err set. */
xmlDoc *fl_xml_read(const char *xml, size_t len, const char *part, fl_error *err);
/* The error of a failed DOM parse: a DTD, an entity loop, the depth limit,
 * or malformed XML with libxml2's message on one line. */
void fl_xml_ctxt_error(xmlParserCtxtPtr ctxt, const xmlDoc *doc, const char *part, fl_error *err);
/* Options every parser context gets. */
int fl_xml_parse_options(void);
/* Does the declared encoding of this XML (first bytes) name something other
 * than UTF-8/UTF-16? Fills err and returns -1 if so. */
int fl_xml_check_encoding(const char *xml, size_t len, const char *part, fl_error *err);

/* A SAX2 handler with only our callbacks: no DOM building, and any DTD
 * (internal or external subset) reported through on_dtd. */
void fl_xml_sax_init(xmlSAXHandler *sax, startElementNsSAX2Func start, endElementNsSAX2Func end,
                     charactersSAXFunc chars, internalSubsetSAXFunc on_dtd, xmlStructuredErrorFunc on_error);
/* An attribute of a SAX2 start-element callback (5 pointers per attribute),
 * copied NUL-terminated into buf; Word 2003's namespace counts as w:. NULL
 * when absent. */
const char *fl_xml_sax_attr(const xmlChar **attrs, int n, fl_ns ns, const char *local, char *buf, size_t cap);
/* "line N: message" of a libxml2 error, without the trailing newline. */
const char *fl_xml_error_text(const xmlError *e, char *out, size_t cap);

static inline fl_ns fl_xml_ns(const xmlNode *n)
{
    return (n && n->ns) ? fl_ns_id((const char *)n->ns->href) : FL_NS_OTHER;
}
int fl_xml_is(const xmlNode *n, fl_ns ns, const char *local);
/* Attribute value without allocation (NULL if absent); ns FL_NS_OTHER = no namespace. */
const char *fl_xml_attr(const xmlNode *n, fl_ns ns, const char *local);
/* First element child (any ns) named local in ns, or NULL. */
xmlNode *fl_xml_child(const xmlNode *n, fl_ns ns, const char *local);
/* For an mc:AlternateContent element: the branch to read (first understood
 * mc:Choice, else mc:Fallback), or NULL. */
xmlNode *fl_xml_mce_branch(const xmlNode *ac);
/* Element children of a node, looking through mc:AlternateContent into the
 * branch a consumer must take (styles and numbering parts have them too), so
 * callers never see MCE wrappers. */
#define FL_XML_MCE_DEPTH 8
typedef struct fl_xml_kids { const xmlNode *pos[FL_XML_MCE_DEPTH]; int top; } fl_xml_kids;
void fl_xml_kids_init(fl_xml_kids *k, const xmlNode *parent);
const xmlNode *fl_xml_kids_next(fl_xml_kids *k);
/* Concatenated text content of n (allocated with xmlMalloc, xmlFree it). */
char *fl_xml_text(const xmlNode *n);
/* "true"/"1"/"on" (and absent val attribute) -> 1; "false"/"0"/"off" -> 0. */
int fl_xml_onoff(const xmlNode *n);
#endif
