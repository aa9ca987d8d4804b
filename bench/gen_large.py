#!/usr/bin/env python3
"""Generate a large Word-like 环境影响报告书 DOCX for the filinglint benchmarks.

The output imitates what Chinese MS Word writes, because that markup is what
makes extraction slow: runs of 3-12 characters with rsids and, in many
paragraphs, a full w:rPr on each run; proofErr marks, _Hlk and _Toc
bookmarks, lastRenderedPageBreak hints, a TOC of PAGEREF fields inside a
block sdt, SEQ caption fields, tracked insertions, 10x6 monitoring tables
every 50 paragraphs, styles "1".."3" named "heading N" numbered through a
chineseCounting list.  The prose is assembled
from EIA sentence templates (projects, places, dates, standard codes, some of
them superseded, amounts, measured values), so rules have something to find.

Standard library only.  The output is a pure function of --seed and --chars
(fixed zip timestamps, no dict-order or time dependence).

    python3 bench/gen_large.py --chars 800000 --out bench/corpus/large.docx

--chars counts the visible text: every character a reader extracts from w:t,
w:tab and field results (the "accept all changes" view), without paragraph
breaks and without automatic numbering labels.  --text FILE writes that text,
one paragraph or table cell per line, for comparisons with extractors.
--verify checks the result with pandoc and LibreOffice (bench/README.md).

gen_batch.py imports the vocabulary and the writer from this file.
"""

import argparse
import os
import random
import re
import sys
import zipfile

# ---------------------------------------------------------------- vocabulary

# province, city, district/county, town, GB/T 2260 code of the district, river
PLACES = [
    ("江苏省", "苏州市", "吴江区", "盛泽镇", "320509", "太浦河"),
    ("江苏省", "南通市", "如东县", "洋口镇", "320623", "掘苴河"),
    ("江苏省", "盐城市", "大丰区", "王港镇", "320904", "王港河"),
    ("浙江省", "嘉兴市", "海宁市", "尖山新区", "330481", "钱塘江"),
    ("浙江省", "宁波市", "北仑区", "大榭街道", "330206", "岩泰河"),
    ("山东省", "潍坊市", "寿光市", "羊口镇", "370783", "弥河"),
    ("山东省", "淄博市", "临淄区", "金山镇", "370305", "淄河"),
    ("安徽省", "合肥市", "肥东县", "撮镇镇", "340122", "店埠河"),
    ("河北省", "沧州市", "黄骅市", "南排河镇", "130983", "南排河"),
    ("湖北省", "宜昌市", "猇亭区", "云池街道", "420505", "长江"),
    ("河南省", "新乡市", "获嘉县", "照镜镇", "410724", "大沙河"),
    ("四川省", "成都市", "彭州市", "九尺镇", "510182", "青白江"),
    ("广东省", "惠州市", "惠阳区", "新圩镇", "441303", "淡水河"),
    ("江西省", "九江市", "湖口县", "金砂湾工业园", "360429", "鄱阳湖"),
    ("福建省", "泉州市", "泉港区", "南埔镇", "350505", "坝头溪"),
    ("湖南省", "岳阳市", "云溪区", "陆城镇", "430603", "松阳湖"),
]

# product, capacity unit, GB/T 4754-2017 class
PRODUCTS = [
    ("电子级硫酸", "万吨", "C2613无机盐制造"),
    ("锂电池正极材料", "万吨", "C3985电子专用材料制造"),
    ("医药中间体", "吨", "C2710化学药品原料药制造"),
    ("水性工业涂料", "万吨", "C2641涂料制造"),
    ("环氧树脂", "万吨", "C2651初级形态塑料及合成树脂制造"),
    ("再生铝合金锭", "万吨", "C3216铝冶炼"),
    ("特种玻璃", "万平方米", "C3042特种玻璃制造"),
    ("高性能涤纶长丝", "万吨", "C2822涤纶纤维制造"),
    ("精细化学品", "万吨", "C2662专项化学用品制造"),
    ("印染面料", "万米", "C1713棉印染精加工"),
    ("汽车零部件", "万套", "C3670汽车零部件及配件制造"),
    ("有机肥", "万吨", "C2625有机肥料及微生物肥料制造"),
]

BRANDS = ["恒盛", "华泰", "永鑫", "东方", "中瑞", "新宇", "金源", "天成", "瑞丰",
          "宏达", "海川", "博远", "嘉禾", "联创", "世纪", "润泽", "鼎盛", "同济"]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高"
GIVEN = ["建国", "志强", "海燕", "晓东", "丽华", "文斌", "静", "磊", "婷", "伟",
         "俊杰", "秀英", "明", "凯", "玉兰", "国平"]
DIRS = ["东", "南", "西", "北", "东北", "东南", "西南", "西北", "东北偏东", "西南偏南"]
RECEPTORS = ["村", "庄", "社区", "小学", "中学", "卫生院", "安置小区", "新村"]
DEVICES = ["二级活性炭吸附装置", "布袋除尘器", "碱液喷淋塔", "RTO蓄热式焚烧装置",
           "水喷淋+除雾器", "低温等离子+活性炭吸附装置", "SCR脱硝装置", "旋风+布袋除尘器"]
WW_DEVICES = ["调节池+水解酸化+A/O+二沉池", "混凝沉淀+气浮", "铁碳微电解+芬顿氧化",
              "MBR膜生物反应器", "隔油池+化粪池"]
AIR_POLS = [("SO2", "μg/m³", 150, 500), ("NO2", "μg/m³", 80, 200), ("PM10", "μg/m³", 150, 450),
            ("PM2.5", "μg/m³", 75, 225), ("CO", "mg/m³", 4, 10), ("O3", "μg/m³", 160, 200),
            ("非甲烷总烃", "mg/m³", 2.0, 2.0), ("氨", "μg/m³", 200, 200),
            ("硫化氢", "μg/m³", 10, 10), ("氯化氢", "μg/m³", 50, 50), ("TVOC", "μg/m³", 600, 600)]
WATER_POLS = [("pH", "无量纲", 9, 9), ("COD", "mg/L", 20, 20), ("BOD5", "mg/L", 4, 4),
              ("氨氮", "mg/L", 1.0, 1.0), ("总磷", "mg/L", 0.2, 0.2), ("总氮", "mg/L", 1.0, 1.0),
              ("石油类", "mg/L", 0.05, 0.05), ("挥发酚", "mg/L", 0.005, 0.005), ("氟化物", "mg/L", 1.0, 1.0)]
SOIL_POLS = [("砷", 60), ("镉", 65), ("铬（六价）", 5.7), ("铜", 18000), ("铅", 800), ("汞", 38),
             ("镍", 900), ("苯并[a]芘", 1.5), ("石油烃（C10-C40）", 4500)]
EMIS_POLS = [("颗粒物", 20), ("SO2", 50), ("NOx", 100), ("非甲烷总烃", 60), ("氨", 20),
             ("氯化氢", 30), ("甲苯", 15), ("二甲苯", 20)]

# role -> (title, current code, superseded codes)
STANDARDS = {
    "air": ("环境空气质量标准", "GB 3095-2012", ["GB 3095-1996"]),
    "water": ("地表水环境质量标准", "GB 3838-2002", []),
    "gw": ("地下水质量标准", "GB/T 14848-2017", ["GB/T 14848-93"]),
    "noise": ("声环境质量标准", "GB 3096-2008", ["GB 3096-93"]),
    "bnoise": ("工业企业厂界环境噪声排放标准", "GB 12348-2008", ["GB 12348-90"]),
    "cnoise": ("建筑施工场界环境噪声排放标准", "GB 12523-2011", ["GB 12523-90"]),
    "emis": ("大气污染物综合排放标准", "GB 16297-1996", []),
    "voc": ("挥发性有机物无组织排放控制标准", "GB 37822-2019", []),
    "odor": ("恶臭污染物排放标准", "GB 14554-93", []),
    "ww": ("污水综合排放标准", "GB 8978-1996", []),
    "soil": ("土壤环境质量 建设用地土壤污染风险管控标准（试行）", "GB 36600-2018", []),
    "soilag": ("土壤环境质量 农用地土壤污染风险管控标准（试行）", "GB 15618-2018", ["GB 15618-1995"]),
    "hw": ("危险废物贮存污染控制标准", "GB 18597-2023", ["GB 18597-2001"]),
    "sw": ("一般工业固体废物贮存和填埋污染控制标准", "GB 18599-2020", ["GB 18599-2001"]),
    "g_total": ("建设项目环境影响评价技术导则 总纲", "HJ 2.1-2016", ["HJ 2.1-2011"]),
    "g_air": ("环境影响评价技术导则 大气环境", "HJ 2.2-2018", ["HJ 2.2-2008"]),
    "g_water": ("环境影响评价技术导则 地表水环境", "HJ 2.3-2018", ["HJ/T 2.3-93"]),
    "g_noise": ("环境影响评价技术导则 声环境", "HJ 2.4-2021", ["HJ 2.4-2009"]),
    "g_gw": ("环境影响评价技术导则 地下水环境", "HJ 610-2016", ["HJ 610-2011"]),
    "g_eco": ("环境影响评价技术导则 生态影响", "HJ 19-2022", ["HJ 19-2011"]),
    "g_risk": ("建设项目环境风险评价技术导则", "HJ 169-2018", ["HJ/T 169-2004"]),
    "g_soil": ("环境影响评价技术导则 土壤环境（试行）", "HJ 964-2018", []),
}

