/* Kind `package`: what the file carries besides its text — tracked changes
 * (DOC002), review comments (DOC003), and document properties naming an
 * organisation that is neither the 建设单位 nor the 编制单位 (DOC004, a sign
 * that the file started life as someone else's filing).
 *
 *   <package check="revisions"/>
 *   <package check="comments"/>
 *   <package check="properties" names="creator lastModifiedBy company"
 *            organisation="公司|研究院" ignore="Microsoft" fields="建设单位 编制单位"/>
 */
#include "rules/kind.h"
#include "core/buf.h"
#include "core/utf8.h"
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

typedef enum { CHECK_REVISIONS, CHECK_COMMENTS, CHECK_PROPERTIES } check;

typedef struct package {
    check what;
    const char **names;
    size_t nnames;
    const char **fields;
    size_t nfields;
    const fl_pattern *organisation, *ignore;
} package;

static const char *const vars[] = {"count", "author", "text", "field", "value", "expected", NULL};

static int parse(fl_rule *rule, const xmlNode *el, fl_loader *ld, fl_error *err)
{
    package *k = fl_loader_alloc(ld, sizeof *k);
    const char *what = fl_loader_attr(ld, el, "check");
    if (what && !strcmp(what, "revisions")) k->what = CHECK_REVISIONS;
    else if (what && !strcmp(what, "comments")) k->what = CHECK_COMMENTS;
    else if (what && !strcmp(what, "properties")) k->what = CHECK_PROPERTIES;
    else return fl_loader_error(err, ld, el, "check= must be revisions, comments or properties");
    k->nnames = fl_loader_list(ld, fl_loader_attr(ld, el, "names"), false, &k->names);
    k->nfields = fl_loader_list(ld, fl_loader_attr(ld, el, "fields"), true, &k->fields);
    if (fl_loader_pattern_attr(ld, el, "organisation", &k->organisation, err)) return -1;
    if (fl_loader_pattern_attr(ld, el, "ignore", &k->ignore, err)) return -1;
    if (k->what == CHECK_PROPERTIES && (!k->nnames || !k->nfields))
        return fl_loader_error(err, ld, el, "check=\"properties\" needs names=\"...\" (properties) and fields=\"...\" (to compare with)");
    rule->data = k;
    return 0;
}

/* "至多 n 个字…": keeps messages one line long. */
static const char *shorten(fl_arena *a, const char *s, size_t max_cp)
{
    size_t len = strlen(s ? s : "");
    size_t keep = fl_utf8_prefix(s, len, max_cp);
    fl_buf b = FL_BUF_INIT;
    for (size_t i = 0; i < keep; i++) fl_buf_addc(&b, (s[i] == '\n' || s[i] == '\r') ? ' ' : s[i]);
    if (keep < len) fl_buf_adds(&b, "…");
    const char *r = fl_arena_strndup(a, b.data ? b.data : "", b.len);
    fl_buf_free(&b);
    return r;
}

static void add_author(fl_buf *b, const char *author, size_t *n)
{
    if (!author || !*author || *n >= 5) return;
    char needle[256];
    snprintf(needle, sizeof needle, "、%s、", author);
    fl_buf probe = FL_BUF_INIT;
    fl_buf_printf(&probe, "、%s、", b->data ? b->data : "");
    bool seen = strstr(probe.data, needle) != NULL;
    fl_buf_free(&probe);
    if (seen) return;
    if (b->len) fl_buf_adds(b, "、");
    fl_buf_adds(b, author);
    (*n)++;
}

