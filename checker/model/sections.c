/* The section tree. Most Chinese filings are typed without heading styles, so
 * headings come from three sources, in order of trust: the reader's outline
 * level (heading styles, outlineLvl, Markdown #; a heading style name as a
 * fallback), a rendered numbering label, and numbered text on short lines
 * without sentence punctuation (第一章 > 一、 > （一） > 1、 > 1.1 > 1.1.1 >
 * 1.1.1.1 > （1）). Bare lines that are known titles (概述, 附件, the parts
 * and sub-items of a 报告表 such as 评价适用标准 or 环境保护目标) count as typed
 * headings too.
 *
 * Before the tree, four passes over the blocks, each linear:
 *  - contents: after a 目录 / 目次 title, the lines up to where the body starts
 *    are contents entries (FL_BF_TOC), page numbers glued on or not; without a
 *    title, a run of three numbered lines ending in rising page numbers is one
 *    too. The body starts at the first line that is not contents-shaped:
 *    usually the heading that repeats the first entry, a styled heading, or
 *    prose. A line with leaders and a page number is an entry anywhere.
 *  - lists: runs of 附图N / 附件N / 附表N lines (and the bare 附图 title over
 *    them unless they end the filing) are list items (FL_BF_LIST), never
 *    headings; a single 附件1 line followed by its content is the title of an
 *    attached page.
 *  - families: a numbered line whose title starts like a quantity (1.1 项目由来,
 *    4.1 公众座谈会, 3 台设备) or is glued to a single number (2首次…, 3号楼)
 *    is a heading only when the contents list it, or when the decimal
 *    numbering has plain headings and its number continues it; the bare part
 *    titles of a 报告表 are parts only when two of the same form are there.
 *  - chapters: "2 工程分析" followed by 2.1 is a decimal chapter.
 * One pass with a small stack of open sections then builds the tree.
 *
 * Levels: a styled heading keeps its outline level; a typed heading is a
 * sibling of the nearest open heading of the same numbering kind (styled or
 * not; 1、 follows 1、 only when its number continues it), otherwise it nests
 * under the open heading after closing open typed headings of a deeper rank.
 * Guards keep list items from closing real structure and vice versa:
 * "2 工程分析" followed by 2.1 is a decimal chapter, while a 1、 list that
 * starts under 1.1.1 nests there; 一、/（一） never close decimal chapters
 * (1 总则 › 1.1 编制依据 › 一、法律法规); the part titles of a 报告表
 * (一、建设项目基本情况 … 六、结论, or typed bare) close any typed 一、 list
 * before them. */
#include "model/steps.h"
#include "model/sections.h"
#include "model/toclines.h"
#include "core/fielderr.h"
#include "core/heading.h"
#include "core/norm.h"
#include "core/utf8.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define MAX_KEY_CP FL_TOC_MAX_KEY_CP
#define MAX_LEVEL 9

/* Relative depth of the typed kinds; smaller is outer. */
static const int rank_of[] = {
    [FL_TK_NONE] = 99, [FL_TK_TOP] = 0, [FL_TK_APPX] = 0, [FL_TK_FORM] = 0, [FL_TK_CHAP] = 1, [FL_TK_JIE] = 2,
    [FL_TK_CN] = 3, [FL_TK_KNOWN] = 4, [FL_TK_CNPAREN] = 5, [FL_TK_DEC1] = 6, [FL_TK_DEC2] = 7, [FL_TK_DEC3] = 8,
    [FL_TK_DEC4] = 9, [FL_TK_PAREN] = 10,
};

static bool heading_part(const fl_block *b)
{
    return (b->part == FL_PART_BODY || b->part == FL_PART_TEXTBOX) && b->kind != FL_BLOCK_CELL &&
           b->table == 0;
}

