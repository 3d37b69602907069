/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "Upphandla"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "up-a11y-util.h"
#include "up-file-util.h"

typedef struct
{
  GFile          *file;
  UpFileUtilFunc  func;
  gpointer        user_data;
} Confirm;

static GFile *
with_suffix (GFile      *chosen,
             const char *suffix)
{
  g_autofree char *basename = g_file_get_basename (chosen);
  g_autoptr(GFile) parent = g_file_get_parent (chosen);
  g_autofree char *name = NULL;

  if (basename == NULL || parent == NULL)
    return g_object_ref (chosen);

  name = g_strconcat (basename, suffix, NULL);
  return g_file_get_child (parent, name);
}

GFile *
up_file_util_for_project (GFile *chosen)
{
  g_autofree char *basename = NULL;

  g_return_val_if_fail (G_IS_FILE (chosen), NULL);

  /* The extension is what lets the file manager and the Open dialog find
   * the file again. */
  basename = g_file_get_basename (chosen);
  if (basename != NULL && g_str_has_suffix (basename, UP_FILE_SUFFIX))
    return g_object_ref (chosen);

  return with_suffix (chosen, UP_FILE_SUFFIX);
}

char *
up_file_util_copy_name (GFile *file,
                        GFile *folder)
{
  g_autofree char *basename = NULL;
  g_autofree char *stem = NULL;
  g_autofree char *copy = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  basename = g_file_get_basename (file);
  if (basename == NULL)
    basename = g_strdup (UP_FILE_SUFFIX);
  if (g_str_has_suffix (basename, UP_FILE_SUFFIX))
    stem = g_strndup (basename, strlen (basename) - strlen (UP_FILE_SUFFIX));
  else
    stem = g_strdup (basename);

  /* Translators: the name of a copy of a project file; %1$s is the
   * project's file name without its extension. */
  copy = g_strdup_printf (_("%1$s (copy)"), stem);

  /* A copy made before is someone's work (the copy of a read-only file
   * that a workshop goes on in): proposed again, Return led to "Replace?"
   * over it. The numbers end somewhere, for a folder that cannot be read. */
  for (guint n = 2; folder != NULL && n < 1000; n++)
    {
      g_autofree char *name = g_strconcat (copy, UP_FILE_SUFFIX, NULL);
      g_autoptr(GFile) taken = g_file_get_child (folder, name);

      if (!g_file_query_exists (taken, NULL))
        break;

      g_free (copy);
      /* Translators: the name of a further copy of a project file, where
       * "%1$s (copy)" is taken; %1$s is the project's file name without
       * its extension, %2$u the copy's number (2, 3, …). */
      copy = g_strdup_printf (_("%1$s (copy %2$u)"), stem, n);
    }

  return g_strconcat (copy, UP_FILE_SUFFIX, NULL);
}

char *
up_file_util_open_elsewhere_message (GFile *file)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  name = g_file_get_basename (file);
  /* Translators: %1$s is a project's file name. */
  return g_strdup_printf (_("“%1$s” is open in another window, which saves its changes there. Choose another name, or close that window first."),
                          name);
}

/* Whether @path is inside @folder (not @folder itself). */
static gboolean
is_inside (const char *path,
           const char *folder)
{
  gsize n;

  if (folder == NULL || folder[0] != '/')
    return FALSE;
  n = strlen (folder);
  while (n > 1 && folder[n - 1] == '/')
    n--;

  return strncmp (path, folder, n) == 0 && path[n] == '/' && path[n + 1] != '\0';
}

