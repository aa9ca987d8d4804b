/* numbering.xml reader: number formats, label rendering, shared counters,
 * restarts, overrides, MCE, Word 2003 lists and malformed input. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "input/numbering.h"
#include "core/xmlsafe.h"

#define W_NS "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define NUMBERING(body)                                                                  \
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"                                         \
    "<w:numbering xmlns:w=\"" W_NS "\""                                                  \
    " xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\""          \
    " xmlns:w14=\"http://schemas.microsoft.com/office/word/2010/wordml\""                \
    " mc:Ignorable=\"w14\">" body "</w:numbering>"
#define LVL(i, fmt, text, extra)                                                         \
    "<w:lvl w:ilvl=\"" #i "\"><w:start w:val=\"1\"/><w:numFmt w:val=\"" fmt "\"/>"     \
    "<w:lvlText w:val=\"" text "\"/>" extra "</w:lvl>"
#define ABS(id, levels) "<w:abstractNum w:abstractNumId=\"" #id "\">" levels "</w:abstractNum>"
#define NUM(id, abs, extra) "<w:num w:numId=\"" #id "\"><w:abstractNumId w:val=\"" #abs "\"/>" extra "</w:num>"
#define START_OV(i, v) "<w:lvlOverride w:ilvl=\"" #i "\"><w:startOverride w:val=\"" #v "\"/></w:lvlOverride>"

static char label[256], suffix[16];
static int last_rc;

static fl_numbering *parse(const char *xml)
{
    fl_error err;
    fl_error_clear(&err);
    fl_numbering *n = fl_numbering_parse(xml, strlen(xml), &err);
    assert_non_null(n);
    assert_int_equal(err.code, FL_OK);
    return n;
}

/* Label of the next paragraph at (num_id, ilvl); last_rc keeps the return value. */
static const char *next(fl_numbering *n, int num_id, int ilvl)
{
    last_rc = fl_numbering_next(n, num_id, ilvl, label, sizeof label, suffix, sizeof suffix);
    return label;
}

static void check_row(const char *fmt, const char *const expect[10])
{
    static const int values[10] = {1, 2, 3, 10, 11, 20, 21, 99, 100, 101};
    for (int i = 0; i < 10; i++) {
        char buf[64];
        size_t n = fl_numfmt_render(buf, sizeof buf, fmt, values[i]);
        if (strcmp(buf, expect[i]) != 0)
            fail_msg("%s(%d): got \"%s\", want \"%s\"", fmt, values[i], buf, expect[i]);
        assert_int_equal(n, strlen(expect[i]));
    }
}

/* Values >= 100 follow ONLYOFFICE's Word-compatibility tables (real Word's
 * rendering is unverified): chineseCounting goes digit by digit with ○
 * (U+25CB) as zero, chineseCountingThousand uses 百/千/万 with ○ for a gap,
 * chineseLegalSimplified always writes the digit before 拾 (壹拾) and uses 零. */
