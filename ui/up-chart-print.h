/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include <upphandla/upphandla.h>

G_BEGIN_DECLS

/* Called once a print is over: @error is set when it failed, NULL when it
 * was printed or the user cancelled. */
typedef void (*UpChartPrintDone) (const GError *error,
                                  gpointer      user_data);

/* Prints @kind of @project as an export draws it (title, project, date,
 * legend and key, on white), for @options' local goal: the print dialog
 * (the print portal in the Flatpak), then a sheet for each page of the
 * chart (the matrix of a long plan takes several), the chart scaled to the
 * printable area of paper turned to the chart's shape. The dialog's Chart
 * tab chooses the language of the chart's title, header and legend; it
 * starts from @settings' last-export-language, else @options' language
 * (the interface's for UP_LANG_UI), and the choice is stored there for the
 * next print and export (the portal has no such tab: there the chart is in
 * the language it starts from). The printer and its settings are
 * remembered for the next print. @settings may be NULL. @done may be NULL;
 * it is called on the main thread. */
void     up_chart_print        (GtkWindow            *parent,
                                UpProject            *project,
                                UpChartKind           kind,
                                const UpChartOptions *options,
                                GSettings            *settings,
                                UpChartPrintDone      done,
                                gpointer              user_data);

/* The sheets up_chart_print() would print, as the PDF @file, without a
 * dialog, on the paper of the locale: for the tests. */
gboolean up_chart_print_to_pdf (UpProject            *project,
                                UpChartKind           kind,
                                const UpChartOptions *options,
                                GFile                *file,
                                GError              **error);

G_END_DECLS
