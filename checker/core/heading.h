/* Typed heading numbers: whether a line of text looks like a numbered title
 * (第一章, 一、, （一）, 1、, 1.1, （1）, 附件1, or a known bare title such as
 * 概述, 环境保护目标 or a 报告表 part title), with its number. model/sections.c
 * decides the levels and the per-document questions (is this numbering
 * family used for headings, is this form's set of part titles there); this
 * file only reads one line at a time. */
#ifndef FL_HEADING_H
#define FL_HEADING_H
#include <stdbool.h>
#include <stddef.h>

enum fl_typed_kind {
    FL_TK_NONE,
    FL_TK_TOP,     /* 概述, 前言, 附件, 附表 …: top-level titles */
    FL_TK_APPX,    /* 附件1, 附图2: items under a bare 附件 */
    FL_TK_FORM,    /* a part title of a 报告表 typed bare (建设项目基本情况, 评价适用标准) */
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

/* The 报告表 formats whose part titles FL_TK_FORM lines belong to. */
enum fl_form_set {
    FL_FORM_1999 = 1u << 0,    /* the 1999 form (环发〔1999〕178号): 建设项目所在地自然环境社会环境简况 … 结论与建议 */
    FL_FORM_2021 = 1u << 1,    /* the 2021 form, 污染影响类 */
    FL_FORM_2021_ECO = 1u << 2 /* the 2021 form, 生态影响类 */
};

#define FL_TYPED_MAX_PARTS 4

typedef struct fl_typed {
    enum fl_typed_kind kind; /* FL_TK_NONE when the line is no typed title */
    int value;       /* the number (last component of 1.2.3); for FL_TK_TOP 1 when bare (附件) */
    int first;       /* first component of a decimal number */
    bool ones;       /* every component after the first is 1 (2.1, 2.1.1) */
    bool top;        /* a part title of a 报告表 (一、建设项目基本情况 … 六、结论) */
    /* FL_TK_DEC*: the title starts with a character that is also a unit
     * (1.1 项目由来, 2.1 公开内容, 3 台设备), or a single number is glued to
     * it (2首次…, 3号楼): a heading only when its numbering family or the
     * contents list confirms it (model/sections.c). */
    bool doubtful;
    bool list_sep;   /* FL_TK_DEC1 written 1、: list numbering, not an outline number */
    int nparts;      /* FL_TK_DEC*: components of the number (1 for 1、, 3 for 1.2.3) */
    int parts[FL_TYPED_MAX_PARTS];
    /* FL_TK_FORM: which formats have this part title (enum fl_form_set), its
     * index in the table of form titles, and whether it is also common outside
     * the forms (结论, 建设内容, 环境影响分析): such a title does not count as
     * evidence that the form is there. */
    unsigned forms;
    int form_index;
    bool form_generic;
    enum fl_typed_kind alt; /* FL_TK_FORM: the kind when the form is not there (建设内容: FL_TK_KNOWN) */
    bool appx_item;  /* starts 附图/附件/附表/附录 and a number, title guard or not */
    int appx_word;   /* appx_item: the code point after 附 (图, 件, 表, 录) */
    int appx_number; /* appx_item: its number (附件3: 3, 附图B: 2), 0 when unread */
    bool appx_bare;  /* a bare 附图 / 附件： title */
    const char *why; /* numbered but no title: why not (static English text), else NULL */
    /* A number typed before the title (第一章, 第一节, 一、, （一）, 1、, 1.1,
     * （1）): bytes of text before the title — white space, the number, its
     * separator and the spaces after it. 0 for the other kinds (bare
     * titles, 附件1) and for no title. */
    size_t number_len;
} fl_typed;

#define FL_TYPED_MAX_CP 40 /* longer lines are text, not typed titles */
#define FL_TYPED_NFORM 32  /* form titles fit a bit mask */

/* Classify one line (a block's text, label included; a spaced block's
 * folded text, fl_block_mtext). */
void fl_typed_classify(fl_typed *out, const char *text, size_t len);
/* Byte span of s without leading and trailing white space (U+3000 too). */
void fl_typed_trim(const char *s, size_t len, size_t *start, size_t *end);
/* Does s read as prose rather than a title: sentence punctuation, or longer
 * than max_cp code points? */
bool fl_typed_prose(const char *s, size_t len, size_t max_cp);

/* The part title of a 报告表 form that line s is — its number (一、, 1、,
 * 第一章), white space and asterisks left out — as an index into the table
 * of form titles, -1 when none. prefix: the line may go on after the title
 * (a PDF copy gluing the title to its first paragraph). The longest title
 * that fits wins. */
int fl_form_title_find(const char *s, size_t len, bool prefix);
/* The title at index k of that table, its sets (enum fl_form_set) and
 * whether it is also an ordinary title elsewhere (结论, 环境影响分析). */
const char *fl_form_title_at(int k, unsigned *sets, bool *generic);
#endif
