/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>
#include <upphandla/upphandla.h>

G_BEGIN_DECLS

/* A toast saying @title (Pango markup, as adw_toast_new() takes it) on as
 * many lines as the window needs: libadwaita 1.2 cuts a title too long
 * for one line with "…", which lost what a long toast says last ("… (1
 * note changed, 2 new stakeholders)"), or the name of a file. */
AdwToast   *up_toast_new          (const char *title);
/* The text a toast of up_toast_new() shows, without markup. */
const char *up_toast_get_text     (AdwToast   *toast);

/* A toast saying @title about the edit just made to @project (a delete),
 * with an Undo button that undoes that edit and nothing else, keeping the
 * edits of other rows made since (up_project_undo_edit()): the toast goes
 * when its edit can no longer be undone so (undone already, or a later
 * edit touched what it changed). */
AdwToast *up_undo_toast_new      (UpProject  *project,
                                  const char *title);

/* The project leaves its window: its undo toasts go, and their Undo
 * (should one still be clicked) changes nothing. */
void      up_undo_toast_withdraw (UpProject  *project);

G_END_DECLS
