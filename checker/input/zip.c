/* ZIP reading with limits. The package is opened from memory (the input file
 * is read once), entries are looked up case-insensitively because OPC part
 * names are case-insensitive, and every inflated byte is counted. */
#include "input/zip.h"
#include "core/arena.h"
#include "core/limits.h"
#include "doc/doc.h"
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <zip.h>

struct fl_zip {
    zip_t *za;
    size_t inflated_total;
    size_t budget; /* inflated bytes this package may yield in all, over every part read */
};

static int map_open_error(int code, fl_error *err)
{
    switch (code) {
    case ZIP_ER_EXISTS: return fl_error_set(err, FL_E_ZIP_DUP, "two entries share a name");
    case ZIP_ER_NOZIP: return fl_error_set(err, FL_E_ZIP_CORRUPT, "no end of central directory (cut short?)");
    case ZIP_ER_INCONS: return fl_error_set(err, FL_E_ZIP_CORRUPT, "inconsistent central directory");
    case ZIP_ER_MEMORY: return fl_error_set(err, FL_E_INTERNAL, "out of memory in libzip");
    default: {
        zip_error_t ze;
        zip_error_init_with_code(&ze, code);
        fl_error_set(err, FL_E_ZIP_CORRUPT, zip_error_strerror(&ze));
        zip_error_fini(&ze);
        return -1;
    }
    }
}

static int cmp_icase(const void *a, const void *b)
{
    return strcasecmp(*(const char *const *)a, *(const char *const *)b);
}

/* libzip's ZIP_CHECKCONS catches exact duplicates; OPC also forbids names
 * equal ignoring case, which libzip accepts. */
static int check_names(zip_t *za, zip_int64_t n, fl_error *err)
{
    const char **names = fl_xmalloc((size_t)n * sizeof *names + 1);
    zip_int64_t k = 0;
    for (zip_int64_t i = 0; i < n; i++) {
        const char *nm = zip_get_name(za, (zip_uint64_t)i, ZIP_FL_ENC_RAW);
        if (nm) names[k++] = nm;
    }
    qsort(names, (size_t)k, sizeof *names, cmp_icase);
    int rc = 0;
    for (zip_int64_t i = 1; i < k && !rc; i++)
        if (strcasecmp(names[i - 1], names[i]) == 0) rc = fl_error_set(err, FL_E_ZIP_DUP, names[i]);
    free(names);
    return rc;
}

int fl_zip_open(fl_zip **out, const void *data, size_t len, fl_error *err)
{
    *out = NULL;
    zip_error_t ze;
    zip_error_init(&ze);
    zip_source_t *src = zip_source_buffer_create(data, len, 0, &ze);
    if (!src) {
        zip_error_fini(&ze);
        return fl_error_set(err, FL_E_INTERNAL, "libzip source");
    }
    zip_t *za = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &ze);
    if (!za) {
        int code = zip_error_code_zip(&ze);
        zip_source_free(src);
        zip_error_fini(&ze);
        return map_open_error(code, err);
    }
    zip_error_fini(&ze);
    zip_int64_t n = zip_get_num_entries(za, 0);
    if (n > FL_MAX_ZIP_ENTRIES) {
        zip_discard(za);
        return fl_error_set(err, FL_E_ZIP_LIMIT, "more than 10,000 entries");
    }
    if (check_names(za, n, err)) {
        zip_discard(za);
        return -1;
    }
    fl_zip *z = fl_xcalloc(1, sizeof *z);
    z->za = za;
    /* A budget proportional to the package: what a real filing inflates to
     * (text compresses ~10:1, pictures not at all) with room to spare, and a
     * floor for small packages. Parts under the ratio floor escape the
     * per-part ratio check, so without this a small package could still
     * make the reader inflate a great deal in total. */
    size_t budget = len > FL_MAX_TOTAL_INFLATED / FL_ZIP_BUDGET_RATIO ? FL_MAX_TOTAL_INFLATED : len * FL_ZIP_BUDGET_RATIO;
    z->budget = budget < FL_ZIP_BUDGET_FLOOR ? FL_ZIP_BUDGET_FLOOR : budget;
    *out = z;
    return 0;
}

void fl_zip_close(fl_zip *z)
{
    if (!z) return;
    zip_discard(z->za);
    free(z);
}

static zip_int64_t locate(const fl_zip *z, const char *name)
{
    while (*name == '/') name++;
    return zip_name_locate(z->za, name, ZIP_FL_NOCASE | ZIP_FL_ENC_RAW);
}

int fl_zip_has(const fl_zip *z, const char *name) { return locate(z, name) >= 0; }

