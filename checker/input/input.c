/* Format sniffing and dispatch to the per-format readers (docs/reading.md
 * lists what is read and what is refused). The decision is made on the
 * bytes: a renamed file is read for what it is. */
#include "input/input.h"
#include "input/readers.h"
#include "core/arena.h"
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int has_suffix(const char *name, const char *suf)
{
    size_t n = strlen(name), m = strlen(suf);
    if (n < m) return 0;
    for (size_t i = 0; i < m; i++) {
        char a = name[n - m + i], b = suf[i];
        if (a >= 'A' && a <= 'Z') a = (char)(a - 'A' + 'a');
        if (a != b) return 0;
    }
    return 1;
}

/* XML that no reader's root element names: say what it is. */
static int refuse_xml(const char *data, size_t len, fl_error *err)
{
    char root[128];
    if (!fl_xml_root_name(data, len, root, sizeof root)) return fl_error_set(err, FL_E_XML, "file", "no root element");
    const char *local = strchr(root, ':') ? strchr(root, ':') + 1 : root;
    if (!strcmp(local, "document") && strstr(root, "office")) return fl_error_set(err, FL_E_ODT);
    return fl_error_set(err, FL_E_UNSUPPORTED, "XML whose root is not pkg:package (Flat OPC) or w:wordDocument (Word 2003)");
}

static bool has_bytes(const unsigned char *d, size_t len, size_t off, const char *m, size_t n)
{
    return len >= off + n && !memcmp(d + off, m, n);
}

/* Does a ZIP hold an entry name (or any name) with this text? Entry names
 * are stored uncompressed in the local headers and the central directory. */
static bool zip_names(const unsigned char *d, size_t len, const char *s)
{
    size_t n = strlen(s);
    if (len < n) return false;
    const unsigned char *p = d, *last = d + len - n;
    while (p <= last && (p = memchr(p, (unsigned char)s[0], (size_t)(last - p) + 1))) {
        if (!memcmp(p, s, n)) return true;
        p++;
    }
    return false;
}

/* Files that are no filing whatever their name, told by their bytes: what a
 * folder of filings holds next to the DOCX (the signed PDF, scans, an OFD
 * export, archives of annexes, a spreadsheet). */
const char *fl_input_sniff(const void *data, size_t len)
{
    const unsigned char *d = data;
    static const struct { size_t off; const char *m; size_t n; const char *what; } magic[] = {
        {0, "%PDF-", 5, "a PDF file"},
        {0, "%!PS", 4, "a PostScript file"},
        {0, "\x89PNG\r\n\x1a\n", 8, "a PNG image"},
        {0, "\xff\xd8\xff", 3, "a JPEG image"},
        {0, "GIF87a", 6, "a GIF image"},
        {0, "GIF89a", 6, "a GIF image"},
        {0, "II*\0", 4, "a TIFF image"},
        {0, "MM\0*", 4, "a TIFF image"},
        {0, "Rar!\x1a\x07", 6, "a RAR archive"},
        {0, "7z\xbc\xaf\x27\x1c", 6, "a 7-Zip archive"},
        {0, "\x1f\x8b", 2, "a gzip-compressed file"},
        {0, "\xfd" "7zXZ", 6, "an xz-compressed file"},
        {0, "\x28\xb5\x2f\xfd", 4, "a Zstandard-compressed file"},
        {257, "ustar", 5, "a tar archive"},
    };
    for (size_t i = 0; i < sizeof magic / sizeof *magic; i++)
        if (has_bytes(d, len, magic[i].off, magic[i].m, magic[i].n)) return magic[i].what;
    if (has_bytes(d, len, 0, "BZh", 3) && len >= 10 && d[3] >= '1' && d[3] <= '9' && !memcmp(d + 4, "1AY&SY", 6))
        return "a bzip2-compressed file";
    if (has_bytes(d, len, 0, "RIFF", 4) && has_bytes(d, len, 8, "WEBP", 4)) return "a WebP image";
    /* BMP: "BM", then a DIB header of a known size at 14 */
    if (has_bytes(d, len, 0, "BM", 2) && len >= 18 && !d[15] && !d[16] && !d[17] &&
        (d[14] == 12 || d[14] == 40 || d[14] == 56 || d[14] == 108 || d[14] == 124))
        return "a BMP image";
    if (has_bytes(d, len, 0, "PK\x03\x04", 4) && !zip_names(d, len, "[Content_Types].xml")) {
        if (zip_names(d, len, "OFD.xml")) return "an OFD document (GB/T 33190)";
        if (zip_names(d, len, "application/epub+zip")) return "an EPUB book";
        if (zip_names(d, len, "application/vnd.oasis.opendocument")) return NULL; /* the reader names ODT */
        return "a ZIP archive (no Word document in it)";
    }
    if (has_bytes(d, len, 0, "PK\x03\x04", 4) && !zip_names(d, len, "word/")) {
        if (zip_names(d, len, "xl/workbook")) return "an Excel workbook (.xlsx)";
        if (zip_names(d, len, "ppt/presentation")) return "a PowerPoint presentation (.pptx)";
    }
    return NULL;
}

