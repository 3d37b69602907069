/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "up-project.h"

G_BEGIN_DECLS

/* Asks how a new, empty project should start: empty, or laid out from one
 * of the procurement routes from a chosen date. Laying out a new project is
 * part of creating it, so it leaves no undo step. */
void up_route_chooser_present (GtkWindow *parent,
                               UpProject *project);

G_END_DECLS
