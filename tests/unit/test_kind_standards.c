/* Unit tests for the `standards` kind (STD001, STD002): codes however they
 * are typed, the filing's date (编制日期 to the month, --as-of), chains of
 * replacements, what excuses a superseded code, code/title agreement, and the
 * data table loaded once per ruleset with errors that name the file. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "core/date.h"
#include "input/input.h"
#include "rules/engine.h"
#include "rules/ruleset.h"

static const char *rules_xml =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<ruleset id=\"s\">\n"
    "  <data name=\"standards\" file=\"standards.xml\"/>\n"
    "  <rule id=\"S001\" severity=\"error\" category=\"data-error\">\n"
    "    <message>{code}|{title}|{replacement}|{effective}|{date}</message>\n"
    "    <standards check=\"superseded\" exclude=\"现有工程\"><unless>原环评|废止</unless></standards>\n"
    "    <example type=\"fail\">编制日期：2024年5月\nGB 3095-1996</example>\n"
    "    <example type=\"pass\">编制日期：2024年5月\nGB 3095-2012</example>\n"
    "  </rule>\n"
    "  <rule id=\"S002\" severity=\"error\" category=\"data-error\">\n"
    "    <message>{code}|{title}|{expected}|{other}</message>\n"
    "    <standards check=\"title\"/>\n"
    "    <example type=\"fail\">《声环境质量标准》（GB3838-2008）</example>\n"
    "    <example type=\"pass\">《声环境质量标准》（GB 3096-2008）</example>\n"
    "  </rule>\n"
    "</ruleset>\n";

#define KIND_RULES_NAME "s.xml"
#define KIND_RULES_XML rules_xml
#include "kind_harness.h"

static void run(fixture *f, const char *id, const char *md, const char *as_of, fl_result *res)
{
    kind_run(f, id, NULL, as_of, md, res);
}

static void test_codes_as_typed(void **state)
{
    fixture *f = *state;
    fl_result res;
    run(f, "S001",
        "编制日期：二〇二二年八月\n"
        "执行GB3095-1996、GB 12348—90、ＧＢ１８５９９－２００１和GB/T14848-93；HJ/T 2.3一93。\n"
        "现行：GB 3095-2012、HJ 2.2-2018、GB 99999-1990。\n",
        NULL, &res);
    assert_int_equal(res.nfindings, 5);
    static const char *const want[] = {
        "GB3095-1996|环境空气质量标准|GB 3095-2012|2016-01-01|2022-08",
        "GB 12348—90|工业企业厂界噪声标准|GB 12348-2008|2008-10-01|2022-08",
        "ＧＢ１８５９９－２００１|一般工业固体废物贮存、处置场污染控制标准|GB 18599-2020|2021-07-01|2022-08",
        "GB/T14848-93|地下水质量标准|GB/T 14848-2017|2018-05-01|2022-08",
        "HJ/T 2.3一93|环境影响评价技术导则 地面水环境|HJ 2.3-2018|2019-03-01|2022-08",
    };
    for (size_t i = 0; i < 5; i++) {
        assert_int_equal(res.findings[i].line, 2);
        assert_string_equal(res.findings[i].message, want[i]);
    }
    assert_int_equal(res.findings[0].column, 3);       /* after 执行 */
    assert_int_equal(res.findings[0].end_column, 14);  /* GB3095-1996 is 11 characters */
    assert_string_equal(res.findings[2].match, "ＧＢ１８５９９－２００１");
    fl_result_free(&res);
}

static void test_filing_date(void **state)
{
    fixture *f = *state;
    fl_result res;
    /* HJ 25.1-2014 was replaced from 2019-12-05: a filing dated only 2019年12月
     * may predate that, 2020年1月 may not */
    run(f, "S001", "编制日期：2019年12月\n依据HJ 25.1-2014。\n", NULL, &res);
    assert_int_equal(res.nfindings, 0);
    fl_result_free(&res);
    run(f, "S001", "编制日期：2020年1月\n依据HJ 25.1-2014。\n", NULL, &res);
    assert_int_equal(res.nfindings, 1);
    fl_result_free(&res);
    /* no 编制日期: --as-of decides */
    run(f, "S001", "依据HJ 2.4-2009。\n", "2022-06-30", &res);
    assert_int_equal(res.nfindings, 0);
    fl_result_free(&res);
    run(f, "S001", "依据HJ 2.4-2009。\n", "2022-07-01", &res);
    assert_int_equal(res.nfindings, 1);
    assert_string_equal(res.findings[0].message, "HJ 2.4-2009|环境影响评价技术导则 声环境|HJ 2.4-2021|2022-07-01|2022-07-01");
    fl_result_free(&res);
    /* --as-of is the judging date, over the 编制日期 (an audit asks "by the law of that day") */
    run(f, "S001", "编制日期：2018-03-01\n依据HJ/T 2.3-93。\n", "2024-01-01", &res);
    assert_int_equal(res.nfindings, 1);
    fl_result_free(&res);
    run(f, "S001", "编制日期：2018-03-01\n依据HJ/T 2.3-93。\n", NULL, &res);
    assert_int_equal(res.nfindings, 0);
    fl_result_free(&res);
}

