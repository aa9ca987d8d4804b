/* styles.xml reader: heading detection by outlineLvl and by name as Chinese
 * Word, LibreOffice, npm docx and localised style sheets write them, basedOn
 * chains and cycles, title/TOC
 * styles, numbering in styles, run properties, Word 2003 and bad input. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "input/numbering.h"
#include "input/styles.h"
#include "core/xmlsafe.h"

#define W_NS "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define STYLES(body)                                                                     \
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"                                         \
    "<w:styles xmlns:w=\"" W_NS "\""                                                     \
    " xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\""          \
    " xmlns:w14=\"http://schemas.microsoft.com/office/word/2010/wordml\""                \
    " mc:Ignorable=\"w14\">" body "</w:styles>"
#define PSTYLE(id, name, extra)                                                          \
    "<w:style w:type=\"paragraph\" w:styleId=\"" id "\"><w:name w:val=\"" name "\"/>" extra "</w:style>"
#define BASED(id) "<w:basedOn w:val=\"" id "\"/>"
#define OUTLINE(n) "<w:pPr><w:outlineLvl w:val=\"" #n "\"/></w:pPr>"
#define NORMAL "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"a\"><w:name w:val=\"Normal\"/></w:style>"

static fl_style_info si;

static fl_styles *parse(const char *xml)
{
    fl_error err;
    fl_error_clear(&err);
    fl_styles *s = fl_styles_parse(xml, strlen(xml), &err);
    assert_non_null(s);
    assert_int_equal(err.code, FL_OK);
    return s;
}

static const fl_style_info *resolve(const fl_styles *s, const char *id)
{
    fl_styles_resolve(s, id, &si);
    return &si;
}

static void test_chinese_word_heading(void **state)
{
    (void)state;
    fl_styles *s = parse(STYLES(NORMAL PSTYLE("1", "heading 1", BASED("a")
        "<w:pPr><w:keepNext/><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr>"
        "<w:outlineLvl w:val=\"0\"/></w:pPr>")
        PSTYLE("3", "heading 3", BASED("a") "<w:pPr><w:keepNext/></w:pPr>")));
    resolve(s, "1");
    assert_string_equal(si.name, "heading 1");
    assert_int_equal(si.outline, 1);
    assert_int_equal(si.heading_level, 1);
    assert_int_equal(si.num_id, 1);
    assert_int_equal(si.ilvl, 0);
    assert_false(si.is_title);
    assert_false(si.is_toc);
    assert_int_equal(fl_styles_heading_level(&si, -1), 1);
    /* Some files omit outlineLvl on built-in headings: the name still counts. */
    resolve(s, "3");
    assert_int_equal(si.outline, 0);
    assert_int_equal(si.heading_level, 3);
    assert_int_equal(fl_styles_heading_level(&si, -1), 3);
    fl_styles_free(s);
}

static void test_localised_names(void **state)
{
    (void)state;
    fl_styles *s = parse(STYLES(NORMAL
        PSTYLE("H1", "标题 1", BASED("a")) PSTYLE("H2", "标题2", "")
        PSTYLE("H3", "Heading\xE3\x80\x80" "3", "") PSTYLE("H4", "HEADING4", "")
        PSTYLE("H5", "标题 ５", "") PSTYLE("T", "标题", "")
        PSTYLE("X1", "heading 10", "") PSTYLE("X2", "标题 1 字符", "") PSTYLE("X3", "headings 1", "")));
    assert_int_equal(resolve(s, "H1")->heading_level, 1);
    assert_false(si.is_title);
    assert_int_equal(resolve(s, "H2")->heading_level, 2);
    assert_int_equal(resolve(s, "H3")->heading_level, 3); /* ideographic space */
    assert_int_equal(resolve(s, "H4")->heading_level, 4);
    assert_int_equal(resolve(s, "H5")->heading_level, 5); /* full-width digit */
    assert_int_equal(resolve(s, "T")->heading_level, 0);
    assert_true(si.is_title);
    assert_int_equal(resolve(s, "X1")->heading_level, 0);
    assert_int_equal(resolve(s, "X2")->heading_level, 0);
    assert_int_equal(resolve(s, "X3")->heading_level, 0);
    fl_styles_free(s);
}

