/* The form of a 报告表: which official layout it is written in, read once
 * (model/form.c) into doc->form and doc->form_reason, and the table of the
 * forms with their chapters and dates that the rules judge it by. */
#ifndef FL_FORM_H
#define FL_FORM_H
#include <stdbool.h>
#include <stddef.h>
#include "core/date.h"
#include "doc/doc.h"

#define FL_FORM_POLLUTION "2021-pollution" /* 污染影响类 (环办环评〔2020〕33号) */
#define FL_FORM_ECOLOGY "2021-ecology"     /* 生态影响类 (环办环评〔2020〕33号) */
#define FL_FORM_PRE2021 "pre-2021"         /* 环发〔1999〕178号 */
#define FL_FORM_UNKNOWN "unknown"

/* One chapter a form requires: its title as the form prints it, and how a
 * filing's heading is recognised as it (the title, numbering and white space
 * left out, starts with one of `starts`, or contains `contains`). */
typedef struct fl_form_chapter {
    const char *title;               /* "五、环境保护措施监督检查清单" */
    const char *const *starts;       /* NULL-terminated */
    const char *contains;            /* may be NULL */
    const char *unless;              /* a title containing this is another chapter; may be NULL */
} fl_form_chapter;

typedef struct fl_form_def {
    const char *name;   /* FL_FORM_* */
    const char *label;  /* "污染影响类" ... in the rules' messages */
    fl_date since, until; /* in use from / replaced on (y == 0: open) */
    const fl_form_chapter *chapters; size_t nchapters;
    /* A table the form appends, its caption words ("污染物排放量汇总表"); NULL none. */
    const char *appendix;
} fl_form_def;

/* The row of doc->form's name, NULL for none or unknown. */
const fl_form_def *fl_form_def_of(const char *name);
/* Was a filing judged on date d (at its precision: its earliest possible
 * day) written in a form already replaced? False when the form is not
 * known or d is not. */
bool fl_form_replaced(const char *name, const fl_date *d);
/* The heading block of the chapter in the document, -1 when none of its
 * sections is that chapter. */
int fl_form_chapter_block(const fl_doc *doc, const fl_form_chapter *c);
/* A block outside the contents that names the form's appended table as its
 * caption or title, -1 when none. */
int fl_form_appendix_block(const fl_doc *doc, const fl_form_def *f);
#endif
