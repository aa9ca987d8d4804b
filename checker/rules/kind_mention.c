/* Kind `mention`: inside a scope, each listed item must be named — listed,
 * present, or stated absent, which all put the item's words in the scope.
 * One finding per missing item, at the heading of the scope's section; when
 * no section matches the scope (nor its `fallback`), at line 1 for each item
 * ("report"), once for the missing section ("once", with its own message),
 * or nothing, when another rule reports the missing section ("skip").
 *
 *   <mention scope="^环境保护目标" fallback="保护目标" when-scope-missing="skip">
 *     <item name="生态保护红线">生态保护红线|生态红线</item>
 *     <item name="环境风险" scope="^环境影响预测|^环境风险" severity="error"
 *           message="报告书未开展环境风险评价">环境风险</item>
 *   </mention>
 *
 * `fallback` is for filings whose layout lacks the usual subsection: the 2020
 * 报告表 often has only the chapter 三、区域环境质量现状、环境保护目标及评价标准.
 * An item's own `scope` replaces the mention's for that item (a separate
 * 环境风险评价 chapter counts as much as a subsection). An item with
 * since/until is required only on the dates it is in force. */
#include "rules/kind.h"
#include <stdint.h>
#include <string.h>

typedef struct item {
    const char *name;
    const fl_pattern *p;
    int severity; /* -1: the rule's */
    const char *message, *message_en; /* NULL: the rule's */
    fl_scope_spec scope;              /* heading == NULL: the mention's */
    fl_in_force in_force;
} item;

typedef enum { MISSING_REPORT, MISSING_SKIP, MISSING_ONCE } when_missing;

typedef struct mention {
    fl_scope_spec scope, fallback;
    item *items;
    size_t nitems;
    when_missing missing;
    const char *missing_message, *missing_message_en;
} mention;

static const char *const vars[] = {"item", "scope", NULL};

static int parse_item(fl_rule *rule, const xmlNode *c, fl_loader *ld, const mention *k, item *it, fl_error *err)
{
    it->name = fl_loader_attr(ld, c, "name");
    if (fl_loader_pattern_text(ld, c, &it->p, err)) return -1;
    if (!it->name) it->name = it->p->source;
    if (fl_loader_severity(ld, c, "severity", &it->severity, err)) return -1;
    if (fl_loader_message(ld, c, rule, "message", &it->message, err)) return -1;
    if (fl_loader_message(ld, c, rule, "message-en", &it->message_en, err)) return -1;
    if (fl_loader_scope(ld, c, &it->scope, err)) return -1;
    if (fl_loader_in_force(ld, c, &it->in_force, err)) return -1;
    if (!it->scope.heading) it->scope = k->scope;
    return 0;
}

static int parse_missing(fl_rule *rule, const xmlNode *el, fl_loader *ld, mention *k, fl_error *err)
{
    const char *miss = fl_loader_attr(ld, el, "when-scope-missing");
    k->missing = MISSING_REPORT;
    if (miss && !strcmp(miss, "skip")) k->missing = MISSING_SKIP;
    else if (miss && !strcmp(miss, "once")) k->missing = MISSING_ONCE;
    else if (miss && strcmp(miss, "report"))
        return fl_loader_error(err, ld, el, "when-scope-missing must be \"report\", \"once\" or \"skip\"");
    if (fl_loader_message(ld, el, rule, "missing-message", &k->missing_message, err)) return -1;
    if (fl_loader_message(ld, el, rule, "missing-message-en", &k->missing_message_en, err)) return -1;
    if (k->missing_message && k->missing != MISSING_ONCE)
        return fl_loader_error(err, ld, el, "missing-message goes with when-scope-missing=\"once\"");
    return 0;
}

static int parse(fl_rule *rule, const xmlNode *el, fl_loader *ld, fl_error *err)
{
    mention *k = fl_loader_alloc(ld, sizeof *k);
    size_t n = 0;
    for (const xmlNode *c = fl_xml_first(el); c; c = fl_xml_next(c)) n++;
    k->items = fl_loader_alloc(ld, (n + 1) * sizeof *k->items);
    if (fl_loader_scope(ld, el, &k->scope, err)) return -1;
    k->fallback = k->scope;
    k->fallback.heading = NULL;
    if (fl_loader_pattern_attr(ld, el, "fallback", &k->fallback.heading, err)) return -1;
    if (k->fallback.heading && !k->scope.heading)
        return fl_loader_error(err, ld, el, "fallback= goes with scope=");
    if (parse_missing(rule, el, ld, k, err)) return -1;
    for (const xmlNode *c = fl_xml_first(el); c; c = fl_xml_next(c)) {
        if (!fl_xml_named(c, "item"))
            return fl_loader_error(err, ld, c, "unexpected <%s> in <mention> (item)", (const char *)c->name);
        if (parse_item(rule, c, ld, k, &k->items[k->nitems++], err)) return -1;
    }
    if (!k->nitems) return fl_loader_error(err, ld, el, "<mention> needs at least one <item>");
    rule->data = k;
    return 0;
}

