/* numbering.xml (and Word 2003's w:lists): abstract definitions, num
 * instances with level overrides, and the counters that turn a paragraph's
 * (numId, ilvl) into the label Word shows ("一、", "第1章", "1.1"). These
 * labels exist in no w:t, yet Chinese filings are structured by them.
 * Counters live in the abstract definition because Word
 * numbers every w:num of one abstractNum as one list. */
#include "input/numbering.h"
#include "core/arena.h"
#include "core/xmlsafe.h"
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

enum { LEVELS = 9, LINK_HOPS = 8 };
enum suffix { SUFF_TAB, SUFF_SPACE, SUFF_NOTHING };

typedef struct lvl {
    bool set;
    bool start_set;
    int start;
    const char *fmt;      /* ST_NumberFormat value ("decimal" when absent) */
    const char *custom;   /* w:format of a numFmt "custom" (w14), else NULL */
    const char *text;     /* w:lvlText, NULL when absent */
    int suff;             /* enum suffix */
    bool lgl;             /* w:isLgl */
    int restart;          /* w:lvlRestart, -1 absent */
    const char *pstyle;
} lvl;

typedef struct absnum {
    int id;
    lvl lv[LEVELS];
    const char *style_link, *num_style_link;
    int count[LEVELS];    /* counter state of the list this definition is */
    bool on[LEVELS];      /* false: the next paragraph at this level starts it */
} absnum;

typedef struct num {
    int id, abs_id;
    lvl ov[LEVELS];       /* full w:lvl replacements */
    int start_ov[LEVELS];
    bool has_start_ov[LEVELS];
    bool used;
} num;

struct fl_numbering {
    fl_arena arena;
    absnum *abs;
    size_t nabs, capabs;
    num *nums;
    size_t nnum, capnum;
};

/* ---- DOM helpers (mc:AlternateContent is looked through here too) ---- */


static const char *val(const xmlNode *n, fl_ns ns)
{
    return fl_xml_attr(n, ns, "val");
}

static int parse_int(const char *v, int dflt)
{
    if (!v) return dflt;
    char *end;
    long x = strtol(v, &end, 10);
    if (end == v || x < -1000000000L || x > 1000000000L) return dflt;
    return (int)x;
}

static int onoff(const xmlNode *n, fl_ns ns)
{
    const char *v = val(n, ns);
    if (!v) return 1;
    return !(strcmp(v, "false") == 0 || strcmp(v, "0") == 0 || strcasecmp(v, "off") == 0);
}

/* ---- reading ---- */

/* Word 2003 w:nfc numbers ([MS-DOC] MSONFC) for the formats we render. */
static const char *nfc_name(int nfc)
{
    static const char *names[] = {
        "decimal", "upperRoman", "lowerRoman", "upperLetter", "lowerLetter", "ordinal",
        "cardinalText", "ordinalText", "hex", "chicago", "ideographDigital",
        "japaneseCounting", "aiueo", "iroha", "decimalFullWidth", "decimalHalfWidth",
        "japaneseLegal", "japaneseDigitalTenThousand", "decimalEnclosedCircle",
        "decimalFullWidth2", "aiueoFullWidth", "irohaFullWidth", "decimalZero", "bullet",
        "ganada", "chosung", "decimalEnclosedFullstop", "decimalEnclosedParen",
        "decimalEnclosedCircleChinese", "ideographEnclosedCircle", "ideographTraditional",
        "ideographZodiac", "ideographZodiacTraditional", "taiwaneseCounting",
        "ideographLegalTraditional", "taiwaneseCountingThousand", "taiwaneseDigital",
        "chineseCounting", "chineseLegalSimplified", "chineseCountingThousand", "decimal",
    };
    if (nfc == 255) return "none";
    if (nfc >= 0 && nfc < (int)(sizeof names / sizeof names[0])) return names[nfc];
    return "decimal";
}

