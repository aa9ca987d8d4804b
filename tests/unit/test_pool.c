/* Unit tests for cmd/pool.c: items come out in index order whatever the
 * thread count and however long each takes; no more than `window` items are
 * started ahead of the next one out, unless the head waits for later items
 * (ready() false), in which case the workers go on past the window. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <cmocka.h>

#include "cmd/pool.h"

#define N 60

typedef struct ctx {
    size_t emitted[N], nemitted;
    unsigned char done[N];
    size_t ahead[N];        /* per item: how far ahead of the next one out it started */
    size_t max_ahead;
    size_t wait_for;        /* ready(0) false until this item is done; 0 = never waits */
} ctx;

static void nap(size_t i)
{
    struct timespec ts = {0, (long)((i * 7919) % 5) * 200000L};
    nanosleep(&ts, NULL);
}

static void work(void *p, fl_pool *pool, size_t worker, size_t i)
{
    ctx *c = p;
    (void)worker;
    c->ahead[i] = fl_pool_ahead(pool, i); /* only this worker writes entry i */
    nap(i);
}

static void done(void *p, size_t i) { ((ctx *)p)->done[i] = 1; }

static bool ready(void *p, size_t i)
{
    ctx *c = p;
    return i != 0 || !c->wait_for || c->done[c->wait_for];
}

static void emit(void *p, size_t i)
{
    ctx *c = p;
    c->emitted[c->nemitted++] = i;
}

static void run(size_t threads, size_t window, size_t wait_for, ctx *c)
{
    memset(c, 0, sizeof *c);
    c->wait_for = wait_for;
    fl_pool_ops ops = {work, done, ready, emit};
    fl_pool_run(N, threads, window, &ops, c);
    for (size_t i = 0; i < N; i++)
        if (c->ahead[i] > c->max_ahead) c->max_ahead = c->ahead[i];
    assert_int_equal(c->nemitted, N);
    for (size_t i = 0; i < N; i++) assert_int_equal(c->emitted[i], i);
}

static void test_order(void **state)
{
    (void)state;
    ctx c;
    for (size_t t = 1; t <= 4; t++) run(t, 4, 0, &c);
    run(8, 2, 0, &c); /* more threads than items in the window */
}

static void test_window(void **state)
{
    (void)state;
    ctx c;
    run(4, 3, 0, &c);
    assert_true(c.max_ahead < 3);
}

static void test_head_waits(void **state)
{
    (void)state;
    ctx c;
    run(2, 3, N - 1, &c); /* item 0 needs the last item: workers must pass the window */
    assert_true(c.max_ahead >= N - 1 - 1);
    run(1, 1, N - 1, &c);
}

static void test_empty(void **state)
{
    (void)state;
    ctx c;
    memset(&c, 0, sizeof c);
    fl_pool_ops ops = {work, done, ready, emit};
    fl_pool_run(0, 4, 4, &ops, &c);
    assert_int_equal(c.nemitted, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_order),
        cmocka_unit_test(test_window),
        cmocka_unit_test(test_head_waits),
        cmocka_unit_test(test_empty),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