# Sentence templates by topic.  {slot}s are filled by Filler.
SENTENCES = {
    "general": [
        "{C}拟投资{amt}在{loc}建设{P}，项目总占地面积{area}平方米。",
        "本项目于{date}取得{city}行政审批局出具的备案证明，项目代码为{pcode}。",
        "根据《建设项目环境影响评价分类管理名录（2021年版）》，本项目应编制环境影响报告书。",
        "{C}于{date}委托{E}承担本项目的环境影响评价工作。",
        "评价单位接受委托后，组织技术人员对项目所在地及周边环境进行了现场踏勘和资料收集。",
        "项目总投资{invest}。",
        "项目建成后年产{product}{cap}，劳动定员{n}人，年工作{days}天，实行三班制生产。",
        "项目位于{park}，厂址{dir}侧为规划道路，{dir2}侧为{C2}，周边无自然保护区、风景名胜区等环境敏感区。",
        "本报告在编制过程中得到了{city}生态环境局、{dist}生态环境分局及建设单位的大力支持。",
        "按照{std_g_total}的要求，本次评价采用资料收集、现场调查与监测相结合的方法。",
        "项目施工期约{months}个月，计划于{date}开工建设，{date2}建成投产。",
        "{year}年{city}环境空气质量状况公报显示，区域为环境空气质量不达标区，超标因子为PM2.5。",
        "项目所在区域已完成规划环评，审查意见文号为{doc_no}。",
        "经核实，项目尚未开工建设，不存在未批先建情形。",
        "项目建设符合国家和地方产业政策，选址符合{park}总体规划及用地规划要求。",
    ],
    "air": [
        "{date}至{date2}，{M}对项目所在区域的环境空气质量进行了连续7天的现状监测，共布设{n}个监测点位。",
        "监测结果表明，各监测点{pol_air}的小时浓度范围为{v}～{v2}{unit_air}，满足{std_air}二级标准要求。",
        "采用{std_g_air}推荐的AERMOD模式对{pol_air}的地面浓度进行预测。",
        "预测结果表明，正常排放情况下{pol_air}最大落地浓度为{v}{unit_air}，占标率为{pct}%，出现在厂址{dir}方向{dist_m}m处。",
        "根据估算模式计算结果，本项目Pmax为{pct}%，大气环境影响评价等级为一级，评价范围为以厂址为中心、边长5km的矩形区域。",
        "项目有组织废气经{device}处理后通过{h}m高排气筒排放，{pol_emis}排放浓度满足{std_emis}表2二级标准要求。",
        "厂界无组织排放的非甲烷总烃执行{std_voc}附录A中特别排放限值。",
        "叠加区域削减源及在建、拟建项目后，{pol_air}的保证率日平均浓度为{v}{unit_air}，符合环境质量标准。",
        "项目设置大气环境防护距离为{dist_m}m，该范围内无居民点等环境保护目标。",
        "评价区域内主要环境空气保护目标为{recv}，距厂界约{dist_m}m。",
        "恶臭污染物氨、硫化氢厂界浓度执行{std_odor}表1中二级新扩改建标准。",
        "气象资料采用{city}气象站{year}年地面逐时观测数据，全年主导风向为{dir}风，年平均风速{ws}m/s。",
    ],
    "water": [
        "项目废水主要为生产废水和生活污水，产生量约{n2}m³/d，经厂区{ww_device}处理后接管{park}污水处理厂。",
        "接管水质执行{std_ww}表4三级标准，污水处理厂尾水排入{river}。",
        "{river}评价河段水质执行{std_water}Ⅲ类标准。",
        "监测期间{river}各断面{pol_water}浓度为{v}～{v2}mg/L，标准指数均小于1。",
        "根据{std_g_water}，本项目地表水环境影响评价等级为三级B，可不进行水环境影响预测。",
        "污水处理厂设计处理规模{n2}m³/d，目前实际处理量约为设计规模的{pct}%，尚有余量接纳本项目废水。",
        "雨污分流，厂区初期雨水收集后进入应急事故池，经检测达标后分批进入污水处理站。",
        "项目设置{n2}m³事故应急池一座，可满足事故状态下消防废水的收集要求。",
    ],
    "gw": [
        "评价区地下水类型主要为松散岩类孔隙水，含水层岩性以粉细砂为主，水位埋深{v}～{v2}m。",
        "根据{std_g_gw}，本项目属于Ⅱ类项目，地下水环境敏感程度为不敏感，评价等级为三级。",
        "地下水现状监测布设{n}个水质监测点和{n2}个水位监测点，监测因子包括K⁺、Na⁺、Ca²⁺、Mg²⁺、CO₃²⁻、HCO₃⁻、Cl⁻、SO₄²⁻等八大离子。",
        "监测结果表明，各监测点位地下水水质均满足{std_gw}Ⅲ类标准要求。",
        "非正常状况下污水处理站调节池底部防渗层破损，泄漏100天后COD超标范围最远迁移距离约{dist_m}m，未超出厂界。",
        "厂区实行分区防渗，重点防渗区等效黏土防渗层Mb≥6.0m，K≤1×10⁻⁷cm/s。",
    ],
    "noise": [
        "项目主要噪声源为风机、水泵、空压机等设备，声源强度为{db}～{db2}dB(A)。",
        "厂界四周共布设{n}个噪声监测点，昼间噪声值为{db}～{db2}dB(A)，夜间为{db3}～{db}dB(A)。",
        "厂界噪声执行{std_bnoise}3类标准，即昼间65dB(A)、夜间55dB(A)。",
        "区域声环境执行{std_noise}中3类区标准，厂址{dir}侧{recv}执行2类区标准。",
        "根据{std_g_noise}，声环境影响评价等级为三级，评价范围为厂界外200m。",
        "施工期场界噪声执行{std_cnoise}，夜间禁止高噪声机械作业。",
        "经隔声、减振及距离衰减后，各厂界预测点昼、夜间噪声贡献值均能达标。",
    ],
    "soil": [
        "厂区内共布设{n}个柱状样点和{n2}个表层样点，采样深度分别为0～0.5m、0.5～1.5m和1.5～3.0m。",
        "监测结果表明，各点位{pol_soil}检测值为{v}～{v2}mg/kg，均低于{std_soil}第二类用地筛选值。",
        "厂界外农用地土壤执行{std_soilag}，各项指标均低于风险筛选值。",
        "根据{std_g_soil}，本项目属于污染影响型项目，土壤环境影响评价等级为二级。",
        "大气沉降情景下，运营{n}年后{pol_soil}在表层土壤中的累积量增量较小，不会改变土壤环境功能。",
    ],
    "solid": [
        "项目产生的固体废物主要包括废活性炭、废包装桶、污水站污泥和生活垃圾，年产生量约{v}吨。",
        "危险废物暂存于厂区{area_small}平方米危废仓库，贮存设施建设执行{std_hw}要求，定期委托有资质单位处置。",
        "一般工业固体废物贮存场所满足{std_sw}中相关要求，做到防雨、防渗、防扬散。",
        "危险废物转移严格执行转移联单制度，委托{C2}处置，处置协议签订日期为{date}。",
        "生活垃圾由环卫部门定期清运，固体废物处置率达100%，不外排。",
    ],
    "risk": [
        "项目涉及的危险物质主要为硫酸、盐酸、甲醇和天然气，最大存在总量与临界量比值Q为{v}。",
        "根据{std_g_risk}，项目环境风险潜势为Ⅲ，大气环境风险评价等级为二级。",
        "最大可信事故为储罐区甲醇泄漏引发火灾，在最不利气象条件下，毒性终点浓度-1最远影响距离为{dist_m}m。",
        "企业应编制突发环境事件应急预案并报{city}生态环境局备案，每年至少组织一次应急演练。",
        "罐区设置围堰，有效容积不小于最大单罐容积，并配套可燃气体、有毒气体检测报警装置。",
        "在落实各项风险防范措施和应急预案的前提下，项目环境风险可防可控。",
    ],
    "eco": [
        "评价区域植被以人工栽培植被为主，主要为农田作物和行道树，未发现国家重点保护野生动植物。",
        "根据{std_g_eco}，本项目生态影响评价等级为三级，评价范围为厂界外延500m。",
        "施工期临时占地{area}平方米，施工结束后及时进行植被恢复，恢复面积不小于临时占地面积。",
        "项目不涉及生态保护红线，距离最近的{river}重要湿地约{dist_km}km。",
    ],
    "measures": [
        "废气治理采用{device}，设计风量{flow}m³/h，处理效率不低于{eff}%。",
        "根据同类项目运行经验，该工艺技术成熟、运行稳定，具有技术可行性和经济合理性。",
        "项目环保设施投资合计{amt_small}，运行费用约{amt_tiny}/年，企业可以承受。",
        "废水预处理采用{ww_device}工艺，出水COD≤{v}mg/L，满足接管要求。",
        "对高噪声设备采取基础减振、隔声罩和厂房隔声等措施，降噪量可达20～25dB(A)。",
        "各项污染防治措施与主体工程同时设计、同时施工、同时投产使用。",
    ],
    "manage": [
        "企业应设立环境保护管理机构，配备专职环保管理人员{n}名，负责日常环境管理工作。",
        "项目应按照排污许可管理要求，在启动生产设施或者发生实际排污之前申请取得排污许可证。",
        "有组织废气{pol_emis}每季度监测一次，厂界无组织废气每半年监测一次，厂界噪声每季度监测一次。",
        "项目竣工后，建设单位应按照规定的标准和程序对配套建设的环境保护设施进行验收，编制验收报告。",
        "排气筒应按规范设置采样口和采样平台，并在醒目位置设置环境保护图形标志。",
        "企业应于每年{date_md}前在全国排污许可证管理信息平台上报上一年度执行报告。",
    ],
    "economy": [
        "项目达产后年均营业收入约{amt}，年均利润总额约{amt_small}，投资回收期{yrs}年（含建设期）。",
        "项目可提供就业岗位{n}个，对带动地方经济发展具有积极作用。",
        "环保投资产生的环境效益主要体现在减少污染物排放量和降低环境风险两方面。",
        "经估算，项目每年可减少颗粒物排放{v}吨、VOCs排放{v2}吨。",
    ],
    "plan": [
        "项目符合《产业结构调整指导目录（2024年本）》要求，不属于限制类和淘汰类。",
        "项目选址位于{park}工业用地范围内，符合{city}国土空间总体规划（2021—2035年）。",
        "对照{city}“三线一单”生态环境分区管控方案，项目位于重点管控单元，符合管控要求。",
        "项目距离{river}饮用水水源保护区二级保护区边界约{dist_km}km，不在保护区范围内。",
        "项目符合《{prov}“十四五”生态环境保护规划》中关于工业污染防治的相关要求。",
    ],
    "conclusion": [
        "综上所述，{P}符合国家和地方产业政策，选址合理，采用的污染防治措施技术可行、经济合理。",
        "在严格落实本报告提出的各项环境保护措施的前提下，从环境保护角度分析，项目建设可行。",
        "公众参与调查期间，未收到公众反对意见，建设单位已对公众提出的建议予以采纳。",
        "项目主要污染物排放总量为：颗粒物{v}t/a、SO2 {v2}t/a、NOx {v}t/a、VOCs {v2}t/a，由{dist}区域内平衡解决。",
    ],
    "xref": [
        "（具体内容详见本报告第{xref}页）",
        "，相关分析见第{xref}页",
    ],
}

