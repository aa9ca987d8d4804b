/* Named fields: the key facts of a filing read once into label -> value
 * pairs, from label/value tables (fields_table.c), from "标签：值" lines such
 * as the cover lines, from a label whose value is on the next line, and
 * from facts stated in sentences for a few known labels (fields_prose.c).
 * Checkbox values keep only the ticked option(s). Every occurrence is kept,
 * in document order, because rules compare the cover with the tables;
 * fl_doc_field() returns the first, so facts from prose come last.
 *
 * Text is read through fl_block_mtext(): a line copied out of a PDF with a
 * space between every character is read folded, and a value ends where its
 * line or cell ends or where the next label starts. */
#include "model/steps.h"
#include "model/fx.h"
#include "core/norm.h"
#include "core/utf8.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* ---- the pass ------------------------------------------------------------- */

static bool has_field(const fl_doc *doc, const char *name)
{
    for (size_t i = 0; i < doc->nfields; i++)
        if (!strcmp(doc->fields[i].name, name)) return true;
    return false;
}


/* Canonical names rules can rely on, added after the fields of the filing
 * and only when the filing does not use them itself. */
static const struct { const char *from, *to; } canonical[] = {
    {"建设项目名称", "项目名称"},
    {"项目立项批复单位", "立项批复单位"},
    {"项目实施方案审查单位", "实施方案审查单位"},
};

void fl_fields_extract(fl_doc *doc)
{
    doc->nfields = 0;
    fl_fx fx = {.doc = doc, .pending_block = -2};
    fl_arena_init(&fx.scratch);
    const char *para_group = NULL;
    for (size_t i = 0; i < doc->nblocks;) {
        const fl_block *b = &doc->blocks[i];
        if ((b->part != FL_PART_BODY && b->part != FL_PART_TEXTBOX) || (b->flags & (FL_BF_TOC | FL_BF_LIST))) {
            i++;
            continue;
        }
        if (b->flags & FL_BF_MERGED) { /* a run of tiny lines: no label, no value to pair */
            fx.pending = NULL;
            i++;
            continue;
        }
        if (fx.scratch.total > (1u << 20)) { /* label names of blocks already read */
            fl_arena_free(&fx.scratch);
            fl_arena_init(&fx.scratch);
        }
        if (b->table == 0) {
            if (b->kind == FL_BLOCK_HEADING) para_group = NULL;
            size_t len;
            const char *s = fl_block_mtext(doc, b, &len);
            if (len <= 3 * 24 && strstr(s, "情况")) {
                const char *g = fl_fx_group_of(fl_norm_label(&fx.scratch, s, len));
                if (!g || *g) para_group = g;
            }
            fl_fx_line(&fx, (int)i, para_group);
            if (b->kind != FL_BLOCK_HEADING) fl_fx_prose(&fx, (int)i);
            i++;
            continue;
        }
        fx.pending = NULL;
        i = fl_fx_table(&fx, i, para_group);
    }
    size_t n = doc->nfields;
    for (size_t c = 0; c < FL_NELEM(canonical); c++) {
        if (has_field(doc, canonical[c].to)) continue;
        for (size_t k = 0; k < n; k++)
            if (!strcmp(doc->fields[k].name, canonical[c].from)) {
                FL_VEC_RESERVE(doc->fields, doc->cap_fields, doc->nfields + 1);
                doc->fields[doc->nfields++] = (fl_field){canonical[c].to, doc->fields[k].value, doc->fields[k].block, NULL};
                break;
            }
    }
    for (size_t k = 0; k < fx.nprose; k++) {
        FL_VEC_RESERVE(doc->fields, doc->cap_fields, doc->nfields + 1);
        doc->fields[doc->nfields++] = fx.prose[k];
    }
    free(fx.prose);
    fl_arena_free(&fx.scratch);
}
