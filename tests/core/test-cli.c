/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gstdio.h>
#include <libintl.h>
#include <locale.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "test-common.h"
#include "test-projects.h"
#include "upphandla.h"

/* The command line of the built program: the options that need no display
 * (--version, --help, --write-demo, --info, --export) run with DISPLAY,
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

/* Where the app looks for its catalogues in the next runs; NULL: where
 * the test's environment says. */
static const char *localedir_override;

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
  if (localedir_override != NULL)
    env = g_environ_setenv (env, "UPPHANDLA_LOCALEDIR", localedir_override, TRUE);

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

/* @dir holds @names (sorted, joined by "/") and nothing else, hidden
 * files included. */
static void
assert_dir (const char *dir,
            const char *names)
{
  g_autofree char *listed = test_list_dir (dir);

  g_assert_cmpstr (listed, ==, names);
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

/* Without a display the app says so and stops: GTK's own start-up found
 * GTK initialised by the app's first try, went on and crashed (SIGSEGV). A
 * project named on the command line is left as it was. */
static void
test_no_display (void)
{
  g_autofree char *project = write_demo ("demo.upphandla");
  g_autoptr(GBytes) before = test_read_bytes (project);
  g_autoptr(GBytes) after = NULL;
  const char *open_args[] = { project, NULL };
  const char *no_args[] = { NULL };
  g_autoptr(Run) opened = run_en (open_args);
  g_autoptr(Run) bare = run_en (no_args);
  g_autoptr(Run) swedish = run_app (open_args, "sv_SE.UTF-8", "sv");

  g_assert_cmpint (opened->status, ==, 1);
  g_assert_nonnull (strstr (opened->err, "no display could be opened"));
  g_assert_nonnull (strstr (opened->err, "upphandla --help"));
  g_assert_null (strstr (opened->err, "CRITICAL"));
  g_assert_cmpint (bare->status, ==, 1);
  g_assert_cmpstr (bare->err, ==, opened->err);
  g_assert_cmpint (swedish->status, ==, 1);
  g_assert_nonnull (strstr (swedish->err, "skärm"));

  after = test_read_bytes (project);
  g_assert_true (g_bytes_equal (before, after));
}

/* --lang names the language the chart is in: without its catalogue the
 * export is refused, not written in English (as it was, exit 0). */
static void
test_export_language_missing (void)
{
  g_autofree char *project = write_demo ("demo.upphandla");
  g_autofree char *dir = g_path_get_dirname (project);
  g_autofree char *empty = g_build_filename (dir, "no-catalogues", NULL);
  g_autofree char *output = g_build_filename (dir, "wheel.png", NULL);
  g_autofree char *output_arg = g_strconcat ("--output=", output, NULL);
  const char *sv_args[] = { "--export=wheel", "--lang=sv", output_arg, project, NULL };
  const char *en_args[] = { "--export=wheel", "--lang=en", output_arg, project, NULL };
  g_autoptr(Run) sv = NULL;
  g_autoptr(Run) en = NULL;

  g_assert_cmpint (g_mkdir (empty, 0755), ==, 0);
  localedir_override = empty;
  sv = run_en (sv_args);
  g_assert_cmpint (sv->status, ==, 1);
  g_assert_cmpstr (sv->err, ==,
                   "The texts of the export language “sv” are not installed, so the chart cannot be written in it.\n");
  g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));

  en = run_en (en_args);
  localedir_override = NULL;
  g_assert_cmpint (en->status, ==, 0);
  g_assert_true (g_file_test (output, G_FILE_TEST_EXISTS));
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
  g_assert_nonnull (strstr (run->out, "--export=CHART"));
  g_assert_nonnull (strstr (run->out, "--format=FORMAT"));
  g_assert_nonnull (strstr (run->out, "--lang=LANG"));
  g_assert_nonnull (strstr (run->out, "--output=FILE"));
  g_assert_nonnull (strstr (run->out, "--png-width=PIXELS"));
  g_assert_nonnull (strstr (run->out, "--local-goal=ID"));
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
  assert_dir (dir, "Demo – åäö 'x'.upphandla");

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

/* A place the demo cannot be written to is named for what it is, in one
 * line, not with the app's sentences about unsaved changes; a file that
 * is there already is left alone (it was replaced, as cp would). */
