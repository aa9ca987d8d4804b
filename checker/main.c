/* filinglint: the command line. Dispatches to the sub-commands in cmd/;
 * a first argument that is no command name means `check`, unless it is no
 * file either and looks like a mistyped command (`chek`). */
#include "cmd/cmd.h"
#include "core/editdist.h"
#include "input/xmlsafe.h"
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
    const char *summary;
} commands[] = {
    {"check", fl_cmd_check, "lint files; folders are walked for .docx .docm .xml .txt .md"},
    {"dump", fl_cmd_dump, "print the document model the rules see"},
    {"rules", fl_cmd_rules, "list rules: id, severity, doc types, summary"},
    {"explain", fl_cmd_explain, "what a rule checks, why (basis), examples"},
    {"test-rules", fl_cmd_test_rules, "run every rule's embedded examples"},
    {"index", fl_cmd_index, "add filings to a similarity corpus (EIA303)"},
    {"config", fl_cmd_config, "print the effective check settings (.filinglint.xml and options)"},
    {"data", fl_cmd_data, "list the data tables (standards, places, holidays): as-of date, source, entries"},
    {"help", NULL, "this list, or 'help COMMAND' for a command's options"},
};
#define NCOMMANDS (sizeof commands / sizeof commands[0])

int fl_cmd_usage_error(const char *fmt, ...)
{
    va_list ap;
    fputs("filinglint: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputs("\nTry 'filinglint --help'.\n", stderr);
    return 2;
}

int fl_cmd_unknown_option(char *const *argv, const struct option *opts)
{
    if (optopt) return fl_cmd_usage_error("unknown option -%c", optopt);
    const char *arg = argv[optind - 1];
    if (strncmp(arg, "--", 2)) return fl_cmd_usage_error("unknown option %s", arg);
    char word[80];
    snprintf(word, sizeof word, "%.*s", (int)strcspn(arg + 2, "="), arg + 2);
    /* getopt_long takes any unambiguous prefix: a prefix it refused is
     * ambiguous, and the options it begins are the answer */
    const char *names[64], *near[8];
    size_t n = 0, k = 0, len = strlen(word);
    for (size_t i = 0; opts[i].name && n < 64; i++) names[n++] = opts[i].name;
    for (size_t i = 0; len && i < n && k < 8; i++)
        if (!strncmp(names[i], word, len)) near[k++] = names[i];
    if (!k) k = fl_nearest(word, names, n, 2, near, 8);
    if (!k) return fl_cmd_usage_error("unknown option --%s", word);
    char list[400] = "";
    for (size_t i = 0, o = 0; i < k && o < sizeof list; i++)
        o += (size_t)snprintf(list + o, sizeof list - o, "%s--%s", i ? (i + 1 == k ? " or " : ", ") : "", near[i]);
    return fl_cmd_usage_error("%s option --%s; did you mean %s?", k > 1 && len ? "ambiguous" : "unknown", word, list);
}

static int help(void)
{
    printf("usage: filinglint [check] [OPTIONS] PATH...\n"
           "       filinglint COMMAND [OPTIONS] ...\n\ncommands:\n");
    for (size_t i = 0; i < NCOMMANDS; i++) printf("  %-11s %s\n", commands[i].name, commands[i].summary);
    printf("\n'filinglint help COMMAND' (or 'filinglint COMMAND --help') shows a command's options;\n"
           "'filinglint -V' the version; 'man filinglint' the whole manual.\n"
           "Exit status: 0 clean, 1 findings, 2 bad usage or unreadable input, 3 ruleset,\n"
           "internal or output error.\n");
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
    char list[200] = "";
    for (size_t i = 0, o = 0; i < k && o < sizeof list; i++)
        o += (size_t)snprintf(list + o, sizeof list - o, "%s'%s'", i ? " or " : "", near[i]);
    return fl_cmd_usage_error("unknown command '%s'; did you mean %s?", word, list);
}

/* `help [COMMAND]`: the command's own --help. */
static int help_command(int argc, char **argv)
{
    if (argc < 2) return help();
    if (argc > 2) return fl_cmd_usage_error("help takes one command name (got '%s' too)", argv[2]);
    int i = find_command(argv[1]);
    if (i >= 0 && commands[i].run) {
        char *args[] = {argv[1], "--help", NULL};
        return commands[i].run(2, args);
    }
    if (i >= 0) return help();
    const char *near[4];
    size_t k = near_commands(argv[1], near, 4);
    if (k) return unknown_command(argv[1], near, k);
    return fl_cmd_usage_error("unknown command '%s'", argv[1]);
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
    if (argc < 2) return fl_cmd_usage_error("no input files");
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
    fprintf(stderr, "filinglint: cannot write standard output: %s\n", strerror(errno ? errno : EIO));
    return 3;
}

int main(int argc, char **argv)
{
    fl_xml_init();
    fl_invocation_record(argc, argv);
    return close_stdout(dispatch(argc, argv));
}
