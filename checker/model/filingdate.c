/* The filing's own date (model/doc.h fl_filing_date): the day the filing
 * says it was written, which decides the law it is judged by. Read once
 * from the 编制日期 field of the cover. */
#include "model/doc.h"
#include <string.h>

void fl_filing_date_read(fl_doc *doc)
{
    fl_filing_date *fd = &doc->filing_date;
    memset(fd, 0, sizeof *fd);
    fd->block = -1;
    const fl_field *f = fl_doc_field(doc, "编制日期");
    size_t at, n;
    if (!f || !f->value || !(n = fl_date_find(&fd->value, f->value, strlen(f->value), &at))) return;
    fd->found = true;
    fd->text = fl_arena_strndup(&doc->arena, f->value + at, n);
    fd->block = f->block;
    fd->source = "cover";
}
