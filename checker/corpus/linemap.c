/* Line maps (linemap.h), stored as varint deltas. */
#include "corpus/linemap.h"
#include "core/arena.h"
#include "core/buf.h"
#include <stdlib.h>
#include <string.h>

static void put_varint(fl_buf *b, uint64_t v)
{
    while (v >= 0x80) {
        fl_buf_addc(b, (char)(v | 0x80));
        v >>= 7;
    }
    fl_buf_addc(b, (char)v);
}

static int get_varint(const unsigned char *p, size_t len, size_t *i, uint64_t *v)
{
    *v = 0;
    for (int shift = 0; *i < len && shift < 64; shift += 7) {
        unsigned char c = p[(*i)++];
        *v |= (uint64_t)(c & 0x7F) << shift;
        if (!(c & 0x80)) return 0;
    }
    return -1;
}

/* One pair per block that has units: fold position of its first unit and
 * its line, both as deltas (lines as zigzag: notes follow the body and
 * restart lower). About two bytes a block. A merged block (a run of tiny
 * lines) gets a pair for each of its lines that has units, so that a
 * passage found inside it names its own line, not the run's first. */
void fl_corpus_lines_encode(unsigned char **out, size_t *len, const fl_fold *f, const fl_doc *doc)
{
    fl_buf b = FL_BUF_INIT;
    int64_t prev_pos = 0, prev_line = 0;
    int32_t prev_block = -1;
    for (size_t i = 0; i < f->n; i++) {
        const fl_block *blk = &doc->blocks[f->block[i]];
        int64_t line = blk->line;
        if (blk->flags & FL_BF_MERGED) line += fl_block_line_of(doc, blk, f->off[i], NULL, NULL);
        if (f->block[i] == prev_block && line == prev_line) continue;
        prev_block = f->block[i];
        int64_t dl = line - prev_line;
        put_varint(&b, (uint64_t)((int64_t)i - prev_pos));
        put_varint(&b, dl >= 0 ? (uint64_t)dl * 2 : (uint64_t)(-dl) * 2 - 1);
        prev_pos = (int64_t)i;
        prev_line = line;
    }
    *len = b.len;
    *out = (unsigned char *)fl_buf_detach(&b);
}

int fl_corpus_lines_decode(fl_corpus_lines *l, const unsigned char *data, size_t len)
{
    memset(l, 0, sizeof *l);
    size_t cap = 0, i = 0;
    uint64_t pos = 0;
    int64_t line = 0;
    while (i < len) {
        uint64_t dp, dl;
        if (get_varint(data, len, &i, &dp) || get_varint(data, len, &i, &dl)) goto cleanup;
        pos += dp;
        line += dl & 1 ? -(int64_t)((dl + 1) / 2) : (int64_t)(dl / 2);
        if (pos > UINT32_MAX || line < 0 || line > INT32_MAX) goto cleanup;
        if (l->n == cap) {
            cap = cap ? cap * 2 : 64;
            l->pos = fl_xrealloc(l->pos, cap * sizeof *l->pos);
            l->line = fl_xrealloc(l->line, cap * sizeof *l->line);
        }
        l->pos[l->n] = (uint32_t)pos;
        l->line[l->n++] = (uint32_t)line;
    }
    return 0;
cleanup:
    fl_corpus_lines_free(l);
    return -1;
}

int fl_corpus_lines_at(const fl_corpus_lines *l, uint32_t pos)
{
    if (!l->n) return 0;
    size_t lo = 0, hi = l->n; /* last start <= pos */
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (l->pos[mid] <= pos) lo = mid;
        else hi = mid;
    }
    return (int)l->line[lo];
}

void fl_corpus_lines_free(fl_corpus_lines *l)
{
    if (!l) return;
    free(l->pos);
    free(l->line);
    memset(l, 0, sizeof *l);
}
