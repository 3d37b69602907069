/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "Upphandla"

#include "config.h"

#include <glib/gi18n.h>
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

/* The letters of a label that could be its access key, in the order they
 * are preferred: those that begin a word, then the others; each letter
 * once (in lower case), with its place in the label. */
typedef struct
{
  gunichar    letter;
  const char *at;
} Candidate;

static GArray *
list_candidates (const char *label)
{
  GArray *candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));

  for (guint pass = 0; pass < 2; pass++)
    {
      gunichar previous = 0;

      for (const char *p = label; *p != '\0'; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);
          gboolean starts_word = previous == 0 || !g_unichar_isalnum (previous);
          Candidate candidate = { g_unichar_tolower (c), p };
          gboolean listed = FALSE;

          previous = c;
          if (!g_unichar_isalpha (c) || (pass == 0) != starts_word)
            continue;
          for (guint i = 0; i < candidates->len && !listed; i++)
            listed = g_array_index (candidates, Candidate, i).letter == candidate.letter;
          if (!listed)
            g_array_append_val (candidates, candidate);
        }
    }
  return candidates;
}

typedef struct
{
  GPtrArray  *candidates;  /* of each label, GArray of Candidate */
  int        *chosen;      /* of each label, its candidate, or -1 */
  GHashTable *owners;      /* letter → 1 + the label that has it */
} Assignment;

/* Gives label @i a letter: a free one, or one whose label can move on to
 * another (an augmenting path: the most labels get a key of their own). */
static gboolean
assign (Assignment *assignment,
        guint       i,
        GHashTable *visited)
{
  GArray *candidates = g_ptr_array_index (assignment->candidates, i);

  for (guint k = 0; k < candidates->len; k++)
    {
      gpointer letter = GUINT_TO_POINTER (g_array_index (candidates, Candidate, k).letter);
      guint owner;

      if (g_hash_table_contains (visited, letter))
        continue;
      g_hash_table_add (visited, letter);
      owner = GPOINTER_TO_UINT (g_hash_table_lookup (assignment->owners, letter));
      if (owner == 0 || assign (assignment, owner - 1, visited))
        {
          g_hash_table_insert (assignment->owners, letter, GUINT_TO_POINTER (i + 1));
          assignment->chosen[i] = (int) k;
          return TRUE;
        }
    }
  return FALSE;
}

char **
up_text_util_add_mnemonics (const char * const *labels)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GPtrArray) candidates = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  g_autoptr(GHashTable) owners = g_hash_table_new (NULL, NULL);
  g_autofree int *chosen = NULL;
  Assignment assignment;
  guint n;

  g_return_val_if_fail (labels != NULL, NULL);

  n = g_strv_length ((char **) labels);
  chosen = g_new (int, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      g_ptr_array_add (candidates, list_candidates (labels[i]));
      chosen[i] = -1;
    }
  assignment = (Assignment) { candidates, chosen, owners };
  /* each its first free choice, from the top; then a label left without
   * one takes a letter whose label can move on to another */
  for (guint i = 0; i < n; i++)
    {
      GArray *listed = g_ptr_array_index (candidates, i);

      for (guint k = 0; k < listed->len && chosen[i] < 0; k++)
        {
          gpointer letter = GUINT_TO_POINTER (g_array_index (listed, Candidate, k).letter);

          if (g_hash_table_contains (owners, letter))
            continue;
          g_hash_table_insert (owners, letter, GUINT_TO_POINTER (i + 1));
          chosen[i] = (int) k;
        }
    }
  for (guint i = 0; i < n; i++)
    if (chosen[i] < 0)
      {
        g_autoptr(GHashTable) visited = g_hash_table_new (NULL, NULL);

        assign (&assignment, i, visited);
      }

  for (guint i = 0; i < n; i++)
    {
      GArray *listed = g_ptr_array_index (candidates, i);
      const char *mnemonic = chosen[i] >= 0 ? g_array_index (listed, Candidate, chosen[i]).at : NULL;
      g_autoptr(GString) marked = g_string_new (NULL);

      for (const char *p = labels[i]; *p != '\0'; p++)
        {
          if (p == mnemonic)
            g_string_append_c (marked, '_');
          if (*p == '_')
            g_string_append_c (marked, '_');
          g_string_append_c (marked, *p);
        }
      g_strv_builder_add (builder, marked->str);
    }
  return g_strv_builder_end (builder);
}

char *
up_text_util_with_details (const char *message,
                           GPtrArray  *details)
{
  g_autoptr(GString) joined = g_string_new (NULL);

  g_return_val_if_fail (message != NULL, NULL);
  g_return_val_if_fail (details != NULL, NULL);

  if (details->len == 0)
    return g_strdup (message);
  for (guint i = 0; i < details->len; i++)
    {
      if (i > 0)
        g_string_append (joined, ", ");
      g_string_append (joined, g_ptr_array_index (details, i));
    }
  /* Translators: a toast and, in brackets, more of what was done:
   * "Added 3 stakeholders from “x.csv” (2 already in the register,
   * 1 line without a name)". */
  return g_strdup_printf (_("%1$s (%2$s)"), message, joined->str);
}
