/* Unit tests for serve's pure helpers: the file names a browser sends made
 * plain (serve_upload.c), the RFC 6266 Content-Disposition and the CSP with
 * the hashes of a page's inline blocks (serve_pages.c), and the report
 * page's frame. The server itself is tested over HTTP (tests/sh/serve_http.sh)
 * and in a browser (tests/e2e/). Without FL_SERVE there is nothing to test. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#ifdef FL_HAVE_SERVE
#define _XOPEN_SOURCE 700 /* mkdtemp */
#include "cmd/serve_jobs.h"
#include "cmd/serve_pages.h"
#include "cmd/serve_upload.h"
#include "core/error.h"
#include "core/i18n.h"
#include "rules/pattern.h"
#include <getopt.h>
#include <stdlib.h>

static void test_clean_name(void **state)
{
    (void)state;
    static const struct { const char *in, *want; } cases[] = {
        {"报告表.docx", "报告表.docx"},
        {"../../etc/passwd", "passwd"},
        {"C:\\Users\\张工\\Desktop\\实施方案.docx", "实施方案.docx"},
        {"a\"b:c*d?.md", "a_b_c_d_.md"},
        {"line\nbreak\x1b[31m.md", "line_break_[31m.md"},
        {"..", "upload"},
        {".hidden.docx", "hidden.docx"},
        {"-rf.md", "rf.md"},
        {"", "upload"},
        {"dir/", "upload"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char out[200];
        fl_upload_clean_name(cases[i].in, out, sizeof out);
        assert_string_equal(out, cases[i].want);
    }
    /* a long name is cut at 180 bytes on a whole character */
    char longname[700] = "";
    for (int i = 0; i < 100; i++) strcat(longname, "环评");
    strcat(longname, ".docx");
    char out[200];
    fl_upload_clean_name(longname, out, sizeof out);
    assert_int_equal(strlen(out), 180); /* 60 whole three-byte characters */
    fl_upload_clean_name(longname + 1, out, sizeof out); /* starts mid-character: "\\x8e\\xaf评…" */
    assert_true(strlen(out) < sizeof out);
    assert_int_equal(strncmp(out, "\\x8e\\xaf", 8), 0);
    /* 179 bytes of 3-byte characters and one more: the cut one goes */
    char odd[400] = "a";
    for (int i = 0; i < 80; i++) strcat(odd, "评");
    fl_upload_clean_name(odd, out, sizeof out);
    assert_int_equal(strlen(out), 178);
}

static void test_disposition(void **state)
{
    (void)state;
    fl_buf b = FL_BUF_INIT;
    fl_serve_disposition(&b, "报告 \"1\";.docx");
    assert_string_equal(b.data, "attachment; filename=\"______ _1__.docx\"; "
                                "filename*=UTF-8''%E6%8A%A5%E5%91%8A%20%221%22%3B.docx");
    fl_buf_clear(&b);
    fl_serve_disposition(&b, "report.sarif");
    assert_string_equal(b.data, "attachment; filename=\"report.sarif\"; filename*=UTF-8''report.sarif");
    fl_buf_free(&b);
}

static void test_csp(void **state)
{
    (void)state;
    fl_buf b = FL_BUF_INIT;
    const char page[] = "<html><style>\nbody{}\n</style><form onsubmit=\"return false\"></form>"
                        "<p>onload=&quot;x&quot;</p><script>x</script></html>";
    fl_serve_csp(&b, page, sizeof page - 1);
    assert_string_equal(b.data, "default-src 'none'; script-src 'sha256-LXEWQrcmsEQBYnyp+6wy9chTD7GQPMTbAiWHF5IaSIE=' "
                                "'unsafe-hashes' 'sha256-GZIcz60Uwd6wT3vaYke/atSr53TehbYAPepOa3d03Vw='; "
                                "style-src 'sha256-OrBoaOgHKpM7E5sdbFVzvg4GOwbS7qyojeZwhuKtGDM='; img-src 'self' data:; "
                                "form-action 'self'; base-uri 'none'; frame-ancestors 'none'");
    /* no script: none allowed, and an inline handler stays forbidden */
    fl_buf_clear(&b);
    const char plain[] = "<p onclick=\"alert(1)\">x</p>";
    fl_serve_csp(&b, plain, sizeof plain - 1);
    assert_non_null(strstr(b.data, "script-src 'none';"));
    assert_null(strstr(b.data, "unsafe"));
    fl_buf_free(&b);
}

static void test_report_frame(void **state)
{
    (void)state;
    const char report[] = "<html><head><style>\na{}\n</style></head>\n<body>\n<h1>R</h1></body></html>";
    fl_buf b = FL_BUF_INIT;
    fl_serve_page_report(&b, FL_LANG_EN, report, sizeof report - 1, "0123456789abcdef0123456789abcdef", true,
                         "a.docx: not a <ZIP>");
    const char *bar = strstr(b.data, "<div id=\"fl-serve-bar\">");
    assert_non_null(bar);
    assert_true(bar > strstr(b.data, "<body>\n"));
    assert_true(bar < strstr(b.data, "<h1>R</h1>"));
    assert_non_null(strstr(b.data, "#fl-serve-bar{")); /* its style inside the report's own block */
    assert_true(strstr(b.data, "#fl-serve-bar{") < strstr(b.data, "</style>"));
    assert_non_null(strstr(b.data, "href=\"/result/0123456789abcdef0123456789abcdef/annotated\""));
    assert_non_null(strstr(b.data, "a.docx: not a &lt;ZIP&gt;"));
    fl_buf_free(&b);
}

/* A check's child matches with the patterns its parent compiled, JIT code
 * included: the child's copy of that code must run (private mappings are
 * copied on write like the rest of memory). The child reports through its
 * exit status: 0 when the match is where it must be. */
typedef struct jit_job { const fl_pattern *p; } jit_job;

static int match_in_child(void *arg)
{
    const jit_job *j = arg;
    fl_matcher m;
    fl_matcher_init(&m);
    const char text[] = "本项目位于某县工业园区，建设内容包括一条年产5000吨的生产线。";
    size_t ms = 0, me = 0;
    int rc = fl_pattern_find(&m, j->p, text, sizeof text - 1, 0, &ms, &me);
    fl_matcher_fini(&m);
    return rc == 1 && !strncmp(text + ms, "年产5000吨", me - ms) && me - ms == strlen("年产5000吨") ? 0 : 1;
}

static void test_jit_after_fork(void **state)
{
    (void)state;
    fl_pattern p = {0};
    char msg[200];
    assert_int_equal(fl_pattern_compile(&p.code, "年产\\d+吨", msg, sizeof msg), 0);
    size_t jit = 0;
    pcre2_pattern_info(p.code, PCRE2_INFO_JITSIZE, &jit);
    if (!jit) fprintf(stderr, "note: no JIT on this machine; the interpreter's code is tested\n");
    char dir[] = "/tmp/fl-test-serve-XXXXXX";
    assert_non_null(mkdtemp(dir));
    jit_job j = {&p};
    fl_serve_outcome o;
    assert_int_equal(fl_serve_child(dir, 30, match_in_child, &j, &o), 0);
    assert_int_equal(o.end, FL_SERVE_EXITED);
    assert_int_equal(o.code, 0);
    fl_serve_rmtree(dir);
    pcre2_code_free(p.code);
}

/* The shipped rulesets load (and load again, as SIGHUP does, the new set
 * in place of the old one, with as many rules). */
static void test_rules_load(void **state)
{
    (void)state;
    fl_error err;
    fl_error_clear(&err);
    size_t first = 0, again = 0;
    assert_int_equal(fl_serve_rules_load(&first, &err), 0);
    assert_true(first > 50);
    assert_int_equal(fl_serve_rules_load(&again, &err), 0);
    assert_int_equal(again, first);
    fl_serve_rules_free();
    /* a folder with no rulesets: refused with the reason, nothing in place */
    setenv("FILINGLINT_RULESETS", "/nonexistent-fl-rulesets", 1);
    assert_int_equal(fl_serve_rules_load(&again, &err), -1);
    assert_true(err.message[0] != '\0');
    unsetenv("FILINGLINT_RULESETS");
    fl_serve_rules_free();
}

/* A file of the source tree (FL_FIXTURES is its fixtures/ folder). */
static void read_source(fl_buf *b, const char *rel)
{
    const char *fix = getenv("FL_FIXTURES");
    assert_non_null(fix);
    char path[4096];
    snprintf(path, sizeof path, "%s/../%s", fix, rel);
    assert_int_equal(fl_buf_read_file(b, path, (size_t)4 << 20), 0);
}

/* "--name" in text followed by no further letter of a longer option name. */
static bool names_option(const char *text, const char *opt)
{
    size_t n = strlen(opt);
    for (const char *p = strstr(text, opt); p; p = strstr(p + 1, opt)) {
        char next = p[n];
        if (!(next == '-' || (next >= 'a' && next <= 'z'))) return true;
    }
    return false;
}

/* Every option serve accepts is in its --help (both languages), its item
 * of the manual, docs/serve.md and the bash completion: --lang once was
 * accepted and listed nowhere. */
static void test_options_documented(void **state)
{
    (void)state;
    fl_buf man = FL_BUF_INIT, md = FL_BUF_INIT, comp = FL_BUF_INIT;
    read_source(&man, "docs/filinglint.1");
    read_source(&md, "docs/serve.md");
    read_source(&comp, "completion/filinglint.bash");
    /* serve's item of the manual, up to the next command */
    char *item = strstr(man.data, ".It Cm serve");
    assert_non_null(item);
    char *end = strstr(item + 1, "\n.It Cm ");
    if (end) *end = '\0';
    char *opts = strstr(comp.data, "_filinglint_opts_serve=\"");
    assert_non_null(opts);
    char *close = strchr(opts + 24, '"');
    assert_non_null(close);
    *close = '\0';
    size_t n = 0;
    for (const struct option *o = fl_serve_options(); o->name; o++, n++) {
        char longopt[64], manopt[80], shortopt[8];
        snprintf(longopt, sizeof longopt, "--%s", o->name);
        size_t k = (size_t)snprintf(manopt, sizeof manopt, "Fl ");
        for (const char *c = longopt + 1; *c && k + 3 < sizeof manopt; c++) { /* Fl adds one dash; the others are \- */
            if (*c == '-') manopt[k++] = '\\';
            manopt[k++] = *c;
        }
        manopt[k] = '\0';
        if (!names_option(opts, longopt)) fail_msg("%s is not in the completion's _filinglint_opts_serve", longopt);
        if (!strcmp(o->name, "help")) continue; /* what prints the text */
        for (int lang = 0; lang < 2; lang++) {
            const char *usage = fl_tr_in(lang ? FL_LANG_ZH : FL_LANG_EN, FL_M_SV_USAGE);
            if (!names_option(usage, longopt)) fail_msg("%s is not in serve --help (%s)", longopt, lang ? "zh" : "en");
            if (o->val > ' ' && o->val < 127 && o->val != 'h') {
                snprintf(shortopt, sizeof shortopt, "-%c, %s", o->val, longopt);
                if (!strstr(usage, shortopt)) fail_msg("-%c is not in serve --help as '%s'", o->val, shortopt);
            }
        }
        if (!names_option(item, manopt)) fail_msg("%s is not in serve's item of filinglint.1 ('%s')", longopt, manopt);
        if (!names_option(md.data, longopt)) fail_msg("%s is not in docs/serve.md", longopt);
    }
    assert_true(n >= 15);
    fl_buf_free(&man);
    fl_buf_free(&md);
    fl_buf_free(&comp);
}
#endif

int main(void)
{
#ifdef FL_HAVE_SERVE
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_clean_name),
        cmocka_unit_test(test_disposition),
        cmocka_unit_test(test_csp),
        cmocka_unit_test(test_report_frame),
        cmocka_unit_test(test_jit_after_fork),
        cmocka_unit_test(test_rules_load),
        cmocka_unit_test(test_options_documented),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
#else
    puts("skip: built without the web server (FL_SERVE=OFF)");
    return 0;
#endif
}
