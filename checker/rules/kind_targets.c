/* Kind `targets`: the 环境保护目标 table against the sentences that declare a
 * radius empty (EIA207). "厂界外500米范围内无居民区" above a table that lists
 * a village 320 m from the boundary is a filing contradicting itself; a
 * table that gives no bearing or no distance at all leaves the position of
 * its targets unstated.
 *
 *   <targets caption="保护目标|敏感目标" section="^(?:主要)?(?:环境)?(?:保护|敏感)目标"
 *            name="名称|保护目标|敏感点" distance="距离" position="相对位置|位置关系"
 *            bearing="方位" bearing-value="^[东南西北]" kind="保护对象|类别|性质"
 *            medium-column="环境要素" absent="无|没有|不存在"
 *            reference="排气筒|车间|防护距离" unless="如|若|除|其他"
 *            columns-message="…" columns-message-en="…">
 *     <medium name="声" match="声环境|噪声"/>                       (in order: first match wins)
 *     <target name="居民区" statement="居民|村庄" row="村|小区|居民"/>
 *     <target name="敏感目标" statement="敏感点|敏感目标" all="1"/>
 *   </targets>
 *
 * A targets table: a table whose caption (one of the two lines above it),
 * first row, or section title (`section`) names it, and one of whose first
 * three rows is a header with a name column. A row's distance is read from
 * the distance column, else from a combined position column (东北 320m),
 * with core/quantity.h; a bare number takes the unit the header states
 * (距离（m）) and is not read without one.
 *
 * An absence statement: a length, then 范围/以/之 and 内, then within the
 * same clause an `absent` word, then what is absent up to the clause's end.
 * What it names decides which rows it covers: each <target> whose statement
 * pattern matches the object covers the rows whose name or kind cells match
 * its row pattern; an all="1" target covers every row, and only when no
 * other target is named (学校、医院等敏感目标 is about schools and hospitals).
 *
 * Precision first. Silent: a statement whose sentence matches `unless` (a
 * condition, an exception 除…外, 其他, 集中/大型 qualifiers the table cannot
 * judge) or `reference` (distances from a stack, a workshop, a 防护距离 or
 * a line's centre are not distances from the boundary); a radius that is a
 * range or approximate; a row whose medium (the 环境要素 cell, else the
 * table's caption) differs from the statement's (from its sentence, else its
 * section path); a row whose distance is not one plain reading (ranges count
 * by their lower bound: the near edge of the target is inside when the lower
 * bound is; ≥ and > are silent; an approximate distance counts only when it
 * is under 90 % of the radius); rows of a water medium, or whose name
 * matches `water-name` (北塘河), for an all="1" statement (a river is not
 * what 敏感点 denies). A distance equal to the
 * radius is on its edge, not inside it. */
#include "rules/kind.h"
#include "rules/grid.h"
#include "core/buf.h"
#include "core/quantity.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_MEDIA 12
#define MAX_TARGETS 16
#define NEAR_ABSENT 30 /* bytes between 内 and the absent word: about ten characters */
/* A statement is one sentence of a filing; a "sentence" longer than this
 * (about 400 characters with no 。；) is no statement, and the cap keeps
 * the work per length bounded, so a block is read in linear time. */
#define MAX_SENTENCE 1200
/* Statements judged per document: each is compared with every row, and a
 * filing states a radius empty a few dozen times at most. */
#define MAX_STATEMENTS 512

typedef struct medium_k { const char *name; const fl_pattern *match; bool water; } medium_k;
typedef struct target_k { const char *name; const fl_pattern *statement, *row; bool all; } target_k;

typedef struct targets_k {
    const fl_pattern *caption, *section, *name, *distance, *position, *bearing, *bearing_value, *kind,
        *medium_col, *absent, *reference, *unless, *water_name;
    const char *columns_message, *columns_message_en;
    medium_k media[MAX_MEDIA];
    size_t nmedia;
    target_k targets[MAX_TARGETS];
    size_t ntargets;
} targets_k;

static const char *const vars[] = {"target", "distance", "radius", "line", "statement", "missing", NULL};

