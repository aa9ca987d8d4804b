/* filinglint: the command line. Dispatches to the sub-commands in cmd/;
 * a first argument that is no command name means `check`. */
#include "cmd/cmd.h"
#include "input/xmlsafe.h"
#include "report/report.h"
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

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
};

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

static int help(void)
{
    printf("usage: filinglint [check] [OPTIONS] PATH...\n"
           "       filinglint COMMAND [OPTIONS] ...\n\ncommands:\n");
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        printf("  %-11s %s\n", commands[i].name, commands[i].summary);
    printf("\n'filinglint COMMAND --help' shows a command's options.\n"
           "Exit status: 0 clean, 1 findings, 2 bad usage or unreadable input, 3 ruleset or internal error.\n");
    return 0;
}

int main(int argc, char **argv)
{
    fl_xml_init();
    fl_invocation_record(argc, argv);
    if (argc >= 2 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"))) return help();
    if (argc >= 2 && !strcmp(argv[1], "--version")) {
        printf("filinglint %s\n", FL_VERSION);
        return 0;
    }
    if (argc >= 2)
        for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
            if (!strcmp(argv[1], commands[i].name)) return commands[i].run(argc - 1, argv + 1);
    if (argc < 2) return fl_cmd_usage_error("no input files");
    return fl_cmd_check(argc, argv); /* argv[0] stands in for the command name */
}
