/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>
#include <upphandla/upphandla.h>

G_BEGIN_DECLS

#define UP_TYPE_SDG_PICKER (up_sdg_picker_get_type ())

G_DECLARE_FINAL_TYPE (UpSdgPicker, up_sdg_picker, UP, SDG_PICKER, AdwBin)

/* The Agenda 2030 links of one stage, in the stage panel.
 * Signals:
 *   "error" (const GError *error): an edit was refused; the window shows it. */

GtkWidget *up_sdg_picker_new         (void);
UpProject *up_sdg_picker_get_project (UpSdgPicker *self);
void       up_sdg_picker_set_project (UpSdgPicker *self,
                                      UpProject *project);
UpStage   *up_sdg_picker_get_stage   (UpSdgPicker *self);
void       up_sdg_picker_set_stage   (UpSdgPicker *self,
                                      UpStage   *stage);

G_END_DECLS