static int parse(fl_rule *rule, const xmlNode *el, fl_loader *ld, fl_error *err)
{
    targets_k *k = fl_loader_alloc(ld, sizeof *k);
    static const struct { const char *attr; size_t off; } pats[] = {
        {"caption", offsetof(targets_k, caption)},   {"section", offsetof(targets_k, section)},
        {"name", offsetof(targets_k, name)},         {"distance", offsetof(targets_k, distance)},
        {"position", offsetof(targets_k, position)}, {"bearing", offsetof(targets_k, bearing)},
        {"bearing-value", offsetof(targets_k, bearing_value)}, {"kind", offsetof(targets_k, kind)},
        {"medium-column", offsetof(targets_k, medium_col)}, {"absent", offsetof(targets_k, absent)},
        {"reference", offsetof(targets_k, reference)}, {"unless", offsetof(targets_k, unless)},
        {"water-name", offsetof(targets_k, water_name)},
    };
    for (size_t i = 0; i < sizeof pats / sizeof *pats; i++)
        if (fl_loader_pattern_attr(ld, el, pats[i].attr, (const fl_pattern **)((char *)k + pats[i].off), err)) return -1;
    if (fl_loader_message(ld, el, rule, "columns-message", &k->columns_message, err) ||
        fl_loader_message(ld, el, rule, "columns-message-en", &k->columns_message_en, err))
        return -1;
    if (!k->caption || !k->name || !k->distance || !k->absent)
        return fl_loader_error(err, ld, el, "<targets> needs caption, name, distance and absent patterns");
    for (const xmlNode *c = fl_xml_first(el); c; c = fl_xml_next(c)) {
        const char *name = fl_loader_attr(ld, c, "name");
        if (!name || !*name) return fl_loader_error(err, ld, c, "<%s> needs a name", (const char *)c->name);
        if (fl_xml_named(c, "medium")) {
            if (k->nmedia == MAX_MEDIA) return fl_loader_error(err, ld, c, "at most %d <medium>", MAX_MEDIA);
            medium_k *m = &k->media[k->nmedia++];
            m->name = name;
            const char *w = fl_loader_attr(ld, c, "water");
            m->water = w && !strcmp(w, "1");
            if (fl_loader_pattern_attr(ld, c, "match", &m->match, err)) return -1;
            if (!m->match) return fl_loader_error(err, ld, c, "<medium> needs match");
        } else if (fl_xml_named(c, "target")) {
            if (k->ntargets == MAX_TARGETS) return fl_loader_error(err, ld, c, "at most %d <target>", MAX_TARGETS);
            target_k *t = &k->targets[k->ntargets++];
            t->name = name;
            const char *all = fl_loader_attr(ld, c, "all");
            t->all = all && !strcmp(all, "1");
            if (fl_loader_pattern_attr(ld, c, "statement", &t->statement, err) ||
                fl_loader_pattern_attr(ld, c, "row", &t->row, err))
                return -1;
            if (!t->statement || (!t->all && !t->row))
                return fl_loader_error(err, ld, c, "<target> needs statement, and row unless all=\"1\"");
        } else {
            return fl_loader_error(err, ld, c, "unexpected <%s> in <targets>", (const char *)c->name);
        }
    }
    if (!k->ntargets) return fl_loader_error(err, ld, el, "<targets> needs at least one <target>");
    rule->data = k;
    return 0;
}

/* ---- helpers ------------------------------------------------------------------ */

static int test(fl_scan *s, const fl_pattern *p, const char *t) { return p && t && *t ? fl_scan_test(s, p, t) : 0; }

/* The first medium named in t, -1 none. */
static int medium_of(fl_scan *s, const targets_k *k, const char *t)
{
    for (size_t i = 0; i < k->nmedia; i++)
        if (test(s, k->media[i].match, t) == 1) return (int)i;
    return -1;
}

/* ---- the tables ------------------------------------------------------------------ */

typedef struct row_t {
    int block;          /* the distance's cell */
    const char *name;   /* the name cell */
    const char *what;   /* name and kind cells, for the target patterns */
    int medium;         /* -1 unknown */
    bool water;         /* of a water medium, or named like a water body (北塘河) */
    fl_quantity dist;   /* in metres (base) */
} row_t;

