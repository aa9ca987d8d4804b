/* Lines of a table of contents, read one at a time for model/sections.c:
 * the page number at the end of a line, and the key a contents entry and
 * its heading in the body share. */
#ifndef FL_TOCLINES_H
#define FL_TOCLINES_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define FL_TOC_MAX_KEY_CP 80 /* lines longer than this are never contents entries */

enum tail_kind {
    TAIL_NONE,
    TAIL_GLUED,  /* 三、环境质量现状17: only inside a contents list, or in a run of them */
    TAIL_SPACED, /* 1.2.1 评价目的 . 2, 建设项目基本情况 (1) */
    TAIL_STRONG, /* leaders (……, ....) or a tab before the number */
};

typedef struct fl_toc_tail {
    size_t content_end; /* where the text before separator and page number ends */
    enum tail_kind kind;
    bool leaders;       /* two or more leader characters */
    bool exact;         /* ASCII digits only: no OCR letters, no roman numerals */
    int page;           /* the number, -1 for roman numerals */
} fl_toc_tail;

/* Split "一、建设项目基本情况……………1", "3.1环境保护目标11", "总则 ..... l7",
 * "前言……ii" or "评价适用标准 (9)" into content, separator and page number. */
fl_toc_tail fl_toc_page_tail(const char *s, size_t len);

/* Normalised text of s[0, end) without white space, '*', trailing leaders
 * and colon, hashed; 0 when it is empty or longer than FL_TOC_MAX_KEY_CP. */
uint64_t fl_toc_key_of(const char *s, size_t end);

/* Keys interned: an id is 1 + an index here, 0 no key. Per key the last
 * block that has it and whether a contents entry has it. A document of
 * millions of lines has far fewer distinct short lines, and a candidate
 * holds 4-byte ids instead of 8-byte hashes. */
typedef struct fl_toc_keys {
    uint64_t *hash;
    int *last;      /* last block index with this key, -1 none */
    bool *toc;      /* a contents entry's key */
    size_t n, cap;
    uint32_t *slots; /* open addressing: id, 0 empty */
    size_t nslots;
} fl_toc_keys;
void fl_toc_keys_free(fl_toc_keys *k);
/* The id of key h (interned on first use), 0 for no key. */
uint32_t fl_toc_key_id(fl_toc_keys *k, uint64_t h);
#endif
