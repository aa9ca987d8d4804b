/* XML namespaces of OOXML (transitional and strict), Flat OPC and Word 2003,
 * mapped to one id each, so readers match on (namespace id, local name) and
 * never on the prefix a producer happened to choose. */
#ifndef FL_NS_H
#define FL_NS_H
typedef enum fl_ns {
    FL_NS_OTHER = 0,
    FL_NS_W,      /* wordprocessingml main (transitional and strict) */
    FL_NS_R,      /* officeDocument relationships (attributes r:id, r:embed) */
    FL_NS_MC,     /* markup compatibility */
    FL_NS_WP,     /* wordprocessingDrawing */
    FL_NS_A,      /* drawingml main */
    FL_NS_PIC,    /* drawingml picture */
    FL_NS_WPS,    /* wordprocessing shape */
    FL_NS_WPG, FL_NS_WPC, FL_NS_WPI, FL_NS_W14, FL_NS_W15, FL_NS_W16, FL_NS_A14,
    FL_NS_M,      /* officeMath */
    FL_NS_V,      /* VML */
    FL_NS_O,      /* urn:schemas-microsoft-com:office:office */
    FL_NS_W10,
    FL_NS_PKG_REL,  /* package relationships (.rels) */
    FL_NS_CT,       /* content types */
    FL_NS_CP, FL_NS_DC, FL_NS_DCTERMS, FL_NS_EXTPROPS,
    FL_NS_PKG,      /* Flat OPC pkg:package */
    FL_NS_W2003,    /* Word 2003 XML wordml */
    FL_NS_WX,       /* Word 2003 auxHint */
    FL_NS_AML,      /* Word 2003 annotations */
    FL_NS_XML,
    FL_NS_COUNT
} fl_ns;

fl_ns fl_ns_id(const char *uri); /* NULL or unknown -> FL_NS_OTHER */
/* Is this an MCE "Requires" prefix's namespace we understand (wps, w14, ...)? */
int fl_ns_understood(fl_ns ns);
#endif
