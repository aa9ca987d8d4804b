/* Typed heading numbers (core/heading.h): one line at a time, whether it
 * reads as a numbered title. Numbers are read on normalised code points, so
 * full-width digits and brackets (１．１, （一）) count like ASCII ones;
 * quantities (1.5万元, 3 台, 2024年) and sentences do not. */
#include "core/heading.h"
#include "core/norm.h"
#include "core/utf8.h"
#include <stdint.h>
#include <string.h>

typedef struct cur {
    const char *s;
    size_t len, i;
} cur;

/* Next code point, normalised (full-width ASCII folded, spaces -> ' '),
 * without consuming it; 0 at the end. */
static uint32_t peek(const cur *c, size_t *n)
{
    size_t i = c->i;
    while (i < c->len) {
        uint32_t cp;
        size_t k = fl_utf8_decode(c->s + i, c->len - i, &cp);
        uint32_t r = fl_norm_cp(cp);
        if (r) {
            *n = i + k - c->i;
            return r;
        }
        i += k; /* zero-width characters vanish */
    }
    *n = c->len - c->i;
    return 0;
}

static uint32_t next(cur *c)
{
    size_t n;
    uint32_t cp = peek(c, &n);
    c->i += n;
    return cp;
}

static bool eat(cur *c, uint32_t want)
{
    size_t n;
    if (peek(c, &n) != want) return false;
    c->i += n;
    return true;
}

static void skip_spaces(cur *c)
{
    size_t n;
    while (peek(c, &n) == ' ' || peek(c, &n) == '\t') c->i += n;
}

static bool is_cjk(uint32_t cp)
{
    return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
           (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x2FFFF);
}

static int cn_digit(uint32_t cp)
{
    static const uint32_t d[] = {0x3007, 0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94,
                                 0x516D, 0x4E03, 0x516B, 0x4E5D}; /* 〇一二三四五六七八九 */
    for (int k = 0; k < 10; k++)
        if (cp == d[k]) return k;
    if (cp == 0x96F6) return 0; /* 零 */
    return -1;
}

/* 一 .. 九十九 (and 一百..): the value, 0 if no Chinese numeral starts here. */
static int cn_number(cur *c)
{
    int total = 0, digit = -1, count = 0;
    size_t n;
    for (;;) {
        uint32_t cp = peek(c, &n);
        int d = cn_digit(cp);
        if (d >= 0) {
            digit = digit > 0 ? digit * 10 + d : d;
        } else if (cp == 0x5341) { /* 十 */
            total += (digit > 0 ? digit : 1) * 10;
            digit = -1;
        } else if (cp == 0x767E && digit > 0) { /* 百 */
            total += digit * 100;
            digit = -1;
        } else {
            break;
        }
        c->i += n;
        if (++count > 5) return 0;
    }
    if (digit > 0) total += digit;
    return count ? total : 0;
}

/* 1..2 ASCII digits (full-width already folded); 0 if none. */
static int dec_number(cur *c)
{
    int v = 0, count = 0;
    size_t n;
    uint32_t cp;
    while ((cp = peek(c, &n)) >= '0' && cp <= '9') {
        v = v * 10 + (int)(cp - '0');
        c->i += n;
        if (++count > 2) return 0;
    }
    return count ? v : 0;
}

/* Is cp one of the characters of set (UTF-8)? */
static bool in_chars(const char *set, uint32_t cp)
{
    size_t n = strlen(set);
    for (size_t i = 0; i < n;) {
        uint32_t c;
        i += fl_utf8_decode(set + i, n - i, &c);
        if (c == cp) return true;
    }
    return false;
}

/* Characters that make "1.5万元", "3 台", "2.5米" quantities rather than
 * numbered titles. Strong ones never start a title; weak ones also start
 * common title words (台账, 项目, 公开, 分析, 座谈会, 人群, 天然气), so a
 * number followed by one is left to the document to decide. */
enum unitness { UNIT_NONE, UNIT_WEAK, UNIT_STRONG };

static enum unitness unit_of(uint32_t cp, uint32_t next)
{
    if (cp < 0x80)
        return (cp == '%' || cp == '/' || cp == '~' || cp == '-' || cp == '*' || cp == 'x') ? UNIT_STRONG : UNIT_NONE;
    if (cp == 0x33A1 || cp == 0x2103 || cp == 0x00B7 || cp == 0x00D7) return UNIT_STRONG; /* ㎡ ℃ · × */
    if (in_chars("万亿元米吨亩倍", cp)) return UNIT_STRONG;
    if (cp == 0x516C) return in_chars("顷里斤", next) ? UNIT_STRONG : UNIT_WEAK;    /* 公顷 公里 公斤 */
    if (cp == 0x5343) return in_chars("米克瓦伏帕", next) ? UNIT_STRONG : UNIT_WEAK; /* 千米 千克 千瓦 */
    if (cp == 0x4E2A && next == 0x6708) return UNIT_STRONG;                          /* 个月 */
    return in_chars("百个台套座条项家人天日月年时分秒度级号层栋户间名只辆根", cp) ? UNIT_WEAK : UNIT_NONE;
}

