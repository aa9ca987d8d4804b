#!/usr/bin/env python3
"""(Re)make the seed corpora under fuzz/corpus/<target>/ from the fixtures
(whatever exists under fixtures/ now) plus a few small hand-made inputs that
reach reader features the fixtures do not (stored ZIP entries the mutator can
edit, every story kind, revisions, fields, content controls, text boxes,
Markdown tables and fences, broken encodings). Standard library only.

  python3 fuzz/make-seeds.py            # writes fuzz/corpus/{docx,wml,flatopc,text,ruleset,check,rels,pdf}/

Seeds are named after their source so a re-run replaces rather than adds.
Keep each corpus under 2 MB: it runs as a ctest test on every build.
"""
import glob
import io
import os
import re
import sys
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
FIX = os.path.join(ROOT, "fixtures")
CORPUS = os.path.join(HERE, "corpus")

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
WPS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
NS = 'xmlns:w="%s" xmlns:r="%s" xmlns:mc="%s" xmlns:wps="%s" mc:Ignorable="wps"' % (W, R, MC, WPS)

# A body that touches most of what input/wml.c handles, in a few KB.
BODY = (
    '<w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr><w:r><w:t>某某项目环境影响报告表</w:t></w:r></w:p>'
    '<w:p><w:pPr><w:pStyle w:val="TOC1"/></w:pPr><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
    '<w:r><w:instrText xml:space="preserve"> TOC \\o "1-3" </w:instrText></w:r>'
    '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>一、建设项目基本情况</w:t></w:r>'
    '<w:r><w:tab/><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
    '<w:p><w:pPr><w:pStyle w:val="1"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>'
    '<w:r><w:t>建设项目基本情况</w:t></w:r></w:p>'
    '<w:p><w:pPr><w:outlineLvl w:val="1"/></w:pPr><w:r><w:t xml:space="preserve">1.1 编制依据 </w:t></w:r>'
    '<w:commentRangeStart w:id="0"/><w:r><w:t>《建设项目环境影响评价分类管理名录》</w:t></w:r>'
    '<w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r>'
    '<w:r><w:footnoteReference w:id="1"/></w:r></w:p>'
    '<w:p><w:r><w:t>建设单位：</w:t></w:r><w:ins w:id="1" w:author="张三" w:date="2024-05-08T00:00:00Z">'
    '<w:r><w:t>某某有限公司</w:t></w:r></w:ins><w:del w:id="2" w:author="李四">'
    '<w:r><w:delText>旧公司</w:delText></w:r></w:del>'
    '<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r>'
    '<w:r><w:rPr><w:rFonts w:ascii="Wingdings" w:hAnsi="Wingdings"/></w:rPr><w:t>\u00fe</w:t></w:r>'
    '<w:r><w:sym w:font="Wingdings 2" w:char="F052"/><w:t>是</w:t><w:sym w:font="Wingdings 2" w:char="F0A3"/>'
    '<w:t>否</w:t><w:noBreakHyphen/><w:softHyphen/><w:br/><w:cr/><w:ptab/></w:r></w:p>'
    '<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent><w:p><w:r><w:t>单击此处输入文字。</w:t></w:r>'
    '</w:p></w:sdtContent></w:sdt>'
    '<w:tbl><w:tblPr/><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>'
    '<w:tr><w:trPr><w:tblHeader/></w:trPr><w:tc><w:p><w:r><w:t>项目名称</w:t></w:r></w:p></w:tc>'
    '<w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:p><w:r><w:t>某某项目</w:t></w:r></w:p></w:tc></w:tr>'
    '<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr>'
    '<w:p><w:r><w:t>总投资（万元）</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>1200</w:t></w:r></w:p></w:tc></w:tr>'
    '<w:tr><w:tc><w:p/></w:tc><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc><w:tc>'
    '<w:tbl><w:tr><w:tc><w:p><w:r><w:t>嵌套</w:t></w:r></w:p></w:tc></w:tr></w:tbl><w:p/></w:tc></w:tr></w:tbl>'
    '<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent>'
    '<w:p><w:r><w:t>文本框（签章）</w:t></w:r></w:p></w:txbxContent></wps:txbx></w:drawing></mc:Choice>'
    '<mc:Fallback><w:pict><w:t>fallback</w:t></w:pict></mc:Fallback></mc:AlternateContent></w:r>'
    '<w:r><w:object/></w:r><w:r><w:ruby><w:rt><w:r><w:t>pin</w:t></w:r></w:rt>'
    '<w:rubyBase><w:r><w:t>拼</w:t></w:r></w:rubyBase></w:ruby></w:r></w:p>'
    '<w:p><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>废气</w:t></w:r>'
    '<w:moveFrom w:id="3" w:author="a"><w:r><w:t>moved</w:t></w:r></w:moveFrom></w:p>'
    '<w:altChunk r:id="rId9"/>'
    '<w:sectPr><w:headerReference w:type="default" r:id="rId3"/></w:sectPr>')

