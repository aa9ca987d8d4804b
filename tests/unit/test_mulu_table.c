/* Unit tests of the 名录 table (rulesets/data/mulu.xml) and its lookup: the
 * shipped rows EIA108 judges by, with their thresholds; the ways real 报告表
 * write 建设项目行业类别 (number and name, a dash or a full stop, two
 * categories glued together, a name alone, the column quoted after it) and
 * the ones that must find nothing (a bare number, a GB/T 4754 code and name);
 * a chapter name is not a class inside it; and broken tables reported with
 * file and line, including a <judge> pattern that does not compile (exit 3
 * when a ruleset using the table is loaded). */
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

#include "core/error.h"
#include "data/mulu.h"
#include "rules/ruleset.h"

#define TABLE FL_SOURCE_RULESETS "/data/mulu.xml"

static fl_mulu *load_shipped(void)
{
    fl_mulu *t = NULL;
    fl_error err;
    fl_error_clear(&err);
    int rc = fl_mulu_load(&t, TABLE, &err);
    if (rc) fprintf(stderr, "%s:%d: %s\n", err.file, err.line, err.message);
    assert_int_equal(rc, 0);
    return t;
}

static const fl_mulu_item *item(const fl_mulu *t, const char *no)
{
    for (size_t i = 0; i < t->n; i++)
        if (!strcmp(t->items[i].no, no)) return &t->items[i];
    fail_msg("item %s missing", no);
    return NULL;
}

/* The item numbers a value finds, space-separated ("" for none). */
static const char *found(const fl_mulu *t, const char *value)
{
    static char out[128];
    const fl_mulu_item *v[8];
    size_t n = fl_mulu_lookup(t, value, v, 8);
    out[0] = '\0';
    for (size_t i = 0; i < n; i++) {
        if (i) strcat(out, " ");
        strcat(out, v[i]->no);
    }
    return out;
}

static void test_shipped_rows(void **state)
{
    (void)state;
    fl_mulu *t = load_shipped();
    assert_true(t->n >= 40);
    assert_int_equal(t->from.y, 2021);
    assert_int_equal(t->from.m, 1);
    assert_int_equal(t->from.d, 1);
    assert_string_equal(t->edition, "生态环境部令第16号");
    assert_non_null(strstr(t->sensitive[0], "饮用水水源保护区"));
    assert_non_null(strstr(t->sensitive[2], "文物保护单位"));
    /* 53 塑料制品业292, verified: four 报告书 criteria, two of them amounts */
    const fl_mulu_item *p = item(t, "53");
    assert_int_equal(p->conf, 'V');
    assert_string_equal(p->chapter_name, "橡胶和塑料制品业");
    assert_int_equal(p->ntests, 4);
    assert_int_equal(p->tests[2].kind, FL_MULU_AMOUNT);
    assert_int_equal(p->tests[2].min.dim, FL_DIM_MASS_RATE);
    assert_true(p->tests[2].min.base == 10.0);
    assert_false(p->tests[2].strict);
    assert_string_equal(p->display, "53 塑料制品业292");
    /* 91 boilers: over 65 t/h, strictly, for a 新建 project only */
    const fl_mulu_item *b = item(t, "91");
    assert_int_equal(b->tests[0].kind, FL_MULU_AMOUNT);
    assert_true(b->tests[0].strict);
    assert_true(b->tests[0].new_only);
    assert_true(b->tests[0].min.value == 65.0);
    assert_string_equal(b->tests[0].min.unit, "t/h");
    /* 108 医院: a count of 张 */
    const fl_mulu_item *h = item(t, "108");
    assert_int_equal(h->tests[0].kind, FL_MULU_COUNT);
    assert_string_equal(h->tests[0].unit, "张");
    assert_true(h->tests[0].count_min == 500.0);
    /* 61 炼铁: every project of the item */
    assert_int_equal(item(t, "61")->tests[0].kind, FL_MULU_ALL);
    /* an item without criteria a text decides has its columns all the same */
    const fl_mulu_item *s = item(t, "80");
    assert_int_equal(s->ntests, 0);
    assert_string_equal(s->book, "/");
    /* test indexes run over the whole table */
    size_t n = 0;
    for (size_t i = 0; i < t->n; i++)
        for (size_t j = 0; j < t->items[i].ntests; j++) assert_int_equal(t->items[i].tests[j].index, n++);
    assert_int_equal(n, t->ntests);
    fl_mulu_free(t);
}

