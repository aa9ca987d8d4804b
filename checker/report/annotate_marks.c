/* Findings as Word comments (annotate_marks.h): anchors, markers and the
 * comment elements.
 *
 * A finding's block knows its paragraph as an ordinal among the w:p of its
 * part (fl_block_para_index, counted by the reader). Its comment goes around
 * the paragraph's content (commentRangeStart after the paragraph properties,
 * commentRangeEnd and a commentReference run before </w:p>) or, when the
 * finding has matched text and that text is found among the paragraph's w:t,
 * around exactly that text: the run is split there and reopened with the
 * same properties. Findings in headers, footers and notes, and findings
 * about the document as a whole, go on the first body paragraph and say
 * where they belong; findings in a text box go on the paragraph that
 * anchors it. The comment text is written with libxml2's xmlTextWriter,
 * which escapes it. */
#include "report/annotate_marks.h"
#include "core/i18n.h"
#include "core/utf8.h"
#include "report/report.h"
#include <libxml/xmlwriter.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#define W2003_URI "http://schemas.microsoft.com/office/word/2003/wordml"
#define AML_URI "http://schemas.microsoft.com/aml/2001/core"

/* The comment texts are rows of core/i18n.def, in the language of the run. */
#pragma GCC diagnostic ignored "-Wformat-nonliteral"

/* ---- small helpers --------------------------------------------------------- */

bool fl_ax_same_name(const char *a, const char *b)
{
    if (!a || !b) return false;
    while (*a == '/') a++;
    while (*b == '/') b++;
    return strcasecmp(a, b) == 0;
}

void fl_ax_markup_from_qname(fl_ax_markup *m, const char *qname, const char *uri)
{
    const char *colon = strchr(qname, ':');
    snprintf(m->uri, sizeof m->uri, "%s", uri && *uri ? uri : AX_W_URI);
    if (colon) {
        snprintf(m->el, sizeof m->el, "%.*s:", (int)(colon - qname), qname);
        snprintf(m->ap, sizeof m->ap, "%s", m->el);
        m->decl = false;
    } else {
        m->el[0] = '\0';
        snprintf(m->ap, sizeof m->ap, "w:");
        m->decl = true;
    }
}

static void decl(fl_buf *b, const fl_ax_markup *m)
{
    if (!m->decl) return;
    fl_buf_adds(b, " xmlns:w=\"");
    fl_ax_esc(b, m->uri);
    fl_buf_addc(b, '"');
}

#define part_label(p) fl_report_part(p)

