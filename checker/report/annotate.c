/* Annotated copies (annotate.h): the package side. The main part is
 * scanned once for byte positions (annotate_xml.c) and the comment markers
 * are spliced in (annotate_marks.c); the comments part is created, or
 * extended above its highest id, with its relationship and content type;
 * libzip copies every other ZIP entry as stored, without recompressing it.
 * Flat OPC gets the same inside its pkg:package, Word 2003 XML gets
 * aml:annotation comments. Then the copy is written into DIR the way every
 * output of check is (core/sink.h). */
#include "report/annotate.h"
#include "report/report.h"
#include "core/i18n.h"
#include "core/sink.h"
#include "core/buf.h"
#include "core/utf8.h"
#include "core/limits.h"
#include "input/opc.h"
#include "input/pkg.h"
#include "input/readers.h"
#include "input/zip.h"
#include "report/annotate_marks.h"
#ifdef FL_HAVE_PDF
#include "report/annotate_pdf.h"
#endif
#include "report/annotate_xml.h"
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <zip.h>

#define W_STRICT_URI "http://purl.oclc.org/ooxml/wordprocessingml/main"
#define PKG_URI "http://schemas.microsoft.com/office/2006/xmlPackage"
#define RELS_URI "http://schemas.openxmlformats.org/package/2006/relationships"
#define COMMENTS_REL "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
#define COMMENTS_REL_STRICT "http://purl.oclc.org/ooxml/officeDocument/relationships/comments"
#define COMMENTS_CT "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
#define RELS_CT "application/vnd.openxmlformats-package.relationships+xml"

/* ---- parts to add or extend -------------------------------------------------------- */

/* Append child markup inside a root element (before its end tag). */
static void extend_root(fl_ax_edits *e, const fl_ax_root *r, const char *child, size_t n)
{
    if (!r->empty) { fl_ax_edits_add(e, r->close, 0, child, n); return; }
    fl_buf b = FL_BUF_INIT;
    fl_buf_addc(&b, '>');
    fl_buf_add(&b, child, n);
    fl_buf_printf(&b, "</%s>", r->qname);
    fl_ax_edits_add(e, r->close, 2, b.data, b.len);
    fl_buf_free(&b);
}

static void prefix_of(const char *qname, char *out, size_t cap)
{
    const char *colon = strchr(qname, ':');
    snprintf(out, cap, "%.*s", colon ? (int)(colon - qname + 1) : 0, qname);
}

static void relationship(fl_buf *out, const char *prefix, const char *id, bool strict, const char *target)
{
    fl_buf_printf(out, "<%sRelationship Id=\"", prefix);
    fl_ax_esc(out, id);
    fl_buf_printf(out, "\" Type=\"%s\" Target=\"", strict ? COMMENTS_REL_STRICT : COMMENTS_REL);
    fl_ax_esc(out, target);
    fl_buf_adds(out, "\"/>");
}

/* rIdN above every id of the form rIdN in use, and in use by no other. */
static void new_rel_id(const fl_ax_scan *s, const char *source, char *out, size_t cap)
{
    long max = 0;
    for (size_t i = 0; i < s->nrels; i++)
        if (fl_ax_same_name(s->rels[i].source, source) && !strncmp(s->rels[i].id, "rId", 3)) {
            long v = strtol(s->rels[i].id + 3, NULL, 10);
            if (v > max) max = v;
        }
    snprintf(out, cap, "rId%ld", max + 1);
}

static void rels_name(const char *part, char *out, size_t cap)
{
    const char *slash = strrchr(part, '/');
    if (slash) snprintf(out, cap, "%.*s/_rels/%s.rels", (int)(slash - part), part, slash + 1);
    else snprintf(out, cap, "_rels/%s.rels", part);
}

