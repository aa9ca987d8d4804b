/* Document type from the cover and the body, and why (doc->doc_type_reason).
 *
 * 1. The title decides when it names a kind of filing. Only title-like lines
 *    count: blocks the reader marked as the title, then the lines of the
 *    cover region (model/cover.h: before the 目录, the first chapter or the
 *    first sentence); short, unnumbered, without sentence punctuation, not
 *    a "标签：值" line, with 《…》 titles of other documents removed. A body
 *    sentence that mentions a 报告书 never decides. The first line naming a kind, read with the title lines
 *    next to it (甲项目 ⏎ 环境影响报告书 ⏎ 报批前公示), is the title.
 *    - A notice (公示, 公告, 信息公开; not the 公示稿/公示本 of a report, not
 *      a 公示牌) is public participation material, eia-pp, when it is about
 *      a 报告书 (the title or its text names one): the public participation
 *      rules bind 报告书 projects only. A notice about a 报告表, one naming
 *      neither, and a bureau's 受理/拟批准/审批 notice listing projects get
 *      no type. A notice naming the 公众参与说明 is eia-pp; it is one notice
 *      (doc->notice) rather than the 说明 when it names the 报告书 too.
 *    - A soil 效果评估/调查/风险评估 report (a technical report under the
 *      soil law, none of the 实施方案, 总结报告, 公示牌 the project rules
 *      check) gets no type. An abridged 简本 of a 报告书 is a 报告书.
 *    - A cover glued into one long first line by a PDF copy
 *      (建设项目环境影响报告表项目名称：…) gives its title: the text up to
 *      the first document word (报告表, 报告书, …) before the first label.
 * 2. Else the title property of the package.
 * 3. Else the form's own chapters found among the headings and the table of
 *    contents: the part titles of a 报告表 (2020 and 1999 formats), the
 *    chapters of a 报告书 (HJ 2.1), the chapters of a 公众参与说明; with
 *    what the text says of itself (本报告表, 本报告书, 本公众参与说明) to
 *    tip a near miss. Evidence that is weak or conflicts leaves the type
 *    unknown, and the reason says what was seen. */
#include "model/steps.h"
#include "doc/doc.h"
#include "core/buf.h"
#include "core/i18n.h"
#include "core/norm.h"
#include "core/utf8.h"
#include "model/cover.h"
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#define MAX_TITLE_CP 60
#define GROUP_AROUND 2 /* title lines read with the first one naming a kind, each side */
#define SHOWN_CP 40    /* a title quoted in the reason is cut here */
#define GLUED_CP 200   /* the head of a glued first line read for its title */

#define NELEM(a) (sizeof(a) / sizeof *(a))

typedef struct cover {
    bool soil;       /* a soil-project word on a title line of the cover */
    bool control;    /* 风险管控 / 修复 on a title line */
} cover;

/* Words that make a plan, summary or signboard a soil-pollution project's
 * (环办土壤〔2020〕23号 一 names the project types): titles such as
 * 湘潭县受污染耕地安全利用项目实施方案 never say 土壤. */
static const char *const soil_words[] = {"土壤", "受污染耕地", "农用地", "安全利用", "污染地块",
                                         "风险管控", "修复", "用地调查"};

static bool has_any(const char *t, const char *const *words, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (strstr(t, words[i])) return true;
    return false;
}

static bool soil_title(const char *t) { return has_any(t, soil_words, NELEM(soil_words)); }

/* A cover line "编制单位：湖南省土壤肥料研究所" names an organisation, not
 * the document: a label before a colon means it is no title. */
static bool label_line(const char *t)
{
    const char *c = strchr(t, ':');
    return c && c - t <= 30;
}

/* Normalised title text without white space and without 《…》 citations;
 * NULL when the block is no title-like line. *full (may be NULL) gets the
 * text with the citations: a notice names its subject in them
 * (《甲项目环境影响报告书》征求意见稿公示). */
