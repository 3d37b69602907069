/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "up-store"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "up-store-private.h"

/* The largest project file that is opened: it is held in memory whole,
 * and each save makes a second copy of it. */
#define MAX_PROJECT_SIZE (G_GUINT64_CONSTANT (1) << 30)

/* How often a save that failed for want of space is tried again. */
#define NO_SPACE_RETRY_SECONDS 10
#define LOCK_WAIT_SECONDS 3
#define LOCK_POLL_USEC (20 * 1000)

/* A project file is never edited in place (see DESIGN.md, SQLite policy):
 * its bytes are read with GIO into an in-memory database, every edit is a
 * transaction on that database, and the whole database is written back by
 * an atomic replace off the main thread. No journal, WAL or lock file ever
 * sits beside the document, so it survives e-mail, network shares and the
 * document portal. */

struct _UpStore
{
  GObject      parent_instance;

  sqlite3     *db;
  GHashTable  *statements;      /* SQL text -> sqlite3_stmt */

  GFile       *file;
  /* The checks of the file's contents, while they run beside the reading
   * of its rows (see _up_store_open_checking()) */
  UpContentCheck *content_check;
  GFileMonitor *monitor;        /* of the file while following it */
  gboolean      following;      /* see up_store_follow_file() */
  GFile       *renamed_from;    /* its name before, until a save under the new one */
  char        *checksum;        /* of the file's bytes as we last read or wrote them */
  int          migrated_from;   /* schema version the file had, or -1 */
  gboolean     backup_done;

  gboolean     in_transaction;
  /* The note index has been checked (and rebuilt if it had to be) since
   * the open; a rebuild inside a transaction that then rolled back is
   * undone with it, and the next check runs again. */
  gboolean     note_index_checked;
  gboolean     note_index_rebuilt_in_transaction;
  gboolean     dirty;           /* edits not yet in the file on disk */
  gboolean     saving;          /* a save is running in a worker thread */
  gboolean     save_pending;    /* edits arrived while it ran */
  guint        edits;           /* counts committed edits */
  guint        edits_at_snapshot;
  guint        save_source;
  /* After a save failed for want of space, or because another program
   * held the file's lock, it is tried again this often while the edits
   * wait (the messages promise that); the source of the next try. */
  guint        retry_seconds;
  guint        retry_source;
  /* How long a save waits for another program's lock on the file (ms). */
  guint        lock_wait_ms;
  gboolean     conflict;        /* the file changed under us: the user chooses */
  GError      *save_error;
  /* The edits up to @kept_edits are in the recovery copy (when
   * @kept_valid): what a window may close on without losing anything. */
  guint        kept_edits;
  gboolean     kept_valid;
  /* and up to @copy_edits in a copy the user saved ("Save a Copy") */
  guint        copy_edits;
  gboolean     copy_valid;
  /* Names this store as the writer of a recovery copy (in its .owner
   * file): the copy of a document is shared by every process that has it
   * open, and a store writes over or removes only a copy it wrote. */
  char        *recovery_token;
  /* Held open, locked, while the store lives: tells other processes that
   * the writer of a copy named by recovery_token is still running (see
   * up_store_recovery_in_use()); -1 until the store first saves. */
  int          live_fd;
  /* Saves asked for by up_store_save_async() while another ran (GTask):
   * each starts when the one before it ends, in turn. */
  GQueue       waiting;
};

G_DEFINE_FINAL_TYPE (UpStore, up_store, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FILE,
  PROP_DIRTY,
  PROP_SAVING,
  PROP_SAVE_ERROR,
  N_PROPS
};

enum {
  SAVED,
  SAVE_FAILED,
  WRITTEN_ANEW,
  BACKED_UP,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char sqlite_header[16] = "SQLite format 3";

G_DEFINE_QUARK (up-store-error-quark, up_store_error)

/* Change sets */

UpChangeSet *
_up_change_set_new (void)
{
  UpChangeSet *set = g_new0 (UpChangeSet, 1);

  set->changes = g_array_new (FALSE, TRUE, sizeof (UpChange));
  return set;
}

void
_up_change_set_free (UpChangeSet *set)
{
  if (set == NULL)
    return;

  for (guint i = 0; i < set->changes->len; i++)
    {
      UpChange *change = &g_array_index (set->changes, UpChange, i);

      g_free (change->old_row);
      g_free (change->new_row);
    }
  g_array_unref (set->changes);
  g_free (set);
}

/* Helpers */

GFile *
up_store_get_recovery_dir (void)
{
  return g_file_new_build_filename (g_get_user_state_dir (), "upphandla", "recovery", NULL);
}

/* The file whose lock says that the store of @token runs. */
static char *
live_path_for (const char *token)
{
  g_autoptr(GFile) dir = up_store_get_recovery_dir ();
  g_autofree char *name = g_strconcat (token, ".live", NULL);

  return g_build_filename (g_file_peek_path (dir), name, NULL);
}

/* Removes the lock files of stores whose process ended without removing
 * its own (killed, crashed): no one holds their lock. */
static void
sweep_dead_live_locks (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = NULL;
      int fd;

      if (!g_str_has_suffix (name, ".live"))
        continue;
      path = g_build_filename (dir, name, NULL);
      fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
      if (fd < 0)
        continue;
      if (flock (fd, LOCK_EX | LOCK_NB) == 0)
        g_unlink (path);
      close (fd);
    }
}

/* Takes the lock that tells other processes this store runs, once: the
 * store is about to write a recovery copy that names it. Best effort: a
 * copy whose writer cannot be told from a dead one is offered as left
 * behind, as before there were such locks. */
static void
hold_live_lock (UpStore *self)
{
  g_autoptr(GFile) dir = NULL;
  g_autofree char *live = NULL;
  int fd;

  if (self->live_fd >= 0)
    return;

  dir = up_store_get_recovery_dir ();
  live = live_path_for (self->recovery_token);
  if (g_mkdir_with_parents (g_file_peek_path (dir), 0700) != 0)
    return;
  fd = g_open (live, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0)
    return;
  if (flock (fd, LOCK_EX | LOCK_NB) != 0)
    {
      close (fd);
      return;
    }
  self->live_fd = fd;
  sweep_dead_live_locks (g_file_peek_path (dir));
}

static char *
display_name (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);

  if (name == NULL)
    return g_file_get_parse_name (file);
  return g_filename_display_name (name);
}

static GFile *
fallback_file (void)
{
  return g_file_new_for_path (_("Untitled project"));
}

static void
set_file_error (GError     **error,
                UpStoreError code,
                GFile       *file)
{
  g_autofree char *name = display_name (file);

  switch (code)
    {
    case UP_STORE_ERROR_NOT_FOUND:
      g_set_error (error, UP_STORE_ERROR, code,
                   /* Translators: %1$s is a file name. */
                   _("The file “%1$s” does not exist. It may have been moved, renamed or deleted."), name);
      break;
    case UP_STORE_ERROR_IS_DIRECTORY:
      g_set_error (error, UP_STORE_ERROR, code,
                   /* Translators: %1$s is a file name. */
                   _("“%1$s” is a folder, not a project file."), name);
      break;
    case UP_STORE_ERROR_PERMISSION_DENIED:
      g_set_error (error, UP_STORE_ERROR, code,
                   /* Translators: %1$s is a file name. */
                   _("You do not have permission to read “%1$s”. Ask whoever sent or shared it for a copy you can read. The file has not been changed."), name);
      break;
    case UP_STORE_ERROR_EMPTY:
      g_set_error (error, UP_STORE_ERROR, code,
                   /* Translators: %1$s is a file name. */
                   _("“%1$s” is empty: it holds no project. It may not have been copied or sent whole; ask the sender for a new copy."), name);
      break;
    case UP_STORE_ERROR_NOT_DATABASE:
      g_set_error (error, UP_STORE_ERROR, code,
                   /* Translators: %1$s is a file name. */
                   _("“%1$s” is not an Upphandla project, or it is so damaged that it can no longer be read as one. Ask the sender for a new copy. The file has not been changed."), name);
      break;
    case UP_STORE_ERROR_NOT_PROJECT:
      g_set_error (error, UP_STORE_ERROR, code,
                   /* Translators: %1$s is a file name. */
                   _("“%1$s” is a database of another application, not an Upphandla project. Perhaps the wrong file was sent: ask the sender for the Upphandla project."), name);
      break;
    case UP_STORE_ERROR_TOO_LARGE:
      g_set_error (error, UP_STORE_ERROR, code,
                   /* Translators: %1$s is a file name. */
                   _("“%1$s” is too large to open: Upphandla opens projects of up to 1 GB. The file has not been changed."), name);
      break;
    case UP_STORE_ERROR_TOO_NEW:
      g_set_error (error, UP_STORE_ERROR, code,
                   /* Translators: %1$s is a file name. */
                   _("“%1$s” was saved by a newer version of Upphandla. Update Upphandla to open it."), name);
      break;
    case UP_STORE_ERROR_CORRUPT:
      g_set_error (error, UP_STORE_ERROR, code,
                   /* Translators: %1$s is a file name. */
                   _("“%1$s” is damaged or incomplete, perhaps cut off as it was sent or copied, and cannot be opened. Ask the sender for a new copy. The file has not been changed."), name);
      break;
    case UP_STORE_ERROR_MIGRATION_FAILED:
      g_set_error (error, UP_STORE_ERROR, code,
                   /* Translators: %1$s is a file name. */
                   _("“%1$s” was saved by an older version of Upphandla and could not be upgraded. The file has not been changed."), name);
      break;
    case UP_STORE_ERROR_READ_FAILED:
    case UP_STORE_ERROR_NO_SPACE:
    case UP_STORE_ERROR_READ_ONLY:
    case UP_STORE_ERROR_CONFLICT:
    case UP_STORE_ERROR_WRITE_FAILED:
    case UP_STORE_ERROR_INVALID:
    case UP_STORE_ERROR_FAILED:
    case UP_STORE_ERROR_BUSY:
    default:
      g_assert_not_reached ();
    }
}

/* Kinds of file that are sent instead of a project, told by their first
 * bytes. The table is the program's own rather than the system's MIME
 * database: it says the same in every installation, in the language of
 * the interface, and costs no memory that stays (GIO's content sniffing
 * keeps caches for the life of the process). */
typedef struct
{
  const char *magic;
  gsize       magic_size;
  const char *contains;      /* also somewhere in the header, or NULL */
  const char *description;
} FileKind;

#define MAGIC(s) s, sizeof s - 1

static const FileKind file_kinds[] = {
  /* Translators: What a file is instead of a project, in "“%1$s” is
   * not an Upphandla project but %2$s." */
  { MAGIC ("%PDF-"), NULL, N_("a PDF document") },
  /* Word, Excel and PowerPoint files since 2007 are ZIP archives whose
   * first entry is [Content_Types].xml; OpenDocument's is "mimetype". */
  { MAGIC ("PK\x03\x04"), "[Content_Types].xml", N_("a Word, Excel or PowerPoint document") },
  { MAGIC ("PK\x03\x04"), "opendocument", N_("a LibreOffice document") },
  { MAGIC ("PK\x03\x04"), NULL, N_("a ZIP archive") },
  /* Word, Excel and PowerPoint files before 2007 */
  { MAGIC ("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"), NULL, N_("a Word, Excel or PowerPoint document") },
  { MAGIC ("{\\rtf"), NULL, N_("an RTF document") },
  { MAGIC ("\x89PNG\r\n\x1a\n"), NULL, N_("a PNG image") },
  { MAGIC ("\xff\xd8\xff"), NULL, N_("a JPEG image") },
  { MAGIC ("GIF8"), NULL, N_("a GIF image") },
};

static gboolean
header_contains (const guint8 *header,
                 gsize         header_size,
                 const char   *needle)
{
  gsize needle_size = strlen (needle);

  for (gsize i = 0; i + needle_size <= header_size; i++)
    if (memcmp (header + i, needle, needle_size) == 0)
      return TRUE;
  return FALSE;
}

/* Text of one line or many (a CSV export, notes, a mail): UTF-8 with no
 * control characters but line breaks and tabs. */
static gboolean
header_is_text (const guint8 *header,
                gsize         header_size)
{
  const char *end = NULL;

  if (header_size == 0)
    return FALSE;
  /* the header may end inside a character */
  if (!g_utf8_validate_len ((const char *) header, header_size, &end) &&
      (gsize) ((const guint8 *) end - header) + 4 <= header_size)
    return FALSE;
  for (const guint8 *p = header; p < (const guint8 *) end; p++)
    if ((*p < 0x20 && *p != '\n' && *p != '\r' && *p != '\t') || *p == 0x7f)
      return FALSE;
  return TRUE;
}

/* A file that is not an SQLite file at all: another kind of file (a PDF,
 * a document renamed, a picture) is told by its first bytes and named, so
 * that the participant asks for the right file rather than a new copy of
 * the wrong one. What cannot be told, or the start of an SQLite header
 * cut off, may be a project damaged beyond reading. */
static void
set_not_database_error (GError       **error,
                        GFile         *file,
                        const guint8  *header,
                        gsize          header_size)
{
  g_autofree char *name = NULL;
  const char *description = NULL;

  if (header_size > 0 && header_size < sizeof sqlite_header &&
      memcmp (header, sqlite_header, header_size) == 0)
    {
      set_file_error (error, UP_STORE_ERROR_NOT_DATABASE, file);
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (file_kinds) && description == NULL; i++)
    {
      const FileKind *kind = &file_kinds[i];

      if (header_size >= kind->magic_size && memcmp (header, kind->magic, kind->magic_size) == 0 &&
          (kind->contains == NULL || header_contains (header, header_size, kind->contains)))
        description = _(kind->description);
    }
  if (description == NULL && header_is_text (header, header_size))
    description = _("a text file");

  if (description == NULL)
    {
      set_file_error (error, UP_STORE_ERROR_NOT_DATABASE, file);
      return;
    }

  name = display_name (file);
  g_set_error (error, UP_STORE_ERROR, UP_STORE_ERROR_NOT_DATABASE,
               /* Translators: %1$s is a file name, %2$s what kind of file
                * it is, such as "a PDF document". */
               _("“%1$s” is not an Upphandla project but %2$s. Perhaps the wrong file was sent, or it was renamed: ask the sender for the Upphandla project."),
               name, description);
}

