/* What a signal must clean up before the process ends: temp files (an
 * output being written, core/sink.c), temp folders (a conversion's work
 * folder, input/legacy.c) and the process groups of helper programs
 * running in those folders. One registry and one handler for SIGINT,
 * SIGTERM, SIGHUP, SIGPIPE and SIGXFSZ: the handler kills the registered
 * process groups, removes the files and folders, and lets the signal take
 * its default course (exit status included).
 *
 * Ownership: the registry borrows path; it must stay valid until
 * fl_cleanup_drop(path) is called with the same pointer. */
#ifndef FL_CLEANUP_H
#define FL_CLEANUP_H
#include <stdbool.h>
#include <sys/types.h>

/* Register path (a file, or a folder removed with what it holds). Returns
 * 0, or -1 when every slot is taken (the path is then not cleaned up on a
 * signal; the caller may refuse to go on). Installs the handlers once. */
int fl_cleanup_add(char *path, bool folder);
/* The process group of a child working in the registered path: killed
 * first on a signal. 0 clears it. */
void fl_cleanup_set_group(const char *path, pid_t pgid);
void fl_cleanup_drop(const char *path);
/* Remove a folder and everything in it, without following symbolic links;
 * async-signal-safe (no allocation, no stdio). Returns 0 or -1. */
int fl_remove_tree(const char *path);
#endif