static bool starts_with(const cur *c, const char *lit)
{
    size_t n = strlen(lit);
    return c->len - c->i >= n && memcmp(c->s + c->i, lit, n) == 0;
}

/* Exact titles that open a report, typed as bare lines. */
static const char *const known_top[] = {"前言", "概述", "编制说明"};
/* Sub-item titles of the 2021 报告表 (污染影响类 and 生态影响类). */
static const char *const known_sub[] = {
    "工艺流程和产排污环节", "与项目有关的原有环境污染问题",
    "区域环境质量现状", "环境保护目标", "污染物排放控制标准", "总量控制指标",
    "施工期环境保护措施", "运营期环境影响和保护措施",
    "地理位置", "项目组成及规模", "总平面及现场布置", "施工方案",
    "生态环境现状", "与项目有关的原有环境污染和生态破坏问题", "生态环境保护目标", "评价标准",
    "施工期生态环境影响分析", "运营期生态环境影响分析", "选址选线环境合理性分析",
    "施工期生态环境保护措施", "运营期生态环境保护措施", "环保投资",
};

/* Part titles of the 报告表 forms. The 1999 form's parts are the titles of
 * its table pages; copied out as text they are bare lines, sometimes with
 * the 自然环境/社会环境 title written three ways. The 2021 forms number
 * their parts 一、…六、(七、) but are often typed without the numbers too.
 * numbered_top: numbered 一、… such a title is a part of the form whatever
 * came before (e.g. the 一、建设单位情况 lines of a typed
 * 编制单位和编制人员情况表). generic: also an ordinary title elsewhere. */
#define F99 FL_FORM_1999
#define F21 FL_FORM_2021
#define F21E FL_FORM_2021_ECO
static const struct form_title {
    const char *title;
    unsigned sets;
    bool generic, numbered_top;
} form_titles[] = {
    {"建设项目基本情况", F99 | F21 | F21E, false, true},
    {"建设项目所在地自然环境社会环境简况", F99, false, true},
    {"建设项目所在地自然环境、社会环境简况", F99, false, true},
    {"建设项目所在地自然环境简况", F99, false, true},
    {"环境质量状况", F99, true, false},
    {"评价适用标准", F99, false, true},
    {"建设项目工程分析", F99 | F21, false, true},
    {"项目主要污染物产生及预计排放情况", F99, false, true},
    {"环境影响分析", F99, true, false},
    {"建设项目拟采取的防治措施及预期治理效果", F99, false, true},
    {"结论与建议", F99, true, false},
    {"区域环境质量现状、环境保护目标及评价标准", F21, false, true},
    {"主要环境影响和保护措施", F21, false, true},
    {"环境保护措施监督检查清单", F21, false, true},
    {"结论", F21 | F21E, true, true},
    {"建设内容", F21E, true, true},
    {"生态环境现状、保护目标及评价标准", F21E, false, true},
    {"生态环境影响分析", F21E, false, true},
    {"主要生态环境保护措施", F21E, false, true},
    {"生态环境保护措施监督检查清单", F21E, false, true},
};
#undef F99
#undef F21
#undef F21E
_Static_assert(sizeof form_titles / sizeof *form_titles <= FL_TYPED_NFORM, "form titles fit a mask");

static int form_index(const char *key)
{
    for (size_t k = 0; k < sizeof form_titles / sizeof *form_titles; k++)
        if (!strcmp(key, form_titles[k].title)) return (int)k;
    return -1;
}

static bool in_list(const char *key, const char *const *list, size_t n)
{
    for (size_t k = 0; k < n; k++)
        if (!strcmp(key, list[k])) return true;
    return false;
}

typedef struct numinfo {
    int value;      /* the number (last component of 1.2.3) */
    int first;      /* first component of a decimal number */
    bool ones;      /* every component after the first is 1 (2.1, 2.1.1) */
    bool doubtful;  /* the title starts with a weak unit */
    bool list_sep;  /* 1、 */
    bool appx_item; /* 附件1 … */
    int appx_word, appx_number;
    int nparts, parts[FL_TYPED_MAX_PARTS];
    size_t title;   /* byte offset where the title after the number starts */
    const char *why; /* why a number is not a title, when that is worth saying */
} numinfo;

