/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "up-types.h"

G_BEGIN_DECLS

#define UP_STORE_ERROR (up_store_error_quark ())

/* One code per thing a user can meet, in the order open checks them. */
typedef enum
{
  UP_STORE_ERROR_NOT_FOUND,          /* no such file */
  UP_STORE_ERROR_IS_DIRECTORY,       /* a folder where a file was expected */
  UP_STORE_ERROR_PERMISSION_DENIED,  /* cannot read it */
  UP_STORE_ERROR_READ_FAILED,        /* any other error while reading */
  UP_STORE_ERROR_EMPTY,              /* zero bytes */
  UP_STORE_ERROR_NOT_DATABASE,       /* not an SQLite file at all */
  UP_STORE_ERROR_NOT_PROJECT,        /* SQLite, but another application's */
  UP_STORE_ERROR_TOO_LARGE,          /* a project larger than can be opened */
  UP_STORE_ERROR_TOO_NEW,            /* written by a newer Upphandla */
  UP_STORE_ERROR_CORRUPT,            /* damaged or truncated */
  UP_STORE_ERROR_MIGRATION_FAILED,   /* an older version could not be upgraded */
  UP_STORE_ERROR_NO_SPACE,           /* saving: the disk is full */
  UP_STORE_ERROR_READ_ONLY,          /* saving: no permission to write there */
  UP_STORE_ERROR_CONFLICT,           /* saving: changed on disk by someone else */
  UP_STORE_ERROR_WRITE_FAILED,       /* saving: any other error */
  UP_STORE_ERROR_INVALID,            /* an edit with a value the model refuses */
  UP_STORE_ERROR_FAILED,             /* an unexpected database error */
  UP_STORE_ERROR_BUSY,               /* saving: another program holds the file's lock */
} UpStoreError;

#define UP_TYPE_STORE (up_store_get_type ())

G_DECLARE_FINAL_TYPE (UpStore, up_store, UP, STORE, GObject)

/* Signals:
 *   "saved" (): a save finished and the file on disk holds every edit so far
 *     or at least every edit up to the snapshot it wrote.
 *   "save-failed" (const GError *error): a save failed; the edits stay in
 *     memory and in the recovery copy. Codes: UP_STORE_ERROR_NO_SPACE,
 *     _READ_ONLY, _CONFLICT (someone else changed the file: never retried by
 *     itself; the user chooses up_store_save_overwrite() or a copy), _BUSY
 *     (another program held the file's lock too long: tried again by itself,
 *     as _NO_SPACE is), _WRITE_FAILED.
 *   "written-anew" (): after "saved": the file that was read or last saved
 *     was gone (deleted, or moved to another folder), and the save made a
 *     new one at its place.
 *   "backed-up" (GFile *backup): after "saved": the first save of a file of
 *     an earlier schema version kept the file as it was at @backup
 *     (NAME.vN.bak beside it; one there already is kept as it is).
 * Properties (read-only, notify): "file", "dirty", "saving", "save-error".
 */

GQuark       up_store_error_quark       (void);

UpStore     *up_store_new               (GError      **error);
UpStore     *up_store_open              (GFile        *file,
                                         GError      **error);
UpStore     *up_store_open_bytes        (GBytes       *bytes,
                                         GError      **error);

GFile       *up_store_get_file          (UpStore      *self);
void         up_store_set_file          (UpStore      *self,
                                         GFile        *file);
/* Watches the file from now on and follows it when it is renamed in its
 * folder (in a file manager, say), so that the next save goes to the new
 * name: for an app that keeps the project open. A command that reads the
 * file once goes without (a watch is an inotify handle and a thread). */
void         up_store_follow_file       (UpStore      *self);
gboolean     up_store_check_writable    (UpStore      *self,
                                         GError      **error);
gboolean     up_store_get_dirty         (UpStore      *self);
gboolean     up_store_get_edits_kept    (UpStore      *self);
gboolean     up_store_get_saving        (UpStore      *self);
const GError *up_store_get_save_error   (UpStore      *self);
int          up_store_get_migrated_from (UpStore      *self);

/* Saving. Every edit schedules a save; saves run off the main thread and
 * coalesce. The file is replaced atomically, only if its etag is still the
 * one it had when it was read or last written (else UP_STORE_ERROR_CONFLICT). */
void         up_store_schedule_save     (UpStore      *self);
gboolean     up_store_save              (UpStore      *self,
                                         GError      **error);
gboolean     up_store_flush             (UpStore      *self,
                                         GError      **error);
gboolean     up_store_save_overwrite    (UpStore      *self,
                                         GError      **error);
void         up_store_save_async        (UpStore      *self,
                                         GFile        *destination,
                                         gboolean      overwrite,
                                         GAsyncReadyCallback callback,
                                         gpointer      user_data);
gboolean     up_store_save_finish       (UpStore      *self,
                                         GAsyncResult *result,
                                         GError      **error);
gboolean     up_store_save_copy         (UpStore      *self,
                                         GFile        *destination,
                                         GError      **error);
GBytes      *up_store_serialize         (UpStore      *self,
                                         GError      **error);

/* Crash recovery: snapshots that were not yet safely in the document. */

/* A document whose recovery copy holds changes it does not. */
typedef struct
{
  GFile     *document;
  GDateTime *modified;  /* when the copy was last written, that is, when its
                         * latest unsaved change was made; NULL if unknown */
  gboolean   in_use;    /* its store still runs (another window or instance):
                         * see up_store_recovery_in_use() */
} UpRecoveryInfo;

void         up_recovery_info_free      (UpRecoveryInfo *info);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (UpRecoveryInfo, up_recovery_info_free)

GFile       *up_store_get_recovery_dir  (void);
GFile       *up_store_find_recovery     (GFile        *document);
gboolean     up_store_has_recovery      (GFile        *document);
gboolean     up_store_recovery_in_use   (GFile        *document);
gboolean     up_store_keep_draft        (UpStore      *self,
                                         const char   *draft);
char        *up_store_take_draft        (GFile        *document);
gboolean     up_store_recovery_document_changed (GFile  *document);
void         up_store_discard_recovery  (GFile        *document);
UpStore     *up_store_open_recovery     (GFile        *document,
                                         GError      **error);
GDateTime   *up_store_get_recovery_modified (GFile *document);
GPtrArray   *up_store_list_recoveries   (void);

G_END_DECLS
