/* The language in force and the table of the tool's words (i18n.h). */
#include "core/i18n.h"
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>

typedef struct row { const char *text[2]; char kind; } row; /* text[FL_LANG_EN], text[FL_LANG_ZH] */

static const row rows[] = {
#define M(id, en, zh) {{en, zh}, 'M'},
#define P(id, en, zh) {{en, zh}, 'P'},
#define F(id, en, zh) {{en, zh}, 'F'},
#include "core/i18n.def"
#undef M
#undef P
#undef F
};

_Static_assert(sizeof rows / sizeof *rows == FL_MSG_COUNT, "one row per message");

/* ---- the language in force ---------------------------------------------------- */

static fl_lang current = FL_LANG_EN;
static fl_lang_origin current_origin = FL_LANG_DEFAULT;

fl_lang fl_lang_get(void) { return current; }
fl_lang_origin fl_lang_origin_get(void) { return current_origin; }

void fl_lang_set(fl_lang lang, fl_lang_origin origin)
{
    if (origin < current_origin) return;
    current = lang == FL_LANG_ZH ? FL_LANG_ZH : FL_LANG_EN;
    current_origin = origin;
}

const char *fl_lang_name(fl_lang lang) { return lang == FL_LANG_ZH ? "zh" : "en"; }

int fl_lang_parse(const char *s, fl_lang *out)
{
    if (s && !strcmp(s, "zh")) *out = FL_LANG_ZH;
    else if (s && !strcmp(s, "en")) *out = FL_LANG_EN;
    else return -1;
    return 0;
}

/* POSIX order: LC_ALL overrides LC_MESSAGES overrides LANG; an empty
 * variable counts as unset. */
fl_lang fl_lang_from_env(const char **var)
{
    static const char *const vars[] = {"LC_ALL", "LC_MESSAGES", "LANG"};
    for (size_t i = 0; i < sizeof vars / sizeof *vars; i++) {
        const char *v = getenv(vars[i]);
        if (!v || !*v) continue;
        if (var) *var = vars[i];
        return !strncmp(v, "zh", 2) ? FL_LANG_ZH : FL_LANG_EN;
    }
    if (var) *var = NULL;
    return FL_LANG_EN;
}

/* ---- rows by id ----------------------------------------------------------------- */

const char *fl_tr_in(fl_lang lang, fl_msg id)
{
    if ((unsigned)id >= FL_MSG_COUNT) return "";
    return rows[id].text[lang == FL_LANG_ZH];
}

const char *fl_tr(fl_msg id) { return fl_tr_in(current, id); }
const char *fl_tr_en(fl_msg id) { return fl_tr_in(FL_LANG_EN, id); }
const char *fl_tr_zh(fl_msg id) { return fl_tr_in(FL_LANG_ZH, id); }
bool fl_tr_is_phrase(fl_msg id) { return (unsigned)id < FL_MSG_COUNT && rows[id].kind == 'P'; }
bool fl_tr_is_format(fl_msg id) { return (unsigned)id < FL_MSG_COUNT && rows[id].kind == 'F'; }

void fl_pad(fl_buf *out, const char *s, size_t width)
{
    size_t w = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if ((*p & 0xC0) == 0x80) continue;
        /* lead bytes: E1..EF start U+1000..U+FFFF (CJK, full-width forms), F0.. beyond */
        w += *p >= 0xE1 ? 2 : 1;
    }
    fl_buf_adds(out, s);
    for (; w < width; w++) fl_buf_addc(out, ' ');
}

/* ---- formats -------------------------------------------------------------------- */

char fl_fmt_next(const char **at, const char **conv, size_t *conv_len)
{
    const char *p = *at;
    for (; *p; p++) {
        if (*p != '%') continue;
        if (p[1] == '%') { p++; continue; }
        const char *q = p + 1;
        while (*q && strchr("-+ #0", *q)) q++;
        while (*q >= '0' && *q <= '9') q++;
        if (*q == '.') {
            q++;
            while (*q >= '0' && *q <= '9') q++;
        }
        while (*q && strchr("hlzjt", *q)) q++;
        if (!*q) break;
        char type = *q == 's' ? 's' : *q == 'd' || *q == 'i' ? 'd' : *q == 'u' ? 'u' : *q == 'x' || *q == 'X' ? 'x'
                  : *q == 'c' ? 'c' : 'f';
        *conv = p;
        *conv_len = (size_t)(q + 1 - p);
        *at = q + 1;
        return type;
    }
    *at = p;
    return 0;
}

