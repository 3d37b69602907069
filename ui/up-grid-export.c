/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "Upphandla"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "up-a11y-util.h"
#include "up-file-util.h"
#include "up-grid-export.h"

/* A small export dialog of the stakeholder view: format and language in an
 * AdwMessageDialog, then the file in a GtkFileChooserNative (the portal in
 * the Flatpak), then the core writes the file. */

typedef struct
{
  GtkWidget        *widget;
  UpProject        *project;
  UpChartKind       kind;
  UpExportFormat    format;
  UpLang            lang;
  GtkDropDown      *format_dropdown;
  GtkDropDown      *lang_dropdown;
  UpGridExportDone  done;
  gpointer          user_data;
  GFile            *file;        /* being written */
  GApplication     *app;         /* held while it is written */
} ExportRun;

static const UpExportFormat formats[] = { UP_EXPORT_PNG, UP_EXPORT_SVG, UP_EXPORT_PDF };
static const UpLang langs[] = { UP_LANG_SV, UP_LANG_EN };

static void
export_run_free (ExportRun *run)
{
  if (run->app != NULL)
    g_application_release (run->app);
  g_clear_object (&run->app);
  g_clear_object (&run->file);
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
  if (run->done != NULL && gtk_widget_get_root (run->widget) != NULL)
    run->done (file, error, run->user_data);
  export_run_free (run);
}

static gboolean
ui_is_swedish (void)
{
  const char * const *names = g_get_language_names ();

  return names[0] != NULL && g_str_has_prefix (names[0], "sv");
}

static void
on_written (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  ExportRun *run = user_data;
  g_autoptr(GError) error = NULL;

  if (up_export_chart_finish (run->project, result, &error))
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

  if (file == NULL)
    {
      finish (run, NULL, NULL);
      return;
    }

  up_chart_options_init (&options);
  options.lang = run->lang;
  options.decorations = TRUE;

  run->file = g_object_ref (file);
  run->app = g_application_get_default ();
  if (run->app != NULL)
    {
      g_object_ref (run->app);
      g_application_hold (run->app);
    }
  up_export_chart_async (run->project, run->kind, run->format, &options, 0, file, NULL,
                         on_written, run);
}

/* The name typed decides the format ("grid.pdf" is a PDF whatever was
 * chosen before); a name without an extension gets the chosen one's. */
static void
on_file_response (GtkNativeDialog *chooser,
                  int              response,
                  ExportRun       *run)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) resolved = NULL;
  GtkRoot *root = gtk_widget_get_root (run->widget);

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);

  if (file == NULL)
    {
      finish (run, NULL, NULL);
      return;
    }

  resolved = up_file_util_for_export (file, &run->format);
  up_file_util_confirm_replace (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, file, resolved,
                                write_file, run);
}

static void
ask_for_file (ExportRun *run)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  g_autofree char *upper = NULL;
  GtkRoot *root = gtk_widget_get_root (run->widget);
  const char *extension = up_export_format_get_name (run->format);

  /* Translators: The title of the file chooser that exports the grid. */
  chooser = gtk_file_chooser_native_new (_("Export Grid"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  gtk_file_filter_add_mime_type (filter, up_export_format_get_mime_type (run->format));
  upper = g_ascii_strup (extension, -1);
  gtk_file_filter_set_name (filter, upper);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);

  /* Translators: The suggested file name of an exported power/interest
   * grid, without the extension; keep it a file name (no spaces). */
  name = g_strdup_printf ("%s.%s", C_("file name", "stakeholder-grid"), extension);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);

  g_signal_connect (chooser, "response", G_CALLBACK (on_file_response), run);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_options_response (AdwMessageDialog *dialog,
                     const char       *response,
                     ExportRun        *run)
{
  /* Closing the dialog after a response answers once more, with the close
   * response: only the first answer counts. */
  g_signal_handlers_disconnect_by_func (dialog, on_options_response, run);

  if (!g_str_equal (response, "export"))
    {
      finish (run, NULL, NULL);
      return;
    }

  run->format = formats[MIN (gtk_drop_down_get_selected (run->format_dropdown),
                             G_N_ELEMENTS (formats) - 1)];
  run->lang = langs[MIN (gtk_drop_down_get_selected (run->lang_dropdown),
                         G_N_ELEMENTS (langs) - 1)];
  ask_for_file (run);
}

static GtkWidget *
add_choice (GtkGrid     *grid,
            int          row,
            const char  *label_text,
            const char **items,
            guint        selected)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (label_text);
  GtkWidget *dropdown = gtk_drop_down_new_from_strings (items);

  gtk_label_set_xalign (GTK_LABEL (label), 1.0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), dropdown);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), selected);
  gtk_widget_set_hexpand (dropdown, TRUE);
  gtk_grid_attach (grid, label, 0, row, 1, 1);
  gtk_grid_attach (grid, dropdown, 1, row, 1, 1);

  return dropdown;
}

void
up_grid_export_run (GtkWidget        *widget,
                    UpProject        *project,
                    UpChartKind       kind,
                    UpGridExportDone  done,
                    gpointer          user_data)
{
  ExportRun *run;
  GtkWidget *dialog;
  GtkWidget *grid;
  GtkRoot *root;
  const char *format_items[] = { "PNG", "SVG", "PDF", NULL };
  /* Translators: Languages an exported chart can be written in. */
  const char *lang_items[] = { _("Swedish"), _("English"), NULL };

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (UP_IS_PROJECT (project));

  run = g_new0 (ExportRun, 1);
  run->widget = g_object_ref (widget);
  run->project = g_object_ref (project);
  run->kind = kind;
  run->done = done;
  run->user_data = user_data;

  root = gtk_widget_get_root (widget);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Export Grid"),
                                   _("The exported chart has a title, the project’s name, today’s date and a legend, in the language you choose."));

  grid = gtk_grid_new ();
  gtk_grid_set_row_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  run->format_dropdown = GTK_DROP_DOWN (add_choice (GTK_GRID (grid), 0, _("_Format"),
                                                    format_items, 0));
  run->lang_dropdown = GTK_DROP_DOWN (add_choice (GTK_GRID (grid), 1, _("_Language"),
                                                  lang_items, ui_is_swedish () ? 0 : 1));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), grid);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "export", _("_Export…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "export",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "export");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  g_signal_connect (dialog, "response", G_CALLBACK (on_options_response), run);
  up_a11y_util_name_controls (GTK_WIDGET (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}
