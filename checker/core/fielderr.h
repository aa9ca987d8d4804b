/* What Word leaves where a field's result should be: a contents list updated
 * after its bookmarks were deleted shows "错误！未定义书签。" (English Word:
 * "Error! Bookmark not defined.") instead of the page number, and a broken
 * cross-reference "错误！未找到引用源。" ("Error! Reference source not
 * found."). Filings are published with them; readers must take them for
 * the page number they stand for, not for text. */
#ifndef FL_FIELDERR_H
#define FL_FIELDERR_H
#include <stddef.h>

/* Bytes of such an error text at the end of s[0..len) (trailing white
 * space not counted, full- or half-width '!'), 0 when there is none. */
size_t fl_field_error_suffix(const char *s, size_t len);
#endif
