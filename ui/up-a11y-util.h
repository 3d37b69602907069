/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Names for a screen reader what GTK 4.8 names badly, under @root:
 * - a button whose label has a mnemonic, named with the raw label and then
 *   the label's text ("_Save Note Save Note", "_Avbryt Avbryt"): named once
 *   with its label's text (for buttons whose label stays as it is: those of
 *   a template, or built once);
 * - a drop-down's inner button, "GtkToggleButton": named after what the
 *   drop-down is for (its tooltip, or else its mnemonic label) and the
 *   choice it shows, as it changes;
 * - a status page's scrolled window, which takes the focus, "": named
 *   after the page's title and description.
 * - a button that shows only an icon, whose tooltip GTK 4.8 made its
 *   description as well as its name ("Redo Redo"): no description, also
 *   when its tooltip changes, unless its code sets one after the tooltip.
 * - a menu button that shows a text of its own, named "GtkMenuButton":
 *   named with that text;
 * And it opens the choices of a drop-down or combo row on the one chosen
 * (GTK 4.8 put the focus on the first). */
void       up_a11y_util_name_controls (GtkWidget  *root);

/* Names @drop_down, which has neither a tooltip nor a label of its own,
 * with @what (what it is for, "Impact on target 3.8"), and its inner
 * button, which takes the focus, with @what and the choice it shows, as
 * up_a11y_util_name_controls() names the others. */
void       up_a11y_util_name_drop_down (GtkDropDown *drop_down,
                                        const char  *what);

/* The row of a list that @child shows: a GtkListBoxRow, or the row GTK
 * 4.8 makes for an item of a GtkListView or GtkColumnView. That row takes
 * the focus, and a screen reader read it as "" or "GtkListItemWidget",
 * never as what it shows. NULL while @child is in no list. */
GtkWidget *up_a11y_util_get_row       (GtkWidget  *child);

/* Names the row that @child shows (see above) with @label, for a screen
 * reader; a factory calls it on each bind. */
void       up_a11y_util_name_row      (GtkWidget  *child,
                                       const char *label);

/* Tab and Shift+Tab leave @list (a GtkListView or GtkColumnView, or a
 * GtkListBox whose rows hold no controls) for the next or previous
 * control; the arrow keys move between its rows. GTK 4.8 moved Tab from
 * row to row: to reach the editor beside a list of two hundred notes took
 * two hundred Tabs, and the notes of a stage were as many Tab stops. */
void       up_a11y_util_tab_leaves_list (GtkWidget *list);

/* The first widget of @type at or below @widget, depth first; NULL when
 * there is none. */
GtkWidget *up_a11y_util_find_descendant (GtkWidget *widget,
                                         GType      type);

G_END_DECLS
