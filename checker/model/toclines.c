/* Lines of a table of contents (toclines.h). */
#include "model/toclines.h"
#include "core/arena.h"
#include "core/fielderr.h"
#include "core/norm.h"
#include "core/utf8.h"
#include <stdlib.h>
#include <string.h>

#define MAX_KEY_CP FL_TOC_MAX_KEY_CP

/* ---- page numbers at the end of a line --------------------------------- */

static bool is_leader(uint32_t cp)
{
    return cp == '.' || cp == 0x2026 || cp == 0x22EF || cp == 0x00B7 || cp == 0x2025 ||
           cp == '_' || cp == '-' || cp == 0x30FB || cp == 0x2022;
}

static size_t prev_cp(const char *s, size_t i)
{
    do i--; while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80);
    return i;
}

static uint32_t cp_at(const char *s, size_t len, size_t i)
{
    uint32_t cp;
    fl_utf8_decode(s + i, len - i, &cp);
    return fl_norm_cp(cp);
}

static bool is_han(uint32_t cp)
{
    return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0xF900 && cp <= 0xFAFF);
}


/* Page-number characters: digits, the letters OCR reads for them (l, I for 1;
 * O, o for 0) and lower/upper roman numerals of front matter. */
static bool pagey(uint32_t cp)
{
    return (cp >= '0' && cp <= '9') || cp == 'l' || cp == 'I' || cp == 'O' || cp == 'o' || cp == 'i' ||
           cp == 'v' || cp == 'x' || cp == 'V' || cp == 'X';
}

/* Titles that end in a word a number belongs to: 附图 1, 第 3, 见表 2. */
static bool number_owner(uint32_t cp)
{
    static const uint32_t owners[] = {0x56FE, 0x8868, 0x4EF6, 0x5F55, 0x7B2C, 0x53F7, 0x7AE0, 0x8282,
                                      0x6761, 0x6B3E, 0x9875}; /* 图表件录第号章节条款页 */
    for (size_t k = 0; k < sizeof owners / sizeof *owners; k++)
        if (cp == owners[k]) return true;
    return false;
}

/* Split "一、建设项目基本情况……………1", "3.1环境保护目标11", "总则 ..... l7",
 * "前言……ii" or "评价适用标准 (9)" into content, separator and page number. */
