/* Byte positions in XML for annotated copies (annotate_xml.h): a SAX pass
 * that records where paragraphs, runs, w:t text, part roots and
 * relationships are, and the splice list that edits the buffer there. */
#include "report/annotate_xml.h"
#include "core/arena.h"
#include "core/utf8.h"
#include "core/limits.h"
#include "core/ns.h"
#include "core/xmlsafe.h"
#include <libxml/parser.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

typedef enum pkind { K_OTHER, K_MAIN, K_COMMENTS, K_RELS, K_TYPES } pkind;
typedef enum fkind { F_OTHER, F_P, F_PPR, F_R, F_RPR, F_T, F_ROOT, F_PART, F_DATA, F_BODY } fkind;

typedef struct frame {
    unsigned char kind;
    bool box;      /* a paragraph child that holds wanted runs */
    bool excl;     /* opened an exclusion (deleted, moved-away, ruby text, MCE) */
    bool empty;    /* written <x/> */
    int para;      /* F_P: ordinal */
    size_t gt;     /* '>' of the start tag (or '/' of "/>") */
    size_t lt;
} frame;

typedef struct run {   /* a w:r of a wanted paragraph */
    size_t lt, gt, rpr0, rpr1, box_lt;
    bool had_content, hidden;
    long last_seg;
    int depth;         /* frame depth of the w:r */
} run;

typedef struct state {
    fl_ax_scan *s;
    xmlParserCtxtPtr ctxt;
    fl_error *err;
    int failed;
    frame *frames; size_t depth, cap_frames;
    int *open_paras; size_t nopen, cap_open;
    run *runs; size_t nruns, cap_runs;
    int excl;
    pkind kind;
    char part[512];
    bool is_main_rels;
    size_t data_depth; /* AX_FLAT: depth of the open pkg:xmlData, 0 outside */
    size_t root_depth; /* depth of the current part's root element */
} state;

static bool is_w(fl_ns ns) { return ns == FL_NS_W || ns == FL_NS_W2003; }

static void fail(state *st, const char *why)
{
    if (st->failed) return;
    st->failed = 1;
    fl_error_set(st->err, FL_E_INTERNAL, why);
    if (st->ctxt) xmlStopParser(st->ctxt);
}


static bool same_name(const char *a, const char *b)
{
    if (!a || !b) return false;
    while (*a == '/') a++;
    while (*b == '/') b++;
    return strcasecmp(a, b) == 0;
}

static pkind kind_of(const fl_ax_scan *s, const char *name, bool *main_rels)
{
    size_t n = strlen(name);
    *main_rels = same_name(name, s->main_rels);
    if (same_name(name, s->main)) return K_MAIN;
    if (same_name(name, s->comments)) return K_COMMENTS;
    if (same_name(name, "[Content_Types].xml")) return K_TYPES;
    if (n > 5 && !strcasecmp(name + n - 5, ".rels")) return K_RELS;
    return K_OTHER;
}

/* ---- offsets ------------------------------------------------------------- */

static bool pos_now(state *st, size_t *out)
{
    long c = xmlByteConsumed(st->ctxt);
    if (c < 0 || (size_t)c > st->s->len) { fail(st, "annotate: no byte position from the XML parser"); return false; }
    *out = (size_t)c;
    return true;
}

static size_t back_to_lt(const char *buf, size_t from)
{
    while (from > 0 && buf[from] != '<') from--;
    return from;
}

void fl_ax_qname_at(const char *buf, size_t len, size_t lt, char *out, size_t cap)
{
    size_t k = 0;
    for (size_t i = lt + 1; i < len && k + 1 < cap; i++) {
        char c = buf[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '/' || c == '>') break;
        out[k++] = c;
    }
    out[k] = '\0';
}

/* ---- w:t text ------------------------------------------------------------- */

/* One character of raw character data at r[i]: its decoded bytes into out
 * (up to 4), returns the next index, or 0 when it is markup we do not map. */
