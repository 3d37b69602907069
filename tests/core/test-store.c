/* SPDX-License-Identifier: GPL-3.0-or-later */

/* setresuid() and setresgid() */
#define _GNU_SOURCE

#include <cairo.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <grp.h>
#include <signal.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/file.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "upphandla.h"
#include "up-store-private.h"
#include "test-common.h"

/* The store: what a project file holds after a round trip, every way a
 * file can be bad when it is opened, and every way a save can fail (a
 * conflict, a read-only folder or file, a full disk), with the document
 * left as it was and the edits kept in memory and in the recovery copy.
 *
 * Tests run as root on CI, and root ignores file permissions, so the
 * permission cases run this program again as a child ("--child MODE ...")
 * that drops to the user nobody first; the full disk is a child with a
 * lowered file size limit. A child reports through its exit status: 0 or
 * 100 + an UpStoreError code, anything else names the check that failed,
 * with the details on its stderr (shown as TAP comments). */


static char *test_root;

/* Helpers */

/* The file through SQLite itself, not through the store: read-only and
 * immutable, so that not even a lock is taken. */
static sqlite3 *
open_sqlite_readonly (const char *path)
{
  g_autofree char *file_uri = g_filename_to_uri (path, NULL, NULL);
  g_autofree char *uri = g_strconcat (file_uri, "?mode=ro&immutable=1", NULL);
  sqlite3 *db = NULL;

  g_assert_nonnull (file_uri);
  g_assert_cmpint (sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL), ==, SQLITE_OK);
  return db;
}

/* The first column of the first row of @sql on the file, or NULL. */
static char *
query_text (const char *path,
            const char *sql)
{
  sqlite3 *db = open_sqlite_readonly (path);
  sqlite3_stmt *stmt = NULL;
  char *result = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    result = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return result;
}

static gint64
query_int (const char *path,
           const char *sql)
{
  g_autofree char *text = query_text (path, sql);

  g_assert_nonnull (text);
  return g_ascii_strtoll (text, NULL, 10);
}

static guint
page_size_of (GBytes *bytes)
{
  const guint8 *data = g_bytes_get_data (bytes, NULL);
  guint size = (data[16] << 8) | data[17];

  return size == 1 ? 65536 : size;
}

static guint32
read_be32 (const guint8 *data)
{
  return ((guint32) data[0] << 24) | ((guint32) data[1] << 16) | ((guint32) data[2] << 8) | data[3];
}

/* SQLite's integrity_check, and whole pages: SQLite reads a short last
 * page as if the missing bytes were zeros and calls that "ok". */
static gboolean
integrity_ok (const char *path)
{
  g_autoptr(GBytes) bytes = test_read_bytes (path);
  g_autofree char *result = NULL;
  const guint8 *header = g_bytes_get_data (bytes, NULL);
  gsize size = g_bytes_get_size (bytes);
  guint page_size;

  if (size < 100)
    return FALSE;
  page_size = page_size_of (bytes);
  if (size % page_size != 0)
    return FALSE;
  /* the page count in the header counts when it was written by the same
   * change as the file change counter */
  if (read_be32 (header + 24) == read_be32 (header + 92) &&
      (gsize) read_be32 (header + 28) * page_size != size)
    return FALSE;

  result = query_text (path, "PRAGMA integrity_check");
  return g_strcmp0 (result, "ok") == 0;
}

/* The file's note index, read by SQLite itself: FTS5's integrity-check
 * passes, a search finds every note with the word, and every note has
 * its size (which bm25() reads; the check of SQLite 3.40 misses a gap). */
