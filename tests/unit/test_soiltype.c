/* Unit tests for model/soiltype.c: the 土壤项目类型 field read from the
 * 项目类型 field (typed or ticked), a sentence stating it, the cover title
 * (one line or two), the 项目名称 field and the technical route, and the
 * look-alikes that must not decide: 方案编制 of a 修复 plan, 污染地块安全利用,
 * farmland 治理与修复 titles, a company name on a labelled cover line,
 * measures named outside the route, EIA documents.
 * The texts are invented; they follow the shapes of real 实施方案 covers and
 * 项目基本信息 tables (a 项目类型 row with □/☑ options, "风险管控（农用地安全
 * 利用）", titles that never say 土壤). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "model/load.h"
#include "input/input.h"
#include "doc/doc.h"

static fl_doc *load(const char *text)
{
    fl_doc *doc = NULL;
    fl_error err;
    if (fl_doc_load_memory(&doc, "a.md", text, strlen(text), &err)) fail_msg("load: %s", err.message);
    return doc;
}

/* want NULL: no 土壤项目类型 field. line: where it was read, 0 = not checked. */
static void assert_soil_type(const char *text, const char *want, int line)
{
    fl_doc *doc = load(text);
    const fl_field *f = fl_doc_field(doc, "土壤项目类型");
    if (!want) {
        if (f) fail_msg("expected no type, got %s for:\n%s", f->value, text);
    } else if (!f) {
        fail_msg("expected %s, got none for:\n%s", want, text);
    } else {
        if (strcmp(f->value, want)) fail_msg("expected %s, got %s for:\n%s", want, f->value, text);
        /* appended after the filing's own fields */
        assert_ptr_equal(f, &doc->fields[doc->nfields - 1]);
        if (line) assert_int_equal(doc->blocks[f->block].line, line);
    }
    fl_doc_free(doc);
}

static void test_type_field(void **state)
{
    (void)state;
    /* a ticked option in the basic-information table decides over the title */
    assert_soil_type("甲市乙地块土壤污染治理项目实施方案\n\n"
                     "| 项目名称 | 甲市乙地块土壤污染治理项目 |\n|---|---|\n"
                     "| 项目类型 | □土壤污染状况调查 ☑风险管控 □修复 |\n",
                     "风险管控", 5);
    assert_soil_type("甲市乙地块土壤污染修复项目实施方案\n\n项目类型：土壤污染状况调查\n", "调查评估", 3);
    assert_soil_type("甲县受污染耕地治理项目实施方案\n\n项目类型：风险管控（农用地安全利用）\n", "农用地安全利用", 3);
    assert_soil_type("甲市乙地块土壤污染治理项目实施方案\n\n项目类型：风险管控与修复\n", "风险管控与修复", 3);
    assert_soil_type("甲市乙地块土壤污染治理项目实施方案\n\n项目类别：修复\n", "修复", 3);
    assert_soil_type("甲县土壤污染防治项目实施方案\n\n项目类型：土壤环境监管能力提升\n", "其他", 3);
    /* a field that says nothing known leaves the title to decide */
    assert_soil_type("甲县乙镇受污染耕地安全利用项目实施方案\n\n项目类型：/\n", "农用地安全利用", 1);
    /* 风险管控 in the field, farmland safe use in the title: the more specific */
    assert_soil_type("甲县受污染耕地安全利用项目实施方案\n\n项目类型：风险管控\n", "农用地安全利用", 1);
}

static void test_statement(void **state)
{
    (void)state;
    assert_soil_type("甲县土壤污染防治项目实施方案\n\n# 一、项目概况\n"
                     "本项目属于农用地安全利用类项目。项目单位为甲县农业农村局。\n",
                     "农用地安全利用", 4);
    assert_soil_type("甲县土壤污染综合治理项目实施方案\n\n项目类型为修复，项目周期3年。\n", "修复", 3);
    /* a sentence beats the title, the field beats both */
    assert_soil_type("甲市乙地块土壤污染修复项目实施方案\n\n本项目属于土壤污染状况调查项目。\n", "调查评估", 3);
    assert_soil_type("甲市乙地块土壤污染治理项目实施方案\n\n项目类型：修复\n\n本项目属于土壤污染状况调查项目。\n",
                     "修复", 3);
    /* another project named in passing */
    assert_soil_type("甲市乙地块土壤污染状况调查项目实施方案\n\n本项目为乙地块土壤污染风险管控项目的前期工作。\n",
                     "调查评估", 1);
    /* "本项目为" followed by no project type */
    assert_soil_type("甲市乙地块土壤污染状况调查项目实施方案\n\n本项目为后续风险管控提供依据。\n", "调查评估", 1);
}

