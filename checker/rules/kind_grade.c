/* Kind `grade`: the assessment grade a filing states for a medium must not
 * be lower than the grade its own figures give (EIA205).
 *
 *   <grade scope="评价(?:工作)?等级">
 *     <medium name="air" since="2018-12-01" clause="..." message="..." message-en="..."/>
 *     <medium name="noise" .../>
 *     <medium name="risk" since="2019-03-01" .../>
 *   </grade>
 *
 * Everything is read inside the scope (the sections on 评价等级): the stated
 * grade through fl_grade_stated (grades.h), and the figure per medium:
 *  air    Pmax: "Pmax为12.6%", "Pmax=12.6%", "最大地面浓度占标率为12.6%", and
 *         the 占标率/Pi column of the screening tables (the largest value);
 *         ≥ 10 % 一级, 1–10 % 二级, < 1 % 三级
 *  noise  the one 声环境功能区 class stated: 0类 gives 一级, 1类 and 2类 at
 *         least 二级 (the other criteria — the rise at the targets, the
 *         population — can only raise it)
 *  risk   the 环境风险潜势 (the highest stated: the project's potential is
 *         the highest of its media's): Ⅳ/Ⅳ+ 一级, Ⅲ 二级, Ⅱ 三级, Ⅰ 简单分析
 *
 * Precision first: a medium is judged only when its grade is stated once
 * (or the same everywhere) and its figure is read without doubt; two
 * different Pmax, a Pmax below the table's largest Pi, two zone classes, a
 * sentence that lowers a grade, criteria copied from the guideline (values
 * with comparators, 当…时, 按一级评价, several classes in one sentence) and
 * 非正常/事故 figures leave it unjudged. A grade higher than the figure's is
 * never reported: the guidelines raise grades for stated reasons. */
#include "rules/kind.h"
#include "rules/grades.h"
#include "rules/grid.h"
#include "core/quantity.h"
#include <stdio.h>
#include <string.h>

#define MAX_GAP 45 /* bytes between Pmax and its value: "Pmax（NO2）为" */

typedef struct medium_k {
    fl_medium m;
    const char *name, *clause, *message, *message_en;
    /* the grade set by a guideline the filing cites but no longer in force
     * on its date (HJ 2.2-2008): said at warning severity */
    const char *old_code, *old_message, *old_message_en;
    fl_in_force force;
} medium_k;

typedef struct grade_k {
    fl_scope_spec scope;
    medium_k *media;
    size_t n;
} grade_k;

static const char *const vars[] = {"medium", "figure", "stated", "derived", "clause", NULL};

static int parse(fl_rule *rule, const xmlNode *el, fl_loader *ld, fl_error *err)
{
    grade_k *k = fl_loader_alloc(ld, sizeof *k);
    if (fl_loader_scope(ld, el, &k->scope, err)) return -1;
    if (!k->scope.heading) return fl_loader_error(err, ld, el, "<grade> needs a scope (the sections on 评价等级)");
    size_t n = 0;
    for (const xmlNode *c = fl_xml_first(el); c; c = fl_xml_next(c)) n++;
    k->media = fl_loader_alloc(ld, (n ? n : 1) * sizeof *k->media);
    for (const xmlNode *c = fl_xml_first(el); c; c = fl_xml_next(c)) {
        if (!fl_xml_named(c, "medium")) return fl_loader_error(err, ld, c, "unexpected <%s> in <grade>", (const char *)c->name);
        medium_k *mk = &k->media[k->n++];
        mk->name = fl_loader_attr(ld, c, "name");
        if (!mk->name) return fl_loader_error(err, ld, c, "<medium> needs a name");
        if (!strcmp(mk->name, "air")) mk->m = FL_MED_AIR;
        else if (!strcmp(mk->name, "noise")) mk->m = FL_MED_NOISE;
        else if (!strcmp(mk->name, "risk")) mk->m = FL_MED_RISK;
        else return fl_loader_error(err, ld, c, "<medium name=\"%s\">: the grade kind knows air, noise and risk", mk->name);
        mk->clause = fl_loader_attr(ld, c, "clause");
        mk->old_code = fl_loader_attr(ld, c, "old-code");
        if (fl_loader_message(ld, c, rule, "old-message", &mk->old_message, err) ||
            fl_loader_message(ld, c, rule, "old-message-en", &mk->old_message_en, err) ||
            fl_loader_message(ld, c, rule, "message", &mk->message, err) ||
            fl_loader_message(ld, c, rule, "message-en", &mk->message_en, err) ||
            fl_loader_in_force(ld, c, &mk->force, err))
            return -1;
    }
    if (!k->n) return fl_loader_error(err, ld, el, "<grade> needs at least one <medium>");
    rule->data = k;
    return 0;
}

