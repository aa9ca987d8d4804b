/* The instruments table (rulesets/data/instruments.xml, schema
 * rulesets/schema/instruments.rng): legal instruments filings cite — ministry
 * orders, catalogues, notices — with the edition that replaced each or the
 * day it was repealed, and the ways filings write them. Used by the kind
 * `instruments` (LAW001).
 *
 * Citations are found in one pass per text: the text is reduced to its key
 * form (fl_instrument_key: Han characters and ASCII letters and digits only,
 * full-width digits as ASCII, a 第 between a year and a number dropped) and an
 * Aho–Corasick automaton over every cite's key form scans it. Linear in the
 * text whatever the number of rows.
 *
 * Ownership: fl_instruments_load returns an object owning everything reachable
 * from it (one arena and the automaton); free it with fl_instruments_free
 * (NULL-safe). Loaded tables are read-only and may be shared by threads. */
#ifndef FL_DATA_INSTRUMENTS_H
#define FL_DATA_INSTRUMENTS_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "core/acmatch.h"
#include "core/arena.h"
#include "core/date.h"
#include "core/error.h"

typedef enum fl_instr_status { FL_INSTR_CURRENT, FL_INSTR_REPLACED, FL_INSTR_REPEALED } fl_instr_status;

typedef struct fl_instrument {
    const char *id;
    const char *title;       /* without 《》 */
    const char *edition;     /* 令号, 文号; NULL when the title names the edition */
    const char *display;     /* 《title》（edition）, for messages */
    fl_instr_status status;
    const struct fl_instrument *replaced_by; /* REPLACED only */
    const char *repealed_by; /* REPEALED: the instrument that repealed it */
    fl_date from;            /* citing it is wrong from this day (y == 0: current) */
    char conf;               /* 'V', 'P' or 'M' */
    const char *source, *note;
    int line;
} fl_instrument;

typedef struct fl_instrument_cite {
    const char *key;         /* key form (fl_instrument_key) */
    size_t len;
    const char *near;        /* key form of a word the sentence must hold; NULL */
    size_t near_len;
    const fl_instrument *inst;
    /* A 文号 (issuer, year, number, 号): does not count right after another
     * Han character than a connecting one (苏环办〔2014〕93号 is Jiangsu's). */
    bool docno;
    int line;
} fl_instrument_cite;

typedef struct fl_instruments {
    fl_arena arena;
    const char *path;
    fl_instrument *items;    /* in file order */
    size_t n;
    fl_instrument_cite *cites;
    size_t ncites;
    fl_ac *ac;               /* over cites[].key; a match's id is the cite's index */
    size_t maxkey;           /* the longest cite key, bytes */
} fl_instruments;

/* Load and validate; rejects duplicate ids, a replaced-by naming no row, a
 * chain of replacements that loops, a cite that reduces to nothing and one
 * cite under two rows. Errors name the file and line (FL_E_RULESET). */
int fl_instruments_load(fl_instruments **out, const char *path, fl_error *err);
void fl_instruments_free(fl_instruments *t);
const fl_instrument *fl_instruments_find(const fl_instruments *t, const char *id); /* NULL if none */

/* The key form of s[0..len) into out (room for len + 1 bytes; NUL-terminated);
 * returns its length. When map is not NULL (room for len + 1 entries),
 * map[i] is the offset in s of the character that produced out[i], and
 * map[return] is len. */
size_t fl_instrument_key(const char *s, size_t len, char *out, uint32_t *map);

/* What replaces inst on day d (following the chain while each step is in
 * force by d), or inst itself when it was repealed by d; NULL when it was
 * still in force. *from: the day the last step took effect. */
const fl_instrument *fl_instrument_successor(const fl_instrument *inst, const fl_date *d, fl_date *from);

/* One citation found in a text: [start, end) are byte offsets in that text. */
typedef struct fl_instr_match {
    size_t start, end;
    const fl_instrument_cite *cite;
} fl_instr_match;

/* Reusable buffers of fl_instruments_match, grown as needed (one per thread). */
typedef struct fl_instr_scratch {
    char *key;
    uint32_t *map;
    size_t cap;
    fl_instr_match *m;
    size_t n, mcap;
} fl_instr_scratch;
void fl_instr_scratch_free(fl_instr_scratch *sc);

/* Every citation in text[0..len), by their start (the longer first among
 * those starting together), overlapping ones included; *out points into sc. Memory does not grow with
 * the text: it is keyed and scanned a window at a time. The near word is not checked here (it needs
 * the sentence): the caller does. */
size_t fl_instruments_match(const fl_instruments *t, const char *text, size_t len, fl_instr_scratch *sc,
                            const fl_instr_match **out);
#endif
