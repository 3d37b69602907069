/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "up-export"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "up-export-private.h"
#include "up-export.h"
#include "up-project.h"

/* The notes and the stakeholders as tables for a spreadsheet, as RFC
 * 4180 has CSV: fields
 * apart by commas, a field with a comma, a quote or a line break in
 * quotes (its quotes doubled), lines ending in CR LF. Or apart by
 * semicolons, as Excel reads a CSV where a comma is the decimal sign
 * (Swedish settings), the rest the same; a field with either is quoted. UTF-8 with a byte
 * order mark, by which spreadsheets tell UTF-8 from the legacy code page
 * of the desktop (å, ä and ö otherwise read as two letters each). */

static const char *const columns[] = {
  /* Translators: the columns of the notes exported as a table (CSV):
   * the day the note says it was said on */
  N_("Said On"),
  /* Translators: a column of the notes exported as a table: the note's
   * kind (dialogue meeting, RFI answer, ...) */
  N_("Kind"),
  /* Translators: a column of the notes exported as a table: public
   * record or internal working note */
  N_("Visibility"),
  /* Translators: a column of the notes exported as a table: the stage
   * the note is pinned to */
  N_("Stage"),
  /* Translators: a column of the notes exported as a table: the
   * stakeholders of the note, by name and organisation */
  N_("Stakeholders"),
  /* Translators: a column of the notes exported as a table: its text */
  N_("Note"),
  /* Translators: a column of the notes exported as a table: when the
   * note was added, date and time */
  N_("Added"),
  /* Translators: a column of the notes exported as a table: when it was
   * last changed, date and time */
  N_("Changed"),
};

/* A field begun by one of these is read as a formula by a spreadsheet
 * that opens the file: a note written by anyone at a workshop must not
 * run on the desk of the one who opens the export. A quote before it
 * keeps it text. A dash begins a list in a note: "- " stays as it is.
 * A text that begins with such a quote already gets one more, so that an
 * import, which takes one off, reads back what was written ("'=1"). */
gboolean
_up_export_needs_quote (const char *text)
{
  switch (text[0])
    {
    case '=':
    case '+':
    case '@':
    case '\t':
    case '\r':
      return TRUE;
    case '-':
      return text[1] != ' ' && text[1] != '\0';
    case '\'':
      return _up_export_needs_quote (text + 1);
    default:
      return FALSE;
    }
}