void
_up_store_set_db_error (UpStore  *self,
                        int       rc,
                        GError  **error)
{
  int primary = rc & 0xff;

  if (primary == SQLITE_CONSTRAINT)
    g_set_error (error, UP_STORE_ERROR, UP_STORE_ERROR_INVALID,
                 /* Translators: %1$s is a technical message from the database. */
                 _("The change does not fit the project: %1$s"),
                 sqlite3_errmsg (self->db));
  else
    g_set_error (error, UP_STORE_ERROR, UP_STORE_ERROR_FAILED,
                 /* Translators: %1$s is a technical message from the database. */
                 _("The project could not be changed: %1$s"),
                 sqlite3_errmsg (self->db));
}

static gboolean
exec_sql (UpStore     *self,
          const char  *sql,
          GError     **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      _up_store_set_db_error (self, rc, error);
      return FALSE;
    }
  return TRUE;
}

sqlite3 *
_up_store_get_db (UpStore *self)
{
  g_return_val_if_fail (UP_IS_STORE (self), NULL);

  return self->db;
}

/* Statements are prepared once per connection and kept: the SQL is always
 * one of the program's constant strings, never text a user typed. */
sqlite3_stmt *
_up_store_prepare (UpStore     *self,
                   const char  *sql,
                   GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);

  if (stmt == NULL)
    {
      int rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);

      if (rc != SQLITE_OK)
        {
          _up_store_set_db_error (self, rc, error);
          return NULL;
        }
      g_hash_table_insert (self->statements, g_strdup (sql), stmt);
    }
  else
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
    }

  return stmt;
}

gboolean
_up_store_step_done (UpStore       *self,
                     sqlite3_stmt  *stmt,
                     GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      _up_store_set_db_error (self, rc, error);
      return FALSE;
    }
  return TRUE;
}

static gint64
pragma_int (UpStore    *self,
            const char *sql,
            int        *rc_out)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value = 0;
  int rc;

  rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          value = sqlite3_column_int64 (stmt, 0);
          rc = SQLITE_OK;
        }
    }
  sqlite3_finalize (stmt);
  *rc_out = rc;
  return value;
}

/* PRAGMA quick_check answers with text, not an error code: "ok", or a list
 * of what is wrong. A damaged page can also fail the statement itself. */
