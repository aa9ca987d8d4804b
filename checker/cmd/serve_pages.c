/* serve's own pages (serve_cfg.h): the form, sign-in, messages, the rules as
 * text, and the frame around the check's HTML report. Everything here is
 * made by the parent from fixed words and escaped values: no document is
 * read in this file.
 *
 * The pages carry no script: the file input takes dropped files by
 * itself, and the form works without one. The report page's inline
 * <script> and <style> are allowed by their SHA-256 in the page's
 * Content-Security-Policy (fl_serve_csp), so the policy allows nothing
 * else: no other script, no inline handler, no outside resource. */
#ifdef FL_HAVE_SERVE
#include "cmd/serve_pages.h"
#include "core/memfind.h"
#include "corpus/sha256.h"
#include "model/doctypes.h"
#include "report/html_doc.h"
#include "report/report.h"
#include <stdio.h>
#include <string.h>

#pragma GCC diagnostic ignored "-Wformat-nonliteral" /* rows of core/i18n.def */

static const char STYLE[] =
    "body{font-family:\"Noto Sans CJK SC\",\"Microsoft YaHei\",\"PingFang SC\",sans-serif;max-width:46rem;"
    "margin:2rem auto;padding:0 1rem;color:#222;line-height:1.6}\n"
    "h1{font-size:1.5rem}nav{font-size:.9rem;text-align:right}nav a{margin-left:1rem}\n"
    "label{display:block;margin:.8rem 0 .2rem;font-weight:600}\n"
    ".drop{display:block;width:100%;box-sizing:border-box;padding:2.5rem 1rem;border:2px dashed #888;"
    "border-radius:.5rem;background:#f7f7f7;font-size:1rem}\n"
    ".drop:hover,.drop:focus{border-color:#245;background:#eef3f8}\n"
    ".hint{color:#555;font-size:.85rem;font-weight:normal}\n"
    "select,input[type=date],input[type=text],input[type=password]{font-size:1rem;padding:.3rem}\n"
    "button{margin-top:1.2rem;font-size:1.1rem;padding:.5rem 2.5rem;background:#245;color:#fff;border:0;"
    "border-radius:.3rem;cursor:pointer}\n"
    ".err{border-left:4px solid #b00;padding:.4rem .8rem;background:#fdf0f0}\n"
    "pre{white-space:pre-wrap;font-size:.9rem;background:#f7f7f7;padding:.8rem}\n";

static const char *other_lang(fl_lang lang)
{
    return lang == FL_LANG_ZH ? "en" : "zh";
}

static void head(fl_buf *b, fl_lang lang, const char *title)
{
    fl_buf_printf(b, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n"
                     "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>",
                  lang == FL_LANG_ZH ? "zh-CN" : "en");
    fl_html_esc(b, title);
    fl_buf_printf(b, " · filinglint</title>\n<style>\n%s</style>\n</head>\n<body>\n", STYLE);
}

static void nav(fl_buf *b, fl_lang lang, const char *here)
{
    fl_buf_printf(b, "<nav><a href=\"/?lang=%s\">%s</a><a href=\"/rules?lang=%s\">%s</a>"
                     "<a href=\"%s?lang=%s\" lang=\"%s\">%s</a></nav>\n",
                  fl_lang_name(lang), fl_tr_in(lang, FL_M_SV_TITLE), fl_lang_name(lang), fl_tr_in(lang, FL_M_SV_RULES),
                  here, other_lang(lang), other_lang(lang), fl_tr_in(lang, FL_M_SV_OTHER_LANG));
}

static void foot(fl_buf *b)
{
    fl_buf_printf(b, "<footer class=\"hint\">filinglint %s</footer>\n</body>\n</html>\n", FL_VERSION);
}

