/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <pango/pango.h>
#include <string.h>

#include "upphandla.h"

/* Full-text search of notes (FTS5): Swedish and English, å/ä/ö as letters
 * of their own, case folding, prefixes, words that all must match, any
 * text the user may type, words inside Swedish compounds, results that
 * follow edits, undo and redo, and match ranges that mark whole
 * characters. */

typedef struct
{
  UpProject *project;
  UpNote    *year;      /* "år" */
  UpNote    *ar;        /* "ar" */
  UpNote    *procurement_sv;
  UpNote    *procurement_en;
  UpNote    *market;
} Fixture;

static UpNote *
add_note (UpProject  *project,
          const char *body)
{
  g_autoptr(GError) error = NULL;
  UpNote *note = up_project_add_note (project, body, "internal", "2026-03-01", NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (note);

  return note;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->project = up_project_new ("Sökning", &error);
  g_assert_no_error (error);

  fixture->year = add_note (fixture->project, "Avtalet gäller i ett år med option på förlängning.");
  fixture->ar = add_note (fixture->project, "The AR glasses were shown at the hackathon.");
  fixture->procurement_sv = add_note (fixture->project,
                                      "Upphandlingen av trygghetslarm börjar efter marknadsdialogen. "
                                      "Förfrågningsunderlaget skickas ut i maj.");
  fixture->procurement_en = add_note (fixture->project,
                                      "The procurement of safety alarms starts after the market dialogue.");
  fixture->market = add_note (fixture->project, "Leverantörsdag: 34 deltagare, frågor om e-post och batteritid.");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_clear_object (&fixture->project);
}

/* The notes found for @text, in order; fails on an error. */
static GPtrArray *
search (Fixture    *fixture,
        const char *text)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *hits = up_project_search_notes (fixture->project, text, &error);

  g_assert_no_error (error);
  g_assert_nonnull (hits);

  return hits;
}

static gboolean
found (GPtrArray *hits,
       UpNote    *note)
{
  for (guint i = 0; i < hits->len; i++)
    if (((UpSearchHit *) g_ptr_array_index (hits, i))->note == note)
      return TRUE;

  return FALSE;
}

static UpSearchHit *
hit_of (GPtrArray *hits,
        UpNote    *note)
{
  for (guint i = 0; i < hits->len; i++)
    if (((UpSearchHit *) g_ptr_array_index (hits, i))->note == note)
      return g_ptr_array_index (hits, i);

  g_assert_not_reached ();
}

/* The texts the ranges of @hit mark, joined by "|". */
static char *
marked (UpSearchHit *hit)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < hit->ranges->len; i++)
    {
      UpSearchRange *range = &g_array_index (hit->ranges, UpSearchRange, i);

      if (i > 0)
        g_string_append_c (out, '|');
      g_string_append_len (out, hit->body + range->start, range->end - range->start);
    }

  return g_string_free (out, FALSE);
}

static void
test_letters (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_autoptr(GPtrArray) year = search (fixture, "år");
  g_autoptr(GPtrArray) ar = search (fixture, "ar");
  g_autoptr(GPtrArray) upper = search (fixture, "ÅR");
  g_autoptr(GPtrArray) upper_ar = search (fixture, "AR");

  /* å is a letter of its own, not a with a ring to drop. */
  g_assert_true (found (year, fixture->year));
  g_assert_false (found (year, fixture->ar));
  g_assert_true (found (ar, fixture->ar));
  g_assert_false (found (ar, fixture->year));

  /* Case folds, for å as for a. */
  g_assert_true (found (upper, fixture->year));
  g_assert_false (found (upper, fixture->ar));
  g_assert_true (found (upper_ar, fixture->ar));
  g_assert_false (found (upper_ar, fixture->year));
}

