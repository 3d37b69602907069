/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Hostile and damaged files opened through the application, as a
 * double-click does, under Xvfb: each one shows the "Could Not Open the
 * Project" dialog with the core's own message, nothing crashes, no window
 * shows a project, and the file's bytes are unchanged. */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
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

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("UPPHANDLA_LOCALEDIR");
  int status;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

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
