/* Kind `deviation`: a report restates what the plan set (治理面积, 修复土方量,
 * 中央资金) next to what was done, and the two differ, or it says the
 * technology was changed — with no word anywhere that the change was
 * approved. Used for the soil summary report (SOIL111): a change of
 * technology or of the central funds needs the consent of the approving and
 * reviewing units, and the summary must say whether the work matched the
 * plan.
 *
 *   <deviation plan="实施方案|批复|计划" actual="实际|完成" unless="结余">
 *     <measure name="治理面积" words="治理面积|修复面积" dims="area"/>
 *     <changed name="技术路线" match="技术路线[^。；，]{0,16}调整为" unless="未|无"
 *              message="总结报告写明{measure}变更（{match}）……"/>
 *     <approved>(?:调整|变更)[^。；]{0,40}经[^。；]{0,30}同意</approved>
 *   </deviation>
 *
 * How summaries write it: "实施方案批复的治理面积为1200亩，实际完成治理面积
 * 1185亩" — one paragraph, the planned figure in a clause (between commas)
 * naming the plan, the done figure in a later clause naming what was done.
 * A clause is one role only: one naming both (实际完成实施方案确定的1200亩)
 * or neither (其中严格管控200亩) gives no figure. A clause with two figures
 * of the same dimension outside brackets (实际完成安全利用1000亩、严格管控
 * 200亩) is a list of parts, not the total: no figure either. Figures in
 * brackets are parts or conversions and are passed over. The done clause
 * takes its measure from its own words, else from the planned clause before
 * it in the paragraph; a clause naming two measures gives no figure. Figures compare in base units, within what each one's
 * rounding allows; 约, ranges and comparators are never compared; `dims`
 * keeps a measure to its dimensions (a 修复目标值 in mg/kg beside 污染土壤 is
 * no amount of soil).
 *
 * A table comparing the two (| 内容 | 实施方案 | 实际完成 |, the 对照表 many
 * summaries give) is read too: one header cell naming the plan, one naming
 * what was done, and each row whose label names one measure; the two cells
 * must each be one plain figure (a bare number takes the unit of the row
 * label or the column header), reported at the done cell.
 *
 * Silent for the whole document when `approved` matches anywhere (a summary
 * that tells of an approved change has said what the notice asks); silent
 * for a paragraph that `unless` matches (结余资金: money not spent is no
 * change of the amount). One finding per differing pair, at the done figure;
 * one per `changed` match, at the match. Linear: each paragraph is walked
 * clause by clause once, a clause's patterns searched within it. */
#include "rules/kind.h"
#include "core/quantity.h"
#include "rules/grid.h"
#include "core/utf8.h"
#include <math.h>
#include <stdint.h>
#include <string.h>

typedef struct measure {
    const char *name;
    const fl_pattern *words;
    unsigned dims; /* bit per fl_dim the measure is written in; 0: any */
} measure;

typedef struct changed {
    const char *name;
    const fl_pattern *match, *unless;
    const char *message, *message_en; /* its own: a change has no figures */
} changed;

typedef struct deviation {
    fl_scope_spec scope;
    const fl_pattern *plan, *actual, *unless, *approved;
    measure *measures;
    size_t nmeasures;
    changed *changes;
    size_t nchanges;
} deviation;

static const char *const vars[] = {"measure", "planned", "actual", "match", NULL};

