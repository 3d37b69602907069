/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "Upphandla"

#include "config.h"

#include <glib/gi18n.h>

#include "up-undo-toast.h"

typedef struct
{
  UpProject *project;
  guint      n_undo;    /* the history's depth with the edit done */
} UndoToast;

static void
undo_toast_free (gpointer  data,
                 GClosure *closure)
{
  UndoToast *undo = data;

  g_object_unref (undo->project);
  g_free (undo);
}

static void
on_undo_clicked (AdwToast  *toast,
                 UndoToast *undo)
{
  g_autoptr(GError) error = NULL;

  /* The toast is dismissed at the next change; check once more all the
   * same, so that Undo never undoes an edit made after the one it names. */
  if (up_history_get_n_undo (up_project_get_history (undo->project)) != undo->n_undo)
    return;

  if (!up_project_undo (undo->project, &error))
    g_warning ("Could not undo: %s", error->message);
}

AdwToast *
up_undo_toast_new (UpProject  *project,
                   const char *title)
{
  AdwToast *toast;
  UndoToast *undo;

  g_return_val_if_fail (UP_IS_PROJECT (project), NULL);

  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);

  undo = g_new0 (UndoToast, 1);
  undo->project = g_object_ref (project);
  undo->n_undo = up_history_get_n_undo (up_project_get_history (project));
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_undo_clicked), undo,
                         undo_toast_free, 0);
  g_signal_connect_object (project, "changed", G_CALLBACK (adw_toast_dismiss), toast,
                           G_CONNECT_SWAPPED);

  return toast;
}
