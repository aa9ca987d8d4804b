/* Limits on what an input may make the tool read, in one place: the
 * readers, the safe XML parser and the annotator all enforce them. */
#ifndef FL_LIMITS_H
#define FL_LIMITS_H

/* Limits on what a file may make us read (docs/architecture.md lists them
 * with the others); the message names the limit. */
#define FL_MAX_INPUT_BYTES (200u * 1024 * 1024)
#define FL_MAX_ZIP_ENTRIES 10000
#define FL_MAX_PART_BYTES (256u * 1024 * 1024)
#define FL_MAX_TOTAL_INFLATED (1024u * 1024 * 1024)
#define FL_MAX_ZIP_RATIO 200
#define FL_ZIP_RATIO_FLOOR (1u * 1024 * 1024)
/* All parts of one package together may inflate to FL_ZIP_BUDGET_RATIO times
 * the package size, at least FL_ZIP_BUDGET_FLOOR (and never past
 * FL_MAX_TOTAL_INFLATED). */
#define FL_ZIP_BUDGET_RATIO 100
#define FL_ZIP_BUDGET_FLOOR (16u * 1024 * 1024)
#define FL_MAX_XML_DEPTH 256
/* A part read whole into a DOM (styles, numbering, relationships, content
 * types, properties) costs about 13 times its size in libxml2's tree;
 * the body is streamed and has only FL_MAX_PART_BYTES. Real styles.xml
 * and numbering.xml are well under 1 MiB. */
#define FL_MAX_WHOLE_PART_BYTES (16u * 1024 * 1024)
#endif
