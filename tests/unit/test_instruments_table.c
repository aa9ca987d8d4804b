/* Unit tests of the instruments table (rulesets/data/instruments.xml) and its
 * citation matcher: the rows LAW001 is known for, with their dates; the key
 * form that makes 〔〕[]()【】, full-width digits and spaces not matter; the
 * boundaries (44号令 is not inside 144号令, 苏环办〔2014〕93号 is Jiangsu's);
 * long texts matched a window at a time without losing or doubling a
 * citation on a window's edge; and broken tables reported with file and line. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "tabdir.h"

#include "core/date.h"
#include "core/error.h"
#include "data/instruments.h"

#define TABLE FL_SOURCE_RULESETS "/data/instruments.xml"

static fl_instruments *load_shipped(void)
{
    fl_instruments *t = NULL;
    fl_error err;
    fl_error_clear(&err);
    int rc = fl_instruments_load(&t, TABLE, &err);
    if (rc) fprintf(stderr, "%s:%d: %s\n", err.file, err.line, err.message);
    assert_int_equal(rc, 0);
    return t;
}

static fl_date day(const char *iso)
{
    fl_date d;
    assert_int_equal(fl_date_iso_parse(&d, iso), 0);
    return d;
}

/* ---- key form ------------------------------------------------------------ */

static void expect_key(const char *in, const char *want)
{
    char out[256];
    uint32_t map[256];
    size_t n = fl_instrument_key(in, strlen(in), out, map);
    assert_string_equal(out, want);
    assert_int_equal(n, strlen(want));
    assert_int_equal(map[n], strlen(in));
}

static void test_key_form(void **state)
{
    (void)state;
    expect_key("环办〔2014〕93号", "环办201493号");
    expect_key("环办[2014]93号", "环办201493号");
    expect_key("环办（2014）93号", "环办201493号");
    expect_key("环办【2014】第93号", "环办201493号");
    expect_key("环办﹝２０１４﹞９３号", "环办201493号");
    expect_key("部令第 ４４ 号", "部令第44号");
    expect_key("《国家危险废物名录（2016年版）》", "国家危险废物名录2016年版");
    expect_key("环境保护部、国家发展和改革委员会令第1号", "环境保护部国家发展和改革委员会令第1号");
    expect_key("—— 。，", "");
    /* the map points at the character each key byte came from */
    char out[64];
    uint32_t map[64];
    const char *s = "（环办〔2014〕93号）";
    size_t n = fl_instrument_key(s, strlen(s), out, map);
    assert_int_equal(map[0], strlen("（"));
    assert_int_equal(map[n - 1], strlen("（环办〔2014〕93"));
}

/* ---- the shipped table --------------------------------------------------- */

static void test_shipped_rows(void **state)
{
    (void)state;
    fl_instruments *t = load_shipped();
    /* the instruments LAW001 was asked for, each with its cutoff and what follows it */
    static const struct { const char *id, *next, *from; } want[] = {
        {"eia-catalogue-2015", "eia-catalogue-2017", "2017-09-01"},
        {"eia-catalogue-2017", "eia-catalogue-2021", "2021-01-01"},
        {"pp-interim-2006", "pp-2019", "2019-01-01"},
        {"eia-qualification-2015", NULL, "2019-11-01"},
        {"hw-2008", "hw-2016", "2016-08-01"},
        {"hw-2016", "hw-2021", "2021-01-01"},
        {"hw-2021", "hw-2025", "2025-01-01"},
        {"isa-2011", "isa-2019", "2020-01-01"},
        {"isa-2019", "isa-2024", "2024-02-01"},
        {"soil-farmland-guide-2014", NULL, "2020-08-27"},
        {"soil-fund-special", "soil-fund-2022", "2022-05-11"},
        {"park-plan-eia-2011", "park-plan-eia-2020", "2020-11-12"},
        {"eia-info-form-2017", "eia-info-form-2021", "2021-04-01"},
    };
    for (size_t i = 0; i < sizeof want / sizeof *want; i++) {
        const fl_instrument *in = fl_instruments_find(t, want[i].id);
        if (!in) fprintf(stderr, "missing %s\n", want[i].id);
        assert_non_null(in);
        fl_date f = day(want[i].from);
        assert_int_equal(fl_date_cmp(&in->from, &f), 0);
        if (want[i].next) {
            assert_int_equal(in->status, FL_INSTR_REPLACED);
            assert_string_equal(in->replaced_by->id, want[i].next);
        } else {
            assert_int_equal(in->status, FL_INSTR_REPEALED);
            assert_non_null(in->repealed_by);
        }
        assert_true(in->conf == 'V' || in->conf == 'P' || in->conf == 'M');
        assert_non_null(in->source);
    }
    /* an amended-in-place instrument has no row */
    for (size_t i = 0; i < t->ncites; i++)
        assert_null(strstr(t->cites[i].key, "建设项目环境保护管理条例"));
    assert_null(fl_instruments_find(t, "no-such-row"));
    assert_string_equal(fl_instruments_find(t, "eia-catalogue-2017")->display,
                        "《建设项目环境影响评价分类管理名录》（环境保护部令第44号）");
    fl_instruments_free(t);
    fl_instruments_free(NULL);
}

