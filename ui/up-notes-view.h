/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>
#include <upphandla/upphandla.h>

G_BEGIN_DECLS

#define UP_TYPE_NOTES_VIEW (up_notes_view_get_type ())

G_DECLARE_FINAL_TYPE (UpNotesView, up_notes_view, UP, NOTES_VIEW, AdwBin)

/* Every note of the project, with filters and full-text search.
 * Signals:
 *   "error" (const GError *error): an edit was refused; the window shows it. */

GtkWidget *up_notes_view_new         (void);
UpProject *up_notes_view_get_project (UpNotesView *self);
void       up_notes_view_set_project (UpNotesView *self,
                                      UpProject *project);
/* The notes the view lists, as searched and filtered, in its order
 * (UpNote); NULL before the view is first shown. */
GListModel *up_notes_view_get_listed (UpNotesView *self);
/* A stakeholder's notes (from their panel) and a stage's (from the stage
 * panel): see the functions. */
void       up_notes_view_show_stakeholder (UpNotesView   *self,
                                           UpStakeholder *person,
                                           UpNote        *note);
void       up_notes_view_show_stage       (UpNotesView   *self,
                                           UpStage       *stage,
                                           UpNote        *note);
void       up_notes_view_add_note_about   (UpNotesView   *self,
                                           UpStakeholder *person);
/* What it lists, in words: its count ("12 of 20 notes") and the search. */
char      *up_notes_view_get_summary (UpNotesView *self);

G_END_DECLS
