#!/usr/bin/env python3
"""Generate the similarity-corpus benchmark: N Markdown 环境影响报告书 filings
of about --chars characters each, some of which copy passages of others.

What a filing is made of, and why (the copy check lives or dies by the mix):

* project-specific prose (工程分析, 环境现状, 预测 ...): sentences assembled
  from a domain lexicon of a few hundred words, different in every filing,
  naming the filing's own company now and then;
* template sentences with slots (gen_large.SENTENCES filled by its Filler):
  the medium-entropy text every real filing has, whose fixed parts recur in
  hundreds of filings and whose slot values sometimes coincide;
* boilerplate paragraphs (legal and standard wording), each present in 10-90 %
  of the filings;
* monitoring tables of numbers.

Planted copies: --copiers filings each take 1-2 passages of 200-800
characters of project-specific prose from another filing's 工程分析 or 环境现状
chapter, into the same chapter, lightly edited: numbers changed, punctuation
swapped (、 for ，, ； for 。), and in a third of them the source's company
name replaced by the copier's. manifest.tsv lists every plant with both
locations (line ranges of the .md files).

Standard library only; deterministic for a given --seed.

    python3 bench/gen_corpus.py --count 1000 --chars 200000 --out bench/corpus/filings
"""

import argparse
import multiprocessing
import os
import random
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gen_large import CHAPTERS, SENTENCES, SUBSECTIONS, Filler, chinese_count, topic_of, visible  # noqa: E402

# ------------------------------------------------------------------ lexicon

NOUNS = """反应釜 储罐 管道 阀门 输送带 料仓 原料 辅料 溶剂 催化剂 产品 中间体 废液 滤渣 母液 冷凝水 蒸汽
导热油 循环水 氮气 压缩空气 物料 粉料 颗粒 浆料 树脂 助剂 胶粘剂 包装桶 托盘 车间 厂房 仓库 罐区 装卸区
办公楼 配电房 锅炉房 污水站 事故池 雨水管网 围堰 地坪 排气筒 集气罩 风管 风机 水泵 空压机 冷却塔 换热器
冷凝器 过滤器 离心机 干燥机 粉碎机 混合机 挤出机 切粒机 注塑机 烘箱 窑炉 熔炉 喷枪 喷漆房 抛丸机 焊机
机床 模具 工件 板材 型材 铸件 钢材 铝锭 铜材 玻璃液 配合料 石英砂 纯碱 石灰石 白云石 芒硝 碎玻璃 天然气
柴油 电能 新鲜水 软水 纯水 盐酸 硫酸 硝酸 液碱 双氧水 次氯酸钠 活性炭 分子筛 滤袋 滤芯 填料 喷淋液 吸收液
絮凝剂 污泥 栅渣 浮渣 沉渣 废机油 废油桶 废滤袋 废催化剂 边角料 不合格品 粉尘 烟尘 油雾 酸雾 恶臭 异味
有机废气 含尘废气 工艺废气 无组织废气 设备噪声 初期雨水 清净下水 生活污水 地面冲洗水 设备清洗水 反冲洗水
浓水 蒸发残液 精馏残渣 釜残 包装材料 编织袋 纸箱 木托盘 叉车 行车 地磅 计量罐 高位槽 中转罐 接收罐 缓冲罐
真空泵 螺杆泵 隔膜泵 搅拌器 减速机 电机 控制柜 传感器 液位计 压力表 流量计 温度计 在线监测仪 视频监控
生产线 工段 工序 单元 系统 装置 设施 设备 平台 区域 厂界 边界 四周 上风向 下风向 侧风向 地块 场地 厂区""".split()

VERBS = """投加 输送 搅拌 加热 升温 保温 冷却 降温 过滤 离心 洗涤 干燥 粉碎 筛分 混合 造粒 挤出 成型 固化
切割 打磨 抛光 焊接 喷涂 烘干 包装 入库 回收 回用 收集 排放 处理 预处理 吸附 冷凝 蒸馏 精馏 萃取 结晶
溶解 中和 沉淀 压滤 浓缩 蒸发 计量 检验 检测 转移 暂存 贮存 装车 卸料 配料 称量 清洗 置换 密封 泄压
抽真空 熔化 澄清 均化 退火 钢化 镀膜 切片 磨边 开孔 印刷 复合 分切 熟化 脱水 压缩 引风 导排 覆盖 铺设""".split()

ADVS = """连续 间歇 自动 密闭 负压 常温 常压 高温 低温 定量 均匀 充分 稳定 少量 微量 部分 全部 分批 逐步
及时 定期 集中 分别 同时 随后 然后 再 并 即 均 统一 就近 直接 经管道 经泵 按比例 按批次 按工艺要求""".split()

