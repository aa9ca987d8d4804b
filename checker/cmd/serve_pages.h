/* serve's pages (serve_pages.c); the settings in cmd/serve_cfg.h. */
#ifndef FL_SERVE_PAGES_H
#define FL_SERVE_PAGES_H
#include "cmd/serve_cfg.h"

/* The form and the sign-in page, csrf their anti-forgery token (bound to
 * the browser's session, serve.c). */
void fl_serve_page_form(fl_buf *b, const fl_serve_cfg *cfg, fl_lang lang, const char *csrf);
void fl_serve_page_login(fl_buf *b, fl_lang lang, const char *csrf, bool failed);
/* A page with a title and a message (already in the right language). */
void fl_serve_page_message(fl_buf *b, fl_lang lang, const char *title, const char *text);
/* A page showing a command's text output (the rules, explain). */
void fl_serve_page_text(fl_buf *b, fl_lang lang, const char *title, const char *text, size_t len);
/* The check's HTML report with, under its <body>, a bar with the
 * downloads of result id (NULL: none) and the lines the check said on
 * standard error (notes). */
void fl_serve_page_report(fl_buf *b, fl_lang lang, const char *report, size_t len, const char *id, bool has_docx,
                          const char *notes);
/* The Content-Security-Policy for page: no source but the page itself,
 * its inline <script> and <style> blocks allowed by their SHA-256. */
void fl_serve_csp(fl_buf *out, const char *page, size_t len);
/* An RFC 6266 Content-Disposition value: attachment, an ASCII filename
 * and the UTF-8 one as filename*. */
void fl_serve_disposition(fl_buf *b, const char *name);
#endif
