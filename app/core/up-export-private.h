/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Replaces @file with @bytes whole or not at all, with an UP_EXPORT_ERROR
 * a user understands (full disk, no permission, no folder) on failure. */
gboolean _up_export_write_file (GFile   *file,
                                GBytes  *bytes,
                                GError **error);

G_END_DECLS
