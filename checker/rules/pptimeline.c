/* The order of the public-participation steps (kind publicity,
 * check="timeline"): the 公众参与说明, or a book's 公众参与 section, states
 * when each step happened, and the steps of 《环境影响评价公众参与办法》 come
 * one after another:
 *
 *   委托 (the EIA unit chosen) ≤ 首次公开 ≤ 征求意见稿 start;
 *   征求意见稿 end < 报批前公开 ≤ the 说明's own date;
 *   座谈会 / 专家论证会: announced ≥ 10 working days before, minutes published
 *   ≤ 5 working days after.
 *
 * Which step a date belongs to is read from the nearest words: its clause
 * (between commas) when that names exactly one step; else, in a sentence
 * naming steps, the step named next after the date ("2019年3月5日，建设单位
 * 委托…"); else, in a sentence naming none, the section whose heading names
 * exactly one step (6 报批前公开情况 › 2019年5月20日，建设单位在网站公开了…).
 * A step with two dates that cannot both be true, or none, is not judged:
 * two known steps around it are compared instead. Dates of laws (…起施行)
 * belong to no step, nor do dates planned (拟于, 将于). A date written to
 * the month stands for every day of it: a month is out of order only when
 * all its days are. */
#include "rules/publicity.h"
#include "rules/clause.h"
#include "data/calendar.h"
#include "core/date.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

enum { S_COMMISSION, S_FIRST, S_DRAFT, S_FINAL, S_NSTEPS };

/* The points of the chain, in the order they must come. */
enum { T_COMMISSION, T_FIRST, T_DRAFT_START, T_DRAFT_END, T_FINAL, T_NPOINTS };

static const char *const point_names[] = {"委托编制单位", "首次环境影响评价信息公开", "征求意见稿公示开始",
                                          "征求意见稿公示结束", "报批前公开"};

typedef struct tl_point {
    bool known, bad;
    fl_date lo, hi;   /* the days the date may mean */
    int item;         /* the first date read for it */
} tl_point;

static void span_of(const fl_date *d, fl_date *lo, fl_date *hi)
{
    *lo = *hi = *d;
    if (!d->m) {
        lo->m = 1, lo->d = 1, hi->m = 12, hi->d = 31;
    } else if (!d->d) {
        lo->d = 1;
        fl_date next = {d->m == 12 ? d->y + 1 : d->y, d->m == 12 ? 1 : d->m + 1, 1};
        fl_date_from_days(hi, fl_date_days(&next) - 1);
    }
}

/* A date for the point: the days it may mean narrowed to those all its dates
 * allow; none left, the point is not judged. */
static void offer(tl_point *p, const fl_date *d, int item)
{
    fl_date lo, hi;
    span_of(d, &lo, &hi);
    if (!p->known) {
        *p = (tl_point){true, false, lo, hi, item};
        return;
    }
    if (d->d && fl_date_cmp(&p->lo, &p->hi)) p->item = item; /* quote the day, not the month */
    if (fl_date_cmp(&lo, &p->lo) > 0) p->lo = lo;
    if (fl_date_cmp(&hi, &p->hi) < 0) p->hi = hi;
    if (fl_date_cmp(&p->lo, &p->hi) > 0) p->bad = true;
}

static const fl_pattern *step_pattern(const fl_pub_k *k, int st)
{
    switch (st) {
    case S_COMMISSION: return k->commission;
    case S_FIRST: return k->first;
    case S_DRAFT: return k->stage;
    default: return k->final;
    }
}

/* The steps named in [a, e) of block b, and where each is first named. */
static unsigned steps_in(fl_scan *s, const fl_pub_k *k, int b, size_t a, size_t e, size_t at[S_NSTEPS])
{
    unsigned m = 0;
    for (int st = 0; st < S_NSTEPS; st++) {
        size_t ms, me;
        const fl_pattern *p = step_pattern(k, st);
        if (p && fl_scan_find(s, p, b, a, e, &ms, &me) == 1) {
            m |= 1u << st;
            at[st] = ms;
        }
    }
    return m;
}

static int single(unsigned m)
{
    for (int st = 0; st < S_NSTEPS; st++)
        if (m == 1u << st) return st;
    return -1;
}

/* A law's date: 2019年1月1日起施行, 2018年7月16日发布. */
static bool law_date(const char *t, size_t len, size_t e)
{
    static const char *const after[] = {"起施行", "起实施", "施行", "实施", "发布", "印发", "颁布", "公布", "修订", "修正"};
    for (size_t i = 0; i < sizeof after / sizeof *after; i++)
        if (fl_pub_starts_with(t + e, len - e, after[i])) return true;
    return false;
}