STYLES = (
    '<w:styles %s><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman"/></w:rPr>'
    '</w:rPrDefault></w:docDefaults>'
    '<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="a"/>'
    '<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="2"><w:name w:val="标题 2"/><w:basedOn w:val="1"/>'
    '<w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="TOC1"><w:name w:val="toc 1"/></w:style>'
    '<w:style w:type="character" w:styleId="Hidden"><w:name w:val="hidden"/><w:rPr><w:vanish/></w:rPr>'
    '</w:style><w:style w:type="paragraph" w:styleId="loop"><w:basedOn w:val="loop"/></w:style>'
    '</w:styles>' % NS)

NUMBERING = (
    '<w:numbering %s><w:abstractNum w:abstractNumId="0">'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%%1、"/>'
    '<w:suff w:val="nothing"/><w:pStyle w:val="1"/></w:lvl>'
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%%1.%%2"/>'
    '<w:isLgl/></w:lvl><w:lvl w:ilvl="2"><w:numFmt w:val="bullet"/><w:lvlText w:val="\u25cf"/></w:lvl>'
    '</w:abstractNum><w:abstractNum w:abstractNumId="1"><w:numStyleLink w:val="x"/></w:abstractNum>'
    '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
    '<w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="3"/>'
    '</w:lvlOverride></w:num></w:numbering>' % NS)

HEADER = '<w:hdr %s><w:p><w:r><w:t>某某项目环境影响报告表</w:t></w:r></w:p></w:hdr>' % NS
FOOTER = ('<w:ftr %s><w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText>'
          '</w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p></w:ftr>' % NS)
FOOTNOTES = ('<w:footnotes %s><w:footnote w:type="separator" w:id="-1"><w:p/></w:footnote>'
             '<w:footnote w:id="1"><w:p><w:r><w:t>环评法第十六条。</w:t></w:r></w:p></w:footnote></w:footnotes>' % NS)
ENDNOTES = ('<w:endnotes %s><w:endnote w:id="1"><w:p><w:r><w:t>尾注</w:t></w:r></w:p></w:endnote>'
            '</w:endnotes>' % NS)
COMMENTS = ('<w:comments %s><w:comment w:id="0" w:author="审查" w:date="2024-05-08T00:00:00Z">'
            '<w:p><w:r><w:t>依据已废止</w:t></w:r></w:p><w:p><w:r><w:t>请更新</w:t></w:r></w:p></w:comment>'
            '</w:comments>' % NS)


def document(body):
    return '%s<w:document %s><w:body>%s</w:body></w:document>' % (DECL, NS, body)


def rels(items):
    return '%s<Relationships xmlns="%s">%s</Relationships>' % (DECL, PKG_REL, "".join(
        '<Relationship Id="%s" Type="%s" Target="%s"%s/>' % (i, t, tg, ' TargetMode="External"' if ext else "")
        for i, t, tg, ext in items))


CT = (DECL + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
      '<Default Extension="xml" ContentType="application/xml"/>'
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.'
      'wordprocessingml.document.main+xml"/></Types>')
CORE = (DECL + '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/'
        'core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>某某项目</dc:title>'
        '<dc:creator>张三</dc:creator></cp:coreProperties>')
APP = (DECL + '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
       '<Application>Microsoft Office Word</Application><Company>某某公司</Company></Properties>')

PKG_RELS = rels([("rId1", REL + "officeDocument", "word/document.xml", False),
                 ("rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
                  "docProps/core.xml", False),
                 ("rId3", REL + "extended-properties", "docProps/app.xml", False)])
DOC_RELS = rels([("rId1", REL + "styles", "styles.xml", False),
                 ("rId2", REL + "numbering", "numbering.xml", False),
                 ("rId3", REL + "header", "header1.xml", False),
                 ("rId4", REL + "footer", "footer1.xml", False),
                 ("rId5", REL + "footnotes", "footnotes.xml", False),
                 ("rId6", REL + "endnotes", "endnotes.xml", False),
                 ("rId7", REL + "comments", "comments.xml", False),
                 ("rId8", REL + "hyperlink", "http://example.com/", True),
                 ("rId9", REL + "aFChunk", "../word/./chunk%201.xml", False)])

