/* Streaming WordprocessingML reader (SAX2 push parser).
 *
 * Text rules (docs/reading.md): runs are merged into the paragraph;
 * deleted and moved-away text never appears; inserted text does and is
 * recorded as a revision; fields give their cached result only; content
 * controls, hyperlinks, smart tags, custom XML and bookmarks are transparent;
 * mc:AlternateContent yields one branch; text boxes become blocks of their
 * own; table cells keep grid coordinates through gridSpan, gridBefore and
 * vMerge. Every element is classified once on entry into an `el` code; what
 * an element changed in the reader state is undone when it closes. */
#include "input/wml.h"
#include "core/arena.h"
#include "core/buf.h"
#include "core/utf8.h"
#include "core/limits.h"
#include "doc/doc.h"
#include "doc/images.h"
#include "core/ns.h"
#include "input/symbolfont.h"
#include "core/utf16.h"
#include "core/xmlsafe.h"
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef enum el {
    E_OTHER, E_P, E_PPR, E_PSTYLE, E_NUMPR, E_ILVL, E_NUMID, E_OUTLINE, E_RPR, E_R, E_T,
    E_INSTR, E_TAB, E_BR, E_SYM, E_NBHYPHEN, E_FLDCHAR, E_INS, E_DEL, E_MOVETO, E_MOVEFROM,
    E_TBL, E_TR, E_TRPR, E_GRIDBEFORE, E_TBLHEADER, E_TC, E_TCPR, E_GRIDSPAN, E_VMERGE,
    E_TXBX, E_SDT, E_SDTPR, E_SDTCONTENT, E_PLCHDR, E_DOCPARTGALLERY, E_VANISH, E_RFONTS,
    E_RSTYLE, E_PIC, E_IMAGEDATA, E_BLIP, E_OBJECT, E_NOTE, E_COMMENT, E_CRANGE_START, E_CRANGE_END,
    E_CREF, E_ALTCHUNK, E_AC, E_CHOICE, E_FALLBACK, E_MATH_T, E_SKIP, E_PROPS,
    /* Word 2003 XML */
    E_LISTPR, E_ILFO, E_ANNOTATION, E_W2003_FOOTNOTE
} el;

enum undo {
    U_SKIP = 1u << 0, U_CAPTURE = 1u << 1, U_INSTR = 1u << 2, U_INS = 1u << 3, U_PLC = 1u << 4,
    U_TOC = 1u << 5, U_OBJECT = 1u << 6, U_PROPS = 1u << 7, U_PARA = 1u << 8, U_CONTAINER = 1u << 9,
    U_TABLE = 1u << 10, U_AC = 1u << 11, U_SDT = 1u << 12, U_NOTE = 1u << 13, U_RUN = 1u << 14
};

typedef struct frame { unsigned char kind; unsigned undo; } frame;

typedef struct para {
    fl_buf text;
    char style_id[96];
    bool has_style, mark_deleted, cell_block, run_base_ready;
    size_t first_block; /* doc->nblocks when the paragraph opened */
    fl_style_info run_base; /* run properties every run inherits from the paragraph style */
    int num_id, ilvl, outline; /* -1 when not given on the paragraph */
    unsigned flags;
    int images, revision, deletions;
    /* the relationship ids of its pictures (a:blip r:embed, v:imagedata
     * r:id), for doc/images.h; pictures past the fourth are counted only */
    char rids[4][40];
    int nrids;
    int para_index; /* ordinal of its w:p in the part (fl_block.para_index) */
} para;

typedef struct container { /* a table cell, or a story (text box, note, comment) */
    bool is_cell, vcontinue, emitted, header_row;
    int table, row, col, span;
    int first_block;
    fl_part part;
} container;

typedef struct table { int id, row, gridcol; bool row_deleted, header_row; int *restart; size_t nrestart; } table;
typedef struct field { bool result, is_toc; char instr[64]; size_t ninstr; } field;
typedef struct ns_decl { const char *prefix, *uri; int depth; } ns_decl;
typedef struct range { char id[32]; int start, end; } range;

/* libxml2 interns element names and namespace URIs in its dictionary, so
 * within one part the same (name, URI) pointers come back for every
 * element: remember what they were classified as instead of comparing
 * strings a million times. */
enum { KIND_CACHE = 512 };
typedef struct kind_slot { const xmlChar *local, *uri; unsigned char kind; } kind_slot;

struct fl_wml {
    kind_slot kinds[KIND_CACHE];
    fl_doc *doc;
    const fl_styles *styles;
    fl_numbering *numbering;
    xmlParserCtxtPtr ctxt;
    fl_error *err;
    int failed;
    fl_part part;
    const char *part_name;
    bool w2003;
    /* utf-8 repair of the byte stream, or utf-16 transcoding */
    bool utf16;
    fl_utf16 u16;
    char carry[4];
    size_t ncarry;
    fl_buf fixed;

    frame *frames; size_t depth, cap_frames;
    para *paras; size_t npara, cap_paras;
    container *conts; size_t ncont, cap_conts;
    table *tables; size_t ntable, cap_tables;
    field fields[32]; size_t nfield, fields_overflow;
    ns_decl *nsd; size_t nnsd, cap_nsd;
    bool *ac; size_t nac, cap_ac;        /* per open AlternateContent: a branch was taken */
    struct sdt { bool plc, toc; } *sdts; size_t nsdt, cap_sdt;
    range *ranges; size_t nranges, cap_ranges;

    int skip, props, capture, instr, ins, plc, toc, object;
    bool run_hidden;
    char run_font[48];
    int note_id;
    int comment;      /* index into doc->comments while inside w:comment, else -1 */
    fl_buf comment_text;
    fl_buf carry_para; /* text of a paragraph whose mark was deleted */
    bool has_carry;
    int np_seen; /* w:p elements met in this part, skipped ones included */
    /* A degenerate package (doc.h, FL_MERGE_*): once FL_MERGE_MIN_LINES body
     * paragraphs averaging under FL_MERGE_MAX_AVG bytes have been read, a
     * run of consecutive short plain paragraphs becomes one block, its
     * paragraphs joined by LF, the later ones' starts beside it. */
    size_t seen_paras, seen_bytes;
    fl_buf m_text;
    uint16_t *m_starts; size_t m_count, m_cap; /* m_count paragraphs; m_count - 1 starts */
    int m_para_index, m_last_index; /* w:p ordinals of its first and last */
    unsigned m_flags;
    bool m_has_style;
    char m_style[96];
};

/* ---- small helpers ------------------------------------------------------ */


static int attr_int(const xmlChar **attrs, int n, const char *local, int dflt)
{
    char b[32];
    const char *v = fl_xml_sax_attr(attrs, n, FL_NS_W, local, b, sizeof b);
    return v ? atoi(v) : dflt;
}

static bool attr_onoff(const xmlChar **attrs, int n)
{
    char b[16];
    const char *v = fl_xml_sax_attr(attrs, n, FL_NS_W, "val", b, sizeof b);
    return !v || !(strcmp(v, "false") == 0 || strcmp(v, "0") == 0 || strcmp(v, "off") == 0);
}

static para *cur_para(fl_wml *w) { return w->npara ? &w->paras[w->npara - 1] : NULL; }
static container *cur_cont(fl_wml *w) { return w->ncont ? &w->conts[w->ncont - 1] : NULL; }
static table *cur_table(fl_wml *w) { return w->ntable ? &w->tables[w->ntable - 1] : NULL; }
static el parent_kind(fl_wml *w) { return w->depth >= 2 ? (el)w->frames[w->depth - 2].kind : E_OTHER; }

