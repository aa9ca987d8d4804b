/* OOXML reading shared by DOCX and Flat OPC: OPC → styles and numbering
 * first, then the main part streamed into the SAX reader, then headers,
 * footers, notes and comments, then properties. The main part is found
 * through _rels/.rels, never assumed, and the other parts through its
 * relationships; each part's r:ids resolve through that part's own rels. */
#include "core/limits.h"
#include "doc/doc.h"
#include "doc/images.h"
#include "input/formats.h"
#include "input/numbering.h"
#include "input/opc.h"
#include "input/pkg.h"
#include "input/props.h"
#include "input/styles.h"
#include "input/wml.h"
#include "input/zip.h"
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static int wml_sink(void *ctx, const char *chunk, size_t n)
{
    return fl_wml_feed(ctx, chunk, n) ? 1 : 0;
}

static int stream_part(const fl_pkg *pkg, fl_wml *w, fl_part part, const char *name, fl_error *err)
{
    if (fl_wml_begin(w, part, name, err)) return -1;
    if (fl_pkg_stream(pkg, name, wml_sink, w, err)) {
        fl_wml_abort(w);
        return -1;
    }
    return fl_wml_end(w);
}

/* The next part reached through a relationship of this type; missing or
 * external targets are skipped. */
static const char *rel_part(const fl_rels *rels, const char *type, const fl_pkg *pkg, size_t *cur)
{
    const fl_rel *r;
    while ((r = fl_rels_by_type(rels, type, cur)))
        if (!r->external && fl_pkg_has(pkg, r->target)) return r->target;
    return NULL;
}

/* Was part `name` streamed already (under any relationship)? Part names
 * compare case-insensitively in OPC. */
static bool seen_part(const char **seen, size_t n, const char *name)
{
    for (size_t i = 0; i < n; i++)
        if (!strcasecmp(seen[i], name)) return true;
    return false;
}

/* Each story part is read once, however many relationships name it: a
 * package whose thousand header relationships all point at one part must
 * not make the reader inflate and parse it a thousand times. The main part
 * is never a story: a header relationship back to it (a cycle in the
 * relationship graph) would read the whole body again as a header. */
static int parse_stories(const fl_pkg *pkg, fl_wml *w, const fl_rels *rels, const char *main, fl_error *err)
{
    static const struct { const char *type; fl_part part; } stories[] = {
        {"header", FL_PART_HEADER}, {"footer", FL_PART_FOOTER}, {"footnotes", FL_PART_FOOTNOTE},
        {"endnotes", FL_PART_ENDNOTE}, {"comments", FL_PART_COMMENT},
    };
    const char **seen = fl_xmalloc((rels->n + 1) * sizeof *seen);
    size_t nseen = 0;
    seen[nseen++] = main;
    int rc = 0;
    for (size_t i = 0; i < sizeof stories / sizeof *stories && !rc; i++) {
        size_t cur = 0;
        const char *name;
        while (!rc && (name = rel_part(rels, stories[i].type, pkg, &cur))) {
            if (seen_part(seen, nseen, name)) continue;
            seen[nseen++] = name;
            rc = stream_part(pkg, w, stories[i].part, name, err);
        }
    }
    free(seen);
    return rc;
}

static void read_properties(fl_doc *doc, const fl_pkg *pkg, const fl_rels *rels)
{
    static const struct { const char *type; void (*read)(fl_doc *, const char *, size_t); } kinds[] = {
        {"core-properties", fl_props_read_core}, {"extended-properties", fl_props_read_app}};
    for (size_t i = 0; i < 2; i++) {
        size_t cur = 0;
        const char *name = rel_part(rels, kinds[i].type, pkg, &cur);
        char *xml = NULL;
        size_t len = 0;
        fl_error err;
        if (name && fl_pkg_read(pkg, name, &xml, &len, &err) == 0) kinds[i].read(doc, xml, len);
        free(xml);
    }
}

/* styles.xml or numbering.xml: absent is fine, malformed fails the file. */
static int read_aux(const fl_pkg *pkg, const fl_rels *rels, const char *type, char **xml, size_t *len,
                    fl_error *err)
{
    size_t cur = 0;
    const char *name = rel_part(rels, type, pkg, &cur);
    *xml = NULL;
    *len = 0;
    return name ? fl_pkg_read(pkg, name, xml, len, err) : 0;
}

/* ---- the pictures' hashes (doc/images.h) ---- */

typedef struct hash_sink { uint64_t h, n; } hash_sink;

