/* Walking input folders (walk.h). Each folder's entries are sorted by name
 * before descending, and a folder already on the current path (a symbolic
 * link back up) is not entered again. */
#include "cmd/walk.h"
#include <dirent.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#define MAX_DEPTH 64

typedef struct visit { dev_t dev; ino_t ino; } visit;

static bool has_ext(const char *name, const char *ext)
{
    size_t n = strlen(name), m = strlen(ext);
    return n > m && !strcasecmp(name + n - m, ext);
}

static bool lintable_name(const char *name)
{
    static const char *const exts[] = {".docx", ".docm", ".xml", ".txt", ".md"};
    if (name[0] == '.' || !strncmp(name, "~$", 2)) return false; /* hidden, Word lock files */
    for (size_t i = 0; i < sizeof exts / sizeof *exts; i++)
        if (has_ext(name, exts[i])) return true;
    return false;
}

/* A folder holds other XML too (rulesets, exports): when walking, an .xml
 * file counts only if it declares a Flat OPC or Word 2003 namespace early. */
static bool word_xml(const char *path)
{
    static const char *const marks[] = {"schemas.microsoft.com/office/2006/xmlPackage",
                                        "schemas.microsoft.com/office/word/2003/wordml"};
    char buf[8192];
    FILE *f = fopen(path, "rb");
    if (!f) return true; /* let the reader report why it cannot be read */
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = '\0';
    for (size_t i = 0; i < sizeof marks / sizeof *marks; i++)
        if (strstr(buf, marks[i])) return true;
    return false;
}

static int cmp_name(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static bool on_path(const visit *path, int depth, const struct stat *st)
{
    for (int i = 0; i < depth; i++)
        if (path[i].dev == st->st_dev && path[i].ino == st->st_ino) return true;
    return false;
}

static void walk(fl_strlist *files, const char *dir, visit *path, int depth)
{
    DIR *d = depth < MAX_DEPTH ? opendir(dir) : NULL;
    if (!d) {
        fl_strlist_push(files, dir); /* reported as unreadable when loaded */
        return;
    }
    fl_strlist names = {0};
    struct dirent *e;
    while ((e = readdir(d)))
        if (e->d_name[0] != '.') fl_strlist_push(&names, e->d_name); /* also ".", ".." */
    closedir(d);
    if (names.n > 1) qsort(names.v, names.n, sizeof *names.v, cmp_name);
    for (size_t i = 0; i < names.n; i++) {
        size_t len = strlen(dir) + strlen(names.v[i]) + 2;
        char *full = fl_xmalloc(len);
        snprintf(full, len, "%s%s%s", dir, dir[strlen(dir) - 1] == '/' ? "" : "/", names.v[i]);
        struct stat st;
        if (stat(full, &st) == 0 && S_ISDIR(st.st_mode)) {
            if (!on_path(path, depth, &st)) {
                path[depth] = (visit){st.st_dev, st.st_ino};
                walk(files, full, path, depth + 1);
            }
        } else if (lintable_name(names.v[i]) && (!has_ext(names.v[i], ".xml") || word_xml(full))) {
            fl_strlist_push(files, full);
        }
        free(full);
    }
    fl_strlist_free(&names);
}

void fl_walk_inputs(fl_strlist *files, char *const *inputs, size_t n)
{
    visit path[MAX_DEPTH + 1];
    for (size_t i = 0; i < n; i++) {
        struct stat st;
        if (stat(inputs[i], &st) == 0 && S_ISDIR(st.st_mode)) {
            path[0] = (visit){st.st_dev, st.st_ino};
            walk(files, inputs[i], path, 1);
        } else {
            fl_strlist_push(files, inputs[i]);
        }
    }
}
