/* Output files written whole or not at all (sink.h). The writer gets a
 * stdio stream made with fopencookie: its write function keeps the first
 * errno, which a plain FILE forgets by the time fclose reports that
 * something failed. */
#define _GNU_SOURCE /* fopencookie */
#include "core/sink.h"
#include "core/cleanup.h"
#include "core/i18n.h"
#include "core/arena.h"
#include "core/tame.h"
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* ---- temp files removed on a signal ---------------------------------------------- */

/* The registry and its handler are shared with the other temp paths of a
 * run (core/cleanup.h). */
static void live_add(char *path) { fl_cleanup_add(path, false); }
static void live_remove(const char *path) { fl_cleanup_drop(path); }

/* ---- the stream ------------------------------------------------------------------- */

typedef struct fl_sink_cookie { int fd; int error; } fl_sink_cookie;

static ssize_t cookie_write(void *c, const char *buf, size_t n)
{
    fl_sink_cookie *k = c;
    if (k->error) return 0; /* 0: an error, for glibc's cookie streams */
    for (size_t done = 0; done < n;) {
        ssize_t w = write(k->fd, buf + done, n - done);
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) {
            k->error = w < 0 ? errno : EIO;
            return 0;
        }
        done += (size_t)w;
    }
    return (ssize_t)n;
}

static int cookie_close(void *c) { return 0; } /* the sink closes the descriptor itself, after fsync */

static int refuse(fl_sink *s, const char *reason)
{
    s->reason = reason;
    return -1;
}

static int fail(fl_sink *s, int error)
{
    s->error = error ? error : EIO;
    return -1;
}

static int attach(fl_sink *s, int fd, bool own)
{
    s->fd = fd;
    s->own_fd = own;
    s->cookie = fl_xcalloc(1, sizeof *s->cookie);
    s->cookie->fd = fd;
    cookie_io_functions_t io = {NULL, cookie_write, NULL, cookie_close};
    s->f = fopencookie(s->cookie, "w", io);
    if (!s->f) {
        int e = errno;
        if (own) close(fd);
        free(s->cookie);
        s->cookie = NULL;
        s->fd = -1;
        return fail(s, e);
    }
    /* a terminal sees each finding as it comes, as stdout's own buffering did */
    setvbuf(s->f, NULL, isatty(fd) ? _IOLBF : _IOFBF, 1 << 16);
    return 0;
}

/* /dev/stdout, /dev/stderr, /dev/fd/N, /proc/self/fd/N: the descriptor N,
 * else -1. Reopening them by name would start a file that the shell opened
 * for appending at offset 0, or rename over whatever stdout is. */
static int fd_path(const char *p)
{
    if (!strcmp(p, "/dev/stdout")) return STDOUT_FILENO;
    if (!strcmp(p, "/dev/stderr")) return STDERR_FILENO;
    const char *n = !strncmp(p, "/dev/fd/", 8) ? p + 8 : !strncmp(p, "/proc/self/fd/", 14) ? p + 14 : NULL;
    if (!n || *n < '0' || *n > '9') return -1;
    char *end;
    long v = strtol(n, &end, 10);
    return *end || v > INT_MAX ? -1 : (int)v;
}

/* Where a write to path lands: symbolic links followed to the last target,
 * which may not exist yet (a dangling link is written through too). */
char *fl_sink_real_target(const char *path)
{
    char *cur = fl_xstrdup(path);
    for (int hops = 0; hops < 40; hops++) {
        struct stat st;
        if (lstat(cur, &st) != 0 || !S_ISLNK(st.st_mode)) return cur;
        char link[PATH_MAX];
        ssize_t n = readlink(cur, link, sizeof link - 1);
        if (n < 0) {
            free(cur);
            return NULL;
        }
        link[n] = '\0';
        char *next;
        const char *slash = strrchr(cur, '/');
        if (link[0] == '/' || !slash) {
            next = fl_xstrdup(link);
        } else {
            size_t dl = (size_t)(slash - cur) + 1, len = dl + (size_t)n + 1;
            next = fl_xmalloc(len);
            snprintf(next, len, "%.*s%s", (int)dl, cur, link);
        }
        free(cur);
        cur = next;
    }
    free(cur);
    errno = ELOOP;
    return NULL;
}

static mode_t umask_cached;
static void read_umask_once(void)
{
    /* umask can only be read by setting it: done once, before the worker
     * threads could create a file in between */
    mode_t m = umask(0);
    umask(m);
    umask_cached = m;
}

