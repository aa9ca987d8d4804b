/* Kind `forbid`: every match of a pattern inside the scope is a finding,
 * unless an `unless` pattern matches in the same clause, sentence,
 * paragraph, section or document. Used for template residue (DOC001), an
 * undeclared start of construction (EIA102), a site inside a protected area
 * (EIA204).
 *
 *   <forbid scope="..." exclude="现有工程|原有工程" flagged="placeholder">
 *     <match>已开工|已建成</match>
 *     <unless in="clause">现有|原有</unless>
 *     <unless in="paragraph">未批先建|行政处罚</unless>
 *     <requires scope="结论">(?<!不)可行</requires>
 *   </forbid>
 *
 * A clause is the part of a sentence between commas: who a statement is
 * about ("现有工程已建成，本项目…") and whether it is negated are decided
 * there. `requires`: the rule reports only when that pattern is found in its
 * scope (a statement is only wrong together with another one: a site inside
 * a 生态保护红线 and a conclusion of 可行). A <match> with since/until is
 * forbidden only on the dates it is in force. */
#include "rules/kind.h"
#include "core/utf8.h"
#include <stdint.h>
#include <string.h>

typedef enum { IN_SENTENCE, IN_PARAGRAPH, IN_SECTION, IN_DOCUMENT, IN_CLAUSE } unless_in;

typedef struct unless {
    const fl_pattern *p;
    unless_in in;
} unless;

typedef struct forbid {
    fl_scope_spec scope;
    const fl_pattern **match;
    fl_in_force *match_in_force; /* per match: the dates it is forbidden */
    size_t nmatch;
    unless *unless;
    size_t nunless;
    const fl_pattern **requires;
    fl_scope_spec *requires_scope;
    size_t nrequires;
    bool placeholders; /* blocks still showing a content control's placeholder text */
} forbid;

static const char *const vars[] = {"match", NULL};

static int parse_unless(fl_loader *ld, const xmlNode *c, unless *u, fl_error *err)
{
    static const char *const names[] = {"sentence", "paragraph", "section", "document", "clause"};
    const char *in = fl_loader_attr(ld, c, "in");
    u->in = IN_SENTENCE;
    if (in) {
        size_t i = 0;
        while (i < 5 && strcmp(in, names[i])) i++;
        if (i == 5) return fl_loader_error(err, ld, c, "unless in= must be clause, sentence, paragraph, section or document");
        u->in = (unless_in)i;
    }
    return fl_loader_pattern_text(ld, c, &u->p, err);
}

static int parse(fl_rule *rule, const xmlNode *el, fl_loader *ld, fl_error *err)
{
    forbid *k = fl_loader_alloc(ld, sizeof *k);
    size_t nm = 1, nu = 0, nr = 0;
    for (const xmlNode *c = fl_xml_first(el); c; c = fl_xml_next(c)) {
        nm += fl_xml_named(c, "match");
        nu += fl_xml_named(c, "unless");
        nr += fl_xml_named(c, "requires");
    }
    k->match = fl_loader_alloc(ld, nm * sizeof *k->match);
    k->match_in_force = fl_loader_alloc(ld, nm * sizeof *k->match_in_force);
    k->unless = fl_loader_alloc(ld, (nu + 1) * sizeof *k->unless);
    k->requires = fl_loader_alloc(ld, (nr + 1) * sizeof *k->requires);
    k->requires_scope = fl_loader_alloc(ld, (nr + 1) * sizeof *k->requires_scope);
    if (fl_loader_scope(ld, el, &k->scope, err)) return -1;
    const fl_pattern *attr;
    if (fl_loader_pattern_attr(ld, el, "match", &attr, err)) return -1;
    if (attr) k->match[k->nmatch++] = attr;
    for (const xmlNode *c = fl_xml_first(el); c; c = fl_xml_next(c)) {
        if (fl_xml_named(c, "match")) {
            if (fl_loader_in_force(ld, c, &k->match_in_force[k->nmatch], err)) return -1;
            if (fl_loader_pattern_text(ld, c, &k->match[k->nmatch++], err)) return -1;
        } else if (fl_xml_named(c, "unless")) {
            if (parse_unless(ld, c, &k->unless[k->nunless++], err)) return -1;
        } else if (fl_xml_named(c, "requires")) {
            if (fl_loader_scope(ld, c, &k->requires_scope[k->nrequires], err)) return -1;
            if (fl_loader_pattern_text(ld, c, &k->requires[k->nrequires++], err)) return -1;
        } else {
            return fl_loader_error(err, ld, c, "unexpected <%s> in <forbid> (match, unless, requires)", (const char *)c->name);
        }
    }
    const char *flagged = fl_loader_attr(ld, el, "flagged");
    if (flagged && strcmp(flagged, "placeholder"))
        return fl_loader_error(err, ld, el, "flagged= can only be \"placeholder\"");
    k->placeholders = flagged != NULL;
    if (!k->nmatch && !k->placeholders)
        return fl_loader_error(err, ld, el, "<forbid> needs a <match> pattern");
    rule->data = k;
    return 0;
}

