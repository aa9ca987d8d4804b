/* Bump allocator: one per document and one per ruleset. Everything allocated
 * from an arena lives until fl_arena_free(); nothing is freed piecemeal, which
 * is what makes building a document model cheap and leak-free. */
#ifndef FL_ARENA_H
#define FL_ARENA_H
#include <stddef.h>

typedef struct fl_arena_chunk fl_arena_chunk;
typedef struct fl_arena {
    fl_arena_chunk *head;
    size_t total; /* bytes handed out, for limits and benchmarks */
} fl_arena;

void fl_arena_init(fl_arena *a);
void fl_arena_free(fl_arena *a);            /* NULL-safe; arena is reusable after */
void *fl_arena_alloc(fl_arena *a, size_t n); /* 8-byte aligned, zeroed; aborts on OOM */
char *fl_arena_strndup(fl_arena *a, const char *s, size_t n); /* NUL-terminated copy */
char *fl_arena_strdup(fl_arena *a, const char *s);            /* NULL -> NULL */
char *fl_arena_printf(fl_arena *a, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Out of memory is not recoverable for a linter: say so and stop. */
void *fl_xmalloc(size_t n);
void *fl_xcalloc(size_t n, size_t size);
void *fl_xrealloc(void *p, size_t n);
char *fl_xstrdup(const char *s);
/* Grow a malloc'd vector so that it holds at least `need` items. */
#define FL_VEC_RESERVE(ptr, cap, need)                                        \
    do {                                                                      \
        if ((need) > (cap)) {                                                 \
            size_t nc_ = (cap) ? (cap) * 2 : 16;                              \
            while (nc_ < (need)) nc_ *= 2;                                    \
            (ptr) = fl_xrealloc((ptr), nc_ * sizeof *(ptr));                  \
            (cap) = nc_;                                                      \
        }                                                                     \
    } while (0)
#endif
