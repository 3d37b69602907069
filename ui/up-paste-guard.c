/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "Upphandla"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "up-paste-guard.h"
#include "up-window.h"

/* The bytes a GtkEntryBuffer holds, its closing NUL left out: it cuts
 * what goes beyond (gtkentrybuffer.c, GTK_ENTRY_BUFFER_MAX_SIZE). */
#define ENTRY_MAX_BYTES (G_MAXUSHORT - 1)

/* The window whose toasts tell the user: the field's own, or the one a
 * dialog (Project Details) stands over. */
static UpWindow *
find_window (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWindow *window = GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;

  while (window != NULL && !UP_IS_WINDOW (window))
    window = gtk_window_get_transient_for (window);

  return window != NULL ? UP_WINDOW (window) : NULL;
}

/* Refusing rather than keeping the beginning: 64 KB in a title, a name or
 * a contact is a text meant for another field (a description or a note,
 * which hold any length), and its beginning, cut mid-sentence, would be
 * committed as a value nobody typed. Refused, the field and the project
 * stay as they were and the clipboard still holds the whole text. */
static void
refuse (GtkText *text)
{
  UpWindow *window = find_window (GTK_WIDGET (text));

  gtk_widget_error_bell (GTK_WIDGET (text));
  if (window != NULL)
    /* Translators: A toast when a pasted text does not fit in a field of
     * one line (a title, a name), which holds about 65,000 characters. */
    up_window_add_toast (window, _("Not pasted: the text is too long for this field"));
}

/* The buffer of a guarded field. A middle click (the primary selection)
 * and a drop insert into GtkText's buffer from inside GTK, with no signal
 * before the insertion that could stop it, and GtkEntryBuffer cuts what
 * does not fit: the buffer itself refuses such an insertion, whole. It
 * refuses only while its field is editable, which a user's insertion
 * needs: the views set a text too long for the field (an import) while
 * the field is read-only, and it is shown cut there, as before. */
#define UP_TYPE_GUARDED_BUFFER (up_guarded_buffer_get_type ())
G_DECLARE_FINAL_TYPE (UpGuardedBuffer, up_guarded_buffer, UP, GUARDED_BUFFER, GtkEntryBuffer)

struct _UpGuardedBuffer
{
  GtkEntryBuffer  parent_instance;

  GtkText        *text;           /* weak */
  /* What the last deletion took, and where, until the main loop goes
   * on: a drop on the selection and a middle click in it delete the
   * selection before they insert, and a refused insertion puts it back,
   * for the field to be as it was. */
  char           *deleted;
  guint           deleted_at;
  guint           forget_id;
};

G_DEFINE_FINAL_TYPE (UpGuardedBuffer, up_guarded_buffer, GTK_TYPE_ENTRY_BUFFER)

static gboolean
forget_deleted (gpointer data)
{
  UpGuardedBuffer *self = data;

  self->forget_id = 0;
  g_clear_pointer (&self->deleted, g_free);
  return G_SOURCE_REMOVE;
}

static guint
up_guarded_buffer_delete_text (GtkEntryBuffer *buffer,
                               guint           position,
                               guint           n_chars)
{
  UpGuardedBuffer *self = UP_GUARDED_BUFFER (buffer);
  const char *chars = gtk_entry_buffer_get_text (buffer);
  guint length = gtk_entry_buffer_get_length (buffer);

  g_clear_pointer (&self->deleted, g_free);
  if (position < length)
    {
      const char *from = g_utf8_offset_to_pointer (chars, position);
      const char *to = g_utf8_offset_to_pointer (chars, MIN (length, position + n_chars));

      self->deleted = g_strndup (from, to - from);
      self->deleted_at = position;
      if (self->forget_id == 0)
        self->forget_id = g_idle_add_full (G_PRIORITY_HIGH, forget_deleted, self, NULL);
    }

  return GTK_ENTRY_BUFFER_CLASS (up_guarded_buffer_parent_class)->delete_text (buffer, position, n_chars);
}

static guint
up_guarded_buffer_insert_text (GtkEntryBuffer *buffer,
                               guint           position,
                               const char     *chars,
                               guint           n_chars)
{
  UpGuardedBuffer *self = UP_GUARDED_BUFFER (buffer);
  gsize n_bytes = g_utf8_offset_to_pointer (chars, n_chars) - chars;
  g_autofree char *deleted = g_steal_pointer (&self->deleted);

  if (self->text == NULL || !gtk_editable_get_editable (GTK_EDITABLE (self->text)) ||
      n_bytes <= ENTRY_MAX_BYTES - MIN (gtk_entry_buffer_get_bytes (buffer), ENTRY_MAX_BYTES))
    return GTK_ENTRY_BUFFER_CLASS (up_guarded_buffer_parent_class)->insert_text (buffer, position, chars, n_chars);

  /* GtkText rings the bell for an insertion that did not go in whole. */
  if (deleted != NULL && self->deleted_at == position)
    GTK_ENTRY_BUFFER_CLASS (up_guarded_buffer_parent_class)->insert_text (buffer, position, deleted,
                                                                          g_utf8_strlen (deleted, -1));
  refuse (self->text);
  return 0;
}

