/* SPDX-License-Identifier: GPL-3.0-or-later */

/* setresuid() and setresgid() */
#define _GNU_SOURCE

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <grp.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "upphandla.h"
#include "test-common.h"

/* Reliability of the core as the people who use it meet it, no display:
 *
 *   /reliability/two-processes/...  two programs on one file (a network
 *       share), each a child process: neither writes over the other's
 *       saved edits unseen, the second is told, and no edit is lost
 *   /reliability/paths/...          file and folder names with spaces,
 *       quotes, apostrophes, å ä ö, emoji, a leading dash: the API and the
 *       command line (argv, no shell)
 *   /reliability/read-only/file     a 0444 file in a writable folder,
 *       as the user nobody (root ignores permissions)
 *   /reliability/replaced/...       the file replaced or rewritten on disk
 *       by another program while it is open
 *   /reliability/odd-text/...       1 MB of text, emoji, right-to-left,
 *       quotes, format directives, SQL, control characters in every field
 *   /reliability/hostile/...        values the edit API never writes, in a
 *       file made by another program: it opens, reads and takes edits
 *
 * A known bug of the core that a test shows, reported and not yet fixed,
 * makes that test "not ok ... # TODO KNOWN BUG: ..." in the TAP output
 * (an expected failure: the suite stays green); once the bug is fixed the
 * test passes as a plain "ok", and its TODO branch should go.
 *
 * Children are this program run again with "--child MODE ARGS...". A child
 * that checks by itself reports through its exit status: 0, or a number
 * naming the check that failed with the details on its stderr. */


static char *test_root;
static char *self_exe;

/* Helpers */

/* The first column of the first row of @sql on the file, through SQLite
 * itself, read-only and immutable: not even a lock is taken. */
static char *
query_text (const char *path,
            const char *sql)
{
  g_autofree char *file_uri = g_filename_to_uri (path, NULL, NULL);
  g_autofree char *uri = g_strconcat (file_uri, "?mode=ro&immutable=1", NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *result = NULL;

  g_assert_nonnull (file_uri);
  g_assert_cmpint (sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    result = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return result;
}

static gboolean
integrity_ok (const char *path)
{
  g_autofree char *result = query_text (path, "PRAGMA integrity_check");

  return g_strcmp0 (result, "ok") == 0;
}

static void
assert_file_text (const char *path,
                  const char *sql,
                  const char *expected)
{
  g_autofree char *text = query_text (path, sql);

  g_assert_cmpstr (text, ==, expected);
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

static UpProject *
create_project (const char *path,
                const char *title)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  UpProject *project = up_project_create (file, title, &error);

  g_assert_no_error (error);
  g_assert_nonnull (project);
  return project;
}

static void
set_title (UpProject  *project,
           const char *title)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (up_project_set_string (project, project, "title", title, &error));
  g_assert_no_error (error);
}

static void
flush_ok (UpProject *project)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (up_store_flush (up_project_get_store (project), &error));
  g_assert_no_error (error);
}

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

/* Runs @argv (no shell) in @cwd with a clean environment for the CLI. */
static Run *
run_argv (const char * const *argv,
          const char         *cwd,
          const char         *lang)
{
  g_auto(GStrv) env = g_get_environ ();
  g_autoptr(GError) error = NULL;
  Run *run = g_new0 (Run, 1);
  int wait_status = 0;

  env = g_environ_unsetenv (env, "DISPLAY");
  env = g_environ_unsetenv (env, "WAYLAND_DISPLAY");
  env = g_environ_unsetenv (env, "DBUS_SESSION_BUS_ADDRESS");
  env = g_environ_unsetenv (env, "LANGUAGE");
  env = g_environ_unsetenv (env, "LC_MESSAGES");
  env = g_environ_setenv (env, "LANG", lang, TRUE);
  env = g_environ_setenv (env, "LC_ALL", lang, TRUE);
  env = g_environ_setenv (env, "GSETTINGS_BACKEND", "memory", TRUE);

  g_spawn_sync (cwd, (char **) argv, env, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &wait_status, &error);
  g_assert_no_error (error);
  run->status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
  if (!WIFEXITED (wait_status))
    g_test_message ("%s %s: ended by signal %d", argv[0], argv[1],
                    WIFSIGNALED (wait_status) ? WTERMSIG (wait_status) : 0);
  return run;
}

/* In the child, before exec: a file size limit, and SIGXFSZ as a shell
 * leaves it (the test's own disposition would be inherited). */
static void
limit_file_size (gpointer user_data)
{
  struct rlimit limit = { GPOINTER_TO_UINT (user_data), GPOINTER_TO_UINT (user_data) };

  signal (SIGXFSZ, SIG_DFL);
  setrlimit (RLIMIT_FSIZE, &limit);
}

/* A project written past the file size limit: the process is not killed,
 * says the disk is full, and leaves no part of a file behind. */
static void
test_file_size_limit (void)
{
  g_autofree char *dir = test_new_dir (test_root, "file-size");
  g_autofree char *path = g_build_filename (dir, "demo.upphandla", NULL);
  g_autofree char *option = g_strconcat ("--write-demo=", path, NULL);
  const char *argv[] = { UPPHANDLA_BIN, option, NULL };
  g_auto(GStrv) env = g_get_environ ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int wait_status = 0;

  env = g_environ_unsetenv (env, "DISPLAY");
  env = g_environ_setenv (env, "LC_ALL", "C.UTF-8", TRUE);
  env = g_environ_setenv (env, "LANGUAGE", "en", TRUE);
  g_spawn_sync (dir, (char **) argv, env, G_SPAWN_DEFAULT, limit_file_size, GUINT_TO_POINTER (20000),
                &out, &err, &wait_status, &error);
  g_assert_no_error (error);
  g_test_message ("status %d, stderr: %s", wait_status, err);

  g_assert_true (WIFEXITED (wait_status));
  g_assert_cmpint (WEXITSTATUS (wait_status), !=, 0);
  g_assert_nonnull (strstr (err, "full"));
  test_assert_dir_is (dir, "");
}

static Run *
run_cli (const char *cwd,
         const char *arg1,
         const char *arg2,
         const char *arg3)
{
  const char *argv[] = { UPPHANDLA_BIN, arg1, arg2, arg3, NULL };
  Run *run;

  g_assert_true (g_file_test (UPPHANDLA_BIN, G_FILE_TEST_IS_EXECUTABLE));
  run = run_argv (argv, cwd, "C.UTF-8");
  if (run->status != 0)
    g_test_message ("upphandla %s %s %s: status %d\nstderr: %s", arg1, arg2 ? arg2 : "",
                    arg3 ? arg3 : "", run->status, run->err);
  return run;
}

static void
count_signal (guint *counter)
{
  (*counter)++;
}

