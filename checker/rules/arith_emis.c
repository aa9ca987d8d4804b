/* Emission arithmetic (kind `arith`, EIA209): a yearly amount a filing
 * states against the figures it says it comes from, in one table row or one
 * sentence:
 *
 *   产生量 × (1 − 去除率)              = 排放量
 *   浓度 × 风量 × 年运行时数 (mg/m³ × m³/h × h/a → t/a) = 产生量 or 排放量
 *   速率 × 年运行时数 (kg/h × h/a → t/a)              = 产生量 or 排放量
 *   浓度 × 年废水量 (mg/L × m³/a → t/a)               = 产生量 or 排放量
 *
 * each side of the same stage (产生 with 产生, 排放 with 排放); and a
 * 总量控制指标 (申请总量) must not be below the 排放量 beside it. Numbers are
 * read with core/quantity.h, so kg/a against t/a and mg/L against mg/m³ is
 * a conversion, not a finding.
 *
 * What a figure is comes from the words right before it in a sentence
 * (产生量为2.4t/a，经布袋除尘器处理（除尘效率99%）后排放量为0.024t/a) or
 * from its column's header in a table (one or two header rows: 产生情况
 * over 浓度（mg/m³）| 速率（kg/h）| 产生量（t/a）), and its unit from the
 * value or the header. Collection changes the arithmetic (the 产生量 may be
 * before it, and what is not collected leaves unorganised): a sentence or
 * a row that speaks of 收集 (集气罩收集, 收集效率) has its removal not
 * judged.
 *
 * Precision first. Silent when a figure is missing, written with 约, as a
 * range or with a comparator, when one role has two different values (two
 * pollutants in one sentence, 有组织 and 无组织 together), when a sentence or
 * table is about other figures (the unless pattern: 现有, 以新带老, 全厂),
 * and on 合计 rows. A difference counts only when the stated value cannot be
 * the computed one under the rounding of every figure written (99% admits
 * 98.5–99.5%, 0.024 admits 0.0235–0.0245) and is beyond 1 % of it. */
#include "rules/arith_emis.h"
#include "rules/grid.h"
#include "core/buf.h"
#include "core/norm.h"
#include "core/quantity.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include "core/memfind.h"
#include <string.h>

#define REL_TOLERANCE 0.01
#define MAX_SENTENCE 600 /* bytes: about 200 characters; keeps a sentence's pass short */
#define MAX_HEADER_ROWS 3

enum role {
    R_GEN_MASS, R_EMIT_MASS, /* t/a */
    R_GEN_CONC, R_EMIT_CONC, /* mg/m³ */
    R_GEN_RATE, R_EMIT_RATE, /* kg/h */
    R_EFF,                   /* % removed */
    R_FLOW,                  /* m³/h of exhaust */
    R_HOURS,                 /* h/a */
    R_WATER,                 /* m³/a of waste water */
    R_QUOTA,                 /* t/a applied for: 总量控制指标, 申请总量 */
    R_COUNT,
    R_COLLECT = R_COUNT, /* a 收集效率: the removal is not judged */
    R_NONE
};

typedef fl_arith_fig fig;

int fl_emis_parse(fl_emis_k *k, const xmlNode *c, const fl_rule *rule, fl_loader *ld, fl_error *err)
{
    if (fl_loader_pattern_attr(ld, c, "unless", &k->unless, err) ||
        fl_loader_message(ld, c, rule, "message", &k->message, err) ||
        fl_loader_message(ld, c, rule, "message-en", &k->message_en, err) ||
        fl_loader_message(ld, c, rule, "quota-message", &k->quota_message, err) ||
        fl_loader_message(ld, c, rule, "quota-message-en", &k->quota_message_en, err) ||
        fl_loader_pattern_attr(ld, c, "summary", &k->summary, err) ||
        fl_loader_message(ld, c, rule, "summary-message", &k->summary_message, err) ||
        fl_loader_message(ld, c, rule, "summary-message-en", &k->summary_message_en, err))
        return -1;
    if (k->summary && !k->summary_message) return fl_loader_error(err, ld, c, "<emission summary> needs summary-message");
    if (!k->message) return fl_loader_error(err, ld, c, "<emission> in <arith> needs a message");
    return 0;
}

/* ---- what a figure is ---------------------------------------------------------- */

/* The end of the last occurrence of any of words in l, 0 when none. */
static size_t last_of(const char *l, const char *const *words)
{
    size_t best = 0;
    for (; *words; words++)
        for (const char *p = strstr(l, *words); p; p = strstr(p + 1, *words)) {
            size_t e = (size_t)(p - l) + strlen(*words);
            if (e > best) best = e;
        }
    return best;
}

static const char *const gen_words[] = {"产生", "处理前", "进口", NULL};
static const char *const emit_words[] = {"排放", "处理后", "出口", NULL};
/* figures of the same dimension that are not the stage's amount: a
 * 削减量, a limit (排放标准 mg/m³), a permitted total */
static const char *const not_figure[] = {"削减", "去除量", "减排", "总量控制", "许可", "标准", "限值", "允许", "替代", NULL};
/* the total a project applies for, which must cover what it emits; not
 * 排放总量, which is an emission */