static gboolean
quick_check_ok (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;

  if (sqlite3_prepare_v2 (db, "PRAGMA quick_check", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *result = (const char *) sqlite3_column_text (stmt, 0);

      ok = g_strcmp0 (result, "ok") == 0 && sqlite3_step (stmt) == SQLITE_DONE;
    }
  sqlite3_finalize (stmt);
  return ok;
}

/* The change log: temporary triggers (never part of the file) write each
 * changed row into a temporary table as JSON, old and new. */
static char *
json_of_row (const UpTable *table,
             const char    *which)
{
  GString *sql = g_string_new ("json_object('id', ");

  g_string_append_printf (sql, "%s.id", which);
  for (guint i = 0; i < table->n_columns; i++)
    {
      const UpColumn *column = &table->columns[i];

      /* created and modified of the project are bookkeeping, not edits */
      if (table == &up_schema_tables[UP_TABLE_PROJECT] && !column->editable)
        continue;
      g_string_append_printf (sql, ", '%s', %s.%s", column->name, which, column->name);
    }
  g_string_append (sql, ")");
  return g_string_free (sql, FALSE);
}

/* Of an update, the id and the columns it changed only: the undo history
 * keeps these, and a reorder, which renumbers every stage after the one
 * moved, would otherwise keep each of those stages whole, twice (see
 * _up_store_replay()). Joined as text, without a JSON object to parse. */
static char *
json_of_update (const UpTable *table,
                const char    *which)
{
  GString *sql = g_string_new (NULL);

  g_string_append_printf (sql, "'{\"id\":' || %s.id", which);
  for (guint i = 0; i < table->n_columns; i++)
    {
      const char *name = table->columns[i].name;

      if (table == &up_schema_tables[UP_TABLE_PROJECT] && !table->columns[i].editable)
        continue;
      g_string_append_printf (sql,
                              " || CASE WHEN old.%1$s IS new.%1$s THEN ''"
                              " ELSE ',\"%1$s\":' || json_quote(%2$s.%1$s) END",
                              name, which);
    }
  g_string_append (sql, " || '}'");
  return g_string_free (sql, FALSE);
}

static gboolean
create_change_log (UpStore  *self,
                   GError  **error)
{
  g_autoptr(GString) sql = g_string_new (
    "CREATE TEMP TABLE up_log ("
    "  seq INTEGER PRIMARY KEY, tbl INTEGER NOT NULL, op TEXT NOT NULL,"
    "  row INTEGER NOT NULL, old TEXT, new TEXT);");

  for (guint t = 0; t < UP_N_TABLES; t++)
    {
      const UpTable *table = &up_schema_tables[t];
      g_autofree char *old_row = json_of_row (table, "old");
      g_autofree char *new_row = json_of_row (table, "new");
      g_autofree char *old_update = json_of_update (table, "old");
      g_autofree char *new_update = json_of_update (table, "new");
      const char *update_of = "";

      if (t == UP_TABLE_PROJECT)
        update_of = " OF title, organisation, description";

      g_string_append_printf (sql,
        "CREATE TEMP TRIGGER up_log_%1$s_insert AFTER INSERT ON main.%1$s BEGIN"
        "  INSERT INTO up_log (tbl, op, row, old, new) VALUES (%2$u, 'i', new.id, NULL, %3$s);"
        "END;"
        "CREATE TEMP TRIGGER up_log_%1$s_update AFTER UPDATE%5$s ON main.%1$s BEGIN"
        "  INSERT INTO up_log (tbl, op, row, old, new) VALUES (%2$u, 'u', new.id, %7$s, %6$s);"
        "END;"
        "CREATE TEMP TRIGGER up_log_%1$s_delete AFTER DELETE ON main.%1$s BEGIN"
        "  INSERT INTO up_log (tbl, op, row, old, new) VALUES (%2$u, 'd', old.id, %4$s, NULL);"
        "END;",
        table->name, t, new_row, old_row, update_of, new_update, old_update);
    }

  return exec_sql (self, sql->str, error);
}

static gboolean
configure_connection (UpStore  *self,
                      GError  **error)
{
  /* temp_store: the change log must not create a file in /tmp either.
   * trusted_schema stays on: the note index's triggers write to an FTS5
   * table, which SQLite 3.40 does not mark as safe for untrusted schemas;
   * the connection loads no extensions and defines no functions of its own. */
  return exec_sql (self,
                   "PRAGMA foreign_keys = ON;"
                   "PRAGMA temp_store = MEMORY;",
                   error);
}

static gboolean
migrate (UpStore  *self,
         int       from,
         GFile    *file,
         GError  **error)
{
  for (int version = from + 1; version <= UP_SCHEMA_VERSION; version++)
    {
      g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %d;", version);
      g_autoptr(GError) local_error = NULL;

      /* One transaction per step: a failed step leaves the last good one. */
      if (!exec_sql (self, "BEGIN IMMEDIATE;", &local_error) ||
          !exec_sql (self, up_schema_migrations[version - 1], &local_error) ||
          !exec_sql (self, set_version, &local_error) ||
          !exec_sql (self, "COMMIT;", &local_error))
        {
          sqlite3_exec (self->db, "ROLLBACK;", NULL, NULL, NULL);
          g_debug ("Migration to version %d failed: %s", version, local_error->message);
          if (file != NULL)
            set_file_error (error, UP_STORE_ERROR_MIGRATION_FAILED, file);
          else
            g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }

  return TRUE;
}

static void on_file_changed (GFileMonitor      *monitor,
                             GFile             *file,
                             GFile             *other_file,
                             GFileMonitorEvent  event,
                             UpStore           *self);

static void
unwatch_file (UpStore *self)
{
  if (self->monitor == NULL)
    return;
  g_signal_handlers_disconnect_by_func (self->monitor, on_file_changed, self);
  g_file_monitor_cancel (self->monitor);
  g_clear_object (&self->monitor);
}

/* GObject */

static gboolean content_check_finish (UpStore *self);

static void
up_store_finalize (GObject *object)
{
  UpStore *self = UP_STORE (object);

  g_clear_handle_id (&self->save_source, g_source_remove);
  g_clear_handle_id (&self->retry_source, g_source_remove);
  content_check_finish (self);
  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->db, sqlite3_close_v2);
  unwatch_file (self);
  g_clear_object (&self->file);
  g_clear_object (&self->renamed_from);
  g_clear_pointer (&self->checksum, g_free);
  g_clear_error (&self->save_error);
  if (self->live_fd >= 0)
    {
      g_autofree char *live = live_path_for (self->recovery_token);

      g_unlink (live);
      close (self->live_fd);
    }
  g_clear_pointer (&self->recovery_token, g_free);

  G_OBJECT_CLASS (up_store_parent_class)->finalize (object);
}

static void
up_store_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  UpStore *self = UP_STORE (object);

  switch (prop_id)
    {
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_DIRTY:
      g_value_set_boolean (value, self->dirty);
      break;
    case PROP_SAVING:
      g_value_set_boolean (value, self->saving);
      break;
    case PROP_SAVE_ERROR:
      g_value_set_boxed (value, self->save_error);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
up_store_class_init (UpStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = up_store_finalize;
  object_class->get_property = up_store_get_property;

  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DIRTY] =
    g_param_spec_boolean ("dirty", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SAVING] =
    g_param_spec_boolean ("saving", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SAVE_ERROR] =
    g_param_spec_boxed ("save-error", NULL, NULL, G_TYPE_ERROR,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SAVE_FAILED] =
    g_signal_new ("save-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                  G_TYPE_ERROR | G_SIGNAL_TYPE_STATIC_SCOPE);
  signals[WRITTEN_ANEW] =
    g_signal_new ("written-anew", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[BACKED_UP] =
    g_signal_new ("backed-up", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_FILE);
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
up_store_init (UpStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);
  self->migrated_from = -1;
  self->retry_seconds = NO_SPACE_RETRY_SECONDS;
  self->lock_wait_ms = LOCK_WAIT_SECONDS * 1000;
  self->recovery_token = g_uuid_string_random ();
  self->live_fd = -1;
}

static gboolean
open_memory (UpStore  *self,
             GError  **error)
{
  int rc = sqlite3_open_v2 (":memory:", &self->db,
                            SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);

  if (rc != SQLITE_OK)
    {
      g_set_error (error, UP_STORE_ERROR, UP_STORE_ERROR_FAILED,
                   /* Translators: %1$s is a technical message from the database. */
                   _("The project could not be created: %1$s"), sqlite3_errstr (rc));
      return FALSE;
    }
  sqlite3_extended_result_codes (self->db, TRUE);
  return TRUE;
}

static char *
now_iso (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

/* Tells two versions of a file apart. The mtime etag is not enough: two
 * writes within one tick of the file system's clock share it. This is not
 * a defence against anyone crafting a collision (nobody gains from that),
 * so a fast 64-bit hash of four lanes of 8-byte words does, plus the size:
 * a cryptographic hash cost a tenth of the time of opening a large
 * project. Each lane is a bijection of its state for fixed later words, so
 * a change of any one word always changes the result. */
static char *
checksum_of (const guint8 *data,
             gsize         size)
{
  const guint64 prime = G_GUINT64_CONSTANT (0x100000001b3);
  guint64 lane[4] = {
    G_GUINT64_CONSTANT (0xcbf29ce484222325), G_GUINT64_CONSTANT (0x9e3779b97f4a7c15),
    G_GUINT64_CONSTANT (0x243f6a8885a308d3), G_GUINT64_CONSTANT (0x13198a2e03707344),
  };
  guint64 h;
  gsize i = 0;

  for (; i + 32 <= size; i += 32)
    for (guint l = 0; l < 4; l++)
      {
        guint64 w;

        memcpy (&w, data + i + 8 * l, sizeof w);
        lane[l] = (lane[l] ^ w) * prime;
        lane[l] ^= lane[l] >> 29;
      }
  for (; i < size; i++)
    lane[i % 4] = (lane[i % 4] ^ data[i]) * prime;

  h = lane[0] ^ (lane[1] * 3) ^ (lane[2] * 5) ^ (lane[3] * 7);
  return g_strdup_printf ("%" G_GSIZE_FORMAT "-%016" G_GINT64_MODIFIER "x-%016" G_GINT64_MODIFIER "x",
                          size, h, lane[0] ^ lane[2]);
}

/**
 * up_store_new:
 *
 * Creates an empty project database in memory, at the current schema
 * version, with no file yet (see up_store_set_file()).
 */
UpStore *
up_store_new (GError **error)
{
  g_autoptr(UpStore) self = g_object_new (UP_TYPE_STORE, NULL);
  g_autofree char *set_id = g_strdup_printf ("PRAGMA application_id = %d;", UP_APPLICATION_ID);

  if (!open_memory (self, error) ||
      !configure_connection (self, error) ||
      !exec_sql (self, set_id, error) ||
      !migrate (self, 0, NULL, error))
    return NULL;

  if (!create_change_log (self, error))
    return NULL;

  /* A new database's index is as FTS5 made it. */
  self->note_index_checked = TRUE;
  return g_steal_pointer (&self);
}

/* A reference to a row that is not there (a file another program wrote)
 * would make the undo of any edit of that row fail for good. */
static gboolean
foreign_keys_hold (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;

  if (sqlite3_prepare_v2 (db, "PRAGMA foreign_key_check", -1, &stmt, NULL) == SQLITE_OK)
    ok = sqlite3_step (stmt) == SQLITE_DONE;
  sqlite3_finalize (stmt);
  return ok;
}

/* A stage's dates are ISO dates of the years 1 to 9999 (as up_date_parse()
 * reads them): the timeline, the exports and the CHECK on their order,
 * which compares text, depend on it. date() answers NULL for what is no
 * date, and with a modifier another day for one that does not exist
 * (February 30). */
static gboolean
stage_dates_hold (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;

  if (sqlite3_prepare_v2 (db,
                          "SELECT count(*) FROM stage"
                          " WHERE date(start_date, '+0 days') IS NOT start_date"
                          " OR date(end_date, '+0 days') IS NOT end_date"
                          " OR start_date < '0001' OR end_date < '0001'",
                          -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    ok = sqlite3_column_int64 (stmt, 0) == 0;
  sqlite3_finalize (stmt);
  return ok;
}

/* The checks of a file's contents that read all of it: its pages
 * (quick_check, 36 ms of the 100 ms a project of 20,000 stages takes to
 * open), its references and its stages' dates. */
static gboolean
contents_hold (sqlite3 *db)
{
  return quick_check_ok (db) && foreign_keys_hold (db) && stage_dates_hold (db);
}

/* A file of this version is checked on a thread of its own, on a
 * connection of its own over the file's bytes as they were read, while
 * the project's rows are read into the model from the other (see
 * _up_store_open_checking()): the two take about as long. */
struct _UpContentCheck
{
  GBytes  *bytes;
  GThread *thread;
  gboolean ok;
};

static gpointer
content_check_run (gpointer data)
{
  UpContentCheck *check = data;
  sqlite3 *db = NULL;
  gsize size;
  const guint8 *bytes = g_bytes_get_data (check->bytes, &size);

  /* Read only, and SQLite neither frees nor grows the bytes it is lent. */
  check->ok = sqlite3_open_v2 (":memory:", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) == SQLITE_OK &&
              sqlite3_deserialize (db, "main", (guint8 *) bytes, size, size, SQLITE_DESERIALIZE_READONLY) == SQLITE_OK &&
              contents_hold (db);
  sqlite3_close (db);
  return NULL;
}

static void
content_check_start (UpStore *self,
                     GBytes  *bytes)
{
  UpContentCheck *check = g_new0 (UpContentCheck, 1);

  g_assert (self->content_check == NULL);
  check->bytes = g_bytes_ref (bytes);
  check->thread = g_thread_try_new ("upphandla-check", content_check_run, check, NULL);
  if (check->thread == NULL)
    content_check_run (check);
  self->content_check = check;
}

/* Waits for the checks begun by content_check_start(), if any; whether
 * the contents hold. */
static gboolean
content_check_finish (UpStore *self)
{
  UpContentCheck *check = g_steal_pointer (&self->content_check);
  gboolean ok;

  if (check == NULL)
    return TRUE;
  if (check->thread != NULL)
    g_thread_join (check->thread);
  ok = check->ok;
  g_bytes_unref (check->bytes);
  g_free (check);
  return ok;
}

static gboolean
finish_checks (UpStore  *self,
               GFile    *file,
               GError  **error)
{
  if (content_check_finish (self))
    return TRUE;
  set_file_error (error, UP_STORE_ERROR_CORRUPT, file);
  return FALSE;
}

static gboolean
table_is_table (UpStore    *self,
                const char *name)
{
  sqlite3_stmt *stmt = NULL;
  gboolean found = FALSE;

  if (sqlite3_prepare_v2 (self->db,
                          "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?1",
                          -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
      found = sqlite3_step (stmt) == SQLITE_ROW;
    }
  sqlite3_finalize (stmt);
  return found;
}

/* The note index of a file is never read: it is made anew from the notes
 * before its first use. PRAGMA quick_check of SQLite 3.40 does not look
 * inside an FTS5 index, and FTS5's own 'integrity-check', which the
 * check of the index was, crashed SQLite (a read out of bounds) on a file
 * whose index blocks were crafted (tests/fuzz: fuzz-open). The index is
 * external content, derived from note.body alone, so nothing is lost:
 * it is rebuilt in memory, and the file keeps its bytes until the next
 * edit saves. A savepoint, so that it also runs inside an edit's
 * transaction (a group of edits that adds a note). */
static gboolean
rebuild_note_index (UpStore *self)
{
  int rc;

  /* 'rebuild' alone cannot start where the index's structure record is
   * damaged (FTS5 reads it to open the table at all): the shadow tables
   * first go back to those of an empty index, as FTS5 itself writes them. */
  g_debug ("Making the note index anew from the notes");
  rc = sqlite3_exec (self->db,
                     "SAVEPOINT up_note_index;"
                     "DELETE FROM note_fts_data;"
                     "INSERT INTO note_fts_data (id, block) VALUES (1, X''), (10, X'00000000000000');"
                     "DELETE FROM note_fts_idx;"
                     "DELETE FROM note_fts_docsize;"
                     "INSERT INTO note_fts (note_fts) VALUES ('rebuild');"
                     "INSERT INTO note_fts (note_fts) VALUES ('integrity-check');"
                     "RELEASE up_note_index;",
                     NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      sqlite3_exec (self->db, "ROLLBACK TO up_note_index; RELEASE up_note_index;", NULL, NULL, NULL);
      return FALSE;
    }
  return TRUE;
}

/**
 * _up_store_ensure_note_index:
 *
 * Makes the note index of an opened file anew from the notes, once,
 * before its first use (see rebuild_note_index()). Searches and edits
 * that write a note call it first; anything else never reads the index.
 *
 * Returns: %FALSE with %UP_STORE_ERROR_CORRUPT if the index cannot be
 * made whole.
 */
gboolean
_up_store_ensure_note_index (UpStore  *self,
                             GError  **error)
{
  g_return_val_if_fail (UP_IS_STORE (self), FALSE);

  if (self->note_index_checked)
    return TRUE;

  if (!rebuild_note_index (self))
    {
      g_autoptr(GFile) name = self->file != NULL ? g_object_ref (self->file) : fallback_file ();

      set_file_error (error, UP_STORE_ERROR_CORRUPT, name);
      return FALSE;
    }
  self->note_index_rebuilt_in_transaction = self->in_transaction;

  self->note_index_checked = TRUE;
  return TRUE;
}

/* The database header: the first 100 bytes of an SQLite file. */
#define HEADER_SIZE 100

static guint32
read_be32 (const guint8 *data)
{
  return ((guint32) data[0] << 24) | ((guint32) data[1] << 16) | ((guint32) data[2] << 8) | data[3];
}

static guint32
header_page_size (const guint8 *header)
{
  guint32 page_size = (header[16] << 8) | header[17];

  return page_size == 1 ? 65536 : page_size;
}

/* The checks that a file's header (its first @header_size bytes, all of
 * them up to HEADER_SIZE) and its @size decide, in the order opening
 * makes them: empty, not an SQLite file, cut off, not whole pages. */
static gboolean
header_ok (const guint8  *header,
           gsize          header_size,
           guint64        size,
           GFile         *file,
           GError       **error)
{
  guint32 page_size, header_pages;

  if (size == 0)
    {
      set_file_error (error, UP_STORE_ERROR_EMPTY, file);
      return FALSE;
    }

  if (header_size < sizeof sqlite_header || memcmp (header, sqlite_header, sizeof sqlite_header) != 0)
    {
      set_not_database_error (error, file, header, header_size);
      return FALSE;
    }

  /* A file cut off inside its 100-byte header is an SQLite file, damaged. */
  if (size < HEADER_SIZE)
    {
      set_file_error (error, UP_STORE_ERROR_CORRUPT, file);
      return FALSE;
    }

  /* SQLite reads a short last page as zeros and its checks accept that:
   * the file must be whole pages, as many as its header says. */
  page_size = header_page_size (header);
  header_pages = read_be32 (header + 28);
  if (page_size < 512 || page_size > 65536 || (page_size & (page_size - 1)) != 0 ||
      size % page_size != 0 ||
      (header_pages != 0 && memcmp (header + 24, header + 92, 4) == 0 &&
       (guint64) header_pages * page_size != size))
    {
      set_file_error (error, UP_STORE_ERROR_CORRUPT, file);
      return FALSE;
    }

  return TRUE;
}

/* Whether SQLite opens a database with this header, by the checks its
 * lockBtree() makes of it (file format versions, WAL mode read as
 * opening does, payload fractions, usable page size): only then is the
 * application id at offset 68 what PRAGMA application_id answers. */
static gboolean
header_is_readable (const guint8 *header)
{
  return ((header[18] == 1 && header[19] == 1) || (header[18] == 2 && header[19] == 2)) &&
         header[21] == 64 && header[22] == 32 && header[23] == 32 &&
         header_page_size (header) - header[20] >= 480;
}

/* Opens a database from @bytes and checks it. A file of this version
 * comes back with the checks of its contents still running; see
 * _up_store_open_checking(). */
static UpStore *
open_image (GBytes  *bytes,
            GFile   *file,
            GError **error)
{
  g_autoptr(UpStore) self = g_object_new (UP_TYPE_STORE, NULL);
  gsize size;
  const guint8 *data = g_bytes_get_data (bytes, &size);
  guint8 *image;
  gint64 application_id, version;
  gboolean wal;
  int rc;

  if (!header_ok (data, MIN (size, HEADER_SIZE), size, file, error))
    return NULL;

  if (!open_memory (self, error))
    return NULL;

  /* SQLite takes ownership of a copy; the caller's bytes stay untouched. */
  image = sqlite3_malloc64 (size);
  if (image == NULL)
    {
      g_set_error (error, UP_STORE_ERROR, UP_STORE_ERROR_FAILED,
                   _("There is not enough memory to open the project."));
      return NULL;
    }
  memcpy (image, data, size);

  /* An in-memory database cannot be in WAL mode; a file another program
   * left in WAL mode reads the same with the rollback-journal flags. */
  wal = image[18] == 2 && image[19] == 2;
  if (wal)
    image[18] = image[19] = 1;

  rc = sqlite3_deserialize (self->db, "main", image, size, size,
                            SQLITE_DESERIALIZE_FREEONCLOSE | SQLITE_DESERIALIZE_RESIZEABLE);
  if (rc != SQLITE_OK)
    {
      set_file_error (error, UP_STORE_ERROR_CORRUPT, file);
      return NULL;
    }

  application_id = pragma_int (self, "PRAGMA application_id", &rc);
  if ((rc & 0xff) == SQLITE_NOTADB)
    {
      set_file_error (error, UP_STORE_ERROR_NOT_DATABASE, file);
      return NULL;
    }
  if (rc != SQLITE_OK)
    {
      set_file_error (error, UP_STORE_ERROR_CORRUPT, file);
      return NULL;
    }
  if (application_id != UP_APPLICATION_ID)
    {
      set_file_error (error, UP_STORE_ERROR_NOT_PROJECT, file);
      return NULL;
    }

  version = pragma_int (self, "PRAGMA user_version", &rc);
  if (rc != SQLITE_OK)
    {
      set_file_error (error, UP_STORE_ERROR_CORRUPT, file);
      return NULL;
    }
  if (version > UP_SCHEMA_VERSION)
    {
      set_file_error (error, UP_STORE_ERROR_TOO_NEW, file);
      return NULL;
    }
  /* No version of ours was ever negative. */
  if (version < 0)
    {
      set_file_error (error, UP_STORE_ERROR_CORRUPT, file);
      return NULL;
    }

  /* A file of an earlier version is checked before and after it is
   * migrated, here; one in WAL mode cannot be lent to another connection
   * as it was read. */
  if (version == UP_SCHEMA_VERSION && !wal)
    content_check_start (self, bytes);
  else if (!quick_check_ok (self->db))
    {
      set_file_error (error, UP_STORE_ERROR_CORRUPT, file);
      return NULL;
    }

  if (!configure_connection (self, error))
    return NULL;

  if (version < UP_SCHEMA_VERSION)
    {
      if (!migrate (self, version, file, error))
        return NULL;
      self->migrated_from = version;
    }

  /* Every table must read as this version reads it: a column renamed or
   * missing, or a view where a table belongs, is a damaged project. */
  for (guint t = 0; t < UP_N_TABLES; t++)
    {
      sqlite3_stmt *probe = NULL;
      int probe_rc = sqlite3_prepare_v2 (self->db, up_schema_tables[t].select_sql, -1, &probe, NULL);

      sqlite3_finalize (probe);
      if (probe_rc != SQLITE_OK || !table_is_table (self, up_schema_tables[t].name))
        {
          set_file_error (error, UP_STORE_ERROR_CORRUPT, file);
          return NULL;
        }
    }

  if (self->content_check == NULL && (!foreign_keys_hold (self->db) || !stage_dates_hold (self->db)))
    {
      set_file_error (error, UP_STORE_ERROR_CORRUPT, file);
      return NULL;
    }

  /* A project has exactly one project row; a file without it is damaged. */
  if (pragma_int (self, "SELECT count(*) FROM project WHERE id = 1", &rc) != 1 || rc != SQLITE_OK)
    {
      set_file_error (error, UP_STORE_ERROR_CORRUPT, file);
      return NULL;
    }

  if (!create_change_log (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * up_store_open_bytes:
 *
 * Opens a project from bytes in memory, with the same checks as
 * up_store_open(). The store has no file.
 */
UpStore *
up_store_open_bytes (GBytes  *bytes,
                     GError **error)
{
  g_autoptr(GFile) name = fallback_file ();
  g_autoptr(UpStore) self = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);

  self = open_image (bytes, name, error);
  if (self == NULL || !finish_checks (self, name, error))
    return NULL;
  return g_steal_pointer (&self);
}

static void watch_file (UpStore *self);

/* The file was renamed while open (in the file manager, say): the project
 * goes with it, as the user expects, instead of being written anew under
 * the old name beside the renamed file at the next edit. Its bytes are the
 * same, so the version the next save checks against stays. A move to
 * another folder is not reported with the new place (inotify tells only
 * that it left): that file is saved at its old place, as a deleted one is. */
static void
on_file_changed (GFileMonitor      *monitor,
                 GFile             *file,
                 GFile             *other_file,
                 GFileMonitorEvent  event,
                 UpStore           *self)
{
  if (event != G_FILE_MONITOR_EVENT_RENAMED || other_file == NULL || self->file == NULL ||
      !g_file_equal (file, self->file) || g_file_equal (other_file, self->file))
    return;

  g_debug ("The project file was renamed; following it");
  /* A recovery copy under the old name is discarded once a save under the
   * new one has succeeded; one is made now if edits wait. */
  if (self->renamed_from == NULL)
    self->renamed_from = g_object_ref (self->file);
  g_set_object (&self->file, other_file);
  watch_file (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
  if (self->dirty)
    up_store_schedule_save (self);
}

static void
watch_file (UpStore *self)
{
  unwatch_file (self);
  if (self->file == NULL || !self->following)
    return;

  /* No monitor (a file system without one) only means no following. */
  self->monitor = g_file_monitor_file (self->file, G_FILE_MONITOR_WATCH_MOVES, NULL, NULL);
  if (self->monitor != NULL)
    g_signal_connect (self->monitor, "changed", G_CALLBACK (on_file_changed), self);
}

static void
set_read_error (GError **error,
                GError  *io_error,
                GFile   *file)
{
  if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    set_file_error (error, UP_STORE_ERROR_NOT_FOUND, file);
  else if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
    set_file_error (error, UP_STORE_ERROR_PERMISSION_DENIED, file);
  else if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY))
    set_file_error (error, UP_STORE_ERROR_IS_DIRECTORY, file);
  else
    {
      g_autofree char *name = display_name (file);

      g_set_error (error, UP_STORE_ERROR, UP_STORE_ERROR_READ_FAILED,
                   /* Translators: %1$s is a file name, %2$s a technical message from the system. */
                   _("“%1$s” could not be read: %2$s"), name, io_error->message);
    }
}

/* Reads the first HEADER_SIZE bytes of @file (fewer where it is shorter)
 * and its size, or -1 where the file system does not tell. */
static gboolean
read_header (GFile    *file,
             guint8   *header,
             gsize    *header_size,
             goffset  *size,
             GError  **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFileInfo) info = NULL;

  stream = g_file_read (file, NULL, error);
  if (stream == NULL ||
      !g_input_stream_read_all (G_INPUT_STREAM (stream), header, HEADER_SIZE, header_size, NULL, error))
    return FALSE;

  info = g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_STANDARD_SIZE, NULL, NULL);
  *size = info != NULL && g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_STANDARD_SIZE)
          ? g_file_info_get_size (info) : -1;
  return TRUE;
}

/* Reads @file into an in-memory database and checks it, as
 * up_store_open() does, but comes back while the checks of the contents of
 * a file of this version still run: the caller reads the rows meanwhile,
 * and _up_store_finish_checks() waits for the outcome. */
UpStore *
_up_store_open_checking (GFile   *file,
                         GError **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;
  char *contents = NULL;
  guint8 header[HEADER_SIZE] = { 0 };
  gsize header_size = 0;
  goffset file_size = -1;
  UpStore *self;
  gsize size = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, NULL, &local_error);
  if (info == NULL)
    {
      set_read_error (error, local_error, file);
      return NULL;
    }
  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      set_file_error (error, UP_STORE_ERROR_IS_DIRECTORY, file);
      return NULL;
    }

  /* A file that is no project is refused by its header, with the answer
   * the whole file would get, before it is read into memory: a video of
   * 3 GB took 23 s and 3 GB of memory to be called "not a database". A
   * header SQLite would not read as a database is left to it. */
  if (!read_header (file, header, &header_size, &file_size, &local_error))
    {
      set_read_error (error, local_error, file);
      return NULL;
    }
  if (file_size >= 0 && header_size == MIN ((guint64) file_size, HEADER_SIZE))
    {
      if (!header_ok (header, header_size, file_size, file, error))
        return NULL;
      if (header_is_readable (header) && read_be32 (header + 68) != UP_APPLICATION_ID)
        {
          set_file_error (error, UP_STORE_ERROR_NOT_PROJECT, file);
          return NULL;
        }
      if ((guint64) file_size > MAX_PROJECT_SIZE)
        {
          set_file_error (error, UP_STORE_ERROR_TOO_LARGE, file);
          return NULL;
        }
    }

  if (!g_file_load_contents (file, NULL, &contents, &size, NULL, &local_error))
    {
      set_read_error (error, local_error, file);
      return NULL;
    }

  bytes = g_bytes_new_take (contents, size);
  self = open_image (bytes, file, error);
  if (self == NULL)
    return NULL;

  self->file = g_object_ref (file);
  self->checksum = checksum_of (g_bytes_get_data (bytes, NULL), size);
  watch_file (self);

  return self;
}

/* Waits for the checks of the contents _up_store_open_checking() began;
 * FALSE with %UP_STORE_ERROR_CORRUPT when the file is damaged. */
gboolean
_up_store_finish_checks (UpStore  *self,
                         GError  **error)
{
  return finish_checks (self, self->file, error);
}

/**
 * up_store_open:
 *
 * Reads @file into an in-memory database and checks it: readable, an SQLite
 * file, an Upphandla project, not larger than 1 GB, not from a newer
 * version, not damaged. An older version is migrated in memory. The file
 * itself is only read.
 */
UpStore *
up_store_open (GFile   *file,
               GError **error)
{
  g_autoptr(UpStore) self = _up_store_open_checking (file, error);

  if (self == NULL || !_up_store_finish_checks (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

void
up_store_follow_file (UpStore *self)
{
  g_return_if_fail (UP_IS_STORE (self));

  if (self->following)
    return;
  self->following = TRUE;
  watch_file (self);
}

GFile *
up_store_get_file (UpStore *self)
{
  g_return_val_if_fail (UP_IS_STORE (self), NULL);

  return self->file;
}

/**
 * up_store_set_file:
 *
 * Makes @file the document the store saves to ("Save As"): the next save
 * creates or replaces it, whatever it held.
 */
void
up_store_set_file (UpStore *self,
                   GFile   *file)
{
  g_return_if_fail (UP_IS_STORE (self));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  if (self->file == file || (self->file && file && g_file_equal (self->file, file)))
    return;

  g_set_object (&self->file, file);
  watch_file (self);
  g_clear_pointer (&self->checksum, g_free);
  self->conflict = FALSE;
  self->dirty = TRUE;
  self->kept_valid = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRTY]);
}

/* Whether this user may write @file (or make it, where it is not there). */
static gboolean
can_write (GFile *file)
{
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_ACCESS_CAN_WRITE,
                                                 G_FILE_QUERY_INFO_NONE, NULL, NULL);

  /* A file system that does not tell is tried at the save. */
  return info == NULL ||
         !g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_ACCESS_CAN_WRITE) ||
         g_file_info_get_attribute_boolean (info, G_FILE_ATTRIBUTE_ACCESS_CAN_WRITE);
}

/**
 * up_store_check_writable:
 *
 * Tells, when the project is opened, what the first save would meet: a
 * document that this user may not write, or in a folder where no file
 * may be made (a USB stick mounted read-only, a mail program's folder of
 * attachments). The save replaces the file by a new one beside it, so
 * both must be writable. A file that is not there is made anew, and only
 * its folder counts; a store without a file can be saved anywhere.
 *
 * Returns: %FALSE with %UP_STORE_ERROR_READ_ONLY when the project cannot
 * be saved where it is.
 */
gboolean
up_store_check_writable (UpStore  *self,
                         GError  **error)
{
  g_autoptr(GFile) folder = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (UP_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->file == NULL)
    return TRUE;

  folder = g_file_get_parent (self->file);
  if ((!g_file_query_exists (self->file, NULL) || can_write (self->file)) &&
      (folder == NULL || can_write (folder)))
    return TRUE;

  name = display_name (self->file);
  g_set_error (error, UP_STORE_ERROR, UP_STORE_ERROR_READ_ONLY,
               /* Translators: %1$s is a file name. Shown as the project
                * opens, before any change is made. */
               _("Changes to “%1$s” cannot be saved here: you do not have permission to change the file or its folder. To keep the changes you make, first save the project elsewhere with Save As."),
               name);
  return FALSE;
}

gboolean
up_store_get_dirty (UpStore *self)
{
  g_return_val_if_fail (UP_IS_STORE (self), FALSE);

  return self->dirty;
}

/**
 * up_store_get_edits_kept:
 *
 * Returns: %TRUE when every edit is in the document or, after a save that
 * failed, in its recovery copy, which the next open offers, or in a copy
 * the user saved: the project can be closed without losing anything.
 * %FALSE when the recovery copy could not be written either (a full disk
 * usually takes both) and no copy holds the latest edits.
 */
gboolean
up_store_get_edits_kept (UpStore *self)
{
  g_return_val_if_fail (UP_IS_STORE (self), FALSE);

  return !self->dirty ||
         (self->kept_valid && self->kept_edits == self->edits) ||
         (self->copy_valid && self->copy_edits == self->edits);
}

gboolean
up_store_get_saving (UpStore *self)
{
  g_return_val_if_fail (UP_IS_STORE (self), FALSE);

  return self->saving;
}

const GError *
up_store_get_save_error (UpStore *self)
{
  g_return_val_if_fail (UP_IS_STORE (self), NULL);

  return self->save_error;
}

/**
 * up_store_get_migrated_from:
 *
 * Returns: the schema version the file had when it was opened, if it was
 * migrated to the current one, or -1.
 */
int
up_store_get_migrated_from (UpStore *self)
{
  g_return_val_if_fail (UP_IS_STORE (self), -1);

  return self->migrated_from;
}

/* Transactions */

gboolean
_up_store_begin (UpStore  *self,
                 GError  **error)
{
  g_return_val_if_fail (UP_IS_STORE (self), FALSE);
  g_return_val_if_fail (!self->in_transaction, FALSE);

  if (!exec_sql (self, "BEGIN IMMEDIATE; DELETE FROM temp.up_log;", error))
    return FALSE;

  self->in_transaction = TRUE;
  return TRUE;
}

gboolean
_up_store_in_transaction (UpStore *self)
{
  return self->in_transaction;
}

/* A copy of the row image @json in which a NUL in a text ("\u0000", an
 * escape that a file made elsewhere can bring in) is U+FFFD, as the
 * records show it: SQLite's json_extract() ends a text at a NUL, and a
 * row undone or redone would lose all of its text after one. */
static char *
row_image (const char *json)
{
  static const char nul[] = "u0000";
  const char *found;
  GString *out;

  if (json == NULL)
    return NULL;
  if (strstr (json, "\\u0000") == NULL)
    return g_strdup (json);

  out = g_string_sized_new (strlen (json));
  for (const char *p = json; *p != '\0'; p++)
    {
      if (*p != '\\')
        {
          g_string_append_c (out, *p);
          continue;
        }
      /* An escape: a NUL, or any other (an escaped backslash among them)
       * copied whole. */
      found = p + 1;
      if (strncmp (found, nul, strlen (nul)) == 0)
        {
          g_string_append (out, "\\ufffd");
          p += strlen (nul);
        }
      else if (*found != '\0')
        {
          g_string_append_c (out, *p);
          g_string_append_c (out, *found);
          p++;
        }
    }
  return g_string_free (out, FALSE);
}

static UpChangeSet *
read_change_log (UpStore  *self,
                 GError  **error)
{
  g_autoptr(UpChangeSet) set = _up_change_set_new ();
  sqlite3_stmt *stmt;
  int rc;

  stmt = _up_store_prepare (self, "SELECT tbl, op, row, old, new FROM temp.up_log ORDER BY seq", error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      UpChange change = { 0 };

      change.table = sqlite3_column_int (stmt, 0);
      change.op = ((const char *) sqlite3_column_text (stmt, 1))[0];
      change.id = sqlite3_column_int64 (stmt, 2);
      change.old_row = row_image ((const char *) sqlite3_column_text (stmt, 3));
      change.new_row = row_image ((const char *) sqlite3_column_text (stmt, 4));
      g_array_append_val (set->changes, change);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _up_store_set_db_error (self, rc, error);
      return NULL;
    }

  return g_steal_pointer (&set);
}

void
_up_store_rollback (UpStore *self)
{
  g_return_if_fail (UP_IS_STORE (self));

  if (!self->in_transaction)
    return;

  sqlite3_exec (self->db, "ROLLBACK;", NULL, NULL, NULL);
  self->in_transaction = FALSE;
  if (self->note_index_rebuilt_in_transaction)
    self->note_index_checked = FALSE;
  self->note_index_rebuilt_in_transaction = FALSE;
}

UpChangeSet *
_up_store_commit (UpStore  *self,
                  GError  **error)
{
  g_autoptr(UpChangeSet) set = NULL;
  sqlite3_stmt *stmt;
  g_autofree char *now = NULL;

  g_return_val_if_fail (UP_IS_STORE (self), NULL);
  g_return_val_if_fail (self->in_transaction, NULL);

  set = read_change_log (self, error);
  if (set == NULL)
    {
      _up_store_rollback (self);
      return NULL;
    }

  if (set->changes->len > 0)
    {
      now = now_iso ();
      stmt = _up_store_prepare (self, "UPDATE project SET modified = ?1 WHERE id = 1", error);
      if (stmt == NULL)
        {
          _up_store_rollback (self);
          return NULL;
        }
      sqlite3_bind_text (stmt, 1, now, -1, SQLITE_TRANSIENT);
      if (!_up_store_step_done (self, stmt, error))
        {
          _up_store_rollback (self);
          return NULL;
        }
    }

  if (!exec_sql (self, "DELETE FROM temp.up_log; COMMIT;", error))
    {
      _up_store_rollback (self);
      return NULL;
    }
  self->in_transaction = FALSE;
  self->note_index_rebuilt_in_transaction = FALSE;

  if (set->changes->len > 0)
    {
      self->edits++;
      if (!self->dirty)
        {
          self->dirty = TRUE;
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRTY]);
        }
      up_store_schedule_save (self);
    }

  return g_steal_pointer (&set);
}

