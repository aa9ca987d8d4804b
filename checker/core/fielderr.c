/* Word's field-error texts (fielderr.h). */
#include "core/fielderr.h"
#include <string.h>

size_t fl_field_error_suffix(const char *s, size_t len)
{
    static const char *const texts[] = {
        "错误！未定义书签。", "错误!未定义书签。", "错误！未找到引用源。", "错误!未找到引用源。",
        "错误！未定义书签", "错误!未定义书签", "Error! Bookmark not defined.", "Error! Reference source not found.",
    };
    while (len && (s[len - 1] == ' ' || s[len - 1] == '\t' || s[len - 1] == '\r' || s[len - 1] == '\n')) len--;
    for (size_t k = 0; k < sizeof texts / sizeof *texts; k++) {
        size_t m = strlen(texts[k]);
        if (m <= len && !memcmp(s + len - m, texts[k], m)) return m;
    }
    return 0;
}
