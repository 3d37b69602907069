/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "up-record.h"

G_BEGIN_DECLS

#define UP_TYPE_LOCAL_GOAL (up_local_goal_get_type ())

G_DECLARE_FINAL_TYPE (UpLocalGoal, up_local_goal, UP, LOCAL_GOAL, UpRecord)

const char * up_local_goal_get_level (UpLocalGoal *self);
const char * up_local_goal_get_title (UpLocalGoal *self);
const char * up_local_goal_get_indicator (UpLocalGoal *self);
const char * up_local_goal_get_baseline (UpLocalGoal *self);
const char * up_local_goal_get_target_value (UpLocalGoal *self);
gint64       up_local_goal_get_position (UpLocalGoal *self);

G_END_DECLS