static gboolean
note_index_whole (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean whole = FALSE;

  /* the check is an INSERT to FTS5, refused on a read-only connection;
   * it writes nothing */
  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  if (sqlite3_exec (db, "INSERT INTO note_fts (note_fts) VALUES ('integrity-check');",
                    NULL, NULL, NULL) == SQLITE_OK &&
      sqlite3_prepare_v2 (db,
                          "SELECT (SELECT count(*) FROM note_fts WHERE note_fts MATCH 'wristband*')"
                          " = (SELECT count(*) FROM note WHERE body LIKE '%wristband%')"
                          " AND (SELECT count(*) FROM note_fts_docsize) = (SELECT count(*) FROM note)",
                          -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    whole = sqlite3_column_int (stmt, 0) == 1;
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return whole;
}

/* Changes the file with SQLite's own file API (for files that are not
 * what the store would write): one statement list, then closed, which
 * leaves no journal behind. */
static void
sqlite_exec_file (const char *path,
                  const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

static char *
create_project_file (const char *dir,
                     const char *name,
                     const char *title)
{
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(UpProject) project = up_project_create (file, title, &error);

  g_assert_no_error (error);
  g_assert_nonnull (project);
  return path;
}

/* The demo: a real project of several pages. */
static char *
create_demo_file (const char *dir,
                  const char *name)
{
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(UpProject) project = up_demo_create (file, &error);

  g_assert_no_error (error);
  g_assert_nonnull (project);
  return path;
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

static void
set_title (UpProject  *project,
           const char *title)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (up_project_set_string (project, project, "title", title, &error));
  g_assert_no_error (error);
}

static gboolean
file_exists (GFile *file)
{
  return g_file_query_exists (file, NULL);
}

/* Odd text: every text field of every table gets one of these in turn. */

static char *long_text;

static const char *odd_texts[] = {
  "Upphandling av trygghetslarm – åäö ÅÄÖ é ü ß",
  "العربية: مشتريات عامة — עברית: רכש ציבורי",
  "Emoji 🦊🇸🇪👩‍👩‍👧‍👦 and a combining e\xcc\x81 here",
  "Quotes ' \" “ ” ‘ ’ « » `ticks`",
  "%s%n%d%x%% %1$s %",
  "'; DROP TABLE stage; --",
  "Control\tcharacters \x01\x02\x1f\x7f\r\n and a BOM \xef\xbb\xbf.",
  NULL, /* long_text: 100,000 characters */
  "",
};

static const char *
odd_text (guint *counter)
{
  const char *text = odd_texts[(*counter)++ % G_N_ELEMENTS (odd_texts)];

  return text != NULL ? text : long_text;
}

static void
set_text (UpProject  *project,
          gpointer    record,
          const char *property,
          const char *value)
{
  g_autoptr(GError) error = NULL;

  g_autofree char *kept = NULL;
  gboolean is_name;

  /* A field of one line keeps line breaks and tabs as spaces; all text is
   * kept composed. */
  kept = g_str_equal (property, "description") || g_str_equal (property, "body")
         ? test_composed (value) : test_one_line (value);

  /* A stage, a stakeholder or a goal without a name is refused. */
  is_name = (UP_IS_STAGE (record) && g_str_equal (property, "title")) ||
            (UP_IS_STAKEHOLDER (record) && g_str_equal (property, "name")) ||
            (UP_IS_LOCAL_GOAL (record) && g_str_equal (property, "title"));
  if (is_name && kept[0] == '\0')
    {
      g_assert_false (up_project_set_string (project, record, property, value, &error));
      g_assert_nonnull (error);
      return;
    }

  g_assert_true (up_project_set_string (project, record, property, value, &error));
  g_assert_no_error (error);
  if (record == (gpointer) project)
    {
      g_autofree char *now = NULL;

      g_object_get (project, property, &now, NULL);
      g_assert_true (g_strcmp0 (now, kept) == 0);
    }
  else
    g_assert_true (g_strcmp0 (up_record_get_string (record, property), kept) == 0);
}

static void
set_number (UpProject  *project,
            gpointer    record,
            const char *property,
            gint64      value)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (up_project_set_int (project, record, property, value, &error));
  g_assert_no_error (error);
  g_assert_cmpint (up_record_get_int (record, property), ==, value);
}

typedef struct
{
  const char         *table;
  const char * const *texts;
  const char * const *numbers;
} TableColumns;

static const TableColumns table_columns[] = {
  { "stage",
    (const char * const[]) { "kind", "title", "description", "start_date", "end_date", "status", NULL },
    (const char * const[]) { "position", NULL } },
  { "stakeholder",
    (const char * const[]) { "name", "organisation", "category", "stance", "contact", NULL },
    (const char * const[]) { "influence", "interest", NULL } },
  { "note",
    (const char * const[]) { "body", "said_on", "created", "updated", "kind", "visibility", NULL },
    (const char * const[]) { "stage_id", NULL } },
  { "sdg_link",
    (const char * const[]) { "target", "impact", "comment", NULL },
    (const char * const[]) { "stage_id", "note_id", "strength", NULL } },
  { "local_goal",
    (const char * const[]) { "level", "title", "indicator", "baseline", "target_value", NULL },
    (const char * const[]) { "position", NULL } },
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

static void
assert_same_records (GPtrArray *a,
                     GPtrArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    g_assert_cmpint (up_record_get_id (a->pdata[i]), ==, up_record_get_id (b->pdata[i]));
}

static void
assert_same_strings (GPtrArray *a,
                     GPtrArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    g_assert_cmpstr (a->pdata[i], ==, b->pdata[i]);
}

/* Every field of every row of @a is in @b, in the same order. */
static void
assert_projects_equal (UpProject *a,
                       UpProject *b)
{
  static const char * const link_tables[] = { "note_stakeholder", "local_goal_target", "stage_local_goal" };

  g_assert_cmpstr (up_project_get_title (a), ==, up_project_get_title (b));
  g_assert_cmpstr (up_project_get_organisation (a), ==, up_project_get_organisation (b));
  g_assert_cmpstr (up_project_get_description (a), ==, up_project_get_description (b));
  g_assert_cmpstr (up_project_get_created (a), ==, up_project_get_created (b));
  g_assert_cmpstr (up_project_get_modified (a), ==, up_project_get_modified (b));

  for (guint t = 0; t < G_N_ELEMENTS (table_columns); t++)
    {
      const TableColumns *tc = &table_columns[t];
      GListModel *list_a = list_of (a, tc->table);
      GListModel *list_b = list_of (b, tc->table);
      guint n = g_list_model_get_n_items (list_a);

      g_assert_cmpuint (n, >, 0);
      g_assert_cmpuint (g_list_model_get_n_items (list_b), ==, n);
      g_assert_cmpuint (up_project_count (b, tc->table), ==, n);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(UpRecord) ra = g_list_model_get_item (list_a, i);
          g_autoptr(UpRecord) rb = g_list_model_get_item (list_b, i);

          g_assert_cmpint (up_record_get_id (ra), ==, up_record_get_id (rb));
          g_assert_true (up_project_lookup (b, tc->table, up_record_get_id (ra)) == rb);
          for (guint c = 0; tc->texts[c] != NULL; c++)
            if (strcmp (up_record_get_string (ra, tc->texts[c]), up_record_get_string (rb, tc->texts[c])) != 0)
              g_error ("%s %" G_GINT64_FORMAT " column %s differs after the round trip",
                       tc->table, up_record_get_id (ra), tc->texts[c]);
          for (guint c = 0; tc->numbers[c] != NULL; c++)
            g_assert_cmpint (up_record_get_int (ra, tc->numbers[c]), ==, up_record_get_int (rb, tc->numbers[c]));

          if (UP_IS_NOTE (ra))
            {
              g_autoptr(GPtrArray) la = up_project_list_note_stakeholders (a, UP_NOTE (ra));
              g_autoptr(GPtrArray) lb = up_project_list_note_stakeholders (b, UP_NOTE (rb));

              assert_same_records (la, lb);
            }
          if (UP_IS_STAGE (ra) || UP_IS_NOTE (ra))
            {
              g_autoptr(GPtrArray) la = up_project_list_sdg_links (a, ra);
              g_autoptr(GPtrArray) lb = up_project_list_sdg_links (b, rb);

              assert_same_records (la, lb);
            }
          if (UP_IS_STAGE (ra))
            {
              g_autoptr(GPtrArray) la = up_project_list_stage_local_goals (a, UP_STAGE (ra));
              g_autoptr(GPtrArray) lb = up_project_list_stage_local_goals (b, UP_STAGE (rb));
              g_autoptr(GPtrArray) na = up_project_list_stage_notes (a, UP_STAGE (ra));
              g_autoptr(GPtrArray) nb = up_project_list_stage_notes (b, UP_STAGE (rb));

              assert_same_records (la, lb);
              assert_same_records (na, nb);
            }
          if (UP_IS_LOCAL_GOAL (ra))
            {
              g_autoptr(GPtrArray) la = up_project_list_local_goal_targets (a, UP_LOCAL_GOAL (ra));
              g_autoptr(GPtrArray) lb = up_project_list_local_goal_targets (b, UP_LOCAL_GOAL (rb));

              assert_same_strings (la, lb);
            }
        }
    }

  for (guint t = 0; t < G_N_ELEMENTS (link_tables); t++)
    g_assert_cmpuint (up_project_count (a, link_tables[t]), ==, up_project_count (b, link_tables[t]));
}

/* Round trip */

static void
test_round_trip (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UpProject) project = up_project_new ("Round trip", &error);
  g_autoptr(UpProject) reopened = NULL;
  g_autofree char *dir = test_new_dir (test_root, "round-trip");
  g_autofree char *path = g_build_filename (dir, "Plan åäö 'x' #1 %s.upphandla", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) on_disk = NULL;
  g_autoptr(GBytes) image = NULL;
  g_autoptr(UpStage) first_stage = NULL;
  UpStore *store;
  guint k = 0;
  const guint n = G_N_ELEMENTS (odd_texts);

  g_assert_no_error (error);
  g_assert_cmpint (g_utf8_strlen (long_text, -1), ==, 100000);

  set_text (project, project, "title", odd_text (&k));
  set_text (project, project, "organisation", odd_text (&k));
  set_text (project, project, "description", odd_text (&k));

  for (guint i = 0; i < n; i++)
    {
      UpStage *stage;
      UpStakeholder *stakeholder;
      UpNote *note;
      UpSdgLink *link;
      UpLocalGoal *goal;
      const char *target = up_sdg_get_goal (i % UP_SDG_N_GOALS + 1)->targets[i % 3];

      stage = up_project_add_stage (project, up_stage_kinds[i], odd_text (&k),
                                    "2024-02-28", "2024-03-01", NULL, &error);
      g_assert_no_error (error);
      g_assert_nonnull (stage);
      set_text (project, stage, "description", odd_text (&k));
      set_text (project, stage, "status", up_stage_statuses[i % 3]);
      set_text (project, stage, "title", odd_text (&k));

      stakeholder = up_project_add_stakeholder (project, odd_text (&k), odd_text (&k),
                                                up_stakeholder_categories[i], &error);
      g_assert_no_error (error);
      g_assert_nonnull (stakeholder);
      set_text (project, stakeholder, "contact", odd_text (&k));
      set_text (project, stakeholder, "stance", up_stakeholder_stances[i % 4]);
      set_text (project, stakeholder, "category", up_stakeholder_categories[(i + 1) % 9]);
      set_text (project, stakeholder, "name", odd_text (&k));
      set_number (project, stakeholder, "influence", i % 5 + 1);
      set_number (project, stakeholder, "interest", 5 - i % 5);

      note = up_project_add_note (project, odd_text (&k), up_note_kinds[i % 6],
                                  "2024-02-29", i % 2 ? stage : NULL, &error);
      g_assert_no_error (error);
      g_assert_nonnull (note);
      set_text (project, note, "body", odd_text (&k));
      set_text (project, note, "kind", up_note_kinds[(i + 1) % 6]);
      set_text (project, note, "visibility", up_note_visibilities[i % 2]);
      set_text (project, note, "said-on", i % 2 ? "2000-02-29" : "1999-12-31");
      if (first_stage == NULL)
        first_stage = g_object_ref (stage);
      /* a note pinned to another stage, to none, or left where it was */
      if (i % 3 == 0)
        set_number (project, note, "stage-id", up_record_get_id (UP_RECORD (first_stage)));
      else if (i % 3 == 1)
        set_number (project, note, "stage-id", 0);
      g_assert_true (up_project_link_note_stakeholder (project, note, stakeholder, &error));
      g_assert_no_error (error);

      link = up_project_add_sdg_link (project, i % 2 ? UP_RECORD (stage) : UP_RECORD (note),
                                      target, up_sdg_impacts[i % 4], i % 3 + 1, odd_text (&k), &error);
      g_assert_no_error (error);
      g_assert_nonnull (link);
      set_text (project, link, "comment", odd_text (&k));
      set_text (project, link, "impact", up_sdg_impacts[(i + 1) % 4]);
      set_number (project, link, "strength", (i + 1) % 3 + 1);

      goal = up_project_add_local_goal (project, up_local_goal_levels[i % 2], odd_text (&k), &error);
      g_assert_no_error (error);
      g_assert_nonnull (goal);
      set_text (project, goal, "indicator", odd_text (&k));
      set_text (project, goal, "baseline", odd_text (&k));
      set_text (project, goal, "target-value", odd_text (&k));
      set_text (project, goal, "level", up_local_goal_levels[(i + 1) % 2]);
      set_text (project, goal, "title", odd_text (&k));
      g_assert_true (up_project_link_local_goal_target (project, goal, target, &error));
      g_assert_no_error (error);
      g_assert_true (up_project_link_local_goal_target (project, goal, "17.19", &error));
      g_assert_no_error (error);
      g_assert_true (up_project_link_stage_local_goal (project, stage, goal, &error));
      g_assert_no_error (error);
    }
  /* every odd text went into every kind of field at least once */
  g_assert_cmpuint (k, >, 3 * n);

  store = up_project_get_store (project);
  up_store_set_file (store, file);
  g_assert_true (up_store_save (store, &error));
  g_assert_no_error (error);
  g_assert_false (up_store_get_dirty (store));
  test_assert_dir_is (dir, "Plan åäö 'x' #1 %s.upphandla");

  /* SQLite itself: the file is sound, and the stage table was not dropped */
  g_assert_true (integrity_ok (path));
  g_assert_cmpint (query_int (path, "SELECT count(*) FROM stage"), ==, n);
  g_assert_cmpint (query_int (path, "PRAGMA application_id"), ==, UP_APPLICATION_ID);
  g_assert_cmpint (query_int (path, "PRAGMA user_version"), ==, UP_SCHEMA_VERSION);

  reopened = open_project (path);
  assert_projects_equal (project, reopened);
  g_assert_cmpint (up_store_get_migrated_from (up_project_get_store (reopened)), ==, -1);
  g_assert_false (up_store_get_dirty (up_project_get_store (reopened)));

  /* opening changed nothing: the database as loaded is the file's bytes */
  on_disk = test_read_bytes (path);
  image = up_store_serialize (up_project_get_store (reopened), &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (on_disk, image));
  test_assert_dir_is (dir, "Plan åäö 'x' #1 %s.upphandla");
}

/* Odd text where the model wants one of its values is refused and changes
 * nothing, nor is it an undo step. */
static void
test_refused_values (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UpProject) project = up_project_new ("Refused", &error);
  UpHistory *history;
  UpStage *stage;
  UpNote *note;
  guint steps;
  static const char * const bad_texts[] = {
    "'; DROP TABLE stage; --", "Hackathon", "hackathon ", "", "%s%n",
  };

  g_assert_no_error (error);
  history = up_project_get_history (project);
  stage = up_project_add_stage (project, "hackathon", "Stage", "2026-01-01", "2026-01-02", NULL, &error);
  g_assert_no_error (error);
  note = up_project_add_note (project, "Note", "workshop", "2026-01-01", stage, &error);
  g_assert_no_error (error);
  steps = up_history_get_n_undo (history);

  for (guint i = 0; i < G_N_ELEMENTS (bad_texts); i++)
    {
      g_assert_false (up_project_set_string (project, stage, "kind", bad_texts[i], &error));
      g_assert_error (error, UP_STORE_ERROR, UP_STORE_ERROR_INVALID);
      g_assert_cmpstr (error->message, !=, "");
      g_clear_error (&error);
      g_assert_false (up_project_set_string (project, note, "visibility", bad_texts[i], &error));
      g_assert_error (error, UP_STORE_ERROR, UP_STORE_ERROR_INVALID);
      g_clear_error (&error);
      g_assert_false (up_project_set_string (project, note, "said-on", bad_texts[i], &error));
      g_assert_error (error, UP_STORE_ERROR, UP_STORE_ERROR_INVALID);
      g_clear_error (&error);
    }

  /* not UTF-8 */
  g_assert_false (up_project_set_string (project, project, "title", "Bad \xff\xfe bytes", &error));
  g_assert_error (error, UP_STORE_ERROR, UP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (up_project_set_string (project, stage, "title", "\xc3", &error));
  g_assert_error (error, UP_STORE_ERROR, UP_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_cmpstr (up_stage_get_kind (stage), ==, "hackathon");
  g_assert_cmpstr (up_stage_get_title (stage), ==, "Stage");
  g_assert_cmpstr (up_note_get_visibility (note), ==, "internal");
  g_assert_cmpstr (up_note_get_said_on (note), ==, "2026-01-01");
  g_assert_cmpstr (up_project_get_title (project), ==, "Refused");
  g_assert_cmpuint (up_history_get_n_undo (history), ==, steps);
}

/* Opening bad files */

static void
assert_error_names_file (const GError *error,
                         const char   *path)
{
  g_autofree char *basename = g_path_get_basename (path);

  g_assert_cmpstr (error->message, !=, "");
  if (strstr (error->message, basename) == NULL)
    g_error ("The message “%s” does not name the file %s", error->message, basename);
}

/* Both ways of opening @path fail with @code and a message that names the
 * file; the file and its folder are byte for byte and name for name as
 * they were. */
static void
assert_open_fails (const char  *path,
                   UpStoreError code)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *listing = test_list_dir (dir);
  g_autofree char *listing_after = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(UpProject) project = NULL;
  g_autoptr(UpStore) store = NULL;

  if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
    before = test_read_bytes (path);

  project = up_project_open (file, &error);
  g_assert_null (project);
  g_assert_error (error, UP_STORE_ERROR, (int) code);
  assert_error_names_file (error, path);
  g_clear_error (&error);

  store = up_store_open (file, &error);
  g_assert_null (store);
  g_assert_error (error, UP_STORE_ERROR, (int) code);
  assert_error_names_file (error, path);
  g_clear_error (&error);

  if (before != NULL)
    {
      g_autoptr(GBytes) after = test_read_bytes (path);

      g_assert_true (g_bytes_equal (before, after));

      /* the same bytes from memory fail the same way */
      store = up_store_open_bytes (before, &error);
      g_assert_null (store);
      g_assert_error (error, UP_STORE_ERROR, (int) code);
      g_assert_cmpstr (error->message, !=, "");
    }

  listing_after = test_list_dir (dir);
  g_assert_cmpstr (listing_after, ==, listing);
}

static void
test_open_missing (void)
{
  g_autofree char *dir = test_new_dir (test_root, "missing");
  g_autofree char *path = g_build_filename (dir, "gone.upphandla", NULL);

  assert_open_fails (path, UP_STORE_ERROR_NOT_FOUND);
  test_assert_dir_is (dir, "");
}

static void
test_open_directory (void)
{
  g_autofree char *dir = test_new_dir (test_root, "directory");
  g_autofree char *path = g_build_filename (dir, "folder.upphandla", NULL);

  g_assert_cmpint (g_mkdir (path, 0755), ==, 0);
  assert_open_fails (path, UP_STORE_ERROR_IS_DIRECTORY);
}

static void
test_open_permission_denied (void)
{
  g_autofree char *dir = test_new_dir (test_root, "permission");
  g_autofree char *path = create_project_file (dir, "secret.upphandla", "Secret");
  g_autoptr(GBytes) before = test_read_bytes (path);
  g_autoptr(GBytes) after = NULL;
  int status;

  /* As root the file stays root's and only its owner may read it; as
   * anyone else the owner may not read it either. */
  g_assert_cmpint (g_chmod (path, geteuid () == 0 ? 0600 : 0000), ==, 0);
  status = test_run_child ("open", path, NULL);
  g_chmod (path, 0600);

  g_assert_cmpint (status, ==, 100 + UP_STORE_ERROR_PERMISSION_DENIED);
  after = test_read_bytes (path);
  g_assert_true (g_bytes_equal (before, after));
  test_assert_dir_is (dir, "secret.upphandla");
}

static void
test_open_empty (void)
{
  g_autofree char *dir = test_new_dir (test_root, "empty");
  g_autofree char *path = g_build_filename (dir, "empty.upphandla", NULL);

  test_write_bytes (path, "", 0);
  assert_open_fails (path, UP_STORE_ERROR_EMPTY);
}

static void
test_open_text (void)
{
  g_autofree char *dir = test_new_dir (test_root, "text");
  g_autofree char *path = g_build_filename (dir, "notes.upphandla", NULL);
  g_autoptr(GString) text = g_string_new ("stage;start;end\n");

  for (guint i = 0; i < 500; i++)
    g_string_append_printf (text, "Stage %u;2026-01-%02u;2026-02-%02u\n", i, i % 28 + 1, i % 28 + 1);
  test_write_bytes (path, text->str, text->len);
  assert_open_fails (path, UP_STORE_ERROR_NOT_DATABASE);
}

static void
test_open_png (void)
{
  g_autofree char *dir = test_new_dir (test_root, "png");
  g_autofree char *path = g_build_filename (dir, "chart.upphandla", NULL);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 64, 48);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(GBytes) bytes = NULL;

  cairo_set_source_rgb (cr, 0.9, 0.14, 0.23);
  cairo_paint (cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  bytes = test_read_bytes (path);
  g_assert_cmpuint (g_bytes_get_size (bytes), >, 8);
  g_assert_cmpint (memcmp (g_bytes_get_data (bytes, NULL), "\x89PNG\r\n\x1a\n", 8), ==, 0);
  assert_open_fails (path, UP_STORE_ERROR_NOT_DATABASE);
}

/* The message a participant gets for a file that was sent: it names the
 * file and tells what to do (ask the sender), and another kind of file (a
 * PDF, a Word document renamed) is named as what it is, apart from a
 * project that is damaged. */
static char *
open_error_message (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(UpStore) store = up_store_open (file, &error);

  g_assert_null (store);
  g_assert_nonnull (error);
  assert_error_names_file (error, path);
  g_test_message ("%s: %s", path, error->message);
  return g_strdup (error->message);
}

static void
test_open_kind_of_file (void)
{
  /* The start of a PDF, and of a .docx: a ZIP archive whose first entry
   * is [Content_Types].xml. */
  static const char pdf[] = "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n";
  static const guint8 docx[] = {
    'P', 'K', 3, 4, 20, 0, 6, 0, 8, 0, 0, 0, 33, 0, 0x3c, 0x4b, 0x62, 0x7c, 0x6d, 0x01, 0, 0,
    0x6f, 0x05, 0, 0, 19, 0, 8, 2, '[', 'C', 'o', 'n', 't', 'e', 'n', 't', '_', 'T', 'y', 'p',
    'e', 's', ']', '.', 'x', 'm', 'l', ' ', 0xa2, 4, 2, 0x28, 0xa0, 0, 2, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  };
  g_autofree char *dir = test_new_dir (test_root, "kind-of-file");
  g_autofree char *pdf_path = g_build_filename (dir, "Förfrågningsunderlag.upphandla", NULL);
  g_autofree char *docx_path = g_build_filename (dir, "Minnesanteckningar.upphandla", NULL);
  g_autofree char *cut_path = g_build_filename (dir, "Trygghetslarm.upphandla", NULL);
  g_autofree char *source = create_demo_file (dir, "whole.upphandla");
  g_autoptr(GBytes) whole = test_read_bytes (source);
  const char *pdf_kind = "a PDF document";
  const char *docx_kind = "a Word, Excel or PowerPoint document";
  g_autofree char *pdf_message = NULL;
  g_autofree char *docx_message = NULL;
  g_autofree char *cut_message = NULL;
  g_autofree char *header_cut_message = NULL;

  test_write_bytes (pdf_path, pdf, sizeof pdf - 1);
  test_write_bytes (docx_path, docx, sizeof docx);
  /* a project cut off as it was sent */
  test_write_bytes (cut_path, g_bytes_get_data (whole, NULL), g_bytes_get_size (whole) / 2);

  pdf_message = open_error_message (pdf_path);
  docx_message = open_error_message (docx_path);
  cut_message = open_error_message (cut_path);

  g_assert_nonnull (strstr (pdf_message, pdf_kind));
  g_assert_nonnull (strstr (docx_message, docx_kind));
  g_assert_null (strstr (cut_message, pdf_kind));
  g_assert_null (strstr (cut_message, docx_kind));
  g_assert_cmpstr (pdf_message, !=, cut_message);

  /* what to do: ask the sender */
  g_assert_nonnull (strstr (pdf_message, "sender"));
  g_assert_nonnull (strstr (docx_message, "sender"));
  g_assert_nonnull (strstr (cut_message, "sender"));

  /* a list exported as text */
  {
    g_autofree char *csv_path = g_build_filename (dir, "Skeden.upphandla", NULL);
    g_autofree char *csv_message = NULL;
    const char csv[] = "Skede;Start;Slut\nBehovsanalys;2026-02-02;2026-03-13\n";

    test_write_bytes (csv_path, csv, sizeof csv - 1);
    csv_message = open_error_message (csv_path);
    g_assert_nonnull (strstr (csv_message, "a text file"));
  }

  /* the start of a project's header alone is no other kind of file */
  test_write_bytes (cut_path, "SQLite for", 10);
  header_cut_message = open_error_message (cut_path);
  g_assert_null (strstr (header_cut_message, "a text file"));
  g_assert_nonnull (strstr (header_cut_message, "sender"));
}

static void
test_open_random (void)
{
  g_autofree char *dir = test_new_dir (test_root, "random");
  g_autofree char *path = g_build_filename (dir, "noise.upphandla", NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (4711);
  g_autofree guint32 *data = g_new (guint32, 16384);

  for (guint i = 0; i < 16384; i++)
    data[i] = g_rand_int (rand);
  test_write_bytes (path, data, 16384 * sizeof (guint32));
  assert_open_fails (path, UP_STORE_ERROR_NOT_DATABASE);
}

static void
test_open_other_database (void)
{
  g_autofree char *dir = test_new_dir (test_root, "other-database");
  g_autofree char *path = g_build_filename (dir, "addresses.upphandla", NULL);

  sqlite_exec_file (path,
                    "CREATE TABLE address (id INTEGER PRIMARY KEY, name TEXT, street TEXT);"
                    "INSERT INTO address (name, street) VALUES ('Karin', 'Storgatan 1');"
                    "CREATE TABLE project (id INTEGER PRIMARY KEY, title TEXT);"
                    "INSERT INTO project VALUES (1, 'not ours');");
  g_assert_cmpint (query_int (path, "PRAGMA application_id"), ==, 0);
  assert_open_fails (path, UP_STORE_ERROR_NOT_PROJECT);
}

static void
test_open_wrong_application_id (void)
{
  g_autofree char *dir = test_new_dir (test_root, "wrong-application-id");
  g_autofree char *path = create_project_file (dir, "other.upphandla", "Someone else's");

  sqlite_exec_file (path, "PRAGMA application_id = 1195787589;"); /* "GPKG"-like, not ours */
  g_assert_cmpint (query_int (path, "PRAGMA application_id"), ==, 1195787589);
  assert_open_fails (path, UP_STORE_ERROR_NOT_PROJECT);
}

static void
test_open_too_new (void)
{
  g_autofree char *dir = test_new_dir (test_root, "too-new");
  g_autofree char *path = create_project_file (dir, "future.upphandla", "From the future");
  g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %d;", UP_SCHEMA_VERSION + 1);

  sqlite_exec_file (path, sql);
  g_assert_cmpint (query_int (path, "PRAGMA user_version"), ==, UP_SCHEMA_VERSION + 1);
  g_assert_cmpint (query_int (path, "PRAGMA application_id"), ==, UP_APPLICATION_ID);
  assert_open_fails (path, UP_STORE_ERROR_TOO_NEW);
}

static void
test_open_truncated (void)
{
  g_autofree char *source_dir = test_new_dir (test_root, "truncated-source");
  g_autofree char *source = create_demo_file (source_dir, "demo.upphandla");
  g_autoptr(GBytes) whole = test_read_bytes (source);
  gsize size = g_bytes_get_size (whole);
  guint page_size = page_size_of (whole);
  const struct {
    gsize length;
    UpStoreError code;
  } cuts[] = {
    { 1, UP_STORE_ERROR_NOT_DATABASE },
    { 10, UP_STORE_ERROR_NOT_DATABASE },
    { 15, UP_STORE_ERROR_NOT_DATABASE },
    { 16, UP_STORE_ERROR_CORRUPT },
    { 50, UP_STORE_ERROR_CORRUPT },
    { 99, UP_STORE_ERROR_CORRUPT },
    { 100, UP_STORE_ERROR_CORRUPT },
    { 4096, UP_STORE_ERROR_CORRUPT },
    { page_size, UP_STORE_ERROR_CORRUPT },
    { size / 2, UP_STORE_ERROR_CORRUPT },
    { size - page_size, UP_STORE_ERROR_CORRUPT },
    { size - 1, UP_STORE_ERROR_CORRUPT },
  };

  g_test_message ("demo project: %" G_GSIZE_FORMAT " bytes, pages of %u", size, page_size);
  g_assert_cmpuint (size, >=, 4 * page_size);
  g_assert_cmpuint (size % page_size, ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (cuts); i++)
    {
      g_autofree char *name = g_strdup_printf ("cut-%" G_GSIZE_FORMAT, cuts[i].length);
      g_autofree char *dir = test_new_dir (test_root, name);
      g_autofree char *path = g_build_filename (dir, "demo.upphandla", NULL);

      g_test_message ("truncated at %" G_GSIZE_FORMAT " bytes", cuts[i].length);
      test_write_bytes (path, g_bytes_get_data (whole, NULL), cuts[i].length);
      assert_open_fails (path, cuts[i].code);
    }
}

static void
test_open_garbage_page (void)
{
  g_autofree char *source_dir = test_new_dir (test_root, "garbage-source");
  g_autofree char *source = create_demo_file (source_dir, "demo.upphandla");
  g_autoptr(GBytes) whole = test_read_bytes (source);
  gsize size = g_bytes_get_size (whole);
  guint page_size = page_size_of (whole);
  g_autoptr(GRand) rand = g_rand_new_with_seed (1234);
  /* page 1 after its 100-byte header holds the schema, page 2 the project
   * table's root (the first table the schema creates), the last page rows */
  const struct {
    gsize offset;
    gsize length;
  } spots[] = {
    { 100, page_size - 100 },
    { page_size, page_size },
    { size - page_size, page_size },
  };

  for (guint i = 0; i < G_N_ELEMENTS (spots); i++)
    {
      g_autofree char *name = g_strdup_printf ("garbage-at-%" G_GSIZE_FORMAT, spots[i].offset);
      g_autofree char *dir = test_new_dir (test_root, name);
      g_autofree char *path = g_build_filename (dir, "demo.upphandla", NULL);
      g_autofree guint8 *data = g_memdup2 (g_bytes_get_data (whole, NULL), size);

      for (gsize j = 0; j < spots[i].length; j++)
        data[spots[i].offset + j] = g_rand_int_range (rand, 0, 256);
      test_write_bytes (path, data, size);
      g_test_message ("garbage at bytes %" G_GSIZE_FORMAT "–%" G_GSIZE_FORMAT,
                      spots[i].offset, spots[i].offset + spots[i].length);
      assert_open_fails (path, UP_STORE_ERROR_CORRUPT);
    }
}

/* A file that is no project is refused by its first 100 bytes, before
 * the rest is read: the answer must be the one the whole file gets. Files
 * with headers changed at random (the bytes SQLite reads first, the page
 * count, the application id), a damaged first page, and cut at odd sizes:
 * opening the file (header first) and opening its bytes (all at once)
 * give the same answer, and the file keeps its bytes. */
static void
test_open_header_first (void)
{
  g_autofree char *dir = test_new_dir (test_root, "header-first");
  g_autofree char *other = g_build_filename (dir, "addresses.upphandla", NULL);
  g_autofree char *ours = create_demo_file (dir, "demo.upphandla");
  g_autofree char *path = g_build_filename (dir, "mutated.upphandla", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261203);
  static const guint offsets[] = { 16, 17, 18, 19, 20, 21, 22, 23, 24, 28, 29, 30, 31, 68, 69, 70, 71, 92, 95 };
  GBytes *sources[2];
  guint codes[UP_STORE_ERROR_FAILED + 2] = { 0 };

  sqlite_exec_file (other,
                    "CREATE TABLE address (id INTEGER PRIMARY KEY, name TEXT, street TEXT);"
                    "INSERT INTO address (name, street) VALUES ('Karin', 'Storgatan 1');");
  sources[0] = test_read_bytes (other);
  sources[1] = test_read_bytes (ours);

  for (guint round = 0; round < 600; round++)
    {
      GBytes *source = sources[round % 2];
      gsize size = g_bytes_get_size (source);
      g_autofree guint8 *data = g_memdup2 (g_bytes_get_data (source, NULL), size);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GBytes) after = NULL;
      g_autoptr(GError) file_error = NULL;
      g_autoptr(GError) bytes_error = NULL;
      g_autoptr(UpStore) from_file = NULL;
      g_autoptr(UpStore) from_bytes = NULL;
      guint n = g_rand_int_range (rand, 0, 4);

      /* the other application's database as it is, or ours with another id */
      if (round % 2 == 1 && g_rand_boolean (rand))
        data[68] ^= 1 << g_rand_int_range (rand, 0, 8);
      for (guint k = 0; k < n; k++)
        {
          guint offset = offsets[g_rand_int_range (rand, 0, G_N_ELEMENTS (offsets))];

          data[offset] = g_rand_boolean (rand) ? g_rand_int_range (rand, 0, 256)
                                               : data[offset] + g_rand_int_range (rand, -2, 3);
        }
      if (g_rand_int_range (rand, 0, 8) == 0)
        for (gsize j = 100; j < 600; j++)
          data[j] = g_rand_int_range (rand, 0, 256);
      if (g_rand_int_range (rand, 0, 8) == 0)
        size = g_rand_int_range (rand, 0, size);

      bytes = g_bytes_new (data, size);
      test_write_bytes (path, data, size);
      from_file = up_store_open (file, &file_error);
      from_bytes = up_store_open_bytes (bytes, &bytes_error);
      after = test_read_bytes (path);
      g_assert_true (g_bytes_equal (bytes, after));

      if ((from_file == NULL) != (from_bytes == NULL) ||
          (file_error != NULL && file_error->code != bytes_error->code))
        g_error ("round %u: the file gives %s, its bytes %s", round,
                 file_error ? file_error->message : "a project",
                 bytes_error ? bytes_error->message : "a project");
      if (file_error != NULL)
        {
          g_assert_error (file_error, UP_STORE_ERROR, bytes_error->code);
          assert_error_names_file (file_error, path);
        }
      codes[file_error != NULL ? (guint) file_error->code : UP_STORE_ERROR_FAILED + 1]++;
    }

  /* the rounds met each answer that a header can give */
  g_test_message ("empty %u, not a database %u, not ours %u, damaged %u, opened %u",
                  codes[UP_STORE_ERROR_EMPTY], codes[UP_STORE_ERROR_NOT_DATABASE],
                  codes[UP_STORE_ERROR_NOT_PROJECT], codes[UP_STORE_ERROR_CORRUPT],
                  codes[UP_STORE_ERROR_FAILED + 1]);
  g_assert_cmpuint (codes[UP_STORE_ERROR_NOT_DATABASE], >, 0);
  g_assert_cmpuint (codes[UP_STORE_ERROR_NOT_PROJECT], >, 0);
  g_assert_cmpuint (codes[UP_STORE_ERROR_CORRUPT], >, 0);
  g_assert_cmpuint (codes[UP_STORE_ERROR_FAILED + 1], >, 0);

  g_bytes_unref (sources[0]);
  g_bytes_unref (sources[1]);
}

/* The first @length bytes of a file too large to read whole. */
static GBytes *
read_head (const char *path,
           gsize       length)
{
  g_autofree guint8 *data = g_malloc (length);
  int fd = g_open (path, O_RDONLY, 0);
  gssize n;

  g_assert_cmpint (fd, >=, 0);
  n = read (fd, data, length);
  g_assert_cmpint (n, ==, (gssize) length);
  close (fd);
  return g_bytes_new (data, length);
}

/* Makes the database @path @size bytes long (sparse), with a header that
 * says so. */
static void
set_header_pages (const char *path,
                  goffset     size)
{
  guint8 header[100];
  guint32 pages;
  int fd = g_open (path, O_RDWR, 0);

  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (read (fd, header, sizeof header), ==, sizeof header);
  pages = size / ((header[16] << 8) | header[17]);
  header[28] = pages >> 24;
  header[29] = pages >> 16;
  header[30] = pages >> 8;
  header[31] = pages;
  memcpy (header + 92, header + 24, 4);
  g_assert_cmpint (pwrite (fd, header, sizeof header, 0), ==, sizeof header);
  g_assert_cmpint (ftruncate (fd, size), ==, 0);
  g_assert_cmpint (close (fd), ==, 0);
}

/* A large file that is no project (a video, a disk image, another
 * program's database of gigabytes) is refused at once, without being read
 * into memory: it used to take 23 s and 3 GB of memory for 3 GB. So is a
 * project of ours larger than 1 GB, with a message of its own. The child
 * reports how much memory it used; the files are sparse. */
static void
test_open_large_foreign (void)
{
  g_autofree char *dir = test_new_dir (test_root, "large-foreign");
  g_autofree char *zeros = g_build_filename (dir, "video.upphandla", NULL);
  g_autofree char *other = g_build_filename (dir, "other.upphandla", NULL);
  const goffset large = (goffset) 3 << 30;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  int fd;

  fd = g_open (zeros, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, large), ==, 0);
  g_assert_cmpint (close (fd), ==, 0);
  g_assert_cmpint (test_run_child ("open-large", zeros, NULL), ==, 100 + UP_STORE_ERROR_NOT_DATABASE);

  /* another program's database, grown to 3 GB: its header says so */
  sqlite_exec_file (other, "CREATE TABLE t (b BLOB); INSERT INTO t VALUES (zeroblob(10000));");
  set_header_pages (other, large);
  before = read_head (other, 65536);
  g_assert_cmpint (test_run_child ("open-large", other, NULL), ==, 100 + UP_STORE_ERROR_NOT_PROJECT);
  after = read_head (other, 65536);
  g_assert_true (g_bytes_equal (before, after));

  /* a project of ours that large is refused with its own message */
  {
    g_autofree char *ours = create_demo_file (dir, "large.upphandla");

    set_header_pages (ours, large);
    g_clear_pointer (&before, g_bytes_unref);
    g_clear_pointer (&after, g_bytes_unref);
    before = read_head (ours, 65536);
    g_assert_cmpint (test_run_child ("open-large", ours, NULL), ==, 100 + UP_STORE_ERROR_TOO_LARGE);
    after = read_head (ours, 65536);
    g_assert_true (g_bytes_equal (before, after));
  }
}

