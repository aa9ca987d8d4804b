/* Parsing a <ruleset> element into rules: attributes, messages, conditions,
 * severity overrides, examples, and the kind element handed to its kind. The
 * checks here give the precise message for the mistakes rule writers make
 * (a misspelt severity, a placeholder the kind does not fill, a rule without
 * both kinds of example). */
#include "rules/parse_helpers.h"
#include "rules/kind.h"
#include "core/buf.h"
#include "core/date.h"
#include "core/norm.h"
#include "model/form.h"
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* ---- rules --------------------------------------------------------------- */

static bool valid_id(const char *id)
{
    size_t i = 0;
    while (id[i] >= 'A' && id[i] <= 'Z') i++;
    if (i == 0 || !id[i]) return false;
    while (id[i] >= '0' && id[i] <= '9') i++;
    return id[i] == '\0';
}

static const fl_rule *find_rule(fl_loader *ld, const char *id, const fl_rule *upto)
{
    const fl_rule *r = fl_rules_find(ld->set, id);
    if (r) return r;
    for (const fl_rule *q = ld->rs->rules; q && q < upto; q++)
        if (!strcmp(q->id, id)) return q;
    return NULL;
}

static int check_doc_types(fl_loader *ld, const xmlNode *n, const char **v, size_t k, fl_error *err)
{
    for (size_t i = 0; i < k; i++)
        if (!fl_doc_type_known(v[i])) {
            fl_buf known = FL_BUF_INIT;
            fl_doc_type_list(&known, " ");
            int rc = fl_loader_error(err, ld, n, "unknown document type '%s' (%s)", v[i], known.data);
            fl_buf_free(&known);
            return rc;
        }
    return 0;
}

/* "缺少{name}章节" -> "缺少…章节", a summary for `rules` when none is given. */
static const char *placeholders_elided(fl_loader *ld, const char *msg)
{
    fl_buf b = FL_BUF_INIT;
    for (const char *p = msg; *p;) {
        const char *q = p + 1;
        while (*p == '{' && ((*q >= 'a' && *q <= 'z') || *q == '_' || (*q >= '0' && *q <= '9'))) q++;
        if (*p == '{' && *q == '}' && q > p + 1) {
            fl_buf_adds(&b, "…");
            p = q + 1;
        } else {
            fl_buf_addc(&b, *p++);
        }
    }
    const char *r = fl_arena_strndup(&ld->rs->arena, b.data ? b.data : "", b.len);
    fl_buf_free(&b);
    return r;
}

static int parse_int_attr(fl_loader *ld, const xmlNode *n, const char *attr, int *out, fl_error *err)
{
    const char *s = fl_loader_attr(ld, n, attr);
    if (!s) return 0;
    char *end;
    long v = strtol(s, &end, 10);
    if (*end || v < 1 || v > 1000000) return fl_loader_error(err, ld, n, "%s must be a positive number, not '%s'", attr, s);
    *out = (int)v;
    return 0;
}

static const struct { const char *name; fl_mark_kind kind; } rev_kinds[] = {
    {"ins", FL_MARK_INS}, {"del", FL_MARK_DEL}, {"move-to", FL_MARK_MOVE_TO}, {"move-from", FL_MARK_MOVE_FROM}};

static int parse_mark(fl_loader *ld, const xmlNode *c, fl_mark *m, fl_error *err)
{
    memset(m, 0, sizeof *m);
    m->line = 1;
    if (parse_int_attr(ld, c, "line", &m->line, err)) return -1;
    m->author = fl_loader_attr(ld, c, "author");
    m->date = fl_loader_attr(ld, c, "date");
    if (fl_xml_named(c, "comment")) {
        m->kind = FL_MARK_COMMENT;
        m->text = fl_loader_text(ld, c);
    } else if (fl_xml_named(c, "placeholder")) {
        m->kind = FL_MARK_PLACEHOLDER;
    } else {
        const char *k = fl_loader_attr(ld, c, "kind");
        size_t i = 0, n = sizeof rev_kinds / sizeof *rev_kinds;
        while (i < n && !(k && !strcmp(k, rev_kinds[i].name))) i++;
        if (i == n) return fl_loader_error(err, ld, c, "revision kind must be ins, del, move-to or move-from");
        m->kind = rev_kinds[i].kind;
    }
    return 0;
}