static int parse(fl_rule *rule, const xmlNode *el, fl_loader *ld, fl_error *err)
{
    deviation *k = fl_loader_alloc(ld, sizeof *k);
    size_t nm = 0, nc = 0;
    for (const xmlNode *c = fl_xml_first(el); c; c = fl_xml_next(c)) {
        nm += fl_xml_named(c, "measure");
        nc += fl_xml_named(c, "changed");
    }
    k->measures = fl_loader_alloc(ld, (nm + 1) * sizeof *k->measures);
    k->changes = fl_loader_alloc(ld, (nc + 1) * sizeof *k->changes);
    if (fl_loader_scope(ld, el, &k->scope, err)) return -1;
    if (fl_loader_pattern_attr(ld, el, "plan", &k->plan, err) || fl_loader_pattern_attr(ld, el, "actual", &k->actual, err) ||
        fl_loader_pattern_attr(ld, el, "unless", &k->unless, err))
        return -1;
    for (const xmlNode *c = fl_xml_first(el); c; c = fl_xml_next(c)) {
        if (fl_xml_named(c, "measure")) {
            measure *m = &k->measures[k->nmeasures++];
            m->name = fl_loader_attr(ld, c, "name");
            if (!m->name) return fl_loader_error(err, ld, c, "<measure> needs name=");
            if (fl_loader_pattern_attr(ld, c, "words", &m->words, err)) return -1;
            if (!m->words) return fl_loader_error(err, ld, c, "<measure> needs words=");
            const char **dl;
            size_t nd = fl_loader_list(ld, fl_loader_attr(ld, c, "dims"), false, &dl);
            for (size_t j = 0; j < nd; j++) {
                int d = 1;
                while (d < FL_DIM_COUNT_ && strcmp(dl[j], fl_quantity_dim_name((fl_dim)d))) d++;
                if (d == FL_DIM_COUNT_) return fl_loader_error(err, ld, c, "dims=: unknown dimension \"%s\" (area, volume, mass, money, ...)", dl[j]);
                m->dims |= 1u << d;
            }
        } else if (fl_xml_named(c, "changed")) {
            changed *ch = &k->changes[k->nchanges++];
            ch->name = fl_loader_attr(ld, c, "name");
            if (!ch->name) return fl_loader_error(err, ld, c, "<changed> needs name=");
            if (fl_loader_pattern_attr(ld, c, "match", &ch->match, err) || fl_loader_pattern_attr(ld, c, "unless", &ch->unless, err))
                return -1;
            if (!ch->match) return fl_loader_error(err, ld, c, "<changed> needs match=");
            if (fl_loader_message(ld, c, rule, "message", &ch->message, err) ||
                fl_loader_message(ld, c, rule, "message-en", &ch->message_en, err))
                return -1;
        } else if (fl_xml_named(c, "approved")) {
            if (fl_loader_pattern_text(ld, c, &k->approved, err)) return -1;
        } else {
            return fl_loader_error(err, ld, c, "unexpected <%s> in <deviation> (measure, changed, approved)", (const char *)c->name);
        }
    }
    if (k->nmeasures && (!k->plan || !k->actual))
        return fl_loader_error(err, ld, el, "<deviation> with <measure> needs plan= and actual=");
    if (!k->nmeasures && !k->nchanges) return fl_loader_error(err, ld, el, "<deviation> needs a <measure> or a <changed>");
    rule->data = k;
    return 0;
}

/* ---- clauses ------------------------------------------------------------------ */

/* Length of the clause mark at t[i] (，,。；;！!？?), 0 if none. */
static size_t clause_mark(const char *t, size_t i, size_t len)
{
    static const char *const wide[] = {"\xEF\xBC\x8C", "\xE3\x80\x82", "\xEF\xBC\x9B", "\xEF\xBC\x81", "\xEF\xBC\x9F"};
    if (t[i] == ',' || t[i] == ';' || t[i] == '!' || t[i] == '?') return 1;
    for (size_t w = 0; w < sizeof wide / sizeof *wide; w++)
        if (i + 3 <= len && !memcmp(t + i, wide[w], 3)) return 3;
    return 0;
}

static bool found_in(fl_scan *s, const fl_pattern *p, int b, size_t from, size_t to)
{
    size_t ms, me;
    return p && from < to && fl_scan_find(s, p, b, from, to, &ms, &me) == 1;
}

enum { ROLE_NONE, ROLE_PLAN, ROLE_ACTUAL };

/* The one plain figure of the clause [a, e) outside brackets, of any
 * dimension; false when there is none, or two of one dimension (a list of
 * parts), or a range, 约 or a comparator (not one figure to compare). */