static void
test_write_demo_errors (void)
{
  g_autofree char *file = new_path ("plan.upphandla");
  g_autofree char *dir = g_path_get_dirname (file);
  g_autofree char *no_folder = g_build_filename (dir, "no such folder", "demo.upphandla", NULL);
  g_autofree char *under_file = g_build_filename (file, "demo.upphandla", NULL);
  g_autofree char *dir_name = g_path_get_basename (dir);
  g_autofree char *folder_message = g_strdup_printf ("“%s” is a folder. Choose a file name to write the demo project to.\n",
                                                     dir_name);
  const struct {
    const char *path;
    const char *message;
  } cases[] = {
    { no_folder, "“demo.upphandla” cannot be written: its folder does not exist.\n" },
    { under_file, "“demo.upphandla” cannot be written: its folder does not exist.\n" },
    { dir, folder_message },
    { "", "--write-demo needs a file name, for example: upphandla --write-demo=demo.upphandla\n" },
    { file, "“plan.upphandla” already exists. Choose another name, or delete the file first.\n" },
  };

  g_assert_true (g_file_set_contents (file, "mine\n", -1, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *arg = g_strconcat ("--write-demo=", cases[i].path, NULL);
      const char *args[] = { arg, NULL };
      g_autoptr(Run) run = run_en (args);

      g_assert_cmpint (run->status, ==, 1);
      g_assert_cmpstr (run->out, ==, "");
      g_assert_cmpstr (run->err, ==, cases[i].message);
    }
  assert_dir (dir, "plan.upphandla");
  {
    g_autofree char *kept = NULL;

    g_assert_true (g_file_get_contents (file, &kept, NULL, NULL));
    g_assert_cmpstr (kept, ==, "mine\n");
  }
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
  for (guint i = 0; i < g_list_model_get_n_items (up_project_get_local_goals (project)); i++)
    {
      g_autoptr(UpLocalGoal) goal = g_list_model_get_item (up_project_get_local_goals (project), i);
      g_autofree char *label = g_strdup_printf ("  id %" G_GINT64_FORMAT " · %s: ",
                                                up_record_get_id (UP_RECORD (goal)),
                                                up_enum_label (up_local_goal_levels,
                                                               up_local_goal_get_level (goal)));

      assert_line (run->out, label, up_local_goal_get_title (goal));
    }
  up_project_get_date_range (project, &first, &last);
  dates = g_strconcat (first, " – ", last, NULL);
  assert_line (run->out, "Dates: ", dates);

  /* --info only reads */
  g_assert_cmpuint (size_before, ==, size_after);
  g_assert_cmpint (memcmp (before, after, size_before), ==, 0);
  assert_dir (dir, "demo.upphandla");
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

/* A title with terminal escape sequences and a line break prints as one
 * harmless line: every control character becomes U+FFFD. */
static void
test_info_control_characters (void)
{
  g_autofree char *path = new_path ("escape.upphandla");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(UpProject) project = up_project_create (file, "A\033[31mRED\aB\nTitle: forged", &error);
  const char *args[] = { "--info", path, NULL };
  g_autoptr(Run) run = NULL;

  g_assert_no_error (error);
  g_assert_true (up_store_flush (up_project_get_store (project), &error));
  g_assert_no_error (error);
  run = run_en (args);
  g_assert_cmpint (run->status, ==, 0);
  g_assert_null (strchr (run->out, '\033'));
  g_assert_null (strchr (run->out, '\a'));
  /* The line break went already when the title was stored (a title is one
   * line); the other controls are replaced when printed. */
  g_assert_nonnull (strstr (run->out, "Title: A\xef\xbf\xbd[31mRED\xef\xbf\xbd" "B Title: forged\n"));
  g_assert_null (strstr (run->out, "\nTitle: forged"));
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

/* The modes of the command line exclude each other: given together, none
 * of them runs. --version, like --help, wins over everything else. */
static void
test_exclusive_modes (void)
{
  g_autofree char *project = write_demo ("demo.upphandla");
  g_autofree char *dir = g_path_get_dirname (project);
  g_autofree char *output = g_build_filename (dir, "x.png", NULL);
  g_autofree char *output_arg = g_strconcat ("--output=", output, NULL);
  g_autofree char *demo = g_build_filename (dir, "w.upphandla", NULL);
  g_autofree char *demo_arg = g_strconcat ("--write-demo=", demo, NULL);
  const struct {
    const char *args[6];
    const char *message;
  } cases[] = {
    { { "--info", "--export=wheel", output_arg, project },
      "--info and --export cannot be used together. Choose one of them.\n" },
    { { "--export=wheel", output_arg, "--info", project },
      "--info and --export cannot be used together. Choose one of them.\n" },
    { { "--info", demo_arg, project },
      "--info and --write-demo cannot be used together. Choose one of them.\n" },
    { { "--export=wheel", output_arg, "--demo", project },
      "--export and --demo cannot be used together. Choose one of them.\n" },
    { { demo_arg, "--export=wheel", output_arg, project },
      "--write-demo and --export cannot be used together. Choose one of them.\n" },
    { { demo_arg, "--demo" },
      "--write-demo and --demo cannot be used together. Choose one of them.\n" },
    { { "--info", "--demo", project },
      "--info and --demo cannot be used together. Choose one of them.\n" },
    { { demo_arg, project },
      "--write-demo takes one file, as --write-demo=FILE, and no other.\n" },
    { { demo_arg, "--format=svg" },
      "--format works only together with --export.\n" },
  };
  const char *version_args[] = { "--version", "--info", "--export=wheel", output_arg, project, NULL };
  g_autoptr(Run) version = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(Run) run = run_en (cases[i].args);

      g_assert_cmpint (run->status, ==, 1);
      g_assert_cmpstr (run->out, ==, "");
      g_assert_cmpstr (run->err, ==, cases[i].message);
      assert_dir (dir, "demo.upphandla");
    }

  version = run_en (version_args);
  g_assert_cmpint (version->status, ==, 0);
  g_assert_cmpstr (version->out, ==, "upphandla " PACKAGE_VERSION "\n");
  g_assert_cmpstr (version->err, ==, "");
  assert_dir (dir, "demo.upphandla");
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
  if (!test_speak_swedish (GETTEXT_PACKAGE, localedir))
    return;
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

/* --export */

static const char * const chart_names[] = { "wheel", "bars", "matrix", "grid", "report" };

/* The format the file's first bytes say it is: "png", "svg", "pdf" or NULL. */
static const char *
sniff_format (const char *path)
{
  g_autofree char *data = NULL;
  gsize size = 0;

  if (!g_file_get_contents (path, &data, &size, NULL))
    return NULL;
  if (size > 8 && memcmp (data, "\x89PNG\r\n\x1a\n", 8) == 0)
    return "png";
  if (size > 5 && memcmp (data, "%PDF-", 5) == 0)
    return "pdf";
  if (strstr (data, "<svg") != NULL)
    return "svg";
  return NULL;
}

/* pdfinfo's Title of @path. */
static char *
pdf_title (const char *path)
{
  const char *argv[] = { "pdfinfo", "-enc", "UTF-8", path, NULL };
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &status, NULL));
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], "Title:"))
      return g_strstrip (g_strdup (lines[i] + strlen ("Title:")));
  return NULL;
}

static void
test_export (void)
{
  g_autofree char *project = write_demo ("demo.upphandla");
  g_autofree char *dir = g_path_get_dirname (project);
  const char *formats[] = { "png", "svg", "pdf" };

  for (guint k = 0; k < G_N_ELEMENTS (chart_names); k++)
    for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
      {
        g_autofree char *name = g_strdup_printf ("%s.%s", chart_names[k], formats[f]);
        g_autofree char *output = g_build_filename (dir, name, NULL);
        g_autofree char *export_arg = g_strconcat ("--export=", chart_names[k], NULL);
        g_autofree char *format_arg = g_strconcat ("--format=", formats[f], NULL);
        g_autofree char *output_arg = g_strconcat ("--output=", output, NULL);
        const char *args[] = { export_arg, format_arg, "--lang=sv", output_arg, project, NULL };
        g_autoptr(Run) run = run_en (args);

        g_assert_cmpint (run->status, ==, 0);
        g_assert_cmpstr (run->out, ==, "");
        g_assert_cmpstr (run->err, ==, "");
        g_assert_cmpstr (sniff_format (output), ==, formats[f]);
      }

  /* the exports and the project, nothing else */
  assert_dir (dir,
              "bars.pdf/bars.png/bars.svg/demo.upphandla/grid.pdf/grid.png/grid.svg/"
              "matrix.pdf/matrix.png/matrix.svg/report.pdf/report.png/report.svg/"
              "wheel.pdf/wheel.png/wheel.svg");
}

/* Without --format the output's extension decides, else PNG; without
 * --lang the language of the UI, if it is Swedish or English. */
/* --slide lays the chart out for a slide, its legend and key beside it:
 * the wheel at --png-width=1920 is then a PNG within a Full HD slide's
 * 1920 × 1080, where laid out as a page it was 1920 × 3061, taller than
 * wide, and came down to a third on the slide. */
static void
test_export_slide (void)
{
  g_autofree char *project = write_demo ("demo.upphandla");
  g_autofree char *dir = g_path_get_dirname (project);

  for (guint slide = 0; slide < 2; slide++)
    {
      g_autofree char *output = g_build_filename (dir, slide ? "wheel-slide.png" : "wheel-page.png", NULL);
      g_autofree char *output_arg = g_strconcat ("--output=", output, NULL);
      const char *args[] = { "--export=wheel", "--png-width=1920", output_arg, project,
                             slide ? "--slide" : NULL, NULL };
      g_autoptr(Run) run = run_en (args);
      cairo_surface_t *image;
      int width, height;

      g_assert_cmpint (run->status, ==, 0);
      image = cairo_image_surface_create_from_png (output);
      g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
      width = cairo_image_surface_get_width (image);
      height = cairo_image_surface_get_height (image);
      cairo_surface_destroy (image);
      g_assert_cmpint (width, ==, 1920);
      if (slide)
        g_assert_cmpint (height, <=, 1080);
      else
        g_assert_cmpint (height, >, width);
    }
}