static const char *const quota_words[] = {"总量控制指标", "总量指标", "申请总量", "核定总量", "总量控制量", NULL};
static const char *const eff_words[] = {"效率", "去除率", "处理率", "净化率", "脱除率", NULL};
static const char *const collect_words[] = {"收集", "捕集", "集气", NULL};
/* an emission taken at a limit or a worst case (按排放标准计, 保守考虑),
 * not the removal's result: the removal is not judged */
static const char *const conservative[] = {"标准", "限值", "保守", "最不利", NULL};
static const char *const gas_words[] = {"风量", "气量", "废气", "烟气", NULL};

/* The role of a figure of dimension dim whose words (a header, or the text
 * since the previous figure) are l, normalised. */
static int classify(const char *l, fl_dim dim)
{
    if (dim == FL_DIM_RATIO) {
        if (last_of(l, collect_words)) return R_COLLECT;
        return last_of(l, eff_words) ? R_EFF : R_NONE;
    }
    if (dim == FL_DIM_FLOW) return last_of(l, gas_words) ? R_FLOW : R_NONE;
    if (dim == FL_DIM_TIME_RATE) return R_HOURS;
    if (dim == FL_DIM_WATER_YEAR) return strstr(l, "水") ? R_WATER : R_NONE;
    if (dim != FL_DIM_MASS_RATE && dim != FL_DIM_CONC && dim != FL_DIM_MASS_FLOW) return R_NONE;
    if (dim == FL_DIM_MASS_RATE && last_of(l, quota_words) &&
        last_of(l, quota_words) >= last_of(l, emit_words) && last_of(l, quota_words) >= last_of(l, gen_words))
        return R_QUOTA;
    if (last_of(l, not_figure)) return R_NONE;
    size_t g = last_of(l, gen_words), e = last_of(l, emit_words);
    if (g == e) return R_NONE; /* neither */
    bool emit = e > g;
    if (dim == FL_DIM_MASS_RATE) return emit ? R_EMIT_MASS : R_GEN_MASS;
    if (dim == FL_DIM_CONC) return emit ? R_EMIT_CONC : R_GEN_CONC;
    return emit ? R_EMIT_RATE : R_GEN_RATE;
}

bool fl_arith_plain(const fl_quantity *q) { return !q->range && !q->approx && q->cmp == FL_QCMP_EQ; }

void fl_arith_take(fl_arith_fig *f, const fl_quantity *q, fl_dim dim, int block)
{
    if (f->ambiguous) return;
    if (q->dim != dim || !fl_arith_plain(q)) {
        f->ambiguous = true;
        return;
    }
    if (f->found) {
        if (fabs(f->q.base - q->base) > 1e-9 * fabs(q->base)) f->ambiguous = true;
        return;
    }
    f->found = true;
    f->q = *q;
    f->block = block;
}

int fl_arith_cell(const char *t, const char *unit, fl_dim dim, fl_quantity *q)
{
    size_t len = strlen(t);
    while (len > 0 && (t[len - 1] == ' ')) len--;
    size_t at = 0;
    while (at < len && t[at] == ' ') at++;
    size_t n = fl_quantity_parse(q, t + at, len - at, unit);
    if (n && at + n == len && q->dim == dim && fl_arith_plain(q)) return FL_CELL_FIGURE;
    for (size_t i = 0; i < len; i++)
        if (fl_norm_peek(t, len, i) >= '0' && fl_norm_peek(t, len, i) <= '9') return FL_CELL_UNCLEAR;
    return FL_CELL_NONE;
}

/* Here a figure's role comes from its dimension: any dimension will do. */
static void take(fig *f, const fl_quantity *q, int block) { fl_arith_take(f, q, q->dim, block); }

static bool usable(const fig *f) { return f->found && !f->ambiguous && f->q.value > 0; }

/* ---- interval arithmetic over the written rounding ------------------------------ */

typedef struct iv { double lo, mid, hi; } iv;

/* q in its base unit, with what its written decimals allow. */
static iv iv_of(const fl_quantity *q)
{
    double per = q->base / q->value, half = 0.5 / pow(10, q->decimals);
    return (iv){(q->value - half) * per, q->base, (q->value + half) * per};
}

static iv iv_mul(iv a, iv b) { return (iv){a.lo * b.lo, a.mid * b.mid, a.hi * b.hi}; }
static iv iv_scale(iv a, double k) { return (iv){a.lo * k, a.mid * k, a.hi * k}; }
/* mg/m³ × m³/h × h/a in t/a (core/quantity.h), each bound apart */
static iv iv_emission(iv conc, iv flow, iv hours)
{
    return (iv){fl_quantity_emission_ta(conc.lo, flow.lo, hours.lo), fl_quantity_emission_ta(conc.mid, flow.mid, hours.mid),
                fl_quantity_emission_ta(conc.hi, flow.hi, hours.hi)};
}

/* ---- the checks --------------------------------------------------------------- */

static const char *qtext(fl_arena *a, const fl_quantity *q)
{
    char buf[128];
    return fl_arena_strdup(a, fl_quantity_text(buf, sizeof buf, q));
}

