/* HTML output (`--format html`, GitHub issue 7): one self-contained page for
 * a run. A summary (files, findings by severity and by rule, with counts),
 * then per file the document's text in reading order, headings as headings
 * and tables as tables, each finding's matched text highlighted and its note
 * (severity, rule, message, basis) right under its paragraph. Findings about
 * the document as a whole head the file's section.
 *
 * No network and no external assets: CSS and a few lines of JavaScript are
 * inline. The filters (severity, rule, "only paragraphs with findings") work
 * from a file:// URL; without JavaScript everything is simply shown. Fonts
 * are the system's (CJK families listed for each platform); the layout is
 * one column that fits a phone and prints without the controls.
 *
 * Every string from a document, a rule or a path is escaped. Per-file HTML
 * is built when the file is reported and kept until close, because the
 * summary that heads the page needs the whole run. */
#include "report/report.h"
#include "core/buf.h"
#include "core/utf8.h"
#include <stdlib.h>
#include <string.h>

typedef struct file_row {
    char *path, *doc_type, *error;
    size_t by_sev[3];
    size_t tool_errors;
} file_row;

typedef struct rule_row {
    const fl_rule *rule;
    fl_severity severity;
    size_t count;
} rule_row;

typedef struct html_state {
    FILE *out;
    fl_buf files_html;  /* the per-file sections, in input order */
    file_row *files; size_t nfiles, cap_files;
    rule_row *rules; size_t nrules, cap_rules;
    size_t nfindings;   /* findings so far: their ids are F1, F2... */
} html_state;

static const char *const sev_label[] = {"提示", "警告", "错误"};
static const char *const part_label[FL_PART_COUNT] = {"正文", "文本框", "页眉", "页脚", "脚注", "尾注", "批注"};

/* ---- escaping ---------------------------------------------------------------- */

/* Text or attribute value: &<>"' escaped, control characters (other than
 * tab and line feed) dropped, invalid UTF-8 replaced. */
static void esc_n(fl_buf *b, const char *s, size_t n)
{
    fl_arena a;
    bool fix = !fl_utf8_valid(s, n);
    if (fix) {
        size_t out_len, bad;
        fl_arena_init(&a);
        s = fl_utf8_sanitize(&a, s, n, &out_len, &bad);
        n = out_len;
    }
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        switch (c) {
        case '&': fl_buf_adds(b, "&amp;"); break;
        case '<': fl_buf_adds(b, "&lt;"); break;
        case '>': fl_buf_adds(b, "&gt;"); break;
        case '"': fl_buf_adds(b, "&quot;"); break;
        case '\'': fl_buf_adds(b, "&#39;"); break;
        default:
            if (c >= 0x20 || c == '\t' || c == '\n') fl_buf_addc(b, (char)c);
            break;
        }
    }
    if (fix) fl_arena_free(&a);
}

static void esc(fl_buf *b, const char *s)
{
    if (s) esc_n(b, s, strlen(s));
}

static char *dup_or_null(const char *s) { return s ? fl_xstrdup(s) : NULL; }

/* ---- the run's tallies ------------------------------------------------------------- */

static rule_row *rule_row_for(html_state *h, const fl_finding *f)
{
    for (size_t i = 0; i < h->nrules; i++)
        if (h->rules[i].rule == f->rule && h->rules[i].severity == f->severity) return &h->rules[i];
    FL_VEC_RESERVE(h->rules, h->cap_rules, h->nrules + 1);
    rule_row *r = &h->rules[h->nrules++];
    r->rule = f->rule;
    r->severity = f->severity;
    r->count = 0;
    return r;
}

static void tally(html_state *h, const fl_file_report *f)
{
    FL_VEC_RESERVE(h->files, h->cap_files, h->nfiles + 1);
    file_row *row = &h->files[h->nfiles++];
    memset(row, 0, sizeof *row);
    row->path = fl_xstrdup(f->path);
    if (!f->result) {
        char line[1600];
        row->error = fl_xstrdup(f->error ? fl_error_format(f->error, line, sizeof line) : "cannot be read");
        return;
    }
    row->doc_type = dup_or_null(f->result->doc_type);
    row->tool_errors = f->result->nerrors;
    for (size_t i = 0; i < f->result->nfindings; i++) {
        const fl_finding *fd = &f->result->findings[i];
        if ((unsigned)fd->severity <= FL_SEV_ERROR) row->by_sev[fd->severity]++;
        rule_row_for(h, fd)->count++;
    }
}

