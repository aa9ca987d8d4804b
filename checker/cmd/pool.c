/* The ordered worker pool (pool.h). One mutex and one condition variable
 * for every change: the pool has a handful of threads and each wake-up is
 * followed by a file's worth of work, so finer signalling would buy
 * nothing. */
#include "cmd/pool.h"
#include "core/arena.h"
#include <pthread.h>
#include <stdlib.h>

struct fl_pool {
    pthread_mutex_t mu;
    pthread_cond_t changed;
    size_t n, window;
    size_t claim;          /* next item a worker takes */
    size_t next;           /* next item to emit */
    unsigned char *done;
    const fl_pool_ops *ops;
    void *ctx;
};

typedef struct worker_arg { fl_pool *pool; size_t id; } worker_arg;

/* Under the lock: the head item is finished but has to wait for later
 * ones, so workers must go past the window. */
static bool head_waits(fl_pool *p)
{
    return p->next < p->n && p->done[p->next] && p->ops->ready && !p->ops->ready(p->ctx, p->next);
}

static bool may_claim(fl_pool *p)
{
    return p->claim >= p->n || p->claim < p->next + p->window || head_waits(p);
}

static void finish(fl_pool *p, size_t i)
{
    p->done[i] = 1;
    if (p->ops->done) p->ops->done(p->ctx, i);
    pthread_cond_broadcast(&p->changed);
}

static void *worker(void *arg)
{
    worker_arg *w = arg;
    fl_pool *p = w->pool;
    pthread_mutex_lock(&p->mu);
    for (;;) {
        while (!may_claim(p)) pthread_cond_wait(&p->changed, &p->mu);
        if (p->claim >= p->n) break;
        size_t i = p->claim++;
        pthread_mutex_unlock(&p->mu);
        p->ops->work(p->ctx, p, w->id, i);
        pthread_mutex_lock(&p->mu);
        finish(p, i);
    }
    pthread_mutex_unlock(&p->mu);
    return NULL;
}

static bool emittable(fl_pool *p)
{
    return p->done[p->next] && (!p->ops->ready || p->ops->ready(p->ctx, p->next));
}

static void emit_ready(fl_pool *p, bool block)
{
    pthread_mutex_lock(&p->mu);
    while (p->next < p->n) {
        if (!emittable(p)) {
            if (!block) break;
            pthread_cond_wait(&p->changed, &p->mu);
            continue;
        }
        size_t i = p->next;
        pthread_mutex_unlock(&p->mu);
        p->ops->emit(p->ctx, i);
        pthread_mutex_lock(&p->mu);
        p->next++;
        pthread_cond_broadcast(&p->changed);
    }
    pthread_mutex_unlock(&p->mu);
}

/* No thread could be started: work through the items here, emitting what
 * can go out after each. */
static void run_inline(fl_pool *p)
{
    for (size_t i = 0; i < p->n; i++) {
        p->claim = i + 1;
        p->ops->work(p->ctx, p, 0, i);
        pthread_mutex_lock(&p->mu);
        finish(p, i);
        pthread_mutex_unlock(&p->mu);
        emit_ready(p, false);
    }
}

void fl_pool_run(size_t n, size_t threads, size_t window, const fl_pool_ops *ops, void *ctx)
{
    fl_pool p = {.n = n, .window = window ? window : 1, .ops = ops, .ctx = ctx};
    if (!n) return;
    if (threads < 1) threads = 1;
    if (threads > n) threads = n;
    pthread_mutex_init(&p.mu, NULL);
    pthread_cond_init(&p.changed, NULL);
    p.done = fl_xcalloc(n, 1);
    pthread_t *th = fl_xcalloc(threads, sizeof *th);
    worker_arg *args = fl_xcalloc(threads, sizeof *args);
    size_t started = 0;
    for (size_t t = 0; t < threads; t++) {
        args[started] = (worker_arg){&p, started};
        if (pthread_create(&th[started], NULL, worker, &args[started]) == 0) started++;
    }
    if (!started) run_inline(&p);
    emit_ready(&p, true);
    for (size_t t = 0; t < started; t++) pthread_join(th[t], NULL);
    free(args);
    free(th);
    free(p.done);
    pthread_cond_destroy(&p.changed);
    pthread_mutex_destroy(&p.mu);
}

size_t fl_pool_ahead(fl_pool *pool, size_t i)
{
    pthread_mutex_lock(&pool->mu);
    size_t a = i >= pool->next ? i - pool->next : 0;
    pthread_mutex_unlock(&pool->mu);
    return a;
}
