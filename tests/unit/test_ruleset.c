/* Unit tests for ruleset loading (rules/ruleset_read.c): what a valid ruleset turns
 * into (basis, summary, examples, types), and that every kind of mistake a
 * rule writer makes is refused with "file:LINE: reason". */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "core/buf.h"
#include "core/i18n.h"
#include "core/xmlsafe.h"
#include "rules/kind.h"
#include "rules/ruleset.h"

static const char *good =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"                                /* 1 */
    "<ruleset id=\"t\" applies-to=\"eia-book eia-form\" basis-doc=\"环环评〔2020〕48号\">\n" /* 2 */
    "  <pattern name=\"absent\">不涉及|无</pattern>\n"                            /* 3 */
    "  <rule id=\"T101\" severity=\"error\" category=\"key-content-omission\" basis=\"一（二）\">\n" /* 4 */
    "    <message>环境保护目标未说明{item}情况</message>\n"
    "    <severity doc-type=\"eia-form\">warning</severity>\n"
    "    <mention scope=\"^环境保护目标\">\n"
    "      <item name=\"生态保护红线\">生态保护红线|生态红线</item>\n"
    "    </mention>\n"
    "    <example type=\"fail\" item=\"生态保护红线\">\n"                          /* 10 */
    "      ## 环境保护目标\n"
    "      项目位于工业园区。\n"
    "    </example>\n"
    "    <example type=\"pass\">## 环境保护目标\n"
    "项目{absent}生态保护红线。</example>\n"
    "  </rule>\n"
    "  <rule id=\"T102\" severity=\"info\" category=\"demo\" basis-doc=\"生态环境部令第9号\" doc-type=\"eia-book\">\n" /* 17 */
    "    <summary>演示</summary>\n"
    "    <message>出现{match}</message>\n"
    "    <forbid match=\"（演示）\"/>\n"
    "    <example type=\"fail\" count=\"1\" line=\"1\">（演示）</example>\n"
    "    <example type=\"pass\">演示</example>\n"
    "  </rule>\n"
    "</ruleset>\n";

static int load(fl_rules *set, const char *xml, fl_error *err)
{
    fl_error_clear(err);
    return fl_rules_load_memory(set, "t.xml", xml, strlen(xml), err);
}

static void test_good(void **state)
{
    (void)state;
    fl_rules set;
    fl_error err;
    fl_rules_init(&set);
    assert_int_equal(load(&set, good, &err), 0);
    assert_int_equal(set.nrules, 2);
    const fl_rule *r = fl_rules_find(&set, "T101");
    assert_non_null(r);
    assert_int_equal(r->line, 4);
    assert_int_equal(r->index, 0);
    assert_string_equal(r->basis.text, "环环评〔2020〕48号 一（二）");
    assert_string_equal(r->summary, "环境保护目标未说明…情况");
    assert_string_equal(r->kind->name, "mention");
    assert_int_equal(r->nexamples, 2);
    assert_true(r->examples[0].fail);
    assert_int_equal(r->examples[0].line, 10);
    assert_string_equal(r->examples[0].text, "## 环境保护目标\n项目位于工业园区。");
    assert_string_equal(r->examples[0].item, "生态保护红线");
    assert_string_equal(r->examples[1].text, "## 环境保护目标\n项目{absent}生态保护红线。");
    assert_int_equal(fl_rule_severity(r, "eia-form"), FL_SEV_WARNING);
    assert_int_equal(fl_rule_severity(r, "eia-book"), FL_SEV_ERROR);
    assert_true(fl_rule_applies(r, "eia-book"));
    assert_false(fl_rule_applies(r, "soil-plan"));
    assert_false(fl_rule_applies(r, NULL));
    const fl_rule *q = fl_rules_find(&set, "T102");
    assert_string_equal(q->basis.text, "生态环境部令第9号");
    assert_string_equal(q->summary, "演示");
    assert_int_equal(q->examples[0].count, 1);
    assert_int_equal(q->examples[0].at_line, 1);
    assert_true(fl_rule_applies(q, "eia-book"));
    assert_false(fl_rule_applies(q, "eia-form"));
    assert_null(fl_rules_find(&set, "T103"));
    fl_rules_free(&set);
}

