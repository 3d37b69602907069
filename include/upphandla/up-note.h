/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "up-record.h"

G_BEGIN_DECLS

#define UP_TYPE_NOTE (up_note_get_type ())

G_DECLARE_FINAL_TYPE (UpNote, up_note, UP, NOTE, UpRecord)

const char * up_note_get_body (UpNote *self);
const char * up_note_get_said_on (UpNote *self);
const char * up_note_get_created (UpNote *self);
const char * up_note_get_updated (UpNote *self);
const char * up_note_get_kind (UpNote *self);
const char * up_note_get_visibility (UpNote *self);
gint64       up_note_get_stage_id (UpNote *self);

/* For g_ptr_array_sort() of UpNote pointers: the order the note lists and
 * exports show, newest first by the day said, then the one added later. */
int          up_note_compare_newest_first (gconstpointer a,
                                           gconstpointer b);

G_END_DECLS
