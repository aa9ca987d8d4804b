/* Unit tests for data/datatab: the shipped tables load and hold what the
 * rules rely on (the superseded standards STD001 must know, with their dates,
 * code normalisation however a code is typed, titles for STD002; every
 * province and prefecture with GB/T 2260 codes, nesting, short names and
 * former divisions; the holiday years), and broken tables fail with the file
 * and line of the problem. */
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

#include "data/tables.h"
#include "core/xmlsafe.h"

#define DATA FL_SOURCE_RULESETS "/data/"

static void must_load_std(fl_standards **t)
{
    fl_error err;
    fl_error_clear(&err);
    int rc = fl_standards_load(t, DATA "standards.xml", &err);
    if (rc) fprintf(stderr, "%s:%d: %s\n", err.file, err.line, err.message);
    assert_int_equal(rc, 0);
}

/* ---- standards ---------------------------------------------------------- */

static void test_standard_key(void **state)
{
    (void)state;
    static const struct { const char *in, *key; } cases[] = {
        {"GB 3095-2012", "GB 3095-2012"},
        {"GB3095-1996", "GB 3095-1996"},
        {"GB 3095—1996", "GB 3095-1996"},
        {"ＧＢ３０９５－１９９６", "GB 3095-1996"},
        {"GB/T14848-93", "GB 14848-1993"},
        {"GB/T 14848-1993", "GB 14848-1993"},
        {"gb/t 14848 - 93", "GB 14848-1993"},
        {"HJ/T 2.3-93", "HJ 2.3-1993"},
        {"HJ 2.3－2018", "HJ 2.3-2018"},
        {"HJ25.1-2019", "HJ 25.1-2019"},
        {"HJ 25．1—2019", "HJ 25.1-2019"},
        {"GB 3838一2002", "GB 3838-2002"},
        {"GB 3838", "GB 3838"},
        {"GB 3838-", "GB 3838"},
        {"GB 5085.3-2007）", "GB 5085.3-2007"},
        {"GB 3838-202", "GB 3838"},
    };
    char key[64];
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        size_t n = fl_standard_key(key, sizeof key, cases[i].in, strlen(cases[i].in));
        if (!n) fprintf(stderr, "no key for %s\n", cases[i].in);
        assert_true(n > 0);
        assert_string_equal(key, cases[i].key);
        assert_int_equal(n, strlen(cases[i].key));
    }
    static const char *bad[] = {"", "GB", "3095-2012", "GBXXX 3095", "GB/X 3095-2012", "GBTTT3095"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        assert_int_equal(fl_standard_key(key, sizeof key, bad[i], strlen(bad[i])), 0);
    assert_int_equal(fl_standard_key(key, 5, "GB 3095-2012", 12), 0); /* too small */
}