static char *title_text(fl_arena *a, const char *text, size_t len, const char **full)
{
    if (len == 0 || len > MAX_TITLE_CP * 4) return NULL;
    char *t = fl_norm_label(a, text, len);
    if (fl_utf8_count(t, strlen(t)) > MAX_TITLE_CP) return NULL;
    if (strstr(t, "。") || strstr(t, ";") || strstr(t, "!") || strstr(t, "?")) return NULL;
    if (full) *full = fl_arena_strdup(a, t);
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

/* ---- what a title says ----------------------------------------------------- */

/* A notice: 公示, 公告, 信息公开, but not the version labels of a report
 * (公示稿, 公示本, 公示版, 信息公开版) and not a 公示牌. */
static bool notice_title(const char *t)
{
    static const char *const not_after[] = {"稿", "本", "版", "牌"};
    for (const char *p = t; (p = strstr(p, "公示")) != NULL; p += 6) {
        bool version = false;
        for (size_t k = 0; k < NELEM(not_after); k++)
            if (!strncmp(p + 6, not_after[k], strlen(not_after[k]))) version = true;
        if (!version) return true;
    }
    if (strstr(t, "公告")) return true;
    for (const char *p = t; (p = strstr(p, "信息公开")) != NULL; p += 12)
        if (strncmp(p + 12, "版", 3) && strncmp(p + 12, "本", 3) && strncmp(p + 12, "稿", 3)) return true;
    return false;
}

/* What a bureau's notice says: it received or will approve documents
 * (受理公示, 拟批准公示, 审批决定公告). A 建设单位's 报批前公示 says 报批. */
static const char *const bureau_words[] = {"受理", "拟批准", "批准", "拟作出", "审批", "批复"};
static const char *const eia_words[] = {"环境影响", "环评", "报告书", "报告表", "公众参与"};
/* Soil reports that are no project filing of the soil ruleset. */
static const char *const soil_report_words[] = {"效果评估", "调查报告", "风险评估报告"};

/* Does the title line name a kind of filing (or a notice)? */
static bool names_kind(const char *t)
{
    static const char *const kinds[] = {"报告书", "报告表", "公众参与说明", "实施方案", "可行性研究报告",
                                        "总结报告", "公示牌", "效果评估", "调查报告", "风险评估报告"};
    return has_any(t, kinds, NELEM(kinds)) || notice_title(t);
}

static const char *type_of(const char *t, const cover *cv)
{
    if (strstr(t, "公示牌") && (cv->soil || cv->control)) return "soil-sign";
    if ((strstr(t, "实施方案") || strstr(t, "可行性研究报告")) && cv->soil) return "soil-plan";
    if (strstr(t, "总结报告") && cv->soil) return "soil-summary";
    if (strstr(t, "公众参与说明")) return "eia-pp";
    const char *book = strstr(t, "报告书"), *form = strstr(t, "报告表");
    if (book && (!form || book < form)) return "eia-book";
    if (form) return "eia-form";
    return NULL;
}

static bool cover_part(const fl_block *b) { return fl_cover_part(b) && !(b->flags & FL_BF_TOC); }

typedef struct tline {
    char *text;    /* title_text, NULL when the block is no title line */
    const char *full; /* the same with the 《…》 citations */
    int line;      /* the block's line */
    bool numbered; /* a numbered chapter title (一、建设项目基本情况): not part of the title */
} tline;

/* May a title line before the one naming a kind (the project's name) join
 * the title? */
static bool joins(const tline *l) { return l->text && !l->numbered && !label_line(l->text); }

/* And one after it: only a bracketed note (（报批稿）, （污染影响类）) or
 * more of the title (环境影响报告书 ⏎ 报批前公示), not the next cover line. */
static bool continues(const tline *l)
{
    return joins(l) && (l->text[0] == '(' || names_kind(l->full) || strstr(l->text, "简本"));
}

typedef struct detect {
    const fl_doc *doc;
    fl_arena *a;
    fl_buf why;
    bool notice; /* the filing is a notice (公示) about a 报告书, not a 公众参与说明 */
} detect;

static void reason(detect *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void reason(detect *d, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fl_buf_vprintf(&d->why, fl_tr_format(fmt), ap); /* said in the language of the run */
    va_end(ap);
}

/* The title as quoted in a reason, cut at SHOWN_CP code points. */
static const char *shown(detect *d, const char *t)
{
    size_t n = strlen(t), i = fl_utf8_prefix(t, n, SHOWN_CP);
    if (i >= n) return t;
    char *s = fl_arena_alloc(d->a, i + 4);
    memcpy(s, t, i);
    memcpy(s + i, "…", 4);
    return s;
}

/* Occurrences of word in the matching text of every body block; "报告书（表）"
 * (the 报告书 or 报告表 of any project, boilerplate of notices) is not one. */
static size_t count_in_body(const fl_doc *doc, const char *word)
{
    size_t k = 0, wl = strlen(word);
    for (size_t i = 0; i < doc->nblocks; i++) {
        const fl_block *b = &doc->blocks[i];
        if (!cover_part(b) || !b->len) continue;
        size_t len;
        const char *t = fl_block_mtext(doc, b, &len);
        for (const char *p = t; (p = strstr(p, word)) != NULL; p += wl) {
            const char *q = p + wl;
            if (!strncmp(q, "（表）", 9) || !strncmp(q, "(表)", 5) || !strncmp(q, "/表", 4)) continue;
            k++;
        }
    }
    return k;
}

/* A notice read as its title says: returns the type (eia-pp) or NULL, and
 * says why. */
static const char *notice_type(detect *d, const char *g, int line)
{
    const char *q = shown(d, g);
    bool eia = has_any(g, eia_words, NELEM(eia_words));
    if (has_any(g, bureau_words, NELEM(bureau_words))) {
        reason(d, "title line %d 「%s」: a bureau's notice (受理/拟批准/审批) of EIA documents, not a filing", line, q);
        return NULL;
    }
    if (strstr(g, "公众参与说明")) {
        reason(d, "title line %d 「%s」: a notice publishing a 公众参与说明", line, q);
        /* publishing the 报告书 with it (报告书及公众参与说明报批前公示): the
         * pre-approval notice, not the 说明 itself, whose channels it does
         * not tell */
        d->notice = strstr(g, "报告书") != NULL;
        return "eia-pp";
    }
    size_t book = strstr(g, "报告书") ? 1 : 0, form = strstr(g, "报告表") ? 1 : 0;
    const char *where = fl_tr_format("title");
    if (!book && !form) { /* 甲项目 报批前公示: the text says what it is about */
        book = count_in_body(d->doc, "报告书");
        form = count_in_body(d->doc, "报告表");
        where = fl_tr_format("text");
    }
    if (!eia && !book && !form) {
        reason(d, "title line %d 「%s」: a notice, not about an EIA document", line, q);
        return NULL;
    }
    if (book && !form) {
        reason(d, "title line %d 「%s」: a public-participation notice about a 报告书 (its %s says 报告书)", line, q,
               where);
        d->notice = true;
        return "eia-pp";
    }
    if (form && !book)
        reason(d, "title line %d 「%s」: a notice about a 报告表 (its %s says 报告表); public participation rules bind "
                  "报告书 projects only", line, q, where);
    else if (form && book)
        reason(d, "title line %d 「%s」: a notice whose %s names both a 报告书 and a 报告表", line, q, where);
    else
        reason(d, "title line %d 「%s」: an EIA notice that names neither a 报告书 nor a 报告表", line, q);
    return NULL;
}

/* The title group g (title lines joined) whose first kind-naming line is
 * line: the type, or NULL with the reason said. */
static const char *title_type(detect *d, const char *g, const char *full, int line, const cover *cv)
{
    if (notice_title(g)) return notice_type(d, full, line);
    const char *q = shown(d, g);
    if (cv->soil && has_any(g, soil_report_words, NELEM(soil_report_words)) && !strstr(g, "实施方案") &&
        !strstr(g, "总结报告") && !strstr(g, "公示牌")) {
        reason(d, "title line %d 「%s」: a soil 效果评估/调查/风险评估 report, none of 实施方案, 总结报告, 公示牌", line,
               q);
        return NULL;
    }
    const char *type = type_of(g, cv);
    if (type) reason(d, "title line %d: %s", line, q);
    return type;
}

/* The title at the head of a first line that a PDF copy glued to the rest
 * of the cover (建设项目环境影响报告表项目名称：赣江大道…): up to the first
 * document word before the first colon, when that is short and no
 * sentence. Notices are not read this way: "…予以公示" ends sentences. */
static char *glued_title(fl_arena *a, const fl_doc *doc, const fl_block *b)
{
    static const char *const docs[] = {"报告表", "报告书", "公众参与说明", "实施方案", "总结报告", "公示牌"};
    size_t len;
    const char *s = fl_block_mtext(doc, b, &len);
    char *t = fl_norm_label(a, s, fl_utf8_prefix(s, len, GLUED_CP)); /* the head is enough */
    const char *colon = strchr(t, ':');
    size_t head = colon ? (size_t)(colon - t) : strlen(t);
    size_t best = 0;
    for (size_t k = 0; k < NELEM(docs); k++) {
        const char *w = strstr(t, docs[k]);
        size_t e = w ? (size_t)(w - t) + strlen(docs[k]) : 0;
        if (w && e <= head && (!best || e < best)) best = e;
    }
    if (!best || fl_utf8_count(t, best) > MAX_TITLE_CP) return NULL;
    t[best] = '\0';
    if (strstr(t, "，") || strchr(t, ',') || strstr(t, "《")) return NULL;
    return title_text(a, t, best, NULL);
}

/* ---- the body ------------------------------------------------------------- */

/* Chapter titles each kind of filing has and the others do not. Titles
 * shared by several (概述, 建设项目工程分析, 结论) are left out. */
static const char *const form_parts[] = {
    "建设项目基本情况", "区域环境质量现状、环境保护目标及评价标准", "主要环境影响和保护措施",
    "环境保护措施监督检查清单", "生态环境现状、保护目标及评价标准", "生态环境影响分析", "主要生态环境保护措施",
    /* the 1999 format */
    "建设项目所在地自然环境社会环境简况", "评价适用标准", "项目主要污染物产生及预计排放情况",
    "建设项目拟采取的防治措施及预期治理效果",
};
static const char *const book_chapters[] = {
    "总则", "环境现状调查与评价", "环境影响预测与评价", "环境保护措施及其可行性论证", "环境影响经济损益分析",
    "环境管理与监测计划", "环境影响评价结论",
};
static const char *const pp_chapters[] = {
    "首次环境影响评价信息公开情况", "征求意见稿公示情况", "公众意见处理情况", "报批前公开情况", "其他公众参与情况",
};

typedef struct tally {
    const char *const *words;
    size_t nwords;
    bool seen[16];
    size_t n;
} tally;

static void tally_title(tally *t, const char *title)
{
    for (size_t k = 0; k < t->nwords; k++)
        if (!t->seen[k] && strstr(title, t->words[k])) {
            t->seen[k] = true;
            t->n++;
        }
}

/* "建设项目基本情况, 主要环境影响和保护措施, …" (the first three). */
static const char *listed(detect *d, const tally *t)
{
    fl_buf b = FL_BUF_INIT;
    size_t shown_n = 0;
    for (size_t k = 0; k < t->nwords; k++) {
        if (!t->seen[k]) continue;
        if (shown_n == 3) { fl_buf_adds(&b, ", …"); break; }
        fl_buf_printf(&b, "%s%s", shown_n ? ", " : "", t->words[k]);
        shown_n++;
    }
    const char *s = fl_arena_strdup(d->a, b.data ? b.data : "");
    fl_buf_free(&b);
    return s;
}

static const char *from_body(detect *d)
{
    const fl_doc *doc = d->doc;
    tally form = {form_parts, NELEM(form_parts), {0}, 0};
    tally book = {book_chapters, NELEM(book_chapters), {0}, 0};
    tally pp = {pp_chapters, NELEM(pp_chapters), {0}, 0};
    for (size_t i = 0; i < doc->nsections; i++) {
        const char *t = fl_norm_label(d->a, doc->sections[i].title, strlen(doc->sections[i].title));
        tally_title(&form, t);
        tally_title(&book, t);
        tally_title(&pp, t);
    }
    for (size_t i = 0; i < doc->nblocks; i++) {
        const fl_block *b = &doc->blocks[i];
        if (!(b->flags & FL_BF_TOC)) continue;
        size_t len;
        const char *s = fl_block_mtext(doc, b, &len);
        const char *t = fl_norm_label(d->a, s, len);
        tally_title(&form, t);
        tally_title(&book, t);
        tally_title(&pp, t);
    }
    size_t self_form = 0, self_book = 0, self_pp = 0;
    if (form.n || book.n || pp.n) {
        self_form = count_in_body(doc, "本报告表");
        self_book = count_in_body(doc, "本报告书");
        self_pp = count_in_body(doc, "本公众参与说明");
    }
    /* a near miss tipped by what the text calls itself, when it calls itself
     * nothing else */
    size_t fn = form.n + (form.n == 2 && self_form && !self_book && !self_pp);
    size_t bn = book.n + (book.n == 3 && self_book && !self_form && !self_pp);
    size_t pn = pp.n + (pp.n == 1 && self_pp && !self_form && !self_book);
    const char *type = NULL;
    if (fn >= 3 && bn < 4) type = "eia-form";
    else if (bn >= 4 && fn < 3) type = "eia-book";           /* its 公众参与 chapter may tell the 公示 */
    else if (pn >= 2 && fn < 2 && bn < 2) type = "eia-pp";
    const char *self = type == NULL ? NULL
                       : !strcmp(type, "eia-form") && fn > form.n ? "本报告表"
                       : !strcmp(type, "eia-book") && bn > book.n ? "本报告书"
                       : !strcmp(type, "eia-pp") && pn > pp.n     ? "本公众参与说明"
                                                                  : NULL;
    if (type) {
        const tally *t = !strcmp(type, "eia-form") ? &form : !strcmp(type, "eia-book") ? &book : &pp;
        const char *what = fl_tr_format(!strcmp(type, "eia-form")   ? "part titles of a 报告表"
                                        : !strcmp(type, "eia-book") ? "chapters of a 报告书"
                                                                    : "chapters of a 公众参与说明");
        reason(d, "no title line names a known kind of filing; the body has %zu %s (%s)%s%s", t->n, what, listed(d, t),
               self ? fl_tr_format(" and calls itself ") : "", self ? self : "");
        return type;
    }
    reason(d, "no title line names a known kind of filing");
    if (!form.n && !book.n && !pp.n) return NULL;
    /* enough for two kinds at once (a 报告书 quoting a 报告表's parts), or for none */
    reason(d, fn >= 3 || bn >= 4 || pn >= 2 ? "; the body points more than one way:" : "; too little in the body to tell:");
    if (form.n) reason(d, " %zu part title%s of a 报告表 (%s)", form.n, form.n > 1 ? "s" : "", listed(d, &form));
    if (book.n) reason(d, "%s %zu chapter%s of a 报告书 (%s)", form.n ? ";" : "", book.n, book.n > 1 ? "s" : "",
                       listed(d, &book));
    if (pp.n) reason(d, "%s %zu chapter%s of a 公众参与说明 (%s)", form.n || book.n ? ";" : "", pp.n,
                     pp.n > 1 ? "s" : "", listed(d, &pp));
    return NULL;
}

/* ---- putting it together -------------------------------------------------- */

static const char *run(detect *d)
{
    const fl_doc *doc = d->doc;
    cover cv = {false, false};
    tline lines[FL_COVER_LINES + 8];
    size_t nl = 0;
    /* Title blocks first, wherever they are, then the cover region; a
     * title block in the cover region is not taken twice. */
    size_t ntitle = 0;
    for (size_t i = 0; i < doc->nblocks && ntitle < 8; i++) {
        const fl_block *b = &doc->blocks[i];
        if (!(b->flags & FL_BF_TITLE) || !cover_part(b)) continue;
        const char *full = NULL;
        char *t = title_text(d->a, b->text, b->len, &full);
        if (t && *t) lines[nl++] = (tline){t, full, b->line, fl_block_numbered(doc, b)};
        ntitle++;
    }
    size_t first_cover = nl, end = fl_cover_end(doc);
    bool first = true;
    for (size_t i = 0; i < doc->nblocks && (i < end || first); i++) {
        const fl_block *b = &doc->blocks[i];
        if (!cover_part(b) || (b->flags & FL_BF_TITLE) || !b->len) continue;
        const char *full = NULL;
        char *t = title_text(d->a, b->text, b->len, &full);
        if (first && (!t || label_line(t))) {
            char *g = glued_title(d->a, doc, b);
            if (g && *g) t = g, full = g;
        }
        first = false;
        bool ok = t && *t;
        lines[nl++] = (tline){ok ? t : NULL, ok ? full : NULL, b->line, ok && fl_block_numbered(doc, b)};
    }
    for (size_t k = 0; k < nl; k++) {
        if (!lines[k].text || label_line(lines[k].text)) continue;
        if (soil_title(lines[k].text)) cv.soil = true;
        if (strstr(lines[k].text, "风险管控") || strstr(lines[k].text, "修复")) cv.control = true;
    }
    for (size_t k = 0; k < nl; k++) {
        const char *t = lines[k].text;
        /* a numbered line is a chapter (3 征求意见稿公示情况, 附件1 …), not the title */
        if (!t || label_line(t) || lines[k].numbered || !names_kind(t)) continue;
        /* the title lines around it, among the lines of the same run
         * (title blocks, or the cover region) */
        size_t lo = k < first_cover ? 0 : first_cover, hi = k < first_cover ? first_cover : nl;
        size_t from = k, to = k + 1;
        while (from > lo && k - from < GROUP_AROUND && joins(&lines[from - 1])) from--;
        while (to < hi && to - k <= GROUP_AROUND && continues(&lines[to])) to++;
        fl_buf g = FL_BUF_INIT, gf = FL_BUF_INIT;
        for (size_t j = from; j < to; j++) {
            fl_buf_adds(&g, lines[j].text);
            fl_buf_adds(&gf, lines[j].full);
        }
        const char *group = fl_arena_strdup(d->a, g.data);
        const char *group_full = fl_arena_strdup(d->a, gf.data);
        fl_buf_free(&g);
        fl_buf_free(&gf);
        /* the group's lines before the one naming a kind are the project's
         * name; a kind they name themselves would have come first */
        const char *type = title_type(d, group, group_full, lines[k].line, &cv);
        if (!type && !d->why.len)
            reason(d, "title line %d 「%s」: no kind of filing the rules know", lines[k].line, shown(d, group));
        return type;
    }
    const char *title = fl_doc_prop(doc, "title");
    if (title) {
        char *t = title_text(d->a, title, strlen(title), NULL);
        if (t && names_kind(t)) {
            if (soil_title(t)) cv.soil = true;
            const char *type = type_of(t, &cv);
            if (type && !notice_title(t)) {
                reason(d, "the document title property: %s", shown(d, t));
                return type;
            }
        }
    }
    return from_body(d);
}

void fl_doctype_detect(fl_doc *doc)
{
    fl_arena a;
    fl_arena_init(&a);
    detect d = {.doc = doc, .a = &a, .why = FL_BUF_INIT};
    doc->doc_type = run(&d);
    doc->notice = d.notice && doc->doc_type;
    doc->doc_type_reason = d.why.len ? fl_arena_strndup(&doc->arena, d.why.data, d.why.len) : NULL;
    fl_buf_free(&d.why);
    fl_arena_free(&a);
}
