/* The document model every rule sees. Readers (checker/input/) append blocks
 * with fl_doc_add_block(); fl_doc_finish() (model/finish.h) then numbers
 * lines, builds the section tree, reads fields and detects the document
 * type.
 *
 * Ownership: the fl_doc owns everything reachable from it (one arena plus the
 * malloc'd vectors); strings stay valid until fl_doc_free(). */
#ifndef FL_DOC_H
#define FL_DOC_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "core/arena.h"
#include "core/quantity.h"
#include "core/date.h"

typedef enum fl_part {
    FL_PART_BODY, FL_PART_TEXTBOX, FL_PART_HEADER, FL_PART_FOOTER,
    FL_PART_FOOTNOTE, FL_PART_ENDNOTE, FL_PART_COMMENT, FL_PART_COUNT
} fl_part;

typedef enum fl_block_kind { FL_BLOCK_PARAGRAPH, FL_BLOCK_HEADING, FL_BLOCK_CELL } fl_block_kind;

enum fl_block_flags {
    FL_BF_TITLE = 1u << 0,       /* Title/Subtitle style: document title, never a section */
    FL_BF_TOC = 1u << 1,         /* table-of-contents entry (style, TOC field, leader dots) */
    FL_BF_PLACEHOLDER = 1u << 2, /* content control still showing its placeholder text */
    FL_BF_HIDDEN = 1u << 3,      /* contained w:vanish text (excluded from text) */
    FL_BF_OBJECT = 1u << 4,      /* formula object / chart / altChunk: content not extracted */
    FL_BF_HEADER_ROW = 1u << 5,  /* cell in a repeated table header row (w:tblHeader) */
    FL_BF_NO_HEADING = 1u << 6,  /* reader knows this is body text (outline level 9) */
    FL_BF_SPACED = 1u << 7,      /* CJK characters separated by single spaces (PDF copy, OCR):
                                    the model and the rules match it folded (fl_block_mtext) */
    FL_BF_LIST = 1u << 8,        /* an item of a list of 附图/附件/附表: never a heading or a field */
    FL_BF_MERGED = 1u << 9,      /* stands for a run of short lines (fl_block_nlines > 1): only in
                                    degenerate inputs of millions of tiny lines; never a heading */
};

enum fl_revision { FL_REV_NONE = 0, FL_REV_INS = 1 };

/* A block is 32 bytes: a document of 4 million short lines holds 4 million
 * of them. What most blocks never carry lives elsewhere: the members below
 * that only numbered paragraphs, table cells, pictures, tracked changes,
 * notes and spaced lines have are in one "extra" record per such block
 * (fl_block_x), and the package origin of a block (part, paragraph ordinal,
 * style), which only package readers record, is in a table beside the
 * blocks (fl_block_style, fl_block_part_name, fl_block_para_index). */
typedef struct fl_block {
    const char *text;      /* what a reader sees: label + suffix + text, NUL-terminated */
    uint32_t len;          /* bytes of text (a part is at most 256 MiB, an input 200 MiB) */
    int line;              /* 1-based reading order, set by fl_doc_finish */
    int section;           /* index of the innermost section, -1 if before any */
    int table;             /* 1-based table id within the document, 0 when not in a table */
    uint32_t extra;        /* 1 + index of its record in doc->extras, 0 when it has none */
    unsigned flags : 16;   /* enum fl_block_flags */
    unsigned part : 4;     /* fl_part */
    unsigned kind : 4;     /* fl_block_kind */
    unsigned level : 4;    /* heading level 1..9 once sections are built, else 0 */
    unsigned outline : 4;  /* reader's outline level 1..9 (styles / outlineLvl), 0 none */
} fl_block;

/* The rarely set members of a block. A block without a record reads as
 * fl_block_no_extra: no label, no fold, row and column 0, spans 1, no
 * pictures, no revision, note_id -1. */
