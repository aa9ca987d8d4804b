/* The filing's own date (doc/doc.h fl_filing_date): the day the filing
 * says it was written, which decides the law it is judged by.
 *
 * Only the places where a filing dates itself count; a date deep in the
 * body (a monitoring date, a cited standard's year, the years of a plan, a
 * 公示 period told in a 公众参与说明) never does. In order of preference:
 *
 *   1. "cover-field": the 编制日期 field (its label says what it is), or a
 *      cover line labelled 编制时间, 完成日期, 日期 and the like, also
 *      inside a line (two fields a line, or a whole cover glued into the
 *      first line by a PDF copy).
 *   2. "cover": a date line in the cover region (model/cover.h: the lines
 *      before the 目录, the first chapter or the first sentence): a date
 *      alone (二〇一九年四月 as the last short line, 2021年5月 under
 *      建设单位：…) or a unit's name followed by the date.
 *   3. "publicity": a notice's publication line in that region
 *      (发布日期：…, 发布时间：…, 公示日期：…).
 *   4. "signature": the 落款 of a short document (a notice, a letter; at
 *      most SHORT_DOC lines): its last paragraph, past the lines of its
 *      attachments (附件…, links), is a date alone or after the unit's name
 *      (古丈县卫生健康局 2022年3月30日, or the unit on one line and the date
 *      on the next); a 公示牌's closing 公示日期：… counts as "publicity".
 *   5. "publicity": in a short document, the first day of the 公示 period it
 *      announces (公示期为2022年3月30日至…, 公示时间：…).
 *
 * A long report's last lines are not read: they are often an attached
 * letter (委托书, 批复) dated by someone else, earlier than the filing.
 *
 * A date form left blank (编制日期：  年  月, 201 年 月 日, 年 月 日) in 1, 2
 * or 4 is recorded as unfilled (found stays false: the blank is template
 * residue, DOC001's business) unless a later source gives a date. A form
 * with only the year written (2024年  月  日) is both: found, at year
 * precision, and unfilled.
 *
 * Lines are read as the model matches them (fl_block_mtext: spaced PDF
 * copies folded), so text is the date as typed, folded. */
#include "model/steps.h"
#include "doc/doc.h"
#include "model/cover.h"
#include "core/norm.h"
#include "core/utf8.h"
#include <stdint.h>
#include <string.h>

#define SHORT_DOC 150  /* a notice or letter has at most this many non-empty lines */
#define SIGN_LINES 8   /* last paragraphs of a short document searched for its 落款 */
/* How much of a line is read: a 落款 is a unit's name and a date, a glued
 * cover gives its 编制日期 early, a notice states its period in its first
 * sentences. A 50 MiB paragraph must not be normalised whole, three times. */
#define SIGN_MAX_CP 120
#define GLUED_CP 300
#define PERIOD_CP 1000
#define MAX_LABEL_CP 12
#define MAX_PREFIX_CP 40

enum place { P_NONE, P_ALONE, P_UNIT, P_COVER_LABEL, P_PUBLIC_LABEL };

typedef struct cand {
    bool found, unfilled;
    fl_date value;
    const char *text; /* in the normalised line until offered, then as typed */
    size_t len;
} cand;

/* Labels that name the filing's own date, and a notice's publication date,
 * as fl_norm_label leaves them (no white space, no (盖章) notes). */
static const char *const cover_labels[] = {"编制日期", "编制时间", "编制完成日期", "完成日期", "完成时间",
                                           "报告日期", "报告编制日期", "编写日期", "日期"};
static const char *const public_labels[] = {"发布日期", "发布时间", "公示日期", "公示时间", "公告日期",
                                            "公告时间", "公示发布日期", "信息发布日期", "发布于"};
/* What the name of a unit signing a notice or a cover ends with. */
static const char *const unit_ends[] = {
    "公司", "局", "中心", "委员会", "委", "政府", "院", "所", "站", "厅", "处", "办公室", "集团", "厂",
    "管委会", "指挥部", "合作社", "学校", "大学", "医院", "协会", "事务所", "办事处", "社区", "队",
    "馆", "场", "矿", "部", "单位",
};
/* The period a notice announces: its first day is the publication date. */
static const char *const period_words[] = {"公示期为", "公示期:", "公示时间为", "公示时间:", "公示期限为",
                                           "公示期限:", "公告期为", "公告期:", "公示日期为"};

#define NELEM(a) (sizeof(a) / sizeof *(a))

static bool in_list(const char *s, const char *const *list, size_t n)
{
    for (size_t k = 0; k < n; k++)
        if (!strcmp(s, list[k])) return true;
    return false;
}

static bool ends_with(const char *s, size_t len, const char *tail)
{
    size_t m = strlen(tail);
    return m <= len && !memcmp(s + len - m, tail, m);
}

