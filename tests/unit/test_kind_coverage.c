/* Unit tests for the `coverage` kind (DATA001): a judging date past the end
 * of the holiday table is reported once, however the date was given
 * (--as-of, the filing's own date, today), at the filing's date line when it
 * came from there; the table's last days, a date known only to the month or
 * the year, a date before the table and a type the rule does not apply to
 * are silent. The edges are computed from the shipped table, so the tests
 * keep holding when a year is added to it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "data/tables.h"
#include "input/input.h"
#include "rules/engine.h"
#include "rules/ruleset.h"

static const char *rules_xml =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<ruleset id=\"d\" applies-to=\"eia-pp eia-book\">\n"
    "  <data name=\"holidays\" file=\"holidays.xml\"/>\n"
    "  <rule id=\"D001\" severity=\"info\" category=\"data-freshness\"><message>{date}|{from}|{first}|{last}</message>\n"
    "    <coverage table=\"holidays\"/>\n"
    "    <example type=\"fail\" as-of=\"2099-01-01\">## 概述\n正文</example>\n"
    "    <example type=\"pass\" as-of=\"2020-01-06\">## 概述\n正文</example></rule>\n"
    "</ruleset>\n";

#define KIND_RULES_NAME "d.xml"
#define KIND_RULES_XML rules_xml
#include "kind_harness.h"

static int first_year, last_year;

static int group_setup(void **state)
{
    fl_holidays *h = NULL;
    fl_error err;
    if (fl_holidays_load(&h, FL_SOURCE_RULESETS "/data/holidays.xml", &err) || !h->nyears) return -1;
    first_year = h->years[0].year;
    last_year = h->years[h->nyears - 1].year;
    fl_holidays_free(h);
    unsetenv("SOURCE_DATE_EPOCH");
    return setup(state);
}

/* The messages found for md judged with as_of (NULL: none), "" for none,
 * "a;b" for two; *line the first finding's line. */
static void check(fixture *f, const char *type, const char *as_of, const char *md, const char *want, int want_line)
{
    kind_expect(f, "D001", type, as_of, md, NULL, want, want_line);
}

static const char *body = "## 1 概述\n征求意见稿在网站公示。\n";

static void test_as_of_edges(void **state)
{
    fixture *f = *state;
    char d[16], want[128];
    snprintf(d, sizeof d, "%d-06-01", last_year);
    check(f, "eia-pp", d, body, "", 0);
    snprintf(d, sizeof d, "%d-12-24", last_year); /* the last day the table knows */
    check(f, "eia-pp", d, body, "", 0);
    snprintf(d, sizeof d, "%d-12-25", last_year); /* 元旦 of the next year may move it */
    snprintf(want, sizeof want, "%s|--as-of|%d|%d", d, first_year, last_year);
    check(f, "eia-pp", d, body, want, 1);
    snprintf(d, sizeof d, "%d-01-02", last_year + 1);
    snprintf(want, sizeof want, "%s|--as-of|%d|%d", d, first_year, last_year);
    check(f, "eia-book", d, body, want, 1);
    snprintf(d, sizeof d, "%d-06-01", first_year - 3); /* before the table: not stale */
    check(f, "eia-pp", d, body, "", 0);
}

/* The filing's own date, to the month or the year: its first possible day
 * decides; the finding is at the date's line. */
static void test_filing_date(void **state)
{
    fixture *f = *state;
    char md[512], want[128];
    snprintf(md, sizeof md, "建设项目环境影响报告书\n项目名称：年产2万件竹木家具项目\n编制日期：%d年12月\n%s", last_year, body);
    check(f, "eia-book", NULL, md, "", 0); /* 12月 may be the 1st, which the table knows */
    snprintf(md, sizeof md, "建设项目环境影响报告书\n项目名称：年产2万件竹木家具项目\n编制日期：%d年1月\n%s", last_year + 1, body);
    snprintf(want, sizeof want, "%d-01|编制日期|%d|%d", last_year + 1, first_year, last_year);
    check(f, "eia-book", NULL, md, want, 3);
    snprintf(md, sizeof md, "建设项目环境影响报告书\n项目名称：年产2万件竹木家具项目\n编制日期：%d年\n%s", last_year + 2, body);
    snprintf(want, sizeof want, "%d|编制日期|%d|%d", last_year + 2, first_year, last_year);
    check(f, "eia-book", NULL, md, want, 3);
    /* --as-of wins over the filing's date, both ways */
    snprintf(md, sizeof md, "建设项目环境影响报告书\n项目名称：年产2万件竹木家具项目\n编制日期：%d年1月\n%s", last_year + 1, body);
    check(f, "eia-book", "2020-06-01", md, "", 0);
}

/* No date at all: judged today, which SOURCE_DATE_EPOCH names. */
static void test_today(void **state)
{
    fixture *f = *state;
    char epoch[32], want[128];
    fl_date next = {last_year + 1, 3, 2};
    snprintf(epoch, sizeof epoch, "%ld", fl_date_days(&next) * 86400L);
    setenv("SOURCE_DATE_EPOCH", epoch, 1);
    snprintf(want, sizeof want, "%d-03-02|检查当日|%d|%d", last_year + 1, first_year, last_year);
    check(f, "eia-pp", NULL, body, want, 1);
    fl_date inside = {last_year, 3, 2};
    snprintf(epoch, sizeof epoch, "%ld", fl_date_days(&inside) * 86400L);
    setenv("SOURCE_DATE_EPOCH", epoch, 1);
    check(f, "eia-pp", NULL, body, "", 0);
    unsetenv("SOURCE_DATE_EPOCH");
}

/* Types whose rules count no working days are not told. */
static void test_other_types(void **state)
{
    fixture *f = *state;
    check(f, "eia-form", "2099-01-01", body, "", 0);
    check(f, "soil-plan", "2099-01-01", body, "", 0);
}

static void test_only_holidays(void **state)
{
    (void)state;
    static const char *const bad[] = {"<coverage table=\"places\"/>", "<coverage/>", "<coverage table=\"holidays\">x</coverage>"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        char xml[1024];
        snprintf(xml, sizeof xml,
                 "<ruleset id=\"x\"><data name=\"holidays\" file=\"holidays.xml\"/>"
                 "<rule id=\"X001\" severity=\"info\" category=\"c\"><message>m</message>%s"
                 "<example type=\"fail\">a</example><example type=\"pass\">b</example></rule></ruleset>",
                 bad[i]);
        fl_rules set;
        fl_error err;
        fl_rules_init(&set);
        if (!fl_rules_load_memory(&set, "x.xml", xml, strlen(xml), &err)) fail_msg("accepted: %s", bad[i]);
        fl_rules_free(&set);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_as_of_edges),
        cmocka_unit_test(test_filing_date),
        cmocka_unit_test(test_today),
        cmocka_unit_test(test_other_types),
        cmocka_unit_test(test_only_holidays),
    };
    return cmocka_run_group_tests(tests, group_setup, teardown);
}
