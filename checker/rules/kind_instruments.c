/* Kind `instruments`: legal instruments cited in the text — ministry orders,
 * catalogues, notices, named by 令号, 文号 or edition (年版, 年本) — checked
 * against the instruments table (rulesets/data/instruments.xml, loaded once
 * per ruleset) at the judging date (--as-of, else the filing's own date,
 * else today: fl_scan_judging).
 *
 *   <instruments exclude="现有工程|原有工程"
 *                repealed-message="..." repealed-message-en="...">    LAW001
 *     <unless>原环评|代替|废止</unless>
 *   </instruments>
 *
 * A citation is reported when its instrument had been replaced (the rule's
 * message) or repealed (repealed-message) by the judging date, once per
 * instrument and sentence. Not reported: a citation whose sentence also cites
 * the replacement (or a later edition), one in a sentence the `unless`
 * pattern matches (a history, a note that it was replaced), one in a
 * sentence telling of a year the instrument was still in force (history_year),
 * a short form whose near word is missing from its sentence, and anything in
 * an excluded section. */
#include "rules/kind.h"
#include "data/instruments.h"
#include "core/date.h"
#include <stdint.h>
#include <stdio.h>
#include <string.h>

typedef struct ins_k {
    fl_scope_spec scope;
    const fl_instruments *tab;
    const fl_pattern *unless;
    const char *repealed_msg, *repealed_msg_en;
} ins_k;

static const char *const vars[] = {"cited", "title", "replacement", "effective", "date", NULL};

static int load_table(void **out, const char *path, fl_error *err)
{
    fl_instruments *t = NULL;
    int rc = fl_instruments_load(&t, path, err);
    *out = t;
    return rc;
}

static void free_table(void *t) { fl_instruments_free(t); }

static int parse(fl_rule *rule, const xmlNode *el, fl_loader *ld, fl_error *err)
{
    ins_k *k = fl_loader_alloc(ld, sizeof *k);
    if (fl_loader_scope(ld, el, &k->scope, err)) return -1;
    const char *data = fl_loader_attr(ld, el, "data");
    void *tab;
    if (fl_loader_table(ld, el, data ? data : "instruments", load_table, free_table, &tab, err)) return -1;
    k->tab = tab;
    if (fl_loader_message(ld, el, rule, "repealed-message", &k->repealed_msg, err)) return -1;
    if (fl_loader_message(ld, el, rule, "repealed-message-en", &k->repealed_msg_en, err)) return -1;
    for (const xmlNode *c = fl_xml_first(el); c; c = fl_xml_next(c)) {
        if (!fl_xml_named(c, "unless") || k->unless)
            return fl_loader_error(err, ld, c, "<instruments> holds at most one <unless> pattern");
        if (fl_loader_pattern_text(ld, c, &k->unless, err)) return -1;
    }
    rule->data = k;
    return 0;
}

/* The end of a citation, past the bracket that closes one it opened: a
 * match ends at the last character of its key (版 of 名录（2016年版), and
 * the finding should show the edition whole. */
static size_t closed_end(const char *text, size_t len, size_t start, size_t end)
{
    static const char *const pairs[][2] = {{"(", ")"}, {"[", "]"}, {"〔", "〕"}, {"【", "】"}, {"﹝", "﹞"}};
    for (size_t p = 0; p < sizeof pairs / sizeof *pairs; p++) {
        size_t ol = strlen(pairs[p][0]), cl = strlen(pairs[p][1]);
        long open = 0;
        for (size_t i = start; i < end; i++) {
            if (i + ol <= end && !memcmp(text + i, pairs[p][0], ol)) open++;
            else if (i + cl <= end && !memcmp(text + i, pairs[p][1], cl)) open--;
        }
        if (open > 0 && end + cl <= len && !memcmp(text + end, pairs[p][1], cl)) return end + cl;
    }
    return end;
}

/* Does the key form of text[a, e) hold the key word w? Computed a piece at
 * a time: no copy of the sentence, however long. */
static bool key_holds(const char *text, size_t a, size_t e, const char *w, size_t wl)
{
    char key[320]; /* a piece (at most 195 bytes) plus what is carried (at most 62) */
    if (wl == 0 || wl >= 64) return false;
    size_t keep = wl - 1; /* bytes carried to the next piece, so a word across pieces is seen */
    size_t have = 0;
    for (size_t i = a; i < e;) {
        size_t piece = e - i > 192 ? 192 : e - i;
        while (i + piece < e && ((unsigned char)text[i + piece] & 0xC0) == 0x80) piece++;
        size_t kl = fl_instrument_key(text + i, piece, key + have, NULL) + have;
        for (size_t j = 0; j + wl <= kl; j++)
            if (!memcmp(key + j, w, wl)) return true;
        have = kl < keep ? kl : keep;
        memmove(key, key + kl - have, have);
        i += piece;
    }
    return false;
}

