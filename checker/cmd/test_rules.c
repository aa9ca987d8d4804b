/* `filinglint test-rules [RULESET...]`: run every rule's embedded examples
 * (the shipped rulesets, or the files and folders named). One line per
 * example that misbehaves, "ruleset.xml:LINE: RULE: reason" with the
 * example's line, then "N passed, N failed". Exit 1 on any failure, 3 when a
 * ruleset does not load.
 *
 * It also reads each ruleset file again to see that every message a report
 * can show has its English twin with the same placeholders: <message> and
 * <message-en>, and each attribute named *message (message=,
 * missing-message=) and its *message-en. A rule of the shipped rulesets
 * without one fails, since an English report would show it in Chinese; in
 * other rulesets it is a warning. Placeholders that differ always fail: one
 * language would say less than the other. */
#define _XOPEN_SOURCE 700 /* realpath */
#include "cmd/cmd.h"
#include "core/buf.h"
#include "core/i18n.h"
#include "core/xmlsafe.h"
#include "rules/engine.h"
#include "rules/ruleset.h"
#include "rules/selftest.h"
#include "rules/suppress.h"
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#pragma GCC diagnostic ignored "-Wformat-nonliteral" /* rows of core/i18n.def */

static const struct option long_opts[] = {
    {"verbose", no_argument, NULL, 'v'},
    {"lang", required_argument, NULL, FL_OPT_LANG},
    {"help", no_argument, NULL, 'h'},
    {NULL, 0, NULL, 0},
};

/* ---- every message in English too ----------------------------------------------- */

/* The placeholders of a message, sorted and each once: "{count} {item}". */
static void placeholders(const char *msg, fl_buf *out)
{
    const char *names[64];
    size_t lens[64], n = 0;
    for (const char *p = msg ? strchr(msg, '{') : NULL; p && n < 64; p = strchr(p + 1, '{')) {
        const char *q = p + 1;
        while ((*q >= 'a' && *q <= 'z') || *q == '_' || (*q >= '0' && *q <= '9')) q++;
        if (*q != '}' || q == p + 1) continue;
        size_t len = (size_t)(q - p - 1), at = n;
        bool dup = false;
        for (size_t i = 0; i < n && !dup; i++) dup = lens[i] == len && !memcmp(names[i], p + 1, len);
        if (dup) continue;
        while (at > 0) { /* insertion: few placeholders */
            size_t m = lens[at - 1] < len ? lens[at - 1] : len;
            int c = memcmp(names[at - 1], p + 1, m);
            if (c < 0 || (c == 0 && lens[at - 1] < len)) break;
            names[at] = names[at - 1], lens[at] = lens[at - 1];
            at--;
        }
        names[at] = p + 1, lens[at] = len;
        n++;
    }
    fl_buf_clear(out);
    fl_buf_adds(out, "");
    for (size_t i = 0; i < n; i++) fl_buf_printf(out, "%s{%.*s}", i ? " " : "", (int)lens[i], names[i]);
}

typedef struct en_check {
    const char *path;
    bool shipped;
    size_t failed, warned;
} en_check;

static char *prop(const xmlNode *n, const char *name) { return (char *)xmlGetProp(n, (const xmlChar *)name); }

static const xmlNode *child_named(const xmlNode *n, const char *name)
{
    for (const xmlNode *c = n ? n->children : NULL; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE && !strcmp((const char *)c->name, name)) return c;
    return NULL;
}

static void missing(en_check *k, const char *rule, const xmlNode *at, fl_msg fmt, const char *zh, const char *en)
{
    if (!k->shipped) fputs(fl_tr(FL_M_TR_WARNING), stdout);
    printf(fl_tr(fmt), k->path, (int)xmlGetLineNo(at), rule, zh, en);
    if (k->shipped) k->failed++;
    else k->warned++;
}

static void compare(en_check *k, const char *rule, const xmlNode *at, const char *zh_name, const char *zh,
                    const char *en_name, const char *en)
{
    fl_buf a = FL_BUF_INIT, b = FL_BUF_INIT;
    placeholders(zh, &a);
    placeholders(en, &b);
    if (strcmp(a.data, b.data)) {
        printf(fl_tr(FL_M_TR_PLACEHOLDERS), k->path, (int)xmlGetLineNo(at), rule, en_name,
               b.len ? b.data : fl_tr(FL_M_TR_NONE), zh_name, a.len ? a.data : fl_tr(FL_M_TR_NONE));
        k->failed++;
    }
    fl_buf_free(&a);
    fl_buf_free(&b);
}

