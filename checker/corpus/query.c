/* fl_corpus_find: the passages a filing shares with others (query.h).
 *
 * Cost is one indexed look-up per distinct fingerprint of the checked
 * sections (a 200,000-character filing has a few thousand), each reading at
 * most max_df + 1 rows: a hash found in more filings than that is
 * boilerplate and is dropped before its rows are all read. */
#define _XOPEN_SOURCE 700 /* realpath */
#include "corpus/query.h"
#include "corpus/index_int.h"
#include "core/utf8.h"
#include <stdlib.h>
#include <string.h>

static const char *const default_sections[] = {
    "基本情况", "工程分析", "环境现状", "环境质量现状", "环境保护目标", "预测",
};

void fl_corpus_opts_init(fl_corpus_opts *o)
{
    memset(o, 0, sizeof *o);
    o->boilerplate_share = FL_CORPUS_BOILERPLATE_SHARE;
    o->boilerplate_min = FL_CORPUS_BOILERPLATE_MIN;
    o->min_chars = FL_CORPUS_MIN_CHARS;
    o->min_support = FL_CORPUS_MIN_SUPPORT;
    o->max_miss = FL_CORPUS_MAX_MISS;
}

typedef struct hit {
    int32_t doc;   /* index in the snapshot's docs */
    uint32_t qpos; /* gram position in the checked filing's fold */
    uint32_t opos; /* gram position in the other filing's fold */
} hit;

typedef struct hitvec { hit *v; size_t n, cap; } hitvec;

typedef struct query {
    fl_corpus *c;
    const fl_doc *doc;
    const fl_corpus_opts *o;
    fl_fold fold;
    uint32_t *allpos; /* positions of all the filing's fingerprints, ascending */
    size_t nall;
    bool *excluded;  /* per snapshot doc: the filing itself */
    int max_df;
    hitvec hits;
} query;

/* ---- which fingerprints to look up ---------------------------------------- */

static bool *scoped_blocks(const fl_doc *doc, const fl_corpus_opts *o)
{
    bool *in = fl_xcalloc(doc->nblocks ? doc->nblocks : 1, sizeof *in);
    const char *const *names = o->sections ? o->sections : default_sections;
    size_t nnames = o->sections ? o->nsections : sizeof default_sections / sizeof *default_sections;
    for (size_t i = 0; i < doc->nblocks; i++) {
        int s = doc->blocks[i].section;
        if (o->whole_document) {
            in[i] = true;
            continue;
        }
        if (s < 0) continue;
        for (size_t k = 0; k < nnames && !in[i]; k++)
            in[i] = strstr(doc->sections[s].path, names[k]) != NULL;
    }
    return in;
}

/* Fingerprints whose gram starts in a scoped block, sorted by hash so the
 * look-ups walk the index in order and each hash is looked up once. */
static size_t scoped_fps(fl_fp **out, query *q)
{
    fl_fp *fp;
    size_t n = fl_fp_winnow(&fp, q->fold.unit, q->fold.n, &q->c->params);
    q->allpos = fl_xmalloc((n ? n : 1) * sizeof *q->allpos);
    for (size_t i = 0; i < n; i++) q->allpos[i] = fp[i].pos; /* winnowing yields them in order */
    q->nall = n;
    bool *in = scoped_blocks(q->doc, q->o);
    size_t w = 0;
    for (size_t i = 0; i < n; i++)
        if (in[q->fold.block[fp[i].pos]]) fp[w++] = fp[i];
    free(in);
    fl_fp_sort(fp, w);
    *out = fp;
    return w;
}

/* ---- the filing itself and the boilerplate threshold ----------------------- */

/* The path the index stores for a document (fl_corpus_entry_make). */
static char *stored_path(const fl_doc *doc)
{
    if (!doc->path) return NULL;
    char *canon = realpath(doc->path, NULL);
    return canon ? canon : fl_xstrdup(doc->path);
}

static int cmp_i64(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return (x > y) - (x < y);
}

/* Copies of the checked filing that the index did not group with it
 * (it is not indexed itself, or indexed with other text): filings whose
 * identity agrees and that hold enough of its fingerprints. The
 * fingerprints are made only when there is a candidate. */
