/* Text normalisation for matching. Rules and patterns are written once in
 * plain ASCII forms ("GB 3095-2012", "(盖章)") and must still match what
 * authors type: full-width letters and digits, em dashes, ideographic spaces,
 * stray zero-width characters. fl_norm_text rewrites a block in one pass and
 * keeps, for every output byte, the offset of the original character, so a
 * match in the normalised text can be reported at its real column. */
#include "core/norm.h"
#include "core/utf8.h"
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

/* Code points that are dropped entirely: zero-width space / joiners, word
 * joiner, BOM, soft hyphen. They hide inside words ("GB\u200B3095"). */
static bool is_zero_width(uint32_t cp)
{
    return cp == 0x200B || cp == 0x200C || cp == 0x200D || cp == 0x2060 ||
           cp == 0xFEFF || cp == 0x00AD;
}

static bool is_space(uint32_t cp)
{
    if (cp < 0x80) return cp == ' ' || (cp >= 0x09 && cp <= 0x0D) || cp == 0;
    return cp == 0x85 || cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) ||
           cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

/* Dash punctuation. U+30FC (katakana long vowel) and U+2053 (swung dash)
 * look similar but are not dashes and are kept. */
static bool is_dash(uint32_t cp)
{
    return (cp >= 0x2010 && cp <= 0x2015) || cp == 0x2212 || cp == 0xFE58 ||
           cp == 0xFE63 || cp == 0xFF0D || cp == 0x2E3A || cp == 0x2E3B ||
           cp == 0xFE31 || cp == 0xFE32;
}

/* Returns 0 for a code point that is dropped. NUL counts as white space so
 * the normalised text stays a C string. The full-width comma U+FF0C is CJK
 * sentence punctuation like 、 and 。 and is kept, unlike the rest of the
 * full-width ASCII block. */
uint32_t fl_norm_cp(uint32_t cp)
{
    if (cp < 0x80) return is_space(cp) ? ' ' : cp;
    if (cp >= 0xFF01 && cp <= 0xFF5E) return cp == 0xFF0C ? cp : cp - 0xFEE0;
    if (is_space(cp)) return ' ';
    if (is_dash(cp)) return '-';
    if (is_zero_width(cp)) return 0;
    return cp;
}

/* The common 2- and 3-byte cases inline; everything else (and every invalid
 * sequence) goes through fl_utf8_decode so both agree byte for byte. */
static inline size_t decode(const unsigned char *s, size_t len, uint32_t *cp)
{
    unsigned c = s[0];
    if (c >= 0xE0 && c <= 0xEF && len >= 3 && (s[1] & 0xC0) == 0x80 && (s[2] & 0xC0) == 0x80) {
        uint32_t v = ((c & 0x0Fu) << 12) | ((s[1] & 0x3Fu) << 6) | (s[2] & 0x3Fu);
        if (v >= 0x800 && (v < 0xD800 || v > 0xDFFF)) { *cp = v; return 3; }
    } else if (c >= 0xC2 && c <= 0xDF && len >= 2 && (s[1] & 0xC0) == 0x80) {
        *cp = ((c & 0x1Fu) << 6) | (s[1] & 0x3Fu);
        return 2;
    }
    return fl_utf8_decode((const char *)s, len, cp);
}

/* The map back to the original is a list of breakpoints (normalised
 * offset, original offset) where the two stop advancing together; between
 * two, they advance together. It is stored compactly because a paragraph
 * of full-width letters or of spaced-out CJK (a PDF copy) has a
 * breakpoint every character: as tokens of varints, each a step
 * (dn: normalised bytes since the previous breakpoint, dd: change of
 * original - normalised) and how many times it repeats, so that a uniform
 * run costs one token; and every MAP_EVERY tokens an index entry (where
 * the token starts in both offsets and in the stream) for a binary search.
 * A breakpoint costs about 2 bytes, a run of them a few in all, where
 * two uint32 each cost 8. Layout in the arena:
 *   uint32 nidx, uint32 stream length, nidx x map_idx, stream bytes. */
enum { MAP_EVERY = 32 };

typedef struct map_idx { uint32_t norm, pos; int32_t delta; } map_idx;

typedef struct out_state {
    char *text;    /* NULL while the output is still the input (aliasing) */
    size_t o, cap; /* bytes written, bytes available (including the NUL) */
    long delta;    /* original - normalised offset since the last breakpoint */
    size_t last_norm; /* normalised offset of the last breakpoint */
    /* the pending run of equal steps, not yet in the stream */
    size_t run_dn; long run_dd; size_t run_n;
    size_t tok_norm; long tok_delta; /* state before the pending run */
    size_t ntok;
    unsigned char *stream; size_t slen, scap;
    map_idx *idx; size_t nidx, cap_idx;
} out_state;

