/* Kind `dataage`: the age of the status data a filing relies on (EIA208).
 * A 2023 filing that describes the air around its site with a 2018 公报 or
 * with monitoring done in 2018 rests on data the guidelines no longer
 * accept; a 补充监测 of fewer days than the guideline asks is too short.
 *
 *   <dataage scope="环境质量现状|现状监测" exclude="现有工程" years="3"
 *            data="公报|监测数据|监测时间" after="修改单|版|发布|施行" unless="现有|原环评|变化趋势"
 *            supplement-message="…" supplement-message-en="…">
 *     <supplement min="7" doc-type="eia-book" since="2018-12-01" match="补充监测"
 *                 medium="大气|环境空气" other="噪声|声环境|地表水|地下水|土壤"/>
 *   </dataage>
 *
 * Age. In the scope, every date (core/daterange.h: 2018年, 2018年6月,
 * 2018年6月1日~7日, 2016—2020年) whose clause (between commas) matches
 * `data` — the date belongs to a 公报, a monitoring time, cited data — and is
 * not followed by an `after` word (2018年修改单, 2021年版, 2018年发布: the
 * year of a standard's amendment, a catalogue's edition, a publication) is
 * the data's date; a range counts by its end. It is stale when its last
 * possible day, plus `years` years, is before the filing's first possible
 * day: in a filing of 2023, a 公报 of 2020 is within 近3年 and one of 2019 is
 * not; monitoring of 2020-03-05 is stale from 2023-03-06. Only the filing's
 * own date counts (doc->filing_date: the cover's 编制日期 …); --as-of does
 * not make data older and today is never used: without a filing date the
 * kind is silent. One finding per sentence; a sentence matching `unless`
 * (the existing plant's history, a trend over years) is not judged. A date
 * inside 《》 counts only when the title is a 公报 or report (《2018年常州市
 * 环境状况公报》), never a law's or a standard's.
 *
 * Supplement. A sentence of the scope matching a <supplement>'s `match`, of
 * its medium (the sentence or its section path matches `medium` and the
 * sentence not `other`), stating a duration: N 天 after 连续/监测/共/为期/
 * 取得, or a range of dates to the day (its days counted inclusively). Fewer
 * days than `min` is a finding. The first <supplement> in force for the
 * document's type applies. */
#include "rules/kind.h"
#include "core/daterange.h"
#include <stdio.h>
#include <stdlib.h>
#include "core/memfind.h"
#include <string.h>

#define MAX_SUPPLEMENT 8
/* A sentence longer than this (about 650 characters with no 。；) is not
 * judged: each date looks back over its sentence, and the cap keeps that
 * bounded, so a block is read in linear time. */
#define MAX_SENTENCE 2000

typedef struct supplement_k {
    int min;
    const char **types;
    size_t ntypes;
    fl_in_force in_force;
    const fl_pattern *match, *medium, *other;
} supplement_k;

typedef struct dataage_k {
    fl_scope_spec scope;
    int years;
    const fl_pattern *data, *after, *unless, *days;
    const char *supplement_message, *supplement_message_en;
    supplement_k sup[MAX_SUPPLEMENT];
    size_t nsup;
} dataage_k;

static const char *const vars[] = {"data", "filing", "years", "days", "min", NULL};

/* N 天 after a word that makes it a duration; no digit between. */
#define DAYS_PATTERN "(?:连续|监测|共|为期|取得|采样)[^，。；;,0-9]{0,6}[0-9]+\\s*(?:天|日|d)(?![0-9])"

