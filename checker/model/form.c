/* The form a 报告表 is written in (doc->form, doc->form_reason), read once
 * so that EIA107 and the rules that stand down for an obsolete form see the
 * same reading.
 *
 * Two official layouts, and what tells them apart in real filings:
 *   - 环发〔1999〕178号, used until 2021-03-31: part titles 建设项目基本情况,
 *     建设项目所在地自然环境社会环境简况, 环境质量状况, 评价适用标准,
 *     建设项目工程分析, 项目主要污染物产生及预计排放情况, 环境影响分析,
 *     建设项目拟采取的防治措施及预期治理效果, 结论与建议; a 编制说明 page
 *     ("项目名称——指项目立项批复时的名称，应不超过30个字…") after the cover,
 *     which reads 国家环境保护总局制.
 *   - 环办环评〔2020〕33号, in use from 2021-04-01, two formats: 污染影响类
 *     (一、建设项目基本情况 … 六、结论, 附表 建设项目污染物排放量汇总表) and
 *     生态影响类 (一 … 七, with 六、生态环境保护措施监督检查清单). The cover
 *     says which: 建设项目环境影响报告表（污染影响类）.
 * Filings are typed without heading styles, copied from PDFs (titles glued
 * to their first paragraph) and OCR'd, so the titles are read from the
 * sections the section reader found and, for the 1999 titles that no other
 * text starts with, from the start of any paragraph.
 *
 * Decision: the cover word decides a 2021 format; else two distinct part
 * titles found only in one layout decide it (the titles both layouts or
 * ordinary filings share — 建设项目基本情况, 建设项目工程分析, 结论 — count
 * for none); titles of two layouts at once, or too few, leave it unknown.
 * Every block is looked at once or twice (its start, then the cover words):
 * linear. */
#include "model/form.h"
#include "model/steps.h"
#include "model/cover.h"
#include "core/buf.h"
#include "core/heading.h"
#include <string.h>

#define NELEM(a) (sizeof(a) / sizeof *(a))
#define SHOWN 3          /* titles named in the reason */
#define CAPTION_MAX 120  /* bytes: a caption or title, not a sentence naming the table */
#define TITLE_LINE_MAX 120 /* bytes of a title line typed as a paragraph */

static const char *const s_basic[] = {"建设项目基本情况", NULL};
static const char *const s_analysis[] = {"建设项目工程分析", "工程分析", NULL};
static const char *const s_status[] = {"区域环境质量现状", NULL};
static const char *const s_impacts[] = {"主要环境影响", NULL};
static const char *const s_list[] = {"环境保护措施监督检查清单", NULL};
static const char *const s_concl[] = {"结论", NULL};
static const char *const s_content[] = {"建设内容", NULL};
static const char *const s_eco_status[] = {"生态环境现状", NULL};
static const char *const s_eco_impacts[] = {"生态环境影响分析", NULL};
static const char *const s_eco_measures[] = {"主要生态环境保护措施", "生态环境保护措施", NULL};
static const char *const s_eco_list[] = {"生态环境保护措施监督检查清单", NULL};

static const fl_form_chapter pollution[] = {
    {"一、建设项目基本情况", s_basic, NULL, NULL},
    {"二、建设项目工程分析", s_analysis, NULL, NULL},
    {"三、区域环境质量现状、环境保护目标及评价标准", s_status, NULL, NULL},
    {"四、主要环境影响和保护措施", s_impacts, NULL, NULL},
    {"五、环境保护措施监督检查清单", s_list, "监督检查清单", NULL},
    {"六、结论", s_concl, NULL, NULL},
};

static const fl_form_chapter ecology[] = {
    {"一、建设项目基本情况", s_basic, NULL, NULL},
    {"二、建设内容", s_content, NULL, NULL},
    {"三、生态环境现状、保护目标及评价标准", s_eco_status, NULL, NULL},
    {"四、生态环境影响分析", s_eco_impacts, NULL, NULL},
    {"五、主要生态环境保护措施", s_eco_measures, NULL, "监督检查清单"},
    {"六、生态环境保护措施监督检查清单", s_eco_list, "监督检查清单", NULL},
    {"七、结论", s_concl, NULL, NULL},
};

