/* The table of rule kinds: one row per kind_<name>.c. The kinds include
 * kind.h and never this table; they are declared here, where the table is
 * the only user. */
#include "rules/kind.h"
#include <string.h>

extern const fl_kind fl_kind_section, fl_kind_mention, fl_kind_forbid, fl_kind_fields;
extern const fl_kind fl_kind_table, fl_kind_package, fl_kind_doctype;
extern const fl_kind fl_kind_contents, fl_kind_duration, fl_kind_sum;
extern const fl_kind fl_kind_standards, fl_kind_places, fl_kind_publicity;
extern const fl_kind fl_kind_corpus, fl_kind_undated, fl_kind_coverage;
extern const fl_kind fl_kind_instruments, fl_kind_arith;
extern const fl_kind fl_kind_mulu;
extern const fl_kind fl_kind_deviation;
extern const fl_kind fl_kind_grade, fl_kind_zone;
extern const fl_kind fl_kind_sheet;
extern const fl_kind fl_kind_targets, fl_kind_dataage, fl_kind_sigimage;
extern const fl_kind fl_kind_form, fl_kind_special;

static const fl_kind *const kinds[] = {
    &fl_kind_section,
    &fl_kind_mention,
    &fl_kind_forbid,
    &fl_kind_fields,
    &fl_kind_table,
    &fl_kind_package,
    &fl_kind_doctype,
    &fl_kind_contents,
    &fl_kind_duration,
    &fl_kind_sum,
    &fl_kind_standards,
    &fl_kind_places,
    &fl_kind_publicity,
    &fl_kind_corpus,
    &fl_kind_undated,
    &fl_kind_coverage,
    &fl_kind_instruments,
    &fl_kind_arith,
    &fl_kind_mulu,
    &fl_kind_deviation,
    &fl_kind_grade,
    &fl_kind_zone,
    &fl_kind_sheet,
    &fl_kind_targets,
    &fl_kind_dataage,
    &fl_kind_sigimage,
    &fl_kind_form,
    &fl_kind_special,
};

const fl_kind *fl_kind_find(const char *name)
{
    for (size_t i = 0; i < sizeof kinds / sizeof *kinds; i++)
        if (!strcmp(kinds[i]->name, name)) return kinds[i];
    return NULL;
}
