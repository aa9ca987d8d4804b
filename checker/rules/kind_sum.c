/* Kind `sum`: amounts listed entry by entry (a year, a phase, a lot) must add
 * up to a stated total (SOIL104: the 年度资金支持计划 against the central
 * funds applied for). Amounts are read as 万元 (core/amount.h: 万元, 元, 亿元,
 * a bare number in the unit of its column or caption).
 *
 *   <sum scope="^年度资金(?:支持)?计划" entry="(?:19|20)\d\d年度?" amount="中央"
 *        other="地方|配套|自筹" skip="合计|小计|总计" unit="万元">
 *     <total field="拟申请中央资金额度"/>
 *     <total match="拟申请中央[^。；]{0,20}?资金"/>
 *   </sum>
 *
 * Entries come from the first table in the scope that has them — rows whose
 * first cell matches `entry` with the column whose header matches `amount`,
 * or, turned round, columns headed by an entry with the row labelled by
 * `amount` — else from sentences: each `entry` followed by an amount that
 * belongs to `amount` (the nearest of the `amount` / `other` words before it,
 * or after it in the same entry, or leading into the list). Rows and
 * sentences matching `skip` (合计) are no entries. The total is the first
 * of the <total> elements found: a field (its label's unit applies), or the
 * first amount after a match in the same sentence. One finding when the sum
 * differs, at the heading of the section holding the entries. */
#include "rules/kind.h"
#include "rules/evidence.h"
#include "rules/grid.h"
#include "core/amount.h"
#include "core/buf.h"
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TOLERANCE_WAN 0.0001 /* one 元 */
#define MAX_SHOWN 8          /* entries named in {entries} */

typedef struct total_src {
    const char **fields; size_t nfields;
    const fl_pattern *label, *match;
    fl_scope_spec scope;
} total_src;

typedef struct sum_k {
    fl_scope_spec scope;
    const fl_pattern *entry, *amount, *other, *skip;
    double unit;             /* 元 per unit of a bare number */
    total_src *totals; size_t ntotals;
} sum_k;

static const char *const vars[] = {"sum", "expected", "count", "entries", NULL};

/* ---- parsing the ruleset -------------------------------------------------- */

static int unit_of_name(const char *u, double *out)
{
    static const struct { const char *name; double yuan; } units[] = {
        {"元", 1}, {"千元", 1e3}, {"万元", 1e4}, {"百万元", 1e6}, {"亿元", 1e8}};
    for (size_t i = 0; i < sizeof units / sizeof *units; i++)
        if (!strcmp(units[i].name, u)) return *out = units[i].yuan, 0;
    return -1;
}

static int parse(fl_rule *rule, const xmlNode *el, fl_loader *ld, fl_error *err)
{
    sum_k *k = fl_loader_alloc(ld, sizeof *k);
    size_t n = 0;
    for (const xmlNode *c = fl_xml_first(el); c; c = fl_xml_next(c)) n++;
    k->totals = fl_loader_alloc(ld, (n + 1) * sizeof *k->totals);
    if (fl_loader_scope(ld, el, &k->scope, err) || fl_loader_pattern_attr(ld, el, "entry", &k->entry, err) ||
        fl_loader_pattern_attr(ld, el, "amount", &k->amount, err) ||
        fl_loader_pattern_attr(ld, el, "other", &k->other, err) ||
        fl_loader_pattern_attr(ld, el, "skip", &k->skip, err))
        return -1;
    if (!k->entry) return fl_loader_error(err, ld, el, "<sum> needs entry=\"pattern\" (what marks one entry, e.g. a year)");
    const char *unit = fl_loader_attr(ld, el, "unit");
    k->unit = 1e4;
    if (unit && unit_of_name(unit, &k->unit)) return fl_loader_error(err, ld, el, "unit must be 元, 千元, 万元, 百万元 or 亿元, not '%s'", unit);
    for (const xmlNode *c = fl_xml_first(el); c; c = fl_xml_next(c)) {
        if (!fl_xml_named(c, "total")) return fl_loader_error(err, ld, c, "unexpected <%s> in <sum> (total)", (const char *)c->name);
        total_src *t = &k->totals[k->ntotals++];
        t->nfields = fl_loader_list(ld, fl_loader_attr(ld, c, "field"), true, &t->fields);
        if (fl_loader_pattern_attr(ld, c, "label", &t->label, err) || fl_loader_pattern_attr(ld, c, "match", &t->match, err) ||
            fl_loader_scope(ld, c, &t->scope, err))
            return -1;
        if ((t->nfields > 0) + (t->label != NULL) + (t->match != NULL) != 1)
            return fl_loader_error(err, ld, c, "<total> needs one of field=\"名称 ...\", label=\"pattern\" or match=\"pattern\"");
    }
    if (!k->ntotals) return fl_loader_error(err, ld, el, "<sum> needs a <total>");
    rule->data = k;
    return 0;
}

