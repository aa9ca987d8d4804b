/* The table of readers (reader.h) and what reads it: picking a reader for
 * some bytes, the names and heads a folder walk takes, the list of endings
 * for help texts. A new format is a reader file and one row here. */
#include "input/readers.h"
#include "input/formats.h"
#include "input/legacy.h"
#include <string.h>
#include <strings.h>

static bool has_suffix(const char *name, const char *suf)
{
    size_t n = strlen(name), m = strlen(suf);
    return n >= m && !strcasecmp(name + n - m, suf);
}

/* ---- the rows ---------------------------------------------------------------- */

/* a ZIP, but not OpenDocument text, which the legacy row converts */
static bool is_zip(const unsigned char *d, size_t len, const char *name)
{
    return len >= 2 && d[0] == 'P' && d[1] == 'K' && fl_legacy_sniff(d, len) != FL_LEGACY_ODT;
}

static bool markdown_name(const unsigned char *d, size_t len, const char *name)
{
    return has_suffix(name, ".md") || has_suffix(name, ".markdown");
}

static int read_docx(fl_doc *doc, const unsigned char *d, size_t len, char **owned, fl_error *err)
{
    return fl_docx_read(doc, d, len, err);
}
static int read_flatopc(fl_doc *doc, const unsigned char *d, size_t len, char **owned, fl_error *err)
{
    return fl_flatopc_read(doc, (const char *)d, len, err);
}
static int read_word2003(fl_doc *doc, const unsigned char *d, size_t len, char **owned, fl_error *err)
{
    return fl_word2003_read(doc, (const char *)d, len, err);
}
static int read_text(fl_doc *doc, const unsigned char *d, size_t len, char **owned, fl_error *err)
{
    return fl_text_read_owned(doc, (const char *)d, len, false, owned, err);
}
static int read_markdown(fl_doc *doc, const unsigned char *d, size_t len, char **owned, fl_error *err)
{
    return fl_text_read_owned(doc, (const char *)d, len, true, owned, err);
}

#ifdef FL_HAVE_PDF
/* "%PDF-" at the start: the header every producer writes there. */
static bool is_pdf(const unsigned char *d, size_t len, const char *name)
{
    return len >= 5 && !memcmp(d, "%PDF-", 5);
}
static int read_pdf(fl_doc *doc, const unsigned char *d, size_t len, char **owned, fl_error *err)
{
    return fl_pdf_read(doc, d, len, err);
}
static const char *const ext_pdf[] = {".pdf", NULL};
static const fl_reader pdf = {.name = "pdf", .extensions = ext_pdf, .claims = is_pdf, .read = read_pdf};
#endif

/* Word 97-2003 and Kingsoft WPS binaries (OLE compound files: the reader
 * says what one that is no Word document is), RTF, OpenDocument text */
static bool is_legacy(const unsigned char *d, size_t len, const char *name)
{
    return fl_legacy_sniff(d, len) != FL_LEGACY_NONE;
}
static int read_legacy(fl_doc *doc, const unsigned char *d, size_t len, char **owned, fl_error *err)
{
    return fl_legacy_read(doc, d, len, err);
}

static const char *const ext_docx[] = {".docx", ".docm", NULL};
static const char *const ext_xml[] = {".xml", NULL};
static const char *const ext_text[] = {".txt", NULL};
static const char *const ext_md[] = {".md", NULL};
static const char *const ext_legacy[] = {".doc", ".wps", ".rtf", ".odt", NULL};

static const fl_reader docx = {.name = "docx", .extensions = ext_docx, .claims = is_zip, .read = read_docx,
                               .word = true};
static const fl_reader flatopc = {.name = "flat-opc", .extensions = ext_xml, .xml_root = "package",
                                  .xml_ns = "schemas.microsoft.com/office/2006/xmlPackage", .read = read_flatopc,
                                  .word = true};
static const fl_reader word2003 = {.name = "word2003", .extensions = ext_xml, .xml_root = "wordDocument",
                                   .xml_ns = "schemas.microsoft.com/office/word/2003/wordml", .read = read_word2003,
                                   .word = true};
static const fl_reader text = {.name = "text", .extensions = ext_text, .read = read_text, .text = true};
static const fl_reader markdown = {.name = "markdown", .extensions = ext_md, .claims = markdown_name,
                                   .read = read_markdown, .text = true, .markdown = true};
