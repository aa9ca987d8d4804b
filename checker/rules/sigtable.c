/* Reading the staff table's signatures (sigtable.h).
 *
 * The tables read are those with a marker cell; every row with a name
 * header cell and a signature header cell is a header, and the rows below it
 * (to the next header) are people: the name cell is the person, the pictures
 * of every paragraph of the signature cell are their signature. A row that
 * is one merged cell is a label (2. 主要编制人员): the role of the rows
 * after it. */
#include "rules/sigtable.h"
#include "rules/grid.h"
#include "doc/images.h"
#include "core/buf.h"
#include "core/date.h"
#include "core/norm.h"
#include "core/utf8.h"
#include <stdlib.h>
#include <string.h>

/* Signatures read per document: a staff table lists a few dozen people;
 * the cap keeps what a comparison reads bounded. */
#define MAX_SIGNATURES 2000

const char *fl_sigtable_person(fl_arena *a, const char *t)
{
    size_t n = strlen(t);
    char *o = fl_arena_alloc(a, n + 1), *q = o;
    for (size_t i = 0; i < n; i++) {
        if (t[i] == ' ' || t[i] == '\t' || t[i] == '\n' || t[i] == '\r') continue;
        if (!strncmp(t + i, "\xe3\x80\x80", 3)) { /* ideographic space */
            i += 2;
            continue;
        }
        *q++ = t[i];
    }
    *q = 0;
    return o;
}

const char *fl_sigtable_id(fl_arena *a, const char *t, int min_digits)
{
    size_t n = t ? strlen(t) : 0;
    char *o = fl_arena_alloc(a, n + 1), *q = o;
    int digits = 0;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        i += fl_utf8_decode(t + i, n - i, &cp);
        cp = fl_norm_cp(cp);
        if (cp >= 'a' && cp <= 'z') cp -= 'a' - 'A';
        if ((cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z')) {
            digits += cp <= '9';
            *q++ = (char)cp;
        }
    }
    *q = 0;
    return digits >= min_digits ? o : "";
}

/* Traditional forms of characters common in personal names and their
 * simplified forms, sorted by the first: a name typed in one and printed
 * or recognised in the other is one name. */