/* Replace the first occurrence of from in base by to, load, expect msg. */
static void expect_error_in(const char *base, const char *from, const char *to, const char *msg)
{
    fl_rules set;
    fl_error err;
    char line[1600];
    char *xml = malloc(strlen(base) + strlen(to) + 1);
    const char *at = strstr(base, from);
    assert_non_null(at);
    size_t pre = (size_t)(at - base);
    memcpy(xml, base, pre);
    strcpy(xml + pre, to);
    strcat(xml, at + strlen(from));
    fl_rules_init(&set);
    assert_int_equal(load(&set, xml, &err), -1);
    assert_int_equal(err.code, FL_E_RULESET);
    assert_int_equal(fl_error_exit_status(&err), 3);
    assert_string_equal(fl_error_format(&err, line, sizeof line), msg);
    assert_int_equal(set.nrules, 0);
    fl_rules_free(&set);
    free(xml);
}

static void expect_error(const char *from, const char *to, const char *msg) { expect_error_in(good, from, to, msg); }

static void test_errors(void **state)
{
    (void)state;
    expect_error("</mention>", "</mentoin>",
                 "t.xml:9: malformed XML: Opening and ending tag mismatch: mention line 7 and mentoin");
    expect_error("scope=\"^环境保护目标\"", "scpoe=\"x\"",
                 "t.xml:7: does not follow the ruleset schema: Invalid attribute scpoe for element mention");
    expect_error("生态保护红线|生态红线", "生态保护(红线",
                 "t.xml:8: rule T101: invalid pattern /生态保护(红线/: missing closing parenthesis (at character 8)");
    expect_error("id=\"T102\"", "id=\"T101\"",
                 "t.xml:17: duplicate rule id T101 (first defined at t.xml:4)");
    expect_error("<example type=\"pass\">演示</example>", "",
                 "t.xml:17: rule T102: needs at least one <example type=\"fail\"> (text the rule must report) and one <example type=\"pass\"> (text it must accept)");
    expect_error("出现{match}", "出现{itme}",
                 "t.xml:17: rule T102: message uses {itme}, which kind <forbid> does not fill (it fills: {match})");
}

static void test_errors_more(void **state)
{
    (void)state;
    expect_error("生态保护红线|生态红线", "{absnet}生态红线",
                 "t.xml:8: rule T101: unknown pattern name {absnet} (define it with <pattern name=\"absnet\">, or write \\{ for a literal brace)");
    expect_error("severity=\"info\"", "severity=\"fatal\"",
                 "t.xml:17: rule T102: severity must be error, warning or info, not 'fatal'");
    expect_error("applies-to=\"eia-book eia-form\"", "applies-to=\"eia-report\"",
                 "t.xml:2: unknown document type 'eia-report' (eia-book eia-form eia-pp soil-plan soil-summary soil-sign)");
    expect_error("<pattern name=\"absent\">不涉及|无</pattern>", "<pattern name=\"absent\">不涉及|(无</pattern>",
                 "t.xml:3: invalid pattern {absent} /不涉及|(无/: missing closing parenthesis (at character 7)");
    expect_error("<forbid match=\"（演示）\"/>", "<forbid match=\"（演示）\"/><forbid match=\"x\"/>",
                 "t.xml:20: rule T102: a rule has one kind element; <forbid> comes after <forbid>");
    expect_error("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", "<?xml version=\"1.0\"?>\n<!DOCTYPE ruleset [<!ENTITY x \"y\">]>",
                 "t.xml:2: a DTD is not allowed in a ruleset");
}

