/* PENDING (engine helper): replace. */
#include "cmd/cmd.h"
int fl_cmd_rules(int argc, char **argv) { (void)argc; (void)argv; return fl_cmd_usage_error("not built yet"); }
int fl_cmd_explain(int argc, char **argv) { (void)argc; (void)argv; return fl_cmd_usage_error("not built yet"); }