static const uint32_t t2s[][2] = {
    {0x5049, 0x4F1F}, {0x5091, 0x6770}, {0x50B3, 0x4F20}, {0x50D1, 0x4FA8}, {0x5100, 0x4EEA},
    {0x5104, 0x4EBF}, {0x5289, 0x5218}, {0x528D, 0x5251}, {0x5433, 0x5434}, {0x5442, 0x5415},
    {0x55AC, 0x4E54}, {0x55AE, 0x5355}, {0x56B4, 0x4E25}, {0x570B, 0x56FD}, {0x5712, 0x56ED},
    {0x5713, 0x5706}, {0x5718, 0x56E2}, {0x5805, 0x575A}, {0x58FD, 0x5BFF}, {0x5922, 0x68A6},
    {0x596E, 0x594B}, {0x5A41, 0x5A04}, {0x5B0B, 0x5A75}, {0x5B0C, 0x5A07}, {0x5B6B, 0x5B59},
    {0x5B78, 0x5B66}, {0x5BE6, 0x5B9E}, {0x5BE7, 0x5B81}, {0x5BF6, 0x5B9D}, {0x5C07, 0x5C06},
    {0x5C08, 0x4E13}, {0x5C64, 0x5C42}, {0x5DBA, 0x5CAD}, {0x5DD6, 0x5CA9}, {0x5EE3, 0x5E7F},
    {0x5F35, 0x5F20}, {0x5F37, 0x5F3A}, {0x5F48, 0x5F39}, {0x5F65, 0x5F66}, {0x5F9E, 0x4ECE},
    {0x5FA9, 0x590D}, {0x5FB5, 0x5F81}, {0x611B, 0x7231}, {0x6176, 0x5E86}, {0x61B2, 0x5BAA},
    {0x61B6, 0x5FC6}, {0x61C9, 0x5E94}, {0x61F7, 0x6000}, {0x64C1, 0x62E5}, {0x6578, 0x6570},
    {0x6607, 0x5347}, {0x66C4, 0x6654}, {0x66C9, 0x6653}, {0x66F8, 0x4E66}, {0x6703, 0x4F1A},
    {0x6771, 0x4E1C}, {0x694A, 0x6768}, {0x69AE, 0x8363}, {0x6A02, 0x4E50}, {0x6A11, 0x6881},
    {0x6A19, 0x6807}, {0x6A39, 0x6811}, {0x6A3A, 0x6866}, {0x6A4B, 0x6865}, {0x6B0A, 0x6743},
    {0x6B50, 0x6B27}, {0x6B61, 0x6B22}, {0x6B78, 0x5F52}, {0x6C23, 0x6C14}, {0x6E6F, 0x6C64},
    {0x6F22, 0x6C49}, {0x6F54, 0x6D01}, {0x6FA4, 0x6CFD}, {0x6FE4, 0x6D9B}, {0x6FF1, 0x6EE8},
    {0x703E, 0x6F9C}, {0x7063, 0x6E7E}, {0x7152, 0x709C}, {0x71C1, 0x70E8}, {0x71E6, 0x707F},
    {0x723E, 0x5C14}, {0x737B, 0x732E}, {0x73FE, 0x73B0}, {0x744B, 0x73AE}, {0x7464, 0x7476},
    {0x7469, 0x83B9}, {0x74A3, 0x7391}, {0x74B0, 0x73AF}, {0x74BD, 0x73BA}, {0x74CA, 0x743C},
    {0x7522, 0x4EA7}, {0x7562, 0x6BD5}, {0x7576, 0x5F53}, {0x767C, 0x53D1}, {0x76E7, 0x5362},
    {0x78A9, 0x7855}, {0x797F, 0x7984}, {0x798E, 0x796F}, {0x79AE, 0x793C}, {0x7A2E, 0x79CD},
    {0x7A4E, 0x9896}, {0x7A69, 0x7A33}, {0x7AF6, 0x7ADE}, {0x7B46, 0x7B14}, {0x7BC4, 0x8303},
    {0x7C21, 0x7B80}, {0x7D00, 0x7EAA}, {0x7D05, 0x7EA2}, {0x7D0D, 0x7EB3}, {0x7D39, 0x7ECD},
    {0x7D93, 0x7ECF}, {0x7DA0, 0x7EFF}, {0x7DAD, 0x7EF4}, {0x7DEF, 0x7EAC}, {0x7E3D, 0x603B},
    {0x7E61, 0x7EE3}, {0x7E7C, 0x7EE7}, {0x7F85, 0x7F57}, {0x7FA9, 0x4E49}, {0x7FD2, 0x4E60},
    {0x8056, 0x5723}, {0x806F, 0x8054}, {0x8070, 0x806A}, {0x8072, 0x58F0}, {0x8076, 0x8042},
    {0x8085, 0x8083}, {0x8208, 0x5174}, {0x8209, 0x4E3E}, {0x8277, 0x8273}, {0x838A, 0x5E84},
    {0x83EF, 0x534E}, {0x840A, 0x83B1}, {0x842C, 0x4E07}, {0x8449, 0x53F6}, {0x84EE, 0x83B2},
    {0x8523, 0x848B}, {0x856D, 0x8427}, {0x85CD, 0x84DD}, {0x85DD, 0x827A}, {0x8607, 0x82CF},
    {0x860A, 0x8574}, {0x862D, 0x5170}, {0x8655, 0x5904}, {0x885B, 0x536B}, {0x89AA, 0x4EB2},
    {0x89BA, 0x89C9}, {0x89C0, 0x89C2}, {0x8A31, 0x8BB8}, {0x8A69, 0x8BD7}, {0x8AA0, 0x8BDA},
    {0x8ABC, 0x8C0A}, {0x8AF8, 0x8BF8}, {0x8AFE, 0x8BFA}, {0x8B19, 0x8C26}, {0x8B1D, 0x8C22},
    {0x8B49, 0x8BC1}, {0x8B5A, 0x8C2D}, {0x8B77, 0x62A4}, {0x8B93, 0x8BA9}, {0x8C50, 0x4E30},
    {0x8C54, 0x8273}, {0x8C9E, 0x8D1E}, {0x8CA1, 0x8D22}, {0x8CB4, 0x8D35}, {0x8CBB, 0x8D39},
    {0x8CC0, 0x8D3A}, {0x8CC7, 0x8D44}, {0x8CC8, 0x8D3E}, {0x8CD3, 0x5BBE}, {0x8CE2, 0x8D24},
    {0x8CF4, 0x8D56}, {0x8CFD, 0x8D5B}, {0x8D0A, 0x8D5E}, {0x8D99, 0x8D75}, {0x8ECD, 0x519B},
    {0x8ED2, 0x8F69}, {0x8F1D, 0x8F89}, {0x8F2A, 0x8F6E}, {0x8FB2, 0x519C}, {0x9032, 0x8FDB},
    {0x904B, 0x8FD0}, {0x9054, 0x8FBE}, {0x9059, 0x9065}, {0x9060, 0x8FDC}, {0x9072, 0x8FDF},
    {0x9078, 0x9009}, {0x908A, 0x8FB9}, {0x9112, 0x90B9}, {0x9114, 0x90AC}, {0x9127, 0x9093},
    {0x912D, 0x90D1}, {0x913A, 0x909D}, {0x91AB, 0x533B}, {0x91CB, 0x91CA}, {0x91D7, 0x948A},
    {0x921E, 0x94A7}, {0x9234, 0x94C3}, {0x9280, 0x94F6}, {0x9298, 0x94ED}, {0x92B3, 0x9510},
    {0x92D2, 0x950B}, {0x92FC, 0x94A2}, {0x9322, 0x94B1}, {0x9326, 0x9526}, {0x932B, 0x9521},
    {0x9375, 0x952E}, {0x937E, 0x949F}, {0x93AE, 0x9547}, {0x93E1, 0x955C}, {0x9418, 0x949F},
    {0x9435, 0x94C1}, {0x9577, 0x957F}, {0x958B, 0x5F00}, {0x9594, 0x95F5}, {0x95A3, 0x9601},
    {0x95BB, 0x960E}, {0x95CA, 0x9614}, {0x95DC, 0x5173}, {0x9670, 0x9634}, {0x9673, 0x9648},
    {0x9678, 0x9646}, {0x967D, 0x9633}, {0x96A8, 0x968F}, {0x96D9, 0x53CC}, {0x96DE, 0x9E21},
    {0x96E3, 0x96BE}, {0x96F2, 0x4E91}, {0x9748, 0x7075}, {0x975C, 0x9759}, {0x97CB, 0x97E6},
    {0x97D3, 0x97E9}, {0x97FB, 0x97F5}, {0x9806, 0x987A}, {0x980C, 0x9882}, {0x9813, 0x987F},
    {0x9818, 0x9886}, {0x9824, 0x9890}, {0x984C, 0x9898}, {0x984F, 0x989C}, {0x9858, 0x613F},
    {0x985E, 0x7C7B}, {0x9865, 0x98A2}, {0x9867, 0x987E}, {0x986F, 0x663E}, {0x98A8, 0x98CE},
    {0x98C4, 0x98D8}, {0x98DB, 0x98DE}, {0x990A, 0x517B}, {0x9928, 0x9986}, {0x99AC, 0x9A6C},
    {0x99AE, 0x51AF}, {0x99FF, 0x9A8F}, {0x9A0F, 0x9A90}, {0x9A30, 0x817E}, {0x9A4A, 0x9A85},
    {0x9A4D, 0x9A81}, {0x9B25, 0x6597}, {0x9B6F, 0x9C81}, {0x9B91, 0x9C8D}, {0x9BE4, 0x9CB2},
    {0x9CE5, 0x9E1F}, {0x9CF3, 0x51E4}, {0x9CF4, 0x9E23}, {0x9D3B, 0x9E3F}, {0x9D3F, 0x9E3D},
    {0x9D51, 0x9E43}, {0x9D6C, 0x9E4F}, {0x9DAF, 0x83BA}, {0x9DB4, 0x9E64}, {0x9DF9, 0x9E70},
    {0x9E97, 0x4E3D}, {0x9EA5, 0x9EA6}, {0x9EC3, 0x9EC4}, {0x9EE8, 0x515A}, {0x9F4A, 0x9F50},
    {0x9F61, 0x9F84}, {0x9F8D, 0x9F99}, {0x9F90, 0x5E9E}, {0x9F94, 0x9F9A},
};

