/* Unit tests for core/checkdigit: worked examples for the three codes
 * (hand-checked: 91440300123456788M sums to 1157, 1157 mod 31 = 10, 31 - 10 =
 * 21 = 'M'; 11010519491231002X sums to 167, 167 mod 11 = 2 -> 'X'; MA01ABCD
 * sums to 358, 11 - 358 mod 11 = 5), single-character mutants, malformed
 * input, embedded birth dates, and a sweep proving that exactly one check
 * character is accepted for each body. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "core/checkdigit.h"

static fl_code_status uscc(const char *s) { return fl_checkdigit_uscc(s, strlen(s)); }
static fl_code_status org(const char *s) { return fl_checkdigit_orgcode(s, strlen(s)); }
static fl_code_status idc(const char *s, const fl_date *today) { return fl_checkdigit_idcard(s, strlen(s), today); }

static void test_uscc_valid(void **state)
{
    (void)state;
    assert_int_equal(uscc("91110108MA01ABCD5T"), FL_CODE_OK);
    assert_int_equal(uscc("91440300123456788M"), FL_CODE_OK);
    assert_int_equal(uscc("92330100MA2H0K5U8U"), FL_CODE_OK);
    assert_int_equal(uscc("914403001922038216"), FL_CODE_OK);
    /* lower case is read as upper case */
    assert_int_equal(uscc("91110108ma01abcd5t"), FL_CODE_OK);
    assert_int_equal(fl_checkdigit_uscc_char("91440300123456788"), 'M');
    assert_int_equal(fl_checkdigit_uscc_char("91110108MA01ABCD5"), 'T');
    assert_int_equal(fl_checkdigit_uscc_char("91440300192203821"), '6');
}

static void test_uscc_invalid(void **state)
{
    (void)state;
    assert_int_equal(uscc("914403001922038217"), FL_CODE_BAD_CHECK);
    assert_int_equal(uscc("91440300123456788N"), FL_CODE_BAD_CHECK);
    assert_int_equal(uscc("91440300123456789M"), FL_CODE_BAD_CHECK); /* body changed */
    assert_int_equal(uscc("91110108MA01ABCD5"), FL_CODE_BAD_LENGTH);
    assert_int_equal(uscc("91110108MA01ABCD5TT"), FL_CODE_BAD_LENGTH);
    assert_int_equal(uscc(""), FL_CODE_BAD_LENGTH);
    /* I, O, S, V, Z are not in the character set, nor is punctuation */
    assert_int_equal(uscc("91110108MA01ABCDIT"), FL_CODE_BAD_CHAR);
    assert_int_equal(uscc("9111010OMA01ABCD5T"), FL_CODE_BAD_CHAR);
    assert_int_equal(uscc("91110108MA01SBCD5T"), FL_CODE_BAD_CHAR);
    assert_int_equal(uscc("91110108MA01ABCD5V"), FL_CODE_BAD_CHAR);
    assert_int_equal(uscc("91110108MA01ABCD5Z"), FL_CODE_BAD_CHAR);
    assert_int_equal(uscc("91110108-MA01ABCD5"), FL_CODE_BAD_CHAR);
    assert_int_equal(fl_checkdigit_uscc_char("9111010OMA01ABCD5"), 0);
    /* a NUL inside the length is a bad character, not the end */
    assert_int_equal(fl_checkdigit_uscc("91110108\0A01ABCD5T", 18), FL_CODE_BAD_CHAR);
}

/* For arbitrary bodies, the computed character validates and every other
 * character of the set fails: the check is a function of the body. */