/* computed (base unit) in the stated value's unit, with the stated decimals
 * or enough for three significant digits. */
static const char *computed_text(fl_arena *a, const fl_quantity *stated, double computed)
{
    double per = stated->base / stated->value, v = computed / per;
    int dec = stated->decimals;
    if (v > 0) {
        int sig = 2 - (int)floor(log10(v));
        if (sig > dec) dec = sig;
    }
    if (dec > 6) dec = 6;
    char buf[64];
    fl_quantity_num_text(buf, sizeof buf, v, dec);
    return fl_arena_printf(a, "%s%s", buf, stated->unit);
}

/* Can a value written as x not be y, whatever the rounding of the figures
 * behind each, and do they differ by more than 1 % of y? */
static bool apart(iv x, iv y)
{
    if (x.hi >= y.lo && x.lo <= y.hi) return false;
    return fabs(x.mid - y.mid) > REL_TOLERANCE * y.mid;
}

/* A finding at figure f (its span when read from a sentence). */
static fl_hit hit_at(const fig *f, const char *message, const char *message_en)
{
    fl_hit h = {.block = f->block, .severity = -1, .message = message, .message_en = message_en};
    if (f->span) {
        h.span = true;
        h.start = f->start;
        h.end = f->end;
    }
    return h;
}

/* Reports stated when it cannot be computed; true when it was reported. */
static bool judge(fl_scan *s, const fl_emis_k *k, const char *what, const fig *stated, iv computed, const char *formula)
{
    if (computed.mid <= 0 || !apart(iv_of(&stated->q), computed)) return false;
    fl_arena *a = fl_scan_arena(s);
    fl_hit h = hit_at(stated, k->message, k->message_en);
    fl_hit_var(&h, "stated", qtext(a, &stated->q));
    fl_hit_var(&h, "computed", computed_text(a, &stated->q, computed.mid));
    fl_hit_var(&h, "formula", formula);
    fl_hit_var(&h, "quantity", what);
    fl_scan_emit(s, &h);
    return true;
}

/* A quota below the emission it must cover, beyond rounding and 1 %. */
static void check_quota(fl_scan *s, const fl_emis_k *k, const fig *quota, const fig *emission)
{
    iv qv = iv_of(&quota->q), ev = iv_of(&emission->q);
    if (qv.mid >= ev.mid || !apart(qv, ev)) return;
    fl_arena *a = fl_scan_arena(s);
    fl_hit h = hit_at(quota, k->quota_message, k->quota_message_en);
    fl_hit_var(&h, "stated", qtext(a, &quota->q));
    fl_hit_var(&h, "emission", qtext(a, &emission->q));
    fl_scan_emit(s, &h);
}

/* The checks on one row's or one sentence's figures. */
static void check(fl_scan *s, const fl_emis_k *k, const fig *v, bool collect)
{
    fl_arena *a = fl_scan_arena(s);
    if (k->quota_message && usable(&v[R_QUOTA]) && usable(&v[R_EMIT_MASS])) check_quota(s, k, &v[R_QUOTA], &v[R_EMIT_MASS]);
    const fig *hours = &v[R_HOURS];
    for (int stage = 0; stage < 2; stage++) {
        const fig *mass = &v[stage ? R_EMIT_MASS : R_GEN_MASS];
        const fig *conc = &v[stage ? R_EMIT_CONC : R_GEN_CONC];
        const fig *rate = &v[stage ? R_EMIT_RATE : R_GEN_RATE];
        if (!usable(mass)) continue;
        const char *what = stage ? "排放量" : "产生量";
        bool done = false;
        if (stage == 1 && !collect && usable(&v[R_GEN_MASS]) && usable(&v[R_EFF])) {
            iv e = iv_of(&v[R_EFF].q);
            if (e.mid < 100 && e.lo > 0) {
                iv left = {1 - fmin(e.hi, 100) / 100, 1 - e.mid / 100, 1 - e.lo / 100};
                const char *f = fl_arena_printf(a, "%s × (1 − %s)", qtext(a, &v[R_GEN_MASS].q), qtext(a, &v[R_EFF].q));
                done = judge(s, k, what, mass, iv_mul(iv_of(&v[R_GEN_MASS].q), left), f);
            }
        }
        if (!done && usable(conc) && usable(&v[R_FLOW]) && usable(hours)) {
            iv c = iv_emission(iv_of(&conc->q), iv_of(&v[R_FLOW].q), iv_of(&hours->q));
            const char *f = fl_arena_printf(a, "%s × %s × %s", qtext(a, &conc->q), qtext(a, &v[R_FLOW].q), qtext(a, &hours->q));
            done = judge(s, k, what, mass, c, f);
        }
        if (!done && usable(rate) && usable(hours)) {
            iv c = iv_scale(iv_mul(iv_of(&rate->q), iv_of(&hours->q)), 1e-3); /* kg -> t */
            const char *f = fl_arena_printf(a, "%s × %s", qtext(a, &rate->q), qtext(a, &hours->q));
            done = judge(s, k, what, mass, c, f);
        }
        if (!done && usable(conc) && usable(&v[R_WATER]) && !v[R_FLOW].found) {
            /* mg/m³ (mg/L is 1000 of them) × m³/a: the yearly mass as for
             * gas, with the year's volume in place of flow × hours */
            iv one = {1, 1, 1};
            iv c = iv_emission(iv_of(&conc->q), iv_of(&v[R_WATER].q), one);
            const char *f = fl_arena_printf(a, "%s × %s", qtext(a, &conc->q), qtext(a, &v[R_WATER].q));
            judge(s, k, what, mass, c, f);
        }
    }
}

