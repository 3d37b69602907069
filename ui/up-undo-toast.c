/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "Upphandla"

#include "config.h"

#include <glib/gi18n.h>

#include "up-undo-toast.h"
#include "up-window.h"

/* The project's undo toasts that are still alive: a GPtrArray of UndoToast
 * in the project's qdata, so that closing the project can withdraw them. */
#define TOASTS_KEY "up-undo-toasts"

/* How long after it is added a toast is dismissed at the soonest.
 * libadwaita 1.2 frees a toast's state as the hide animation of a
 * dismissal ends, and the end of the show animation it interrupted, when a
 * busy main loop reaches both in one frame, then touches that freed state:
 * Delete and a quick Ctrl+Z crashed (/ui/window/quick-undo-toast). An undo
 * toast shows as it is added (it has the high priority; older ones go
 * first), in 300 ms, or 500 ms replacing another. */
#define SETTLE_MS 600

typedef struct
{
  UpProject *project;
  GWeakRef   toast;
  guint      serial;      /* the edit's step in the history */
  gulong     history_id;  /* the toast follows the history */
  gboolean   withdrawn;   /* the project left its window */
  gint64     added;       /* when it was made, just before it is shown */
  guint      dismiss_id;  /* a dismissal waiting for the toast to settle */
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
  g_clear_signal_handler (&undo->history_id, up_project_get_history (undo->project));
  g_clear_handle_id (&undo->dismiss_id, g_source_remove);
  g_weak_ref_clear (&undo->toast);
  g_object_unref (undo->project);
  g_free (undo);
}

/* Tells the user, in the window of @project, why its toast's Undo did
 * nothing. */
static void
tell (UpProject  *project,
      const char *message)
{
  g_autoptr(GList) windows = gtk_window_list_toplevels ();

  for (GList *l = windows; l != NULL; l = l->next)
    if (UP_IS_WINDOW (l->data) && up_window_get_project (l->data) == project)
      {
        up_window_add_toast (l->data, message);
        return;
      }
}

static void
on_undo_clicked (AdwToast  *toast,
                 UndoToast *undo)
{
  g_autoptr(GError) error = NULL;

  if (undo->withdrawn)
    return;

  /* Text typed since and not committed yet (a field not left, a pause in
   * typing not reached) is committed first, as a step of its own, so that
   * the undo below neither loses it nor has a view show another item
   * over it. */
  up_project_commit_pending (undo->project);

  /* The toast goes as soon as its edit can no longer be undone on its
   * own; check once more all the same, so that Undo never undoes another
   * edit. It can be clicked as it goes, or the typing just committed may
   * have changed what the delete did: the click must not seem lost. */
  if (!up_project_can_undo_edit (undo->project, undo->serial))
    {
      /* Translators: A toast after the Undo of a deletion's toast was
       * clicked too late: a later edit changed the same items (say, the
       * stages the deletion moved up were reordered). Short: a toast in a
       * window 640 px wide shows about 55 characters. */
      tell (undo->project, _("Not undone: a later change touched the deleted item"));
      return;
    }

  if (!up_project_undo_edit (undo->project, undo->serial, &error))
    tell (undo->project, error->message);
}

static void
dismiss_settled (gpointer data)
{
  UndoToast *undo = data;
  AdwToast *toast = g_weak_ref_get (&undo->toast);

  undo->dismiss_id = 0;
  if (toast != NULL)
    adw_toast_dismiss (toast);
  g_clear_object (&toast);
}

/* Dismisses @undo's toast, once it has settled (see SETTLE_MS). */
static void
dismiss (UndoToast *undo)
{
  gint64 wait_ms = SETTLE_MS - (g_get_monotonic_time () - undo->added) / 1000;

  if (undo->dismiss_id != 0)
    return;
  if (wait_ms <= 0)
    dismiss_settled (undo);
  else
    undo->dismiss_id = g_timeout_add_once (wait_ms, dismiss_settled, undo);
}

