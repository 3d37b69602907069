/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include <upphandla/upphandla.h>

#include "up-chart-print.h"

G_BEGIN_DECLS

/* Prints @notes (UpNote, in their order) as a document: the print dialog
 * (the print portal in the Flatpak; Print to File makes a PDF), then
 * sheets of A4 or the locale's paper headed by the project's title and
 * the day, the first with @summary (what the Notes view lists: "12 of 20
 * notes"), each note with its date, kind, visibility, stage,
 * stakeholders and text, going on to the next sheet where it does not
 * end on one, "Page 1 of 3" under each. The notes are read at the call.
 * @done as for up_chart_print(); it may be NULL. */
void     up_notes_print        (GtkWindow        *parent,
                                UpProject        *project,
                                GListModel       *notes,
                                const char       *summary,
                                UpChartPrintDone  done,
                                gpointer          user_data);

/* The sheets up_notes_print() would print, as the PDF @file, without a
 * dialog, on the paper of the locale: for the tests. */
gboolean up_notes_print_to_pdf (UpProject        *project,
                                GListModel       *notes,
                                const char       *summary,
                                GFile            *file,
                                GError          **error);

G_END_DECLS
