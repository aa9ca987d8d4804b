/* serve's jobs (serve_jobs.c); the settings in cmd/serve_cfg.h. */
#ifndef FL_SERVE_JOBS_H
#define FL_SERVE_JOBS_H
#include "cmd/serve_cfg.h"

void fl_serve_jobs_init(int jobs);
/* A worker, waiting at most wait_s seconds: 0, or -1 when none came free
 * (503), -2 when the server is shutting down. */
int fl_serve_jobs_acquire(int wait_s);
void fl_serve_jobs_release(void);
/* Refuse new work and wait until the running checks are done. */
void fl_serve_jobs_drain(void);
bool fl_serve_jobs_draining(void);
void fl_serve_jobs_stats(int *running, int *waiting, long *served, long *peak_child_kb);

/* The shipped rulesets with their data tables, loaded (and validated) once
 * by the server for every check: each check's child uses its copy of them
 * (copy-on-write), so a check no longer starts by loading them. Called at
 * start, before any thread, and again on SIGHUP: a set that does not load
 * leaves the one in use in place. 0 with the number of rules, or -1 with
 * err set. */
struct fl_error;
int fl_serve_rules_load(size_t *nrules, struct fl_error *err);
void fl_serve_rules_free(void);

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
#endif
