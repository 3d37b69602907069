/* SPDX-License-Identifier: GPL-3.0-or-later */

/* bench-merge [N...] [--runs R]
 * For each N (default 1000 and 5000): a project of N stages
 * (bench_generate_project()), a copy of it in which a workshop added N/10
 * notes, each naming a stakeholder and linking a target, and the time
 * Merge a Copy takes on the UI thread (up_merge_file(): opening the copy
 * with every check, then the merge as one undo step), the project opened
 * afresh for each run. Prints the medians in ms, and the time of
 * opening the copy alone. */

#include <glib/gstdio.h>
#include <stdlib.h>

#include "bench-gen.h"

/* The workshop's copy of @file: @n notes more, each at a stage, naming a
 * stakeholder and serving a target. */
static void
write_copy (GFile *file,
            GFile *copy_file,
            guint  n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UpProject) copy = NULL;
  GListModel *stages, *people;

  g_assert_true (g_file_copy (file, copy_file, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error));
  copy = up_project_open (copy_file, &error);
  g_assert_no_error (error);
  stages = up_project_get_stages (copy);
  people = up_project_get_stakeholders (copy);

  up_project_begin_group (copy, "workshop");
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(UpStage) stage = g_list_model_get_item (stages, i % g_list_model_get_n_items (stages));
      g_autoptr(UpStakeholder) person = g_list_model_get_item (people, i % g_list_model_get_n_items (people));
      g_autofree char *body = g_strdup_printf ("Workshopens anteckning %u: användarna vill kunna "
                                               "larma utan att behöva trycka på en knapp, och "
                                               "personalen vill se vem som larmat.", i);
      UpNote *note = up_project_add_note (copy, body, "workshop", "2027-01-20", stage, &error);

      g_assert_no_error (error);
      g_assert_true (up_project_link_note_stakeholder (copy, note, person, &error));
      g_assert_nonnull (up_project_add_sdg_link (copy, UP_RECORD (note), "10.2", "positive", 2, "", &error));
    }
  g_assert_true (up_project_end_group (copy, &error));
  g_assert_true (up_store_flush (up_project_get_store (copy), &error));
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GArray) sizes = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree char *dir = g_dir_make_tmp ("upphandla-bench-merge-XXXXXX", NULL);
  guint runs = 7;

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--runs") && i + 1 < argc)
        runs = (guint) atoi (argv[++i]);
      else
        {
          guint n = (guint) atoi (argv[i]);

          g_array_append_val (sizes, n);
        }
    }
  if (sizes->len == 0)
    {
      guint defaults[] = { 1000, 5000 };

      g_array_append_vals (sizes, defaults, G_N_ELEMENTS (defaults));
    }

  g_print ("%8s %10s %12s %12s %12s %12s\n", "N", "new notes", "merge ms", "open copy ms", "undo ms", "notes after");
  for (guint s = 0; s < sizes->len; s++)
    {
      guint n = g_array_index (sizes, guint, s);
      g_autofree char *path = g_strdup_printf ("%s/plan-%u.upphandla", dir, n);
      g_autofree char *copy_path = g_strdup_printf ("%s/workshop-%u.upphandla", dir, n);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GFile) copy_file = g_file_new_for_path (copy_path);
      g_autofree double *merge_ms = g_new (double, runs);
      g_autofree double *open_ms = g_new (double, runs);
      g_autofree double *undo_ms = g_new (double, runs);
      guint notes_after = 0;

      g_clear_object (&(UpProject *) { bench_generate_project (n, file) });
      write_copy (file, copy_file, n / 10);

      for (guint r = 0; r < runs; r++)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(UpProject) project = up_project_open (file, &error);
          g_autoptr(UpProject) copy = NULL;
          UpMergeSummary summary;
          gint64 start;

          g_assert_no_error (error);
          start = g_get_monotonic_time ();
          copy = up_project_open (copy_file, &error);
          open_ms[r] = (g_get_monotonic_time () - start) / 1000.0;
          g_assert_no_error (error);
          g_clear_object (&copy);

          start = g_get_monotonic_time ();
          g_assert_true (up_merge_file (project, copy_file, &summary, &error));
          merge_ms[r] = (g_get_monotonic_time () - start) / 1000.0;
          g_assert_no_error (error);
          g_assert_cmpuint (summary.notes_added, ==, n / 10);
          notes_after = up_project_count (project, "note");
          /* no save of the merge: the project's file stays the plan */
          start = g_get_monotonic_time ();
          g_assert_true (up_project_undo (project, &error));
          undo_ms[r] = (g_get_monotonic_time () - start) / 1000.0;
        }
      g_print ("%8u %10u %12.1f %12.1f %12.1f %12u\n", n, n / 10, bench_median (merge_ms, runs),
               bench_median (open_ms, runs), bench_median (undo_ms, runs), notes_after);
      g_unlink (path);
      g_unlink (copy_path);
    }
  g_rmdir (dir);
  return 0;
}