void fl_ax_job_date(fl_ax_job *j)
{
    const char *sde = getenv("SOURCE_DATE_EPOCH"); /* reproducible copies on request */
    time_t t = sde && *sde ? (time_t)strtoll(sde, NULL, 10) : time(NULL);
    struct tm tm;
    j->when = (int64_t)t;
    gmtime_r(&t, &tm);
    strftime(j->date, sizeof j->date, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* Comment text, one string per paragraph (annotate_marks.h).
 * Control characters are not allowed in XML 1.0: they become spaces. */
size_t fl_ax_comment_lines(const fl_finding *f, const char *note, fl_buf lines[3])
{
    size_t n = 0;
    fl_buf_printf(&lines[n++], "[%s] %s: %s", fl_report_severity(f->severity), f->rule->id, fl_report_message(f));
    fl_buf basis = FL_BUF_INIT;
    if (*fl_basis_line(&basis, fl_finding_basis(f))) fl_buf_printf(&lines[n++], fl_tr(FL_M_A_BASIS), basis.data);
    fl_buf_free(&basis);
    if (note && note[0]) fl_buf_adds(&lines[n++], note);
    for (size_t i = 0; i < n; i++)
        for (size_t k = 0; k < lines[i].len; k++)
            if ((unsigned char)lines[i].data[k] < 0x20 && lines[i].data[k] != '\t') lines[i].data[k] = ' ';
    return n;
}

static void write_text(xmlTextWriterPtr tw, const char *s)
{
    size_t len = strlen(s);
    if (fl_utf8_valid(s, len)) {
        xmlTextWriterWriteString(tw, (const xmlChar *)s);
        return;
    }
    fl_arena a;
    size_t out_len, bad;
    fl_arena_init(&a);
    xmlTextWriterWriteString(tw, (const xmlChar *)fl_utf8_sanitize(&a, s, len, &out_len, &bad));
    fl_arena_free(&a);
}

static void start_el(xmlTextWriterPtr tw, const fl_ax_markup *m, const char *local)
{
    char qn[96];
    snprintf(qn, sizeof qn, "%s%s", m->el, local);
    xmlTextWriterStartElement(tw, (const xmlChar *)qn);
}

static void write_attr(xmlTextWriterPtr tw, const char *prefix, const char *local, const char *value)
{
    char qn[96];
    snprintf(qn, sizeof qn, "%s%s", prefix, local);
    xmlTextWriterWriteAttribute(tw, (const xmlChar *)qn, (const xmlChar *)value);
}

/* The comment's paragraphs: <w:p><w:r><w:t>line</w:t></w:r></w:p>... */
static void comment_paras(xmlTextWriterPtr tw, const fl_ax_markup *m, const fl_ax_anchor *a)
{
    fl_buf lines[3] = {FL_BUF_INIT, FL_BUF_INIT, FL_BUF_INIT};
    size_t n = fl_ax_comment_lines(a->f, a->note, lines);
    for (size_t i = 0; i < n; i++) {
        start_el(tw, m, "p");
        start_el(tw, m, "r");
        start_el(tw, m, "t");
        xmlTextWriterWriteAttribute(tw, BAD_CAST "xml:space", BAD_CAST "preserve");
        write_text(tw, lines[i].data);
        xmlTextWriterEndElement(tw);
        xmlTextWriterEndElement(tw);
        xmlTextWriterEndElement(tw);
        fl_buf_free(&lines[i]);
    }
}

typedef void (*writer_fn)(xmlTextWriterPtr tw, const fl_ax_job *j, const fl_ax_markup *m, const fl_ax_anchor *a);

/* Run fn with an xmlTextWriter over a memory buffer; append what it wrote. */
static void with_writer(fl_buf *out, writer_fn fn, const fl_ax_job *j, const fl_ax_markup *m, const fl_ax_anchor *a)
{
    xmlBufferPtr xb = xmlBufferCreate();
    xmlTextWriterPtr tw = xb ? xmlNewTextWriterMemory(xb, 0) : NULL;
    if (!tw) { fprintf(stderr, "filinglint: out of memory\n"); abort(); }
    fn(tw, j, m, a);
    xmlFreeTextWriter(tw); /* flushes */
    fl_buf_add(out, xmlBufferContent(xb), (size_t)xmlBufferLength(xb));
    xmlBufferFree(xb);
}

static void comments_fn(xmlTextWriterPtr tw, const fl_ax_job *j, const fl_ax_markup *m, const fl_ax_anchor *unused)
{
    (void)unused;
    for (size_t i = 0; i < j->n; i++) {
        char id[24];
        snprintf(id, sizeof id, "%ld", j->a[i].id);
        start_el(tw, m, "comment");
        if (m->decl) xmlTextWriterWriteAttribute(tw, BAD_CAST "xmlns:w", (const xmlChar *)m->uri);
        write_attr(tw, m->ap, "id", id);
        write_attr(tw, m->ap, "author", FL_AX_AUTHOR);
        write_attr(tw, m->ap, "date", j->date);
        write_attr(tw, m->ap, "initials", "FL");
        comment_paras(tw, m, &j->a[i]);
        xmlTextWriterEndElement(tw);
    }
}

/* Word 2003: the comment lives inline, in the reference run. */
static void w2003_comment_fn(xmlTextWriterPtr tw, const fl_ax_job *j, const fl_ax_markup *m, const fl_ax_anchor *a)
{
    char id[24];
    snprintf(id, sizeof id, "%ld", a->id);
    xmlTextWriterStartElement(tw, BAD_CAST "aml:annotation");
    xmlTextWriterWriteAttribute(tw, BAD_CAST "aml:id", (const xmlChar *)id);
    xmlTextWriterWriteAttribute(tw, BAD_CAST "aml:author", BAD_CAST FL_AX_AUTHOR);
    xmlTextWriterWriteAttribute(tw, BAD_CAST "aml:createdate", (const xmlChar *)j->date);
    xmlTextWriterWriteAttribute(tw, BAD_CAST "w:type", BAD_CAST "Word.Comment");
    xmlTextWriterWriteAttribute(tw, BAD_CAST "w:initials", BAD_CAST "FL");
    xmlTextWriterStartElement(tw, BAD_CAST "aml:content");
    comment_paras(tw, m, a);
    xmlTextWriterEndElement(tw);
    xmlTextWriterEndElement(tw);
}

/* ---- anchors ------------------------------------------------------------------ */

static bool in_main(const fl_ax_job *j, const fl_block *b)
{
    const char *name = fl_block_part_name(j->doc, b);
    return name && (!j->main || fl_ax_same_name(name, j->main));
}

/* Once the main part's name is known (in_main needs it). */
void fl_ax_anchors_build(fl_ax_job *j)
{
    const fl_doc *doc = j->doc;
    const fl_result *res = j->res;
    j->a = fl_xcalloc(res->nfindings + 1, sizeof *j->a);
    for (size_t i = 0; i < res->nfindings; i++) {
        const fl_finding *f = &res->findings[i];
        fl_ax_anchor *a = &j->a[j->n++];
        a->f = f;
        a->para = -1;
        const fl_block *b = f->block >= 0 && (size_t)f->block < doc->nblocks ? &doc->blocks[f->block] : NULL;
        if (!b) {
            snprintf(a->note, sizeof a->note, "%s", fl_tr(FL_M_A_WHOLE));
            continue;
        }
        if ((b->part == FL_PART_BODY || b->part == FL_PART_TEXTBOX) && in_main(j, b)) {
            a->para = fl_block_para_index(doc, b);
            /* a merged block's paragraphs are consecutive w:p (input/wml.c) */
            if (a->para >= 0 && (b->flags & FL_BF_MERGED)) a->para += f->line - b->line;
            a->precise = f->match && *f->match && f->end_column > f->column;
            a->expect_cp = (long)f->column - 1 - (long)fl_utf8_count(b->text, fl_block_x(doc, b)->label_len);
            continue;
        }
        const char *name = fl_block_part_name(doc, b);
        if (j->main && name)
            snprintf(a->note, sizeof a->note, fl_tr(FL_M_A_PART_NAMED), part_label(b->part), name, f->line);
        else
            snprintf(a->note, sizeof a->note, fl_tr(FL_M_A_PART), part_label(b->part), f->line);
    }
}

/* Paragraph ordinals whose w:t text the scan must collect. */
unsigned char *fl_ax_want_bits(const fl_ax_job *j, size_t *nbits)
{
    int max = -1;
    for (size_t i = 0; i < j->n; i++)
        if (j->a[i].precise && j->a[i].para > max) max = j->a[i].para;
    *nbits = (size_t)(max + 1);
    unsigned char *bits = fl_xcalloc(*nbits / 8 + 1, 1);
    for (size_t i = 0; i < j->n; i++)
        if (j->a[i].precise && j->a[i].para >= 0) bits[j->a[i].para / 8] |= (unsigned char)(1u << (j->a[i].para % 8));
    return bits;
}

void fl_ax_assign_ids(fl_ax_job *j, long base)
{
    for (size_t i = 0; i < j->n; i++) j->a[i].id = base + (long)i;
}

static const fl_ax_para *first_body(const fl_ax_job *j, const fl_ax_scan *s)
{
    for (size_t i = 0; i < j->doc->nblocks; i++) {
        const fl_block *b = &j->doc->blocks[i];
        int para = fl_block_para_index(j->doc, b);
        if (b->part == FL_PART_BODY && in_main(j, b) && para >= 0 && (size_t)para < s->nparas)
            return &s->paras[s->paras[para].outer];
    }
    for (size_t i = 0; i < s->nparas; i++)
        if (s->paras[i].outer == (int)i) return &s->paras[i];
    return NULL;
}

static const fl_ax_para *target(const fl_ax_job *j, const fl_ax_scan *s, fl_ax_anchor *a)
{
    if (a->para < 0 || (size_t)a->para >= s->nparas) {
        if (a->para >= 0) /* the model and the part disagree: still show the finding */
            snprintf(a->note, sizeof a->note, fl_tr(FL_M_A_LINE), a->f->line);
        a->precise = false;
        return first_body(j, s);
    }
    const fl_ax_para *p = &s->paras[a->para];
    if (p->outer != a->para) {
        snprintf(a->note, sizeof a->note, fl_tr(FL_M_A_TEXTBOX), a->f->line);
        a->precise = false;
        p = &s->paras[p->outer];
    }
    return p;
}

/* ---- placing markers in the main part ------------------------------------------- */

static void start_marker(fl_buf *b, const fl_ax_markup *m, bool w2003, long id)
{
    if (w2003) {
        fl_buf_printf(b, "<aml:annotation xmlns:aml=\"%s\" xmlns:w=\"%s\" aml:id=\"%ld\" w:type=\"Word.Comment.Start\"/>",
                      AML_URI, W2003_URI, id);
        return;
    }
    fl_buf_printf(b, "<%scommentRangeStart", m->el);
    decl(b, m);
    fl_buf_printf(b, " %sid=\"%ld\"/>", m->ap, id);
}

static void end_marker(fl_buf *b, const fl_ax_job *j, const fl_ax_markup *m, bool w2003, const fl_ax_anchor *a)
{
    if (w2003) {
        fl_ax_markup wm = {"w:", "w:", W2003_URI, false};
        fl_buf_printf(b, "<aml:annotation xmlns:aml=\"%s\" xmlns:w=\"%s\" aml:id=\"%ld\" w:type=\"Word.Comment.End\"/>",
                      AML_URI, W2003_URI, a->id);
        fl_buf_printf(b, "<w:r xmlns:w=\"%s\" xmlns:aml=\"%s\">", W2003_URI, AML_URI);
        with_writer(b, w2003_comment_fn, j, &wm, a);
        fl_buf_adds(b, "</w:r>");
        return;
    }
    fl_buf_printf(b, "<%scommentRangeEnd", m->el);
    decl(b, m);
    fl_buf_printf(b, " %sid=\"%ld\"/><%sr", m->ap, a->id, m->el);
    decl(b, m);
    fl_buf_printf(b, "><%scommentReference %sid=\"%ld\"/></%sr>", m->el, m->ap, a->id, m->el);
}

/* Markers at a raw offset inside a w:t: close the text and the run, put the
 * markers, reopen a run with the same properties. At either end of a run
 * they go outside it instead. A run inside a tracked insertion, hyperlink,
 * content control or field is not split: the markers go around that
 * element, as readers (pandoc) only look for them between runs. */
static void split_at(fl_ax_job *j, fl_ax_edits *e, const fl_ax_scan *s, size_t seg, size_t raw, const fl_buf *mk, bool start)
{
    const fl_ax_seg *g = &s->segs[seg];
    if (g->box_lt && g->box_end) { fl_ax_edits_add(e, start ? g->box_lt : g->box_end, 0, mk->data, mk->len); return; }
    if (raw == g->c0 && g->first_in_run) { fl_ax_edits_add(e, g->run_lt, 0, mk->data, mk->len); return; }
    if (raw == g->c1 && g->last_in_run && g->run_end) { fl_ax_edits_add(e, g->run_end, 0, mk->data, mk->len); return; }
    char tq[64], rq[64];
    fl_ax_qname_at(s->buf, s->len, g->t_lt, tq, sizeof tq);
    fl_ax_qname_at(s->buf, s->len, g->run_lt, rq, sizeof rq);
    fl_buf b = FL_BUF_INIT;
    fl_buf_printf(&b, "</%s></%s>", tq, rq);
    fl_buf_add(&b, mk->data, mk->len);
    fl_buf_add(&b, s->buf + g->run_lt, g->run_gt + 1 - g->run_lt);
    fl_buf_add(&b, s->buf + g->rpr0, g->rpr1 - g->rpr0);
    fl_buf_printf(&b, "<%s xml:space=\"preserve\">", tq);
    fl_ax_edits_add(e, raw, 0, b.data, b.len);
    fl_buf_free(&b);
    if (!g->has_space && !j->space_done[seg]) { /* the first half may now end in a space */
        fl_ax_edits_add(e, g->t_gt, 0, " xml:space=\"preserve\"", 21);
        j->space_done[seg] = true;
    }
}

/* Where the matched text is: the occurrence nearest the expected column. */
static bool locate(const fl_ax_scan *s, const fl_ax_para *p, const fl_ax_anchor *a, size_t seg[2], size_t raw[2])
{
    if (!p->nseg || p->complex) return false;
    fl_buf text = FL_BUF_INIT;
    size_t *start = fl_xmalloc((p->nseg + 1) * sizeof *start);
    for (size_t i = 0; i < p->nseg; i++) {
        const fl_ax_seg *g = &s->segs[p->seg0 + i];
        start[i] = text.len;
        fl_buf_add(&text, s->text.data + g->text0, g->text1 - g->text0);
    }
    start[p->nseg] = text.len;
    const char *m = a->f->match;
    size_t mlen = strlen(m);
    long best = -1, best_d = 0;
    for (size_t at = 0; mlen && at + mlen <= text.len; at++) {
        if (memcmp(text.data + at, m, mlen) != 0) continue;
        long d = labs((long)fl_utf8_count(text.data, at) - a->expect_cp);
        if (best < 0 || d < best_d) { best = (long)at; best_d = d; }
    }
    bool found = best >= 0;
    if (found) {
        size_t b0 = (size_t)best, b1 = b0 + mlen, i0 = 0, i1 = 0;
        while (i0 + 1 < p->nseg && start[i0 + 1] <= b0) i0++;
        while (i1 + 1 < p->nseg && start[i1 + 1] < b1) i1++;
        const fl_ax_seg *g0 = &s->segs[p->seg0 + i0], *g1 = &s->segs[p->seg0 + i1];
        seg[0] = p->seg0 + i0;
        seg[1] = p->seg0 + i1;
        raw[0] = g0->c0 + fl_ax_raw_offset(s->buf + g0->c0, g0->c1 - g0->c0, b0 - start[i0]);
        raw[1] = g1->c0 + fl_ax_raw_offset(s->buf + g1->c0, g1->c1 - g1->c0, b1 - start[i1]);
    }
    free(start);
    fl_buf_free(&text);
    return found;
}

/* Every anchor's markers as edits of the buffer s scanned. */
int fl_ax_place(fl_ax_job *j, const fl_ax_scan *s, fl_ax_edits *e, bool w2003, fl_error *err)
{
    j->space_done = fl_xcalloc(s->nsegs + 1, sizeof *j->space_done);
    bool *opened = fl_xcalloc(s->nparas + 1, sizeof *opened); /* empty <w:p/> turned into <w:p>…</w:p> */
    bool body_para = false;
    int rc = 0;
    for (size_t i = 0; i < j->n; i++) {
        fl_ax_anchor *a = &j->a[i];
        const fl_ax_para *p = target(j, s, a);
        fl_ax_markup m;
        char qn[64];
        if (p) fl_ax_qname_at(s->buf, s->len, p->lt, qn, sizeof qn);
        else if (s->body_seen && !s->body_empty) fl_ax_qname_at(s->buf, s->len, s->body_lt, qn, sizeof qn);
        else { rc = fl_error_set(err, FL_E_ANNOTATE, "the document has no body to attach comments to"); break; }
        fl_ax_markup_from_qname(&m, qn, s->w_uri);
        fl_buf ms = FL_BUF_INIT, me = FL_BUF_INIT;
        start_marker(&ms, &m, w2003, a->id);
        end_marker(&me, j, &m, w2003, a);
        size_t seg[2], raw[2];
        if (p && a->precise && locate(s, p, a, seg, raw)) {
            split_at(j, e, s, seg[0], raw[0], &ms, true);
            split_at(j, e, s, seg[1], raw[1], &me, false);
        } else if (!p) { /* no paragraph at all: add one at the start of the body */
            size_t at = s->body_gt + 1;
            if (!body_para) {
                fl_buf open = FL_BUF_INIT, close = FL_BUF_INIT;
                fl_buf_printf(&open, "<%sp", m.el);
                decl(&open, &m);
                fl_buf_addc(&open, '>');
                fl_buf_printf(&close, "</%sp>", m.el);
                fl_ax_edits_add(e, at, 0, open.data, open.len);
                fl_ax_edits_add_last(e, at, close.data, close.len);
                fl_buf_free(&open);
                fl_buf_free(&close);
                body_para = true;
            }
            fl_ax_edits_add(e, at, 0, ms.data, ms.len);
            fl_ax_edits_add(e, at, 0, me.data, me.len);
        } else if (p->empty) {
            size_t ord = (size_t)(p - s->paras), at = p->gt + 2;
            if (!opened[ord]) {
                char close[80];
                int n = snprintf(close, sizeof close, "</%s>", qn);
                fl_ax_edits_add(e, p->gt, 2, ">", 1);
                fl_ax_edits_add_last(e, at, close, (size_t)n);
                opened[ord] = true;
            }
            fl_ax_edits_add(e, at, 0, ms.data, ms.len);
            fl_ax_edits_add(e, at, 0, me.data, me.len);
        } else {
            fl_ax_edits_add(e, p->content, 0, ms.data, ms.len);
            fl_ax_edits_add(e, p->end_lt, 0, me.data, me.len);
        }
        fl_buf_free(&ms);
        fl_buf_free(&me);
    }
    free(opened);
    return rc;
}

/* ---- the comments part ---------------------------------------------------------- */

void fl_ax_comment_elements(fl_buf *out, const fl_ax_job *j, const fl_ax_markup *m)
{
    with_writer(out, comments_fn, j, m, NULL);
}

void fl_ax_new_comments_part(fl_buf *out, const fl_ax_job *j, const char *uri)
{
    fl_ax_markup m = {"w:", "w:", "", false};
    snprintf(m.uri, sizeof m.uri, "%s", uri);
    fl_buf_adds(out, "<w:comments xmlns:w=\"");
    fl_ax_esc(out, uri);
    fl_buf_adds(out, "\">");
    fl_ax_comment_elements(out, j, &m);
    fl_buf_adds(out, "</w:comments>");
}
