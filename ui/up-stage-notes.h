/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>
#include <upphandla/upphandla.h>

G_BEGIN_DECLS

#define UP_TYPE_STAGE_NOTES (up_stage_notes_get_type ())

G_DECLARE_FINAL_TYPE (UpStageNotes, up_stage_notes, UP, STAGE_NOTES, AdwBin)

/* The notes pinned to one stage, in the stage panel.
 * Signals:
 *   "error" (const GError *error): an edit was refused; the window shows it. */

GtkWidget *up_stage_notes_new         (void);
UpProject *up_stage_notes_get_project (UpStageNotes *self);
void       up_stage_notes_set_project (UpStageNotes *self,
                                       UpProject *project);
UpStage   *up_stage_notes_get_stage   (UpStageNotes *self);
void       up_stage_notes_set_stage   (UpStageNotes *self,
                                       UpStage   *stage);

G_END_DECLS
