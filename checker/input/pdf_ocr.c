/* Scanned pages of a PDF read by OCR: Tesseract through its C API, the
 * page rendered by MuPDF (--ocr; the FL_OCR build option; docs/pdf.md).
 *
 * What a scanned filing is: an older 报告表 printed, signed, stamped and
 * scanned whole, or a report exported from Word with the signature pages
 * (审批意见, the 建设单位's seal, the 编制单位's 承诺书) scanned and put
 * in among the typed pages. The PDF reader (pdf.c) reads the typed pages
 * from their text layer and hands each page without one to this file,
 * which gives the page back as MuPDF's structured text: one line per line
 * Tesseract read, one character per symbol with its box, so the reader's
 * own machinery (paragraphs from the lines' geometry, running headers,
 * page and line numbers) serves both kinds of page alike.
 *
 * Tesseract separates Han characters with spaces (each is a word to it);
 * a space is put only between two words that are not both CJK, so
 * "建设项目名称" comes back whole and "GB 3095-2012" keeps its space.
 *
 * Limits: one page is rendered at a time (300 dpi grey, fewer dots on a
 * page larger than A3 so that no page is more than 40 million pixels: 40
 * MB) and freed before the next; Tesseract stops a page past 20,000 words
 * (its cancel hook counts them), so a page of noise ends; the reader reads
 * at most FL_OCR_MAX_PAGES pages by OCR. Tesseract runs on one thread: its
 * OpenMP loops would otherwise take every core each, and a batch with -j
 * would overcommit. */
#include "input/pdf_ocr.h"
#include "input/formats.h"
#include "core/arena.h"
#include "core/utf8.h"
#include <dlfcn.h>
#include <stdio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <tesseract/capi.h>

#define OCR_DPI 300.0f
#define OCR_MAX_PIXELS 40e6f
#define OCR_MAX_WORDS 20000
/* A line whose words read with less confidence than this, on average, is
 * noise (speckles, a seal's ring, a signature's strokes taken for letters),
 * not text. Only words with a letter, a digit or a CJK character count:
 * Tesseract reads specks as dots and commas it is sure of. */
#define OCR_MIN_CONF 40
#define OCR_MIN_CONF_LATIN 75 /* a line without two ideographs */
#define OCR_LANGS "chi_sim+eng"

static bool wanted;

/* Tesseract's OpenMP loops ask for several threads; with no active level
 * allowed, every parallel region runs on the thread that meets it. The
 * setting is the calling thread's in libgomp, so it is made before each
 * page on the thread that reads it. Found at run time: a Tesseract built
 * without OpenMP has nothing to set. */
static void one_thread(void)
{
    void *sym = dlsym(RTLD_DEFAULT, "omp_set_max_active_levels");
    if (!sym) return;
    void (*set)(int);
    memcpy(&set, &sym, sizeof set);
    set(0);
}

void fl_pdf_set_ocr(bool on) { wanted = on; }
bool fl_ocr_on(void) { return wanted; }

struct fl_ocr {
    TessBaseAPI *api;
    bool failed;
};

void fl_ocr_free(fl_ocr *o)
{
    if (!o) return;
    if (o->api) {
        TessBaseAPIEnd(o->api);
        TessBaseAPIDelete(o->api);
    }
    free(o);
}

static fl_ocr *ocr_new(char *why, size_t cap)
{
    fl_ocr *o = calloc(1, sizeof *o);
    if (!o) return NULL;
    o->api = TessBaseAPICreate();
    /* Tesseract's messages ("Estimating resolution", a missing data file)
     * go to its debug file: a batch shows one line per file */
    TessBaseAPISetVariable(o->api, "debug_file", "/dev/null");
    /* NULL: the data path is TESSDATA_PREFIX, else the one Tesseract was
     * built with (Debian: /usr/share/tesseract-ocr/5/tessdata) */
    if (TessBaseAPIInit3(o->api, NULL, OCR_LANGS)) {
        snprintf(why, cap, "OCR needs Tesseract's language data chi_sim and eng "
                           "(Debian: tesseract-ocr-chi-sim, tesseract-ocr-eng; TESSDATA_PREFIX names their folder)");
        o->failed = true;
        return o;
    }
    TessBaseAPISetVariable(o->api, "debug_file", "/dev/null");
    TessBaseAPISetPageSegMode(o->api, PSM_AUTO);
    TessBaseAPISetVariable(o->api, "preserve_interword_spaces", "1");
    return o;
}

static bool too_many_words(void *user, int words) { return words > OCR_MAX_WORDS; }

/* CJK: ideographs, kana, CJK and fullwidth punctuation (，。（）：). */
static bool cjk(uint32_t c) { return c >= 0x2E80; }

static int cmp_float(const void *a, const void *b)
{
    float x = *(const float *)a, y = *(const float *)b;
    return x < y ? -1 : x > y;
}

/* ---- Tesseract's result as structured text -------------------------------------- */

