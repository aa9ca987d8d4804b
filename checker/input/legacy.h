/* Legacy word-processor files told by their bytes (legacy.c): OLE compound
 * files (Word 97-2003 .doc, and Kingsoft WPS .wps, which is the same
 * binary with a WordDocument stream), RTF and OpenDocument text. They are
 * read by converting them to DOCX with LibreOffice and reading the DOCX. */
#ifndef FL_LEGACY_H
#define FL_LEGACY_H
#include <stdbool.h>
#include <stddef.h>

typedef enum fl_legacy_kind {
    FL_LEGACY_NONE = 0,
    FL_LEGACY_CFB, /* an OLE compound file, Word or not: legacy.c says which */
    FL_LEGACY_RTF,
    FL_LEGACY_ODT, /* a ZIP whose first entry is mimetype = ...opendocument.text */
} fl_legacy_kind;

/* What family the bytes start as; linear in nothing (reads a few bytes). */
fl_legacy_kind fl_legacy_sniff(const unsigned char *d, size_t len);

/* The result of reading an OLE compound file's root directory. */
typedef enum fl_cfb_what {
    FL_CFB_WORD,        /* a WordDocument stream at the root */
    FL_CFB_WORD_LOCKED, /* the same, its FIB says it is encrypted */
    FL_CFB_ENCRYPTED_OOXML, /* EncryptedPackage: a DOCX with a password */
    FL_CFB_OTHER,       /* not Word: what says what it is */
    FL_CFB_CORRUPT,     /* what says why */
} fl_cfb_what;

/* Read the directory of a compound file (the FAT chains bounded by the
 * file's sector count, each directory entry visited once) and say what it
 * holds; what (cap bytes) gets a phrase for a message. */
fl_cfb_what fl_cfb_identify(const unsigned char *d, size_t len, char *what, size_t cap);
/* Is there a LibreOffice to convert with (FL_SOFFICE, else soffice or
 * libreoffice on PATH)? Looked up once per process. */
bool fl_legacy_usable(void);
#endif
