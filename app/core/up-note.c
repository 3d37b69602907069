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

/* By the day said, which the user sets, not by when the note was typed in
 * or last edited: notes of a dialogue are often written up days later. */
int
up_note_compare_newest_first (gconstpointer a,
                              gconstpointer b)
{
  UpNote *note_a = *(UpNote **) a;
  UpNote *note_b = *(UpNote **) b;
  gint64 id_a = up_record_get_id (UP_RECORD (note_a));
  gint64 id_b = up_record_get_id (UP_RECORD (note_b));
  int order = g_strcmp0 (up_note_get_said_on (note_b), up_note_get_said_on (note_a));

  if (order != 0)
    return order;

  return (id_b > id_a) - (id_b < id_a);
}