static const fl_reader legacy = {.name = "legacy", .extensions = ext_legacy, .claims = is_legacy, .read = read_legacy,
                                 .word = true, .usable = fl_legacy_usable};

/* The order is the order of the help texts' list of endings. */
const fl_reader *const fl_readers[] = {&docx, &flatopc, &word2003, &text, &markdown, &legacy,
#ifdef FL_HAVE_PDF
                                       &pdf,
#endif
};
const size_t fl_nreaders = sizeof fl_readers / sizeof *fl_readers;

/* ---- reading the table ------------------------------------------------------- */

static bool usable(const fl_reader *r) { return !r->usable || r->usable(); }

const fl_reader *fl_reader_find(const char *name)
{
    for (size_t i = 0; i < fl_nreaders; i++)
        if (!strcmp(fl_readers[i]->name, name)) return fl_readers[i];
    return NULL;
}

const fl_reader *fl_reader_of(const fl_doc *doc)
{
    return doc->reader ? doc->reader : fl_readers[0];
}

bool fl_xml_declared(const char *s, size_t len)
{
    size_t i = 0;
    if (len >= 3 && (unsigned char)s[0] == 0xEF && (unsigned char)s[1] == 0xBB && (unsigned char)s[2] == 0xBF) i = 3;
    while (i < len && (s[i] == ' ' || s[i] == '\n' || s[i] == '\r' || s[i] == '\t')) i++;
    return i + 5 <= len && memcmp(s + i, "<?xml", 5) == 0;
}

const char *fl_xml_root_name(const char *s, size_t len, char *name, size_t cap)
{
    size_t i = 0;
    if (!fl_xml_declared(s, len)) return NULL;
    while (i < len) {
        while (i < len && s[i] != '<') i++;
        if (i + 1 >= len) return NULL;
        if (s[i + 1] == '?' || s[i + 1] == '!') { i++; continue; }
        i++;
        size_t k = 0;
        while (i < len && k + 1 < cap && s[i] != ' ' && s[i] != '>' && s[i] != '/' &&
               s[i] != '\n' && s[i] != '\r' && s[i] != '\t')
            name[k++] = s[i++];
        name[k] = '\0';
        return name;
    }
    return NULL;
}

const fl_reader *fl_reader_pick(const unsigned char *d, size_t len, const char *name, bool text_round)
{
    char root[128];
    const char *qname = NULL, *local = NULL;
    if (!text_round && (qname = fl_xml_root_name((const char *)d, len, root, sizeof root)))
        local = strchr(qname, ':') ? strchr(qname, ':') + 1 : qname;
    const fl_reader *rest = NULL;
    for (size_t i = 0; i < fl_nreaders; i++) {
        const fl_reader *r = fl_readers[i];
        if (r->text != text_round) continue;
        if (r->xml_root ? local && !strcmp(local, r->xml_root) : r->claims ? r->claims(d, len, name) : false)
            return r;
        if (!r->xml_root && !r->claims && !rest) rest = r;
    }
    return rest;
}

bool fl_reader_walk_name(const char *name, bool *need_head)
{
    bool taken = false;
    *need_head = false;
    for (size_t i = 0; i < fl_nreaders; i++)
        for (const char *const *e = usable(fl_readers[i]) ? fl_readers[i]->extensions : NULL; e && *e; e++) {
            size_t n = strlen(name), m = strlen(*e);
            if (n <= m || strcasecmp(name + n - m, *e)) continue;
            if (fl_readers[i]->xml_ns) *need_head = true;
            else return true; /* an ending of its own */
            taken = true;
        }
    return taken;
}

bool fl_reader_walk_head(const char *head)
{
    for (size_t i = 0; i < fl_nreaders; i++) {
        const char *ns = fl_readers[i]->xml_ns;
        if (ns && strstr(head, ns)) return true;
    }
    return false;
}

void fl_reader_extensions(fl_buf *b, const char *sep)
{
    size_t start = b->len;
    for (size_t i = 0; i < fl_nreaders; i++)
        for (const char *const *e = usable(fl_readers[i]) ? fl_readers[i]->extensions : NULL; e && *e; e++) {
            bool seen = false;
            for (size_t k = 0; k < i && !seen; k++)
                for (const char *const *f = fl_readers[k]->extensions; f && *f && !seen; f++) seen = !strcmp(*e, *f);
            if (seen) continue;
            if (b->len > start) fl_buf_adds(b, sep);
            fl_buf_adds(b, *e);
        }
}
