/* Finding fingerprints and baselines (`--baseline`, `--write-baseline`).
 *
 * A fingerprint names a finding by what it is, not where it is: rule id,
 * section path, the normalised matched text (or the missing item, or the
 * message when nothing was matched) and an occurrence index among the
 * findings of the same file sharing all of those. Inserting paragraphs above
 * a finding changes its line but not its fingerprint, so an old finding stays
 * known. The file is not part of the fingerprint; a baseline pairs the two.
 *
 * A baseline file is JSON (jansson):
 *   {"tool": "filinglint", "baseline_version": 1,
 *    "findings": [{"path", "rule", "fingerprint", "line", "message"}, ...]}
 * line and message are there for people reviewing the file; only path and
 * fingerprint are compared.
 *
 * Ownership: fingerprints are strings in the result's arena; an fl_baseline
 * owns its entries (fl_baseline_free). */
#ifndef FL_BASELINE_H
#define FL_BASELINE_H
#include <stdbool.h>
#include <stdio.h>
#include "core/error.h"
#include "rules/finding.h"

#define FL_FINGERPRINT_HEX 32 /* hex digits: the first 128 bits of a SHA-256 */

/* Give every finding of r that has none its fingerprint. Occurrence indexes
 * count, in their current order, the findings being fingerprinted: call it
 * on the engine's sorted findings before any is dropped, and again for
 * findings added afterwards (suppressions' own, whose rule ids no rule's
 * finding shares); each finding is digested once. */
void fl_baseline_fingerprint(fl_result *r);

typedef struct fl_baseline fl_baseline;

fl_baseline *fl_baseline_new(void);
void fl_baseline_free(fl_baseline *b); /* NULL-safe */
/* Read a baseline file; err names the file on failure. */
int fl_baseline_load(fl_baseline **out, const char *file, fl_error *err);
/* The path as a baseline stores it: "./" prefixes and doubled slashes gone. */
const char *fl_baseline_path(const char *path, char *buf, size_t cap);
/* Is this finding of that file known? (f->fingerprint must be set) */
bool fl_baseline_has(const fl_baseline *b, const char *path, const fl_finding *f);
/* Record a finding of that file (for --write-baseline). */
void fl_baseline_add(fl_baseline *b, const char *path, const fl_finding *f);
size_t fl_baseline_count(const fl_baseline *b);
/* Write b as a baseline file to out; -1 on a write error. */
int fl_baseline_write(const fl_baseline *b, FILE *out);
#endif
