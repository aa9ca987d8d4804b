/* A growable list of malloc'd strings, for the commands' option lists,
 * file lists and config settings. The list owns its strings. */
#ifndef FL_STRLIST_H
#define FL_STRLIST_H
#include <stdlib.h>
#include <string.h>
#include "core/arena.h"

typedef struct fl_strlist { char **v; size_t n, cap; } fl_strlist;

static inline void fl_strlist_push(fl_strlist *l, const char *s)
{
    FL_VEC_RESERVE(l->v, l->cap, l->n + 1);
    l->v[l->n++] = fl_xstrdup(s);
}

static inline void fl_strlist_free(fl_strlist *l)
{
    for (size_t i = 0; i < l->n; i++) free(l->v[i]);
    free(l->v);
    memset(l, 0, sizeof *l);
}
#endif