/* The relative target of part as seen from the main part's folder. */
static const char *rel_target(const char *main, const char *part)
{
    const char *slash = strrchr(main, '/');
    size_t dir = slash ? (size_t)(slash - main + 1) : 0;
    return strncasecmp(part, main, dir) == 0 ? part + dir : part;
}

typedef bool (*exists_fn)(const void *ctx, const char *name);

/* The comments part: the one the main part's relationships name, else a
 * fresh name beside the main part. */
static bool comments_part(const fl_ax_scan *rels, const char *main, const char *main_rels, exists_fn exists,
                          const void *ctx, char *out, size_t cap, bool *linked)
{
    *linked = false;
    for (int pass = 0; pass < 2; pass++) /* first a target that exists, then any */
        for (size_t i = 0; i < rels->nrels; i++) {
            const fl_ax_rel *r = &rels->rels[i];
            if (r->external || strcasecmp(r->type, "comments") || !fl_ax_same_name(r->source, main_rels)) continue;
            fl_opc_resolve(main, r->target, out, cap);
            if (pass == 1 || exists(ctx, out)) { *linked = true; return exists(ctx, out); }
        }
    const char *slash = strrchr(main, '/');
    int dir = slash ? (int)(slash - main + 1) : 0;
    snprintf(out, cap, "%.*scomments.xml", dir, main);
    for (int k = 2; exists(ctx, out) && k < 1000; k++) snprintf(out, cap, "%.*scomments%d.xml", dir, main, k);
    return false;
}

static bool is_strict(const fl_ax_scan *main) { return !strcmp(main->w_uri, W_STRICT_URI); }

static bool has_override(const fl_ax_scan *ct, const char *part)
{
    for (size_t i = 0; i < ct->noverrides; i++)
        if (fl_ax_same_name(ct->overrides[i], part)) return true;
    return false;
}

static void override(fl_buf *out, const char *prefix, const char *part, const char *type)
{
    fl_buf_printf(out, "<%sOverride PartName=\"/", prefix);
    fl_ax_esc(out, part);
    fl_buf_printf(out, "\" ContentType=\"%s\"/>", type);
}

/* ---- DOCX ----------------------------------------------------------------------------- */

typedef struct zpart { char name[600]; char *data; size_t len; bool is_new; } zpart;

static bool zip_exists(const void *ctx, const char *name) { return fl_pkg_has(ctx, name) != 0; }

static int read_scan(const fl_pkg *pkg, const char *name, fl_ax_scan *s, char **xml, fl_error *err)
{
    size_t len = 0;
    if (fl_pkg_read(pkg, name, xml, &len, err)) return -1;
    if (len >= 2 && ((unsigned char)(*xml)[0] >= 0xFE || (*xml)[1] == 0))
        return fl_error_set(err, FL_E_ANNOTATE, "UTF-16 parts are not supported");
    if (!fl_utf8_valid(*xml, len)) { /* the reader replaced them too */
        fl_arena a;
        size_t out_len, bad;
        fl_arena_init(&a);
        char *fixed = fl_utf8_sanitize(&a, *xml, len, &out_len, &bad);
        free(*xml);
        *xml = fl_xmalloc(out_len + 1);
        memcpy(*xml, fixed, out_len);
        (*xml)[out_len] = '\0';
        len = out_len;
        fl_arena_free(&a);
    }
    s->buf = *xml;
    s->len = len;
    s->mode = AX_PART;
    s->part_name = name;
    return fl_ax_scan_run(s, err);
}

static int zip_fail(zip_t *za, fl_error *err)
{
    return fl_error_set(err, FL_E_ANNOTATE, za ? zip_strerror(za) : "libzip");
}

/* Every entry of the input in its order: replaced parts from parts[],
 * the others copied as stored; then the new parts. */
