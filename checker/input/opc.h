/* The OPC package layer: [Content_Types].xml, relationship parts, and the
 * main document part found through _rels/.rels (never assumed).
 * Ownership: fl_opc owns its strings; free with fl_opc_free (NULL-safe). */
#ifndef FL_OPC_H
#define FL_OPC_H
#include <stddef.h>
#include "core/error.h"
#include "input/pkg.h"

typedef struct fl_rel {
    const char *id;
    const char *type;   /* last segment of the type URI: "styles", "header", "image"... */
    const char *target; /* resolved part name without leading '/', or the raw URI if external */
    int external;
} fl_rel;

typedef struct fl_rels {
    fl_rel *items;
    size_t n;
} fl_rels;

typedef struct fl_opc fl_opc;

/* Reads content types and the package relationships; finds the main part.
 * Fails with FL_E_NO_MAIN when there is none or it is not WordprocessingML. */
int fl_opc_open(fl_opc **out, const fl_pkg *pkg, fl_error *err);
void fl_opc_free(fl_opc *o);
const char *fl_opc_main(const fl_opc *o);           /* "word/document.xml" */
const fl_rels *fl_opc_package_rels(const fl_opc *o);
/* Relationships of a part (its _rels/<name>.rels); empty when absent. Cached. */
const fl_rels *fl_opc_part_rels(fl_opc *o, const char *part, fl_error *err);
const fl_rel *fl_rels_by_type(const fl_rels *r, const char *type, size_t *cursor);
const fl_rel *fl_rels_by_id(const fl_rels *r, const char *id);
const char *fl_opc_content_type(const fl_opc *o, const char *part);
/* Resolve target against the folder of source part (OPC rules: relative,
 * absolute with '/', percent-encoding, '.' and '..' kept inside the package).
 * Writes into out; returns out. */
char *fl_opc_resolve(const char *source_part, const char *target, char *out, size_t cap);
#endif
