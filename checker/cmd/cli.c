/* What every command's option parsing shares (cmd.h): the one-line usage
 * error, --lang, and the answer to an unknown or ambiguous option. */
#include "cmd/cmd.h"
#include "core/editdist.h"
#include "core/i18n.h"
#ifdef FL_HAVE_OCR
#include "input/formats.h"
#endif
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

int fl_cmd_usage_error(const char *fmt, ...)
{
    va_list ap;
    fputs("filinglint: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\n%s\n", fl_tr(FL_M_TRY_HELP));
    return 2;
}

int fl_cmd_lang_option(const char *arg)
{
    fl_lang lang;
    if (fl_lang_parse(arg, &lang)) return fl_cmd_usage_error(fl_tr(FL_M_LANG_WANTS), arg);
    fl_lang_set(lang, FL_LANG_CLI);
    return -1;
}

int fl_cmd_ocr_option(void)
{
#ifdef FL_HAVE_OCR
    fl_pdf_set_ocr(true);
    return -1;
#else
    return fl_cmd_usage_error("%s", fl_tr(FL_M_OCR_NOT_BUILT));
#endif
}

/* "a, b or c" of the names, each in fmt ("--%s", "'%s'"). */
void fl_cmd_or_list(char *out, size_t cap, const char *fmt, const char *const *names, size_t k)
{
    size_t o = 0;
    out[0] = '\0';
    for (size_t i = 0; i < k && o < cap; i++) {
        const char *sep = !i ? "" : i + 1 == k ? fl_tr(FL_M_LIST_OR) : fl_tr(FL_M_LIST_COMMA);
        int w = snprintf(out + o, cap - o, "%s", sep);
        if (w < 0 || (size_t)w >= cap - o) return;
        o += (size_t)w;
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
        w = snprintf(out + o, cap - o, fmt, names[i]);
#pragma GCC diagnostic pop
        if (w < 0 || (size_t)w >= cap - o) return;
        o += (size_t)w;
    }
}

int fl_cmd_unknown_option(char *const *argv, const struct option *opts)
{
    if (optopt) return fl_cmd_usage_error(fl_tr(FL_M_UNKNOWN_OPTION_CHAR), optopt);
    const char *arg = argv[optind - 1];
    if (strncmp(arg, "--", 2)) return fl_cmd_usage_error(fl_tr(FL_M_UNKNOWN_OPTION), arg);
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
    if (!k) return fl_cmd_usage_error(fl_tr(FL_M_UNKNOWN_LONG), word);
    char list[400];
    fl_cmd_or_list(list, sizeof list, "--%s", near, k);
    return fl_cmd_usage_error(fl_tr(k > 1 && len ? FL_M_AMBIGUOUS_LONG : FL_M_UNKNOWN_LONG_NEAR), word, list);
}
