/* Growable string buffer. */
#include "core/buf.h"
#include "core/arena.h"
#include "core/utf8.h"
#include <errno.h>
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
    fl_buf_add(b, o, fl_utf8_encode(cp, o));
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

int fl_buf_read_file(fl_buf *b, const char *path, size_t max)
{
    FILE *f = fopen(path, "rb"); /* read-only: inputs are never touched */
    if (!f) return -1;
    char chunk[65536];
    size_t n, start = b->len;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0 && b->len - start <= max) fl_buf_add(b, chunk, n);
    int rc = 0;
    if (ferror(f)) rc = -1;
    else if (b->len - start > max) rc = -1, errno = EFBIG;
    int saved = errno;
    fclose(f);
    errno = saved;
    return rc;
}
