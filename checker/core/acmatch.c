/* Aho–Corasick automaton: a byte trie with failure links, laid out for
 * scanning speed in bounded memory. States are numbered breadth first, so the
 * shallow states — where a scan spends most of its time — come first. Those
 * first states (as many as fit in ROW_BUDGET) get fully resolved DFA rows over
 * byte classes (each byte that occurs in a pattern is a class, all others
 * share one): a step from them is one table lookup, failure links already
 * folded in. Deeper states keep sorted label arrays and follow failure links
 * until they reach a state with a row. A state id carries OUT_BIT when a
 * pattern ends there or at one of its suffixes, so the scan touches the state
 * records only to report.
 *
 * Leftmost-longest selection runs on top of the plain scan: matches wait in a
 * small buffer until no later match could start at or before them (the
 * current state's depth bounds where any future match can start). */
#include "core/acmatch.h"
#include "core/arena.h"
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#define NONE UINT32_MAX
#define OUT_BIT 0x80000000u          /* in a state id: report matches here */
#define ID_MASK 0x7fffffffu
#define ROW_BUDGET (1u << 20)        /* bytes of DFA rows per automaton */
#define LINEAR_MAX 8                 /* up to this many labels a linear search is faster */

typedef struct ac_state {
    uint32_t edges;  /* first index into lab[] / to[] */
    uint32_t fail;   /* plain id */
    uint32_t out;    /* first index into ids[] */
    uint32_t nout;   /* ids of patterns ending exactly here */
    uint32_t dict;   /* nearest proper suffix state with outputs (plain id), or NONE */
    uint32_t depth;  /* bytes from the root = length of the matched pattern */
    uint32_t nedges;
} ac_state;

struct fl_ac {
    ac_state *st;
    uint32_t nstates;
    uint8_t *lab;    /* edge labels, sorted per state */
    uint32_t *to;    /* edge targets, with OUT_BIT */
    uint32_t *ids;
    uint32_t *row;   /* nrows * ncls resolved targets, with OUT_BIT */
    uint32_t nrows, ncls;
    uint16_t cls[256];
    size_t nedges, nids, npatterns;
};

struct fl_ac_builder {
    uint32_t *depth, *out_head; /* per trie node */
    uint32_t nnodes, cap_nodes;
    uint32_t *out_id, *out_next; /* output lists, linked per node */
    size_t nout, cap_out;
    uint64_t *hkey; /* edges: ((parent << 8) | byte) + 1, 0 = empty slot */
    uint32_t *hval;
    size_t hcap, hcount;
    size_t npatterns;
};

/* ---- builder ----------------------------------------------------------- */

static size_t hslot(uint64_t key, size_t cap)
{
    return (size_t)((key * 0x9E3779B97F4A7C15ull) >> 20) & (cap - 1);
}

static uint32_t hget(const fl_ac_builder *b, uint32_t parent, uint8_t c)
{
    uint64_t key = (((uint64_t)parent << 8) | c) + 1;
    for (size_t i = hslot(key, b->hcap);; i = (i + 1) & (b->hcap - 1)) {
        if (b->hkey[i] == key) return b->hval[i];
        if (b->hkey[i] == 0) return NONE;
    }
}

static void hput_raw(uint64_t *keys, uint32_t *vals, size_t cap, uint64_t key, uint32_t val)
{
    size_t i = hslot(key, cap);
    while (keys[i]) i = (i + 1) & (cap - 1);
    keys[i] = key;
    vals[i] = val;
}

static void hgrow(fl_ac_builder *b)
{
    size_t ncap = b->hcap * 2;
    uint64_t *keys = fl_xcalloc(ncap, sizeof *keys);
    uint32_t *vals = fl_xmalloc(ncap * sizeof *vals);
    for (size_t i = 0; i < b->hcap; i++)
        if (b->hkey[i]) hput_raw(keys, vals, ncap, b->hkey[i], b->hval[i]);
    free(b->hkey);
    free(b->hval);
    b->hkey = keys;
    b->hval = vals;
    b->hcap = ncap;
}