/* ---- the text, sentence by sentence ---------------------------------------------- */

static bool starts(const char *t, size_t len, size_t i, const char *w)
{
    size_t n = strlen(w);
    return i + n <= len && !memcmp(t + i, w, n);
}

/* ---- air: Pmax ------------------------------------------------------------------- */

typedef struct pmax_read {
    bool p_found, p_ambiguous, pi_found;
    fl_quantity p, pi; /* the one Pmax stated; the largest Pi */
} pmax_read;

static void take_pi(pmax_read *r, const fl_quantity *q)
{
    if (!r->pi_found || q->base > r->pi.base) r->pi = *q;
    r->pi_found = true;
}

/* "Pmax" (any case, "P max"), not inside a Latin word. */
static size_t pmax_word(const char *t, size_t len, size_t i)
{
    if (i >= len || (t[i] != 'P' && t[i] != 'p') || (i > 0 && ((t[i - 1] | 0x20) >= 'a' && (t[i - 1] | 0x20) <= 'z')))
        return 0;
    size_t k = i + 1;
    if (k < len && t[k] == ' ') k++;
    if (k + 3 > len || (t[k] | 0x20) != 'm' || (t[k + 1] | 0x20) != 'a' || (t[k + 2] | 0x20) != 'x') return 0;
    return k + 3 - i;
}

/* 占标率 with 最大 shortly before it (最大地面浓度占标率) or right after it
 * (占标率最大值). */
static size_t pi_word(const char *t, size_t a, size_t len, size_t i)
{
    if (!starts(t, len, i, "占标率")) return 0;
    size_t n = strlen("占标率");
    size_t from = i > a + 30 ? i - 30 : a;
    if (fl_text_has(t, from, i, "最大")) return n;
    if (starts(t, len, i + n, "最大")) return n + strlen("最大");
    return 0;
}

/* The marker (Pmax or a largest 占标率) at t[i]: 1 Pmax, 2 largest Pi, 0 none. */
static int pmax_marker(const char *t, size_t ss, size_t se, size_t i, size_t *n)
{
    if ((*n = pmax_word(t, se, i))) return 1;
    if ((*n = pi_word(t, ss, se, i))) return 2;
    return 0;
}

static void pmax_sentence(fl_scan *s, const char *t, size_t ss, size_t se, int block, void *ctx)
{
    (void)s;
    (void)block;
    pmax_read *r = ctx;
    if (fl_text_has(t, ss, se, "非正常") || fl_text_has(t, ss, se, "事故")) return;
    for (size_t i = ss; i < se;) {
        size_t n;
        int mark = pmax_marker(t, ss, se, i, &n);
        if (!mark) {
            i = fl_text_next(t, se, i);
            continue;
        }
        size_t me = i + n;
        fl_quantity q;
        if (!fl_quantity_find(&q, t + me, se - me) || q.start > MAX_GAP) {
            i = me;
            continue;
        }
        /* another marker before the value takes it: 最大地面浓度占标率Pmax为12.6% */
        bool later = false;
        for (size_t k = me; k < me + q.start && !later; k = fl_text_next(t, se, k)) {
            size_t m;
            if (pmax_marker(t, ss, se, k, &m) == 1 || (mark == 2 && pmax_marker(t, ss, se, k, &m))) later = true;
        }
        if (later) {
            i = me;
            continue;
        }
        /* a digit before the quantity is a number without a unit: not this value */
        for (size_t k = me; k < me + q.start; k++) {
            if (t[k] < '0' || t[k] > '9') continue;
            if (k > me && (((t[k - 1] | 0x20) >= 'a' && (t[k - 1] | 0x20) <= 'z') || t[k - 1] == '.')) {
                while (k + 1 < me + q.start && ((t[k + 1] >= '0' && t[k + 1] <= '9') || t[k + 1] == '.')) k++;
                continue; /* NO2, PM2.5: a formula, not a number */
            }
            later = true;
        }
        if (!later && q.dim == FL_DIM_RATIO && !q.range && !q.approx && q.cmp == FL_QCMP_EQ) {
            if (mark == 1) {
                if (r->p_found && q.base != r->p.base) r->p_ambiguous = true;
                if (!r->p_found) r->p = q;
                r->p_found = true;
            } else {
                take_pi(r, &q);
            }
        }
        i = me + q.end;
    }
}

