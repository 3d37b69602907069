/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Hostile and damaged files opened through the application, as a
 * double-click does, under Xvfb: each one shows the "Could Not Open the
 * Project" dialog with the core's own message, nothing crashes, no window
 * shows a project, and the file's bytes are unchanged. */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "up-application.h"
#include "up-window.h"
#include "ui-test-util.h"
#include "test-common.h"

static char *test_dir;
static UpApplication *app;

static char *
path_for (const char *name)
{
  return g_build_filename (test_dir, name, NULL);
}

static char *
write_bytes (const char *name,
             const void *data,
             gsize       size)
{
  char *path = path_for (name);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, size, &error);
  g_assert_no_error (error);
  return path;
}

static char *
write_demo (const char *name)
{
  char *path = path_for (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(UpProject) project = up_demo_create (file, &error);

  g_assert_no_error (error);
  return path;
}

static void
exec_sql (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

static gboolean
has_message_dialog (gpointer data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_mapped (GTK_WIDGET (window)))
        {
          *(AdwMessageDialog **) data = ADW_MESSAGE_DIALOG (window);
          return TRUE;
        }
    }
  return FALSE;
}

static gboolean
has_no_message_dialog (gpointer data)
{
  AdwMessageDialog *dialog = NULL;

  return !has_message_dialog (&dialog);
}

static void
assert_no_project_shown (void)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
    if (UP_IS_WINDOW (l->data))
      g_assert_null (up_window_get_project (l->data));
}

/* Opens @path through the application and checks the dialog. */
static void
check_refused (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(UpProject) direct = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_size = 0, after_size = 0;
  gboolean has_bytes = g_file_test (path, G_FILE_TEST_IS_REGULAR);
  AdwMessageDialog *dialog = NULL;

  if (has_bytes)
    g_assert_true (g_file_get_contents (path, &before, &before_size, NULL));

  /* What the core says about the file, for comparison. */
  direct = up_project_open (file, &error);
  g_assert_null (direct);
  g_assert_nonnull (error);

  up_application_open_file (app, file, NULL);
  wait_until (has_message_dialog, &dialog);

  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, _("Could Not Open the Project"));
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==, error->message);
  g_test_message ("%s: %s", path, error->message);
  assert_no_project_shown ();
  /* Over a window on screen, even when it was made for the file. */
  g_assert_nonnull (gtk_window_get_transient_for (GTK_WINDOW (dialog)));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (gtk_window_get_transient_for (GTK_WINDOW (dialog)))));

  /* What the Close button does: the response, then the window closes. */
  adw_message_dialog_response (dialog, "close");
  gtk_window_close (GTK_WINDOW (dialog));
  wait_until (has_no_message_dialog, NULL);

  if (has_bytes)
    {
      g_assert_true (g_file_get_contents (path, &after, &after_size, NULL));
      g_assert_cmpmem (before, before_size, after, after_size);
    }
  else
    {
      /* A missing file is not created, a folder stays a folder. */
      g_assert_true (g_file_test (path, G_FILE_TEST_IS_DIR) || !g_file_test (path, G_FILE_TEST_EXISTS));
    }
}

static void
test_empty (void)
{
  g_autofree char *path = write_bytes ("empty.upphandla", "", 0);

  check_refused (path);
}

static void
test_text (void)
{
  const char text[] = "Minnesanteckningar från marknadsdialogen\n";
  g_autofree char *path = write_bytes ("text.upphandla", text, sizeof text - 1);

  check_refused (path);
}

static void
test_random (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  guint8 data[8192];
  g_autofree char *path = NULL;

  for (guint i = 0; i < sizeof data; i++)
    data[i] = g_rand_int_range (rand, 0, 256);
  path = write_bytes ("random.upphandla", data, sizeof data);
  check_refused (path);
}

static void
test_png (void)
{
  static const guint8 png[] = {
    0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
    0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0, 0x90, 0x77, 0x53, 0xde,
  };
  g_autofree char *path = write_bytes ("picture.upphandla", png, sizeof png);

  check_refused (path);
}

