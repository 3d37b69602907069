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