fl_toc_tail fl_toc_page_tail(const char *s, size_t len)
{
    fl_toc_tail t = {len, TAIL_NONE, false, false, -1};
    size_t i = len;
    while (i > 0 && cp_at(s, len, prev_cp(s, i)) == ' ') i = prev_cp(s, i); /* tabs too */
    t.content_end = i;
    if (i == 0) return t;
    size_t err = fl_field_error_suffix(s, i); /* Word's 错误！未定义书签。 for the page */
    if (err) {
        i -= err;
        while (i > 0 && (is_leader(cp_at(s, len, prev_cp(s, i))) || cp_at(s, len, prev_cp(s, i)) == ' '))
            i = prev_cp(s, i);
        if (i == 0) return t;
        t.kind = TAIL_STRONG;
        t.content_end = i;
        return t;
    }
    bool paren = cp_at(s, len, prev_cp(s, i)) == ')';
    if (paren) i = prev_cp(s, i);
    /* the number, read backwards; single spaces between digits ("2 1") are OCR damage */
    char tok[8];
    size_t nt = 0;
    while (i > 0 && nt < sizeof tok) {
        size_t p = prev_cp(s, i);
        uint32_t cp = cp_at(s, len, p);
        if (cp == ' ' && nt && tok[nt - 1] >= '0' && tok[nt - 1] <= '9' && p > 0 && s[p] == ' ') {
            uint32_t before = cp_at(s, len, prev_cp(s, p));
            if (before >= '0' && before <= '9') { i = p; continue; }
        }
        if (!pagey(cp)) break;
        tok[nt++] = (char)cp;
        i = p;
    }
    if (nt == 0 || nt == sizeof tok) return t;
    if (i > 0) { /* the number must not be the end of a word: PM10, NOx, SO2 */
        uint32_t cp = cp_at(s, len, prev_cp(s, i));
        if ((cp < 0x80 && ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z')) || (cp >= '0' && cp <= '9')) return t;
    }
    /* digits with OCR letters (l7, 1O, I2; a lone l or I) or roman numerals (ii, IV) */
    int digits = 0, lo = 0, cap_i = 0, roman = 0, value = 0;
    for (size_t k = nt; k-- > 0;) { /* tok is reversed */
        char ch = tok[k];
        if (ch >= '0' && ch <= '9') { digits++; value = value * 10 + (ch - '0'); }
        else if (ch == 'l' || ch == 'O' || ch == 'o') { lo++; value = value * 10 + (ch == 'l'); }
        else if (ch == 'I') { cap_i++; value = value * 10 + 1; }
        else roman++;
    }
    bool numeric = roman == 0 && (digits > 0 || nt == 1) && nt <= 4;
    bool is_roman = !numeric && digits == 0 && lo == 0 && nt <= 5;
    if (!numeric && !is_roman) return t;
    t.exact = numeric && lo == 0 && cap_i == 0;
    t.page = numeric ? value : -1;
    if (paren) {
        if (!t.exact || i == 0 || cp_at(s, len, prev_cp(s, i)) != '(') return t;
        i = prev_cp(s, i);
    }
    size_t after_number = i;
    int dots = 0, dashes = 0;
    bool tab = false, space = false;
    while (i > 0) {
        size_t p = prev_cp(s, i);
        uint32_t cp = cp_at(s, len, p);
        if (s[p] == '\t') tab = true;
        else if (cp == ' ') space = true;
        else if (cp == '-') dashes++;
        else if (is_leader(cp)) dots += (cp == 0x2026 || cp == 0x22EF) ? 2 : 1;
        else break;
        i = p;
    }
    /* a 破折号 (——) before a number is punctuation; a row of dashes is a leader */
    if (dashes >= 3) dots += dashes;
    else if (dashes && !space && !tab && dots < 2) return t;
    if (i == 0) return t; /* "12", "……5": no content */
    uint32_t last = cp_at(s, len, prev_cp(s, i));
    if (dots >= 2 || tab) {
        t.kind = TAIL_STRONG;
    } else if (space) {
        if (!t.exact || digits > 3 || number_owner(last)) return t;
        t.kind = TAIL_SPACED;
    } else if (i == after_number) {
        /* glued: only a short number right after a Han character or a closing bracket */
        if (!t.exact || digits > 3 || number_owner(last) || !(is_han(last) || last == ')' || last == 0x300B))
            return t;
        t.kind = TAIL_GLUED;
    } else {
        return t; /* "2024.5", "GB 3095-2012" */
    }
    t.leaders = dots >= 2;
    t.content_end = i;
    return t;
}

/* ---- keys: what a contents entry and its heading in the body share ------ */

/* Normalised text of s[0, end) without white space, '*', trailing leaders
 * and colon, hashed; 0 when it is empty or longer than MAX_KEY_CP. */
uint64_t fl_toc_key_of(const char *s, size_t end)
{
    while (end > 0) {
        uint32_t cp = cp_at(s, end, prev_cp(s, end));
        if (cp != ' ' && cp != ':' && cp != '*' && !is_leader(cp)) break;
        end = prev_cp(s, end);
    }
    uint64_t h = 1469598103934665603ull;
    size_t count = 0;
    for (size_t i = 0; i < end;) {
        uint32_t cp;
        i += fl_utf8_decode(s + i, end - i, &cp);
        cp = fl_norm_cp(cp);
        if (cp == 0 || cp == ' ' || cp == '*') continue;
        if (++count > MAX_KEY_CP) return 0;
        for (int k = 0; k < 4; k++) {
            h ^= (cp >> (8 * k)) & 0xFF;
            h *= 1099511628211ull;
        }
    }
    return count ? (h | 1) : 0;
}

void fl_toc_keys_free(fl_toc_keys *k)
{
    free(k->hash);
    free(k->last);
    free(k->toc);
    free(k->slots);
}

static size_t key_slot(const fl_toc_keys *k, uint64_t h, size_t nslots, const uint32_t *slots)
{
    size_t i = (size_t)(h ^ (h >> 29)) & (nslots - 1);
    while (slots[i] && k->hash[slots[i] - 1] != h) i = (i + 1) & (nslots - 1);
    return i;
}

uint32_t fl_toc_key_id(fl_toc_keys *k, uint64_t h)
{
    if (!h) return 0;
    if (2 * (k->n + 1) > k->nslots) {
        size_t ns = k->nslots ? 2 * k->nslots : 64;
        uint32_t *slots = fl_xcalloc(ns, sizeof *slots);
        for (size_t i = 0; i < k->n; i++) slots[key_slot(k, k->hash[i], ns, slots)] = (uint32_t)i + 1;
        free(k->slots);
        k->slots = slots;
        k->nslots = ns;
    }
    size_t i = key_slot(k, h, k->nslots, k->slots);
    if (!k->slots[i]) {
        if (k->n == k->cap) {
            k->cap = k->cap ? 2 * k->cap : 64;
            k->hash = fl_xrealloc(k->hash, k->cap * sizeof *k->hash);
            k->last = fl_xrealloc(k->last, k->cap * sizeof *k->last);
            k->toc = fl_xrealloc(k->toc, k->cap * sizeof *k->toc);
        }
        k->hash[k->n] = h;
        k->last[k->n] = -1;
        k->toc[k->n] = false;
        k->slots[i] = (uint32_t)++k->n;
    }
    return k->slots[i];
}