/* The earliest year a sentence tells of, 0 if none: "2017年公司依据44号令
 * 编制了原环评", "项目于2019年依据…编制应急预案", "现有工程2018年环评时执行…".
 * A year that dates an instrument is not one: an edition (2016年版, 2019年本)
 * or a date whose clause says the instrument was issued, amended or took
 * effect (2016年8月1日起施行, 2017年6月29日…令第44号公布, 根据2018年4月28日
 * …修正). */
static bool clause_dates_instrument(const char *t, size_t i, size_t e)
{
    static const char *const words[] = {"施行", "实施", "公布", "发布", "修正", "修订", "修改", "印发", "通过", "起", NULL};
    static const char *const breaks[] = {",", ";", ")", "，", "；", "。", "、", "）", NULL};
    for (size_t j = i; j < e;) {
        for (const char *const *b = breaks; *b; b++)
            if (!strncmp(t + j, *b, strlen(*b))) return false;
        for (const char *const *w = words; *w; w++)
            if (!strncmp(t + j, *w, strlen(*w))) return true;
        j++;
        while (j < e && ((unsigned char)t[j] & 0xC0) == 0x80) j++;
    }
    return false;
}

static int history_year(const char *t, size_t a, size_t e)
{
    static const char nian[] = "年", ban[] = "版", ben[] = "本";
    int best = 0;
    for (size_t i = a; i + 4 + 3 <= e; i++) {
        if (!(t[i] == '1' || t[i] == '2') || (i > a && t[i - 1] >= '0' && t[i - 1] <= '9')) continue;
        bool digits = true;
        for (size_t k = 1; k < 4; k++) digits = digits && t[i + k] >= '0' && t[i + k] <= '9';
        if (!digits || memcmp(t + i + 4, nian, 3)) continue;
        int y = (t[i] - '0') * 1000 + (t[i + 1] - '0') * 100 + (t[i + 2] - '0') * 10 + (t[i + 3] - '0');
        size_t after = i + 7;
        if (y < 1900 || y > 2099) continue;
        if (after + 3 <= e && (!memcmp(t + after, ban, 3) || !memcmp(t + after, ben, 3))) continue;
        if (clause_dates_instrument(t, after, e)) continue;
        if (!best || y < best) best = y;
    }
    return best;
}

/* What is known of the sentence being looked at, each fact computed once
 * whatever the number of citations in it: a paragraph of 50 MB with no full
 * stop and thousands of citations stays linear. */
#define SENT_MAX 32
typedef struct sent {
    int block;
    size_t a, e;
    const fl_instrument *cited[SENT_MAX];    /* instruments cited in it */
    size_t ncited;
    const fl_instrument *reported[SENT_MAX]; /* reported in it already */
    size_t nreported;
    int unless;                              /* -1: not yet known */
    int year;                                /* history_year; -1: not yet known */
    struct { const char *w; bool has; } near[8];
    size_t nnear;
} sent;

static bool holds(const fl_instrument *const *v, size_t n, const fl_instrument *x)
{
    for (size_t i = 0; i < n; i++)
        if (v[i] == x) return true;
    return false;
}

/* Enter the sentence [a, e) of block b; m is sorted by start. */
static void sent_enter(sent *st, int b, size_t a, size_t e, const fl_instr_match *m, size_t nm)
{
    if (st->block == b && st->a == a && st->e == e) return;
    memset(st, 0, sizeof *st);
    st->block = b;
    st->a = a;
    st->e = e;
    st->unless = st->year = -1;
    size_t lo = 0, hi = nm; /* the first match starting at or after a */
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (m[mid].start < a) lo = mid + 1;
        else hi = mid;
    }
    for (size_t i = lo; i < nm && m[i].start < e; i++)
        if (m[i].end <= e && st->ncited < SENT_MAX && !holds(st->cited, st->ncited, m[i].cite->inst))
            st->cited[st->ncited++] = m[i].cite->inst;
}

static bool sent_near(sent *st, const char *text, const fl_instrument_cite *ci)
{
    for (size_t i = 0; i < st->nnear; i++)
        if (st->near[i].w == ci->near) return st->near[i].has;
    bool has = key_holds(text, st->a, st->e, ci->near, ci->near_len);
    if (st->nnear < sizeof st->near / sizeof *st->near) {
        st->near[st->nnear].w = ci->near;
        st->near[st->nnear++].has = has;
    }
    return has;
}

