/* Typed heading numbers: whether a line of text looks like a numbered title
 * (第一章, 一、, （一）, 1、, 1.1, （1）, 附件1, or a known bare title such as
 * 概述 or 环境保护目标), with its number. model/sections.c decides the
 * levels; this file only reads one line at a time. */
#ifndef FL_TYPED_H
#define FL_TYPED_H
#include <stdbool.h>
#include <stddef.h>

enum fl_typed_kind {
    FL_TK_NONE,
    FL_TK_TOP,     /* 概述, 前言, 附件, 附表 …: top-level titles */
    FL_TK_APPX,    /* 附件1, 附图2: items under a bare 附件 */
    FL_TK_CHAP,    /* 第一章, 第1章, 第一部分 */
    FL_TK_JIE,     /* 第一节 */
    FL_TK_CN,      /* 一、 */
    FL_TK_KNOWN,   /* a 报告表 sub-item title typed bare (环境保护目标) */
    FL_TK_CNPAREN, /* （一） */
    FL_TK_DEC1,    /* 1、 1. 1 (space) */
    FL_TK_DEC2,    /* 1.1 */
    FL_TK_DEC3,    /* 1.1.1 */
    FL_TK_DEC4,    /* 1.1.1.1 */
    FL_TK_PAREN,   /* （1） 1） */
};

typedef struct fl_typed {
    enum fl_typed_kind kind; /* FL_TK_NONE when the line is no typed title */
    int value;       /* the number (last component of 1.2.3); for FL_TK_TOP 1 when bare (附件) */
    int first;       /* first component of a decimal number */
    bool ones;       /* every component after the first is 1 (2.1, 2.1.1) */
    bool top;        /* a part title of a 报告表 (一、建设项目基本情况 … 六、结论) */
    const char *why; /* numbered but no title: why not (static English text), else NULL */
} fl_typed;

#define FL_TYPED_MAX_CP 40 /* longer lines are text, not typed titles */

/* Classify one line (a block's text, label included). */
void fl_typed_classify(fl_typed *out, const char *text, size_t len);
/* Byte span of s without leading and trailing white space (U+3000 too). */
void fl_typed_trim(const char *s, size_t len, size_t *start, size_t *end);
#endif
