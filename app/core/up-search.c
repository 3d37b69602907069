/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "Upphandla"

#include "config.h"

#include <string.h>

#include "up-project.h"
#include "up-search.h"
#include "up-store-private.h"

/* A query of more words than this is cut: nobody types them on purpose, and
 * each word is one more phrase for FTS5 to walk. */
#define MAX_TERMS 32
#define MAX_TERM_BYTES 256

#define RANGES_FUNCTION "up_match_ranges"
#define REGISTERED_KEY "up-search-registered-db"

void
up_search_hit_free (UpSearchHit *hit)
{
  if (hit == NULL)
    return;

  g_clear_object (&hit->note);
  g_free (hit->body);
  g_clear_pointer (&hit->ranges, g_array_unref);
  g_free (hit);
}

/* A character the unicode61 tokenizer keeps in a token (letters, numbers,
 * private use); a word without any of them matches nothing, so it is left
 * out of the query rather than sent as an empty phrase. */
static gboolean
is_token_char (gunichar c)
{
  switch (g_unichar_type (c))
    {
    case G_UNICODE_LOWERCASE_LETTER:
    case G_UNICODE_MODIFIER_LETTER:
    case G_UNICODE_OTHER_LETTER:
    case G_UNICODE_TITLECASE_LETTER:
    case G_UNICODE_UPPERCASE_LETTER:
    case G_UNICODE_DECIMAL_NUMBER:
    case G_UNICODE_LETTER_NUMBER:
    case G_UNICODE_OTHER_NUMBER:
    case G_UNICODE_PRIVATE_USE:
      return TRUE;
    default:
      return FALSE;
    }
}

/**
 * up_search_build_query:
 *
 * Every FTS5 operator (AND, OR, NOT, NEAR, parentheses, ^, -, :, *) is
 * inert inside a string, and a string's only special character is the
 * double quote, doubled here. So whatever @text is, the result parses.
 */
char *
up_search_build_query (const char *text)
{
  g_autofree char *valid = NULL;
  GString *query;
  const char *p;
  guint n_terms = 0;

  if (text == NULL)
    return NULL;

  /* Composed, as the notes are stored: "ö" typed or pasted as o and a
   * combining diaeresis finds the same notes as the one key's. */
  {
    g_autofree char *made_valid = g_utf8_make_valid (text, -1);

    valid = g_utf8_normalize (made_valid, -1, G_NORMALIZE_NFC);
  }
  query = g_string_new (NULL);
  p = valid;

  while (*p != '\0' && n_terms < MAX_TERMS)
    {
      const char *start, *end;
      gboolean has_word = FALSE;

      while (*p != '\0' && g_unichar_isspace (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      start = p;
      while (*p != '\0' && !g_unichar_isspace (g_utf8_get_char (p)))
        {
          if (is_token_char (g_utf8_get_char (p)))
            has_word = TRUE;
          p = g_utf8_next_char (p);
        }
      end = p;

      if (!has_word)
        continue;

      if (end - start > MAX_TERM_BYTES)
        {
          end = start + MAX_TERM_BYTES;
          /* Back to the start of the character the cut fell into. */
          while (end > start && ((guchar) *end & 0xC0) == 0x80)
            end--;
        }

      if (query->len > 0)
        g_string_append_c (query, ' ');
      g_string_append_c (query, '"');
      for (const char *q = start; q < end; q++)
        {
          if (*q == '"')
            g_string_append_c (query, '"');
          g_string_append_c (query, *q);
        }
      g_string_append (query, "\"*");
      n_terms++;
    }

  if (query->len == 0)
    {
      g_string_free (query, TRUE);
      return NULL;
    }

  return g_string_free (query, FALSE);
}

/* The FTS5 auxiliary function up_match_ranges(note_fts): the byte ranges
 * of the matched tokens of the body, as "start end start end ...". FTS5's
 * own highlight() marks them with text inside the text, which a body
 * could contain as well; offsets cannot be confused with the body. */

typedef struct
{
  const guint8 *matched;   /* per token index: TRUE when an instance covers it */
  int           n_matched;
  int           index;
  GString      *out;
} TokenWalk;

static int
on_token (void       *user_data,
          int         flags,
          const char *token,
          int         n_token,
          int         start,
          int         end)
{
  TokenWalk *walk = user_data;

  /* A colocated token is a synonym at the position of the previous one. */
  if (flags & FTS5_TOKEN_COLOCATED)
    return SQLITE_OK;

  if (walk->index < walk->n_matched && walk->matched[walk->index])
    g_string_append_printf (walk->out, "%s%d %d", walk->out->len > 0 ? " " : "", start, end);
  walk->index++;

  return walk->index < walk->n_matched ? SQLITE_OK : SQLITE_DONE;
}

static void
match_ranges_function (const Fts5ExtensionApi *api,
                       Fts5Context            *context,
                       sqlite3_context        *result,
                       int                     n_values,
                       sqlite3_value         **values)
{
  g_autofree guint8 *matched = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  TokenWalk walk = { 0 };
  const char *text = NULL;
  int n_text = 0;
  int n_inst = 0;
  int n_tokens = 0;
  int rc;

  rc = api->xInstCount (context, &n_inst);
  if (rc != SQLITE_OK)
    {
      sqlite3_result_error_code (result, rc);
      return;
    }

  for (int i = 0; i < n_inst; i++)
    {
      int phrase, column, offset;

      if (api->xInst (context, i, &phrase, &column, &offset) == SQLITE_OK && column == 0)
        n_tokens = MAX (n_tokens, offset + MAX (api->xPhraseSize (context, phrase), 1));
    }

  if (n_tokens > 0)
    {
      matched = g_new0 (guint8, n_tokens);
      for (int i = 0; i < n_inst; i++)
        {
          int phrase, column, offset, size;

          if (api->xInst (context, i, &phrase, &column, &offset) != SQLITE_OK || column != 0)
            continue;
          size = api->xPhraseSize (context, phrase);
          for (int t = offset; t < offset + size && t < n_tokens; t++)
            matched[t] = TRUE;
        }

      rc = api->xColumnText (context, 0, &text, &n_text);
      if (rc == SQLITE_OK && text != NULL)
        {
          walk.matched = matched;
          walk.n_matched = n_tokens;
          walk.out = out;
          rc = api->xTokenize (context, text, n_text, &walk, on_token);
          if (rc == SQLITE_DONE)
            rc = SQLITE_OK;
        }
      if (rc != SQLITE_OK)
        {
          sqlite3_result_error_code (result, rc);
          return;
        }
    }

  sqlite3_result_text (result, out->str, out->len, SQLITE_TRANSIENT);
}

static fts5_api *
get_fts5_api (sqlite3 *db)
{
  fts5_api *api = NULL;
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, "SELECT fts5(?1)", -1, &stmt, NULL) != SQLITE_OK)
    return NULL;
  sqlite3_bind_pointer (stmt, 1, &api, "fts5_api_ptr", NULL);
  sqlite3_step (stmt);
  sqlite3_finalize (stmt);

  return api;
}