static bool fields_show(const fl_wml *w)
{
    for (size_t i = 0; i < w->nfield; i++)
        if (!w->fields[i].result) return false;
    return w->fields_overflow == 0;
}

static bool toc_field_open(const fl_wml *w)
{
    for (size_t i = 0; i < w->nfield; i++)
        if (w->fields[i].result && w->fields[i].is_toc) return true;
    return false;
}

static bool emitting(const fl_wml *w) { return w->skip == 0 && w->props == 0 && fields_show(w); }

static void fail(fl_wml *w, fl_diag code, const char *detail)
{
    if (w->failed) return;
    w->failed = 1;
    if (code == FL_E_XML_DEPTH) fl_error_set(w->err, code, FL_MAX_XML_DEPTH, w->part_name);
    else if (code == FL_E_XML_DTD) fl_error_set(w->err, code, w->part_name);
    else fl_error_set(w->err, code, w->part_name, detail);
    if (w->ctxt) xmlStopParser(w->ctxt);
}

/* ---- element classification -------------------------------------------- */

typedef struct { const char *name; el kind; } name_el;
static const name_el w_names[] = {
    {"p", E_P}, {"pPr", E_PPR}, {"pStyle", E_PSTYLE}, {"numPr", E_NUMPR}, {"ilvl", E_ILVL},
    {"numId", E_NUMID}, {"outlineLvl", E_OUTLINE}, {"rPr", E_RPR}, {"r", E_R}, {"t", E_T},
    {"instrText", E_INSTR}, {"delInstrText", E_SKIP}, {"delText", E_SKIP}, {"tab", E_TAB},
    {"ptab", E_TAB}, {"br", E_BR}, {"cr", E_BR}, {"sym", E_SYM}, {"noBreakHyphen", E_NBHYPHEN},
    {"fldChar", E_FLDCHAR}, {"ins", E_INS}, {"del", E_DEL}, {"moveTo", E_MOVETO},
    {"moveFrom", E_MOVEFROM}, {"tbl", E_TBL}, {"tr", E_TR}, {"trPr", E_TRPR},
    {"gridBefore", E_GRIDBEFORE}, {"tblHeader", E_TBLHEADER}, {"tc", E_TC}, {"tcPr", E_TCPR},
    {"gridSpan", E_GRIDSPAN}, {"vMerge", E_VMERGE}, {"txbxContent", E_TXBX}, {"sdt", E_SDT},
    {"sdtPr", E_SDTPR}, {"sdtEndPr", E_SKIP}, {"sdtContent", E_SDTCONTENT},
    {"showingPlcHdr", E_PLCHDR}, {"docPartGallery", E_DOCPARTGALLERY}, {"vanish", E_VANISH},
    {"rFonts", E_RFONTS}, {"rStyle", E_RSTYLE}, {"object", E_OBJECT}, {"footnote", E_NOTE},
    {"endnote", E_NOTE}, {"comment", E_COMMENT}, {"commentRangeStart", E_CRANGE_START},
    {"commentRangeEnd", E_CRANGE_END}, {"commentReference", E_CREF}, {"altChunk", E_ALTCHUNK},
    {"rt", E_SKIP}, {"tblPr", E_PROPS}, {"tblGrid", E_PROPS}, {"sectPr", E_PROPS},
    {"tcPr", E_TCPR}, {"pict", E_OTHER}, {"drawing", E_OTHER},
    /* Word 2003 XML */
    {"listPr", E_LISTPR}, {"ilfo", E_ILFO}, {"binData", E_SKIP},
};

static el classify(fl_wml *w, fl_ns ns, const char *local)
{
    if (ns == FL_NS_W2003) ns = FL_NS_W;
    switch (ns) {
    case FL_NS_W:
        if (w->w2003 && !strcmp(local, "footnote")) return E_W2003_FOOTNOTE;
        for (size_t i = 0; i < sizeof w_names / sizeof w_names[0]; i++)
            if (!strcmp(local, w_names[i].name)) return w_names[i].kind;
        return E_OTHER;
    case FL_NS_MC:
        if (!strcmp(local, "AlternateContent")) return E_AC;
        if (!strcmp(local, "Choice")) return E_CHOICE;
        if (!strcmp(local, "Fallback")) return E_FALLBACK;
        return E_OTHER;
    case FL_NS_PIC: return !strcmp(local, "pic") ? E_PIC : E_OTHER;
    case FL_NS_V: return !strcmp(local, "imagedata") ? E_IMAGEDATA : E_OTHER;
    case FL_NS_A: return !strcmp(local, "blip") ? E_BLIP : E_OTHER;
    case FL_NS_M: return !strcmp(local, "t") ? E_MATH_T : E_OTHER;
    case FL_NS_AML: return !strcmp(local, "annotation") ? E_ANNOTATION : E_OTHER;
    default: return E_OTHER;
    }
}

static el classify_cached(fl_wml *w, const xmlChar *local, const xmlChar *uri)
{
    /* dictionary strings sit a few bytes apart: mix every bit of the pointers */
    uint64_t x = ((uint64_t)(uintptr_t)local ^ ((uint64_t)(uintptr_t)uri << 1)) * 0x9E3779B97F4A7C15ULL;
    size_t h = (size_t)(x >> 55) & (KIND_CACHE - 1);
    kind_slot *k = &w->kinds[h];
    if (k->local != local || k->uri != uri) {
        k->local = local;
        k->uri = uri;
        k->kind = (unsigned char)classify(w, fl_ns_id((const char *)uri), (const char *)local);
    }
    return (el)k->kind;
}

/* ---- namespaces in scope (for mc:Choice Requires) ---------------------- */

static void push_ns(fl_wml *w, int nb, const xmlChar **namespaces)
{
    for (int i = 0; i < nb; i++) {
        FL_VEC_RESERVE(w->nsd, w->cap_nsd, w->nnsd + 1);
        w->nsd[w->nnsd++] = (ns_decl){(const char *)namespaces[2 * i], (const char *)namespaces[2 * i + 1],
                                      (int)w->depth};
    }
}

static void pop_ns(fl_wml *w)
{
    while (w->nnsd && w->nsd[w->nnsd - 1].depth >= (int)w->depth) w->nnsd--;
}

static bool prefix_understood(fl_wml *w, const char *prefix)
{
    for (size_t i = w->nnsd; i-- > 0;)
        if (w->nsd[i].prefix && !strcmp(w->nsd[i].prefix, prefix))
            return fl_ns_understood(fl_ns_id(w->nsd[i].uri));
    return false;
}

static bool requires_ok(fl_wml *w, const char *req)
{
    char buf[256];
    snprintf(buf, sizeof buf, "%s", req);
    for (char *save = NULL, *t = strtok_r(buf, " \t", &save); t; t = strtok_r(NULL, " \t", &save))
        if (!prefix_understood(w, t)) return false;
    return true;
}

/* ---- paragraphs and blocks ------------------------------------------------ */

/* The index the next block will have: a pending merged run is one. */
static size_t next_index(const fl_wml *w) { return w->doc->nblocks + (w->m_count ? 1 : 0); }

