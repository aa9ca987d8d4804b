/* Package interface helpers. */
#include "input/pkg.h"
#include "core/buf.h"
#include "core/limits.h"
#include "doc/doc.h"
#include <stdbool.h>
#include <stdio.h>

int fl_pkg_has(const fl_pkg *p, const char *name) { return p->has(p->impl, name); }

int fl_pkg_stream(const fl_pkg *p, const char *name, fl_part_sink sink, void *ctx, fl_error *err)
{
    return p->stream(p->impl, name, sink, ctx, err);
}

typedef struct whole { fl_buf b; bool over; } whole;

static int buf_sink(void *ctx, const char *chunk, size_t n)
{
    whole *w = ctx;
    if (n > FL_MAX_WHOLE_PART_BYTES - w->b.len) {
        w->over = true;
        return 1;
    }
    fl_buf_add(&w->b, chunk, n);
    return 0;
}

int fl_pkg_read(const fl_pkg *p, const char *name, char **out, size_t *len, fl_error *err)
{
    whole w = {FL_BUF_INIT, false};
    *out = NULL;
    if (fl_pkg_stream(p, name, buf_sink, &w, err)) {
        fl_buf_free(&w.b);
        return -1;
    }
    if (w.over) {
        fl_buf_free(&w.b);
        return fl_error_setf(err, FL_E_TOO_LARGE, "%s is over 16 MiB, the most a part read whole may be", name);
    }
    *len = w.b.len;
    *out = fl_buf_detach(&w.b);
    return 0;
}