static size_t prev_cp(const char *s, size_t i)
{
    do i--; while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80);
    return i;
}

static uint32_t cp_before(const char *s, size_t i)
{
    if (i == 0) return 0;
    uint32_t cp;
    fl_utf8_decode(s + prev_cp(s, i), i - prev_cp(s, i), &cp);
    return cp;
}

static bool is_digit(char c) { return c >= '0' && c <= '9'; }

/* End of t without trailing white space, closing punctuation and a clock
 * time (发布时间：2021-06-11 15:10:29). t is normalised text. */
static size_t trim_tail(const char *t, size_t n)
{
    for (;;) {
        uint32_t cp = cp_before(t, n);
        if (cp == ' ' || cp == '.' || cp == ',' || cp == ';' || cp == 0x3002 /* 。 */ || cp == 0xFF0C /* ， */ ||
            cp == 0x3001 /* 、 */) {
            n = prev_cp(t, n);
            continue;
        }
        /* HH:MM or HH:MM:SS after a space */
        size_t e = n, k = 0;
        int groups = 0;
        while (e > 0 && groups < 3) {
            size_t d = 0;
            while (e > 0 && is_digit(t[e - 1]) && d < 2) { e--; d++; }
            if (d == 0) break;
            groups++;
            if (e > 0 && t[e - 1] == ':') { e--; k++; continue; }
            break;
        }
        if (groups >= 2 && k == (size_t)groups - 1 && e > 0 && t[e - 1] == ' ') {
            n = e;
            continue;
        }
        return n;
    }
}

/* The date (or blank form) that ends t at end, the last one found. */
static bool date_ending(const char *t, size_t end, cand *c, size_t *start)
{
    bool got = false;
    for (size_t from = 0; from < end;) {
        fl_date d;
        size_t at, n = fl_date_find(&d, t + from, end - from, &at);
        if (!n) break;
        if (from + at + n == end) {
            *c = (cand){.found = true, .value = d, .text = t + from + at, .len = n};
            *start = from + at;
            got = true;
        }
        from += at + n;
    }
    for (size_t from = 0; from < end;) {
        int year;
        size_t at, n = fl_date_find_blank(t + from, end - from, &at, &year);
        if (!n) break;
        if (from + at + n == end && (!got || from + at <= *start)) {
            *c = (cand){.found = year != 0, .unfilled = true, .value = {year, 0, 0}, .text = t + from + at, .len = n};
            *start = from + at;
            got = true;
        }
        from += at + n;
    }
    return got;
}

/* The first date or blank form in t[0..n), whichever comes first. */
static bool first_date(const char *t, size_t n, cand *c)
{
    fl_date d;
    int year;
    size_t ds, bs;
    size_t dl = fl_date_find(&d, t, n, &ds);
    size_t bl = fl_date_find_blank(t, n, &bs, &year);
    if (bl && (!dl || bs <= ds)) {
        *c = (cand){.found = year != 0, .unfilled = true, .value = {year, 0, 0}, .text = t + bs, .len = bl};
        return true;
    }
    if (!dl) return false;
    *c = (cand){.found = true, .value = d, .text = t + ds, .len = dl};
    return true;
}

/* Does the text before a date name a unit (古丈县卫生健康局, 甲公司（盖章））? */
static bool unit_prefix(fl_arena *a, const char *t, size_t n)
{
    if (fl_utf8_count(t, n) > MAX_PREFIX_CP) return false;
    char *p = fl_norm_label(a, t, n); /* no spaces, no (盖章) */
    size_t m = strlen(p);
    if (!m || strstr(p, "\xE3\x80\x82") || strchr(p, ',') || strchr(p, ';') || strstr(p, "\xEF\xBC\x8C"))
        return false;
    for (size_t k = 0; k < NELEM(unit_ends); k++)
        if (ends_with(p, m, unit_ends[k])) return true;
    return false;
}

/* 编制日期：… inside a line: two fields on one line (建设单位：甲公司
 * 编制日期：2021年5月), or a whole cover glued into one (a PDF copy). */
static bool label_inside(const char *t, size_t n, cand *c)
{
    static const char *const inside[] = {"编制日期", "编制时间"};
    for (size_t k = 0; k < NELEM(inside); k++)
        for (const char *p = t; (p = strstr(p, inside[k])) != NULL;) {
            p += strlen(inside[k]);
            const char *v = p;
            while (*v == ' ') v++;
            if (*v != ':') continue;
            v++;
            size_t off = (size_t)(v - t);
            if (first_date(v, n - off, c) && c->text - v <= 3) return true;
        }
    return false;
}

/* Where a line may date the filing, and the date: "编制日期：…" (a label
 * at the start), a date alone, or a unit's name and the date. */
