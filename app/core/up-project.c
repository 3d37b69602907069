/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "up-project"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "up-history-private.h"
#include "up-project.h"
#include "up-record-private.h"
#include "up-sdg.h"
#include "up-store-private.h"

/* The project is the model of one file. Edits run SQL on the store; the
 * change log of each transaction then tells which rows changed, and only
 * those are read back into records. Edits, undo and redo share that one
 * path, so the records can never drift from the file. */

struct _UpProject
{
  GObject      parent_instance;

  UpStore     *store;
  UpHistory   *history;
  UpRecord    *info;                       /* the single project row */

  GListStore  *lists[UP_N_TABLES];
  GHashTable  *records[UP_N_TABLES];       /* id -> UpRecord */
  /* Whether lists[t] holds every row of the table. Notes and Agenda 2030
   * links, the large tables, are read when first asked for: a record when
   * it is looked up, the whole list when someone asks for the list. */
  gboolean     listed[UP_N_TABLES];

  gint64       synced_seq;                 /* change log entries seen */
  guint        group_depth;
  char        *group_label;
  GError      *group_error;
  /* Tables changed in the group, told once it ends: a view that sorts
   * and filters the whole table at each "changed" did so for every row
   * of an import (5,000 people took minutes). */
  gboolean     group_touched[UP_N_TABLES];
};

G_DEFINE_FINAL_TYPE (UpProject, up_project, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_ORGANISATION,
  PROP_DESCRIPTION,
  PROP_CREATED,
  PROP_MODIFIED,
  PROP_FILE,
  PROP_STORE,
  PROP_HISTORY,
  N_PROPS
};

enum {
  CHANGED,
  COMMIT_PENDING,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char * const edit_labels[UP_N_TABLES] = {
  N_("Edit Project"),
  N_("Edit Stage"),
  N_("Edit Stakeholder"),
  N_("Edit Note"),
  N_("Edit Note"),
  N_("Edit Agenda 2030 Link"),
  N_("Edit Local Goal"),
  N_("Edit Local Goal"),
  N_("Edit Stage"),
};

/* Row ids as hash keys; every platform we build for has 64-bit pointers
 * or ids far below 2^31. */
#define ID_KEY(id) ((gpointer) (gintptr) (id))

static gboolean
has_position (UpTableId table)
{
  return table == UP_TABLE_STAGE || table == UP_TABLE_LOCAL_GOAL;
}

static guint
position_column (UpTableId table)
{
  return table == UP_TABLE_STAGE ? UP_STAGE_POSITION : UP_LOCAL_GOAL_POSITION;
}

static int
compare_position (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  guint column = GPOINTER_TO_UINT (user_data);
  gint64 pa = _up_record_get_int_at ((UpRecord *) a, column);
  gint64 pb = _up_record_get_int_at ((UpRecord *) b, column);

  if (pa != pb)
    return pa < pb ? -1 : 1;
  return up_record_get_id ((UpRecord *) a) < up_record_get_id ((UpRecord *) b) ? -1 : 1;
}

static int
compare_id (gconstpointer a,
            gconstpointer b,
            gpointer      user_data)
{
  gint64 ia = up_record_get_id ((UpRecord *) a);
  gint64 ib = up_record_get_id ((UpRecord *) b);

  return ia < ib ? -1 : ia > ib;
}

/* g_ptr_array_sort_with_data() hands over pointers to the elements. */
static int
compare_position_indirect (gconstpointer a,
                           gconstpointer b,
                           gpointer      user_data)
{
  return compare_position (*(UpRecord **) a, *(UpRecord **) b, user_data);
}

/* When a note or a person was made or changed: to the microsecond, as
 * a merge of a copy tells two notes of the same id apart by when each
 * was made (and takes the later of two changes), and a strategist and a
 * workshop add notes in the same second. Earlier versions wrote whole
 * seconds, which still read and sort as ISO 8601. */
static char *
now_iso (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%S.%fZ");
}

static char *
today_iso (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

/* Loading and syncing */

static sqlite3_stmt *
select_row (UpProject *self,
            UpTableId  table,
            gint64     id)
{
  sqlite3_stmt *stmt = _up_store_prepare (self->store, up_schema_tables[table].select_sql, NULL);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      return NULL;
    }
  return stmt;
}

/* The project row is a plain record with no properties of its own: its
 * columns are the project's properties, notified here. */
static void
reload_info (UpProject *self)
{
  sqlite3_stmt *stmt = select_row (self, UP_TABLE_PROJECT, 1);
  char *before[UP_PROJECT_N_COLUMNS];

  if (stmt == NULL)
    return;

  if (self->info == NULL)
    {
      self->info = _up_record_new_from_row (UP_TABLE_PROJECT, stmt);
      sqlite3_reset (stmt);
      return;
    }

  for (guint i = 0; i < UP_PROJECT_N_COLUMNS; i++)
    before[i] = g_strdup (_up_record_get_string_at (self->info, i));
  _up_record_load_row (self->info, stmt);
  sqlite3_reset (stmt);

  for (guint i = 0; i < UP_PROJECT_N_COLUMNS; i++)
    {
      if (g_strcmp0 (before[i], _up_record_get_string_at (self->info, i)) != 0)
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE + i]);
      g_free (before[i]);
    }
}

/* The rows of a link table (a note's stakeholders, a local goal's targets,
 * a stage's local goals) are never records: they are read with SQL when
 * asked for, which keeps a large project's load and memory down. */
static gboolean
is_link_table (UpTableId table)
{
  return table == UP_TABLE_NOTE_STAKEHOLDER ||
         table == UP_TABLE_LOCAL_GOAL_TARGET ||
         table == UP_TABLE_STAGE_LOCAL_GOAL;
}

static gboolean
is_lazy_table (UpTableId table)
{
  return table == UP_TABLE_NOTE || table == UP_TABLE_SDG_LINK;
}

/* Fills lists[t] with every row of @t, reusing the records already made. */
static gboolean
list_table (UpProject  *self,
            UpTableId   t,
            GError    **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_assert (!self->listed[t]);

  rows = g_ptr_array_new_full (256, g_object_unref);
  stmt = _up_store_prepare (self->store, up_schema_tables[t].select_all_sql, error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      UpRecord *record = g_hash_table_lookup (self->records[t], ID_KEY (id));

      if (record == NULL)
        {
          record = _up_record_new_from_row (t, stmt);
          g_hash_table_insert (self->records[t], ID_KEY (id), record);
        }
      g_ptr_array_add (rows, g_object_ref (record));
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _up_store_set_db_error (self->store, rc, error);
      return FALSE;
    }

  if (has_position (t))
    g_ptr_array_sort_with_data (rows, compare_position_indirect,
                                GUINT_TO_POINTER (position_column (t)));

  self->listed[t] = TRUE;
  g_list_store_splice (self->lists[t], 0, 0, rows->pdata, rows->len);
  return TRUE;
}

static GListModel *
get_list (UpProject *self,
          UpTableId  t)
{
  g_autoptr(GError) error = NULL;

  if (!self->listed[t] && !list_table (self, t, &error))
    g_warning ("Could not read the %s rows: %s", up_schema_tables[t].name, error->message);
  return G_LIST_MODEL (self->lists[t]);
}