static int suffix_of(const char *v)
{
    if (v && strcasecmp(v, "space") == 0) return SUFF_SPACE;
    if (v && strcasecmp(v, "nothing") == 0) return SUFF_NOTHING;
    return SUFF_TAB;
}

static const char *dup(fl_numbering *n, const char *s)
{
    return fl_arena_strdup(&n->arena, s);
}

static void read_lvl(fl_numbering *n, lvl *L, const xmlNode *x, fl_ns ns)
{
    memset(L, 0, sizeof *L);
    L->set = true;
    L->start = 1; /* ECMA says 0, but Word, LibreOffice and ONLYOFFICE start at 1 */
    L->fmt = "decimal";
    L->restart = -1;
    fl_xml_kids k;
    fl_xml_kids_init(&k, x);
    for (const xmlNode *c; (c = fl_xml_kids_next(&k));) {
        const char *v = val(c, ns);
        if (fl_xml_is(c, ns, "start") && v) {
            L->start = parse_int(v, 1);
            L->start_set = true;
        } else if (fl_xml_is(c, ns, "numFmt") && v) {
            L->fmt = dup(n, v);
            const char *f = fl_xml_attr(c, ns, "format");
            L->custom = (f && strcmp(v, "custom") == 0) ? dup(n, f) : NULL;
        } else if (fl_xml_is(c, ns, "nfc")) {
            L->fmt = nfc_name(parse_int(v, 0));
        } else if (fl_xml_is(c, ns, "lvlText")) {
            L->text = v ? dup(n, v) : NULL;
        } else if (fl_xml_is(c, ns, "suff")) {
            L->suff = suffix_of(v);
        } else if (fl_xml_is(c, ns, "isLgl")) {
            L->lgl = onoff(c, ns);
        } else if (fl_xml_is(c, ns, "lvlRestart")) {
            L->restart = parse_int(v, -1);
        } else if (fl_xml_is(c, ns, "pStyle") && v) {
            L->pstyle = dup(n, v);
        }
    }
}

static int level_attr(const xmlNode *x, fl_ns ns)
{
    int i = parse_int(fl_xml_attr(x, ns, "ilvl"), -1);
    return (i >= 0 && i < LEVELS) ? i : -1;
}

static absnum *find_abs(const fl_numbering *n, int id)
{
    for (size_t i = 0; i < n->nabs; i++)
        if (n->abs[i].id == id) return &n->abs[i];
    return NULL;
}

static num *find_num(const fl_numbering *n, int id)
{
    for (size_t i = 0; i < n->nnum; i++)
        if (n->nums[i].id == id) return &n->nums[i];
    return NULL;
}

/* w:abstractNum (abstractNumId) or Word 2003 w:listDef (listDefId). */
static void read_abs(fl_numbering *n, const xmlNode *x, fl_ns ns, const char *id_attr)
{
    const char *idv = fl_xml_attr(x, ns, id_attr);
    if (!idv || find_abs(n, parse_int(idv, -1))) return; /* the first definition wins */
    FL_VEC_RESERVE(n->abs, n->capabs, n->nabs + 1);
    absnum *a = &n->abs[n->nabs++];
    memset(a, 0, sizeof *a);
    a->id = parse_int(idv, -1);
    fl_xml_kids k;
    fl_xml_kids_init(&k, x);
    for (const xmlNode *c; (c = fl_xml_kids_next(&k));) {
        const char *v = val(c, ns);
        if (fl_xml_is(c, ns, "lvl")) {
            int i = level_attr(c, ns);
            if (i >= 0 && !a->lv[i].set) read_lvl(n, &a->lv[i], c, ns);
        } else if (fl_xml_is(c, ns, "styleLink") && v) {
            a->style_link = dup(n, v);
        } else if ((fl_xml_is(c, ns, "numStyleLink") || fl_xml_is(c, ns, "listStyleLink")) && v) {
            a->num_style_link = dup(n, v);
        }
    }
}

