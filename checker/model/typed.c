/* Typed heading numbers (model/typed.h): one line at a time, whether it
 * reads as a numbered title. Numbers are read on normalised code points, so
 * full-width digits and brackets (１．１, （一）) count like ASCII ones;
 * quantities (1.5万元, 3 台, 2024年) and sentences do not. */
#include "model/typed.h"
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

/* Characters that make "1.5万元", "3 台", "2.5米" quantities rather than
 * numbered titles. */
static bool is_unit(uint32_t cp)
{
    static const char units[] = "万亿千百元米吨个台套座条项家人公顷亩天日月年时分秒度倍级号层栋户间名只辆根";
    if (cp < 0x80) return cp == '%' || cp == '/' || cp == '~' || cp == '-' || cp == '*' || cp == 'x';
    char enc[4];
    size_t k = fl_utf8_encode(cp, enc);
    for (size_t i = 0; i + k <= sizeof units - 1; i++)
        if (memcmp(units + i, enc, k) == 0) return true;
    return cp == 0x33A1 || cp == 0x2103 || cp == 0x00B7 || cp == 0x00D7; /* ㎡ ℃ · × */
}

/* What may follow a number directly ("1.1编制依据") or after spaces. */
static bool title_start(uint32_t cp) { return is_cjk(cp) && !is_unit(cp); }

static bool starts_with(const cur *c, const char *lit)
{
    size_t n = strlen(lit);
    return c->len - c->i >= n && memcmp(c->s + c->i, lit, n) == 0;
}

/* Exact titles that head a part of a 2020-format 报告表 (domain-facts §1.2)
 * or open a report, typed as bare lines. */
static const char *const known_top[] = {"前言", "概述", "编制说明"};
static const char *const known_sub[] = {
    "建设内容", "工艺流程和产排污环节", "与项目有关的原有环境污染问题",
    "区域环境质量现状", "环境保护目标", "污染物排放控制标准", "总量控制指标",
    "施工期环境保护措施", "运营期环境影响和保护措施",
    "地理位置", "项目组成及规模", "总平面及现场布置", "施工方案",
    "生态环境现状", "与项目有关的原有环境污染和生态破坏问题", "生态环境保护目标", "评价标准",
    "施工期生态环境影响分析", "运营期生态环境影响分析", "选址选线环境合理性分析",
    "施工期生态环境保护措施", "运营期生态环境保护措施", "环保投资",
};

/* Part titles of the 2020 报告表 (污染影响类 and 生态影响类): numbered
 * 一、… they are top-level whatever came before (e.g. the 一、建设单位情况
 * lines of a typed 编制单位和编制人员情况表). */
static const char *const known_form_parts[] = {
    "建设项目基本情况", "建设项目工程分析", "区域环境质量现状、环境保护目标及评价标准",
    "主要环境影响和保护措施", "环境保护措施监督检查清单", "结论", "建设内容",
    "生态环境现状、保护目标及评价标准", "生态环境影响分析", "主要生态环境保护措施",
    "生态环境保护措施监督检查清单",
};

static bool in_list(const char *key, const char *const *list, size_t n)
{
    for (size_t k = 0; k < n; k++)
        if (!strcmp(key, list[k])) return true;
    return false;
}

typedef struct numinfo {
    int value;    /* the number (last component of 1.2.3) */
    int first;    /* first component of a decimal number */
    bool ones;    /* every component after the first is 1 (2.1, 2.1.1) */
    size_t title; /* byte offset where the title after the number starts */
} numinfo;