static void test_lookup_real_forms(void **state)
{
    (void)state;
    fl_mulu *t = load_shipped();
    /* number and name, as 表一 writes them */
    assert_string_equal(found(t, "二十三、化学原料和化学制品制造业 44.涂料、油墨、颜料及类似产品制造264"), "44");
    assert_string_equal(found(t, "二十三、化学原料和化学制品制造业 44、基础化学原料制造261"), "44");
    assert_string_equal(found(t, "2021版本:067-金属表面处理及热处理加工"), "67");
    /* two categories glued in one cell */
    assert_string_equal(found(t, "三十、金属制品业 33;67-金属表面处理及热处理加工-其他三十五、电气机械和器材制造业 38;77-照明器具制造 387-其他"),
                        "67 77");
    /* the column applied, quoted after the item */
    assert_string_equal(found(t, "三十五(77)家用电力器具制造385 中的“其他(仅分割、焊接、组装的除外;年用非溶剂型低VOCs含量涂料10吨一下的除外)”"),
                        "77");
    /* full-width digits and spaces typed into names */
    assert_string_equal(found(t, "二十六、橡胶和塑料制品业２９—５３、塑料 制品业２９２"), "53");
    /* a chapter name is not a class: 橡胶和塑料制品业 holds 塑料制品业, and
     * 电力、热力生产和供应业 holds 热力生产和供应 */
    assert_string_equal(found(t, "二十六、橡胶和塑料制品业 52 橡胶制品业291"), "52");
    assert_string_equal(found(t, "四十一、电力、热力生产和供应业 90 太阳能发电4416"), "90");
    assert_string_equal(found(t, "四十一、电力、热力生产和供应业 91、热力生产和供应工程443"), "91");
    /* a number written is shown, never matched: the 2017 名录's number finds the 2021 item */
    assert_string_equal(found(t, "十、农副食品加工业 9.屠宰及肉类加工135"), "18");
    /* 电池制造 is one of item 77's classes */
    assert_string_equal(found(t, "三十五、电气机械和器材制造业 77 电池制造384"), "77");
    /* a name alone */
    assert_string_equal(found(t, "合成材料制造"), "44");
    assert_string_equal(found(t, "四十九、卫生 108.医院841"), "108");
    /* nothing: a bare number, the GB/T 4754 field's value, an item not in the table, empty */
    assert_string_equal(found(t, "44"), "");
    assert_string_equal(found(t, "C2641涂料制造"), "");
    assert_string_equal(found(t, "五十一、水利 127.河湖整治"), "");
    assert_string_equal(found(t, ""), "");
    /* a value longer than the lookup's stack buffer */
    char big[4096];
    size_t o = 0;
    while (o + 4 < 3000) o += (size_t)snprintf(big + o, sizeof big - o, "——");
    snprintf(big + o, sizeof big - o, "塑料制品业292");
    assert_string_equal(found(t, big), "53");
    fl_mulu_free(t);
}

/* ---- broken tables -------------------------------------------------------- */

static int tmp_setup(void **state)
{
    (void)state;
    static const char *const schemas[] = {"mulu.rng", "ruleset.rng", NULL};
    return tabdir_setup("mulu", schemas);
}

static const char *write_file(const char *name, const char *xml) { return tabdir_write(name, xml); }

#define HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<mulu title=\"t\" edition=\"e\" from=\"2021-01-01\" source=\"s\">\n"
#define CH "<chapter no=\"一\" name=\"某某业\">\n"
#define ITEM(no, cls, judge)                                                                                         \
    "<item no=\"" no "\" conf=\"M\" source=\"s\"><class>" cls "</class><book>b</book><form>f</form><register>/</register>" \
    judge "</item>\n"
#define TAIL "</chapter>\n</mulu>\n"

static void expect_error(const char *xml, int line, const char *needle)
{
    fl_mulu *t = (fl_mulu *)1;
    fl_error err;
    fl_error_clear(&err);
    const char *p = write_file("t.xml", xml);
    tabdir_expect_error(fl_mulu_load(&t, p, &err), &err, p, line, needle);
    assert_null(t);
}

