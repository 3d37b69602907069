/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "up-coverage.h"
#include "up-project.h"

/* STUB: the arithmetic lands with the charts. */
struct _UpCoverage
{
  gatomicrefcount ref_count;
  UpGoalCoverage  goals[UP_SDG_N_GOALS];
};

G_DEFINE_BOXED_TYPE (UpCoverage, up_coverage, up_coverage_ref, up_coverage_unref)

UpCoverage *
up_coverage_new (UpProject   *project,
                 UpLocalGoal *local_goal)
{
  UpCoverage *self = g_new0 (UpCoverage, 1);

  g_atomic_ref_count_init (&self->ref_count);
  for (guint i = 0; i < UP_SDG_N_GOALS; i++)
    {
      self->goals[i].goal = i + 1;
      self->goals[i].n_targets = up_sdg_get_goal (i + 1)->n_targets;
    }
  return self;
}

UpCoverage *
up_coverage_ref (UpCoverage *self)
{
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
up_coverage_unref (UpCoverage *self)
{
  if (g_atomic_ref_count_dec (&self->ref_count))
    g_free (self);
}

const UpGoalCoverage *
up_coverage_get_goal (UpCoverage *self,
                      guint       goal)
{
  g_return_val_if_fail (goal >= 1 && goal <= UP_SDG_N_GOALS, NULL);
  return &self->goals[goal - 1];
}

guint
up_coverage_get_n_covered (UpCoverage *self)
{
  return 0;
}

guint
up_coverage_get_n_goals_covered (UpCoverage *self)
{
  return 0;
}

int
up_coverage_get_target_strength (UpCoverage *self,
                                 const char *target,
                                 gboolean    negative)
{
  return 0;
}

gboolean
up_coverage_is_target_covered (UpCoverage *self,
                               const char *target)
{
  return FALSE;
}

int
up_coverage_stage_goal_strength (UpProject *project,
                                 UpStage   *stage,
                                 guint      goal)
{
  return 0;
}
