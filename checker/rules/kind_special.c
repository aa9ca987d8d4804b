/* Kind `special`: the 专项评价 a 2021 报告表 declares in its 专项评价设置情况
 * row, against what its own text says and the guideline's limits.
 *
 *   <special field="专项评价设置情况" none="^(?:无|不设置)" negation="不|无需|未"
 *            limit-message="…{count}…{limit}…" missing-message="…{item}…">
 *     <topic name="环境风险">(?:环境)?风险(?:评价)?(?=专项|、|和|及|$)</topic>
 *     <trigger topic="环境风险" above="1" near="临界量" form="2021-pollution">Q\s*(?:为|=)\s*\d+(?:\.\d+)?</trigger>
 *     <limit max="3" when="印制电路板" fields="建设项目行业类别 项目名称" form="2021-pollution"/>
 *     <limit max="2"/>
 *     <elsewhere>另册|单独成册</elsewhere>
 *   </special>
 *
 * The row's value is split into clauses (at ，。；: and line breaks); a
 * clause naming 专项 and no negation declares the topics whose pattern
 * matches in it (大气、环境风险专项评价 declares two). The row says none
 * when `none` matches the whole value.
 * - Trigger (the rule's message): the row says none, yet a sentence that
 *   also matches `near` holds a match of the trigger whose last number is
 *   above `above` (Q=1.5 against 临界量: HJ 169's ratio over the critical
 *   quantity); one finding per trigger, at its first match.
 * - Limit (limit-message, at the row, limit-severity): more topics declared
 *   than the first <limit> that applies (its `when` found in its fields or
 *   its form the document's) allows.
 * - Missing (missing-message, at the row): a declared topic with no
 *   heading, nor title line, naming it with 专项 — unless `elsewhere` says
 *   the 专项 is bound apart.
 * Nothing is said when the row is absent or says something neither none nor
 * a topic. Linear: the blocks once per trigger and per declared topic. */
#include "rules/kind.h"
#include "core/buf.h"
#include <stdlib.h>
#include <string.h>

#define MAX_TOPICS 16
#define TITLE_MAX_BYTES (40 * 3)

typedef struct topic { const char *name; const fl_pattern *p; } topic;
typedef struct trigger {
    int topic;
    const fl_pattern *match, *near;
    double above;
    const char *form; /* NULL: any */
} trigger;
typedef struct limit {
    int max;
    const fl_pattern *when;
    const char **fields; size_t nfields;
    const char *form;
} limit;

typedef struct special {
    const char *field;
    const fl_pattern *none, *negation, *elsewhere;
    const char *limit_msg, *limit_msg_en, *missing_msg, *missing_msg_en;
    int limit_severity;
    topic topics[MAX_TOPICS]; size_t ntopics;
    trigger *triggers; size_t ntriggers;
    limit *limits; size_t nlimits;
} special;

static const char *const vars[] = {"item", "value", "match", "count", "limit", NULL};

static int topic_index(const special *k, const char *name)
{
    for (size_t i = 0; name && i < k->ntopics; i++)
        if (!strcmp(k->topics[i].name, name)) return (int)i;
    return -1;
}

