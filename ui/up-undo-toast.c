/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "Upphandla"

#include "config.h"

#include <glib/gi18n.h>

#include "up-undo-toast.h"

/* The project's undo toasts that are still alive: a GPtrArray of UndoToast
 * in the project's qdata, so that closing the project can withdraw them. */
#define TOASTS_KEY "up-undo-toasts"

typedef struct
{
  UpProject *project;
  GWeakRef   toast;
  guint      n_undo;      /* the history's depth with the edit done */
  gboolean   withdrawn;   /* the project left its window */
} UndoToast;

static GPtrArray *
toasts_of (UpProject *project)
{
  return g_object_get_data (G_OBJECT (project), TOASTS_KEY);
}

/* Runs when the toast goes (its handler is destroyed): each UndoToast holds
 * its project, so the list outlives every entry. */
static void
undo_toast_free (gpointer  data,
                 GClosure *closure)
{
  UndoToast *undo = data;
  GPtrArray *toasts = toasts_of (undo->project);

  if (toasts != NULL)
    g_ptr_array_remove_fast (toasts, undo);
  g_weak_ref_clear (&undo->toast);
  g_object_unref (undo->project);
  g_free (undo);
}

static void
on_undo_clicked (AdwToast  *toast,
                 UndoToast *undo)
{
  g_autoptr(GError) error = NULL;

  /* The toast is dismissed at the next change; check once more all the
   * same, so that Undo never undoes an edit made after the one it names,
   * nor changes a project that was closed. */
  if (undo->withdrawn ||
      up_history_get_n_undo (up_project_get_history (undo->project)) != undo->n_undo)
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
  GPtrArray *toasts;

  g_return_val_if_fail (UP_IS_PROJECT (project), NULL);

  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);

  undo = g_new0 (UndoToast, 1);
  undo->project = g_object_ref (project);
  g_weak_ref_init (&undo->toast, toast);
  undo->n_undo = up_history_get_n_undo (up_project_get_history (project));
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_undo_clicked), undo,
                         undo_toast_free, 0);
  g_signal_connect_object (project, "changed", G_CALLBACK (adw_toast_dismiss), toast,
                           G_CONNECT_SWAPPED);

  toasts = toasts_of (project);
  if (toasts == NULL)
    {
      toasts = g_ptr_array_new ();
      g_object_set_data_full (G_OBJECT (project), TOASTS_KEY, toasts,
                              (GDestroyNotify) g_ptr_array_unref);
    }
  g_ptr_array_add (toasts, undo);

  return toast;
}

void
up_undo_toast_withdraw (UpProject *project)
{
  g_autoptr(GPtrArray) alive = g_ptr_array_new_with_free_func (g_object_unref);
  GPtrArray *toasts;

  g_return_if_fail (UP_IS_PROJECT (project));

  toasts = toasts_of (project);
  if (toasts == NULL)
    return;

  /* Dismissing may drop a toast and with it its entry: dismiss from a copy. */
  for (guint i = 0; i < toasts->len; i++)
    {
      UndoToast *undo = g_ptr_array_index (toasts, i);
      AdwToast *toast = g_weak_ref_get (&undo->toast);

      undo->withdrawn = TRUE;
      if (toast != NULL)
        g_ptr_array_add (alive, toast);
    }
  for (guint i = 0; i < alive->len; i++)
    adw_toast_dismiss (g_ptr_array_index (alive, i));
}