# chapter title, share of the text, section titles, default topic
CHAPTERS = [
    ("概述", 0.04, ["项目由来", "项目特点", "评价工作过程", "分析判定相关情况",
                  "关注的主要环境问题及环境影响", "主要结论"], "general"),
    ("总则", 0.07, ["编制依据", "评价因子与评价标准", "评价工作等级和评价范围",
                  "相关规划及环境功能区划", "主要环境保护目标"], "plan"),
    ("建设项目工程分析", 0.13, ["项目概况", "主要建设内容", "原辅材料及能源消耗",
                        "生产工艺及产污环节", "废气污染源源强核算", "废水污染源源强核算",
                        "非正常工况排放"], "general"),
    ("环境现状调查与评价", 0.15, ["自然环境概况", "环境空气质量现状", "地表水环境质量现状",
                          "地下水环境质量现状", "声环境质量现状", "土壤环境质量现状",
                          "生态环境现状"], "general"),
    ("环境影响预测与评价", 0.18, ["施工期环境影响分析", "大气环境影响预测与评价",
                          "地表水环境影响分析", "地下水环境影响预测", "声环境影响预测",
                          "固体废物环境影响分析", "土壤环境影响分析", "生态环境影响分析"],
     "general"),
    ("环境风险评价", 0.08, ["风险调查", "环境风险潜势初判", "风险识别", "风险事故情形分析",
                      "风险预测与评价", "环境风险管理"], "risk"),
    ("环境保护措施及其可行性论证", 0.11, ["废气治理措施", "废水治理措施", "噪声防治措施",
                              "固体废物处置措施", "地下水及土壤污染防治措施", "环保投资估算"],
     "measures"),
    ("清洁生产与总量控制", 0.04, ["清洁生产水平分析", "污染物排放总量控制"], "measures"),
    ("环境影响经济损益分析", 0.03, ["经济效益分析", "社会效益分析", "环境经济损益分析"], "economy"),
    ("环境管理与监测计划", 0.07, ["环境管理", "污染物排放清单", "环境监测计划",
                          "竣工环境保护验收"], "manage"),
    ("选址合理性及规划符合性分析", 0.04, ["产业政策符合性", "规划符合性分析",
                                "“三线一单”符合性分析", "选址合理性"], "plan"),
    ("环境影响评价结论", 0.06, ["建设项目概况", "环境质量现状", "污染物排放情况", "主要环境影响",
                        "公众意见采纳情况", "环境保护措施", "总结论"], "conclusion"),
]

SUBSECTIONS = {
    "air": ["评价因子", "评价标准", "监测布点", "监测结果", "预测模式", "气象资料", "预测结果", "评价结论"],
    "water": ["水污染源", "评价等级", "水质现状", "依托可行性", "影响分析", "小结"],
    "gw": ["水文地质条件", "评价等级", "现状监测", "预测情景", "预测结果", "防渗措施"],
    "noise": ["噪声源", "现状监测", "预测模式", "预测结果", "降噪措施"],
    "soil": ["土壤类型", "现状监测", "影响途径", "预测结果", "防控措施"],
    "solid": ["产生情况", "贮存要求", "处置去向", "管理要求"],
    "risk": ["危险物质", "风险源分布", "影响途径", "防范措施", "应急预案"],
    "eco": ["植被现状", "动物资源", "影响分析", "恢复措施"],
    "measures": ["措施概述", "工艺原理", "技术可行性", "经济可行性", "运行管理"],
    "manage": ["管理机构", "管理制度", "监测点位", "监测频次", "信息公开"],
    "economy": ["效益估算", "费用估算", "损益分析"],
    "plan": ["政策依据", "符合性分析", "分析结论"],
    "conclusion": ["概况", "结论要点", "建议"],
    "general": ["基本情况", "主要内容", "分析结果", "小结"],
}

TOPIC_KEYS = [("地下水", "gw"), ("大气", "air"), ("空气", "air"), ("废气", "air"),
              ("水", "water"), ("噪声", "noise"), ("声", "noise"), ("土壤", "soil"),
              ("固体废物", "solid"), ("风险", "risk"), ("生态", "eco")]

CN_DIGITS = "零一二三四五六七八九"


def chinese_count(n):
    """chineseCounting as Word renders it below 100 (一, 十, 十一, 二十一)."""
    if n < 10:
        return CN_DIGITS[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else CN_DIGITS[tens]) + "十" + (CN_DIGITS[ones] if ones else "")


# Sentinels inside generated text: a field is FLD instr SEP result FLD, and
# SUP before one character makes that character a superscript run.
FLD, SEP, SUP = "\x1f", "\x1d", "\x1e"
# Word splits runs by script only when the fonts differ (Latin digits set in
# Times New Roman); SCRIPT_RE does that, MIXED_RE keeps scripts together.
SCRIPT_RE = re.compile("\x1f([^\x1d]*)\x1d([^\x1f]*)\x1f|\x1e(.)|[\x20-\x7e]+|[^\x00-\x7e]+")
MIXED_RE = re.compile("\x1f([^\x1d]*)\x1d([^\x1f]*)\x1f|\x1e(.)|[^\x1d-\x1f]+")
VISIBLE_RE = re.compile("\x1f[^\x1d]*\x1d([^\x1f]*)\x1f|\x1e")
SLOT_RE = re.compile(r"\{(\w+)\}")


def visible(text):
    return VISIBLE_RE.sub(lambda m: m.group(1) or "", text)


def field(instr, result):
    return FLD + instr + SEP + result + FLD


