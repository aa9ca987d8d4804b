/* Kind `signature-images`: one signature picture for two people.
 * In the 编制单位和编制人员情况表 each 编制主持人 and 主要编制人员 signs in
 * their own row; when the signature cells of two different people hold the
 * very same picture file (doc/images.h: the hash of the picture part's
 * bytes, or of a Markdown picture's path), one signature was pasted for
 * both — 假冒、伪造他人签字.
 *
 *   <signature-images contains="信用编号" name="^姓\s*名$" signature="^签\s*[字名]"/>
 *   <signature-images compare="corpus" .../>
 *
 * The staff table is read by rules/sigtable.h with the three patterns.
 *
 * compare="document" (the default, EIA506): within the filing. The same
 * person in two lists (the 编制主持人 is usually also a 主要编制人员) signs
 * with the same picture rightly. One finding per person whose picture an
 * earlier, different person already has, at their signature cell.
 *
 * compare="corpus" (EIA509): against the other filings of the corpus
 * (--corpus DB; `index` stores each filing's signatures, read with the
 * built-in reading of rules/sigtable.h). One finding per person whose
 * picture an earlier filing holds under a different person's name, naming
 * the first such filing (in the order the corpus indexed them) and person.
 * A person who reuses her own signature picture in her own filings is not
 * reported; who is one person is fl_sigtable_same_person's answer: the
 * 信用编号 (else the 证书管理号) when both rows have one, else the names,
 * forgiving a traditional form or one given-name character typed otherwise. Earlier: the other filing's own date is before this one's at
 * the precision both have (2023-05 is before 2023-06-02; 2023-06 is not
 * before 2023-06-02). A picture belongs to whoever used it first, so the
 * filing it was taken from is not accused in turn; when either date is
 * unknown, or both are the same, who copied whom cannot be said and
 * nothing is reported. Only pictures whose bytes were hashed count (a package part,
 * a Markdown data: URI): a Markdown picture named by a path is hashed by
 * the path, and media/image1.png in two exports is no evidence of one file.
 *
 * Silent: pictures without a hash (Flat OPC, Word 2003 XML, an unreadable
 * part), rows without a name. */
#include "rules/kind.h"
#include "rules/corpusconn.h"
#include "rules/sigtable.h"
#include "rules/engine.h"
#include "doc/images.h"
#include "corpus/query.h"
#include "core/date.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct sigimage_k {
    const fl_pattern *contains, *name, *signature;
    bool corpus;
} sigimage_k;

static const char *const vars[] = {"key", "other", "value", "line", "file", "other_date", NULL};

static int parse(fl_rule *rule, const xmlNode *el, fl_loader *ld, fl_error *err)
{
    sigimage_k *k = fl_loader_alloc(ld, sizeof *k);
    if (fl_loader_pattern_attr(ld, el, "contains", &k->contains, err) ||
        fl_loader_pattern_attr(ld, el, "name", &k->name, err) ||
        fl_loader_pattern_attr(ld, el, "signature", &k->signature, err))
        return -1;
    if (!k->contains || !k->name || !k->signature)
        return fl_loader_error(err, ld, el, "<signature-images> needs contains, name and signature patterns");
    const char *compare = fl_loader_attr(ld, el, "compare");
    if (compare && strcmp(compare, "document") && strcmp(compare, "corpus"))
        return fl_loader_error(err, ld, el, "<signature-images> compare is document or corpus");
    k->corpus = compare && !strcmp(compare, "corpus");
    rule->data = k;
    return 0;
}

typedef struct asker {
    fl_scan *s;
    const sigimage_k *k;
} asker;

static int ask(void *ctx, enum fl_sigtable_cell which, const char *t)
{
    asker *q = ctx;
    const fl_pattern *p = which == FL_SIGTABLE_MARK ? q->k->contains
                          : which == FL_SIGTABLE_NAME ? q->k->name : q->k->signature;
    return fl_scan_test(q->s, p, t);
}

static void emit(fl_scan *s, const fl_signature *g, const char *other, int line, const char *file,
                 const char *other_date)
{
    fl_arena *a = fl_scan_arena(s);
    fl_hit h = {.block = g->block, .severity = -1};
    fl_hit_var(&h, "key", g->shown);
    fl_hit_var(&h, "other", other);
    fl_hit_var(&h, "value", fl_arena_printf(a, "%016llx", (unsigned long long)g->hash));
    fl_hit_var(&h, "line", fl_arena_printf(a, "%d", line));
    if (file) {
        fl_hit_var(&h, "file", file);
        fl_hit_var(&h, "other_date", other_date);
        h.related_path = file;
        h.related_line = line;
    }
    fl_scan_emit(s, &h);
}