static int zip_write(const char *data, size_t len, const zpart *parts, size_t nparts, fl_buf *out, fl_error *err)
{
    int rc = -1;
    zip_error_t ze;
    zip_error_init(&ze);
    zip_t *in = NULL, *za = NULL;
    zip_source_t *outsrc = NULL;
    zip_source_t *insrc = zip_source_buffer_create(data, len, 0, &ze);
    if (!insrc || !(in = zip_open_from_source(insrc, ZIP_RDONLY, &ze))) {
        if (insrc) zip_source_free(insrc);
        fl_error_set(err, FL_E_ANNOTATE, zip_error_strerror(&ze));
        goto cleanup;
    }
    if (!(outsrc = zip_source_buffer_create(NULL, 0, 0, &ze))) { fl_error_set(err, FL_E_ANNOTATE, "libzip"); goto cleanup; }
    zip_source_keep(outsrc);
    if (!(za = zip_open_from_source(outsrc, ZIP_TRUNCATE, &ze))) { fl_error_set(err, FL_E_ANNOTATE, zip_error_strerror(&ze)); goto cleanup; }
    zip_int64_t n = zip_get_num_entries(in, 0);
    time_t mtime = time(NULL);
    for (zip_int64_t i = 0; i < n; i++) {
        const char *name = zip_get_name(in, (zip_uint64_t)i, ZIP_FL_ENC_RAW);
        zip_stat_t st;
        if (!name || zip_stat_index(in, (zip_uint64_t)i, 0, &st)) { zip_fail(in, err); goto cleanup; }
        if (st.valid & ZIP_STAT_MTIME) mtime = st.mtime;
        const zpart *rep = NULL;
        for (size_t k = 0; k < nparts; k++)
            if (!parts[k].is_new && fl_ax_same_name(parts[k].name, name)) rep = &parts[k];
        zip_source_t *src = rep ? zip_source_buffer(za, rep->data, rep->len, 0)
                                : zip_source_zip(za, in, (zip_uint64_t)i, 0, 0, -1);
        zip_int64_t idx = src ? zip_file_add(za, name, src, ZIP_FL_ENC_GUESS) : -1;
        if (idx < 0) { if (src) zip_source_free(src); zip_fail(za, err); goto cleanup; }
        if (st.valid & ZIP_STAT_MTIME) zip_file_set_mtime(za, (zip_uint64_t)idx, st.mtime, 0);
        if (rep) zip_set_file_compression(za, (zip_uint64_t)idx, ZIP_CM_DEFLATE, 0);
    }
    for (size_t k = 0; k < nparts; k++) {
        if (!parts[k].is_new) continue;
        zip_source_t *src = zip_source_buffer(za, parts[k].data, parts[k].len, 0);
        zip_int64_t idx = src ? zip_file_add(za, parts[k].name, src, ZIP_FL_ENC_UTF_8) : -1;
        if (idx < 0) { if (src) zip_source_free(src); zip_fail(za, err); goto cleanup; }
        zip_file_set_mtime(za, (zip_uint64_t)idx, mtime, 0);
        zip_set_file_compression(za, (zip_uint64_t)idx, ZIP_CM_DEFLATE, 0);
    }
    if (zip_close(za) < 0) { zip_fail(za, err); zip_discard(za); za = NULL; goto cleanup; }
    za = NULL;
    zip_stat_t st;
    if (zip_source_stat(outsrc, &st) < 0 || zip_source_open(outsrc) < 0) { fl_error_set(err, FL_E_ANNOTATE, "libzip output"); goto cleanup; }
    fl_buf_reserve(out, (size_t)st.size + 1);
    zip_int64_t got = zip_source_read(outsrc, out->data + out->len, st.size);
    zip_source_close(outsrc);
    if (got < 0 || (zip_uint64_t)got != st.size) { fl_error_set(err, FL_E_ANNOTATE, "libzip output"); goto cleanup; }
    out->len += (size_t)got;
    out->data[out->len] = '\0';
    rc = 0;
cleanup:
    if (za) zip_discard(za);
    if (outsrc) zip_source_free(outsrc);
    if (in) zip_discard(in);
    zip_error_fini(&ze);
    return rc;
}