static void test_numfmt_table(void **state)
{
    (void)state;
    check_row("decimal", (const char *const[]){"1", "2", "3", "10", "11", "20", "21", "99", "100", "101"});
    check_row("decimalZero", (const char *const[]){"01", "02", "03", "10", "11", "20", "21", "99", "100", "101"});
    check_row("chineseCounting",
              (const char *const[]){"一", "二", "三", "十", "十一", "二十", "二十一", "九十九", "一○○", "一○一"});
    check_row("chineseCountingThousand",
              (const char *const[]){"一", "二", "三", "十", "十一", "二十", "二十一", "九十九", "一百", "一百○一"});
    check_row("taiwaneseCountingThousand",
              (const char *const[]){"一", "二", "三", "十", "十一", "二十", "二十一", "九十九", "一百", "一百○一"});
    check_row("chineseLegalSimplified",
              (const char *const[]){"壹", "贰", "叁", "壹拾", "壹拾壹", "贰拾", "贰拾壹", "玖拾玖", "壹佰", "壹佰零壹"});
    check_row("ideographTraditional",
              (const char *const[]){"甲", "乙", "丙", "癸", "甲", "癸", "甲", "壬", "癸", "甲"});
    check_row("ideographZodiac",
              (const char *const[]){"子", "丑", "寅", "酉", "戌", "未", "申", "寅", "卯", "辰"});
    check_row("decimalEnclosedCircle",
              (const char *const[]){"①", "②", "③", "⑩", "⑪", "⑳", "21", "99", "100", "101"});
    check_row("decimalEnclosedCircleChinese",
              (const char *const[]){"①", "②", "③", "⑩", "⑪", "⑳", "21", "99", "100", "101"});
    check_row("decimalFullWidth",
              (const char *const[]){"１", "２", "３", "１０", "１１", "２０", "２１", "９９", "１００", "１０１"});
    check_row("decimalEnclosedParen",
              (const char *const[]){"⑴", "⑵", "⑶", "⑽", "⑾", "⒇", "21", "99", "100", "101"});
    check_row("decimalEnclosedFullstop",
              (const char *const[]){"⒈", "⒉", "⒊", "⒑", "⒒", "⒛", "21", "99", "100", "101"});
    check_row("ideographDigital",
              (const char *const[]){"一", "二", "三", "一〇", "一一", "二〇", "二一", "九九", "一〇〇", "一〇一"});
    check_row("upperLetter", (const char *const[]){"A", "B", "C", "J", "K", "T", "U", "UUUU", "VVVV", "WWWW"});
    check_row("lowerLetter", (const char *const[]){"a", "b", "c", "j", "k", "t", "u", "uuuu", "vvvv", "wwww"});
    check_row("upperRoman", (const char *const[]){"I", "II", "III", "X", "XI", "XX", "XXI", "XCIX", "C", "CI"});
    check_row("lowerRoman", (const char *const[]){"i", "ii", "iii", "x", "xi", "xx", "xxi", "xcix", "c", "ci"});
    check_row("noSuchFormat", (const char *const[]){"1", "2", "3", "10", "11", "20", "21", "99", "100", "101"});
}

static void test_numfmt_edges(void **state)
{
    (void)state;
    char buf[64];
    fl_numfmt_render(buf, sizeof buf, "chineseCountingThousand", 110);
    assert_string_equal(buf, "一百一十");
    fl_numfmt_render(buf, sizeof buf, "chineseCountingThousand", 1000);
    assert_string_equal(buf, "一千");
    fl_numfmt_render(buf, sizeof buf, "chineseCountingThousand", 1001);
    assert_string_equal(buf, "一千○一");
    fl_numfmt_render(buf, sizeof buf, "chineseCountingThousand", 10001);
    assert_string_equal(buf, "一万○一");
    fl_numfmt_render(buf, sizeof buf, "chineseCountingThousand", 0);
    assert_string_equal(buf, "○");
    fl_numfmt_render(buf, sizeof buf, "chineseLegalSimplified", 10000);
    assert_string_equal(buf, "壹萬");
    fl_numfmt_render(buf, sizeof buf, "decimalFullWidth", 0);
    assert_string_equal(buf, "０");
    assert_int_equal(fl_numfmt_render(buf, sizeof buf, "none", 3), 0);
    assert_string_equal(buf, "");
    assert_int_equal(fl_numfmt_render(buf, sizeof buf, NULL, 7), 1);
    assert_string_equal(buf, "7");
    /* Truncation keeps whole UTF-8 sequences: 十一 is 6 bytes, 4 fit one character. */
    assert_int_equal(fl_numfmt_render(buf, 4, "chineseCounting", 11), 3);
    assert_string_equal(buf, "十");
    assert_int_equal(fl_numfmt_render(buf, 0, "decimal", 5), 0);
}

static void test_chapters(void **state)
{
    (void)state;
    fl_numbering *n = parse(NUMBERING(
        ABS(0, LVL(0, "chineseCountingThousand", "第%1章", "<w:suff w:val=\"space\"/>"))
        NUM(1, 0, "")));
    assert_string_equal(next(n, 1, 0), "第一章");
    assert_int_equal(last_rc, 1);
    assert_string_equal(suffix, " ");
    assert_string_equal(next(n, 1, 0), "第二章");
    for (int i = 3; i < 12; i++) next(n, 1, 0);
    assert_string_equal(label, "第十一章");
    assert_string_equal(next(n, 1, 0), "第十二章");
    fl_numbering_free(n);
}

