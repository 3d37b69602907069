/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "up-types.h"
#include "up-history.h"
#include "up-local-goal.h"
#include "up-note.h"
#include "up-record.h"
#include "up-sdg-link.h"
#include "up-stage.h"
#include "up-stakeholder.h"
#include "up-store.h"

G_BEGIN_DECLS

#define UP_TYPE_PROJECT (up_project_get_type ())

G_DECLARE_FINAL_TYPE (UpProject, up_project, UP, PROJECT, GObject)

/* Signals:
 *   "changed" (detailed by table name, e.g. "changed::stage"): emitted once
 *     per table after every edit, undo or redo that touched the table, after
 *     the records and list models are up to date. Link tables
 *     (note_stakeholder, local_goal_target, stage_local_goal) have no list
 *     model of their own: follow them with this signal.
 *   "commit-pending": up_project_commit_pending() asks whoever holds an
 *     edit of the project not committed yet (a field typed in and not left,
 *     a text waiting for a pause in typing) to commit it now, as one undo
 *     step each. Every editor of the project answers it: the window closes
 *     and a toast's Undo acts on that, not on each view by name.
 * Properties: "title", "organisation", "description", "created", "modified",
 * "file" (GFile), "store", "history" — all read-only.
 */

/* Opening and creating. None of them is an undo step. */
UpProject     *up_project_new                  (const char     *title,
                                                GError        **error);
UpProject     *up_project_new_for_store        (UpStore        *store,
                                                GError        **error);
UpProject     *up_project_open                 (GFile          *file,
                                                GError        **error);
UpProject     *up_project_create               (GFile          *file,
                                                const char     *title,
                                                GError        **error);

UpStore       *up_project_get_store            (UpProject      *self);
UpHistory     *up_project_get_history          (UpProject      *self);
GFile         *up_project_get_file             (UpProject      *self);

const char    *up_project_get_title            (UpProject      *self);
const char    *up_project_get_organisation     (UpProject      *self);
const char    *up_project_get_description      (UpProject      *self);
const char    *up_project_get_created          (UpProject      *self);
const char    *up_project_get_modified         (UpProject      *self);

/* The rows as list models of UpRecord subclasses; stages and local goals in
 * their row order, the others in the order they were created. */
GListModel    *up_project_get_stages           (UpProject      *self);
GListModel    *up_project_get_stakeholders     (UpProject      *self);
GListModel    *up_project_get_notes            (UpProject      *self);
GListModel    *up_project_get_sdg_links        (UpProject      *self);
GListModel    *up_project_get_local_goals      (UpProject      *self);

UpRecord      *up_project_lookup               (UpProject      *self,
                                                const char     *table,
                                                gint64          id);
void           up_project_get_date_range       (UpProject      *self,
                                                char          **first,
                                                char          **last);

/* Queries of the link tables. Arrays of borrowed records, or of strings. */
GPtrArray     *up_project_list_stage_notes     (UpProject      *self,
                                                UpStage        *stage);
GPtrArray     *up_project_list_note_stakeholders (UpProject    *self,
                                                UpNote         *note);
GPtrArray     *up_project_list_stakeholder_notes (UpProject    *self,
                                                UpStakeholder  *stakeholder);
GPtrArray     *up_project_list_sdg_links       (UpProject      *self,
                                                UpRecord       *stage_or_note);
GPtrArray     *up_project_list_local_goal_targets (UpProject   *self,
                                                UpLocalGoal    *goal);
GPtrArray     *up_project_list_stage_local_goals (UpProject    *self,
                                                UpStage        *stage);
GPtrArray     *up_project_list_local_goal_stages (UpProject    *self,
                                                UpLocalGoal    *goal);
guint          up_project_count                (UpProject      *self,
                                                const char     *table);

/* What the timeline shows on a stage's bar: how many notes are pinned to
 * it and which goals its Agenda 2030 links touch (bit goal - 1). Read with
 * SQL, without a record per note or link. */
typedef struct
{
  gint64  stage_id;
  guint   n_notes;
  guint32 goals;
} UpStageSummary;

void           up_project_summarize_stage      (UpProject      *self,
                                                gint64          stage_id,
                                                UpStageSummary *summary);

/* The edit API. Each call is one SQLite transaction and one undo step, and
 * schedules a save. A value the model refuses is UP_STORE_ERROR_INVALID and
 * changes nothing. @record is the project itself for the project's fields. */
gboolean       up_project_set_string           (UpProject      *self,
                                                gpointer        record,
                                                const char     *property,
                                                const char     *value,
                                                GError        **error);
gboolean       up_project_set_int              (UpProject      *self,
                                                gpointer        record,
                                                const char     *property,
                                                gint64          value,
                                                GError        **error);

