/* The section tree. Most Chinese filings are typed without heading styles, so
 * headings come from three sources, in order of trust: the reader's outline
 * level (heading styles, outlineLvl, Markdown #; a heading style name as a
 * fallback), a rendered numbering label, and numbered text on short lines
 * without sentence punctuation (第一章 > 一、 > （一） > 1、 > 1.1 > 1.1.1 >
 * 1.1.1.1 > （1）). Bare lines that are known titles (概述, 附件, the
 * sub-items of a 报告表 such as 环境保护目标) count as typed headings too.
 * Table-of-contents lines are found first and never become headings; the
 * 目录 title ends the front matter. One pass with a small stack of open
 * sections keeps this O(n).
 *
 * Levels: a styled heading keeps its outline level; a typed heading is a
 * sibling of the nearest open heading of the same numbering kind (styled or
 * not; 1、 follows 1、 only when its number continues it), otherwise it nests
 * under the open heading after closing open typed headings of a deeper rank.
 * Guards keep list items from closing real structure and vice versa:
 * "2 工程分析" followed by 2.1 is a decimal chapter, while a 1、 list that
 * starts under 1.1.1 nests there; 一、/（一） never close decimal chapters
 * (1 总则 › 1.1 编制依据 › 一、法律法规); the part titles of a 报告表
 * (一、建设项目基本情况 … 六、结论) close any typed 一、 list before them. */
#include "model/sections.h"
#include "model/typed.h"
#include "core/norm.h"
#include "core/utf8.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define MAX_KEY_CP 80   /* lines longer than this are never TOC entries */
#define MAX_LEVEL 9

/* Relative depth of the typed kinds; smaller is outer. */
static const int rank_of[] = {
    [FL_TK_NONE] = 99, [FL_TK_TOP] = 0, [FL_TK_APPX] = 0, [FL_TK_CHAP] = 1, [FL_TK_JIE] = 2, [FL_TK_CN] = 3, [FL_TK_KNOWN] = 4,
    [FL_TK_CNPAREN] = 5, [FL_TK_DEC1] = 6, [FL_TK_DEC2] = 7, [FL_TK_DEC3] = 8, [FL_TK_DEC4] = 9, [FL_TK_PAREN] = 10,
};

/* ---- table of contents -------------------------------------------------- */

static bool is_leader(uint32_t cp)
{
    return cp == '.' || cp == 0x2026 || cp == 0x22EF || cp == 0x00B7 || cp == 0x2025 ||
           cp == '_' || cp == '-' || cp == 0x30FB || cp == 0x2022;
}

typedef struct toc_tail {
    size_t content_end; /* byte offset where the text before leaders/page ends */
    bool page, dots, tab;
} toc_tail;

static size_t prev_cp(const char *s, size_t i)
{
    do i--; while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80);
    return i;
}

static uint32_t cp_at(const char *s, size_t len, size_t i)
{
    uint32_t cp;
    fl_utf8_decode(s + i, len - i, &cp);
    return fl_norm_cp(cp);
}

/* Split "一、建设项目基本情况……………1" into content, leaders and page number. */
static toc_tail toc_split(const char *s, size_t len)
{
    toc_tail t = {len, false, false, false};
    size_t i = len;
    while (i > 0 && cp_at(s, len, prev_cp(s, i)) == ' ') i = prev_cp(s, i); /* tabs too */
    size_t digits = 0, end = i;
    while (i > 0 && digits < 5) {
        uint32_t cp = cp_at(s, len, prev_cp(s, i));
        if (!((cp >= '0' && cp <= '9') || cp == 'I' || cp == 'V' || cp == 'X' || cp == 'i' ||
              cp == 'v' || cp == 'x'))
            break;
        i = prev_cp(s, i);
        digits++;
    }
    if (digits == 0) { t.content_end = end; return t; }
    size_t after_digits = i;
    int dots = 0;
    bool tab = false, space = false;
    while (i > 0) {
        size_t p = prev_cp(s, i);
        uint32_t cp = cp_at(s, len, p);
        if (s[p] == '\t') tab = true;
        else if (cp == ' ') space = true;
        else if (is_leader(cp)) dots += (cp == 0x2026 || cp == 0x22EF) ? 2 : 1;
        else break;
        i = p;
    }
    /* "附图1", "12", "GB 3095-2012": no page number */
    if (i == after_digits || i == 0 || !(dots >= 2 || tab || space)) { t.content_end = end; return t; }
    t.page = true;
    t.dots = dots >= 2;
    t.tab = tab;
    t.content_end = i;
    return t;
}