static int mark_copies(fl_corpus *c, const fl_doc *doc, bool *self, fl_error *err)
{
    char *project, *owner;
    fl_corpus_identity(doc, &project, &owner);
    fl_fp *fps = NULL;
    size_t nfps = 0;
    bool made = false;
    int rc = 0;
    for (size_t i = 0; i < c->ndocs && !rc; i++) {
        const corpus_docinfo *d = &c->docs[i];
        if (self[i] || d->kind != FL_CORPUS_FILING ||
            !fl_corpus_identity_agrees(project, owner, d->project, d->owner))
            continue;
        if (!made) {
            nfps = fl_corpus_doc_fps(&fps, doc, &c->params, NULL);
            made = true;
        }
        int64_t need = fl_corpus_same_need((int64_t)nfps, d->n_fingerprints);
        int64_t shared = fl_corpus_shared(c, fps, nfps, d->id, need, err);
        if (shared < 0) rc = -1;
        else self[i] = shared >= need;
    }
    free(fps);
    free(project);
    free(owner);
    return rc;
}

bool *fl_corpus_self_mask(fl_corpus *c, const fl_doc *doc, fl_error *err)
{
    unsigned char sha[32];
    fl_corpus_doc_sha256(doc, sha);
    char *canon = stored_path(doc);
    bool *self = fl_xcalloc(c->ndocs ? c->ndocs : 1, sizeof *self);
    bool any = false;
    for (size_t i = 0; i < c->ndocs; i++) {
        const corpus_docinfo *d = &c->docs[i];
        self[i] = !memcmp(d->sha256, sha, 32) || (canon && !strcmp(d->path, canon));
        any |= self[i];
    }
    free(canon);
    if (!any && mark_copies(c, doc, self, err)) {
        free(self);
        return NULL;
    }
    /* Every copy of a copy: the groups the index made. Groups are few
     * members each; the sort keeps this linear in the corpus. */
    int64_t *grps = NULL;
    size_t ngrps = 0, cap = 0;
    for (size_t i = 0; i < c->ndocs; i++)
        if (self[i] && c->docs[i].kind == FL_CORPUS_FILING) {
            FL_VEC_RESERVE(grps, cap, ngrps + 1);
            grps[ngrps++] = c->docs[i].grp;
        }
    if (ngrps) {
        qsort(grps, ngrps, sizeof *grps, cmp_i64);
        for (size_t i = 0; i < c->ndocs; i++)
            if (!self[i] && c->docs[i].kind == FL_CORPUS_FILING &&
                bsearch(&c->docs[i].grp, grps, ngrps, sizeof *grps, cmp_i64))
                self[i] = true;
    }
    free(grps);
    return self;
}

static int mark_self(query *q, fl_error *err)
{
    fl_corpus *c = q->c;
    q->excluded = fl_corpus_self_mask(c, q->doc, err);
    if (!q->excluded) return -1;
    size_t others = 0;
    for (size_t i = 0; i < c->ndocs; i++)
        if (!q->excluded[i] && c->docs[i].kind == FL_CORPUS_FILING) others++;
    double share = q->o->boilerplate_share * (double)others;
    q->max_df = share > q->o->boilerplate_min ? (int)share : q->o->boilerplate_min;
    return 0;
}

/* ---- look-ups -------------------------------------------------------------- */

typedef struct row { int32_t doc; uint32_t pos; } row;

/* Rows of one hash in other live filings; -1 on error, 0 when the hash is
 * boilerplate (too many filings, or in a reference document), else 1. */
static int lookup(query *q, sqlite3_stmt *s, uint32_t hash, row *rows, size_t *nrows, fl_error *err)
{
    fl_corpus *c = q->c;
    *nrows = 0;
    sqlite3_reset(s);
    sqlite3_bind_int(s, 1, fl_corpus_stored_hash(hash));
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        int64_t id = sqlite3_column_int64(s, 0);
        if (id < 0 || (size_t)id >= c->nslot || c->slot[id] < 0) continue; /* replaced, not yet swept */
        int32_t d = c->slot[id];
        if (q->excluded[d]) continue;
        if (c->docs[d].kind != FL_CORPUS_FILING || (int)*nrows >= q->max_df) return 0;
        rows[*nrows].doc = d;
        rows[(*nrows)++].pos = (uint32_t)sqlite3_column_int64(s, 1);
    }
    if (rc != SQLITE_DONE) return fl_corpus_db_error(c, err, "look up fingerprint");
    return 1;
}