/* The size of the first page of the PDF at @path, in points (pdfinfo). */
static void
pdf_page_size (const char *path,
               double     *width,
               double     *height)
{
  const char *argv[] = { "pdfinfo", path, NULL };
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;
  int status = 0;

  *width = *height = 0;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &status, NULL));
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], "Page size:"))
      {
        char *end = NULL;

        *width = g_ascii_strtod (lines[i] + strlen ("Page size:"), &end);
        while (*end == ' ' || *end == 'x')
          end++;
        *height = g_ascii_strtod (end, NULL);
      }
  g_assert_cmpfloat (*width, >, 0);
  g_assert_cmpfloat (*height, >, 0);
}

/* Exports @kind of @project with @args, as @name in @dir, and returns the
 * file's path. */
static char *
export_to (const char *project,
           const char *dir,
           const char *kind,
           const char *lang,
           const char *name,
           const char *arg1,
           const char *arg2)
{
  char *output = g_build_filename (dir, name, NULL);
  g_autofree char *export_arg = g_strconcat ("--export=", kind, NULL);
  g_autofree char *lang_arg = g_strconcat ("--lang=", lang, NULL);
  g_autofree char *output_arg = g_strconcat ("--output=", output, NULL);
  const char *args[] = { export_arg, lang_arg, output_arg, project, arg1, arg2, NULL };
  g_autoptr(Run) run = run_en (args);

  g_assert_cmpint (run->status, ==, 0);
  g_assert_cmpstr (run->err, ==, "");
  return output;
}

/* --slide --png-width=1920 keeps every chart within the Full HD slide it
 * is made for, as large as fits, as the help says and as the dialog's
 * "Slide, Full HD" does: the report, which stays a page on a slide, came
 * out 1920 × 1358, taller than the slide, which a projector showed at
 * 1527 pixels wide with its header and foot cut or shrunk. */
static void
test_export_slide_every_kind (void)
{
  g_autofree char *project = write_demo ("demo.upphandla");
  g_autofree char *dir = g_path_get_dirname (project);
  static const char * const kinds[] = { "wheel", "bars", "matrix", "grid", "timeline", "report" };

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autofree char *name = g_strdup_printf ("%s-slide.png", kinds[k]);
      g_autofree char *png = export_to (project, dir, kinds[k], "sv", name, "--slide", "--png-width=1920");
      cairo_surface_t *image = cairo_image_surface_create_from_png (png);
      int width, height;

      g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
      width = cairo_image_surface_get_width (image);
      height = cairo_image_surface_get_height (image);
      cairo_surface_destroy (image);
      g_test_message ("%s: %d × %d px", kinds[k], width, height);
      g_assert_cmpint (width, <=, 1920);
      g_assert_cmpint (height, <=, 1080);
      g_assert_true (width == 1920 || height >= 1078);
    }
}

/* --slide chooses the layout that shows the chart larger on a slide of
 * 16:9, as the export dialog's "Slide" sizes do: the matrix of the demo,
 * wider than tall, beside the legend and the key of a slide was 1394.7 pt
 * wide, its titles some 13 pixels high at --png-width=1920, where its
 * page's layout shows them at 18 on the same Full HD screen. Laid out as
 * a page, its PNG keeps within the slide (1920 × 1080); the matrix of a
 * long plan, taller, keeps the slide's layout, as wide as the slide. */
static void
test_export_slide_layout (void)
{
  g_autofree char *project = write_demo ("demo.upphandla");
  g_autofree char *dir = g_path_get_dirname (project);
  static const char * const langs[] = { "en", "sv" };

  if (!test_have_program ("pdfinfo"))
    {
      g_test_skip ("pdfinfo is not installed (tools/setup installs it)");
      return;
    }

  for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
    {
      g_autofree char *png_name = g_strdup_printf ("matrix-slide-%s.png", langs[l]);
      g_autofree char *pdf_name = g_strdup_printf ("matrix-slide-%s.pdf", langs[l]);
      g_autofree char *page_name = g_strdup_printf ("matrix-page-%s.pdf", langs[l]);
      g_autofree char *png = export_to (project, dir, "matrix", langs[l], png_name, "--slide", "--png-width=1920");
      g_autofree char *pdf = export_to (project, dir, "matrix", langs[l], pdf_name, "--slide", NULL);
      g_autofree char *page = export_to (project, dir, "matrix", langs[l], page_name, NULL, NULL);
      cairo_surface_t *image = cairo_image_surface_create_from_png (png);
      int png_width, png_height;
      double width, height, page_width, page_height, slide_px, page_px;

      g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
      png_width = cairo_image_surface_get_width (image);
      png_height = cairo_image_surface_get_height (image);
      cairo_surface_destroy (image);
      /* The PDF of --slide is slides of 16:9, the chart in the middle of
       * each: a screen of 1920 pixels shows it as the PNG within the
       * slide, at 1920 / width px/pt. */
      pdf_page_size (pdf, &width, &height);
      pdf_page_size (page, &page_width, &page_height);
      g_assert_cmpfloat_with_epsilon (height, width * 9 / 16, 0.5);
      slide_px = 1920 / width;
      page_px = MIN (1920 / page_width, 1080 / page_height);
      g_test_message ("%s: --slide --png-width=1920 %d × %d px, %.2f px/pt (%.0f × %.0f pt); the page's layout "
                      "in 1920 × 1080 %.2f px/pt: a title of 9.5 pt %.1f px high against %.1f",
                      langs[l], png_width, png_height, slide_px, width, height, page_px, 9.5 * slide_px,
                      9.5 * page_px);
      g_assert_cmpint (png_width, <=, 1920);
      g_assert_cmpint (png_height, <=, 1080);
      g_assert_true (png_width == 1920 || png_height >= 1078);
      g_assert_cmpfloat (slide_px, >=, 0.99 * page_px);
    }

  /* a long plan: the slide's own layout, as wide as the slide */
  {
    g_autoptr(UpProject) long_plan = test_long_project (40);
    g_autoptr(GError) error = NULL;
    g_autoptr(GBytes) bytes = up_store_serialize (up_project_get_store (long_plan), &error);
    g_autofree char *path = g_build_filename (dir, "long.upphandla", NULL);
    g_autofree char *png = NULL;
    g_autofree char *pdf = NULL;
    g_autofree char *page = NULL;
    double width, height, page_width, page_height;

    g_assert_no_error (error);
    g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL));
    png = export_to (path, dir, "matrix", "en", "long-slide.png", "--slide", "--png-width=1920");
    pdf = export_to (path, dir, "matrix", "en", "long-slide.pdf", "--slide", NULL);
    page = export_to (path, dir, "matrix", "en", "long-page.pdf", NULL, NULL);
    pdf_page_size (pdf, &width, &height);
    pdf_page_size (page, &page_width, &page_height);
    g_test_message ("a plan of 40 stages: the slide %.0f × %.0f pt, the page %.0f × %.0f pt", width, height,
                    page_width, page_height);
    /* the legend and the key beside the rows, not under them (the page's
     * layout is pages of A4 landscape) */
    g_assert_cmpfloat (width, >, page_width + 200);
    {
      cairo_surface_t *image = cairo_image_surface_create_from_png (png);
      int png_width = cairo_image_surface_get_width (image);
      int png_height = cairo_image_surface_get_height (image);

      g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
      cairo_surface_destroy (image);
      /* within the slide, as large as fits */
      g_assert_cmpint (png_width, <=, 1920);
      g_assert_cmpint (png_height, <=, 1080);
      g_assert_true (png_width == 1920 || png_height >= 1078);
    }
  }
}