/* The caption lines above a table and its first row name 非正常 (abnormal
 * emissions are not graded). */
static bool abnormal_table(const fl_doc *doc, const fl_grid *g)
{
    for (size_t b = g->first, seen = 0; b > 0 && seen < 2; b--) {
        const fl_block *blk = &doc->blocks[b - 1];
        if (!blk->len) continue;
        seen++;
        if (blk->table) break;
        if (strstr(blk->text, "非正常") || strstr(blk->text, "事故")) return true;
    }
    for (int c = 0; c < g->cols; c++)
        if (strstr(fl_grid_text(doc, g, 0, c), "非正常")) return true;
    return false;
}

static bool pi_header(const char *h)
{
    if (strstr(h, "D10") || strstr(h, "d10")) return false;
    if (strstr(h, "占标率")) return true;
    for (const char *p = h; *p; p++)
        if ((*p == 'P' || *p == 'p') && (p == h || !((p[-1] | 0x20) >= 'a' && (p[-1] | 0x20) <= 'z'))) {
            char c1 = p[1];
            if ((c1 == 'i' || c1 == 'I') && !((p[2] | 0x20) >= 'a' && (p[2] | 0x20) <= 'z')) return true;
            if (pmax_word(p, strlen(p), 0)) return true;
        }
    return false;
}

static void pmax_table(fl_scan *s, const fl_grid *g, pmax_read *r)
{
    const fl_doc *doc = fl_scan_doc(s);
    if (abnormal_table(doc, g)) return;
    int col = -1, head = -1;
    for (int r0 = 0; r0 < g->rows && r0 < 2 && col < 0; r0++)
        for (int c = 1; c < g->cols; c++) {
            if (fl_grid_spanned(g, r0, c)) continue;
            if (pi_header(fl_grid_text(doc, g, r0, c))) {
                if (col >= 0) return; /* two Pi columns: 小时 and 日均, 一类区 and 二类区 */
                col = c;
                head = r0;
            }
        }
    if (col < 0) return;
    for (int row = head + 1; row < g->rows; row++) {
        if (strstr(fl_grid_text(doc, g, row, 0), "非正常")) continue;
        const char *t = fl_grid_text(doc, g, row, col);
        size_t len = strlen(t), a = 0;
        while (a < len && t[a] == ' ') a++;
        while (len > a && t[len - 1] == ' ') len--;
        fl_quantity q;
        size_t used = fl_quantity_parse(&q, t + a, len - a, "%");
        if (used && a + used == len && q.dim == FL_DIM_RATIO && !q.range && !q.approx && q.cmp == FL_QCMP_EQ)
            take_pi(r, &q);
    }
}

static void each_table(fl_scan *s, const fl_scope *sc, void (*fn)(fl_scan *, const fl_grid *, pmax_read *), pmax_read *r)
{
    const fl_doc *doc = fl_scan_doc(s);
    int last = 0;
    for (size_t i = 0; i < sc->nblocks && !fl_scan_failed(s); i++) {
        int b = sc->blocks[i];
        const fl_block *blk = &doc->blocks[b];
        if (!blk->table || blk->table == last || fl_block_x(doc, blk)->row != 1) continue;
        last = blk->table;
        fl_grid g;
        fl_grid_build(&g, fl_scan_arena(s), doc, (size_t)b);
        if (g.rows >= 2 && g.cols >= 2) fn(s, &g, r);
    }
}

