/* The type of a soil-pollution project, read once (doc/doc.h
 * fl_soil_type_read) so that every SOIL rule is scoped by the same reading.
 *
 * 环办土壤〔2020〕23号 一 lists the project types (源头防控, 状况调查, 风险评估,
 * 风险管控与修复方案编制, 风险管控, 修复, 监管能力提升) and gives 农用地安全利用
 * its own five-year cycle; 四（三）'s 项目法人制、工程监理制 and the 资质
 * sentence are written for 风险管控、修复 projects, which an agronomic
 * 安全利用 plan (品种替代、调酸、水分管理、叶面阻控) is not in substance.
 *
 * Where the type is read, most explicit first:
 *   1. the 项目类型 / 项目类别 field ("风险管控（农用地安全利用）", a ticked
 *      "☑风险管控 □修复");
 *   2. a sentence saying it: "本项目属于农用地安全利用类项目", "项目类型为修复";
 *   3. the title lines of the cover, else the 项目名称 field
 *      ("湘潭县受污染耕地安全利用项目实施方案");
 *   4. the technical route: two or more agronomic measures of 安全利用 named
 *      in a 技术路线 / 技术模式 section or sentence (plans whose title says only
 *      "综合治理").
 * A source that says only 风险管控 while another (or the route) says
 * 农用地安全利用 is read as 农用地安全利用: the notice treats farmland safe use
 * as the 风险管控 of farmland, with its own cycle. Farmland that is
 * "治理与修复" or "风险管控" without more is no type at all: real safe-use
 * projects carry such titles ("受污染耕地治理与修复项目", 项目类型 农用地安全
 * 利用), so only the route or another source decides.
 *
 * The result is the field 土壤项目类型, appended after the filing's own
 * fields, one of 农用地安全利用, 风险管控, 修复, 风险管控与修复, 调查评估,
 * 其他 (源头防控, 方案编制, 监管能力提升); absent when nothing says which.
 * Rules test it with <when field="土壤项目类型" .../> or as evidence in
 * fields. EIA documents are not read: the field would mean nothing there.
 *
 * Cost: the fields once, the first cover blocks, and every body block at
 * most twice (a substring search per statement verb, then per route and
 * measure word): linear. */
#include "model/steps.h"
#include "doc/doc.h"
#include "core/norm.h"
#include "model/cover.h" /* fl_cover_title_line: the same title lines the rules' in="title" sees */
#include <stdlib.h>
#include <string.h>

#define FIELD_NAME "土壤项目类型"
#define TITLE_SCAN 80 /* blocks looked at for cover title lines */
/* A title line has at most 80 characters (model/cover.c); a longer block is
 * skipped before its characters are counted. */
#define TITLE_MAX_BYTES (80 * 4)

typedef enum soil_type {
    ST_NONE, ST_OTHER, ST_SURVEY, ST_CONTROL, ST_REMEDY, ST_CONTROL_REMEDY, ST_FARMLAND
} soil_type;

static const char *const type_names[] = {
    NULL, "其他", "调查评估", "风险管控", "修复", "风险管控与修复", "农用地安全利用"};

static bool has_any(const char *t, const char *const *words)
{
    for (size_t i = 0; words[i]; i++)
        if (strstr(t, words[i])) return true;
    return false;
}

/* ---- one piece of text: a field value or the title ------------------------ */

/* Drafting a plan is its own type even though the plan drafted is one of
 * 风险管控 or 修复: "风险管控与修复方案编制". */
static const char *const drafting[] = {"修复方案编制", "管控方案编制", "修复方案编写", "管控方案编写",
                                       "治理方案编制", NULL};
static const char *const safe_use[] = {"安全利用", NULL};
/* Whose safe use: 污染地块安全利用 is construction land (a 风险管控 project). */
static const char *const farmland[] = {"耕地", "农用地", "农田", "稻田", "菜地", "园地", "农产品", NULL};
static const char *const site[] = {"地块", "建设用地", "场地", "厂区", NULL};
static const char *const strict[] = {"严格管控", NULL}; /* of farmland: 风险管控, never safe use */
static const char *const control[] = {"风险管控", NULL};
static const char *const remedy[] = {"修复", NULL};
static const char *const survey[] = {"调查", "风险评估", "详查", NULL};
static const char *const other[] = {"源头防控", "源头治理", "监管能力", "监测能力", "能力提升", "能力建设", NULL};