static void
test_other_database (void)
{
  g_autofree char *path = path_for ("other.upphandla");

  exec_sql (path, "CREATE TABLE recipe (name TEXT); INSERT INTO recipe VALUES ('kanelbulle');");
  check_refused (path);
}

static void
test_newer_schema (void)
{
  g_autofree char *path = write_demo ("newer.upphandla");

  exec_sql (path, "PRAGMA user_version = 99;");
  check_refused (path);
}

static void
test_wrong_application_id (void)
{
  g_autofree char *path = write_demo ("wrong-id.upphandla");

  exec_sql (path, "PRAGMA application_id = 1234;");
  check_refused (path);
}

static void
test_truncated (void)
{
  g_autofree char *demo = write_demo ("whole.upphandla");
  g_autofree char *contents = NULL;
  g_autofree char *path = NULL;
  gsize size;

  g_assert_true (g_file_get_contents (demo, &contents, &size, NULL));
  path = write_bytes ("truncated.upphandla", contents, size / 2 + 100);
  check_refused (path);
}

static void
test_folder (void)
{
  g_autofree char *path = path_for ("folder.upphandla");

  g_assert_cmpint (g_mkdir (path, 0755), ==, 0);
  check_refused (path);
}

/* A file that is gone: refused, and taken out of the recent projects,
 * where it was clicked. */
static void
test_missing (void)
{
  g_autofree char *path = path_for ("gone.upphandla");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *uri = g_file_get_uri (file);
  GtkRecentManager *recent = gtk_recent_manager_get_default ();

  up_application_add_recent (file);
  g_assert_true (gtk_recent_manager_has_item (recent, uri));

  check_refused (path);
  g_assert_false (gtk_recent_manager_has_item (recent, uri));
}

static gboolean
shows_project (gpointer data)
{
  UpWindow **window = data;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
    if (UP_IS_WINDOW (l->data) && up_window_get_project (l->data) != NULL &&
        gtk_widget_get_mapped (l->data))
      {
        *window = l->data;
        return TRUE;
      }
  return FALSE;
}

/* A sound file opened by a process without a window (the project is read
 * on a thread while the window is made): one window, showing it. */
static void
test_first_open (void)
{
  g_autofree char *path = path_for ("sound.upphandla");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(UpProject) demo = up_demo_create (file, &error);
  UpWindow *window = NULL;

  g_assert_no_error (error);
  g_clear_object (&demo);
  while (gtk_application_get_windows (GTK_APPLICATION (app)) != NULL)
    gtk_window_destroy (gtk_application_get_windows (GTK_APPLICATION (app))->data);
  iterate_pending ();

  up_application_open_file (app, file, NULL);
  wait_until (shows_project, &window);
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 1);
  g_assert_true (g_file_equal (up_project_get_file (up_window_get_project (window)), file));
  g_assert_cmpuint (g_list_model_get_n_items (up_project_get_stages (up_window_get_project (window))), >, 0);

  gtk_window_destroy (GTK_WINDOW (window));
  iterate_pending ();
}

