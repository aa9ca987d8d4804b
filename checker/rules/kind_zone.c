/* Kind `zone`: the class of standard a filing applies must not be laxer
 * than the function zone it says the project lies in (EIA206).
 *
 *   <zone scope="..." exclude="...">
 *     <medium name="noise" message="..." message-en="..."/>   <!-- GB 3096 / GB 12348 / GB 22337 classes -->
 *     <medium name="air" .../>                                 <!-- 一类区/二类区 against GB 3095 一级/二级 -->
 *     <medium name="surface" .../>                             <!-- Ⅱ–Ⅴ类 against GB 3838 classes -->
 *   </zone>
 *
 * The unit is a chapter: a top-level section with everything under it,
 * because a 报告书 states the zones in 环境功能区划 and the standards in its
 * sibling 评价标准, both in 总则, and a 报告表 both in its third part. In a
 * chapter, each sentence's classes are read with the medium of the nearest
 * medium word before them (grades.h) and sorted into zones ("为2类声环境功能
 * 区", "3类标准地区", "功能区划为Ⅲ类") and classes applied ("执行…2类标准",
 * "二级标准", "Ⅲ类水质标准").
 *
 * Precision first: a chapter is judged for a medium only when it states one
 * zone class and applies one class. Sentences about construction (施工,
 * GB 12523), measured quality (现状, 监测, 达标, 满足, 达到, 超标, 劣Ⅴ类),
 * conditions and checkbox forms are not read; a sentence that names a side
 * or a road (东侧, 两侧, 临路, 交通干线, 铁路) makes the medium's zones per
 * side, which is not judged. */
#include "rules/kind.h"
#include "rules/grades.h"
#include "core/quantity.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct medium_k {
    fl_medium m;
    const char *message, *message_en;
    fl_in_force force;
} medium_k;

typedef struct zone_k {
    fl_scope_spec scope;
    medium_k *media;
    size_t n;
} zone_k;

static const char *const vars[] = {"medium", "zone", "applied", NULL};

static int parse(fl_rule *rule, const xmlNode *el, fl_loader *ld, fl_error *err)
{
    zone_k *k = fl_loader_alloc(ld, sizeof *k);
    if (fl_loader_scope(ld, el, &k->scope, err)) return -1;
    size_t n = 0;
    for (const xmlNode *c = fl_xml_first(el); c; c = fl_xml_next(c)) n++;
    k->media = fl_loader_alloc(ld, (n ? n : 1) * sizeof *k->media);
    for (const xmlNode *c = fl_xml_first(el); c; c = fl_xml_next(c)) {
        if (!fl_xml_named(c, "medium")) return fl_loader_error(err, ld, c, "unexpected <%s> in <zone>", (const char *)c->name);
        medium_k *mk = &k->media[k->n++];
        const char *name = fl_loader_attr(ld, c, "name");
        if (!name) return fl_loader_error(err, ld, c, "<medium> needs a name");
        if (!strcmp(name, "noise")) mk->m = FL_MED_NOISE;
        else if (!strcmp(name, "air")) mk->m = FL_MED_AIR;
        else if (!strcmp(name, "surface")) mk->m = FL_MED_SURFACE;
        else return fl_loader_error(err, ld, c, "<medium name=\"%s\">: the zone kind knows noise, air and surface", name);
        if (fl_loader_message(ld, c, rule, "message", &mk->message, err) ||
            fl_loader_message(ld, c, rule, "message-en", &mk->message_en, err) ||
            fl_loader_in_force(ld, c, &mk->force, err))
            return -1;
    }
    if (!k->n) return fl_loader_error(err, ld, el, "<zone> needs at least one <medium>");
    rule->data = k;
    return 0;
}

/* What one chapter says about one medium. */
typedef struct tally {
    bool zone_found, zone_several, applied_found, applied_several, sided;
    fl_class_tok zone, applied;
    int applied_block;
    char zone_body[24], applied_body[24]; /* the river named before the class, "" none */
} tally;

