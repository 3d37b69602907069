/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "up-history.h"
#include "up-store-private.h"

G_BEGIN_DECLS

UpHistory    *_up_history_new       (void);
/* Takes @changes: the rows one edit changed, undone as one step. */
void          _up_history_push      (UpHistory   *self,
                                     const char  *label,
                                     UpChangeSet *changes);
/* The step that undo (or redo) would replay next, or NULL. */
UpChangeSet  *_up_history_peek_undo (UpHistory   *self);
/* The undo step @depth below the next one (0 is the next), or NULL. */
UpChangeSet  *_up_history_peek_undo_at (UpHistory *self,
                                        guint      depth);
UpChangeSet  *_up_history_peek_redo (UpHistory   *self);
/* After a successful replay: moves the step to the other stack. */
void          _up_history_did_undo  (UpHistory   *self);
void          _up_history_did_redo  (UpHistory   *self);
/* After the undo step @depth below the next one was replayed backwards
 * alone (see up_project_undo_edit()): forgets it, and every redo step. */
void          _up_history_did_undo_at (UpHistory *self,
                                       guint      depth);
/* How far below the next undo step the step @serial is, or -1. */
gint          _up_history_find_undo (UpHistory *self,
                                     guint      serial);
/* After the @n newest undo steps were replayed backwards to take them back
 * (see up_project_withdraw()): forgets them, leaving no redo step. */
void          _up_history_did_withdraw (UpHistory *self,
                                        guint      n);
/* The memory the steps on both stacks hold, in bytes, and how much they
 * may hold before the oldest undo steps are forgotten (64 MiB; the tests
 * make it small). The newest step is kept whatever its size. */
gsize         _up_history_get_size  (UpHistory   *self);
void          _up_history_set_budget (UpHistory  *self,
                                      gsize       budget);

G_END_DECLS
