/* The text of labels and values for the field readers: what a form label
 * looks like, which labels are known, and the ticked option of a checkbox
 * row. */
#include "model/fx.h"
#include "core/buf.h"
#include "core/norm.h"
#include "core/utf8.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Labels of the forms filings use, as normalised and without a trailing
 * "(unit)" group: the 2021 报告表 建设项目基本情况 table, its 1999-style
 * predecessor (法人代表, 通讯地址, 批准文号…), the 编制单位和编制人员情况表,
 * and the 基本信息 of soil project plans. A known label is a label even in a
 * row that otherwise looks like a grid header; only known labels are read
 * from prose and from a line whose value is on the next line. */
static const char *const known_labels[] = {
    "项目名称", "建设项目名称", "项目代码", "建设单位", "建设单位名称", "建设单位联系人", "联系人",
    "联系方式", "联系电话", "建设地点", "地理坐标", "国民经济行业类别", "建设项目行业类别", "建设性质",
    "建设项目申报情形", "项目审批(核准/备案)部门", "项目审批(核准/备案)文号", "总投资",
    "环保投资", "环保投资占比", "施工工期", "是否开工建设", "用地(用海)面积", "专项评价设置情况",
    "规划情况", "规划环境影响评价情况", "规划及规划环境影响评价符合性分析", "其他符合性分析",
    "编制日期", "编制单位", "统一社会信用代码", "项目单位", "立项批复单位", "实施方案审查单位",
    "项目立项批复单位", "项目实施方案审查单位", "项目实施单位", "项目承担单位", "实施单位",
    "拟申请中央资金额度", "拟申请中央土壤污染防治专项资金额度", "拟申请中央专项资金额度",
    "申请中央资金额度", "项目周期", "实施周期", "项目实施周期", "建设周期", "项目编号",
    "建设项目类别", "环境影响评价文件类型", "评价文件类型", "单位名称", "法定代表人", "法人代表",
    "主要负责人", "直接负责的主管人员", "项目负责人", "项目地址", "项目类型", "编制主持人",
    "主要编制人员", "通讯地址", "传真", "邮政编码", "立项审批部门", "批准文号", "行业类别",
    "行业类别及代码", "占地面积", "绿化面积", "评价经费", "预期投产日期", "环保投资占总投资比例",
    "电子邮箱", "邮箱", "电子信箱", "邮编",
};

static const char *const tick_marks[] = {"☑", "■", "√", "☒", "▣", "✓", "✔"};
static const char *const box_marks[] = {"□", "☐"};

/* ---- small text helpers ------------------------------------------------- */

static bool is_cjk(uint32_t cp)
{
    return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
           (cp >= 0xF900 && cp <= 0xFAFF);
}

bool fl_fx_is_space(uint32_t cp)
{
    return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0xA0 || cp == 0x3000;
}

size_t fl_fx_match_any(const char *s, size_t len, const char *const *list, size_t n)
{
    for (size_t k = 0; k < n; k++) {
        size_t m = strlen(list[k]);
        if (m <= len && !memcmp(s, list[k], m)) return m;
    }
    return 0;
}

void fl_fx_trim(const char **s, size_t *len)
{
    while (*len) {
        uint32_t cp;
        size_t n = fl_utf8_decode(*s, *len, &cp);
        if (!fl_fx_is_space(cp)) break;
        *s += n;
        *len -= n;
    }
    while (*len) {
        size_t i = *len - 1;
        while (i > 0 && ((unsigned char)(*s)[i] & 0xC0) == 0x80) i--;
        uint32_t cp;
        fl_utf8_decode(*s + i, *len - i, &cp);
        if (!fl_fx_is_space(cp)) break;
        *len = i;
    }
}

