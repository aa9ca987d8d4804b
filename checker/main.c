/* filinglint: the command line. Dispatches to the sub-commands in cmd/;
 * a first argument that is no command name means `check`, unless it is no
 * file either and looks like a mistyped command (`chek`). */
#include "cmd/cmd.h"
#include "input/readers.h"
#include "core/buf.h"
#include "core/editdist.h"
#include "core/i18n.h"
#include "core/xmlsafe.h"
#include "report/report.h"
#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

static const struct {
    const char *name;
    int (*run)(int, char **);
    fl_msg summary;
} commands[] = {
    {"check", fl_cmd_check, FL_M_CMD_CHECK},
    {"dump", fl_cmd_dump, FL_M_CMD_DUMP},
    {"rules", fl_cmd_rules, FL_M_CMD_RULES},
    {"explain", fl_cmd_explain, FL_M_CMD_EXPLAIN},
    {"test-rules", fl_cmd_test_rules, FL_M_CMD_TEST_RULES},
    {"index", fl_cmd_index, FL_M_CMD_INDEX},
    {"config", fl_cmd_config, FL_M_CMD_CONFIG},
    {"data", fl_cmd_data, FL_M_CMD_DATA},
    {"serve", fl_cmd_serve, FL_M_CMD_SERVE},
    {"help", NULL, FL_M_CMD_HELP},
};
#define NCOMMANDS (sizeof commands / sizeof commands[0])

static int help(void)
{
    fputs(fl_tr(FL_M_HELP_HEAD), stdout);
    fl_buf exts = FL_BUF_INIT;
    fl_reader_extensions(&exts, " ");
    for (size_t i = 0; i < NCOMMANDS; i++) {
        printf("  %-11s ", commands[i].name);
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
#pragma GCC diagnostic ignored "-Wformat-extra-args"
        printf(fl_tr(commands[i].summary), exts.data); /* check's names the readers' endings */
#pragma GCC diagnostic pop
        putchar('\n');
    }
    fl_buf_free(&exts);
    fputs(fl_tr(FL_M_HELP_TAIL), stdout);
    return 0;
}

static int find_command(const char *name)
{
    for (size_t i = 0; i < NCOMMANDS; i++)
        if (!strcmp(name, commands[i].name)) return (int)i;
    return -1;
}

/* "chek" -> "check": the nearest command names, 0 when none is close. */
static size_t near_commands(const char *word, const char **near, size_t cap)
{
    const char *names[NCOMMANDS];
    for (size_t i = 0; i < NCOMMANDS; i++) names[i] = commands[i].name;
    return fl_nearest(word, names, NCOMMANDS, 2, near, cap);
}

static int unknown_command(const char *word, const char *const *near, size_t k)
{
    char list[200];
    fl_cmd_or_list(list, sizeof list, "'%s'", near, k);
    return fl_cmd_usage_error(fl_tr(FL_M_UNKNOWN_COMMAND_NEAR), word, list);
}

/* `help [COMMAND]`: the command's own --help. A --lang among the words
 * was taken by choose_language and is not a command name. */
static int help_command(int argc, char **argv)
{
    int n = 1;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--lang") && i + 1 < argc) {
            int rc = fl_cmd_lang_option(argv[++i]);
            if (rc >= 0) return rc;
        } else if (!strncmp(argv[i], "--lang=", 7)) {
            int rc = fl_cmd_lang_option(argv[i] + 7);
            if (rc >= 0) return rc;
        } else {
            argv[n++] = argv[i];
        }
    }
    argc = n;
    if (argc < 2) return help();
    if (argc > 2) return fl_cmd_usage_error(fl_tr(FL_M_HELP_ONE), argv[2]);
    int i = find_command(argv[1]);
    if (i >= 0 && commands[i].run) {
        char *args[] = {argv[1], "--help", NULL};
        return commands[i].run(2, args);
    }
    if (i >= 0) return help();
    const char *near[4];
    size_t k = near_commands(argv[1], near, 4);
    if (k) return unknown_command(argv[1], near, k);
    return fl_cmd_usage_error(fl_tr(FL_M_UNKNOWN_COMMAND), argv[1]);
}

