/* Kind `sheet`: the 编制单位和编制人员情况表 against the rest of the filing
 * (EIA507). The sheet is exported from the credit platform with the
 * preparing unit's registered name and code and the kind of document the
 * project was registered for; the cover, the 审批基础信息表 and any other
 * 编制单位 line must say the same, and the document must be that kind.
 *
 *   <sheet title="编制单位和编制人员情况表|编制人员情况表"
 *          unit-fields="编制单位 编制单位名称" others="编制单位 编制单位名称 评价单位 环评单位"
 *          code-fields="编制单位统一社会信用代码" type-fields="环境影响评价文件类型"
 *          code-message="..." code-message-en="..." type-message="..." type-message-en="..."/>
 *
 * The sheet is the blocks from the first short line matching title to the
 * next heading that is not one of its own parts (一、建设单位情况, 编制主持人
 * ...). Its fields are the reader's (model/fields*.c: label/value rows, and
 * 单位名称 under 二、编制单位情况 as 编制单位). The rule's message is for the
 * name; each finding is at the field outside the sheet that differs, since
 * the sheet cannot say which side is wrong.
 *
 * Names compare without white space, full and half width alike, and
 * without a trailing seal mark (（盖章）, 公章). 有限公司 against 有限责任公司
 * IS a difference: they are different registered names, and the sheet
 * carries the registered one. A name that contains the other (a cover line
 * with the date glued on) is not judged, nor a field in an attachment
 * (附件: an attached report names its own 编制单位). Silent when either side is
 * missing, when the sheet names two units or two kinds, or when the
 * document's type is unknown. */
#include "rules/kind.h"
#include "rules/evidence.h"
#include "core/norm.h"
#include <ctype.h>
#include <stdio.h>
#include <string.h>

typedef struct sheet_k {
    const fl_pattern *title;
    const char **unit_f, **others_f, **code_f, **type_f;
    size_t nunit_f, nothers_f, ncode_f, ntype_f;
    const char *code_message, *code_message_en, *type_message, *type_message_en;
} sheet_k;

static const char *const vars[] = {"field", "value", "expected", "other", NULL};

static int parse(fl_rule *rule, const xmlNode *el, fl_loader *ld, fl_error *err)
{
    sheet_k *k = fl_loader_alloc(ld, sizeof *k);
    k->nunit_f = fl_loader_list(ld, fl_loader_attr(ld, el, "unit-fields"), true, &k->unit_f);
    k->nothers_f = fl_loader_list(ld, fl_loader_attr(ld, el, "others"), true, &k->others_f);
    k->ncode_f = fl_loader_list(ld, fl_loader_attr(ld, el, "code-fields"), true, &k->code_f);
    k->ntype_f = fl_loader_list(ld, fl_loader_attr(ld, el, "type-fields"), true, &k->type_f);
    if (fl_loader_pattern_attr(ld, el, "title", &k->title, err) ||
        fl_loader_message(ld, el, rule, "code-message", &k->code_message, err) ||
        fl_loader_message(ld, el, rule, "code-message-en", &k->code_message_en, err) ||
        fl_loader_message(ld, el, rule, "type-message", &k->type_message, err) ||
        fl_loader_message(ld, el, rule, "type-message-en", &k->type_message_en, err))
        return -1;
    if (!k->title || !k->nunit_f || !k->nothers_f)
        return fl_loader_error(err, ld, el, "<sheet> needs title, unit-fields and others");
    if (k->ncode_f && !k->code_message) return fl_loader_error(err, ld, el, "<sheet> code-fields needs code-message");
    if (k->ntype_f && !k->type_message) return fl_loader_error(err, ld, el, "<sheet> type-fields needs type-message");
    if (fl_xml_first(el)) return fl_loader_error(err, ld, el, "<sheet> takes no content");
    rule->data = k;
    return 0;
}

/* ---- where the sheet is ----------------------------------------------------- */

/* Headings inside the sheet: its parts, not the filing's next chapter. */
static bool own_part(const char *t)
{
    static const char *const parts[] = {"单位情况", "人员情况", "编制主持人", "主要编制人员", "情况表", NULL};
    for (const char *const *p = parts; *p; p++)
        if (strstr(t, *p)) return true;
    return false;
}

#define MAX_TITLE 120  /* bytes: a title line, not a sentence mentioning the sheet */
#define MAX_SHEET 400  /* blocks: the sheet is one or two pages */

