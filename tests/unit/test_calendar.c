/* Unit tests for data/calendar over the shipped rulesets/data/holidays.xml:
 * make-up working days, holidays, the 公众参与办法's inclusive counting (the
 * 2025-02-07..19 window a real notice calls 10 working days is 10), adding
 * working days both ways, years the table lacks (known == false with a
 * Monday-Friday answer), and agreement of the fast count with day-by-day
 * checks over every covered year. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <cmocka.h>

#include "data/calendar.h"
#include "core/xmlsafe.h"

static fl_holidays *holidays;
static fl_calendar *cal;

static int setup(void **state)
{
    (void)state;
    fl_error err;
    fl_error_clear(&err);
    fl_xml_init();
    if (fl_holidays_load(&holidays, FL_SOURCE_RULESETS "/data/holidays.xml", &err)) {
        char msg[1600];
        fprintf(stderr, "%s\n", fl_error_format(&err, msg, sizeof msg));
        return -1;
    }
    cal = fl_calendar_new(holidays);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    fl_calendar_free(cal);
    fl_holidays_free(holidays);
    return 0;
}

static fl_date D(int y, int m, int d) { return (fl_date){y, m, d}; }

static int work(int y, int m, int d, bool *known)
{
    fl_date x = D(y, m, d);
    return fl_calendar_is_workday(cal, &x, known);
}

static long count(fl_date a, fl_date b, bool *known) { return fl_calendar_count(cal, &a, &b, known); }

static void test_workdays(void **state)
{
    (void)state;
    bool known;
    /* ordinary days */
    assert_true(work(2024, 5, 8, &known) && known);    /* Wednesday */
    assert_false(work(2024, 5, 18, &known) || !known); /* Saturday */
    /* holidays on weekdays */
    assert_false(work(2024, 10, 1, &known));
    assert_true(known);
    assert_false(work(2025, 1, 28, NULL));  /* 除夕, first day of 春节 2025 */
    assert_false(work(2026, 2, 23, NULL));  /* last day of 春节 2026, a Monday */
    assert_false(work(2023, 1, 2, NULL));   /* 元旦 2023, a Monday */
    /* make-up working days on weekends */
    assert_true(work(2025, 2, 8, NULL));    /* Saturday worked for 春节 */
    assert_true(work(2024, 2, 18, NULL));   /* Sunday worked */
    assert_true(work(2026, 1, 4, NULL));    /* Sunday worked for 元旦 2026 */
    assert_true(work(2018, 12, 29, &known)); /* Saturday, under the 2019 notice */
    assert_true(known);
    assert_false(work(2018, 12, 31, NULL)); /* Monday off under the 2019 notice */
    /* 2019 劳动节 as amended by 国办发明电〔2019〕3号 */
    assert_false(work(2019, 5, 2, NULL));
    assert_true(work(2019, 5, 5, NULL));
    /* 2020 春节 as extended by 国办发明电〔2020〕1号: 2月1日 no longer worked */
    assert_false(work(2020, 2, 1, NULL));
    assert_true(work(2020, 1, 19, NULL));
    assert_false(work(2020, 1, 31, NULL));
    assert_true(work(2020, 2, 3, NULL));
}

static void test_unknown_years(void **state)
{
    (void)state;
    bool known = true;
    assert_true(fl_calendar_covers_year(cal, 2018));
    assert_true(fl_calendar_covers_year(cal, 2026));
    assert_false(fl_calendar_covers_year(cal, 2017));
    assert_false(fl_calendar_covers_year(cal, 2027));
    /* a year the table lacks: Monday-Friday, flagged unknown */
    assert_true(work(2027, 3, 1, &known)); /* Monday */
    assert_false(known);
    known = true;
    assert_false(work(2017, 10, 1, &known)); /* Sunday */
    assert_false(known);
    /* the last days of a covered year wait for the next year's notice */
    assert_true(work(2026, 12, 24, &known));
    assert_true(known);
    work(2026, 12, 28, &known);
    assert_false(known);
    fl_date a = D(2026, 12, 1), b = D(2027, 1, 15);
    assert_false(fl_calendar_covers(cal, &a, &b));
    assert_int_equal(count(a, b, &known), 34); /* 23 in December + 11, Monday-Friday */
    assert_false(known);
    a = D(2018, 1, 1);
    b = D(2026, 12, 24);
    assert_true(fl_calendar_covers(cal, &a, &b));
    assert_true(fl_calendar_covers(cal, &b, &a)); /* either order */
}