/* Two files: a duplicate across rulesets names the first file. */
static void test_duplicate_across(void **state)
{
    (void)state;
    fl_rules set;
    fl_error err;
    char line[1600];
    fl_rules_init(&set);
    assert_int_equal(load(&set, good, &err), 0);
    assert_int_equal(fl_rules_load_memory(&set, "u.xml", good, strlen(good), &err), -1);
    assert_string_equal(fl_error_format(&err, line, sizeof line),
                        "u.xml:4: duplicate rule id T101 (first defined at t.xml:4)");
    assert_int_equal(set.nrules, 2);
    assert_int_equal(set.nsets, 1);
    fl_rules_free(&set);
}

static fl_date day(int y, int m, int d) { return (fl_date){y, m, d}; }

/* The precision rule: a date known to the month or year is in force only
 * when every day it may stand for is. */
static void test_in_force_precision(void **state)
{
    (void)state;
    fl_in_force open = {{0, 0, 0}, {0, 0, 0}};
    fl_in_force since = {{2019, 11, 1}, {0, 0, 0}};
    fl_in_force until = {{0, 0, 0}, {2019, 11, 1}};
    fl_in_force mid = {{2019, 1, 1}, {2019, 11, 15}};
    fl_date d;
    assert_true(fl_in_force_on(&open, &(fl_date){2000, 0, 0}));
    assert_false(fl_in_force_dated(&open));
    assert_true(fl_in_force_dated(&since));
    d = day(2019, 11, 1); assert_true(fl_in_force_on(&since, &d));   /* the first day counts */
    d = day(2019, 10, 31); assert_false(fl_in_force_on(&since, &d));
    d = day(2019, 11, 0); assert_true(fl_in_force_on(&since, &d));   /* 2019年11月: every day is on or after */
    d = day(2019, 10, 0); assert_false(fl_in_force_on(&since, &d));
    d = day(2019, 0, 0); assert_false(fl_in_force_on(&since, &d));   /* 2019年: may be before: silent */
    d = day(2020, 0, 0); assert_true(fl_in_force_on(&since, &d));
    d = day(2019, 10, 31); assert_true(fl_in_force_on(&until, &d));
    d = day(2019, 11, 1); assert_false(fl_in_force_on(&until, &d));  /* until: first day no longer */
    d = day(2019, 10, 0); assert_true(fl_in_force_on(&until, &d));
    d = day(2019, 11, 0); assert_false(fl_in_force_on(&until, &d));
    d = day(2019, 0, 0); assert_false(fl_in_force_on(&until, &d));   /* December may be after */
    d = day(2018, 0, 0); assert_true(fl_in_force_on(&until, &d));
    d = day(2019, 11, 0); assert_false(fl_in_force_on(&mid, &d));    /* the month straddles until */
    d = day(2019, 11, 14); assert_true(fl_in_force_on(&mid, &d));
    d = day(2019, 2, 0); assert_true(fl_in_force_on(&mid, &d));
    d = day(2019, 0, 0); assert_false(fl_in_force_on(&mid, &d));
    d = day(2020, 2, 0); assert_false(fl_in_force_on(&mid, &d));
    char buf[96];
    fl_lang_set(FL_LANG_ZH, FL_LANG_CLI); /* as a Chinese report says it */
    assert_string_equal(fl_in_force_text(&since, buf, sizeof buf), "2019-11-01 起施行");
    assert_string_equal(fl_in_force_text(&until, buf, sizeof buf), "2019-11-01 起不再适用");
    assert_string_equal(fl_in_force_text(&mid, buf, sizeof buf), "2019-01-01 起施行，2019-11-15 起不再适用");
    fl_lang_set(FL_LANG_EN, FL_LANG_CLI); /* and an English one */
    assert_string_equal(fl_in_force_text(&mid, buf, sizeof buf), "in force from 2019-01-01, no longer applies from 2019-11-15");
    assert_string_equal(fl_in_force_text(&open, buf, sizeof buf), "");
}