static gboolean
quit_waiting (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Iterates the main loop until "save-failed" was emitted @n times or
 * @seconds passed; returns how often it was. */
static guint
wait_for_save_failed (UpStore *store,
                      guint    seconds)
{
  guint failed = 0;
  gboolean timed_out = FALSE;
  gulong handler = g_signal_connect_swapped (store, "save-failed", G_CALLBACK (count_signal), &failed);
  guint timeout = g_timeout_add_seconds (seconds, quit_waiting, &timed_out);

  while (failed == 0 && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  /* the save that failed is over: let its callback finish */
  while (up_store_get_saving (store))
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (timeout);
  g_signal_handler_disconnect (store, handler);
  return failed;
}

/* Two processes on one file
 *
 * A peer is a child process with a project open, driven one line at a
 * time over its stdin; it answers one line on its stdout. Commands:
 *   open            open the file (again): "opened TITLE|ORGANISATION"
 *   edit N          role a: title "a N" and a stage; role b: organisation
 *                   "b N" and a stakeholder: "edited"
 *   save            up_store_flush(): "saved", or "failed CODE MESSAGE"
 *   state           "state TITLE|ORGANISATION|STAGES|STAKEHOLDERS|DIRTY"
 *   copy PATH       up_store_save_copy(): "copied" or "failed CODE MESSAGE"
 *   kept            whether its edits are safe somewhere if it dies now
 *                   (up_store_get_edits_kept()): "kept 1" or "kept 0"
 *   quit            exit 0 */

typedef struct
{
  GPid  pid;
  int   in;
  FILE *out;
} Peer;

static Peer *
peer_start (const char *role,
            const char *path)
{
  g_autoptr(GError) error = NULL;
  const char *argv[] = { self_exe, "--child", "peer", role, path, NULL };
  Peer *peer = g_new0 (Peer, 1);
  int out_fd;

  g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                            &peer->pid, &peer->in, &out_fd, NULL, &error);
  g_assert_no_error (error);
  peer->out = fdopen (out_fd, "r");
  g_assert_nonnull (peer->out);
  return peer;
}

static void
peer_send (Peer       *peer,
           const char *command)
{
  g_autofree char *line = g_strconcat (command, "\n", NULL);
  gsize length = strlen (line);

  g_assert_cmpint (write (peer->in, line, length), ==, (gssize) length);
}

static char *
peer_receive (Peer *peer)
{
  char line[4096];

  if (fgets (line, sizeof line, peer->out) == NULL)
    g_error ("a peer ended without an answer");
  g_strchomp (line);
  return g_strdup (line);
}

static char *
peer_ask (Peer       *peer,
          const char *command)
{
  peer_send (peer, command);
  return peer_receive (peer);
}

static void
peer_stop (Peer *peer)
{
  g_autofree char *bye = NULL;
  int status = 0;

  peer_send (peer, "quit");
  bye = peer_receive (peer);
  g_assert_cmpstr (bye, ==, "bye");
  g_assert_cmpint (waitpid (peer->pid, &status, 0), ==, peer->pid);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  g_spawn_close_pid (peer->pid);
  close (peer->in);
  fclose (peer->out);
  g_free (peer);
}

/* The laptop dies: no goodbye, no save, no clean-up. */
static void
peer_kill (Peer *peer)
{
  int status = 0;

  g_assert_cmpint (kill (peer->pid, SIGKILL), ==, 0);
  g_assert_cmpint (waitpid (peer->pid, &status, 0), ==, peer->pid);
  g_assert_true (WIFSIGNALED (status));
  g_spawn_close_pid (peer->pid);
  close (peer->in);
  fclose (peer->out);
  g_free (peer);
}

static int
child_peer (const char *role,
            const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(UpProject) project = NULL;
  char line[4096];

  /* a peer that is never told to stop must not outlive the test */
  alarm (120);
  setvbuf (stdout, NULL, _IOLBF, 0);

  while (fgets (line, sizeof line, stdin) != NULL)
    {
      g_autoptr(GError) error = NULL;

      g_strchomp (line);
      if (strcmp (line, "open") == 0)
        {
          g_clear_object (&project);
          project = up_project_open (file, &error);
          if (project == NULL)
            printf ("failed %d %s\n", error->code, error->message);
          else
            printf ("opened %s|%s\n", up_project_get_title (project),
                    up_project_get_organisation (project));
        }
      else if (g_str_has_prefix (line, "edit "))
        {
          g_autofree char *value = g_strdup_printf ("%s %s", role, line + 5);
          gboolean ok;

          up_project_begin_group (project, "edit");
          if (strcmp (role, "a") == 0)
            {
              up_project_set_string (project, project, "title", value, NULL);
              up_project_add_stage (project, "pilot", value, "2026-05-04", "2026-05-08", NULL, NULL);
            }
          else
            {
              up_project_set_string (project, project, "organisation", value, NULL);
              up_project_add_stakeholder (project, value, NULL, "supplier", NULL);
            }
          ok = up_project_end_group (project, &error);
          if (ok)
            printf ("edited\n");
          else
            printf ("failed %d %s\n", error->code, error->message);
        }
      else if (strcmp (line, "save") == 0)
        {
          if (up_store_flush (up_project_get_store (project), &error))
            printf ("saved\n");
          else
            printf ("failed %d %s\n", error->code, error->message);
        }
      else if (strcmp (line, "state") == 0)
        {
          printf ("state %s|%s|%u|%u|%d\n", up_project_get_title (project),
                  up_project_get_organisation (project),
                  up_project_count (project, "stage"), up_project_count (project, "stakeholder"),
                  up_store_get_dirty (up_project_get_store (project)));
        }
      else if (g_str_has_prefix (line, "copy "))
        {
          g_autoptr(GFile) copy = g_file_new_for_path (line + 5);

          if (up_store_save_copy (up_project_get_store (project), copy, &error))
            printf ("copied\n");
          else
            printf ("failed %d %s\n", error->code, error->message);
        }
      else if (strcmp (line, "kept") == 0)
        {
          printf ("kept %d\n", up_store_get_edits_kept (up_project_get_store (project)));
        }
      else if (strcmp (line, "quit") == 0)
        {
          printf ("bye\n");
          return 0;
        }
      else
        {
          printf ("unknown command %s\n", line);
          return 2;
        }
    }
  return 3;
}

static char *
conflict_answer (void)
{
  return g_strdup_printf ("failed %d ", UP_STORE_ERROR_CONFLICT);
}

/* The second to save is told, keeps its edit, saves it as a copy or
 * reloads and makes it again; the first's edit is never written over. */
static void
test_two_processes_in_turn (void)
{
  g_autofree char *dir = test_new_dir (test_root, "two-processes");
  g_autofree char *path = g_build_filename (dir, "shared plan.upphandla", NULL);
  g_autofree char *copy_path = g_build_filename (dir, "b's copy.upphandla", NULL);
  g_autofree char *copy_command = g_strconcat ("copy ", copy_path, NULL);
  g_autofree char *conflict = conflict_answer ();
  g_autoptr(UpProject) original = create_project (path, "Original");
  g_autoptr(GBytes) after_a = NULL;
  g_autoptr(GBytes) after_b = NULL;
  Peer *a, *b;
  char *answer;

  g_clear_object (&original);
  a = peer_start ("a", path);
  b = peer_start ("b", path);

  /* both have the file open before either saves */
  answer = peer_ask (a, "open");
  g_assert_cmpstr (answer, ==, "opened Original|");
  g_free (answer);
  answer = peer_ask (b, "open");
  g_assert_cmpstr (answer, ==, "opened Original|");
  g_free (answer);

  answer = peer_ask (a, "edit 1");
  g_assert_cmpstr (answer, ==, "edited");
  g_free (answer);
  answer = peer_ask (b, "edit 1");
  g_assert_cmpstr (answer, ==, "edited");
  g_free (answer);

  /* the first to save wins */
  answer = peer_ask (a, "save");
  g_assert_cmpstr (answer, ==, "saved");
  g_free (answer);
  assert_file_text (path, "SELECT title FROM project", "a 1");
  after_a = test_read_bytes (path);

  /* the second is told, and writes nothing over it */
  answer = peer_ask (b, "save");
  g_test_message ("the second to save: %s", answer);
  g_assert_true (g_str_has_prefix (answer, conflict));
  g_assert_cmpuint (strlen (answer), >, strlen (conflict) + 10);
  g_free (answer);
  after_b = test_read_bytes (path);
  g_assert_true (g_bytes_equal (after_a, after_b));
  assert_file_text (path, "SELECT organisation FROM project", "");
  assert_file_text (path, "SELECT count(*) FROM stakeholder", "0");
  assert_file_text (path, "SELECT count(*) FROM stage", "1");

  /* its edit is still in its memory; more edits and saves do not write
   * over the file either */
  answer = peer_ask (b, "state");
  g_assert_cmpstr (answer, ==, "state Original|b 1|0|1|1");
  g_free (answer);
  answer = peer_ask (b, "edit 2");
  g_assert_cmpstr (answer, ==, "edited");
  g_free (answer);
  answer = peer_ask (b, "save");
  g_assert_true (g_str_has_prefix (answer, conflict));
  g_free (answer);
  g_clear_pointer (&after_b, g_bytes_unref);
  after_b = test_read_bytes (path);
  g_assert_true (g_bytes_equal (after_a, after_b));

  /* choice 1: save a copy */
  answer = peer_ask (b, copy_command);
  g_assert_cmpstr (answer, ==, "copied");
  g_free (answer);
  g_assert_true (integrity_ok (copy_path));
  assert_file_text (copy_path, "SELECT organisation FROM project", "b 2");
  assert_file_text (copy_path, "SELECT title FROM project", "Original");
  assert_file_text (copy_path, "SELECT count(*) FROM stakeholder", "2");

  /* choice 2: reload theirs and make the edit again: both are kept */
  answer = peer_ask (b, "open");
  g_assert_cmpstr (answer, ==, "opened a 1|");
  g_free (answer);
  answer = peer_ask (b, "edit 3");
  g_assert_cmpstr (answer, ==, "edited");
  g_free (answer);
  answer = peer_ask (b, "save");
  g_assert_cmpstr (answer, ==, "saved");
  g_free (answer);
  g_assert_true (integrity_ok (path));
  assert_file_text (path, "SELECT title FROM project", "a 1");
  assert_file_text (path, "SELECT organisation FROM project", "b 3");
  assert_file_text (path, "SELECT count(*) FROM stage", "1");
  assert_file_text (path, "SELECT count(*) FROM stakeholder", "1");

  /* and now the first is the one who is behind */
  answer = peer_ask (a, "edit 4");
  g_assert_cmpstr (answer, ==, "edited");
  g_free (answer);
  answer = peer_ask (a, "save");
  g_assert_true (g_str_has_prefix (answer, conflict));
  g_free (answer);
  assert_file_text (path, "SELECT organisation FROM project", "b 3");

  peer_stop (a);
  peer_stop (b);
  {
    g_autofree char *listing = test_list_dir (dir);

    g_assert_cmpstr (listing, ==, "b's copy.upphandla/shared plan.upphandla");
  }
}

/* The title of the project in the recovery copy of @path, or NULL when
 * there is none to offer. */
static char *
recovery_title (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) recovery = up_store_find_recovery (file);
  g_autofree char *recovery_path = NULL;

  if (recovery == NULL)
    return NULL;
  recovery_path = g_file_get_path (recovery);
  return query_text (recovery_path, "SELECT title FROM project");
}