static int dispatch(fl_doc *doc, const char *name, const unsigned char *d, size_t len, char **owned, fl_error *err)
{
    if (len == 0) return fl_error_set(err, FL_E_EMPTY);
    const char *foreign = fl_input_sniff(d, len);
    /* a PDF is read when this build has the reader (FL_PDF), named otherwise */
    bool pdf = has_bytes(d, len, 0, "%PDF-", 5);
    if (pdf && !fl_reader_find("pdf"))
        return fl_error_set(err, FL_E_UNSUPPORTED, "a PDF file; this filinglint was built without PDF support (FL_PDF=OFF)");
    if (foreign && !pdf) {
        return fl_error_setf(err, FL_E_UNSUPPORTED, "%s; filings are read from DOCX, Word XML, text or Markdown", foreign);
    }
    if (len >= 13 && !memcmp(d, "MIME-Version:", 13))
        return fl_error_set(err, FL_E_UNSUPPORTED, "MHT single-file web page; save it as .docx");
    const fl_reader *r = fl_reader_pick(d, len, name, false);
    if (!r) {
        /* a package no reader takes is refused, not read as text */
        if (fl_xml_declared((const char *)d, len)) return refuse_xml((const char *)d, len, err);
        if (has_suffix(name, ".docx") || has_suffix(name, ".docm") || has_suffix(name, ".dotx"))
            return fl_error_set(err, FL_E_NOT_ZIP, "; a .doc file? save it as .docx");
        /* the text rows: input/textenc.c tells UTF-8, UTF-16 and GB18030 apart */
        r = fl_reader_pick(d, len, name, true);
    }
    doc->reader = r;
    return r->read(doc, d, len, owned, err);
}

/* owned: NULL, or the malloc'd buffer holding data (a NUL after it), which
 * a text reader may keep for the document's block texts (*owned becomes
 * NULL then; the caller frees what is left). */
static int load(fl_doc **out, const char *name, const void *data, size_t len, char **owned, fl_error *err)
{
    *out = NULL;
    fl_doc *doc = fl_doc_new(name);
    int rc = dispatch(doc, name, data, len, owned, err);
    if (!rc && doc->dropped_blocks)
        /* the phrase names FL_DOC_MAX_BLOCKS (doc/doc.h) */
        rc = fl_error_set(err, FL_E_TEXT_LIMIT, "more than 5,000,000 paragraphs and table cells");
    if (rc) {
        if (err) snprintf(err->file, sizeof err->file, "%s", name);
        fl_doc_free(doc);
        return -1;
    }
    *out = doc;
    return 0;
}

int fl_input_read_memory(fl_doc **out, const char *name, const void *data, size_t len, fl_error *err)
{
    return load(out, name, data, len, NULL, err);
}

int fl_input_read(fl_doc **out, const char *path, fl_error *err)
{
    int rc = -1;
    char *data = NULL;
    *out = NULL;
    /* O_NONBLOCK: a FIFO named as an input must be refused below, not wait
     * forever for a writer; on a regular file the flag changes nothing. */
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    struct stat st;
    if (fd < 0) {
        fl_error_set(err, FL_E_IO, strerror(errno));
        goto cleanup;
    }
    if (fstat(fd, &st) != 0) { fl_error_set(err, FL_E_IO, strerror(errno)); goto cleanup; }
    if (S_ISDIR(st.st_mode)) { fl_error_set(err, FL_E_IS_DIR); goto cleanup; }
    if (!S_ISREG(st.st_mode)) {
        fl_error_set(err, FL_E_IO, S_ISFIFO(st.st_mode)   ? "not a regular file (a FIFO)"
                                   : S_ISSOCK(st.st_mode) ? "not a regular file (a socket)"
                                                          : "not a regular file (a device)");
        goto cleanup;
    }
    if ((unsigned long long)st.st_size > FL_MAX_INPUT_BYTES) {
        fl_error_set(err, FL_E_TOO_LARGE, "over the 200 MiB input limit");
        goto cleanup;
    }
    size_t len = (size_t)st.st_size, got = 0;
    data = fl_xmalloc(len + 1);
    while (got < len) {
        ssize_t r = read(fd, data + got, len - got);
        if (r < 0 && (errno == EINTR || errno == EAGAIN)) continue;
        if (r <= 0) { fl_error_set(err, FL_E_IO, r < 0 ? strerror(errno) : "file shrank while reading"); goto cleanup; }
        got += (size_t)r;
    }
    data[len] = '\0';
    rc = load(out, path, data, len, &data, err);
cleanup:
    if (rc && err) snprintf(err->file, sizeof err->file, "%s", path);
    if (fd >= 0) close(fd);
    free(data);
    return rc;
}