/* "1、" "（一）" "2." in front of a label ("（1）建设单位：…"). */
size_t fl_fx_numbering_prefix(const char *s, size_t len)
{
    size_t i = 0;
    bool paren = false;
    if (len >= 3 && !memcmp(s, "（", 3)) { i = 3; paren = true; }
    else if (len >= 1 && s[0] == '(') { i = 1; paren = true; }
    size_t digits = 0;
    while (i < len) {
        if (s[i] >= '0' && s[i] <= '9') { i++; digits++; continue; }
        static const char *const cn[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
        size_t m = fl_fx_match_any(s + i, len - i, cn, FL_NELEM(cn));
        if (!m) break;
        i += m;
        digits++;
    }
    if (!digits || digits > 3) return 0;
    static const char *const close_paren[] = {"）", ")"};
    static const char *const close_plain[] = {"、", "．", ".", "）", ")"};
    size_t m = paren ? fl_fx_match_any(s + i, len - i, close_paren, 2) : fl_fx_match_any(s + i, len - i, close_plain, 5);
    return m ? i + m : 0;
}

/* Known labels compare without a trailing unit group: 总投资(万元) -> 总投资. */
static bool is_known(const char *name)
{
    size_t n = strlen(name);
    for (size_t k = 0; k < FL_NELEM(known_labels); k++) {
        size_t m = strlen(known_labels[k]);
        if (m > n || memcmp(name, known_labels[k], m)) continue;
        if (m == n || name[m] == '(') return true;
    }
    return false;
}

/* "其中：环保投资（万元）": the sub-item of the row above is a label too. */
static size_t sub_item_prefix(const char *s, size_t len)
{
    if (len < 6 || memcmp(s, "其中", 6)) return 0;
    static const char *const sep[] = {"：", ":", "，", ",", "、", " ", "　"};
    size_t i = 6, m;
    while ((m = fl_fx_match_any(s + i, len - i, sep, FL_NELEM(sep)))) i += m;
    return i < len ? i : 0;
}

/* Lists of drawings and attachments ("附图1：厂区平面布置图") and captions
 * ("表2-1：项目组成一览表") are not fields. */
static bool caption_name(const char *name)
{
    static const char *const lists[] = {"附图", "附件", "附表", "附录"};
    if (fl_fx_match_any(name, strlen(name), lists, FL_NELEM(lists))) return true;
    if (strncmp(name, "图", 3) && strncmp(name, "表", 3)) return false;
    static const char *const cn[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
    const char *p = name + 3;
    return (*p >= '0' && *p <= '9') || fl_fx_match_any(p, strlen(p), cn, FL_NELEM(cn));
}

/* Cells run together: a gap followed by a number inside what would be the
 * label ("总投资（万元）　5000　其中"), or a tab. Spaces alone are common in
 * labels ("项　目　名　称", "建设项目名 称"). */
static bool glued_cells(const char *s, size_t len)
{
    bool gap = false;
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        i += fl_utf8_decode(s + i, len - i, &cp);
        if (cp == '\t') return true;
        uint32_t n = fl_norm_cp(cp);
        if (n == ' ') { gap = true; continue; }
        if (gap && n >= '0' && n <= '9') return true;
        gap = false;
    }
    return false;
}

/* Short, no sentence punctuation, some Chinese, no checkbox, not a number:
 * what a form label looks like. */
fl_fx_label fl_fx_label_of(fl_arena *a, const char *s, size_t len, size_t max_cp)
{
    fl_fx_label li = {NULL, false, false};
    fl_fx_trim(&s, &len);
    size_t pre = fl_fx_numbering_prefix(s, len);
    if (pre && pre < len) { s += pre; len -= pre; }
    pre = sub_item_prefix(s, len);
    s += pre;
    len -= pre;
    if (!len || len > max_cp * 4 + 16 || glued_cells(s, len)) return li;
    li.name = fl_norm_label(a, s, len);
    size_t count = 0;
    bool cjk = false;
    for (size_t i = 0; li.name[i];) {
        uint32_t cp;
        const char *p = li.name + i;
        size_t rest = strlen(p);
        if (fl_fx_match_any(p, rest, tick_marks, FL_NELEM(tick_marks)) || fl_fx_match_any(p, rest, box_marks, FL_NELEM(box_marks)))
            return li;
        i += fl_utf8_decode(p, rest, &cp);
        count++;
        if (cp == 0x3002 || cp == ';' || cp == '!' || cp == '?' || cp == 0xFF0C || cp == ',' ||
            cp == ':' || cp == 0x3001 || cp == '"' || cp == 0x201C || cp == 0x300A || cp == 0x300B)
            return li;
        if (is_cjk(cp)) cjk = true;
    }
    if (!count || count > max_cp || !cjk || (li.name[0] >= '0' && li.name[0] <= '9') || caption_name(li.name))
        return li;
    li.plausible = true;
    li.known = is_known(li.name);
    return li;
}

/* The start of the longest known label that ends at `at` (a colon) and
 * starts at or after `from`, annotation or unit groups allowed before the
 * colon: "…乙公司建设单位（盖章）：" gives the offset of 建设单位. Returns at
 * when there is none. Allocates nothing: a folded PDF line can hold a label
 * every few characters. */
size_t fl_fx_known_before(const char *s, size_t from, size_t at)
{
    enum { MAX_CP = 48 };
    uint32_t cps[MAX_CP]; /* backwards from the colon, normalised, no spaces */
    size_t offs[MAX_CP], n = 0;
    for (size_t i = at; i > from && n < MAX_CP;) {
        size_t p = i - 1;
        while (p > from && ((unsigned char)s[p] & 0xC0) == 0x80) p--;
        uint32_t cp;
        fl_utf8_decode(s + p, i - p, &cp);
        cp = fl_norm_cp(cp);
        i = p;
        if (cp == 0 || cp == ' ') continue;
        cps[n] = cp;
        offs[n++] = p;
    }
    size_t k = 0;
    for (int g = 0; g < 2 && k < n && cps[k] == ')'; g++) { /* （盖章） （万元） */
        size_t j = k + 1;
        while (j < n && cps[j] != '(') j++;
        if (j >= n) return at;
        k = j + 1;
    }
    char buf[MAX_CP * 4];
    size_t start[MAX_CP], blen = 0;
    for (size_t idx = n; idx-- > k;) {
        start[idx] = blen;
        blen += fl_utf8_encode(cps[idx], buf + blen);
    }
    size_t best = at, best_m = 0;
    for (size_t q = 0; q < FL_NELEM(known_labels); q++) {
        size_t m = strlen(known_labels[q]);
        if (m <= best_m || m > blen || memcmp(buf + blen - m, known_labels[q], m)) continue;
        for (size_t idx = k; idx < n; idx++)
            if (start[idx] == blen - m) {
                best = offs[idx];
                best_m = m;
                break;
            }
    }
    return best;
}

/* ---- checkbox values ---------------------------------------------------- */

typedef struct mark { size_t at, len; bool ticked; } mark;

/* 口 is also an ordinary character (出口, 人口): it counts as a box only at
 * the start of the value or after white space or a separator. */
static bool mouth_box(const char *s, size_t i)
{
    if (i == 0) return true;
    size_t p = i - 1;
    while (p > 0 && ((unsigned char)s[p] & 0xC0) == 0x80) p--;
    uint32_t cp;
    fl_utf8_decode(s + p, i - p, &cp);
    return fl_fx_is_space(cp) || cp == 0x3001 || cp == 0xFF1B || cp == ';' || cp == 0xFF1A || cp == ':' ||
           cp == '_';
}

static size_t find_marks(const char *s, size_t len, mark *out, size_t cap, size_t *strong)
{
    size_t n = 0;
    *strong = 0;
    for (size_t i = 0; i < len;) {
        /* every mark is encoded starting with E2 (☑□■√✓…) or E5 (口) */
        if ((unsigned char)s[i] != 0xE2 && (unsigned char)s[i] != 0xE5) {
            i++;
            continue;
        }
        size_t m;
        bool ticked = false, box = false;
        if ((m = fl_fx_match_any(s + i, len - i, tick_marks, FL_NELEM(tick_marks)))) ticked = box = true;
        else if ((m = fl_fx_match_any(s + i, len - i, box_marks, FL_NELEM(box_marks)))) box = true;
        else if (len - i >= 3 && !memcmp(s + i, "口", 3) && mouth_box(s, i)) { m = 3; box = true; }
        if (box) {
            if (n < cap) out[n++] = (mark){i, m, ticked};
            if (memcmp(s + i, "口", 3)) (*strong)++;
            i += m;
            continue;
        }
        i++;
    }
    return n;
}

/* Option text between marks, without separators and fill-in blanks. */
static void add_option(fl_buf *out, const char *s, size_t len)
{
    fl_fx_trim(&s, &len);
    static const char *const tail[] = {"_", "＿", "：", ":", "、", "，", ",", "；", ";", " ", "　"};
    for (bool again = true; again && len;) {
        again = false;
        for (size_t k = 0; k < FL_NELEM(tail); k++) {
            size_t m = strlen(tail[k]);
            if (len >= m && !memcmp(s + len - m, tail[k], m)) {
                len -= m;
                again = true;
            }
        }
    }
    if (!len) return;
    if (out->len) fl_buf_adds(out, "、");
    fl_buf_add(out, s, len);
}

/* Returns true and the ticked option(s) when s is a checkbox row: "☑否 □是"
 * -> "否"; none ticked -> "". Marks before their option are the usual form;
 * "新建☑ 改建□" (marks after) is read too. */
bool fl_fx_checkbox_value(fl_arena *a, const char *s, size_t len, const char **value)
{
    mark mk[64];
    size_t strong;
    size_t n = find_marks(s, len, mk, FL_NELEM(mk), &strong);
    if (n == 0 || (strong == 0 && n < 2)) return false;
    const char *t = s;
    size_t tl = len;
    fl_fx_trim(&t, &tl);
    bool leading = mk[0].at == (size_t)(t - s);
    fl_buf out = FL_BUF_INIT;
    for (size_t k = 0; k < n; k++) {
        if (!mk[k].ticked) continue;
        size_t from, to;
        if (leading) {
            from = mk[k].at + mk[k].len;
            to = k + 1 < n ? mk[k + 1].at : len;
        } else {
            from = k > 0 ? mk[k - 1].at + mk[k - 1].len : 0;
            to = mk[k].at;
        }
        add_option(&out, s + from, to - from);
    }
    *value = fl_arena_strndup(a, out.data ? out.data : "", out.len);
    fl_buf_free(&out);
    return true;
}

/* ---- checkbox rows of a scanned page ---------------------------------------- */

/* What Tesseract reads for the marks of a checkbox row scanned from paper:
 * an empty box as 口 (a box to fl_fx_checkbox_value already), 〇, ○ or O;
 * a ticked one as 回, 团, 囚, 区, 図 or 四 (the box with the tick inside),
 * or 0, Q, @. Taken as marks only in a row that is marks and options and
 * nothing else, with an empty box and a ticked one among them, and options
 * of CJK words (是, 否, 有, 无 the only ones of one character): "口岸区域"
 * is no row. */
static const char *const ocr_empty[] = {"□", "☐", "口", "〇", "○", "O"};
static const char *const ocr_ticked[] = {"☑", "■", "√", "☒", "▣", "✓", "✔", "回", "团", "囚", "区", "図", "四",
                                         "0", "Q", "@"};

static bool ocr_option(const char *s, size_t len)
{
    size_t n = 0;
    uint32_t first = 0;
    for (size_t i = 0; i < len; n++) {
        uint32_t c;
        i += fl_utf8_decode(s + i, len - i, &c);
        if (!n) first = c;
        bool han = c >= 0x3400 && c < 0xA000, paren = c == 0xFF08 || c == 0xFF09 || c == '(' || c == ')';
        if (!han && !paren) return false;
    }
    if (n == 1) return first == 0x662F || first == 0x5426 || first == 0x6709 || first == 0x65E0; /* 是否有无 */
    return n >= 2 && n <= 16;
}

/* s rewritten with standard marks ("☑否 □是") into out; false when it is
 * not a checkbox row as above. */
static bool ocr_checkbox_row(const char *s, size_t len, fl_buf *out)
{
    size_t i = 0, empty = 0, ticked = 0;
    while (i < len) {
        size_t m;
        bool tick = false;
        if ((m = fl_fx_match_any(s + i, len - i, ocr_ticked, FL_NELEM(ocr_ticked)))) tick = true;
        else if (!(m = fl_fx_match_any(s + i, len - i, ocr_empty, FL_NELEM(ocr_empty)))) return false;
        i += m;
        /* the option: up to the next mark that a CJK word or the end follows */
        size_t start = i, end = i;
        while (i < len) {
            uint32_t c;
            size_t k = fl_utf8_decode(s + i, len - i, &c);
            if (fl_fx_is_space(c)) { i += k; continue; }
            if (i > start && (fl_fx_match_any(s + i, len - i, ocr_ticked, FL_NELEM(ocr_ticked)) ||
                              fl_fx_match_any(s + i, len - i, ocr_empty, FL_NELEM(ocr_empty))))
                break;
            i += k;
            end = i;
        }
        const char *o = s + start;
        size_t ol = end - start;
        fl_fx_trim(&o, &ol);
        fl_buf tmp = FL_BUF_INIT; /* the option without the spaces OCR left in it */
        for (size_t k = 0; k < ol;) {
            uint32_t c;
            size_t n = fl_utf8_decode(o + k, ol - k, &c);
            if (!fl_fx_is_space(c)) fl_buf_add(&tmp, o + k, n);
            k += n;
        }
        bool ok = ocr_option(tmp.data ? tmp.data : "", tmp.len);
        if (ok) {
            if (out->len) fl_buf_addc(out, ' ');
            fl_buf_adds(out, tick ? "☑" : "□");
            fl_buf_add(out, tmp.data, tmp.len);
        }
        fl_buf_free(&tmp);
        if (!ok) return false;
        tick ? ticked++ : empty++;
    }
    return empty && ticked;
}

const char *fl_fx_field_value(fl_doc *doc, int bi, const char *s, size_t len)
{
    const char *v;
    if (bi >= 0 && (size_t)bi < doc->nblocks && fl_block_ocr(doc, &doc->blocks[bi]) >= 0) {
        const char *t = s;
        size_t tl = len;
        fl_fx_trim(&t, &tl);
        fl_buf row = FL_BUF_INIT;
        bool ok = ocr_checkbox_row(t, tl, &row) && fl_fx_checkbox_value(&doc->arena, row.data, row.len, &v);
        fl_buf_free(&row);
        if (ok) return v;
    }
    if (fl_fx_checkbox_value(&doc->arena, s, len, &v)) return v;
    return fl_arena_strndup(&doc->arena, s, len);
}

/* ---- names of organisations ---------------------------------------------- */

/* What the name of a company, an authority or an institution ends with. */
static const char *const org_tails[] = {
    "公司", "集团", "局", "中心", "政府", "委员会", "管委会", "办公室", "办事处", "站", "院", "所",
    "厂", "场", "队", "学校", "大学", "医院", "厅", "社", "协会", "街道", "镇", "乡", "村委会",
};

bool fl_fx_org_name(const char *s, size_t len)
{
    fl_fx_trim(&s, &len);
    size_t cps = fl_utf8_count(s, len);
    if (cps < 3 || cps > 40) return false;
    for (size_t k = 0; k < FL_NELEM(org_tails); k++) {
        size_t m = strlen(org_tails[k]);
        if (m < len && !memcmp(s + len - m, org_tails[k], m)) return true;
    }
    return false;
}