/* A has edits the file does not hold (B saved first), kept in the recovery
 * copy; B goes on saving. B's saves must not take A's copy away: when A's
 * laptop then dies, the next start offers A's edits. Before 2026-12-05 B's
 * next save wrote its own snapshot over A's copy and removed it. */
static void
test_two_processes_recovery_kept (void)
{
  g_autofree char *dir = test_new_dir (test_root, "two-processes-recovery");
  g_autofree char *path = g_build_filename (dir, "workshop.upphandla", NULL);
  g_autofree char *conflict = conflict_answer ();
  g_autoptr(UpProject) original = create_project (path, "Original");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(UpStore) recovered = NULL;
  g_autoptr(UpProject) project = NULL;
  g_autoptr(GError) error = NULL;
  Peer *a, *b;
  char *answer;

  g_clear_object (&original);
  a = peer_start ("a", path);
  b = peer_start ("b", path);
  answer = peer_ask (a, "open");
  g_assert_cmpstr (answer, ==, "opened Original|");
  g_free (answer);
  answer = peer_ask (b, "open");
  g_assert_cmpstr (answer, ==, "opened Original|");
  g_free (answer);

  answer = peer_ask (b, "edit 1");
  g_assert_cmpstr (answer, ==, "edited");
  g_free (answer);
  answer = peer_ask (b, "save");
  g_assert_cmpstr (answer, ==, "saved");
  g_free (answer);

  /* A is told, and its edit is kept on this computer */
  answer = peer_ask (a, "edit 1");
  g_assert_cmpstr (answer, ==, "edited");
  g_free (answer);
  answer = peer_ask (a, "save");
  g_assert_true (g_str_has_prefix (answer, conflict));
  g_free (answer);
  answer = peer_ask (a, "kept");
  g_assert_cmpstr (answer, ==, "kept 1");
  g_free (answer);
  answer = recovery_title (path);
  g_assert_cmpstr (answer, ==, "a 1");
  g_free (answer);
  /* A runs: its edits are not left behind, for another start to offer */
  g_assert_true (up_store_recovery_in_use (file));

  /* B saves again, and again after A's laptop died */
  answer = peer_ask (b, "edit 2");
  g_assert_cmpstr (answer, ==, "edited");
  g_free (answer);
  answer = peer_ask (b, "save");
  g_assert_cmpstr (answer, ==, "saved");
  g_free (answer);
  answer = peer_ask (a, "kept");
  g_assert_cmpstr (answer, ==, "kept 1");
  g_free (answer);
  answer = recovery_title (path);
  g_assert_cmpstr (answer, ==, "a 1");
  g_free (answer);

  peer_kill (a);
  g_assert_false (up_store_recovery_in_use (file));
  answer = peer_ask (b, "edit 3");
  g_assert_cmpstr (answer, ==, "edited");
  g_free (answer);
  answer = peer_ask (b, "save");
  g_assert_cmpstr (answer, ==, "saved");
  g_free (answer);
  peer_stop (b);
  assert_file_text (path, "SELECT organisation FROM project", "b 3");

  /* the next start offers A's edit; recovering it leads to the choice,
   * not over B's file */
  answer = recovery_title (path);
  g_assert_cmpstr (answer, ==, "a 1");
  g_free (answer);
  recovered = up_store_open_recovery (file, &error);
  g_assert_no_error (error);
  project = up_project_new_for_store (recovered, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (up_project_get_title (project), ==, "a 1");
  g_assert_false (up_store_flush (recovered, &error));
  g_assert_error (error, UP_STORE_ERROR, UP_STORE_ERROR_CONFLICT);
  assert_file_text (path, "SELECT organisation FROM project", "b 3");
  assert_file_text (path, "SELECT title FROM project", "Original");
  g_clear_object (&project);
  g_clear_object (&recovered);
  up_store_discard_recovery (file);
}

typedef struct
{
  UpStore *store;
  gboolean saved;
  GError  *error;
  gboolean done;  /* atomic */
} FlushJob;

static gpointer
flush_thread (gpointer data)
{
  FlushJob *job = data;

  job->saved = up_store_flush (job->store, &job->error);
  g_atomic_int_set (&job->done, TRUE);
  return NULL;
}

/* Another program holds its lock on the file and does not let go (an
 * Upphandla on another computer whose save hangs on the network share, a
 * sync tool): a save waits a moment, then says so and keeps the edits,
 * rather than waiting for good, which froze the window's close, Try Again
 * and Save As for as long as the other held on. Before 2026-12-05 the
 * save never returned. */
static void
test_two_processes_lock_held (void)
{
  g_autofree char *dir = test_new_dir (test_root, "lock-held");
  g_autofree char *path = g_build_filename (dir, "workshop.upphandla", NULL);
  g_autoptr(UpProject) project = create_project (path, "Original");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) recovery = NULL;
  UpStore *store = up_project_get_store (project);
  FlushJob job = { store, FALSE, NULL, FALSE };
  GThread *thread;
  gint64 start;
  int other;

  flush_ok (project);
  before = test_read_bytes (path);

  /* the other program's lock: its own open file, as another process has */
  other = open (path, O_RDONLY | O_CLOEXEC);
  g_assert_cmpint (other, >=, 0);
  g_assert_cmpint (flock (other, LOCK_EX), ==, 0);

  set_title (project, "Noted while the file was locked");
  start = g_get_monotonic_time ();
  thread = g_thread_new ("flush", flush_thread, &job);
  while (!g_atomic_int_get (&job.done))
    {
      if (g_get_monotonic_time () - start > 20 * G_USEC_PER_SEC)
        g_error ("the save still waits for the other program's lock after 20 s");
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10 * 1000);
    }
  g_thread_join (thread);
  g_test_message ("the save gave up after %.1f s: %s",
                  (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC,
                  job.error ? job.error->message : "(saved)");

  g_assert_false (job.saved);
  g_assert_error (job.error, UP_STORE_ERROR, UP_STORE_ERROR_BUSY);
  g_assert_nonnull (strstr (job.error->message, "workshop.upphandla"));
  g_clear_error (&job.error);
  after = test_read_bytes (path);
  g_assert_true (g_bytes_equal (before, after));
  /* kept: in memory and in the recovery copy, which a crash now offers */
  g_assert_cmpstr (up_project_get_title (project), ==, "Noted while the file was locked");
  g_assert_true (up_store_get_edits_kept (store));
  recovery = up_store_find_recovery (file);
  g_assert_nonnull (recovery);

  /* the other lets go: the next save goes through */
  g_assert_cmpint (close (other), ==, 0);
  flush_ok (project);
  assert_file_text (path, "SELECT title FROM project", "Noted while the file was locked");
  g_clear_object (&recovery);
  recovery = up_store_find_recovery (file);
  g_assert_null (recovery);
}

#define RACE_ROUNDS 50

/* Both save at the same moment, again and again: the check "is the file
 * still what I read?" and the replace must not both pass for both. When
 * both report "saved", the first's edit was written over unseen. */
