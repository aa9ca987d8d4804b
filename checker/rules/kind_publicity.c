/* Kind `publicity`: the public-participation record (《环境影响评价公众参与
 * 办法》, 生态环境部令第4号) read as dates, periods and channels, and checked
 * in working days of the official calendar (rulesets/data/holidays.xml,
 * loaded once per ruleset). One element, one check:
 *
 *   <publicity check="period" min="10">        EIA402 network / posting period
 *   <publicity check="channels">               EIA403 all three channels, newspaper twice
 *   <publicity check="commission" max="7">     EIA404 first publicity after commissioning
 *   <publicity check="same-start">             EIA406 the channels start together
 *   <publicity check="respondents">            EIA405 respondent table: phones, ID numbers
 *   <publicity check="personal">               EIA407 unmasked numbers of the public (rules/ppdata.c)
 *
 * <simplified min="5">pattern</simplified>: a filing that claims the park
 * simplification (a project in an industrial park whose 规划环评 ran its own
 * public participation) is held to min working days on the network, needs
 * no posting and no first publicity.
 *
 * Where it looks: the whole document for the types in whole-document="eia-pp",
 * else the sections the scope selects (a book's 公众参与). Inside that, the
 * sections whose heading matches <stage> (征求意见稿) when there are any;
 * otherwise every sentence except those about another stage (<other-stage>:
 * 首次, 报批前 …). A sentence's channels come from the <channel> patterns; a
 * date belongs to the channels named in its clause (between commas), else in
 * its sentence. Dates are read as filings type them: 2024年3月1日至2024年3月14日,
 * 3月1日—3月14日 (year carried), 2024-03-01~2024-03-14, 3月1日至14日.
 *
 * A period in a year the holiday table lacks is not guessed: the rule gives
 * the message of <case name="unknown-year"> at info severity. */
#include "rules/kind.h"
#include "rules/publicity.h"
#include "rules/clause.h"
#include "core/daterange.h"
#include "rules/ppdata.h"
#include "data/calendar.h"
#include "core/checkdigit.h"
#include "data/tables.h"
#include "core/date.h"
#include "core/utf8.h"
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const check_names[] = {"period", "channels", "commission", "same-start", "respondents", "personal",
                                          "timeline"};
static const char *const role_names[] = {"network", "newspaper", "posting"};
static const char *const col_names[] = {"name", "phone", "id"};
static const char *const case_names[] = {"unknown-year", "stated", "newspaper", "check-digit", "simplified", "text",
                                         "meeting", "minutes", "not-after", "own-date"};

static const char *const vars[] = {"channel", "from", "to", "days", "min", "max", "count", "value",
                                   "commission", "first", "network", "newspaper", "posting",
                                   "column", "row", "other", "step", "date", "prior", "on", NULL};

/* Built-in patterns, written for the normalised text. */
static const char *const days_src =
    "(?<!不少于|不得少于|至少|不低于|少于|超过|满)(?:[0-9]{1,3}|[一二三四五六七八九十]{1,3})\\s*个?工作日(?!内)";
static const char *const times_src = "(?<!第)(?:[0-9]{1,2}|[一两二三四五六七八九十])\\s*次";

/* ---- the calendar --------------------------------------------------------- */

static int load_calendar(void **out, const char *path, fl_error *err)
{
    fl_holidays *h = NULL;
    *out = NULL;
    if (fl_holidays_load(&h, path, err)) return -1;
    *out = fl_calendar_new(h);
    fl_holidays_free(h);
    return 0;
}

static void free_calendar(void *c) { fl_calendar_free(c); }

/* ---- parsing ---------------------------------------------------------------- */

static int index_of(const char *const *names, int n, const char *s)
{
    for (int i = 0; s && i < n; i++)
        if (!strcmp(names[i], s)) return i;
    return -1;
}

