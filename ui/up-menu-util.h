/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The menu of an item of @parent (a stage, a row, a stakeholder's mark),
 * opened at @x, @y of @parent: the GtkPopoverMenu of @model, made into
 * *@menu at its first opening (a view opens sooner without it) as a
 * child of @parent, which presents it when it is allocated. */
void up_menu_util_popup (GtkWidget  *parent,
                         GtkWidget **menu,
                         GMenuModel *model,
                         double      x,
                         double      y);

G_END_DECLS
