/* Evidence (see evidence.h): a pattern looked for in a document's title
 * lines, named fields and scoped text, one sentence at a time so that a
 * denial in the same sentence can veto the match. */
#include "rules/evidence.h"
#include "core/utf8.h"
#include <stdint.h>
#include <string.h>

#define TITLE_BLOCKS 40  /* the cover: a title sits among the first blocks */
#define TITLE_MAX_CP 80

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

static bool has_any(const char *t, const char *const *words, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (strstr(t, words[i])) return true;
    return false;
}

/* A cover line naming the project or the document: short, no colon (a colon
 * makes it a cover field such as 编制单位：…, whose company name may say 修复),
 * no full stop, and naming a 项目, 方案, 报告 or 公示牌. A first heading with
 * nothing before it (pandoc's "# title") is a title too. */
bool fl_evidence_title_line(const fl_doc *doc, size_t i)
{
    static const char *const words[] = {"项目", "方案", "报告", "公示"};
    static const char *const stops[] = {":", "：", "。", "；"};
    if (i >= doc->nblocks) return false;
    const fl_block *b = &doc->blocks[i];
    if ((b->part != FL_PART_BODY && b->part != FL_PART_TEXTBOX) || (b->flags & FL_BF_TOC) || b->table) return false;
    if (!(b->flags & FL_BF_TITLE)) {
        size_t first = doc->nsections ? (size_t)doc->sections[0].block : doc->nblocks;
        if (i >= TITLE_BLOCKS || i > first) return false;
        for (size_t j = 0; i == first && j < i; j++)
            if (doc->blocks[j].len && doc->blocks[j].part == FL_PART_BODY) return false;
    }
    if (!b->len || fl_utf8_count(b->text, b->len) > TITLE_MAX_CP) return false;
    return !has_any(b->text, stops, 4) && has_any(b->text, words, 4);
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
    for (size_t i = 0; i < doc->nblocks && i < TITLE_BLOCKS * 2; i++) {
        if (!fl_evidence_title_line(doc, i)) continue;
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
