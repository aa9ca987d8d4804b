/* Terminal-safe text (tame.h). */
#include "core/tame.h"
#include "core/utf8.h"
#include <string.h>

bool fl_tame_unsafe_cp(uint32_t cp)
{
    return (cp >= 0x80 && cp <= 0x9F) || cp == 0x2028 || cp == 0x2029 || (cp >= 0x202A && cp <= 0x202E) ||
           (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E || cp == 0x200F || cp == 0x061C;
}

void fl_tame_append(fl_buf *b, const char *s, size_t len, bool keep_newlines)
{
    size_t run = 0; /* start of the bytes not yet copied */
    for (size_t i = 0; i < len;) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c < 0x7F) { i++; continue; }
        if (c < 0x80) { /* C0 or DEL */
            fl_buf_add(b, s + run, i - run);
            if (c == '\n' && keep_newlines) fl_buf_addc(b, '\n');
            else fl_buf_addc(b, c == '\t' || c == '\n' || c == '\r' ? ' ' : '?');
            run = ++i;
            continue;
        }
        uint32_t cp;
        size_t n = fl_utf8_decode(s + i, len - i, &cp);
        if (cp == 0xFFFD && n == 1) { /* not UTF-8 */
            fl_buf_add(b, s + run, i - run);
            fl_buf_printf(b, "\\x%02x", c);
            run = ++i;
            continue;
        }
        if (fl_tame_unsafe_cp(cp)) {
            fl_buf_add(b, s + run, i - run);
            fl_buf_printf(b, "\\u%04x", (unsigned)cp);
            run = i + n;
        }
        i += n;
    }
    fl_buf_add(b, s + run, len - run);
}

void fl_tame_str(char *s, size_t cap, bool keep_newlines)
{
    if (!cap) return;
    size_t len = strnlen(s, cap - 1);
    fl_buf b = FL_BUF_INIT;
    fl_tame_append(&b, s, len, keep_newlines);
    size_t keep = b.len < cap ? b.len : cap - 1;
    while (keep > 0 && keep < b.len && ((unsigned char)b.data[keep] & 0xC0) == 0x80) keep--;
    if (keep) memcpy(s, b.data, keep);
    s[keep] = '\0';
    fl_buf_free(&b);
}

void fl_tame_buf(fl_buf *b, bool keep_newlines)
{
    fl_buf t = FL_BUF_INIT;
    fl_buf_reserve(&t, b->len + 1); /* data is never NULL afterwards */
    t.data[0] = '\0';
    fl_tame_append(&t, b->data ? b->data : "", b->len, keep_newlines);
    fl_buf_free(b);
    *b = t;
}