static int cmp_t2s(const void *key, const void *row)
{
    uint32_t k = *(const uint32_t *)key, r = ((const uint32_t *)row)[0];
    return (k > r) - (k < r);
}

static uint32_t simplified(uint32_t cp)
{
    const uint32_t *row = bsearch(&cp, t2s, sizeof t2s / sizeof *t2s, sizeof *t2s, cmp_t2s);
    return row ? row[1] : cp;
}

/* Names as code points (simplified), at most cap. */
static size_t name_cps(const char *s, uint32_t *out, size_t cap)
{
    size_t n = 0, len = strlen(s);
    for (size_t i = 0; i < len && n < cap;) {
        uint32_t cp;
        i += fl_utf8_decode(s + i, len - i, &cp);
        out[n++] = simplified(cp);
    }
    return n;
}

static bool names_alike(const char *person_a, const char *person_b)
{
    if (!strcmp(person_a, person_b)) return true;
    uint32_t a[16], b[16];
    size_t na = name_cps(person_a, a, 16), nb = name_cps(person_b, b, 16);
    if (na != nb || na >= 16) return false;
    size_t diff = 0, where = 0;
    for (size_t i = 0; i < na; i++)
        if (a[i] != b[i]) diff++, where = i;
    return diff == 0 || (diff == 1 && na >= 3 && where > 0);
}