static int parse_example_parts(fl_loader *ld, const xmlNode *el, fl_example *ex, fl_error *err)
{
    size_t nprops = 0, nmarks = 0, nothers = 0;
    for (const xmlNode *c = fl_xml_first(el); c; c = fl_xml_next(c)) {
        if (fl_xml_named(c, "prop")) nprops++;
        else if (fl_xml_named(c, "other")) nothers++;
        else if (!fl_xml_named(c, "text")) nmarks++;
    }
    ex->props = fl_loader_alloc(ld, (nprops + 1) * sizeof *ex->props);
    ex->marks = fl_loader_alloc(ld, (nmarks + 1) * sizeof *ex->marks);
    ex->others = fl_loader_alloc(ld, (nothers + 1) * sizeof *ex->others);
    for (const xmlNode *c = fl_xml_first(el); c; c = fl_xml_next(c)) {
        if (fl_xml_named(c, "text")) {
            ex->text = fl_loader_block_text(ld, c);
        } else if (fl_xml_named(c, "prop")) {
            fl_prop_pair *p = &ex->props[ex->nprops++];
            p->name = fl_loader_attr(ld, c, "name");
            p->value = fl_loader_text(ld, c);
            if (!p->name) return fl_loader_error(err, ld, c, "<prop> needs a name");
        } else if (fl_xml_named(c, "other")) {
            fl_example_other *o = &ex->others[ex->nothers++];
            o->name = fl_loader_attr(ld, c, "name");
            o->text = fl_loader_block_text(ld, c);
            if (!o->name || !*o->name) return fl_loader_error(err, ld, c, "<other> needs a name (the other filing's path)");
            if (!o->text) o->text = "";
        } else if (fl_xml_named(c, "revision") || fl_xml_named(c, "comment") || fl_xml_named(c, "placeholder")) {
            if (parse_mark(ld, c, &ex->marks[ex->nmarks++], err)) return -1;
        } else {
            return fl_loader_error(err, ld, c, "unexpected <%s> in an example", (const char *)c->name);
        }
    }
    return 0;
}

static int parse_example(fl_loader *ld, const xmlNode *el, fl_example *ex, fl_error *err)
{
    memset(ex, 0, sizeof *ex);
    ex->line = fl_loader_line(el);
    const char *type = fl_loader_attr(ld, el, "type");
    if (!type || (strcmp(type, "fail") && strcmp(type, "pass")))
        return fl_loader_error(err, ld, el, "example type must be \"fail\" (the rule must report it) or \"pass\"");
    ex->fail = !strcmp(type, "fail");
    ex->doc_type = fl_loader_attr(ld, el, "doc-type");
    if (ex->doc_type && check_doc_types(ld, el, &ex->doc_type, 1, err)) return -1;
    ex->as_of = fl_loader_attr(ld, el, "as-of");
    fl_date d;
    if (ex->as_of && fl_date_iso_parse(&d, ex->as_of))
        return fl_loader_error(err, ld, el, "as-of must be a date YYYY-MM-DD, not '%s'", ex->as_of);
    ex->item = fl_loader_attr(ld, el, "item");
    if (parse_int_attr(ld, el, "count", &ex->count, err) || parse_int_attr(ld, el, "line", &ex->at_line, err))
        return -1;
    if (!ex->fail && (ex->count || ex->item || ex->at_line))
        return fl_loader_error(err, ld, el, "count, item and line describe the findings of a fail example");
    if (fl_xml_first(el)) {
        if (parse_example_parts(ld, el, ex, err)) return -1;
    } else {
        ex->text = fl_loader_block_text(ld, el);
    }
    if (!ex->text) ex->text = "";
    return 0;
}

static int parse_cond(fl_loader *ld, const xmlNode *c, fl_cond *cond, fl_error *err)
{
    const char *field = fl_loader_attr(ld, c, "field");
    if (!field) return fl_loader_error(err, ld, c, "<when> needs field=\"...\"");
    cond->field = fl_norm_label(&ld->rs->arena, field, strlen(field));
    if (fl_loader_pattern_attr(ld, c, "matches", &cond->matches, err)) return -1;
    const char *missing = fl_loader_attr(ld, c, "missing");
    if (missing && strcmp(missing, "run") && strcmp(missing, "skip"))
        return fl_loader_error(err, ld, c, "missing must be \"run\" or \"skip\"");
    cond->run_if_missing = missing && !strcmp(missing, "run");
    return 0;
}

