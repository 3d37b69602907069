/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "upphandla.h"
#include "up-store-private.h"

/* How a project covers Agenda 2030: distinct targets per goal, positive and
 * negative apart, strength in the weights only, and a local goal's view. */

static UpProject *
new_project (void)
{
  g_autoptr(GError) error = NULL;
  UpProject *project = up_project_new ("Coverage", &error);

  g_assert_no_error (error);
  return project;
}

static UpStage *
add_stage (UpProject  *project,
           const char *title)
{
  g_autoptr(GError) error = NULL;
  UpStage *stage = up_project_add_stage (project, "pilot", title, "2026-03-01", "2026-03-31",
                                         NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (stage);
  return stage;
}

static UpSdgLink *
link_target (UpProject  *project,
             gpointer    stage_or_note,
             const char *target,
             const char *impact,
             int         strength)
{
  g_autoptr(GError) error = NULL;
  UpSdgLink *link = up_project_add_sdg_link (project, UP_RECORD (stage_or_note), target, impact,
                                             strength, "", &error);

  g_assert_no_error (error);
  g_assert_nonnull (link);
  return link;
}

static void
assert_goal (UpCoverage *coverage,
             guint       goal,
             guint       covered,
             guint       positive,
             guint       negative,
             guint       links)
{
  const UpGoalCoverage *gc = up_coverage_get_goal (coverage, goal);

  g_assert_cmpuint (gc->goal, ==, goal);
  g_assert_cmpuint (gc->n_targets, ==, up_sdg_get_goal (goal)->n_targets);
  g_assert_cmpuint (gc->n_covered, ==, covered);
  g_assert_cmpuint (gc->n_positive, ==, positive);
  g_assert_cmpuint (gc->n_negative, ==, negative);
  g_assert_cmpuint (gc->n_links, ==, links);
}

static void
assert_empty (UpCoverage *coverage)
{
  for (guint goal = 1; goal <= UP_SDG_N_GOALS; goal++)
    {
      const UpGoalCoverage *gc = up_coverage_get_goal (coverage, goal);

      assert_goal (coverage, goal, 0, 0, 0, 0);
      g_assert_cmpfloat (gc->positive_weight, ==, 0);
      g_assert_cmpfloat (gc->negative_weight, ==, 0);
    }
  g_assert_cmpuint (up_coverage_get_n_covered (coverage), ==, 0);
  g_assert_cmpuint (up_coverage_get_n_goals_covered (coverage), ==, 0);
}

static void
test_empty (void)
{
  g_autoptr(UpProject) project = new_project ();
  g_autoptr(UpCoverage) coverage = up_coverage_new (project, NULL);
  guint total = 0;

  assert_empty (coverage);
  for (guint goal = 1; goal <= UP_SDG_N_GOALS; goal++)
    total += up_coverage_get_goal (coverage, goal)->n_targets;
  g_assert_cmpuint (total, ==, 169);
  g_assert_false (up_coverage_is_target_covered (coverage, "12.7"));
  g_assert_cmpint (up_coverage_get_target_strength (coverage, "12.7", FALSE), ==, 0);
}

static void
test_distinct_targets (void)
{
  g_autoptr(UpProject) project = new_project ();
  UpStage *a = add_stage (project, "A");
  UpStage *b = add_stage (project, "B");
  g_autoptr(UpCoverage) coverage = NULL;

  link_target (project, a, "12.7", "positive", 2);
  link_target (project, b, "12.7", "positive", 1);
  link_target (project, a, "12.5", "positive", 1);
  link_target (project, b, "13.2", "positive", 3);

  coverage = up_coverage_new (project, NULL);

  /* 12.7 twice counts once, but both links are counted as links */
  assert_goal (coverage, 12, 2, 2, 0, 3);
  assert_goal (coverage, 13, 1, 1, 0, 1);
  assert_goal (coverage, 1, 0, 0, 0, 0);
  g_assert_cmpuint (up_coverage_get_n_covered (coverage), ==, 3);
  g_assert_cmpuint (up_coverage_get_n_goals_covered (coverage), ==, 2);
  g_assert_true (up_coverage_is_target_covered (coverage, "12.7"));
  g_assert_true (up_coverage_is_target_covered (coverage, "13.2"));
  g_assert_false (up_coverage_is_target_covered (coverage, "12.1"));
  g_assert_false (up_coverage_is_target_covered (coverage, NULL));
  /* the strongest of the two links */
  g_assert_cmpint (up_coverage_get_target_strength (coverage, "12.7", FALSE), ==, 2);
  g_assert_cmpint (up_coverage_get_target_strength (coverage, "12.7", TRUE), ==, 0);
}

static void
test_impacts (void)
{
  g_autoptr(UpProject) project = new_project ();
  UpStage *stage = add_stage (project, "A");
  g_autoptr(UpCoverage) coverage = NULL;
  const UpGoalCoverage *gc;

  link_target (project, stage, "7.1", "positive", 1);
  link_target (project, stage, "7.2", "negative", 2);
  link_target (project, stage, "7.3", "both", 3);
  link_target (project, stage, "7.a", "unknown", 3);
  /* a target with a positive and a negative link is on both sides */
  link_target (project, stage, "7.b", "positive", 1);
  link_target (project, stage, "7.b", "negative", 3);

  coverage = up_coverage_new (project, NULL);
  gc = up_coverage_get_goal (coverage, 7);

  /* covered: all five; positive: 7.1, 7.3, 7.b; negative: 7.2, 7.3, 7.b;
   * the impact not known: 7.a alone (7.2, only harmed, is not "unknown") */
  assert_goal (coverage, 7, 5, 3, 3, 6);
  g_assert_cmpuint (gc->n_unknown, ==, 1);
  /* served: only the targets with a positive impact */
  g_assert_cmpuint (up_coverage_get_n_served (coverage), ==, 3);
  g_assert_cmpuint (up_coverage_get_n_goals_served (coverage), ==, 1);
  g_assert_true (up_coverage_is_target_covered (coverage, "7.a"));
  g_assert_cmpint (up_coverage_get_target_strength (coverage, "7.a", FALSE), ==, 0);
  g_assert_cmpint (up_coverage_get_target_strength (coverage, "7.a", TRUE), ==, 0);
  g_assert_cmpint (up_coverage_get_target_strength (coverage, "7.3", FALSE), ==, 3);
  g_assert_cmpint (up_coverage_get_target_strength (coverage, "7.3", TRUE), ==, 3);
  g_assert_cmpint (up_coverage_get_target_strength (coverage, "7.b", FALSE), ==, 1);
  g_assert_cmpint (up_coverage_get_target_strength (coverage, "7.b", TRUE), ==, 3);

  /* weights: (1 + 3 + 1) / (3 × 5) and (2 + 3 + 3) / (3 × 5) */
  g_assert_cmpfloat_with_epsilon (gc->positive_weight, 5.0 / 15.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (gc->negative_weight, 8.0 / 15.0, 1e-9);
}

static void
test_unknown_only_covered (void)
{
  g_autoptr(UpProject) project = new_project ();
  UpStage *stage = add_stage (project, "A");
  g_autoptr(UpCoverage) coverage = NULL;
  const UpGoalCoverage *gc;

  link_target (project, stage, "3.9", "unknown", 2);
  coverage = up_coverage_new (project, NULL);
  gc = up_coverage_get_goal (coverage, 3);

  assert_goal (coverage, 3, 1, 0, 0, 1);
  g_assert_cmpuint (gc->n_unknown, ==, 1);
  g_assert_cmpfloat (gc->positive_weight, ==, 0);
  g_assert_cmpfloat (gc->negative_weight, ==, 0);
  g_assert_cmpuint (up_coverage_get_n_goals_covered (coverage), ==, 1);
  /* linked, but not served */
  g_assert_cmpuint (up_coverage_get_n_served (coverage), ==, 0);
  g_assert_cmpuint (up_coverage_get_n_goals_served (coverage), ==, 0);
}

static void
test_strength_weights_not_counts (void)
{
  g_autoptr(UpProject) weak = new_project ();
  g_autoptr(UpProject) strong = new_project ();
  UpStage *ws = add_stage (weak, "A");
  UpStage *ss = add_stage (strong, "A");
  UpSdgLink *wl = link_target (weak, ws, "17.17", "positive", 1);
  UpSdgLink *sl = link_target (strong, ss, "17.17", "positive", 3);
  g_autoptr(UpCoverage) wc = up_coverage_new (weak, NULL);
  g_autoptr(UpCoverage) sc = up_coverage_new (strong, NULL);

  g_assert_cmpint (up_sdg_link_get_strength (sl), ==, 3);

  assert_goal (wc, 17, 1, 1, 0, 1);
  assert_goal (sc, 17, 1, 1, 0, 1);
  g_assert_cmpfloat_with_epsilon (up_coverage_get_goal (wc, 17)->positive_weight, 1.0 / 57.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (up_coverage_get_goal (sc, 17)->positive_weight, 3.0 / 57.0, 1e-9);

  /* strengthening a link changes the weight, not the count */
  g_assert_true (up_project_set_int (weak, wl, "strength", 3, NULL));
  {
    g_autoptr(UpCoverage) after = up_coverage_new (weak, NULL);

    assert_goal (after, 17, 1, 1, 0, 1);
    g_assert_cmpfloat_with_epsilon (up_coverage_get_goal (after, 17)->positive_weight, 3.0 / 57.0, 1e-9);
  }
}

static void
test_full_goal (void)
{
  g_autoptr(UpProject) project = new_project ();
  UpStage *stage = add_stage (project, "A");
  const UpSdgGoal *goal = up_sdg_get_goal (6);
  g_autoptr(UpCoverage) coverage = NULL;

  for (guint i = 0; goal->targets[i] != NULL; i++)
    link_target (project, stage, goal->targets[i], "both", 3);
  coverage = up_coverage_new (project, NULL);

  assert_goal (coverage, 6, 8, 8, 8, 8);
  g_assert_cmpfloat_with_epsilon (up_coverage_get_goal (coverage, 6)->positive_weight, 1.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (up_coverage_get_goal (coverage, 6)->negative_weight, 1.0, 1e-9);
}

static void
test_notes_count (void)
{
  g_autoptr(UpProject) project = new_project ();
  UpStage *stage = add_stage (project, "A");
  g_autoptr(GError) error = NULL;
  UpNote *note = up_project_add_note (project, "Vi vill se cirkulära krav.", "dialogue",
                                                NULL, stage, &error);
  UpNote *loose = up_project_add_note (project, "Lös anteckning", "internal",
                                                 NULL, NULL, &error);
  g_autoptr(UpCoverage) coverage = NULL;

  g_assert_no_error (error);
  link_target (project, note, "12.5", "positive", 2);
  link_target (project, loose, "11.6", "negative", 1);
  coverage = up_coverage_new (project, NULL);

  assert_goal (coverage, 12, 1, 1, 0, 1);
  assert_goal (coverage, 11, 1, 0, 1, 1);
}

static void
test_local_goal (void)
{
  g_autoptr(UpProject) project = new_project ();
  UpStage *a = add_stage (project, "A");
  UpStage *b = add_stage (project, "B");
  UpStage *c = add_stage (project, "C");
  g_autoptr(GError) error = NULL;
  UpLocalGoal *climate = up_project_add_local_goal (project, "local", "Klimatsmart", &error);
  UpLocalGoal *empty = up_project_add_local_goal (project, "regional", "Tomt", &error);
  UpNote *note = NULL;
  g_autoptr(UpCoverage) all = NULL;
  g_autoptr(UpCoverage) local = NULL;
  g_autoptr(UpCoverage) none = NULL;

  g_assert_no_error (error);
  link_target (project, a, "13.1", "positive", 2);
  link_target (project, a, "12.7", "positive", 3);
  link_target (project, b, "13.2", "negative", 1);
  link_target (project, c, "12.7", "both", 1);
  note = up_project_add_note (project, "Anteckning", "workshop", NULL, a, &error);
  g_assert_no_error (error);
  link_target (project, note, "13.3", "positive", 1);

  /* the local goal is served by A and B; its own mapped targets do not count */
  g_assert_true (up_project_link_stage_local_goal (project, a, climate, &error));
  g_assert_true (up_project_link_stage_local_goal (project, b, climate, &error));
  g_assert_true (up_project_link_local_goal_target (project, climate, "1.1", &error));
  g_assert_no_error (error);

  all = up_coverage_new (project, NULL);
  local = up_coverage_new (project, climate);
  none = up_coverage_new (project, empty);

  assert_goal (all, 13, 3, 2, 1, 3);
  assert_goal (all, 12, 1, 1, 1, 2);
  assert_goal (all, 1, 0, 0, 0, 0);

  /* A and B only: C's negative side of 12.7 and the note's 13.3 are out */
  assert_goal (local, 13, 2, 1, 1, 2);
  assert_goal (local, 12, 1, 1, 0, 1);
  assert_goal (local, 1, 0, 0, 0, 0);
  g_assert_cmpuint (up_coverage_get_n_covered (local), ==, 3);
  g_assert_cmpint (up_coverage_get_target_strength (local, "12.7", TRUE), ==, 0);
  g_assert_cmpint (up_coverage_get_target_strength (all, "12.7", TRUE), ==, 1);

  assert_empty (none);

  /* C joins the local goal: its links come in */
  g_assert_true (up_project_link_stage_local_goal (project, c, climate, &error));
  {
    g_autoptr(UpCoverage) after = up_coverage_new (project, climate);

    assert_goal (after, 12, 1, 1, 1, 2);
  }
}

static void
test_edit_undo (void)
{
  g_autoptr(UpProject) project = new_project ();
  UpStage *stage = add_stage (project, "A");
  UpSdgLink *drop;
  g_autoptr(GError) error = NULL;

  link_target (project, stage, "9.5", "positive", 2);
  drop = link_target (project, stage, "9.4", "negative", 1);

  {
    g_autoptr(UpCoverage) before = up_coverage_new (project, NULL);

    assert_goal (before, 9, 2, 1, 1, 2);
  }

  g_assert_true (up_project_delete_sdg_link (project, drop, &error));
  g_assert_no_error (error);
  {
    g_autoptr(UpCoverage) deleted = up_coverage_new (project, NULL);

    assert_goal (deleted, 9, 1, 1, 0, 1);
    g_assert_false (up_coverage_is_target_covered (deleted, "9.4"));
  }

  g_assert_true (up_project_undo (project, &error));
  g_assert_no_error (error);
  {
    g_autoptr(UpCoverage) undone = up_coverage_new (project, NULL);

    assert_goal (undone, 9, 2, 1, 1, 2);
    g_assert_cmpint (up_coverage_get_target_strength (undone, "9.4", TRUE), ==, 1);
  }

  g_assert_true (up_project_redo (project, &error));
  {
    g_autoptr(UpCoverage) redone = up_coverage_new (project, NULL);

    assert_goal (redone, 9, 1, 1, 0, 1);
  }

  /* deleting the stage takes its links with it */
  g_assert_true (up_project_delete_stage (project, stage, FALSE, &error));
  g_assert_no_error (error);
  {
    g_autoptr(UpCoverage) gone = up_coverage_new (project, NULL);

    assert_empty (gone);
  }
}

static void
test_stage_goal_strength (void)
{
  g_autoptr(UpProject) project = new_project ();
  UpStage *a = add_stage (project, "A");
  UpStage *b = add_stage (project, "B");

  link_target (project, a, "11.1", "positive", 1);
  link_target (project, a, "11.6", "negative", 3);
  link_target (project, a, "11.2", "unknown", 2);
  link_target (project, a, "5.5", "unknown", 2);
  link_target (project, b, "11.1", "positive", 2);

  /* the strongest link of the stage that serves the goal: a harm (11.6,
   * strength 3) or an impact not known (5.5) is no strength */
  g_assert_cmpint (up_coverage_stage_goal_strength (project, a, 11), ==, 1);
  g_assert_cmpint (up_coverage_stage_goal_strength (project, a, 5), ==, 0);
  g_assert_cmpint (up_coverage_stage_goal_strength (project, a, 1), ==, 0);
  g_assert_cmpint (up_coverage_stage_goal_strength (project, b, 11), ==, 2);
  g_assert_cmpint (up_coverage_stage_goal_strength (project, b, 5), ==, 0);
}

static void
test_boxed (void)
{
  g_autoptr(UpProject) project = new_project ();
  UpCoverage *coverage = up_coverage_new (project, NULL);
  UpCoverage *copy;

  g_assert_true (G_TYPE_IS_BOXED (UP_TYPE_COVERAGE));
  copy = g_boxed_copy (UP_TYPE_COVERAGE, coverage);
  g_assert_true (copy == coverage);
  g_boxed_free (UP_TYPE_COVERAGE, copy);
  up_coverage_unref (coverage);
}

/* A local goal's coverage is one query of the store, however many stages
 * there are, where it was two queries a stage (the stage's goals, then its
 * links). */
static int
count_statements (unsigned int  type,
                  void         *context,
                  void         *statement,
                  void         *sql)
{
  guint *n_statements = context;

  if (type == SQLITE_TRACE_STMT)
    (*n_statements)++;

  return 0;
}

static void
test_local_goal_one_query (void)
{
  g_autoptr(UpProject) project = new_project ();
  g_autoptr(GError) error = NULL;
  UpLocalGoal *goal = up_project_add_local_goal (project, "local", "Klimatsmart", &error);
  sqlite3 *db = _up_store_get_db (up_project_get_store (project));
  g_autoptr(UpCoverage) local = NULL;
  g_autoptr(UpCoverage) all = NULL;
  guint n_statements = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < 40; i++)
    {
      UpStage *stage = add_stage (project, "Steg");

      link_target (project, stage, i % 2 ? "13.1" : "12.7", "positive", 2);
      if (i % 4 == 0)
        g_assert_true (up_project_link_stage_local_goal (project, stage, goal, &error));
    }

  sqlite3_trace_v2 (db, SQLITE_TRACE_STMT, count_statements, &n_statements);
  local = up_coverage_new (project, goal);
  g_assert_cmpuint (n_statements, ==, 1);
  n_statements = 0;
  all = up_coverage_new (project, NULL);
  g_assert_cmpuint (n_statements, <=, 1);
  sqlite3_trace_v2 (db, 0, NULL, NULL);

  /* Stages 0, 4, 8, ...: ten of them, all linked to 12.7. */
  assert_goal (local, 12, 1, 1, 0, 10);
  assert_goal (local, 13, 0, 0, 0, 0);
  assert_goal (all, 12, 1, 1, 0, 20);
  assert_goal (all, 13, 1, 1, 0, 20);
}

/* The text a screen reader reads of a chart: a line per goal, with the
 * counts of the chart (the targets served, and apart those harmed), in
 * English and in Swedish. It counted a target only harmed as covered. */
static void
test_describe (void)
{
  g_autoptr(UpProject) project = new_project ();
  UpStage *stage = add_stage (project, "A");
  g_autoptr(UpCoverage) coverage = NULL;
  g_autofree char *english = NULL;
  g_autofree char *swedish = NULL;
  g_auto(GStrv) lines = NULL;

  link_target (project, stage, "7.1", "positive", 1);
  link_target (project, stage, "7.2", "negative", 2);
  link_target (project, stage, "12.7", "positive", 3);
  link_target (project, stage, "13.2", "negative", 3);
  coverage = up_coverage_new (project, NULL);

  english = up_coverage_describe (coverage, UP_LANG_EN);
  g_test_message ("%s", english);
  lines = g_strsplit (english, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 17);
  g_assert_cmpstr (lines[0], ==, "Goal 1, No Poverty: 0 of 7 targets served.");
  /* a target harmed is not served: it is counted apart */
  g_assert_cmpstr (lines[6], ==, "Goal 7, Affordable and Clean Energy: 1 of 5 targets served, 1 with a negative impact.");
  g_assert_cmpstr (lines[11], ==, "Goal 12, Responsible Consumption and Production: 1 of 11 targets served.");
  g_assert_cmpstr (lines[12], ==, "Goal 13, Climate Action: 0 of 5 targets served, 1 with a negative impact.");

  swedish = up_coverage_describe (coverage, UP_LANG_SV);
  if (g_getenv ("UPPHANDLA_LOCALEDIR") != NULL)
    {
      g_test_message ("%s", swedish);
      g_assert_nonnull (strstr (swedish, "Mål 7, "));
      g_assert_null (strstr (swedish, "Goal"));
    }
}

/* The one rule every count and chart uses: positive and both serve a
 * goal, negative and both harm it, unknown (or anything else) neither. */
static void
test_impact_rule (void)
{
  g_assert_true (up_sdg_impact_serves ("positive"));
  g_assert_true (up_sdg_impact_serves ("both"));
  g_assert_false (up_sdg_impact_serves ("negative"));
  g_assert_false (up_sdg_impact_serves ("unknown"));
  g_assert_false (up_sdg_impact_serves (NULL));
  g_assert_true (up_sdg_impact_harms ("negative"));
  g_assert_true (up_sdg_impact_harms ("both"));
  g_assert_false (up_sdg_impact_harms ("positive"));
  g_assert_false (up_sdg_impact_harms ("unknown"));
  g_assert_false (up_sdg_impact_harms ("Negative"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/coverage/impact-rule", test_impact_rule);
  g_test_add_func ("/coverage/empty", test_empty);
  g_test_add_func ("/coverage/describe", test_describe);
  g_test_add_func ("/coverage/distinct-targets", test_distinct_targets);
  g_test_add_func ("/coverage/impacts", test_impacts);
  g_test_add_func ("/coverage/unknown-only-covered", test_unknown_only_covered);
  g_test_add_func ("/coverage/strength-weights-not-counts", test_strength_weights_not_counts);
  g_test_add_func ("/coverage/full-goal", test_full_goal);
  g_test_add_func ("/coverage/notes-count", test_notes_count);
  g_test_add_func ("/coverage/local-goal", test_local_goal);
  g_test_add_func ("/coverage/edit-undo", test_edit_undo);
  g_test_add_func ("/coverage/stage-goal-strength", test_stage_goal_strength);
  g_test_add_func ("/coverage/boxed", test_boxed);
  g_test_add_func ("/coverage/local-goal-one-query", test_local_goal_one_query);

  return g_test_run ();
}
