#!/usr/bin/env python3
"""(Re)make the seed corpora under fuzz/corpus/<target>/ from the fixtures
(whatever exists under fixtures/ now) plus a few small hand-made inputs that
reach reader features the fixtures do not (stored ZIP entries the mutator can
edit, every story kind, revisions, fields, content controls, text boxes,
Markdown tables and fences, broken encodings). Standard library only.

  python3 fuzz/make-seeds.py            # writes fuzz/corpus/{docx,wml,flatopc,text,ruleset,check,rels}/

Seeds are named after their source so a re-run replaces rather than adds.
Keep each corpus under 2 MB: it runs as a ctest test on every build.
"""
import glob
import io
import os
import re
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

    # pdf: the PDF fixtures and the hostile PDFs (fuzz_pdf.c, when FL_PDF).
    copy_fixtures("pdf", ["pdf/*.pdf", "hostile/pdf-*.pdf"], max_size=262144)


if __name__ == "__main__":
    main()
