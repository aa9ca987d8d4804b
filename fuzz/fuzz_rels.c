/* Fuzz target: the relationship graph of a package. The fuzzer's bytes are
 * the relationship parts of an in-memory package (no ZIP, so that every
 * mutation reaches the OPC layer), split at NUL bytes:
 *
 *   0  _rels/.rels
 *   1  word/_rels/document.xml.rels           the main part's relationships
 *   2  [Content_Types].xml                    (empty: none)
 *   3  word/_rels/header1.xml.rels            a story's own relationships
 *   4  extra part names, one a line (at most 32): parts that exist, each a
 *      small header, so that targets can name them (case variants, odd
 *      characters, names outside word/)
 *   5  word/document.xml                      (empty: a small fixed body)
 *
 * Around them sit small valid parts (styles, numbering, header1, footer1,
 * footnotes, endnotes, comments, core and app properties), so that fan-out
 * (many relationships to one part), cycles (a story or styles relationship
 * back to the main part, a story's relationships back to the body),
 * targets that climb out of the package or are absolute, external and
 * percent-encoded, DTDs and UTF-16 in any relationship part all reach the
 * reader. Then:
 *   - the package is read as DOCX (fl_ooxml_read + the model pass): a
 *     refusal needs an error code; a model must pass fl_fuzz_check_doc;
 *   - no part is streamed into the WordprocessingML reader more than once
 *     (as the body or as one story: the main part named as its own header
 *     is not read again), and no part is read more than six times in all
 *     (once more as a relationship or content-types part, once each as
 *     styles, numbering and the two property parts): however the graph
 *     loops or fans out, the reader's work is bounded by the package, not
 *     by the number of relationships;
 *   - the graph is walked breadth-first from _rels/.rels through every
 *     part's relationships (at most 64 parts): every internal target is a
 *     clean part name (no leading '/', no empty, '.' or '..' segment), and
 *     the walk ends however the relationships loop. */
#include "model/finish.h"
#include "input/readers.h"
#include "fuzz.h"
#include "core/error.h"
#include "input/input.h"
#include "input/opc.h"
#include "input/pkg.h"
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

enum { MAX_PARTS = 64, MAX_EXTRA = 32, MAX_STREAMS = 6, MAX_WALK = 64 };

typedef struct part {
    char name[256];
    const char *data;
    size_t len;
    int streams;   /* reads of any kind */
    int parsed;    /* streams into the WordprocessingML reader */
} part;

/* The sink fl_pkg_read uses to read a part whole; any other sink is the
 * streaming reader's. Found once, by reading a probe part. */
static fl_part_sink whole_sink;
typedef struct mem_pkg { part parts[MAX_PARTS]; size_t n; } mem_pkg;

#define W_NS "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""
#define DECL "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
static const char body[] = DECL "<w:document " W_NS "><w:body><w:p><w:r><w:t>一、总则</w:t></w:r></w:p>"
                                "<w:p><w:r><w:t>建设单位：某某有限公司</w:t></w:r></w:p></w:body></w:document>";
static const char header[] = DECL "<w:hdr " W_NS "><w:p><w:r><w:t>页眉</w:t></w:r></w:p></w:hdr>";
static const char *const fixed[][2] = {
    {"word/styles.xml", DECL "<w:styles " W_NS "><w:style w:type=\"paragraph\" w:styleId=\"1\">"
                        "<w:name w:val=\"heading 1\"/></w:style></w:styles>"},
    {"word/numbering.xml", DECL "<w:numbering " W_NS "/>"},
    {"word/header1.xml", header},
    {"word/footer1.xml", DECL "<w:ftr " W_NS "><w:p><w:r><w:t>页脚</w:t></w:r></w:p></w:ftr>"},
    {"word/footnotes.xml", DECL "<w:footnotes " W_NS "><w:footnote w:id=\"1\"><w:p><w:r><w:t>脚注</w:t>"
                           "</w:r></w:p></w:footnote></w:footnotes>"},
    {"word/endnotes.xml", DECL "<w:endnotes " W_NS "/>"},
    {"word/comments.xml", DECL "<w:comments " W_NS "><w:comment w:id=\"0\" w:author=\"审\"><w:p><w:r>"
                          "<w:t>批注</w:t></w:r></w:p></w:comment></w:comments>"},
    {"docProps/core.xml", DECL "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/"
                          "metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
                          "<dc:creator>张三</dc:creator></cp:coreProperties>"},
    {"docProps/app.xml", DECL "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                         "extended-properties\"><Company>某某公司</Company></Properties>"},
};

