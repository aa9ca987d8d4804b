/* The signatures of a filing's 编制单位和编制人员情况表: for every person row
 * under a header row with a name column and a signature column, the
 * pictures of the signature cell, with the person and the list (label row)
 * the row is in. What EIA506 compares within one filing, what `index`
 * stores for the corpus and what EIA509 looks up there.
 *
 * Which cells are the table's marker, the name header and the signature
 * header is a question (`test`): the kind asks its ruleset patterns, the
 * indexer the built-in reading (fl_sigtable_builtin), which is the shipped
 * ruleset's patterns written out.
 *
 * Ownership: the records and their strings live in the arena given. */
#ifndef FL_SIGTABLE_H
#define FL_SIGTABLE_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "core/arena.h"
#include "corpus/index.h"
#include "doc/doc.h"

enum fl_sigtable_cell {
    FL_SIGTABLE_MARK,      /* a cell that makes the table a staff table (信用编号) */
    FL_SIGTABLE_NAME,      /* the name column's header (姓名) */
    FL_SIGTABLE_SIGNATURE, /* the signature column's header (签字, 签名) */
};

/* Does cell text t answer `which`? 1 yes, 0 no, -1 the question failed (a
 * pattern limit): the reading stops. */
typedef int (*fl_sigtable_test)(void *ctx, enum fl_sigtable_cell which, const char *t);

typedef struct fl_signature {
    uint64_t hash;      /* of the picture (doc/images.h) */
    bool bytes;         /* the hash is of the picture's bytes (a package part, a Markdown data: URI),
                           not of a path */
    const char *person; /* the name without white space: what is compared */
    const char *shown;  /* the name as written */
    const char *role;   /* the label row the person is listed under ("1. 编制主持人"), "" when none */
    int block;          /* the signature cell's paragraph holding the picture */
    int name_block;     /* the name cell: one per person row */
    const char *credit; /* the row's 信用编号 (fl_sigtable_id), "" when none is legible */
    const char *cert;   /* the row's 职业资格证书管理号, "" when none is legible */
} fl_signature;

/* The signatures of doc in reading order. Returns 0, or -1 when test
 * failed (*out then holds what was read before). Pictures without a hash
 * (Flat OPC, Word 2003 XML) are left out. */
int fl_sigtable_read(fl_signature **out, size_t *n, const fl_doc *doc, fl_arena *a, fl_sigtable_test test,
                     void *ctx);

/* The built-in reading, for code that runs no rules: a table holding 信用编号,
 * 统一社会信用代码 or 编制主持人; the name header 姓名; the signature header
 * beginning with 签字 or 签名 — white space left out, as the shipped ruleset's
 * staff-table and name-head patterns and EIA506's signature pattern read. */
int fl_sigtable_builtin(void *ctx, enum fl_sigtable_cell which, const char *t);

/* The signatures an indexed filing contributes (EIA509), read with the
 * built-in reading: those whose bytes were hashed. A picture named by a
 * path (media/image1.png) is left out: two exports share the path without
 * sharing the file. What `index` and the rule examples' corpora store. */
void fl_sigtable_add_to_entry(fl_corpus_entry *e, const fl_doc *doc);

/* t without white space (ASCII and the ideographic space), in a. */
const char *fl_sigtable_person(fl_arena *a, const char *t);

/* A 信用编号 or 证书管理号 cell as compared: full-width forms folded,
 * letters upper-cased, everything but letters and digits dropped; "" unless
 * it holds at least min_digits digits (a blank, "/", "无" or a garbled cell
 * says nothing about who the person is). In a. */
const char *fl_sigtable_id(fl_arena *a, const char *t, int min_digits);
#define FL_SIGTABLE_CREDIT_DIGITS 4 /* BH012345: two letters, six digits */
#define FL_SIGTABLE_CERT_DIGITS 10  /* 16 to 28 digits; older certificates otherwise */

/* Are two staff-table rows the same person? The numbers decide when both
 * rows have one: the same 信用编号 is the same person whatever the name
 * says, two different ones are two persons — unless the names are alike
 * and the numbers one character apart, a typing or recognition slip in
 * the number (then the 证书管理号 the same way). Without them, the names: the same without white space, the same
 * once traditional forms of name characters are folded to simplified
 * (陳曉燕, 陈晓燕), or a name of three or more characters with one given-name
 * character typed otherwise (王立新, 王立薪) — a slip of the typist is likelier
 * than two persons whose names differ in one character sharing one
 * signature picture, and a false accusation of forgery costs more than a
 * miss. */
bool fl_sigtable_same_person(const char *person_a, const char *credit_a, const char *cert_a,
                             const char *person_b, const char *credit_b, const char *cert_b);
#endif