static void test_standards_table(void **state)
{
    (void)state;
    fl_standards *t;
    must_load_std(&t);
    assert_true(t->n >= 90);
    const fl_standard *s = fl_standards_find(t, "GB3095-1996", 11);
    assert_non_null(s);
    assert_string_equal(s->code, "GB 3095-1996");
    assert_int_equal(s->status, FL_STD_SUPERSEDED);
    assert_string_equal(s->replaced_by, "GB 3095-2012");
    assert_int_equal(s->replaced_from.y * 10000 + s->replaced_from.m * 100 + s->replaced_from.d, 20160101);
    assert_int_equal(s->conf, 'V');
    assert_true(s->line > 0);
    s = fl_standards_find(t, "HJ 2.3-93", 9); /* typed without /T */
    assert_non_null(s);
    assert_string_equal(s->code, "HJ/T 2.3-93");
    assert_string_equal(s->title, "环境影响评价技术导则 地面水环境");
    assert_int_equal(s->nalt, 1);
    assert_string_equal(s->alt[0], "环境影响评价技术导则 地面水");
    assert_null(fl_standards_find(t, "GB 3838", 7));     /* no year: use find_base */
    assert_null(fl_standards_find(t, "GB 99999-2001", 13));
    /* titles for STD002 */
    s = fl_standards_find(t, "GB3838-2002", 11);
    assert_non_null(s);
    assert_string_equal(s->title, "地表水环境质量标准");
    assert_int_equal(s->status, FL_STD_CURRENT);
    assert_string_equal(fl_standards_find(t, "GB 3096-2008", 12)->title, "声环境质量标准");
    assert_string_equal(fl_standards_find(t, "GB 16297-1996", 13)->title, "大气污染物综合排放标准");
    /* base codes */
    s = fl_standards_find_base(t, "GB 3838", 7);
    assert_non_null(s);
    assert_string_equal(s->code, "GB 3838-2002");
    s = fl_standards_find_base(t, "HJ 2.1", 6);
    assert_string_equal(s->code, "HJ 2.1-2016");
    s = fl_standards_find_base(t, "GB 3096-93", 10); /* the year is ignored */
    assert_string_equal(s->code, "GB 3096-2008");
    assert_null(fl_standards_find_base(t, "HJ 2", 4)); /* HJ 2.1 is not HJ 2 */
    /* replacement chains by date */
    const fl_standard *old = fl_standards_find(t, "HJ/T 2.1-93", 11);
    fl_date d2010 = {2010, 6, 1}, d2015 = {2015, 6, 1}, d2020 = {2020, 6, 1}, m2017 = {2017, 1, 0};
    assert_null(fl_standards_successor(t, old, &d2010));
    assert_string_equal(fl_standards_successor(t, old, &d2015)->code, "HJ 2.1-2011");
    assert_string_equal(fl_standards_successor(t, old, &d2020)->code, "HJ 2.1-2016");
    assert_string_equal(fl_standards_successor(t, old, &m2017)->code, "HJ 2.1-2016"); /* month precision */
    assert_string_equal(fl_standards_successor(t, old, NULL)->code, "HJ 2.1-2016");
    assert_null(fl_standards_successor(t, fl_standards_find(t, "HJ 2.1-2016", 11), NULL));
    fl_standards_free(t);
    fl_standards_free(NULL);
}

/* The superseded standards STD001 must know, with the day each stopped
 * being citable (its replacement's implementation date). */
static void test_rules_md_list(void **state)
{
    (void)state;
    static const struct { const char *old, *now, *from; } list[] = {
        {"GB 3095-1996", "GB 3095-2012", "2016-01-01"},   {"GB 3096-1993", "GB 3096-2008", "2008-10-01"},
        {"GB 12348-1990", "GB 12348-2008", "2008-10-01"}, {"GB 12523-1990", "GB 12523-2011", "2012-07-01"},
        {"GB 18599-2001", "GB 18599-2020", "2021-07-01"}, {"GB 18597-2001", "GB 18597-2023", "2023-07-01"},
        {"GB/T 14848-93", "GB/T 14848-2017", "2018-05-01"}, {"GB 15618-1995", "GB 15618-2018", "2018-08-01"},
        {"HJ 350-2007", "GB 36600-2018", "2018-08-01"},   {"HJ 2.1-2011", "HJ 2.1-2016", "2017-01-01"},
        {"HJ 2.2-2008", "HJ 2.2-2018", "2018-12-01"},     {"HJ/T 2.3-93", "HJ 2.3-2018", "2019-03-01"},
        {"HJ 2.4-2009", "HJ 2.4-2021", "2022-07-01"},     {"HJ 610-2011", "HJ 610-2016", "2016-01-07"},
        {"HJ 19-2011", "HJ 19-2022", "2022-07-01"},       {"HJ/T 169-2004", "HJ 169-2018", "2019-03-01"},
        {"HJ 25.1-2014", "HJ 25.1-2019", "2019-12-05"},   {"HJ 25.2-2014", "HJ 25.2-2019", "2019-12-05"},
        {"HJ 25.3-2014", "HJ 25.3-2019", "2019-12-05"},   {"HJ 25.4-2014", "HJ 25.4-2019", "2019-12-05"},
        {"GB 18598-2001", "GB 18598-2019", "2020-06-01"}, {"HJ 130-2014", "HJ 130-2019", "2020-03-01"},
    };
    fl_standards *t;
    must_load_std(&t);
    for (size_t i = 0; i < sizeof list / sizeof list[0]; i++) {
        const fl_standard *s = fl_standards_find(t, list[i].old, strlen(list[i].old));
        if (!s) fprintf(stderr, "missing %s\n", list[i].old);
        assert_non_null(s);
        assert_int_equal(s->status, FL_STD_SUPERSEDED);
        const fl_standard *r = fl_standards_find(t, s->replaced_by, strlen(s->replaced_by));
        assert_non_null(r);
        assert_string_equal(r->code, list[i].now);
        assert_int_equal(r->status, FL_STD_CURRENT);
        char iso[11];
        fl_date_format(&s->replaced_from, iso);
        assert_string_equal(iso, list[i].from);
        assert_non_null(s->title);
        assert_non_null(s->source);
    }
    /* every row is well formed: superseded rows have a date, titles are set */
    for (size_t i = 0; i < t->n; i++) {
        const fl_standard *s = &t->items[i];
        assert_true(s->title[0] != '\0');
        assert_true(s->conf == 'V' || s->conf == 'P' || s->conf == 'M');
        if (s->status == FL_STD_SUPERSEDED) assert_true(s->replaced_from.y >= 1990);
        else assert_int_equal(s->replaced_from.y, 0);
    }
    fl_standards_free(t);
}

