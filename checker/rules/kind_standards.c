/* Kind `standards`: standard codes cited in the text (GB, GB/T, HJ, HJ/T +
 * number + year, however they are typed) checked against the standards table
 * (rulesets/data/standards.xml, loaded once per ruleset).
 *
 *   <standards check="superseded" exclude="现有工程|原有工程">     STD001
 *     <unless>原环评|代替|废止</unless>
 *   </standards>
 *   <standards check="title"/>                                     STD002
 *
 * superseded: the code had been replaced on the judging date (--as-of, else
 * the filing's own date, else today: fl_scan_judging); a code cited together
 * with its replacement, or in a sentence the `unless` pattern excuses, is not
 * reported.
 * title: the 《title》 right before or after the code (or around it) is the
 * title of another standard in the table. Titles the table does not know are
 * left alone: a warning about an unknown title would mostly be noise. */
#include "rules/kind.h"
#include "data/tables.h"
#include "core/date.h"
#include "core/utf8.h"
#include <stdint.h>
#include <stdio.h>
#include <string.h>

typedef enum { CHECK_SUPERSEDED, CHECK_TITLE } std_check;

typedef struct std_k {
    std_check check;
    fl_scope_spec scope;
    const fl_standards *tab;
    const fl_pattern *code;   /* a code as typed, in normalised text */
    const fl_pattern *unless; /* sentence context that excuses a superseded code */
} std_k;

static const char *const vars[] = {"code", "title", "replacement", "effective", "date", "expected", "other", NULL};

/* Normalised text: dashes are '-', full-width letters and digits ASCII; a
 * CJK 一 is sometimes typed for the dash. */
static const char *const code_src =
    "(?<![A-Za-z0-9/])(?:GB|HJ)\\s?(?:/\\s?[TZtz])?\\s?[0-9]{1,5}(?:\\.[0-9]{1,2})*\\s?(?:-|一)\\s?(?:[0-9]{4}|[0-9]{2})(?![0-9])";

static int load_table(void **out, const char *path, fl_error *err)
{
    fl_standards *t = NULL;
    int rc = fl_standards_load(&t, path, err);
    *out = t;
    return rc;
}

static void free_table(void *t) { fl_standards_free(t); }

static int parse(fl_rule *rule, const xmlNode *el, fl_loader *ld, fl_error *err)
{
    std_k *k = fl_loader_alloc(ld, sizeof *k);
    const char *check = fl_loader_attr(ld, el, "check");
    if (!check || !strcmp(check, "superseded")) k->check = CHECK_SUPERSEDED;
    else if (!strcmp(check, "title")) k->check = CHECK_TITLE;
    else return fl_loader_error(err, ld, el, "<standards check=\"%s\">: use superseded or title", check);
    if (fl_loader_scope(ld, el, &k->scope, err)) return -1;
    const char *data = fl_loader_attr(ld, el, "data");
    void *tab;
    if (fl_loader_table(ld, el, data ? data : "standards", load_table, free_table, &tab, err)) return -1;
    k->tab = tab;
    const char *src = fl_loader_attr(ld, el, "code");
    if (fl_loader_pattern(ld, el, src ? src : code_src, &k->code, err)) return -1;
    if (fl_loader_attr(ld, el, "date-fields"))
        return fl_loader_error(err, ld, el, "date-fields is no longer read: the date is the judging date "
                                            "(--as-of, else the filing's own date, else today)");
    for (const xmlNode *c = fl_xml_first(el); c; c = fl_xml_next(c)) {
        if (!fl_xml_named(c, "unless") || k->unless)
            return fl_loader_error(err, ld, c, "<standards> holds at most one <unless> pattern");
        if (fl_loader_pattern_text(ld, c, &k->unless, err)) return -1;
    }
    rule->data = k;
    return 0;
}

/* ---- the cited codes of a block ------------------------------------------ */

typedef struct cite {
    size_t start, end;         /* normalised offsets in the block */
    const fl_standard *std;    /* NULL when the table lacks the edition */
} cite;

