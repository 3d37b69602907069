/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>
#include <upphandla/upphandla.h>

G_BEGIN_DECLS

/* The project's title, organisation and description in a dialog over
 * @parent. "Save" writes what changed as one edit (one undo step);
 * "Cancel", Escape or closing leave the project as it was. An edit the
 * project refuses is said in a dialog. Returns the dialog (not owned). */
GtkWidget *up_project_details_present (GtkWindow *parent,
                                       UpProject *project);

G_END_DECLS
