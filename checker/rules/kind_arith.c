/* Kind `arith`: a filing's own numbers must agree with each other (EIA209:
 * 环保投资 against 总投资 and the 占比 written beside them, and the 合计 of
 * the 环保投资一览表). Numbers are read with core/quantity.h, in base units
 * (元, 万元, 亿元 all as 万元), so a unit converted is no finding; a unit is
 * only assumed where the filing states it (a label 总投资（万元）, a header
 * 投资（万元）, a line 单位：万元 over the table).
 *
 *   <arith>
 *     <share part-fields="环保投资 ..." whole-fields="总投资 ..." ratio-fields="环保投资占比 ..."
 *            part="环保投资" whole="总投资" ratio="占|比例" unless="一期|二期|现有|全厂"
 *            message="..." message-en="..."/>
 *     <table caption="环保投资" amount="投资|金额|费用" total="^(?:合计|总计)" skip="^(?:小计|其中)"
 *            other="依托|现有|全厂" message="..." message-en="..." field-message="..." field-message-en="..."/>
 *     <emission unless="现有|以新带老|全厂" message="..." message-en="..."/>
 *   </arith>
 *
 * <share>: part ÷ whole × 100 against the ratio, from the fields when the
 * filing has all three, else from the first sentence that states all three
 * (总投资5000万元，其中环保投资75万元，占总投资的1.5%). <table>: in each table
 * under a caption (or section, or first row) matching caption, with one
 * amount column and one total row, the rows above the total must add up to
 * it, and the total must equal the part of <share> when that was read, the
 * document has one such table (not 施工期 and 运营期 apart), its unit is
 * stated and neither its caption nor an amount row matches other (依托现有,
 * 全厂: not the project's own investment).
 *
 * <emission>: the yearly amounts of pollutants against the figures they
 * come from (产生量 × (1 − 去除率), 浓度 × 风量 × 时数, 速率 × 时数), in one
 * table row or one sentence; rules/arith_emis.c.
 *
 * Precision first: a value is judged only when it is one plain number (no
 * range, no comparator, no 约), a role read twice with different values makes
 * the check silent, and a difference counts only when it is beyond 1 % of
 * the written value *and* beyond what the written rounding allows (1.5 %
 * admits 1.45–1.55). */
#include "rules/kind.h"
#include "rules/arith_emis.h"
#include "rules/evidence.h"
#include "rules/grid.h"
#include "core/buf.h"
#include "core/quantity.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define REL_TOLERANCE 0.01
#define MAX_SENTENCE 600 /* bytes: about 200 characters */

typedef struct share_k {
    const char **part_f, **whole_f, **ratio_f;
    size_t npart_f, nwhole_f, nratio_f;
    const fl_pattern *part, *whole, *ratio, *unless;
    const char *message, *message_en;
} share_k;

typedef struct table_k {
    const fl_pattern *caption, *amount, *total, *skip, *other;
    const char *message, *message_en, *field_message, *field_message_en;
} table_k;

typedef struct arith_k {
    fl_scope_spec scope;
    share_k *share;
    table_k *table;
    fl_emis_k *emission;
} arith_k;

static const char *const vars[] = {"stated", "computed", "part", "whole", "sum", "total", "rows", "field", "formula", "quantity", "emission", NULL};

/* ---- parsing the ruleset -------------------------------------------------- */

