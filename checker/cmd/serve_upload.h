/* serve's upload (serve_upload.c); the settings in cmd/serve_cfg.h. */
#ifndef FL_SERVE_UPLOAD_H
#define FL_SERVE_UPLOAD_H
#include "cmd/serve_cfg.h"

typedef struct fl_upload fl_upload;
struct MHD_Connection;
/* A request's private folder base/req-XXXXXX (0700) with in/ and out/, and
 * the multipart reader of its body; NULL when the folder cannot be made. */
fl_upload *fl_upload_new(const fl_serve_cfg *cfg, struct MHD_Connection *conn);
/* Feed a piece of the body. */
void fl_upload_feed(fl_upload *u, const char *data, size_t size);
/* After the body: 0, or the HTTP status that refuses it (400, 413). */
int fl_upload_status(const fl_upload *u);
const char *fl_upload_dir(const fl_upload *u);
size_t fl_upload_bytes(const fl_upload *u);
/* The stored files' names (in dir/in) and the form's other fields ("" when
 * absent). */
char **fl_upload_names(const fl_upload *u, size_t *n);
const char *fl_upload_field(const fl_upload *u, const char *name);
/* The file name extensions of the uploads, "docx,md", for the log. */
void fl_upload_types(const fl_upload *u, fl_buf *b);
/* Delete the folder with all it holds, now: the answer is made (a file
 * it sends is open already and is read through its descriptor). The
 * names and fields stay for the log. */
void fl_upload_discard(fl_upload *u);
/* Close everything and delete the folder with all it holds. */
void fl_upload_free(fl_upload *u);
/* A name a browser sent made into a plain file name: the last path
 * component, no control or reserved characters, at most 180 bytes,
 * never "", "." or "..". */
void fl_upload_clean_name(const char *name, char *out, size_t cap);
#endif