typedef struct builder {
    fz_context *ctx;
    fz_stext_page *sp;
    fz_stext_block *block; /* one block holds every line */
    fz_stext_line *line;
    float scale, x0, y0;   /* pixels to points, the page's origin */
    float heights[512];    /* the line's symbol heights, for its size */
    size_t nheights;
    uint32_t last;         /* the line's last character, 0 none */
    float last_x1;         /* and where it ends */
    float word_conf;       /* the word being read: its confidence */
    bool word_text;        /* it has a letter, a digit or a CJK character */
    int han, run, best_run; /* the line's ideographs; its longest run of letters and digits */
    float conf_sum;        /* the line's words with text: confidences summed */
    int conf_n;
    int *confs; size_t nconfs, cap_confs;
} builder;

static void *palloc(builder *b, size_t n)
{
    void *p = fz_pool_alloc(b->ctx, b->sp->pool, n);
    memset(p, 0, n);
    return p;
}

static void add_char(builder *b, uint32_t c, float x0, float x1, float top, float bottom)
{
    fz_stext_char *ch = palloc(b, sizeof *ch);
    ch->c = (int)c;
    ch->origin = fz_make_point(x0, bottom);
    ch->quad = fz_make_quad(x0, top, x1, top, x0, bottom, x1, bottom);
    if (b->line->last_char) b->line->last_char->next = ch;
    else b->line->first_char = ch;
    b->line->last_char = ch;
}

/* The line done: every character's size is the median height of its
 * symbols (a line of CJK is as high as its type; a comma or a dash is not). */
static void end_word(builder *b)
{
    if (b->word_text) b->conf_sum += b->word_conf, b->conf_n++;
    b->word_text = false;
}

static void end_line(builder *b)
{
    if (!b->line) return;
    end_word(b);
    int conf = b->conf_n ? (int)lrintf(b->conf_sum / (float)b->conf_n) : 0;
    b->confs[b->nconfs - 1] = conf < 0 ? 0 : conf > 100 ? 100 : conf;
    /* no symbol had text, or noise: no line (pdf.c pairs lines and
     * confidences). Specks and strokes read as a letter or two and an
     * ideograph now and then; a line of a filing has two ideographs or
     * more, or is a code or a number read with confidence. */
    bool text = b->han >= 2 ? conf >= OCR_MIN_CONF : b->best_run >= 2 && conf >= OCR_MIN_CONF_LATIN;
    if (!b->line->first_char || !text) {
        fz_stext_line *l = b->line;
        b->block->u.t.last_line = l->prev;
        if (l->prev) l->prev->next = NULL;
        else b->block->u.t.first_line = NULL;
        b->nconfs--;
        b->line = NULL;
        return;
    }
    float size = 1;
    if (b->nheights) {
        qsort(b->heights, b->nheights, sizeof *b->heights, cmp_float);
        size = b->heights[b->nheights / 2];
    }
    for (fz_stext_char *c = b->line->first_char; c; c = c->next) c->size = size;
    b->line = NULL;
}

static void start_line(builder *b, const fz_rect *box)
{
    fz_stext_line *l = palloc(b, sizeof *l);
    l->dir = fz_make_point(1, 0);
    l->bbox = *box;
    if (b->block->u.t.last_line) {
        b->block->u.t.last_line->next = l;
        l->prev = b->block->u.t.last_line;
    } else b->block->u.t.first_line = l;
    b->block->u.t.last_line = l;
    b->block->bbox = fz_union_rect(b->block->bbox, *box);
    b->line = l;
    b->nheights = 0;
    b->last = 0;
    b->conf_sum = 0;
    b->conf_n = 0;
    b->han = b->run = b->best_run = 0;
    b->word_text = false;
    FL_VEC_RESERVE(b->confs, b->cap_confs, b->nconfs + 1);
    b->confs[b->nconfs++] = 0;
}

static fz_rect to_points(const builder *b, int l, int t, int r, int bo)
{
    return fz_make_rect(b->x0 + l * b->scale, b->y0 + t * b->scale, b->x0 + r * b->scale, b->y0 + bo * b->scale);
}

static bool letter(uint32_t c)
{
    return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || (c >= 0x3400 && c < 0xA000) ||
           (c >= 0xFF10 && c <= 0xFF5A);
}

/* Walk Tesseract's symbols into b: a line at each line's first symbol, a
 * space before each word but between two CJK ones. Lines of noise (below
 * OCR_MIN_CONF) are left out. */
