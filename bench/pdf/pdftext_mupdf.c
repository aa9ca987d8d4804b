/* Throwaway measuring tool (bench/pdf/): the text of every page of a PDF
 * through MuPDF's structured text (blocks, lines, characters in content
 * order), one line per stext line, "\f" between pages. Not part of the
 * product; bench/pdf/compare.sh builds and runs both. */
#include <mupdf/fitz.h>
#include <mupdf/pdf.h>
#include <stdio.h>

int main(int argc, char **argv)
{
    if (argc != 2) { fprintf(stderr, "usage: %s FILE.pdf\n", argv[0]); return 2; }
    fz_context *ctx = fz_new_context(NULL, NULL, FZ_STORE_DEFAULT);
    if (!ctx) return 2;
    int rc = 0;
    fz_document *doc = NULL;
    fz_var(doc);
    fz_try(ctx) {
        /* the PDF interpreter alone: no other format's handler is linked in */
        doc = (fz_document *)pdf_open_document(ctx, argv[1]);
        int n = fz_count_pages(ctx, doc);
        for (int i = 0; i < n; i++) {
            fz_stext_page *sp = fz_new_stext_page_from_page_number(ctx, doc, i, NULL);
            if (i) putchar('\f');
            for (fz_stext_block *b = sp->first_block; b; b = b->next) {
                if (b->type != FZ_STEXT_BLOCK_TEXT) continue;
                for (fz_stext_line *l = b->u.t.first_line; l; l = l->next) {
                    for (fz_stext_char *c = l->first_char; c; c = c->next) {
                        char u[8];
                        int w = fz_runetochar(u, c->c);
                        fwrite(u, 1, (size_t)w, stdout);
                    }
                    putchar('\n');
                }
            }
            fz_drop_stext_page(ctx, sp);
        }
    }
    fz_always(ctx) fz_drop_document(ctx, doc);
    fz_catch(ctx) { fprintf(stderr, "%s: %s\n", argv[1], fz_caught_message(ctx)); rc = 2; }
    fz_drop_context(ctx);
    return rc;
}
