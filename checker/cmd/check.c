/* PENDING (engine helper): replace. */
#include "cmd/cmd.h"
int fl_cmd_check(int argc, char **argv) { (void)argc; (void)argv; return fl_cmd_usage_error("not built yet"); }
