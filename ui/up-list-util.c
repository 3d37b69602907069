/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "Upphandla"

#include "config.h"

#include "up-list-util.h"

#define ITEM_KEY "up-list-item"

/* @item NULL when the row is unbound. The item is borrowed: the list
 * model holds it while the row shows it. */
void
up_list_util_mark_item (GtkWidget *row_child,
                        gpointer   item)
{
  g_return_if_fail (GTK_IS_WIDGET (row_child));

  g_object_set_data (G_OBJECT (row_child), ITEM_KEY, item);
}

static gpointer
find_item (GtkWidget *widget)
{
  gpointer item = g_object_get_data (G_OBJECT (widget), ITEM_KEY);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL && item == NULL;
       child = gtk_widget_get_next_sibling (child))
    item = find_item (child);
  return item;
}

/**
 * up_list_util_get_focused_item:
 *
 * Returns: (transfer none) (nullable): the item of the row of @list that
 * holds the keyboard focus (the row itself, or a widget in it)
 */
gpointer
up_list_util_get_focused_item (GtkWidget *list)
{
  GtkRoot *root;
  GtkWidget *focus;

  g_return_val_if_fail (GTK_IS_WIDGET (list), NULL);

  root = gtk_widget_get_root (list);
  focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  if (focus == NULL || focus == list || !gtk_widget_is_ancestor (focus, list))
    return NULL;

  /* the row (GTK's list item widget) and what the factory put in it */
  for (GtkWidget *w = focus; w != NULL && w != list; w = gtk_widget_get_parent (w))
    {
      gpointer item = g_object_get_data (G_OBJECT (w), ITEM_KEY);

      if (item != NULL)
        return item;
    }
  return find_item (focus);
}

/* The row of @list (GTK's list item widget) that shows @item, if made. */
static GtkWidget *
find_row (GtkWidget *list,
          gpointer   item)
{
  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    if (find_item (row) == item)
      return row;
  return NULL;
}

/**
 * up_list_util_focus_item:
 * @list: a list view whose rows up_list_util_mark_item() marks
 * @position: the position of @item in the list
 * @item: the item whose row takes the focus
 *
 * Scrolls @list to @item and gives its row the focus, and so the list's
 * keyboard cursor: gtk_widget_grab_focus() on the list itself would land
 * on the row the cursor was left on.
 *
 * Returns: whether the row took the focus
 */
gboolean
up_list_util_focus_item (GtkWidget *list,
                         guint      position,
                         gpointer   item)
{
  GtkWidget *row;

  g_return_val_if_fail (GTK_IS_WIDGET (list), FALSE);

  /* Makes the row, if it was out of sight. */
  gtk_widget_activate_action (list, "list.scroll-to-item", "u", position);
  row = find_row (list, item);

  return row != NULL && gtk_widget_grab_focus (row);
}

/**
 * up_list_util_move_cursor:
 * @list: a list view whose rows up_list_util_mark_item() marks
 * @position: the position of @item in the list
 * @item: the item just selected from elsewhere (the timeline)
 *
 * Scrolls @list to @item and puts the list's keyboard cursor on its row,
 * so that the arrows, Tab into the list and Delete start from the
 * selected row, not the one the cursor was left on.
 *
 * GTK 4.8 has no API for the cursor: it is the row the focus was on last,
 * which "list.scroll-to-item" records when the list's focus child is a
 * row (4.12 has gtk_list_view_scroll_to() with GTK_LIST_SCROLL_FOCUS).
 * With the focus in the list, the row takes it. Elsewhere the focus stays
 * where it is: the row is the list's focus child for the time of the
 * action only, so that a Tab into the list lands on it.
 */
void
up_list_util_move_cursor (GtkWidget *list,
                          guint      position,
                          gpointer   item)
{
  g_autoptr(GtkWidget) focus_child = NULL;
  GtkRoot *root;
  GtkWidget *focus;
  GtkWidget *row;

  g_return_if_fail (GTK_IS_WIDGET (list));

  /* Makes the row, if it was out of sight. */
  gtk_widget_activate_action (list, "list.scroll-to-item", "u", position);
  row = find_row (list, item);
  if (row == NULL)
    return;

  root = gtk_widget_get_root (list);
  focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  if (focus != NULL && gtk_widget_is_ancestor (focus, list))
    {
      if (focus != row && !gtk_widget_is_ancestor (focus, row))
        gtk_widget_grab_focus (row);
      return;
    }

  focus_child = gtk_widget_get_focus_child (list);
  if (focus_child != NULL)
    g_object_ref (focus_child);
  gtk_widget_set_focus_child (list, row);
  gtk_widget_activate_action (list, "list.scroll-to-item", "u", position);
  gtk_widget_set_focus_child (list, focus_child);
}
