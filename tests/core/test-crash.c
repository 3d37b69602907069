/* SPDX-License-Identifier: GPL-3.0-or-later */

/* prctl () and pipe2 () */
#define _GNU_SOURCE

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <poll.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include "upphandla.h"

/* The SIGKILL harness. A child (this program, run again with --child)
 * opens a project file and makes random edits of every kind on a main
 * loop, letting saves run in the background and flushing now and then.
 * The parent kills it with SIGKILL at a random moment and checks what is
 * on disk.
 *
 * Each step of the child is one undo group that also sets the project's
 * description to "edit N" (N counts up from what the file held) and its
 * title to the row counts of every table after the step. When the child
 * knows that the file holds everything up to step N (a flush returned, or
 * a "saved" signal left the store clean) it writes N to its stdout.
 *
 * After each kill the file must pass PRAGMA integrity_check, open, hold a
 * step >= every N reported (and >= what it held before), and its row
 * counts must be those of its title: one whole step, never half of one.
 * A recovery copy, when one is offered, must be all of that too, and at
 * least as far as the file.
 *
 * UPPHANDLA_CRASH_ROUNDS sets the number of kills (default 200, about 30 s). */

#define DEFAULT_ROUNDS 200
#define MAX_KILL_MS 300

static const char * const counted_tables[] = {
  "stage", "stakeholder", "note", "sdg_link", "local_goal",
  "note_stakeholder", "local_goal_target", "stage_local_goal",
};

static char *
counts_title (UpProject *project)
{
  GString *title = g_string_new ("counts");

  for (guint i = 0; i < G_N_ELEMENTS (counted_tables); i++)
    g_string_append_printf (title, " %u", up_project_count (project, counted_tables[i]));
  return g_string_free (title, FALSE);
}

static gboolean
parse_step (const char *description,
            guint64    *step)
{
  return g_str_has_prefix (description, "edit ") &&
         g_ascii_string_to_unsigned (description + 5, 10, 0, G_MAXUINT64, step, NULL);
}

/* The child */

typedef struct
{
  UpProject *project;
  GRand     *rand;
  guint64    step;
  guint      since_flush;
  guint      flush_every;
} Child;

G_GNUC_NORETURN static void
die (const char   *what,
     const GError *error)
{
  g_printerr ("crash child: %s: %s\n", what, error != NULL ? error->message : "failed");
  _exit (3);
}

static void
report (guint64 step)
{
  char line[32];
  int length = g_snprintf (line, sizeof line, "%" G_GUINT64_FORMAT "\n", step);

  /* shorter than PIPE_BUF: one write, never torn */
  if (write (STDOUT_FILENO, line, length) != length)
    _exit (4);
}

static void
child_saved (UpStore *store,
             Child   *c)
{
  /* clean after a save: the file holds every step so far */
  if (!up_store_get_dirty (store))
    report (c->step);
}

static gpointer
pick (Child      *c,
      GListModel *list)
{
  guint n = g_list_model_get_n_items (list);
  gpointer item;

  if (n == 0)
    return NULL;
  item = g_list_model_get_item (list, g_rand_int_range (c->rand, 0, n));
  /* the project keeps its own reference as long as the row exists */
  g_object_unref (item);
  return item;
}

static char *
random_date (Child *c,
             int    span)
{
  return up_date_add_days ("2026-01-05", g_rand_int_range (c->rand, 0, span));
}

static const char *
random_of (Child              *c,
           const char * const *values)
{
  return values[g_rand_int_range (c->rand, 0, g_strv_length ((char **) values))];
}

static const char *
random_target (Child *c)
{
  const UpSdgGoal *goal = up_sdg_get_goal (g_rand_int_range (c->rand, 1, UP_SDG_N_GOALS + 1));

  return goal->targets[g_rand_int_range (c->rand, 0, goal->n_targets)];
}

