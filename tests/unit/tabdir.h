/* Shared setup of the data-table loader tests: a private temporary folder
 * laid out like rulesets/ (data/ beside schema/, the real schemas copied in),
 * because the loaders find a table's schema relative to the table itself.
 * Broken tables are written into data/ and loaded; tabdir_expect_error()
 * asserts the one error every loader must give for them: FL_E_RULESET naming
 * the file, the line when known, and a message holding a telling word.
 *
 * Include after <cmocka.h>. One folder per test program (static state). */
#ifndef TABDIR_H
#define TABDIR_H
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "core/error.h"

static char tabdir[256];

/* Makes $TMPDIR/fl-<tag>-XXXXXX/{data,schema} and copies the named schemas
 * (NULL-terminated, names under rulesets/schema/) into schema/. Returns 0, or
 * -1 so a cmocka group setup fails. */
static int tabdir_setup(const char *tag, const char *const *schemas)
{
    const char *base = getenv("TMPDIR");
    snprintf(tabdir, sizeof tabdir, "%s/fl-%s-XXXXXX", base && *base ? base : "/tmp", tag);
    if (!mkdtemp(tabdir)) return -1;
    char p[512];
    snprintf(p, sizeof p, "%s/data", tabdir);
    if (mkdir(p, 0700)) return -1;
    snprintf(p, sizeof p, "%s/schema", tabdir);
    if (mkdir(p, 0700)) return -1;
    for (size_t i = 0; schemas[i]; i++) {
        char from[512];
        snprintf(from, sizeof from, "%s/schema/%s", FL_SOURCE_RULESETS, schemas[i]);
        snprintf(p, sizeof p, "%s/schema/%s", tabdir, schemas[i]);
        FILE *in = fopen(from, "rb"), *out = fopen(p, "wb");
        int ok = in && out;
        char buf[4096];
        size_t n;
        while (ok && (n = fread(buf, 1, sizeof buf, in)) > 0) ok = fwrite(buf, 1, n, out) == n;
        if (in) fclose(in);
        if (out && fclose(out)) ok = 0;
        if (!ok) return -1;
    }
    return 0;
}

/* Removes every file the tests wrote, both sub-folders and the folder. */
static void tabdir_rm_files(const char *sub)
{
    char p[512];
    snprintf(p, sizeof p, "%s/%s", tabdir, sub);
    DIR *d = opendir(p);
    if (!d) return;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")) continue;
        char f[800];
        snprintf(f, sizeof f, "%s/%s", p, e->d_name);
        unlink(f);
    }
    closedir(d);
    rmdir(p);
}

static int tabdir_teardown(void **state)
{
    (void)state;
    if (!tabdir[0]) return 0;
    tabdir_rm_files("data");
    tabdir_rm_files("schema");
    rmdir(tabdir);
    return 0;
}

/* Writes text as data/<name>; returns its path (static: valid until the next call). */
static const char *tabdir_write(const char *name, const char *text)
{
    static char p[512];
    snprintf(p, sizeof p, "%s/data/%s", tabdir, name);
    FILE *f = fopen(p, "wb");
    assert_non_null(f);
    fputs(text, f);
    assert_int_equal(fclose(f), 0);
    return p;
}

/* rc and err are what a loader returned for path; line < 0 when the error
 * cannot name a line (malformed XML, a missing file). */
static void tabdir_expect_error(int rc, const fl_error *err, const char *path, int line, const char *needle)
{
    assert_int_equal(rc, -1);
    assert_int_equal(err->code, FL_E_RULESET);
    assert_string_equal(err->file, path);
    if (line >= 0) assert_int_equal(err->line, line);
    if (!strstr(err->message, needle)) fprintf(stderr, "message: %s\n", err->message);
    assert_non_null(strstr(err->message, needle));
}
#endif
