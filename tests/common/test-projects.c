/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "test-projects.h"

UpProject *
test_long_project (guint n_stages)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UpProject) project = up_project_new ("Long plan", &error);

  g_assert_no_error (error);
  up_project_begin_group (project, NULL);
  for (guint i = 0; i < n_stages; i++)
    {
      g_autofree char *title = g_strdup_printf ("Stage %04u", i + 1);
      g_autofree char *start = up_date_add_days ("2026-01-05", (int) i * 7);
      g_autofree char *end = up_date_add_days (start, 5);
      UpStage *stage = up_project_add_stage (project, "pilot", title, start, end, NULL, &error);

      g_assert_no_error (error);
      up_project_add_sdg_link (project, UP_RECORD (stage), up_sdg_get_goal (1 + i % 17)->targets[0],
                               "positive", 1 + i % 3, NULL, &error);
      g_assert_no_error (error);
    }
  g_assert_true (up_project_end_group (project, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&project);
}

void
test_add_crowd (UpProject *project,
                guint      n,
                gboolean   distinct)
{
  static const char * const first[] = { "Margareta", "Elisabeth", "Kristoffer", "Alexandra", "Sebastian",
                                         "Magdalena", "Gunnar", "Christina", "Fredrik", "Ingegerd",
                                         "Benjamin", "Rosemarie", "Maximilian", "Annelie", "Bartolomeus" };
  static const char * const last[] = { "Lindqvistberg", "Wahlgrensson", "Bergströmer", "Håkanssonius",
                                        "Wikströmlund", "Olssonholm", "Nilssonborg", "Anderssonheim",
                                        "Johanssondal", "Karlssonvik", "Perssonsten", "Svenssonfors",
                                        "Gustafssonby", "Pettersonlid", "Jonssonnäs", "Larssonbacke",
                                        "Eriksonkulla", "Hanssonberga", "Lundqvistmo", "Sandbergsten" };
  static const char * const cut_first[] = { "Anna-Karin", "Margareta", "Per-Olof", "Elisabeth" };
  static const char * const cut_last[] = { "Andersson-Lindqvist", "Wikström-Håkansson", "Johansson" };
  g_autoptr(GError) error = NULL;

  g_assert_true (!distinct || n <= G_N_ELEMENTS (first) * G_N_ELEMENTS (last));
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = distinct
                              ? g_strdup_printf ("%s %s", first[i % G_N_ELEMENTS (first)],
                                                 last[i / G_N_ELEMENTS (first)])
                              : g_strdup_printf ("%s %s", cut_first[i % G_N_ELEMENTS (cut_first)],
                                                 cut_last[(i / 7) % G_N_ELEMENTS (cut_last)]);
      UpStakeholder *person = up_project_add_stakeholder (project, name, NULL, "citizen", &error);

      g_assert_no_error (error);
      /* every stance, as a crowded plan has them: a grid's legend lists
       * the stances it draws */
      up_project_set_string (project, person, "stance", up_stakeholder_stances[i % 4], &error);
      g_assert_no_error (error);
      up_project_set_int (project, person, "influence", 1 + (i / 5) % 5, &error);
      g_assert_no_error (error);
      up_project_set_int (project, person, "interest", 1 + i % 5, &error);
      g_assert_no_error (error);
    }
}