static size_t decode_step(const char *r, size_t n, size_t i, char out[4], size_t *outn)
{
    char c = r[i];
    if (c == '<') return 0;
    if (c == '\r') {
        out[0] = '\n';
        *outn = 1;
        return i + 1 < n && r[i + 1] == '\n' ? i + 2 : i + 1;
    }
    if (c != '&') {
        out[0] = c;
        *outn = 1;
        return i + 1;
    }
    size_t semi = i + 1;
    while (semi < n && semi < i + 12 && r[semi] != ';') semi++;
    if (semi >= n || r[semi] != ';') return 0;
    const char *name = r + i + 1;
    size_t len = semi - i - 1;
    static const struct { const char *name; char ch; } ents[] = {
        {"lt", '<'}, {"gt", '>'}, {"amp", '&'}, {"quot", '"'}, {"apos", '\''}};
    for (size_t k = 0; k < 5; k++)
        if (strlen(ents[k].name) == len && !memcmp(name, ents[k].name, len)) {
            out[0] = ents[k].ch;
            *outn = 1;
            return semi + 1;
        }
    if (len < 2 || name[0] != '#') return 0;
    char num[12];
    memcpy(num, name + 1, len - 1);
    num[len - 1] = '\0';
    char *end;
    unsigned long cp = num[0] == 'x' ? strtoul(num + 1, &end, 16) : strtoul(num, &end, 10);
    if (*end || cp > 0x10FFFF) return 0;
    char b[4];
    *outn = fl_utf8_encode((uint32_t)cp, b);
    memcpy(out, b, *outn);
    return semi + 1;
}

static bool decode_raw(const char *r, size_t n, fl_buf *out)
{
    for (size_t i = 0; i < n;) {
        char ch[4];
        size_t k = 0, next = decode_step(r, n, i, ch, &k);
        if (!next) return false;
        fl_buf_add(out, ch, k);
        i = next;
    }
    return true;
}

size_t fl_ax_raw_offset(const char *r, size_t n, size_t decoded)
{
    size_t i = 0, d = 0;
    while (i < n && d < decoded) {
        char ch[4];
        size_t k = 0, next = decode_step(r, n, i, ch, &k);
        if (!next) break;
        d += k;
        i = next;
    }
    return i;
}

/* ---- frames --------------------------------------------------------------- */

static frame *push(state *st, fkind kind, size_t gt, bool empty)
{
    FL_VEC_RESERVE(st->frames, st->cap_frames, st->depth + 1);
    frame *f = &st->frames[st->depth++];
    memset(f, 0, sizeof *f);
    f->kind = (unsigned char)kind;
    f->gt = gt;
    f->empty = empty;
    f->para = -1;
    f->lt = back_to_lt(st->s->buf, gt);
    return f;
}

static frame *parent(state *st) { return st->depth >= 2 ? &st->frames[st->depth - 2] : NULL; }

static bool wanted(const fl_ax_scan *s, int para)
{
    return para >= 0 && (size_t)para < s->nwant && s->want && (s->want[para / 8] & (1u << (para % 8)));
}

static run *cur_run(state *st) { return st->nruns ? &st->runs[st->nruns - 1] : NULL; }

static void note_id(fl_ax_scan *s, const char *v)
{
    if (!v || !*v) return;
    char *end;
    long id = strtol(v, &end, 10);
    if (*end || id < 0 || id > 1000000000L) return;
    if (!s->any_id || id > s->max_id) s->max_id = id;
    s->any_id = true;
}