/* Is an edition after inst in its chain cited in the sentence? */
static bool sent_successor_cited(const sent *st, const fl_instrument *inst)
{
    for (const fl_instrument *p = inst->replaced_by; p; p = p->replaced_by)
        if (holds(st->cited, st->ncited, p)) return true;
    return false;
}

typedef struct day { fl_date d; const char *shown; } day;

static void check_block(fl_scan *s, const ins_k *k, int b, fl_instr_scratch *sc, sent *st, const day *dd)
{
    const fl_norm *n = fl_scan_norm(s, b);
    const fl_instr_match *m;
    size_t nm = fl_instruments_match(k->tab, n->text, n->len, sc, &m);
    for (size_t i = 0; i < nm && !fl_scan_failed(s); i++) {
        const fl_instrument *inst = m[i].cite->inst;
        fl_date from = {0, 0, 0};
        const fl_instrument *succ = fl_instrument_successor(inst, &dd->d, &from);
        if (!succ) continue;
        size_t a, e, ms, me;
        fl_scan_sentence(s, b, m[i].start, &a, &e);
        sent_enter(st, b, a, e, m, nm);
        const fl_instrument_cite *ci = m[i].cite;
        if (ci->near && !sent_near(st, n->text, ci)) continue;
        if (holds(st->reported, st->nreported, inst)) continue; /* once per instrument and sentence */
        if (sent_successor_cited(st, inst)) continue;
        /* a sentence about a year the instrument was still in force tells history */
        if (st->year < 0) st->year = history_year(n->text, a, e);
        if (st->year && st->year < inst->from.y) continue;
        if (k->unless && st->unless < 0) {
            int r = fl_scan_find(s, k->unless, b, a, e, &ms, &me);
            if (r < 0) return; /* a limit: the rule is marked failed */
            st->unless = r;
        }
        if (st->unless > 0) continue;
        if (st->nreported < SENT_MAX) st->reported[st->nreported++] = inst;
        size_t end = closed_end(n->text, n->len, m[i].start, m[i].end);
        fl_hit h = {.block = b, .span = true, .start = m[i].start, .end = end, .severity = -1};
        bool repealed = succ->status == FL_INSTR_REPEALED;
        if (repealed) {
            h.message = k->repealed_msg;
            h.message_en = k->repealed_msg_en;
        }
        fl_hit_var(&h, "cited", fl_scan_typed(s, b, m[i].start, end));
        fl_hit_var(&h, "title", inst->display);
        fl_hit_var(&h, "replacement", repealed ? succ->repealed_by : succ->display);
        fl_hit_var(&h, "effective", fl_scan_iso(s, &from));
        fl_hit_var(&h, "date", dd->shown);
        fl_scan_emit(s, &h);
    }
}

static void run(const fl_rule *rule, fl_scan *s)
{
    const ins_k *k = rule->data;
    const fl_scope *sc = fl_scan_scope(s, &k->scope);
    if (!sc->found || fl_scan_failed(s)) return;
    /* to the day: a month alone counts from its first day (an instrument
     * replaced later that month may still have been in force) */
    day dd;
    fl_date given = fl_scan_judging(s)->date;
    dd.d = given;
    if (!dd.d.m) dd.d.m = 1;
    if (!dd.d.d) dd.d.d = 1;
    dd.shown = fl_scan_iso(s, &given);
    fl_instr_scratch buf = {0};
    sent st = {.block = -1};
    for (size_t i = 0; i < sc->nblocks && !fl_scan_failed(s); i++) check_block(s, k, sc->blocks[i], &buf, &st, &dd);
    fl_instr_scratch_free(&buf);
}

static void describe(const fl_rule *rule, FILE *out)
{
    const ins_k *k = rule->data;
    fl_scope_describe(&k->scope, out);
    size_t old = 0;
    for (size_t i = 0; i < k->tab->n; i++) old += k->tab->items[i].status != FL_INSTR_CURRENT;
    fprintf(out, "文件表：%s（%zu 项，其中已被代替或废止 %zu 项）\n", k->tab->path, k->tab->n, old);
    fprintf(out, "检查：引用的文件（令号、文号或年版）在判断日期（--as-of，否则文件的编制日期，否则今天）已被代替或废止\n");
    if (k->unless) fprintf(out, "除非同一句中出现：/%s/\n", k->unless->source);
}

const fl_kind fl_kind_instruments = {"instruments", vars, parse, run, describe};
