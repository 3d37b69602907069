/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "Upphandla"

#include "config.h"

#include "up-theme.h"

/* The theme libadwaita registers as a resource and names in GtkSettings
 * itself: it has no rules. */
#define EMPTY_THEME "Adwaita-empty"

static gboolean theme_set;

void
up_theme_prepare_environment (void)
{
  if (theme_set || g_getenv ("GTK_THEME") != NULL)
    return;

  /* Added last to the environment, so that taking it out again moves no
   * other variable under a thread that reads one. */
  g_setenv ("GTK_THEME", EMPTY_THEME, TRUE);
  theme_set = TRUE;
}

gboolean
up_theme_init_display (void)
{
  gboolean opened = gtk_init_check ();

  if (opened)
    gtk_settings_get_default ();

  if (theme_set)
    {
      g_unsetenv ("GTK_THEME");
      theme_set = FALSE;
    }

  return opened;
}
