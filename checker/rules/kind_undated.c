/* Kind `undated`: the filing states no date of its own and no --as-of was
 * given, so it was judged at today's date (fl_scan_judging) — by the law in
 * force today, which may not be the law it was written under (DOC011). One
 * finding: at the date left blank ("编制日期：    年  月") when the filing has
 * one, else at line 1. {reason} says which. Not on a document whose type was
 * not recognised: it may be no filing at all, and DOC010 already says that
 * only the generic rules ran.
 *
 *   <undated/>
 */
#include "rules/kind.h"

static const char *const vars[] = {"reason", NULL};

static int parse(fl_rule *rule, const xmlNode *el, fl_loader *ld, fl_error *err)
{
    if (fl_xml_first(el)) return fl_loader_error(err, ld, el, "<undated/> takes no content");
    rule->data = NULL;
    return 0;
}

static void run(const fl_rule *rule, fl_scan *s)
{
    (void)rule;
    const fl_judging *j = fl_scan_judging(s);
    if (j->from != FL_JUDGED_TODAY || !fl_scan_doc_type(s)) return;
    const fl_doc *doc = fl_scan_doc(s);
    int blank = j->blank ? doc->filing_date.block : -1;
    fl_hit h = {.block = blank >= 0 && (size_t)blank < doc->nblocks ? blank : -1, .severity = -1};
    fl_hit_var(&h, "reason", h.block >= 0 ? "编制日期未填写" : "文件未写明编制日期");
    fl_scan_emit(s, &h);
}

static void describe(const fl_rule *rule, FILE *out)
{
    (void)rule;
    fprintf(out, "报告：文件没有自己的日期（未写明或未填写编制日期）又未给出 --as-of，只能按今天的日期判断适用的规定\n"
                 "不报告：未能识别类型的文件（见 DOC010）\n");
}

const fl_kind fl_kind_undated = {"undated", vars, parse, run, describe};