static int parse_sev_override(fl_loader *ld, const xmlNode *c, fl_sev_override *o, fl_error *err)
{
    o->doc_type = fl_loader_attr(ld, c, "doc-type");
    if (!o->doc_type) return fl_loader_error(err, ld, c, "<severity> needs doc-type=\"...\"");
    if (check_doc_types(ld, c, &o->doc_type, 1, err)) return -1;
    const char *s = fl_loader_text(ld, c);
    if (fl_severity_parse(s, &o->severity))
        return fl_loader_error(err, ld, c, "severity must be error, warning or info, not '%s'", s);
    return 0;
}

static int parse_class(fl_loader *ld, const xmlNode *n, fl_class def, fl_class *out, fl_error *err)
{
    const char *c = fl_loader_attr(ld, n, "class");
    *out = def;
    if (c && fl_class_parse(c, out))
        return fl_loader_error(err, ld, n, "class must be fraud, serious-quality, quality, procedure or none, not '%s'", c);
    return 0;
}

static void basis_set(fl_loader *ld, fl_basis *b, const char *instrument, const char *article)
{
    b->instrument = instrument;
    b->article = article;
    if (*instrument && *article) b->text = fl_arena_printf(&ld->rs->arena, "%s %s", instrument, article);
    else b->text = *instrument ? instrument : article;
}

/* <basis instrument="…" article="…" class="…" since="…" until="…" doc-type="…"/>:
 * a basis cited on the dates and document types it names; class defaults to
 * the rule's. */
static int parse_basis(fl_loader *ld, const xmlNode *c, const fl_rule *r, fl_basis *b, fl_error *err)
{
    memset(b, 0, sizeof *b);
    b->line = fl_loader_line(c);
    const char *instrument = fl_loader_attr(ld, c, "instrument");
    const char *article = fl_loader_attr(ld, c, "article");
    if (!instrument || !*instrument) return fl_loader_error(err, ld, c, "<basis> needs instrument=\"《…》（…令第N号）\"");
    basis_set(ld, b, instrument, article ? article : "");
    if (parse_class(ld, c, r->basis.cls, &b->cls, err) || fl_loader_in_force(ld, c, &b->in_force, err)) return -1;
    b->ndoc_types = fl_loader_list(ld, fl_loader_attr(ld, c, "doc-type"), false, &b->doc_types);
    return check_doc_types(ld, c, b->doc_types, b->ndoc_types, err);
}

static size_t count_children(const xmlNode *el, const char *name)
{
    size_t n = 0;
    for (const xmlNode *c = fl_xml_first(el); c; c = fl_xml_next(c)) n += fl_xml_named(c, name);
    return n;
}

