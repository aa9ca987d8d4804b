/* JSON building blocks shared by the JSON, JSON Lines and SARIF reporters
 * (json.c), so that a finding is the same object in every JSON format.
 *
 * Ownership: every function returns a new jansson reference (caller
 * decrefs, or hands it to json_*_set_new / append_new). */
#ifndef FL_REPORT_JSON_H
#define FL_REPORT_JSON_H
#include <jansson.h>
#include "rules/finding.h"

/* A string; NULL gives null; invalid UTF-8 is repaired (jansson refuses it). */
json_t *fl_json_str(const char *s);
/* The finding object: rule, severity, category, message, basis,
 * location (end_column inclusive), excerpt, then basis_instrument,
 * basis_article and class of the basis it cites. */
json_t *fl_json_finding(const fl_finding *f);
/* "judged_as_of" (ISO, as precise as known) and "judged_from" ("option",
 * "filing", "today") of a result, added to object o. */
void fl_json_judged(json_t *o, const fl_result *r);
/* {"code": key, "message": message} */
json_t *fl_json_error(const char *key, const char *message);
/* json_dumpf, with U+2028 and U+2029 written as \u2028 / \u2029: JSON allows
 * them raw, but readers that split lines (JSON Lines consumers, JavaScript
 * before ES2019) take them for line ends and break the record. Returns 0 or
 * -1 like json_dumpf. */
int fl_json_dumpf(const json_t *json, FILE *out, size_t flags);
#endif