static char *
random_text (Child *c)
{
  static const char * const words[] = {
    "behov", "dialog", "åtgärd", "leverantör", "pilot", "“citat”", "'; DROP TABLE note; --",
    "%s%n", "🦊", "עברית", "larm", "trygghet", "\t", "uppföljning",
  };
  GString *text = g_string_new (NULL);
  guint n = g_rand_int_range (c->rand, 1, 12);

  for (guint i = 0; i < n; i++)
    g_string_append_printf (text, "%s%s", i > 0 ? " " : "", words[g_rand_int_range (c->rand, 0, G_N_ELEMENTS (words))]);
  /* A title or a name of blanks only is refused (an edit that fails
   * would end the child): a word the store keeps. */
  if (strspn (text->str, " \t") == text->len)
    g_string_append (text, "larm");
  return g_string_free (text, FALSE);
}

static void
add_stage (Child *c)
{
  UpProject *p = c->project;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = random_text (c);
  g_autofree char *start = random_date (c, 700);
  g_autofree char *end = NULL;
  const char *kind = random_of (c, up_stage_kinds);
  UpStage *after = g_rand_boolean (c->rand) ? pick (c, up_project_get_stages (p)) : NULL;

  end = strcmp (kind, "milestone") == 0 ? g_strdup (start) : up_date_add_days (start, g_rand_int_range (c->rand, 0, 90));
  if (up_project_add_stage (p, kind, title, start, end, after, &error) == NULL)
    die ("add stage", error);
}

static void
add_stakeholder (Child *c)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = random_text (c);

  if (up_project_add_stakeholder (c->project, name, "Kommunen", random_of (c, up_stakeholder_categories), &error) == NULL)
    die ("add stakeholder", error);
}

static void
add_note (Child *c)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *body = random_text (c);
  g_autofree char *said_on = random_date (c, 700);
  UpStage *stage = g_rand_boolean (c->rand) ? pick (c, up_project_get_stages (c->project)) : NULL;

  if (up_project_add_note (c->project, body, random_of (c, up_note_kinds), said_on, stage, &error) == NULL)
    die ("add note", error);
}

static void
add_local_goal (Child *c)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *title = random_text (c);

  if (up_project_add_local_goal (c->project, random_of (c, up_local_goal_levels), title, &error) == NULL)
    die ("add local goal", error);
}

/* One random edit of any kind; an edit that needs rows there are none of
 * adds one instead, and a table that has grown large shrinks. */
