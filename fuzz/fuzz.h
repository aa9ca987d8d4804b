/* Shared by every fuzz target: the libFuzzer entry points they define, one-time
 * library setup, and a walk over a finished document that touches every string
 * and checks the index invariants doc/doc.h promises, so that a reader which
 * produces a broken model fails here instead of later inside a rule. */
#ifndef FL_FUZZ_H
#define FL_FUZZ_H
#include <stddef.h>
#include <stdint.h>
#include "doc/doc.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* libxml2 set-up exactly as the CLI does it (main.c). */
void fl_fuzz_init(void);
/* Read data as a file called name through the CLI's own path and check the
 * model; a failure must carry an error code the CLI can print, else abort. */
void fl_fuzz_load(const char *name, const uint8_t *data, size_t size);
/* Aborts with a message naming the broken invariant. */
void fl_fuzz_check_doc(const fl_doc *doc);
#endif
