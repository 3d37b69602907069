/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "Upphandla"

#include "config.h"

#include "up-calendar-button.h"

typedef struct
{
  GtkCalendar **calendar;
  GCallback     day_selected;
  gpointer      user_data;
} CalendarSetup;

static void
create_calendar (GtkMenuButton *button,
                 gpointer       data)
{
  CalendarSetup *setup = data;
  GtkWidget *calendar;

  if (*setup->calendar != NULL)
    return;

  calendar = gtk_calendar_new ();
  gtk_calendar_set_show_week_numbers (GTK_CALENDAR (calendar), TRUE);
  /* A screen reader named it only "calendar": it says what the date is
   * for, as the button's tooltip does ("Choose the Start Date"). */
  if (gtk_widget_get_tooltip_text (GTK_WIDGET (button)) != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (calendar),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    gtk_widget_get_tooltip_text (GTK_WIDGET (button)),
                                    -1);
  g_signal_connect_swapped (calendar, "day-selected", setup->day_selected, setup->user_data);
  gtk_popover_set_child (gtk_menu_button_get_popover (button), calendar);
  *setup->calendar = GTK_CALENDAR (calendar);
}

void
up_calendar_button_init (GtkMenuButton  *button,
                         GtkCalendar   **calendar,
                         GCallback       day_selected,
                         gpointer        user_data)
{
  CalendarSetup *setup;

  g_return_if_fail (GTK_IS_MENU_BUTTON (button));
  g_return_if_fail (GTK_IS_POPOVER (gtk_menu_button_get_popover (button)));
  g_return_if_fail (calendar != NULL);

  setup = g_new0 (CalendarSetup, 1);
  setup->calendar = calendar;
  setup->day_selected = day_selected;
  setup->user_data = user_data;
  gtk_menu_button_set_create_popup_func (button, create_calendar, setup, g_free);
}