static uint32_t new_node(fl_ac_builder *b, uint32_t depth)
{
    if (b->nnodes >= ID_MASK - 1) abort(); /* 2 G states: far beyond any term list */
    if (b->nnodes == b->cap_nodes) {
        b->cap_nodes = b->cap_nodes ? b->cap_nodes * 2 : 1024;
        b->depth = fl_xrealloc(b->depth, (size_t)b->cap_nodes * sizeof *b->depth);
        b->out_head = fl_xrealloc(b->out_head, (size_t)b->cap_nodes * sizeof *b->out_head);
    }
    b->depth[b->nnodes] = depth;
    b->out_head[b->nnodes] = NONE;
    return b->nnodes++;
}

fl_ac_builder *fl_ac_builder_new(void)
{
    fl_ac_builder *b = fl_xcalloc(1, sizeof *b);
    b->hcap = 1024;
    b->hkey = fl_xcalloc(b->hcap, sizeof *b->hkey);
    b->hval = fl_xmalloc(b->hcap * sizeof *b->hval);
    new_node(b, 0);
    return b;
}

void fl_ac_builder_free(fl_ac_builder *b)
{
    if (!b) return;
    free(b->depth);
    free(b->out_head);
    free(b->out_id);
    free(b->out_next);
    free(b->hkey);
    free(b->hval);
    free(b);
}

void fl_ac_builder_add(fl_ac_builder *b, const char *pat, size_t len, uint32_t id)
{
    if (len == 0) return;
    uint32_t node = 0;
    for (size_t i = 0; i < len; i++) {
        uint8_t c = (uint8_t)pat[i];
        uint32_t next = hget(b, node, c);
        if (next == NONE) {
            if ((b->hcount + 1) * 2 > b->hcap) hgrow(b);
            next = new_node(b, b->depth[node] + 1);
            hput_raw(b->hkey, b->hval, b->hcap, (((uint64_t)node << 8) | c) + 1, next);
            b->hcount++;
        }
        node = next;
    }
    if (b->nout == b->cap_out) {
        b->cap_out = b->cap_out ? b->cap_out * 2 : 1024;
        b->out_id = fl_xrealloc(b->out_id, b->cap_out * sizeof *b->out_id);
        b->out_next = fl_xrealloc(b->out_next, b->cap_out * sizeof *b->out_next);
    }
    b->out_id[b->nout] = id;
    b->out_next[b->nout] = b->out_head[node];
    b->out_head[node] = (uint32_t)b->nout++;
    b->npatterns++;
}

/* ---- building the automaton ------------------------------------------- */

typedef struct edge { uint64_t key; uint32_t child; } edge;

static int cmp_edge(const void *a, const void *b)
{
    uint64_t x = ((const edge *)a)->key, y = ((const edge *)b)->key;
    return x < y ? -1 : x > y;
}

/* Children of every node as runs of a key-sorted edge list: first[node] and
 * nkids[node] index into it. */
static edge *sorted_edges(const fl_ac_builder *b, uint32_t **first, uint32_t **nkids)
{
    edge *e = fl_xmalloc((b->hcount + 1) * sizeof *e);
    size_t n = 0;
    for (size_t i = 0; i < b->hcap; i++)
        if (b->hkey[i]) e[n++] = (edge){b->hkey[i] - 1, b->hval[i]};
    qsort(e, n, sizeof *e, cmp_edge);
    *first = fl_xcalloc(b->nnodes, sizeof **first);
    *nkids = fl_xcalloc(b->nnodes, sizeof **nkids);
    for (size_t i = n; i-- > 0;) {
        uint32_t parent = (uint32_t)(e[i].key >> 8);
        (*first)[parent] = (uint32_t)i;
        (*nkids)[parent]++;
    }
    return e;
}

