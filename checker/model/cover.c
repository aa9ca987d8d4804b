/* The cover region (model/cover.h). */
#include "model/cover.h"
#include "core/norm.h"
#include "core/utf8.h"
#include "core/heading.h"
#include <string.h>

#define SENTENCE_CP 80 /* a longer line is body text, not a cover line */

bool fl_cover_part(const fl_block *b)
{
    return b->part == FL_PART_BODY || b->part == FL_PART_TEXTBOX;
}

bool fl_block_numbered(const fl_doc *doc, const fl_block *b)
{
    if (fl_block_x(doc, b)->label) return true;
    fl_typed ty;
    size_t len;
    const char *s = fl_block_mtext(doc, b, &len);
    fl_typed_classify(&ty, s, len);
    return ty.kind != FL_TK_NONE;
}

/* 目录, however spaced (目  录). */
static bool toc_title(const char *s, size_t len)
{
    size_t k = 0;
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        size_t n = fl_norm_next(s, len, i, &cp);
        i += n;
        if (cp == ' ' || cp == 0) continue;
        if (k == 0 && cp == 0x76EE) k = 1;      /* 目 */
        else if (k == 1 && cp == 0x5F55) k = 2; /* 录 */
        else return false;
    }
    return k == 2;
}

/* s is NUL-terminated (block texts are). Length first: a long paragraph
 * is not searched. */
static bool sentence(const char *s, size_t len)
{
    return len > SENTENCE_CP * 4 || fl_utf8_count(s, len) > SENTENCE_CP || strstr(s, "\xE3\x80\x82") ||
           strstr(s, "\xEF\xBC\x9B") || memchr(s, ';', len);
}

size_t fl_cover_end(const fl_doc *doc)
{
    size_t seen = 0;
    for (size_t i = 0; i < doc->nblocks; i++) {
        const fl_block *b = &doc->blocks[i];
        if (!fl_cover_part(b) || b->len == 0) continue;
        size_t len;
        const char *s = fl_block_mtext(doc, b, &len);
        if (seen == FL_COVER_LINES || (b->flags & FL_BF_TOC) || sentence(s, len) || toc_title(s, len)) return i;
        if (b->kind == FL_BLOCK_HEADING && (seen >= 3 || fl_block_numbered(doc, b))) return i;
        seen++;
    }
    return doc->nblocks;
}

static bool has_any(const char *t, const char *const *words, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (strstr(t, words[i])) return true;
    return false;
}

/* A cover line naming the project or the document: short, no colon (a colon
 * makes it a cover field such as 编制单位：…, whose company name may say 修复),
 * no full stop, and naming a 项目, 方案, 报告 or 公示牌. A first heading with
 * nothing before it (pandoc's "# title") is a title too. */
bool fl_cover_title_line(const fl_doc *doc, size_t i)
{
    static const char *const words[] = {"项目", "方案", "报告", "公示"};
    static const char *const stops[] = {":", "：", "。", "；"};
    if (i >= doc->nblocks) return false;
    const fl_block *b = &doc->blocks[i];
    if ((b->part != FL_PART_BODY && b->part != FL_PART_TEXTBOX) || (b->flags & FL_BF_TOC) || b->table) return false;
    if (!(b->flags & FL_BF_TITLE)) {
        size_t first = doc->nsections ? (size_t)doc->sections[0].block : doc->nblocks;
        if (i >= FL_COVER_TITLE_BLOCKS || i > first) return false;
        for (size_t j = 0; i == first && j < i; j++)
            if (doc->blocks[j].len && doc->blocks[j].part == FL_PART_BODY) return false;
    }
    if (!b->len || fl_utf8_count(b->text, b->len) > FL_COVER_TITLE_MAX_CP) return false;
    return !has_any(b->text, stops, 4) && has_any(b->text, words, 4);
}