typedef struct tables_t {
    row_t *rows;
    size_t n, cap;
    int *tables; /* ids of the targets tables: their cells hold no statements */
    size_t ntables, cap_tables;
} tables_t;

/* A distance cell: the smallest length read in it (a bare number with the
 * header's unit), false when none or when any reading is unclear. */
static bool cell_distance(const char *t, const char *unit, fl_quantity *out)
{
    size_t len = strlen(t), pos = 0;
    bool found = false;
    fl_quantity q;
    /* a bare number with the header's unit: the whole cell */
    if (unit) {
        size_t used = fl_quantity_parse(&q, t, len, unit);
        if (used) {
            size_t e = used;
            while (e < len && (t[e] == ' ')) e++;
            if (e == len && q.dim == FL_DIM_LENGTH) {
                *out = q;
                return true;
            }
        }
    }
    while (pos < len && fl_quantity_find(&q, t + pos, len - pos)) {
        if (q.dim == FL_DIM_LENGTH && (!found || q.base < out->base)) {
            *out = q;
            found = true;
        }
        pos += q.end;
    }
    return found;
}

/* Is the table whose first block is b named a targets table by the lines
 * above it, its first row or its section title? *caption: the text that
 * named it (for the table's medium). */
static int captioned(fl_scan *s, const targets_k *k, const fl_grid *g, const char **caption)
{
    const fl_doc *doc = fl_scan_doc(s);
    int rc;
    *caption = NULL;
    for (size_t b = g->first, seen = 0; b > 0 && seen < 2; b--) {
        const fl_block *blk = &doc->blocks[b - 1];
        if (!blk->len) continue;
        seen++;
        if (blk->table || blk->len > 200) break;
        if ((rc = test(s, k->caption, blk->text)) != 0) {
            *caption = blk->text;
            return rc;
        }
    }
    for (int c = 0; c < g->cols; c++) {
        const char *t = fl_grid_text(doc, g, 0, c);
        if ((rc = test(s, k->caption, t)) != 0) {
            *caption = t;
            return rc;
        }
    }
    int sec = doc->blocks[g->first].section;
    if (sec >= 0 && k->section) {
        rc = fl_scan_heading(s, k->section, doc->sections[sec].block);
        if (rc) *caption = doc->sections[sec].title;
        return rc;
    }
    return 0;
}

/* The unit a distance header names: 距离（m）, and also the slash form of
 * the 2021 tables, 相对厂界距离/m, read here only for lengths at the end of
 * the header (a slash elsewhere is a unit's own: mg/m³). */
static const char *header_unit(const char *h)
{
    const char *u = fl_quantity_unit_in(h);
    if (u) return u;
    const char *slash = strrchr(h, '/');
    if (!slash || !slash[1]) return NULL;
    char buf[32];
    if (snprintf(buf, sizeof buf, "(%s)", slash + 1) >= (int)sizeof buf) return NULL;
    u = fl_quantity_unit_in(buf);
    return u && fl_quantity_unit_dim(u) == FL_DIM_LENGTH ? u : NULL;
}

enum { COL_NONE, COL_NAME, COL_DIST, COL_POS, COL_BEARING, COL_KIND, COL_MEDIUM };

