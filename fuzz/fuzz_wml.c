/* Fuzz target: WordprocessingML parts without the ZIP and OPC layers, so the
 * mutations land on XML the SAX reader (input/wml.c), the styles reader and
 * the numbering reader actually parse.
 *
 * Input: parts separated by NUL bytes (a NUL can never occur in well-formed
 * XML, so nothing is lost by using it as the separator):
 *
 *     document.xml [ \0 styles.xml [ \0 numbering.xml [ \0 story ... ] ] ]
 *
 * The first part is the body; an empty styles or numbering part means "absent"
 * as in a package without one. Each further part is read as a header, footer,
 * footnotes, endnotes or comments part in turn (an empty one is skipped). The body is fed in chunks whose
 * size follows from the input length, which exercises the reader's handling of
 * UTF-8 sequences and markup split across zip_fread() chunks. */
#include "model/finish.h"
#include "input/readers.h"
#include "fuzz.h"
#include "core/error.h"
#include "input/numbering.h"
#include "input/styles.h"
#include "input/wml.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_PARTS 8

typedef struct span { const char *p; size_t n; } span;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc; (void)argv;
    fl_fuzz_init();
    return 0;
}

static size_t split(const uint8_t *data, size_t size, span *parts)
{
    size_t n = 0, start = 0;
    for (size_t i = 0; i <= size && n < MAX_PARTS; i++) {
        if (i < size && data[i] != '\0') continue;
        parts[n].p = (const char *)data + start;
        parts[n].n = i - start;
        n++;
        start = i + 1;
    }
    return n;
}

static int feed_chunked(fl_wml *w, fl_part part, const char *name, span s, fl_error *err)
{
    size_t chunk = 1 + s.n % 509;
    if (fl_wml_begin(w, part, name, err)) return -1;
    for (size_t off = 0; off < s.n; off += chunk) {
        size_t n = s.n - off < chunk ? s.n - off : chunk;
        if (fl_wml_feed(w, s.p + off, n)) {
            fl_wml_abort(w);
            return -1;
        }
    }
    return fl_wml_end(w);
}

static int read_stories(fl_wml *w, const span *parts, size_t nparts, fl_error *err)
{
    static const struct { fl_part part; const char *name; } stories[] = {
        {FL_PART_HEADER, "word/header1.xml"},   {FL_PART_FOOTER, "word/footer1.xml"},
        {FL_PART_FOOTNOTE, "word/footnotes.xml"}, {FL_PART_ENDNOTE, "word/endnotes.xml"},
        {FL_PART_COMMENT, "word/comments.xml"},
    };
    for (size_t i = 3; i < nparts; i++) {
        size_t k = (i - 3) % (sizeof stories / sizeof *stories);
        if (!parts[i].n) continue; /* absent, so later stories keep their kind */
        if (fl_wml_parse(w, stories[k].part, stories[k].name, parts[i].p, parts[i].n, err)) return -1;
    }
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    span parts[MAX_PARTS];
    size_t nparts = split(data, size, parts);
    fl_error err;
    fl_error_clear(&err);
    fl_doc *doc = fl_doc_new("fuzz.docx");
    fl_styles *styles = NULL;
    fl_numbering *num = NULL;
    fl_wml *w = NULL;
    int rc = -1;
    doc->reader = fl_reader_find("docx");
    span none = {NULL, 0};
    span st = nparts > 1 && parts[1].n ? parts[1] : none;
    span nu = nparts > 2 && parts[2].n ? parts[2] : none;
    if (!(styles = fl_styles_parse(st.p, st.n, &err))) goto cleanup;
    if (!(num = fl_numbering_parse(nu.p, nu.n, &err))) goto cleanup;
    w = fl_wml_new(doc, styles, num);
    if (feed_chunked(w, FL_PART_BODY, "word/document.xml", parts[0], &err)) goto cleanup;
    if (read_stories(w, parts, nparts, &err)) goto cleanup;
    fl_wml_link_comments(w);
    fl_doc_finish(doc);
    fl_fuzz_check_doc(doc);
    rc = 0;
cleanup:
    if (rc && err.code == FL_OK) {
        fprintf(stderr, "fuzz: a part failed without an error code\n");
        abort();
    }
    fl_wml_free(w);
    fl_numbering_free(num);
    fl_styles_free(styles);
    fl_doc_free(doc);
    return 0;
}
