/* The byte-level side of annotated copies (annotate.c): one libxml2 SAX pass
 * over an XML buffer records where things are, as byte offsets into that
 * buffer (paragraphs, their runs and text, part roots, relationships), and
 * an edit list then splices new markup in at those offsets. Everything not
 * edited stays byte-identical, which a re-serialisation through a DOM or
 * writer could not promise.
 *
 * The offsets come from xmlByteConsumed() inside the SAX callbacks, where
 * libxml2 stands on the '>' (or "/>") of a start tag and just past the '>'
 * of an end tag; the scanner checks those bytes on every element and fails
 * rather than guess. Only UTF-8 buffers are scanned (the caller repairs
 * invalid bytes first and refuses UTF-16).
 *
 * Ownership: an fl_ax_scan owns its vectors and strings (fl_ax_scan_free); it
 * borrows the buffer and the names it is given. */
#ifndef FL_ANNOTATE_XML_H
#define FL_ANNOTATE_XML_H
#include <stdbool.h>
#include <stddef.h>
#include "core/buf.h"
#include "core/error.h"

typedef enum fl_ax_mode {
    AX_PART,  /* the buffer is one OPC part, named by part_name */
    AX_FLAT,  /* a Flat OPC pkg:package: parts are pkg:part/pkg:xmlData */
    AX_W2003  /* a Word 2003 w:wordDocument: the whole buffer is the document */
} fl_ax_mode;

typedef struct fl_ax_rel {   /* a Relationship of some .rels part */
    char *source;         /* the .rels part it sits in, without leading '/' */
    char *id, *type, *target;
    bool external;
} fl_ax_rel;

typedef struct fl_ax_root {  /* the root element of a part we may extend */
    bool seen, empty;     /* empty: written <x/> */
    size_t close;         /* '<' of its end tag, or the '/' of "/>" */
    char qname[64];       /* as written, with prefix */
} fl_ax_root;

typedef struct fl_ax_seg {   /* one w:t of a wanted paragraph */
    size_t t_lt, t_gt;    /* its start tag */
    size_t c0, c1;        /* raw content */
    size_t run_lt, run_gt, run_end; /* the enclosing w:r: start tag, one past its end tag */
    size_t rpr0, rpr1;    /* the run's w:rPr, raw (equal when none) */
    size_t box_lt, box_end; /* the paragraph's child holding the run when the run is not
                               one itself (w:ins, w:hyperlink, w:sdt...), else 0 */
    size_t text0, text1;  /* decoded text in fl_ax_scan.text */
    bool first_in_run;    /* nothing but w:rPr before it in the run */
    bool last_in_run;     /* nothing after it in the run */
    bool has_space;       /* carries xml:space already */
    int para;             /* ordinal of its paragraph */
} fl_ax_seg;

typedef struct fl_ax_para {  /* one w:p of the main document, in document order */
    size_t lt, gt;        /* start tag: '<' and the '>' (or '/' of "/>") */
    bool empty;           /* <w:p/> */
    size_t content;       /* where its content starts (after a leading w:pPr) */
    size_t end_lt;        /* '<' of </w:p> (0 when empty) */
    int outer;            /* ordinal of the outermost w:p around it (itself at top level) */
    size_t seg0, nseg;    /* its w:t, when wanted */
    bool complex;         /* a w:t held markup (CDATA, comment): no text positions */
} fl_ax_para;

typedef struct fl_ax_scan {
    /* set by the caller */
    const char *buf;
    size_t len;
    fl_ax_mode mode;
    const char *part_name;      /* AX_PART: this buffer's part */
    const char *main, *comments, *main_rels; /* part names (no '/'), NULL when unknown */
    const unsigned char *want;  /* paragraph ordinals whose text is wanted (bitmap) */
    size_t nwant;               /* bits in want */
    /* results */
    fl_ax_para *paras; size_t nparas, cap_paras;
    fl_ax_seg *segs; size_t nsegs, cap_segs;
    fl_buf text;                /* decoded w:t text of wanted paragraphs */
    fl_ax_rel *rels; size_t nrels, cap_rels;
    char **parts; size_t nparts, cap_parts; /* AX_FLAT: part names seen */
    char **overrides; size_t noverrides, cap_overrides; /* [Content_Types].xml PartNames */
    bool rels_default;          /* a Default for the "rels" extension exists */
    long max_id; bool any_id;   /* highest comment / annotation id met */
    fl_ax_root comments_root, rels_root, types_root, package_root;
    bool body_seen, body_empty; size_t body_lt, body_gt;
    char w_uri[96];             /* namespace of the document's w:p */
} fl_ax_scan;

int fl_ax_scan_run(fl_ax_scan *s, fl_error *err);
void fl_ax_scan_free(fl_ax_scan *s);
/* Index into raw character data r[0..n) where its decoded text reaches
 * `decoded` bytes (entity and character references count as what they
 * stand for). */
size_t fl_ax_raw_offset(const char *r, size_t n, size_t decoded);
/* Qualified name of the element whose start tag begins at lt ("w:p"). */
void fl_ax_qname_at(const char *buf, size_t len, size_t lt, char *out, size_t cap);

/* Splices, applied in (offset, order of adding) order; deletions must not
 * overlap. */
typedef struct fl_ax_edit { size_t at, del, text, n, seq; } fl_ax_edit;
typedef struct fl_ax_edits { fl_ax_edit *v; size_t n, cap; fl_buf pool; } fl_ax_edits;
void fl_ax_edits_add(fl_ax_edits *e, size_t at, size_t del, const char *text, size_t n);
/* Adds at the end of everything else added at the same offset. */
void fl_ax_edits_add_last(fl_ax_edits *e, size_t at, const char *text, size_t n);
/* The buffer with the edits applied; caller frees. NULL if edits overlap. */
char *fl_ax_edits_apply(fl_ax_edits *e, const char *buf, size_t len, size_t *out_len);
void fl_ax_edits_free(fl_ax_edits *e);

/* XML-escape s into b (attribute-safe). */
void fl_ax_esc(fl_buf *b, const char *s);
#endif
