/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The user's guide (the pages of help/C/), installed where the desktop's help
 * viewer (GNOME's Help, yelp) finds "help:upphandla". */

/* Opens @page (its id: "timeline", "notes", …; NULL for the front page) of the guide in the desktop's help viewer, launched on the
 * display of @widget. An uninstalled build's guide is found where
 * UPPHANDLA_HELP_DATADIR names the data folder it is laid out in
 * (build/help/share): the viewer gets that folder first among its
 * XDG_DATA_DIRS. */
void      up_help_show_async  (GtkWidget            *widget,
                               const char           *page,
                               GCancellable         *cancellable,
                               GAsyncReadyCallback   callback,
                               gpointer              user_data);
/* Fails with G_IO_ERROR_NOT_SUPPORTED where no program opens "help:"
 * addresses. */
gboolean  up_help_show_finish (GtkWidget            *widget,
                               GAsyncResult         *result,
                               GError              **error);

G_END_DECLS
