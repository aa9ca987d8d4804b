/* Unit tests for model/filingdate.c: where a filing dates itself (the
 * 编制日期 field, a date line on the cover, a notice's publication line,
 * its 落款, the first day of its 公示 period), the precision written, blank
 * forms, and the dates that must never be taken: monitoring dates, cited
 * standards, planning years, a long report's attached letters, a date line
 * in the middle of a text. The covers and notices follow real layouts
 * (title, 建设单位, 编制单位, date as the last short line; a unit's 落款 with
 * 附件 links after it) with invented names. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "model/load.h"
#include "core/buf.h"
#include "input/input.h"
#include "doc/doc.h"

typedef struct want {
    const char *value;  /* "2019-04"; NULL: none found */
    const char *text;   /* the date as typed; NULL: no date and no blank form */
    int line;
    const char *source;
    bool unfilled;
} want;

static void check_as(const char *name, const char *text, want w)
{
    fl_doc *doc = NULL;
    fl_error err;
    if (fl_doc_load_memory(&doc, name, text, strlen(text), &err)) fail_msg("load: %s", err.message);
    const fl_filing_date *fd = &doc->filing_date;
    char iso[11] = "";
    if (fd->found) fl_date_format(&fd->value, iso);
    int line = fd->block >= 0 ? doc->blocks[fd->block].line : 0;
    char got[512];
    snprintf(got, sizeof got, "found=%d value=%s unfilled=%d text=%s line=%d source=%s", fd->found, iso,
             fd->unfilled, fd->text ? fd->text : "(null)", line, fd->source ? fd->source : "(null)");
    bool ok = fd->found == (w.value != NULL) && (!w.value || !strcmp(iso, w.value)) && fd->unfilled == w.unfilled;
    if (w.text) ok = ok && fd->text && !strcmp(fd->text, w.text) && line == w.line && fd->source &&
                     !strcmp(fd->source, w.source);
    else ok = ok && !fd->text && fd->block == -1;
    fl_doc_free(doc);
    if (!ok)
        fail_msg("got %s; want value=%s text=%s line=%d source=%s unfilled=%d for:\n%s", got,
                 w.value ? w.value : "(none)", w.text ? w.text : "(null)", w.line, w.source ? w.source : "(null)",
                 w.unfilled, text);
}

static void check(const char *text, want w) { check_as("a.txt", text, w); }

static void test_cover(void **state)
{
    (void)state;
    /* the last short line of a 报告书 cover, in every way the zero is typed */
    check("甲公司年产500吨涂料项目\n环境影响报告书\n（报批稿）\n建设单位：甲公司\n编制单位：乙环境科技有限公司\n"
          "二〇一九年四月\n",
          (want){"2019-04", "二〇一九年四月", 6, "cover", false});
    check("甲县引水工程\n环境影响报告书\n建设单位：甲县引水工程指挥部\n二O一三年十月\n",
          (want){"2013-10", "二O一三年十月", 4, "cover", false});
    check("甲项目\n环境影响报告书\n二零一八年七月\n", (want){"2018-07", "二零一八年七月", 3, "cover", false});
    check("甲项目\n环境影响报告书\n二○二○年五月\n", (want){"2020-05", "二○二○年五月", 3, "cover", false});
    check("甲地块土壤污染治理与修复项目实施方案\n（征求意见稿）\n二0一六年十二月\n",
          (want){"2016-12", "二0一六年十二月", 3, "cover", false});
    /* under 建设单位, with spaces (a PDF copy), year only, to the day */
    check("甲公司工艺品生产项目\n公众参与说明\n建设单位：甲公司\n2021年5月\n", (want){"2021-05", "2021年5月", 4, "cover", false});
    check("甲项目\n环境影响报告书\n2021 年 5 月\n", (want){"2021-05", "2021 年 5 月", 3, "cover", false});
    check("甲项目\n环境影响报告书\n2 0 2 1 年 5 月\n", (want){"2021-05", "2 0 2 1 年 5 月", 3, "cover", false});
    check("甲项目\n环境影响报告书\n2021年\n", (want){"2021", "2021年", 3, "cover", false});
    check("甲项目\n环境影响报告书\n2021年5月8日\n", (want){"2021-05-08", "2021年5月8日", 3, "cover", false});
    /* the unit and the date on one line */
    check("甲项目环境影响报告书\n乙环境科技有限公司 二〇二〇年五月\n",
          (want){"2020-05", "二〇二〇年五月", 2, "cover", false});
    /* a spaced PDF copy of a whole cover line */
    check("建 设 项 目 环 境 影 响 报 告 表\n项 目 名 称 ： 甲 变 电 站 扩 建 工 程\n编 制 日 期 ：2015 年 10 月\n",
          (want){"2015-10", "2015 年 10 月", 3, "cover-field", false});
}

