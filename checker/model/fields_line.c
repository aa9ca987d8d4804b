/* Fields read from lines of text (fx.h): "标签：值" pairs, a
 * tab-separated label and value, a known label whose value is on the next
 * line; and adding a field with its group's alias, which the tables
 * (fields_table.c) do too. The pass over the document is fields.c. */
#include "model/fx.h"
#include "core/norm.h"
#include "core/utf8.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* ---- adding fields ------------------------------------------------------ */

static void add_field(fl_doc *doc, const char *name, const char *value, size_t vlen, int block)
{
    fl_fx_trim(&value, &vlen);
    const char *v = fl_fx_field_value(doc, block, value, vlen);
    FL_VEC_RESERVE(doc->fields, doc->cap_fields, doc->nfields + 1);
    doc->fields[doc->nfields++] = (fl_field){name, v, block, NULL};
}

/* Adds name = value, and for the rows of the 编制单位和编制人员情况表 also
 * the name qualified by whose it is (group 建设单位 / 编制单位): 单位名称 ->
 * 编制单位, 统一社会信用代码 -> 编制单位统一社会信用代码. */
void fl_fx_add_named(fl_fx *fx, const char *group, const char *label, const char *value, size_t vlen, int block)
{
    fl_doc *doc = fx->doc;
    const char *name = fl_arena_strdup(&doc->arena, label);
    add_field(doc, name, value, vlen, block);
    if (!group) return;
    const char *alias = !strcmp(name, "单位名称") ? group
                        : strncmp(name, group, strlen(group)) ? fl_arena_printf(&doc->arena, "%s%s", group, name)
                                                              : NULL;
    if (alias) add_field(doc, alias, value, vlen, block);
}

/* Which unit the following lines describe, from a "一、建设单位情况" line;
 * NULL for other lines, "" when the line says nothing about it. */
const char *fl_fx_group_of(const char *name)
{
    if (strstr(name, "建设单位情况")) return "建设单位";
    if (strstr(name, "编制单位情况")) return "编制单位";
    if (strstr(name, "编制人员情况")) return NULL;
    return "";
}

/* ---- lines: 标签：值 ------------------------------------------------------ */

static bool has(const char *s, size_t len, const char *what)
{
    size_t m = strlen(what);
    for (size_t i = 0; i + m <= len; i++)
        if (!memcmp(s + i, what, m)) return true;
    return false;
}

static bool ends_with(const char *s, size_t len, const char *what)
{
    size_t m = strlen(what);
    return m <= len && !memcmp(s + len - m, what, m);
}

/* The first label colon at or after from. Colons inside 《》 and brackets
 * belong to titles and notes (《…第7部分：…》, （注：…）), between digits to
 * times and scales (10:30, 1：1000). */
static size_t colon_at(const char *s, size_t len, size_t from, size_t *clen)
{
    int depth = 0;
    for (size_t i = from; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '(') depth++;
        else if (c == ')' && depth) depth--;
        else if (c == 0xE3 && len - i >= 3 && !memcmp(s + i, "《", 3)) depth++;
        else if (c == 0xE3 && len - i >= 3 && !memcmp(s + i, "》", 3) && depth) depth--;
        else if (c == 0xEF && len - i >= 3 && !memcmp(s + i, "（", 3)) depth++;
        else if (c == 0xEF && len - i >= 3 && !memcmp(s + i, "）", 3) && depth) depth--;
        if (depth) continue;
        size_t n = c == ':' ? 1 : (c == 0xEF && len - i >= 3 && !memcmp(s + i, "：", 3)) ? 3 : 0;
        if (!n) continue;
        bool digit_before = i > 0 && s[i - 1] >= '0' && s[i - 1] <= '9';
        bool digit_after = i + n < len && s[i + n] >= '0' && s[i + n] <= '9';
        if (digit_before && digit_after) continue;
        *clen = n;
        return i;
    }
    return len;
}

/* Words before a colon that introduce a list or a note rather than label a
 * value ("主要设备见下表：", "注：", "根据调查："). */
static bool not_a_label(const char *name)
{
    static const char *const whole[] = {"注", "注释", "附注", "说明", "备注", "来源", "资料来源", "数据来源", "图例"};
    static const char *const tails[] = {"如下", "如下表", "见下表", "见表", "包括", "主要有", "为", "是"};
    static const char *const heads[] = {"根据", "按照", "依据", "由于", "因此", "另外", "此外", "经调查",
                                        "经现场", "经核实", "经分析", "通过"};
    size_t len = strlen(name);
    for (size_t k = 0; k < FL_NELEM(whole); k++)
        if (!strcmp(name, whole[k])) return true;
    for (size_t k = 0; k < FL_NELEM(tails); k++)
        if (ends_with(name, len, tails[k])) return true;
    return fl_fx_match_any(name, len, heads, FL_NELEM(heads)) != 0;
}

