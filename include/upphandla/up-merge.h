/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "up-project.h"

G_BEGIN_DECLS

#define UP_MERGE_ERROR (up_merge_error_quark ())

typedef enum
{
  UP_MERGE_ERROR_SAME_FILE,  /* the copy is the project's own file */
} UpMergeError;

GQuark    up_merge_error_quark (void);

/* What a merge brought in from a copy of the project. */
typedef struct
{
  guint notes_added;         /* notes new to the project */
  guint notes_changed;       /* notes of the project edited in the copy since */
  guint notes_there;         /* notes the project has as the copy has them */
  guint notes_deleted;       /* notes the copy had when it was made, deleted
                              * here since: left deleted */
  guint notes_without_stage; /* of those added, pinned in the copy to a stage
                              * the project does not have: added unpinned */
  guint stakeholders_added;
  guint stakeholders_changed; /* the project's people the copy changed
                               * since, later than the project did */
  guint links_added;         /* Agenda 2030 links of the project's stages */
} UpMergeSummary;

/* Brings into @project what a copy of it (a file sent to a workshop's
 * participants and sent back) adds, as one undo step:
 *
 * - its notes that @project lacks, with their stakeholders and Agenda 2030
 *   links, pinned to the same stage (the stage of the same id, where it
 *   was there when the copy was made, or else the one stage of the same
 *   kind and title, case and spacing aside; with no such stage the note
 *   is added unpinned); a note counts as there already when @project has
 *   one said on the same day with the same text, or when it is the same
 *   note (the same id and created at the same moment, to the microsecond);
 * - the copy's edits of a note both have, where the copy changed it
 *   later than @project did: its text, day, kind, visibility and stage;
 *   and the stakeholders it names and the links it has since the copy
 *   was made;
 * - stakeholders @project lacks (by name and organisation, case and
 *   spacing aside) with all their fields, and the copy's changes of a
 *   person both have (of the same name and organisation, or of the same
 *   id where the person was there when the copy was made), where the
 *   copy changed them later than @project did: all their fields;
 * - the Agenda 2030 links the copy has on a stage that @project's stage
 *   lacks (a target not linked there yet).
 *
 * What @project deleted since the copy was made stays deleted (also a
 * person a note no longer names): a row of the copy whose id is at most
 * the highest id of a row both have (the same stage, note, person, link,
 * or person named by the same note) was there when the copy was made.
 * Nothing of @project is taken away, and its stages, local goals and
 * details stay as they are. On an error nothing is changed. */
gboolean  up_merge_project      (UpProject        *project,
                                 UpProject        *copy,
                                 UpMergeSummary   *summary,
                                 GError          **error);
/* The same, of the project file @file, opened with every check of
 * up_project_open(); refused when it is @project's own file. */
gboolean  up_merge_file         (UpProject        *project,
                                 GFile            *file,
                                 UpMergeSummary   *summary,
                                 GError          **error);
/* The same, of @n_files copies at once, as one undo step, @summary their
 * sum; every file is opened and checked first, and on an error of any
 * nothing is changed. */
gboolean  up_merge_files        (UpProject        *project,
                                 GFile * const    *files,
                                 guint             n_files,
                                 UpMergeSummary   *summary,
                                 GError          **error);

G_END_DECLS
