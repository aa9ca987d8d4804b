/* One function per sub-command; each parses its own options (getopt_long)
 * and returns the process exit status of cli.md: 0 clean, 1 findings at or
 * above --fail-on, 2 bad usage or unreadable input, 3 ruleset/internal error. */
#ifndef FL_CMD_H
#define FL_CMD_H
int fl_cmd_dump(int argc, char **argv);       /* cmd/dump.c */
int fl_cmd_check(int argc, char **argv);      /* cmd/check.c */
int fl_cmd_rules(int argc, char **argv);      /* cmd/rules.c */
int fl_cmd_explain(int argc, char **argv);    /* cmd/rules.c */
int fl_cmd_test_rules(int argc, char **argv); /* cmd/test_rules.c */
int fl_cmd_index(int argc, char **argv);      /* cmd/index.c */
int fl_cmd_config(int argc, char **argv);     /* cmd/config.c */
int fl_cmd_data(int argc, char **argv);       /* cmd/data.c */
/* Shared by the commands: print "filinglint: message" and return 2. */
int fl_cmd_usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
#endif
