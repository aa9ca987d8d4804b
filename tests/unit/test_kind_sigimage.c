/* Unit tests for the `signature-images` kind with the shipped EIA506, on
 * Markdown staff tables whose pictures are named by path: two people with
 * one picture (in one list and across the two lists), and what must stay
 * silent: one person in both lists, names with spaces, typed names,
 * pictures outside the signature column, label rows, tables without the
 * staff columns, a person whose row has two pictures reported once. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#define KIND_RULES_NAME FL_SOURCE_RULESETS "/eia.xml"
#define KIND_RULES_XML NULL
#include "kind_harness.h"

/* "person<other@line" for each finding. */
static void show(char *out, size_t cap, const fl_finding *fd)
{
    kind_span who = kind_between(fd->message, "编制人员", "的签字图片与");
    kind_span other = kind_between(fd->message, "的签字图片与", "（第");
    if (who.s && other.s) snprintf(out, cap, "%.*s<%.*s@%d", who.len, who.s, other.len, other.s, fd->line);
    else snprintf(out, cap, "?%s", fd->message);
}

static void check(fixture *f, const char *md, const char *want)
{
    kind_expect(f, "EIA506", "eia-form", "2024-06-01", md, show, want, 0);
}

#define HEAD "## 编制单位和编制人员情况表\n| 姓名 | 主要编写内容 | 信用编号 | 签字 |\n| --- | --- | --- | --- |\n"

static void test_reports(void **state)
{
    fixture *f = *state;
    check(f, HEAD "| 王立新 | 工程分析 | BH012345 | ![](a.png) |\n| 陈晓燕 | 环境现状 | BH023456 | ![](a.png) |\n", "陈晓燕<王立新@5");
    /* across the two lists of one table */
    check(f, "## 编制单位和编制人员情况表\n| 姓名 | 职业资格证书管理号 | 信用编号 | 签字 |\n| --- | --- | --- | --- |\n"
             "| 王立新 | 2015035320352013320501000123 | BH012345 | ![](a.png) |\n"
             "| 姓名 | 主要编写内容 | 信用编号 | 签字 |\n| 刘志强 | 附图附件 | BH034567 | ![](a.png) |\n",
          "刘志强<王立新@6");
    /* three people, one picture: each later one once */
    check(f, HEAD "| 王立新 | 工程分析 | BH012345 | ![](a.png) |\n| 陈晓燕 | 环境现状 | BH023456 | ![](a.png) |\n"
                  "| 刘志强 | 附图附件 | BH034567 | ![](a.png) ![](a.png) |\n",
          "陈晓燕<王立新@5;刘志强<王立新@6");
}

static void test_silent(void **state)
{
    fixture *f = *state;
    check(f, HEAD "| 王立新 | 工程分析 | BH012345 | ![](a.png) |\n| 陈晓燕 | 环境现状 | BH023456 | ![](b.png) |\n", "");
    /* one person in both lists, once with spaces in the name */
    check(f, HEAD "| 王立新 | 工程分析 | BH012345 | ![](a.png) |\n| 王 立 新 | 结论 | BH012345 | ![](a.png) |\n", "");
    /* typed names have no picture */
    check(f, HEAD "| 王立新 | 工程分析 | BH012345 | 王立新 |\n| 陈晓燕 | 环境现状 | BH023456 | 陈晓燕 |\n", "");
    /* the same picture outside the signature column (a logo in 主要编写内容) */
    check(f, HEAD "| 王立新 | ![](logo.png) | BH012345 | ![](a.png) |\n| 陈晓燕 | ![](logo.png) | BH023456 | ![](b.png) |\n", "");
    /* a table that is not the staff table */
    check(f, "## 附件\n| 姓名 | 签字 |\n| --- | --- |\n| 王立新 | ![](a.png) |\n| 陈晓燕 | ![](a.png) |\n", "");
    /* rows above any 姓名/签字 header are the unit's, not people */
    check(f, "## 编制单位和编制人员情况表\n| 单位名称（盖章） | ![](seal.png) | 信用编号 | 签字 |\n| --- | --- | --- | --- |\n"
             "| 法定代表人（签章） | ![](seal.png) | | |\n",
          "");
    /* a row without a name */
    check(f, HEAD "| 王立新 | 工程分析 | BH012345 | ![](a.png) |\n|  | 环境现状 | BH023456 | ![](a.png) |\n", "");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_reports),
        cmocka_unit_test(test_silent),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
