/* Symbol, Wingdings and Wingdings 2 tables, reduced to what filings use:
 * Greek letters and math signs (μg/m³ typed as 'm' in Symbol, ± ≤ ≥ × °) and
 * checkbox glyphs. Other codes pass through unchanged.
 *
 * The same tables read a PDF's symbol characters. A 报告表 template types
 * its checkboxes as Wingdings 2 symbols (R for ☑, £ for □). Word's export
 * embeds Wingdings 2; LibreOffice draws the marks with glyphs of its
 * OpenSymbol font or of a CJK font, and in both the text it writes is the
 * symbol's code plus U+F000 (U+F052, U+F0A3), or the bare code (U+00A3, a
 * "£" drawn in OpenSymbol), which MuPDF gives as they are: every option of
 * 建设性质 read as not ticked. Symbol's ≤ and ± come out the same way
 * (U+F0A3, U+F0B1), so where the font does not say, what follows decides. */
#include "input/symbolfont.h"
#include <stdbool.h>
#include <stddef.h>
#include <string.h>
#include <strings.h>

typedef struct { unsigned char code; uint32_t cp; } sym_entry;

static const char greek_upper[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
static const uint32_t greek_upper_cp[26] = {
    0x391, 0x392, 0x3A7, 0x394, 0x395, 0x3A6, 0x393, 0x397, 0x399, 0x3D1, 0x39A, 0x39B, 0x39C,
    0x39D, 0x39F, 0x3A0, 0x398, 0x3A1, 0x3A3, 0x3A4, 0x3A5, 0x3C2, 0x3A9, 0x39E, 0x3A8, 0x396};
static const uint32_t greek_lower_cp[26] = {
    0x3B1, 0x3B2, 0x3C7, 0x3B4, 0x3B5, 0x3C6, 0x3B3, 0x3B7, 0x3B9, 0x3D5, 0x3BA, 0x3BB, 0x3BC,
    0x3BD, 0x3BF, 0x3C0, 0x3B8, 0x3C1, 0x3C3, 0x3C4, 0x3C5, 0x3D6, 0x3C9, 0x3BE, 0x3C8, 0x3B6};

static const sym_entry symbol_tab[] = {
    {0x22, 0x2200}, {0x24, 0x2203}, {0x27, 0x220B}, {0x2A, 0x2217}, {0x2D, 0x2212},
    {0x40, 0x2245}, {0x5C, 0x2234}, {0x5E, 0x22A5}, {0xA2, 0x2032}, {0xA3, 0x2264},
    {0xA5, 0x221E}, {0xAC, 0x2190}, {0xAD, 0x2191}, {0xAE, 0x2192}, {0xAF, 0x2193},
    {0xB0, 0x00B0}, {0xB1, 0x00B1}, {0xB2, 0x2033}, {0xB3, 0x2265}, {0xB4, 0x00D7},
    {0xB5, 0x221D}, {0xB6, 0x2202}, {0xB7, 0x2022}, {0xB8, 0x00F7}, {0xB9, 0x2260},
    {0xBA, 0x2261}, {0xBB, 0x2248}, {0xC5, 0x2295}, {0xD6, 0x221A}, {0xD7, 0x22C5},
    {0xE5, 0x2211}, {0xF2, 0x222B},
};
static const sym_entry wingdings_tab[] = {
    {0x6E, 0x25A0}, {0x6F, 0x2610}, {0x71, 0x2610}, {0x78, 0x2612}, {0x9F, 0x2022},
    {0xA8, 0x2610}, {0xFB, 0x2717}, {0xFC, 0x2714}, {0xFD, 0x2612}, {0xFE, 0x2611},
    {0x6C, 0x25CF}, {0xA4, 0x25C9},
};
static const sym_entry wingdings2_tab[] = {
    {0x4F, 0x2717}, {0x50, 0x2713}, {0x51, 0x2717}, {0x52, 0x2611}, {0x53, 0x2612},
    {0x54, 0x2612}, {0xA3, 0x2610}, {0xA2, 0x25A0}, {0xA8, 0x25A3}, {0x95, 0x2022},
    {0x96, 0x25CF}, {0x6A, 0x2460}, {0x6B, 0x2461}, {0x6C, 0x2462}, {0x6D, 0x2463},
};

static uint32_t lookup(const sym_entry *t, size_t n, unsigned code)
{
    for (size_t i = 0; i < n; i++)
        if (t[i].code == code) return t[i].cp;
    return 0;
}

int fl_symbol_font(const char *font)
{
    return font && (!strcasecmp(font, "Symbol") || !strncasecmp(font, "Wingdings", 9) ||
                    !strcasecmp(font, "Webdings"));
}

uint32_t fl_symbol_map(const char *font, uint32_t code)
{
    uint32_t c = (code >= 0xF000 && code <= 0xF0FF) ? code - 0xF000 : code;
    if (!font || c > 0xFF) return c;
    uint32_t r = 0;
    if (!strcasecmp(font, "Symbol")) {
        const char *p = (c >= 'A' && c <= 'Z') ? strchr(greek_upper, (int)c) : NULL;
        if (p) return greek_upper_cp[p - greek_upper];
        if (c >= 'a' && c <= 'z') return greek_lower_cp[c - 'a'];
        r = lookup(symbol_tab, sizeof symbol_tab / sizeof *symbol_tab, c);
    } else if (!strcasecmp(font, "Wingdings 2")) {
        r = lookup(wingdings2_tab, sizeof wingdings2_tab / sizeof *wingdings2_tab, c);
    } else if (!strcasecmp(font, "Wingdings")) {
        r = lookup(wingdings_tab, sizeof wingdings_tab / sizeof *wingdings_tab, c);
    }
    return r ? r : c;
}

/* ---- PDF ---------------------------------------------------------------------- */

/* A PDF font name as the tables know it: the subset tag (ABCDEF+) and a
 * style (-Regular, ,Bold) off; "Wingdings2" is Wingdings 2. */
static const char *pdf_font_kind(const char *name)
{
    if (!name) return NULL;
    const char *plus = strchr(name, '+');
    if (plus && plus - name == 6) name = plus + 1;
    if (!strncasecmp(name, "OpenSymbol", 10)) return "OpenSymbol";
    if (!strncasecmp(name, "Wingdings", 9)) {
        const char *t = name + 9;
        if (*t == ' ' || *t == '-') t++;
        return *t == '2' ? "Wingdings 2" : "Wingdings";
    }
    if (!strncasecmp(name, "Symbol", 6) && (!name[6] || name[6] == '-' || name[6] == ',' || !strcasecmp(name + 6, "MT")))
        return "Symbol";
    return NULL;
}

/* The checkbox or check mark a code is in Wingdings 2, else in Wingdings;
 * 0 none. */
static uint32_t box_of(unsigned code)
{
    static const uint32_t marks[] = {0x2610, 0x2611, 0x2612, 0x25A0, 0x25A3, 0x2713, 0x2714, 0x2717};
    uint32_t r = lookup(wingdings2_tab, sizeof wingdings2_tab / sizeof *wingdings2_tab, code);
    if (!r) r = lookup(wingdings_tab, sizeof wingdings_tab / sizeof *wingdings_tab, code);
    for (size_t i = 0; i < sizeof marks / sizeof *marks; i++)
        if (marks[i] == r) return r;
    return 0;
}

static bool is_box(uint32_t c) { return (c >= 0x2610 && c <= 0x2612) || c == 0x25A1 || c == 0x25A0 || c == 0x25A3; }

static bool opens_option(uint32_t c) /* a CJK character: the option's word */
{
    return (c >= 0x3400 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x3000 && c <= 0x303F) ||
           (c >= 0xFF00 && c <= 0xFFEF);
}

void fl_symbol_pdf_line(const char *const *fonts, uint32_t *chars, size_t n)
{
    enum { PENDING = 0x80000000u }; /* a box before a number: decided by the line */
    bool boxes = false;
    for (size_t i = 0; i < n; i++) {
        uint32_t c = chars[i];
        const char *kind = pdf_font_kind(fonts[i]);
        if (is_box(c)) boxes = true;
        unsigned code;
        if (c >= 0xF020 && c <= 0xF0FF) code = c - 0xF000;
        else if (kind && c >= 0x20 && c <= 0xFF) code = c;
        else continue;
        if (kind && strcmp(kind, "OpenSymbol")) { /* the symbol font itself: its own table */
            chars[i] = fl_symbol_map(kind, code);
            boxes |= is_box(chars[i]);
            continue;
        }
        uint32_t box = box_of(code);
        if (!box) {
            chars[i] = fl_symbol_map("Symbol", code);
            continue;
        }
        size_t j = i + 1;
        while (j < n && (chars[j] == ' ' || chars[j] == 0xA0 || chars[j] == 0x3000)) j++;
        if (j == n || opens_option(chars[j]) || is_box(chars[j]) || (chars[j] >= 0xF020 && chars[j] <= 0xF0FF)) {
            chars[i] = box;
            boxes = true;
        } else if (chars[j] >= '0' && chars[j] <= '9') {
            chars[i] = PENDING | code;
        } else {
            chars[i] = fl_symbol_map("Symbol", code);
        }
    }
    /* before numbers only: boxes when a ticked and an empty one are among
     * them (☑1类 □2类), not two ≤ of one line (昼间≤65、夜间≤55) */
    bool ticked = false, empty = false;
    for (size_t i = 0; i < n; i++)
        if (chars[i] & PENDING) {
            uint32_t b = box_of(chars[i] & 0xFF);
            if (b == 0x2610) empty = true;
            else ticked = true;
        }
    boxes |= ticked && empty;
    for (size_t i = 0; i < n; i++)
        if (chars[i] & PENDING) {
            unsigned code = chars[i] & 0xFF;
            chars[i] = boxes ? box_of(code) : fl_symbol_map("Symbol", code);
        }
}