LINKS = ["经", "由", "在", "对", "将", "与", "和", "及", "至", "进入", "送至", "通过", "采用", "利用", "依托"]
UNITS = ["t/a", "t/d", "kg/h", "m³/h", "m³/d", "℃", "h", "min", "kPa", "MPa", "台", "套", "%", "m", "m²", "kW"]

BOILERPLATE = [
    "根据《中华人民共和国环境影响评价法》和《建设项目环境保护管理条例》的有关规定，建设项目应当在开工建设前依法开展环境影响评价，未依法报批环境影响评价文件或者未经批准的，建设单位不得开工建设。",
    "按照《建设项目环境影响评价分类管理名录（2021年版）》的规定，根据建设项目的行业类别、规模和所在区域的环境敏感程度，确定项目环境影响评价文件的类别。",
    "建设单位应当对建设项目环境影响报告书的内容和结论负责，技术单位对其编制的建设项目环境影响报告书承担相应责任。",
    "项目应严格执行环境保护设施与主体工程同时设计、同时施工、同时投产使用的“三同时”制度，确保各项污染防治措施落实到位。",
    "根据《排污许可管理条例》，纳入固定污染源排污许可分类管理名录的排污单位，应当在实际排污之前申请取得排污许可证或者填报排污登记表。",
    "危险废物的收集、贮存、运输、利用和处置应严格执行《中华人民共和国固体废物污染环境防治法》及《危险废物转移管理办法》的相关规定。",
    "建设单位应当按照《企业事业单位突发环境事件应急预案备案管理办法（试行）》的要求，编制突发环境事件应急预案并报当地生态环境主管部门备案。",
    "根据《环境影响评价公众参与办法》，建设单位在编制环境影响报告书的过程中，应当公开有关环境影响评价的信息，征求公众意见。",
    "项目竣工后，建设单位应当按照国务院生态环境主管部门规定的标准和程序，对配套建设的环境保护设施进行验收，编制验收报告，并依法向社会公开。",
    "本次评价严格遵循相关法律法规和技术导则的要求，坚持客观、公开、公正的原则，综合考虑建设项目实施后对各种环境因素可能造成的影响。",
    "环境空气质量现状评价采用单因子指数法，当评价因子的标准指数大于1时，表明该因子已超过规定的环境质量标准，数值越大超标越严重。",
    "噪声预测采用《环境影响评价技术导则 声环境》推荐的工业噪声预测模式，考虑几何发散衰减、屏障衰减及空气吸收衰减等因素。",
    "地下水污染防治按照“源头控制、分区防控、污染监控、应急响应”的原则，从污染物的产生、入渗、扩散和应急响应全过程进行控制。",
    "土壤污染防治坚持预防为主、保护优先、分类管理、风险管控、污染担责、公众参与的原则。",
    "建设单位应建立健全环境管理制度，设置环境管理机构，配备专职环境管理人员，负责项目施工期和运营期的环境保护工作。",
    "项目的性质、规模、地点、采用的生产工艺或者防治污染、防止生态破坏的措施发生重大变动的，建设单位应当重新报批建设项目的环境影响评价文件。",
    "环境影响报告书自批准之日起超过五年，方决定该项目开工建设的，其环境影响评价文件应当报原审批部门重新审核。",
    "施工期应加强施工管理，合理安排施工时间，施工场地采取围挡、洒水抑尘、物料覆盖等措施，减少施工扬尘对周围环境的影响。",
    "运营期应加强对废气、废水处理设施的日常维护和管理，确保各类污染治理设施正常稳定运行，污染物长期稳定达标排放。",
    "生活垃圾分类收集后由环卫部门统一清运处置，一般工业固体废物外售综合利用，危险废物委托有资质单位处置，固体废物处置率达到100%。",
    "企业应按照《排污单位自行监测技术指南 总则》的要求制定自行监测方案，开展自行监测，并按规定公开监测信息。",
    "本报告所引用的监测数据均来自具有相应资质的监测单位，监测方法、监测频次和质量控制均符合国家相关技术规范的要求。",
    "评价范围内无自然保护区、风景名胜区、世界文化和自然遗产地、饮用水水源保护区等需要特殊保护的环境敏感区。",
    "根据《环境影响评价技术导则 大气环境》，采用推荐模型中的估算模式计算项目污染源的最大环境影响，确定评价工作等级。",
    "对照《产业结构调整指导目录（2024年本）》，本项目不属于鼓励类、限制类和淘汰类，为允许类项目，符合国家产业政策。",
    "各类废气收集处理后通过排气筒有组织排放，排气筒高度按照相关排放标准要求设置，并按规范设置永久性采样口和采样平台。",
    "厂区实行雨污分流、清污分流，初期雨水收集后进入污水处理站处理，后期雨水经雨水管网排放。",
    "建设单位应落实报告书提出的各项环境风险防范措施，加强风险管理，定期开展应急演练，确保环境风险可防可控。",
    "在严格落实本报告书提出的各项污染防治措施和环境风险防范措施的前提下，从环境保护角度分析，项目建设可行。",
    "本项目主要污染物排放总量指标在区域内平衡解决，符合总量控制要求。",
]