static int collect_hits(query *q, const fl_fp *fp, size_t n, fl_error *err)
{
    sqlite3_stmt *s = fl_corpus_stmt(q->c, ST_LOOKUP, err);
    if (!s) return -1;
    row *rows = fl_xmalloc(((size_t)q->max_df + 1) * sizeof *rows);
    int rc = 0;
    for (size_t i = 0, j; i < n; i = j) {
        for (j = i + 1; j < n && fp[j].hash == fp[i].hash; j++) {}
        size_t nrows;
        rc = lookup(q, s, fp[i].hash, rows, &nrows, err);
        if (rc < 0) break;
        if (rc == 0) continue;
        for (size_t a = i; a < j; a++)
            for (size_t r = 0; r < nrows; r++) {
                FL_VEC_RESERVE(q->hits.v, q->hits.cap, q->hits.n + 1);
                q->hits.v[q->hits.n++] = (hit){rows[r].doc, fp[a].pos, rows[r].pos};
            }
        rc = 0;
    }
    sqlite3_reset(s);
    free(rows);
    return rc;
}

/* ---- merging hits into passages -------------------------------------------- */

static int cmp_hit(const void *a, const void *b)
{
    const hit *x = a, *y = b;
    if (x->doc != y->doc) return x->doc < y->doc ? -1 : 1;
    if (x->qpos != y->qpos) return x->qpos < y->qpos ? -1 : 1;
    return (x->opos > y->opos) - (x->opos < y->opos);
}

/* Fingerprints of the checked filing with position in [lo, hi]. */
static size_t count_between(const uint32_t *v, size_t n, uint32_t lo, uint32_t hi)
{
    size_t a = 0, b = n;
    while (a < b) { /* first >= lo */
        size_t m = a + (b - a) / 2;
        if (v[m] < lo) a = m + 1;
        else b = m;
    }
    size_t first = a;
    b = n;
    while (a < b) { /* first > hi */
        size_t m = a + (b - a) / 2;
        if (v[m] <= hi) a = m + 1;
        else b = m;
    }
    return a - first;
}

/* A run goes on while the next shared fingerprint is near (gap), the other
 * filing's positions advance alike (scattered coincidences do not chain),
 * and few of the checked filing's fingerprints in between are unshared. */
static bool continues(const query *q, const hit *prev, const hit *h, int64_t gap)
{
    int64_t dq = (int64_t)h->qpos - prev->qpos;
    int64_t dop = (int64_t)h->opos - prev->opos;
    if (dq > gap || dop - dq > gap || dq - dop > gap) return false;
    return dq < 2 || count_between(q->allpos, q->nall, prev->qpos + 1, h->qpos - 1) <= (size_t)q->o->max_miss;
}

/* Byte just past the unit at fold position u, over the whole digit run a
 * digit unit stands for ("35.2" is one unit). */
static size_t unit_end(const fl_fold *f, const fl_block *b, size_t u)
{
    size_t i = f->off[u];
    uint32_t cp;
    i += fl_utf8_decode(b->text + i, b->len - i, &cp);
    if (f->unit[u] != FL_FOLD_DIGIT) return i;
    while (i < b->len) {
        size_t k = fl_utf8_decode(b->text + i, b->len - i, &cp);
        if (fl_fold_cp(cp) == FL_FOLD_DIGIT) {
            i += k;
            continue;
        }
        uint32_t next;
        if ((cp == '.' || cp == ',') && i + k < b->len) {
            fl_utf8_decode(b->text + i + k, b->len - i - k, &next);
            if (fl_fold_cp(next) == FL_FOLD_DIGIT) {
                i += k;
                continue;
            }
        }
        break;
    }
    return i;
}

