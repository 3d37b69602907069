/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "Upphandla"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "up-export-options.h"
#include "up-file-util.h"
#include "up-grid-export.h"

/* A small export dialog of the stakeholder view (and of the timeline): format, PNG size or PDF layout, and
 * language in an AdwMessageDialog (UpExportOptions, as the Agenda 2030 chart's), then the file in a
 * GtkFileChooserNative (the portal in the Flatpak), then the core writes the file. The notes as a
 * table go the same way from the file on: a table has no layout to choose, and its columns are
 * named in the interface's language, as the Notes view names its kinds and visibilities. So
 * does the calendar of the stages, its texts in the interface's language. */

typedef struct
{
  GtkWidget        *widget;
  UpProject        *project;
  UpChartKind       kind;
  UpExportFormat    format;
  UpPngSize         png_size;
  UpPdfLayout       pdf_layout;
  UpLang            lang;
  UpExportOptions  *options;     /* the dialog's, while it is shown */
  UpGridExportDone  done;
  GListModel       *rows;        /* the notes or people to export as a table, not a chart */
  gboolean          people;      /* the rows are stakeholders, not notes */
  gboolean          calendar;    /* the stages as a calendar, not a chart */
  guint             n_rows;      /* of them written */
  UpTableExportDone table_done;
  gpointer          user_data;
  char              separator;   /* of the table: ',' or ';' */
  GFile            *file;        /* being written */
  GApplication     *app;         /* held while it is written */
} ExportRun;

static void
export_run_free (ExportRun *run)
{
  if (run->app != NULL)
    g_application_release (run->app);
  g_clear_object (&run->app);
  g_clear_object (&run->file);
  g_clear_object (&run->rows);
  g_clear_object (&run->widget);
  g_clear_object (&run->project);
  g_free (run);
}

static void
finish (ExportRun    *run,
        GFile        *file,
        const GError *error)
{
  /* The window may have been closed meanwhile. */
  if (gtk_widget_get_root (run->widget) == NULL)
    ;
  else if (run->table_done != NULL)
    run->table_done (file, run->n_rows, error, run->user_data);
  else if (run->done != NULL)
    run->done (file, error, run->user_data);
  export_run_free (run);
}

static void
on_written (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  ExportRun *run = user_data;
  g_autoptr(GError) error = NULL;

  if (run->calendar ? up_export_bytes_finish (result, &error)
      : run->rows == NULL ? up_export_chart_finish (run->project, result, &error)
      : run->people ? up_export_stakeholders_finish (result, &error)
      : up_export_notes_finish (result, &error))
    finish (run, run->file, NULL);
  else
    finish (run, NULL, error);
}

/* Drawn and written on a thread, from a snapshot of the project taken
 * now: the window goes on meanwhile. */
static void
write_file (GFile    *file,
            gpointer  user_data)
{
  ExportRun *run = user_data;
  UpChartOptions options;
  int png_width = 0;

  if (file == NULL)
    {
      finish (run, NULL, NULL);
      return;
    }

  run->file = g_object_ref (file);
  run->app = g_application_get_default ();
  if (run->app != NULL)
    {
      g_object_ref (run->app);
      g_application_hold (run->app);
    }

  if (run->calendar)
    {
      g_autoptr(GBytes) bytes = up_export_calendar_ics (run->project, up_lang_get_ui_language (), NULL,
                                                         &run->n_rows);

      up_export_bytes_async (bytes, file, NULL, on_written, run);
      return;
    }
  if (run->rows != NULL)
    {
      run->n_rows = g_list_model_get_n_items (run->rows);
      if (run->people)
        up_export_stakeholders_async (run->project, run->rows, up_lang_get_ui_language (), run->separator,
                                      file, NULL, on_written, run);
      else
        up_export_notes_async (run->project, run->rows, up_lang_get_ui_language (), run->separator,
                               file, NULL, on_written, run);
      return;
    }

  up_chart_options_init (&options);
  options.lang = run->lang;
  options.decorations = TRUE;
  /* the name typed may have made it another format */
  if (run->format == UP_EXPORT_PNG)
    {
      up_export_options_lay_out (run->png_size, run->project, run->kind, &options);
      png_width = up_export_options_get_png_width (run->png_size, run->project, run->kind, &options);
    }
  else if (run->format == UP_EXPORT_PDF)
    up_export_options_lay_out_pdf (run->pdf_layout, run->project, run->kind, &options);

  up_export_chart_async (run->project, run->kind, run->format, &options, png_width, file, NULL,
                         on_written, run);
}

/* The notes' table: its fields apart by commas or by semicolons, as
 * the spreadsheet of the one who gets it reads a CSV (Excel takes the
 * separator from the desktop's region: a semicolon where a comma is the
 * decimal sign, as in Sweden, and shows a comma-separated table as one
 * column). First the region's, then the one chosen last. */
