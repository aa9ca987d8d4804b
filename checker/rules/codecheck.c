/* Check characters of codes written in filings, with the reason a finding
 * gives (codecheck.h): kind table's <check-digit> and kind fields' check of
 * a field's code both use it. */
#include "rules/codecheck.h"
#include "core/checkdigit.h"
#include "core/date.h"
#include <string.h>

/* Alphanumeric run of a (label-normalised) value: the code itself, without
 * the words around it ("91320505MA1MY4TH9P（见营业执照）"). */
static const char *code_run(fl_arena *a, const char *v, size_t *len)
{
    size_t best = 0, bl = 0;
    for (size_t i = 0; v[i];) {
        size_t j = i;
        while ((v[j] >= '0' && v[j] <= '9') || (v[j] >= 'A' && v[j] <= 'Z') || (v[j] >= 'a' && v[j] <= 'z')) j++;
        if (j - i > bl) { best = i; bl = j - i; }
        i = j > i ? j : i + 1;
    }
    *len = bl;
    return fl_arena_strndup(a, v + best, bl);
}

static const char *why_uscc(fl_arena *a, const char *code, size_t len)
{
    switch (fl_checkdigit_uscc(code, len)) {
    case FL_CODE_OK: return NULL;
    case FL_CODE_BAD_LENGTH: return fl_arena_printf(a, "应为18位，实为%zu位", len);
    case FL_CODE_BAD_CHAR: return "含有代码字符集以外的字符（不使用I、O、S、V、Z）";
    default: {
        char c = fl_checkdigit_uscc_char(code);
        return c ? fl_arena_printf(a, "第18位校验码应为%c", c) : "校验码错误";
    }
    }
}

static const char *why_idcard(fl_arena *a, const char *code, size_t len)
{
    fl_date today;
    fl_date_today(&today);
    switch (fl_checkdigit_idcard(code, len, &today)) {
    case FL_CODE_OK: case FL_CODE_LEGACY: return NULL;
    case FL_CODE_BAD_LENGTH: return fl_arena_printf(a, "应为18位，实为%zu位", len);
    case FL_CODE_BAD_CHAR: return "含有数字和末位X以外的字符";
    case FL_CODE_BAD_DATE: return "出生日期不存在";
    default: {
        char c = fl_checkdigit_idcard_char(code);
        return c ? fl_arena_printf(a, "第18位校验码应为%c", c) : "校验码错误";
    }
    }
}

typedef const char *(*why_fn)(fl_arena *a, const char *code, size_t len);
static const struct { const char *name; why_fn fn; } algorithms[] = {
    {"gb32100", why_uscc},  /* 统一社会信用代码 */
    {"gb11643", why_idcard}, /* 公民身份号码 */
};

/* The first alphanumeric run of value, checked; NULL when it passes or holds
 * no code at all ("无", "/"). */
static const char *code_fault(fl_arena *a, why_fn fn, const char *value, const char **code)
{
    size_t len;
    *code = code_run(a, value, &len);
    return len ? fn(a, *code, len) : NULL;
}

const char *fl_code_check(fl_arena *a, const char *algorithm, const char *value, const char **code)
{
    for (size_t i = 0; i < sizeof algorithms / sizeof *algorithms; i++)
        if (!strcmp(algorithms[i].name, algorithm)) return code_fault(a, algorithms[i].fn, value, code);
    *code = "";
    return NULL;
}

bool fl_code_algorithm_known(const char *algorithm)
{
    for (size_t i = 0; algorithm && i < sizeof algorithms / sizeof *algorithms; i++)
        if (!strcmp(algorithms[i].name, algorithm)) return true;
    return false;
}
