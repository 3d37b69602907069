/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* GTK 4.8's list and column views keep a keyboard cursor of their own
 * beside the selection, and it can stay on another row when the selection
 * changes elsewhere (the timeline, the grid). A key that acts on "the
 * selected item" (Delete, Enter) must act on the row the focus is on, the
 * one a screen reader names. A factory marks each row's widget with its
 * item when it binds it; the focused row's item is then found from the
 * focus, and a selection made elsewhere can move the cursor with it. */
void      up_list_util_mark_item         (GtkWidget *row_child,
                                          gpointer   item);
gpointer  up_list_util_get_focused_item  (GtkWidget *list);
gboolean  up_list_util_focus_item        (GtkWidget *list,
                                          guint      position,
                                          gpointer   item);
void      up_list_util_move_cursor       (GtkWidget *list,
                                          guint      position,
                                          gpointer   item);
void      up_list_util_scroll_to_item    (GtkWidget *list,
                                          guint      position,
                                          gpointer   item);

/* Selects the item of the row with the focus in the list's selection
 * model, if it is not; FALSE when no row of @list has the focus. */
gboolean  up_list_util_select_focused    (GtkWidget  *list);
/* Delete (or the keypad's) on a row of @list activates the named @action
 * ("win.delete-stage"), its row selected first; a row's menu shows Delete
 * as the action's key. */
void      up_list_util_add_delete_key    (GtkWidget  *list,
                                          const char *action);
/* The shortcuts alone, for a widget that is no list (the grid). */
GtkEventController *up_list_util_new_delete_shortcuts (const char *action);

/* A menu of a row: a secondary click or a long press on a row, or
 * Shift+F10 or the Menu key on it, selects its item and opens @model
 * there. */
void       up_list_util_set_context_menu (GtkWidget  *list,
                                          GMenuModel *model);
GtkWidget *up_list_util_get_context_menu (GtkWidget  *list);

G_END_DECLS
