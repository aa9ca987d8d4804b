/* Errors of the tool itself (not findings about a document). Fallible
 * functions return 0 or a negative status and fill a caller's fl_error. */
#ifndef FL_ERROR_H
#define FL_ERROR_H
#include <stdarg.h>
#include <stdbool.h>

typedef enum fl_diag {
    FL_OK = 0,
#define X(id, key, en, zh) id,
#include "core/diag.def"
#undef X
    FL_DIAG_COUNT
} fl_diag;

typedef struct fl_error {
    fl_diag code;
    char file[512];     /* the input or ruleset the error is about */
    int line;           /* line in that file, 0 if none */
    char message[1024]; /* the problem alone, without the file prefix */
} fl_error;

const char *fl_diag_key(fl_diag code);
/* The row's printf format in English (zh false) or Chinese. */
const char *fl_diag_format(fl_diag code, bool zh);
/* Fill err from the diag table's format in the language in force
 * (core/i18n.h), each %s argument that is one of the table's phrases in
 * that language too (a reader's "RTF; save it as .docx", strerror's words);
 * returns -1 so callers can `return fl_error_set(...)`. err may be NULL. */
int fl_error_set(fl_error *err, fl_diag code, ...);
int fl_error_setv(fl_error *err, fl_diag code, va_list ap);
/* For a row whose format is one "%s" (the catch-alls: FL_E_ZIP_LIMIT,
 * FL_E_ANNOTATE, ...): the text made from fmt, then fl_error_set. */
int fl_error_setf(fl_error *err, fl_diag code, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
void fl_error_clear(fl_error *err);
/* "FILE:LINE: message" or "FILE: message" into out. */
const char *fl_error_format(const fl_error *err, char *out, unsigned cap);
/* The same about a line of a file we were given (a ruleset, a data table,
 * a configuration file): err->file and err->line set too. */
int fl_error_at(fl_error *err, fl_diag code, const char *file, int line, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
/* That line and a newline on stderr: a file that cannot be read, a ruleset
 * that cannot be loaded. */
void fl_error_print(const fl_error *err);
/* Exit status that corresponds to an error (2 for inputs/usage, 3 ruleset/internal). */
int fl_error_exit_status(const fl_error *err);
#endif