static int open_temp(fl_sink *s, const struct stat *old)
{
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, read_umask_once);
    const char *slash = strrchr(s->real, '/');
    const char *base = slash ? slash + 1 : s->real;
    size_t dl = slash ? (size_t)(slash - s->real) + 1 : 0;
    /* base.tmpXXXXXX, or a short name when that would pass NAME_MAX (a long
     * Chinese name: three bytes a character) */
    bool short_name = strlen(base) + 10 > 255;
    size_t len = dl + (short_name ? 0 : strlen(base)) + 32;
    s->tmp = fl_xmalloc(len);
    snprintf(s->tmp, len, "%.*s%s.tmpXXXXXX", (int)dl, s->real, short_name ? "filinglint" : base);
    int fd = mkstemp(s->tmp);
    if (fd < 0) {
        int e = errno;
        free(s->tmp);
        s->tmp = NULL;
        return fail(s, e);
    }
    live_add(s->tmp);
    (void)fcntl(fd, F_SETFD, FD_CLOEXEC);
    /* mkstemp makes 0600: a new report gets the usual permissions, a
     * replaced one keeps its own */
    (void)fchmod(fd, old ? old->st_mode & 07777 : 0666 & ~umask_cached);
    if (old && geteuid() == 0 && (old->st_uid != 0 || old->st_gid != 0)) (void)fchown(fd, old->st_uid, old->st_gid);
    if (attach(s, fd, true) == 0) return 0;
    unlink(s->tmp);
    live_remove(s->tmp);
    free(s->tmp);
    s->tmp = NULL;
    return -1;
}

static int open_target(fl_sink *s, const char *target);

/* On failure nothing is left open or allocated; the reason stays. */
int fl_sink_open(fl_sink *s, const char *target)
{
    int rc = open_target(s, target);
    if (rc) {
        free(s->real);
        s->real = NULL;
    }
    return rc;
}

static int open_target(fl_sink *s, const char *target)
{
    memset(s, 0, sizeof *s);
    s->fd = -1;
    if (!target || !strcmp(target, "-")) {
        s->name = fl_tr(FL_M_STDOUT);
        fflush(stdout); /* nothing of stdio's may come after ours */
        return attach(s, STDOUT_FILENO, false);
    }
    s->name = target;
    int n = fd_path(target);
    if (n >= 0) {
        if (n == STDOUT_FILENO) fflush(stdout);
        int fd = fcntl(n, F_DUPFD_CLOEXEC, 0);
        return fd < 0 ? fail(s, errno) : attach(s, fd, true);
    }
    struct stat st;
    bool exists = stat(target, &st) == 0;
    if (!exists && errno != ENOENT) return fail(s, errno);
    if (exists && S_ISDIR(st.st_mode)) return refuse(s, "is a folder");
    if (exists && (S_ISCHR(st.st_mode) || S_ISFIFO(st.st_mode))) {
        int fd = open(target, O_WRONLY | O_NOCTTY | O_CLOEXEC);
        return fd < 0 ? fail(s, errno) : attach(s, fd, true);
    }
    if (exists && !S_ISREG(st.st_mode))
        return refuse(s, S_ISBLK(st.st_mode) ? "is a block device; not writing over it"
                                             : "is not a regular file; not writing over it");
    s->real = fl_sink_real_target(target);
    if (!s->real) return fail(s, errno);
    /* rename would replace a file that the user may not write */
    if (exists && access(s->real, W_OK) != 0) return fail(s, errno);
    return open_temp(s, exists ? &st : NULL);
}

int fl_sink_close(fl_sink *s, bool ok)
{
    int err = s->error;
    if (s->f) {
        if (fflush(s->f) != 0 && !s->cookie->error) s->cookie->error = errno ? errno : EIO;
        fclose(s->f);
        s->f = NULL;
        if (!err) err = s->cookie->error;
    }
    if (!err && ok && s->tmp && fsync(s->fd) != 0) err = errno;
    if (s->fd >= 0 && s->own_fd && close(s->fd) != 0 && !err) err = errno;
    s->fd = -1;
    if (!err && ok && s->tmp && rename(s->tmp, s->real) != 0) err = errno;
    if (s->tmp) {
        if (err || !ok) unlink(s->tmp);
        live_remove(s->tmp);
    }
    free(s->tmp);
    free(s->real);
    free(s->cookie);
    s->tmp = s->real = NULL;
    s->cookie = NULL;
    s->error = err;
    if (!err && !ok && !s->reason) s->reason = "the output was not completed";
    return err || !ok || s->reason ? -1 : 0;
}

const char *fl_sink_why(const fl_sink *s)
{
    return s->reason ? fl_tr_phrase(s->reason) : fl_tr_strerror(s->error ? s->error : EIO);
}

void fl_sink_complain(const fl_sink *s)
{
    char name[1024];
    snprintf(name, sizeof name, "%s", s->name ? s->name : fl_tr(FL_M_STDOUT));
    fl_tame_str(name, sizeof name, false);
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
    fprintf(stderr, fl_tr(FL_M_CANNOT_WRITE), name, fl_sink_why(s));
#pragma GCC diagnostic pop
}

int fl_output_write(const char *target, const void *data, size_t len, char *why, size_t cap)
{
    fl_sink s;
    int rc = fl_sink_open(&s, target);
    if (rc == 0) {
        bool wrote = len == 0 || fwrite(data, 1, len, s.f) == len;
        rc = fl_sink_close(&s, wrote);
    }
    if (rc) snprintf(why, cap, "%s: %s", target, fl_sink_why(&s)); /* the same in both languages */
    return rc;
}
