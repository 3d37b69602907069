/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* GTK parses its own default theme when it makes a display's settings,
 * and libadwaita replaces that theme with its own style sheet as soon as
 * it starts: the parse is thrown away (80 M instructions, a tenth of the
 * way to the first frame). These two name libadwaita's empty GTK theme
 * for that moment only, through GTK_THEME, which GTK reads first.
 *
 * up_theme_prepare_environment() sets GTK_THEME before any thread reads
 * the environment, unless the user has set it. up_theme_init_display()
 * initialises GTK and makes the default display's settings (with the
 * empty theme), then takes GTK_THEME out again, before libadwaita starts:
 * libadwaita loads its style sheet only where GTK_THEME is not set.
 * It answers FALSE when no display could be opened. */
void     up_theme_prepare_environment (void);
gboolean up_theme_init_display        (void);

G_END_DECLS