static GtkWidget *
find_recent_row (GtkWidget  *root,
                 const char *title)
{
  if (ADW_IS_ACTION_ROW (root) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_recent_row (child, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
has_label (GtkWidget  *root,
           const char *text)
{
  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    if (has_label (child, text))
      return TRUE;
  return FALSE;
}

typedef struct
{
  UpWindow   *window;
  const char *title;
} RecentWait;

static gboolean
lists_recent (gpointer data)
{
  RecentWait *wait = data;

  return find_recent_row (GTK_WIDGET (wait->window), wait->title) != NULL;
}

/* Recovery after a crash. The app was killed with an edit that its save
 * had not written: the recovery copy holds it, made on the file as it
 * was then (a conflicting save writes the copy only; the file is then put
 * back as it was). With @colleague, someone else's version is copied over
 * the file after the crash. */
static char *
write_recovery (const char *name,
                gboolean    colleague,
                GBytes    **file_bytes)
{
  g_autofree char *path = write_demo (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(UpProject) first = up_project_open (file, NULL);
  g_autoptr(UpProject) second = up_project_open (file, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *original = NULL;
  gsize size;

  g_assert_true (g_file_get_contents (path, &original, &size, NULL));
  g_assert_true (up_project_set_string (second, second, "title", "Theirs", &error));
  g_assert_true (up_store_flush (up_project_get_store (second), &error));
  g_assert_no_error (error);
  g_assert_true (up_project_set_string (first, first, "title", "Mine", &error));
  g_assert_false (up_store_flush (up_project_get_store (first), &error));
  g_assert_error (error, UP_STORE_ERROR, UP_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_clear_object (&first);
  g_clear_object (&second);

  g_free (write_bytes (name, original, size));
  if (colleague)
    {
      g_autofree char *theirs = write_demo ("colleague.upphandla");

      exec_sql (theirs, "UPDATE project SET title = 'Colleague''s';");
      g_clear_pointer (&original, g_free);
      g_assert_true (g_file_get_contents (theirs, &original, &size, NULL));
      g_free (write_bytes (name, original, size));
    }
  *file_bytes = g_bytes_new (original, size);
  g_assert_nonnull (up_store_find_recovery (file));
  return g_steal_pointer (&path);
}

static gboolean
has_save_error (gpointer data)
{
  return up_store_get_save_error (data) != NULL;
}

static gboolean
is_saved (gpointer data)
{
  return !up_store_get_dirty (data) && !up_store_get_saving (data);
}

/* The dialog says whether the file changed since; Recover shows the
 * recovered project, and writes it over the file only where the file is
 * the version the edits were made on. Over a colleague's version, the
 * save stops at the conflict banner (Overwrite, Reload, Save a Copy) and
 * the file keeps the colleague's bytes. */
static void
test_recovery (gconstpointer data)
{
  gboolean colleague = GPOINTER_TO_INT (data);
  g_autoptr(GBytes) before = NULL;
  g_autofree char *path = write_recovery (colleague ? "recover-changed.upphandla"
                                                    : "recover-unchanged.upphandla",
                                          colleague, &before);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *expected = NULL;
  g_autofree char *after = NULL;
  gsize after_size;
  AdwMessageDialog *dialog = NULL;
  UpWindow *window = NULL;
  UpProject *project;
  UpStore *store;

  if (colleague)
    expected = g_strdup_printf (_("“%1$s” has changes that were not saved when Upphandla last "
                                  "closed, and the file has been changed since, perhaps by someone "
                                  "else. Recover your changes and then choose which version to keep, "
                                  "or discard them and open the file as it is now?"),
                                name);
  else
    expected = g_strdup_printf (_("“%1$s” has changes that were not saved when Upphandla last "
                                  "closed. The file has not been changed since. Recover the changes, "
                                  "or discard them and open the file as it was last saved?"),
                                name);

  while (gtk_application_get_windows (GTK_APPLICATION (app)) != NULL)
    gtk_window_destroy (gtk_application_get_windows (GTK_APPLICATION (app))->data);
  iterate_pending ();

  /* The start page says which recent project has changes to recover. */
  {
    g_autoptr(UpWindow) start = g_object_ref_sink (up_window_new (NULL, NULL));
    g_autofree char *title = g_strndup (name, strlen (name) - strlen (".upphandla"));
    RecentWait wait = { start, title };

    up_application_add_recent (file);
    gtk_window_present (GTK_WINDOW (start));
    wait_until (lists_recent, &wait);
    g_assert_true (has_label (find_recent_row (GTK_WIDGET (start), title), _("Unsaved changes")));
    if (!colleague)
      {
        wait_for_frames (GTK_WIDGET (start));
        save_screenshot (GTK_WIDGET (start), "start-page-recovery.png");
      }
    gtk_window_destroy (GTK_WINDOW (start));
    iterate_pending ();
  }

  up_application_open_file (app, file, NULL);
  wait_until (has_message_dialog, &dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, _("Recover Unsaved Changes?"));
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==, expected);
  /* as the button does: the response, then the dialog goes without a
   * close response of its own (which would answer a second time) */
  adw_message_dialog_response (dialog, "recover");
  gtk_window_destroy (GTK_WINDOW (dialog));
  wait_until (shows_project, &window);

  project = up_window_get_project (window);
  store = up_project_get_store (project);
  g_assert_cmpstr (up_project_get_title (project), ==, "Mine");
  if (colleague)
    {
      wait_until (has_save_error, store);
      g_assert_error ((GError *) up_store_get_save_error (store), UP_STORE_ERROR, UP_STORE_ERROR_CONFLICT);
      g_assert_true (g_file_get_contents (path, &after, &after_size, NULL));
      g_assert_cmpmem (g_bytes_get_data (before, NULL), g_bytes_get_size (before), after, after_size);
      g_assert_nonnull (up_store_find_recovery (file));
      up_store_discard_recovery (file);
    }
  else
    {
      g_autoptr(GFile) gone = NULL;

      wait_until (is_saved, store);
      g_assert_null (up_store_get_save_error (store));
      g_assert_true (g_file_get_contents (path, &after, &after_size, NULL));
      g_assert_false (after_size == g_bytes_get_size (before) &&
                      memcmp (after, g_bytes_get_data (before, NULL), after_size) == 0);
      gone = up_store_find_recovery (file);
      g_assert_null (gone);
    }

  gtk_window_destroy (GTK_WINDOW (window));
  iterate_pending ();
}

/* The file of a project with changes in a recovery copy is gone (deleted,
 * or its USB stick is not in). The dialog says so, not that the file "has
 * not been changed"; Recover writes the changes anew, and Discard drops
 * them without an error about the missing file, and the start page no
 * longer lists the project. */
static void
test_recovery_file_gone (gconstpointer data)
{
  gboolean recover = GPOINTER_TO_INT (data);
  g_autoptr(GBytes) before = NULL;
  g_autofree char *path = write_recovery (recover ? "gone-recover.upphandla" : "gone-discard.upphandla",
                                          FALSE, &before);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *title = g_strndup (name, strlen (name) - strlen (".upphandla"));
  g_autofree char *expected = NULL;
  g_autoptr(UpWindow) start = NULL;
  AdwMessageDialog *dialog = NULL;
  UpWindow *window = NULL;
  RecentWait wait;

  expected = g_strdup_printf (_("“%1$s” has changes that were not saved when Upphandla last "
                                "closed, and the file is no longer there. Recover the changes "
                                "and save them again, or discard them?"),
                              name);

  while (gtk_application_get_windows (GTK_APPLICATION (app)) != NULL)
    gtk_window_destroy (gtk_application_get_windows (GTK_APPLICATION (app))->data);
  iterate_pending ();

  g_assert_cmpint (g_unlink (path), ==, 0);
  start = g_object_ref (up_window_new (GTK_APPLICATION (app), NULL));
  gtk_window_present (GTK_WINDOW (start));
  wait.window = start;
  wait.title = title;
  wait_until (lists_recent, &wait);

  up_application_open_file (app, file, start);
  wait_until (has_message_dialog, &dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, _("Recover Unsaved Changes?"));
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==, expected);
  adw_message_dialog_response (dialog, recover ? "recover" : "discard");
  gtk_window_destroy (GTK_WINDOW (dialog));

  if (recover)
    {
      UpStore *store;

      wait_until (shows_project, &window);
      store = up_project_get_store (up_window_get_project (window));
      g_assert_cmpstr (up_project_get_title (up_window_get_project (window)), ==, "Mine");
      wait_until (is_saved, store);
      g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
      g_assert_null (up_store_find_recovery (file));
    }
  else
    {
      iterate_pending ();
      g_assert_true (has_no_message_dialog (NULL));
      assert_no_project_shown ();
      g_assert_false (up_store_has_recovery (file));
      g_assert_null (find_recent_row (GTK_WIDGET (start), title));
    }

  while (gtk_application_get_windows (GTK_APPLICATION (app)) != NULL)
    gtk_window_destroy (gtk_application_get_windows (GTK_APPLICATION (app))->data);
  iterate_pending ();
}

/* The title in the recovery copy of @file, or NULL when none is offered. */
static char *
recovery_title (GFile *file)
{
  g_autoptr(GFile) recovery = up_store_find_recovery (file);
  g_autoptr(UpProject) project = NULL;

  if (recovery == NULL)
    return NULL;
  project = up_project_open (recovery, NULL);
  return project != NULL ? g_strdup (up_project_get_title (project)) : NULL;
}

/* Another Upphandla (another process, a second Flatpak instance) has the
 * project open, and its edits wait in the recovery copy (a colleague saved
 * the file first). Opening the file here must not offer those edits as
 * left behind "when Upphandla last closed": recovering them made two
 * windows of one set of edits, and Discard threw away the other window's
 * only copy. The dialog says where the edits are; opening here shows the
 * file as saved and leaves the copy alone. Once the other has gone (it
 * crashed), the next open offers the edits. Before 2026-12-05 the first
 * open asked "Recover Unsaved Changes?". The other is a store of this
 * process: its copy is in use the same way. */
static void
test_recovery_in_use (void)
{
  g_autofree char *path = write_demo ("open-elsewhere.upphandla");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *expected = NULL;
  g_autofree char *title = NULL;
  g_autoptr(UpProject) other = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog = NULL;
  UpWindow *window = NULL;

  while (gtk_application_get_windows (GTK_APPLICATION (app)) != NULL)
    gtk_window_destroy (gtk_application_get_windows (GTK_APPLICATION (app))->data);
  iterate_pending ();

  other = up_project_open (file, &error);
  g_assert_no_error (error);
  exec_sql (path, "UPDATE project SET title = 'Colleague''s';");
  g_assert_true (up_project_set_string (other, other, "title", "Noted in the other window", &error));
  g_assert_false (up_store_flush (up_project_get_store (other), &error));
  g_assert_error (error, UP_STORE_ERROR, UP_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  title = recovery_title (file);
  g_assert_cmpstr (title, ==, "Noted in the other window");
  g_clear_pointer (&title, g_free);

  up_application_open_file (app, file, NULL);
  wait_until (has_message_dialog, &dialog);
  g_test_message ("%s: %s", adw_message_dialog_get_heading (dialog), adw_message_dialog_get_body (dialog));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), !=, _("Recover Unsaved Changes?"));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, _("Already Open in Another Window"));
  expected = g_strdup_printf (_("“%1$s” is open in another Upphandla window, with changes that are not "
                                "in the file yet. Open the file here as it was last saved, or go on "
                                "in the other window?"),
                              name);
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==, expected);
  g_assert_false (adw_message_dialog_has_response (dialog, "discard"));
  g_assert_false (adw_message_dialog_has_response (dialog, "recover"));
  adw_message_dialog_response (dialog, "open");
  gtk_window_destroy (GTK_WINDOW (dialog));
  wait_until (shows_project, &window);
  g_assert_cmpstr (up_project_get_title (up_window_get_project (window)), ==, "Colleague's");
  title = recovery_title (file);
  g_assert_cmpstr (title, ==, "Noted in the other window");
  g_clear_pointer (&title, g_free);
  gtk_window_destroy (GTK_WINDOW (window));
  iterate_pending ();

  /* the other Upphandla is gone: its edits are offered */
  g_clear_object (&other);
  dialog = NULL;
  up_application_open_file (app, file, NULL);
  wait_until (has_message_dialog, &dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, _("Recover Unsaved Changes?"));
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  iterate_pending ();
  title = recovery_title (file);
  g_assert_cmpstr (title, ==, "Noted in the other window");
  up_store_discard_recovery (file);
  while (gtk_application_get_windows (GTK_APPLICATION (app)) != NULL)
    gtk_window_destroy (gtk_application_get_windows (GTK_APPLICATION (app))->data);
  iterate_pending ();
}

/* Drops @paths (NULL-terminated) on @window as a drag from Files or a
 * mail client does: a file list given to the window's drop target.
 * Returns what the drop target answered. */
static gboolean
drop_files (UpWindow   *window,
            const char *first_path,
            ...)
{
  GtkDropTarget *target = GTK_DROP_TARGET (get_controller (GTK_WIDGET (window), GTK_TYPE_DROP_TARGET));
  g_autoptr(GSList) files = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  gboolean accepted = FALSE;
  va_list args;

  /* What the window takes: the list GTK makes of a text/uri-list or of
   * the file transfer portal's files, whoever drags them. */
  g_assert_true (gdk_content_formats_contain_gtype (gtk_drop_target_get_formats (target),
                                                    GDK_TYPE_FILE_LIST));

  va_start (args, first_path);
  for (const char *path = first_path; path != NULL; path = va_arg (args, const char *))
    files = g_slist_append (files, g_file_new_for_path (path));
  va_end (args);

  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_list (files));
  g_slist_free_full (g_steal_pointer (&files), g_object_unref);

  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &accepted);
  return accepted;
}