static void test_outline_only_custom_style(void **state)
{
    (void)state;
    fl_styles *s = parse(STYLES(NORMAL
        PSTYLE("a6", "一级标题", BASED("a7"))
        PSTYLE("a7", "报告标题基础", BASED("a") OUTLINE(0))
        PSTYLE("b1", "二级标题", BASED("2"))
        PSTYLE("2", "heading 2", BASED("a") OUTLINE(1))));
    resolve(s, "a6");
    assert_string_equal(si.name, "一级标题");
    assert_int_equal(si.outline, 1);
    assert_int_equal(si.heading_level, 0);
    assert_int_equal(fl_styles_heading_level(&si, -1), 1);
    /* A custom style based on a heading style inherits both. */
    resolve(s, "b1");
    assert_int_equal(si.outline, 2);
    assert_int_equal(si.heading_level, 2);
    fl_styles_free(s);
}

static void test_npm_docx_heading(void **state)
{
    (void)state;
    fl_styles *s = parse(STYLES(
        "<w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:name w:val=\"Heading 1\"/>"
        "<w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/>"
        "<w:rPr><w:b/><w:sz w:val=\"32\"/></w:rPr></w:style>"
        "<w:style w:type=\"paragraph\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/></w:style>"));
    resolve(s, "Heading1");
    assert_string_equal(si.name, "Heading 1");
    assert_int_equal(si.outline, 0);
    assert_int_equal(si.heading_level, 1);
    assert_int_equal(si.num_id, -1);
    assert_int_equal(fl_styles_heading_level(&si, -1), 1);
    /* No w:default anywhere: a style with id Normal is the default. */
    assert_string_equal(resolve(s, NULL)->name, "Normal");
    fl_styles_free(s);
}

static void test_cycles_and_depth(void **state)
{
    (void)state;
    char body[16384] = NORMAL
        PSTYLE("A", "Alpha", BASED("B")) PSTYLE("B", "Beta", BASED("A") OUTLINE(2))
        PSTYLE("C", "Self", BASED("C")) PSTYLE("D", "Dangling", BASED("nowhere") OUTLINE(4))
        PSTYLE("E", "Upper", BASED("F")) PSTYLE("F", "heading 2", BASED("E"));
    /* S0 -> S1 -> ... -> S39; only S39 has an outline level. */
    for (int i = 0; i < 40; i++) {
        char st[256];
        if (i < 39)
            snprintf(st, sizeof st, PSTYLE("S%d", "Step %d", "<w:basedOn w:val=\"S%d\"/>"), i, i, i + 1);
        else
            snprintf(st, sizeof st, PSTYLE("S%d", "Step %d", OUTLINE(4)), i, i);
        strcat(body, st);
    }
    char xml[20000];
    snprintf(xml, sizeof xml, STYLES("%s"), body);
    fl_styles *s = parse(xml);
    assert_int_equal(resolve(s, "A")->outline, 3);
    assert_string_equal(si.name, "Alpha");
    assert_int_equal(resolve(s, "B")->outline, 3);
    assert_int_equal(resolve(s, "C")->outline, 0);
    assert_string_equal(si.name, "Self");
    assert_int_equal(resolve(s, "D")->outline, 5);
    assert_int_equal(resolve(s, "E")->heading_level, 2);
    assert_int_equal(resolve(s, "S10")->outline, 5);  /* 30 styles: within the limit */
    assert_int_equal(resolve(s, "S0")->outline, 0);   /* 40 styles: beyond 32 */
    fl_styles_free(s);
}

