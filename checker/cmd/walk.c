/* Walking input folders (walk.h). Each folder's entries are sorted by name
 * before descending; every folder is entered once per run, found by its
 * (device, inode) in a hash set, so links back up and fans of links that
 * reach one folder many ways cost nothing. */
#include "cmd/walk.h"
#include "core/i18n.h"
#include "core/arena.h"
#include "input/readers.h"
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#define MAX_DEPTH 64

typedef struct visited {
    dev_t *dev;
    ino_t *ino;
    bool *used;
    size_t n, cap;
} visited;

static size_t slot_of(const visited *v, dev_t dev, ino_t ino)
{
    uint64_t h = ((uint64_t)ino * 0x9E3779B97F4A7C15ull) ^ ((uint64_t)dev * 0xC2B2AE3D27D4EB4Full);
    size_t i = (size_t)(h ^ (h >> 31)) & (v->cap - 1);
    while (v->used[i] && !(v->dev[i] == dev && v->ino[i] == ino)) i = (i + 1) & (v->cap - 1);
    return i;
}

/* Add (dev, ino); false when it was there already. */
static bool visit_once(visited *v, dev_t dev, ino_t ino)
{
    if (2 * (v->n + 1) > v->cap) {
        visited w = {NULL, NULL, NULL, 0, v->cap ? 2 * v->cap : 64};
        w.dev = fl_xcalloc(w.cap, sizeof *w.dev);
        w.ino = fl_xcalloc(w.cap, sizeof *w.ino);
        w.used = fl_xcalloc(w.cap, sizeof *w.used);
        for (size_t i = 0; i < v->cap; i++)
            if (v->used[i]) {
                size_t k = slot_of(&w, v->dev[i], v->ino[i]);
                w.used[k] = true, w.dev[k] = v->dev[i], w.ino[k] = v->ino[i];
                w.n++;
            }
        free(v->dev), free(v->ino), free(v->used);
        *v = w;
    }
    size_t k = slot_of(v, dev, ino);
    if (v->used[k]) return false;
    v->used[k] = true, v->dev[k] = dev, v->ino[k] = ino;
    v->n++;
    return true;
}

static bool hidden(const char *name) { return name[0] == '.' || !strncmp(name, "~$", 2); } /* ~$: Word lock files */

static bool lintable_name(const char *name)
{
    bool head;
    return fl_reader_walk_name(name, &head);
}

/* A folder holds other XML too (rulesets, exports): a file whose ending
 * only XML readers share counts if it declares one of their namespaces
 * early. */
static bool lintable(const char *path, const char *name)
{
    bool need_head;
    if (!fl_reader_walk_name(name, &need_head)) return false;
    if (!need_head) return true;
    char buf[8192];
    FILE *f = fopen(path, "rb"); /* a regular file: checked before */
    if (!f) return true;         /* let the reader report why it cannot be read */
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = '\0';
    return fl_reader_walk_head(buf);
}

static void count_skipped(fl_walk_stats *st, const char *path, const char *name)
{
    if (!st) return;
    fl_strlist_push(&st->skipped, path);
    const char *dot = strrchr(name, '.');
    char ext[16] = "";
    if (dot && dot != name && strlen(dot) < sizeof ext)
        for (size_t i = 0; dot[i]; i++) ext[i] = (char)(dot[i] >= 'A' && dot[i] <= 'Z' ? dot[i] + 32 : dot[i]);
    for (size_t i = 0; i < st->nby_ext; i++)
        if (!strcmp(st->by_ext[i].ext, ext)) {
            st->by_ext[i].count++;
            return;
        }
    FL_VEC_RESERVE(st->by_ext, st->cap_by_ext, st->nby_ext + 1);
    st->by_ext[st->nby_ext++] = (fl_walk_skip){fl_xstrdup(ext), 1};
}