static void test_islgl(void **state)
{
    (void)state;
    fl_numbering *n = parse(NUMBERING(
        ABS(0, LVL(0, "chineseCounting", "%1、", "<w:suff w:val=\"nothing\"/>")
               LVL(1, "decimal", "%1.%2", "<w:isLgl/>"))
        ABS(1, LVL(0, "chineseCounting", "%1、", "") LVL(1, "decimal", "%1.%2", ""))
        NUM(1, 0, "") NUM(2, 1, "")));
    assert_string_equal(next(n, 1, 0), "一、");
    assert_string_equal(next(n, 1, 1), "1.1");
    assert_string_equal(suffix, "\t"); /* w:suff absent = tab */
    assert_string_equal(next(n, 1, 1), "1.2");
    assert_string_equal(next(n, 1, 0), "二、");
    assert_string_equal(next(n, 1, 1), "2.1");
    /* Without isLgl each placeholder keeps its own level's format. */
    next(n, 2, 0);
    assert_string_equal(next(n, 2, 1), "一.1");
    fl_numbering_free(n);
}

static void test_suffix_nothing(void **state)
{
    (void)state;
    fl_numbering *n = parse(NUMBERING(
        ABS(0, LVL(0, "chineseCounting", "%1、", "<w:suff w:val=\"nothing\"/>")) NUM(1, 0, "")));
    strcpy(suffix, "x");
    assert_string_equal(next(n, 1, 0), "一、");
    assert_int_equal(last_rc, 1);
    assert_string_equal(suffix, "");
    fl_numbering_free(n);
}

static void test_restart_with_start_override(void **state)
{
    (void)state;
    fl_numbering *n = parse(NUMBERING(
        ABS(0, LVL(0, "decimal", "%1.", ""))
        NUM(1, 0, "") NUM(2, 0, START_OV(0, 1)) NUM(3, 0, START_OV(0, 5))));
    assert_string_equal(next(n, 1, 0), "1.");
    assert_string_equal(next(n, 1, 0), "2.");
    assert_string_equal(next(n, 1, 0), "3.");
    assert_string_equal(next(n, 2, 0), "1."); /* first use of a num with startOverride restarts */
    assert_string_equal(next(n, 2, 0), "2.");
    assert_string_equal(next(n, 1, 0), "3."); /* one list: num 1 continues the shared counter */
    assert_string_equal(next(n, 3, 0), "5.");
    assert_string_equal(next(n, 2, 0), "6."); /* no second restart for num 2 */
    fl_numbering_free(n);
}

static void test_shared_counters(void **state)
{
    (void)state;
    fl_numbering *n = parse(NUMBERING(
        ABS(7, LVL(0, "ideographTraditional", "%1.", "")) NUM(4, 7, "") NUM(9, 7, "")));
    assert_string_equal(next(n, 4, 0), "甲.");
    assert_string_equal(next(n, 9, 0), "乙.");
    assert_string_equal(next(n, 4, 0), "丙.");
    fl_numbering_free(n);
}

static void test_lvl_override(void **state)
{
    (void)state;
    fl_numbering *n = parse(NUMBERING(
        ABS(0, LVL(0, "decimal", "%1.", "") LVL(1, "lowerLetter", "%2)", ""))
        NUM(1, 0, "<w:lvlOverride w:ilvl=\"0\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"3\"/>"
                  "<w:numFmt w:val=\"upperRoman\"/><w:lvlText w:val=\"(%1)\"/>"
                  "<w:suff w:val=\"space\"/></w:lvl></w:lvlOverride>")
        NUM(2, 0, "")));
    assert_string_equal(next(n, 1, 0), "(III)");
    assert_string_equal(suffix, " ");
    assert_string_equal(next(n, 1, 0), "(IV)");
    assert_string_equal(next(n, 1, 1), "a)"); /* level 1 is not overridden */
    assert_string_equal(next(n, 2, 0), "5."); /* same list through the plain num */
    fl_numbering_free(n);
}

