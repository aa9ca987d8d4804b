/* The signal-time cleanup registry (cleanup.h). */
#define _GNU_SOURCE
#include "core/cleanup.h"
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

/* A report, a baseline and an annotated copy at a time, plus one work
 * folder per worker thread converting a legacy file. The handler reads
 * the slots without a lock: a slot holds a complete string or NULL, and a
 * string is freed only after its slot was cleared. */
#define SLOTS 128
static char *volatile live[SLOTS];
static volatile bool live_folder[SLOTS];
static volatile pid_t live_group[SLOTS];
static pthread_mutex_t live_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_once_t handlers_once = PTHREAD_ONCE_INIT;

/* Async-signal-safe: kill, unlink, openat, getdents64, unlinkat, signal and
 * raise only. The signal is blocked while the handler runs (no SA_NODEFER)
 * and the handler was reset to the default (SA_RESETHAND), so the raised
 * signal ends the process as it would have without us. */
static void on_signal(int sig)
{
    int saved = errno;
    for (int i = 0; i < SLOTS; i++)
        if (live[i] && live_group[i] > 0) kill(-live_group[i], SIGKILL);
    for (int i = 0; i < SLOTS; i++) {
        char *p = live[i];
        if (!p) continue;
        if (live_folder[i]) fl_remove_tree(p);
        else unlink(p);
    }
    signal(sig, SIG_DFL);
    raise(sig);
    errno = saved;
}

static void install_handlers(void)
{
    /* SIGPIPE: a report piped into a reader that quit; SIGXFSZ: the file
     * size limit (ulimit -f) reached while writing the temp file. */
    static const int sigs[] = {SIGINT, SIGTERM, SIGHUP, SIGPIPE, SIGXFSZ};
    for (size_t i = 0; i < sizeof sigs / sizeof *sigs; i++) {
        struct sigaction old, sa;
        if (sigaction(sigs[i], NULL, &old) != 0) continue;
        /* an ignored signal stays ignored (nohup, a CI runner's SIGPIPE);
         * somebody else's handler is left alone */
        if (old.sa_handler != SIG_DFL || (old.sa_flags & SA_SIGINFO)) continue;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = on_signal;
        sigemptyset(&sa.sa_mask);
        sa.sa_flags = SA_RESETHAND;
        sigaction(sigs[i], &sa, NULL);
    }
}

int fl_cleanup_add(char *path, bool folder)
{
    int rc = -1;
    pthread_once(&handlers_once, install_handlers);
    pthread_mutex_lock(&live_lock);
    for (int i = 0; i < SLOTS; i++)
        if (!live[i]) {
            live_folder[i] = folder;
            live_group[i] = 0;
            live[i] = path; /* last: the handler sees the slot complete */
            rc = 0;
            break;
        }
    pthread_mutex_unlock(&live_lock);
    return rc;
}

void fl_cleanup_set_group(const char *path, pid_t pgid)
{
    pthread_mutex_lock(&live_lock);
    for (int i = 0; i < SLOTS; i++)
        if (live[i] == path) live_group[i] = pgid;
    pthread_mutex_unlock(&live_lock);
}

void fl_cleanup_drop(const char *path)
{
    pthread_mutex_lock(&live_lock);
    for (int i = 0; i < SLOTS; i++)
        if (live[i] == path) {
            live[i] = NULL;
            live_group[i] = 0;
        }
    pthread_mutex_unlock(&live_lock);
}

/* ---- removing a folder, async-signal-safe ------------------------------------------ */

struct dirent64_raw {
    unsigned long long d_ino;
    long long d_off;
    unsigned short d_reclen;
    unsigned char d_type;
    char d_name[];
};

/* Empty the folder open as fd, depth levels at most below it (a work
 * folder is a few levels deep; a deeper one is left, not recursed into
 * without bound). Entries are removed while the folder is read, so it is
 * read again until a pass removes nothing. */
static void empty_dir(int fd, int depth)
{
    char buf[2048];
    for (int pass = 0; pass < 64; pass++) {
        bool removed = false;
        lseek(fd, 0, SEEK_SET);
        for (;;) {
            long n = syscall(SYS_getdents64, fd, buf, sizeof buf);
            if (n <= 0) break;
            for (long off = 0; off < n;) {
                struct dirent64_raw *e = (struct dirent64_raw *)(buf + off);
                off += e->d_reclen;
                const char *nm = e->d_name;
                if (!strcmp(nm, ".") || !strcmp(nm, "..")) continue;
                if (!unlinkat(fd, nm, 0)) { removed = true; continue; }
                if (errno != EISDIR && errno != EPERM) continue;
                if (depth <= 0) continue;
                int sub = openat(fd, nm, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
                if (sub < 0) continue;
                empty_dir(sub, depth - 1);
                close(sub);
                if (!unlinkat(fd, nm, AT_REMOVEDIR)) removed = true;
            }
        }
        if (!removed) break;
    }
}

int fl_remove_tree(const char *path)
{
    int fd = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) return -1;
    empty_dir(fd, 24);
    close(fd);
    return rmdir(path);
}
