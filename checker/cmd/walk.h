/* The files a `check` run lints: each command-line input that is a file,
 * and the filings found by walking each input that is a folder (.docx
 * .docm .txt .md, and .xml that declares a Flat OPC or Word 2003
 * namespace; hidden files and folders and Word's ~$ lock files skipped),
 * in sorted order so that output never depends on the file system. */
#ifndef FL_WALK_H
#define FL_WALK_H
#include "cmd/strlist.h"

/* Append the files of inputs[0..n) to files. A folder that cannot be read
 * is appended itself, so that reading it reports why. */
void fl_walk_inputs(fl_strlist *files, char *const *inputs, size_t n);
#endif
