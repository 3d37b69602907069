/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A list of rows inside a page that scrolls: up to @max_rows rows it shows
 * them all and scrolls with the page; with more it is @height pixels high
 * and scrolls on its own (a list view then makes rows only for what is in
 * sight). A scrolled window in a scrolled page would otherwise get its
 * minimum height, one row. */
void up_scroller_fit (GtkScrolledWindow *scrolled,
                      guint              n_rows,
                      guint              max_rows,
                      int                height);

/* As up_scroller_fit(), but with more than @max_rows rows the list is only
 * as high as the rows it shows, up to @height pixels, beyond which it
 * scrolls: a search that narrows it to a few leaves no empty space under
 * them. The page @scrolled is in is made to give it that height. */
void up_scroller_fit_shown (GtkScrolledWindow *scrolled,
                            guint              n_rows,
                            guint              max_rows,
                            int                height);

/* Scrolls the scrolled window round @widget, as little as it takes, to
 * show @widget whole; TRUE where there is none. FALSE while @widget has
 * no place in it yet (not laid out): call it again after the next layout. */
gboolean up_scroller_show (GtkWidget *widget);

G_END_DECLS