static void compute_links(const fl_ac_builder *b, const edge *e, const uint32_t *first,
                          const uint32_t *nkids, uint32_t *order, uint32_t *fail, uint32_t *dict)
{
    size_t head = 0, tail = 0;
    order[tail++] = 0;
    fail[0] = 0;
    dict[0] = NONE;
    while (head < tail) {
        uint32_t v = order[head++];
        for (uint32_t k = 0; k < nkids[v]; k++) {
            uint32_t u = e[first[v] + k].child;
            uint8_t c = (uint8_t)(e[first[v] + k].key & 0xff);
            uint32_t f = 0;
            if (v != 0) {
                for (uint32_t w = fail[v];; w = fail[w]) {
                    uint32_t t = hget(b, w, c);
                    if (t != NONE) { f = t; break; }
                    if (w == 0) break;
                }
            }
            fail[u] = f;
            dict[u] = b->out_head[f] != NONE ? f : dict[f];
            order[tail++] = u;
        }
    }
}

static void fill_state(fl_ac *ac, const fl_ac_builder *b, const edge *e, const uint32_t *first,
                       const uint32_t *nkids, const uint32_t *newid, uint32_t old, uint32_t nu,
                       uint32_t fail, uint32_t dict, size_t *nedges, size_t *nids)
{
    ac_state *s = &ac->st[nu];
    s->edges = (uint32_t)*nedges;
    s->nedges = nkids[old];
    s->fail = newid[fail];
    s->dict = dict == NONE ? NONE : newid[dict];
    s->depth = b->depth[old];
    for (uint32_t k = 0; k < nkids[old]; k++) {
        ac->lab[*nedges] = (uint8_t)(e[first[old] + k].key & 0xff);
        ac->to[(*nedges)++] = newid[e[first[old] + k].child];
    }
    /* the output list is linked newest first; store it oldest first */
    s->out = (uint32_t)*nids;
    for (uint32_t o = b->out_head[old]; o != NONE; o = b->out_next[o]) s->nout++;
    uint32_t k = s->nout;
    for (uint32_t o = b->out_head[old]; o != NONE; o = b->out_next[o]) ac->ids[*nids + --k] = b->out_id[o];
    *nids += s->nout;
}

static uint32_t with_flag(const fl_ac *ac, uint32_t id)
{
    return id | ((ac->st[id].nout || ac->st[id].dict != NONE) ? OUT_BIT : 0);
}

/* Byte classes, then resolved rows for the first states: a state's row is its
 * failure state's row (already built: breadth-first order) with its own
 * edges written over it. */
static void make_rows(fl_ac *ac)
{
    bool used[256] = {false};
    for (size_t i = 0; i < ac->nedges; i++) used[ac->lab[i]] = true;
    ac->ncls = 1; /* class 0: bytes in no pattern */
    for (int c = 0; c < 256; c++) ac->cls[c] = used[c] ? (uint16_t)ac->ncls++ : 0;
    size_t fit = ROW_BUDGET / (ac->ncls * sizeof *ac->row);
    ac->nrows = (uint32_t)(fit < 1 ? 1 : fit < ac->nstates ? fit : ac->nstates);
    ac->row = fl_xmalloc((size_t)ac->nrows * ac->ncls * sizeof *ac->row);
    for (uint32_t i = 0; i < ac->nrows; i++) {
        const ac_state *s = &ac->st[i];
        uint32_t *row = ac->row + (size_t)i * ac->ncls;
        if (i == 0) {
            for (uint32_t c = 0; c < ac->ncls; c++) row[c] = with_flag(ac, 0);
        } else {
            memcpy(row, ac->row + (size_t)s->fail * ac->ncls, ac->ncls * sizeof *row);
        }
        for (uint32_t k = 0; k < s->nedges; k++) row[ac->cls[ac->lab[s->edges + k]]] = ac->to[s->edges + k];
    }
}

