/* The pictures of a document, one record per picture a paragraph anchors:
 * the picture's part and a 64-bit hash of its bytes. Two signature cells
 * holding the very same picture file show one signature pasted for two
 * people (EIA506).
 *
 * A side table, not a member of the block: few blocks hold pictures, and a
 * block stays 32 bytes. A record names its block by the block's extra record
 * (fl_block.extra), which every block with a picture has (its picture count
 * lives there) and which travels with the block when fl_doc_seal or
 * fl_doc_move_block reorders blocks: no remapping is needed. Records come
 * in the order the extra records were made, so a lookup is a binary search.
 *
 * Readers add records while they read: the package reader names the
 * relationship (fl_doc_image_add) and fills the hashes once every part is
 * read (input/docx.c); Markdown names the picture by its path
 * (fl_doc_image_add_named: ![签字](media/sig-wang.png) — the same path is the
 * same file, which is what a Markdown export of a filing writes). Flat OPC
 * skips its base64 parts unread and Word 2003 XML keeps pictures inline:
 * their pictures have records without hashes.
 *
 * Ownership: the table, its vector and its strings live in the document's
 * arena (the vector grows by doubling there: at most twice its final size,
 * and fl_doc_free needs to know nothing of this file). */
#ifndef FL_IMAGES_H
#define FL_IMAGES_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "doc/doc.h"

typedef struct fl_image_rec {
    uint32_t extra;     /* the block's fl_block.extra */
    const char *part;   /* the part of the paragraph naming it (packages), else NULL */
    const char *rid;    /* r:embed / r:id as written (packages), else NULL */
    const char *target; /* the picture's part or path; NULL when not resolved */
    uint64_t hash;      /* FNV-1a 64 of the part's bytes (of the path, for Markdown) */
    uint64_t size;      /* bytes hashed */
    bool hashed;
} fl_image_rec;

typedef struct fl_images {
    fl_image_rec *v;
    size_t n, cap;
    bool unsorted; /* a record came out of extra order: lookups scan */
} fl_images;

/* Pictures recorded per document at most: a package of a million tiny
 * drawings is refused nothing, its pictures past this are just not hashed. */
#define FL_IMAGES_MAX 20000u

/* A picture of block b, which must already have its extra record
 * (fl_block_xw), named by the relationship rid of b's part. */
void fl_doc_image_add(fl_doc *doc, const fl_block *b, const char *rid);
/* A picture of block b named by a path, hashed by that path. */
void fl_doc_image_add_named(fl_doc *doc, const fl_block *b, const char *path, size_t len);
/* A picture of block b whose bytes a reader hashed itself (a PDF's image
 * stream): target names it for people, hash and size are the bytes'. */
void fl_doc_image_add_hashed(fl_doc *doc, const fl_block *b, const char *target, uint64_t hash, uint64_t size);
/* The records of block b, in the order its pictures were met: *out points
 * at the first, the count is returned (0: none). */
size_t fl_doc_block_images(const fl_doc *doc, const fl_block *b, const fl_image_rec **out);
/* FNV-1a 64, continued from h (start with FL_HASH64_INIT). */
#define FL_HASH64_INIT 0xcbf29ce484222325ull
uint64_t fl_hash64(uint64_t h, const void *p, size_t n);
#endif