/* Same length, one character apart: BH012345 and BH012845. */
static bool one_apart(const char *a, const char *b)
{
    size_t n = strlen(a), diff = 0;
    if (n != strlen(b)) return false;
    for (size_t i = 0; i < n; i++) diff += a[i] != b[i];
    return diff == 1;
}

bool fl_sigtable_same_person(const char *person_a, const char *credit_a, const char *cert_a,
                             const char *person_b, const char *credit_b, const char *cert_b)
{
    bool alike = names_alike(person_a, person_b);
    if (*credit_a && *credit_b)
        return !strcmp(credit_a, credit_b) || (alike && one_apart(credit_a, credit_b));
    if (*cert_a && *cert_b) return !strcmp(cert_a, cert_b) || (alike && one_apart(cert_a, cert_b));
    return alike;
}

int fl_sigtable_builtin(void *ctx, enum fl_sigtable_cell which, const char *t)
{
    fl_arena *a = ctx;
    const char *s = fl_sigtable_person(a, t);
    switch (which) {
    case FL_SIGTABLE_MARK:
        return strstr(s, "信用编号") || strstr(s, "统一社会信用代码") || strstr(s, "编制主持人");
    case FL_SIGTABLE_NAME: return !strcmp(s, "姓名");
    case FL_SIGTABLE_SIGNATURE: return !strncmp(s, "签字", 6) || !strncmp(s, "签名", 6);
    }
    return 0;
}

typedef struct sigvec {
    fl_signature *v;
    size_t n, cap;
} sigvec;

/* A package picture is hashed by its part's bytes; a Markdown picture by
 * what is written between the parentheses, which for a data: URI is the
 * picture's bytes, encoded, and otherwise only a path. */
static bool hashed_bytes(const fl_image_rec *r)
{
    return r->rid != NULL || (r->target && !strncmp(r->target, "data:", 5));
}

static int ask(fl_sigtable_test test, void *ctx, enum fl_sigtable_cell which, const char *t)
{
    return t && *t ? test(ctx, which, t) : 0;
}

