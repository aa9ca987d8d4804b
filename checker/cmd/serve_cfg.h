/* `filinglint serve` (docs/serve.md): the check command behind a web page,
 * in four files with one concern each, each with its header (this one holds
 * the settings they all read):
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
#ifndef FL_SERVE_CFG_H
#define FL_SERVE_CFG_H
#include <limits.h>
#include <stdbool.h>
#include <stddef.h>
#include <time.h>
#include "core/buf.h"
#include "core/i18n.h"

/* The longest token --token-file may hold and the sign-in form takes, in
 * bytes (without the file's last line break). */
#define FL_SERVE_TOKEN_MAX 4096

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
    char secret[65];           /* made at start: the key of the cookies' and forms' HMACs */
    char base[PATH_MAX];       /* the server's private temp folder (0700) */
    int test_delay_ms;         /* FL_SERVE_TEST_DELAY_MS: each check child sleeps first (tests) */
} fl_serve_cfg;

/* serve's options (getopt_long's table, serve.c): the test that keeps
 * --help, the manual, docs/serve.md and the completion up with them reads
 * it. */
struct option;
const struct option *fl_serve_options(void);

#endif