/* 附表 / 附图 / 附件 / 附录 at the start of a line: an item (附件1 委托书,
 * 附图 2, 附件一), a bare title (附件, 附图：) or a titled one (附表 排放量汇总表). */
static enum fl_typed_kind appendix_kind(cur *c, size_t start, size_t len, numinfo *ni)
{
    size_t n;
    c->i += strlen("附");
    ni->appx_word = (int)peek(c, &n); /* 表 图 件 录 */
    c->i += n;
    ni->title = start;
    cur d = *c;
    skip_spaces(&d);
    uint32_t after = peek(&d, &n);
    if ((after >= '0' && after <= '9') || (after >= 'A' && after <= 'Z') || cn_digit(after) > 0) {
        ni->appx_item = true;
        if (after >= 'A' && after <= 'Z') ni->appx_number = (int)(after - 'A' + 1);
        else if (!(ni->appx_number = dec_number(&d))) ni->appx_number = cn_number(&d);
        return FL_TK_APPX; /* 附件1 委托书: an item, under a bare 附件 if there is one */
    }
    ni->value = after == 0 || (after == ':' && d.i + n >= len); /* bare 附件 / 附件： */
    uint32_t next = peek(c, &n);
    if (ni->value || next == ' ' || next == ':' || is_cjk(next)) return FL_TK_TOP;
    return FL_TK_NONE;
}

/* The numbering kind at the start of a (trimmed) line. */
static enum fl_typed_kind number_kind(const char *s, size_t len, numinfo *ni)
{
    cur c = {s, len, 0};
    ni->value = 0;
    size_t n;
    /* **一、标题** in Markdown */
    while (peek(&c, &n) == '*' || peek(&c, &n) == '_') c.i += n;
    size_t start = c.i;
    uint32_t cp = peek(&c, &n);
    if (cp == 0x7B2C) { /* 第 */
        c.i += n;
        int v = cn_number(&c);
        if (!v) v = dec_number(&c);
        if (!v) return FL_TK_NONE;
        ni->value = v;
        enum fl_typed_kind k = FL_TK_NONE;
        if (eat(&c, 0x7AE0) || eat(&c, 0x7BC7)) k = FL_TK_CHAP; /* 章 篇 */
        else if (starts_with(&c, "部分")) { c.i += strlen("部分"); k = FL_TK_CHAP; }
        else if (eat(&c, 0x8282)) k = FL_TK_JIE; /* 节 */
        else return FL_TK_NONE;
        skip_spaces(&c);
        if (!eat(&c, 0x3001)) eat(&c, ':');
        skip_spaces(&c);
        ni->title = c.i;
        return k;
    }
    if (starts_with(&c, "附表") || starts_with(&c, "附图") || starts_with(&c, "附件") || starts_with(&c, "附录"))
        return appendix_kind(&c, start, len, ni);
    if (cp == '(') {
        c.i += n;
        int v = cn_number(&c);
        enum fl_typed_kind k = FL_TK_CNPAREN;
        if (!v) { v = dec_number(&c); k = FL_TK_PAREN; }
        if (!v || !eat(&c, ')')) return FL_TK_NONE;
        ni->value = v;
        skip_spaces(&c);
        if (!eat(&c, 0x3001)) eat(&c, '.');
        skip_spaces(&c);
        ni->title = c.i;
        return k;
    }
    int v = cn_number(&c);
    if (v) {
        if (!eat(&c, 0x3001) && !eat(&c, '.')) return FL_TK_NONE; /* 一、 一． */
        skip_spaces(&c);
        ni->value = v;
        ni->title = c.i;
        return FL_TK_CN;
    }
    int parts = 0, first = 0;
    bool dot_end = false, ones = true;
    for (;;) {
        cur save = c;
        int d = dec_number(&c);
        if (!d) { c = save; break; }
        if (parts == 0) first = d;
        else if (d != 1) ones = false;
        if (parts < FL_TYPED_MAX_PARTS) ni->parts[parts] = d;
        v = d;
        parts++;
        dot_end = eat(&c, '.');
        uint32_t nx = peek(&c, &n);
        if (!dot_end || nx < '0' || nx > '9') break; /* "1." or "1.1." then the title */
    }
    if (parts == 0 || first == 0 || parts > FL_TYPED_MAX_PARTS) return FL_TK_NONE;
    ni->value = v;
    ni->first = first;
    ni->ones = ones;
    ni->nparts = parts;
    ni->list_sep = !dot_end && parts == 1 && peek(&c, &n) == 0x3001;
    bool sep = dot_end || eat(&c, 0x3001); /* 1. 1.1. 1、 */
    if (!sep && parts == 1 && eat(&c, ')')) { /* 1） 1) */
        skip_spaces(&c);
        ni->title = c.i;
        return c.i < len ? FL_TK_PAREN : FL_TK_NONE;
    }
    size_t spaces_at = c.i;
    skip_spaces(&c);
    bool spaced = c.i > spaces_at;
    uint32_t t = peek(&c, &n);
    cur after = c;
    after.i += n;
    enum unitness unit = is_cjk(t) || t < 0x80 ? unit_of(t, peek(&after, &n)) : UNIT_NONE;
    if (sep) {
        if (!(is_cjk(t) || t == 0x300A || t == 0x201C || (t >= 'A' && t <= 'Z'))) return FL_TK_NONE;
        if (!spaced && unit && parts > 1) {
            if (unit == UNIT_STRONG) { ni->why = "a quantity (a number and its unit)"; return FL_TK_NONE; }
            ni->doubtful = true;
        }
    } else if (spaced && (t == 0x300A || (parts > 1 && t >= 'A' && t <= 'Z'))) {
        /* 1 《…》, 1.1 SO2 */
    } else if (!is_cjk(t)) {
        return FL_TK_NONE; /* "1.5t/a" */
    } else if (unit == UNIT_STRONG) {
        ni->why = "a quantity (a number and its unit)";
        return FL_TK_NONE;
    } else if (unit == UNIT_WEAK || (!spaced && parts == 1)) {
        /* "1.1 项目由来", "3 台设备"; "2首次…" of a PDF copy, but also "3号楼" */
        ni->doubtful = true;
    }
    ni->title = c.i;
    return parts == 1 ? FL_TK_DEC1 : (enum fl_typed_kind)(FL_TK_DEC1 + parts - 1);
}