static guint
count_windows_showing (GFile *file)
{
  guint n = 0;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
    if (UP_IS_WINDOW (l->data) && up_window_shows_file (l->data, file))
      n++;
  return n;
}

static void
close_all_windows (void)
{
  while (gtk_application_get_windows (GTK_APPLICATION (app)) != NULL)
    gtk_window_destroy (gtk_application_get_windows (GTK_APPLICATION (app))->data);
  iterate_pending ();
}

/* A project dropped on the start page opens there, in that window, as
 * File → Open does; dropped again on another window, it does not open a
 * second time: the window that has it stays the only one. */
static void
test_drop_project (void)
{
  g_autofree char *path = write_demo ("Åtgärder för äldre – v2.upphandla");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_size = 0, after_size = 0;
  UpWindow *window;
  UpWindow *other;

  close_all_windows ();
  g_assert_true (g_file_get_contents (path, &before, &before_size, NULL));
  window = up_window_new (GTK_APPLICATION (app), NULL);
  gtk_window_present (GTK_WINDOW (window));
  iterate_pending ();

  g_assert_true (drop_files (window, path, NULL));
  iterate_pending ();
  g_assert_nonnull (up_window_get_project (window));
  g_assert_true (up_window_shows_file (window, file));
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 1);

  other = up_window_new (GTK_APPLICATION (app), NULL);
  gtk_window_present (GTK_WINDOW (other));
  iterate_pending ();
  g_assert_true (drop_files (other, path, NULL));
  iterate_pending ();
  g_assert_null (up_window_get_project (other));
  g_assert_cmpuint (count_windows_showing (file), ==, 1);
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 2);

  close_all_windows ();
  /* Opening wrote nothing. */
  g_assert_true (g_file_get_contents (path, &after, &after_size, NULL));
  g_assert_cmpmem (before, before_size, after, after_size);
}