static void test_cover_field(void **state)
{
    (void)state;
    check("建设项目环境影响报告表\n（污染影响类）\n项目名称：甲项目\n建设单位（盖章）：甲公司\n编制日期：2024年5月\n"
          "中华人民共和国生态环境部制\n",
          (want){"2024-05", "2024年5月", 5, "cover-field", false});
    check("建设项目环境影响报告表\n编制日期：二〇二四年五月\n", (want){"2024-05", "二〇二四年五月", 2, "cover-field", false});
    check("建设项目环境影响报告表\n编制日期：2 0 2 1 年 5 月\n", (want){"2021-05", "2 0 2 1 年 5 月", 2, "cover-field", false});
    /* the label beats a date line above it */
    check("甲项目环境影响报告书\n2023年1月\n编制日期：2024年5月\n", (want){"2024-05", "2024年5月", 3, "cover-field", false});
    /* two fields a line; a cover glued into its first line by a PDF copy */
    check("甲项目环境影响报告书\n建设单位：甲公司    编制日期：2021年5月\n",
          (want){"2021-05", "2021年5月", 2, "cover-field", false});
    check("建设项目环境影响报告表项目名称： 甲大道延伸段道路工程 建设单位(盖章)： 甲县城市建设投资有限公司 "
          "编制日期： 二 00 九年十月八日 编制单位：甲市环境保护科学研究所\n正文。\n",
          (want){"2009-10-08", "二 00 九年十月八日", 1, "cover-field", false});
    /* other labels on the cover */
    check("甲项目环境影响报告书\n编制时间：2024年5月\n", (want){"2024-05", "2024年5月", 2, "cover-field", false});
    /* a label that dates something else is no date line */
    check("甲项目环境影响报告书\n批复日期：2019年3月1日\n", (want){NULL, NULL, 0, NULL, false});
}

static void test_unfilled(void **state)
{
    (void)state;
    check("建设项目环境影响报告表\n项目名称：甲项目\n编制日期：    年  月\n",
          (want){NULL, "年  月", 3, "cover-field", true});
    check("甲项目\n环境影响报告书\n201 年 月 日\n", (want){NULL, "201 年 月 日", 3, "cover", true});
    check("甲项目\n环境影响报告书\n20  年  月\n", (want){NULL, "20  年  月", 3, "cover", true});
    check("甲项目\n环境影响报告书\nxxxx年xx月\n", (want){NULL, "xxxx年xx月", 3, "cover", true});
    /* the year written, the rest left blank */
    check("甲项目\n环境影响报告书\n2024年  月  日\n", (want){"2024", "2024年  月  日", 3, "cover", true});
    /* a blank label, then a date line: the date is the filing's */
    check("甲项目环境影响报告书\n编制日期：    年  月\n2022年3月\n", (want){"2022-03", "2022年3月", 3, "cover", false});
    /* a notice's blank 落款 */
    check("甲项目环境影响评价信息公示\n现将有关信息公示如下。\n（建设单位名称）\n（日期）*年*月*日\n",
          (want){NULL, "*年*月*日", 4, "signature", true});
}