/* ---- the summary table against the body's totals -------------------------------- */

/* The pollutants whose totals a summary lists, each under the names
 * filings use for it. 非甲烷总烃 is not VOCs here: a filing may list both,
 * with VOCs the larger. */
static const char *const p_so2[] = {"so2", "so₂", "二氧化硫", NULL};
static const char *const p_nox[] = {"nox", "氮氧化物", NULL};
static const char *const p_pm[] = {"颗粒物", NULL};
static const char *const p_voc[] = {"vocs", "挥发性有机物", NULL};
static const char *const p_nmhc[] = {"非甲烷总烃", NULL};
static const char *const p_cod[] = {"cod", "化学需氧量", NULL};
static const char *const p_nh3[] = {"氨氮", "nh3-n", "nh₃-n", NULL};
static const char *const *const pollutants[] = {p_so2, p_nox, p_pm, p_voc, p_nmhc, p_cod, p_nh3};
#define NPOLL (sizeof pollutants / sizeof *pollutants)

enum { Q_ALL, Q_ORG, Q_FUG, NQUAL }; /* the whole, 有组织, 无组织 */

/* One total per pollutant and qualifier: the first plain value, or
 * ambiguous once a second, different one is read. */
typedef struct totals {
    fig body[NPOLL][NQUAL];
    int *summaries; /* first blocks of summary tables */
    size_t nsum, capsum;
} totals;

/* The one pollutant l names (ASCII folded to lower case): its index, -1
 * none, -2 two. */
static int pollutant_of(fl_arena *a, const char *l)
{
    char *low = fl_arena_strdup(a, l);
    for (char *c = low; *c; c++)
        if (*c >= 'A' && *c <= 'Z') *c = (char)(*c - 'A' + 'a');
    int found = -1;
    for (size_t i = 0; i < NPOLL; i++)
        if (last_of(low, pollutants[i])) {
            if (found >= 0) return -2;
            found = (int)i;
        }
    return found;
}

static int qualifier_of(const char *l)
{
    bool org = strstr(l, "有组织") != NULL, fug = strstr(l, "无组织") != NULL;
    return org && fug ? -1 : org ? Q_ORG : fug ? Q_FUG : Q_ALL;
}

/* A sentence stating the project's total of one pollutant: a total's
 * word (本项目, 排放总量, 合计 ...), no single source's (排气筒, 排放口,
 * 车间, DA001). */
static const char *const total_sentence[] = {"本项目", "本工程", "排放总量", "总排放量", "合计", "共计", "总计", NULL};
static const char *const source_words[] = {"排气筒", "排放口", "车间", "工序", "生产线", "da0", "#", NULL};
/* water has two totals, what goes to the sewage plant and what the plant
 * lets out; a sentence or summary that names either is not compared */
static const char *const water_measure[] = {"接管", "外排", "最终", "排入外环境", "排入环境", "污水处理厂", "纳管", NULL};
static bool water(int p) { return pollutants[p] == p_cod || pollutants[p] == p_nh3; }

static void note_total(fl_arena *a, totals *t, const char *sentence, const fig *emitted)
{
    if (!usable(emitted) || !last_of(sentence, total_sentence)) return;
    char *low = fl_arena_strdup(a, sentence);
    for (char *c = low; *c; c++)
        if (*c >= 'A' && *c <= 'Z') *c = (char)(*c - 'A' + 'a');
    if (last_of(low, source_words)) return;
    int p = pollutant_of(a, sentence), q = qualifier_of(sentence);
    if (p < 0 || q < 0 || (water(p) && last_of(sentence, water_measure))) return;
    take(&t->body[p][q], &emitted->q, emitted->block);
    fig *f = &t->body[p][q];
    if (f->found && !f->span && emitted->span) {
        f->span = true;
        f->start = emitted->start;
        f->end = emitted->end;
    }
}

/* The text of column c's header rows, each cell once, normalised. */
static const char *column_label(fl_arena *a, const fl_doc *doc, const fl_grid *g, int hdr, int c)
{
    fl_buf label = FL_BUF_INIT;
    int last = -1;
    for (int r = 0; r < hdr; r++) {
        int bl = fl_grid_block(g, r, c);
        if (bl < 0 || bl == last) continue;
        last = bl;
        fl_buf_adds(&label, doc->blocks[bl].text);
    }
    const char *l = fl_norm_label(a, label.data ? label.data : "", label.len);
    fl_buf_free(&label);
    return l;
}

/* The column of the project's own emission in a summary's header: one
 * header naming 本项目 and 排放量 (not 建成后, 全厂, 削减); -1 none. */