class Filler:
    """Fills {slot}s of sentence templates for one project."""

    def __init__(self, rng):
        self.rng = rng
        r = rng
        self.place = r.choice(PLACES)
        self.product = r.choice(PRODUCTS)
        prov, city, dist, town, code, river = self.place
        brand = r.choice(BRANDS)
        self.company = f"{city[:-1]}{brand}{r.choice(['化工', '新材料', '科技', '实业'])}有限公司"
        self.eia = f"{prov[:-1]}{r.choice(BRANDS)}环境科技有限公司"
        self.monitor = f"{city[:-1]}{r.choice(BRANDS)}检测技术有限公司"
        cap = r.choice([1, 2, 3, 5, 10, 20, 30, 50])
        self.project = f"年产{cap}{self.product[1]}{self.product[0]}项目"
        self.park = f"{dist}{r.choice(['经济开发区', '化工集中区', '高新技术产业园', '工业集中区'])}"
        self.year = r.randrange(2022, 2025)
        self.pcode = f"{self.year % 100:02d}{r.randrange(1, 13):02d}-{code}-{r.randrange(1, 8):02d}-{r.randrange(1, 4):02d}-{r.randrange(100000, 999999)}"
        self.xref_pages = []  # (bookmark name, page) of headings so far
        self.general = "general"  # the topic mixed into every paragraph

    # --- slot values
    def s_P(self): return self.project
    def s_C(self): return self.company
    def s_C2(self): return f"{self.place[1][:-1]}{self.rng.choice(BRANDS)}{self.rng.choice(['环保', '物流', '机械', '纺织'])}有限公司"
    def s_E(self): return self.eia
    def s_M(self): return self.monitor
    def s_prov(self): return self.place[0]
    def s_city(self): return self.place[1]
    def s_dist(self): return self.place[2]
    def s_loc(self): return "".join(self.place[:4])
    def s_park(self): return self.park
    def s_river(self): return self.place[5]
    def s_product(self): return self.product[0]
    def s_cap(self): return f"{self.rng.choice([1, 2, 5, 10, 30])}{self.product[1]}"
    def s_pcode(self): return self.pcode
    def s_year(self): return str(self.year - self.rng.randrange(1, 3))

    def s_date(self):
        r = self.rng
        return f"{r.randrange(2019, 2025)}年{r.randrange(1, 13)}月{r.randrange(1, 29)}日"

    def s_date2(self):
        r = self.rng
        return f"{r.randrange(2024, 2026)}年{r.randrange(1, 13)}月{r.randrange(1, 29)}日"

    def s_date_md(self): return self.rng.choice(["1月15日", "1月31日", "3月31日"])
    def s_doc_no(self): return f"{self.place[0][0]}环审〔{self.rng.randrange(2016, 2023)}〕{self.rng.randrange(1, 99)}号"

    def s_amt(self):
        r = self.rng
        if r.random() < 0.2:
            return f"{r.randrange(11, 99) / 10:.1f}亿元"
        return f"{r.randrange(20, 600) * 50}万元"

    def s_invest(self):
        total = self.rng.randrange(40, 600) * 50
        env = self.rng.randrange(max(total // 100, 10), total // 8)
        share = env / total * 100
        if self.rng.random() < 0.05:  # the arithmetic slip rules look for
            share *= self.rng.choice([0.1, 10, 1.3])
        return f"{total}万元，其中环保投资{env}万元，占总投资的{share:.2f}%"

    def s_amt_small(self): return f"{self.rng.randrange(50, 1500)}万元"
    def s_amt_tiny(self): return f"{self.rng.randrange(10, 200)}万元"
    def s_pct(self): return f"{self.rng.uniform(0.5, 95):.2f}"
    def s_area(self): return str(self.rng.randrange(3000, 200000))
    def s_area_small(self): return str(self.rng.randrange(20, 300))
    def s_n(self): return str(self.rng.randrange(2, 12))
    def s_n2(self): return str(self.rng.randrange(10, 2000))
    def s_days(self): return self.rng.choice(["300", "330", "350"])
    def s_months(self): return str(self.rng.randrange(6, 25))
    def s_yrs(self): return f"{self.rng.uniform(3, 9):.1f}"
    def s_dist_m(self): return str(self.rng.randrange(50, 2500))
    def s_dist_km(self): return f"{self.rng.uniform(0.6, 15):.1f}"
    def s_dir(self): return self.rng.choice(DIRS)
    def s_dir2(self): return self.rng.choice(DIRS)
    def s_recv(self): return self.rng.choice(["张", "李", "王", "徐", "陈", "沈"]) + self.rng.choice(["家", "庄", "桥", "港"]) + self.rng.choice(RECEPTORS)
    def s_device(self): return self.rng.choice(DEVICES)
    def s_ww_device(self): return self.rng.choice(WW_DEVICES)
    def s_h(self): return str(self.rng.choice([15, 20, 25, 30, 35, 40]))
    def s_flow(self): return str(self.rng.randrange(5, 80) * 1000)
    def s_eff(self): return str(self.rng.choice([80, 85, 90, 95]))
    def s_ws(self): return f"{self.rng.uniform(1.5, 3.8):.1f}"
    def s_db(self): return f"{self.rng.uniform(55, 62):.1f}"
    def s_db2(self): return f"{self.rng.uniform(62, 90):.1f}"
    def s_db3(self): return f"{self.rng.uniform(42, 50):.1f}"
    def s_v(self): return self.number()
    def s_v2(self): return self.number()

    def number(self):
        x = self.rng.random()
        if x < 0.4:
            return f"{self.rng.uniform(0.01, 1):.3f}"
        if x < 0.8:
            return f"{self.rng.uniform(1, 100):.1f}"
        return str(self.rng.randrange(100, 5000))

    def s_pol_air(self): return self.rng.choice(AIR_POLS)[0]
    def s_pol_water(self): return self.rng.choice(WATER_POLS)[0]
    def s_pol_soil(self): return self.rng.choice(SOIL_POLS)[0]
    def s_pol_emis(self): return self.rng.choice(EMIS_POLS)[0]

    def s_unit_air(self):
        # Word users type m3 with a superscript 3 about as often as they use ³.
        return self.rng.choice(["μg/m³", "mg/m³", "μg/m" + SUP + "3", "mg/m" + SUP + "3"])

    def std(self, role, with_title=True):
        title, code, old = STANDARDS[role]
        r = self.rng
        if old and r.random() < 0.08:
            code = r.choice(old)
        x = r.random()
        if x < 0.1:
            code = code.replace(" ", "")
        elif x < 0.18:
            code = code.replace("-", "—")
        return f"《{title}》（{code}）" if with_title else code

    def s_xref(self):
        name, page = self.rng.choice(self.xref_pages)
        return field(f" PAGEREF {name} \\h ", str(page))

    def fill(self, template):
        return SLOT_RE.sub(self.slot, template)

    def slot(self, m):
        name = m.group(1)
        if name.startswith("std_"):
            return self.std(name[4:])
        return getattr(self, "s_" + name)()

    def sentence(self, topic, used=None):
        pool = SENTENCES[topic if self.rng.random() < 0.75 else self.general]
        t = self.rng.choice(pool)
        if used is not None:
            for _ in range(3):  # avoid saying the same thing twice in a paragraph
                if t not in used:
                    break
                t = self.rng.choice(pool)
            used.add(t)
        return self.fill(t)

    def paragraph(self, topic):
        r = self.rng
        used = set()
        out = [self.sentence(topic, used) for _ in range(r.randrange(2, 7))]
        if self.xref_pages and r.random() < 0.02:
            out[-1] = out[-1][:-1] + self.fill(r.choice(SENTENCES["xref"])) + "。"
        return "".join(out)


# ------------------------------------------------------------------- markup

NS = ('xmlns:wpc="http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas" '
      'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
      'xmlns:o="urn:schemas-microsoft-com:office:office" '
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
      'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" '
      'xmlns:v="urn:schemas-microsoft-com:vml" '
      'xmlns:wp14="http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing" '
      'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
      'xmlns:w10="urn:schemas-microsoft-com:office:word" '
      'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
      'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
      'xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml" '
      'xmlns:wpg="http://schemas.microsoft.com/office/word/2010/wordprocessingGroup" '
      'xmlns:wpi="http://schemas.microsoft.com/office/word/2010/wordprocessingInk" '
      'xmlns:wne="http://schemas.microsoft.com/office/word/2006/wordml" '
      'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
      'mc:Ignorable="w14 w15 wp14"')

SZ = {"body": "24", "cell": "21", "title": "44", "cover": "30"}
LATIN_FONT = '<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman"/>'
CJK_FONT = '<w:rFonts w:hint="eastAsia"/>'
HEAD_FONT = '<w:rFonts w:ascii="黑体" w:eastAsia="黑体" w:hAnsi="黑体" w:hint="eastAsia"/>'
# Run lengths 3..12, weighted toward the long end as in documents typed in a
# few sessions; the mean (about 8.5) sets the bytes per character.
RUN_LENGTHS = [3, 4, 5, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 12]
PARA_DIRECT = 0.4     # share of body paragraphs with a full rPr on each run
PARA_BY_SCRIPT = 0.2  # share of paragraphs whose Latin runs are split off
AUTHORS = ["张工", "李工", "Administrator", "王晓东", "lenovo"]


def esc(s):
    if "&" in s or "<" in s or ">" in s:
        s = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return s


class DocWriter:
    """Accumulates document.xml body markup and the visible text."""

    def __init__(self, rng, keep_text=False):
        self.rng = rng
        self.rsids = sorted({"00%06X" % rng.randrange(0x100000, 0xFFFFFF) for _ in range(28)})
        self.out = []
        self.chars = 0
        self.keep_text = keep_text
        self.lines = []
        self.para_rsid = None
        self.ids = 0            # bookmark and revision ids
        self.toc_serial = rng.randrange(100000000, 140000000)
        self.page_chars = 0     # for lastRenderedPageBreak and page estimates
        self.page = 1
        self.headings = []      # (level, label, title, bookmark, page)
        self.lists = 0          # numIds used by "（1）" lists
        self.cover_pages = 0

    # -- ids
    def next_id(self):
        self.ids += 1
        return self.ids

    def rsid(self):
        return self.rng.choice(self.rsids)

    def para_open(self, ppr):
        r = self.rng
        rs = self.para_rsid = self.rsid()
        rsp = rs if r.random() < 0.7 else self.rsid()
        tid = "77777777" if r.random() < 0.5 else "%08X" % r.randrange(0x10000000, 0x7FFFFFFF)
        return (f'<w:p w14:paraId="{r.randrange(0x10000000, 0x7FFFFFFF):08X}" w14:textId="{tid}" '
                f'w:rsidR="{rs}" w:rsidRDefault="{rs}" w:rsidP="{rsp}">{ppr}')

    # -- runs
    def rpr(self, kind, latin, sup=False):
        font = HEAD_FONT if kind == "head" else (LATIN_FONT if latin else CJK_FONT)
        extra = '<w:vertAlign w:val="superscript"/>' if sup else ""
        if kind == "head":
            return f"<w:rPr>{font}{extra}</w:rPr>"
        sz = SZ[kind]
        return f'<w:rPr>{font}<w:sz w:val="{sz}"/><w:szCs w:val="{sz}"/>{extra}</w:rPr>'

    def run(self, text, rpr, rsid):
        # Word leaves w:rsidR off a run typed in the paragraph's own session.
        attr = "" if rsid == self.para_rsid else f' w:rsidR="{rsid}"'
        sp = ' xml:space="preserve"' if text[0] == " " or text[-1] == " " else ""
        pb = ""
        self.page_chars += len(text)
        if self.page_chars >= 760:
            self.page_chars = 0
            self.page += 1
            pb = "<w:lastRenderedPageBreak/>"
        return f'<w:r{attr}>{rpr}{pb}<w:t{sp}>{esc(text)}</w:t></w:r>'

    def field_runs(self, instr, result, rpr, rsid):
        parts = [f'<w:r w:rsidR="{rsid}">{rpr}<w:fldChar w:fldCharType="begin"/></w:r>',
                 f'<w:r w:rsidR="{rsid}">{rpr}<w:instrText xml:space="preserve">{esc(instr)}</w:instrText></w:r>',
                 f'<w:r w:rsidR="{rsid}">{rpr}<w:fldChar w:fldCharType="separate"/></w:r>']
        if result:
            parts.append(self.run(result, rpr, rsid))
        parts.append(f'<w:r w:rsidR="{rsid}">{rpr}<w:fldChar w:fldCharType="end"/></w:r>')
        return "".join(parts)

    def runs(self, text, kind="body", decorate=True):
        """Split text the way Word does and return the run markup (a list)."""
        r = self.rng
        base = self.para_rsid  # call para_open first
        out = []
        # Paragraphs typed with direct formatting repeat the full rPr on every
        # run; the others rely on the style and write no rPr at all.
        direct = kind != "body" or r.random() < PARA_DIRECT
        by_script = r.random() < PARA_BY_SCRIPT
        for m in (SCRIPT_RE if by_script else MIXED_RE).finditer(text):
            rsid = base if r.random() < 0.75 else self.rsid()
            if m.group(1) is not None:
                out.append(self.field_runs(m.group(1), m.group(2), self.rpr(kind, True), rsid))
                continue
            if m.group(3) is not None:
                out.append(self.run(m.group(3), self.rpr(kind, True, sup=True), rsid))
                continue
            seg = m.group(0)
            latin = by_script and seg[0] < "\x7f"
            rpr = self.rpr(kind, latin) if direct or latin else ""
            i = 0
            while i < len(seg):
                n = r.choice(RUN_LENGTHS)
                if len(seg) - i - n < 3:  # no 1-2 character leftovers
                    n = len(seg) - i
                piece = seg[i:i + n]
                i += n
                run = self.run(piece, rpr, rsid)
                if decorate:
                    x = r.random()
                    if x < 0.035:
                        run = ('<w:proofErr w:type="spellStart"/>' + run +
                               '<w:proofErr w:type="spellEnd"/>')
                    elif x < 0.045:
                        run = ('<w:proofErr w:type="gramStart"/>' + run +
                               '<w:proofErr w:type="gramEnd"/>')
                out.append(run)
                rsid = base if r.random() < 0.75 else self.rsid()
        if decorate and len(out) > 3:
            x = r.random()
            if x < 0.03:
                self.wrap(out, self.bookmark_pair("_Hlk%d" % r.randrange(100000000, 199999999)))
            elif x < 0.036:
                bid = self.next_id()
                day = f"2024-{r.randrange(1, 13):02d}-{r.randrange(1, 29):02d}T{r.randrange(8, 19):02d}:{r.randrange(0, 60):02d}:00Z"
                self.wrap(out, (f'<w:ins w:id="{bid}" w:author="{r.choice(AUTHORS)}" w:date="{day}">',
                                "</w:ins>"))
        return out

    def bookmark_pair(self, name):
        bid = self.next_id()
        return (f'<w:bookmarkStart w:id="{bid}" w:name="{name}"/>', f'<w:bookmarkEnd w:id="{bid}"/>')

    def wrap(self, out, pair):
        i = self.rng.randrange(0, len(out) - 2)
        j = self.rng.randrange(i, min(len(out), i + 4))
        out[i] = pair[0] + out[i]
        out[j] = out[j] + pair[1]

    def count(self, text):
        vis = visible(text)
        self.chars += len(vis)
        if self.keep_text:
            self.lines.append(vis)

    # -- blocks
    def paragraph(self, text, ppr=None, kind="body"):
        if ppr is None:
            mark = (f'<w:rPr>{CJK_FONT}<w:sz w:val="24"/><w:szCs w:val="24"/></w:rPr>'
                    if self.rng.random() < 0.5 else "")
            ppr = ('<w:pPr><w:spacing w:line="360" w:lineRule="auto"/>'
                   f'<w:ind w:firstLineChars="200" w:firstLine="480"/>{mark}</w:pPr>')
        self.count(text)
        head = self.para_open(ppr)
        self.out.append(head + "".join(self.runs(text, kind)) + "</w:p>")

    def list_item(self, text, num_id):
        ppr = (f'<w:pPr><w:pStyle w:val="a6"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr>'
               '<w:spacing w:line="360" w:lineRule="auto"/><w:ind w:firstLineChars="0"/>'
               f'<w:rPr>{CJK_FONT}<w:sz w:val="24"/><w:szCs w:val="24"/></w:rPr></w:pPr>')
        self.paragraph(text, ppr)

    def new_list(self):
        self.lists += 1
        return self.lists + 1  # numId 1 is the heading list

    def page_break(self):
        self.count("")
        self.out.append(self.para_open("") + '<w:r><w:br w:type="page"/></w:r></w:p>')

    def heading(self, level, label, title):
        name = "_Toc%d" % (self.toc_serial + len(self.headings) * 7 + self.rng.randrange(0, 7))
        bm = self.bookmark_pair(name)
        ppr = f'<w:pPr><w:pStyle w:val="{level}"/><w:rPr>{HEAD_FONT}</w:rPr></w:pPr>'
        head = self.para_open(ppr)
        runs = self.runs(title, "head", decorate=False)
        self.count(title)
        self.out.append(head + bm[0] + "".join(runs) + bm[1] + "</w:p>")
        self.headings.append((level, label, title, name, self.page))
        if level <= 2:
            self.page_chars = 0 if level == 1 else self.page_chars
            if level == 1:
                self.page += 1
        return name

    def caption(self, prefix, seq, title):
        ppr = ('<w:pPr><w:pStyle w:val="a5"/><w:keepNext/><w:jc w:val="center"/>'
               f'<w:rPr>{CJK_FONT}</w:rPr></w:pPr>')
        text = prefix + field(" SEQ 表 \\* ARABIC \\s 1 ", str(seq)) + "  " + title
        self.paragraph(text, ppr, "cell")

    def table(self, rows, widths, merge_col0=0, header=True):
        """rows[0] is the header row; merge_col0 > 1 merges column 0 vertically
        in groups of that many data rows (vMerge restart / continue); a row
        shorter than widths spans its last cell over the rest (gridSpan)."""
        r = self.rng
        grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
        out = ['<w:tbl><w:tblPr><w:tblStyle w:val="a4"/><w:tblW w:w="5000" w:type="pct"/>'
               '<w:jc w:val="center"/><w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" '
               'w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr>'
               f'<w:tblGrid>{grid}</w:tblGrid>']
        for ri, row in enumerate(rows):
            rs = self.rsid()
            trpr = '<w:trPr><w:tblHeader/><w:jc w:val="center"/></w:trPr>' if ri == 0 and header else '<w:trPr><w:jc w:val="center"/></w:trPr>'
            out.append(f'<w:tr w:rsidR="{rs}" w:rsidTr="{rs}">{trpr}')
            for ci, cell in enumerate(row):
                vm = ""
                if ci == 0 and ri > 0 and merge_col0 > 1:
                    if (ri - 1) % merge_col0 == 0:
                        vm = '<w:vMerge w:val="restart"/>'
                    else:
                        vm = "<w:vMerge/>"
                        cell = ""
                width, span = widths[ci], ""
                if ci == len(row) - 1 and len(row) < len(widths):
                    width = sum(widths[ci:])
                    span = f'<w:gridSpan w:val="{len(widths) - ci}"/>'
                tcpr = (f'<w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{span}{vm}'
                        '<w:vAlign w:val="center"/></w:tcPr>')
                ppr = '<w:pPr><w:jc w:val="center"/></w:pPr>'
                self.count(cell)
                head = self.para_open(ppr)
                body = "".join(self.runs(cell, "cell", decorate=r.random() < 0.3)) if cell else ""
                out.append(f"<w:tc>{tcpr}{head}{body}</w:p></w:tc>")
            out.append("</w:tr>")
        out.append("</w:tbl>")
        self.out.append("".join(out))

    # -- TOC from the headings written so far
    def toc(self, levels=2):
        rpr = '<w:rPr><w:noProof/><w:webHidden/></w:rPr>'
        out = ['<w:sdt><w:sdtPr><w:rPr><w:rFonts w:ascii="宋体" w:eastAsia="宋体" w:hAnsi="宋体"/>'
               '<w:kern w:val="2"/><w:sz w:val="24"/><w:lang w:val="en-US"/></w:rPr>'
               f'<w:id w:val="-{self.rng.randrange(100000000, 2000000000)}"/><w:docPartObj>'
               '<w:docPartGallery w:val="Table of Contents"/><w:docPartUnique/></w:docPartObj></w:sdtPr>'
               '<w:sdtEndPr><w:rPr><w:b/><w:bCs/></w:rPr></w:sdtEndPr><w:sdtContent>',
               self.para_open('<w:pPr><w:pStyle w:val="TOC"/><w:jc w:val="center"/></w:pPr>') +
               '<w:r><w:rPr><w:lang w:val="zh-CN"/></w:rPr><w:t>目  录</w:t></w:r></w:p>']
        lines = ["目  录"]
        entries = [h for h in self.headings if h[0] <= levels]
        for k, (level, label, title, name, page) in enumerate(entries):
            ppr = (f'<w:pPr><w:pStyle w:val="{level}0"/><w:tabs><w:tab w:val="right" w:leader="dot" '
                   'w:pos="8296"/></w:tabs><w:rPr><w:noProof/></w:rPr></w:pPr>')
            p = [self.para_open(ppr)]
            if k == 0:
                p.append('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> TOC \\o "1-3" \\h \\z \\u </w:instrText></w:r>'
                         '<w:r><w:fldChar w:fldCharType="separate"/></w:r>')
            pg = str(page + self.cover_pages)
            p.append(f'<w:hyperlink w:anchor="{name}" w:history="1">'
                     f'<w:r><w:rPr><w:rStyle w:val="a7"/><w:noProof/></w:rPr><w:t xml:space="preserve">{label} </w:t></w:r>'
                     f'<w:r><w:rPr><w:rStyle w:val="a7"/><w:noProof/></w:rPr><w:t>{esc(title)}</w:t></w:r>'
                     f'<w:r>{rpr}<w:tab/></w:r><w:r>{rpr}<w:fldChar w:fldCharType="begin"/></w:r>'
                     f'<w:r>{rpr}<w:instrText xml:space="preserve"> PAGEREF {name} \\h </w:instrText></w:r>'
                     f'<w:r>{rpr}</w:r><w:r>{rpr}<w:fldChar w:fldCharType="separate"/></w:r>'
                     f'<w:r>{rpr}<w:t>{pg}</w:t></w:r><w:r>{rpr}<w:fldChar w:fldCharType="end"/></w:r>'
                     '</w:hyperlink></w:p>')
            out.append("".join(p))
            lines.append(f"{label} {title}\t{pg}")
        out.append(self.para_open("") + '<w:r><w:rPr><w:b/><w:bCs/><w:lang w:val="zh-CN"/></w:rPr>'
                   '<w:fldChar w:fldCharType="end"/></w:r></w:p></w:sdtContent></w:sdt>')
        lines.append("")
        for line in lines:
            self.chars += len(line)
        return "".join(out), lines


def sect_pr(rsid):
    return (f'<w:sectPr w:rsidR="{rsid}" w:rsidSect="{rsid}"><w:pgSz w:w="11906" w:h="16838"/>'
            '<w:pgMar w:top="1440" w:right="1800" w:bottom="1440" w:left="1800" w:header="851" '
            'w:footer="992" w:gutter="0"/><w:cols w:space="425"/>'
            '<w:docGrid w:type="lines" w:linePitch="312"/></w:sectPr>')


# ------------------------------------------------------------ other parts

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    '<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>'
    '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
    '</Types>')

ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
    '</Relationships>')