static gboolean
load_all (UpProject  *self,
          GError    **error)
{
  for (guint t = UP_TABLE_PROJECT + 1; t < UP_N_TABLES; t++)
    {
      g_autoptr(GPtrArray) rows = NULL;
      sqlite3_stmt *stmt;
      int rc;

      if (is_link_table (t) || is_lazy_table (t))
        continue;

      rows = g_ptr_array_new_full (256, g_object_unref);

      stmt = _up_store_prepare (self->store, up_schema_tables[t].select_all_sql, error);
      if (stmt == NULL)
        return FALSE;

      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          UpRecord *record = _up_record_new_from_row (t, stmt);

          g_hash_table_insert (self->records[t], ID_KEY (up_record_get_id (record)), record);
          g_ptr_array_add (rows, g_object_ref (record));
        }
      sqlite3_reset (stmt);

      if (rc != SQLITE_DONE)
        {
          _up_store_set_db_error (self->store, rc, error);
          return FALSE;
        }

      if (has_position (t))
        g_ptr_array_sort_with_data (rows, compare_position_indirect,
                                    GUINT_TO_POINTER (position_column (t)));

      self->listed[t] = TRUE;
      g_list_store_splice (self->lists[t], 0, 0, rows->pdata, rows->len);
    }

  reload_info (self);
  if (self->info == NULL)
    {
      g_set_error_literal (error, UP_STORE_ERROR, UP_STORE_ERROR_CORRUPT,
                           _("The project is damaged: it has no title row."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
is_sorted (GListModel *list,
           guint       column)
{
  guint n = g_list_model_get_n_items (list);
  g_autoptr(UpRecord) previous = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(UpRecord) record = g_list_model_get_item (list, i);

      if (previous != NULL &&
          compare_position (previous, record, GUINT_TO_POINTER (column)) > 0)
        return FALSE;
      g_set_object (&previous, record);
    }
  return TRUE;
}

static void
remove_from_list (GListStore *list,
                  UpRecord   *record)
{
  guint position;

  if (g_list_store_find (list, record, &position))
    g_list_store_remove (list, position);
}

/* Reads back every row the log names since the last sync: new rows become
 * records, changed rows notify, rows gone are dropped. */
static void
sync_rows (UpProject   *self,
           UpChangeSet *set)
{
  gboolean touched[UP_N_TABLES] = { FALSE, };
  gboolean moved[UP_N_TABLES] = { FALSE, };
  GHashTable *seen[UP_N_TABLES] = { NULL, };

  for (guint i = 0; i < set->changes->len; i++)
    {
      UpChange *change = &g_array_index (set->changes, UpChange, i);
      UpTableId table = change->table;
      gint64 id = change->id;
      GHashTable *records = self->records[table];
      UpRecord *record;
      sqlite3_stmt *stmt;

      /* A row is read back once per sync, whatever happened to it
       * meanwhile. Ids may be any 64-bit value SQLite allows. */
      if (seen[table] == NULL)
        seen[table] = g_hash_table_new (g_int64_hash, g_int64_equal);
      if (!g_hash_table_add (seen[table], &change->id))
        continue;
      touched[table] = TRUE;

      if (is_link_table (table))
        continue;

      if (table == UP_TABLE_PROJECT)
        {
          reload_info (self);
          continue;
        }

      record = g_hash_table_lookup (records, ID_KEY (id));
      stmt = select_row (self, table, id);

      if (stmt != NULL && record != NULL)
        {
          gint64 before = has_position (table) ? _up_record_get_int_at (record, position_column (table)) : 0;

          _up_record_load_row (record, stmt);
          if (has_position (table) && before != _up_record_get_int_at (record, position_column (table)))
            moved[table] = TRUE;
        }
      else if (stmt != NULL && !self->listed[table])
        {
          /* Not read yet: it is read when it is asked for. */
        }
      else if (stmt != NULL)
        {
          g_autoptr(UpRecord) created = _up_record_new_from_row (table, stmt);

          g_hash_table_insert (records, ID_KEY (id), g_object_ref (created));
          /* Rows come back from undo in the middle of the list too. */
          if (has_position (table))
            g_list_store_insert_sorted (self->lists[table], created, compare_position,
                                        GUINT_TO_POINTER (position_column (table)));
          else
            g_list_store_insert_sorted (self->lists[table], created, compare_id, NULL);
        }
      else if (record != NULL)
        {
          g_autoptr(UpRecord) gone = g_object_ref (record);

          g_hash_table_remove (records, ID_KEY (id));
          if (self->listed[table])
            remove_from_list (self->lists[table], gone);
        }

      if (stmt != NULL)
        sqlite3_reset (stmt);
    }

  for (guint t = 0; t < UP_N_TABLES; t++)
    if (moved[t] && !is_sorted (G_LIST_MODEL (self->lists[t]), position_column (t)))
      g_list_store_sort (self->lists[t], (GCompareDataFunc) compare_position,
                         GUINT_TO_POINTER (position_column (t)));

  for (guint t = 0; t < UP_N_TABLES; t++)
    g_clear_pointer (&seen[t], g_hash_table_unref);

  for (guint t = 0; t < UP_N_TABLES; t++)
    if (touched[t] && self->group_depth > 0)
      self->group_touched[t] = TRUE;
    else if (touched[t])
      g_signal_emit (self, signals[CHANGED], g_quark_from_static_string (up_schema_tables[t].name));
}

/* "changed" of each table a group changed, once, as it ends. */
static void
emit_group_changes (UpProject *self)
{
  for (guint t = 0; t < UP_N_TABLES; t++)
    if (self->group_touched[t])
      {
        self->group_touched[t] = FALSE;
        g_signal_emit (self, signals[CHANGED], g_quark_from_static_string (up_schema_tables[t].name));
      }
}

/* The change log so far in this transaction, past what was synced. */
static UpChangeSet *
changes_since_sync (UpProject *self)
{
  g_autoptr(UpChangeSet) set = _up_change_set_new ();
  sqlite3_stmt *stmt;

  stmt = _up_store_prepare (self->store,
                            "SELECT seq, tbl, row FROM temp.up_log WHERE seq > ?1 ORDER BY seq",
                            NULL);
  if (stmt == NULL)
    return g_steal_pointer (&set);

  sqlite3_bind_int64 (stmt, 1, self->synced_seq);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      UpChange change = { 0 };

      self->synced_seq = sqlite3_column_int64 (stmt, 0);
      change.table = sqlite3_column_int (stmt, 1);
      change.id = sqlite3_column_int64 (stmt, 2);
      g_array_append_val (set->changes, change);
    }
  sqlite3_reset (stmt);

  return g_steal_pointer (&set);
}

static void
sync_pending (UpProject *self)
{
  g_autoptr(UpChangeSet) set = changes_since_sync (self);

  if (set->changes->len > 0)
    sync_rows (self, set);
}

/* Transactions of the edit API */

/* Commits, or when the commit fails (a deferred foreign key, say) rolls
 * back and reads back every row the transaction had touched. */
static gboolean
commit (UpProject    *self,
        UpChangeSet **set,
        GError      **error)
{
  g_autoptr(UpChangeSet) touched = NULL;

  self->synced_seq = 0;
  touched = changes_since_sync (self);

  *set = _up_store_commit (self->store, error);
  if (*set == NULL)
    {
      sync_rows (self, touched);
      return FALSE;
    }
  return TRUE;
}


static gboolean
edit_begin (UpProject  *self,
            GError    **error)
{
  if (self->group_depth > 0)
    {
      if (self->group_error != NULL)
        {
          g_propagate_error (error, g_error_copy (self->group_error));
          return FALSE;
        }
      return TRUE;
    }

  if (!_up_store_begin (self->store, error))
    return FALSE;
  self->synced_seq = 0;
  return TRUE;
}

/* Rolls the transaction back and reads back every row it had touched, so
 * that records the failed edit had already changed return as they were. */
static void
edit_abort (UpProject *self)
{
  g_autoptr(UpChangeSet) set = NULL;

  self->synced_seq = 0;
  set = changes_since_sync (self);
  _up_store_rollback (self->store);
  if (set->changes->len > 0)
    sync_rows (self, set);
}

static gboolean
edit_end (UpProject   *self,
          const char  *label,
          gboolean     ok,
          GError     **error)
{
  g_autoptr(UpChangeSet) set = NULL;

  if (self->group_depth > 0)
    {
      if (ok)
        sync_pending (self);
      else if (self->group_error == NULL && error != NULL && *error != NULL)
        self->group_error = g_error_copy (*error);
      else if (self->group_error == NULL)
        self->group_error = g_error_new_literal (UP_STORE_ERROR, UP_STORE_ERROR_FAILED, label);
      return ok;
    }

  if (!ok)
    {
      edit_abort (self);
      return FALSE;
    }

  sync_pending (self);
  if (!commit (self, &set, error))
    return FALSE;

  reload_info (self);
  if (set->changes->len > 0)
    _up_history_push (self->history, label, g_steal_pointer (&set));

  return TRUE;
}

static gboolean
run (UpProject     *self,
     sqlite3_stmt  *stmt,
     GError       **error)
{
  return stmt != NULL && _up_store_step_done (self->store, stmt, error);
}

static UpRecord *
lookup_internal (UpProject *self,
                 UpTableId  table,
                 gint64     id)
{
  UpRecord *record = g_hash_table_lookup (self->records[table], ID_KEY (id));
  sqlite3_stmt *stmt;

  if (record != NULL || self->listed[table] || !is_lazy_table (table))
    return record;

  /* A row of a table not read yet: read it now, once. */
  stmt = select_row (self, table, id);
  if (stmt == NULL)
    return NULL;
  record = _up_record_new_from_row (table, stmt);
  sqlite3_reset (stmt);
  g_hash_table_insert (self->records[table], ID_KEY (id), record);
  return record;
}

static UpRecord *
last_inserted (UpProject *self,
               UpTableId  table)
{
  return lookup_internal (self, table, sqlite3_last_insert_rowid (_up_store_get_db (self->store)));
}

static gboolean
invalid (UpProject   *self,
         GError     **error,
         const char  *message)
{
  /* A refused edit inside a group fails the whole group. */
  if (self->group_depth > 0 && self->group_error == NULL)
    self->group_error = g_error_new_literal (UP_STORE_ERROR, UP_STORE_ERROR_INVALID, message);
  g_set_error_literal (error, UP_STORE_ERROR, UP_STORE_ERROR_INVALID, message);
  return FALSE;
}

static gboolean
out_of_range (UpProject  *self,
              gint64      min,
              gint64      max,
              GError    **error)
{
  /* Translators: %1$d and %2$d are the smallest and largest allowed values. */
  g_autofree char *message = g_strdup_printf (_("The value must be from %1$d to %2$d."), (int) min, (int) max);

  return invalid (self, error, message);
}

static gboolean
check_text (UpProject   *self,
            const char  *value,
            GError     **error)
{
  if (value == NULL || !g_utf8_validate (value, -1, NULL))
    return invalid (self, error, _("The text is not valid UTF-8."));
  return TRUE;
}

/* Descriptions and the text of a note are written in paragraphs; every
 * other text is a name or a line (a title, an organisation, a comment). */
static gboolean
is_multiline (const UpColumn *column)
{
  return g_str_equal (column->name, "description") || g_str_equal (column->name, "body");
}

/* Text is stored composed (NFC): "ö" typed as o and a combining diaeresis
 * (a paste from a PDF or a Mac) is the same letter to the search as the
 * one key's. Only text with a combining mark changes; it is composed a
 * word at a time, because GLib's composition moves the rest of its buffer
 * for each letter it composes (a megabyte of "åäö" took seconds). NULL
 * when @value is composed already. */
static char *
to_composed (const char *value)
{
  GString *composed;
  const char *start = value;
  gboolean has_marks = FALSE;

  for (const char *p = value; *p != '\0' && !has_marks; p = g_utf8_next_char (p))
    has_marks = g_unichar_combining_class (g_utf8_get_char (p)) != 0;
  if (!has_marks)
    return NULL;

  /* A space or a line break composes with nothing: a word ends before it. */
  composed = g_string_sized_new (strlen (value));
  for (const char *p = value; ; p++)
    if (*p == ' ' || *p == '\n' || *p == '\0')
      {
        if (p > start)
          {
            g_autofree char *word = g_utf8_normalize (start, p - start, G_NORMALIZE_NFC);

            g_string_append (composed, word != NULL ? word : "");
          }
        if (*p == '\0')
          break;
        start = p;
      }

  if (strcmp (composed->str, value) == 0)
    {
      g_string_free (composed, TRUE);
      return NULL;
    }
  return g_string_free (composed, FALSE);
}

/* @value as a field of one line keeps it, composed: a line break (CR, LF
 * or both) or a tab, as a paste brings them, becomes a space, and blanks
 * before and after go. NULL when @value is so already. */
static char *
to_one_line (const char *value)
{
  g_autofree char *composed = to_composed (value);
  const char *text = composed != NULL ? composed : value;
  GString *line;

  if (composed == NULL && strpbrk (value, "\r\n\t") == NULL &&
      !g_ascii_isspace (value[0]) && (value[0] == '\0' || !g_ascii_isspace (value[strlen (value) - 1])))
    return NULL;

  line = g_string_sized_new (strlen (text));
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\r' && p[1] == '\n')
        continue;
      g_string_append_c (line, *p == '\r' || *p == '\n' || *p == '\t' ? ' ' : *p);
    }
  g_strstrip (line->str);

  return g_string_free (line, FALSE);
}

/* A stage, a stakeholder and a local goal are known by their title or
 * name: one of nothing but blanks would show as nothing in every list. */
static gboolean
is_name (UpTableId       table,
         const UpColumn *column)
{
  return (table == UP_TABLE_STAGE && g_str_equal (column->name, "title")) ||
         (table == UP_TABLE_STAKEHOLDER && g_str_equal (column->name, "name")) ||
         (table == UP_TABLE_LOCAL_GOAL && g_str_equal (column->name, "title"));
}

static gboolean
check_enum (UpProject   *self,
            const char * const *values,
            const char         *value,
            GError            **error)
{
  if (!up_enum_contains (values, value))
    return invalid (self, error, _("The value is not one of the choices."));
  return TRUE;
}

static gboolean
check_dates (UpProject   *self,
             const char  *start,
             const char  *end,
             GError     **error)
{
  if (!up_date_is_valid (start) || !up_date_is_valid (end))
    return invalid (self, error, _("A date must be written as YYYY-MM-DD, for example 2026-11-28."));
  if (strcmp (end, start) < 0)
    return invalid (self, error, _("A stage cannot end before it starts."));
  return TRUE;
}

