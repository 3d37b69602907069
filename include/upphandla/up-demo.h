/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "up-project.h"

G_BEGIN_DECLS

/* Fills an empty project with the demo procurement (digital safety alarms
 * for a municipality's elderly care), in the current language, through the
 * edit API. Leaves no undo step behind. */
gboolean   up_demo_fill   (UpProject  *project,
                           GError    **error);
UpProject *up_demo_create (GFile      *file,
                           GError    **error);

/* The demo project of the user's data folder, written there (in the current
 * language) the first time it is asked for, opened as it is after that. */
GFile     *up_demo_ensure_file (GError **error);

G_END_DECLS