static bool blank_text(const fl_block *b)
{
    size_t st, en;
    fl_typed_trim(b->text, b->len, &st, &en);
    return st >= en;
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
static int outline_of(const fl_doc *doc, const fl_block *b)
{
    if (b->outline >= 1 && b->outline <= MAX_LEVEL) return b->outline;
    return (b->flags & FL_BF_NO_HEADING) ? 0 : style_outline(fl_block_style(doc, b));
}

/* One per block, 24 bytes: the section pass of a document of millions of
 * lines holds one for each. */
typedef struct cand {
    const fl_typed *ty; /* the line read alone (core/heading.c); a line typed as
                           nothing shares one record */
    uint32_t key;       /* id of the line without a spaced or leader page number */
    uint32_t gkey;      /* ... and without a glued one: a contents entry's key */
    int16_t page;       /* page number at the end (at most 4 digits), -1 none or roman */
    signed char kind;   /* the kind decided: ty->kind, or another after the family decisions */
    signed char ckind;  /* the kind of the text before a page number */
    unsigned char tail; /* enum tail_kind */
    bool leaders : 1;   /* the page number follows leaders */
    bool chapter : 1;   /* a "2 工程分析" followed by 2.1: a decimal chapter */
    bool prose : 1;     /* sentence punctuation or longer than a contents entry */
    bool toc_title : 1; /* 目录: what follows is the contents, then the main text */
    bool toc_start : 1; /* first entry of a contents list without a title: the same */
} cand;

typedef struct scan {
    fl_doc *doc;
    cand *cd;
    size_t nb;
    fl_toc_keys keys;         /* line keys: ids, the last line with each, contents entries' */
    fl_arena typed;    /* the typed lines' fl_typed records */
    fl_typed untyped;  /* what a line typed as nothing reads as */
} scan;

/* 目录, 目 录, 目次, CONTENTS (a page header "目录 2" too). */
static bool is_toc_title(const char *s, size_t end)
{
    size_t o = 0;
    char buf[16];
    for (size_t i = 0; i < end;) {
        uint32_t cp;
        i += fl_utf8_decode(s + i, end - i, &cp);
        cp = fl_norm_cp(cp);
        if (cp == 0 || cp == ' ' || cp == '*') continue;
        char enc[4];
        size_t m = fl_utf8_encode(cp, enc);
        if (o + m >= sizeof buf) return false;
        memcpy(buf + o, enc, m);
        o += m;
    }
    buf[o] = '\0';
    return !strcmp(buf, "目录") || !strcmp(buf, "目次") || !strcmp(buf, "CONTENTS") || !strcmp(buf, "Contents");
}

static void read_candidate(scan *sc, const fl_block *b, cand *c)
{
    size_t len;
    const char *t = fl_block_mtext(sc->doc, b, &len);
    fl_toc_tail tl = fl_toc_page_tail(t, len);
    c->tail = (unsigned char)tl.kind;
    c->leaders = tl.leaders;
    c->page = (int16_t)(tl.kind != TAIL_NONE ? tl.page : -1);
    c->key = fl_toc_key_id(&sc->keys, fl_toc_key_of(t, tl.kind >= TAIL_SPACED ? tl.content_end : len));
    c->gkey = tl.kind == TAIL_GLUED ? fl_toc_key_id(&sc->keys, fl_toc_key_of(t, tl.content_end)) : c->key;
    c->toc_title = tl.content_end <= 32 && is_toc_title(t, tl.content_end);
    fl_typed ty;
    fl_typed_classify(&ty, t, len);
    if (memcmp(&ty, &sc->untyped, sizeof ty)) {
        fl_typed *own = fl_arena_alloc(&sc->typed, sizeof *own);
        *own = ty;
        c->ty = own;
    } else {
        c->ty = &sc->untyped;
    }
    c->kind = (signed char)ty.kind;
    c->prose = fl_typed_prose(t, tl.content_end, MAX_KEY_CP);
    c->ckind = c->kind;
    if (tl.kind != TAIL_NONE) {
        fl_typed content;
        fl_typed_classify(&content, t, tl.content_end);
        c->ckind = (signed char)content.kind;
    }
}

/* ---- contents ---------------------------------------------------------- */



static bool later(const scan *sc, size_t j, uint32_t id) { return id && sc->keys.last[id - 1] > (int)j; }

static void mark_entry(scan *sc, size_t j)
{
    fl_block *b = &sc->doc->blocks[j];
    b->flags |= FL_BF_TOC;
    if (sc->cd[j].ty->appx_item || sc->cd[j].ty->appx_bare) b->flags |= FL_BF_LIST;
}

/* Inside a contents list: a line with a page number (glued on or not), an
 * attachment line, or a short line that comes back later in the body. */
static bool entry_shaped(const scan *sc, size_t j)
{
    const cand *c = &sc->cd[j];
    const fl_block *b = &sc->doc->blocks[j];
    if (b->flags & FL_BF_TOC) return true;
    if (c->ty->appx_item || c->ty->appx_bare) return true;
    if (c->prose || !c->gkey) return false;
    if (c->tail != TAIL_NONE) return true;
    return later(sc, j, c->gkey);
}

/* The next block after j that is not blank, or nb. */
static size_t next_filled(const scan *sc, size_t j)
{
    for (j++; j < sc->nb; j++) {
        const fl_block *b = &sc->doc->blocks[j];
        if (!blank_text(b) || fl_block_x(sc->doc, b)->images) break;
    }
    return j;
}

/* The entries of a contents list from index j (after its 目录 title, or
 * after a run of entries whose first had key first), up to where the body
 * starts; returns that index. */
static size_t contents_from(scan *sc, size_t j, uint32_t first)
{
    for (; j < sc->nb; j++) {
        fl_block *b = &sc->doc->blocks[j];
        const cand *c = &sc->cd[j];
        if (!heading_part(b) || fl_block_x(sc->doc, b)->images) break;
        if (blank_text(b)) continue;
        if (c->toc_title) { /* "目录 2" heading the next page of the list */
            b->flags |= FL_BF_TOC;
            continue;
        }
        bool reader_toc = (b->flags & FL_BF_TOC) != 0;
        /* the body repeats the first entry, or a styled heading starts it */
        if (!reader_toc && c->tail == TAIL_NONE && ((first && c->key == first) || outline_of(sc->doc, b))) break;
        bool entry = entry_shaped(sc, j);
        if (!entry && !c->prose && c->gkey) {
            /* an entry worded differently in the body: before one with a page
             * number, or numbered and before another entry */
            size_t k = next_filled(sc, j);
            if (k < sc->nb && heading_part(&sc->doc->blocks[k])) {
                bool numbered = c->kind != FL_TK_NONE || c->ty->doubtful;
                entry = sc->cd[k].tail != TAIL_NONE || (sc->doc->blocks[k].flags & FL_BF_TOC) ||
                        (numbered && entry_shaped(sc, k));
            }
        }
        if (!entry) break;
        mark_entry(sc, j);
        if (!first && !c->ty->appx_item && !c->ty->appx_bare) first = c->gkey;
    }
    return j;
}

/* Without a title: a line is part of a contents run when it ends in leaders
 * and a page number, or it is numbered and ends in a page number, or it is
 * numbered and comes back later. */
static bool run_shaped(const scan *sc, size_t j, bool *weak)
{
    const cand *c = &sc->cd[j];
    const fl_block *b = &sc->doc->blocks[j];
    *weak = false;
    if ((b->flags & FL_BF_TOC) || c->tail == TAIL_STRONG) return true;
    bool numbered = c->ckind != FL_TK_NONE || c->ty->doubtful;
    if (c->tail != TAIL_NONE) {
        *weak = true;
        return numbered && !c->prose;
    }
    return c->kind != FL_TK_NONE && later(sc, j, c->key);
}

static void contents_runs(scan *sc)
{
    for (size_t i = 0; i < sc->nb;) {
        size_t j = i, count = 0;
        bool weak_any = false, rising = true, paged = false;
        int page = -1;
        while (j < sc->nb && heading_part(&sc->doc->blocks[j])) {
            const fl_block *b = &sc->doc->blocks[j];
            if (blank_text(b) && !fl_block_x(sc->doc, b)->images && count) { j++; continue; }
            bool weak;
            if (!run_shaped(sc, j, &weak)) break;
            weak_any |= weak;
            if (sc->cd[j].tail != TAIL_NONE) paged = true;
            if (sc->cd[j].page >= 0) {
                if (sc->cd[j].page < page) rising = false;
                page = sc->cd[j].page;
            }
            count++;
            j++;
        }
        /* page numbers of a contents list only go up */
        if (count >= 3 && (!weak_any || rising)) {
            for (size_t k = i; k < j; k++)
                if (!blank_text(&sc->doc->blocks[k])) mark_entry(sc, k);
            /* with page numbers it is a contents list, which goes on as after
             * a title: 附图 lists, entries without a page number */
            if (paged) {
                sc->cd[i].toc_start = true;
                j = contents_from(sc, j, sc->cd[i].gkey);
            }
        }
        i = j > i ? j : i + 1;
    }
}

static void find_contents(scan *sc)
{
    /* a line with leaders and a page number is an entry wherever it is;
     * with a tab only when it is numbered too */
    for (size_t i = 0; i < sc->nb; i++) {
        const cand *c = &sc->cd[i];
        if (!heading_part(&sc->doc->blocks[i]) || c->tail != TAIL_STRONG) continue;
        if (c->leaders || c->ckind != FL_TK_NONE || c->ty->doubtful) mark_entry(sc, i);
    }
    for (size_t i = 0; i < sc->nb;) {
        if (heading_part(&sc->doc->blocks[i]) && sc->cd[i].toc_title)
            i = contents_from(sc, i + 1, 0);
        else
            i++;
    }
    contents_runs(sc);
    for (size_t i = 0; i < sc->nb; i++)
        if ((sc->doc->blocks[i].flags & FL_BF_TOC) && sc->cd[i].gkey) sc->keys.toc[sc->cd[i].gkey - 1] = true;
}

/* ---- attachment lists ---------------------------------------------------- */

/* Main structure: numbered titles of the body (第一章, 一、, 1 / 1.1, a bare
 * 报告表 part), not list items, known sub-items or attachments. */
static bool main_structure(const cand *c)
{
    switch (c->kind) {
    case FL_TK_CHAP: case FL_TK_JIE: case FL_TK_CN: case FL_TK_FORM:
    case FL_TK_DEC2: case FL_TK_DEC3: case FL_TK_DEC4:
        return true;
    case FL_TK_DEC1:
        return !c->ty->list_sep;
    default:
        return false;
    }
}

/* Two or more 附X lines in a row (blank lines between them allowed) are a
 * list; a single one is a list item when nothing but another bare title or
 * the end follows it, or when it sits under a bare title and the body's
 * numbered titles follow; otherwise it is the title of an attached page. The
 * bare 附图 / 附件 title right above a list stays the heading of the
 * attachments when no numbered title of the body follows; before the body
 * (or inside it) it is part of the list, so that it cannot swallow what
 * comes after: the body's 一、 nested under 附图 was a real failure. */
static void find_lists(scan *sc)
{
    fl_doc *doc = sc->doc;
    /* main_after[i]: a main-structure title at an index above i */
    bool *main_after = fl_xcalloc(sc->nb + 1, sizeof *main_after);
    for (size_t i = sc->nb; i-- > 0;) {
        size_t k = i + 1;
        bool m = k < sc->nb && heading_part(&doc->blocks[k]) && !(doc->blocks[k].flags & FL_BF_TOC) &&
                 main_structure(&sc->cd[k]);
        main_after[i] = main_after[k] || m;
    }
    size_t prev = sc->nb; /* the last filled heading-part block before i */
    for (size_t i = 0; i < sc->nb;) {
        fl_block *b = &doc->blocks[i];
        bool open = heading_part(b) && !(b->flags & FL_BF_TOC);
        if (!open || !sc->cd[i].ty->appx_item) {
            if (!blank_text(b) || fl_block_x(doc, b)->images) prev = i;
            i++;
            continue;
        }
        /* a list's numbers go up within each word; 附件1 after 附件2 starts
         * again: the attached pages after their list */
        size_t j = i, last = i, count = 0;
        while (j < sc->nb) {
            const fl_block *e = &doc->blocks[j];
            const fl_typed *t = sc->cd[j].ty;
            if (!heading_part(e) || (e->flags & FL_BF_TOC) || !t->appx_item) break;
            if (count && t->appx_word == sc->cd[last].ty->appx_word && t->appx_number <= sc->cd[last].ty->appx_number)
                break;
            count++;
            last = j;
            j = next_filled(sc, j);
        }
        bool list = count >= 2;
        bool titled = prev < sc->nb && sc->cd[prev].ty->appx_bare && heading_part(&doc->blocks[prev]);
        if (!list) { /* one item: what follows it says whether it is a list */
            size_t k = next_filled(sc, i);
            const fl_block *n = k < sc->nb ? &doc->blocks[k] : NULL;
            list = !n || (n->part != FL_PART_BODY && n->part != FL_PART_TEXTBOX) ||
                   (heading_part(n) && (sc->cd[k].ty->appx_bare || (n->flags & FL_BF_TOC) ||
                                        (titled && main_structure(&sc->cd[k]))));
        }
        if (list) {
            for (size_t k = i; k <= last; k++)
                if (sc->cd[k].ty->appx_item) doc->blocks[k].flags |= FL_BF_LIST;
            if (titled && main_after[last]) doc->blocks[prev].flags |= FL_BF_LIST;
        }
        prev = last;
        i = last + 1;
    }
    free(main_after);
}

/* ---- numbering families and forms ------------------------------------------ */

/* A decimal outline number typed as a title (2, 2.1, 2.1.1; 1. too, not the
 * 1、 of a list), plain or doubtful. */
static bool outline_cand(const cand *c)
{
    return c->kind >= FL_TK_DEC1 && c->kind <= FL_TK_DEC4 && !c->ty->list_sep;
}

/* Does number b come right after number a: its first child (2 → 2.1), its
 * next sibling (2.1 → 2.2) or the next of an ancestor (2.1.3 → 2.2, → 3)? */
static bool follows(const cand *a, const cand *b)
{
    int na = a->ty->nparts, nb = b->ty->nparts;
    if (nb < 1 || na < 1 || nb > na + 1) return false;
    int same = nb == na + 1 ? na : nb - 1; /* components that must be equal */
    for (int k = 0; k < same; k++)
        if (a->ty->parts[k] != b->ty->parts[k]) return false;
    return nb == na + 1 ? b->ty->parts[nb - 1] == 1 : b->ty->parts[nb - 1] == a->ty->parts[nb - 1] + 1;
}

static int bits(uint32_t m)
{
    int n = 0;
    for (; m; m &= m - 1) n++;
    return n;
}

static bool open_line(const fl_block *b)
{
    return heading_part(b) && !(b->flags & (FL_BF_TOC | FL_BF_LIST | FL_BF_TITLE));
}

/* The nearest outline number after i outside contents and lists, or nb. */
static size_t next_outline(const scan *sc, size_t i)
{
    for (i++; i < sc->nb; i++)
        if (open_line(&sc->doc->blocks[i]) && outline_cand(&sc->cd[i])) break;
    return i;
}

/* One decision per document. A doubtful number becomes a heading when the
 * contents list it, or when the document has plain decimal headings and its
 * number continues the numbering: it follows the last plain or accepted
 * number before it, or the next number follows it. A chapter number is the
 * riskiest (3 台设备, 3号楼 against 3 环境现状): it must be followed by its
 * first section, or by the next chapter with text between them (1号楼 /
 * 2号楼 / 3号楼 in a row is a list), unless it is the last. The scans for the
 * next number stop at the nearest one, so this stays linear. Bare 报告表 part
 * titles are parts when at least two distinct ones of the same form are
 * there. */
static void decide_families(scan *sc)
{
    fl_doc *doc = sc->doc;
    int plain = 0;
    uint32_t present[3] = {0};
    for (size_t i = 0; i < sc->nb; i++) {
        const cand *c = &sc->cd[i];
        if (!open_line(&doc->blocks[i])) continue;
        if (outline_cand(c) && !c->ty->doubtful) plain++;
        if (c->kind == FL_TK_FORM && !c->ty->form_generic)
            for (int s = 0; s < 3; s++)
                if (c->ty->forms & (1u << s)) present[s] |= 1u << c->ty->form_index;
    }
    unsigned forms_there = 0;
    for (int s = 0; s < 3; s++)
        if (bits(present[s]) >= 2) forms_there |= 1u << s;
    size_t last_ok = sc->nb; /* the last plain or accepted outline number */
    for (size_t i = 0; i < sc->nb; i++) {
        cand *c = &sc->cd[i];
        if (!open_line(&doc->blocks[i])) continue;
        bool listed = c->key && sc->keys.toc[c->key - 1];
        if (c->kind == FL_TK_FORM && !(c->ty->forms & forms_there) && !listed) c->kind = c->ty->alt;
        if (!outline_cand(c)) continue;
        if (!c->ty->doubtful || listed) {
            last_ok = i;
            continue;
        }
        bool ok = false;
        if (plain > 0) {
            size_t n = next_outline(sc, i);
            bool next_ok = n < sc->nb && follows(c, &sc->cd[n]);
            bool prev_ok = last_ok < sc->nb && follows(&sc->cd[last_ok], c);
            if (c->ty->nparts > 1) ok = prev_ok || next_ok;
            else if (n == sc->nb) ok = prev_ok;
            else ok = next_ok && (sc->cd[n].ty->nparts > 1 || next_filled(sc, i) < n);
        }
        if (ok) last_ok = i;
        else c->kind = FL_TK_NONE;
    }
}

/* "1 总则" is a chapter when the next decimal-numbered line is 1.1 (or
 * 1.1.1); "1、废气" followed by "2、废水" is a list item. */
static void mark_chapters(const fl_doc *doc, cand *cd, size_t nb)
{
    int next = -1; /* index of the nearest following decimal-numbered candidate */
    for (size_t i = nb; i-- > 0;) {
        const fl_block *b = &doc->blocks[i];
        if (!open_line(b)) continue;
        enum fl_typed_kind k = (enum fl_typed_kind)cd[i].kind;
        if (k == FL_TK_DEC1 && next >= 0) {
            const cand *n = &cd[next];
            cd[i].chapter = (n->kind == FL_TK_DEC2 || n->kind == FL_TK_DEC3) && n->ty->first == cd[i].ty->value && n->ty->ones;
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
    if (k == FL_TK_TOP || k == FL_TK_CHAP || k == FL_TK_FORM) {
        keep = barrier + 1;
    } else if (top) { /* 一、结论 of a 报告表, but inside 第九章 of a 报告书 or a bare 结论与建议 */
        while (keep > barrier + 1 && bd->stack[keep - 1].kind != FL_TK_CHAP && bd->stack[keep - 1].kind != FL_TK_JIE &&
               bd->stack[keep - 1].kind != FL_TK_TOP && bd->stack[keep - 1].kind != FL_TK_APPX &&
               bd->stack[keep - 1].kind != FL_TK_FORM)
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
    scan sc = {.doc = doc, .nb = nb};
    sc.cd = fl_xcalloc(nb ? nb : 1, sizeof *sc.cd);
    fl_arena_init(&sc.typed);
    fl_typed_classify(&sc.untyped, "", 0);
    cand *cd = sc.cd;
    bool any_styled = false;
    for (size_t i = 0; i < nb; i++) {
        cd[i].ty = &sc.untyped;
        fl_block *b = &doc->blocks[i];
        b->section = -1;
        if (b->kind == FL_BLOCK_HEADING) b->kind = FL_BLOCK_PARAGRAPH;
        b->level = 0;
        /* a merged run of lines is never a heading: its lines read together
         * ("1" then "项目概况") would look like one */
        if (!heading_part(b) || (b->flags & FL_BF_MERGED)) continue;
        if (outline_of(doc, b) && !(b->flags & (FL_BF_TOC | FL_BF_TITLE))) any_styled = true;
        read_candidate(&sc, b, &cd[i]);
        if (cd[i].key) sc.keys.last[cd[i].key - 1] = (int)i;
    }
    find_contents(&sc);
    find_lists(&sc);
    decide_families(&sc);
    mark_chapters(doc, cd, nb);
    fl_toc_keys_free(&sc.keys);

    builder bd = {.doc = doc};
    size_t body_end = 0;
    for (size_t i = 0; i < nb; i++) {
        fl_block *b = &doc->blocks[i];
        if (b->part != FL_PART_BODY && b->part != FL_PART_TEXTBOX) continue;
        body_end = i + 1;
        if (open_line(b) && !cd[i].toc_title && !blank_text(b)) {
            if (outline_of(doc, b))
                styled_heading(&bd, i, outline_of(doc, b), (enum fl_typed_kind)cd[i].kind, cd[i].ty->value);
            else if (cd[i].kind != FL_TK_NONE && !(any_styled && (b->flags & FL_BF_NO_HEADING)))
                typed_heading(&bd, i, (enum fl_typed_kind)cd[i].kind, cd[i].ty->value, cd[i].ty->top, cd[i].chapter);
        }
        /* the cover and front matter end at the table of contents */
        if (cd[i].toc_title || cd[i].toc_start) close_to(&bd, 0, i);
        b->section = bd.depth ? bd.stack[bd.depth - 1].section : -1;
    }
    close_to(&bd, 0, body_end);
    fl_arena_free(&sc.typed);
    free(cd);
}

const char *fl_sections_explain(const fl_doc *doc, const fl_block *b)
{
    if (b->kind == FL_BLOCK_HEADING || !heading_part(b)) return NULL;
    if (b->flags & FL_BF_TOC) return "contents entry";
    if (b->flags & FL_BF_LIST) return "attachment list item";
    if (b->flags & FL_BF_TITLE) return "document title";
    size_t len;
    const char *t = fl_block_mtext(doc, b, &len);
    fl_toc_tail tl = fl_toc_page_tail(t, len);
    if (tl.content_end <= 32 && is_toc_title(t, tl.content_end)) return "table-of-contents title";
    fl_typed ty;
    fl_typed_classify(&ty, t, len);
    if (ty.why) return ty.why;
    if (ty.kind == FL_TK_NONE) return NULL;
    if (b->flags & FL_BF_NO_HEADING) return "body text (outline level 9)";
    if (ty.kind == FL_TK_FORM) return "a 报告表 part title, but no other part of that form is typed bare";
    if (ty.doubtful) return "starts like a quantity (台, 项, 公…): neither its numbering family nor the contents confirm it";
    return "nested deeper than 9 levels";
}

const char *fl_sections_source(const fl_doc *doc, const fl_block *b)
{
    static const char *const typed[] = {
        [FL_TK_NONE] = "typed", [FL_TK_TOP] = "known title", [FL_TK_APPX] = "appendix item",
        [FL_TK_FORM] = "known 报告表 part", [FL_TK_CHAP] = "typed 第…章", [FL_TK_JIE] = "typed 第…节",
        [FL_TK_CN] = "typed 一、", [FL_TK_KNOWN] = "known 报告表 sub-item", [FL_TK_CNPAREN] = "typed （一）",
        [FL_TK_DEC1] = "typed 1、/1./1", [FL_TK_DEC2] = "typed 1.1", [FL_TK_DEC3] = "typed 1.1.1",
        [FL_TK_DEC4] = "typed 1.1.1.1", [FL_TK_PAREN] = "typed （1）",
    };
    static const char *const confirmed[] = {
        [FL_TK_DEC1] = "typed 1, confirmed by numbering or contents", [FL_TK_DEC2] = "typed 1.1, confirmed by numbering or contents",
        [FL_TK_DEC3] = "typed 1.1.1, confirmed by numbering or contents",
        [FL_TK_DEC4] = "typed 1.1.1.1, confirmed by numbering or contents",
    };
    static const char *const labelled[] = {
        [FL_TK_NONE] = "numbering label", [FL_TK_TOP] = "numbering label", [FL_TK_APPX] = "numbering label",
        [FL_TK_FORM] = "numbering label", [FL_TK_CHAP] = "numbering label 第…章", [FL_TK_JIE] = "numbering label 第…节",
        [FL_TK_CN] = "numbering label 一、", [FL_TK_KNOWN] = "numbering label", [FL_TK_CNPAREN] = "numbering label （一）",
        [FL_TK_DEC1] = "numbering label 1.", [FL_TK_DEC2] = "numbering label 1.1", [FL_TK_DEC3] = "numbering label 1.1.1",
        [FL_TK_DEC4] = "numbering label 1.1.1.1", [FL_TK_PAREN] = "numbering label （1）",
    };
    if (b->kind != FL_BLOCK_HEADING) return NULL;
    if (b->outline >= 1 && b->outline <= MAX_LEVEL) return "outline level";
    if (outline_of(doc, b)) return "heading style name";
    size_t len;
    const char *t = fl_block_mtext(doc, b, &len);
    fl_typed ty;
    fl_typed_classify(&ty, t, len);
    if (fl_block_x(doc, b)->label) return labelled[ty.kind];
    if (ty.kind == FL_TK_FORM && ty.alt == FL_TK_KNOWN) { /* 建设内容: a part of the 生态影响类 form, else a sub-item */
        bool part = b->section >= 0 && (size_t)b->section < doc->nsections && doc->sections[b->section].parent < 0;
        return part ? typed[FL_TK_FORM] : typed[FL_TK_KNOWN];
    }
    if (ty.doubtful) return confirmed[ty.kind];
    return typed[ty.kind];
}
