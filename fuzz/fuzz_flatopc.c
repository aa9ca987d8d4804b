/* Fuzz target: single-file XML filings — Flat OPC (pkg:package, Word's "Word
 * XML Document") and Word 2003 XML (w:wordDocument) — from memory, through
 * format sniffing, the Flat OPC re-serialising SAX pass or the Word 2003 DOM
 * pass, the WordprocessingML reader and the model pass. Both formats share a
 * corpus because the sniffer picks the reader from the root element. */
#include "model/load.h"
#include "fuzz.h"
#include "core/error.h"
#include "input/input.h"
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc; (void)argv;
    fl_fuzz_init();
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fl_doc *doc = NULL;
    fl_error err;
    fl_error_clear(&err);
    if (fl_doc_load_memory(&doc, "fuzz.xml", data, size, &err) == 0) {
        fl_fuzz_check_doc(doc);
        fl_doc_free(doc);
    } else if (err.code == FL_OK || doc) {
        fprintf(stderr, "fuzz: load failed without an error code (doc %p)\n", (void *)doc);
        abort();
    }
    return 0;
}