static int parse(fl_rule *rule, const xmlNode *el, fl_loader *ld, fl_error *err)
{
    special *k = fl_loader_alloc(ld, sizeof *k);
    k->field = fl_loader_attr(ld, el, "field");
    if (!k->field) return fl_loader_error(err, ld, el, "<special> needs field=\"…\"");
    const char **norm;
    if (fl_loader_list(ld, k->field, true, &norm) != 1) return fl_loader_error(err, ld, el, "field= names one field");
    k->field = norm[0];
    if (fl_loader_pattern_attr(ld, el, "none", &k->none, err) ||
        fl_loader_pattern_attr(ld, el, "negation", &k->negation, err) ||
        fl_loader_message(ld, el, rule, "limit-message", &k->limit_msg, err) ||
        fl_loader_message(ld, el, rule, "limit-message-en", &k->limit_msg_en, err) ||
        fl_loader_message(ld, el, rule, "missing-message", &k->missing_msg, err) ||
        fl_loader_message(ld, el, rule, "missing-message-en", &k->missing_msg_en, err) ||
        fl_loader_severity(ld, el, "limit-severity", &k->limit_severity, err))
        return -1;
    if (!k->none) return fl_loader_error(err, ld, el, "<special> needs none=\"pattern\"");
    size_t n = 0;
    for (const xmlNode *c = fl_xml_first(el); c; c = fl_xml_next(c)) n++;
    k->triggers = fl_loader_alloc(ld, (n + 1) * sizeof *k->triggers);
    k->limits = fl_loader_alloc(ld, (n + 1) * sizeof *k->limits);
    for (const xmlNode *c = fl_xml_first(el); c; c = fl_xml_next(c)) {
        if (fl_xml_named(c, "topic")) {
            if (k->ntopics == MAX_TOPICS) return fl_loader_error(err, ld, c, "at most %d topics", MAX_TOPICS);
            topic *t = &k->topics[k->ntopics++];
            t->name = fl_loader_attr(ld, c, "name");
            if (!t->name) return fl_loader_error(err, ld, c, "<topic> needs name=\"…\"");
            if (fl_loader_pattern_text(ld, c, &t->p, err)) return -1;
        } else if (fl_xml_named(c, "trigger")) {
            trigger *t = &k->triggers[k->ntriggers++];
            t->topic = topic_index(k, fl_loader_attr(ld, c, "topic"));
            if (t->topic < 0) return fl_loader_error(err, ld, c, "<trigger topic=\"…\"> names no <topic> before it");
            const char *above = fl_loader_attr(ld, c, "above");
            t->above = above ? strtod(above, NULL) : 0;
            t->form = fl_loader_attr(ld, c, "form");
            if (fl_loader_pattern_text(ld, c, &t->match, err) || fl_loader_pattern_attr(ld, c, "near", &t->near, err))
                return -1;
        } else if (fl_xml_named(c, "limit")) {
            limit *l = &k->limits[k->nlimits++];
            const char *max = fl_loader_attr(ld, c, "max");
            l->max = max ? atoi(max) : 0;
            if (l->max < 1) return fl_loader_error(err, ld, c, "<limit> needs max=\"N\" (N >= 1)");
            l->form = fl_loader_attr(ld, c, "form");
            l->nfields = fl_loader_list(ld, fl_loader_attr(ld, c, "fields"), true, &l->fields);
            if (fl_loader_pattern_attr(ld, c, "when", &l->when, err)) return -1;
        } else if (fl_xml_named(c, "elsewhere")) {
            if (fl_loader_pattern_text(ld, c, &k->elsewhere, err)) return -1;
        } else {
            return fl_loader_error(err, ld, c, "unexpected <%s> in <special> (topic, trigger, limit, elsewhere)",
                                   (const char *)c->name);
        }
    }
    if (!k->ntopics) return fl_loader_error(err, ld, el, "<special> needs at least one <topic>");
    rule->data = k;
    return 0;
}

/* ---- running ------------------------------------------------------------- */

/* The topics a clause of the row declares, as a bit mask; -1 on a limit. */
static int declared(fl_scan *s, const special *k, const char *value)
{
    int mask = 0;
    fl_buf c = FL_BUF_INIT;
    for (const char *p = value;; ) {
        size_t n = strcspn(p, "\n;:");
        const char *stops[] = {"，", "。", "；", "：", NULL};
        for (size_t j = 0; stops[j]; j++) {
            const char *q = strstr(p, stops[j]);
            if (q && (size_t)(q - p) < n) n = (size_t)(q - p);
        }
        fl_buf_clear(&c);
        fl_buf_add(&c, p, n);
        fl_buf_addc(&c, '\0');
        if (strstr(c.data, "专项")) {
            int neg = k->negation ? fl_scan_test(s, k->negation, c.data) : 0;
            if (neg < 0) { mask = -1; break; }
            for (size_t t = 0; !neg && t < k->ntopics; t++) {
                int rc = fl_scan_test(s, k->topics[t].p, c.data);
                if (rc < 0) { mask = -1; break; }
                if (rc) mask |= 1 << t;
            }
            if (mask < 0) break;
        }
        p += n;
        if (!*p) break;
        p += (unsigned char)*p < 0x80 ? 1 : 3; /* the stop: ASCII or a 3-byte CJK mark */
    }
    fl_buf_free(&c);
    return mask;
}