static int parse_child(fl_pub_k *k, const xmlNode *c, fl_loader *ld, const fl_rule *rule, fl_error *err)
{
    const fl_pattern **slot = NULL;
    if (fl_xml_named(c, "stage")) slot = &k->stage;
    else if (fl_xml_named(c, "other-stage")) slot = &k->other_stage;
    else if (fl_xml_named(c, "unless")) slot = &k->unless;
    else if (fl_xml_named(c, "days")) slot = &k->days;
    else if (fl_xml_named(c, "times")) slot = &k->times;
    else if (fl_xml_named(c, "commission")) slot = &k->commission;
    else if (fl_xml_named(c, "first")) slot = &k->first;
    else if (fl_xml_named(c, "final")) slot = &k->final;
    else if (fl_xml_named(c, "meeting")) slot = &k->meeting;
    else if (fl_xml_named(c, "announce")) slot = &k->announce;
    else if (fl_xml_named(c, "minutes")) slot = &k->minutes;
    if (slot) return fl_loader_pattern_text(ld, c, slot, err);
    if (fl_xml_named(c, "simplified")) {
        const char *min = fl_loader_attr(ld, c, "min");
        k->simplified_min = 5;
        if (min) {
            char *end;
            long v = strtol(min, &end, 10);
            if (*end || v < 1 || v > 365) return fl_loader_error(err, ld, c, "<simplified min=\"%s\">: a number of days 1..365", min);
            k->simplified_min = (int)v;
        }
        return fl_loader_pattern_text(ld, c, &k->simplified, err);
    }
    const char *role = fl_loader_attr(ld, c, "role");
    if (fl_xml_named(c, "channel")) {
        int r = index_of(role_names, CH_N, role);
        if (r < 0) return fl_loader_error(err, ld, c, "<channel role=\"%s\">: use network, newspaper or posting", role ? role : "");
        k->ch[r].name = fl_loader_attr(ld, c, "name");
        if (!k->ch[r].name) k->ch[r].name = role_names[r];
        return fl_loader_pattern_text(ld, c, &k->ch[r].p, err);
    }
    if (fl_xml_named(c, "column")) {
        int r = index_of(col_names, COL_N, role);
        if (r < 0) return fl_loader_error(err, ld, c, "<column role=\"%s\">: use name, phone or id", role ? role : "");
        return fl_loader_pattern_text(ld, c, &k->col[r], err);
    }
    if (fl_xml_named(c, "case")) {
        const char *name = fl_loader_attr(ld, c, "name");
        int r = index_of(case_names, CASE_N, name);
        if (r < 0) return fl_loader_error(err, ld, c, "<case name=\"%s\">: use unknown-year, stated, newspaper, check-digit, simplified, text, meeting, minutes, not-after or own-date", name ? name : "");
        if (fl_loader_message(ld, c, rule, "message", &k->cases[r].msg, err) ||
            fl_loader_message(ld, c, rule, "message-en", &k->cases[r].msg_en, err))
            return -1;
        if (!k->cases[r].msg) return fl_loader_error(err, ld, c, "<case> needs message=\"...\"");
        return 0;
    }
    return fl_loader_error(err, ld, c, "unexpected <%s> in <publicity>", (const char *)c->name);
}

/* What each check cannot do without. */
static int check_needs(const fl_pub_k *k, const xmlNode *el, fl_loader *ld, fl_error *err)
{
    bool ok = true;
    switch (k->check) {
    case P_PERIOD: ok = k->ch[CH_NETWORK].p && k->ch[CH_POSTING].p && k->cases[CASE_UNKNOWN_YEAR].msg; break;
    case P_CHANNELS: case P_SAME_START: ok = k->ch[CH_NETWORK].p && k->ch[CH_NEWSPAPER].p && k->ch[CH_POSTING].p; break;
    case P_COMMISSION: ok = k->commission && k->first && k->cases[CASE_UNKNOWN_YEAR].msg; break;
    case P_RESPONDENTS: case P_PERSONAL: ok = k->col[COL_NAME] && (k->col[COL_PHONE] || k->col[COL_ID]); break;
    case P_TIMELINE:
        ok = k->commission && k->first && k->stage && k->final &&
             (!k->meeting || (k->announce && k->minutes && k->cases[CASE_MEETING].msg && k->cases[CASE_MINUTES].msg)) &&
             k->cases[CASE_NOT_AFTER].msg && k->cases[CASE_OWN_DATE].msg;
        break;
    default: break;
    }
    if (ok) return 0;
    static const char *const needs[] = {
        "<channel role=\"network\"> and <channel role=\"posting\"> and <case name=\"unknown-year\">",
        "three <channel> elements (network, newspaper, posting)",
        "<commission>, <first> and <case name=\"unknown-year\">",
        "three <channel> elements (network, newspaper, posting)",
        "<column role=\"name\"> and a phone or id column",
        "<column role=\"name\"> and a phone or id column",
        ("<commission>, <first>, <stage>, <final>, the cases not-after and own-date; with <meeting>, <announce>, "
         "<minutes> and the cases meeting and minutes")};
    return fl_loader_error(err, ld, el, "<publicity check=\"%s\"> needs %s", check_names[k->check], needs[k->check]);
}

static int parse(fl_rule *rule, const xmlNode *el, fl_loader *ld, fl_error *err)
{
    fl_pub_k *k = fl_loader_alloc(ld, sizeof *k);
    const char *check = fl_loader_attr(ld, el, "check");
    int c = index_of(check_names, P_NCHECKS, check);
    if (c < 0) return fl_loader_error(err, ld, el, "<publicity check=\"%s\">: use period, channels, commission, same-start, respondents, personal or timeline", check ? check : "");
    k->check = (fl_pub_check)c;
    if (fl_loader_scope(ld, el, &k->scope, err)) return -1;
    k->nwhole = fl_loader_list(ld, fl_loader_attr(ld, el, "whole-document"), false, &k->whole);
    const char *lim = fl_loader_attr(ld, el, k->check == P_COMMISSION ? "max" : "min");
    k->limit = k->check == P_COMMISSION ? 7 : k->check == P_CHANNELS ? 2 : 10;
    if (lim) {
        char *end;
        long v = strtol(lim, &end, 10);
        if (*end || v < 1 || v > 365) return fl_loader_error(err, ld, el, "min / max must be a number of days 1..365, not '%s'", lim);
        k->limit = (int)v;
    }
    for (const xmlNode *ch = fl_xml_first(el); ch; ch = fl_xml_next(ch))
        if (parse_child(k, ch, ld, rule, err)) return -1;
    if (!k->days && fl_loader_pattern(ld, el, days_src, &k->days, err)) return -1;
    if (!k->times && fl_loader_pattern(ld, el, times_src, &k->times, err)) return -1;
    if (check_needs(k, el, ld, err)) return -1;
    if (k->check != P_RESPONDENTS && k->check != P_PERSONAL && k->check != P_CHANNELS) {
        const char *data = fl_loader_attr(ld, el, "data");
        void *cal;
        if (fl_loader_table(ld, el, data ? data : "holidays", load_calendar, free_calendar, &cal, err)) return -1;
        k->cal = cal;
    }
    rule->data = k;
    return 0;
}

