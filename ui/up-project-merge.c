/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "Upphandla"

#include "config.h"

#include <glib/gi18n.h>

#include "up-file-util.h"
#include "up-text-util.h"
#include "up-project-merge.h"

/* A workshop's copy of the project, sent back with the participants'
 * notes: a file chooser (the portal in the Flatpak), then the core
 * brings in what the copy adds. */

typedef struct
{
  UpProject          *project;
  UpProjectMergeDone  done;
  gpointer            user_data;
} MergeRun;

static void
on_files_chosen (GListModel *files,
                 gpointer    user_data)
{
  MergeRun *run = user_data;
  g_autoptr(GError) error = NULL;
  UpMergeSummary summary = { 0 };

  if (files != NULL)
    {
      g_autoptr(GPtrArray) copies = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0, n = g_list_model_get_n_items (files); i < n; i++)
        g_ptr_array_add (copies, g_list_model_get_item (files, i));
      /* text being typed is a step before it */
      up_project_commit_pending (run->project);
      up_merge_files (run->project, (GFile **) copies->pdata, copies->len, &summary, &error);
    }
  run->done (files, &summary, error, run->user_data);
  g_object_unref (run->project);
  g_free (run);
}

void
up_project_merge_run (GtkWidget          *widget,
                      UpProject          *project,
                      UpProjectMergeDone  done,
                      gpointer            user_data)
{
  g_autoptr(GtkFileFilter) projects = up_file_util_project_filter ();
  g_autoptr(GFile) folder = NULL;
  MergeRun *run;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (UP_IS_PROJECT (project));
  g_return_if_fail (done != NULL);

  run = g_new0 (MergeRun, 1);
  run->project = g_object_ref (project);
  run->done = done;
  run->user_data = user_data;

  /* beside the project, where copies sent back are often saved */
  folder = up_file_util_export_folder (project);
  up_file_util_choose_files (widget,
                             /* Translators: The title of the dialog that chooses copies of
                              * the project (sent to a workshop and sent back) to merge. */
                             _("Merge a Copy"), _("_Merge"), projects, folder, TRUE,
                             on_files_chosen, run);
}

char *
up_project_merge_message (const UpMergeSummary *summary,
                          guint                 n_files,
                          const char           *file_name)
{
  g_autoptr(GString) message = g_string_new (NULL);
  g_autoptr(GPtrArray) more = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (summary != NULL, NULL);

  if (n_files > 1)
    {
      /* Translators: A toast after merging several copies of the project
       * at once; %1$u is how many. What came in follows in brackets. */
      g_string_printf (message, g_dngettext (GETTEXT_PACKAGE, "Merged %1$u copy", "Merged %1$u copies", n_files),
                       n_files);
      /* Translators: in a toast after merging several copies: the notes
       * added from them. */
      g_ptr_array_add (more, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%1$u note added",
                                                           "%1$u notes added", summary->notes_added),
                                              summary->notes_added));
    }
  else if (summary->notes_added == 0)
    /* Translators: A toast after merging a copy of the project that had
     * no note new to it; %1$s is the copy's file name. What else it
     * brought follows. */
    g_string_printf (message, _("No note was added from “%1$s”"), file_name);
  else
    /* Translators: A toast after merging a copy of the project; %1$u is
     * how many notes were added, %2$s the copy's file name. */
    g_string_printf (message, g_dngettext (GETTEXT_PACKAGE, "Added %1$u note from “%2$s”",
                                           "Added %1$u notes from “%2$s”", summary->notes_added),
                     summary->notes_added, file_name);

  if (summary->notes_without_stage > 0)
    /* Translators: in a toast after merging a copy: of the notes added,
     * those pinned in the copy to a stage this project does not have. */
    g_ptr_array_add (more, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%1$u of them without its stage",
                                                         "%1$u of them without their stage",
                                                         summary->notes_without_stage),
                                            summary->notes_without_stage));
  if (summary->notes_changed > 0)
    /* Translators: in a toast after merging a copy: notes of the project
     * that the copy had edited since, changed as the copy has them. */
    g_ptr_array_add (more, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%1$u note changed",
                                                         "%1$u notes changed", summary->notes_changed),
                                            summary->notes_changed));
  if (summary->stakeholders_added > 0)
    /* Translators: in a toast after merging a copy: people added to the
     * stakeholder register. */
    g_ptr_array_add (more, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%1$u new stakeholder",
                                                         "%1$u new stakeholders", summary->stakeholders_added),
                                            summary->stakeholders_added));
  if (summary->stakeholders_changed > 0)
    /* Translators: in a toast after merging a copy: people of the
     * stakeholder register that the copy had changed since (moved on the
     * grid, a new contact), changed as the copy has them. */
    g_ptr_array_add (more, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%1$u stakeholder changed",
                                                         "%1$u stakeholders changed", summary->stakeholders_changed),
                                            summary->stakeholders_changed));
  if (summary->links_added > 0)
    /* Translators: in a toast after merging a copy: Agenda 2030 targets
     * linked to the project's stages. */
    g_ptr_array_add (more, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%1$u new Agenda 2030 link",
                                                         "%1$u new Agenda 2030 links", summary->links_added),
                                            summary->links_added));
  if (summary->notes_deleted > 0)
    /* Translators: in a toast after merging a copy: notes the copy still
     * has that were deleted here since it was made, left deleted. */
    g_ptr_array_add (more, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%1$u note deleted here since, not added again",
                                                         "%1$u notes deleted here since, not added again", summary->notes_deleted),
                                            summary->notes_deleted));
  return up_text_util_with_details (message->str, more);
}