DOC_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
    '</Relationships>')


def style(kind, sid, name, body="", default=False, extra=""):
    d = ' w:default="1"' if default else ""
    return f'<w:style w:type="{kind}"{d} w:styleId="{sid}"><w:name w:val="{name}"/>{extra}{body}</w:style>'


def styles_xml():
    w = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
         '<w:styles xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
         'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
         'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" mc:Ignorable="w14">'
         '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:eastAsia="宋体" '
         'w:hAnsi="Times New Roman" w:cs="Times New Roman"/><w:kern w:val="2"/><w:sz w:val="21"/>'
         '<w:szCs w:val="24"/><w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>'
         '<w:pPrDefault/></w:docDefaults>')
    heads = []
    for lvl, sz in ((1, 32), (2, 30), (3, 28)):
        before = "<w:pageBreakBefore/>" if lvl == 1 else ""
        heads.append(style(
            "paragraph", str(lvl), f"heading {lvl}",
            f'<w:basedOn w:val="a"/><w:next w:val="a"/><w:link w:val="{lvl}0Char"/><w:uiPriority w:val="9"/>'
            f'<w:qFormat/><w:pPr><w:keepNext/><w:keepLines/>{before}<w:numPr><w:ilvl w:val="{lvl - 1}"/>'
            f'<w:numId w:val="1"/></w:numPr><w:spacing w:before="240" w:after="120" w:line="360" '
            f'w:lineRule="auto"/><w:ind w:firstLineChars="0"/><w:outlineLvl w:val="{lvl - 1}"/></w:pPr>'
            f'<w:rPr><w:rFonts w:eastAsia="黑体"/><w:b/><w:bCs/><w:kern w:val="44"/>'
            f'<w:sz w:val="{sz}"/><w:szCs w:val="{sz}"/></w:rPr>'))
    body = [
        style("paragraph", "a", "Normal", '<w:qFormat/><w:pPr><w:widowControl w:val="0"/><w:jc w:val="both"/>'
              '</w:pPr><w:rPr><w:sz w:val="24"/></w:rPr>', default=True),
        *heads,
        style("character", "a0", "Default Paragraph Font", '<w:uiPriority w:val="1"/><w:semiHidden/>'
              '<w:unhideWhenUsed/>', default=True),
        style("table", "a1", "Normal Table", '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>'
              '<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/>'
              '<w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/>'
              '</w:tblCellMar></w:tblPr>', default=True),
        style("numbering", "a2", "No List", '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>',
              default=True),
        style("paragraph", "a3", "Title", '<w:basedOn w:val="a"/><w:next w:val="a"/><w:uiPriority w:val="10"/>'
              '<w:qFormat/><w:pPr><w:spacing w:before="240" w:after="60"/><w:jc w:val="center"/>'
              '<w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:rFonts w:eastAsia="黑体"/><w:b/><w:bCs/>'
              '<w:sz w:val="44"/><w:szCs w:val="44"/></w:rPr>'),
        style("table", "a4", "Table Grid", '<w:basedOn w:val="a1"/><w:uiPriority w:val="39"/><w:tblPr>'
              '<w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
              '<w:left w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
              '<w:bottom w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
              '<w:right w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
              '<w:insideH w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
              '<w:insideV w:val="single" w:sz="4" w:space="0" w:color="auto"/></w:tblBorders></w:tblPr>'),
        style("paragraph", "a5", "caption", '<w:basedOn w:val="a"/><w:next w:val="a"/><w:uiPriority w:val="35"/>'
              '<w:unhideWhenUsed/><w:qFormat/><w:rPr><w:rFonts w:eastAsia="黑体"/><w:sz w:val="21"/></w:rPr>'),
        style("paragraph", "a6", "List Paragraph", '<w:basedOn w:val="a"/><w:uiPriority w:val="34"/><w:qFormat/>'
              '<w:pPr><w:ind w:firstLineChars="200" w:firstLine="420"/></w:pPr>'),
        style("character", "a7", "Hyperlink", '<w:basedOn w:val="a0"/><w:uiPriority w:val="99"/>'
              '<w:unhideWhenUsed/><w:rPr><w:color w:val="0563C1"/><w:u w:val="single"/></w:rPr>'),
        style("paragraph", "TOC", "TOC Heading", '<w:basedOn w:val="1"/><w:next w:val="a"/>'
              '<w:uiPriority w:val="39"/><w:unhideWhenUsed/><w:qFormat/><w:pPr><w:keepLines/>'
              '<w:widowControl/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="0"/></w:numPr>'
              '<w:outlineLvl w:val="9"/></w:pPr>'),
    ]
    for lvl in (1, 2, 3):
        ind = (lvl - 1) * 240
        body.append(style("paragraph", f"{lvl}0", f"toc {lvl}", '<w:basedOn w:val="a"/><w:next w:val="a"/>'
                          f'<w:autoRedefine/><w:uiPriority w:val="39"/><w:unhideWhenUsed/><w:pPr>'
                          f'<w:ind w:leftChars="{ind // 12}" w:left="{ind}"/></w:pPr>'))
        body.append(style("character", f"{lvl}0Char", f"标题 {lvl} 字符", f'<w:basedOn w:val="a0"/>'
                          f'<w:link w:val="{lvl}"/><w:uiPriority w:val="9"/><w:rPr><w:rFonts w:eastAsia="黑体"/>'
                          '<w:b/><w:bCs/></w:rPr>'))
    return w + "".join(body) + "</w:styles>"


