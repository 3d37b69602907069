/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>
#include <upphandla/upphandla.h>

G_BEGIN_DECLS

/* A toast saying @title about the edit just made to @project (a delete),
 * with an Undo button that undoes that edit and nothing else: the toast
 * goes at the project's next change (an edit, an undo or a redo), after
 * which Undo would undo something the toast does not name. */
AdwToast *up_undo_toast_new      (UpProject  *project,
                                  const char *title);

/* The project leaves its window: its undo toasts go, and their Undo
 * (should one still be clicked) changes nothing. */
void      up_undo_toast_withdraw (UpProject  *project);

G_END_DECLS