static void read_override(fl_numbering *n, num *m, const xmlNode *x, fl_ns ns)
{
    int i = level_attr(x, ns);
    if (i < 0) return;
    fl_xml_kids k;
    fl_xml_kids_init(&k, x);
    for (const xmlNode *c; (c = fl_xml_kids_next(&k));) {
        if (fl_xml_is(c, ns, "startOverride") && val(c, ns)) {
            m->start_ov[i] = parse_int(val(c, ns), 1);
            m->has_start_ov[i] = true;
        } else if (fl_xml_is(c, ns, "lvl")) {
            read_lvl(n, &m->ov[i], c, ns);
        }
    }
}

/* w:num (numId, w:abstractNumId) or Word 2003 w:list (ilfo, w:ilst). */
static void read_num(fl_numbering *n, const xmlNode *x, fl_ns ns, const char *id_attr,
                     const char *abs_elem)
{
    int id = parse_int(fl_xml_attr(x, ns, id_attr), -1);
    if (id <= 0 || find_num(n, id)) return;
    FL_VEC_RESERVE(n->nums, n->capnum, n->nnum + 1);
    num *m = &n->nums[n->nnum++];
    memset(m, 0, sizeof *m);
    m->id = id;
    m->abs_id = -1;
    fl_xml_kids k;
    fl_xml_kids_init(&k, x);
    for (const xmlNode *c; (c = fl_xml_kids_next(&k));) {
        if (fl_xml_is(c, ns, abs_elem)) m->abs_id = parse_int(val(c, ns), -1);
        else if (fl_xml_is(c, ns, "lvlOverride")) read_override(n, m, c, ns);
    }
}

static fl_numbering *numbering_new(void)
{
    fl_numbering *n = fl_xcalloc(1, sizeof *n);
    fl_arena_init(&n->arena);
    return n;
}

static void read_root(fl_numbering *n, const xmlNode *root, fl_ns ns)
{
    bool w2003 = ns == FL_NS_W2003;
    fl_xml_kids k;
    fl_xml_kids_init(&k, root);
    for (const xmlNode *c; (c = fl_xml_kids_next(&k));) {
        if (fl_xml_is(c, ns, w2003 ? "listDef" : "abstractNum"))
            read_abs(n, c, ns, w2003 ? "listDefId" : "abstractNumId");
        else if (fl_xml_is(c, ns, w2003 ? "list" : "num"))
            read_num(n, c, ns, w2003 ? "ilfo" : "numId", w2003 ? "ilst" : "abstractNumId");
    }
}

fl_numbering *fl_numbering_parse(const char *xml, size_t len, fl_error *err)
{
    fl_numbering *n = numbering_new();
    if (!xml || len == 0) return n;
    xmlDoc *doc = fl_xml_read(xml, len, "word/numbering.xml", err);
    if (!doc) {
        fl_numbering_free(n);
        return NULL;
    }
    const xmlNode *root = xmlDocGetRootElement(doc);
    if (fl_xml_is(root, FL_NS_W, "numbering")) read_root(n, root, FL_NS_W);
    xmlFreeDoc(doc);
    return n;
}

fl_numbering *fl_numbering_from_node(const void *xml_node_lists)
{
    fl_numbering *n = numbering_new();
    const xmlNode *x = xml_node_lists;
    if (!x) return n;
    read_root(n, x, fl_xml_ns(x) == FL_NS_W ? FL_NS_W : FL_NS_W2003);
    return n;
}

void fl_numbering_free(fl_numbering *n)
{
    if (!n) return;
    fl_arena_free(&n->arena);
    free(n->abs);
    free(n->nums);
    free(n);
}

/* ---- resolution ---- */

/* The definition a num really uses: numStyleLink points (through a numbering
 * style) at the abstractNum whose styleLink has the same name. */
