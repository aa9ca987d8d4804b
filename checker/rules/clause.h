/* Clauses: the parts of a sentence between commas. Who a statement is about
 * and whether it is negated are decided there ("现有工程已建成，本项目…",
 * "向东流经嘉兴市后汇入京杭运河，…"). Used by the publicity and places kinds. */
#ifndef FL_CLAUSE_H
#define FL_CLAUSE_H
#include <stddef.h>

/* The clause of normalised text t holding offset off, inside the sentence
 * [a, e): from after the last comma (, or ，) before off to the first one
 * after it. */
void fl_text_clause(const char *t, size_t a, size_t e, size_t off, size_t *ca, size_t *ce);
#endif