/* After every step of the history (an edit, an undo, a redo). Not at the
 * project's "changed": that comes before the step is in the history. An
 * edit of other rows leaves the toast: typing still pending when Undo is
 * pressed is committed as the focus leaves the text, before the click,
 * and the deleted item must come back all the same. */
static void
on_history_changed (UndoToast *undo)
{
  AdwToast *toast = g_weak_ref_get (&undo->toast);

  if (toast != NULL && !up_project_can_undo_edit (undo->project, undo->serial))
    dismiss (undo);
  g_clear_object (&toast);
}

/* Dismisses every live toast of @project; @withdrawn: the project left
 * its window, and their Undo must change nothing. */
static void
dismiss_all (UpProject *project,
             gboolean   withdrawn)
{
  g_autoptr(GPtrArray) alive = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) undos = g_ptr_array_new ();
  GPtrArray *toasts = toasts_of (project);

  if (toasts == NULL)
    return;

  /* Dismissing may drop a toast and with it its entry: dismiss from a copy,
   * the toasts held (and with them their entries) until the end. */
  for (guint i = 0; i < toasts->len; i++)
    {
      UndoToast *undo = g_ptr_array_index (toasts, i);
      AdwToast *toast = g_weak_ref_get (&undo->toast);

      undo->withdrawn |= withdrawn;
      if (toast != NULL)
        {
          g_ptr_array_add (alive, toast);
          g_ptr_array_add (undos, undo);
        }
    }
  for (guint i = 0; i < undos->len; i++)
    dismiss (g_ptr_array_index (undos, i));
}

AdwToast *
up_toast_new (const char *title)
{
  AdwToast *toast;
  GtkWidget *label;

  g_return_val_if_fail (title != NULL, NULL);

  toast = adw_toast_new (title);
  label = gtk_label_new (NULL);
  gtk_label_set_markup (GTK_LABEL (label), title);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  /* The overlay gives a toast its natural width, and the height of that
   * width, up to its own: a label of one line as long as its text ran
   * out of the toast (and lay over the header bar's layout). So many
   * characters, with the Undo and close buttons, fit the narrowest
   * window (640 px) with DejaVu Sans's wide bold. */
  gtk_label_set_max_width_chars (GTK_LABEL (label), 44);
  /* as the toast's own title */
  gtk_widget_add_css_class (label, "heading");
  adw_toast_set_custom_title (toast, label);
  return toast;
}

const char *
up_toast_get_text (AdwToast *toast)
{
  GtkWidget *label;

  g_return_val_if_fail (ADW_IS_TOAST (toast), NULL);

  label = adw_toast_get_custom_title (toast);
  g_return_val_if_fail (GTK_IS_LABEL (label), NULL);
  return gtk_label_get_text (GTK_LABEL (label));
}

AdwToast *
up_undo_toast_new (UpProject  *project,
                   const char *title)
{
  AdwToast *toast;
  UndoToast *undo;
  GPtrArray *toasts;

  g_return_val_if_fail (UP_IS_PROJECT (project), NULL);

  /* The newest delete's toast takes the place of the others: they would
   * wait in the overlay's queue and come back one after another, long
   * after their deletes. Ctrl+Z still undoes those. */
  dismiss_all (project, FALSE);

  toast = up_toast_new (title);
  adw_toast_set_button_label (toast, _("Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);

  undo = g_new0 (UndoToast, 1);
  undo->project = g_object_ref (project);
  g_weak_ref_init (&undo->toast, toast);
  undo->serial = up_history_get_undo_serial (up_project_get_history (project));
  undo->added = g_get_monotonic_time ();
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_undo_clicked), undo,
                         undo_toast_free, 0);
  /* Disconnected when the toast's handler frees @undo. */
  undo->history_id = g_signal_connect_swapped (up_project_get_history (project), "notify::can-undo",
                                               G_CALLBACK (on_history_changed), undo);

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
  g_return_if_fail (UP_IS_PROJECT (project));

  dismiss_all (project, TRUE);
}
