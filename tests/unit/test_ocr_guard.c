/* Unit tests for the OCR guard (rules/engine.c, the rule attributes ocr and
 * ocr-below): a guarded rule's finding in a block OCR read below the
 * threshold is lowered (ocr="warn": an error to a warning; ocr="note": to
 * info) and its message says the confidence; at or above the threshold, in
 * typed text, and for rules without the attribute nothing changes. The
 * shipped EIA504 is tried on the misread the scans show (a check character
 * read wrong in a 统一社会信用代码), the rest on a ruleset held here. */
#include "model/finish.h"
#include "model/load.h"
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "rules/engine.h"
#include "rules/ruleset.h"
#include "lint_fixture.h"

static const char *rules_xml =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<ruleset id=\"o\">\n"
    "  <rule id=\"O001\" severity=\"error\" category=\"demo\" ocr=\"warn\" ocr-below=\"70\">\n"
    "    <message>数字“{match}”</message>\n"
    "    <message-en>number \"{match}\"</message-en>\n"
    "    <forbid match=\"合计[0-9]+\"/>\n"
    "    <example type=\"fail\">合计800</example><example type=\"pass\">合计</example>\n"
    "  </rule>\n"
    "  <rule id=\"O002\" severity=\"info\" category=\"demo\" ocr=\"warn\">\n"
    "    <message>提示“{match}”</message>\n"
    "    <forbid match=\"合计[0-9]+\"/>\n"
    "    <example type=\"fail\">合计800</example><example type=\"pass\">合计</example>\n"
    "  </rule>\n"
    "  <rule id=\"O003\" severity=\"error\" category=\"demo\">\n"
    "    <message>不设防“{match}”</message>\n"
    "    <forbid match=\"合计[0-9]+\"/>\n"
    "    <example type=\"fail\">合计800</example><example type=\"pass\">合计</example>\n"
    "  </rule>\n"
    "</ruleset>\n";

typedef struct two { fixture *own, *eia; } two;

static int setup(void **state)
{
    two *t = calloc(1, sizeof *t);
    *state = t;
    void *st = NULL;
    if (fixture_load(&st, "o.xml", rules_xml)) return -1;
    t->own = st;
    const char *fx = getenv("FL_FIXTURES");
    char path[1200];
    snprintf(path, sizeof path, "%s/../rulesets/eia.xml", fx ? fx : "fixtures");
    st = NULL;
    int rc = fixture_load(&st, path, NULL);
    t->eia = st;
    return rc;
}

static int down(void **state)
{
    two *t = *state;
    void *st = t->own;
    teardown(&st);
    st = t->eia;
    teardown(&st);
    free(t);
    return 0;
}

static fl_doc *md(const char *text)
{
    fl_doc *doc = NULL;
    fl_error err;
    assert_int_equal(fl_doc_load_memory(&doc, "d.md", text, strlen(text), &err), 0);
    return doc;
}

/* Mark every block as OCR'd at conf (< 0: leave them typed). */
static void ocr_all(fl_doc *doc, int conf)
{
    for (size_t i = 0; conf >= 0 && i < doc->nblocks; i++) fl_block_set_ocr(doc, &doc->blocks[i], conf);
}

static void run(fixture *f, const fl_doc *doc, const char *only, const char *type, fl_result *res)
{
    fl_lint_opts o;
    memset(&o, 0, sizeof o);
    o.doc_type = type;
    o.only = fl_rules_find(&f->rules, only);
    assert_non_null(o.only);
    fl_result_init(res);
    fl_lint_run(f->lint, doc, &o, res);
    assert_int_equal(res->nerrors, 0);
}

