/* serve's workers (serve_cfg.h): a bounded pool of checks, each in a forked
 * child killed past its time limit, and the results kept for a short
 * while for the result page's downloads.
 *
 * Why a child per check: the parent is a server that must outlive any
 * filing. A child that crashes, loops or runs out of memory takes only
 * itself down; the parent sees how it ended and answers the request. The
 * child runs the check command's own code (fl_check_run), so the server
 * answers exactly what `filinglint check` prints for the same files.
 *
 * Why the rulesets are loaded here, in the parent: loading and compiling
 * them took about 0.2 s of every check. The parent loads them once and a
 * child finds them in its copy of the parent's memory. That copy is plain
 * memory, the PCRE2 JIT code included (private mappings, copied on write
 * like the rest); the child only reads it. The parent never parses a
 * document, only these files, and only under fork_lock, never while a
 * child is being made. */
#ifdef FL_HAVE_SERVE
#define _XOPEN_SOURCE 700
#define _DEFAULT_SOURCE /* DT_DIR */
#include "cmd/serve_jobs.h"
#include "cmd/cmd.h"
#include "core/arena.h"
#include "core/tame.h"
#include "core/error.h"
#include "report/report.h"
#include "rules/ruleset.h"
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* ---- the pool ---------------------------------------------------------------- */

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t freed = PTHREAD_COND_INITIALIZER;
static int capacity = 1, running, waiting;
static bool draining;
static long served;

void fl_serve_jobs_init(int jobs)
{
    capacity = jobs > 0 ? jobs : 1;
}

int fl_serve_jobs_acquire(int wait_s)
{
    struct timespec until;
    clock_gettime(CLOCK_REALTIME, &until);
    until.tv_sec += wait_s;
    int rc = 0;
    pthread_mutex_lock(&lock);
    waiting++;
    while (!draining && running >= capacity && rc == 0)
        if (pthread_cond_timedwait(&freed, &lock, &until) == ETIMEDOUT) rc = -1;
    waiting--;
    if (draining) rc = -2;
    else if (running < capacity) rc = 0, running++;
    else rc = -1;
    pthread_mutex_unlock(&lock);
    return rc;
}

void fl_serve_jobs_release(void)
{
    pthread_mutex_lock(&lock);
    running--;
    served++;
    pthread_cond_broadcast(&freed);
    pthread_mutex_unlock(&lock);
}

void fl_serve_jobs_drain(void)
{
    pthread_mutex_lock(&lock);
    draining = true;
    pthread_cond_broadcast(&freed);
    while (running > 0) pthread_cond_wait(&freed, &lock);
    pthread_mutex_unlock(&lock);
}

bool fl_serve_jobs_draining(void)
{
    pthread_mutex_lock(&lock);
    bool d = draining;
    pthread_mutex_unlock(&lock);
    return d;
}

void fl_serve_jobs_stats(int *r, int *w, long *s, long *peak_child_kb)
{
    pthread_mutex_lock(&lock);
    *r = running;
    *w = waiting;
    *s = served;
    pthread_mutex_unlock(&lock);
    struct rusage ru;
    *peak_child_kb = getrusage(RUSAGE_CHILDREN, &ru) == 0 ? ru.ru_maxrss : -1;
}

/* ---- the rulesets ------------------------------------------------------------- */

/* Held across each fork and across a load: no child is made while the
 * parent loads or frees a set (the loading thread may hold a lock of
 * libxml2's, of the PCRE2 JIT allocator's or of malloc's, which would stay
 * held for good in the child), and a child's copy of `shipped` is whole. */
static pthread_mutex_t fork_lock = PTHREAD_MUTEX_INITIALIZER;
static fl_rules *shipped; /* NULL: each child loads them (as `check` does) */

/* The shipped rulesets by an absolute path: a child works in its request's
 * folder, and the HTML report reads the data tables again by their paths.
 * fl_rules_load_default would name them relative to the server's working
 * folder, and says why when there are none. */
static int load_shipped(fl_rules *set, fl_error *err)
{
    char dir[PATH_MAX], real[PATH_MAX];
    if (!fl_rulesets_dir(dir, sizeof dir)) return fl_rules_load_default(set, err);
    const char *path = dir;
    if (dir[0] != '/') {
        if (!realpath(dir, real)) return fl_rules_load_default(set, err);
        path = real;
    }
    return fl_rules_load(set, path, err);
}

int fl_serve_rules_load(size_t *nrules, fl_error *err)
{
    fl_rules *set = fl_xcalloc(1, sizeof *set);
    fl_rules_init(set);
    pthread_mutex_lock(&fork_lock);
    int rc = load_shipped(set, err);
    if (rc == 0) { /* the new set in place; the old one (or the failed one) freed */
        *nrules = set->nrules;
        fl_rules *old = shipped;
        shipped = set;
        set = old;
    }
    if (set) fl_rules_free(set);
    pthread_mutex_unlock(&fork_lock);
    free(set);
    return rc;
}