/* [*from, *to) of the sheet; false when the filing has none. */
static bool find_sheet(fl_scan *s, const sheet_k *k, size_t *from, size_t *to)
{
    const fl_doc *doc = fl_scan_doc(s);
    /* each line's label is dropped once tested: a filing of a million short
     * lines would otherwise keep a copy of every one until the rule ends */
    fl_arena labels;
    fl_arena_init(&labels);
    for (size_t b = 0; b < doc->nblocks; b++) {
        const fl_block *blk = &doc->blocks[b];
        if (!blk->len || blk->len > MAX_TITLE || (blk->flags & FL_BF_TOC) || blk->table) continue;
        if (labels.total > 64 * 1024) fl_arena_free(&labels);
        /* without white space: a PDF copy spaces a title out (编 制 单 位 …) */
        int rc = fl_scan_test(s, k->title, fl_norm_label(&labels, blk->text, blk->len));
        if (rc <= 0) {
            if (rc < 0) break;
            continue;
        }
        fl_arena_free(&labels);
        *from = b;
        size_t e = b + 1;
        for (; e < doc->nblocks && e < b + MAX_SHEET; e++) {
            const fl_block *x = &doc->blocks[e];
            if (x->kind == FL_BLOCK_HEADING && !own_part(x->text)) break;
        }
        *to = e;
        return true;
    }
    fl_arena_free(&labels);
    return false;
}

/* ---- values -------------------------------------------------------------------- */

static bool ends_with(const char *s, size_t len, const char *suf)
{
    size_t n = strlen(suf);
    return len >= n && !memcmp(s + len - n, suf, n);
}

/* A unit's name for comparing: no white space, width folded, no trailing
 * seal mark. */
static const char *unit_name(fl_arena *a, const char *v)
{
    static const char *const seals[] = {"(盖章)", "(公章)", "(签章)", "(章)", "盖章", "公章", NULL};
    char *n = fl_norm_label(a, v, strlen(v));
    size_t len = strlen(n);
    for (bool cut = true; cut;) {
        cut = false;
        for (const char *const *p = seals; *p; p++)
            if (ends_with(n, len, *p)) {
                len -= strlen(*p);
                cut = true;
            }
    }
    n[len] = '\0';
    return n;
}

/* A registered code: 18 of 0-9A-Z after folding; NULL otherwise. */
static const char *code_of(fl_arena *a, const char *v)
{
    char *n = fl_norm_label(a, v, strlen(v));
    size_t len = strlen(n);
    if (len != 18) return NULL;
    for (size_t i = 0; i < len; i++) {
        n[i] = (char)toupper((unsigned char)n[i]);
        if (!isdigit((unsigned char)n[i]) && !isupper((unsigned char)n[i])) return NULL;
    }
    return n;
}

static bool named(const fl_field *f, const char **names, size_t n) { return fl_evidence_field_named(f->name, names, n, NULL); }

/* The one value the sheet gives for names (as read by norm), its field in
 * *at; NULL when none or two different ones. */
static const char *sheet_value(fl_scan *s, const char **names, size_t n, size_t from, size_t to,
                               const char *(*norm)(fl_arena *, const char *), const fl_field **at)
{
    const fl_doc *doc = fl_scan_doc(s);
    const char *one = NULL;
    *at = NULL;
    for (size_t i = 0; i < doc->nfields; i++) {
        const fl_field *f = &doc->fields[i];
        if (f->block < 0 || (size_t)f->block < from || (size_t)f->block >= to || !named(f, names, n)) continue;
        const char *v = norm(fl_scan_arena(s), f->value ? f->value : "");
        if (!v || !*v) continue;
        if (one && strcmp(one, v)) return NULL;
        if (!one) {
            one = v;
            *at = f;
        }
    }
    return one;
}

static bool has_han(const char *v)
{
    for (; *v; v++)
        if ((unsigned char)*v >= 0xE4 && (unsigned char)*v <= 0xE9) return true;
    return false;
}

/* Is block b in an attachment (a section titled 附件…, at any level)? An
 * attached 水土保持方案 or 检测报告 names its own 编制单位. */
static bool in_attachment(const fl_doc *doc, int b)
{
    for (int sec = doc->blocks[b].section; sec >= 0; sec = doc->sections[sec].parent)
        if (strstr(doc->sections[sec].title, "附件")) return true;
    return false;
}

/* Fields outside the sheet named in names whose value differs from the
 * sheet's; contains: a value containing the other is no difference. */
