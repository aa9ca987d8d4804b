/* Personal data of members of the public in a 公众参与说明 that is published
 * in full (EIA407): full 公民身份号码 and full mobile numbers, as opposed to
 * the masked forms published documents use (4301**********1234,
 * 138****5678). Landlines (0536-5221234) are not personal mobiles. Pure
 * functions over label-normalised or normalised text. */
#ifndef FL_PPDATA_H
#define FL_PPDATA_H
#include <stdbool.h>
#include <stddef.h>
#include "core/arena.h"

/* The first full 18-character 公民身份号码 in t[from, len): 17 digits and a
 * check character, not part of a longer run of letters and digits, with a
 * birth date that exists (and, when strict, a right check character; a
 * column headed 身份证 needs no such proof). Returns its length (18), 0 when
 * none; *at is its offset. */
size_t fl_pp_find_id(const char *t, size_t len, size_t from, bool strict, size_t *at);

/* The first full mobile number in t[from, len): 11 digits 1[3-9]…, spaces or
 * dashes allowed between the groups (138 0536 1234, 138-0536-1234), an
 * optional +86 in front; none of them masked. Returns the bytes it spans, 0
 * when none; *at is its offset. */
size_t fl_pp_find_mobile(const char *t, size_t len, size_t from, size_t *at);

/* The digits of t[a, a+n) shown masked, for messages that must not repeat
 * the number: an ID as its first 4 and last 4 characters around *, a mobile
 * as its first 3 and last 4 (4301**********1234, 138****5678). */
const char *fl_pp_masked(fl_arena *arena, const char *t, size_t a, size_t n);
#endif