/* ---- one finding ---------------------------------------------------------------------- */

static const char *sev_name(fl_severity s) { return fl_severity_name(s); }

static void finding_note(fl_buf *b, const fl_finding *f, size_t id)
{
    fl_buf_printf(b, "<div class=\"finding sev-%s\" id=\"F%zu\" data-sev=\"%s\" data-rule=\"", sev_name(f->severity), id,
                  sev_name(f->severity));
    esc(b, f->rule->id);
    fl_buf_printf(b, "\"><span class=\"tag\">%s</span> <b class=\"rule\">", sev_label[f->severity]);
    esc(b, f->rule->id);
    fl_buf_adds(b, "</b> <span class=\"msg\">");
    esc(b, f->message);
    fl_buf_adds(b, "</span>");
    if (f->related_path) {
        fl_buf_adds(b, " <span class=\"related\">另见 ");
        esc(b, f->related_path);
        if (f->related_line > 0) fl_buf_printf(b, " 第 %d 行", f->related_line);
        fl_buf_adds(b, "</span>");
    }
    fl_buf basis = FL_BUF_INIT;
    if (*fl_basis_line(&basis, fl_finding_basis(f))) {
        fl_buf_adds(b, " <span class=\"basis\">依据：");
        esc(b, basis.data);
        fl_buf_adds(b, "</span>");
    }
    fl_buf_free(&basis);
    fl_buf_printf(b, " <a class=\"loc\" href=\"#F%zu\">第 %d 行", id, f->line);
    if (f->column > 1) fl_buf_printf(b, "第 %d 字", f->column);
    fl_buf_adds(b, "</a></div>\n");
}

/* ---- a block's text with the matched text marked ------------------------------------------------ */

typedef struct span { size_t start, end, id; fl_severity sev; const fl_finding *f; } span;

/* Byte range of the finding's match in the block text: at its column when
 * the text there is the match, else its first occurrence; none when the
 * finding has no match. */
static bool match_range(const fl_block *blk, const fl_finding *f, size_t *start, size_t *end)
{
    if (!f->match || !*f->match) return false;
    size_t mlen = strlen(f->match);
    size_t at = fl_utf8_byte_offset(blk->text, blk->len, f->column > 0 ? (size_t)f->column - 1 : 0);
    if (at + mlen > blk->len || memcmp(blk->text + at, f->match, mlen) != 0) {
        const char *hit = strstr(blk->text, f->match);
        if (!hit) return false;
        at = (size_t)(hit - blk->text);
    }
    *start = at;
    *end = at + mlen;
    return true;
}

static int cmp_size(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    return x < y ? -1 : x > y;
}

/* Cut the text at every range boundary; a piece inside one or more ranges
 * is a <mark> naming its findings (so the filters can switch it off). */
static void marked_text(fl_buf *b, const fl_block *blk, const span *sp, size_t n)
{
    size_t *cuts = fl_xmalloc((2 * n + 2) * sizeof *cuts);
    size_t nc = 0;
    cuts[nc++] = 0;
    cuts[nc++] = blk->len;
    for (size_t i = 0; i < n; i++) { cuts[nc++] = sp[i].start; cuts[nc++] = sp[i].end; }
    qsort(cuts, nc, sizeof *cuts, cmp_size);
    for (size_t c = 0; c + 1 < nc; c++) {
        size_t s = cuts[c], e = cuts[c + 1];
        if (s == e) continue;
        int sev = -1;
        fl_buf ids = FL_BUF_INIT, title = FL_BUF_INIT;
        for (size_t i = 0; i < n; i++)
            if (sp[i].start <= s && sp[i].end >= e) {
                fl_buf_printf(&ids, "%sF%zu", ids.len ? " " : "", sp[i].id);
                fl_buf_printf(&title, "%s%s: %s", title.len ? "\n" : "", sp[i].f->rule->id, sp[i].f->message);
                if ((int)sp[i].sev > sev) sev = (int)sp[i].sev;
            }
        if (sev >= 0) {
            fl_buf_printf(b, "<mark class=\"sev-%s\" data-f=\"%s\" title=\"", sev_name((fl_severity)sev), ids.data);
            esc_n(b, title.data, title.len);
            fl_buf_adds(b, "\">");
        }
        esc_n(b, blk->text + s, e - s);
        if (sev >= 0) fl_buf_adds(b, "</mark>");
        fl_buf_free(&ids);
        fl_buf_free(&title);
    }
    free(cuts);
}

