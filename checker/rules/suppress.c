/* Suppressions with reasons (see suppress.h): find the filinglint-disable
 * directives of a document, drop the findings they cover, and report the
 * directives that are invalid or hid nothing. */
#include "input/readers.h"
#include "rules/suppress.h"
#include "core/buf.h"
#include "core/utf8.h"
#include <stdlib.h>
#include <string.h>

#define MAX_RULES 16
#define DIRECTIVE "filinglint-disable"

/* Code that follows rule->ruleset (explain, SARIF, HTML) finds a set. */
static const fl_ruleset builtin = {.path = "(built in)", .id = "filinglint", .title = "filinglint built-in rules",
                                   .basis_doc = ""};

const fl_rule fl_suppress_rules[FL_LINT_COUNT] = {
    {.id = "LINT001", .severity = FL_SEV_INFO, .category = "suppression", .basis = {.text = ""},
     .message = "filinglint-disable 缺少规则或理由，未生效",
     .message_en = "filinglint-disable without rules or a reason is not applied",
     .summary = "抑制注释 filinglint-disable 未写明规则或理由，不生效",
     .description = "抑制注释须写明规则和理由，否则不生效。A suppression must name its rules and say why: \"filinglint-disable RULE[,RULE...]: 理由\" "
                    "in a Word comment on the range, or \"<!-- filinglint-disable RULE: 理由 -->\" on its own "
                    "line before the line it concerns in .md/.txt. Without a reason it is not applied.",
     .ruleset = &builtin, .index = (size_t)-1},
    {.id = "LINT002", .severity = FL_SEV_INFO, .category = "suppression", .basis = {.text = ""},
     .message = "filinglint-disable 没有抑制任何问题，可以删除",
     .message_en = "filinglint-disable suppresses nothing; it can go",
     .summary = "抑制注释 filinglint-disable 没有抑制任何问题（已过时）",
     .description = "所列规则在其范围内没有发现问题，可删除该注释。The rules named by this suppression ran and found nothing in the range it covers: "
                    "the text was fixed, or the suppression sits in the wrong place.",
     .ruleset = &builtin, .index = (size_t)-1},
};

typedef struct directive {
    int from, to;     /* covered block indexes, inclusive; from < 0: nothing */
    int at;           /* block it is reported at, -1 = line 1 */
    char rules[MAX_RULES][24];
    size_t nrules;
    bool has_reason;
    size_t hidden;    /* findings it dropped */
} directive;

typedef struct dirvec { directive *v; size_t n, cap; } dirvec;