static int hash_chunk(void *ctx, const char *chunk, size_t n)
{
    hash_sink *hs = ctx;
    hs->h = fl_hash64(hs->h, chunk, n);
    hs->n += n;
    return 0;
}

/* Each picture part is hashed once however many paragraphs show it: the
 * parts already hashed, by name, in an open-addressing table. A part that
 * cannot be read (a package limit reached) leaves its pictures unhashed,
 * which judges nothing; the document is read all the same. */
static void hash_images(fl_doc *doc, const fl_pkg *pkg, fl_opc *opc)
{
    fl_images *t = doc->images;
    if (!t || !t->n) return;
    size_t cap = 16;
    while (cap < 2 * t->n) cap *= 2;
    fl_image_rec **seen = calloc(cap, sizeof *seen);
    if (!seen) abort();
    for (size_t i = 0; i < t->n; i++) {
        fl_image_rec *r = &t->v[i];
        fl_error err;
        fl_error_clear(&err);
        const fl_rels *rels = r->part ? fl_opc_part_rels(opc, r->part, &err) : NULL;
        const fl_rel *rel = rels ? fl_rels_by_id(rels, r->rid) : NULL;
        if (!rel || rel->external || !rel->target) continue;
        r->target = rel->target;
        size_t h = (size_t)fl_hash64(FL_HASH64_INIT, rel->target, strlen(rel->target)) & (cap - 1);
        while (seen[h] && strcmp(seen[h]->target, rel->target)) h = (h + 1) & (cap - 1);
        if (seen[h]) {
            r->hashed = seen[h]->hashed;
            r->hash = seen[h]->hash;
            r->size = seen[h]->size;
            continue;
        }
        seen[h] = r;
        hash_sink hs = {FL_HASH64_INIT, 0};
        fl_error_clear(&err);
        if (fl_pkg_stream(pkg, rel->target, hash_chunk, &hs, &err) == 0 && hs.n) {
            r->hashed = true;
            r->hash = hs.h;
            r->size = hs.n;
        }
    }
    free(seen);
}

int fl_ooxml_read(fl_doc *doc, const fl_pkg *pkg, fl_error *err)
{
    int rc = -1;
    fl_opc *opc = NULL;
    fl_styles *styles = NULL;
    fl_numbering *num = NULL;
    fl_wml *w = NULL;
    char *xml = NULL;
    size_t len = 0;
    if (fl_opc_open(&opc, pkg, err)) goto cleanup;
    const char *main = fl_opc_main(opc);
    /* The main part's relationships name styles, numbering, headers, notes
     * and comments: a DTD there is refused like one in _rels/.rels, never
     * read past with those parts silently dropped. */
    fl_error rerr;
    fl_error_clear(&rerr);
    const fl_rels *rels = fl_opc_part_rels(opc, main, &rerr);
    if (rerr.code == FL_E_XML_DTD) {
        *err = rerr;
        goto cleanup;
    }
    if (rerr.code != FL_OK)
        fl_doc_add_notice(doc, -1, "the relationships of %s could not be read (%s): headers, notes and comments skipped",
                          main, rerr.message);
    if (read_aux(pkg, rels, "styles", &xml, &len, err)) goto cleanup;
    if (!(styles = fl_styles_parse(xml, len, err))) goto cleanup;
    free(xml);
    xml = NULL;
    if (read_aux(pkg, rels, "numbering", &xml, &len, err)) goto cleanup;
    if (!(num = fl_numbering_parse(xml, len, err))) goto cleanup;
    w = fl_wml_new(doc, styles, num);
    if (stream_part(pkg, w, FL_PART_BODY, main, err)) goto cleanup;
    if (parse_stories(pkg, w, rels, main, err)) goto cleanup;
    fl_wml_link_comments(w);
    read_properties(doc, pkg, fl_opc_package_rels(opc));
    /* last: a picture part that meets a package limit must not cost the
     * document anything read after it */
    hash_images(doc, pkg, opc);
    rc = 0;
cleanup:
    free(xml);
    fl_wml_free(w);
    fl_numbering_free(num);
    fl_styles_free(styles);
    fl_opc_free(opc);
    return rc;
}

int fl_docx_read(fl_doc *doc, const void *data, size_t len, fl_error *err)
{
    fl_zip *z = NULL;
    if (fl_zip_open(&z, data, len, err)) return -1;
    fl_pkg pkg = fl_zip_pkg(z);
    int rc = fl_ooxml_read(doc, &pkg, err);
    fl_zip_close(z);
    return rc;
}
