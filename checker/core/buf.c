/* Growable string buffer. */
#include "core/buf.h"
#include "core/arena.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void fl_buf_free(fl_buf *b)
{
    if (!b) return;
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}

void fl_buf_clear(fl_buf *b)
{
    b->len = 0;
    if (b->data) b->data[0] = '\0';
}

void fl_buf_reserve(fl_buf *b, size_t extra)
{
    size_t need = b->len + extra + 1;
    if (need <= b->cap) return;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < need) cap *= 2;
    b->data = fl_xrealloc(b->data, cap);
    b->cap = cap;
}

void fl_buf_add(fl_buf *b, const void *p, size_t n)
{
    fl_buf_reserve(b, n);
    if (n) memcpy(b->data + b->len, p, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void fl_buf_adds(fl_buf *b, const char *s) { fl_buf_add(b, s, strlen(s)); }
void fl_buf_addc(fl_buf *b, char c) { fl_buf_add(b, &c, 1); }

void fl_buf_addcp(fl_buf *b, uint32_t cp)
{
    char o[4];
    size_t n;
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
    if (cp < 0x80) { o[0] = (char)cp; n = 1; }
    else if (cp < 0x800) { o[0] = (char)(0xC0 | (cp >> 6)); o[1] = (char)(0x80 | (cp & 0x3F)); n = 2; }
    else if (cp < 0x10000) {
        o[0] = (char)(0xE0 | (cp >> 12)); o[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (char)(0x80 | (cp & 0x3F)); n = 3;
    } else {
        o[0] = (char)(0xF0 | (cp >> 18)); o[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        o[2] = (char)(0x80 | ((cp >> 6) & 0x3F)); o[3] = (char)(0x80 | (cp & 0x3F)); n = 4;
    }
    fl_buf_add(b, o, n);
}

void fl_buf_vprintf(fl_buf *b, const char *fmt, va_list ap)
{
    va_list ap2;
    char probe[1];
    if (!fmt) return;
    va_copy(ap2, ap);
    int n = vsnprintf(probe, sizeof probe, fmt, ap2);
    va_end(ap2);
    if (n <= 0) return;
    fl_buf_reserve(b, (size_t)n);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    b->len += (size_t)n;
}

void fl_buf_printf(fl_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fl_buf_vprintf(b, fmt, ap);
    va_end(ap);
}

char *fl_buf_detach(fl_buf *b)
{
    char *p = b->data ? b->data : fl_xstrdup("");
    b->data = NULL;
    b->len = b->cap = 0;
    return p;
}
