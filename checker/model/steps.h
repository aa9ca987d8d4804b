/* The steps of fl_doc_finish (model/finish.c), each in its own file. A
 * declarations-only header: the steps include it without depending on the
 * file that runs them. */
#ifndef FL_STEPS_H
#define FL_STEPS_H
#include "doc/doc.h"

void fl_sections_build(fl_doc *doc);  /* model/sections.c */
void fl_fields_extract(fl_doc *doc);  /* model/fields.c */
/* Parses each field's value as a quantity where it is one (fl_field.qty). */
void fl_fields_quantities(fl_doc *doc); /* model/fieldqty.c */
/* Sets doc->doc_type and doc->doc_type_reason. */
void fl_doctype_detect(fl_doc *doc); /* model/doctype.c */
void fl_filing_date_read(fl_doc *doc); /* model/filingdate.c */
/* Sets doc->form and doc->form_reason for a 报告表 (after the type). */
void fl_form_read(fl_doc *doc); /* model/form.c */
/* Adds the field 土壤项目类型 (农用地安全利用, 风险管控, 修复, 风险管控与修复,
 * 调查评估, 其他) for a soil-project document, from its 项目类型 field, its
 * title or its technical route; none when they do not say. */
void fl_soil_type_read(fl_doc *doc); /* model/soiltype.c */
/* Sets doc->notice_stage and its reason for a notice, and adds the field
 * 公示阶段 (首次公开, 征求意见稿公示, 报批前公开) when the stage is known. */
void fl_notice_stage_read(fl_doc *doc); /* model/noticestage.c */
#endif