static void put_varint(out_state *st, uint64_t v)
{
    FL_VEC_RESERVE(st->stream, st->scap, st->slen + 10);
    while (v >= 0x80) {
        st->stream[st->slen++] = (unsigned char)(v | 0x80);
        v >>= 7;
    }
    st->stream[st->slen++] = (unsigned char)v;
}

static uint64_t get_varint(const unsigned char *p, size_t *pos)
{
    uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
        unsigned char b = p[(*pos)++];
        v |= (uint64_t)(b & 0x7F) << shift;
        if (!(b & 0x80)) break;
    }
    return v;
}

static uint64_t zigzag(long v) { return v < 0 ? ((uint64_t)(-(v + 1)) << 1) | 1 : (uint64_t)v << 1; }
static long unzigzag(uint64_t v) { return (v & 1) ? -(long)(v >> 1) - 1 : (long)(v >> 1); }

/* Token: varint(dn << 1 | repeated), [varint(count) if repeated], zigzag(dd). */
static void flush_run(out_state *st)
{
    if (!st->run_n) return;
    if (st->ntok++ % MAP_EVERY == 0) {
        FL_VEC_RESERVE(st->idx, st->cap_idx, st->nidx + 1);
        st->idx[st->nidx++] = (map_idx){(uint32_t)st->tok_norm, (uint32_t)st->slen, (int32_t)st->tok_delta};
    }
    put_varint(st, (uint64_t)st->run_dn << 1 | (st->run_n > 1));
    if (st->run_n > 1) put_varint(st, st->run_n);
    put_varint(st, zigzag(st->run_dd));
    st->tok_norm += st->run_dn * st->run_n;
    st->tok_delta += st->run_dd * (long)st->run_n;
    st->run_n = 0;
}

static void materialize(out_state *st, fl_arena *a, const char *s, size_t cap)
{
    char *t = fl_arena_alloc(a, cap);
    if (st->o) memcpy(t, st->text ? st->text : s, st->o);
    st->text = t;
    st->cap = cap;
}

/* The character written next at st->o comes from original offset i. */
static void mark(out_state *st, size_t i)
{
    long d = (long)i - (long)st->o;
    if (d == st->delta) return;
    size_t dn = st->o - st->last_norm;
    long dd = d - st->delta;
    if (st->run_n && (dn != st->run_dn || dd != st->run_dd)) flush_run(st);
    st->run_dn = dn;
    st->run_dd = dd;
    st->run_n++;
    st->last_norm = st->o;
    st->delta = d;
}

/* Write n bytes at st->o. While the output is still the input (the same
 * bytes at the same offsets), nothing is written: a text that needs no
 * change is never copied. */
static inline void put(out_state *st, fl_arena *a, const char *s, size_t len, const char *bytes, size_t n)
{
    if (!st->text) {
        if (st->delta == 0 && !memcmp(s + st->o, bytes, n)) { st->o += n; return; }
        materialize(st, a, s, len + 1);
    }
    memcpy(st->text + st->o, bytes, n);
    st->o += n;
}

/* Only invalid bytes (1 byte in, U+FFFD = 3 bytes out) make the output
 * longer than the input; on the first one, size the buffer for the rest. */
static void grow_for_invalid(out_state *st, fl_arena *a, const char *s, size_t len, size_t i)
{
    size_t bad = 0;
    for (size_t j = i; j < len;) {
        uint32_t cp;
        size_t n = fl_utf8_decode(s + j, len - j, &cp);
        if (cp == 0xFFFD && n == 1) bad++;
        j += n;
    }
    size_t need = st->o + (len - i) + 2 * bad + 1;
    if (!st->text || need > st->cap) materialize(st, a, s, need);
}

bool fl_norm_is_cjk_char(uint32_t cp)
{
    return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
           (cp >= 0x20000 && cp <= 0x2FFFF) || (cp >= 0x3001 && cp <= 0x303F) || (cp >= 0xFF01 && cp <= 0xFF60) ||
           cp == 0x201C || cp == 0x201D || cp == 0x2018 || cp == 0x2019 || cp == 0x2026;
}

/* One white-space code point at s[i] (not a run): its byte length, else 0. */
static size_t single_space_at(const unsigned char *u, size_t len, size_t i)
{
    if (i >= len) return 0;
    uint32_t cp = u[i];
    size_t n = u[i] < 0x80 ? 1 : decode(u + i, len - i, &cp);
    if (cp == '\t' || cp == '\n' || cp == '\r' || fl_norm_cp(cp) != ' ') return 0; /* a tab is a column gap */
    return n;
}