/* ---- entries ----------------------------------------------------------------- */

typedef struct entry { int block; double wan; const char *label; } entry;
typedef struct entries { entry *v; size_t n, cap; } entries;

static void add_entry(fl_scan *s, entries *es, int block, double wan, const char *label)
{
    FL_VEC_RESERVE(es->v, es->cap, es->n + 1);
    es->v[es->n++] = (entry){block, wan, fl_arena_strdup(fl_scan_arena(s), label)};
}

/* The unit a header or caption names: （万元）, 单位：元. 0 when none. */
static double unit_in(const char *t)
{
    static const struct { const char *lit; double yuan; } units[] = {
        {"亿元", 1e8}, {"百万元", 1e6}, {"万元", 1e4}, {"千元", 1e3}, {"元", 1}};
    for (size_t i = 0; t && i < sizeof units / sizeof *units; i++)
        if (strstr(t, units[i].lit)) return units[i].yuan;
    return 0;
}

static bool amount_of(fl_scan *s, const char *text, double unit, double *wan)
{
    fl_norm n;
    fl_norm_text(&n, fl_scan_arena(s), text, strlen(text));
    size_t i = 0, len = n.len;
    while (i < len && n.text[i] == ' ') i++;
    while (len > i && n.text[len - 1] == ' ') len--;
    return i < len && fl_amount_parse(wan, n.text + i, len - i, unit) == len - i;
}

/* Tables are read as grids (rules/grid.h) whose merged-down cells cover
 * their first row only: an amount written once for two rows is added once. */
static const char *cell_text(fl_scan *s, const fl_grid *g, int r, int c)
{
    return fl_grid_text(fl_scan_doc(s), g, r, c);
}

/* First column with a non-empty cell in row r: the row's label. */
static int label_col(fl_scan *s, const fl_grid *g, int r)
{
    for (int c = 0; c < g->cols; c++)
        if (*cell_text(s, g, r, c)) return c;
    return -1;
}

static int test(fl_scan *s, const fl_pattern *p, const char *t) { return p ? fl_scan_test(s, p, t) : 0; }

static bool is_entry(fl_scan *s, const sum_k *k, const char *t)
{
    return *t && test(s, k->entry, t) == 1 && test(s, k->skip, t) != 1;
}

/* The unit of a table: its caption or a "单位：万元" line just above it. */
static double caption_unit(fl_scan *s, const fl_grid *g)
{
    const fl_doc *doc = fl_scan_doc(s);
    for (int b = (int)g->first - 1, seen = 0; b >= 0 && seen < 2; b--) {
        if (!doc->blocks[b].len) continue;
        seen++;
        if (doc->blocks[b].table || doc->blocks[b].len > 200) break;
        double u = unit_in(doc->blocks[b].text);
        if (u > 0) return u;
    }
    return 0;
}

static double pick_unit(double a, double b, double c, double dflt)
{
    return a > 0 ? a : b > 0 ? b : c > 0 ? c : dflt;
}

/* Rows are entries, one column holds the amounts. */
static void rows_as_entries(fl_scan *s, const sum_k *k, const fl_grid *g, entries *es)
{
    int first = -1;
    for (int r = 0; r < g->rows && first < 0; r++) {
        int lc = label_col(s, g, r);
        if (lc >= 0 && is_entry(s, k, cell_text(s, g, r, lc))) first = r;
    }
    if (first < 0) return;
    int col = -1;
    fl_buf head = FL_BUF_INIT, all = FL_BUF_INIT;
    for (int c = 1; c < g->cols && col < 0; c++) {
        fl_buf_clear(&head);
        for (int r = 0; r < first; r++) {
            const char *t = cell_text(s, g, r, c);
            fl_buf_adds(&head, t);
            fl_buf_adds(&head, " ");
            fl_buf_adds(&all, t);
        }
        if (head.len && (!k->amount || test(s, k->amount, head.data) == 1)) col = c;
    }
    double unit = pick_unit(unit_in(col >= 0 ? head.data : NULL), unit_in(all.data), caption_unit(s, g), k->unit);
    fl_buf_free(&head);
    fl_buf_free(&all);
    if (col < 0) return;
    for (int r = first; r < g->rows; r++) {
        int lc = label_col(s, g, r);
        const char *label = lc >= 0 ? cell_text(s, g, r, lc) : "";
        double wan;
        if (lc < 0 || lc >= col || !is_entry(s, k, label)) continue;
        if (amount_of(s, cell_text(s, g, r, col), unit, &wan)) add_entry(s, es, fl_grid_block(g, r, col), wan, label);
    }
}

