/* What `check` must not write over: the files a run reads and files no
 * output of check could have written. Its outputs go through core/sink.h.
 *
 * A fl_readset holds the files a run reads (its inputs, walked folders
 * included, the baseline, the corpus, the configuration, rulesets), so that
 * an output path naming one of them is refused before anything is written:
 * `check --write-baseline 报批稿.docx 实施方案.docx` must not replace the
 * first filing with JSON. */
#ifndef FL_OUTPUT_H
#define FL_OUTPUT_H
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "core/sink.h"

/* An existing regular file that no output of check could have written:
 * a DOCX or other ZIP, a .doc, Word XML, a PDF, an image ("a Word document
 * (DOCX)", "a PDF file"), else NULL. `check -o 报批稿.docx 实施方案.docx`
 * (the report's name forgotten) is refused with it. */
const char *fl_output_document_kind(const char *path);
/* An existing, non-empty regular file that is no JSON object, so no
 * baseline: "--write-baseline 报批稿.md 实施方案.md" must not replace it. */
bool fl_output_not_json(const char *path);

/* The files a run reads, by (device, inode) when they exist and by
 * resolved path when they do not (a named input that is missing). */
typedef struct fl_readset {
    struct fl_read_id *ids;
    size_t nids, cap_ids;
    struct fl_read_path *paths;
    size_t npaths, cap_paths;
    bool sorted;
} fl_readset;

/* role says what the file is to the run, for the message ("an input of
 * this run"); it is kept as a pointer, not copied. */
void fl_readset_add(fl_readset *r, const char *path, const char *role);
/* The role of the file that writing to path would replace (symbolic
 * links followed), or NULL when it is none of them. */
const char *fl_readset_find(fl_readset *r, const char *path);
void fl_readset_free(fl_readset *r);
#endif
