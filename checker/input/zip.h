/* ZIP access through libzip with the limits of input/input.h: entry count,
 * inflated size per part and in total (counted on the bytes actually
 * inflated, never on declared sizes), compression ratio, methods, encryption,
 * and exact or case-insensitive duplicate names (OPC M1.12).
 * Ownership: fl_zip borrows the caller's buffer, which must outlive it. */
#ifndef FL_ZIP_H
#define FL_ZIP_H
#include <stddef.h>
#include "core/error.h"
#include "input/pkg.h"

typedef struct fl_zip fl_zip;

int fl_zip_open(fl_zip **out, const void *data, size_t len, fl_error *err);
void fl_zip_close(fl_zip *z); /* NULL-safe */
/* Does the package hold this part (name without leading '/', compared
 * case-insensitively)? */
int fl_zip_has(const fl_zip *z, const char *name);
/* Stream a part through sink in chunks; stops when sink returns non-zero.
 * Returns 0, or -1 with err set (limits, corruption, encryption). */
int fl_zip_stream(fl_zip *z, const char *name, fl_part_sink sink, void *ctx, fl_error *err);
/* The package view of an open ZIP (valid while z is). */
fl_pkg fl_zip_pkg(fl_zip *z);
#endif