/* ---- helpers for findings ---------------------------------------------------- */

static const char *num(fl_scan *s, long v) { return fl_arena_printf(fl_scan_arena(s), "%ld", v); }

static void use_case(fl_hit *h, const fl_pub_k *k, int c)
{
    h->message = k->cases[c].msg;
    h->message_en = k->cases[c].msg_en;
}

/* "10", "十", "十五", "二十" -> number; -1 if none. */
static long number_at(const char *t, size_t len)
{
    static const char *const cn[] = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
    long v = 0;
    size_t i = 0;
    while (i < len && !fl_pub_is_ascii_digit(t[i]) && !fl_pub_starts_with(t + i, len - i, "十") &&
           !fl_pub_starts_with(t + i, len - i, "两")) {
        bool digit = false;
        for (int d = 1; d < 10 && !digit; d++) digit = fl_pub_starts_with(t + i, len - i, cn[d]);
        if (digit) break;
        i++;
    }
    if (i < len && fl_pub_is_ascii_digit(t[i])) {
        while (i < len && fl_pub_is_ascii_digit(t[i])) v = v * 10 + (t[i++] - '0');
        return v;
    }
    long cur = -1;
    while (i < len) {
        int d = -1;
        if (fl_pub_starts_with(t + i, len - i, "两")) d = 2;
        for (int q = 0; q < 10 && d < 0; q++)
            if (fl_pub_starts_with(t + i, len - i, cn[q])) d = q;
        if (d >= 0) {
            cur = d;
            i += 3;
        } else if (fl_pub_starts_with(t + i, len - i, "十")) {
            v += (cur > 0 ? cur : 1) * 10;
            cur = 0;
            i += 3;
        } else {
            break;
        }
    }
    if (cur > 0) v += cur;
    return v > 0 ? v : -1;
}

/* The first stated count (pattern p) in sentences carrying role bits `want`
 * (0: sentences naming no channel). */
static bool stated(fl_scan *s, const fl_pub_text *x, const fl_pattern *p, unsigned want, long *v, int *b, size_t *ms,
                   size_t *me)
{
    for (size_t i = 0; i < x->ns && !fl_scan_failed(s); i++) {
        const fl_pub_sent *st = &x->s[i];
        if (want ? !(st->roles & want) : st->roles != 0) continue;
        if (fl_scan_find(s, p, st->block, st->a, st->e, ms, me) == 1) {
            const fl_norm *n = fl_scan_norm(s, st->block);
            *v = number_at(n->text + *ms, *me - *ms);
            *b = st->block;
            if (*v > 0) return true;
        }
    }
    return false;
}

/* The channel's period: the first range in a clause naming it, else in a
 * sentence naming it (…在网站公示，同期在公告栏张贴), else a range no channel
 * claims (公示时间为…); -1 if none. */
static int range_for(const fl_pub_text *x, int role)
{
    for (size_t i = 0; i < x->ni; i++)
        if (x->it[i].pair >= 0 && (x->it[i].roles & (1u << role))) return (int)i;
    for (size_t i = 0; i < x->ni; i++)
        if (x->it[i].pair >= 0 && (x->it[i].sroles & (1u << role))) return (int)i;
    for (size_t i = 0; i < x->ni; i++)
        if (x->it[i].pair >= 0 && !x->it[i].roles) return (int)i;
    return -1;
}

/* ---- period (EIA402) ------------------------------------------------------------ */

static void period_range(fl_scan *s, const fl_pub_k *k, const fl_pub_text *x, int r, const char *channels, int min, bool simple)
{
    const fl_pub_item *a = &x->it[r], *z = &x->it[a->pair];
    int b = fl_pub_item_block(x, (size_t)r);
    bool known = true;
    long n = fl_calendar_count(k->cal, &a->d, &z->d, &known);
    fl_hit h = {.block = b, .span = true, .start = a->s, .end = z->e, .severity = -1};
    fl_hit_var(&h, "channel", channels);
    fl_hit_var(&h, "from", fl_scan_typed(s, b, a->s, a->e));
    fl_hit_var(&h, "to", fl_scan_typed(s, b, z->s, z->e));
    fl_hit_var(&h, "days", num(s, n));
    fl_hit_var(&h, "min", num(s, min));
    if (simple && k->cases[CASE_SIMPLIFIED].msg) use_case(&h, k, CASE_SIMPLIFIED);
    if (!known) {
        /* A long holiday costs at most five weekdays: so long a period is
         * long enough whatever the missing notice says. */
        if (n >= min + 5) return;
        use_case(&h, k, CASE_UNKNOWN_YEAR);
        h.severity = FL_SEV_INFO;
    } else if (n >= min) {
        return;
    }
    fl_scan_emit(s, &h);
}

