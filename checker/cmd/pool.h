/* An ordered worker pool for batch linting: items 0..n-1 are worked on by
 * POSIX threads in any order, and handed to the calling thread in index
 * order, each as soon as it and everything before it is out. That keeps the
 * output identical for any number of threads while it streams.
 *
 * Memory stays bounded by a window: a worker starts item k only while
 * k < next + window (next = the first item not yet handed out), so at most
 * `window` finished items wait. An item may also wait for later ones (the
 * check command holds a file until the doc types of its whole folder are
 * known); when the head item waits so, workers go past the window, and the
 * callbacks keep only small results for those items.
 *
 * Callbacks: work() runs in a worker without the lock; done() and ready()
 * run under the pool's lock, so they may share state with each other
 * without locks of their own; emit() runs on the calling thread without the
 * lock, in index order. */
#ifndef FL_POOL_H
#define FL_POOL_H
#include <stdbool.h>
#include <stddef.h>

typedef struct fl_pool fl_pool;

typedef struct fl_pool_ops {
    void (*work)(void *ctx, fl_pool *pool, size_t worker, size_t i);
    void (*done)(void *ctx, size_t i);  /* item i finished (under the lock) */
    bool (*ready)(void *ctx, size_t i); /* may finished item i go out now? (under the lock); NULL = yes */
    void (*emit)(void *ctx, size_t i);
} fl_pool_ops;

/* Run n items on `threads` workers (at least one; fewer when n is small).
 * Returns when every item was emitted. */
void fl_pool_run(size_t n, size_t threads, size_t window, const fl_pool_ops *ops, void *ctx);
/* From work(): how far item i is ahead of the next item to go out. */
size_t fl_pool_ahead(fl_pool *pool, size_t i);
#endif