typedef struct file_ctx {
    const fl_doc *doc;
    const fl_finding **by_block; /* findings sorted by block */
    size_t *first, *count;       /* per block: slice of by_block */
    size_t *ids;                 /* per finding (index in result): its page id */
    const fl_finding *base;      /* result->findings, to turn a pointer into an index */
} file_ctx;

static size_t fid(const file_ctx *c, const fl_finding *f) { return c->ids[f - c->base]; }

static void data_f(fl_buf *b, const file_ctx *c, size_t blk)
{
    if (!c->count[blk]) return;
    fl_buf_adds(b, " data-f=\"");
    for (size_t i = 0; i < c->count[blk]; i++) fl_buf_printf(b, "%sF%zu", i ? " " : "", fid(c, c->by_block[c->first[blk] + i]));
    fl_buf_addc(b, '"');
}

/* One block: a heading or a paragraph, with the notes of its findings. */
static void block_html(fl_buf *b, const file_ctx *c, size_t bi, bool in_cell)
{
    const fl_block *blk = &c->doc->blocks[bi];
    size_t nf = c->count[bi];
    span *sp = fl_xcalloc(nf + 1, sizeof *sp);
    size_t ns = 0;
    for (size_t i = 0; i < nf; i++) {
        const fl_finding *f = c->by_block[c->first[bi] + i];
        if (match_range(blk, f, &sp[ns].start, &sp[ns].end)) {
            sp[ns].id = fid(c, f);
            sp[ns].sev = f->severity;
            sp[ns].f = f;
            ns++;
        }
    }
    bool head = blk->kind == FL_BLOCK_HEADING && !in_cell;
    int hl = blk->level < 1 ? 3 : blk->level > 4 ? 6 : blk->level + 2;
    if (head) fl_buf_printf(b, "<h%d class=\"blk head%s\"", hl, nf ? " has-f" : "");
    else fl_buf_printf(b, "<p class=\"blk%s%s\"", nf ? " has-f" : "", blk->part == FL_PART_TEXTBOX ? " textbox" : "");
    fl_buf_printf(b, " data-line=\"%d\"", blk->line);
    data_f(b, c, bi);
    fl_buf_printf(b, "><span class=\"ln\">%d</span>", blk->line);
    if (blk->part != FL_PART_BODY && (unsigned)blk->part < FL_PART_COUNT)
        fl_buf_printf(b, "<span class=\"part\">%s</span>", part_label[blk->part]);
    marked_text(b, blk, sp, ns);
    fl_buf_printf(b, head ? "</h%d>\n" : "</p>\n", hl);
    for (size_t i = 0; i < nf; i++) {
        const fl_finding *f = c->by_block[c->first[bi] + i];
        finding_note(b, f, fid(c, f));
    }
    free(sp);
}

/* Consecutive cell blocks of one table, as a table: a new row when the row
 * changes, a new cell when the column does. Returns the next block. */