bool fl_norm_spaced(const char *s, size_t len)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t spaced = 0, joined = 0;
    uint32_t prev = 0; /* previous non-space code point, 0 after a wider gap */
    size_t gap = 0;    /* white-space code points since prev */
    for (size_t i = 0; i < len;) {
        uint32_t cp = u[i];
        size_t n = u[i] < 0x80 ? 1 : decode(u + i, len - i, &cp);
        i += n;
        if (fl_norm_cp(cp) == ' ') {
            gap += (cp == '\t') ? 2 : 1;
            continue;
        }
        if (fl_norm_is_cjk_char(cp) && prev && fl_norm_is_cjk_char(prev)) {
            if (gap == 0) joined++;
            else if (gap == 1) spaced++;
        }
        prev = cp;
        gap = 0;
    }
    return spaced >= 3 && spaced >= joined;
}

void fl_norm_text(fl_norm *out, fl_arena *a, const char *s, size_t len)
{
    fl_norm_text_opts(out, a, s, len, 0);
}

void fl_norm_text_opts(fl_norm *out, fl_arena *a, const char *s, size_t len, unsigned opts)
{
    bool fold = (opts & FL_NORM_FOLD_CJK_SPACES) != 0;
    uint32_t last = 0; /* original code point of the last character written */
    const unsigned char *u = (const unsigned char *)s;
    out_state st;
    memset(&st, 0, sizeof st);
    bool in_space = false;
    if (!(opts & FL_NORM_MAY_ALIAS)) materialize(&st, a, s, len + 1);
    for (size_t i = 0; i < len;) {
        unsigned c = u[i];
        if (c < 0x80 && c > ' ') {
            mark(&st, i);
            if (st.text) st.text[st.o++] = (char)c;
            else put(&st, a, s, len, s + i, 1);
            i++;
            in_space = false;
            last = c;
            continue;
        }
        uint32_t cp = c;
        size_t n = c < 0x80 ? 1 : decode(u + i, len - i, &cp);
        uint32_t r = fl_norm_cp(cp);
        if (r == 0) { i += n; continue; }
        if (r == ' ') {
            if (fold && !in_space && st.o && fl_norm_is_cjk_char(last) && single_space_at(u, len, i) == n &&
                !single_space_at(u, len, i + n) && i + n < len) {
                uint32_t after;
                decode(u + i + n, len - i - n, &after);
                if (fl_norm_is_cjk_char(after)) { i += n; continue; } /* "项 目" -> "项目" */
            }
            last = ' ';
            if (!in_space) {
                mark(&st, i);
                put(&st, a, s, len, " ", 1);
                in_space = true;
            }
            i += n;
            continue;
        }
        in_space = false;
        last = cp;
        if (r < 0x80) {
            mark(&st, i);
            char ch = (char)r;
            put(&st, a, s, len, &ch, 1);
        } else if (r == 0xFFFD && n == 1) {
            if (!st.text || st.o + 3 + (len - i - 1) + 1 > st.cap) grow_for_invalid(&st, a, s, len, i);
            mark(&st, i);
            memcpy(st.text + st.o, "\xEF\xBF\xBD", 3);
            st.o += 3;
        } else {
            mark(&st, i);
            put(&st, a, s, len, s + i, n);
        }
        i += n;
    }
    mark(&st, len);
    if (!st.text && st.o != len) materialize(&st, a, s, len + 1); /* dropped characters at the end */
    if (st.text) st.text[st.o] = '\0';
    out->text = st.text ? st.text : s;
    out->len = (uint32_t)st.o;
    flush_run(&st);
    out->map = NULL;
    out->nmap = 0;
    if (st.nidx) {
        size_t head = 2 * sizeof(uint32_t) + st.nidx * sizeof(map_idx);
        unsigned char *m = fl_arena_alloc(a, head + st.slen);
        uint32_t h[2] = {(uint32_t)st.nidx, (uint32_t)st.slen};
        memcpy(m, h, sizeof h);
        memcpy(m + sizeof h, st.idx, st.nidx * sizeof(map_idx));
        memcpy(m + head, st.stream, st.slen);
        out->map = m;
        out->nmap = (uint32_t)st.ntok;
    }
    free(st.stream);
    free(st.idx);
}

