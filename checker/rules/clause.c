/* Clauses of a sentence (see clause.h). */
#include "rules/clause.h"
#include <string.h>

void fl_text_clause(const char *t, size_t a, size_t e, size_t off, size_t *ca, size_t *ce)
{
    *ca = a;
    *ce = e;
    for (size_t i = a; i < e; i++) {
        int w = t[i] == ',' ? 1 : (i + 3 <= e && !memcmp(t + i, "\xEF\xBC\x8C", 3)) ? 3 : 0; /* ， */
        if (!w) continue;
        if (i < off) *ca = i + (size_t)w;
        else {
            *ce = i;
            break;
        }
    }
}
