/* `filinglint serve` (serve_cfg.h, docs/serve.md): options, the daemon
 * (GNU libmicrohttpd, one thread per connection), routing, who may use it,
 * the headers every answer carries, the access log and shutdown.
 *
 * Security model: loopback only unless told otherwise; any other address
 * needs --token-file (a Bearer token, or a sign-in form that sets an
 * HttpOnly SameSite=Strict cookie) or an explicit --insecure-no-auth. The
 * forms carry an anti-forgery token, and a POST whose Origin is another
 * site is refused, so a web page elsewhere cannot make a browser on this
 * machine submit files. Pages allow no script but their own inline blocks
 * (by hash), and no outside resource. */
#define _XOPEN_SOURCE 700
#define _DEFAULT_SOURCE /* DT_REG */
#include "cmd/cmd.h"
#include "core/i18n.h"
#include <getopt.h>
#include <stdio.h>

#ifndef FL_HAVE_SERVE
int fl_cmd_serve(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fprintf(stderr, "filinglint: %s\n", fl_tr(FL_M_SV_NOT_BUILT));
    return 2;
}
#else
#include "cmd/serve_jobs.h"
#include "cmd/serve_pages.h"
#include "cmd/serve_upload.h"
#include "core/arena.h"
#include "core/buf.h"
#include "core/error.h"
#include "core/tame.h"
#include "report/report.h"
#include "corpus/sha256.h"
#include "model/doctypes.h"
#include <arpa/inet.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <zip.h>

#pragma GCC diagnostic ignored "-Wformat-nonliteral" /* rows of core/i18n.def */

static fl_serve_cfg cfg;

/* ---- one request ---------------------------------------------------------------- */

typedef struct req {
    struct timespec start;
    fl_upload *up;
    bool answered;
    unsigned status;
    size_t out_bytes;
    fl_serve_counts counts;
    bool has_counts;
    char method[8], url[64];    /* for the log */
} req;

static const char *lang_arg(struct MHD_Connection *c, const req *r)
{
    const char *l = r && r->up ? fl_upload_field(r->up, "lang") : "";
    if (!*l) l = MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "lang");
    return l ? l : "";
}

static fl_lang lang_of(struct MHD_Connection *c, const req *r)
{
    return !strcmp(lang_arg(c, r), "en") ? FL_LANG_EN : FL_LANG_ZH;
}

/* What every answer carries. */
static void common_headers(struct MHD_Response *res, const char *type, const char *body, size_t len)
{
    MHD_add_response_header(res, "Content-Type", type);
    MHD_add_response_header(res, "X-Content-Type-Options", "nosniff");
    MHD_add_response_header(res, "X-Frame-Options", "DENY");
    /* not no-referrer: under it a browser sends "Origin: null" with the
     * form's own POST, which cross_site cannot tell from a sandboxed page */
    MHD_add_response_header(res, "Referrer-Policy", "same-origin");
    MHD_add_response_header(res, "Cache-Control", "no-store");
    MHD_add_response_header(res, "Cross-Origin-Opener-Policy", "same-origin");
    MHD_add_response_header(res, "Cross-Origin-Resource-Policy", "same-origin");
    if (cfg.tls) MHD_add_response_header(res, "Strict-Transport-Security", "max-age=31536000");
    fl_buf csp = FL_BUF_INIT;
    if (body && !strncmp(type, "text/html", 9)) fl_serve_csp(&csp, body, len);
    else fl_buf_adds(&csp, "default-src 'none'; sandbox; frame-ancestors 'none'");
    MHD_add_response_header(res, "Content-Security-Policy", csp.data);
    fl_buf_free(&csp);
}

static enum MHD_Result queue(struct MHD_Connection *c, req *r, unsigned status, struct MHD_Response *res)
{
    /* the uploads go before the answer does: a client that has its answer
     * finds nothing of its files left on the server */
    fl_upload_discard(r->up);
    enum MHD_Result rc = MHD_queue_response(c, status, res);
    MHD_destroy_response(res);
    r->answered = true;
    r->status = status;
    return rc;
}

static enum MHD_Result send_buf(struct MHD_Connection *c, req *r, unsigned status, const char *type, fl_buf *b,
                                const char *const *extra)
{
    struct MHD_Response *res =
        MHD_create_response_from_buffer(b->len, b->data ? b->data : (char *)"", MHD_RESPMEM_MUST_COPY);
    if (!res) {
        fl_buf_free(b);
        return MHD_NO;
    }
    common_headers(res, type, b->data, b->len);
    for (size_t i = 0; extra && extra[i]; i += 2) MHD_add_response_header(res, extra[i], extra[i + 1]);
    r->out_bytes = b->len;
    fl_buf_free(b);
    return queue(c, r, status, res);
}

static enum MHD_Result send_message(struct MHD_Connection *c, req *r, unsigned status, fl_msg title,
                                    const char *text, const char *const *extra)
{
    fl_buf b = FL_BUF_INIT;
    fl_lang lang = lang_of(c, r);
    fl_serve_page_message(&b, lang, fl_tr_in(lang, title), text);
    return send_buf(c, r, status, "text/html; charset=utf-8", &b, extra);
}

/* {"error": text} for the API. */
static enum MHD_Result send_json_error(struct MHD_Connection *c, req *r, unsigned status, const char *text,
                                       const char *const *extra)
{
    fl_buf b = FL_BUF_INIT;
    fl_buf_adds(&b, "{\"error\": \"");
    for (const unsigned char *p = (const unsigned char *)text; *p; p++) {
        if (*p == '"' || *p == '\\') fl_buf_printf(&b, "\\%c", *p);
        else if (*p < 0x20) fl_buf_printf(&b, "\\u%04x", *p);
        else fl_buf_addc(&b, (char)*p);
    }
    fl_buf_adds(&b, "\"}\n");
    return send_buf(c, r, status, "application/json; charset=utf-8", &b, extra);
}

/* A file as the answer (opened here; a file already unlinked with its
 * folder is still read whole through the descriptor). */
static enum MHD_Result send_file(struct MHD_Connection *c, req *r, unsigned status, const char *path,
                                 const char *type, const char *download_name)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        if (fd >= 0) close(fd);
        return send_message(c, r, 410, FL_M_SV_FAILED, fl_tr_in(lang_of(c, r), FL_M_SV_GONE), NULL);
    }
    struct MHD_Response *res = MHD_create_response_from_fd((uint64_t)st.st_size, fd);
    if (!res) {
        close(fd);
        return MHD_NO;
    }
    common_headers(res, type, NULL, 0);
    if (download_name) {
        fl_buf d = FL_BUF_INIT;
        fl_serve_disposition(&d, download_name);
        MHD_add_response_header(res, "Content-Disposition", d.data);
        fl_buf_free(&d);
    }
    r->out_bytes = (size_t)st.st_size;
    return queue(c, r, status, res);
}