typedef struct fl_block_extra {
    const char *label;     /* rendered automatic numbering label alone, NULL if none */
    const char *fold;      /* FL_BF_SPACED: text with the single spaces between CJK characters
                              dropped (fl_norm_text_opts FL_NORM_FOLD_CJK_SPACES on the raw
                              text, white space otherwise kept); NULL otherwise */
    uint32_t label_len;    /* bytes of label + suffix at the start of text */
    /* A heading whose number is typed in its text (no rendered label):
     * bytes of the number, its separator and spaces at the start of the
     * matched text (fl_block_mtext); set by fl_doc_finish, 0 none. */
    uint32_t number_len;
    uint32_t fold_len;
    int row, col;          /* 1-based grid coordinates when table != 0 */
    int col_span;          /* grid columns covered (gridSpan), 1 by default */
    int row_span;          /* rows covered (vMerge), 1 by default */
    int images;            /* pictures anchored in this block (drawing, pict) */
    int revision;          /* enum fl_revision: block contains inserted/moved-to text */
    int deletions;         /* deleted/moved-from runs dropped from this block */
    int note_id;           /* footnote/endnote/comment id for those parts, else -1 */
    /* FL_BF_MERGED: the block stands for nlines lines (its line and the
     * ones after it); the starts of its second to last line, bytes into
     * its text, are doc->line_starts[lines_at ...]. 0 for any other block. */
    uint32_t nlines, lines_at;
} fl_block_extra;

/* Where a block of a package came from; see fl_block_part_name. */
typedef struct fl_block_origin {
    uint32_t para_index;   /* see fl_block_para_index */
    uint16_t part_name;    /* 1 + index in doc->part_names, 0 none */
    uint16_t style;        /* 1 + index in doc->styles, 0 none */
} fl_block_origin;

/* Where a block stands in a paginated original (a PDF): the 1-based page
 * it starts on and the line of that page it starts at, counting the page's
 * text lines from the top (a running header is line 1). 0 when unknown.
 * x, y: the top-left corner of its first line on that page, in points from
 * the page's top-left corner as it is shown (y grows downwards); both 0
 * when not recorded (an annotated PDF copy then puts the note at the top
 * of the page). Kept in the same record as the page so that every move of
 * the blocks carries it. */
typedef struct fl_block_page {
    uint32_t page;
    uint32_t line;
    float x, y;
} fl_block_page;

/* Interned names (part names, style names) of one document. */
typedef struct fl_names {
    const char **v; size_t n, cap;
    uint32_t *slots; size_t nslots; /* open addressing: 1 + index in v, 0 empty */
} fl_names;

typedef struct fl_section {
    int block;         /* index of the heading block */
    int level;         /* 1 = top */
    int parent;        /* index of the parent section, -1 for top level */
    int end;           /* one past the last block index inside it (subsections included) */
    const char *title; /* heading text as shown */
    const char *path;  /* "一、总则 › 1.1 编制依据" */
} fl_section;

typedef struct fl_field {
    const char *name;  /* normalised label: no white space, no （签章） etc. */
    const char *value; /* the value as shown; for checkbox rows, the ticked option(s) */
    int block;         /* index of the block holding the value */
    /* The value read as a number with its unit (model/fieldqty.c), when the
     * whole value is one: 5000 under 总投资（万元）, 1.5%. NULL otherwise.
     * In the document's arena. */
    const fl_quantity *qty;
} fl_field;

typedef struct fl_prop { const char *name, *value; } fl_prop; /* core/app properties */

/* The filing's own date, read once by model/filingdate.c from the cover
 * (编制日期, a date line under the title), a notice's 落款 or its 公示 dates.
 * value has the precision written: m == 0 year only, d == 0 month only. */
typedef struct fl_filing_date {
    bool found;        /* a date was read */
    bool unfilled;     /* a date left as a blank form ("  年  月  日", "201 年 月 日") */
    fl_date value;
    const char *text;  /* the date as typed */
    int block;         /* where, -1 when none */
    const char *source; /* short English word: "cover", "signature", "publicity", ... */
} fl_filing_date;

