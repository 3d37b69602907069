/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define UP_TYPE_ROW_LABEL (up_row_label_get_type ())

G_DECLARE_FINAL_TYPE (UpRowLabel, up_row_label, UP, ROW_LABEL, GtkWidget)

/* A label in a row of a list, which holds @label as its one child. GTK
 * 4.8's list view asks every row it has made (about 200) for its size
 * with no width to fit, in both directions, and places the rows without
 * the answer; a label answers by laying out its whole text, twice. Held
 * so, a label that ends in "…" answers such a question from its font's
 * measures instead: its width in characters (width-chars and
 * max-width-chars for a label that wraps, the length of its text for one
 * line), and for a label that wraps, one line at the least and as many as
 * it may show at the most. Asked with a width, or for the height of one
 * line, it answers as the label does. */
GtkWidget *up_row_label_new       (GtkWidget  *label);
GtkLabel  *up_row_label_get_label (UpRowLabel *self);

G_END_DECLS
