/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How many rows have made their text layouts (to draw themselves) since
 * the start: the tests' count that rows only measured make none. */
guint _up_stage_row_get_layouts_made (void);

G_END_DECLS
