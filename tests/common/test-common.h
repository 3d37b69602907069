/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Helpers shared by the test programs of every suite. */

/* Removes @path and everything below it, making folders writable first
 * (tests leave read-only folders behind on purpose) and never following a
 * link out of the tree. Returns whether @path is gone. */
gboolean test_remove_tree (const char *path);

G_END_DECLS