/* ---- who may ask --------------------------------------------------------------- */

static bool same_secret(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    unsigned diff = la != lb;
    for (size_t i = 0; i < la; i++) diff |= (unsigned char)a[i] ^ (unsigned char)b[i % (lb ? lb : 1)];
    return diff == 0;
}

/* Sessions. Two cookies, both HttpOnly and SameSite=Strict, each a random
 * id and the HMAC of the cookie's name and that id under the secret made
 * at start (so every session ends with the server, and the server keeps
 * no table of them):
 *   fl_session  a browser signed in with the token (--token-file), made
 *               anew at each sign-in;
 *   fl_form     any other browser, made with the first form it is given.
 * A form's anti-forgery token is the HMAC of the id of the session it was
 * given in, the signed-in one first: a token read from another browser's
 * page, or from this one's before it signed in, is refused. */
enum { SID_HEX = 32, MAC_HEX = 64 };

static void hmac_hex(const char *kind, const char *sid, char out[MAC_HEX + 1])
{
    unsigned char key[64] = {0}, pad[64], inner[32], d[32];
    memcpy(key, cfg.secret, strlen(cfg.secret) < sizeof key ? strlen(cfg.secret) : sizeof key);
    fl_sha256 s;
    for (size_t i = 0; i < sizeof pad; i++) pad[i] = key[i] ^ 0x36;
    fl_sha256_init(&s);
    fl_sha256_update(&s, pad, sizeof pad);
    fl_sha256_update(&s, kind, strlen(kind));
    fl_sha256_update(&s, "\n", 1);
    fl_sha256_update(&s, sid, strlen(sid));
    fl_sha256_final(&s, inner);
    for (size_t i = 0; i < sizeof pad; i++) pad[i] = key[i] ^ 0x5c;
    fl_sha256_init(&s);
    fl_sha256_update(&s, pad, sizeof pad);
    fl_sha256_update(&s, inner, sizeof inner);
    fl_sha256_final(&s, d);
    fl_sha256_hex(d, out);
}

/* The id of the request's cookie name when its HMAC holds. */
static bool cookie_sid(struct MHD_Connection *c, const char *name, char sid[SID_HEX + 1])
{
    const char *v = MHD_lookup_connection_value(c, MHD_COOKIE_KIND, name);
    if (!v || strlen(v) != SID_HEX + MAC_HEX || strspn(v, "0123456789abcdef") != SID_HEX + MAC_HEX) return false;
    char mac[MAC_HEX + 1];
    memcpy(sid, v, SID_HEX);
    sid[SID_HEX] = '\0';
    hmac_hex(name, sid, mac);
    return same_secret(v + SID_HEX, mac);
}

/* A new session: its id into sid, its Set-Cookie header into header. */
static int new_session(const char *name, char sid[SID_HEX + 1], char *header, size_t cap)
{
    if (fl_serve_random_hex(sid, SID_HEX / 2)) return -1;
    char mac[MAC_HEX + 1];
    hmac_hex(name, sid, mac);
    snprintf(header, cap, "%s=%s%s; Path=/; HttpOnly; SameSite=Strict%s", name, sid, mac, cfg.tls ? "; Secure" : "");
    return 0;
}

/* The session a form of this request is bound to. */
static bool form_session(struct MHD_Connection *c, char sid[SID_HEX + 1])
{
    return (cfg.token && cookie_sid(c, "fl_session", sid)) || cookie_sid(c, "fl_form", sid);
}

/* The anti-forgery token for a form page answering c, and in set_cookie
 * the header that starts a form session when c has none ("" otherwise). */
static void form_token(struct MHD_Connection *c, char csrf[MAC_HEX + 1], char *set_cookie, size_t cap)
{
    char sid[SID_HEX + 1];
    set_cookie[0] = '\0';
    csrf[0] = '\0';
    if (!form_session(c, sid) && new_session("fl_form", sid, set_cookie, cap)) return; /* never matches */
    hmac_hex("csrf", sid, csrf);
}

static bool authorized(struct MHD_Connection *c)
{
    if (!cfg.token) return true;
    const char *h = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_AUTHORIZATION);
    if (h && !strncmp(h, "Bearer ", 7) && same_secret(h + 7, cfg.token)) return true;
    char sid[SID_HEX + 1];
    return cookie_sid(c, "fl_session", sid);
}

/* A POST made from a page of another site: its Origin names another host
 * than the one asked (a browser always sends Origin with a POST). */
static bool cross_site(struct MHD_Connection *c)
{
    const char *site = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Sec-Fetch-Site");
    if (site && (!strcmp(site, "cross-site") || !strcmp(site, "same-site"))) return true;
    const char *origin = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Origin");
    const char *host = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_HOST);
    if (!origin) return false;
    if (!strcmp(origin, "null") || !host) return true;
    const char *p = strstr(origin, "://");
    return !p || strcmp(p + 3, host) != 0;
}

static bool csrf_ok(struct MHD_Connection *c, const req *r)
{
    char sid[SID_HEX + 1], want[MAC_HEX + 1];
    if (!r->up || !form_session(c, sid)) return false;
    hmac_hex("csrf", sid, want);
    return same_secret(fl_upload_field(r->up, "csrf"), want);
}

/* A page with a form: its token, and the cookie of a new form session. */
static enum MHD_Result send_form(struct MHD_Connection *c, req *r, unsigned status, bool login_page, bool failed)
{
    char csrf[MAC_HEX + 1], set_cookie[200];
    form_token(c, csrf, set_cookie, sizeof set_cookie);
    fl_buf b = FL_BUF_INIT;
    if (login_page) fl_serve_page_login(&b, lang_of(c, r), csrf, failed);
    else fl_serve_page_form(&b, &cfg, lang_of(c, r), csrf);
    const char *const extra[] = {"Set-Cookie", set_cookie, NULL};
    return send_buf(c, r, status, "text/html; charset=utf-8", &b, set_cookie[0] ? extra : NULL);
}

/* ---- the log --------------------------------------------------------------------- */