static void check_element(en_check *k, const char *rule, const xmlNode *e)
{
    if (!strcmp((const char *)e->name, "message")) {
        const xmlNode *en = child_named(e->parent, "message-en");
        char *zh = fl_xml_text(e), *ent = en ? fl_xml_text(en) : NULL;
        if (!en) missing(k, rule, e, FL_M_TR_NO_EN, "message", "message-en");
        else compare(k, rule, en, "<message>", zh, "<message-en>", ent);
        if (zh) xmlFree(zh);
        if (ent) xmlFree(ent);
    }
    for (const xmlAttr *a = e->properties; a; a = a->next) {
        const char *name = (const char *)a->name;
        size_t len = strlen(name);
        if (len < 7 || strcmp(name + len - 7, "message")) continue;
        char en_name[96];
        snprintf(en_name, sizeof en_name, "%s-en", name);
        char *zh = prop(e, name), *en = prop(e, en_name);
        if (!en) missing(k, rule, e, FL_M_TR_NO_EN_ATTR, name, en_name);
        else compare(k, rule, e, name, zh, en_name, en);
        if (zh) xmlFree(zh);
        if (en) xmlFree(en);
    }
    for (const xmlNode *c = e->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE) check_element(k, rule, c);
}

static void check_rules_in(en_check *k, const xmlNode *n)
{
    for (const xmlNode *c = n ? n->children : NULL; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE) continue;
        if (strcmp((const char *)c->name, "rule")) {
            check_rules_in(k, c);
            continue;
        }
        char *id = prop(c, "id");
        check_element(k, id ? id : "?", c);
        if (id) xmlFree(id);
    }
}

static bool inside(const char *path, const char *dir)
{
    char a[PATH_MAX], b[PATH_MAX];
    if (!dir || !realpath(path, a) || !realpath(dir, b)) return false;
    size_t n = strlen(b);
    return !strncmp(a, b, n) && a[n] == '/';
}

/* Each ruleset file of set once, and the built-in rules; counts into
 * *failed and *warned. */
static void check_english(const fl_rules *set, size_t *failed, size_t *warned)
{
    for (size_t i = 0; i < FL_LINT_COUNT; i++) {
        const fl_rule *r = &fl_suppress_rules[i];
        if (r->message_en && *r->message_en) continue;
        printf(fl_tr(FL_M_TR_NO_EN), r->ruleset->path, 0, r->id, "message", "message-en");
        (*failed)++;
    }
    char dirbuf[PATH_MAX];
    const char *shipped = fl_rulesets_dir(dirbuf, sizeof dirbuf);
    for (size_t i = 0; i < set->nsets; i++) {
        en_check k = {set->sets[i]->path, inside(set->sets[i]->path, shipped), 0, 0};
        fl_buf b = FL_BUF_INIT;
        fl_error err;
        fl_error_clear(&err);
        if (fl_buf_read_file(&b, k.path, 16u << 20) == 0) {
            xmlDoc *doc = fl_xml_read(b.data ? b.data : "", b.len, k.path, &err);
            if (doc) check_rules_in(&k, (const xmlNode *)doc);
            if (doc) xmlFreeDoc(doc);
        }
        fl_buf_free(&b);
        *failed += k.failed;
        *warned += k.warned;
    }
}

int fl_cmd_test_rules(int argc, char **argv)
{
    bool verbose = false;
    int c;
    optind = 0;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":vh", long_opts, NULL)) != -1) {
        if (c == 'v') verbose = true;
        else if (c == FL_OPT_LANG) {
            int rc = fl_cmd_lang_option(optarg);
            if (rc >= 0) return rc;
        } else if (c == 'h') {
            fputs(fl_tr(FL_M_TR_USAGE), stdout);
            return 0;
        } else if (c == ':') return fl_cmd_usage_error(fl_tr(FL_M_NEEDS_VALUE), argv[optind - 1]);
        else return fl_cmd_unknown_option(argv, long_opts);
    }
    fl_rules set;
    fl_error err;
    fl_rules_init(&set);
    fl_error_clear(&err);
    if (fl_rules_load_all(&set, optind == argc, argv + optind, (size_t)(argc - optind), &err)) {
        fl_error_print(&err);
        fl_rules_free(&set);
        return 3;
    }
    fl_lint *lint = fl_lint_new(&set);
    size_t passed = 0, failed = 0;
    for (size_t i = 0; i < set.nrules; i++) {
        const fl_rule *r = set.all[i];
        for (size_t k = 0; k < r->nexamples; k++) {
            const fl_example *ex = &r->examples[k];
            fl_result res;
            char why[1024] = "";
            fl_result_init(&res);
            bool ok = fl_example_check(lint, r, ex, &res, why, sizeof why);
            fl_result_free(&res);
            if (ok) {
                passed++;
                if (verbose)
                    printf(fl_tr(FL_M_TR_OK), r->ruleset->path, ex->line, r->id, fl_tr(ex->fail ? FL_M_TR_FAIL_EX : FL_M_TR_PASS_EX));
            } else {
                failed++;
                fl_buf t = FL_BUF_INIT;
                printf("%s:%d: %s: %s\n", r->ruleset->path, ex->line, r->id, fl_tr_text(fl_lang_get(), why, &t));
                fl_buf_free(&t);
            }
        }
    }
    size_t warned = 0;
    check_english(&set, &failed, &warned);
    if (warned) printf(fl_tr(FL_M_TR_TOTAL_WARN), passed, failed, warned, warned == 1 ? "" : "s");
    else printf(fl_tr(FL_M_TR_TOTAL), passed, failed);
    fl_lint_free(lint);
    fl_rules_free(&set);
    return failed ? 1 : 0;
}