FULL_PARTS = [
    ("[Content_Types].xml", CT), ("_rels/.rels", PKG_RELS), ("word/document.xml", document(BODY)),
    ("word/_rels/document.xml.rels", DOC_RELS), ("word/styles.xml", DECL + STYLES),
    ("word/numbering.xml", DECL + NUMBERING), ("word/header1.xml", DECL + HEADER),
    ("word/footer1.xml", DECL + FOOTER), ("word/footnotes.xml", DECL + FOOTNOTES),
    ("word/endnotes.xml", DECL + ENDNOTES), ("word/comments.xml", DECL + COMMENTS),
    ("docProps/core.xml", CORE), ("docProps/app.xml", APP)]
MIN_PARTS = [("[Content_Types].xml", CT),
             ("_rels/.rels", rels([("rId1", REL + "officeDocument", "/word/document.xml", False)])),
    ("word/document.xml", document('<w:p><w:r><w:t>一、总则</w:t></w:r></w:p>'))]


def zip_bytes(parts, method):
    b = io.BytesIO()
    with zipfile.ZipFile(b, "w", method) as z:
        for name, text in parts:
            z.writestr(zipfile.ZipInfo(name, (2024, 5, 8, 0, 0, 0)), text.encode("utf-8"), compress_type=method)
    return b.getvalue()


def flat_opc(parts):
    out = [DECL, '<?mso-application progid="Word.Document"?>',
           '<pkg:package xmlns:pkg="http://schemas.microsoft.com/office/2006/xmlPackage">']
    for name, text in parts:
        if name == "[Content_Types].xml":
            continue
        body = text[len(DECL):] if text.startswith(DECL) else text
        ctype = ("application/vnd.openxmlformats-package.relationships+xml" if name.endswith(".rels") else
                 "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
                 if name == "word/document.xml" else "application/xml")
        out.append('<pkg:part pkg:name="/%s" pkg:contentType="%s"><pkg:xmlData>%s</pkg:xmlData></pkg:part>'
                   % (name, ctype, body))
    out.append('<pkg:part pkg:name="/word/media/image1.png" pkg:contentType="image/png" '
               'pkg:compression="store"><pkg:binaryData>iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlE\n'
               'QVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==</pkg:binaryData></pkg:part></pkg:package>')
    return "".join(out)


W2003 = (DECL + '<?mso-application progid="Word.Document"?>'
         '<w:wordDocument xmlns:w="http://schemas.microsoft.com/office/word/2003/wordml" '
         'xmlns:wx="http://schemas.microsoft.com/office/word/2003/auxHint" '
         'xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:aml="http://schemas.microsoft.com/aml/2001/core">'
         '<o:DocumentProperties><o:Title>某某项目</o:Title><o:Author>张三</o:Author></o:DocumentProperties>'
         '<w:lists><w:listDef w:listDefId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:nfc w:val="37"/>'
         '<w:lvlText w:val="%1、"/></w:lvl></w:listDef><w:list w:ilfo="1"><w:ilst w:val="0"/></w:list></w:lists>'
         '<w:styles><w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/>'
         '<w:pPr><w:outlineLvl w:val="0"/><w:listPr><w:ilfo w:val="1"/></w:listPr></w:pPr></w:style></w:styles>'
         '<w:body><wx:sect><w:p><w:pPr><w:pStyle w:val="1"/><w:listPr><w:ilvl w:val="0"/><w:ilfo w:val="1"/>'
         '</w:listPr></w:pPr><w:r><w:t>总则</w:t></w:r></w:p>'
         '<w:p><w:r><w:t>建设单位：某某公司</w:t></w:r><w:r><w:footnote><w:p><w:r><w:t>脚注</w:t></w:r></w:p>'
         '</w:footnote></w:r><aml:annotation aml:id="0" w:type="Word.Insertion" aml:author="张三">'
         '<aml:content><w:r><w:t>插入</w:t></w:r></aml:content></aml:annotation>'
         '<aml:annotation aml:id="1" w:type="Word.Comment"><aml:content><w:p><w:r><w:t>批注</w:t></w:r></w:p>'
         '</aml:content></aml:annotation><w:r><w:pict><w:binData w:name="wordml://1.png">iVBORw0KGgo=</w:binData>'
         '</w:pict></w:r></w:p><w:tbl><w:tr><w:tc><w:p><w:r><w:t>项目名称</w:t></w:r></w:p></w:tc><w:tc><w:p>'
         '<w:r><w:t>某某</w:t></w:r></w:p></w:tc></w:tr></w:tbl></wx:sect></w:body></w:wordDocument>')