static bool wide_gap(const char *s, size_t from, size_t to)
{
    size_t spaces = 0;
    for (size_t i = from; i < to;) {
        uint32_t cp;
        i += fl_utf8_decode(s + i, to - i, &cp);
        if (cp == '\t' || cp == 0x3000) return true;
        if (fl_fx_is_space(cp)) {
            if (++spaces >= 2) return true;
        } else {
            spaces = 0;
        }
    }
    return false;
}

static bool space_before(const char *s, size_t from, size_t p)
{
    if (p <= from) return false;
    size_t q = p - 1;
    while (q > from && ((unsigned char)s[q] & 0xC0) == 0x80) q--;
    uint32_t cp;
    fl_utf8_decode(s + q, p - q, &cp);
    return fl_fx_is_space(cp);
}

/* A second "标签：" on the line, starting after from: a known label, even
 * run on to the value before it as in a line copied out of a PDF
 * ("项目名称：甲项目建设单位：乙公司"; a short one such as 联系人 only after a
 * space), or any label after a gap of white space ("建设单位：XX公司　　联系
 * 人：张三"). Returns its start, len when there is none; *gap tells whether
 * white space separates it from what is before. */
static size_t value_end(fl_arena *a, const char *s, size_t len, size_t from, bool *gap)
{
    size_t clen, seg = from; /* text since the previous colon: a label cannot hold a colon */
    for (size_t c = colon_at(s, len, from, &clen); c < len; seg = c + clen, c = colon_at(s, len, seg, &clen)) {
        size_t p = fl_fx_known_before(s, seg, c);
        if (p < c && (p == from || space_before(s, from, p) || fl_utf8_count(s + p, c - p) >= 4)) {
            *gap = wide_gap(s, from, p);
            return p;
        }
        /* the last run of wide white space before the colon */
        size_t gap_end = 0;
        for (size_t i = seg; i < c;) {
            uint32_t cp;
            size_t n = fl_utf8_decode(s + i, len - i, &cp);
            /* a semicolon parts fields too: "联系电话：…；传真：…；邮箱：…" */
            bool semi = cp == 0xFF1B || cp == ';';
            if (cp == 0x3000 || cp == '\t' || (cp == ' ' && i + 1 < c && s[i + 1] == ' ') || semi) {
                size_t j = i;
                while (j < c) {
                    size_t m = fl_utf8_decode(s + j, len - j, &cp);
                    if (!fl_fx_is_space(cp) && cp != 0xFF1B && cp != ';') break;
                    j += m;
                }
                gap_end = j;
                i = j;
                continue;
            }
            i += n;
        }
        if (gap_end && gap_end < c) {
            fl_fx_label li = fl_fx_label_of(a, s + gap_end, c - gap_end, FL_FX_PARA_LABEL_CP);
            /* after a bare semicolon only a form's own label starts a field:
             * "项目内容：修复；施工：分两期" is one value */
            bool spaced = false;
            for (size_t k = seg; k < gap_end && !spaced;) {
                uint32_t sp;
                k += fl_utf8_decode(s + k, gap_end - k, &sp);
                spaced = fl_fx_is_space(sp) && k > seg;
            }
            if (li.plausible && !not_a_label(li.name) && (spaced || li.known)) {
                *gap = true;
                /* the value ends before the separator, not after it */
                size_t e = gap_end;
                while (e > seg) {
                    size_t q = e - 1;
                    while (q > seg && ((unsigned char)s[q] & 0xC0) == 0x80) q--;
                    uint32_t cp;
                    fl_utf8_decode(s + q, e - q, &cp);
                    if (!fl_fx_is_space(cp) && cp != 0xFF1B && cp != ';') break;
                    e = q;
                }
                return e > from ? e : from;
            }
        }
    }
    *gap = false;
    return len;
}

/* A label asking for a seal or a signature ("项目单位（盖章）：") is a slot of
 * a form wherever it stands: the 落款 of a plan or a report. */
static bool signature(const char *label, size_t len)
{
    static const char *const marks[] = {"盖章", "签字", "签章", "签名", "公章"};
    for (size_t k = 0; k < FL_NELEM(marks); k++)
        if (has(label, len, marks[k])) return true;
    return false;
}

/* A cover run into one line ("建设项目环境影响报告表项目名称：…"): the title
 * glued before the first label is not part of it. Returns where the label
 * starts: past such a title when a known label follows it, else pos. */