static void
test_export_defaults (void)
{
  g_autofree char *project = write_demo ("demo.upphandla");
  g_autofree char *dir = g_path_get_dirname (project);
  static const struct { const char *name; const char *format; } cases[] = {
    { "wheel.svg", "svg" }, { "wheel.PDF", "pdf" }, { "wheel.png", "png" },
    { "wheel", "png" }, { "wheel.txt", "png" }, { "wheel.svg.bak", "png" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *output = g_build_filename (dir, cases[i].name, NULL);
      g_autofree char *output_arg = g_strconcat ("--output=", output, NULL);
      const char *args[] = { "--export=wheel", output_arg, project, NULL };
      g_autoptr(Run) run = run_en (args);

      g_assert_cmpint (run->status, ==, 0);
      g_assert_cmpstr (sniff_format (output), ==, cases[i].format);
    }

  /* --format wins over the extension, and takes a name in any case as the
   * extension does */
  for (guint i = 0; i < 2; i++)
    {
      const char *format_arg = i == 0 ? "--format=PDF" : "--format=Svg";
      g_autofree char *output = g_build_filename (dir, "upper-case.png", NULL);
      g_autofree char *output_arg = g_strconcat ("--output=", output, NULL);
      const char *args[] = { "--export=bars", format_arg, output_arg, project, NULL };
      g_autoptr(Run) run = run_en (args);

      g_assert_cmpint (run->status, ==, 0);
      g_assert_cmpstr (sniff_format (output), ==, i == 0 ? "pdf" : "svg");
    }
  {
    g_autofree char *output = g_build_filename (dir, "really-a-pdf.png", NULL);
    g_autofree char *output_arg = g_strconcat ("--output=", output, NULL);
    const char *args[] = { "--export=bars", "--format=pdf", output_arg, project, NULL };
    g_autoptr(Run) run = run_en (args);

    g_assert_cmpint (run->status, ==, 0);
    g_assert_cmpstr (sniff_format (output), ==, "pdf");
  }

  if (!test_have_program ("pdfinfo"))
    {
      g_test_skip ("pdfinfo is not installed (tools/setup installs it)");
      return;
    }

  /* the language: the PDF's title is the chart's title in it */
  {
    static const struct { const char *lang; const char *language; const char *arg; UpLang expected; } langs[] = {
      { "sv_SE.UTF-8", "sv", NULL, UP_LANG_SV },
      { "en_US.UTF-8", "en", NULL, UP_LANG_EN },
      /* a language the app has no catalogue for exports in English */
      { "C.UTF-8", "de", NULL, UP_LANG_EN },
      /* --lang wins over the UI */
      { "sv_SE.UTF-8", "sv", "--lang=en", UP_LANG_EN },
      { "en_US.UTF-8", "en", "--lang=sv", UP_LANG_SV },
    };

    for (guint i = 0; i < G_N_ELEMENTS (langs); i++)
      {
        g_autofree char *name = g_strdup_printf ("report-%u.pdf", i);
        g_autofree char *output = g_build_filename (dir, name, NULL);
        g_autofree char *output_arg = g_strconcat ("--output=", output, NULL);
        const char *args[] = { "--export=report", output_arg, project, NULL, NULL };
        g_autoptr(Run) run = NULL;
        g_autofree char *title = NULL;
        const char *expected = up_chart_kind_get_title (UP_CHART_REPORT, langs[i].expected);
        const char *other = up_chart_kind_get_title (UP_CHART_REPORT,
                                                     langs[i].expected == UP_LANG_SV ? UP_LANG_EN : UP_LANG_SV);

        if (langs[i].arg != NULL)
          {
            args[2] = langs[i].arg;
            args[3] = project;
          }
        run = run_app (args, langs[i].lang, langs[i].language);
        g_assert_cmpint (run->status, ==, 0);
        title = pdf_title (output);
        g_test_message ("%s / %s: %s", langs[i].language, langs[i].arg, title);
        g_assert_nonnull (title);
        g_assert_true (g_str_has_prefix (title, expected));
        if (strcmp (expected, other) != 0)
          g_assert_false (g_str_has_prefix (title, other));
      }
  }
}

static void
test_export_local_goal (void)
{
  g_autofree char *project_path = write_demo ("demo.upphandla");
  g_autofree char *dir = g_path_get_dirname (project_path);
  g_autofree char *output = g_build_filename (dir, "wheel.pdf", NULL);
  g_autofree char *output_arg = g_strconcat ("--output=", output, NULL);
  g_autoptr(UpProject) project = open_project (project_path);
  g_autoptr(UpLocalGoal) goal = g_list_model_get_item (up_project_get_local_goals (project), 0);
  g_autofree char *goal_arg = g_strdup_printf ("--local-goal=%" G_GINT64_FORMAT,
                                               up_record_get_id (UP_RECORD (goal)));
  const char *args[] = { "--export=wheel", goal_arg, output_arg, project_path, NULL };
  const char *missing_args[] = { "--export=wheel", "--local-goal=4242", output_arg, project_path, NULL };
  g_autoptr(Run) run = run_en (args);
  g_autoptr(Run) missing = NULL;

  g_assert_cmpint (run->status, ==, 0);
  g_assert_cmpstr (run->err, ==, "");
  g_assert_cmpstr (sniff_format (output), ==, "pdf");

  g_assert_true (g_unlink (output) == 0);
  missing = run_en (missing_args);
  g_assert_cmpint (missing->status, ==, 1);
  g_assert_nonnull (strstr (missing->err, "4242"));
  g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));
}

/* Every wrong use ends with status 1, a message that names the problem,
 * nothing on stdout and no output file. */