/* 。；！？， and their ASCII forms: a sentence, not a title. */
static bool sentence_punct(uint32_t cp)
{
    return cp == 0x3002 || cp == ';' || cp == '!' || cp == '?' || cp == 0xFF0C || cp == ',';
}

/* A short line without sentence punctuation: what a typed title looks like.
 * Returns NULL when it is one, else why not (shown by dump). */
static const char *not_title(const char *s, size_t len, size_t title_off, bool colon_ok)
{
    cur t = {s, len, title_off};
    size_t n;
    while (peek(&t, &n) == ' ' || peek(&t, &n) == '*') t.i += n;
    if (peek(&t, &n) == 0x300A) return "a citation list item"; /* 1、《中华人民共和国环境保护法》 */
    cur c = {s, len, 0};
    size_t count = 0;
    uint32_t cp;
    bool colon_seen = false;
    int quote = 0; /* inside 《…》 a colon is part of a title */
    while ((cp = next(&c)) != 0) {
        if (++count > FL_TYPED_MAX_CP) return "longer than 40 characters";
        if (sentence_punct(cp)) return "sentence punctuation";
        if (cp == 0x300A) quote++;
        else if (cp == 0x300B && quote) quote--;
        if (colon_seen && !colon_ok && cp != ' ' && cp != '*') return "a label with a value"; /* 项目名称：XX */
        if (cp == ':' && !quote) colon_seen = true;
    }
    return NULL;
}

bool fl_typed_prose(const char *s, size_t len, size_t max_cp)
{
    cur c = {s, len, 0};
    size_t count = 0;
    uint32_t cp;
    while ((cp = next(&c)) != 0) {
        if (++count > max_cp) return true;
        if (sentence_punct(cp)) return true;
    }
    return false;
}

/* s without white space, '*' and a trailing colon, into buf; false when it
 * does not fit. */
static bool compact(const char *s, size_t len, char *buf, size_t cap)
{
    size_t o = 0;
    cur c = {s, len, 0};
    uint32_t cp;
    while ((cp = next(&c)) != 0) {
        if (cp == ' ' || cp == '\t' || cp == '*') continue;
        if (cp == ':' && c.i >= len) break;
        char enc[4];
        size_t m = fl_utf8_encode(cp, enc);
        if (o + m >= cap) return false;
        memcpy(buf + o, enc, m);
        o += m;
    }
    buf[o] = '\0';
    return true;
}

void fl_typed_trim(const char *s, size_t len, size_t *start, size_t *end)
{
    cur c = {s, len, 0};
    skip_spaces(&c);
    *start = c.i;
    size_t e = len;
    while (e > *start) {
        size_t p = e - 1;
        while (p > *start && ((unsigned char)s[p] & 0xC0) == 0x80) p--;
        uint32_t cp;
        fl_utf8_decode(s + p, len - p, &cp);
        uint32_t r = fl_norm_cp(cp);
        if (r != ' ' && r != 0) break;
        e = p;
    }
    *end = e;
}

