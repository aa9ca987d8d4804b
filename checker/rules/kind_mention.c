/* Kind `mention`: inside a scope, each listed item must be named — listed,
 * present, or stated absent, which all put the item's words in the scope.
 * One finding per missing item, at the heading of the scope's section; when
 * no section matches the scope, at line 1 (or nothing, when another rule
 * reports the missing section: when-scope-missing="skip").
 *
 *   <mention scope="环境保护目标|环境敏感目标" when-scope-missing="skip">
 *     <item name="生态保护红线">生态保护红线|生态红线</item>
 *   </mention>
 */
#include "rules/kind.h"
#include <stdint.h>
#include <string.h>

typedef struct item {
    const char *name;
    const fl_pattern *p;
    int severity; /* -1: the rule's */
} item;

typedef struct mention {
    fl_scope_spec scope;
    item *items;
    size_t nitems;
    bool skip_if_scope_missing;
} mention;

static const char *const vars[] = {"item", "scope", NULL};

static int parse(fl_rule *rule, const xmlNode *el, fl_loader *ld, fl_error *err)
{
    mention *k = fl_loader_alloc(ld, sizeof *k);
    size_t n = 0;
    for (const xmlNode *c = fl_xml_first(el); c; c = fl_xml_next(c)) n++;
    k->items = fl_loader_alloc(ld, (n + 1) * sizeof *k->items);
    if (fl_loader_scope(ld, el, &k->scope, err)) return -1;
    const char *miss = fl_loader_attr(ld, el, "when-scope-missing");
    if (miss && strcmp(miss, "skip") && strcmp(miss, "report"))
        return fl_loader_error(err, ld, el, "when-scope-missing must be \"skip\" or \"report\"");
    k->skip_if_scope_missing = miss && !strcmp(miss, "skip");
    for (const xmlNode *c = fl_xml_first(el); c; c = fl_xml_next(c)) {
        if (!fl_xml_named(c, "item"))
            return fl_loader_error(err, ld, c, "unexpected <%s> in <mention> (item)", (const char *)c->name);
        item *it = &k->items[k->nitems++];
        it->name = fl_loader_attr(ld, c, "name");
        if (fl_loader_pattern_text(ld, c, &it->p, err)) return -1;
        if (!it->name) it->name = it->p->source;
        if (fl_loader_severity(ld, c, "severity", &it->severity, err)) return -1;
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

static void run(const fl_rule *rule, fl_scan *s)
{
    const mention *k = rule->data;
    const fl_scope *sc = fl_scan_scope(s, &k->scope);
    if (fl_scan_failed(s)) return;
    if (!sc->found && k->skip_if_scope_missing) return;
    const char *title = sc->heading >= 0 ? fl_scan_doc(s)->blocks[sc->heading].text : "";
    for (size_t i = 0; i < k->nitems; i++) {
        int rc = sc->found ? present(s, sc, k->items[i].p) : 0;
        if (rc < 0) return;
        if (rc) continue;
        fl_hit h = {.block = sc->heading, .item = k->items[i].name, .severity = k->items[i].severity};
        fl_hit_var(&h, "scope", title);
        fl_scan_emit(s, &h);
    }
}

static void describe(const fl_rule *rule, FILE *out)
{
    const mention *k = rule->data;
    fl_scope_describe(&k->scope, out);
    if (k->scope.heading)
        fprintf(out, "找不到该章节时：%s\n", k->skip_if_scope_missing ? "不报告（由其他规则报告）" : "每项都报告，位置为第 1 行");
    for (size_t i = 0; i < k->nitems; i++)
        fprintf(out, "须提及：%s  /%s/%s%s\n", k->items[i].name, k->items[i].p->source,
                k->items[i].severity >= 0 ? "  级别 " : "",
                k->items[i].severity >= 0 ? fl_severity_name((fl_severity)k->items[i].severity) : "");
}

const fl_kind fl_kind_mention = {"mention", vars, parse, run, describe};