static part *find(mem_pkg *p, const char *name)
{
    for (size_t i = 0; i < p->n; i++)
        if (!strcasecmp(p->parts[i].name, name)) return &p->parts[i];
    return NULL;
}

/* The first part of a name wins, as a ZIP with a duplicate would be refused
 * anyway; names that do not fit are dropped. */
static void add(mem_pkg *p, const char *name, size_t nlen, const char *data, size_t len)
{
    if (p->n == MAX_PARTS || nlen == 0 || nlen >= sizeof p->parts[0].name) return;
    part *q = &p->parts[p->n];
    memcpy(q->name, name, nlen);
    q->name[nlen] = '\0';
    if (find(p, q->name)) return;
    q->data = data;
    q->len = len;
    q->streams = 0;
    p->n++;
}

static int pkg_has(void *impl, const char *name) { return find(impl, name) != NULL; }

/* Fed in chunks of up to 4 KiB, as a ZIP entry would be. */
static int pkg_stream(void *impl, const char *name, fl_part_sink sink, void *ctx, fl_error *err)
{
    part *q = find(impl, name);
    if (!q) return fl_error_set(err, FL_E_NO_MAIN, name);
    if (++q->streams > MAX_STREAMS || (sink != whole_sink && ++q->parsed > 1)) {
        fprintf(stderr, "fuzz: part %s read %d times, %d of them as a story or the body\n", q->name,
                q->streams, q->parsed);
        abort();
    }
    for (size_t i = 0; i < q->len;) {
        size_t n = q->len - i < 4096 ? q->len - i : 4096;
        if (sink(ctx, q->data + i, n)) break;
        i += n;
    }
    return 0;
}

static void check_target(const fl_rel *r)
{
    if (!r->target) {
        fprintf(stderr, "fuzz: relationship %s without a target\n", r->id ? r->id : "?");
        abort();
    }
    if (r->external) return;
    const char *t = r->target;
    bool bad = t[0] == '/' || strlen(t) >= 1024;
    for (const char *s = t; *s && !bad;) { /* each segment: not empty, not . or .. */
        const char *e = strchr(s, '/');
        size_t n = e ? (size_t)(e - s) : strlen(s);
        bad = n == 0 || (n == 1 && s[0] == '.') || (n == 2 && s[0] == '.' && s[1] == '.');
        s = e ? e + 1 : s + n;
        if (e && !*s) bad = true; /* a trailing '/' */
    }
    if (bad) {
        fprintf(stderr, "fuzz: internal target not a clean part name: \"%s\"\n", t);
        abort();
    }
}

