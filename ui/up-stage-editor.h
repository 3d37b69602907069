/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>
#include <upphandla/upphandla.h>

G_BEGIN_DECLS

#define UP_TYPE_STAGE_EDITOR (up_stage_editor_get_type ())

G_DECLARE_FINAL_TYPE (UpStageEditor, up_stage_editor, UP, STAGE_EDITOR, AdwBin)

/* Signals:
 *   "error" (const GError *error): an edit was refused or could not be
 *     made; the editor shows the model's value again. The window shows the
 *     message. */

GtkWidget *up_stage_editor_new            (void);
UpProject *up_stage_editor_get_project    (UpStageEditor *self);
void       up_stage_editor_set_project    (UpStageEditor *self,
                                           UpProject     *project);
UpStage   *up_stage_editor_get_stage      (UpStageEditor *self);
void       up_stage_editor_set_stage      (UpStageEditor *self,
                                           UpStage       *stage);

/* Commits what the user typed but did not commit yet (a window closes). */
void       up_stage_editor_commit_pending (UpStageEditor *self);
void       up_stage_editor_focus_title    (UpStageEditor *self);

G_END_DECLS
