/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "up-scroller.h"

void
up_scroller_fit (GtkScrolledWindow *scrolled,
                 guint              n_rows,
                 guint              max_rows,
                 int                height)
{
  gboolean scrolls = n_rows > max_rows;

  g_return_if_fail (GTK_IS_SCROLLED_WINDOW (scrolled));

  gtk_scrolled_window_set_policy (scrolled, GTK_POLICY_NEVER,
                                  scrolls ? GTK_POLICY_AUTOMATIC : GTK_POLICY_NEVER);
  /* The minimum first when it grows, the maximum first when it shrinks:
   * GTK refuses a minimum above the maximum. */
  if (scrolls)
    {
      gtk_scrolled_window_set_max_content_height (scrolled, height);
      gtk_scrolled_window_set_min_content_height (scrolled, height);
    }
  else
    {
      gtk_scrolled_window_set_min_content_height (scrolled, -1);
      gtk_scrolled_window_set_max_content_height (scrolled, -1);
    }
}

void
up_scroller_fit_shown (GtkScrolledWindow *scrolled,
                       guint              n_rows,
                       guint              max_rows,
                       int                height)
{
  GtkWidget *page;

  g_return_if_fail (GTK_IS_SCROLLED_WINDOW (scrolled));

  up_scroller_fit (scrolled, n_rows, max_rows, height);
  if (n_rows <= max_rows)
    {
      gtk_scrolled_window_set_propagate_natural_height (scrolled, FALSE);
      return;
    }

  /* No minimum: it asks for the height of its rows as its natural height,
   * at most @height. The viewport of the page gives its content the
   * minimum height by default, once the page scrolls, which would leave
   * the list none: it gives the natural one instead. */
  gtk_scrolled_window_set_min_content_height (scrolled, -1);
  gtk_scrolled_window_set_propagate_natural_height (scrolled, TRUE);
  page = gtk_widget_get_ancestor (GTK_WIDGET (scrolled), GTK_TYPE_VIEWPORT);
  if (page != NULL)
    gtk_scrollable_set_vscroll_policy (GTK_SCROLLABLE (page), GTK_SCROLL_NATURAL);
}

gboolean
up_scroller_show (GtkWidget *widget)
{
  GtkWidget *scrolled;
  GtkAdjustment *adjustment;
  graphene_rect_t bounds;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);

  scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  if (scrolled == NULL)
    return TRUE;
  if (gtk_widget_get_height (widget) <= 0 || !gtk_widget_compute_bounds (widget, scrolled, &bounds))
    return FALSE;

  /* The bounds lie in the scrolled window, the adjustment in what it
   * scrolls, the margins of its child included. */
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  bounds.origin.y += gtk_adjustment_get_value (adjustment);
  gtk_adjustment_clamp_page (adjustment, bounds.origin.y, bounds.origin.y + bounds.size.height);
  return TRUE;
}