static void
test_two_processes_at_once (void)
{
  g_autofree char *dir = test_new_dir (test_root, "two-processes-at-once");
  g_autofree char *path = g_build_filename (dir, "shared.upphandla", NULL);
  g_autofree char *conflict = conflict_answer ();
  g_autoptr(UpProject) original = create_project (path, "Original");
  guint both_saved = 0, one_saved = 0, lost = 0;
  Peer *a, *b;

  g_clear_object (&original);
  a = peer_start ("a", path);
  b = peer_start ("b", path);

  for (guint round = 1; round <= RACE_ROUNDS; round++)
    {
      g_autofree char *edit = g_strdup_printf ("edit %u", round);
      g_autofree char *title = NULL;
      g_autofree char *organisation = NULL;
      g_autofree char *expected_title = g_strdup_printf ("a %u", round);
      g_autofree char *expected_organisation = g_strdup_printf ("b %u", round);
      char *answer_a, *answer_b;
      gboolean saved_a, saved_b;

      answer_a = peer_ask (a, "open");
      answer_b = peer_ask (b, "open");
      g_assert_true (g_str_has_prefix (answer_a, "opened "));
      g_assert_cmpstr (answer_a, ==, answer_b);
      g_free (answer_a);
      g_free (answer_b);
      answer_a = peer_ask (a, edit);
      answer_b = peer_ask (b, edit);
      g_assert_cmpstr (answer_a, ==, "edited");
      g_assert_cmpstr (answer_b, ==, "edited");
      g_free (answer_a);
      g_free (answer_b);

      /* both told within microseconds */
      peer_send (a, "save");
      peer_send (b, "save");
      answer_a = peer_receive (a);
      answer_b = peer_receive (b);
      saved_a = strcmp (answer_a, "saved") == 0;
      saved_b = strcmp (answer_b, "saved") == 0;
      if (!saved_a)
        g_assert_true (g_str_has_prefix (answer_a, conflict));
      if (!saved_b)
        g_assert_true (g_str_has_prefix (answer_b, conflict));
      g_free (answer_a);
      g_free (answer_b);

      g_assert_true (integrity_ok (path));
      title = query_text (path, "SELECT title FROM project");
      organisation = query_text (path, "SELECT organisation FROM project");
      if (saved_a && saved_b)
        {
          both_saved++;
          /* one of the two edits is not in the file, yet both were told
           * that their save succeeded */
          if (strcmp (title, expected_title) != 0 || strcmp (organisation, expected_organisation) != 0)
            lost++;
        }
      else if (saved_a || saved_b)
        {
          one_saved++;
          g_assert_cmpstr (saved_a ? title : organisation, ==, saved_a ? expected_title : expected_organisation);
        }
      else
        g_error ("round %u: neither save went through", round);
    }

  peer_stop (a);
  peer_stop (b);

  g_test_message ("%u rounds of two saves at the same moment: %u times one saved and the other was told "
                  "of the conflict, %u times both reported saved (%u of them lost the other's edit)",
                  RACE_ROUNDS, one_saved, both_saved, lost);
  if (lost > 0)
    {
      /* Known bug, reported: check_unchanged() and the rename of
       * write_document() in up-store.c are not one step; another process
       * can replace the file between them. */
      g_autofree char *message =
        g_strdup_printf ("KNOWN BUG: %u of %u simultaneous saves wrote over the other process's "
                         "saved edit without a conflict (up-store.c run_save_job: check, then replace)",
                         lost, RACE_ROUNDS);
      g_test_incomplete (message);
      return;
    }
  g_assert_cmpuint (one_saved, ==, RACE_ROUNDS);
}

/* Paths */

static const char * const odd_names[] = {
  "plan with spaces.upphandla",
  "\"quoted\" plan.upphandla",
  "Anna's plan.upphandla",
  "Upphandling åäö ÅÄÖ é ü.upphandla",
  "Emoji 🦊🇸🇪👩‍👩‍👧 plan.upphandla",
  "-plan with a leading dash.upphandla",
  "--write-demo.upphandla",
  "$(echo no) `x` ; & | * ? [a] {b} ~ # \\ %s%n.upphandla",
  "العربية עברית.upphandla",
  "no extension",
};

static const char *
name_slug (guint i)
{
  static const char * const slugs[] = {
    "spaces", "quotes", "apostrophe", "swedish", "emoji", "leading-dash",
    "option-name", "shell-characters", "rtl", "no-extension",
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (slugs) == G_N_ELEMENTS (odd_names));
  return slugs[i];
}