static int parse_rule_attrs(fl_loader *ld, const xmlNode *el, fl_rule *r, fl_error *err)
{
    r->id = fl_loader_attr(ld, el, "id");
    if (!r->id || !valid_id(r->id))
        return fl_loader_error(err, ld, el, "rule id '%s' must be capital letters then digits (DOC001)", r->id ? r->id : "");
    ld->rule = r;
    const fl_rule *dup = find_rule(ld, r->id, r);
    if (dup) {
        ld->rule = NULL;
        return fl_loader_error(err, ld, el, "duplicate rule id %s (first defined at %s:%d)", r->id,
                               dup->ruleset->path, dup->line);
    }
    const char *sev = fl_loader_attr(ld, el, "severity");
    if (fl_severity_parse(sev, &r->severity))
        return fl_loader_error(err, ld, el, "severity must be error, warning or info, not '%s'", sev ? sev : "");
    r->category = fl_loader_attr(ld, el, "category");
    if (!r->category) r->category = "";
    if (parse_class(ld, el, FL_CLASS_NONE, &r->basis.cls, err)) return -1;
    /* The ruleset's basis-doc is cited only with a clause of the rule; one
     * the rule names itself stands alone too. */
    const char *clause = fl_loader_attr(ld, el, "basis");
    const char *own = fl_loader_attr(ld, el, "basis-doc");
    const char *doc = own ? own : ld->rs->basis_doc;
    bool has_clause = clause && *clause;
    basis_set(ld, &r->basis, (has_clause || own) && doc ? doc : "", has_clause ? clause : "");
    if (fl_loader_in_force(ld, el, &r->in_force, err)) return -1;
    r->unless_sibling = fl_loader_attr(ld, el, "unless-sibling");
    if (r->unless_sibling && check_doc_types(ld, el, &r->unless_sibling, 1, err)) return -1;
    r->nunless_forms = fl_loader_list(ld, fl_loader_attr(ld, el, "unless-form"), false, &r->unless_forms);
    for (size_t k = 0; k < r->nunless_forms; k++)
        if (!fl_form_def_of(r->unless_forms[k]))
            return fl_loader_error(err, ld, el, "unless-form: unknown form '%s' (pre-2021, 2021-pollution, 2021-ecology)",
                                   r->unless_forms[k]);
    const char *ocr = fl_loader_attr(ld, el, "ocr"), *below = fl_loader_attr(ld, el, "ocr-below");
    r->ocr = !ocr ? FL_OCR_JUDGE : !strcmp(ocr, "warn") ? FL_OCR_WARN : !strcmp(ocr, "note") ? FL_OCR_NOTE : FL_OCR_JUDGE;
    r->ocr_below = below ? atoi(below) : FL_OCR_TRUST; /* the schema keeps it 1..100 */
    if (below && !ocr) return fl_loader_error(err, ld, el, "ocr-below needs ocr=\"warn\" or ocr=\"note\"");
    const char *types = fl_loader_attr(ld, el, "doc-type");
    r->ndoc_types = fl_loader_list(ld, types, false, &r->doc_types);
    return check_doc_types(ld, el, r->doc_types, r->ndoc_types, err);
}

static int parse_rule_child(fl_loader *ld, const xmlNode *c, fl_rule *r, fl_error *err)
{
    const fl_kind *kind;
    if (fl_xml_named(c, "message")) r->message = fl_loader_text(ld, c);
    else if (fl_xml_named(c, "message-en")) r->message_en = fl_loader_text(ld, c);
    else if (fl_xml_named(c, "summary")) r->summary = fl_loader_text(ld, c);
    else if (fl_xml_named(c, "description")) r->description = fl_loader_block_text(ld, c);
    else if (fl_xml_named(c, "severity")) return parse_sev_override(ld, c, &r->sev_overrides[r->nsev_overrides++], err);
    else if (fl_xml_named(c, "when")) return parse_cond(ld, c, &r->conds[r->nconds++], err);
    else if (fl_xml_named(c, "example")) return parse_example(ld, c, &r->examples[r->nexamples++], err);
    else if (fl_xml_named(c, "basis")) return parse_basis(ld, c, r, &r->bases[r->nbases++], err);
    else if ((kind = fl_kind_find((const char *)c->name))) {
        if (r->kind) return fl_loader_error(err, ld, c, "a rule has one kind element; <%s> comes after <%s>", kind->name, r->kind->name);
        r->kind = kind;
        return kind->parse(r, c, ld, err);
    } else {
        return fl_loader_error(err, ld, c, "unknown element <%s> in a rule", (const char *)c->name);
    }
    return 0;
}

static int parse_rule(fl_loader *ld, const xmlNode *el, fl_rule *r, fl_error *err)
{
    memset(r, 0, sizeof *r);
    r->ruleset = ld->rs;
    r->line = fl_loader_line(el);
    ld->rule = NULL;
    if (parse_rule_attrs(ld, el, r, err)) return -1;
    r->sev_overrides = fl_loader_alloc(ld, (count_children(el, "severity") + 1) * sizeof *r->sev_overrides);
    r->conds = fl_loader_alloc(ld, (count_children(el, "when") + 1) * sizeof *r->conds);
    r->examples = fl_loader_alloc(ld, (count_children(el, "example") + 1) * sizeof *r->examples);
    r->bases = fl_loader_alloc(ld, (count_children(el, "basis") + 1) * sizeof *r->bases);
    for (const xmlNode *c = fl_xml_first(el); c; c = fl_xml_next(c))
        if (parse_rule_child(ld, c, r, err)) return -1;
    if (!r->kind) return fl_loader_error(err, ld, el, "no kind element (section, mention, forbid, fields, table, package, doc-type-unknown)");
    if (!r->message || !*r->message) return fl_loader_error(err, ld, el, "no <message>");
    if (fl_loader_check_placeholders(ld, el, r, r->message, err) || fl_loader_check_placeholders(ld, el, r, r->message_en, err)) return -1;
    bool fail = false, pass = false;
    for (size_t i = 0; i < r->nexamples; i++) {
        if (r->examples[i].fail) fail = true;
        else pass = true;
    }
    if (!fail || !pass)
        return fl_loader_error(err, ld, el, "needs at least one <example type=\"fail\"> (text the rule must report) and one <example type=\"pass\"> (text it must accept)");
    if (!r->summary) r->summary = placeholders_elided(ld, r->message);
    return 0;
}

