/* The public participation record as kind publicity reads it
 * (publicity.h): the region (the whole notice, or the sections the scope
 * selects, those of the stage when headed so), its sentences with the
 * channels they name, and the dates in them, read by core/daterange.c. */
#include "rules/publicity.h"
#include "rules/clause.h"
#include "core/daterange.h"
#include "core/utf8.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static void add_item(fl_pub_text *x, const fl_date *d, size_t s, size_t e)
{
    FL_VEC_RESERVE(x->it, x->cap_i, x->ni + 1);
    x->it[x->ni++] = (fl_pub_item){*d, s, e, -1, false, 0, 0};
}

/* The dates of sentence [a, e) of normalised text t: a range gives two
 * items, its start paired with its end. */
static void read_dates(fl_pub_text *x, const char *t, size_t a, size_t e)
{
    fl_date carry = {0, 0, 0};
    for (size_t i = a; i < e;) {
        fl_drange r;
        size_t end = fl_drange_at(&r, t, e, i, &carry);
        if (!end) {
            unsigned char c = (unsigned char)t[i];
            i += c < 0x80 ? 1 : fl_utf8_decode(t + i, e - i, &(uint32_t){0});
            continue;
        }
        add_item(x, &r.from, r.s, r.e);
        if (r.has_end) {
            if (r.range) x->it[x->ni - 1].pair = (int)x->ni;
            add_item(x, &r.to, r.s2, r.e2);
            x->it[x->ni - 1].is_end = r.range;
        }
        carry = r.to;
        i = end;
    }
}

/* ---- the region ---------------------------------------------------------------- */

bool fl_pub_whole_type(const fl_pub_k *k, const char *type)
{
    for (size_t i = 0; type && i < k->nwhole; i++)
        if (!strcmp(k->whole[i], type)) return true;
    return false;
}

static unsigned roles_in(fl_scan *s, const fl_pub_k *k, int b, size_t a, size_t e)
{
    unsigned r = 0;
    size_t ms, me;
    for (int i = 0; i < CH_N; i++)
        if (k->ch[i].p && fl_scan_find(s, k->ch[i].p, b, a, e, &ms, &me) == 1) r |= 1u << i;
    return r;
}

bool fl_pub_has(fl_scan *s, const fl_pattern *p, int b, size_t a, size_t e)
{
    size_t ms, me;
    return p && fl_scan_find(s, p, b, a, e, &ms, &me) == 1;
}

static void add_sentences(fl_scan *s, const fl_pub_k *k, fl_pub_text *x, int b, bool staged)
{
    const fl_norm *n = fl_scan_norm(s, b);
    for (size_t off = 0; off < n->len && !fl_scan_failed(s);) {
        size_t a, e;
        fl_scan_sentence(s, b, off, &a, &e);
        if (e <= off) break;
        off = e;
        fl_pub_sent st = {b, a, e, roles_in(s, k, b, a, e), false, false, x->ni, 0};
        st.stage = fl_pub_has(s, k->stage, b, a, e);
        st.other = fl_pub_has(s, k->other_stage, b, a, e);
        if (!staged && st.other && !st.stage) continue;
        read_dates(x, n->text, a, e);
        st.n = x->ni - st.first;
        for (size_t i = st.first; i < x->ni; i++) {
            size_t ca, ce;
            fl_text_clause(n->text, a, e, x->it[i].s, &ca, &ce);
            unsigned r = roles_in(s, k, b, ca, ce);
            x->it[i].roles = r ? r : st.roles;
            x->it[i].sroles = st.roles;
        }
        FL_VEC_RESERVE(x->s, x->cap_s, x->ns + 1);
        x->s[x->ns++] = st;
    }
}

/* The blocks to read: see the top of the file. staged: narrow to the stage
 * sections when there are any. */
void fl_pub_build_text(fl_scan *s, const fl_pub_k *k, bool staged, fl_pub_text *x)
{
    const fl_doc *doc = fl_scan_doc(s);
    memset(x, 0, sizeof *x);
    x->heading = -1;
    fl_scope_spec base = k->scope;
    if (fl_pub_whole_type(k, fl_scan_doc_type(s))) base.heading = NULL;
    const fl_scope *sc = fl_scan_scope(s, &base);
    if (!sc->found || fl_scan_failed(s)) return;
    x->any = true;
    x->heading = sc->heading;
    unsigned char *in = fl_xcalloc(doc->nblocks + 1, 1);
    for (size_t i = 0; i < sc->nblocks; i++) in[sc->blocks[i]] = 1;
    if (staged && k->stage) { /* the stage's sections inside the region */
        fl_scope_spec st = {k->stage, base.exclude, base.parts, 0};
        const fl_scope *ss = fl_scan_scope(s, &st);
        for (size_t i = 0; i < ss->nblocks; i++)
            if (in[ss->blocks[i]]) {
                if (!x->staged) x->heading = ss->blocks[i]; /* its first section's heading */
                x->staged = true;
                in[ss->blocks[i]] = 2;
            }
        for (size_t b = 0; x->staged && b < doc->nblocks; b++) in[b] = in[b] == 2;
    }
    for (size_t b = 0; b < doc->nblocks && !fl_scan_failed(s); b++)
        if (in[b]) add_sentences(s, k, x, (int)b, x->staged || !staged);
    free(in);
}

void fl_pub_text_free(fl_pub_text *x)
{
    free(x->s);
    free(x->it);
}

/* Does the text speak of the stage at all (or is it the stage's section)? */
bool fl_pub_about_stage(const fl_pub_text *x)
{
    if (x->staged) return true;
    for (size_t i = 0; i < x->ns; i++)
        if (x->s[i].stage) return true;
    return false;
}

bool fl_pub_excused(fl_scan *s, const fl_pub_k *k, const fl_pub_text *x)
{
    for (size_t i = 0; k->unless && i < x->ns; i++)
        if (fl_pub_has(s, k->unless, x->s[i].block, x->s[i].a, x->s[i].e)) return true;
    return false;
}

int fl_pub_item_block(const fl_pub_text *x, size_t i)
{
    size_t lo = 0, hi = x->ns; /* sentences hold their items in order */
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (x->s[mid].first + x->s[mid].n <= i) lo = mid + 1;
        else hi = mid;
    }
    return lo < x->ns && i >= x->s[lo].first && i < x->s[lo].first + x->s[lo].n ? x->s[lo].block : -1;
}