static absnum *resolve_abs(const fl_numbering *n, int abs_id)
{
    absnum *a = find_abs(n, abs_id);
    for (int hop = 0; a && a->num_style_link && hop < LINK_HOPS; hop++) {
        absnum *to = NULL;
        for (size_t i = 0; i < n->nabs && !to; i++)
            if (&n->abs[i] != a && n->abs[i].style_link &&
                strcmp(n->abs[i].style_link, a->num_style_link) == 0)
                to = &n->abs[i];
        if (!to) break;
        a = to;
    }
    return a;
}

static const lvl *eff_lvl(const num *m, const absnum *a, int i)
{
    return m->ov[i].set ? &m->ov[i] : &a->lv[i];
}

static int start_of(const num *m, const absnum *a, int i)
{
    if (m->has_start_ov[i]) return m->start_ov[i];
    return eff_lvl(m, a, i)->start;
}

int fl_numbering_level_for_style(const fl_numbering *n, int num_id, const char *style_id)
{
    if (!n || !style_id) return -1;
    const num *m = find_num(n, num_id);
    const absnum *a = m ? resolve_abs(n, m->abs_id) : NULL;
    if (!a) return -1;
    for (int i = 0; i < LEVELS; i++) {
        const lvl *L = eff_lvl(m, a, i);
        if (L->set && L->pstyle && strcmp(L->pstyle, style_id) == 0) return i;
    }
    return -1;
}

/* Does using level `used` restart deeper level k (w:lvlRestart is 1-based)? */
static bool restarts(const lvl *L, int k, int used)
{
    if (L->restart == 0) return false;
    if (L->restart < 0 || L->restart > k) return true;
    return used < L->restart;
}

static void advance(num *m, absnum *a, int il)
{
    if (!m->used) {
        /* A num with startOverride restarts the shared list where it is first used. */
        m->used = true;
        for (int i = 0; i < LEVELS; i++)
            if (m->has_start_ov[i]) a->on[i] = false;
    }
    if (a->on[il]) a->count[il]++;
    else a->count[il] = start_of(m, a, il);
    a->on[il] = true;
    for (int k = il + 1; k < LEVELS; k++)
        if (restarts(eff_lvl(m, a, k), k, il)) a->on[k] = false;
}

/* ---- output buffer that never splits a UTF-8 sequence ---- */

typedef struct out {
    char *p;
    size_t cap, len;
} out;

static void put(out *o, const char *s, size_t n)
{
    if (!o->cap || o->len + n + 1 > o->cap) {
        if (o->cap) o->cap = o->len + 1; /* full: refuse everything after */
        return;
    }
    memcpy(o->p + o->len, s, n);
    o->len += n;
    o->p[o->len] = '\0';
}

static void puts_(out *o, const char *s) { put(o, s, strlen(s)); }