static bool clause_figure(const fl_norm *n, size_t a, size_t e, fl_quantity *out, size_t *qs, size_t *qe)
{
    size_t pos = a, nfound = 0, dpos = a; /* brackets counted once, up to dpos */
    int depth = 0;
    fl_quantity q;
    while (pos < e && fl_quantity_find(&q, n->text + pos, e - pos)) {
        size_t s0 = pos + q.start, e0 = pos + q.end;
        for (; dpos < s0; dpos++) {
            if (n->text[dpos] == '(') depth++;
            else if (n->text[dpos] == ')' && depth > 0) depth--;
        }
        pos = e0 > pos ? e0 : pos + 1;
        if (depth > 0 || q.dim == FL_DIM_NONE || q.dim == FL_DIM_RATIO) continue;
        if (q.range || q.approx || q.cmp != FL_QCMP_EQ) return false;
        if (nfound && q.dim == out->dim) return false;
        if (!nfound) {
            *out = q;
            *qs = s0;
            *qe = e0;
        }
        nfound++;
    }
    return nfound > 0;
}

/* Could a and b be the same figure, each rounded as written? */
static bool same_figure(const fl_quantity *a, const fl_quantity *b)
{
    if (a->base == 0 || b->base == 0) return a->base == b->base;
    double b_in_a = b->base * (a->value / a->base), a_in_b = a->base * (b->value / b->base);
    return fabs(a->base - b->base) <= 1e-9 * fabs(b->base) || fl_quantity_admits(a, b_in_a) || fl_quantity_admits(b, a_in_b);
}

typedef struct pending {
    bool set;
    fl_quantity q;
    size_t start, end;
} pending;

/* One finding at [qs, qe) of block b: planned and actual as the reader
 * should see them. */
static void report_pair(fl_scan *s, int b, size_t qs, size_t qe, const measure *m, const char *planned, const char *actual)
{
    fl_hit h = {.block = b, .span = true, .start = qs, .end = qe, .severity = -1, .item = m->name};
    fl_hit_var(&h, "measure", m->name);
    fl_hit_var(&h, "planned", planned);
    fl_hit_var(&h, "actual", actual);
    fl_scan_emit(s, &h);
}

/* One paragraph: planned figures kept per measure, each compared with the
 * next done figure of that measure and dimension. */
static void scan_figures(fl_scan *s, const deviation *k, int b, pending *pend)
{
    const fl_norm *n = fl_scan_norm(s, b);
    int last_measure = -1;
    memset(pend, 0, k->nmeasures * sizeof *pend);
    for (size_t a = 0; a < n->len && !fl_scan_failed(s);) {
        size_t e = a, mk = 0;
        while (e < n->len && !(mk = clause_mark(n->text, e, n->len))) e++;
        bool plan = found_in(s, k->plan, b, a, e), actual = found_in(s, k->actual, b, a, e);
        int role = plan == actual ? ROLE_NONE : plan ? ROLE_PLAN : ROLE_ACTUAL;
        /* a clause naming two measures (治理面积和中央资金) says which figure
         * is which by word order only: no figure taken from it */
        int mi = -1, nmi = 0;
        for (size_t i = 0; i < k->nmeasures && nmi < 2 && role != ROLE_NONE; i++)
            if (found_in(s, k->measures[i].words, b, a, e)) {
                if (!nmi++) mi = (int)i;
            }
        if (nmi > 1) mi = -1;
        else if (role == ROLE_ACTUAL && nmi == 0) mi = last_measure;
        fl_quantity q;
        size_t qs = 0, qe = 0;
        if (role != ROLE_NONE && mi >= 0 && clause_figure(n, a, e, &q, &qs, &qe) &&
            (!k->measures[mi].dims || (k->measures[mi].dims & (1u << q.dim)))) {
            pending *p = &pend[mi];
            if (role == ROLE_PLAN) {
                *p = (pending){true, q, qs, qe};
                last_measure = mi;
            } else if (p->set && p->q.dim == q.dim) {
                if (!same_figure(&p->q, &q))
                    report_pair(s, b, qs, qe, &k->measures[mi], fl_scan_typed(s, b, p->start, p->end), fl_scan_typed(s, b, qs, qe));
                p->set = false;
            }
        }
        a = e + mk;
        if (!mk) break;
    }
}

