/* Facts stated in sentences. Soil project plans name the project's units in
 * prose as often as in a table: "项目单位为××县农业农村局，项目立项批复单位为
 * ××县发展和改革局，实施方案审查单位为××市生态环境局。" or "项目单位由××中心
 * 承担". Only the role labels rules compare are read this way (never a field
 * invented from an arbitrary "X为Y"), the label must open its clause, and
 * the value must be the name of a unit: the regulation's own wording
 * ("项目单位由地方人民政府或其指定的部门、单位承担") names no unit and gives
 * nothing. These fields are added after all others, so a form's own value
 * stays the first occurrence. */
#include "model/fx.h"
#include "core/utf8.h"
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

/* Longer labels first where one starts another. */
static const struct { const char *label, *name; } roles[] = {
    {"项目立项批复单位", "立项批复单位"},
    {"立项批复单位", "立项批复单位"},
    {"项目实施方案审查单位", "实施方案审查单位"},
    {"实施方案审查单位", "实施方案审查单位"},
    {"项目实施单位", "项目实施单位"},
    {"项目承担单位", "项目承担单位"},
    {"项目单位", "项目单位"},
};

/* What may stand before the label in its clause. */
static const char *const subjects[] = {"本项目的", "本项目", "该项目的", "该项目"};

/* Words of a rule or a description, not of a unit's name. */
static const char *const not_a_name[] = {"或", "其", "指定", "等", "相关", "各", "有关", "应", "须", "不得", "负责人"};

static size_t starts(const char *s, size_t len, const char *w)
{
    size_t m = strlen(w);
    return m <= len && !memcmp(s, w, m) ? m : 0;
}

/* Looks for the last byte of w with memchr() and compares backwards: it runs
 * over every paragraph, some of them megabytes long, and the last byte of a
 * CJK word is a continuation byte, rare among the bytes of Chinese text. */
static bool contains(const char *s, size_t len, const char *w)
{
    size_t m = strlen(w);
    if (!m || m > len) return false;
    const char last = w[m - 1];
    for (const char *p = s + m - 1, *end = s + len; p < end;) {
        const char *q = memchr(p, last, (size_t)(end - p));
        if (!q) return false;
        size_t k = 1;
        while (k < m && q[-(ptrdiff_t)k] == w[m - 1 - k]) k++;
        if (k == m) return true;
        p = q + 1;
    }
    return false;
}

static void clause(fl_fx *fx, const char *s, size_t len, int bi)
{
    fl_fx_trim(&s, &len);
    for (size_t k = 0; k < FL_NELEM(subjects); k++) {
        size_t m = starts(s, len, subjects[k]);
        if (m) {
            s += m;
            len -= m;
            break;
        }
    }
    for (size_t r = 0; r < FL_NELEM(roles); r++) {
        size_t m = starts(s, len, roles[r].label);
        if (!m) continue;
        const char *v = s + m;
        size_t vlen = len - m;
        if ((m = starts(v, vlen, "为"))) {
            v += m;
            vlen -= m;
            if ((m = starts(v, vlen, "：")) || (m = starts(v, vlen, ":"))) {
                v += m;
                vlen -= m;
            }
        } else if ((m = starts(v, vlen, "由")) && vlen >= 9 && !memcmp(v + vlen - 6, "承担", 6)) {
            v += m;
            vlen -= m + 6;
        } else {
            return;
        }
        fl_fx_trim(&v, &vlen);
        if ((m = starts(v, vlen, "“")) && vlen >= 6 && !memcmp(v + vlen - 3, "”", 3)) {
            v += m;
            vlen -= 6;
        }
        if (!fl_fx_org_name(v, vlen)) return;
        for (size_t k = 0; k < FL_NELEM(not_a_name); k++)
            if (contains(v, vlen, not_a_name[k])) return;
        FL_VEC_RESERVE(fx->prose, fx->cap_prose, fx->nprose + 1);
        fx->prose[fx->nprose++] = (fl_field){roles[r].name, fl_arena_strndup(&fx->doc->arena, v, vlen), bi, NULL};
        return;
    }
}

void fl_fx_prose(fl_fx *fx, int bi)
{
    const fl_block *b = &fx->doc->blocks[bi];
    if (b->flags & (FL_BF_TOC | FL_BF_LIST)) return;
    size_t len;
    const char *s = fl_block_mtext(fx->doc, b, &len);
    /* cheap test first: every role label ends with 单位 */
    if (!contains(s, len, "单位")) return;
    static const char *const stops[] = {"，", "；", "。", "！", "？", ",", ";", "!", "?", "\n"};
    size_t from = 0;
    for (size_t i = 0; i < len;) {
        unsigned char c = (unsigned char)s[i]; /* 。 starts E3, ，；！？ EF */
        size_t m = c == 0xE3 || c == 0xEF || c < 0x80 ? fl_fx_match_any(s + i, len - i, stops, FL_NELEM(stops)) : 0;
        if (!m) {
            i++;
            continue;
        }
        clause(fx, s + from, i - from, bi);
        i += m;
        from = i;
    }
    if (from < len) clause(fx, s + from, len - from, bi);
}
