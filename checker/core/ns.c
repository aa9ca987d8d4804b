/* Namespace URI table. Strict OOXML URIs (purl.oclc.org) map to the same ids
 * as their transitional twins so that strict files read the same. */
#include "core/ns.h"
#include <string.h>

static const struct { const char *uri; fl_ns id; } uris[] = {
    {"http://schemas.openxmlformats.org/wordprocessingml/2006/main", FL_NS_W},
    {"http://purl.oclc.org/ooxml/wordprocessingml/main", FL_NS_W},
    {"http://schemas.openxmlformats.org/officeDocument/2006/relationships", FL_NS_R},
    {"http://purl.oclc.org/ooxml/officeDocument/relationships", FL_NS_R},
    {"http://schemas.openxmlformats.org/markup-compatibility/2006", FL_NS_MC},
    {"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing", FL_NS_WP},
    {"http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing", FL_NS_WP},
    {"http://schemas.openxmlformats.org/drawingml/2006/main", FL_NS_A},
    {"http://purl.oclc.org/ooxml/drawingml/main", FL_NS_A},
    {"http://schemas.openxmlformats.org/drawingml/2006/picture", FL_NS_PIC},
    {"http://purl.oclc.org/ooxml/drawingml/picture", FL_NS_PIC},
    {"http://schemas.microsoft.com/office/word/2010/wordprocessingShape", FL_NS_WPS},
    {"http://schemas.microsoft.com/office/word/2010/wordprocessingGroup", FL_NS_WPG},
    {"http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas", FL_NS_WPC},
    {"http://schemas.microsoft.com/office/word/2010/wordprocessingInk", FL_NS_WPI},
    {"http://schemas.microsoft.com/office/word/2010/wordml", FL_NS_W14},
    {"http://schemas.microsoft.com/office/word/2012/wordml", FL_NS_W15},
    {"http://schemas.microsoft.com/office/word/2015/wordml/symex", FL_NS_W16},
    {"http://schemas.microsoft.com/office/word/2016/wordml/cid", FL_NS_W16},
    {"http://schemas.microsoft.com/office/word/2018/wordml", FL_NS_W16},
    {"http://schemas.microsoft.com/office/word/2018/wordml/cex", FL_NS_W16},
    {"http://schemas.microsoft.com/office/word/2020/wordml/sdtdatahash", FL_NS_W16},
    {"http://schemas.microsoft.com/office/drawing/2010/main", FL_NS_A14},
    {"http://schemas.openxmlformats.org/officeDocument/2006/math", FL_NS_M},
    {"http://purl.oclc.org/ooxml/officeDocument/math", FL_NS_M},
    {"urn:schemas-microsoft-com:vml", FL_NS_V},
    {"urn:schemas-microsoft-com:office:office", FL_NS_O},
    {"urn:schemas-microsoft-com:office:word", FL_NS_W10},
    {"http://schemas.openxmlformats.org/package/2006/relationships", FL_NS_PKG_REL},
    {"http://schemas.openxmlformats.org/package/2006/content-types", FL_NS_CT},
    {"http://schemas.openxmlformats.org/package/2006/metadata/core-properties", FL_NS_CP},
    {"http://purl.org/dc/elements/1.1/", FL_NS_DC},
    {"http://purl.org/dc/terms/", FL_NS_DCTERMS},
    {"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties", FL_NS_EXTPROPS},
    {"http://purl.oclc.org/ooxml/officeDocument/extendedProperties", FL_NS_EXTPROPS},
    {"http://schemas.microsoft.com/office/2006/xmlPackage", FL_NS_PKG},
    {"http://schemas.microsoft.com/office/word/2003/wordml", FL_NS_W2003},
    {"http://schemas.microsoft.com/office/word/2003/auxHint", FL_NS_WX},
    {"http://schemas.microsoft.com/aml/2001/core", FL_NS_AML},
    {"http://www.w3.org/XML/1998/namespace", FL_NS_XML},
};

fl_ns fl_ns_id(const char *uri)
{
    if (!uri) return FL_NS_OTHER;
    for (size_t i = 0; i < sizeof uris / sizeof uris[0]; i++)
        if (strcmp(uri, uris[i].uri) == 0) return uris[i].id;
    return FL_NS_OTHER;
}

int fl_ns_understood(fl_ns ns)
{
    switch (ns) {
    case FL_NS_WPS: case FL_NS_WPG: case FL_NS_WPC: case FL_NS_WPI:
    case FL_NS_W14: case FL_NS_W15: case FL_NS_W16: case FL_NS_A14: case FL_NS_M:
    case FL_NS_W: case FL_NS_V: case FL_NS_O: case FL_NS_W10:
        return 1;
    default:
        return 0;
    }
}
