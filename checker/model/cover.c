/* The cover region (model/cover.h). */
#include "model/cover.h"
#include "core/norm.h"
#include "core/utf8.h"
#include "model/typed.h"
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
