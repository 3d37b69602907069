/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include <upphandla/upphandla.h>

G_BEGIN_DECLS

/* Called once a merge is over: @summary of what came in from @file, or
 * @error; @file NULL when the user cancelled. */
typedef void (*UpProjectMergeDone) (GFile                *file,
                                    const UpMergeSummary *summary,
                                    const GError         *error,
                                    gpointer              user_data);

/* Asks for a copy of @project (a project file sent to a workshop and sent
 * back) and merges it in as one undo step (up_merge_file()). @widget is
 * any widget of the window the dialog belongs to; @done is called once. */
void  up_project_merge_run     (GtkWidget            *widget,
                                UpProject            *project,
                                UpProjectMergeDone    done,
                                gpointer              user_data);

/* What a toast says of a merge of @summary from @file_name. */
char *up_project_merge_message (const UpMergeSummary *summary,
                                const char           *file_name);

G_END_DECLS