static int parse_share(share_k *k, const xmlNode *c, const fl_rule *rule, fl_loader *ld, fl_error *err)
{
    k->npart_f = fl_loader_list(ld, fl_loader_attr(ld, c, "part-fields"), true, &k->part_f);
    k->nwhole_f = fl_loader_list(ld, fl_loader_attr(ld, c, "whole-fields"), true, &k->whole_f);
    k->nratio_f = fl_loader_list(ld, fl_loader_attr(ld, c, "ratio-fields"), true, &k->ratio_f);
    if (fl_loader_pattern_attr(ld, c, "part", &k->part, err) || fl_loader_pattern_attr(ld, c, "whole", &k->whole, err) ||
        fl_loader_pattern_attr(ld, c, "ratio", &k->ratio, err) || fl_loader_pattern_attr(ld, c, "unless", &k->unless, err) ||
        fl_loader_message(ld, c, rule, "message", &k->message, err) ||
        fl_loader_message(ld, c, rule, "message-en", &k->message_en, err))
        return -1;
    bool fields = k->npart_f && k->nwhole_f && k->nratio_f;
    bool text = k->part && k->whole && k->ratio;
    if (!fields && !text)
        return fl_loader_error(err, ld, c,
                               "<share> needs part-fields, whole-fields and ratio-fields, or part, whole and ratio patterns");
    return 0;
}

static int parse_table(table_k *k, const xmlNode *c, const fl_rule *rule, fl_loader *ld, fl_error *err)
{
    if (fl_loader_pattern_attr(ld, c, "caption", &k->caption, err) ||
        fl_loader_pattern_attr(ld, c, "amount", &k->amount, err) || fl_loader_pattern_attr(ld, c, "total", &k->total, err) ||
        fl_loader_pattern_attr(ld, c, "skip", &k->skip, err) || fl_loader_pattern_attr(ld, c, "other", &k->other, err) ||
        fl_loader_message(ld, c, rule, "message", &k->message, err) ||
        fl_loader_message(ld, c, rule, "message-en", &k->message_en, err) ||
        fl_loader_message(ld, c, rule, "field-message", &k->field_message, err) ||
        fl_loader_message(ld, c, rule, "field-message-en", &k->field_message_en, err))
        return -1;
    if (!k->caption || !k->amount || !k->total)
        return fl_loader_error(err, ld, c, "<table> in <arith> needs caption, amount and total patterns");
    return 0;
}

static int parse(fl_rule *rule, const xmlNode *el, fl_loader *ld, fl_error *err)
{
    arith_k *k = fl_loader_alloc(ld, sizeof *k);
    if (fl_loader_scope(ld, el, &k->scope, err)) return -1;
    for (const xmlNode *c = fl_xml_first(el); c; c = fl_xml_next(c)) {
        if (fl_xml_named(c, "share") && !k->share) {
            k->share = fl_loader_alloc(ld, sizeof *k->share);
            if (parse_share(k->share, c, rule, ld, err)) return -1;
        } else if (fl_xml_named(c, "table") && !k->table) {
            k->table = fl_loader_alloc(ld, sizeof *k->table);
            if (parse_table(k->table, c, rule, ld, err)) return -1;
        } else if (fl_xml_named(c, "emission") && !k->emission) {
            k->emission = fl_loader_alloc(ld, sizeof *k->emission);
            if (fl_emis_parse(k->emission, c, rule, ld, err)) return -1;
        } else {
            return fl_loader_error(err, ld, c, "unexpected <%s> in <arith> (one <share>, one <table>, one <emission>)",
                                   (const char *)c->name);
        }
    }
    if (!k->share && !k->table && !k->emission)
        return fl_loader_error(err, ld, el, "<arith> needs a <share>, a <table> or an <emission>");
    rule->data = k;
    return 0;
}

/* ---- values ----------------------------------------------------------------- */

/* One role's value (rules/arith_emis.h). */
typedef fl_arith_fig value;

/* Is b the same amount as a, within what each one's rounding allows? */
static bool same_written(const fl_quantity *a, double b) { return fabs(a->base - b) <= 1e-9 * fabs(b) || fl_quantity_admits(a, b); }

/* A field named in names (a unit in brackets may follow) whose value is not a
 * quantity makes the role ambiguous: 另行核算, 见附表 say the number is elsewhere. */
