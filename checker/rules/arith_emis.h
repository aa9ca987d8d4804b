/* Emission arithmetic for kind `arith` (EIA209): the yearly amounts a
 * filing states against the figures it derives them from, in one table row
 * or one sentence. See arith_emis.c. */
#ifndef FL_ARITH_EMIS_H
#define FL_ARITH_EMIS_H
#include "rules/kind.h"
#include "core/quantity.h"

/* One role's figure, shared by the checks of kind arith: the first plain
 * quantity read, or ambiguous once a second, different one (or one that is
 * not plain, or of another dimension) is read. */
typedef struct fl_arith_fig {
    bool found, ambiguous;
    fl_quantity q;
    int block;
    bool span; /* [start, end) normalised offsets in block, when from a sentence */
    size_t start, end;
} fl_arith_fig;

/* One plain number: no range, no comparator, no 约. */
bool fl_arith_plain(const fl_quantity *q);
/* Reads q (of block) into f; a q of a dimension other than dim, or not
 * plain, makes f ambiguous. */
void fl_arith_take(fl_arith_fig *f, const fl_quantity *q, fl_dim dim, int block);
/* Is the table g under a caption matching p (NULL: none does): one of the
 * two short lines above it, a first row that is one cell across, or its
 * section's title? 1 yes (*caption the text), 0 no, -1 a limit. *unit_line:
 * a line above naming a unit (单位：万元), NULL if none. */
/* A table cell as a figure: FL_CELL_FIGURE when it is one plain quantity of
 * dimension dim (a bare number in unit, the column's); FL_CELL_NONE when it
 * has no digit at all (/, —, 计入主体工程, 未检出); FL_CELL_UNCLEAR for
 * anything else with a digit (约5, 5（含设备3）, 3~5, 0.02（有组织）). */
enum { FL_CELL_FIGURE, FL_CELL_NONE, FL_CELL_UNCLEAR };
int fl_arith_cell(const char *t, const char *unit, fl_dim dim, fl_quantity *q);
struct fl_grid;
int fl_arith_captioned(fl_scan *s, const fl_pattern *p, const struct fl_grid *g, const char **unit_line,
                       const char **caption);

typedef struct fl_emis_k {
    /* a sentence, a table's caption or section, or a row naming other
     * figures (现有, 以新带老, 全厂 ...): not judged */
    const fl_pattern *unless;
    const char *message, *message_en;
    /* a 总量控制指标 below the emission: {stated} the quota, {emission} */
    const char *quota_message, *quota_message_en;
    /* the caption of the 污染物排放量汇总表, whose 本项目排放量 of a pollutant
     * must be the total the body states: {stated} the table's, {emission}
     * the body's, {quantity} the pollutant */
    const fl_pattern *summary;
    const char *summary_message, *summary_message_en;
} fl_emis_k;

/* <emission unless="..." message="..." message-en="..." quota-message="..."
 * quota-message-en="..."/> of <arith>. */
int fl_emis_parse(fl_emis_k *k, const xmlNode *c, const fl_rule *rule, fl_loader *ld, fl_error *err);
/* Every sentence and table of scope. */
void fl_emis_run(fl_scan *s, const fl_scope_spec *scope, const fl_emis_k *k);
void fl_emis_describe(const fl_emis_k *k, FILE *out);
#endif
