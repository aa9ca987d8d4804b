/* Assessment grades, risk potentials and function-zone classes as filings
 * write them (grades.h). */
#include "rules/grades.h"
#include "rules/clause.h"
#include "rules/grid.h"
#include "core/norm.h"
#include "core/memfind.h"
#include <string.h>

/* A sentence longer than this is no one statement (a paragraph copied out
 * of a PDF without stops); skipping it keeps the nearest-word search linear. */
#define MAX_SENTENCE 1200

typedef struct medword { const char *w; size_t n; fl_medium m; int role; } medword;

#define W(w, m, r) {w, sizeof(w) - 1, m, r}

/* Longer words first where one holds another at the same place. */
static const medword words[] = {
    W("大气污染物", FL_MED_OTHER, FL_MED_TOPIC),
    W("环境空气质量标准", FL_MED_AIR, FL_MED_STD),
    W("环境空气", FL_MED_AIR, FL_MED_TOPIC),
    W("大气", FL_MED_AIR, FL_MED_TOPIC),
    W("声环境质量标准", FL_MED_NOISE, FL_MED_STD),
    W("厂界环境噪声排放标准", FL_MED_NOISE, FL_MED_STD),
    W("环境噪声排放标准", FL_MED_NOISE, FL_MED_STD),
    W("建筑施工场界", FL_MED_NOISE, FL_MED_BUILD),
    W("施工场界", FL_MED_NOISE, FL_MED_BUILD),
    W("声环境", FL_MED_NOISE, FL_MED_TOPIC),
    W("声功能区", FL_MED_NOISE, FL_MED_TOPIC),
    W("噪声", FL_MED_NOISE, FL_MED_TOPIC),
    W("地表水环境质量标准", FL_MED_SURFACE, FL_MED_STD),
    W("地表水", FL_MED_SURFACE, FL_MED_TOPIC),
    W("地下水", FL_MED_GROUND, FL_MED_TOPIC),
    W("水环境", FL_MED_SURFACE, FL_MED_TOPIC),
    W("水体", FL_MED_SURFACE, FL_MED_TOPIC),
    W("水域", FL_MED_SURFACE, FL_MED_TOPIC),
    W("污水", FL_MED_OTHER, FL_MED_TOPIC),
    W("废水", FL_MED_OTHER, FL_MED_TOPIC),
    W("海水", FL_MED_OTHER, FL_MED_TOPIC),
    W("海域", FL_MED_OTHER, FL_MED_TOPIC),
    W("排放标准", FL_MED_OTHER, FL_MED_TOPIC),
    W("土壤", FL_MED_SOIL, FL_MED_TOPIC),
    W("生态", FL_MED_ECO, FL_MED_TOPIC),
    W("风险", FL_MED_RISK, FL_MED_TOPIC),
};

static bool starts(const char *t, size_t len, size_t i, const char *w)
{
    size_t n = strlen(w);
    return i + n <= len && !memcmp(t + i, w, n);
}