static void main_start(state *st, frame *f, fl_ns ns, const char *local, const xmlChar **attrs, int na)
{
    fl_ax_scan *s = st->s;
    char b[256];
    frame *up = parent(st);
    if (up && up->kind == F_P && up->para >= 0) { /* a child of a paragraph: is it the leading pPr? */
        fl_ax_para *p = &s->paras[up->para];
        if (p->content == 0) {
            p->content = up->gt + 1;
            if (is_w(ns) && !strcmp(local, "pPr")) f->kind = F_PPR;
        }
    }
    if (ns == FL_NS_MC || (is_w(ns) && (!strcmp(local, "del") || !strcmp(local, "moveFrom") || !strcmp(local, "rt")))) {
        f->excl = true;
        st->excl++;
    }
    if (ns == FL_NS_AML && fl_xml_sax_attr(attrs, na, FL_NS_AML, "id", b, sizeof b)) note_id(s, b);
    if (!is_w(ns)) return;
    if (!strcmp(local, "commentRangeStart") || !strcmp(local, "commentRangeEnd") || !strcmp(local, "commentReference"))
        note_id(s, fl_xml_sax_attr(attrs, na, FL_NS_W, "id", b, sizeof b));
    if (!strcmp(local, "body") && !s->body_seen) {
        s->body_seen = true;
        s->body_empty = f->empty;
        s->body_lt = f->lt;
        s->body_gt = f->gt;
    }
    if (!strcmp(local, "p")) {
        FL_VEC_RESERVE(s->paras, s->cap_paras, s->nparas + 1);
        int ord = (int)s->nparas++;
        fl_ax_para *p = &s->paras[ord];
        memset(p, 0, sizeof *p);
        p->lt = f->lt;
        p->gt = f->gt;
        p->empty = f->empty;
        p->outer = st->nopen ? st->open_paras[0] : ord;
        f->kind = F_P;
        f->para = ord;
        FL_VEC_RESERVE(st->open_paras, st->cap_open, st->nopen + 1);
        st->open_paras[st->nopen++] = ord;
        return;
    }
    run *r = cur_run(st);
    bool in_run = r && r->depth == (int)st->depth - 1;
    if (!strcmp(local, "r") && st->nopen && wanted(s, st->open_paras[st->nopen - 1]) && !st->excl) {
        FL_VEC_RESERVE(st->runs, st->cap_runs, st->nruns + 1);
        run *nr = &st->runs[st->nruns++];
        memset(nr, 0, sizeof *nr);
        nr->lt = f->lt;
        nr->gt = f->gt;
        nr->last_seg = -1;
        nr->depth = (int)st->depth;
        size_t pd = st->depth - 1;
        while (pd > 0 && st->frames[pd - 1].kind != F_P) pd--;
        if (pd > 0 && pd + 1 < st->depth) { /* frames[pd] is the paragraph's child holding the run */
            nr->box_lt = st->frames[pd].lt;
            st->frames[pd].box = true;
        }
        f->kind = F_R;
        return;
    }
    if (in_run) {
        if (!strcmp(local, "rPr")) { f->kind = F_RPR; return; }
        bool first = !r->had_content;
        r->had_content = true;
        r->last_seg = -1;
        if (strcmp(local, "t") != 0 || st->excl || r->hidden || f->empty) return;
        FL_VEC_RESERVE(s->segs, s->cap_segs, s->nsegs + 1);
        fl_ax_seg *g = &s->segs[s->nsegs++];
        memset(g, 0, sizeof *g);
        g->t_lt = f->lt;
        g->t_gt = f->gt;
        g->c0 = f->gt + 1;
        g->run_lt = r->lt;
        g->run_gt = r->gt;
        g->rpr0 = r->rpr0;
        g->rpr1 = r->rpr1;
        g->box_lt = r->box_lt;
        g->first_in_run = first;
        g->has_space = fl_xml_sax_attr(attrs, na, FL_NS_XML, "space", b, sizeof b) != NULL;
        g->para = st->open_paras[st->nopen - 1];
        f->kind = F_T;
        f->para = (int)(s->nsegs - 1); /* the segment, for the end tag */
        return;
    }
    if (up && up->kind == F_RPR && r && r->depth == (int)st->depth - 2 && !strcmp(local, "vanish")) {
        const char *v = fl_xml_sax_attr(attrs, na, FL_NS_W, "val", b, sizeof b);
        r->hidden = !v || !(strcmp(v, "false") == 0 || strcmp(v, "0") == 0 || strcmp(v, "off") == 0);
    }
}