/* ---- places --------------------------------------------------------------- */

static fl_places *places;

static int places_setup(void **state)
{
    (void)state;
    fl_error err;
    fl_error_clear(&err);
    if (fl_places_load(&places, DATA "places.xml", &err)) {
        fprintf(stderr, "%s:%d: %s\n", err.file, err.line, err.message);
        return -1;
    }
    return 0;
}

static int places_teardown(void **state)
{
    (void)state;
    fl_places_free(places);
    return 0;
}

static size_t count_level(fl_place_level lv, uint32_t prefix, uint32_t unit)
{
    size_t n = 0;
    for (size_t i = 0; i < places->ncurrent; i++)
        if (places->items[i].level == lv && (!prefix || places->items[i].code / unit == prefix)) n++;
    return n;
}

static void test_places_counts(void **state)
{
    (void)state;
    assert_int_equal(count_level(FL_PLACE_PROVINCE, 0, 1), 34);
    assert_int_equal(count_level(FL_PLACE_PREFECTURE, 0, 1), 333);
    assert_int_equal(count_level(FL_PLACE_COUNTY, 0, 1), 2846);
    /* the fixture provinces, county level (2020) */
    assert_int_equal(count_level(FL_PLACE_COUNTY, 32, 10000), 95);  /* 江苏 */
    assert_int_equal(count_level(FL_PLACE_COUNTY, 33, 10000), 90);  /* 浙江 */
    assert_int_equal(count_level(FL_PLACE_COUNTY, 37, 10000), 136); /* 山东 */
    assert_int_equal(count_level(FL_PLACE_COUNTY, 51, 10000), 183); /* 四川 */
    assert_int_equal(count_level(FL_PLACE_COUNTY, 44, 10000), 122); /* 广东 */
    assert_int_equal(count_level(FL_PLACE_PREFECTURE, 32, 10000), 13);
    assert_int_equal(count_level(FL_PLACE_PREFECTURE, 51, 10000), 21);
    assert_int_equal(places->n - places->ncurrent, 14);
    assert_int_equal(places->as_of.y, 2020);
}

