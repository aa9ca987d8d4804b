/* Streaming JSON writer (jsonw.h): jansson's indented layout without the
 * tree. Depth beyond FL_JW_MAX_DEPTH is a programming error, not input. */
#include "core/jsonw.h"
#include "core/arena.h"
#include "core/utf8.h"
#include <assert.h>
#include <math.h>
#include <string.h>

/* Bounded memory whatever the document's size. */
#define FLUSH_AT (64 * 1024)

void fl_jw_init(fl_jw *w, FILE *out, int indent)
{
    memset(w, 0, sizeof *w);
    w->out = out;
    w->indent = indent;
}

static int flush(fl_jw *w)
{
    int rc = 0;
    if (w->buf.len && fwrite(w->buf.data, 1, w->buf.len, w->out) != w->buf.len) rc = -1;
    fl_buf_clear(&w->buf);
    return rc;
}

int fl_jw_finish(fl_jw *w)
{
    int rc = flush(w);
    if (fflush(w->out)) rc = -1;
    fl_buf_free(&w->buf);
    return rc;
}

static void after_value(fl_jw *w)
{
    if (w->buf.len > FLUSH_AT) (void)flush(w); /* a failed write shows again in fl_jw_finish's fflush */
}

static void newline(fl_jw *w, int depth)
{
    size_t n = (size_t)depth * (size_t)w->indent;
    fl_buf_reserve(&w->buf, 1 + n);
    w->buf.data[w->buf.len++] = '\n';
    memset(w->buf.data + w->buf.len, ' ', n);
    w->buf.len += n;
    w->buf.data[w->buf.len] = '\0';
}

/* What goes before a member or an element: nothing right after its key;
 * else a comma unless it is the first, then the line break and indent. */
static void before_value(fl_jw *w)
{
    if (w->after_key) {
        w->after_key = false;
        return;
    }
    if (w->depth == 0) return;
    if (!w->empty[w->depth]) fl_buf_adds(&w->buf, w->indent > 0 ? "," : ", ");
    w->empty[w->depth] = false;
    if (w->indent > 0) newline(w, w->depth);
}

static void open_container(fl_jw *w, char open, char close)
{
    before_value(w);
    assert(w->depth < FL_JW_MAX_DEPTH);
    fl_buf_addc(&w->buf, open);
    w->depth++;
    w->empty[w->depth] = true;
    w->close[w->depth] = close;
}

void fl_jw_object(fl_jw *w) { open_container(w, '{', '}'); }
void fl_jw_array(fl_jw *w) { open_container(w, '[', ']'); }

void fl_jw_end(fl_jw *w)
{
    assert(w->depth > 0);
    char close = w->close[w->depth];
    bool empty = w->empty[w->depth];
    w->depth--;
    if (!empty && w->indent > 0) newline(w, w->depth);
    fl_buf_addc(&w->buf, close);
    after_value(w);
}

/* Runs of bytes that need no escape are copied whole. No quotes: s may be
 * a piece of a value, cut between characters. */
static void put_escaped_body(fl_buf *b, const char *s, size_t len)
{
    static const char hex[] = "0123456789ABCDEF";
    size_t run = 0;
    fl_buf_reserve(b, len + 2);
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        /* U+2028 / U+2029 (E2 80 A8 / A9) are legal raw JSON, but line-splitting
         * readers take them for line ends */
        if (c == 0xE2 && i + 2 < len && (unsigned char)s[i + 1] == 0x80 &&
            ((unsigned char)s[i + 2] == 0xA8 || (unsigned char)s[i + 2] == 0xA9)) {
            fl_buf_add(b, s + run, i - run);
            fl_buf_adds(b, (unsigned char)s[i + 2] == 0xA8 ? "\\u2028" : "\\u2029");
            i += 2;
            run = i + 1;
            continue;
        }
        if (c >= 0x20 && c != '"' && c != '\\') continue;
        fl_buf_add(b, s + run, i - run);
        run = i + 1;
        switch (c) {
        case '"': fl_buf_adds(b, "\\\""); break;
        case '\\': fl_buf_adds(b, "\\\\"); break;
        case '\b': fl_buf_adds(b, "\\b"); break;
        case '\f': fl_buf_adds(b, "\\f"); break;
        case '\n': fl_buf_adds(b, "\\n"); break;
        case '\r': fl_buf_adds(b, "\\r"); break;
        case '\t': fl_buf_adds(b, "\\t"); break;
        default: {
            char u[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
            fl_buf_add(b, u, sizeof u);
        }
        }
    }
    fl_buf_add(b, s + run, len - run);
}

static void put_escaped(fl_buf *b, const char *s, size_t len)
{
    fl_buf_addc(b, '"');
    put_escaped_body(b, s, len);
    fl_buf_addc(b, '"');
}

static void put_string(fl_buf *b, const char *s, size_t len)
{
    if (fl_utf8_valid(s, len)) {
        put_escaped(b, s, len);
        return;
    }
    fl_arena a;
    fl_arena_init(&a);
    size_t n, bad;
    const char *clean = fl_utf8_sanitize(&a, s, len, &n, &bad);
    put_escaped(b, clean, n);
    fl_arena_free(&a);
}

void fl_jw_key(fl_jw *w, const char *key)
{
    before_value(w);
    put_string(&w->buf, key, strlen(key));
    fl_buf_adds(&w->buf, ": ");
    w->after_key = true;
}

void fl_jw_string(fl_jw *w, const char *s, size_t len)
{
    before_value(w);
    if (len <= FLUSH_AT || !fl_utf8_valid(s, len)) {
        put_string(&w->buf, s, len);
        after_value(w);
        return;
    }
    /* a long value (a paragraph of megabytes) goes out in pieces cut
     * between characters, so the buffer never holds all of it */
    fl_buf_addc(&w->buf, '"');
    for (size_t i = 0; i < len;) {
        size_t n = len - i < FLUSH_AT ? len - i : FLUSH_AT;
        while (n > 1 && i + n < len && ((unsigned char)s[i + n] & 0xC0) == 0x80) n--;
        put_escaped_body(&w->buf, s + i, n);
        (void)flush(w);
        i += n;
    }
    fl_buf_addc(&w->buf, '"');
    after_value(w);
}

void fl_jw_str(fl_jw *w, const char *s)
{
    if (s) fl_jw_string(w, s, strlen(s));
    else fl_jw_null(w);
}

void fl_jw_int(fl_jw *w, long long v)
{
    before_value(w);
    fl_buf_printf(&w->buf, "%lld", v);
    after_value(w);
}

void fl_jw_num(fl_jw *w, double v)
{
    before_value(w);
    if (isfinite(v))
        fl_buf_printf(&w->buf, "%.15g", v);
    else
        fl_buf_adds(&w->buf, "null");
    after_value(w);
}

void fl_jw_null(fl_jw *w)
{
    before_value(w);
    fl_buf_adds(&w->buf, "null");
    after_value(w);
}

void fl_jw_bool(fl_jw *w, bool v)
{
    before_value(w);
    fl_buf_adds(&w->buf, v ? "true" : "false");
    after_value(w);
}