static void
test_prefix (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autoptr(GPtrArray) sv = search (fixture, "upphandl");
  g_autoptr(GPtrArray) en = search (fixture, "procure");
  g_autoptr(GPtrArray) inner = search (fixture, "handlingen");
  g_autoptr(GPtrArray) compound = search (fixture, "förfrågningsunderlag");
  g_autofree char *sv_marked = NULL;
  g_autofree char *inner_marked = NULL;

  g_assert_cmpuint (sv->len, ==, 1);
  g_assert_true (found (sv, fixture->procurement_sv));
  sv_marked = marked (hit_of (sv, fixture->procurement_sv));
  g_assert_cmpstr (sv_marked, ==, "Upphandlingen");

  g_assert_cmpuint (en->len, ==, 1);
  g_assert_true (found (en, fixture->procurement_en));

  /* Inside a word too, marked as typed, not as the whole word. */
  g_assert_cmpuint (inner->len, ==, 1);
  inner_marked = marked (hit_of (inner, fixture->procurement_sv));
  g_assert_cmpstr (inner_marked, ==, "handlingen");
  g_assert_true (found (compound, fixture->procurement_sv));
}

/* Swedish joins words: what was typed is found inside them, after the
 * notes where it starts a word, and marked wherever it occurs. */
static void
test_compounds (Fixture       *fixture,
                gconstpointer  user_data)
{
  UpNote *alarm = add_note (fixture->project, "Larmen ska testas före upphandlingen.");
  g_autoptr(GPtrArray) larm = search (fixture, "LARM");
  g_autoptr(GPtrArray) both = search (fixture, "larm dialog");
  g_autoptr(GPtrArray) signs = search (fixture, "«dialogen»,");
  g_autoptr(GPtrArray) not_letters = search (fixture, "arknads-dialog");
  g_autofree char *alarm_marked = NULL;
  g_autofree char *compound_marked = NULL;
  g_autofree char *both_marked = NULL;

  /* "Larmen" starts with it: found by the index, first; then
   * "trygghetslarm" and "alarms", in the notes' order. */
  g_assert_cmpuint (larm->len, ==, 3);
  g_assert_true (((UpSearchHit *) g_ptr_array_index (larm, 0))->note == alarm);
  g_assert_true (((UpSearchHit *) g_ptr_array_index (larm, 1))->note == fixture->procurement_sv);
  g_assert_true (((UpSearchHit *) g_ptr_array_index (larm, 2))->note == fixture->procurement_en);
  alarm_marked = marked (hit_of (larm, alarm));
  g_assert_cmpstr (alarm_marked, ==, "Larmen");
  compound_marked = marked (hit_of (larm, fixture->procurement_sv));
  g_assert_cmpstr (compound_marked, ==, "larm");

  /* Every word must occur: in "trygghetslarm" and "marknadsdialogen",
   * in "alarms" and "dialogue". */
  g_assert_cmpuint (both->len, ==, 2);
  g_assert_true (((UpSearchHit *) g_ptr_array_index (both, 0))->note == fixture->procurement_sv);
  g_assert_true (((UpSearchHit *) g_ptr_array_index (both, 1))->note == fixture->procurement_en);
  both_marked = marked (hit_of (both, fixture->procurement_sv));
  g_assert_cmpstr (both_marked, ==, "larm|dialog");

  /* Signs around a word are left out, as the index leaves them out. */
  g_assert_cmpuint (signs->len, ==, 1);
  g_assert_true (found (signs, fixture->procurement_sv));
  /* Signs inside one are kept: no note has "arknads-dialog". */
  g_assert_cmpuint (not_letters->len, ==, 0);
}

static void
test_words (Fixture       *fixture,
            gconstpointer  user_data)
{
  g_autoptr(GPtrArray) both = search (fixture, "market alarms");
  g_autoptr(GPtrArray) none = search (fixture, "market upphandlingen");
  g_autoptr(GPtrArray) spaced = search (fixture, "  \t trygghet \n maj  ");
  g_autoptr(GPtrArray) dialogue = search (fixture, "dialog");
  g_autofree char *spaced_marked = NULL;

  g_assert_cmpuint (both->len, ==, 1);
  g_assert_true (found (both, fixture->procurement_en));
  g_assert_cmpuint (none->len, ==, 0);

  g_assert_cmpuint (spaced->len, ==, 1);
  spaced_marked = marked (hit_of (spaced, fixture->procurement_sv));
  g_assert_cmpstr (spaced_marked, ==, "trygghetslarm|maj");

  /* "dialog" starts "dialogue", found first, and is inside
   * "marknadsdialogen". */
  g_assert_cmpuint (dialogue->len, ==, 2);
  g_assert_true (((UpSearchHit *) g_ptr_array_index (dialogue, 0))->note == fixture->procurement_en);
  g_assert_true (((UpSearchHit *) g_ptr_array_index (dialogue, 1))->note == fixture->procurement_sv);
}