/* Every code in block b; returns how many (*out in the scan arena). */
static size_t block_cites(fl_scan *s, const std_k *k, int b, cite **out)
{
    const fl_norm *n = fl_scan_norm(s, b);
    size_t cap = 0, nc = 0, from = 0, ms, me;
    cite *v = NULL;
    while (from <= n->len && fl_scan_find(s, k->code, b, from, SIZE_MAX, &ms, &me) == 1) {
        if (nc == cap) {
            cap = cap ? cap * 2 : 4;
            cite *nv = fl_arena_alloc(fl_scan_arena(s), cap * sizeof *nv);
            if (nc) memcpy(nv, v, nc * sizeof *nv);
            v = nv;
        }
        v[nc].start = ms;
        v[nc].end = me;
        v[nc].std = fl_standards_find(k->tab, n->text + ms, me - ms);
        nc++;
        from = me > ms ? me : ms + 1;
    }
    *out = v;
    return nc;
}

/* ---- superseded ---------------------------------------------------------- */

/* The judging date, to the day: a month alone counts from its first day (a
 * standard replaced later that month may still have been current). */
static void judging_day(fl_scan *s, fl_date *out, fl_date *given)
{
    *given = fl_scan_judging(s)->date;
    *out = *given;
    if (!out->m) out->m = 1;
    if (!out->d) out->d = 1;
}

/* What replaces std on day d, and from when; NULL if it was still current. */
static const fl_standard *replacement(const fl_standards *t, const fl_standard *std, const fl_date *d,
                                      fl_date *from)
{
    const fl_standard *r = NULL;
    for (int hops = 0; std && std->replaced_by && hops < 16; hops++) {
        if (fl_date_cmp(d, &std->replaced_from) < 0) break;
        *from = std->replaced_from;
        std = fl_standards_find(t, std->replaced_by, strlen(std->replaced_by));
        if (std) r = std;
    }
    return r;
}

/* Is the replacement (or a later edition of it) cited in the same sentence? */
static bool cited_with(const cite *v, size_t nc, size_t a, size_t e, const fl_standard *repl)
{
    const char *dash = strrchr(repl->key, '-');
    size_t base = dash ? (size_t)(dash - repl->key) : strlen(repl->key);
    for (size_t i = 0; i < nc; i++) {
        if (v[i].start < a || v[i].end > e || !v[i].std) continue;
        const char *key = v[i].std->key;
        if (!strncmp(key, repl->key, base + 1) && strcmp(key, repl->key) >= 0) return true;
    }
    return false;
}

static void superseded(fl_scan *s, const std_k *k, int b, const cite *v, size_t nc, const fl_date *d,
                       const char *shown)
{
    for (size_t i = 0; i < nc && !fl_scan_failed(s); i++) {
        fl_date from = {0, 0, 0};
        const fl_standard *repl = v[i].std ? replacement(k->tab, v[i].std, d, &from) : NULL;
        if (!repl) continue;
        size_t a, e, ms, me;
        fl_scan_sentence(s, b, v[i].start, &a, &e);
        if (cited_with(v, nc, a, e, repl)) continue;
        if (k->unless && fl_scan_find(s, k->unless, b, a, e, &ms, &me) != 0) continue;
        fl_hit h = {.block = b, .span = true, .start = v[i].start, .end = v[i].end, .severity = -1};
        fl_hit_var(&h, "code", fl_scan_typed(s, b, v[i].start, v[i].end));
        fl_hit_var(&h, "title", v[i].std->title);
        fl_hit_var(&h, "replacement", repl->code);
        fl_hit_var(&h, "effective", fl_scan_iso(s, &from));
        fl_hit_var(&h, "date", shown);
        fl_scan_emit(s, &h);
    }
}

/* ---- title --------------------------------------------------------------- */

static bool starts_with(const char *t, size_t len, const char *lit)
{
    size_t n = strlen(lit);
    return len >= n && !memcmp(t, lit, n);
}

/* Only Han characters, letters and digits: 《环境影响评价技术导则—大气环境》
 * and 环境影响评价技术导则 大气环境 compare equal. */