static size_t table_html(fl_buf *b, const file_ctx *c, size_t from, size_t to)
{
    const fl_block *blocks = c->doc->blocks;
    int table = blocks[from].table;
    size_t end = from;
    bool has_f = false;
    while (end < to && blocks[end].table == table && blocks[end].kind == FL_BLOCK_CELL &&
           blocks[end].part == blocks[from].part) {
        if (c->count[end]) has_f = true;
        end++;
    }
    fl_buf_printf(b, "<div class=\"tbl%s\"><table>\n", has_f ? " has-f" : "");
    int row = -1, col = -1;
    for (size_t i = from; i < end; i++) {
        const fl_block *blk = &blocks[i];
        if (blk->row != row) {
            if (row >= 0) fl_buf_adds(b, "</td></tr>\n");
            fl_buf_adds(b, "<tr>");
            row = blk->row;
            col = -1;
        }
        if (blk->col != col) {
            if (col >= 0) fl_buf_adds(b, "</td>");
            fl_buf_printf(b, "<td%s", blk->flags & FL_BF_HEADER_ROW ? " class=\"th\"" : "");
            if (blk->col_span > 1) fl_buf_printf(b, " colspan=\"%d\"", blk->col_span);
            if (blk->row_span > 1) fl_buf_printf(b, " rowspan=\"%d\"", blk->row_span);
            fl_buf_addc(b, '>');
            col = blk->col;
        }
        block_html(b, c, i, true);
    }
    if (row >= 0) fl_buf_adds(b, "</td></tr>\n");
    fl_buf_adds(b, "</table></div>\n");
    return end;
}

static void blocks_html(fl_buf *b, const file_ctx *c, size_t from, size_t to)
{
    for (size_t i = from; i < to;) {
        const fl_block *blk = &c->doc->blocks[i];
        if (blk->kind == FL_BLOCK_CELL && blk->table) { i = table_html(b, c, i, to); continue; }
        block_html(b, c, i, false);
        i++;
    }
}

static int cmp_finding_block(const void *a, const void *b)
{
    const fl_finding *x = *(const fl_finding *const *)a, *y = *(const fl_finding *const *)b;
    if (x->block != y->block) return x->block < y->block ? -1 : 1;
    return x < y ? -1 : x > y;
}

/* The document: findings about it as a whole first, then the body, then
 * headers, footers, notes and comments. */
static void document_html(html_state *h, fl_buf *b, const fl_result *res, const fl_doc *doc)
{
    size_t nb = doc ? doc->nblocks : 0, nf = res->nfindings;
    file_ctx c = {doc, NULL, NULL, NULL, NULL, res->findings};
    c.by_block = fl_xcalloc(nf + 1, sizeof *c.by_block);
    c.first = fl_xcalloc(nb + 1, sizeof *c.first);
    c.count = fl_xcalloc(nb + 1, sizeof *c.count);
    c.ids = fl_xcalloc(nf + 1, sizeof *c.ids);
    for (size_t i = 0; i < nf; i++) {
        c.by_block[i] = &res->findings[i];
        c.ids[i] = ++h->nfindings;
    }
    qsort(c.by_block, nf, sizeof *c.by_block, cmp_finding_block);
    size_t whole = 0;
    for (size_t i = 0; i < nf; i++) {
        int bl = c.by_block[i]->block;
        if (bl < 0 || (size_t)bl >= nb) { whole++; continue; }
        if (!c.count[bl]) c.first[bl] = i;
        c.count[bl]++;
    }
    if (whole) {
        fl_buf_adds(b, "<div class=\"whole\"><p class=\"blk has-f\"");
        fl_buf_adds(b, " data-f=\"");
        for (size_t i = 0, k = 0; i < nf; i++)
            if (c.by_block[i]->block < 0 || (size_t)c.by_block[i]->block >= nb)
                fl_buf_printf(b, "%sF%zu", k++ ? " " : "", fid(&c, c.by_block[i]));
        fl_buf_adds(b, "\">关于整篇文档</p>\n");
        for (size_t i = 0; i < nf; i++)
            if (c.by_block[i]->block < 0 || (size_t)c.by_block[i]->block >= nb)
                finding_note(b, c.by_block[i], fid(&c, c.by_block[i]));
        fl_buf_adds(b, "</div>\n");
    }
    size_t body_end = 0;
    while (body_end < nb && (doc->blocks[body_end].part == FL_PART_BODY || doc->blocks[body_end].part == FL_PART_TEXTBOX))
        body_end++;
    fl_buf_adds(b, "<div class=\"doc\">\n");
    blocks_html(b, &c, 0, body_end);
    fl_buf_adds(b, "</div>\n");
    if (body_end < nb) {
        bool any = false; /* open when a finding is in there */
        for (size_t i = body_end; i < nb && !any; i++) any = c.count[i] > 0;
        fl_buf_printf(b, "<details class=\"other\"%s><summary>页眉、页脚、脚注和批注</summary>\n<div class=\"doc\">\n",
                      any ? " open" : "");
        blocks_html(b, &c, body_end, nb);
        fl_buf_adds(b, "</div></details>\n");
    }
    free(c.by_block);
    free(c.first);
    free(c.count);
    free(c.ids);
}