/* "%.0s": a conversion that prints nothing (a plural ending in Chinese). */
static bool silent(const char *conv, size_t len) { return len == 4 && !memcmp(conv, "%.0s", 4); }

/* ---- finding rows by their text ---------------------------------------------------- */

/* Open addressing over the rows' texts: the phrases without conversions
 * in both languages (fl_tr_text), and the F rows' English formats
 * (fl_tr_format). */
#define NSLOTS 2048
typedef struct slot { const char *key; int id; unsigned char lang; unsigned char table; } slot;
static slot slots[NSLOTS];
/* The phrases with conversions, per language of their text: read back
 * from a text by matching. */
static int patterns[2][FL_MSG_COUNT];
static size_t npatterns[2];
static pthread_once_t once = PTHREAD_ONCE_INIT;

enum { T_PHRASE, T_FORMAT };

static uint32_t hash(const char *s)
{
    uint32_t h = 2166136261u;
    for (; *s; s++) h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}

static bool has_conversion(const char *s)
{
    const char *at = s, *conv;
    size_t n;
    return fl_fmt_next(&at, &conv, &n) != 0;
}

static void put(const char *key, int id, int lang, int table)
{
    for (uint32_t i = hash(key) % NSLOTS;; i = (i + 1) % NSLOTS) {
        slot *s = &slots[i];
        if (s->key && s->table == table && !strcmp(s->key, key)) return; /* the first row wins */
        if (!s->key) {
            *s = (slot){key, id, (unsigned char)lang, (unsigned char)table};
            return;
        }
    }
}

static const slot *get(const char *key, int table)
{
    for (uint32_t i = hash(key) % NSLOTS;; i = (i + 1) % NSLOTS) {
        const slot *s = &slots[i];
        if (!s->key) return NULL;
        if (s->table == table && !strcmp(s->key, key)) return s;
    }
}

static void build(void)
{
    _Static_assert(2 * FL_MSG_COUNT < NSLOTS, "the phrase table is too small");
    for (int id = 0; id < FL_MSG_COUNT; id++) {
        const row *r = &rows[id];
        if (r->kind == 'F') put(r->text[FL_LANG_EN], id, FL_LANG_EN, T_FORMAT);
        if (r->kind != 'P') continue;
        for (int l = 0; l < 2; l++) {
            if (has_conversion(r->text[l])) patterns[l][npatterns[l]++] = id;
            else put(r->text[l], id, l, T_PHRASE);
        }
    }
}

const char *fl_tr_format(const char *fmt)
{
    if (current == FL_LANG_EN || !fmt) return fmt;
    pthread_once(&once, build);
    const slot *s = get(fmt, T_FORMAT);
    return s ? rows[s->id].text[FL_LANG_ZH] : fmt;
}

/* A whole phrase in the other language, or NULL. */
static const char *phrase(fl_lang lang, const char *s, size_t n)
{
    char small[256];
    if (n >= sizeof small) return NULL;
    memcpy(small, s, n);
    small[n] = '\0';
    const slot *hit = get(small, T_PHRASE);
    return hit && hit->lang != lang ? rows[hit->id].text[lang] : NULL;
}

const char *fl_tr_phrase(const char *s)
{
    if (!s) return s;
    pthread_once(&once, build);
    const char *ph = phrase(current, s, strlen(s));
    return ph ? ph : s;
}

const char *fl_tr_strerror(int e) { return fl_tr_phrase(strerror(e)); }

/* ---- reading a filled format back ------------------------------------------------------- */

#define MAX_CAPS 8
#define BUDGET 20000 /* steps per row: a text that could match in more ways is left alone */
typedef struct capture { const char *s; size_t n; } capture;

