/* Unit tests for model/form.c: the layout a 报告表 is written in, from the
 * cover word (污染影响类 / 生态影响类) or from part titles found in one layout
 * only, and the readings that must stay unknown: one title alone, titles of
 * two layouts at once, the titles every layout shares; the date a layout was
 * replaced; a chapter typed as a short paragraph. The texts are invented;
 * they follow the shapes of real covers and contents (a glued PDF copy of the
 * 1999 form, a 2021 form typed without heading styles). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "model/load.h"
#include "model/form.h"
#include "doc/doc.h"

static fl_doc *load(const char *text)
{
    fl_doc *doc = NULL;
    fl_error err;
    if (fl_doc_load_memory(&doc, "a.md", text, strlen(text), &err)) fail_msg("load: %s", err.message);
    return doc;
}

/* want NULL: no form at all (not a 报告表). why: a part of the reason. */
static void assert_form(const char *text, const char *want, const char *why)
{
    fl_doc *doc = load(text);
    if (!want) {
        if (doc->form) fail_msg("expected no form, got %s for:\n%s", doc->form, text);
    } else {
        if (!doc->form || strcmp(doc->form, want))
            fail_msg("expected %s, got %s (%s) for:\n%s", want, doc->form ? doc->form : "none",
                     doc->form_reason ? doc->form_reason : "", text);
        if (why && !strstr(doc->form_reason, why)) fail_msg("reason '%s' lacks '%s'", doc->form_reason, why);
    }
    fl_doc_free(doc);
}

static void test_cover_decides(void **state)
{
    (void)state;
    assert_form("建设项目环境影响报告表\n（污染影响类）\n项目名称：甲项目\n编制日期：2022年3月\n"
                "## 一、建设项目基本情况\n项目位于园区。\n",
                FL_FORM_POLLUTION, "cover line 2");
    assert_form("建设项目环境影响报告表（生态影响类）\n项目名称：乙工程\n## 一、建设项目基本情况\n",
                FL_FORM_ECOLOGY, "生态影响类");
}

static void test_titles_decide(void **state)
{
    (void)state;
    /* no cover word: two titles of one layout */
    assert_form("建设项目环境影响报告表\n项目名称：甲项目\n## 一、建设项目基本情况\n"
                "## 三、区域环境质量现状、环境保护目标及评价标准\n## 五、环境保护措施监督检查清单\n## 六、结论\n",
                FL_FORM_POLLUTION, "污染影响类 titles");
    /* the 1999 titles glued to their first paragraph in a PDF copy */
    assert_form("建设项目环境影响报告表项目名称：丙项目 编制日期：2009年5月\n"
                "建设项目所在地自然环境社会环境简况自然环境简况：县境属亚热带季风气候。\n"
                "评价适用标准环境质量标准：GB 3096-2008 2类。\n",
                FL_FORM_PRE2021, "1999 form titles");
}

static void test_stays_unknown(void **state)
{
    (void)state;
    /* one title alone, or only the titles every layout shares */
    assert_form("建设项目环境影响报告表\n项目名称：甲项目\n## 建设项目基本情况\n## 评价适用标准\n## 结论\n",
                FL_FORM_UNKNOWN, NULL);
    assert_form("建设项目环境影响报告表\n项目名称：甲项目\n## 建设项目基本情况\n## 建设项目工程分析\n## 结论\n",
                FL_FORM_UNKNOWN, "no part title");
    /* titles of two layouts at once */
    assert_form("建设项目环境影响报告表\n项目名称：甲项目\n## 建设项目所在地自然环境社会环境简况\n## 评价适用标准\n"
                "## 主要环境影响和保护措施\n## 环境保护措施监督检查清单\n",
                FL_FORM_UNKNOWN, "1999 form titles");
    /* not a 报告表 */
    assert_form("建设项目环境影响报告书\n## 1 概述\n## 评价适用标准\n## 建设项目所在地自然环境社会环境简况\n", NULL, NULL);
}

static void test_replaced(void **state)
{
    (void)state;
    fl_date d = {2021, 4, 1};
    assert_true(fl_form_replaced(FL_FORM_PRE2021, &d));
    d = (fl_date){2021, 3, 31};
    assert_false(fl_form_replaced(FL_FORM_PRE2021, &d));
    d = (fl_date){2021, 0, 0}; /* 2021年: may be before the change */
    assert_false(fl_form_replaced(FL_FORM_PRE2021, &d));
    d = (fl_date){2021, 4, 0};
    assert_true(fl_form_replaced(FL_FORM_PRE2021, &d));
    d = (fl_date){2030, 1, 1};
    assert_false(fl_form_replaced(FL_FORM_POLLUTION, &d));
    assert_false(fl_form_replaced(FL_FORM_UNKNOWN, &d));
}

static void test_chapter_lines(void **state)
{
    (void)state;
    /* a spaced title line too short for the section reader still counts */
    fl_doc *doc = load("建设项目环境影响报告表\n（污染影响类）\n## 一、建设项目基本情况\n项目位于园区。\n"
                       "六 、结 论\n项目建设可行。\n结论：见上文所述。\n");
    const fl_form_def *f = fl_form_def_of(doc->form);
    assert_non_null(f);
    int at = fl_form_chapter_block(doc, &f->chapters[5]);
    assert_true(at >= 0);
    assert_int_equal(doc->blocks[at].line, 5);
    /* a sentence starting with the word is no chapter */
    assert_int_equal(fl_form_chapter_block(doc, &f->chapters[4]), -1);
    fl_doc_free(doc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cover_decides),
        cmocka_unit_test(test_titles_decide),
        cmocka_unit_test(test_stays_unknown),
        cmocka_unit_test(test_replaced),
        cmocka_unit_test(test_chapter_lines),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