static void counts_html(fl_buf *b, const size_t by_sev[3])
{
    for (int s = FL_SEV_ERROR; s >= FL_SEV_INFO; s--)
        fl_buf_printf(b, "<span class=\"count sev-%s\">%s %zu</span> ", sev_name((fl_severity)s), sev_label[s], by_sev[s]);
}

/* The date the file was judged at and why, for the reader of the page. */
static void judged_html(fl_buf *b, const fl_judging *j)
{
    char d[11];
    fl_date_format(&j->date, d);
    fl_buf_printf(b, "<p class=\"judged\" data-judged-as-of=\"%s\" data-judged-from=\"%s\">判断日期：%s（", d,
                  fl_judged_from_names[j->from], d);
    if (j->from == FL_JUDGED_OPTION) fl_buf_adds(b, "--as-of 指定");
    else if (j->from == FL_JUDGED_FILING && j->line > 0) fl_buf_printf(b, "文件的编制日期，第 %d 行", j->line);
    else if (j->from == FL_JUDGED_FILING) fl_buf_adds(b, "文件的编制日期");
    else if (j->blank && j->line > 0) fl_buf_printf(b, "今天；文件的编制日期未填写，第 %d 行", j->line);
    else fl_buf_adds(b, "今天；文件未写明编制日期");
    fl_buf_adds(b, "），按该日施行的规定检查</p>\n");
}

static void file_html(void *state, const fl_file_report *f)
{
    html_state *h = state;
    tally(h, f);
    file_row *row = &h->files[h->nfiles - 1];
    fl_buf *b = &h->files_html;
    fl_buf_printf(b, "<section class=\"file\" id=\"file%zu\">\n<h2><span class=\"path\">", h->nfiles);
    esc(b, f->path);
    fl_buf_adds(b, "</span>");
    if (row->doc_type) {
        fl_buf_adds(b, " <span class=\"doctype\">");
        esc(b, row->doc_type);
        fl_buf_adds(b, "</span>");
    }
    fl_buf_adds(b, "</h2>\n");
    if (!f->result) {
        fl_buf_adds(b, "<p class=\"failed\">无法读取：");
        esc(b, row->error);
        fl_buf_adds(b, "</p>\n</section>\n");
        return;
    }
    fl_buf_adds(b, "<p class=\"counts\">");
    counts_html(b, row->by_sev);
    fl_buf_adds(b, "</p>\n");
    judged_html(b, &f->result->judged);
    for (size_t i = 0; i < f->result->nerrors; i++) {
        fl_buf_adds(b, "<p class=\"toolerr\">未完成的检查：");
        esc(b, f->result->errors[i].message);
        fl_buf_adds(b, "</p>\n");
    }
    document_html(h, b, f->result, f->doc);
    fl_buf_adds(b, "</section>\n");
}

static void *open_html(const fl_report_opts *o)
{
    html_state *h = fl_xcalloc(1, sizeof *h);
    h->out = o->out;
    return h;
}

/* ---- the page ------------------------------------------------------------------------------------ */

