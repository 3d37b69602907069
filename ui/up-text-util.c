/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "Upphandla"

#include "config.h"

#include <pango/pango.h>
#include <string.h>

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

/* Whether the combining @mark after @base makes one of the Swedish
 * letters å, ä and ö (the text is case folded: lower case only). */
static gboolean
makes_swedish_letter (gunichar base,
                      gunichar mark)
{
  return (base == 'a' && (mark == 0x030A || mark == 0x0308)) ||
         (base == 'o' && mark == 0x0308);
}

char *
up_text_util_search_key (const char *text)
{
  g_autofree char *folded = NULL;
  g_autofree char *decomposed = NULL;
  g_autoptr(GString) bare = NULL;
  gunichar base = 0;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return g_strdup ("");

  folded = g_utf8_casefold (text, -1);
  decomposed = g_utf8_normalize (folded, -1, G_NORMALIZE_DEFAULT);
  bare = g_string_sized_new (strlen (decomposed));
  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_type (c) == G_UNICODE_NON_SPACING_MARK)
        {
          /* Only the mark right after the letter: "å" + acute loses the acute. */
          if (!makes_swedish_letter (base, c))
            continue;
          base = 0;
        }
      else
        {
          base = c;
        }
      g_string_append_unichar (bare, c);
    }

  return g_utf8_normalize (bare->str, -1, G_NORMALIZE_DEFAULT_COMPOSE);
}

gboolean
up_text_util_matches (const char *text,
                      const char *key)
{
  g_autofree char *searched = NULL;

  if (key == NULL || *key == '\0')
    return TRUE;

  searched = up_text_util_search_key (text);
  return strstr (searched, key) != NULL;
}
