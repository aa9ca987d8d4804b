/* Growable string buffer. */
#include "core/buf.h"
#include "core/arena.h"
#include "core/utf8.h"
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

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
    /* O_NONBLOCK: opening a FIFO for reading must not wait for a writer.
     * Read-only: inputs are never touched. */
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) return -1;
    struct stat st;
    int rc = 0, saved = 0;
    if (fstat(fd, &st) != 0) {
        rc = -1, saved = errno;
    } else if (S_ISDIR(st.st_mode)) {
        rc = -1, saved = EISDIR;
    } else if (!S_ISREG(st.st_mode)) {
        rc = -1, saved = ENODEV;
    } else if ((unsigned long long)st.st_size > max) {
        rc = -1, saved = EFBIG; /* before reading a byte of it */
    }
    char chunk[65536];
    size_t start = b->len;
    while (rc == 0) {
        ssize_t n = read(fd, chunk, sizeof chunk);
        if (n < 0 && (errno == EINTR || errno == EAGAIN)) continue;
        if (n < 0) { rc = -1, saved = errno; break; }
        if (n == 0) break;
        if (b->len - start + (size_t)n > max) { rc = -1, saved = EFBIG; break; } /* it grew */
        fl_buf_add(b, chunk, (size_t)n);
    }
    close(fd);
    errno = saved;
    return rc;
}

const char *fl_buf_read_strerror(int e)
{
    switch (e) {
    case ENODEV: return "not a regular file (a FIFO, socket or device)";
    case EISDIR: return "is a directory";
    case EFBIG: return "too large";
    default: return strerror(e);
    }
}