/* Turned round: the first row names the entries, one row holds the amounts. */
static void cols_as_entries(fl_scan *s, const sum_k *k, const fl_grid *g, entries *es)
{
    int row = -1;
    for (int r = 1; r < g->rows && row < 0; r++) {
        int lc = label_col(s, g, r);
        const char *t = lc >= 0 ? cell_text(s, g, r, lc) : "";
        if (*t && (!k->amount || test(s, k->amount, t) == 1) && test(s, k->skip, t) != 1 && !is_entry(s, k, t))
            row = r;
    }
    if (row < 0) return;
    int lc = label_col(s, g, row);
    double unit = pick_unit(unit_in(cell_text(s, g, row, lc)), unit_in(cell_text(s, g, 0, lc)), caption_unit(s, g), k->unit);
    for (int c = lc + 1; c < g->cols; c++) {
        const char *label = cell_text(s, g, 0, c);
        double wan;
        if (fl_grid_spanned(g, row, c)) continue;
        if (is_entry(s, k, label) && amount_of(s, cell_text(s, g, row, c), unit, &wan))
            add_entry(s, es, fl_grid_block(g, row, c), wan, label);
    }
}

static void table_entries(fl_scan *s, const sum_k *k, const fl_scope *sc, entries *es)
{
    const fl_doc *doc = fl_scan_doc(s);
    int done = 0;
    for (size_t i = 0; i < sc->nblocks && !es->n && !fl_scan_failed(s); i++) {
        size_t b = sc->blocks[i];
        int t = doc->blocks[b].table;
        if (!t || t == done) continue;
        done = t;
        while (b > 0 && doc->blocks[b - 1].table == t) b--; /* a scope may begin inside the table */
        fl_grid g;
        fl_grid_build_top(&g, fl_scan_arena(s), doc, b);
        rows_as_entries(s, k, &g, es);
        if (!es->n) cols_as_entries(s, k, &g, es);
    }
}

/* ---- entries in sentences ----------------------------------------------------- */

enum { OWNER_NONE, OWNER_AMOUNT, OWNER_OTHER };

/* The owner word nearest before `to` (or, with after, after `from`) in
 * [from, to); -1 limit. */
static int nearest_word(fl_scan *s, const sum_k *k, int b, size_t from, size_t to, bool after, int *owner)
{
    const fl_pattern *ps[2] = {k->amount, k->other};
    size_t best = after ? SIZE_MAX : 0;
    bool any = false;
    *owner = OWNER_NONE;
    for (int w = 0; w < 2; w++) {
        if (!ps[w]) continue;
        size_t pos = from, ms, me;
        int rc;
        while (pos < to && (rc = fl_scan_find(s, ps[w], b, pos, to, &ms, &me)) == 1) {
            bool better = after ? ms < best : (!any || me > best);
            if (better) {
                best = after ? ms : me;
                any = true;
                *owner = w == 0 ? OWNER_AMOUNT : OWNER_OTHER;
            }
            if (after) break;
            pos = me > ms ? me : ms + 1;
        }
        if (fl_scan_failed(s)) return -1;
    }
    return 0;
}

/* An entry mark right after a range mark (2024—2026年, 2024年至2026年) ends a
 * range: it opens no entry. */
static bool after_range(const fl_norm *n, size_t at)
{
    while (at > 0 && n->text[at - 1] == ' ') at--;
    if (at >= 1 && (n->text[at - 1] == '-' || n->text[at - 1] == '~')) return true;
    return at >= 3 && (!memcmp(n->text + at - 3, "至", 3) || !memcmp(n->text + at - 3, "到", 3));
}