static void
up_guarded_buffer_finalize (GObject *object)
{
  UpGuardedBuffer *self = UP_GUARDED_BUFFER (object);

  g_clear_weak_pointer (&self->text);
  g_clear_handle_id (&self->forget_id, g_source_remove);
  g_clear_pointer (&self->deleted, g_free);

  G_OBJECT_CLASS (up_guarded_buffer_parent_class)->finalize (object);
}

static void
up_guarded_buffer_class_init (UpGuardedBufferClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkEntryBufferClass *buffer_class = GTK_ENTRY_BUFFER_CLASS (klass);

  object_class->finalize = up_guarded_buffer_finalize;
  buffer_class->insert_text = up_guarded_buffer_insert_text;
  buffer_class->delete_text = up_guarded_buffer_delete_text;
}

static void
up_guarded_buffer_init (UpGuardedBuffer *self)
{
}

static void
on_text_received (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  /* GtkText has no autoptr in GTK 4.8: held as the widget it is. */
  g_autoptr(GtkWidget) widget = user_data;
  GtkText *text = GTK_TEXT (widget);
  GtkEditable *editable = GTK_EDITABLE (text);
  g_autofree char *pasted = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, NULL);
  const char *current = gtk_editable_get_text (editable);
  gsize kept = strlen (current);
  gsize length;
  int start, end;
  int position;

  if (pasted == NULL || !gtk_editable_get_editable (editable) || !gtk_widget_get_realized (GTK_WIDGET (text)))
    {
      gtk_widget_error_bell (GTK_WIDGET (text));
      return;
    }

  /* As GTK's paste: a text of several lines up to its first line break
   * where the field wants one line only. */
  length = strlen (pasted);
  if (gtk_text_get_truncate_multiline (text))
    length = strcspn (pasted, "\r\n");

  /* The selection goes, and the paste takes its place. */
  if (gtk_editable_get_selection_bounds (editable, &start, &end))
    kept -= g_utf8_offset_to_pointer (current, end) - g_utf8_offset_to_pointer (current, start);
  if (length > ENTRY_MAX_BYTES - kept)
    {
      refuse (text);
      return;
    }

  gtk_editable_delete_selection (editable);
  position = gtk_editable_get_position (editable);
  gtk_editable_insert_text (editable, pasted, (int) length, &position);
  gtk_editable_set_position (editable, position);
}

/* Ctrl+V, Shift+Insert and the context menu's Paste: the paste is read
 * here, and inserted only when it fits. */
static void
on_paste_clipboard (GtkText *text)
{
  g_signal_stop_emission_by_name (text, "paste-clipboard");

  if (!gtk_editable_get_editable (GTK_EDITABLE (text)))
    {
      gtk_widget_error_bell (GTK_WIDGET (text));
      return;
    }

  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (text)), NULL,
                                 on_text_received, g_object_ref (text));
}

gboolean
up_paste_guard_fits (const char *text)
{
  return text == NULL || strlen (text) <= ENTRY_MAX_BYTES;
}

void
up_paste_guard_attach (GtkEntry *entry)
{
  GtkEditable *text;

  g_return_if_fail (GTK_IS_ENTRY (entry));

  text = gtk_editable_get_delegate (GTK_EDITABLE (entry));
  g_return_if_fail (GTK_IS_TEXT (text));

  g_signal_connect (text, "paste-clipboard", G_CALLBACK (on_paste_clipboard), NULL);

  /* Also a middle click's paste and a drop: see UpGuardedBuffer. The
   * text so far goes over to the new buffer. */
  {
    g_autoptr(UpGuardedBuffer) buffer = g_object_new (UP_TYPE_GUARDED_BUFFER, NULL);

    gtk_entry_buffer_set_text (GTK_ENTRY_BUFFER (buffer), gtk_editable_get_text (text), -1);
    g_set_weak_pointer (&buffer->text, GTK_TEXT (text));
    gtk_entry_set_buffer (entry, GTK_ENTRY_BUFFER (buffer));
  }
}

const char *
up_paste_guard_too_long_reason (void)
{
  /* Translators: The tooltip of a field of one line (a title, a name)
   * whose text, from an import or another tool, is longer than such a
   * field holds (about 65,000 characters): shown, not editable. */
  return _("This text is longer than a field of one line holds. It is kept whole, and cannot be edited here.");
}
