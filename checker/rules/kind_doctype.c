/* Kind `doc-type-unknown`: the document's type was not recognised (and not
 * given with --doc-type), so only the generic rules ran (DOC010). Reported
 * once, at line 1. */
#include "rules/kind.h"

static const char *const vars[] = {NULL};

static int parse(fl_rule *rule, const xmlNode *el, fl_loader *ld, fl_error *err)
{
    if (fl_xml_first(el)) return fl_loader_error(err, ld, el, "<doc-type-unknown/> takes no content");
    rule->data = NULL;
    return 0;
}

static void run(const fl_rule *rule, fl_scan *s)
{
    (void)rule;
    if (fl_scan_doc_type(s)) return;
    fl_hit h = {.block = -1, .severity = -1};
    fl_scan_emit(s, &h);
}

const fl_kind fl_kind_doctype = {"doc-type-unknown", vars, parse, run, NULL};
