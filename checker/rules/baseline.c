/* Finding fingerprints and baseline files (see baseline.h for the format
 * and why fingerprints leave line numbers out). */
#include "rules/baseline.h"
#include "core/norm.h"
#include "core/utf8.h"
#include "core/buf.h"
#include "corpus/sha256.h"
#include <errno.h>
#include <jansson.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define FL_BASELINE_VERSION 1
/* A baseline holds a line or two per finding: 64 MiB is millions of them. */
#define FL_BASELINE_MAX_BYTES (64u * 1024 * 1024)

/* ---- fingerprints ----------------------------------------------------------- */

typedef struct keyed { unsigned char digest[32]; size_t index; } keyed;

static void add_field(fl_sha256 *h, const char *s)
{
    static const unsigned char sep = 0x1f; /* never in rule ids or normalised text */
    if (s) fl_sha256_update(h, s, strlen(s));
    fl_sha256_update(h, &sep, 1);
}

/* What identifies the finding within its rule and section: the text it
 * matched, else the item found missing, else its message. */
static const char *identity(const fl_finding *f)
{
    if (f->match && *f->match) return f->match;
    if (f->item && *f->item) return f->item;
    return f->message ? f->message : "";
}

static void key_digest(const fl_finding *f, unsigned char out[32])
{
    fl_arena a;
    fl_norm n;
    const char *id = identity(f);
    fl_arena_init(&a);
    fl_norm_text(&n, &a, id, strlen(id));
    fl_sha256 h;
    fl_sha256_init(&h);
    add_field(&h, "filinglint-fingerprint-1");
    add_field(&h, f->rule ? f->rule->id : "");
    add_field(&h, f->section ? f->section : "");
    add_field(&h, n.text);
    fl_sha256_final(&h, out);
    fl_arena_free(&a);
}

static int cmp_keyed(const void *pa, const void *pb)
{
    const keyed *a = pa, *b = pb;
    int c = memcmp(a->digest, b->digest, sizeof a->digest);
    if (c) return c;
    return (a->index > b->index) - (a->index < b->index);
}

static const char *finish(fl_arena *a, const unsigned char key[32], uint32_t occurrence)
{
    unsigned char occ[4] = {(unsigned char)(occurrence >> 24), (unsigned char)(occurrence >> 16),
                            (unsigned char)(occurrence >> 8), (unsigned char)occurrence};
    unsigned char d[32];
    char hex[65];
    fl_sha256 h;
    fl_sha256_init(&h);
    fl_sha256_update(&h, key, 32);
    fl_sha256_update(&h, occ, sizeof occ);
    fl_sha256_final(&h, d);
    fl_sha256_hex(d, hex);
    return fl_arena_strndup(a, hex, FL_FINGERPRINT_HEX);
}

void fl_baseline_fingerprint(fl_result *r)
{
    /* Only the findings without one are digested, so a second call after
     * suppressions added their own findings hashes each finding once. */
    size_t n = 0;
    for (size_t i = 0; i < r->nfindings; i++) n += !r->findings[i].fingerprint;
    if (!n) return;
    keyed *k = fl_xmalloc(n * sizeof *k);
    for (size_t i = 0, j = 0; i < r->nfindings; i++) {
        if (r->findings[i].fingerprint) continue;
        key_digest(&r->findings[i], k[j].digest);
        k[j++].index = i;
    }
    qsort(k, n, sizeof *k, cmp_keyed);
    uint32_t occurrence = 0;
    for (size_t i = 0; i < n; i++) {
        occurrence = (i && !memcmp(k[i].digest, k[i - 1].digest, 32)) ? occurrence + 1 : 0;
        r->findings[k[i].index].fingerprint = finish(&r->arena, k[i].digest, occurrence);
    }
    free(k);
}

/* ---- baselines ---------------------------------------------------------------- */

typedef struct entry {
    char *path, *rule, *message;
    char fp[FL_FINGERPRINT_HEX + 1];
    int line;
} entry;

struct fl_baseline {
    entry *v; size_t n, cap;
    char **keys; size_t nkeys; /* "fingerprint path", sorted, for look-ups */
};

fl_baseline *fl_baseline_new(void) { return fl_xcalloc(1, sizeof(fl_baseline)); }

void fl_baseline_free(fl_baseline *b)
{
    if (!b) return;
    for (size_t i = 0; i < b->n; i++) {
        free(b->v[i].path);
        free(b->v[i].rule);
        free(b->v[i].message);
    }
    for (size_t i = 0; i < b->nkeys; i++) free(b->keys[i]);
    free(b->v);
    free(b->keys);
    free(b);
}

const char *fl_baseline_path(const char *path, char *buf, size_t cap)
{
    size_t o = 0;
    while (path[0] == '.' && path[1] == '/') {
        path += 2;
        while (*path == '/') path++;
    }
    for (const char *p = path; *p && o + 1 < cap; p++) {
        if (*p == '/' && o && buf[o - 1] == '/') continue;
        buf[o++] = *p;
    }
    buf[o] = '\0';
    return buf;
}

static char *make_key(const char *fp, const char *path)
{
    char norm[4096];
    fl_baseline_path(path, norm, sizeof norm);
    size_t len = strlen(fp) + strlen(norm) + 2;
    char *k = fl_xmalloc(len);
    snprintf(k, len, "%s %s", fp, norm);
    return k;
}

static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

bool fl_baseline_has(const fl_baseline *b, const char *path, const fl_finding *f)
{
    if (!b || !b->nkeys || !f->fingerprint) return false;
    char *k = make_key(f->fingerprint, path);
    bool found = bsearch(&k, b->keys, b->nkeys, sizeof *b->keys, cmp_str) != NULL;
    free(k);
    return found;
}