/* A file another program left in WAL mode is read like any other. */
static void
test_open_wal_mode (void)
{
  g_autofree char *dir = test_new_dir (test_root, "wal");
  g_autofree char *path = create_project_file (dir, "wal.upphandla", "Was in WAL mode");
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(UpProject) project = NULL;
  const guint8 *header;

  sqlite_exec_file (path, "PRAGMA journal_mode = WAL;");
  before = test_read_bytes (path);
  header = g_bytes_get_data (before, NULL);
  g_assert_cmpint (header[18], ==, 2);
  test_assert_dir_is (dir, "wal.upphandla");

  project = open_project (path);
  g_assert_cmpstr (up_project_get_title (project), ==, "Was in WAL mode");
  after = test_read_bytes (path);
  g_assert_true (g_bytes_equal (before, after));
  test_assert_dir_is (dir, "wal.upphandla");
}

/* A good file opens, and opening leaves nothing beside it. */
static void
test_open_no_side_files (void)
{
  g_autofree char *dir = test_new_dir (test_root, "side-files");
  g_autofree char *path = create_demo_file (dir, "demo.upphandla");
  g_autoptr(GBytes) before = test_read_bytes (path);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(UpProject) project = NULL;
  g_autoptr(UpStore) store = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  test_assert_dir_is (dir, "demo.upphandla");
  project = open_project (path);
  store = up_store_open (file, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_false (up_store_get_dirty (store));
  g_assert_true (g_file_equal (up_store_get_file (store), file));
  g_assert_cmpuint (up_project_count (project, "stage"), >=, 12);

  after = test_read_bytes (path);
  g_assert_true (g_bytes_equal (before, after));
  test_assert_dir_is (dir, "demo.upphandla");
}

/* A damaged note index: SQLite 3.40's quick_check does not look inside
 * FTS5, so such a file used to open, and then every search found nothing
 * and every edit of a note failed. The index is derived from the notes:
 * it is checked, and rebuilt in memory, before the first thing that reads
 * or writes it (not at the open, which it would slow down by a fifth at
 * 20,000 stages); the file keeps its bytes until the next edit, and that
 * edit's save writes a whole index. Each block of the index in turn: the
 * last (as a tester met it), the first, the structure record (id 10), and
 * the sizes table; and each first use in turn. */
typedef enum
{
  FIRST_SEARCH,
  FIRST_NOTE_EDIT,
  FIRST_NOTE_IN_GROUP,
  FIRST_GROUP_ROLLED_BACK,
  FIRST_UNDO,
  N_FIRST_USES
} FirstUse;

static void
use_damaged_note_index (UpProject *project,
                        FirstUse   use,
                        guint      n_wristband)
{
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(UpNote) note = g_list_model_get_item (up_project_get_notes (project), 0);
  g_autoptr(UpStage) stage = g_list_model_get_item (up_project_get_stages (project), 0);
  guint n_expected = n_wristband;

  switch (use)
    {
    case FIRST_SEARCH:
      break;

    case FIRST_NOTE_EDIT:
      {
        g_autofree char *lower = g_ascii_strdown (up_note_get_body (note), -1);

        if (strstr (lower, "wristband") != NULL)
          n_expected--;
      }
      g_assert_true (up_project_set_string (project, note, "body", "Edited after the repair", &error));
      g_assert_no_error (error);
      hits = up_project_search_notes (project, "repair", &error);
      g_assert_no_error (error);
      g_assert_cmpuint (hits->len, ==, 1);
      g_clear_pointer (&hits, g_ptr_array_unref);
      break;

    case FIRST_NOTE_IN_GROUP:
      up_project_begin_group (project, "Add in a group");
      g_assert_nonnull (up_project_add_note (project, "A wristband in a group", "workshop", NULL, NULL, &error));
      g_assert_no_error (error);
      g_assert_true (up_project_end_group (project, &error));
      g_assert_no_error (error);
      n_expected++;
      break;

    case FIRST_GROUP_ROLLED_BACK:
      /* The rebuild ran inside the group's transaction and went with its
       * rollback: the next search must find the index damaged again. */
      up_project_begin_group (project, "Fails");
      g_assert_nonnull (up_project_add_note (project, "A wristband rolled back", "workshop", NULL, NULL, &error));
      g_assert_no_error (error);
      g_assert_null (up_project_add_stage (project, "pilot", "Ends first", "2026-01-05", "2026-01-01",
                                           NULL, NULL));
      g_assert_false (up_project_end_group (project, &error));
      g_clear_error (&error);
      break;

    case FIRST_UNDO:
      /* A stage deleted without its notes only unpins them (no index
       * write); its undo writes each note back whole, through the index. */
      g_assert_true (up_project_delete_stage (project, stage, FALSE, &error));
      g_assert_no_error (error);
      g_assert_true (up_project_undo (project, &error));
      g_assert_no_error (error);
      break;

    default:
      g_assert_not_reached ();
    }

  hits = up_project_search_notes (project, "wristband", &error);
  g_assert_no_error (error);
  g_assert_nonnull (hits);
  g_assert_cmpuint (hits->len, ==, n_expected);
}

static void
test_open_damaged_note_index (void)
{
  /* Damage that is the same every run: random bytes can happen to decode
   * as a block of other terms, which only a comparison with every note
   * would tell. */
  const char *damage[] = {
    "UPDATE note_fts_data SET block = zeroblob(length(block))"
    " WHERE id = (SELECT max(id) FROM note_fts_data)",
    "UPDATE note_fts_data SET block = zeroblob(length(block))"
    " WHERE id = (SELECT min(id) FROM note_fts_data WHERE id > 10)",
    "UPDATE note_fts_data SET block = zeroblob(length(block)) WHERE id = 10",
    "DELETE FROM note_fts_docsize WHERE id = (SELECT min(id) FROM note_fts_docsize)",
  };

  for (guint i = 0; i < G_N_ELEMENTS (damage); i++)
    for (FirstUse use = 0; use < N_FIRST_USES; use++)
      {
        g_autofree char *name = g_strdup_printf ("damaged-note-index-%u-%d", i, use);
        g_autofree char *dir = test_new_dir (test_root, name);
        g_autofree char *path = create_demo_file (dir, "demo.upphandla");
        g_autoptr(GBytes) before = NULL;
        g_autoptr(GBytes) after = NULL;
        g_autoptr(UpProject) project = NULL;
        g_autoptr(UpNote) note = NULL;
        g_autoptr(GError) error = NULL;
        g_autofree char *quick = NULL;
        guint n_wristband;

        g_test_message ("damage: %s, first use %d", damage[i], use);
        n_wristband = query_int (path, "SELECT count(*) FROM note WHERE body LIKE '%wristband%'");
        g_assert_cmpuint (n_wristband, >, 1);
        sqlite_exec_file (path, damage[i]);
        quick = query_text (path, "PRAGMA quick_check");
        g_assert_cmpstr (quick, ==, "ok");
        g_assert_false (note_index_whole (path));
        before = test_read_bytes (path);

        project = open_project (path);
        after = test_read_bytes (path);
        g_assert_true (g_bytes_equal (before, after));
        g_assert_false (up_store_get_dirty (up_project_get_store (project)));

        use_damaged_note_index (project, use, n_wristband);

        /* the next save writes a whole index */
        note = g_list_model_get_item (up_project_get_notes (project), 1);
        g_assert_true (up_project_set_string (project, note, "said-on", "2026-02-03", &error));
        g_assert_no_error (error);
        g_assert_true (up_store_flush (up_project_get_store (project), &error));
        g_assert_no_error (error);
        g_assert_true (integrity_ok (path));
        g_assert_true (note_index_whole (path));
      }
}

/* A file of schema version 1 as the first release wrote it (see
 * tests/data/README.md): later versions must open it with its contents.
 * A copy is opened, so that not even a bug can change the fixture. */
static void
test_open_fixture_v1 (void)
{
  g_autofree char *dir = test_new_dir (test_root, "fixture-v1");
  g_autofree char *path = g_build_filename (dir, "project-v1.upphandla", NULL);
  g_autoptr(GBytes) fixture = test_read_bytes (TEST_DATA_DIR "/project-v1.upphandla");
  g_autoptr(GBytes) after = NULL;
  g_autoptr(UpProject) project = NULL;
  g_autoptr(UpProject) reopened = NULL;
  g_autoptr(UpStage) needs = NULL;
  g_autoptr(UpStage) milestone = NULL;
  g_autoptr(UpStage) hackathon = NULL;
  g_autoptr(UpNote) note = NULL;
  g_autoptr(UpStakeholder) person = NULL;
  int influence;
  g_autoptr(UpLocalGoal) goal = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GPtrArray) links = NULL;
  g_autoptr(GPtrArray) targets = NULL;
  g_autoptr(GPtrArray) goals = NULL;
  g_autoptr(GError) error = NULL;

  test_write_bytes (path, g_bytes_get_data (fixture, NULL), g_bytes_get_size (fixture));
  project = open_project (path);

  g_assert_cmpint (up_store_get_migrated_from (up_project_get_store (project)),
                   ==, UP_SCHEMA_VERSION == 1 ? -1 : 1);
  g_assert_cmpstr (up_project_get_title (project), ==, "Fixture v1 – åäö “citat”");
  g_assert_cmpstr (up_project_get_organisation (project), ==, "Älvby kommun");
  g_assert_cmpuint (up_project_count (project, "stage"), ==, 3);
  g_assert_cmpuint (up_project_count (project, "stakeholder"), ==, 2);
  g_assert_cmpuint (up_project_count (project, "note"), ==, 2);
  g_assert_cmpuint (up_project_count (project, "sdg_link"), ==, 2);
  g_assert_cmpuint (up_project_count (project, "local_goal"), ==, 1);

  needs = g_list_model_get_item (up_project_get_stages (project), 0);
  milestone = g_list_model_get_item (up_project_get_stages (project), 1);
  hackathon = g_list_model_get_item (up_project_get_stages (project), 2);
  g_assert_cmpstr (up_stage_get_title (needs), ==, "Behovsanalys");
  g_assert_cmpstr (up_stage_get_status (needs), ==, "done");
  g_assert_cmpstr (up_stage_get_start_date (needs), ==, "2026-02-02");
  g_assert_cmpstr (up_stage_get_end_date (needs), ==, "2026-03-13");
  g_assert_true (up_stage_get_is_milestone (milestone));
  g_assert_cmpstr (up_stage_get_title (hackathon), ==, "Hackathon 🦊");
  g_assert_cmpstr (up_stage_get_description (hackathon), ==, "Leverantörer och användare tillsammans.");

  note = g_list_model_get_item (up_project_get_notes (project), 0);
  g_assert_cmpstr (up_note_get_body (note), ==, "Larmen måste fungera för den som inte hör.");
  g_assert_cmpstr (up_note_get_visibility (note), ==, "public");
  g_assert_cmpint (up_note_get_stage_id (note), ==, up_record_get_id (UP_RECORD (needs)));
  people = up_project_list_note_stakeholders (project, note);
  g_assert_cmpuint (people->len, ==, 1);
  g_assert_cmpstr (up_stakeholder_get_name (people->pdata[0]), ==, "Ahmed Hassan");
  g_assert_cmpstr (up_stakeholder_get_stance (people->pdata[0]), ==, "supporter");

  links = up_project_list_sdg_links (project, UP_RECORD (hackathon));
  g_assert_cmpuint (links->len, ==, 1);
  g_assert_cmpstr (up_sdg_link_get_target (links->pdata[0]), ==, "9.5");
  g_assert_cmpint (up_sdg_link_get_strength (links->pdata[0]), ==, 3);

  goal = g_list_model_get_item (up_project_get_local_goals (project), 0);
  g_assert_cmpstr (up_local_goal_get_indicator (goal), ==, "Andel nöjda brukare");
  targets = up_project_list_local_goal_targets (project, goal);
  g_assert_cmpuint (targets->len, ==, 1);
  g_assert_cmpstr (targets->pdata[0], ==, "3.8");
  goals = up_project_list_stage_local_goals (project, milestone);
  g_assert_cmpuint (goals->len, ==, 1);

  /* opening did not touch it; it takes edits and saves like any project */
  after = test_read_bytes (path);
  g_assert_true (g_bytes_equal (fixture, after));
  test_assert_dir_is (dir, "project-v1.upphandla");
  /* version 2: a person of version 1 has no time of change ("" is before
   * any), an edit of them gives one, and its undo takes it back */
  person = g_list_model_get_item (up_project_get_stakeholders (project), 0);
  g_assert_cmpstr (up_stakeholder_get_updated (person), ==, "");
  influence = up_stakeholder_get_influence (person);
  g_assert_true (up_project_set_int (project, UP_RECORD (person), "influence", influence % 5 + 1, &error));
  g_assert_no_error (error);
  {
    g_autoptr(GDateTime) updated = g_date_time_new_from_iso8601 (up_stakeholder_get_updated (person), NULL);
    g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

    g_assert_nonnull (updated);
    g_assert_cmpint (g_date_time_difference (now, updated), >=, 0);
    g_assert_cmpint (g_date_time_difference (now, updated), <, 60 * G_TIME_SPAN_SECOND);
  }
  g_assert_true (up_project_undo (project, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (up_stakeholder_get_updated (person), ==, "");
  g_assert_cmpint (up_stakeholder_get_influence (person), ==, influence);

  set_title (project, "Fixture, edited");
  g_assert_true (up_store_flush (up_project_get_store (project), &error));
  g_assert_no_error (error);
  g_assert_true (integrity_ok (path));
  /* the first save after the step keeps the file as it was beside it */
  test_assert_dir_is (dir, "project-v1.upphandla/project-v1.upphandla.v1.bak");
  g_assert_cmpint (query_int (path, "PRAGMA user_version"), ==, UP_SCHEMA_VERSION);
  reopened = open_project (path);
  g_assert_cmpint (up_store_get_migrated_from (up_project_get_store (reopened)), ==, -1);
  g_assert_cmpstr (up_project_get_title (reopened), ==, "Fixture, edited");
  g_assert_cmpuint (up_project_count (reopened, "note"), ==, 2);
}

/* Saving */

static void
test_save_flush (void)
{
  g_autofree char *dir = test_new_dir (test_root, "flush");
  g_autofree char *path = create_project_file (dir, "plan.upphandla", "Before");
  g_autoptr(UpProject) project = open_project (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) recovery = NULL;
  g_autofree char *title = NULL;
  UpStore *store = up_project_get_store (project);
  const guint8 *header;
  g_autoptr(GBytes) bytes = NULL;

  g_assert_false (up_store_get_dirty (store));
  set_title (project, "After – “saved”");
  g_assert_true (up_store_get_dirty (store));

  g_assert_true (up_store_flush (store, &error));
  g_assert_no_error (error);
  g_assert_false (up_store_get_dirty (store));
  g_assert_null (up_store_get_save_error (store));

  g_assert_true (integrity_ok (path));
  title = query_text (path, "SELECT title FROM project");
  g_assert_cmpstr (title, ==, "After – “saved”");
  g_assert_cmpint (query_int (path, "PRAGMA application_id"), ==, UP_APPLICATION_ID);
  g_assert_cmpint (query_int (path, "PRAGMA user_version"), ==, UP_SCHEMA_VERSION);
  /* a rollback-journal database: nothing is expected beside it */
  bytes = test_read_bytes (path);
  header = g_bytes_get_data (bytes, NULL);
  g_assert_cmpint (header[18], ==, 1);
  g_assert_cmpint (header[19], ==, 1);
  test_assert_dir_is (dir, "plan.upphandla");

  recovery = up_store_find_recovery (up_store_get_file (store));
  g_assert_null (recovery);

  /* nothing left to save: flush is a no-op */
  g_assert_true (up_store_flush (store, &error));
  g_assert_no_error (error);
}

typedef struct
{
  UpProject *project;
  GMainLoop *loop;
  guint      edits;
  guint      saved;
  guint      failed;
  gboolean   timed_out;
} Coalesce;

static void
count_saved (Coalesce *c)
{
  c->saved++;
}

static void
count_signal (guint *counter)
{
  (*counter)++;
}

static void
count_failed (Coalesce *c)
{
  c->failed++;
}

/* One edit per main loop iteration, at idle priority: the store's own
 * save source (default priority) runs between them, so saves run while
 * edits keep coming. */
static gboolean
coalesce_step (gpointer data)
{
  Coalesce *c = data;
  UpStore *store = up_project_get_store (c->project);
  g_autoptr(GError) error = NULL;

  if (c->edits < 50)
    {
      g_autofree char *text = g_strdup_printf ("edit %u", ++c->edits);

      g_assert_true (up_project_set_string (c->project, c->project, "description", text, &error));
      g_assert_no_error (error);
      g_assert_nonnull (up_project_add_stakeholder (c->project, text, NULL, "other", &error));
      g_assert_no_error (error);
      return G_SOURCE_CONTINUE;
    }

  if (!up_store_get_saving (store) && !up_store_get_dirty (store))
    {
      g_main_loop_quit (c->loop);
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

static gboolean
coalesce_timeout (gpointer data)
{
  Coalesce *c = data;

  c->timed_out = TRUE;
  g_main_loop_quit (c->loop);
  return G_SOURCE_REMOVE;
}

static void
test_save_coalesce (void)
{
  g_autofree char *dir = test_new_dir (test_root, "coalesce");
  g_autofree char *path = create_demo_file (dir, "demo.upphandla");
  g_autoptr(UpProject) project = open_project (path);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autofree char *description = NULL;
  Coalesce c = { project, loop, 0, 0, 0, FALSE };
  UpStore *store = up_project_get_store (project);
  guint stakeholders = up_project_count (project, "stakeholder");
  guint step, timeout;

  g_signal_connect_swapped (store, "saved", G_CALLBACK (count_saved), &c);
  g_signal_connect_swapped (store, "save-failed", G_CALLBACK (count_failed), &c);
  step = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, coalesce_step, &c, NULL);
  timeout = g_timeout_add_seconds (60, coalesce_timeout, &c);
  g_main_loop_run (loop);
  if (c.timed_out)
    g_source_remove (step);
  else
    g_source_remove (timeout);

  g_assert_false (c.timed_out);
  g_test_message ("50 edits (100 changes) were written in %u saves", c.saved);
  g_assert_cmpuint (c.edits, ==, 50);
  g_assert_cmpuint (c.failed, ==, 0);
  g_assert_cmpuint (c.saved, >=, 1);
  g_assert_cmpuint (c.saved, <, 50);
  g_assert_false (up_store_get_dirty (store));

  /* the saves alone, no flush, put every edit in the file */
  g_assert_true (integrity_ok (path));
  description = query_text (path, "SELECT description FROM project");
  g_assert_cmpstr (description, ==, "edit 50");
  g_assert_cmpint (query_int (path, "SELECT count(*) FROM stakeholder"), ==, stakeholders + 50);
  g_assert_cmpint (query_int (path, "SELECT count(*) FROM stakeholder WHERE name LIKE 'edit %'"), ==, 50);
  test_assert_dir_is (dir, "demo.upphandla");

  g_signal_handlers_disconnect_by_data (store, &c);
}

static gboolean
store_file_is (UpStore *store,
               GFile   *file)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!g_file_equal (up_store_get_file (store), file) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  return g_file_equal (up_store_get_file (store), file);
}

/* A file renamed while open (in the file manager) takes the project with
 * it: the next edit is saved under the new name, and nothing appears again
 * under the old one. It used to be written anew there, beside the renamed
 * file, which then missed every later edit. The app's own saves (a file
 * renamed onto the project's name) are no such rename. */
static void
test_save_follows_rename (void)
{
  g_autofree char *dir = test_new_dir (test_root, "rename");
  g_autofree char *path = create_project_file (dir, "Budget.upphandla", "Budget");
  g_autofree char *new_path = g_build_filename (dir, "Budget 2027.upphandla", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) new_file = g_file_new_for_path (new_path);
  g_autoptr(UpProject) project = open_project (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  UpStore *store = up_project_get_store (project);
  guint notified = 0;

  g_signal_connect_swapped (store, "notify::file", G_CALLBACK (count_signal), &notified);
  up_store_follow_file (store);

  /* saves of its own, then a rename */
  set_title (project, "Saved twice");
  g_assert_true (up_store_flush (store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_rename (path, new_path), ==, 0);
  g_assert_true (store_file_is (store, new_file));
  g_assert_cmpuint (notified, ==, 1);
  g_assert_true (g_file_equal (up_project_get_file (project), new_file));

  set_title (project, "After the rename");
  g_assert_true (up_store_flush (store, &error));
  g_assert_no_error (error);
  test_assert_dir_is (dir, "Budget 2027.upphandla");
  title = query_text (new_path, "SELECT title FROM project");
  g_assert_cmpstr (title, ==, "After the rename");
  g_assert_null (up_store_find_recovery (new_file));

  /* and once more, back */
  g_assert_cmpint (g_rename (new_path, path), ==, 0);
  g_assert_true (store_file_is (store, file));
  set_title (project, "Back again");
  g_assert_true (up_store_flush (store, &error));
  g_assert_no_error (error);
  test_assert_dir_is (dir, "Budget.upphandla");
}

/* A store that reads a file once (a command's export, --info) does not
 * watch it: a rename leaves it at the old name, and a save goes there. */
static void
test_save_not_following (void)
{
  g_autofree char *dir = test_new_dir (test_root, "not-following");
  g_autofree char *path = create_project_file (dir, "Budget.upphandla", "Budget");
  g_autofree char *new_path = g_build_filename (dir, "Renamed.upphandla", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(UpProject) project = open_project (path);
  g_autoptr(GError) error = NULL;
  UpStore *store = up_project_get_store (project);
  guint notified = 0;

  g_signal_connect_swapped (store, "notify::file", G_CALLBACK (count_signal), &notified);
  g_assert_cmpint (g_rename (path, new_path), ==, 0);
  /* what a watch would have reported by now */
  for (guint i = 0; i < 50; i++)
    {
      g_usleep (2000);
      while (g_main_context_iteration (NULL, FALSE));
    }
  g_assert_cmpuint (notified, ==, 0);
  g_assert_true (g_file_equal (up_store_get_file (store), file));

  set_title (project, "Saved at the old name");
  g_assert_true (up_store_flush (store, &error));
  g_assert_no_error (error);
  test_assert_dir_is (dir, "Budget.upphandla/Renamed.upphandla");
}

static void
test_save_conflict (void)
{
  g_autofree char *dir = test_new_dir (test_root, "conflict");
  g_autofree char *path = create_project_file (dir, "shared.upphandla", "Original");
  g_autofree char *copy_path = g_build_filename (dir, "mine.upphandla", NULL);
  g_autoptr(GFile) copy = g_file_new_for_path (copy_path);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(UpProject) first = open_project (path);
  g_autoptr(UpProject) second = open_project (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) recovery = NULL;
  g_autofree char *title = NULL;
  UpStore *store = up_project_get_store (first);
  guint failed = 0;

  g_signal_connect_swapped (store, "save-failed", G_CALLBACK (count_signal), &failed);

  /* file timestamps are coarse (a clock tick): let the second's write
   * land in a later one, see test_save_conflict_same_mtime() */
  g_usleep (30 * 1000);
  set_title (second, "The second's edit");
  g_assert_true (up_store_flush (up_project_get_store (second), &error));
  g_assert_no_error (error);

  set_title (first, "The first's edit");
  g_assert_false (up_store_flush (store, &error));
  g_assert_error (error, UP_STORE_ERROR, UP_STORE_ERROR_CONFLICT);
  assert_error_names_file (error, path);
  g_clear_error (&error);
  g_assert_cmpuint (failed, ==, 1);
  g_assert_nonnull (up_store_get_save_error (store));
  g_assert_true (g_error_matches (up_store_get_save_error (store), UP_STORE_ERROR, UP_STORE_ERROR_CONFLICT));

  /* theirs on disk, ours in memory and in the recovery copy */
  title = query_text (path, "SELECT title FROM project");
  g_assert_cmpstr (title, ==, "The second's edit");
  g_assert_true (integrity_ok (path));
  g_assert_cmpstr (up_project_get_title (first), ==, "The first's edit");
  g_assert_true (up_store_get_dirty (store));
  recovery = up_store_find_recovery (up_store_get_file (store));
  g_assert_nonnull (recovery);
  g_clear_pointer (&title, g_free);
  title = query_text (g_file_peek_path (recovery), "SELECT title FROM project");
  g_assert_cmpstr (title, ==, "The first's edit");
  test_assert_dir_is (dir, "shared.upphandla");

  /* the start page lists it among the projects with unsaved changes */
  {
    g_autoptr(GPtrArray) pending = up_store_list_recoveries ();
    gboolean listed = FALSE;

    for (guint i = 0; i < pending->len; i++)
      listed |= g_file_equal (((UpRecoveryInfo *) pending->pdata[i])->document, up_store_get_file (store));
    g_assert_true (listed);
  }

  /* a conflict is never retried by itself: more edits do not overwrite */
  set_title (first, "The first's second edit");
  g_assert_false (up_store_flush (store, &error));
  g_assert_error (error, UP_STORE_ERROR, UP_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_clear_pointer (&title, g_free);
  title = query_text (path, "SELECT title FROM project");
  g_assert_cmpstr (title, ==, "The second's edit");

  /* the user saves a copy: the store goes on belonging to the document */
  g_assert_true (up_store_save_copy (store, copy, &error));
  g_assert_no_error (error);
  g_assert_true (integrity_ok (copy_path));
  g_clear_pointer (&title, g_free);
  title = query_text (copy_path, "SELECT title FROM project");
  g_assert_cmpstr (title, ==, "The first's second edit");
  g_assert_true (g_file_equal (up_store_get_file (store), file));
  test_assert_dir_is (dir, "mine.upphandla/shared.upphandla");

  /* or writes over theirs */
  g_assert_true (up_store_save_overwrite (store, &error));
  g_assert_no_error (error);
  g_assert_false (up_store_get_dirty (store));
  g_assert_null (up_store_get_save_error (store));
  g_clear_pointer (&title, g_free);
  title = query_text (path, "SELECT title FROM project");
  g_assert_cmpstr (title, ==, "The first's second edit");
  g_assert_true (integrity_ok (path));
  g_assert_false (file_exists (recovery));
  g_clear_object (&recovery);
  recovery = up_store_find_recovery (up_store_get_file (store));
  g_assert_null (recovery);

  /* and saving goes on normally after that */
  set_title (first, "Back to normal");
  g_assert_true (up_store_flush (store, &error));
  g_assert_no_error (error);
  g_clear_pointer (&title, g_free);
  title = query_text (path, "SELECT title FROM project");
  g_assert_cmpstr (title, ==, "Back to normal");
  test_assert_dir_is (dir, "mine.upphandla/shared.upphandla");

  g_signal_handlers_disconnect_by_data (store, &failed);
}

/* Local files get an etag from their modification time, which the kernel
 * takes from a coarse clock: two writes within one tick (a few ms) get
 * the same time, and so the same etag. Another program's save that lands
 * in the tick of our last read or write is then not seen as a change.
 * Simulated deterministically by giving the file back its old time. */
static void
test_save_conflict_same_mtime (void)
{
  g_autofree char *dir = test_new_dir (test_root, "conflict-same-mtime");
  g_autofree char *path = create_project_file (dir, "shared.upphandla", "Original");
  g_autoptr(UpProject) first = open_project (path);
  g_autoptr(UpProject) second = open_project (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  struct stat before;
  struct timespec times[2];
  gboolean saved;

  g_assert_cmpint (g_stat (path, &before), ==, 0);
  set_title (second, "The second's edit, a longer title than before");
  g_assert_true (up_store_flush (up_project_get_store (second), &error));
  g_assert_no_error (error);
  times[0] = before.st_atim;
  times[1] = before.st_mtim;
  g_assert_cmpint (utimensat (AT_FDCWD, path, times, 0), ==, 0);

  set_title (first, "The first's edit");
  saved = up_store_flush (up_project_get_store (first), &error);
  title = query_text (path, "SELECT title FROM project");
  if (saved)
    g_test_message ("BUG: the first's save wrote over the second's edit; the file now holds “%s”", title);
  g_assert_false (saved);
  g_assert_error (error, UP_STORE_ERROR, UP_STORE_ERROR_CONFLICT);
  g_assert_cmpstr (title, ==, "The second's edit, a longer title than before");
}

/* Read-only folders and files: the child (as nobody) opens the project,
 * edits it, and the save fails with READ_ONLY; the edit stays in memory
 * and in the recovery copy, and the file is not touched. */

typedef struct
{
  const char *name;
  int         dir_mode;
  int         file_mode;
} ReadOnlyCase;

static const ReadOnlyCase read_only_cases[] = {
  /* the policy's case: neither may be written */
  { "folder-and-file", 0555, 0444 },
  /* a writable file in a folder that is not: GIO cannot put a temporary
   * file beside it, and must not fall back to writing the file in place
   * (a full disk or a crash halfway would destroy it) */
  { "folder", 0555, 0644 },
  /* a read-only file in a writable folder: GIO opens the file for writing
   * before it replaces it, which fails, so this is refused too */
  { "file", 0755, 0444 },
};

/* Runs the child @mode as nobody on a project of its own, in a folder of
 * its own, with @ro's modes: the file is nobody's, the folder nobody's too
 * where nobody may write in it (root's otherwise). Whatever the child
 * does, the file is left byte for byte as it was, alone in its folder.
 * Returns the child's status. */
static int
run_read_only_child (const ReadOnlyCase *ro,
                     const char         *dir_name,
                     const char         *file_name,
                     const char         *title,
                     const char         *mode)
{
  g_autofree char *dir = test_new_dir (test_root, dir_name);
  g_autofree char *path = create_project_file (dir, file_name, title);
  g_autoptr(GBytes) before = test_read_bytes (path);
  g_autoptr(GBytes) after = NULL;
  int status;

  if (geteuid () == 0)
    {
      g_assert_cmpint (chown (path, TEST_NOBODY, TEST_NOBODY), ==, 0);
      if (ro->dir_mode & 0200)
        g_assert_cmpint (chown (dir, TEST_NOBODY, TEST_NOBODY), ==, 0);
    }
  g_assert_cmpint (g_chmod (path, ro->file_mode), ==, 0);
  g_assert_cmpint (g_chmod (dir, ro->dir_mode), ==, 0);

  status = test_run_child (mode, path, NULL);
  g_chmod (dir, 0755);

  after = test_read_bytes (path);
  if (!g_bytes_equal (before, after))
    g_test_message ("the file was changed: %" G_GSIZE_FORMAT " -> %" G_GSIZE_FORMAT " bytes",
                    g_bytes_get_size (before), g_bytes_get_size (after));
  g_assert_true (g_bytes_equal (before, after));
  test_assert_dir_is (dir, file_name);

  return status;
}

static void
test_save_read_only (gconstpointer data)
{
  const ReadOnlyCase *ro = data;

  g_assert_cmpint (run_read_only_child (ro, ro->name, "plan.upphandla", "Read only", "save"),
                   ==, 100 + UP_STORE_ERROR_READ_ONLY);
}

/* The same folders and files, and one nobody may write, told apart as
 * the project opens, before any edit (the window's banner asks it): the
 * child (as nobody) answers what up_store_check_writable() says, and the
 * file is not touched. */
static const ReadOnlyCase writable_case = { "writable", 0755, 0644 };

static void
test_open_read_only (gconstpointer data)
{
  const ReadOnlyCase *ro = data;
  g_autofree char *name = g_strconcat ("open-", ro->name, NULL);
  int status = run_read_only_child (ro, name, "sent.upphandla", "Sent by mail", "writable");

  if (ro == &writable_case)
    g_assert_cmpint (status, ==, 0);
  else
    g_assert_cmpint (status, ==, 100 + UP_STORE_ERROR_READ_ONLY);
}

/* "Save a Copy" onto the project's own file, by its name or through a
 * link: after a conflict that would replace the other person's version
 * without the user's choice to overwrite it, and leave the window saying
 * that nothing was saved. It is refused, and the file keeps theirs. */
static void
test_save_copy_onto_document (void)
{
  g_autofree char *dir = test_new_dir (test_root, "copy-onto-document");
  g_autofree char *path = create_project_file (dir, "shared.upphandla", "Original");
  g_autofree char *link_path = g_build_filename (dir, "link.upphandla", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) same = g_file_new_for_path (path);
  g_autoptr(GFile) link = g_file_new_for_path (link_path);
  g_autoptr(UpProject) first = open_project (path);
  g_autoptr(UpProject) second = open_project (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  UpStore *store = up_project_get_store (first);

  g_assert_cmpint (symlink ("shared.upphandla", link_path), ==, 0);

  g_usleep (30 * 1000);
  set_title (second, "The second's edit");
  g_assert_true (up_store_flush (up_project_get_store (second), &error));
  g_assert_no_error (error);
  set_title (first, "The first's edit");
  g_assert_false (up_store_flush (store, &error));
  g_assert_error (error, UP_STORE_ERROR, UP_STORE_ERROR_CONFLICT);
  g_clear_error (&error);

  g_assert_false (up_store_save_copy (store, same, &error));
  g_assert_error (error, UP_STORE_ERROR, UP_STORE_ERROR_WRITE_FAILED);
  assert_error_names_file (error, path);
  g_clear_error (&error);
  g_assert_false (up_store_save_copy (store, link, &error));
  g_assert_error (error, UP_STORE_ERROR, UP_STORE_ERROR_WRITE_FAILED);
  g_clear_error (&error);

  title = query_text (path, "SELECT title FROM project");
  g_assert_cmpstr (title, ==, "The second's edit");
  g_assert_true (g_error_matches (up_store_get_save_error (store), UP_STORE_ERROR, UP_STORE_ERROR_CONFLICT));
  g_assert_true (up_store_get_dirty (store));
  g_assert_true (g_file_equal (up_store_get_file (store), file));
  test_assert_dir_is (dir, "link.upphandla/shared.upphandla");
}

/* The edits are kept, so that the window may close on them, while the
 * document, its recovery copy or a copy the user saved holds them. Here
 * the folder is gone and the recovery copy cannot be written either (a
 * folder stands where it goes, which stops root as it stops anyone). */
static void
test_save_edits_kept (void)
{
  g_autofree char *dir = test_new_dir (test_root, "edits-kept");
  g_autofree char *path = create_project_file (dir, "plan.upphandla", "Original");
  g_autofree char *elsewhere = test_new_dir (test_root, "edits-kept-copy");
  g_autofree char *copy_path = g_build_filename (elsewhere, "copy.upphandla", NULL);
  g_autoptr(GFile) copy = g_file_new_for_path (copy_path);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) recovery_dir = up_store_get_recovery_dir ();
  g_autoptr(UpProject) project = open_project (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = g_file_get_uri (file);
  g_autofree char *key = g_compute_checksum_for_string (G_CHECKSUM_SHA256, uri, -1);
  g_autofree char *blocker_name = g_strconcat (key, ".upphandla", NULL);
  g_autofree char *blocker = g_build_filename (g_file_peek_path (recovery_dir), blocker_name, NULL);
  UpStore *store = up_project_get_store (project);

  g_assert_true (up_store_get_edits_kept (store));
  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (blocker, 0700), ==, 0);

  set_title (project, "Nowhere yet");
  g_test_expect_message ("up-store", G_LOG_LEVEL_WARNING, "Could not write the recovery copy *");
  g_assert_false (up_store_flush (store, &error));
  g_test_assert_expected_messages ();
  g_clear_error (&error);
  g_assert_false (up_store_get_edits_kept (store));

  g_assert_true (up_store_save_copy (store, copy, &error));
  g_assert_no_error (error);
  g_assert_true (up_store_get_edits_kept (store));

  /* an edit after the copy is in neither */
  set_title (project, "After the copy");
  g_test_expect_message ("up-store", G_LOG_LEVEL_WARNING, "Could not write the recovery copy *");
  g_assert_false (up_store_flush (store, &error));
  g_test_assert_expected_messages ();
  g_clear_error (&error);
  g_assert_false (up_store_get_edits_kept (store));

  g_assert_cmpint (g_rmdir (blocker), ==, 0);
  up_store_discard_recovery (file);
}

/* The file was deleted, or moved to another folder, while open: the save
 * writes it anew at its place and says so, once, so that whoever moved it
 * learns that the moved file does not have the later edits. */
static void
test_save_written_anew (void)
{
  g_autofree char *dir = test_new_dir (test_root, "written-anew");
  g_autofree char *path = create_project_file (dir, "plan.upphandla", "Original");
  g_autofree char *away = test_new_dir (test_root, "written-anew-away");
  g_autofree char *moved = g_build_filename (away, "plan.upphandla", NULL);
  g_autoptr(UpProject) project = open_project (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  UpStore *store = up_project_get_store (project);
  guint anew = 0;

  g_signal_connect_swapped (store, "written-anew", G_CALLBACK (count_signal), &anew);

  set_title (project, "Saved in place");
  g_assert_true (up_store_flush (store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (anew, ==, 0);

  g_assert_cmpint (g_rename (path, moved), ==, 0);
  set_title (project, "After the move");
  g_assert_true (up_store_flush (store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (anew, ==, 1);
  title = query_text (path, "SELECT title FROM project");
  g_assert_cmpstr (title, ==, "After the move");

  set_title (project, "Once more");
  g_assert_true (up_store_flush (store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (anew, ==, 1);
}

/* A full disk, made by a file size limit below the project's size. */
static void
test_save_full_disk (void)
{
  g_autofree char *dir = test_new_dir (test_root, "full-disk");
  g_autofree char *path = create_demo_file (dir, "demo.upphandla");
  g_autofree char *description = NULL;
  int status;

  status = test_run_child ("full-disk", path, NULL);

  g_assert_cmpint (status, ==, 0);
  /* the document is a complete project */
  g_assert_true (integrity_ok (path));
  test_assert_dir_is (dir, "demo.upphandla");
  /* and the child's save after the limit was raised holds its edit */
  description = query_text (path, "SELECT substr(description, 1, 19) FROM project");
  g_assert_cmpstr (description, ==, "Saved once the disk");
}

/* The folder went away (a USB stick pulled, a share gone): the save fails
 * with a reason, and the edit is kept in memory and in the recovery copy. */
static void
test_save_folder_gone (void)
{
  g_autofree char *dir = test_new_dir (test_root, "folder-gone");
  g_autofree char *path = create_project_file (dir, "plan.upphandla", "Original");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(UpProject) project = open_project (path);
  g_autoptr(GFile) recovery = NULL;
  g_autoptr(GError) error = NULL;
  UpStore *store = up_project_get_store (project);

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);

  set_title (project, "Edited after the folder went");
  g_assert_false (up_store_flush (store, &error));
  g_assert_error (error, UP_STORE_ERROR, UP_STORE_ERROR_WRITE_FAILED);
  assert_error_names_file (error, path);
  /* in words a user knows, with what to do: not the system's "No such
   * file or directory" */
  g_assert_null (strstr (error->message, g_strerror (ENOENT)));
  g_assert_nonnull (strstr (error->message, "folder"));
  g_assert_nonnull (strstr (error->message, "Save As"));
  g_assert_cmpstr (up_project_get_title (project), ==, "Edited after the folder went");
  g_assert_true (up_store_get_dirty (store));
  g_assert_false (g_file_test (dir, G_FILE_TEST_EXISTS));

  recovery = up_store_find_recovery (file);
  g_assert_nonnull (recovery);
  g_clear_error (&error);
  {
    g_autoptr(UpStore) copy = up_store_open_recovery (file, &error);
    g_autoptr(UpProject) recovered = NULL;

    g_assert_no_error (error);
    recovered = up_project_new_for_store (copy, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (up_project_get_title (recovered), ==, "Edited after the folder went");
  }
  up_store_discard_recovery (file);
  g_assert_false (file_exists (recovery));
}

/* Recovery */

static void
test_recovery_after_failed_save (void)
{
  g_autofree char *dir = test_new_dir (test_root, "recovery");
  g_autofree char *path = create_project_file (dir, "plan.upphandla", "Original");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(UpProject) first = open_project (path);
  g_autoptr(UpProject) second = open_project (path);
  g_autoptr(UpProject) recovered = NULL;
  g_autoptr(UpStore) store = NULL;
  g_autoptr(GFile) recovery = NULL;
  g_autoptr(GFile) recovery_dir = up_store_get_recovery_dir ();
  g_autoptr(GError) error = NULL;
  g_autofree char *expected_dir = g_build_filename (g_getenv ("XDG_STATE_HOME"), "upphandla", "recovery", NULL);
  g_autofree char *title = NULL;
  UpStakeholder *stakeholder;

  g_assert_cmpstr (g_file_peek_path (recovery_dir), ==, expected_dir);
  g_assert_null (up_store_find_recovery (file));

  g_usleep (30 * 1000);
  set_title (second, "Theirs");
  g_assert_true (up_store_flush (up_project_get_store (second), &error));
  g_assert_no_error (error);

  set_title (first, "Mine");
  stakeholder = up_project_add_stakeholder (first, "Added before the crash", "Kommunen", "citizen", &error);
  g_assert_no_error (error);
  g_assert_nonnull (stakeholder);
  g_assert_false (up_store_flush (up_project_get_store (first), &error));
  g_assert_error (error, UP_STORE_ERROR, UP_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  /* the window closes without a choice, as after a crash */
  g_clear_object (&first);

  recovery = up_store_find_recovery (file);
  g_assert_nonnull (recovery);
  g_assert_true (g_file_has_prefix (recovery, recovery_dir));
  g_assert_true (integrity_ok (g_file_peek_path (recovery)));

  /* the copy was made on the file as "first" opened it; "second" has
   * saved over that since */
  g_assert_true (up_store_recovery_document_changed (file));
  store = up_store_open_recovery (file, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_true (g_file_equal (up_store_get_file (store), file));
  g_assert_true (up_store_get_dirty (store));
  recovered = up_project_new_for_store (store, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (up_project_get_title (recovered), ==, "Mine");
  g_assert_cmpuint (up_project_count (recovered, "stakeholder"), ==, 1);

  /* so the first save of the recovered project is a conflict, as the
   * save before the crash was: theirs is not written over unasked */
  g_assert_false (up_store_flush (store, &error));
  g_assert_error (error, UP_STORE_ERROR, UP_STORE_ERROR_CONFLICT);
  assert_error_names_file (error, path);
  g_clear_error (&error);
  title = query_text (path, "SELECT title FROM project");
  g_assert_cmpstr (title, ==, "Theirs");
  g_clear_pointer (&title, g_free);
  g_assert_true (file_exists (recovery));

  /* the user chooses Overwrite; the recovery copy is kept until the
   * document holds it */
  g_assert_true (up_store_save_overwrite (store, &error));
  g_assert_no_error (error);
  title = query_text (path, "SELECT title FROM project");
  g_assert_cmpstr (title, ==, "Mine");
  g_assert_cmpint (query_int (path, "SELECT count(*) FROM stakeholder"), ==, 1);
  g_assert_false (file_exists (recovery));
  g_clear_object (&recovery);
  recovery = up_store_find_recovery (file);
  g_assert_null (recovery);
  test_assert_dir_is (dir, "plan.upphandla");
}

static void
set_mtime (GFile  *file,
           gint64  seconds)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_attribute_uint64 (file, G_FILE_ATTRIBUTE_TIME_MODIFIED, seconds,
                                              G_FILE_QUERY_INFO_NONE, NULL, &error));
  g_assert_no_error (error);
}

/* The recovery copy of a save that did not reach the document, with the
 * document still the version the edits were made on: a file the user
 * "first" had open, the edits of a conflicting save, the file put back
 * as "first" read it (as when the app is killed before its save). */
static char *
make_recovery_copy (const char *dir,
                    GBytes    **original)
{
  char *path = create_project_file (dir, "plan.upphandla", "Original");
  g_autoptr(UpProject) first = open_project (path);
  g_autoptr(UpProject) second = open_project (path);
  g_autoptr(GError) error = NULL;

  *original = test_read_bytes (path);
  set_title (second, "Theirs");
  g_assert_true (up_store_flush (up_project_get_store (second), &error));
  g_assert_no_error (error);
  set_title (first, "Mine");
  g_assert_false (up_store_flush (up_project_get_store (first), &error));
  g_assert_error (error, UP_STORE_ERROR, UP_STORE_ERROR_CONFLICT);
  test_write_bytes (path, g_bytes_get_data (*original, NULL), g_bytes_get_size (*original));
  return path;
}

/* A recovery folder may hold a .uri that names no document (empty, cut
 * short by a crash as it was written, or not a URI) beside its copy: the
 * list of projects with unsaved changes leaves it out (the start page
 * crashed on a document without a name). */
/* The start page lists projects with unsaved changes the latest changed
 * first, as it lists the recent ones, whatever the order of the files in
 * the recovery folder: each copy is given a time that reverses the order
 * the folder gives, so that a list in folder order fails. */
static void
test_recovery_list_newest_first (void)
{
  g_autoptr(GPtrArray) documents = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) folder_order = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) listed = NULL;
  gint64 base = G_GINT64_CONSTANT (1741946400);   /* 2025-03-14 10:00 UTC */
  guint n = 0;

  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *name = g_strdup_printf ("newest-first-%u", i);
      g_autofree char *dir = test_new_dir (test_root, name);
      g_autofree char *path = create_project_file (dir, "plan.upphandla", "Original");
      g_autoptr(UpProject) project = open_project (path);
      g_autoptr(GError) error = NULL;

      g_assert_cmpint (g_unlink (path), ==, 0);
      g_assert_cmpint (g_rmdir (dir), ==, 0);
      set_title (project, "Changed while the folder was gone");
      g_assert_false (up_store_flush (up_project_get_store (project), &error));
      g_ptr_array_add (documents, g_file_new_for_path (path));
    }

  /* the order of the folder, ours among any other test's */
  listed = up_store_list_recoveries ();
  for (guint i = 0; i < listed->len; i++)
    for (guint j = 0; j < documents->len; j++)
      if (g_file_equal (((UpRecoveryInfo *) listed->pdata[i])->document, documents->pdata[j]))
        g_ptr_array_add (folder_order, g_object_ref (documents->pdata[j]));
  g_assert_cmpuint (folder_order->len, ==, documents->len);
  g_clear_pointer (&listed, g_ptr_array_unref);

  /* the first in folder order the oldest, a day apart */
  for (guint i = 0; i < folder_order->len; i++)
    {
      g_autoptr(GFile) recovery = up_store_find_recovery (folder_order->pdata[i]);
      g_autofree char *recovery_path = g_file_get_path (recovery);
      struct timespec times[2] = { { base + i * 86400, 0 }, { base + i * 86400, 0 } };
      g_autoptr(GDateTime) modified = NULL;

      g_assert_cmpint (utimensat (AT_FDCWD, recovery_path, times, 0), ==, 0);
      modified = up_store_get_recovery_modified (folder_order->pdata[i]);
      g_assert_nonnull (modified);
      g_assert_cmpint (g_date_time_to_unix (modified), ==, base + i * 86400);
    }

  listed = up_store_list_recoveries ();
  for (guint i = 0; i < listed->len; i++)
    for (guint j = 0; j < folder_order->len; j++)
      {
        UpRecoveryInfo *info = listed->pdata[i];

        if (!g_file_equal (info->document, folder_order->pdata[j]))
          continue;
        /* newest first: the last in folder order comes first */
        g_assert_cmpuint (j, ==, folder_order->len - 1 - n);
        /* with the time of its copy, so that the start page need not
         * read it again */
        g_assert_nonnull (info->modified);
        g_assert_cmpint (g_date_time_to_unix (info->modified), ==, base + j * 86400);
        n++;
      }
  g_assert_cmpuint (n, ==, folder_order->len);

  for (guint i = 0; i < documents->len; i++)
    up_store_discard_recovery (documents->pdata[i]);
  g_assert_null (up_store_get_recovery_modified (documents->pdata[0]));
}

static void
test_recovery_list_odd_uri (void)
{
  g_autoptr(GFile) dir = up_store_get_recovery_dir ();
  static const char * const uris[] = { "", "no uri at all", "file://" };
  g_autofree char *dir_path = g_file_get_path (dir);

  g_assert_cmpint (g_mkdir_with_parents (dir_path, 0700), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (uris); i++)
    {
      g_autofree char *key = g_compute_checksum_for_string (G_CHECKSUM_SHA256, uris[i], -1);
      g_autofree char *uri_name = g_strconcat (key, ".uri", NULL);
      g_autofree char *copy_name = g_strconcat (key, ".upphandla", NULL);
      g_autofree char *uri_path = g_build_filename (dir_path, uri_name, NULL);
      g_autofree char *copy_path = g_build_filename (dir_path, copy_name, NULL);

      test_write_bytes (uri_path, uris[i], strlen (uris[i]));
      test_write_bytes (copy_path, "SQLite format 3", 16);
    }

  {
    g_autoptr(GPtrArray) pending = up_store_list_recoveries ();

    for (guint i = 0; i < pending->len; i++)
      {
        g_autofree char *name = g_file_get_basename (((UpRecoveryInfo *) pending->pdata[i])->document);

        g_assert_nonnull (name);
      }
  }

  for (guint i = 0; i < G_N_ELEMENTS (uris); i++)
    {
      g_autofree char *key = g_compute_checksum_for_string (G_CHECKSUM_SHA256, uris[i], -1);
      g_autofree char *uri_name = g_strconcat (key, ".uri", NULL);
      g_autofree char *copy_name = g_strconcat (key, ".upphandla", NULL);
      g_autofree char *uri_path = g_build_filename (dir_path, uri_name, NULL);
      g_autofree char *copy_path = g_build_filename (dir_path, copy_name, NULL);

      g_unlink (uri_path);
      g_unlink (copy_path);
    }
}

static GFile *
recovery_base_file (GFile *document)
{
  g_autoptr(GFile) dir = up_store_get_recovery_dir ();
  g_autofree char *uri = g_file_get_uri (document);
  g_autofree char *key = g_compute_checksum_for_string (G_CHECKSUM_SHA256, uri, -1);
  g_autofree char *name = g_strconcat (key, ".base", NULL);

  return g_file_get_child (dir, name);
}

/* Recovers the copy of @file and saves it there without a question. */
static void
assert_recovered_and_saved (GFile *file)
{
  g_autoptr(UpStore) store = NULL;
  g_autoptr(UpProject) recovered = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  store = up_store_open_recovery (file, &error);
  g_assert_no_error (error);
  recovered = up_project_new_for_store (store, &error);
  g_assert_no_error (error);
  g_assert_true (up_store_flush (store, &error));
  g_assert_no_error (error);
  title = query_text (g_file_peek_path (file), "SELECT title FROM project");
  g_assert_cmpstr (title, ==, "Mine");
  g_assert_null (up_store_find_recovery (file));
}

/* The document is still the version the copy was made on: recovered, the
 * copy is saved over it without a question. */
static void
test_recovery_unchanged (void)
{
  g_autofree char *dir = test_new_dir (test_root, "recovery-unchanged");
  g_autoptr(GBytes) original = NULL;
  g_autofree char *path = make_recovery_copy (dir, &original);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) recovery = up_store_find_recovery (file);

  g_assert_nonnull (recovery);
  g_assert_false (up_store_recovery_document_changed (file));
  assert_recovered_and_saved (file);
  g_assert_false (file_exists (recovery));
  test_assert_dir_is (dir, "plan.upphandla");
}

/* Killed between the writes of a save's base and of its copy: the base
 * names the new copy, which never came, and the old copy is still there.
 * The base keeps the old copy's pair after the new one, so the old copy is
 * still known as made on the document as it is, and recovered without a
 * question (the SIGKILL harness met the question: a conflict nobody made). */
static void
test_recovery_base_written_first (void)
{
  g_autofree char *dir = test_new_dir (test_root, "recovery-base-first");
  g_autoptr(GBytes) original = NULL;
  g_autofree char *path = make_recovery_copy (dir, &original);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) base = recovery_base_file (file);
  g_autoptr(GError) error = NULL;
  g_autofree char *pairs = NULL;
  g_autofree char *written_first = NULL;

  g_assert_true (g_file_load_contents (base, NULL, &pairs, NULL, NULL, &error));
  g_assert_no_error (error);
  written_first = g_strconcat ("0123\n4567\n", pairs, NULL);
  g_assert_true (g_file_replace_contents (base, written_first, strlen (written_first), NULL, FALSE,
                                          G_FILE_CREATE_NONE, NULL, NULL, &error));
  g_assert_no_error (error);

  g_assert_false (up_store_recovery_document_changed (file));
  assert_recovered_and_saved (file);
}

/* The tester's case: the app is killed with edits not in the document;
 * after that a colleague's version is copied over the document (newer
 * than the copy). The edits are still offered, as made on another
 * version; recovered, their first save is a conflict, and the colleague's
 * version stays until the user chooses. A copy whose base is not known
 * (of an older Upphandla, or a base of another copy) counts as made on
 * another version. */
static void
test_recovery_changed_after_crash (void)
{
  g_autofree char *dir = test_new_dir (test_root, "recovery-changed");
  g_autoptr(GBytes) original = NULL;
  g_autofree char *path = make_recovery_copy (dir, &original);
  g_autofree char *colleague = create_project_file (dir, "colleague.upphandla", "Colleague's");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) recovery = NULL;
  g_autoptr(GFile) base = recovery_base_file (file);
  g_autoptr(GBytes) theirs = NULL;
  g_autoptr(GError) error = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  g_assert_false (up_store_recovery_document_changed (file));
  theirs = test_read_bytes (colleague);
  test_write_bytes (path, g_bytes_get_data (theirs, NULL), g_bytes_get_size (theirs));
  recovery = up_store_find_recovery (file);
  g_assert_nonnull (recovery);
  set_mtime (recovery, now - 3600);
  set_mtime (file, now);

  for (guint round = 0; round < 3; round++)
    {
      g_autoptr(GFile) found = up_store_find_recovery (file);
      g_autoptr(UpStore) store = NULL;
      g_autoptr(UpProject) recovered = NULL;
      g_autoptr(GBytes) after = NULL;

      if (round == 1)
        {
          /* a base that belongs to another copy */
          g_assert_true (g_file_replace_contents (base, "1-2-3\n4-5-6\n", 12, NULL, FALSE,
                                                  G_FILE_CREATE_NONE, NULL, NULL, &error));
          g_assert_no_error (error);
        }
      if (round == 2)
        g_assert_true (g_file_delete (base, NULL, NULL));

      g_assert_nonnull (found);
      g_assert_true (up_store_recovery_document_changed (file));
      store = up_store_open_recovery (file, &error);
      g_assert_no_error (error);
      recovered = up_project_new_for_store (store, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (up_project_get_title (recovered), ==, "Mine");
      g_assert_false (up_store_flush (store, &error));
      g_assert_error (error, UP_STORE_ERROR, UP_STORE_ERROR_CONFLICT);
      g_clear_error (&error);
      after = test_read_bytes (path);
      g_assert_true (g_bytes_equal (after, theirs));
      g_assert_true (file_exists (recovery));
    }

  /* a copy for a document that is gone is written anew without a question */
  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_false (up_store_recovery_document_changed (file));
  assert_recovered_and_saved (file);
  g_assert_false (file_exists (recovery));
  g_assert_false (file_exists (base));
}

static void
test_recovery_gone_after_save (void)
{
  g_autofree char *dir = test_new_dir (test_root, "recovery-gone");
  g_autofree char *path = create_project_file (dir, "plan.upphandla", "Original");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(UpProject) project = open_project (path);
  g_autoptr(GFile) recovery_dir = up_store_get_recovery_dir ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GFileEnumerator) children = NULL;
  g_autofree char *key = NULL;
  g_autofree char *uri = g_file_get_uri (file);
  GFileInfo *info;

  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *text = g_strdup_printf ("Edit %u", i);

      set_title (project, text);
      g_assert_true (up_store_flush (up_project_get_store (project), &error));
      g_assert_no_error (error);
      g_assert_null (up_store_find_recovery (file));
    }

  /* nothing for this document is left in the recovery folder */
  key = g_compute_checksum_for_string (G_CHECKSUM_SHA256, uri, -1);
  children = g_file_enumerate_children (recovery_dir, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NONE, NULL, &error);
  g_assert_no_error (error);
  while ((info = g_file_enumerator_next_file (children, NULL, &error)) != NULL)
    {
      g_assert_false (g_str_has_prefix (g_file_info_get_name (info), key));
      g_object_unref (info);
    }
  g_assert_no_error (error);
}

static void
test_recovery_not_offered (void)
{
  g_autofree char *dir = test_new_dir (test_root, "recovery-not-offered");
  g_autofree char *path = create_project_file (dir, "plan.upphandla", "Original");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(UpProject) first = open_project (path);
  g_autoptr(UpProject) second = open_project (path);
  g_autoptr(GFile) recovery = NULL;
  g_autoptr(GFile) again = NULL;
  g_autoptr(GError) error = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  g_usleep (30 * 1000);
  set_title (second, "Theirs");
  g_assert_true (up_store_flush (up_project_get_store (second), &error));
  g_assert_no_error (error);
  set_title (first, "Mine");
  g_assert_false (up_store_flush (up_project_get_store (first), &error));
  g_assert_error (error, UP_STORE_ERROR, UP_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  recovery = up_store_find_recovery (file);
  g_assert_nonnull (recovery);

  /* older than the document, which holds another version: offered all
   * the same, as made on another version (it used to be hidden, kept) */
  set_mtime (recovery, now - 3600);
  set_mtime (file, now - 60);
  again = up_store_find_recovery (file);
  g_assert_nonnull (again);
  g_assert_true (up_store_recovery_document_changed (file));
  g_clear_object (&again);

  /* newer, but the document holds the same bytes (the save finished after
   * all): not offered, and removed */
  g_assert_true (g_file_copy (recovery, file, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  set_mtime (file, now - 60);
  set_mtime (recovery, now);
  again = up_store_find_recovery (file);
  g_assert_null (again);
  g_assert_false (file_exists (recovery));
}

/* Two stores with the same project open (two windows, or a second
 * instance of the app), each with a note being written: each keeps its
 * own draft. One drops its draft (its note saved) and the other dies: the
 * dead one's draft is there to be taken, and only it; the draft of a store
 * that still runs is never taken. Before 2026-12-05 the document had one
 * draft file: the second store wrote over the first's, and dropping its
 * own then removed the only one left. */
static void
test_draft_per_store (void)
{
  g_autofree char *dir = test_new_dir (test_root, "draft-per-store");
  g_autofree char *path = create_project_file (dir, "workshop.upphandla", "Original");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(UpProject) first = open_project (path);
  g_autoptr(UpProject) second = open_project (path);
  g_autofree char *taken = NULL;

  g_assert_true (up_store_keep_draft (up_project_get_store (first), "Written in the first window"));
  g_assert_true (up_store_keep_draft (up_project_get_store (second), "Written in the second window"));
  /* both still run: nothing to take */
  taken = up_store_take_draft (file);
  g_assert_null (taken);

  /* the second saves its note: its draft goes, not the first's */
  g_assert_true (up_store_keep_draft (up_project_get_store (second), NULL));
  taken = up_store_take_draft (file);
  g_assert_null (taken);

  /* the second writes again, and the first ends without saving its note
   * (as after a crash: its lock is gone, its draft stays) */
  g_assert_true (up_store_keep_draft (up_project_get_store (second), "Second, again"));
  g_clear_object (&first);
  taken = up_store_take_draft (file);
  g_assert_cmpstr (taken, ==, "Written in the first window");
  g_clear_pointer (&taken, g_free);
  /* taken once, and the running one's is still not offered */
  taken = up_store_take_draft (file);
  g_assert_null (taken);

  /* a Discard of the recovery leaves the running store's draft */
  up_store_discard_recovery (file);
  g_clear_object (&second);
  taken = up_store_take_draft (file);
  g_assert_cmpstr (taken, ==, "Second, again");
}

/* Migration */

/* Bytes that are not UTF-8 in a file (damaged, or written by something
 * else) reach no widget or export as they are: each invalid sequence reads
 * as U+FFFD, an embedded NUL too, and the file keeps its bytes. */
/* A new project file gets the umask's mode, never a world-writable one;
 * a file that exists keeps its own mode over every save. */
static void
test_save_file_mode (void)
{
  g_autofree char *dir = test_new_dir (test_root, "mode");
  g_autofree char *path = g_build_filename (dir, "mode.upphandla", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(UpProject) project = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf st;
  mode_t old_umask = umask (022);

  project = up_project_create (file, "Läge", &error);
  umask (old_umask);
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0644);

  g_assert_cmpint (g_chmod (path, 0640), ==, 0);
  g_assert_true (up_project_set_string (project, project, "title", "Nytt läge", &error));
  g_assert_no_error (error);
  g_assert_true (up_store_flush (up_project_get_store (project), &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0640);
}

static void
test_open_invalid_utf8 (void)
{
  g_autofree char *path = create_demo_file (test_root, "invalid-utf8.upphandla");
  g_autoptr(UpProject) project = NULL;
  g_autoptr(UpStage) stage = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GListModel *notes;
  gboolean found_note = FALSE;

  sqlite_exec_file (path,
                    "UPDATE project SET title = CAST(X'4bc3b67020ff20fe41' AS TEXT);"
                    "UPDATE stage SET title = CAST(X'41c342' AS TEXT) WHERE id = (SELECT min(id) FROM stage);"
                    "UPDATE note SET body = CAST(X'6100620a80' AS TEXT) WHERE id = (SELECT min(id) FROM note);");
  before = g_file_load_bytes (file, NULL, NULL, NULL);

  project = open_project (path);
  g_assert_true (g_utf8_validate (up_project_get_title (project), -1, NULL));
  g_assert_cmpstr (up_project_get_title (project), ==, "Köp \xef\xbf\xbd \xef\xbf\xbd" "A");

  stage = g_list_model_get_item (up_project_get_stages (project), 0);
  g_assert_cmpstr (up_stage_get_title (stage), ==, "A\xef\xbf\xbd" "B");

  notes = up_project_get_notes (project);
  for (guint i = 0; i < g_list_model_get_n_items (notes); i++)
    {
      g_autoptr(UpNote) note = g_list_model_get_item (notes, i);
      const char *body = up_note_get_body (note);

      g_assert_true (g_utf8_validate (body, -1, NULL));
      if (g_str_has_prefix (body, "a\xef\xbf\xbd"))
        {
          g_assert_cmpstr (body, ==, "a\xef\xbf\xbd" "b\n\xef\xbf\xbd");
          found_note = TRUE;
        }
    }
  g_assert_true (found_note);

  after = g_file_load_bytes (file, NULL, NULL, NULL);
  g_assert_true (g_bytes_equal (before, after));
}

/* A NUL in a text of a file made elsewhere reads as U+FFFD. A stage with
 * one that is deleted and brought back by undo (or redo, and undo again)
 * comes back with all its text, not cut at the NUL. */
static void
test_undo_keeps_text_after_nul (void)
{
  g_autofree char *path = create_demo_file (test_root, "nul-undo.upphandla");
  g_autoptr(UpProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;
  g_autofree char *body = NULL;
  UpStage *stage;
  UpNote *note;
  gint64 stage_id, note_id;

  sqlite_exec_file (path,
                    "UPDATE stage SET title = CAST(X'48610062c3a4' AS TEXT),"
                    "  description = CAST(X'78005c7530303030' AS TEXT)"
                    "  WHERE id = (SELECT min(id) FROM stage);"
                    "UPDATE note SET body = CAST(X'6e6f746500efbfbd21' AS TEXT),"
                    "  stage_id = (SELECT min(id) FROM stage)"
                    "  WHERE id = (SELECT min(id) FROM note);");
  project = open_project (path);
  stage = g_list_model_get_item (up_project_get_stages (project), 0);
  g_object_unref (stage);
  stage_id = up_record_get_id (UP_RECORD (stage));
  title = g_strdup (up_stage_get_title (stage));
  description = g_strdup (up_stage_get_description (stage));
  g_assert_cmpstr (title, ==, "Ha\xef\xbf\xbd" "b\xc3\xa4");
  /* a backslash and "u0000" typed after the NUL stay as they were */
  g_assert_cmpstr (description, ==, "x\xef\xbf\xbd\\u0000");
  note = g_list_model_get_item (up_project_get_notes (project), 0);
  g_object_unref (note);
  note_id = up_record_get_id (UP_RECORD (note));
  body = g_strdup (up_note_get_body (note));
  g_assert_cmpstr (body, ==, "note\xef\xbf\xbd\xef\xbf\xbd!");

  g_assert_true (up_project_delete_stage (project, stage, TRUE, &error));
  g_assert_no_error (error);
  for (guint round = 0; round < 2; round++)
    {
      if (round > 0)
        {
          g_assert_true (up_project_redo (project, &error));
          g_assert_null (up_project_lookup (project, "stage", stage_id));
        }
      g_assert_true (up_project_undo (project, &error));
      g_assert_no_error (error);

      stage = UP_STAGE (up_project_lookup (project, "stage", stage_id));
      g_assert_nonnull (stage);
      g_assert_cmpstr (up_stage_get_title (stage), ==, title);
      g_assert_cmpstr (up_stage_get_description (stage), ==, description);
      note = UP_NOTE (up_project_lookup (project, "note", note_id));
      g_assert_nonnull (note);
      g_assert_cmpstr (up_note_get_body (note), ==, body);
    }
}

static void
on_backed_up (UpStore  *store,
              GFile    *backup,
              GFile   **out)
{
  /* once only */
  g_assert_null (*out);
  *out = g_object_ref (backup);
}

static void
test_migration_from_version_0 (void)
{
  g_autofree char *dir = test_new_dir (test_root, "migration");
  g_autofree char *path = g_build_filename (dir, "old.upphandla", NULL);
  g_autofree char *backup = g_build_filename (dir, "old.upphandla.v0.bak", NULL);
  g_autofree char *sql = g_strdup_printf ("PRAGMA application_id = %d;"
                                          "PRAGMA user_version = 0;"
                                          "CREATE TABLE t (x);"
                                          "DROP TABLE t;",
                                          UP_APPLICATION_ID);
  g_autoptr(GBytes) original = NULL;
  g_autoptr(GBytes) kept = NULL;
  g_autoptr(GBytes) kept_again = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(UpProject) project = NULL;
  g_autoptr(UpProject) reopened = NULL;
  g_autofree char *title = NULL;
  g_autoptr(GFile) backed_up = NULL;
  UpStore *store;

  sqlite_exec_file (path, sql);
  original = test_read_bytes (path);
  g_assert_cmpuint (g_bytes_get_size (original), >, 0);
  g_assert_cmpint (query_int (path, "PRAGMA application_id"), ==, UP_APPLICATION_ID);
  g_assert_cmpint (query_int (path, "PRAGMA user_version"), ==, 0);

  project = up_project_open (file, &error);
  g_assert_no_error (error);
  g_assert_nonnull (project);
  store = up_project_get_store (project);
  g_assert_cmpint (up_store_get_migrated_from (store), ==, 0);
  g_assert_cmpuint (up_project_count (project, "stage"), ==, 0);
  /* opening alone writes nothing */
  test_assert_dir_is (dir, "old.upphandla");

  g_signal_connect (store, "backed-up", G_CALLBACK (on_backed_up), &backed_up);
  set_title (project, "Upgraded");
  g_assert_true (up_store_flush (store, &error));
  g_assert_no_error (error);

  test_assert_dir_is (dir, "old.upphandla/old.upphandla.v0.bak");
  /* said once, with where */
  g_assert_nonnull (backed_up);
  g_assert_cmpstr (g_file_peek_path (backed_up), ==, backup);
  kept = test_read_bytes (backup);
  g_assert_true (g_bytes_equal (kept, original));
  g_assert_true (integrity_ok (path));
  g_assert_cmpint (query_int (path, "PRAGMA user_version"), ==, UP_SCHEMA_VERSION);
  g_assert_cmpint (query_int (path, "PRAGMA application_id"), ==, UP_APPLICATION_ID);
  title = query_text (path, "SELECT title FROM project");
  g_assert_cmpstr (title, ==, "Upgraded");

  /* the backup is made once, not at every save */
  set_title (project, "Upgraded twice");
  g_assert_true (up_store_flush (store, &error));
  g_assert_no_error (error);
  kept_again = test_read_bytes (backup);
  g_assert_true (g_bytes_equal (kept_again, original));
  g_clear_object (&backed_up);
  g_assert_true (g_signal_handlers_disconnect_by_func (store, on_backed_up, &backed_up) == 1);

  reopened = open_project (path);
  g_assert_cmpint (up_store_get_migrated_from (up_project_get_store (reopened)), ==, -1);
  g_assert_cmpstr (up_project_get_title (reopened), ==, "Upgraded twice");
}

/* A file of version 1 whose first save after its migration never landed
 * (another program held its lock), and the app ended: the recovered
 * edits' first save keeps the file as it was, as that save would have. */
static void
test_recovery_of_migrated (void)
{
  g_autofree char *dir = test_new_dir (test_root, "recovery-migrated");
  g_autofree char *path = g_build_filename (dir, "plan.upphandla", NULL);
  g_autofree char *backup = g_strconcat (path, ".v1.bak", NULL);
  g_autoptr(GBytes) fixture = test_read_bytes (TEST_DATA_DIR "/project-v1.upphandla");
  g_autoptr(GBytes) kept = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(UpProject) project = NULL;
  g_autoptr(UpProject) recovered = NULL;
  g_autoptr(UpStore) store = NULL;
  g_autoptr(GFile) backed_up = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  int other;

  test_write_bytes (path, g_bytes_get_data (fixture, NULL), g_bytes_get_size (fixture));
  project = open_project (path);
  g_assert_cmpint (up_store_get_migrated_from (up_project_get_store (project)), ==, 1);
  _up_store_set_lock_wait (up_project_get_store (project), 50);
  other = open (path, O_RDONLY | O_CLOEXEC);
  g_assert_cmpint (other, >=, 0);
  g_assert_cmpint (flock (other, LOCK_EX), ==, 0);
  set_title (project, "Recovered");
  g_assert_false (up_store_flush (up_project_get_store (project), &error));
  g_assert_error (error, UP_STORE_ERROR, UP_STORE_ERROR_BUSY);
  g_clear_error (&error);
  /* the app ends; the other program lets go */
  g_clear_object (&project);
  close (other);
  test_assert_dir_is (dir, "plan.upphandla");

  store = up_store_open_recovery (file, &error);
  g_assert_no_error (error);
  recovered = up_project_new_for_store (store, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (up_project_get_title (recovered), ==, "Recovered");
  g_signal_connect (store, "backed-up", G_CALLBACK (on_backed_up), &backed_up);
  g_assert_true (up_store_flush (store, &error));
  g_assert_no_error (error);

  test_assert_dir_is (dir, "plan.upphandla/plan.upphandla.v1.bak");
  kept = test_read_bytes (backup);
  g_assert_true (g_bytes_equal (kept, fixture));
  g_assert_nonnull (backed_up);
  g_assert_cmpint (query_int (path, "PRAGMA user_version"), ==, UP_SCHEMA_VERSION);
  title = query_text (path, "SELECT title FROM project");
  g_assert_cmpstr (title, ==, "Recovered");
  g_assert_cmpuint (g_signal_handlers_disconnect_by_func (store, on_backed_up, &backed_up), ==, 1);
}

/* Children */

static gboolean
same_contents (const char *path,
               GBytes     *bytes)
{
  g_autofree char *data = NULL;
  gsize size;

  if (!g_file_get_contents (path, &data, &size, NULL))
    return FALSE;
  return size == g_bytes_get_size (bytes) && memcmp (data, g_bytes_get_data (bytes, NULL), size) == 0;
}

static int
child_open (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) store_error = NULL;
  g_autoptr(GError) project_error = NULL;
  g_autoptr(UpStore) store = NULL;
  g_autoptr(UpProject) project = NULL;

  if (!test_drop_to_nobody ())
    return 3;

  store = up_store_open (file, &store_error);
  project = up_project_open (file, &project_error);
  if (store != NULL || project != NULL)
    {
      g_printerr ("the file opened\n");
      return 4;
    }
  if (store_error->domain != UP_STORE_ERROR || project_error->domain != UP_STORE_ERROR ||
      store_error->code != project_error->code || store_error->message[0] == '\0')
    {
      g_printerr ("unexpected errors: %s / %s\n", store_error->message, project_error->message);
      return 5;
    }
  g_printerr ("code %d: %s\n", store_error->code, store_error->message);
  /* a file one may not read: named, and who can help said */
  if (store_error->code == UP_STORE_ERROR_PERMISSION_DENIED &&
      (strstr (store_error->message, "secret.upphandla") == NULL || strstr (store_error->message, "Ask ") == NULL))
    return 6;
  return 100 + store_error->code;
}

/* Opens @path and fails if that took more than 256 MB of memory more
 * than the process had used before (under AddressSanitizer that is
 * already some hundred MB). */
static int
child_open_large (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(UpStore) store = NULL;
  struct rusage before, after;
  gint64 start = g_get_monotonic_time ();

  g_assert_cmpint (getrusage (RUSAGE_SELF, &before), ==, 0);
  store = up_store_open (file, &error);
  if (store != NULL)
    {
      g_printerr ("the file opened\n");
      return 4;
    }
  g_assert_cmpint (getrusage (RUSAGE_SELF, &after), ==, 0);
  g_printerr ("code %d after %.1f ms, %ld kB more in memory at most: %s\n", error->code,
              (g_get_monotonic_time () - start) / 1000.0, after.ru_maxrss - before.ru_maxrss,
              error->message);
  if (after.ru_maxrss - before.ru_maxrss > 256 * 1024)
    return 6;
  return 100 + error->code;
}

static int
child_writable (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(UpStore) store = NULL;
  g_autofree char *name = NULL;

  if (!test_drop_to_nobody ())
    return 3;

  store = up_store_open (file, &error);
  if (store == NULL)
    {
      g_printerr ("open: %s\n", error->message);
      return 4;
    }
  if (up_store_check_writable (store, &error))
    return 0;

  g_printerr ("code %d: %s\n", error->code, error->message);
  /* the message names the file and the way out the banner offers */
  name = g_path_get_basename (path);
  if (error->domain != UP_STORE_ERROR || strstr (error->message, name) == NULL ||
      strstr (error->message, "Save As") == NULL)
    return 5;
  return 100 + error->code;
}

static int
child_save (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(UpProject) project = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GFile) recovery = NULL;
  char *data = NULL;
  gsize size;
  UpStore *store;

  if (!test_drop_to_nobody ())
    return 3;

  /* it opens */
  project = up_project_open (file, &error);
  if (project == NULL)
    {
      g_printerr ("open: %s\n", error->message);
      return 4;
    }
  store = up_project_get_store (project);
  if (!g_file_get_contents (path, &data, &size, NULL))
    return 5;
  before = g_bytes_new_take (data, size);

  if (!up_project_set_string (project, project, "title", "Edited by nobody", &error))
    {
      g_printerr ("edit: %s\n", error->message);
      return 6;
    }

  /* and says it cannot be saved there */
  if (up_store_flush (store, &error))
    {
      g_printerr ("the save succeeded; the file %s\n",
                  same_contents (path, before) ? "is unchanged" : "was written");
      return 90;
    }
  g_printerr ("code %d: %s\n", error->code, error->message);
  if (error->domain != UP_STORE_ERROR || error->message[0] == '\0')
    return 7;
  /* the way out it names is the one the banner offers */
  if (error->code == UP_STORE_ERROR_READ_ONLY && strstr (error->message, "Save As") == NULL)
    return 13;
  if (g_strcmp0 (up_project_get_title (project), "Edited by nobody") != 0)
    return 8;
  if (!up_store_get_dirty (store) || up_store_get_save_error (store) == NULL)
    return 9;
  if (!same_contents (path, before))
    {
      g_printerr ("the file was changed by the failed save\n");
      return 10;
    }
  recovery = up_store_find_recovery (file);
  if (recovery == NULL)
    {
      g_printerr ("no recovery copy\n");
      return 11;
    }
  /* so the window may close: the next open offers the copy */
  if (!up_store_get_edits_kept (store))
    {
      g_printerr ("the edits in the recovery copy do not count as kept\n");
      return 12;
    }
  return 100 + error->code;
}

/* Keeps a blocking main loop iteration from waiting past a deadline. */
static gboolean
keep_waking (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

static int
child_full_disk (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(UpProject) project = NULL;
  g_autoptr(UpProject) reopened = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) image = NULL;
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *listing = NULL;
  g_autofree char *description = NULL;
  struct rlimit limit;
  rlim_t soft;
  gint64 deadline;
  guint wake;
  char *data = NULL;
  gsize size;
  UpStore *store;
  int code;

  /* a write past the limit then fails with EFBIG instead of killing us */
  signal (SIGXFSZ, SIG_IGN);

  project = up_project_open (file, &error);
  if (project == NULL)
    {
      g_printerr ("open: %s\n", error->message);
      return 4;
    }
  store = up_project_get_store (project);
  _up_store_set_retry_seconds (store, 1);
  if (!g_file_get_contents (path, &data, &size, NULL))
    return 5;
  before = g_bytes_new_take (data, size);

  /* an edit that makes the project larger than the file it was */
  description = g_strnfill (64 * 1024, 'x');
  memcpy (description, "Saved once the disk", 19);
  if (!up_project_set_string (project, project, "description", description, &error))
    return 6;
  image = up_store_serialize (store, &error);
  if (image == NULL || g_bytes_get_size (image) <= size)
    return 7;

  if (getrlimit (RLIMIT_FSIZE, &limit) != 0)
    return 8;
  soft = limit.rlim_cur;
  limit.rlim_cur = g_bytes_get_size (image) - 1;
  if (setrlimit (RLIMIT_FSIZE, &limit) != 0)
    return 8;
  g_printerr ("file %" G_GSIZE_FORMAT " bytes, project %" G_GSIZE_FORMAT " bytes, limit %lu\n",
              size, g_bytes_get_size (image), (unsigned long) limit.rlim_cur);

  if (up_store_flush (store, &error))
    {
      g_printerr ("the save succeeded under the limit\n");
      return 20;
    }
  g_printerr ("code %d: %s\n", error->code, error->message);
  code = error->code;
  g_clear_error (&error);

  if (!same_contents (path, before))
    {
      g_autoptr(GBytes) now = NULL;

      if (g_file_get_contents (path, &data, &size, NULL))
        now = g_bytes_new_take (data, size);
      g_printerr ("the failed save changed the document: %" G_GSIZE_FORMAT " bytes before, %" G_GSIZE_FORMAT " now\n",
                  g_bytes_get_size (before), now ? g_bytes_get_size (now) : 0);
      return 21;
    }
  listing = test_list_dir (dir);
  if (strcmp (listing, "demo.upphandla") != 0)
    {
      g_printerr ("beside the document: %s\n", listing);
      return 22;
    }
  if (strcmp (up_project_get_description (project), description) != 0 || !up_store_get_dirty (store))
    return 23;
  if (code != UP_STORE_ERROR_NO_SPACE)
    return 100 + code;
  /* The recovery copy is as large as the document and did not fit either:
   * the edits are in memory only, and a window must not close on them as
   * if they were kept. */
  if (up_store_get_edits_kept (store))
    {
      g_printerr ("the edits count as kept, but the recovery copy %s\n",
                  up_store_has_recovery (file) ? "is an older one" : "is not there");
      return 27;
    }
  /* and the recovery folder holds nothing of the document: a URI and a
   * base without their copy would stay there for good */
  {
    g_autoptr(GFile) recovery_dir = up_store_get_recovery_dir ();
    g_autofree char *uri = g_file_get_uri (file);
    g_autofree char *key = g_compute_checksum_for_string (G_CHECKSUM_SHA256, uri, -1);
    g_autoptr(GDir) entries = g_dir_open (g_file_peek_path (recovery_dir), 0, NULL);
    const char *name;

    while (entries != NULL && (name = g_dir_read_name (entries)) != NULL)
      if (g_str_has_prefix (name, key))
        {
          g_printerr ("left in the recovery folder: %s\n", name);
          return 29;
        }
  }

  /* space again: the store tries again by itself and the save goes through */
  limit.rlim_cur = soft;
  if (setrlimit (RLIMIT_FSIZE, &limit) != 0)
    return 8;
  deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  wake = g_timeout_add (100, keep_waking, NULL);
  while (up_store_get_dirty (store) || up_store_get_save_error (store) != NULL)
    {
      if (g_get_monotonic_time () > deadline)
        {
          g_printerr ("no save after the limit was raised\n");
          return 24;
        }
      g_main_context_iteration (NULL, TRUE);
    }
  g_source_remove (wake);
  if (!up_store_get_edits_kept (store))
    return 28;
  reopened = up_project_open (file, &error);
  if (reopened == NULL || strcmp (up_project_get_description (reopened), description) != 0)
    return 26;
  return 0;
}

static int
child_main (const char *mode,
            const char *path)
{
  if (strcmp (mode, "open") == 0)
    return child_open (path);
  if (strcmp (mode, "save") == 0)
    return child_save (path);
  if (strcmp (mode, "writable") == 0)
    return child_writable (path);
  if (strcmp (mode, "open-large") == 0)
    return child_open_large (path);
  if (strcmp (mode, "full-disk") == 0)
    return child_full_disk (path);
  return 2;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *state = NULL;
  g_autofree char *recovery = NULL;
  g_autoptr(GString) text = NULL;
  int status;

  if (argc == 4 && strcmp (argv[1], "--child") == 0)
    return child_main (argv[2], argv[3]);

  /* Before anything asks GLib for them: it caches the answers. The
   * recovery folder is shared with the children that run as nobody. */
  test_root = g_dir_make_tmp ("upphandla-test-store-XXXXXX", NULL);
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

  text = g_string_new (NULL);
  for (guint i = 0; i < 25000; i++)
    g_string_append (text, "aö€😀");
  long_text = g_string_free (g_steal_pointer (&text), FALSE);

  g_test_init (&argc, &argv, NULL);
  /* left behind when a test fails, to look at */
  g_test_message ("test files in %s", test_root);

  g_test_add_func ("/store/round-trip/odd-text", test_round_trip);
  g_test_add_func ("/store/round-trip/refused-values", test_refused_values);
  g_test_add_func ("/store/open/missing", test_open_missing);
  g_test_add_func ("/store/open/directory", test_open_directory);
  g_test_add_func ("/store/open/permission-denied", test_open_permission_denied);
  g_test_add_func ("/store/open/empty", test_open_empty);
  g_test_add_func ("/store/open/text", test_open_text);
  g_test_add_func ("/store/open/png", test_open_png);
  g_test_add_func ("/store/open/random", test_open_random);
  g_test_add_func ("/store/open/kind-of-file", test_open_kind_of_file);
  g_test_add_func ("/store/open/other-database", test_open_other_database);
  g_test_add_func ("/store/open/wrong-application-id", test_open_wrong_application_id);
  g_test_add_func ("/store/open/too-new", test_open_too_new);
  g_test_add_func ("/store/open/truncated", test_open_truncated);
  g_test_add_func ("/store/open/garbage-page", test_open_garbage_page);
  g_test_add_func ("/store/open/header-first", test_open_header_first);
  g_test_add_func ("/store/open/large-foreign", test_open_large_foreign);
  g_test_add_func ("/store/open/wal-mode", test_open_wal_mode);
  g_test_add_func ("/store/open/no-side-files", test_open_no_side_files);
  g_test_add_func ("/store/open/fixture-v1", test_open_fixture_v1);
  g_test_add_func ("/store/open/damaged-note-index", test_open_damaged_note_index);
  g_test_add_func ("/store/save/flush", test_save_flush);
  g_test_add_func ("/store/save/coalesce", test_save_coalesce);
  g_test_add_func ("/store/save/conflict", test_save_conflict);
  g_test_add_func ("/store/save/follows-rename", test_save_follows_rename);
  g_test_add_func ("/store/save/not-following", test_save_not_following);
  g_test_add_func ("/store/save/conflict-same-mtime", test_save_conflict_same_mtime);
  for (guint i = 0; i < G_N_ELEMENTS (read_only_cases); i++)
    {
      g_autofree char *test_path = g_strconcat ("/store/save/read-only/", read_only_cases[i].name, NULL);

      g_test_add_data_func (test_path, &read_only_cases[i], test_save_read_only);
    }
  for (guint i = 0; i < G_N_ELEMENTS (read_only_cases); i++)
    {
      g_autofree char *test_path = g_strconcat ("/store/open/read-only/", read_only_cases[i].name, NULL);

      g_test_add_data_func (test_path, &read_only_cases[i], test_open_read_only);
    }
  g_test_add_data_func ("/store/open/read-only/writable", &writable_case, test_open_read_only);
  g_test_add_func ("/store/save/copy-onto-document", test_save_copy_onto_document);
  g_test_add_func ("/store/save/edits-kept", test_save_edits_kept);
  g_test_add_func ("/store/save/written-anew", test_save_written_anew);
  g_test_add_func ("/store/save/full-disk", test_save_full_disk);
  g_test_add_func ("/store/save/folder-gone", test_save_folder_gone);
  g_test_add_func ("/store/recovery/after-failed-save", test_recovery_after_failed_save);
  g_test_add_func ("/store/recovery/unchanged", test_recovery_unchanged);
  g_test_add_func ("/store/recovery/base-written-first", test_recovery_base_written_first);
  g_test_add_func ("/store/recovery/changed-after-crash", test_recovery_changed_after_crash);
  g_test_add_func ("/store/recovery/gone-after-save", test_recovery_gone_after_save);
  g_test_add_func ("/store/recovery/not-offered", test_recovery_not_offered);
  g_test_add_func ("/store/recovery/draft-per-store", test_draft_per_store);
  g_test_add_func ("/store/recovery/list-odd-uri", test_recovery_list_odd_uri);
  g_test_add_func ("/store/recovery/list-newest-first", test_recovery_list_newest_first);
  g_test_add_func ("/store/migration/from-version-0", test_migration_from_version_0);
  g_test_add_func ("/store/migration/recovered", test_recovery_of_migrated);
  g_test_add_func ("/store/open/invalid-utf8", test_open_invalid_utf8);
  g_test_add_func ("/store/undo/text-after-nul", test_undo_keeps_text_after_nul);
  g_test_add_func ("/store/save/file-mode", test_save_file_mode);

  status = g_test_run ();

  test_remove_tree (test_root);
  g_free (test_root);
  g_free (long_text);
  return status;
}
