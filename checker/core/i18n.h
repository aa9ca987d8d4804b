/* The language a run speaks to people: Chinese (zh) or English (en), one
 * for the whole process, and the one table of the tool's own words in both
 * (core/i18n.def). What a filing says, what a ruleset says and the names of
 * laws are never translated; everything the tool composes is, so a report
 * is in one language.
 *
 * The language is chosen once, before any work starts: from the
 * environment (LC_ALL, then LC_MESSAGES, then LANG: a value starting with
 * "zh" is Chinese, anything else English), then the configuration file's
 * <lang>, then --lang; a later source wins over an earlier one whatever the
 * order they are applied in. Worker threads only read it.
 *
 * Machine values (JSON keys, severities as "error", diagnostic keys, doc
 * type ids) are not words for people and do not change with it. */
#ifndef FL_I18N_H
#define FL_I18N_H
#include <stdbool.h>
#include <stddef.h>
#include "core/buf.h"

typedef enum fl_lang { FL_LANG_EN, FL_LANG_ZH } fl_lang;

/* Where the language in force came from; a source never overrides a later
 * one in this order. */
typedef enum fl_lang_origin { FL_LANG_DEFAULT, FL_LANG_ENV, FL_LANG_CONFIG, FL_LANG_CLI } fl_lang_origin;

typedef enum fl_msg {
#define M(id, en, zh) id,
#define P(id, en, zh) id,
#define F(id, en, zh) id,
#include "core/i18n.def"
#undef M
#undef P
#undef F
    FL_MSG_COUNT
} fl_msg;

fl_lang fl_lang_get(void);
fl_lang_origin fl_lang_origin_get(void);
/* Takes lang unless the language in force came from a later source. */
void fl_lang_set(fl_lang lang, fl_lang_origin origin);
/* "zh" or "en". */
const char *fl_lang_name(fl_lang lang);
/* "zh" / "en" (as --lang and <lang> take them); -1 for anything else. */
int fl_lang_parse(const char *s, fl_lang *out);
/* The language the environment asks for, and the variable that decided
 * (NULL when none is set: English). */
fl_lang fl_lang_from_env(const char **var);

/* The row's text in the language in force / in lang. Rows that are printf
 * formats have the same conversions in both languages, in the same order
 * (test_i18n checks it); a Chinese row swallows an English plural ending
 * with "%.0s". */
const char *fl_tr(fl_msg id);
const char *fl_tr_in(fl_lang lang, fl_msg id);
/* The English and the Chinese text of a row, whatever the language. */
const char *fl_tr_en(fl_msg id);
const char *fl_tr_zh(fl_msg id);
/* Is the row one that fl_tr_text() finds by its text (P), or that
 * fl_tr_format() finds by its English format (F)? */
bool fl_tr_is_phrase(fl_msg id);
bool fl_tr_is_format(fl_msg id);

/* A phrase the tool composed in one language somewhere it does not know
 * the language in force (an error's detail from a reader, a notice, the
 * reason a check digit is wrong) in lang: the text when it is a phrase row,
 * or fills one of them (its %s, %d, %zu and %c read back from the text),
 * else the text unchanged. A %s read back is itself translated when it is
 * a whole phrase. Appended to out; returns out->data. Bounded work: a text
 * that could match a row in too many ways is left as it is. */
const char *fl_tr_text(fl_lang lang, const char *text, fl_buf *out);
/* A whole phrase (no conversions) in the language in force: the row's
 * text, or s itself when s is none. Never NULL for a non-NULL s. */
const char *fl_tr_phrase(const char *s);
/* strerror(e) in the language in force (the C library's English words
 * for the errors a file or an output can meet have rows of their own). */
const char *fl_tr_strerror(int e);
/* An English printf format of an F row in the language in force; fmt
 * itself when it is none. For code that composes English text with
 * printf formats (the doc-type detector's reasons). */
const char *fl_tr_format(const char *fmt);

/* Columns as a terminal shows them: s and spaces up to width, a CJK
 * character taking two. */
void fl_pad(fl_buf *out, const char *s, size_t width);

/* A conversion of a format, for the table's own test and the reader-back:
 * its type ('s', 'd', 'u' for %zu, 'x' for %X, 'c', 'f' for the rest, 0 at
 * the end)
 * and how many bytes it spans; "%%" is no conversion. *at is advanced
 * past literal text and the conversion. */
char fl_fmt_next(const char **at, const char **conv, size_t *conv_len);
#endif