static void period_stated(fl_scan *s, const fl_pub_k *k, const fl_pub_text *x, int role, const char *channels, int min)
{
    long v;
    int b;
    size_t ms, me;
    if (!stated(s, x, k->days, 1u << role, &v, &b, &ms, &me) && !stated(s, x, k->days, 0, &v, &b, &ms, &me)) return;
    if (v >= min || !k->cases[CASE_STATED].msg) return;
    fl_hit h = {.block = b, .span = true, .start = ms, .end = me, .severity = -1};
    use_case(&h, k, CASE_STATED);
    fl_hit_var(&h, "channel", channels);
    fl_hit_var(&h, "days", num(s, v));
    fl_hit_var(&h, "min", num(s, min));
    fl_scan_emit(s, &h);
}

/* Simplified (园区): the network period against the shorter minimum;
 * posting is not required, so its period is not judged. */
static void run_period(fl_scan *s, const fl_pub_k *k, const fl_pub_text *x, bool simple)
{
    int rn = range_for(x, CH_NETWORK), rp = simple ? -1 : range_for(x, CH_POSTING);
    int min = simple ? k->simplified_min : k->limit;
    const char *nn = k->ch[CH_NETWORK].name, *pn = k->ch[CH_POSTING].name;
    if (rn >= 0 && rn == rp) {
        period_range(s, k, x, rn, fl_arena_printf(fl_scan_arena(s), "%s、%s", nn, pn), min, simple);
        return;
    }
    if (rn >= 0) period_range(s, k, x, rn, nn, min, simple);
    else period_stated(s, k, x, CH_NETWORK, nn, min);
    if (simple) return;
    if (rp >= 0) period_range(s, k, x, rp, pn, min, simple);
    else period_stated(s, k, x, CH_POSTING, pn, min);
}

/* ---- channels (EIA403) ----------------------------------------------------------- */

static void missing_channel(fl_scan *s, const fl_pub_k *k, const fl_pub_text *x, int role, bool simple)
{
    fl_hit h = {.block = x->heading, .severity = -1, .item = k->ch[role].name};
    if (simple && k->cases[CASE_SIMPLIFIED].msg) use_case(&h, k, CASE_SIMPLIFIED);
    fl_hit_var(&h, "channel", k->ch[role].name);
    fl_scan_emit(s, &h);
}

/* Newspaper runs: distinct single dates of newspaper clauses inside the
 * period (when one is known). When fewer dates are listed than required, a
 * stated count (共2次) may make up for them. */
static void newspaper_runs(fl_scan *s, const fl_pub_k *k, const fl_pub_text *x)
{
    int r = range_for(x, CH_NETWORK);
    const fl_date *from = r >= 0 ? &x->it[r].d : NULL, *to = r >= 0 ? &x->it[x->it[r].pair].d : NULL;
    long count = 0, all = 0;
    int first = -1;
    const char *list = "";
    for (size_t i = 0; i < x->ni; i++) {
        const fl_pub_item *it = &x->it[i];
        if (it->pair >= 0 || it->is_end || !(it->roles & (1u << CH_NEWSPAPER)) || !it->d.d) continue;
        bool dup = false;
        for (size_t j = 0; j < i && !dup; j++)
            dup = x->it[j].pair < 0 && !x->it[j].is_end && (x->it[j].roles & (1u << CH_NEWSPAPER)) &&
                  !fl_date_cmp(&x->it[j].d, &it->d);
        if (dup) continue;
        all++;
        if (first < 0) first = (int)i;
        list = fl_arena_printf(fl_scan_arena(s), "%s%s%s", list, *list ? "、" : "",
                               fl_scan_typed(s, fl_pub_item_block(x, i), it->s, it->e));
        if (!from || (fl_date_cmp(&it->d, from) >= 0 && fl_date_cmp(&it->d, to) <= 0)) count++;
    }
    if (count >= k->limit || !k->cases[CASE_NEWSPAPER].msg) return;
    long v = 0;
    int b = -1;
    size_t ms = 0, me = 0;
    bool said = stated(s, x, k->times, 1u << CH_NEWSPAPER, &v, &b, &ms, &me);
    if (all < k->limit) {
        if (said && v >= k->limit) return; /* the dates are not all listed */
        if (!all && !said) return;         /* nothing to judge by */
        if (!all) count = v;
    }
    fl_hit h = {.block = b, .span = said, .start = ms, .end = me, .severity = -1, .item = k->ch[CH_NEWSPAPER].name};
    if (first >= 0) {
        h.block = fl_pub_item_block(x, (size_t)first);
        h.span = true;
        h.start = x->it[first].s;
        h.end = x->it[first].e;
    }
    use_case(&h, k, CASE_NEWSPAPER);
    fl_hit_var(&h, "channel", k->ch[CH_NEWSPAPER].name);
    fl_hit_var(&h, "count", num(s, count));
    fl_hit_var(&h, "value", list);
    fl_hit_var(&h, "min", num(s, k->limit));
    fl_scan_emit(s, &h);
}

static void run_channels(fl_scan *s, const fl_pub_k *k, const fl_pub_text *x, bool simple)
{
    unsigned seen = 0;
    for (size_t i = 0; i < x->ns; i++) seen |= x->s[i].roles;
    for (int r = 0; r < CH_N; r++)
        if (!(seen & (1u << r)) && !(simple && r == CH_POSTING)) missing_channel(s, k, x, r, simple);
    if (seen & (1u << CH_NEWSPAPER)) newspaper_runs(s, k, x);
}

/* ---- same start (EIA406) ---------------------------------------------------------- */