/* Within the filing: each person row against the rows before it. */
static void in_document(fl_scan *s, const fl_signature *v, size_t n)
{
    const fl_doc *doc = fl_scan_doc(s);
    int reported_row = -1;
    for (size_t i = 0; i < n; i++) {
        if (v[i].name_block == reported_row) continue;
        for (size_t j = 0; j < i; j++) {
            if (v[j].hash != v[i].hash) continue;
            if (!strcmp(v[j].person, v[i].person)) break;
            reported_row = v[i].name_block;
            emit(s, &v[i], v[j].person, doc->blocks[v[j].block].line, NULL, NULL);
            break;
        }
    }
}

/* Is a strictly before b, comparing only the parts both dates have? */
static bool before(const fl_date *a, const fl_date *b)
{
    if (a->y != b->y) return a->y < b->y;
    if (!a->m || !b->m || a->m != b->m) return a->m && b->m && a->m < b->m;
    return a->d && b->d && a->d < b->d;
}

/* Against the corpus: the hashes looked up once, then each person row. */
static void in_corpus(fl_scan *s, const fl_signature *v, size_t n)
{
    fl_date own, other;
    const char *shown;
    if (!fl_scan_own_date(s, &own, &shown)) return;
    fl_corpus *c = fl_scan_corpus(s);
    if (!c) return;
    fl_arena *a = fl_scan_arena(s);
    uint64_t *hashes = fl_arena_alloc(a, (n ? n : 1) * sizeof *hashes);
    size_t nh = 0;
    for (size_t i = 0; i < n; i++)
        if (v[i].bytes) hashes[nh++] = v[i].hash;
    fl_corpus_sighit *hits = NULL;
    size_t nhits = 0;
    fl_error err;
    fl_error_clear(&err);
    if (fl_corpus_find_sigs(&hits, &nhits, c, fl_scan_doc(s), hashes, nh, a, &err)) {
        fl_scan_error(s, &err);
        return;
    }
    int reported_row = -1;
    for (size_t i = 0; i < n && nhits; i++) {
        if (!v[i].bytes || v[i].name_block == reported_row) continue;
        for (size_t j = 0; j < nhits; j++) {
            if (hits[j].hash != v[i].hash ||
                fl_sigtable_same_person(v[i].person, v[i].credit, v[i].cert, hits[j].person, hits[j].credit,
                                        hits[j].cert))
                continue;
            if (fl_date_iso_parse(&other, hits[j].filed) || !before(&other, &own)) continue;
            reported_row = v[i].name_block;
            emit(s, &v[i], hits[j].shown, hits[j].other_line, hits[j].other_path, hits[j].filed);
            break;
        }
    }
}

static void run(const fl_rule *rule, fl_scan *s)
{
    const sigimage_k *k = rule->data;
    const fl_doc *doc = fl_scan_doc(s);
    if (!doc->images || !doc->images->n) return;
    if (k->corpus && !fl_scan_opts(s)->corpus) return;
    asker q = {s, k};
    fl_signature *v;
    size_t n;
    if (fl_sigtable_read(&v, &n, doc, fl_scan_arena(s), ask, &q) || fl_scan_failed(s)) return;
    if (k->corpus) in_corpus(s, v, n);
    else in_document(s, v, n);
}

static void describe(const fl_rule *rule, FILE *out)
{
    const sigimage_k *k = rule->data;
    fprintf(out, "含 /%s/ 的表格：表头行有姓名列 /%s/ 和签字列 /%s/，其下各行为编制人员\n", k->contains->source,
            k->name->source, k->signature->source);
    if (k->corpus)
        fputs("仅在 check --corpus 数据库 时运行：签字栏图片（图片部件字节的 64 位哈希）在语料库中编制日期更早的另一份申报文件中"
              "属于另一人时报告，并写出该文件、人员和行；任一文件日期不明或两者日期相同时不报告；同一人在不同文件中用本人同一签名图片"
              "不报告（两行都有信用编号时按信用编号判断是否同一人，其次按职业资格证书管理号；否则按姓名，空格、繁简写法不计，三字以上姓名中名字"
              "错一字仍视为同一人）；只比较读出字节的图片（DOCX 等程序包中的图片部件、Markdown 的 data: 图片），Markdown 中写路径的图片不比较\n",
              out);
    else
        fputs("两名不同人员的签字栏含同一图片（图片部件字节的 64 位哈希相同；Markdown 为同一路径）时报告，位置为后出现的一人；"
              "同一人出现在两份名单中用同一图片不报告；Flat OPC、Word 2003 XML 的图片未读出字节，不判断\n",
              out);
}

const fl_kind fl_kind_sigimage = {"signature-images", vars, parse, run, describe};