static void
test_ranking (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  UpNote *often = add_note (fixture->project, "Avtal, avtal, avtal: avtalets avtalsvillkor.");
  g_autoptr(GPtrArray) hits = search (fixture, "avtal");

  g_assert_cmpuint (hits->len, ==, 2);
  /* bm25: the note that says it five times in a short body comes first. */
  g_assert_true (((UpSearchHit *) g_ptr_array_index (hits, 0))->note == often);
  g_assert_true (((UpSearchHit *) g_ptr_array_index (hits, 1))->note == fixture->year);
  g_assert_no_error (error);
}

static void
test_hostile (Fixture       *fixture,
              gconstpointer  user_data)
{
  static const char * const queries[] = {
    "", " ", "\"", "\"\"", "\"år", "år\"", "AND", "OR", "NOT", "AND OR \"(", "NEAR(",
    "NEAR(år ar, 2)", "(", ")", "()", "*", "år*", "**", "-", "-år", "år -ar", "^", "^år",
    "body:år", "body : år", "{body}: år", "a:b", "+", "😀", "år 😀", "😀år", "\\", "'",
    "''", "%s%n", "\x01\x02\x1f", "år\tar\nupphandl", "NOT år", "år NOT", "AND år",
    "\xe2\x80\x8f\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d", "\xff\xfe invalid utf8",
  };
  g_autoptr(GString) big = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autoptr(GPtrArray) hits = search (fixture, queries[i]);

      {
        /* The query may be any bytes; the TAP log wants valid UTF-8. */
        g_autofree char *shown = g_utf8_make_valid (queries[i], -1);

        g_test_message ("%s: %u hits", shown, hits->len);
      }
    }

  /* Operators are words like any other: "AND" finds nothing here, and an
   * operator beside a word does not turn it into an expression. */
  {
    g_autoptr(GPtrArray) near = search (fixture, "NEAR(år");
    g_autoptr(GPtrArray) minus = search (fixture, "-år");
    g_autoptr(GPtrArray) quote = search (fixture, "\"år\"");
    g_autoptr(GPtrArray) star = search (fixture, "upphandl*");

    g_assert_cmpuint (near->len, ==, 0);
    g_assert_true (found (minus, fixture->year));
    g_assert_true (found (quote, fixture->year));
    g_assert_true (found (star, fixture->procurement_sv));
  }

  /* 10 kB of words and operators. */
  while (big->len < 10 * 1024)
    g_string_append (big, "år \"( NEAR( AND - ^ * 😀 ");
  {
    g_autoptr(GPtrArray) hits = search (fixture, big->str);
    g_autofree char *query = up_search_build_query (big->str);

    g_assert_nonnull (query);
    g_assert_cmpuint (strlen (query), <, 4096);
  }

  /* One word of 10 kB. */
  g_string_truncate (big, 0);
  while (big->len < 10 * 1024)
    g_string_append (big, "åäö");
  {
    g_autoptr(GPtrArray) hits = search (fixture, big->str);

    g_assert_cmpuint (hits->len, ==, 0);
  }

  g_assert_null (up_search_build_query (NULL));
  g_assert_null (up_search_build_query ("  😀 ( ) * \"  "));
}

static void
test_query (void)
{
  g_autofree char *plain = up_search_build_query ("upphandl år");
  g_autofree char *quoted = up_search_build_query ("say \"hi\"");

  g_assert_cmpstr (plain, ==, "\"upphandl\"* \"år\"*");
  g_assert_cmpstr (quoted, ==, "\"say\"* \"\"\"hi\"\"\"*");
}