static void
test_odd_path (gconstpointer data)
{
  guint i = GPOINTER_TO_UINT (data);
  const char *name = odd_names[i];
  g_autofree char *base = test_new_dir (test_root, name_slug (i));
  /* the folder's name is odd too */
  g_autofree char *dir = g_build_filename (base, "Mapp 'åäö' \"🦊\" -x", NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *demo_name = g_strconcat ("demo ", name, NULL);
  g_autofree char *demo_path = g_build_filename (dir, demo_name, NULL);
  g_autofree char *expected_listing = NULL;
  g_autofree char *expected_title = NULL;
  g_autofree char *listing = NULL;
  g_autoptr(UpProject) project = NULL;
  g_autoptr(UpProject) reopened = NULL;
  g_autoptr(UpProject) demo = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(Run) info = NULL;
  g_autoptr(Run) relative_info = NULL;
  g_autoptr(Run) write_demo = NULL;
  g_autoptr(Run) demo_info = NULL;
  UpStage *stage;

  g_assert_cmpint (g_mkdir (dir, 0755), ==, 0);
  g_test_message ("path: %s", path);

  /* create, edit, save, reopen through the API */
  project = create_project (path, name);
  stage = up_project_add_stage (project, "pilot", "Test before buying", "2026-06-01", "2026-06-30", NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (stage);
  set_title (project, name);
  flush_ok (project);
  g_clear_object (&project);
  g_assert_true (integrity_ok (path));

  reopened = open_project (path);
  g_assert_cmpstr (up_project_get_title (reopened), ==, name);
  g_assert_cmpuint (up_project_count (reopened, "stage"), ==, 1);
  set_title (reopened, "Edited again");
  flush_ok (reopened);
  g_clear_object (&reopened);
  listing = test_list_dir (dir);
  g_assert_cmpstr (listing, ==, name);

  /* the command line, with the path as one argument and no shell */
  info = run_cli (NULL, "--info", path, NULL);
  g_assert_cmpint (info->status, ==, 0);
  g_assert_true (g_str_has_prefix (info->out, "Title: Edited again\n"));
  g_assert_nonnull (strstr (info->out, "Stages: 1\n"));

  /* relative to the folder, after "--": a name with a leading dash is a
   * file, not an option */
  relative_info = run_cli (dir, "--info", "--", name);
  g_assert_cmpint (relative_info->status, ==, 0);
  g_assert_cmpstr (relative_info->out, ==, info->out);

  /* --write-demo into such a path */
  write_demo = run_cli (NULL, "--write-demo", demo_path, NULL);
  g_assert_cmpint (write_demo->status, ==, 0);
  g_assert_true (integrity_ok (demo_path));
  demo = open_project (demo_path);
  g_assert_cmpuint (up_project_count (demo, "stage"), >=, 10);
  demo_info = run_cli (dir, "--info", "--", demo_name);
  g_assert_cmpint (demo_info->status, ==, 0);
  expected_title = g_strdup_printf ("Title: %s\n", up_project_get_title (demo));
  g_assert_true (g_str_has_prefix (demo_info->out, expected_title));

  /* the two files, nothing beside them */
  g_clear_pointer (&listing, g_free);
  listing = test_list_dir (dir);
  expected_listing = strcmp (demo_name, name) < 0 ? g_strdup_printf ("%s/%s", demo_name, name)
                                                  : g_strdup_printf ("%s/%s", name, demo_name);
  g_assert_cmpstr (listing, ==, expected_listing);
}

/* A relative name with a colon, "plan:v2.upphandla", is a file name, not
 * a URI of the scheme "plan" (as g_file_new_for_commandline_arg() takes it). */
static void
test_path_colon (void)
{
  g_autofree char *dir = test_new_dir (test_root, "colon");
  g_autofree char *path = g_build_filename (dir, "plan:v2.upphandla", NULL);
  g_autoptr(UpProject) project = create_project (path, "With a colon");
  g_autoptr(Run) absolute = NULL;
  g_autoptr(Run) relative = NULL;
  g_autoptr(Run) dotted = NULL;

  g_clear_object (&project);
  absolute = run_cli (NULL, "--info", path, NULL);
  g_assert_cmpint (absolute->status, ==, 0);
  g_assert_true (g_str_has_prefix (absolute->out, "Title: With a colon\n"));
  dotted = run_cli (dir, "--info", "./plan:v2.upphandla", NULL);
  g_assert_cmpint (dotted->status, ==, 0);

  relative = run_cli (dir, "--info", "plan:v2.upphandla", NULL);
  g_assert_cmpint (relative->status, ==, 0);
  g_assert_true (g_str_has_prefix (relative->out, "Title: With a colon\n"));
}

/* A read-only file in a writable folder, as nobody */

static int
child_read_only (const char *path,
                 const char *copy_path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) copy = g_file_new_for_path (copy_path);
  g_autoptr(GError) error = NULL;
  g_autoptr(UpProject) project = NULL;
  g_autoptr(UpProject) copied = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *basename = g_path_get_basename (path);
  gsize before_size, after_size;
  const GError *save_error;
  UpStore *store;
  guint failed;

  if (!test_drop_to_nobody ())
    return 3;
  if (access (path, W_OK) == 0)
    {
      g_printerr ("the file is writable for this user\n");
      return 4;
    }

  /* it opens */
  project = up_project_open (file, &error);
  if (project == NULL)
    {
      g_printerr ("open: %s\n", error->message);
      return 5;
    }
  store = up_project_get_store (project);
  if (!g_file_get_contents (path, &before, &before_size, NULL))
    return 6;

  /* the first save (the one every edit schedules, off the main thread)
   * fails, says so, and keeps the edit */
  if (!up_project_set_string (project, project, "title", "Edited by nobody", &error))
    {
      g_printerr ("edit: %s\n", error->message);
      return 7;
    }
  failed = wait_for_save_failed (store, 20);
  save_error = up_store_get_save_error (store);
  if (failed != 1 || save_error == NULL)
    {
      g_printerr ("no save-failed signal (%u)\n", failed);
      return 8;
    }
  g_printerr ("save-failed: code %d: %s\n", save_error->code, save_error->message);
  if (!g_error_matches (save_error, UP_STORE_ERROR, UP_STORE_ERROR_READ_ONLY))
    return 100 + save_error->code;
  if (strstr (save_error->message, basename) == NULL)
    {
      g_printerr ("the message does not name the file\n");
      return 9;
    }
  if (strcmp (up_project_get_title (project), "Edited by nobody") != 0 || !up_store_get_dirty (store))
    return 10;

  /* a save by hand fails the same way */
  if (up_store_flush (store, &error) || !g_error_matches (error, UP_STORE_ERROR, UP_STORE_ERROR_READ_ONLY))
    {
      g_printerr ("flush: %s\n", error ? error->message : "succeeded");
      return 11;
    }
  g_clear_error (&error);

  if (!g_file_get_contents (path, &after, &after_size, NULL) ||
      before_size != after_size || memcmp (before, after, before_size) != 0)
    {
      g_printerr ("the file was changed\n");
      return 12;
    }

  /* the edit can go elsewhere */
  if (!up_store_save_copy (store, copy, &error))
    {
      g_printerr ("save a copy: %s\n", error->message);
      return 13;
    }
  copied = up_project_open (copy, &error);
  if (copied == NULL || strcmp (up_project_get_title (copied), "Edited by nobody") != 0)
    return 14;
  return 0;
}

static void
test_read_only_file (void)
{
  g_autofree char *dir = test_new_dir (test_root, "read-only-file");
  g_autofree char *path = g_build_filename (dir, "Read only – åäö.upphandla", NULL);
  g_autofree char *copy_path = g_build_filename (dir, "copy.upphandla", NULL);
  g_autoptr(UpProject) project = create_project (path, "Read only");
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autofree char *listing = NULL;
  int status;

  g_clear_object (&project);
  before = test_read_bytes (path);
  if (geteuid () == 0)
    {
      /* nobody owns both, and may write in the folder */
      g_assert_cmpint (chown (path, TEST_NOBODY, TEST_NOBODY), ==, 0);
      g_assert_cmpint (chown (dir, TEST_NOBODY, TEST_NOBODY), ==, 0);
    }
  g_assert_cmpint (g_chmod (path, 0444), ==, 0);

  status = test_run_child ("read-only", path, copy_path, NULL);

  after = test_read_bytes (path);
  g_assert_cmpint (status, ==, 0);
  g_assert_true (g_bytes_equal (before, after));
  listing = test_list_dir (dir);
  g_assert_cmpstr (listing, ==, "Read only – åäö.upphandla/copy.upphandla");
}

/* Replaced on disk while open */

typedef enum
{
  REPLACE_RENAME,     /* a new file renamed over it, as most programs save */
  REPLACE_IN_PLACE,   /* truncated and rewritten, same inode */
  REPLACE_SAME_SIZE,  /* other bytes of the same length, in place */
} ReplaceHow;

static void
test_replaced (gconstpointer data)
{
  ReplaceHow how = GPOINTER_TO_INT (data);
  g_autofree char *dir = test_new_dir (test_root, "replaced");
  g_autofree char *path = g_build_filename (dir, "plan.upphandla", NULL);
  g_autofree char *theirs_path = g_build_filename (dir, "theirs.upphandla", NULL);
  g_autoptr(UpProject) mine = create_project (path, "Mine, as opened");
  g_autoptr(UpProject) theirs = NULL;
  g_autoptr(GBytes) their_bytes = NULL;
  g_autoptr(GBytes) on_disk = NULL;
  g_autoptr(GError) error = NULL;
  UpStore *store = up_project_get_store (mine);

  /* another program's version: another project, the same length */
  theirs = create_project (theirs_path, "Theirs, not mine");
  g_clear_object (&theirs);
  their_bytes = test_read_bytes (theirs_path);
  g_unlink (theirs_path);
  on_disk = test_read_bytes (path);
  g_assert_false (g_bytes_equal (their_bytes, on_disk));
  g_clear_pointer (&on_disk, g_bytes_unref);

  switch (how)
    {
    case REPLACE_RENAME:
      g_assert_true (g_file_set_contents (path, g_bytes_get_data (their_bytes, NULL),
                                          g_bytes_get_size (their_bytes), &error));
      g_assert_no_error (error);
      break;
    case REPLACE_IN_PLACE:
    case REPLACE_SAME_SIZE:
      {
        int fd = open (path, O_WRONLY | (how == REPLACE_IN_PLACE ? O_TRUNC : 0));
        gsize size = g_bytes_get_size (their_bytes);

        g_assert_cmpint (fd, >=, 0);
        g_assert_cmpint (write (fd, g_bytes_get_data (their_bytes, NULL), size), ==, (gssize) size);
        g_assert_cmpint (close (fd), ==, 0);
      }
      break;
    default:
      g_assert_not_reached ();
    }

  /* the save that the edit schedules is a conflict, reported once */
  set_title (mine, "Mine, edited");
  g_assert_cmpuint (wait_for_save_failed (store, 20), ==, 1);
  g_assert_true (g_error_matches (up_store_get_save_error (store), UP_STORE_ERROR, UP_STORE_ERROR_CONFLICT));
  g_assert_nonnull (strstr (up_store_get_save_error (store)->message, "plan.upphandla"));
  on_disk = test_read_bytes (path);
  g_assert_true (g_bytes_equal (on_disk, their_bytes));
  g_clear_pointer (&on_disk, g_bytes_unref);

  /* and a save by hand too */
  g_assert_false (up_store_flush (store, &error));
  g_assert_error (error, UP_STORE_ERROR, UP_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  on_disk = test_read_bytes (path);
  g_assert_true (g_bytes_equal (on_disk, their_bytes));
  g_clear_pointer (&on_disk, g_bytes_unref);
  g_assert_cmpstr (up_project_get_title (mine), ==, "Mine, edited");

  /* the user chooses to write theirs over */
  g_assert_true (up_store_save_overwrite (store, &error));
  g_assert_no_error (error);
  g_assert_true (integrity_ok (path));
  assert_file_text (path, "SELECT title FROM project", "Mine, edited");
  g_assert_false (up_store_get_dirty (store));

  /* and saving goes on normally */
  set_title (mine, "Mine, edited twice");
  flush_ok (mine);
  assert_file_text (path, "SELECT title FROM project", "Mine, edited twice");
  {
    g_autofree char *listing = test_list_dir (dir);

    g_assert_cmpstr (listing, ==, "plan.upphandla");
  }
}

/* A file deleted while open is written anew (nothing of anyone's is lost
 * by that), and one replaced by a folder is an error that keeps the edit. */
static void
test_replaced_deleted (void)
{
  g_autofree char *dir = test_new_dir (test_root, "deleted");
  g_autofree char *path = g_build_filename (dir, "plan.upphandla", NULL);
  g_autoptr(UpProject) mine = create_project (path, "Mine");
  g_autoptr(GError) error = NULL;
  UpStore *store = up_project_get_store (mine);

  g_assert_cmpint (g_unlink (path), ==, 0);
  set_title (mine, "Mine, after the file was deleted");
  flush_ok (mine);
  assert_file_text (path, "SELECT title FROM project", "Mine, after the file was deleted");

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_mkdir (path, 0755), ==, 0);
  set_title (mine, "Mine, with a folder in the way");
  g_assert_false (up_store_flush (store, &error));
  g_test_message ("a folder where the file was: code %d: %s", error->code, error->message);
  g_assert_true (error->domain == UP_STORE_ERROR);
  g_assert_cmpstr (error->message, !=, "");
  g_assert_true (up_store_get_dirty (store));
  g_assert_cmpstr (up_project_get_title (mine), ==, "Mine, with a folder in the way");
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_DIR));
  g_rmdir (path);
}

/* Odd text in every field */

static char *megabyte;

static const char *odd_texts[] = {
  NULL, /* megabyte: 1 MiB of mixed text */
  "Emoji 🦊🇸🇪👩‍👩‍👧‍👦 and a combining e\xcc\x81, a BOM \xef\xbb\xbf and U+FFFF \xef\xbf\xbf",
  "RTL: مشتريات عامة — רכש ציבורי \xe2\x80\x8f\xe2\x80\xae reversed\xe2\x80\xac",
  "Quotes ' '' \" \"\" “ ” ‘ ’ « » `ticks` \\ backslash",
  "%s%n%x%p%d%% %1$s %2$n %*d %.99999f %",
  "'; DROP TABLE stage; -- \"); DELETE FROM project; /* */ ? ?1 :name @x $y",
  /* every control character from 0x01 to 0x1f, and DEL */
  "ctl:\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c\x0d\x0e\x0f"
  "\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f\x7f:end",
  "",
};

