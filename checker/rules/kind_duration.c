/* Kind `duration`: a stated period must not exceed a limit in years, the
 * limit chosen by what the document says it is (SOIL103: 3 years for a
 * 风险管控/修复 project, 5 when groundwater or 农用地安全利用 is involved, 2
 * otherwise).
 *
 *   <duration>
 *     <period field="项目周期 实施周期"/>
 *     <period match="项目周期[^。；]{0,40}" scope="..."/>
 *     <limit years="5" name="涉及地下水的项目" when="地下水" unless="不涉及"/>
 *     <limit years="3" name="风险管控、修复项目" when="风险管控|修复" in="title fields" fields="项目类型"/>
 *     <limit years="2" name="其他项目"/>
 *   </duration>
 *
 * A period is read from start and end dates (2021年6月至2023年5月, 2024—2026年,
 * 2024.1-2026.12, 2024年1月至12月) or from a length (3年, 三年, 36个月, 2年6个月,
 * 一年半). Ranges count whole days: 2024年1月至2026年12月 is 3 years exactly.
 * The first <limit> whose evidence is found applies (evidence.h: when, in,
 * fields, unless, scope); one without `when` always applies; a limit with
 * since/until only on the dates it is in force. One finding, at the first
 * stated period that exceeds the limit. */
#include "rules/kind.h"
#include "rules/evidence.h"
#include "core/date.h"
#include "core/utf8.h"
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct period_src {
    const char **fields; size_t nfields;  /* or */
    const fl_pattern *match;
    fl_scope_spec scope;
} period_src;

typedef struct limit {
    int years;
    const char *name;
    fl_evidence when; /* when.match NULL: always */
    fl_in_force in_force;
} limit;

typedef struct duration_k {
    period_src *srcs; size_t nsrcs;
    limit *limits; size_t nlimits;
} duration_k;

static const char *const vars[] = {"value", "period", "limit", "type", NULL};

/* ---- parsing the ruleset -------------------------------------------------- */

static int parse(fl_rule *rule, const xmlNode *el, fl_loader *ld, fl_error *err)
{
    duration_k *k = fl_loader_alloc(ld, sizeof *k);
    size_t n = 0;
    for (const xmlNode *c = fl_xml_first(el); c; c = fl_xml_next(c)) n++;
    k->srcs = fl_loader_alloc(ld, (n + 1) * sizeof *k->srcs);
    k->limits = fl_loader_alloc(ld, (n + 1) * sizeof *k->limits);
    for (const xmlNode *c = fl_xml_first(el); c; c = fl_xml_next(c)) {
        if (fl_xml_named(c, "period")) {
            period_src *p = &k->srcs[k->nsrcs++];
            p->nfields = fl_loader_list(ld, fl_loader_attr(ld, c, "field"), true, &p->fields);
            if (fl_loader_pattern_attr(ld, c, "match", &p->match, err) || fl_loader_scope(ld, c, &p->scope, err)) return -1;
            if (!p->nfields == !p->match) return fl_loader_error(err, ld, c, "<period> needs either field=\"名称 ...\" or match=\"pattern\"");
        } else if (fl_xml_named(c, "limit")) {
            limit *l = &k->limits[k->nlimits++];
            const char *y = fl_loader_attr(ld, c, "years");
            char *end = NULL;
            long v = y ? strtol(y, &end, 10) : 0;
            if (!y || *end || v < 1 || v > 100) return fl_loader_error(err, ld, c, "<limit> needs years=\"1..100\"");
            l->years = (int)v;
            l->name = fl_loader_attr(ld, c, "name");
            if (!l->name) l->name = "";
            if (fl_evidence_parse(&l->when, c, ld, "when", FL_EV_TITLE | FL_EV_FIELDS | FL_EV_TEXT, NULL, err) ||
                fl_loader_in_force(ld, c, &l->in_force, err))
                return -1;
        } else {
            return fl_loader_error(err, ld, c, "unexpected <%s> in <duration> (period, limit)", (const char *)c->name);
        }
    }
    if (!k->nsrcs || !k->nlimits) return fl_loader_error(err, ld, el, "<duration> needs <period> and <limit> elements");
    rule->data = k;
    return 0;
}

/* ---- reading a period ------------------------------------------------------ */

static bool starts(const char *t, size_t len, size_t i, const char *lit)
{
    size_t n = strlen(lit);
    return i + n <= len && !memcmp(t + i, lit, n);
}

static bool digit(char c) { return c >= '0' && c <= '9'; }