static int read_table(sigvec *out, const fl_doc *doc, fl_arena *a, const fl_grid *g, size_t end,
                      fl_sigtable_test test, void *ctx)
{
    /* the rows' roles: header columns per row (-1: not under a header) and
     * the label row above */
    int *name_col = fl_arena_alloc(a, sizeof(int) * (size_t)g->rows);
    int *sig_col = fl_arena_alloc(a, sizeof(int) * (size_t)g->rows);
    int *credit_col = fl_arena_alloc(a, sizeof(int) * (size_t)g->rows);
    int *cert_col = fl_arena_alloc(a, sizeof(int) * (size_t)g->rows);
    const char **role = fl_arena_alloc(a, sizeof(char *) * (size_t)g->rows);
    const char *label = "";
    int nc = -1, sc = -1, cc = -1, mc = -1;
    bool any = false;
    for (int r = 0; r < g->rows; r++) {
        int hn = -1, hs = -1, hc = -1, hm = -1, rc;
        for (int c = 0; c < g->cols; c++) {
            if (fl_grid_spanned(g, r, c)) continue;
            const char *t = fl_grid_text(doc, g, r, c);
            /* the official form's column heads, not a ruleset's question */
            const char *bare = t ? fl_sigtable_person(a, t) : "";
            if (hc < 0 && !strcmp(bare, "信用编号")) hc = c;
            if (hm < 0 && strstr(bare, "证书管理号")) hm = c;
            if (hn < 0 && (rc = ask(test, ctx, FL_SIGTABLE_NAME, t)) != 0) {
                if (rc < 0) return -1;
                hn = c;
            } else if (hs < 0 && (rc = ask(test, ctx, FL_SIGTABLE_SIGNATURE, t)) != 0) {
                if (rc < 0) return -1;
                hs = c;
            }
            if (!any && (rc = ask(test, ctx, FL_SIGTABLE_MARK, t)) != 0) {
                if (rc < 0) return -1;
                any = true;
            }
        }
        name_col[r] = sig_col[r] = credit_col[r] = cert_col[r] = -1;
        role[r] = label;
        if (hn >= 0 && hs >= 0) {
            nc = hn;
            sc = hs;
            cc = hc;
            mc = hm;
            continue;
        }
        int first = fl_grid_block(g, r, 0);
        bool merged = first >= 0;
        for (int c = 1; c < g->cols && merged; c++)
            if (fl_grid_block(g, r, c) != first) merged = false;
        if (merged) {
            label = doc->blocks[first].text;
            continue;
        }
        name_col[r] = nc;
        sig_col[r] = sc;
        credit_col[r] = cc;
        cert_col[r] = mc;
    }
    if (!any) return 0;
    /* the pictures of the signature cells, paragraph by paragraph, in
     * reading order of the rows */
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
        const char *person = fl_sigtable_person(a, shown);
        if (!*person) continue;
        const char *credit = credit_col[r] >= 0
                                 ? fl_sigtable_id(a, fl_grid_text(doc, g, r, credit_col[r]), FL_SIGTABLE_CREDIT_DIGITS)
                                 : "";
        const char *cert = cert_col[r] >= 0
                               ? fl_sigtable_id(a, fl_grid_text(doc, g, r, cert_col[r]), FL_SIGTABLE_CERT_DIGITS)
                               : "";
        for (size_t i = 0; i < ni && out->n < MAX_SIGNATURES; i++) {
            if (!imgs[i].hashed) continue;
            FL_VEC_RESERVE(out->v, out->cap, out->n + 1);
            out->v[out->n++] = (fl_signature){imgs[i].hash, hashed_bytes(&imgs[i]), person, shown, role[r],
                                              (int)b, nb, credit, cert};
        }
    }
    return 0;
}

int fl_sigtable_read(fl_signature **out, size_t *n, const fl_doc *doc, fl_arena *a, fl_sigtable_test test,
                     void *ctx)
{
    sigvec v = {0};
    int rc = 0;
    *out = NULL;
    *n = 0;
    if (doc->images && doc->images->n) {
        fl_grid_iter it = {0};
        fl_grid g;
        while (!rc && fl_grid_next(&it, &g, a, doc)) rc = read_table(&v, doc, a, &g, it.end, test, ctx);
    }
    if (v.n) {
        *out = fl_arena_alloc(a, v.n * sizeof **out);
        memcpy(*out, v.v, v.n * sizeof **out);
        *n = v.n;
    }
    free(v.v);
    return rc;
}

void fl_sigtable_add_to_entry(fl_corpus_entry *e, const fl_doc *doc)
{
    fl_arena a;
    fl_signature *v;
    size_t n;
    fl_arena_init(&a);
    const fl_filing_date *fd = &doc->filing_date;
    e->filed[0] = 0;
    if (fd->found && fl_date_valid(&fd->value) && fd->value.y) fl_date_format(&fd->value, e->filed);
    fl_sigtable_read(&v, &n, doc, &a, fl_sigtable_builtin, &a);
    for (size_t i = 0; i < n; i++)
        if (v[i].bytes)
            fl_corpus_entry_add_sig(e, v[i].hash, v[i].person, v[i].shown, v[i].role, doc->blocks[v[i].block].line,
                                    v[i].credit, v[i].cert);
    fl_arena_free(&a);
}