static gboolean
check_target (UpProject   *self,
              const char  *target,
              GError     **error)
{
  if (!up_sdg_is_target (target))
    return invalid (self, error, _("That is not one of the 169 targets of Agenda 2030."));
  return TRUE;
}

static gboolean
check_member (UpProject  *self,
              gpointer    record,
              GType       type,
              GError    **error)
{
  g_return_val_if_fail (G_TYPE_CHECK_INSTANCE_TYPE (record, type), FALSE);

  if (lookup_internal (self, _up_record_get_table_id (record), up_record_get_id (record)) != record)
    return invalid (self, error, _("The item is no longer part of the project."));
  return TRUE;
}

/* GObject */

static void
store_file_notify (UpProject *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
}

static void
up_project_dispose (GObject *object)
{
  UpProject *self = UP_PROJECT (object);

  for (guint t = 0; t < UP_N_TABLES; t++)
    {
      g_clear_object (&self->lists[t]);
      g_clear_pointer (&self->records[t], g_hash_table_unref);
    }
  g_clear_object (&self->info);
  g_clear_object (&self->history);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (up_project_parent_class)->dispose (object);
}

static void
up_project_finalize (GObject *object)
{
  UpProject *self = UP_PROJECT (object);

  g_clear_pointer (&self->group_label, g_free);
  g_clear_error (&self->group_error);

  G_OBJECT_CLASS (up_project_parent_class)->finalize (object);
}

static void
up_project_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  UpProject *self = UP_PROJECT (object);

  switch (prop_id)
    {
    case PROP_TITLE:
    case PROP_ORGANISATION:
    case PROP_DESCRIPTION:
    case PROP_CREATED:
    case PROP_MODIFIED:
      g_value_set_string (value, _up_record_get_string_at (self->info, prop_id - PROP_TITLE));
      break;
    case PROP_FILE:
      g_value_set_object (value, up_project_get_file (self));
      break;
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_HISTORY:
      g_value_set_object (value, self->history);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
up_project_class_init (UpProjectClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const char *texts[] = { "title", "organisation", "description", "created", "modified" };

  object_class->dispose = up_project_dispose;
  object_class->finalize = up_project_finalize;
  object_class->get_property = up_project_get_property;

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    properties[PROP_TITLE + i] =
      g_param_spec_string (texts[i], NULL, NULL, "",
                           G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, UP_TYPE_STORE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_HISTORY] =
    g_param_spec_object ("history", NULL, NULL, UP_TYPE_HISTORY,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[COMMIT_PENDING] =
    g_signal_new ("commit-pending", G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
up_project_init (UpProject *self)
{
  for (guint t = 0; t < UP_N_TABLES; t++)
    {
      GType type = t == UP_TABLE_STAGE ? UP_TYPE_STAGE :
                   t == UP_TABLE_STAKEHOLDER ? UP_TYPE_STAKEHOLDER :
                   t == UP_TABLE_NOTE ? UP_TYPE_NOTE :
                   t == UP_TABLE_SDG_LINK ? UP_TYPE_SDG_LINK :
                   t == UP_TABLE_LOCAL_GOAL ? UP_TYPE_LOCAL_GOAL : UP_TYPE_RECORD;

      self->lists[t] = g_list_store_new (type);
      self->records[t] = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_object_unref);
    }
  self->history = _up_history_new ();
}

/* Opening and creating */

/**
 * up_project_new_for_store:
 *
 * Makes the model of an open store. The store's file, if any, is where
 * every edit is saved.
 */
UpProject *
up_project_new_for_store (UpStore  *store,
                          GError  **error)
{
  g_autoptr(UpProject) self = NULL;

  g_return_val_if_fail (UP_IS_STORE (store), NULL);

  self = g_object_new (UP_TYPE_PROJECT, NULL);
  self->store = g_object_ref (store);
  if (!load_all (self, error))
    return NULL;

  g_signal_connect_object (store, "notify::file", G_CALLBACK (store_file_notify), self, G_CONNECT_SWAPPED);

  return g_steal_pointer (&self);
}

UpProject *
up_project_new (const char  *title,
                GError     **error)
{
  g_autoptr(UpStore) store = up_store_new (error);
  g_autoptr(UpProject) self = NULL;

  if (store == NULL)
    return NULL;
  self = up_project_new_for_store (store, error);
  if (self == NULL)
    return NULL;

  if (title != NULL && !up_project_set_string (self, self, "title", title, error))
    return NULL;
  up_history_clear (self->history);

  return g_steal_pointer (&self);
}

UpProject *
up_project_open (GFile   *file,
                 GError **error)
{
  g_autoptr(UpStore) store = NULL;
  g_autoptr(UpProject) self = NULL;
  g_autoptr(GError) read_error = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  /* The rows are read while the file's contents are checked; a damaged
   * file is told as damaged, whatever reading it met. */
  store = _up_store_open_checking (file, error);
  if (store == NULL)
    return NULL;
  self = up_project_new_for_store (store, &read_error);
  if (!_up_store_finish_checks (store, error))
    return NULL;
  if (self == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&read_error));
      return NULL;
    }
  return g_steal_pointer (&self);
}

/**
 * up_project_create:
 *
 * Creates a new, empty project in @file (replacing what is there) and
 * writes it at once, so that a folder one cannot write to is found now.
 */
UpProject *
up_project_create (GFile       *file,
                   const char  *title,
                   GError     **error)
{
  g_autoptr(UpProject) self = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = up_project_new (title, error);
  if (self == NULL)
    return NULL;

  up_store_set_file (self->store, file);
  if (!up_store_save (self->store, error))
    return NULL;

  return g_steal_pointer (&self);
}

/* Accessors */

UpStore *
up_project_get_store (UpProject *self)
{
  g_return_val_if_fail (UP_IS_PROJECT (self), NULL);

  return self->store;
}

UpHistory *
up_project_get_history (UpProject *self)
{
  g_return_val_if_fail (UP_IS_PROJECT (self), NULL);

  return self->history;
}

GFile *
up_project_get_file (UpProject *self)
{
  g_return_val_if_fail (UP_IS_PROJECT (self), NULL);

  return up_store_get_file (self->store);
}

const char *
up_project_get_title (UpProject *self)
{
  g_return_val_if_fail (UP_IS_PROJECT (self), NULL);

  return _up_record_get_string_at (self->info, UP_PROJECT_TITLE);
}

const char *
up_project_get_organisation (UpProject *self)
{
  g_return_val_if_fail (UP_IS_PROJECT (self), NULL);

  return _up_record_get_string_at (self->info, UP_PROJECT_ORGANISATION);
}

const char *
up_project_get_description (UpProject *self)
{
  g_return_val_if_fail (UP_IS_PROJECT (self), NULL);

  return _up_record_get_string_at (self->info, UP_PROJECT_DESCRIPTION);
}

const char *
up_project_get_created (UpProject *self)
{
  g_return_val_if_fail (UP_IS_PROJECT (self), NULL);

  return _up_record_get_string_at (self->info, UP_PROJECT_CREATED);
}

const char *
up_project_get_modified (UpProject *self)
{
  g_return_val_if_fail (UP_IS_PROJECT (self), NULL);

  return _up_record_get_string_at (self->info, UP_PROJECT_MODIFIED);
}

GListModel *
up_project_get_stages (UpProject *self)
{
  g_return_val_if_fail (UP_IS_PROJECT (self), NULL);

  return G_LIST_MODEL (self->lists[UP_TABLE_STAGE]);
}

GListModel *
up_project_get_stakeholders (UpProject *self)
{
  g_return_val_if_fail (UP_IS_PROJECT (self), NULL);

  return G_LIST_MODEL (self->lists[UP_TABLE_STAKEHOLDER]);
}

GListModel *
up_project_get_notes (UpProject *self)
{
  g_return_val_if_fail (UP_IS_PROJECT (self), NULL);

  return get_list (self, UP_TABLE_NOTE);
}

GListModel *
up_project_get_sdg_links (UpProject *self)
{
  g_return_val_if_fail (UP_IS_PROJECT (self), NULL);

  return get_list (self, UP_TABLE_SDG_LINK);
}

GListModel *
up_project_get_local_goals (UpProject *self)
{
  g_return_val_if_fail (UP_IS_PROJECT (self), NULL);

  return G_LIST_MODEL (self->lists[UP_TABLE_LOCAL_GOAL]);
}

/**
 * up_project_lookup:
 *
 * Returns: (transfer none) (nullable): the record of @table with @id.
 */
UpRecord *
up_project_lookup (UpProject  *self,
                   const char *table,
                   gint64      id)
{
  const UpTable *t;

  g_return_val_if_fail (UP_IS_PROJECT (self), NULL);

  t = up_schema_lookup_table (table);
  g_return_val_if_fail (t != NULL, NULL);

  return lookup_internal (self, t - up_schema_tables, id);
}

guint
up_project_count (UpProject  *self,
                  const char *table)
{
  const UpTable *t;

  g_return_val_if_fail (UP_IS_PROJECT (self), 0);

  t = up_schema_lookup_table (table);
  g_return_val_if_fail (t != NULL, 0);

  if (is_link_table (t - up_schema_tables) ||
      (is_lazy_table (t - up_schema_tables) && !self->listed[t - up_schema_tables]))
    {
      /* The table's name is the schema's own constant, never user text. */
      g_autofree char *sql = g_strconcat ("SELECT count(*) FROM ", t->name, NULL);
      sqlite3_stmt *stmt = _up_store_prepare (self->store, sql, NULL);
      guint n = 0;

      if (stmt == NULL)
        return 0;
      if (sqlite3_step (stmt) == SQLITE_ROW)
        n = sqlite3_column_int (stmt, 0);
      sqlite3_reset (stmt);
      return n;
    }

  return g_hash_table_size (self->records[t - up_schema_tables]);
}

/**
 * up_project_summarize_stage:
 * @summary: (out caller-allocates): the stage's number of notes and goals
 *
 * Two lookups by index, no record per note or link: the timeline asks
 * for the stages it shows, whatever the size of the project.
 */
void
up_project_summarize_stage (UpProject      *self,
                            gint64          stage_id,
                            UpStageSummary *summary)
{
  sqlite3_stmt *stmt;

  g_return_if_fail (UP_IS_PROJECT (self));
  g_return_if_fail (summary != NULL);

  *summary = (UpStageSummary) { .stage_id = stage_id };

  stmt = _up_store_prepare (self->store, "SELECT count(*) FROM note WHERE stage_id = ?1", NULL);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, stage_id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        summary->n_notes = sqlite3_column_int (stmt, 0);
      sqlite3_reset (stmt);
    }

  stmt = _up_store_prepare (self->store, "SELECT target FROM sdg_link WHERE stage_id = ?1", NULL);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, stage_id);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          guint goal = up_sdg_goal_of_target ((const char *) sqlite3_column_text (stmt, 0));

          if (goal >= 1 && goal <= UP_SDG_N_GOALS)
            summary->goals |= 1u << (goal - 1);
        }
      sqlite3_reset (stmt);
    }
}