static enum place read_line(fl_arena *a, const char *t, size_t n, cand *c)
{
    const char *colon = memchr(t, ':', n);
    if (colon && fl_utf8_count(t, (size_t)(colon - t)) <= MAX_LABEL_CP) {
        char *label = fl_norm_label(a, t, (size_t)(colon - t));
        size_t off = (size_t)(colon - t) + 1;
        bool cover = in_list(label, cover_labels, NELEM(cover_labels));
        if ((cover || in_list(label, public_labels, NELEM(public_labels))) && first_date(t + off, n - off, c)) {
            /* the date opens the value: 编制日期：2024年5月, not 日期：见附件2019年 */
            size_t lead = (size_t)(c->text - (t + off));
            if (lead <= 3) return cover ? P_COVER_LABEL : P_PUBLIC_LABEL;
        }
    }
    size_t end = trim_tail(t, n), start = 0;
    if (!date_ending(t, end, c, &start)) return P_NONE;
    size_t pre = trim_tail(t, start);
    if (pre == 0) return P_ALONE;
    /* (日期)*年*月*日: a template's own label in brackets */
    if (ends_with(t, pre, "(\xE6\x97\xA5\xE6\x9C\x9F)")) return P_ALONE;
    return unit_prefix(a, t, pre) ? P_UNIT : P_NONE;
}

typedef struct reader {
    fl_doc *doc;
    fl_arena *a;
    cand best;         /* the date taken, or the first blank form */
    int best_block;
    const char *best_source;
} reader;

/* A line read: its normalised text and the text it came from. */
typedef struct line {
    fl_norm nt;
    const char *orig; /* the block's matching text or a field value: lives with the doc */
} line;

/* Offer a candidate found in ln; the first date wins, a blank form only
 * until one. Its text is mapped back to the line as typed. */
static void offer(reader *r, const cand *c, const line *ln, int block, const char *source)
{
    if (r->best.found || (!c->found && r->best.unfilled)) return;
    size_t off = (size_t)(c->text - ln->nt.text);
    size_t o0 = fl_norm_orig(&ln->nt, off), o1 = fl_norm_orig(&ln->nt, off + c->len);
    r->best = *c;
    r->best.text = ln->orig + o0;
    r->best.len = o1 - o0;
    r->best_block = block;
    r->best_source = source;
}

/* Block i as the model matches it, its first max_cp code points
 * normalised in the scratch arena. */
static void line_of(reader *r, size_t i, line *ln, size_t max_cp)
{
    size_t len;
    ln->orig = fl_block_mtext(r->doc, &r->doc->blocks[i], &len);
    fl_norm_text(&ln->nt, r->a, ln->orig, fl_utf8_prefix(ln->orig, len, max_cp));
}

static void from_field(reader *r)
{
    const fl_field *f = fl_doc_field(r->doc, "\xE7\xBC\x96\xE5\x88\xB6\xE6\x97\xA5\xE6\x9C\x9F"); /* 编制日期 */
    if (!f || !f->value) return;
    line ln = {.orig = f->value};
    fl_norm_text(&ln.nt, r->a, f->value, strlen(f->value));
    cand c;
    if (first_date(ln.nt.text, ln.nt.len, &c)) offer(r, &c, &ln, f->block, "cover-field");
}

/* A notice's publication line, kept aside: it ranks after the cover's own
 * date lines. */
typedef struct aside {
    cand c;
    line ln;
    int block;
} aside;

/* The cover region. */
static void from_cover(reader *r, aside *pub)
{
    const fl_doc *doc = r->doc;
    size_t end = fl_cover_end(doc);
    bool first = true;
    for (size_t i = 0; i < doc->nblocks && (i < end || first); i++) {
        const fl_block *b = &doc->blocks[i];
        if (!fl_cover_part(b) || b->len == 0) continue;
        line ln;
        line_of(r, i, &ln, i >= end ? GLUED_CP : SIZE_MAX); /* cover lines are short */
        cand c;
        if (i >= end) { /* a first line too long for the region: a cover glued into one */
            if (label_inside(ln.nt.text, ln.nt.len, &c)) offer(r, &c, &ln, (int)i, "cover-field");
            return;
        }
        first = false;
        enum place p = read_line(r->a, ln.nt.text, ln.nt.len, &c);
        if (p == P_NONE && label_inside(ln.nt.text, ln.nt.len, &c)) p = P_COVER_LABEL;
        if (p == P_COVER_LABEL) offer(r, &c, &ln, (int)i, "cover-field");
        else if (p == P_ALONE || p == P_UNIT) offer(r, &c, &ln, (int)i, "cover");
        else if (p == P_PUBLIC_LABEL && !pub->c.found && c.found) *pub = (aside){c, ln, (int)i};
        if (r->best.found) return;
    }
}

