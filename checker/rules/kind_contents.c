/* Kind `contents`: required contents, each present as a section of its own
 * (a heading), as a filled-in field (a label/value row), or as an explicit
 * statement in the text — not merely named in a list, such as a quotation of
 * the notice that lists every item. One finding per missing item, at the
 * heading of the section where it belongs (`belongs`), else at the field the
 * item is read from, else at the scope's heading, else at line 1.
 *
 *   <contents scope="..." when-scope-missing="skip" whole-document="soil-sign">
 *     <only-if match="风险管控|修复" in="title fields" fields="项目类型 项目名称"/>
 *     <item name="前期工作投入资金" heading="前期(?:工作)?投入" label="前期工作投入资金"
 *           text="前期(?:工作)?投入[^。；]{0,30}?\d" belongs="^投资估算"/>
 *     <item name="竣工验收情况" heading="竣工验收" if="应当?开展竣工验收"/>
 *   </contents>
 *
 * An item with `if` is required only when that pattern appears in the scope;
 * `containing` requires the matched section to hold that text as well (in a
 * sentence that the item's `unless` does not deny);
 * `text` may look elsewhere with in/fields/unless (evidence.h). The rule runs
 * only when every <only-if> is found, and, with <only-if-chapters min="5"
 * match="…"/>, when at least that many chapters match (a chapter inside
 * another that matches does not count again): an excerpt, one volume of a
 * filing bound in several, or a file whose headings could not be read is
 * not told that it lacks what the whole filing holds. An item with
 * since/until is required only on the dates it is in force. */
#include "rules/kind.h"
#include "rules/evidence.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef struct item {
    const char *name;
    const fl_pattern *heading, *containing, *label, *cond, *belongs;
    fl_evidence text;
    int severity;
    fl_in_force in_force;
} item;

typedef struct contents {
    fl_scope_spec scope;
    bool skip_if_scope_missing;
    const char **whole; size_t nwhole;   /* doc types where the scope is the whole document */
    fl_evidence *only; size_t nonly;
    const fl_pattern *chapters; /* <only-if-chapters match>, NULL none */
    int min_chapters;
    item *items; size_t nitems;
} contents;

static const char *const vars[] = {"item", "scope", NULL};

static int parse_item(item *it, const xmlNode *c, const contents *k, fl_loader *ld, fl_error *err)
{
    it->name = fl_loader_attr(ld, c, "name");
    if (!it->name) return fl_loader_error(err, ld, c, "<item> needs name=\"...\"");
    if (fl_loader_pattern_attr(ld, c, "heading", &it->heading, err) ||
        fl_loader_pattern_attr(ld, c, "containing", &it->containing, err) ||
        fl_loader_pattern_attr(ld, c, "label", &it->label, err) ||
        fl_loader_pattern_attr(ld, c, "if", &it->cond, err) ||
        fl_loader_pattern_attr(ld, c, "belongs", &it->belongs, err) ||
        fl_evidence_parse(&it->text, c, ld, "text", FL_EV_TEXT, &k->scope, err) ||
        fl_loader_severity(ld, c, "severity", &it->severity, err) || fl_loader_in_force(ld, c, &it->in_force, err))
        return -1;
    it->text.skip_headings = true;
    if (!it->heading && !it->label && !it->text.match)
        return fl_loader_error(err, ld, c, "<item> needs heading=, label= or text= (how the item shows)");
    if (it->containing && !it->heading) return fl_loader_error(err, ld, c, "containing= goes with heading=");
    return 0;
}