/**
 * up_project_get_date_range:
 * @first: (out) (nullable): the first day of the earliest stage, or %NULL
 * @last: (out) (nullable): the last day of the latest stage, or %NULL
 */
void
up_project_get_date_range (UpProject  *self,
                           char      **first,
                           char      **last)
{
  sqlite3_stmt *stmt;

  g_return_if_fail (UP_IS_PROJECT (self));

  if (first)
    *first = NULL;
  if (last)
    *last = NULL;

  stmt = _up_store_prepare (self->store, "SELECT min(start_date), max(end_date) FROM stage", NULL);
  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    {
      if (first)
        *first = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      if (last)
        *last = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
    }
  if (stmt != NULL)
    sqlite3_reset (stmt);
}

/* Runs @sql with one id parameter and maps the ids of its rows to records. */
static GPtrArray *
query_records (UpProject  *self,
               UpTableId   table,
               const char *sql,
               gint64      id)
{
  GPtrArray *result = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt = _up_store_prepare (self->store, sql, NULL);

  if (stmt == NULL)
    return result;

  sqlite3_bind_int64 (stmt, 1, id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      UpRecord *record = lookup_internal (self, table, sqlite3_column_int64 (stmt, 0));

      if (record != NULL)
        g_ptr_array_add (result, g_object_ref (record));
    }
  sqlite3_reset (stmt);

  return result;
}

/**
 * up_project_list_stage_notes:
 *
 * Returns: (transfer full): the notes pinned to @stage, oldest first.
 */
GPtrArray *
up_project_list_stage_notes (UpProject *self,
                             UpStage   *stage)
{
  g_return_val_if_fail (UP_IS_PROJECT (self), NULL);
  g_return_val_if_fail (UP_IS_STAGE (stage), NULL);

  return query_records (self, UP_TABLE_NOTE,
                        "SELECT id FROM note WHERE stage_id = ?1 ORDER BY said_on, id",
                        up_record_get_id (UP_RECORD (stage)));
}

GPtrArray *
up_project_list_note_stakeholders (UpProject *self,
                                   UpNote    *note)
{
  g_return_val_if_fail (UP_IS_PROJECT (self), NULL);
  g_return_val_if_fail (UP_IS_NOTE (note), NULL);

  return query_records (self, UP_TABLE_STAKEHOLDER,
                        "SELECT stakeholder_id FROM note_stakeholder WHERE note_id = ?1 ORDER BY id",
                        up_record_get_id (UP_RECORD (note)));
}

/**
 * up_project_list_stakeholder_notes:
 *
 * Returns: (transfer full): the notes that name @stakeholder, in the order
 * they were linked.
 */
GPtrArray *
up_project_list_stakeholder_notes (UpProject     *self,
                                   UpStakeholder *stakeholder)
{
  g_return_val_if_fail (UP_IS_PROJECT (self), NULL);
  g_return_val_if_fail (UP_IS_STAKEHOLDER (stakeholder), NULL);

  return query_records (self, UP_TABLE_NOTE,
                        "SELECT note_id FROM note_stakeholder WHERE stakeholder_id = ?1 ORDER BY id",
                        up_record_get_id (UP_RECORD (stakeholder)));
}

GPtrArray *
up_project_list_sdg_links (UpProject *self,
                           UpRecord  *stage_or_note)
{
  g_return_val_if_fail (UP_IS_PROJECT (self), NULL);
  g_return_val_if_fail (UP_IS_STAGE (stage_or_note) || UP_IS_NOTE (stage_or_note), NULL);

  if (UP_IS_STAGE (stage_or_note))
    return query_records (self, UP_TABLE_SDG_LINK,
                          "SELECT id FROM sdg_link WHERE stage_id = ?1 ORDER BY id",
                          up_record_get_id (stage_or_note));
  return query_records (self, UP_TABLE_SDG_LINK,
                        "SELECT id FROM sdg_link WHERE note_id = ?1 ORDER BY id",
                        up_record_get_id (stage_or_note));
}

/**
 * up_project_list_local_goal_targets:
 *
 * Returns: (transfer full) (element-type utf8): the target ids @goal is
 *   mapped to, in the order of the SDG catalogue (3.4, 3.8, 3.a, 10.2),
 *   whatever the order they were added in; ids that are not targets come
 *   last, in the order they were added.
 */
GPtrArray *
up_project_list_local_goal_targets (UpProject   *self,
                                    UpLocalGoal *goal)
{
  GPtrArray *result;
  g_autoptr(GArray) ranks = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (UP_IS_PROJECT (self), NULL);
  g_return_val_if_fail (UP_IS_LOCAL_GOAL (goal), NULL);

  result = g_ptr_array_new_with_free_func (g_free);
  stmt = _up_store_prepare (self->store,
                            "SELECT target FROM local_goal_target WHERE goal_id = ?1 ORDER BY id",
                            NULL);
  if (stmt == NULL)
    return result;

  /* Each id's place in the catalogue, beside it; a goal has fewer than 100
   * targets. A string compare would put 10.2 before 3.8, and 3.10 before
   * 3.9, so the catalogue's own index orders them. */
  ranks = g_array_new (FALSE, FALSE, sizeof (guint));
  sqlite3_bind_int64 (stmt, 1, up_record_get_id (UP_RECORD (goal)));
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      /* A damaged file may hold NULL or bytes that are not UTF-8 here. */
      const char *target = (const char *) sqlite3_column_text (stmt, 0);
      char *id = target != NULL ? g_utf8_make_valid (target, sqlite3_column_bytes (stmt, 0)) : g_strdup ("");
      guint number = up_sdg_goal_of_target (id);
      guint rank = G_MAXUINT;
      guint at;

      if (number != 0)
        {
          const char * const *targets = up_sdg_get_goal (number)->targets;

          for (rank = 0; strcmp (targets[rank], id) != 0; rank++)
            ;
          rank += number * 100;
        }
      /* Inserted in place (a goal links at most 169 targets); after any of
       * an equal rank, so that unknown ids keep the order of their rows. */
      for (at = ranks->len; at > 0 && g_array_index (ranks, guint, at - 1) > rank; at--)
        ;
      g_array_insert_val (ranks, at, rank);
      g_ptr_array_insert (result, at, id);
    }
  sqlite3_reset (stmt);

  return result;
}

GPtrArray *
up_project_list_stage_local_goals (UpProject *self,
                                   UpStage   *stage)
{
  g_return_val_if_fail (UP_IS_PROJECT (self), NULL);
  g_return_val_if_fail (UP_IS_STAGE (stage), NULL);

  return query_records (self, UP_TABLE_LOCAL_GOAL,
                        "SELECT goal_id FROM stage_local_goal WHERE stage_id = ?1 ORDER BY id",
                        up_record_get_id (UP_RECORD (stage)));
}

/**
 * up_project_list_local_goal_stages:
 *
 * The other direction of the same link, in one query: a view that shows a
 * check per stage asks this once rather than once per stage.
 *
 * Returns: (transfer full): the stages that serve @goal, in the order they
 *   were linked.
 */
GPtrArray *
up_project_list_local_goal_stages (UpProject   *self,
                                   UpLocalGoal *goal)
{
  g_return_val_if_fail (UP_IS_PROJECT (self), NULL);
  g_return_val_if_fail (UP_IS_LOCAL_GOAL (goal), NULL);

  return query_records (self, UP_TABLE_STAGE,
                        "SELECT stage_id FROM stage_local_goal WHERE goal_id = ?1 ORDER BY id",
                        up_record_get_id (UP_RECORD (goal)));
}

/* The generic field setters */

static gboolean
resolve_field (UpProject       *self,
               gpointer         record,
               const char      *property,
               UpTableId       *table_out,
               gint64          *id_out,
               guint           *index_out,
               const UpColumn **column_out,
               GError         **error)
{
  UpTableId table;
  const UpColumn *column;

  if (record == (gpointer) self)
    {
      table = UP_TABLE_PROJECT;
      *id_out = 1;
    }
  else
    {
      g_return_val_if_fail (UP_IS_RECORD (record), FALSE);
      if (!check_member (self, record, UP_TYPE_RECORD, error))
        return FALSE;
      table = _up_record_get_table_id (record);
      *id_out = up_record_get_id (record);
    }

  column = up_schema_lookup_column (&up_schema_tables[table], property, index_out);
  g_return_val_if_fail (column != NULL, FALSE);
  /* Dates and positions of stages have their own verbs, which keep the
   * rules that span two columns. */
  g_return_val_if_fail (column->editable, FALSE);

  *table_out = table;
  *column_out = column;
  return TRUE;
}

static gboolean
run_update (UpProject       *self,
            UpTableId        table,
            const UpColumn  *column,
            gint64           id,
            const char      *text,
            gint64           number,
            GError         **error)
{
  g_autofree char *sql = g_strdup_printf ("UPDATE %s SET %s = ?1 WHERE id = ?2",
                                          up_schema_tables[table].name, column->name);
  sqlite3_stmt *stmt;
  gboolean ok;

  /* The note index follows a note's text through triggers. */
  if (table == UP_TABLE_NOTE && !_up_store_ensure_note_index (self->store, error))
    return FALSE;
  if (!edit_begin (self, error))
    return FALSE;

  stmt = _up_store_prepare (self->store, sql, error);
  ok = stmt != NULL;
  if (ok)
    {
      if (column->type == UP_COLUMN_TEXT || column->type == UP_COLUMN_DATE)
        sqlite3_bind_text (stmt, 1, text, -1, SQLITE_STATIC);
      else if (column->type == UP_COLUMN_REF && number == 0)
        sqlite3_bind_null (stmt, 1);
      else
        sqlite3_bind_int64 (stmt, 1, number);
      sqlite3_bind_int64 (stmt, 2, id);
      ok = run (self, stmt, error);
    }

  /* A note and a person keep when they were last changed (a merge of a
   * copy takes the later side's). */
  if (ok && (table == UP_TABLE_NOTE || table == UP_TABLE_STAKEHOLDER))
    {
      g_autofree char *now = now_iso ();

      stmt = _up_store_prepare (self->store,
                                table == UP_TABLE_NOTE ? "UPDATE note SET updated = ?1 WHERE id = ?2"
                                                       : "UPDATE stakeholder SET updated = ?1 WHERE id = ?2",
                                error);
      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_text (stmt, 1, now, -1, SQLITE_TRANSIENT);
          sqlite3_bind_int64 (stmt, 2, id);
          ok = run (self, stmt, error);
        }
    }

  return edit_end (self, _(edit_labels[table]), ok, error);
}

/**
 * up_project_set_string:
 * @record: a record of the project, or the project itself
 * @property: the property (or column) to change, e.g. "title"
 *
 * Changes one text field. Setting the value it already has is no edit. A
 * line break or a tab in a field of one line (anything but a description
 * and the text of a note) is stored as a space.
 */