static const char *
replay_sql (UpTableId table,
            char      op)
{
  /* Built once per table and operation from the schema's constant names;
   * the row's values travel as a bound JSON parameter. */
  static char *cache[UP_N_TABLES][3];
  int slot = op == 'i' ? 0 : op == 'u' ? 1 : 2;

  if (cache[table][slot] == NULL)
    {
      const UpTable *t = &up_schema_tables[table];
      g_autoptr(GString) sql = g_string_new (NULL);

      if (op == 'i')
        {
          g_string_append_printf (sql, "INSERT INTO %s (id", t->name);
          for (guint i = 0; i < t->n_columns; i++)
            g_string_append_printf (sql, ", %s", t->columns[i].name);
          g_string_append (sql, ") VALUES (json_extract(?1, '$.id')");
          for (guint i = 0; i < t->n_columns; i++)
            g_string_append_printf (sql, ", json_extract(?1, '$.%s')", t->columns[i].name);
          g_string_append (sql, ")");
        }
      else if (op == 'u')
        {
          gboolean first = TRUE;

          /* The row holds the columns the update changed (a JSON null
           * is a column set to NULL); the others stay as they are. */
          g_string_append_printf (sql, "UPDATE %s SET ", t->name);
          for (guint i = 0; i < t->n_columns; i++)
            {
              const char *name = t->columns[i].name;

              if (table == UP_TABLE_PROJECT && !t->columns[i].editable)
                continue;
              g_string_append_printf (sql,
                                      "%s%s = CASE WHEN json_type(?1, '$.%s') IS NULL THEN %s"
                                      " ELSE json_extract(?1, '$.%s') END",
                                      first ? "" : ", ", name, name, name, name);
              first = FALSE;
            }
          g_string_append (sql, " WHERE id = ?2");
        }
      else
        {
          g_string_append_printf (sql, "DELETE FROM %s WHERE id = ?2", t->name);
        }

      cache[table][slot] = g_string_free (g_steal_pointer (&sql), FALSE);
    }

  return cache[table][slot];
}

