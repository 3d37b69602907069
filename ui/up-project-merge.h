/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include <upphandla/upphandla.h>

G_BEGIN_DECLS

/* Called once a merge is over: @summary of what came in from @files (the
 * copies chosen, GFile items), or @error; @files NULL when the user
 * cancelled. */
typedef void (*UpProjectMergeDone) (GListModel           *files,
                                    const UpMergeSummary *summary,
                                    const GError         *error,
                                    gpointer              user_data);

/* Asks for copies of @project (project files sent to a workshop and sent
 * back; one or several) and merges them in as one undo step
 * (up_merge_files()). @widget is any widget of the window the dialog
 * belongs to; @done is called once. */
void  up_project_merge_run     (GtkWidget            *widget,
                                UpProject            *project,
                                UpProjectMergeDone    done,
                                gpointer              user_data);

/* What a toast says of a merge of @summary from @n_files copies, the
 * first (or only) named @file_name. */
char *up_project_merge_message (const UpMergeSummary *summary,
                                guint                 n_files,
                                const char           *file_name);

G_END_DECLS