void fl_serve_rules_free(void)
{
    pthread_mutex_lock(&fork_lock);
    if (shipped) fl_rules_free(shipped);
    free(shipped);
    shipped = NULL;
    pthread_mutex_unlock(&fork_lock);
}

/* ---- one child ---------------------------------------------------------------- */

static int redirect(const char *dir, const char *name, int fd)
{
    char path[PATH_MAX];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    int f = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (f < 0) return -1;
    int rc = dup2(f, fd) < 0 ? -1 : 0;
    close(f);
    return rc;
}

static void close_from(int lowest)
{
#ifdef SYS_close_range
    if (syscall(SYS_close_range, (unsigned)lowest, ~0U, 0) == 0) return;
#endif
    long max = sysconf(_SC_OPEN_MAX);
    if (max < 0 || max > 65536) max = 65536;
    for (int fd = lowest; fd < max; fd++) close(fd);
}

int fl_serve_child(const char *dir, int timeout, int (*fn)(void *), void *arg, fl_serve_outcome *out)
{
    pthread_mutex_lock(&fork_lock);
    fflush(NULL);
    pid_t pid = fork();
    int fork_errno = errno;
    if (pid != 0) pthread_mutex_unlock(&fork_lock); /* the child never takes it */
    if (pid < 0) {
        errno = fork_errno;
        return -1;
    }
    if (pid == 0) {
        setpgid(0, 0); /* its own group: a kill reaches whatever it started */
        signal(SIGTERM, SIG_DFL);
        signal(SIGINT, SIG_DFL);
        signal(SIGPIPE, SIG_DFL);
        sigset_t none;
        sigemptyset(&none);
        pthread_sigmask(SIG_SETMASK, &none, NULL);
        /* a second bound the kernel keeps, should the parent be stopped */
        struct rlimit cpu = {(rlim_t)timeout + 5, (rlim_t)timeout + 10};
        setrlimit(RLIMIT_CPU, &cpu);
        int devnull = open("/dev/null", O_RDONLY);
        if (devnull >= 0) dup2(devnull, STDIN_FILENO), close(devnull);
        if (chdir(dir) || redirect(".", "stdout", STDOUT_FILENO) || redirect(".", "stderr", STDERR_FILENO)) _exit(3);
        /* the parent's sockets (the listening one, other clients'): held
         * here, a closed connection would stay open until this child ends */
        close_from(3);
        int rc = fn(arg);
        fflush(NULL);
        _exit(rc);
    }
    struct timespec start, now;
    clock_gettime(CLOCK_MONOTONIC, &start);
    long nap_us = 1000;
    for (;;) {
        int st;
        pid_t w = waitpid(pid, &st, WNOHANG);
        if (w == pid) {
            out->end = WIFSIGNALED(st) ? FL_SERVE_SIGNALLED : FL_SERVE_EXITED;
            out->code = WIFSIGNALED(st) ? WTERMSIG(st) : WEXITSTATUS(st);
            return 0;
        }
        if (w < 0 && errno != EINTR) {
            out->end = FL_SERVE_SIGNALLED;
            out->code = 0;
            return 0;
        }
        clock_gettime(CLOCK_MONOTONIC, &now);
        if (now.tv_sec - start.tv_sec >= timeout) {
            kill(-pid, SIGKILL);
            kill(pid, SIGKILL);
            while (waitpid(pid, &st, 0) < 0 && errno == EINTR) {}
            out->end = FL_SERVE_TIMED_OUT;
            out->code = 0;
            return 0;
        }
        /* from a millisecond up to 20: a quick check answers at once, a
         * long one costs the parent next to nothing */
        struct timespec nap = {0, nap_us * 1000};
        nanosleep(&nap, NULL);
        if (nap_us < 20000) nap_us *= 2;
    }
}

/* ---- the child's check ---------------------------------------------------------- */

/* The formats of one run, each into its own file of ../out: the check
 * command reports through one reporter, so this one hands every file to
 * each format asked for. Lives in the child only, one run per process. */
typedef struct tee_out { const fl_reporter *rep; FILE *f; void *state; } tee_out;
static struct {
    unsigned formats;
    tee_out outs[4];
    size_t n;
} tee;

static const struct { unsigned bit; const char *format, *file; } outputs[] = {
    {FL_SERVE_OUT_HTML, "html", "../out/report.html"},
    {FL_SERVE_OUT_JSON, "json", "../out/report.json"},
    {FL_SERVE_OUT_SARIF, "sarif", "../out/report.sarif"},
    {FL_SERVE_OUT_CSV, "csv", "../out/report.csv"},
};

