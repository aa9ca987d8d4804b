/* Private to the ruleset loader (ruleset_read.c, parse_helpers.c, ruleset_parse.c): the state of
 * one ruleset being loaded. Kinds see only the fl_loader_* API of kind.h. */
#ifndef FL_PARSE_HELPERS_H
#define FL_PARSE_HELPERS_H
#include <libxml/tree.h>
#include <stdbool.h>
#include <stddef.h>
#include "core/error.h"
#include "rules/ruleset.h"

typedef struct named {
    const char *name, *src;
    int line;
    const char *prepared; /* normalised and expanded, on first use */
    bool visiting;        /* cycle guard */
} named;

struct fl_loader { /* typedef in kind.h */
    fl_rules *set;
    fl_ruleset *rs;
    const char *file; /* ruleset path for messages */
    const char *dir;  /* its folder, for data table references */
    const fl_rule *rule;
    named *names;
    size_t nnames;
    char inner[512]; /* error met while expanding a named pattern */
    bool inner_failed;
};

int fl_loader_line(const xmlNode *n);
/* libxml2 messages without their trailing newline. */
void fl_loader_trim_msg(char *dst, size_t cap, const char *src);
/* Example and description text: the XML indentation removed. */
const char *fl_loader_block_text(struct fl_loader *ld, const xmlNode *n);
/* <pattern name="..."> definitions, and their check once all are known. */
int fl_loader_add_named(struct fl_loader *ld, const xmlNode *c, size_t *cap, fl_error *err);
int fl_loader_check_named(struct fl_loader *ld, fl_error *err);
/* The <ruleset> element into ld->rs (ruleset_parse.c). */
int fl_loader_parse_ruleset(struct fl_loader *ld, const xmlNode *root, fl_error *err);
/* Comments are reviewers' words, not the filing's: rules skip them unless
 * asked (DOC003 looks at them through the package kind). */
#define FL_DEFAULT_PARTS (((1u << FL_PART_COUNT) - 1) & ~(1u << FL_PART_COMMENT))
#endif
