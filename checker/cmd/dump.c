/* `filinglint dump`: the document model the rules see, so a user can find a
 * finding's line and see why a section was or was not found. The command:
 * options, reading each file, exit status; the two forms are written by
 * report/docdump.c. */
#include "model/load.h"
#include "input/readers.h"
#include "cmd/cmd.h"
#include "core/arena.h"
#include "core/buf.h"
#include "core/error.h"
#include "core/i18n.h"
#include "core/jsonw.h"
#include "core/tame.h"
#include "core/utf8.h"
#include "input/input.h"
#include "model/sections.h"
#include "report/docdump.h"
#include "report/report.h"
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- command ----------------------------------------------------------------- */

static int usage(void)
{
    fputs(fl_tr(FL_M_DUMP_USAGE), stdout);
    return 0;
}

int fl_cmd_dump(int argc, char **argv)
{
    static const struct option opts[] = {
        {"format", required_argument, NULL, 'f'},
        {"lang", required_argument, NULL, FL_OPT_LANG},
        {"ocr", no_argument, NULL, FL_OPT_OCR},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    bool json = false;
    int c;
    optind = 1;
    opterr = 0; /* our own messages, in the style of the other commands */
    while ((c = getopt_long(argc, argv, ":f:h", opts, NULL)) != -1) {
        switch (c) {
        case 'f':
            if (!strcmp(optarg, "json")) json = true;
            else if (!strcmp(optarg, "text")) json = false;
            else return fl_cmd_usage_error(fl_tr(FL_M_DUMP_BAD_FORMAT), optarg);
            break;
        case FL_OPT_LANG: {
            int rc = fl_cmd_lang_option(optarg);
            if (rc >= 0) return rc;
            break;
        }
        case FL_OPT_OCR: {
            int rc = fl_cmd_ocr_option();
            if (rc >= 0) return rc;
            break;
        }
        case 'h':
            return usage();
        case ':':
            return fl_cmd_usage_error(fl_tr(FL_M_DUMP_NEEDS_VALUE), argv[optind - 1]);
        default:
            return fl_cmd_usage_error(fl_tr(FL_M_DUMP_UNKNOWN), argv[optind - 1]);
        }
    }
    if (optind >= argc) return fl_cmd_usage_error("%s", fl_tr(FL_M_DUMP_NO_INPUT));
    int status = 0;
    bool printed = false, write_failed = false;
    for (int i = optind; i < argc; i++) {
        fl_doc *doc = NULL;
        fl_error err;
        fl_error_clear(&err);
        if (fl_doc_load(&doc, argv[i], &err)) {
            fflush(stdout);
            fl_error_print(&err);
            status = 2;
            continue;
        }
        if (json) {
            if (fl_dump_json(doc)) write_failed = true;
        } else {
            if (printed) fputc('\n', stdout);
            fl_dump_text(doc);
        }
        printed = true;
        fl_doc_free(doc);
    }
    /* A full disk or a closed pipe is the same failure as check's -o: exit 3. */
    if (fflush(stdout) != 0 || ferror(stdout) || write_failed) {
        fprintf(stderr, fl_tr(FL_M_CANNOT_WRITE_STDOUT), fl_tr_strerror(errno));
        fputc('\n', stderr);
        return 3;
    }
    return status;
}