static void *tee_open(const fl_report_opts *o)
{
    tee.n = 0;
    for (size_t i = 0; i < sizeof outputs / sizeof *outputs; i++) {
        if (!(tee.formats & outputs[i].bit)) continue;
        tee_out *t = &tee.outs[tee.n];
        t->rep = fl_reporter_find(outputs[i].format);
        t->f = fopen(outputs[i].file, "w");
        if (!t->rep || !t->f) {
            if (t->f) fclose(t->f);
            continue;
        }
        fl_report_opts mine = *o;
        mine.out = t->f;
        mine.color = false;
        t->state = t->rep->open(&mine);
        tee.n++;
    }
    return &tee;
}

static void tee_file(void *state, const fl_file_report *f)
{
    for (size_t i = 0; i < tee.n; i++) tee.outs[i].rep->file(tee.outs[i].state, f);
}

static int tee_close(void *state, const fl_summary *s)
{
    int rc = 0;
    for (size_t i = 0; i < tee.n; i++) {
        if (tee.outs[i].rep->close(tee.outs[i].state, s)) rc = -1;
        if (fclose(tee.outs[i].f)) rc = -1;
    }
    FILE *f = fopen("../out/summary", "w");
    if (f) {
        fprintf(f, "%zu %zu %zu %zu %zu\n", s->files, s->failed_files, s->by_severity[FL_SEV_ERROR],
                s->by_severity[FL_SEV_WARNING], s->by_severity[FL_SEV_INFO]);
        if (fclose(f)) rc = -1;
    }
    return rc;
}

static const fl_reporter tee_reporter = {"serve", true, tee_open, tee_file, tee_close};

int fl_serve_check_child(void *arg)
{
    const fl_serve_check *c = arg;
    if (c->cfg->test_delay_ms > 0) {
        struct timespec nap = {c->cfg->test_delay_ms / 1000, (c->cfg->test_delay_ms % 1000) * 1000000L};
        nanosleep(&nap, NULL);
    }
    if (chdir("in")) return 3;
    tee.formats = c->formats;
    /* check [--lang L] [--doc-type T] [--as-of D] [--corpus DB] [--annotate DIR] -j 1 -q --no-config -- names */
    size_t cap = c->nnames + 20, n = 0;
    char **argv = calloc(cap, sizeof *argv);
    if (!argv) return 3;
    argv[n++] = "check";
    argv[n++] = "--lang";
    argv[n++] = (char *)fl_lang_name(c->lang);
    if (c->doc_type && *c->doc_type) argv[n++] = "--doc-type", argv[n++] = (char *)c->doc_type;
    if (c->as_of && *c->as_of) argv[n++] = "--as-of", argv[n++] = (char *)c->as_of;
    size_t shown = n; /* the report's command line: what the user chose, and the files */
    if (c->cfg->corpus) argv[n++] = "--corpus", argv[n++] = (char *)c->cfg->corpus;
    if (c->annotate) argv[n++] = "--annotate", argv[n++] = "../out/annotated";
    argv[n++] = "-j";
    argv[n++] = "1";
    argv[n++] = "--no-config";
    argv[n++] = "--no-progress";
    argv[n++] = "--";
    size_t first = n;
    for (size_t i = 0; i < c->nnames; i++) argv[n++] = c->names[i];
    /* the record of the run in the HTML and SARIF reports */
    char **shown_argv = calloc(shown + c->nnames + 2, sizeof *shown_argv);
    if (!shown_argv) return 3;
    shown_argv[0] = "filinglint";
    for (size_t i = 0; i < shown; i++) shown_argv[i + 1] = argv[i];
    for (size_t i = 0; i < c->nnames; i++) shown_argv[shown + 1 + i] = c->names[i];
    fl_invocation_record((int)(shown + 1 + c->nnames), shown_argv);
    fl_lang_set(c->lang, FL_LANG_CLI);
    int rc = fl_check_run((int)(first + c->nnames), argv, &tee_reporter, shipped);
    free(argv);
    free(shown_argv);
    return rc;
}

bool fl_serve_read_counts(const char *outdir, fl_serve_counts *c)
{
    char path[PATH_MAX];
    snprintf(path, sizeof path, "%s/summary", outdir);
    FILE *f = fopen(path, "r");
    if (!f) return false;
    bool ok = fscanf(f, "%ld %ld %ld %ld %ld", &c->files, &c->failed, &c->error, &c->warning, &c->info) == 5;
    fclose(f);
    return ok;
}

/* ---- kept results --------------------------------------------------------------- */