static void log_line(req *r)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    double secs = (double)(now.tv_sec - r->start.tv_sec) + (double)(now.tv_nsec - r->start.tv_nsec) / 1e9;
    char when[21];
    fl_utc_iso(time(NULL), when);
    fl_buf types = FL_BUF_INIT;
    if (r->up) fl_upload_types(r->up, &types);
    else fl_buf_adds(&types, "-");
    char path[80]; /* the route, never a result's id */
    snprintf(path, sizeof path, "%s", r->url);
    if (!strncmp(path, "/result/", 8)) snprintf(path, sizeof path, "/result/…");
    fl_tame_str(path, sizeof path, false);
    size_t nfiles = 0;
    if (r->up) fl_upload_names(r->up, &nfiles);
    fl_buf line = FL_BUF_INIT;
    fl_buf_printf(&line, "%s %s %s %u in=%zu out=%zu files=%zu types=%s", when, r->method, path, r->status,
                  r->up ? fl_upload_bytes(r->up) : 0, r->out_bytes, nfiles, types.data);
    if (r->has_counts)
        fl_buf_printf(&line, " findings=%ld/%ld/%ld unread=%ld", r->counts.error, r->counts.warning, r->counts.info,
                      r->counts.failed);
    fl_buf_printf(&line, " %.3fs", secs);
    if (cfg.log_names && r->up && nfiles) {
        size_t n;
        char **names = fl_upload_names(r->up, &n);
        fl_buf_adds(&line, " names=");
        for (size_t i = 0; i < n; i++) {
            char name[256];
            snprintf(name, sizeof name, "%s", names[i]);
            fl_tame_str(name, sizeof name, false);
            fl_buf_printf(&line, "%s%s", i ? "|" : "", name);
        }
    }
    fprintf(stderr, "%s\n", line.data);
    fl_buf_free(&line);
    fl_buf_free(&types);
}

/* ---- checks ------------------------------------------------------------------------ */

/* The child's standard error: its first cap bytes (cut at a line's end
 * when one is near, "…" after), without a last newline. */
static void read_notes(const char *dir, fl_buf *b, size_t cap)
{
    char path[PATH_MAX];
    snprintf(path, sizeof path, "%s/stderr", dir);
    fl_buf_clear(b);
    FILE *f = fopen(path, "rb");
    if (!f) return;
    fl_buf_reserve(b, cap + 1);
    size_t n = fread(b->data, 1, cap, f);
    bool more = fgetc(f) != EOF;
    fclose(f);
    b->len = n;
    b->data[n] = '\0';
    if (more) {
        char *nl = strrchr(b->data, '\n');
        if (nl) b->len = (size_t)(nl - b->data), b->data[b->len] = '\0';
        fl_buf_adds(b, "\n…");
    }
    while (b->len && b->data[b->len - 1] == '\n') b->data[--b->len] = '\0';
}

/* The annotated copies of out/annotated: the one file, or all of them in
 * out/annotated.zip. false when there is none. */
static bool annotated_file(const char *outdir, char *path, size_t cap, char *name, size_t ncap)
{
    char dir[PATH_MAX];
    snprintf(dir, sizeof dir, "%s/annotated", outdir);
    DIR *d = opendir(dir);
    if (!d) return false;
    char **names = NULL;
    size_t n = 0, ncapn = 0;
    struct dirent *e;
    while ((e = readdir(d)))
        if (e->d_name[0] != '.') {
            FL_VEC_RESERVE(names, ncapn, n + 1);
            names[n++] = fl_xstrdup(e->d_name);
        }
    closedir(d);
    bool ok = false;
    if (n == 1) {
        snprintf(path, cap, "%s/%s", dir, names[0]);
        snprintf(name, ncap, "%s", names[0]);
        ok = true;
    } else if (n > 1) {
        snprintf(path, cap, "%s/annotated.zip", outdir);
        snprintf(name, ncap, "annotated.zip");
        int err = 0;
        zip_t *z = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &err);
        ok = z != NULL;
        for (size_t i = 0; z && i < n; i++) {
            char one[PATH_MAX];
            snprintf(one, sizeof one, "%s/%s", dir, names[i]);
            zip_source_t *src = zip_source_file(z, one, 0, -1);
            if (!src || zip_file_add(z, names[i], src, ZIP_FL_ENC_UTF_8) < 0) {
                if (src) zip_source_free(src);
                ok = false;
            }
        }
        if (z && zip_close(z) != 0) {
            zip_discard(z);
            ok = false;
        }
    }
    for (size_t i = 0; i < n; i++) free(names[i]);
    free(names);
    return ok;
}

enum route_kind { PAGE, API };

/* Validate the form, wait for a worker, run the check in a child. 0 with
 * *out set, or the request already answered (-1). */
static int run_check(struct MHD_Connection *c, req *r, enum route_kind kind, unsigned formats, bool annotate,
                     fl_serve_outcome *out, enum MHD_Result *answer)
{
    fl_lang lang = lang_of(c, r);
    size_t n;
    char **names = fl_upload_names(r->up, &n);
    const char *doc_type = fl_upload_field(r->up, "doc_type");
    const char *as_of = fl_upload_field(r->up, "as_of");
    bool date_ok = strlen(as_of) <= 10 && strspn(as_of, "0123456789-") == strlen(as_of);
    const char *text = NULL;
    unsigned status = 400;
    if (!n) text = fl_tr_in(lang, FL_M_SV_NO_FILE);
    else if ((*doc_type && !fl_doc_type_known(doc_type)) || !date_ok) text = fl_tr_in(lang, FL_M_SV_BAD_FIELD);
    static const char *const retry[] = {"Retry-After", "30", NULL};
    const char *const *extra = NULL;
    if (!text) {
        int got = fl_serve_jobs_acquire(cfg.queue_wait);
        if (got) {
            status = 503;
            extra = retry;
            text = fl_tr_in(lang, got == -2 ? FL_M_SV_STOPPING_PAGE : FL_M_SV_BUSY);
        }
    }
    if (text) {
        *answer = kind == API ? send_json_error(c, r, status, text, extra)
                              : send_message(c, r, status, FL_M_SV_FAILED, text, extra);
        return -1;
    }
    fl_serve_check chk = {.cfg = &cfg, .names = names, .nnames = n, .doc_type = doc_type, .as_of = as_of,
                          .lang = lang, .formats = formats, .annotate = annotate};
    int rc = fl_serve_child(fl_upload_dir(r->up), cfg.timeout, fl_serve_check_child, &chk, out);
    fl_serve_jobs_release();
    if (rc) {
        fl_buf b = FL_BUF_INIT;
        fl_buf_printf(&b, fl_tr_in(lang, FL_M_SV_INTERNAL), strerror(errno));
        *answer = kind == API ? send_json_error(c, r, 500, b.data, NULL) : send_message(c, r, 500, FL_M_SV_FAILED, b.data, NULL);
        fl_buf_free(&b);
        return -1;
    }
    char outdir[PATH_MAX];
    snprintf(outdir, sizeof outdir, "%s/out", fl_upload_dir(r->up));
    r->has_counts = fl_serve_read_counts(outdir, &r->counts);
    return 0;
}

