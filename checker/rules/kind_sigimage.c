/* Kind `signature-images`: one signature picture for two people (EIA506).
 * In the 编制单位和编制人员情况表 each 编制主持人 and 主要编制人员 signs in
 * their own row; when the signature cells of two different people hold the
 * very same picture file (doc/images.h: the hash of the picture part's
 * bytes, or of a Markdown picture's path), one signature was pasted for
 * both — 假冒、伪造他人签字.
 *
 *   <signature-images contains="信用编号" name="^姓\s*名$" signature="^签\s*[字名]"/>
 *
 * The tables read are those with a cell matching `contains`; every row with
 * a cell matching `name` and one matching `signature` is a header, and the
 * rows below it (to the next header) are people: the name cell is the
 * person (white space left out), the pictures of every paragraph of the
 * signature cell are their signature. A row that is one merged cell is a
 * label (2. 主要编制人员). The same person in two lists (the 编制主持人 is
 * usually also a 主要编制人员) signs with the same picture rightly. One
 * finding per person whose picture an earlier, different person already
 * has, at their signature cell. Silent: pictures without a hash (Flat OPC,
 * Word 2003 XML, an unreadable part), rows without a name. */
#include "rules/kind.h"
#include "rules/grid.h"
#include "doc/images.h"
#include "core/buf.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Signatures compared per document: a staff table lists a few dozen people;
 * the cap keeps the comparison of each with those before it bounded. */
#define MAX_SIGNATURES 2000

typedef struct sigimage_k {
    const fl_pattern *contains, *name, *signature;
} sigimage_k;

static const char *const vars[] = {"key", "other", "value", "line", NULL};

static int parse(fl_rule *rule, const xmlNode *el, fl_loader *ld, fl_error *err)
{
    sigimage_k *k = fl_loader_alloc(ld, sizeof *k);
    if (fl_loader_pattern_attr(ld, el, "contains", &k->contains, err) ||
        fl_loader_pattern_attr(ld, el, "name", &k->name, err) ||
        fl_loader_pattern_attr(ld, el, "signature", &k->signature, err))
        return -1;
    if (!k->contains || !k->name || !k->signature)
        return fl_loader_error(err, ld, el, "<signature-images> needs contains, name and signature patterns");
    rule->data = k;
    return 0;
}

/* One signature seen: whose, where. */
typedef struct seen_t {
    uint64_t hash;
    const char *person;
    int block;
} seen_t;

typedef struct state_t {
    seen_t *v;
    size_t n, cap;
} state_t;

static int test(fl_scan *s, const fl_pattern *p, const char *t) { return t && *t ? fl_scan_test(s, p, t) : 0; }

/* The name without white space (a PDF copy's 王 立 新 is 王立新). */
static const char *person_key(fl_arena *a, const char *t)
{
    size_t n = strlen(t);
    char *o = fl_arena_alloc(a, n + 1), *q = o;
    for (size_t i = 0; i < n; i++) {
        if (t[i] == ' ' || t[i] == '\t' || t[i] == '\n') continue;
        if (!strncmp(t + i, "\xe3\x80\x80", 3)) { /* ideographic space */
            i += 2;
            continue;
        }
        *q++ = t[i];
    }
    *q = 0;
    return o;
}

static void one_signature(fl_scan *s, state_t *st, uint64_t hash, const char *person, const char *shown, int block,
                          int *reported_for_row)
{
    const fl_doc *doc = fl_scan_doc(s);
    for (size_t i = 0; i < st->n; i++) {
        if (st->v[i].hash != hash) continue;
        if (!strcmp(st->v[i].person, person) || *reported_for_row) return;
        *reported_for_row = 1;
        fl_arena *a = fl_scan_arena(s);
        fl_hit h = {.block = block, .severity = -1};
        fl_hit_var(&h, "key", shown);
        fl_hit_var(&h, "other", st->v[i].person);
        fl_hit_var(&h, "value", fl_arena_printf(a, "%016llx", (unsigned long long)hash));
        fl_hit_var(&h, "line", fl_arena_printf(a, "%d", doc->blocks[st->v[i].block].line));
        fl_scan_emit(s, &h);
        return;
    }
    if (st->n >= MAX_SIGNATURES) return;
    FL_VEC_RESERVE(st->v, st->cap, st->n + 1);
    st->v[st->n++] = (seen_t){hash, person, block};
}

