/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gstdio.h>
#include <libintl.h>
#include <locale.h>
#include <string.h>
#include <sys/wait.h>

#include "upphandla.h"

/* The command line of the built program: the options that need no display
 * (--version, --help, --write-demo, --info) run with DISPLAY,
 * WAYLAND_DISPLAY and the session bus unset, in a language set explicitly. */

static char *test_root;

typedef struct
{
  int   status;   /* exit status, or -1 for a signal */
  char *out;
  char *err;
} Run;

static void
run_free (Run *run)
{
  g_free (run->out);
  g_free (run->err);
  g_free (run);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Run, run_free)

static Run *
run_app (const char * const *args,
         const char         *lang,
         const char         *language)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) env = g_get_environ ();
  g_autoptr(GError) error = NULL;
  g_autofree char *state = g_build_filename (test_root, "state", NULL);
  g_autofree char *data = g_build_filename (test_root, "data", NULL);
  Run *run = g_new0 (Run, 1);
  int wait_status = 0;

  g_assert_true (g_file_test (UPPHANDLA_BIN, G_FILE_TEST_IS_EXECUTABLE));

  env = g_environ_unsetenv (env, "DISPLAY");
  env = g_environ_unsetenv (env, "WAYLAND_DISPLAY");
  env = g_environ_unsetenv (env, "DBUS_SESSION_BUS_ADDRESS");
  env = g_environ_unsetenv (env, "LC_MESSAGES");
  env = g_environ_setenv (env, "LANG", lang, TRUE);
  env = g_environ_setenv (env, "LC_ALL", lang, TRUE);
  env = g_environ_setenv (env, "LANGUAGE", language, TRUE);
  env = g_environ_setenv (env, "GSETTINGS_BACKEND", "memory", TRUE);
  env = g_environ_setenv (env, "XDG_STATE_HOME", state, TRUE);
  env = g_environ_setenv (env, "XDG_DATA_HOME", data, TRUE);
  env = g_environ_setenv (env, "XDG_CONFIG_HOME", test_root, TRUE);
  env = g_environ_setenv (env, "XDG_CACHE_HOME", test_root, TRUE);

  g_ptr_array_add (argv, (gpointer) UPPHANDLA_BIN);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, env, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &wait_status, &error);
  g_assert_no_error (error);
  run->status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
  g_test_message ("upphandla %s: status %d\nstdout: %s\nstderr: %s",
                  args[0], run->status, run->out, run->err);
  return run;
}

static Run *
run_en (const char * const *args)
{
  return run_app (args, "en_US.UTF-8", "en");
}

static char *
new_path (const char *name)
{
  static guint counter;
  g_autofree char *dir_name = g_strdup_printf ("%02u", ++counter);
  g_autofree char *dir = g_build_filename (test_root, dir_name, NULL);

  g_assert_cmpint (g_mkdir (dir, 0755), ==, 0);
  return g_build_filename (dir, name, NULL);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static char *
list_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv ("/", (char **) names->pdata);
}

static UpProject *
open_project (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  UpProject *project = up_project_open (file, &error);

  g_assert_no_error (error);
  g_assert_nonnull (project);
  return project;
}