static void build(builder *b, TessResultIterator *it)
{
    TessPageIterator *pit = TessResultIteratorGetPageIterator(it);
    bool skip = false;
    do {
        int l, t, r, bo;
        if (TessPageIteratorIsAtBeginningOf(pit, RIL_TEXTLINE)) {
            end_line(b);
            skip = !TessPageIteratorBoundingBox(pit, RIL_TEXTLINE, &l, &t, &r, &bo);
            if (!skip) {
                fz_rect box = to_points(b, l, t, r, bo);
                start_line(b, &box);
            }
        }
        if (skip) continue;
        bool word_start = TessPageIteratorIsAtBeginningOf(pit, RIL_WORD);
        if (word_start) {
            end_word(b);
            b->word_conf = TessResultIteratorConfidence(it, RIL_WORD);
        }
        char *text = TessResultIteratorGetUTF8Text(it, RIL_SYMBOL);
        if (!text) continue;
        if (!TessPageIteratorBoundingBox(pit, RIL_SYMBOL, &l, &t, &r, &bo)) {
            TessDeleteText(text);
            continue;
        }
        fz_rect box = to_points(b, l, t, r, bo);
        size_t n = strlen(text), k = 0, count = 0;
        for (size_t i = 0; i < n; count++) { /* the code points of the symbol share its box */
            uint32_t c;
            i += fl_utf8_decode(text + i, n - i, &c);
        }
        for (size_t i = 0; i < n; k++) {
            uint32_t c;
            i += fl_utf8_decode(text + i, n - i, &c);
            if (c < 0x20 || c == ' ' || (c >= 0x7F && c <= 0xA0) || c == 0x3000) continue; /* pdf.c drops them */
            if (word_start && k == 0 && b->last && !(cjk(b->last) && cjk(c)))
                add_char(b, ' ', b->last_x1, box.x0, box.y0, box.y1);
            b->word_text = b->word_text || letter(c);
            bool alnum = c < 0x80 && letter(c);
            b->han += c >= 0x3400 && c < 0xA000;
            b->run = alnum ? b->run + 1 : 0;
            if (b->run > b->best_run) b->best_run = b->run;
            float w = (box.x1 - box.x0) / (float)count;
            add_char(b, c, box.x0 + k * w, box.x0 + (k + 1) * w, box.y0, box.y1);
            b->last = c;
            b->last_x1 = box.x1;
        }
        if (b->nheights < sizeof b->heights / sizeof *b->heights) b->heights[b->nheights++] = box.y1 - box.y0;
        TessDeleteText(text);
    } while (TessResultIteratorNext(it, RIL_SYMBOL));
    end_line(b);
}

fz_stext_page *fl_ocr_page(fl_ocr **op, fz_context *ctx, fz_page *page, int **confs, size_t *nconfs, char *why,
                           size_t cap)
{
    *confs = NULL;
    *nconfs = 0;
    if (!*op && !(*op = ocr_new(why, cap))) {
        snprintf(why, cap, "out of memory");
        return NULL;
    }
    fl_ocr *o = *op;
    if (o->failed) return NULL;
    fz_rect box = fz_bound_page(ctx, page);
    float w = box.x1 - box.x0, h = box.y1 - box.y0, dpi = OCR_DPI;
    if (w <= 0 || h <= 0) return NULL;
    if ((w * dpi / 72) * (h * dpi / 72) > OCR_MAX_PIXELS) dpi = 72 * sqrtf(OCR_MAX_PIXELS / (w * h));
    /* on the heap: it changes inside MuPDF's exception frame (a longjmp) */
    builder *b = calloc(1, sizeof *b);
    if (!b) {
        snprintf(why, cap, "out of memory");
        return NULL;
    }
    *b = (builder){.ctx = ctx, .scale = 72 / dpi, .x0 = box.x0, .y0 = box.y0};
    fz_pixmap *volatile pix = NULL;
    fz_stext_page *volatile sp = NULL;
    ETEXT_DESC *volatile mon = NULL;
    TessResultIterator *volatile it = NULL;
    fz_try(ctx) {
        pix = fz_new_pixmap_from_page(ctx, page, fz_scale(dpi / 72, dpi / 72), fz_device_gray(ctx), 0);
        sp = fz_new_stext_page(ctx, box);
        b->sp = sp;
        b->block = palloc(b, sizeof *b->block);
        b->block->type = FZ_STEXT_BLOCK_TEXT;
        b->block->bbox = fz_empty_rect;
        sp->first_block = sp->last_block = b->block;
        one_thread();
        TessBaseAPISetImage(o->api, fz_pixmap_samples(ctx, pix), fz_pixmap_width(ctx, pix),
                            fz_pixmap_height(ctx, pix), 1, (int)fz_pixmap_stride(ctx, pix));
        TessBaseAPISetSourceResolution(o->api, (int)lrintf(dpi));
        mon = TessMonitorCreate();
        TessMonitorSetCancelFunc(mon, too_many_words);
        if (TessBaseAPIRecognize(o->api, mon) == 0 && (it = TessBaseAPIGetIterator(o->api))) build(b, it);
    }
    fz_always(ctx) {
        if (it) TessResultIteratorDelete(it);
        if (mon) TessMonitorDelete(mon);
        TessBaseAPIClear(o->api);
        fz_drop_pixmap(ctx, pix);
    }
    fz_catch(ctx) {
        fz_drop_stext_page(ctx, sp);
        free(b->confs);
        free(b);
        fz_rethrow(ctx);
    }
    *confs = b->confs;
    *nconfs = b->nconfs;
    free(b);
    return sp;
}