static size_t after_glued_title(const char *s, size_t pos, size_t colon)
{
    static const char *const titles[] = {"报告表", "报告书", "实施方案", "公众参与说明", "总结报告",
                                         "(污染影响类)", "(生态影响类)", "（污染影响类）", "（生态影响类）"};
    size_t p = fl_fx_known_before(s, pos, colon);
    if (p <= pos || p >= colon) return pos;
    for (size_t k = 0; k < FL_NELEM(titles); k++) {
        size_t m = strlen(titles[k]);
        if (p - pos >= m && !memcmp(s + p - m, titles[k], m)) return p;
    }
    return pos;
}

typedef struct found { const char *name; size_t vstart, vlen; bool known; } found;

/* The "标签：值" pairs of one line, left to right. A line whose first label
 * has no value and runs straight into the next ("项目名称：建设单位：甲项目
 * 乙公司", the labels and values of a cover copied out of a PDF column by
 * column) gives nothing: which value is whose cannot be told. Returns the
 * name of a known label left without a value at the end of the line. */
static const char *colon_line(fl_fx *fx, const char *s, size_t len, int bi, const char *group, bool form)
{
    found f[32];
    size_t n = 0, pos = 0, end = 0;
    bool jumble = false;
    while (pos < len && n < FL_NELEM(f)) {
        size_t window = len - pos < FL_FX_PARA_LABEL_CP * 4 + 16 ? len : pos + FL_FX_PARA_LABEL_CP * 4 + 16;
        size_t clen, c = colon_at(s, window, pos, &clen);
        if (c >= window) break; /* no colon, or too far for a label: a sentence */
        if (n) /* the separator a value ended at: "…；传真：…" */
            while (pos < c && (s[pos] == ';' || s[pos] == ' ' || s[pos] == '\t' ||
                               (c - pos >= 3 && (!memcmp(s + pos, "；", 3) || !memcmp(s + pos, "　", 3)))))
                pos += s[pos] == ';' || s[pos] == ' ' || s[pos] == '\t' ? 1 : 3;
        if (!n) pos = after_glued_title(s, pos, c);
        fl_fx_label li = fl_fx_label_of(&fx->scratch, s + pos, c - pos, FL_FX_PARA_LABEL_CP);
        if (!li.plausible || not_a_label(li.name)) break;
        size_t vstart = c + clen;
        bool gap;
        size_t vend = value_end(&fx->scratch, s, len, vstart, &gap);
        const char *v = s + vstart;
        size_t vlen = vend - vstart;
        fl_fx_trim(&v, &vlen);
        /* "主要建设内容如下：" introduces a list; an empty value counts only
         * for the labels of a form ("建设单位（盖章）：" left blank) where
         * forms are or on a signature line; elsewhere "项目实施单位："
         * introduces a list too. */
        if (vlen == 0 && (!li.known || !(form || signature(s + pos, c - pos)))) break;
        if (vlen == 0 && vend < len && !gap) jumble = true;
        f[n++] = (found){li.name, (size_t)(v - s), vlen, li.known};
        pos = end = vend;
    }
    if (jumble) return NULL;
    for (size_t k = 0; k < n; k++) {
        fx->pending_first = fx->doc->nfields;
        fl_fx_add_named(fx, group, f[k].name, s + f[k].vstart, f[k].vlen, bi);
    }
    if (n && end == len && f[n - 1].known && f[n - 1].vlen == 0) return f[n - 1].name;
    return NULL;
}

static bool ends_with_colon(const char *s, size_t len)
{
    return ends_with(s, len, "：") || ends_with(s, len, ":");
}

/* A line with tabs copied from a table ("总投资（万元）\t5000\t其中：环保投资
 * （万元）\t85"; "建设单位：甲公司\t联系人\t张三"): its cells, read like a
 * table row but pairing only known labels and labels ending in a colon,
 * since a row of a data table looks the same ("1\t反应釜\t4台"); cells
 * holding "标签：值" are read as lines. */
static void tab_row(fl_fx *fx, const char *s, size_t len, int bi, const char *group, bool form)
{
    typedef struct seg { const char *s; size_t len; fl_fx_label li; bool label; } seg;
    seg g[32];
    size_t n = 0;
    for (size_t i = 0; i <= len && n < FL_NELEM(g);) {
        const char *tab = memchr(s + i, '\t', len - i);
        size_t e = tab ? (size_t)(tab - s) : len;
        const char *t = s + i;
        size_t tl = e - i;
        fl_fx_trim(&t, &tl);
        fl_fx_label li = fl_fx_label_of(&fx->scratch, t, tl, FL_FX_CELL_LABEL_CP);
        g[n++] = (seg){t, tl, li, li.known || (li.plausible && ends_with_colon(t, tl) && !not_a_label(li.name))};
        i = e + 1;
    }
    for (size_t k = 0; k < n;) {
        if (g[k].label && k + 1 < n && !g[k + 1].li.known) {
            fl_fx_add_named(fx, group, g[k].li.name, g[k + 1].s, g[k + 1].len, bi);
            k += 2;
            continue;
        }
        if (g[k].len) colon_line(fx, g[k].s, g[k].len, bi, group, form);
        k++;
    }
}

