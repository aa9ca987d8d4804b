/* One language per run (core/i18n.h): the table's rows agree in both
 * languages, the language comes from the environment in POSIX order, and
 * phrases composed elsewhere are read back into the language in force. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "core/error.h"
#include "core/i18n.h"

/* The conversions of a format as a string of their types ("sdu"). */
static void conversions(const char *fmt, char *out, size_t cap)
{
    size_t n = 0;
    const char *at = fmt, *conv;
    size_t len;
    char t;
    while ((t = fl_fmt_next(&at, &conv, &len)) && n + 1 < cap) out[n++] = t;
    out[n] = '\0';
}

static void test_rows_agree(void **state)
{
    (void)state;
    for (int id = 0; id < FL_MSG_COUNT; id++) {
        char en[32], zh[32];
        conversions(fl_tr_en((fl_msg)id), en, sizeof en);
        conversions(fl_tr_zh((fl_msg)id), zh, sizeof zh);
        if (strcmp(en, zh)) fail_msg("row %d \"%s\": conversions %s in English, %s in Chinese", id, fl_tr_en((fl_msg)id), en, zh);
        if (!*fl_tr_en((fl_msg)id) || !*fl_tr_zh((fl_msg)id)) fail_msg("row %d is empty in one language", id);
        /* a phrase read back from a text needs some text of its own to be found by */
        if (fl_tr_is_phrase((fl_msg)id) && strspn(fl_tr_en((fl_msg)id), "%s: ") == strlen(fl_tr_en((fl_msg)id)))
            fail_msg("phrase row %d has no words", id);
    }
}

static void test_diag_rows_agree(void **state)
{
    (void)state;
    for (int code = FL_OK + 1; code < FL_DIAG_COUNT; code++) {
        char en[32], zh[32];
        conversions(fl_diag_format((fl_diag)code, false), en, sizeof en);
        conversions(fl_diag_format((fl_diag)code, true), zh, sizeof zh);
        assert_string_equal(en, zh);
        assert_int_equal(strspn(en, "sd"), strlen(en)); /* error.c fills %s and %d only */
    }
}

static void test_environment(void **state)
{
    (void)state;
    const char *var;
    unsetenv("LC_ALL");
    unsetenv("LC_MESSAGES");
    unsetenv("LANG");
    assert_int_equal(fl_lang_from_env(&var), FL_LANG_EN);
    assert_null(var);
    setenv("LANG", "zh_CN.UTF-8", 1);
    assert_int_equal(fl_lang_from_env(&var), FL_LANG_ZH);
    assert_string_equal(var, "LANG");
    setenv("LC_MESSAGES", "C", 1); /* LC_MESSAGES before LANG */
    assert_int_equal(fl_lang_from_env(&var), FL_LANG_EN);
    assert_string_equal(var, "LC_MESSAGES");
    setenv("LC_ALL", "zh_TW.UTF-8", 1); /* LC_ALL before both */
    assert_int_equal(fl_lang_from_env(&var), FL_LANG_ZH);
    setenv("LC_ALL", "", 1); /* empty is unset */
    assert_int_equal(fl_lang_from_env(&var), FL_LANG_EN);
    assert_string_equal(var, "LC_MESSAGES");
    setenv("LC_MESSAGES", "en_US.UTF-8", 1);
    setenv("LANG", "zh_CN.GB18030", 1);
    assert_int_equal(fl_lang_from_env(NULL), FL_LANG_EN);
    unsetenv("LC_ALL");
    unsetenv("LC_MESSAGES");
    unsetenv("LANG");
}

static void test_origins(void **state)
{
    (void)state;
    fl_lang l;
    assert_int_equal(fl_lang_parse("zh", &l), 0);
    assert_int_equal(l, FL_LANG_ZH);
    assert_int_equal(fl_lang_parse("en", &l), 0);
    assert_int_equal(fl_lang_parse("zh_CN", &l), -1);
    assert_int_equal(fl_lang_parse("", &l), -1);
    fl_lang_set(FL_LANG_ZH, FL_LANG_ENV);
    assert_string_equal(fl_tr(FL_M_SEV_ERROR), "错误");
    fl_lang_set(FL_LANG_EN, FL_LANG_CLI);
    fl_lang_set(FL_LANG_ZH, FL_LANG_CONFIG); /* the command line wins over the config file */
    assert_int_equal(fl_lang_get(), FL_LANG_EN);
    assert_int_equal(fl_lang_origin_get(), FL_LANG_CLI);
    assert_string_equal(fl_tr(FL_M_SEV_ERROR), "error");
    fl_lang_set(FL_LANG_ZH, FL_LANG_CLI);
    assert_string_equal(fl_lang_name(fl_lang_get()), "zh");
}

static const char *tr(fl_buf *b, fl_lang lang, const char *s)
{
    fl_buf_clear(b);
    return fl_tr_text(lang, s, b);
}

