/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <sqlite3.h>
#include <string.h>

#include "upphandla.h"
#include "up-history-private.h"
#include "up-store-private.h"

/* Edits, undo and redo of every kind, checked against the database itself:
 * after every step the whole database is dumped and compared, and every
 * list model is compared row by row with its table. */

static const char * const tables[] = {
  "project", "stage", "stakeholder", "note", "note_stakeholder", "sdg_link",
  "local_goal", "local_goal_target", "stage_local_goal", NULL
};

static sqlite3 *
open_image (UpProject *project)
{
  g_autoptr(GBytes) image = up_store_serialize (up_project_get_store (project), NULL);
  sqlite3 *db = NULL;
  gsize size;
  const void *data = g_bytes_get_data (image, &size);
  unsigned char *copy = sqlite3_malloc64 (size);

  memcpy (copy, data, size);
  g_assert_cmpint (sqlite3_open (":memory:", &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_deserialize (db, "main", copy, size, size,
                                        SQLITE_DESERIALIZE_FREEONCLOSE | SQLITE_DESERIALIZE_RESIZEABLE),
                   ==, SQLITE_OK);
  return db;
}

/* Every row of every table except the project's modification time, which
 * each edit updates (undo is an edit too). */
static char *
dump (UpProject *project)
{
  sqlite3 *db = open_image (project);
  GString *out = g_string_new (NULL);

  for (guint t = 0; tables[t] != NULL; t++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s ORDER BY id", tables[t]);
      sqlite3_stmt *stmt;

      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      g_string_append_printf (out, "[%s]\n", tables[t]);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            {
              if (strcmp (tables[t], "project") == 0 &&
                  strcmp (sqlite3_column_name (stmt, c), "modified") == 0)
                continue;
              g_string_append_printf (out, "%s|", (const char *) sqlite3_column_text (stmt, c));
            }
          g_string_append_c (out, '\n');
        }
      sqlite3_finalize (stmt);
    }

  sqlite3_close (db);
  return g_string_free (out, FALSE);
}

static void
assert_model_matches (UpProject  *project,
                      GListModel *model,
                      const char *table,
                      const char *order)
{
  sqlite3 *db = open_image (project);
  g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s ORDER BY %s", table, order);
  sqlite3_stmt *stmt;
  guint i = 0;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(UpRecord) record = g_list_model_get_item (model, i++);

      g_assert_nonnull (record);
      g_assert_cmpint (up_record_get_id (record), ==, sqlite3_column_int64 (stmt, 0));
      for (int c = 1; c < sqlite3_column_count (stmt); c++)
        {
          const char *column = sqlite3_column_name (stmt, c);

          if (sqlite3_column_type (stmt, c) == SQLITE_TEXT)
            g_assert_cmpstr (up_record_get_string (record, column), ==,
                             (const char *) sqlite3_column_text (stmt, c));
          else
            g_assert_cmpint (up_record_get_int (record, column), ==, sqlite3_column_int64 (stmt, c));
        }
      g_assert_true (up_project_lookup (project, table, up_record_get_id (record)) == record);
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, i);
  g_assert_cmpuint (up_project_count (project, table), ==, i);
}

static void
assert_models (UpProject *project)
{
  assert_model_matches (project, up_project_get_stages (project), "stage", "position");
  assert_model_matches (project, up_project_get_stakeholders (project), "stakeholder", "id");
  assert_model_matches (project, up_project_get_notes (project), "note", "id");
  assert_model_matches (project, up_project_get_sdg_links (project), "sdg_link", "id");
  assert_model_matches (project, up_project_get_local_goals (project), "local_goal", "position");
}