size_t fl_norm_orig(const fl_norm *n, size_t off)
{
    if (off > n->len) off = n->len;
    while (off > 0 && off < n->len && ((unsigned char)n->text[off] & 0xC0) == 0x80) off--; /* character start */
    if (!n->map) return off;
    uint32_t h[2];
    memcpy(h, n->map, sizeof h);
    const unsigned char *ix = n->map + sizeof h;
    const unsigned char *stream = ix + h[0] * sizeof(map_idx);
    size_t lo = 0, hi = h[0]; /* the last index entry whose token starts at or before off */
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        map_idx e;
        memcpy(&e, ix + mid * sizeof e, sizeof e);
        if (e.norm <= off) lo = mid + 1;
        else hi = mid;
    }
    if (lo == 0) return off;
    map_idx e;
    memcpy(&e, ix + (lo - 1) * sizeof e, sizeof e);
    size_t norm = e.norm, pos = e.pos;
    long delta = e.delta;
    while (pos < h[1]) {
        uint64_t v = get_varint(stream, &pos);
        size_t dn = (size_t)(v >> 1), count = (v & 1) ? (size_t)get_varint(stream, &pos) : 1;
        long dd = unzigzag(get_varint(stream, &pos));
        if (norm + dn > off) break; /* the token's first breakpoint is past off */
        size_t k = dn ? (off - norm) / dn : count; /* its breakpoints at or before off */
        if (k > count) k = count;
        norm += dn * k;
        delta += dd * (long)k;
        if (k < count) break;
    }
    return (size_t)((long)off + delta);
}

size_t fl_norm_column(const fl_norm *n, const char *orig, size_t off)
{
    return fl_utf8_count(orig, fl_norm_orig(n, off)) + 1;
}

/* Annotations that forms put after a label to say how to fill it in; the
 * label means the same without them. Longer entries first where one is a
 * prefix of another. */
static const char *const annot_words[] = {
    "加盖公章", "单位公章", "单位盖章", "盖公章", "非必填", "签章", "签字", "盖章",
    "签名", "公章", "印章", "手签", "选填", "必填", "可选", "如有", "若有",
};
static const char *const annot_joiners[] = {
    "或", "和", "并", "及", "与", "、", "/", ",", "，", "+",
};

static size_t match_word(const char *s, size_t len, const char *const *words, size_t nwords)
{
    for (size_t k = 0; k < nwords; k++) {
        size_t wl = strlen(words[k]);
        if (wl <= len && memcmp(s, words[k], wl) == 0) return wl;
    }
    return 0;
}

/* True if s[0..len) (the inside of a parenthesis) is made of annotation
 * words and joiners only, with at least one word. */
static bool is_annotation(const char *s, size_t len)
{
    size_t nw = sizeof annot_words / sizeof *annot_words;
    size_t nj = sizeof annot_joiners / sizeof *annot_joiners;
    bool word = false;
    for (size_t i = 0; i < len;) {
        size_t m = match_word(s + i, len - i, annot_words, nw);
        if (m) { word = true; i += m; continue; }
        m = match_word(s + i, len - i, annot_joiners, nj);
        if (!m) return false;
        i += m;
    }
    return word;
}

char *fl_norm_label(fl_arena *a, const char *s, size_t len)
{
    fl_norm n;
    fl_norm_text(&n, a, s, len);
    char *r = fl_arena_alloc(a, n.len + 1);
    size_t o = 0;
    for (size_t i = 0; i < n.len; i++)
        if (n.text[i] != ' ') r[o++] = n.text[i];
    /* Drop "(...)" groups that are annotations, in place. Parentheses are
     * ASCII here because （） were normalised. */
    size_t w = 0;
    for (size_t i = 0; i < o;) {
        if (r[i] == '(') {
            const char *close = memchr(r + i + 1, ')', o - i - 1);
            if (close && is_annotation(r + i + 1, (size_t)(close - r) - i - 1)) {
                i = (size_t)(close - r) + 1;
                continue;
            }
        }
        r[w++] = r[i++];
    }
    while (w > 0 && r[w - 1] == ':') w--;
    r[w] = '\0';
    return r;
}

size_t fl_norm_next(const char *s, size_t len, size_t i, uint32_t *cp)
{
    if (i >= len) { *cp = 0xFFFFFFFFu; return 0; }
    uint32_t raw;
    size_t n = fl_utf8_decode(s + i, len - i, &raw);
    *cp = fl_norm_cp(raw);
    return n;
}

uint32_t fl_norm_peek(const char *s, size_t len, size_t i)
{
    uint32_t cp;
    fl_norm_next(s, len, i, &cp);
    return cp;
}
