/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "up-note.h"
#include "up-record-private.h"

struct _UpNote
{
  UpRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (UpNote, up_note, UP_TYPE_RECORD)

static void
up_note_class_init (UpNoteClass *klass)
{
  _up_record_class_install_columns (UP_RECORD_CLASS (klass), UP_TABLE_NOTE);
}

static void
up_note_init (UpNote *self)
{
}

const char *
up_note_get_body (UpNote *self)
{
  g_return_val_if_fail (UP_IS_NOTE (self), NULL);

  return _up_record_get_string_at (UP_RECORD (self), UP_NOTE_BODY);
}

const char *
up_note_get_said_on (UpNote *self)
{
  g_return_val_if_fail (UP_IS_NOTE (self), NULL);

  return _up_record_get_string_at (UP_RECORD (self), UP_NOTE_SAID_ON);
}

const char *
up_note_get_created (UpNote *self)
{
  g_return_val_if_fail (UP_IS_NOTE (self), NULL);

  return _up_record_get_string_at (UP_RECORD (self), UP_NOTE_CREATED);
}

const char *
up_note_get_updated (UpNote *self)
{
  g_return_val_if_fail (UP_IS_NOTE (self), NULL);

  return _up_record_get_string_at (UP_RECORD (self), UP_NOTE_UPDATED);
}

const char *
up_note_get_kind (UpNote *self)
{
  g_return_val_if_fail (UP_IS_NOTE (self), NULL);

  return _up_record_get_string_at (UP_RECORD (self), UP_NOTE_KIND);
}

const char *
up_note_get_visibility (UpNote *self)
{
  g_return_val_if_fail (UP_IS_NOTE (self), NULL);

  return _up_record_get_string_at (UP_RECORD (self), UP_NOTE_VISIBILITY);
}

gint64
up_note_get_stage_id (UpNote *self)
{
  g_return_val_if_fail (UP_IS_NOTE (self), 0);

  return _up_record_get_int_at (UP_RECORD (self), UP_NOTE_STAGE_ID);
}
