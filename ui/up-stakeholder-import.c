/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "Upphandla"

#include "config.h"

#include <glib/gi18n.h>

#include "up-file-util.h"
#include "up-text-util.h"
#include "up-stakeholder-import.h"

/* The people of a workshop's list of participants, a registration form's
 * answers or a colleague's register, from the table a spreadsheet saved,
 * into the stakeholder register: a file chooser (the portal in the
 * Flatpak), then the core reads the file. */

typedef struct
{
  UpProject               *project;
  UpStakeholderImportDone  done;
  gpointer                 user_data;
} ImportRun;

static void
on_file_chosen (GListModel *files,
                gpointer    user_data)
{
  ImportRun *run = user_data;
  g_autoptr(GFile) file = files != NULL ? g_list_model_get_item (files, 0) : NULL;
  g_autoptr(GError) error = NULL;
  UpImportSummary summary = { 0 };

  if (file != NULL)
    {
      /* text being typed in the register's editor is a step before it */
      up_project_commit_pending (run->project);
      up_import_stakeholders (run->project, file, &summary, &error);
    }
  run->done (file, &summary, error, run->user_data);
  g_object_unref (run->project);
  g_free (run);
}

void
up_stakeholder_import_run (GtkWidget               *widget,
                           UpProject               *project,
                           UpStakeholderImportDone  done,
                           gpointer                 user_data)
{
  g_autoptr(GtkFileFilter) tables = gtk_file_filter_new ();
  g_autoptr(GFile) folder = NULL;
  ImportRun *run;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (UP_IS_PROJECT (project));
  g_return_if_fail (done != NULL);

  run = g_new0 (ImportRun, 1);
  run->project = g_object_ref (project);
  run->done = done;
  run->user_data = user_data;

  gtk_file_filter_add_mime_type (tables, "text/csv");
  gtk_file_filter_add_mime_type (tables, "text/tab-separated-values");
  gtk_file_filter_add_suffix (tables, "csv");
  gtk_file_filter_add_suffix (tables, "tsv");
  gtk_file_filter_add_suffix (tables, "txt");
  /* Translators: The kind of file the stakeholders are imported from: a
   * table a spreadsheet saves as CSV (or as text apart by tabs). */
  gtk_file_filter_set_name (tables, _("CSV Table"));

  /* beside the project: a participants' list kept with the plan */
  folder = up_file_util_export_folder (project);
  up_file_util_choose_files (widget,
                             /* Translators: The title of the dialog that adds the people of a
                              * table (CSV) to the stakeholder register. */
                             _("Import Stakeholders"), _("_Import"), tables, folder, FALSE,
                             on_file_chosen, run);
}

char *
up_stakeholder_import_message (const UpImportSummary *summary,
                               const char            *file_name)
{
  g_autoptr(GString) message = g_string_new (NULL);
  g_autoptr(GPtrArray) left_out = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (summary != NULL, NULL);

  if (summary->added == 0)
    /* Translators: A toast after an import that found no one new; %1$s
     * is the file's name. What was left out follows. */
    g_string_printf (message, _("No one was added from “%1$s”"), file_name);
  else
    /* Translators: A toast after an import; %1$u is how many people were
     * added to the register, %2$s the file's name. */
    g_string_printf (message, g_dngettext (GETTEXT_PACKAGE, "Added %1$u stakeholder from “%2$s”",
                                           "Added %1$u stakeholders from “%2$s”", summary->added),
                     summary->added, file_name);

  if (summary->already_there > 0)
    /* Translators: in a toast after an import: people of the table who
     * were in the register already (same name and organisation). */
    g_ptr_array_add (left_out, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%1$u already in the register",
                                                             "%1$u already in the register",
                                                             summary->already_there),
                                                summary->already_there));
  if (summary->without_name > 0)
    /* Translators: in a toast after an import: lines of the table without
     * a name, left out. */
    g_ptr_array_add (left_out, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%1$u line without a name",
                                                             "%1$u lines without a name",
                                                             summary->without_name),
                                                summary->without_name));
  if (summary->values_not_read > 0)
    /* Translators: in a toast after an import: values (a category,
     * stance, influence or interest) the app did not know, left at their
     * default. */
    g_ptr_array_add (left_out, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%1$u value not understood",
                                                             "%1$u values not understood",
                                                             summary->values_not_read),
                                                summary->values_not_read));
  return up_text_util_with_details (message->str, left_out);
}
