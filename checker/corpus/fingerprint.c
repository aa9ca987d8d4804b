/* Folding and winnowing for the similarity corpus; see fingerprint.h for
 * what is folded and why. The fold keeps, for each unit, the block and the
 * byte offset of the original character, so a shared passage found in folded
 * units is reported at its real place. */
#include "corpus/fingerprint.h"
#include "core/arena.h"
#include "core/norm.h"
#include "core/utf8.h"
#include <stdlib.h>
#include <string.h>

void fl_fp_params_default(fl_fp_params *p)
{
    p->gram = FL_FP_GRAM_DEFAULT;
    p->window = FL_FP_WINDOW_DEFAULT;
}

int fl_fp_params_check(const fl_fp_params *p)
{
    if (p->gram < 1 || p->gram > FL_FP_GRAM_MAX) return -1;
    if (p->window < 1 || p->window > FL_FP_WINDOW_MAX) return -1;
    return 0;
}

/* Digits outside ASCII that writers use for numbers: super/subscripts (m³,
 * SO₂), circled and parenthesised numbers (①), Roman numerals (Ⅲ类). They
 * change with the numbers, so they fold like digits. */
static bool is_digit_like(uint32_t cp)
{
    return cp == 0xB2 || cp == 0xB3 || cp == 0xB9 || (cp >= 0x2070 && cp <= 0x2089) ||
           (cp >= 0x2160 && cp <= 0x2188) || (cp >= 0x2460 && cp <= 0x24FF) ||
           (cp >= 0x2776 && cp <= 0x2793) || (cp >= 0x3220 && cp <= 0x3229);
}

/* Punctuation and symbols: edits to them (，for 、, “” for 「」, ≤ for <,
 * ☑ for □) must not break a shared passage. Letters of every script,
 * CJK ideographs and kana are kept. */