static void test_toc_styles(void **state)
{
    (void)state;
    fl_styles *s = parse(STYLES(NORMAL
        PSTYLE("1", "heading 1", BASED("a") OUTLINE(0))
        PSTYLE("TOC1", "toc 1", BASED("a")) PSTYLE("TOC2", "TOC2", BASED("a"))
        PSTYLE("TOC", "TOC Heading", BASED("1") OUTLINE(9))
        PSTYLE("M1", "目录 2", "") PSTYLE("M", "目录", "") PSTYLE("MX", "目录页码", "")));
    const char *tocs[] = {"TOC1", "TOC2", "TOC", "M1", "M"};
    for (size_t i = 0; i < sizeof tocs / sizeof tocs[0]; i++) {
        resolve(s, tocs[i]);
        if (!si.is_toc) fail_msg("%s should be a TOC style", tocs[i]);
        assert_int_equal(si.heading_level, 0);
        assert_int_equal(fl_styles_heading_level(&si, -1), 0);
    }
    /* Word's TOC Heading is basedOn heading 1 and says outline 9 (body text). */
    resolve(s, "TOC");
    assert_int_equal(si.outline, 10);
    assert_false(resolve(s, "MX")->is_toc);
    assert_false(resolve(s, "1")->is_toc);
    fl_styles_free(s);
}

static void test_title_styles(void **state)
{
    (void)state;
    fl_styles *s = parse(STYLES(NORMAL
        PSTYLE("a3", "Title", BASED("a") OUTLINE(0)) PSTYLE("a5", "Subtitle", BASED("a") OUTLINE(1))
        PSTYLE("ST", "副标题", "") PSTYLE("MyTitle", "封面标题", BASED("a3"))
        PSTYLE("NotTitle", "Titles", "")));
    const char *titles[] = {"a3", "a5", "ST", "MyTitle"};
    for (size_t i = 0; i < sizeof titles / sizeof titles[0]; i++) {
        resolve(s, titles[i]);
        if (!si.is_title) fail_msg("%s should be a title style", titles[i]);
        assert_int_equal(fl_styles_heading_level(&si, -1), 0);
    }
    assert_int_equal(resolve(s, "a3")->outline, 1); /* kept, but never a heading */
    assert_false(resolve(s, "NotTitle")->is_title);
    fl_styles_free(s);
}

static void test_outline_body_text(void **state)
{
    (void)state;
    fl_styles *s = parse(STYLES(NORMAL
        PSTYLE("1", "heading 1", BASED("a") OUTLINE(0))
        PSTYLE("Plain", "正文无大纲", BASED("1") OUTLINE(9))));
    resolve(s, "1");
    assert_int_equal(fl_styles_heading_level(&si, 9), 0);  /* paragraph outlineLvl 9 = body text */
    assert_int_equal(fl_styles_heading_level(&si, 2), 3);  /* paragraph level wins over the style */
    assert_int_equal(fl_styles_heading_level(&si, -1), 1);
    resolve(s, "Plain"); /* a style saying 9 overrides the heading it is based on */
    assert_int_equal(si.outline, 10);
    assert_int_equal(si.heading_level, 1);
    assert_int_equal(fl_styles_heading_level(&si, -1), 0);
    resolve(s, NULL);
    assert_int_equal(fl_styles_heading_level(&si, 0), 1);  /* direct 大纲级别 on a Normal paragraph */
    assert_int_equal(fl_styles_heading_level(NULL, -1), 0);
    fl_styles_free(s);
}