static bool same_class(const fl_class_tok *a, const fl_class_tok *b) { return a->value == b->value && a->sub == b->sub; }

static void add(tally *t, const fl_class_tok *c, int role, int block, const char *body)
{
    if (role == FL_CLASS_ZONE) {
        if (t->zone_found && !same_class(&t->zone, c)) t->zone_several = true;
        if (!t->zone_found) {
            t->zone = *c;
            snprintf(t->zone_body, sizeof t->zone_body, "%s", body);
        }
        t->zone_found = true;
    } else if (role == FL_CLASS_APPLIED) {
        if (t->applied_found && !same_class(&t->applied, c)) t->applied_several = true;
        if (!t->applied_found) {
            t->applied = *c;
            t->applied_block = block;
            snprintf(t->applied_body, sizeof t->applied_body, "%s", body);
        }
        t->applied_found = true;
    }
}

/* The river, lake or canal named last before offset at in [ss, at): the
 * two Han characters before 河, 江, 湖, 溪, 渠 or 浦 and that character
 * ("一干河", "青溪河"), in out; "" when none. A zone stated for one water
 * and a class applied to another are not compared. A word that merely
 * ends so (江苏) can only make the check silent. */
static void water_body(const char *t, size_t ss, size_t at, char *out, size_t n)
{
    static const char *const suffix[] = {"河", "江", "湖", "溪", "渠", "浦"};
    *out = 0;
    for (size_t i = ss; i < at; i = fl_text_next(t, at, i))
        for (size_t k = 0; k < sizeof suffix / sizeof *suffix; k++) {
            size_t sl = strlen(suffix[k]);
            if (i + sl > at || memcmp(t + i, suffix[k], sl)) continue;
            size_t a = i; /* back over up to two Han characters (three bytes each) */
            for (int c = 0; c < 2 && a >= ss + 3 && (unsigned char)t[a - 3] >= 0xE4 && (unsigned char)t[a - 3] <= 0xE9; c++) a -= 3;
            if (a == i || i + sl - a >= n) continue;
            memcpy(out, t + a, i + sl - a);
            out[i + sl - a] = 0;
        }
}

/* Is applied laxer than the zone's own class? */
static bool laxer(fl_medium m, const fl_class_tok *zone, const fl_class_tok *applied)
{
    if (m == FL_MED_AIR && zone->level) return false; /* a zone is a 类区 */
    if (m == FL_MED_AIR && !applied->level && applied->value == zone->value) return false;
    if (applied->value != zone->value) return applied->value > zone->value;
    /* 4a against 4b: 4b allows 60 dB(A) at night, 4a 55 */
    return m == FL_MED_NOISE && zone->sub == 'a' && applied->sub == 'b';
}

static bool has_any(const char *t, size_t a, size_t e, const char *const *w)
{
    for (; *w; w++)
        if (fl_text_has(t, a, e, *w)) return true;
    return false;
}

static const char *const not_zone[] = {"施工", "现状", "监测", "达标", "超标", "满足", "达到", "劣", NULL};
static const char *const sides[] = {"东侧", "西侧", "南侧", "北侧", "东厂界", "西厂界", "南厂界", "北厂界", "两侧",
                                    "一侧", "临路", "交通干线", "铁路", "道路边界", "红线", NULL};

static int medium_index(const zone_k *k, fl_medium m)
{
    for (size_t i = 0; i < k->n; i++)
        if (k->media[i].m == m) return (int)i;
    return -1;
}

/* The decibels after word in [ss, se): the first quantity, in dB(A), within
 * a few characters ("昼间65dB(A)", "昼间≤60dB(A)", "昼间：65 dB(A)"). */
static bool decibels(const char *t, size_t ss, size_t se, const char *word, fl_quantity *q, size_t *at, size_t *end)
{
    size_t n = strlen(word);
    for (size_t i = ss; i + n <= se; i = fl_text_next(t, se, i)) {
        if (memcmp(t + i, word, n)) continue;
        size_t a = i + n;
        if (!fl_quantity_find(q, t + a, se - a) || q->start > 12 || q->dim != FL_DIM_SOUND || q->range || q->approx ||
            (q->cmp != FL_QCMP_EQ && q->cmp != FL_QCMP_LE))
            return false;
        *at = i;
        *end = a + q->end;
        return true;
    }
    return false;
}

