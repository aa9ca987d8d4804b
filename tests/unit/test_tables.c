/* The extension points' tables: readers (input/readers.h), document types
 * (model/doctypes.h), reporters and artifacts (report/report.h). Dispatch,
 * the folder walk, help texts and the check run all read these; a row in
 * the wrong place or a claim that takes the wrong bytes shows here. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cmd/strlist.h"
#include "input/legacy.h"
#include "input/input.h"
#include "input/readers.h"
#include "model/doctypes.h"
#include "report/annotate.h"
#include "report/report.h"

static const char *pick(const char *bytes, size_t len, const char *name, bool text_round)
{
    const fl_reader *r = fl_reader_pick((const unsigned char *)bytes, len, name, text_round);
    return r ? r->name : NULL;
}

static void test_pick(void **state)
{
    (void)state;
    /* packages by their bytes, whatever the name */
    assert_string_equal(pick("PK\x03\x04rest", 8, "报告.txt", false), "docx");
#ifdef FL_HAVE_PDF
    /* a PDF by its header, whatever its name; a text file named .pdf is text */
    assert_string_equal(pick("%PDF-1.7\n", 9, "扫描件.txt", false), "pdf");
    assert_null(pick("项目名称：示例\n", 22, "报告表.pdf", false));
#endif
    static const char flat[] = "\xEF\xBB\xBF <?xml version=\"1.0\"?>\n<!-- made by Word -->\n<pkg:package xmlns:pkg=\"x\">";
    assert_string_equal(pick(flat, sizeof flat - 1, "a.md", false), "flat-opc");
    static const char w2003[] = "<?xml version=\"1.0\"?><?mso-application progid=\"Word.Document\"?><w:wordDocument>";
    assert_string_equal(pick(w2003, sizeof w2003 - 1, "a.xml", false), "word2003");
    /* XML no reader names and text are no package */
    static const char odt[] = "<?xml version=\"1.0\"?><office:document>";
    assert_null(pick(odt, sizeof odt - 1, "a.xml", false));
    assert_null(pick("项目名称", strlen("项目名称"), "a.md", false));
    /* a root element named like a package but no XML declaration: text */
    assert_null(pick("<pkg:package>", 13, "a.xml", false));
    /* the text round: Markdown by its name, everything else text */
    assert_string_equal(pick("# 一、总则", 12, "报告.md", true), "markdown");
    assert_string_equal(pick("# 一、总则", 12, "报告.MARKDOWN", true), "markdown");
    assert_string_equal(pick("# 一、总则", 12, "报告.txt", true), "text");
    assert_string_equal(pick("# 一、总则", 12, "报告", true), "text");
}

static void test_traits(void **state)
{
    (void)state;
    assert_true(fl_reader_find("docx")->word && !fl_reader_find("docx")->text);
    assert_true(fl_reader_find("word2003")->word);
    assert_true(fl_reader_find("markdown")->text && fl_reader_find("markdown")->markdown);
    assert_true(fl_reader_find("text")->text && !fl_reader_find("text")->markdown);
#ifdef FL_HAVE_PDF
    assert_true(!fl_reader_find("pdf")->text && !fl_reader_find("pdf")->word && fl_reader_find("pdf")->claims);
#else
    assert_null(fl_reader_find("pdf"));
#endif
    for (size_t i = 0; i < fl_nreaders; i++) {
        assert_non_null(fl_readers[i]->read);
        assert_true(fl_readers[i]->text || fl_readers[i]->claims || fl_readers[i]->xml_root);
    }
}

static void test_walk(void **state)
{
    (void)state;
    bool head;
    assert_true(fl_reader_walk_name("a/环评报告表.DOCX", &head) && !head);
    assert_true(fl_reader_walk_name("x.docm", &head) && !head);
    assert_true(fl_reader_walk_name("公示.md", &head) && !head);
    assert_true(fl_reader_walk_name("报告.xml", &head) && head);
#ifdef FL_HAVE_PDF
    assert_true(fl_reader_walk_name("扫描件.PDF", &head) && !head);
#else
    assert_false(fl_reader_walk_name("扫描件.pdf", &head));
#endif
    /* no LibreOffice (main sets FL_SOFFICE=none): legacy endings not walked */
    assert_false(fl_reader_walk_name("报告.doc", &head));
    assert_false(fl_reader_walk_name("旧版.wps", &head));
    assert_false(fl_reader_walk_name("x.markdown", &head)); /* read when named, not walked */
    assert_true(fl_reader_walk_head("<?xml version=\"1.0\"?><pkg:package xmlns:pkg="
                                    "\"http://schemas.microsoft.com/office/2006/xmlPackage\">"));
    assert_true(fl_reader_walk_head("<w:wordDocument xmlns:w=\"http://schemas.microsoft.com/office/word/2003/wordml\">"));
    assert_false(fl_reader_walk_head("<?xml version=\"1.0\"?><ruleset id=\"eia\">"));
    assert_false(fl_reader_walk_head("<?xml version=\"1.0\"?><package format=\"3\"><name>ros_pkg</name>"));
    fl_buf b = FL_BUF_INIT;
    fl_reader_extensions(&b, " ");
#ifdef FL_HAVE_PDF
    assert_string_equal(b.data, ".docx .docm .xml .txt .md .pdf");
#else
    assert_string_equal(b.data, ".docx .docm .xml .txt .md");
#endif
    fl_buf_free(&b);
}