gboolean
up_project_set_string (UpProject   *self,
                       gpointer     record,
                       const char  *property,
                       const char  *value,
                       GError     **error)
{
  UpTableId table;
  const UpColumn *column;
  g_autofree char *one_line = NULL;
  gint64 id;
  guint index;
  UpRecord *current;

  g_return_val_if_fail (UP_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (property != NULL, FALSE);

  if (!resolve_field (self, record, property, &table, &id, &index, &column, error))
    return FALSE;
  g_return_val_if_fail (column->type == UP_COLUMN_TEXT || column->type == UP_COLUMN_DATE, FALSE);

  if (!check_text (self, value, error))
    return FALSE;
  /* Free text only: a choice or a date is taken exactly as given. */
  if (column->type == UP_COLUMN_TEXT && column->values == NULL &&
      (one_line = is_multiline (column) ? to_composed (value) : to_one_line (value)) != NULL)
    value = one_line;
  if (value[0] == '\0' && is_name (table, column))
    return invalid (self, error, _("A title or a name cannot be empty."));
  if (column->values != NULL && !check_enum (self, column->values, value, error))
    return FALSE;
  if (column->type == UP_COLUMN_DATE && !up_date_is_valid (value))
    return invalid (self, error, _("A date must be written as YYYY-MM-DD, for example 2026-11-28."));
  /* Only a one-day stage can become a milestone: move it first. */
  if (table == UP_TABLE_STAGE && index == UP_STAGE_KIND && g_str_equal (value, "milestone") &&
      !g_str_equal (up_stage_get_start_date (record), up_stage_get_end_date (record)))
    return invalid (self, error, _("A milestone is a single day: it starts and ends on the same date."));

  current = table == UP_TABLE_PROJECT ? self->info : record;
  if (g_strcmp0 (_up_record_get_string_at (current, index), value) == 0)
    return TRUE;

  return run_update (self, table, column, id, value, 0, error);
}

/**
 * up_project_set_int:
 *
 * Changes one number field, or a reference (0 clears it: a note's
 * "stage-id" set to 0 pins it to no stage).
 */
gboolean
up_project_set_int (UpProject   *self,
                    gpointer     record,
                    const char  *property,
                    gint64       value,
                    GError     **error)
{
  UpTableId table;
  const UpColumn *column;
  gint64 id;
  guint index;

  g_return_val_if_fail (UP_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (property != NULL, FALSE);

  if (!resolve_field (self, record, property, &table, &id, &index, &column, error))
    return FALSE;
  g_return_val_if_fail (column->type == UP_COLUMN_INT || column->type == UP_COLUMN_REF, FALSE);

  if (column->type == UP_COLUMN_INT && (value < column->min || value > column->max))
    {
      return out_of_range (self, column->min, column->max, error);
    }
  /* The only editable reference is a note's stage. */
  if (column->type == UP_COLUMN_REF && value != 0 &&
      lookup_internal (self, UP_TABLE_STAGE, value) == NULL)
    return invalid (self, error, _("The item is no longer part of the project."));

  if (_up_record_get_int_at (record, index) == value)
    return TRUE;

  return run_update (self, table, column, id, NULL, value, error);
}

/* Stages */

static gboolean
shift_positions (UpProject  *self,
                 const char *sql,
                 gint64      from,
                 gint64      to,
                 GError    **error)
{
  sqlite3_stmt *stmt = _up_store_prepare (self->store, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, from);
  if (sqlite3_bind_parameter_count (stmt) > 1)
    sqlite3_bind_int64 (stmt, 2, to);
  return run (self, stmt, error);
}

/**
 * up_project_add_stage:
 * @after: (nullable): the stage the new one follows in the timeline's row
 *   order; %NULL adds it last
 *
 * Returns: (transfer none): the new stage, or %NULL with @error set.
 */
UpStage *
up_project_add_stage (UpProject   *self,
                      const char  *kind,
                      const char  *title,
                      const char  *start_date,
                      const char  *end_date,
                      UpStage     *after,
                      GError     **error)
{
  sqlite3_stmt *stmt;
  g_autofree char *title_line = NULL;
  gint64 position;
  gboolean ok;
  UpStage *stage = NULL;

  g_return_val_if_fail (UP_IS_PROJECT (self), NULL);
  g_return_val_if_fail (after == NULL || UP_IS_STAGE (after), NULL);

  if (!check_enum (self, up_stage_kinds, kind, error) ||
      !check_text (self, title, error) ||
      !check_dates (self, start_date, end_date, error))
    return NULL;
  if ((title_line = to_one_line (title)) != NULL)
    title = title_line;
  if (after != NULL && !check_member (self, after, UP_TYPE_STAGE, error))
    return NULL;
  if (strcmp (kind, "milestone") == 0 && strcmp (start_date, end_date) != 0)
    {
      invalid (self, error, _("A milestone is a single day: it starts and ends on the same date."));
      return NULL;
    }

  position = after != NULL ? up_stage_get_position (after) + 1
                           : (gint64) g_hash_table_size (self->records[UP_TABLE_STAGE]);

  if (!edit_begin (self, error))
    return NULL;

  ok = shift_positions (self, "UPDATE stage SET position = position + 1 WHERE position >= ?1",
                        position, 0, error);
  if (ok)
    {
      stmt = _up_store_prepare (self->store,
                                "INSERT INTO stage (kind, title, start_date, end_date, position)"
                                " VALUES (?1, ?2, ?3, ?4, ?5)", error);
      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 2, title, -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 3, start_date, -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 4, end_date, -1, SQLITE_STATIC);
          sqlite3_bind_int64 (stmt, 5, position);
          ok = run (self, stmt, error);
        }
    }
  if (ok)
    sync_pending (self);
  if (ok)
    stage = UP_STAGE (last_inserted (self, UP_TABLE_STAGE));

  if (!edit_end (self, _("Add Stage"), ok, error))
    return NULL;
  return stage;
}

/**
 * up_project_move_stage:
 *
 * Gives @stage new dates (a move keeps the duration, a resize changes one
 * end). A stage can never end before it starts; a milestone stays one day.
 */
gboolean
up_project_move_stage (UpProject   *self,
                       UpStage     *stage,
                       const char  *start_date,
                       const char  *end_date,
                       GError     **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (UP_IS_PROJECT (self), FALSE);

  if (!check_member (self, stage, UP_TYPE_STAGE, error) ||
      !check_dates (self, start_date, end_date, error))
    return FALSE;
  if (up_stage_get_is_milestone (stage) && strcmp (start_date, end_date) != 0)
    return invalid (self, error, _("A milestone is a single day: it starts and ends on the same date."));

  if (strcmp (start_date, up_stage_get_start_date (stage)) == 0 &&
      strcmp (end_date, up_stage_get_end_date (stage)) == 0)
    return TRUE;

  if (!edit_begin (self, error))
    return FALSE;

  stmt = _up_store_prepare (self->store,
                            "UPDATE stage SET start_date = ?1, end_date = ?2 WHERE id = ?3", error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_text (stmt, 1, start_date, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, end_date, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 3, up_record_get_id (UP_RECORD (stage)));
      ok = run (self, stmt, error);
    }

  return edit_end (self, _("Move Stage"), ok, error);
}

/* The SQL that moves a row of a table ordered by "position" from one
 * place to another, the rows between shifting up or down by one. */
typedef struct
{
  const char *shift_up;     /* ?1 new, ?2 old: the rows from new to old move down */
  const char *shift_down;   /* ?1 old, ?2 new: the rows after old up to new move up */
  const char *set;          /* ?1 position, ?2 id */
} ReorderSql;

static gboolean
reorder_row (UpProject        *self,
             UpRecord         *record,
             UpTableId         table,
             gint64            old_position,
             guint             position,
             const ReorderSql *sql,
             const char       *label,
             GError          **error)
{
  sqlite3_stmt *stmt;
  gint64 new_position, n;
  gboolean ok;

  n = g_hash_table_size (self->records[table]);
  new_position = MIN ((gint64) position, n - 1);
  if (new_position == old_position)
    return TRUE;

  if (!edit_begin (self, error))
    return FALSE;

  if (new_position < old_position)
    ok = shift_positions (self, sql->shift_up, new_position, old_position, error);
  else
    ok = shift_positions (self, sql->shift_down, old_position, new_position, error);
  if (ok)
    {
      stmt = _up_store_prepare (self->store, sql->set, error);
      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (stmt, 1, new_position);
          sqlite3_bind_int64 (stmt, 2, up_record_get_id (record));
          ok = run (self, stmt, error);
        }
    }

  return edit_end (self, label, ok, error);
}

/**
 * up_project_reorder_stage:
 * @position: the new row, from 0; past the last row means last
 */
gboolean
up_project_reorder_stage (UpProject  *self,
                          UpStage    *stage,
                          guint       position,
                          GError    **error)
{
  static const ReorderSql sql = {
    "UPDATE stage SET position = position + 1 WHERE position >= ?1 AND position < ?2",
    "UPDATE stage SET position = position - 1 WHERE position > ?1 AND position <= ?2",
    "UPDATE stage SET position = ?1 WHERE id = ?2",
  };

  g_return_val_if_fail (UP_IS_PROJECT (self), FALSE);

  if (!check_member (self, stage, UP_TYPE_STAGE, error))
    return FALSE;

  return reorder_row (self, UP_RECORD (stage), UP_TABLE_STAGE, up_stage_get_position (stage),
                      position, &sql, _("Reorder Stages"), error);
}