static void
test_export_errors (void)
{
  g_autofree char *project = write_demo ("demo.upphandla");
  g_autofree char *dir = g_path_get_dirname (project);
  g_autofree char *output = g_build_filename (dir, "out.png", NULL);
  g_autofree char *output_arg = g_strconcat ("--output=", output, NULL);
  g_autofree char *no_folder = g_build_filename (dir, "no such folder", "out.png", NULL);
  g_autofree char *no_folder_arg = g_strconcat ("--output=", no_folder, NULL);
  g_autofree char *self_arg = g_strconcat ("--output=", project, NULL);
  g_autofree char *ics = g_build_filename (dir, "plan.ics", NULL);
  g_autofree char *ics_arg = g_strconcat ("--output=", ics, NULL);
  g_autofree char *svg_arg = g_strconcat ("--output=", dir, "/plan.svg", NULL);
  g_autofree char *pdf_arg = g_strconcat ("--output=", dir, "/plan.PDF", NULL);
  g_autofree char *csv_arg = g_strconcat ("--output=", dir, "/plan.Csv", NULL);
  g_autofree char *project_before = NULL;
  g_autofree char *project_after = NULL;
  gsize before_size, after_size;
  const struct {
    const char *args[7];
    const char *message_part;
  } cases[] = {
    { { "--export=pie", output_arg, project }, "“pie”" },
    { { "--export=", output_arg, project },
      "wheel, bars, matrix, grid, timeline, report, notes, stakeholders, or calendar" },
    { { "--export=wheel", "--format=jpeg", output_arg, project }, "“jpeg”" },
    { { "--export=wheel", "--lang=de", output_arg, project }, "“de”" },
    { { "--export=wheel", project }, "--output" },
    { { "--export=wheel", "--output=", project }, "--output" },
    { { "--export=wheel", "--png-width=15", output_arg, project }, "--png-width=15" },
    { { "--export=wheel", "--png-width=10001", output_arg, project }, "16 to 10000" },
    { { "--export=wheel", "--png-width=-3", output_arg, project }, "--png-width=-3" },
    /* 0 is a width like any other, not "no width given" */
    { { "--export=wheel", "--png-width=0", output_arg, project }, "--png-width=0 is out of range" },
    { { "--export=wheel", "--png-width=wide", output_arg, project }, "--png-width=wide is not a width" },
    { { "--export=wheel", "--png-width=99999999999", output_arg, project }, "16 to 10000" },
    /* and 0 is an id like any other, not "the whole project" */
    { { "--export=wheel", "--local-goal=0", output_arg, project }, "goal with the id 0." },
    { { "--export=wheel", "--local-goal=one", output_arg, project }, "goal with the id one." },
    /* the grid is the project's stakeholders, whatever the goal: it was
     * written as if --local-goal were not there */
    { { "--export=grid", "--local-goal=1", output_arg, project }, "--local-goal does not apply to the grid" },
    /* an SVG or a PDF has no width in pixels: it was written at its own
     * size as if --png-width were not there */
    { { "--export=wheel", "--format=svg", "--png-width=600", output_arg, project }, "--png-width applies only to a PNG" },
    { { "--export=wheel", output_arg }, "project file" },
    { { "--export=wheel", output_arg, project, project }, "one project file" },
    { { "--export=wheel", no_folder_arg, project }, "folder does not exist" },
    { { "--export=wheel", self_arg, project }, "project file itself" },
    { { "--format=svg", project }, "--format works only together with --export" },
    { { "--output=x.png", project }, "--output works only together with --export" },
    { { "--lang=sv", "--info", project }, "--lang works only together with --export" },
    { { "--separator=semicolon", project }, "--separator works only together with --export" },
    { { "--slide", project }, "--slide works only together with --export" },
    /* the notes are a table: no chart's layout, format or extension */
    { { "--export=notes", "--png-width=600", output_arg, project }, "--png-width applies only to a chart" },
    { { "--export=notes", "--slide", output_arg, project }, "--slide applies only to a chart" },
    { { "--export=notes", "--local-goal=1", output_arg, project }, "--local-goal applies only to a chart" },
    { { "--export=notes", output_arg, project }, "exported as CSV tables" },
    { { "--export=notes", "--format=pdf", output_arg, project }, "exported as CSV tables" },
    { { "--export=stakeholders", "--format=svg", output_arg, project }, "exported as CSV tables" },
    { { "--export=stakeholders", "--slide", output_arg, project }, "--slide applies only to a chart" },
    { { "--export=notes", "--separator=tab", output_arg, project }, "no separator “tab”" },
    { { "--export=wheel", "--separator=semicolon", output_arg, project }, "--separator applies only to a table" },
    /* the calendar is a list of events: no chart's layout, no table's
     * separator, no other format or extension */
    { { "--export=calendar", "--png-width=600", ics_arg, project },
      "--png-width applies only to a chart, not to --export=calendar.\n" },
    { { "--export=calendar", "--slide", ics_arg, project },
      "--slide applies only to a chart, not to --export=calendar.\n" },
    { { "--export=calendar", "--local-goal=1", ics_arg, project },
      "--local-goal applies only to a chart, not to --export=calendar.\n" },
    { { "--export=calendar", "--separator=semicolon", ics_arg, project },
      "--separator applies only to a table: --export=notes or stakeholders.\n" },
    { { "--export=calendar", "--format=csv", ics_arg, project }, "The calendar is exported as an iCalendar file: " },
    { { "--export=calendar", "--format=png", ics_arg, project }, "The calendar is exported as an iCalendar file: " },
    { { "--export=calendar", "--format=ical", ics_arg, project }, "The calendar is exported as an iCalendar file: " },
    { { "--export=calendar", output_arg, project }, "The calendar is exported as an iCalendar file: " },
    { { "--export=calendar", svg_arg, project }, "The calendar is exported as an iCalendar file: " },
    { { "--export=calendar", pdf_arg, project }, "The calendar is exported as an iCalendar file: " },
    { { "--export=calendar", csv_arg, project }, "The calendar is exported as an iCalendar file: " },
    { { "--export=calendar", "--lang=de", ics_arg, project }, "“de”" },
    { { "--export=calendar", project }, "--output" },
    { { "--export=calendar", ics_arg }, "project file" },
  };

  g_assert_true (g_file_get_contents (project, &project_before, &before_size, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(Run) run = run_en (cases[i].args);

      g_assert_cmpint (run->status, ==, 1);
      g_assert_cmpstr (run->out, ==, "");
      if (strstr (run->err, cases[i].message_part) == NULL)
        g_error ("case %u: “%s” is not in: %s", i, cases[i].message_part, run->err);
      /* one line, ending in a newline */
      g_assert_true (g_str_has_suffix (run->err, "\n"));
      g_assert_true (strchr (run->err, '\n') == run->err + strlen (run->err) - 1);
      g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));
    }

  g_assert_true (g_file_get_contents (project, &project_after, &after_size, NULL));
  g_assert_cmpuint (before_size, ==, after_size);
  g_assert_cmpint (memcmp (project_before, project_after, before_size), ==, 0);
  assert_dir (dir, "demo.upphandla");
}

/* Runs the export of a table @args asks for: @output is @expected, its
 * first line beginning with @header; then it is removed. */
