/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "Upphandla"

#include "config.h"

#include <glib/gi18n.h>

#include "up-a11y-util.h"
#include "up-chart-print.h"

/* Printing a chart: a GtkPrintOperation whose pages the core draws with
 * up_chart_draw(), as it draws a PDF export, one sheet per page of the
 * chart. The dialog has a tab of the app's own for the language the chart
 * is printed in, as the export dialog has a row for it. */

/* The languages offered, in the export dialog's order. */
static const UpLang print_langs[] = { UP_LANG_SV, UP_LANG_EN };

static const char * const print_lang_labels[] = { N_("Swedish"), N_("English") };

typedef struct
{
  UpProject        *project;
  UpLocalGoal      *local_goal;
  UpChartKind       kind;
  UpChartOptions    options;
  UpChartPrintDone  done;
  gpointer          user_data;
  gboolean          reported;   /* done was called */
  GSettings        *settings;   /* remembers the language; or NULL */
  GtkDropDown      *lang_drop_down;  /* in the dialog, while it is open */
} PrintJob;

/* The printer, copies and paper chosen last, for the next print of the
 * session, as GNOME's applications keep them. */
static GtkPrintSettings *last_settings;

static void
print_job_free (PrintJob *job)
{
  g_clear_object (&job->project);
  g_clear_object (&job->local_goal);
  g_clear_object (&job->settings);
  if (job->lang_drop_down != NULL)
    g_object_remove_weak_pointer (G_OBJECT (job->lang_drop_down), (gpointer *) &job->lang_drop_down);
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

/* The "Chart" tab of the print dialog: the language of the chart's title,
 * header and legend, set to the job's. */
static GObject *
on_create_custom_widget (GtkPrintOperation *operation,
                         PrintJob          *job)
{
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *label;
  GtkWidget *note;
  GtkWidget *drop_down;
  const char *labels[G_N_ELEMENTS (print_langs) + 1] = { NULL, };
  guint selected = 0;

  for (guint i = 0; i < G_N_ELEMENTS (print_langs); i++)
    {
      labels[i] = _(print_lang_labels[i]);
      if (print_langs[i] == job->options.lang)
        selected = i;
    }

  drop_down = gtk_drop_down_new_from_strings (labels);
  gtk_widget_set_name (drop_down, "up-print-language");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (drop_down), selected);
  gtk_widget_set_hexpand (drop_down, FALSE);
  gtk_widget_set_halign (drop_down, GTK_ALIGN_START);

  /* Translators: in the print dialog's Chart tab, before the choice of
   * Swedish or English. */
  label = gtk_label_new_with_mnemonic (_("_Language:"));
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), drop_down);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);

  note = gtk_label_new (_("The chart’s title, header and legend are printed in this language."));
  gtk_label_set_wrap (GTK_LABEL (note), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (note), 40);
  gtk_label_set_xalign (GTK_LABEL (note), 0.0f);
  gtk_widget_add_css_class (note, "dim-label");
  gtk_accessible_update_relation (GTK_ACCESSIBLE (drop_down),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, note, NULL,
                                  -1);
  /* The drop-down's button takes the focus, and GTK 4.8 named it
   * "GtkToggleButton": a screen reader said nothing of what it chooses.
   * Translators: what a screen reader calls the language choice of the
   * print dialog's Chart tab, as the export dialog's row. */
  up_a11y_util_name_drop_down (GTK_DROP_DOWN (drop_down), _("Language"));

  /* Spaced as GTK's own tabs of the dialog are. */
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_widget_set_margin_top (grid, 12);
  gtk_widget_set_margin_bottom (grid, 12);
  gtk_widget_set_margin_start (grid, 12);
  gtk_widget_set_margin_end (grid, 12);
  gtk_grid_attach (GTK_GRID (grid), label, 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), drop_down, 1, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), note, 1, 1, 1, 1);

  job->lang_drop_down = GTK_DROP_DOWN (drop_down);
  /* The dialog owns the tab; it stays until "custom-widget-apply". */
  g_object_add_weak_pointer (G_OBJECT (drop_down), (gpointer *) &job->lang_drop_down);

  return G_OBJECT (grid);
}

/* Print pressed: the chart in the language chosen, which the next print
 * and export start from. */
static void
on_custom_widget_apply (GtkPrintOperation *operation,
                        GtkWidget         *widget,
                        PrintJob          *job)
{
  guint selected;

  if (job->lang_drop_down == NULL)
    return;

  selected = gtk_drop_down_get_selected (job->lang_drop_down);
  if (selected >= G_N_ELEMENTS (print_langs))
    return;

  job->options.lang = print_langs[selected];
  if (job->settings != NULL)
    g_settings_set_string (job->settings, "last-export-language", up_lang_get_code (job->options.lang));
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
                          up_chart_kind_get_title (job->kind, UP_LANG_UI));
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

/* The language a print starts in: the one chosen at the last print or
 * export, else the caller's, else the interface's. */
static UpLang
start_language (GSettings *settings,
                UpLang     lang)
{
  g_autofree char *last = settings != NULL ? g_settings_get_string (settings, "last-export-language") : NULL;
  UpLang remembered;

  if (up_lang_parse (last, &remembered))
    return remembered;
  return lang == UP_LANG_UI ? up_lang_get_ui_language () : lang;
}

void
up_chart_print (GtkWindow            *parent,
                UpProject            *project,
                UpChartKind           kind,
                const UpChartOptions *options,
                GSettings            *settings,
                UpChartPrintDone      done,
                gpointer              user_data)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  PrintJob *job;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (UP_IS_PROJECT (project));
  g_return_if_fail (settings == NULL || G_IS_SETTINGS (settings));

  job = print_job_new (project, kind, options);
  job->done = done;
  job->user_data = user_data;
  g_set_object (&job->settings, settings);
  job->options.lang = start_language (settings, job->options.lang);
  operation = create_operation (job);
  /* Translators: the tab of the print dialog with the chart's own
   * settings (its language). */
  gtk_print_operation_set_custom_tab_label (operation, _("Chart"));
  g_signal_connect (operation, "create-custom-widget", G_CALLBACK (on_create_custom_widget), job);
  g_signal_connect (operation, "custom-widget-apply", G_CALLBACK (on_custom_widget_apply), job);
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