/* ---- values on the next line ---------------------------------------------- */

/* Where forms are: the cover (before the first heading), the 建设项目基本
 * 情况 part, the 编制单位和编制人员情况表, table cells. There a known label may
 * be left blank or have its value on the line below it; elsewhere a label
 * alone on a line introduces a list. */
static bool form_place(const fl_doc *doc, const fl_block *b)
{
    if (b->table || b->section < 0) return true;
    static const char *const parts[] = {"基本情况", "基本信息", "项目概况", "情况表"};
    for (int s = b->section; s >= 0; s = doc->sections[s].parent)
        for (size_t k = 0; k < FL_NELEM(parts); k++)
            if (strstr(doc->sections[s].title, parts[k])) return true;
    return false;
}

/* Whether the line s can be the value of the label name written on the line
 * before: a short line that is not a heading, a numbered item, a sentence,
 * another label or the cover's issuer line, and whose content fits the
 * label (a date for a date, a unit's name for a unit) — covers copied out of
 * a PDF put the labels in one column and the values after them. */
static bool next_line_value(fl_fx *fx, const char *name, const fl_block *b, const char *s, size_t len)
{
    if (b->kind == FL_BLOCK_HEADING || (b->flags & (FL_BF_TOC | FL_BF_LIST))) return false;
    fl_fx_trim(&s, &len);
    if (!len || fl_utf8_count(s, len) > 100 || fl_fx_numbering_prefix(s, len)) return false;
    if (has(s, len, "。") || has(s, len, "；") || has(s, len, ";")) return false;
    if (ends_with(s, len, "制") && (has(s, len, "部") || has(s, len, "局") || has(s, len, "厅"))) return false;
    size_t window = len < FL_FX_PARA_LABEL_CP * 4 + 16 ? len : FL_FX_PARA_LABEL_CP * 4 + 16;
    size_t clen, c = colon_at(s, window, 0, &clen);
    if (c < window && fl_fx_label_of(&fx->scratch, s, c, FL_FX_PARA_LABEL_CP).plausible) return false;
    if (fl_fx_label_of(&fx->scratch, s, len, FL_FX_CELL_LABEL_CP).known) return false;
    bool digit = false;
    for (size_t i = 0; i < len && !digit; i++) digit = s[i] >= '0' && s[i] <= '9';
    size_t nl = strlen(name);
    if (ends_with(name, nl, "日期")) return digit || has(s, len, "〇") || has(s, len, "年");
    static const char *const numeric[] = {"代码", "电话", "联系方式", "传真", "邮政编码", "编号"};
    for (size_t k = 0; k < FL_NELEM(numeric); k++)
        if (ends_with(name, nl, numeric[k])) return digit;
    if (ends_with(name, nl, "单位") || ends_with(name, nl, "单位名称")) return fl_fx_org_name(s, len);
    if (ends_with(name, nl, "项目名称"))
        return !fl_fx_org_name(s, len) && !((s[0] >= '0' && s[0] <= '9') && has(s, len, "年"));
    return true;
}

static bool same_place(const fl_doc *doc, const fl_block *a, const fl_block *b)
{
    const fl_block_extra *xa = fl_block_x(doc, a), *xb = fl_block_x(doc, b);
    return a->part == b->part && a->table == b->table && xa->row == xb->row && xa->col == xb->col;
}

void fl_fx_line(fl_fx *fx, int bi, const char *group)
{
    fl_doc *doc = fx->doc;
    const fl_block *b = &doc->blocks[bi];
    size_t len;
    const char *s = fl_block_mtext(doc, b, &len);
    const char *pending = fx->pending;
    fx->pending = NULL;
    if (b->flags & (FL_BF_TOC | FL_BF_LIST)) return;
    if (pending && bi == fx->pending_block + 1 && same_place(doc, &doc->blocks[fx->pending_block], b) &&
        next_line_value(fx, pending, b, s, len)) {
        /* the label line gave the field(s) an empty value: fill them in */
        fl_fx_trim(&s, &len);
        const char *v = fl_fx_field_value(doc, bi, s, len);
        for (size_t k = fx->pending_first; k < doc->nfields; k++) {
            doc->fields[k].value = v;
            doc->fields[k].block = bi;
        }
        return;
    }
    bool form = form_place(doc, b);
    if (memchr(s, '\t', len)) {
        tab_row(fx, s, len, bi, group, form);
        return;
    }
    const char *name = colon_line(fx, s, len, bi, group, form);
    if (name && form && b->kind != FL_BLOCK_HEADING) {
        fx->pending = fl_arena_strdup(&doc->arena, name);
        fx->pending_block = bi;
    }
}
