/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "up-window.h"

G_BEGIN_DECLS

#define UP_TYPE_APPLICATION (up_application_get_type ())

G_DECLARE_FINAL_TYPE (UpApplication, up_application, UP, APPLICATION, AdwApplication)

UpApplication *up_application_new            (void);

/* Opens @file in a window: the one that already shows it, else @target if
 * it shows the start page, else a new one. Asks first when a recovery copy
 * of the file exists; tells the user when the file cannot be opened. */
void           up_application_open_file      (UpApplication *self,
                                              GFile         *file,
                                              UpWindow      *target);

/* Remembers @file in the recent files of the desktop (GtkRecentManager). */
void           up_application_add_recent     (GFile         *file);

/* The app's own icons (its icon, and those of its views that the icon
 * theme does not have) in @display's icon theme, from the resources,
 * where they are not installed: a build run from its folder, a test. */
void           up_application_add_own_icons  (GdkDisplay    *display);

G_END_DECLS
