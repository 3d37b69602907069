/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "Upphandla"

#include "config.h"

#include <glib/gi18n.h>

#include "up-a11y-util.h"
#include "up-entry-row.h"
#include "up-paste-guard.h"
#include "up-project-details.h"

/* The facts of the project that every chart and report shows: its title
 * and organisation (the header of each), and its description. */

typedef struct
{
  UpProject     *project;
  GtkWindow     *parent;
  UpEntryRow    *title;
  UpEntryRow    *organisation;
  GtkTextBuffer *description;
} Details;

static void
details_free (Details *details)
{
  g_clear_object (&details->project);
  g_clear_object (&details->parent);
  g_clear_object (&details->title);
  g_clear_object (&details->organisation);
  g_clear_object (&details->description);
  g_free (details);
}

static void
show_error (GtkWindow    *parent,
            const GError *error)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, _("The Project Details Were Not Saved"),
                                              error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The fields that changed, set in one group: one undo step. */
static void
save (Details *details)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  GtkTextIter start, end;
  struct
  {
    const char *property;
    const char *old_value;
    const char *new_value;
  } fields[3];
  guint n_changed = 0;
  gboolean ok = TRUE;

  gtk_text_buffer_get_bounds (details->description, &start, &end);
  description = gtk_text_buffer_get_text (details->description, &start, &end, FALSE);

  fields[0].property = "title";
  fields[0].old_value = up_project_get_title (details->project);
  fields[0].new_value = gtk_editable_get_editable (GTK_EDITABLE (details->title))
                        ? gtk_editable_get_text (GTK_EDITABLE (details->title)) : fields[0].old_value;
  fields[1].property = "organisation";
  fields[1].old_value = up_project_get_organisation (details->project);
  fields[1].new_value = gtk_editable_get_editable (GTK_EDITABLE (details->organisation))
                        ? gtk_editable_get_text (GTK_EDITABLE (details->organisation)) : fields[1].old_value;
  fields[2].property = "description";
  fields[2].old_value = up_project_get_description (details->project);
  fields[2].new_value = description;

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    n_changed += g_strcmp0 (fields[i].old_value, fields[i].new_value) != 0;
  if (n_changed == 0)
    return;

  /* Translators: The name of an edit in the undo history. */
  up_project_begin_group (details->project, _("Edit Project Details"));
  for (guint i = 0; i < G_N_ELEMENTS (fields) && ok; i++)
    if (g_strcmp0 (fields[i].old_value, fields[i].new_value) != 0)
      ok = up_project_set_string (details->project, details->project, fields[i].property,
                                  fields[i].new_value, &error);
  if (!up_project_end_group (details->project, error == NULL ? &error : NULL))
    ok = FALSE;

  if (!ok && error != NULL)
    show_error (details->parent, error);
}

static void
on_response (AdwMessageDialog *dialog,
             const char       *response,
             Details          *details)
{
  if (g_strcmp0 (response, "save") == 0)
    save (details);
  details_free (details);
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

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
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
  g_signal_connect (dialog, "response", G_CALLBACK (on_response), details);
  up_a11y_util_name_controls (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (GTK_WIDGET (details->title));

  return dialog;
}