static void test_places_codes(void **state)
{
    (void)state;
    const fl_place *p = fl_places_by_code(places, 320505);
    assert_non_null(p);
    assert_string_equal(p->name, "虎丘区");
    assert_string_equal(p->short_name, "虎丘");
    assert_int_equal(p->level, FL_PLACE_COUNTY);
    const fl_place *city = fl_places_parent(places, p);
    assert_string_equal(city->name, "苏州市");
    assert_int_equal(city->code, 320500);
    const fl_place *prov = fl_places_parent(places, city);
    assert_string_equal(prov->name, "江苏省");
    assert_string_equal(prov->short_name, "江苏");
    assert_null(fl_places_parent(places, prov));
    assert_ptr_equal(&places->items[p->province], prov);
    assert_true(fl_places_within(places, p, prov));
    assert_true(fl_places_within(places, p, p));
    assert_false(fl_places_within(places, prov, p));
    assert_false(fl_places_within(places, p, fl_places_by_code(places, 330000)));
    /* 项目代码 2403-320506-...: 吴中区 inside 苏州市 */
    assert_true(fl_places_within(places, fl_places_by_code(places, 320506), city));
    /* municipalities and 省直辖县级: counties directly under the province */
    p = fl_places_by_code(places, 110105);
    assert_string_equal(p->name, "朝阳区");
    assert_true(p->short_is_word);
    assert_string_equal(fl_places_parent(places, p)->name, "北京市");
    assert_string_equal(fl_places_parent(places, fl_places_by_code(places, 429004))->name, "湖北省");
    assert_string_equal(fl_places_by_code(places, 500243)->name, "彭水苗族土家族自治县");
    assert_null(fl_places_by_code(places, 429000)); /* pseudo-prefecture, not a division */
    assert_null(fl_places_by_code(places, 320571)); /* 苏州工业园区: statistical code only */
    assert_string_equal(fl_places_nearest(places, 320571)->name, "苏州市");
    assert_string_equal(fl_places_nearest(places, 329999)->name, "江苏省");
    assert_null(fl_places_nearest(places, 990000));
    assert_string_equal(fl_places_by_code(places, 810000)->short_name, "香港");
    /* prefectures without counties */
    assert_int_equal(fl_places_by_code(places, 441900)->level, FL_PLACE_PREFECTURE);
    /* former divisions */
    assert_null(fl_places_by_code(places, 371200));
    p = fl_places_former_by_code(places, 371200);
    assert_non_null(p);
    assert_string_equal(p->name, "莱芜市");
    assert_true(p->former);
    assert_int_equal(p->since, 2019);
    assert_string_equal(places->items[p->now].name, "济南市");
    assert_string_equal(places->items[p->province].name, "山东省");
    assert_string_equal(fl_places_by_code(places, 370116)->name, "莱芜区");
}

static const fl_place *only_place(const char *name)
{
    size_t first, n = fl_places_by_name(places, name, strlen(name), &first);
    if (n != 1) fprintf(stderr, "%s: %zu places\n", name, n);
    assert_int_equal(n, 1);
    return &places->items[places->names[first].place];
}

static void test_places_names(void **state)
{
    (void)state;
    assert_int_equal(only_place("苏州")->code, 320500);
    assert_int_equal(only_place("苏州市")->code, 320500);
    assert_int_equal(only_place("江苏")->code, 320000);
    assert_int_equal(only_place("阿坝藏族羌族自治州")->code, 513200);
    assert_int_equal(only_place("阿坝州")->code, 513200);
    assert_int_equal(only_place("内蒙古")->code, 150000);
    assert_int_equal(only_place("广西")->code, 450000);
    assert_int_equal(only_place("莱芜市")->code, 371200); /* the former city */
    assert_int_equal(only_place("莱芜")->code, 370116);   /* today's district */
    assert_int_equal(only_place("峨边")->code, 511132);
    assert_int_equal(only_place("海南")->code, 460000);   /* not 海南藏族自治州 */
    /* one short name, several places: 阿坝 is the 州's alias and 阿坝县's short name */
    size_t first, n = fl_places_by_name(places, "阿坝", 6, &first);
    assert_int_equal(n, 2);
    assert_int_equal(places->names[first].kind, FL_NAME_ALIAS);
    assert_int_equal(places->items[places->names[first].place].code, 513200);
    assert_int_equal(places->names[first + 1].kind, FL_NAME_SHORT);
    assert_int_equal(places->items[places->names[first + 1].place].code, 513231);
    n = fl_places_by_name(places, "朝阳", 6, &first);
    assert_true(n >= 3);
    bool beijing = false, liaoning = false;
    for (size_t i = first; i < first + n; i++) {
        const fl_place *p = &places->items[places->names[i].place];
        assert_int_equal(places->names[i].kind, FL_NAME_SHORT);
        beijing |= p->code == 110105;
        liaoning |= p->code == 211300;
    }
    assert_true(beijing && liaoning);
    /* no one-character short names (沛县 stays whole) */
    assert_null(fl_places_by_code(places, 320322)->short_name);
    assert_int_equal(fl_places_by_name(places, "沛", 3, &first), 0);
    assert_int_equal(fl_places_by_name(places, "", 0, &first), 0);
    /* names are sorted, for the binary search */
    for (size_t i = 1; i < places->nnames; i++)
        assert_true(strcmp(places->names[i - 1].text, places->names[i].text) <= 0);
}