static size_t span_chars(const fl_doc *doc, int b0, size_t off0, int b1, size_t end1)
{
    const fl_block *first = &doc->blocks[b0];
    if (b0 == b1) return fl_utf8_count(first->text + off0, end1 - off0);
    size_t n = fl_utf8_count(first->text + off0, first->len - off0);
    for (int b = b0 + 1; b < b1; b++)
        if (fl_fold_wants(&doc->blocks[b])) n += fl_utf8_count(doc->blocks[b].text, doc->blocks[b].len);
    return n + fl_utf8_count(doc->blocks[b1].text, end1);
}

/* grp: the other filing's group, for dropping what its copies repeat. */
typedef struct passvec { fl_corpus_passage *v; int64_t *grp; size_t n, cap, cap_grp; } passvec;

static int make_passage(query *q, const hit *h, size_t n, passvec *out, fl_arena *arena, fl_error *err)
{
    const fl_fold *f = &q->fold;
    size_t k = (size_t)q->c->params.gram;
    size_t u0 = h[0].qpos, u1 = h[n - 1].qpos + k - 1;
    if (u1 >= f->n) u1 = f->n - 1;
    /* A gram across a block boundary joins the end of one paragraph to the
     * start of the next; the passage is reported from the block where the
     * copied text starts to the block where it ends. */
    size_t full_u1 = u1, lastpos = h[n - 1].qpos;
    if (f->block[u0] != f->block[u0 + k - 1] && n > 1)
        while (u0 < u1 && f->block[u0] == f->block[h[0].qpos]) u0++;
    if (f->block[lastpos] != f->block[u1] && u1 > u0)
        while (u1 > u0 && f->block[u1] != f->block[lastpos]) u1--;
    int b0 = f->block[u0], b1 = f->block[u1];
    const fl_block *first = &q->doc->blocks[b0], *last = &q->doc->blocks[b1];
    size_t off0 = f->off[u0], end1 = unit_end(f, last, u1);
    size_t chars = span_chars(q->doc, b0, off0, b1, end1);
    if (chars < (size_t)q->o->min_chars) return 0;
    size_t span_fps = count_between(q->allpos, q->nall, h[0].qpos, h[n - 1].qpos);
    if ((double)n < q->o->min_support * (double)span_fps) return 0;
    uint32_t omin = h[0].opos, omax = h[0].opos;
    for (size_t i = 1; i < n; i++) {
        if (h[i].opos < omin) omin = h[i].opos;
        if (h[i].opos > omax) omax = h[i].opos;
    }
    const corpus_docinfo *d = &q->c->docs[h[0].doc];
    const fl_corpus_lines *lines = fl_corpus_doc_lines(q->c, d->id, err);
    if (!lines) return -1;
    FL_VEC_RESERVE(out->v, out->cap, out->n + 1);
    FL_VEC_RESERVE(out->grp, out->cap_grp, out->n + 1);
    out->grp[out->n] = d->grp;
    fl_corpus_passage *p = &out->v[out->n++];
    p->block = b0;
    p->col = (int)fl_utf8_count(first->text, off0) + 1;
    p->end_block = b1;
    p->end_col = (int)fl_utf8_count(last->text, end1) + 1;
    p->chars = (int)chars;
    p->fingerprints = (int)n;
    p->span_fingerprints = (int)span_fps;
    p->other_path = fl_arena_strdup(arena, d->name);
    /* The texts are aligned: trim the other side as much as this one. */
    p->other_line = fl_corpus_lines_at(lines, omin + (uint32_t)(u0 - h[0].qpos));
    p->other_end_line = fl_corpus_lines_at(lines, omax + (uint32_t)(k - 1 - (full_u1 - u1)));
    return 0;
}

static int merge_hits(query *q, passvec *out, fl_arena *arena, fl_error *err)
{
    hit *h = q->hits.v;
    size_t n = q->hits.n;
    if (n > 1) qsort(h, n, sizeof *h, cmp_hit);
    /* In an unedited copy consecutive shared fingerprints are at most a
     * window apart; an edited word of L characters widens that by about
     * L + gram. */
    int64_t gap = (int64_t)q->c->params.window + 2 * q->c->params.gram + 8;
    for (size_t i = 0, j; i < n; i = j) {
        for (j = i + 1; j < n && h[j].doc == h[i].doc && continues(q, &h[j - 1], &h[j], gap); j++) {}
        if (make_passage(q, h + i, j - i, out, arena, err)) return -1;
    }
    return 0;
}

