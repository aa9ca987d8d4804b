/* Core (docProps/core.xml) and extended (docProps/app.xml) properties into
 * the model's property list: title, subject, creator, last_modified_by,
 * created, modified, company, manager, application, template. */
#ifndef FL_PROPS_H
#define FL_PROPS_H
#include <stddef.h>
#include "doc/doc.h"
/* Best effort: a malformed properties part adds a notice, never fails the file. */
void fl_props_read_core(fl_doc *doc, const char *xml, size_t len);
void fl_props_read_app(fl_doc *doc, const char *xml, size_t len);
#endif