typedef struct key_table {
    uint64_t *hash;
    int *last; /* last block index with that key */
    size_t cap;
} key_table;

/* Matching key of a short line: normalised, no white space, no leaders and
 * page number; 0 when the line is too long or empty. */
static uint64_t line_key(const fl_block *b)
{
    toc_tail t = toc_split(b->text, b->len);
    uint64_t h = 1469598103934665603ull;
    size_t count = 0;
    for (size_t i = 0; i < t.content_end;) {
        uint32_t cp;
        i += fl_utf8_decode(b->text + i, t.content_end - i, &cp);
        cp = fl_norm_cp(cp);
        if (cp == 0 || cp == ' ' || cp == '*') continue;
        if (++count > MAX_KEY_CP) return 0;
        for (int k = 0; k < 4; k++) {
            h ^= (cp >> (8 * k)) & 0xFF;
            h *= 1099511628211ull;
        }
    }
    return count ? (h | 1) : 0;
}

static size_t slot(const key_table *kt, uint64_t h)
{
    size_t i = (size_t)(h ^ (h >> 29)) & (kt->cap - 1);
    while (kt->hash[i] && kt->hash[i] != h) i = (i + 1) & (kt->cap - 1);
    return i;
}

/* ---- candidates ------------------------------------------------------- */

/* A safety net for readers that pass a heading style name but no outline
 * level: "heading 2", "Heading2", "Heading_20_2" (LibreOffice's encoded
 * space), "标题 2". Returns 1..9, 0 for any other name. */
static int style_outline(const char *style)
{
    if (!style) return 0;
    const char *p = style;
    if (!strncmp(p, "标题", strlen("标题"))) {
        p += strlen("标题");
    } else {
        static const char h[] = "heading";
        for (size_t k = 0; k < sizeof h - 1; k++, p++)
            if ((*p | 0x20) != h[k]) return 0;
        if (!strncmp(p, "_20_", 4)) p += 4;
    }
    while (*p == ' ' || *p == '_') p++;
    return p[0] >= '1' && p[0] <= '9' && p[1] == '\0' ? p[0] - '0' : 0;
}

/* The outline level a block carries: the reader's, else its style name's. */
static int outline_of(const fl_block *b)
{
    if (b->outline >= 1 && b->outline <= MAX_LEVEL) return b->outline;
    return (b->flags & FL_BF_NO_HEADING) ? 0 : style_outline(b->style);
}

typedef struct cand {
    uint64_t key;
    signed char kind;   /* enum fl_typed_kind of a typed heading, FL_TK_NONE if none */
    bool top;           /* a 报告表 part title: always top level */
    bool chapter;       /* a "2 工程分析" followed by 2.1: a decimal chapter */
    bool ones;          /* for 1.1 / 1.1.1: all components after the first are 1 */
    int first;          /* first component of a decimal number */
    bool toc_title;     /* 目录: what follows is the main text */
    int value;
} cand;

static bool heading_part(const fl_block *b)
{
    return (b->part == FL_PART_BODY || b->part == FL_PART_TEXTBOX) && b->kind != FL_BLOCK_CELL &&
           b->table == 0;
}