static const fl_form_def forms[] = {
    {FL_FORM_POLLUTION, "污染影响类", {2021, 4, 1}, {0, 0, 0}, pollution, NELEM(pollution), "污染物排放量汇总表"},
    {FL_FORM_ECOLOGY, "生态影响类", {2021, 4, 1}, {0, 0, 0}, ecology, NELEM(ecology), NULL},
    {FL_FORM_PRE2021, "1999年版", {0, 0, 0}, {2021, 4, 1}, NULL, 0, NULL},
};

const fl_form_def *fl_form_def_of(const char *name)
{
    for (size_t i = 0; name && i < NELEM(forms); i++)
        if (!strcmp(forms[i].name, name)) return &forms[i];
    return NULL;
}

bool fl_form_replaced(const char *name, const fl_date *d)
{
    const fl_form_def *f = fl_form_def_of(name);
    if (!f || !f->until.y || !d || !d->y) return false;
    return fl_date_days(d) >= fl_date_days(&f->until); /* its earliest possible day */
}

/* The title of a line without white space and its number, in buf: white
 * space goes first, so that a PDF copy's "六 、结 论" reads as 结论. */
static const char *bare_title(const fl_doc *doc, const fl_block *b, char *buf, size_t cap)
{
    size_t len, o = 0;
    const char *t = fl_block_mtext(doc, b, &len);
    for (size_t i = 0; i < len && o + 4 < cap; i++) {
        unsigned char c = (unsigned char)t[i];
        if (c == ' ' || c == '\t' || c == '*') continue;
        if (c == 0xE3 && i + 2 < len && (unsigned char)t[i + 1] == 0x80 && (unsigned char)t[i + 2] == 0x80) {
            i += 2; /* U+3000 */
            continue;
        }
        buf[o++] = (char)c;
    }
    buf[o] = '\0';
    fl_typed ty;
    fl_typed_classify(&ty, buf, o);
    return ty.number_len && ty.number_len < o ? buf + ty.number_len : buf;
}

static bool chapter_is(const fl_form_chapter *c, const char *title)
{
    if (c->unless && strstr(title, c->unless)) return false;
    if (c->contains && strstr(title, c->contains)) return true;
    for (size_t k = 0; c->starts[k]; k++)
        if (!strncmp(title, c->starts[k], strlen(c->starts[k]))) return true;
    return false;
}

int fl_form_chapter_block(const fl_doc *doc, const fl_form_chapter *c)
{
    char buf[256];
    for (size_t i = 0; i < doc->nsections; i++) {
        const fl_block *b = &doc->blocks[doc->sections[i].block];
        if (chapter_is(c, bare_title(doc, b, buf, sizeof buf))) return doc->sections[i].block;
    }
    /* A title line the section reader did not take (too short to be seen as
     * spaced, no number family around it): a short body line outside tables
     * and contents that is the chapter's title and nothing else. */
    for (size_t i = 0; i < doc->nblocks; i++) {
        const fl_block *b = &doc->blocks[i];
        if (b->table || (b->flags & (FL_BF_TOC | FL_BF_LIST)) || b->part != FL_PART_BODY || b->len > TITLE_LINE_MAX) continue;
        const char *t = bare_title(doc, b, buf, sizeof buf);
        if (chapter_is(c, t) && strlen(t) <= TITLE_LINE_MAX / 2 && !strstr(t, "。")) return (int)i;
    }
    return -1;
}

int fl_form_appendix_block(const fl_doc *doc, const fl_form_def *f)
{
    if (!f->appendix) return -1;
    for (size_t i = 0; i < doc->nblocks; i++) {
        const fl_block *b = &doc->blocks[i];
        if (b->flags & (FL_BF_TOC | FL_BF_LIST)) continue;
        size_t len;
        const char *t = fl_block_mtext(doc, b, &len);
        if (len <= CAPTION_MAX && strstr(t, f->appendix)) return (int)i;
    }
    return -1;
}

/* ---- reading ------------------------------------------------------------ */

typedef struct evidence {
    unsigned mask;            /* distinct titles of this layout */
    int n;
    const char *shown[SHOWN];
    int line[SHOWN];
} evidence;

static void note(evidence *e, unsigned bit, const char *title, int line)
{
    if (e->mask & bit) return;
    e->mask |= bit;
    if (e->n < SHOWN) {
        e->shown[e->n] = title;
        e->line[e->n] = line;
    }
    e->n++;
}

/* The layout a title belongs to alone: 0 the 1999 form, 1 污染影响类,
 * 2 生态影响类; -1 a title of several layouts or an ordinary one. */