static void
test_follows_edits (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) before = search (fixture, "tilldelningsbeslut");
  g_autoptr(GPtrArray) after_edit = NULL;
  g_autoptr(GPtrArray) old_word = NULL;
  g_autoptr(GPtrArray) after_undo = NULL;
  g_autoptr(GPtrArray) after_redo = NULL;
  g_autoptr(GPtrArray) after_delete = NULL;
  g_autoptr(GPtrArray) after_undelete = NULL;
  g_autoptr(GPtrArray) added = NULL;
  g_autoptr(GPtrArray) add_undone = NULL;
  UpNote *note;

  g_assert_cmpuint (before->len, ==, 0);

  g_assert_true (up_project_set_string (fixture->project, fixture->year, "body",
                                        "Tilldelningsbeslutet kommer i juni.", &error));
  g_assert_no_error (error);
  after_edit = search (fixture, "tilldelningsbeslut");
  old_word = search (fixture, "förlängning");
  g_assert_true (found (after_edit, fixture->year));
  g_assert_false (found (old_word, fixture->year));

  g_assert_true (up_project_undo (fixture->project, &error));
  after_undo = search (fixture, "tilldelningsbeslut");
  g_clear_pointer (&old_word, g_ptr_array_unref);
  old_word = search (fixture, "förlängning");
  g_assert_false (found (after_undo, fixture->year));
  g_assert_true (found (old_word, fixture->year));

  g_assert_true (up_project_redo (fixture->project, &error));
  after_redo = search (fixture, "tilldelningsbeslut");
  g_assert_true (found (after_redo, fixture->year));

  /* The record goes with the row; keep it to compare ids after undo. */
  g_object_ref (fixture->market);
  g_assert_true (up_project_delete_note (fixture->project, fixture->market, &error));
  after_delete = search (fixture, "leverantörsdag");
  g_assert_cmpuint (after_delete->len, ==, 0);
  g_assert_true (up_project_undo (fixture->project, &error));
  after_undelete = search (fixture, "leverantörsdag");
  g_assert_cmpuint (after_undelete->len, ==, 1);
  /* The same row back, so the same record. */
  g_assert_cmpint (up_record_get_id (UP_RECORD (((UpSearchHit *) g_ptr_array_index (after_undelete, 0))->note)),
                   ==, up_record_get_id (UP_RECORD (fixture->market)));

  g_object_unref (fixture->market);

  note = add_note (fixture->project, "Hållbarhetskrav från kommunstyrelsen.");
  added = search (fixture, "hållbarhet");
  g_assert_true (found (added, note));
  g_assert_true (up_project_undo (fixture->project, &error));
  add_undone = search (fixture, "hållbarhet");
  g_assert_cmpuint (add_undone->len, ==, 0);
  g_assert_no_error (error);
}

static gboolean
pango_parse_markup_ok (const char *markup)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (!pango_parse_markup (markup, -1, 0, NULL, &text, NULL, &error))
    {
      g_test_message ("%s: %s", markup, error->message);
      return FALSE;
    }

  return TRUE;
}

static void
test_boundaries (Fixture       *fixture,
                 gconstpointer  user_data)
{
  static const char * const bodies[] = {
    "Åäö ÅÄÖ åäöå 😀år😀 ×år× «år» år‐år e-år",
    "\xe2\x80\x8f\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d år \xd8\xb9\xd8\xb1\xd8\xa8\xd9\x8a",
    "é\xcc\x81år ﬁår Ǆår årⅫ",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bodies); i++)
    add_note (fixture->project, bodies[i]);

  for (guint q = 0; q < 3; q++)
    {
      const char *query = (const char *[]) { "år", "å", "åäö" }[q];
      g_autoptr(GPtrArray) hits = search (fixture, query);

      g_assert_cmpuint (hits->len, >, 0);
      for (guint h = 0; h < hits->len; h++)
        {
          UpSearchHit *hit = g_ptr_array_index (hits, h);
          gsize length = strlen (hit->body);
          gsize previous_end = 0;
          g_autofree char *markup = NULL;

          g_assert_cmpuint (hit->ranges->len, >, 0);
          g_assert_cmpstr (hit->body, ==, up_note_get_body (hit->note));
          for (guint r = 0; r < hit->ranges->len; r++)
            {
              UpSearchRange *range = &g_array_index (hit->ranges, UpSearchRange, r);
              g_autofree char *piece = NULL;
              g_autofree char *folded = NULL;
              g_autofree char *folded_query = g_utf8_casefold (query, -1);

              g_assert_cmpuint (range->start, >=, previous_end);
              g_assert_cmpuint (range->start, <, range->end);
              g_assert_cmpuint (range->end, <=, length);
              previous_end = range->end;

              piece = g_strndup (hit->body + range->start, range->end - range->start);
              g_assert_true (g_utf8_validate (piece, -1, NULL));
              g_assert_true (range->start == 0 ||
                             ((guchar) hit->body[range->start] & 0xC0) != 0x80);
              g_assert_true (range->end == length ||
                             ((guchar) hit->body[range->end] & 0xC0) != 0x80);
              /* Every marked word starts with what was searched. */
              folded = g_utf8_casefold (piece, -1);
              g_assert_true (g_str_has_prefix (folded, folded_query));
            }

          markup = up_search_markup (hit->body, hit->ranges, "<b>", "</b>");
          g_assert_true (pango_parse_markup_ok (markup));
        }
    }
}

