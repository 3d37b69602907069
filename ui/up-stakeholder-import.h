/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>
#include <upphandla/upphandla.h>

G_BEGIN_DECLS

/* Called once an import is over: @summary of what was added from @file,
 * or @error; @file NULL when the user cancelled. */
typedef void (*UpStakeholderImportDone) (GFile                 *file,
                                         const UpImportSummary *summary,
                                         const GError          *error,
                                         gpointer               user_data);

/* Asks for a table (CSV) and adds its people to @project's stakeholder
 * register as one undo step (up_import_stakeholders()). @widget is any
 * widget of the window the dialog belongs to; @done is called once, with
 * a NULL file when the user cancelled or @widget left its window. */
void  up_stakeholder_import_run     (GtkWidget               *widget,
                                     UpProject               *project,
                                     UpStakeholderImportDone  done,
                                     gpointer                 user_data);

/* What a toast says of an import of @summary from @file_name. */
char *up_stakeholder_import_message (const UpImportSummary *summary,
                                     const char            *file_name);

G_END_DECLS