/* Passages in the checked filing's order: start, then end. */
static int cmp_place(const fl_corpus_passage *x, const fl_corpus_passage *y)
{
    if (x->block != y->block) return x->block < y->block ? -1 : 1;
    if (x->col != y->col) return x->col < y->col ? -1 : 1;
    return 0;
}

static bool ends_after(const fl_corpus_passage *x, int block, int col)
{
    return x->end_block > block || (x->end_block == block && x->end_col > col);
}

typedef struct grouped { int64_t grp; size_t i; const fl_corpus_passage *p; } grouped;

static int cmp_grouped(const void *a, const void *b)
{
    const grouped *x = a, *y = b;
    if (x->grp != y->grp) return x->grp < y->grp ? -1 : 1;
    int c = cmp_place(x->p, y->p);
    return c ? c : (x->i > y->i) - (x->i < y->i);
}

/* The other filing indexed as a DOCX and as its PDF holds the copied text
 * twice: one passage per place and group, the longest, naming one copy. */
static void drop_repeats(passvec *pv)
{
    if (pv->n < 2) return;
    grouped *g = fl_xmalloc(pv->n * sizeof *g);
    bool *drop = fl_xcalloc(pv->n, sizeof *drop);
    for (size_t i = 0; i < pv->n; i++) g[i] = (grouped){pv->grp[i], i, &pv->v[i]};
    qsort(g, pv->n, sizeof *g, cmp_grouped);
    for (size_t i = 0, keep = 0; i < pv->n; i++) {
        if (i == 0 || g[i].grp != g[keep].grp || !ends_after(g[keep].p, g[i].p->block, g[i].p->col)) {
            keep = i;
            continue;
        }
        /* overlaps the kept one of the same group */
        if (g[i].p->chars > g[keep].p->chars) {
            drop[g[keep].i] = true;
            keep = i;
        } else {
            drop[g[i].i] = true;
        }
    }
    size_t w = 0;
    for (size_t i = 0; i < pv->n; i++)
        if (!drop[i]) pv->v[w++] = pv->v[i];
    pv->n = w;
    free(g);
    free(drop);
}

static int cmp_passage(const void *a, const void *b)
{
    const fl_corpus_passage *x = a, *y = b;
    if (x->block != y->block) return x->block < y->block ? -1 : 1;
    if (x->col != y->col) return x->col < y->col ? -1 : 1;
    return strcmp(x->other_path, y->other_path);
}

/* ---- the query ------------------------------------------------------------- */

int fl_corpus_find(fl_corpus_passage **out, size_t *count, fl_corpus *c, const fl_doc *doc,
                   const fl_corpus_opts *opts, fl_arena *arena, fl_error *err)
{
    fl_corpus_opts defaults;
    if (!opts) {
        fl_corpus_opts_init(&defaults);
        opts = &defaults;
    }
    query q = {.c = c, .doc = doc, .o = opts};
    passvec pv = {0};
    fl_fp *fp = NULL;
    bool reading = false;
    int rc = -1;
    *out = NULL;
    *count = 0;
    fl_fold_init(&q.fold);
    fl_fold_doc(&q.fold, doc);
    size_t nfp = scoped_fps(&fp, &q);
    if (!nfp) {
        rc = 0;
        goto cleanup;
    }
    if (fl_corpus_read_begin(c, err)) goto cleanup;
    reading = true;
    if (mark_self(&q, err) || collect_hits(&q, fp, nfp, err) || merge_hits(&q, &pv, arena, err)) goto cleanup;
    drop_repeats(&pv);
    if (pv.n > 1) qsort(pv.v, pv.n, sizeof *pv.v, cmp_passage);
    if (pv.n) {
        *out = fl_arena_alloc(arena, pv.n * sizeof **out);
        memcpy(*out, pv.v, pv.n * sizeof **out);
        *count = pv.n;
    }
    rc = 0;
cleanup:
    if (reading) fl_corpus_read_end(c);
    fl_fold_free(&q.fold);
    free(fp);
    free(q.excluded);
    free(q.allpos);
    free(q.hits.v);
    free(pv.v);
    free(pv.grp);
    return rc;
}