def lvl(ilvl, fmt, text, pstyle=None, lgl=False, suff=None, ind=None):
    ps = f'<w:pStyle w:val="{pstyle}"/>' if pstyle else ""
    lg = "<w:isLgl/>" if lgl else ""
    sf = f'<w:suff w:val="{suff}"/>' if suff else ""
    ind = ind if ind is not None else ilvl * 420
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>{ps}{lg}{sf}'
            f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/><w:pPr>'
            f'<w:ind w:left="{ind}" w:hanging="{0 if ilvl < 3 else 420}"/></w:pPr></w:lvl>')


def numbering_xml(list_count, fmt0="chineseCounting", text0="第%1章", suff0="space"):
    """Heading list (abstractNum 0, numId 1) and one "（1）" list instance per
    body list (abstractNum 1, numIds 2..), restarted by startOverride."""
    heads = [lvl(0, fmt0, text0, "1", suff=suff0, ind=0),
             lvl(1, "decimal", "%1.%2", "2", lgl=True, suff="space", ind=0),
             lvl(2, "decimal", "%1.%2.%3", "3", lgl=True, suff="space", ind=0)]
    texts = "%1.%2.%3"
    for i in range(3, 9):
        texts += f".%{i + 1}"
        heads.append(lvl(i, "decimal", texts, lgl=True))
    items = [lvl(0, "decimal", "（%1）", suff="nothing", ind=0)]
    items += [lvl(i, "lowerLetter", f"%{i + 1})", ind=i * 420) for i in range(1, 9)]
    nums = ['<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>']
    for k in range(list_count):
        override = ('<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>'
                    if k else "")
        nums.append(f'<w:num w:numId="{k + 2}"><w:abstractNumId w:val="1"/>{override}</w:num>')
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
            '<w:numbering xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
            'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
            'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" mc:Ignorable="w14">'
            '<w:abstractNum w:abstractNumId="0" w15:restartNumberingAfterBreak="0" '
            'xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml">'
            '<w:nsid w:val="1A2B3C4D"/><w:multiLevelType w:val="multilevel"/><w:tmpl w:val="5E7A1B20"/>'
            + "".join(heads) + '</w:abstractNum>'
            '<w:abstractNum w:abstractNumId="1"><w:nsid w:val="2C4D6E8F"/>'
            '<w:multiLevelType w:val="hybridMultilevel"/><w:tmpl w:val="3F6A9C12"/>'
            + "".join(items) + "</w:abstractNum>" + "".join(nums) + "</w:numbering>")