/* ---- a table with a plan column and a done column ------------------------------ */

/* The one column whose header cell (first row) names the plan and not what
 * was done (want_plan), or the other way round; -1 when none or several. */
static int role_column(fl_scan *s, const deviation *k, const fl_grid *g, bool want_plan)
{
    int col = -1;
    for (int c = 0; c < g->cols; c++) {
        int b = fl_grid_block(g, 0, c);
        if (b < 0 || fl_grid_spanned(g, 0, c)) continue;
        bool plan = found_in(s, k->plan, b, 0, SIZE_MAX), actual = found_in(s, k->actual, b, 0, SIZE_MAX);
        if (plan == actual || plan != want_plan) continue;
        if (col >= 0) return -1;
        col = c;
    }
    return col;
}

/* A cell that is one plain quantity and nothing else (a bare number takes
 * the unit its row label or column header names). */
static bool cell_figure(const fl_doc *doc, const fl_grid *g, int r, int c, const char *unit, fl_quantity *q)
{
    const char *t = fl_grid_text(doc, g, r, c);
    size_t len = strlen(t);
    while (len && (t[len - 1] == ' ' || t[len - 1] == '\n')) len--;
    while (len && *t == ' ') t++, len--;
    size_t used = len ? fl_quantity_parse(q, t, len, unit) : 0;
    return used == len && used && q->dim != FL_DIM_NONE && !q->range && !q->approx && q->cmp == FL_QCMP_EQ;
}

/* 对照表: | 内容 | 实施方案 | 实际完成 | — each row whose label (the cells
 * before both columns) names one measure compares its two figures. */
static void scan_table(fl_scan *s, const deviation *k, const fl_grid *g)
{
    const fl_doc *doc = fl_scan_doc(s);
    int pc = role_column(s, k, g, true), ac = role_column(s, k, g, false);
    if (pc < 0 || ac < 0 || fl_scan_failed(s)) return;
    int first = pc < ac ? pc : ac;
    if (first == 0) return; /* no label column */
    for (int r = 1; r < g->rows && !fl_scan_failed(s); r++) {
        int mi = -1, nmi = 0;
        const char *unit = NULL;
        for (int c = 0; c < first; c++) {
            int b = fl_grid_block(g, r, c);
            if (b < 0) continue;
            if (!unit) unit = fl_quantity_unit_in(doc->blocks[b].text);
            for (size_t i = 0; i < k->nmeasures; i++)
                if (found_in(s, k->measures[i].words, b, 0, SIZE_MAX) && (int)i != mi) {
                    if (!nmi++) mi = (int)i;
                }
        }
        if (nmi != 1) continue;
        const measure *m = &k->measures[mi];
        int pb = fl_grid_block(g, r, pc), ab = fl_grid_block(g, r, ac);
        if (pb < 0 || ab < 0 || pb == ab || found_in(s, k->unless, ab, 0, SIZE_MAX)) continue;
        const char *pu = unit ? unit : fl_quantity_unit_in(fl_grid_text(doc, g, 0, pc));
        const char *au = unit ? unit : fl_quantity_unit_in(fl_grid_text(doc, g, 0, ac));
        fl_quantity p, q;
        if (!cell_figure(doc, g, r, pc, pu, &p) || !cell_figure(doc, g, r, ac, au, &q) || p.dim != q.dim) continue;
        if (m->dims && !(m->dims & (1u << q.dim))) continue;
        if (same_figure(&p, &q)) continue;
        /* a bare cell takes its unit from the label: say it */
        char pt[64], at[64];
        fl_quantity_text(pt, sizeof pt, &p);
        fl_quantity_text(at, sizeof at, &q);
        report_pair(s, ab, 0, fl_scan_norm(s, ab)->len, m, fl_arena_strdup(fl_scan_arena(s), pt),
                    fl_arena_strdup(fl_scan_arena(s), at));
    }
}

