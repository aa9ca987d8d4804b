/* serve's uploads (serve_cfg.h): a multipart/form-data body streamed into the
 * request's private folder, never held in memory whole.
 *
 * Every request that carries files gets base/req-XXXXXX (mode 0700, under
 * the server's own 0700 folder) with in/ for the uploads and out/ for what
 * the check writes; fl_upload_free deletes it, whatever became of the
 * request. Limits: the body's bytes (413 past them: the rest of the body
 * is read and dropped, so the client gets the answer) and the number of
 * files. A field's value is bounded too: a form has no long fields but the
 * sign-in token (FL_SERVE_TOKEN_MAX bytes, as --token-file allows). */
#ifdef FL_HAVE_SERVE
#define _XOPEN_SOURCE 700
#include "cmd/serve_jobs.h"
#include "cmd/serve_upload.h"
#include "core/arena.h"
#include "core/tame.h"
#include "core/utf8.h"
#include <errno.h>
#include <fcntl.h>
#include <microhttpd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define FIELD_MAX 255

typedef struct field { char name[32]; fl_buf value; } field;

static size_t field_max(const char *name)
{
    return !strcmp(name, "token") ? FL_SERVE_TOKEN_MAX : FIELD_MAX;
}

struct fl_upload {
    const fl_serve_cfg *cfg;
    char dir[PATH_MAX];
    struct MHD_PostProcessor *pp;
    size_t bytes;
    int status;
    FILE *cur;                 /* the file being written */
    char cur_key[32];
    char **names; size_t nnames, cap_names;
    field fields[8]; size_t nfields;
};

void fl_upload_clean_name(const char *name, char *out, size_t cap)
{
    const char *base = name ? name : "";
    for (const char *p = base; *p; p++) /* a Windows browser may send C:\dir\name */
        if (*p == '/' || *p == '\\') base = p + 1;
    size_t o = 0, lim = cap < 181 ? cap - 1 : 180;
    for (const unsigned char *p = (const unsigned char *)base; *p && o < lim; p++) {
        unsigned char ch = *p;
        if (ch < 0x20 || ch == 0x7f || strchr("\"*:<>?|", ch)) ch = '_';
        out[o++] = (char)ch;
    }
    out[o] = '\0';
    /* a character cut at the limit goes whole; then the rest made valid */
    size_t start = o;
    while (start && ((unsigned char)out[start - 1] & 0xC0) == 0x80) start--;
    if (start) {
        unsigned char lead = (unsigned char)out[start - 1];
        size_t need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
        if (o - (start - 1) < need) o = start - 1;
    }
    out[o] = '\0';
    fl_tame_str(out, cap, false);
    while (out[0] == '.' || out[0] == '-' || out[0] == ' ') memmove(out, out + 1, strlen(out));
    if (!out[0]) snprintf(out, cap, "upload");
}

static field *field_of(fl_upload *u, const char *key)
{
    for (size_t i = 0; i < u->nfields; i++)
        if (!strcmp(u->fields[i].name, key)) return &u->fields[i];
    if (u->nfields == sizeof u->fields / sizeof *u->fields || strlen(key) >= sizeof u->fields[0].name) return NULL;
    field *f = &u->fields[u->nfields++];
    snprintf(f->name, sizeof f->name, "%s", key);
    f->value = (fl_buf)FL_BUF_INIT;
    fl_buf_adds(&f->value, ""); /* "" rather than NULL */
    return f;
}

static int start_file(fl_upload *u, const char *key, const char *filename)
{
    if (u->cur) fclose(u->cur), u->cur = NULL;
    if (u->nnames >= u->cfg->max_files) {
        u->status = 413;
        return -1;
    }
    char clean[200], name[240], path[PATH_MAX];
    fl_upload_clean_name(filename, clean, sizeof clean);
    snprintf(name, sizeof name, "%s", clean);
    const char *dot = strrchr(clean, '.');
    int stem = dot && dot != clean ? (int)(dot - clean) : (int)strlen(clean);
    int fd = -1;
    for (int k = 2; k < 1000; k++) { /* two uploads of one name: 报告-2.docx */
        snprintf(path, sizeof path, "%s/in/%s", u->dir, name);
        fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
        if (fd >= 0 || errno != EEXIST) break;
        snprintf(name, sizeof name, "%.*s-%d%s", stem, clean, k, clean + stem);
    }
    if (fd < 0 || !(u->cur = fdopen(fd, "wb"))) {
        if (fd >= 0) close(fd);
        u->status = 500;
        return -1;
    }
    snprintf(u->cur_key, sizeof u->cur_key, "%s", key);
    FL_VEC_RESERVE(u->names, u->cap_names, u->nnames + 1);
    u->names[u->nnames++] = fl_xstrdup(name);
    return 0;
}