static void para_open(fl_wml *w)
{
    if (w->npara == w->cap_paras) { /* text buffers are reused, so new slots start empty */
        size_t old = w->cap_paras;
        FL_VEC_RESERVE(w->paras, w->cap_paras, w->npara + 1);
        memset(w->paras + old, 0, (w->cap_paras - old) * sizeof *w->paras);
    }
    para *p = &w->paras[w->npara++];
    fl_buf keep = p->text;
    memset(p, 0, sizeof *p);
    p->text = keep;
    fl_buf_clear(&p->text);
    p->num_id = p->ilvl = p->outline = -1;
    p->first_block = next_index(w);
    p->para_index = w->np_seen - 1;
    if (w->ins && emitting(w)) p->revision = FL_REV_INS;
    if (w->has_carry) { /* the previous paragraph's mark was deleted: they are one */
        fl_buf_add(&p->text, w->carry_para.data, w->carry_para.len);
        w->has_carry = false;
    }
}

static void flush_carry(fl_wml *w);

static int heading_outline(const para *p, const fl_style_info *si, unsigned *flags)
{
    if (p->outline >= 9 || (p->outline < 0 && si->outline == 10)) *flags |= FL_BF_NO_HEADING;
    return fl_styles_heading_level(si, p->outline);
}

/* The automatic label, rendered in document order so counters advance as
 * Word's do (input/numbering.c). */
static size_t render_label(fl_wml *w, const para *p, const fl_style_info *si, char *label, size_t cap)
{
    if (!w->numbering || (w->part != FL_PART_BODY && w->part != FL_PART_TEXTBOX)) return 0;
    int num_id = p->num_id >= 0 ? p->num_id : si->num_id;
    if (num_id <= 0) return 0;
    int ilvl = p->ilvl >= 0 ? p->ilvl : si->ilvl;
    if (ilvl < 0 && p->num_id < 0)
        ilvl = fl_numbering_level_for_style(w->numbering, num_id, p->has_style ? p->style_id : NULL);
    if (ilvl < 0) ilvl = 0;
    char suffix[8];
    if (!fl_numbering_next(w->numbering, num_id, ilvl, label, cap - 8, suffix, sizeof suffix)) return 0;
    size_t n = strlen(label);
    if (!n) return 0;
    memcpy(label + n, suffix, strlen(suffix) + 1);
    return strlen(label);
}

/* Emit the pending run: one paragraph as the block it would have been,
 * more as one merged block. Called before anything that adds a block or
 * records a block's index. */
static void flush_merged(fl_wml *w)
{
    if (!w->m_count) return;
    fl_block *b = fl_doc_add_block(w->doc, FL_PART_BODY, FL_BLOCK_PARAGRAPH, w->m_text.data ? w->m_text.data : "",
                                   w->m_text.len);
    b->flags = w->m_flags;
    fl_block_set_origin(w->doc, b, w->part_name, w->m_para_index);
    fl_block_set_style(w->doc, b, w->m_has_style ? w->m_style : NULL);
    if (w->m_count > 1) fl_block_set_lines(w->doc, b, w->m_starts, w->m_count);
    w->m_count = 0;
    fl_buf_clear(&w->m_text);
}

/* Take the paragraph into a merged run, when the package is degenerate and
 * the paragraph a plain short one of the body that nothing else points at:
 * no label, heading, outline, style flag but body text, picture, revision,
 * comment, line break; nothing emitted while it was open. The run takes
 * only the w:p right after its last, in the same style, so that a line's
 * paragraph ordinal is the first's plus its line (report/annotate). */
static bool merge_para(fl_wml *w, const para *p, fl_part part, unsigned flags, int outline, size_t label_len,
                       bool in_cell, const char *style)
{
    if (part != FL_PART_BODY || in_cell) return false;
    const char *t = p->text.data ? p->text.data : "";
    size_t n = p->text.len;
    if (w->seen_paras < FL_MERGE_MIN_LINES || w->seen_bytes >= w->seen_paras * FL_MERGE_MAX_AVG) return false;
    if (label_len || outline || (flags & ~(unsigned)FL_BF_NO_HEADING) || p->images || p->nrids || p->revision ||
        p->deletions || w->comment >= 0 || p->first_block != next_index(w) || memchr(t, '\n', n) ||
        (style && strlen(style) >= sizeof w->m_style) || !fl_doc_line_mergeable(t, n))
        return false;
    bool joins = w->m_count && p->para_index == w->m_last_index + 1 && flags == w->m_flags &&
                 (style ? w->m_has_style && !strcmp(style, w->m_style) : !w->m_has_style) &&
                 w->m_text.len + 1 + n <= FL_MERGED_MAX_BYTES;
    if (joins) {
        FL_VEC_RESERVE(w->m_starts, w->m_cap, w->m_count);
        fl_buf_addc(&w->m_text, '\n');
        w->m_starts[w->m_count - 1] = (uint16_t)w->m_text.len;
        fl_buf_add(&w->m_text, t, n);
        w->m_count++;
        w->m_last_index = p->para_index;
        return true;
    }
    flush_merged(w);
    fl_buf_add(&w->m_text, t, n);
    w->m_count = 1;
    w->m_para_index = w->m_last_index = p->para_index;
    w->m_flags = flags;
    w->m_has_style = style != NULL;
    if (style) snprintf(w->m_style, sizeof w->m_style, "%s", style);
    return true;
}

static bool blank(const fl_buf *b)
{
    for (size_t i = 0; i < b->len; i++)
        if (b->data[i] != ' ' && b->data[i] != '\t' && b->data[i] != '\n') return false;
    return true;
}

static void emit_block(fl_wml *w, para *p, fl_part part)
{
    fl_style_info si;
    fl_styles_resolve(w->styles, p->has_style ? p->style_id : NULL, &si);
    unsigned flags = p->flags;
    int outline = 0;
    if (part == FL_PART_BODY || part == FL_PART_TEXTBOX) outline = heading_outline(p, &si, &flags);
    if (si.is_title) flags |= FL_BF_TITLE;
    if (si.is_toc) flags |= FL_BF_TOC;
    char label[160];
    size_t label_len = render_label(w, p, &si, label, sizeof label);
    container *c = cur_cont(w);
    bool in_cell = c && c->is_cell;
    if (blank(&p->text) && p->images == 0 && !(flags & FL_BF_OBJECT) && !(in_cell && p->cell_block))
        return; /* an empty paragraph, or one holding only a page break, is layout */
    const char *style = si.name ? si.name : (p->has_style ? p->style_id : NULL);
    if (part == FL_PART_BODY && !in_cell) {
        w->seen_paras++;
        w->seen_bytes += p->text.len;
    }
    if (merge_para(w, p, part, flags, outline, label_len, in_cell, style)) return;
    flush_merged(w);
    /* Only a labelled paragraph needs a joined copy; the others are handed
     * over as they are, so a 50 MB paragraph is not held three times. A
     * long one is handed over without a copy at all: the document takes its
     * buffer (unless a comment still needs the paragraph's text). */
    fl_buf all = FL_BUF_INIT;
    fl_buf *text = &p->text;
    if (label_len) {
        fl_buf_add(&all, label, label_len);
        fl_buf_add(&all, p->text.data ? p->text.data : "", p->text.len);
        text = &all;
    }
    fl_block_kind kind = in_cell ? FL_BLOCK_CELL : FL_BLOCK_PARAGRAPH;
    fl_block *b;
    if (text->len >= 64 * 1024 && (text == &all || w->comment < 0) && fl_utf8_valid(text->data, text->len)) {
        size_t n = text->len;
        char *own = fl_xrealloc(fl_buf_detach(text), n + 1); /* the doubling reserved more */
        fl_doc_adopt(w->doc, own);
        b = fl_doc_add_block_ref(w->doc, part, kind, own, n);
    } else {
        b = fl_doc_add_block(w->doc, part, kind, text->data ? text->data : "", text->len);
    }
    fl_buf_free(&all);
    if (label_len) {
        size_t bare = label_len;
        while (bare && (label[bare - 1] == '\t' || label[bare - 1] == ' ')) bare--;
        label[bare] = '\0';
        fl_doc_set_label(w->doc, b, label, label_len);
    }
    b->outline = (unsigned)(outline >= 0 && outline <= 9 ? outline : 0);
    b->flags = flags;
    fl_block_set_origin(w->doc, b, w->part_name, p->para_index);
    fl_block_set_style(w->doc, b, style);
    /* the rare members get a record only when one is set */
    bool note = part != FL_PART_BODY && part != FL_PART_TEXTBOX && w->note_id != -1;
    if (p->images || p->revision || p->deletions || note || in_cell) {
        fl_block_extra *x = fl_block_xw(w->doc, b);
        x->images = p->images;
        for (int i = 0; i < p->nrids; i++) fl_doc_image_add(w->doc, b, p->rids[i]);
        x->revision = p->revision;
        x->deletions = p->deletions;
        if (note) x->note_id = w->note_id;
        if (in_cell) {
            x->row = c->row;
            x->col = c->col;
            x->col_span = c->span;
        }
    }
    if (in_cell) {
        b->table = c->table;
        if (c->header_row) b->flags |= FL_BF_HEADER_ROW;
        if (!c->emitted) c->first_block = (int)w->doc->nblocks - 1;
        c->emitted = true;
    }
}

