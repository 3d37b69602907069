/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Writes the seed corpus of fuzz-open into a folder (see make-corpus.sh):
 * small real projects made through the edit API, then variants that only
 * another program (or damage) can make — values the model never writes,
 * a schema of its own, a trigger, WAL mode, other page sizes — and
 * truncated or garbled copies. Pages of 512 bytes keep the seeds small.
 *
 *   make-seeds FOLDER
 */

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "upphandla.h"

static const char *folder;

static char *
seed_path (const char *name)
{
  return g_build_filename (folder, name, NULL);
}

static void
check (gboolean    ok,
       GError     *error,
       const char *what)
{
  if (!ok)
    g_error ("%s: %s", what, error != NULL ? error->message : "failed");
}

/* Runs @sql on the file with SQLite's own file API and closes it, which
 * leaves no journal behind. */
static void
sql_on_file (const char *name,
             const char *sql)
{
  g_autofree char *path = seed_path (name);
  sqlite3 *db = NULL;
  char *message = NULL;

  if (sqlite3_open (path, &db) != SQLITE_OK ||
      sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s: %s", name, sql, message ? message : sqlite3_errmsg (db));
  sqlite3_close (db);
}

/* A seed made from nothing: what an earlier run wrote goes first. */
static void
fresh (const char *name)
{
  g_autofree char *path = seed_path (name);

  g_unlink (path);
}

static void
small_pages (const char *name)
{
  sql_on_file (name, "PRAGMA page_size = 512; VACUUM;");
}

static void
copy_seed (const char *from,
           const char *to)
{
  g_autofree char *a = seed_path (from);
  g_autofree char *b = seed_path (to);
  g_autofree char *data = NULL;
  gsize size;

  check (g_file_get_contents (a, &data, &size, NULL), NULL, a);
  check (g_file_set_contents (b, data, size, NULL), NULL, b);
}

static GBytes *
read_seed (const char *name)
{
  g_autofree char *path = seed_path (name);
  char *data = NULL;
  gsize size;

  check (g_file_get_contents (path, &data, &size, NULL), NULL, path);
  return g_bytes_new_take (data, size);
}

static void
write_seed (const char *name,
            const void *data,
            gsize       size)
{
  g_autofree char *path = seed_path (name);

  check (g_file_set_contents (path, data, size, NULL), NULL, path);
}

static void
save_project (UpProject  *project,
              const char *name)
{
  g_autofree char *path = seed_path (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  UpStore *store = up_project_get_store (project);

  up_store_set_file (store, file);
  check (up_store_save (store, &error), error, name);
  small_pages (name);
}

static void
make_api_seeds (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UpProject) empty = up_project_new ("", &error);
  g_autoptr(UpProject) one = up_project_new ("One stage", &error);
  g_autoptr(UpProject) every = up_project_new ("Every table – åäö 🦊", &error);
  UpStage *stage, *milestone;
  UpStakeholder *person;
  UpNote *note;
  UpLocalGoal *goal;

  check (empty != NULL && one != NULL && every != NULL, error, "new");
  save_project (empty, "empty.upphandla");

  stage = up_project_add_stage (one, "hackathon", "Hackathon", "2026-03-02", "2026-03-03", NULL, &error);
  check (stage != NULL, error, "add stage");
  save_project (one, "one-stage.upphandla");

  /* one row in every table, link tables too */
  check (up_project_set_string (every, every, "organisation", "Älvby kommun", &error), error, "org");
  stage = up_project_add_stage (every, "needs", "Behovsanalys", "2026-02-02", "2026-03-13", NULL, &error);
  check (stage != NULL, error, "stage");
  milestone = up_project_add_stage (every, "milestone", "Beslut", "2026-04-01", "2026-04-01", stage, &error);
  check (milestone != NULL, error, "milestone");
  person = up_project_add_stakeholder (every, "Ahmed Hassan", "Brukarrådet", "user", &error);
  check (person != NULL, error, "stakeholder");
  note = up_project_add_note (every, "Larmen måste fungera för den som inte hör.", "dialogue",
                              "2026-02-10", stage, &error);
  check (note != NULL, error, "note");
  check (up_project_link_note_stakeholder (every, note, person, &error), error, "note stakeholder");
  check (up_project_add_sdg_link (every, UP_RECORD (stage), "3.8", "positive", 3, "Trygghet", &error) != NULL,
         error, "stage link");
  check (up_project_add_sdg_link (every, UP_RECORD (note), "10.2", "both", 1, "", &error) != NULL,
         error, "note link");
  goal = up_project_add_local_goal (every, "local", "Trygg hemma", &error);
  check (goal != NULL, error, "goal");
  check (up_project_link_local_goal_target (every, goal, "3.8", &error), error, "goal target");
  check (up_project_link_stage_local_goal (every, milestone, goal, &error), error, "stage goal");
  save_project (every, "every-table.upphandla");
}

/* Values and shapes the edit API never writes, but a file can hold. */
static void
make_hostile_seeds (void)
{
  g_autofree char *ids = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %d;",
                                          UP_APPLICATION_ID, UP_SCHEMA_VERSION);
  g_autofree char *v0 = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = 0;"
                                         "CREATE TABLE t (x); DROP TABLE t;", UP_APPLICATION_ID);
  g_autofree char *too_new = g_strdup_printf ("PRAGMA user_version = %d;", UP_SCHEMA_VERSION + 1);
  g_autofree char *no_constraints = NULL;

  /* ids at the ends of SQLite's range, and below zero */
  copy_seed ("every-table.upphandla", "huge-ids.upphandla");
  sql_on_file ("huge-ids.upphandla",
               "UPDATE stage SET id = 9223372036854775807 WHERE position = 0;"
               "UPDATE stage SET id = -9223372036854775808 WHERE position = 1;"
               "UPDATE stakeholder SET id = 576460752303423488;"
               "UPDATE note SET id = -1;"
               "UPDATE local_goal SET id = 1152921504606846976;");

  /* text that is not UTF-8, NULs in text, numbers where text belongs */
  copy_seed ("every-table.upphandla", "bad-text.upphandla");
  sql_on_file ("bad-text.upphandla",
               "PRAGMA ignore_check_constraints = ON;"
               "UPDATE project SET title = CAST(X'C3FFFE41' AS TEXT), organisation = 42,"
               "  description = CAST(X'6100620063' AS TEXT);"
               "UPDATE stage SET title = CAST(X'F0908080ED' AS TEXT), kind = 'rocket',"
               "  status = 'lost', start_date = '2026-02-30', end_date = 'tomorrow';"
               "UPDATE stakeholder SET category = '', stance = X'00';"
               "UPDATE note SET kind = 'séance', visibility = 'secret', said_on = '9999-99-99',"
               "  stage_id = 424242;"
               "UPDATE sdg_link SET target = '18.1', impact = 'meh';"
               "UPDATE local_goal SET level = 'galactic', position = -5;"
               "UPDATE local_goal_target SET target = '';");

  /* numbers out of range: the file's own CHECK constraints fail */
  copy_seed ("every-table.upphandla", "out-of-range.upphandla");
  sql_on_file ("out-of-range.upphandla",
               "PRAGMA ignore_check_constraints = ON;"
               "UPDATE stakeholder SET influence = 99, interest = -7;"
               "UPDATE sdg_link SET strength = 1000;");

  /* the tables without any constraint, holding NULLs everywhere */
  no_constraints = g_strconcat (ids,
    "CREATE TABLE project (id INTEGER PRIMARY KEY, title, organisation, description, created, modified);"
    "INSERT INTO project VALUES (1, NULL, NULL, NULL, NULL, NULL);"
    "CREATE TABLE stage (id INTEGER PRIMARY KEY, kind, title, description, start_date, end_date, status, position);"
    "INSERT INTO stage VALUES (1, NULL, NULL, NULL, NULL, NULL, NULL, NULL);"
    "INSERT INTO stage VALUES (2, 'milestone', 'M', '', '2026-01-01', '2025-01-01', 'done', 1);"
    "INSERT INTO stage VALUES (3, 'pilot', 'Same position', '', '2026-01-01', '2026-01-02', 'done', 1);"
    "CREATE TABLE stakeholder (id INTEGER PRIMARY KEY, name, organisation, category, influence, interest, stance, contact);"
    "INSERT INTO stakeholder VALUES (1, NULL, NULL, NULL, NULL, NULL, NULL, NULL);"
    "CREATE TABLE note (id INTEGER PRIMARY KEY, body, said_on, created, updated, kind, visibility, stage_id);"
    "INSERT INTO note VALUES (1, NULL, NULL, NULL, NULL, NULL, NULL, 77);"
    "CREATE TABLE note_stakeholder (id INTEGER PRIMARY KEY, note_id, stakeholder_id);"
    "INSERT INTO note_stakeholder VALUES (1, 1, 99), (2, 99, 1), (3, 1, 1), (4, 1, 1);"
    "CREATE TABLE sdg_link (id INTEGER PRIMARY KEY, stage_id, note_id, target, impact, strength, comment);"
    "INSERT INTO sdg_link VALUES (1, 1, 1, NULL, NULL, NULL, NULL), (2, NULL, NULL, '1.1', 'positive', 2, '');"
    "CREATE TABLE local_goal (id INTEGER PRIMARY KEY, level, title, indicator, baseline, target_value, position);"
    "INSERT INTO local_goal VALUES (1, NULL, NULL, NULL, NULL, NULL, NULL);"
    "CREATE TABLE local_goal_target (id INTEGER PRIMARY KEY, goal_id, target);"
    "INSERT INTO local_goal_target VALUES (1, 1, NULL), (2, 5, '3.8');"
    "CREATE TABLE stage_local_goal (id INTEGER PRIMARY KEY, stage_id, goal_id);"
    "INSERT INTO stage_local_goal VALUES (1, 1, 1), (2, 1, 1);",
    NULL);
  fresh ("no-constraints.upphandla");
  sql_on_file ("no-constraints.upphandla", no_constraints);
  small_pages ("no-constraints.upphandla");

  /* a trigger of the file's own that fights every edit */
  copy_seed ("every-table.upphandla", "own-trigger.upphandla");
  sql_on_file ("own-trigger.upphandla",
               "CREATE TRIGGER own_a AFTER UPDATE ON project BEGIN DELETE FROM stage; END;"
               "CREATE TRIGGER own_b BEFORE INSERT ON note BEGIN SELECT RAISE(ABORT, 'no notes'); END;"
               "CREATE TRIGGER own_c AFTER DELETE ON stage BEGIN"
               "  INSERT INTO stage (kind, title, start_date, end_date, position)"
               "  VALUES ('custom', 'Back', '2026-01-01', '2026-01-01', 0); END;");

  /* a view where a table belongs */
  copy_seed ("every-table.upphandla", "view-table.upphandla");
  sql_on_file ("view-table.upphandla",
               "PRAGMA foreign_keys = OFF; DROP TABLE stakeholder;"
               "CREATE VIEW stakeholder AS SELECT id, title AS name, '' AS organisation,"
               "  'other' AS category, 3 AS influence, 3 AS interest, 'unknown' AS stance,"
               "  '' AS contact FROM stage;");

  /* the project table with a column renamed */
  copy_seed ("every-table.upphandla", "renamed-column.upphandla");
  sql_on_file ("renamed-column.upphandla", "ALTER TABLE project RENAME COLUMN created TO made;");

  /* a table missing a column */
  copy_seed ("every-table.upphandla", "missing-column.upphandla");
  sql_on_file ("missing-column.upphandla", "ALTER TABLE local_goal DROP COLUMN baseline;");

  /* the project row gone */
  copy_seed ("every-table.upphandla", "no-project-row.upphandla");
  sql_on_file ("no-project-row.upphandla", "DELETE FROM project;");

  /* versions */
  fresh ("version-0.upphandla");
  sql_on_file ("version-0.upphandla", v0);
  small_pages ("version-0.upphandla");
  copy_seed ("one-stage.upphandla", "too-new.upphandla");
  sql_on_file ("too-new.upphandla", too_new);
  copy_seed ("one-stage.upphandla", "other-app.upphandla");
  sql_on_file ("other-app.upphandla", "PRAGMA application_id = 1195787589;");

  /* WAL mode, and other page sizes */
  copy_seed ("one-stage.upphandla", "wal.upphandla");
  sql_on_file ("wal.upphandla", "PRAGMA journal_mode = WAL;");
  copy_seed ("one-stage.upphandla", "pages-1024.upphandla");
  sql_on_file ("pages-1024.upphandla", "PRAGMA page_size = 1024; VACUUM;");
}