/* The grade Pmax gives (HJ 2.2-2018), or 0 when Pmax is not read cleanly. */
static int air_grade(fl_scan *s, const fl_scope *sc, const char **figure)
{
    pmax_read r;
    memset(&r, 0, sizeof r);
    {
        static const char *const need[] = {"%", NULL}; /* what pmax_sentence cannot read without */
        fl_grade_sentences_with(s, sc, need, pmax_sentence, &r);
    }
    each_table(s, sc, pmax_table, &r);
    if (fl_scan_failed(s) || r.p_ambiguous) return 0;
    const fl_quantity *q;
    if (r.p_found) {
        /* a Pi above the stated Pmax: the filing contradicts itself, another matter */
        if (r.pi_found && r.pi.base > r.p.base && !fl_quantity_admits(&r.p, r.pi.base)) return 0;
        q = &r.p;
    } else if (r.pi_found) {
        q = &r.pi; /* the largest Pi is Pmax */
    } else {
        return 0;
    }
    char buf[64];
    *figure = fl_arena_printf(fl_scan_arena(s), "Pmax = %s", fl_quantity_text(buf, sizeof buf, q));
    return q->base >= 10.0 ? 1 : q->base >= 1.0 ? 2 : 3;
}

/* ---- noise: the zone class --------------------------------------------------------- */

typedef struct zone_read { bool found, ambiguous; fl_class_tok c; } zone_read;

static void zone_sentence(fl_scan *s, const char *t, size_t ss, size_t se, int block, void *ctx)
{
    (void)s;
    (void)block;
    zone_read *z = ctx;
    /* the guideline's criteria copied: "GB 3096规定的1类、2类地区…按二级评价" */
    if (fl_text_has(t, ss, se, "规定的") || fl_text_has(t, ss, se, "按一级") || fl_text_has(t, ss, se, "按二级") || fl_text_has(t, ss, se, "按三级") ||
        fl_text_has(t, ss, se, "施工"))
        return;
    fl_class_tok found[4];
    size_t nf = 0;
    bool several = false;
    for (size_t i = ss; i < se;) {
        fl_class_tok c;
        fl_medium after = FL_MED_NONE;
        size_t n = fl_class_before_medium(t, se, i, &after, &c);
        if (n && after != FL_MED_NOISE) n = 0;
        if (!n) n = fl_class_at(t, se, i, FL_MED_NOISE, &c);
        if (!n) {
            i = fl_text_next(t, se, i);
            continue;
        }
        int role = FL_MED_TOPIC;
        if (after == FL_MED_NOISE || (fl_medium_before(t, ss, i, &role) == FL_MED_NOISE && role != FL_MED_BUILD)) {
            for (size_t k = 0; k < nf; k++)
                if (found[k].value != c.value) several = true;
            /* a target's zone is not the site's */
            if (nf < 4 && fl_class_role(t, ss, se, &c, role) == FL_CLASS_ZONE && !fl_zone_of_others(t, ss, se, i))
                found[nf++] = c;
            else if (nf >= 4) several = true;
        }
        i += n;
    }
    if (several) return; /* a list of classes: criteria, or zones side by side */
    for (size_t k = 0; k < nf; k++) {
        if (z->found && z->c.value != found[k].value) z->ambiguous = true;
        if (!z->found) z->c = found[k];
        z->found = true;
    }
}

static int noise_grade(fl_scan *s, const fl_scope *sc, const char **figure)
{
    zone_read z;
    memset(&z, 0, sizeof z);
    {
        static const char *const need[] = {"类", NULL}; /* what zone_sentence cannot read without */
        fl_grade_sentences_with(s, sc, need, zone_sentence, &z);
    }
    if (fl_scan_failed(s) || !z.found || z.ambiguous) return 0;
    char buf[32];
    *figure = fl_arena_printf(fl_scan_arena(s), "%s声环境功能区", fl_class_text(buf, sizeof buf, FL_MED_NOISE, &z.c));
    return z.c.value == 0 ? 1 : z.c.value <= 2 ? 2 : 3;
}

