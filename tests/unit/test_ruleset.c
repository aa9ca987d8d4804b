/* Unit tests for ruleset loading (rules/load.c): what a valid ruleset turns
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

#include "input/xmlsafe.h"
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
    assert_string_equal(r->basis, "环环评〔2020〕48号 一（二）");
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
    assert_string_equal(q->basis, "生态环境部令第9号");
    assert_string_equal(q->summary, "演示");
    assert_int_equal(q->examples[0].count, 1);
    assert_int_equal(q->examples[0].at_line, 1);
    assert_true(fl_rule_applies(q, "eia-book"));
    assert_false(fl_rule_applies(q, "eia-form"));
    assert_null(fl_rules_find(&set, "T103"));
    fl_rules_free(&set);
}

/* Replace the first occurrence of from in good by to, load, expect msg. */
static void expect_error(const char *from, const char *to, const char *msg)
{
    fl_rules set;
    fl_error err;
    char line[1600];
    char *xml = malloc(strlen(good) + strlen(to) + 1);
    const char *at = strstr(good, from);
    assert_non_null(at);
    size_t pre = (size_t)(at - good);
    memcpy(xml, good, pre);
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
    const fl_rule *r = fl_rules_find(&set, "DOC001");
    assert_non_null(r);
    assert_string_equal(r->basis, "环环评〔2020〕48号 一（四）");
    assert_non_null(fl_rules_find(&set, "DOC010"));
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
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