static void test_libreoffice_numbered_heading(void **state)
{
    (void)state;
    fl_styles *s = parse(STYLES(
        "<w:style w:type=\"paragraph\" w:styleId=\"Normal\" w:default=\"1\"><w:name w:val=\"Normal\"/></w:style>"
        PSTYLE("Heading", "Heading", BASED("Normal"))
        PSTYLE("Heading1", "Heading 1", BASED("Heading")
               "<w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr>"
               "<w:outlineLvl w:val=\"0\"/></w:pPr>")
        PSTYLE("Heading2", "Heading 2", BASED("Heading")
               "<w:pPr><w:numPr><w:numId w:val=\"1\"/></w:numPr><w:outlineLvl w:val=\"1\"/></w:pPr>")
        PSTYLE("NoNum", "Unnumbered Heading 1", BASED("Heading1")
               "<w:pPr><w:numPr><w:numId w:val=\"0\"/></w:numPr></w:pPr>")));
    const char *num_xml =
        "<w:numbering xmlns:w=\"" W_NS "\"><w:abstractNum w:abstractNumId=\"1\">"
        "<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:pStyle w:val=\"Heading1\"/>"
        "<w:numFmt w:val=\"taiwaneseCountingThousand\"/><w:suff w:val=\"nothing\"/>"
        "<w:lvlText w:val=\"%1、\"/></w:lvl>"
        "<w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:pStyle w:val=\"Heading2\"/>"
        "<w:numFmt w:val=\"decimal\"/><w:isLgl/><w:lvlText w:val=\"%1.%2\"/></w:lvl>"
        "</w:abstractNum><w:num w:numId=\"1\"><w:abstractNumId w:val=\"1\"/></w:num></w:numbering>";
    fl_error err;
    fl_error_clear(&err);
    fl_numbering *n = fl_numbering_parse(num_xml, strlen(num_xml), &err);
    assert_non_null(n);

    char label[64], suffix[8];
    resolve(s, "Heading1");
    assert_int_equal(si.num_id, 1);
    assert_int_equal(si.ilvl, 0);
    assert_int_equal(si.outline, 1);
    assert_int_equal(fl_numbering_next(n, si.num_id, si.ilvl, label, sizeof label, suffix, sizeof suffix), 1);
    assert_string_equal(label, "一、");
    /* Heading 2 has numId but no ilvl: the level comes from the abstractNum's pStyle. */
    resolve(s, "Heading2");
    assert_int_equal(si.num_id, 1);
    assert_int_equal(si.ilvl, -1);
    int il = fl_numbering_level_for_style(n, si.num_id, "Heading2");
    assert_int_equal(il, 1);
    assert_int_equal(fl_numbering_next(n, si.num_id, il, label, sizeof label, suffix, sizeof suffix), 1);
    assert_string_equal(label, "1.1");
    /* numId 0 in a derived style cancels the inherited numbering. */
    resolve(s, "NoNum");
    assert_int_equal(si.num_id, 0);
    assert_int_equal(si.ilvl, 0);
    assert_int_equal(fl_numbering_next(n, si.num_id, si.ilvl, label, sizeof label, suffix, sizeof suffix), 0);
    fl_numbering_free(n);
    fl_styles_free(s);
}

static void test_defaults_and_unknown(void **state)
{
    (void)state;
    fl_styles *s = parse(STYLES(
        "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"a\"><w:name w:val=\"Normal\"/>"
        "<w:pPr><w:numPr><w:numId w:val=\"3\"/></w:numPr></w:pPr><w:rPr><w:vanish/></w:rPr></w:style>"
        "<w:style w:type=\"character\" w:styleId=\"a0\" w:default=\"1\"><w:name w:val=\"Default Paragraph Font\"/></w:style>"
        PSTYLE("dup", "first", "") PSTYLE("dup", "second", OUTLINE(3))));
    resolve(s, NULL);
    assert_string_equal(si.name, "Normal");
    assert_int_equal(si.num_id, 3);
    assert_true(si.vanish);
    resolve(s, "missing"); /* unknown id: like the default style, without a name */
    assert_null(si.name);
    assert_int_equal(si.num_id, 3);
    assert_true(si.vanish);
    resolve(s, "a0"); /* a character style id is not a paragraph style */
    assert_null(si.name);
    assert_string_equal(resolve(s, "dup")->name, "first");
    assert_int_equal(si.outline, 0);
    fl_styles_resolve_run(s, NULL, &si);
    assert_string_equal(si.name, "Default Paragraph Font");
    fl_styles_resolve_run(s, "nope", &si);
    assert_null(si.name);
    fl_styles_free(s);
}