static UpProject *
demo (void)
{
  g_autoptr(GError) error = NULL;
  UpProject *project = up_demo_create (NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (project);
  g_assert_false (up_history_get_can_undo (up_project_get_history (project)));
  return project;
}

static UpStage *
stage_at (UpProject *project,
          guint      position)
{
  g_autoptr(UpStage) stage = g_list_model_get_item (up_project_get_stages (project), position);

  g_assert_nonnull (stage);
  return stage;
}

typedef gboolean (*EditFunc) (UpProject *project, GError **error);

/* Runs @edit, then undo, redo and undo again, comparing the whole database
 * and the models at each step. */
static void
check_edit (UpProject  *project,
            EditFunc    edit)
{
  UpHistory *history = up_project_get_history (project);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = dump (project);
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;
  guint n_undo = up_history_get_n_undo (history);

  g_assert_true (edit (project, &error));
  g_assert_no_error (error);
  after = dump (project);
  g_assert_cmpstr (before, !=, after);
  g_assert_cmpuint (up_history_get_n_undo (history), ==, n_undo + 1);
  g_assert_nonnull (up_history_get_undo_label (history));
  assert_models (project);

  g_assert_true (up_project_undo (project, &error));
  g_assert_no_error (error);
  undone = dump (project);
  g_assert_cmpstr (undone, ==, before);
  g_assert_true (up_history_get_can_redo (history));
  assert_models (project);

  g_assert_true (up_project_redo (project, &error));
  g_assert_no_error (error);
  redone = dump (project);
  g_assert_cmpstr (redone, ==, after);
  assert_models (project);

  g_assert_true (up_project_undo (project, &error));
  g_assert_no_error (error);
  g_free (undone);
  undone = dump (project);
  g_assert_cmpstr (undone, ==, before);
  assert_models (project);
}

static gboolean
edit_project_title (UpProject *p, GError **e)
{
  return up_project_set_string (p, p, "title", "Ny titel – “citat” 🚀", e);
}

static gboolean
edit_stage_title (UpProject *p, GError **e)
{
  return up_project_set_string (p, stage_at (p, 3), "title", "עברית and العربية", e);
}

static gboolean
edit_stage_status (UpProject *p, GError **e)
{
  return up_project_set_string (p, stage_at (p, 7), "status", "done", e);
}

static gboolean
edit_stage_kind (UpProject *p, GError **e)
{
  return up_project_set_string (p, stage_at (p, 1), "kind", "innovation-partnership", e);
}

static gboolean
add_stage (UpProject *p, GError **e)
{
  return up_project_add_stage (p, "pilot", "Extra pilot", "2026-06-01", "2026-06-30", stage_at (p, 2), e) != NULL;
}

static gboolean
add_stage_last (UpProject *p, GError **e)
{
  return up_project_add_stage (p, "milestone", "Final", "2027-12-01", "2027-12-01", NULL, e) != NULL;
}

static gboolean
move_stage (UpProject *p, GError **e)
{
  return up_project_move_stage (p, stage_at (p, 5), "2026-09-01", "2026-12-01", e);
}

static gboolean
reorder_stage_down (UpProject *p, GError **e)
{
  return up_project_reorder_stage (p, stage_at (p, 1), 9, e);
}

static gboolean
reorder_stage_up (UpProject *p, GError **e)
{
  return up_project_reorder_stage (p, stage_at (p, 12), 0, e);
}

static gboolean
delete_stage_keep_notes (UpProject *p, GError **e)
{
  return up_project_delete_stage (p, stage_at (p, 5), FALSE, e);
}

static gboolean
delete_stage_with_notes (UpProject *p, GError **e)
{
  return up_project_delete_stage (p, stage_at (p, 6), TRUE, e);
}

static UpStakeholder *
stakeholder_at (UpProject *p, guint i)
{
  g_autoptr(UpStakeholder) s = g_list_model_get_item (up_project_get_stakeholders (p), i);
  return s;
}

static UpNote *
note_at (UpProject *p, guint i)
{
  g_autoptr(UpNote) n = g_list_model_get_item (up_project_get_notes (p), i);
  return n;
}

static UpLocalGoal *
goal_at (UpProject *p, guint i)
{
  g_autoptr(UpLocalGoal) g = g_list_model_get_item (up_project_get_local_goals (p), i);
  return g;
}

static gboolean
add_stakeholder (UpProject *p, GError **e)
{
  return up_project_add_stakeholder (p, "Ny intressent", "Region", "citizen", e) != NULL;
}

static gboolean
edit_stakeholder_influence (UpProject *p, GError **e)
{
  return up_project_set_int (p, stakeholder_at (p, 2), "influence", 1, e);
}

static gboolean
edit_stakeholder_stance (UpProject *p, GError **e)
{
  return up_project_set_string (p, stakeholder_at (p, 4), "stance", "supporter", e);
}

static gboolean
delete_stakeholder (UpProject *p, GError **e)
{
  return up_project_delete_stakeholder (p, stakeholder_at (p, 2), e);
}

static gboolean
add_note (UpProject *p, GError **e)
{
  return up_project_add_note (p, "Leverantören ville förlänga avtalsspärren.", "dialogue",
                              "2026-11-20", stage_at (p, 4), e) != NULL;
}

static gboolean
edit_note_body (UpProject *p, GError **e)
{
  return up_project_set_string (p, note_at (p, 0), "body", "'; DROP TABLE note; --", e);
}

static gboolean
edit_note_stage (UpProject *p, GError **e)
{
  return up_project_set_int (p, note_at (p, 1), "stage-id", 0, e);
}

static gboolean
delete_note (UpProject *p, GError **e)
{
  return up_project_delete_note (p, note_at (p, 14), e);
}

static gboolean
link_note_stakeholder (UpProject *p, GError **e)
{
  return up_project_link_note_stakeholder (p, note_at (p, 0), stakeholder_at (p, 6), e);
}

static gboolean
unlink_note_stakeholder (UpProject *p, GError **e)
{
  return up_project_unlink_note_stakeholder (p, note_at (p, 0), stakeholder_at (p, 3), e);
}

static gboolean
add_sdg_link (UpProject *p, GError **e)
{
  return up_project_add_sdg_link (p, UP_RECORD (stage_at (p, 7)), "12.7", "positive", 3, "Krav", e) != NULL;
}

static gboolean
add_sdg_link_to_note (UpProject *p, GError **e)
{
  return up_project_add_sdg_link (p, UP_RECORD (note_at (p, 3)), "5.5", "unknown", 1, NULL, e) != NULL;
}

static gboolean
edit_sdg_link (UpProject *p, GError **e)
{
  g_autoptr(UpSdgLink) link = g_list_model_get_item (up_project_get_sdg_links (p), 0);

  up_project_begin_group (p, "Edit link");
  up_project_set_int (p, link, "strength", 1, NULL);
  up_project_set_string (p, link, "impact", "negative", NULL);
  return up_project_end_group (p, e);
}

static gboolean
delete_sdg_link (UpProject *p, GError **e)
{
  g_autoptr(UpSdgLink) link = g_list_model_get_item (up_project_get_sdg_links (p), 2);

  return up_project_delete_sdg_link (p, link, e);
}

static gboolean
add_local_goal (UpProject *p, GError **e)
{
  return up_project_add_local_goal (p, "regional", "Fossilfria transporter 2030", e) != NULL;
}

static gboolean
edit_local_goal (UpProject *p, GError **e)
{
  return up_project_set_string (p, goal_at (p, 1), "target-value", "100 %", e);
}

static gboolean
delete_local_goal (UpProject *p, GError **e)
{
  return up_project_delete_local_goal (p, goal_at (p, 0), e);
}

static gboolean
link_goal_target (UpProject *p, GError **e)
{
  return up_project_link_local_goal_target (p, goal_at (p, 0), "11.2", e);
}

static gboolean
unlink_goal_target (UpProject *p, GError **e)
{
  return up_project_unlink_local_goal_target (p, goal_at (p, 0), "3.8", e);
}

static gboolean
link_stage_goal (UpProject *p, GError **e)
{
  return up_project_link_stage_local_goal (p, stage_at (p, 8), goal_at (p, 2), e);
}

static gboolean
unlink_stage_goal (UpProject *p, GError **e)
{
  return up_project_unlink_stage_local_goal (p, stage_at (p, 0), goal_at (p, 0), e);
}

static gboolean
reorder_goal_down (UpProject *p, GError **e)
{
  return up_project_reorder_local_goal (p, goal_at (p, 0), 2, e);
}

static gboolean
reorder_goal_up (UpProject *p, GError **e)
{
  return up_project_reorder_local_goal (p, goal_at (p, 2), 0, e);
}

static gboolean
group_of_edits (UpProject *p, GError **e)
{
  UpStage *stage;

  up_project_begin_group (p, "Route");
  stage = up_project_add_stage (p, "hackathon", "Hackathon 2", "2026-07-01", "2026-07-02", NULL, NULL);
  up_project_add_note (p, "Idé", "hackathon", NULL, stage, NULL);
  up_project_move_stage (p, stage, "2026-07-06", "2026-07-07", NULL);
  return up_project_end_group (p, e);
}

static const struct {
  const char *path;
  EditFunc    edit;
} edits[] = {
  { "/project/undo/project-title", edit_project_title },
  { "/project/undo/stage-title", edit_stage_title },
  { "/project/undo/stage-status", edit_stage_status },
  { "/project/undo/stage-kind", edit_stage_kind },
  { "/project/undo/add-stage", add_stage },
  { "/project/undo/add-stage-last", add_stage_last },
  { "/project/undo/move-stage", move_stage },
  { "/project/undo/reorder-stage-down", reorder_stage_down },
  { "/project/undo/reorder-stage-up", reorder_stage_up },
  { "/project/undo/delete-stage-keep-notes", delete_stage_keep_notes },
  { "/project/undo/delete-stage-with-notes", delete_stage_with_notes },
  { "/project/undo/add-stakeholder", add_stakeholder },
  { "/project/undo/stakeholder-influence", edit_stakeholder_influence },
  { "/project/undo/stakeholder-stance", edit_stakeholder_stance },
  { "/project/undo/delete-stakeholder", delete_stakeholder },
  { "/project/undo/add-note", add_note },
  { "/project/undo/note-body", edit_note_body },
  { "/project/undo/note-stage", edit_note_stage },
  { "/project/undo/delete-note", delete_note },
  { "/project/undo/link-note-stakeholder", link_note_stakeholder },
  { "/project/undo/unlink-note-stakeholder", unlink_note_stakeholder },
  { "/project/undo/add-sdg-link", add_sdg_link },
  { "/project/undo/add-sdg-link-note", add_sdg_link_to_note },
  { "/project/undo/edit-sdg-link", edit_sdg_link },
  { "/project/undo/delete-sdg-link", delete_sdg_link },
  { "/project/undo/add-local-goal", add_local_goal },
  { "/project/undo/edit-local-goal", edit_local_goal },
  { "/project/undo/delete-local-goal", delete_local_goal },
  { "/project/undo/link-goal-target", link_goal_target },
  { "/project/undo/unlink-goal-target", unlink_goal_target },
  { "/project/undo/link-stage-goal", link_stage_goal },
  { "/project/undo/unlink-stage-goal", unlink_stage_goal },
  { "/project/undo/reorder-goal-down", reorder_goal_down },
  { "/project/undo/reorder-goal-up", reorder_goal_up },
};

static void
test_edit_kind (gconstpointer data)
{
  EditFunc edit = data;
  g_autoptr(UpProject) project = demo ();

  check_edit (project, edit);
}

static void
test_group (void)
{
  g_autoptr(UpProject) project = demo ();

  check_edit (project, group_of_edits);
  g_assert_cmpuint (up_history_get_n_undo (up_project_get_history (project)), ==, 0);
  g_assert_cmpuint (up_history_get_n_redo (up_project_get_history (project)), ==, 1);
  g_assert_cmpstr (up_history_get_redo_label (up_project_get_history (project)), ==, "Route");
}

static void
test_group_failure_rolls_back (void)
{
  g_autoptr(UpProject) project = demo ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = dump (project);
  g_autofree char *after = NULL;

  up_project_begin_group (project, "Broken");
  g_assert_nonnull (up_project_add_stage (project, "pilot", "Kept?", "2026-01-01", "2026-01-02", NULL, NULL));
  g_assert_cmpuint (up_project_count (project, "stage"), ==, 16);
  g_assert_null (up_project_add_stage (project, "pilot", "Bad", "2026-01-05", "2026-01-01", NULL, NULL));
  g_assert_false (up_project_end_group (project, &error));
  g_assert_error (error, UP_STORE_ERROR, UP_STORE_ERROR_INVALID);

  after = dump (project);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpuint (up_project_count (project, "stage"), ==, 15);
  assert_models (project);
  g_assert_false (up_history_get_can_undo (up_project_get_history (project)));
}

static void
count_signal (gpointer counter)
{
  (*(guint *) counter)++;
}

/* A group tells "changed" of each table it changed once, as it ends,
 * also when it is rolled back: a view that sorts its whole table at each
 * "changed" did so for every row of an import. The records and the lists
 * follow each edit in the group as before. */
static void
test_group_changed_once (void)
{
  g_autoptr(UpProject) project = demo ();
  g_autoptr(GError) error = NULL;
  guint n = up_project_count (project, "stakeholder");
  guint people_changed = 0, stages_changed = 0;

  g_signal_connect_swapped (project, "changed::stakeholder", G_CALLBACK (count_signal), &people_changed);
  g_signal_connect_swapped (project, "changed::stage", G_CALLBACK (count_signal), &stages_changed);

  up_project_begin_group (project, "Import");
  for (guint i = 0; i < 50; i++)
    {
      g_autofree char *name = g_strdup_printf ("Person %u", i);
      UpStakeholder *person = up_project_add_stakeholder (project, name, "", "other", &error);

      g_assert_no_error (error);
      g_assert_true (up_project_set_int (project, person, "influence", 1 + i % 5, &error));
      g_assert_no_error (error);
    }
  g_assert_cmpuint (g_list_model_get_n_items (up_project_get_stakeholders (project)), ==, n + 50);
  g_assert_cmpuint (people_changed, ==, 0);
  g_assert_true (up_project_end_group (project, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (people_changed, ==, 1);
  g_assert_cmpuint (stages_changed, ==, 0);

  /* outside a group, each edit tells it */
  g_assert_true (up_project_undo (project, &error));
  g_assert_cmpuint (people_changed, ==, 2);
  g_assert_nonnull (up_project_add_stakeholder (project, "Alone", "", "other", &error));
  g_assert_cmpuint (people_changed, ==, 3);

  /* rolled back: told as it ends, the list as it was */
  up_project_begin_group (project, "Broken");
  g_assert_nonnull (up_project_add_stakeholder (project, "Kept?", "", "other", NULL));
  g_assert_null (up_project_add_stage (project, "pilot", "Bad", "2026-01-05", "2026-01-01", NULL, NULL));
  g_assert_false (up_project_end_group (project, NULL));
  g_assert_cmpuint (people_changed, >=, 4);
  g_assert_cmpuint (g_list_model_get_n_items (up_project_get_stakeholders (project)), ==, n + 1);
  assert_models (project);
}

/* A note added and left empty is taken back as if it had never been: the
 * database, the models and the history are as they were before the add,
 * with nothing to redo; edits of its own row and of its links since go
 * with it. A note that another edit came after, or that is linked, is not
 * taken back. */
static void
test_withdraw (void)
{
  g_autoptr(UpProject) project = demo ();
  UpHistory *history = up_project_get_history (project);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  UpNote *note;
  guint n_notes;

  g_assert_true (up_project_set_string (project, project, "title", "Larm", &error));
  before = dump (project);
  n_notes = up_project_count (project, "note");

  note = up_project_add_note (project, "", "internal", "2026-03-01", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (up_history_get_n_undo (history), ==, 2);
  g_assert_true (up_project_can_withdraw (project, note));
  g_assert_true (up_project_withdraw (project, note, &error));
  g_assert_no_error (error);
  after = dump (project);
  g_assert_cmpstr (after, ==, before);
  assert_models (project);
  g_assert_cmpuint (up_project_count (project, "note"), ==, n_notes);
  g_assert_cmpuint (up_history_get_n_undo (history), ==, 1);
  g_assert_cmpuint (up_history_get_n_redo (history), ==, 0);
  g_assert_cmpstr (up_history_get_undo_label (history), !=, "Add Note");

  /* Typed and wiped again: the steps of its text go with it. */
  note = up_project_add_note (project, "", "internal", "2026-03-01", NULL, &error);
  g_assert_true (up_project_set_string (project, note, "body", "Idé", &error));
  g_assert_true (up_project_set_string (project, note, "body", "", &error));
  g_assert_no_error (error);
  g_assert_true (up_project_withdraw (project, note, &error));
  g_clear_pointer (&after, g_free);
  after = dump (project);
  g_assert_cmpstr (after, ==, before);
  assert_models (project);
  g_assert_cmpuint (up_history_get_n_undo (history), ==, 1);
  g_assert_cmpuint (up_history_get_n_redo (history), ==, 0);

  /* Another edit came after the add, or it was linked: it stays. */
  note = up_project_add_note (project, "", "internal", "2026-03-01", NULL, &error);
  g_assert_true (up_project_set_string (project, project, "title", "Larm 2", &error));
  g_assert_false (up_project_can_withdraw (project, note));
  g_assert_true (up_project_undo (project, &error));
  g_assert_true (up_project_can_withdraw (project, note));
  g_assert_true (up_project_link_note_stakeholder (project, note, stakeholder_at (project, 0), &error));
  g_assert_no_error (error);
  g_assert_false (up_project_can_withdraw (project, note));
  g_assert_false (up_project_can_withdraw (project, note_at (project, 0)));

  /* Linked and unlinked again (a stakeholder ticked and unticked): it came
   * to nothing, and goes with the steps of its links. It was deleted as
   * a step of its own, which Undo brought back as an empty note. */
  g_assert_true (up_project_unlink_note_stakeholder (project, note, stakeholder_at (project, 0), &error));
  g_assert_no_error (error);
  g_assert_true (up_project_can_withdraw (project, note));
  g_assert_true (up_project_withdraw (project, note, &error));
  g_assert_no_error (error);
  g_clear_pointer (&after, g_free);
  after = dump (project);
  g_assert_cmpstr (after, ==, before);
  assert_models (project);
  g_assert_cmpuint (up_history_get_n_undo (history), ==, 1);
  g_assert_cmpuint (up_history_get_n_redo (history), ==, 0);

  /* Added about a stakeholder, in one step with its link (Add Note in a
   * stakeholder's panel), and left so: the link goes with the add. */
  up_project_begin_group (project, "Add Note");
  note = up_project_add_note (project, "", "internal", "2026-03-01", NULL, &error);
  g_assert_true (up_project_link_note_stakeholder (project, note, stakeholder_at (project, 1), &error));
  g_assert_true (up_project_end_group (project, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (up_history_get_n_undo (history), ==, 2);
  g_assert_true (up_project_can_withdraw (project, note));
  g_assert_true (up_project_withdraw (project, note, &error));
  g_assert_no_error (error);
  g_clear_pointer (&after, g_free);
  after = dump (project);
  g_assert_cmpstr (after, ==, before);
  assert_models (project);
  g_assert_cmpuint (up_history_get_n_undo (history), ==, 1);
  g_assert_cmpuint (up_history_get_n_redo (history), ==, 0);

  /* ... but another stakeholder linked since puts it in use. */
  up_project_begin_group (project, "Add Note");
  note = up_project_add_note (project, "", "internal", "2026-03-01", NULL, &error);
  g_assert_true (up_project_link_note_stakeholder (project, note, stakeholder_at (project, 1), &error));
  g_assert_true (up_project_end_group (project, &error));
  g_assert_true (up_project_link_note_stakeholder (project, note, stakeholder_at (project, 2), &error));
  g_assert_no_error (error);
  g_assert_false (up_project_can_withdraw (project, note));
}

/* A stakeholder's notes are the notes whose stakeholders name them: the
 * two queries of the link table agree, and follow a link and an unlink. */
static void
test_stakeholder_notes (void)
{
  g_autoptr(UpProject) project = demo ();
  GListModel *people = up_project_get_stakeholders (project);
  GListModel *notes = up_project_get_notes (project);
  UpStakeholder *person = stakeholder_at (project, 6);
  UpNote *note = note_at (project, 0);
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  guint n_links = 0;

  for (guint p = 0; p < g_list_model_get_n_items (people); p++)
    {
      g_autoptr(UpStakeholder) someone = g_list_model_get_item (people, p);
      g_autoptr(GPtrArray) theirs = up_project_list_stakeholder_notes (project, someone);

      for (guint i = 0; i < theirs->len; i++)
        {
          g_autoptr(GPtrArray) named = up_project_list_note_stakeholders (project, g_ptr_array_index (theirs, i));

          g_assert_true (g_ptr_array_find (named, someone, NULL));
        }
      n_links += theirs->len;
    }
  for (guint i = 0; i < g_list_model_get_n_items (notes); i++)
    {
      g_autoptr(UpNote) each = g_list_model_get_item (notes, i);
      g_autoptr(GPtrArray) named = up_project_list_note_stakeholders (project, each);

      n_links -= named->len;
    }
  g_assert_cmpuint (n_links, ==, 0);

  before = up_project_list_stakeholder_notes (project, person);
  g_assert_false (g_ptr_array_find (before, note, NULL));
  g_assert_true (up_project_link_note_stakeholder (project, note, person, NULL));
  after = up_project_list_stakeholder_notes (project, person);
  g_assert_cmpuint (after->len, ==, before->len + 1);
  g_assert_true (g_ptr_array_find (after, note, NULL));
  g_clear_pointer (&after, g_ptr_array_unref);
  g_assert_true (up_project_unlink_note_stakeholder (project, note, person, NULL));
  after = up_project_list_stakeholder_notes (project, person);
  g_assert_cmpuint (after->len, ==, before->len);
}

/* A deleted stage comes back with its id, its notes' pins, its Agenda 2030
 * links and its local goals. */
static void
test_delete_restores_links (void)
{
  g_autoptr(UpProject) project = demo ();
  g_autoptr(GError) error = NULL;
  UpStage *stage = stage_at (project, 5);
  gint64 id = up_record_get_id (UP_RECORD (stage));
  g_autoptr(GPtrArray) notes = up_project_list_stage_notes (project, stage);
  g_autoptr(GPtrArray) links = up_project_list_sdg_links (project, UP_RECORD (stage));
  g_autoptr(GPtrArray) goals = up_project_list_stage_local_goals (project, stage);
  g_autoptr(GPtrArray) notes_after = NULL;
  g_autoptr(GPtrArray) links_after = NULL;
  g_autoptr(GPtrArray) goals_after = NULL;
  UpStage *back;

  g_assert_cmpuint (notes->len, >, 0);
  g_assert_cmpuint (links->len, >, 0);
  g_assert_cmpuint (goals->len, >, 0);

  g_assert_true (up_project_delete_stage (project, stage, FALSE, &error));
  g_assert_no_error (error);
  g_assert_null (up_project_lookup (project, "stage", id));
  for (guint i = 0; i < notes->len; i++)
    {
      /* kept, pinned to no stage */
      g_assert_nonnull (up_project_lookup (project, "note", up_record_get_id (notes->pdata[i])));
      g_assert_cmpint (up_note_get_stage_id (notes->pdata[i]), ==, 0);
    }
  g_assert_null (up_project_lookup (project, "sdg_link", up_record_get_id (links->pdata[0])));

  g_assert_true (up_project_undo (project, &error));
  g_assert_no_error (error);
  back = UP_STAGE (up_project_lookup (project, "stage", id));
  g_assert_nonnull (back);
  g_assert_cmpint (up_stage_get_position (back), ==, 5);
  notes_after = up_project_list_stage_notes (project, back);
  links_after = up_project_list_sdg_links (project, UP_RECORD (back));
  goals_after = up_project_list_stage_local_goals (project, back);
  g_assert_cmpuint (notes_after->len, ==, notes->len);
  g_assert_cmpuint (links_after->len, ==, links->len);
  g_assert_cmpuint (goals_after->len, ==, goals->len);
  for (guint i = 0; i < links->len; i++)
    g_assert_cmpint (up_record_get_id (links_after->pdata[i]), ==, up_record_get_id (links->pdata[i]));
}

static gboolean
duplicate_fifth (UpProject  *project,
                 GError    **error)
{
  return up_project_duplicate_stage (project, stage_at (project, 5), "Pilot (copy)", error) != NULL;
}

/* A stage's copy follows it, in the list and in time, as long as it, of
 * its kind, with its description and its Agenda 2030 and local goal
 * links, planned and without its notes; one undo step takes it all back,
 * and redo brings it again. A stage whose dates do not read is refused,
 * and nothing is added. */
static void
test_duplicate_stage (void)
{
  g_autoptr(UpProject) project = demo ();
  g_autoptr(GError) error = NULL;
  UpStage *stage = stage_at (project, 5);
  g_autoptr(GPtrArray) links = up_project_list_sdg_links (project, UP_RECORD (stage));
  g_autoptr(GPtrArray) goals = up_project_list_stage_local_goals (project, stage);
  g_autoptr(GPtrArray) notes = up_project_list_stage_notes (project, stage);
  g_autoptr(GPtrArray) copy_links = NULL;
  g_autoptr(GPtrArray) copy_goals = NULL;
  g_autoptr(GPtrArray) copy_notes = NULL;
  g_autofree char *start = NULL;
  guint n_stages = g_list_model_get_n_items (up_project_get_stages (project));
  guint n_undo;
  UpStage *copy;

  g_assert_cmpuint (links->len, >, 0);
  g_assert_cmpuint (goals->len, >, 0);
  g_assert_cmpuint (notes->len, >, 0);
  g_assert_cmpstr (up_stage_get_status (stage), !=, "planned");
  g_assert_cmpstr (up_stage_get_description (stage), !=, "");

  check_edit (project, duplicate_fifth);

  copy = up_project_duplicate_stage (project, stage, "Pilot (copy)", &error);
  g_assert_no_error (error);
  g_assert_nonnull (copy);
  g_assert_cmpuint (g_list_model_get_n_items (up_project_get_stages (project)), ==, n_stages + 1);
  g_assert_true (stage_at (project, 6) == copy);
  g_assert_cmpstr (up_stage_get_title (copy), ==, "Pilot (copy)");
  g_assert_cmpstr (up_stage_get_kind (copy), ==, up_stage_get_kind (stage));
  g_assert_cmpstr (up_stage_get_description (copy), ==, up_stage_get_description (stage));
  g_assert_cmpstr (up_stage_get_status (copy), ==, "planned");
  start = up_date_add_days (up_stage_get_end_date (stage), 1);
  g_assert_cmpstr (up_stage_get_start_date (copy), ==, start);
  g_assert_cmpint (up_date_diff (up_stage_get_start_date (copy), up_stage_get_end_date (copy)), ==,
                   up_date_diff (up_stage_get_start_date (stage), up_stage_get_end_date (stage)));

  copy_links = up_project_list_sdg_links (project, UP_RECORD (copy));
  copy_goals = up_project_list_stage_local_goals (project, copy);
  copy_notes = up_project_list_stage_notes (project, copy);
  g_assert_cmpuint (copy_links->len, ==, links->len);
  for (guint i = 0; i < links->len; i++)
    {
      UpSdgLink *a = links->pdata[i], *b = copy_links->pdata[i];

      g_assert_cmpstr (up_sdg_link_get_target (a), ==, up_sdg_link_get_target (b));
      g_assert_cmpstr (up_sdg_link_get_impact (a), ==, up_sdg_link_get_impact (b));
      g_assert_cmpint (up_sdg_link_get_strength (a), ==, up_sdg_link_get_strength (b));
      g_assert_cmpstr (up_sdg_link_get_comment (a), ==, up_sdg_link_get_comment (b));
    }
  g_assert_cmpuint (copy_goals->len, ==, goals->len);
  for (guint i = 0; i < goals->len; i++)
    g_assert_true (copy_goals->pdata[i] == goals->pdata[i]);
  g_assert_cmpuint (copy_notes->len, ==, 0);

  /* a stage whose dates a file holds as anything: written past the edit
   * API, which refuses them, and read by a new model of the same store */
  {
    UpStore *store = up_project_get_store (project);
    g_autoptr(UpProject) odd = NULL;

    g_assert_cmpint (sqlite3_exec (_up_store_get_db (store),
                                   "UPDATE stage SET end_date = 'zzz' WHERE position = 2;", NULL, NULL, NULL),
                     ==, SQLITE_OK);
    odd = up_project_new_for_store (store, &error);
    g_assert_no_error (error);
    n_stages = g_list_model_get_n_items (up_project_get_stages (odd));
    n_undo = up_history_get_n_undo (up_project_get_history (odd));
    g_assert_null (up_project_duplicate_stage (odd, stage_at (odd, 2), "Copy", &error));
    g_assert_error (error, UP_STORE_ERROR, UP_STORE_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_cmpuint (g_list_model_get_n_items (up_project_get_stages (odd)), ==, n_stages);
    g_assert_cmpuint (up_history_get_n_undo (up_project_get_history (odd)), ==, n_undo);

    /* nor one of another project */
    g_assert_null (up_project_duplicate_stage (odd, stage, "Copy", &error));
    g_assert_error (error, UP_STORE_ERROR, UP_STORE_ERROR_INVALID);
    g_assert_cmpuint (g_list_model_get_n_items (up_project_get_stages (odd)), ==, n_stages);
  }
}

/* A goal's stages, asked once, are the stages that list the goal, asked
 * stage by stage; a link made, undone and a stage deleted show at once. */
static void
test_local_goal_stages (void)
{
  g_autoptr(UpProject) project = demo ();
  g_autoptr(GError) error = NULL;
  GListModel *stages = up_project_get_stages (project);
  GListModel *goals = up_project_get_local_goals (project);
  g_autoptr(UpLocalGoal) first = g_list_model_get_item (goals, 0);
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) linked = NULL;
  g_autoptr(GPtrArray) undone = NULL;
  g_autoptr(GPtrArray) deleted = NULL;
  UpStage *free_stage = NULL;
  guint n_links = 0;

  g_assert_cmpuint (g_list_model_get_n_items (goals), >, 0);
  for (guint g = 0; g < g_list_model_get_n_items (goals); g++)
    {
      g_autoptr(UpLocalGoal) goal = g_list_model_get_item (goals, g);
      g_autoptr(GPtrArray) served = up_project_list_local_goal_stages (project, goal);
      guint expected = 0;

      for (guint i = 0; i < g_list_model_get_n_items (stages); i++)
        {
          g_autoptr(UpStage) stage = g_list_model_get_item (stages, i);
          g_autoptr(GPtrArray) stage_goals = up_project_list_stage_local_goals (project, stage);
          gboolean serves = g_ptr_array_find (stage_goals, goal, NULL);

          g_assert_cmpint (serves, ==, g_ptr_array_find (served, stage, NULL));
          expected += serves;
          if (g == 0 && !serves && free_stage == NULL)
            free_stage = stage;
        }
      g_assert_cmpuint (served->len, ==, expected);
      n_links += served->len;
    }
  g_assert_cmpuint (n_links, >, 0);
  g_assert_nonnull (free_stage);

  /* A new link comes last: the order is the order of linking. */
  before = up_project_list_local_goal_stages (project, first);
  g_assert_true (up_project_link_stage_local_goal (project, free_stage, first, &error));
  g_assert_no_error (error);
  linked = up_project_list_local_goal_stages (project, first);
  g_assert_cmpuint (linked->len, ==, before->len + 1);
  g_assert_true (g_ptr_array_index (linked, linked->len - 1) == free_stage);

  g_assert_true (up_project_undo (project, &error));
  g_assert_no_error (error);
  undone = up_project_list_local_goal_stages (project, first);
  g_assert_cmpuint (undone->len, ==, before->len);
  g_assert_false (g_ptr_array_find (undone, free_stage, NULL));

  /* A deleted stage serves no goal any more. */
  g_assert_cmpuint (before->len, >, 0);
  g_assert_true (up_project_delete_stage (project, g_ptr_array_index (before, 0), FALSE, &error));
  g_assert_no_error (error);
  deleted = up_project_list_local_goal_stages (project, first);
  g_assert_cmpuint (deleted->len, ==, before->len - 1);
  g_assert_false (g_ptr_array_find (deleted, g_ptr_array_index (before, 0), NULL));
}

static void
test_invalid_edits (void)
{
  g_autoptr(UpProject) project = demo ();
  g_autofree char *before = dump (project);
  g_autofree char *after = NULL;
  UpStage *stage = stage_at (project, 0);
  UpStage *milestone = stage_at (project, 2);
  GError *error = NULL;

#define REFUSED(call) \
  G_STMT_START { \
    g_assert_false (call); \
    g_assert_error (error, UP_STORE_ERROR, UP_STORE_ERROR_INVALID); \
    g_assert_cmpstr (error->message, !=, ""); \
    g_clear_error (&error); \
  } G_STMT_END

  REFUSED (up_project_move_stage (project, stage, "2026-05-01", "2026-04-30", &error));
  REFUSED (up_project_move_stage (project, stage, "2026-02-30", "2026-03-01", &error));
  REFUSED (up_project_move_stage (project, stage, "next week", "2026-03-01", &error));
  REFUSED (up_project_move_stage (project, milestone, "2026-04-20", "2026-04-21", &error));
  REFUSED (up_project_set_string (project, stage, "kind", "lunch", &error));
  REFUSED (up_project_set_string (project, stage, "title", "\xff\xfe broken", &error));
  REFUSED (up_project_add_stage (project, "pilot", "x", "2026-01-02", "2026-01-01", NULL, &error) != NULL);
  REFUSED (up_project_set_int (project, stakeholder_at (project, 0), "influence", 6, &error));
  REFUSED (up_project_set_int (project, stakeholder_at (project, 0), "interest", 0, &error));
  REFUSED (up_project_add_sdg_link (project, UP_RECORD (stage), "18.1", "positive", 2, NULL, &error) != NULL);
  REFUSED (up_project_add_sdg_link (project, UP_RECORD (stage), "12.7", "positive", 4, NULL, &error) != NULL);
  REFUSED (up_project_add_sdg_link (project, UP_RECORD (stage), "12.7", "great", 2, NULL, &error) != NULL);
  REFUSED (up_project_link_local_goal_target (project, goal_at (project, 0), "3", &error));
  REFUSED (up_project_set_int (project, note_at (project, 0), "stage-id", 9999, &error));
  REFUSED (up_project_add_note (project, "x", "internal", "2026-13-01", NULL, &error) != NULL);

#undef REFUSED

  after = dump (project);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (up_history_get_can_undo (up_project_get_history (project)));
  assert_models (project);
}

static void
test_no_op_is_no_step (void)
{
  g_autoptr(UpProject) project = demo ();
  g_autoptr(GError) error = NULL;
  UpStage *stage = stage_at (project, 0);
  UpHistory *history = up_project_get_history (project);

  g_assert_true (up_project_set_string (project, stage, "title", up_stage_get_title (stage), &error));
  g_assert_true (up_project_move_stage (project, stage, up_stage_get_start_date (stage),
                                        up_stage_get_end_date (stage), &error));
  g_assert_true (up_project_reorder_stage (project, stage, 0, &error));
  g_assert_true (up_project_link_note_stakeholder (project, note_at (project, 0), stakeholder_at (project, 3), &error));
  g_assert_true (up_project_undo (project, &error));
  g_assert_no_error (error);
  g_assert_false (up_history_get_can_undo (history));
}

static void
test_signals (void)
{
  g_autoptr(UpProject) project = demo ();
  g_autoptr(GError) error = NULL;
  UpStage *stage = stage_at (project, 3);
  guint title_notifies = 0, stage_changed = 0, note_changed = 0, items_changed = 0;
  guint project_title = 0;

  g_signal_connect_swapped (stage, "notify::title", G_CALLBACK (count_signal), &title_notifies);
  g_signal_connect_swapped (project, "changed::stage", G_CALLBACK (count_signal), &stage_changed);
  g_signal_connect_swapped (project, "changed::note", G_CALLBACK (count_signal), &note_changed);
  g_signal_connect_swapped (up_project_get_stages (project), "items-changed",
                            G_CALLBACK (count_signal), &items_changed);

  g_assert_true (up_project_set_string (project, stage, "title", "Ny", &error));
  g_assert_cmpuint (title_notifies, ==, 1);
  g_assert_cmpuint (stage_changed, ==, 1);
  g_assert_cmpuint (note_changed, ==, 0);
  g_assert_cmpuint (items_changed, ==, 0);
  g_assert_cmpstr (up_stage_get_title (stage), ==, "Ny");

  g_assert_true (up_project_undo (project, &error));
  g_assert_cmpuint (title_notifies, ==, 2);
  g_assert_cmpstr (up_stage_get_title (stage), !=, "Ny");

  /* The same object stays in the list: only its properties changed. */
  g_assert_true (stage == stage_at (project, 3));

  g_assert_true (up_project_reorder_stage (project, stage, 0, &error));
  g_assert_cmpuint (items_changed, >, 0);
  g_assert_true (stage == stage_at (project, 0));

  /* The project's own fields notify like a record's. */
  g_signal_connect_swapped (project, "notify::title", G_CALLBACK (count_signal), &project_title);
  g_assert_true (up_project_set_string (project, project, "title", "Ny titel", &error));
  g_assert_cmpuint (project_title, ==, 1);
  g_assert_true (up_project_undo (project, &error));
  g_assert_cmpuint (project_title, ==, 2);
  g_assert_true (stage == stage_at (project, 0));
  g_assert_cmpint (up_stage_get_position (stage), ==, 0);
}

static void
test_history_labels (void)
{
  g_autoptr(UpProject) project = demo ();
  UpHistory *history = up_project_get_history (project);

  g_assert_true (up_project_move_stage (project, stage_at (project, 0), "2026-02-03", "2026-03-14", NULL));
  g_assert_cmpstr (up_history_get_undo_label (history), ==, "Move Stage");
  g_assert_true (up_project_undo (project, NULL));
  g_assert_null (up_history_get_undo_label (history));
  g_assert_cmpstr (up_history_get_redo_label (history), ==, "Move Stage");

  /* A new edit after an undo drops what could be redone. */
  g_assert_true (up_project_delete_note (project, note_at (project, 0), NULL));
  g_assert_false (up_history_get_can_redo (history));
}

static void
test_demo_content (void)
{
  g_autoptr(UpProject) project = demo ();
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;

  g_assert_cmpuint (up_project_count (project, "stage"), >=, 12);
  g_assert_cmpuint (up_project_count (project, "stakeholder"), ==, 8);
  g_assert_cmpuint (up_project_count (project, "note"), ==, 20);
  g_assert_cmpuint (up_project_count (project, "sdg_link"), >=, 10);
  g_assert_cmpuint (up_project_count (project, "local_goal"), ==, 3);
  up_project_get_date_range (project, &first, &last);
  g_assert_cmpint (up_date_diff (first, last), >, 450);
  g_assert_cmpint (up_date_diff (first, last), <, 640);

  for (guint i = 0; i < up_project_count (project, "stage"); i++)
    {
      UpStage *stage = stage_at (project, i);

      g_assert_cmpint (up_stage_get_position (stage), ==, i);
      g_assert_cmpstr (up_stage_get_title (stage), !=, "");
      g_assert_cmpint (up_stage_get_duration (stage), >=, 1);
      if (up_stage_get_is_milestone (stage))
        g_assert_cmpint (up_stage_get_duration (stage), ==, 1);
    }
}

/* The timeline's summary of a stage agrees with its notes and links, and
 * follows an edit. */
static void
test_stage_summary (void)
{
  g_autoptr(UpProject) project = demo ();
  g_autoptr(GError) error = NULL;
  GListModel *stages = up_project_get_stages (project);

  for (guint i = 0; i < g_list_model_get_n_items (stages); i++)
    {
      UpStage *stage = stage_at (project, i);
      g_autoptr(GPtrArray) notes = up_project_list_stage_notes (project, stage);
      g_autoptr(GPtrArray) links = up_project_list_sdg_links (project, UP_RECORD (stage));
      guint32 goals = 0;
      UpStageSummary summary;

      for (guint j = 0; j < links->len; j++)
        goals |= 1u << (up_sdg_goal_of_target (up_sdg_link_get_target (links->pdata[j])) - 1);

      up_project_summarize_stage (project, up_record_get_id (UP_RECORD (stage)), &summary);
      g_assert_cmpint (summary.stage_id, ==, up_record_get_id (UP_RECORD (stage)));
      g_assert_cmpuint (summary.n_notes, ==, notes->len);
      g_assert_cmphex (summary.goals, ==, goals);
    }

  /* A stage with nothing yet, then a note and a link to goal 11. */
  {
    UpStage *stage = up_project_add_stage (project, "custom", "Tom", "2027-01-04", "2027-01-08",
                                           NULL, &error);
    gint64 id;
    UpStageSummary summary;

    g_assert_no_error (error);
    id = up_record_get_id (UP_RECORD (stage));
    up_project_summarize_stage (project, id, &summary);
    g_assert_cmpuint (summary.n_notes, ==, 0);
    g_assert_cmphex (summary.goals, ==, 0);

    g_assert_nonnull (up_project_add_note (project, "Sagt på mötet", "workshop", "2027-01-05",
                                           stage, &error));
    g_assert_no_error (error);
    g_assert_nonnull (up_project_add_sdg_link (project, UP_RECORD (stage), "11.2", "positive", 2,
                                               NULL, &error));
    g_assert_no_error (error);
    up_project_summarize_stage (project, id, &summary);
    g_assert_cmpuint (summary.n_notes, ==, 1);
    g_assert_cmphex (summary.goals, ==, 1u << 10);

    /* A stage that does not exist has nothing. */
    up_project_summarize_stage (project, G_MAXINT64, &summary);
    g_assert_cmpuint (summary.n_notes, ==, 0);
    g_assert_cmphex (summary.goals, ==, 0);
  }
}

/* Pasted into a field of one line, line breaks and tabs become spaces; a
 * description and a note keep theirs. */
static void
test_one_line_fields (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UpProject) project = up_project_new ("Rader", &error);
  UpStage *stage;
  UpStakeholder *person;
  UpNote *note;

  g_assert_no_error (error);
  stage = up_project_add_stage (project, "tender", "Anbud", "2026-03-02", "2026-04-03", NULL, &error);
  g_assert_no_error (error);
  person = up_project_add_stakeholder (project, "Karin", "Kommunen", "user", &error);
  g_assert_no_error (error);
  note = up_project_add_note (project, "Text", "dialogue", "2026-03-05", stage, &error);
  g_assert_no_error (error);

  g_assert_true (up_project_set_string (project, stage, "title", "Rad ett\nRad två\tefter\r\nslut", &error));
  g_assert_cmpstr (up_stage_get_title (stage), ==, "Rad ett Rad två efter slut");
  g_assert_true (up_project_set_string (project, person, "organisation", "\tRegion\rNorr\n", &error));
  g_assert_cmpstr (up_stakeholder_get_organisation (person), ==, "Region Norr");
  /* Composed, so that a search finds "Öberg" however it was typed. */
  g_assert_true (up_project_set_string (project, person, "name", " O\xcc\x88" "berg  ", &error));
  g_assert_cmpstr (up_stakeholder_get_name (person), ==, "\xc3\x96" "berg");
  /* Nothing but blanks is no name: refused, the name kept. */
  g_assert_false (up_project_set_string (project, person, "name", " \t ", &error));
  g_assert_error (error, UP_STORE_ERROR, UP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (up_project_set_string (project, stage, "title", "", &error));
  g_clear_error (&error);
  g_assert_cmpstr (up_stakeholder_get_name (person), ==, "\xc3\x96" "berg");
  /* Composed a word at a time, the same as all at once, however long. */
  {
    g_autoptr(GString) decomposed = g_string_new (NULL);
    g_autoptr(GString) expected = g_string_new (NULL);

    for (guint i = 0; i < 20000; i++)
      {
        g_string_append (decomposed, i % 7 == 0 ? "mo\xcc\x88te\n" : "a\xcc\x8a ");
        g_string_append (expected, i % 7 == 0 ? "m\xc3\xb6te\n" : "\xc3\xa5 ");
      }
    g_assert_true (up_project_set_string (project, note, "body", decomposed->str, &error));
    g_assert_no_error (error);
    g_assert_cmpstr (up_note_get_body (note), ==, expected->str);
  }
  g_assert_true (up_project_set_string (project, project, "title", "Två\nrader", &error));
  g_assert_cmpstr (up_project_get_title (project), ==, "Två rader");

  g_assert_true (up_project_set_string (project, stage, "description", "Första stycket.\n\n\tAndra.", &error));
  g_assert_cmpstr (up_stage_get_description (stage), ==, "Första stycket.\n\n\tAndra.");
  g_assert_true (up_project_set_string (project, note, "body", "Rad ett\nRad två", &error));
  g_assert_cmpstr (up_note_get_body (note), ==, "Rad ett\nRad två");
  g_assert_no_error (error);

  /* Undo goes back to the title as it was before the paste. */
  g_assert_true (up_project_undo (project, &error));
  g_assert_true (up_project_undo (project, &error));
  g_assert_true (up_project_undo (project, &error));
  g_assert_true (up_project_undo (project, &error));
  g_assert_true (up_project_undo (project, &error));
  g_assert_true (up_project_undo (project, &error));
  g_assert_true (up_project_undo (project, &error));
  g_assert_cmpstr (up_stage_get_title (stage), ==, "Anbud");
}

/* The history of a project left open for weeks does not grow without end:
 * past its budget the oldest steps are forgotten, the newest are kept, and
 * undoing all that is left goes back to the project as it was after the
 * last step forgotten, whole. */
static void
test_history_budget (void)
{
  g_autoptr(UpProject) project = demo ();
  UpHistory *history = up_project_get_history (project);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) dumps = g_ptr_array_new_with_free_func (g_free);
  const gsize budget = 256 * 1024;
  const guint n_edits = 100;
  g_autofree char *redone = NULL;
  guint kept;

  _up_history_set_budget (history, budget);
  g_ptr_array_add (dumps, dump (project));
  for (guint i = 0; i < n_edits; i++)
    {
      /* A description of some 8 KB, a step of some 16 KB. */
      g_autofree char *text = g_strnfill (8000 + i, i % 2 ? 'a' : 'b');

      g_assert_true (up_project_set_string (project, stage_at (project, i % 5), "description", text, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (_up_history_get_size (history), <=, budget);
      g_ptr_array_add (dumps, dump (project));
    }

  kept = up_history_get_n_undo (history);
  g_assert_cmpuint (kept, >=, 10);
  g_assert_cmpuint (kept, <, n_edits);
  g_assert_cmpuint (_up_history_get_size (history), >, budget / 2);

  for (guint i = 0; i < kept; i++)
    {
      g_autofree char *undone = NULL;

      g_assert_true (up_project_undo (project, &error));
      g_assert_no_error (error);
      undone = dump (project);
      g_assert_cmpstr (undone, ==, dumps->pdata[n_edits - i - 1]);
    }
  g_assert_false (up_history_get_can_undo (history));
  assert_models (project);

  /* Redo brings every kept step back; a new edit after an undo drops the
   * redo steps from the size too. */
  while (up_history_get_can_redo (history))
    g_assert_true (up_project_redo (project, &error));
  redone = dump (project);
  g_assert_cmpstr (redone, ==, dumps->pdata[n_edits]);
  g_assert_true (up_project_undo (project, &error));
  g_assert_true (up_project_set_string (project, project, "title", "Ny", &error));
  g_assert_false (up_history_get_can_redo (history));
  g_assert_cmpuint (_up_history_get_size (history), <=, budget);

  /* A step larger than the budget is kept alone: the edit just made can
   * always be undone. */
  {
    g_autofree char *large = g_strnfill (budget * 2, 'c');

    g_assert_true (up_project_set_string (project, stage_at (project, 0), "description", large, &error));
    g_assert_cmpuint (up_history_get_n_undo (history), ==, 1);
    g_assert_true (up_project_undo (project, &error));
    g_assert_cmpstr (up_stage_get_description (stage_at (project, 0)), !=, large);
  }

  up_history_clear (history);
  g_assert_cmpuint (_up_history_get_size (history), ==, 0);
}

/* A reorder renumbers every stage after the one moved: its undo step keeps
 * the numbers, not each of those stages whole (description and all), so
 * that dragging stages about in a long plan does not fill the history. */
static void
test_history_keeps_changed_columns (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UpProject) project = up_project_new ("Lång plan", &error);
  UpHistory *history = up_project_get_history (project);
  g_autofree char *description = g_strnfill (2000, 'd');
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;
  const guint n_stages = 100;
  UpStage *last = NULL;
  gsize size;

  g_assert_no_error (error);
  for (guint i = 0; i < n_stages; i++)
    {
      g_autofree char *title = g_strdup_printf ("Steg %u “🦊” עברית", i);

      last = up_project_add_stage (project, "custom", title, "2026-01-05", "2026-01-20", NULL, &error);
      g_assert_no_error (error);
      g_assert_true (up_project_set_string (project, last, "description", description, &error));
    }
  before = dump (project);
  size = _up_history_get_size (history);

  g_assert_true (up_project_reorder_stage (project, last, 0, &error));
  g_assert_no_error (error);
  after = dump (project);
  /* 100 rows renumbered: whole, twice, they were 430 KB; their ids and
   * positions are some 15 KB. */
  g_assert_cmpuint (_up_history_get_size (history) - size, <, n_stages * 256);

  g_assert_true (up_project_undo (project, &error));
  undone = dump (project);
  g_assert_cmpstr (undone, ==, before);
  assert_models (project);
  g_assert_true (up_project_redo (project, &error));
  redone = dump (project);
  g_assert_cmpstr (redone, ==, after);
  assert_models (project);
}

/* The targets of @goal as up_project_list_local_goal_targets() lists them,
 * joined by spaces. */
static char *
targets_text (UpProject   *project,
              UpLocalGoal *goal)
{
  g_autoptr(GPtrArray) targets = up_project_list_local_goal_targets (project, goal);

  g_ptr_array_add (targets, NULL);
  return g_strjoinv (" ", (char **) targets->pdata);
}

/* A local goal's targets in the catalogue's order (goal by goal, then as
 * the goal lists them: 3.9 before 3.a, 8.9 before 8.10, 3.8 before 10.2),
 * not in the order they were linked; ids that are not targets (a damaged
 * file) last, as they were added. */
static void
test_local_goal_target_order (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UpProject) project = up_project_new ("Ordning", &error);
  g_autoptr(UpProject) example = demo ();
  const char * const linked[] = { "10.2", "3.8", "17.19", "3.a", "3.4", "17.2", "8.10", "8.9", "3.9" };
  g_autoptr(UpLocalGoal) third = g_list_model_get_item (up_project_get_local_goals (example), 2);
  gint64 id;
  UpLocalGoal *goal;
  g_autofree char *insert = NULL;
  g_autofree char *text = NULL;
  g_autofree char *demo_text = NULL;

  g_assert_no_error (error);
  goal = up_project_add_local_goal (project, "local", "Trygghet", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (linked); i++)
    g_assert_true (up_project_link_local_goal_target (project, goal, linked[i], &error));
  g_assert_no_error (error);

  /* Not something the edit API lets in: written into the database. */
  id = up_record_get_id (UP_RECORD (goal));
  insert = g_strdup_printf ("INSERT INTO local_goal_target (goal_id, target) VALUES"
                            " (%" G_GINT64_FORMAT ", 'x.2'), (%" G_GINT64_FORMAT ", '1.0')", id, id);
  g_assert_cmpint (sqlite3_exec (_up_store_get_db (up_project_get_store (project)), insert, NULL, NULL, NULL),
                   ==, SQLITE_OK);

  text = targets_text (project, goal);
  g_assert_cmpstr (text, ==, "3.4 3.8 3.9 3.a 8.9 8.10 10.2 17.2 17.19 x.2 1.0");

  /* The demo's third goal, linked 12.7, 12.5, 13.2. */
  demo_text = targets_text (example, third);
  g_assert_cmpstr (demo_text, ==, "12.5 12.7 13.2");
}

/* One edit undone under later ones (a delete's toast clicked after a text
 * typed since was committed): the stage comes back, the later edit of
 * another field stays; an edit of what the delete changed, or the delete
 * undone already, leaves it to plain undo. */
/* The stages the next undo or redo step changes, for the window to show
 * the stage a step changed. */
static void
test_step_stages (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UpProject) project = up_demo_create (NULL, &error);
  GListModel *stages = up_project_get_stages (project);
  g_autoptr(UpStage) first = g_list_model_get_item (stages, 0);
  g_autoptr(UpStage) third = g_list_model_get_item (stages, 2);
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  g_autoptr(GArray) ids = NULL;
  UpNote *note;

  g_assert_no_error (error);
  up_history_clear (up_project_get_history (project));
  ids = up_project_get_step_stages (project, FALSE);
  g_assert_cmpuint (ids->len, ==, 0);
  g_clear_pointer (&ids, g_array_unref);

  start = up_date_add_days (up_stage_get_start_date (third), 3);
  end = up_date_add_days (up_stage_get_end_date (third), 3);
  g_assert_true (up_project_move_stage (project, third, start, end, &error));
  g_assert_no_error (error);
  ids = up_project_get_step_stages (project, FALSE);
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, up_record_get_id (UP_RECORD (third)));
  g_clear_pointer (&ids, g_array_unref);
  /* nothing to redo yet */
  ids = up_project_get_step_stages (project, TRUE);
  g_assert_cmpuint (ids->len, ==, 0);
  g_clear_pointer (&ids, g_array_unref);

  g_assert_true (up_project_undo (project, &error));
  g_assert_no_error (error);
  ids = up_project_get_step_stages (project, TRUE);
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, up_record_get_id (UP_RECORD (third)));
  g_clear_pointer (&ids, g_array_unref);

  /* a note's edit is no stage's, even one written to a stage */
  note = up_project_add_note (project, "Anteckning", "internal", NULL, first, &error);
  g_assert_no_error (error);
  g_assert_nonnull (note);
  ids = up_project_get_step_stages (project, FALSE);
  g_assert_cmpuint (ids->len, ==, 0);
}

static void
test_undo_edit (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UpProject) project = up_demo_create (NULL, &error);
  UpHistory *history = up_project_get_history (project);
  GListModel *stages = up_project_get_stages (project);
  guint n = g_list_model_get_n_items (stages);
  g_autoptr(UpStage) first = g_list_model_get_item (stages, 0);
  g_autoptr(UpStage) second = g_list_model_get_item (stages, 1);
  g_autoptr(UpStage) third = g_list_model_get_item (stages, 2);
  gint64 id = up_record_get_id (UP_RECORD (first));
  guint deleted, n_undo;

  g_assert_no_error (error);

  /* The delete moves the second stage up; its title typed after. */
  g_assert_true (up_project_delete_stage (project, first, FALSE, &error));
  deleted = up_history_get_undo_serial (history);
  g_assert_cmpuint (deleted, !=, 0);
  n_undo = up_history_get_n_undo (history);
  g_assert_true (up_project_set_string (project, second, "title", "Dialog med marknaden", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (up_history_get_undo_serial (history), !=, deleted);
  g_assert_true (up_project_can_undo_edit (project, deleted));
  g_assert_true (up_project_undo_edit (project, deleted, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (stages), ==, n);
  g_assert_nonnull (up_project_lookup (project, "stage", id));
  g_assert_cmpint (up_stage_get_position (second), ==, 1);
  g_assert_cmpstr (up_stage_get_title (second), ==, "Dialog med marknaden");
  /* The delete left the history; undo goes on with the title. */
  g_assert_cmpuint (up_history_get_n_undo (history), ==, n_undo);
  g_assert_false (up_project_can_undo_edit (project, deleted));
  g_assert_false (up_history_get_can_redo (history));
  g_assert_true (up_project_undo (project, &error));
  g_assert_cmpstr (up_stage_get_title (second), !=, "Dialog med marknaden");
  g_assert_nonnull (up_project_lookup (project, "stage", id));

  /* A later edit of what the delete changed (the order of the stages):
   * not on its own. */
  g_clear_object (&first);
  first = g_list_model_get_item (stages, 0);
  g_assert_true (up_project_delete_stage (project, first, FALSE, &error));
  deleted = up_history_get_undo_serial (history);
  g_assert_true (up_project_reorder_stage (project, third, 0, &error));
  g_assert_no_error (error);
  g_assert_false (up_project_can_undo_edit (project, deleted));

  /* The reorder undone, the delete is the newest step again: undone as
   * undo does, to be redone; then it is undone already. */
  g_assert_true (up_project_undo (project, &error));
  g_assert_true (up_project_can_undo_edit (project, deleted));
  g_assert_true (up_project_undo_edit (project, deleted, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (stages), ==, n);
  g_assert_false (up_project_can_undo_edit (project, deleted));
  g_assert_true (up_history_get_can_redo (history));
  g_assert_false (up_project_can_undo_edit (project, 0));
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

/* The history tells when it first forgets its oldest steps for the memory
 * budget ("n-forgotten", notified only when it changes), for the window to
 * say that older changes can no longer be undone: they went without a
 * word. */
static void
test_history_forgotten (void)
{
  g_autoptr(UpProject) project = demo ();
  UpHistory *history = up_project_get_history (project);
  g_autoptr(GError) error = NULL;
  guint notified = 0;

  g_signal_connect (history, "notify::n-forgotten", G_CALLBACK (count_notify), &notified);
  _up_history_set_budget (history, 64 * 1024);

  /* Steps of some 16 KB: three fit. */
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *text = g_strnfill (8000 + i, 'a' + i);

      g_assert_true (up_project_set_string (project, stage_at (project, i), "description", text, &error));
      g_assert_no_error (error);
    }
  g_assert_cmpuint (up_history_get_n_forgotten (history), ==, 0);
  g_assert_cmpuint (notified, ==, 0);

  /* Undo and redo forget nothing and say nothing. */
  g_assert_true (up_project_undo (project, &error));
  g_assert_true (up_project_redo (project, &error));
  g_assert_cmpuint (notified, ==, 0);

  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *text = g_strnfill (8000 + i, 'x' - i);

      g_assert_true (up_project_set_string (project, stage_at (project, i), "description", text, &error));
      g_assert_no_error (error);
    }
  g_assert_cmpuint (up_history_get_n_forgotten (history), >, 0);
  g_assert_cmpuint (up_history_get_n_forgotten (history), ==, 6 - up_history_get_n_undo (history));
  g_assert_cmpuint (notified, >, 0);
  g_assert_cmpuint (notified, <=, 3);

  /* A small edit that forgets nothing says nothing. */
  notified = 0;
  g_assert_true (up_project_undo (project, &error));
  g_assert_cmpuint (notified, ==, 0);

  /* A history cleared starts again. */
  up_history_clear (history);
  g_assert_cmpuint (up_history_get_n_forgotten (history), ==, 0);
  g_assert_cmpuint (notified, ==, 1);
}

/* The goals are listed in the order the user puts them in: a goal moved
 * past the end goes last, the others close up, a move to where it is
 * changes nothing (no undo step), and a goal of another project is
 * refused. */
static void
test_local_goal_order (void)
{
  g_autoptr(UpProject) project = demo ();
  g_autoptr(UpProject) other = demo ();
  g_autoptr(GError) error = NULL;
  UpHistory *history = up_project_get_history (project);
  GListModel *goals = up_project_get_local_goals (project);
  UpLocalGoal *first = goal_at (project, 0);
  UpLocalGoal *second = goal_at (project, 1);
  UpLocalGoal *third = goal_at (project, 2);

  g_assert_cmpuint (g_list_model_get_n_items (goals), ==, 3);

  g_assert_true (up_project_reorder_local_goal (project, first, 99, &error));
  g_assert_no_error (error);
  g_assert_true (goal_at (project, 0) == second);
  g_assert_true (goal_at (project, 1) == third);
  g_assert_true (goal_at (project, 2) == first);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpint (up_local_goal_get_position (goal_at (project, i)), ==, i);
  g_assert_cmpuint (up_history_get_n_undo (history), ==, 1);

  g_assert_true (up_project_reorder_local_goal (project, first, 2, &error));
  g_assert_cmpuint (up_history_get_n_undo (history), ==, 1);

  g_assert_false (up_project_reorder_local_goal (project, goal_at (other, 0), 0, &error));
  g_assert_error (error, UP_STORE_ERROR, UP_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (up_project_undo (project, &error));
  g_assert_true (goal_at (project, 0) == first);
  g_assert_true (goal_at (project, 2) == third);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *state = g_dir_make_tmp ("upphandla-test-XXXXXX", NULL);

  g_setenv ("XDG_STATE_HOME", state, TRUE);
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (edits); i++)
    g_test_add_data_func (edits[i].path, edits[i].edit, test_edit_kind);
  g_test_add_func ("/project/undo/group", test_group);
  g_test_add_func ("/project/group-failure", test_group_failure_rolls_back);
  g_test_add_func ("/project/group-changed-once", test_group_changed_once);
  g_test_add_func ("/project/delete-restores-links", test_delete_restores_links);
  g_test_add_func ("/project/duplicate-stage", test_duplicate_stage);
  g_test_add_func ("/project/withdraw", test_withdraw);
  g_test_add_func ("/project/stakeholder-notes", test_stakeholder_notes);
  g_test_add_func ("/project/local-goal-stages", test_local_goal_stages);
  g_test_add_func ("/project/invalid-edits", test_invalid_edits);
  g_test_add_func ("/project/one-line-fields", test_one_line_fields);
  g_test_add_func ("/project/no-op", test_no_op_is_no_step);
  g_test_add_func ("/project/signals", test_signals);
  g_test_add_func ("/project/history-labels", test_history_labels);
  g_test_add_func ("/project/demo", test_demo_content);
  g_test_add_func ("/project/stage-summary", test_stage_summary);
  g_test_add_func ("/project/local-goal-target-order", test_local_goal_target_order);
  g_test_add_func ("/project/local-goal-order", test_local_goal_order);
  g_test_add_func ("/project/history-budget", test_history_budget);
  g_test_add_func ("/project/history-keeps-changed-columns", test_history_keeps_changed_columns);
  g_test_add_func ("/project/undo-edit", test_undo_edit);
  g_test_add_func ("/project/step-stages", test_step_stages);
  g_test_add_func ("/project/history-forgotten", test_history_forgotten);

  return g_test_run ();
}
