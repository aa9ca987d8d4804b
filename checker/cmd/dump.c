/* PENDING (helper M): dump command. */
#include "cmd/cmd.h"
int fl_cmd_dump(int argc, char **argv) { (void)argc; (void)argv; return fl_cmd_usage_error("dump: not built yet"); }