static void scan_changes(fl_scan *s, const deviation *k, int b)
{
    const fl_norm *n = fl_scan_norm(s, b);
    for (size_t i = 0; i < k->nchanges && !fl_scan_failed(s); i++) {
        const changed *ch = &k->changes[i];
        size_t from = 0, ms, me;
        while (from < n->len && fl_scan_find(s, ch->match, b, from, SIZE_MAX, &ms, &me) == 1) {
            /* the clause around the match decides whether it is denied */
            size_t a = ms, e = me;
            while (a > 0 && !clause_mark(n->text, a - 1, n->len) &&
                   !(a >= 3 && clause_mark(n->text, a - 3, n->len) == 3))
                a--;
            while (e < n->len && !clause_mark(n->text, e, n->len)) e++;
            if (!found_in(s, ch->unless, b, a, e)) {
                fl_hit h = {.block = b, .span = true, .start = ms, .end = me, .severity = -1, .item = ch->name,
                            .message = ch->message, .message_en = ch->message_en};
                fl_hit_var(&h, "measure", ch->name);
                fl_hit_var(&h, "match", fl_scan_typed(s, b, ms, me));
                fl_scan_emit(s, &h);
            }
            from = me > ms ? me : ms + fl_utf8_decode(n->text + ms, n->len - ms, &(uint32_t){0});
        }
    }
}

static void run(const fl_rule *rule, fl_scan *s)
{
    const deviation *k = rule->data;
    const fl_doc *doc = fl_scan_doc(s);
    const fl_scope *sc = fl_scan_scope(s, &k->scope);
    if (!sc->found || fl_scan_failed(s)) return;
    if (k->approved)
        for (size_t b = 0; b < doc->nblocks; b++)
            if (found_in(s, k->approved, (int)b, 0, SIZE_MAX) || fl_scan_failed(s)) return;
    pending *pend = fl_arena_alloc(fl_scan_arena(s), (k->nmeasures + 1) * sizeof *pend);
    for (size_t i = 0; i < sc->nblocks && !fl_scan_failed(s); i++) {
        int b = sc->blocks[i];
        const fl_block *blk = &doc->blocks[b];
        if (blk->table && k->nmeasures && fl_block_x(doc, blk)->row == 1 && (i == 0 || doc->blocks[sc->blocks[i - 1]].table != blk->table)) {
            fl_grid g;
            fl_grid_build(&g, fl_scan_arena(s), doc, (size_t)b);
            if (g.rows >= 2 && g.cols >= 3) scan_table(s, k, &g);
        }
        if (blk->kind == FL_BLOCK_HEADING || (blk->flags & FL_BF_TOC)) continue;
        if (found_in(s, k->unless, b, 0, SIZE_MAX)) continue;
        if (k->nmeasures) scan_figures(s, k, b, pend);
        if (k->nchanges) scan_changes(s, k, b);
    }
}

static void describe(const fl_rule *rule, FILE *out)
{
    const deviation *k = rule->data;
    fl_scope_describe(&k->scope, out);
    if (k->nmeasures) {
        fprintf(out, "计划数：同一分句出现 /%s/；实际数：同一分句出现 /%s/（同一段内先计划后实际）\n", k->plan->source,
                k->actual->source);
        for (size_t i = 0; i < k->nmeasures; i++)
        {
            fprintf(out, "比较：%s  /%s/", k->measures[i].name, k->measures[i].words->source);
            for (int d = 1; d < FL_DIM_COUNT_; d++)
                if (k->measures[i].dims & (1u << d)) fprintf(out, " %s", fl_quantity_base_unit((fl_dim)d));
            fputc('\n', out);
        }
    }
    for (size_t i = 0; i < k->nchanges; i++) {
        fprintf(out, "报告变更：%s  /%s/", k->changes[i].name, k->changes[i].match->source);
        if (k->changes[i].unless) fprintf(out, "（同一分句出现 /%s/ 时除外）", k->changes[i].unless->source);
        fputc('\n', out);
    }
    if (k->unless) fprintf(out, "除非同一段中出现：/%s/\n", k->unless->source);
    if (k->approved) fprintf(out, "全文出现 /%s/ 时不报告\n", k->approved->source);
}

const fl_kind fl_kind_deviation = {"deviation", vars, parse, run, describe};