typedef struct docx_parts {
    fl_ax_scan main, comments, rels, types;
    char *main_xml, *comments_xml, *rels_xml, *types_xml;
    char main_rels[600], comments_name[600];
    bool has_rels, has_comments, linked;
} docx_parts;

static void docx_parts_free(docx_parts *d)
{
    fl_ax_scan_free(&d->main);
    fl_ax_scan_free(&d->comments);
    fl_ax_scan_free(&d->rels);
    fl_ax_scan_free(&d->types);
    free(d->main_xml);
    free(d->comments_xml);
    free(d->rels_xml);
    free(d->types_xml);
}

static int docx_read(docx_parts *d, const fl_pkg *pkg, fl_ax_job *j, fl_error *err)
{
    rels_name(j->main, d->main_rels, sizeof d->main_rels);
    d->has_rels = fl_pkg_has(pkg, d->main_rels);
    d->rels.main_rels = d->main_rels;
    if (d->has_rels && read_scan(pkg, d->main_rels, &d->rels, &d->rels_xml, err)) return -1;
    d->has_comments = comments_part(&d->rels, j->main, d->main_rels, zip_exists, pkg, d->comments_name,
                                    sizeof d->comments_name, &d->linked);
    d->comments.comments = d->comments_name;
    if (d->has_comments && read_scan(pkg, d->comments_name, &d->comments, &d->comments_xml, err)) return -1;
    if (fl_pkg_has(pkg, "[Content_Types].xml") && read_scan(pkg, "[Content_Types].xml", &d->types, &d->types_xml, err))
        return -1;
    size_t nbits;
    unsigned char *bits = fl_ax_want_bits(j, &nbits);
    d->main.main = j->main;
    d->main.want = bits;
    d->main.nwant = nbits;
    int rc = read_scan(pkg, j->main, &d->main, &d->main_xml, err);
    free(bits);
    d->main.want = NULL;
    return rc;
}

static long next_id(const fl_ax_scan *a, const fl_ax_scan *b)
{
    long max = -1;
    if (a->any_id) max = a->max_id;
    if (b->any_id && b->max_id > max) max = b->max_id;
    return max + 1;
}

