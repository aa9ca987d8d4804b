/* Document type from the cover and title (rules.md §Document types). Only
 * title-like lines count: lines of the cover region (the first body blocks)
 * and blocks the reader marked as the title, short and without sentence
 * punctuation, with 《…》 titles of other documents removed. A body sentence
 * that mentions a 报告书 deep in the text therefore never decides the type. */
#include "model/doc.h"
#include "core/norm.h"
#include "core/utf8.h"
#include <string.h>

#define COVER_BLOCKS 30
#define MAX_TITLE_CP 60

typedef struct cover {
    bool soil;       /* a soil-project word on a title line of the cover */
    bool control;    /* 风险管控 / 修复 on a title line */
} cover;

/* Words that make a plan, summary or signboard a soil-pollution project's
 * (TR23 一 names the project types): titles such as
 * 湘潭县受污染耕地安全利用项目实施方案 never say 土壤. */
static const char *const soil_words[] = {"土壤", "受污染耕地", "农用地", "安全利用", "污染地块",
                                         "风险管控", "修复", "用地调查"};

static bool soil_title(const char *t)
{
    for (size_t i = 0; i < sizeof soil_words / sizeof *soil_words; i++)
        if (strstr(t, soil_words[i])) return true;
    return false;
}

/* A cover line "编制单位：湖南省土壤肥料研究所" names an organisation, not
 * the document: a label before a colon means it is no title. */
static bool label_line(const char *t)
{
    const char *c = strchr(t, ':');
    return c && c - t <= 30;
}

/* Normalised title text without white space and without 《…》 citations;
 * NULL when the block is no title-like line. */
static char *title_text(fl_arena *a, const fl_block *b)
{
    if (b->len == 0 || b->len > MAX_TITLE_CP * 4) return NULL;
    char *t = fl_norm_label(a, b->text, b->len);
    if (fl_utf8_count(t, strlen(t)) > MAX_TITLE_CP) return NULL;
    if (strstr(t, "。") || strstr(t, ";") || strstr(t, "!") || strstr(t, "?")) return NULL;
    char *w = t;
    int depth = 0;
    for (const char *r = t; *r;) {
        if (!strncmp(r, "《", 3)) { depth++; r += 3; continue; }
        if (!strncmp(r, "》", 3) && depth > 0) { depth--; r += 3; continue; }
        if (depth) r++;
        else *w++ = *r++;
    }
    *w = '\0';
    return t;
}

static const char *type_of(const char *t, const cover *cv)
{
    if (strstr(t, "公示牌") && (cv->soil || cv->control)) return "soil-sign";
    if ((strstr(t, "实施方案") || strstr(t, "可行性研究报告")) && cv->soil) return "soil-plan";
    if (strstr(t, "总结报告") && cv->soil) return "soil-summary";
    if (strstr(t, "公众参与说明")) return "eia-pp";
    if (strstr(t, "报告书")) return "eia-book";
    if (strstr(t, "报告表")) return "eia-form";
    return NULL;
}

static bool cover_part(const fl_block *b)
{
    return (b->part == FL_PART_BODY || b->part == FL_PART_TEXTBOX) && !(b->flags & FL_BF_TOC);
}

static const char *detect(const fl_doc *doc, const char **why);

void fl_doctype_detect(fl_doc *doc)
{
    const char *why = NULL;
    doc->doc_type = detect(doc, &why);
    doc->doc_type_reason = why ? fl_arena_strdup(&doc->arena, why) : NULL;
}

static const char *detect(const fl_doc *doc, const char **why)
{
    fl_arena a;
    fl_arena_init(&a);
    const char *type = NULL;
    cover cv = {false, false};
    const char *lines[COVER_BLOCKS + 8];
    size_t nl = 0;
    /* Title blocks first, wherever they are, then the cover region. */
    for (size_t i = 0; i < doc->nblocks && nl < 8; i++) {
        const fl_block *b = &doc->blocks[i];
        if (!(b->flags & FL_BF_TITLE) || !cover_part(b)) continue;
        char *t = title_text(&a, b);
        if (t && *t) lines[nl++] = t;
    }
    size_t seen = 0;
    for (size_t i = 0; i < doc->nblocks && seen < COVER_BLOCKS; i++) {
        const fl_block *b = &doc->blocks[i];
        if (!cover_part(b) || (b->flags & FL_BF_TITLE)) continue;
        char *t = title_text(&a, b);
        if (b->len) seen++;
        if (t && *t) lines[nl++] = t;
    }
    for (size_t k = 0; k < nl; k++) {
        if (label_line(lines[k])) continue;
        if (soil_title(lines[k])) cv.soil = true;
        if (strstr(lines[k], "风险管控") || strstr(lines[k], "修复")) cv.control = true;
    }
    for (size_t k = 0; k < nl && !type; k++) type = type_of(lines[k], &cv);
    if (type) *why = "a title line of the cover";
    if (!type) {
        const char *title = fl_doc_prop(doc, "title");
        if (title) {
            fl_block tb = {.text = title, .len = strlen(title)};
            char *t = title_text(&a, &tb);
            if (t) {
                if (soil_title(t)) cv.soil = true;
                type = type_of(t, &cv);
                if (type) *why = "the document title property";
            }
        }
    }
    if (!type) *why = "no title line names a known kind of filing";
    fl_arena_free(&a);
    return type;
}