TEXTS = {
    "hand-markdown.md": (
        "# 某某项目环境影响报告表\n\n## 一、建设项目基本情况\n\n| 项目名称 | 某某项目 |\n|---|:--:|\n"
        "| 建设单位 | 某某有限公司 |\n| 总投资（万元） | 1,200.5 |\n\n```\n# not a heading\n|a|b|\n```\n"
        "~~~~\nfence\n~~~~\n### 1.1 编制依据 ###\n  ####### seven\n#nospace\n![签章](sig.png) ![x](y\n"
        "建设单位（盖章）：☑是 □否\n编制日期：2024年5月8日\n\n   \u3000\n"),
    "hand-numbering.txt": (
        "某某项目土壤污染风险管控实施方案\r\n\r\n第一章 总则\r\n一、项目概况\r\n（一）地块位置\r\n"
        "1. 编制依据\r\n1.1 法律法规\r\n1.1.1 《中华人民共和国土壤污染防治法》\r\n（1）建设单位：某某\r\n"
        "① 联系人：张三\r\n二〇二三年九月\r\n实施周期：2024.5.8-2025.5.8\r\n项目编号：\r\n"
        "1 总则\n2 工程分析\n1.5万元\n2.5米\n3 台\r一、\r\n"),
    "hand-bom-crlf-cr.txt": "\ufeff一、总则\r\r\n二、概况\r（一）位置\n\t \n",
    "hand-nul-invalid.txt": ("一、总则".encode() + b"\x00\x00\n\xff\xfe" + "无效".encode() +
                             b"\n\xe4\xb8\n\xf0\x9f\x98\x80\n\xed\xa0\x80\xc0\xaf\n"),
    "hand-long-line.md": "# " + "很长的标题" * 300 + "\n" + "|" * 500 + "\n" + "-" * 300 + "\n",
    "hand-table-edge.md": "|a|\n|-|\n|b|c|d|\n||\n| x \\| y |\n|\n|---\n---|---\n",
}


# rels (fuzz_rels.c): the relationship parts of an in-memory package, joined by NUL:
# _rels/.rels, the main part's rels, [Content_Types].xml, header1's rels, extra part
# names (one a line), the main part. Each seed stands for a shape of the graph.
def rels_seed(pkg, doc=None, ct=CT, hdr="", extra="", main=""):
    return "\0".join([pkg, doc if doc is not None else DOC_RELS, ct, hdr, extra, main])


def rel_items(kinds, target):
    return [("rIdX%d" % i, REL + k, target, False) for i, k in enumerate(kinds, 1)]


