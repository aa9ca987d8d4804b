/* Output formats. Every format reads the same per-file results (the finding
 * list of rules/finding.h, or the error that stopped a file from being read)
 * through one small interface, called in input order: open, one call per
 * file, close with the run's summary. Adding a format is one file here and
 * one row in reporters.c's table.
 *
 * Ownership: a reporter does not keep the fl_file_report it is handed beyond
 * the call unless it copies what it needs (the JSON reporter copies into its
 * jansson tree); the caller frees results and documents after each call. */
#ifndef FL_REPORT_H
#define FL_REPORT_H
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <time.h>
#include "core/buf.h"
#include "core/date.h"
#include "core/error.h"
#include "rules/finding.h"
#include "rules/ruleset.h"
#include "doc/doc.h"

typedef struct fl_file_report {
    const char *path;
    const fl_result *result; /* NULL when the file could not be read */
    const fl_error *error;   /* why it could not be read, else NULL */
    const fl_doc *doc;       /* the document the findings point into, NULL when unread */
} fl_file_report;

typedef struct fl_summary {
    size_t files;            /* inputs attempted */
    size_t failed_files;     /* inputs that could not be read */
    size_t by_severity[3];   /* findings, indexed by fl_severity */
    size_t tool_errors;      /* rules skipped on a file (pattern limits) */
    size_t failed_copies;    /* of failed_files: read and checked, but the
                                --annotate copy could not be written */
    size_t skipped;          /* files in walked folders that are no filings */
    const char *skipped_summary; /* "3 .pdf, 1 .doc" (walk.h), NULL or "" when none */
} fl_summary;

/* The process being reported on, for the formats that keep a record of the
 * run (SARIF's invocation, the HTML report's head). main() records it once,
 * before any command runs; it is read-only afterwards. */
typedef struct fl_invocation {
    int argc;
    char *const *argv;       /* as main() got them, argv[0] the program */
    time_t start;            /* SOURCE_DATE_EPOCH when set: a report can be reproduced */
} fl_invocation;
void fl_invocation_record(int argc, char **argv);
/* Never NULL: an empty command line when nothing was recorded (unit tests). */
const fl_invocation *fl_invocation_get(void);
/* Now, or SOURCE_DATE_EPOCH when set. */
time_t fl_invocation_now(void);
/* The command line as one line a POSIX shell reads back: argv[0] by its base
 * name (the build folder of the machine that ran it says nothing), every
 * argument with shell metacharacters in single quotes. Appended to b. */
void fl_invocation_command_line(fl_buf *b);
/* "2026-01-01T00:00:00Z" (UTC), into out. */
const char *fl_utc_iso(time_t t, char out[21]);

typedef struct fl_report_opts {
    FILE *out;
    bool color;              /* ANSI colours (text) */
    bool quiet;              /* no summary line (text) */
    bool verbose;            /* a line per file: its type and judging date (text) */
    const fl_rules *rules;   /* the rules that ran (SARIF's rule list) */
    const unsigned char *enabled; /* per rule index: selected (--select/--ignore), NULL = all */
    /* The run's --as-of (or the config file's <as-of>), which every file
     * readable was judged at; as_of_origin says where it was given
     * ("command line", "config"). */
    bool has_as_of;
    fl_date as_of;
    const char *as_of_origin;
} fl_report_opts;

typedef struct fl_reporter {
    const char *name;        /* --format value */
    /* The format shows document text (fl_file_report.doc): the run keeps
     * each document until its turn instead of dropping it after linting. */
    bool needs_doc;
    void *(*open)(const fl_report_opts *o);
    void (*file)(void *state, const fl_file_report *f);
    /* Write what is left and free the state; -1 if writing failed. */
    int (*close)(void *state, const fl_summary *s);
} fl_reporter;

/* reporters.c, the table of formats: */
const fl_reporter *fl_reporter_find(const char *name); /* NULL if unknown */
/* The --format names in table order, separated by sep, appended to b. */
void fl_reporter_names(fl_buf *b, const char *sep);
/* Words for people in the language in force (core/i18n.h); the machine
 * values (fl_severity_name, doc type ids) stay as they are in JSON, SARIF
 * and CSV. */
const char *fl_report_severity(fl_severity s);   /* 错误 / error */
const char *fl_report_type(const char *doc_type); /* 环境影响报告表 / EIA report form; NULL: not recognised */
const char *fl_report_part(fl_part part);         /* 页眉 / header */
/* The finding's message in the language in force: message_en in English
 * when the rule has one (every shipped rule does), the ruleset's Chinese
 * message otherwise. */
const char *fl_report_message(const fl_finding *f);
/* A rule in one line for people: its summary in Chinese; in English its
 * message-en (placeholders as written) when it has one. */
const char *fl_report_rule_summary(const fl_rule *r);
void fl_summary_add(fl_summary *s, const fl_file_report *f);

/* A file a run writes per input beside the report, into a folder the
 * user names (--annotate DIR: the filing with its findings as Word
 * comments). The check command makes the folder with prepare, names each
 * copy (the input's base name, or another when two inputs share one), and
 * refuses a copy over a file the run reads; write makes one file, or
 * nothing when the input's format has no such artifact. */
typedef struct fl_artifact {
    const char *option;      /* the option that asks for it: "--annotate" */
    bool needs_doc;          /* write needs the document (fl_file_report.doc) */
    /* Make dir if missing; -1 after one line on stderr. */
    int (*prepare)(const char *dir);
    /* out_name: the file's name in dir, NULL for the input's base name.
     * 0, or -1 with err set (nothing is then left in dir). */
    int (*write)(const char *dir, const char *input_path, const char *out_name, const fl_doc *doc,
                 const fl_result *res, fl_error *err);
} fl_artifact;

#endif