static const char *form_of(fl_scan *s) { return fl_scan_doc(s)->form; }

static bool form_is(fl_scan *s, const char *want)
{
    const char *f = form_of(s);
    return !want || (f && !strcmp(f, want));
}

/* The last number in [a, e) of a block's normalised text. */
static double last_number(const char *t, size_t a, size_t e, bool *found)
{
    size_t i = e;
    while (i > a && !(t[i - 1] >= '0' && t[i - 1] <= '9')) i--;
    size_t end = i;
    while (i > a && ((t[i - 1] >= '0' && t[i - 1] <= '9') || t[i - 1] == '.')) i--;
    *found = end > i;
    if (!*found) return 0;
    char buf[32];
    size_t n = end - i < sizeof buf - 1 ? end - i : sizeof buf - 1;
    memcpy(buf, t + i, n);
    buf[n] = '\0';
    return strtod(buf, NULL);
}

static void run_trigger(fl_scan *s, const special *k, const trigger *t, const fl_field *row)
{
    const fl_doc *doc = fl_scan_doc(s);
    for (size_t b = 0; b < doc->nblocks; b++) {
        if (doc->blocks[b].flags & FL_BF_TOC) continue;
        const fl_norm *n = fl_scan_norm(s, (int)b);
        size_t from = 0, ms, me;
        for (;;) {
            int rc = fl_scan_find(s, t->match, (int)b, from, SIZE_MAX, &ms, &me);
            if (rc <= 0) {
                if (rc < 0) return;
                break;
            }
            from = me > ms ? me : ms + 1;
            bool has;
            double v = last_number(n->text, ms, me, &has);
            if (!has || v <= t->above) continue;
            if (t->near) {
                size_t ss, se, a, e;
                fl_scan_sentence(s, (int)b, ms, &ss, &se);
                int nr = fl_scan_find(s, t->near, (int)b, ss, se, &a, &e);
                if (nr < 0) return;
                if (!nr) continue;
            }
            fl_hit h = {.block = (int)b, .span = true, .start = ms, .end = me, .severity = -1,
                        .item = k->topics[t->topic].name};
            fl_hit_var(&h, "value", row->value);
            fl_hit_var(&h, "match", fl_scan_typed(s, (int)b, ms, me));
            char lim[32];
            snprintf(lim, sizeof lim, "%g", t->above);
            fl_hit_var(&h, "limit", lim);
            fl_scan_emit(s, &h);
            return; /* one finding per trigger */
        }
    }
}

static bool limit_applies(fl_scan *s, const limit *l)
{
    if (!form_is(s, l->form)) return false;
    if (!l->when) return true;
    const fl_doc *doc = fl_scan_doc(s);
    for (size_t i = 0; i < doc->nfields; i++)
        for (size_t j = 0; j < l->nfields; j++)
            if (!strcmp(doc->fields[i].name, l->fields[j]) && fl_scan_test(s, l->when, doc->fields[i].value) == 1)
                return true;
    return false;
}

/* Is the 专项 of topic t in the document: a heading, or a title line outside
 * the row's table, naming the topic and 专项? 0 no, 1 yes, -1 a limit. */
static int topic_present(fl_scan *s, const special *k, size_t t, const fl_field *row)
{
    const fl_doc *doc = fl_scan_doc(s);
    int row_table = row->block >= 0 ? doc->blocks[row->block].table : 0;
    for (size_t b = 0; b < doc->nblocks; b++) {
        const fl_block *bl = &doc->blocks[b];
        if ((int)b == row->block || (bl->flags & FL_BF_TOC) || (row_table && bl->table == row_table)) continue;
        const fl_norm *n = fl_scan_norm(s, (int)b);
        bool heading = bl->kind == FL_BLOCK_HEADING;
        if (!heading && (n->len > TITLE_MAX_BYTES || strstr(n->text, "。"))) continue;
        if (!strstr(n->text, "专项")) continue;
        int rc = fl_scan_test(s, k->topics[t].p, n->text);
        if (rc) return rc;
    }
    return 0;
}