/* ---- risk: the potential ----------------------------------------------------------- */

typedef struct potential_read { bool found; int max; bool plus; } potential_read;

static void potential_sentence(fl_scan *s, const char *t, size_t ss, size_t se, int block, void *ctx)
{
    (void)s;
    (void)block;
    potential_read *p = ctx;
    int vals[8], nv = 0, distinct = 0;
    bool plus[8];
    for (size_t i = ss; i < se && nv < 8;) {
        if (!starts(t, se, i, "潜势")) {
            i = fl_text_next(t, se, i);
            continue;
        }
        size_t k = i + strlen("潜势");
        /* 为, 综合等级为, 初判为, 划分为: up to eight characters, no punctuation */
        int v = 0;
        bool pl = false;
        size_t n = 0;
        for (int c = 0; c < 8 && k < se; c++) {
            if ((n = fl_roman_at(t, se, k, &v, &pl))) break;
            if (strchr(",;:()", t[k]) && t[k] != ':') break;
            if (starts(t, se, k, "。") || starts(t, se, k, "、")) break;
            k = fl_text_next(t, se, k);
        }
        if (!n || v < 1 || v > 4) {
            i = k > i ? k : i + 1;
            continue;
        }
        size_t e = k + n;
        if (starts(t, se, e, "级")) e += strlen("级");
        if (starts(t, se, e, "及以上") || starts(t, se, e, "以上") || starts(t, se, e, "以下") || starts(t, se, e, "及"))
            return; /* a criterion */
        bool seen = false;
        for (int j = 0; j < nv; j++)
            if (vals[j] == v) seen = true;
        if (!seen) distinct++;
        vals[nv] = v;
        plus[nv++] = pl;
        i = e;
    }
    if (!nv) return;
    /* a potential beside a grade is the guideline's mapping ("风险潜势为Ⅲ，
     * 进行二级评价") unless the sentence is about this project, and a
     * sentence mapping several potentials is the mapping in any case */
    int romans = 0; /* numerals not after 潜势: a list of potentials ("Ⅲ进行二级评价") */
    for (size_t i = ss; i < se;) {
        int v;
        bool pl;
        size_t n = fl_roman_at(t, se, i, &v, &pl);
        if (n) romans++;
        i = n ? i + n : fl_text_next(t, se, i);
    }
    if (romans > nv) return;
    bool graded = false;
    for (size_t i = ss; i < se && !graded; i = fl_text_next(t, se, i)) {
        int g;
        if (fl_grade_word(t, se, i, &g)) graded = true;
    }
    if (graded && (distinct > 1 || !(fl_text_has(t, ss, se, "项目") || fl_text_has(t, ss, se, "工程") || fl_text_has(t, ss, se, "综合"))))
        return;
    for (int j = 0; j < nv; j++)
        if (!p->found || vals[j] > p->max || (vals[j] == p->max && plus[j])) {
            p->max = vals[j];
            p->plus = plus[j];
            p->found = true;
        }
}

static int risk_grade(fl_scan *s, const fl_scope *sc, const char **figure)
{
    potential_read p;
    memset(&p, 0, sizeof p);
    {
        static const char *const need[] = {"潜势", NULL}; /* what potential_sentence cannot read without */
        fl_grade_sentences_with(s, sc, need, potential_sentence, &p);
    }
    if (fl_scan_failed(s) || !p.found) return 0;
    static const char *const ro[] = {"", "Ⅰ", "Ⅱ", "Ⅲ", "Ⅳ"};
    *figure = fl_arena_printf(fl_scan_arena(s), "环境风险潜势 %s%s", ro[p.max], p.plus ? "+" : "");
    return p.max == 4 ? 1 : p.max == 3 ? 2 : p.max == 2 ? 3 : 4;
}

