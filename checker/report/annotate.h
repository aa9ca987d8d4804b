/* Annotated copies (`check --annotate DIR`): the input
 * filing written again into DIR with every finding attached as a Word
 * comment at its paragraph, or at the matched text when the finding has a
 * column range. Only the parts that must change are rewritten (the main
 * document part, the comments part, the main part's relationships and the
 * content types); every other part is copied byte for byte. The input is
 * opened read-only and never written; the copy goes to a temp file in DIR
 * that is renamed into place.
 *
 * DOCX/DOCM inputs give DIR/<basename> (same extension), Flat OPC and Word
 * 2003 XML inputs give DIR/<basename> in their own form, PDF inputs
 * DIR/<basename> with a sticky note per finding (annotate_pdf.h). Plain
 * text and Markdown inputs have nothing to annotate: the call does nothing
 * and returns 0. */
#ifndef FL_ANNOTATE_H
#define FL_ANNOTATE_H
#include "core/error.h"
#include "doc/doc.h"
#include "rules/finding.h"

/* doc is the document read from input_path (its blocks locate the
 * findings); res holds the findings. out_name is the copy's file name in
 * DIR, NULL for the input's own base name (the check command passes
 * another when two inputs share a base name). Returns 0, or -1 with err
 * set (the output is then not created and any existing file there is left
 * alone). */
int fl_annotate_write(const char *dir, const char *input_path, const char *out_name, const fl_doc *doc,
                      const fl_result *res, fl_error *err);
/* --annotate as a per-file artifact (report.h) over fl_annotate_write. */
struct fl_artifact;
extern const struct fl_artifact fl_artifact_annotate;
#endif