static soil_type classify(const char *t)
{
    if (!t || !*t) return ST_NONE;
    if (has_any(t, drafting)) return ST_OTHER;
    if (has_any(t, safe_use)) {
        if (has_any(t, farmland) || !has_any(t, site)) return ST_FARMLAND;
        return ST_CONTROL;
    }
    if (has_any(t, strict)) return ST_CONTROL;
    bool c = has_any(t, control), r = has_any(t, remedy);
    if ((c || r) && has_any(t, farmland)) return ST_NONE; /* 耕地治理与修复: safe use or works */
    if (c && r) return ST_CONTROL_REMEDY;
    if (c) return ST_CONTROL;
    if (r) return ST_REMEDY;
    if (has_any(t, survey)) return ST_SURVEY;
    if (has_any(t, other)) return ST_OTHER;
    return ST_NONE;
}

static bool body_block(const fl_block *b)
{
    return (b->part == FL_PART_BODY || b->part == FL_PART_TEXTBOX) && !(b->flags & FL_BF_TOC);
}

/* Is the field name one of the names, ignoring a "(…)" group after it? */
static bool field_is(const char *name, const char *want)
{
    size_t n = strlen(want);
    return !strncmp(name, want, n) && (name[n] == '\0' || name[n] == '(');
}

static bool empty_value(const char *v)
{
    while (v && (*v == ' ' || *v == '\t')) v++;
    return !v || !*v || !strcmp(v, "/") || !strcmp(v, "-") || !strcmp(v, "无");
}

/* The first field of those names that says a type. */
static soil_type from_fields(const fl_doc *doc, fl_arena *a, const char *n1, const char *n2, int *block)
{
    for (size_t i = 0; i < doc->nfields; i++) {
        const fl_field *f = &doc->fields[i];
        if (empty_value(f->value) || !(field_is(f->name, n1) || (n2 && field_is(f->name, n2)))) continue;
        soil_type t = classify(fl_norm_label(a, f->value, strlen(f->value)));
        if (t != ST_NONE) {
            *block = f->block;
            return t;
        }
    }
    return ST_NONE;
}

/* A sentence that states the type: "本项目属于农用地安全利用类项目",
 * "项目类型为修复". What is read runs from the verb to the next 项目 within
 * the clause, so "本项目为后续风险管控提供依据" says nothing. */
static const char *const statements[] = {"本项目属于", "本项目为", "本项目是", "项目类型为", "项目类型属于",
                                         "项目类型是", NULL};
#define STATEMENT_MAX 60 /* bytes read after the verb: about 20 characters */

static soil_type statement_in(fl_arena *a, const char *t, size_t len)
{
    for (size_t k = 0; statements[k]; k++) {
        size_t wl = strlen(statements[k]);
        for (const char *p = strstr(t, statements[k]); p && (size_t)(p - t) < len; p = strstr(p + wl, statements[k])) {
            const char *v = p + wl;
            size_t n = 0, max = len - (size_t)(v - t);
            if (max > STATEMENT_MAX) max = STATEMENT_MAX;
            while (n < max && strncmp(v + n, "。", 3) && strncmp(v + n, "，", 3) && strncmp(v + n, "；", 3) &&
                   v[n] != ',' && v[n] != ';')
                n++;
            while (n && ((unsigned char)v[n] & 0xC0) == 0x80) n--; /* cut at a character */
            const char *end = NULL;
            for (size_t i = 0; i + 6 <= n; i++)
                if (!strncmp(v + i, "项目", 6)) {
                    end = v + i;
                    break;
                }
            /* The 项目 must close the clause: "本项目为乙地块风险管控项目的
             * 前期调查" names another project. */
            if (end) {
                const char *after = end + 6;
                while (after < v + n && *after == ' ') after++;
                if (after != v + n) continue;
            }
            /* "项目类型为修复": the clause itself is the type */
            if (!end && !strncmp(statements[k], "项目类型", 12)) end = v + n;
            if (!end || end == v) continue;
            soil_type ty = classify(fl_norm_label(a, v, (size_t)(end - v)));
            if (ty != ST_NONE) return ty;
        }
    }
    return ST_NONE;
}

static soil_type from_statement(const fl_doc *doc, fl_arena *a, int *block)
{
    for (size_t i = 0; i < doc->nblocks; i++) {
        const fl_block *b = &doc->blocks[i];
        if (!body_block(b) || !b->len) continue;
        size_t len;
        const char *t = fl_block_mtext(doc, b, &len);
        soil_type ty = statement_in(a, t, len);
        if (ty != ST_NONE) {
            *block = (int)i;
            return ty;
        }
    }
    return ST_NONE;
}

/* The cover's title lines read together: a title is often split over two
 * lines ("湘潭县受污染耕地安全利用项目" / "实施方案"). */
