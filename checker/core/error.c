/* The diagnostic table turned into lookups and formatting. */
#include "core/error.h"
#include "core/tame.h"
#include <stdio.h>
#include <string.h>

static const struct { const char *key, *fmt; } diags[] = {
    {"ok", ""},
#define X(id, key, fmt) {key, fmt},
#include "core/diag.def"
#undef X
};

const char *fl_diag_key(fl_diag code)
{
    if ((unsigned)code >= FL_DIAG_COUNT) return "internal";
    return diags[code].key;
}

int fl_error_setv(fl_error *err, fl_diag code, va_list ap)
{
    if (!err) return -1;
    err->code = code;
    if ((unsigned)code >= FL_DIAG_COUNT) code = FL_E_INTERNAL;
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
    vsnprintf(err->message, sizeof err->message, diags[code].fmt, ap);
#pragma GCC diagnostic pop
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