static const char css[] =
    ":root{--err:#b3261e;--warn:#8a5a00;--info:#0b57a4;--errbg:#fde3e1;--warnbg:#fff0c2;--infobg:#dcebfb;"
    "--line:#d8d8d8;--muted:#666}\n"
    "*{box-sizing:border-box}[hidden]{display:none!important}\n"
    "body{margin:0 auto;max-width:60rem;padding:0 1rem 3rem;color:#1d1d1d;background:#fff;line-height:1.7;"
    "font-family:system-ui,-apple-system,\"PingFang SC\",\"Hiragino Sans GB\",\"Microsoft YaHei\",\"Noto Sans CJK SC\","
    "\"Source Han Sans SC\",\"WenQuanYi Micro Hei\",sans-serif;-webkit-text-size-adjust:100%}\n"
    "h1{font-size:1.5rem;margin:1.2rem 0 .2rem}h2{font-size:1.15rem;margin:0;word-break:break-all}\n"
    "table{border-collapse:collapse;width:100%}td,th{border:1px solid var(--line);padding:.25rem .45rem;"
    "vertical-align:top;text-align:left}th{background:#f3f3f3}\n"
    ".sum{overflow-x:auto;margin:.8rem 0}.sum td.n{text-align:right;font-variant-numeric:tabular-nums}"
    ".sum th,.sum td.n,.sum td[class^=sev]{white-space:nowrap}\n"
    ".filters{position:sticky;top:0;z-index:2;background:#fff;border-bottom:1px solid var(--line);padding:.4rem 0;"
    "display:flex;flex-wrap:wrap;gap:.3rem 1rem;font-size:.9rem}\n"
    ".filters details{width:100%}.filters label{white-space:nowrap;margin-right:.8rem}\n"
    ".file{border-top:3px solid #333;margin-top:2rem;padding-top:.6rem}.doctype{font-weight:normal;color:var(--muted);"
    "font-size:.9rem}\n"
    ".counts .count{margin-right:.6rem}.failed,.toolerr{color:var(--err)}\n"
    ".blk{margin:.35rem 0;white-space:pre-wrap;overflow-wrap:anywhere}.head{margin-top:1rem}\n"
    ".ln{display:inline-block;min-width:2.6rem;color:var(--muted);font-size:.75rem;font-weight:normal;"
    "font-variant-numeric:tabular-nums;user-select:none}\n"
    ".part{font-size:.75rem;border:1px solid var(--line);border-radius:3px;padding:0 .25rem;margin-right:.3rem;"
    "color:var(--muted)}.textbox{border-left:3px solid var(--line);padding-left:.4rem}\n"
    ".tbl{overflow-x:auto;margin:.5rem 0}.tbl .ln{min-width:0;margin-right:.3rem}.tbl .blk{margin:0}\n"
    "mark{border-radius:2px;padding:0 1px;-webkit-print-color-adjust:exact;print-color-adjust:exact}\n"
    "mark.sev-error{background:var(--errbg);box-shadow:inset 0 -2px var(--err)}\n"
    "mark.sev-warning{background:var(--warnbg);box-shadow:inset 0 -2px var(--warn)}\n"
    "mark.sev-info{background:var(--infobg);box-shadow:inset 0 -2px var(--info)}\n"
    "mark.off{background:none;box-shadow:none}\n"
    ".finding{margin:.2rem 0 .6rem 2.6rem;padding:.3rem .6rem;border-left:4px solid;border-radius:0 4px 4px 0;"
    "font-size:.92rem;break-inside:avoid;-webkit-print-color-adjust:exact;print-color-adjust:exact}\n"
    ".tbl .finding{margin-left:0}\n"
    ".finding.sev-error{border-color:var(--err);background:var(--errbg)}"
    ".finding.sev-warning{border-color:var(--warn);background:var(--warnbg)}"
    ".finding.sev-info{border-color:var(--info);background:var(--infobg)}\n"
    ".tag{font-weight:bold}.sev-error .tag,.count.sev-error{color:var(--err)}.sev-warning .tag,.count.sev-warning"
    "{color:var(--warn)}.sev-info .tag,.count.sev-info{color:var(--info)}\n"
    ".basis,.judged{color:var(--muted)}.loc{color:var(--muted);font-size:.8rem;margin-left:.3rem}\n"
    ".quiet{display:none}.whole{margin:.6rem 0}.other summary{cursor:pointer;margin-top:1rem}\n"
    "footer{margin-top:2rem;color:var(--muted);font-size:.8rem}\n"
    "@media (max-width:40rem){body{padding:0 .6rem 2rem}.finding{margin-left:0}.ln{min-width:2rem}}\n"
    "@media print{.filters{display:none}.quiet{display:block}"
    "body{max-width:none}a{color:inherit;text-decoration:none}}\n";