typedef enum fl_rev_kind { FL_REVK_INS, FL_REVK_DEL, FL_REVK_MOVE_TO, FL_REVK_MOVE_FROM,
                           FL_REVK_PARA_DEL, FL_REVK_ROW_DEL } fl_rev_kind;
typedef struct fl_revision_rec {
    fl_rev_kind kind;
    const char *author, *date;
    int block;        /* block index where it was (the block it would have been in) */
} fl_revision_rec;

typedef struct fl_comment {
    const char *id, *author, *date;
    const char *text;           /* comment text, paragraphs joined by LF */
    int start_block, end_block; /* commented range in the body (block indexes), -1 unknown */
} fl_comment;

/* The most blocks (paragraphs and cells) a document may have, counting
 * every line a merged block stands for. A block costs about 65 bytes with
 * its side records and per-block state whatever its text, so an input of
 * nothing but line breaks would otherwise cost some 30 times its size; real
 * filings of a thousand pages have a few hundred thousand. At the cap that
 * state is about 325 MB when no lines are merged. */
#define FL_DOC_MAX_BLOCKS 5000000u

/* A merged block's text is at most this long: its line starts fit 16 bits,
 * and a pass over one block stays short. */
#define FL_MERGED_MAX_BYTES 65535u

/* When a reader merges lines. Only a degenerate input does: at least
 * FL_MERGE_MIN_LINES lines (the largest filings have some 100,000
 * paragraphs) averaging under FL_MERGE_MAX_AVG bytes (real prose averages
 * well over 50). Even then a line merges only when it is at most
 * FL_MERGE_LINE_MAX bytes, no heading, label or directive, and not among
 * the first or last FL_MERGE_EDGE lines, where the cover, the title and a
 * signature's date stand. */
#define FL_MERGE_MIN_LINES 200000u
#define FL_MERGE_MAX_AVG 8u
#define FL_MERGE_LINE_MAX 32u
#define FL_MERGE_EDGE 1000u

typedef struct fl_notice { const char *message; int block; } fl_notice; /* non-fatal reading notes */

struct fl_reader; /* input/readers.h: the format, one row of the table of readers */

typedef struct fl_doc {
    fl_arena arena;
    const char *path;
    const struct fl_reader *reader; /* set by dispatch; NULL reads as DOCX (fl_reader_of) */
    fl_block *blocks; size_t nblocks, cap_blocks;
    /* Past FL_DOC_MAX_BLOCKS a reader's blocks go to this one record and are
     * counted; the input layer then refuses the file (input/input.c). */
    fl_block overflow; fl_block_extra overflow_extra; size_t dropped_blocks;
    fl_block_extra *extras; size_t nextras, cap_extras;
    fl_block_origin *origins; /* beside blocks (cap_blocks of them), NULL until a reader sets one */
    fl_names part_names, styles;
    fl_block_page *pages; /* beside blocks (cap_blocks of them), NULL until a reader sets one */
    uint8_t *ocr;         /* beside blocks: 1 + the OCR confidence of a scanned page's block, 0 typed */
    /* Line starts of merged blocks (fl_block_set_lines): 2 bytes a line,
     * where a block per line costs some 65. */
    uint16_t *line_starts; size_t nline_starts, cap_line_starts;
    size_t merged_lines; /* lines merged blocks stand for beyond their first */
    void **owned; size_t nowned, cap_owned; /* buffers block texts point into (fl_doc_adopt) */
    fl_section *sections; size_t nsections, cap_sections;
    fl_field *fields; size_t nfields, cap_fields;
    fl_prop *props; size_t nprops, cap_props;
    fl_revision_rec *revisions; size_t nrevisions, cap_revisions;
    fl_comment *comments; size_t ncomments, cap_comments;
    fl_notice *notices; size_t nnotices, cap_notices;
    int ntables;
    size_t invalid_utf8;   /* sequences replaced by U+FFFD while reading */
    const char *doc_type;  /* "eia-book" ... or NULL when not recognised */
    /* Why doc_type (or why none): a short line in English naming the evidence,
     * e.g. "title line 12: 环境影响报告表". Shown by dump and check -v. */
    const char *doc_type_reason;
    /* eia-pp: the filing is one public notice (征求意见稿公示, 报批前公示) about a
     * 报告书, not a 公众参与说明 telling the whole public participation: one
     * channel's text, so the checks of all channels do not apply to it. */
    bool notice;
    /* A notice's stage (model/noticestage.c): "first" (首次公开), "draft"
     * (征求意见稿公示), "final" (报批前公开), NULL when it is no notice or
     * neither its title nor its text tells; the reason is a short English
     * line, NULL when it is no notice. */
    const char *notice_stage;
    const char *notice_stage_reason;
    /* eia-form: the official layout it is written in (model/form.h:
     * "2021-pollution", "2021-ecology", "pre-2021", "unknown") and why, a
     * short English line naming the cover word or part titles; NULL for
     * the other types. */
    const char *form;
    const char *form_reason;
    fl_filing_date filing_date;
    /* The pictures of a package and their hashes: doc/images.h (in the arena). */
    struct fl_images *images;
    const char *encoding;  /* text input: "UTF-8", "UTF-16LE", "GB18030"...; NULL for packages */
    bool finished;
} fl_doc;

