/* Edit distance (editdist.h): optimal string alignment, three rows of
 * a small fixed size; longer names are simply too far from anything. */
#include "core/editdist.h"
#include <string.h>

#define MAXLEN 64

size_t fl_edit_distance(const char *a, const char *b, size_t max)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > MAXLEN || lb > MAXLEN) return max + 1;
    if ((la > lb ? la - lb : lb - la) > max) return max + 1;
    size_t rows[3][MAXLEN + 1];
    size_t *pp = rows[0], *p = rows[1], *c = rows[2];
    for (size_t j = 0; j <= lb; j++) p[j] = j;
    for (size_t i = 1; i <= la; i++) {
        c[0] = i;
        size_t low = c[0];
        for (size_t j = 1; j <= lb; j++) {
            size_t cost = a[i - 1] != b[j - 1];
            size_t d = p[j - 1] + cost;
            if (p[j] + 1 < d) d = p[j] + 1;
            if (c[j - 1] + 1 < d) d = c[j - 1] + 1;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] && pp[j - 2] + 1 < d) d = pp[j - 2] + 1;
            c[j] = d;
            if (d < low) low = d;
        }
        if (low > max) return max + 1; /* every path is already too long */
        size_t *t = pp;
        pp = p, p = c, c = t;
    }
    return p[lb] > max ? max + 1 : p[lb];
}

size_t fl_nearest(const char *word, const char *const *names, size_t n, size_t max, const char **out, size_t cap)
{
    size_t best = max + 1, k = 0;
    for (size_t i = 0; i < n; i++) {
        size_t d = fl_edit_distance(word, names[i], best < max ? best : max);
        if (d > max || d > best) continue;
        if (d < best) best = d, k = 0;
        if (k < cap) out[k++] = names[i];
    }
    return k;
}
