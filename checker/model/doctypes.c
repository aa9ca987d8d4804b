/* The table of document types (doctypes.h). */
#include "model/doctypes.h"
#include <string.h>

const fl_doc_type fl_doc_type_table[] = {
    {"eia-book", FL_M_TYPE_EIA_BOOK},   {"eia-form", FL_M_TYPE_EIA_FORM},         {"eia-pp", FL_M_TYPE_EIA_PP},
    {"soil-plan", FL_M_TYPE_SOIL_PLAN}, {"soil-summary", FL_M_TYPE_SOIL_SUMMARY}, {"soil-sign", FL_M_TYPE_SOIL_SIGN},
};
const size_t fl_ndoc_types = sizeof fl_doc_type_table / sizeof *fl_doc_type_table;

const fl_doc_type *fl_doc_type_find(const char *id)
{
    for (size_t i = 0; id && i < fl_ndoc_types; i++)
        if (!strcmp(fl_doc_type_table[i].id, id)) return &fl_doc_type_table[i];
    return NULL;
}

bool fl_doc_type_known(const char *id) { return fl_doc_type_find(id) != NULL; }

void fl_doc_type_list(fl_buf *b, const char *sep)
{
    for (size_t i = 0; i < fl_ndoc_types; i++) {
        if (i) fl_buf_adds(b, sep);
        fl_buf_adds(b, fl_doc_type_table[i].id);
    }
}