/* One table: its rows into tt, or the columns warning. */
static void read_table(fl_scan *s, const targets_k *k, const fl_grid *g, tables_t *tt)
{
    const fl_doc *doc = fl_scan_doc(s);
    const char *caption;
    if (captioned(s, k, g, &caption) != 1) return;
    /* the header: the first of three rows with a name column */
    int header = -1, name_col = -1;
    for (int r = 0; r < g->rows && r < 3 && header < 0; r++) {
        int filled = 0, nc = -1;
        for (int c = 0; c < g->cols; c++) {
            if (fl_grid_spanned(g, r, c)) continue;
            const char *t = fl_grid_text(doc, g, r, c);
            if (!*t) continue;
            filled++;
            if (nc < 0 && test(s, k->name, t) == 1 && test(s, k->distance, t) != 1 && test(s, k->position, t) != 1)
                nc = c;
        }
        if (nc >= 0 && filled >= 2) {
            header = r;
            name_col = nc;
        }
    }
    if (header < 0 || fl_scan_failed(s)) return;
    int *role = fl_arena_alloc(fl_scan_arena(s), sizeof *role * (size_t)g->cols);
    int dist_col = -1, pos_col = -1, medium_col = -1;
    bool has_bearing = false;
    const char *unit = NULL;
    for (int c = 0; c < g->cols; c++) {
        role[c] = COL_NONE;
        if (fl_grid_spanned(g, header, c)) continue;
        const char *t = fl_grid_text(doc, g, header, c);
        if (c == name_col) role[c] = COL_NAME;
        else if (test(s, k->distance, t) == 1) {
            role[c] = COL_DIST;
            if (dist_col < 0) {
                dist_col = c;
                unit = header_unit(t);
            }
            if (test(s, k->bearing, t) == 1) has_bearing = true; /* 方位及距离 */
        } else if (test(s, k->position, t) == 1) {
            role[c] = COL_POS;
            if (pos_col < 0) pos_col = c;
            has_bearing = true;
        } else if (test(s, k->bearing, t) == 1) {
            role[c] = COL_BEARING;
            has_bearing = true;
        } else if (test(s, k->medium_col, t) == 1) {
            role[c] = COL_MEDIUM;
            if (medium_col < 0) medium_col = c;
        } else if (test(s, k->kind, t) == 1) role[c] = COL_KIND;
    }
    if (fl_scan_failed(s)) return;
    FL_VEC_RESERVE(tt->tables, tt->cap_tables, tt->ntables + 1);
    tt->tables[tt->ntables++] = g->table;
    /* the table's medium: its caption, else the lines above it (大气环境评价
     * 范围内主要环境保护目标见表2-2), else its section path */
    int table_medium = caption ? medium_of(s, k, caption) : -1;
    for (size_t b = g->first, seen = 0; table_medium < 0 && b > 0 && seen < 2; b--) {
        const fl_block *blk = &doc->blocks[b - 1];
        if (!blk->len) continue;
        seen++;
        if (blk->table || blk->len > 200) break;
        table_medium = medium_of(s, k, blk->text);
    }
    int tsec = doc->blocks[g->first].section;
    if (table_medium < 0 && tsec >= 0) table_medium = medium_of(s, k, doc->sections[tsec].path);
    int listed = 0, first_row_block = -1;
    bool any_len = false, any_bearing = false;
    for (int r = header + 1; r < g->rows; r++) {
        const char *name = fl_grid_text(doc, g, r, name_col);
        int nb = fl_grid_block(g, r, name_col);
        if (!*name || nb < 0 || !strcmp(name, "无") || !strcmp(name, "/") || !strcmp(name, "-") ||
            test(s, k->name, name) == 1) /* a second header row */
            continue;
        /* a row that is one merged cell is a label (大气环境), not a target */
        bool merged = true;
        for (int c = 0; c < g->cols; c++)
            if (fl_grid_block(g, r, c) != nb) merged = false;
        if (merged) continue;
        listed++;
        if (first_row_block < 0) first_row_block = nb;
        fl_buf what = {0};
        fl_buf_adds(&what, name);
        int medium = table_medium;
        for (int c = 0; c < g->cols; c++) {
            if (fl_grid_spanned(g, r, c)) continue;
            const char *t = fl_grid_text(doc, g, r, c);
            if (role[c] == COL_KIND) {
                fl_buf_adds(&what, " ");
                fl_buf_adds(&what, t);
            } else if (role[c] == COL_MEDIUM) {
                int m = medium_of(s, k, t);
                if (m >= 0) medium = m;
            }
            if (c != name_col && role[c] != COL_KIND && role[c] != COL_MEDIUM && *t) {
                fl_quantity q;
                if (!any_len && cell_distance(t, NULL, &q)) any_len = true;
                if (!any_bearing && test(s, k->bearing_value, t) == 1) any_bearing = true;
            }
        }
        int dc = dist_col >= 0 ? dist_col : pos_col;
        int db = dc >= 0 ? fl_grid_block(g, r, dc) : -1;
        fl_quantity q;
        if (db >= 0 && cell_distance(doc->blocks[db].text, dc == dist_col ? unit : NULL, &q)) {
            any_len = true;
            FL_VEC_RESERVE(tt->rows, tt->cap, tt->n + 1);
            bool water = (medium >= 0 && k->media[medium].water) || test(s, k->water_name, name) == 1;
            tt->rows[tt->n++] = (row_t){db, name, fl_arena_strdup(fl_scan_arena(s), what.data ? what.data : ""),
                                        medium, water, q};
        }
        fl_buf_free(&what);
    }
    if (!listed || !k->columns_message || fl_scan_failed(s)) return;
    bool no_dist = dist_col < 0 && pos_col < 0 && !any_len;
    bool no_bearing = !has_bearing && !any_bearing;
    if (!no_dist && !no_bearing) return;
    fl_hit h = {.block = (int)g->first, .severity = FL_SEV_WARNING, .message = k->columns_message,
                .message_en = k->columns_message_en};
    fl_hit_var(&h, "missing", no_dist && no_bearing ? "方位和距离" : no_dist ? "距离" : "方位");
    fl_scan_emit(s, &h);
}