typedef struct found { char text[8][32]; size_t n; } found;

static int on_place(void *ctx, size_t start, size_t end, uint32_t id)
{
    found *f = ctx;
    (void)start;
    if (f->n < 8) snprintf(f->text[f->n], sizeof f->text[0], "%s", places->names[id].text);
    assert_int_equal(end - start, places->names[id].len);
    f->n++;
    return 0;
}

static void test_places_automaton(void **state)
{
    (void)state;
    fl_ac *ac = fl_places_automaton(places, FL_NAME_FULL | FL_NAME_SHORT | FL_NAME_ALIAS, false);
    const char *text = "项目位于江苏省苏州市吴中区木渎镇，东侧为朝阳路。";
    found f = {{{0}}, 0};
    fl_ac_scan(ac, text, strlen(text), FL_AC_LEFTMOST_LONGEST, on_place, &f);
    assert_int_equal(f.n, 3); /* 朝阳 is an everyday word: left out */
    assert_string_equal(f.text[0], "江苏省");
    assert_string_equal(f.text[1], "苏州市");
    assert_string_equal(f.text[2], "吴中区");
    fl_ac_free(ac);
    ac = fl_places_automaton(places, FL_NAME_SHORT, true);
    memset(&f, 0, sizeof f);
    fl_ac_scan(ac, text, strlen(text), FL_AC_LEFTMOST_LONGEST, on_place, &f);
    /* 江苏, 苏州, 吴中, then 朝阳 once per place that has it */
    assert_true(f.n >= 5);
    assert_string_equal(f.text[0], "江苏");
    assert_string_equal(f.text[3], "朝阳");
    fl_ac_free(ac);
}

/* ---- holidays ------------------------------------------------------------- */

static void test_holidays_table(void **state)
{
    (void)state;
    fl_holidays *h;
    fl_error err;
    fl_error_clear(&err);
    assert_int_equal(fl_holidays_load(&h, DATA "holidays.xml", &err), 0);
    assert_int_equal(h->nyears, 9);
    for (size_t i = 0; i < h->nyears; i++) assert_int_equal(h->years[i].year, 2018 + (int)i);
    const fl_holiday_year *y = fl_holidays_year(h, 2024);
    assert_non_null(y);
    assert_string_equal(y->notice, "国务院办公厅关于2024年部分节假日安排的通知");
    assert_string_equal(y->number, "国办发明电〔2023〕7号");
    assert_int_equal(y->noff, 7);
    assert_int_equal(y->nwork, 8);
    assert_string_equal(y->off[1].name, "春节");
    assert_int_equal(y->off[1].from.m * 100 + y->off[1].from.d, 210);
    assert_int_equal(y->off[1].to.m * 100 + y->off[1].to.d, 217);
    assert_int_equal(fl_holidays_year(h, 2019)->namended, 1);
    assert_null(fl_holidays_year(h, 2026)->number); /* not seen in any source */
    assert_null(fl_holidays_year(h, 2027));
    assert_null(fl_holidays_year(NULL, 2024));
    fl_holidays_free(h);
    fl_holidays_free(NULL);
}

/* ---- broken tables -------------------------------------------------------- */

static int tmp_setup(void **state)
{
    (void)state;
    static const char *const schemas[] = {"data.rng", NULL};
    return tabdir_setup("datatab", schemas);
}

static const char *write_table(const char *xml) { return tabdir_write("t.xml", xml); }

#define STD_HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<standards>\n"
#define STD_ROW(code, extra) "<standard code=\"" code "\" title=\"t\" " extra " conf=\"V\" source=\"s\"/>\n"