static void putcp(out *o, uint32_t cp)
{
    char b[4];
    size_t n;
    if (cp < 0x80) { b[0] = (char)cp; n = 1; }
    else if (cp < 0x800) { b[0] = (char)(0xC0 | cp >> 6); b[1] = (char)(0x80 | (cp & 0x3F)); n = 2; }
    else if (cp < 0x10000) {
        b[0] = (char)(0xE0 | cp >> 12); b[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        b[2] = (char)(0x80 | (cp & 0x3F)); n = 3;
    } else {
        b[0] = (char)(0xF0 | cp >> 18); b[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        b[2] = (char)(0x80 | ((cp >> 6) & 0x3F)); b[3] = (char)(0x80 | (cp & 0x3F)); n = 4;
    }
    put(o, b, n);
}

static void put_decimal(out *o, long v)
{
    char b[24];
    puts_(o, (snprintf(b, sizeof b, "%ld", v), b));
}

/* ---- number formats ---- */

/* ○ (U+25CB) is the zero ONLYOFFICE's Word-compatible tables use for the
 * Chinese counting formats; ideographDigital uses 〇 (U+3007). */
static const uint32_t ZH_DIGITS[10] = {0x25CB, 0x4E00, 0x4E8C, 0x4E09, 0x56DB,
                                       0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D};
static const uint32_t ZH_UNITS[3] = {0x5341, 0x767E, 0x5343};   /* 十 百 千 */
static const uint32_t ZH_LEGAL_DIGITS[10] = {0x96F6, 0x58F9, 0x8D30, 0x53C1, 0x8086,
                                             0x4F0D, 0x9646, 0x67D2, 0x634C, 0x7396};
static const uint32_t ZH_LEGAL_UNITS[3] = {0x62FE, 0x4F70, 0x4EDF}; /* 拾 佰 仟 */
static const uint32_t TW_LEGAL_DIGITS[10] = {0x96F6, 0x58F9, 0x8CB3, 0x53C3, 0x8086,
                                             0x4F0D, 0x9678, 0x67D2, 0x634C, 0x7396};

typedef struct cjk_set {
    const uint32_t *digits, *units;
    uint32_t myriad;      /* 万 or 萬 */
    bool bare_ten;        /* 10..19 as 十, 十一 (counting) instead of 壹拾, 壹拾壹 (legal) */
} cjk_set;

/* One group of four digits (1..9999); zero marks a gap before a non-zero digit. */
static void cjk_group(out *o, int g, const cjk_set *cs, bool lead_zero, bool bare_ten)
{
    int d[4] = {g / 1000, g / 100 % 10, g / 10 % 10, g % 10};
    bool started = false, gap = lead_zero;
    for (int i = 0; i < 4; i++) {
        if (!d[i]) { if (started) gap = true; continue; }
        if (gap) putcp(o, cs->digits[0]);
        gap = false;
        if (!(i == 2 && d[i] == 1 && !started && bare_ten)) putcp(o, cs->digits[d[i]]);
        if (i < 3) putcp(o, cs->units[2 - i]);
        started = true;
    }
}

/* chineseCountingThousand and the legal formats: 十一, 一百○一, 一万○一十. */
static void render_cjk(out *o, long v, const cjk_set *cs)
{
    if (v == 0) { putcp(o, cs->digits[0]); return; }
    if (v < 0 || v > 99999999L) { put_decimal(o, v); return; }
    int hi = (int)(v / 10000), lo = (int)(v % 10000);
    if (hi) {
        cjk_group(o, hi, cs, false, cs->bare_ten && hi < 20);
        putcp(o, cs->myriad);
    }
    if (lo) cjk_group(o, lo, cs, hi && lo < 1000, cs->bare_ten && v < 20);
}

/* chineseCounting: 一..九, 十, 十一, 二十, 九十九; from 100 digit by digit (一○○,
 * 一○一) as in ONLYOFFICE's Word-compatible implementation; Word's own
 * rendering of values this large is unverified, and filings rarely pass 二十. */
static void render_counting(out *o, long v)
{
    if (v < 0) { put_decimal(o, v); return; }
    if (v >= 10 && v < 100) {
        if (v >= 20) putcp(o, ZH_DIGITS[v / 10]);
        putcp(o, ZH_UNITS[0]);
        if (v % 10) putcp(o, ZH_DIGITS[v % 10]);
        return;
    }
    char b[24];
    snprintf(b, sizeof b, "%ld", v);
    for (const char *p = b; *p; p++) putcp(o, ZH_DIGITS[*p - '0']);
}

static void render_digits(out *o, long v, uint32_t zero_cp, const uint32_t *digits)
{
    if (v < 0) { put_decimal(o, v); return; }
    char b[24];
    snprintf(b, sizeof b, "%ld", v);
    for (const char *p = b; *p; p++)
        putcp(o, *p == '0' ? zero_cp : digits ? digits[*p - '0'] : zero_cp + (uint32_t)(*p - '0'));
}

static void render_letter(out *o, long v, char base)
{
    if (v <= 0) { put_decimal(o, v); return; }
    char c = (char)(base + (v - 1) % 26);
    for (long i = 0; i <= (v - 1) / 26 && o->len + 2 <= o->cap; i++) put(o, &c, 1);
}

static void render_roman(out *o, long v, bool upper)
{
    static const struct { int v; const char *u, *l; } R[] = {
        {1000, "M", "m"}, {900, "CM", "cm"}, {500, "D", "d"}, {400, "CD", "cd"},
        {100, "C", "c"}, {90, "XC", "xc"}, {50, "L", "l"}, {40, "XL", "xl"},
        {10, "X", "x"}, {9, "IX", "ix"}, {5, "V", "v"}, {4, "IV", "iv"}, {1, "I", "i"},
    };
    if (v <= 0 || v > 32767) { put_decimal(o, v); return; }
    for (size_t i = 0; i < sizeof R / sizeof R[0]; i++)
        for (; v >= R[i].v; v -= R[i].v) puts_(o, upper ? R[i].u : R[i].l);
}

/* A Unicode run of enclosed numbers for 1..20, decimal outside it. */
static void render_enclosed(out *o, long v, uint32_t first)
{
    if (v >= 1 && v <= 20) putcp(o, first + (uint32_t)(v - 1));
    else put_decimal(o, v);
}

static void render_cycle(out *o, long v, const uint32_t *set, int n)
{
    if (v <= 0) { put_decimal(o, v); return; }
    putcp(o, set[(v - 1) % n]);
}

static void render(out *o, const char *f, long v)
{
    static const uint32_t GAN[10] = {0x7532, 0x4E59, 0x4E19, 0x4E01, 0x620A,
                                     0x5DF1, 0x5E9A, 0x8F9B, 0x58EC, 0x7678};
    static const uint32_t ZHI[12] = {0x5B50, 0x4E11, 0x5BC5, 0x536F, 0x8FB0, 0x5DF3,
                                     0x5348, 0x672A, 0x7533, 0x9149, 0x620C, 0x4EA5};
    static const uint32_t IDEO[10] = {0x3007, 0x4E00, 0x4E8C, 0x4E09, 0x56DB,
                                      0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D};
    const cjk_set counting = {ZH_DIGITS, ZH_UNITS, 0x4E07, true};
    const cjk_set legal = {ZH_LEGAL_DIGITS, ZH_LEGAL_UNITS, 0x842C, false};
    const cjk_set legal_tw = {TW_LEGAL_DIGITS, ZH_LEGAL_UNITS, 0x842C, false};
    if (!f) f = "decimal";
    if (!strcmp(f, "none") || !strcmp(f, "bullet")) return;
    if (!strcmp(f, "decimalZero")) {
        if (v >= 0 && v < 10) put(o, "0", 1);
        put_decimal(o, v);
    } else if (!strcmp(f, "upperLetter")) render_letter(o, v, 'A');
    else if (!strcmp(f, "lowerLetter")) render_letter(o, v, 'a');
    else if (!strcmp(f, "upperRoman")) render_roman(o, v, true);
    else if (!strcmp(f, "lowerRoman")) render_roman(o, v, false);
    else if (!strcmp(f, "chineseCounting") || !strcmp(f, "taiwaneseCounting")) render_counting(o, v);
    else if (!strcmp(f, "chineseCountingThousand") || !strcmp(f, "taiwaneseCountingThousand"))
        render_cjk(o, v, &counting);
    else if (!strcmp(f, "chineseLegalSimplified")) render_cjk(o, v, &legal);
    else if (!strcmp(f, "ideographLegalTraditional")) render_cjk(o, v, &legal_tw);
    else if (!strcmp(f, "ideographTraditional")) render_cycle(o, v, GAN, 10);
    else if (!strcmp(f, "ideographZodiac")) render_cycle(o, v, ZHI, 12);
    else if (!strcmp(f, "decimalEnclosedCircle") || !strcmp(f, "decimalEnclosedCircleChinese"))
        render_enclosed(o, v, 0x2460);
    else if (!strcmp(f, "decimalEnclosedParen")) render_enclosed(o, v, 0x2474);
    else if (!strcmp(f, "decimalEnclosedFullstop")) render_enclosed(o, v, 0x2488);
    else if (!strcmp(f, "decimalFullWidth") || !strcmp(f, "decimalFullWidth2"))
        render_digits(o, v, 0xFF10, NULL);
    else if (!strcmp(f, "ideographDigital")) render_digits(o, v, 0x3007, IDEO);
    else if (!strcmp(f, "taiwaneseDigital")) render_digits(o, v, 0x25CB, ZH_DIGITS);
    else put_decimal(o, v);
}

size_t fl_numfmt_render(char *buf, size_t cap, const char *numfmt, int value)
{
    out o = {buf, cap, 0};
    if (cap) buf[0] = '\0';
    render(&o, numfmt, value);
    return o.len;
}

/* w14 custom formats ("001, 002, 003, ...") are zero-padded decimal: the
 * padding is the length of the first sample. Anything else renders decimal. */
static void render_custom(out *o, const char *format, long v)
{
    size_t w = 0;
    while (format[w] >= '0' && format[w] <= '9') w++;
    char b[32];
    int width = (w > 0 && w < 16 && (format[w] == ',' || format[w] == '\0')) ? (int)w : 0;
    snprintf(b, sizeof b, "%0*ld", width ? width : 1, v);
    puts_(o, b);
}

static void render_level(out *o, const lvl *L, long v, bool legal)
{
    if (!strcmp(L->fmt, "none") || !strcmp(L->fmt, "bullet")) return; /* Word shows nothing */
    if (legal) put_decimal(o, v);
    else if (L->custom) render_custom(o, L->custom, v);
    else render(o, L->fmt, v);
}

/* lvlText with %1..%9 replaced by each level's counter in that level's format.
 * A level not yet used shows start-1, as Word does for a skipped level ("1.0.1"). */
static void render_label(out *o, const num *m, const absnum *a, int il)
{
    const lvl *cur = eff_lvl(m, a, il);
    for (const char *p = cur->text; *p; p++) {
        if (p[0] == '%' && p[1] >= '1' && p[1] <= '9') {
            int k = p[1] - '1';
            const lvl *L = eff_lvl(m, a, k);
            long v = a->on[k] ? a->count[k] : (long)start_of(m, a, k) - 1;
            if (L->set) render_level(o, L, v, cur->lgl);
            p++;
        } else {
            put(o, p, 1);
        }
    }
}

int fl_numbering_next(fl_numbering *n, int num_id, int ilvl, char *label, size_t label_cap,
                      char *suffix, size_t suffix_cap)
{
    out lo = {label, label_cap, 0}, so = {suffix, suffix_cap, 0};
    if (label_cap) label[0] = '\0';
    if (suffix_cap) suffix[0] = '\0';
    if (!n || num_id <= 0) return 0;
    num *m = find_num(n, num_id);
    absnum *a = m ? resolve_abs(n, m->abs_id) : NULL;
    if (!a) return 0;
    int il = ilvl < 0 ? 0 : ilvl >= LEVELS ? LEVELS - 1 : ilvl;
    const lvl *L = eff_lvl(m, a, il);
    if (!L->set) return 0;
    advance(m, a, il);
    if (!L->text || !strcmp(L->fmt, "none")) return 0;
    if (!strcmp(L->fmt, "bullet")) puts_(&lo, L->text);
    else render_label(&lo, m, a, il);
    if (lo.len == 0) return 0;
    puts_(&so, L->suff == SUFF_TAB ? "\t" : L->suff == SUFF_SPACE ? " " : "");
    return 1;
}
