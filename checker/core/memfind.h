/* Finding bytes in bytes. Rules look for Chinese words in sentences, and
 * every Han character in UTF-8 starts with one of a few lead bytes, so a
 * search that stops at each byte equal to the word's first byte (memchr,
 * then memcmp) stops at nearly every character; the system's memmem does
 * not. One function, so that no kind writes its own loop again. */
#ifndef FL_MEMFIND_H
#define FL_MEMFIND_H
#include <stddef.h>

/* The first occurrence of needle[0..nl) in hay[0..hl), NULL when none;
 * an empty needle is found at hay. */
const char *fl_memfind(const char *hay, size_t hl, const char *needle, size_t nl);
#endif