static void test_deeper_levels_reset(void **state)
{
    (void)state;
    fl_numbering *n = parse(NUMBERING(
        ABS(0, LVL(0, "decimal", "%1", "") LVL(1, "decimal", "%1.%2", "")
               LVL(2, "decimal", "%1.%2.%3", "")
               "<w:lvl w:ilvl=\"3\"><w:start w:val=\"1\"/><w:numFmt w:val=\"lowerLetter\"/>"
               "<w:lvlRestart w:val=\"0\"/><w:lvlText w:val=\"%4)\"/></w:lvl>"
               "<w:lvl w:ilvl=\"4\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/>"
               "<w:lvlRestart w:val=\"1\"/><w:lvlText w:val=\"[%5]\"/></w:lvl>")
        NUM(1, 0, "")));
    const char *expect[][2] = {
        {"0", "1"}, {"1", "1.1"}, {"2", "1.1.1"}, {"2", "1.1.2"}, {"1", "1.2"},
        {"2", "1.2.1"}, {"0", "2"}, {"1", "2.1"}, {"2", "2.1.1"},
    };
    for (size_t i = 0; i < sizeof expect / sizeof expect[0]; i++)
        assert_string_equal(next(n, 1, expect[i][0][0] - '0'), expect[i][1]);
    /* lvlRestart 0: never restarts. */
    assert_string_equal(next(n, 1, 3), "a)");
    assert_string_equal(next(n, 1, 0), "3");
    assert_string_equal(next(n, 1, 3), "b)");
    /* lvlRestart 1: restarts after level 0 only, not after level 1. */
    assert_string_equal(next(n, 1, 4), "[1]");
    assert_string_equal(next(n, 1, 1), "3.1");
    assert_string_equal(next(n, 1, 4), "[2]");
    assert_string_equal(next(n, 1, 0), "4");
    assert_string_equal(next(n, 1, 4), "[1]");
    /* A skipped level shows start-1, like Word's "1.0.1". */
    assert_string_equal(next(n, 1, 2), "4.0.1");
    fl_numbering_free(n);
}

static void test_not_numbered(void **state)
{
    (void)state;
    fl_numbering *n = parse(NUMBERING(
        ABS(0, LVL(0, "none", "", "") LVL(1, "decimal", "%2.", ""))
        ABS(1, LVL(0, "bullet", "\xE2\x97\x8F", ""))
        NUM(1, 0, "") NUM(2, 1, "")));
    strcpy(label, "junk");
    assert_string_equal(next(n, 0, 0), "");
    assert_int_equal(last_rc, 0);
    assert_string_equal(suffix, "");
    assert_string_equal(next(n, 42, 0), ""); /* unknown numId */
    assert_int_equal(last_rc, 0);
    assert_string_equal(next(n, 1, 0), "");  /* numFmt none */
    assert_int_equal(last_rc, 0);
    assert_string_equal(next(n, 1, 1), "1.");
    assert_int_equal(last_rc, 1);
    assert_string_equal(next(n, 1, 5), ""); /* level not defined */
    assert_int_equal(last_rc, 0);
    assert_string_equal(next(n, 2, 0), "\xE2\x97\x8F"); /* bullet: the lvlText character */
    assert_int_equal(last_rc, 1);
    assert_string_equal(suffix, "\t");
    assert_int_equal(fl_numbering_next(NULL, 1, 0, label, sizeof label, suffix, sizeof suffix), 0);
    fl_numbering_free(n);
}

static void test_mce(void **state)
{
    (void)state;
    fl_numbering *n = parse(NUMBERING(
        "<w:abstractNum w:abstractNumId=\"0\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/>"
        "<mc:AlternateContent><mc:Choice Requires=\"w14\">"
        "<w:numFmt w:val=\"custom\" w:format=\"001, 002, 003, ...\"/></mc:Choice>"
        "<mc:Fallback><w:numFmt w:val=\"decimal\"/></mc:Fallback></mc:AlternateContent>"
        "<w:lvlText w:val=\"%1.\"/></w:lvl></w:abstractNum>"
        "<w:abstractNum w:abstractNumId=\"1\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/>"
        "<mc:AlternateContent xmlns:x9=\"urn:example:unknown\"><mc:Choice Requires=\"x9\">"
        "<w:numFmt w:val=\"lowerRoman\"/></mc:Choice>"
        "<mc:Fallback><w:numFmt w:val=\"upperLetter\"/></mc:Fallback></mc:AlternateContent>"
        "<w:lvlText w:val=\"%1\"/></w:lvl></w:abstractNum>"
        "<mc:AlternateContent><mc:Choice Requires=\"w14\">" NUM(3, 1, "") "</mc:Choice>"
        "<mc:Fallback>" NUM(3, 0, "") "</mc:Fallback></mc:AlternateContent>"
        NUM(1, 0, "") NUM(2, 1, "")));
    assert_string_equal(next(n, 1, 0), "001.");
    assert_string_equal(next(n, 1, 0), "002.");
    assert_string_equal(next(n, 2, 0), "A"); /* Choice requires an unknown prefix: Fallback */
    assert_string_equal(next(n, 3, 0), "B"); /* num 3 taken from the Choice only, once */
    fl_numbering_free(n);
}

