/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Fills the popover of @button with a GtkCalendar (week numbers shown) the
 * first time it opens, connects @day_selected to its "day-selected" with
 * @user_data swapped in, and keeps it in *@calendar. A calendar is some
 * eighty widgets; a window has three, seldom opened, that it need not build
 * before its first frame. */
void up_calendar_button_init (GtkMenuButton  *button,
                              GtkCalendar   **calendar,
                              GCallback       day_selected,
                              gpointer        user_data);

G_END_DECLS