static void from_fields(const fl_doc *doc, const char *const *names, size_t n, fl_dim dim, value *v)
{
    for (size_t i = 0; i < doc->nfields; i++) {
        const fl_field *f = &doc->fields[i];
        if (!fl_evidence_field_named(f->name, names, n, NULL)) continue;
        if (!f->qty) {
            v->ambiguous = true;
            continue;
        }
        fl_arith_take(v, f->qty, dim, f->block);
    }
}

static bool usable(const value *v) { return v->found && !v->ambiguous; }

/* ---- a sentence that states all three ------------------------------------------- */

typedef struct mark { size_t end; int role; } mark;
enum { ROLE_WHOLE, ROLE_PART, ROLE_RATIO };

/* The matches of p in [from, to) of block b, appended to marks with role. */
static int collect(fl_scan *s, const fl_pattern *p, int b, size_t from, size_t to, int role, mark **m, size_t *n, size_t *cap)
{
    size_t ms, me;
    int rc;
    while (from < to && (rc = fl_scan_find(s, p, b, from, to, &ms, &me)) == 1) {
        FL_VEC_RESERVE(*m, *cap, *n + 1);
        (*m)[(*n)++] = (mark){me, role};
        from = me > ms ? me : ms + 1;
    }
    return fl_scan_failed(s) ? -1 : 0;
}

/* Are there words of role in [after, at]? */
static bool has_role(const mark *m, size_t n, size_t after, size_t at, int role)
{
    for (size_t i = 0; i < n; i++)
        if (m[i].role == role && m[i].end >= after && m[i].end <= at) return true;
    return false;
}

/* The role of the words nearest before [at], after `after`: -1 none. */
static int owner(const mark *m, size_t n, size_t after, size_t at)
{
    int role = -1;
    size_t best = 0;
    for (size_t i = 0; i < n; i++)
        if (m[i].end >= after && m[i].end <= at && (role < 0 || m[i].end >= best)) {
            best = m[i].end;
            role = m[i].role;
        }
    return role;
}

/* One sentence [ss, se) of block b: the whole, the part and the ratio, each
 * the quantity right after its words (no other quantity between). */
static bool sentence_triple(fl_scan *s, const share_k *k, int b, size_t ss, size_t se, value v[3])
{
    const fl_norm *n = fl_scan_norm(s, b);
    mark *m = NULL;
    size_t nm = 0, cap = 0;
    bool ok = false;
    if (se - ss > MAX_SENTENCE) return false; /* no one statement; keeps the pairing below linear */
    if (collect(s, k->whole, b, ss, se, ROLE_WHOLE, &m, &nm, &cap) || collect(s, k->part, b, ss, se, ROLE_PART, &m, &nm, &cap) ||
        collect(s, k->ratio, b, ss, se, ROLE_RATIO, &m, &nm, &cap))
        goto done;
    /* "总投资" inside "占总投资的" ends where a ratio's words end too: both marks
     * stay; the nearest wins, and a ratio is only a ratio-dimension quantity. */
    memset(v, 0, 3 * sizeof *v);
    size_t pos = ss, prev_end = ss;
    fl_quantity q;
    while (pos < se && fl_quantity_find(&q, n->text + pos, se - pos)) {
        size_t qs = pos + q.start, qe = pos + q.end;
        int role = owner(m, nm, prev_end, qs);
        int want = -1;
        /* a ratio's words may come before the whole: 占总投资5000万元的1.5% */
        if (q.dim == FL_DIM_RATIO && v[ROLE_PART].found && has_role(m, nm, v[ROLE_PART].end, qs, ROLE_RATIO))
            want = ROLE_RATIO;
        else if (q.dim == FL_DIM_MONEY && role != ROLE_RATIO) want = role;
        if (want >= 0) {
            value *t = &v[want];
            fl_arith_take(t, &q, want == ROLE_RATIO ? FL_DIM_RATIO : FL_DIM_MONEY, b);
            if (t->found && !t->span) {
                t->span = true;
                t->start = qs;
                t->end = qe;
            }
        }
        prev_end = qe;
        pos = qe;
    }
    ok = usable(&v[0]) && usable(&v[1]) && usable(&v[2]);
done:
    free(m);
    return ok;
}