static void test_style_links(void **state)
{
    (void)state;
    fl_numbering *n = parse(NUMBERING(
        "<w:abstractNum w:abstractNumId=\"5\"><w:styleLink w:val=\"ReportList\"/>"
        LVL(0, "chineseCounting", "%1、", "<w:pStyle w:val=\"Heading1\"/>")
        LVL(1, "decimal", "%1.%2", "<w:isLgl/><w:pStyle w:val=\"Heading2\"/>") "</w:abstractNum>"
        "<w:abstractNum w:abstractNumId=\"6\"><w:numStyleLink w:val=\"ReportList\"/></w:abstractNum>"
        NUM(1, 5, "") NUM(2, 6, "")));
    assert_int_equal(fl_numbering_level_for_style(n, 1, "Heading1"), 0);
    assert_int_equal(fl_numbering_level_for_style(n, 1, "Heading2"), 1);
    assert_int_equal(fl_numbering_level_for_style(n, 2, "Heading2"), 1);
    assert_int_equal(fl_numbering_level_for_style(n, 1, "Normal"), -1);
    assert_int_equal(fl_numbering_level_for_style(n, 9, "Heading1"), -1);
    assert_int_equal(fl_numbering_level_for_style(n, 1, NULL), -1);
    assert_string_equal(next(n, 2, 0), "一、"); /* through numStyleLink */
    assert_string_equal(next(n, 1, 1), "1.1"); /* and the same list as num 1 */
    fl_numbering_free(n);
}

static void test_strict_namespace(void **state)
{
    (void)state;
    const char *xml =
        "<w:numbering xmlns:w=\"http://purl.oclc.org/ooxml/wordprocessingml/main\">"
        ABS(0, LVL(0, "decimalEnclosedCircleChinese", "%1", "")) NUM(1, 0, "") "</w:numbering>";
    fl_numbering *n = parse(xml);
    assert_string_equal(next(n, 1, 0), "①");
    fl_numbering_free(n);
}

static void test_malformed_and_empty(void **state)
{
    (void)state;
    fl_error err;
    fl_error_clear(&err);
    const char *bad = "<w:numbering xmlns:w=\"" W_NS "\"><w:num w:numId=\"1\">";
    assert_null(fl_numbering_parse(bad, strlen(bad), &err));
    assert_int_equal(err.code, FL_E_XML);
    assert_non_null(strstr(err.message, "numbering.xml"));

    fl_error_clear(&err);
    const char *dtd = "<!DOCTYPE x [<!ENTITY a \"b\">]><w:numbering xmlns:w=\"" W_NS "\"/>";
    assert_null(fl_numbering_parse(dtd, strlen(dtd), &err));
    assert_int_equal(err.code, FL_E_XML_DTD);

    fl_error_clear(&err);
    fl_numbering *n = fl_numbering_parse(NULL, 0, &err);
    assert_non_null(n);
    assert_int_equal(err.code, FL_OK);
    assert_string_equal(next(n, 1, 0), "");
    assert_int_equal(last_rc, 0);
    fl_numbering_free(n);
    n = fl_numbering_from_node(NULL);
    assert_non_null(n);
    fl_numbering_free(n);
    fl_numbering_free(NULL);

    /* A well-formed part with another root is an empty model, not an error. */
    n = parse("<other/>");
    assert_string_equal(next(n, 1, 0), "");
    fl_numbering_free(n);
}

