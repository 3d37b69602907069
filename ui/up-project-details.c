/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "Upphandla"

#include "config.h"

#include <glib/gi18n.h>

#include "up-a11y-util.h"
#include "up-entry-row.h"
#include "up-paste-guard.h"
#include "up-project-details.h"
#include "up-window.h"

/* The facts of the project that every chart and report shows: its title
 * and organisation (the header of each), and its description. What is
 * typed is committed after a pause, as in the window's fields, so that a
 * crash with the dialog open loses at most that pause; Save commits the
 * rest, and Cancel takes back what the dialog committed. */

/* How long typing may pause before what was typed is committed: as the
 * window's fields. */
#define TYPING_COMMIT_MS 1000

enum {
  FIELD_TITLE,
  FIELD_ORGANISATION,
  FIELD_DESCRIPTION,
  N_FIELDS
};

static const char * const field_properties[N_FIELDS] = { "title", "organisation", "description" };

typedef struct
{
  UpProject        *project;
  GtkWindow        *parent;    /* the dialog, which stands over it, owns this */
  UpEntryRow       *title;
  UpEntryRow       *organisation;
  GtkTextBuffer    *description;
  char             *original[N_FIELDS];
  /* the undo steps the dialog committed, oldest first */
  GArray           *serials;
  guint             description_timeout_id;
  gulong            commit_pending_id;
} Details;

static void
details_free (Details *details)
{
  g_clear_handle_id (&details->description_timeout_id, g_source_remove);
  g_clear_signal_handler (&details->commit_pending_id, details->project);
  g_signal_handlers_disconnect_by_data (details->title, details);
  g_signal_handlers_disconnect_by_data (details->organisation, details);
  g_signal_handlers_disconnect_by_data (details->description, details);
  g_clear_object (&details->project);
  g_clear_object (&details->parent);
  g_clear_object (&details->title);
  g_clear_object (&details->organisation);
  g_clear_object (&details->description);
  for (guint i = 0; i < N_FIELDS; i++)
    g_free (details->original[i]);
  g_array_unref (details->serials);
  g_free (details);
}

/* As the window tells of an edit refused in one of its views: a toast in
 * the window the dialog stands over, which stays there after the dialog
 * closes (a dialog of its own went with the reason the moment it was
 * closed). A save that fails afterwards (no permission, a full disk) is
 * the window's banner's, with its Try Again and Save As, as any edit's. */
static void
report_error (Details      *details,
              const GError *error)
{
  GtkWindow *window = details->parent;

  while (window != NULL && !UP_IS_WINDOW (window))
    window = gtk_window_get_transient_for (window);
  if (window != NULL)
    up_window_add_toast (UP_WINDOW (window), error->message);
  else
    g_warning ("Project details not committed: %s", error->message);
}

static const char *
project_value (Details *details,
               guint    field)
{
  switch (field)
    {
    case FIELD_TITLE:
      return up_project_get_title (details->project);
    case FIELD_ORGANISATION:
      return up_project_get_organisation (details->project);
    case FIELD_DESCRIPTION:
    default:
      return up_project_get_description (details->project);
    }
}

/* Sets the fields whose @values differ from the project's, in one group:
 * one undo step, remembered as the dialog's. */
static gboolean
commit_values (Details     *details,
               const char **values,
               GError     **error)
{
  UpHistory *history = up_project_get_history (details->project);
  guint n_changed = 0;
  gboolean ok = TRUE;

  for (guint i = 0; i < N_FIELDS; i++)
    n_changed += g_strcmp0 (project_value (details, i), values[i]) != 0;
  if (n_changed == 0)
    return TRUE;

  /* Translators: The name of an edit in the undo history. */
  up_project_begin_group (details->project, _("Edit Project Details"));
  for (guint i = 0; i < N_FIELDS && ok; i++)
    if (g_strcmp0 (project_value (details, i), values[i]) != 0)
      ok = up_project_set_string (details->project, details->project, field_properties[i],
                                  values[i], error);
  if (!up_project_end_group (details->project, ok ? error : NULL))
    ok = FALSE;

  if (ok)
    {
      guint serial = up_history_get_undo_serial (history);

      g_array_append_val (details->serials, serial);
    }
  return ok;
}

/* A title erased to be typed anew is not committed blank in passing, as
 * a stage's title is not: every chart would head with nothing meanwhile.
 * Save takes the fields as they are. */
static gboolean
title_is_blank (Details *details)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (details->title));

  for (; *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

/* What the fields hold now, committed where it changed (@saving: Save,
 * else a pause in typing). A field that cannot be edited (a text too long
 * for it, shown cut) keeps the project's value whole. */
static void
commit (Details  *details,
        gboolean  saving)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  const char *values[N_FIELDS];
  GtkTextIter start, end;

  g_clear_handle_id (&details->description_timeout_id, g_source_remove);
  gtk_text_buffer_get_bounds (details->description, &start, &end);
  description = gtk_text_buffer_get_text (details->description, &start, &end, FALSE);

  values[FIELD_TITLE] = gtk_editable_get_editable (GTK_EDITABLE (details->title)) &&
                        (saving || !title_is_blank (details))
                        ? gtk_editable_get_text (GTK_EDITABLE (details->title))
                        : project_value (details, FIELD_TITLE);
  values[FIELD_ORGANISATION] = gtk_editable_get_editable (GTK_EDITABLE (details->organisation))
                               ? gtk_editable_get_text (GTK_EDITABLE (details->organisation))
                               : project_value (details, FIELD_ORGANISATION);
  values[FIELD_DESCRIPTION] = description;

  if (!commit_values (details, values, &error))
    report_error (details, error);
}

