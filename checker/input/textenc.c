/* The encoding of a text filing, decided on its bytes in this order:
 *
 *   1. A byte order mark says it: EF BB BF UTF-8, FF FE UTF-16LE, FE FF
 *      UTF-16BE (FF FE 00 00 and 00 00 FE FF are UTF-32: refused). GB18030's
 *      own mark, 84 31 95 33, is read by rule 4 and dropped.
 *   2. NUL bytes, and the bytes read as 16-bit units in one byte order make
 *      plausible text: UTF-16 without a mark. Plausible is no unpaired
 *      surrogate, no control unit but tab, LF, CR and form feed, and a line
 *      break unit (U+000A) or a majority of ASCII units. Text in UTF-8 or
 *      GB18030 has no NUL byte, and a stray one cannot make a U+000A unit.
 *   3. Valid UTF-8: UTF-8, pure ASCII included. One exception: when every
 *      non-ASCII character would be a two-byte one (U+0080..U+07FF: Latin
 *      accents, Greek, Cyrillic, Hebrew, Arabic; never a Chinese filing) and
 *      the bytes are clean GB18030, it is GB18030 ("联通" saved by Notepad
 *      in GBK is valid UTF-8, and so are other short runs of GBK).
 *   4. Clean GB18030 (the whole file, through glibc's iconv): GB18030. It is
 *      a superset of GBK and GB2312, what Chinese Windows Notepad, Word's
 *      "plain text" and many export tools write. Big5 and Shift-JIS bytes
 *      are mostly valid GB18030 too and would be read as wrong characters;
 *      filings on the mainland are not written in them.
 *   5. UTF-8 with a few invalid bytes among many valid sequences (at most
 *      one invalid byte for four valid multi-byte characters): a damaged
 *      UTF-8 file, say a GBK sentence pasted into it or a cut character. It
 *      is read as UTF-8 and each invalid byte becomes U+FFFD, which the model
 *      counts in a note; the rest of the text is fine to lint.
 *   6. Anything else (damaged GBK, Latin-1, a binary renamed .txt) is
 *      refused with one line naming where UTF-8 and GB18030 failed: linting
 *      mojibake gives findings that are all wrong.
 *
 * A file with a mark follows the mark; a UTF-8 mark on bytes that are far
 * from UTF-8 is refused like rule 6. */
#include "input/textenc.h"
#include "core/utf8.h"
#include "core/utf16.h"
#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

void fl_text_src_free(fl_text_src *src)
{
    fl_buf_free(&src->buf);
    src->data = NULL;
    src->len = 0;
}

/* Physical line (1-based) of byte offset pos, counting line breaks the way
 * the text reader does: LF, CRLF and a lone CR. */
static int line_at(const char *s, size_t len, size_t pos)
{
    int line = 1;
    for (size_t i = 0; i < pos && i < len; i++)
        if (s[i] == '\n' || (s[i] == '\r' && (i + 1 >= len || s[i + 1] != '\n'))) line++;
    return line;
}

typedef struct utf8_scan {
    size_t valid_mb;   /* valid multi-byte sequences */
    size_t invalid;    /* bytes that start no valid sequence */
    size_t first_bad;  /* offset of the first of those, SIZE_MAX when none */
    uint32_t max_cp;   /* highest code point read */
} utf8_scan;

static void scan_utf8(const char *s, size_t len, utf8_scan *u)
{
    *u = (utf8_scan){.first_bad = SIZE_MAX};
    for (size_t i = 0; i < len;) {
        if ((unsigned char)s[i] < 0x80) {
            i++;
            continue;
        }
        uint32_t cp;
        size_t n = fl_utf8_decode(s + i, len - i, &cp);
        if (n == 1) { /* a byte >= 0x80 decoded alone is always invalid */
            if (u->first_bad == SIZE_MAX) u->first_bad = i;
            u->invalid++;
        } else {
            u->valid_mb++;
            if (cp > u->max_cp) u->max_cp = cp;
        }
        i += n;
    }
}

/* Is this plausible text as UTF-16 in that byte order (rule 2)? */
static bool utf16_plausible(const unsigned char *d, size_t len, bool be)
{
    size_t units = len / 2, ascii = 0, breaks = 0;
    bool high = false;
    for (size_t i = 0; i + 1 < len; i += 2) {
        unsigned u = be ? (unsigned)(d[i] << 8 | d[i + 1]) : (unsigned)(d[i + 1] << 8 | d[i]);
        if (high != (u >= 0xDC00 && u <= 0xDFFF)) return false; /* unpaired surrogate */
        high = u >= 0xD800 && u <= 0xDBFF;
        if (u < 0x20 && u != '\t' && u != '\n' && u != '\r' && u != '\f') return false;
        breaks += u == '\n';
        ascii += u < 0x80;
    }
    return !high && (breaks > 0 || ascii * 2 > units);
}

/* Convert GB18030 to UTF-8 into out. Returns false at the first byte that
 * is not GB18030, with its offset in *bad_at: len for a character cut at
 * the end, SIZE_MAX when iconv has no GB18030. */