static const char *
odd_text (guint i)
{
  return odd_texts[i] != NULL ? odd_texts[i] : megabyte;
}

/* What --info prints of @text: control characters (line breaks too) as
 * U+FFFD, so that no escape sequence reaches a terminal. */
static char *
as_printed (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      g_string_append_unichar (out, g_unichar_iscntrl (c) ? 0xFFFD : c);
    }
  return g_string_free (out, FALSE);
}

static void
set_text (UpProject  *project,
          gpointer    record,
          const char *property,
          const char *value)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (up_project_set_string (project, record, property, value, &error));
  g_assert_no_error (error);
}

typedef struct
{
  const char         *table;
  const char * const *texts;
} FreeText;

/* every column of free text in the schema */
static const FreeText free_text[] = {
  { "project", (const char * const[]) { "title", "organisation", "description", NULL } },
  { "stage", (const char * const[]) { "title", "description", NULL } },
  { "stakeholder", (const char * const[]) { "name", "organisation", "contact", NULL } },
  { "note", (const char * const[]) { "body", NULL } },
  { "sdg_link", (const char * const[]) { "comment", NULL } },
  { "local_goal", (const char * const[]) { "title", "indicator", "baseline", "target_value", NULL } },
};

static GListModel *
list_of (UpProject  *project,
         const char *table)
{
  if (strcmp (table, "stage") == 0)
    return up_project_get_stages (project);
  if (strcmp (table, "stakeholder") == 0)
    return up_project_get_stakeholders (project);
  if (strcmp (table, "note") == 0)
    return up_project_get_notes (project);
  if (strcmp (table, "sdg_link") == 0)
    return up_project_get_sdg_links (project);
  return up_project_get_local_goals (project);
}

/* One row per odd text in every table, every free-text field of the row
 * holding that text; the project's own fields the text of @project_text. */
static UpProject *
make_odd_project (guint project_text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UpProject) project = up_project_new (NULL, &error);

  g_assert_no_error (error);
  for (guint c = 0; free_text[0].texts[c] != NULL; c++)
    set_text (project, project, free_text[0].texts[c], odd_text (project_text));

  for (guint i = 0; i < G_N_ELEMENTS (odd_texts); i++)
    {
      const char *text = odd_text (i);
      UpStage *stage;
      UpStakeholder *person;
      UpNote *note;
      UpSdgLink *link;
      UpLocalGoal *goal;

      stage = up_project_add_stage (project, up_stage_kinds[i], text, "2026-01-01", "2026-01-31", NULL, &error);
      g_assert_no_error (error);
      set_text (project, stage, "description", text);
      person = up_project_add_stakeholder (project, text, text, "citizen", &error);
      g_assert_no_error (error);
      set_text (project, person, "contact", text);
      note = up_project_add_note (project, text, "workshop", "2026-01-15", stage, &error);
      g_assert_no_error (error);
      g_assert_true (up_project_link_note_stakeholder (project, note, person, &error));
      g_assert_no_error (error);
      link = up_project_add_sdg_link (project, UP_RECORD (stage), "11.3", "positive", 2, text, &error);
      g_assert_no_error (error);
      g_assert_nonnull (link);
      goal = up_project_add_local_goal (project, "regional", text, &error);
      g_assert_no_error (error);
      set_text (project, goal, "indicator", text);
      set_text (project, goal, "baseline", text);
      set_text (project, goal, "target-value", text);
      g_assert_true (up_project_link_stage_local_goal (project, stage, goal, &error));
      g_assert_no_error (error);
    }

  return g_steal_pointer (&project);
}

/* What a field keeps of @text: all text composed (NFC); a field of one
 * line (anything but a description or a note's text) keeps line breaks and
 * tabs as spaces, and no blanks before or after. */
static char *
kept_text (const char *column,
           const char *text)
{
  if (g_str_equal (column, "description") || g_str_equal (column, "body"))
    return test_composed (text);
  return test_one_line (text);
}

static void
assert_odd_project (UpProject *project,
                    guint      project_text)
{
  g_autofree char *one_line = test_one_line (odd_text (project_text));
  g_autofree char *description = kept_text ("description", odd_text (project_text));

  g_assert_cmpstr (up_project_get_title (project), ==, one_line);
  g_assert_cmpstr (up_project_get_organisation (project), ==, one_line);
  g_assert_cmpstr (up_project_get_description (project), ==, description);

  for (guint t = 1; t < G_N_ELEMENTS (free_text); t++)
    {
      GListModel *list = list_of (project, free_text[t].table);

      g_assert_cmpuint (g_list_model_get_n_items (list), ==, G_N_ELEMENTS (odd_texts));
      for (guint i = 0; i < G_N_ELEMENTS (odd_texts); i++)
        {
          g_autoptr(UpRecord) record = g_list_model_get_item (list, i);

          for (guint c = 0; free_text[t].texts[c] != NULL; c++)
            {
              g_autofree char *kept = kept_text (free_text[t].texts[c], odd_text (i));

              if (strcmp (up_record_get_string (record, free_text[t].texts[c]), kept) != 0)
                g_error ("%s %u, %s: not the text it was given", free_text[t].table, i, free_text[t].texts[c]);
            }
        }
    }
}

static void
test_odd_text_round_trip (void)
{
  g_autofree char *dir = test_new_dir (test_root, "odd-text");
  g_autofree char *path = g_build_filename (dir, "odd.upphandla", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(UpProject) project = make_odd_project (0);
  g_autoptr(UpProject) reopened = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) on_disk = NULL;
  g_autoptr(GBytes) image = NULL;
  g_autoptr(Run) info = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *one_line = NULL;
  g_autofree char *printed = NULL;
  g_autofree char *tables = NULL;
  UpStore *store = up_project_get_store (project);

  /* undo and redo all of it: the text goes through the change log too */
  while (up_history_get_can_undo (up_project_get_history (project)))
    g_assert_true (up_project_undo (project, NULL));
  g_assert_cmpuint (up_project_count (project, "stage"), ==, 0);
  g_assert_cmpstr (up_project_get_title (project), ==, "");
  while (up_history_get_can_redo (up_project_get_history (project)))
    g_assert_true (up_project_redo (project, NULL));
  assert_odd_project (project, 0);

  up_store_set_file (store, file);
  g_assert_true (up_store_save (store, &error));
  g_assert_no_error (error);
  g_assert_true (integrity_ok (path));
  /* the SQL in the text is text: every table is there */
  tables = query_text (path, "SELECT group_concat(name, ' ') FROM (SELECT name FROM sqlite_schema "
                             "WHERE type = 'table' AND name NOT LIKE 'note_fts%' ORDER BY name)");
  g_assert_cmpstr (tables, ==, "local_goal local_goal_target note note_stakeholder project sdg_link "
                               "stage stage_local_goal stakeholder");
  on_disk = test_read_bytes (path);
  g_test_message ("%" G_GSIZE_FORMAT " bytes on disk", g_bytes_get_size (on_disk));

  reopened = open_project (path);
  assert_odd_project (reopened, 0);
  image = up_store_serialize (up_project_get_store (reopened), &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (on_disk, image));

  /* the full-text index of the notes holds the odd bodies too */
  {
    g_autofree char *hits = query_text (path, "SELECT count(*) FROM note_fts WHERE note_fts MATCH 'DROP'");

    g_assert_cmpstr (hits, ==, "1");
  }

  info = run_cli (NULL, "--info", path, NULL);
  g_assert_cmpint (info->status, ==, 0);
  one_line = test_one_line (megabyte);
  printed = as_printed (one_line);
  expected = g_strdup_printf ("Title: %s\nOrganisation: %s\nStages: %u\n", printed, printed,
                              (guint) G_N_ELEMENTS (odd_texts));
  g_assert_true (g_str_has_prefix (info->out, expected));
}

/* --info prints each odd title as it is but for its control characters,
 * in a UTF-8 locale; under the C locale GLib converts what it prints, and
 * it still must not crash. */