static gboolean
delete_row (UpProject  *self,
            const char *sql,
            gint64      id,
            GError    **error)
{
  sqlite3_stmt *stmt = _up_store_prepare (self->store, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return run (self, stmt, error);
}

/**
 * up_project_duplicate_stage:
 * @title: the copy's title (the caller says "(copy)" in the user's language)
 *
 * Adds a copy of @stage right after it, in the list and in time: the day
 * after @stage ends, as long as it, of its kind, with its description and
 * its Agenda 2030 and local goal links; planned, whatever @stage's status,
 * and without its notes, which are of what was said at @stage. One undo
 * step.
 *
 * Returns: (transfer none): the copy, or %NULL with @error set
 */
UpStage *
up_project_duplicate_stage (UpProject   *self,
                            UpStage     *stage,
                            const char  *title,
                            GError     **error)
{
  g_autoptr(GPtrArray) links = NULL;
  g_autoptr(GPtrArray) goals = NULL;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  const char *description;
  UpStage *copy;
  int length;

  g_return_val_if_fail (UP_IS_PROJECT (self), NULL);
  g_return_val_if_fail (UP_IS_STAGE (stage), NULL);

  if (!check_member (self, stage, UP_TYPE_STAGE, error))
    return NULL;
  length = up_date_diff (up_stage_get_start_date (stage), up_stage_get_end_date (stage));
  start = up_date_add_days (up_stage_get_end_date (stage), 1);
  if (start == NULL || length < 0)
    {
      invalid (self, error, _("The stage has no dates that can be read, so it cannot be copied."));
      return NULL;
    }
  end = up_date_add_days (start, length);
  links = up_project_list_sdg_links (self, UP_RECORD (stage));
  goals = up_project_list_stage_local_goals (self, stage);
  description = up_stage_get_description (stage);

  up_project_begin_group (self, _("Duplicate Stage"));
  copy = up_project_add_stage (self, up_stage_get_kind (stage), title, start, end, stage, error);
  if (copy != NULL && description != NULL && description[0] != '\0' &&
      !up_project_set_string (self, copy, "description", description, error))
    copy = NULL;
  for (guint i = 0; copy != NULL && i < links->len; i++)
    {
      UpSdgLink *link = g_ptr_array_index (links, i);

      if (up_project_add_sdg_link (self, UP_RECORD (copy), up_sdg_link_get_target (link),
                                   up_sdg_link_get_impact (link), up_sdg_link_get_strength (link),
                                   up_sdg_link_get_comment (link), error) == NULL)
        copy = NULL;
    }
  for (guint i = 0; copy != NULL && i < goals->len; i++)
    if (!up_project_link_stage_local_goal (self, copy, g_ptr_array_index (goals, i), error))
      copy = NULL;

  /* the group's first error is the one reported: the rest went by it */
  if (!up_project_end_group (self, copy != NULL ? error : NULL) || copy == NULL)
    return NULL;
  return copy;
}

/**
 * up_project_delete_stage:
 * @with_notes: %TRUE deletes the notes pinned to @stage too; %FALSE keeps
 *   them, pinned to no stage
 *
 * Deletes @stage with its Agenda 2030 and local goal links. Undo brings
 * it all back with the same ids.
 */
gboolean
up_project_delete_stage (UpProject  *self,
                         UpStage    *stage,
                         gboolean    with_notes,
                         GError    **error)
{
  gint64 id, position;
  gboolean ok = TRUE;

  g_return_val_if_fail (UP_IS_PROJECT (self), FALSE);

  if (!check_member (self, stage, UP_TYPE_STAGE, error))
    return FALSE;

  id = up_record_get_id (UP_RECORD (stage));
  position = up_stage_get_position (stage);

  if (with_notes && !_up_store_ensure_note_index (self->store, error))
    return FALSE;
  if (!edit_begin (self, error))
    return FALSE;

  if (with_notes)
    ok = delete_row (self, "DELETE FROM note WHERE stage_id = ?1", id, error);
  if (ok)
    ok = delete_row (self, "DELETE FROM stage WHERE id = ?1", id, error);
  if (ok)
    ok = shift_positions (self, "UPDATE stage SET position = position - 1 WHERE position > ?1",
                          position, 0, error);

  return edit_end (self, _("Delete Stage"), ok, error);
}

/* Stakeholders */

UpStakeholder *
up_project_add_stakeholder (UpProject   *self,
                            const char  *name,
                            const char  *organisation,
                            const char  *category,
                            GError     **error)
{
  sqlite3_stmt *stmt;
  g_autofree char *name_line = NULL;
  g_autofree char *organisation_line = NULL;
  g_autofree char *now = NULL;
  UpStakeholder *stakeholder = NULL;
  gboolean ok;

  g_return_val_if_fail (UP_IS_PROJECT (self), NULL);

  if (organisation == NULL)
    organisation = "";
  if (!check_text (self, name, error) || !check_text (self, organisation, error) ||
      !check_enum (self, up_stakeholder_categories, category, error))
    return NULL;
  if ((name_line = to_one_line (name)) != NULL)
    name = name_line;
  if ((organisation_line = to_one_line (organisation)) != NULL)
    organisation = organisation_line;

  if (!edit_begin (self, error))
    return NULL;

  now = now_iso ();
  stmt = _up_store_prepare (self->store,
                            "INSERT INTO stakeholder (name, organisation, category, updated)"
                            " VALUES (?1, ?2, ?3, ?4)",
                            error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, organisation, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, category, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, now, -1, SQLITE_STATIC);
      ok = run (self, stmt, error);
    }
  if (ok)
    {
      sync_pending (self);
      stakeholder = UP_STAKEHOLDER (last_inserted (self, UP_TABLE_STAKEHOLDER));
    }

  if (!edit_end (self, _("Add Stakeholder"), ok, error))
    return NULL;
  return stakeholder;
}

gboolean
up_project_delete_stakeholder (UpProject      *self,
                               UpStakeholder  *stakeholder,
                               GError        **error)
{
  gboolean ok;

  g_return_val_if_fail (UP_IS_PROJECT (self), FALSE);

  if (!check_member (self, stakeholder, UP_TYPE_STAKEHOLDER, error))
    return FALSE;
  if (!edit_begin (self, error))
    return FALSE;

  ok = delete_row (self, "DELETE FROM stakeholder WHERE id = ?1",
                   up_record_get_id (UP_RECORD (stakeholder)), error);

  return edit_end (self, _("Delete Stakeholder"), ok, error);
}

/* Notes */

/**
 * up_project_add_note:
 * @said_on: (nullable): the day it was said; %NULL means today
 * @stage: (nullable): the stage it was said in
 *
 * Returns: (transfer none): the new note, an internal working note until
 *   its visibility is changed.
 */
UpNote *
up_project_add_note (UpProject   *self,
                     const char  *body,
                     const char  *kind,
                     const char  *said_on,
                     UpStage     *stage,
                     GError     **error)
{
  g_autofree char *today = NULL;
  g_autofree char *composed = NULL;
  g_autofree char *now = NULL;
  sqlite3_stmt *stmt;
  UpNote *note = NULL;
  gboolean ok;

  g_return_val_if_fail (UP_IS_PROJECT (self), NULL);

  if (said_on == NULL)
    said_on = today = today_iso ();
  if (!check_text (self, body, error) || !check_enum (self, up_note_kinds, kind, error))
    return NULL;
  if ((composed = to_composed (body)) != NULL)
    body = composed;
  if (!up_date_is_valid (said_on))
    {
      invalid (self, error, _("A date must be written as YYYY-MM-DD, for example 2026-11-28."));
      return NULL;
    }
  if (stage != NULL && !check_member (self, stage, UP_TYPE_STAGE, error))
    return NULL;

  if (!_up_store_ensure_note_index (self->store, error) || !edit_begin (self, error))
    return NULL;

  now = now_iso ();
  stmt = _up_store_prepare (self->store,
                            "INSERT INTO note (body, said_on, created, updated, kind, stage_id)"
                            " VALUES (?1, ?2, ?3, ?3, ?4, ?5)", error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_text (stmt, 1, body, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, said_on, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, now, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, kind, -1, SQLITE_STATIC);
      if (stage != NULL)
        sqlite3_bind_int64 (stmt, 5, up_record_get_id (UP_RECORD (stage)));
      else
        sqlite3_bind_null (stmt, 5);
      ok = run (self, stmt, error);
    }
  if (ok)
    {
      sync_pending (self);
      note = UP_NOTE (last_inserted (self, UP_TABLE_NOTE));
    }

  if (!edit_end (self, _("Add Note"), ok, error))
    return NULL;
  return note;
}

gboolean
up_project_delete_note (UpProject  *self,
                        UpNote     *note,
                        GError    **error)
{
  gboolean ok;

  g_return_val_if_fail (UP_IS_PROJECT (self), FALSE);

  if (!check_member (self, note, UP_TYPE_NOTE, error))
    return FALSE;
  if (!_up_store_ensure_note_index (self->store, error) || !edit_begin (self, error))
    return FALSE;

  ok = delete_row (self, "DELETE FROM note WHERE id = ?1", up_record_get_id (UP_RECORD (note)), error);

  return edit_end (self, _("Delete Note"), ok, error);
}

/* A link row between two records, written only when missing (link) or
 * present (unlink), so that a repeated click is no undo step. */
static gboolean
set_pair (UpProject  *self,
          const char *exists_sql,
          const char *change_sql,
          gboolean    want,
          gint64      a,
          gint64      b,
          const char *text,
          const char *label,
          GError    **error)
{
  sqlite3_stmt *stmt;
  gboolean present, ok;

  stmt = _up_store_prepare (self->store, exists_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, a);
  if (text != NULL)
    sqlite3_bind_text (stmt, 2, text, -1, SQLITE_STATIC);
  else
    sqlite3_bind_int64 (stmt, 2, b);
  present = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);

  if (present == want)
    return TRUE;

  if (!edit_begin (self, error))
    return FALSE;

  stmt = _up_store_prepare (self->store, change_sql, error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, a);
      if (text != NULL)
        sqlite3_bind_text (stmt, 2, text, -1, SQLITE_STATIC);
      else
        sqlite3_bind_int64 (stmt, 2, b);
      ok = run (self, stmt, error);
    }

  return edit_end (self, label, ok, error);
}

gboolean
up_project_link_note_stakeholder (UpProject      *self,
                                  UpNote         *note,
                                  UpStakeholder  *stakeholder,
                                  GError        **error)
{
  g_return_val_if_fail (UP_IS_PROJECT (self), FALSE);

  if (!check_member (self, note, UP_TYPE_NOTE, error) ||
      !check_member (self, stakeholder, UP_TYPE_STAKEHOLDER, error))
    return FALSE;

  return set_pair (self,
                   "SELECT 1 FROM note_stakeholder WHERE note_id = ?1 AND stakeholder_id = ?2",
                   "INSERT INTO note_stakeholder (note_id, stakeholder_id) VALUES (?1, ?2)",
                   TRUE, up_record_get_id (UP_RECORD (note)), up_record_get_id (UP_RECORD (stakeholder)),
                   NULL, _("Link Stakeholder to Note"), error);
}

gboolean
up_project_unlink_note_stakeholder (UpProject      *self,
                                    UpNote         *note,
                                    UpStakeholder  *stakeholder,
                                    GError        **error)
{
  g_return_val_if_fail (UP_IS_PROJECT (self), FALSE);

  if (!check_member (self, note, UP_TYPE_NOTE, error) ||
      !check_member (self, stakeholder, UP_TYPE_STAKEHOLDER, error))
    return FALSE;

  return set_pair (self,
                   "SELECT 1 FROM note_stakeholder WHERE note_id = ?1 AND stakeholder_id = ?2",
                   "DELETE FROM note_stakeholder WHERE note_id = ?1 AND stakeholder_id = ?2",
                   FALSE, up_record_get_id (UP_RECORD (note)), up_record_get_id (UP_RECORD (stakeholder)),
                   NULL, _("Unlink Stakeholder from Note"), error);
}

/* Agenda 2030 links */

/**
 * up_project_add_sdg_link:
 * @stage_or_note: the stage or note that serves the target
 * @target: a target id, "12.7"
 * @strength: 1 (weak) to 3 (strong)
 * @comment: (nullable): why
 *
 * Returns: (transfer none): the new link.
 */