static int first_date(const fl_pub_text *x, int role)
{
    int best = -1;
    for (size_t i = 0; i < x->ni; i++) {
        const fl_pub_item *it = &x->it[i];
        if (it->is_end || !it->d.d || !(it->roles & (1u << role))) continue;
        if (best < 0 || fl_date_cmp(&it->d, &x->it[best].d) < 0) best = (int)i;
    }
    return best;
}

/* Simplified: a posting made anyway need not start with the others. */
static void run_same_start(fl_scan *s, const fl_pub_k *k, const fl_pub_text *x, bool simple)
{
    int f[CH_N], known = 0, latest = -1;
    bool differ = false;
    for (int r = 0; r < CH_N; r++) {
        f[r] = simple && r == CH_POSTING ? -1 : first_date(x, r);
        if (f[r] < 0) continue;
        known++;
        if (latest >= 0 && fl_date_cmp(&x->it[f[r]].d, &x->it[latest].d)) differ = true;
        if (latest < 0 || fl_date_cmp(&x->it[f[r]].d, &x->it[latest].d) > 0) latest = f[r];
    }
    if (known < 2 || !differ) return;
    int b = fl_pub_item_block(x, (size_t)latest);
    fl_hit h = {.block = b, .span = true, .start = x->it[latest].s, .end = x->it[latest].e, .severity = -1};
    static const char *const var[] = {"network", "newspaper", "posting"};
    for (int r = 0; r < CH_N; r++) {
        const char *v = "—";
        if (f[r] >= 0) v = fl_scan_typed(s, fl_pub_item_block(x, (size_t)f[r]), x->it[f[r]].s, x->it[f[r]].e);
        fl_hit_var(&h, var[r], v);
    }
    fl_scan_emit(s, &h);
}

/* ---- commission (EIA404) ---------------------------------------------------------- */

/* The date that goes with the first match of p: in the match's clause, else
 * the last one before it in its sentence. A match whose clause also matches
 * q (委托 in a 首次公开 sentence: "确定编制单位后7个工作日内") is passed over. */
static int dated_match(fl_scan *s, const fl_pub_text *x, const fl_pattern *p, const fl_pattern *q)
{
    for (size_t i = 0; i < x->ns && !fl_scan_failed(s); i++) {
        const fl_pub_sent *st = &x->s[i];
        size_t ms, me, ca, ce;
        if (fl_scan_find(s, p, st->block, st->a, st->e, &ms, &me) != 1) continue;
        const char *t = fl_scan_norm(s, st->block)->text;
        fl_text_clause(t, st->a, st->e, ms, &ca, &ce);
        if (q && fl_pub_has(s, q, st->block, ca, ce)) continue;
        int before = -1;
        for (size_t j = st->first; j < st->first + st->n; j++) {
            const fl_pub_item *it = &x->it[j];
            if (it->s >= ca && it->e <= ce) return (int)j;
            size_t da, de;
            fl_text_clause(t, st->a, st->e, it->s, &da, &de);
            if (it->e <= ms && !(q && fl_pub_has(s, q, st->block, da, de))) before = (int)j;
        }
        if (before >= 0) return before;
    }
    return -1;
}

/* Is date i the commissioning's: its sentence names the commissioning
 * (确定编制单位, 委托) and not the first publicity? */
static bool commission_date(fl_scan *s, const fl_pub_k *k, const fl_pub_text *x, size_t i)
{
    for (size_t j = 0; j < x->ns; j++) {
        const fl_pub_sent *st = &x->s[j];
        if (i < st->first || i >= st->first + st->n) continue;
        return fl_pub_has(s, k->commission, st->block, st->a, st->e) && !fl_pub_has(s, k->first, st->block, st->a, st->e);
    }
    return false;
}

/* The first date under a heading matching 首次 (首次环境影响评价信息公开情况)
 * that is not the commissioning's: the format's first item under that
 * heading is 确定环境影响报告书编制单位的日期, written there with its date. */
static int dated_section(fl_scan *s, const fl_pub_k *k, const fl_pub_text *x)
{
    fl_scope_spec sp = {k->first, k->scope.exclude, k->scope.parts, 0};
    const fl_scope *sc = fl_scan_scope(s, &sp);
    if (!sc->found) return -1;
    for (size_t i = 0; i < x->ni; i++) {
        int b = fl_pub_item_block(x, i);
        for (size_t j = 0; j < sc->nblocks; j++)
            if (sc->blocks[j] == b && x->it[i].d.m && !commission_date(s, k, x, i)) return (int)i;
    }
    return -1;
}

static void last_day(fl_date *d)
{
    if (d->d) return;
    if (!d->m) d->m = 12;
    fl_date next = {d->m == 12 ? d->y + 1 : d->y, d->m == 12 ? 1 : d->m + 1, 1};
    fl_date_from_days(d, fl_date_days(&next) - 1);
}