static void
random_edit (Child *c)
{
  UpProject *p = c->project;
  g_autoptr(GError) error = NULL;
  UpStage *stage = pick (c, up_project_get_stages (p));
  UpStakeholder *stakeholder = pick (c, up_project_get_stakeholders (p));
  UpNote *note = pick (c, up_project_get_notes (p));
  UpSdgLink *link = pick (c, up_project_get_sdg_links (p));
  UpLocalGoal *goal = pick (c, up_project_get_local_goals (p));
  gboolean ok = TRUE;

  switch (g_rand_int_range (c->rand, 0, 20))
    {
    case 0:
      if (up_project_count (p, "stage") > 25 && stage != NULL)
        ok = up_project_delete_stage (p, stage, g_rand_boolean (c->rand), &error);
      else
        add_stage (c);
      break;
    case 1:
      if (stage == NULL)
        add_stage (c);
      else
        {
          g_autofree char *start = random_date (c, 700);
          g_autofree char *end = up_stage_get_is_milestone (stage)
                                 ? g_strdup (start)
                                 : up_date_add_days (start, up_stage_get_duration (stage) - 1 + g_rand_int_range (c->rand, 0, 3));

          ok = up_project_move_stage (p, stage, start, end, &error);
        }
      break;
    case 2:
      if (stage == NULL)
        add_stage (c);
      else
        ok = up_project_reorder_stage (p, stage, g_rand_int_range (c->rand, 0, up_project_count (p, "stage") + 1), &error);
      break;
    case 3:
      if (stage == NULL)
        add_stage (c);
      else
        ok = up_project_delete_stage (p, stage, g_rand_boolean (c->rand), &error);
      break;
    case 4:
      if (up_project_count (p, "stakeholder") > 25 && stakeholder != NULL)
        ok = up_project_delete_stakeholder (p, stakeholder, &error);
      else
        add_stakeholder (c);
      break;
    case 5:
      if (stakeholder == NULL)
        add_stakeholder (c);
      else
        ok = up_project_delete_stakeholder (p, stakeholder, &error);
      break;
    case 6:
      if (stakeholder == NULL)
        add_stakeholder (c);
      else
        {
          g_autofree char *text = random_text (c);

          switch (g_rand_int_range (c->rand, 0, 6))
            {
            case 0:
              ok = up_project_set_string (p, stakeholder, "name", text, &error);
              break;
            case 1:
              ok = up_project_set_string (p, stakeholder, "contact", text, &error);
              break;
            case 2:
              ok = up_project_set_int (p, stakeholder, "influence", g_rand_int_range (c->rand, 1, 6), &error);
              break;
            case 3:
              ok = up_project_set_int (p, stakeholder, "interest", g_rand_int_range (c->rand, 1, 6), &error);
              break;
            case 4:
              ok = up_project_set_string (p, stakeholder, "stance", random_of (c, up_stakeholder_stances), &error);
              break;
            default:
              ok = up_project_set_string (p, stakeholder, "category", random_of (c, up_stakeholder_categories), &error);
              break;
            }
        }
      break;
    case 7:
    case 8:
      if (up_project_count (p, "note") > 40 && note != NULL)
        ok = up_project_delete_note (p, note, &error);
      else
        add_note (c);
      break;
    case 9:
      if (note == NULL)
        add_note (c);
      else
        ok = up_project_delete_note (p, note, &error);
      break;
    case 10:
      if (note == NULL || stakeholder == NULL)
        add_note (c);
      else if (g_rand_int_range (c->rand, 0, 3) > 0)
        ok = up_project_link_note_stakeholder (p, note, stakeholder, &error);
      else
        ok = up_project_unlink_note_stakeholder (p, note, stakeholder, &error);
      break;
    case 11:
      if (note == NULL)
        add_note (c);
      else
        {
          g_autofree char *text = random_text (c);

          switch (g_rand_int_range (c->rand, 0, 3))
            {
            case 0:
              ok = up_project_set_string (p, note, "body", text, &error);
              break;
            case 1:
              ok = up_project_set_string (p, note, "visibility", random_of (c, up_note_visibilities), &error);
              break;
            default:
              ok = up_project_set_int (p, note, "stage-id",
                                       stage != NULL ? up_record_get_id (UP_RECORD (stage)) : 0, &error);
              break;
            }
        }
      break;
    case 12:
    case 13:
      if (stage == NULL && note == NULL)
        add_stage (c);
      else if (up_project_count (p, "sdg_link") > 40 && link != NULL)
        ok = up_project_delete_sdg_link (p, link, &error);
      else
        {
          g_autofree char *comment = random_text (c);
          UpRecord *owner = stage != NULL && (note == NULL || g_rand_boolean (c->rand))
                            ? UP_RECORD (stage) : UP_RECORD (note);

          ok = up_project_add_sdg_link (p, owner, random_target (c), random_of (c, up_sdg_impacts),
                                        g_rand_int_range (c->rand, 1, 4), comment, &error) != NULL;
        }
      break;
    case 14:
      if (link == NULL)
        add_stage (c);
      else
        ok = up_project_delete_sdg_link (p, link, &error);
      break;
    case 15:
      if (up_project_count (p, "local_goal") > 10 && goal != NULL)
        ok = up_project_delete_local_goal (p, goal, &error);
      else
        add_local_goal (c);
      break;
    case 16:
      if (goal == NULL)
        add_local_goal (c);
      else if (g_rand_int_range (c->rand, 0, 3) > 0)
        ok = up_project_link_local_goal_target (p, goal, random_target (c), &error);
      else
        {
          g_autoptr(GPtrArray) targets = up_project_list_local_goal_targets (p, goal);

          if (targets->len > 0)
            ok = up_project_unlink_local_goal_target (p, goal, targets->pdata[0], &error);
        }
      break;
    case 17:
      if (goal == NULL || stage == NULL)
        add_local_goal (c);
      else if (g_rand_int_range (c->rand, 0, 3) > 0)
        ok = up_project_link_stage_local_goal (p, stage, goal, &error);
      else
        ok = up_project_unlink_stage_local_goal (p, stage, goal, &error);
      break;
    case 18:
      if (goal == NULL)
        add_local_goal (c);
      else
        {
          g_autofree char *text = random_text (c);

          ok = up_project_set_string (p, goal, "indicator", text, &error);
        }
      break;
    default:
      if (goal == NULL)
        add_local_goal (c);
      else
        ok = up_project_delete_local_goal (p, goal, &error);
      break;
    }

  if (!ok)
    die ("edit", error);
}