/* The numbering kind at the start of a (trimmed) line. */
static enum fl_typed_kind number_kind(const char *s, size_t len, numinfo *ni)
{
    cur c = {s, len, 0};
    int *value = &ni->value;
    size_t *title = &ni->title;
    *value = 0;
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
        *value = v;
        enum fl_typed_kind k = FL_TK_NONE;
        if (eat(&c, 0x7AE0) || eat(&c, 0x7BC7)) k = FL_TK_CHAP; /* 章 篇 */
        else if (starts_with(&c, "部分")) { c.i += strlen("部分"); k = FL_TK_CHAP; }
        else if (eat(&c, 0x8282)) k = FL_TK_JIE; /* 节 */
        else return FL_TK_NONE;
        skip_spaces(&c);
        if (!eat(&c, 0x3001)) eat(&c, ':');
        skip_spaces(&c);
        *title = c.i;
        return k;
    }
    if (starts_with(&c, "附表") || starts_with(&c, "附图") || starts_with(&c, "附件") || starts_with(&c, "附录")) {
        c.i += strlen("附表");
        cur d = c;
        uint32_t after = peek(&d, &n);
        *title = start;
        if ((after >= '0' && after <= '9') || (after >= 'A' && after <= 'Z') || cn_digit(after) > 0)
            return FL_TK_APPX; /* 附件1 委托书: an item, under a bare 附件 if there is one */
        *value = after == 0 || (after == ':' && d.i + n >= len); /* bare 附件 / 附件： */
        if (*value || after == ' ' || after == ':' || is_cjk(after)) return FL_TK_TOP;
        return FL_TK_NONE;
    }
    if (cp == '(') {
        c.i += n;
        int v = cn_number(&c);
        enum fl_typed_kind k = FL_TK_CNPAREN;
        if (!v) { v = dec_number(&c); k = FL_TK_PAREN; }
        if (!v || !eat(&c, ')')) return FL_TK_NONE;
        *value = v;
        skip_spaces(&c);
        if (!eat(&c, 0x3001)) eat(&c, '.');
        skip_spaces(&c);
        *title = c.i;
        return k;
    }
    int v = cn_number(&c);
    if (v) {
        if (!eat(&c, 0x3001) && !eat(&c, '.')) return FL_TK_NONE; /* 一、 一． */
        skip_spaces(&c);
        *value = v;
        *title = c.i;
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
        v = d;
        parts++;
        dot_end = eat(&c, '.');
        uint32_t nx = peek(&c, &n);
        if (!dot_end || nx < '0' || nx > '9') break; /* "1." or "1.1." then the title */
    }
    if (parts == 0 || first == 0 || parts > 4) return FL_TK_NONE;
    *value = v;
    ni->first = first;
    ni->ones = ones;
    bool sep = dot_end || eat(&c, 0x3001); /* 1. 1.1. 1、 */
    if (!sep && parts == 1 && eat(&c, ')')) { /* 1） 1) */
        skip_spaces(&c);
        *title = c.i;
        return c.i < len ? FL_TK_PAREN : FL_TK_NONE;
    }
    size_t spaces_at = c.i;
    skip_spaces(&c);
    bool spaced = c.i > spaces_at;
    uint32_t t = peek(&c, &n);
    if (sep) {
        if (!(is_cjk(t) || t == 0x300A || t == 0x201C || (t >= 'A' && t <= 'Z'))) return FL_TK_NONE;
        if (!spaced && is_unit(t) && parts > 1) return FL_TK_NONE;
    } else if (spaced) {
        if (!(title_start(t) || t == 0x300A || (parts > 1 && t >= 'A' && t <= 'Z'))) return FL_TK_NONE;
    } else {
        if (parts == 1 || !title_start(t)) return FL_TK_NONE; /* "1.1编制依据", never "3号楼" */
    }
    *title = c.i;
    return parts == 1 ? FL_TK_DEC1 : (enum fl_typed_kind)(FL_TK_DEC1 + parts - 1);
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
        if (cp == 0x3002 || cp == ';' || cp == '!' || cp == '?' || cp == 0xFF0C || cp == ',')
            return "sentence punctuation";
        if (cp == 0x300A) quote++;
        else if (cp == 0x300B && quote) quote--;
        if (colon_seen && !colon_ok && cp != ' ' && cp != '*') return "a label with a value"; /* 项目名称：XX */
        if (cp == ':' && !quote) colon_seen = true;
    }
    return NULL;
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
    *out = (fl_typed){FL_TK_NONE, 0, 0, false, false, NULL};
    fl_typed_trim(text, len, &st, &en);
    if (st >= en) return;
    const char *s = text + st;
    len = en - st;
    numinfo ni = {0, 0, false, 0};
    enum fl_typed_kind k = number_kind(s, len, &ni);
    char buf[3 * 24 + 1];
    if (k == FL_TK_NONE) {
        if (!compact(s, len, buf, sizeof buf)) return;
        if (in_list(buf, known_top, sizeof known_top / sizeof *known_top)) out->kind = FL_TK_TOP;
        else if (in_list(buf, known_sub, sizeof known_sub / sizeof *known_sub)) out->kind = FL_TK_KNOWN;
        return;
    }
    if (k != FL_TK_CHAP && k != FL_TK_JIE && ni.title >= len) {
        out->why = "a number without a title";
        return;
    }
    out->why = not_title(s, len, ni.title, k == FL_TK_TOP || k == FL_TK_APPX);
    if (out->why) return;
    out->kind = k;
    out->value = ni.value;
    out->first = ni.first;
    out->ones = ni.ones;
    out->top = k == FL_TK_CN && compact(s + ni.title, len - ni.title, buf, sizeof buf) &&
               in_list(buf, known_form_parts, sizeof known_form_parts / sizeof *known_form_parts);
}