#define SEPARATOR_CHOICE "separator"
#define SETTINGS_SCHEMA_ID "io.github.upphandla.Upphandla"
#define SEPARATOR_KEY "last-notes-separator"

/* The app's settings, NULL where the schema is not installed (run from
 * the build tree): nothing is remembered then. */
static GSettings *
app_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, SETTINGS_SCHEMA_ID, TRUE);
  if (schema == NULL || !g_settings_schema_has_key (schema, SEPARATOR_KEY))
    return NULL;
  return g_settings_new_full (schema, NULL, NULL);
}

static char
last_separator (void)
{
  g_autoptr(GSettings) settings = app_settings ();
  g_autofree char *name = settings != NULL ? g_settings_get_string (settings, SEPARATOR_KEY) : NULL;

  if (g_strcmp0 (name, "semicolon") == 0)
    return ';';
  if (g_strcmp0 (name, "comma") == 0)
    return ',';
  return up_export_notes_default_separator ();
}

static void
remember_separator (char separator)
{
  g_autoptr(GSettings) settings = app_settings ();

  if (settings != NULL)
    g_settings_set_string (settings, SEPARATOR_KEY, separator == ';' ? "semicolon" : "comma");
}

/* The one to offer first is first in the list: GTK 4.8's own file
 * dialog (outside a Flatpak) ignores gtk_file_chooser_set_choice() and
 * shows the first; the portal's takes the choice set. */
static void
add_separator_choice (GtkFileChooser *chooser)
{
  gboolean semicolon = last_separator () == ';';
  /* Translators: a choice of the notes' export dialog (Separator): the
   * fields of the table apart by commas, as most programs read CSV. */
  const char *comma_label = _("Comma");
  /* Translators: a choice of the notes' export dialog (Separator): as
   * Excel reads a CSV file where the decimal sign is a comma, as with
   * Swedish settings. */
  const char *semicolon_label = _("Semicolon, for Excel with a decimal comma");
  const char *ids[] = { "comma", "semicolon", NULL };
  const char *labels[] = { comma_label, semicolon_label, NULL };

  if (semicolon)
    {
      ids[0] = "semicolon";
      ids[1] = "comma";
      labels[0] = semicolon_label;
      labels[1] = comma_label;
    }
  /* Translators: the label of a choice in the notes' export dialog: what
   * separates the fields of the CSV table. */
  gtk_file_chooser_add_choice (chooser, SEPARATOR_CHOICE, _("Separator"), ids, labels);
  gtk_file_chooser_set_choice (chooser, SEPARATOR_CHOICE, ids[0]);
}

/* The name typed decides the format ("grid.pdf" is a PDF whatever was
 * chosen before); a name without an extension gets the chosen one's, or
 * ".csv" for the notes' table: the extension is what opens the file in
 * the right program from the file manager. */
static void
on_file_response (GtkNativeDialog *chooser,
                  int              response,
                  ExportRun       *run)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) resolved = NULL;
  GtkRoot *root = gtk_widget_get_root (run->widget);

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      if (run->rows != NULL)
        {
          run->separator = g_strcmp0 (gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), SEPARATOR_CHOICE),
                                      "semicolon") == 0 ? ';' : ',';
          remember_separator (run->separator);
        }
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);

  if (file == NULL)
    {
      finish (run, NULL, NULL);
      return;
    }

  resolved = run->calendar ? up_file_util_for_ics (file)
             : run->rows != NULL ? up_file_util_for_csv (file)
             : up_file_util_for_export (file, &run->format);
  up_file_util_confirm_replace (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, file, resolved,
                                write_file, run);
}

/* The title of the dialogs: the chart a view exports, the notes or the
 * stakeholders. */
static const char *
export_title (ExportRun *run)
{
  UpChartKind kind = run->kind;

  if (run->calendar)
    /* Translators: The title of the dialog that exports the stages as
     * events of a calendar file. */
    return _("Export to Calendar");
  if (run->rows != NULL && run->people)
    /* Translators: The title of the dialog that exports the stakeholders
     * listed as a table for a spreadsheet. */
    return _("Export Stakeholders");
  if (run->rows != NULL)
    /* Translators: The title of the dialog that exports the notes listed
     * as a table for a spreadsheet. */
    return _("Export Notes");
  /* Translators: The title of the dialogs that export the timeline as a
   * chart (format, language, then the file). */
  return kind == UP_CHART_TIMELINE ? _("Export Timeline")
         /* Translators: The title of the dialogs that export the grid. */
         : _("Export Grid");
}