fl_doc *fl_doc_new(const char *path);
void fl_doc_free(fl_doc *doc); /* NULL-safe */

/* Append a block; text is copied (and sanitised to valid UTF-8). label may be
 * NULL; when given, text must already start with label+suffix and label_len
 * counts those bytes. Returns the block (valid until the next add). */
fl_block *fl_doc_add_block(fl_doc *doc, fl_part part, fl_block_kind kind,
                           const char *text, size_t len);
/* The same without the copy when text is valid UTF-8: text[len] must be a
 * NUL and the bytes must live as long as the document (a buffer given to
 * fl_doc_adopt). Invalid UTF-8 is copied and sanitised as above. */
fl_block *fl_doc_add_block_ref(fl_doc *doc, fl_part part, fl_block_kind kind,
                               const char *text, size_t len);
/* The document frees buf (malloc'd) with itself. */
void fl_doc_adopt(fl_doc *doc, void *buf);
void fl_doc_set_label(fl_doc *doc, fl_block *b, const char *label, size_t label_len_with_suffix);
/* Move the block at index from to index to (to <= from), shifting those
 * between one place on: what a reader does when it learns late that a
 * block comes earlier in reading order. */
void fl_doc_move_block(fl_doc *doc, size_t from, size_t to);
void fl_doc_set_prop(fl_doc *doc, const char *name, const char *value);
const char *fl_doc_prop(const fl_doc *doc, const char *name);
fl_revision_rec *fl_doc_add_revision(fl_doc *doc, fl_rev_kind kind, const char *author,
                                     const char *date, int block);
