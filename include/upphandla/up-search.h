/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "up-types.h"

G_BEGIN_DECLS

/* A matched word in a text: bytes [start, end) of UTF-8, both on character
 * boundaries. */
typedef struct
{
  gsize start;
  gsize end;
} UpSearchRange;

/* One note found by a full-text search. */
typedef struct
{
  UpNote *note;     /* a reference */
  char   *body;     /* the body as it was searched */
  GArray *ranges;   /* of UpSearchRange in @body, in order, not overlapping */
} UpSearchHit;

void        up_search_hit_free             (UpSearchHit   *hit);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (UpSearchHit, up_search_hit_free)

/* What the user typed, as an FTS5 query that cannot be a syntax error:
 * each word a quoted string with a prefix star, the words joined by AND.
 * NULL when @text has no word to search for. */
char       *up_search_build_query          (const char    *text);

/* The notes whose body matches @text: every word, case folded, å, ä and ö
 * letters of their own. Notes where each word starts a word come first,
 * best match first (bm25), then those where a word occurs only inside a
 * word ("larm" in "trygghetslarm"), in the notes' order. A word matched
 * at the start of a word is marked whole, one inside a word as typed.
 * A piece of @text without a letter or a digit (an emoji, a flag, "%"),
 * and a symbol written onto a word, must stand in the note as written,
 * marked there; text with no word at all is found that way alone, the
 * notes in their order.
 * Returns: (transfer full) (element-type UpSearchHit): the hits, empty when
 *   nothing matches or @text is blank; NULL only when the store fails. */
GPtrArray  *up_project_search_notes        (UpProject     *project,
                                            const char    *text,
                                            GError       **error);

/* The words of a search, to ask of other texts whether they hold them all,
 * as a notes search would find them (inside words too, case folded). */
typedef struct _UpSearchWords UpSearchWords;

UpSearchWords *up_search_words_new         (const char    *text);
void        up_search_words_free           (UpSearchWords *self);
gboolean    up_search_words_match          (UpSearchWords *self,
                                            const char    *text);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (UpSearchWords, up_search_words_free)

/* @text as Pango markup with @ranges wrapped in @open_tag and @close_tag,
 * everything else escaped. Ranges out of bounds or off a character
 * boundary are ignored. */
char       *up_search_markup               (const char    *text,
                                            const GArray  *ranges,
                                            const char    *open_tag,
                                            const char    *close_tag);

G_END_DECLS
