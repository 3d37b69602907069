/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define UP_TYPE_ENTRY_ROW (up_entry_row_get_type ())

G_DECLARE_FINAL_TYPE (UpEntryRow, up_entry_row, UP, ENTRY_ROW, AdwPreferencesRow)

/* A row of a boxed list to type a line in, as AdwEntryRow looks: its title
 * small above the text, a pencil while the text is not edited, the focus
 * ring round the row (AdwEntryRow's own style: row.entry). AdwEntryRow 1.2 types into a GtkText, which GTK
 * 4.8 keeps out of the accessibility tree, and it cannot say that it has
 * the focus (GTK 4.10 added the API for that): a screen reader said
 * nothing in it, neither its name nor what was typed. This row types into
 * a GtkEntry, which GTK 4.8 exposes, named after the row's title.
 * Implements GtkEditable; "entry-activated" is emitted on Return, as
 * AdwEntryRow's; "typing-paused" when the text typed has rested for the
 * time set by up_entry_row_set_typing_pause() with the focus still in the
 * row; a suffix (a button) goes after the text. */

GtkWidget *up_entry_row_new                   (void);
GtkEntry  *up_entry_row_get_entry             (UpEntryRow *self);
void       up_entry_row_add_suffix            (UpEntryRow *self,
                                               GtkWidget  *widget);
void       up_entry_row_set_activates_default (UpEntryRow *self,
                                               gboolean    activates);
/* What the row's tooltip shows: the whole text where it is shown cut (at
 * most some 300 characters of it), or why the row cannot be edited; NULL
 * for no tooltip. */
char      *up_entry_row_dup_tooltip           (UpEntryRow *self);
/* After @ms of no typing, "typing-paused" (0, the default: never). */
void       up_entry_row_set_typing_pause      (UpEntryRow *self,
                                               guint       ms);
/* Marks the text as not valid, in red and for a screen reader. */
void       up_entry_row_set_invalid           (UpEntryRow *self,
                                               gboolean    invalid);

G_END_DECLS
