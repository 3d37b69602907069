/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The project generator shared by the benchmarks (bench-load, gen-project). */

#include <stdlib.h>

#include "bench-gen.h"

static const char *lorem =
  "Leverantören beskrev hur larmet fungerar i glesbygd med svag täckning, "
  "och hur svarstiderna följs upp varje månad i avtalsuppföljningen.";

UpProject *
bench_generate_project (guint  n,
                        GFile *file)
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

double
bench_status_mb (const char *field)
{
  g_autofree char *status = NULL;
  g_autofree char *key = g_strconcat (field, ":", NULL);
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (line = strstr (status, key)) == NULL)
    return 0;
  return g_ascii_strtod (line + strlen (key), NULL) / 1024.0;
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

double
bench_median (double *values,
              guint   n)
{
  g_return_val_if_fail (n > 0, 0);

  qsort (values, n, sizeof (double), compare_double);
  return values[n / 2];
}
