/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>
#include <upphandla/upphandla.h>

G_BEGIN_DECLS

/* Shared by the notes view and the notes of the stage panel. */

char      *up_note_util_today             (void);
char      *up_note_util_format_date       (const char *iso_date);
char      *up_note_util_stakeholder_names (UpProject  *project,
                                           UpNote     *note);
const char *up_note_util_default_kind     (UpStage    *stage);

/* Gives @drop_down a button that ellipsizes its choice (a long stage
 * title must not widen a narrow panel) and a popup that shows it whole. */
void       up_note_util_setup_drop_down   (GtkDropDown *drop_down);

/* Shows @text, wrapped and dimmed, where @list has no row. */
void       up_note_util_set_placeholder   (GtkListBox  *list,
                                           const char  *text);

/* How much of a note's text, from its start, a row of a note list lays
 * out: the bytes of at most three lines of a row as wide as a screen, cut
 * after a word where one ends near the end. up_note_util_row_markup()
 * escapes that much of @text for a row, with "…" where it was cut. */
gsize      up_note_util_row_cut           (const char *text);
char      *up_note_util_row_markup        (const char *text);

/* A note's line over its text: "3 Mar 2026 · Dialogue meeting · Public
 * record", and its stage's title after them when @show_stage. */
char      *up_note_util_meta              (UpProject  *project,
                                           UpNote     *note,
                                           gboolean    show_stage);

/* What a row of a note list shows: date, kind, visibility (and stage
 * when @show_stage), the stakeholders, and the first lines of the body,
 * given as Pango markup so that a search can mark its matches. _set()
 * fills it again for another note; the box carries the note's id as data
 * "note-id" and its body label as "body-label". */
GtkWidget *up_note_util_content_new       (void);
void       up_note_util_content_set       (GtkWidget  *content,
                                           UpProject  *project,
                                           UpNote     *note,
                                           const char *body_markup,
                                           gboolean    show_stage);

/* A GtkListBox row of that content, for short lists. The row carries the
 * note's id as data "note-id". */
GtkWidget *up_note_util_row_new           (UpProject  *project,
                                           UpNote     *note,
                                           const char *body_markup,
                                           gboolean    show_stage);

G_END_DECLS
