/* Emission arithmetic for kind `arith` (EIA209): the yearly amounts a
 * filing states against the figures it derives them from, in one table row
 * or one sentence. See arith_emis.c. */
#ifndef FL_ARITH_EMIS_H
#define FL_ARITH_EMIS_H
#include "rules/kind.h"

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
