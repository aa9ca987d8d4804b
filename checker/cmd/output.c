/* What `check` must not write over (output.h): the files a run reads, and
 * existing files no output of check could have written. */
#define _XOPEN_SOURCE 700 /* realpath */
#include "cmd/output.h"
#include "core/i18n.h"
#include "core/arena.h"
#include "core/tame.h"
#include "input/input.h"
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

/* ---- what is at the target -------------------------------------------------------- */

/* The first bytes of an existing regular file (not a FIFO: opening one
 * would wait for a writer), 0 when there is none. */
static size_t head_of(const char *path, unsigned char *buf, size_t cap)
{
    struct stat st;
    if (stat(path, &st) != 0 || !S_ISREG(st.st_mode)) return 0;
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) return 0;
    ssize_t n;
    do n = read(fd, buf, cap - 1);
    while (n < 0 && errno == EINTR);
    close(fd);
    if (n < 0) n = 0;
    buf[n] = 0;
    return (size_t)n;
}

const char *fl_output_document_kind(const char *path)
{
    static unsigned char buf[65536]; /* main thread only, before the run */
    size_t n = head_of(path, buf, sizeof buf);
    if (n >= 4 && !memcmp(buf, "PK\x03\x04", 4)) {
        const char *what = fl_input_sniff(buf, n);
        return what ? what : "a Word document (DOCX) or another ZIP package";
    }
    if (n >= 8 && !memcmp(buf, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8)) return "an OLE file (a .doc, .wps or .xls)";
    if (strstr((char *)buf, "schemas.microsoft.com/office/2006/xmlPackage") ||
        strstr((char *)buf, "schemas.microsoft.com/office/word/2003/wordml"))
        return "a Word XML document";
    return n ? fl_input_sniff(buf, n) : NULL;
}

bool fl_output_not_json(const char *path)
{
    unsigned char buf[256];
    size_t n = head_of(path, buf, sizeof buf), i = 0;
    if (n >= 3 && !memcmp(buf, "\xEF\xBB\xBF", 3)) i = 3;
    while (i < n && (buf[i] == ' ' || buf[i] == '\t' || buf[i] == '\n' || buf[i] == '\r')) i++;
    return i < n && buf[i] != '{';
}

/* ---- the files a run reads ------------------------------------------------------- */

typedef struct fl_read_id { dev_t dev; ino_t ino; const char *role; } fl_read_id;
typedef struct fl_read_path { char *path; const char *role; } fl_read_path;

/* A path that does not exist, made comparable: its folder resolved. */
static char *resolve_missing(const char *path)
{
    char dir[PATH_MAX], real[PATH_MAX];
    const char *slash = strrchr(path, '/');
    const char *base = slash ? slash + 1 : path;
    if (!slash) snprintf(dir, sizeof dir, ".");
    else if (slash == path) snprintf(dir, sizeof dir, "/");
    else snprintf(dir, sizeof dir, "%.*s", (int)(slash - path), path);
    if (!realpath(dir, real)) return fl_xstrdup(path);
    size_t len = strlen(real) + strlen(base) + 2;
    char *out = fl_xmalloc(len);
    snprintf(out, len, "%s%s%s", real, strcmp(real, "/") ? "/" : "", base);
    return out;
}

void fl_readset_add(fl_readset *r, const char *path, const char *role)
{
    struct stat st;
    if (stat(path, &st) == 0) {
        FL_VEC_RESERVE(r->ids, r->cap_ids, r->nids + 1);
        r->ids[r->nids++] = (fl_read_id){st.st_dev, st.st_ino, role};
        r->sorted = false;
        return;
    }
    char *real = fl_sink_real_target(path);
    FL_VEC_RESERVE(r->paths, r->cap_paths, r->npaths + 1);
    r->paths[r->npaths++] = (fl_read_path){resolve_missing(real ? real : path), role};
    free(real);
}

static int cmp_id(const void *a, const void *b)
{
    const fl_read_id *x = a, *y = b;
    if (x->dev != y->dev) return x->dev < y->dev ? -1 : 1;
    return x->ino < y->ino ? -1 : x->ino > y->ino;
}

const char *fl_readset_find(fl_readset *r, const char *path)
{
    struct stat st;
    if (stat(path, &st) == 0) {
        if (!r->sorted && r->nids > 1) qsort(r->ids, r->nids, sizeof *r->ids, cmp_id);
        r->sorted = true;
        fl_read_id key = {st.st_dev, st.st_ino, NULL};
        const fl_read_id *hit = r->nids ? bsearch(&key, r->ids, r->nids, sizeof *r->ids, cmp_id) : NULL;
        return hit ? hit->role : NULL;
    }
    if (!r->npaths) return NULL;
    char *real = fl_sink_real_target(path);
    char *key = resolve_missing(real ? real : path);
    const char *role = NULL;
    for (size_t i = 0; i < r->npaths && !role; i++)
        if (!strcmp(r->paths[i].path, key)) role = r->paths[i].role;
    free(key);
    free(real);
    return role;
}

void fl_readset_free(fl_readset *r)
{
    for (size_t i = 0; i < r->npaths; i++) free(r->paths[i].path);
    free(r->paths);
    free(r->ids);
    memset(r, 0, sizeof *r);
}
