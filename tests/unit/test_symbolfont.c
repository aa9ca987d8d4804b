/* Unit tests for input/symbolfont: a PDF line's symbol-font characters
 * (fl_symbol_pdf_line). The shapes are LibreOffice's prints of 报告表
 * templates whose checkboxes are Wingdings 2 symbols: the marks come as
 * U+F052 (☑) and U+F0A3 (□) in OpenSymbol or a CJK font, or as a bare
 * U+00A3 drawn in OpenSymbol, while Symbol's ≤ ± μ of the same filing come
 * as U+F0A3, U+F0B1 and an 'm' in OpenSymbol. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "core/buf.h"
#include "core/utf8.h"
#include "input/symbolfont.h"

#define OS "ABCDEF+OpenSymbol"
#define CJK "GHIJKL+NotoSansCJKjp-Regular"

/* A line written as UTF-8 with each symbol code given by a marker: '@' is
 * U+F052, '#' U+F0A3, '$' U+F0B1, '~' U+00A3, '^' 'm' (all in the font
 * sym_font); other characters in the text font. Returns the line read. */
static char *read_line(const char *in, const char *sym_font, char *out, size_t cap)
{
    const char *fonts[128] = {0};
    uint32_t chars[128] = {0};
    size_t n = 0;
    for (size_t i = 0; in[i] && n < 128;) {
        uint32_t cp;
        size_t len = fl_utf8_decode(in + i, strlen(in + i), &cp);
        i += len ? len : 1;
        const char *font = sym_font;
        switch (cp) {
        case '@': cp = 0xF052; break;
        case '#': cp = 0xF0A3; break;
        case '$': cp = 0xF0B1; break;
        case '~': cp = 0xA3; break;
        case '^': cp = 'm'; break;
        default: font = "ABCDEF+SimSun";
        }
        fonts[n] = font;
        chars[n++] = cp;
    }
    fl_symbol_pdf_line(fonts, chars, n);
    fl_buf b = FL_BUF_INIT;
    for (size_t i = 0; i < n; i++) fl_buf_addcp(&b, chars[i]);
    snprintf(out, cap, "%s", b.data ? b.data : "");
    fl_buf_free(&b);
    return out;
}

#define READS(in, font, want)                                                                                  \
    do {                                                                                                       \
        char got_[512];                                                                                        \
        assert_string_equal(read_line(in, font, got_, sizeof got_), want);                                     \
    } while (0)

/* checkbox rows: the marks before their option words */
static void test_boxes(void **state)
{
    (void)state;
    READS("@新建（迁建） #改建 #扩建 #技术改造", OS, "☑新建（迁建） ☐改建 ☐扩建 ☐技术改造");
    READS("@新建 #改建", CJK, "☑新建 ☐改建");       /* the glyphs of a CJK font */
    READS("@ 否 ~是：", OS, "☑ 否 ☐是：");         /* a bare £ drawn in OpenSymbol */
    READS("是否开工建设 #", OS, "是否开工建设 ☐");   /* a box ends the line */
    READS("@0类 #1类 #2类", OS, "☑0类 ☐1类 ☐2类"); /* before numbers, a ticked and an empty one */
    READS("□1类 #2类", OS, "□1类 ☐2类");            /* before a number, on a line with boxes */
}

/* Symbol's characters of the same prints stay what they are */
static void test_symbols(void **state)
{
    (void)state;
    READS("细度#10^m", OS, "细度≤10μm");
    READS("昼间#65dB(A)、夜间#55dB(A)", OS, "昼间≤65dB(A)、夜间≤55dB(A)"); /* two ≤, no box */
    READS("固含量50$2%", OS, "固含量50±2%");
    READS("31^g/m3", OS, "31μg/m3");
    READS("售价~12", "ABCDEF+SimSun", "售价£12"); /* a pound sign in a text font is one */
}

/* a named symbol font reads by its own table, whatever follows */
static void test_named_fonts(void **state)
{
    (void)state;
    READS("@12", "ABCDEF+Wingdings2", "☑12");
    const char *fonts[] = {"Wingdings-Regular", "ABCDEF+SimSun"};
    uint32_t chars[] = {0xF0FE, '5'}; /* Word's export: Wingdings þ, ☑ */
    fl_symbol_pdf_line(fonts, chars, 2);
    assert_int_equal(chars[0], 0x2611);
    assert_int_equal(chars[1], '5');
    READS("#限值", "SymbolMT", "≤限值");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_boxes),
        cmocka_unit_test(test_symbols),
        cmocka_unit_test(test_named_fonts),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