static int present_elsewhere(fl_scan *s, const special *k)
{
    if (!k->elsewhere) return 0;
    const fl_doc *doc = fl_scan_doc(s);
    size_t ms, me;
    for (size_t b = 0; b < doc->nblocks; b++) {
        int rc = fl_scan_find(s, k->elsewhere, (int)b, 0, SIZE_MAX, &ms, &me);
        if (rc) return rc;
    }
    return 0;
}

static void run(const fl_rule *rule, fl_scan *s)
{
    const special *k = rule->data;
    const fl_field *row = fl_doc_field(fl_scan_doc(s), k->field);
    if (!row || !row->value || !*row->value) return;
    int none = fl_scan_test(s, k->none, row->value);
    if (none < 0) return;
    if (none) {
        for (size_t i = 0; i < k->ntriggers; i++)
            if (form_is(s, k->triggers[i].form)) run_trigger(s, k, &k->triggers[i], row);
        return;
    }
    int mask = declared(s, k, row->value);
    if (mask <= 0) return;
    int count = 0;
    fl_buf names = FL_BUF_INIT;
    for (size_t t = 0; t < k->ntopics; t++)
        if (mask & (1 << t)) {
            fl_buf_printf(&names, "%s%s", count ? "、" : "", k->topics[t].name);
            count++;
        }
    for (size_t i = 0; i < k->nlimits; i++) {
        if (!limit_applies(s, &k->limits[i])) continue;
        if (count > k->limits[i].max) {
            fl_hit h = {.block = row->block, .severity = k->limit_severity, .message = k->limit_msg,
                        .message_en = k->limit_msg_en};
            char c[16], l[16];
            snprintf(c, sizeof c, "%d", count);
            snprintf(l, sizeof l, "%d", k->limits[i].max);
            fl_hit_var(&h, "count", c);
            fl_hit_var(&h, "limit", l);
            fl_hit_var(&h, "value", names.data);
            fl_scan_emit(s, &h);
        }
        break; /* the first limit that applies */
    }
    fl_buf_free(&names);
    int apart = -2; /* not yet asked */
    for (size_t t = 0; t < k->ntopics; t++) {
        if (!(mask & (1 << t))) continue;
        int rc = topic_present(s, k, t, row);
        if (rc < 0) return;
        if (rc) continue;
        if (apart == -2) apart = present_elsewhere(s, k);
        if (apart) return; /* bound apart, or a limit was hit */
        fl_hit h = {.block = row->block, .severity = -1, .message = k->missing_msg, .message_en = k->missing_msg_en,
                    .item = k->topics[t].name};
        fl_hit_var(&h, "value", row->value);
        fl_scan_emit(s, &h);
    }
}

static void describe(const fl_rule *rule, FILE *out)
{
    const special *k = rule->data;
    fprintf(out, "字段：%s；“无”：/%s/\n", k->field, k->none->source);
    for (size_t i = 0; i < k->ntopics; i++) fprintf(out, "专项：%s  /%s/\n", k->topics[i].name, k->topics[i].p->source);
    for (size_t i = 0; i < k->ntriggers; i++) {
        const trigger *t = &k->triggers[i];
        fprintf(out, "须设%s专项：/%s/ 中的数值大于 %g", k->topics[t->topic].name, t->match->source, t->above);
        if (t->near) fprintf(out, "，且同句有 /%s/", t->near->source);
        if (t->form) fprintf(out, "（%s）", t->form);
        fputc('\n', out);
    }
    for (size_t i = 0; i < k->nlimits; i++) {
        const limit *l = &k->limits[i];
        fprintf(out, "专项数量不超过 %d", l->max);
        if (l->when) fprintf(out, "（当字段符合 /%s/）", l->when->source);
        if (l->form) fprintf(out, "（%s）", l->form);
        fputc('\n', out);
    }
    if (k->elsewhere) fprintf(out, "专项另册装订的说法：/%s/\n", k->elsewhere->source);
}

const fl_kind fl_kind_special = {"special", vars, parse, run, describe};