def core_xml(title, creator, date):
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
            '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            f'<dc:title>{esc(title)}</dc:title><dc:creator>{esc(creator)}</dc:creator>'
            f'<cp:lastModifiedBy>{esc(creator)}</cp:lastModifiedBy><cp:revision>17</cp:revision>'
            f'<dcterms:created xsi:type="dcterms:W3CDTF">{date}</dcterms:created>'
            f'<dcterms:modified xsi:type="dcterms:W3CDTF">{date}</dcterms:modified>'
            '</cp:coreProperties>')


def write_docx(path, body_chunks, numbering, title, creator, date="2024-05-08T09:30:00Z"):
    """Write the package; body_chunks is an iterable of str forming w:body's
    content, numbering the text of word/numbering.xml."""
    stamp = (2024, 5, 8, 9, 30, 0)

    def info(name):
        zi = zipfile.ZipInfo(name, date_time=stamp)
        zi.compress_type = zipfile.ZIP_DEFLATED
        zi.external_attr = 0o644 << 16
        return zi

    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr(info("[Content_Types].xml"), CONTENT_TYPES)
        zf.writestr(info("_rels/.rels"), ROOT_RELS)
        with zf.open(info("word/document.xml"), "w") as f:
            f.write(('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
                     f'<w:document {NS}><w:body>').encode())
            batch = []
            for chunk in body_chunks:
                batch.append(chunk)
                if len(batch) >= 256:
                    f.write("".join(batch).encode())
                    batch = []
            batch.append("</w:body></w:document>")
            f.write("".join(batch).encode())
        zf.writestr(info("word/_rels/document.xml.rels"), DOC_RELS)
        zf.writestr(info("word/styles.xml"), styles_xml())
        zf.writestr(info("word/numbering.xml"), numbering)
        zf.writestr(info("docProps/core.xml"), core_xml(title, creator, date))


# ------------------------------------------------------------- the report

def monitoring_table(fill, topic, chapter_no, seq):
    """Caption text and a 10x6 table (header + 9 rows, 3 points x 3 factors)."""
    r = fill.rng
    pts = [f"{p}{i}" for p, i in zip(["G", "G", "G"], range(1, 4))]
    dates = [f"{fill.year - 1}年{r.randrange(3, 12)}月{d}日" for d in range(10, 13)]
    if topic in ("water", "gw"):
        head = ["监测断面", "监测因子", "采样日期", "监测值（mg/L）", "标准限值", "达标情况"]
        pols = r.sample(WATER_POLS, 3)
        pts = [f"W{i}{fill.place[5]}{d}" for i, d in zip(range(1, 4), ["上游500m", "排口处", "下游1000m"])]
        title = f"{fill.place[5]}地表水环境质量现状监测结果"
        row = lambda p, pol, d: [p, pol[0], d, fill.number(), str(pol[2]), "达标"]
    elif topic == "noise":
        head = ["测点编号", "测点位置", "监测日期", "昼间dB(A)", "夜间dB(A)", "达标情况"]
        pts = [f"N{i}" for i in range(1, 4)]
        pols = [("东厂界",), ("南厂界",), ("西厂界",)]
        title = "厂界噪声现状监测结果"
        row = lambda p, pol, d: [p, pol[0], d, fill.s_db(), fill.s_db3(), "达标"]
    elif topic == "soil":
        head = ["点位", "采样深度", "检测项目", "检测值（mg/kg）", "筛选值（mg/kg）", "是否超标"]
        pts = [f"S{i}" for i in range(1, 4)]
        pols = r.sample(SOIL_POLS, 3)
        title = "建设用地土壤环境质量现状监测结果"
        row = lambda p, pol, d: [p, r.choice(["0～0.5m", "0.5～1.5m", "1.5～3.0m"]), pol[0],
                                 fill.number(), str(pol[1]), "否"]
    elif topic == "air" or r.random() < 0.5:
        head = ["监测点位", "监测因子", "采样日期", "小时浓度（μg/m³）", "标准限值（μg/m³）", "达标情况"]
        pols = r.sample(AIR_POLS, 3)
        pts = [f"G{i}{fill.s_recv()}" for i in range(1, 4)]
        title = "环境空气质量现状监测结果"
        row = lambda p, pol, d: [p, pol[0], d, fill.number(), str(pol[2]), "达标"]
    else:
        head = ["排气筒编号", "污染物", "排放浓度（mg/m³）", "排放速率（kg/h）", "标准限值（mg/m³）", "达标情况"]
        pts = [f"DA00{i}" for i in range(1, 4)]
        pols = r.sample(EMIS_POLS, 3)
        title = "有组织废气污染物排放情况"
        row = lambda p, pol, d: [p, pol[0], fill.number(), f"{r.uniform(0.001, 2):.3f}", str(pol[1]), "达标"]
    rows = [head]
    for p in pts:
        for k, pol in enumerate(pols):
            rows.append(row(p, pol, dates[k]))
    return f"表{chapter_no}-", title, rows