static void test_run_properties(void **state)
{
    (void)state;
    fl_styles *s = parse(STYLES(NORMAL
        "<w:style w:type=\"character\" w:styleId=\"Sym\"><w:name w:val=\"Sym\"/>"
        "<w:rPr><w:rFonts w:ascii=\"Symbol\" w:hAnsi=\"Symbol\"/></w:rPr></w:style>"
        "<w:style w:type=\"character\" w:styleId=\"Wd\"><w:name w:val=\"Wd\"/>"
        "<w:rPr><w:rFonts w:ascii=\"Arial\" w:hAnsi=\"Wingdings 2\"/></w:rPr></w:style>"
        "<w:style w:type=\"character\" w:styleId=\"SymTheme\"><w:name w:val=\"SymTheme\"/><w:basedOn w:val=\"Sym\"/>"
        "<w:rPr><w:rFonts w:asciiTheme=\"minorHAnsi\" w:hAnsiTheme=\"minorHAnsi\"/></w:rPr></w:style>"
        "<w:style w:type=\"character\" w:styleId=\"Hid\"><w:name w:val=\"Hid\"/><w:rPr><w:vanish/></w:rPr></w:style>"
        "<w:style w:type=\"character\" w:styleId=\"Shown\"><w:name w:val=\"Shown\"/><w:basedOn w:val=\"Hid\"/>"
        "<w:rPr><w:vanish w:val=\"false\"/></w:rPr></w:style>"
        PSTYLE("SymPara", "Symbol paragraph", "<w:rPr><w:rFonts w:ascii=\"Symbol\"/></w:rPr>")));
    fl_styles_resolve_run(s, "Sym", &si);
    assert_true(si.symbol_font);
    assert_string_equal(si.symbol_font_name, "Symbol");
    assert_false(si.vanish);
    fl_styles_resolve_run(s, "Wd", &si);
    assert_true(si.symbol_font);
    assert_string_equal(si.symbol_font_name, "Wingdings 2");
    fl_styles_resolve_run(s, "SymTheme", &si); /* theme fonts override the inherited Symbol */
    assert_false(si.symbol_font);
    assert_null(si.symbol_font_name);
    fl_styles_resolve_run(s, "Hid", &si);
    assert_true(si.vanish);
    fl_styles_resolve_run(s, "Shown", &si);
    assert_false(si.vanish);
    /* Paragraph style fonts reach runs without a character style ... */
    fl_styles_resolve_run_in(s, "SymPara", NULL, &si);
    assert_true(si.symbol_font);
    /* ... and a character style's theme fonts win over them. */
    fl_styles_resolve_run_in(s, "SymPara", "SymTheme", &si);
    assert_false(si.symbol_font);
    assert_string_equal(si.name, "SymTheme");
    fl_styles_resolve_run_in(s, NULL, "Hid", &si);
    assert_true(si.vanish);
    fl_styles_free(s);

    s = parse(STYLES("<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Wingdings\"/>"
                     "<w:vanish w:val=\"0\"/></w:rPr></w:rPrDefault></w:docDefaults>" NORMAL
                     "<w:style w:type=\"character\" w:styleId=\"Ar\"><w:name w:val=\"Ar\"/>"
                     "<w:rPr><w:rFonts w:ascii=\"Arial\"/></w:rPr></w:style>"));
    fl_styles_resolve_run(s, NULL, &si);
    assert_true(si.symbol_font);
    assert_string_equal(si.symbol_font_name, "Wingdings");
    fl_styles_resolve_run(s, "Ar", &si);
    assert_false(si.symbol_font);
    resolve(s, "a");
    assert_true(si.symbol_font);
    assert_false(si.vanish);
    fl_styles_free(s);
}

static void test_mce_in_styles(void **state)
{
    (void)state;
    fl_styles *s = parse(STYLES(NORMAL
        "<mc:AlternateContent><mc:Choice Requires=\"w14\">"
        PSTYLE("New", "heading 2", OUTLINE(1)) "</mc:Choice>"
        "<mc:Fallback>" PSTYLE("New", "Fallback name", "") "</mc:Fallback></mc:AlternateContent>"
        "<w:style w:type=\"paragraph\" w:styleId=\"P\"><w:name w:val=\"P\"/><w:pPr>"
        "<mc:AlternateContent xmlns:zz=\"urn:example:zz\"><mc:Choice Requires=\"zz\">"
        "<w:outlineLvl w:val=\"0\"/></mc:Choice><mc:Fallback><w:outlineLvl w:val=\"4\"/>"
        "</mc:Fallback></mc:AlternateContent></w:pPr></w:style>"));
    resolve(s, "New");
    assert_string_equal(si.name, "heading 2");
    assert_int_equal(si.outline, 2);
    assert_int_equal(resolve(s, "P")->outline, 5);
    fl_styles_free(s);
}

