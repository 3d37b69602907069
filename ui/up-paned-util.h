/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A side pane that keeps its width (resize-start-child false) gives it up
 * when the window gets too narrow for both children, and GtkPaned keeps
 * it squeezed when the window grows again. This remembers the width the
 * pane was given (its position when this is called, or a drag of the
 * handle) and gives it back, as far as there is room, whenever the paned
 * is allocated more room. */
void up_paned_util_keep_start_width (GtkPaned *paned);

G_END_DECLS