static void test_notices(void **state)
{
    (void)state;
    /* 落款 on one line */
    check("甲县疾病预防控制中心检验检测用房项目 报批前公示\n"
          "按照有关规定，在上报审批前对该项目环境影响评价全文及其公众参与说明进行网络平台公示。\n"
          "联系人：罗某某 电话：0743-1234567\n甲县卫生健康局 2022年3月30日\n",
          (want){"2022-03-30", "2022年3月30日", 4, "signature", false});
    /* the unit, then the date, then the attachments */
    check("甲公司年产400台电动平车建设项目环境影响评价\n公众参与第二次公示\n根据规定，现予以第二次公示。\n"
          "五、公众提出意见的起止时间\n2019年2月14日~2019年2月24日。\n甲机械科技有限公司\n2019年2月14日\n"
          "附件：报告表（征求意见稿）全本链接 提取码：ec49\n附件：公众参与调查表 提取码：64jd\n",
          (want){"2019-02-14", "2019年2月14日", 7, "signature", false});
    /* a bare date after empty attachment lines */
    check("乙工程环境影响评价公众参与第二次公示\n根据有关规定，对乙工程环境影响评价公众参与进行第二次公示。\n"
          "五、公众提出意见的起止时间\n自本公示之日起的10个工作日内。\n附件1：\n附件2：\n2022.4.28\n",
          (want){"2022-04-28", "2022.4.28", 7, "signature", false});
    /* the date on the line above the unit */
    check("丙项目环境影响报告书报批前公示\n现将报告书全文予以公开。\n2023年12月25日\n丙农业发展集团有限公司\n",
          (want){"2023-12-25", "2023年12月25日", 3, "signature", false});
    /* the publication line at the top beats the 落款 */
    check("发布日期：2025年02月07日\n丁天然气管道工程环境影响报告书（征求意见稿）信息公示\n现予公示。\n丁公司\n2025年2月8日\n",
          (want){"2025-02-07", "2025年02月07日", 1, "publicity", false});
    check("戊工程环境影响评价第二次信息公示\n发布时间:2021-06-11 15:10:29\n现进行第二次信息公示。\n",
          (want){"2021-06-11", "2021-06-11", 2, "publicity", false});
    /* no 落款: the first day of the 公示 period */
    check("己项目环境影响报告书征求意见稿公示\n根据规定现予公示，公示期为2022年3月30日至2022年4月13日。\n"
          "联系电话：0731-1234567\n",
          (want){"2022-03-30", "2022年3月30日", 2, "publicity", false});
    /* a 公示牌 closes with its 公示日期 */
    check("甲地块土壤污染修复项目公示牌\n项目名称：甲地块土壤污染修复项目\n联系电话：0731-1234567\n公示日期：2024年7月1日\n",
          (want){"2024-07-01", "2024年7月1日", 4, "publicity", false});
}

static void test_never_taken(void **state)
{
    (void)state;
    /* dates in the body of a report without a dated cover */
    check("甲公司年产500吨涂料项目环境影响报告表\n一、建设项目基本情况\n"
          "监测时间为2023年5月6日至2023年5月12日。\n执行《环境空气质量标准》（GB 3095-2012）二级标准。\n"
          "项目符合《甲市国土空间总体规划（2021—2035年）》。\n施工期为2023年6月至2023年9月。\n",
          (want){NULL, NULL, 0, NULL, false});
    /* a date line in the middle of a short text is no 落款 */
    check("四、主要环境影响和保护措施\n1、废气\n2024年5月完成设备安装\n二〇二四年五月\n（1）\n2、废水\n"
          "生活污水经化粪池处理后排入园区污水管网。\n",
          (want){NULL, NULL, 0, NULL, false});
    /* the last line of a long report is an attached letter's date */
    fl_buf b = FL_BUF_INIT;
    fl_buf_adds(&b, "甲公司年产500吨涂料项目环境影响报告书\n1 概述\n");
    for (int i = 0; i < 200; i++) fl_buf_adds(&b, "项目概况说明。\n");
    fl_buf_adds(&b, "附件1 委托书\n兹委托乙公司承担本项目环境影响评价工作。\n甲公司\n2019年3月1日\n");
    check(b.data, (want){NULL, NULL, 0, NULL, false});
    fl_buf_free(&b);
    /* a notice listing projects ends in a table: a project's date, not its own */
    check_as("a.md", "甲市生态环境局审批公告\n\n现将审批决定予以公告。\n\n| 序号 | 项目名称 | 审批时间 |\n|---|---|---|\n"
             "| 1 | 甲项目 | 2024.11.6 |\n",
             (want){NULL, NULL, 0, NULL, false});
    /* a sentence ends the cover: a date after it is body text */
    check("甲项目环境影响报告书\n本报告书依据有关规定编制。\n2019年4月\n正文。\n", (want){NULL, NULL, 0, NULL, false});
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cover),    cmocka_unit_test(test_cover_field), cmocka_unit_test(test_unfilled),
        cmocka_unit_test(test_notices),  cmocka_unit_test(test_never_taken),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
