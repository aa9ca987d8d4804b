/* Named fields: the key facts of a filing read once into label -> value
 * pairs, from label/value table rows (2, 4 or 6 cells: label, value, label,
 * value...) and from "标签：值" paragraphs such as the cover lines. Checkbox
 * values keep only the ticked option(s). Every occurrence is kept, in document
 * order, because rules compare the cover with the tables; fl_doc_field()
 * returns the first. */
#include "model/fields_int.h"
#include "core/norm.h"
#include "core/utf8.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* ---- adding fields ------------------------------------------------------ */

static void add_field(fl_doc *doc, const char *name, const char *value, size_t vlen, int block)
{
    fl_fx_trim(&value, &vlen);
    const char *v;
    if (!fl_fx_checkbox_value(&doc->arena, value, vlen, &v)) v = fl_arena_strndup(&doc->arena, value, vlen);
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
void fl_fx_add_named(fl_doc *doc, const char *group, const char *label, const char *value, size_t vlen, int block)
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
const char *fl_fx_group_of(const char *name)
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
                if (!fl_fx_is_space(cp)) break;
                j += m;
            }
            gap_end = j;
            i = j;
            continue;
        }
        i += n;
    }
    if (!gap_end || gap_end >= c) return len;
    fl_fx_label li = fl_fx_label_of(a, s + gap_end, c - gap_end, FL_FX_PARA_LABEL_CP);
    return li.plausible ? gap_end : len;
}

void fl_fx_paragraph(fl_doc *doc, fl_arena *scratch, const fl_block *b, int bi, const char *group)
{
    const char *s = b->text;
    size_t len = b->len, pos = 0;
    while (pos < len) {
        size_t window = len - pos < FL_FX_PARA_LABEL_CP * 4 + 16 ? len : pos + FL_FX_PARA_LABEL_CP * 4 + 16;
        size_t clen, c = colon_at(s, window, pos, &clen);
        if (c >= window) return; /* no colon, or too far for a label: a sentence */
        fl_fx_label li = fl_fx_label_of(scratch, s + pos, c - pos, FL_FX_PARA_LABEL_CP);
        if (!li.plausible) return;
        size_t vstart = c + clen;
        size_t vend = second_label(scratch, s, len, vstart);
        const char *v = s + vstart;
        size_t vlen = vend - vstart;
        fl_fx_trim(&v, &vlen);
        /* "主要建设内容如下：" introduces a list; an empty value counts only
         * for the labels of a form ("建设单位（盖章）：" left blank). */
        if (vlen == 0 && !li.known) return;
        fl_fx_add_named(doc, group, li.name, v, vlen, bi);
        pos = vend;
    }
}

void fl_fields_extract(fl_doc *doc)
{
    doc->nfields = 0;
    fl_arena scratch;
    fl_arena_init(&scratch);
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
                const char *g = fl_fx_group_of(fl_norm_label(&scratch, b->text, b->len));
                if (!g || *g) para_group = g;
            }
            fl_fx_paragraph(doc, &scratch, b, (int)i, para_group);
            i++;
            continue;
        }
        i = fl_fx_table(doc, &scratch, i);
    }
    /* Canonical names rules can rely on, added only when the filing does not
     * use them itself. */
    size_t n = doc->nfields;
    for (size_t k = 0; k < n; k++)
        if (!strcmp(doc->fields[k].name, "建设项目名称") && !has_field(doc, "项目名称")) {
            FL_VEC_RESERVE(doc->fields, doc->cap_fields, doc->nfields + 1);
            doc->fields[doc->nfields++] = (fl_field){"项目名称", doc->fields[k].value, doc->fields[k].block};
        }
    fl_arena_free(&scratch);
}
