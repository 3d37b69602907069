/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "up-sdg-link.h"
#include "up-record-private.h"

struct _UpSdgLink
{
  UpRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (UpSdgLink, up_sdg_link, UP_TYPE_RECORD)

static void
up_sdg_link_class_init (UpSdgLinkClass *klass)
{
  _up_record_class_install_columns (UP_RECORD_CLASS (klass), UP_TABLE_SDG_LINK);
}

static void
up_sdg_link_init (UpSdgLink *self)
{
}

gint64
up_sdg_link_get_stage_id (UpSdgLink *self)
{
  g_return_val_if_fail (UP_IS_SDG_LINK (self), 0);

  return _up_record_get_int_at (UP_RECORD (self), UP_SDG_LINK_STAGE_ID);
}

gint64
up_sdg_link_get_note_id (UpSdgLink *self)
{
  g_return_val_if_fail (UP_IS_SDG_LINK (self), 0);

  return _up_record_get_int_at (UP_RECORD (self), UP_SDG_LINK_NOTE_ID);
}

const char *
up_sdg_link_get_target (UpSdgLink *self)
{
  g_return_val_if_fail (UP_IS_SDG_LINK (self), NULL);

  return _up_record_get_string_at (UP_RECORD (self), UP_SDG_LINK_TARGET);
}

const char *
up_sdg_link_get_impact (UpSdgLink *self)
{
  g_return_val_if_fail (UP_IS_SDG_LINK (self), NULL);

  return _up_record_get_string_at (UP_RECORD (self), UP_SDG_LINK_IMPACT);
}

int
up_sdg_link_get_strength (UpSdgLink *self)
{
  g_return_val_if_fail (UP_IS_SDG_LINK (self), 0);

  return (int) _up_record_get_int_at (UP_RECORD (self), UP_SDG_LINK_STRENGTH);
}

const char *
up_sdg_link_get_comment (UpSdgLink *self)
{
  g_return_val_if_fail (UP_IS_SDG_LINK (self), NULL);

  return _up_record_get_string_at (UP_RECORD (self), UP_SDG_LINK_COMMENT);
}

gboolean
up_sdg_impact_serves (const char *impact)
{
  return g_strcmp0 (impact, "positive") == 0 || g_strcmp0 (impact, "both") == 0;
}

gboolean
up_sdg_impact_harms (const char *impact)
{
  return g_strcmp0 (impact, "negative") == 0 || g_strcmp0 (impact, "both") == 0;
}