static fl_part block_part(const fl_wml *w)
{
    const container *c = w->ncont ? &w->conts[w->ncont - 1] : NULL;
    return c && !c->is_cell ? c->part : w->part;
}

/* Text boxes anchored in a paragraph were emitted while it was open; a reader
 * sees the paragraph first, so move its block in front of them. */
static void anchor_before_textboxes(fl_wml *w, size_t first)
{
    fl_doc *doc = w->doc;
    size_t last = doc->nblocks - 1;
    if (first >= last) return;
    fl_doc_move_block(doc, last, first);
    container *c = cur_cont(w);
    if (c && c->is_cell && c->first_block == (int)last) c->first_block = (int)first;
}

static void para_close(fl_wml *w)
{
    para *p = cur_para(w);
    if (!p) return;
    if (w->toc || toc_field_open(w)) p->flags |= FL_BF_TOC;
    if (w->plc) p->flags |= FL_BF_PLACEHOLDER;
    if (p->mark_deleted) {
        fl_buf_clear(&w->carry_para);
        fl_buf_add(&w->carry_para, p->text.data ? p->text.data : "", p->text.len);
        w->has_carry = true;
        flush_merged(w);
        fl_doc_add_revision(w->doc, FL_REVK_PARA_DEL, NULL, NULL, (int)w->doc->nblocks);
    } else {
        size_t before = w->doc->nblocks;
        emit_block(w, p, block_part(w));
        if (w->doc->nblocks > before) anchor_before_textboxes(w, p->first_block);
        if (w->comment >= 0) {
            if (w->comment_text.len) fl_buf_addc(&w->comment_text, '\n');
            fl_buf_add(&w->comment_text, p->text.data ? p->text.data : "", p->text.len);
        }
    }
    w->npara--;
}

/* A paragraph whose mark was deleted and that no paragraph followed (end of
 * a cell or part) stands alone. */
static void flush_carry(fl_wml *w)
{
    if (!w->has_carry) return;
    w->has_carry = false;
    para_open(w);
    para *p = cur_para(w);
    fl_buf_add(&p->text, w->carry_para.data, w->carry_para.len);
    para_close(w);
}

static void add_text(fl_wml *w, const char *s, size_t n)
{
    para *p = cur_para(w);
    if (!p) return;
    if (w->plc) p->flags |= FL_BF_PLACEHOLDER;
    if (w->ins) p->revision = FL_REV_INS;
    if (w->run_font[0] && fl_symbol_font(w->run_font)) {
        for (size_t i = 0; i < n;) {
            uint32_t cp;
            i += fl_utf8_decode(s + i, n - i, &cp);
            fl_buf_addcp(&p->text, fl_symbol_map(w->run_font, cp));
        }
        return;
    }
    fl_buf_add(&p->text, s, n);
}

static void add_cp(fl_wml *w, uint32_t cp)
{
    char b[4];
    size_t n = fl_utf8_encode(cp, b);
    para *p = cur_para(w);
    if (!p) return;
    if (w->ins) p->revision = FL_REV_INS;
    fl_buf_add(&p->text, b, n);
}

/* ---- tables --------------------------------------------------------------- */

static void table_open(fl_wml *w)
{
    FL_VEC_RESERVE(w->tables, w->cap_tables, w->ntable + 1);
    table *t = &w->tables[w->ntable++];
    memset(t, 0, sizeof *t);
    t->id = fl_doc_new_table(w->doc);
}

static void table_close(fl_wml *w)
{
    table *t = cur_table(w);
    if (!t) return;
    free(t->restart);
    w->ntable--;
}

static int *restart_slot(table *t, int col)
{
    if (col < 0 || col > 4096) return NULL;
    if ((size_t)col >= t->nrestart) {
        size_t n = (size_t)col + 8;
        t->restart = fl_xrealloc(t->restart, n * sizeof *t->restart);
        for (size_t i = t->nrestart; i < n; i++) t->restart[i] = -1;
        t->nrestart = n;
    }
    return &t->restart[col];
}

static void cell_open(fl_wml *w)
{
    table *t = cur_table(w);
    FL_VEC_RESERVE(w->conts, w->cap_conts, w->ncont + 1);
    container *c = &w->conts[w->ncont++];
    memset(c, 0, sizeof *c);
    c->is_cell = true;
    c->table = t ? t->id : 0;
    c->row = t ? t->row : 0;
    c->col = t ? t->gridcol + 1 : 1;
    c->span = 1;
    c->header_row = t && t->header_row;
    c->first_block = -1;
}

static void cell_close(fl_wml *w)
{
    flush_carry(w);
    container *c = cur_cont(w);
    table *t = cur_table(w);
    if (!c || !c->is_cell) return;
    if (!c->vcontinue && !c->emitted && w->skip == 0) { /* an empty cell is still a cell */
        para_open(w);
        cur_para(w)->cell_block = true;
        para_close(w);
    }
    if (t) {
        int *slot = restart_slot(t, t->gridcol);
        if (c->vcontinue) {
            if (slot && *slot >= 0 && (size_t)*slot < w->doc->nblocks)
                fl_block_xw(w->doc, &w->doc->blocks[*slot])->row_span++;
        } else if (slot) {
            *slot = c->first_block;
        }
        t->gridcol += c->span;
    }
    w->ncont--;
}

static void story_open(fl_wml *w, fl_part part)
{
    FL_VEC_RESERVE(w->conts, w->cap_conts, w->ncont + 1);
    container *c = &w->conts[w->ncont++];
    memset(c, 0, sizeof *c);
    c->part = part;
}

static void story_close(fl_wml *w)
{
    flush_carry(w);
    if (w->ncont) w->ncont--;
}

/* ---- fields ----------------------------------------------------------------- */