static int docx_changes(docx_parts *d, fl_ax_job *j, zpart *zp, size_t *nzp, fl_error *err)
{
    fl_ax_edits e = {0};
    size_t n = 0;
    fl_ax_assign_ids(j, next_id(&d->main, &d->comments));
    if (fl_ax_place(j, &d->main, &e, false, err)) { fl_ax_edits_free(&e); return -1; }
    zpart *p = &zp[n++];
    snprintf(p->name, sizeof p->name, "%s", j->main);
    p->data = fl_ax_edits_apply(&e, d->main.buf, d->main.len, &p->len);
    fl_ax_edits_free(&e);
    if (!p->data) return fl_error_set(err, FL_E_ANNOTATE, "overlapping edits in the main part");
    /* comments */
    fl_buf b = FL_BUF_INIT;
    p = &zp[n++];
    snprintf(p->name, sizeof p->name, "%s", d->comments_name);
    if (d->has_comments && d->comments.comments_root.seen) {
        fl_ax_markup m;
        fl_ax_markup_from_qname(&m, d->comments.comments_root.qname, d->main.w_uri);
        fl_ax_comment_elements(&b, j, &m);
        extend_root(&e, &d->comments.comments_root, b.data, b.len);
        p->data = fl_ax_edits_apply(&e, d->comments.buf, d->comments.len, &p->len);
        fl_ax_edits_free(&e);
    } else {
        fl_buf_adds(&b, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n");
        fl_ax_new_comments_part(&b, j, d->main.w_uri[0] ? d->main.w_uri : AX_W_URI);
        p->is_new = !d->has_comments;
        p->len = b.len;
        p->data = fl_buf_detach(&b);
    }
    fl_buf_free(&b);
    /* the relationship */
    if (!d->linked) {
        char id[64], pre[48];
        new_rel_id(&d->rels, d->main_rels, id, sizeof id);
        p = &zp[n++];
        snprintf(p->name, sizeof p->name, "%s", d->main_rels);
        if (d->has_rels && d->rels.rels_root.seen) {
            prefix_of(d->rels.rels_root.qname, pre, sizeof pre);
            relationship(&b, pre, id, is_strict(&d->main), rel_target(j->main, d->comments_name));
            extend_root(&e, &d->rels.rels_root, b.data, b.len);
            p->data = fl_ax_edits_apply(&e, d->rels.buf, d->rels.len, &p->len);
            fl_ax_edits_free(&e);
        } else {
            fl_buf_adds(&b, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n<Relationships xmlns=\"" RELS_URI "\">");
            relationship(&b, "", id, is_strict(&d->main), rel_target(j->main, d->comments_name));
            fl_buf_adds(&b, "</Relationships>");
            p->is_new = !d->has_rels;
            p->len = b.len;
            p->data = fl_buf_detach(&b);
        }
        fl_buf_free(&b);
    }
    /* content types */
    bool need_ct = !has_override(&d->types, d->comments_name);
    bool need_rels_ct = !d->has_rels && !d->linked && !d->types.rels_default;
    if (d->types.types_root.seen && (need_ct || need_rels_ct)) {
        char pre[48];
        prefix_of(d->types.types_root.qname, pre, sizeof pre);
        if (need_ct) override(&b, pre, d->comments_name, COMMENTS_CT);
        if (need_rels_ct) override(&b, pre, d->main_rels, RELS_CT);
        extend_root(&e, &d->types.types_root, b.data, b.len);
        p = &zp[n++];
        snprintf(p->name, sizeof p->name, "[Content_Types].xml");
        p->data = fl_ax_edits_apply(&e, d->types.buf, d->types.len, &p->len);
        fl_ax_edits_free(&e);
        fl_buf_free(&b);
    }
    *nzp = n;
    for (size_t i = 0; i < n; i++)
        if (!zp[i].data) return fl_error_set(err, FL_E_ANNOTATE, "overlapping edits");
    return 0;
}

static int annotate_docx(fl_ax_job *j, const char *data, size_t len, fl_buf *out, fl_error *err)
{
    int rc = -1;
    fl_zip *z = NULL;
    fl_opc *opc = NULL;
    docx_parts d;
    zpart zp[4];
    size_t nzp = 0;
    memset(&d, 0, sizeof d);
    memset(zp, 0, sizeof zp);
    if (fl_zip_open(&z, data, len, err)) goto cleanup;
    fl_pkg pkg = fl_zip_pkg(z);
    if (fl_opc_open(&opc, &pkg, err)) goto cleanup;
    j->main = fl_opc_main(opc);
    fl_ax_anchors_build(j);
    if (j->n) {
        if (docx_read(&d, &pkg, j, err) || docx_changes(&d, j, zp, &nzp, err)) goto cleanup;
    }
    rc = zip_write(data, len, zp, nzp, out, err);
cleanup:
    for (size_t i = 0; i < nzp; i++) free(zp[i].data);
    docx_parts_free(&d);
    j->main = NULL;
    fl_opc_free(opc);
    fl_zip_close(z);
    return rc;
}

/* ---- Flat OPC and Word 2003 ------------------------------------------------------------------ */

static bool flat_exists(const void *ctx, const char *name)
{
    const fl_ax_scan *s = ctx;
    for (size_t i = 0; i < s->nparts; i++)
        if (fl_ax_same_name(s->parts[i], name)) return true;
    return false;
}

static void flat_new_part(fl_buf *b, const char *name, const char *type)
{
    fl_buf_adds(b, "<pkg:part xmlns:pkg=\"" PKG_URI "\" pkg:name=\"/");
    fl_ax_esc(b, name);
    fl_buf_printf(b, "\" pkg:contentType=\"%s\"><pkg:xmlData>", type);
}

static int flat_comments(fl_ax_job *j, const fl_ax_scan *s, const char *name, bool exists, fl_ax_edits *e, fl_error *err)
{
    fl_buf b = FL_BUF_INIT;
    if (exists) {
        if (!s->comments_root.seen) return fl_error_set(err, FL_E_ANNOTATE, "the comments part has no root element");
        fl_ax_markup m;
        fl_ax_markup_from_qname(&m, s->comments_root.qname, s->w_uri);
        fl_ax_comment_elements(&b, j, &m);
        extend_root(e, &s->comments_root, b.data, b.len);
    } else {
        flat_new_part(&b, name, COMMENTS_CT);
        fl_ax_new_comments_part(&b, j, s->w_uri[0] ? s->w_uri : AX_W_URI);
        fl_buf_adds(&b, "</pkg:xmlData></pkg:part>");
        fl_ax_edits_add(e, s->package_root.close, 0, b.data, b.len);
    }
    fl_buf_free(&b);
    return 0;
}

static void flat_rels(const fl_ax_scan *s, const char *main, const char *main_rels, const char *comments, fl_ax_edits *e)
{
    char id[64], pre[48];
    fl_buf b = FL_BUF_INIT;
    new_rel_id(s, main_rels, id, sizeof id);
    if (s->rels_root.seen) {
        prefix_of(s->rels_root.qname, pre, sizeof pre);
        relationship(&b, pre, id, is_strict(s), rel_target(main, comments));
        extend_root(e, &s->rels_root, b.data, b.len);
    } else {
        flat_new_part(&b, main_rels, RELS_CT);
        fl_buf_adds(&b, "<Relationships xmlns=\"" RELS_URI "\">");
        relationship(&b, "", id, is_strict(s), rel_target(main, comments));
        fl_buf_adds(&b, "</Relationships></pkg:xmlData></pkg:part>");
        fl_ax_edits_add(e, s->package_root.close, 0, b.data, b.len);
    }
    fl_buf_free(&b);
}

static const char *flat_main(const fl_ax_scan *s, char *out, size_t cap)
{
    for (size_t i = 0; i < s->nrels; i++)
        if (!s->rels[i].external && !strcasecmp(s->rels[i].type, "officeDocument") && fl_ax_same_name(s->rels[i].source, "_rels/.rels"))
            return fl_opc_resolve("", s->rels[i].target, out, cap);
    return NULL;
}

static int annotate_flat(fl_ax_job *j, const char *data, size_t len, fl_buf *out, fl_error *err)
{
    int rc = -1;
    fl_ax_scan a, s;
    fl_ax_edits e = {0};
    char main[600], main_rels[600], comments[600];
    unsigned char *bits = NULL;
    memset(&a, 0, sizeof a);
    memset(&s, 0, sizeof s);
    a.buf = s.buf = data;
    a.len = s.len = len;
    a.mode = s.mode = AX_FLAT;
    if (fl_ax_scan_run(&a, err)) goto cleanup; /* parts and relationships first: they may come in any order */
    if (!flat_main(&a, main, sizeof main)) { fl_error_set(err, FL_E_ANNOTATE, "no main document part"); goto cleanup; }
    j->main = main;
    fl_ax_anchors_build(j);
    rels_name(main, main_rels, sizeof main_rels);
    bool linked;
    bool exists = comments_part(&a, main, main_rels, flat_exists, &a, comments, sizeof comments, &linked);
    size_t nbits;
    bits = fl_ax_want_bits(j, &nbits);
    s.main = main;
    s.main_rels = main_rels;
    s.comments = exists ? comments : NULL;
    s.want = bits;
    s.nwant = nbits;
    if (fl_ax_scan_run(&s, err)) goto cleanup;
    if (!s.package_root.seen || s.package_root.empty) { fl_error_set(err, FL_E_ANNOTATE, "empty pkg:package"); goto cleanup; }
    if (j->n) {
        fl_ax_assign_ids(j, s.any_id ? s.max_id + 1 : 0);
        if (fl_ax_place(j, &s, &e, false, err) || flat_comments(j, &s, comments, exists, &e, err)) goto cleanup;
        if (!linked) flat_rels(&s, main, main_rels, comments, &e);
    }
    size_t n;
    char *res = fl_ax_edits_apply(&e, data, len, &n);
    if (!res) { fl_error_set(err, FL_E_ANNOTATE, "overlapping edits"); goto cleanup; }
    fl_buf_add(out, res, n);
    free(res);
    rc = 0;
cleanup:
    j->main = NULL;
    free(bits);
    fl_ax_edits_free(&e);
    fl_ax_scan_free(&a);
    fl_ax_scan_free(&s);
    return rc;
}

static int annotate_w2003(fl_ax_job *j, const char *data, size_t len, fl_buf *out, fl_error *err)
{
    int rc = -1;
    fl_ax_scan s;
    fl_ax_edits e = {0};
    size_t nbits;
    unsigned char *bits = NULL;
    memset(&s, 0, sizeof s);
    fl_ax_anchors_build(j);
    bits = fl_ax_want_bits(j, &nbits);
    s.buf = data;
    s.len = len;
    s.mode = AX_W2003;
    s.want = bits;
    s.nwant = nbits;
    if (fl_ax_scan_run(&s, err)) goto cleanup;
    fl_ax_assign_ids(j, s.any_id ? s.max_id + 1 : 0);
    if (fl_ax_place(j, &s, &e, true, err)) goto cleanup;
    size_t n;
    char *res = fl_ax_edits_apply(&e, data, len, &n);
    if (!res) { fl_error_set(err, FL_E_ANNOTATE, "overlapping edits"); goto cleanup; }
    fl_buf_add(out, res, n);
    free(res);
    rc = 0;
cleanup:
    free(bits);
    fl_ax_edits_free(&e);
    fl_ax_scan_free(&s);
    return rc;
}

/* ---- files ---------------------------------------------------------------------------------- */

static int read_input(const char *path, char **data, size_t *len, fl_error *err)
{
    fl_buf b = FL_BUF_INIT;
    if (fl_buf_read_file(&b, path, FL_MAX_INPUT_BYTES)) {
        int too_big = errno == EFBIG;
        fl_buf_free(&b);
        return fl_error_set(err, too_big ? FL_E_TOO_LARGE : FL_E_IO, too_big ? "over 200 MiB" : strerror(errno));
    }
    *len = b.len;
    *data = fl_buf_detach(&b); /* "" when the file is empty */
    return 0;
}

/* Written by the check command's output code (core/sink.h): a temp file
 * beside the real target renamed into place, so a reader of DIR never sees
 * half a file and a failure leaves any earlier copy in place; a device or
 * FIFO there is written through, a link followed, a mode kept. */
static int write_copy(const char *target, const char *data, size_t len, fl_error *err)
{
    char why[700];
    if (fl_output_write(target, data, len, why, sizeof why) == 0) return 0;
    return fl_error_set(err, FL_E_ANNOTATE, why);
}

static int output_path(const char *dir, const char *input, const char *base, char *out, size_t cap,
                       fl_error *err)
{
    struct stat ds, is, os;
    if (stat(dir, &ds) != 0 || !S_ISDIR(ds.st_mode)) {
        return fl_error_setf(err, FL_E_ANNOTATE, "%s is not a folder", dir);
    }
    if (!base) {
        base = strrchr(input, '/');
        base = base ? base + 1 : input;
    }
    size_t dl = strlen(dir);
    int n = snprintf(out, cap, "%s%s%s", dir, dl && dir[dl - 1] == '/' ? "" : "/", base);
    if (n < 0 || (size_t)n >= cap) return fl_error_set(err, FL_E_ANNOTATE, "path too long");
    if (stat(input, &is) == 0 && stat(out, &os) == 0 && is.st_dev == os.st_dev && is.st_ino == os.st_ino) {
        return fl_error_setf(err, FL_E_ANNOTATE, "%s is the input itself; choose another folder", out);
    }
    return 0;
}

/* The formats a copy can be written in, by the name of their reader
 * (input/readers.h); a document read by another reader gets no copy. xml:
 * the file is one XML document, decoded as its reader did. */
typedef struct writer {
    const char *reader;
    bool xml;
    int (*write)(fl_ax_job *j, const char *data, size_t len, fl_buf *out, fl_error *err);
} writer;

static const writer writers[] = {
    {"docx", false, annotate_docx},
    {"flat-opc", true, annotate_flat},
    {"word2003", true, annotate_w2003},
#ifdef FL_HAVE_PDF
    {"pdf", false, fl_annotate_pdf}, /* a note per finding (annotate_pdf.c) */
#endif
};

static const writer *writer_for(const fl_doc *doc)
{
    const char *name = fl_reader_of(doc)->name;
    for (size_t i = 0; i < sizeof writers / sizeof *writers; i++)
        if (!strcmp(writers[i].reader, name)) return &writers[i];
    return NULL;
}

int fl_annotate_write(const char *dir, const char *input_path, const char *out_name, const fl_doc *doc,
                      const fl_result *res, fl_error *err)
{
    const writer *wr = writer_for(doc);
    if (!wr) return 0; /* text and Markdown: nothing to annotate */
    int rc = -1;
    char path[4096];
    char *data = NULL;
    size_t len = 0;
    fl_buf out = FL_BUF_INIT;
    fl_ax_job j;
    memset(&j, 0, sizeof j);
    j.doc = doc;
    j.res = res;
    fl_ax_job_date(&j);
    if (output_path(dir, input_path, out_name, path, sizeof path, err) || read_input(input_path, &data, &len, err)) goto cleanup;
    if (wr->xml && len >= 2 && ((unsigned char)data[0] >= 0xFE || data[0] == 0 || data[1] == 0)) {
        fl_error_set(err, FL_E_ANNOTATE, "UTF-16 XML is not supported");
        goto cleanup;
    }
    if (wr->xml && !fl_utf8_valid(data, len)) { /* as the reader did */
        fl_arena a;
        size_t out_len, bad;
        fl_arena_init(&a);
        char *fixed = fl_utf8_sanitize(&a, data, len, &out_len, &bad);
        free(data);
        data = fl_xmalloc(out_len + 1);
        memcpy(data, fixed, out_len);
        len = out_len;
        fl_arena_free(&a);
    }
    rc = wr->write(&j, data, len, &out, err);
    if (rc == 0) rc = write_copy(path, out.data ? out.data : "", out.len, err);
cleanup:
    if (rc && err) snprintf(err->file, sizeof err->file, "%s", input_path);
    free(data);
    free(j.a);
    free(j.space_done);
    fl_buf_free(&out);
    return rc;
}

static int prepare_dir(const char *dir)
{
    struct stat st;
    if (stat(dir, &st) == 0 && S_ISDIR(st.st_mode)) return 0;
    if (mkdir(dir, 0777) == 0) return 0;
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral" /* a row of core/i18n.def */
    fprintf(stderr, fl_tr(FL_M_ANNOTATE_DIR), dir, fl_tr_strerror(errno));
#pragma GCC diagnostic pop
    return -1;
}

const fl_artifact fl_artifact_annotate = {.option = "--annotate", .needs_doc = true, .prepare = prepare_dir,
                                          .write = fl_annotate_write};