static gboolean
child_step (gpointer data)
{
  Child *c = data;
  UpProject *p = c->project;
  UpHistory *history = up_project_get_history (p);
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  g_autofree char *title = NULL;

  /* now and then undo the last step (and maybe redo it); the step below
   * then always moves the description on */
  if (g_rand_int_range (c->rand, 0, 10) == 0 && up_history_get_can_undo (history))
    {
      if (!up_project_undo (p, &error))
        die ("undo", error);
      if (g_rand_boolean (c->rand) && !up_project_redo (p, &error))
        die ("redo", error);
    }

  c->step++;
  description = g_strdup_printf ("edit %" G_GUINT64_FORMAT, c->step);
  up_project_begin_group (p, "Step");
  random_edit (c);
  title = counts_title (p);
  if (!up_project_set_string (p, p, "title", title, &error) ||
      !up_project_set_string (p, p, "description", description, &error))
    die ("step", error);
  if (!up_project_end_group (p, &error))
    die ("end of step", error);

  if (++c->since_flush >= c->flush_every)
    {
      c->since_flush = 0;
      c->flush_every = g_rand_int_range (c->rand, 1, 9);
      if (!up_store_flush (up_project_get_store (p), &error))
        die ("flush", error);
      report (c->step);
    }

  return G_SOURCE_CONTINUE;
}

static gboolean
child_give_up (gpointer data)
{
  g_printerr ("crash child: nobody killed me\n");
  _exit (5);
}

static int
child_main (const char *path,
            const char *seed_text)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(UpStore) store = NULL;
  g_autoptr(UpProject) project = NULL;
  g_autoptr(GFile) recovery = NULL;
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  Child c = { 0 };

  /* never outlive the parent */
  prctl (PR_SET_PDEATHSIG, SIGKILL);

  c.rand = g_rand_new_with_seed (g_ascii_strtoull (seed_text, NULL, 10));
  c.flush_every = g_rand_int_range (c.rand, 1, 9);

  /* as the application would: recover what the last run left behind
   * (half of the time; the other half the user discards it, as the
   * recovery dialog's Discard does: a store never writes over a copy that
   * another one left, which stays until the user chooses) */
  recovery = up_store_find_recovery (file);
  if (recovery != NULL && g_rand_boolean (c.rand))
    store = up_store_open_recovery (file, &error);
  else
    {
      if (recovery != NULL)
        up_store_discard_recovery (file);
      store = up_store_open (file, &error);
    }
  if (store == NULL)
    die ("open", error);
  project = up_project_new_for_store (store, &error);
  if (project == NULL)
    die ("project", error);
  c.project = project;
  if (!parse_step (up_project_get_description (project), &c.step))
    die ("the description holds no step", NULL);

  g_signal_connect (store, "saved", G_CALLBACK (child_saved), &c);
  g_timeout_add (1, child_step, &c);
  g_timeout_add_seconds (30, child_give_up, NULL);
  g_main_loop_run (loop);
  return 0;
}

