/* Unit tests for the `sheet` kind (EIA507): the 编制单位和编制人员情况表's
 * unit name, code and document kind against the rest of the filing; what
 * counts as the same name (white space, width, seal marks) and what does
 * not (有限公司 against 有限责任公司); and where it stays silent (no sheet,
 * a name containing the other, two names in the sheet, attachments, a kind
 * written as 报告书（表）). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "input/input.h"
#include "rules/engine.h"
#include "rules/ruleset.h"

static const char *rules_xml =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<ruleset id=\"s\" applies-to=\"eia-book eia-form\">\n"
    "  <rule id=\"S001\" severity=\"error\" category=\"signature\"><message>name {field} {value} {other} {expected}</message>\n"
    "    <sheet title=\"^编制单位和编制人员情况表$\" unit-fields=\"编制单位 编制单位名称\" others=\"编制单位 编制单位名称 评价单位\"\n"
    "           code-fields=\"编制单位统一社会信用代码\" type-fields=\"环境影响评价文件类型\"\n"
    "           code-message=\"code {value} {expected}\" type-message=\"type {value} {expected}\"/>\n"
    "    <example type=\"fail\">编制单位：甲环境科技有限公司\n## 编制单位和编制人员情况表\n编制单位名称：乙环境科技有限公司\n## 一、概述\n</example>\n"
    "    <example type=\"pass\">编制单位：甲环境科技有限公司\n## 编制单位和编制人员情况表\n编制单位名称：甲环境科技有限公司\n## 一、概述\n</example></rule>\n"
    "</ruleset>\n";

#define KIND_RULES_NAME "s.xml"
#define KIND_RULES_XML rules_xml
#include "kind_harness.h"

static void check(fixture *f, const char *type, const char *md, const char *want, int want_line)
{
    kind_expect(f, "S001", type, NULL, md, NULL, want, want_line);
}

#define SHEET(name, code, kind) "## 编制单位和编制人员情况表\n| 环境影响评价文件类型 | " kind " |\n| --- | --- |\n" \
    "| 编制单位名称（盖章） | " name " |\n| 编制单位统一社会信用代码 | " code " |\n## 一、概述\n"
#define CODE "91321300MA1QK7XD2B"

static void test_name(void **state)
{
    fixture *f = *state;
    check(f, "eia-book", "编制单位：江苏清源环境科技有限公司\n" SHEET("江苏清源环境科技有限责任公司", CODE, "环境影响报告书"),
          "name 编制单位 江苏清源环境科技有限公司 编制单位名称 江苏清源环境科技有限责任公司", 1);
    check(f, "eia-book", SHEET("江苏清源环境科技有限公司", CODE, "环境影响报告书") "评价单位：苏州碧源环境技术有限公司\n",
          "name 评价单位 苏州碧源环境技术有限公司 编制单位名称 江苏清源环境科技有限公司", 7);
    /* the same name: spaces, full width, a seal mark, a glued date */
    check(f, "eia-book", "编制单位：江 苏 清 源 环 境 科 技 有 限 公 司（盖章）\n" SHEET("江苏清源环境科技有限公司", CODE, "环境影响报告书"),
          "", 0);
    check(f, "eia-book", "编制单位：江苏清源环境科技有限公司 二〇二四年三月\n" SHEET("江苏清源环境科技有限公司", CODE, "环境影响报告书"),
          "", 0);
    /* no sheet; nothing outside it */
    check(f, "eia-book", "编制单位：江苏清源环境科技有限公司\n## 一、概述\n", "", 0);
    check(f, "eia-book", SHEET("江苏清源环境科技有限公司", CODE, "环境影响报告书"), "", 0);
    /* two names in the sheet */
    check(f, "eia-book", "编制单位：丙公司环境咨询有限公司\n## 编制单位和编制人员情况表\n编制单位名称：甲环境科技有限公司\n"
                         "编制单位名称：乙环境科技有限公司\n## 一、概述\n",
          "", 0);
    /* an attachment names its own */
    check(f, "eia-book", SHEET("江苏清源环境科技有限公司", CODE, "环境影响报告书") "## 附件\n编制单位：宿迁市禹安水利勘测设计有限公司\n", "",
          0);
}

static void test_code_and_type(void **state)
{
    fixture *f = *state;
    check(f, "eia-book", SHEET("江苏清源环境科技有限公司", CODE, "环境影响报告书") "## 承诺书\n编制单位统一社会信用代码：91321300MA1QK7XD3B\n",
          "code 91321300MA1QK7XD3B " CODE, 8);
    /* lower case and spaces are the same code; a value that is no code is not compared */
    check(f, "eia-book", SHEET("江苏清源环境科技有限公司", CODE, "环境影响报告书") "## 承诺书\n编制单位统一社会信用代码：91321300ma1qk7xd2b\n",
          "", 0);
    check(f, "eia-book", SHEET("江苏清源环境科技有限公司", CODE, "环境影响报告书") "## 承诺书\n编制单位统一社会信用代码：见营业执照\n", "",
          0);
    check(f, "eia-form", SHEET("江苏清源环境科技有限公司", CODE, "环境影响报告书"), "type 环境影响报告书 环境影响报告表", 2);
    check(f, "eia-book", SHEET("江苏清源环境科技有限公司", CODE, "环境影响报告表"), "type 环境影响报告表 环境影响报告书", 2);
    check(f, "eia-form", SHEET("江苏清源环境科技有限公司", CODE, "环境影响报告表"), "", 0);
    check(f, "eia-form", SHEET("江苏清源环境科技有限公司", CODE, "环境影响报告书（表）"), "", 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {cmocka_unit_test(test_name), cmocka_unit_test(test_code_and_type)};
    return cmocka_run_group_tests(tests, setup, teardown);
}
