/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>
#include <upphandla/upphandla.h>

G_BEGIN_DECLS

#define UP_TYPE_EXPORT_OPTIONS (up_export_options_get_type ())

G_DECLARE_FINAL_TYPE (UpExportOptions, up_export_options, UP, EXPORT_OPTIONS, AdwBin)

/* The sizes of a PNG the export dialogs offer: the export's own, or the
 * whole chart as large as it fits a projector's, a 4K screen's or a
 * printed A4 page's pixels (either way round, as the chart is). */
typedef enum
{
  UP_PNG_SIZE_SCREEN,     /* twice the chart's size (up_export_chart()'s 0) */
  UP_PNG_SIZE_SLIDE,      /* within 1920 × 1080 pixels */
  UP_PNG_SIZE_SLIDE_4K,   /* within 3840 × 2160 pixels */
  UP_PNG_SIZE_PRINT,      /* within 3508 × 2480, A4 at 300 dpi */
} UpPngSize;

/* The layouts of a PDF the export dialogs offer: pages as printed, or
 * slides of 16:9 to show one after the other (the command line's
 * --slide), the grid's long key going on to more slides. */
typedef enum
{
  UP_PDF_LAYOUT_PAGES,
  UP_PDF_LAYOUT_SLIDES,
} UpPdfLayout;

/* The choices of every export dialog, in one boxed list of combo rows, so
 * that the Agenda 2030 chart and the stakeholders' grid ask alike: a
 * dialog's own choice of chart first (up_export_options_set_charts()),
 * then the format (PNG image, SVG drawing, PDF document), for a PNG its
 * size, for a PDF its layout, and the language of the chart. Format,
 * size, layout and language start at the last ones exported (GSettings
 * "last-export-format", "last-export-png-size", "last-export-pdf-layout"
 * and "last-export-language", where the schema is installed), else PNG
 * for screens, pages and the interface's language. */

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
/* The PNG size chosen; UP_PNG_SIZE_SCREEN for an SVG or a PDF. */
UpPngSize       up_export_options_get_png_size (UpExportOptions   *self);
/* The PDF layout chosen; UP_PDF_LAYOUT_PAGES for a PNG or an SVG. */
UpPdfLayout     up_export_options_get_pdf_layout (UpExportOptions *self);
/* Keeps the format, PNG size, PDF layout and language chosen for the next export (and
 * the print dialog's language). */
void            up_export_options_remember    (UpExportOptions    *self);

/* Lays @options out for a PNG of @kind at @size: for a slide, with the
 * legend and the key beside the chart (UpChartOptions.slide) where that
 * shows it larger on the slide; as a page otherwise. Call it before
 * up_export_options_get_png_width(). */
void            up_export_options_lay_out     (UpPngSize             size,
                                               UpProject            *project,
                                               UpChartKind           kind,
                                               UpChartOptions       *options);

/* Lays @options out for a PDF of @kind in @layout: for slides, each page
 * 16:9 (UpChartOptions.slide_pages), the chart laid out as
 * up_export_options_lay_out() does for a Full HD slide, as the command
 * line's --slide does; as pages otherwise. */
void            up_export_options_lay_out_pdf (UpPdfLayout           layout,
                                               UpProject            *project,
                                               UpChartKind           kind,
                                               UpChartOptions       *options);

/* The @png_width to give up_export_chart() for a PNG of @kind at @size,
 * drawn with @options: 0 (its own size) for UP_PNG_SIZE_SCREEN, else the
 * widest whose height in pixels keeps within the size's, but never
 * narrower than the chart is in points, where its smallest text is still
 * read (the matrix of a long plan), nor wider than the export makes it;
 * 0 also where the chart at that size is too tall for an image. */
int             up_export_options_get_png_width (UpPngSize             size,
                                                 UpProject            *project,
                                                 UpChartKind           kind,
                                                 const UpChartOptions *options);

/* The dialog that asks for @options over the window of @widget: @heading
 * (such as "Export Grid"), one sentence on what the export holds, Cancel
 * and Export…. Emits "response" once only: "export" or "cancel". */
AdwMessageDialog *up_export_options_dialog_new (GtkWidget       *widget,
                                                const char      *heading,
                                                UpExportOptions *options);

G_END_DECLS