static bool is_toc_title(fl_arena *scratch, const fl_block *b)
{
    if (b->len > 32) return false;
    const char *k = fl_norm_label(scratch, b->text, b->len);
    return !strcmp(k, "目录") || !strcmp(k, "目次") || !strcmp(k, "CONTENTS") || !strcmp(k, "Contents");
}

static bool blank_text(const fl_block *b)
{
    size_t st, en;
    fl_typed_trim(b->text, b->len, &st, &en);
    return st >= en;
}

/* Lines ending in leaders and a page number, the lines after a 目录 title
 * that come back later in the document, and runs of three or more numbered
 * lines that all come back later are table-of-contents entries. */
static void find_toc(fl_doc *doc, cand *cd, size_t nb)
{
    key_table kt = {0};
    size_t count = 0;
    for (size_t i = 0; i < nb; i++) count += cd[i].key != 0;
    kt.cap = 16;
    while (kt.cap < 2 * count + 2) kt.cap *= 2;
    kt.hash = fl_xcalloc(kt.cap, sizeof *kt.hash);
    kt.last = fl_xcalloc(kt.cap, sizeof *kt.last);
    for (size_t i = 0; i < nb; i++) {
        if (!cd[i].key) continue;
        size_t k = slot(&kt, cd[i].key);
        kt.hash[k] = cd[i].key;
        kt.last[k] = (int)i;
    }
#define LATER(i) (cd[i].key && kt.last[slot(&kt, cd[i].key)] > (int)(i))
    for (size_t i = 0; i < nb; i++) {
        fl_block *b = &doc->blocks[i];
        if (!heading_part(b)) continue;
        toc_tail t = toc_split(b->text, b->len);
        if (t.page && (t.dots || (t.tab && cd[i].kind != FL_TK_NONE)) && t.content_end > 0)
            b->flags |= FL_BF_TOC;
    }
    fl_arena scratch;
    fl_arena_init(&scratch);
    for (size_t i = 0; i < nb; i++) {
        fl_block *b = &doc->blocks[i];
        if (!heading_part(b) || !is_toc_title(&scratch, b)) continue;
        cd[i].toc_title = true;
        for (size_t j = i + 1; j < nb; j++) {
            fl_block *e = &doc->blocks[j];
            if (!heading_part(e)) break;
            if (blank_text(e)) continue;
            if (!(e->flags & FL_BF_TOC) && !LATER(j)) {
                /* a numbered entry worded differently in the body, between
                 * two entries that do come back, is still an entry */
                size_t k = j + 1;
                while (k < nb && heading_part(&doc->blocks[k]) && blank_text(&doc->blocks[k])) k++;
                bool next_toc = k < nb && heading_part(&doc->blocks[k]) &&
                                ((doc->blocks[k].flags & FL_BF_TOC) || LATER(k));
                if (cd[j].kind == FL_TK_NONE || !next_toc) break;
            }
            e->flags |= FL_BF_TOC;
        }
    }
    fl_arena_free(&scratch);
    for (size_t i = 0; i < nb;) {
        size_t j = i;
        while (j < nb && heading_part(&doc->blocks[j]) &&
               ((doc->blocks[j].flags & FL_BF_TOC) || (cd[j].kind != FL_TK_NONE && LATER(j))))
            j++;
        if (j - i >= 3)
            for (size_t k = i; k < j; k++) doc->blocks[k].flags |= FL_BF_TOC;
        i = j > i ? j : i + 1;
    }
#undef LATER
    free(kt.hash);
    free(kt.last);
}

/* "1 总则" is a chapter when the next decimal-numbered line is 1.1 (or
 * 1.1.1); "1、废气" followed by "2、废水" is a list item. */