static void test_read_back(void **state)
{
    (void)state;
    fl_buf b = FL_BUF_INIT;
    /* a whole phrase, either way */
    assert_string_equal(tr(&b, FL_LANG_ZH, "No such file or directory"), "没有那个文件或目录");
    assert_string_equal(tr(&b, FL_LANG_EN, "编制日期未填写"), "The filing's date is left blank");
    /* a filled format: its numbers and names kept, its %s translated when a phrase */
    assert_string_equal(tr(&b, FL_LANG_ZH, "word/document.xml inflates to more than 256 MiB"),
                        "word/document.xml 解压后超过 256 MiB");
    assert_string_equal(tr(&b, FL_LANG_ZH, "a PDF file; filings are read from DOCX, Word XML, text or Markdown"),
                        "PDF 文件，只能检查 DOCX、Word XML、文本或 Markdown 文件");
    assert_string_equal(tr(&b, FL_LANG_ZH, "neither UTF-8 (byte 0xB0 on line 3) nor GB18030 (a character cut at the end) nor UTF-16"),
                        "既不是 UTF-8（字节 0xB0，第 3 行），也不是 GB18030（末尾有不完整的字符）或 UTF-16");
    assert_string_equal(tr(&b, FL_LANG_EN, "应为18位，实为17位"), "should have 18 characters, not 17");
    assert_string_equal(tr(&b, FL_LANG_EN, "第18位校验码应为X"), "the check character (the 18th) should be X");
    /* a text of no row, or already in the language, stays as it is */
    assert_string_equal(tr(&b, FL_LANG_ZH, "inflates"), "inflates");
    assert_string_equal(tr(&b, FL_LANG_ZH, "没有那个文件或目录"), "没有那个文件或目录");
    assert_string_equal(tr(&b, FL_LANG_EN, "No such file or directory"), "No such file or directory");
    assert_string_equal(tr(&b, FL_LANG_ZH, ""), "");
    fl_buf_free(&b);
}

/* A long text that many rows begin like costs bounded work, and comes
 * back as it was when no row matches it whole. */
static void test_bounded(void **state)
{
    (void)state;
    size_t n = 200000;
    char *s = malloc(n + 1);
    for (size_t i = 0; i < n; i++) s[i] = i % 7 == 0 ? ' ' : i % 11 == 0 ? '(' : 'a';
    s[n] = '\0';
    fl_buf b = FL_BUF_INIT;
    clock_t t0 = clock();
    for (int k = 0; k < 20; k++) tr(&b, FL_LANG_ZH, s);
    double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
    assert_string_equal(b.data, s);
    assert_true(secs < 2.0);
    free(s);
    fl_buf_free(&b);
}

static void test_formats(void **state)
{
    (void)state;
    fl_lang_set(FL_LANG_ZH, FL_LANG_CLI);
    assert_string_equal(fl_tr_format("title line %d: %s"), "第 %d 行标题：%s");
    assert_string_equal(fl_tr_format("not a row %d"), "not a row %d");
    fl_lang_set(FL_LANG_EN, FL_LANG_CLI);
    assert_string_equal(fl_tr_format("title line %d: %s"), "title line %d: %s");
}

static void test_errors(void **state)
{
    (void)state;
    fl_error e;
    fl_lang_set(FL_LANG_ZH, FL_LANG_CLI);
    fl_error_set(&e, FL_E_IO, "No such file or directory");
    assert_string_equal(e.message, "无法读取：没有那个文件或目录");
    assert_string_equal(fl_diag_key(e.code), "io"); /* the key does not change */
    fl_error_set(&e, FL_E_XML_DEPTH, 256, "word/document.xml");
    assert_string_equal(e.message, "XML 嵌套超过 256 层：word/document.xml");
    fl_error_set(&e, FL_E_NOT_ZIP, "; a .doc file? save it as .docx");
    assert_string_equal(e.message, "不是 DOCX 文件（没有 ZIP 文件头），可能是 .doc 文件，请另存为 .docx");
    assert_string_equal(fl_tr_strerror(13), "权限不够"); /* EACCES */
    fl_lang_set(FL_LANG_EN, FL_LANG_CLI);
    fl_error_set(&e, FL_E_IO, "No such file or directory");
    assert_string_equal(e.message, "cannot read: No such file or directory");
    fl_error_set(&e, FL_E_XML_DEPTH, 256, "word/document.xml");
    assert_string_equal(e.message, "XML nesting deeper than 256 in word/document.xml");
}

/* fl_error_setf is fl_error_set over the formatted text (a phrase of the
 * table is still found and said in the language in force); fl_error_at also
 * names the file and line. */
static void test_error_helpers(void **state)
{
    (void)state;
    fl_error a, b;
    char line[2048];
    for (int zh = 0; zh < 2; zh++) {
        fl_lang_set(zh ? FL_LANG_ZH : FL_LANG_EN, FL_LANG_CLI);
        fl_error_setf(&a, FL_E_UNSUPPORTED, "%s; filings are read from DOCX, Word XML, text or Markdown", "a PDF file");
        fl_error_set(&b, FL_E_UNSUPPORTED, "a PDF file; filings are read from DOCX, Word XML, text or Markdown");
        assert_string_equal(a.message, b.message);
        fl_error_setf(&a, FL_E_ZIP_LIMIT, "%s inflates to more than %d MiB", "word/document.xml", 256);
        fl_error_set(&b, FL_E_ZIP_LIMIT, "word/document.xml inflates to more than 256 MiB");
        assert_string_equal(a.message, b.message);
    }
    assert_non_null(strstr(a.message, "word/document.xml"));
    fl_lang_set(FL_LANG_EN, FL_LANG_CLI);
    assert_int_equal(fl_error_at(&a, FL_E_RULESET, "rulesets/eia.xml", 12, "rule %s: %s", "EIA101", "bad"), -1);
    assert_string_equal(fl_error_format(&a, line, sizeof line), "rulesets/eia.xml:12: rule EIA101: bad");
    assert_int_equal(fl_error_exit_status(&a), 3);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_rows_agree),
        cmocka_unit_test(test_diag_rows_agree),
        cmocka_unit_test(test_environment),
        cmocka_unit_test(test_origins),
        cmocka_unit_test(test_read_back),
        cmocka_unit_test(test_bounded),
        cmocka_unit_test(test_formats),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_error_helpers),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