fl_ac *fl_ac_build(fl_ac_builder *b)
{
    uint32_t n = b->nnodes;
    uint32_t *first, *nkids;
    edge *e = sorted_edges(b, &first, &nkids);
    uint32_t *order = fl_xmalloc(n * sizeof *order);
    uint32_t *fail = fl_xmalloc(n * sizeof *fail);
    uint32_t *dict = fl_xmalloc(n * sizeof *dict);
    uint32_t *newid = fl_xmalloc(n * sizeof *newid);
    compute_links(b, e, first, nkids, order, fail, dict);
    for (uint32_t i = 0; i < n; i++) newid[order[i]] = i;

    fl_ac *ac = fl_xcalloc(1, sizeof *ac);
    ac->nstates = n;
    ac->npatterns = b->npatterns;
    ac->st = fl_xcalloc(n, sizeof *ac->st);
    ac->lab = fl_xmalloc(b->hcount + 1);
    ac->to = fl_xmalloc((b->hcount + 1) * sizeof *ac->to);
    ac->ids = fl_xmalloc((b->nout + 1) * sizeof *ac->ids);
    size_t nedges = 0, nids = 0;
    for (uint32_t i = 0; i < n; i++) {
        uint32_t old = order[i];
        fill_state(ac, b, e, first, nkids, newid, old, i, fail[old], dict[old], &nedges, &nids);
    }
    ac->nedges = nedges;
    ac->nids = nids;
    for (size_t i = 0; i < nedges; i++) ac->to[i] = with_flag(ac, ac->to[i]);
    make_rows(ac);

    free(e);
    free(first);
    free(nkids);
    free(order);
    free(fail);
    free(dict);
    free(newid);
    fl_ac_builder_free(b);
    return ac;
}

void fl_ac_free(fl_ac *ac)
{
    if (!ac) return;
    free(ac->st);
    free(ac->lab);
    free(ac->to);
    free(ac->ids);
    free(ac->row);
    free(ac);
}

size_t fl_ac_patterns(const fl_ac *ac) { return ac->npatterns; }
size_t fl_ac_states(const fl_ac *ac) { return ac->nstates; }

size_t fl_ac_bytes(const fl_ac *ac)
{
    return sizeof *ac + ac->nstates * sizeof *ac->st + ac->nedges * (1 + sizeof *ac->to) +
           ac->nids * sizeof *ac->ids + (size_t)ac->nrows * ac->ncls * sizeof *ac->row;
}

/* ---- scanning ---------------------------------------------------------- */

/* Target of the edge labelled c out of a state without a row, or NONE. */
static inline uint32_t edge_to(const fl_ac *ac, const ac_state *s, uint8_t c)
{
    const uint8_t *lab = ac->lab + s->edges;
    uint32_t n = s->nedges;
    if (n <= LINEAR_MAX) {
        for (uint32_t i = 0; i < n; i++) {
            if (lab[i] == c) return ac->to[s->edges + i];
            if (lab[i] > c) break;
        }
        return NONE;
    }
    uint32_t lo = 0, hi = n;
    while (lo < hi) {
        uint32_t mid = (lo + hi) / 2;
        if (lab[mid] < c) lo = mid + 1;
        else hi = mid;
    }
    return (lo < n && lab[lo] == c) ? ac->to[s->edges + lo] : NONE;
}

/* The state after reading c in state id (plain); the result carries OUT_BIT. */
static inline uint32_t step(const fl_ac *ac, uint32_t id, uint8_t c)
{
    for (;;) {
        if (id < ac->nrows) return ac->row[(size_t)id * ac->ncls + ac->cls[c]];
        uint32_t t = edge_to(ac, &ac->st[id], c);
        if (t != NONE) return t;
        id = ac->st[id].fail;
    }
}