/**
 * _up_store_replay:
 * @backwards: %TRUE to undo @set (last change first, old rows), %FALSE to
 *   redo it (first change first, new rows)
 *
 * Runs inside a transaction begun with _up_store_begin(); the change log
 * records what the replay did, so the commit reports it like any edit.
 */
gboolean
_up_store_replay (UpStore     *self,
                  UpChangeSet *set,
                  gboolean     backwards,
                  GError     **error)
{
  guint n = set->changes->len;

  g_return_val_if_fail (self->in_transaction, FALSE);

  /* Rows come back in an order the foreign keys may not like halfway;
   * they are checked at commit instead. */
  if (!exec_sql (self, "PRAGMA defer_foreign_keys = ON;", error))
    return FALSE;

  for (guint k = 0; k < n; k++)
    {
      UpChange *change = &g_array_index (set->changes, UpChange, backwards ? n - 1 - k : k);
      const char *row;
      char op;
      sqlite3_stmt *stmt;

      if (backwards)
        {
          op = change->op == 'i' ? 'd' : change->op == 'd' ? 'i' : 'u';
          row = change->old_row;
        }
      else
        {
          op = change->op;
          row = change->new_row;
        }

      stmt = _up_store_prepare (self, replay_sql (change->table, op), error);
      if (stmt == NULL)
        return FALSE;
      if (op != 'd')
        sqlite3_bind_text (stmt, 1, row, -1, SQLITE_STATIC);
      if (op != 'i')
        sqlite3_bind_int64 (stmt, 2, change->id);
      if (!_up_store_step_done (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

/* Saving */

typedef struct
{
  GBytes  *image;
  GFile   *file;
  char    *checksum;        /* what the file must still hold, or NULL: write it anyway */
  GFile   *recovery;
  GFile   *recovery_uri;    /* beside it: which document it belongs to */
  GFile   *recovery_base;   /* and which version of the document it was made on */
  GFile   *recovery_owner;  /* and which store wrote it (its recovery_token) */
  char    *token;
  GFile   *backup;          /* where the pre-migration file goes, or NULL */
  gboolean document;        /* FALSE: only the recovery copy (a conflict is open) */
  gboolean chosen;          /* a place the user just chose in Save As */
  char    *new_checksum;
  guint    edits;
  gboolean recovery_written; /* the recovery copy holds this snapshot */
  gboolean written_anew;     /* the file read or saved before was gone */
  gboolean backup_written;   /* the pre-migration file was copied to backup */
  guint    lock_wait_ms;
} SaveJob;

static void
save_job_free (SaveJob *job)
{
  g_clear_pointer (&job->image, g_bytes_unref);
  g_clear_object (&job->file);
  g_clear_pointer (&job->checksum, g_free);
  g_clear_object (&job->recovery);
  g_clear_object (&job->recovery_uri);
  g_clear_object (&job->recovery_base);
  g_clear_object (&job->recovery_owner);
  g_clear_pointer (&job->token, g_free);
  g_clear_object (&job->backup);
  g_clear_pointer (&job->new_checksum, g_free);
  g_free (job);
}

static char *
recovery_key (GFile *document)
{
  g_autofree char *uri = g_file_get_uri (document);

  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, uri, -1);
}

static GFile *
recovery_file_for (GFile      *document,
                   const char *suffix)
{
  g_autoptr(GFile) dir = up_store_get_recovery_dir ();
  g_autofree char *key = recovery_key (document);
  g_autofree char *name = g_strconcat (key, suffix, NULL);

  return g_file_get_child (dir, name);
}

/* @chosen: @file is a place the user just chose (Save As, a copy), where
 * the way out is another place, not Save As again. */
static void
translate_save_error (GError   *io_error,
                      GFile    *file,
                      gboolean  chosen,
                      GError  **error)
{
  g_autofree char *name = display_name (file);

  if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG))
    g_set_error (error, UP_STORE_ERROR, UP_STORE_ERROR_CONFLICT,
                 /* Translators: %1$s is a file name. */
                 _("“%1$s” was changed by someone else since you opened it. Your changes have not been written over theirs."),
                 name);
  /* A file size limit (EFBIG) has no GIO code of its own: it ends as
   * G_IO_ERROR_FAILED with the system's message. */
  else if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_NO_SPACE) ||
           strstr (io_error->message, g_strerror (EFBIG)) != NULL)
    g_set_error (error, UP_STORE_ERROR, UP_STORE_ERROR_NO_SPACE,
                 /* Translators: %1$s is a file name. */
                 _("“%1$s” could not be saved because the disk is full. Your changes are kept; free some space and they will be saved."),
                 name);
  /* The file itself being gone is no error (it is written anew): what is
   * not found is its folder, a USB stick pulled or a share gone. The
   * system's "No such file or directory" told the user neither. */
  else if (chosen && g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    g_set_error (error, UP_STORE_ERROR, UP_STORE_ERROR_WRITE_FAILED,
                 /* Translators: %1$s is a file name, chosen in Save As. */
                 _("“%1$s” could not be saved because its folder is gone or is on a disk or network share that is not connected. Your changes are kept; choose another folder."),
                 name);
  else if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    g_set_error (error, UP_STORE_ERROR, UP_STORE_ERROR_WRITE_FAILED,
                 /* Translators: %1$s is a file name. */
                 _("“%1$s” could not be saved because its folder is gone: it was moved, renamed or deleted, or it is on a disk or network share that is not connected. Your changes are kept; connect the disk again, or save the project elsewhere with Save As."),
                 name);
  else if (chosen && (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED) ||
                      g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_READ_ONLY)))
    g_set_error (error, UP_STORE_ERROR, UP_STORE_ERROR_READ_ONLY,
                 /* Translators: %1$s is a file name, chosen in Save As. */
                 _("“%1$s” cannot be saved there: you do not have permission to write to it or its folder. Your changes are kept; choose another folder."),
                 name);
  else if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED) ||
           g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_READ_ONLY))
    g_set_error (error, UP_STORE_ERROR, UP_STORE_ERROR_READ_ONLY,
                 /* Translators: %1$s is a file name. */
                 _("“%1$s” cannot be saved there: you do not have permission to write to it or its folder. Your changes are kept; save the project elsewhere with Save As."),
                 name);
  else
    g_set_error (error, UP_STORE_ERROR, UP_STORE_ERROR_WRITE_FAILED,
                 /* Translators: %1$s is a file name, %2$s a technical message from the system. */
                 _("“%1$s” could not be saved: %2$s. Your changes are kept."),
                 name, io_error->message);
}

static void
set_conflict_error (GFile   *file,
                    GError **error)
{
  g_autoptr(GError) changed = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_WRONG_ETAG, "");

  translate_save_error (changed, file, FALSE, error);
}

/* Someone else's save must never be written over unseen: the file must
 * still hold what we last read or wrote. A file that is gone is written
 * anew: nothing of anyone's is lost by that. */
static gboolean
check_unchanged (SaveJob  *job,
                 GError  **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *checksum = NULL;
  gsize size;

  /* A checksum starts with the size it was taken of: a file of another
   * size has changed, and is not read (it may be a large file of
   * someone else's, put in its place). */
  info = g_file_query_info (job->file, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (info != NULL && g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_STANDARD_SIZE) &&
      g_ascii_strtoull (job->checksum, NULL, 10) != (guint64) g_file_info_get_size (info))
    {
      set_conflict_error (job->file, error);
      return FALSE;
    }

  if (!g_file_load_contents (job->file, NULL, &contents, &size, NULL, &local_error))
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        {
          job->written_anew = TRUE;
          return TRUE;
        }
      translate_save_error (local_error, job->file, job->chosen, error);
      return FALSE;
    }

  checksum = checksum_of ((const guint8 *) contents, size);
  if (g_strcmp0 (checksum, job->checksum) != 0)
    {
      set_conflict_error (job->file, error);
      return FALSE;
    }
  return TRUE;
}

/* The temporary file of a save sits beside the document, hidden, with a
 * name that says whose it is: ".NAME.save-XXXXXX". */
#define TEMP_INFIX ".save-"

static char *
temp_prefix_for (const char *path)
{
  g_autofree char *base = g_path_get_basename (path);

  return g_strconcat (".", base, TEMP_INFIX, NULL);
}

static void
set_error_from_errno (GError     **error,
                      int          saved_errno)
{
  /* A file size limit (EFBIG) is a full disk to the user. */
  GIOErrorEnum code = saved_errno == EFBIG ? G_IO_ERROR_NO_SPACE
                                           : g_io_error_from_errno (saved_errno);

  g_set_error_literal (error, G_IO_ERROR, code, g_strerror (saved_errno));
}

/* Writes @data to a new temporary file beside @path and renames it over
 * @path: whole or not at all. With @sync the data reaches the disk before
 * the rename, so that a power cut never leaves an empty file where a good
 * one was (the rule of g_file_set_contents(): needed where a file is
 * replaced, not where it is new). */
static gboolean
replace_atomically (const char  *path,
                    const char  *data,
                    gsize        size,
                    int          mode,
                    gboolean     keep_mode,
                    gboolean     sync,
                    GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *prefix = temp_prefix_for (path);
  g_autofree char *tmp = g_strconcat (dir, G_DIR_SEPARATOR_S, prefix, "XXXXXX", NULL);
  gsize written = 0;
  int fd;

  fd = g_mkstemp_full (tmp, O_RDWR | O_CLOEXEC, mode);
  if (fd < 0)
    {
      set_error_from_errno (error, errno);
      return FALSE;
    }

  /* mkstemp's mode passes through the umask, which is right for a new
   * file; a document that exists keeps its own mode. */
  if (keep_mode && fchmod (fd, mode) != 0)
    g_debug ("Could not set the mode of %s: %s", tmp, g_strerror (errno));

  while (written < size)
    {
      gssize n = write (fd, data + written, MIN (size - written, (gsize) G_MAXSSIZE));

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          int saved_errno = n < 0 ? errno : ENOSPC;

          close (fd);
          g_unlink (tmp);
          set_error_from_errno (error, saved_errno);
          return FALSE;
        }
      written += n;
    }

  if ((sync && fsync (fd) != 0) || close (fd) != 0)
    {
      int saved_errno = errno;

      g_unlink (tmp);
      set_error_from_errno (error, saved_errno);
      return FALSE;
    }

  if (g_rename (tmp, path) != 0)
    {
      int saved_errno = errno;

      g_unlink (tmp);
      set_error_from_errno (error, saved_errno);
      return FALSE;
    }
  return TRUE;
}

/* Removes the temporary files that saves of this document left when they
 * were killed half-way. Called only while the document's lock is held:
 * every save of ours writes its temporary file under that lock, so any
 * such file now belongs to a save that died. */
static void
sweep_stale_temps (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *prefix = temp_prefix_for (path);
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *other = NULL;

      if (!g_str_has_prefix (name, prefix) || strlen (name) != strlen (prefix) + 6)
        continue;
      other = g_build_filename (dir, name, NULL);
      if (g_unlink (other) != 0)
        g_debug ("Could not remove %s: %s", other, g_strerror (errno));
    }
}

/* Replaces the document whole or not at all. For a local file that is a
 * temporary file in the same folder, fsync and rename; GIO's own replace
 * is not used there, because on a failed write it renames the partial
 * file over the document, and where it cannot create a temporary file (a
 * read-only folder) it rewrites the document in place. */
static gboolean
write_document (GFile       *file,
                const char  *data,
                gsize        size,
                gboolean     locked,
                GError     **error)
{
  g_autofree char *resolved = NULL;
  const char *path = g_file_peek_path (file);
  GStatBuf st;
  gboolean exists;
  int mode = 0666;

  if (path == NULL)
    return g_file_replace_contents (file, data, size, NULL, FALSE, G_FILE_CREATE_NONE,
                                    NULL, NULL, error);

  /* Replace what a link points to, not the link. */
  resolved = realpath (path, NULL);
  if (resolved != NULL)
    path = resolved;

  exists = g_stat (path, &st) == 0;
  if (exists)
    {
      /* A read-only file is not replaced even where its folder would
       * allow the rename: its owner made it read-only on purpose. */
      if (g_access (path, W_OK) != 0)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED, g_strerror (errno));
          return FALSE;
        }
      mode = st.st_mode & 0777;
    }

  if (locked)
    sweep_stale_temps (path);

  return replace_atomically (path, data, size, mode, exists, exists, error);
}

/* Locks the file the document's path names now, waiting for another
 * save to finish. That save renames a new file into place, so after the
 * wait the lock may be on a file the path no longer names: then lock the
 * new one. Best effort: where locks are not supported (some network and
 * FUSE file systems) or there is no file yet, the save goes on unlocked.
 * A save of ours holds the lock for the time of one write; a program that
 * holds it longer (a save hanging on a network share, another tool) is
 * waited for LOCK_WAIT_SECONDS, then @busy is set: a save that waited for
 * good froze the window's close, Try Again and Save As, which save in the
 * window's own thread. */
static int
lock_document (GFile    *file,
               guint     wait_ms,
               gboolean *busy)
{
  const char *path = g_file_peek_path (file);
  gint64 deadline = g_get_monotonic_time () + (gint64) wait_ms * 1000;

  *busy = FALSE;
  for (guint attempt = 0; path != NULL && attempt < 10; attempt++)
    {
      GStatBuf by_path;
      struct stat by_fd;
      int fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
      int rc;

      if (fd < 0)
        return -1;
      while ((rc = flock (fd, LOCK_EX | LOCK_NB)) != 0 && errno == EWOULDBLOCK &&
             g_get_monotonic_time () < deadline)
        g_usleep (LOCK_POLL_USEC);
      if (rc != 0)
        {
          *busy = errno == EWOULDBLOCK;
          close (fd);
          return -1;
        }
      if (fstat (fd, &by_fd) == 0 && g_stat (path, &by_path) == 0 &&
          by_fd.st_ino == by_path.st_ino && by_fd.st_dev == by_path.st_dev)
        return fd;
      close (fd);
    }
  return -1;
}

static void
unlock_document (int fd)
{
  /* Closing the descriptor releases the lock. */
  if (fd >= 0)
    close (fd);
}

/* Whether the job's store may write the recovery copy: there is none, or
 * the store wrote it (or recovered it). A copy without an owner (from a
 * version before owners, or whose owner file a crash cut short) is
 * nobody's: the next open offers it, and nothing else writes over it. */
