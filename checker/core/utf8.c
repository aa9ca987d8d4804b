/* UTF-8 decoding, counting and display width. Invalid bytes decode to U+FFFD
 * one byte at a time, so every byte offset stays reachable. */
#include "core/utf8.h"
#include <string.h>

size_t fl_utf8_decode(const char *str, size_t len, uint32_t *cp)
{
    const unsigned char *s = (const unsigned char *)str;
    unsigned c = s[0];
    if (c < 0x80) { *cp = c; return 1; }
    size_t n;
    uint32_t v, min;
    if (c >= 0xC2 && c <= 0xDF) { n = 2; v = c & 0x1F; min = 0x80; }
    else if (c >= 0xE0 && c <= 0xEF) { n = 3; v = c & 0x0F; min = 0x800; }
    else if (c >= 0xF0 && c <= 0xF4) { n = 4; v = c & 0x07; min = 0x10000; }
    else { *cp = 0xFFFD; return 1; }
    if (len < n) { *cp = 0xFFFD; return 1; }
    for (size_t i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80) { *cp = 0xFFFD; return 1; }
        v = (v << 6) | (s[i] & 0x3F);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) { *cp = 0xFFFD; return 1; }
    *cp = v;
    return n;
}

size_t fl_utf8_encode(uint32_t cp, char o[4])
{
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
    if (cp < 0x80) { o[0] = (char)cp; return 1; }
    if (cp < 0x800) {
        o[0] = (char)(0xC0 | (cp >> 6)); o[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (char)(0xE0 | (cp >> 12)); o[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (char)(0xF0 | (cp >> 18)); o[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (char)(0x80 | ((cp >> 6) & 0x3F)); o[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

size_t fl_utf8_count(const char *s, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; n++) {
        uint32_t cp;
        i += fl_utf8_decode(s + i, len - i, &cp);
    }
    return n;
}

/* East Asian Wide and Fullwidth ranges (Unicode 15 EastAsianWidth W/F, coarse
 * but covering everything filings contain); combining marks are zero width. */
int fl_utf8_cp_width(uint32_t cp)
{
    if (cp == 0) return 0;
    if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0)) return 0;
    if ((cp >= 0x0300 && cp <= 0x036F) || cp == 0x200B || (cp >= 0xFE00 && cp <= 0xFE0F)) return 0;
    if ((cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0x303E) ||
        (cp >= 0x3041 && cp <= 0x33FF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
        (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xA000 && cp <= 0xA4CF) ||
        (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
        (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
        (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1F64F) ||
        (cp >= 0x1F900 && cp <= 0x1F9FF) || (cp >= 0x20000 && cp <= 0x3FFFD))
        return 2;
    return 1;
}

size_t fl_utf8_width(const char *s, size_t len)
{
    size_t w = 0;
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        i += fl_utf8_decode(s + i, len - i, &cp);
        w += (size_t)fl_utf8_cp_width(cp);
    }
    return w;
}

bool fl_utf8_valid(const char *s, size_t len)
{
    for (size_t i = 0; i < len;) {
        uint64_t w8; /* XML markup is mostly ASCII: skip it eight bytes at a time */
        while (i + 8 <= len && (memcpy(&w8, s + i, 8), (w8 & 0x8080808080808080ULL) == 0)) i += 8;
        if (i >= len) break;
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) { i++; continue; }
        /* Chinese text is three-byte sequences led by E1..EC or EE..EF,
         * which can be neither overlong nor surrogates: only the
         * continuation bytes need a look. E0, ED and the rest go the long way. */
        if (((c >= 0xE1 && c <= 0xEC) || c >= 0xEE) && c <= 0xEF && i + 2 < len &&
            ((unsigned char)s[i + 1] & 0xC0) == 0x80 && ((unsigned char)s[i + 2] & 0xC0) == 0x80) {
            i += 3;
            continue;
        }
        uint32_t cp;
        size_t n = fl_utf8_decode(s + i, len - i, &cp);
        if (cp == 0xFFFD && n == 1) return false;
        i += n;
    }
    return true;
}

/* Two passes, the size then the bytes: the copy goes straight into the
 * arena (a buffer would make this file depend on core/buf, which encodes
 * through it). */
char *fl_utf8_sanitize(fl_arena *a, const char *s, size_t len, size_t *out_len, size_t *replaced)
{
    size_t bad = 0, size = 0;
    char enc[4];
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        size_t n = fl_utf8_decode(s + i, len - i, &cp);
        if (cp == 0xFFFD && n == 1 && (unsigned char)s[i] >= 0x80) bad++;
        if (cp == 0) cp = 0xFFFD; /* NUL would cut C strings short */
        size += fl_utf8_encode(cp, enc);
        i += n;
    }
    char *r = fl_arena_alloc(a, size + 1), *o = r;
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        size_t n = fl_utf8_decode(s + i, len - i, &cp);
        if (cp == 0) cp = 0xFFFD;
        o += fl_utf8_encode(cp, o);
        i += n;
    }
    *o = '\0';
    if (out_len) *out_len = size;
    if (replaced) *replaced = bad;
    return r;
}

size_t fl_utf8_byte_offset(const char *s, size_t len, size_t col0)
{
    size_t i = 0;
    while (i < len && col0 > 0) {
        uint32_t cp;
        i += fl_utf8_decode(s + i, len - i, &cp);
        col0--;
    }
    return i;
}

size_t fl_utf8_prefix(const char *s, size_t len, size_t max_cp)
{
    return fl_utf8_byte_offset(s, len, max_cp);
}