static int own_column(fl_arena *a, const fl_doc *doc, const fl_grid *g, int hdr)
{
    int col = -1;
    for (int c = 1; c < g->cols; c++) {
        const char *l = column_label(a, doc, g, hdr, c);
        if (!strstr(l, "排放量") || !(strstr(l, "本项目") || strstr(l, "本工程") || strstr(l, "拟建项目"))) continue;
        if (strstr(l, "建成后") || strstr(l, "全厂") || strstr(l, "削减") || strstr(l, "许可") || strstr(l, "变化")) continue;
        if (col >= 0 && fl_grid_block(g, 0, c) != fl_grid_block(g, 0, col)) return -1;
        if (col < 0) col = c;
    }
    return col;
}

/* A summary without a 本项目 column (产生量 | 削减量 | 排放量 of a new
 * project's 报告书): its one 排放量 column naming no other figures. */
static int only_column(fl_arena *a, const fl_doc *doc, const fl_grid *g, int hdr)
{
    static const char *const others[] = {"现有", "在建", "全厂", "建成后", "以新带老", "许可", NULL};
    static const char *const not_own[] = {"削减", "变化", "产生", "总量控制", "浓度", "速率", NULL};
    int col = -1;
    for (int c = 1; c < g->cols; c++) {
        const char *l = column_label(a, doc, g, hdr, c);
        if (last_of(l, others)) return -1; /* other figures beside: not the project's alone */
        if (!strstr(l, "排放量") || last_of(l, not_own)) continue;
        if (col >= 0) return -1;
        col = c;
    }
    return col;
}

static int header_rows(const fl_doc *doc, const fl_grid *g);

/* One summary table: each row of one pollutant (the cells left of the
 * column say which, and whether 有组织 or 无组织) against the body's total. */
static void run_summary(fl_scan *s, const fl_emis_k *k, const totals *t, const fl_grid *g)
{
    const fl_doc *doc = fl_scan_doc(s);
    fl_arena *a = fl_scan_arena(s);
    int hdr = header_rows(doc, g);
    if (hdr == 0 || hdr >= g->rows) return;
    int col = own_column(a, doc, g, hdr);
    if (col < 0) col = only_column(a, doc, g, hdr);
    if (col < 0) return;
    bool two_waters = false; /* 接管量 and 外排量 in the header */
    for (int r = 0; r < hdr && !two_waters; r++)
        for (int c = 0; c < g->cols && !two_waters; c++) two_waters = last_of(fl_grid_text(doc, g, r, c), water_measure) > 0;
    const char *unit = NULL;
    for (int r = hdr - 1; r >= 0 && !unit; r--) unit = fl_quantity_unit_in(fl_grid_text(doc, g, r, col));
    if (!unit) { /* 单位：t/a over the table */
        const char *unit_line, *caption;
        if (fl_arith_captioned(s, NULL, g, &unit_line, &caption) < 0) return;
        unit = unit_line ? fl_quantity_unit_in(unit_line) : NULL;
    }
    if (fl_quantity_unit_dim(unit) != FL_DIM_MASS_RATE) return;
    int *rows_of = fl_arena_alloc(a, sizeof *rows_of * NPOLL * NQUAL); /* count of rows per pollutant */
    memset(rows_of, 0, sizeof *rows_of * NPOLL * NQUAL);
    int *row_p = fl_arena_alloc(a, sizeof *row_p * (size_t)g->rows), *row_q = fl_arena_alloc(a, sizeof *row_q * (size_t)g->rows);
    const char **row_name = fl_arena_alloc(a, sizeof *row_name * (size_t)g->rows);
    bool *row_water = fl_arena_alloc(a, sizeof *row_water * (size_t)g->rows);
    for (int r = hdr; r < g->rows; r++) {
        fl_buf label = FL_BUF_INIT;
        int last = -1;
        row_name[r] = "";
        for (int c = 0; c < col; c++) {
            int bl = fl_grid_block(g, r, c);
            if (bl < 0 || bl == last) continue;
            last = bl;
            fl_buf_adds(&label, doc->blocks[bl].text);
            fl_buf_addc(&label, ' ');
            if (!*row_name[r] && pollutant_of(a, doc->blocks[bl].text) >= 0) row_name[r] = doc->blocks[bl].text;
        }
        const char *l = fl_norm_label(a, label.data ? label.data : "", label.len);
        fl_buf_free(&label);
        row_p[r] = pollutant_of(a, l);
        row_q[r] = qualifier_of(l);
        row_water[r] = last_of(l, water_measure) > 0;
        if (row_p[r] >= 0 && row_q[r] >= 0) rows_of[row_p[r] * NQUAL + row_q[r]]++;
    }
    for (int r = hdr; r < g->rows && !fl_scan_failed(s); r++) {
        int p = row_p[r], q = row_q[r];
        if (p < 0 || q < 0 || rows_of[p * NQUAL + q] != 1) continue; /* 颗粒物 twice: 两个车间 */
        if (water(p) && (two_waters || row_water[r])) continue;
        const fig *body = &t->body[p][q];
        if (!usable(body)) continue;
        int bl = fl_grid_block(g, r, col);
        if (bl < 0) continue;
        fl_quantity cell;
        if (fl_arith_cell(doc->blocks[bl].text, unit, FL_DIM_MASS_RATE, &cell) != FL_CELL_FIGURE || cell.value <= 0) continue;
        if (!apart(iv_of(&cell), iv_of(&body->q))) continue;
        fl_hit h = {.block = bl, .severity = -1, .message = k->summary_message, .message_en = k->summary_message_en};
        fl_hit_var(&h, "stated", qtext(a, &cell));
        fl_hit_var(&h, "emission", qtext(a, &body->q));
        fl_hit_var(&h, "quantity", row_name[r]);
        fl_scan_emit(s, &h);
    }
}