fl_comment *fl_doc_add_comment(fl_doc *doc);
void fl_doc_add_notice(fl_doc *doc, int block, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
int fl_doc_new_table(fl_doc *doc); /* next 1-based table id */

/* Order blocks (body and text boxes first, then headers, footers,
 * footnotes, endnotes, comments) and remap the block indexes recorded in
 * revisions, comments and notices; give back what the vectors reserved.
 * The storage's half of fl_doc_finish (model/finish.h). */
void fl_doc_seal(fl_doc *doc);

/* ---- the members of a block that live beside it ---- */

extern const fl_block_extra fl_block_no_extra;
/* The block's rare members, fl_block_no_extra when it has none. */
static inline const fl_block_extra *fl_block_x(const fl_doc *doc, const fl_block *b)
{
    return b->extra ? &doc->extras[b->extra - 1] : &fl_block_no_extra;
}
/* For readers: the block's record, made on first use. The pointer is valid
 * until the next call for another block. */
fl_block_extra *fl_block_xw(fl_doc *doc, fl_block *b);

/* Style name as the producer wrote it, NULL if none. */
const char *fl_block_style(const fl_doc *doc, const fl_block *b);
/* Package part the block came from ("word/document.xml"), NULL if none. */
const char *fl_block_part_name(const fl_doc *doc, const fl_block *b);
/* 0-based ordinal of its w:p among all w:p elements of its part in
 * document order (skipped ones counted); meaningful only when the part
 * name is set (report/annotate.c finds the paragraph by it); -1 when not. */
int fl_block_para_index(const fl_doc *doc, const fl_block *b);
void fl_block_set_style(fl_doc *doc, fl_block *b, const char *style);
void fl_block_set_origin(fl_doc *doc, fl_block *b, const char *part_name, int para_index);
/* The page and line on the page a block starts at (fl_block_page); {0, 0}
 * for documents that have no pages (every reader but the PDF one). */
fl_block_page fl_block_page_of(const fl_doc *doc, const fl_block *b);
void fl_block_set_page(fl_doc *doc, fl_block *b, unsigned page, unsigned line);
/* The position of its first line (fl_block_page's x, y); call after
 * fl_block_set_page. */
void fl_block_set_page_pos(fl_doc *doc, fl_block *b, float x, float y);
/* A block OCR read from a scanned page (a PDF read with --ocr): Tesseract's
 * confidence in its lines, 0-100; -1 for a block read from typed text. */
int fl_block_ocr(const fl_doc *doc, const fl_block *b);
void fl_block_set_ocr(fl_doc *doc, fl_block *b, int conf);

/* A block that stands for a run of n >= 2 short lines (a reader's choice
 * on degenerate inputs): starts[0 .. n-2] are the byte offsets in its text
 * (at most FL_MERGED_MAX_BYTES) where its second to last lines start, each
 * after a '\n'. Sets FL_BF_MERGED and FL_BF_NO_HEADING; its lines count
 * against FL_DOC_MAX_BLOCKS. */
void fl_block_set_lines(fl_doc *doc, fl_block *b, const uint16_t *starts, size_t n);
/* May a line (or a plain paragraph) of this text join a merged run, as far
 * as its text tells: at most FL_MERGE_LINE_MAX bytes, no heading number
 * (core/heading.h), no label colon, no digit and no 年, 月 or 日 (a date, a
 * number, an amount), no markup ('<'). Readers add what they alone know. */
bool fl_doc_line_mergeable(const char *s, size_t n);
/* Lines the block stands for: 1 unless merged. */
static inline uint32_t fl_block_nlines(const fl_doc *doc, const fl_block *b)
{
    return (b->flags & FL_BF_MERGED) ? fl_block_x(doc, b)->nlines : 1;
}
/* The line of the block's text holding byte off, 0 for its first, and
 * where that line starts and ends (bytes into text, the end before its
 * '\n'). A block that is not merged has one line, [0, len). */
uint32_t fl_block_line_of(const fl_doc *doc, const fl_block *b, size_t off, size_t *start, size_t *end);
/* Where line k (0 for the first) of the block's text starts; its length
 * when k is past its lines. */
size_t fl_block_line_start(const fl_doc *doc, const fl_block *b, uint32_t k);

/* The text the model and the rules match: the folded text of a spaced
 * block, else the text itself. Offsets into it are not offsets into text;
 * rules go through fl_norm (engine.c), which maps back. */
static inline const char *fl_block_mtext(const fl_doc *doc, const fl_block *b, size_t *len)
{
    const fl_block_extra *x = fl_block_x(doc, b);
    if (x->fold) { *len = x->fold_len; return x->fold; }
    *len = b->len;
    return b->text;
}

/* Lookups for rules. */
const fl_field *fl_doc_field(const fl_doc *doc, const char *name); /* first with that name */
const char *fl_doc_section_path(const fl_doc *doc, int block);     /* "" when none */

extern const char *const fl_part_names[FL_PART_COUNT]; /* "body", "textbox", ... */
#endif
