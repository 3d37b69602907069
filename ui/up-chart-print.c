/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "Upphandla"

#include "config.h"

#include <glib/gi18n.h>

#include "up-chart-print.h"

/* Printing a chart: a GtkPrintOperation whose pages the core draws with
 * up_chart_draw(), as it draws a PDF export, one sheet per page of the
 * chart. */

typedef struct
{
  UpProject        *project;
  UpLocalGoal      *local_goal;
  UpChartKind       kind;
  UpChartOptions    options;
  UpChartPrintDone  done;
  gpointer          user_data;
  gboolean          reported;   /* done was called */
} PrintJob;

/* The printer, copies and paper chosen last, for the next print of the
 * session, as GNOME's applications keep them. */
static GtkPrintSettings *last_settings;

static void
print_job_free (PrintJob *job)
{
  g_clear_object (&job->project);
  g_clear_object (&job->local_goal);
  g_free (job);
}

/* A print is drawn as a file is: the decorations and the key, on white,
 * and the caller's borrowed coverage is not kept past the call. */
static PrintJob *
print_job_new (UpProject            *project,
               UpChartKind           kind,
               const UpChartOptions *options)
{
  PrintJob *job = g_new0 (PrintJob, 1);

  job->project = g_object_ref (project);
  job->kind = kind;
  if (options != NULL)
    job->options = *options;
  else
    up_chart_options_init (&job->options);
  g_set_object (&job->local_goal, job->options.local_goal);
  job->options.local_goal = job->local_goal;
  job->options.decorations = TRUE;
  job->options.key = TRUE;
  job->options.dark = FALSE;
  job->options.preview_stakeholder = 0;
  job->options.coverage = NULL;
  job->options.page = 0;
  job->options.date = NULL;

  return job;
}

static void
on_begin_print (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                PrintJob          *job)
{
  /* Counted when printing starts: the plan may have changed while the
   * dialog was open. */
  gtk_print_operation_set_n_pages (operation,
                                   MAX (up_chart_get_n_pages (job->kind, job->project, &job->options), 1));
}

static void
on_draw_page (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              PrintJob          *job)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context);
  UpChartOptions options = job->options;
  double chart_width = 0, chart_height = 0, scale;

  options.page = (guint) page_nr + 1;
  up_chart_get_size (job->kind, job->project, &options, &chart_width, &chart_height);
  if (chart_width <= 0 || chart_height <= 0 || width <= 0 || height <= 0)
    return;

  /* The whole chart on the sheet, centred across, from the top. */
  scale = MIN (width / chart_width, height / chart_height);
  cairo_save (cr);
  cairo_translate (cr, (width - chart_width * scale) / 2, 0);
  up_chart_draw (job->kind, job->project, &options, cr, chart_width * scale, chart_height * scale);
  cairo_restore (cr);
}

static GtkPrintOperation *
create_operation (PrintJob *job)
{
  GtkPrintOperation *operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autofree char *name = NULL;
  const char *title = up_project_get_title (job->project);
  UpChartOptions first = job->options;
  double width = 0, height = 0;

  /* Paper turned to the shape of the chart (the report is A4 landscape). */
  first.page = 1;
  up_chart_get_size (job->kind, job->project, &first, &width, &height);
  gtk_page_setup_set_orientation (setup, width > height ? GTK_PAGE_ORIENTATION_LANDSCAPE
                                                        : GTK_PAGE_ORIENTATION_PORTRAIT);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);

  /* Translators: the name of a print job in the printer's queue: %1$s is
   * the project's title, %2$s the chart's ("Agenda 2030 coverage"). */
  name = g_strdup_printf (_("%1$s – %2$s"), title != NULL && title[0] != '\0' ? title : _("Project"),
                          up_chart_kind_get_title (job->kind, job->options.lang));
  gtk_print_operation_set_job_name (operation, name);

  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print), job);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page), job);
  g_object_set_data_full (G_OBJECT (operation), "up-print-job", job, (GDestroyNotify) print_job_free);

  return operation;
}

static void
on_done (GtkPrintOperation       *operation,
         GtkPrintOperationResult  result,
         gpointer                 user_data)
{
  PrintJob *job = g_object_get_data (G_OBJECT (operation), "up-print-job");
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    g_set_object (&last_settings, gtk_print_operation_get_print_settings (operation));
  else if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      if (error == NULL)
        error = g_error_new_literal (GTK_PRINT_ERROR, GTK_PRINT_ERROR_GENERAL,
                                     _("The chart could not be printed."));
    }

  if (job != NULL && !job->reported)
    {
      job->reported = TRUE;
      if (job->done != NULL)
        job->done (error, job->user_data);
    }
}

void
up_chart_print (GtkWindow            *parent,
                UpProject            *project,
                UpChartKind           kind,
                const UpChartOptions *options,
                UpChartPrintDone      done,
                gpointer              user_data)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  PrintJob *job;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (UP_IS_PROJECT (project));

  job = print_job_new (project, kind, options);
  job->done = done;
  job->user_data = user_data;
  operation = create_operation (job);
  if (last_settings != NULL)
    gtk_print_operation_set_print_settings (operation, last_settings);
  gtk_print_operation_set_allow_async (operation, TRUE);
  g_signal_connect (operation, "done", G_CALLBACK (on_done), NULL);

  /* GTK keeps the operation while its dialog is open and it prints; "done"
   * reports the end, a cancel included. An operation that cannot start
   * may fail without it. */
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent, &error) ==
      GTK_PRINT_OPERATION_RESULT_ERROR && !job->reported)
    {
      job->reported = TRUE;
      if (done != NULL)
        done (error, user_data);
    }
}

gboolean
up_chart_print_to_pdf (UpProject            *project,
                       UpChartKind           kind,
                       const UpChartOptions *options,
                       GFile                *file,
                       GError              **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autofree char *path = NULL;
  GtkPrintOperationResult result;

  g_return_val_if_fail (UP_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_get_path (file);
  g_return_val_if_fail (path != NULL, FALSE);

  operation = create_operation (print_job_new (project, kind, options));
  gtk_print_operation_set_export_filename (operation, path);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, error);

  return result == GTK_PRINT_OPERATION_RESULT_APPLY;
}
