/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "up-types.h"

G_BEGIN_DECLS

#define UP_TYPE_HISTORY (up_history_get_type ())

G_DECLARE_FINAL_TYPE (UpHistory, up_history, UP, HISTORY, GObject)

/* The undo and redo stacks of one project, for as long as it is open. They
 * hold the rows each step changed, up to 64 MiB: past that the oldest
 * steps are forgotten (the newest is always kept), which "n-forgotten"
 * counts and notifies when it changes. Undo and redo
 * themselves are edits of the project: see up_project_undo(). */
gboolean     up_history_get_can_undo   (UpHistory *self);
gboolean     up_history_get_can_redo   (UpHistory *self);
const char  *up_history_get_undo_label (UpHistory *self);
const char  *up_history_get_redo_label (UpHistory *self);
guint        up_history_get_n_undo     (UpHistory *self);
guint        up_history_get_n_redo     (UpHistory *self);
guint        up_history_get_undo_serial (UpHistory *self);
guint        up_history_get_n_forgotten (UpHistory *self);
void         up_history_clear          (UpHistory *self);

G_END_DECLS