static int parse(fl_rule *rule, const xmlNode *el, fl_loader *ld, fl_error *err)
{
    dataage_k *k = fl_loader_alloc(ld, sizeof *k);
    if (fl_loader_scope(ld, el, &k->scope, err)) return -1;
    const char *y = fl_loader_attr(ld, el, "years");
    k->years = y ? atoi(y) : 3;
    if (k->years < 1 || k->years > 20) return fl_loader_error(err, ld, el, "years must be 1 to 20");
    if (fl_loader_pattern_attr(ld, el, "data", &k->data, err) || fl_loader_pattern_attr(ld, el, "after", &k->after, err) ||
        fl_loader_pattern_attr(ld, el, "unless", &k->unless, err) ||
        fl_loader_pattern(ld, el, DAYS_PATTERN, &k->days, err) ||
        fl_loader_message(ld, el, rule, "supplement-message", &k->supplement_message, err) ||
        fl_loader_message(ld, el, rule, "supplement-message-en", &k->supplement_message_en, err))
        return -1;
    if (!k->data) return fl_loader_error(err, ld, el, "<dataage> needs a data pattern");
    for (const xmlNode *c = fl_xml_first(el); c; c = fl_xml_next(c)) {
        if (!fl_xml_named(c, "supplement") || k->nsup == MAX_SUPPLEMENT)
            return fl_loader_error(err, ld, c, "unexpected <%s> in <dataage> (at most %d <supplement>)",
                                   (const char *)c->name, MAX_SUPPLEMENT);
        supplement_k *p = &k->sup[k->nsup++];
        const char *m = fl_loader_attr(ld, c, "min");
        p->min = m ? atoi(m) : 0;
        if (p->min < 1 || p->min > 366) return fl_loader_error(err, ld, c, "<supplement> needs min, 1 to 366 days");
        p->ntypes = fl_loader_list(ld, fl_loader_attr(ld, c, "doc-type"), false, &p->types);
        if (fl_loader_in_force(ld, c, &p->in_force, err) || fl_loader_pattern_attr(ld, c, "match", &p->match, err) ||
            fl_loader_pattern_attr(ld, c, "medium", &p->medium, err) || fl_loader_pattern_attr(ld, c, "other", &p->other, err))
            return -1;
        if (!p->match) return fl_loader_error(err, ld, c, "<supplement> needs match");
    }
    rule->data = k;
    return 0;
}

/* ---- dates ------------------------------------------------------------------------ */

static bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

static int month_days(int y, int m)
{
    static const int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && leap(y) ? 29 : d[m - 1];
}

/* The last day a date written at its precision may be. */
static fl_date last_day(const fl_date *d)
{
    fl_date r = *d;
    if (!r.m) r.m = 12;
    if (!r.d) r.d = month_days(r.y, r.m);
    return r;
}

static fl_date first_day(const fl_date *d)
{
    fl_date r = *d;
    if (!r.m) r.m = 1;
    if (!r.d) r.d = 1;
    return r;
}

/* Is the data's last day plus years before the filing's first day? */
static bool stale(const fl_date *data, const fl_date *filing, int years)
{
    fl_date l = last_day(data), f = first_day(filing);
    l.y += years;
    if (l.m == 2 && l.d == 29 && !leap(l.y)) l.d = 28;
    return fl_date_days(&l) < fl_date_days(&f);
}

static int test(fl_scan *s, const fl_pattern *p, const char *t) { return p && t && *t ? fl_scan_test(s, p, t) : 0; }

static bool at(const char *t, size_t len, size_t i, const char *w)
{
    size_t l = strlen(w);
    return i + l <= len && !memcmp(t + i, w, l);
}

/* The clause around [a, e) within [ss, se): between ，, ；; 。 */
static void clause(const char *t, size_t ss, size_t se, size_t a, size_t e, size_t *cs, size_t *ce)
{
    static const char *const stops[] = {"，", ",", "；", ";", "。"};
    size_t i = a;
    *cs = ss;
    while (i > ss) {
        bool stop = false;
        for (size_t j = 0; j < sizeof stops / sizeof *stops && !stop; j++) {
            size_t l = strlen(stops[j]);
            if (i >= ss + l && !memcmp(t + i - l, stops[j], l)) stop = true;
        }
        if (stop) break;
        i--;
    }
    *cs = i;
    for (i = e; i < se; i++)
        for (size_t j = 0; j < sizeof stops / sizeof *stops; j++)
            if (at(t, se, i, stops[j])) {
                *ce = i;
                return;
            }
    *ce = se;
}

/* Inside 《…》 before i (from ss)? *open gets the bracket's start. */
static bool in_title(const char *t, size_t ss, size_t i, size_t *open)
{
    int depth = 0;
    for (size_t j = ss; j < i; j++) {
        if (at(t, i, j, "《")) {
            if (depth++ == 0) *open = j;
        } else if (at(t, i, j, "》") && depth > 0) depth--;
    }
    return depth > 0;
}