static void test_broken_standards(void **state)
{
    (void)state;
    fl_standards *t = (fl_standards *)1;
    fl_error err;
    const char *p;

    p = write_table(STD_HEAD STD_ROW("GB 1-2000", "status=\"current\"") "</standards>\n");
    fl_error_clear(&err);
    assert_int_equal(fl_standards_load(&t, p, &err), 0);
    assert_int_equal(t->n, 1);
    fl_standards_free(t);

    p = write_table(STD_HEAD STD_ROW("GB 1-2000", "status=\"current\"") "<standard code=\"GB 2\"/>\n</standards>\n");
    fl_error_clear(&err);
    tabdir_expect_error(fl_standards_load(&t, p, &err), &err, p, 4, "schema");
    assert_null(t);

    p = write_table(STD_HEAD STD_ROW("GB 1-2000", "status=\"current\"")
                    STD_ROW("GB/T 1-2000", "status=\"current\"") "</standards>\n");
    fl_error_clear(&err);
    tabdir_expect_error(fl_standards_load(&t, p, &err), &err, p, 4, "same standard");

    p = write_table(STD_HEAD STD_ROW("GB 1-2000", "status=\"superseded\" replaced-by=\"GB 1-2010\" replaced-from=\"2010-01-01\"")
                    "</standards>\n");
    fl_error_clear(&err);
    tabdir_expect_error(fl_standards_load(&t, p, &err), &err, p, 3, "does not list");

    p = write_table(STD_HEAD STD_ROW("GB 1-2000", "status=\"superseded\" replaced-from=\"2010-02-30\"") "</standards>\n");
    fl_error_clear(&err);
    tabdir_expect_error(fl_standards_load(&t, p, &err), &err, p, 3, "2010-02-30");

    p = write_table(STD_HEAD "<standard code=\"GB 1-2000\"\n</standards>\n");
    fl_error_clear(&err);
    tabdir_expect_error(fl_standards_load(&t, p, &err), &err, p, -1, "malformed XML");
    assert_true(err.line > 0);

    p = write_table("<?xml version=\"1.0\"?>\n<!DOCTYPE standards [<!ENTITY x \"y\">]>\n<standards/>\n");
    fl_error_clear(&err);
    tabdir_expect_error(fl_standards_load(&t, p, &err), &err, p, -1, "DTD");

    p = write_table("<?xml version=\"1.0\"?>\n<holidays/>\n");
    fl_error_clear(&err);
    tabdir_expect_error(fl_standards_load(&t, p, &err), &err, p, 2, "expected a <standards>");

    p = write_table("");
    fl_error_clear(&err);
    tabdir_expect_error(fl_standards_load(&t, p, &err), &err, p, 0, "empty");

    fl_error_clear(&err);
    tabdir_expect_error(fl_standards_load(&t, "/nonexistent/standards.xml", &err), &err,
                 "/nonexistent/standards.xml", 0, "cannot read");
}

