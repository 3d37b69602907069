/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How many texts timelines have laid out since the start: the tests'
 * count that a change of style keeping the font lays out nothing again. */
guint _up_timeline_get_layouts_made (void);

G_END_DECLS