/* The parent */

static gboolean
project_is_sound (const char *path,
                  guint64    *step)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(UpStore) store = NULL;
  g_autoptr(UpProject) project = NULL;
  g_autofree char *counts = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *file_uri = g_filename_to_uri (path, NULL, NULL);
  g_autofree char *uri = g_strconcat (file_uri, "?mode=ro&immutable=1", NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean ok;
  gsize size;
  guint page_size;

  /* whole pages: SQLite would read a short last page as zeros */
  if (!g_file_get_contents (path, &contents, &size, &error) || size < 100)
    {
      g_test_message ("%s: cannot be read or is too short", path);
      return FALSE;
    }
  page_size = ((guint8) contents[16] << 8) | (guint8) contents[17];
  if (page_size == 1)
    page_size = 65536;
  if (size % page_size != 0)
    {
      g_test_message ("%s: %" G_GSIZE_FORMAT " bytes, not whole pages of %u", path, size, page_size);
      return FALSE;
    }

  g_assert_cmpint (sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL), ==, SQLITE_OK);
  ok = sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL) == SQLITE_OK &&
       sqlite3_step (stmt) == SQLITE_ROW &&
       g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0;
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  if (!ok)
    {
      g_test_message ("%s: fails PRAGMA integrity_check", path);
      return FALSE;
    }

  store = up_store_open (file, &error);
  if (store == NULL)
    {
      g_test_message ("%s: %s", path, error->message);
      return FALSE;
    }
  project = up_project_new_for_store (store, &error);
  if (project == NULL)
    {
      g_test_message ("%s: %s", path, error->message);
      return FALSE;
    }
  if (!parse_step (up_project_get_description (project), step))
    {
      g_test_message ("%s: no step in the description", path);
      return FALSE;
    }
  counts = counts_title (project);
  if (strcmp (counts, up_project_get_title (project)) != 0)
    {
      g_test_message ("%s: step %" G_GUINT64_FORMAT " holds %s, its title says %s",
                      path, *step, counts, up_project_get_title (project));
      return FALSE;
    }
  return TRUE;
}

static void
read_reports (int       fd,
              GString  *buffer,
              guint64  *reported)
{
  char chunk[512];
  ssize_t n;
  char *newline;

  while ((n = read (fd, chunk, sizeof chunk)) > 0)
    g_string_append_len (buffer, chunk, n);

  while ((newline = strchr (buffer->str, '\n')) != NULL)
    {
      guint64 step;

      *newline = '\0';
      if (g_ascii_string_to_unsigned (buffer->str, 10, 0, G_MAXUINT64, &step, NULL))
        *reported = MAX (*reported, step);
      g_string_erase (buffer, 0, newline + 1 - buffer->str);
    }
}

static void
create_start_file (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(UpProject) project = up_project_create (file, "counts", &error);
  g_autofree char *title = NULL;

  g_assert_no_error (error);
  title = counts_title (project);
  g_assert_true (up_project_set_string (project, project, "title", title, &error));
  g_assert_true (up_project_set_string (project, project, "description", "edit 0", &error));
  g_assert_no_error (error);
  g_assert_true (up_store_flush (up_project_get_store (project), &error));
  g_assert_no_error (error);
}