static void run_commission(fl_scan *s, const fl_pub_k *k, const fl_pub_text *x)
{
    int c = dated_match(s, x, k->commission, k->first);
    int f = dated_section(s, k, x);
    if (f < 0) f = dated_match(s, x, k->first, NULL);
    if (c < 0 || f < 0 || fl_scan_failed(s)) return;
    fl_date from = x->it[c].d, first = x->it[f].d, after;
    last_day(&from); /* a month alone: its last day, the latest it can mean */
    if (!first.d) first.d = 1;
    if (fl_date_cmp(&first, &from) <= 0) return;
    fl_date_from_days(&after, fl_date_days(&from) + 1);
    bool known = true;
    long n = fl_calendar_count(k->cal, &after, &first, &known);
    /* Without the year's notice the count is Monday-Friday: make-up working
     * days (two at most around one holiday) could only add to it. */
    if (known ? n <= k->limit : n <= k->limit - 2) return;
    int b = fl_pub_item_block(x, (size_t)f), cb = fl_pub_item_block(x, (size_t)c);
    fl_hit h = {.block = b, .span = true, .start = x->it[f].s, .end = x->it[f].e, .severity = -1};
    fl_hit_var(&h, "commission", fl_scan_typed(s, cb, x->it[c].s, x->it[c].e));
    fl_hit_var(&h, "first", fl_scan_typed(s, b, x->it[f].s, x->it[f].e));
    fl_hit_var(&h, "days", num(s, n));
    fl_hit_var(&h, "max", num(s, k->limit));
    if (!known) {
        use_case(&h, k, CASE_UNKNOWN_YEAR);
        h.severity = FL_SEV_INFO;
    }
    fl_scan_emit(s, &h);
}

/* ---- respondents (EIA405) and their personal data (EIA407) ------------------------ */

/* v: the value compared (phone digits, ID number; "" when masked), raw: the
 * cell as label-normalised text. */
typedef struct row_vals { const char *v[COL_N], *raw[COL_N]; int block[COL_N]; } row_vals;

static const char *phone_key(fl_scan *s, const char *v)
{
    char *out = fl_arena_alloc(fl_scan_arena(s), strlen(v) + 1);
    size_t o = 0;
    for (const char *p = v; *p; p++) {
        if (*p == '*' || !strncmp(p, "×", 2)) return ""; /* masked: nothing to compare */
        if (fl_pub_is_ascii_digit(*p)) out[o++] = *p;
    }
    out[o] = '\0';
    return o >= 7 ? out : "";
}

static const char *id_key(fl_scan *s, const char *v)
{
    size_t n = strlen(v);
    if ((n != 18 && n != 15) || strchr(v, '*')) return "";
    char *out = fl_arena_strdup(fl_scan_arena(s), v);
    if (out[n - 1] == 'x') out[n - 1] = 'X';
    for (size_t i = 0; i + 1 < n; i++)
        if (!fl_pub_is_ascii_digit(out[i])) return "";
    return out;
}

static void respondent_hit(fl_scan *s, const fl_pub_k *k, int b, int row, int other, const char *col, const char *value,
                           int c)
{
    fl_hit h = {.block = b, .severity = -1};
    if (c >= 0) use_case(&h, k, c);
    fl_hit_var(&h, "row", num(s, row));
    fl_hit_var(&h, "other", other ? num(s, other) : "");
    fl_hit_var(&h, "column", col);
    fl_hit_var(&h, "value", value);
    fl_scan_emit(s, &h);
}

static void check_rows(fl_scan *s, const fl_pub_k *k, const row_vals *rows, int nrows, const char *const *heads)
{
    for (int r = 0; r < nrows; r++) {
        const row_vals *a = &rows[r];
        for (int c = COL_PHONE; c < COL_N; c++) {
            if (!a->v[c] || !*a->v[c]) continue;
            for (int q = 0; q < r; q++) {
                const row_vals *z = &rows[q];
                if (!z->v[c] || strcmp(z->v[c], a->v[c])) continue;
                if (!a->v[COL_NAME] || !z->v[COL_NAME] || !*a->v[COL_NAME] || !*z->v[COL_NAME] ||
                    !strcmp(a->v[COL_NAME], z->v[COL_NAME]))
                    continue; /* the same person twice, or no names to tell */
                respondent_hit(s, k, a->block[c], r + 2, q + 2, heads[c], fl_scan_doc(s)->blocks[a->block[c]].text, -1);
                break;
            }
        }
        const char *id = a->v[COL_ID];
        if (id && strlen(id) == 18 && k->cases[CASE_CHECK_DIGIT].msg &&
            fl_checkdigit_idcard(id, 18, NULL) == FL_CODE_BAD_CHECK)
            respondent_hit(s, k, a->block[COL_ID], r + 2, 0, heads[COL_ID], fl_scan_doc(s)->blocks[a->block[COL_ID]].text,
                           CASE_CHECK_DIGIT);
    }
}

/* EIA407: per column of the table, the full (unmasked) mobile numbers and ID
 * numbers of the people listed: one finding at the first, with the count, the
 * number shown masked. A column headed 身份证 proves an ID number without its
 * check character. */
static void personal_rows(fl_scan *s, const fl_pub_k *k, const row_vals *rows, int nrows, const char *const *heads)
{
    for (int c = COL_PHONE; c < COL_N; c++) {
        int first = -1, count = 0;
        size_t at = 0, n = 0;
        for (int r = 0; r < nrows; r++) {
            const char *v = rows[r].raw[c];
            size_t a, m = 0;
            if (!v || !rows[r].raw[COL_NAME] || !*rows[r].raw[COL_NAME]) continue;
            if (c == COL_PHONE) m = fl_pp_find_mobile(v, strlen(v), 0, &a);
            else m = fl_pp_find_id(v, strlen(v), 0, false, &a);
            if (!m) continue;
            if (!count++) {
                first = r;
                at = a;
                n = m;
            }
        }
        if (!count) continue;
        fl_hit h = {.block = rows[first].block[c], .severity = -1};
        fl_hit_var(&h, "row", num(s, first + 2));
        fl_hit_var(&h, "column", heads[c]);
        fl_hit_var(&h, "value", fl_pp_masked(fl_scan_arena(s), rows[first].raw[c], at, n));
        fl_hit_var(&h, "count", num(s, count));
        fl_scan_emit(s, &h);
    }
}

