/* Kind `form`: a 报告表 against the layout it must be written in, read once
 * by the model (doc->form, model/form.h).
 *
 *   <form chapter-message="…{form}…{item}…" appendix-message="…" appendix-severity="warning"
 *         skip-chapters="主要环境影响和保护措施"
 *         field-message="…{item}…" tick-message="…{item}…{value}…">
 *     <field name="项目代码" labels="项目代码"/>
 *     <field name="建设性质" labels="建设性质" ticked="one"/>
 *   </form>
 *
 * - The 1999 layout on a filing judged after it was replaced: one finding
 *   (the rule's message), at line 1 — the rules that would report each
 *   chapter the old layout names otherwise stand down (unless-form).
 * - A 2021 layout: each of its chapters missing (chapter-message), at the
 *   heading of the next chapter found; the table the 污染影响类 form appends
 *   (建设项目污染物排放量汇总表) missing (appendix-message, at
 *   appendix-severity; only when every chapter was read); not the chapters
 *   `skip-chapters` matches, which another rule reports missing. Only when
 *   all chapters but two at most were found: a filing whose chapters could
 *   not be read is not told it lacks them.
 * - The rows of its 一、建设项目基本情况 table: a row neither read as a
 *   field (`labels`, field names) nor whose label is anywhere in the text
 *   (field-message, at the chapter's heading) — a label the field reader
 *   missed is not a missing row; with ticked="one", a row with several
 *   options ticked (tick-message), or none: an error in a Word file, a
 *   warning in a copy (text, Markdown), where a tick drawn as a picture is
 *   lost. Only when the chapter and half the rows (three at least) were read.
 * An unknown form, or a document of another type, gets nothing.
 * Linear: the sections once per chapter, the blocks once per row label. */
#include "rules/kind.h"
#include "model/form.h"
#include "input/readers.h"
#include "core/buf.h"
#include <stdlib.h>
#include <string.h>

/* How much of the layout must have been read before what is not read is
 * said to be missing. Real filings are complete; a 2021 form with half its
 * chapters unread is an excerpt, a chapter bound as a scanned page, or a
 * layout the section reader missed, far more often than a form that lacks
 * them — and a false "missing chapter" error is what gets a linter switched
 * off. So: all chapters but two, and half the rows of 表一. */
#define MISSING_CHAPTERS_MAX 2
#define MIN_ROWS_SHARE 2 /* one row in MIN_ROWS_SHARE read, at least */

typedef struct row {
    const char *name;
    const char **labels; size_t nlabels;
    bool one;          /* exactly one option ticked */
} row;

typedef struct form_k {
    const char *chapter_msg, *chapter_msg_en;
    const char *appendix_msg, *appendix_msg_en;
    const char *field_msg, *field_msg_en;
    const char *tick_msg, *tick_msg_en;
    int appendix_severity;
    const fl_pattern *skip; /* chapters another rule reports missing */
    row *rows; size_t nrows;
} form_k;

static const char *const vars[] = {"form", "item", "value", "date", NULL};

static int parse(fl_rule *rule, const xmlNode *el, fl_loader *ld, fl_error *err)
{
    form_k *k = fl_loader_alloc(ld, sizeof *k);
    if (fl_loader_message(ld, el, rule, "chapter-message", &k->chapter_msg, err) ||
        fl_loader_message(ld, el, rule, "chapter-message-en", &k->chapter_msg_en, err) ||
        fl_loader_message(ld, el, rule, "appendix-message", &k->appendix_msg, err) ||
        fl_loader_message(ld, el, rule, "appendix-message-en", &k->appendix_msg_en, err) ||
        fl_loader_message(ld, el, rule, "field-message", &k->field_msg, err) ||
        fl_loader_message(ld, el, rule, "field-message-en", &k->field_msg_en, err) ||
        fl_loader_message(ld, el, rule, "tick-message", &k->tick_msg, err) ||
        fl_loader_message(ld, el, rule, "tick-message-en", &k->tick_msg_en, err) ||
        fl_loader_severity(ld, el, "appendix-severity", &k->appendix_severity, err) ||
        fl_loader_pattern_attr(ld, el, "skip-chapters", &k->skip, err))
        return -1;
    size_t n = 0;
    for (const xmlNode *c = fl_xml_first(el); c; c = fl_xml_next(c)) n++;
    k->rows = fl_loader_alloc(ld, (n + 1) * sizeof *k->rows);
    for (const xmlNode *c = fl_xml_first(el); c; c = fl_xml_next(c)) {
        if (!fl_xml_named(c, "field")) return fl_loader_error(err, ld, c, "<form> holds <field> elements only");
        row *r = &k->rows[k->nrows++];
        r->name = fl_loader_attr(ld, c, "name");
        if (!r->name) return fl_loader_error(err, ld, c, "<field> needs name=\"…\"");
        const char *labels = fl_loader_attr(ld, c, "labels");
        r->nlabels = fl_loader_list(ld, labels ? labels : r->name, true, &r->labels);
        const char *t = fl_loader_attr(ld, c, "ticked");
        if (t && strcmp(t, "one")) return fl_loader_error(err, ld, c, "ticked must be \"one\"");
        r->one = t != NULL;
    }
    rule->data = k;
    return 0;
}

static void emit(fl_scan *s, int block, int severity, const char *msg, const char *msg_en, const char *form,
                 const char *item, const char *value)
{
    fl_hit h = {.block = block, .severity = severity, .message = msg, .message_en = msg_en, .item = item};
    fl_hit_var(&h, "form", form);
    fl_hit_var(&h, "item", item ? item : "");
    fl_hit_var(&h, "value", value ? value : "");
    fl_hit_var(&h, "date", "2021-04-01");
    fl_scan_emit(s, &h);
}