static void test_successor_by_date(void **state)
{
    (void)state;
    fl_instruments *t = load_shipped();
    const fl_instrument *hw = fl_instruments_find(t, "hw-2016");
    fl_date from = {0, 0, 0}, d;
    d = day("2020-12-31");
    assert_null(fl_instrument_successor(hw, &d, &from));
    d = day("2021-01-01");
    assert_string_equal(fl_instrument_successor(hw, &d, &from)->id, "hw-2021");
    assert_int_equal(from.y * 10000 + from.m * 100 + from.d, 20210101);
    d = day("2025-06-01");
    assert_string_equal(fl_instrument_successor(hw, &d, &from)->id, "hw-2025");
    assert_int_equal(from.y * 10000 + from.m * 100 + from.d, 20250101);
    const fl_instrument *g = fl_instruments_find(t, "soil-farmland-guide-2014");
    d = day("2020-08-26");
    assert_null(fl_instrument_successor(g, &d, &from));
    d = day("2020-08-27");
    assert_ptr_equal(fl_instrument_successor(g, &d, &from), g); /* repealed: itself */
    d = day("2030-01-01");
    assert_null(fl_instrument_successor(fl_instruments_find(t, "hw-2025"), &d, &from));
    fl_instruments_free(t);
}

/* ---- matching ------------------------------------------------------------ */

/* The ids of the rows cited in text, in order, space-separated. */
static const char *ids(const fl_instruments *t, const char *text, fl_instr_scratch *sc)
{
    static char out[1024];
    const fl_instr_match *m;
    size_t n = fl_instruments_match(t, text, strlen(text), sc, &m);
    out[0] = '\0';
    for (size_t i = 0; i < n; i++) {
        strcat(out, i ? " " : "");
        strcat(out, m[i].cite->inst->id);
        assert_true(m[i].start < m[i].end && m[i].end <= strlen(text));
    }
    return out;
}

static void test_match_forms(void **state)
{
    (void)state;
    fl_instruments *t = load_shipped();
    fl_instr_scratch sc = {0};
    /* brackets, full-width digits, spaces, 第 */
    assert_string_equal(ids(t, "《农用地污染土壤修复项目管理指南（试行）》（环办〔2014〕93号）", &sc),
                        "soil-farmland-guide-2014 soil-farmland-guide-2014");
    assert_string_equal(ids(t, "环办[2014]93号", &sc), "soil-farmland-guide-2014");
    assert_string_equal(ids(t, "环办（２０１４）第９３号", &sc), "soil-farmland-guide-2014");
    assert_string_equal(ids(t, "根据环办【2014】93号文", &sc), "soil-farmland-guide-2014");
    /* another issuer's 文号 */
    assert_string_equal(ids(t, "苏环办〔2014〕93号", &sc), "");
    assert_string_equal(ids(t, "浙环发〔2011〕14号", &sc), "");
    /* not inside a longer number */
    assert_string_equal(ids(t, "环办〔2014〕193号；环发〔2011〕114号", &sc), "");
    assert_string_equal(ids(t, "名录144号令", &sc), "");
    assert_string_equal(ids(t, "名录44号令", &sc), "eia-catalogue-2017");
    assert_string_equal(ids(t, "部令第 ４４ 号", &sc), "eia-catalogue-2017");
    /* the full form and its short form overlap: both are reported, the kind keeps one */
    assert_string_equal(ids(t, "环境保护部令第44号", &sc), "eia-catalogue-2017 eia-catalogue-2017");
    /* editions by year */
    assert_string_equal(ids(t, "《国家危险废物名录》（2016版）", &sc), "hw-2016");
    assert_string_equal(ids(t, "《国家危险废物名录（2021年版）》", &sc), "hw-2021");
    assert_string_equal(ids(t, "产业结构调整指导目录(2011年本)(2013年修正)", &sc), "isa-2011");
    /* titles that only look alike */
    assert_string_equal(ids(t, "《环境影响评价公众参与办法》", &sc), "pp-2019");
    assert_string_equal(ids(t, "《环境影响评价公众参与暂行办法》", &sc), "pp-interim-2006");
    assert_string_equal(ids(t, "拟申请中央土壤污染防治专项资金额度", &sc), "");
    assert_string_equal(ids(t, "《建设项目环境影响评价分类管理名录》", &sc), ""); /* no edition named */
    assert_string_equal(ids(t, "", &sc), "");
    fl_instr_scratch_free(&sc);
    fl_instruments_free(t);
}

/* A citation anywhere in a long text, on a window's edge too, is found exactly
 * once and where it is. */
