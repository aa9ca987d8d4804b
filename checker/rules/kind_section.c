/* Kind `section`: a section whose heading matches must exist — anywhere, or
 * inside the sections selected by `within`. A missing top-level section is
 * reported at line 1; one missing inside `within` at that section's heading.
 *
 *   <section heading="环境保护目标|环境敏感目标|保护目标" name="环境保护目标"/>
 *   <section heading="环境风险" within="环境影响预测与评价" when-scope-missing="skip"/>
 *
 * `label` also accepts a label a printed form puts in the body instead of a
 * heading: the 1999 报告表 has no 环境保护目标 part, it prints
 * "主要环境保护目标（列出名单及保护级别）：" inside its 环境质量状况 box
 * (a cell, or a line of a PDF copy), and a filing answers below it. The
 * pattern says what a label looks like (anchored, with its colon) so that a
 * sentence naming the topic does not count. Blocks are looked at only when
 * no heading matched, once each: linear.
 */
#include "rules/kind.h"
#include <stdint.h>
#include <string.h>

typedef struct section_k {
    const fl_pattern *heading;
    const fl_pattern *label; /* may be NULL */
    int level;
    fl_scope_spec within; /* within.heading == NULL: the whole document */
    const char *name;
    bool skip_if_scope_missing;
} section_k;

static const char *const vars[] = {"name", "scope", NULL};

static int parse(fl_rule *rule, const xmlNode *el, fl_loader *ld, fl_error *err)
{
    section_k *k = fl_loader_alloc(ld, sizeof *k);
    if (fl_loader_pattern_attr(ld, el, "heading", &k->heading, err)) return -1;
    if (!k->heading) return fl_loader_error(err, ld, el, "<section> needs heading=\"pattern\"");
    if (fl_loader_pattern_attr(ld, el, "label", &k->label, err)) return -1;
    fl_scope_spec tmp;
    if (fl_loader_scope(ld, el, &tmp, err)) return -1; /* parts, level */
    k->level = tmp.level;
    k->within.parts = tmp.parts;
    if (fl_loader_pattern_attr(ld, el, "within", &k->within.heading, err)) return -1;
    k->name = fl_loader_attr(ld, el, "name");
    if (!k->name) k->name = k->heading->source;
    const char *miss = fl_loader_attr(ld, el, "when-scope-missing");
    if (miss && strcmp(miss, "skip") && strcmp(miss, "report"))
        return fl_loader_error(err, ld, el, "when-scope-missing must be \"skip\" or \"report\"");
    k->skip_if_scope_missing = miss && !strcmp(miss, "skip");
    rule->data = k;
    return 0;
}

static bool in_scope(const fl_scope *sc, int block)
{
    size_t lo = 0, hi = sc->nblocks;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (sc->blocks[mid] < block) lo = mid + 1;
        else hi = mid;
    }
    return lo < sc->nblocks && sc->blocks[lo] == block;
}

static void run(const fl_rule *rule, fl_scan *s)
{
    const section_k *k = rule->data;
    const fl_doc *doc = fl_scan_doc(s);
    const fl_scope *sc = fl_scan_scope(s, &k->within);
    if (fl_scan_failed(s)) return;
    if (!sc->found && k->skip_if_scope_missing) return;
    for (size_t i = 0; sc->found && i < doc->nsections; i++) {
        const fl_section *sec = &doc->sections[i];
        if (k->level && sec->level != k->level) continue;
        if (k->within.heading && (sec->block == sc->heading || !in_scope(sc, sec->block))) continue;
        int rc = fl_scan_heading(s, k->heading, sec->block);
        if (rc < 0) return;
        if (rc == 1) return; /* found */
    }
    /* a form's printed label in the body, outside contents and lists */
    for (size_t i = 0; k->label && sc->found && i < doc->nblocks; i++) {
        const fl_block *b = &doc->blocks[i];
        if (b->flags & (FL_BF_TOC | FL_BF_LIST) || (b->part != FL_PART_BODY && b->part != FL_PART_TEXTBOX)) continue;
        if (k->within.heading && !in_scope(sc, (int)i)) continue;
        size_t ms, me;
        int rc = fl_scan_find(s, k->label, (int)i, 0, SIZE_MAX, &ms, &me);
        if (rc < 0) return;
        if (rc == 1) return;
    }
    fl_hit h = {.block = sc->heading, .severity = -1};
    fl_hit_var(&h, "name", k->name);
    fl_hit_var(&h, "scope", sc->heading >= 0 ? doc->blocks[sc->heading].text : "");
    fl_scan_emit(s, &h);
}

static void describe(const fl_rule *rule, FILE *out)
{
    const section_k *k = rule->data;
    fprintf(out, "须有标题匹配 /%s/ 的章节", k->heading->source);
    if (k->level) fprintf(out, "（第 %d 级）", k->level);
    if (k->within.heading) fprintf(out, "，位于标题匹配 /%s/ 的章节之内", k->within.heading->source);
    if (k->label) fprintf(out, "；正文中匹配 /%s/ 的表格栏目（如 1999 年版报告表印好的栏目名）也算", k->label->source);
    fputc('\n', out);
}

const fl_kind fl_kind_section = {"section", vars, parse, run, describe};