static size_t skip_space(const char *s, size_t i, size_t len)
{
    while (i < len) {
        if (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r') i++;
        else if (len - i >= 3 && !memcmp(s + i, "\xE3\x80\x80", 3)) i += 3; /* U+3000 */
        else break;
    }
    return i;
}

static bool at_colon(const char *s, size_t i, size_t len, size_t *width)
{
    if (s[i] == ':') { *width = 1; return true; }
    if (len - i >= 3 && !memcmp(s + i, "\xEF\xBC\x9A", 3)) { *width = 3; return true; } /* ： */
    return false;
}

static bool at_separator(const char *s, size_t i, size_t len, size_t *width)
{
    if (s[i] == ',' || s[i] == ' ' || s[i] == '\t') { *width = 1; return true; }
    if (len - i >= 3 && (!memcmp(s + i, "\xEF\xBC\x8C", 3) || !memcmp(s + i, "\xE3\x80\x81", 3))) {
        *width = 3; /* ， 、 */
        return true;
    }
    return false;
}

static void add_rule(directive *d, const char *s, size_t n)
{
    if (!n || d->nrules == MAX_RULES || n >= sizeof d->rules[0]) return;
    for (size_t k = 0; k < n; k++) {
        char c = s[k];
        d->rules[d->nrules][k] = (c >= 'a' && c <= 'z') ? (char)(c - 'a' + 'A') : c;
    }
    d->rules[d->nrules][n] = '\0';
    d->nrules++;
}

/* Parse "filinglint-disable RULES: reason"; false when the text is no
 * directive at all. */
static bool parse(const char *s, size_t len, directive *d)
{
    size_t i = skip_space(s, 0, len), w, dl = strlen(DIRECTIVE);
    if (len - i < dl || memcmp(s + i, DIRECTIVE, dl)) return false;
    i += dl;
    if (i < len && !(s[i] == ' ' || s[i] == '\t' || at_colon(s, i, len, &w) || (unsigned char)s[i] >= 0x80))
        return false; /* filinglint-disable-next-line and the like: not ours */
    while (i < len && !at_colon(s, i, len, &w)) {
        i = skip_space(s, i, len);
        size_t start = i;
        while (i < len && ((s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9')))
            i++;
        add_rule(d, s + start, i - start);
        if (i >= len || at_colon(s, i, len, &w)) break;
        if (!at_separator(s, i, len, &w)) return true; /* not a rule list: no reason either */
        i += w;
    }
    if (i < len && at_colon(s, i, len, &w)) {
        i = skip_space(s, i + w, len);
        d->has_reason = i < len;
    }
    return true;
}

static void push(dirvec *v, const directive *d)
{
    FL_VEC_RESERVE(v->v, v->cap, v->n + 1);
    v->v[v->n++] = *d;
}

static void from_comments(const fl_doc *doc, dirvec *out)
{
    for (size_t i = 0; i < doc->ncomments; i++) {
        const fl_comment *c = &doc->comments[i];
        directive d;
        memset(&d, 0, sizeof d);
        if (!c->text || !parse(c->text, strlen(c->text), &d)) continue;
        d.from = c->start_block;
        d.to = c->end_block < c->start_block ? c->start_block : c->end_block;
        d.at = c->start_block;
        push(out, &d);
    }
}

/* The text between "<!--" and "-->" when the block is such a comment alone. */
static bool html_comment(const fl_block *b, const char **inner, size_t *n)
{
    const char *s = b->text;
    size_t len = b->len, i = skip_space(s, 0, len);
    while (len > i && (s[len - 1] == ' ' || s[len - 1] == '\t' || s[len - 1] == '\r')) len--;
    if (len - i < 7 || memcmp(s + i, "<!--", 4) || memcmp(s + len - 3, "-->", 3)) return false;
    *inner = s + i + 4;
    *n = len - 3 - (i + 4);
    return true;
}

static bool is_directive_line(const fl_block *b)
{
    const char *inner;
    size_t n;
    directive d;
    memset(&d, 0, sizeof d);
    return b->part == FL_PART_BODY && html_comment(b, &inner, &n) && parse(inner, n, &d);
}

/* .md/.txt: a directive line covers every block of the next line that is not
 * itself a directive (so several directives can stand above one line). */
static void from_lines(const fl_doc *doc, dirvec *out)
{
    for (size_t i = 0; i < doc->nblocks; i++) {
        const fl_block *b = &doc->blocks[i];
        const char *inner;
        size_t n;
        directive d;
        memset(&d, 0, sizeof d);
        if (b->part != FL_PART_BODY || !html_comment(b, &inner, &n) || !parse(inner, n, &d)) continue;
        d.at = (int)i;
        d.from = d.to = -1;
        size_t k = i + 1;
        while (k < doc->nblocks && doc->blocks[k].part == FL_PART_BODY && is_directive_line(&doc->blocks[k])) k++;
        if (k < doc->nblocks && doc->blocks[k].part == FL_PART_BODY) {
            d.from = d.to = (int)k;
            while ((size_t)d.to + 1 < doc->nblocks && doc->blocks[d.to + 1].line == doc->blocks[k].line) d.to++;
        }
        push(out, &d);
    }
}

static bool names_rule(const directive *d, const char *id)
{
    for (size_t i = 0; i < d->nrules; i++)
        if (!strncmp(id, d->rules[i], strlen(d->rules[i]))) return true;
    return false;
}

static bool covers(const directive *d, const fl_finding *f)
{
    int b = f->block < 0 ? 0 : f->block; /* the document as a whole sits at line 1 */
    return d->from >= 0 && b >= d->from && b <= d->to && d->has_reason && d->nrules && names_rule(d, f->rule->id);
}

/* Did every rule the directive names run on this document? Only then can
 * "hid nothing" mean the suppression is stale. */
static bool rules_ran(const directive *d, const fl_suppress_opts *o)
{
    if (!o->rules) return false;
    for (size_t i = 0; i < d->nrules; i++) {
        bool ran = false;
        size_t n = strlen(d->rules[i]);
        for (size_t k = 0; k < o->rules->nrules && !ran; k++) {
            const fl_rule *r = o->rules->all[k];
            ran = !strncmp(r->id, d->rules[i], n) && (!o->enabled || o->enabled[r->index]) &&
                  fl_rule_applies(r, o->doc_type);
        }
        if (!ran) return false;
    }
    return true;
}

static const char *excerpt(fl_arena *a, const fl_block *b)
{
    size_t n = fl_utf8_prefix(b->text, b->len, FL_EXCERPT_MAX);
    char *s = fl_arena_strndup(a, b->text, n);
    for (char *p = s; *p; p++)
        if (*p == '\n' || *p == '\r' || *p == '\t') *p = ' ';
    return s;
}

static void report(const fl_doc *doc, fl_result *res, const directive *d, int which)
{
    fl_finding *f = fl_result_add(res);
    const fl_rule *r = &fl_suppress_rules[which];
    f->rule = r;
    f->severity = r->severity;
    f->match = "";
    f->part = FL_PART_BODY;
    f->section = "";
    f->excerpt = "";
    f->line = f->column = f->end_line = f->end_column = 1;
    fl_buf list = FL_BUF_INIT;
    for (size_t i = 0; i < d->nrules; i++) fl_buf_printf(&list, "%s%s", i ? "," : "", d->rules[i]);
    f->item = fl_arena_strndup(&res->arena, list.data ? list.data : "", list.len);
    if (which == FL_LINT_UNUSED) {
        f->message = fl_arena_printf(&res->arena, "filinglint-disable %s 没有抑制任何问题，可以删除", f->item);
        f->message_en = fl_arena_printf(&res->arena, "filinglint-disable %s suppresses nothing; it can go", f->item);
    } else if (!d->nrules) {
        f->message = "filinglint-disable 没有写明规则编号，未生效";
        f->message_en = "filinglint-disable names no rule, so it is not applied";
    } else {
        f->message = fl_arena_printf(&res->arena, "filinglint-disable %s 没有写明理由（应为“规则: 理由”），未生效",
                                     f->item);
        f->message_en = fl_arena_printf(&res->arena,
                                        "filinglint-disable %s gives no reason (write \"RULE: reason\"), so it is not applied",
                                        f->item);
    }
    fl_buf_free(&list);
    if (d->at < 0 || (size_t)d->at >= doc->nblocks) return;
    const fl_block *b = &doc->blocks[d->at];
    f->block = d->at;
    f->line = f->end_line = b->line;
    f->part = b->part;
    f->end_column = (int)fl_utf8_count(b->text, b->len) + 1;
    f->section = fl_arena_strdup(&res->arena, fl_doc_section_path(doc, d->at));
    f->excerpt = excerpt(&res->arena, b);
}

size_t fl_suppress_apply(const fl_doc *doc, fl_result *res, const fl_suppress_opts *o)
{
    dirvec ds = {0};
    from_comments(doc, &ds);
    if (fl_reader_of(doc)->text) from_lines(doc, &ds);
    if (!ds.n) return 0;
    size_t kept = 0, dropped = 0;
    for (size_t i = 0; i < res->nfindings; i++) {
        fl_finding *f = &res->findings[i];
        bool hide = false;
        for (size_t k = 0; k < ds.n; k++)
            if (covers(&ds.v[k], f)) {
                ds.v[k].hidden++;
                hide = true;
            }
        if (hide) dropped++;
        else res->findings[kept++] = *f;
    }
    res->nfindings = kept;
    for (size_t k = 0; k < ds.n; k++) {
        const directive *d = &ds.v[k];
        if (!d->has_reason || !d->nrules) {
            if (o->report[FL_LINT_NO_REASON]) report(doc, res, d, FL_LINT_NO_REASON);
        } else if (!d->hidden && o->report[FL_LINT_UNUSED] && rules_ran(d, o)) {
            report(doc, res, d, FL_LINT_UNUSED);
        }
    }
    free(ds.v);
    fl_result_sort(res);
    return dropped;
}