static void read_table(fl_scan *s, const sigimage_k *k, const fl_grid *g, size_t end, state_t *st)
{
    const fl_doc *doc = fl_scan_doc(s);
    fl_arena *a = fl_scan_arena(s);
    /* the rows' roles: header columns per row (-1: not under a header) */
    int *name_col = fl_arena_alloc(a, sizeof(int) * (size_t)g->rows);
    int *sig_col = fl_arena_alloc(a, sizeof(int) * (size_t)g->rows);
    int nc = -1, sc = -1;
    bool any = false;
    for (int r = 0; r < g->rows && !fl_scan_failed(s); r++) {
        int hn = -1, hs = -1;
        for (int c = 0; c < g->cols; c++) {
            if (fl_grid_spanned(g, r, c)) continue;
            const char *t = fl_grid_text(doc, g, r, c);
            if (hn < 0 && test(s, k->name, t) == 1) hn = c;
            else if (hs < 0 && test(s, k->signature, t) == 1) hs = c;
            if (!any && test(s, k->contains, t) == 1) any = true;
        }
        name_col[r] = sig_col[r] = -1;
        if (hn >= 0 && hs >= 0) {
            nc = hn;
            sc = hs;
            continue;
        }
        int first = fl_grid_block(g, r, 0);
        bool merged = first >= 0;
        for (int c = 1; c < g->cols && merged; c++)
            if (fl_grid_block(g, r, c) != first) merged = false;
        if (merged) continue;
        name_col[r] = nc;
        sig_col[r] = sc;
    }
    if (!any || fl_scan_failed(s)) return;
    /* the pictures of the signature cells, paragraph by paragraph, in
     * reading order of the rows */
    int row_done = -1, reported = 0;
    for (size_t b = g->first; b < end; b++) {
        const fl_block *blk = &doc->blocks[b];
        if (blk->table != g->table) continue;
        const fl_block_extra *x = fl_block_x(doc, blk);
        int r = x->row - 1, c = x->col - 1;
        if (r < 0 || r >= g->rows || sig_col[r] < 0 || c != sig_col[r] || !x->images) continue;
        const fl_image_rec *imgs;
        size_t ni = fl_doc_block_images(doc, blk, &imgs);
        if (!ni) continue;
        int nb = fl_grid_block(g, r, name_col[r]);
        if (nb < 0 || !doc->blocks[nb].len) continue;
        const char *shown = doc->blocks[nb].text;
        const char *person = person_key(a, shown);
        if (!*person) continue;
        if (r != row_done) {
            row_done = r;
            reported = 0;
        }
        for (size_t i = 0; i < ni; i++)
            if (imgs[i].hashed) one_signature(s, st, imgs[i].hash, person, shown, (int)b, &reported);
    }
}

static void run(const fl_rule *rule, fl_scan *s)
{
    const sigimage_k *k = rule->data;
    const fl_doc *doc = fl_scan_doc(s);
    if (!doc->images || !doc->images->n) return;
    state_t st = {0};
    fl_grid_iter it = {0};
    fl_grid g;
    while (!fl_scan_failed(s) && fl_grid_next(&it, &g, fl_scan_arena(s), doc)) read_table(s, k, &g, it.end, &st);
    free(st.v);
}

static void describe(const fl_rule *rule, FILE *out)
{
    const sigimage_k *k = rule->data;
    fprintf(out, "含 /%s/ 的表格：表头行有姓名列 /%s/ 和签字列 /%s/，其下各行为编制人员\n", k->contains->source,
            k->name->source, k->signature->source);
    fputs("两名不同人员的签字栏含同一图片（图片部件字节的 64 位哈希相同；Markdown 为同一路径）时报告，位置为后出现的一人；"
          "同一人出现在两份名单中用同一图片不报告；Flat OPC、Word 2003 XML 的图片未读出字节，不判断\n",
          out);
}

const fl_kind fl_kind_sigimage = {"signature-images", vars, parse, run, describe};
