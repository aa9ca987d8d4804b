/* The settings of a `check` run: the command line merged over the
 * configuration file (.filinglint.xml, configfile.h) over the defaults,
 * made by cmd/check_settings.c. cmd/check.c runs with them; cmd/config.c
 * (`filinglint config`) prints them with where each came from.
 *
 * Merging: an option given on the command line replaces the file's value;
 * a command-line --select or --ignore replaces every select or ignore of
 * the file, per-path overrides included; --ruleset adds to the file's
 * rulesets; a command-line --doc-type also wins over the overrides'.
 *
 * Ownership: the settings own their lists and the config; strings point
 * into argv, the config or the lists, and live until fl_check_settings_free. */
#ifndef FL_CHECK_SETTINGS_H
#define FL_CHECK_SETTINGS_H
#include <stdbool.h>
#include "cmd/configfile.h"
#include "cmd/strlist.h"
#include "core/date.h"

typedef enum fl_source { FL_SRC_DEFAULT, FL_SRC_CONFIG, FL_SRC_CLI } fl_source;
extern const char *const fl_source_names[]; /* "default", "config", "command line" */
const char *fl_source_label(fl_source src); /* the same, in the language in force */

typedef struct fl_check_settings {
    fl_config config;          /* config.path == NULL: no file was read */
    const char *format; fl_source format_src;
    const char *output;        /* -o, NULL = stdout */
    bool default_rulesets; fl_source default_rulesets_src;
    fl_strlist rulesets;       /* the file's, then the command line's */
    size_t config_rulesets;    /* how many of them the file gave */
    fl_strlist select, ignore; /* effective global lists */
    fl_source select_src, ignore_src;
    bool overrides_active;     /* per-path overrides apply (no --select/--ignore given) */
    int fail_on; fl_source fail_on_src;   /* fl_severity, 3 = never */
    int jobs; fl_source jobs_src;
    const char *doc_type; fl_source doc_type_src;
    bool has_as_of; fl_date as_of; const char *as_of_text; fl_source as_of_src;
    const char *baseline; fl_source baseline_src;
    const char *write_baseline, *annotate;
    const char *corpus; fl_source corpus_src; /* --corpus DB (EIA303), NULL = none */
    const char *color;
    bool quiet, progress;
    bool verbose;              /* -v: a line per file with its type and judging date (text) */
    fl_strlist inputs;
} fl_check_settings;

/* Parse check's options (argv[0] is the command name) and merge the config
 * file. Returns -1 to go on, or an exit status (usage errors print their
 * message; --help prints usage and returns 0). need_inputs: "no input
 * files" is an error. */
int fl_check_settings_parse(fl_check_settings *s, int argc, char **argv, bool need_inputs);
void fl_check_settings_free(fl_check_settings *s);
/* The select / ignore lists and doc type for one file, with the per-path
 * overrides that match it. The lists borrow the settings' strings. */
typedef struct fl_file_selection {
    char **select; size_t nselect, cap_select;
    char **ignore; size_t nignore, cap_ignore;
    const char *doc_type;
    bool overridden;           /* some override matched */
} fl_file_selection;
void fl_check_file_selection(const fl_check_settings *s, const char *path, fl_file_selection *out);
void fl_file_selection_free(fl_file_selection *sel);
#endif
