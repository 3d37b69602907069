/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "up-record.h"

G_BEGIN_DECLS

#define UP_TYPE_SDG_LINK (up_sdg_link_get_type ())

G_DECLARE_FINAL_TYPE (UpSdgLink, up_sdg_link, UP, SDG_LINK, UpRecord)

gint64       up_sdg_link_get_stage_id (UpSdgLink *self);
gint64       up_sdg_link_get_note_id (UpSdgLink *self);
const char * up_sdg_link_get_target (UpSdgLink *self);
const char * up_sdg_link_get_impact (UpSdgLink *self);
int          up_sdg_link_get_strength (UpSdgLink *self);
const char * up_sdg_link_get_comment (UpSdgLink *self);

/* An impact ("positive", "negative", "both", "unknown") that serves its
 * goal: positive or both; one that harms it: negative or both. Every
 * count and chart decides by these two. */
gboolean     up_sdg_impact_serves (const char *impact);
gboolean     up_sdg_impact_harms  (const char *impact);

G_END_DECLS