/* A date the text plans rather than reports: 拟于2019年6月3日公开, 将于…. */
static bool planned(const char *t, size_t s)
{
    static const char *const before[] = {"拟于", "将于", "计划于", "预计于", "预计", "拟定于", "定于"};
    for (size_t i = 0; i < sizeof before / sizeof *before; i++) {
        size_t n = strlen(before[i]);
        if (s >= n && !memcmp(t + s - n, before[i], n)) return true;
    }
    return false;
}

/* Each step's section: a bit per block. */
static unsigned char *step_sections(fl_scan *s, const fl_pub_k *k)
{
    const fl_doc *doc = fl_scan_doc(s);
    unsigned char *sec = fl_xcalloc(doc->nblocks + 1, 1);
    for (int st = 0; st < S_NSTEPS; st++) {
        fl_scope_spec sp = {step_pattern(k, st), k->scope.exclude, k->scope.parts, 0};
        if (!sp.heading) continue;
        const fl_scope *sc = fl_scan_scope(s, &sp);
        for (size_t i = 0; sc->found && i < sc->nblocks; i++) sec[sc->blocks[i]] |= (unsigned char)(1u << st);
    }
    return sec;
}

/* The step item j of sentence st belongs to, -1 none. */
static int step_of(fl_scan *s, const fl_pub_k *k, const fl_pub_sent *st, const fl_pub_item *it, unsigned smask,
                   const size_t sat[S_NSTEPS], const unsigned char *sec)
{
    const char *t = fl_scan_norm(s, st->block)->text;
    size_t ca, ce, cat[S_NSTEPS];
    fl_text_clause(t, st->a, st->e, it->s, &ca, &ce);
    unsigned cm = steps_in(s, k, st->block, ca, ce, cat);
    /* 委托 beside another step is that step's reference point: 于2023年9月8日
     * （确定编制单位后7个工作日内）进行了首次公开 */
    if (cm & ~(1u << S_COMMISSION)) cm &= ~(1u << S_COMMISSION);
    if (cm) return single(cm);
    if (smask) {
        int best = -1;
        for (int q = 0; q < S_NSTEPS; q++)
            if ((smask & (1u << q)) && sat[q] >= it->e && (best < 0 || sat[q] < sat[best])) best = q;
        return best;
    }
    return single(sec[st->block]);
}

/* The draft's period: its ranges must have a day in common (channels that
 * start on different days are EIA406's business, not a reason to guess);
 * its start is the earliest start, its end the latest end. Without a
 * range, the earliest single date starts it. */
typedef struct draft_acc { int first_start, last_end, single; fl_date max_start, min_end; bool ranges, bad; } draft_acc;

static void draft_offer(draft_acc *d, const fl_pub_text *x, size_t i)
{
    const fl_pub_item *it = &x->it[i];
    if (it->pair < 0) {
        if (d->single < 0 || fl_date_cmp(&it->d, &x->it[d->single].d) < 0) d->single = (int)i;
        return;
    }
    const fl_pub_item *z = &x->it[it->pair];
    if (!it->d.d || !z->d.d) {
        d->bad = true;
        return;
    }
    if (!d->ranges) {
        d->ranges = true;
        d->first_start = (int)i;
        d->last_end = it->pair;
        d->max_start = it->d;
        d->min_end = z->d;
        return;
    }
    if (fl_date_cmp(&it->d, &x->it[d->first_start].d) < 0) d->first_start = (int)i;
    if (fl_date_cmp(&z->d, &x->it[d->last_end].d) > 0) d->last_end = it->pair;
    if (fl_date_cmp(&it->d, &d->max_start) > 0) d->max_start = it->d;
    if (fl_date_cmp(&z->d, &d->min_end) < 0) d->min_end = z->d;
    if (fl_date_cmp(&d->max_start, &d->min_end) > 0) d->bad = true;
}

/* c: the case of the message, -1 the rule's own */
static void emit_order(fl_scan *s, const fl_pub_k *k, const fl_pub_text *x, int later, const char *step, int prior_item,
                       const char *prior, const char *on, int c)
{
    int b = fl_pub_item_block(x, (size_t)later);
    fl_hit h = {.block = b, .span = true, .start = x->it[later].s, .end = x->it[later].e, .severity = -1};
    if (c >= 0) {
        h.message = k->cases[c].msg;
        h.message_en = k->cases[c].msg_en;
    }
    fl_hit_var(&h, "step", step);
    fl_hit_var(&h, "date", fl_scan_typed(s, b, x->it[later].s, x->it[later].e));
    fl_hit_var(&h, "prior", prior);
    fl_hit_var(&h, "on", prior_item >= 0 ? fl_scan_typed(s, fl_pub_item_block(x, (size_t)prior_item), x->it[prior_item].s,
                                                          x->it[prior_item].e)
                                         : on);
    fl_scan_emit(s, &h);
}