/* A noise limit applied as numbers with no class: "厂界噪声执行《工业企业
 * 厂界环境噪声排放标准》，即昼间65dB(A)、夜间55dB(A)". The pair names the
 * class of GB 3096 whose limits it is (50/40 0类 … 70/60 4b类); a pair
 * matching no class is no class. */
static bool limits_class(const char *t, size_t ss, size_t se, fl_class_tok *c)
{
    static const struct { int day, night, value; char sub; } classes[] = {
        {50, 40, 0, 0}, {55, 45, 1, 0}, {60, 50, 2, 0}, {65, 55, 3, 0}, {70, 55, 4, 'a'}, {70, 60, 4, 'b'},
    };
    fl_quantity d, n;
    size_t da, de, na, ne;
    if (!decibels(t, ss, se, "昼间", &d, &da, &de) || !decibels(t, ss, se, "夜间", &n, &na, &ne)) return false;
    if (na < da) return false; /* 夜间 first: not the usual pair */
    for (size_t i = 0; i < sizeof classes / sizeof *classes; i++)
        if (d.value == classes[i].day && n.value == classes[i].night) {
            memset(c, 0, sizeof *c);
            c->value = classes[i].value;
            c->sub = classes[i].sub;
            c->start = da;
            c->end = ne;
            return true;
        }
    return false;
}

static void sentence(const zone_k *k, const char *t, size_t ss, size_t se, int block, tally *tl)
{
    /* only sentences holding 类, 级 or 执行 arrive here (need[] in run()) */
    if (has_any(t, ss, se, not_zone)) return;
    bool sided = has_any(t, ss, se, sides);
    fl_medium_cursor cur = FL_MEDIUM_CURSOR_INIT;
    bool noise_std = false, noise_class = false;
    for (size_t i = ss; i < se;) {
        size_t n = fl_medium_step(&cur, t, se, i);
        if (n) {
            if (cur.m == FL_MED_NOISE && cur.role == FL_MED_STD) noise_std = true;
            i += n;
            continue;
        }
        fl_class_tok c;
        fl_medium before;
        int mi = -1;
        if ((n = fl_class_before_medium(t, se, i, &before, &c))) mi = medium_index(k, before);
        else if (cur.role != FL_MED_BUILD && medium_index(k, cur.m) >= 0 && (n = fl_class_at(t, se, i, cur.m, &c)))
            mi = medium_index(k, cur.m);
        if (n && mi >= 0) {
            if (sided) tl[mi].sided = true;
            if (k->media[mi].m == FL_MED_NOISE) noise_class = true;
            char body[24] = "";
            if (k->media[mi].m == FL_MED_SURFACE) water_body(t, ss, i, body, sizeof body);
            int cr = fl_class_role(t, ss, se, &c, cur.role);
            if (!(cr == FL_CLASS_ZONE && fl_zone_of_others(t, ss, se, i))) /* a target's zone is not the site's */
                add(&tl[mi], &c, cr, block, body);
            i += n;
            continue;
        }
        i = n ? i + n : fl_text_next(t, se, i);
    }
    int ni = medium_index(k, FL_MED_NOISE);
    fl_class_tok c;
    if (ni >= 0 && noise_std && !noise_class && fl_text_has(t, ss, se, "执行") && limits_class(t, ss, se, &c)) {
        if (sided) tl[ni].sided = true;
        c.limits = true;
        add(&tl[ni], &c, FL_CLASS_APPLIED, block, "");
    }
}

