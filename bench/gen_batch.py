#!/usr/bin/env python3
"""Generate a batch of smaller, mixed filings for the batch benchmarks.

Two kinds, in Word-like markup from gen_large.py:
  bgb  建设项目环境影响报告表（污染影响类）: cover, 编制人员情况表, the
       一、建设项目基本情况 field table, then sections 二 to 六;
  ssfa 土壤污染风险管控与修复项目实施方案: cover, then the nine chapters of
       环办土壤〔2020〕23号 四(一) numbered 1, 1.1, ...

Sizes are log-uniform between --min-chars and --max-chars (default 5k-50k
visible characters).  File i depends only on (--seed, i), so a batch can be
regenerated or extended piecewise.  Standard library only.

    python3 bench/gen_batch.py --count 500 --out bench/corpus/batch
"""

import argparse
import math
import os
import random
import sys

sys.dont_write_bytecode = True  # keep bench/ free of __pycache__
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_large as gl  # noqa: E402

gl.SENTENCES["soilplan"] = [
    "项目地块位于{loc}，原为{C2}生产用地，占地面积{area}平方米，现已停产搬迁。",
    "根据土壤污染状况调查报告，地块内{pol_soil}最大检测值为{v}mg/kg，超过{std_soil}第二类用地筛选值。",
    "风险评估结果表明，{pol_soil}致癌风险超过可接受水平10⁻⁶，需开展风险管控与修复。",
    "本项目修复土方量约{n2}立方米，修复技术采用异位化学氧化+水泥窑协同处置。",
    "项目总投资{amt}，其中拟申请中央土壤污染防治专项资金{amt_small}，地方配套资金{amt_tiny}。",
    "项目实施周期{months}个月，计划于{date}开工，{date2}完成效果评估。",
    "施工期间设置公示牌，公开项目内容、项目目标、施工平面图、主要污染物及防控措施、项目负责人和联系电话。",
    "修复过程中产生的废气经{device}处理后达标排放，基坑废水经处理满足{std_ww}后排放。",
    "修复完成后委托第三方单位开展效果评估，评估依据为HJ 25.5-2018。",
    "项目单位为{dist}人民政府，实施方案审查单位为{city}生态环境局。",
    "前期已投入调查评估资金{amt_tiny}，完成了土壤污染状况初步调查和详细调查。",
    "地下水中{pol_water}浓度超过{std_gw}Ⅳ类标准限值，需同步开展地下水风险管控。",
    "项目按照土壤污染状况调查技术导则（HJ 25.1-2019）和风险评估技术导则（HJ 25.3-2019）开展前期工作。",
]
gl.SUBSECTIONS["soilplan"] = ["基本情况", "工作内容", "技术要求", "进度与保障"]

BGB_SECTIONS = [
    ("建设项目工程分析", 0.25, ["建设内容", "工艺流程和产排污环节", "与项目有关的原有环境污染问题"], "general"),
    ("区域环境质量现状、环境保护目标及评价标准", 0.2, ["区域环境质量现状", "环境保护目标",
                                        "污染物排放控制标准", "总量控制指标"], "air"),
    ("主要环境影响和保护措施", 0.35, ["施工期环境保护措施", "运营期废气", "运营期废水",
                             "运营期噪声", "运营期固体废物", "地下水、土壤", "环境风险"], "measures"),
    ("环境保护措施监督检查清单", 0.1, ["监督检查内容"], "manage"),
    ("结论", 0.1, ["结论"], "conclusion"),
]

SSFA_CHAPTERS = [
    ("项目概况", 0.18, ["项目背景", "地块基本情况", "调查与风险评估结论"], "soilplan"),
    ("必要性", 0.08, ["项目实施必要性"], "soilplan"),
    ("项目范围及内容", 0.14, ["修复范围", "修复目标", "工程内容"], "soilplan"),
    ("技术路线", 0.18, ["技术比选", "工艺流程", "二次污染防治", "环境监理"], "soilplan"),
    ("投资估算", 0.1, ["估算依据", "投资构成"], "soilplan"),
    ("前期工作投入资金", 0.05, ["前期资金"], "soilplan"),
    ("拟申请中央土壤污染防治专项资金额度", 0.07, ["资金额度", "年度资金支持计划"], "soilplan"),
    ("实施进度安排", 0.1, ["进度计划"], "soilplan"),
    ("预期成果", 0.1, ["预期成果"], "soilplan"),
]


def tick(options, chosen):
    return "".join(("☑" if o == chosen else "☐") + o + " " for o in options).strip()