static char *
write_demo (const char *name)
{
  char *path = new_path (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(UpProject) project = up_demo_create (file, &error);

  g_assert_no_error (error);
  g_assert_nonnull (project);
  return path;
}

/* The line "LABEL VALUE" is in @out. */
static void
assert_line (const char *out,
             const char *label,
             const char *value)
{
  g_autofree char *line = g_strconcat (label, value, "\n", NULL);

  if (!g_str_has_prefix (out, line) && strstr (out, line) == NULL)
    g_error ("“%s” is not a line of:\n%s", line, out);
}

static void
assert_count_line (const char *out,
                   const char *label,
                   guint       count)
{
  g_autofree char *value = g_strdup_printf ("%u", count);

  assert_line (out, label, value);
}

static void
test_version (void)
{
  const char *args[] = { "--version", NULL };
  g_autoptr(Run) run = run_en (args);

  g_assert_cmpint (run->status, ==, 0);
  g_assert_cmpstr (run->out, ==, "upphandla " PACKAGE_VERSION "\n");
  g_assert_cmpstr (run->err, ==, "");
}

static void
test_help (void)
{
  const char *args[] = { "--help", NULL };
  g_autoptr(Run) run = run_en (args);
  const char *usage;

  g_assert_cmpint (run->status, ==, 0);
  g_assert_nonnull (strstr (run->out, "--info"));
  g_assert_nonnull (strstr (run->out, "--write-demo"));
  g_assert_nonnull (strstr (run->out, "--version"));
  g_assert_cmpstr (run->err, ==, "");

  /* the usage line names the files once */
  usage = strstr (run->out, "upphandla [OPTION…]");
  g_assert_nonnull (usage);
  g_assert_true (g_str_has_prefix (usage, "upphandla [OPTION…] [FILE…]\n"));
}

static void
test_write_demo (void)
{
  g_autofree char *path = new_path ("Demo – åäö 'x'.upphandla");
  g_autofree char *dir = g_path_get_dirname (path);
  const char *args[] = { "--write-demo", path, NULL };
  g_autoptr(Run) run = run_en (args);
  g_autoptr(UpProject) project = NULL;

  g_assert_cmpint (run->status, ==, 0);
  g_assert_cmpstr (run->out, ==, "");
  g_assert_cmpstr (run->err, ==, "");
  g_assert_cmpstr (list_dir (dir), ==, "Demo – åäö 'x'.upphandla");

  project = open_project (path);
  g_assert_cmpstr (up_project_get_title (project), !=, "");
  g_assert_cmpuint (up_project_count (project, "stage"), >=, 12);
  g_assert_cmpuint (up_project_count (project, "stakeholder"), ==, 8);
  g_assert_cmpuint (up_project_count (project, "note"), ==, 20);
  g_assert_cmpuint (up_project_count (project, "sdg_link"), >=, 10);
  g_assert_cmpuint (up_project_count (project, "local_goal"), ==, 3);
  /* the demo is a finished file: nothing to undo, nothing unsaved */
  g_assert_false (up_history_get_can_undo (up_project_get_history (project)));
  g_assert_false (up_store_get_dirty (up_project_get_store (project)));
}

static void
test_write_demo_no_folder (void)
{
  g_autofree char *path = g_build_filename (test_root, "no such folder", "demo.upphandla", NULL);
  const char *args[] = { "--write-demo", path, NULL };
  g_autoptr(Run) run = run_en (args);

  g_assert_cmpint (run->status, ==, 1);
  g_assert_cmpstr (run->out, ==, "");
  g_assert_cmpstr (run->err, !=, "");
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_info (void)
{
  g_autofree char *path = write_demo ("demo.upphandla");
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  g_autofree char *dates = NULL;
  g_autoptr(UpProject) project = open_project (path);
  const char *args[] = { "--info", path, NULL };
  g_autoptr(Run) run = NULL;
  gsize size_before, size_after;

  g_assert_true (g_file_get_contents (path, &before, &size_before, NULL));
  run = run_en (args);
  g_assert_true (g_file_get_contents (path, &after, &size_after, NULL));

  g_assert_cmpint (run->status, ==, 0);
  g_assert_cmpstr (run->err, ==, "");
  assert_line (run->out, "Title: ", up_project_get_title (project));
  assert_line (run->out, "Organisation: ", up_project_get_organisation (project));
  assert_count_line (run->out, "Stages: ", up_project_count (project, "stage"));
  assert_count_line (run->out, "Stakeholders: ", up_project_count (project, "stakeholder"));
  assert_count_line (run->out, "Notes: ", up_project_count (project, "note"));
  assert_count_line (run->out, "Agenda 2030 links: ", up_project_count (project, "sdg_link"));
  assert_count_line (run->out, "Regional and local goals: ", up_project_count (project, "local_goal"));
  up_project_get_date_range (project, &first, &last);
  dates = g_strconcat (first, " – ", last, NULL);
  assert_line (run->out, "Dates: ", dates);

  /* --info only reads */
  g_assert_cmpuint (size_before, ==, size_after);
  g_assert_cmpint (memcmp (before, after, size_before), ==, 0);
  g_assert_cmpstr (list_dir (dir), ==, "demo.upphandla");
}

/* The message the store gives for @path, in the test's own (untranslated)
 * language, which is what LANGUAGE=en prints. */
static char *
store_message (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(UpProject) project = up_project_open (file, &error);

  g_assert_null (project);
  g_assert_nonnull (error);
  g_assert_true (error->domain == UP_STORE_ERROR);
  return g_strdup (error->message);
}

static void
test_info_bad_file (void)
{
  g_autofree char *text = new_path ("notes.upphandla");
  g_autofree char *missing = new_path ("missing.upphandla");
  const char *cases[] = { text, missing };

  g_assert_true (g_file_set_contents (text, "Hello, I am not a project.\n", -1, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *message = store_message (cases[i]);
      g_autofree char *line = g_strconcat (message, "\n", NULL);
      const char *args[] = { "--info", cases[i], NULL };
      g_autoptr(Run) run = run_en (args);

      g_assert_cmpint (run->status, ==, 1);
      g_assert_cmpstr (run->out, ==, "");
      g_assert_cmpstr (run->err, ==, line);
    }
}

static void
test_info_several (void)
{
  g_autofree char *good = write_demo ("demo.upphandla");
  g_autofree char *bad = new_path ("empty.upphandla");
  g_autofree char *message = NULL;
  g_autofree char *line = NULL;
  const char *args[] = { "--info", good, bad, good, NULL };
  g_autoptr(Run) run = NULL;
  g_auto(GStrv) parts = NULL;

  g_assert_true (g_file_set_contents (bad, "", 0, NULL));
  message = store_message (bad);
  line = g_strconcat (message, "\n", NULL);
  run = run_en (args);

  /* every file is tried; one that fails fails the run */
  g_assert_cmpint (run->status, ==, 1);
  g_assert_cmpstr (run->err, ==, line);
  parts = g_strsplit (run->out, "Title: ", -1);
  g_assert_cmpuint (g_strv_length (parts), ==, 3);
}

static void
test_info_no_file (void)
{
  const char *args[] = { "--info", NULL };
  g_autoptr(Run) run = run_en (args);

  g_assert_cmpint (run->status, ==, 1);
  g_assert_cmpstr (run->out, ==, "");
  g_assert_nonnull (strstr (run->err, "--info"));
}

/* The label of a "LABEL %1$u\n" line in the Swedish catalogue. */
static char *
swedish_label (const char *msgid)
{
  const char *translated = dgettext (GETTEXT_PACKAGE, msgid);
  const char *end = strstr (translated, "%1$");

  if (translated == msgid || strcmp (translated, msgid) == 0 || end == NULL)
    return NULL;
  return g_strndup (translated, end - translated);
}

static void
test_info_swedish (void)
{
  const char *localedir = g_getenv ("UPPHANDLA_LOCALEDIR");
  g_autofree char *mo = NULL;
  g_autofree char *saved_locale = NULL;
  g_autofree char *saved_language = g_strdup (g_getenv ("LANGUAGE"));
  g_autofree char *path = NULL;
  g_autofree char *stages = NULL;
  g_autofree char *notes = NULL;
  g_autofree char *title = NULL;
  g_autoptr(UpProject) project = NULL;
  g_autoptr(Run) run = NULL;
  const char *args[] = { "--info", NULL, NULL };

  if (localedir == NULL || localedir[0] == '\0')
    {
      g_test_skip ("UPPHANDLA_LOCALEDIR is not set (meson test sets it)");
      return;
    }
  mo = g_build_filename (localedir, "sv", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  if (!g_file_test (mo, G_FILE_TEST_IS_REGULAR))
    {
      g_test_skip ("the Swedish catalogue has not been built");
      return;
    }

  /* the Swedish labels, from the same catalogue the program reads */
  saved_locale = g_strdup (setlocale (LC_ALL, NULL));
  if (setlocale (LC_ALL, "sv_SE.UTF-8") == NULL)
    {
      g_test_skip ("the sv_SE.UTF-8 locale is not installed (localedef -i sv_SE -f UTF-8 sv_SE.UTF-8)");
      return;
    }
  g_setenv ("LANGUAGE", "sv", TRUE);
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  stages = swedish_label ("Stages: %1$u\n");
  notes = swedish_label ("Notes: %1$u\n");
  title = swedish_label ("Title: %1$s\n");
  setlocale (LC_ALL, saved_locale);
  if (saved_language != NULL)
    g_setenv ("LANGUAGE", saved_language, TRUE);
  else
    g_unsetenv ("LANGUAGE");

  if (stages == NULL || notes == NULL || title == NULL)
    g_error ("%s does not translate the lines of --info", mo);

  path = write_demo ("demo.upphandla");
  project = open_project (path);
  args[1] = path;
  run = run_app (args, "sv_SE.UTF-8", "sv");

  g_assert_cmpint (run->status, ==, 0);
  g_assert_cmpstr (run->err, ==, "");
  assert_line (run->out, title, up_project_get_title (project));
  assert_count_line (run->out, stages, up_project_count (project, "stage"));
  assert_count_line (run->out, notes, up_project_count (project, "note"));
  g_assert_null (strstr (run->out, "Stages: "));
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  test_root = g_dir_make_tmp ("upphandla-test-cli-XXXXXX", NULL);
  g_assert_nonnull (test_root);
  g_setenv ("XDG_STATE_HOME", test_root, TRUE);
  g_setenv ("XDG_DATA_HOME", test_root, TRUE);

  g_test_init (&argc, &argv, NULL);
  /* left behind when a test fails, to look at */
  g_test_message ("test files in %s", test_root);

  g_test_add_func ("/cli/version", test_version);
  g_test_add_func ("/cli/help", test_help);
  g_test_add_func ("/cli/write-demo", test_write_demo);
  g_test_add_func ("/cli/write-demo-no-folder", test_write_demo_no_folder);
  g_test_add_func ("/cli/info", test_info);
  g_test_add_func ("/cli/info-bad-file", test_info_bad_file);
  g_test_add_func ("/cli/info-several", test_info_several);
  g_test_add_func ("/cli/info-no-file", test_info_no_file);
  g_test_add_func ("/cli/info-swedish", test_info_swedish);

  status = g_test_run ();
  remove_tree (test_root);
  g_free (test_root);
  return status;
}