static void
assert_table_export (const char **args,
                     const char  *output,
                     GBytes      *expected,
                     const char  *header)
{
  g_autoptr(Run) run = run_en (args);
  g_autofree char *contents = NULL;
  g_autofree char *with_bom = g_strconcat ("\xef\xbb\xbf", header, NULL);
  gsize length;

  g_assert_cmpint (run->status, ==, 0);
  g_assert_cmpstr (run->err, ==, "");
  g_assert_true (g_file_get_contents (output, &contents, &length, NULL));
  g_assert_cmpmem (contents, length, g_bytes_get_data (expected, NULL), g_bytes_get_size (expected));
  g_assert_true (g_str_has_prefix (contents, with_bom));
  g_assert_cmpint (g_unlink (output), ==, 0);
}

/* --export=notes writes every note as the app's Export Notes does, in
 * the language asked for; "CSV" or no --format at all. */
static void
test_export_notes (void)
{
  g_autofree char *project_path = write_demo ("demo.upphandla");
  g_autofree char *dir = g_path_get_dirname (project_path);
  g_autofree char *output = g_build_filename (dir, "anteckningar.csv", NULL);
  g_autofree char *output_arg = g_strconcat ("--output=", output, NULL);
  g_autoptr(GFile) project_file = g_file_new_for_path (project_path);
  g_autoptr(UpProject) project = NULL;
  g_autoptr(GError) error = NULL;
  const char *formats[] = { NULL, "--format=CSV" };

  project = up_project_open (project_file, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      const char *args[] = { "--export=notes", "--lang=en", output_arg, project_path, NULL, NULL };
      g_autoptr(Run) run = NULL;
      g_autoptr(GBytes) expected = up_export_notes_csv (project, NULL, UP_LANG_EN, ',');
      g_autofree char *contents = NULL;
      gsize length;

      if (formats[i] != NULL)
        {
          args[4] = args[3];
          args[3] = formats[i];
        }
      run = run_en (args);
      g_assert_cmpint (run->status, ==, 0);
      g_assert_cmpstr (run->err, ==, "");
      g_assert_true (g_file_get_contents (output, &contents, &length, NULL));
      g_assert_cmpmem (contents, length, g_bytes_get_data (expected, NULL), g_bytes_get_size (expected));
      /* the demo's twenty notes and a line of the columns' names */
      g_assert_cmpuint (g_list_model_get_n_items (up_project_get_notes (project)), ==, 20);
      g_assert_true (g_str_has_prefix (contents, "\xef\xbb\xbfSaid On,Kind,"));
      g_assert_cmpint (g_unlink (output), ==, 0);
    }

  /* apart by semicolons, for a Swedish Excel; "," and ";" are taken too */
  for (guint i = 0; i < 2; i++)
    {
      const char *args[] = { "--export=notes", "--lang=en", i == 0 ? "--separator=semicolon" : "--separator=;",
                             output_arg, project_path, NULL };
      g_autoptr(GBytes) expected = up_export_notes_csv (project, NULL, UP_LANG_EN, ';');

      assert_table_export (args, output, expected, "Said On;Kind;");
    }
  /* the register, as Export Stakeholders writes it */
  {
    const char *args[] = { "--export=stakeholders", "--lang=en", "--separator=semicolon", output_arg,
                           project_path, NULL };
    g_autoptr(GBytes) expected = up_export_stakeholders_csv (project, NULL, UP_LANG_EN, ';');

    assert_table_export (args, output, expected, "Name;Organisation;Category;");
  }
  {
    const char *args[] = { "--export=notes", "--lang=en", "--separator=,", output_arg, project_path, NULL };
    g_autoptr(Run) run = run_en (args);
    g_autofree char *contents = NULL;

    g_assert_cmpint (run->status, ==, 0);
    g_assert_true (g_file_get_contents (output, &contents, NULL, NULL));
    g_assert_true (g_str_has_prefix (contents, "\xef\xbb\xbfSaid On,Kind,"));
  }
}

/* @ics without its DTSTAMP lines, which say when it was made; the
 * number of its events in @n_events. */
static char *
calendar_without_stamps (const char *ics,
                         gsize       length,
                         guint      *n_events)
{
  g_autofree char *text = g_strndup (ics, length);
  g_auto(GStrv) lines = g_strsplit (text, "\r\n", -1);
  g_autoptr(GString) rest = g_string_new (NULL);

  *n_events = 0;
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_str_equal (lines[i], "BEGIN:VEVENT"))
        (*n_events)++;
      if (!g_str_has_prefix (lines[i], "DTSTAMP:"))
        g_string_append_printf (rest, "%s\n", lines[i]);
    }
  return g_string_free (g_steal_pointer (&rest), FALSE);
}

/* Runs @args, an export of the calendar to @output: it is what
 * up_export_calendar_ics() makes of @project in @lang (but for when it
 * was made), an event for each of the project's stages; then it is
 * removed. */
