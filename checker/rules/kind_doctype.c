/* Kind `doc-type-unknown`: the document's type was not recognised (and not
 * given with --doc-type), so only the generic rules ran (DOC010). Reported
 * once, at line 1. {reason} is what the type detector saw
 * (doc->doc_type_reason: a bureau's notice, a notice about a 报告表, too
 * little in the body...), so the user knows whether to pass --doc-type. */
#include "rules/kind.h"

static const char *const vars[] = {"reason", NULL};

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
    /* a fixed identity: a baseline keeps matching DOC010 whatever the
     * detector says in {reason} (the fingerprint is the message otherwise) */
    fl_hit h = {.block = -1, .severity = -1, .item = "doc-type-unknown"};
    const char *why = fl_scan_doc(s)->doc_type_reason;
    fl_hit_var(&h, "reason", why ? why : "no title names a kind of filing");
    fl_scan_emit(s, &h);
}

const fl_kind fl_kind_doctype = {"doc-type-unknown", vars, parse, run, NULL};