static size_t skip_spaces(const char *t, size_t len, size_t i)
{
    while (i < len && t[i] == ' ') i++;
    return i;
}

/* A date, or what fl_date_parse leaves to us: 2024 (before a range mark) and
 * 2024.1 (year and month with a dot). Normalised text. */
static size_t loose_date(fl_date *d, const char *t, size_t len, size_t i)
{
    size_t n = fl_date_parse(d, t + i, len - i);
    if (n) return n;
    if (i + 4 > len || !digit(t[i]) || !digit(t[i + 1]) || !digit(t[i + 2]) || !digit(t[i + 3])) return 0;
    if ((i + 4 < len && digit(t[i + 4])) || !(starts(t, len, i, "19") || starts(t, len, i, "20"))) return 0;
    *d = (fl_date){atoi(t + i), 0, 0};
    size_t e = i + 4;
    if (e + 1 < len && t[e] == '.' && digit(t[e + 1])) {
        int m = t[e + 1] - '0';
        size_t f = e + 2;
        if (f < len && digit(t[f])) m = m * 10 + (t[f++] - '0');
        if (m >= 1 && m <= 12 && !(f < len && (digit(t[f]) || t[f] == '.'))) {
            d->m = m;
            e = f;
        }
    }
    return e - i;
}

/* 至 / 到 / - / ~ between two dates, after an optional 起 and comma. */
static size_t range_mark(const char *t, size_t len, size_t i)
{
    i = skip_spaces(t, len, i);
    if (starts(t, len, i, "起")) i = skip_spaces(t, len, i + 3);
    if (starts(t, len, i, "，") || (i < len && t[i] == ',')) i = skip_spaces(t, len, i + (t[i] == ',' ? 1 : 3));
    size_t j = i;
    if (j < len && (t[j] == '-' || t[j] == '~')) j++;
    if (starts(t, len, j, "至") || starts(t, len, j, "到")) j += 3;
    return j > i ? skip_spaces(t, len, j) : 0;
}

/* The end of a range written without its year: 2024年1月至12月. */
static size_t month_only(fl_date *d, int year, const char *t, size_t len, size_t i)
{
    size_t j = i;
    int m = 0, day = 0;
    while (j < len && digit(t[j]) && j - i < 2) m = m * 10 + (t[j++] - '0');
    if (j == i || !starts(t, len, j, "月") || m < 1 || m > 12) return 0;
    j += 3;
    size_t k = j;
    while (k < len && digit(t[k]) && k - j < 2) day = day * 10 + (t[k++] - '0');
    if (k > j && starts(t, len, k, "日")) j = k + 3;
    else day = 0;
    *d = (fl_date){year, m, day};
    return j - i;
}

static int month_days(int y, int m)
{
    fl_date a = {y, m, 1}, b = {m == 12 ? y + 1 : y, m == 12 ? 1 : m + 1, 1};
    return (int)(fl_date_days(&b) - fl_date_days(&a));
}

typedef struct period {
    bool range;
    long first, last;  /* days, range */
    fl_date from;
    int months;        /* length statements */
} period;

static bool has_nian(const char *t, size_t len)
{
    for (size_t i = 0; i + 3 <= len; i++)
        if (!memcmp(t + i, "年", 3)) return true;
    return false;
}

/* A date range starting at i; fills p and returns its end, 0 if none. */
static size_t read_range(period *p, const char *t, size_t len, size_t i)
{
    fl_date a, b;
    size_t n = loose_date(&a, t, len, i);
    if (!n || !fl_date_valid(&a)) return 0;
    size_t j = range_mark(t, len, i + n);
    if (!j) return 0;
    size_t m = loose_date(&b, t, len, j);
    if (!m && a.m) m = month_only(&b, a.y, t, len, j);
    if (!m || !fl_date_valid(&b)) return 0;
    if (a.m == 0 && b.m == 0 && !has_nian(t + i, j + m - i) && !starts(t, len, j + m, "年"))
        return 0; /* 2024-2026 with no 年: a code or a count, not years */
    fl_date s = {a.y, a.m ? a.m : 1, a.d ? a.d : 1};
    fl_date e = {b.y, b.m ? b.m : 12, 1};
    e.d = b.d ? b.d : month_days(e.y, e.m);
    p->range = true;
    p->from = s;
    p->first = fl_date_days(&s);
    p->last = fl_date_days(&e);
    return p->last >= p->first ? j + m : 0;
}