STORIES = ["header", "footer", "footnotes", "endnotes", "comments"]
DTD_RELS = DECL + '<!DOCTYPE Relationships [<!ENTITY x "y">]>' + rels([])[len(DECL):]
RELS_SEEDS = {
    "plain": rels_seed(PKG_RELS),
    # 400 header relationships to one part (under the 64 KB input cap), and the same
    # part under every story kind
    "fanout": rels_seed(PKG_RELS, rels([("rIdF%d" % i, REL + "header", "header1.xml", False)
                                        for i in range(400)] + rel_items(STORIES, "header1.xml"))),
    # every story relationship and styles back to the main part; header1 back to the body
    "cycle-main": rels_seed(PKG_RELS, rels(rel_items(STORIES + ["styles", "numbering"], "document.xml")),
                            hdr=rels(rel_items(["header", "officeDocument"], "document.xml"))),
    # relationship parts and content types named as stories and properties
    "cycle-rels": rels_seed(rels([("rId1", REL + "officeDocument", "word/document.xml", False),
                                  ("rId2", REL + "extended-properties", "_rels/.rels", False)]),
                            rels(rel_items(STORIES, "_rels/document.xml.rels") +
                                 rel_items(["styles"], "../[Content_Types].xml"))),
    # targets outside the package, absolute, percent-encoded, backslashes, external
    "outside": rels_seed(PKG_RELS, rels([("rIdO1", REL + "header", "../../../../etc/passwd", False),
                                         ("rIdO2", REL + "footer", "/etc/passwd", False),
                                         ("rIdO3", REL + "footnotes", "%2E%2E/%2e%2e/word/footnotes.xml", False),
                                         ("rIdO4", REL + "endnotes", "..\\..\\word\\endnotes.xml", False),
                                         ("rIdO5", REL + "comments", "\\\\server\\share\\c.xml", False),
                                         ("rIdO6", REL + "header", "http://127.0.0.1:9/h.xml", True),
                                         ("rIdO7", REL + "styles", "file:///etc/passwd", True),
                                         ("rIdO8", REL + "header", "a//b/./c/../%2Fheader1.xml", False)]),
                         extra="a/b/header1.xml\nWORD/HEADER2.XML\nword/页眉.xml"),
    # the main part found through odd names
    "main-odd": rels_seed(rels([("rId1", REL + "officeDocument", "./WORD/./x/../Document.xml", False)])),
    "main-absent": rels_seed(rels([("rId1", REL + "officeDocument", "word/none.xml", False)])),
    "main-external": rels_seed(rels([("rId1", REL + "officeDocument", "http://x/d.xml", True)])),
    "no-content-types": rels_seed(PKG_RELS, ct=""),
    "wrong-main-type": rels_seed(PKG_RELS, ct=CT.replace("document.main+xml", "styles+xml")),
    "strict-types": rels_seed(rels([("rId1", "http://purl.oclc.org/ooxml/officeDocument/relationships/"
                                     "officeDocument", "word/document.xml", False),
                                    ("rId2", "http://purl.oclc.org/ooxml/officeDocument/relationships/"
                                     "extendedProperties", "docProps/app.xml", False)])),
    # DTDs: in the package rels, the main part's rels, a story's rels, content types
    "dtd-pkg": rels_seed(DTD_RELS),
    "dtd-doc": rels_seed(PKG_RELS, DTD_RELS),
    "dtd-header": rels_seed(PKG_RELS, hdr=DTD_RELS),
    "dtd-ct": rels_seed(PKG_RELS, ct=DECL + '<!DOCTYPE Types SYSTEM "file:///etc/passwd">' + CT[len(DECL):]),
    # duplicate ids, missing attributes, empty targets, a rels part that is no XML
    "odd-items": rels_seed(PKG_RELS, '%s<Relationships xmlns="%s"><Relationship Id="rId1" Type="%sheader" '
                           'Target="header1.xml"/><Relationship Id="rId1" Type="%sheader" Target=""/>'
                           '<Relationship Type="%sfooter" Target="footer1.xml"/><Relationship Id="rId3"/>'
                           '<Other/></Relationships>' % (DECL, PKG_REL, REL, REL, REL)),
    "not-xml": rels_seed(PKG_RELS, "\x89PNG\r\n"),
}


# pdf (fuzz_pdf.c): small hand-made PDFs, a few hundred bytes each, with their
# content streams uncompressed so that the mutator edits operators, not
# deflate bits. Each stands for a shape of a published filing's export: CJK
# text through a Type0 font and its ToUnicode map (the subset fonts Word and
# LibreOffice embed), a label/value table drawn with ruling lines, a picture
# over a page (a scanned signature page), a reviewer's note, a form drawn
# twice, and running headers and page numbers over two pages. The fixtures'
# PDFs (100-250 KB, 14 pages of embedded fonts) ran at 3 inputs a second
# under ASan, the content bomb's inflating a second and more each.
def pdf_file(objects):
    """A PDF of the given object bodies (1-based ids), root 1: the hostile PDFs' writer."""
    sys.path.insert(0, os.path.join(FIX, "pdf"))
    sys.dont_write_bytecode = True  # no __pycache__ among the fixtures
    import make_pdf  # standard library only at import; it runs nothing
    return make_pdf.pdf(objects)


def pdf_stream(entries, data):
    sys.path.insert(0, os.path.join(FIX, "pdf"))
    import make_pdf
    return make_pdf.stream(entries, data)


# CJK text: CIDs 1.. of an Identity-H font mapped to these characters by its
# ToUnicode map (no font program: MuPDF draws with a fallback, as for a
# font not embedded).
CJK = "一、项目名称：甲乙化工有限公司年产二千吨涂料建设第页共□☑是否"


def cid(text):
    return b"<" + b"".join(b"%04X" % (CJK.index(c) + 1) for c in text) + b">"


def tounicode():
    lines = ["/CIDInit /ProcSet findresource begin 12 dict begin begincmap",
             "/CMapName /Seed def 1 begincodespacerange <0000> <FFFF> endcodespacerange",
             "%d beginbfchar" % len(CJK)]
    lines += ["<%04X> <%04X>" % (i + 1, ord(c)) for i, c in enumerate(CJK)]
    lines += ["endbfchar endcmap CMapName currentdict /CMap defineresource pop end end"]
    return "\n".join(lines).encode()


