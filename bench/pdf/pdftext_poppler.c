/* Throwaway measuring tool (bench/pdf/): the text of every page of a PDF
 * through poppler-glib, one "\f" between pages, for comparing text fidelity,
 * time and peak memory with the MuPDF extractor beside it. Not part of the
 * product; bench/pdf/compare.sh builds and runs both. */
#include <poppler.h>
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
    if (argc != 2) { fprintf(stderr, "usage: %s FILE.pdf\n", argv[0]); return 2; }
    gchar *data = NULL;
    gsize len = 0;
    GError *err = NULL;
    if (!g_file_get_contents(argv[1], &data, &len, &err)) { fprintf(stderr, "%s\n", err->message); return 2; }
    GBytes *bytes = g_bytes_new_take(data, len);
    PopplerDocument *doc = poppler_document_new_from_bytes(bytes, NULL, &err);
    if (!doc) { fprintf(stderr, "%s: %s\n", argv[1], err->message); g_bytes_unref(bytes); return 2; }
    int n = poppler_document_get_n_pages(doc);
    for (int i = 0; i < n; i++) {
        PopplerPage *p = poppler_document_get_page(doc, i);
        char *t = poppler_page_get_text(p);
        if (i) putchar('\f');
        fputs(t ? t : "", stdout);
        putchar('\n');
        g_free(t);
        g_object_unref(p);
    }
    g_object_unref(doc);
    g_bytes_unref(bytes);
    return 0;
}
