/* Assessment grades, risk potentials and function-zone classes as filings
 * write them: "大气环境影响评价工作等级为二级", "Pmax为12.6%", "环境风险潜势
 * 为Ⅲ", "项目所在区域为2类声环境功能区", "执行《地表水环境质量标准》
 * （GB3838-2002）Ⅲ类标准". The token readers work on normalised text
 * (core/norm.h) and are pure; the statement readers walk a scope's
 * sentences for the kinds `grade` (EIA205) and `zone` (EIA206), and any
 * other rule that needs the grade a filing states for a medium.
 *
 * Which medium a word is about is decided by the nearest medium word before
 * it in the sentence: "大气评价等级为二级，地表水评价等级为三级B" gives air
 * 二级 and surface water 三级. Standard codes name their medium too (GB 3096
 * noise, GB 3095 air, GB 3838 surface water) and say that a class after
 * them is a class of that standard; every other GB code (emission
 * standards such as GB 16297 and GB 8978, the construction limits of
 * GB 12523) and the words 污水, 废水, 大气污染物, 排放标准 block: a class
 * after them belongs to no medium checked here. */
#ifndef FL_GRADES_H
#define FL_GRADES_H
#include <stdbool.h>
#include <stddef.h>
#include "rules/kind.h"

typedef enum fl_medium {
    FL_MED_NONE = 0,
    FL_MED_AIR,
    FL_MED_NOISE,
    FL_MED_RISK,
    FL_MED_SURFACE,   /* 地表水, 水环境 */
    FL_MED_GROUND,    /* 地下水 */
    FL_MED_SOIL,
    FL_MED_ECO,
    FL_MED_OTHER,     /* a word that ends the previous medium's reach: 污水, 排放标准, GB 16297 */
    FL_MED_COUNT_
} fl_medium;

enum fl_med_role {
    FL_MED_TOPIC = 0, /* 声环境, 大气 */
    FL_MED_STD,       /* a quality standard whose classes follow the zones: GB 3096, 环境空气质量标准 */
    FL_MED_BUILD,     /* construction limits (GB 12523, 施工场界): no class applies */
};

/* A medium word at t[i]: its length in bytes (0 when none), the medium and
 * its role. Longer words win: 大气污染物 over 大气, 地下水 over 水环境. */
size_t fl_medium_at(const char *t, size_t len, size_t i, fl_medium *m, int *role);
const char *fl_medium_name(fl_medium m); /* "大气环境", "声环境", ... */

/* An assessment grade word at t[i]: 一级 1, 二级 2, 三级 3 (三级A, 三级B
 * too), 简单分析 4; larger is lower. Returns bytes, 0 when none. */
size_t fl_grade_word(const char *t, size_t len, size_t i, int *grade);
const char *fl_grade_text(int grade); /* "一级" ... "简单分析" */

/* A Roman numeral Ⅰ..Ⅴ (U+2160..) or I..V in ASCII (not inside a Latin
 * word) at t[i]: its value; *plus when "+" follows (Ⅳ+). Returns bytes. */
size_t fl_roman_at(const char *t, size_t len, size_t i, int *value, bool *plus);

/* A class word at t[i] for medium m, as a zone or a standard class:
 *  noise   0类 1类 2类 3类 4类 4a类 4b类 (value 0..4, sub 'a'/'b'/0)
 *  air     一类 二类 三类 (区) and 一级 二级 三级 (标准): value 1..3
 *  surface Ⅰ..Ⅴ类, I..V类, 1..5类
 * Returns bytes, 0 when none; *level is true for 一级/二级 (a standard
 * level rather than a zone class). */
typedef struct fl_class_tok {
    int value;
    char sub;     /* 'a', 'b' or 0 */
    bool level;   /* 二级 rather than 二类 */
    bool limits;  /* read from the limits written (昼间65、夜间55 dB(A)), not a class word */
    size_t start, end;
} fl_class_tok;
size_t fl_class_at(const char *t, size_t len, size_t i, fl_medium m, fl_class_tok *out);
/* "2类", "4a类", "二类区", "Ⅲ类" in buf (NUL-terminated); returns buf. */
const char *fl_class_text(char *buf, size_t n, fl_medium m, const fl_class_tok *c);

/* What a class in a sentence is: the zone where the project lies
 * ("为2类声环境功能区", "3类标准地区", "水环境功能为Ⅲ类"), the class of a
 * standard applied ("执行…2类标准", "Ⅲ类水质标准", "二级标准"), or
 * neither (a measured quality "水质现状为Ⅳ类", a bare list). */
