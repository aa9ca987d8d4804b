/* Fuzz target: a PDF from memory, as `filinglint check x.pdf` reads it —
 * MuPDF opening the file (xref repair included), the page and text limits,
 * the text layer turned into lines and paragraphs with their pages, then
 * the model pass. Built when the PDF reader is (FL_PDF). Inputs that do not
 * start as a PDF are given the header, so that every mutation reaches the
 * PDF reader rather than the sniffing in front of it. */
#include "model/load.h"
#include "fuzz.h"
#include "core/error.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc; (void)argv;
    fl_fuzz_init();
    return 0;
}

static void load(const uint8_t *data, size_t size)
{
    fl_doc *doc = NULL;
    fl_error err;
    fl_error_clear(&err);
    if (fl_doc_load_memory(&doc, "fuzz.pdf", data, size, &err) == 0) {
        fl_fuzz_check_doc(doc);
        fl_doc_free(doc);
    } else if (err.code == FL_OK || doc) {
        /* A failure the CLI could not explain to the user. */
        fprintf(stderr, "fuzz: load failed without an error code (doc %p)\n", (void *)doc);
        abort();
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char head[] = "%PDF-1.7\n";
    if (size >= 5 && !memcmp(data, "%PDF-", 5)) {
        load(data, size);
        return 0;
    }
    uint8_t *copy = malloc(sizeof head - 1 + size);
    if (!copy) abort();
    memcpy(copy, head, sizeof head - 1);
    if (size) memcpy(copy + sizeof head - 1, data, size);
    load(copy, sizeof head - 1 + size);
    free(copy);
    return 0;
}