static void test_word2003_lists(void **state)
{
    (void)state;
    const char *xml =
        "<w:wordDocument xmlns:w=\"http://schemas.microsoft.com/office/word/2003/wordml\">"
        "<w:lists>"
        "<w:listDef w:listDefId=\"0\"><w:plt w:val=\"Multilevel\"/>"
        "<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:nfc w:val=\"37\"/><w:lvlText w:val=\"%1、\"/>"
        "<w:suff w:val=\"Nothing\"/></w:lvl>"
        "<w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:nfc w:val=\"0\"/><w:lvlText w:val=\"%1.%2\"/>"
        "<w:isLgl/><w:suff w:val=\"Space\"/></w:lvl>"
        "<w:lvl w:ilvl=\"2\"><w:start w:val=\"1\"/><w:nfc w:val=\"30\"/><w:lvlText w:val=\"%3.\"/>"
        "<w:isLgl w:val=\"off\"/></w:lvl></w:listDef>"
        "<w:list w:ilfo=\"1\"><w:ilst w:val=\"0\"/></w:list>"
        "<w:list w:ilfo=\"2\"><w:ilst w:val=\"0\"/>"
        "<w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"1\"/></w:lvlOverride></w:list>"
        "</w:lists></w:wordDocument>";
    fl_error err;
    fl_error_clear(&err);
    xmlDoc *doc = fl_xml_read(xml, strlen(xml), "w2003.xml", &err);
    assert_non_null(doc);
    xmlNode *lists = fl_xml_child(xmlDocGetRootElement(doc), FL_NS_W2003, "lists");
    assert_non_null(lists);
    fl_numbering *n = fl_numbering_from_node(lists);
    xmlFreeDoc(doc); /* the model must not point into the tree */
    assert_string_equal(next(n, 1, 0), "一、");
    assert_string_equal(suffix, "");
    assert_string_equal(next(n, 1, 1), "1.1");
    assert_string_equal(suffix, " ");
    assert_string_equal(next(n, 1, 2), "甲.");
    assert_string_equal(next(n, 1, 0), "二、");
    assert_string_equal(next(n, 2, 0), "一、"); /* ilfo 2 restarts the list */
    fl_numbering_free(n);
}

static char *slurp(const char *name, size_t *len)
{
    const char *dir = getenv("FL_FIXTURES");
    char path[1024];
    snprintf(path, sizeof path, "%s/parts/%s", dir ? dir : "fixtures", name);
    FILE *f = fopen(path, "rb");
    if (!f) fail_msg("cannot open %s", path);
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
    fclose(f);
    buf[n] = '\0';
    *len = (size_t)n;
    return buf;
}

static void test_fixture(void **state)
{
    (void)state;
    size_t len;
    char *xml = slurp("numbering-zhword.xml", &len);
    fl_error err;
    fl_error_clear(&err);
    fl_numbering *n = fl_numbering_parse(xml, len, &err);
    free(xml);
    assert_non_null(n);
    assert_int_equal(fl_numbering_level_for_style(n, 1, "2"), 1);
    assert_string_equal(next(n, 1, 0), "一、");
    assert_string_equal(next(n, 1, 1), "1.1");
    assert_string_equal(next(n, 1, 2), "（1）");
    assert_string_equal(next(n, 1, 2), "（2）");
    assert_string_equal(next(n, 1, 1), "1.2");
    assert_string_equal(next(n, 1, 2), "（1）");
    for (int i = 0; i < 10; i++) next(n, 1, 0);
    assert_string_equal(label, "十一、");
    assert_string_equal(next(n, 2, 0), "①");
    assert_string_equal(next(n, 2, 1), "\xEF\x82\xA7"); /* U+F0A7 Wingdings bullet */
    assert_string_equal(next(n, 2, 0), "②");
    assert_string_equal(next(n, 3, 0), "①"); /* npm docx: a new list is a new num */
    fl_numbering_free(n);
}

int main(void)
{
    fl_xml_init();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_numfmt_table),
        cmocka_unit_test(test_numfmt_edges),
        cmocka_unit_test(test_chapters),
        cmocka_unit_test(test_islgl),
        cmocka_unit_test(test_suffix_nothing),
        cmocka_unit_test(test_restart_with_start_override),
        cmocka_unit_test(test_shared_counters),
        cmocka_unit_test(test_lvl_override),
        cmocka_unit_test(test_deeper_levels_reset),
        cmocka_unit_test(test_not_numbered),
        cmocka_unit_test(test_mce),
        cmocka_unit_test(test_style_links),
        cmocka_unit_test(test_strict_namespace),
        cmocka_unit_test(test_malformed_and_empty),
        cmocka_unit_test(test_word2003_lists),
        cmocka_unit_test(test_fixture),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
