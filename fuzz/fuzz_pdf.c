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

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char head[] = "%PDF-1.7\n";
    if (size >= 5 && !memcmp(data, "%PDF-", 5)) {
        fl_fuzz_load("fuzz.pdf", data, size);
        return 0;
    }
    uint8_t *copy = malloc(sizeof head - 1 + size);
    if (!copy) abort();
    memcpy(copy, head, sizeof head - 1);
    if (size) memcpy(copy + sizeof head - 1, data, size);
    fl_fuzz_load("fuzz.pdf", copy, sizeof head - 1 + size);
    free(copy);
    return 0;
}