static void rels_start(state *st, const char *local, fl_ns ns, const xmlChar **attrs, int na)
{
    fl_ax_scan *s = st->s;
    char id[256], type[512], target[1024], mode[32];
    if (st->kind == K_TYPES) {
        if (ns != FL_NS_CT) return;
        if (!strcmp(local, "Override") && fl_xml_sax_attr(attrs, na, FL_NS_OTHER, "PartName", target, sizeof target)) {
            FL_VEC_RESERVE(s->overrides, s->cap_overrides, s->noverrides + 1);
            s->overrides[s->noverrides++] = fl_xstrdup(target[0] == '/' ? target + 1 : target);
        } else if (!strcmp(local, "Default") && fl_xml_sax_attr(attrs, na, FL_NS_OTHER, "Extension", id, sizeof id) &&
                   !strcasecmp(id, "rels")) {
            s->rels_default = true;
        }
        return;
    }
    if (ns != FL_NS_PKG_REL || strcmp(local, "Relationship") != 0) return;
    if (!fl_xml_sax_attr(attrs, na, FL_NS_OTHER, "Id", id, sizeof id) || !fl_xml_sax_attr(attrs, na, FL_NS_OTHER, "Type", type, sizeof type) ||
        !fl_xml_sax_attr(attrs, na, FL_NS_OTHER, "Target", target, sizeof target))
        return;
    FL_VEC_RESERVE(s->rels, s->cap_rels, s->nrels + 1);
    fl_ax_rel *r = &s->rels[s->nrels++];
    r->source = fl_xstrdup(st->part);
    r->id = fl_xstrdup(id);
    const char *tail = strrchr(type, '/');
    r->type = fl_xstrdup(tail ? tail + 1 : type);
    r->target = fl_xstrdup(target);
    r->external = fl_xml_sax_attr(attrs, na, FL_NS_OTHER, "TargetMode", mode, sizeof mode) && !strcasecmp(mode, "External");
}

static void flat_start(state *st, frame *f, fl_ns ns, const char *local, const xmlChar **attrs, int na)
{
    fl_ax_scan *s = st->s;
    char name[512];
    if (ns != FL_NS_PKG) return;
    if (!strcmp(local, "part") && fl_xml_sax_attr(attrs, na, FL_NS_PKG, "name", name, sizeof name)) {
        const char *n = name;
        while (*n == '/') n++;
        snprintf(st->part, sizeof st->part, "%s", n);
        st->kind = kind_of(s, st->part, &st->is_main_rels);
        FL_VEC_RESERVE(s->parts, s->cap_parts, s->nparts + 1);
        s->parts[s->nparts++] = fl_xstrdup(st->part);
        f->kind = F_PART;
    } else if (!strcmp(local, "xmlData") && st->part[0]) {
        st->data_depth = st->depth;
        f->kind = F_DATA;
    }
}

static void record_root(state *st, frame *f)
{
    fl_ax_root *r = NULL;
    if (st->kind == K_COMMENTS) r = &st->s->comments_root;
    else if (st->kind == K_RELS && st->is_main_rels) r = &st->s->rels_root;
    else if (st->kind == K_TYPES) r = &st->s->types_root;
    if (!r) return;
    r->seen = true;
    r->empty = f->empty;
    r->close = f->empty ? f->gt : 0;
    fl_ax_qname_at(st->s->buf, st->s->len, f->lt, r->qname, sizeof r->qname);
    f->kind = F_ROOT;
}