static void test_broken_places_holidays(void **state)
{
    (void)state;
    fl_places *pl;
    fl_holidays *h;
    fl_error err;
    const char *p;
    p = write_table("<?xml version=\"1.0\"?>\n<places dataset=\"d\" as-of=\"2020-12-31\">\n"
                    "<province code=\"320000\" name=\"江苏省\">\n"
                    "  <prefecture code=\"320500\" name=\"苏州市\">\n"
                    "    <county code=\"330505\" name=\"虎丘区\"/>\n"
                    "  </prefecture>\n</province>\n</places>\n");
    fl_error_clear(&err);
    tabdir_expect_error(fl_places_load(&pl, p, &err), &err, p, 5, "does not lie under");

    p = write_table("<?xml version=\"1.0\"?>\n<places dataset=\"d\" as-of=\"2020-12-31\">\n"
                    "<province code=\"320000\" name=\"江苏省\"/>\n"
                    "<former code=\"371200\" name=\"莱芜市\" level=\"prefecture\" now=\"370100\" since=\"2019\" conf=\"M\" note=\"n\"/>\n"
                    "</places>\n");
    fl_error_clear(&err);
    tabdir_expect_error(fl_places_load(&pl, p, &err), &err, p, 4, "not a current code");

    p = write_table("<?xml version=\"1.0\"?>\n<places dataset=\"d\" as-of=\"2020-12-31\">\n"
                    "<province code=\"32000A\" name=\"江苏省\"/>\n</places>\n");
    fl_error_clear(&err);
    tabdir_expect_error(fl_places_load(&pl, p, &err), &err, p, 3, "six-digit");

    p = write_table("<?xml version=\"1.0\"?>\n<places dataset=\"d\" as-of=\"2020-12-31\">\n"
                    "<province code=\"3200000\" name=\"江苏省\"/>\n</places>\n");
    fl_error_clear(&err);
    tabdir_expect_error(fl_places_load(&pl, p, &err), &err, p, 3, "schema");

    p = write_table("<?xml version=\"1.0\"?>\n<places dataset=\"d\" as-of=\"2020-12-31\">\n"
                    "<province code=\"320000\" name=\"江苏省\"/>\n<province code=\"320000\" name=\"又一个\"/>\n"
                    "</places>\n");
    fl_error_clear(&err);
    tabdir_expect_error(fl_places_load(&pl, p, &err), &err, p, -1, "used by both");

#define YEAR "<year y=\"2030\" conf=\"M\" notice=\"n\" issued=\"2029-11-01\" source=\"s\">\n"
    p = write_table("<?xml version=\"1.0\"?>\n<holidays>\n" YEAR
                    "<off name=\"春节\" from=\"2030-02-02\" to=\"2030-02-08\"/>\n"
                    "<work date=\"2030-02-03\" for=\"春节\"/>\n</year>\n</holidays>\n");
    fl_error_clear(&err);
    tabdir_expect_error(fl_holidays_load(&h, p, &err), &err, p, 5, "both a working day");

    p = write_table("<?xml version=\"1.0\"?>\n<holidays>\n" YEAR
                    "<off name=\"春节\" from=\"2030-02-08\" to=\"2030-02-02\"/>\n</year>\n</holidays>\n");
    fl_error_clear(&err);
    tabdir_expect_error(fl_holidays_load(&h, p, &err), &err, p, 4, "ends before");

    p = write_table("<?xml version=\"1.0\"?>\n<holidays>\n" YEAR "</year>\n" YEAR "</year>\n</holidays>\n");
    fl_error_clear(&err);
    tabdir_expect_error(fl_holidays_load(&h, p, &err), &err, p, 5, "appears twice");

    p = write_table("<?xml version=\"1.0\"?>\n<holidays>\n" YEAR
                    "<off name=\"国庆节\" from=\"2031-10-01\" to=\"2031-10-07\"/>\n</year>\n</holidays>\n");
    fl_error_clear(&err);
    tabdir_expect_error(fl_holidays_load(&h, p, &err), &err, p, 4, "outside 2030");

    p = write_table("<?xml version=\"1.0\"?>\n<holidays>\n" YEAR
                    "<off name=\"元旦\" from=\"2029-12-30\" to=\"2030-01-01\"/>\n"
                    "<work date=\"2029-12-29\" for=\"元旦\"/>\n</year>\n</holidays>\n");
    fl_error_clear(&err);
    assert_int_equal(fl_holidays_load(&h, p, &err), 0);
    assert_int_equal(h->years[0].noff, 1);
    assert_int_equal(h->years[0].work[0].line, 5);
    fl_holidays_free(h);
}

int main(void)
{
    fl_xml_init();
    const struct CMUnitTest std_tests[] = {
        cmocka_unit_test(test_standard_key),
        cmocka_unit_test(test_standards_table),
        cmocka_unit_test(test_rules_md_list),
        cmocka_unit_test(test_holidays_table),
    };
    const struct CMUnitTest place_tests[] = {
        cmocka_unit_test(test_places_counts),
        cmocka_unit_test(test_places_codes),
        cmocka_unit_test(test_places_names),
        cmocka_unit_test(test_places_automaton),
    };
    const struct CMUnitTest broken_tests[] = {
        cmocka_unit_test(test_broken_standards),
        cmocka_unit_test(test_broken_places_holidays),
    };
    int failed = cmocka_run_group_tests_name("standards", std_tests, NULL, NULL);
    failed += cmocka_run_group_tests_name("places", place_tests, places_setup, places_teardown);
    failed += cmocka_run_group_tests_name("broken", broken_tests, tmp_setup, tabdir_teardown);
    return failed;
}