static int present(fl_scan *s, const fl_scope *sc, const fl_pattern *p)
{
    size_t ms, me;
    for (size_t i = 0; i < sc->nblocks; i++) {
        int rc = fl_scan_find(s, p, sc->blocks[i], 0, SIZE_MAX, &ms, &me);
        if (rc) return rc;
    }
    return 0;
}

static bool same_scope(const fl_scope_spec *a, const fl_scope_spec *b)
{
    return a->heading == b->heading && a->exclude == b->exclude && a->parts == b->parts && a->level == b->level;
}

/* The scope, else the fallback; NULL after a pattern limit. */
static const fl_scope *main_scope(const mention *k, fl_scan *s, const fl_scope_spec **used)
{
    *used = &k->scope;
    const fl_scope *sc = fl_scan_scope(s, &k->scope);
    if (!sc->found && k->fallback.heading && !fl_scan_failed(s)) {
        *used = &k->fallback;
        sc = fl_scan_scope(s, &k->fallback);
    }
    return fl_scan_failed(s) ? NULL : sc;
}

static void run(const fl_rule *rule, fl_scan *s)
{
    const mention *k = rule->data;
    size_t required = 0;
    for (size_t i = 0; i < k->nitems; i++) required += fl_scan_in_force(s, &k->items[i].in_force);
    if (!required) return; /* nothing to mention on this date, not even the section */
    const fl_scope_spec *used;
    const fl_scope *sc = main_scope(k, s, &used);
    if (!sc) return;
    const char *title = sc->heading >= 0 ? fl_scan_doc(s)->blocks[sc->heading].text : "";
    if (!sc->found && k->missing != MISSING_REPORT) {
        if (k->missing == MISSING_ONCE) {
            fl_hit h = {.block = -1, .severity = -1, .message = k->missing_message,
                        .message_en = k->missing_message_en};
            fl_hit_var(&h, "item", "");
            fl_hit_var(&h, "scope", "");
            fl_scan_emit(s, &h);
        }
        return;
    }
    for (size_t i = 0; i < k->nitems; i++) {
        const item *it = &k->items[i];
        const fl_scope *isc = sc;
        if (!fl_scan_in_force(s, &it->in_force)) continue;
        if (!same_scope(&it->scope, &k->scope) && !same_scope(&it->scope, used)) {
            isc = fl_scan_scope(s, &it->scope);
            if (fl_scan_failed(s)) return;
        }
        int rc = isc->found ? present(s, isc, it->p) : 0;
        if (rc < 0) return;
        if (rc) continue;
        fl_hit h = {.block = sc->heading, .item = it->name, .severity = it->severity,
                    .message = it->message, .message_en = it->message_en};
        fl_hit_var(&h, "scope", title);
        fl_scan_emit(s, &h);
    }
}

static void describe(const fl_rule *rule, FILE *out)
{
    static const char *const when[] = {"每项都报告，位置为第 1 行", "不报告（由其他规则报告）", "报告一次，位置为第 1 行"};
    const mention *k = rule->data;
    fl_scope_describe(&k->scope, out);
    if (k->fallback.heading) fprintf(out, "找不到该章节时改查标题匹配 /%s/ 的章节\n", k->fallback.heading->source);
    if (k->scope.heading) fprintf(out, "找不到该章节时：%s\n", when[k->missing]);
    for (size_t i = 0; i < k->nitems; i++) {
        const item *it = &k->items[i];
        fprintf(out, "须提及：%s  /%s/%s%s", it->name, it->p->source, it->severity >= 0 ? "  级别 " : "",
                it->severity >= 0 ? fl_severity_name((fl_severity)it->severity) : "");
        if (!same_scope(&it->scope, &k->scope)) fprintf(out, "  范围 /%s/", it->scope.heading->source);
        fl_in_force_describe(&it->in_force, out);
        fputc('\n', out);
    }
}

const fl_kind fl_kind_mention = {"mention", vars, parse, run, describe};