/* One entry: its first amount that belongs to `amount`. */
static void sentence_entry(fl_scan *s, const sum_k *k, int b, size_t seg, size_t end, int lead, const char *label,
                           entries *es)
{
    const fl_norm *n = fl_scan_norm(s, b);
    size_t i = seg;
    while (i < end) {
        double wan;
        size_t at, len = fl_amount_find(&wan, n->text + i, end - i, &at);
        if (!len) return;
        size_t p = i + at;
        int owner, before;
        size_t xs, xe;
        if (k->skip && fl_scan_find(s, k->skip, b, seg, p, &xs, &xe) != 0) return;
        if (nearest_word(s, k, b, seg, p, false, &before)) return;
        owner = before;
        if (owner == OWNER_NONE && nearest_word(s, k, b, p + len, end, true, &owner)) return;
        if (owner == OWNER_NONE) owner = lead;
        if (owner == OWNER_AMOUNT || (owner == OWNER_NONE && !k->amount)) {
            add_entry(s, es, b, wan, label);
            return;
        }
        i = p + len;
    }
}

static void sentence_entries(fl_scan *s, const sum_k *k, const fl_scope *sc, entries *es)
{
    const fl_doc *doc = fl_scan_doc(s);
    int lead = OWNER_NONE; /* the words leading into a list: 中央资金分年度安排如下： */
    for (size_t i = 0; i < sc->nblocks && !fl_scan_failed(s); i++) {
        int b = sc->blocks[i];
        const fl_block *blk = &doc->blocks[b];
        if (blk->table || blk->kind == FL_BLOCK_HEADING || (blk->flags & FL_BF_TOC)) continue;
        const fl_norm *n = fl_scan_norm(s, b);
        size_t pos = 0, ms, me, prev_end = 0;
        while (pos < n->len && fl_scan_find(s, k->entry, b, pos, SIZE_MAX, &ms, &me) == 1) {
            size_t next_ms = n->len, nms, nme, ss, se;
            if (fl_scan_find(s, k->entry, b, me, SIZE_MAX, &nms, &nme) == 1) next_ms = nms;
            fl_scan_sentence(s, b, ms, &ss, &se);
            if (!after_range(n, ms)) {
                int here;
                if (nearest_word(s, k, b, prev_end, ms, false, &here)) return;
                if (here != OWNER_NONE) lead = here;
                const char *label = fl_arena_strndup(fl_scan_arena(s), n->text + ms, me - ms);
                sentence_entry(s, k, b, me, next_ms < se ? next_ms : se, lead, label, es);
            }
            prev_end = me;
            pos = me > ms ? me : ms + 1;
        }
        int last;
        if (nearest_word(s, k, b, prev_end, n->len, false, &last)) return;
        if (last != OWNER_NONE) lead = last;
    }
}

/* ---- the total ----------------------------------------------------------------- */

static bool total_from_fields(fl_scan *s, const sum_k *k, const total_src *t, double *wan, const char **shown)
{
    const fl_doc *doc = fl_scan_doc(s);
    for (size_t i = 0; i < doc->nfields; i++) {
        const fl_field *f = &doc->fields[i];
        const char *unit = "";
        if (!f->value || !*f->value) continue;
        if (t->nfields ? !fl_evidence_field_named(f->name, t->fields, t->nfields, &unit)
                       : fl_scan_test(s, t->label, f->name) != 1)
            continue;
        if (!t->nfields) unit = f->name;
        double u = unit_in(unit);
        if (amount_of(s, f->value, u > 0 ? u : k->unit, wan)) return *shown = f->value, true;
        fl_norm n;
        size_t at;
        fl_norm_text(&n, fl_scan_arena(s), f->value, strlen(f->value));
        if (fl_amount_find(wan, n.text, n.len, &at)) return *shown = f->value, true;
    }
    return false;
}

/* Does [from, to) name an entry (2024年申请…), rather than a range of them
 * (2024—2026年) or their sum (2024年合计)? 1 yes, 0 no, -1 limit. */
static int names_entry(fl_scan *s, const sum_k *k, int b, size_t from, size_t to)
{
    const fl_norm *n = fl_scan_norm(s, b);
    size_t ms, me, xs, xe;
    while (from < to) {
        int rc = fl_scan_find(s, k->entry, b, from, to, &ms, &me);
        if (rc <= 0) return rc;
        int sum = k->skip ? fl_scan_find(s, k->skip, b, me, to, &xs, &xe) : 0;
        if (sum < 0) return sum;
        if (!after_range(n, ms) && !sum) return 1;
        from = me > ms ? me : ms + 1;
    }
    return 0;
}

/* The first amount after a match in its sentence; a sentence that names an
 * entry before the match (2024年申请中央资金500万元) states that entry's
 * amount, not the total. */