static bool any_block_matches(fl_scan *s, const fl_pattern *p, int from, int to)
{
    size_t ms, me;
    for (int b = from; b < to; b++)
        if (fl_scan_find(s, p, b, 0, SIZE_MAX, &ms, &me) != 0) return true; /* -1 too: stop */
    return false;
}

static bool is_comma(const char *t, size_t i, size_t len)
{
    return t[i] == ',' || (i + 3 <= len && !memcmp(t + i, "\xEF\xBC\x8C", 3)); /* ， */
}

/* The clause of block holding normalised offset off: its sentence cut at
 * the commas around off. */
static void clause_of(fl_scan *s, int block, size_t off, size_t *start, size_t *end)
{
    const fl_norm *n = fl_scan_norm(s, block);
    size_t a, b;
    fl_scan_sentence(s, block, off, &a, &b);
    *start = a;
    *end = b;
    for (size_t i = a; i < off && i < n->len; i++)
        if (is_comma(n->text, i, n->len)) *start = i + (n->text[i] == ',' ? 1 : 3);
    for (size_t i = off; i < b && i < n->len; i++)
        if (is_comma(n->text, i, n->len)) {
            *end = i;
            break;
        }
}

/* Is the match at (block, off) excused by an `unless` pattern? */
static bool excused(fl_scan *s, const forbid *k, int block, size_t off)
{
    const fl_doc *doc = fl_scan_doc(s);
    size_t ms, me;
    for (size_t i = 0; i < k->nunless && !fl_scan_failed(s); i++) {
        const unless *u = &k->unless[i];
        if (u->in == IN_SENTENCE || u->in == IN_CLAUSE) {
            size_t a, b;
            if (u->in == IN_SENTENCE) fl_scan_sentence(s, block, off, &a, &b);
            else clause_of(s, block, off, &a, &b);
            if (fl_scan_find(s, u->p, block, a, b, &ms, &me) == 1) return true;
        } else if (u->in == IN_PARAGRAPH) {
            if (fl_scan_find(s, u->p, block, 0, SIZE_MAX, &ms, &me) == 1) return true;
        } else if (u->in == IN_SECTION) {
            int sec = doc->blocks[block].section;
            int from = sec >= 0 ? doc->sections[sec].block : block;
            int to = sec >= 0 ? doc->sections[sec].end : block + 1;
            if (any_block_matches(s, u->p, from, to)) return true;
        }
    }
    return false;
}

/* `unless in="document"`: one look at the whole text before any match. */
static bool excused_by_document(fl_scan *s, const forbid *k)
{
    const fl_doc *doc = fl_scan_doc(s);
    for (size_t i = 0; i < k->nunless; i++)
        if (k->unless[i].in == IN_DOCUMENT && any_block_matches(s, k->unless[i].p, 0, (int)doc->nblocks))
            return true;
    return false;
}

typedef enum { GATE_UNKNOWN, GATE_OPEN, GATE_SHUT } doc_gate;
static bool doc_allows(fl_scan *s, const forbid *k, doc_gate *g);

/* The next match of one <match> pattern at or after the scan position. */
typedef struct pending {
    size_t at, ms, me; /* attempt start (before ms after \K), match */
    bool have, done;
} pending;

/* Is match a taken before match b? The earlier attempt, then the longer
 * match; at a tie the pattern listed first (a's index is lower). */
static bool before(const pending *a, const pending *b)
{
    if (a->at != b->at) return a->at < b->at;
    return a->me - a->ms > b->me - b->ms;
}

/* The <match> patterns of a rule are searched together, as one alternation
 * of them would be: from the scan position, the match whose attempt starts
 * earliest (then the longest, then the first listed) is taken, and the scan
 * goes on after it. Matches of different <match> elements therefore never
 * overlap, and a placeholder described by two patterns is reported once;
 * this is what lets a costly alternation be split into patterns that each
 * start at a rare literal without double findings. A pattern's pending match
 * stays valid while it starts at or after the scan position (where a match
 * attempt succeeds does not depend on where the search began), so each
 * pattern is searched again only when a taken match passed its own: linear
 * in the block. An excused match is not reported but still taken.
 * Returns the number of findings emitted for the block. */
