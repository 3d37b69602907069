/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "up-schema.h"
#include "up-store.h"

G_BEGIN_DECLS

/* One row changed by a transaction, as the change log recorded it: the row
 * before (old) and after (new) as JSON objects of its columns; of an
 * update only the id and the columns it changed. Undo replays a change set
 * backwards with the old images, redo forwards with the new. */
typedef struct
{
  UpTableId  table;
  char       op;       /* 'i'nsert, 'u'pdate, 'd'elete */
  gint64     id;
  char      *old_row;
  char      *new_row;
} UpChange;

struct _UpChangeSet
{
  GArray *changes;     /* of UpChange */
};

UpChangeSet  *_up_change_set_new      (void);
void          _up_change_set_free     (UpChangeSet *set);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (UpChangeSet, _up_change_set_free)

typedef struct _UpContentCheck UpContentCheck;

UpStore      *_up_store_open_checking (GFile        *file,
                                       GError      **error);
gboolean      _up_store_finish_checks (UpStore      *self,
                                       GError      **error);

sqlite3      *_up_store_get_db        (UpStore      *self);
sqlite3_stmt *_up_store_prepare       (UpStore      *self,
                                       const char   *sql,
                                       GError      **error);
gboolean      _up_store_step_done     (UpStore      *self,
                                       sqlite3_stmt *stmt,
                                       GError      **error);
void          _up_store_set_db_error  (UpStore      *self,
                                       int           rc,
                                       GError      **error);

/* Edits: begin, run statements, commit. Commit hands back what changed and
 * schedules a save; rollback leaves the database as it was before begin. */
gboolean      _up_store_begin         (UpStore      *self,
                                       GError      **error);
UpChangeSet  *_up_store_commit        (UpStore      *self,
                                       GError      **error);
void          _up_store_rollback      (UpStore      *self);
gboolean      _up_store_in_transaction (UpStore     *self);
gboolean      _up_store_replay        (UpStore      *self,
                                       UpChangeSet  *set,
                                       gboolean      backwards,
                                       GError      **error);

/* The note index is checked at the first search or edit of a note, not
 * at the open; rebuilt if damaged. */
gboolean      _up_store_ensure_note_index (UpStore  *self,
                                           GError  **error);

/* How long a save that failed for want of space waits to try again; the
 * tests make it short. */
void          _up_store_set_retry_seconds (UpStore  *self,
                                           guint     seconds);
/* How long a save waits for another program's lock on the file before
 * it gives up (3 s); the tests make it short. */
void          _up_store_set_lock_wait     (UpStore  *self,
                                           guint     ms);

/* @a and @b name one file: equal, or the same file id (a link). */
gboolean _up_store_same_file (GFile *a,
                              GFile *b);

G_END_DECLS