static int cn_digit(const char *t, size_t len, size_t i)
{
    static const char *const d[] = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
    for (int k = 0; k < 10; k++)
        if (starts(t, len, i, d[k])) return k;
    if (starts(t, len, i, "两")) return 2;
    return -1;
}

/* A small number at i: 3, 3.5, 36, 三, 十八, 二十四, 两. *tenths is the value
 * times ten. Returns bytes, 0 if none. */
static size_t small_number(const char *t, size_t len, size_t i, int *tenths)
{
    size_t j = i;
    if (j < len && digit(t[j])) {
        int v = 0;
        while (j < len && digit(t[j]) && j - i < 3) v = v * 10 + (t[j++] - '0');
        if (j < len && digit(t[j])) return 0;
        *tenths = v * 10;
        if (j + 1 < len && t[j] == '.' && digit(t[j + 1])) {
            *tenths += t[j + 1] - '0';
            j += 2;
            while (j < len && digit(t[j])) j++;
        }
        return j - i;
    }
    int v = 0, d;
    bool any = false;
    if ((d = cn_digit(t, len, j)) >= 0) { v = d; j += 3; any = true; }
    if (starts(t, len, j, "十")) { v = (any ? v : 1) * 10; j += 3; any = true;
        if ((d = cn_digit(t, len, j)) > 0) { v += d; j += 3; } }
    if (!any) return 0;
    *tenths = v * 10;
    return j - i;
}

static bool numeral_before(const char *t, size_t i)
{
    if (i == 0) return false;
    char c = t[i - 1];
    if (digit(c) || c == '.') return true;
    if (i >= 3) {
        int d = cn_digit(t, i, i - 3);
        if (d >= 0 || !memcmp(t + i - 3, "十", 3) || !memcmp(t + i - 3, "第", 3)) return true;
    }
    return false;
}

/* A length at i: 3年, 36个月, 2年6个月, 一年半, 3.5年; not 第3年 and not a
 * calendar year. Returns its end, 0 if none. */
static size_t read_length(period *p, const char *t, size_t len, size_t i)
{
    int tenths;
    if (numeral_before(t, i)) return 0;
    size_t n = small_number(t, len, i, &tenths);
    if (!n) return 0;
    size_t j = skip_spaces(t, len, i + n);
    int months;
    if (starts(t, len, j, "个月")) {
        months = tenths / 10;
        j += 6;
    } else if (starts(t, len, j, "年") && tenths <= 500) {
        months = (tenths * 12 + 5) / 10;
        j += 3;
        if (starts(t, len, j, "半")) { months += 6; j += 3; }
        else {
            int more;
            size_t m = small_number(t, len, j, &more);
            if (m && starts(t, len, skip_spaces(t, len, j + m), "个月")) {
                months += more / 10;
                j = skip_spaces(t, len, j + m) + 6;
            }
        }
    } else {
        return 0;
    }
    if (months <= 0) return 0;
    p->range = false;
    p->months = months;
    return j;
}

static long add_years(const fl_date *d, int years)
{
    fl_date e = {d->y + years, d->m, d->d};
    int md = month_days(e.y, e.m);
    if (e.d > md) e.d = md;
    return fl_date_days(&e);
}

static bool exceeds(const period *p, int years)
{
    return p->range ? p->last >= add_years(&p->from, years) : p->months > years * 12;
}

static int months_of(const period *p)
{
    return p->range ? (int)lround((double)(p->last - p->first + 1) / 30.4375) : p->months;
}

/* The first statement in t that exceeds the limit (offsets into t), or the
 * longest one when none does; false when t states no period. */
static bool read_period(const char *t, size_t len, int years, period *out, size_t *at, size_t *end)
{
    bool found = false;
    for (size_t i = 0; i < len;) {
        period p;
        size_t e = read_range(&p, t, len, i);
        if (!e) e = read_length(&p, t, len, i);
        if (!e) {
            i++;
            while (i < len && ((unsigned char)t[i] & 0xC0) == 0x80) i++;
            continue;
        }
        if (!found || (!exceeds(out, years) && (exceeds(&p, years) || months_of(&p) > months_of(out)))) {
            *out = p;
            *at = i;
            *end = e;
            found = true;
        }
        i = e;
    }
    return found;
}

/* ---- running --------------------------------------------------------------- */

static const limit *choose_limit(const duration_k *k, fl_scan *s)
{
    for (size_t i = 0; i < k->nlimits; i++) {
        const limit *l = &k->limits[i];
        if (!fl_scan_in_force(s, &l->in_force)) continue;
        if (!l->when.match) return l;
        int rc = fl_evidence_find(s, &l->when, NULL);
        if (rc < 0) return NULL;
        if (rc) return l;
    }
    return NULL;
}