int fl_serve_scratch(const fl_serve_cfg *cfg, char dir[PATH_MAX])
{
    snprintf(dir, PATH_MAX, "%s/req-XXXXXX", cfg->base);
    if (!mkdtemp(dir)) return -1;
    char sub[PATH_MAX];
    snprintf(sub, sizeof sub, "%s/in", dir);
    int a = mkdir(sub, 0700);
    snprintf(sub, sizeof sub, "%s/out", dir);
    if (a || mkdir(sub, 0700)) {
        int e = errno;
        fl_serve_rmtree(dir);
        errno = e;
        return -1;
    }
    return 0;
}

void fl_serve_rmtree(const char *path)
{
    DIR *d = opendir(path);
    if (d) {
        struct dirent *e;
        while ((e = readdir(d))) {
            if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")) continue;
            char sub[PATH_MAX];
            snprintf(sub, sizeof sub, "%s/%s", path, e->d_name);
            struct stat st;
            if (lstat(sub, &st) == 0 && S_ISDIR(st.st_mode)) fl_serve_rmtree(sub);
            else unlink(sub);
        }
        closedir(d);
    }
    rmdir(path);
}

int fl_serve_random_hex(char *out, size_t nbytes)
{
    unsigned char raw[64];
    if (nbytes > sizeof raw) return -1;
    int fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
    if (fd < 0) return -1;
    ssize_t got = read(fd, raw, nbytes);
    close(fd);
    if (got != (ssize_t)nbytes) return -1;
    for (size_t i = 0; i < nbytes; i++) sprintf(out + 2 * i, "%02x", raw[i]);
    return 0;
}

static pthread_mutex_t keep_lock = PTHREAD_MUTEX_INITIALIZER;

static bool well_formed_id(const char *id)
{
    size_t n = 0;
    for (; id[n]; n++)
        if (!((id[n] >= '0' && id[n] <= '9') || (id[n] >= 'a' && id[n] <= 'f'))) return false;
    return n == 32;
}

/* Under keep_lock: drop results older than keep_secs, then the oldest
 * while more than keep (the count after the next one is added). */
static void sweep_locked(const fl_serve_cfg *cfg, size_t keep)
{
    char dir[PATH_MAX];
    snprintf(dir, sizeof dir, "%s/results", cfg->base);
    DIR *d = opendir(dir);
    if (!d) return;
    struct kept { char id[33]; time_t t; } *all = NULL;
    size_t n = 0, cap = 0;
    time_t now = time(NULL);
    struct dirent *e;
    while ((e = readdir(d))) {
        if (!well_formed_id(e->d_name)) continue;
        char sub[PATH_MAX];
        snprintf(sub, sizeof sub, "%s/%s", dir, e->d_name);
        struct stat st;
        if (lstat(sub, &st) != 0) continue;
        if (now - st.st_mtime > cfg->keep_secs) {
            fl_serve_rmtree(sub);
            continue;
        }
        FL_VEC_RESERVE(all, cap, n + 1);
        snprintf(all[n].id, sizeof all[n].id, "%s", e->d_name);
        all[n++].t = st.st_mtime;
    }
    closedir(d);
    while (n > keep) { /* the oldest first; the count stays small */
        size_t old = 0;
        for (size_t i = 1; i < n; i++)
            if (all[i].t < all[old].t) old = i;
        char sub[PATH_MAX];
        snprintf(sub, sizeof sub, "%s/%s", dir, all[old].id);
        fl_serve_rmtree(sub);
        all[old] = all[--n];
    }
    free(all);
}

void fl_serve_sweep(const fl_serve_cfg *cfg)
{
    pthread_mutex_lock(&keep_lock);
    sweep_locked(cfg, cfg->keep_max);
    pthread_mutex_unlock(&keep_lock);
}

int fl_serve_keep(const fl_serve_cfg *cfg, const char *outdir, char id[33])
{
    if (!cfg->keep_max || fl_serve_random_hex(id, 16)) return -1;
    char to[PATH_MAX];
    snprintf(to, sizeof to, "%s/results/%s", cfg->base, id);
    pthread_mutex_lock(&keep_lock);
    sweep_locked(cfg, cfg->keep_max - 1);
    int rc = rename(outdir, to);
    if (rc == 0) utimensat(AT_FDCWD, to, NULL, 0); /* its age counts from now */
    pthread_mutex_unlock(&keep_lock);
    return rc;
}

bool fl_serve_kept_path(const fl_serve_cfg *cfg, const char *id, const char *name, char *out, size_t cap)
{
    if (!well_formed_id(id)) return false;
    snprintf(out, cap, "%s/results/%s/%s", cfg->base, id, name);
    char dir[PATH_MAX];
    snprintf(dir, sizeof dir, "%s/results/%s", cfg->base, id);
    struct stat st;
    if (lstat(dir, &st) != 0 || !S_ISDIR(st.st_mode) || time(NULL) - st.st_mtime > cfg->keep_secs) return false;
    return lstat(out, &st) == 0 && S_ISREG(st.st_mode);
}
#endif