char *
up_file_util_temporary_folder (GFile *file)
{
  const char *system_temporary[] = { "/tmp", "/var/tmp", g_get_tmp_dir () };
  g_autofree char *path = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *flatpak_apps = NULL;
  g_autofree char *home_cache = NULL;
  g_auto(GStrv) parts = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  path = g_file_get_path (file);
  if (path == NULL || !g_path_is_absolute (path))
    return NULL;
  folder = g_path_get_dirname (path);

  /* Firefox and Thunderbird open a download or an attachment from
   * "mozilla_<user>0" in the temporary folder (their Flatpaks in their own
   * cache), and empty it as they close. */
  parts = g_strsplit (folder, "/", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    if (g_str_has_prefix (parts[i], "mozilla_"))
      return g_steal_pointer (&folder);

  /* Right in the system's folder, not a folder made in it: a project kept
   * in a folder of its own under /tmp is someone's choice (and the tests'). */
  for (guint i = 0; i < G_N_ELEMENTS (system_temporary); i++)
    {
      g_autofree char *canonical = g_canonicalize_filename (system_temporary[i], "/");

      if (g_strcmp0 (folder, canonical) == 0)
        return g_steal_pointer (&folder);
    }

  if (is_inside (path, g_get_user_cache_dir ()))
    return g_steal_pointer (&folder);
  /* the same seen from a Flatpak, where the user's cache is the app's own */
  home_cache = g_build_filename (g_get_home_dir (), ".cache", NULL);
  if (is_inside (path, home_cache))
    return g_steal_pointer (&folder);

  /* ~/.var/app/<app id>/cache/…: a Flatpak app's cache */
  flatpak_apps = g_build_filename (g_get_home_dir (), ".var", "app", NULL);
  if (is_inside (path, flatpak_apps))
    {
      const char *app_folder = path + strlen (flatpak_apps) + 1;
      const char *slash = strchr (app_folder, '/');

      if (slash != NULL && g_str_has_prefix (slash, "/cache/"))
        return g_steal_pointer (&folder);
    }

  return NULL;
}

#define DOCUMENT_PORTAL "org.freedesktop.portal.Documents"

static GDBusConnection *test_portal_connection;
static char *test_portal_mount;

void
_up_file_util_set_document_portal (GDBusConnection *connection,
                                   const char      *mount)
{
  g_set_object (&test_portal_connection, connection);
  g_free (test_portal_mount);
  test_portal_mount = g_strdup (mount);
}

/* The document's id when @file is "<mount>/<id>/<name>", else NULL. */
static char *
portal_document_id (GFile *file)
{
  g_autofree char *mount = test_portal_mount != NULL
                           ? g_strdup (test_portal_mount)
                           : g_build_filename (g_get_user_runtime_dir (), "doc", NULL);
  g_autofree char *path = g_file_get_path (file);
  const char *id;
  const char *slash;

  if (path == NULL || !is_inside (path, mount))
    return NULL;
  id = path + strlen (mount);
  while (*id == '/')
    id++;
  slash = strchr (id, '/');
  /* a file right in a document's folder, not in a folder it exports */
  if (slash == NULL || slash == id || strchr (slash + 1, '/') != NULL)
    return NULL;

  return g_strndup (id, slash - id);
}

gboolean
up_file_util_is_portal_document (GFile *file)
{
  g_autofree char *id = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  id = portal_document_id (file);
  return id != NULL;
}

static void
on_host_paths (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GVariant) paths = NULL;
  g_autoptr(GVariant) path = NULL;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, &error);
  if (reply == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  paths = g_variant_get_child_value (reply, 0);
  path = g_variant_lookup_value (paths, g_task_get_task_data (task), G_VARIANT_TYPE_BYTESTRING);
  if (path == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                               "The document portal does not know the document");
      return;
    }
  g_task_return_pointer (task, g_variant_dup_bytestring (path, NULL), g_free);
}

void
up_file_util_portal_host_path_async (GFile               *file,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GDBusConnection) bus = NULL;
  g_autoptr(GError) error = NULL;
  const char *ids[2] = { NULL, NULL };
  char *id;

  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, up_file_util_portal_host_path_async);

  id = portal_document_id (file);
  if (id == NULL)
    {
      g_task_return_pointer (task, NULL, NULL);
      return;
    }
  g_task_set_task_data (task, id, g_free);

  bus = test_portal_connection != NULL ? g_object_ref (test_portal_connection)
                                       : g_bus_get_sync (G_BUS_TYPE_SESSION, cancellable, &error);
  if (bus == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  ids[0] = id;
  g_dbus_connection_call (bus, test_portal_connection != NULL ? NULL : DOCUMENT_PORTAL,
                          "/org/freedesktop/portal/documents", DOCUMENT_PORTAL, "GetHostPaths",
                          g_variant_new ("(^as)", ids), G_VARIANT_TYPE ("(a{say})"),
                          G_DBUS_CALL_FLAGS_NO_AUTO_START, 5000, cancellable,
                          on_host_paths, g_steal_pointer (&task));
}