/* ---- sentences ------------------------------------------------------------------ */

static const char *const hour_words[] = {"年运行时间", "年运行时数", "年运行", "年工作时间", "年工作", "年生产时间",
                                          "年生产", "年排放时间", "年排放时数", NULL};

/* "年运行2400h", "年工作时间为7200小时": operating hours written with a bare
 * h, which is no unit on its own (24h is a day). Only after a 年 word. */
static void sentence_hours(const fl_norm *n, size_t ss, size_t se, int b, fig *out)
{
    const char *t = n->text;
    for (const char *const *w = hour_words; *w; w++) {
        size_t wl = strlen(*w);
        for (size_t i = ss; i + wl <= se; i++) {
            if (memcmp(t + i, *w, wl)) continue;
            size_t p = i + wl;
            bool approx = false;
            for (int skip = 0; skip < 3 && p < se; skip++) { /* 为, 约, 按, 计, : */
                if (!strncmp(t + p, "为", 3) || !strncmp(t + p, "按", 3) || !strncmp(t + p, "计", 3) ||
                    !strncmp(t + p, "共", 3))
                    p += 3;
                else if (!strncmp(t + p, "约", 3)) {
                    approx = true;
                    p += 3;
                } else if (t[p] == ':' || t[p] == ' ')
                    p += 1;
                else
                    break;
            }
            fl_qnum num;
            size_t e = fl_qnum_read(t, se, p, &num);
            if (!e) continue;
            size_t ue = 0;
            if (e < se && t[e] == 'h') ue = e + 1;
            else if (e + 6 <= se && !strncmp(t + e, "小时", 6)) ue = e + 6;
            if (!ue || (ue < se && (t[ue] == '/' || !strncmp(t + ue, "／", 3)))) continue; /* h/d is a day's */
            fl_quantity q;
            if (!fl_quantity_parse(&q, t + p, e - p, "h/a")) continue;
            q.approx = q.approx || approx;
            take(out, &q, b);
            i = ue - 1;
        }
    }
}

static bool has_both(const char *t, size_t ss, size_t se, const char *a, const char *b)
{
    return se > ss && fl_memfind(t + ss, se - ss, a, strlen(a)) && fl_memfind(t + ss, se - ss, b, strlen(b));
}

static void run_sentence(fl_scan *s, const fl_emis_k *k, totals *tot, int b, size_t ss, size_t se)
{
    const fl_norm *n = fl_scan_norm(s, b);
    if (se - ss > MAX_SENTENCE) return;
    if (!has_both(n->text, ss, se, "量", "t") && !has_both(n->text, ss, se, "量", "吨") &&
        !has_both(n->text, ss, se, "量", "kg"))
        return; /* no yearly amount: most sentences */
    size_t us, ue;
    int rc = k->unless ? fl_scan_find(s, k->unless, b, ss, se, &us, &ue) : 0;
    if (rc) return;
    if (has_both(n->text, ss, se, "有组织", "无组织")) return; /* like with like */
    fig v[R_COUNT];
    memset(v, 0, sizeof v);
    fl_arena *a = fl_scan_arena(s);
    /* 经集气罩收集后…: the 产生量 may be before collection, and what is
     * not collected leaves unorganised; with or without a 收集效率 */
    const char *whole = fl_norm_label(a, n->text + ss, se - ss);
    bool collect = last_of(whole, collect_words) > 0 || last_of(whole, conservative) > 0;
    size_t pos = ss, prev = ss;
    fl_quantity q;
    while (pos < se && fl_quantity_find(&q, n->text + pos, se - pos)) {
        size_t qs = pos + q.start, qe = pos + q.end;
        const char *label = fl_norm_label(a, n->text + prev, qs - prev);
        int role = classify(label, q.dim);
        if (role == R_COLLECT) collect = true;
        else if (role < R_COUNT) {
            fig *f = &v[role];
            bool had = f->found;
            take(f, &q, b);
            if (f->found && !had) {
                f->span = true;
                f->start = qs;
                f->end = qe;
            }
        }
        prev = pos = qe;
    }
    sentence_hours(n, ss, se, b, &v[R_HOURS]);
    check(s, k, v, collect);
    if (k->summary) note_total(a, tot, fl_norm_label(a, n->text + ss, se - ss), &v[R_EMIT_MASS]);
}

/* ---- tables --------------------------------------------------------------------- */

static bool starts_with_digit(const char *t)
{
    size_t len = strlen(t), i = 0;
    while (i < len && fl_norm_peek(t, len, i) == ' ') i++;
    uint32_t c = fl_norm_peek(t, len, i);
    return c >= '0' && c <= '9';
}