static size_t scan_block(fl_scan *s, const forbid *k, int b, pending *pend, doc_gate *g)
{
    const fl_norm *n = fl_scan_norm(s, b);
    size_t found = 0, pos = 0;
    for (size_t i = 0; i < k->nmatch; i++)
        pend[i] = (pending){.done = !fl_scan_in_force(s, &k->match_in_force[i])};
    for (;;) {
        const pending *best = NULL;
        for (size_t i = 0; i < k->nmatch; i++) {
            pending *m = &pend[i];
            if (m->done) continue;
            if (!m->have || m->at < pos) {
                int rc = pos <= n->len ? fl_scan_find(s, k->match[i], b, pos, SIZE_MAX, &m->ms, &m->me) : 0;
                if (rc < 0) return found;
                m->have = rc == 1;
                m->done = rc == 0;
                if (m->done) continue;
                m->at = fl_scan_attempt(s);
                if (m->at > m->ms) m->at = m->ms;
            }
            if (!best || before(m, best)) best = m;
        }
        if (!best) return found;
        size_t ms = best->ms, me = best->me;
        if (!excused(s, k, b, ms)) {
            if (!doc_allows(s, k, g)) return found;
            fl_hit h = {.block = b, .span = true, .start = ms, .end = me, .severity = -1};
            fl_scan_emit(s, &h);
            found++;
        }
        if (fl_scan_failed(s)) return found;
        if (me > ms) pos = me;
        else if (ms < n->len) pos = ms + fl_utf8_decode(n->text + ms, n->len - ms, &(uint32_t){0});
        else return found;
    }
}

/* A content control still showing its placeholder, when no pattern named
 * its text: reported as the whole block (its text shortened). */
static void placeholder_block(fl_scan *s, int b)
{
    const fl_block *blk = &fl_scan_doc(s)->blocks[b];
    fl_hit h = {.block = b, .severity = -1};
    size_t keep = fl_utf8_prefix(blk->text, blk->len, 40);
    const char *shown = keep < blk->len ? fl_arena_printf(fl_scan_arena(s), "%.*s…", (int)keep, blk->text) : blk->text;
    fl_hit_var(&h, "match", shown);
    fl_scan_emit(s, &h);
}

/* Every `requires` pattern found in its scope? */
static bool requirements_met(fl_scan *s, const forbid *k)
{
    size_t ms, me;
    for (size_t i = 0; i < k->nrequires; i++) {
        const fl_scope *sc = fl_scan_scope(s, &k->requires_scope[i]);
        bool found = false;
        for (size_t b = 0; b < sc->nblocks && !found && !fl_scan_failed(s); b++)
            found = fl_scan_find(s, k->requires[i], sc->blocks[b], 0, SIZE_MAX, &ms, &me) == 1;
        if (!found || fl_scan_failed(s)) return false;
    }
    return true;
}

/* May the rule report in this document: every `requires` found, no `unless
 * in="document"`? Both scan the whole text, so they are looked up once and
 * only when the rule first has something to report, which in most filings
 * most rules never have (EIA204 and EIA210 scanned every block of a large
 * 报告书 for their excuse before finding nothing to excuse). */
static bool doc_allows(fl_scan *s, const forbid *k, doc_gate *g)
{
    if (*g == GATE_UNKNOWN)
        *g = requirements_met(s, k) && !excused_by_document(s, k) && !fl_scan_failed(s) ? GATE_OPEN : GATE_SHUT;
    return *g == GATE_OPEN;
}

static void run(const fl_rule *rule, fl_scan *s)
{
    const forbid *k = rule->data;
    const fl_doc *doc = fl_scan_doc(s);
    const fl_scope *sc = fl_scan_scope(s, &k->scope);
    if (!sc->found || fl_scan_failed(s)) return;
    doc_gate g = GATE_UNKNOWN;
    pending *pend = fl_arena_alloc(fl_scan_arena(s), k->nmatch * sizeof *pend + 1);
    for (size_t i = 0; i < sc->nblocks && !fl_scan_failed(s) && g != GATE_SHUT; i++) {
        int b = sc->blocks[i];
        size_t found = scan_block(s, k, b, pend, &g);
        if (k->placeholders && (doc->blocks[b].flags & FL_BF_PLACEHOLDER) && !fl_scan_failed(s) &&
            !found && doc_allows(s, k, &g))
            placeholder_block(s, b);
    }
}

static void describe(const fl_rule *rule, FILE *out)
{
    static const char *const in_names[] = {"同一句", "同一段", "同一章节", "全文", "同一分句"};
    const forbid *k = rule->data;
    fl_scope_describe(&k->scope, out);
    for (size_t i = 0; i < k->nmatch; i++) {
        fprintf(out, "报告每处匹配：/%s/", k->match[i]->source);
        fl_in_force_describe(&k->match_in_force[i], out);
        fputc('\n', out);
    }
    for (size_t i = 0; i < k->nunless; i++)
        fprintf(out, "除非%s中出现：/%s/\n", in_names[k->unless[i].in], k->unless[i].p->source);
    for (size_t i = 0; i < k->nrequires; i++) {
        fprintf(out, "仅当");
        if (k->requires_scope[i].heading) fprintf(out, "标题匹配 /%s/ 的章节中", k->requires_scope[i].heading->source);
        else fprintf(out, "全文中");
        fprintf(out, "出现 /%s/ 时报告\n", k->requires[i]->source);
    }
    if (k->placeholders) fprintf(out, "另报告仍显示提示文字的内容控件\n");
}

const fl_kind fl_kind_forbid = {"forbid", vars, parse, run, describe};
