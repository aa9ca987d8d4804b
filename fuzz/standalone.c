/* A main() for fuzz targets built without libFuzzer (GCC, or clang without
 * -DFL_FUZZ=ON), as libgit2's standalone_driver.c: it runs the target once on
 * every file named on the command line or found in a named directory, so the
 * seed corpora and the crash reproducers run as ordinary ctest tests. A crash,
 * a sanitizer report or an abort in the target fails the test; so does a
 * missing path or an empty run, so that a corpus that moved cannot turn the
 * test into a no-op. Dot files (.gitkeep) are skipped. */
#include "fuzz.h"
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static int run_file(const char *path, size_t *bytes)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "%s: %s\n", path, strerror(errno));
        return -1;
    }
    int rc = -1;
    struct stat st;
    uint8_t *data = NULL;
    if (fstat(fileno(f), &st) != 0) goto cleanup;
    size_t len = (size_t)st.st_size;
    /* Exactly len bytes (one for an empty file, never passed as data), so
     * ASan sees any read past the end of the input. */
    data = malloc(len ? len : 1);
    if (!data || fread(data, 1, len, f) != len) {
        fprintf(stderr, "%s: read failed\n", path);
        goto cleanup;
    }
    /* Named first: when the target dies, the last line names the input. */
    fprintf(stderr, "running %s (%zu bytes)\n", path, len);
    LLVMFuzzerTestOneInput(data, len);
    *bytes += len;
    rc = 0;
cleanup:
    free(data);
    fclose(f);
    return rc;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Files of one directory in name order, so a failing run names the same
 * input first every time. */
static int run_dir(const char *dir, size_t *files, size_t *bytes)
{
    DIR *d = opendir(dir);
    if (!d) {
        fprintf(stderr, "%s: %s\n", dir, strerror(errno));
        return -1;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    int rc = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.') continue;
        if (n == cap) {
            cap = cap ? 2 * cap : 64;
            char **grown = realloc(names, cap * sizeof *names);
            if (!grown) abort();
            names = grown;
        }
        size_t len = strlen(dir) + strlen(e->d_name) + 2;
        names[n] = malloc(len);
        if (!names[n]) abort();
        snprintf(names[n++], len, "%s/%s", dir, e->d_name);
    }
    closedir(d);
    if (n) qsort(names, n, sizeof *names, by_name);
    for (size_t i = 0; i < n; i++) {
        struct stat st;
        if (stat(names[i], &st) == 0 && S_ISREG(st.st_mode)) {
            if (run_file(names[i], bytes)) rc = -1;
            else (*files)++;
        }
        free(names[i]);
    }
    free(names);
    return rc;
}

int main(int argc, char **argv)
{
    size_t files = 0, bytes = 0;
    int rc = 0;
    if (argc < 2) {
        fprintf(stderr, "usage: %s FILE_OR_DIR...\n", argv[0]);
        return 2;
    }
    LLVMFuzzerInitialize(&argc, &argv);
    for (int i = 1; i < argc; i++) {
        struct stat st;
        if (stat(argv[i], &st) != 0) {
            fprintf(stderr, "%s: %s\n", argv[i], strerror(errno));
            rc = 1;
        } else if (S_ISDIR(st.st_mode)) {
            if (run_dir(argv[i], &files, &bytes)) rc = 1;
        } else if (run_file(argv[i], &bytes)) {
            rc = 1;
        } else {
            files++;
        }
    }
    printf("%s: %zu inputs, %zu bytes\n", argv[0], files, bytes);
    if (files == 0) {
        fprintf(stderr, "no inputs ran\n");
        rc = 1;
    }
    return rc;
}