static void mark_chapters(const fl_doc *doc, cand *cd, size_t nb)
{
    int next = -1; /* index of the nearest following decimal-numbered candidate */
    for (size_t i = nb; i-- > 0;) {
        const fl_block *b = &doc->blocks[i];
        if (!heading_part(b) || (b->flags & (FL_BF_TOC | FL_BF_TITLE))) continue;
        enum fl_typed_kind k = (enum fl_typed_kind)cd[i].kind;
        if (k == FL_TK_DEC1 && next >= 0) {
            const cand *n = &cd[next];
            cd[i].chapter = (n->kind == FL_TK_DEC2 || n->kind == FL_TK_DEC3) && n->first == cd[i].value && n->ones;
        }
        if (k >= FL_TK_DEC1 && k <= FL_TK_DEC4) next = (int)i;
    }
}

/* ---- the tree ---------------------------------------------------------- */

typedef struct entry {
    int section;
    enum fl_typed_kind kind;
    int value;
    int level;
    bool styled;
    bool structural; /* a 1 / 1. heading that heads the typed structure */
} entry;

typedef struct builder {
    fl_doc *doc;
    entry stack[MAX_LEVEL + 1];
    int depth;
} builder;

static void close_to(builder *bd, int depth, size_t end)
{
    while (bd->depth > depth) {
        bd->depth--;
        bd->doc->sections[bd->stack[bd->depth].section].end = (int)end;
    }
}

static const char *trimmed_title(fl_doc *doc, const fl_block *b)
{
    size_t st, en;
    fl_typed_trim(b->text, b->len, &st, &en);
    if (st == 0 && en == b->len) return b->text;
    return fl_arena_strndup(&doc->arena, b->text + st, en - st);
}

static void open_section(builder *bd, size_t bi, entry e)
{
    fl_doc *doc = bd->doc;
    fl_block *b = &doc->blocks[bi];
    FL_VEC_RESERVE(doc->sections, doc->cap_sections, doc->nsections + 1);
    fl_section *s = &doc->sections[doc->nsections];
    s->block = (int)bi;
    s->level = e.level;
    s->parent = bd->depth ? bd->stack[bd->depth - 1].section : -1;
    s->end = (int)bi + 1;
    s->title = trimmed_title(doc, b);
    s->path = s->parent >= 0 ? fl_arena_printf(&doc->arena, "%s › %s", doc->sections[s->parent].path, s->title)
                             : s->title;
    e.section = (int)doc->nsections++;
    bd->stack[bd->depth++] = e;
    b->kind = FL_BLOCK_HEADING;
    b->level = e.level;
}

static void styled_heading(builder *bd, size_t bi, int outline, enum fl_typed_kind k, int value)
{
    while (bd->depth && bd->stack[bd->depth - 1].level >= outline) close_to(bd, bd->depth - 1, bi);
    entry e = {.kind = k, .value = value, .level = outline, .styled = true};
    open_section(bd, bi, e);
}

static bool continues_by_number(enum fl_typed_kind k)
{
    return k == FL_TK_CN || k == FL_TK_CNPAREN || k == FL_TK_DEC1 || k == FL_TK_PAREN;
}

static bool is_decimal_structure(const entry *e)
{
    return e->kind == FL_TK_DEC2 || e->kind == FL_TK_DEC3 || e->kind == FL_TK_DEC4 ||
           (e->kind == FL_TK_DEC1 && e->structural);
}

/* The open heading a typed heading of kind k is a sibling of, or -1. A
 * decimal chapter is only ever the sibling of another chapter. */
static int sibling_of(const builder *bd, enum fl_typed_kind k, int value, bool chapter)
{
    int top = -1;
    for (int j = bd->depth - 1; j >= 0; j--) {
        if (bd->stack[j].kind != k || (chapter && !bd->stack[j].structural)) continue;
        if (top < 0) top = j;
        if (!continues_by_number(k)) return j;
        if (value == bd->stack[j].value + 1) return j;
    }
    if (top >= 0 && value != 1) return top; /* a gap in the numbering */
    return -1;
}