static const char *title_key(fl_scan *s, const char *t, size_t len)
{
    char *out = fl_arena_alloc(fl_scan_arena(s), len + 1);
    size_t o = 0;
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        size_t n = fl_utf8_decode(t + i, len - i, &cp);
        bool han = (cp >= 0x3400 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF);
        bool alnum = cp < 0x80 && ((cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z'));
        if (han || alnum) {
            memcpy(out + o, t + i, n);
            o += n;
        }
        i += n;
    }
    out[o] = '\0';
    return out;
}

static bool is_filler(const char *t, size_t len, const char *const *ok)
{
    for (size_t i = 0; i < len;) {
        bool hit = false;
        for (const char *const *p = ok; *p && !hit; p++)
            if (starts_with(t + i, len - i, *p)) {
                i += strlen(*p);
                hit = true;
            }
        if (!hit) return false;
    }
    return true;
}

/* The 《title》 that goes with the code at [cs, ce) of sentence [a, e):
 * around it, right before it or right after it. Sets [*ts, *te) to the
 * title's inner text; false when there is none. */
static bool find_title(const char *t, size_t a, size_t e, size_t cs, size_t ce, size_t *ts, size_t *te)
{
    static const char *const before_fill[] = {" ", "(", "[", "【", ":", NULL};
    static const char *const after_fill[] = {" ", ")", "]", "】", NULL};
    static const char open[] = "《", close[] = "》";
    size_t o = SIZE_MAX, c = SIZE_MAX; /* last 《 and last 》 before the code */
    for (size_t i = a; i + 3 <= cs; i++) {
        if (!memcmp(t + i, open, 3)) o = i;
        if (!memcmp(t + i, close, 3)) c = i;
    }
    if (o != SIZE_MAX && (c == SIZE_MAX || c < o)) { /* inside 《…GB 3096-2008…》 */
        for (size_t j = ce; j + 3 <= e; j++)
            if (!memcmp(t + j, close, 3)) {
                *ts = o + 3;
                *te = j;
                return true;
            }
        return false;
    }
    if (c != SIZE_MAX && o != SIZE_MAX && is_filler(t + c + 3, cs - c - 3, before_fill)) {
        *ts = o + 3;
        *te = c;
        return true;
    }
    for (size_t j = ce; j + 3 <= e; j++) {
        if (memcmp(t + j, open, 3)) continue;
        if (!is_filler(t + ce, j - ce, after_fill)) return false;
        for (size_t q = j + 3; q + 3 <= e; q++)
            if (!memcmp(t + q, close, 3)) {
                *ts = j + 3;
                *te = q;
                return true;
            }
        return false;
    }
    return false;
}

static const char *trimmed(fl_scan *s, const char *t)
{
    size_t a = 0, e = strlen(t);
    while (a < e && t[a] == ' ') a++;
    while (e > a && t[e - 1] == ' ') e--;
    return fl_arena_strndup(fl_scan_arena(s), t + a, e - a);
}

static bool titles_agree(const char *a, const char *b)
{
    if (!*a || !*b) return false;
    return strstr(a, b) || strstr(b, a);
}

/* Same base number: "GB 3096-1993" and "GB 3096-2008" are editions of one. */
static bool same_base(const char *k1, const char *k2)
{
    const char *d1 = strrchr(k1, '-'), *d2 = strrchr(k2, '-');
    size_t n1 = d1 ? (size_t)(d1 - k1) : strlen(k1), n2 = d2 ? (size_t)(d2 - k2) : strlen(k2);
    return n1 == n2 && !memcmp(k1, k2, n1);
}

static bool std_has_title(fl_scan *s, const fl_standard *st, const char *cited)
{
    if (titles_agree(cited, title_key(s, st->title, strlen(st->title)))) return true;
    for (size_t i = 0; i < st->nalt; i++)
        if (titles_agree(cited, title_key(s, st->alt[i], strlen(st->alt[i])))) return true;
    return false;
}

/* The standard, of another number, whose title the cited one is; NULL if the
 * cited title is (an edition of) the code's own or unknown. An exact title
 * wins over a title that merely contains the cited one. */
static const fl_standard *title_owner(fl_scan *s, const std_k *k, const fl_standard *own, const char *cited)
{
    const fl_standards *t = k->tab;
    for (size_t i = 0; i < t->n; i++)
        if (same_base(t->items[i].key, own->key) && std_has_title(s, &t->items[i], cited)) return NULL;
    const fl_standard *loose = NULL;
    for (size_t i = 0; i < t->n; i++) {
        const fl_standard *st = &t->items[i];
        if (same_base(st->key, own->key)) continue;
        if (!strcmp(cited, title_key(s, st->title, strlen(st->title)))) return st;
        for (size_t j = 0; j < st->nalt; j++)
            if (!strcmp(cited, title_key(s, st->alt[j], strlen(st->alt[j])))) return st;
        if (!loose && fl_utf8_count(cited, strlen(cited)) >= 4 && std_has_title(s, st, cited)) loose = st;
    }
    return loose;
}

static void title(fl_scan *s, const std_k *k, int b, const cite *v, size_t nc)
{
    const fl_norm *n = fl_scan_norm(s, b);
    for (size_t i = 0; i < nc; i++) {
        const fl_standard *own = v[i].std;
        if (!own) own = fl_standards_find_base(k->tab, n->text + v[i].start, v[i].end - v[i].start);
        if (!own) continue;
        size_t a, e, ts, te;
        fl_scan_sentence(s, b, v[i].start, &a, &e);
        if (!find_title(n->text, a, e, v[i].start, v[i].end, &ts, &te)) continue;
        /* a code inside the brackets is not part of the title */
        size_t cs = v[i].start >= ts && v[i].end <= te ? v[i].start : te, ce = cs == te ? te : v[i].end;
        char *raw = fl_arena_alloc(fl_scan_arena(s), te - ts + 1);
        memcpy(raw, n->text + ts, cs - ts);
        memcpy(raw + (cs - ts), n->text + ce, te - ce);
        raw[(cs - ts) + (te - ce)] = '\0';
        const char *cited = title_key(s, raw, strlen(raw));
        const fl_standard *other = *cited ? title_owner(s, k, own, cited) : NULL;
        if (!other) continue;
        fl_hit h = {.block = b, .span = true, .start = v[i].start, .end = v[i].end, .severity = -1};
        fl_hit_var(&h, "code", fl_scan_typed(s, b, v[i].start, v[i].end));
        bool inside = cs != te;
        fl_hit_var(&h, "title", inside ? trimmed(s, raw) : fl_scan_typed(s, b, ts, te));
        fl_hit_var(&h, "expected", own->title);
        fl_hit_var(&h, "other", other->code);
        fl_scan_emit(s, &h);
    }
}

static void run(const fl_rule *rule, fl_scan *s)
{
    const std_k *k = rule->data;
    const fl_scope *sc = fl_scan_scope(s, &k->scope);
    if (!sc->found || fl_scan_failed(s)) return;
    fl_date d = {0, 0, 0};
    const char *shown = NULL;
    if (k->check == CHECK_SUPERSEDED) {
        fl_date given;
        judging_day(s, &d, &given);
        shown = fl_scan_iso(s, &given); /* as precise as the filing says it */
    }
    for (size_t i = 0; i < sc->nblocks && !fl_scan_failed(s); i++) {
        int b = sc->blocks[i];
        cite *v;
        size_t nc = block_cites(s, k, b, &v);
        if (!nc || fl_scan_failed(s)) continue;
        if (k->check == CHECK_SUPERSEDED) superseded(s, k, b, v, nc, &d, shown);
        else title(s, k, b, v, nc);
    }
}

static void describe(const fl_rule *rule, FILE *out)
{
    const std_k *k = rule->data;
    fl_scope_describe(&k->scope, out);
    fprintf(out, "标准表：%s（%zu 项）\n", k->tab->path, k->tab->n);
    if (k->check == CHECK_SUPERSEDED) {
        fprintf(out, "检查：引用的标准在判断日期（--as-of，否则文件的编制日期，否则今天）已被代替\n");
        if (k->unless) fprintf(out, "除非同一句中出现：/%s/\n", k->unless->source);
    } else {
        fprintf(out, "检查：标准号前后的《标准名称》是表中另一项标准的名称\n");
    }
}

const fl_kind fl_kind_standards = {"standards", vars, parse, run, describe};
