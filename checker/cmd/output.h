/* Where `check` writes: the report (-o FILE, else standard output) and the
 * baseline (--write-baseline FILE). A file target is written to a temp file
 * beside it that is renamed into place when everything was written. */
#ifndef FL_OUTPUT_H
#define FL_OUTPUT_H
#include <stdbool.h>
#include <stdio.h>

typedef struct fl_sink { FILE *f; char *tmp; const char *target; } fl_sink;

/* target NULL or "-": standard output. -1 (message printed) when the temp
 * file cannot be made. */
int fl_sink_open(fl_sink *s, const char *target);
/* ok == false: drop the temp file, leave any existing target untouched. */
int fl_sink_close(fl_sink *s, bool ok);
#endif