static void on_start(void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *URI, int nns,
                     const xmlChar **nsp, int na, int nd, const xmlChar **attrs)
{
    state *st = ctx;
    fl_ax_scan *s = st->s;
    (void)prefix; (void)nns; (void)nsp; (void)nd;
    if (st->failed) return;
    if (st->depth >= FL_MAX_XML_DEPTH) { fail(st, "annotate: XML too deep"); return; }
    size_t gt;
    if (!pos_now(st, &gt)) return;
    bool empty = gt + 1 < s->len && s->buf[gt] == '/' && s->buf[gt + 1] == '>';
    if (!empty && (gt >= s->len || s->buf[gt] != '>')) { fail(st, "annotate: XML parser position is off"); return; }
    frame *f = push(st, F_OTHER, gt, empty);
    const char *local = (const char *)localname;
    fl_ns ns = fl_ns_id((const char *)URI);
    if (s->mode == AX_FLAT) {
        if (st->depth == 1) { /* pkg:package */
            s->package_root.seen = true;
            s->package_root.empty = empty;
            s->package_root.close = empty ? gt : 0;
            fl_ax_qname_at(s->buf, s->len, f->lt, s->package_root.qname, sizeof s->package_root.qname);
            f->kind = F_ROOT;
            return;
        }
        if (!st->data_depth) { flat_start(st, f, ns, local, attrs, na); return; }
    }
    bool is_root = (s->mode == AX_FLAT && st->depth == st->data_depth + 1) || (s->mode == AX_PART && st->depth == 1);
    if (is_root) {
        st->root_depth = st->depth;
        record_root(st, f);
    }
    if (st->kind == K_MAIN) {
        if (is_w(ns) && !strcmp(local, "p") && !s->w_uri[0]) snprintf(s->w_uri, sizeof s->w_uri, "%s", (const char *)URI);
        main_start(st, f, ns, local, attrs, na);
    } else if (st->kind == K_COMMENTS) {
        char b[64];
        if (is_w(ns) && !strcmp(local, "comment")) note_id(s, fl_xml_sax_attr(attrs, na, FL_NS_W, "id", b, sizeof b));
    } else if (st->kind == K_RELS || st->kind == K_TYPES) {
        rels_start(st, local, ns, attrs, na);
    }
}

static void end_main(state *st, frame *f, size_t end)
{
    fl_ax_scan *s = st->s;
    size_t end_lt = f->empty ? f->gt : back_to_lt(s->buf, end - 1);
    switch ((fkind)f->kind) {
    case F_P:
        if (!f->empty) s->paras[f->para].end_lt = end_lt;
        if (s->paras[f->para].content == 0 && !f->empty) s->paras[f->para].content = f->gt + 1;
        if (st->nopen) st->nopen--;
        break;
    case F_PPR: {
        frame *up = parent(st);
        if (up && up->para >= 0) s->paras[up->para].content = end;
        break;
    }
    case F_RPR: {
        run *r = cur_run(st);
        if (r) { r->rpr0 = f->lt; r->rpr1 = end; }
        break;
    }
    case F_T: {
        fl_ax_seg *g = &s->segs[f->para];
        g->c1 = end_lt;
        g->text0 = s->text.len;
        if (!decode_raw(s->buf + g->c0, g->c1 - g->c0, &s->text)) {
            s->paras[g->para].complex = true;
            s->text.len = g->text0;
        }
        g->text1 = s->text.len;
        run *r = cur_run(st);
        if (r) r->last_seg = f->para;
        break;
    }
    case F_R: {
        run *r = cur_run(st);
        if (r && r->last_seg >= 0) {
            s->segs[r->last_seg].last_in_run = true;
            s->segs[r->last_seg].run_end = end;
        }
        if (st->nruns) st->nruns--;
        break;
    }
    default: break;
    }
}

