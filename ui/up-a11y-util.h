/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* GTK 4.8 names a button whose label has a mnemonic with the raw label and
 * then the label's text ("_Save Note Save Note", "_Avbryt Avbryt"): a
 * screen reader reads the underscore and the words twice. This names each
 * such button under @root once with its label's text. For buttons whose
 * label stays as it is (those of a template, or built once). */
void up_a11y_util_name_mnemonic_buttons (GtkWidget *root);

G_END_DECLS
