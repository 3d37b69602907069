/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "up-coverage"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "up-coverage.h"
#include "up-i18n.h"
#include "up-project.h"
#include "up-store-private.h"

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
          const char *target,
          const char *impact,
          int         strength)
{
  TargetCoverage *tc = g_hash_table_lookup (self->targets, target);

  if (tc == NULL)
    {
      guint goal = up_sdg_goal_of_target (target);

      /* A target this version does not know (a newer file) counts for no
       * goal. */
      if (goal == 0)
        return;

      tc = g_new0 (TargetCoverage, 1);
      tc->goal = goal;
      g_hash_table_insert (self->targets, g_strdup (target), tc);
    }

  strength = clamp_strength (strength);
  self->goals[tc->goal - 1].n_links++;
  if (up_sdg_impact_serves (impact))
    tc->positive = MAX (tc->positive, strength);
  if (up_sdg_impact_harms (impact))
    tc->negative = MAX (tc->negative, strength);
}

/* The links' three columns straight from the store, in one query: a
 * project of 20,000 stages has some 40,000 links, and the counts need
 * neither a record for each (the whole table read into objects) nor a
 * query per stage. Summing them up here is cheaper than SQLite's GROUP BY,
 * which sorts them first. */
static void
add_stored_links (UpCoverage  *self,
                  UpProject   *project,
                  UpLocalGoal *local_goal)
{
  static const char all_sql[] = "SELECT target, impact, strength FROM sdg_link";
  /* Only stages serve a local goal; a stage linked to it twice counts
   * once. */
  static const char goal_sql[] =
    "SELECT target, impact, strength FROM sdg_link"
    " WHERE stage_id IN (SELECT stage_id FROM stage_local_goal WHERE goal_id = ?1)";
  UpStore *store = up_project_get_store (project);
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;
  int rc;

  stmt = _up_store_prepare (store, local_goal != NULL ? goal_sql : all_sql, &error);
  if (stmt == NULL)
    {
      g_warning ("Could not read the Agenda 2030 links: %s", error->message);
      return;
    }
  if (local_goal != NULL)
    sqlite3_bind_int64 (stmt, 1, up_record_get_id (UP_RECORD (local_goal)));

  /* As the records read them: an integer column as a 64-bit integer. */
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    add_link (self,
              (const char *) sqlite3_column_text (stmt, 0),
              (const char *) sqlite3_column_text (stmt, 1),
              (int) CLAMP (sqlite3_column_int64 (stmt, 2), G_MININT, G_MAXINT));
  if (rc != SQLITE_DONE)
    {
      _up_store_set_db_error (store, rc, &error);
      g_warning ("Could not read the Agenda 2030 links: %s", error->message);
    }
  sqlite3_reset (stmt);
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
      if (tc->positive == 0 && tc->negative == 0)
        gc->n_unknown++;
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

  add_stored_links (self, project, local_goal);

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

/* Only a positive impact serves a target: a target linked only with a
 * negative impact is harmed, and counted apart (n_negative), never as
 * served. */
guint
up_coverage_get_n_served (UpCoverage *self)
{
  guint n = 0;

  g_return_val_if_fail (self != NULL, 0);

  for (guint i = 0; i < UP_SDG_N_GOALS; i++)
    n += self->goals[i].n_positive;
  return n;
}

guint
up_coverage_get_n_goals_served (UpCoverage *self)
{
  guint n = 0;

  g_return_val_if_fail (self != NULL, 0);

  for (guint i = 0; i < UP_SDG_N_GOALS; i++)
    if (self->goals[i].n_positive > 0)
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

      const char *impact = up_sdg_link_get_impact (link);

      /* only a link that serves the goal: a harm is no strength */
      if (up_sdg_goal_of_target (up_sdg_link_get_target (link)) == goal &&
          up_sdg_impact_serves (impact))
        strength = MAX (strength, clamp_strength (up_sdg_link_get_strength (link)));
    }
  return strength;
}

/**
 * up_coverage_describe:
 * @lang: the language of the text
 *
 * What a chart of @self shows, goal by goal, one line each, as a screen
 * reader reads it out: the goal, how many of its targets the procurement
 * serves and how many it affects negatively, as the charts count them.
 *
 * Returns: (transfer full): the text
 */
char *
up_coverage_describe (UpCoverage *self,
                      UpLang      lang)
{
  GString *text;

  g_return_val_if_fail (self != NULL, NULL);

  text = g_string_new (NULL);
  for (guint i = 0; i < UP_SDG_N_GOALS; i++)
    {
      const UpGoalCoverage *goal = &self->goals[i];
      const char *name = up_sdg_goal_get_name_in (up_sdg_get_goal (goal->goal), lang);

      if (text->len > 0)
        g_string_append_c (text, '\n');
      if (goal->n_negative > 0)
        /* Translators: one line of a chart read out by a screen reader;
         * %1$u is a goal's number, %2$s its name, %3$u and %4$u how many of
         * its targets the procurement serves (a positive impact) and how
         * many it has, %5$u how many of its targets the procurement
         * affects negatively. */
        g_string_append_printf (text, up_lang_gettext (lang, N_("Goal %1$u, %2$s: %3$u of %4$u targets served, %5$u with a negative impact.")),
                                goal->goal, name, goal->n_positive, goal->n_targets, goal->n_negative);
      else
        /* Translators: as above, for a goal with no negative impact. */
        g_string_append_printf (text, up_lang_gettext (lang, N_("Goal %1$u, %2$s: %3$u of %4$u targets served.")),
                                goal->goal, name, goal->n_positive, goal->n_targets);
    }

  return g_string_free (text, FALSE);
}
