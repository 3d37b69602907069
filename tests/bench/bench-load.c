/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Writes projects of N stages (2×N notes, 5×N Agenda 2030 links, N/4
 * stakeholders) through the edit API, then prints the median time to open
 * each into the model, and the time a plain SQLite read of the same rows
 * takes (the floor of the store). Not a test: it prints figures. */

#include <sqlite3.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>

#include "bench-gen.h"

#define RUNS 7

static double
time_open (GFile *file)
{
  double runs[RUNS];

  for (guint r = 0; r < RUNS; r++)
    {
      gint64 t0 = g_get_monotonic_time ();
      g_autoptr(UpProject) project = up_project_open (file, NULL);

      g_assert_nonnull (project);
      runs[r] = (g_get_monotonic_time () - t0) / 1000.0;
    }
  return bench_median (runs, RUNS);
}

/* Reads every column of every row with SQLite alone: the floor. */
static double
time_sqlite (GFile *file)
{
  static const char *queries[] = {
    "SELECT * FROM stage", "SELECT * FROM note", "SELECT * FROM sdg_link",
    "SELECT * FROM stakeholder", "SELECT * FROM note_stakeholder", NULL
  };
  double runs[RUNS];

  for (guint r = 0; r < RUNS; r++)
    {
      gint64 t0 = g_get_monotonic_time ();
      sqlite3 *db;

      sqlite3_open_v2 (g_file_peek_path (file), &db, SQLITE_OPEN_READONLY, NULL);
      for (guint q = 0; queries[q]; q++)
        {
          sqlite3_stmt *stmt;

          sqlite3_prepare_v2 (db, queries[q], -1, &stmt, NULL);
          while (sqlite3_step (stmt) == SQLITE_ROW)
            for (int c = 0; c < sqlite3_column_count (stmt); c++)
              (void) sqlite3_column_text (stmt, c);
          sqlite3_finalize (stmt);
        }
      sqlite3_close (db);
      runs[r] = (g_get_monotonic_time () - t0) / 1000.0;
    }
  return bench_median (runs, RUNS);
}

int
main (int   argc,
      char *argv[])
{
  guint sizes[] = { 100, 1000, 5000, 20000 };

  /* bench-load FILE...: only the median load of each given file into the
   * model, for tests/bench/run-all.sh. */
  if (argc > 1)
    {
      for (int i = 1; i < argc; i++)
        {
          g_autoptr(GFile) file = g_file_new_for_commandline_arg (argv[i]);
          g_print ("load-ms %.2f sqlite-api-ms %.2f\n", time_open (file), time_sqlite (file));
        }
      return 0;
    }

  g_autofree char *dir = g_dir_make_tmp ("upphandla-bench-XXXXXX", NULL);

  g_print ("%-8s %10s %12s %14s %10s\n", "stages", "file (kB)", "open (ms)", "sqlite3 (ms)", "ratio");
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autofree char *path = g_strdup_printf ("%s/bench-%u.upphandla", dir, sizes[i]);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GFileInfo) info = NULL;
      double open_ms, sqlite_ms;

      g_clear_object (&info);
      g_object_unref (bench_generate_project (sizes[i], file));
      info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, 0, NULL, NULL);
      open_ms = time_open (file);
      sqlite_ms = time_sqlite (file);
      g_print ("%-8u %10" G_GOFFSET_FORMAT " %12.1f %14.1f %10.2f\n", sizes[i],
               g_file_info_get_size (info) / 1024, open_ms, sqlite_ms, open_ms / sqlite_ms);
      g_unlink (path);
    }
  g_rmdir (dir);
  return 0;
}