PROJECT_CHAPTERS = ("建设项目工程分析", "环境现状调查与评价")


class Project:
    """One filing's generator: its Filler (names, places, numbers) and the
    prose and tables of the chapters."""

    def __init__(self, index, seed):
        self.index = index
        self.rng = random.Random(seed * 1000003 + index)
        self.fill = Filler(self.rng)
        self.fill.general = "general"
        r = self.rng
        # the company's short name appears in its prose
        self.short = self.fill.company.replace("有限公司", "")[-4:]
        # each boilerplate paragraph is in this filing with its own probability
        brng = random.Random(seed * 7 + 1)
        self.boiler_p = [brng.uniform(0.1, 0.9) for _ in BOILERPLATE]
        self.boiler_use = [r.random() < p for p in self.boiler_p]

    def number(self):
        r = self.rng
        x = r.random()
        if x < 0.3:
            return f"{r.uniform(0.1, 10):.2f}"
        if x < 0.7:
            return str(r.randrange(2, 500))
        return str(r.randrange(500, 50000))

    def phrase(self):
        r = self.rng
        k = r.randrange(7)
        if k == 0:
            return r.choice(NOUNS) + r.choice(VERBS) + "后" + r.choice(LINKS) + r.choice(NOUNS)
        if k == 1:
            return r.choice(ADVS) + r.choice(VERBS) + r.choice(NOUNS)
        if k == 2:
            return r.choice(NOUNS) + r.choice(LINKS) + r.choice(NOUNS) + r.choice(ADVS) + r.choice(VERBS)
        if k == 3:
            return r.choice(VERBS) + "量约" + self.number() + r.choice(UNITS)
        if k == 4:
            return "在" + r.choice(NOUNS) + "内" + r.choice(VERBS) + self.number() + r.choice(UNITS)
        if k == 5:
            return self.short + r.choice(NOUNS) + r.choice(LINKS) + r.choice(NOUNS) + r.choice(VERBS)
        return r.choice(NOUNS) + "的" + r.choice(NOUNS) + r.choice(VERBS) + r.choice(ADVS) + r.choice(VERBS)

    def prose_sentence(self):
        r = self.rng
        return "，".join(self.phrase() for _ in range(r.randrange(2, 6))) + r.choice("。。。；")

    def template_sentence(self, topic):
        pool = SENTENCES.get(topic, SENTENCES["general"])
        return visible(self.fill.fill(self.rng.choice(pool)))

    def paragraph(self, topic, project_specific):
        r = self.rng
        out = []
        prose_share = 0.7 if project_specific else 0.25
        for _ in range(r.randrange(2, 7)):
            out.append(self.prose_sentence() if r.random() < prose_share else self.template_sentence(topic))
        return "".join(out)

    def table(self, lines):
        r = self.rng
        cols = ["监测点位", "监测项目", "监测值", "标准值", "占标率（%）", "达标情况"]
        lines.append("| " + " | ".join(cols) + " |")
        lines.append("|" + "---|" * len(cols))
        for i in range(10):
            row = [f"G{i + 1}{r.choice(['厂址', '下风向', '上风向', '敏感点'])}", r.choice(["SO2", "NO2", "PM10", "PM2.5", "非甲烷总烃", "氨", "硫化氢"]),
                   self.number(), self.number(), f"{r.uniform(1, 99):.1f}", "达标"]
            lines.append("| " + " | ".join(row) + " |")

    def build(self, chars):
        """Returns (lines, blocks): the .md lines and, per chapter name, the
        indexes of prose-only paragraph lines (sources for copies)."""
        r = self.rng
        lines = ["# 建设项目环境影响报告书", "", f"项目名称：{self.fill.project}",
                 f"建设单位：{self.fill.company}", f"编制单位：{self.fill.eia}", ""]
        prose_lines = {}
        total = 0
        boiler = [b for b, use in zip(BOILERPLATE, self.boiler_use) if use]
        for ci, (title, share, sections, default) in enumerate(CHAPTERS):
            lines.append(f"## 第{chinese_count(ci + 1)}章 {title}")
            budget = chars * share
            used = 0
            specific = title in PROJECT_CHAPTERS or "预测" in title
            si = 0
            while used < budget:
                sec = sections[si % len(sections)]
                lines.append(f"### {ci + 1}.{si + 1} {sec}")
                topic = topic_of(sec, default)
                for _ in range(r.randrange(4, 12)):
                    x = r.random()
                    if boiler and x < 0.12:
                        p = r.choice(boiler)
                    elif x < 0.2 and specific:
                        # pure prose: what copiers take
                        p = "".join(self.prose_sentence() for _ in range(r.randrange(3, 8)))
                        prose_lines.setdefault(title, []).append(len(lines))
                    else:
                        p = self.paragraph(topic, specific)
                    lines.append(p)
                    used += len(p)
                if specific and r.random() < 0.15:
                    self.table(lines)
                    used += 300
                si += 1
            total += used
        lines.append("")
        return lines, prose_lines