enum { FL_CLASS_UNKNOWN = 0, FL_CLASS_ZONE, FL_CLASS_APPLIED };
int fl_class_role(const char *t, size_t ss, size_t se, const fl_class_tok *c, int marker_role);

/* What a sentence read left to right is about so far: the medium and role
 * of the last medium word passed (FL_MEDIUM_CURSOR_INIT: none yet). A
 * class written after its medium ("执行…2类标准", "声环境…3类区") is of it. */
typedef struct fl_medium_cursor {
    fl_medium m;
    int role;
} fl_medium_cursor;
#define FL_MEDIUM_CURSOR_INIT {FL_MED_NONE, FL_MED_TOPIC}

/* A medium word at t[i] (as fl_medium_at) becomes the cursor's; its length,
 * or 0 with the cursor unchanged. */
size_t fl_medium_step(fl_medium_cursor *c, const char *t, size_t len, size_t i);

/* The medium word nearest before offset at in [from, at) of t: its medium
 * and role; FL_MED_NONE when none. */
fl_medium fl_medium_before(const char *t, size_t from, size_t at, int *role);

/* The medium of a class written before its medium: "2类声环境功能区",
 * "二类环境空气功能区", "Ⅲ类水体". For each medium m the class kinds read
 * (noise, air, surface), a class word at t[i] directly followed by a word of
 * m. Returns the class's bytes and fills *m and *c; 0 when none. */
size_t fl_class_before_medium(const char *t, size_t len, size_t i, fl_medium *m, fl_class_tok *c);

/* Is the class at offset at of the sentence [ss, se) the zone of something
 * other than the project's site: does its clause (between commas) name a
 * sensitive target, a village, a school (敏感, 保护目标, 居民, 村, 学校,
 * 医院, 周边, 周围)? Such a zone class is not the project's. */
bool fl_zone_of_others(const char *t, size_t ss, size_t se, size_t at);

/* A sentence of a checkbox form (一级□二级■): nothing in it is a statement. */
bool fl_grade_checkbox_text(const char *t, size_t a, size_t e);

/* A condition or a criterion rather than a statement: 若, 如果, 当…时
 * (当地 is a place). */
bool fl_grade_conditional(const char *t, size_t a, size_t e);

/* Does w occur in t[a, e)? */
bool fl_text_has(const char *t, size_t a, size_t e, const char *w);
/* The offset of the UTF-8 character after the one at t[i]. */
size_t fl_text_next(const char *t, size_t len, size_t i);

/* ---- statements over a scope ------------------------------------------------ */

/* Every sentence of the scope that can state something: not in a heading or
 * a contents line, not longer than a statement (1200 bytes: a paragraph
 * copied without stops is skipped, which keeps the readers linear), not a
 * checkbox form, not a condition. fn gets the block's normalised text and
 * the sentence [ss, se). */
typedef void (*fl_grade_sentence_fn)(fl_scan *s, const char *t, size_t ss, size_t se, int block, void *ctx);
void fl_grade_sentences(fl_scan *s, const fl_scope *sc, fl_grade_sentence_fn fn, void *ctx);
/* The same, for the sentences holding one of the words of need (a
 * NULL-terminated list, NULL all): what a reader cannot do without, so
 * that the sentences of a long chapter without it cost one search each. */
void fl_grade_sentences_with(fl_scan *s, const fl_scope *sc, const char *const *need, fl_grade_sentence_fn fn,
                             void *ctx);

/* A value read from a scope: the first place it was stated, whether two
 * different values were stated. */
typedef struct fl_stated {
    bool found, ambiguous;
    int value;
    int block;
    size_t start, end; /* normalised offsets in block */
} fl_stated;

/* The grade stated for medium m in the scope's sentences ("大气环境影响评价
 * 工作等级为二级", "确定本项目大气评价等级为二级", "大气环境评价等级：二级")
 * and its tables (a row naming the medium, a cell of the 评价等级 column
 * holding only a grade). Sentences of checkbox forms, conditions (当, 若)
 * and lowering (降低, 下调, 可低于) make no statement; a lowering makes the
 * medium ambiguous. */
void fl_grade_stated(fl_scan *s, const fl_scope *sc, fl_medium m, fl_stated *out);
#endif
