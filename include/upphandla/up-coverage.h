/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "up-i18n.h"
#include "up-sdg.h"
#include "up-types.h"

G_BEGIN_DECLS

/* How a project (or the stages serving one local goal) covers Agenda 2030.
 * Coverage of a goal = distinct linked targets of the goal / targets of the
 * goal. A target counts as positive when any of its links has impact
 * "positive" or "both", as negative when any has "negative" or "both";
 * "unknown" counts only as covered. Strength weights the charts, never the
 * counts. What a chart gives as the goal's count is n_positive, the targets
 * served: a target only harmed is covered (linked) but never served. */
typedef struct
{
  guint  goal;              /* 1..17 */
  guint  n_targets;         /* targets in the goal */
  guint  n_covered;         /* distinct targets linked at all */
  guint  n_positive;        /* distinct targets with a positive impact */
  guint  n_negative;        /* distinct targets with a negative impact */
  guint  n_unknown;         /* distinct targets linked, neither positive nor
                               negative: the impact is not known */
  guint  n_links;           /* links counted, duplicates included */
  double positive_weight;   /* 0..1: sum over positive targets of their
                               strongest positive strength / (3 × n_targets) */
  double negative_weight;   /* the same for negative impact */
} UpGoalCoverage;

typedef struct _UpCoverage UpCoverage;

#define UP_TYPE_COVERAGE (up_coverage_get_type ())

GType                 up_coverage_get_type       (void) G_GNUC_CONST;

/* @local_goal NULL: every link of the project (stages and notes). Otherwise
 * the links of the stages linked to @local_goal. */
UpCoverage           *up_coverage_new            (UpProject       *project,
                                                  UpLocalGoal     *local_goal);
UpCoverage           *up_coverage_ref            (UpCoverage      *self);
void                  up_coverage_unref          (UpCoverage      *self);

const UpGoalCoverage *up_coverage_get_goal       (UpCoverage      *self,
                                                  guint            goal);
guint                 up_coverage_get_n_covered  (UpCoverage      *self);
guint                 up_coverage_get_n_goals_covered (UpCoverage *self);
/* The targets served (a positive impact), and the goals with one. */
guint                 up_coverage_get_n_served   (UpCoverage      *self);
guint                 up_coverage_get_n_goals_served (UpCoverage  *self);

/* The strongest strength (1..3) of @target's links with the given impact
 * side, 0 when none. @negative FALSE asks for the positive side. */
int                   up_coverage_get_target_strength (UpCoverage *self,
                                                       const char *target,
                                                       gboolean    negative);
gboolean              up_coverage_is_target_covered   (UpCoverage *self,
                                                       const char *target);

/* The strongest strength (0..3) of @stage's links that serve targets of
 * @goal (impact positive or both), for the stage × goal matrix. */
int                   up_coverage_stage_goal_strength (UpProject  *project,
                                                       UpStage    *stage,
                                                       guint       goal);

/* Goal by goal, one line each, the coverage as text (for a screen reader). */
char                 *up_coverage_describe            (UpCoverage *self,
                                                       UpLang      lang);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (UpCoverage, up_coverage_unref)

G_END_DECLS