/* A year alone, or a span of years, at i: 2018年, 二〇一八年, 2016~2020年,
 * 2016年至2020年 (core/daterange.h reads periods of months and days only).
 * Fills r (to: the last year) and returns the end, 0 when none. */
static size_t years_at(fl_drange *r, const char *t, size_t len, size_t i)
{
    if (i > 0) {
        char p = t[i - 1];
        if ((p >= '0' && p <= '9') || (p >= 'A' && p <= 'Z') || (p >= 'a' && p <= 'z') || p == '.' || p == '/' || p == '-')
            return 0;
    }
    fl_date d = {0, 0, 0};
    size_t e = fl_date_parse(&d, t + i, len - i);
    bool bare = false;
    if (!e) {
        /* 2016~2020年: the first year without its 年 */
        size_t j = i;
        while (j < len && j - i < 4 && t[j] >= '0' && t[j] <= '9') j++;
        if (j - i != 4 || (j < len && t[j] >= '0' && t[j] <= '9')) return 0;
        d.y = atoi(t + i);
        e = j - i;
        bare = true;
    } else if (d.m) {
        return 0;
    }
    memset(r, 0, sizeof *r);
    r->from = r->to = d;
    r->s = r->s2 = i;
    r->e = r->e2 = i + e;
    size_t j = i + e;
    static const char *const conn[] = {"~", "-", "至", "到", "〜"};
    for (size_t c = 0; c < sizeof conn / sizeof *conn; c++)
        if (at(t, len, j, conn[c])) {
            size_t q = j + strlen(conn[c]);
            fl_date d2;
            size_t e2 = fl_date_parse(&d2, t + q, len - q);
            if (e2 && !d2.m && d2.y >= d.y && d2.y - d.y < 50) {
                r->to = d2;
                r->s2 = q;
                r->e2 = q + e2;
                r->has_end = true;
                return q + e2;
            }
        }
    return bare ? 0 : j;
}

/* The data date of one sentence that is stale, if any: its bytes [*ds, *de). */
/* Could the sentence hold a date or a number of days at all: a digit, or a
 * Chinese-numeral year or count (年, 天, 日)? Most sentences of a 现状
 * chapter have neither; they cost the date readers a pass each. */
static bool has_date_mark(const char *t, size_t ss, size_t se)
{
    for (size_t i = ss; i < se; i++)
        if (t[i] >= '0' && t[i] <= '9') return true;
    return fl_memfind(t + ss, se - ss, "年", strlen("年")) || fl_memfind(t + ss, se - ss, "天", strlen("天")) ||
           fl_memfind(t + ss, se - ss, "日", strlen("日"));
}

static bool sentence_stale(fl_scan *s, const dataage_k *k, int b, size_t ss, size_t se, const fl_date *filing,
                           size_t *ds, size_t *de)
{
    const fl_norm *n = fl_scan_norm(s, b);
    const char *t = n->text;
    fl_arena *a = fl_scan_arena(s);
    fl_date carry = {0, 0, 0};
    bool have_carry = false;
    for (size_t i = ss; i < se;) {
        fl_drange r;
        size_t e = fl_drange_at(&r, t, se, i, have_carry ? &carry : NULL);
        if (e) {
            carry = r.to;
            have_carry = true;
        } else if (!(e = years_at(&r, t, se, i))) {
            i++;
            while (i < se && ((unsigned char)t[i] & 0xC0) == 0x80) i++; /* a date starts a character */
            continue;
        }
        size_t cs, ce;
        clause(t, ss, se, r.s, e, &cs, &ce);
        size_t open = 0;
        bool titled = in_title(t, ss, r.s, &open);
        const char *cl = fl_arena_strndup(a, t + cs, ce - cs);
        /* the word right after the date: 2018年修改单, (2021年版) */
        size_t ae = e + 12 < ce ? e + 12 : ce;
        const char *after = fl_arena_strndup(a, t + e, ae - e);
        int rc_after = k->after ? test(s, k->after, after) : 0;
        bool after_hit = false;
        if (rc_after == 1) {
            /* only when the word starts the text after the date */
            size_t ms, me;
            if (fl_scan_find(s, k->after, b, e, ae, &ms, &me) == 1) {
                size_t gap = ms - e;
                after_hit = gap <= 3; /* 的 at most */
            }
        }
        int rc = test(s, k->data, cl);
        if (rc < 0 || fl_scan_failed(s)) return false;
        bool ok_title = true;
        if (titled) {
            size_t close = e;
            while (close < se && !at(t, se, close, "》")) close++;
            const char *title = fl_arena_strndup(a, t + open, close - open);
            ok_title = test(s, k->data, title) == 1 && (strstr(title, "公报") || strstr(title, "报告") || strstr(title, "监测"));
        }
        if (rc == 1 && !after_hit && ok_title && r.to.y > 1900 && fl_date_cmp(&r.to, filing) <= 0 &&
            stale(&r.to, filing, k->years)) {
            *ds = r.s;
            *de = r.e2;
            return true;
        }
        i = e > i ? e : i + 1;
    }
    return false;
}