static void on_end(void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *URI)
{
    state *st = ctx;
    fl_ax_scan *s = st->s;
    (void)localname; (void)prefix; (void)URI;
    if (st->failed || !st->depth) return;
    size_t end;
    if (!pos_now(st, &end)) return;
    if (end == 0 || s->buf[end - 1] != '>') { fail(st, "annotate: XML parser position is off"); return; }
    frame *f = &st->frames[st->depth - 1];
    if (f->kind == F_ROOT && !f->empty) {
        fl_ax_root *r = st->depth == 1 && s->mode == AX_FLAT ? &s->package_root
                   : st->kind == K_COMMENTS ? &s->comments_root
                   : st->kind == K_TYPES ? &s->types_root : &s->rels_root;
        r->close = back_to_lt(s->buf, end - 1);
    }
    if (st->kind == K_MAIN) end_main(st, f, end);
    if (f->box) /* the segments inside it learn where it ends */
        for (size_t k = s->nsegs; k-- > 0 && s->segs[k].t_lt > f->lt;)
            if (s->segs[k].box_lt == f->lt) s->segs[k].box_end = end;
    if (f->excl) st->excl--;
    if (f->kind == F_DATA) st->data_depth = 0;
    if (f->kind == F_PART) { st->part[0] = '\0'; st->kind = K_OTHER; st->is_main_rels = false; }
    st->depth--;
}

static void on_dtd(void *ctx, const xmlChar *n, const xmlChar *e, const xmlChar *sy)
{
    (void)n; (void)e; (void)sy;
    fail(ctx, "annotate: DTD in input");
}

static void on_error(void *ctx, xmlErrorPtr e)
{
    state *st = ctx;
    if (e && e->level >= XML_ERR_FATAL) fail(st, "annotate: XML the reader accepted no longer parses");
}

static int cmp_seg(const void *a, const void *b)
{
    const fl_ax_seg *x = a, *y = b;
    if (x->para != y->para) return x->para < y->para ? -1 : 1;
    return x->t_lt < y->t_lt ? -1 : x->t_lt > y->t_lt;
}

/* Text boxes inside a wanted paragraph interleave their own w:t; give each
 * paragraph one contiguous slice. */
static void group_segments(fl_ax_scan *s)
{
    if (s->nsegs > 1) qsort(s->segs, s->nsegs, sizeof *s->segs, cmp_seg);
    for (size_t i = 0; i < s->nsegs; i++) {
        fl_ax_para *p = &s->paras[s->segs[i].para];
        if (!p->nseg) p->seg0 = i;
        p->nseg++;
    }
}

int fl_ax_scan_run(fl_ax_scan *s, fl_error *err)
{
    state st;
    memset(&st, 0, sizeof st);
    st.s = s;
    st.err = err;
    if (s->mode == AX_W2003) st.kind = K_MAIN;
    else if (s->mode == AX_PART) {
        snprintf(st.part, sizeof st.part, "%s", s->part_name);
        st.kind = kind_of(s, s->part_name, &st.is_main_rels);
    }
    xmlSAXHandler sax;
    memset(&sax, 0, sizeof sax);
    sax.initialized = XML_SAX2_MAGIC;
    sax.startElementNs = on_start;
    sax.endElementNs = on_end;
    sax.internalSubset = on_dtd;
    sax.externalSubset = on_dtd;
    sax.serror = on_error;
    st.ctxt = xmlCreatePushParserCtxt(&sax, &st, NULL, 0, s->part_name ? s->part_name : "annotate");
    if (!st.ctxt) return fl_error_set(err, FL_E_INTERNAL, "libxml2 push parser");
    xmlCtxtUseOptions(st.ctxt, fl_xml_parse_options());
    for (size_t off = 0; off < s->len && !st.failed;) {
        size_t n = s->len - off > (1u << 20) ? (1u << 20) : s->len - off;
        if (xmlParseChunk(st.ctxt, s->buf + off, (int)n, 0)) fail(&st, "annotate: XML the reader accepted no longer parses");
        off += n;
    }
    if (!st.failed && (xmlParseChunk(st.ctxt, NULL, 0, 1) || !st.ctxt->wellFormed))
        fail(&st, "annotate: XML the reader accepted no longer parses");
    xmlFreeParserCtxt(st.ctxt);
    free(st.frames);
    free(st.open_paras);
    free(st.runs);
    if (st.failed) return -1;
    group_segments(s);
    return 0;
}