static void
append_field (GString    *out,
              const char *text,
              char        separator,
              gboolean    last)
{
  if (text == NULL)
    text = "";
  if (_up_export_needs_quote (text) || strpbrk (text, ",;\"\r\n") != NULL)
    {
      g_string_append_c (out, '"');
      if (_up_export_needs_quote (text))
        g_string_append_c (out, '\'');
      for (const char *p = text; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }
  else
    g_string_append (out, text);
  if (last)
    g_string_append (out, "\r\n");
  else
    g_string_append_c (out, separator);
}

/* "2026-03-04T09:30:00Z" as the desktop's local time, "2026-03-04 10:30",
 * which spreadsheets read as a time; anything else as it is. */
static char *
local_time (const char *stamp)
{
  g_autoptr(GDateTime) utc = stamp != NULL ? g_date_time_new_from_iso8601 (stamp, NULL) : NULL;
  g_autoptr(GDateTime) local = NULL;

  if (utc == NULL)
    return g_strdup (stamp != NULL ? stamp : "");
  local = g_date_time_to_local (utc);
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

/* "Name (Organisation)", one after the other. */
static char *
stakeholder_names (UpProject *project,
                   UpNote    *note)
{
  g_autoptr(GPtrArray) people = up_project_list_note_stakeholders (project, note);
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < people->len; i++)
    {
      UpStakeholder *person = g_ptr_array_index (people, i);
      const char *organisation = up_stakeholder_get_organisation (person);

      if (i > 0)
        g_string_append (names, "; ");
      g_string_append (names, up_stakeholder_get_name (person));
      if (organisation != NULL && organisation[0] != '\0')
        g_string_append_printf (names, " (%s)", organisation);
    }
  return g_string_free (g_steal_pointer (&names), FALSE);
}

static void
append_note (GString   *out,
             UpProject *project,
             UpNote    *note,
             UpLang     lang,
             char       separator)
{
  gint64 stage_id = up_note_get_stage_id (note);
  UpRecord *stage = stage_id > 0 ? up_project_lookup (project, "stage", stage_id) : NULL;
  g_autofree char *people = stakeholder_names (project, note);
  g_autofree char *added = local_time (up_note_get_created (note));
  g_autofree char *changed = local_time (up_note_get_updated (note));

  append_field (out, up_note_get_said_on (note), separator, FALSE);
  append_field (out, up_enum_label_in (up_note_kinds, up_note_get_kind (note), lang), separator, FALSE);
  append_field (out, up_enum_label_in (up_note_visibilities, up_note_get_visibility (note), lang), separator, FALSE);
  append_field (out, stage != NULL ? up_stage_get_title (UP_STAGE (stage)) : "", separator, FALSE);
  append_field (out, people, separator, FALSE);
  append_field (out, up_note_get_body (note), separator, FALSE);
  append_field (out, added, separator, FALSE);
  append_field (out, changed, separator, TRUE);
}

/* Excel opens a CSV with the list separator of the desktop's region,
 * a semicolon where the decimal sign is a comma: a Swedish Excel showed a
 * comma-separated table as one column. */
char
up_export_notes_default_separator (void)
{
  const char *decimal = localeconv ()->decimal_point;

  return decimal != NULL && g_str_equal (decimal, ",") ? ';' : ',';
}

/**
 * up_export_notes_csv:
 *
 * Returns: (transfer full): the CSV's bytes.
 */
GBytes *
up_export_notes_csv (UpProject  *project,
                     GListModel *notes,
                     UpLang      lang,
                     char        separator)
{
  g_autoptr(GString) out = g_string_new ("\xef\xbb\xbf");
  g_autoptr(GPtrArray) all = NULL;

  g_return_val_if_fail (UP_IS_PROJECT (project), NULL);
  g_return_val_if_fail (notes == NULL || G_IS_LIST_MODEL (notes), NULL);
  g_return_val_if_fail (separator == ',' || separator == ';', NULL);

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    append_field (out, up_lang_gettext (lang, columns[i]), separator, i + 1 == G_N_ELEMENTS (columns));

  if (notes == NULL)
    {
      GListModel *every = up_project_get_notes (project);
      guint n = g_list_model_get_n_items (every);

      all = g_ptr_array_new_full (n, g_object_unref);
      for (guint i = 0; i < n; i++)
        g_ptr_array_add (all, g_list_model_get_item (every, i));
      g_ptr_array_sort (all, up_note_compare_newest_first);
      for (guint i = 0; i < all->len; i++)
        append_note (out, project, g_ptr_array_index (all, i), lang, separator);
    }
  else
    for (guint i = 0, n = g_list_model_get_n_items (notes); i < n; i++)
      {
        g_autoptr(UpNote) note = g_list_model_get_item (notes, i);

        g_return_val_if_fail (UP_IS_NOTE (note), NULL);
        append_note (out, project, note, lang, separator);
      }

  return g_string_free_to_bytes (g_steal_pointer (&out));
}

gboolean
up_export_notes (UpProject   *project,
                 GListModel  *notes,
                 UpLang       lang,
                 char         separator,
                 GFile       *output,
                 GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (UP_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (separator == ',' || separator == ';', FALSE);
  g_return_val_if_fail (G_IS_FILE (output), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  bytes = up_export_notes_csv (project, notes, lang, separator);
  return _up_export_write_file (output, bytes, error);
}

static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  GFile *output = g_object_get_data (G_OBJECT (task), "output");
  g_autoptr(GError) error = NULL;

  if (!g_cancellable_set_error_if_cancelled (cancellable, &error))
    _up_export_write_file (output, task_data, &error);
  if (error != NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

/* Writes @table to @output on a worker thread (a folder on a network
 * share may be slow). */
static void
write_table_async (GBytes              *table,
                   GFile               *output,
                   gpointer             source_tag,
                   GCancellable        *cancellable,
                   GAsyncReadyCallback  callback,
                   gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_task_set_name (task, "up_export_table_async");
  g_task_set_task_data (task, g_bytes_ref (table), (GDestroyNotify) g_bytes_unref);
  g_object_set_data_full (G_OBJECT (task), "output", g_object_ref (output), g_object_unref);
  g_task_run_in_thread (task, write_thread);
}

void
up_export_bytes_async (GBytes              *bytes,
                       GFile               *output,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_return_if_fail (bytes != NULL);
  g_return_if_fail (G_IS_FILE (output));

  write_table_async (bytes, output, up_export_bytes_async, cancellable, callback, user_data);
}

/**
 * up_export_notes_async:
 *
 * The table is made now, on this thread, of @notes as they are; it is
 * written on a worker thread.
 */
void
up_export_notes_async (UpProject           *project,
                       GListModel          *notes,
                       UpLang               lang,
                       char                 separator,
                       GFile               *output,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GBytes) table = NULL;

  g_return_if_fail (UP_IS_PROJECT (project));
  g_return_if_fail (G_IS_FILE (output));
  g_return_if_fail (separator == ',' || separator == ';');

  table = up_export_notes_csv (project, notes, lang, separator);
  write_table_async (table, output, up_export_notes_async, cancellable, callback, user_data);
}

static gboolean
finish_table (GAsyncResult  *result,
              gpointer       source_tag,
              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

gboolean
up_export_bytes_finish (GAsyncResult  *result,
                        GError       **error)
{
  return finish_table (result, up_export_bytes_async, error);
}

gboolean
up_export_notes_finish (GAsyncResult  *result,
                        GError       **error)
{
  return finish_table (result, up_export_notes_async, error);
}

/* The stakeholder register as a table: the columns the import reads,
 * named in @lang as it reads them, so that a register exported from one
 * project can be imported into another. */
static const char *const stakeholder_columns[] = {
  /* Translators: the columns of the stakeholders exported as a table
   * (CSV). The import reads them back by these names in Swedish or
   * English: "Namn", "Organisation", "Kategori", "Inflytande",
   * "Intresse", "Hållning" and "Kontakt" in Swedish. */
  NC_("stakeholder table", "Name"),
  NC_("stakeholder table", "Organisation"),
  NC_("stakeholder table", "Category"),
  NC_("stakeholder table", "Influence"),
  NC_("stakeholder table", "Interest"),
  NC_("stakeholder table", "Stance"),
  NC_("stakeholder table", "Contact"),
};

static void
append_stakeholder (GString       *out,
                    UpStakeholder *person,
                    UpLang         lang,
                    char           separator)
{
  char influence[8], interest[8];

  g_snprintf (influence, sizeof influence, "%d", up_stakeholder_get_influence (person));
  g_snprintf (interest, sizeof interest, "%d", up_stakeholder_get_interest (person));
  append_field (out, up_stakeholder_get_name (person), separator, FALSE);
  append_field (out, up_stakeholder_get_organisation (person), separator, FALSE);
  append_field (out, up_enum_label_in (up_stakeholder_categories, up_stakeholder_get_category (person), lang),
                separator, FALSE);
  append_field (out, influence, separator, FALSE);
  append_field (out, interest, separator, FALSE);
  append_field (out, up_enum_label_in (up_stakeholder_stances, up_stakeholder_get_stance (person), lang),
                separator, FALSE);
  append_field (out, up_stakeholder_get_contact (person), separator, TRUE);
}

/**
 * up_export_stakeholders_csv:
 *
 * Returns: (transfer full): the CSV's bytes.
 */
GBytes *
up_export_stakeholders_csv (UpProject  *project,
                            GListModel *people,
                            UpLang      lang,
                            char        separator)
{
  g_autoptr(GString) out = g_string_new ("\xef\xbb\xbf");

  g_return_val_if_fail (UP_IS_PROJECT (project), NULL);
  g_return_val_if_fail (people == NULL || G_IS_LIST_MODEL (people), NULL);
  g_return_val_if_fail (separator == ',' || separator == ';', NULL);

  for (guint i = 0; i < G_N_ELEMENTS (stakeholder_columns); i++)
    append_field (out, up_lang_pgettext (lang, "stakeholder table", stakeholder_columns[i]), separator,
                  i + 1 == G_N_ELEMENTS (stakeholder_columns));
  if (people == NULL)
    people = up_project_get_stakeholders (project);
  for (guint i = 0, n = g_list_model_get_n_items (people); i < n; i++)
    {
      g_autoptr(UpStakeholder) person = g_list_model_get_item (people, i);

      g_return_val_if_fail (UP_IS_STAKEHOLDER (person), NULL);
      append_stakeholder (out, person, lang, separator);
    }
  return g_string_free_to_bytes (g_steal_pointer (&out));
}

gboolean
up_export_stakeholders (UpProject   *project,
                        GListModel  *people,
                        UpLang       lang,
                        char         separator,
                        GFile       *output,
                        GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (UP_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (separator == ',' || separator == ';', FALSE);
  g_return_val_if_fail (G_IS_FILE (output), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  bytes = up_export_stakeholders_csv (project, people, lang, separator);
  return _up_export_write_file (output, bytes, error);
}

void
up_export_stakeholders_async (UpProject           *project,
                              GListModel          *people,
                              UpLang               lang,
                              char                 separator,
                              GFile               *output,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GBytes) table = NULL;

  g_return_if_fail (UP_IS_PROJECT (project));
  g_return_if_fail (G_IS_FILE (output));
  g_return_if_fail (separator == ',' || separator == ';');

  table = up_export_stakeholders_csv (project, people, lang, separator);
  write_table_async (table, output, up_export_stakeholders_async, cancellable, callback, user_data);
}

gboolean
up_export_stakeholders_finish (GAsyncResult  *result,
                               GError       **error)
{
  return finish_table (result, up_export_stakeholders_async, error);
}
