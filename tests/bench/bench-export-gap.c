/* SPDX-License-Identifier: GPL-3.0-or-later */

/* How long an export of the GUI blocks the main thread: a window with a
 * spinner (a frame-clock tick every frame) and a 1 ms timeout, and the
 * export of a chart as the views start it, on the main thread
 * (up_export_chart(), as before) or off it (up_export_chart_async()).
 * Prints, per mode, the median over RUNS runs (after one warm-up) of the
 * longest gap between two frame-clock ticks and between two timeouts while
 * the export ran, and of the export's own time; "none" is the window by
 * itself over 600 ms, without an export.
 *
 *   bench-export-gap PROJECT [CHART FORMAT [RUNS]]    (matrix png 7)
 *
 * Needs a display (Xvfb). Not a test. */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdlib.h>

#include <upphandla/upphandla.h>

typedef struct
{
  UpProject      *project;
  UpChartKind     kind;
  UpExportFormat  format;
  GFile          *output;
  gboolean        running;
  gboolean        done;
  gint64          started;
  gint64          finished;
  gint64          last_tick;
  gint64          tick_gap;
  gint64          last_timeout;
  gint64          timeout_gap;
} Run;

static gboolean
on_tick (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       data)
{
  Run *run = data;
  gint64 now = g_get_monotonic_time ();

  if (run->running)
    run->tick_gap = MAX (run->tick_gap, now - run->last_tick);
  run->last_tick = now;
  return G_SOURCE_CONTINUE;
}

static gboolean
on_timeout (gpointer data)
{
  Run *run = data;
  gint64 now = g_get_monotonic_time ();

  if (run->running)
    run->timeout_gap = MAX (run->timeout_gap, now - run->last_timeout);
  run->last_timeout = now;
  return G_SOURCE_CONTINUE;
}

static void
finish_run (Run *run)
{
  gint64 now = g_get_monotonic_time ();

  run->finished = now;
  /* the gap up to the end counts too */
  run->tick_gap = MAX (run->tick_gap, now - run->last_tick);
  run->timeout_gap = MAX (run->timeout_gap, now - run->last_timeout);
  run->running = FALSE;
  run->done = TRUE;
}

static void
on_written (GObject      *source,
            GAsyncResult *result,
            gpointer      data)
{
  Run *run = data;
  g_autoptr(GError) error = NULL;

  if (!up_export_chart_finish (run->project, result, &error))
    g_error ("%s", error->message);
  finish_run (run);
}

static UpChartOptions
options_of_view (void)
{
  UpChartOptions options;

  /* as the Agenda 2030 view's write_chart() sets them */
  up_chart_options_init (&options);
  options.lang = UP_LANG_SV;
  options.decorations = TRUE;
  return options;
}

static gboolean
start_sync (gpointer data)
{
  Run *run = data;
  g_autoptr(GError) error = NULL;
  UpChartOptions options = options_of_view ();

  run->started = g_get_monotonic_time ();
  run->last_tick = run->last_timeout = run->started;
  run->running = TRUE;
  if (!up_export_chart (run->project, run->kind, run->format, &options, 0, run->output, &error))
    g_error ("%s", error->message);
  finish_run (run);
  return G_SOURCE_REMOVE;
}

static gboolean
start_async (gpointer data)
{
  Run *run = data;
  UpChartOptions options = options_of_view ();

  run->started = g_get_monotonic_time ();
  run->last_tick = run->last_timeout = run->started;
  run->running = TRUE;
  up_export_chart_async (run->project, run->kind, run->format, &options, 0, run->output, NULL,
                         on_written, run);
  return G_SOURCE_REMOVE;
}

static gboolean
end_wait (gpointer data)
{
  finish_run (data);
  return G_SOURCE_REMOVE;
}

/* No export: the gaps of the window by itself over 600 ms, the baseline. */
static gboolean
start_none (gpointer data)
{
  Run *run = data;

  run->started = g_get_monotonic_time ();
  run->last_tick = run->last_timeout = run->started;
  run->running = TRUE;
  g_timeout_add (600, end_wait, run);
  return G_SOURCE_REMOVE;
}

static int
compare_int64 (gconstpointer a,
               gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

static double
median_ms (gint64 *values,
           guint   n)
{
  qsort (values, n, sizeof *values, compare_int64);
  return (n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2) / 1000.0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(UpProject) project = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  UpChartKind kind = UP_CHART_MATRIX;
  UpExportFormat format = UP_EXPORT_PNG;
  guint runs = argc > 4 ? (guint) atoi (argv[4]) : 7;
  GtkWidget *window;
  GtkWidget *spinner;

  setlocale (LC_ALL, "");

  if (argc < 2 || runs == 0 ||
      (argc > 2 && !up_chart_kind_parse (argv[2], &kind)) ||
      (argc > 3 && !up_export_format_parse (argv[3], &format)))
    {
      g_printerr ("Usage: bench-export-gap PROJECT [CHART FORMAT [RUNS]]\n");
      return 2;
    }

  adw_init ();

  file = g_file_new_for_commandline_arg (argv[1]);
  project = up_project_open (file, &error);
  if (project == NULL)
    g_error ("%s", error->message);

  dir = g_dir_make_tmp ("upphandla-bench-gap-XXXXXX", &error);
  if (dir == NULL)
    g_error ("%s", error->message);
  path = g_build_filename (dir, "chart", NULL);

  window = gtk_window_new ();
  spinner = gtk_spinner_new ();
  gtk_spinner_start (GTK_SPINNER (spinner));
  gtk_window_set_child (GTK_WINDOW (window), spinner);
  gtk_window_set_default_size (GTK_WINDOW (window), 400, 300);
  gtk_window_present (GTK_WINDOW (window));

  for (guint mode = 0; mode < 3; mode++)
    {
      g_autofree gint64 *tick_gaps = g_new (gint64, runs);
      g_autofree gint64 *timeout_gaps = g_new (gint64, runs);
      g_autofree gint64 *times = g_new (gint64, runs);

      for (guint r = 0; r <= runs; r++)
        {
          Run run = { project, kind, format, NULL };
          g_autoptr(GFile) output = g_file_new_for_path (path);
          guint tick_id, timeout_id;
          gint64 settle = g_get_monotonic_time () + 300000;

          run.output = output;
          tick_id = gtk_widget_add_tick_callback (spinner, on_tick, &run, NULL);
          timeout_id = g_timeout_add (1, on_timeout, &run);
          /* frames settle first */
          while (g_get_monotonic_time () < settle)
            g_main_context_iteration (NULL, TRUE);
          g_idle_add (mode == 0 ? start_none : mode == 1 ? start_sync : start_async, &run);
          while (!run.done)
            g_main_context_iteration (NULL, TRUE);
          gtk_widget_remove_tick_callback (spinner, tick_id);
          g_source_remove (timeout_id);

          /* the first run loads fonts and the catalogue: not counted */
          if (r > 0)
            {
              tick_gaps[r - 1] = run.tick_gap;
              timeout_gaps[r - 1] = run.timeout_gap;
              times[r - 1] = run.finished - run.started;
            }
        }

      g_print ("%-5s %s %s: export %.0f ms; longest gap between frame ticks %.1f ms, "
               "between 1 ms timeouts %.1f ms (medians of %u runs)\n",
               mode == 0 ? "none" : mode == 1 ? "sync" : "async", up_chart_kind_get_name (kind),
               up_export_format_get_name (format), median_ms (times, runs),
               median_ms (tick_gaps, runs), median_ms (timeout_gaps, runs), runs);
    }

  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (path);
  g_rmdir (dir);
  return 0;
}