static void free_strv(char **v, size_t n)
{
    for (size_t i = 0; i < n; i++) free(v[i]);
    free(v);
}

void fl_ax_scan_free(fl_ax_scan *s)
{
    if (!s) return;
    free(s->paras);
    free(s->segs);
    fl_buf_free(&s->text);
    for (size_t i = 0; i < s->nrels; i++) {
        free(s->rels[i].source);
        free(s->rels[i].id);
        free(s->rels[i].type);
        free(s->rels[i].target);
    }
    free(s->rels);
    free_strv(s->parts, s->nparts);
    free_strv(s->overrides, s->noverrides);
    s->paras = NULL; s->segs = NULL; s->rels = NULL; s->parts = NULL; s->overrides = NULL;
    s->nparas = s->nsegs = s->nrels = s->nparts = s->noverrides = 0;
    s->cap_paras = s->cap_segs = s->cap_rels = s->cap_parts = s->cap_overrides = 0;
}

/* ---- edits ----------------------------------------------------------------- */

#define LAST_SEQ ((size_t)1 << (sizeof(size_t) * 8 - 2))

static void add(fl_ax_edits *e, size_t at, size_t del, const char *text, size_t n, size_t seq)
{
    FL_VEC_RESERVE(e->v, e->cap, e->n + 1);
    e->v[e->n++] = (fl_ax_edit){at, del, e->pool.len, n, seq};
    fl_buf_add(&e->pool, text, n);
}

void fl_ax_edits_add(fl_ax_edits *e, size_t at, size_t del, const char *text, size_t n) { add(e, at, del, text, n, e->n); }
void fl_ax_edits_add_last(fl_ax_edits *e, size_t at, const char *text, size_t n) { add(e, at, 0, text, n, LAST_SEQ + e->n); }

static int cmp_edit(const void *a, const void *b)
{
    const fl_ax_edit *x = a, *y = b;
    if (x->at != y->at) return x->at < y->at ? -1 : 1;
    return x->seq < y->seq ? -1 : x->seq > y->seq;
}

char *fl_ax_edits_apply(fl_ax_edits *e, const char *buf, size_t len, size_t *out_len)
{
    if (e->n > 1) qsort(e->v, e->n, sizeof *e->v, cmp_edit);
    fl_buf out = FL_BUF_INIT;
    fl_buf_reserve(&out, len + e->pool.len + 1);
    size_t pos = 0;
    for (size_t i = 0; i < e->n; i++) {
        const fl_ax_edit *x = &e->v[i];
        if (x->at < pos || x->at + x->del > len) { fl_buf_free(&out); return NULL; }
        fl_buf_add(&out, buf + pos, x->at - pos);
        fl_buf_add(&out, e->pool.data + x->text, x->n);
        pos = x->at + x->del;
    }
    fl_buf_add(&out, buf + pos, len - pos);
    *out_len = out.len;
    return fl_buf_detach(&out);
}

void fl_ax_edits_free(fl_ax_edits *e)
{
    free(e->v);
    fl_buf_free(&e->pool);
    memset(e, 0, sizeof *e);
}

void fl_ax_esc(fl_buf *b, const char *s)
{
    for (; *s; s++) {
        switch (*s) {
        case '&': fl_buf_adds(b, "&amp;"); break;
        case '<': fl_buf_adds(b, "&lt;"); break;
        case '>': fl_buf_adds(b, "&gt;"); break;
        case '"': fl_buf_adds(b, "&quot;"); break;
        default: fl_buf_addc(b, *s); break;
        }
    }
}
