/* `filinglint serve` (docs/serve.md): the check command behind a web page,
 * in four files with one concern each:
 *
 *   serve.c         options, the daemon, routing, authentication, headers,
 *                   the access log, shutdown
 *   serve_upload.c  a multipart upload streamed into a private folder
 *   serve_pages.c   the pages the server writes itself (the form, the
 *                   rules, errors) and the report page's frame and CSP
 *   serve_jobs.c    the worker pool: every check runs in a forked child
 *                   under a time limit; the outputs kept for a short while
 *
 * Threads: libmicrohttpd runs one thread per connection. Those threads only
 * read and write files, fork and wait: everything that parses a document
 * or a ruleset runs in a child, so a hostile filing can crash or hang
 * nothing but its own child, and no lock of the parser is held at a fork. */
#ifndef FL_SERVE_H
#define FL_SERVE_H
#include <limits.h>
#include <stdbool.h>
#include <stddef.h>
#include <time.h>
#include "core/buf.h"
#include "core/i18n.h"

typedef struct fl_serve_cfg {
    const char *corpus;        /* --corpus DB, passed to every check */
    size_t max_upload;         /* bytes of one request's body (413 past it) */
    size_t max_files;          /* files of one request */
    int jobs;                  /* checks running at once */
    int timeout;               /* seconds a check may take */
    int queue_wait;            /* seconds a request waits for a worker before 503 */
    int keep_secs;             /* how long a result page's downloads stay */
    size_t keep_max;           /* how many results are kept at most */
    bool log_names;            /* file names in the access log */
    bool tls;                  /* served over TLS (the cookie is Secure) */
    char *token;               /* --token-file's token, NULL: no authentication */
    char cookie[65];           /* the session cookie's value (a digest of the token) */
    char csrf[65];             /* the form's anti-forgery token */
    char base[PATH_MAX];       /* the server's private temp folder (0700) */
    int test_delay_ms;         /* FL_SERVE_TEST_DELAY_MS: each check child sleeps first (tests) */
} fl_serve_cfg;

/* ---- serve_jobs.c ---------------------------------------------------------- */

void fl_serve_jobs_init(int jobs);
/* A worker, waiting at most wait_s seconds: 0, or -1 when none came free
 * (503), -2 when the server is shutting down. */
int fl_serve_jobs_acquire(int wait_s);
void fl_serve_jobs_release(void);
/* Refuse new work and wait until the running checks are done. */
void fl_serve_jobs_drain(void);
bool fl_serve_jobs_draining(void);
void fl_serve_jobs_stats(int *running, int *waiting, long *served, long *peak_child_kb);

typedef enum fl_serve_end { FL_SERVE_EXITED, FL_SERVE_SIGNALLED, FL_SERVE_TIMED_OUT } fl_serve_end;
typedef struct fl_serve_outcome {
    fl_serve_end end;
    int code;                  /* the exit status, or the signal */
} fl_serve_outcome;

/* Run fn(arg) in a forked child with its working folder dir, its standard
 * output in dir/stdout and its standard error in dir/stderr; killed
 * (its process group) after timeout seconds. 0, or -1 when no child could
 * be made (errno). */
int fl_serve_child(const char *dir, int timeout, int (*fn)(void *), void *arg, fl_serve_outcome *out);

/* What one check request asks for. */
typedef struct fl_serve_check {
    const fl_serve_cfg *cfg;
    char **names;              /* the uploaded files, relative to dir/in */
    size_t nnames;
    const char *doc_type;      /* "" or NULL: read from the filing */
    const char *as_of;
    fl_lang lang;
    unsigned formats;          /* FL_SERVE_OUT_* to write into dir/out */
    bool annotate;             /* annotated copies into dir/out/annotated */
} fl_serve_check;
enum { FL_SERVE_OUT_HTML = 1, FL_SERVE_OUT_JSON = 2, FL_SERVE_OUT_SARIF = 4, FL_SERVE_OUT_CSV = 8 };
/* The child's side: the check command over dir/in's files (the working
 * folder) with the reports written into ../out; its exit status. */
int fl_serve_check_child(void *check);

/* The run's counts, from dir/out/summary (written by the child): false
 * when there is none. */
typedef struct fl_serve_counts { long files, failed, error, warning, info; } fl_serve_counts;
bool fl_serve_read_counts(const char *outdir, fl_serve_counts *c);

/* A result kept for its downloads: dir/out moved under base/results/ID.
 * id gets 32 hex digits. Older results past keep_secs or keep_max go. */
int fl_serve_keep(const fl_serve_cfg *cfg, const char *outdir, char id[33]);
/* base/results/ID/name when ID is well formed and still kept, else false. */
bool fl_serve_kept_path(const fl_serve_cfg *cfg, const char *id, const char *name, char *out, size_t cap);
void fl_serve_sweep(const fl_serve_cfg *cfg);

/* A request's private folder base/req-XXXXXX (0700) with in/ and out/;
 * -1 (errno) when it cannot be made. */
int fl_serve_scratch(const fl_serve_cfg *cfg, char dir[PATH_MAX]);
/* Remove a folder and everything under it (no links followed). */
void fl_serve_rmtree(const char *path);
/* n random bytes as 2n hex digits into out (2n + 1 bytes); -1 on failure. */
int fl_serve_random_hex(char *out, size_t nbytes);

/* ---- serve_upload.c -------------------------------------------------------- */

typedef struct fl_upload fl_upload;
struct MHD_Connection;
/* A request's private folder base/req-XXXXXX (0700) with in/ and out/, and
 * the multipart reader of its body; NULL when the folder cannot be made. */
fl_upload *fl_upload_new(const fl_serve_cfg *cfg, struct MHD_Connection *conn);
/* Feed a piece of the body. */
void fl_upload_feed(fl_upload *u, const char *data, size_t size);
/* After the body: 0, or the HTTP status that refuses it (400, 413). */
int fl_upload_status(const fl_upload *u);
const char *fl_upload_dir(const fl_upload *u);
size_t fl_upload_bytes(const fl_upload *u);
/* The stored files' names (in dir/in) and the form's other fields ("" when
 * absent). */
char **fl_upload_names(const fl_upload *u, size_t *n);
const char *fl_upload_field(const fl_upload *u, const char *name);
/* The file name extensions of the uploads, "docx,md", for the log. */
void fl_upload_types(const fl_upload *u, fl_buf *b);
/* Delete the folder with all it holds, now: the answer is made (a file
 * it sends is open already and is read through its descriptor). The
 * names and fields stay for the log. */
void fl_upload_discard(fl_upload *u);
/* Close everything and delete the folder with all it holds. */
void fl_upload_free(fl_upload *u);
/* A name a browser sent made into a plain file name: the last path
 * component, no control or reserved characters, at most 180 bytes,
 * never "", "." or "..". */
void fl_upload_clean_name(const char *name, char *out, size_t cap);

/* ---- serve_pages.c --------------------------------------------------------- */

void fl_serve_page_form(fl_buf *b, const fl_serve_cfg *cfg, fl_lang lang);
void fl_serve_page_login(fl_buf *b, const fl_serve_cfg *cfg, fl_lang lang, bool failed);
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
