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
 *   drop-down is for (its tooltip) and the choice it shows, as it changes. */
void up_a11y_util_name_controls (GtkWidget *root);

G_END_DECLS
