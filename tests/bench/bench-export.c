/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Exports (issue 8, item 6): the wheel, the matrix and the report as PNG,
 * SVG and PDF, the time of up_export_chart() from the call to the file
 * replaced on disk, median of RUNS runs after one warm-up.
 *
 *   bench-export PROJECT [RUNS [ONLY]]
 *
 * Prints one line per chart and format; ONLY ("matrix.pdf", "matrix",
 * "pdf") limits it to the exports whose name contains it, for a profile of
 * one. No display needed. Not a test. */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include <upphandla/upphandla.h>

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

int
main (int   argc,
      char *argv[])
{
  static const UpChartKind kinds[] = { UP_CHART_WHEEL, UP_CHART_MATRIX, UP_CHART_REPORT, UP_CHART_TIMELINE };
  static const UpExportFormat formats[] = { UP_EXPORT_PNG, UP_EXPORT_SVG, UP_EXPORT_PDF };
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(UpProject) project = NULL;
  g_autofree char *dir = NULL;
  UpChartOptions options;
  guint runs = argc > 2 ? (guint) atoi (argv[2]) : 7;
  const char *only = argc > 3 ? argv[3] : NULL;

  /* The messages it prints (a refused PNG) in the environment's charset. */
  setlocale (LC_ALL, "");

  if (argc < 2 || runs == 0)
    {
      g_printerr ("Usage: bench-export PROJECT [RUNS [ONLY]]\n");
      return 2;
    }

  file = g_file_new_for_commandline_arg (argv[1]);
  project = up_project_open (file, &error);
  if (project == NULL)
    g_error ("%s", error->message);

  dir = g_dir_make_tmp ("upphandla-bench-export-XXXXXX", &error);
  if (dir == NULL)
    g_error ("%s", error->message);

  up_chart_options_init (&options);
  options.lang = UP_LANG_SV;

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
      {
        g_autofree char *name = g_strdup_printf ("%s.%s", up_chart_kind_get_name (kinds[k]),
                                                 up_export_format_get_name (formats[f]));
        g_autofree char *path = g_build_filename (dir, name, NULL);
        g_autoptr(GFile) output = g_file_new_for_path (path);
        g_autofree double *ms = g_new (double, runs);
        g_autoptr(GFileInfo) info = NULL;

        gboolean refused = FALSE;

        if (only != NULL && strstr (name, only) == NULL)
          continue;

        /* The first run loads fonts and the catalogue: not counted. */
        for (guint r = 0; r <= runs && !refused; r++)
          {
            gint64 t0 = g_get_monotonic_time ();

            if (!up_export_chart (project, kinds[k], formats[f], &options, 0, output, &error))
              {
                /* A chart too large for one PNG is refused with a message. */
                g_print ("export %-8s %-3s refused: %s\n", up_chart_kind_get_name (kinds[k]),
                         up_export_format_get_name (formats[f]), error->message);
                g_clear_error (&error);
                refused = TRUE;
              }
            else if (r > 0)
              ms[r - 1] = (g_get_monotonic_time () - t0) / 1000.0;
          }
        if (refused)
          continue;
        qsort (ms, runs, sizeof (double), compare_double);
        info = g_file_query_info (output, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                                  NULL, NULL);
        g_print ("export %-8s %-3s median-ms %8.2f max-ms %8.2f kB %6" G_GINT64_FORMAT "\n",
                 up_chart_kind_get_name (kinds[k]), up_export_format_get_name (formats[f]),
                 ms[runs / 2], ms[runs - 1], info ? g_file_info_get_size (info) / 1024 : 0);
        g_unlink (path);
      }

  g_rmdir (dir);
  return 0;
}
