/* Money amounts as filings write them, normalised to 万元. */
#ifndef FL_AMOUNT_H
#define FL_AMOUNT_H
#include <stddef.h>

/* Parse an amount starting at s: "1,234.5万元", "1234.5 万元", "３００万元",
 * "12000元", "1.2亿元", "1.2亿", "500万". With unit_default (e.g. a column
 * headed 万元) a bare number is accepted in that unit (1 = 元, 10000 = 万元...
 * expressed as the multiplier to 元); 0 means a unit is required.
 * Returns bytes consumed, 0 if none; *wan is the value in 万元. */
size_t fl_amount_parse(double *wan, const char *s, size_t len, double unit_default);
/* Find the first amount with a unit in s; sets *start; returns bytes or 0. */
size_t fl_amount_find(double *wan, const char *s, size_t len, size_t *start);
#endif
