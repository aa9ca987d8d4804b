/* Check-character algorithms of GB 32100-2015, GB 11714-1997 and
 * GB 11643-1999, verified against several public implementations and the
 * worked examples of tests/unit/test_checkdigit.c. */
#include "core/checkdigit.h"
#include <string.h>

static const char USCC_SET[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";
/* 3^(i-1) mod 31 for positions 1..17 */
static const int USCC_W[17] = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
static const int ORG_W[8] = {3, 7, 9, 10, 5, 8, 4, 2};
/* 2^(18-i) mod 11 for positions 1..17 */
static const int ID_W[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
static const char ID_CHECK[] = "10X98765432";

const char *fl_code_status_name(fl_code_status st)
{
    switch (st) {
    case FL_CODE_OK: return "ok";
    case FL_CODE_BAD_LENGTH: return "bad-length";
    case FL_CODE_BAD_CHAR: return "bad-char";
    case FL_CODE_BAD_CHECK: return "bad-check";
    case FL_CODE_BAD_DATE: return "bad-date";
    case FL_CODE_LEGACY: return "legacy";
    }
    return "unknown";
}

static char upper(char c) { return (c >= 'a' && c <= 'z') ? (char)(c - 'a' + 'A') : c; }

static int uscc_value(char c)
{
    c = upper(c);
    if (c == '\0') return -1;
    const char *p = strchr(USCC_SET, c);
    return p ? (int)(p - USCC_SET) : -1;
}

char fl_checkdigit_uscc_char(const char *s17)
{
    int sum = 0;
    for (int i = 0; i < 17; i++) {
        int v = uscc_value(s17[i]);
        if (v < 0) return 0;
        sum += v * USCC_W[i];
    }
    return USCC_SET[(31 - sum % 31) % 31];
}

fl_code_status fl_checkdigit_uscc(const char *s, size_t len)
{
    if (len != 18) return FL_CODE_BAD_LENGTH;
    for (size_t i = 0; i < 18; i++)
        if (uscc_value(s[i]) < 0) return FL_CODE_BAD_CHAR;
    return fl_checkdigit_uscc_char(s) == upper(s[17]) ? FL_CODE_OK : FL_CODE_BAD_CHECK;
}

static int org_value(char c)
{
    c = upper(c);
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
    return -1;
}

fl_code_status fl_checkdigit_orgcode(const char *s, size_t len)
{
    char body[9];
    if (len == 10 && s[8] == '-') {
        memcpy(body, s, 8);
        body[8] = s[9];
    } else if (len == 9) {
        memcpy(body, s, 9);
    } else {
        return FL_CODE_BAD_LENGTH;
    }
    int sum = 0;
    for (int i = 0; i < 8; i++) {
        int v = org_value(body[i]);
        if (v < 0) return FL_CODE_BAD_CHAR;
        sum += v * ORG_W[i];
    }
    int r = 11 - sum % 11;
    char want = r == 10 ? 'X' : r == 11 ? '0' : (char)('0' + r);
    char got = upper(body[8]);
    if (!((got >= '0' && got <= '9') || got == 'X')) return FL_CODE_BAD_CHAR;
    return got == want ? FL_CODE_OK : FL_CODE_BAD_CHECK;
}

char fl_checkdigit_idcard_char(const char *s17)
{
    int sum = 0;
    for (int i = 0; i < 17; i++) {
        if (s17[i] < '0' || s17[i] > '9') return 0;
        sum += (s17[i] - '0') * ID_W[i];
    }
    return ID_CHECK[sum % 11];
}

static int digits(const char *s, int n)
{
    int v = 0;
    for (int i = 0; i < n; i++) v = v * 10 + (s[i] - '0');
    return v;
}

static int birth_ok(int y, int m, int d, const fl_date *today)
{
    fl_date b = {y, m, d};
    if (y < 1850 || m < 1 || d < 1 || !fl_date_valid(&b)) return 0;
    if (today && today->y > 0 && fl_date_cmp(&b, today) > 0) return 0;
    return 1;
}

fl_code_status fl_checkdigit_idcard(const char *s, size_t len, const fl_date *today)
{
    if (len != 18 && len != 15) return FL_CODE_BAD_LENGTH;
    size_t ndig = len == 18 ? 17 : 15;
    for (size_t i = 0; i < ndig; i++)
        if (s[i] < '0' || s[i] > '9') return FL_CODE_BAD_CHAR;
    if (len == 15) /* YYMMDD of a 19xx birth */
        return birth_ok(1900 + digits(s + 6, 2), digits(s + 8, 2), digits(s + 10, 2), today)
                   ? FL_CODE_LEGACY : FL_CODE_BAD_DATE;
    char last = upper(s[17]);
    if (!((last >= '0' && last <= '9') || last == 'X')) return FL_CODE_BAD_CHAR;
    if (!birth_ok(digits(s + 6, 4), digits(s + 10, 2), digits(s + 12, 2), today)) return FL_CODE_BAD_DATE;
    return fl_checkdigit_idcard_char(s) == last ? FL_CODE_OK : FL_CODE_BAD_CHECK;
}