static void
test_odd_text_cli (void)
{
  g_autofree char *dir = test_new_dir (test_root, "odd-text-cli");

  for (guint i = 0; i < G_N_ELEMENTS (odd_texts); i++)
    {
      g_autofree char *name = g_strdup_printf ("odd %u.upphandla", i);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *one_line = test_one_line (odd_text (i));
      g_autofree char *printed = as_printed (one_line);
      g_autofree char *expected = g_strdup_printf ("Title: %s\n", printed);
      g_autoptr(UpProject) project = create_project (path, odd_text (i));
      const char *argv[] = { UPPHANDLA_BIN, "--info", path, NULL };
      g_autoptr(Run) info = NULL;
      g_autoptr(Run) c_info = NULL;

      set_text (project, project, "organisation", odd_text ((i + 1) % G_N_ELEMENTS (odd_texts)));
      flush_ok (project);

      info = run_argv (argv, NULL, "C.UTF-8");
      g_assert_cmpint (info->status, ==, 0);
      if (!g_str_has_prefix (info->out, expected))
        g_error ("odd text %u: the title line is not printed as expected", i);

      c_info = run_argv (argv, NULL, "C");
      g_assert_cmpint (c_info->status, ==, 0);
      g_assert_true (g_str_has_prefix (c_info->out, "Title: "));
    }
}

/* Hostile values: a file another program wrote, with values the edit API
 * never writes. It opens, every field reads, and edits, undo and redo
 * work or are refused with a GError; nothing crashes. */

static char *
write_hostile_file (const char *dir,
                    const char *name,
                    const char *sql)
{
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(UpProject) project = create_project (path, "Hostile");
  g_autoptr(GError) error = NULL;
  UpStage *stage;
  UpNote *note;
  UpStakeholder *person;
  sqlite3 *db = NULL;
  char *message = NULL;

  stage = up_project_add_stage (project, "needs", "Needs", "2026-01-01", "2026-01-31", NULL, &error);
  g_assert_no_error (error);
  person = up_project_add_stakeholder (project, "Person", "", "user", &error);
  g_assert_no_error (error);
  note = up_project_add_note (project, "Note", "workshop", "2026-01-02", stage, &error);
  g_assert_no_error (error);
  g_assert_true (up_project_link_note_stakeholder (project, note, person, &error));
  g_assert_nonnull (up_project_add_sdg_link (project, UP_RECORD (stage), "9.5", "positive", 2, "", &error));
  g_assert_nonnull (up_project_add_local_goal (project, "local", "Goal", &error));
  g_assert_no_error (error);
  flush_ok (project);
  g_clear_object (&project);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  return path;
}

static void
edit_everything (UpProject *project)
{
  GListModel *lists[] = {
    up_project_get_stages (project), up_project_get_stakeholders (project),
    up_project_get_notes (project), up_project_get_sdg_links (project),
    up_project_get_local_goals (project),
  };
  const char *fields[] = { "title", "name", "body", "comment", "title" };

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; i < g_list_model_get_n_items (lists[l]); i++)
      {
        g_autoptr(UpRecord) record = g_list_model_get_item (lists[l], i);
        g_autoptr(GError) error = NULL;

        if (!up_project_set_string (project, record, fields[l], "Edited", &error))
          g_test_message ("edit of %s %" G_GINT64_FORMAT " refused: %s", up_record_get_table (record),
                          up_record_get_id (record), error->message);
        else
          g_assert_cmpstr (up_record_get_string (record, fields[l]), ==, "Edited");
      }
}