static int test(fl_scan *s, const fl_pattern *p, const char *t) { return p && t && *t ? fl_scan_test(s, p, t) : 0; }

int fl_arith_captioned(fl_scan *s, const fl_pattern *p, const fl_grid *g, const char **unit_line, const char **caption)
{
    const fl_doc *doc = fl_scan_doc(s);
    *unit_line = NULL;
    *caption = NULL;
    int rc = 0;
    for (size_t b = g->first, seen = 0; b > 0 && seen < 2 && rc == 0; b--) {
        const fl_block *blk = &doc->blocks[b - 1];
        if (!blk->len) continue;
        seen++;
        if (blk->table || blk->len > 200) break;
        if (!*unit_line && fl_quantity_unit_in(blk->text)) *unit_line = blk->text;
        rc = test(s, p, blk->text);
        if (rc == 1) *caption = blk->text;
    }
    if (rc == 0 && g->cols > 0) { /* a first row that is one cell across the table */
        bool one = fl_grid_block(g, 0, 0) >= 0;
        for (int c = 1; c < g->cols && one; c++) one = fl_grid_block(g, 0, c) == fl_grid_block(g, 0, 0);
        if (one && (rc = test(s, p, fl_grid_text(doc, g, 0, 0))) == 1) *caption = fl_grid_text(doc, g, 0, 0);
    }
    int sec = doc->blocks[g->first].section;
    if (rc == 0 && sec >= 0 && (rc = test(s, p, doc->sections[sec].title)) == 1) *caption = doc->sections[sec].title;
    return rc;
}

/* The header rows: those at the top with no cell starting with a digit
 * (a table's labels; 序号 1, 2 … start the data). */
static int header_rows(const fl_doc *doc, const fl_grid *g)
{
    int hdr = 0;
    while (hdr < g->rows && hdr < MAX_HEADER_ROWS) {
        bool data = false;
        for (int c = 0; c < g->cols && !data; c++) data = starts_with_digit(fl_grid_text(doc, g, hdr, c));
        if (data) break;
        hdr++;
    }
    return hdr;
}

static int captioned_as(fl_scan *s, const fl_pattern *p, const fl_grid *g)
{
    const char *unit_line, *caption;
    return fl_arith_captioned(s, p, g, &unit_line, &caption);
}

/* Is the table about other figures (现有工程, 非正常工况): its caption, the
 * one short line right above it, or its section's title? Only the nearest
 * line: the one before a caption is the text's. */
static int other_figures(fl_scan *s, const fl_emis_k *k, const fl_grid *g)
{
    const fl_doc *doc = fl_scan_doc(s);
    for (size_t b = g->first; b > 0; b--) {
        const fl_block *blk = &doc->blocks[b - 1];
        if (!blk->len) continue;
        if (!blk->table && blk->len <= 200) {
            int rc = test(s, k->unless, blk->text);
            if (rc) return rc;
        }
        break;
    }
    int sec = doc->blocks[g->first].section;
    return sec >= 0 ? test(s, k->unless, doc->sections[sec].title) : 0;
}

static const char *const total_words[] = {"合计", "小计", "总计", "共计", NULL};

static void run_table(fl_scan *s, const fl_emis_k *k, const fl_grid *g)
{
    const fl_doc *doc = fl_scan_doc(s);
    fl_arena *a = fl_scan_arena(s);
    int hdr = header_rows(doc, g);
    if (hdr == 0 || hdr >= g->rows) return;
    int *role = fl_arena_alloc(a, sizeof *role * (size_t)g->cols);
    const char **unit = fl_arena_alloc(a, sizeof *unit * (size_t)g->cols);
    int seen[R_COUNT + 1] = {0};
    bool collect = false;
    int first_fig = g->cols;
    for (int c = 0; c < g->cols; c++) {
        unit[c] = NULL;
        for (int r = hdr - 1; r >= 0 && !unit[c]; r--) unit[c] = fl_quantity_unit_in(fl_grid_text(doc, g, r, c));
        const char *l = column_label(a, doc, g, hdr, c);
        fl_dim d = fl_quantity_unit_dim(unit[c]);
        if (!unit[c] && last_of(l, eff_words) && !last_of(l, collect_words)) {
            unit[c] = "%"; /* 去除率 over bare numbers */
            d = FL_DIM_RATIO;
        }
        if (!unit[c] && strstr(l, "年") && (strstr(l, "(h)") || strstr(l, "(小时)"))) {
            unit[c] = "h/a"; /* 年排放时间（h）: a bare h is no unit, but 年 makes it a year's */
            d = FL_DIM_TIME_RATE;
        }
        role[c] = classify(l, d);
        if (role[c] == R_COLLECT) collect = true;
        if (role[c] < R_COUNT) {
            seen[role[c]]++;
            if (c < first_fig) first_fig = c;
        }
    }
    for (int c = 0; c < g->cols; c++)
        if (role[c] < R_COUNT && seen[role[c]] > 1) role[c] = R_NONE; /* two columns of one role: 现有/本项目 */
    if (!seen[R_GEN_MASS] && !seen[R_EMIT_MASS] && !seen[R_QUOTA]) return;
    if (other_figures(s, k, g)) return;
    int last_reported = -1;
    for (int r = hdr; r < g->rows; r++) {
        bool skip = false;
        for (int c = 0; c < first_fig && !skip; c++) {
            if (fl_grid_spanned(g, r, c)) continue;
            const char *t = fl_norm_label(a, fl_grid_text(doc, g, r, c), strlen(fl_grid_text(doc, g, r, c)));
            if (last_of(t, total_words) || test(s, k->unless, t)) skip = true;
        }
        if (skip || fl_scan_failed(s)) continue;
        fig v[R_COUNT];
        memset(v, 0, sizeof v);
        bool row_collect = collect;
        for (int c = 0; c < g->cols; c++) {
            int bl = fl_grid_block(g, r, c);
            if (bl < 0) continue;
            if (role[c] >= R_COUNT) { /* 集气罩收集+二级活性炭: the 产生量 may be before collection */
                row_collect = row_collect || last_of(doc->blocks[bl].text, collect_words);
                continue;
            }
            fl_quantity q;
            int cell = fl_arith_cell(doc->blocks[bl].text, unit[c], fl_quantity_unit_dim(unit[c]), &q);
            if (cell == FL_CELL_UNCLEAR) v[role[c]].ambiguous = true;
            if (cell != FL_CELL_FIGURE) continue;
            take(&v[role[c]], &q, bl);
        }
        if (v[R_EMIT_MASS].found && v[R_EMIT_MASS].block == last_reported) continue; /* merged over rows */
        check(s, k, v, row_collect);
        if (v[R_EMIT_MASS].found) last_reported = v[R_EMIT_MASS].block;
    }
}

