/* Named fields: the key facts of a filing read once into label -> value
 * pairs, from label/value table rows (2, 4 or 6 cells: label, value, label,
 * value...) and from "标签：值" paragraphs such as the cover lines. Checkbox
 * values keep only the ticked option(s). Every occurrence is kept, in document
 * order, because rules compare the cover with the tables; fl_doc_field()
 * returns the first. */
#include "model/doc.h"
#include "core/buf.h"
#include "core/norm.h"
#include "core/utf8.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define MAX_PARA_LABEL_CP 20
#define MAX_CELL_LABEL_CP 24

/* Labels of the forms filings use (domain-facts §1.3, §3; rules.md), as
 * normalised and without a trailing "(unit)" group. A known label is a label
 * even in a row that otherwise looks like a grid header. */
static const char *const known_labels[] = {
    "项目名称", "建设项目名称", "项目代码", "建设单位", "建设单位联系人", "联系人", "联系方式",
    "联系电话", "建设地点", "地理坐标", "国民经济行业类别", "建设项目行业类别", "建设性质",
    "建设项目申报情形", "项目审批(核准/备案)部门", "项目审批(核准/备案)文号", "总投资",
    "环保投资", "环保投资占比", "施工工期", "是否开工建设", "用地(用海)面积", "专项评价设置情况",
    "规划情况", "规划环境影响评价情况", "规划及规划环境影响评价符合性分析", "其他符合性分析",
    "编制日期", "编制单位", "统一社会信用代码", "项目单位", "立项批复单位", "实施方案审查单位",
    "拟申请中央资金额度", "项目周期", "项目编号", "建设项目类别", "环境影响评价文件类型",
    "单位名称", "法定代表人", "主要负责人", "直接负责的主管人员", "项目负责人", "项目地址",
    "实施周期", "项目类型", "编制主持人", "主要编制人员",
};

static const char *const tick_marks[] = {"☑", "■", "√", "☒", "▣", "✓", "✔"};
static const char *const box_marks[] = {"□", "☐"};

/* ---- small text helpers ------------------------------------------------- */

static bool is_cjk(uint32_t cp)
{
    return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
           (cp >= 0xF900 && cp <= 0xFAFF);
}

static bool is_space_cp(uint32_t cp)
{
    return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0xA0 || cp == 0x3000;
}

static size_t match_any(const char *s, size_t len, const char *const *list, size_t n)
{
    for (size_t k = 0; k < n; k++) {
        size_t m = strlen(list[k]);
        if (m <= len && !memcmp(s, list[k], m)) return m;
    }
    return 0;
}

#define NELEM(a) (sizeof(a) / sizeof *(a))

static void trim(const char **s, size_t *len)
{
    while (*len) {
        uint32_t cp;
        size_t n = fl_utf8_decode(*s, *len, &cp);
        if (!is_space_cp(cp)) break;
        *s += n;
        *len -= n;
    }
    while (*len) {
        size_t i = *len - 1;
        while (i > 0 && ((unsigned char)(*s)[i] & 0xC0) == 0x80) i--;
        uint32_t cp;
        fl_utf8_decode(*s + i, *len - i, &cp);
        if (!is_space_cp(cp)) break;
        *len = i;
    }
}

