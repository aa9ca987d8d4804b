/* Fields that are numbers with units: each field whose whole value is one
 * quantity (core/quantity.h) gets it parsed once, so that rules compare
 * 5000 under 总投资（万元） with 5000万元 in a sentence in the same base
 * unit, and dump shows what was read. The unit is the value's own (1.5%,
 * 75万元) or, for a bare number, the one the label names in brackets
 * (总投资（万元）, 环保投资占比（%）). A value with anything else in it
 * (3200（含设备1200）, 新建, 2021年3月) is left unparsed: a rule that needs
 * the number then finds none and stays silent. */
#include "model/steps.h"
#include "core/norm.h"
#include <string.h>

static size_t trim_end(const char *s, size_t len)
{
    while (len > 0) {
        size_t k = len - 1;
        while (k > 0 && ((unsigned char)s[k] & 0xC0) == 0x80) k--;
        if (fl_norm_peek(s, len, k) != ' ') break;
        len = k;
    }
    return len;
}

void fl_fields_quantities(fl_doc *doc)
{
    for (size_t i = 0; i < doc->nfields; i++) {
        fl_field *f = &doc->fields[i];
        f->qty = NULL;
        if (!f->value || !*f->value) continue;
        size_t len = trim_end(f->value, strlen(f->value)), at = 0;
        uint32_t cp;
        size_t n;
        while ((n = fl_norm_next(f->value, len, at, &cp)) && (cp == ' ' || cp == 0)) at += n;
        fl_quantity q;
        size_t used = fl_quantity_parse(&q, f->value + at, len - at, fl_quantity_unit_in(f->name));
        if (!used || at + used != len) continue;
        fl_quantity *keep = fl_arena_alloc(&doc->arena, sizeof *keep);
        *keep = q;
        keep->start += at;
        keep->end = at + used;
        f->qty = keep;
    }
}