static soil_type from_title(const fl_doc *doc, fl_arena *a, int *block)
{
    size_t n = doc->nblocks < TITLE_SCAN ? doc->nblocks : TITLE_SCAN;
    char *all = fl_arena_strdup(a, "");
    int first = -1;
    for (size_t i = 0; i < n; i++) {
        const fl_block *b = &doc->blocks[i];
        if (b->len > TITLE_MAX_BYTES || !fl_cover_title_line(doc, i)) continue;
        size_t len;
        const char *t = fl_block_mtext(doc, b, &len);
        all = fl_arena_printf(a, "%s%s", all, fl_norm_label(a, t, len)); /* "修 复" reads as one word */
        if (first < 0) first = (int)i;
    }
    soil_type t = classify(all);
    if (t != ST_NONE) *block = first;
    return t;
}

/* ---- the technical route -------------------------------------------------- */

/* The measures of farmland safe use, one group per measure: naming two is a
 * safe-use route (the "VIP+n" model and its variants). */
static const char *const m_variety[] = {"低积累品种", "低累积品种", "低镉品种", "品种替代", "替代种植", NULL};
static const char *const m_acid[] = {"石灰", "调酸", "降酸", "酸性调节", "调节土壤酸性", "调节酸性", "土壤调理剂", NULL};
static const char *const m_water[] = {"淹水灌溉", "水分管理", "优化灌溉", "全生育期淹水", NULL};
static const char *const m_foliar[] = {"叶面阻控", "叶面喷施", "叶面阻隔", "叶面调控", NULL};
static const char *const m_tillage[] = {"深翻耕", "深翻", "翻耕", NULL};
static const char *const m_manure[] = {"增施有机肥", "施用有机肥", NULL};
static const char *const m_vip[] = {"VIP", NULL};
static const char *const *const measures[] = {m_variety, m_acid, m_water, m_foliar, m_tillage, m_manure, m_vip};
#define NMEASURES (sizeof measures / sizeof *measures)

static const char *const route_heading[] = {"技术路线", "技术方案", "技术模式", "技术措施", "工艺路线", NULL};
static const char *const route_text[] = {"技术路线", "技术模式", NULL};

static soil_type from_route(const fl_doc *doc, int *block)
{
    unsigned char *in = fl_xcalloc(doc->nblocks + 1, 1);
    for (size_t s = 0; s < doc->nsections; s++) {
        const fl_section *sec = &doc->sections[s];
        if (!sec->title || !has_any(sec->title, route_heading)) continue;
        size_t end = sec->end > 0 && (size_t)sec->end < doc->nblocks ? (size_t)sec->end : doc->nblocks;
        for (size_t i = (size_t)sec->block; i < end; i++) in[i] = 1; /* nested: at most 9 times */
    }
    unsigned found = 0;
    int count = 0, at = -1;
    for (size_t i = 0; i < doc->nblocks && count < 2; i++) {
        const fl_block *b = &doc->blocks[i];
        if (!body_block(b) || !b->len) continue;
        size_t len;
        const char *t = fl_block_mtext(doc, b, &len);
        if (!in[i] && !has_any(t, route_text)) continue;
        for (size_t m = 0; m < NMEASURES; m++) {
            if ((found & (1u << m)) || !has_any(t, measures[m])) continue;
            found |= 1u << m;
            if (++count == 2) at = (int)i;
        }
    }
    free(in);
    if (count < 2) return ST_NONE;
    *block = at;
    return ST_FARMLAND;
}

/* ---- the step --------------------------------------------------------------- */

void fl_soil_type_read(fl_doc *doc)
{
    if (doc->doc_type && strncmp(doc->doc_type, "soil-", 5)) return;
    if (fl_doc_field(doc, FIELD_NAME)) return; /* a filing that names it itself */
    fl_arena a;
    fl_arena_init(&a);
    int fb = -1, tb = -1, rb = -1;
    soil_type field = from_fields(doc, &a, "项目类型", "项目类别", &fb);
    if (field == ST_NONE) field = from_statement(doc, &a, &fb);
    soil_type title = from_title(doc, &a, &tb);
    if (title == ST_NONE) title = from_fields(doc, &a, "项目名称", NULL, &tb);
    soil_type type = field != ST_NONE ? field : title;
    int block = field != ST_NONE ? fb : tb;
    if (type == ST_NONE || type == ST_CONTROL) {
        /* Farmland safe use is the 风险管控 of farmland: the more specific
         * reading wins, from the other source or from the route. */
        if (title == ST_FARMLAND) {
            type = ST_FARMLAND;
            block = tb;
        } else if (from_route(doc, &rb) == ST_FARMLAND) {
            type = ST_FARMLAND;
            block = rb;
        }
    }
    fl_arena_free(&a);
    if (type == ST_NONE) return;
    FL_VEC_RESERVE(doc->fields, doc->cap_fields, doc->nfields + 1);
    doc->fields[doc->nfields++] = (fl_field){FIELD_NAME, type_names[type], block, NULL};
}