static void typed_heading(builder *bd, size_t bi, enum fl_typed_kind k, int value, bool top, bool chapter)
{
    int sib = -1;
    if (top) { /* the outermost open 一、 heading, not a nested 一、 list */
        for (int j = 0; j < bd->depth && sib < 0; j++)
            if (bd->stack[j].kind == FL_TK_CN) sib = j;
    } else {
        sib = sibling_of(bd, k, value, chapter);
    }
    entry e = {.kind = k, .value = value};
    if (sib >= 0) {
        e.level = bd->stack[sib].level;
        e.structural = bd->stack[sib].structural;
        close_to(bd, sib, bi);
        open_section(bd, bi, e);
        return;
    }
    int barrier = -1;
    for (int j = bd->depth - 1; j >= 0; j--)
        if (bd->stack[j].styled) { barrier = j; break; }
    int keep = bd->depth;
    if (k == FL_TK_TOP || k == FL_TK_CHAP) {
        keep = barrier + 1;
    } else if (top) { /* 一、结论 of a 报告表, but inside 第九章 of a 报告书 */
        while (keep > barrier + 1 && bd->stack[keep - 1].kind != FL_TK_CHAP && bd->stack[keep - 1].kind != FL_TK_JIE &&
               bd->stack[keep - 1].kind != FL_TK_TOP && bd->stack[keep - 1].kind != FL_TK_APPX)
            keep--;
    } else if (k == FL_TK_APPX) {
        keep = barrier + 1;
        for (int j = bd->depth - 1; j > barrier; j--)
            if (bd->stack[j].kind == FL_TK_TOP && bd->stack[j].value == 1) { keep = j + 1; break; }
    } else if (chapter) { /* under 第一章 at most */
        while (keep > barrier + 1 && bd->stack[keep - 1].kind != FL_TK_CHAP && bd->stack[keep - 1].kind != FL_TK_JIE)
            keep--;
    } else {
        bool crosses_decimals = false;
        while (keep > barrier + 1) {
            const entry *t = &bd->stack[keep - 1];
            if (rank_of[t->kind] <= rank_of[k]) break;
            if ((k == FL_TK_CN || k == FL_TK_CNPAREN || k == FL_TK_KNOWN) && is_decimal_structure(t)) break;
            if (t->kind >= FL_TK_DEC2 && t->kind <= FL_TK_DEC4) crosses_decimals = true;
            keep--;
        }
        if ((k == FL_TK_DEC1 || k == FL_TK_PAREN) && crosses_decimals) keep = bd->depth; /* a list item */
    }
    close_to(bd, keep, bi);
    e.level = bd->depth ? bd->stack[bd->depth - 1].level + 1 : 1;
    if (e.level > MAX_LEVEL) return;
    e.structural = k == FL_TK_DEC1 && (chapter || bd->depth == barrier + 1);
    open_section(bd, bi, e);
}

void fl_sections_build(fl_doc *doc)
{
    size_t nb = doc->nblocks;
    doc->nsections = 0;
    cand *cd = fl_xcalloc(nb ? nb : 1, sizeof *cd);
    bool any_styled = false;
    for (size_t i = 0; i < nb; i++) {
        fl_block *b = &doc->blocks[i];
        b->section = -1;
        if (b->kind == FL_BLOCK_HEADING) b->kind = FL_BLOCK_PARAGRAPH;
        b->level = 0;
        if (!heading_part(b)) continue;
        if (outline_of(b) && !(b->flags & (FL_BF_TOC | FL_BF_TITLE))) any_styled = true;
        cd[i].key = line_key(b);
        fl_typed ty;
        fl_typed_classify(&ty, b->text, b->len);
        cd[i].kind = (signed char)ty.kind;
        cd[i].value = ty.value;
        cd[i].first = ty.first;
        cd[i].ones = ty.ones;
        cd[i].top = ty.top;
    }
    find_toc(doc, cd, nb);
    mark_chapters(doc, cd, nb);

    builder bd = {.doc = doc};
    size_t body_end = 0;
    for (size_t i = 0; i < nb; i++) {
        fl_block *b = &doc->blocks[i];
        if (b->part != FL_PART_BODY && b->part != FL_PART_TEXTBOX) continue;
        body_end = i + 1;
        if (heading_part(b) && !(b->flags & (FL_BF_TOC | FL_BF_TITLE)) && !cd[i].toc_title && !blank_text(b)) {
            if (outline_of(b))
                styled_heading(&bd, i, outline_of(b), (enum fl_typed_kind)cd[i].kind, cd[i].value);
            else if (cd[i].kind != FL_TK_NONE && !(any_styled && (b->flags & FL_BF_NO_HEADING)))
                typed_heading(&bd, i, (enum fl_typed_kind)cd[i].kind, cd[i].value, cd[i].top, cd[i].chapter);
        }
        /* the cover and front matter end at the table of contents */
        if (cd[i].toc_title) close_to(&bd, 0, i);
        b->section = bd.depth ? bd.stack[bd.depth - 1].section : -1;
    }
    close_to(&bd, 0, body_end);
    free(cd);
}