static void read_tables(fl_scan *s, const targets_k *k, tables_t *tt)
{
    const fl_doc *doc = fl_scan_doc(s);
    fl_grid_iter it = {0};
    fl_grid g;
    while (!fl_scan_failed(s) && fl_grid_next(&it, &g, fl_scan_arena(s), doc)) read_table(s, k, &g, tt);
}

/* ---- the statements ----------------------------------------------------------------- */

static bool in_targets_table(const tables_t *tt, int table)
{
    for (size_t i = 0; i < tt->ntables; i++)
        if (tt->tables[i] == table) return true;
    return false;
}

/* After a length at t[i]: 范围, 以/之, 内. Returns the offset after 内, 0 if not. */
static size_t within_words(const char *t, size_t len, size_t i)
{
    static const char *const opt[] = {" ", "的", "范围", "以", "之", " "};
    for (size_t o = 0; o < sizeof opt / sizeof *opt; o++) {
        size_t l = strlen(opt[o]);
        if (i + l <= len && !memcmp(t + i, opt[o], l)) i += l;
    }
    return i + 3 <= len && !memcmp(t + i, "内", 3) ? i + 3 : 0;
}

/* End of the clause at or after i: the next ，, 。；; or sentence end e. */
static size_t clause_end(const char *t, size_t i, size_t e)
{
    static const char *const stops[] = {"，", ",", "。", "；", ";", "：", ":"};
    for (; i < e; i++)
        for (size_t j = 0; j < sizeof stops / sizeof *stops; j++) {
            size_t l = strlen(stops[j]);
            if (i + l <= e && !memcmp(t + i, stops[j], l)) return i;
        }
    return e;
}

/* The medium a statement is about: named in its sentence up to the object's
 * end, else in its section path. -1 unknown. */
static int statement_medium(fl_scan *s, const targets_k *k, int b, size_t ss, size_t oe)
{
    const fl_doc *doc = fl_scan_doc(s);
    const fl_norm *n = fl_scan_norm(s, b);
    char *part = fl_arena_strndup(fl_scan_arena(s), n->text + ss, oe - ss);
    int m = medium_of(s, k, part);
    if (m >= 0) return m;
    int sec = doc->blocks[b].section;
    return sec >= 0 ? medium_of(s, k, doc->sections[sec].path) : -1;
}

static bool distance_inside(const fl_quantity *d, double radius)
{
    if (d->cmp == FL_QCMP_GE || d->cmp == FL_QCMP_GT) return false;
    double lo = d->base;
    if (d->cmp == FL_QCMP_LE || d->cmp == FL_QCMP_LT) return lo <= radius && lo > 0 ? true : lo < radius;
    if (d->approx) return lo < 0.9 * radius;
    return lo < radius;
}