/* "1、" "（一）" "2." in front of a label ("（1）建设单位：…"). */
static size_t numbering_prefix(const char *s, size_t len)
{
    size_t i = 0;
    bool paren = false;
    if (len >= 3 && !memcmp(s, "（", 3)) { i = 3; paren = true; }
    else if (len >= 1 && s[0] == '(') { i = 1; paren = true; }
    size_t digits = 0;
    while (i < len) {
        if (s[i] >= '0' && s[i] <= '9') { i++; digits++; continue; }
        static const char *const cn[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
        size_t m = match_any(s + i, len - i, cn, NELEM(cn));
        if (!m) break;
        i += m;
        digits++;
    }
    if (!digits || digits > 3) return 0;
    static const char *const close_paren[] = {"）", ")"};
    static const char *const close_plain[] = {"、", "．", ".", "）", ")"};
    size_t m = paren ? match_any(s + i, len - i, close_paren, 2) : match_any(s + i, len - i, close_plain, 5);
    return m ? i + m : 0;
}

typedef struct label_info {
    const char *name; /* normalised */
    bool plausible, known;
} label_info;

/* Known labels compare without a trailing unit group: 总投资(万元) -> 总投资. */
static bool is_known(const char *name)
{
    size_t n = strlen(name);
    for (size_t k = 0; k < NELEM(known_labels); k++) {
        size_t m = strlen(known_labels[k]);
        if (m > n || memcmp(name, known_labels[k], m)) continue;
        if (m == n || name[m] == '(') return true;
    }
    return false;
}

/* Short, no sentence punctuation, some Chinese, no checkbox, not a number:
 * what a form label looks like. */
static label_info label_of(fl_arena *a, const char *s, size_t len, size_t max_cp)
{
    label_info li = {NULL, false, false};
    trim(&s, &len);
    size_t pre = numbering_prefix(s, len);
    if (pre && pre < len) { s += pre; len -= pre; }
    if (!len || len > max_cp * 4 + 16) return li;
    li.name = fl_norm_label(a, s, len);
    size_t count = 0;
    bool cjk = false;
    for (size_t i = 0; li.name[i];) {
        uint32_t cp;
        const char *p = li.name + i;
        size_t rest = strlen(p);
        if (match_any(p, rest, tick_marks, NELEM(tick_marks)) || match_any(p, rest, box_marks, NELEM(box_marks)))
            return li;
        i += fl_utf8_decode(p, rest, &cp);
        count++;
        if (cp == 0x3002 || cp == ';' || cp == '!' || cp == '?' || cp == 0xFF0C || cp == ',' ||
            cp == ':' || cp == 0x3001 || cp == '"' || cp == 0x201C || cp == 0x300A || cp == 0x300B)
            return li;
        if (is_cjk(cp)) cjk = true;
    }
    if (!count || count > max_cp || !cjk || (li.name[0] >= '0' && li.name[0] <= '9')) return li;
    li.plausible = true;
    li.known = is_known(li.name);
    return li;
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
    return is_space_cp(cp) || cp == 0x3001 || cp == 0xFF1B || cp == ';' || cp == 0xFF1A || cp == ':' ||
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
        if ((m = match_any(s + i, len - i, tick_marks, NELEM(tick_marks)))) ticked = box = true;
        else if ((m = match_any(s + i, len - i, box_marks, NELEM(box_marks)))) box = true;
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
    trim(&s, &len);
    static const char *const tail[] = {"_", "＿", "：", ":", "、", "，", ",", "；", ";", " ", "　"};
    for (bool again = true; again && len;) {
        again = false;
        for (size_t k = 0; k < NELEM(tail); k++) {
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
static bool checkbox_value(fl_arena *a, const char *s, size_t len, const char **value)
{
    mark mk[64];
    size_t strong;
    size_t n = find_marks(s, len, mk, NELEM(mk), &strong);
    if (n == 0 || (strong == 0 && n < 2)) return false;
    const char *t = s;
    size_t tl = len;
    trim(&t, &tl);
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

/* ---- adding fields ------------------------------------------------------ */

static void add_field(fl_doc *doc, const char *name, const char *value, size_t vlen, int block)
{
    trim(&value, &vlen);
    const char *v;
    if (!checkbox_value(&doc->arena, value, vlen, &v)) v = fl_arena_strndup(&doc->arena, value, vlen);
    FL_VEC_RESERVE(doc->fields, doc->cap_fields, doc->nfields + 1);
    doc->fields[doc->nfields++] = (fl_field){name, v, block};
}

static bool has_field(const fl_doc *doc, const char *name)
{
    for (size_t i = 0; i < doc->nfields; i++)
        if (!strcmp(doc->fields[i].name, name)) return true;
    return false;
}

/* Adds name = value, and for the rows of the 编制单位和编制人员情况表 also
 * the name qualified by whose it is (group 建设单位 / 编制单位): 单位名称 ->
 * 编制单位, 统一社会信用代码 -> 编制单位统一社会信用代码. */
static void add_named(fl_doc *doc, const char *group, const char *label, const char *value, size_t vlen, int block)
{
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
static const char *group_of(const char *name)
{
    if (strstr(name, "建设单位情况")) return "建设单位";
    if (strstr(name, "编制单位情况")) return "编制单位";
    if (strstr(name, "编制人员情况")) return NULL;
    return "";
}

/* ---- paragraphs: 标签：值 ------------------------------------------------- */

static size_t colon_at(const char *s, size_t len, size_t from, size_t *clen)
{
    int quote = 0; /* 《标准 第7部分：其他行业》 is a title, not label：value */
    for (size_t i = from; i < len; i++) {
        if (len - i >= 3 && !memcmp(s + i, "《", 3)) quote++;
        else if (len - i >= 3 && !memcmp(s + i, "》", 3) && quote) quote--;
        if (quote) continue;
        bool digit_before = i > 0 && s[i - 1] >= '0' && s[i - 1] <= '9';
        bool digit_after = i + 1 < len && s[i + 1] >= '0' && s[i + 1] <= '9';
        if (s[i] == ':' && digit_before && digit_after) continue; /* 10:30, 1:1000 */
        if (s[i] == ':') { *clen = 1; return i; }
        if (len - i >= 3 && !memcmp(s + i, "：", 3)) { *clen = 3; return i; }
    }
    return len;
}

/* The start of a second "标签：" on the same line, after a gap of white space
 * ("建设单位：XX公司　　联系人：张三"); len when there is none. */
static size_t second_label(fl_arena *a, const char *s, size_t len, size_t from)
{
    size_t clen, c = colon_at(s, len, from, &clen);
    if (c >= len) return len;
    size_t gap_end = 0, i = from;
    while (i < c) {
        uint32_t cp;
        size_t n = fl_utf8_decode(s + i, len - i, &cp);
        if (cp == 0x3000 || cp == '\t' || (cp == ' ' && i + 1 < c && s[i + 1] == ' ')) {
            size_t j = i;
            while (j < c) {
                size_t m = fl_utf8_decode(s + j, len - j, &cp);
                if (!is_space_cp(cp)) break;
                j += m;
            }
            gap_end = j;
            i = j;
            continue;
        }
        i += n;
    }
    if (!gap_end || gap_end >= c) return len;
    label_info li = label_of(a, s + gap_end, c - gap_end, MAX_PARA_LABEL_CP);
    return li.plausible ? gap_end : len;
}

static void paragraph_fields(fl_doc *doc, fl_arena *scratch, const fl_block *b, int bi, const char *group)
{
    const char *s = b->text;
    size_t len = b->len, pos = 0;
    while (pos < len) {
        size_t window = len - pos < MAX_PARA_LABEL_CP * 4 + 16 ? len : pos + MAX_PARA_LABEL_CP * 4 + 16;
        size_t clen, c = colon_at(s, window, pos, &clen);
        if (c >= window) return; /* no colon, or too far for a label: a sentence */
        label_info li = label_of(scratch, s + pos, c - pos, MAX_PARA_LABEL_CP);
        if (!li.plausible) return;
        size_t vstart = c + clen;
        size_t vend = second_label(scratch, s, len, vstart);
        const char *v = s + vstart;
        size_t vlen = vend - vstart;
        trim(&v, &vlen);
        /* "主要建设内容如下：" introduces a list; an empty value counts only
         * for the labels of a form ("建设单位（盖章）：" left blank). */
        if (vlen == 0 && !li.known) return;
        add_named(doc, group, li.name, v, vlen, bi);
        pos = vend;
    }
}

/* ---- tables -------------------------------------------------------------- */

typedef struct cell {
    int block;     /* first block of the cell */
    int last;      /* its last block (a cell may hold several paragraphs) */
    bool header;   /* in a table header row (w:tblHeader, a Markdown header) */
    const char *text;
    size_t len;
    label_info li;
} cell;

typedef struct table_state {
    int id;
    size_t grid_cells; /* >0 while inside a grid (data table) with this many cells a row */
    const char *group; /* 建设单位 / 编制单位 from a "一、建设单位情况" row, or NULL */
} table_state;

/* The cells of the row starting at block i, each cell's paragraphs (blocks
 * with the same coordinates) joined with LF; returns the next block. A 报告表
 * puts whole sections into one cell, so the join must stay linear. */
static size_t collect_row(const fl_doc *doc, size_t i, cell **cells, size_t *ncells, size_t *cap, fl_arena *scratch)
{
    const fl_block *first = &doc->blocks[i];
    size_t j = i;
    *ncells = 0;
    while (j < doc->nblocks && doc->blocks[j].table == first->table && doc->blocks[j].row == first->row &&
           doc->blocks[j].part == first->part) {
        const fl_block *b = &doc->blocks[j];
        cell *last = *ncells ? &(*cells)[*ncells - 1] : NULL;
        if (last && doc->blocks[last->last].col == b->col) {
            last->last = (int)j;
        } else {
            FL_VEC_RESERVE(*cells, *cap, *ncells + 1);
            (*cells)[(*ncells)++] = (cell){(int)j, (int)j, (b->flags & FL_BF_HEADER_ROW) != 0, b->text, b->len,
                                           {NULL, false, false}};
        }
        j++;
    }
    fl_buf joined = FL_BUF_INIT;
    for (size_t k = 0; k < *ncells; k++) {
        cell *c = &(*cells)[k];
        if (c->last > c->block) {
            fl_buf_clear(&joined);
            for (int m = c->block; m <= c->last; m++) {
                if (m > c->block) fl_buf_addc(&joined, '\n');
                fl_buf_add(&joined, doc->blocks[m].text, doc->blocks[m].len);
            }
            c->text = fl_arena_strndup(scratch, joined.data, joined.len);
            c->len = joined.len;
        }
        c->li = label_of(scratch, c->text, c->len, MAX_CELL_LABEL_CP);
    }
    fl_buf_free(&joined);
    return j;
}

static bool empty_cell(const cell *c)
{
    const char *s = c->text;
    size_t n = c->len;
    trim(&s, &n);
    return n == 0;
}

/* "一、建设单位情况" / "二、编制单位情况" rows of the 编制单位和编制人员情况表
 * say whose 单位名称 and 统一社会信用代码 the following rows give. */
static bool group_row(table_state *ts, const cell *cells, size_t n, bool *has_group)
{
    size_t filled = 0;
    bool group = false;
    for (size_t k = 0; k < n; k++) {
        if (empty_cell(&cells[k])) continue;
        filled++;
        if (!cells[k].li.name || group) continue;
        const char *g = group_of(cells[k].li.name);
        if (g && !*g) continue;
        ts->group = g;
        group = true;
    }
    *has_group = group;
    return group && filled == 1;
}

static void add_pair(fl_doc *doc, table_state *ts, const cell *label, const cell *value)
{
    add_named(doc, ts->group, label->li.name, value->text, value->len, value->block);
}

/* A header row of a data table: all short captions, and not laid out as
 * label, value, label, value (序号 | 名称 | 规模 | 备注; 职责 | 单位 |
 * 负责人 | 联系电话 with a form label in a value position). Two captions are
 * a header only in a row marked as one (项目内容 | 项目目标). */
static bool grid_header(const cell *cells, size_t n)
{
    bool marked = n >= 2;
    for (size_t k = 0; k < n; k++) marked = marked && cells[k].header;
    if (n < 3 && !marked) return false;
    bool known_label_pos = false, known_value_pos = false;
    for (size_t k = 0; k < n; k++) {
        if (!cells[k].li.plausible) return false;
        if (cells[k].li.known) *(k % 2 ? &known_value_pos : &known_label_pos) = true;
    }
    return n % 2 || known_value_pos || !known_label_pos;
}

static void row_fields(fl_doc *doc, table_state *ts, cell *cells, size_t n, bool *used)
{
    if (ts->grid_cells && n == ts->grid_cells) return;
    ts->grid_cells = 0;
    bool has_group;
    if (group_row(ts, cells, n, &has_group)) return;
    if (!has_group && grid_header(cells, n)) {
        ts->grid_cells = n;
        return;
    }
    for (size_t k = 0; k + 1 < n;) {
        const cell *l = &cells[k], *v = &cells[k + 1];
        /* a left column spanning rows ("一、建设单位情况 | 单位名称 | …") */
        if (!l->li.known && v->li.known) { k++; continue; }
        if (l->li.plausible) {
            add_pair(doc, ts, l, v);
            used[k] = used[k + 1] = true;
            k += 2;
            continue;
        }
        k++;
    }
}

void fl_fields_extract(fl_doc *doc)
{
    doc->nfields = 0;
    fl_arena scratch;
    fl_arena_init(&scratch);
    cell *cells = NULL;
    size_t cap = 0, ncells = 0;
    bool *used = NULL;
    size_t used_cap = 0;
    table_state ts = {0};
    const char *para_group = NULL;
    for (size_t i = 0; i < doc->nblocks;) {
        const fl_block *b = &doc->blocks[i];
        if ((b->part != FL_PART_BODY && b->part != FL_PART_TEXTBOX) || (b->flags & FL_BF_TOC)) {
            i++;
            continue;
        }
        if (b->table == 0) {
            if (b->kind == FL_BLOCK_HEADING) para_group = NULL;
            if (b->len <= 3 * 24 && strstr(b->text, "情况")) {
                const char *g = group_of(fl_norm_label(&scratch, b->text, b->len));
                if (!g || *g) para_group = g;
            }
            paragraph_fields(doc, &scratch, b, (int)i, para_group);
            i++;
            continue;
        }
        if (b->table != ts.id) ts = (table_state){.id = b->table};
        size_t next = collect_row(doc, i, &cells, &ncells, &cap, &scratch);
        FL_VEC_RESERVE(used, used_cap, ncells + 1);
        memset(used, 0, ncells * sizeof *used);
        row_fields(doc, &ts, cells, ncells, used);
        for (size_t k = 0; k < ncells; k++)
            if (!used[k] && !(ts.grid_cells && ncells == ts.grid_cells))
                paragraph_fields(doc, &scratch, &doc->blocks[cells[k].block], cells[k].block, ts.group);
        i = next;
    }
    /* Canonical names rules can rely on, added only when the filing does not
     * use them itself. */
    size_t n = doc->nfields;
    for (size_t k = 0; k < n; k++)
        if (!strcmp(doc->fields[k].name, "建设项目名称") && !has_field(doc, "项目名称")) {
            FL_VEC_RESERVE(doc->fields, doc->cap_fields, doc->nfields + 1);
            doc->fields[doc->nfields++] = (fl_field){"项目名称", doc->fields[k].value, doc->fields[k].block};
        }
    free(cells);
    free(used);
    fl_arena_free(&scratch);
}