static const char *dated =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<ruleset id=\"d\" applies-to=\"eia-book eia-form eia-pp\" basis-doc=\"环环评〔2020〕48号\">\n"
    "  <rule id=\"D101\" severity=\"error\" category=\"demo\" basis=\"一（四）\" class=\"fraud\" since=\"2019-11-01\">\n"
    "    <basis instrument=\"《环境影响评价公众参与办法》（生态环境部令第4号）\" article=\"第十一条\" class=\"procedure\""
    " since=\"2019-01-01\" doc-type=\"eia-pp eia-book\"/>\n"
    "    <basis instrument=\"《建设项目环境影响报告书（表）编制监督管理办法》（生态环境部令第9号）\" article=\"第二十六条\""
    " since=\"2019-11-01\" until=\"2030-01-01\"/>\n"
    "    <message>出现{match}</message>\n"
    "    <forbid match=\"（演示）\"/>\n"
    "    <example type=\"fail\">（演示）</example>\n"
    "    <example type=\"pass\">演示</example>\n"
    "    <example type=\"pass\" as-of=\"2019-10-31\">（演示）</example>\n"
    "  </rule>\n"
    "</ruleset>\n";

/* since/until, class and dated <basis>: parsed, and the basis chosen by date
 * and document type, first match in file order, else the rule's. */
static void test_dated_basis(void **state)
{
    (void)state;
    fl_rules set;
    fl_error err;
    fl_rules_init(&set);
    assert_int_equal(load(&set, dated, &err), 0);
    const fl_rule *r = fl_rules_find(&set, "D101");
    assert_int_equal(r->in_force.since.y, 2019);
    assert_int_equal(r->in_force.until.y, 0);
    assert_int_equal(r->basis.cls, FL_CLASS_FRAUD);
    assert_string_equal(r->basis.instrument, "环环评〔2020〕48号");
    assert_string_equal(r->basis.article, "一（四）");
    assert_int_equal(r->nbases, 2);
    assert_int_equal(r->bases[0].cls, FL_CLASS_PROCEDURE);
    assert_int_equal(r->bases[1].cls, FL_CLASS_FRAUD); /* the rule's class when it names none */
    assert_int_equal(r->bases[0].line, 4);
    assert_string_equal(r->bases[1].text, "《建设项目环境影响报告书（表）编制监督管理办法》（生态环境部令第9号） 第二十六条");
    fl_date d = day(2020, 5, 1);
    assert_ptr_equal(fl_rule_basis(r, "eia-pp", &d), &r->bases[0]);
    assert_ptr_equal(fl_rule_basis(r, "eia-form", &d), &r->bases[1]); /* not a type of the first */
    assert_ptr_equal(fl_rule_basis(r, NULL, &d), &r->bases[1]);
    d = day(2019, 6, 1);
    assert_ptr_equal(fl_rule_basis(r, "eia-form", &d), &r->basis);    /* none in force: the rule's */
    d = day(2030, 1, 1);
    assert_ptr_equal(fl_rule_basis(r, "eia-form", &d), &r->basis);
    d = day(2019, 0, 0);                                              /* a year: not decidable for either */
    assert_ptr_equal(fl_rule_basis(r, "eia-form", &d), &r->basis);
    fl_buf b = FL_BUF_INIT;
    fl_lang_set(FL_LANG_ZH, FL_LANG_CLI);
    assert_string_equal(fl_basis_line(&b, &r->basis), "环环评〔2020〕48号 一（四）（弄虚作假）");
    assert_string_equal(fl_basis_line(&b, &r->bases[0]), "《环境影响评价公众参与办法》（生态环境部令第4号） 第十一条（程序）");
    fl_lang_set(FL_LANG_EN, FL_LANG_CLI); /* the instrument stays as the law names it, the class is said in English */
    assert_string_equal(fl_basis_line(&b, &r->basis), "环环评〔2020〕48号 一（四） (fraud)");
    fl_basis none = {.text = "", .cls = FL_CLASS_NONE};
    assert_string_equal(fl_basis_line(&b, &none), "");
    fl_buf_free(&b);
    fl_rules_free(&set);
}