void fl_serve_page_form(fl_buf *b, const fl_serve_cfg *cfg, fl_lang lang, const char *csrf)
{
    const char *title = fl_tr_in(lang, FL_M_SV_TITLE);
    head(b, lang, title);
    nav(b, lang, "/");
    fl_buf_adds(b, "<h1>");
    fl_html_esc(b, title);
    fl_buf_adds(b, "</h1>\n<p>");
    fl_buf_printf(b, fl_tr_in(lang, FL_M_SV_INTRO), cfg->keep_secs / 60);
    fl_buf_adds(b, "</p>\n<form method=\"post\" action=\"/check\" enctype=\"multipart/form-data\">\n");
    fl_buf_printf(b, "<input type=\"hidden\" name=\"csrf\" value=\"%s\">\n", csrf);
    fl_buf_printf(b, "<input type=\"hidden\" name=\"lang\" value=\"%s\">\n", fl_lang_name(lang));
    fl_buf_printf(b, "<label for=\"file\">%s <span class=\"hint\">(%s)</span></label>\n", fl_tr_in(lang, FL_M_SV_FILES),
                  fl_tr_in(lang, FL_M_SV_DROP));
    fl_buf_adds(b, "<input class=\"drop\" type=\"file\" id=\"file\" name=\"file\" multiple required>\n");
    fl_buf_printf(b, "<label for=\"doc_type\">%s</label>\n<select id=\"doc_type\" name=\"doc_type\">\n"
                     "<option value=\"\">%s</option>\n",
                  fl_tr_in(lang, FL_M_SV_TYPE), fl_tr_in(lang, FL_M_SV_TYPE_AUTO));
    for (size_t i = 0; i < fl_ndoc_types; i++) {
        const fl_doc_type *t = &fl_doc_type_table[i];
        fl_buf_printf(b, "<option value=\"%s\">", t->id);
        fl_html_esc(b, fl_tr_in(lang, t->name));
        fl_buf_printf(b, " (%s)</option>\n", t->id);
    }
    fl_buf_printf(b, "</select>\n<label for=\"as_of\">%s <span class=\"hint\">(%s)</span></label>\n"
                     "<input type=\"date\" id=\"as_of\" name=\"as_of\">\n",
                  fl_tr_in(lang, FL_M_SV_AS_OF), fl_tr_in(lang, FL_M_SV_AS_OF_HINT));
    fl_buf_printf(b, "<div><button type=\"submit\" id=\"check\">%s</button></div>\n</form>\n",
                  fl_tr_in(lang, FL_M_SV_CHECK));
    foot(b);
}

void fl_serve_page_login(fl_buf *b, fl_lang lang, const char *csrf, bool failed)
{
    const char *title = fl_tr_in(lang, FL_M_SV_SIGN_IN);
    head(b, lang, title);
    fl_buf_adds(b, "<h1>");
    fl_html_esc(b, title);
    fl_buf_adds(b, "</h1>\n");
    if (failed) fl_buf_printf(b, "<p class=\"err\">%s</p>\n", fl_tr_in(lang, FL_M_SV_TOKEN_WRONG));
    fl_buf_printf(b, "<form method=\"post\" action=\"/login\">\n<input type=\"hidden\" name=\"csrf\" value=\"%s\">\n"
                     "<input type=\"hidden\" name=\"lang\" value=\"%s\">\n"
                     "<label for=\"token\">%s</label>\n"
                     "<input type=\"password\" id=\"token\" name=\"token\" autocomplete=\"current-password\" "
                     "maxlength=\"%d\" required>\n"
                     "<div><button type=\"submit\">%s</button></div>\n</form>\n",
                  csrf, fl_lang_name(lang), fl_tr_in(lang, FL_M_SV_TOKEN), FL_SERVE_TOKEN_MAX, title);
    foot(b);
}

void fl_serve_page_message(fl_buf *b, fl_lang lang, const char *title, const char *text)
{
    head(b, lang, title);
    nav(b, lang, "/");
    fl_buf_adds(b, "<h1>");
    fl_html_esc(b, title);
    fl_buf_adds(b, "</h1>\n<p class=\"err\">");
    fl_html_esc(b, text);
    fl_buf_adds(b, "</p>\n");
    foot(b);
}