def basic_info(doc, fill):
    """一、建设项目基本情况 as the two- and four-column field table."""
    r = fill.rng
    total = r.randrange(100, 20000)
    env = max(1, r.randrange(total // 100 + 1, total // 8 + 2))
    lon = f"{r.randrange(100, 122)}度{r.randrange(0, 60)}分{r.uniform(0, 60):.3f}秒"
    lat = f"{r.randrange(22, 41)}度{r.randrange(0, 60)}分{r.uniform(0, 60):.3f}秒"
    person = r.choice(gl.SURNAMES) + r.choice(gl.GIVEN)
    rows = [
        ["建设项目名称", fill.project],
        ["项目代码", fill.pcode],
        ["建设单位联系人", person, "联系方式", "138" + "".join(r.choice("0123456789") for _ in range(8))],
        ["建设地点", fill.s_loc() + fill.park],
        ["地理坐标", f"（{lon}，{lat}）"],
        ["国民经济行业类别", fill.product[2], "建设项目行业类别", "二十三、化学原料和化学制品制造业 44 基础化学原料制造"],
        ["建设性质", tick(["新建（迁建）", "改建", "扩建", "技术改造"], r.choice(["新建（迁建）", "扩建", "技术改造"]))],
        ["建设项目申报情形", tick(["首次申报项目", "不予批准后再次申报项目", "超五年重新审核项目",
                            "重大变动重新报批项目"], "首次申报项目")],
        ["项目审批（核准/备案）部门（选填）", f"{fill.place[2]}行政审批局",
         "项目审批（核准/备案）文号（选填）", fill.pcode],
        ["总投资（万元）", str(total), "环保投资（万元）", str(env)],
        ["环保投资占比（%）", f"{env / total * 100:.2f}", "施工工期", f"{r.randrange(2, 18)}个月"],
        ["是否开工建设", "☑否 ☐是：", "用地（用海）面积（m2）", str(r.randrange(500, 60000))],
        ["专项评价设置情况", "无"],
        ["规划情况", f"《{fill.park}总体规划（2021—2035）》"],
        ["规划环境影响评价情况", fill.s_doc_no()],
        ["规划及规划环境影响评价符合性分析", fill.paragraph("plan")],
        ["其他符合性分析", fill.paragraph("plan")],
    ]
    doc.table(rows, [2200, 2600, 2000, 2200], header=False)


def bgb(doc, fill, chars):
    centre = ('<w:pPr><w:spacing w:line="360" w:lineRule="auto"/><w:jc w:val="center"/>'
              f'<w:rPr>{gl.HEAD_FONT}<w:sz w:val="36"/></w:rPr></w:pPr>')
    doc.paragraph("建设项目环境影响报告表", centre, "title")
    doc.paragraph("（污染影响类）", centre, "cover")
    doc.paragraph(f"项目名称：{fill.project}", centre, "cover")
    doc.paragraph(f"建设单位（盖章）：{fill.company}", centre, "cover")
    doc.paragraph(f"编制日期：{fill.s_date2()}", centre, "cover")
    doc.paragraph("中华人民共和国生态环境部制", centre, "cover")
    doc.page_break()
    doc.cover_pages = 2
    doc.heading(1, "一、", "建设项目基本情况")
    basic_info(doc, fill)
    budget = max(chars - doc.chars, 1000)
    # Sections 二..六 continue the heading list after 一.
    gl.chapters(doc, fill, BGB_SECTIONS, budget, lambda ci: gl.chinese_count(ci + 1) + "、",
                table_every=30)
    return gl.numbering_xml(doc.lists, "chineseCounting", "%1、", "nothing")


def ssfa(doc, fill, chars):
    fill.general = "soilplan"
    fill.project = f"{fill.place[1]}{fill.place[2]}原{fill.s_C2()[:-4]}地块土壤污染风险管控与修复项目"
    centre = ('<w:pPr><w:spacing w:line="360" w:lineRule="auto"/><w:jc w:val="center"/>'
              f'<w:rPr>{gl.HEAD_FONT}<w:sz w:val="36"/></w:rPr></w:pPr>')
    doc.paragraph(fill.project, centre, "title")
    doc.paragraph("实施方案", centre, "title")
    doc.paragraph(f"项目单位：{fill.place[2]}人民政府", centre, "cover")
    doc.paragraph(f"编制单位：{fill.eia}", centre, "cover")
    doc.paragraph(fill.s_date2(), centre, "cover")
    doc.page_break()
    doc.cover_pages = 2
    budget = max(chars - doc.chars, 1000)
    gl.chapters(doc, fill, SSFA_CHAPTERS, budget, str, table_every=40, by_section=False)
    return gl.numbering_xml(doc.lists, "decimal", "%1", "space")


def one(path, seed, chars, kind):
    rng = random.Random(seed)
    fill = gl.Filler(rng)
    doc = gl.DocWriter(rng)
    numbering = (bgb if kind == "bgb" else ssfa)(doc, fill, chars)
    title = fill.project + ("环境影响报告表" if kind == "bgb" else "实施方案")
    gl.write_docx(path, doc.out + [gl.sect_pr(doc.rsids[0])], numbering, title, fill.eia)
    return doc.chars


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--count", type=int, default=500)
    ap.add_argument("--out", required=True, help="output folder")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--min-chars", type=int, default=5000)
    ap.add_argument("--max-chars", type=int, default=50000)
    ap.add_argument("--bgb-share", type=float, default=0.6, help="share of 报告表 (default 0.6)")
    ap.add_argument("-v", "--verbose", action="store_true", help="print each file's size")
    args = ap.parse_args(argv)
    os.makedirs(args.out, exist_ok=True)
    total = 0
    lo, hi = math.log(args.min_chars), math.log(args.max_chars)
    for i in range(1, args.count + 1):
        seed = args.seed * 1000003 + i
        pick = random.Random(seed ^ 0x5F5F)
        kind = "bgb" if pick.random() < args.bgb_share else "ssfa"
        chars = int(math.exp(pick.uniform(lo, hi)))
        got = one(os.path.join(args.out, f"{i:04d}-{kind}.docx"), seed, chars, kind)
        if args.verbose:
            print(f"{i:04d}-{kind}: asked {chars}, wrote {got}", file=sys.stderr)
        total += got
    print(f"{args.out}: {args.count} filings, {total} visible characters", file=sys.stderr)


if __name__ == "__main__":
    main()