static void
test_markup (void)
{
  g_autoptr(GArray) ranges = g_array_new (FALSE, FALSE, sizeof (UpSearchRange));
  UpSearchRange word = { 9, 13 };          /* "år" after "<b>&amp; " */
  UpSearchRange inside = { 11, 12 };      /* inside "å": not a boundary */
  UpSearchRange beyond = { 14, 400 };
  g_autofree char *markup = NULL;
  g_autofree char *plain = NULL;
  g_autofree char *broken = NULL;
  g_autofree char *controls = NULL;
  const char *text = "<b>&amp; \"år\" \x01";

  g_array_append_val (ranges, inside);
  g_array_append_val (ranges, word);
  g_array_append_val (ranges, beyond);
  /* "<b>&amp; " is 9 bytes, then the quote, then "år" (3 bytes). */
  g_array_index (ranges, UpSearchRange, 1).start = 10;
  g_array_index (ranges, UpSearchRange, 1).end = 13;

  markup = up_search_markup (text, ranges, "<b>", "</b>");
  g_assert_cmpstr (markup, ==, "&lt;b&gt;&amp;amp; &quot;<b>år</b>&quot; &#x1;");
  g_assert_true (pango_parse_markup_ok (markup));

  plain = up_search_markup ("a < b", NULL, "<b>", "</b>");
  g_assert_cmpstr (plain, ==, "a &lt; b");

  broken = up_search_markup ("\xff<", NULL, "<b>", "</b>");
  g_assert_true (g_utf8_validate (broken, -1, NULL));
  g_assert_true (pango_parse_markup_ok (broken));

  controls = up_search_markup ("\x01\x02\x1f%s%n", NULL, "<b>", "</b>");
  g_assert_true (pango_parse_markup_ok (controls));
}

/* The words of a search asked of other texts (a stage's title). */
static void
test_words_match (void)
{
  g_autoptr(UpSearchWords) larm = up_search_words_new ("  LARM, hem ");
  g_autoptr(UpSearchWords) year = up_search_words_new ("år");

  g_assert_null (up_search_words_new (NULL));
  g_assert_null (up_search_words_new (" \t "));
  g_assert_null (up_search_words_new ("😀 ( * \""));

  g_assert_true (up_search_words_match (larm, "Trygghetslarm i hemtjänsten"));
  g_assert_true (up_search_words_match (larm, "Hemmet och larmet"));
  g_assert_false (up_search_words_match (larm, "Trygghetslarm i äldreomsorgen"));
  g_assert_false (up_search_words_match (larm, NULL));
  g_assert_true (up_search_words_match (year, "Ett ÅR av test"));
  g_assert_false (up_search_words_match (year, "Hackathon i mars"));
}

/* Text with no word in it is found as it is written, and marked there. */
static void
test_literal (Fixture       *fixture,
              gconstpointer  user_data)
{
  UpNote *family = add_note (fixture->project, "Familjen 👩‍👩‍👧 kom till dialogen; 👩‍👩‍👧 igen.");
  UpNote *percent = add_note (fixture->project, "Priset sänktes 10 % efter förhandlingen.");
  g_autoptr(GPtrArray) emoji = search (fixture, " 👩‍👩‍👧 ");
  g_autoptr(GPtrArray) sign = search (fixture, "%");
  g_autoptr(GPtrArray) none = search (fixture, "😀");
  g_autoptr(GPtrArray) blank = search (fixture, "  \t ");
  UpSearchHit *hit;

  g_assert_cmpuint (emoji->len, ==, 1);
  hit = g_ptr_array_index (emoji, 0);
  g_assert_true (hit->note == family);
  g_assert_cmpuint (hit->ranges->len, ==, 2);
  g_assert_cmpuint (g_array_index (hit->ranges, UpSearchRange, 0).start, ==, strlen ("Familjen "));
  g_assert_cmpuint (g_array_index (hit->ranges, UpSearchRange, 0).end, ==,
                    strlen ("Familjen ") + strlen ("👩‍👩‍👧"));

  g_assert_cmpuint (sign->len, ==, 1);
  g_assert_true (((UpSearchHit *) g_ptr_array_index (sign, 0))->note == percent);
  g_assert_cmpuint (none->len, ==, 0);
  g_assert_cmpuint (blank->len, ==, 0);
}