/* Breadth-first over the graph; every part's relationships once. */
static void walk(const fl_pkg *pkg)
{
    fl_opc *o = NULL;
    fl_error err;
    fl_error_clear(&err);
    if (fl_opc_open(&o, pkg, &err)) {
        if (err.code == FL_OK) {
            fprintf(stderr, "fuzz: fl_opc_open failed without an error code\n");
            abort();
        }
        return;
    }
    char queue[MAX_WALK][1024];
    size_t head = 0, tail = 0;
    const fl_rels *rels = fl_opc_package_rels(o);
    for (;;) {
        for (size_t i = 0; i < rels->n; i++) {
            const fl_rel *r = &rels->items[i];
            check_target(r);
            (void)fl_rels_by_id(rels, r->id);
            if (r->external || !fl_pkg_has(pkg, r->target) || tail == MAX_WALK) continue;
            bool seen = false;
            for (size_t k = 0; k < tail && !seen; k++) seen = !strcasecmp(queue[k], r->target);
            if (!seen) snprintf(queue[tail++], sizeof queue[0], "%s", r->target);
        }
        if (head == tail) break;
        fl_error_clear(&err);
        rels = fl_opc_part_rels(o, queue[head++], &err);
    }
    size_t cur = 0;
    while (fl_rels_by_type(fl_opc_package_rels(o), "officeDocument", &cur)) {}
    (void)fl_opc_content_type(o, fl_opc_main(o));
    fl_opc_free(o);
}

static int probe_stream(void *impl, const char *name, fl_part_sink sink, void *ctx, fl_error *err)
{
    (void)impl; (void)name; (void)ctx; (void)err;
    whole_sink = sink;
    return 0;
}

static int probe_has(void *impl, const char *name) { (void)impl; (void)name; return 1; }

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc; (void)argv;
    fl_fuzz_init();
    fl_pkg probe = {NULL, probe_has, probe_stream};
    char *xml = NULL;
    size_t len = 0;
    fl_error err;
    fl_pkg_read(&probe, "probe", &xml, &len, &err);
    free(xml);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* the input split at NUL bytes; its bytes stay in place (the parts point
     * into a copy, so that nothing reads past a piece) */
    char *copy = malloc(size + 1);
    if (!copy) abort();
    if (size) memcpy(copy, data, size);
    copy[size] = '\0';
    const char *piece[6] = {"", "", "", "", "", ""};
    size_t plen[6] = {0};
    size_t k = 0, start = 0;
    for (size_t i = 0; i <= size && k < 6; i++)
        if (i == size || copy[i] == '\0') {
            piece[k] = copy + start;
            plen[k++] = i - start;
            start = i + 1;
        }
    mem_pkg *mp = calloc(1, sizeof *mp);
    if (!mp) abort();
    static const char *const names[] = {"_rels/.rels", "word/_rels/document.xml.rels", "[Content_Types].xml",
                                        "word/_rels/header1.xml.rels"};
    for (int i = 0; i < 4; i++)
        if (plen[i]) add(mp, names[i], strlen(names[i]), piece[i], plen[i]);
    if (plen[5]) add(mp, "word/document.xml", strlen("word/document.xml"), piece[5], plen[5]);
    else add(mp, "word/document.xml", strlen("word/document.xml"), body, sizeof body - 1);
    for (size_t i = 0; i < sizeof fixed / sizeof *fixed; i++)
        add(mp, fixed[i][0], strlen(fixed[i][0]), fixed[i][1], strlen(fixed[i][1]));
    const char *s = piece[4], *end = piece[4] + plen[4];
    for (int extra = 0; s < end && extra < MAX_EXTRA; extra++) {
        const char *nl = memchr(s, '\n', (size_t)(end - s));
        size_t n = nl ? (size_t)(nl - s) : (size_t)(end - s);
        add(mp, s, n, header, sizeof header - 1);
        s += n + 1;
    }
    fl_pkg pkg = {mp, pkg_has, pkg_stream};

    fl_doc *doc = fl_doc_new("fuzz.docx");
    doc->reader = fl_reader_find("docx");
    fl_error err;
    fl_error_clear(&err);
    if (fl_ooxml_read(doc, &pkg, &err) == 0) {
        fl_doc_finish(doc);
        fl_fuzz_check_doc(doc);
    } else if (err.code == FL_OK) {
        fprintf(stderr, "fuzz: read failed without an error code\n");
        abort();
    }
    fl_doc_free(doc);
    for (size_t i = 0; i < mp->n; i++) mp->parts[i].streams = mp->parts[i].parsed = 0;
    walk(&pkg);
    free(mp);
    free(copy);
    return 0;
}