static void
test_hostile_values (void)
{
  g_autofree char *dir = test_new_dir (test_root, "hostile-values");
  g_autofree char *path = write_hostile_file (dir, "values.upphandla",
    "UPDATE project SET title = CAST(X'C3FFFE41' AS TEXT), organisation = 42;"
    "UPDATE stage SET kind = 'rocket', status = 'lost';"
    "UPDATE stakeholder SET category = '', stance = 'sideways';"
    "UPDATE note SET kind = 'séance', visibility = 'secret', said_on = '9999-99-99';"
    "UPDATE sdg_link SET target = '18.1', impact = 'meh';"
    "UPDATE local_goal SET level = 'galactic', position = -5;");
  g_autofree char *dangling = write_hostile_file (dir, "dangling.upphandla",
    "PRAGMA foreign_keys = OFF; UPDATE note SET stage_id = 4242;");
  g_autoptr(UpProject) project = open_project (path);
  g_autoptr(UpStage) stage = g_list_model_get_item (up_project_get_stages (project), 0);
  g_autoptr(Run) info = NULL;
  g_autoptr(GError) error = NULL;

  info = run_cli (NULL, "--info", path, NULL);
  g_assert_cmpint (info->status, ==, 0);
  g_assert_true (g_str_has_prefix (info->out, "Title: "));

  g_assert_cmpstr (up_stage_get_kind (stage), ==, "rocket");
  g_assert_cmpstr (up_enum_label (up_stage_kinds, "rocket"), ==, "rocket");
  /* a title that is not UTF-8 reaches the interface as valid UTF-8 */
  g_assert_true (g_utf8_validate (up_project_get_title (project), -1, NULL));
  g_assert_true (g_str_has_prefix (up_project_get_title (project), "\xef\xbf\xbd"));
  g_assert_true (g_str_has_suffix (up_project_get_title (project), "A"));

  edit_everything (project);
  g_assert_true (up_project_move_stage (project, stage, "2026-03-01", "2026-03-02", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (up_stage_get_start_date (stage), ==, "2026-03-01");

  /* undo all of it, redo all of it */
  while (up_history_get_can_undo (up_project_get_history (project)))
    {
      g_assert_true (up_project_undo (project, &error));
      g_assert_no_error (error);
    }
  g_assert_cmpstr (up_stage_get_start_date (stage), ==, "2026-01-01");
  while (up_history_get_can_redo (up_project_get_history (project)))
    g_assert_true (up_project_redo (project, NULL));
  g_assert_cmpstr (up_stage_get_start_date (stage), ==, "2026-03-01");
  flush_ok (project);
  g_assert_true (integrity_ok (path));

  /* A reference to a row that is not there would make undo fail for good
   * later: such a file is refused as damaged when it is opened, unchanged. */
  {
    g_autoptr(GBytes) before = test_read_bytes (dangling);
    g_autoptr(GBytes) after = NULL;
    g_autoptr(GFile) file = g_file_new_for_path (dangling);
    g_autoptr(UpProject) refused = up_project_open (file, &error);

    g_assert_null (refused);
    g_assert_error (error, UP_STORE_ERROR, UP_STORE_ERROR_CORRUPT);
    after = test_read_bytes (dangling);
    g_assert_true (g_bytes_equal (before, after));
  }
}

/* A stage date that is not an ISO date (another program wrote it): the
 * CHECK on the order of the dates compares text and lets it through, and
 * it used to open and show as it was ("Dates: 2026-02-02 – zzz"). It is
 * refused as damaged, like a CHECK that fails, by the store and the
 * command line, and the file keeps its bytes. */
static void
test_hostile_dates (void)
{
  static const char *dates[][2] = {
    { "not-a-date", "zzz" },
    { "2026-02-02", "zzz" },
    { "2026-02-30", "2026-03-01" },   /* no such day */
    { "2026-02-02", "2026-02-02T12:00" },
    { "2026-02-02", "2026-2-3" },
    { "2026-02-02 ", "2026-02-03" },
    { "", "2026-02-03" },
    { "0000-01-01", "2026-02-03" },   /* no year 0 in the calendar */
    { "2459000", "2459001" },         /* Julian days, which date() reads */
  };
  g_autofree char *dir = test_new_dir (test_root, "hostile-dates");

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      g_autofree char *name = g_strdup_printf ("dates-%u.upphandla", i);
      g_autofree char *sql = g_strdup_printf ("UPDATE stage SET start_date = '%s', end_date = '%s';",
                                              dates[i][0], dates[i][1]);
      g_autofree char *path = write_hostile_file (dir, name, sql);
      g_autoptr(GBytes) before = test_read_bytes (path);
      g_autoptr(GBytes) after = NULL;
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      g_autoptr(UpProject) refused = NULL;
      g_autoptr(Run) info = NULL;

      g_test_message ("stage dates “%s” – “%s”", dates[i][0], dates[i][1]);
      refused = up_project_open (file, &error);
      g_assert_null (refused);
      g_assert_error (error, UP_STORE_ERROR, UP_STORE_ERROR_CORRUPT);
      g_assert_nonnull (strstr (error->message, name));

      info = run_cli (NULL, "--info", path, NULL);
      g_assert_cmpint (info->status, ==, 1);
      g_assert_nonnull (strstr (info->err, name));
      g_assert_null (strstr (info->out, "Dates:"));

      after = test_read_bytes (path);
      g_assert_true (g_bytes_equal (before, after));
    }

  /* and good dates, a milestone among them, still open */
  {
    g_autofree char *path = write_hostile_file (dir, "good.upphandla",
      "UPDATE stage SET start_date = '2028-02-29', end_date = '2028-02-29';"
      "INSERT INTO stage (kind, start_date, end_date, position) VALUES ('needs', '0001-01-01', '9999-12-31', 2);");
    g_autoptr(UpProject) project = open_project (path);

    g_assert_cmpuint (up_project_count (project, "stage"), ==, 2);
  }
}

/* Row ids at the ends of SQLite's range: the file is valid, every row
 * must show and take edits like any other. */
static void
test_hostile_ids (void)
{
  g_autofree char *dir = test_new_dir (test_root, "hostile-ids");
  g_autofree char *path = write_hostile_file (dir, "ids.upphandla",
    "PRAGMA foreign_keys = OFF;"
    "UPDATE stage SET id = 9223372036854775807;"
    "UPDATE note SET stage_id = 9223372036854775807;"
    "UPDATE sdg_link SET stage_id = 9223372036854775807;"
    "UPDATE stakeholder SET id = -7;"
    "UPDATE note_stakeholder SET stakeholder_id = -7;");
  g_autoptr(UpProject) project = open_project (path);
  g_autoptr(UpStage) stage = g_list_model_get_item (up_project_get_stages (project), 0);
  g_autoptr(UpStakeholder) person = g_list_model_get_item (up_project_get_stakeholders (project), 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) broken = g_ptr_array_new_with_free_func (g_free);
  UpStage *added;

  g_assert_cmpint (up_record_get_id (UP_RECORD (stage)), ==, G_MAXINT64);
  g_assert_cmpint (up_record_get_id (UP_RECORD (person)), ==, -7);

  g_assert_true (up_project_set_string (project, stage, "title", "Edited", &error));
  g_assert_no_error (error);
  if (g_strcmp0 (up_stage_get_title (stage), "Edited") != 0)
    g_ptr_array_add (broken, g_strdup_printf ("the stage of id 2^63-1 still shows “%s” after its title was set",
                                              up_stage_get_title (stage)));
  g_assert_true (up_project_set_string (project, person, "name", "Edited", &error));
  g_assert_no_error (error);
  if (g_strcmp0 (up_stakeholder_get_name (person), "Edited") != 0)
    g_ptr_array_add (broken, g_strdup ("the stakeholder of id -7 did not take its edit"));

  /* after a row of id 2^63-1, SQLite picks new ids at random */
  added = up_project_add_stage (project, "pilot", "Added", "2026-04-01", "2026-04-02", NULL, &error);
  g_assert_no_error (error);
  if (added == NULL || up_project_count (project, "stage") != 2)
    g_ptr_array_add (broken, g_strdup_printf ("a stage added after it is missing from the model "
                                              "(%u stages in the model)", up_project_count (project, "stage")));
  flush_ok (project);
  {
    g_autofree char *titles = query_text (path, "SELECT group_concat(title, ',') FROM (SELECT title FROM stage ORDER BY title)");

    g_assert_cmpstr (titles, ==, "Added,Edited");
  }

  if (broken->len > 0)
    {
      g_autofree char *list = NULL;

      g_ptr_array_add (broken, NULL);
      list = g_strjoinv ("; ", (char **) broken->pdata);
      g_error ("%s", list);
    }
}

/* A project table with a renamed column: refused at open as damaged, with
 * the file left as it was (it used to open without its info record, and
 * crash at the first read of the title). */
static void
test_hostile_schema (void)
{
  g_autofree char *dir = test_new_dir (test_root, "hostile-schema");
  g_autofree char *path = write_hostile_file (dir, "schema.upphandla",
                                              "ALTER TABLE project RENAME COLUMN created TO made;");
  g_autoptr(GBytes) before = test_read_bytes (path);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(Run) info = run_cli (NULL, "--info", path, NULL);

  after = test_read_bytes (path);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_cmpint (info->status, ==, 1);
  g_assert_nonnull (strstr (info->err, "schema.upphandla"));
}

/* A negative user_version: PRAGMA user_version is a signed number, and a
 * file of -100 is no older project. It must be refused like any damaged
 * file, by the command line, whose child process a crash cannot take the
 * test down with. */
static void
test_hostile_version (void)
{
  g_autofree char *dir = test_new_dir (test_root, "hostile-version");
  g_autofree char *path = write_hostile_file (dir, "version.upphandla", "PRAGMA user_version = -100;");
  g_autoptr(GBytes) before = test_read_bytes (path);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(Run) info = run_cli (NULL, "--info", path, NULL);

  after = test_read_bytes (path);
  g_assert_true (g_bytes_equal (before, after));
  /* a crash, or under the sanitizers their report */
  if (info->status == -1 || strstr (info->err, "runtime error") != NULL ||
      strstr (info->err, "Sanitizer") != NULL)
    {
      g_test_incomplete ("KNOWN BUG: `upphandla --info` crashes on a project of user_version -100: "
                         "migrate() reads up_schema_migrations[-100] (up-store.c; "
                         "tests/fuzz/crashes/oob-negative-user-version.upphandla)");
      return;
    }
  g_assert_cmpint (info->status, ==, 1);
  g_assert_nonnull (strstr (info->err, "version.upphandla"));
}

/* Children */

static int
child_main (int    argc,
            char **argv)
{
  const char *mode = argv[2];

  if (strcmp (mode, "peer") == 0 && argc == 5)
    return child_peer (argv[3], argv[4]);
  if (strcmp (mode, "read-only") == 0 && argc == 5)
    return child_read_only (argv[3], argv[4]);
  return 2;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *state = NULL;
  g_autofree char *recovery = NULL;
  g_autoptr(GString) text = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (argc >= 3 && strcmp (argv[1], "--child") == 0)
    return child_main (argc, argv);

  self_exe = g_file_read_link ("/proc/self/exe", &error);
  g_assert_no_error (error);

  /* Before anything asks GLib for them: it caches the answers. The
   * recovery folder is shared with the children that run as nobody, and
   * with the command line. */
  test_root = g_dir_make_tmp ("upphandla-test-reliability-XXXXXX", NULL);
  g_assert_nonnull (test_root);
  g_chmod (test_root, 0755);
  state = g_build_filename (test_root, "state", NULL);
  recovery = g_build_filename (state, "upphandla", "recovery", NULL);
  g_mkdir_with_parents (recovery, 0755);
  g_chmod (recovery, 01777);
  g_setenv ("XDG_STATE_HOME", state, TRUE);
  g_setenv ("XDG_DATA_HOME", test_root, TRUE);
  g_setenv ("XDG_CONFIG_HOME", test_root, TRUE);
  g_setenv ("XDG_CACHE_HOME", test_root, TRUE);

  /* 1 MiB: letters of four byte lengths, right-to-left, quotes, format
   * directives and control characters, repeated */
  text = g_string_new (NULL);
  while (text->len < 1024 * 1024 - 64)
    g_string_append (text, "aö€😀 עב %s%n '\"; -- \x01\x1f\t\n");
  megabyte = g_string_free (g_steal_pointer (&text), FALSE);

  g_test_init (&argc, &argv, NULL);
  g_test_message ("test files in %s", test_root);

  g_test_add_func ("/reliability/two-processes/in-turn", test_two_processes_in_turn);
  g_test_add_func ("/reliability/two-processes/at-once", test_two_processes_at_once);
  g_test_add_func ("/reliability/two-processes/recovery-kept", test_two_processes_recovery_kept);
  g_test_add_func ("/reliability/two-processes/lock-held", test_two_processes_lock_held);
  for (guint i = 0; i < G_N_ELEMENTS (odd_names); i++)
    {
      g_autofree char *test_path = g_strconcat ("/reliability/paths/", name_slug (i), NULL);

      g_test_add_data_func (test_path, GUINT_TO_POINTER (i), test_odd_path);
    }
  g_test_add_func ("/reliability/paths/colon", test_path_colon);
  g_test_add_func ("/reliability/read-only/file", test_read_only_file);
  g_test_add_func ("/reliability/file-size/cli", test_file_size_limit);
  g_test_add_data_func ("/reliability/replaced/renamed-over", GINT_TO_POINTER (REPLACE_RENAME), test_replaced);
  g_test_add_data_func ("/reliability/replaced/rewritten-in-place", GINT_TO_POINTER (REPLACE_IN_PLACE), test_replaced);
  g_test_add_data_func ("/reliability/replaced/same-size-in-place", GINT_TO_POINTER (REPLACE_SAME_SIZE), test_replaced);
  g_test_add_func ("/reliability/replaced/deleted", test_replaced_deleted);
  g_test_add_func ("/reliability/odd-text/round-trip", test_odd_text_round_trip);
  g_test_add_func ("/reliability/odd-text/cli-info", test_odd_text_cli);
  g_test_add_func ("/reliability/hostile/values", test_hostile_values);
  g_test_add_func ("/reliability/hostile/ids", test_hostile_ids);
  g_test_add_func ("/reliability/hostile/dates", test_hostile_dates);
  g_test_add_func ("/reliability/hostile/schema", test_hostile_schema);
  g_test_add_func ("/reliability/hostile/negative-version", test_hostile_version);

  status = g_test_run ();

  if (status == 0)
    test_remove_tree (test_root);
  g_free (test_root);
  g_free (self_exe);
  g_free (megabyte);
  return status;
}