static enum MHD_Result on_part(void *cls, enum MHD_ValueKind kind, const char *key, const char *filename,
                               const char *content_type, const char *encoding, const char *data, uint64_t off,
                               size_t size)
{
    fl_upload *u = cls;
    if (u->status) return MHD_YES; /* refused already: read on, keep nothing */
    if (!key) return MHD_YES;
    if (filename && !strcmp(key, "file")) {
        if (!filename[0]) return MHD_YES; /* the form sent with no file chosen */
        if (off == 0 && start_file(u, key, filename)) return MHD_YES;
        if (size && u->cur && fwrite(data, 1, size, u->cur) != size) u->status = 500;
        return MHD_YES;
    }
    if (filename) return MHD_YES; /* a file under another name: not ours */
    field *f = field_of(u, key);
    if (!f || f->value.len + size > field_max(f->name)) {
        u->status = 400;
        return MHD_YES;
    }
    fl_buf_add(&f->value, data, size);
    return MHD_YES;
}

fl_upload *fl_upload_new(const fl_serve_cfg *cfg, struct MHD_Connection *conn)
{
    fl_upload *u = fl_xcalloc(1, sizeof *u);
    u->cfg = cfg;
    if (fl_serve_scratch(cfg, u->dir)) {
        free(u);
        return NULL;
    }
    u->pp = MHD_create_post_processor(conn, 64 * 1024, on_part, u);
    if (!u->pp) u->status = 400; /* not multipart/form-data nor urlencoded */
    return u;
}

void fl_upload_feed(fl_upload *u, const char *data, size_t size)
{
    u->bytes += size;
    if (u->bytes > u->cfg->max_upload) u->status = 413;
    if (u->status || !u->pp) return;
    if (MHD_post_process(u->pp, data, size) != MHD_YES && !u->status) u->status = 400;
}

int fl_upload_status(const fl_upload *u)
{
    return u->status;
}

const char *fl_upload_dir(const fl_upload *u)
{
    return u->dir;
}

size_t fl_upload_bytes(const fl_upload *u)
{
    return u->bytes;
}

char **fl_upload_names(const fl_upload *u, size_t *n)
{
    if (u->cur) fflush(u->cur);
    *n = u->nnames;
    return u->names;
}

const char *fl_upload_field(const fl_upload *u, const char *name)
{
    for (size_t i = 0; i < u->nfields; i++)
        if (!strcmp(u->fields[i].name, name)) return u->fields[i].value.data;
    return "";
}

void fl_upload_types(const fl_upload *u, fl_buf *b)
{
    for (size_t i = 0; i < u->nnames; i++) {
        const char *dot = strrchr(u->names[i], '.');
        char ext[12];
        snprintf(ext, sizeof ext, "%s", dot ? dot + 1 : "-");
        for (char *p = ext; *p; p++)
            if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9'))) *p = '_';
        if (i) fl_buf_adds(b, ",");
        fl_buf_adds(b, ext);
    }
    if (!u->nnames) fl_buf_adds(b, "-");
}

void fl_upload_discard(fl_upload *u)
{
    if (!u) return;
    if (u->pp) MHD_destroy_post_processor(u->pp);
    u->pp = NULL;
    if (u->cur) fclose(u->cur);
    u->cur = NULL;
    if (u->dir[0]) fl_serve_rmtree(u->dir);
    u->dir[0] = '\0';
    u->status = u->status ? u->status : 410; /* nothing more is taken */
}

void fl_upload_free(fl_upload *u)
{
    if (!u) return;
    fl_upload_discard(u);
    for (size_t i = 0; i < u->nnames; i++) free(u->names[i]);
    free(u->names);
    for (size_t i = 0; i < u->nfields; i++) fl_buf_free(&u->fields[i].value);
    free(u);
}
#endif