static void
assert_calendar_export (const char **args,
                        const char  *output,
                        UpProject   *project,
                        UpLang       lang)
{
  g_autoptr(Run) run = run_en (args);
  g_autoptr(GBytes) expected = up_export_calendar_ics (project, lang, NULL, NULL);
  g_autofree char *expected_text = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *contents_text = NULL;
  guint n_expected, n_events;
  gsize length;

  g_assert_cmpint (run->status, ==, 0);
  g_assert_cmpstr (run->out, ==, "");
  g_assert_cmpstr (run->err, ==, "");
  g_assert_true (g_file_get_contents (output, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
  g_assert_true (g_str_has_suffix (contents, "\r\nEND:VCALENDAR\r\n"));
  contents_text = calendar_without_stamps (contents, length, &n_events);
  expected_text = calendar_without_stamps (g_bytes_get_data (expected, NULL), g_bytes_get_size (expected),
                                           &n_expected);
  g_assert_cmpstr (contents_text, ==, expected_text);
  g_assert_cmpuint (n_events, ==, g_list_model_get_n_items (up_project_get_stages (project)));
  g_assert_cmpuint (n_events, ==, n_expected);
  g_assert_cmpint (g_unlink (output), ==, 0);
}

/* --export=calendar writes the stages as the app's Export to Calendar
 * does, an event for each, in the language asked for: with --format=ics
 * (any case) or none, to a file named anything but a picture or a
 * table. */
static void
test_export_calendar (void)
{
  g_autofree char *project_path = write_demo ("demo.upphandla");
  g_autofree char *dir = g_path_get_dirname (project_path);
  g_autofree char *output = g_build_filename (dir, "plan.ics", NULL);
  g_autofree char *output_arg = g_strconcat ("--output=", output, NULL);
  g_autofree char *bare = g_build_filename (dir, "plan", NULL);
  g_autofree char *bare_arg = g_strconcat ("--output=", bare, NULL);
  g_autoptr(UpProject) project = open_project (project_path);

  /* the demo's plan, every stage of it */
  g_assert_cmpuint (g_list_model_get_n_items (up_project_get_stages (project)), >=, 10);
  {
    const char *args[] = { "--export=calendar", "--lang=en", output_arg, project_path, NULL };

    assert_calendar_export (args, output, project, UP_LANG_EN);
  }
  {
    const char *args[] = { "--export=calendar", "--format=ics", "--lang=en", output_arg, project_path, NULL };

    assert_calendar_export (args, output, project, UP_LANG_EN);
  }
  {
    const char *args[] = { "--export=calendar", "--format=ICS", "--lang=en", bare_arg, project_path, NULL };

    assert_calendar_export (args, bare, project, UP_LANG_EN);
  }
  assert_dir (dir, "demo.upphandla");

  /* in Swedish: the kinds of the stages as the Swedish catalogue has them */
  if (!up_lang_is_available (UP_LANG_SV))
    {
      g_test_message ("the Swedish catalogue is not built: --lang=sv not checked");
      return;
    }
  {
    const char *args[] = { "--export=calendar", "--lang=sv", output_arg, project_path, NULL };
    g_autoptr(Run) run = run_en (args);
    g_autofree char *contents = NULL;
    GListModel *stages = up_project_get_stages (project);
    guint n_swedish = 0;

    g_assert_cmpint (run->status, ==, 0);
    g_assert_true (g_file_get_contents (output, &contents, NULL, NULL));
    g_assert_nonnull (strstr (contents, "//SV\r\n"));
    for (guint i = 0; i < g_list_model_get_n_items (stages); i++)
      {
        g_autoptr(UpStage) stage = g_list_model_get_item (stages, i);
        const char *kind = up_stage_get_kind (stage);
        const char *swedish = up_enum_label_in (up_stage_kinds, kind, UP_LANG_SV);
        g_autofree char *line = g_strconcat ("\r\nDESCRIPTION:", swedish, " · ", NULL);

        if (strstr (contents, line) == NULL)
          g_error ("no “%s” in the Swedish calendar", line + 2);
        if (!g_str_equal (swedish, up_enum_label_in (up_stage_kinds, kind, UP_LANG_EN)))
          n_swedish++;
      }
    /* not the English labels under another name */
    g_assert_cmpuint (n_swedish, >, 0);
    g_assert_null (strstr (contents, "\r\nDESCRIPTION:Market dialogue · "));
    g_assert_cmpint (g_unlink (output), ==, 0);

    {
      const char *sv_args[] = { "--export=calendar", "--lang=sv", output_arg, project_path, NULL };

      assert_calendar_export (sv_args, output, project, UP_LANG_SV);
    }
  }
}

/* The project itself is never the output, whatever the path that leads to
 * it: a symbolic link either way, a hard link, a detour through "..". */
static void
test_export_same_file (void)
{
  g_autofree char *project = write_demo ("self.upphandla");
  g_autofree char *dir = g_path_get_dirname (project);
  g_autofree char *dir_name = g_path_get_basename (dir);
  g_autofree char *link_png = g_build_filename (dir, "link.png", NULL);
  g_autofree char *link_project = g_build_filename (dir, "link.upphandla", NULL);
  g_autofree char *hard_link = g_build_filename (dir, "hard.png", NULL);
  g_autofree char *detour = g_build_filename (dir, "..", dir_name, "self.upphandla", NULL);
  g_autofree char *before = NULL;
  gsize before_size;
  const struct {
    const char *output;
    const char *project;
  } cases[] = {
    { link_png, project },
    { project, link_project },
    { hard_link, project },
    { hard_link, link_project },
    { detour, project },
  };

  g_assert_true (g_file_get_contents (project, &before, &before_size, NULL));
  g_assert_cmpint (symlink ("self.upphandla", link_png), ==, 0);
  g_assert_cmpint (symlink ("self.upphandla", link_project), ==, 0);
  g_assert_cmpint (link (project, hard_link), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *output_arg = g_strconcat ("--output=", cases[i].output, NULL);
      const char *args[] = { "--export=wheel", "--format=png", output_arg, cases[i].project, NULL };
      g_autoptr(Run) run = run_en (args);
      g_autofree char *after = NULL;
      gsize after_size;

      g_assert_cmpint (run->status, ==, 1);
      g_assert_cmpstr (run->out, ==, "");
      g_assert_cmpstr (run->err, ==, "The export would replace the project file itself. Choose another --output.\n");
      g_assert_true (g_file_get_contents (project, &after, &after_size, NULL));
      g_assert_cmpuint (before_size, ==, after_size);
      g_assert_cmpint (memcmp (before, after, before_size), ==, 0);
      g_assert_true (g_file_test (link_png, G_FILE_TEST_IS_SYMLINK));
      g_assert_true (g_file_test (link_project, G_FILE_TEST_IS_SYMLINK));
    }
  assert_dir (dir, "hard.png/link.png/link.upphandla/self.upphandla");
}

/* The width of the PNG at @path, from its header; 0 if it is no PNG. */
static guint
png_width_of (const char *path)
{
  g_autofree guchar *data = NULL;
  gsize size = 0;

  if (!g_file_get_contents (path, (char **) &data, &size, NULL) || size < 24 ||
      memcmp (data, "\x89PNG\r\n\x1a\n", 8) != 0)
    return 0;
  /* IHDR: the width is the big-endian word at offset 16 */
  return (guint) data[16] << 24 | (guint) data[17] << 16 | (guint) data[18] << 8 | data[19];
}

/* A chart taller than it is wide cannot be 10000 pixels wide (the image
 * would pass the memory limit): the message says how wide it can be, and
 * that width works. */
static void
test_export_png_width_max (void)
{
  g_autofree char *project = write_demo ("demo.upphandla");
  g_autofree char *dir = g_path_get_dirname (project);
  g_autofree char *output = g_build_filename (dir, "wheel.png", NULL);
  g_autofree char *output_arg = g_strconcat ("--output=", output, NULL);
  const char *too_wide_args[] = { "--export=wheel", "--png-width=10000", output_arg, project, NULL };
  g_autoptr(Run) too_wide = run_en (too_wide_args);
  g_autoptr(Run) widest = NULL;
  g_autoptr(Run) one_more = NULL;
  g_autofree char *widest_arg = NULL;
  g_autofree char *one_more_arg = NULL;
  g_autofree char *expected = NULL;
  const char *prefix = "--png-width=10000 is too large for this chart: its PNG can be at most ";
  guint64 max = 0;

  g_assert_cmpint (too_wide->status, ==, 1);
  g_assert_cmpstr (too_wide->out, ==, "");
  if (!g_str_has_prefix (too_wide->err, prefix))
    g_error ("“%s” does not start with “%s”", too_wide->err, prefix);
  max = g_ascii_strtoull (too_wide->err + strlen (prefix), NULL, 10);
  g_assert_cmpuint (max, >=, UP_EXPORT_PNG_WIDTH_MIN);
  g_assert_cmpuint (max, <, UP_EXPORT_PNG_WIDTH_MAX);
  expected = g_strdup_printf ("%s%" G_GUINT64_FORMAT " pixels wide.\n", prefix, max);
  g_assert_cmpstr (too_wide->err, ==, expected);
  g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));

  one_more_arg = g_strdup_printf ("--png-width=%" G_GUINT64_FORMAT, max + 1);
  {
    const char *args[] = { "--export=wheel", one_more_arg, output_arg, project, NULL };

    one_more = run_en (args);
    g_assert_cmpint (one_more->status, ==, 1);
    g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));
  }

  widest_arg = g_strdup_printf ("--png-width=%" G_GUINT64_FORMAT, max);
  {
    const char *args[] = { "--export=wheel", widest_arg, output_arg, project, NULL };

    widest = run_en (args);
    g_assert_cmpint (widest->status, ==, 0);
    g_assert_cmpstr (widest->err, ==, "");
    g_assert_cmpuint (png_width_of (output), ==, max);
  }

  /* a chart wider than it is tall has the whole range */
  {
    const char *args[] = { "--export=matrix", "--png-width=10000", output_arg, project, NULL };
    g_autoptr(Run) run = run_en (args);

    g_assert_cmpint (run->status, ==, 0);
    g_assert_cmpuint (png_width_of (output), ==, 10000);
  }
  g_assert_cmpint (g_unlink (output), ==, 0);
}

