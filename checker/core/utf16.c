/* UTF-16 → UTF-8 for XML parts, with U+FFFD for unpaired surrogates. */
#include "core/utf16.h"
#include <stdint.h>

bool fl_utf16_sniff(const char *s, size_t n, bool *be)
{
    if (n < 2) return false;
    unsigned char a = (unsigned char)s[0], b = (unsigned char)s[1];
    *be = (a == 0xFE && b == 0xFF) || (a == 0 && b == '<');
    return *be || (a == 0xFF && b == 0xFE) || (a == '<' && b == 0);
}

void fl_utf16_init(fl_utf16 *u, bool be)
{
    *u = (fl_utf16){.be = be};
}

static void bad(fl_utf16 *u, fl_buf *out)
{
    fl_buf_addcp(out, 0xFFFD);
    u->bad++;
}

static void unit(fl_utf16 *u, fl_buf *out, unsigned c)
{
    if (!u->started) {
        u->started = true;
        if (c == 0xFEFF) return;
    }
    if (u->high) {
        if (c >= 0xDC00 && c <= 0xDFFF) {
            fl_buf_addcp(out, 0x10000 + ((uint32_t)(u->high - 0xD800) << 10) + (c - 0xDC00));
            u->high = 0;
            return;
        }
        u->high = 0;
        bad(u, out);
    }
    if (c >= 0xD800 && c <= 0xDBFF) u->high = c;
    else if (c >= 0xDC00 && c <= 0xDFFF) bad(u, out);
    else fl_buf_addcp(out, c);
}

void fl_utf16_feed(fl_utf16 *u, fl_buf *out, const char *in, size_t n, bool final)
{
    const unsigned char *p = (const unsigned char *)in;
    size_t i = 0;
    fl_buf_reserve(out, n / 2 * 3 + 4);
    if (u->has_odd && n) {
        unsigned char b0 = u->odd, b1 = p[i++];
        unit(u, out, u->be ? (unsigned)(b0 << 8 | b1) : (unsigned)(b1 << 8 | b0));
        u->has_odd = false;
    }
    for (; i + 1 < n; i += 2)
        unit(u, out, u->be ? (unsigned)(p[i] << 8 | p[i + 1]) : (unsigned)(p[i + 1] << 8 | p[i]));
    if (i < n) {
        u->odd = p[i];
        u->has_odd = true;
    }
    if (!final) return;
    if (u->has_odd) { u->has_odd = false; u->bad++; }
    if (u->high) { u->high = 0; u->bad++; }
}
