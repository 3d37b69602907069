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

/* Composed, as the notes are stored: "ö" typed or pasted as o and a
 * combining diaeresis finds the same notes as the one key's. */
static char *
normalize_typed (const char *text)
{
  g_autofree char *made_valid = g_utf8_make_valid (text, -1);

  return g_utf8_normalize (made_valid, -1, G_NORMALIZE_NFC);
}

/* The next word of @p (moved past it) from @start to @end: a run without
 * spaces that holds a letter or a digit, cut to MAX_TERM_BYTES on a
 * character boundary. FALSE when no word is left. */
static gboolean
next_word (const char **p,
           const char **start,
           const char **end)
{
  while (**p != '\0')
    {
      gboolean has_word = FALSE;

      while (**p != '\0' && g_unichar_isspace (g_utf8_get_char (*p)))
        *p = g_utf8_next_char (*p);
      *start = *p;
      while (**p != '\0' && !g_unichar_isspace (g_utf8_get_char (*p)))
        {
          if (is_token_char (g_utf8_get_char (*p)))
            has_word = TRUE;
          *p = g_utf8_next_char (*p);
        }
      *end = *p;

      if (!has_word)
        continue;

      if (*end - *start > MAX_TERM_BYTES)
        {
          *end = *start + MAX_TERM_BYTES;
          /* Back to the start of the character the cut fell into. */
          while (*end > *start && ((guchar) **end & 0xC0) == 0x80)
            (*end)--;
        }
      return TRUE;
    }

  return FALSE;
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
  const char *p, *start, *end;
  guint n_terms = 0;

  if (text == NULL)
    return NULL;

  valid = normalize_typed (text);
  query = g_string_new (NULL);
  p = valid;

  while (n_terms < MAX_TERMS && next_word (&p, &start, &end))
    {
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

/* What the index cannot look for: a piece of the search without a letter
 * or a digit ("🇸🇪", "%", "👩‍👩‍👧"), and a symbol written onto a word
 * ("möte🇸🇪"), which the index would leave out of the word. Each is a
 * term as a word is: a note must hold it as written (composed, NFC), so
 * "möte 🇸🇪" finds fewer notes than "möte" does. Punctuation on a word
 * ("e-post", "möte,") stays as the index treats it. */
static gboolean
is_symbol_char (gunichar c)
{
  return g_unichar_type (c) == G_UNICODE_OTHER_SYMBOL;
}

/* A character that belongs to the symbol before it: the joiner and the
 * variation selectors of an emoji sequence, a skin tone, a keycap, the
 * tag characters of a subdivision flag. */
static gboolean
extends_symbol (gunichar c)
{
  return c == 0x200D || (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0x1F3FB && c <= 0x1F3FF) ||
         c == 0x20E3 || (c >= 0xE0020 && c <= 0xE007F);
}

static GPtrArray *
split_symbols (const char *text)
{
  g_autofree char *valid = normalize_typed (text);
  GPtrArray *symbols = g_ptr_array_new_with_free_func (g_free);
  const char *p = valid;

  while (*p != '\0' && symbols->len < MAX_TERMS)
    {
      const char *start, *end;
      gboolean has_word = FALSE;

      while (*p != '\0' && g_unichar_isspace (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (*p == '\0')
        break;
      start = p;
      while (*p != '\0' && !g_unichar_isspace (g_utf8_get_char (p)))
        {
          has_word |= is_token_char (g_utf8_get_char (p));
          p = g_utf8_next_char (p);
        }
      end = p;

      if (!has_word)
        {
          g_ptr_array_add (symbols, g_strndup (start, MIN (end - start, MAX_TERM_BYTES * 4)));
          continue;
        }

      /* The symbols inside a word's piece, each run of them a term. */
      for (const char *q = start; q < end && symbols->len < MAX_TERMS;)
        {
          const char *run = q;

          if (!is_symbol_char (g_utf8_get_char (q)))
            {
              q = g_utf8_next_char (q);
              continue;
            }
          while (q < end && (is_symbol_char (g_utf8_get_char (q)) ||
                             extends_symbol (g_utf8_get_char (q))))
            q = g_utf8_next_char (q);
          g_ptr_array_add (symbols, g_strndup (run, q - run));
        }
    }

  return symbols;
}

/* Regional indicators pair up into flags from the first of a run on:
 * "🇺🇸🇪🇸" holds 🇸🇪's two letters side by side, but no Swedish flag. A
 * place inside a pair is not where a text found starts. */
static gboolean
inside_flag (const char *body,
             const char *at)
{
  guint before = 0;

  while (at > body)
    {
      const char *previous = g_utf8_prev_char (at);
      gunichar c = g_utf8_get_char (previous);

      if (c < 0x1F1E6 || c > 0x1F1FF)
        break;
      before++;
      at = previous;
    }

  return before % 2 == 1;
}

/* Adds a range for each place @needle stands in @body (none when @ranges
 * is NULL); whether it stands there at all. */
static gboolean
find_symbol (const char *body,
             const char *needle,
             GArray     *ranges)
{
  gsize length = strlen (needle);
  gboolean found = FALSE;

  if (length == 0)
    return TRUE;

  for (const char *at = strstr (body, needle); at != NULL; at = strstr (at + 1, needle))
    {
      UpSearchRange range = { at - body, at - body + length };

      if (inside_flag (body, at))
        continue;
      found = TRUE;
      if (ranges == NULL)
        return TRUE;
      g_array_append_val (ranges, range);
      at += length - 1;
    }

  return found;
}

/* Whether @body holds each of @symbols, adding where to @ranges if given. */
static gboolean
find_symbols (const char *body,
              GPtrArray  *symbols,
              GArray     *ranges)
{
  for (guint i = 0; i < symbols->len; i++)
    if (!find_symbol (body, g_ptr_array_index (symbols, i), ranges))
      return FALSE;

  return TRUE;
}

/* Text with no word in it (an emoji, signs) is looked for as it is
 * written, each piece of it, in the notes in their order, each hit marked
 * where its pieces occur: the full-text index holds words only. */
static void merge_ranges (GArray *ranges);

static void
search_literally (UpProject  *project,
                  GPtrArray  *symbols,
                  GPtrArray  *hits)
{
  GListModel *notes = up_project_get_notes (project);

  if (symbols->len == 0)
    return;

  for (guint i = 0; i < g_list_model_get_n_items (notes); i++)
    {
      g_autoptr(UpNote) note = g_list_model_get_item (notes, i);
      const char *body = up_note_get_body (note);
      g_autoptr(GArray) ranges = NULL;
      UpSearchHit *hit;

      if (body == NULL || !find_symbols (body, symbols, NULL))
        continue;

      ranges = g_array_new (FALSE, FALSE, sizeof (UpSearchRange));
      find_symbols (body, symbols, ranges);
      merge_ranges (ranges);
      hit = g_new0 (UpSearchHit, 1);
      hit->note = g_object_ref (note);
      hit->body = g_strdup (body);
      hit->ranges = g_steal_pointer (&ranges);
      g_ptr_array_add (hits, hit);
    }
}

/* Swedish joins words into one: "trygghetslarm", "marknadsdialogen". The
 * index finds a word only from its start, so the words typed are also
 * looked for inside the notes' words, case folded as the index folds them
 * (å, ä and ö letters of their own). A word of the search, its characters
 * folded, without the signs around it that the index leaves out as well. */
typedef struct
{
  gunichar *chars;
  glong     n_chars;
} Word;

static gunichar
fold_char (gunichar c)
{
  return c < 0x80 ? (gunichar) g_ascii_tolower (c) : g_unichar_tolower (c);
}

static void
clear_word (gpointer data)
{
  g_free (((Word *) data)->chars);
}

static GArray *
split_words (const char *text)
{
  g_autofree char *valid = normalize_typed (text);
  GArray *words = g_array_new (FALSE, FALSE, sizeof (Word));
  const char *p = valid, *start, *end;

  g_array_set_clear_func (words, clear_word);
  while (words->len < MAX_TERMS && next_word (&p, &start, &end))
    {
      Word word;

      /* The letter that made it a word may lie beyond a cut. */
      while (start < end && !is_token_char (g_utf8_get_char (start)))
        start = g_utf8_next_char (start);
      while (end > start && !is_token_char (g_utf8_get_char (g_utf8_prev_char (end))))
        end = g_utf8_prev_char (end);
      if (start == end)
        continue;

      word.chars = g_utf8_to_ucs4_fast (start, end - start, &word.n_chars);
      for (glong i = 0; i < word.n_chars; i++)
        word.chars[i] = fold_char (word.chars[i]);
      g_array_append_val (words, word);
    }

  return words;
}

/* The character at @p folded, and where the next one starts. */
static inline gunichar
next_folded (const char  *p,
             const char **next)
{
  if ((guchar) *p < 0x80)
    {
      *next = p + 1;
      return g_ascii_tolower (*p);
    }
  *next = g_utf8_next_char (p);
  return g_unichar_tolower (g_utf8_get_char (p));
}

/* Adds a range for each place @word occurs in @body. One that starts a
 * word is widened to the end of it, as the index marks the word its
 * prefix matched; one inside a word marks what was typed. With @ranges
 * NULL, only whether it occurs, from the first place found. */
static gboolean
find_word (const char *body,
           const Word *word,
           GArray     *ranges)
{
  gboolean found = FALSE;
  const char *p = body;
  char stops[4] = { 0 };

  /* A word that starts with a letter of ASCII: skip to where one of its
   * two cases stands (bytes of ASCII never occur inside a character of
   * several bytes), or to the first byte of İ and K (the Kelvin sign),
   * the only other characters that fold to one. */
  if (word->chars[0] < 0x80)
    {
      stops[0] = word->chars[0];
      stops[1] = g_ascii_toupper (word->chars[0]);
      stops[2] = word->chars[0] == 'i' ? '\xc4' : word->chars[0] == 'k' ? '\xe2' : '\0';
    }

  while (*p != '\0')
    {
      const char *next, *q;
      glong i;

      if (stops[0] != '\0')
        {
          p += strcspn (p, stops);
          if (*p == '\0')
            break;
        }
      if (next_folded (p, &next) != word->chars[0])
        {
          p = next;
          continue;
        }

      for (i = 1, q = next; i < word->n_chars && *q != '\0'; i++)
        if (next_folded (q, &q) != word->chars[i])
          break;

      if (i == word->n_chars && ranges == NULL)
        return TRUE;
      if (i == word->n_chars)
        {
          UpSearchRange range = { p - body, q - body };

          if (p == body || !is_token_char (g_utf8_get_char (g_utf8_prev_char (p))))
            while (*q != '\0' && is_token_char (g_utf8_get_char (q)))
              q = g_utf8_next_char (q);
          range.end = q - body;
          g_array_append_val (ranges, range);
          found = TRUE;
        }
      p = next;
    }

  return found;
}

static int
compare_ranges (gconstpointer a,
                gconstpointer b)
{
  const UpSearchRange *ra = a, *rb = b;

  return ra->start < rb->start ? -1 : ra->start > rb->start ? 1 :
         ra->end < rb->end ? -1 : ra->end > rb->end ? 1 : 0;
}

/* Sorts @ranges and joins those that overlap, as a hit's ranges must be. */
static void
merge_ranges (GArray *ranges)
{
  guint kept = 0;

  g_array_sort (ranges, compare_ranges);
  for (guint i = 0; i < ranges->len; i++)
    {
      UpSearchRange *range = &g_array_index (ranges, UpSearchRange, i);
      UpSearchRange *last = kept > 0 ? &g_array_index (ranges, UpSearchRange, kept - 1) : NULL;

      if (last != NULL && range->start < last->end)
        last->end = MAX (last->end, range->end);
      else
        g_array_index (ranges, UpSearchRange, kept++) = *range;
    }
  g_array_set_size (ranges, kept);
}

/* Adds to @hits, after those the index found (@by_note), every other note
 * that holds each word somewhere, in the notes' order; and marks in every
 * hit where the words occur inside other words too. */
static void
search_inside_words (UpProject  *project,
                     const char *text,
                     GHashTable *by_note,
                     GPtrArray  *hits)
{
  g_autoptr(GArray) words = split_words (text);
  GListModel *notes = up_project_get_notes (project);
  guint n_notes = g_list_model_get_n_items (notes);
  g_autoptr(GArray) ranges = g_array_new (FALSE, FALSE, sizeof (UpSearchRange));

  if (words->len == 0)
    return;

  for (guint i = 0; i < n_notes; i++)
    {
      g_autoptr(UpNote) note = g_list_model_get_item (notes, i);
      UpSearchHit *hit = g_hash_table_lookup (by_note, note);
      const char *body = up_note_get_body (note);
      gboolean all = TRUE;

      if (body == NULL)
        continue;

      g_array_set_size (ranges, 0);
      for (guint w = 0; w < words->len && (all || hit != NULL); w++)
        all &= find_word (body, &g_array_index (words, Word, w), ranges);

      if (hit != NULL)
        {
          /* The index's hit holds the body as it was searched. */
          if (strcmp (hit->body, body) == 0)
            {
              g_array_append_vals (hit->ranges, ranges->data, ranges->len);
              merge_ranges (hit->ranges);
            }
          continue;
        }
      if (!all)
        continue;

      hit = g_new0 (UpSearchHit, 1);
      hit->note = g_object_ref (note);
      hit->body = g_strdup (body);
      hit->ranges = g_array_copy (ranges);
      merge_ranges (hit->ranges);
      g_ptr_array_add (hits, hit);
    }
}

struct _UpSearchWords
{
  GArray    *words;     /* of Word */
  GPtrArray *symbols;   /* of char *, as split_symbols() */
};

/**
 * up_search_words_new:
 *
 * The words of @text as a notes search looks for them inside a text.
 * Returns: (transfer full) (nullable): NULL when @text has no word.
 */
UpSearchWords *
up_search_words_new (const char *text)
{
  g_autoptr(GArray) words = NULL;
  UpSearchWords *self;

  if (text == NULL)
    return NULL;

  words = split_words (text);
  if (words->len == 0)
    return NULL;

  self = g_new0 (UpSearchWords, 1);
  self->words = g_steal_pointer (&words);
  self->symbols = split_symbols (text);
  return self;
}

void
up_search_words_free (UpSearchWords *self)
{
  if (self == NULL)
    return;

  g_array_unref (self->words);
  g_ptr_array_unref (self->symbols);
  g_free (self);
}

/**
 * up_search_words_match:
 *
 * Whether every word of @self occurs in @text, at the start of a word or
 * inside one, case folded as a notes search folds it, and every symbol
 * typed with them (a flag, an emoji) as it was written.
 */
gboolean
up_search_words_match (UpSearchWords *self,
                       const char    *text)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (text == NULL)
    return FALSE;

  for (guint w = 0; w < self->words->len; w++)
    if (!find_word (text, &g_array_index (self->words, Word, w), NULL))
      return FALSE;
  return find_symbols (text, self->symbols, NULL);
}

GPtrArray *
up_project_search_notes (UpProject   *project,
                         const char  *text,
                         GError     **error)
{
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GHashTable) by_note = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) symbols = NULL;
  g_autofree char *query = NULL;
  UpStore *store;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (UP_IS_PROJECT (project), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  hits = g_ptr_array_new_with_free_func ((GDestroyNotify) up_search_hit_free);
  if (text == NULL)
    return g_steal_pointer (&hits);

  query = up_search_build_query (text);
  symbols = split_symbols (text);
  if (query == NULL)
    {
      search_literally (project, symbols, hits);
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

  for (guint i = 0; i < hits->len; i++)
    {
      UpSearchHit *hit = g_ptr_array_index (hits, i);

      g_hash_table_insert (by_note, hit->note, hit);
    }
  search_inside_words (project, text, by_note, hits);

  if (symbols->len > 0)
    {
      /* The words found the candidates; the symbols typed with them keep
       * those that hold them too, in the same order. */
      for (guint i = hits->len; i-- > 0;)
        {
          UpSearchHit *hit = g_ptr_array_index (hits, i);

          if (!find_symbols (hit->body, symbols, NULL))
            g_ptr_array_remove_index (hits, i);
          else
            {
              find_symbols (hit->body, symbols, hit->ranges);
              merge_ranges (hit->ranges);
            }
        }
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
