/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "up-coverage"

#include "config.h"

#include <string.h>

#include "up-coverage.h"
#include "up-project.h"

/* What the links say about one target: the strongest strength on each
 * side; a target with links but 0 on both sides has only "unknown" ones. */
typedef struct
{
  guint goal;
  int   positive;
  int   negative;
} TargetCoverage;

struct _UpCoverage
{
  gatomicrefcount ref_count;
  UpGoalCoverage  goals[UP_SDG_N_GOALS];
  GHashTable     *targets;   /* target id → TargetCoverage* */
};

G_DEFINE_BOXED_TYPE (UpCoverage, up_coverage, up_coverage_ref, up_coverage_unref)

static int
clamp_strength (int strength)
{
  /* The model keeps strengths in 1..3; a file from elsewhere might not. */
  return CLAMP (strength, 1, 3);
}

static void
add_link (UpCoverage *self,
          UpSdgLink  *link)
{
  const char *target = up_sdg_link_get_target (link);
  const char *impact = up_sdg_link_get_impact (link);
  int strength = clamp_strength (up_sdg_link_get_strength (link));
  guint goal = up_sdg_goal_of_target (target);
  TargetCoverage *tc;

  /* A target this version does not know (a newer file) counts for no goal. */
  if (goal == 0)
    return;

  self->goals[goal - 1].n_links++;

  tc = g_hash_table_lookup (self->targets, target);
  if (tc == NULL)
    {
      tc = g_new0 (TargetCoverage, 1);
      tc->goal = goal;
      g_hash_table_insert (self->targets, g_strdup (target), tc);
    }

  if (g_strcmp0 (impact, "positive") == 0 || g_strcmp0 (impact, "both") == 0)
    tc->positive = MAX (tc->positive, strength);
  if (g_strcmp0 (impact, "negative") == 0 || g_strcmp0 (impact, "both") == 0)
    tc->negative = MAX (tc->negative, strength);
}

static void
add_links (UpCoverage *self,
           GPtrArray  *links)
{
  for (guint i = 0; i < links->len; i++)
    add_link (self, g_ptr_array_index (links, i));
}

static gboolean
stage_serves (UpProject   *project,
              UpStage     *stage,
              UpLocalGoal *local_goal)
{
  g_autoptr(GPtrArray) goals = up_project_list_stage_local_goals (project, stage);
  gint64 id = up_record_get_id (UP_RECORD (local_goal));

  for (guint i = 0; i < goals->len; i++)
    if (up_record_get_id (g_ptr_array_index (goals, i)) == id)
      return TRUE;
  return FALSE;
}

static void
sum_up (UpCoverage *self)
{
  GHashTableIter iter;
  TargetCoverage *tc;

  g_hash_table_iter_init (&iter, self->targets);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &tc))
    {
      UpGoalCoverage *gc = &self->goals[tc->goal - 1];

      gc->n_covered++;
      if (tc->positive > 0)
        {
          gc->n_positive++;
          gc->positive_weight += tc->positive;
        }
      if (tc->negative > 0)
        {
          gc->n_negative++;
          gc->negative_weight += tc->negative;
        }
    }

  for (guint i = 0; i < UP_SDG_N_GOALS; i++)
    {
      UpGoalCoverage *gc = &self->goals[i];

      gc->positive_weight /= 3.0 * gc->n_targets;
      gc->negative_weight /= 3.0 * gc->n_targets;
    }
}

UpCoverage *
up_coverage_new (UpProject   *project,
                 UpLocalGoal *local_goal)
{
  UpCoverage *self;

  g_return_val_if_fail (UP_IS_PROJECT (project), NULL);
  g_return_val_if_fail (local_goal == NULL || UP_IS_LOCAL_GOAL (local_goal), NULL);

  self = g_new0 (UpCoverage, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->targets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; i < UP_SDG_N_GOALS; i++)
    {
      self->goals[i].goal = i + 1;
      self->goals[i].n_targets = up_sdg_get_goal (i + 1)->n_targets;
    }

  if (local_goal == NULL)
    {
      GListModel *links = up_project_get_sdg_links (project);
      guint n = g_list_model_get_n_items (links);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(UpSdgLink) link = g_list_model_get_item (links, i);

          add_link (self, link);
        }
    }
  else
    {
      GListModel *stages = up_project_get_stages (project);
      guint n = g_list_model_get_n_items (stages);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(UpStage) stage = g_list_model_get_item (stages, i);

          if (stage_serves (project, stage, local_goal))
            {
              g_autoptr(GPtrArray) links = up_project_list_sdg_links (project, UP_RECORD (stage));

              add_links (self, links);
            }
        }
    }

  sum_up (self);
  return self;
}

UpCoverage *
up_coverage_ref (UpCoverage *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
up_coverage_unref (UpCoverage *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    {
      g_hash_table_unref (self->targets);
      g_free (self);
    }
}

const UpGoalCoverage *
up_coverage_get_goal (UpCoverage *self,
                      guint       goal)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (goal >= 1 && goal <= UP_SDG_N_GOALS, NULL);

  return &self->goals[goal - 1];
}

guint
up_coverage_get_n_covered (UpCoverage *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return g_hash_table_size (self->targets);
}

guint
up_coverage_get_n_goals_covered (UpCoverage *self)
{
  guint n = 0;

  g_return_val_if_fail (self != NULL, 0);

  for (guint i = 0; i < UP_SDG_N_GOALS; i++)
    if (self->goals[i].n_covered > 0)
      n++;
  return n;
}

int
up_coverage_get_target_strength (UpCoverage *self,
                                 const char *target,
                                 gboolean    negative)
{
  TargetCoverage *tc;

  g_return_val_if_fail (self != NULL, 0);

  if (target == NULL)
    return 0;
  tc = g_hash_table_lookup (self->targets, target);
  if (tc == NULL)
    return 0;
  return negative ? tc->negative : tc->positive;
}

gboolean
up_coverage_is_target_covered (UpCoverage *self,
                               const char *target)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return target != NULL && g_hash_table_contains (self->targets, target);
}

int
up_coverage_stage_goal_strength (UpProject *project,
                                 UpStage   *stage,
                                 guint      goal)
{
  g_autoptr(GPtrArray) links = NULL;
  int strength = 0;

  g_return_val_if_fail (UP_IS_PROJECT (project), 0);
  g_return_val_if_fail (UP_IS_STAGE (stage), 0);
  g_return_val_if_fail (goal >= 1 && goal <= UP_SDG_N_GOALS, 0);

  links = up_project_list_sdg_links (project, UP_RECORD (stage));
  for (guint i = 0; i < links->len; i++)
    {
      UpSdgLink *link = g_ptr_array_index (links, i);

      if (up_sdg_goal_of_target (up_sdg_link_get_target (link)) == goal)
        strength = MAX (strength, clamp_strength (up_sdg_link_get_strength (link)));
    }
  return strength;
}
