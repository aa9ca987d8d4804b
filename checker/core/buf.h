/* Growable byte buffer (malloc-backed), always NUL-terminated. The owner frees
 * it with fl_buf_free(); fl_buf_detach() hands the bytes to the caller. */
#ifndef FL_BUF_H
#define FL_BUF_H
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

typedef struct fl_buf {
    char *data;
    size_t len, cap;
} fl_buf;

#define FL_BUF_INIT {NULL, 0, 0}
void fl_buf_free(fl_buf *b);
void fl_buf_clear(fl_buf *b); /* keeps capacity */
void fl_buf_reserve(fl_buf *b, size_t extra);
void fl_buf_add(fl_buf *b, const void *p, size_t n);
void fl_buf_adds(fl_buf *b, const char *s);
void fl_buf_addc(fl_buf *b, char c);
void fl_buf_addcp(fl_buf *b, uint32_t cp); /* UTF-8 encode */
void fl_buf_printf(fl_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void fl_buf_vprintf(fl_buf *b, const char *fmt, va_list ap);
char *fl_buf_detach(fl_buf *b); /* caller frees; buffer is reset */
/* Append the whole file at path, refusing one over max bytes. Returns 0, or
 * -1 with errno set: EFBIG when over max, ENODEV when path is no regular
 * file (a FIFO would block the run forever, a device never end), EISDIR for
 * a folder; b then holds what was read. Never writes to path. */
int fl_buf_read_file(fl_buf *b, const char *path, size_t max);
/* Words for a failed fl_buf_read_file: its own errno values in plain words
 * ("not a regular file"), strerror otherwise. */
const char *fl_buf_read_strerror(int e);
#endif