UpSdgLink *
up_project_add_sdg_link (UpProject   *self,
                         UpRecord    *stage_or_note,
                         const char  *target,
                         const char  *impact,
                         int          strength,
                         const char  *comment,
                         GError     **error)
{
  sqlite3_stmt *stmt;
  g_autofree char *comment_line = NULL;
  UpSdgLink *link = NULL;
  gboolean ok;

  g_return_val_if_fail (UP_IS_PROJECT (self), NULL);
  g_return_val_if_fail (UP_IS_STAGE (stage_or_note) || UP_IS_NOTE (stage_or_note), NULL);

  if (comment == NULL)
    comment = "";
  if (!check_member (self, stage_or_note, UP_TYPE_RECORD, error) ||
      !check_target (self, target, error) ||
      !check_enum (self, up_sdg_impacts, impact, error) ||
      !check_text (self, comment, error))
    return NULL;
  if ((comment_line = to_one_line (comment)) != NULL)
    comment = comment_line;
  if (strength < 1 || strength > 3)
    {
      out_of_range (self, 1, 3, error);
      return NULL;
    }

  if (!edit_begin (self, error))
    return NULL;

  stmt = _up_store_prepare (self->store,
                            "INSERT INTO sdg_link (stage_id, note_id, target, impact, strength, comment)"
                            " VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);
  ok = stmt != NULL;
  if (ok)
    {
      if (UP_IS_STAGE (stage_or_note))
        sqlite3_bind_int64 (stmt, 1, up_record_get_id (stage_or_note));
      else
        sqlite3_bind_int64 (stmt, 2, up_record_get_id (stage_or_note));
      sqlite3_bind_text (stmt, 3, target, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, impact, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 5, strength);
      sqlite3_bind_text (stmt, 6, comment, -1, SQLITE_STATIC);
      ok = run (self, stmt, error);
    }
  if (ok)
    {
      sync_pending (self);
      link = UP_SDG_LINK (last_inserted (self, UP_TABLE_SDG_LINK));
    }

  if (!edit_end (self, _("Link Agenda 2030 Target"), ok, error))
    return NULL;
  return link;
}

gboolean
up_project_delete_sdg_link (UpProject  *self,
                            UpSdgLink  *link,
                            GError    **error)
{
  gboolean ok;

  g_return_val_if_fail (UP_IS_PROJECT (self), FALSE);

  if (!check_member (self, link, UP_TYPE_SDG_LINK, error))
    return FALSE;
  if (!edit_begin (self, error))
    return FALSE;

  ok = delete_row (self, "DELETE FROM sdg_link WHERE id = ?1", up_record_get_id (UP_RECORD (link)), error);

  return edit_end (self, _("Unlink Agenda 2030 Target"), ok, error);
}

/* Local goals */

UpLocalGoal *
up_project_add_local_goal (UpProject   *self,
                           const char  *level,
                           const char  *title,
                           GError     **error)
{
  sqlite3_stmt *stmt;
  g_autofree char *title_line = NULL;
  UpLocalGoal *goal = NULL;
  gboolean ok;

  g_return_val_if_fail (UP_IS_PROJECT (self), NULL);

  if (!check_enum (self, up_local_goal_levels, level, error) || !check_text (self, title, error))
    return NULL;
  if ((title_line = to_one_line (title)) != NULL)
    title = title_line;

  if (!edit_begin (self, error))
    return NULL;

  stmt = _up_store_prepare (self->store,
                            "INSERT INTO local_goal (level, title, position)"
                            " VALUES (?1, ?2, (SELECT count(*) FROM local_goal))", error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_text (stmt, 1, level, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, title, -1, SQLITE_STATIC);
      ok = run (self, stmt, error);
    }
  if (ok)
    {
      sync_pending (self);
      goal = UP_LOCAL_GOAL (last_inserted (self, UP_TABLE_LOCAL_GOAL));
    }

  if (!edit_end (self, _("Add Local Goal"), ok, error))
    return NULL;
  return goal;
}

/**
 * up_project_reorder_local_goal:
 * @position: the new place in the list of goals, from 0; past the last
 *   means last
 *
 * Moves @goal in the order the goals are listed and chosen in. One undo
 * step.
 */
gboolean
up_project_reorder_local_goal (UpProject    *self,
                               UpLocalGoal  *goal,
                               guint         position,
                               GError      **error)
{
  static const ReorderSql sql = {
    "UPDATE local_goal SET position = position + 1 WHERE position >= ?1 AND position < ?2",
    "UPDATE local_goal SET position = position - 1 WHERE position > ?1 AND position <= ?2",
    "UPDATE local_goal SET position = ?1 WHERE id = ?2",
  };

  g_return_val_if_fail (UP_IS_PROJECT (self), FALSE);

  if (!check_member (self, goal, UP_TYPE_LOCAL_GOAL, error))
    return FALSE;

  return reorder_row (self, UP_RECORD (goal), UP_TABLE_LOCAL_GOAL, up_local_goal_get_position (goal),
                      position, &sql, _("Reorder Local Goals"), error);
}

gboolean
up_project_delete_local_goal (UpProject    *self,
                              UpLocalGoal  *goal,
                              GError      **error)
{
  gint64 position;
  gboolean ok;

  g_return_val_if_fail (UP_IS_PROJECT (self), FALSE);

  if (!check_member (self, goal, UP_TYPE_LOCAL_GOAL, error))
    return FALSE;

  position = up_local_goal_get_position (goal);
  if (!edit_begin (self, error))
    return FALSE;

  ok = delete_row (self, "DELETE FROM local_goal WHERE id = ?1", up_record_get_id (UP_RECORD (goal)), error);
  if (ok)
    ok = shift_positions (self,
                          "UPDATE local_goal SET position = position - 1 WHERE position > ?1",
                          position, 0, error);

  return edit_end (self, _("Delete Local Goal"), ok, error);
}

gboolean
up_project_link_local_goal_target (UpProject    *self,
                                   UpLocalGoal  *goal,
                                   const char   *target,
                                   GError      **error)
{
  g_return_val_if_fail (UP_IS_PROJECT (self), FALSE);

  if (!check_member (self, goal, UP_TYPE_LOCAL_GOAL, error) || !check_target (self, target, error))
    return FALSE;

  return set_pair (self,
                   "SELECT 1 FROM local_goal_target WHERE goal_id = ?1 AND target = ?2",
                   "INSERT INTO local_goal_target (goal_id, target) VALUES (?1, ?2)",
                   TRUE, up_record_get_id (UP_RECORD (goal)), 0, target,
                   _("Link Local Goal to Target"), error);
}

gboolean
up_project_unlink_local_goal_target (UpProject    *self,
                                     UpLocalGoal  *goal,
                                     const char   *target,
                                     GError      **error)
{
  g_return_val_if_fail (UP_IS_PROJECT (self), FALSE);

  if (!check_member (self, goal, UP_TYPE_LOCAL_GOAL, error) || !check_target (self, target, error))
    return FALSE;

  return set_pair (self,
                   "SELECT 1 FROM local_goal_target WHERE goal_id = ?1 AND target = ?2",
                   "DELETE FROM local_goal_target WHERE goal_id = ?1 AND target = ?2",
                   FALSE, up_record_get_id (UP_RECORD (goal)), 0, target,
                   _("Unlink Local Goal from Target"), error);
}

gboolean
up_project_link_stage_local_goal (UpProject    *self,
                                  UpStage      *stage,
                                  UpLocalGoal  *goal,
                                  GError      **error)
{
  g_return_val_if_fail (UP_IS_PROJECT (self), FALSE);

  if (!check_member (self, stage, UP_TYPE_STAGE, error) ||
      !check_member (self, goal, UP_TYPE_LOCAL_GOAL, error))
    return FALSE;

  return set_pair (self,
                   "SELECT 1 FROM stage_local_goal WHERE stage_id = ?1 AND goal_id = ?2",
                   "INSERT INTO stage_local_goal (stage_id, goal_id) VALUES (?1, ?2)",
                   TRUE, up_record_get_id (UP_RECORD (stage)), up_record_get_id (UP_RECORD (goal)),
                   NULL, _("Link Stage to Local Goal"), error);
}

gboolean
up_project_unlink_stage_local_goal (UpProject    *self,
                                    UpStage      *stage,
                                    UpLocalGoal  *goal,
                                    GError      **error)
{
  g_return_val_if_fail (UP_IS_PROJECT (self), FALSE);

  if (!check_member (self, stage, UP_TYPE_STAGE, error) ||
      !check_member (self, goal, UP_TYPE_LOCAL_GOAL, error))
    return FALSE;

  return set_pair (self,
                   "SELECT 1 FROM stage_local_goal WHERE stage_id = ?1 AND goal_id = ?2",
                   "DELETE FROM stage_local_goal WHERE stage_id = ?1 AND goal_id = ?2",
                   FALSE, up_record_get_id (UP_RECORD (stage)), up_record_get_id (UP_RECORD (goal)),
                   NULL, _("Unlink Stage from Local Goal"), error);
}

/**
 * up_project_commit_pending:
 *
 * Asks every editor of the project to commit what was typed and not yet
 * committed (see "commit-pending"), before the project is closed or an
 * edit is undone by name.
 */
void
up_project_commit_pending (UpProject *self)
{
  g_return_if_fail (UP_IS_PROJECT (self));

  g_signal_emit (self, signals[COMMIT_PENDING], 0);
}

/* Groups, undo and redo */

void
up_project_begin_group (UpProject  *self,
                        const char *label)
{
  g_return_if_fail (UP_IS_PROJECT (self));

  if (self->group_depth++ > 0)
    return;

  g_clear_error (&self->group_error);
  g_free (self->group_label);
  self->group_label = g_strdup (label);
  if (!_up_store_begin (self->store, &self->group_error))
    return;
  self->synced_seq = 0;
}

gboolean
up_project_end_group (UpProject  *self,
                      GError    **error)
{
  g_autofree char *label = NULL;
  g_autoptr(GError) group_error = NULL;
  gboolean ok;

  g_return_val_if_fail (UP_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (self->group_depth > 0, FALSE);

  if (--self->group_depth > 0)
    return self->group_error == NULL;

  label = g_steal_pointer (&self->group_label);
  group_error = g_steal_pointer (&self->group_error);

  if (group_error != NULL)
    {
      if (_up_store_in_transaction (self->store))
        edit_abort (self);
      emit_group_changes (self);
      g_propagate_error (error, g_steal_pointer (&group_error));
      return FALSE;
    }

  ok = edit_end (self, label, TRUE, error);
  emit_group_changes (self);
  return ok;
}

static gboolean
touches_table (UpChangeSet *set,
               UpTableId    table)
{
  for (guint i = 0; i < set->changes->len; i++)
    if (g_array_index (set->changes, UpChange, i).table == table)
      return TRUE;
  return FALSE;
}

/* The change set @depth steps back on the undo stack, or the next redo
 * step (@depth 0). */
static UpChangeSet *
step_at (UpProject *self,
         guint      depth,
         gboolean   backwards)
{
  if (backwards)
    return _up_history_peek_undo_at (self->history, depth);
  return depth == 0 ? _up_history_peek_redo (self->history) : NULL;
}

/* Replays @n undo steps backwards from @first below the next one, or the
 * next redo step (@first 0, @n 1), in one transaction; the history is the
 * caller's to update. */
static gboolean
replay_steps (UpProject  *self,
              guint       first,
              guint       n,
              gboolean    backwards,
              GError    **error)
{
  g_autoptr(UpChangeSet) done = NULL;
  gboolean notes = FALSE;

  for (guint depth = first; depth < first + n; depth++)
    notes |= touches_table (step_at (self, depth, backwards), UP_TABLE_NOTE);
  if (notes && !_up_store_ensure_note_index (self->store, error))
    return FALSE;
  if (!_up_store_begin (self->store, error))
    return FALSE;
  self->synced_seq = 0;

  for (guint depth = first; depth < first + n; depth++)
    if (!_up_store_replay (self->store, step_at (self, depth, backwards), backwards, error))
      {
        edit_abort (self);
        return FALSE;
      }

  sync_pending (self);
  if (!commit (self, &done, error))
    return FALSE;
  reload_info (self);

  return TRUE;
}

static gboolean
replay (UpProject  *self,
        gboolean    backwards,
        GError    **error)
{
  g_return_val_if_fail (self->group_depth == 0, FALSE);

  if (step_at (self, 0, backwards) == NULL)
    return TRUE;
  if (!replay_steps (self, 0, 1, backwards, error))
    return FALSE;

  if (backwards)
    _up_history_did_undo (self->history);
  else
    _up_history_did_redo (self->history);

  return TRUE;
}

/**
 * up_project_undo:
 *
 * Undoes the last edit (or group) in one transaction. Doing nothing when
 * there is nothing to undo is not an error.
 */
gboolean
up_project_undo (UpProject  *self,
                 GError    **error)
{
  g_return_val_if_fail (UP_IS_PROJECT (self), FALSE);

  return replay (self, TRUE, error);
}

gboolean
up_project_redo (UpProject  *self,
                 GError    **error)
{
  g_return_val_if_fail (UP_IS_PROJECT (self), FALSE);

  return replay (self, FALSE, error);
}

GArray *
up_project_get_step_stages (UpProject *self,
                            gboolean   redo)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  UpChangeSet *set;

  g_return_val_if_fail (UP_IS_PROJECT (self), ids);

  set = step_at (self, 0, !redo);
  if (set == NULL)
    return ids;

  for (guint i = 0; i < set->changes->len; i++)
    {
      const UpChange *change = &g_array_index (set->changes, UpChange, i);
      gboolean listed = FALSE;

      if (change->table != UP_TABLE_STAGE)
        continue;
      for (guint j = 0; j < ids->len && !listed; j++)
        listed = g_array_index (ids, gint64, j) == change->id;
      if (!listed)
        g_array_append_val (ids, change->id);
    }

  return ids;
}

/* Whether two updates of one row change columns of their own (an update
 * keeps only the columns it changed, with the id). */
static gboolean
columns_apart (UpProject  *self,
               const char *a,
               const char *b)
{
  sqlite3_stmt *stmt;
  gboolean apart;

  stmt = _up_store_prepare (self->store,
                            "SELECT 1 FROM json_each(?1) AS a JOIN json_each(?2) AS b"
                            " ON a.key = b.key WHERE a.key <> 'id' LIMIT 1",
                            NULL);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, a, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, b, -1, SQLITE_STATIC);
  apart = sqlite3_step (stmt) == SQLITE_DONE;
  sqlite3_reset (stmt);

  return apart;
}