static int cmp_name(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static void walk(fl_strlist *files, const char *dir, visited *seen, int depth, fl_walk_stats *st)
{
    DIR *d = depth < MAX_DEPTH ? opendir(dir) : NULL;
    if (!d) {
        fl_strlist_push(files, dir); /* reported as unreadable when loaded */
        return;
    }
    fl_strlist names = {0};
    struct dirent *e;
    while ((e = readdir(d)))
        if (!hidden(e->d_name)) fl_strlist_push(&names, e->d_name); /* also ".", ".." */
    closedir(d);
    if (names.n > 1) qsort(names.v, names.n, sizeof *names.v, cmp_name);
    for (size_t i = 0; i < names.n; i++) {
        size_t len = strlen(dir) + strlen(names.v[i]) + 2;
        char *full = fl_xmalloc(len);
        snprintf(full, len, "%s%s%s", dir, dir[strlen(dir) - 1] == '/' ? "" : "/", names.v[i]);
        struct stat sb;
        if (stat(full, &sb) != 0) {
            if (lintable_name(names.v[i])) fl_strlist_push(files, full); /* a dangling link: say why */
        } else if (S_ISDIR(sb.st_mode)) {
            if (visit_once(seen, sb.st_dev, sb.st_ino)) walk(files, full, seen, depth + 1, st);
        } else if (!S_ISREG(sb.st_mode)) {
            if (st) st->special++;
        } else if (lintable(full, names.v[i])) {
            fl_strlist_push(files, full);
        } else {
            count_skipped(st, full, names.v[i]);
        }
        free(full);
    }
    fl_strlist_free(&names);
}

void fl_walk_inputs(fl_strlist *files, char *const *inputs, size_t n, fl_walk_stats *stats)
{
    visited seen = {0};
    for (size_t i = 0; i < n; i++) {
        struct stat sb;
        if (stat(inputs[i], &sb) == 0 && S_ISDIR(sb.st_mode)) {
            size_t before = files->n;
            if (stats) stats->folders++;
            if (visit_once(&seen, sb.st_dev, sb.st_ino)) walk(files, inputs[i], &seen, 1, stats);
            else continue; /* the same folder given twice: the first one counts */
            if (stats && files->n == before) fl_strlist_push(&stats->empty, inputs[i]);
        } else {
            fl_strlist_push(files, inputs[i]); /* named files are read, or refused with a reason */
        }
    }
    free(seen.dev), free(seen.ino), free(seen.used);
}

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral" /* rows of core/i18n.def */
void fl_walk_skipped_summary(const fl_walk_stats *st, char *out, size_t cap)
{
    size_t o = 0, other = 0;
    const char *sep = fl_tr(FL_M_LIST_COMMA);
    out[0] = '\0';
    for (size_t i = 0; st && i < st->nby_ext; i++) {
        if (!st->by_ext[i].ext[0]) { other += st->by_ext[i].count; continue; }
        int w = snprintf(out + o, cap - o, "%s", o ? sep : "");
        if (w >= 0 && (size_t)w < cap - o) o += (size_t)w;
        w = snprintf(out + o, cap - o, fl_tr(FL_M_SKIP_EXT), st->by_ext[i].count, st->by_ext[i].ext);
        if (w < 0 || (size_t)w >= cap - o) return;
        o += (size_t)w;
    }
    if (other) {
        int w = snprintf(out + o, cap - o, "%s", o ? sep : "");
        if (w >= 0 && (size_t)w < cap - o) o += (size_t)w;
        w = snprintf(out + o, cap - o, fl_tr(FL_M_SKIP_NOEXT), other);
        if (w < 0 || (size_t)w >= cap - o) return;
        o += (size_t)w;
    }
    if (st && st->special) {
        int w = snprintf(out + o, cap - o, "%s", o ? sep : "");
        if (w >= 0 && (size_t)w < cap - o) o += (size_t)w;
        snprintf(out + o, cap - o, fl_tr(st->special == 1 ? FL_M_SKIP_SPECIAL_ONE : FL_M_SKIP_SPECIAL), st->special);
    }
}
#pragma GCC diagnostic pop

void fl_walk_stats_free(fl_walk_stats *st)
{
    if (!st) return;
    fl_strlist_free(&st->skipped);
    fl_strlist_free(&st->empty);
    for (size_t i = 0; i < st->nby_ext; i++) free(st->by_ext[i].ext);
    free(st->by_ext);
    memset(st, 0, sizeof *st);
}
