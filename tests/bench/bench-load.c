/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Writes projects of N stages (2×N notes, 5×N Agenda 2030 links, N/4
 * stakeholders) through the edit API, then prints the median time to open
 * each into the model, and the time a plain SQLite read of the same rows
 * takes (the floor of the store). Not a test: it prints figures. */

#include <sqlite3.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>

#include "upphandla.h"

#define RUNS 7

static const char *lorem =
  "Leverantören beskrev hur larmet fungerar i glesbygd med svag täckning, "
  "och hur svarstiderna följs upp varje månad i avtalsuppföljningen.";

static UpProject *
generate (guint    n,
          GFile   *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UpProject) project = up_project_new ("Benchmark", &error);
  g_autoptr(GPtrArray) stages = g_ptr_array_new ();
  g_autoptr(GPtrArray) people = g_ptr_array_new ();
  GDate date;

  g_assert_no_error (error);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 5, 1, 2026);
  up_project_begin_group (project, "generate");

  for (guint i = 0; i < MAX (1, n / 4); i++)
    g_ptr_array_add (people, up_project_add_stakeholder (project, "Intressent", "Organisation", "user", NULL));

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *start = NULL;
      g_autofree char *end = NULL;
      g_autofree char *title = g_strdup_printf ("Skede %u: marknadsdialog och kravställning", i + 1);
      const char *kind;
      UpStage *stage;

      start = up_date_format (&date);
      g_date_add_days (&date, 3 + i % 11);
      end = up_date_format (&date);
      g_date_subtract_days (&date, 1);
      kind = up_stage_kinds[i % 17];
      stage = up_project_add_stage (project, kind, title, start,
                                    g_str_equal (kind, "milestone") ? start : end, NULL, NULL);
      g_ptr_array_add (stages, stage);

      for (guint k = 0; k < 2; k++)
        {
          UpNote *note = up_project_add_note (project, lorem, "dialogue", start, stage, NULL);
          up_project_link_note_stakeholder (project, note, people->pdata[(i + k) % people->len], NULL);
        }
      for (guint k = 0; k < 5; k++)
        {
          const UpSdgGoal *goal = up_sdg_get_goal (1 + (i * 5 + k) % 17);
          up_project_add_sdg_link (project, UP_RECORD (stage), goal->targets[k % goal->n_targets],
                                   "positive", 1 + k % 3, NULL, NULL);
        }
    }

  g_assert_true (up_project_end_group (project, &error));
  up_store_set_file (up_project_get_store (project), file);
  g_assert_true (up_store_save (up_project_get_store (project), &error));
  return g_steal_pointer (&project);
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

static double
median (double *values)
{
  qsort (values, RUNS, sizeof (double), compare_double);
  return values[RUNS / 2];
}

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
  return median (runs);
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
  return median (runs);
}

int
main (int   argc,
      char *argv[])
{
  guint sizes[] = { 100, 1000, 5000, 20000 };
  g_autofree char *dir = g_dir_make_tmp ("upphandla-bench-XXXXXX", NULL);

  g_print ("%-8s %10s %12s %14s %10s\n", "stages", "file (kB)", "open (ms)", "sqlite3 (ms)", "ratio");
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autofree char *path = g_strdup_printf ("%s/bench-%u.upphandla", dir, sizes[i]);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GFileInfo) info = NULL;
      double open_ms, sqlite_ms;

      g_clear_object (&info);
      g_object_unref (generate (sizes[i], file));
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
