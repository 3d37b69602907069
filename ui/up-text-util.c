/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "Upphandla"

#include "config.h"

#include <pango/pango.h>

#include "up-text-util.h"

static char *
start_and_ellipsis (const char *text,
                    glong       n_chars)
{
  const char *end = g_utf8_offset_to_pointer (text, n_chars);
  g_autoptr(GString) excerpt = g_string_new_len (text, end - text);

  /* "word …" reads as if a word were left out */
  while (excerpt->len > 0 && g_ascii_isspace (excerpt->str[excerpt->len - 1]))
    g_string_truncate (excerpt, excerpt->len - 1);
  g_string_append (excerpt, "…");
  return g_string_free (g_steal_pointer (&excerpt), FALSE);
}

char *
up_text_util_excerpt (const char *text,
                      guint       max_chars)
{
  g_autofree PangoLogAttr *attrs = NULL;
  glong n_chars;
  glong cut;

  g_return_val_if_fail (max_chars > 1, NULL);

  if (text == NULL)
    return g_strdup ("");

  n_chars = g_utf8_strlen (text, -1);
  if (n_chars <= max_chars)
    return g_strdup (text);

  /* Only the first max_chars characters are looked at (a text can be
   * long): whether a cursor can stand before a character depends on what
   * comes before it and on the character itself, all within them. One
   * character is left for the ellipsis; the cut goes back to where a
   * cursor could stand. */
  attrs = g_new0 (PangoLogAttr, max_chars + 1);
  pango_get_log_attrs (text, g_utf8_offset_to_pointer (text, max_chars) - text, -1,
                       pango_language_get_default (), attrs, max_chars + 1);
  for (cut = max_chars - 1; cut > 0 && !attrs[cut].is_cursor_position; cut--)
    ;
  if (cut == 0)
    cut = max_chars - 1;

  return start_and_ellipsis (text, cut);
}