/* A file that is not a project (a PDF of the minutes, the picture in the
 * mail), dropped on a window that shows a project: refused with the
 * core's message, which names the file and what it is; the project stays
 * in its window and the dropped file keeps its bytes. A project dropped
 * with it still opens, in a window of its own. */
static void
test_drop_other_file (void)
{
  static const char pdf[] = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n";
  g_autofree char *shown = write_demo ("shown.upphandla");
  g_autofree char *second = write_demo ("second.upphandla");
  g_autofree char *minutes = write_bytes ("Minnesanteckningar.pdf", pdf, sizeof pdf - 1);
  g_autoptr(GFile) shown_file = g_file_new_for_path (shown);
  g_autoptr(GFile) second_file = g_file_new_for_path (second);
  g_autoptr(GFile) minutes_file = g_file_new_for_path (minutes);
  g_autoptr(UpProject) project = NULL;
  g_autoptr(UpProject) direct = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;
  gsize after_size = 0;
  AdwMessageDialog *dialog = NULL;
  UpWindow *window;

  close_all_windows ();
  project = up_project_open (shown_file, &error);
  g_assert_no_error (error);
  window = up_window_new (GTK_APPLICATION (app), project);
  gtk_window_present (GTK_WINDOW (window));
  iterate_pending ();

  direct = up_project_open (minutes_file, &error);
  g_assert_null (direct);
  g_assert_nonnull (error);

  g_assert_true (drop_files (window, minutes, second, NULL));
  wait_until (has_message_dialog, &dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, _("Could Not Open the Project"));
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==, error->message);
  g_assert_nonnull (strstr (error->message, "Minnesanteckningar.pdf"));
  g_test_message ("dropped PDF: %s", error->message);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));

  g_assert_true (up_window_get_project (window) == project);
  g_assert_cmpuint (count_windows_showing (second_file), ==, 1);
  g_assert_false (up_window_shows_file (window, second_file));

  adw_message_dialog_response (dialog, "close");
  gtk_window_close (GTK_WINDOW (dialog));
  wait_until (has_no_message_dialog, NULL);

  g_assert_true (g_file_get_contents (minutes, &after, &after_size, NULL));
  g_assert_cmpmem (pdf, sizeof pdf - 1, after, after_size);
  close_all_windows ();
}

