/* Where `check` writes: the report (-o FILE, else standard output), the
 * baseline (--write-baseline FILE) and the annotated copies (--annotate DIR,
 * report/annotate.c). One implementation for the three, so that each
 * keeps the same promises:
 *
 *   - a regular file (or a new one) is written to a temp file beside it that
 *     is renamed over it only when everything was written: a reader never
 *     sees half a report, and a failed run leaves the old one in place. The
 *     temp file goes beside the REAL target when the path is a symbolic
 *     link, so the link stays a link; an existing file keeps its mode (and,
 *     for root, its owner); a file the user may not write is not replaced;
 *   - a character device (/dev/null, a terminal) or a FIFO is written
 *     through: never renamed over (as root that would swap /dev/null for a
 *     regular file), and /dev/stdout, /dev/stderr, /dev/fd/N are the
 *     process's own descriptors; folders, block devices and sockets are
 *     refused;
 *   - every write error is kept with its errno, so that the caller can say
 *     in one line which file failed and why (disk full, file too large);
 *   - a temp file still open when SIGINT, SIGTERM, SIGHUP, SIGPIPE or
 *     SIGXFSZ arrives is removed by the signal handler before the signal
 *     takes its default course.
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

typedef struct fl_sink {
    FILE *f;              /* what the writer writes to */
    const char *name;     /* the target as given (borrowed), or "standard output" */
    char *real;           /* where the temp file is renamed to (links followed) */
    char *tmp;            /* the temp file, NULL when written through */
    int fd;               /* the descriptor written, -1 when none is open */
    bool own_fd;          /* fd is ours to close (not standard output's) */
    struct fl_sink_cookie *cookie;
    int error;            /* the first errno met, 0 = none */
    const char *reason;   /* a reason that is no errno ("is a folder"), else NULL */
} fl_sink;

/* target NULL or "-": standard output. Returns 0, or -1 with the reason
 * kept (fl_sink_complain prints it); nothing is created then. */
int fl_sink_open(fl_sink *s, const char *target);
/* Finish: ok == true renames the temp file into place; ok == false (the
 * writer failed) drops it and leaves any existing target untouched.
 * Returns 0, or -1 when the output is not complete: a write error has its
 * reason kept; ok == false alone keeps "the output was not completed". */
int fl_sink_close(fl_sink *s, bool ok);
/* "No space left on device", "is a folder", ... */
const char *fl_sink_why(const fl_sink *s);
/* One line on stderr: "filinglint: cannot write NAME: WHY". */
void fl_sink_complain(const fl_sink *s);
/* Write a whole buffer to target with the rules above. Returns 0, or -1
 * with "TARGET: why" in why. */
int fl_output_write(const char *target, const void *data, size_t len, char *why, size_t cap);

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