static bool from_sentences(fl_scan *s, const arith_k *ak, const share_k *k, value v[3])
{
    const fl_doc *doc = fl_scan_doc(s);
    const fl_scope *sc = fl_scan_scope(s, &ak->scope);
    if (fl_scan_failed(s) || !sc->found) return false;
    for (size_t i = 0; i < sc->nblocks && !fl_scan_failed(s); i++) {
        int b = sc->blocks[i];
        const fl_block *blk = &doc->blocks[b];
        if (blk->table || blk->kind == FL_BLOCK_HEADING || (blk->flags & FL_BF_TOC)) continue;
        const fl_norm *n = fl_scan_norm(s, b);
        size_t pos = 0, ms, me, ss, se;
        while (pos < n->len && fl_scan_find(s, k->part, b, pos, SIZE_MAX, &ms, &me) == 1) {
            fl_scan_sentence(s, b, ms, &ss, &se);
            size_t us, ue;
            int skip = k->unless ? fl_scan_find(s, k->unless, b, ss, se, &us, &ue) : 0;
            if (skip < 0) return false;
            if (!skip && sentence_triple(s, k, b, ss, se, v)) return true;
            pos = se > me ? se : me;
        }
    }
    return false;
}

/* ---- messages --------------------------------------------------------------- */

static const char *qtext(fl_arena *a, const fl_quantity *q)
{
    char buf[128];
    return fl_arena_strdup(a, fl_quantity_text(buf, sizeof buf, q));
}

static const char *num(fl_arena *a, double v, int decimals)
{
    char buf[64];
    return fl_arena_strdup(a, fl_quantity_num_text(buf, sizeof buf, v, decimals));
}

/* Beyond 1 % of the written value and beyond its rounding. */
static bool differs(const fl_quantity *stated, double computed)
{
    double tol = REL_TOLERANCE * fabs(stated->base);
    return fabs(computed - stated->base) > tol && !same_written(stated, computed);
}

/* ---- share ----------------------------------------------------------------------- */

static bool run_share(fl_scan *s, const arith_k *ak, const share_k *k, value *part_out)
{
    const fl_doc *doc = fl_scan_doc(s);
    value v[3];
    memset(v, 0, sizeof v);
    bool have = false;
    if (k->npart_f) {
        from_fields(doc, k->whole_f, k->nwhole_f, FL_DIM_MONEY, &v[ROLE_WHOLE]);
        from_fields(doc, k->part_f, k->npart_f, FL_DIM_MONEY, &v[ROLE_PART]);
        from_fields(doc, k->ratio_f, k->nratio_f, FL_DIM_RATIO, &v[ROLE_RATIO]);
        have = usable(&v[0]) && usable(&v[1]) && usable(&v[2]);
        /* the part alone still serves the table's total */
        if (usable(&v[ROLE_PART])) *part_out = v[ROLE_PART];
        if (!have && (v[0].ambiguous || v[1].ambiguous || v[2].ambiguous)) return false;
    }
    if (!have && k->part && k->whole && k->ratio) {
        have = from_sentences(s, ak, k, v);
        if (have && !part_out->found) *part_out = v[ROLE_PART];
    }
    if (!have || v[ROLE_WHOLE].q.base <= 0) return false;
    double computed = v[ROLE_PART].q.base / v[ROLE_WHOLE].q.base * 100.0;
    const fl_quantity *stated = &v[ROLE_RATIO].q;
    if (!differs(stated, computed)) return true;
    fl_arena *a = fl_scan_arena(s);
    int dec = stated->decimals > 2 ? stated->decimals : 2;
    fl_hit h = {.block = v[ROLE_RATIO].block, .severity = -1, .message = k->message, .message_en = k->message_en};
    if (v[ROLE_RATIO].span) {
        h.span = true;
        h.start = v[ROLE_RATIO].start;
        h.end = v[ROLE_RATIO].end;
    }
    fl_hit_var(&h, "stated", qtext(a, stated));
    fl_hit_var(&h, "computed", fl_arena_printf(a, "%s%%", num(a, computed, dec)));
    fl_hit_var(&h, "part", qtext(a, &v[ROLE_PART].q));
    fl_hit_var(&h, "whole", qtext(a, &v[ROLE_WHOLE].q));
    fl_scan_emit(s, &h);
    return true;
}

