/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Replaces @file with @bytes whole or not at all, with an UP_EXPORT_ERROR
 * a user understands (full disk, no permission, no folder) on failure. */
gboolean _up_export_write_file (GFile   *file,
                                GBytes  *bytes,
                                GError **error);

/* Whether a table's field @text is written after a quote, "'", which keeps
 * a spreadsheet from taking it for a formula; an import takes the quote
 * off again where it reads one before a text this is TRUE of. */
gboolean _up_export_needs_quote (const char *text);

G_END_DECLS
