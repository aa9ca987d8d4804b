/* Evidence (see evidence.h): a pattern looked for in a document's title
 * lines, named fields and scoped text, one sentence at a time so that a
 * denial in the same sentence can veto the match. */
#include "rules/evidence.h"
#include "model/cover.h"
#include "core/utf8.h"
#include <stdint.h>
#include <string.h>


static const struct { const char *name; unsigned bit; } places[] = {
    {"title", FL_EV_TITLE}, {"fields", FL_EV_FIELDS}, {"text", FL_EV_TEXT},
};

int fl_evidence_parse(fl_evidence *ev, const xmlNode *el, fl_loader *ld, const char *match_attr,
                      unsigned default_in, const fl_scope_spec *scope, fl_error *err)
{
    memset(ev, 0, sizeof *ev);
    if (fl_loader_pattern_attr(ld, el, match_attr, &ev->match, err)) return -1;
    if (fl_loader_pattern_attr(ld, el, "unless", &ev->unless, err)) return -1;
    ev->nfields = fl_loader_list(ld, fl_loader_attr(ld, el, "fields"), true, &ev->fields);
    if (scope) ev->scope = *scope;
    else if (fl_loader_scope(ld, el, &ev->scope, err)) return -1;
    const char *in = fl_loader_attr(ld, el, "in");
    ev->in = in ? 0 : default_in;
    const char **v;
    size_t n = fl_loader_list(ld, in, false, &v);
    for (size_t i = 0; i < n; i++) {
        size_t k = 0;
        while (k < sizeof places / sizeof *places && strcmp(places[k].name, v[i])) k++;
        if (k == sizeof places / sizeof *places)
            return fl_loader_error(err, ld, el, "in= lists title, fields and text, not '%s'", v[i]);
        ev->in |= places[k].bit;
    }
    if (in && !ev->in) return fl_loader_error(err, ld, el, "in= needs title, fields or text");
    if ((ev->in & FL_EV_FIELDS) && in && !ev->nfields)
        return fl_loader_error(err, ld, el, "in=\"fields\" needs fields=\"名称 ...\"");
    if (!ev->nfields) ev->in &= ~FL_EV_FIELDS;
    return 0;
}

bool fl_evidence_field_named(const char *field, const char *const *names, size_t n, const char **unit)
{
    for (size_t i = 0; i < n; i++) {
        size_t m = strlen(names[i]);
        if (strncmp(field, names[i], m)) continue;
        if (field[m] && field[m] != '(') continue;
        if (unit) *unit = field + m;
        return true;
    }
    return false;
}

int fl_evidence_find_in_block(fl_scan *s, const fl_pattern *p, const fl_pattern *unless, int b, size_t from,
                              size_t to, size_t *ms, size_t *me)
{
    const fl_norm *n = fl_scan_norm(s, b);
    if (to > n->len) to = n->len;
    while (from <= to) {
        int rc = fl_scan_find(s, p, b, from, to, ms, me);
        if (rc != 1) return rc;
        if (!unless) return 1;
        size_t ss, se, us, ue;
        fl_scan_sentence(s, b, *ms, &ss, &se);
        rc = fl_scan_find(s, unless, b, ss, se < to ? se : to, &us, &ue);
        if (rc < 0) return rc;
        if (rc == 0) return 1;
        from = se > *ms ? se : *ms + 1; /* the whole sentence is denied: go on after it */
        while (from < n->len && ((unsigned char)n->text[from] & 0xC0) == 0x80) from++;
    }
    return 0;
}

static int in_title(fl_scan *s, const fl_evidence *ev, fl_evidence_at *at)
{
    const fl_doc *doc = fl_scan_doc(s);
    for (size_t i = 0; i < doc->nblocks && i < FL_COVER_TITLE_BLOCKS * 2; i++) {
        if (!fl_cover_title_line(doc, i)) continue;
        size_t ms, me;
        int rc = fl_evidence_find_in_block(s, ev->match, ev->unless, (int)i, 0, SIZE_MAX, &ms, &me);
        if (rc) {
            if (rc > 0 && at) *at = (fl_evidence_at){(int)i, ms, me};
            return rc;
        }
    }
    return 0;
}

static int in_fields(fl_scan *s, const fl_evidence *ev, fl_evidence_at *at)
{
    const fl_doc *doc = fl_scan_doc(s);
    for (size_t i = 0; i < doc->nfields; i++) {
        const fl_field *f = &doc->fields[i];
        if (!f->value || !*f->value || !fl_evidence_field_named(f->name, ev->fields, ev->nfields, NULL)) continue;
        const char *line = fl_arena_printf(fl_scan_arena(s), "%s:%s", f->name, f->value);
        int rc = fl_scan_test(s, ev->match, line);
        if (rc > 0 && ev->unless) {
            int u = fl_scan_test(s, ev->unless, line);
            if (u < 0) return u;
            if (u) continue;
        }
        if (rc) {
            if (rc > 0 && at) *at = (fl_evidence_at){f->block, 0, 0};
            return rc;
        }
    }
    return 0;
}

static int in_text(fl_scan *s, const fl_evidence *ev, fl_evidence_at *at)
{
    const fl_doc *doc = fl_scan_doc(s);
    const fl_scope *sc = fl_scan_scope(s, &ev->scope);
    if (fl_scan_failed(s)) return -1;
    for (size_t i = 0; i < sc->nblocks; i++) {
        int b = sc->blocks[i];
        const fl_block *blk = &doc->blocks[b];
        if ((blk->flags & FL_BF_TOC) || (ev->skip_headings && blk->kind == FL_BLOCK_HEADING)) continue;
        size_t ms, me;
        int rc = fl_evidence_find_in_block(s, ev->match, ev->unless, b, 0, SIZE_MAX, &ms, &me);
        if (rc) {
            if (rc > 0 && at) *at = (fl_evidence_at){b, ms, me};
            return rc;
        }
    }
    return 0;
}

int fl_evidence_find(fl_scan *s, const fl_evidence *ev, fl_evidence_at *at)
{
    int rc = 0;
    if (!ev->match) return 0;
    if (ev->in & FL_EV_FIELDS) rc = in_fields(s, ev, at);
    if (!rc && (ev->in & FL_EV_TITLE)) rc = in_title(s, ev, at);
    if (!rc && (ev->in & FL_EV_TEXT)) rc = in_text(s, ev, at);
    return rc;
}

void fl_evidence_describe(const fl_evidence *ev, const char *what, FILE *out)
{
    if (!ev->match) return;
    fprintf(out, "%s：/%s/，见于", what, ev->match->source);
    const char *sep = "";
    if (ev->in & FL_EV_TITLE) fprintf(out, "%s标题", sep), sep = "、";
    if (ev->in & FL_EV_FIELDS) {
        fprintf(out, "%s字段", sep);
        for (size_t i = 0; i < ev->nfields; i++) fprintf(out, "%s%s", i ? " " : "（", ev->fields[i]);
        fputs("）", out);
        sep = "、";
    }
    if (ev->in & FL_EV_TEXT)
        fprintf(out, "%s%s", sep, ev->scope.heading ? "所在章节正文" : "正文");
    if (ev->unless) fprintf(out, "；同一句中有 /%s/ 时不算", ev->unless->source);
    fputc('\n', out);
}