int
main (int   argc,
      char *argv[])
{
  int status;

  ui_test_init (&argc, &argv, NULL);

  test_dir = g_dir_make_tmp ("upphandla-hostile-ui-XXXXXX", NULL);
  g_assert_nonnull (test_dir);

  /* Not the single instance of a running app: a test of its own. */
  app = up_application_new ();
  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  g_application_hold (G_APPLICATION (app));

  g_test_add_func ("/ui/hostile/empty", test_empty);
  g_test_add_func ("/ui/hostile/text", test_text);
  g_test_add_func ("/ui/hostile/random-bytes", test_random);
  g_test_add_func ("/ui/hostile/png", test_png);
  g_test_add_func ("/ui/hostile/other-database", test_other_database);
  g_test_add_func ("/ui/hostile/newer-schema", test_newer_schema);
  g_test_add_func ("/ui/hostile/wrong-application-id", test_wrong_application_id);
  g_test_add_func ("/ui/hostile/truncated", test_truncated);
  g_test_add_func ("/ui/hostile/folder", test_folder);
  g_test_add_func ("/ui/hostile/missing", test_missing);
  g_test_add_func ("/ui/hostile/first-open-of-a-sound-file", test_first_open);
  g_test_add_data_func ("/ui/hostile/recovery/file-unchanged", GINT_TO_POINTER (FALSE), test_recovery);
  g_test_add_data_func ("/ui/hostile/recovery/file-changed-by-someone-else", GINT_TO_POINTER (TRUE), test_recovery);
  g_test_add_data_func ("/ui/hostile/recovery/file-gone/recover", GINT_TO_POINTER (TRUE), test_recovery_file_gone);
  g_test_add_data_func ("/ui/hostile/recovery/file-gone/discard", GINT_TO_POINTER (FALSE), test_recovery_file_gone);
  g_test_add_func ("/ui/hostile/recovery/in-use", test_recovery_in_use);
  g_test_add_func ("/ui/hostile/drop/project", test_drop_project);
  g_test_add_func ("/ui/hostile/drop/other-file", test_drop_other_file);

  status = g_test_run ();

  g_application_release (G_APPLICATION (app));
  while (gtk_application_get_windows (GTK_APPLICATION (app)) != NULL)
    gtk_window_destroy (gtk_application_get_windows (GTK_APPLICATION (app))->data);
  iterate_pending ();
  g_clear_object (&app);
  test_remove_tree (test_dir);
  g_free (test_dir);
  return status;
}