/* EIA407 outside the tables: a full ID number (check character right) in the
 * text is nobody's business to publish. Phone numbers in the text are the
 * 建设单位's and 环评单位's contacts, published on purpose: not looked at. */
static void personal_text(fl_scan *s, const fl_pub_k *k, const fl_scope *sc)
{
    const fl_doc *doc = fl_scan_doc(s);
    for (size_t i = 0; i < sc->nblocks && !fl_scan_failed(s); i++) {
        int b = sc->blocks[i];
        if (doc->blocks[b].table) continue;
        const fl_norm *n = fl_scan_norm(s, b);
        size_t at, from = 0, m;
        while ((m = fl_pp_find_id(n->text, n->len, from, true, &at))) {
            fl_hit h = {.block = b, .span = true, .start = at, .end = at + m, .severity = -1};
            if (k->cases[CASE_TEXT].msg) use_case(&h, k, CASE_TEXT);
            fl_hit_var(&h, "row", "");
            fl_hit_var(&h, "column", "");
            fl_hit_var(&h, "value", fl_pp_masked(fl_scan_arena(s), n->text, at, m));
            fl_hit_var(&h, "count", "1");
            fl_scan_emit(s, &h);
            from = at + m;
        }
    }
}

/* One table: the first row names the columns. */
static void respondent_table(fl_scan *s, const fl_pub_k *k, int id)
{
    const fl_doc *doc = fl_scan_doc(s);
    int col[COL_N] = {-1, -1, -1}, nrows = 0;
    const char *heads[COL_N] = {"", "", ""};
    size_t ms, me;
    for (size_t b = 0; b < doc->nblocks; b++) {
        if (doc->blocks[b].table != id) continue;
        const fl_block_extra *x = fl_block_x(doc, &doc->blocks[b]);
        if (x->row > nrows) nrows = x->row;
        if (x->row != 1) continue;
        for (int c = 0; c < COL_N; c++)
            if (col[c] < 0 && k->col[c] && fl_scan_find(s, k->col[c], (int)b, 0, SIZE_MAX, &ms, &me) == 1) {
                col[c] = x->col;
                heads[c] = doc->blocks[b].text;
                break;
            }
    }
    if (col[COL_NAME] < 0 || (col[COL_PHONE] < 0 && col[COL_ID] < 0) || nrows < 3) return;
    row_vals *rows = fl_xcalloc((size_t)nrows, sizeof *rows);
    for (size_t b = 0; b < doc->nblocks; b++) {
        if (doc->blocks[b].table != id) continue;
        const fl_block_extra *x = fl_block_x(doc, &doc->blocks[b]);
        if (x->row < 2) continue;
        for (int c = 0; c < COL_N; c++) {
            if (x->col != col[c] || rows[x->row - 2].v[c]) continue;
            const char *v = fl_norm_label(fl_scan_arena(s), doc->blocks[b].text, doc->blocks[b].len);
            rows[x->row - 2].v[c] = c == COL_PHONE ? phone_key(s, v) : c == COL_ID ? id_key(s, v) : v;
            rows[x->row - 2].raw[c] = v;
            rows[x->row - 2].block[c] = (int)b;
        }
    }
    if (k->check == P_PERSONAL) personal_rows(s, k, rows, nrows - 1, heads);
    else check_rows(s, k, rows, nrows - 1, heads);
    free(rows);
}

static void run_respondents(fl_scan *s, const fl_pub_k *k)
{
    const fl_doc *doc = fl_scan_doc(s);
    fl_scope_spec base = k->scope;
    if (fl_pub_whole_type(k, fl_scan_doc_type(s))) base.heading = NULL;
    const fl_scope *sc = fl_scan_scope(s, &base);
    if (!sc->found || fl_scan_failed(s)) return;
    int last = 0;
    for (size_t i = 0; i < sc->nblocks && !fl_scan_failed(s); i++) {
        int t = doc->blocks[sc->blocks[i]].table;
        if (t && t != last) respondent_table(s, k, t);
        if (t) last = t;
    }
    if (k->check == P_PERSONAL) personal_text(s, k, sc);
}

/* ---- running ------------------------------------------------------------------------ */

/* Does the region claim the 园区 simplification (<simplified>)? Looked for
 * in the whole region, not only the 征求意见稿 stage: the claim is usually
 * made in the 概述. */
static bool simplified(fl_scan *s, const fl_pub_k *k)
{
    if (!k->simplified) return false;
    fl_scope_spec base = k->scope;
    if (fl_pub_whole_type(k, fl_scan_doc_type(s))) base.heading = NULL;
    const fl_scope *sc = fl_scan_scope(s, &base);
    for (size_t i = 0; sc->found && i < sc->nblocks && !fl_scan_failed(s); i++)
        if (fl_pub_has(s, k->simplified, sc->blocks[i], 0, SIZE_MAX)) return true;
    return false;
}