static const char *shown(fl_scan *s, const period *p)
{
    int m = months_of(p);
    if (m % 12 == 0) return fl_arena_printf(fl_scan_arena(s), "%d年", m / 12);
    if (m < 12) return fl_arena_printf(fl_scan_arena(s), "%d个月", m);
    return fl_arena_printf(fl_scan_arena(s), "%d年%d个月", m / 12, m % 12);
}

static void report(fl_scan *s, const limit *l, fl_hit *h, const char *value, const period *p)
{
    h->severity = -1;
    fl_hit_var(h, "value", value);
    fl_hit_var(h, "period", shown(s, p));
    fl_hit_var(h, "limit", fl_arena_printf(fl_scan_arena(s), "%d年", l->years));
    fl_hit_var(h, "type", l->name);
    fl_scan_emit(s, h);
}

static bool check_fields(const period_src *src, const limit *l, fl_scan *s)
{
    const fl_doc *doc = fl_scan_doc(s);
    for (size_t i = 0; i < doc->nfields; i++) {
        const fl_field *f = &doc->fields[i];
        if (!f->value || !fl_evidence_field_named(f->name, src->fields, src->nfields, NULL)) continue;
        fl_norm n;
        fl_norm_text(&n, fl_scan_arena(s), f->value, strlen(f->value));
        period p;
        size_t a, e;
        if (read_period(n.text, n.len, l->years, &p, &a, &e) && exceeds(&p, l->years)) {
            fl_hit h = {.block = f->block};
            report(s, l, &h, f->value, &p);
            return true;
        }
    }
    return false;
}

static bool check_text(const period_src *src, const limit *l, fl_scan *s)
{
    const fl_doc *doc = fl_scan_doc(s);
    const fl_scope *sc = fl_scan_scope(s, &src->scope);
    for (size_t i = 0; i < sc->nblocks && !fl_scan_failed(s); i++) {
        int b = sc->blocks[i];
        if (doc->blocks[b].flags & FL_BF_TOC) continue;
        const fl_norm *n = fl_scan_norm(s, b);
        size_t from = 0, ms, me;
        while (from <= n->len && fl_scan_find(s, src->match, b, from, SIZE_MAX, &ms, &me) == 1) {
            period p;
            size_t a, e;
            if (read_period(n->text + ms, me - ms, l->years, &p, &a, &e) && exceeds(&p, l->years)) {
                fl_hit h = {.block = b, .span = true, .start = ms + a, .end = ms + e};
                size_t o0 = fl_norm_orig(n, ms + a), o1 = fl_norm_orig(n, ms + e);
                report(s, l, &h, fl_arena_strndup(fl_scan_arena(s), doc->blocks[b].text + o0, o1 - o0), &p);
                return true;
            }
            from = me > ms ? me : ms + 1;
            while (from < n->len && ((unsigned char)n->text[from] & 0xC0) == 0x80) from++;
        }
    }
    return false;
}

static void run(const fl_rule *rule, fl_scan *s)
{
    const duration_k *k = rule->data;
    const limit *l = choose_limit(k, s);
    if (!l || fl_scan_failed(s)) return;
    for (size_t i = 0; i < k->nsrcs && !fl_scan_failed(s); i++) {
        const period_src *src = &k->srcs[i];
        if (src->nfields ? check_fields(src, l, s) : check_text(src, l, s)) return;
    }
}

static void describe(const fl_rule *rule, FILE *out)
{
    const duration_k *k = rule->data;
    for (size_t i = 0; i < k->nsrcs; i++) {
        const period_src *p = &k->srcs[i];
        if (p->nfields) {
            fputs("周期读自字段：", out);
            for (size_t j = 0; j < p->nfields; j++) fprintf(out, "%s%s", j ? " " : "", p->fields[j]);
            fputc('\n', out);
        } else {
            fprintf(out, "周期读自文字：/%s/\n", p->match->source);
        }
    }
    for (size_t i = 0; i < k->nlimits; i++) {
        const limit *l = &k->limits[i];
        fprintf(out, "上限 %d 年：%s", l->years, *l->name ? l->name : "");
        fl_in_force_describe(&l->in_force, out);
        fputc('\n', out);
        if (l->when.match) fl_evidence_describe(&l->when, "  适用于", out);
    }
}

const fl_kind fl_kind_duration = {"duration", vars, parse, run, describe};
