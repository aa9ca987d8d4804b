/* Fuzz target: the plain-text and Markdown reader. Every input is read twice,
 * as .txt and as .md, straight through fl_text_read (not the sniffer, which
 * would send a "PK" or "<?xml" prefix elsewhere), then finished into a model:
 * the numbering-pattern headings of model/sections.c and the field reader
 * see arbitrary lines here. */
#include "model/finish.h"
#include "input/readers.h"
#include "input/formats.h"
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

static void read_as(const uint8_t *data, size_t size, bool markdown)
{
    fl_doc *doc = fl_doc_new(markdown ? "fuzz.md" : "fuzz.txt");
    doc->reader = fl_reader_find(markdown ? "markdown" : "text");
    fl_error err;
    fl_error_clear(&err);
    if (fl_text_read(doc, (const char *)data, size, markdown, &err) == 0) {
        fl_doc_finish(doc);
        fl_fuzz_check_doc(doc);
    } else if (err.code == FL_OK) {
        fprintf(stderr, "fuzz: text read failed without an error code\n");
        abort();
    }
    fl_doc_free(doc);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    read_as(data, size, false);
    read_as(data, size, true);
    return 0;
}