/* [ms, oe): where the statement's medium is named — from the sentence's
 * start, or from the end of an earlier statement in the same sentence
 * (厂界外50米范围内无声环境保护目标，500米范围内无居民区: the second is not
 * about noise). */
static void one_statement(fl_scan *s, const targets_k *k, const tables_t *tt, int b, const fl_quantity *radius,
                          size_t qs, size_t ss, size_t se, size_t ms, size_t os, size_t oe)
{
    const fl_doc *doc = fl_scan_doc(s);
    const fl_norm *n = fl_scan_norm(s, b);
    fl_arena *a = fl_scan_arena(s);
    const char *sentence = fl_arena_strndup(a, n->text + ss, se - ss);
    if (test(s, k->unless, sentence) != 0 || test(s, k->reference, sentence) != 0) return;
    const char *object = fl_arena_strndup(a, n->text + os, oe - os);
    bool named[MAX_TARGETS] = {false}, specific = false, any = false;
    for (size_t i = 0; i < k->ntargets; i++) {
        int rc = test(s, k->targets[i].statement, object);
        if (rc < 0) return;
        named[i] = rc == 1;
        if (named[i] && !k->targets[i].all) specific = true;
        any = any || named[i];
    }
    if (!any) return;
    int medium = statement_medium(s, k, b, ms, oe);
    for (size_t r = 0; r < tt->n && !fl_scan_failed(s); r++) {
        const row_t *row = &tt->rows[r];
        if (medium >= 0 && row->medium >= 0 && row->medium != medium) continue;
        if (!distance_inside(&row->dist, radius->base)) continue;
        const char *covered = NULL;
        for (size_t i = 0; i < k->ntargets && !covered; i++) {
            if (!named[i]) continue;
            const target_k *t = &k->targets[i];
            if (t->all) {
                if (!specific && !row->water) covered = t->name;
            } else if (test(s, t->row, row->what) == 1) {
                covered = t->name;
            }
        }
        if (!covered) continue;
        while (oe > qs && n->text[oe - 1] == ' ') oe--;
        char buf[128];
        fl_hit h = {.block = b, .severity = -1, .span = true, .start = qs, .end = oe};
        fl_hit_var(&h, "target", row->name);
        fl_hit_var(&h, "distance", fl_arena_strdup(a, fl_quantity_text(buf, sizeof buf, &row->dist)));
        fl_hit_var(&h, "radius", fl_arena_strdup(a, fl_quantity_text(buf, sizeof buf, radius)));
        fl_hit_var(&h, "line", fl_arena_printf(a, "%d", doc->blocks[row->block].line));
        /* a PDF copy's space before the comma is no part of what was said */
        char *said = fl_arena_strdup(a, fl_scan_typed(s, b, qs, oe));
        for (size_t l = strlen(said); l > 0 && said[l - 1] == ' '; l--) said[l - 1] = 0;
        fl_hit_var(&h, "statement", said);
        fl_scan_emit(s, &h);
        return; /* one finding per statement: the nearest listed row is enough to show it */
    }
}

