/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The command line of `upphandla`. The options that need no display
 * (--info, --write-demo, --version) are handled in the local process, before
 * the application registers, so they work on a machine without a display. */
void   up_cli_add_options          (GApplication *application);
int    up_cli_handle_local_options (GApplication *application,
                                    GVariantDict *options);

G_END_DECLS