void fl_serve_page_text(fl_buf *b, fl_lang lang, const char *title, const char *text, size_t len)
{
    head(b, lang, title);
    nav(b, lang, "/rules");
    fl_buf_adds(b, "<h1>");
    fl_html_esc(b, title);
    fl_buf_adds(b, "</h1>\n<pre>");
    /* rule ids at the start of a line become links to their explanation */
    size_t i = 0;
    while (i < len) {
        size_t end = i;
        while (end < len && text[end] != '\n') end++;
        size_t id = 0;
        while (i + id < end && ((text[i + id] >= 'A' && text[i + id] <= 'Z') || (text[i + id] >= '0' && text[i + id] <= '9')))
            id++;
        bool rule = id >= 4 && id <= 12 && text[i] >= 'A' && text[i] <= 'Z' && text[i + id - 1] >= '0' &&
                    text[i + id - 1] <= '9' && (i + id == end || text[i + id] == ' ');
        if (rule) {
            fl_buf_printf(b, "<a href=\"/rules/%.*s?lang=%s\">%.*s</a>", (int)id, text + i, fl_lang_name(lang), (int)id,
                          text + i);
            i += id;
        }
        fl_html_esc_n(b, text + i, end - i);
        if (end < len) fl_buf_adds(b, "\n");
        i = end + 1;
    }
    fl_buf_adds(b, "</pre>\n");
    foot(b);
}

/* ---- the report page ---------------------------------------------------------- */

static const char BAR_STYLE[] =
    "#fl-serve-bar{font-family:sans-serif;font-size:.95rem;padding:.5rem .8rem;margin-bottom:1rem;"
    "background:#eef3f8;border:1px solid #cdd;border-radius:.3rem}#fl-serve-bar a{margin-right:1rem}"
    "#fl-serve-bar pre{white-space:pre-wrap;margin:.4rem 0 0;font-size:.85rem}\n";

void fl_serve_page_report(fl_buf *b, fl_lang lang, const char *report, size_t len, const char *id, bool has_docx,
                          const char *notes)
{
    /* the bar goes right after <body>, its style into the report's <style> */
    const char *style = fl_memfind(report, len, "</style>", 8);
    const char *body = fl_memfind(report, len, "<body>\n", 7);
    if (!style || !body || body < style) {
        fl_buf_add(b, report, len);
        return;
    }
    fl_buf_add(b, report, (size_t)(style - report));
    fl_buf_adds(b, BAR_STYLE);
    body += 7;
    fl_buf_add(b, style, (size_t)(body - style));
    fl_buf_printf(b, "<div id=\"fl-serve-bar\"><a href=\"/?lang=%s\">%s</a>", fl_lang_name(lang),
                  fl_tr_in(lang, FL_M_SV_AGAIN));
    if (id) {
        fl_buf_printf(b, "%s ", fl_tr_in(lang, FL_M_SV_DOWNLOADS));
        if (has_docx)
            fl_buf_printf(b, "<a id=\"dl-docx\" href=\"/result/%s/annotated\">%s</a>", id, fl_tr_in(lang, FL_M_SV_ANNOTATED));
        fl_buf_printf(b, "<a id=\"dl-sarif\" href=\"/result/%s/sarif\">SARIF</a>"
                         "<a id=\"dl-json\" href=\"/result/%s/json\">JSON</a>"
                         "<a id=\"dl-csv\" href=\"/result/%s/csv\">CSV</a>"
                         "<a id=\"dl-html\" href=\"/result/%s/html\">HTML</a>",
                      id, id, id, id);
    }
    if (notes && *notes) {
        fl_buf_printf(b, "<pre class=\"fl-serve-notes\">%s\n", fl_tr_in(lang, FL_M_SV_UNREADABLE));
        fl_html_esc(b, notes);
        fl_buf_adds(b, "</pre>");
    }
    fl_buf_adds(b, "</div>\n");
    fl_buf_add(b, body, len - (size_t)(body - report));
}

/* ---- headers ----------------------------------------------------------------- */

