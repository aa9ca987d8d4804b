/* Read, then finish (load.h). */
#include "model/load.h"
#include "input/input.h"
#include "model/finish.h"

int fl_doc_load(fl_doc **out, const char *path, fl_error *err)
{
    if (fl_input_read(out, path, err)) return -1;
    fl_doc_finish(*out);
    return 0;
}

int fl_doc_load_memory(fl_doc **out, const char *name, const void *data, size_t len, fl_error *err)
{
    if (fl_input_read_memory(out, name, data, len, err)) return -1;
    fl_doc_finish(*out);
    return 0;
}