static int emit_state(const fl_ac *ac, uint32_t state, size_t end, fl_ac_fn fn, void *ctx)
{
    const ac_state *s = &ac->st[state];
    for (uint32_t k = 0; k < s->nout; k++) {
        int rc = fn(ctx, end - s->depth, end, ac->ids[s->out + k]);
        if (rc) return rc;
    }
    return 0;
}

/* Pending matches of the leftmost-longest mode. */
typedef struct cand { size_t start, end; uint32_t state; } cand;
typedef struct pending {
    cand *c;
    size_t n, cap;
    cand local[32];
    size_t done; /* end of the last reported match: nothing may start before it */
} pending;

static void pending_push(pending *p, size_t start, size_t end, uint32_t state)
{
    if (start < p->done) return;
    if (p->n == p->cap) {
        size_t ncap = p->cap * 2;
        cand *c = fl_xmalloc(ncap * sizeof *c);
        memcpy(c, p->c, p->n * sizeof *c);
        if (p->c != p->local) free(p->c);
        p->c = c;
        p->cap = ncap;
    }
    p->c[p->n++] = (cand){start, end, state};
}

/* Report every pending match that no future match can beat: one that starts
 * before min_start, the earliest start any later match can have. */
static int pending_flush(const fl_ac *ac, pending *p, size_t min_start, fl_ac_fn fn, void *ctx)
{
    while (p->n) {
        size_t best = 0;
        for (size_t k = 1; k < p->n; k++)
            if (p->c[k].start < p->c[best].start ||
                (p->c[k].start == p->c[best].start && p->c[k].end > p->c[best].end))
                best = k;
        if (p->c[best].start >= min_start) return 0;
        cand won = p->c[best];
        int rc = emit_state(ac, won.state, won.end, fn, ctx);
        if (rc) return rc;
        p->done = won.end;
        size_t keep = 0;
        for (size_t k = 0; k < p->n; k++)
            if (p->c[k].start >= p->done) p->c[keep++] = p->c[k];
        p->n = keep;
    }
    return 0;
}

static int report_all(const fl_ac *ac, uint32_t s, size_t end, fl_ac_fn fn, void *ctx)
{
    for (uint32_t r = ac->st[s].nout ? s : ac->st[s].dict; r != NONE; r = ac->st[r].dict) {
        int rc = emit_state(ac, r, end, fn, ctx);
        if (rc) return rc;
    }
    return 0;
}

static void report_pending(const fl_ac *ac, uint32_t s, size_t end, pending *p)
{
    for (uint32_t r = ac->st[s].nout ? s : ac->st[s].dict; r != NONE; r = ac->st[r].dict)
        pending_push(p, end - ac->st[r].depth, end, r);
}

int fl_ac_scan(const fl_ac *ac, const char *text, size_t len, fl_ac_mode mode,
               fl_ac_fn fn, void *ctx)
{
    const uint8_t *t = (const uint8_t *)text;
    pending p;
    p.c = p.local;
    p.n = 0;
    p.cap = sizeof p.local / sizeof p.local[0];
    p.done = 0;
    int rc = 0;
    uint32_t s = 0;
    if (mode == FL_AC_ALL) {
        for (size_t i = 0; i < len; i++) {
            s = step(ac, s & ID_MASK, t[i]);
            if ((s & OUT_BIT) && (rc = report_all(ac, s & ID_MASK, i + 1, fn, ctx))) break;
        }
        return rc;
    }
    for (size_t i = 0; i < len; i++) {
        s = step(ac, s & ID_MASK, t[i]);
        if (s & OUT_BIT) report_pending(ac, s & ID_MASK, i + 1, &p);
        if (p.n && (rc = pending_flush(ac, &p, i + 1 - ac->st[s & ID_MASK].depth, fn, ctx))) goto cleanup;
    }
    rc = pending_flush(ac, &p, SIZE_MAX, fn, ctx);
cleanup:
    if (p.c != p.local) free(p.c);
    return rc;
}