static bool total_from_text(fl_scan *s, const sum_k *k, const total_src *t, double *wan)
{
    const fl_doc *doc = fl_scan_doc(s);
    const fl_scope *sc = fl_scan_scope(s, &t->scope);
    for (size_t i = 0; i < sc->nblocks && !fl_scan_failed(s); i++) {
        int b = sc->blocks[i];
        if (doc->blocks[b].flags & FL_BF_TOC) continue;
        const fl_norm *n = fl_scan_norm(s, b);
        size_t pos = 0, ms, me, ss, se, at;
        while (pos < n->len && fl_scan_find(s, t->match, b, pos, SIZE_MAX, &ms, &me) == 1) {
            fl_scan_sentence(s, b, ms, &ss, &se);
            int entry = names_entry(s, k, b, ss, ms);
            if (entry < 0) return false;
            if (!entry && se > me && fl_amount_find(wan, n->text + me, se - me, &at)) return true;
            pos = me > ms ? me : ms + 1;
        }
    }
    return false;
}

static bool find_total(fl_scan *s, const sum_k *k, double *wan)
{
    const char *shown;
    for (size_t i = 0; i < k->ntotals && !fl_scan_failed(s); i++) {
        const total_src *t = &k->totals[i];
        if (t->match ? total_from_text(s, k, t, wan) : total_from_fields(s, k, t, wan, &shown)) return true;
    }
    return false;
}

/* ---- running ---------------------------------------------------------------- */

/* 3200.00, 1234.5678: two decimals at least, four at most, as 万元 are written. */
static const char *money(fl_arena *a, double wan)
{
    char buf[64];
    snprintf(buf, sizeof buf, "%.4f", wan);
    size_t n = strlen(buf);
    while (n > 0 && buf[n - 1] == '0' && n >= 3 && buf[n - 3] != '.') buf[--n] = '\0';
    return fl_arena_strdup(a, buf);
}

static void run(const fl_rule *rule, fl_scan *s)
{
    const sum_k *k = rule->data;
    const fl_scope *sc = fl_scan_scope(s, &k->scope);
    if (fl_scan_failed(s) || !sc->found) return;
    entries es = {NULL, 0, 0};
    table_entries(s, k, sc, &es);
    if (!es.n && !fl_scan_failed(s)) sentence_entries(s, k, sc, &es);
    double total, sum = 0;
    if (es.n && !fl_scan_failed(s) && find_total(s, k, &total) && !fl_scan_failed(s)) {
        fl_buf shown = FL_BUF_INIT;
        for (size_t i = 0; i < es.n; i++) {
            sum += es.v[i].wan;
            if (i < MAX_SHOWN) fl_buf_printf(&shown, "%s%s %s", i ? "、" : "", es.v[i].label, money(fl_scan_arena(s), es.v[i].wan));
        }
        if (es.n > MAX_SHOWN) fl_buf_adds(&shown, "…");
        if (fabs(sum - total) > TOLERANCE_WAN) {
            const fl_doc *doc = fl_scan_doc(s);
            int b = es.v[0].block, sec = doc->blocks[b].section;
            fl_hit h = {.block = sec >= 0 ? doc->sections[sec].block : b, .severity = -1};
            fl_arena *a = fl_scan_arena(s);
            fl_hit_var(&h, "sum", money(a, sum));
            fl_hit_var(&h, "expected", money(a, total));
            fl_hit_var(&h, "count", fl_arena_printf(a, "%zu", es.n));
            fl_hit_var(&h, "entries", fl_arena_strndup(a, shown.data ? shown.data : "", shown.len));
            fl_scan_emit(s, &h);
        }
        fl_buf_free(&shown);
    }
    free(es.v);
}

static void describe(const fl_rule *rule, FILE *out)
{
    const sum_k *k = rule->data;
    fl_scope_describe(&k->scope, out);
    fprintf(out, "逐项：/%s/", k->entry->source);
    if (k->amount) fprintf(out, "，金额属于 /%s/", k->amount->source);
    if (k->other) fprintf(out, "（不属于 /%s/）", k->other->source);
    if (k->skip) fprintf(out, "，不计 /%s/", k->skip->source);
    fputc('\n', out);
    for (size_t i = 0; i < k->ntotals; i++) {
        const total_src *t = &k->totals[i];
        fputs("合计应等于：", out);
        if (t->nfields)
            for (size_t j = 0; j < t->nfields; j++) fprintf(out, "%s%s", j ? " " : "字段 ", t->fields[j]);
        else if (t->label) fprintf(out, "字段 /%s/", t->label->source);
        else fprintf(out, "/%s/ 之后的金额", t->match->source);
        fputc('\n', out);
    }
}

const fl_kind fl_kind_sum = {"sum", vars, parse, run, describe};
