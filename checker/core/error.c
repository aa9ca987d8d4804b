/* The diagnostic table turned into lookups and formatting. */
#include "core/error.h"
#include "core/buf.h"
#include "core/i18n.h"
#include "core/tame.h"
#include <stdio.h>
#include <string.h>

static const struct { const char *key, *fmt[2]; } diags[] = {
    {"ok", {"", ""}},
#define X(id, key, en, zh) {key, {en, zh}},
#include "core/diag.def"
#undef X
};

const char *fl_diag_key(fl_diag code)
{
    if ((unsigned)code >= FL_DIAG_COUNT) return "internal";
    return diags[code].key;
}

const char *fl_diag_format(fl_diag code, bool zh)
{
    if ((unsigned)code >= FL_DIAG_COUNT) code = FL_E_INTERNAL;
    return diags[code].fmt[zh];
}

/* The formats hold %s and %d only (test_i18n checks it): filled by hand,
 * so that each %s can be put in the language of the line. */
int fl_error_setv(fl_error *err, fl_diag code, va_list ap)
{
    if (!err) return -1;
    err->code = code;
    if ((unsigned)code >= FL_DIAG_COUNT) code = FL_E_INTERNAL;
    fl_lang lang = fl_lang_get();
    fl_buf b = FL_BUF_INIT, t = FL_BUF_INIT;
    fl_buf_adds(&b, "");
    for (const char *p = diags[code].fmt[lang == FL_LANG_ZH]; *p;) {
        const char *at = p, *conv;
        size_t len;
        char type = fl_fmt_next(&at, &conv, &len);
        for (const char *q = p; q < (type ? conv : at); q++) {
            fl_buf_addc(&b, *q);
            if (*q == '%' && q[1] == '%') q++;
        }
        if (type == 's') {
            const char *arg = va_arg(ap, const char *);
            fl_buf_clear(&t);
            fl_buf_adds(&b, fl_tr_text(lang, arg ? arg : "", &t));
        } else if (type == 'd') {
            fl_buf_printf(&b, "%d", va_arg(ap, int));
        } else if (type) {
            break; /* no other conversion is allowed in the table */
        }
        if (!type) break;
        p = at;
    }
    snprintf(err->message, sizeof err->message, "%s", b.data);
    fl_buf_free(&b);
    fl_buf_free(&t);
    /* it quotes names from the input (ZIP entry names, rels targets) */
    fl_tame_str(err->message, sizeof err->message, false);
    return -1;
}

int fl_error_set(fl_error *err, fl_diag code, ...)
{
    va_list ap;
    va_start(ap, code);
    fl_error_setv(err, code, ap);
    va_end(ap);
    return -1;
}

int fl_error_setf(fl_error *err, fl_diag code, const char *fmt, ...)
{
    char text[sizeof err->message];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(text, sizeof text, fmt, ap);
    va_end(ap);
    return fl_error_set(err, code, text);
}

int fl_error_at(fl_error *err, fl_diag code, const char *file, int line, const char *fmt, ...)
{
    char text[sizeof err->message];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(text, sizeof text, fmt, ap);
    va_end(ap);
    fl_error_set(err, code, text);
    if (err) {
        snprintf(err->file, sizeof err->file, "%s", file ? file : "");
        err->line = line;
    }
    return -1;
}

void fl_error_print(const fl_error *err)
{
    char line[sizeof err->file + sizeof err->message + 16];
    fprintf(stderr, "%s\n", fl_error_format(err, line, sizeof line));
}

void fl_error_clear(fl_error *err)
{
    if (!err) return;
    memset(err, 0, sizeof *err);
}

const char *fl_error_format(const fl_error *err, char *out, unsigned cap)
{
    if (err->file[0] && err->line > 0)
        snprintf(out, cap, "%s:%d: %s", err->file, err->line, err->message);
    else if (err->file[0])
        snprintf(out, cap, "%s: %s", err->file, err->message);
    else
        snprintf(out, cap, "%s", err->message);
    fl_tame_str(out, cap, false); /* the file name may come from an archive */
    return out;
}

int fl_error_exit_status(const fl_error *err)
{
    switch (err->code) {
    case FL_E_RULESET:
    case FL_E_INTERNAL: return 3;
    default: return 2;
    }
}