/* How a check that did not end with a report is said, or NULL. */
static const char *failure(const fl_serve_outcome *o, const char *dir, bool have_output, fl_lang lang, fl_buf *b,
                           unsigned *status)
{
    if (o->end == FL_SERVE_TIMED_OUT) {
        fl_buf_printf(b, fl_tr_in(lang, FL_M_SV_TIMEOUT), cfg.timeout);
        *status = 422;
        return b->data;
    }
    if (o->end == FL_SERVE_SIGNALLED) {
        fl_buf_printf(b, fl_tr_in(lang, FL_M_SV_CRASHED), o->code);
        *status = 500;
        return b->data;
    }
    if (have_output && o->code <= 2) return NULL;
    read_notes(dir, b, 4096);
    *status = o->code == 2 ? 400 : 500;
    if (!b->len) fl_buf_printf(b, fl_tr_in(lang, FL_M_SV_INTERNAL), "exit status");
    return b->data;
}

static bool exists(const char *dir, const char *name)
{
    char path[PATH_MAX];
    struct stat st;
    snprintf(path, sizeof path, "%s/%s", dir, name);
    return stat(path, &st) == 0;
}

static enum MHD_Result check_page(struct MHD_Connection *c, req *r)
{
    fl_lang lang = lang_of(c, r);
    if (!csrf_ok(c, r)) return send_message(c, r, 403, FL_M_SV_FAILED, fl_tr_in(lang, FL_M_SV_BAD_FORM), NULL);
    fl_serve_outcome o;
    enum MHD_Result answer;
    unsigned all = FL_SERVE_OUT_HTML | FL_SERVE_OUT_JSON | FL_SERVE_OUT_SARIF | FL_SERVE_OUT_CSV;
    if (run_check(c, r, PAGE, all, true, &o, &answer)) return answer;
    const char *dir = fl_upload_dir(r->up);
    char outdir[PATH_MAX], path[PATH_MAX];
    snprintf(outdir, sizeof outdir, "%s/out", dir);
    fl_buf why = FL_BUF_INIT, notes = FL_BUF_INIT, report = FL_BUF_INIT, page = FL_BUF_INIT;
    unsigned status = 200;
    const char *fail = failure(&o, dir, exists(outdir, "report.html"), lang, &why, &status);
    snprintf(path, sizeof path, "%s/report.html", outdir);
    if (fail || fl_buf_read_file(&report, path, (size_t)1 << 31) != 0) {
        fl_buf_free(&report);
        enum MHD_Result rc = send_message(c, r, fail ? status : 500, FL_M_SV_FAILED, fail ? fail : "report", NULL);
        fl_buf_free(&why);
        return rc;
    }
    read_notes(dir, &notes, 8192);
    char apath[PATH_MAX], aname[256];
    bool docx = annotated_file(outdir, apath, sizeof apath, aname, sizeof aname);
    char id[33];
    bool kept = fl_serve_keep(&cfg, outdir, id) == 0;
    fl_serve_page_report(&page, lang, report.data, report.len, kept ? id : NULL, docx, notes.data);
    fl_buf_free(&report);
    fl_buf_free(&notes);
    fl_buf_free(&why);
    /* exit 2: a file could not be read; the report says which */
    return send_buf(c, r, o.code == 2 ? 422 : 200, "text/html; charset=utf-8", &page, NULL);
}