/* ---- the document --------------------------------------------------------------- */

void fl_emis_run(fl_scan *s, const fl_scope_spec *scope, const fl_emis_k *k)
{
    const fl_doc *doc = fl_scan_doc(s);
    const fl_scope *sc = fl_scan_scope(s, scope);
    if (fl_scan_failed(s) || !sc->found) return;
    int last_table = 0;
    totals *tot = fl_arena_alloc(fl_scan_arena(s), sizeof *tot);
    memset(tot, 0, sizeof *tot);
    for (size_t i = 0; i < sc->nblocks && !fl_scan_failed(s); i++) {
        int b = sc->blocks[i];
        const fl_block *blk = &doc->blocks[b];
        if (blk->table) {
            if (blk->table == last_table) continue;
            last_table = blk->table;
            if (fl_block_x(doc, blk)->row != 1) continue; /* a table is read from its first row */
            fl_grid g;
            fl_grid_build(&g, fl_scan_arena(s), doc, (size_t)b);
            if (g.rows < 2 || g.cols < 3) continue;
            int sum = k->summary ? captioned_as(s, k->summary, &g) : 0;
            if (sum < 0) return;
            if (sum) {
                FL_VEC_RESERVE(tot->summaries, tot->capsum, tot->nsum + 1);
                tot->summaries[tot->nsum++] = b;
            } else
                run_table(s, k, &g);
            continue;
        }
        if (blk->kind == FL_BLOCK_HEADING || (blk->flags & FL_BF_TOC)) continue;
        const fl_norm *n = fl_scan_norm(s, b);
        size_t pos = 0, ss, se;
        while (pos < n->len && !fl_scan_failed(s)) {
            fl_scan_sentence(s, b, pos, &ss, &se);
            if (se > ss) run_sentence(s, k, tot, b, ss, se);
            pos = se > pos ? se : pos + 1;
        }
    }
    /* the summaries once every total of the body is read: the summary is
     * the last chapter of a 报告表, the totals come before and after it */
    for (size_t i = 0; i < tot->nsum && !fl_scan_failed(s); i++) {
        fl_grid g;
        fl_grid_build(&g, fl_scan_arena(s), doc, (size_t)tot->summaries[i]);
        run_summary(s, k, tot, &g);
    }
    free(tot->summaries);
}

void fl_emis_describe(const fl_emis_k *k, FILE *out)
{
    fputs("排放量 = 产生量 × (1 − 去除率)；产生量或排放量 = 浓度 × 风量 × 年运行时数、= 速率 × 年运行时数、"
          "= 浓度 × 年废水量（同一表格行或同一句，同为产生或同为排放）",
          out);
    if (k->unless) fprintf(out, "（不看含 /%s/ 的句子、表题和行）", k->unless->source);
    if (k->quota_message) fputs("；总量控制指标（申请总量）不小于同一行或同一句的排放量", out);
    if (k->summary)
        fprintf(out, "；表题 /%s/ 的表中本项目排放量一列各污染物的值 = 正文中只写这一种污染物的本项目总排放量（各自只有一个值，"
                     "有组织、无组织分开）",
                k->summary->source);
    fputs("；句子或行写有收集（集气罩收集、收集效率）时不核对去除，同一句同时写有组织和无组织、同一项两个不同的值、合计行不判断；"
          "所写数值按其末位的舍入范围都不可能算出时才报告\n",
          out);
}