static gboolean
recovery_is_ours (SaveJob *job)
{
  g_autofree char *owner = NULL;

  /* Where no copy is, there is nothing to lose; where something that is
   * not a copy stands (a folder), writing is tried and says why it fails. */
  if (!g_file_test (g_file_peek_path (job->recovery), G_FILE_TEST_IS_REGULAR))
    return TRUE;
  if (!g_file_get_contents (g_file_peek_path (job->recovery_owner), &owner, NULL, NULL))
    return FALSE;
  return g_strcmp0 (owner, job->token) == 0;
}

/* Runs in a worker thread (or the caller's, for a synchronous save): only
 * the job's own data is touched here. */
static gboolean
run_save_job (SaveJob  *job,
              GError  **error)
{
  g_autoptr(GError) local_error = NULL;
  gsize size;
  const char *data = g_bytes_get_data (job->image, &size);
  int lock;
  gboolean busy;

  /* Two programs saving at the same moment must not both pass the check
   * and then both replace the file: the check and the replace happen
   * under a lock on the document, which every save of ours takes. The
   * recovery copy, shared by every process that has the document open, is
   * written under the same lock. */
  lock = lock_document (job->file, job->lock_wait_ms, &busy);

  /* The copy is someone else's when another store wrote it: another
   * process with the document open whose save met a conflict, or one that
   * died with edits the document does not hold. Those edits are offered
   * when the document is opened next; writing this snapshot over them, or
   * removing them once the document is saved, would lose them. This
   * store's edits then go to the document only. */
  if (job->recovery != NULL && !recovery_is_ours (job))
    {
      g_clear_object (&job->recovery);
      g_clear_object (&job->recovery_uri);
      g_clear_object (&job->recovery_base);
      g_clear_object (&job->recovery_owner);
    }

  /* The recovery copy goes first, so that a crash in the middle of the
   * document's replace still leaves every edit somewhere. It is not synced
   * to the disk: it stands in for the app's memory when the app dies, and
   * the document itself, which is synced, is what survives a power cut.
   * Beside it go the document's URI and the version of the document the
   * edits were made on (the checksum the save checks the document
   * against, empty for none), with the copy's own checksum, which tells
   * whether the two files belong together. */
  job->new_checksum = checksum_of ((const guint8 *) data, size);
  if (job->recovery != NULL)
    {
      g_autoptr(GFile) dir = g_file_get_parent (job->recovery);
      g_autofree char *uri = g_file_get_uri (job->file);
      g_autoptr(GString) base = g_string_new (NULL);
      g_autofree char *previous = NULL;

      /* The copy's pair first, then the one of the copy it replaces: the
       * base and the copy are two files, and a crash between their writes
       * leaves the old copy beside the new base, which must still name it. */
      g_string_append_printf (base, "%s\n%s\n", job->checksum ? job->checksum : "", job->new_checksum);
      if (g_file_get_contents (g_file_peek_path (job->recovery_base), &previous, NULL, NULL))
        {
          g_auto(GStrv) lines = g_strsplit (previous, "\n", 3);

          if (g_strv_length (lines) >= 2)
            g_string_append_printf (base, "%s\n%s\n", lines[0], lines[1]);
        }

      if (lock >= 0)
        {
          sweep_stale_temps (g_file_peek_path (job->recovery));
          sweep_stale_temps (g_file_peek_path (job->recovery_uri));
          sweep_stale_temps (g_file_peek_path (job->recovery_base));
          sweep_stale_temps (g_file_peek_path (job->recovery_owner));
        }
      /* The base before the copy: a copy without the base that names it
       * counts as made on an unknown version, and its recovery would ask
       * the user about a document nobody else changed. */
      if (g_mkdir_with_parents (g_file_peek_path (dir), 0700) != 0 ||
          !replace_atomically (g_file_peek_path (job->recovery_uri), uri, strlen (uri), 0600, TRUE,
                               FALSE, NULL) ||
          !replace_atomically (g_file_peek_path (job->recovery_base), base->str, base->len, 0600, TRUE,
                               FALSE, NULL) ||
          !replace_atomically (g_file_peek_path (job->recovery_owner), job->token, strlen (job->token),
                               0600, TRUE, FALSE, NULL) ||
          !replace_atomically (g_file_peek_path (job->recovery), data, size, 0600, TRUE, FALSE, NULL))
        {
          g_warning ("Could not write the recovery copy %s", g_file_peek_path (job->recovery));
          /* With no older copy beside them, the URI and the base name
           * nothing: no open would ever read or remove them. */
          if (!g_file_query_exists (job->recovery, NULL))
            {
              g_file_delete (job->recovery_uri, NULL, NULL);
              g_file_delete (job->recovery_base, NULL, NULL);
              g_file_delete (job->recovery_owner, NULL, NULL);
            }
        }
      else
        job->recovery_written = TRUE;
    }

  if (!job->document)
    {
      unlock_document (lock);
      return TRUE;
    }

  /* The edits are in the recovery copy (written unlocked: another store's
   * copy is left alone all the same); the document waits for its turn. */
  if (busy)
    {
      g_autofree char *name = display_name (job->file);

      g_set_error (error, UP_STORE_ERROR, UP_STORE_ERROR_BUSY,
                   /* Translators: %1$s is a file name. */
                   _("“%1$s” could not be saved just now because another program is writing to it. Your changes are kept, and saving is tried again in a few seconds."),
                   name);
      return FALSE;
    }

  if (job->backup != NULL)
    {
      job->backup_written = g_file_copy (job->file, job->backup, G_FILE_COPY_NONE, NULL, NULL, NULL, &local_error);
      /* one kept already (by a save that failed after it) stays as it is */
      if (!job->backup_written &&
          !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS) &&
          !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        {
          unlock_document (lock);
          translate_save_error (local_error, job->file, job->chosen, error);
          return FALSE;
        }
      job->backup_written |= g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS);
    }
  g_clear_error (&local_error);

  if (job->checksum != NULL && !check_unchanged (job, error))
    {
      unlock_document (lock);
      return FALSE;
    }

  if (!write_document (job->file, data, size, lock >= 0, &local_error))
    {
      unlock_document (lock);
      translate_save_error (local_error, job->file, job->chosen, error);
      return FALSE;
    }
  unlock_document (lock);

  if (job->recovery != NULL)
    {
      g_file_delete (job->recovery, NULL, NULL);
      g_file_delete (job->recovery_uri, NULL, NULL);
      g_file_delete (job->recovery_base, NULL, NULL);
      g_file_delete (job->recovery_owner, NULL, NULL);
    }

  return TRUE;
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;

  if (run_save_job (task_data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

GBytes *
up_store_serialize (UpStore  *self,
                    GError  **error)
{
  sqlite3_int64 size = 0;
  unsigned char *data;

  g_return_val_if_fail (UP_IS_STORE (self), NULL);
  g_return_val_if_fail (!self->in_transaction, NULL);

  data = sqlite3_serialize (self->db, "main", &size, 0);
  if (data == NULL)
    {
      g_set_error (error, UP_STORE_ERROR, UP_STORE_ERROR_FAILED,
                   _("There is not enough memory to save the project."));
      return NULL;
    }

  return g_bytes_new_with_free_func (data, size, sqlite3_free, data);
}

/* A job that writes the project to @destination, a file the store does
 * not save to yet (Save As): no check of what it held (the user chose to
 * replace it), no recovery copy (the edits wait in the one of the store's
 * own file until the store moves), no backup (the store's own file stays
 * as it is). */
static SaveJob *
save_job_new_for (UpStore  *self,
                  GFile    *destination,
                  GError  **error)
{
  SaveJob *job;
  GBytes *image = up_store_serialize (self, error);

  if (image == NULL)
    return NULL;

  job = g_new0 (SaveJob, 1);
  job->image = image;
  job->file = g_object_ref (destination);
  job->document = TRUE;
  job->chosen = TRUE;
  job->edits = self->edits;
  job->lock_wait_ms = self->lock_wait_ms;
  return job;
}

static SaveJob *
save_job_new (UpStore  *self,
              GError  **error)
{
  SaveJob *job;
  GBytes *image = up_store_serialize (self, error);

  if (image == NULL)
    return NULL;

  job = g_new0 (SaveJob, 1);
  job->image = image;
  job->file = g_object_ref (self->file);
  job->checksum = g_strdup (self->checksum);
  job->recovery = recovery_file_for (self->file, ".upphandla");
  job->recovery_uri = recovery_file_for (self->file, ".uri");
  job->recovery_base = recovery_file_for (self->file, ".base");
  job->recovery_owner = recovery_file_for (self->file, ".owner");
  job->token = g_strdup (self->recovery_token);
  hold_live_lock (self);
  job->document = !self->conflict;
  job->edits = self->edits;
  job->lock_wait_ms = self->lock_wait_ms;

  if (self->migrated_from >= 0 && !self->backup_done)
    {
      g_autofree char *path = g_file_get_path (self->file);

      if (path != NULL)
        {
          g_autofree char *backup = g_strdup_printf ("%s.v%d.bak", path, self->migrated_from);
          job->backup = g_file_new_for_path (backup);
        }
    }

  return job;
}

static void
set_saving (UpStore  *self,
            gboolean  saving)
{
  if (self->saving != saving)
    {
      self->saving = saving;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SAVING]);
    }
}

static void start_save (UpStore *self);
static void run_next (UpStore *self);

static gboolean
retry_save (gpointer user_data)
{
  UpStore *self = user_data;

  self->retry_source = 0;
  start_save (self);

  return G_SOURCE_REMOVE;
}

/* Whether the recovery copy holds @job's snapshot, whatever became of the
 * document: a copy that could not be written (a full disk takes it too)
 * leaves the latest edits in memory only, whatever an older copy holds. */
static void
note_recovery (UpStore *self,
               SaveJob *job)
{
  if (job == NULL || self->file == NULL || !g_file_equal (job->file, self->file))
    return;
  self->kept_valid = job->recovery_written;
  self->kept_edits = job->edits;
}

/* A save of @job's snapshot landed, at the store's own file or at the
 * one Save As moved it to (@moved): the file now holds the edits up to
 * the job's, so nothing waits to be tried again, an old reason in the
 * banner goes, and the store is clean unless edits came in while it was
 * written. The new file is told before the rest, its checksum already
 * the store's, as whoever follows it may save at once. */
static void
note_saved (UpStore  *self,
            SaveJob  *job,
            gboolean  moved)
{
  g_clear_handle_id (&self->retry_source, g_source_remove);
  g_free (self->checksum);
  self->checksum = g_steal_pointer (&job->new_checksum);
  if (self->renamed_from != NULL)
    {
      up_store_discard_recovery (self->renamed_from);
      g_clear_object (&self->renamed_from);
    }
  if (moved)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);

  if (self->save_error != NULL)
    {
      g_clear_error (&self->save_error);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SAVE_ERROR]);
    }

  if (job->edits == self->edits && self->dirty)
    {
      self->dirty = FALSE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRTY]);
    }

  g_signal_emit (self, signals[SAVED], 0);
}

static void
finish_save (UpStore  *self,
             SaveJob  *job,
             GError   *error)
{
  note_recovery (self, job);

  if (error != NULL)
    {
      if (error->code == UP_STORE_ERROR_CONFLICT)
        self->conflict = TRUE;
      if ((error->code == UP_STORE_ERROR_NO_SPACE || error->code == UP_STORE_ERROR_BUSY) &&
          self->retry_source == 0)
        self->retry_source = g_timeout_add_seconds (self->retry_seconds, retry_save, self);
      g_clear_error (&self->save_error);
      self->save_error = g_error_copy (error);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SAVE_ERROR]);
      g_signal_emit (self, signals[SAVE_FAILED], 0, error);
      return;
    }

  if (!job->document)
    return;

  /* Renamed while this save ran: it went to the old name, and the file
   * under the new one is still the version read (or saved) before. */
  if (!g_file_equal (job->file, self->file))
    {
      up_store_schedule_save (self);
      return;
    }

  if (job->backup != NULL)
    self->backup_done = TRUE;
  note_saved (self, job, FALSE);
  if (job->backup_written)
    g_signal_emit (self, signals[BACKED_UP], 0, job->backup);
  /* Someone deleted the file, or moved it to another folder (where it
   * cannot be followed): the edits went to a new file at the old place,
   * and whoever moved the old one must hear that it no longer has them. */
  if (job->written_anew)
    g_signal_emit (self, signals[WRITTEN_ANEW], 0);
}

static void
save_done (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  UpStore *self = UP_STORE (object);
  SaveJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  g_task_propagate_boolean (G_TASK (result), &error);
  set_saving (self, FALSE);
  finish_save (self, job, error);

  /* Edits that came in meanwhile go out in one more save. After a failure
   * they retry with the next edit (or the user's Try Again), not in a loop;
   * after a full disk also every little while (finish_save()). */
  if (self->save_pending && error != NULL)
    self->save_pending = FALSE;
  run_next (self);
}

static void
start_save (UpStore *self)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  SaveJob *job;

  if (self->file == NULL || !self->dirty)
    return;

  if (self->saving || !g_queue_is_empty (&self->waiting))
    {
      self->save_pending = TRUE;
      return;
    }

  job = save_job_new (self, &error);
  if (job == NULL)
    {
      finish_save (self, NULL, error);
      return;
    }

  set_saving (self, TRUE);
  task = g_task_new (self, NULL, save_done, NULL);
  g_task_set_source_tag (task, start_save);
  g_task_set_task_data (task, job, (GDestroyNotify) save_job_free);
  g_task_run_in_thread (task, save_thread);
}

static gboolean
save_idle (gpointer data)
{
  UpStore *self = data;

  self->save_source = 0;
  start_save (self);
  return G_SOURCE_REMOVE;
}

/**
 * up_store_schedule_save:
 *
 * Saves soon, off the main thread. Edits made while a save runs are
 * coalesced into the next one.
 */
void
up_store_schedule_save (UpStore *self)
{
  g_return_if_fail (UP_IS_STORE (self));

  if (self->file == NULL)
    return;
  if (self->saving)
    self->save_pending = TRUE;
  else if (self->save_source == 0)
    self->save_source = g_idle_add_full (G_PRIORITY_DEFAULT, save_idle, self, NULL);
}

static void
wait_for_save (UpStore *self)
{
  /* The worker's result comes back through the thread-default main context;
   * iterate it so a synchronous caller sees the end of an async save (and
   * of those asked for meanwhile). */
  while (self->saving || !g_queue_is_empty (&self->waiting))
    g_main_context_iteration (NULL, TRUE);
}

typedef struct
{
  GFile   *destination;   /* NULL: the store's own file */
  gboolean overwrite;
  SaveJob *job;
} SaveRequest;