static void fld_char(fl_wml *w, const char *type)
{
    if (!type) return;
    if (!strcmp(type, "begin")) {
        if (w->nfield == sizeof w->fields / sizeof w->fields[0]) { w->fields_overflow++; return; }
        field *f = &w->fields[w->nfield++];
        memset(f, 0, sizeof *f);
    } else if (!strcmp(type, "separate")) {
        if (w->fields_overflow || !w->nfield) return;
        field *f = &w->fields[w->nfield - 1];
        f->result = true;
        const char *s = f->instr;
        while (*s == ' ') s++;
        f->is_toc = !strncmp(s, "TOC", 3);
    } else if (!strcmp(type, "end")) {
        if (w->fields_overflow) w->fields_overflow--;
        else if (w->nfield) w->nfield--;
    }
}

/* ---- SAX callbacks -------------------------------------------------------- */

static void push_frame(fl_wml *w, el kind)
{
    FL_VEC_RESERVE(w->frames, w->cap_frames, w->depth + 1);
    w->frames[w->depth].kind = (unsigned char)kind;
    w->frames[w->depth].undo = 0;
    w->depth++;
}

static void set_run_base(fl_wml *w, const fl_style_info *si)
{
    w->run_hidden = si->vanish;
    if (si->symbol_font && si->symbol_font_name) snprintf(w->run_font, sizeof w->run_font, "%s", si->symbol_font_name);
    else w->run_font[0] = '\0';
}

/* Hidden text and symbol fonts can come from the paragraph style and the
 * document defaults, not only from the run: resolve once per paragraph. */
static void run_start(fl_wml *w)
{
    para *p = cur_para(w);
    w->run_hidden = false;
    w->run_font[0] = '\0';
    if (!p) return;
    if (!p->run_base_ready) {
        fl_styles_resolve_run_in(w->styles, p->has_style ? p->style_id : NULL, NULL, &p->run_base);
        p->run_base_ready = true;
    }
    set_run_base(w, &p->run_base);
}

static void run_props(fl_wml *w, el kind, const xmlChar **attrs, int na)
{
    char b[96];
    if (kind == E_VANISH) {
        w->run_hidden = attr_onoff(attrs, na);
    } else if (kind == E_RFONTS) {
        const char *f = fl_xml_sax_attr(attrs, na, FL_NS_W, "ascii", b, sizeof b);
        if (!f) f = fl_xml_sax_attr(attrs, na, FL_NS_W, "hAnsi", b, sizeof b);
        if (f) snprintf(w->run_font, sizeof w->run_font, "%s", f);
    } else if (kind == E_RSTYLE) {
        const char *id = fl_xml_sax_attr(attrs, na, FL_NS_W, "val", b, sizeof b);
        para *p = cur_para(w);
        fl_style_info si;
        fl_styles_resolve_run_in(w->styles, p && p->has_style ? p->style_id : NULL, id, &si);
        set_run_base(w, &si);
    }
}

static void para_props(fl_wml *w, el kind, const xmlChar **attrs, int na)
{
    para *p = cur_para(w);
    char b[96];
    if (!p) return;
    switch (kind) {
    case E_PSTYLE:
        if (fl_xml_sax_attr(attrs, na, FL_NS_W, "val", b, sizeof b)) {
            snprintf(p->style_id, sizeof p->style_id, "%s", b);
            p->has_style = true;
        }
        break;
    case E_ILVL: if (parent_kind(w) == E_NUMPR || parent_kind(w) == E_LISTPR) p->ilvl = attr_int(attrs, na, "val", 0); break;
    case E_NUMID: if (parent_kind(w) == E_NUMPR) p->num_id = attr_int(attrs, na, "val", 0); break;
    case E_ILFO: if (parent_kind(w) == E_LISTPR) p->num_id = attr_int(attrs, na, "val", 0); break;
    case E_OUTLINE: p->outline = attr_int(attrs, na, "val", -1); break;
    default: break;
    }
}

static void record_rev(fl_wml *w, fl_rev_kind k, const xmlChar **attrs, int na)
{
    char a[128], d[64];
    const char *author = fl_xml_sax_attr(attrs, na, FL_NS_W, "author", a, sizeof a);
    const char *date = fl_xml_sax_attr(attrs, na, FL_NS_W, "date", d, sizeof d);
    flush_merged(w);
    fl_doc_add_revision(w->doc, k, author, date, (int)w->doc->nblocks);
}

static void start_props_child(fl_wml *w, frame *f, el kind, const xmlChar **attrs, int na)
{
    el parent = parent_kind(w);
    if (kind == E_DEL && parent == E_RPR && w->depth >= 3 && w->frames[w->depth - 3].kind == E_PPR) {
        para *p = cur_para(w);
        if (p && w->skip == 0) p->mark_deleted = true;
    } else if (kind == E_DEL && parent == E_TRPR) {
        table *t = cur_table(w);
        if (t && !t->row_deleted && w->skip == 0) {
            t->row_deleted = true;
            t->row--;
            record_rev(w, FL_REVK_ROW_DEL, attrs, na);
        }
    } else if (kind == E_TBLHEADER && parent == E_TRPR) {
        table *t = cur_table(w);
        if (t) t->header_row = attr_onoff(attrs, na);
    } else if (kind == E_GRIDBEFORE && parent == E_TRPR) {
        table *t = cur_table(w);
        int n = attr_int(attrs, na, "val", 0);
        if (t && n > 0 && n < 1000) t->gridcol += n;
    } else if (kind == E_GRIDSPAN && parent == E_TCPR) {
        container *c = cur_cont(w);
        int n = attr_int(attrs, na, "val", 1);
        if (c && c->is_cell && n > 0 && n < 1000) c->span = n;
    } else if (kind == E_VMERGE && parent == E_TCPR) {
        char b[32];
        container *c = cur_cont(w);
        const char *v = fl_xml_sax_attr(attrs, na, FL_NS_W, "val", b, sizeof b);
        if (c && c->is_cell) c->vcontinue = !v || strcmp(v, "restart") != 0;
    } else if (kind == E_PLCHDR && parent == E_SDTPR) {
        if (w->nsdt) w->sdts[w->nsdt - 1].plc = attr_onoff(attrs, na);
    } else if (kind == E_DOCPARTGALLERY) {
        char b[64];
        const char *v = fl_xml_sax_attr(attrs, na, FL_NS_W, "val", b, sizeof b);
        if (v && w->nsdt && strstr(v, "Table of Contents")) w->sdts[w->nsdt - 1].toc = true;
    } else if (parent == E_RPR && w->depth >= 3 && w->frames[w->depth - 3].kind == E_R) {
        run_props(w, kind, attrs, na);
    } else if (parent == E_PPR || parent == E_NUMPR || parent == E_LISTPR) {
        para_props(w, kind, attrs, na);
    }
    (void)f;
}

static void add_rid(para *p, const char *rid)
{
    if (!rid || !*rid || p->nrids == 4 || strlen(rid) >= sizeof p->rids[0]) return;
    strcpy(p->rids[p->nrids++], rid);
}