static void judge(fl_scan *s, const zone_k *k, tally *tl)
{
    for (size_t i = 0; i < k->n; i++) {
        const medium_k *mk = &k->media[i];
        tally *t = &tl[i];
        if (fl_scan_in_force(s, &mk->force) && t->zone_found && t->applied_found && !t->zone_several &&
            !t->applied_several && !t->sided && !(*t->zone_body && *t->applied_body && strcmp(t->zone_body, t->applied_body)) &&
            laxer(mk->m, &t->zone, &t->applied)) {
            fl_hit h = {.block = t->applied_block, .span = true, .start = t->applied.start, .end = t->applied.end,
                        .severity = -1, .message = mk->message, .message_en = mk->message_en};
            char zb[32], ab[32];
            fl_arena *a = fl_scan_arena(s);
            fl_hit_var(&h, "medium", fl_medium_name(mk->m));
            fl_hit_var(&h, "zone", fl_arena_strdup(a, fl_class_text(zb, sizeof zb, mk->m, &t->zone)));
            const char *applied = fl_class_text(ab, sizeof ab, mk->m, &t->applied);
            if (t->applied.limits) /* the numbers written stand for the class */
                applied = fl_arena_printf(a, "%s（%s）", applied, fl_scan_typed(s, t->applied_block, t->applied.start, t->applied.end));
            fl_hit_var(&h, "applied", fl_arena_strdup(a, applied));
            fl_scan_emit(s, &h);
        }
        memset(t, 0, sizeof *t);
    }
}

/* The top-level section holding block b's section, -1 before any. */
static int chapter(const fl_doc *doc, int sec)
{
    for (int guard = 0; sec >= 0 && doc->sections[sec].parent >= 0 && guard < 64; guard++) sec = doc->sections[sec].parent;
    return sec;
}

/* The sentences in reading order, judged chapter by chapter. */
typedef struct walk {
    const zone_k *k;
    tally *tl;
    int chapter, section;
} walk;

static void walk_sentence(fl_scan *s, const char *t, size_t ss, size_t se, int block, void *ctx)
{
    walk *w = ctx;
    const fl_doc *doc = fl_scan_doc(s);
    int sec = doc->blocks[block].section;
    if (sec != w->section) { /* sections change rarely: walk up once per change */
        w->section = sec;
        int ch = chapter(doc, sec);
        if (ch != w->chapter) {
            judge(s, w->k, w->tl);
            w->chapter = ch;
        }
    }
    sentence(w->k, t, ss, se, block, w->tl);
}

static void run(const fl_rule *rule, fl_scan *s)
{
    const zone_k *k = rule->data;
    const fl_scope *sc = fl_scan_scope(s, &k->scope);
    if (fl_scan_failed(s) || !sc->found) return;
    tally *tl = fl_arena_alloc(fl_scan_arena(s), k->n * sizeof *tl);
    memset(tl, 0, k->n * sizeof *tl);
    walk w = {k, tl, -2, -2};
    /* every class token ends in 类 or 级 (fl_class_at), and limits without
     * a class count only after 执行: most sentences of a chapter have none */
    static const char *const need[] = {"类", "级", "执行", NULL};
    fl_grade_sentences_with(s, sc, need, walk_sentence, &w);
    if (!fl_scan_failed(s)) judge(s, k, tl);
}

static void describe(const fl_rule *rule, FILE *out)
{
    const zone_k *k = rule->data;
    fl_scope_describe(&k->scope, out);
    for (size_t i = 0; i < k->n; i++) {
        const medium_k *mk = &k->media[i];
        switch (mk->m) {
        case FL_MED_NOISE: fputs("声环境：功能区类别（0、1、2、3、4a、4b类）对照 GB 3096、GB 12348、GB 22337 执行的类别", out); break;
        case FL_MED_AIR: fputs("环境空气：一类区、二类区对照 GB 3095 执行的一级、二级标准", out); break;
        default: fputs("地表水：水环境功能区类别（Ⅰ～Ⅴ类）对照 GB 3838 执行的类别", out); break;
        }
        fl_in_force_describe(&mk->force, out);
        fputc('\n', out);
    }
    fputs("同一章内只写明一个功能区类别、只执行一个类别时才比较；按方位分列、施工期、现状监测结果不判断\n", out);
}

const fl_kind fl_kind_zone = {"zone", vars, parse, run, describe};
