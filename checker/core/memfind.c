/* memmem is not ISO C but every system we build on has it (glibc, musl,
 * the BSDs, macOS); _GNU_SOURCE declares it on glibc. Kept to this file so
 * the rest of the code stays on POSIX. */
#define _GNU_SOURCE
#include <string.h>
#include "core/memfind.h"

const char *fl_memfind(const char *hay, size_t hl, const char *needle, size_t nl)
{
    if (!nl) return hay;
    if (nl > hl) return NULL;
    return memmem(hay, hl, needle, nl);
}