static void start_inline(fl_wml *w, frame *f, el kind, const xmlChar **attrs, int na)
{
    char b[64];
    para *p = cur_para(w);
    switch (kind) {
    case E_T:
    case E_MATH_T:
        if (w->run_hidden) { if (p) p->flags |= FL_BF_HIDDEN; break; }
        w->capture++;
        f->undo |= U_CAPTURE;
        break;
    case E_INSTR:
        w->instr++;
        f->undo |= U_INSTR;
        break;
    case E_TAB:
        if (parent_kind(w) == E_R && !w->run_hidden) add_cp(w, '\t');
        break;
    case E_BR:
        if (parent_kind(w) == E_R && !w->run_hidden) add_cp(w, '\n');
        break;
    case E_NBHYPHEN: if (!w->run_hidden) add_cp(w, '-'); break;
    case E_SYM: {
        char font[48], ch[16];
        const char *fo = fl_xml_sax_attr(attrs, na, FL_NS_W, "font", font, sizeof font);
        const char *c = fl_xml_sax_attr(attrs, na, FL_NS_W, "char", ch, sizeof ch);
        if (c && !w->run_hidden) add_cp(w, fl_symbol_map(fo, (uint32_t)strtoul(c, NULL, 16)));
        break;
    }
    case E_FLDCHAR: break; /* handled before the emit gate */
    case E_PIC:
        if (p) p->images++;
        break;
    case E_IMAGEDATA:
        if (p && !w->object) p->images++;
        if (p && !w->object) add_rid(p, fl_xml_sax_attr(attrs, na, FL_NS_R, "id", b, sizeof b));
        break;
    case E_BLIP:
        if (p && !w->object) add_rid(p, fl_xml_sax_attr(attrs, na, FL_NS_R, "embed", b, sizeof b));
        break;
    case E_OBJECT:
        if (p) p->flags |= FL_BF_OBJECT;
        w->object++;
        f->undo |= U_OBJECT;
        break;
    case E_ALTCHUNK:
        /* the block before it: one after it may not exist, or be a header after sorting */
        flush_merged(w);
        fl_doc_add_notice(w->doc, (int)w->doc->nblocks - 1, "altChunk (embedded HTML/RTF/DOCX) in %s: content not extracted",
                          w->part_name);
        break;
    default: (void)b; break;
    }
}

/* Where a comment's range starts or ends: the block about to be emitted. */
static void comment_range(fl_wml *w, const char *id, bool start, bool end)
{
    if (!id || w->part != FL_PART_BODY) return;
    range *r = NULL;
    for (size_t i = 0; i < w->nranges; i++)
        if (!strcmp(w->ranges[i].id, id)) r = &w->ranges[i];
    if (!r) {
        FL_VEC_RESERVE(w->ranges, w->cap_ranges, w->nranges + 1);
        r = &w->ranges[w->nranges++];
        snprintf(r->id, sizeof r->id, "%s", id);
        r->start = r->end = -1;
    }
    flush_merged(w);
    int here = (int)w->doc->nblocks;
    if (start || r->start < 0) r->start = here;
    if (end) r->end = here;
}

/* A comment (w:comment, or Word 2003's aml:annotation Word.Comment): its
 * paragraphs become comment blocks and their text the comment's text. */
static void comment_open(fl_wml *w, const char *id, const char *author, const char *date)
{
    fl_comment *c = fl_doc_add_comment(w->doc);
    c->id = fl_arena_strdup(&w->doc->arena, id);
    c->author = fl_arena_strdup(&w->doc->arena, author);
    c->date = fl_arena_strdup(&w->doc->arena, date);
    w->comment = (int)w->doc->ncomments - 1;
    w->note_id = id ? atoi(id) : -1;
    fl_buf_clear(&w->comment_text);
}

static void start_structure(fl_wml *w, frame *f, el kind, const xmlChar **attrs, int na)
{
    char b[128];
    switch (kind) {
    case E_P:
        para_open(w);
        f->undo |= U_PARA;
        break;
    case E_R:
        run_start(w);
        f->undo |= U_RUN;
        break;
    case E_TBL:
        flush_carry(w);
        if (cur_cont(w) && cur_cont(w)->is_cell) cur_cont(w)->emitted = true; /* not an empty cell */
        table_open(w);
        f->undo |= U_TABLE;
        break;
    case E_TR: {
        table *t = cur_table(w);
        if (t) { t->row++; t->gridcol = 0; t->row_deleted = false; t->header_row = false; }
        break;
    }
    case E_TC: {
        table *t = cur_table(w);
        cell_open(w);
        f->undo |= U_CONTAINER;
        if (t && t->row_deleted) { w->skip++; f->undo |= U_SKIP; }
        break;
    }
    case E_TXBX:
        flush_carry(w);
        story_open(w, w->part == FL_PART_BODY ? FL_PART_TEXTBOX : w->part);
        f->undo |= U_CONTAINER;
        break;
    case E_W2003_FOOTNOTE:
        story_open(w, FL_PART_FOOTNOTE);
        f->undo |= U_CONTAINER;
        break;
    case E_NOTE: {
        const char *type = fl_xml_sax_attr(attrs, na, FL_NS_W, "type", b, sizeof b);
        if (type && strcmp(type, "normal") != 0) { w->skip++; f->undo |= U_SKIP; break; }
        w->note_id = attr_int(attrs, na, "id", -1);
        f->undo |= U_NOTE;
        break;
    }
    case E_COMMENT: {
        char id[32], a[128], d[64];
        comment_open(w, fl_xml_sax_attr(attrs, na, FL_NS_W, "id", id, sizeof id), fl_xml_sax_attr(attrs, na, FL_NS_W, "author", a, sizeof a),
                     fl_xml_sax_attr(attrs, na, FL_NS_W, "date", d, sizeof d));
        f->undo |= U_NOTE;
        break;
    }
    case E_CRANGE_START:
    case E_CREF:
    case E_CRANGE_END:
        comment_range(w, fl_xml_sax_attr(attrs, na, FL_NS_W, "id", b, sizeof b), kind == E_CRANGE_START,
                      kind != E_CRANGE_START);
        break;
    case E_INS:
    case E_MOVETO:
        record_rev(w, kind == E_INS ? FL_REVK_INS : FL_REVK_MOVE_TO, attrs, na);
        if (cur_para(w)) cur_para(w)->revision = FL_REV_INS;
        w->ins++;
        f->undo |= U_INS;
        break;
    case E_DEL:
    case E_MOVEFROM:
        record_rev(w, kind == E_DEL ? FL_REVK_DEL : FL_REVK_MOVE_FROM, attrs, na);
        if (cur_para(w)) cur_para(w)->deletions++;
        w->skip++;
        f->undo |= U_SKIP;
        break;
    case E_ANNOTATION: { /* Word 2003 tracked changes */
        const char *type = fl_xml_sax_attr(attrs, na, FL_NS_W, "type", b, sizeof b);
        if (type && !strcmp(type, "Word.Deletion")) {
            record_rev(w, FL_REVK_DEL, attrs, na);
            if (cur_para(w)) cur_para(w)->deletions++;
            w->skip++;
            f->undo |= U_SKIP;
        } else if (type && !strcmp(type, "Word.Comment")) {
            char id[32], a[128], d[64];
            comment_open(w, fl_xml_sax_attr(attrs, na, FL_NS_AML, "id", id, sizeof id),
                         fl_xml_sax_attr(attrs, na, FL_NS_AML, "author", a, sizeof a),
                         fl_xml_sax_attr(attrs, na, FL_NS_AML, "createdate", d, sizeof d));
            story_open(w, FL_PART_COMMENT);
            f->undo |= U_CONTAINER | U_NOTE;
        } else if (type && (!strcmp(type, "Word.Comment.Start") || !strcmp(type, "Word.Comment.End"))) {
            char id[32];
            bool start = !strcmp(type, "Word.Comment.Start");
            comment_range(w, fl_xml_sax_attr(attrs, na, FL_NS_AML, "id", id, sizeof id), start, !start);
        } else if (type && !strcmp(type, "Word.Insertion")) {
            record_rev(w, FL_REVK_INS, attrs, na);
            w->ins++;
            f->undo |= U_INS;
        }
        break;
    }
    case E_SDT:
        FL_VEC_RESERVE(w->sdts, w->cap_sdt, w->nsdt + 1);
        w->sdts[w->nsdt].plc = w->sdts[w->nsdt].toc = false;
        w->nsdt++;
        f->undo |= U_SDT;
        break;
    case E_SDTCONTENT:
        if (w->nsdt && w->sdts[w->nsdt - 1].plc) { w->plc++; f->undo |= U_PLC; }
        if (w->nsdt && w->sdts[w->nsdt - 1].toc) { w->toc++; f->undo |= U_TOC; }
        break;
    default: break;
    }
}

