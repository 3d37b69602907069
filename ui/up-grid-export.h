/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>
#include <upphandla/upphandla.h>

G_BEGIN_DECLS

/* Called once the export is over: @file is the file written, or NULL when
 * the user cancelled or @error is set. */
typedef void (*UpGridExportDone) (GFile        *file,
                                  const GError *error,
                                  gpointer      user_data);

/* Asks for the format (PNG, SVG, PDF) and the language of the chart, then
 * for a file, and exports @kind of @project there with
 * up_export_chart_async(): a snapshot of @project as it is then, written on
 * a thread while the window goes on. @widget is any widget of the window
 * the dialogs belong to; it is kept alive until the export is over. @done
 * is called on the main thread once it is over, unless @widget has left
 * its window by then. */
void up_grid_export_run (GtkWidget        *widget,
                         UpProject        *project,
                         UpChartKind       kind,
                         UpGridExportDone  done,
                         gpointer          user_data);

/* Called once an export of a table (notes, stakeholders) is over: @file
 * is the file written with @n_rows of them, or NULL when the user
 * cancelled or @error is set. */
typedef void (*UpTableExportDone) (GFile        *file,
                                   guint         n_rows,
                                   const GError *error,
                                   gpointer      user_data);

/* Asks for a file and writes @notes (UpNote, in their order) there as a
 * table for a spreadsheet (up_export_notes_async(), in the interface's
 * language): the notes as @notes lists them once the file is chosen.
 * @widget and @done as for up_grid_export_run(). */
void up_notes_export_run (GtkWidget         *widget,
                          UpProject         *project,
                          GListModel        *notes,
                          UpTableExportDone  done,
                          gpointer           user_data);
/* The same for @people (UpStakeholder) as the register lists them
 * (up_export_stakeholders_async()). */
void up_stakeholders_export_run (GtkWidget         *widget,
                                 UpProject         *project,
                                 GListModel        *people,
                                 UpTableExportDone  done,
                                 gpointer           user_data);

/* Asks for a file and writes the stages of @project there as a calendar
 * (up_export_calendar_ics(), in the interface's language); @done gets the
 * number of events written. @widget and @done as for
 * up_grid_export_run(). */
void up_calendar_export_run (GtkWidget         *widget,
                             UpProject         *project,
                             UpTableExportDone  done,
                             gpointer           user_data);

/* The name the file chooser suggests: the project's title and the chart's,
 * as the Agenda 2030 view's exports are named ("Plan – Chart.png"). */
char *up_grid_export_suggest_file_name (UpProject      *project,
                                        UpChartKind     kind,
                                        UpExportFormat  format,
                                        UpLang          lang);

G_END_DECLS