/* The 2021 chapters: the missing ones, at the next chapter found. */
static int chapters(const fl_rule *rule, fl_scan *s, const fl_form_def *f)
{
    const form_k *k = rule->data;
    const fl_doc *doc = fl_scan_doc(s);
    int at[8], found = 0;
    for (size_t i = 0; i < f->nchapters && i < 8; i++)
        if ((at[i] = fl_form_chapter_block(doc, &f->chapters[i])) >= 0) found++;
    if ((size_t)found + MISSING_CHAPTERS_MAX < f->nchapters || found < 2) return -1;
    for (size_t i = 0; i < f->nchapters && i < 8; i++) {
        if (at[i] >= 0) continue;
        int skip = k->skip ? fl_scan_test(s, k->skip, f->chapters[i].title) : 0;
        if (skip < 0) return -1;
        if (skip) continue; /* another rule reports this chapter missing */
        int where = -1;
        for (size_t j = i + 1; j < f->nchapters && j < 8 && where < 0; j++) where = at[j];
        for (size_t j = i; j-- > 0 && where < 0;) where = at[j];
        emit(s, where, -1, k->chapter_msg, k->chapter_msg_en, f->label, f->chapters[i].title, NULL);
    }
    /* the appended table only of a form read whole: it is often bound
     * after the 附图 and 附件, which excerpts leave out */
    if (f->appendix && (size_t)found == f->nchapters && fl_form_appendix_block(doc, f) < 0)
        emit(s, -1, k->appendix_severity, k->appendix_msg, k->appendix_msg_en, f->label, f->appendix, NULL);
    return at[0];
}

/* Is the label written anywhere, white space left out (是否开工建 设)? */
static bool label_in_text(fl_scan *s, const char *label)
{
    const fl_doc *doc = fl_scan_doc(s);
    fl_buf b = FL_BUF_INIT;
    bool found = false;
    for (size_t i = 0; i < doc->nblocks && !found; i++) {
        const fl_norm *n = fl_scan_norm(s, (int)i);
        fl_buf_clear(&b);
        for (size_t j = 0; j < n->len; j++)
            if (n->text[j] != ' ') fl_buf_addc(&b, n->text[j]);
        fl_buf_addc(&b, '\0');
        found = strstr(b.data, label) != NULL;
    }
    fl_buf_free(&b);
    return found;
}

static const fl_field *row_field(const fl_doc *doc, const row *r)
{
    for (size_t j = 0; j < r->nlabels; j++) {
        const fl_field *f = fl_doc_field(doc, r->labels[j]);
        if (f) return f;
    }
    return NULL;
}

static void rows(const fl_rule *rule, fl_scan *s, const fl_form_def *f, int basic)
{
    const form_k *k = rule->data;
    const fl_doc *doc = fl_scan_doc(s);
    size_t read = 0;
    for (size_t i = 0; i < k->nrows; i++) read += row_field(doc, &k->rows[i]) != NULL;
    if (basic < 0 || read < 3 || read * MIN_ROWS_SHARE < k->nrows) return;
    bool word = fl_reader_of(doc)->word;
    for (size_t i = 0; i < k->nrows; i++) {
        const row *r = &k->rows[i];
        const fl_field *fd = row_field(doc, r);
        if (!fd) {
            bool written = false;
            for (size_t j = 0; j < r->nlabels && !written; j++) written = label_in_text(s, r->labels[j]);
            if (!written) emit(s, basic, -1, k->field_msg, k->field_msg_en, f->label, r->name, NULL);
            continue;
        }
        if (!r->one) continue;
        const char *v = fd->value ? fd->value : "";
        if (!*v) emit(s, fd->block, word ? FL_SEV_ERROR : FL_SEV_WARNING, k->tick_msg, k->tick_msg_en, f->label, r->name, "未勾选");
        else if (strstr(v, "、")) emit(s, fd->block, -1, k->tick_msg, k->tick_msg_en, f->label, r->name, v);
    }
}

static void run(const fl_rule *rule, fl_scan *s)
{
    const fl_doc *doc = fl_scan_doc(s);
    const char *doc_type = fl_scan_doc_type(s);
    if (!doc_type || strcmp(doc_type, "eia-form") || !doc->form) return;
    if (!strcmp(doc->form, FL_FORM_PRE2021)) {
        if (fl_form_replaced(doc->form, &fl_scan_judging(s)->date))
            emit(s, -1, -1, NULL, NULL, fl_form_def_of(doc->form)->label, NULL, NULL);
        return;
    }
    const fl_form_def *f = fl_form_def_of(doc->form);
    if (!f || !f->nchapters) return;
    int basic = chapters(rule, s, f);
    rows(rule, s, f, basic);
}

static void describe(const fl_rule *rule, FILE *out)
{
    const form_k *k = rule->data;
    fputs("1999年版格式（环发〔1999〕178号）于 2021-04-01 后编制：报告一次；2021年版格式：逐一核对章节", out);
    fputs("（污染影响类 一至六章及附表 建设项目污染物排放量汇总表；生态影响类 一至七章）\n", out);
    if (k->nrows) {
        fputs("一、建设项目基本情况须填写：", out);
        for (size_t i = 0; i < k->nrows; i++)
            fprintf(out, "%s%s%s", i ? "、" : "", k->rows[i].name, k->rows[i].one ? "（勾选且仅勾选一项）" : "");
        fputc('\n', out);
    }
}

const fl_kind fl_kind_form = {"form", vars, parse, run, describe};
