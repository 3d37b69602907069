/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "Upphandla"

#include "config.h"

#include <adwaita.h>

#include "up-a11y-util.h"

/* GTK sets the button's label property, mnemonic and all, as its
 * accessible label, and the name adds the text of the label inside: the
 * label property goes, the text stays. */
static void
name_button (GtkWidget *button)
{
  gtk_accessible_reset_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL);
}

void
up_a11y_util_name_mnemonic_buttons (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  if (GTK_IS_BUTTON (root))
    {
      GtkWidget *child = gtk_button_get_child (GTK_BUTTON (root));

      if ((gtk_button_get_use_underline (GTK_BUTTON (root)) && gtk_button_get_label (GTK_BUTTON (root)) != NULL) ||
          (ADW_IS_BUTTON_CONTENT (child) && adw_button_content_get_use_underline (ADW_BUTTON_CONTENT (child))))
        name_button (root);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    up_a11y_util_name_mnemonic_buttons (child);
}