/* Registers up_match_ranges() once per database connection of @store. */
static gboolean
ensure_function (UpStore  *store,
                 GError  **error)
{
  sqlite3 *db = _up_store_get_db (store);
  fts5_api *api;
  int rc;

  if (g_object_get_data (G_OBJECT (store), REGISTERED_KEY) == db)
    return TRUE;

  api = get_fts5_api (db);
  if (api == NULL || api->iVersion < 2)
    {
      g_set_error_literal (error, UP_STORE_ERROR, UP_STORE_ERROR_FAILED,
                           "SQLite was built without full-text search (FTS5)");
      return FALSE;
    }

  rc = api->xCreateFunction (api, RANGES_FUNCTION, NULL, match_ranges_function, NULL);
  if (rc != SQLITE_OK)
    {
      _up_store_set_db_error (store, rc, error);
      return FALSE;
    }

  g_object_set_data (G_OBJECT (store), REGISTERED_KEY, db);
  return TRUE;
}

static GArray *
parse_ranges (const char *text,
              gsize       body_length)
{
  GArray *ranges = g_array_new (FALSE, FALSE, sizeof (UpSearchRange));
  const char *p = text;

  while (p != NULL && *p != '\0')
    {
      char *next = NULL;
      UpSearchRange range;

      range.start = g_ascii_strtoull (p, &next, 10);
      if (next == p)
        break;
      p = next;
      range.end = g_ascii_strtoull (p, &next, 10);
      if (next == p)
        break;
      p = next;

      if (range.start < range.end && range.end <= body_length)
        g_array_append_val (ranges, range);
    }

  return ranges;
}

/* Text with no word in it (an emoji, signs) is looked for as it is
 * written, in the notes in their order, each hit marked where it occurs:
 * the full-text index holds words only. */