static void scan_block(fl_scan *s, const targets_k *k, const tables_t *tt, int b, int *budget)
{
    const fl_norm *n = fl_scan_norm(s, b);
    const char *t = n->text;
    size_t pos = 0, prev_end = 0;
    fl_quantity q;
    while (pos < n->len && fl_quantity_find(&q, t + pos, n->len - pos) && !fl_scan_failed(s)) {
        size_t qs = pos + q.start, qe = pos + q.end;
        pos = qe > pos ? qe : pos + 1;
        if (q.dim != FL_DIM_LENGTH || q.range || q.approx || (q.cmp != FL_QCMP_EQ && q.cmp != FL_QCMP_LE)) continue;
        size_t in = within_words(t, n->len, qe);
        if (!in) continue;
        size_t ss, se;
        fl_scan_sentence(s, b, qs, &ss, &se);
        if (se - ss > MAX_SENTENCE) continue;
        size_t ce = clause_end(t, in, se);
        size_t lim = in + NEAR_ABSENT < ce ? in + NEAR_ABSENT : ce;
        size_t ms, me;
        int rc = fl_scan_find(s, k->absent, b, in, lim, &ms, &me);
        if (rc != 1) continue;
        /* 500米范围内无自然保护区，无居民区、学校: the next clause goes on
         * with the list when it opens with the absent word */
        while (ce < se) {
            size_t nx = ce + (t[ce] == ',' ? 1 : 3);
            static const char *const lead[] = {"也", "亦", "且", "并", "同时", " "};
            for (size_t l = 0; l < sizeof lead / sizeof *lead; l++)
                if (nx + strlen(lead[l]) <= se && !memcmp(t + nx, lead[l], strlen(lead[l]))) nx += strlen(lead[l]);
            if (strncmp(t + ce, "，", 3) && t[ce] != ',') break;
            size_t xs, xe;
            if (fl_scan_find(s, k->absent, b, nx, nx + 9 < se ? nx + 9 : se, &xs, &xe) != 1 || xs != nx) break;
            ce = clause_end(t, xe, se);
        }
        if ((*budget)-- <= 0) return;
        one_statement(s, k, tt, b, &q, qs, ss, se, prev_end > ss ? prev_end : ss, me, ce);
        prev_end = ce;
    }
}

static void run(const fl_rule *rule, fl_scan *s)
{
    const targets_k *k = rule->data;
    const fl_doc *doc = fl_scan_doc(s);
    tables_t tt;
    memset(&tt, 0, sizeof tt);
    read_tables(s, k, &tt);
    int budget = MAX_STATEMENTS;
    if (tt.n && !fl_scan_failed(s)) {
        for (size_t b = 0; b < doc->nblocks && !fl_scan_failed(s); b++) {
            const fl_block *blk = &doc->blocks[b];
            if (blk->kind == FL_BLOCK_HEADING || (blk->flags & FL_BF_TOC) || blk->part == FL_PART_COMMENT) continue;
            if (blk->table && in_targets_table(&tt, blk->table)) continue;
            scan_block(s, k, &tt, (int)b, &budget);
            if (budget <= 0) break;
        }
    }
    free(tt.rows);
    free(tt.tables);
}

static void describe(const fl_rule *rule, FILE *out)
{
    const targets_k *k = rule->data;
    fprintf(out, "保护目标表：表题、首行%s含 /%s/，表头有名称列 /%s/\n", k->section ? "或所在章节" : "", k->caption->source,
            k->name->source);
    fprintf(out, "距离列 /%s/（无则取位置列 /%s/），单位取表头或数值所写，未写单位的裸数不读\n", k->distance->source,
            k->position ? k->position->source : "");
    fprintf(out, "无目标的说法：长度 + 范围内 + /%s/ + 所称目标（至逗号、句号为止）\n", k->absent->source);
    for (size_t i = 0; i < k->ntargets; i++)
        fprintf(out, "目标 %s：说法 /%s/%s%s%s\n", k->targets[i].name, k->targets[i].statement->source,
                k->targets[i].all ? "，涵盖各行（未点名具体目标时）" : "，对应表中名称或类别 /",
                k->targets[i].all ? "" : k->targets[i].row->source, k->targets[i].all ? "" : "/");
    fputs("环境要素：", out);
    for (size_t i = 0; i < k->nmedia; i++) fprintf(out, "%s%s /%s/", i ? "；" : "", k->media[i].name, k->media[i].match->source);
    fputc('\n', out);
    if (k->unless) fprintf(out, "不判断：句中含 /%s/\n", k->unless->source);
    if (k->reference) fprintf(out, "不判断：距离以 /%s/ 为起点\n", k->reference->source);
    if (k->water_name) fprintf(out, "泛称的敏感目标不对照水体行（水环境要素，或名称 /%s/）\n", k->water_name->source);
    fputs("距离写成范围时取下限；≥、> 不判断；约数须小于半径的 90%；等于半径不算在内；要素不同不比较\n", out);
}

const fl_kind fl_kind_targets = {"targets", vars, parse, run, describe};