def topic_of(section, default):
    for key, topic in TOPIC_KEYS:
        if key in section:
            return topic
    return default


def cover(doc, fill):
    centre = lambda sz: (f'<w:pPr><w:spacing w:line="360" w:lineRule="auto"/><w:jc w:val="center"/>'
                         f'<w:rPr>{HEAD_FONT}<w:sz w:val="{sz}"/></w:rPr></w:pPr>')
    doc.paragraph(fill.project, '<w:pPr><w:pStyle w:val="a3"/></w:pPr>', "title")
    doc.paragraph("环境影响报告书", centre(44), "title")
    doc.paragraph("（报批稿）", centre(30), "cover")
    doc.paragraph(f"建设单位：{fill.company}", centre(30), "cover")
    doc.paragraph(f"编制单位：{fill.eia}", centre(30), "cover")
    doc.paragraph(fill.s_date2(), centre(30), "cover")
    doc.page_break()
    r = fill.rng
    doc.paragraph("编制单位和编制人员情况表", centre(32), "cover")
    person = lambda: r.choice(SURNAMES) + r.choice(GIVEN)
    rows = [["项目编号", "".join(r.choice("abcdefghjkmnpqrstuvwxyz0123456789") for _ in range(6))],
            ["建设项目名称", fill.project],
            ["建设项目类别", "26--044基础化学原料制造"],
            ["环境影响评价文件类型", "环境影响报告书"],
            ["单位名称（盖章）", fill.company, "统一社会信用代码", "91" + fill.place[4] + "MA1XYZ8K4P"],
            ["编制单位", fill.eia, "统一社会信用代码", "91" + fill.place[4][:2] + "0100MA2ABC3D7L"],
            ["编制主持人", person(), "信用编号", "BH0%05d" % r.randrange(10000, 99999)],
            ["主要编制人员", person(), "信用编号", "BH0%05d" % r.randrange(10000, 99999)],
            ["主要编制人员", person(), "信用编号", "BH0%05d" % r.randrange(10000, 99999)]]
    doc.table(rows, [2400, 2800, 1800, 2000])
    doc.page_break()
    doc.cover_pages = 3


def chapters(doc, fill, chapter_list, budget, label1, table_every=50, by_section=True):
    """Write headings and prose for chapter_list (title, share, sections,
    topic) until about budget more visible characters have been written.
    by_section picks each section's topic from its title."""
    rng = fill.rng
    body_paras = 0
    planned = doc.chars
    for ci, (chapter, share, sections, chap_topic) in enumerate(chapter_list, 1):
        name = doc.heading(1, label1(ci), chapter)
        fill.xref_pages.append((name, doc.headings[-1][4] + doc.cover_pages))
        sec_budget = budget * share / len(sections)
        seq = 0
        for si, section in enumerate(sections, 1):
            topic = topic_of(section, chap_topic) if by_section else chap_topic
            doc.heading(2, f"{ci}.{si}", section)
            subs = SUBSECTIONS.get(topic, SUBSECTIONS["general"])
            n3 = max(1, round(sec_budget / 2600))
            for k in range(n3):
                if n3 > 1:
                    doc.heading(3, f"{ci}.{si}.{k + 1}", subs[k % len(subs)] +
                                ("" if k < len(subs) else f"（{k // len(subs) + 1}）"))
                # A running plan, so that overshoots do not add up.
                planned += sec_budget / n3
                while doc.chars < planned - 90:
                    if rng.random() < 0.04 and topic in ("measures", "manage", "general"):
                        num = doc.new_list()
                        for _ in range(rng.randrange(3, 7)):
                            doc.list_item(fill.sentence(topic), num)
                    doc.paragraph(fill.paragraph(topic))
                    body_paras += 1
                    if body_paras % table_every == 0:
                        seq += 1
                        prefix, title, rows = monitoring_table(fill, topic, ci, seq)
                        doc.caption(prefix, seq, title)
                        doc.table(rows, [1600, 1300, 1500, 1500, 1400, 1000], merge_col0=3)
                        doc.paragraph(f"注：监测数据来源于{fill.monitor}出具的检测报告（报告编号："
                                      f"{fill.year - 1}{rng.randrange(1000, 9999)}）。", None, "cell")


def build(chars, seed, keep_text=False):
    """Return (writer, filler, body chunks).  The TOC is made after the body
    so that it lists the real headings; it is spliced in front of them."""
    rng = random.Random(seed)
    fill = Filler(rng)
    doc = DocWriter(rng, keep_text)
    cover(doc, fill)
    front = doc.out
    front_lines = doc.lines
    doc.out, doc.lines = [], []
    toc_estimate = len(CHAPTERS) * 10 + 60 * 20
    budget = max(chars - doc.chars - toc_estimate, 2000)
    chapters(doc, fill, CHAPTERS, budget, lambda ci: f"第{chinese_count(ci)}章")
    toc_xml, toc_lines = doc.toc()
    if keep_text:
        doc.lines = front_lines + toc_lines + doc.lines
    chunks = front + [toc_xml] + doc.out + [sect_pr(doc.rsids[0])]
    return doc, fill, chunks


def count_nonspace(text, drop_rules=False):
    lines = text.split("\n")
    if drop_rules:  # pandoc's plain tables draw rules with lines of dashes
        lines = [l for l in lines if l.strip(" -")]
    return sum(len(re.sub(r"\s", "", l)) for l in lines)


def verify(path, lines, chars):
    """Check the package the way the brief asks: document.xml size in range,
    and pandoc and LibreOffice read it and find the same amount of text
    (non-space characters within 5%).  Returns a list of failures."""
    import shutil
    import subprocess
    import tempfile
    bad = []
    with zipfile.ZipFile(path) as zf:
        xml = zf.getinfo("word/document.xml").file_size
        zf.testzip()
    per = xml / max(chars, 1)
    print(f"verify: document.xml {xml / 1e6:.1f} MB, {per:.1f} bytes per character", file=sys.stderr)
    if not 12 <= per <= 19:  # large: about 12 MB for 800,000 characters
        bad.append(f"document.xml size {per:.1f} bytes per character, expected 12-19")
    want = count_nonspace("\n".join(lines))
    with tempfile.TemporaryDirectory() as tmp:
        readers = []
        if shutil.which("pandoc"):
            out = os.path.join(tmp, "p.txt")
            readers.append(("pandoc", ["pandoc", "-t", "plain", path, "-o", out], out, True))
        if shutil.which("soffice"):
            out = os.path.join(tmp, os.path.splitext(os.path.basename(path))[0] + ".txt")
            readers.append(("LibreOffice", ["soffice", "-env:UserInstallation=file://" + tmp + "/lo",
                                            "--headless", "--convert-to", "txt:Text (encoded):UTF8",
                                            "--outdir", tmp, path], out, False))
        for name, cmd, out, rules in readers:
            run = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            if run.returncode != 0 or not os.path.exists(out):
                bad.append(f"{name} could not read it: {run.stderr.decode(errors='replace')[:200]}")
                continue
            with open(out, encoding="utf-8-sig") as f:
                got = count_nonspace(f.read(), rules)
            print(f"verify: {name} {got} non-space characters, expected {want} "
                  f"({got / want - 1:+.2%})", file=sys.stderr)
            if abs(got / want - 1) > 0.05:
                bad.append(f"{name} text differs by {got / want - 1:+.2%}")
    return bad


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--chars", type=int, default=800000, help="visible characters (default 800000)")
    ap.add_argument("--out", required=True, help="output .docx")
    ap.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    ap.add_argument("--text", help="also write the expected visible text here")
    ap.add_argument("--verify", action="store_true",
                    help="check the result with pandoc and LibreOffice (slow on huge)")
    args = ap.parse_args(argv)
    doc, fill, chunks = build(args.chars, args.seed, keep_text=bool(args.text or args.verify))
    write_docx(args.out, chunks, numbering_xml(doc.lists), fill.project + "环境影响报告书", fill.eia)
    if args.text:
        with open(args.text, "w", encoding="utf-8") as f:
            f.write("\n".join(doc.lines) + "\n")
    print(f"{args.out}: {doc.chars} visible characters, {len(doc.headings)} headings, "
          f"{doc.lists} lists", file=sys.stderr)
    if abs(doc.chars / args.chars - 1) > 0.05:
        print(f"{args.out}: {doc.chars} characters is not within 5% of {args.chars}", file=sys.stderr)
        return 1
    if args.verify:
        bad = verify(args.out, doc.lines, doc.chars)
        for b in bad:
            print(f"verify: FAILED: {b}", file=sys.stderr)
        return 1 if bad else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