static int check_entry(zip_t *za, zip_int64_t idx, const char *name, zip_stat_t *st, fl_error *err)
{
    if (zip_stat_index(za, (zip_uint64_t)idx, 0, st) != 0)
        return fl_error_set(err, FL_E_ZIP_CORRUPT, name);
    if ((st->valid & ZIP_STAT_ENCRYPTION_METHOD) && st->encryption_method != ZIP_EM_NONE)
        return fl_error_set(err, FL_E_ZIP_ENCRYPTED, name);
    if ((st->valid & ZIP_STAT_COMP_METHOD) && st->comp_method != ZIP_CM_STORE &&
        st->comp_method != ZIP_CM_DEFLATE)
        return fl_error_set(err, FL_E_ZIP_METHOD, name);
    return 0;
}

/* Limits are checked on what was really inflated: headers can lie. */
static int check_limits(fl_zip *z, const char *name, size_t part, zip_uint64_t comp, fl_error *err)
{
    if (part > FL_MAX_PART_BYTES) {
        return fl_error_setf(err, FL_E_ZIP_LIMIT, "%s inflates to more than 256 MiB", name);
    }
    if (z->inflated_total > FL_MAX_TOTAL_INFLATED) {
        return fl_error_setf(err, FL_E_ZIP_LIMIT, "parts inflate to more than 1 GiB in total");
    }
    if (z->inflated_total > z->budget) {
        return fl_error_setf(err, FL_E_ZIP_LIMIT,
                             "parts inflate to more than %zu MiB in total, over %d times the package size",
                             z->budget >> 20, FL_ZIP_BUDGET_RATIO);
    }
    if (part > FL_ZIP_RATIO_FLOOR && part / (comp ? comp : 1) > FL_MAX_ZIP_RATIO) {
        return fl_error_setf(err, FL_E_ZIP_LIMIT, "%s has a compression ratio over 200:1 (zip bomb?)", name);
    }
    return 0;
}

/* The early answer from the declared sizes; they can lie, so the counts in
 * fl_zip_stream decide in the end. */
static int check_declared(const zip_stat_t *st, const char *name, zip_uint64_t comp, fl_error *err)
{
    if (!(st->valid & ZIP_STAT_SIZE)) return 0;
    if (st->size > FL_MAX_PART_BYTES) {
        return fl_error_setf(err, FL_E_ZIP_LIMIT, "%s inflates to more than 256 MiB", name);
    }
    if (st->size > FL_ZIP_RATIO_FLOOR && st->size / (comp ? comp : 1) > FL_MAX_ZIP_RATIO) {
        return fl_error_setf(err, FL_E_ZIP_LIMIT, "%s has a compression ratio over 200:1 (zip bomb?)", name);
    }
    return 0;
}

int fl_zip_stream(fl_zip *z, const char *name, fl_part_sink sink, void *ctx, fl_error *err)
{
    zip_int64_t idx = locate(z, name);
    if (idx < 0) return fl_error_set(err, FL_E_NO_MAIN, name);
    zip_stat_t st;
    if (check_entry(z->za, idx, name, &st, err)) return -1;
    zip_uint64_t comp = (st.valid & ZIP_STAT_COMP_SIZE) ? st.comp_size : 0;
    if (check_declared(&st, name, comp, err)) return -1;
    zip_file_t *f = zip_fopen_index(z->za, (zip_uint64_t)idx, 0);
    if (!f) return fl_error_set(err, FL_E_ZIP_CORRUPT, zip_strerror(z->za));
    int rc = 0;
    size_t part = 0;
    char chunk[64 * 1024];
    for (;;) {
        zip_int64_t r = zip_fread(f, chunk, sizeof chunk);
        if (r < 0) {
            if (zip_error_code_zip(zip_file_get_error(f)) == ZIP_ER_CRC) {
                rc = fl_error_set(err, FL_E_ZIP_CRC, name);
                break;
            }
            rc = fl_error_setf(err, FL_E_ZIP_CORRUPT, "%s: %s", name, zip_file_strerror(f));
            break;
        }
        if (r == 0) break;
        part += (size_t)r;
        z->inflated_total += (size_t)r;
        if ((rc = check_limits(z, name, part, comp, err))) break;
        if (sink(ctx, chunk, (size_t)r)) { rc = 1; break; }
    }
    zip_fclose(f);
    return rc < 0 ? -1 : 0;
}

static int pkg_has(void *impl, const char *name) { return fl_zip_has(impl, name); }
static int pkg_stream(void *impl, const char *name, fl_part_sink sink, void *ctx, fl_error *err)
{
    return fl_zip_stream(impl, name, sink, ctx, err);
}

fl_pkg fl_zip_pkg(fl_zip *z)
{
    fl_pkg p = {z, pkg_has, pkg_stream};
    return p;
}
