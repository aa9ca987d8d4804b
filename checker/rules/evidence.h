/* Evidence: what a document says about itself, looked for in the places a
 * rule names — its title lines, some of its fields, the text of a scope —
 * sentence by sentence, so that a sentence that denies it ("本项目不涉及
 * 地下水修复") can be left out with `unless`. Kinds use it for conditions
 * ("a 风险管控/修复 project"), for choosing a limit by project type, and for
 * items stated in a field or a sentence rather than under a heading.
 *
 * XML attributes read by fl_evidence_parse (the match attribute's name is the
 * caller's: match, when, text):
 *   in="title fields text"   where to look (default chosen by the caller)
 *   fields="项目类型 项目名称"   which fields (a trailing unit group such as
 *                            (万元) in the filing's label is ignored); each
 *                            is tested as "name:value"
 *   unless="不涉及|未涉及"      a sentence where this matches does not count
 *   scope=... exclude=...    the text searched (default: the caller's scope)
 *
 * Ownership: everything lives in the ruleset arena (parse) or the scan's
 * per-document arena (run). */
#ifndef FL_EVIDENCE_H
#define FL_EVIDENCE_H
#include "rules/kind.h"

enum { FL_EV_TITLE = 1u, FL_EV_FIELDS = 2u, FL_EV_TEXT = 4u };

typedef struct fl_evidence {
    const fl_pattern *match;  /* NULL: there is nothing to look for */
    const fl_pattern *unless;
    unsigned in;              /* FL_EV_* */
    const char **fields;
    size_t nfields;
    fl_scope_spec scope;      /* FL_EV_TEXT: the blocks searched */
    bool skip_headings;       /* FL_EV_TEXT: headings are not text */
} fl_evidence;

/* Where evidence was found. block -1: a title line or field was not located. */
typedef struct fl_evidence_at {
    int block;
    size_t start, end; /* normalised offsets of the match in block */
} fl_evidence_at;

/* Read match_attr, in, fields, unless and (when scope is NULL) scope/exclude/
 * parts from el. default_in applies when `in` is absent; a given scope is
 * copied as the text scope. */
int fl_evidence_parse(fl_evidence *ev, const xmlNode *el, fl_loader *ld, const char *match_attr,
                      unsigned default_in, const fl_scope_spec *scope, fl_error *err);
/* 1 found (at filled when not NULL), 0 not, -1 a pattern limit was hit. */
int fl_evidence_find(fl_scan *s, const fl_evidence *ev, fl_evidence_at *at);
/* "依据：..." style line for explain, prefixed by what. */
void fl_evidence_describe(const fl_evidence *ev, const char *what, FILE *out);

/* Does the field name equal one of names, ignoring a trailing "(unit)" group
 * of the field's label? *unit (may be NULL) gets that group's text or "". */
bool fl_evidence_field_named(const char *field, const char *const *names, size_t n, const char **unit);
/* Search block b's normalised text [from, to) sentence by sentence: the first
 * match of p whose sentence does not match unless (may be NULL). */
int fl_evidence_find_in_block(fl_scan *s, const fl_pattern *p, const fl_pattern *unless, int b, size_t from,
                              size_t to, size_t *ms, size_t *me);
#endif