/* Filters: a finding is shown when its severity and its rule are ticked;
 * marks of hidden findings lose their colour; "only" hides paragraphs and
 * tables without a shown finding (preset by opening the page as
 * report.html?only). */
static const char js[] =
    "(function(){var f=document.getElementById('filters');if(!f)return;\n"
    "function all(s){return Array.prototype.slice.call(document.querySelectorAll(s))}\n"
    "function apply(){var sev={},rule={},vis={};\n"
    "all('[data-sev-filter]').forEach(function(c){sev[c.getAttribute('data-sev-filter')]=c.checked});\n"
    "all('[data-rule-filter]').forEach(function(c){rule[c.getAttribute('data-rule-filter')]=c.checked});\n"
    "all('.finding').forEach(function(e){var on=sev[e.getAttribute('data-sev')]!==false&&"
    "rule[e.getAttribute('data-rule')]!==false;e.hidden=!on;vis[e.id]=on});\n"
    "function shown(e){return (e.getAttribute('data-f')||'').split(' ').some(function(i){return vis[i]})}\n"
    "all('mark[data-f]').forEach(function(m){m.classList.toggle('off',!shown(m))});\n"
    "var only=document.getElementById('only').checked;\n"
    "all('.doc>.blk:not(.head),.doc>.tbl').forEach(function(e){var h=e.classList.contains('tbl')?"
    "Array.prototype.some.call(e.querySelectorAll('.blk[data-f]'),shown):shown(e);"
    "e.classList.toggle('quiet',only&&!h)})}\n"
    "if(/[?&]only(&|=|$)/.test(location.search))document.getElementById('only').checked=true;\n"
    "window.addEventListener('beforeprint',function(){all('details').forEach(function(d){d.open=true})});\n"
    "f.addEventListener('change',apply);apply()})();\n";

static int cmp_rule_row(const void *a, const void *b)
{
    const rule_row *x = a, *y = b;
    if (x->severity != y->severity) return x->severity > y->severity ? -1 : 1;
    if (x->count != y->count) return x->count > y->count ? -1 : 1;
    return strcmp(x->rule->id, y->rule->id);
}

static void summary_html(fl_buf *b, html_state *h, const fl_summary *s)
{
    fl_buf_adds(b, "<div class=\"sum\"><table>\n<tr><th>文件</th><th>类型</th><th>错误</th><th>警告</th><th>提示</th></tr>\n");
    for (size_t i = 0; i < h->nfiles; i++) {
        const file_row *r = &h->files[i];
        fl_buf_printf(b, "<tr><td><a href=\"#file%zu\">", i + 1);
        esc(b, r->path);
        fl_buf_adds(b, "</a></td><td>");
        if (r->error) fl_buf_adds(b, "<span class=\"failed\">无法读取</span>");
        else esc(b, r->doc_type ? r->doc_type : "未识别");
        fl_buf_printf(b, "</td><td class=\"n\">%zu</td><td class=\"n\">%zu</td><td class=\"n\">%zu</td></tr>\n",
                      r->by_sev[FL_SEV_ERROR], r->by_sev[FL_SEV_WARNING], r->by_sev[FL_SEV_INFO]);
    }
    fl_buf_printf(b, "<tr><th>合计 %zu 个文件", s->files);
    if (s->failed_files) fl_buf_printf(b, "（%zu 个无法读取）", s->failed_files);
    fl_buf_printf(b, "</th><th></th><th class=\"n\">%zu</th><th class=\"n\">%zu</th><th class=\"n\">%zu</th></tr>\n",
                  s->by_severity[FL_SEV_ERROR], s->by_severity[FL_SEV_WARNING], s->by_severity[FL_SEV_INFO]);
    fl_buf_adds(b, "</table></div>\n");
    if (h->nrules > 1) qsort(h->rules, h->nrules, sizeof *h->rules, cmp_rule_row);
    if (!h->nrules) return;
    fl_buf_adds(b, "<div class=\"sum\"><table>\n<tr><th>规则</th><th>级别</th><th>数量</th><th>说明</th></tr>\n");
    for (size_t i = 0; i < h->nrules; i++) {
        const rule_row *r = &h->rules[i];
        fl_buf_adds(b, "<tr><td>");
        esc(b, r->rule->id);
        fl_buf_printf(b, "</td><td class=\"sev-%s\"><span class=\"tag\">%s</span></td><td class=\"n\">%zu</td><td>",
                      sev_name(r->severity), sev_label[r->severity], r->count);
        esc(b, r->rule->summary ? r->rule->summary : r->rule->message);
        fl_buf_adds(b, "</td></tr>\n");
    }
    fl_buf_adds(b, "</table></div>\n");
}