/* ---- the table of investments ---------------------------------------------------- */

static int test(fl_scan *s, const fl_pattern *p, const char *t) { return p && t && *t ? fl_scan_test(s, p, t) : 0; }

typedef struct total_row { int row, block; fl_quantity q; } total_row;

/* Does a cell of row r left of column upto match p (合计 after a 序号, 其中：…
 * in the second column)? 1 yes, 0 no, -1 limit. */
static int row_says(fl_scan *s, const fl_pattern *p, const fl_grid *g, int r, int upto)
{
    const fl_doc *doc = fl_scan_doc(s);
    for (int c = 0; c < upto && p; c++) {
        if (fl_grid_spanned(g, r, c)) continue;
        int rc = test(s, p, fl_grid_text(doc, g, r, c));
        if (rc) return rc;
    }
    return 0;
}

/* A table's total, for the comparison with the part: comparable only when
 * its unit is stated and nothing in it is another project's. */
typedef struct table_total { fl_quantity q; int block, rows; bool comparable; } table_total;

/* One table: its rows against its total (a finding when they differ).
 * Returns true with *out when the table has a total that adds up. */
/* One table: its rows against its total (a finding when they differ).
 * Returns true for a table of investments (captioned, one amount column),
 * with out->comparable when its total adds up, its unit is stated and
 * nothing in it is another project's. */
