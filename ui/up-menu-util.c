/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "Upphandla"

#include "config.h"

#include "up-menu-util.h"

void
up_menu_util_popup (GtkWidget  *parent,
                    GtkWidget **menu,
                    GMenuModel *model,
                    double      x,
                    double      y)
{
  GdkRectangle at = { (int) x, (int) y, 1, 1 };

  g_return_if_fail (GTK_IS_WIDGET (parent));
  g_return_if_fail (menu != NULL);
  g_return_if_fail (G_IS_MENU_MODEL (model));

  if (*menu == NULL)
    {
      *menu = gtk_popover_menu_new_from_model (model);
      gtk_popover_set_has_arrow (GTK_POPOVER (*menu), FALSE);
      gtk_widget_set_halign (*menu, GTK_ALIGN_START);
      gtk_widget_set_parent (*menu, parent);
    }
  gtk_popover_set_pointing_to (GTK_POPOVER (*menu), &at);
  gtk_popover_popup (GTK_POPOVER (*menu));
}