static void test_uscc_sweep(void **state)
{
    (void)state;
    static const char set[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    char code[19];
    uint32_t x = 12345;
    for (int round = 0; round < 500; round++) {
        for (int i = 0; i < 17; i++) {
            x = x * 1103515245u + 12345u;
            code[i] = set[(x >> 16) % 31];
        }
        char want = fl_checkdigit_uscc_char(code);
        assert_non_null(strchr(set, want));
        code[18] = '\0';
        int ok = 0;
        for (int c = 0; c < 31; c++) {
            code[17] = set[c];
            fl_code_status st = fl_checkdigit_uscc(code, 18);
            if (st == FL_CODE_OK) {
                ok++;
                assert_int_equal(set[c], want);
            } else {
                assert_int_equal(st, FL_CODE_BAD_CHECK);
            }
        }
        assert_int_equal(ok, 1);
    }
}

static void test_orgcode(void **state)
{
    (void)state;
    assert_int_equal(org("MA01ABCD-5"), FL_CODE_OK);
    assert_int_equal(org("MA01ABCD5"), FL_CODE_OK);
    assert_int_equal(org("12345678-8"), FL_CODE_OK);
    assert_int_equal(org("19220382-1"), FL_CODE_OK);
    assert_int_equal(org("19220382-2"), FL_CODE_BAD_CHECK);
    assert_int_equal(org("MA01ABCD-4"), FL_CODE_BAD_CHECK);
    assert_int_equal(org("MA01AB-5"), FL_CODE_BAD_LENGTH);
    assert_int_equal(org("MA01ABC-5"), FL_CODE_BAD_CHAR); /* 9 characters: no hyphen allowed */
    assert_int_equal(org("MA01AB#D-5"), FL_CODE_BAD_CHAR);
    assert_int_equal(org("MA01ABCD-Y"), FL_CODE_BAD_CHAR);
    /* positions 9-17 of the credit codes above */
    assert_int_equal(fl_checkdigit_orgcode(&"91110108MA01ABCD5T"[8], 9), FL_CODE_OK);
    assert_int_equal(fl_checkdigit_orgcode(&"914403001922038216"[8], 9), FL_CODE_OK);
}

static void test_idcard_valid(void **state)
{
    (void)state;
    fl_date today = {2024, 6, 1};
    assert_int_equal(idc("11010519491231002X", &today), FL_CODE_OK);
    assert_int_equal(idc("11010519491231002x", &today), FL_CODE_OK);
    assert_int_equal(idc("440304199001011233", &today), FL_CODE_OK);
    assert_int_equal(idc("320102198506150428", NULL), FL_CODE_OK);
    assert_int_equal(fl_checkdigit_idcard_char("11010519491231002"), 'X');
    assert_int_equal(fl_checkdigit_idcard_char("44030419900101123"), '3');
    assert_int_equal(fl_checkdigit_idcard_char("32010219850615042"), '8');
    assert_int_equal(fl_checkdigit_idcard_char("3201021985061504A"), 0);
}

static void test_idcard_invalid(void **state)
{
    (void)state;
    fl_date today = {2024, 6, 1};
    assert_int_equal(idc("110105194912310021", &today), FL_CODE_BAD_CHECK);
    assert_int_equal(idc("440304199001011234", &today), FL_CODE_BAD_CHECK);
    assert_int_equal(idc("44030419900101123", &today), FL_CODE_BAD_LENGTH);
    assert_int_equal(idc("4403041990010112333", &today), FL_CODE_BAD_LENGTH);
    assert_int_equal(idc("44030419900101123A", &today), FL_CODE_BAD_CHAR);
    assert_int_equal(idc("4403041990O1011233", &today), FL_CODE_BAD_CHAR);
    /* impossible birth dates, whatever the check digit */
    char s[19];
    memcpy(s, "44030419900230123", 17); /* 30 February */
    s[17] = fl_checkdigit_idcard_char(s);
    s[18] = '\0';
    assert_int_equal(idc(s, &today), FL_CODE_BAD_DATE);
    memcpy(s, "44030419901301123", 17); /* month 13 */
    s[17] = fl_checkdigit_idcard_char(s);
    assert_int_equal(idc(s, &today), FL_CODE_BAD_DATE);
    memcpy(s, "44030419900100123", 17); /* day 00 */
    s[17] = fl_checkdigit_idcard_char(s);
    assert_int_equal(idc(s, &today), FL_CODE_BAD_DATE);
    /* born after "today": wrong only when today is known */
    memcpy(s, "44030420300101123", 17);
    s[17] = fl_checkdigit_idcard_char(s);
    assert_int_equal(idc(s, &today), FL_CODE_BAD_DATE);
    assert_int_equal(idc(s, NULL), FL_CODE_OK);
    /* leap day */
    memcpy(s, "44030420000229123", 17);
    s[17] = fl_checkdigit_idcard_char(s);
    assert_int_equal(idc(s, &today), FL_CODE_OK);
    memcpy(s, "44030419000229123", 17);
    s[17] = fl_checkdigit_idcard_char(s);
    assert_int_equal(idc(s, &today), FL_CODE_BAD_DATE);
}

static void test_idcard_legacy(void **state)
{
    (void)state;
    assert_int_equal(idc("110105491231002", NULL), FL_CODE_LEGACY);
    assert_int_equal(idc("110105491331002", NULL), FL_CODE_BAD_DATE);
    assert_int_equal(idc("11010549123100X", NULL), FL_CODE_BAD_CHAR);
    assert_string_equal(fl_code_status_name(FL_CODE_LEGACY), "legacy");
    assert_string_equal(fl_code_status_name(FL_CODE_BAD_CHECK), "bad-check");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_uscc_valid),    cmocka_unit_test(test_uscc_invalid),
        cmocka_unit_test(test_uscc_sweep),    cmocka_unit_test(test_orgcode),
        cmocka_unit_test(test_idcard_valid),  cmocka_unit_test(test_idcard_invalid),
        cmocka_unit_test(test_idcard_legacy),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