static bool run_table_one(fl_scan *s, const table_k *k, const fl_grid *g, table_total *out)
{
    const fl_doc *doc = fl_scan_doc(s);
    fl_arena *a = fl_scan_arena(s);
    const char *unit_line, *caption;
    if (fl_arith_captioned(s, k->caption, g, &unit_line, &caption) != 1) return false;
    int oc = test(s, k->other, caption);
    if (oc < 0) return false;
    bool others = oc == 1; /* 全厂、现有工程环保投资: not the project's own */
    memset(out, 0, sizeof *out); /* returning true: a table of investments, comparable or not */
    /* the amount column: the one header cell of the first three rows naming
     * an amount (not a share, not a yearly running cost) */
    int col = -1, header_end = -1;
    for (int r = 0; r < g->rows && r < 3 && col < 0; r++)
        for (int c = 1; c < g->cols; c++) {
            if (fl_grid_spanned(g, r, c)) continue;
            const char *t = fl_grid_text(doc, g, r, c);
            if (test(s, k->amount, t) != 1) continue;
            fl_dim d = fl_quantity_unit_dim(fl_quantity_unit_in(t));
            if (d != FL_DIM_NONE && d != FL_DIM_MONEY) continue; /* 占比（%） */
            if (strstr(t, "比例") || strstr(t, "占比") || strstr(t, "元/")) continue; /* 运行费用（万元/年） */
            if (col >= 0) return true; /* two amount columns: 一期/二期, 估算/实际 */
            col = c;
            header_end = r;
        }
    if (col < 0) return false;
    const char *unit = fl_quantity_unit_in(fl_grid_text(doc, g, header_end, col));
    if (!unit && unit_line) unit = fl_quantity_unit_in(unit_line);
    bool unit_stated = unit != NULL;
    const char *sum_unit = unit ? unit : "万元"; /* for adding up only: the rows and the total share it */
    double sum = 0;
    int rows = 0, last_block = -1, max_dec = 0;
    total_row tot = {.row = -1, .block = -1};
    for (int r = header_end + 1; r < g->rows; r++) {
        int b = fl_grid_block(g, r, col);
        if (b < 0 || b == last_block) continue; /* merged over rows: one amount */
        last_block = b;
        const char *t = doc->blocks[b].text;
        int tr = row_says(s, k->total, g, r, col);
        if (tr < 0) return true;
        if (tr == 1) {
            if (tot.row >= 0) return true; /* two totals */
            if (fl_arith_cell(t, sum_unit, FL_DIM_MONEY, &tot.q) != FL_CELL_FIGURE) return true;
            tot.row = r;
            tot.block = b;
            continue;
        }
        if (tot.row >= 0) return true; /* rows after the total: not this shape */
        int sk = row_says(s, k->skip, g, r, col);
        if (sk < 0) return true;
        if (sk == 1) continue;
        int ot = row_says(s, k->other, g, r, col);
        if (ot < 0) return true;
        fl_quantity q;
        int ca = fl_arith_cell(t, sum_unit, FL_DIM_MONEY, &q);
        if (ca == FL_CELL_UNCLEAR) return true;
        if (ca == FL_CELL_NONE) continue;
        if (ot == 1) others = true; /* 依托现有 with an amount */
        sum += q.base;
        if (q.decimals > max_dec) max_dec = q.decimals;
        rows++;
    }
    if (tot.row < 0 || rows < 2) return true;
    int dec = tot.q.decimals > max_dec ? tot.q.decimals : max_dec;
    /* the rows are the figures the writer chose; only the total may have
     * been rounded, to the finest decimals written in the column */
    double per = tot.q.value ? tot.q.base / tot.q.value : 1; /* base per written unit */
    double slack = 0.5 / pow(10, dec) * per;
    double diff = fabs(sum - tot.q.base);
    /* twice the total: the category rows and their items are both listed */
    bool doubled = fabs(sum - 2 * tot.q.base) <= slack;
    if (diff > REL_TOLERANCE * fabs(tot.q.base) && diff > slack && !doubled) {
        fl_hit h = {.block = tot.block, .severity = -1, .message = k->message, .message_en = k->message_en};
        fl_hit_var(&h, "total", qtext(a, &tot.q));
        fl_hit_var(&h, "sum", fl_arena_printf(a, "%s%s", num(a, sum / per, dec), tot.q.unit));
        fl_hit_var(&h, "rows", fl_arena_printf(a, "%d", rows));
        fl_scan_emit(s, &h);
        return true;
    }
    if (doubled && diff > slack) return true;
    *out = (table_total){tot.q, tot.block, rows, unit_stated && !others};
    return true;
}

/* The one table's total against the part: with two tables (施工期 and
 * 运营期, 本项目 and 全厂) neither total need equal it. */
static void compare_total(fl_scan *s, const table_k *k, const table_total *t, const value *part)
{
    if (!t->comparable || !part->found || part->ambiguous) return;
    if (!differs(&t->q, part->q.base) || !differs(&part->q, t->q.base)) return;
    fl_arena *a = fl_scan_arena(s);
    fl_hit h = {.block = t->block, .severity = -1, .message = k->field_message ? k->field_message : k->message,
                .message_en = k->field_message ? k->field_message_en : k->message_en};
    fl_hit_var(&h, "total", qtext(a, &t->q));
    fl_hit_var(&h, "field", qtext(a, &part->q));
    fl_hit_var(&h, "rows", fl_arena_printf(a, "%d", t->rows));
    fl_scan_emit(s, &h);
}

