/* Full personal numbers in published public-participation documents (see
 * ppdata.h). */
#include "rules/ppdata.h"
#include "core/checkdigit.h"
#include "core/date.h"
#include <string.h>

static bool digit(char c) { return c >= '0' && c <= '9'; }
static bool alnum(char c) { return digit(c) || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }

size_t fl_pp_find_id(const char *t, size_t len, size_t from, bool strict, size_t *at)
{
    fl_date today;
    fl_date_today(&today);
    for (size_t i = from; i + 18 <= len; i++) {
        if (!digit(t[i]) || (i && alnum(t[i - 1]))) continue;
        size_t j = i;
        while (j < len && alnum(t[j])) j++;
        if (j - i == 18) {
            bool shape = true;
            for (size_t k = i; k < i + 17 && shape; k++) shape = digit(t[k]);
            char last = t[i + 17];
            shape = shape && (digit(last) || last == 'X' || last == 'x') && t[i] >= '1' && t[i] <= '8';
            fl_code_status st = shape ? fl_checkdigit_idcard(t + i, 18, &today) : FL_CODE_BAD_CHAR;
            if (st == FL_CODE_OK || (!strict && st == FL_CODE_BAD_CHECK)) {
                *at = i;
                return 18;
            }
        }
        i = j; /* the loop's i++ steps past the run's end */
    }
    return 0;
}

/* A run of digits with single spaces or dashes between them, from i: its
 * end, and the digits it holds (at most cap). */
static size_t digit_run(const char *t, size_t len, size_t i, char *digits, size_t cap, size_t *n)
{
    size_t j = i;
    *n = 0;
    while (j < len) {
        if (digit(t[j])) {
            if (*n < cap) digits[*n] = t[j];
            (*n)++;
            j++;
        } else if ((t[j] == ' ' || t[j] == '-') && j + 1 < len && digit(t[j + 1]) && j > i) {
            j++;
        } else {
            break;
        }
    }
    return j;
}

size_t fl_pp_find_mobile(const char *t, size_t len, size_t from, size_t *at)
{
    char d[24];
    for (size_t i = from; i < len; i++) {
        if (!digit(t[i]) || (i && (alnum(t[i - 1]) || t[i - 1] == '*'))) continue;
        size_t n, j = digit_run(t, len, i, d, sizeof d, &n);
        bool masked = j < len && (t[j] == '*' || t[j] == 'x' || t[j] == 'X');
        const char *p = d;
        if (n == 13 && d[0] == '8' && d[1] == '6') { /* 86 138 0536 1234 */
            p += 2;
            n -= 2;
        }
        if (!masked && n == 11 && p[0] == '1' && p[1] >= '3' && p[1] <= '9' && !(j < len && alnum(t[j]))) {
            *at = (i >= 1 && t[i - 1] == '+') ? i - 1 : i;
            return j - *at;
        }
        i = j;
    }
    return 0;
}

const char *fl_pp_masked(fl_arena *arena, const char *t, size_t a, size_t n)
{
    char d[32];
    size_t k = 0;
    for (size_t i = a; i < a + n && k + 1 < sizeof d; i++)
        if (alnum(t[i])) d[k++] = t[i];
    d[k] = '\0';
    if (k == 13 && d[0] == '8' && d[1] == '6') memmove(d, d + 2, (k -= 2) + 1);
    size_t head = k == 11 ? 3 : 4, tail = 4;
    if (k <= head + tail) return fl_arena_strdup(arena, d);
    for (size_t i = head; i < k - tail; i++) d[i] = '*';
    return fl_arena_strdup(arena, d);
}