static void compare_outside(fl_scan *s, const char **names, size_t n, size_t from, size_t to, const char *sheet,
                            const fl_field *sheet_f, const char *(*norm)(fl_arena *, const char *), bool contains,
                            const char *message, const char *message_en)
{
    const fl_doc *doc = fl_scan_doc(s);
    for (size_t i = 0; i < doc->nfields; i++) {
        const fl_field *f = &doc->fields[i];
        if (f->block < 0 || ((size_t)f->block >= from && (size_t)f->block < to) || in_attachment(doc, f->block)) continue;
        if (!named(f, names, n)) continue;
        const char *v = norm(fl_scan_arena(s), f->value ? f->value : "");
        if (!v || !*v || !strcmp(v, sheet)) continue;
        if (contains && (!has_han(v) || strstr(v, sheet) || strstr(sheet, v))) continue;
        fl_hit h = {.block = f->block, .severity = -1, .message = message, .message_en = message_en};
        fl_hit_var(&h, "field", f->name);
        fl_hit_var(&h, "value", f->value);
        fl_hit_var(&h, "expected", sheet_f->value);
        fl_hit_var(&h, "other", sheet_f->name);
        fl_scan_emit(s, &h);
    }
}

static const char *type_word(fl_arena *a, const char *v)
{
    const char *n = fl_norm_label(a, v, strlen(v));
    bool book = strstr(n, "报告书") != NULL, form = strstr(n, "报告表") != NULL || strstr(n, "报告书(表)") != NULL;
    if (book == form) return NULL; /* neither, or both: 报告书（表） */
    return book ? "eia-book" : "eia-form";
}

static void run(const fl_rule *rule, fl_scan *s)
{
    const sheet_k *k = rule->data;
    size_t from, to;
    if (!find_sheet(s, k, &from, &to) || fl_scan_failed(s)) return;
    const fl_field *at;
    const char *name = sheet_value(s, k->unit_f, k->nunit_f, from, to, unit_name, &at);
    if (name && has_han(name))
        compare_outside(s, k->others_f, k->nothers_f, from, to, name, at, unit_name, true, NULL, NULL);
    if (k->ncode_f) {
        const char *code = sheet_value(s, k->code_f, k->ncode_f, from, to, code_of, &at);
        if (code)
            compare_outside(s, k->code_f, k->ncode_f, from, to, code, at, code_of, false, k->code_message,
                            k->code_message_en);
    }
    const char *doc_type = fl_scan_doc_type(s);
    if (k->ntype_f && doc_type && (!strcmp(doc_type, "eia-book") || !strcmp(doc_type, "eia-form"))) {
        const char *t = sheet_value(s, k->type_f, k->ntype_f, from, to, type_word, &at);
        if (t && strcmp(t, doc_type)) {
            fl_hit h = {.block = at->block, .severity = -1, .message = k->type_message, .message_en = k->type_message_en};
            fl_hit_var(&h, "field", at->name);
            fl_hit_var(&h, "value", at->value);
            fl_hit_var(&h, "expected", !strcmp(doc_type, "eia-book") ? "环境影响报告书" : "环境影响报告表");
            fl_hit_var(&h, "other", "");
            fl_scan_emit(s, &h);
        }
    }
}

static void list(FILE *out, const char **names, size_t n)
{
    for (size_t i = 0; i < n; i++) fprintf(out, "%s%s", i ? " " : "", names[i]);
}

static void describe(const fl_rule *rule, FILE *out)
{
    const sheet_k *k = rule->data;
    fprintf(out, "情况表：从标题 /%s/ 到下一个不属于它的标题\n情况表中的 ", k->title->source);
    list(out, k->unit_f, k->nunit_f);
    fputs(" 对照情况表之外的 ", out);
    list(out, k->others_f, k->nothers_f);
    fputs("（不计空格、全角半角和末尾的盖章字样；有限公司与有限责任公司算不同；一方包含另一方时不判断）\n", out);
    if (k->ncode_f) {
        fputs("情况表中的 ", out);
        list(out, k->code_f, k->ncode_f);
        fputs(" 对照情况表之外的同名字段（18 位代码）\n", out);
    }
    if (k->ntype_f) {
        fputs("情况表中的 ", out);
        list(out, k->type_f, k->ntype_f);
        fputs(" 对照识别出的文件类型（报告书 / 报告表）\n", out);
    }
    fputs("任一方缺失、情况表中同一项有两个不同的值、文件类型未识别时不判断\n", out);
}

const fl_kind fl_kind_sheet = {"sheet", vars, parse, run, describe};