static void test_chain_by_date(void **state)
{
    fixture *f = *state;
    fl_result res;
    run(f, "S001", "依据HJ/T 2.1-93。\n", "2015-06-01", &res);
    assert_int_equal(res.nfindings, 1);
    assert_string_equal(res.findings[0].message, "HJ/T 2.1-93|环境影响评价技术导则 总纲|HJ 2.1-2011|2012-01-01|2015-06-01");
    fl_result_free(&res);
    run(f, "S001", "依据HJ/T 2.1-93。\n", "2020-06-01", &res);
    assert_int_equal(res.nfindings, 1);
    assert_string_equal(res.findings[0].message, "HJ/T 2.1-93|环境影响评价技术导则 总纲|HJ 2.1-2016|2017-01-01|2020-06-01");
    fl_result_free(&res);
}

static void test_excused(void **state)
{
    fixture *f = *state;
    fl_result res;
    run(f, "S001",
        "## 评价标准\n"
        "编制日期：2024年5月\n"
        "执行GB 3096-2008（代替GB 3096-93）。\n"          /* its replacement beside it */
        "原环评执行GB 3095-1996。GB 18597-2001已废止。\n" /* unless, per sentence */
        "执行GB 3095-1996，另GB 12348-90。\n"            /* both reported */
        "## 现有工程\n"
        "一期执行GB 3095-1996。\n",                      /* excluded section */
        NULL, &res);
    assert_int_equal(res.nfindings, 2);
    assert_int_equal(res.findings[0].line, 5);
    assert_int_equal(res.findings[1].line, 5);
    assert_string_equal(res.findings[1].match, "GB 12348-90");
    fl_result_free(&res);
}

static void test_title(void **state)
{
    fixture *f = *state;
    fl_result res;
    run(f, "S002",
        "声环境执行《声环境质量标准》（GB3838-2008）2类标准。\n"
        "地表水执行GB 3096-2008《地表水环境质量标准》。\n"
        "见《GB 3096-2008 地表水环境质量标准》。\n"
        "《环境影响评价技术导则—大气环境》（HJ2.2-2018）、《环境影响评价技术导则 地面水》（HJ/T 2.3-93）、"
        "《城市区域环境噪声标准》（GB 3096-2008）、《建设用地土壤污染风险管控标准》（GB 36600-2018）、"
        "《某省地方标准》（GB 3838-2002）、《声环境质量标准》，GB 3838-2002另列。\n",
        NULL, &res);
    assert_int_equal(res.nfindings, 3);
    assert_string_equal(res.findings[0].message, "GB3838-2008|声环境质量标准|地表水环境质量标准|GB 3096-2008");
    assert_int_equal(res.findings[0].line, 1);
    assert_string_equal(res.findings[1].message, "GB 3096-2008|地表水环境质量标准|声环境质量标准|GB 3838-2002");
    assert_int_equal(res.findings[2].line, 3);
    assert_string_equal(res.findings[2].message, "GB 3096-2008|地表水环境质量标准|声环境质量标准|GB 3838-2002");
    fl_result_free(&res);
}

static void test_table_loaded_once(void **state)
{
    fixture *f = *state;
    const fl_ruleset *rs = f->rules.sets[0];
    assert_int_equal(rs->ndata, 1);
    assert_non_null(rs->data[0].table);
    assert_non_null(rs->data[0].free_table);
    assert_non_null(strstr(rs->data[0].path, "data/standards.xml"));
}

static void expect_load_error(const char *xml, const char *phrase, int line)
{
    fl_rules set;
    fl_error err;
    fl_rules_init(&set);
    assert_int_equal(fl_rules_load_memory(&set, "bad.xml", xml, strlen(xml), &err), -1);
    assert_int_equal(err.code, FL_E_RULESET);
    if (!strstr(err.message, phrase)) fail_msg("'%s' not in '%s'", phrase, err.message);
    if (line) assert_int_equal(err.line, line);
    fl_rules_free(&set);
}

static void test_load_errors(void **state)
{
    (void)state;
    expect_load_error("<ruleset id=\"b\">\n<rule id=\"B001\" severity=\"error\" category=\"x\">\n"
                      "<message>m</message>\n<standards/>\n"
                      "<example type=\"fail\">a</example><example type=\"pass\">b</example></rule></ruleset>",
                      "needs the data table 'standards'", 4);
    expect_load_error("<ruleset id=\"b\">\n<data name=\"standards\" file=\"no-such-table.xml\"/>\n</ruleset>",
                      "data table no-such-table.xml not found", 2);
    /* a broken table: the error names the table, not the ruleset */
    char dir[] = "/tmp/fl-std-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[256], xml[1024];
    snprintf(path, sizeof path, "%s/standards.xml", dir);
    FILE *fp = fopen(path, "w");
    assert_non_null(fp);
    fputs("<standards>\n<standard code=\"GB 1\" title=\"x\" status=\"current\" conf=\"V\" source=\"s\"/>\n</standards>\n", fp);
    fclose(fp);
    snprintf(xml, sizeof xml,
             "<ruleset id=\"b\"><data name=\"standards\" file=\"%s\"/>"
             "<rule id=\"B001\" severity=\"error\" category=\"x\"><message>m</message><standards/>"
             "<example type=\"fail\">a</example><example type=\"pass\">b</example></rule></ruleset>", path);
    fl_rules set;
    fl_error err;
    fl_rules_init(&set);
    assert_int_equal(fl_rules_load_memory(&set, "bad.xml", xml, strlen(xml), &err), -1);
    assert_string_equal(err.file, path);
    fl_rules_free(&set);
    unlink(path);
    rmdir(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_codes_as_typed),
        cmocka_unit_test(test_filing_date),
        cmocka_unit_test(test_chain_by_date),
        cmocka_unit_test(test_excused),
        cmocka_unit_test(test_title),
        cmocka_unit_test(test_table_loaded_once),
        cmocka_unit_test(test_load_errors),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
