/* The configuration file `.filinglint.xml`, found in the working folder or
 * the nearest parent that has one. It gives the settings of `check`;
 * options on the command line win (cmd/check.c merges them, `filinglint
 * config` prints the result):
 *
 *   <filinglint>
 *     <default-rulesets>true</default-rulesets>   shipped rulesets on/off
 *     <ruleset>rules/local.xml</ruleset>          repeatable; relative to this file's folder
 *     <select>EIA,DOC</select>                    repeatable, comma lists
 *     <ignore>DOC004</ignore>
 *     <fail-on>warning</fail-on>                  error | warning | info | never
 *     <format>text</format>
 *     <jobs>4</jobs>
 *     <doc-type>eia-book</doc-type>
 *     <as-of>2024-06-01</as-of>
 *     <baseline>filinglint-baseline.json</baseline>
 *     <corpus>filings.db</corpus>                  similarity database (check --corpus)
 *     <lang>zh</lang>                              zh | en: the language of check's messages and
 *                                                  reports (over LC_ALL/LC_MESSAGES/LANG, under --lang)
 *     <override path="公示牌/">                    files matching path get these settings
 *       <select>SOIL</select>
 *       <ignore>SOIL302</ignore>
 *       <doc-type>soil-sign</doc-type>
 *     </override>
 *   </filinglint>
 *
 * An override's path is a shell pattern (fnmatch: * ? [...], '*' also
 * crossing '/') against the file's path relative to the config file's
 * folder; a pattern without '/' is matched against the file name alone, and
 * one ending in '/' takes everything below that folder. Several matching
 * overrides apply in file order: a later select or doc-type replaces an
 * earlier one, ignores add up.
 *
 * Ownership: an fl_config owns all its strings (fl_config_free). */
#ifndef FL_CONFIGFILE_H
#define FL_CONFIGFILE_H
#include <stdbool.h>
#include <stddef.h>
#include "cmd/strlist.h"
#include "core/error.h"

#define FL_CONFIG_NAME ".filinglint.xml"

typedef struct fl_config_override {
    char *pattern;
    fl_strlist select, ignore;
    char *doc_type; /* NULL when not set */
    int line;       /* in the config file */
} fl_config_override;

typedef struct fl_config {
    char *path;              /* the file read, NULL when there is none */
    char *dir;               /* its folder (absolute) */
    int default_rulesets;    /* -1 not set, 0 off, 1 on */
    fl_strlist rulesets;     /* resolved against dir */
    fl_strlist select, ignore;
    char *fail_on, *format, *doc_type, *as_of, *baseline, *corpus; /* NULL when not set; paths resolved */
    char *lang;              /* "zh" or "en", NULL when not set */
    int jobs;                /* 0 when not set */
    fl_config_override *overrides; size_t noverrides, cap_overrides;
} fl_config;

/* The nearest .filinglint.xml from the working folder upwards; writes its
 * absolute path into buf and returns buf, or NULL when there is none. */
const char *fl_config_find(char *buf, size_t cap);
/* Read and check a config file (unknown elements and bad values are errors
 * with the file and line). c is cleared first. */
int fl_config_load(fl_config *c, const char *path, fl_error *err);
void fl_config_free(fl_config *c);
/* Does this override apply to the file at path (as given, relative to the
 * working folder or absolute)? */
bool fl_config_override_matches(const fl_config *c, const fl_config_override *o, const char *path);
#endif
