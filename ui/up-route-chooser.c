/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "up-route-chooser"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "up-a11y-util.h"
#include "up-entry-row.h"
#include "up-route.h"
#include "up-route-chooser.h"

typedef struct
{
  UpProject  *project;
  GtkWidget  *date_row;
  GPtrArray  *checks;     /* one GtkCheckButton a route */
} Chooser;

static void
chooser_free (gpointer  data,
              GClosure *closure)
{
  Chooser *chooser = data;

  g_clear_object (&chooser->project);
  g_clear_pointer (&chooser->checks, g_ptr_array_unref);
  g_free (chooser);
}

static char *
next_monday (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) monday = g_date_time_add_days (now, 8 - g_date_time_get_day_of_week (now));

  return g_date_time_format (monday, "%Y-%m-%d");
}

static void
on_response (AdwMessageDialog *dialog,
             const char       *response,
             Chooser          *chooser)
{
  g_autoptr(GError) error = NULL;
  const char *start;

  if (g_strcmp0 (response, "lay-out") != 0)
    return;

  start = gtk_editable_get_text (GTK_EDITABLE (chooser->date_row));
  for (guint i = 0; i < chooser->checks->len; i++)
    {
      if (!gtk_check_button_get_active (chooser->checks->pdata[i]))
        continue;

      if (up_route_apply (chooser->project, up_route_get (i)->id, start, &error))
        up_history_clear (up_project_get_history (chooser->project));
      break;
    }

  if (error != NULL)
    {
      GtkWidget *message = adw_message_dialog_new (gtk_window_get_transient_for (GTK_WINDOW (dialog)),
                                                   _("Could Not Lay Out the Route"),
                                                   error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (message), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (message));
    }
}

static void
on_date_changed (GtkEditable      *editable,
                 AdwMessageDialog *dialog)
{
  gboolean valid = up_date_is_valid (gtk_editable_get_text (editable));

  adw_message_dialog_set_response_enabled (dialog, "lay-out", valid);
  up_entry_row_set_invalid (UP_ENTRY_ROW (editable), !valid);
}

/* Return after typing the date does what the default button does (the
 * dialog of libadwaita 1.2 has no default widget for activates-default
 * to find); a date that is not valid stays for the user to correct. */
static void
on_date_activated (UpEntryRow       *row,
                   AdwMessageDialog *dialog)
{
  if (!adw_message_dialog_get_response_enabled (dialog, "lay-out"))
    return;

  adw_message_dialog_response (dialog, "lay-out");
  gtk_window_close (GTK_WINDOW (dialog));
}

/* The routes keep this much of their height when they scroll: two of them. */
#define MIN_ROUTES_HEIGHT 120

/* The height of @window as it is, or as it will be shown. */
static int
window_height (GtkWindow *window)
{
  int height = 0;

  if (gtk_widget_get_mapped (GTK_WIDGET (window)))
    return gtk_widget_get_height (GTK_WIDGET (window));

  gtk_window_get_default_size (window, NULL, &height);
  return height;
}

/* The height of @dialog at the width it asks for. */
static int
dialog_height (GtkWidget *dialog)
{
  int width = 0, height = 0;

  gtk_widget_measure (dialog, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &width, NULL, NULL);
  gtk_widget_measure (dialog, GTK_ORIENTATION_VERTICAL, width, NULL, &height, NULL, NULL);
  return height;
}

/* The routes scroll where the dialog would be taller than its window: on a
 * workshop laptop's window of 640 × 480 it was 606 px high, its date and
 * buttons below the window's edge and, on a small screen, the screen's.
 * The scrolled window is given the height that is left for it, measured
 * with the routes out of the dialog: GTK 4.8 measures what it scrolls at
 * no width, where the routes' subtitles do not wrap, and so would ask for
 * too little. */
static void
fit_routes (GtkWidget *dialog,
            GtkWidget *box,
            GtkWidget *list,
            GtkWindow *parent)
{
  int room = parent != NULL ? window_height (parent) : 0;
  int rest;
  GtkWidget *routes;

  if (room <= 0 || dialog_height (dialog) <= room)
    return;

  gtk_widget_set_visible (list, FALSE);
  rest = dialog_height (dialog) + gtk_box_get_spacing (GTK_BOX (box));
  gtk_widget_set_visible (list, TRUE);

  routes = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (routes), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (routes), MAX (MIN_ROUTES_HEIGHT, room - rest));
  /* as wide as the routes ask: the dialog takes the width its content asks
   * for, and took a narrow one without */
  gtk_scrolled_window_set_propagate_natural_width (GTK_SCROLLED_WINDOW (routes), TRUE);
  g_object_ref (list);
  gtk_box_remove (GTK_BOX (box), list);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (routes), list);
  g_object_unref (list);
  gtk_box_prepend (GTK_BOX (box), routes);
}

void
up_route_chooser_present (GtkWindow *parent,
                          UpProject *project)
{
  g_autofree char *monday = next_monday ();
  GtkWidget *dialog, *box, *list, *dates;
  GtkCheckButton *group = NULL;
  Chooser *chooser;

  g_return_if_fail (UP_IS_PROJECT (project));

  chooser = g_new0 (Chooser, 1);
  chooser->project = g_object_ref (project);
  chooser->checks = g_ptr_array_new ();

  dialog = adw_message_dialog_new (parent, _("How Does the Procurement Start?"),
                                   _("Lay out the stages of a procurement route, then drag them into place. You can also start with an empty timeline."));

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");

  for (guint i = 0; i < up_route_get_n_routes (); i++)
    {
      const UpRoute *route = up_route_get (i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(route->name));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _(route->description));
      gtk_check_button_set_group (GTK_CHECK_BUTTON (check), group);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), i == 0);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _(route->name),
                                      -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      gtk_list_box_append (GTK_LIST_BOX (list), row);

      if (group == NULL)
        group = GTK_CHECK_BUTTON (check);
      g_ptr_array_add (chooser->checks, check);
    }

  dates = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (dates), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (dates, "boxed-list");
  chooser->date_row = up_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (chooser->date_row),
                                 _("First day (year-month-day)"));
  gtk_editable_set_text (GTK_EDITABLE (chooser->date_row), monday);
  gtk_list_box_append (GTK_LIST_BOX (dates), chooser->date_row);

  gtk_box_append (GTK_BOX (box), list);
  gtk_box_append (GTK_BOX (box), dates);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "empty", _("Start _Empty"),
                                    "lay-out", _("_Lay Out Stages"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "lay-out",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "lay-out");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "empty");

  g_signal_connect (chooser->date_row, "changed", G_CALLBACK (on_date_changed), dialog);
  g_signal_connect (chooser->date_row, "entry-activated", G_CALLBACK (on_date_activated), dialog);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_response), chooser,
                         chooser_free, 0);

  up_a11y_util_name_controls (GTK_WIDGET (dialog));
  fit_routes (dialog, box, list, parent);
  gtk_window_present (GTK_WINDOW (dialog));
}