static int parse(fl_rule *rule, const xmlNode *el, fl_loader *ld, fl_error *err)
{
    contents *k = fl_loader_alloc(ld, sizeof *k);
    size_t n = 0;
    for (const xmlNode *c = fl_xml_first(el); c; c = fl_xml_next(c)) n++;
    k->items = fl_loader_alloc(ld, (n + 1) * sizeof *k->items);
    k->only = fl_loader_alloc(ld, (n + 1) * sizeof *k->only);
    if (fl_loader_scope(ld, el, &k->scope, err)) return -1;
    const char *miss = fl_loader_attr(ld, el, "when-scope-missing");
    if (miss && strcmp(miss, "skip") && strcmp(miss, "report"))
        return fl_loader_error(err, ld, el, "when-scope-missing must be \"skip\" or \"report\"");
    k->skip_if_scope_missing = miss && !strcmp(miss, "skip");
    k->nwhole = fl_loader_list(ld, fl_loader_attr(ld, el, "whole-document"), false, &k->whole);
    for (size_t i = 0; i < k->nwhole; i++)
        if (!fl_doc_type_known(k->whole[i])) return fl_loader_error(err, ld, el, "unknown document type '%s'", k->whole[i]);
    for (const xmlNode *c = fl_xml_first(el); c; c = fl_xml_next(c)) {
        if (fl_xml_named(c, "item")) {
            if (parse_item(&k->items[k->nitems++], c, k, ld, err)) return -1;
        } else if (fl_xml_named(c, "only-if")) {
            fl_evidence *ev = &k->only[k->nonly++];
            if (fl_evidence_parse(ev, c, ld, "match", FL_EV_TITLE | FL_EV_FIELDS | FL_EV_TEXT, NULL, err)) return -1;
            if (!ev->match) return fl_loader_error(err, ld, c, "<only-if> needs match=\"pattern\"");
        } else if (fl_xml_named(c, "only-if-chapters")) {
            if (fl_loader_pattern_attr(ld, c, "match", &k->chapters, err)) return -1;
            const char *min = fl_loader_attr(ld, c, "min");
            k->min_chapters = min ? atoi(min) : 1;
            if (!k->chapters || k->min_chapters < 1)
                return fl_loader_error(err, ld, c, "<only-if-chapters> needs match=\"pattern\" and min=\"N\" (N >= 1)");
        } else {
            return fl_loader_error(err, ld, c, "unexpected <%s> in <contents> (item, only-if)", (const char *)c->name);
        }
    }
    if (!k->nitems) return fl_loader_error(err, ld, el, "<contents> needs at least one <item>");
    rule->data = k;
    return 0;
}

/* ---- running ------------------------------------------------------------- */

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

/* Any block of [from, to) in the scope matching p (headings included) in a
 * sentence that unless (may be NULL) does not deny. */
static int any_block(fl_scan *s, const fl_scope *sc, const fl_pattern *p, const fl_pattern *unless, int from, int to)
{
    size_t ms, me;
    for (size_t i = 0; i < sc->nblocks; i++) {
        int b = sc->blocks[i];
        if (b < from || b >= to || (fl_scan_doc(s)->blocks[b].flags & FL_BF_TOC)) continue;
        int rc = fl_evidence_find_in_block(s, p, unless, b, 0, SIZE_MAX, &ms, &me);
        if (rc) return rc;
    }
    return 0;
}

static int by_heading(fl_scan *s, const fl_scope *sc, const item *it)
{
    const fl_doc *doc = fl_scan_doc(s);
    for (size_t i = 0; i < doc->nsections; i++) {
        const fl_section *sec = &doc->sections[i];
        if (!in_scope(sc, sec->block)) continue;
        int rc = fl_scan_heading(s, it->heading, sec->block);
        if (rc <= 0) {
            if (rc < 0) return rc;
            continue;
        }
        if (!it->containing) return 1;
        rc = any_block(s, sc, it->containing, it->text.unless, sec->block + 1, sec->end);
        if (rc) return rc;
    }
    return 0;
}

static int by_label(fl_scan *s, const fl_scope *sc, const item *it)
{
    const fl_doc *doc = fl_scan_doc(s);
    for (size_t i = 0; i < doc->nfields; i++) {
        const fl_field *f = &doc->fields[i];
        const char *v = f->value;
        while (v && *v == ' ') v++;
        if (!v || !*v || (f->block >= 0 && !in_scope(sc, f->block))) continue;
        int rc = fl_scan_test(s, it->label, f->name);
        if (rc) return rc;
    }
    return 0;
}

static int present(fl_scan *s, const fl_scope *sc, const item *it)
{
    int rc = 0;
    if (it->heading) rc = by_heading(s, sc, it);
    if (!rc && it->label) rc = by_label(s, sc, it);
    if (!rc && it->text.match) rc = fl_evidence_find(s, &it->text, NULL);
    return rc;
}

/* The heading of the first section whose title matches p, -1 if none. */
static int section_of(fl_scan *s, const fl_pattern *p)
{
    const fl_doc *doc = fl_scan_doc(s);
    for (size_t i = 0; i < doc->nsections; i++) {
        int rc = fl_scan_heading(s, p, doc->sections[i].block);
        if (rc) return rc > 0 ? doc->sections[i].block : -1;
    }
    return -1;
}

/* An item read from fields and not found there is wrong where the field is. */
static int field_block(const fl_doc *doc, const fl_evidence *ev)
{
    for (size_t k = 0; (ev->in & FL_EV_FIELDS) && k < ev->nfields; k++) /* in the order listed */
        for (size_t i = 0; i < doc->nfields; i++)
            if (doc->fields[i].value && *doc->fields[i].value &&
                fl_evidence_field_named(doc->fields[i].name, ev->fields + k, 1, NULL))
                return doc->fields[i].block;
    return -1;
}