char *
up_file_util_portal_host_path_finish (GAsyncResult  *result,
                                      GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

GFile *
up_file_util_for_export (GFile          *chosen,
                         UpExportFormat *format)
{
  g_autofree char *basename = NULL;
  g_autofree char *lower = NULL;
  g_autofree char *suffix = NULL;
  const char *dot;
  UpExportFormat typed;

  g_return_val_if_fail (G_IS_FILE (chosen), NULL);
  g_return_val_if_fail (format != NULL, NULL);

  basename = g_file_get_basename (chosen);
  dot = basename != NULL ? strrchr (basename, '.') : NULL;
  lower = dot != NULL ? g_ascii_strdown (dot + 1, -1) : NULL;
  if (lower != NULL && up_export_format_parse (lower, &typed))
    {
      *format = typed;
      return g_object_ref (chosen);
    }

  suffix = g_strconcat (".", up_export_format_get_name (*format), NULL);
  return with_suffix (chosen, suffix);
}

static void
on_replace_response (AdwMessageDialog *dialog,
                     const char       *response,
                     Confirm          *confirm)
{
  confirm->func (g_strcmp0 (response, "replace") == 0 ? confirm->file : NULL, confirm->user_data);
  g_object_unref (confirm->file);
  g_free (confirm);
}

void
up_file_util_confirm_replace (GtkWindow      *parent,
                              GFile          *chosen,
                              GFile          *file,
                              UpFileUtilFunc  func,
                              gpointer        user_data)
{
  Confirm *confirm;
  GtkWidget *dialog;
  g_autofree char *name = NULL;
  g_autofree char *heading = NULL;

  g_return_if_fail (G_IS_FILE (chosen));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (func != NULL);

  if (g_file_equal (chosen, file) || !g_file_query_exists (file, NULL))
    {
      func (file, user_data);
      return;
    }

  confirm = g_new0 (Confirm, 1);
  confirm->file = g_object_ref (file);
  confirm->func = func;
  confirm->user_data = user_data;

  name = g_file_get_basename (file);
  /* Translators: %1$s is a file name the user chose, with the extension
   * the app added to it. */
  heading = g_strdup_printf (_("Replace “%1$s”?"), name);
  dialog = adw_message_dialog_new (parent, heading,
                                   _("A file with this name already exists. Replacing it overwrites what it holds."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "replace", _("_Replace"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "replace",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_replace_response), confirm);
  up_a11y_util_name_controls (GTK_WIDGET (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* A file name has no slashes, nor colons (which some systems refuse);
 * "Stakeholders: influence" reads as "Stakeholders, influence". The rest
 * of a title is the user's own. */
static char *
file_name_part (const char *text)
{
  GString *name = g_string_new (text && *text ? text : _("Project"));
  char *copy;

  g_string_replace (name, ": ", ", ", 0);
  copy = g_string_free (name, FALSE);
  g_strdelimit (copy, "/\\:", '-');
  g_strstrip (copy);
  if (g_utf8_strlen (copy, -1) > 80)
    {
      char *end = g_utf8_offset_to_pointer (copy, 80);
      *end = '\0';
    }

  return copy;
}

GtkFileFilter *
up_file_util_project_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Upphandla Projects"));
  gtk_file_filter_add_pattern (filter, "*" UP_FILE_SUFFIX);
  gtk_file_filter_add_mime_type (filter, UP_MIME_TYPE);

  return filter;
}

typedef struct
{
  GtkWidget           *widget;
  UpFileUtilFilesFunc  func;
  gpointer             user_data;
} ChooseRun;

static void
on_choose_response (GtkNativeDialog *chooser,
                    int              response,
                    ChooseRun       *run)
{
  g_autoptr(GListModel) files = NULL;

  /* a window closed meanwhile reads nothing */
  if (response == GTK_RESPONSE_ACCEPT && gtk_widget_get_root (run->widget) != NULL)
    files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
  if (files != NULL && g_list_model_get_n_items (files) == 0)
    g_clear_object (&files);
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);

  run->func (files, run->user_data);
  g_object_unref (run->widget);
  g_free (run);
}

void
up_file_util_choose_files (GtkWidget           *widget,
                           const char          *title,
                           const char          *accept,
                           GtkFileFilter       *filter,
                           GFile               *folder,
                           gboolean             multiple,
                           UpFileUtilFilesFunc  func,
                           gpointer             user_data)
{
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;
  GtkRoot *root;
  ChooseRun *run;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (GTK_IS_FILE_FILTER (filter));
  g_return_if_fail (func != NULL);

  run = g_new0 (ChooseRun, 1);
  run->widget = g_object_ref (widget);
  run->func = func;
  run->user_data = user_data;

  root = gtk_widget_get_root (widget);
  chooser = gtk_file_chooser_native_new (title, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_OPEN, accept, _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), multiple);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_filter_add_pattern (all, "*");
  /* Translators: The file filter that shows every file. */
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  if (folder != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);

  g_signal_connect (chooser, "response", G_CALLBACK (on_choose_response), run);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

GFile *
up_file_util_export_folder (UpProject *project)
{
  GFile *file = up_project_get_file (project);
  g_autoptr(GFile) data = g_file_new_for_path (g_get_user_data_dir ());
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);

  g_return_val_if_fail (UP_IS_PROJECT (project), NULL);

  if (file != NULL && g_file_is_native (file) && !g_file_has_prefix (file, data))
    return g_file_get_parent (file);
  if (documents != NULL && g_file_test (documents, G_FILE_TEST_IS_DIR))
    return g_file_new_for_path (documents);

  return g_file_new_for_path (g_get_home_dir ());
}

char *
up_file_util_export_name (UpProject      *project,
                          UpChartKind     kind,
                          UpLocalGoal    *goal,
                          UpExportFormat  format,
                          UpLang          lang)
{
  g_autofree char *title = NULL;
  g_autofree char *chart = NULL;
  g_autofree char *goal_title = NULL;

  g_return_val_if_fail (UP_IS_PROJECT (project), NULL);

  title = file_name_part (up_project_get_title (project));
  chart = file_name_part (up_chart_kind_get_title (kind, lang));

  if (goal != NULL)
    {
      goal_title = file_name_part (up_local_goal_get_title (goal));
      /* Translators: the suggested file name of an export limited to one
       * regional or local goal; %1$s is the project's title, %2$s the
       * chart's, %3$s the goal's, %4$s the extension ("pdf"). */
      return g_strdup_printf (_("%1$s – %2$s – %3$s.%4$s"), title, chart, goal_title,
                              up_export_format_get_name (format));
    }

  /* Translators: the suggested file name of an export; %1$s is the project's title, %2$s the chart's, %3$s the extension ("pdf"). */
  return g_strdup_printf (_("%1$s – %2$s.%3$s"), title, chart, up_export_format_get_name (format));
}

/* "Plan – What.csv", the pattern of the charts' names. */
static char *
table_name (UpProject  *project,
            const char *what,
            const char *extension)
{
  g_autofree char *title = file_name_part (up_project_get_title (project));
  g_autofree char *part = file_name_part (what);

  return g_strdup_printf (_("%1$s – %2$s.%3$s"), title, part, extension);
}

char *
up_file_util_notes_name (UpProject *project)
{
  g_return_val_if_fail (UP_IS_PROJECT (project), NULL);

  /* Translators: the notes in the suggested file name of the notes
   * exported as a table ("Plan – Notes.csv"). */
  return table_name (project, C_("file name", "Notes"), "csv");
}

char *
up_file_util_stakeholders_name (UpProject *project)
{
  g_return_val_if_fail (UP_IS_PROJECT (project), NULL);

  /* Translators: the stakeholders in the suggested file name of the
   * register exported as a table ("Plan – Stakeholders.csv"). */
  return table_name (project, C_("file name", "Stakeholders"), "csv");
}

char *
up_file_util_calendar_name (UpProject *project)
{
  g_return_val_if_fail (UP_IS_PROJECT (project), NULL);

  /* Translators: the calendar in the suggested file name of the stages
   * exported as a calendar ("Plan – Calendar.ics"). */
  return table_name (project, C_("file name", "Calendar"), "ics");
}

/* @chosen when its name ends in @suffix (any case); else with it added. */
static GFile *
for_suffix (GFile      *chosen,
            const char *suffix)
{
  g_autofree char *basename = g_file_get_basename (chosen);
  g_autofree char *lower = basename != NULL ? g_ascii_strdown (basename, -1) : NULL;

  if (lower != NULL && g_str_has_suffix (lower, suffix))
    return g_object_ref (chosen);
  return with_suffix (chosen, suffix);
}

GFile *
up_file_util_for_csv (GFile *chosen)
{
  g_return_val_if_fail (G_IS_FILE (chosen), NULL);

  return for_suffix (chosen, ".csv");
}

GFile *
up_file_util_for_ics (GFile *chosen)
{
  g_return_val_if_fail (G_IS_FILE (chosen), NULL);

  return for_suffix (chosen, ".ics");
}

void
up_file_util_add_export_filter (GtkFileChooser *chooser,
                                UpExportFormat  format)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = g_ascii_strup (up_export_format_get_name (format), -1);

  gtk_file_filter_add_mime_type (filter, up_export_format_get_mime_type (format));
  gtk_file_filter_set_name (filter, name);
  gtk_file_chooser_add_filter (chooser, filter);
}