static void test_count(void **state)
{
    (void)state;
    bool known;
    /* a real notice gave this window as 10 working days, true only because
     * the Saturday 2025-02-08 was worked */
    assert_int_equal(count(D(2025, 2, 7), D(2025, 2, 19), &known), 10);
    assert_true(known);
    /* 2024 国庆: 9-29 (Sun) worked, 10-1..7 off, 10-12 (Sat) worked */
    assert_int_equal(count(D(2024, 9, 28), D(2024, 10, 13), NULL), 7);
    /* both ends count */
    assert_int_equal(count(D(2024, 5, 8), D(2024, 5, 8), NULL), 1);
    assert_int_equal(count(D(2024, 5, 11), D(2024, 5, 11), NULL), 1); /* Saturday worked */
    assert_int_equal(count(D(2024, 5, 12), D(2024, 5, 12), NULL), 0);
    assert_int_equal(count(D(2024, 5, 9), D(2024, 5, 8), NULL), 0);   /* backwards */
    /* a ten-calendar-day window over 春节 2026 holds only 2 working days */
    assert_int_equal(count(D(2026, 2, 14), D(2026, 2, 24), NULL), 2);
    /* a year boundary: 2022-12-31..2023-01-02 off, 2023-01-28/29 worked */
    assert_int_equal(count(D(2022, 12, 26), D(2023, 1, 31), NULL), 5 + 14 + 2 + 2);
}

static void test_count_matches_days(void **state)
{
    (void)state;
    /* working days per year, counted day by day from the notices (a script
     * over holidays.xml gave the same numbers) */
    static const long per_year[] = {250, 250, 249, 250, 249, 249, 251, 248, 248};
    assert_int_equal(holidays->nyears, 9);
    for (size_t i = 0; i < holidays->nyears; i++) {
        int y = holidays->years[i].year;
        assert_int_equal(y, 2018 + (int)i);
        fl_date first = D(y, 1, 1), last = D(y, 12, 31);
        long d0 = fl_date_days(&first), d1 = fl_date_days(&last), total = 0;
        for (long d = d0; d <= d1; d++) {
            fl_date x;
            fl_date_from_days(&x, d);
            total += fl_calendar_is_workday(cal, &x, NULL);
            if ((d - d0) % 37 == 0) assert_int_equal(fl_calendar_count(cal, &first, &x, NULL), total);
        }
        assert_int_equal(fl_calendar_count(cal, &first, &last, NULL), total);
        assert_int_equal(total, per_year[i]);
    }
}

static void test_add(void **state)
{
    (void)state;
    fl_date out, start;
    bool known;
    start = D(2025, 1, 24); /* Friday; Sunday 1-26 is worked */
    assert_int_equal(fl_calendar_add(cal, &out, &start, 1, &known), 0);
    assert_int_equal(fl_date_days(&out), fl_date_days(&(fl_date){2025, 1, 26}));
    assert_true(known);
    start = D(2025, 1, 27);
    fl_calendar_add(cal, &out, &start, 1, NULL);
    assert_int_equal(out.m * 100 + out.d, 205); /* 1-28..2-4 off */
    start = out;
    fl_calendar_add(cal, &out, &start, -1, NULL);
    assert_int_equal(out.m * 100 + out.d, 127);
    fl_calendar_add(cal, &out, &start, 0, NULL);
    assert_int_equal(out.m * 100 + out.d, 205);
    /* EIA404: 7 working days after a commission on 2024-04-30 end on 2024-05-13 */
    start = D(2024, 4, 30);
    fl_calendar_add(cal, &out, &start, 7, NULL);
    assert_int_equal(out.y * 10000 + out.m * 100 + out.d, 20240513);
    /* out may be start */
    fl_calendar_add(cal, &start, &start, 7, &known);
    assert_int_equal(start.y * 10000 + start.m * 100 + start.d, 20240513);
    assert_true(known);
    /* into a year the table lacks */
    start = D(2026, 12, 20);
    fl_calendar_add(cal, &out, &start, 20, &known);
    assert_false(known);
    assert_int_equal(fl_calendar_add(cal, &out, &start, 100001, NULL), -1);
    assert_int_equal(fl_calendar_add(cal, &out, &start, -100001, NULL), -1);
    /* add and count agree: start excluded, end included */
    for (int n = 1; n < 60; n += 3) {
        start = D(2023, 9, 20);
        fl_calendar_add(cal, &out, &start, n, NULL);
        fl_date next = start;
        fl_date_from_days(&next, fl_date_days(&start) + 1);
        assert_int_equal(count(next, out, NULL), n);
        assert_true(fl_calendar_is_workday(cal, &out, NULL));
    }
}

static void test_no_table(void **state)
{
    (void)state;
    fl_calendar *c = fl_calendar_new(NULL);
    bool known = true;
    fl_date a = D(2024, 10, 1), b = D(2024, 10, 7);
    assert_int_equal(fl_calendar_count(c, &a, &b, &known), 5);
    assert_false(known);
    assert_false(fl_calendar_covers_year(c, 2024));
    fl_calendar_free(c);
    fl_calendar_free(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_workdays),  cmocka_unit_test(test_unknown_years),
        cmocka_unit_test(test_count),     cmocka_unit_test(test_count_matches_days),
        cmocka_unit_test(test_add),       cmocka_unit_test(test_no_table),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