/* ---- supplement -------------------------------------------------------------------- */

static const supplement_k *supplement_for(fl_scan *s, const dataage_k *k)
{
    const char *type = fl_scan_doc_type(s);
    for (size_t i = 0; i < k->nsup; i++) {
        const supplement_k *p = &k->sup[i];
        if (!fl_scan_in_force(s, &p->in_force)) continue;
        bool ok = !p->ntypes;
        for (size_t j = 0; j < p->ntypes && !ok; j++) ok = type && !strcmp(p->types[j], type);
        if (ok) return p;
    }
    return NULL;
}

/* The shortest duration the sentence states, 0 none. */
static int sentence_days(fl_scan *s, const dataage_k *k, int b, size_t ss, size_t se, size_t *ds, size_t *de)
{
    const fl_norm *n = fl_scan_norm(s, b);
    const char *t = n->text;
    int best = 0;
    size_t pos = ss, ms, me;
    while (pos < se && fl_scan_find(s, k->days, b, pos, se, &ms, &me) == 1) {
        size_t j = me;
        while (j > ms && !(t[j - 1] >= '0' && t[j - 1] <= '9')) j--;
        size_t d0 = j;
        while (d0 > ms && t[d0 - 1] >= '0' && t[d0 - 1] <= '9') d0--;
        int days = (j - d0) <= 3 ? atoi(t + d0) : 0;
        if (days > 0 && (!best || days < best)) {
            best = days;
            *ds = d0;
            *de = me;
        }
        pos = me > pos ? me : pos + 1;
    }
    if (best) return best;
    fl_date carry = {0, 0, 0};
    bool have = false;
    for (size_t i = ss; i < se;) {
        fl_drange r;
        size_t e = fl_drange_at(&r, t, se, i, have ? &carry : NULL);
        if (!e) {
            i++;
            continue;
        }
        carry = r.to;
        have = true;
        if (r.range) {
            long d = fl_date_days(&r.to) - fl_date_days(&r.from) + 1;
            if (d > 0 && d < 400 && (!best || d < best)) {
                best = (int)d;
                *ds = r.s;
                *de = r.e2;
            }
        }
        i = e > i ? e : i + 1;
    }
    return best;
}

static void check_supplement(fl_scan *s, const dataage_k *k, const supplement_k *p, int b, size_t ss, size_t se)
{
    const fl_doc *doc = fl_scan_doc(s);
    const fl_norm *n = fl_scan_norm(s, b);
    fl_arena *a = fl_scan_arena(s);
    size_t ms, me;
    if (fl_scan_find(s, p->match, b, ss, se, &ms, &me) != 1) return;
    const char *sentence = fl_arena_strndup(a, n->text + ss, se - ss);
    if (test(s, p->other, sentence) != 0) return;
    if (p->medium && test(s, p->medium, sentence) != 1) {
        int sec = doc->blocks[b].section;
        if (sec < 0 || test(s, p->medium, doc->sections[sec].path) != 1) return;
    }
    size_t ds = 0, de = 0;
    int days = sentence_days(s, k, b, ss, se, &ds, &de);
    if (!days || days >= p->min) return;
    fl_hit h = {.block = b, .severity = -1, .span = true, .start = ds, .end = de,
                .message = k->supplement_message, .message_en = k->supplement_message_en};
    fl_hit_var(&h, "days", fl_arena_printf(a, "%d", days));
    fl_hit_var(&h, "min", fl_arena_printf(a, "%d", p->min));
    fl_hit_var(&h, "data", fl_scan_typed(s, b, ds, de));
    fl_scan_emit(s, &h);
}