static void
ask_for_file (ExportRun *run)
{
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;
  g_autoptr(GFile) folder = NULL;
  GtkRoot *root = gtk_widget_get_root (run->widget);

  chooser = gtk_file_chooser_native_new (export_title (run),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  /* named and placed as the Agenda 2030 view's charts are: a grid sent
   * with them says which project it is of */
  if (run->calendar)
    {
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

      gtk_file_filter_add_mime_type (filter, "text/calendar");
      gtk_file_filter_add_suffix (filter, "ics");
      /* Translators: The kind of file in the calendar's export dialog:
       * events that calendar programs (Evolution, Outlook) open. */
      gtk_file_filter_set_name (filter, _("Calendar File"));
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
      name = up_file_util_calendar_name (run->project);
    }
  else if (run->rows != NULL)
    {
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

      gtk_file_filter_add_mime_type (filter, "text/csv");
      gtk_file_filter_add_suffix (filter, "csv");
      /* Translators: The kind of file in the notes' export dialog: a table
       * of values separated by commas, which spreadsheets open. */
      gtk_file_filter_set_name (filter, _("CSV Table"));
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
      add_separator_choice (GTK_FILE_CHOOSER (chooser));
      name = run->people ? up_file_util_stakeholders_name (run->project) : up_file_util_notes_name (run->project);
    }
  else
    {
      up_file_util_add_export_filter (GTK_FILE_CHOOSER (chooser), run->format);
      name = up_grid_export_suggest_file_name (run->project, run->kind, run->format, run->lang);
    }
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  folder = up_file_util_export_folder (run->project);
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);

  g_signal_connect (chooser, "response", G_CALLBACK (on_file_response), run);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_options_response (AdwMessageDialog *dialog,
                     const char       *response,
                     ExportRun        *run)
{
  UpExportOptions *options = g_steal_pointer (&run->options);

  if (!g_str_equal (response, "export"))
    {
      finish (run, NULL, NULL);
      return;
    }

  run->format = up_export_options_get_format (options);
  run->png_size = up_export_options_get_png_size (options);
  run->pdf_layout = up_export_options_get_pdf_layout (options);
  run->lang = up_export_options_get_lang (options);
  up_export_options_remember (options);
  ask_for_file (run);
}

/* A run of an export from @widget's window, for @user_data. */
static ExportRun *
export_run_new (GtkWidget *widget,
                UpProject *project,
                gpointer   user_data)
{
  ExportRun *run = g_new0 (ExportRun, 1);

  run->widget = g_object_ref (widget);
  run->project = g_object_ref (project);
  run->user_data = user_data;
  return run;
}

void
up_grid_export_run (GtkWidget        *widget,
                    UpProject        *project,
                    UpChartKind       kind,
                    UpGridExportDone  done,
                    gpointer          user_data)
{
  ExportRun *run;
  AdwMessageDialog *dialog;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (UP_IS_PROJECT (project));

  run = export_run_new (widget, project, user_data);
  run->kind = kind;
  run->done = done;
  run->options = UP_EXPORT_OPTIONS (up_export_options_new ());

  dialog = up_export_options_dialog_new (widget, export_title (run), run->options);
  g_signal_connect (dialog, "response", G_CALLBACK (on_options_response), run);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
table_export_run (GtkWidget         *widget,
                  UpProject         *project,
                  GListModel        *rows,
                  gboolean           people,
                  UpTableExportDone  done,
                  gpointer           user_data)
{
  ExportRun *run;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (UP_IS_PROJECT (project));
  g_return_if_fail (G_IS_LIST_MODEL (rows));

  run = export_run_new (widget, project, user_data);
  run->rows = g_object_ref (rows);
  run->people = people;
  run->table_done = done;
  ask_for_file (run);
}

void
up_notes_export_run (GtkWidget         *widget,
                     UpProject         *project,
                     GListModel        *notes,
                     UpTableExportDone  done,
                     gpointer           user_data)
{
  table_export_run (widget, project, notes, FALSE, done, user_data);
}

void
up_stakeholders_export_run (GtkWidget         *widget,
                            UpProject         *project,
                            GListModel        *people,
                            UpTableExportDone  done,
                            gpointer           user_data)
{
  table_export_run (widget, project, people, TRUE, done, user_data);
}

void
up_calendar_export_run (GtkWidget         *widget,
                        UpProject         *project,
                        UpTableExportDone  done,
                        gpointer           user_data)
{
  ExportRun *run;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (UP_IS_PROJECT (project));

  run = export_run_new (widget, project, user_data);
  run->calendar = TRUE;
  run->table_done = done;
  ask_for_file (run);
}

char *
up_grid_export_suggest_file_name (UpProject      *project,
                                  UpChartKind     kind,
                                  UpExportFormat  format,
                                  UpLang          lang)
{
  g_return_val_if_fail (UP_IS_PROJECT (project), NULL);

  return up_file_util_export_name (project, kind, NULL, format, lang);
}
