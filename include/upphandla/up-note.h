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

G_END_DECLS