static bool is_dropped(uint32_t cp)
{
    if (cp < 0x80) return !((cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z'));
    return (cp >= 0x80 && cp <= 0xBF) || cp == 0xD7 || cp == 0xF7 ||
           (cp >= 0x2000 && cp <= 0x2BFF) ||            /* punctuation, symbols, arrows, math, shapes */
           (cp >= 0x2E00 && cp <= 0x2E7F) || (cp >= 0x3000 && cp <= 0x303F) ||
           (cp >= 0xE000 && cp <= 0xF8FF) ||            /* private use: Wingdings checkboxes */
           (cp >= 0xFE10 && cp <= 0xFE6F) || (cp >= 0xFF00 && cp <= 0xFF65) ||
           cp == 0xFFFD || (cp >= 0x1F000 && cp <= 0x1FAFF);
}

uint32_t fl_fold_cp(uint32_t cp)
{
    if (cp >= 0x4E00 && cp <= 0x9FFF) return cp; /* CJK ideographs: most of the text */
    if (is_digit_like(cp)) return FL_FOLD_DIGIT;
    uint32_t r = fl_norm_cp(cp);
    if (r == 0 || r == ' ') return 0;
    if (r >= '0' && r <= '9') return FL_FOLD_DIGIT;
    if (r >= 'A' && r <= 'Z') return r + ('a' - 'A');
    if (is_dropped(r)) return 0;
    return r;
}

void fl_fold_init(fl_fold *f) { memset(f, 0, sizeof *f); }

void fl_fold_free(fl_fold *f)
{
    if (!f) return;
    free(f->unit);
    free(f->block);
    free(f->off);
    memset(f, 0, sizeof *f);
}

static void reserve(fl_fold *f, size_t need)
{
    if (need <= f->cap) return;
    size_t cap = f->cap ? f->cap : 1024;
    while (cap < need) cap *= 2;
    f->unit = fl_xrealloc(f->unit, cap * sizeof *f->unit);
    f->block = fl_xrealloc(f->block, cap * sizeof *f->block);
    f->off = fl_xrealloc(f->off, cap * sizeof *f->off);
    f->cap = cap;
}

/* ASCII and the 3-byte sequences of CJK text inline; everything else (and
 * every invalid sequence) through fl_utf8_decode, so both agree. */
static inline size_t decode(const char *text, size_t len, uint32_t *cp)
{
    const unsigned char *s = (const unsigned char *)text;
    if (s[0] < 0x80) {
        *cp = s[0];
        return 1;
    }
    if (s[0] >= 0xE1 && s[0] <= 0xEC && len >= 3 && (s[1] & 0xC0) == 0x80 && (s[2] & 0xC0) == 0x80) {
        *cp = ((s[0] & 0x0Fu) << 12) | ((s[1] & 0x3Fu) << 6) | (s[2] & 0x3Fu);
        return 3;
    }
    return fl_utf8_decode(text, len, cp);
}

void fl_fold_append(fl_fold *f, int block, const char *text, size_t len)
{
    reserve(f, f->n + len); /* every unit takes at least one byte */
    bool digits = f->n && f->unit[f->n - 1] == FL_FOLD_DIGIT;
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        size_t k = decode(text + i, len - i, &cp);
        uint32_t u = fl_fold_cp(cp);
        if (u && !(u == FL_FOLD_DIGIT && digits)) {
            f->unit[f->n] = u;
            f->block[f->n] = block;
            f->off[f->n] = (uint32_t)i;
            f->n++;
            digits = u == FL_FOLD_DIGIT;
        }
        i += k;
    }
}

bool fl_fold_wants(const fl_block *b)
{
    if (b->part != FL_PART_BODY && b->part != FL_PART_TEXTBOX && b->part != FL_PART_FOOTNOTE &&
        b->part != FL_PART_ENDNOTE)
        return false;
    return !(b->flags & (FL_BF_TOC | FL_BF_PLACEHOLDER));
}

void fl_fold_doc(fl_fold *f, const fl_doc *doc)
{
    for (size_t i = 0; i < doc->nblocks; i++)
        if (fl_fold_wants(&doc->blocks[i])) fl_fold_append(f, (int)i, doc->blocks[i].text, doc->blocks[i].len);
}

/* splitmix64's finaliser: the polynomial hash mod 2^64 has weak low bits,
 * and winnowing needs hashes that order like random numbers. */
static uint64_t mix(uint64_t x)
{
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebULL;
    x ^= x >> 31;
    return x;
}

#define BASE 0x100000001b3ULL

/* Rolling polynomial hash of every gram. */
static void gram_hashes(uint32_t *g, const uint32_t *u, size_t ng, int k)
{
    uint64_t top = 1; /* BASE^(k-1) */
    for (int i = 1; i < k; i++) top *= BASE;
    uint64_t h = 0;
    for (int i = 0; i < k; i++) h = h * BASE + u[i];
    g[0] = (uint32_t)(mix(h) >> 32);
    for (size_t i = 1; i < ng; i++) {
        h = (h - u[i - 1] * top) * BASE + u[i + k - 1];
        g[i] = (uint32_t)(mix(h) >> 32);
    }
}

/* Robust winnowing: the rightmost minimum of each window, recorded when it
 * changes, so a run of equal hashes yields few fingerprints. */
size_t fl_fp_winnow(fl_fp **out, const uint32_t *units, size_t n, const fl_fp_params *p)
{
    *out = NULL;
    size_t k = (size_t)p->gram;
    if (n < k) return 0;
    size_t ng = n - k + 1;
    size_t w = (size_t)p->window < ng ? (size_t)p->window : ng;
    uint32_t *g = fl_xmalloc(ng * sizeof *g);
    gram_hashes(g, units, ng, p->gram);
    fl_fp *fp = fl_xmalloc((ng - w + 1) * sizeof *fp);
    size_t nfp = 0, min = SIZE_MAX;
    for (size_t start = 0; start + w <= ng; start++) {
        size_t last = start + w - 1;
        if (min == SIZE_MAX || min < start) {
            min = start;
            for (size_t i = start + 1; i <= last; i++)
                if (g[i] <= g[min]) min = i;
        } else if (g[last] <= g[min]) {
            min = last;
        } else {
            continue;
        }
        if (nfp && fp[nfp - 1].pos == min) continue;
        fp[nfp].hash = g[min];
        fp[nfp].pos = (uint32_t)min;
        nfp++;
    }
    free(g);
    *out = fp;
    return nfp;
}

void fl_fp_sort(fl_fp *v, size_t n)
{
    if (n < 2) return;
    fl_fp *tmp = fl_xmalloc(n * sizeof *tmp), *src = v, *dst = tmp;
    for (int shift = 0; shift < 32; shift += 8) {
        size_t count[257] = {0};
        for (size_t i = 0; i < n; i++) count[((src[i].hash >> shift) & 0xFF) + 1]++;
        for (int b = 0; b < 256; b++) count[b + 1] += count[b];
        for (size_t i = 0; i < n; i++) dst[count[(src[i].hash >> shift) & 0xFF]++] = src[i];
        fl_fp *t = src;
        src = dst;
        dst = t;
    }
    free(tmp); /* four passes: the result is back in v */
}