def pdf_seed(content, extra_res=b"", extra_objs=(), page_extra=b"", pages=1):
    """One or more pages sharing resources: F1 Helvetica, F2 the CJK font.
    A one-page seed's extra objects start at 11."""
    kids = b" ".join(b"%d 0 R" % (4 + 2 * k) for k in range(pages))
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, pages),
            b"<< /Font << /F1 %d 0 R /F2 %d 0 R >> %s >>" % (4 + 2 * pages, 5 + 2 * pages, extra_res)]
    for k in range(pages):
        c = content(k + 1) if callable(content) else content
        objs.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources 3 0 R /Contents %d 0 R %s >>"
                    % (5 + 2 * k, page_extra))
        objs.append(pdf_stream(b"", c))
    n = len(objs) + 1  # the fonts' ids
    objs.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    objs.append(b"<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H "
                b"/DescendantFonts [%d 0 R] /ToUnicode %d 0 R >>" % (n + 2, n + 3))
    objs.append(b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun /CIDSystemInfo "
                b"<< /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 1000 "
                b"/CIDToGIDMap /Identity /FontDescriptor %d 0 R >>" % (n + 4))
    objs.append(pdf_stream(b"", tounicode()))
    objs.append(b"<< /Type /FontDescriptor /FontName /SimSun /Flags 4 /FontBBox [0 -140 1000 860] "
                b"/ItalicAngle 0 /Ascent 860 /Descent -140 /CapHeight 700 /StemV 80 >>")
    objs.extend(extra_objs)
    return pdf_file(objs)


def pdf_seeds():
    text = (b"BT /F2 16 Tf 100 760 Td " + cid("一、项目名称") + b" Tj ET\n"
            b"BT /F2 12 Tf 72 720 Td " + cid("项目名称：甲乙化工有限公司年产二千吨涂料") + b" Tj ET\n"
            b"BT /F2 12 Tf 72 704 Td " + cid("建设项目") + b" Tj ET\n"
            b"BT /F1 12 Tf 72 680 Td (GB 3095-) Tj 0 -16 Td (2012) Tj [(a) -250 (b)] TJ ET")
    yield "hand-text.pdf", pdf_seed(text)
    # a two-row, two-column table: rules as thin filled rectangles (Word) and
    # as strokes (LibreOffice), a label and its value in the cells
    table = (b"0.5 w 72 700 m 472 700 l 72 680 m 472 680 l 72 660 m 472 660 l S\n"
             b"72 660 0.5 40 re 272 660 0.5 40 re 472 660 0.5 40 re f\n"
             b"BT /F2 10 Tf 76 686 Td " + cid("项目名称") + b" Tj 200 0 Td " + cid("甲乙化工") + b" Tj ET\n"
             b"BT /F2 10 Tf 76 666 Td " + cid("是否") + b" Tj 200 0 Td " + cid("☑是□否") + b" Tj ET")
    yield "hand-table.pdf", pdf_seed(table)
    # a grey picture over most of the page with a stamped line of text
    img = pdf_stream(b"/Type /XObject /Subtype /Image /Width 4 /Height 4 /ColorSpace /DeviceGray "
                     b"/BitsPerComponent 8", bytes(range(100, 116)))
    yield "hand-image.pdf", pdf_seed(b"q 500 0 0 700 40 60 cm /Im1 Do Q BT /F1 8 Tf 40 40 Td (scan 0001) Tj ET",
                                     extra_res=b"/XObject << /Im1 11 0 R >>", extra_objs=[img])
    # a sticky note on the page: annotations are not the filing
    note = b"<< /Type /Annot /Subtype /Text /Rect [20 700 38 718] /Contents (note) /T (reviewer) >>"
    yield "hand-annot.pdf", pdf_seed(text, page_extra=b"/Annots [11 0 R]", extra_objs=[note])
    # a form XObject drawn twice
    form = pdf_stream(b"/Type /XObject /Subtype /Form /BBox [0 0 200 20]",
                      b"BT /F2 10 Tf 0 5 Td " + cid("年产二千吨") + b" Tj ET")
    yield "hand-form.pdf", pdf_seed(b"q 1 0 0 1 72 700 cm /Fm1 Do Q q 1 0 0 1 72 600 cm /Fm1 Do Q",
                                    extra_res=b"/XObject << /Fm1 11 0 R >>", extra_objs=[form])
    # two pages: a running header, a page number at the foot, a paragraph
    # wrapping onto the next page
    def page(n):
        return (b"BT /F2 9 Tf 200 800 Td " + cid("甲乙化工有限公司建设项目") + b" Tj ET\n"
                b"BT /F2 12 Tf 72 400 Td " + cid("项目名称项目名称项目名称项目名称项目名称项目名称") + b" Tj ET\n"
                b"BT /F2 9 Tf 280 30 Td " + cid("第") + b" Tj /F1 9 Tf (%d) Tj /F2 9 Tf " % n + cid("页") + b" Tj ET")
    yield "hand-pages.pdf", pdf_seed(page, pages=2)
    # a flate content stream, inline image data and a comment: what the
    # content scan skips
    import zlib
    yield "hand-flate.pdf", pdf_file([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >>"
        b" /Contents 4 0 R >>",
        pdf_stream(b"/Filter /FlateDecode", zlib.compress(
            b"% a comment (\nq 10 0 0 10 72 72 cm BI /W 2 /H 2 /CS /G /BPC 8 ID \x00)(EI\xff EI Q\n"
            b"BT /F1 12 Tf 72 700 Td (flate <3c> text) Tj ET", 9)),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ])


