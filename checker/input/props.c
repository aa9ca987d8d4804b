/* Document properties: who wrote and last saved the file, and for whom. */
#include "input/props.h"
#include "core/xmlsafe.h"
#include <string.h>

typedef struct { fl_ns ns; const char *local, *name; } prop_map;

static const prop_map core_map[] = {
    {FL_NS_DC, "title", "title"}, {FL_NS_DC, "subject", "subject"},
    {FL_NS_DC, "creator", "creator"}, {FL_NS_CP, "lastModifiedBy", "last_modified_by"},
    {FL_NS_DCTERMS, "created", "created"}, {FL_NS_DCTERMS, "modified", "modified"},
    {FL_NS_CP, "keywords", "keywords"}, {FL_NS_DC, "description", "description"},
};
static const prop_map app_map[] = {
    {FL_NS_EXTPROPS, "Company", "company"}, {FL_NS_EXTPROPS, "Manager", "manager"},
    {FL_NS_EXTPROPS, "Application", "application"}, {FL_NS_EXTPROPS, "Template", "template"},
};

static void read_props(fl_doc *doc, const char *xml, size_t len, const char *part,
                       const prop_map *map, size_t nmap)
{
    fl_error err;
    xmlDoc *d = fl_xml_read(xml, len, part, &err);
    if (!d) {
        fl_doc_add_notice(doc, -1, "%s ignored: %s", part, err.message);
        return;
    }
    xmlNode *root = xmlDocGetRootElement(d);
    for (xmlNode *c = root ? root->children : NULL; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE) continue;
        for (size_t i = 0; i < nmap; i++) {
            if (!fl_xml_is(c, map[i].ns, map[i].local)) continue;
            char *text = fl_xml_text(c);
            if (text) {
                size_t n = strlen(text);
                while (n && (text[n - 1] == ' ' || text[n - 1] == '\n')) text[--n] = '\0';
                fl_doc_set_prop(doc, map[i].name, text);
            }
            xmlFree(text);
        }
    }
    xmlFreeDoc(d);
}

void fl_props_read_core(fl_doc *doc, const char *xml, size_t len)
{
    read_props(doc, xml, len, "docProps/core.xml", core_map, sizeof core_map / sizeof *core_map);
}

void fl_props_read_app(fl_doc *doc, const char *xml, size_t len)
{
    read_props(doc, xml, len, "docProps/app.xml", app_map, sizeof app_map / sizeof *app_map);
}