/* Each step after the nearest earlier one known: one finding per break,
 * at the later step's date. */
static void run_chain(fl_scan *s, const fl_pub_k *k, const fl_pub_text *x, const tl_point *p)
{
    static const int later[] = {T_FIRST, T_DRAFT_START, T_FINAL};
    for (size_t i = 0; i < sizeof later / sizeof *later; i++) {
        int l = later[i];
        if (!p[l].known || p[l].bad) continue;
        for (int j = l - 1; j >= 0; j--) {
            if (j == T_DRAFT_START && l == T_FINAL && p[T_DRAFT_END].known) continue;
            if (!p[j].known || p[j].bad) continue;
            /* after the draft's end: a later day; else not an earlier one */
            bool strict = j == T_DRAFT_END;
            int c = fl_date_cmp(&p[l].hi, &p[j].lo);
            if (strict ? c <= 0 : c < 0)
                emit_order(s, k, x, p[l].item, point_names[l], p[j].item, point_names[j], "", strict ? CASE_NOT_AFTER : -1);
            break;
        }
    }
}

/* The 报批前 publication after the 说明's own date (its cover): the 说明 tells
 * as done what had not happened yet. */
static void run_own_date(fl_scan *s, const fl_pub_k *k, const fl_pub_text *x, const tl_point *final)
{
    const fl_filing_date *fd = &fl_scan_doc(s)->filing_date;
    if (!final->known || final->bad || !fd->found || !fd->source || strncmp(fd->source, "cover", 5) ||
        !fl_pub_whole_type(k, fl_scan_doc_type(s)))
        return;
    fl_date lo, hi;
    span_of(&fd->value, &lo, &hi);
    if (fl_date_cmp(&final->lo, &hi) > 0)
        emit_order(s, k, x, final->item, point_names[T_FINAL], -1, "", fd->text ? fd->text : "", CASE_OWN_DATE);
}

/* ---- 座谈会 / 专家论证会 ------------------------------------------------------- */

typedef struct meet { tl_point held, announced, minutes; } meet;

static void meeting_hit(fl_scan *s, const fl_pub_k *k, const fl_pub_text *x, const tl_point *at, const tl_point *held,
                        int c, long days, int limit)
{
    int b = fl_pub_item_block(x, (size_t)at->item), hb = fl_pub_item_block(x, (size_t)held->item);
    fl_hit h = {.block = b, .span = true, .start = x->it[at->item].s, .end = x->it[at->item].e, .severity = -1};
    h.message = k->cases[c].msg;
    h.message_en = k->cases[c].msg_en;
    fl_hit_var(&h, "date", fl_scan_typed(s, b, x->it[at->item].s, x->it[at->item].e));
    fl_hit_var(&h, "on", fl_scan_typed(s, hb, x->it[held->item].s, x->it[held->item].e));
    fl_hit_var(&h, "days", fl_arena_printf(fl_scan_arena(s), "%ld", days));
    fl_hit_var(&h, "min", fl_arena_printf(fl_scan_arena(s), "%d", limit));
    fl_scan_emit(s, &h);
}

static bool day_point(const tl_point *p) { return p->known && !p->bad && !fl_date_cmp(&p->lo, &p->hi); }

/* What a date in a sentence about a meeting is: the minutes' publication,
 * the announcement, or the meeting itself, in that order of precedence in
 * its clause; a clause naming none takes the words from the date to the
 * next date of the sentence (2020年4月1日，建设单位在网站发布座谈会公告).
 * -1: none. */
static int meeting_role(fl_scan *s, const fl_pub_k *k, const fl_pub_text *x, const fl_pub_sent *st, size_t j)
{
    const fl_pattern *ps[] = {k->minutes, k->announce, k->meeting};
    const fl_pub_item *it = &x->it[j];
    const char *t = fl_scan_norm(s, st->block)->text;
    size_t ca, ce, ms, me;
    fl_text_clause(t, st->a, st->e, it->s, &ca, &ce);
    for (int r = 0; r < 3; r++)
        if (fl_scan_find(s, ps[r], st->block, ca, ce, &ms, &me) == 1) return r;
    size_t to = st->e;
    for (size_t q = j + 1; q < st->first + st->n; q++)
        if (x->it[q].s >= it->e) {
            to = x->it[q].s;
            break;
        }
    for (int r = 0; r < 3; r++)
        if (fl_scan_find(s, ps[r], st->block, it->e, to, &ms, &me) == 1) return r;
    return -1;
}