static void expect(fixture *f, int conf, const char *rule, fl_severity sev, const char *zh, const char *en)
{
    fl_doc *doc = md("年度资金表\n\n合计800\n");
    ocr_all(doc, conf);
    fl_result res;
    run(f, doc, rule, NULL, &res);
    assert_int_equal(res.nfindings, 1);
    assert_int_equal(res.findings[0].severity, sev);
    assert_string_equal(res.findings[0].message, zh);
    if (en) assert_string_equal(res.findings[0].message_en, en);
    fl_result_free(&res);
    fl_doc_free(doc);
}

/* ocr="warn" ocr-below="70": lowered below 70 only; never raised. */
static void test_warn_threshold(void **state)
{
    fixture *f = ((two *)*state)->own;
    expect(f, 65, "O001", FL_SEV_WARNING, "数字“合计800”（此处文字由 OCR 识别，置信度 65：请对照原件核实）",
           "number \"合计800\" (the text was read by OCR with confidence 65: check it against the scan)");
    expect(f, 70, "O001", FL_SEV_ERROR, "数字“合计800”", "number \"合计800\"");
    expect(f, -1, "O001", FL_SEV_ERROR, "数字“合计800”", NULL);
    /* an info finding stays info; default threshold 90 */
    expect(f, 85, "O002", FL_SEV_INFO, "提示“合计800”（此处文字由 OCR 识别，置信度 85：请对照原件核实）", NULL);
    expect(f, 90, "O002", FL_SEV_INFO, "提示“合计800”", NULL);
    /* an unguarded rule judges OCR'd text like typed text */
    expect(f, 20, "O003", FL_SEV_ERROR, "不设防“合计800”", NULL);
}

/* EIA504 (ocr="note"): the engineer's unit's code with its check character
 * misread (its 1 read as 7) is an error when typed, a note when OCR read it at
 * 84, and still an error when OCR read the line clearly (96). */
static void test_credit_code(void **state)
{
    fixture *f = ((two *)*state)->eia;
    static const char *text = "## 编制单位和编制人员情况表\n\n编制单位：江苏清源环境科技有限公司\n\n"
                              "统一社会信用代码：91320505MA7MY4TH9P\n";
    const int confs[] = {-1, 96, 84};
    const fl_severity want[] = {FL_SEV_ERROR, FL_SEV_ERROR, FL_SEV_INFO};
    fl_lint_opts o;
    for (int k = 0; k < 3; k++) {
        fl_doc *doc = md(text);
        ocr_all(doc, confs[k]);
        memset(&o, 0, sizeof o);
        o.doc_type = "eia-form";
        o.only = fl_rules_find(&f->rules, "EIA504");
        o.has_as_of = true;
        o.as_of = (fl_date){2021, 6, 1};
        fl_result res;
        fl_result_init(&res);
        fl_lint_run(f->lint, doc, &o, &res);
        assert_int_equal(res.nfindings, 1);
        assert_int_equal(res.findings[0].severity, want[k]);
        bool noted = strstr(res.findings[0].message, "置信度 84") != NULL;
        assert_true(noted == (k == 2));
        fl_result_free(&res);
        fl_doc_free(doc);
    }
}

/* ocr-below alone is a mistake the loader names. */
static void test_below_needs_mode(void **state)
{
    (void)state;
    static const char *bad = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ruleset id=\"b\">\n"
                             "  <rule id=\"B001\" severity=\"error\" category=\"demo\" ocr-below=\"80\">\n"
                             "    <message>x</message><forbid match=\"x\"/>\n"
                             "    <example type=\"fail\">x</example><example type=\"pass\">y</example>\n  </rule>\n</ruleset>\n";
    fl_rules rules;
    fl_error err;
    fl_rules_init(&rules);
    assert_int_not_equal(fl_rules_load_memory(&rules, "b.xml", bad, strlen(bad), &err), 0);
    assert_non_null(strstr(err.message, "ocr-below"));
    fl_rules_free(&rules);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_warn_threshold),
        cmocka_unit_test(test_credit_code),
        cmocka_unit_test(test_below_needs_mode),
    };
    return cmocka_run_group_tests(tests, setup, down);
}
