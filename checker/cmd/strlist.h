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

/* --select / --ignore values and their config settings are comma lists
 * ("EIA1, DOC"): push each id or prefix, trimmed of spaces, empty ones
 * left out. Done once where a list is read, so that every use compares
 * whole items. */
static inline void fl_strlist_push_split(fl_strlist *l, const char *s)
{
    for (const char *p = s; *p;) {
        const char *q = strchr(p, ',');
        size_t len = q ? (size_t)(q - p) : strlen(p);
        while (len && *p == ' ') p++, len--;
        while (len && p[len - 1] == ' ') len--;
        if (len) {
            FL_VEC_RESERVE(l->v, l->cap, l->n + 1);
            char *item = fl_xmalloc(len + 1);
            memcpy(item, p, len);
            item[len] = '\0';
            l->v[l->n++] = item;
        }
        p = q ? q + 1 : p + strlen(p);
    }
}

static inline void fl_strlist_free(fl_strlist *l)
{
    for (size_t i = 0; i < l->n; i++) free(l->v[i]);
    free(l->v);
    memset(l, 0, sizeof *l);
}
#endif