def write(target, name, data):
    d = os.path.join(CORPUS, target)
    os.makedirs(d, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)


def copy_fixtures(target, patterns, max_size=None):
    for pat in patterns:
        for path in sorted(glob.glob(os.path.join(FIX, pat))):
            if max_size and os.path.getsize(path) > max_size:
                continue
            rel = os.path.relpath(path, FIX).replace("/", "-")
            with open(path, "rb") as f:
                write(target, "fixture-" + rel, f.read())


def docx_story_names(z):
    """The part names of a DOCX's main document and its stories, by the
    conventional names (good enough for seeds)."""
    names = set(z.namelist())
    main = "word/document.xml" if "word/document.xml" in names else None
    if not main:
        main = next((n for n in names if n.startswith("word/document") and n.endswith(".xml")), None)
    return main, names


def wml_seed(z):
    main, names = docx_story_names(z)
    if not main:
        return None

    def part(n):
        return z.read(n) if n in names else b""
    parts = [part(main), part("word/styles.xml"), part("word/numbering.xml"), part("word/header1.xml"),
             part("word/footer1.xml"), part("word/footnotes.xml"), part("word/endnotes.xml"),
             part("word/comments.xml")]
    return b"\0".join(parts).rstrip(b"\0")


def split_ruleset(path):
    """One seed per rule: the ruleset's head (id, title, named patterns,
    data tables) with that rule alone, so a mutation meets one rule kind
    and its examples instead of fifty rules' worth of JIT compiling."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    start = text.find("<rule ")
    head, tail = text[:start], text.rfind("</ruleset>")
    rules = re.findall(r"<rule .*?</rule>", text[start:tail], re.S)
    return [head + "  " + r + "\n</ruleset>\n" for r in rules]


PCRE_TOKENS = ["(?<=", "(?<!", "(?=", "(?!", "\\p{Han}", "(?:", "*+", "{2,}", "[^", "\\d", "\\s",
               "<![CDATA[", "]]>", "</rule>", "</example>", "{match}", "{item}", "{x-run}"]


def write_ruleset_dict():
    """libFuzzer dictionary for fuzz_ruleset: the schema's element and
    attribute names and enumerated values, and PCRE2 syntax."""
    with open(os.path.join(ROOT, "rulesets", "schema", "ruleset.rng"), encoding="utf-8") as f:
        rng = f.read()
    names = sorted(set(re.findall(r'(?:element|attribute) name="([^"]+)"', rng)))
    values = sorted(set(re.findall(r"<value>([^<]+)</value>", rng)))
    def esc(t):  # libFuzzer reads printable ASCII and \\xNN escapes only
        out = "".join("\\" + chr(b) if chr(b) in '\\"' else chr(b) if 32 <= b < 127 else "\\x%02X" % b
                      for b in t.encode("utf-8"))
        return '"' + out + '"\n'
    with open(os.path.join(HERE, "dict", "ruleset.dict"), "w", encoding="utf-8") as f:
        f.write("# Made by fuzz/make-seeds.py from rulesets/schema/ruleset.rng.\n")
        for n in names:
            f.write(esc("<" + n) + esc(n + '="'))
        for t in values + PCRE_TOKENS:
            f.write(esc(t))


def main():
    # docx: every fixture package, hostile ones included, and hand-made stored
    # packages whose XML the mutator can see.
    copy_fixtures("docx", ["docx/*.docx", "hostile/*.docx", "hostile/*.doc", "legacy/truncated.doc"])
    write("docx", "hand-full-stored.docx", zip_bytes(FULL_PARTS, zipfile.ZIP_STORED))
    write("docx", "hand-full-deflated.docx", zip_bytes(FULL_PARTS, zipfile.ZIP_DEFLATED))
    write("docx", "hand-minimal-stored.docx", zip_bytes(MIN_PARTS, zipfile.ZIP_STORED))

    # wml: the parts of each fixture package joined by NUL (see fuzz_wml.c).
    for path in sorted(glob.glob(os.path.join(FIX, "docx", "*.docx"))):
        if "renamed" in path:  # same parts as eia-form-word under other names
            continue
        with zipfile.ZipFile(path) as z:
            seed = wml_seed(z)
        if seed:
            write("wml", "fixture-" + os.path.basename(path)[:-5] + ".parts", seed)
    write("wml", "hand-full.parts", "\0".join(
        [document(BODY), STYLES, NUMBERING, HEADER, FOOTER, FOOTNOTES, ENDNOTES, COMMENTS]))
    write("wml", "hand-body-only.xml", document(BODY))
    write("wml", "hand-utf16.xml", ('<?xml version="1.0" encoding="UTF-16"?>' + document(
        '<w:p><w:r><w:t>一、总则</w:t></w:r></w:p>')[len(DECL):]).encode("utf-16"))
    write("wml", "hand-doctype.xml", '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaa">]>' +
          document('<w:p><w:r><w:t>&a;</w:t></w:r></w:p>')[len(DECL):])
    write("wml", "hand-gbk-decl.xml", '<?xml version="1.0" encoding="GBK"?><w:document/>')

    # flatopc: Flat OPC and Word 2003 fixtures plus small hand-made ones.
    copy_fixtures("flatopc", ["xml/*.xml"])
    write("flatopc", "hand-full-flatopc.xml", flat_opc(FULL_PARTS))
    write("flatopc", "hand-minimal-flatopc.xml", flat_opc(MIN_PARTS))
    write("flatopc", "hand-word2003.xml", W2003)
    write("flatopc", "hand-fodt.xml", DECL + '<office:document xmlns:office="urn:oasis:names:tc:'
          'opendocument:xmlns:office:1.0"/>')

    # text: every text and Markdown fixture plus the hand-made edge cases.
    copy_fixtures("text", ["text/*", "check/*.md", "docx/*.txt", "hostile/*.txt",
                           "src/pandoc/*.md", "src/pandoc/*.txt"])
    for name, data in TEXTS.items():
        write("text", name, data)

    # ruleset: the test rulesets whole (bad ones too), the shipped ones a
    # rule at a time.
    copy_fixtures("ruleset", ["rulesets/*.xml"])
    write_ruleset_dict()
    for path in sorted(glob.glob(os.path.join(ROOT, "rulesets", "*.xml"))):
        base = os.path.basename(path)[:-4]
        for rule in split_ruleset(path):
            rid = re.search(r'<rule id="([^"]+)"', rule).group(1)
            write("ruleset", "shipped-%s-%s.xml" % (base, rid), rule)

    # rels: shapes of the relationship graph (fuzz_rels.c). NUL separates the
    # parts, so UTF-16 relationship parts are the docx target's (utf16-rels).
    for name, data in RELS_SEEDS.items():
        write("rels", "hand-" + name + ".rels", data)

    # check: the rule fixtures (every rule's triggering and clean filings)
    # that fit under run-libfuzzer.sh's input size cap.
    copy_fixtures("check", [d + "/*." + ext for d in ("eia", "eia-domain", "soil", "check")
                            for ext in ("docx", "xml", "md", "txt")], max_size=65536)

    # pdf: small hand-made PDFs and the small hostile PDFs (fuzz_pdf.c, when
    # FL_PDF); the fixtures' PDFs are too large to mutate quickly, and the
    # content bomb's mutant stays in regressions/pdf.
    for name, data in pdf_seeds():
        write("pdf", name, data)
    # (not the forms drawing forms: each of its mutants would cost a million calls)
    copy_fixtures("pdf", ["hostile/pdf-%s.pdf" % n for n in ("zero-pages", "damaged", "no-text")])


if __name__ == "__main__":
    main()