def edit_light(text, rng, copier, source, rename):
    """Numbers changed, punctuation swapped, optionally the company renamed."""
    text = re.sub(r"\d+(?:\.\d+)?", lambda m: str(rng.randrange(1, 999)) if rng.random() < 0.8 else m.group(0), text)
    out = []
    for ch in text:
        x = rng.random()
        if ch == "，" and x < 0.3:
            ch = rng.choice(["、", "；", ","])
        elif ch == "。" and x < 0.15:
            ch = "；"
        out.append(ch)
    text = "".join(out)
    if rename:
        text = text.replace(source.short, copier.short)
    return text


def plan(count, copiers, seed):
    """Plants: copier index -> list of (source index, chapter, rename)."""
    r = random.Random(seed * 31 + 5)
    chosen = r.sample(range(count), copiers)
    plants = {}
    for c in chosen:
        srcs = []
        for _ in range(r.randrange(1, 3)):
            s = r.randrange(count)
            while s == c or s in chosen and r.random() < 0.9:
                s = r.randrange(count)
            srcs.append((s, r.choice(PROJECT_CHAPTERS), r.random() < 0.33))
        plants[c] = srcs
    return plants


def name_of(i):
    return f"f{i:04d}.md"


def generate(args):
    i, a, plants = args
    proj = Project(i, a.seed)
    lines, _ = proj.build(a.chars)
    manifest = []
    for (s, chapter, rename) in plants.get(i, []):
        src = Project(s, a.seed)
        slines, sprose = src.build(a.chars)
        cands = sprose.get(chapter) or [k for v in sprose.values() for k in v]
        rng = random.Random(a.seed * 99991 + i * 7 + s)
        start = rng.choice(cands)
        # consecutive prose lines, or a cut of one, of 200..800 characters
        want = rng.randrange(200, 800)
        take = [start]
        while sum(len(slines[k]) for k in take) < want and take[-1] + 1 < len(slines) and \
                slines[take[-1] + 1] and not slines[take[-1] + 1].startswith(("#", "|")):
            take.append(take[-1] + 1)
        text = [slines[k] for k in take]
        if sum(map(len, text)) > want * 1.5 and len(text) == 1:
            cut = rng.randrange(0, max(1, len(text[0]) - want))
            text = [text[0][cut:cut + want]]
        edited = [edit_light(t, rng, proj, src, rename) for t in text]
        # into the copier's chapter of the same name, after a paragraph
        heads = [k for k, l in enumerate(lines) if l.startswith("## ") and chapter in l]
        h = heads[0] if heads else 10
        body = [k for k in range(h + 2, min(len(lines), h + 400)) if lines[k] and not lines[k].startswith(("#", "|"))]
        at = rng.choice(body) + 1 if body else h + 1
        for m in manifest:  # earlier plants shift down
            if m[1] >= at:
                m[1] += len(edited)
                m[2] += len(edited)
        lines[at:at] = edited
        manifest.append([name_of(i), at + 1, at + len(edited), name_of(s), take[0] + 1, take[0] + len(text),
                         sum(map(len, edited)), "rename" if rename else "light"])
    with open(os.path.join(a.out, name_of(i)), "w", encoding="utf-8") as f:
        f.write("\n".join(lines))
    return manifest


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--count", type=int, default=1000)
    ap.add_argument("--chars", type=int, default=200000)
    ap.add_argument("--copiers", type=int, default=None, help="filings with planted copies (default count/20)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--out", default="bench/corpus/filings")
    a = ap.parse_args(argv)
    copiers = a.copiers if a.copiers is not None else max(1, a.count // 20)
    os.makedirs(a.out, exist_ok=True)
    plants = plan(a.count, copiers, a.seed)
    work = [(i, a, plants) for i in range(a.count)]
    with multiprocessing.Pool(a.jobs) as pool:
        rows = [m for ms in pool.imap(generate, work, chunksize=4) for m in ms]
    with open(os.path.join(a.out, "manifest.tsv"), "w", encoding="utf-8") as f:
        f.write("copier\tfirst_line\tlast_line\tsource\tsource_first_line\tsource_last_line\tchars\tedit\n")
        for m in sorted(rows):
            f.write("\t".join(map(str, m)) + "\n")
    print(f"{a.count} filings, {len(rows)} planted copies -> {a.out}")


if __name__ == "__main__":
    main()
