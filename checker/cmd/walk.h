/* The files a `check` or `index` run reads: each command-line input that
 * is a file, and the filings found by walking each input that is a folder
 * (.docx .docm .txt .md, and .xml that declares a Flat OPC or Word 2003
 * namespace; hidden files and folders and Word's ~$ lock files left out),
 * in sorted order so that output never depends on the file system.
 *
 * Each folder is walked once per run however many symbolic links lead to
 * it (a fan of links would otherwise multiply the work exponentially), and
 * only regular files are taken from folders: a FIFO would block the run.
 * What a walk leaves out is counted, so that a run pointed at the wrong
 * folder can say so instead of passing with nothing checked. */
#ifndef FL_WALK_H
#define FL_WALK_H
#include <stdbool.h>
#include "cmd/strlist.h"

typedef struct fl_walk_skip { char *ext; size_t count; } fl_walk_skip;

typedef struct fl_walk_stats {
    fl_strlist skipped;      /* paths of files in walked folders that are not filings */
    fl_walk_skip *by_ext;    /* their counts by extension (".pdf", ".doc", "" for none) */
    size_t nby_ext, cap_by_ext;
    size_t special;          /* FIFOs, sockets and devices met in walked folders */
    size_t folders;          /* folders given on the command line */
    fl_strlist empty;        /* those of them in which no filing was found */
} fl_walk_stats;

/* Append the files of inputs[0..n) to files. A folder that cannot be read
 * is appended itself, so that reading it reports why. stats may be NULL. */
void fl_walk_inputs(fl_strlist *files, char *const *inputs, size_t n, fl_walk_stats *stats);
/* "3 .pdf, 1 .doc, 2 other files" into out (empty when nothing was skipped). */
void fl_walk_skipped_summary(const fl_walk_stats *stats, char *out, size_t cap);
void fl_walk_stats_free(fl_walk_stats *stats); /* NULL-safe */
#endif