static void on_start(void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *URI,
                     int nb_namespaces, const xmlChar **namespaces, int nb_attributes, int nb_defaulted,
                     const xmlChar **attrs)
{
    fl_wml *w = ctx;
    (void)prefix; (void)nb_defaulted;
    if (w->failed) return;
    if (w->depth >= FL_MAX_XML_DEPTH - 1) { fail(w, FL_E_XML_DEPTH, NULL); return; }
    el kind = classify_cached(w, localname, URI);
    if (kind == E_P) w->np_seen++; /* before any skipping: annotate.c counts every w:p */
    push_frame(w, kind);
    push_ns(w, nb_namespaces, namespaces);
    frame *f = &w->frames[w->depth - 1];
    char b[256];
    switch (kind) { /* AlternateContent decides what is skipped, so first */
    case E_AC:
        FL_VEC_RESERVE(w->ac, w->cap_ac, w->nac + 1);
        w->ac[w->nac++] = false;
        f->undo |= U_AC;
        return;
    case E_CHOICE:
    case E_FALLBACK: {
        bool *taken = w->nac ? &w->ac[w->nac - 1] : NULL;
        const char *req = kind == E_CHOICE ? fl_xml_sax_attr(attrs, nb_attributes, FL_NS_OTHER, "Requires", b, sizeof b) : NULL;
        bool take = taken && !*taken && (kind == E_FALLBACK || (req && requires_ok(w, req)));
        if (take) *taken = true;
        else { w->skip++; f->undo |= U_SKIP; }
        return;
    }
    default: break;
    }
    if (w->skip) return;
    if (kind == E_FLDCHAR) { /* field structure counts even inside hidden results */
        fld_char(w, fl_xml_sax_attr(attrs, nb_attributes, FL_NS_W, "fldCharType", b, sizeof b));
        return;
    }
    if (kind == E_PPR || kind == E_RPR || kind == E_TRPR || kind == E_TCPR || kind == E_SDTPR ||
        kind == E_PROPS || kind == E_NUMPR || kind == E_LISTPR) {
        w->props++;
        f->undo |= U_PROPS;
        if (kind == E_PROPS) return;
    }
    if (kind == E_SKIP) { w->skip++; f->undo |= U_SKIP; return; }
    if (w->props) { start_props_child(w, f, kind, attrs, nb_attributes); return; }
    start_structure(w, f, kind, attrs, nb_attributes);
    if (!fields_show(w) && kind != E_INSTR) return;
    start_inline(w, f, kind, attrs, nb_attributes);
}

static void on_end(void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *URI)
{
    fl_wml *w = ctx;
    (void)localname; (void)prefix; (void)URI;
    if (w->failed || !w->depth) return;
    frame *f = &w->frames[w->depth - 1];
    unsigned u = f->undo;
    if (u & U_PARA) para_close(w);
    if (u & U_CONTAINER) {
        container *c = cur_cont(w);
        if (c && c->is_cell) cell_close(w);
        else story_close(w);
    }
    if (u & U_TABLE) { flush_carry(w); table_close(w); }
    if (u & U_SKIP) w->skip--;
    if (u & U_CAPTURE) w->capture--;
    if (u & U_INSTR) w->instr--;
    if (u & U_INS) w->ins--;
    if (u & U_PLC) w->plc--;
    if (u & U_TOC) w->toc--;
    if (u & U_OBJECT) w->object--;
    if (u & U_PROPS) w->props--;
    if (u & U_AC) w->nac--;
    if (u & U_SDT) w->nsdt--;
    if (u & U_RUN) { w->run_hidden = false; w->run_font[0] = '\0'; }
    if (u & U_NOTE) {
        if (w->comment >= 0 && (size_t)w->comment < w->doc->ncomments)
            w->doc->comments[w->comment].text =
                fl_arena_strndup(&w->doc->arena, w->comment_text.data ? w->comment_text.data : "", w->comment_text.len);
        w->comment = -1;
        w->note_id = -1;
        flush_carry(w);
    }
    w->depth--;
    pop_ns(w);
}

static void on_chars(void *ctx, const xmlChar *ch, int len)
{
    fl_wml *w = ctx;
    if (w->failed || len <= 0) return;
    if (w->instr && w->nfield && !w->fields_overflow) {
        field *f = &w->fields[w->nfield - 1];
        if (!f->result) {
            size_t room = sizeof f->instr - 1 - f->ninstr;
            size_t n = (size_t)len < room ? (size_t)len : room;
            memcpy(f->instr + f->ninstr, ch, n);
            f->ninstr += n;
            f->instr[f->ninstr] = '\0';
        }
        return;
    }
    if (!w->capture || !emitting(w)) return;
    add_text(w, (const char *)ch, (size_t)len);
}

static void on_dtd(void *ctx, const xmlChar *name, const xmlChar *ext, const xmlChar *sys)
{
    (void)name; (void)ext; (void)sys;
    fail(ctx, FL_E_XML_DTD, NULL);
}

static void on_error(void *ctx, xmlErrorPtr e)
{
    fl_wml *w = ctx;
    if (!e || e->level < XML_ERR_FATAL || w->failed) return;
    char msg[300];
    fl_xml_error_text(e, msg, sizeof msg);
    if (e->code == XML_ERR_ENTITY_LOOP)
        fail(w, FL_E_XML_DTD, NULL);
    else if (strstr(msg, "Excessive depth"))
        fail(w, FL_E_XML_DEPTH, NULL);
    else
        fail(w, FL_E_XML, msg);
}

/* ---- public API --------------------------------------------------------- */

fl_wml *fl_wml_new(fl_doc *doc, const fl_styles *styles, fl_numbering *numbering)
{
    fl_wml *w = fl_xcalloc(1, sizeof *w);
    w->doc = doc;
    w->styles = styles;
    w->numbering = numbering;
    w->comment = -1;
    w->note_id = -1;
    return w;
}

void fl_wml_word2003(fl_wml *w) { w->w2003 = true; }

static void reset_part(fl_wml *w)
{
    memset(w->kinds, 0, sizeof w->kinds); /* a new parser has a new dictionary */
    while (w->npara) w->npara--; /* buffers are kept for reuse */
    while (w->ntable) table_close(w);
    w->depth = w->ncont = w->nfield = w->fields_overflow = w->nnsd = w->nac = w->nsdt = 0;
    w->skip = w->props = w->capture = w->instr = w->ins = w->plc = w->toc = w->object = 0;
    w->run_hidden = false;
    w->run_font[0] = '\0';
    w->comment = w->note_id = -1;
    w->has_carry = false;
    w->np_seen = 0;
    w->failed = 0;
    w->ncarry = 0;
    w->utf16 = false;
}

