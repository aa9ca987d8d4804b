/* The pictures of a document and their hashes (see images.h). */
#include "doc/images.h"
#include "core/arena.h"
#include <string.h>

uint64_t fl_hash64(uint64_t h, const void *p, size_t n)
{
    const unsigned char *s = p;
    for (size_t i = 0; i < n; i++) h = (h ^ s[i]) * 1099511628211ull;
    return h;
}

static fl_image_rec *add(fl_doc *doc, const fl_block *b)
{
    if (!b->extra) return NULL;
    if (!doc->images) doc->images = fl_arena_alloc(&doc->arena, sizeof *doc->images);
    fl_images *t = doc->images;
    if (t->n >= FL_IMAGES_MAX) return NULL;
    if (t->n == t->cap) {
        size_t cap = t->cap ? 2 * t->cap : 16;
        fl_image_rec *v = fl_arena_alloc(&doc->arena, cap * sizeof *v);
        if (t->n) memcpy(v, t->v, t->n * sizeof *v);
        t->v = v;
        t->cap = cap;
    }
    if (t->n && t->v[t->n - 1].extra > b->extra) t->unsorted = true;
    fl_image_rec *r = &t->v[t->n++];
    memset(r, 0, sizeof *r);
    r->extra = b->extra;
    return r;
}

void fl_doc_image_add(fl_doc *doc, const fl_block *b, const char *rid)
{
    if (!rid || !*rid) return;
    fl_image_rec *r = add(doc, b);
    if (!r) return;
    r->part = fl_block_part_name(doc, b);
    r->rid = fl_arena_strdup(&doc->arena, rid);
}

void fl_doc_image_add_named(fl_doc *doc, const fl_block *b, const char *path, size_t len)
{
    if (!len) return;
    fl_image_rec *r = add(doc, b);
    if (!r) return;
    r->target = fl_arena_strndup(&doc->arena, path, len);
    r->hash = fl_hash64(FL_HASH64_INIT, path, len);
    r->size = len;
    r->hashed = true;
}

void fl_doc_image_add_hashed(fl_doc *doc, const fl_block *b, const char *target, uint64_t hash, uint64_t size)
{
    fl_image_rec *r = add(doc, b);
    if (!r) return;
    r->target = fl_arena_strdup(&doc->arena, target);
    r->hash = hash;
    r->size = size;
    r->hashed = true;
}

size_t fl_doc_block_images(const fl_doc *doc, const fl_block *b, const fl_image_rec **out)
{
    const fl_images *t = doc->images;
    *out = NULL;
    if (!t || !t->n || !b->extra) return 0;
    size_t lo = 0, e;
    if (t->unsorted) { /* first record of the block, then the ones right after it */
        while (lo < t->n && t->v[lo].extra != b->extra) lo++;
    } else {
        size_t hi = t->n;
        while (lo < hi) {
            size_t mid = (lo + hi) / 2;
            if (t->v[mid].extra < b->extra) lo = mid + 1;
            else hi = mid;
        }
    }
    for (e = lo; e < t->n && t->v[e].extra == b->extra; e++) {}
    if (e == lo) return 0;
    *out = &t->v[lo];
    return e - lo;
}
