/* Finding the shipped rulesets without configuration. A binary run from its
 * CMake build folder uses the source tree it was built from (so an edit to
 * a ruleset in rulesets/ is seen without installing); an installed binary uses
 * <prefix>/share/filinglint/rulesets next to its bin/ folder, so the install
 * tree can be moved. FILINGLINT_RULESETS, when set, is the only place looked. */
#include "rules/ruleset.h"
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef FL_SOURCE_RULESETS
#define FL_SOURCE_RULESETS ""
#endif
#ifndef FL_INSTALL_RULESETS
#define FL_INSTALL_RULESETS ""
#endif

static bool is_dir(const char *p)
{
    struct stat st;
    return p && *p && stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

static bool is_file(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISREG(st.st_mode);
}

/* Folder of the running executable, "" if unknown. */
static void exe_dir(char *buf, size_t cap)
{
    buf[0] = '\0';
    char path[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", path, sizeof path - 1);
    if (n <= 0) return;
    path[n] = '\0';
    char *slash = strrchr(path, '/');
    if (!slash) return;
    *slash = '\0';
    snprintf(buf, cap, "%s", path);
}

/* Candidate folders in priority order; returns how many were written. */
static size_t candidates(char out[][PATH_MAX], size_t max)
{
    size_t n = 0;
    const char *env = getenv("FILINGLINT_RULESETS");
    if (env && *env) { /* an explicit choice: never silently another folder */
        snprintf(out[n++], PATH_MAX, "%s", env);
        return n;
    }
    char dir[PATH_MAX], probe[PATH_MAX + 32];
    exe_dir(dir, sizeof dir);
    if (dir[0]) {
        snprintf(probe, sizeof probe, "%s/CMakeCache.txt", dir);
        if (is_file(probe) && n < max) snprintf(out[n++], PATH_MAX, "%s", FL_SOURCE_RULESETS);
        if (n < max) snprintf(out[n++], PATH_MAX, "%s/../share/filinglint/rulesets", dir);
    }
    if (n < max) snprintf(out[n++], PATH_MAX, "%s", FL_INSTALL_RULESETS);
    if (n < max) snprintf(out[n++], PATH_MAX, "%s", FL_SOURCE_RULESETS);
    return n;
}

const char *fl_rulesets_dir(char *buf, size_t cap)
{
    char c[5][PATH_MAX];
    size_t n = candidates(c, 5);
    for (size_t i = 0; i < n; i++)
        if (is_dir(c[i])) {
            snprintf(buf, cap, "%s", c[i]);
            return buf;
        }
    return NULL;
}

/* The first candidate folder holding rel (e.g. "schema/ruleset.rng"). */
const char *fl_rulesets_file(const char *rel, char *buf, size_t cap)
{
    char c[5][PATH_MAX];
    size_t n = candidates(c, 5);
    for (size_t i = 0; i < n; i++) {
        if (!c[i][0]) continue;
        snprintf(buf, cap, "%s/%s", c[i], rel);
        if (is_file(buf)) return buf;
    }
    return NULL;
}
