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