static void
make_damaged_seeds (void)
{
  g_autoptr(GBytes) every = read_seed ("every-table.upphandla");
  const guint8 *data = g_bytes_get_data (every, NULL);
  gsize size = g_bytes_get_size (every);
  g_autofree guint8 *copy = g_memdup2 (data, size);
  g_autoptr(GRand) rand = g_rand_new_with_seed (4711);
  const gsize cuts[] = { 16, 100, 512, 1024, size / 2, size - 512, size - 1 };

  for (guint i = 0; i < G_N_ELEMENTS (cuts); i++)
    {
      g_autofree char *name = g_strdup_printf ("truncated-%" G_GSIZE_FORMAT ".upphandla", cuts[i]);

      write_seed (name, data, cuts[i]);
    }

  /* garbage over the schema page, then over the last page */
  for (gsize j = 100; j < 512; j++)
    copy[j] = g_rand_int_range (rand, 0, 256);
  write_seed ("garbled-schema.upphandla", copy, size);
  memcpy (copy, data, size);
  for (gsize j = size - 512; j < size; j++)
    copy[j] = g_rand_int_range (rand, 0, 256);
  write_seed ("garbled-last-page.upphandla", copy, size);

  /* the header says more pages than there are, and a page size that is
   * not a power of two */
  memcpy (copy, data, size);
  copy[31] += 3;
  write_seed ("page-count.upphandla", copy, size);
  memcpy (copy, data, size);
  copy[16] = 0x03;
  copy[17] = 0x00;
  write_seed ("page-size-768.upphandla", copy, size);

  write_seed ("not-sqlite.upphandla", "stage;start;end\nNeeds;2026-01-01;2026-02-01\n", 44);
}

int
main (int   argc,
      char *argv[])
{
  if (argc != 2)
    {
      g_printerr ("usage: make-seeds FOLDER\n");
      return 2;
    }
  folder = argv[1];
  g_mkdir_with_parents (folder, 0755);

  make_api_seeds ();
  make_hostile_seeds ();
  make_damaged_seeds ();
  return 0;
}