UpStage       *up_project_add_stage            (UpProject      *self,
                                                const char     *kind,
                                                const char     *title,
                                                const char     *start_date,
                                                const char     *end_date,
                                                UpStage        *after,
                                                GError        **error);
gboolean       up_project_move_stage           (UpProject      *self,
                                                UpStage        *stage,
                                                const char     *start_date,
                                                const char     *end_date,
                                                GError        **error);
gboolean       up_project_reorder_stage        (UpProject      *self,
                                                UpStage        *stage,
                                                guint           position,
                                                GError        **error);
UpStage       *up_project_duplicate_stage      (UpProject      *self,
                                                UpStage        *stage,
                                                const char     *title,
                                                GError        **error);
gboolean       up_project_delete_stage         (UpProject      *self,
                                                UpStage        *stage,
                                                gboolean        with_notes,
                                                GError        **error);

UpStakeholder *up_project_add_stakeholder      (UpProject      *self,
                                                const char     *name,
                                                const char     *organisation,
                                                const char     *category,
                                                GError        **error);
gboolean       up_project_delete_stakeholder   (UpProject      *self,
                                                UpStakeholder  *stakeholder,
                                                GError        **error);

UpNote        *up_project_add_note             (UpProject      *self,
                                                const char     *body,
                                                const char     *kind,
                                                const char     *said_on,
                                                UpStage        *stage,
                                                GError        **error);
gboolean       up_project_delete_note          (UpProject      *self,
                                                UpNote         *note,
                                                GError        **error);
gboolean       up_project_link_note_stakeholder   (UpProject   *self,
                                                   UpNote      *note,
                                                   UpStakeholder *stakeholder,
                                                   GError     **error);
gboolean       up_project_unlink_note_stakeholder (UpProject   *self,
                                                   UpNote      *note,
                                                   UpStakeholder *stakeholder,
                                                   GError     **error);

UpSdgLink     *up_project_add_sdg_link         (UpProject      *self,
                                                UpRecord       *stage_or_note,
                                                const char     *target,
                                                const char     *impact,
                                                int             strength,
                                                const char     *comment,
                                                GError        **error);
gboolean       up_project_delete_sdg_link      (UpProject      *self,
                                                UpSdgLink      *link,
                                                GError        **error);

UpLocalGoal   *up_project_add_local_goal       (UpProject      *self,
                                                const char     *level,
                                                const char     *title,
                                                GError        **error);
gboolean       up_project_reorder_local_goal   (UpProject      *self,
                                                UpLocalGoal    *goal,
                                                guint           position,
                                                GError        **error);
gboolean       up_project_delete_local_goal    (UpProject      *self,
                                                UpLocalGoal    *goal,
                                                GError        **error);
gboolean       up_project_link_local_goal_target   (UpProject  *self,
                                                    UpLocalGoal *goal,
                                                    const char *target,
                                                    GError    **error);
gboolean       up_project_unlink_local_goal_target (UpProject  *self,
                                                    UpLocalGoal *goal,
                                                    const char *target,
                                                    GError    **error);
gboolean       up_project_link_stage_local_goal    (UpProject  *self,
                                                    UpStage    *stage,
                                                    UpLocalGoal *goal,
                                                    GError    **error);
gboolean       up_project_unlink_stage_local_goal  (UpProject  *self,
                                                    UpStage    *stage,
                                                    UpLocalGoal *goal,
                                                    GError    **error);

/* Several edits as one undo step (a route laid out, an import). Groups nest;
 * the outermost end commits. On error the whole group is rolled back. */
void           up_project_begin_group          (UpProject      *self,
                                                const char     *label);
gboolean       up_project_end_group            (UpProject      *self,
                                                GError        **error);

gboolean       up_project_undo                 (UpProject      *self,
                                                GError        **error);
gboolean       up_project_redo                 (UpProject      *self,
                                                GError        **error);
/* The ids (gint64) of the stages the next undo (@redo FALSE) or redo
 * step changes, adds or takes away, each once, in the order the step
 * changed them; empty when there is no step or it touches no stage. */
GArray        *up_project_get_step_stages      (UpProject      *self,
                                                gboolean        redo);

void           up_project_commit_pending       (UpProject      *self);

/* Undoes one edit named by its step (up_history_get_undo_serial()), also
 * under later edits of other rows. */
gboolean       up_project_can_undo_edit        (UpProject      *self,
                                                guint           serial);
gboolean       up_project_undo_edit            (UpProject      *self,
                                                guint           serial,
                                                GError        **error);

/* Takes back a record just added and never used, leaving no undo step. */
gboolean       up_project_can_withdraw         (UpProject      *self,
                                                gpointer        record);
gboolean       up_project_withdraw             (UpProject      *self,
                                                gpointer        record,
                                                GError        **error);

G_END_DECLS
