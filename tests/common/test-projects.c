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