static char *slurp(const char *rel, size_t *len)
{
    char path[1024];
    const char *fx = getenv("FL_FIXTURES");
    snprintf(path, sizeof path, "%s/%s", fx ? fx : "fixtures", rel);
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *d = malloc((size_t)n + 1);
    assert_int_equal(fread(d, 1, (size_t)n, f), (size_t)n);
    fclose(f);
    *len = (size_t)n;
    return d;
}

/* The legacy row: which bytes it claims, and what an OLE file's directory
 * says it is (read through the FAT, not by a scan for a name). */
static void test_legacy(void **state)
{
    (void)state;
    static const char odt[] = "PK\x03\x04\x0a\0\0\0\0\0\0\0\0\0\0\0\0\0\x27\0\0\0\x27\0\0\0\x08\0\0\0"
                              "mimetypeapplication/vnd.oasis.opendocument.text";
    static const char ods[] = "PK\x03\x04\x0a\0\0\0\0\0\0\0\0\0\0\0\0\0\x2e\0\0\0\x2e\0\0\0\x08\0\0\0"
                              "mimetypeapplication/vnd.oasis.opendocument.spreadsheet";
    assert_int_equal(fl_legacy_sniff((const unsigned char *)odt, sizeof odt - 1), FL_LEGACY_ODT);
    assert_string_equal(pick(odt, sizeof odt - 1, "a.zip", false), "legacy");
    assert_int_equal(fl_legacy_sniff((const unsigned char *)ods, sizeof ods - 1), FL_LEGACY_NONE);
    assert_string_equal(pick(ods, sizeof ods - 1, "a.ods", false), "docx"); /* which names it as ODF */
    assert_string_equal(pick("{\\rtf1\\ansi", 11, "a.txt", false), "legacy");
    assert_int_equal(fl_legacy_sniff((const unsigned char *)"{\\rt", 4), FL_LEGACY_NONE);
    static const struct { const char *file; fl_cfb_what want; const char *what; } cases[] = {
        {"hostile/legacy.doc", FL_CFB_WORD, ""},
        {"legacy/form-staff.wps", FL_CFB_WORD, ""},
        {"hostile/encrypted.docx", FL_CFB_ENCRYPTED_OOXML, ""},
        {"hostile/ole-other.doc", FL_CFB_OTHER, "an Excel 97-2003 workbook (.xls, or WPS .et)"},
        {"legacy/truncated.doc", FL_CFB_CORRUPT, "truncated (the directory lies past the end)"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        size_t len;
        char *d = slurp(cases[i].file, &len), what[256];
        assert_int_equal(fl_legacy_sniff((const unsigned char *)d, len), FL_LEGACY_CFB);
        assert_int_equal(fl_cfb_identify((const unsigned char *)d, len, what, sizeof what), cases[i].want);
        assert_string_equal(what, cases[i].what);
        /* every prefix is refused or read without reading past it */
        for (size_t cut = 0; cut < len && cut < 4096; cut += 61)
            (void)fl_cfb_identify((const unsigned char *)d, cut, what, sizeof what);
        free(d);
    }
}

static void test_doc_types(void **state)
{
    (void)state;
    assert_true(fl_doc_type_known("eia-form"));
    assert_true(fl_doc_type_known("soil-sign"));
    assert_false(fl_doc_type_known("eia"));
    assert_false(fl_doc_type_known("EIA-FORM"));
    assert_null(fl_doc_type_find(NULL));
    assert_int_equal(fl_doc_type_find("soil-plan")->name, FL_M_TYPE_SOIL_PLAN);
    fl_buf b = FL_BUF_INIT;
    fl_doc_type_list(&b, " ");
    assert_string_equal(b.data, "eia-book eia-form eia-pp soil-plan soil-summary soil-sign");
    fl_buf_free(&b);
    fl_lang_set(FL_LANG_ZH, FL_LANG_CLI);
    assert_string_equal(fl_report_type("eia-pp"), "公众参与说明");
    assert_string_equal(fl_report_type("made-up"), "made-up");
}

static void test_reporters(void **state)
{
    (void)state;
    fl_buf b = FL_BUF_INIT;
    fl_reporter_names(&b, "|");
    assert_string_equal(b.data, "text|json|jsonl|sarif|html|csv");
    fl_buf_free(&b);
    /* only the report that shows document text keeps documents */
    assert_true(fl_reporter_find("html")->needs_doc);
    assert_false(fl_reporter_find("text")->needs_doc);
    assert_false(fl_reporter_find("sarif")->needs_doc);
    assert_null(fl_reporter_find("pdf"));
    assert_true(fl_artifact_annotate.needs_doc);
    assert_string_equal(fl_artifact_annotate.option, "--annotate");
}

/* --select/--ignore comma lists become items once, where they are read. */
static void test_selector_split(void **state)
{
    (void)state;
    fl_strlist l = {0};
    fl_strlist_push_split(&l, "EIA1, DOC ,,  ");
    fl_strlist_push_split(&l, "SOIL3");
    fl_strlist_push_split(&l, "");
    assert_int_equal(l.n, 3);
    assert_string_equal(l.v[0], "EIA1");
    assert_string_equal(l.v[1], "DOC");
    assert_string_equal(l.v[2], "SOIL3");
    fl_strlist_free(&l);
}

int main(void)
{
    setenv("FL_SOFFICE", "none", 1); /* the tables as on a machine without LibreOffice */
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_legacy),
        cmocka_unit_test(test_pick),       cmocka_unit_test(test_traits),    cmocka_unit_test(test_walk),
        cmocka_unit_test(test_doc_types),  cmocka_unit_test(test_reporters), cmocka_unit_test(test_selector_split),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
