/* SPDX-License-Identifier: GPL-3.0-or-later */

/* bench-commit FILE [RUNS]
 * Opens FILE, then RUNS times moves its middle stage by one day with
 * up_project_move_stage() and times (a) the call itself — the part that runs
 * on the UI thread — and (b) the call to the store's "saved" signal, i.e.
 * the file replaced on disk. Prints the medians in ms. */

#include <stdlib.h>

#include "upphandla.h"

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

static void
on_saved (UpStore  *store,
          gboolean *saved)
{
  *saved = TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(UpProject) project = NULL;
  g_autoptr(UpStage) stage = NULL;
  guint runs = argc > 2 ? (guint) atoi (argv[2]) : 7;
  double *call_ms, *saved_ms;
  gboolean saved = FALSE;
  GListModel *stages;

  if (argc < 2)
    {
      g_printerr ("Usage: %s FILE [RUNS]\n", argv[0]);
      return 2;
    }
  file = g_file_new_for_commandline_arg (argv[1]);
  project = up_project_open (file, &error);
  g_assert_no_error (error);
  stages = up_project_get_stages (project);
  stage = g_list_model_get_item (stages, g_list_model_get_n_items (stages) / 2);
  g_signal_connect (up_project_get_store (project), "saved", G_CALLBACK (on_saved), &saved);
  call_ms = g_new (double, runs);
  saved_ms = g_new (double, runs);

  for (guint r = 0; r < runs; r++)
    {
      /* One day later, then back, and so on. */
      int days = r % 2 == 0 ? 1 : -1;
      g_autofree char *s = up_date_add_days (up_stage_get_start_date (stage), days);
      g_autofree char *e = up_date_add_days (up_stage_get_end_date (stage), days);
      gint64 t0, t1;

      saved = FALSE;
      t0 = g_get_monotonic_time ();
      if (!up_project_move_stage (project, stage, s, e, &error))
        g_error ("%s", error->message);
      t1 = g_get_monotonic_time ();
      while (!saved)
        g_main_context_iteration (NULL, TRUE);
      call_ms[r] = (t1 - t0) / 1000.0;
      saved_ms[r] = (g_get_monotonic_time () - t0) / 1000.0;
    }

  qsort (call_ms, runs, sizeof (double), compare_double);
  qsort (saved_ms, runs, sizeof (double), compare_double);
  g_print ("commit-call-ms %.2f\ncommit-saved-ms %.2f\n", call_ms[runs / 2], saved_ms[runs / 2]);
  g_free (call_ms);
  g_free (saved_ms);
  return 0;
}