void fl_typed_classify(fl_typed *out, const char *text, size_t len)
{
    size_t st, en;
    memset(out, 0, sizeof *out);
    out->form_index = -1;
    fl_typed_trim(text, len, &st, &en);
    if (st >= en) return;
    const char *s = text + st;
    len = en - st;
    numinfo ni;
    memset(&ni, 0, sizeof ni);
    enum fl_typed_kind k = number_kind(s, len, &ni);
    out->appx_item = ni.appx_item;
    out->appx_word = ni.appx_word;
    out->appx_number = ni.appx_number;
    out->appx_bare = k == FL_TK_TOP && ni.value == 1;
    char buf[3 * 24 + 1];
    if (k == FL_TK_NONE) {
        out->why = ni.why;
        if (ni.why || !compact(s, len, buf, sizeof buf)) return;
        int f = form_index(buf);
        if (in_list(buf, known_top, sizeof known_top / sizeof *known_top)) {
            out->kind = FL_TK_TOP;
        } else if (f >= 0) {
            out->kind = FL_TK_FORM;
            out->forms = form_titles[f].sets;
            out->form_index = f;
            out->form_generic = form_titles[f].generic;
            out->alt = !strcmp(buf, "建设内容") ? FL_TK_KNOWN : FL_TK_NONE;
        } else if (in_list(buf, known_sub, sizeof known_sub / sizeof *known_sub)) {
            out->kind = FL_TK_KNOWN;
        }
        return;
    }
    if (k != FL_TK_CHAP && k != FL_TK_JIE && ni.title >= len) {
        out->why = "a number without a title";
        return;
    }
    out->why = not_title(s, len, ni.title, k == FL_TK_TOP || k == FL_TK_APPX);
    if (out->why) return;
    out->kind = k;
    if (k != FL_TK_TOP && k != FL_TK_APPX) out->number_len = st + ni.title;
    out->value = ni.value;
    out->first = ni.first;
    out->ones = ni.ones;
    out->doubtful = ni.doubtful;
    out->list_sep = ni.list_sep;
    out->nparts = ni.nparts;
    memcpy(out->parts, ni.parts, sizeof out->parts);
    if (k == FL_TK_CN && compact(s + ni.title, len - ni.title, buf, sizeof buf)) {
        int f = form_index(buf);
        out->top = f >= 0 && form_titles[f].numbered_top;
    }
}

/* ---- the part titles of a form, for the form's own reading ---------------- */

int fl_form_title_find(const char *s, size_t len, bool prefix)
{
    size_t st, en;
    fl_typed_trim(s, len, &st, &en);
    if (st >= en) return -1;
    numinfo ni;
    memset(&ni, 0, sizeof ni);
    size_t from = st;
    enum fl_typed_kind k = number_kind(s + st, en - st, &ni);
    if (k == FL_TK_CN || k == FL_TK_DEC1 || k == FL_TK_CHAP) from = st + ni.title;
    /* the first code points after the number, compacted as titles are */
    char buf[3 * 24 + 1];
    size_t o = 0;
    cur c = {s + from, en - from, 0};
    uint32_t cp;
    while ((cp = next(&c)) != 0) {
        if (cp == ' ' || cp == '\t' || cp == '*') continue;
        char enc[4];
        size_t m = fl_utf8_encode(cp, enc);
        if (o + m >= sizeof buf) {
            if (!prefix) return -1;
            break;
        }
        memcpy(buf + o, enc, m);
        o += m;
    }
    while (!prefix && o && buf[o - 1] == ':') o--; /* a title followed by its colon */
    buf[o] = '\0';
    int best = -1;
    size_t best_len = 0;
    for (size_t t = 0; t < sizeof form_titles / sizeof *form_titles; t++) {
        size_t n = strlen(form_titles[t].title);
        if (prefix ? n <= o && !memcmp(buf, form_titles[t].title, n) && n > best_len : n == o && !memcmp(buf, form_titles[t].title, n)) {
            best = (int)t;
            best_len = n;
        }
    }
    return best;
}

const char *fl_form_title_at(int k, unsigned *sets, bool *generic)
{
    if (k < 0 || (size_t)k >= sizeof form_titles / sizeof *form_titles) return NULL;
    if (sets) *sets = form_titles[k].sets;
    if (generic) *generic = form_titles[k].generic;
    return form_titles[k].title;
}