static void test_strict(void **state)
{
    (void)state;
    const char *xml =
        "<w:styles xmlns:w=\"http://purl.oclc.org/ooxml/wordprocessingml/main\">"
        "<w:style w:type=\"paragraph\" w:styleId=\"Heading2\"><w:name w:val=\"heading 2\"/>"
        "<w:pPr><w:outlineLvl w:val=\"1\"/></w:pPr><w:rPr><w:vanish w:val=\"true\"/></w:rPr></w:style></w:styles>";
    fl_styles *s = parse(xml);
    resolve(s, "Heading2");
    assert_int_equal(si.outline, 2);
    assert_int_equal(si.heading_level, 2);
    assert_true(si.vanish);
    fl_styles_free(s);
}

static void test_malformed_and_empty(void **state)
{
    (void)state;
    fl_error err;
    fl_error_clear(&err);
    const char *bad = "<w:styles xmlns:w=\"" W_NS "\"><w:style>";
    assert_null(fl_styles_parse(bad, strlen(bad), &err));
    assert_int_equal(err.code, FL_E_XML);
    assert_non_null(strstr(err.message, "styles.xml"));

    fl_error_clear(&err);
    const char *latin1 = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><w:styles xmlns:w=\"" W_NS "\"/>";
    assert_null(fl_styles_parse(latin1, strlen(latin1), &err));
    assert_int_equal(err.code, FL_E_XML_ENCODING);

    fl_error_clear(&err);
    fl_styles *s = fl_styles_parse(NULL, 0, &err);
    assert_non_null(s);
    assert_int_equal(err.code, FL_OK);
    resolve(s, "Heading1");
    assert_null(si.name);
    assert_int_equal(si.outline, 0);
    assert_int_equal(si.heading_level, 0);
    assert_int_equal(si.num_id, -1);
    assert_int_equal(si.ilvl, -1);
    assert_false(si.vanish);
    fl_styles_free(s);
    s = fl_styles_from_node(NULL);
    assert_non_null(s);
    fl_styles_free(s);
    fl_styles_free(NULL);
    fl_styles_resolve(NULL, "x", &si);
    assert_int_equal(si.num_id, -1);
}

static void test_word2003(void **state)
{
    (void)state;
    const char *xml =
        "<w:wordDocument xmlns:w=\"http://schemas.microsoft.com/office/word/2003/wordml\""
        " xmlns:wx=\"http://schemas.microsoft.com/office/word/2003/auxHint\"><w:styles>"
        "<w:versionOfBuiltInStylenames w:val=\"4\"/>"
        "<w:style w:type=\"paragraph\" w:default=\"on\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/>"
        "<w:rPr><wx:font wx:val=\"Times New Roman\"/></w:rPr></w:style>"
        "<w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:name w:val=\"heading 1\"/>"
        "<wx:uiName wx:val=\"标题 1\"/><w:basedOn w:val=\"Normal\"/><w:pPr><w:pStyle w:val=\"Heading1\"/>"
        "<w:listPr><w:ilvl w:val=\"0\"/><w:ilfo w:val=\"2\"/></w:listPr><w:outlineLvl w:val=\"0\"/></w:pPr></w:style>"
        "<w:style w:type=\"paragraph\" w:styleId=\"Sub\"><w:name w:val=\"Sub\"/><w:basedOn w:val=\"Heading1\"/></w:style>"
        "<w:style w:type=\"character\" w:styleId=\"Hidden\"><w:name w:val=\"Hidden\"/>"
        "<w:rPr><w:vanish w:val=\"on\"/><w:rFonts w:ascii=\"Symbol\"/></w:rPr></w:style>"
        "<w:style w:type=\"character\" w:styleId=\"Shown\"><w:name w:val=\"Shown\"/><w:basedOn w:val=\"Hidden\"/>"
        "<w:rPr><w:vanish w:val=\"off\"/></w:rPr></w:style>"
        "</w:styles></w:wordDocument>";
    fl_error err;
    fl_error_clear(&err);
    xmlDoc *doc = fl_xml_read(xml, strlen(xml), "w2003.xml", &err);
    assert_non_null(doc);
    fl_styles *s = fl_styles_from_node(fl_xml_child(xmlDocGetRootElement(doc), FL_NS_W2003, "styles"));
    xmlFreeDoc(doc); /* the model owns copies */
    assert_non_null(s);
    assert_string_equal(resolve(s, NULL)->name, "Normal");
    resolve(s, "Sub");
    assert_int_equal(si.outline, 1);
    assert_int_equal(si.heading_level, 1);
    assert_int_equal(si.num_id, 2);
    assert_int_equal(si.ilvl, 0);
    fl_styles_resolve_run(s, "Hidden", &si);
    assert_true(si.vanish);
    assert_true(si.symbol_font);
    fl_styles_resolve_run(s, "Shown", &si);
    assert_false(si.vanish);
    fl_styles_free(s);
}