static void run(const fl_rule *rule, fl_scan *s)
{
    const fl_pub_k *k = rule->data;
    if (k->check == P_RESPONDENTS || k->check == P_PERSONAL) {
        run_respondents(s, k);
        return;
    }
    /* One notice (征求意见稿公示, 报批前公示) is one channel's text: whether all
     * channels were used, started together, or the first publicity came in
     * time is for the 公众参与说明 to tell, not for each notice. */
    if (fl_scan_doc(s)->notice && k->check != P_PERIOD) return;
    bool simple = simplified(s, k);
    if (fl_scan_failed(s) || (simple && k->check == P_COMMISSION)) return; /* no first publicity then */
    fl_pub_text x;
    fl_pub_build_text(s, k, k->check != P_COMMISSION && k->check != P_TIMELINE, &x);
    if (x.any && !fl_scan_failed(s) && !fl_pub_excused(s, k, &x)) {
        switch (k->check) {
        case P_PERIOD: if (fl_pub_about_stage(&x)) run_period(s, k, &x, simple); break;
        case P_CHANNELS: if (fl_pub_about_stage(&x)) run_channels(s, k, &x, simple); break;
        case P_SAME_START: if (fl_pub_about_stage(&x)) run_same_start(s, k, &x, simple); break;
        case P_COMMISSION: run_commission(s, k, &x); break;
        case P_TIMELINE: fl_pub_run_timeline(s, k, &x, simple); break;
        default: break;
        }
    }
    fl_pub_text_free(&x);
}

static void describe(const fl_rule *rule, FILE *out)
{
    const fl_pub_k *k = rule->data;
    fl_scope_describe(&k->scope, out);
    for (size_t i = 0; i < k->nwhole; i++) fprintf(out, "%s 文件：全文\n", k->whole[i]);
    bool tables = k->check == P_RESPONDENTS || k->check == P_PERSONAL;
    if (k->stage && k->check != P_COMMISSION && !tables)
        fprintf(out, "公示阶段：标题匹配 /%s/ 的章节，否则除去含 /%s/ 的句子\n", k->stage->source,
                k->other_stage ? k->other_stage->source : "");
    for (int r = 0; r < CH_N; r++)
        if (k->ch[r].p && k->check != P_COMMISSION && !tables)
            fprintf(out, "公示方式 %s：/%s/\n", k->ch[r].name, k->ch[r].p->source);
    switch (k->check) {
    case P_PERIOD: fprintf(out, "检查：网络、张贴公示期不少于 %d 个工作日（按节假日表计算）\n", k->limit); break;
    case P_CHANNELS: fprintf(out, "检查：网络、报纸、张贴三种方式均已采用，报纸在公示期内不少于 %d 次\n", k->limit); break;
    case P_COMMISSION:
        fprintf(out, "委托：/%s/；首次公开：/%s/\n", k->commission->source, k->first->source);
        fprintf(out, "检查：首次公开不晚于委托后第 %d 个工作日\n", k->limit);
        break;
    case P_SAME_START: fprintf(out, "检查：三种公示方式的开始日期相同\n"); break;
    case P_PERSONAL:
        fprintf(out, "检查：人员名单（首行含“姓名”和电话或身份证列）中没有未打码的完整手机号码、身份证号码；"
                     "正文中没有完整的身份证号码（固定电话和正文中的电话不查）\n");
        break;
    case P_TIMELINE:
        fprintf(out, "委托：/%s/；首次公开：/%s/；报批前公开：/%s/\n", k->commission->source, k->first->source,
                k->final->source);
        fprintf(out, "检查：委托 ≤ 首次公开 ≤ 征求意见稿公示开始；征求意见稿公示结束 < 报批前公开 ≤ 本说明封面日期\n");
        fprintf(out, "日期归属：所在分句只提到一个环节时归该环节；否则为句中日期之后最先提到的环节；句中未提到任何环节时，"
                     "取标题只提到一个环节的章节；同一环节的日期互相矛盾、或没有日期时，该环节不判断（跳过它比较前后环节）；"
                     "法规的施行、发布日期和计划中的日期（拟于、将于）不算；只写到月的日期，整月都早于（晚于）才报告\n");
        if (k->meeting)
            fprintf(out, "座谈会、专家论证会（/%s/）：公告（/%s/）不晚于会前第 10 个工作日，纪要（/%s/）不晚于会后第 5 个工作日公开；"
                         "节假日表中没有的年份不判断；听证会不检查\n",
                    k->meeting->source, k->announce->source, k->minutes->source);
        break;
    default: fprintf(out, "检查：不同人员的电话、身份证号码不相同，身份证号码校验位正确（GB 11643-1999）\n"); break;
    }
    if (k->check == P_CHANNELS || k->check == P_SAME_START || k->check == P_COMMISSION || k->check == P_TIMELINE)
        fprintf(out, "公示通知（征求意见稿公示、报批前公示等单独一份公告）不检查本项，由公众参与说明说明各方式\n");
    if (k->simplified && k->check != P_RESPONDENTS && k->check != P_PERSONAL)
        fprintf(out, "园区简化：文中出现 /%s/ 时，征求意见稿公示期不少于 %d 个工作日，不要求张贴公告，不检查首次公开\n",
                k->simplified->source, k->simplified_min);
}

const fl_kind fl_kind_publicity = {"publicity", vars, parse, run, describe};