static void
save_request_free (SaveRequest *request)
{
  g_clear_object (&request->destination);
  g_clear_pointer (&request->job, save_job_free);
  g_free (request);
}

/* The store's file is now @destination, which holds every edit up to the
 * job's: as after a save there, and the old file's recovery copy, if this
 * store wrote it, is no longer needed (the other file is left as it was). */
static void
move_to (UpStore *self,
         SaveJob *job)
{
  g_autoptr(GFile) old = g_steal_pointer (&self->file);
  g_autoptr(GFile) old_owner = old != NULL ? recovery_file_for (old, ".owner") : NULL;
  g_autofree char *owner = NULL;

  self->file = g_object_ref (job->file);
  watch_file (self);
  self->conflict = FALSE;
  self->kept_valid = FALSE;
  self->backup_done = TRUE;
  if (old != NULL &&
      g_file_get_contents (g_file_peek_path (old_owner), &owner, NULL, NULL) &&
      g_strcmp0 (owner, self->recovery_token) == 0)
    up_store_discard_recovery (old);
  note_saved (self, job, TRUE);
}

static void
request_done (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  UpStore *self = UP_STORE (object);
  g_autoptr(GTask) task = user_data;
  SaveRequest *request = g_task_get_task_data (task);
  SaveJob *job = request->job;
  g_autoptr(GError) error = NULL;
  gboolean ok = g_task_propagate_boolean (G_TASK (result), &error);

  set_saving (self, FALSE);
  if (request->destination != NULL)
    {
      /* Where the new place failed, the store stays on its own file, with
       * its edits and its banner's reason as they were. */
      if (ok)
        move_to (self, job);
      /* nothing is tried again at a place the user only chose */
      else if (g_error_matches (error, UP_STORE_ERROR, UP_STORE_ERROR_BUSY))
        {
          g_autofree char *name = display_name (request->destination);

          g_clear_error (&error);
          g_set_error (&error, UP_STORE_ERROR, UP_STORE_ERROR_BUSY,
                       /* Translators: %1$s is a file name, chosen in Save As. */
                       _("“%1$s” could not be saved because another program is writing to it. Your changes are kept; choose another name or folder, or try again later."),
                       name);
        }
    }
  else if (ok && !job->document)
    {
      note_recovery (self, job);
      /* A conflict is open: only the recovery copy was written. */
      g_set_error_literal (&error, UP_STORE_ERROR, UP_STORE_ERROR_CONFLICT,
                           self->save_error ? self->save_error->message : "");
      ok = FALSE;
    }
  else
    finish_save (self, job, error);

  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
  run_next (self);
}

/* Starts the save @task asks for, or returns at once when there is
 * nothing to save. Takes @task. */
static void
run_request (UpStore *self,
             GTask   *task)
{
  SaveRequest *request = g_task_get_task_data (task);
  g_autoptr(GTask) inner = NULL;
  GError *error = NULL;

  if (self->file == NULL && request->destination == NULL)
    {
      g_task_return_new_error (task, UP_STORE_ERROR, UP_STORE_ERROR_WRITE_FAILED,
                               _("The project has no file to be saved to."));
      g_object_unref (task);
      return;
    }

  /* Save As onto the project's own file (or another name of it) is a save. */
  if (request->destination != NULL && self->file != NULL &&
      _up_store_same_file (request->destination, self->file))
    g_clear_object (&request->destination);

  if (request->overwrite)
    {
      g_clear_pointer (&self->checksum, g_free);
      self->conflict = FALSE;
      self->dirty = TRUE;
    }

  if (request->destination == NULL && !self->dirty)
    {
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
      return;
    }

  self->save_pending = FALSE;
  request->job = request->destination != NULL ? save_job_new_for (self, request->destination, &error)
                                              : save_job_new (self, &error);
  if (request->job == NULL)
    {
      if (request->destination == NULL)
        finish_save (self, NULL, error);
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }

  set_saving (self, TRUE);
  inner = g_task_new (self, NULL, request_done, task);
  g_task_set_source_tag (inner, run_request);
  /* the job stays the request's: request_done() reads it */
  g_task_set_task_data (inner, request->job, NULL);
  g_task_run_in_thread (inner, save_thread);
}

/* After a save: the next one asked for, else the edits that came in
 * meanwhile. */
static void
run_next (UpStore *self)
{
  while (!self->saving && !g_queue_is_empty (&self->waiting))
    run_request (self, g_queue_pop_head (&self->waiting));

  if (!self->saving && self->save_pending)
    {
      self->save_pending = FALSE;
      start_save (self);
    }
}

/**
 * up_store_save_async:
 * @destination: (nullable): a file to move the project to ("Save As"), or
 *   %NULL for its own file
 * @overwrite: after a conflict, write over the version on disk (the user
 *   chose to)
 *
 * Saves off the main thread, after any save that runs: the window's close,
 * Try Again and Save As, which must not freeze while another program
 * holds the file's lock. Nothing is written to the own file when it
 * already holds every edit. With @destination, the project is written
 * there once, and only when that succeeded does the store save to it from
 * then on (the old file is left as it was); where it fails, the store
 * stays on its own file, every edit kept.
 */
void
up_store_save_async (UpStore             *self,
                     GFile               *destination,
                     gboolean             overwrite,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  GTask *task;
  SaveRequest *request;

  g_return_if_fail (UP_IS_STORE (self));
  g_return_if_fail (destination == NULL || G_IS_FILE (destination));
  g_return_if_fail (!self->in_transaction);

  task = g_task_new (self, NULL, callback, user_data);
  g_task_set_source_tag (task, up_store_save_async);
  request = g_new0 (SaveRequest, 1);
  request->destination = destination != NULL ? g_object_ref (destination) : NULL;
  request->overwrite = overwrite;
  g_task_set_task_data (task, request, (GDestroyNotify) save_request_free);

  g_clear_handle_id (&self->save_source, g_source_remove);
  if (self->saving)
    g_queue_push_tail (&self->waiting, task);
  else
    run_request (self, task);
}

