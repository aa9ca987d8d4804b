/* Preparing, compiling and matching rule patterns (see pattern.h). The
 * preparation pass is a small scanner over PCRE2 syntax: it must know where
 * escapes, character classes, \Q…\E quotes and comments are, so that it only
 * rewrites literal characters and never the regex syntax around them. */
#include "rules/pattern.h"
#include "core/norm.h"
#include "core/utf8.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int is_meta(uint32_t c)
{
    return c && c < 0x80 && strchr("\\^$.|?*+()[]{}", (int)c) != NULL;
}

static int is_alnum(uint32_t c)
{
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

static int is_name_start(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_'; }
static int is_name_char(char c) { return is_name_start(c) || (c >= '0' && c <= '9') || c == '-'; }

/* A literal non-ASCII character: normalise it; escape it when it turned into
 * a metacharacter of the current context. */
static void put_literal(fl_buf *out, uint32_t cp, int in_class, int quoted)
{
    uint32_t c = fl_norm_cp(cp);
    if (c == 0) return; /* zero-width characters vanish from documents too */
    /* Escaping any ASCII punctuation is always literal in PCRE2, and it keeps
     * "[：" from turning into the POSIX-class opener "[:". */
    if (c < 0x80 && !quoted && (in_class ? !is_alnum(c) && c != ' ' : is_meta(c))) fl_buf_addc(out, '\\');
    fl_buf_addcp(out, c);
}

/* Length of "{name}" at s, 0 if s does not start a named reference. Digits
 * first ({2}, {1,3}) are quantifiers, never names. */
static size_t ref_len(const char *s, size_t len)
{
    if (len < 3 || s[0] != '{' || !is_name_start(s[1])) return 0;
    size_t i = 2;
    while (i < len && is_name_char(s[i])) i++;
    return (i < len && s[i] == '}') ? i + 1 : 0;
}

/* Copies one escape sequence starting at s[i] == '\\'; returns bytes used. */
static size_t put_escape(fl_buf *out, const char *s, size_t len, size_t i)
{
    if (i + 1 >= len) { fl_buf_addc(out, '\\'); return 1; }
    unsigned char n = (unsigned char)s[i + 1];
    if (n >= 0x80) {
        uint32_t cp;
        size_t k = fl_utf8_decode(s + i + 1, len - i - 1, &cp);
        uint32_t c = fl_norm_cp(cp);
        /* "\（" meant a literal "（"; "\Ｄ" must not become the class \D. */
        if (c && !is_alnum(c) && c != ' ') fl_buf_addc(out, '\\');
        if (c) fl_buf_addcp(out, c);
        return 1 + k;
    }
    size_t used = 2;
    if (strchr("xopPgkN", n) && i + 2 < len && s[i + 2] == '{') {
        const char *close = memchr(s + i + 2, '}', len - i - 2);
        if (close) used = (size_t)(close - (s + i)) + 1;
    } else if (n == 'c' && i + 2 < len) {
        used = 3;
    }
    fl_buf_add(out, s + i, used);
    return used;
}

int fl_pattern_prepare(fl_buf *out, const char *s, size_t len, fl_pattern_lookup lookup,
                       void *ctx, char *msg, size_t msgcap)
{
    int in_class = 0, quoted = 0;
    size_t class_start = 0;
    for (size_t i = 0; i < len;) {
        unsigned char c = (unsigned char)s[i];
        if (quoted) {
            if (c == '\\' && i + 1 < len && s[i + 1] == 'E') {
                fl_buf_add(out, "\\E", 2);
                quoted = 0;
                i += 2;
            } else if (c >= 0x80) {
                uint32_t cp;
                i += fl_utf8_decode(s + i, len - i, &cp);
                put_literal(out, cp, 0, 1);
            } else {
                fl_buf_addc(out, (char)c);
                i++;
            }
            continue;
        }
        if (c >= 0x80) {
            uint32_t cp;
            i += fl_utf8_decode(s + i, len - i, &cp);
            put_literal(out, cp, in_class, 0);
            continue;
        }
        if (c == '\\') {
            if (!in_class && i + 1 < len && s[i + 1] == 'Q') {
                fl_buf_add(out, "\\Q", 2);
                quoted = 1;
                i += 2;
                continue;
            }
            i += put_escape(out, s, len, i);
            continue;
        }
        if (in_class) {
            if (c == '[' && i + 1 < len && s[i + 1] == ':') { /* [:alpha:] */
                const char *end = NULL;
                for (size_t k = i + 2; k + 1 < len; k++)
                    if (s[k] == ':' && s[k + 1] == ']') { end = s + k + 2; break; }
                size_t n = end ? (size_t)(end - (s + i)) : 1;
                fl_buf_add(out, s + i, n);
                i += n;
                continue;
            }
            if (c == ']' && i != class_start) in_class = 0;
            else if (i == class_start && (c == ':' || c == '.' || c == '=')) fl_buf_addc(out, '\\');
            fl_buf_addc(out, (char)c);
            i++;
            continue;
        }
        if (c == '[') {
            fl_buf_addc(out, '[');
            i++;
            if (i < len && s[i] == '^') { fl_buf_addc(out, '^'); i++; }
            in_class = 1;
            class_start = i; /* a ']' right here is a literal member */
            continue;
        }
        if (c == '(' && i + 2 < len && s[i + 1] == '?' && s[i + 2] == '#') {
            const char *close = memchr(s + i, ')', len - i);
            size_t n = close ? (size_t)(close - (s + i)) + 1 : len - i;
            i += n; /* comments are dropped: they may hold anything */
            continue;
        }
        if (c == '{') {
            size_t n = ref_len(s + i, len - i);
            if (n) {
                const char *body = lookup ? lookup(ctx, s + i + 1, n - 2) : NULL;
                if (!body) {
                    snprintf(msg, msgcap, "unknown pattern name {%.*s} (define it with <pattern name=\"%.*s\">, or write \\{ for a literal brace)",
                             (int)(n - 2), s + i + 1, (int)(n - 2), s + i + 1);
                    return -1;
                }
                fl_buf_adds(out, "(?:");
                fl_buf_adds(out, body);
                fl_buf_addc(out, ')');
                i += n;
                continue;
            }
        }
        fl_buf_addc(out, (char)c);
        i++;
    }
    if (!out->data) fl_buf_add(out, "", 0);
    return 0;
}

void fl_pattern_unfold(fl_buf *out, const char *s, size_t len)
{
    size_t a = 0, b = len;
    while (a < b && strchr(" \t\r\n", s[a])) a++;
    while (b > a && strchr(" \t\r\n", s[b - 1])) b--;
    for (size_t i = a; i < b; i++) {
        if (s[i] == '\r' || s[i] == '\n') {
            while (out->len && (out->data[out->len - 1] == ' ' || out->data[out->len - 1] == '\t'))
                out->len--;
            while (i + 1 < b && strchr(" \t\r\n", s[i + 1])) i++;
            continue;
        }
        fl_buf_addc(out, s[i]);
    }
    if (!out->data) fl_buf_add(out, "", 0);
    out->data[out->len] = '\0';
}

int fl_pattern_compile(pcre2_code **out, const char *expanded, char *msg, size_t msgcap)
{
    int errcode;
    PCRE2_SIZE erroff;
    *out = pcre2_compile((PCRE2_SPTR)expanded, PCRE2_ZERO_TERMINATED,
                         PCRE2_UTF | PCRE2_UCP | PCRE2_NEVER_BACKSLASH_C, &errcode, &erroff, NULL);
    if (!*out) {
        PCRE2_UCHAR text[256];
        pcre2_get_error_message(errcode, text, sizeof text);
        size_t len = strlen(expanded);
        size_t at = fl_utf8_count(expanded, erroff < len ? erroff : len);
        snprintf(msg, msgcap, "%s (at character %zu)", (const char *)text, at + 1);
        return -1;
    }
    /* Without JIT (unsupported CPU) the interpreter still works, only slower. */
    (void)pcre2_jit_compile(*out, PCRE2_JIT_COMPLETE);
    return 0;
}

void fl_matcher_init(fl_matcher *m)
{
    m->md = pcre2_match_data_create(32, NULL);
    m->mctx = pcre2_match_context_create(NULL);
    m->jit = pcre2_jit_stack_create(32 * 1024, FL_JIT_STACK_MAX, NULL);
    if (!m->md || !m->mctx) {
        fputs("filinglint: out of memory\n", stderr);
        abort();
    }
    pcre2_set_match_limit(m->mctx, FL_MATCH_LIMIT);
    pcre2_set_depth_limit(m->mctx, FL_DEPTH_LIMIT);
    pcre2_set_heap_limit(m->mctx, FL_HEAP_LIMIT_KIB);
    if (m->jit) pcre2_jit_stack_assign(m->mctx, NULL, m->jit);
}

void fl_matcher_fini(fl_matcher *m)
{
    pcre2_match_data_free(m->md);
    pcre2_match_context_free(m->mctx);
    pcre2_jit_stack_free(m->jit);
    memset(m, 0, sizeof *m);
}

#ifdef FL_PATTERN_PROFILE
/* A profiling aid, off unless built with -DFL_PATTERN_PROFILE (bench/README.md,
 * "cost per pattern"): the time pcre2_match spends in each pattern, printed to
 * stderr at exit. callgrind cannot say which pattern JIT code belongs to.
 * Single-threaded runs only (-j1): the table is not locked. */
#include <stdint.h>
#include <time.h>
typedef struct prof {
    const fl_pattern *p;
    char *source; /* copied: the ruleset is freed before exit */
    int line;
    unsigned long calls;
    double ns;
} prof;
static prof prof_tab[4096];
static size_t prof_n;

static void prof_dump(void)
{
    for (size_t i = 0; i < 4096; i++)
        if (prof_tab[i].p)
            fprintf(stderr, "pattern-profile\t%.3f ms\t%lu calls\tline %d\t%s\n", prof_tab[i].ns / 1e6,
                    prof_tab[i].calls, prof_tab[i].line, prof_tab[i].source);
}

static prof *prof_of(const fl_pattern *p)
{
    static prof overflow;
    if (prof_n >= 4000) return &overflow; /* never a full table */
    size_t h = ((uintptr_t)p >> 4) % 4096;
    while (prof_tab[h].p && prof_tab[h].p != p) h = (h + 1) % 4096;
    if (!prof_tab[h].p) {
        if (!prof_n++) atexit(prof_dump);
        prof_tab[h].p = p;
        prof_tab[h].line = p->line;
        prof_tab[h].source = strdup(p->source ? p->source : "");
    }
    return &prof_tab[h];
}
#endif

int fl_pattern_find(fl_matcher *m, const fl_pattern *p, const char *subject, size_t len,
                    size_t from, size_t *ms, size_t *me)
{
    if (from > len) return 0;
#ifdef FL_PATTERN_PROFILE
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
#endif
    int rc = pcre2_match(p->code, (PCRE2_SPTR)subject, len, from, PCRE2_NO_UTF_CHECK, m->md, m->mctx);
#ifdef FL_PATTERN_PROFILE
    clock_gettime(CLOCK_MONOTONIC, &t1);
    prof *pr = prof_of(p);
    pr->calls++;
    pr->ns += (double)(t1.tv_sec - t0.tv_sec) * 1e9 + (double)(t1.tv_nsec - t0.tv_nsec);
#endif
    if (rc == PCRE2_ERROR_NOMATCH) return 0;
    if (rc < 0) return -1;
    /* rc == 0: more groups than the ovector holds; the whole match is still there. */
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(m->md);
    *ms = ov[0];
    *me = ov[1];
    if (*me < *ms) *me = *ms; /* \K tricks */
    return 1;
}

size_t fl_matcher_attempt(const fl_matcher *m) { return pcre2_get_startchar(m->md); }

int fl_pattern_test(fl_matcher *m, const fl_pattern *p, const char *s, size_t len)
{
    size_t a, b;
    return fl_pattern_find(m, p, s, len, 0, &a, &b);
}