static void test_match_windows(void **state)
{
    (void)state;
    fl_instruments *t = load_shipped();
    fl_instr_scratch sc = {0};
    const char *cite = "（环办〔2014〕93号）";
    size_t cl = strlen(cite), len = 300000;
    char *text = malloc(len + 1);
    static const size_t at[] = {0, 65536 - 20, 65536 - 3, 65536, 65536 + 7, 131072 - 10, 200000, 300000 - 40};
    size_t nat = sizeof at / sizeof *at;
    for (size_t k = 0; k < nat; k++) {
        /* ASCII filler (kept in the key form, so windows are full), then the cite */
        memset(text, 'a', len);
        memcpy(text + at[k], cite, cl);
        text[len] = '\0';
        const fl_instr_match *m;
        size_t n = fl_instruments_match(t, text, len, &sc, &m);
        assert_int_equal(n, 1);
        assert_int_equal(m[0].start, at[k] + strlen("（"));
        assert_int_equal(m[0].end, at[k] + cl - strlen("）"));
    }
    /* many citations in one paragraph: each once */
    size_t pos = 0, count = 0;
    while (pos + cl + 7 < len) {
        memcpy(text + pos, cite, cl);
        memcpy(text + pos + cl, "aaaaaaa", 7);
        pos += cl + 7;
        count++;
    }
    text[pos] = '\0';
    const fl_instr_match *m;
    assert_int_equal(fl_instruments_match(t, text, pos, &sc, &m), count);
    for (size_t i = 1; i < count; i++) assert_true(m[i].start > m[i - 1].start);
    free(text);
    fl_instr_scratch_free(&sc);
    fl_instruments_free(t);
}

/* ---- broken tables -------------------------------------------------------- */

static int tmp_setup(void **state)
{
    (void)state;
    static const char *const schemas[] = {"instruments.rng", NULL};
    return tabdir_setup("instr", schemas);
}

static const char *write_table(const char *xml) { return tabdir_write("t.xml", xml); }

#define HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<instruments>\n"
#define ROW(id, extra, cite) \
    "<instrument id=\"" id "\" title=\"t\" " extra " conf=\"V\" source=\"s\"><cite>" cite "</cite></instrument>\n"
#define CUR "status=\"current\""

static void expect_error(const char *xml, int line, const char *needle)
{
    fl_instruments *t = (fl_instruments *)1;
    fl_error err;
    fl_error_clear(&err);
    const char *p = write_table(xml);
    tabdir_expect_error(fl_instruments_load(&t, p, &err), &err, p, line, needle);
    assert_null(t);
}

static void test_broken_tables(void **state)
{
    (void)state;
    fl_instruments *t = NULL;
    fl_error err;
    fl_error_clear(&err);
    const char *p = write_table(HEAD ROW("a", CUR, "某某令第1号") "</instruments>\n");
    assert_int_equal(fl_instruments_load(&t, p, &err), 0);
    assert_int_equal(t->n, 1);
    fl_instruments_free(t);

    /* the schema: a replaced row without its date, an unknown status */
    expect_error(HEAD ROW("a", "status=\"replaced\" replaced-by=\"b\"", "x") "</instruments>\n", 3, "schema");
    expect_error(HEAD ROW("a", "status=\"old\"", "x") "</instruments>\n", 3, "schema");
    /* what the schema cannot say */
    expect_error(HEAD ROW("a", CUR, "x") ROW("a", CUR, "y") "</instruments>\n", 4, "used twice");
    expect_error(HEAD ROW("a", "status=\"replaced\" replaced-by=\"b\" from=\"2020-01-01\"", "x") "</instruments>\n", 3,
                 "does not list");
    expect_error(HEAD ROW("a", "status=\"replaced\" replaced-by=\"b\" from=\"2020-01-01\"", "x")
                     ROW("b", "status=\"replaced\" replaced-by=\"a\" from=\"2021-01-01\"", "y") "</instruments>\n",
                 3, "loop");
    expect_error(HEAD ROW("a", "status=\"repealed\" repealed-by=\"r\" from=\"2020-02-30\"", "x") "</instruments>\n", 3,
                 "2020-02-30");
    expect_error(HEAD ROW("a", CUR, "（）") "</instruments>\n", 3, "holds no Han");
    expect_error(HEAD ROW("a", CUR, "环办〔2014〕93号") ROW("b", CUR, "环办[2014]93号") "</instruments>\n", 4,
                 "also a cite of a");
    expect_error(HEAD "<instrument id=\"a\"\n</instruments>\n", -1, "malformed XML");
    expect_error("<?xml version=\"1.0\"?>\n<standards/>\n", 2, "expected a <instruments>");
    expect_error("", 0, "empty");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_key_form),
        cmocka_unit_test(test_shipped_rows),
        cmocka_unit_test(test_successor_by_date),
        cmocka_unit_test(test_match_forms),
        cmocka_unit_test(test_match_windows),
    };
    const struct CMUnitTest broken[] = {
        cmocka_unit_test(test_broken_tables),
    };
    int rc = cmocka_run_group_tests_name("instruments table", tests, NULL, NULL);
    return rc | cmocka_run_group_tests_name("broken instruments tables", broken, tmp_setup, tabdir_teardown);
}
