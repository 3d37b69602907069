/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>
#include <upphandla/upphandla.h>

G_BEGIN_DECLS

#define UP_TYPE_EXPORT_OPTIONS (up_export_options_get_type ())

G_DECLARE_FINAL_TYPE (UpExportOptions, up_export_options, UP, EXPORT_OPTIONS, AdwBin)

/* The choices of every export dialog, in one boxed list of combo rows, so
 * that the Agenda 2030 chart and the stakeholders' grid ask alike: a
 * dialog's own choice of chart first (up_export_options_set_charts()),
 * then the format (PNG image, SVG drawing, PDF document) and the language
 * of the chart. Format and language start at the last ones exported
 * (GSettings "last-export-format" and "last-export-language", where the
 * schema is installed), else PNG and the interface's language. */

GtkWidget      *up_export_options_new         (void);
/* A first row, "Chart", choosing among @labels (translated), @selected at
 * first. */
void            up_export_options_set_charts  (UpExportOptions    *self,
                                               const char * const *labels,
                                               guint               n_labels,
                                               guint               selected);
/* The position chosen among the charts; 0 without them. */
guint           up_export_options_get_chart   (UpExportOptions    *self);
UpExportFormat  up_export_options_get_format  (UpExportOptions    *self);
UpLang          up_export_options_get_lang    (UpExportOptions    *self);
/* Keeps the format and language chosen for the next export (and the print
 * dialog's language). */
void            up_export_options_remember    (UpExportOptions    *self);

/* The dialog that asks for @options over the window of @widget: @heading
 * (such as "Export Grid"), one sentence on what the export holds, Cancel
 * and Export…. Emits "response" once only: "export" or "cancel". */
AdwMessageDialog *up_export_options_dialog_new (GtkWidget       *widget,
                                                const char      *heading,
                                                UpExportOptions *options);

G_END_DECLS