static bool latin(unsigned char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
static bool digit(unsigned char c) { return c >= '0' && c <= '9'; }

/* GB 3096, GB/T 14848, GB3838-2002: the code's number decides the medium. */
static size_t gb_code(const char *t, size_t len, size_t i, fl_medium *m, int *role)
{
    if (!starts(t, len, i, "GB") || (i > 0 && latin((unsigned char)t[i - 1]))) return 0;
    size_t k = i + 2;
    if (k < len && t[k] == ' ') k++;
    if (starts(t, len, k, "/T")) k += 2;
    if (k < len && t[k] == ' ') k++;
    unsigned long num = 0;
    size_t d = k;
    while (d < len && digit((unsigned char)t[d]) && d - k < 6) num = num * 10 + (unsigned long)(t[d++] - '0');
    if (d == k) return 0;
    *role = FL_MED_STD;
    switch (num) {
    case 3096: case 12348: case 22337: *m = FL_MED_NOISE; break;
    case 12523: *m = FL_MED_NOISE; *role = FL_MED_BUILD; break;
    case 3095: *m = FL_MED_AIR; break;
    case 3838: *m = FL_MED_SURFACE; break;
    case 14848: *m = FL_MED_GROUND; break;
    case 36600: case 15618: *m = FL_MED_SOIL; break;
    default: *m = FL_MED_OTHER; *role = FL_MED_TOPIC; break; /* emission and other standards */
    }
    return d - i;
}

size_t fl_medium_at(const char *t, size_t len, size_t i, fl_medium *m, int *role)
{
    if (i >= len) return 0;
    unsigned char c = (unsigned char)t[i];
    if (c == 'G') return gb_code(t, len, i, m, role);
    if (c < 0xE5 || c > 0xE9) return 0; /* every word starts with a Han character of these lead bytes */
    if (i + 3 > len) return 0;
    for (size_t k = 0; k < sizeof words / sizeof *words; k++)
        if (words[k].w[1] == t[i + 1] && words[k].w[2] == t[i + 2] && (unsigned char)words[k].w[0] == c &&
            i + words[k].n <= len && !memcmp(t + i, words[k].w, words[k].n)) {
            *m = words[k].m;
            *role = words[k].role;
            return words[k].n;
        }
    return 0;
}

const char *fl_medium_name(fl_medium m)
{
    static const char *const names[FL_MED_COUNT_] = {"", "大气环境", "声环境", "环境风险", "地表水环境",
                                                      "地下水环境", "土壤环境", "生态", ""};
    return m < FL_MED_COUNT_ ? names[m] : "";
}

size_t fl_text_next(const char *t, size_t len, size_t i)
{
    size_t k = i + 1;
    while (k < len && ((unsigned char)t[k] & 0xC0) == 0x80) k++;
    return k;
}

size_t fl_medium_step(fl_medium_cursor *c, const char *t, size_t len, size_t i)
{
    fl_medium m;
    int r;
    size_t n = fl_medium_at(t, len, i, &m, &r);
    if (n) {
        c->m = m;
        c->role = r;
    }
    return n;
}

fl_medium fl_medium_before(const char *t, size_t from, size_t at, int *role)
{
    fl_medium_cursor c = FL_MEDIUM_CURSOR_INIT;
    for (size_t i = from; i < at;) {
        size_t n = fl_medium_step(&c, t, at, i);
        i = n ? i + n : fl_text_next(t, at, i);
    }
    if (role) *role = c.role;
    return c.m;
}

size_t fl_grade_word(const char *t, size_t len, size_t i, int *grade)
{
    static const char *const g[] = {"一级", "二级", "三级"};
    if (starts(t, len, i, "简单分析")) {
        *grade = 4;
        return strlen("简单分析");
    }
    for (int k = 0; k < 3; k++)
        if (starts(t, len, i, g[k])) {
            size_t n = strlen(g[k]);
            if (k == 2 && i + n < len && strchr("ABab", t[i + n]) && !(i + n + 1 < len && latin((unsigned char)t[i + n + 1])))
                n++;
            *grade = k + 1;
            return n;
        }
    return 0;
}

const char *fl_grade_text(int grade)
{
    switch (grade) {
    case 1: return "一级";
    case 2: return "二级";
    case 3: return "三级";
    case 4: return "简单分析";
    default: return "";
    }
}

size_t fl_roman_at(const char *t, size_t len, size_t i, int *value, bool *plus)
{
    size_t n = 0;
    *value = 0;
    if (i + 3 <= len && (unsigned char)t[i] == 0xE2 && (unsigned char)t[i + 1] == 0x85) {
        unsigned c = (unsigned char)t[i + 2];
        if (c >= 0xA0 && c <= 0xA4) { /* Ⅰ..Ⅴ */
            *value = (int)(c - 0xA0) + 1;
            n = 3;
        }
    } else if (i < len && (t[i] == 'I' || t[i] == 'V') && !(i > 0 && latin((unsigned char)t[i - 1]))) {
        static const char *const r[] = {"III", "IV", "II", "V", "I"};
        static const int v[] = {3, 4, 2, 5, 1};
        for (int k = 0; k < 5; k++)
            if (starts(t, len, i, r[k])) {
                size_t e = i + strlen(r[k]);
                if (e < len && latin((unsigned char)t[e])) return 0;
                *value = v[k];
                n = strlen(r[k]);
                break;
            }
    }
    if (!n) return 0;
    *plus = false;
    if (i + n < len && t[i + n] == '+') {
        *plus = true;
        n++;
    }
    return n;
}

/* A Chinese numeral 〇/零 0, 一..五 1..5 at t[i]. */
static size_t cn_digit(const char *t, size_t len, size_t i, int *v)
{
    static const char *const d[] = {"〇", "一", "二", "三", "四", "五"};
    if (starts(t, len, i, "零")) {
        *v = 0;
        return strlen("零");
    }
    for (int k = 0; k < 6; k++)
        if (starts(t, len, i, d[k])) {
            *v = k;
            return strlen(d[k]);
        }
    return 0;
}

/* Ends t[0..i) with w? */
static bool ends(const char *t, size_t i, const char *w)
{
    size_t n = strlen(w);
    return n <= i && !memcmp(t + i - n, w, n);
}

/* Can a class word start at t[i]: a digit, I or V, a Roman numeral
 * (E2 85 A0..), a Chinese numeral (〇 E3 80 87, 一 三 E4 B8, 二 五 E4 BA,
 * 四 E5 9B 9B, 零 E9 9B B6)? Most characters are not, cheaply. */
static bool class_start(const char *t, size_t len, size_t i)
{
    unsigned char c = (unsigned char)t[i];
    if (digit(c) || c == 'I' || c == 'V') return true;
    if (i + 3 > len) return false;
    unsigned char c1 = (unsigned char)t[i + 1];
    return (c == 0xE2 && c1 == 0x85) || (c == 0xE3 && c1 == 0x80) || (c == 0xE4 && (c1 == 0xB8 || c1 == 0xBA)) ||
           (c == 0xE5 && c1 == 0x9B) || (c == 0xE9 && c1 == 0x9B);
}

size_t fl_class_at(const char *t, size_t len, size_t i, fl_medium m, fl_class_tok *out)
{
    memset(out, 0, sizeof *out);
    if (i >= len || !class_start(t, len, i)) return 0;
    if (ends(t, i, "第") || ends(t, i, "劣")) return 0; /* 第二类用地, 劣Ⅴ类 */
    size_t k = i;
    int v = -1;
    if (i < len && digit((unsigned char)t[i])) {
        if (i > 0 && (digit((unsigned char)t[i - 1]) || t[i - 1] == '.' || t[i - 1] == '-' || latin((unsigned char)t[i - 1])))
            return 0;
        v = t[i] - '0';
        k = i + 1;
        if (m == FL_MED_NOISE && v == 4 && k < len && strchr("abAB", t[k])) out->sub = (char)(t[k++] | 0x20);
    } else if (m == FL_MED_SURFACE) {
        bool plus;
        size_t n = fl_roman_at(t, len, i, &v, &plus);
        if (!n || plus) {
            size_t c = cn_digit(t, len, i, &v);
            if (!c) return 0;
            n = c;
        }
        k = i + n;
    } else {
        size_t n = cn_digit(t, len, i, &v);
        if (!n) return 0;
        k = i + n;
    }
    if (k < len && t[k] == ' ') k++;
    bool level = false;
    if (starts(t, len, k, "类")) k += strlen("类");
    else if (m == FL_MED_AIR && starts(t, len, k, "级") && !digit((unsigned char)t[i])) {
        level = true;
        k += strlen("级");
    } else return 0;
    switch (m) {
    case FL_MED_NOISE: if (v < 0 || v > 4) return 0; break;
    case FL_MED_AIR: if (v < 1 || v > 3 || digit((unsigned char)t[i])) return 0; break;
    case FL_MED_SURFACE: if (v < 1 || v > 5) return 0; break;
    default: return 0;
    }
    out->value = v;
    out->level = level;
    out->start = i;
    out->end = k;
    return k - i;
}

const char *fl_class_text(char *buf, size_t n, fl_medium m, const fl_class_tok *c)
{
    static const char *const cn[] = {"〇", "一", "二", "三", "四", "五"};
    static const char *const ro[] = {"", "Ⅰ", "Ⅱ", "Ⅲ", "Ⅳ", "Ⅴ"};
    int v = c->value < 0 ? 0 : c->value > 5 ? 5 : c->value;
    if (m == FL_MED_NOISE) snprintf(buf, n, "%d%s类", v, c->sub == 'a' ? "a" : c->sub == 'b' ? "b" : "");
    else if (m == FL_MED_AIR) snprintf(buf, n, "%s%s", cn[v], c->level ? "级" : "类区");
    else snprintf(buf, n, "%s类", ro[v]);
    return buf;
}

static bool punct_at(const char *t, size_t len, size_t i)
{
    if (i >= len) return true;
    if (strchr(",;:()", t[i])) return true;
    return starts(t, len, i, "。") || starts(t, len, i, "、") || starts(t, len, i, "《") || starts(t, len, i, "》") ||
           starts(t, len, i, "和") || starts(t, len, i, "及");
}

int fl_class_role(const char *t, size_t ss, size_t se, const fl_class_tok *c, int marker_role)
{
    size_t a = c->end;
    if (a < se && t[a] == ' ') a++;
    if (starts(t, se, a, "标准地区") || starts(t, se, a, "标准适用区") || starts(t, se, a, "标准区域"))
        return FL_CLASS_ZONE;
    /* 标准 or 限值 within a few characters: 2类标准, 二类区标准, Ⅲ类水质标准, 二级浓度限值 */
    size_t k = a;
    for (int n = 0; n < 8 && !punct_at(t, se, k); n++) {
        if (starts(t, se, k, "标准") || starts(t, se, k, "限值")) return FL_CLASS_APPLIED;
        k = fl_text_next(t, se, k);
    }
    if (c->level) return FL_CLASS_UNKNOWN; /* 二级 without 标准: a grade, not a standard */
    static const char *const zone_after[] = {"区", "功能区", "声环境功能区", "地区", "区域", "水域", "水体",
                                             "环境功能区", "功能水域"};
    for (size_t i = 0; i < sizeof zone_after / sizeof *zone_after; i++)
        if (starts(t, se, a, zone_after[i])) return FL_CLASS_ZONE;
    static const char *const zone_before[] = {"功能区为", "功能区划为", "功能为", "区划为", "划为", "划分为",
                                              "功能区属于", "功能区类别为", "功能类别为", "规划为"};
    for (size_t i = 0; i < sizeof zone_before / sizeof *zone_before; i++)
        if (c->start >= ss && ends(t, c->start, zone_before[i])) return FL_CLASS_ZONE;
    (void)marker_role;
    return FL_CLASS_UNKNOWN;
}

size_t fl_class_before_medium(const char *t, size_t len, size_t i, fl_medium *m, fl_class_tok *c)
{
    static const fl_medium media[] = {FL_MED_NOISE, FL_MED_AIR, FL_MED_SURFACE};
    for (size_t k = 0; k < sizeof media / sizeof *media; k++) {
        size_t n = fl_class_at(t, len, i, media[k], c);
        if (!n) continue;
        size_t a = c->end;
        if (a < len && t[a] == ' ') a++;
        fl_medium after;
        int role;
        if (fl_medium_at(t, len, a, &after, &role) && after == media[k]) {
            *m = after;
            return n;
        }
    }
    return 0;
}

bool fl_zone_of_others(const char *t, size_t ss, size_t se, size_t at)
{
    static const char *const others[] = {"敏感", "保护目标", "居民", "村", "学校", "医院", "周边", "周围"};
    size_t a, e;
    fl_text_clause(t, ss, se, at, &a, &e);
    for (size_t k = 0; k < sizeof others / sizeof *others; k++)
        if (fl_text_has(t, a, e, others[k])) return true;
    return false;
}

bool fl_grade_checkbox_text(const char *t, size_t a, size_t e)
{
    static const char *const boxes[] = {"□", "■", "☑", "☐", "☒", "√", "✓", "✔", "▇"};
    for (size_t i = a; i < e; i = fl_text_next(t, e, i)) {
        if ((unsigned char)t[i] != 0xE2) continue; /* every box is U+2xxx */
        for (size_t k = 0; k < sizeof boxes / sizeof *boxes; k++)
            if (starts(t, e, i, boxes[k])) return true;
    }
    return false;
}

bool fl_text_has(const char *t, size_t a, size_t e, const char *w)
{
    return e >= a && fl_memfind(t + a, e - a, w, strlen(w)) != NULL;
}

bool fl_grade_conditional(const char *t, size_t a, size_t e)
{
    if (fl_text_has(t, a, e, "若") || fl_text_has(t, a, e, "如果")) return true;
    for (size_t i = a; i < e; i = fl_text_next(t, e, i))
        if (starts(t, e, i, "当") && !starts(t, e, i, "当地") && fl_text_has(t, i, e, "时")) return true;
    return false;
}

static void note(fl_stated *out, int value, int block, size_t start, size_t end)
{
    if (out->found) {
        if (out->value != value) out->ambiguous = true;
        return;
    }
    *out = (fl_stated){.found = true, .value = value, .block = block, .start = start, .end = end};
}

/* Words between 等级 and the grade: 确定为, 判定为, 定为, 为, ：. */
static size_t grade_gap(const char *t, size_t len, size_t i)
{
    static const char *const gap[] = {"确定", "判定", "定", "划分", "为", "是", "取", ":", " "};
    size_t k = i;
    for (int n = 0; n < 6; n++) {
        size_t was = k;
        for (size_t g = 0; g < sizeof gap / sizeof *gap; g++)
            if (starts(t, len, k, gap[g])) {
                k += strlen(gap[g]);
                break;
            }
        if (k == was) break;
    }
    return k;
}

/* The caller (fl_grade_sentences) has left out checkbox forms and
 * conditions, which are criteria rather than findings. */
static void sentence_grades(const char *t, size_t ss, size_t se, fl_medium m, int block, fl_stated *out)
{
    bool lowered = fl_text_has(t, ss, se, "降低") || fl_text_has(t, ss, se, "下调") || fl_text_has(t, ss, se, "调低") ||
                   fl_text_has(t, ss, se, "可低于") || fl_text_has(t, ss, se, "降为") || fl_text_has(t, ss, se, "降级");
    size_t prev = ss;
    for (size_t i = ss; i < se;) {
        if (!starts(t, se, i, "等级")) {
            i = fl_text_next(t, se, i);
            continue;
        }
        size_t g = grade_gap(t, se, i + strlen("等级"));
        int grade;
        size_t n = fl_grade_word(t, se, g, &grade);
        if (!n) {
            i += strlen("等级");
            continue;
        }
        int role;
        if (fl_medium_before(t, prev, i, &role) == m) {
            if (lowered) out->ambiguous = true;
            note(out, grade, block, g, g + n);
        }
        prev = g + n;
        i = g + n;
    }
}

/* A table with a 评价等级 column: each row naming the medium in its first
 * cell and holding only a grade in that column. */
static void table_grades(fl_scan *s, const fl_grid *g, fl_medium m, fl_stated *out)
{
    const fl_doc *doc = fl_scan_doc(s);
    int col = -1, head = -1;
    for (int r = 0; r < g->rows && r < 2 && col < 0; r++)
        for (int c = 1; c < g->cols; c++) {
            const char *h = fl_grid_text(doc, g, r, c);
            size_t hl = strlen(h);
            if (fl_text_has(h, 0, hl, "等级") && !fl_text_has(h, 0, hl, "判据") && !fl_text_has(h, 0, hl, "依据")) {
                col = c;
                head = r;
                break;
            }
        }
    if (col < 0) return;
    for (int r = head + 1; r < g->rows; r++) {
        int b0 = fl_grid_block(g, r, 0), bc = fl_grid_block(g, r, col);
        if (b0 < 0 || bc < 0 || b0 == bc) continue;
        const fl_norm *n0 = fl_scan_norm(s, b0), *nc = fl_scan_norm(s, bc);
        fl_medium rm = FL_MED_NONE;
        for (size_t i = 0; i < n0->len && rm == FL_MED_NONE; i = fl_text_next(n0->text, n0->len, i)) {
            int role;
            size_t k = fl_medium_at(n0->text, n0->len, i, &rm, &role);
            if (!k) rm = FL_MED_NONE;
        }
        if (rm != m) continue;
        size_t a = 0, e = nc->len;
        while (a < e && nc->text[a] == ' ') a++;
        while (e > a && nc->text[e - 1] == ' ') e--;
        int grade;
        size_t k = fl_grade_word(nc->text, e, a, &grade);
        if (k && a + k == e) note(out, grade, bc, a, e);
    }
}

void fl_grade_sentences(fl_scan *s, const fl_scope *sc, fl_grade_sentence_fn fn, void *ctx)
{
    fl_grade_sentences_with(s, sc, NULL, fn, ctx);
}

/* Does t[ss, se) hold one of the words of need (NULL-terminated)? */
static bool needed(const char *t, size_t ss, size_t se, const char *const *need)
{
    if (!need) return true;
    for (; *need; need++)
        if (fl_text_has(t, ss, se, *need)) return true;
    return false;
}

void fl_grade_sentences_with(fl_scan *s, const fl_scope *sc, const char *const *need, fl_grade_sentence_fn fn, void *ctx)
{
    const fl_doc *doc = fl_scan_doc(s);
    for (size_t i = 0; i < sc->nblocks && !fl_scan_failed(s); i++) {
        int b = sc->blocks[i];
        const fl_block *blk = &doc->blocks[b];
        if (blk->kind == FL_BLOCK_HEADING || (blk->flags & FL_BF_TOC)) continue;
        const fl_norm *n = fl_scan_norm(s, b);
        for (size_t pos = 0, ss, se; pos < n->len; pos = se > pos ? se : pos + 1) {
            fl_scan_sentence(s, b, pos, &ss, &se);
            if (se - ss > MAX_SENTENCE || !needed(n->text, ss, se, need) || fl_grade_checkbox_text(n->text, ss, se) ||
                fl_grade_conditional(n->text, ss, se))
                continue;
            fn(s, n->text, ss, se, b, ctx);
        }
    }
}

typedef struct stated_ctx { fl_medium m; fl_stated *out; } stated_ctx;

static void stated_sentence(fl_scan *s, const char *t, size_t ss, size_t se, int block, void *ctx)
{
    (void)s;
    const stated_ctx *c = ctx;
    sentence_grades(t, ss, se, c->m, block, c->out);
}

void fl_grade_stated(fl_scan *s, const fl_scope *sc, fl_medium m, fl_stated *out)
{
    const fl_doc *doc = fl_scan_doc(s);
    memset(out, 0, sizeof *out);
    stated_ctx c = {m, out};
    static const char *const need[] = {"等级", NULL};
    fl_grade_sentences_with(s, sc, need, stated_sentence, &c);
    int last_table = 0;
    for (size_t i = 0; i < sc->nblocks && !fl_scan_failed(s); i++) {
        int b = sc->blocks[i];
        const fl_block *blk = &doc->blocks[b];
        if (blk->table && blk->table != last_table && fl_block_x(doc, blk)->row == 1) {
            last_table = blk->table;
            fl_grid g;
            fl_grid_build(&g, fl_scan_arena(s), doc, (size_t)b);
            if (g.rows >= 2 && g.cols >= 2) table_grades(s, &g, m, out);
        }
    }
}