static void run_tables(fl_scan *s, const arith_k *ak, const table_k *k, const value *part)
{
    const fl_doc *doc = fl_scan_doc(s);
    const fl_scope *sc = fl_scan_scope(s, &ak->scope);
    if (fl_scan_failed(s) || !sc->found) return;
    int last_table = 0, ntotals = 0;
    table_total one;
    memset(&one, 0, sizeof one);
    for (size_t i = 0; i < sc->nblocks && !fl_scan_failed(s); i++) {
        int b = sc->blocks[i];
        int t = doc->blocks[b].table;
        if (!t || t == last_table) continue;
        last_table = t;
        const fl_block_extra *x = fl_block_x(doc, &doc->blocks[b]);
        if (x->row != 1) continue; /* a table is read from its first row */
        /* a grid only for a table a caption, section or first cell names */
        int sec = doc->blocks[b].section, near = 0;
        for (size_t p = (size_t)b, seen = 0; p > 0 && seen < 2 && near == 0; p--) {
            const fl_block *pb = &doc->blocks[p - 1];
            if (!pb->len) continue;
            seen++;
            if (pb->table || pb->len > 200) break;
            near = test(s, k->caption, pb->text);
        }
        if (near == 0) near = test(s, k->caption, doc->blocks[b].text);
        if (near == 0 && sec >= 0) near = test(s, k->caption, doc->sections[sec].title);
        if (near != 1) continue;
        fl_grid g;
        fl_grid_build(&g, fl_scan_arena(s), doc, (size_t)b);
        if (g.rows < 3 || g.cols < 2) continue;
        table_total tt;
        if (run_table_one(s, k, &g, &tt) && ntotals++ == 0) one = tt;
    }
    if (ntotals == 1 && !fl_scan_failed(s)) compare_total(s, k, &one, part);
}

static void run(const fl_rule *rule, fl_scan *s)
{
    const arith_k *k = rule->data;
    value part;
    memset(&part, 0, sizeof part);
    if (k->share) run_share(s, k, k->share, &part);
    if (k->table && !fl_scan_failed(s)) run_tables(s, k, k->table, &part);
    if (k->emission && !fl_scan_failed(s)) fl_emis_run(s, &k->scope, k->emission);
}

static void describe(const fl_rule *rule, FILE *out)
{
    const arith_k *k = rule->data;
    fl_scope_describe(&k->scope, out);
    if (k->share) {
        const share_k *sh = k->share;
        fputs("占比 = 部分 ÷ 总额 × 100：", out);
        if (sh->npart_f) {
            fputs("字段", out);
            for (size_t i = 0; i < sh->npart_f; i++) fprintf(out, " %s", sh->part_f[i]);
            fputs(" ÷", out);
            for (size_t i = 0; i < sh->nwhole_f; i++) fprintf(out, " %s", sh->whole_f[i]);
            fputs(" 对照", out);
            for (size_t i = 0; i < sh->nratio_f; i++) fprintf(out, " %s", sh->ratio_f[i]);
        }
        if (sh->part) fprintf(out, "%s同一句中 /%s/ ÷ /%s/ 对照 /%s/ 之后的百分数", sh->npart_f ? "；无字段时取" : "",
                              sh->part->source, sh->whole->source, sh->ratio->source);
        if (sh->unless) fprintf(out, "（不看含 /%s/ 的句子）", sh->unless->source);
        fputc('\n', out);
    }
    if (k->table) {
        const table_k *t = k->table;
        fprintf(out, "表题 /%s/ 的表：金额列 /%s/ 各行之和 = /%s/ 行", t->caption->source, t->amount->source, t->total->source);
        if (t->skip) fprintf(out, "（不计 /%s/ 行）", t->skip->source);
        if (k->share) fputs("；合计 = 上述部分的值", out);
        fputc('\n', out);
    }
    if (k->emission) fl_emis_describe(k->emission, out);
    fputs("误差超过所写数值的 1% 且超出其写法的舍入范围（1.5% 容许 1.45%～1.55%）才报告；"
          "范围、约数、比较符、同一项出现两个不同值时不判断\n", out);
}

const fl_kind fl_kind_arith = {"arith", vars, parse, run, describe};