/* Whether the undo step @depth below the next one can be undone on its
 * own: every step after it changed other rows than it did, or other
 * columns of a row both updated. Then undoing it alone comes to the same
 * as undoing the later steps, it, and redoing them. */
static gboolean
undoable_alone (UpProject *self,
                guint      depth)
{
  static UpChange twice;  /* a row the step changed more than once */
  UpChangeSet *step = _up_history_peek_undo_at (self->history, depth);
  g_autoptr(GHashTable) rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < step->changes->len; i++)
    {
      UpChange *change = &g_array_index (step->changes, UpChange, i);
      char *key = g_strdup_printf ("%d:%" G_GINT64_FORMAT, change->table, change->id);

      if (g_hash_table_contains (rows, key))
        g_hash_table_insert (rows, key, &twice);
      else
        g_hash_table_insert (rows, key, change);
    }

  for (guint later = 0; later < depth; later++)
    {
      UpChangeSet *set = _up_history_peek_undo_at (self->history, later);

      for (guint i = 0; i < set->changes->len; i++)
        {
          UpChange *change = &g_array_index (set->changes, UpChange, i);
          g_autofree char *key = g_strdup_printf ("%d:%" G_GINT64_FORMAT, change->table, change->id);
          UpChange *mine = g_hash_table_lookup (rows, key);

          if (mine == NULL)
            continue;
          if (mine == &twice || mine->op != 'u' || change->op != 'u' ||
              !columns_apart (self, mine->new_row, change->new_row))
            return FALSE;
        }
    }

  return TRUE;
}

/**
 * up_project_can_undo_edit:
 * @serial: the step, as up_history_get_undo_serial() named it just after
 *   the edit
 *
 * Whether up_project_undo_edit() can undo that edit now: it is still in
 * the history, not undone, and every edit made after it changed other
 * rows (or other fields of the same rows).
 */
gboolean
up_project_can_undo_edit (UpProject *self,
                          guint      serial)
{
  gint depth;

  g_return_val_if_fail (UP_IS_PROJECT (self), FALSE);

  if (self->group_depth > 0 || serial == 0)
    return FALSE;

  depth = _up_history_find_undo (self->history, serial);
  return depth == 0 || (depth > 0 && undoable_alone (self, depth));
}

/**
 * up_project_undo_edit:
 * @serial: an edit that up_project_can_undo_edit() accepts
 *
 * Undoes that one edit, keeping those made after it (a delete's Undo
 * clicked when a text typed since had just been committed). The newest
 * edit is undone as up_project_undo() does; an older one leaves the
 * history, and with it what could be redone, so that redo never replays
 * an edit over rows the undo brought back. Undo then goes on with the
 * later edits.
 */
gboolean
up_project_undo_edit (UpProject  *self,
                      guint       serial,
                      GError    **error)
{
  gint depth;

  g_return_val_if_fail (UP_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (self->group_depth == 0, FALSE);
  g_return_val_if_fail (up_project_can_undo_edit (self, serial), FALSE);

  depth = _up_history_find_undo (self->history, serial);
  if (depth == 0)
    return replay (self, TRUE, error);

  if (!replay_steps (self, depth, 1, TRUE, error))
    return FALSE;
  _up_history_did_undo_at (self->history, depth);

  return TRUE;
}

/* Whether @change is of a row that hangs off the row @id of @table: a link
 * of a note to a stakeholder or to an Agenda 2030 target, which is part of
 * editing the note (a link table's row whose "<table>_id" is @id, before
 * or after the change). */
static gboolean
hangs_off (UpProject *self,
           UpChange  *change,
           UpTableId  table,
           gint64     id)
{
  g_autofree char *path = NULL;
  sqlite3_stmt *stmt;
  gboolean found;

  if (change->table != UP_TABLE_NOTE_STAKEHOLDER && change->table != UP_TABLE_SDG_LINK &&
      change->table != UP_TABLE_LOCAL_GOAL_TARGET && change->table != UP_TABLE_STAGE_LOCAL_GOAL)
    return FALSE;

  stmt = _up_store_prepare (self->store,
                            "SELECT 1 WHERE json_extract(?1, ?3) = ?4 OR json_extract(?2, ?3) = ?4",
                            NULL);
  if (stmt == NULL)
    return FALSE;
  path = g_strdup_printf ("$.%s_id", up_schema_tables[table].name);
  sqlite3_bind_text (stmt, 1, change->old_row, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, change->new_row, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, path, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, id);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  return found;
}

/* How many of the newest undo steps make up @record's life so far: its add
 * and, after it, changes of its own row and of the links that hang off it
 * (a stakeholder ticked for a note and unticked again) and nothing else.
 * 0 when another edit came after the add, the record is linked now by a
 * link made since its add, or the add is no longer in the history. */
static guint
steps_since_add (UpProject *self,
                 UpRecord  *record)
{
  UpTableId table = _up_record_get_table_id (record);
  gint64 id = up_record_get_id (record);
  /* Links made since the add less those removed: a record linked now is
   * in use, and stays. */
  int links = 0;
  UpChangeSet *set;

  for (guint depth = 0; (set = _up_history_peek_undo_at (self->history, depth)) != NULL; depth++)
    {
      gboolean adds = FALSE;
      int set_links = 0;

      for (guint i = 0; i < set->changes->len; i++)
        {
          UpChange *change = &g_array_index (set->changes, UpChange, i);

          if (change->table == table && change->id == id && change->op != 'd')
            adds |= change->op == 'i';
          else if (hangs_off (self, change, table, id))
            set_links += change->op == 'i' ? 1 : change->op == 'd' ? -1 : 0;
          else
            return 0;
        }
      /* Links made in the add's own step (a note added about a
       * stakeholder) are part of the add. */
      if (adds)
        return links == 0 ? depth + 1 : 0;
      links += set_links;
    }

  return 0;
}

/**
 * up_project_can_withdraw:
 * @record: a record of the project
 *
 * Whether up_project_withdraw() can take @record back: the newest undo
 * steps are its add and, after it, changes of its own row only.
 */
gboolean
up_project_can_withdraw (UpProject *self,
                         gpointer   record)
{
  g_return_val_if_fail (UP_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (UP_IS_RECORD (record), FALSE);

  if (self->group_depth > 0 || !check_member (self, record, UP_TYPE_RECORD, NULL))
    return FALSE;

  return steps_since_add (self, record) > 0;
}

/**
 * up_project_withdraw:
 * @record: a record that up_project_can_withdraw() accepts; it is no
 *   longer part of the project afterwards
 *
 * Takes back an add that came to nothing (a note added and left empty), as
 * if it had never been made: its add and the changes of it since are
 * undone in one transaction and forgotten, leaving neither an undo nor a
 * redo step. What the add had dropped from redo stays dropped.
 */
gboolean
up_project_withdraw (UpProject  *self,
                     gpointer    record,
                     GError    **error)
{
  guint n;

  g_return_val_if_fail (UP_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (self->group_depth == 0, FALSE);
  g_return_val_if_fail (up_project_can_withdraw (self, record), FALSE);

  n = steps_since_add (self, record);
  if (!replay_steps (self, 0, n, TRUE, error))
    return FALSE;
  _up_history_did_withdraw (self->history, n);

  return TRUE;
}