static void
test_sigkill (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *self = g_file_read_link ("/proc/self/exe", &error);
  g_autofree char *dir = g_dir_make_tmp ("upphandla-test-crash-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261128);
  g_autoptr(GTimer) timer = g_timer_new ();
  const char *rounds_text = g_getenv ("UPPHANDLA_CRASH_ROUNDS");
  guint rounds = DEFAULT_ROUNDS;
  guint64 file_step = 0;
  guint recoveries = 0, leftovers = 0, recovery_leftovers = 0, live_leftovers = 0, silent_rounds = 0, swept = 0;
  guint64 reported_total = 0;
  /* the temporary files of interrupted saves seen after the last round */
  g_autoptr(GHashTable) earlier_temps = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_assert_no_error (error);
  if (rounds_text != NULL && rounds_text[0] != '\0')
    rounds = g_ascii_strtoull (rounds_text, NULL, 10);
  path = g_build_filename (dir, "crash.upphandla", NULL);
  file = g_file_new_for_path (path);
  create_start_file (path);

  for (guint round = 0; round < rounds; round++)
    {
      g_autofree char *seed = g_strdup_printf ("%u", g_rand_int (rand));
      const char *argv[] = { self, "--child", path, seed, NULL };
      g_autoptr(GString) buffer = g_string_new (NULL);
      g_autoptr(GFile) recovery = NULL;
      g_autoptr(GDir) d = NULL;
      gint64 deadline;
      guint64 reported = 0, step = 0;
      GPid pid;
      int out_fd, status;
      const char *name;

      g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                NULL, NULL, &pid, NULL, &out_fd, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpint (fcntl (out_fd, F_SETFL, O_NONBLOCK), ==, 0);

      deadline = g_get_monotonic_time () + g_rand_int_range (rand, 3, MAX_KILL_MS + 1) * 1000;
      for (;;)
        {
          gint64 left = deadline - g_get_monotonic_time ();
          struct pollfd pfd = { out_fd, POLLIN, 0 };

          if (left <= 0)
            break;
          if (poll (&pfd, 1, (int) ((left + 999) / 1000)) > 0)
            {
              read_reports (out_fd, buffer, &reported);
              if (pfd.revents & POLLHUP)
                break;
            }
        }

      g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      /* what it wrote before it died counts too */
      g_assert_cmpint (fcntl (out_fd, F_SETFL, 0), ==, 0);
      read_reports (out_fd, buffer, &reported);
      close (out_fd);
      g_spawn_close_pid (pid);

      if (!WIFSIGNALED (status) || WTERMSIG (status) != SIGKILL)
        g_error ("round %u: the child ended by itself (status %d) before it was killed", round, status);

      if (!project_is_sound (path, &step))
        g_error ("round %u: the document is not a sound project after the kill", round);
      if (reported == 0)
        silent_rounds++;
      if (step < reported || step < file_step)
        g_error ("round %u: the file holds step %" G_GUINT64_FORMAT ", but step %" G_GUINT64_FORMAT
                 " was reported saved and the file held %" G_GUINT64_FORMAT " before",
                 round, step, reported, file_step);
      reported_total += reported > file_step ? reported - file_step : 0;
      file_step = step;

      recovery = up_store_find_recovery (file);
      if (recovery != NULL)
        {
          guint64 recovery_step = 0;

          recoveries++;
          if (!project_is_sound (g_file_peek_path (recovery), &recovery_step))
            g_error ("round %u: the recovery copy is not a sound project", round);
          if (recovery_step < step)
            g_error ("round %u: the recovery copy holds step %" G_GUINT64_FORMAT ", the file step %" G_GUINT64_FORMAT,
                     round, recovery_step, step);
        }

      /* only the document, and the temporary files of interrupted saves:
       * hidden, named after the document, and swept by the next save that
       * completes. Anything else (of SQLite's, say) fails. */
      {
        g_autoptr(GHashTable) temps = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
        GHashTableIter iter;
        gpointer key;

        d = g_dir_open (dir, 0, &error);
        g_assert_no_error (error);
        while ((name = g_dir_read_name (d)) != NULL)
          {
            if (strcmp (name, "crash.upphandla") == 0)
              continue;
            if (g_str_has_prefix (name, ".crash.upphandla.save-") &&
                strlen (name) == strlen (".crash.upphandla.save-XXXXXX"))
              {
                if (reported > 0 && g_hash_table_contains (earlier_temps, name))
                  g_error ("round %u: %s, left by an earlier interrupted save, was not swept by this round's saves",
                           round, name);
                if (!g_hash_table_contains (earlier_temps, name))
                  leftovers++;
                g_hash_table_add (temps, g_strdup (name));
                continue;
              }
            g_error ("round %u: %s lies beside the document", round, name);
          }

        g_hash_table_iter_init (&iter, earlier_temps);
        while (g_hash_table_iter_next (&iter, &key, NULL))
          if (!g_hash_table_contains (temps, key))
            swept++;
        g_hash_table_remove_all (earlier_temps);
        g_hash_table_iter_init (&iter, temps);
        while (g_hash_table_iter_next (&iter, &key, NULL))
          g_hash_table_add (earlier_temps, g_strdup (key));
      }
    }

  /* the recovery folder: the copy, its .uri and its .owner, and what interrupted
   * writes of them left behind */
  {
    g_autoptr(GFile) recovery_dir = up_store_get_recovery_dir ();
    g_autoptr(GDir) d = g_dir_open (g_file_peek_path (recovery_dir), 0, NULL);
    const char *name;

    while (d != NULL && (name = g_dir_read_name (d)) != NULL)
      {
        if (g_str_has_suffix (name, ".live"))
          live_leftovers++;
        else if (!g_str_has_suffix (name, ".upphandla") && !g_str_has_suffix (name, ".uri") &&
                 !g_str_has_suffix (name, ".owner"))
          {
            recovery_leftovers++;
            g_test_message ("left in the recovery folder: %s", name);
          }
      }
  }

  g_test_message ("%u kills in %.1f s; the file reached step %" G_GUINT64_FORMAT
                  " (%" G_GUINT64_FORMAT " steps reported saved); %u rounds killed before any report;"
                  " a recovery copy was offered after %u kills; %u temporary files of an interrupted"
                  " save were left in the document's folder (%u swept by a later save, %u there at the end),"
                  " %u in the recovery folder",
                  rounds, g_timer_elapsed (timer, NULL), file_step, reported_total, silent_rounds,
                  recoveries, leftovers, swept, g_hash_table_size (earlier_temps), recovery_leftovers);
  g_assert_cmpuint (file_step, >, 0);
  /* saves sweep what killed saves left in the recovery folder, so at most
   * the last interrupted save's two files (the copy and its .uri) remain */
  g_assert_cmpuint (recovery_leftovers, <=, 2);
  /* each child's lock that says it runs: a child sweeps those of the
   * killed ones before it, so only the last one's is left */
  g_assert_cmpuint (live_leftovers, <=, 1);

  up_store_discard_recovery (file);
  {
    GHashTableIter iter;
    gpointer key;

    g_hash_table_iter_init (&iter, earlier_temps);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      {
        g_autofree char *other = g_build_filename (dir, key, NULL);

        g_unlink (other);
      }
  }
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *state = NULL;
  int status;

  if (argc == 4 && strcmp (argv[1], "--child") == 0)
    return child_main (argv[2], argv[3]);

  /* before GLib caches it; the children inherit it */
  state = g_dir_make_tmp ("upphandla-test-crash-state-XXXXXX", NULL);
  g_assert_nonnull (state);
  g_setenv ("XDG_STATE_HOME", state, TRUE);

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/crash/sigkill", test_sigkill);
  status = g_test_run ();

  {
    g_autofree char *recovery = g_build_filename (state, "upphandla", "recovery", NULL);
    g_autofree char *upphandla = g_build_filename (state, "upphandla", NULL);
    g_autoptr(GDir) d = g_dir_open (recovery, 0, NULL);
    const char *name;

    while (d != NULL && (name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *child = g_build_filename (recovery, name, NULL);

        g_unlink (child);
      }
    g_rmdir (recovery);
    g_rmdir (upphandla);
    g_rmdir (state);
  }
  return status;
}