static size_t nonempty_lines(const fl_doc *doc)
{
    size_t k = 0;
    for (size_t i = 0; i < doc->nblocks; i++)
        if (fl_cover_part(&doc->blocks[i]) && doc->blocks[i].len) k++;
    return k;
}

/* Lines a notice puts after its 落款: its attachments and their links
 * (附件1：公众意见表.docx, 链接：…, 提取码：…). t is normalised. */
static bool attachment_line(const char *t)
{
    static const char *const starts[] = {"附件", "附图", "附表", "链接", "网址", "提取码", "http"};
    static const char *const has[] = {"http", "链接", "提取码", "下载", ".doc", ".pdf", ".zip", ".rar"};
    for (size_t k = 0; k < NELEM(starts); k++)
        if (!strncmp(t, starts[k], strlen(starts[k]))) return true;
    for (size_t k = 0; k < NELEM(has); k++)
        if (strstr(t, has[k])) return true;
    return false;
}

/* The 落款 of a short document: from its end, past the lines of its
 * attachments, the last paragraph is the date (古丈县卫生健康局
 * 2022年3月30日; 公示日期：…), or the unit's name under the date line. Any
 * other last paragraph means the document is not signed at its end. */
static void from_signature(reader *r)
{
    const fl_doc *doc = r->doc;
    size_t seen = 0;
    bool unit_seen = false;
    for (size_t i = doc->nblocks; i-- > 0 && seen < SIGN_LINES;) {
        const fl_block *b = &doc->blocks[i];
        if (!fl_cover_part(b) || b->len == 0) continue;
        seen++;
        if (b->kind == FL_BLOCK_CELL) return; /* a list of projects, not the notice's own date */
        if (b->len > SIGN_MAX_CP * 4 || fl_utf8_count(b->text, b->len) > SIGN_MAX_CP) return; /* text, no 落款 */
        line ln;
        line_of(r, i, &ln, SIZE_MAX);
        const char *t = ln.nt.text;
        size_t n = ln.nt.len;
        if (attachment_line(t)) continue;
        cand c;
        enum place p = read_line(r->a, t, n, &c);
        if (p == P_ALONE || p == P_UNIT || p == P_COVER_LABEL) {
            offer(r, &c, &ln, (int)i, "signature");
            return;
        }
        if (p == P_PUBLIC_LABEL) {
            offer(r, &c, &ln, (int)i, "publicity");
            return;
        }
        /* 2022年3月30日 ⏎ 古丈县卫生健康局: one unit line may close it */
        if (!unit_seen && unit_prefix(r->a, t, trim_tail(t, n))) {
            unit_seen = true;
            continue;
        }
        return;
    }
}

/* The first day of the 公示 period a short notice announces. */
static void from_period(reader *r)
{
    const fl_doc *doc = r->doc;
    for (size_t i = 0; i < doc->nblocks; i++) {
        const fl_block *b = &doc->blocks[i];
        if (!fl_cover_part(b) || b->len == 0 || (!strstr(b->text, "公示") && !strstr(b->text, "公告"))) continue;
        line ln;
        line_of(r, i, &ln, PERIOD_CP);
        const char *t = ln.nt.text;
        size_t n = ln.nt.len;
        for (size_t k = 0; k < NELEM(period_words); k++) {
            const char *w = strstr(t, period_words[k]);
            if (!w) continue;
            size_t off = (size_t)(w - t) + strlen(period_words[k]);
            fl_date d;
            size_t at, dl = fl_date_find(&d, t + off, n - off, &at);
            if (dl && at <= 3) {
                cand c = {.found = true, .value = d, .text = t + off + at, .len = dl};
                offer(r, &c, &ln, (int)i, "publicity");
                return;
            }
        }
    }
}

void fl_filing_date_read(fl_doc *doc)
{
    fl_filing_date *fd = &doc->filing_date;
    memset(fd, 0, sizeof *fd);
    fd->block = -1;
    fl_arena scratch;
    fl_arena_init(&scratch);
    reader r = {.doc = doc, .a = &scratch, .best_block = -1};
    aside pub = {.block = -1};
    from_field(&r);
    if (!r.best.found) from_cover(&r, &pub);
    if (!r.best.found && pub.c.found) offer(&r, &pub.c, &pub.ln, pub.block, "publicity");
    bool is_short = nonempty_lines(doc) <= SHORT_DOC;
    if (!r.best.found && is_short) from_signature(&r);
    if (!r.best.found && is_short) from_period(&r);
    if (r.best.found || r.best.unfilled) {
        fd->found = r.best.found;
        fd->unfilled = r.best.unfilled;
        fd->value = r.best.value;
        fd->text = fl_arena_strndup(&doc->arena, r.best.text, r.best.len);
        fd->block = r.best_block;
        fd->source = r.best_source;
    }
    fl_arena_free(&scratch);
}