/* Cancel: the project as it was when the dialog opened. The dialog's own
 * steps are undone while they are the newest (Redo brings them back, as
 * after any undo); else the values go back as an edit of their own. */
static void
revert (Details *details)
{
  UpHistory *history = up_project_get_history (details->project);
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&details->description_timeout_id, g_source_remove);
  while (details->serials->len > 0)
    {
      guint serial = g_array_index (details->serials, guint, details->serials->len - 1);

      if (up_history_get_undo_serial (history) != serial)
        break;
      if (!up_project_undo (details->project, &error))
        {
          report_error (details, error);
          return;
        }
      g_array_set_size (details->serials, details->serials->len - 1);
    }

  if (details->serials->len > 0 &&
      !commit_values (details, (const char **) details->original, &error))
    report_error (details, error);
}

static void
on_typing_paused (Details *details)
{
  commit (details, FALSE);
}

static gboolean
on_description_timeout (gpointer data)
{
  Details *details = data;

  details->description_timeout_id = 0;
  commit (details, FALSE);
  return G_SOURCE_REMOVE;
}

static void
on_description_changed (Details *details)
{
  g_clear_handle_id (&details->description_timeout_id, g_source_remove);
  details->description_timeout_id = g_timeout_add (TYPING_COMMIT_MS, on_description_timeout, details);
}

/* The window closes, or undoes: what is typed here is committed first, as
 * in its own fields. */
static void
on_commit_pending (Details *details)
{
  commit (details, FALSE);
}

static void
on_response (AdwMessageDialog *dialog,
             const char       *response,
             Details          *details)
{
  if (g_strcmp0 (response, "save") == 0)
    commit (details, TRUE);
  else
    revert (details);
  g_object_set_data (G_OBJECT (dialog), "up-project-details", NULL);
}

static UpEntryRow *
entry_row (const char *title,
           const char *text)
{
  UpEntryRow *row = UP_ENTRY_ROW (up_entry_row_new ());

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  /* A text longer than the field holds is shown cut, and kept as it is
   * (see save()). Read-only before the text comes: an editable field
   * refuses a text that does not fit (up_paste_guard_attach()). */
  gtk_editable_set_editable (GTK_EDITABLE (row), up_paste_guard_fits (text));
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  /* Return saves the dialog, as the default response. */
  up_entry_row_set_activates_default (row, TRUE);
  return row;
}

GtkWidget *
up_project_details_present (GtkWindow *parent,
                            UpProject *project)
{
  GtkWidget *dialog, *box, *list, *label, *scrolled, *view;
  Details *details;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (UP_IS_PROJECT (project), NULL);

  details = g_new0 (Details, 1);
  details->project = g_object_ref (project);
  details->parent = parent != NULL ? g_object_ref (parent) : NULL;
  details->title = g_object_ref (entry_row (_("_Title"), up_project_get_title (project)));
  details->organisation = g_object_ref (entry_row (_("_Organisation"), up_project_get_organisation (project)));
  details->original[FIELD_TITLE] = g_strdup (up_project_get_title (project));
  details->original[FIELD_ORGANISATION] = g_strdup (up_project_get_organisation (project));
  details->original[FIELD_DESCRIPTION] = g_strdup (up_project_get_description (project));
  details->serials = g_array_new (FALSE, FALSE, sizeof (guint));

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  /* Translators: What a screen reader calls the list of the Project
   * Details dialog's two fields as it enters it. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Title and Organisation"), -1);
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (details->title));
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (details->organisation));

  label = gtk_label_new_with_mnemonic (_("_Description"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_margin_top (label, 12);

  view = gtk_text_view_new ();
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 8);
  details->description = g_object_ref (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)));
  gtk_text_buffer_set_text (details->description, up_project_get_description (project), -1);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), view);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 110);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 220);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  gtk_widget_add_css_class (scrolled, "card");
  gtk_widget_set_overflow (scrolled, GTK_OVERFLOW_HIDDEN);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_box_append (GTK_BOX (box), list);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), scrolled);

  dialog = adw_message_dialog_new (parent, _("Project Details"),
                                   _("The title and the organisation head every chart and report."));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  /* Freed after the response, or with the dialog where it goes without
   * one (destroyed with its window): it holds the project. */
  g_object_set_data_full (G_OBJECT (dialog), "up-project-details", details, (GDestroyNotify) details_free);
  g_signal_connect (dialog, "response", G_CALLBACK (on_response), details);
  up_entry_row_set_typing_pause (details->title, TYPING_COMMIT_MS);
  up_entry_row_set_typing_pause (details->organisation, TYPING_COMMIT_MS);
  g_signal_connect_swapped (details->title, "typing-paused", G_CALLBACK (on_typing_paused), details);
  g_signal_connect_swapped (details->organisation, "typing-paused", G_CALLBACK (on_typing_paused), details);
  g_signal_connect_swapped (details->description, "changed", G_CALLBACK (on_description_changed), details);
  details->commit_pending_id = g_signal_connect_swapped (project, "commit-pending",
                                                         G_CALLBACK (on_commit_pending), details);
  up_a11y_util_name_controls (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (GTK_WIDGET (details->title));

  return dialog;
}
