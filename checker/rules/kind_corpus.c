/* Kind `corpus`: passages of the project-specific sections that another
 * filing of the similarity corpus (--corpus DB, checker/corpus/) already
 * contains (EIA303). Runs only when the lint options name a database. Each
 * worker's linter keeps one read-only connection for all the files it
 * checks (rules/corpusconn.h, shared with EIA509); a connection sees what another process
 * indexes meanwhile (corpus/index_int.h: the snapshot is refreshed when
 * the database changed). A database that cannot be opened or read is a tool
 * error for the file, not a finding. */
#include "rules/kind.h"
#include "rules/corpusconn.h"
#include "core/utf8.h"
#include "corpus/query.h"
#include <stdio.h>
#include <string.h>

static const char *const vars[] = {"other", "other_line", "chars", NULL};

static int parse(fl_rule *rule, const xmlNode *el, fl_loader *ld, fl_error *err)
{
    if (fl_xml_first(el)) return fl_loader_error(err, ld, el, "<corpus/> takes no content");
    rule->data = NULL;
    return 0;
}

/* Normalised offset of the character at original code-point column col. */
static size_t norm_offset(const fl_norm *n, const fl_block *b, int col)
{
    size_t byte = fl_utf8_byte_offset(b->text, b->len, col > 1 ? (size_t)col - 1 : 0);
    size_t i = 0;
    while (i < n->len && fl_norm_orig(n, i) < byte) i++;
    return i;
}

static void emit(fl_scan *s, const fl_corpus_passage *p)
{
    const fl_doc *doc = fl_scan_doc(s);
    if (p->block < 0 || (size_t)p->block >= doc->nblocks) return;
    const fl_block *b = &doc->blocks[p->block];
    const fl_norm *n = fl_scan_norm(s, p->block);
    fl_arena *a = fl_scan_arena(s);
    fl_hit h = {.block = p->block, .severity = -1, .span = true};
    h.start = norm_offset(n, b, p->col);
    h.end = p->end_block == p->block ? norm_offset(n, b, p->end_col) : n->len;
    if (p->end_block > p->block) {
        h.end_block = p->end_block;
        h.end_col = p->end_col;
    }
    h.related_path = p->other_path;
    h.related_line = p->other_line;
    fl_hit_var(&h, "other", p->other_path);
    fl_hit_var(&h, "other_line", fl_arena_printf(a, "%d", p->other_line));
    fl_hit_var(&h, "chars", fl_arena_printf(a, "%d", p->chars));
    fl_scan_emit(s, &h);
}

static void run(const fl_rule *rule, fl_scan *s)
{
    (void)rule;
    fl_corpus *c = fl_scan_corpus(s);
    if (!c) return;
    fl_corpus_opts o;
    fl_corpus_passage *p = NULL;
    size_t n = 0;
    fl_error err;
    fl_error_clear(&err);
    fl_corpus_opts_init(&o);
    if (fl_corpus_find(&p, &n, c, fl_scan_doc(s), &o, fl_scan_arena(s), &err)) {
        fl_scan_error(s, &err);
        return;
    }
    for (size_t i = 0; i < n; i++) emit(s, &p[i]);
}

static void describe(const fl_rule *rule, FILE *out)
{
    (void)rule;
    fprintf(out, "仅在 check --corpus 数据库 时运行：项目特有章节（基本情况、工程分析、环境现状、环境保护目标、预测）中"
                 "与语料库内其他申报文件相同的段落（至少 %d 字，多于 %d 份或 %.0f%% 的文件共有的文字视为套话）\n",
            FL_CORPUS_MIN_CHARS, FL_CORPUS_BOILERPLATE_MIN, FL_CORPUS_BOILERPLATE_SHARE * 100);
}

const fl_kind fl_kind_corpus = {"corpus", vars, parse, run, describe};