static void
test_export_bad_project (void)
{
  g_autofree char *text = new_path ("notes.upphandla");
  g_autofree char *missing = new_path ("missing.upphandla");
  g_autofree char *dir = g_path_get_dirname (text);
  g_autofree char *output = g_build_filename (dir, "wheel.png", NULL);
  g_autofree char *output_arg = g_strconcat ("--output=", output, NULL);
  const char *cases[] = { text, missing };

  g_assert_true (g_file_set_contents (text, "Hello, I am not a project.\n", -1, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *message = store_message (cases[i]);
      g_autofree char *line = g_strconcat (message, "\n", NULL);
      const char *args[] = { "--export=wheel", output_arg, cases[i], NULL };
      g_autoptr(Run) run = run_en (args);

      g_assert_cmpint (run->status, ==, 1);
      g_assert_cmpstr (run->out, ==, "");
      g_assert_cmpstr (run->err, ==, line);
      g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));
    }
}

/* A failed export leaves the file that was there byte for byte. */
static void
test_export_keeps_existing (void)
{
  g_autofree char *project = write_demo ("demo.upphandla");
  g_autofree char *dir = g_path_get_dirname (project);
  g_autofree char *output = g_build_filename (dir, "wheel.png", NULL);
  g_autofree char *output_arg = g_strconcat ("--output=", output, NULL);
  g_autofree char *bad = new_path ("bad.upphandla");
  const char *old = "last week's wheel\n";
  const char *width_args[] = { "--export=wheel", "--png-width=5", output_arg, project, NULL };
  const char *bad_args[] = { "--export=wheel", output_arg, bad, NULL };
  const char *good_args[] = { "--export=wheel", output_arg, project, NULL };

  g_assert_true (g_file_set_contents (bad, "", 0, NULL));
  g_assert_true (g_file_set_contents (output, old, -1, NULL));

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(Run) run = run_en (i == 0 ? width_args : bad_args);
      g_autofree char *contents = NULL;

      g_assert_cmpint (run->status, ==, 1);
      g_assert_true (g_file_get_contents (output, &contents, NULL, NULL));
      g_assert_cmpstr (contents, ==, old);
    }

  /* and a good one replaces it */
  {
    g_autoptr(Run) run = run_en (good_args);

    g_assert_cmpint (run->status, ==, 0);
    g_assert_cmpstr (sniff_format (output), ==, "png");
    assert_dir (dir, "demo.upphandla/wheel.png");
  }
}

static void
test_export_swedish (void)
{
  g_autofree char *project = write_demo ("demo.upphandla");
  g_autofree char *dir = g_path_get_dirname (project);
  g_autofree char *output = g_build_filename (dir, "x.png", NULL);
  g_autofree char *output_arg = g_strconcat ("--output=", output, NULL);
  const char *chart_args[] = { "--export=pie", output_arg, project, NULL };
  const char *width_args[] = { "--export=wheel", "--png-width=12", output_arg, project, NULL };
  const char *help_args[] = { "--help", NULL };
  g_autoptr(Run) chart = NULL;
  g_autoptr(Run) width = NULL;
  g_autoptr(Run) help = NULL;
  const char *localedir = g_getenv ("UPPHANDLA_LOCALEDIR");

  if (localedir == NULL || localedir[0] == '\0')
    {
      g_test_skip ("UPPHANDLA_LOCALEDIR is not set (meson test sets it)");
      return;
    }

  chart = run_app (chart_args, "sv_SE.UTF-8", "sv");
  width = run_app (width_args, "sv_SE.UTF-8", "sv");
  help = run_app (help_args, "sv_SE.UTF-8", "sv");

  g_assert_cmpint (chart->status, ==, 1);
  g_assert_cmpstr (chart->err, ==,
                   "Det finns inget diagram som heter ”pie”. Välj ett av: wheel, bars, matrix, grid, timeline, report, notes, stakeholders eller calendar.\n");
  g_assert_cmpint (width->status, ==, 1);
  g_assert_nonnull (strstr (width->err, "bildpunkter"));
  g_assert_cmpint (help->status, ==, 0);
  g_assert_nonnull (strstr (help->out, "--export=DIAGRAM"));
  g_assert_nonnull (strstr (help->out, "--png-width=BILDPUNKTER"));
  g_assert_nonnull (strstr (help->out, "Exportera ett diagram"));
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
  g_test_add_func ("/cli/no-display", test_no_display);
  g_test_add_func ("/cli/help", test_help);
  g_test_add_func ("/cli/write-demo", test_write_demo);
  g_test_add_func ("/cli/write-demo-errors", test_write_demo_errors);
  g_test_add_func ("/cli/info", test_info);
  g_test_add_func ("/cli/info-bad-file", test_info_bad_file);
  g_test_add_func ("/cli/info-control-characters", test_info_control_characters);
  g_test_add_func ("/cli/info-several", test_info_several);
  g_test_add_func ("/cli/info-no-file", test_info_no_file);
  g_test_add_func ("/cli/info-swedish", test_info_swedish);
  g_test_add_func ("/cli/exclusive-modes", test_exclusive_modes);
  g_test_add_func ("/cli/export", test_export);
  g_test_add_func ("/cli/export-defaults", test_export_defaults);
  g_test_add_func ("/cli/export-slide", test_export_slide);
  g_test_add_func ("/cli/export-slide-layout", test_export_slide_layout);
  g_test_add_func ("/cli/export-slide-every-kind", test_export_slide_every_kind);
  g_test_add_func ("/cli/export-local-goal", test_export_local_goal);
  g_test_add_func ("/cli/export-errors", test_export_errors);
  g_test_add_func ("/cli/export-notes", test_export_notes);
  g_test_add_func ("/cli/export-calendar", test_export_calendar);
  g_test_add_func ("/cli/export-same-file", test_export_same_file);
  g_test_add_func ("/cli/export-png-width-max", test_export_png_width_max);
  g_test_add_func ("/cli/export-bad-project", test_export_bad_project);
  g_test_add_func ("/cli/export-keeps-existing", test_export_keeps_existing);
  g_test_add_func ("/cli/export-swedish", test_export_swedish);
  g_test_add_func ("/cli/export-language-missing", test_export_language_missing);

  status = g_test_run ();
  test_remove_tree (test_root);
  g_free (test_root);
  return status;
}