/* A first argument that is neither a command nor an existing path, has
 * no folder or extension in it, and is one or two edits from a command is
 * a typo, not a missing filing: `chek x.docx` says so instead of
 * "chek: cannot read". */
static int typo_of_command(const char *arg)
{
    struct stat st;
    if (arg[0] == '-' || strchr(arg, '/') || strchr(arg, '.') || stat(arg, &st) == 0) return -1;
    const char *near[4];
    size_t k = near_commands(arg, near, 4);
    return k ? unknown_command(arg, near, k) : -1;
}

static int dispatch(int argc, char **argv)
{
    /* "filinglint --lang zh help": a leading --lang is the run's, then the
     * command (choose_language has taken its value) */
    while (argc > 1 && (!strcmp(argv[1], "--lang") || !strncmp(argv[1], "--lang=", 7))) {
        bool joined = argv[1][6] == '=';
        if (!joined && argc < 3) return fl_cmd_usage_error(fl_tr(FL_M_NEEDS_VALUE), argv[1]);
        int rc = fl_cmd_lang_option(joined ? argv[1] + 7 : argv[2]);
        if (rc >= 0) return rc;
        int drop = joined ? 1 : 2;
        argv[drop] = argv[0];
        argv += drop;
        argc -= drop;
    }
    if (argc < 2) return fl_cmd_usage_error("%s", fl_tr(FL_M_NO_INPUT));
    const char *first = argv[1];
    if (!strcmp(first, "--help") || !strcmp(first, "-h")) return help();
    if (!strcmp(first, "--version") || !strcmp(first, "-V")) {
        printf("filinglint %s\n", FL_VERSION);
        return 0;
    }
    if (!strcmp(first, "help")) return help_command(argc - 1, argv + 1);
    int i = find_command(first);
    if (i >= 0) return commands[i].run(argc - 1, argv + 1);
    int rc = typo_of_command(first);
    if (rc >= 0) return rc;
    return fl_cmd_check(argc, argv); /* argv[0] stands in for the command name */
}

/* A command that printed to a full disk or a closed pipe must not exit 0
 * with half its output: say so in one line, exit 3 (check's report has its
 * own stream and says it there). */
static int close_stdout(int rc)
{
    if (rc == 3) return rc; /* failed already, and said why (dump checks its own output) */
    errno = 0;
    if (fflush(stdout) == 0 && !ferror(stdout)) return rc;
    fprintf(stderr, fl_tr(FL_M_CANNOT_WRITE_STDOUT), fl_tr_strerror(errno ? errno : EIO));
    fputc('\n', stderr);
    return 3;
}

/* The language, before anything is said: the environment's, then a
 * --lang anywhere before "--" (each command takes the option too and
 * refuses a bad value in its own words; this only makes the messages of
 * the options parsed before it, and main's own, speak the same language). */
static void choose_language(int argc, char **argv)
{
    fl_lang lang;
    fl_lang_set(fl_lang_from_env(NULL), FL_LANG_ENV);
    for (int i = 1; i < argc && strcmp(argv[i], "--"); i++) {
        const char *v = !strcmp(argv[i], "--lang") && i + 1 < argc ? argv[i + 1]
                        : !strncmp(argv[i], "--lang=", 7)         ? argv[i] + 7
                                                                  : NULL;
        if (v && !fl_lang_parse(v, &lang)) fl_lang_set(lang, FL_LANG_CLI);
    }
}

int main(int argc, char **argv)
{
    fl_xml_init();
    choose_language(argc, argv);
    fl_invocation_record(argc, argv);
    return close_stdout(dispatch(argc, argv));
}
