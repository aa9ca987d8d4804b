/* Output files written whole or not at all: `check`'s report (-o FILE,
 * else standard output), its baseline (--write-baseline FILE) and the
 * annotated copies (--annotate DIR, report/annotate.c). One implementation
 * for the three, so that each keeps the same promises:
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
 */
#ifndef FL_SINK_H
#define FL_SINK_H
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
/* Where a write to path lands: symbolic links followed to the last
 * target, which may not exist yet; malloc'd, NULL with errno on a loop or
 * an unreadable link. */
char *fl_sink_real_target(const char *path);
#endif