static void test_broken_tables(void **state)
{
    (void)state;
    fl_mulu *t = NULL;
    fl_error err;
    fl_error_clear(&err);
    const char *p = write_file("t.xml", HEAD CH ITEM("1", "甲制造", "<judge><text say=\"s\" match=\"电镀线\"/></judge>") TAIL);
    assert_int_equal(fl_mulu_load(&t, p, &err), 0);
    assert_int_equal(t->n, 1);
    assert_int_equal(t->ntests, 1);
    fl_mulu_free(t);

    /* the schema: an item without its 报告书 column, an unknown test, a bad conf */
    expect_error(HEAD CH "<item no=\"1\" conf=\"M\" source=\"s\"><class>甲</class><form>f</form><register>/</register></item>\n" TAIL, 4,
                 "schema");
    expect_error(HEAD CH ITEM("1", "甲", "<judge><guess say=\"s\"/></judge>") TAIL, 4, "schema");
    expect_error(HEAD CH "<item no=\"1\" conf=\"X\" source=\"s\"><class>甲</class><book>b</book><form>f</form><register>/</register></item>\n" TAIL,
                 4, "schema");
    /* what the schema cannot say */
    expect_error(HEAD CH ITEM("1", "甲", "") ITEM("1", "乙", "") TAIL, 5, "listed twice");
    expect_error(HEAD CH ITEM("1", "甲制造", "") ITEM("2", "甲 制造", "") TAIL, 5, "also a class of item 1");
    expect_error(HEAD CH ITEM("1", "（）", "") TAIL, 4, "holds no Han");
    expect_error(HEAD CH ITEM("1", "甲", "<judge><amount say=\"s\" match=\"m\" at-least=\"10\"/></judge>") TAIL, 4,
                 "not one number with a unit");
    expect_error(HEAD CH ITEM("1", "甲", "<judge><amount say=\"s\" match=\"m\" at-least=\"≤10t/a\"/></judge>") TAIL, 4,
                 "not one number with a unit");
    expect_error(HEAD CH ITEM("1", "甲", "<judge><count say=\"s\" match=\"m\" unit=\"张\" at-least=\"0\"/></judge>") TAIL, 4,
                 "not a positive number");
    expect_error("<?xml version=\"1.0\"?>\n<mulu title=\"t\" edition=\"e\" from=\"2021-02-30\" source=\"s\">\n" CH ITEM("1", "甲", "") TAIL,
                 2, "2021-02-30");
    expect_error("<?xml version=\"1.0\"?>\n<instruments/>\n", 2, "expected a <mulu>");
    expect_error("", 0, "empty");
}

/* A <judge> pattern that does not compile stops the ruleset that uses the
 * table, naming the table's file and the test's line. */
static void test_bad_pattern(void **state)
{
    (void)state;
    write_file("t.xml", HEAD CH ITEM("1", "甲", "\n<judge><text say=\"s\" match=\"电镀(线\"/></judge>") TAIL);
    const char *r = write_file("r.xml",
                               "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ruleset id=\"m\">\n"
                               "  <data name=\"mulu\" file=\"t.xml\"/>\n"
                               "  <rule id=\"M001\" severity=\"error\" category=\"c\">\n"
                               "    <message>{item}</message>\n"
                               "    <mulu/>\n"
                               "    <example type=\"fail\">x</example><example type=\"pass\">y</example>\n"
                               "  </rule>\n</ruleset>\n");
    fl_rules set;
    fl_rules_init(&set);
    fl_error err;
    fl_error_clear(&err);
    assert_int_equal(fl_rules_load(&set, r, &err), -1);
    assert_int_equal(err.code, FL_E_RULESET);
    assert_non_null(strstr(err.file, "t.xml"));
    assert_int_equal(err.line, 5);
    assert_non_null(strstr(err.message, "pattern of a <judge> test"));
    fl_rules_free(&set);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_shipped_rows),
        cmocka_unit_test(test_lookup_real_forms),
    };
    const struct CMUnitTest broken[] = {
        cmocka_unit_test(test_broken_tables),
        cmocka_unit_test(test_bad_pattern),
    };
    int rc = cmocka_run_group_tests_name("mulu table", tests, NULL, NULL);
    return rc | cmocka_run_group_tests_name("broken mulu tables", broken, tmp_setup, tabdir_teardown);
}
