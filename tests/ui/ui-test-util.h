/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void     wait_until      (gboolean  (*done) (gpointer),
                          gpointer    data);
gboolean is_mapped       (gpointer    data);
/* The mapped toplevel whose type is called @type_name, or NULL. */
GtkWindow *find_toplevel (const char *type_name);
/* For wait_until(): GTK's print dialog is shown; sets *@data to it. */
gboolean is_print_dialog_shown (gpointer data);
void     wait_for_frames (GtkWidget  *widget);
void     iterate_pending (void);
void     save_screenshot (GtkWidget  *widget,
                          const char *name);
/* A text field of a row, given the focus, puts it on a widget that GTK 4.8
 * tells a screen reader about: the text of a GtkEntry, named once, by a
 * label (AdwEntryRow's text is left out of the accessibility tree, and
 * the row could not say that it had the focus). Needs GTK_A11Y=test. */
void     assert_text_field_accessible (GtkWidget *row);

G_END_DECLS