static void filters_html(fl_buf *b, html_state *h, const fl_summary *s)
{
    fl_buf_adds(b, "<form class=\"filters\" id=\"filters\" onsubmit=\"return false\">\n");
    for (int sev = FL_SEV_ERROR; sev >= FL_SEV_INFO; sev--)
        fl_buf_printf(b, "<label><input type=\"checkbox\" data-sev-filter=\"%s\" checked> %s (%zu)</label>\n",
                      sev_name((fl_severity)sev), sev_label[sev], s->by_severity[sev]);
    fl_buf_adds(b, "<label><input type=\"checkbox\" id=\"only\"> 只看有问题的段落</label>\n");
    if (h->nrules) {
        fl_buf_adds(b, "<details><summary>按规则筛选</summary>\n");
        /* one box per rule id, even when a rule has findings at two severities */
        for (size_t i = 0; i < h->nrules; i++) {
            bool seen = false;
            for (size_t k = 0; k < i; k++)
                if (!strcmp(h->rules[k].rule->id, h->rules[i].rule->id)) seen = true;
            if (seen) continue;
            size_t n = 0;
            for (size_t k = 0; k < h->nrules; k++)
                if (!strcmp(h->rules[k].rule->id, h->rules[i].rule->id)) n += h->rules[k].count;
            fl_buf_adds(b, "<label><input type=\"checkbox\" data-rule-filter=\"");
            esc(b, h->rules[i].rule->id);
            fl_buf_adds(b, "\" checked> ");
            esc(b, h->rules[i].rule->id);
            fl_buf_printf(b, " (%zu)</label>\n", n);
        }
        fl_buf_adds(b, "</details>\n");
    }
    fl_buf_adds(b, "</form>\n");
}

static int close_html(void *state, const fl_summary *s)
{
    html_state *h = state;
    fl_buf head = FL_BUF_INIT;
    fl_buf_adds(&head, "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
                       "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                       "<meta name=\"generator\" content=\"filinglint " FL_VERSION "\">\n"
                       "<title>filinglint 检查报告</title>\n<style>\n");
    fl_buf_adds(&head, css);
    fl_buf_adds(&head, "</style>\n</head>\n<body>\n<header>\n<h1>filinglint 检查报告</h1>\n<p class=\"counts\">");
    fl_buf_printf(&head, "%zu 个文件：", s->files);
    counts_html(&head, s->by_severity);
    fl_buf_adds(&head, "</p>\n</header>\n");
    summary_html(&head, h, s);
    filters_html(&head, h, s);
    int rc = 0;
    if (fwrite(head.data, 1, head.len, h->out) != head.len) rc = -1;
    if (h->files_html.len && fwrite(h->files_html.data, 1, h->files_html.len, h->out) != h->files_html.len) rc = -1;
    fprintf(h->out, "<footer>filinglint %s</footer>\n<script>\n%s</script>\n</body>\n</html>\n", FL_VERSION, js);
    if (fflush(h->out) != 0 || ferror(h->out)) rc = -1;
    fl_buf_free(&head);
    fl_buf_free(&h->files_html);
    for (size_t i = 0; i < h->nfiles; i++) {
        free(h->files[i].path);
        free(h->files[i].doc_type);
        free(h->files[i].error);
    }
    free(h->files);
    free(h->rules);
    free(h);
    return rc;
}

const fl_reporter fl_report_html = {"html", open_html, file_html, close_html};