/* ---- ruleset ------------------------------------------------------------- */

static bool is_file(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* A data table is named relative to rulesets/data/ ("standards.xml", which
 * must not find the ruleset of that name beside it) or to the ruleset's
 * folder ("data/standards.xml"); a ruleset kept elsewhere (--ruleset) falls
 * back to the shipped tables. NULL when none exists. */
static const char *data_path(fl_loader *ld, const char *file)
{
    if (file[0] == '/') return is_file(file) ? file : NULL;
    const char *p = fl_arena_printf(&ld->rs->arena, "%s/data/%s", ld->dir, file);
    if (is_file(p)) return p;
    p = fl_arena_printf(&ld->rs->arena, "%s/%s", ld->dir, file);
    if (is_file(p)) return p;
    char rel[1100], buf[4096];
    snprintf(rel, sizeof rel, "data/%s", file);
    if (strstr(file, "..") || !fl_rulesets_file(rel, buf, sizeof buf)) return NULL;
    return fl_arena_strdup(&ld->rs->arena, buf);
}

static int add_data(fl_loader *ld, const xmlNode *c, size_t *cap, fl_error *err)
{
    const char *name = fl_loader_attr(ld, c, "name");
    const char *file = fl_loader_attr(ld, c, "file");
    if (!name || !file) return fl_loader_error(err, ld, c, "<data> needs name and file");
    if (ld->rs->ndata == *cap) {
        size_t nc = *cap ? *cap * 2 : 4;
        fl_data_ref *v = fl_loader_alloc(ld, nc * sizeof *v);
        if (ld->rs->ndata) memcpy(v, ld->rs->data, ld->rs->ndata * sizeof *v);
        ld->rs->data = v;
        *cap = nc;
    }
    const char *path = data_path(ld, file);
    if (!path) return fl_loader_error(err, ld, c, "data table %s not found (looked next to the ruleset, in its data/ folder and in the shipped rulesets/data/)", file);
    ld->rs->data[ld->rs->ndata].name = name;
    ld->rs->data[ld->rs->ndata].path = path;
    ld->rs->ndata++;
    return 0;
}

int fl_loader_parse_ruleset(fl_loader *ld, const xmlNode *root, fl_error *err)
{
    fl_ruleset *rs = ld->rs;
    size_t cap_names = 0, cap_data = 0, nrules = 0;
    rs->id = fl_loader_attr(ld, root, "id");
    rs->basis_doc = fl_loader_attr(ld, root, "basis-doc");
    const char *applies = fl_loader_attr(ld, root, "applies-to");
    rs->napplies = fl_loader_list(ld, applies, false, &rs->applies_to);
    if (check_doc_types(ld, root, rs->applies_to, rs->napplies, err)) return -1;
    for (const xmlNode *c = fl_xml_first(root); c; c = fl_xml_next(c)) {
        if (fl_xml_named(c, "pattern")) { if (fl_loader_add_named(ld, c, &cap_names, err)) return -1; }
        else if (fl_xml_named(c, "data")) { if (add_data(ld, c, &cap_data, err)) return -1; }
        else if (fl_xml_named(c, "title")) rs->title = fl_loader_text(ld, c);
        else if (fl_xml_named(c, "rule")) nrules++;
    }
    if (fl_loader_check_named(ld, err)) return -1;
    rs->rules = fl_loader_alloc(ld, (nrules + 1) * sizeof *rs->rules);
    for (const xmlNode *c = fl_xml_first(root); c; c = fl_xml_next(c)) {
        if (!fl_xml_named(c, "rule")) continue;
        if (parse_rule(ld, c, &rs->rules[rs->nrules], err)) return -1;
        rs->nrules++;
    }
    return 0;
}
