/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "up-stage.h"
#include "up-record-private.h"

struct _UpStage
{
  UpRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (UpStage, up_stage, UP_TYPE_RECORD)

static void
up_stage_class_init (UpStageClass *klass)
{
  _up_record_class_install_columns (UP_RECORD_CLASS (klass), UP_TABLE_STAGE);
}

static void
up_stage_init (UpStage *self)
{
}

const char *
up_stage_get_kind (UpStage *self)
{
  g_return_val_if_fail (UP_IS_STAGE (self), NULL);

  return _up_record_get_string_at (UP_RECORD (self), UP_STAGE_KIND);
}

const char *
up_stage_get_title (UpStage *self)
{
  g_return_val_if_fail (UP_IS_STAGE (self), NULL);

  return _up_record_get_string_at (UP_RECORD (self), UP_STAGE_TITLE);
}

const char *
up_stage_get_description (UpStage *self)
{
  g_return_val_if_fail (UP_IS_STAGE (self), NULL);

  return _up_record_get_string_at (UP_RECORD (self), UP_STAGE_DESCRIPTION);
}

const char *
up_stage_get_start_date (UpStage *self)
{
  g_return_val_if_fail (UP_IS_STAGE (self), NULL);

  return _up_record_get_string_at (UP_RECORD (self), UP_STAGE_START_DATE);
}

const char *
up_stage_get_end_date (UpStage *self)
{
  g_return_val_if_fail (UP_IS_STAGE (self), NULL);

  return _up_record_get_string_at (UP_RECORD (self), UP_STAGE_END_DATE);
}

const char *
up_stage_get_status (UpStage *self)
{
  g_return_val_if_fail (UP_IS_STAGE (self), NULL);

  return _up_record_get_string_at (UP_RECORD (self), UP_STAGE_STATUS);
}

gint64
up_stage_get_position (UpStage *self)
{
  g_return_val_if_fail (UP_IS_STAGE (self), 0);

  return _up_record_get_int_at (UP_RECORD (self), UP_STAGE_POSITION);
}

/* A milestone is a point in time: one day, drawn as a diamond. */
gboolean
up_stage_get_is_milestone (UpStage *self)
{
  g_return_val_if_fail (UP_IS_STAGE (self), FALSE);

  return g_strcmp0 (up_stage_get_kind (self), "milestone") == 0;
}

/* A decision is a point in time the procurement turns on: a milestone or
 * the award decision. The charts draw it as a diamond, and a new one lasts
 * a day; an award decision may still be given more days, a milestone not. */
gboolean
up_stage_kind_is_decision (const char *kind)
{
  return g_strcmp0 (kind, "milestone") == 0 || g_strcmp0 (kind, "award") == 0;
}

gboolean
up_stage_get_is_decision (UpStage *self)
{
  g_return_val_if_fail (UP_IS_STAGE (self), FALSE);

  return up_stage_kind_is_decision (up_stage_get_kind (self));
}

/* The number of days the stage covers, both ends included. */
int
up_stage_get_duration (UpStage *self)
{
  g_return_val_if_fail (UP_IS_STAGE (self), 0);

  return up_date_diff (up_stage_get_start_date (self), up_stage_get_end_date (self)) + 1;
}
