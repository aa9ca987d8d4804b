/* Evidence (see evidence.h): a pattern looked for in a document's title
 * lines, named fields and scoped text, one sentence at a time so that a
 * denial in the same sentence can veto the match. */
#include "rules/evidence.h"
#include "model/cover.h"
#include "core/utf8.h"
#include "core/buf.h"
#include "core/memfind.h"
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

/* ---- sentences wrapped over lines ----------------------------------------
 * Text copied out of a PDF keeps the PDF's line breaks: a .txt gives one
 * block per line, so a sentence ("《…调查报告》于2020" / "年8月通过…专家评审。")
 * is cut in two and a pattern looking for both ends within it never sees them
 * together; page markers ("— 3 —", "第 3 页") and the running header (the
 * filing's title line again) land between the halves. Where a block's text
 * stops without a sentence's end, the paragraphs after it are read on as its
 * continuation, those lines skipped: the sentences that cross the break are
 * tried as a whole, each with its own denial. At most WRAP_BLOCKS blocks and
 * WRAP_BYTES bytes a window, so each block is read a bounded number of
 * times: linear. */
#define WRAP_BLOCKS 6
#define WRAP_BYTES 1200

static bool ends_sentence(const fl_norm *n)
{
    size_t e = n->len;
    while (e && n->text[e - 1] == ' ') e--;
    if (!e) return true;
    const char *t = n->text;
    if (t[e - 1] && strchr("!?;:", t[e - 1])) return true;
    /* 。 ！ ？ ； ： are normalised to ASCII but for 。 */
    return e >= 3 && !memcmp(t + e - 3, "\xE3\x80\x82", 3);
}

/* A line a PDF copy puts between a sentence's halves: a page number with
 * its dashes or 第…页, or the document's first line (or a part of it, as a
 * shortened running header) repeated. */
static bool page_furniture(fl_scan *s, int b)
{
    const fl_norm *n = fl_scan_norm(s, b);
    size_t digits = 0, other = 0;
    for (size_t i = 0; i < n->len; i++) {
        unsigned char c = (unsigned char)n->text[i];
        if (c >= '0' && c <= '9') digits++;
        else if (c != ' ' && c != '-' && c != '/') other++;
    }
    if (digits && digits <= 4 && !other) return true;
    if (digits && n->len < 40 && strstr(n->text, "\xE7\xAC\xAC") && strstr(n->text, "\xE9\xA1\xB5")) return true; /* 第 页 */
    if (b == 0) return false;
    const fl_norm *t = fl_scan_norm(s, 0);
    return n->len > 12 && n->len <= t->len && fl_memfind(t->text, t->len, n->text, n->len) != NULL; /* the title, or its tail */
}

/* May block b continue a sentence the block before it left open? A plain
 * paragraph of the same part, not in a table, no heading, no contents entry. */
static bool continuation(const fl_doc *doc, int b)
{
    const fl_block *x = &doc->blocks[b], *prev = &doc->blocks[b - 1];
    return x->kind == FL_BLOCK_PARAGRAPH && !x->table && !(x->flags & (FL_BF_TOC | FL_BF_MERGED)) &&
           x->part == prev->part;
}

/* Sentences of the window starting at block b that cross a line break:
 * 1 when one matches ev and its denial does not, 0 none, -1 a limit. */
static int in_wrapped(fl_scan *s, const fl_evidence *ev, int b)
{
    const fl_doc *doc = fl_scan_doc(s);
    const fl_norm *n = fl_scan_norm(s, b);
    if (ends_sentence(n) || doc->blocks[b].table) return 0;
    fl_buf w = FL_BUF_INIT;
    fl_buf_add(&w, n->text, n->len);
    size_t cut = w.len; /* the first break: a sentence that crosses it is new */
    int used = 1;
    for (int k = b + 1; (size_t)k < doc->nblocks && used < WRAP_BLOCKS && w.len < WRAP_BYTES; k++) {
        if (!continuation(doc, k)) break;
        const fl_norm *m = fl_scan_norm(s, k);
        used++;
        if (page_furniture(s, k)) continue;
        fl_buf_add(&w, m->text, m->len);
        if (ends_sentence(m)) break;
    }
    int rc = 0;
    if (w.len > cut) {
        /* the sentence holding the first break, from the last end before it */
        size_t st = 0, en = w.len;
        for (size_t i = 0; i < cut; i++)
            if ((w.data[i] && strchr("!?;", w.data[i])) || (i + 3 <= cut && !memcmp(w.data + i, "\xE3\x80\x82", 3))) st = i + 1;
        for (size_t i = cut; i < w.len; i++)
            if ((w.data[i] && strchr("!?;", w.data[i])) || (i + 3 <= w.len && !memcmp(w.data + i, "\xE3\x80\x82", 3))) {
                en = i;
                break;
            }
        while (st < cut && ((unsigned char)w.data[st] & 0xC0) == 0x80) st++;
        char *sent = fl_arena_strndup(fl_scan_arena(s), w.data + st, en - st);
        rc = fl_scan_test(s, ev->match, sent);
        if (rc == 1 && ev->unless) {
            int u = fl_scan_test(s, ev->unless, sent);
            rc = u < 0 ? u : !u;
        }
    }
    fl_buf_free(&w);
    return rc;
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
        if ((rc = in_wrapped(s, ev, b)) != 0) {
            if (rc > 0 && at) *at = (fl_evidence_at){b, 0, 0};
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