gboolean
up_store_save_finish (UpStore       *self,
                      GAsyncResult  *result,
                      GError       **error)
{
  g_return_val_if_fail (UP_IS_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * up_store_save:
 *
 * Writes the project to its file now, in the calling thread, after any
 * save that is running. Used by the command line, by "Try Again", and when
 * a window closes.
 */
gboolean
up_store_save (UpStore  *self,
               GError  **error)
{
  SaveJob *job;
  GError *local_error = NULL;
  gboolean ok;

  g_return_val_if_fail (UP_IS_STORE (self), FALSE);

  if (self->file == NULL)
    {
      g_set_error (error, UP_STORE_ERROR, UP_STORE_ERROR_WRITE_FAILED,
                   _("The project has no file to be saved to."));
      return FALSE;
    }

  g_clear_handle_id (&self->save_source, g_source_remove);
  wait_for_save (self);
  self->save_pending = FALSE;

  job = save_job_new (self, error);
  if (job == NULL)
    return FALSE;

  ok = run_save_job (job, &local_error);
  if (ok && !job->document)
    {
      note_recovery (self, job);
      /* A conflict is open: only the recovery copy was written. */
      g_set_error_literal (&local_error, UP_STORE_ERROR, UP_STORE_ERROR_CONFLICT,
                           self->save_error ? self->save_error->message : "");
      ok = FALSE;
    }
  else
    finish_save (self, job, local_error);

  if (local_error != NULL)
    g_propagate_error (error, local_error);
  save_job_free (job);
  return ok;
}

/**
 * up_store_flush:
 *
 * Makes sure every edit is in the file: waits for a running save and saves
 * what is left. Returns %FALSE, with the reason, if that is not possible.
 */
gboolean
up_store_flush (UpStore  *self,
                GError  **error)
{
  g_return_val_if_fail (UP_IS_STORE (self), FALSE);

  wait_for_save (self);
  if (!self->dirty || self->file == NULL)
    {
      g_clear_handle_id (&self->save_source, g_source_remove);
      return TRUE;
    }
  return up_store_save (self, error);
}

/**
 * up_store_save_overwrite:
 *
 * After a conflict, the user chose to write this version over the one on
 * disk.
 */
gboolean
up_store_save_overwrite (UpStore  *self,
                         GError  **error)
{
  g_return_val_if_fail (UP_IS_STORE (self), FALSE);

  wait_for_save (self);
  g_clear_pointer (&self->checksum, g_free);
  self->conflict = FALSE;
  self->dirty = TRUE;
  return up_store_save (self, error);
}

/* Whether @a and @b are one file: the same name, or two names (a link, a
 * path through a linked folder) of the same file on disk. The CLI asks it
 * too, of an export's output. */
gboolean
_up_store_same_file (GFile *a,
                     GFile *b)
{
  g_autoptr(GFileInfo) info_a = NULL;
  g_autoptr(GFileInfo) info_b = NULL;
  const char *id_a;
  const char *id_b;

  if (g_file_equal (a, b))
    return TRUE;

  info_a = g_file_query_info (a, G_FILE_ATTRIBUTE_ID_FILE, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  info_b = g_file_query_info (b, G_FILE_ATTRIBUTE_ID_FILE, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (info_a == NULL || info_b == NULL)
    return FALSE;
  id_a = g_file_info_get_attribute_string (info_a, G_FILE_ATTRIBUTE_ID_FILE);
  id_b = g_file_info_get_attribute_string (info_b, G_FILE_ATTRIBUTE_ID_FILE);
  return id_a != NULL && g_strcmp0 (id_a, id_b) == 0;
}

/**
 * up_store_save_copy:
 *
 * Writes a snapshot of the project to @destination ("Save a Copy"); the
 * store goes on saving to its own file. A copy is never written over the
 * project's own file: that is a save, and after a conflict it would
 * replace someone else's version without the user's choice to overwrite
 * it (UP_STORE_ERROR_WRITE_FAILED).
 */
gboolean
up_store_save_copy (UpStore  *self,
                    GFile    *destination,
                    GError  **error)
{
  g_autoptr(GBytes) image = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (UP_IS_STORE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (destination), FALSE);

  if (self->file != NULL && _up_store_same_file (self->file, destination))
    {
      g_autofree char *name = display_name (destination);

      g_set_error (error, UP_STORE_ERROR, UP_STORE_ERROR_WRITE_FAILED,
                   /* Translators: %1$s is the file name of the project itself. */
                   _("“%1$s” is the project itself, not a copy. Choose another name or folder for the copy."),
                   name);
      return FALSE;
    }

  image = up_store_serialize (self, error);
  if (image == NULL)
    return FALSE;

  if (!g_file_replace_contents (destination,
                                g_bytes_get_data (image, NULL), g_bytes_get_size (image),
                                NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL, &local_error))
    {
      translate_save_error (local_error, destination, TRUE, error);
      return FALSE;
    }
  self->copy_valid = TRUE;
  self->copy_edits = self->edits;
  return TRUE;
}

/* Recovery */

/* The version of @document that its recovery copy (of checksum
 * @copy_checksum) was made on: a checksum as checksum_of() gives it, "" when the
 * store had none (a file chosen by Save As, or Overwrite chosen), or NULL
 * when that is not known (a copy of an older Upphandla, or a crash
 * between the writes of the copy and of its base). */
static char *
read_recovery_base (GFile      *document,
                    const char *copy_checksum)
{
  g_autoptr(GFile) file = recovery_file_for (document, ".base");
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;

  if (!g_file_load_contents (file, NULL, &contents, NULL, NULL, NULL))
    return NULL;
  /* Pairs of lines, the base and the copy's checksum: the newest copy's,
   * then the one before it (see the save). */
  lines = g_strsplit (contents, "\n", 5);
  for (guint i = 0; i < 4 && lines[i] != NULL && lines[i + 1] != NULL; i += 2)
    if (g_strcmp0 (lines[i + 1], copy_checksum) == 0)
      return g_strdup (lines[i]);
  return NULL;
}

/* Looks at the recovery copy of @document. Returns it when it holds
 * something the document does not (the document is not byte for byte the
 * same; when it is, the save finished after all, and the copy is
 * removed), with @changed: whether the document may be another version
 * than the one the copy was made on (someone else saved it since, or
 * that cannot be told), so that saving the copy over it needs the user's
 * choice. A document that is not there has not changed: it is written anew. */
static GFile *
inspect_recovery (GFile    *document,
                  gboolean *changed)
{
  g_autoptr(GFile) recovery = recovery_file_for (document, ".upphandla");
  g_autoptr(GError) error = NULL;
  g_autofree char *recovery_data = NULL;
  g_autofree char *document_data = NULL;
  g_autofree char *base = NULL;
  g_autofree char *recovery_checksum = NULL;
  g_autofree char *document_checksum = NULL;
  gsize recovery_size, document_size;

  *changed = FALSE;
  if (!g_file_load_contents (recovery, NULL, &recovery_data, &recovery_size, NULL, NULL))
    return NULL;

  if (!g_file_load_contents (document, NULL, &document_data, &document_size, NULL, &error))
    {
      *changed = !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
      return g_steal_pointer (&recovery);
    }

  if (document_size == recovery_size && memcmp (document_data, recovery_data, recovery_size) == 0)
    {
      up_store_discard_recovery (document);
      return NULL;
    }

  recovery_checksum = checksum_of ((const guint8 *) recovery_data, recovery_size);
  base = read_recovery_base (document, recovery_checksum);
  document_checksum = checksum_of ((const guint8 *) document_data, document_size);
  *changed = base == NULL || g_strcmp0 (base, document_checksum) != 0;
  return g_steal_pointer (&recovery);
}

/**
 * up_store_find_recovery:
 *
 * Returns: (transfer full) (nullable): the recovery copy of @document when
 * it holds something the document does not. That is so whenever the two
 * differ, whatever their times: a copy older than the document, which
 * someone else saved after the crash, still holds edits of its own (see
 * up_store_recovery_document_changed()).
 */
GFile *
up_store_find_recovery (GFile *document)
{
  gboolean changed;

  g_return_val_if_fail (G_IS_FILE (document), NULL);

  return inspect_recovery (document, &changed);
}

/**
 * up_store_has_recovery:
 *
 * Returns: %TRUE when @document has a recovery copy, without reading it
 * (a list of recent projects asks this of every row). The copy may turn
 * out to hold nothing new: up_store_find_recovery() tells.
 */
gboolean
up_store_has_recovery (GFile *document)
{
  g_autoptr(GFile) recovery = NULL;

  g_return_val_if_fail (G_IS_FILE (document), FALSE);

  recovery = recovery_file_for (document, ".upphandla");
  return g_file_query_exists (recovery, NULL);
}

/**
 * up_store_recovery_in_use:
 *
 * Returns: %TRUE when the recovery copy of @document belongs to a store
 * that is still open, in this process or another (a second instance of
 * the app): its edits are not left behind, and are not to be recovered or
 * discarded here.
 */
gboolean
up_store_recovery_in_use (GFile *document)
{
  g_autoptr(GFile) owner_file = NULL;
  g_autofree char *owner = NULL;
  g_autofree char *live = NULL;
  gboolean in_use;
  int fd;

  g_return_val_if_fail (G_IS_FILE (document), FALSE);

  owner_file = recovery_file_for (document, ".owner");
  if (!g_file_get_contents (g_file_peek_path (owner_file), &owner, NULL, NULL) ||
      !g_uuid_string_is_valid (owner))
    return FALSE;

  live = live_path_for (owner);
  fd = g_open (live, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    return FALSE;
  in_use = flock (fd, LOCK_SH | LOCK_NB) != 0 && errno == EWOULDBLOCK;
  close (fd);
  return in_use;
}

/* Whether the store named by @token still runs, in this process or
 * another (see hold_live_lock()). */
static gboolean
store_runs (const char *token)
{
  g_autofree char *live = NULL;
  gboolean running;
  int fd;

  if (!g_uuid_string_is_valid (token))
    return FALSE;
  live = live_path_for (token);
  fd = g_open (live, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    return FALSE;
  running = flock (fd, LOCK_SH | LOCK_NB) != 0 && errno == EWOULDBLOCK;
  close (fd);
  return running;
}

/* The draft of @document kept by the store of @token: a file of its own,
 * as two instances with the same project open each keep theirs. */
static GFile *
draft_file_for (GFile      *document,
                const char *token)
{
  g_autofree char *suffix = g_strconcat (".", token, ".draft", NULL);

  return recovery_file_for (document, suffix);
}

/* The token of the store that kept @name, a draft of the document whose
 * recovery files start with @key, or NULL when @name is no such draft. */
static char *
draft_token (const char *name,
             const char *key)
{
  gsize key_len = strlen (key);
  gsize len = strlen (name);

  if (!g_str_has_prefix (name, key) || name[key_len] != '.' || !g_str_has_suffix (name, ".draft") ||
      len <= key_len + 1 + strlen (".draft"))
    return NULL;
  return g_strndup (name + key_len + 1, len - key_len - 1 - strlen (".draft"));
}

/**
 * up_store_keep_draft:
 * @draft: (nullable): text to keep, or %NULL to drop what was kept
 *
 * Keeps @draft, text that an editor holds and the project does not yet
 * (a note being written in a form, which is added to the project only
 * when it is saved), beside the recovery copy of the store's document, so
 * that it outlives a crash: up_store_take_draft() gives it to the next
 * open. The draft is the store's own: another store with the same
 * document open (a second window or instance) keeps its own beside it,
 * and neither writes over or drops the other's. Written whole or not at
 * all; not synced, as the recovery copy is not. Returns %FALSE when it
 * could not be written.
 */
gboolean
up_store_keep_draft (UpStore    *self,
                     const char *draft)
{
  g_autoptr(GFile) dir = NULL;
  g_autoptr(GFile) file = NULL;

  g_return_val_if_fail (UP_IS_STORE (self), FALSE);

  if (self->file == NULL)
    return FALSE;

  file = draft_file_for (self->file, self->recovery_token);
  if (draft == NULL)
    {
      g_file_delete (file, NULL, NULL);
      return TRUE;
    }

  /* The writer's lock first: a draft of a store that still runs is not
   * taken (see up_store_take_draft()). */
  hold_live_lock (self);
  dir = up_store_get_recovery_dir ();
  return g_mkdir_with_parents (g_file_peek_path (dir), 0700) == 0 &&
         replace_atomically (g_file_peek_path (file), draft, strlen (draft), 0600, TRUE, FALSE,
                             NULL);
}

/* Takes (reads and removes) the drafts of @document whose stores no
 * longer run; with @first_only, the first found. */
static GPtrArray *
take_drafts (GFile    *document,
             gboolean  first_only)
{
  g_autoptr(GFile) dir = up_store_get_recovery_dir ();
  g_autoptr(GDir) d = g_dir_open (g_file_peek_path (dir), 0, NULL);
  g_autofree char *key = recovery_key (document);
  GPtrArray *taken = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL &&
         !(first_only && taken->len > 0))
    {
      g_autofree char *token = draft_token (name, key);
      g_autofree char *path = NULL;
      g_autofree char *contents = NULL;

      if (token == NULL || store_runs (token))
        continue;
      path = g_build_filename (g_file_peek_path (dir), name, NULL);
      if (g_file_get_contents (path, &contents, NULL, NULL))
        g_ptr_array_add (taken, g_steal_pointer (&contents));
      g_unlink (path);
    }
  return taken;
}

/**
 * up_store_take_draft:
 *
 * Returns: (transfer full) (nullable): a text kept by
 * up_store_keep_draft() for @document by a store that no longer runs (a
 * crash), which is removed as it is returned; %NULL when there is none.
 * A draft whose store still runs, in this process or another, is not
 * taken. Where several stores died with drafts, each call takes one.
 */
char *
up_store_take_draft (GFile *document)
{
  g_autoptr(GPtrArray) taken = NULL;

  g_return_val_if_fail (G_IS_FILE (document), NULL);

  taken = take_drafts (document, TRUE);
  return taken->len > 0 ? g_strdup (g_ptr_array_index (taken, 0)) : NULL;
}

/**
 * up_store_recovery_document_changed:
 *
 * Returns: %TRUE when @document has a recovery copy and is no longer the
 * version that copy was made on: someone else saved it since (or that
 * cannot be told). The store up_store_open_recovery() gives then meets a
 * conflict at its first save, and the user chooses whose version to keep.
 */
gboolean
up_store_recovery_document_changed (GFile *document)
{
  g_autoptr(GFile) recovery = NULL;
  gboolean changed;

  g_return_val_if_fail (G_IS_FILE (document), FALSE);

  recovery = inspect_recovery (document, &changed);
  return recovery != NULL && changed;
}

void
up_store_discard_recovery (GFile *document)
{
  static const char * const suffixes[] = { ".upphandla", ".uri", ".base", ".owner" };

  g_return_if_fail (G_IS_FILE (document));

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autoptr(GFile) file = recovery_file_for (document, suffixes[i]);

      g_file_delete (file, NULL, NULL);
    }
  /* the drafts left behind too, not those of stores that still run */
  g_ptr_array_unref (take_drafts (document, FALSE));
}

/* Stands for a version of the document that is not known: no file has
 * this checksum, so the first save meets a conflict if a file is there. */
#define UNKNOWN_CHECKSUM "unknown"

/**
 * up_store_open_recovery:
 *
 * Opens the recovery copy of @document as a store that saves to @document.
 * The store takes the version of the document the copy was made on as
 * the one it read: if the document is another now (someone else saved it
 * since), the first save fails with %UP_STORE_ERROR_CONFLICT, as any save
 * over someone else's does, and the user chooses. The recovery copy is
 * kept until a save of the document has succeeded.
 */
UpStore *
up_store_open_recovery (GFile   *document,
                        GError **error)
{
  g_autoptr(GFile) recovery = NULL;
  g_autofree char *base = NULL;
  UpStore *self;

  g_return_val_if_fail (G_IS_FILE (document), NULL);

  recovery = recovery_file_for (document, ".upphandla");
  self = up_store_open (recovery, error);
  if (self == NULL)
    return NULL;

  /* The store's checksum is that of the copy's bytes as they were read:
   * the base must belong to those. */
  base = read_recovery_base (document, self->checksum);
  g_set_object (&self->file, document);
  /* The copy is of this version; a document of an earlier one, whose
   * first save of its migration never landed, is kept beside it as that
   * save would have kept it. */
  if (self->migrated_from < 0)
    {
      guint8 header[HEADER_SIZE] = { 0 };
      gsize header_size = 0;
      goffset size;

      if (read_header (document, header, &header_size, &size, NULL) && header_size == HEADER_SIZE &&
          memcmp (header, sqlite_header, sizeof sqlite_header) == 0 && read_be32 (header + 68) == UP_APPLICATION_ID &&
          (gint32) read_be32 (header + 60) >= 0 && (gint32) read_be32 (header + 60) < UP_SCHEMA_VERSION)
        self->migrated_from = (gint32) read_be32 (header + 60);
    }
  g_clear_pointer (&self->checksum, g_free);
  self->checksum = base != NULL && base[0] != '\0' ? g_steal_pointer (&base) : g_strdup (UNKNOWN_CHECKSUM);
  self->dirty = TRUE;
  self->kept_valid = TRUE;
  self->kept_edits = self->edits;

  /* The user took these edits over: the copy is this store's now, to
   * write on and to remove once the document holds them. */
  {
    g_autoptr(GFile) owner = recovery_file_for (document, ".owner");

    /* as the saves write it, so that a temporary file a kill leaves here
     * is one the next save sweeps */
    hold_live_lock (self);
    if (!replace_atomically (g_file_peek_path (owner), self->recovery_token,
                             strlen (self->recovery_token), 0600, TRUE, FALSE, NULL))
      g_warning ("Could not take over the recovery copy of %s", g_file_peek_path (recovery));
  }
  up_store_schedule_save (self);

  return self;
}

/**
 * up_store_get_recovery_modified:
 *
 * Returns: (transfer full) (nullable): when the recovery copy of
 * @document was last written, that is, when its latest unsaved change was
 * made; %NULL when it has none.
 */
GDateTime *
up_store_get_recovery_modified (GFile *document)
{
  g_autoptr(GFile) recovery = NULL;
  g_autoptr(GFileInfo) info = NULL;

  g_return_val_if_fail (G_IS_FILE (document), NULL);

  recovery = recovery_file_for (document, ".upphandla");
  info = g_file_query_info (recovery, G_FILE_ATTRIBUTE_TIME_MODIFIED "," G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC,
                            G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (info == NULL)
    return NULL;
  return g_file_info_get_modification_date_time (info);
}

void
up_recovery_info_free (UpRecoveryInfo *info)
{
  if (info == NULL)
    return;

  g_clear_object (&info->document);
  g_clear_pointer (&info->modified, g_date_time_unref);
  g_free (info);
}

static gint
compare_recoveries_newest_first (gconstpointer a,
                                 gconstpointer b)
{
  const UpRecoveryInfo *ra = *(const UpRecoveryInfo * const *) a;
  const UpRecoveryInfo *rb = *(const UpRecoveryInfo * const *) b;

  /* a copy whose time is not known counts as the oldest */
  if (ra->modified == NULL || rb->modified == NULL)
    {
      if (ra->modified != rb->modified)
        return ra->modified == NULL ? 1 : -1;
    }
  else if (!g_date_time_equal (ra->modified, rb->modified))
    return g_date_time_compare (rb->modified, ra->modified);

  /* the same time: an order that does not depend on the folder's */
  {
    g_autofree char *uri_a = g_file_get_uri (ra->document);
    g_autofree char *uri_b = g_file_get_uri (rb->document);

    return g_strcmp0 (uri_a, uri_b);
  }
}

/**
 * up_store_list_recoveries:
 *
 * Returns: (transfer full) (element-type UpRecoveryInfo): the documents
 *   that have a recovery copy holding something they do not, each with
 *   the time of its copy, for the start page to offer after a crash: the
 *   latest changed first, as the recent projects are listed.
 */
GPtrArray *
up_store_list_recoveries (void)
{
  g_autoptr(GFile) dir = up_store_get_recovery_dir ();
  g_autoptr(GFileEnumerator) children = NULL;
  GPtrArray *found = g_ptr_array_new_with_free_func ((GDestroyNotify) up_recovery_info_free);
  GFileInfo *info;

  sweep_dead_live_locks (g_file_peek_path (dir));
  children = g_file_enumerate_children (dir,
                                        G_FILE_ATTRIBUTE_STANDARD_NAME "," G_FILE_ATTRIBUTE_TIME_MODIFIED,
                                        G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (children == NULL)
    return found;

  while ((info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
    {
      g_autoptr(GFileInfo) owned = info;
      g_autoptr(GFile) child = NULL;
      g_autoptr(GFile) document = NULL;
      g_autoptr(GFile) recovery = NULL;
      g_autofree char *uri = NULL;
      const char *name = g_file_info_get_name (info);
      UpRecoveryInfo *item;

      if (!g_str_has_suffix (name, ".uri"))
        {
          /* A temporary file of a write that a crash cut short: the folder
           * is ours alone, and a write older than a minute is over. */
          /* the lock of a running store (see sweep_dead_live_locks()) */
          if (g_str_has_suffix (name, ".live"))
            continue;
          if (!g_str_has_suffix (name, ".upphandla") && !g_str_has_suffix (name, ".base") &&
              !g_str_has_suffix (name, ".owner") && !g_str_has_suffix (name, ".draft") &&
              g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED) + 60 <
              (guint64) (g_get_real_time () / G_USEC_PER_SEC))
            {
              g_autoptr(GFile) stale = g_file_get_child (dir, name);

              g_file_delete (stale, NULL, NULL);
            }
          continue;
        }

      child = g_file_get_child (dir, name);
      if (!g_file_load_contents (child, NULL, &uri, NULL, NULL, NULL))
        continue;

      /* Only a document a file can be: an empty or cut .uri (a crash as it
       * was written) names none, and its GFile has no name to list. */
      if (g_uri_peek_scheme (g_strstrip (uri)) == NULL)
        continue;
      document = g_file_new_for_uri (uri);
      {
        g_autofree char *basename = g_file_get_basename (document);

        if (basename == NULL)
          continue;
      }
      recovery = up_store_find_recovery (document);
      if (recovery == NULL)
        continue;

      item = g_new0 (UpRecoveryInfo, 1);
      item->modified = up_store_get_recovery_modified (document);
      item->in_use = up_store_recovery_in_use (document);
      item->document = g_steal_pointer (&document);
      g_ptr_array_add (found, item);
    }

  g_ptr_array_sort (found, compare_recoveries_newest_first);

  return found;
}

void
_up_store_set_retry_seconds (UpStore *self,
                             guint    seconds)
{
  g_return_if_fail (UP_IS_STORE (self));
  g_return_if_fail (seconds > 0);

  self->retry_seconds = seconds;
}

void
_up_store_set_lock_wait (UpStore *self,
                         guint    ms)
{
  g_return_if_fail (UP_IS_STORE (self));

  self->lock_wait_ms = ms;
}