static void expect_dated_error(const char *from, const char *to, const char *msg)
{
    expect_error_in(dated, from, to, msg);
}

static void test_dated_errors(void **state)
{
    (void)state;
    expect_dated_error("since=\"2019-11-01\">", "since=\"2019-11-31\">",
                       "t.xml:3: rule D101: since must be a date YYYY-MM-DD, not '2019-11-31'");
    expect_dated_error("since=\"2019-11-01\">", "since=\"2019-11\">",
                       "t.xml:3: rule D101: since must be a date YYYY-MM-DD, not '2019-11'");
    expect_dated_error("since=\"2019-11-01\" until=\"2030-01-01\"", "since=\"2019-11-01\" until=\"2019-11-01\"",
                       "t.xml:5: rule D101: until (the first day no longer in force) must come after since");
    expect_dated_error("class=\"fraud\"", "class=\"forgery\"",
                       "t.xml:3: rule D101: class must be fraud, serious-quality, quality, procedure or none, not 'forgery'");
    expect_dated_error("doc-type=\"eia-pp eia-book\"", "doc-type=\"eia-pp eia-report\"",
                       "t.xml:4: rule D101: unknown document type 'eia-report' (eia-book eia-form eia-pp soil-plan soil-summary soil-sign)");
    expect_dated_error("<basis instrument=\"《环境影响评价公众参与办法》（生态环境部令第4号）\"", "<basis instrument=\"\"",
                       "t.xml:4: rule D101: <basis> needs instrument=\"《…》（…令第N号）\"");
}

/* The shipped rulesets load from the source tree. */
static void test_shipped(void **state)
{
    (void)state;
    fl_rules set;
    fl_error err;
    char dir[1024];
    fl_rules_init(&set);
    assert_non_null(fl_rulesets_dir(dir, sizeof dir));
    assert_int_equal(fl_rules_load_default(&set, &err), 0);
    assert_non_null(fl_rules_find(&set, "DOC001"));
    const fl_rule *r = fl_rules_find(&set, "EIA401"); /* the ruleset's basis-doc + the rule's clause */
    assert_non_null(r);
    assert_string_equal(r->basis.text, "《环境影响评价公众参与办法》（生态环境部令第4号） 第二十条");
    assert_non_null(fl_rules_find(&set, "DOC010"));
    fl_rules_free(&set);
}

/* Every shipped pattern runs as JIT code where PCRE2 has a JIT: the
 * interpreter is many times slower on the alternations rules are made of,
 * and fl_pattern_compile falls back to it without a word. */
static void test_shipped_jit(void **state)
{
    (void)state;
    uint32_t jit = 0;
    pcre2_config(PCRE2_CONFIG_JIT, &jit);
    if (!jit) skip();
    fl_rules set;
    fl_error err;
    fl_rules_init(&set);
    assert_int_equal(fl_rules_load_default(&set, &err), 0);
    size_t n = 0;
    for (size_t i = 0; i < set.nsets; i++)
        for (const fl_pattern *p = set.sets[i]->patterns; p; p = p->next, n++) {
            size_t size = 0;
            assert_int_equal(pcre2_pattern_info(p->code, PCRE2_INFO_JITSIZE, &size), 0);
            if (!size) fail_msg("pattern at line %d of %s is not JIT-compiled: %s", p->line, set.sets[i]->path, p->source);
        }
    assert_true(n > 100);
    fl_rules_free(&set);
}

int main(void)
{
    fl_xml_init();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_good),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_errors_more),
        cmocka_unit_test(test_duplicate_across),
        cmocka_unit_test(test_shipped),
        cmocka_unit_test(test_shipped_jit),
        cmocka_unit_test(test_in_force_precision),
        cmocka_unit_test(test_dated_basis),
        cmocka_unit_test(test_dated_errors),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
