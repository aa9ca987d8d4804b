/* Package interface helpers. */
#include "input/pkg.h"
#include "core/buf.h"

int fl_pkg_has(const fl_pkg *p, const char *name) { return p->has(p->impl, name); }

int fl_pkg_stream(const fl_pkg *p, const char *name, fl_part_sink sink, void *ctx, fl_error *err)
{
    return p->stream(p->impl, name, sink, ctx, err);
}

static int buf_sink(void *ctx, const char *chunk, size_t n)
{
    fl_buf_add(ctx, chunk, n);
    return 0;
}

int fl_pkg_read(const fl_pkg *p, const char *name, char **out, size_t *len, fl_error *err)
{
    fl_buf b = FL_BUF_INIT;
    *out = NULL;
    if (fl_pkg_stream(p, name, buf_sink, &b, err)) {
        fl_buf_free(&b);
        return -1;
    }
    *len = b.len;
    *out = fl_buf_detach(&b);
    return 0;
}
