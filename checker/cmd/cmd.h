/* One function per sub-command; each parses its own options (getopt_long)
 * and returns the process exit status of docs/cli.md: 0 clean, 1 findings at
 * or above --fail-on, 2 bad usage or unreadable input, 3 ruleset, internal
 * or output error. */
#ifndef FL_CMD_H
#define FL_CMD_H
#include <stddef.h>
int fl_cmd_dump(int argc, char **argv);       /* cmd/dump.c */
int fl_cmd_check(int argc, char **argv);      /* cmd/check.c */
int fl_cmd_rules(int argc, char **argv);      /* cmd/rules.c */
int fl_cmd_explain(int argc, char **argv);    /* cmd/rules.c */
int fl_cmd_test_rules(int argc, char **argv); /* cmd/test_rules.c */
int fl_cmd_index(int argc, char **argv);      /* cmd/index.c */
int fl_cmd_config(int argc, char **argv);     /* cmd/config.c */
int fl_cmd_data(int argc, char **argv);       /* cmd/data.c */
int fl_cmd_serve(int argc, char **argv);      /* cmd/serve.c */
/* `check` with its options, reporting through rep instead of the
 * --format one when rep is not NULL (serve: several formats of one run).
 * shipped, when not NULL, holds the shipped rulesets loaded already (serve
 * loads them once at start, and each check's child uses its copy): the run
 * uses it when its options load the shipped rulesets and nothing else, and
 * loads what they name otherwise. */
struct fl_reporter;
struct fl_rules;
int fl_check_run(int argc, char **argv, const struct fl_reporter *rep, const struct fl_rules *shipped);
/* --lang zh|en: every command takes it (long option FL_OPT_LANG in its
 * getopt table); fl_cmd_lang_option sets the language, or says why not and
 * returns 2. Returns -1 to go on. main() has chosen the language from the
 * environment and any --lang before a command runs. */
#define FL_OPT_LANG 1000
/* cmd/cli.c: */
int fl_cmd_lang_option(const char *arg);
/* --ocr (check, dump, index): scanned PDF pages are read by OCR; a build
 * without it (FL_OCR=OFF) says so and returns 2. Returns -1 to go on. */
#define FL_OPT_OCR 1001
int fl_cmd_ocr_option(void);
/* Shared by the commands: print "filinglint: message" and return 2. */
int fl_cmd_usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* After getopt_long refused an option (argv[optind - 1], or optopt): the
 * usage error, with the options it may have meant ("unknown option
 * --fail-of; did you mean --fail-on?"). Returns 2. */
struct option;
int fl_cmd_unknown_option(char *const *argv, const struct option *opts);
/* "a, b or c" of the names, each in fmt ("--%s", "'%s'"), into out. */
void fl_cmd_or_list(char *out, size_t cap, const char *fmt, const char *const *names, size_t k);
/* cmd/rules.c: "; did you mean EIA100, EIA101…?" for a rule id that names
 * no rule of set (empty when none is near), into out. */
struct fl_rules;
void fl_cmd_near_rules(const struct fl_rules *set, const char *id, char *out, size_t cap);
#endif