void fl_wml_free(fl_wml *w)
{
    if (!w) return;
    if (w->ctxt) xmlFreeParserCtxt(w->ctxt);
    for (size_t i = 0; i < w->cap_paras; i++) fl_buf_free(&w->paras[i].text);
    reset_part(w);
    free(w->frames);
    free(w->paras);
    free(w->conts);
    free(w->tables);
    free(w->nsd);
    free(w->ac);
    free(w->sdts);
    free(w->ranges);
    fl_buf_free(&w->fixed);
    fl_buf_free(&w->comment_text);
    fl_buf_free(&w->carry_para);
    fl_buf_free(&w->m_text);
    free(w->m_starts);
    free(w);
}

int fl_wml_begin(fl_wml *w, fl_part part, const char *part_name, fl_error *err)
{
    reset_part(w);
    w->part = part;
    w->part_name = fl_arena_strdup(&w->doc->arena, part_name);
    w->err = err;
    if (w->ctxt) { xmlFreeParserCtxt(w->ctxt); w->ctxt = NULL; }
    return 0;
}

static int create_ctxt(fl_wml *w, const char *first, size_t n)
{
    xmlSAXHandler sax; /* libxml2 copies it into the context */
    fl_xml_sax_init(&sax, on_start, on_end, on_chars, on_dtd, on_error);
    bool be = false;
    w->utf16 = fl_utf16_sniff(first, n, &be);
    if (w->utf16) fl_utf16_init(&w->u16, be);
    else if (fl_xml_check_encoding(first, n, w->part_name, w->err)) { w->failed = 1; return -1; }
    w->ctxt = xmlCreatePushParserCtxt(&sax, w, NULL, 0, w->part_name);
    if (!w->ctxt) { fail(w, FL_E_INTERNAL, "libxml2 push parser"); return -1; }
    /* transcoded UTF-16 reaches libxml2 as UTF-8 under its encoding="UTF-16" */
    xmlCtxtUseOptions(w->ctxt, fl_xml_parse_options() | (w->utf16 ? XML_PARSE_IGNORE_ENC : 0));
    return 0;
}

/* Replace invalid UTF-8 by U+FFFD before libxml2 sees it, so one bad byte
 * costs a character, not the file. A sequence split across chunks is kept
 * back until the next chunk. */
static const char *repair_utf8(fl_wml *w, const char *chunk, size_t n, size_t *out_n, bool final)
{
    fl_buf_clear(&w->fixed);
    fl_buf_add(&w->fixed, w->carry, w->ncarry);
    fl_buf_add(&w->fixed, chunk, n);
    w->ncarry = 0;
    size_t len = w->fixed.len;
    if (!final) { /* hold back an incomplete trailing sequence */
        size_t k = 0;
        while (k < 3 && k < len && ((unsigned char)w->fixed.data[len - 1 - k] & 0xC0) == 0x80) k++;
        if (k < len) {
            unsigned char lead = (unsigned char)w->fixed.data[len - 1 - k];
            size_t need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
            if (lead >= 0xC0 && need > k + 1) {
                w->ncarry = k + 1;
                memcpy(w->carry, w->fixed.data + len - w->ncarry, w->ncarry);
                len -= w->ncarry;
            }
        }
    }
    if (fl_utf8_valid(w->fixed.data, len)) { *out_n = len; return w->fixed.data; }
    size_t replaced = 0, out_len = 0;
    fl_arena tmp;
    fl_arena_init(&tmp);
    char *s = fl_utf8_sanitize(&tmp, w->fixed.data, len, &out_len, &replaced);
    w->doc->invalid_utf8 += replaced;
    fl_buf_clear(&w->fixed);
    fl_buf_add(&w->fixed, s, out_len);
    fl_arena_free(&tmp);
    *out_n = out_len;
    return w->fixed.data;
}

static const char *from_utf16(fl_wml *w, const char *chunk, size_t n, size_t *out_n, bool final)
{
    fl_buf_clear(&w->fixed);
    fl_utf16_feed(&w->u16, &w->fixed, chunk, n, final);
    *out_n = w->fixed.len;
    return w->fixed.data;
}

static int push(fl_wml *w, const char *chunk, size_t n, bool final)
{
    if (w->failed) return -1;
    if (!w->ctxt && create_ctxt(w, chunk, n)) return -1;
    size_t len = n;
    const char *data = w->utf16 ? from_utf16(w, chunk, n, &len, final) : repair_utf8(w, chunk, n, &len, final);
    /* Small pieces: libxml2 shrinks its input buffer once per xmlParseChunk
     * call and, without XML_PARSE_HUGE, stops with "Huge input lookup" when
     * one call leaves more than 10 MB behind the cursor (a Flat OPC or Word
     * 2003 body handed over whole, with a long paragraph or picture). */
    enum { PIECE = 256 * 1024 };
    while (len > 0 || final) {
        int piece = len > PIECE ? PIECE : (int)len;
        int last = final && (size_t)piece == len;
        int rc = xmlParseChunk(w->ctxt, data, piece, last);
        if (w->failed) return -1;
        if (rc) { fail(w, FL_E_XML, "not well-formed"); return -1; }
        data += piece;
        len -= (size_t)piece;
        if (last) break;
    }
    return 0;
}

int fl_wml_feed(fl_wml *w, const char *chunk, size_t n)
{
    if (!n) return w->failed ? -1 : 0;
    /* a whole Flat OPC part or Word 2003 file comes in one call: repair and
     * parse it a piece at a time, so no copy of all of it is made */
    enum { FEED = 1024 * 1024 };
    for (size_t off = 0; off < n; off += FEED)
        if (push(w, chunk + off, n - off < FEED ? n - off : FEED, false)) return -1;
    return 0;
}

int fl_wml_end(fl_wml *w)
{
    if (!w->ctxt && !w->failed) return fl_error_set(w->err, FL_E_XML, w->part_name, "empty part");
    int rc = push(w, "", 0, true);
    if (!rc && !w->ctxt->wellFormed) { fail(w, FL_E_XML, "not well-formed"); rc = -1; }
    if (!rc && w->utf16 && w->u16.bad)
        fl_doc_add_notice(w->doc, -1, "invalid UTF-16 in %s replaced by U+FFFD or dropped (%zu code units)",
                          w->part_name, w->u16.bad);
    flush_carry(w);
    flush_merged(w); /* a run never spans two parts */
    xmlFreeParserCtxt(w->ctxt);
    w->ctxt = NULL;
    return rc;
}

void fl_wml_abort(fl_wml *w)
{
    if (w->ctxt) xmlFreeParserCtxt(w->ctxt);
    w->ctxt = NULL;
}

int fl_wml_parse(fl_wml *w, fl_part part, const char *part_name, const char *xml, size_t len, fl_error *err)
{
    if (fl_wml_begin(w, part, part_name, err)) return -1;
    if (fl_wml_feed(w, xml, len)) { fl_wml_abort(w); return -1; }
    return fl_wml_end(w);
}

void fl_wml_link_comments(fl_wml *w)
{
    fl_doc *doc = w->doc;
    int last = doc->nblocks ? (int)doc->nblocks - 1 : -1;
    for (size_t i = 0; i < w->nranges; i++)
        for (size_t k = 0; k < doc->ncomments; k++) {
            fl_comment *c = &doc->comments[k];
            if (!c->id || strcmp(c->id, w->ranges[i].id) != 0) continue;
            c->start_block = w->ranges[i].start > last ? last : w->ranges[i].start;
            c->end_block = w->ranges[i].end > last ? last : w->ranges[i].end;
            if (c->end_block < c->start_block) c->end_block = c->start_block;
        }
}
