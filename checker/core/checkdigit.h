/* Check characters of Chinese identification codes: the 统一社会信用代码
 * (GB 32100-2015), the 组织机构代码 embedded in it (GB 11714-1997) and the
 * 公民身份号码 (GB 11643-1999, ISO 7064 MOD 11-2). Used by EIA504 (credit
 * codes) and EIA405 (ID numbers in respondent tables). Pure functions; nothing
 * is allocated. */
#ifndef FL_CHECKDIGIT_H
#define FL_CHECKDIGIT_H
#include <stddef.h>
#include "core/date.h"

typedef enum fl_code_status {
    FL_CODE_OK = 0,
    FL_CODE_BAD_LENGTH,  /* not the length the standard prescribes */
    FL_CODE_BAD_CHAR,    /* a character outside the standard's character set */
    FL_CODE_BAD_CHECK,   /* well formed, wrong check character */
    FL_CODE_BAD_DATE,    /* ID number: the birth date does not exist or is in the future */
    FL_CODE_LEGACY,      /* ID number: a 15-digit pre-1999 number, which has no check digit */
} fl_code_status;

const char *fl_code_status_name(fl_code_status st); /* "ok", "bad-check", ... */

/* 统一社会信用代码: 18 characters from 0123456789ABCDEFGHJKLMNPQRTUWXY
 * (I O S V Z never occur); lower-case letters are accepted as their capitals. */
fl_code_status fl_checkdigit_uscc(const char *s, size_t len);
/* The check character for the first 17 characters, or 0 if one of them is
 * outside the character set. */
char fl_checkdigit_uscc_char(const char *s17);

/* 组织机构代码: 8 characters of 0-9A-Z then the check character (0-9 or X),
 * with or without the hyphen before it ("MA01ABCD-5", "MA01ABCD5"). In a credit
 * code it is positions 9-17. Failing this is only a warning: the credit-code
 * check is what GB 32100 prescribes. */
fl_code_status fl_checkdigit_orgcode(const char *s, size_t len);

/* 公民身份号码: 17 digits and a check character 0-9 or X (x accepted); the
 * birth date YYYYMMDD at positions 7-14 must exist and, when today is given,
 * not be after it. 15 digits -> FL_CODE_LEGACY (only the date is checked:
 * FL_CODE_BAD_DATE when it is impossible). */
fl_code_status fl_checkdigit_idcard(const char *s, size_t len, const fl_date *today);
/* The check character for the first 17 digits, or 0 if one is not a digit. */
char fl_checkdigit_idcard_char(const char *s17);
#endif
