/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "up-local-goal.h"
#include "up-record-private.h"

struct _UpLocalGoal
{
  UpRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (UpLocalGoal, up_local_goal, UP_TYPE_RECORD)

static void
up_local_goal_class_init (UpLocalGoalClass *klass)
{
  _up_record_class_install_columns (UP_RECORD_CLASS (klass), UP_TABLE_LOCAL_GOAL);
}

static void
up_local_goal_init (UpLocalGoal *self)
{
}

const char *
up_local_goal_get_level (UpLocalGoal *self)
{
  g_return_val_if_fail (UP_IS_LOCAL_GOAL (self), NULL);

  return _up_record_get_string_at (UP_RECORD (self), UP_LOCAL_GOAL_LEVEL);
}

const char *
up_local_goal_get_title (UpLocalGoal *self)
{
  g_return_val_if_fail (UP_IS_LOCAL_GOAL (self), NULL);

  return _up_record_get_string_at (UP_RECORD (self), UP_LOCAL_GOAL_TITLE);
}

const char *
up_local_goal_get_indicator (UpLocalGoal *self)
{
  g_return_val_if_fail (UP_IS_LOCAL_GOAL (self), NULL);

  return _up_record_get_string_at (UP_RECORD (self), UP_LOCAL_GOAL_INDICATOR);
}

const char *
up_local_goal_get_baseline (UpLocalGoal *self)
{
  g_return_val_if_fail (UP_IS_LOCAL_GOAL (self), NULL);

  return _up_record_get_string_at (UP_RECORD (self), UP_LOCAL_GOAL_BASELINE);
}

const char *
up_local_goal_get_target_value (UpLocalGoal *self)
{
  g_return_val_if_fail (UP_IS_LOCAL_GOAL (self), NULL);

  return _up_record_get_string_at (UP_RECORD (self), UP_LOCAL_GOAL_TARGET_VALUE);
}

gint64
up_local_goal_get_position (UpLocalGoal *self)
{
  g_return_val_if_fail (UP_IS_LOCAL_GOAL (self), 0);

  return _up_record_get_int_at (UP_RECORD (self), UP_LOCAL_GOAL_POSITION);
}