const char *fl_sections_explain(const fl_doc *doc, const fl_block *b)
{
    (void)doc;
    if (b->kind == FL_BLOCK_HEADING || !heading_part(b)) return NULL;
    if (b->flags & FL_BF_TOC) return "table of contents";
    if (b->flags & FL_BF_TITLE) return "document title";
    fl_arena a;
    fl_arena_init(&a);
    bool toc_title = is_toc_title(&a, b);
    fl_arena_free(&a);
    if (toc_title) return "table-of-contents title";
    fl_typed ty;
    fl_typed_classify(&ty, b->text, b->len);
    if (ty.why) return ty.why;
    if (ty.kind == FL_TK_NONE) return NULL;
    if (b->flags & FL_BF_NO_HEADING) return "body text (outline level 9)";
    return "nested deeper than 9 levels";
}

const char *fl_sections_source(const fl_doc *doc, const fl_block *b)
{
    (void)doc;
    static const char *const typed[] = {
        [FL_TK_NONE] = "typed", [FL_TK_TOP] = "known title", [FL_TK_APPX] = "appendix item",
        [FL_TK_CHAP] = "typed 第…章", [FL_TK_JIE] = "typed 第…节", [FL_TK_CN] = "typed 一、",
        [FL_TK_KNOWN] = "known 报告表 sub-item", [FL_TK_CNPAREN] = "typed （一）", [FL_TK_DEC1] = "typed 1、/1./1",
        [FL_TK_DEC2] = "typed 1.1", [FL_TK_DEC3] = "typed 1.1.1", [FL_TK_DEC4] = "typed 1.1.1.1", [FL_TK_PAREN] = "typed （1）",
    };
    static const char *const labelled[] = {
        [FL_TK_NONE] = "numbering label", [FL_TK_TOP] = "numbering label", [FL_TK_APPX] = "numbering label",
        [FL_TK_CHAP] = "numbering label 第…章", [FL_TK_JIE] = "numbering label 第…节", [FL_TK_CN] = "numbering label 一、",
        [FL_TK_KNOWN] = "numbering label", [FL_TK_CNPAREN] = "numbering label （一）", [FL_TK_DEC1] = "numbering label 1.",
        [FL_TK_DEC2] = "numbering label 1.1", [FL_TK_DEC3] = "numbering label 1.1.1", [FL_TK_DEC4] = "numbering label 1.1.1.1",
        [FL_TK_PAREN] = "numbering label （1）",
    };
    if (b->kind != FL_BLOCK_HEADING) return NULL;
    if (b->outline >= 1 && b->outline <= MAX_LEVEL) return "outline level";
    if (outline_of(b)) return "heading style name";
    fl_typed ty;
    fl_typed_classify(&ty, b->text, b->len);
    return b->label ? labelled[ty.kind] : typed[ty.kind];
}