static int layout_of(int k)
{
    unsigned sets;
    bool generic;
    if (!fl_form_title_at(k, &sets, &generic) || generic) return -1;
    if (sets == FL_FORM_1999) return 0;
    if (sets == FL_FORM_2021) return 1;
    if (sets == FL_FORM_2021_ECO) return 2;
    return -1;
}

static void reason_titles(fl_buf *r, const char *what, const evidence *e)
{
    fl_buf_printf(r, "%s%s: ", r->len ? "; " : "", what);
    for (int k = 0; k < e->n && k < SHOWN; k++)
        fl_buf_printf(r, "%s%s (line %d)", k ? ", " : "", e->shown[k], e->line[k]);
    if (e->n > SHOWN) fl_buf_printf(r, " +%d", e->n - SHOWN);
}

void fl_form_read(fl_doc *doc)
{
    doc->form = NULL;
    doc->form_reason = NULL;
    if (!doc->doc_type || strcmp(doc->doc_type, "eia-form")) return;
    evidence ev[3];
    memset(ev, 0, sizeof ev);
    /* part titles: the sections found, then 1999 titles glued to their text */
    for (size_t i = 0; i < doc->nsections; i++) {
        const fl_block *b = &doc->blocks[doc->sections[i].block];
        size_t len;
        const char *t = fl_block_mtext(doc, b, &len);
        int k = fl_form_title_find(t, len, false), l = k >= 0 ? layout_of(k) : -1;
        if (l >= 0) note(&ev[l], 1u << k, fl_form_title_at(k, NULL, NULL), b->line);
    }
    int cover_line[2] = {0, 0}, old_cover = 0;
    size_t cover_end = fl_cover_end(doc);
    for (size_t i = 0; i < doc->nblocks; i++) {
        const fl_block *b = &doc->blocks[i];
        if (b->part != FL_PART_BODY && b->part != FL_PART_TEXTBOX) continue;
        size_t len;
        const char *t = fl_block_mtext(doc, b, &len);
        if (!(b->flags & FL_BF_TOC) && b->kind != FL_BLOCK_HEADING) {
            int k = fl_form_title_find(t, len, true);
            if (k >= 0 && layout_of(k) == 0) note(&ev[0], 1u << k, fl_form_title_at(k, NULL, NULL), b->line);
            if (strstr(t, "指项目立项批复时的名称")) note(&ev[0], 1u << 31, "编制说明", b->line);
        }
        if (i < cover_end || i == 0) {
            if (!cover_line[0] && strstr(t, "污染影响类")) cover_line[0] = b->line;
            if (!cover_line[1] && strstr(t, "生态影响类")) cover_line[1] = b->line;
            /* the 1999 form's cover: 国家环境保护总局制, later printed 国家环境保护部制 */
            if (!old_cover && (strstr(t, "国家环境保护总局制") || strstr(t, "环境保护部制"))) old_cover = b->line;
        }
    }
    if (old_cover) note(&ev[0], 1u << 30, "cover of 国家环境保护总局 / 环境保护部", old_cover);
    fl_buf r = FL_BUF_INIT;
    const char *form = FL_FORM_UNKNOWN;
    if (cover_line[0] && !cover_line[1]) {
        form = FL_FORM_POLLUTION;
        fl_buf_printf(&r, "cover line %d: 污染影响类", cover_line[0]);
    } else if (cover_line[1] && !cover_line[0]) {
        form = FL_FORM_ECOLOGY;
        fl_buf_printf(&r, "cover line %d: 生态影响类", cover_line[1]);
    } else {
        if (cover_line[0]) fl_buf_printf(&r, "cover names both 污染影响类 (line %d) and 生态影响类 (line %d)",
                                         cover_line[0], cover_line[1]);
        int decided = -1, strong = 0;
        for (int l = 0; l < 3; l++)
            if (ev[l].n >= 2) {
                strong++;
                decided = l;
            }
        if (strong == 1) {
            static const char *const names[] = {FL_FORM_PRE2021, FL_FORM_POLLUTION, FL_FORM_ECOLOGY};
            form = names[decided];
        }
    }
    static const char *const what[] = {"1999 form titles", "污染影响类 titles", "生态影响类 titles"};
    for (int l = 0; l < 3; l++)
        if (ev[l].n) reason_titles(&r, what[l], &ev[l]);
    if (!r.len) fl_buf_adds(&r, "no part title of either layout");
    doc->form = form;
    doc->form_reason = fl_arena_strndup(&doc->arena, r.data, r.len);
    fl_buf_free(&r);
}
