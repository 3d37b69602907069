/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define UP_SDG_N_GOALS 17

typedef struct
{
  guint               number;
  const char         *colour;     /* "#E5243B" */
  const char         *name;       /* untranslated; see up_sdg_goal_get_name() */
  guint               n_targets;
  const char * const *targets;    /* "1.1", ..., "1.b", NULL */
} UpSdgGoal;

const UpSdgGoal *up_sdg_get_goal       (guint            number);
const char      *up_sdg_goal_get_name  (const UpSdgGoal *goal);
guint            up_sdg_goal_of_target (const char      *target);
gboolean         up_sdg_is_target      (const char      *target);
guint            up_sdg_count_targets  (void);

G_END_DECLS
