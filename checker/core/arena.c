/* Arena allocator: chunks of at least 64 KiB, bump-pointer allocation. */
#include "core/arena.h"
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct fl_arena_chunk {
    fl_arena_chunk *next;
    size_t used, cap;
    _Alignas(16) unsigned char data[];
};

enum { CHUNK_MIN = 64 * 1024 };

static void oom(size_t n)
{
    fprintf(stderr, "filinglint: out of memory (allocating %zu bytes)\n", n);
    abort();
}

void *fl_xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p) oom(n);
    return p;
}

void *fl_xcalloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size ? size : 1);
    if (!p) oom(n * size);
    return p;
}

void *fl_xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q) oom(n);
    return q;
}

char *fl_xstrdup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *p = fl_xmalloc(n);
    memcpy(p, s, n);
    return p;
}

void fl_arena_init(fl_arena *a)
{
    a->head = NULL;
    a->total = 0;
}

void fl_arena_free(fl_arena *a)
{
    if (!a) return;
    fl_arena_chunk *c = a->head;
    while (c) {
        fl_arena_chunk *next = c->next;
        free(c);
        c = next;
    }
    a->head = NULL;
    a->total = 0;
}

/* n bytes at an offset that is a multiple of align. Strings take any
 * offset: a document of millions of one-character lines would otherwise
 * round each up to 8 bytes. A request larger than a chunk gets a chunk of
 * its own behind the current one, whose free space stays in use. */
static void *take(fl_arena *a, size_t n, size_t align)
{
    fl_arena_chunk *c = a->head;
    size_t start = c ? (c->used + align - 1) & ~(align - 1) : 0;
    if (!c || start > c->cap || c->cap - start < n) {
        size_t cap = n > CHUNK_MIN ? n : CHUNK_MIN;
        bool own = n > CHUNK_MIN;
        if (!own && c && c->cap * 2 > cap && c->cap < 16u * 1024 * 1024) cap = c->cap * 2;
        fl_arena_chunk *fresh = malloc(sizeof *fresh + cap);
        if (!fresh) oom(n);
        fresh->used = 0;
        fresh->cap = cap;
        if (own && c) {
            fresh->next = c->next;
            c->next = fresh;
        } else {
            fresh->next = a->head;
            a->head = fresh;
        }
        c = fresh;
        start = 0;
    }
    void *p = c->data + start;
    c->used = start + n;
    a->total += n;
    return p;
}

void *fl_arena_alloc(fl_arena *a, size_t n)
{
    void *p = take(a, n, 8);
    memset(p, 0, n);
    return p;
}

char *fl_arena_strndup(fl_arena *a, const char *s, size_t n)
{
    char *p = take(a, n + 1, 1);
    if (n) memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *fl_arena_strdup(fl_arena *a, const char *s)
{
    return s ? fl_arena_strndup(a, s, strlen(s)) : NULL;
}

char *fl_arena_printf(fl_arena *a, const char *fmt, ...)
{
    va_list ap;
    char probe[1];
    if (!fmt) return fl_arena_strdup(a, "");
    va_start(ap, fmt);
    int n = vsnprintf(probe, sizeof probe, fmt, ap);
    va_end(ap);
    if (n < 0) n = 0;
    char *p = fl_arena_alloc(a, (size_t)n + 1);
    va_start(ap, fmt);
    vsnprintf(p, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return p;
}
