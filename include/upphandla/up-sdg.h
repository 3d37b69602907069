/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "up-i18n.h"

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

/* The goal's official short name in @lang. */
const char      *up_sdg_goal_get_name_in (const UpSdgGoal *goal,
                                          UpLang           lang);
/* A target's short label, written in the project's own words (English
 * source, translated in po/), in the UI language or in @lang. NULL for an
 * unknown target. */
const char      *up_sdg_target_get_label    (const char *target);
const char      *up_sdg_target_get_label_in (const char *target,
                                             UpLang      lang);

G_END_DECLS