static bool match(const char *f, const char *t, const char *end, capture *caps, int k, long *budget)
{
    while (*f) {
        if (--*budget < 0) return false;
        if (*f == '%' && f[1] == '%') {
            if (t >= end || *t != '%') return false;
            f += 2, t++;
            continue;
        }
        if (*f != '%') {
            if (t >= end || *t != *f) return false;
            f++, t++;
            continue;
        }
        const char *at = f, *conv;
        size_t len;
        char type = fl_fmt_next(&at, &conv, &len);
        if (k >= MAX_CAPS) return false;
        if (type == 'd' || type == 'u' || type == 'x') {
            const char *s = t;
            if (type == 'd' && s < end && *s == '-') s++;
            const char *d = s;
            while (s < end && ((*s >= '0' && *s <= '9') ||
                               (type == 'x' && ((*s >= 'A' && *s <= 'F') || (*s >= 'a' && *s <= 'f')))))
                s++;
            if (s == d) return false;
            caps[k++] = (capture){t, (size_t)(s - t)};
            f = at, t = s;
            continue;
        }
        if (type == 'c') {
            if (t >= end) return false;
            size_t n = 1;
            while (t + n < end && ((unsigned char)t[n] & 0xC0) == 0x80) n++;
            caps[k++] = (capture){t, n};
            f = at, t += n;
            continue;
        }
        if (type != 's') return false;
        if (silent(conv, len)) {
            caps[k++] = (capture){t, 0};
            f = at;
            continue;
        }
        /* %s: the shortest text that lets the rest match; when the rest
         * starts with literal text, only where that text starts */
        if (!*at) {
            caps[k] = (capture){t, (size_t)(end - t)};
            return true;
        }
        char next = *at == '%' && at[1] != '%' ? 0 : *at;
        for (const char *e = t; e <= end; e++) {
            if (--*budget < 0) return false;
            if (next && (e == end || *e != next)) continue;
            if (match(at, e, end, caps, k + 1, budget)) {
                caps[k] = (capture){t, (size_t)(e - t)};
                return true;
            }
        }
        return false;
    }
    return t == end;
}

static void translate(fl_lang lang, const char *s, size_t n, int depth, fl_buf *out);

static void render(fl_lang lang, const char *f, const capture *caps, int depth, fl_buf *out)
{
    int k = 0;
    for (const char *p = f; *p;) {
        const char *at = p, *conv;
        size_t len;
        char type = fl_fmt_next(&at, &conv, &len);
        const char *lit_end = type ? conv : at;
        for (const char *q = p; q < lit_end; q++) {
            fl_buf_addc(out, *q);
            if (*q == '%' && q[1] == '%') q++;
        }
        if (!type) break;
        const capture *c = &caps[k++];
        if (type == 's' && !silent(conv, len)) translate(lang, c->s, c->n, depth, out);
        else if (type != 's') fl_buf_add(out, c->s, c->n);
        p = at;
    }
}

static size_t literal_prefix(const char *f)
{
    size_t n = 0;
    while (f[n] && f[n] != '%') n++;
    return n;
}

/* s[0..n) into lang: a whole phrase, or a filled format whose own %s are
 * translated in turn (depth bounds the nesting). */
static void translate(fl_lang lang, const char *s, size_t n, int depth, fl_buf *out)
{
    const char *ph = phrase(lang, s, n);
    if (ph) {
        fl_buf_adds(out, ph);
        return;
    }
    fl_lang from = lang == FL_LANG_ZH ? FL_LANG_EN : FL_LANG_ZH;
    for (size_t i = 0; depth > 0 && i < npatterns[from]; i++) {
        const row *r = &rows[patterns[from][i]];
        const char *f = r->text[from];
        size_t pre = literal_prefix(f);
        if (pre > n || memcmp(f, s, pre)) continue;
        capture caps[MAX_CAPS];
        long budget = BUDGET;
        if (!match(f, s, s + n, caps, 0, &budget)) continue;
        render(lang, r->text[lang], caps, depth - 1, out);
        return;
    }
    fl_buf_add(out, s, n);
}

const char *fl_tr_text(fl_lang lang, const char *text, fl_buf *out)
{
    fl_buf_adds(out, "");
    if (!text) return out->data;
    pthread_once(&once, build);
    translate(lang, text, strlen(text), 2, out);
    return out->data;
}