int fl_corpus_copies(const char ***out, size_t *count, fl_corpus *c, const fl_doc *doc, fl_arena *arena,
                     fl_error *err)
{
    *out = NULL;
    *count = 0;
    if (fl_corpus_read_begin(c, err)) return -1;
    bool *self = fl_corpus_self_mask(c, doc, err);
    if (!self) {
        fl_corpus_read_end(c);
        return -1;
    }
    char *canon = stored_path(doc);
    size_t n = 0;
    for (size_t i = 0; i < c->ndocs; i++) n += self[i] && c->docs[i].kind == FL_CORPUS_FILING;
    if (n) *out = fl_arena_alloc(arena, n * sizeof **out);
    for (size_t i = 0; i < c->ndocs; i++)
        if (self[i] && c->docs[i].kind == FL_CORPUS_FILING && !(canon && !strcmp(c->docs[i].path, canon)))
            (*out)[(*count)++] = fl_arena_strdup(arena, c->docs[i].name);
    free(canon);
    free(self);
    fl_corpus_read_end(c);
    return 0;
}

/* ---- signature pictures (EIA509) ------------------------------------------- */

int fl_corpus_find_sigs(fl_corpus_sighit **out, size_t *count, fl_corpus *c, const fl_doc *doc,
                        const uint64_t *hashes, size_t nhashes, fl_arena *arena, fl_error *err)
{
    *out = NULL;
    *count = 0;
    if (!nhashes) return 0;
    if (fl_corpus_read_begin(c, err)) return -1;
    bool *self = fl_corpus_self_mask(c, doc, err);
    if (!self) {
        fl_corpus_read_end(c);
        return -1;
    }
    fl_corpus_sighit *v = NULL;
    size_t n = 0, cap = 0;
    int rc = 0;
    for (size_t h = 0; h < nhashes && !rc; h++) {
        sqlite3_stmt *s = fl_corpus_stmt(c, ST_FIND_SIG, err);
        if (!s) {
            rc = -1;
            break;
        }
        sqlite3_bind_int64(s, 1, (int64_t)hashes[h]);
        int step;
        while ((step = sqlite3_step(s)) == SQLITE_ROW) {
            int64_t id = sqlite3_column_int64(s, 0);
            if (id < 0 || (size_t)id >= c->nslot || c->slot[id] < 0) continue; /* a replaced filing's */
            const corpus_docinfo *d = &c->docs[c->slot[id]];
            if (self[c->slot[id]] || d->kind != FL_CORPUS_FILING) continue;
            FL_VEC_RESERVE(v, cap, n + 1);
            v[n++] = (fl_corpus_sighit){
                .hash = hashes[h],
                .other_path = fl_arena_strdup(arena, d->name),
                .person = fl_arena_strdup(arena, (const char *)sqlite3_column_text(s, 1)),
                .shown = fl_arena_strdup(arena, (const char *)sqlite3_column_text(s, 2)),
                .role = fl_arena_strdup(arena, (const char *)sqlite3_column_text(s, 3)),
                .other_line = sqlite3_column_int(s, 4),
                .filed = fl_arena_strdup(arena, (const char *)sqlite3_column_text(s, 5)),
                .credit = fl_arena_strdup(arena, (const char *)sqlite3_column_text(s, 6)),
                .cert = fl_arena_strdup(arena, (const char *)sqlite3_column_text(s, 7)),
            };
        }
        sqlite3_reset(s);
        if (step != SQLITE_DONE) rc = fl_corpus_db_error(c, err, "read signatures");
    }
    free(self);
    fl_corpus_read_end(c);
    if (!rc && n) {
        *out = fl_arena_alloc(arena, n * sizeof **out);
        memcpy(*out, v, n * sizeof **out);
        *count = n;
    }
    free(v);
    return rc;
}