static void run_revisions(fl_scan *s)
{
    const fl_doc *doc = fl_scan_doc(s);
    size_t count = doc->nrevisions, nauthors = 0;
    int first = -1;
    fl_buf authors = FL_BUF_INIT;
    for (size_t i = 0; i < doc->nrevisions; i++) {
        if (first < 0 && doc->revisions[i].block >= 0) first = doc->revisions[i].block;
        add_author(&authors, doc->revisions[i].author, &nauthors);
    }
    if (!count) /* a reader that only flags blocks */
        for (size_t b = 0; b < doc->nblocks; b++)
            if (fl_block_x(doc, &doc->blocks[b])->revision || fl_block_x(doc, &doc->blocks[b])->deletions) {
                count++;
                if (first < 0) first = (int)b;
            }
    if (count) {
        char num[32];
        snprintf(num, sizeof num, "%zu", count);
        fl_hit h = {.block = first, .severity = -1};
        fl_hit_var(&h, "count", num);
        fl_hit_var(&h, "author", fl_arena_strdup(fl_scan_arena(s), authors.data ? authors.data : ""));
        fl_scan_emit(s, &h);
    }
    fl_buf_free(&authors);
}

static void run_comments(fl_scan *s)
{
    const fl_doc *doc = fl_scan_doc(s);
    for (size_t i = 0; i < doc->ncomments; i++) {
        const fl_comment *c = &doc->comments[i];
        fl_hit h = {.block = c->start_block, .severity = -1};
        fl_hit_var(&h, "author", c->author ? c->author : "");
        fl_hit_var(&h, "text", shorten(fl_scan_arena(s), c->text ? c->text : "", 60));
        fl_hit_var(&h, "count", "1");
        fl_scan_emit(s, &h);
    }
}

static bool prop_listed(const package *k, const char *name)
{
    const char *colon = strchr(name, ':');
    const char *local = colon ? colon + 1 : name;
    for (size_t i = 0; i < k->nnames; i++)
        if (!strcasecmp(k->names[i], local) || !strcasecmp(k->names[i], name)) return true;
    return false;
}

static void run_properties(fl_scan *s, const package *k)
{
    const fl_doc *doc = fl_scan_doc(s);
    fl_arena *a = fl_scan_arena(s);
    fl_buf expected = FL_BUF_INIT;
    const char *known[64];
    size_t nknown = 0;
    for (size_t i = 0; i < doc->nfields && nknown < 64; i++)
        for (size_t j = 0; j < k->nfields; j++)
            if (!strcmp(doc->fields[i].name, k->fields[j]) && doc->fields[i].value && *doc->fields[i].value) {
                const char *v = fl_norm_label(a, doc->fields[i].value, strlen(doc->fields[i].value));
                bool dup = false;
                for (size_t q = 0; q < nknown && !dup; q++) dup = !strcmp(known[q], v);
                if (dup || !*v) continue; /* the cover and the table name the same unit */
                known[nknown++] = v;
                if (expected.len) fl_buf_adds(&expected, "、");
                fl_buf_adds(&expected, doc->fields[i].value);
            }
    for (size_t i = 0; nknown && i < doc->nprops && !fl_scan_failed(s); i++) {
        const fl_prop *p = &doc->props[i];
        if (!prop_listed(k, p->name) || !p->value || !*p->value) continue;
        if (k->organisation && fl_scan_test(s, k->organisation, p->value) != 1) continue; /* a person */
        if (k->ignore && fl_scan_test(s, k->ignore, p->value) != 0) continue;
        const char *v = fl_norm_label(a, p->value, strlen(p->value));
        bool ours = false;
        for (size_t j = 0; j < nknown && !ours; j++)
            ours = *known[j] && (strstr(known[j], v) || strstr(v, known[j]));
        if (ours) continue;
        fl_hit h = {.block = -1, .severity = -1};
        fl_hit_var(&h, "field", p->name);
        fl_hit_var(&h, "value", p->value);
        fl_hit_var(&h, "expected", fl_arena_strdup(a, expected.data));
        fl_scan_emit(s, &h);
    }
    fl_buf_free(&expected);
}

static void run(const fl_rule *rule, fl_scan *s)
{
    const package *k = rule->data;
    switch (k->what) {
    case CHECK_REVISIONS: run_revisions(s); break;
    case CHECK_COMMENTS: run_comments(s); break;
    case CHECK_PROPERTIES: run_properties(s, k); break;
    }
}

const fl_kind fl_kind_package = {"package", vars, parse, run, NULL};
