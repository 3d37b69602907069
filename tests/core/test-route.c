/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "upphandla.h"

/* Every route lays out contiguous stages from the start date, as one undo
 * step, and names and explains itself. */

static void
test_route (gconstpointer data)
{
  const UpRoute *route = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(UpProject) project = up_project_new ("Route", &error);
  GListModel *stages = up_project_get_stages (project);
  g_autofree char *expected_start = g_strdup ("2027-01-04");
  guint n;

  g_assert_no_error (error);
  g_assert_cmpstr (route->name, !=, "");
  g_assert_true (g_str_has_suffix (route->description, "."));

  g_assert_true (up_route_apply (project, route->id, "2027-01-04", &error));
  g_assert_no_error (error);

  n = g_list_model_get_n_items (stages);
  g_assert_cmpuint (n, >=, 8);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(UpStage) stage = g_list_model_get_item (stages, i);

      /* each stage starts the day after the one before ends */
      g_assert_cmpstr (up_stage_get_start_date (stage), ==, expected_start);
      g_assert_cmpint (up_stage_get_duration (stage), >=, 1);
      g_assert_cmpstr (up_stage_get_title (stage), !=, "");
      if (up_stage_get_is_milestone (stage))
        g_assert_cmpint (up_stage_get_duration (stage), ==, 1);
      g_free (expected_start);
      expected_start = up_date_add_days (up_stage_get_end_date (stage), 1);
    }

  /* the whole route is one undo step */
  g_assert_cmpuint (up_history_get_n_undo (up_project_get_history (project)), ==, 1);
  g_assert_true (up_project_undo (project, &error));
  g_assert_cmpuint (g_list_model_get_n_items (stages), ==, 0);
}

static void
test_bad_date (void)
{
  g_autoptr(UpProject) project = up_project_new (NULL, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (up_route_apply (project, "standard", "next spring", &error));
  g_assert_error (error, UP_STORE_ERROR, UP_STORE_ERROR_INVALID);
  g_assert_cmpuint (up_project_count (project, "stage"), ==, 0);
  g_assert_false (up_history_get_can_undo (up_project_get_history (project)));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *state = g_dir_make_tmp ("upphandla-test-XXXXXX", NULL);

  g_setenv ("XDG_STATE_HOME", state, TRUE);
  g_test_init (&argc, &argv, NULL);

  g_assert_cmpuint (up_route_get_n_routes (), ==, 6);
  for (guint i = 0; i < up_route_get_n_routes (); i++)
    {
      const UpRoute *route = up_route_get (i);
      g_autofree char *path = g_strdup_printf ("/route/%s", route->id);

      g_test_add_data_func (path, route, test_route);
    }
  g_test_add_func ("/route/bad-date", test_bad_date);

  return g_test_run ();
}