static void run_meeting(fl_scan *s, const fl_pub_k *k, const fl_pub_text *x)
{
    if (!k->meeting || !k->cal) return;
    meet m = {0};
    tl_point *slot[] = {&m.minutes, &m.announced, &m.held};
    for (size_t i = 0; i < x->ns && !fl_scan_failed(s); i++) {
        const fl_pub_sent *st = &x->s[i];
        if (!fl_pub_has(s, k->meeting, st->block, st->a, st->e)) continue;
        for (size_t j = st->first; j < st->first + st->n; j++) {
            const fl_pub_item *it = &x->it[j];
            if (it->is_end || it->pair >= 0) continue; /* a meeting is one day */
            int r = meeting_role(s, k, x, st, j);
            if (r >= 0) offer(slot[r], &it->d, (int)j);
        }
    }
    if (!day_point(&m.held)) return;
    /* N个工作日前: on or before the N-th working day before the meeting; N个
     * 工作日内: on or before the N-th working day after it. A year the
     * holiday table lacks is not judged. */
    static const int before = 10, within = 5;
    bool known = true;
    fl_date lim, after;
    fl_date_from_days(&after, fl_date_days(&m.held.lo) + 1);
    if (day_point(&m.announced) && fl_date_cmp(&m.announced.lo, &m.held.lo) < 0 &&
        fl_calendar_add(k->cal, &lim, &m.held.lo, -before, &known) == 0 && known &&
        fl_date_cmp(&m.announced.lo, &lim) > 0) {
        fl_date a;
        fl_date_from_days(&a, fl_date_days(&m.announced.lo) + 1);
        meeting_hit(s, k, x, &m.announced, &m.held, CASE_MEETING, fl_calendar_count(k->cal, &a, &m.held.lo, NULL), before);
    }
    known = true;
    if (day_point(&m.minutes) && fl_date_cmp(&m.minutes.lo, &m.held.lo) > 0 &&
        fl_calendar_add(k->cal, &lim, &m.held.lo, within, &known) == 0 && known && fl_date_cmp(&m.minutes.lo, &lim) > 0)
        meeting_hit(s, k, x, &m.minutes, &m.held, CASE_MINUTES, fl_calendar_count(k->cal, &after, &m.minutes.lo, NULL),
                    within);
}

/* ---- the whole ----------------------------------------------------------------- */

void fl_pub_run_timeline(fl_scan *s, const fl_pub_k *k, const fl_pub_text *x, bool simple)
{
    tl_point p[T_NPOINTS];
    memset(p, 0, sizeof p);
    draft_acc d = {-1, -1, -1, {0, 0, 0}, {0, 0, 0}, false, false};
    unsigned char *sec = step_sections(s, k);
    for (size_t i = 0; i < x->ns && !fl_scan_failed(s); i++) {
        const fl_pub_sent *st = &x->s[i];
        if (!st->n) continue;
        const fl_norm *n = fl_scan_norm(s, st->block);
        size_t sat[S_NSTEPS];
        unsigned smask = steps_in(s, k, st->block, st->a, st->e, sat);
        for (size_t j = st->first; j < st->first + st->n; j++) {
            const fl_pub_item *it = &x->it[j];
            if (it->is_end || law_date(n->text, n->len, x->it[it->pair >= 0 ? (size_t)it->pair : j].e) ||
                planned(n->text, it->s))
                continue;
            int step = step_of(s, k, st, it, smask, sat, sec);
            if (step == S_DRAFT) draft_offer(&d, x, j);
            else if (step == S_COMMISSION) offer(&p[T_COMMISSION], &it->d, (int)j);
            else if (step == S_FIRST) offer(&p[T_FIRST], &it->d, (int)j);
            else if (step == S_FINAL) offer(&p[T_FINAL], &it->d, (int)j);
        }
    }
    free(sec);
    if (fl_scan_failed(s)) return;
    if (!d.bad && d.ranges) {
        offer(&p[T_DRAFT_START], &x->it[d.first_start].d, d.first_start);
        offer(&p[T_DRAFT_END], &x->it[d.last_end].d, d.last_end);
    } else if (!d.bad && d.single >= 0) {
        offer(&p[T_DRAFT_START], &x->it[d.single].d, d.single);
    }
    /* Under the 园区 simplification the first publicity is not required: its
     * date, if any, is not judged. */
    if (simple) p[T_FIRST].known = false;
    run_chain(s, k, x, p);
    run_own_date(s, k, x, &p[T_FINAL]);
    run_meeting(s, k, x);
}