static bool whole_document(const contents *k, fl_scan *s)
{
    const char *t = fl_scan_doc_type(s);
    for (size_t i = 0; t && i < k->nwhole; i++)
        if (!strcmp(k->whole[i], t)) return true;
    return false;
}

/* Chapters whose heading matches p, a match inside a matching chapter not
 * counted again; -1 when a limit was hit. */
static int chapters_matching(fl_scan *s, const fl_pattern *p)
{
    const fl_doc *doc = fl_scan_doc(s);
    bool *covered = fl_arena_alloc(fl_scan_arena(s), doc->nsections + 1);
    int n = 0;
    for (size_t i = 0; i < doc->nsections; i++) {
        int parent = doc->sections[i].parent;
        bool above = parent >= 0 && covered[parent];
        int rc = fl_scan_heading(s, p, doc->sections[i].block);
        if (rc < 0) return -1;
        covered[i] = above || rc == 1;
        n += rc == 1 && !above;
    }
    return n;
}

static void run(const fl_rule *rule, fl_scan *s)
{
    const contents *k = rule->data;
    for (size_t i = 0; i < k->nonly; i++)
        if (fl_evidence_find(s, &k->only[i], NULL) != 1) return;
    if (k->chapters && chapters_matching(s, k->chapters) < k->min_chapters) return;
    fl_scope_spec spec = k->scope;
    if (whole_document(k, s)) spec.heading = NULL;
    const fl_scope *sc = fl_scan_scope(s, &spec);
    if (fl_scan_failed(s) || (!sc->found && k->skip_if_scope_missing)) return;
    for (size_t i = 0; i < k->nitems; i++) {
        const item *it = &k->items[i];
        if (!fl_scan_in_force(s, &it->in_force)) continue;
        item local = *it; /* text is read from the scope, which a whole-document type widens */
        local.text.scope = spec;
        if (it->cond) {
            int rc = sc->found ? any_block(s, sc, it->cond, NULL, 0, INT32_MAX) : 0;
            if (rc < 0) return;
            if (!rc) continue;
        }
        int rc = present(s, sc, &local); /* a missing scope still has a title and fields */
        if (rc < 0 || fl_scan_failed(s)) return;
        if (rc) continue;
        int at = it->belongs ? section_of(s, it->belongs) : -1;
        if (fl_scan_failed(s)) return;
        if (at < 0) at = field_block(fl_scan_doc(s), &it->text);
        if (at < 0) at = sc->heading;
        fl_hit h = {.block = at, .item = it->name, .severity = it->severity};
        fl_hit_var(&h, "scope", sc->heading >= 0 ? fl_scan_doc(s)->blocks[sc->heading].text : "");
        fl_scan_emit(s, &h);
    }
}

static void describe(const fl_rule *rule, FILE *out)
{
    const contents *k = rule->data;
    fl_scope_describe(&k->scope, out);
    if (k->scope.heading)
        fprintf(out, "找不到该章节时：%s\n", k->skip_if_scope_missing ? "不报告" : "每项都报告，位置为第 1 行");
    for (size_t i = 0; i < k->nwhole; i++) fprintf(out, "%s：范围为全文\n", k->whole[i]);
    for (size_t i = 0; i < k->nonly; i++) fl_evidence_describe(&k->only[i], "仅当", out);
    if (k->chapters) fprintf(out, "仅当标题匹配 /%s/ 的章节不少于 %d 个\n", k->chapters->source, k->min_chapters);
    for (size_t i = 0; i < k->nitems; i++) {
        const item *it = &k->items[i];
        fprintf(out, "须有：%s", it->name);
        if (it->heading) fprintf(out, "  标题 /%s/", it->heading->source);
        if (it->containing) fprintf(out, " 且含 /%s/", it->containing->source);
        if (it->label) fprintf(out, "  字段 /%s/", it->label->source);
        bool plain = it->text.in == FL_EV_TEXT && !it->text.unless;
        if (it->text.match && plain) fprintf(out, "  文字 /%s/", it->text.match->source);
        if (it->cond) fprintf(out, "  （仅当出现 /%s/）", it->cond->source);
        if (it->belongs) fprintf(out, "  缺少时指向 /%s/", it->belongs->source);
        fl_in_force_describe(&it->in_force, out);
        fputc('\n', out);
        if (it->text.match && !plain) fl_evidence_describe(&it->text, "  或", out);
    }
}

const fl_kind fl_kind_contents = {"contents", vars, parse, run, describe};