static void
search_literally (UpProject  *project,
                  const char *text,
                  GPtrArray  *hits)
{
  g_autofree char *valid = text != NULL ? g_utf8_make_valid (text, -1) : NULL;
  g_autofree char *needle = valid != NULL ? g_utf8_normalize (valid, -1, G_NORMALIZE_NFC) : NULL;
  GListModel *notes = up_project_get_notes (project);
  gsize length;

  if (needle == NULL)
    return;
  g_strstrip (needle);
  length = strlen (needle);
  if (length == 0)
    return;

  for (guint i = 0; i < g_list_model_get_n_items (notes); i++)
    {
      g_autoptr(UpNote) note = g_list_model_get_item (notes, i);
      const char *body = up_note_get_body (note);
      const char *found = body != NULL ? strstr (body, needle) : NULL;
      UpSearchHit *hit;

      if (found == NULL)
        continue;

      hit = g_new0 (UpSearchHit, 1);
      hit->note = g_object_ref (note);
      hit->body = g_strdup (body);
      hit->ranges = g_array_new (FALSE, FALSE, sizeof (UpSearchRange));
      for (; found != NULL; found = strstr (found + length, needle))
        {
          UpSearchRange range = { found - body, found - body + length };

          g_array_append_val (hit->ranges, range);
        }
      g_ptr_array_add (hits, hit);
    }
}

GPtrArray *
up_project_search_notes (UpProject   *project,
                         const char  *text,
                         GError     **error)
{
  g_autoptr(GPtrArray) hits = NULL;
  g_autofree char *query = NULL;
  UpStore *store;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (UP_IS_PROJECT (project), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  hits = g_ptr_array_new_with_free_func ((GDestroyNotify) up_search_hit_free);
  query = up_search_build_query (text);
  if (query == NULL)
    {
      search_literally (project, text, hits);
      return g_steal_pointer (&hits);
    }

  store = up_project_get_store (project);
  if (!ensure_function (store, error) || !_up_store_ensure_note_index (store, error))
    return NULL;

  /* rank is bm25() for an FTS5 table unless configured otherwise; the id
   * keeps the order of equal ranks stable. */
  stmt = _up_store_prepare (store,
                            "SELECT rowid, body, " RANGES_FUNCTION " (note_fts) FROM note_fts"
                            " WHERE note_fts MATCH ?1 ORDER BY bm25 (note_fts), rowid",
                            error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, query, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      const char *body = (const char *) sqlite3_column_text (stmt, 1);
      UpRecord *note = up_project_lookup (project, "note", id);
      UpSearchHit *hit;

      if (note == NULL || !UP_IS_NOTE (note))
        continue;

      hit = g_new0 (UpSearchHit, 1);
      hit->note = g_object_ref (UP_NOTE (note));
      hit->body = g_strdup (body != NULL ? body : "");
      hit->ranges = parse_ranges ((const char *) sqlite3_column_text (stmt, 2), strlen (hit->body));
      g_ptr_array_add (hits, hit);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _up_store_set_db_error (store, rc, error);
      return NULL;
    }

  return g_steal_pointer (&hits);
}

static gboolean
is_boundary (const char *text,
             gsize       length,
             gsize       offset)
{
  return offset == length || (offset < length && ((guchar) text[offset] & 0xC0) != 0x80);
}

static void
append_escaped (GString    *out,
                const char *text,
                gsize       length)
{
  g_autofree char *escaped = g_markup_escape_text (text, length);

  g_string_append (out, escaped);
}

char *
up_search_markup (const char   *text,
                  const GArray *ranges,
                  const char   *open_tag,
                  const char   *close_tag)
{
  GString *out = g_string_new (NULL);
  gsize length, position = 0;

  if (text == NULL)
    return g_string_free (out, FALSE);

  if (!g_utf8_validate (text, -1, NULL))
    {
      g_autofree char *valid = g_utf8_make_valid (text, -1);

      append_escaped (out, valid, strlen (valid));
      return g_string_free (out, FALSE);
    }

  length = strlen (text);
  for (guint i = 0; ranges != NULL && i < ranges->len; i++)
    {
      const UpSearchRange *range = &g_array_index (ranges, UpSearchRange, i);

      if (range->start < position || range->start >= range->end || range->end > length ||
          !is_boundary (text, length, range->start) || !is_boundary (text, length, range->end))
        continue;

      append_escaped (out, text + position, range->start - position);
      g_string_append (out, open_tag);
      append_escaped (out, text + range->start, range->end - range->start);
      g_string_append (out, close_tag);
      position = range->end;
    }
  append_escaped (out, text + position, length - position);

  return g_string_free (out, FALSE);
}