static void test_title(void **state)
{
    (void)state;
    assert_soil_type("湘潭县受污染耕地安全利用项目实施方案\n\n# 一、项目概况\n", "农用地安全利用", 1);
    assert_soil_type("甲县农用地土壤污染安全利用示范项目\n实施方案\n", "农用地安全利用", 1);
    /* split over two lines: the second alone says nothing */
    assert_soil_type("甲市乙化工厂原址地块\n土壤污染风险管控项目\n实施方案\n", "风险管控", 2);
    assert_soil_type("甲市乙地块土壤和地下水污染风险管控与修复项目实施方案\n", "风险管控与修复", 1);
    assert_soil_type("甲市乙地块土壤污染修复工程项目实施方案\n", "修复", 1);
    assert_soil_type("甲市乙地块土壤污染状况初步调查项目实施方案\n", "调查评估", 1);
    assert_soil_type("甲市乙地块土壤污染状况调查与风险评估项目实施方案\n", "调查评估", 1);
    assert_soil_type("甲县耕地土壤严格管控区种植结构调整项目实施方案\n", "风险管控", 1);
    assert_soil_type("甲县土壤环境监测能力建设项目实施方案\n", "其他", 1);
    assert_soil_type("甲县涉镉等重金属行业企业污染源头防控项目实施方案\n", "其他", 1);
    /* a soil summary and a signboard are read the same way */
    assert_soil_type("甲市乙地块土壤污染修复项目总结报告\n", "修复", 1);
    assert_soil_type("甲市乙地块土壤污染风险管控项目公示牌\n", "风险管控", 1);
    /* no title line, the 项目名称 field */
    assert_soil_type("# 一、项目概况\n项目名称：甲县受污染耕地安全利用项目\n", "农用地安全利用", 2);
}

static void test_title_lookalikes(void **state)
{
    (void)state;
    /* drafting a 风险管控与修复 plan is its own type (其他, two years) */
    assert_soil_type("甲市乙地块土壤污染风险管控与修复方案编制项目实施方案\n", "其他", 1);
    /* safe use of a contaminated construction-land plot is 风险管控 */
    assert_soil_type("甲市乙污染地块安全利用项目实施方案\n", "风险管控", 1);
    /* a company on a labelled cover line is no title */
    assert_soil_type("甲县土壤污染状况调查项目实施方案\n\n编制单位：甲环境修复技术有限公司\n", "调查评估", 1);
    /* nothing says which */
    assert_soil_type("甲县涓水流域土壤污染综合治理项目实施方案\n\n# 一、项目概况\n项目区位于甲县。\n", NULL, 0);
}

static void test_route(void **state)
{
    (void)state;
    /* a title that says 综合治理, a route of agronomic measures */
    assert_soil_type("甲县涓水流域土壤污染综合治理项目实施方案\n\n# 一、项目概况\n项目区位于甲县。\n"
                     "# 四、技术路线\n项目以低积累水稻品种替代为主，配合施用石灰调节土壤酸性和全生育期淹水灌溉。\n",
                     "农用地安全利用", 6);
    /* a route stated in a sentence, outside a route chapter */
    assert_soil_type("甲县土壤污染综合治理项目实施方案\n\n# 三、项目内容\n"
                     "本项目采用“品种替代+叶面阻控+深翻耕”的技术路线。\n",
                     "农用地安全利用", 4);
    /* one measure is not a route */
    assert_soil_type("甲县土壤污染综合治理项目实施方案\n\n# 四、技术路线\n对项目区耕地施用石灰。\n", NULL, 0);
    /* measures named outside the route (a survey of current practice) do not decide */
    assert_soil_type("甲县土壤污染综合治理项目实施方案\n\n# 二、项目区概况\n"
                     "农户习惯施用石灰，部分田块已种植低积累品种。\n# 四、技术路线\n清理污染源，封闭排污口。\n",
                     NULL, 0);
    /* a 风险管控 plan whose farmland route is agronomic is farmland safe use */
    assert_soil_type("甲县耕地土壤污染风险管控项目实施方案\n\n# 四、技术路线\n"
                     "采用VIP技术模式：品种替代、淹水灌溉、施用石灰。\n",
                     "农用地安全利用", 4);
    /* farmland 修复 in a title names safe-use projects too: the route decides */
    assert_soil_type("甲县受污染耕地修复项目实施方案\n\n# 四、技术路线\n"
                     "客土置换后，配合品种替代和施用石灰巩固效果。\n",
                     "农用地安全利用", 4);
    assert_soil_type("甲县受污染耕地治理与修复项目实施方案\n\n# 一、项目概况\n项目区位于甲县。\n", NULL, 0);
    assert_soil_type("甲县耕地土壤污染风险管控项目实施方案\n", NULL, 0);
    /* a construction-land 修复 plan keeps its type whatever its route names */
    assert_soil_type("甲市乙地块土壤污染修复项目实施方案\n\n# 四、技术路线\n"
                     "清挖污染土壤后回填，表层施用石灰并深翻耕。\n",
                     "修复", 1);
}

static void test_not_soil(void **state)
{
    (void)state;
    /* an EIA document about a remediation works carries no soil type */
    assert_soil_type("甲市乙地块污染土壤修复工程\n环境影响报告表\n（生态影响类）\n", NULL, 0);
    /* a filing that writes the field itself keeps its own value, once */
    fl_doc *doc = load("甲市乙地块土壤污染修复项目实施方案\n\n土壤项目类型：调查评估\n");
    size_t n = 0;
    for (size_t i = 0; i < doc->nfields; i++) n += !strcmp(doc->fields[i].name, "土壤项目类型");
    assert_int_equal(n, 1);
    fl_doc_free(doc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_type_field),
        cmocka_unit_test(test_statement),
        cmocka_unit_test(test_title),
        cmocka_unit_test(test_title_lookalikes),
        cmocka_unit_test(test_route),
        cmocka_unit_test(test_not_soil),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
