/* Word 2003 XML (w:wordDocument): styles, lists and properties are inline, so
 * a DOM pass reads them first; the body then goes through the same SAX
 * reader as OOXML, which knows the 2003 dialect (listPr/ilfo, aml:annotation
 * revisions and comments, inline footnotes). wordml-notes.md §1.9. */
#include "input/input.h"
#include "input/numbering.h"
#include "input/styles.h"
#include "input/wml.h"
#include "input/xmlsafe.h"
#include <string.h>

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
    xmlDoc *d = fl_xml_read(data, len, "Word 2003 XML", err);
    if (!d) return -1;
    xmlNode *root = xmlDocGetRootElement(d);
    styles = fl_styles_from_node(fl_xml_child(root, FL_NS_W2003, "styles"));
    num = fl_numbering_from_node(fl_xml_child(root, FL_NS_W2003, "lists"));
    read_props(doc, root);
    xmlFreeDoc(d); /* the body is streamed again below; no DOM of it is kept */
    w = fl_wml_new(doc, styles, num);
    rc = fl_wml_parse(w, FL_PART_BODY, "Word 2003 XML", data, len, err);
    fl_wml_link_comments(w);
    fl_wml_free(w);
    fl_numbering_free(num);
    fl_styles_free(styles);
    return rc;
}