static bool gb18030_convert(const char *data, size_t len, fl_buf *out, size_t *bad_at)
{
    *bad_at = 0;
    iconv_t cd = iconv_open("UTF-8", "GB18030");
    if (cd == (iconv_t)-1) { /* glibc without its gconv modules */
        *bad_at = SIZE_MAX;
        return false;
    }
    fl_buf_clear(out);
    fl_buf_reserve(out, len + len / 2 + 16); /* two bytes become at most three */
    char *in = (char *)data;
    size_t inleft = len;
    bool ok = true;
    while (inleft) {
        char *o = out->data + out->len;
        size_t room = out->cap - out->len - 1, before = room;
        size_t r = iconv(cd, &in, &inleft, &o, &room);
        out->len += before - room;
        if (r != (size_t)-1) break;
        if (errno == E2BIG) {
            fl_buf_reserve(out, inleft * 2 + 16);
            continue;
        }
        ok = false;
        *bad_at = errno == EINVAL ? len : (size_t)(in - data); /* EINVAL: cut at the end */
        break;
    }
    iconv_close(cd);
    out->data[out->len] = '\0';
    return ok;
}

static int from_utf16(fl_text_src *src, const char *data, size_t len, bool be, fl_error *err)
{
    fl_utf16 u;
    fl_utf16_init(&u, be);
    fl_buf_clear(&src->buf);
    fl_utf16_feed(&u, &src->buf, data, len, true);
    src->data = src->buf.data ? src->buf.data : "";
    src->len = src->buf.len;
    src->encoding = be ? "UTF-16BE" : "UTF-16LE";
    src->bad_units = u.bad;
    /* Flat OPC or Word 2003 XML saved as UTF-16: the XML readers take UTF-8 only */
    size_t i = 0;
    while (i < src->len && (src->data[i] == ' ' || src->data[i] == '\t' || src->data[i] == '\r' ||
                            src->data[i] == '\n'))
        i++;
    if (src->len - i >= 5 && !memcmp(src->data + i, "<?xml", 5))
        return fl_error_set(err, FL_E_UNSUPPORTED, "UTF-16 XML; save it as UTF-8");
    return 0;
}

/* "byte 0xE9 on line 3" for the first byte a decoding failed at. */
static void where(char *out, size_t cap, const char *data, size_t len, size_t pos)
{
    if (pos == SIZE_MAX) snprintf(out, cap, "no GB18030 converter in this system's iconv");
    else if (pos >= len) snprintf(out, cap, "a character cut at the end");
    else snprintf(out, cap, "byte 0x%02X on line %d", (unsigned char)data[pos], line_at(data, len, pos));
}

int fl_text_decode(fl_text_src *src, const char *data, size_t len, fl_error *err)
{
    *src = (fl_text_src){.data = data, .len = len, .encoding = "UTF-8", .buf = FL_BUF_INIT};
    const unsigned char *d = (const unsigned char *)data;
    bool bom8 = len >= 3 && !memcmp(d, "\xEF\xBB\xBF", 3);
    if ((len >= 4 && !memcmp(d, "\xFF\xFE\0\0", 4)) || (len >= 4 && !memcmp(d, "\0\0\xFE\xFF", 4)))
        return fl_error_set(err, FL_E_UNSUPPORTED, "UTF-32 text; save it as UTF-8");
    if (len >= 2 && d[0] == 0xFF && d[1] == 0xFE) return from_utf16(src, data, len, false, err);
    if (len >= 2 && d[0] == 0xFE && d[1] == 0xFF) return from_utf16(src, data, len, true, err);
    if (bom8) {
        src->data += 3;
        src->len -= 3;
    } else if (memchr(data, '\0', len)) {
        bool le = utf16_plausible(d, len, false), be = utf16_plausible(d, len, true);
        if (le != be) return from_utf16(src, data, len, be, err);
    }
    utf8_scan u;
    scan_utf8(src->data, src->len, &u);
    size_t gb_bad = 0;
    if (!bom8 && (u.invalid || (u.valid_mb && u.max_cp < 0x800))) {
        if (gb18030_convert(src->data, src->len, &src->buf, &gb_bad)) {
            src->data = src->buf.data;
            src->len = src->buf.len;
            src->encoding = "GB18030";
            if (src->len >= 3 && !memcmp(src->data, "\xEF\xBB\xBF", 3)) { /* GB18030's own mark, 84 31 95 33 */
                src->data += 3;
                src->len -= 3;
            }
            return 0;
        }
        fl_buf_free(&src->buf);
    }
    if (u.invalid == 0 || u.invalid * 4 <= u.valid_mb) return 0; /* UTF-8, maybe a few bytes damaged */
    char at8[64], atgb[64], why[192];
    where(at8, sizeof at8, src->data, src->len, u.first_bad);
    where(atgb, sizeof atgb, src->data, src->len, gb_bad);
    if (bom8) snprintf(why, sizeof why, "a UTF-8 byte order mark, but not UTF-8 (%s)", at8);
    else snprintf(why, sizeof why, "neither UTF-8 (%s) nor GB18030 (%s) nor UTF-16", at8, atgb);
    int rc = fl_error_set(err, FL_E_TEXT_ENCODING, why);
    src->data = NULL;
    src->len = 0;
    return rc;
}