static void base64(fl_buf *b, const unsigned char *in, size_t n)
{
    static const char digits[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    for (size_t i = 0; i < n; i += 3) {
        unsigned v = (unsigned)in[i] << 16 | (i + 1 < n ? (unsigned)in[i + 1] << 8 : 0) | (i + 2 < n ? in[i + 2] : 0);
        char q[5] = {digits[v >> 18 & 63], digits[v >> 12 & 63], i + 1 < n ? digits[v >> 6 & 63] : '=',
                     i + 2 < n ? digits[v & 63] : '=', 0};
        fl_buf_adds(b, q);
    }
}

/* 'sha256-…' of every element's content, between "<tag>" and "</tag>". */
static void hashes(fl_buf *out, const char *page, size_t len, const char *open, const char *close)
{
    size_t ol = strlen(open), cl = strlen(close);
    const char *p = page, *end = page + len;
    while ((p = fl_memfind(p, (size_t)(end - p), open, ol))) {
        p += ol;
        const char *q = fl_memfind(p, (size_t)(end - p), close, cl);
        if (!q) break;
        fl_sha256 s;
        unsigned char d[32];
        fl_sha256_init(&s);
        fl_sha256_update(&s, p, (size_t)(q - p));
        fl_sha256_final(&s, d);
        fl_buf_adds(out, " 'sha256-");
        base64(out, d, 32);
        fl_buf_adds(out, "'");
        p = q + cl;
    }
}

/* The report's forms say onsubmit="return false" (its filters are no form
 * to send): 'unsafe-hashes' with the handler's own hash allows that code
 * and nothing else. Every value from a document is escaped ("=&quot;"),
 * so only the report's own markup can have the shape ` onX="`. */
static void handler_hashes(fl_buf *out, const char *page, size_t len)
{
    const char *p = page, *end = page + len;
    char seen[4][64];
    size_t nseen = 0;
    while ((p = fl_memfind(p, (size_t)(end - p), " on", 3))) {
        const char *q = p + 3;
        while (q < end && *q >= 'a' && *q <= 'z') q++;
        p += 3;
        if (q == p || end - q < 2 || q[0] != '=' || q[1] != '"') continue;
        const char *v = q + 2, *close = memchr(v, '"', (size_t)(end - v));
        if (!close) break;
        fl_buf h = FL_BUF_INIT;
        fl_sha256 s;
        unsigned char d[32];
        fl_sha256_init(&s);
        fl_sha256_update(&s, v, (size_t)(close - v));
        fl_sha256_final(&s, d);
        base64(&h, d, 32);
        bool dup = false;
        for (size_t i = 0; i < nseen && !dup; i++) dup = !strcmp(seen[i], h.data);
        if (!dup && nseen < 4) {
            fl_buf_printf(out, "%s 'sha256-%s'", nseen ? "" : " 'unsafe-hashes'", h.data);
            snprintf(seen[nseen++], sizeof seen[0], "%s", h.data);
        }
        fl_buf_free(&h);
        p = close;
    }
}

void fl_serve_csp(fl_buf *out, const char *page, size_t len)
{
    fl_buf_adds(out, "default-src 'none'; script-src");
    size_t before = out->len;
    hashes(out, page, len, "<script>", "</script>");
    if (out->len != before) handler_hashes(out, page, len);
    if (out->len == before) fl_buf_adds(out, " 'none'");
    fl_buf_adds(out, "; style-src");
    before = out->len;
    hashes(out, page, len, "<style>", "</style>");
    if (out->len == before) fl_buf_adds(out, " 'none'");
    fl_buf_adds(out, "; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'");
}

void fl_serve_disposition(fl_buf *b, const char *name)
{
    fl_buf_adds(b, "attachment; filename=\"");
    for (const unsigned char *p = (const unsigned char *)name; *p; p++) /* the ASCII stand-in */
        fl_buf_addc(b, *p >= 0x20 && *p < 0x7f && *p != '"' && *p != '\\' && *p != '/' && *p != ';' ? (char)*p : '_');
    fl_buf_adds(b, "\"; filename*=UTF-8''");
    for (const unsigned char *p = (const unsigned char *)name; *p; p++) {
        if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') || strchr("!#$&+-.^_`|~", *p))
            fl_buf_addc(b, (char)*p);
        else fl_buf_printf(b, "%%%02X", *p);
    }
}
#endif