static void push_entry(fl_baseline *b, const char *path, const char *rule, const char *fp, int line,
                       const char *message)
{
    char norm[4096];
    FL_VEC_RESERVE(b->v, b->cap, b->n + 1);
    entry *e = &b->v[b->n++];
    e->path = fl_xstrdup(fl_baseline_path(path, norm, sizeof norm));
    e->rule = fl_xstrdup(rule ? rule : "");
    e->message = fl_xstrdup(message ? message : "");
    snprintf(e->fp, sizeof e->fp, "%s", fp);
    e->line = line;
}

void fl_baseline_add(fl_baseline *b, const char *path, const fl_finding *f)
{
    if (f->fingerprint) push_entry(b, path, f->rule ? f->rule->id : "", f->fingerprint, f->line, f->message);
}

size_t fl_baseline_count(const fl_baseline *b) { return b ? b->n : 0; }

static int load_error(fl_error *err, const char *file, const char *what)
{
    fl_error_set(err, FL_E_CONFIG, what);
    snprintf(err->file, sizeof err->file, "%s", file);
    return -1;
}

static bool is_hex_fp(const char *s)
{
    if (strlen(s) != FL_FINGERPRINT_HEX) return false;
    for (const char *p = s; *p; p++)
        if (!((*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'f'))) return false;
    return true;
}

int fl_baseline_load(fl_baseline **out, const char *file, fl_error *err)
{
    json_error_t je;
    char msg[600];
    *out = NULL;
    /* Read like every other file we are given: a FIFO refused rather than
     * waited on, the size capped before a byte is read. */
    fl_buf raw = FL_BUF_INIT;
    if (fl_buf_read_file(&raw, file, FL_BASELINE_MAX_BYTES)) {
        int e = errno;
        fl_buf_free(&raw);
        snprintf(msg, sizeof msg, "cannot read the baseline: %s",
                 e == EFBIG ? "larger than 64 MiB" : fl_buf_read_strerror(e));
        return load_error(err, file, msg);
    }
    json_t *root = json_loadb(raw.data ? raw.data : "", raw.len, 0, &je);
    fl_buf_free(&raw);
    if (!root) {
        /* jansson's text quotes the file ("near 'xyz'"): a config can name any
         * file as the baseline, and its contents must not leak into errors */
        snprintf(msg, sizeof msg, "not a baseline file: not JSON (line %d)", je.line);
        return load_error(err, file, msg);
    }
    int rc = 0;
    fl_baseline *b = fl_baseline_new();
    json_t *version = json_object_get(root, "baseline_version");
    if (!json_is_integer(version) || json_integer_value(version) != FL_BASELINE_VERSION) {
        rc = load_error(err, file, json_is_integer(version)
                                       ? "baseline of an unknown version (this filinglint reads version 1)"
                                       : "not a baseline file: no \"baseline_version\"");
        goto cleanup;
    }
    json_t *list = json_object_get(root, "findings");
    if (!json_is_array(list)) {
        rc = load_error(err, file, "not a baseline file: no \"findings\" list");
        goto cleanup;
    }
    size_t i;
    json_t *item;
    json_array_foreach(list, i, item) {
        const char *path = json_string_value(json_object_get(item, "path"));
        const char *fp = json_string_value(json_object_get(item, "fingerprint"));
        if (!path || !fp || !is_hex_fp(fp)) {
            snprintf(msg, sizeof msg, "baseline entry %zu lacks a path or a fingerprint", i + 1);
            rc = load_error(err, file, msg);
            goto cleanup;
        }
        json_t *line = json_object_get(item, "line");
        push_entry(b, path, json_string_value(json_object_get(item, "rule")), fp,
                   json_is_integer(line) ? (int)json_integer_value(line) : 0,
                   json_string_value(json_object_get(item, "message")));
    }
    b->keys = fl_xmalloc((b->n + 1) * sizeof *b->keys);
    for (i = 0; i < b->n; i++) b->keys[i] = make_key(b->v[i].fp, b->v[i].path);
    b->nkeys = b->n;
    if (b->nkeys > 1) qsort(b->keys, b->nkeys, sizeof *b->keys, cmp_str);
cleanup:
    json_decref(root);
    if (rc) fl_baseline_free(b);
    else *out = b;
    return rc;
}

/* jansson refuses invalid UTF-8 (a file name from a foreign file system). */
static json_t *str(const char *s)
{
    size_t len = strlen(s), out_len, bad;
    if (fl_utf8_valid(s, len)) return json_stringn(s, len);
    fl_arena a;
    fl_arena_init(&a);
    char *fixed = fl_utf8_sanitize(&a, s, len, &out_len, &bad);
    json_t *j = json_stringn(fixed, out_len);
    fl_arena_free(&a);
    return j;
}

int fl_baseline_write(const fl_baseline *b, FILE *out)
{
    json_t *root = json_object();
    json_object_set_new(root, "tool", json_string("filinglint"));
    json_object_set_new(root, "baseline_version", json_integer(FL_BASELINE_VERSION));
    json_t *list = json_array();
    for (size_t i = 0; i < b->n; i++) {
        const entry *e = &b->v[i];
        json_t *o = json_object();
        json_object_set_new(o, "path", str(e->path));
        json_object_set_new(o, "rule", str(e->rule));
        json_object_set_new(o, "fingerprint", json_string(e->fp));
        json_object_set_new(o, "line", json_integer(e->line));
        json_object_set_new(o, "message", str(e->message));
        json_array_append_new(list, o);
    }
    json_object_set_new(root, "findings", list);
    int rc = json_dumpf(root, out, JSON_INDENT(2) | JSON_PRESERVE_ORDER) == 0 ? 0 : -1;
    fputc('\n', out);
    json_decref(root);
    return rc;
}
