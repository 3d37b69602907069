/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "up-record.h"

G_BEGIN_DECLS

#define UP_TYPE_STAGE (up_stage_get_type ())

G_DECLARE_FINAL_TYPE (UpStage, up_stage, UP, STAGE, UpRecord)

const char * up_stage_get_kind (UpStage *self);
const char * up_stage_get_title (UpStage *self);
const char * up_stage_get_description (UpStage *self);
const char * up_stage_get_start_date (UpStage *self);
const char * up_stage_get_end_date (UpStage *self);
const char * up_stage_get_status (UpStage *self);
gint64       up_stage_get_position (UpStage *self);
gboolean     up_stage_get_is_milestone (UpStage *self);
gboolean     up_stage_get_is_decision (UpStage *self);
gboolean     up_stage_kind_is_decision (const char *kind);
int          up_stage_get_duration (UpStage *self);

G_END_DECLS
