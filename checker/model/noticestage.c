/* The stage of a public-participation notice (doc->notice): which of the
 * three notices 《环境影响评价公众参与办法》（生态环境部令第4号） asks of a
 * 报告书 project it is, read once so that the rules on what each notice must
 * state (rulesets/eia-pp.xml) all run on the same reading.
 *
 *   first  首次环境影响评价信息公开 (第九条): within 7 working days of
 *          commissioning the 报告书; titles "…环境影响评价第一次公示",
 *          "…首次环境影响评价信息公开", "…第一次信息公示".
 *   draft  征求意见稿公示 (第十条, through the channels of 第十一条); titles
 *          "…环境影响报告书（征求意见稿）公示", "…第二次信息公示".
 *   final  报批前公开 (第二十条): the 报告书 to be submitted and the
 *          公众参与说明; titles "…报批前公示", "…拟报批公示", "…全本公示",
 *          "…第三次公示".
 *
 * Where: the title lines of the cover (model/cover.h, the lines the rules'
 * in="title" sees) decide when they name exactly one stage. Else the
 * words of the text: a notice whose title says only "环境影响评价公示" tells
 * its stage in its opening ("现进行第一次信息公示", "征求意见稿已编制完成")
 * or in the items it lists ("提交公众意见表的方式和途径" belongs to the first
 * notice alone). Words of two stages (a 报批前 notice telling of the
 * 征求意见稿 period) leave the stage unknown: no rule judges the items of a
 * notice whose stage is not known.
 *
 * The result is doc->notice_stage with a reason, and the field 公示阶段
 * (首次公开, 征求意见稿公示, 报批前公开) that the rules test with
 * <when field="公示阶段" …/>, matching these words whole; a notice that
 * writes a 公示阶段 line of its own keeps it, and is judged only when its
 * words are these.
 *
 * Cost: the first cover blocks, then each body block once per stage word:
 * linear. */
#include "model/steps.h"
#include "doc/doc.h"
#include "core/memfind.h"
#include "core/norm.h"
#include "model/cover.h"
#include <stdio.h>
#include <string.h>

#define FIELD_NAME "公示阶段"
#define TITLE_MAX_BYTES (FL_COVER_TITLE_MAX_CP * 4)

typedef enum stage { S_FIRST, S_DRAFT, S_FINAL, S_N } stage;

static const char *const stage_names[S_N] = {"first", "draft", "final"};
static const char *const field_values[S_N] = {"首次公开", "征求意见稿公示", "报批前公开"};

/* Words a title uses for each stage. 第二次 is the draft: the 办法 has no
 * other second notice, and real second notices carry the draft's items. */
static const char *const title_words[S_N][8] = {
    {"第一次", "首次", "第1次", "一次公示", "一次信息公示", NULL},
    {"征求意见稿", "第二次", "第2次", "二次公示", "二次信息公示", "二次公开", NULL},
    {"报批前", "拟报批", "报批稿公示", "第三次", "第3次", "全本公示", "全文公示", NULL},
};

/* Words of the text that belong to one stage only: the opening that names
 * it, or an item only its article lists (第九条 提交公众意见表的方式和途径;
 * the draft's full text is 第十条's first item). */
static const char *const text_words[S_N][8] = {
    {"第一次公示", "第一次信息公示", "第一次环境影响评价信息公示", "首次公示", "首次信息公开",
     "首次环境影响评价信息公开", "提交公众意见表的方式", NULL},
    {"征求意见稿", "第二次公示", "第二次信息公示", NULL},
    {"报批前", "拟报批", NULL},
};

/* Bit s set when t holds a word of stage s. */
static unsigned stages_in(const char *t, size_t len, const char *const words[S_N][8])
{
    unsigned m = 0;
    for (int s = 0; s < S_N; s++)
        for (size_t k = 0; words[s][k]; k++)
            if (fl_memfind(t, len, words[s][k], strlen(words[s][k]))) {
                m |= 1u << s;
                break;
            }
    return m;
}

static int single(unsigned m)
{
    for (int s = 0; s < S_N; s++)
        if (m == 1u << s) return s;
    return -1;
}

/* "first, draft" for the reason. */
static const char *listed(fl_arena *a, unsigned m)
{
    const char *out = "";
    for (int s = 0; s < S_N; s++)
        if (m & (1u << s)) out = fl_arena_printf(a, "%s%s%s", out, *out ? ", " : "", stage_names[s]);
    return out;
}

void fl_notice_stage_read(fl_doc *doc)
{
    if (!doc->notice) return;
    fl_arena a;
    fl_arena_init(&a);
    unsigned title = 0, text = 0;
    int title_block = -1, text_block = -1;
    size_t n = doc->nblocks < FL_COVER_TITLE_BLOCKS ? doc->nblocks : FL_COVER_TITLE_BLOCKS;
    for (size_t i = 0; i < n; i++) {
        const fl_block *b = &doc->blocks[i];
        if (b->len > TITLE_MAX_BYTES || !fl_cover_title_line(doc, i)) continue;
        size_t len;
        const char *t = fl_block_mtext(doc, b, &len);
        const char *l = fl_norm_label(&a, t, len); /* "第 一 次" reads as one word */
        unsigned m = stages_in(l, strlen(l), title_words);
        if (m && title_block < 0) title_block = (int)i;
        title |= m;
    }
    int s = single(title);
    int block = title_block;
    const char *why = NULL;
    if (s >= 0) {
        why = fl_arena_printf(&a, "title line %d names the %s notice", doc->blocks[title_block].line, stage_names[s]);
    } else {
        for (size_t i = 0; i < doc->nblocks; i++) {
            const fl_block *b = &doc->blocks[i];
            if (!fl_cover_part(b) || fl_cover_title_line(doc, i) || !b->len) continue;
            size_t len;
            const char *t = fl_block_mtext(doc, b, &len);
            unsigned m = stages_in(t, len, text_words);
            if (m && text_block < 0) text_block = (int)i;
            text |= m;
        }
        s = title ? -1 : single(text);
        block = text_block;
        if (title)
            why = fl_arena_printf(&a, "the title names more than one stage (%s)", listed(&a, title));
        else if (s >= 0)
            why = fl_arena_printf(&a, "the title names no stage; the text has words of the %s notice only (line %d)",
                                  stage_names[s], doc->blocks[text_block].line);
        else if (text)
            why = fl_arena_printf(&a, "the title names no stage; the text has words of more than one (%s)",
                                  listed(&a, text));
        else
            why = "neither the title nor the text names the stage";
    }
    doc->notice_stage = s >= 0 ? stage_names[s] : NULL;
    doc->notice_stage_reason = fl_arena_strdup(&doc->arena, why);
    fl_arena_free(&a);
    if (s < 0 || fl_doc_field(doc, FIELD_NAME)) return;
    FL_VEC_RESERVE(doc->fields, doc->cap_fields, doc->nfields + 1);
    doc->fields[doc->nfields++] = (fl_field){FIELD_NAME, field_values[s], block, NULL};
}