/* ---- run ---------------------------------------------------------------------------- */

static void run(const fl_rule *rule, fl_scan *s)
{
    const dataage_k *k = rule->data;
    const fl_doc *doc = fl_scan_doc(s);
    const fl_scope *sc = fl_scan_scope(s, &k->scope);
    if (fl_scan_failed(s) || !sc->found) return;
    bool dated = doc->filing_date.found && !doc->filing_date.unfilled && doc->filing_date.value.y > 1900;
    const supplement_k *sup = k->supplement_message ? supplement_for(s, k) : NULL;
    if (!dated && !sup) return;
    fl_arena *a = fl_scan_arena(s);
    for (size_t i = 0; i < sc->nblocks && !fl_scan_failed(s); i++) {
        int b = sc->blocks[i];
        const fl_block *blk = &doc->blocks[b];
        if (blk->kind == FL_BLOCK_HEADING || (blk->flags & FL_BF_TOC)) continue;
        const fl_norm *n = fl_scan_norm(s, b);
        for (size_t pos = 0; pos < n->len && !fl_scan_failed(s);) {
            size_t ss, se;
            fl_scan_sentence(s, b, pos, &ss, &se);
            if (se <= pos) se = pos + 1 < n->len ? pos + 1 : n->len;
            if (se - ss > MAX_SENTENCE) {
                pos = se;
                continue;
            }
            if (!has_date_mark(n->text, ss, se)) { /* neither data age nor a duration */
                pos = se;
                continue;
            }
            const char *sentence = fl_arena_strndup(a, n->text + ss, se - ss);
            int un = test(s, k->unless, sentence);
            if (un < 0) return;
            size_t ds, de;
            if (!un && dated && sentence_stale(s, k, b, ss, se, &doc->filing_date.value, &ds, &de)) {
                fl_hit h = {.block = b, .severity = -1, .span = true, .start = ds, .end = de};
                fl_hit_var(&h, "data", fl_scan_typed(s, b, ds, de));
                fl_hit_var(&h, "filing", doc->filing_date.text ? doc->filing_date.text : fl_scan_iso(s, &doc->filing_date.value));
                fl_hit_var(&h, "years", fl_arena_printf(a, "%d", k->years));
                fl_scan_emit(s, &h);
            }
            if (sup && !un) check_supplement(s, k, sup, b, ss, se);
            pos = se;
        }
    }
}

static void describe(const fl_rule *rule, FILE *out)
{
    const dataage_k *k = rule->data;
    fl_scope_describe(&k->scope, out);
    fprintf(out, "数据日期：与 /%s/ 同在一个分句中的日期（范围取其末日）", k->data->source);
    if (k->after) fprintf(out, "，紧跟 /%s/ 的不算", k->after->source);
    fputc('\n', out);
    fprintf(out, "过期：数据日期的最后可能一天加 %d 年仍早于编制日期的最早可能一天；无编制日期时不判断\n", k->years);
    if (k->unless) fprintf(out, "不判断：句中含 /%s/\n", k->unless->source);
    for (size_t i = 0; i < k->nsup; i++) {
        const supplement_k *p = &k->sup[i];
        fprintf(out, "补充监测 /%s/ 不少于 %d 天", p->match->source, p->min);
        if (p->ntypes) {
            fputs("（", out);
            for (size_t j = 0; j < p->ntypes; j++) fprintf(out, "%s%s", j ? " " : "", p->types[j]);
            fputs("）", out);
        }
        if (p->medium) fprintf(out, "，要素 /%s/", p->medium->source);
        if (p->other) fprintf(out, "，句中含 /%s/ 的不看", p->other->source);
        fl_in_force_describe(&p->in_force, out);
        fputc('\n', out);
    }
}

const fl_kind fl_kind_dataage = {"dataage", vars, parse, run, describe};