static void test_fixture(void **state)
{
    (void)state;
    const char *dir = getenv("FL_FIXTURES");
    char path[1024];
    snprintf(path, sizeof path, "%s/parts/styles-zhword.xml", dir ? dir : "fixtures");
    FILE *f = fopen(path, "rb");
    if (!f) fail_msg("cannot open %s", path);
    static char xml[65536];
    size_t len = fread(xml, 1, sizeof xml, f);
    fclose(f);
    fl_error err;
    fl_error_clear(&err);
    fl_styles *s = fl_styles_parse(xml, len, &err);
    assert_non_null(s);

    assert_string_equal(resolve(s, NULL)->name, "Normal");
    assert_int_equal(fl_styles_heading_level(resolve(s, "1"), -1), 1);
    assert_int_equal(si.num_id, 1);
    assert_int_equal(fl_styles_heading_level(resolve(s, "2"), -1), 2);
    assert_int_equal(si.ilvl, 1);
    assert_int_equal(fl_styles_heading_level(resolve(s, "3"), -1), 3);
    assert_int_equal(si.outline, 0);
    assert_true(resolve(s, "a3")->is_title);
    assert_int_equal(fl_styles_heading_level(&si, -1), 0);
    assert_true(resolve(s, "a5")->is_title);
    assert_true(resolve(s, "TOC1")->is_toc);
    assert_true(resolve(s, "TOC")->is_toc);
    assert_int_equal(si.num_id, 0);
    assert_int_equal(fl_styles_heading_level(resolve(s, "a6"), -1), 1);
    assert_string_equal(si.name, "一级标题");
    assert_false(si.symbol_font); /* docDefaults use theme fonts */
    fl_styles_resolve_run(s, "a8", &si);
    assert_true(si.symbol_font);
    assert_string_equal(si.name, "单位符号");
    fl_styles_resolve_run(s, "a9", &si);
    assert_true(si.vanish);
    fl_styles_resolve_run(s, "10", &si);
    assert_false(si.vanish);
    assert_false(si.symbol_font);
    fl_styles_free(s);
}

int main(void)
{
    fl_xml_init();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_chinese_word_heading),
        cmocka_unit_test(test_localised_names),
        cmocka_unit_test(test_outline_only_custom_style),
        cmocka_unit_test(test_npm_docx_heading),
        cmocka_unit_test(test_cycles_and_depth),
        cmocka_unit_test(test_toc_styles),
        cmocka_unit_test(test_title_styles),
        cmocka_unit_test(test_outline_body_text),
        cmocka_unit_test(test_libreoffice_numbered_heading),
        cmocka_unit_test(test_defaults_and_unknown),
        cmocka_unit_test(test_run_properties),
        cmocka_unit_test(test_mce_in_styles),
        cmocka_unit_test(test_strict),
        cmocka_unit_test(test_malformed_and_empty),
        cmocka_unit_test(test_word2003),
        cmocka_unit_test(test_fixture),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