/* Does a sentence of the scope cite code (e.g. "HJ2.2-2008"; spaces and
 * "/T" ignored)? */
typedef struct cite_read { const char *code; bool found; } cite_read;

static void cite_sentence(fl_scan *s, const char *t, size_t ss, size_t se, int block, void *ctx)
{
    (void)s;
    (void)block;
    cite_read *c = ctx;
    size_t n = strlen(c->code);
    for (size_t i = ss; i < se && !c->found; i++) {
        size_t a = i, k = 0;
        while (a < se && k < n) {
            if (t[a] == ' ' || (t[a] == '/' && a + 1 < se && t[a + 1] == 'T')) {
                a += t[a] == ' ' ? 1 : 2;
                continue;
            }
            if (c->code[k] == ' ') {
                k++;
                continue;
            }
            if (t[a] != c->code[k]) break;
            a++;
            k++;
        }
        if (k == n) c->found = true;
    }
}

/* ---- run ---------------------------------------------------------------------------- */

static void run(const fl_rule *rule, fl_scan *s)
{
    const grade_k *k = rule->data;
    const fl_scope *sc = fl_scan_scope(s, &k->scope);
    if (fl_scan_failed(s) || !sc->found) return;
    for (size_t i = 0; i < k->n && !fl_scan_failed(s); i++) {
        const medium_k *mk = &k->media[i];
        if (!fl_scan_in_force(s, &mk->force)) continue;
        fl_stated st;
        fl_grade_stated(s, sc, mk->m, &st);
        if (!st.found || st.ambiguous) continue;
        const char *figure = NULL;
        int derived = mk->m == FL_MED_AIR ? air_grade(s, sc, &figure)
                    : mk->m == FL_MED_NOISE ? noise_grade(s, sc, &figure)
                                            : risk_grade(s, sc, &figure);
        if (!derived || st.value <= derived) continue;
        fl_hit h = {.block = st.block, .span = true, .start = st.start, .end = st.end, .severity = -1,
                    .message = mk->message, .message_en = mk->message_en};
        if (mk->old_code && mk->old_message) {
            cite_read c = {mk->old_code, false};
            fl_grade_sentences(s, sc, cite_sentence, &c);
            if (c.found) {
                h.severity = FL_SEV_WARNING;
                h.message = mk->old_message;
                h.message_en = mk->old_message_en;
            }
        }
        fl_hit_var(&h, "medium", fl_medium_name(mk->m));
        fl_hit_var(&h, "figure", figure);
        fl_hit_var(&h, "stated", fl_grade_text(st.value));
        fl_hit_var(&h, "derived", fl_grade_text(derived));
        fl_hit_var(&h, "clause", mk->clause ? mk->clause : "");
        fl_scan_emit(s, &h);
    }
}

static void describe(const fl_rule *rule, FILE *out)
{
    const grade_k *k = rule->data;
    fl_scope_describe(&k->scope, out);
    for (size_t i = 0; i < k->n; i++) {
        const medium_k *mk = &k->media[i];
        switch (mk->m) {
        case FL_MED_AIR:
            fputs("大气：Pmax（或估算结果表中占标率的最大值）≥10% 为一级，1%≤Pmax<10% 为二级，<1% 为三级", out);
            break;
        case FL_MED_NOISE:
            fputs("声环境：所在区域为 0类声环境功能区 为一级，1类、2类 不低于二级（只读唯一写明的功能区类别）", out);
            break;
        default:
            fputs("环境风险：风险潜势 Ⅳ/Ⅳ+ 为一级，Ⅲ 为二级，Ⅱ 为三级，Ⅰ 为简单分析（多个要素取最高潜势）", out);
            break;
        }
        if (mk->clause) fprintf(out, "（%s）", mk->clause);
        fl_in_force_describe(&mk->force, out);
        fputc('\n', out);
    }
    fputs("只报告写明的等级低于自身数据所得等级的情形；等级或数据出现两个不同值、按导则判据原文列举、"
          "句中写明降级或条件时不判断\n", out);
}

const fl_kind fl_kind_grade = {"grade", vars, parse, run, describe};