static enum MHD_Result check_api(struct MHD_Connection *c, req *r, bool annotate)
{
    fl_lang lang = lang_of(c, r);
    if (r->up && fl_upload_field(r->up, "csrf")[0] && !csrf_ok(c, r))
        return send_json_error(c, r, 403, fl_tr_in(lang, FL_M_SV_BAD_FORM), NULL);
    fl_serve_outcome o;
    enum MHD_Result answer;
    if (run_check(c, r, API, annotate ? 0 : FL_SERVE_OUT_JSON, annotate, &o, &answer)) return answer;
    const char *dir = fl_upload_dir(r->up);
    char outdir[PATH_MAX], path[PATH_MAX];
    snprintf(outdir, sizeof outdir, "%s/out", dir);
    fl_buf why = FL_BUF_INIT;
    unsigned status = 200;
    const char *fail = failure(&o, dir, exists(outdir, "summary"), lang, &why, &status);
    if (fail) {
        enum MHD_Result rc = send_json_error(c, r, status, fail, NULL);
        fl_buf_free(&why);
        return rc;
    }
    fl_buf_free(&why);
    unsigned ok = o.code == 2 ? 422 : 200;
    if (!annotate) {
        snprintf(path, sizeof path, "%s/report.json", outdir);
        return send_file(c, r, ok, path, "application/json; charset=utf-8", NULL);
    }
    char name[256];
    if (!annotated_file(outdir, path, sizeof path, name, sizeof name)) {
        fl_buf notes = FL_BUF_INIT;
        read_notes(dir, &notes, 4096);
        fl_buf_printf(&notes, "%s%s", notes.len ? "\n" : "", fl_tr_in(lang, FL_M_SV_NO_COPY));
        enum MHD_Result rc = send_json_error(c, r, 422, notes.data, NULL);
        fl_buf_free(&notes);
        return rc;
    }
    bool zip = !strcmp(name, "annotated.zip");
    return send_file(c, r, ok, path,
                     zip ? "application/zip"
                         : "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                     name);
}

/* ---- the rules -------------------------------------------------------------------- */

typedef struct rules_job { const char *id; fl_lang lang; } rules_job;

static int rules_child(void *arg)
{
    const rules_job *j = arg;
    fl_lang_set(j->lang, FL_LANG_CLI);
    char *argv[] = {j->id ? "explain" : "rules", "--lang", (char *)fl_lang_name(j->lang), (char *)j->id, NULL};
    return j->id ? fl_cmd_explain(4, argv) : fl_cmd_rules(3, argv);
}

static bool rule_id_ok(const char *id)
{
    size_t n = strlen(id);
    return n >= 2 && n <= 32 && strspn(id, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") == n;
}

static enum MHD_Result rules_page(struct MHD_Connection *c, req *r, const char *id)
{
    fl_lang lang = lang_of(c, r);
    if (id && !rule_id_ok(id)) return send_message(c, r, 404, FL_M_SV_FAILED, fl_tr_in(lang, FL_M_SV_NOT_FOUND), NULL);
    static const char *const retry[] = {"Retry-After", "30", NULL};
    int got = fl_serve_jobs_acquire(cfg.queue_wait);
    if (got)
        return send_message(c, r, 503, FL_M_SV_FAILED, fl_tr_in(lang, got == -2 ? FL_M_SV_STOPPING_PAGE : FL_M_SV_BUSY),
                            retry);
    char dir[PATH_MAX];
    if (fl_serve_scratch(&cfg, dir)) {
        fl_serve_jobs_release();
        return send_message(c, r, 500, FL_M_SV_FAILED, strerror(errno), NULL);
    }
    rules_job j = {id, lang};
    fl_serve_outcome o;
    int rc = fl_serve_child(dir, 60, rules_child, &j, &o);
    fl_serve_jobs_release();
    fl_buf text = FL_BUF_INIT, page = FL_BUF_INIT;
    char path[PATH_MAX];
    bool ok = !rc && o.end == FL_SERVE_EXITED && o.code == 0;
    snprintf(path, sizeof path, "%s/%s", dir, ok ? "stdout" : "stderr");
    if (fl_buf_read_file(&text, path, (size_t)16 << 20) != 0) fl_buf_clear(&text);
    fl_serve_rmtree(dir);
    enum MHD_Result res;
    if (ok) {
        fl_serve_page_text(&page, lang, id ? id : fl_tr_in(lang, FL_M_SV_RULES), text.data ? text.data : "", text.len);
        res = send_buf(c, r, 200, "text/html; charset=utf-8", &page, NULL);
    } else {
        while (text.len && text.data[text.len - 1] == '\n') text.data[--text.len] = '\0';
        res = send_message(c, r, id && o.code == 2 ? 404 : 500, FL_M_SV_FAILED,
                           text.len ? text.data : fl_tr_in(lang, FL_M_SV_NOT_FOUND), NULL);
    }
    fl_buf_free(&text);
    return res;
}

/* ---- other routes ----------------------------------------------------------------- */

static enum MHD_Result healthz(struct MHD_Connection *c, req *r)
{
    int running, waiting;
    long served, peak;
    fl_serve_jobs_stats(&running, &waiting, &served, &peak);
    fl_buf b = FL_BUF_INIT;
    fl_buf_printf(&b,
                  "{\"status\": \"%s\", \"version\": \"%s\", \"running\": %d, \"waiting\": %d, \"served\": %ld, "
                  "\"children_peak_rss_kb\": %ld}\n",
                  fl_serve_jobs_draining() ? "stopping" : "ok", FL_VERSION, running, waiting, served, peak);
    return send_buf(c, r, fl_serve_jobs_draining() ? 503 : 200, "application/json; charset=utf-8", &b, NULL);
}

static enum MHD_Result login(struct MHD_Connection *c, req *r, bool post)
{
    fl_lang lang = lang_of(c, r);
    if (!post || !cfg.token) return send_form(c, r, 200, true, false);
    if (!csrf_ok(c, r)) return send_message(c, r, 403, FL_M_SV_FAILED, fl_tr_in(lang, FL_M_SV_BAD_FORM), NULL);
    if (!same_secret(fl_upload_field(r->up, "token"), cfg.token)) return send_form(c, r, 403, true, true);
    char cookie[200], where[32], sid[SID_HEX + 1];
    if (new_session("fl_session", sid, cookie, sizeof cookie))
        return send_message(c, r, 500, FL_M_SV_FAILED, strerror(errno), NULL);
    fl_buf b = FL_BUF_INIT;
    snprintf(where, sizeof where, "/?lang=%s", fl_lang_name(lang));
    const char *const extra[] = {"Set-Cookie", cookie, "Location", where, NULL};
    return send_buf(c, r, 303, "text/html; charset=utf-8", &b, extra);
}

static enum MHD_Result result(struct MHD_Connection *c, req *r, const char *rest)
{
    char id[40], kind[16];
    const char *slash = strchr(rest, '/');
    fl_lang lang = lang_of(c, r);
    if (!slash || slash - rest >= (long)sizeof id || strlen(slash + 1) >= sizeof kind)
        return send_message(c, r, 404, FL_M_SV_FAILED, fl_tr_in(lang, FL_M_SV_NOT_FOUND), NULL);
    snprintf(id, sizeof id, "%.*s", (int)(slash - rest), rest);
    snprintf(kind, sizeof kind, "%s", slash + 1);
    static const struct { const char *kind, *file, *type, *name; } files[] = {
        {"html", "report.html", "text/html; charset=utf-8", "filinglint-report.html"},
        {"json", "report.json", "application/json; charset=utf-8", "filinglint-report.json"},
        {"sarif", "report.sarif", "application/sarif+json", "filinglint-report.sarif"},
        {"csv", "report.csv", "text/csv; charset=utf-8", "filinglint-report.csv"},
    };
    char path[PATH_MAX], dir[PATH_MAX], name[256];
    if (!strcmp(kind, "annotated")) {
        if (!fl_serve_kept_path(&cfg, id, "summary", path, sizeof path))
            return send_message(c, r, 410, FL_M_SV_FAILED, fl_tr_in(lang, FL_M_SV_GONE), NULL);
        snprintf(dir, sizeof dir, "%s/results/%s", cfg.base, id);
        if (!annotated_file(dir, path, sizeof path, name, sizeof name))
            return send_message(c, r, 404, FL_M_SV_FAILED, fl_tr_in(lang, FL_M_SV_NO_COPY), NULL);
        bool zip = !strcmp(name, "annotated.zip");
        return send_file(c, r, 200, path,
                         zip ? "application/zip" : "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                         name);
    }
    for (size_t i = 0; i < sizeof files / sizeof *files; i++)
        if (!strcmp(kind, files[i].kind)) {
            if (!fl_serve_kept_path(&cfg, id, files[i].file, path, sizeof path))
                return send_message(c, r, 410, FL_M_SV_FAILED, fl_tr_in(lang, FL_M_SV_GONE), NULL);
            return send_file(c, r, 200, path, files[i].type, files[i].name);
        }
    return send_message(c, r, 404, FL_M_SV_FAILED, fl_tr_in(lang, FL_M_SV_NOT_FOUND), NULL);
}

/* ---- routing -------------------------------------------------------------------- */

static bool takes_body(const char *url)
{
    return !strcmp(url, "/check") || !strcmp(url, "/api/check") || !strcmp(url, "/api/annotate") ||
           !strcmp(url, "/login");
}

static enum MHD_Result route(struct MHD_Connection *c, const char *url, const char *method, req *r)
{
    bool get = !strcmp(method, "GET") || !strcmp(method, "HEAD"), post = !strcmp(method, "POST");
    fl_lang lang = lang_of(c, r);
    static const char *const allow_get[] = {"Allow", "GET, HEAD", NULL};
    static const char *const allow_post[] = {"Allow", "POST", NULL};
    if (!strcmp(url, "/healthz")) return get ? healthz(c, r) : send_json_error(c, r, 405, "GET", allow_get);
    if (!strcmp(url, "/login")) {
        if (post && cross_site(c)) return send_message(c, r, 403, FL_M_SV_FAILED, fl_tr_in(lang, FL_M_SV_BAD_FORM), NULL);
        return get || post ? login(c, r, post) : send_message(c, r, 405, FL_M_SV_FAILED, "GET, POST", NULL);
    }
    bool api = !strncmp(url, "/api/", 5);
    if (!authorized(c)) {
        static const char *const bearer[] = {"WWW-Authenticate", "Bearer", NULL};
        if (api || !get) return send_json_error(c, r, 401, fl_tr_in(lang, FL_M_SV_SIGN_IN_FIRST), bearer);
        char where[32];
        snprintf(where, sizeof where, "/login?lang=%s", fl_lang_name(lang));
        const char *const to_login[] = {"Location", where, "WWW-Authenticate", "Bearer", NULL};
        fl_buf b = FL_BUF_INIT;
        return send_buf(c, r, 303, "text/html; charset=utf-8", &b, to_login);
    }
    if (post && cross_site(c)) {
        const char *why = fl_tr_in(lang, FL_M_SV_BAD_FORM);
        return api ? send_json_error(c, r, 403, why, NULL) : send_message(c, r, 403, FL_M_SV_FAILED, why, NULL);
    }
    if (!strcmp(url, "/")) {
        if (!get) return send_message(c, r, 405, FL_M_SV_FAILED, "GET", allow_get);
        return send_form(c, r, 200, false, false);
    }
    if (takes_body(url)) {
        if (!post) return api ? send_json_error(c, r, 405, "POST", allow_post) : send_message(c, r, 405, FL_M_SV_FAILED, "POST", allow_post);
        int st = r->up ? fl_upload_status(r->up) : 500;
        if (st) {
            fl_buf b = FL_BUF_INIT;
            char size[32];
            snprintf(size, sizeof size, "%zu MB", cfg.max_upload >> 20);
            if (st == 413) fl_buf_printf(&b, fl_tr_in(lang, FL_M_SV_TOO_LARGE), cfg.max_files, size);
            else fl_buf_adds(&b, fl_tr_in(lang, FL_M_SV_BAD_REQUEST));
            enum MHD_Result rc = api ? send_json_error(c, r, (unsigned)st, b.data, NULL)
                                     : send_message(c, r, (unsigned)st, FL_M_SV_FAILED, b.data, NULL);
            fl_buf_free(&b);
            return rc;
        }
        if (!strcmp(url, "/check")) return check_page(c, r);
        return check_api(c, r, !strcmp(url, "/api/annotate"));
    }
    if (!get) return send_message(c, r, 405, FL_M_SV_FAILED, "GET", allow_get);
    if (!strcmp(url, "/rules")) return rules_page(c, r, NULL);
    if (!strncmp(url, "/rules/", 7)) return rules_page(c, r, url + 7);
    if (!strncmp(url, "/result/", 8)) return result(c, r, url + 8);
    return send_message(c, r, 404, FL_M_SV_FAILED, fl_tr_in(lang, FL_M_SV_NOT_FOUND), NULL);
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *c, const char *url, const char *method,
                                  const char *version, const char *data, size_t *size, void **con_cls)
{
    req *r = *con_cls;
    if (!r) {
        r = fl_xcalloc(1, sizeof *r);
        clock_gettime(CLOCK_MONOTONIC, &r->start);
        snprintf(r->method, sizeof r->method, "%s", method);
        snprintf(r->url, sizeof r->url, "%s", url);
        *con_cls = r;
        if (!strcmp(method, "POST") && takes_body(url)) {
            /* a body past the limit is refused from its header, unread */
            const char *len = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);
            if (len && strtoull(len, NULL, 10) > cfg.max_upload) {
                fl_buf b = FL_BUF_INIT;
                char sz[32];
                snprintf(sz, sizeof sz, "%zu MB", cfg.max_upload >> 20);
                fl_buf_printf(&b, fl_tr_in(lang_of(c, r), FL_M_SV_TOO_LARGE), cfg.max_files, sz);
                enum MHD_Result rc = !strncmp(url, "/api/", 5) ? send_json_error(c, r, 413, b.data, NULL)
                                                              : send_message(c, r, 413, FL_M_SV_FAILED, b.data, NULL);
                fl_buf_free(&b);
                return rc;
            }
            if (!authorized(c) && strcmp(url, "/login")) return route(c, url, method, r);
            r->up = fl_upload_new(&cfg, c);
            if (!r->up) return send_json_error(c, r, 500, strerror(errno), NULL);
        }
        return MHD_YES;
    }
    if (r->answered) { /* answered early: the rest of the body is dropped */
        *size = 0;
        return MHD_YES;
    }
    if (*size) {
        if (r->up) fl_upload_feed(r->up, data, *size);
        *size = 0;
        return MHD_YES;
    }
    return route(c, url, method, r);
}

static void on_completed(void *cls, struct MHD_Connection *c, void **con_cls, enum MHD_RequestTerminationCode toe)
{
    req *r = *con_cls;
    if (!r) return;
    log_line(r);
    fl_upload_free(r->up);
    free(r);
    *con_cls = NULL;
}

/* ---- options ------------------------------------------------------------------- */

static int parse_size(const char *opt, const char *s, size_t *out)
{
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    unsigned shift = 0;
    if (*end == 'K' || *end == 'k') shift = 10, end++;
    else if (*end == 'M' || *end == 'm') shift = 20, end++;
    else if (*end == 'G' || *end == 'g') shift = 30, end++;
    if (*end == 'B' || *end == 'b') end++;
    if (errno || end == s || *end || !v || v > (1ULL << 40) >> shift)
        return fl_cmd_usage_error(fl_tr(FL_M_SV_BAD_SIZE), opt, s);
    *out = (size_t)(v << shift);
    return -1;
}

static int parse_int(const char *opt, const char *s, int max, int *out)
{
    char *end;
    long v = strtol(s, &end, 10);
    if (end == s || *end || v < 1 || v > max) return fl_cmd_usage_error(fl_tr(FL_M_SV_BAD_NUMBER), opt, max, s);
    *out = (int)v;
    return -1;
}

typedef struct listen_at { struct sockaddr_storage sa; bool v6, loopback; char text[80]; } listen_at;

static int parse_listen(const char *s, listen_at *at)
{
    char host[64];
    const char *port;
    memset(at, 0, sizeof *at);
    if (s[0] == '[') {
        const char *close = strchr(s, ']');
        if (!close || close[1] != ':' || close - s - 1 >= (long)sizeof host) goto bad;
        snprintf(host, sizeof host, "%.*s", (int)(close - s - 1), s + 1);
        port = close + 2;
        at->v6 = true;
    } else {
        const char *colon = strrchr(s, ':');
        if (!colon || colon - s >= (long)sizeof host) goto bad;
        snprintf(host, sizeof host, "%.*s", (int)(colon - s), s);
        if (!strcmp(host, "localhost")) snprintf(host, sizeof host, "127.0.0.1");
        port = colon + 1;
    }
    char *end;
    long p = strtol(port, &end, 10);
    if (end == port || *end || p < 0 || p > 65535) goto bad;
    if (at->v6) {
        struct sockaddr_in6 *a = (struct sockaddr_in6 *)&at->sa;
        a->sin6_family = AF_INET6;
        a->sin6_port = htons((uint16_t)p);
        if (inet_pton(AF_INET6, host, &a->sin6_addr) != 1) goto bad;
        at->loopback = IN6_IS_ADDR_LOOPBACK(&a->sin6_addr);
    } else {
        struct sockaddr_in *a = (struct sockaddr_in *)&at->sa;
        a->sin_family = AF_INET;
        a->sin_port = htons((uint16_t)p);
        if (inet_pton(AF_INET, host, &a->sin_addr) != 1) goto bad;
        at->loopback = (ntohl(a->sin_addr.s_addr) >> 24) == 127;
    }
    snprintf(at->text, sizeof at->text, "%s%s%s", at->v6 ? "[" : "", host, at->v6 ? "]" : "");
    return -1;
bad:
    return fl_cmd_usage_error(fl_tr(FL_M_SV_BAD_LISTEN), s);
}

static char *read_secret_file(const char *path, size_t max, int *rc)
{
    fl_buf b = FL_BUF_INIT;
    int e = fl_buf_read_file(&b, path, max);
    if (e) {
        fprintf(stderr, "filinglint: ");
        fprintf(stderr, fl_tr(FL_M_SV_CANNOT_READ), path, fl_buf_read_strerror(e));
        fputc('\n', stderr);
        fl_buf_free(&b);
        *rc = 2;
        return NULL;
    }
    return fl_buf_detach(&b);
}

enum { OPT_CORPUS = 300, OPT_MAX_UPLOAD, OPT_MAX_FILES, OPT_TIMEOUT, OPT_TOKEN, OPT_INSECURE, OPT_LOG_NAMES,
       OPT_CERT, OPT_KEY, OPT_KEEP, OPT_QUEUE_WAIT };

static const struct option options[] = {
    {"listen", required_argument, NULL, 'l'},
    {"corpus", required_argument, NULL, OPT_CORPUS},
    {"max-upload", required_argument, NULL, OPT_MAX_UPLOAD},
    {"max-files", required_argument, NULL, OPT_MAX_FILES},
    {"jobs", required_argument, NULL, 'j'},
    {"timeout", required_argument, NULL, OPT_TIMEOUT},
    {"keep", required_argument, NULL, OPT_KEEP},
    {"queue-wait", required_argument, NULL, OPT_QUEUE_WAIT},
    {"token-file", required_argument, NULL, OPT_TOKEN},
    {"insecure-no-auth", no_argument, NULL, OPT_INSECURE},
    {"log-names", no_argument, NULL, OPT_LOG_NAMES},
    {"tls-cert", required_argument, NULL, OPT_CERT},
    {"tls-key", required_argument, NULL, OPT_KEY},
    {"lang", required_argument, NULL, FL_OPT_LANG},
    {"help", no_argument, NULL, 'h'},
    {NULL, 0, NULL, 0},
};

const struct option *fl_serve_options(void)
{
    return options;
}

int fl_cmd_serve(int argc, char **argv)
{
    const char *listen = "127.0.0.1:8080", *token_file = NULL, *cert_file = NULL, *key_file = NULL;
    bool insecure = false;
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    memset(&cfg, 0, sizeof cfg);
    cfg.max_upload = (size_t)100 << 20;
    cfg.max_files = 20;
    cfg.jobs = cores > 0 ? (int)cores : 1;
    cfg.timeout = 300;
    cfg.queue_wait = 10;
    cfg.keep_secs = 600;
    cfg.keep_max = 64;
    int opt, rc = -1;
    optind = 0;
    opterr = 0;
    while (rc < 0 && (opt = getopt_long(argc, argv, ":l:j:h", options, NULL)) != -1) {
        switch (opt) {
        case 'l': listen = optarg; break;
        case OPT_CORPUS: cfg.corpus = optarg; break;
        case OPT_MAX_UPLOAD: rc = parse_size("--max-upload", optarg, &cfg.max_upload); break;
        case OPT_MAX_FILES: {
            int n = 0;
            rc = parse_int("--max-files", optarg, 1000, &n);
            cfg.max_files = (size_t)n;
            break;
        }
        case 'j': rc = parse_int("--jobs", optarg, 256, &cfg.jobs); break;
        case OPT_TIMEOUT: rc = parse_int("--timeout", optarg, 86400, &cfg.timeout); break;
        case OPT_KEEP: rc = parse_int("--keep", optarg, 86400, &cfg.keep_secs); break;
        case OPT_QUEUE_WAIT: rc = parse_int("--queue-wait", optarg, 3600, &cfg.queue_wait); break;
        case OPT_TOKEN: token_file = optarg; break;
        case OPT_INSECURE: insecure = true; break;
        case OPT_LOG_NAMES: cfg.log_names = true; break;
        case OPT_CERT: cert_file = optarg; break;
        case OPT_KEY: key_file = optarg; break;
        case FL_OPT_LANG: rc = fl_cmd_lang_option(optarg); break;
        case 'h': fputs(fl_tr(FL_M_SV_USAGE), stdout); return 0;
        case ':': return fl_cmd_usage_error(fl_tr(FL_M_NEEDS_VALUE), argv[optind - 1]);
        default: return fl_cmd_unknown_option(argv, options);
        }
    }
    if (rc >= 0) return rc;
    if (optind < argc) return fl_cmd_usage_error(fl_tr(FL_M_UNKNOWN_OPTION), argv[optind]);
    listen_at at;
    if ((rc = parse_listen(listen, &at)) >= 0) return rc;
    if (!at.loopback && !token_file && !insecure) return fl_cmd_usage_error(fl_tr(FL_M_SV_NEEDS_TOKEN), listen);
    if (!cert_file != !key_file) return fl_cmd_usage_error("%s", fl_tr(FL_M_SV_TLS_PAIR));
    const char *delay = getenv("FL_SERVE_TEST_DELAY_MS");
    if (delay) cfg.test_delay_ms = atoi(delay);
    /* the children work in their requests' folders: paths given relative to
     * this one would name nothing there */
    const char *env = getenv("FILINGLINT_RULESETS");
    char real[PATH_MAX], corpus[PATH_MAX];
    if (env && *env && env[0] != '/' && realpath(env, real)) setenv("FILINGLINT_RULESETS", real, 1);
    if (cfg.corpus) {
        if (!realpath(cfg.corpus, corpus)) {
            fprintf(stderr, "filinglint: ");
            fprintf(stderr, fl_tr(FL_M_SV_CANNOT_READ), cfg.corpus, strerror(errno));
            fputc('\n', stderr);
            return 2;
        }
        cfg.corpus = corpus;
    }
    /* the rulesets and their data tables, once for every check: a set that
     * does not load is said now, not in every answer */
    fl_error err;
    size_t nrules = 0;
    fl_error_clear(&err);
    if (fl_serve_rules_load(&nrules, &err)) {
        char line[sizeof err.file + sizeof err.message + 16];
        fprintf(stderr, fl_tr(FL_M_SV_RULES_BAD), fl_error_format(&err, line, sizeof line));
        return 2;
    }
    rc = 0;
    char *cert = NULL, *key = NULL;
    if (token_file) {
        cfg.token = read_secret_file(token_file, FL_SERVE_TOKEN_MAX + 64, &rc); /* room for trailing blanks */
        if (!cfg.token) {
            fl_serve_rules_free();
            return rc;
        }
        size_t n = strlen(cfg.token);
        while (n && strchr(" \t\r\n", cfg.token[n - 1])) cfg.token[--n] = '\0';
        if (n < 16 || n > FL_SERVE_TOKEN_MAX) {
            fprintf(stderr, "filinglint: ");
            if (n < 16) fprintf(stderr, fl_tr(FL_M_SV_EMPTY_TOKEN), token_file);
            else fprintf(stderr, fl_tr(FL_M_SV_LONG_TOKEN), token_file, FL_SERVE_TOKEN_MAX);
            fputc('\n', stderr);
            free(cfg.token);
            fl_serve_rules_free();
            return 2;
        }
    }
    if (cert_file) {
        cert = read_secret_file(cert_file, 1 << 20, &rc);
        key = cert ? read_secret_file(key_file, 1 << 20, &rc) : NULL;
        if (!key) {
            free(cert);
            free(cfg.token);
            fl_serve_rules_free();
            return rc;
        }
        cfg.tls = true;
    }
    if (fl_serve_random_hex(cfg.secret, 32)) {
        fprintf(stderr, "filinglint: /dev/urandom: %s\n", strerror(errno));
        free(cert), free(key), free(cfg.token), fl_serve_rules_free();
        return 3;
    }
    const char *tmp = getenv("TMPDIR");
    if (!tmp || !*tmp) tmp = "/tmp";
    snprintf(cfg.base, sizeof cfg.base, "%s/filinglint-serve-XXXXXX", tmp);
    char results[PATH_MAX];
    if (!mkdtemp(cfg.base) || (snprintf(results, sizeof results, "%s/results", cfg.base), mkdir(results, 0700))) {
        fprintf(stderr, "filinglint: ");
        fprintf(stderr, fl_tr(FL_M_SV_NO_TEMP), tmp, strerror(errno));
        fputc('\n', stderr);
        free(cert), free(key), free(cfg.token), fl_serve_rules_free();
        return 2;
    }
    fl_serve_jobs_init(cfg.jobs);

    /* SIGTERM, SIGINT and SIGHUP are taken by sigwait below, in this thread
     * only */
    sigset_t sigs;
    sigemptyset(&sigs);
    sigaddset(&sigs, SIGTERM);
    sigaddset(&sigs, SIGINT);
    sigaddset(&sigs, SIGHUP);
    pthread_sigmask(SIG_BLOCK, &sigs, NULL);
    signal(SIGPIPE, SIG_IGN);

    unsigned flags = MHD_USE_THREAD_PER_CONNECTION | MHD_USE_INTERNAL_POLLING_THREAD;
    if (at.v6) flags |= MHD_USE_IPv6;
    if (cfg.tls) flags |= MHD_USE_TLS;
    struct MHD_OptionItem tls_opts[] = {
        {cfg.tls ? MHD_OPTION_HTTPS_MEM_CERT : MHD_OPTION_END, 0, cert},
        {cfg.tls ? MHD_OPTION_HTTPS_MEM_KEY : MHD_OPTION_END, 0, key},
        {MHD_OPTION_END, 0, NULL},
    };
    struct MHD_Daemon *d = MHD_start_daemon(
        flags, 0, NULL, NULL, on_request, NULL, MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&at.sa,
        MHD_OPTION_CONNECTION_LIMIT, (unsigned)(4 * cfg.jobs + 32), MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)120,
        MHD_OPTION_NOTIFY_COMPLETED, on_completed, NULL, MHD_OPTION_ARRAY, tls_opts, MHD_OPTION_END);
    if (!d) {
        fprintf(stderr, "filinglint: ");
        fprintf(stderr, fl_tr(FL_M_SV_CANNOT_LISTEN), listen);
        fputc('\n', stderr);
        fl_serve_rmtree(cfg.base);
        free(cert), free(key), free(cfg.token), fl_serve_rules_free();
        return 2;
    }
    const union MHD_DaemonInfo *info = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
    char where[120], size[32];
    snprintf(where, sizeof where, "%s:%u", at.text, info ? info->port : 0);
    snprintf(size, sizeof size, "%zu MB", cfg.max_upload >> 20);
    fprintf(stderr, fl_tr(FL_M_SV_LISTENING), cfg.tls ? "https" : "http", where, cfg.jobs, size);
    fflush(stderr);

    for (;;) { /* the results' time-to-live is also kept while idle */
        struct timespec tick = {30, 0};
        int sig = sigtimedwait(&sigs, NULL, &tick);
        if (sig == SIGTERM || sig == SIGINT) break;
        if (sig == SIGHUP) { /* the rulesets again, for the checks from now on */
            fl_error_clear(&err);
            if (fl_serve_rules_load(&nrules, &err) == 0) {
                fprintf(stderr, fl_tr(FL_M_SV_RELOADED), nrules);
            } else {
                char line[sizeof err.file + sizeof err.message + 16];
                fprintf(stderr, fl_tr(FL_M_SV_NOT_RELOADED), fl_error_format(&err, line, sizeof line));
            }
            fflush(stderr);
            continue;
        }
        fl_serve_sweep(&cfg);
    }
    fputs(fl_tr(FL_M_SV_STOPPING), stderr);
    fl_serve_jobs_drain();
    /* the answers of the last checks are on their way: let them go out */
    struct timespec grace = {0, 300 * 1000000L};
    nanosleep(&grace, NULL);
    MHD_stop_daemon(d);
    fl_serve_rmtree(cfg.base);
    fl_serve_rules_free();
    free(cert);
    free(key);
    free(cfg.token);
    return 0;
}
#endif
