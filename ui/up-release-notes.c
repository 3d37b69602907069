/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "Upphandla"

#include "up-release-notes.h"

#include <gio/gio.h>
#include <string.h>

/* The description of one release, read from the merged metainfo file: a
 * paragraph or list item in English is followed by its translations, each
 * with an xml:lang attribute. */
typedef enum
{
  ITEM_OPEN,   /* <ul> or <ol> */
  ITEM_CLOSE,  /* </ul> or </ol> */
  ITEM_TEXT,   /* <p> or <li> with its text */
} ItemKind;

typedef struct
{
  ItemKind  kind;
  char     *element;
  char     *lang;  /* NULL for the English source */
  GString  *text;
} Item;

typedef struct
{
  const char *version;
  gboolean    in_release;      /* inside the <release> of @version */
  gboolean    in_description;  /* inside its <description> */
  Item       *current;         /* the <p> or <li> being read */
  GPtrArray  *items;
} ParseState;

static void
item_free (Item *item)
{
  g_free (item->element);
  g_free (item->lang);
  if (item->text)
    g_string_free (item->text, TRUE);
  g_free (item);
}

static Item *
item_new (ItemKind    kind,
          const char *element,
          const char *lang)
{
  Item *item = g_new0 (Item, 1);

  item->kind = kind;
  item->element = g_strdup (element);
  item->lang = g_strdup (lang);
  if (kind == ITEM_TEXT)
    item->text = g_string_new (NULL);
  return item;
}

static const char *
find_attribute (const char  *name,
                const char **names,
                const char **values)
{
  for (guint i = 0; names[i]; i++)
    if (g_str_equal (names[i], name))
      return values[i];
  return NULL;
}

static void
on_start_element (GMarkupParseContext  *context,
                  const char           *element,
                  const char          **names,
                  const char          **values,
                  gpointer              user_data,
                  GError              **error)
{
  ParseState *state = user_data;

  if (g_str_equal (element, "release"))
    {
      state->in_release = g_strcmp0 (find_attribute ("version", names, values),
                                     state->version) == 0;
      return;
    }
  if (!state->in_release)
    return;
  if (g_str_equal (element, "description"))
    {
      state->in_description = TRUE;
      return;
    }
  if (!state->in_description)
    return;

  if (g_str_equal (element, "ul") || g_str_equal (element, "ol"))
    g_ptr_array_add (state->items, item_new (ITEM_OPEN, element, NULL));
  else if ((g_str_equal (element, "p") || g_str_equal (element, "li")) && !state->current)
    {
      state->current = item_new (ITEM_TEXT, element,
                                 find_attribute ("xml:lang", names, values));
      g_ptr_array_add (state->items, state->current);
    }
  /* The text of inline markup (<em>, <code>) is kept, its tags are not:
   * plain text reads the same. */
}

static void
on_end_element (GMarkupParseContext  *context,
                const char           *element,
                gpointer              user_data,
                GError              **error)
{
  ParseState *state = user_data;

  if (g_str_equal (element, "release"))
    state->in_release = FALSE;
  else if (g_str_equal (element, "description"))
    state->in_description = FALSE;
  else if (!state->in_release || !state->in_description)
    return;
  else if (g_str_equal (element, "ul") || g_str_equal (element, "ol"))
    g_ptr_array_add (state->items, item_new (ITEM_CLOSE, element, NULL));
  else if (state->current && g_str_equal (element, state->current->element))
    state->current = NULL;
}

static void
on_text (GMarkupParseContext  *context,
         const char           *text,
         gsize                 length,
         gpointer              user_data,
         GError              **error)
{
  ParseState *state = user_data;

  if (state->current)
    g_string_append_len (state->current->text, text, length);
}

/* How well @lang (an xml:lang value, "sv" or "pt_BR") suits the reader:
 * its place in @languages, most wanted first; G_MAXUINT when not wanted.
 * English, the source, wins only where no wanted translation exists, as
 * gettext passes over a language without a catalogue: the notes are in
 * the language of the rest of the interface. */
static guint
language_rank (const char         *lang,
               const char * const *languages)
{
  for (guint i = 0; languages[i]; i++)
    if (g_str_equal (languages[i], lang))
      return i;
  return G_MAXUINT;
}

/* @text with runs of white space, which the file has for its layout, made
 * one space each, and none at the ends. */
static char *
collapse_space (const char *text)
{
  g_auto(GStrv) words = g_strsplit_set (text, " \t\n\r", -1);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; words[i]; i++)
    {
      if (!*words[i])
        continue;
      if (out->len)
        g_string_append_c (out, ' ');
      g_string_append (out, words[i]);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The release notes of @version in @metainfo (an AppStream file as the
 * build merged it) as the markup AdwAboutWindow:release-notes takes: each
 * paragraph and list item in the first language of @languages (as
 * g_get_language_names() gives them) it is translated into, in English
 * where it is not. NULL when the file has no description of @version. */
char *
up_release_notes_from_metainfo (const char         *metainfo,
                                gssize              length,
                                const char         *version,
                                const char * const *languages)
{
  static const GMarkupParser parser = {
    on_start_element, on_end_element, on_text, NULL, NULL,
  };
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
  ParseState state = { .version = version, .items = items };
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GString) markup = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (metainfo != NULL, NULL);
  g_return_val_if_fail (version != NULL, NULL);
  g_return_val_if_fail (languages != NULL, NULL);

  context = g_markup_parse_context_new (&parser, 0, &state, NULL);
  if (!g_markup_parse_context_parse (context, metainfo, length, &error)
      || !g_markup_parse_context_end_parse (context, &error))
    {
      g_warning ("The release notes of %s could not be read: %s", version, error->message);
      return NULL;
    }

  for (guint i = 0; i < items->len; i++)
    {
      Item *item = g_ptr_array_index (items, i);
      Item *best = item;
      guint best_rank = G_MAXUINT;
      g_autofree char *text = NULL;
      g_autofree char *escaped = NULL;

      if (item->kind != ITEM_TEXT)
        {
          g_string_append_printf (markup, item->kind == ITEM_OPEN ? "<%s>" : "</%s>",
                                  item->element);
          continue;
        }
      /* A translation is taken with its source, just before it. */
      if (item->lang)
        continue;

      for (guint j = i + 1; j < items->len; j++)
        {
          Item *translation = g_ptr_array_index (items, j);
          guint rank;

          if (translation->kind != ITEM_TEXT || !translation->lang
              || !g_str_equal (translation->element, item->element))
            break;
          rank = language_rank (translation->lang, languages);
          if (rank < best_rank)
            {
              best = translation;
              best_rank = rank;
            }
        }

      text = collapse_space (best->text->str);
      escaped = g_markup_escape_text (text, -1);
      g_string_append_printf (markup, "<%s>%s</%s>", item->element, escaped, item->element);
    }

  if (!markup->len)
    return NULL;
  return g_string_free (g_steal_pointer (&markup), FALSE);
}

/* The release notes of @version from the application's own metainfo, in
 * the reader's language. */
char *
up_release_notes_for_version (const char *version)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;
  const char *data;

  bytes = g_resources_lookup_data (UP_RELEASE_NOTES_RESOURCE, 0, &error);
  if (!bytes)
    {
      g_warning ("No metainfo for the release notes: %s", error->message);
      return NULL;
    }
  data = g_bytes_get_data (bytes, &length);
  return up_release_notes_from_metainfo (data, length, version, g_get_language_names ());
}
