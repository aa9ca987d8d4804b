/* Line maps (linemap.c): where each block of a filing starts in its fold,
 * stored with its fingerprints so that a copied passage is reported at the
 * other filing's line without reading it again. */
#ifndef FL_CORPUS_LINEMAP_H
#define FL_CORPUS_LINEMAP_H
#include <stddef.h>
#include <stdint.h>
#include "corpus/fingerprint.h"
#include "doc/doc.h"

/* The line map of a filing: fold position -> line. */
typedef struct fl_corpus_lines {
    uint32_t *pos, *line; /* block starts, ascending pos */
    size_t n;
} fl_corpus_lines;
void fl_corpus_lines_encode(unsigned char **out, size_t *len, const fl_fold *f, const fl_doc *doc);
int fl_corpus_lines_decode(fl_corpus_lines *l, const unsigned char *data, size_t len); /* -1 if corrupt */
int fl_corpus_lines_at(const fl_corpus_lines *l, uint32_t pos); /* 0 when empty */
void fl_corpus_lines_free(fl_corpus_lines *l);
#endif