/* A flag or an emoji typed beside words is a term of its own: the note
 * must hold it as well, and it is marked where it stands. Without it the
 * flag was dropped, and "möte 🇸🇪" found every "möte" alike. */
static void
test_words_and_symbols (Fixture       *fixture,
                        gconstpointer  user_data)
{
  UpNote *flagged = add_note (fixture->project, "Möte 🇸🇪 med regionens referensgrupp om larmen.");
  UpNote *plain = add_note (fixture->project, "Möte med leverantörerna om batteritid.");
  UpNote *joined = add_note (fixture->project, "Digitalt möte🇸🇪 och 🇳🇴 i samma vecka.");
  /* 🇺🇸 then 🇪🇸: the letters S and E stand side by side, but no Swedish flag. */
  UpNote *halves = add_note (fixture->project, "Möte med 🇺🇸🇪🇸 om standarder.");
  UpNote *percent = add_note (fixture->project, "Vid mötet sänktes priset 10 % för larmen.");
  g_autoptr(GPtrArray) flag = search (fixture, "möte 🇸🇪");
  g_autoptr(GPtrArray) attached = search (fixture, "möte🇸🇪");
  g_autoptr(GPtrArray) two_flags = search (fixture, "🇳🇴 möte 🇸🇪");
  g_autoptr(GPtrArray) sign = search (fixture, "larmen %");
  g_autoptr(GPtrArray) flags_only = search (fixture, "🇳🇴 🇸🇪");
  g_autoptr(GPtrArray) word = search (fixture, "möte");
  g_autoptr(UpSearchWords) words = up_search_words_new ("Möte 🇸🇪");
  g_autofree char *marks = NULL;

  g_assert_cmpuint (flag->len, ==, 2);
  g_assert_true (found (flag, flagged));
  g_assert_true (found (flag, joined));
  g_assert_false (found (flag, plain));
  g_assert_false (found (flag, halves));
  marks = marked (hit_of (flag, flagged));
  g_assert_cmpstr (marks, ==, "Möte|🇸🇪");

  g_assert_cmpuint (attached->len, ==, 2);
  g_assert_true (found (attached, flagged));
  g_assert_true (found (attached, joined));

  g_assert_cmpuint (two_flags->len, ==, 1);
  g_assert_true (found (two_flags, joined));

  g_assert_cmpuint (sign->len, ==, 1);
  g_assert_true (found (sign, percent));

  g_assert_cmpuint (flags_only->len, ==, 1);
  g_assert_true (found (flags_only, joined));

  /* The word alone still finds them all. */
  g_assert_true (found (word, plain) && found (word, flagged) && found (word, halves));

  /* Finding a stage asks the same of its title. */
  g_assert_true (up_search_words_match (words, "Dialogmöte 🇸🇪 i Umeå"));
  g_assert_false (up_search_words_match (words, "Dialogmöte i Umeå"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/search/query", test_query);
  g_test_add_func ("/search/markup", test_markup);
#define ADD(path, func) \
  g_test_add ("/search/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("letters", test_letters);
  ADD ("prefix", test_prefix);
  ADD ("compounds", test_compounds);
  g_test_add_func ("/search/words-match", test_words_match);
  ADD ("words", test_words);
  ADD ("ranking", test_ranking);
  ADD ("hostile", test_hostile);
  ADD ("follows-edits", test_follows_edits);
  ADD ("boundaries", test_boundaries);
  ADD ("literal", test_literal);
  ADD ("words-and-symbols", test_words_and_symbols);
#undef ADD

  return g_test_run ();
}
