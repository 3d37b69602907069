/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Every view of the running application in Swedish, under Xvfb: no visible
 * text may still be the English source string of a message.
 *
 * What counts as "English source string": every msgid (and msgid_plural)
 * of po/sv.po, and of a .pot generated from the sources at run time (so a
 * string added since the last update of sv.po counts too). Exceptions are
 * the messages whose Swedish translation is the English text itself
 * ("Status"): they are listed as such by the translator in sv.po. A text
 * is compared as it is, without mnemonic underscores, without markup and
 * without a trailing ellipsis, with the msgids treated the same way; a
 * msgid with printf directives and English words ("Undo: %1$s",
 * "%1$u stages") is compared as a pattern.
 *
 * A text in a Swedish message is fine even where it also spells an English
 * msgid. Widgets whose "visible" is FALSE are skipped; the pages of a
 * stack that are not on top, and popovers not open, are walked (marked
 * "[not shown now]"): the user sees them another time.
 *
 * The views: the start page with its menu, the project page on the demo
 * project (stage list, timeline, editor on a stage and on a milestone,
 * after an edit and an undo so that the undo and redo tooltips name the
 * edit), the timeline's tooltip on a stage (the pointer is moved there
 * with xdotool), the Add Stage and main menus opened, a refused edit (its
 * toast), the banner of a failed save (a real conflict), the keyboard
 * shortcuts window, the About window and the dialog of a file that cannot
 * be opened. Each is saved as a screenshot (view-*.png) in the build
 * folder of this test. A Swedish text of the interface shown ellipsized is
 * printed as a note (not a failure: a list may cut on purpose).
 *
 * Each view must also show a minimum number of texts and of Swedish
 * translations, so that a broken walk or a catalogue that did not load
 * cannot pass. Run with LANGUAGE=en, every view fails.
 *
 * UP_I18N_VERBOSE=1 prints every text checked with its verdict.
 *
 * Not checked: accessible labels (GTK 4.8 has no getter for them) and the
 * texts the timeline draws itself (axis, stage titles; its tooltip is). */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "up-a11y-util.h"
#include "up-application.h"
#include "up-release-notes.h"
#include "up-route-chooser.h"
#include "up-stage-editor.h"
#include "up-timeline.h"
#include "up-window.h"
#include "test-common.h"

#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#endif

#define WAIT_SECONDS 20

/* A project page shows far more texts than this; fewer means the walk is
 * broken (or the window empty), and then the test must not pass. */
#define MIN_TEXTS_PROJECT_PAGE 30
#define MIN_SWEDISH_PROJECT_PAGE 15

/* ------------------------------------------------------------------------ */
/* PO files */

typedef struct
{
  char      *msgctxt;
  char      *msgid;
  char      *msgid_plural;
  GPtrArray *msgstr;          /* char *, one per plural form */
  gboolean   fuzzy;
  char      *reference;       /* the first "#:" reference, for messages */
} PoEntry;

static void
po_entry_free (PoEntry *entry)
{
  g_free (entry->msgctxt);
  g_free (entry->msgid);
  g_free (entry->msgid_plural);
  g_clear_pointer (&entry->msgstr, g_ptr_array_unref);
  g_free (entry->reference);
  g_free (entry);
}

/* The contents of one quoted PO string, unescaped; NULL if malformed. */
static char *
po_unquote (const char *line)
{
  const char *p = line;
  GString *out;

  while (*p == ' ' || *p == '\t')
    p++;
  if (*p != '"')
    return NULL;
  p++;

  out = g_string_new (NULL);
  while (*p != '\0' && *p != '"')
    {
      if (*p != '\\')
        {
          g_string_append_c (out, *p++);
          continue;
        }

      p++;
      switch (*p)
        {
        case 'n': g_string_append_c (out, '\n'); p++; break;
        case 't': g_string_append_c (out, '\t'); p++; break;
        case 'r': g_string_append_c (out, '\r'); p++; break;
        case 'a': g_string_append_c (out, '\a'); p++; break;
        case 'b': g_string_append_c (out, '\b'); p++; break;
        case 'f': g_string_append_c (out, '\f'); p++; break;
        case 'v': g_string_append_c (out, '\v'); p++; break;
        case '\\': g_string_append_c (out, '\\'); p++; break;
        case '"': g_string_append_c (out, '"'); p++; break;
        case 'x':
          {
            guint value = 0;

            p++;
            while (g_ascii_isxdigit (*p))
              value = value * 16 + g_ascii_xdigit_value (*p++);
            g_string_append_c (out, (char) value);
          }
          break;
        default:
          if (*p >= '0' && *p <= '7')
            {
              guint value = 0;

              for (int i = 0; i < 3 && *p >= '0' && *p <= '7'; i++)
                value = value * 8 + (*p++ - '0');
              g_string_append_c (out, (char) value);
            }
          else if (*p != '\0')
            {
              g_string_append_c (out, *p++);
            }
        }
    }

  if (*p != '"')
    {
      g_string_free (out, TRUE);
      return NULL;
    }

  return g_string_free (out, FALSE);
}

typedef enum { KW_NONE, KW_CTXT, KW_ID, KW_PLURAL, KW_STR } Keyword;

typedef struct
{
  GPtrArray *entries;
  PoEntry   *current;
  Keyword    keyword;
  guint      str_index;
  gboolean   pending_fuzzy;
  char      *pending_reference;
} PoParser;

static void
po_parser_finish (PoParser *parser)
{
  PoEntry *entry = parser->current;

  parser->current = NULL;
  parser->keyword = KW_NONE;

  if (entry == NULL)
    return;

  /* The header, and anything cut short, is not a message. */
  if (entry->msgid == NULL || (entry->msgid[0] == '\0' && entry->msgctxt == NULL))
    {
      po_entry_free (entry);
      return;
    }

  g_ptr_array_add (parser->entries, entry);
}

static PoEntry *
po_parser_entry (PoParser *parser)
{
  if (parser->current == NULL)
    {
      parser->current = g_new0 (PoEntry, 1);
      parser->current->msgstr = g_ptr_array_new_with_free_func (g_free);
      parser->current->fuzzy = parser->pending_fuzzy;
      parser->current->reference = g_steal_pointer (&parser->pending_reference);
      parser->pending_fuzzy = FALSE;
    }

  return parser->current;
}

static void
po_append (char **field,
           char  *text)
{
  char *joined = g_strconcat (*field ? *field : "", text, NULL);

  g_free (*field);
  g_free (text);
  *field = joined;
}

/* Parses a PO or POT file; obsolete (#~) entries are left out. */
static GPtrArray *
po_parse (const char  *path,
          GError     **error)
{
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  PoParser parser = { 0 };

  if (!g_file_get_contents (path, &contents, NULL, error))
    return NULL;

  parser.entries = g_ptr_array_new_with_free_func ((GDestroyNotify) po_entry_free);
  lines = g_strsplit (contents, "\n", -1);

  for (guint n = 0; lines[n] != NULL; n++)
    {
      char *line = g_strchomp (lines[n]);
      char *text = NULL;

      if (line[0] == '\0')
        {
          po_parser_finish (&parser);
          parser.pending_fuzzy = FALSE;
          g_clear_pointer (&parser.pending_reference, g_free);
          continue;
        }

      if (g_str_has_prefix (line, "#~"))
        {
          /* An obsolete entry: its comments must not stick to the next one. */
          po_parser_finish (&parser);
          parser.pending_fuzzy = FALSE;
          g_clear_pointer (&parser.pending_reference, g_free);
          continue;
        }

      if (line[0] == '#')
        {
          /* A comment after a msgstr starts the next entry. */
          if (parser.keyword == KW_STR)
            po_parser_finish (&parser);

          if (g_str_has_prefix (line, "#,"))
            {
              g_auto(GStrv) flags = g_strsplit_set (line + 2, ", ", -1);

              for (guint i = 0; flags[i] != NULL; i++)
                if (g_str_equal (flags[i], "fuzzy"))
                  parser.pending_fuzzy = TRUE;
            }
          else if (g_str_has_prefix (line, "#:") && parser.pending_reference == NULL)
            {
              g_auto(GStrv) refs = g_strsplit_set (g_strstrip (line + 2), " ", 2);

              parser.pending_reference = g_strdup (refs[0]);
            }
          continue;
        }

      if (g_str_has_prefix (line, "msgctxt "))
        {
          if (parser.keyword == KW_STR)
            po_parser_finish (&parser);
          text = po_unquote (line + strlen ("msgctxt "));
          if (text == NULL)
            goto malformed;
          po_parser_entry (&parser)->msgctxt = text;
          parser.keyword = KW_CTXT;
        }
      else if (g_str_has_prefix (line, "msgid_plural "))
        {
          text = po_unquote (line + strlen ("msgid_plural "));
          if (text == NULL || parser.current == NULL)
            goto malformed;
          parser.current->msgid_plural = text;
          parser.keyword = KW_PLURAL;
        }
      else if (g_str_has_prefix (line, "msgid "))
        {
          if (parser.keyword == KW_STR || parser.keyword == KW_ID || parser.keyword == KW_PLURAL)
            po_parser_finish (&parser);
          text = po_unquote (line + strlen ("msgid "));
          if (text == NULL)
            goto malformed;
          po_parser_entry (&parser)->msgid = text;
          parser.keyword = KW_ID;
        }
      else if (g_str_has_prefix (line, "msgstr"))
        {
          const char *p = line + strlen ("msgstr");
          guint index = 0;

          if (parser.current == NULL)
            goto malformed;
          if (*p == '[')
            {
              index = (guint) g_ascii_strtoull (p + 1, NULL, 10);
              p = strchr (p, ']');
              if (p == NULL)
                goto malformed;
              p++;
            }
          text = po_unquote (p);
          if (text == NULL)
            goto malformed;
          while (parser.current->msgstr->len <= index)
            g_ptr_array_add (parser.current->msgstr, g_strdup (""));
          g_free (parser.current->msgstr->pdata[index]);
          parser.current->msgstr->pdata[index] = text;
          parser.keyword = KW_STR;
          parser.str_index = index;
        }
      else if (line[0] == '"' || line[0] == ' ' || line[0] == '\t')
        {
          text = po_unquote (line);
          if (text == NULL || parser.current == NULL)
            goto malformed;
          switch (parser.keyword)
            {
            case KW_CTXT: po_append (&parser.current->msgctxt, text); break;
            case KW_ID: po_append (&parser.current->msgid, text); break;
            case KW_PLURAL: po_append (&parser.current->msgid_plural, text); break;
            case KW_STR:
              po_append ((char **) &parser.current->msgstr->pdata[parser.str_index], text);
              break;
            case KW_NONE:
            default:
              g_free (text);
              goto malformed;
            }
        }
      else
        {
          goto malformed;
        }
      continue;

    malformed:
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                   "%s:%u: cannot parse “%s”", path, n + 1, line);
      po_parser_finish (&parser);
      g_clear_pointer (&parser.pending_reference, g_free);
      g_ptr_array_unref (parser.entries);
      return NULL;
    }

  po_parser_finish (&parser);
  g_clear_pointer (&parser.pending_reference, g_free);

  return parser.entries;
}

static gboolean
po_entry_is_translated (const PoEntry *entry)
{
  if (entry->fuzzy || entry->msgstr->len == 0)
    return FALSE;

  for (guint i = 0; i < entry->msgstr->len; i++)
    if (((char *) entry->msgstr->pdata[i])[0] == '\0')
      return FALSE;

  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* What the texts are compared with */

typedef struct
{
  char   *english;       /* the msgid (or msgid_plural) as written */
  char   *swedish;       /* its translation, or NULL */
  char   *why;           /* why it should not show in English */
  char   *reference;
} Expected;

static void
expected_free (Expected *expected)
{
  g_free (expected->english);
  g_free (expected->swedish);
  g_free (expected->why);
  g_free (expected->reference);
  g_free (expected);
}

typedef struct
{
  GRegex   *regex;
  Expected *expected;   /* owned by catalog.expected */
} Pattern;

static void
pattern_free (Pattern *pattern)
{
  g_regex_unref (pattern->regex);
  g_free (pattern);
}

typedef struct
{
  GPtrArray  *expected;    /* Expected */
  GHashTable *english;     /* variant of a msgid → Expected */
  GHashTable *exceptions;  /* variant of a msgid translated as itself → msgid */
  GHashTable *swedish;     /* variant of a msgstr → msgid */
  GPtrArray  *patterns;    /* Pattern */
  GPtrArray  *swedish_patterns;  /* GRegex: what a translated format prints */
  guint       n_messages;
  guint       n_pot_only;
} Catalog;

static Catalog catalog;

/* "_Open…" → "Open…"; "__" stays one "_". */
static char *
strip_mnemonic (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '_')
        {
          if (p[1] == '_')
            {
              g_string_append_c (out, '_');
              p++;
            }
          continue;
        }
      g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
}

static char *
strip_ellipsis (const char *text)
{
  if (g_str_has_suffix (text, "…"))
    return g_strndup (text, strlen (text) - strlen ("…"));
  if (g_str_has_suffix (text, "..."))
    return g_strndup (text, strlen (text) - 3);
  return g_strdup (text);
}

/* Pango markup removed; NULL when @text is not markup (or has none). */
static char *
strip_markup (const char *text)
{
  char *plain = NULL;

  if (strchr (text, '<') == NULL && strchr (text, '&') == NULL)
    return NULL;
  if (!pango_parse_markup (text, -1, 0, NULL, &plain, NULL, NULL))
    return NULL;
  if (g_str_equal (plain, text))
    g_clear_pointer (&plain, g_free);

  return plain;
}

/* The forms of @text that are compared: as it is, without the mnemonic
 * underscores, without markup, without a trailing ellipsis. */
static GPtrArray *
text_variants (const char *text)
{
  GPtrArray *variants = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *plain = strip_markup (text);
  const char *bases[] = { text, plain };

  for (guint i = 0; i < G_N_ELEMENTS (bases); i++)
    {
      g_autofree char *no_mnemonic = NULL;

      if (bases[i] == NULL)
        continue;

      no_mnemonic = strip_mnemonic (bases[i]);
      g_ptr_array_add (variants, g_strdup (bases[i]));
      g_ptr_array_add (variants, g_strdup (no_mnemonic));
      g_ptr_array_add (variants, strip_ellipsis (bases[i]));
      g_ptr_array_add (variants, strip_ellipsis (no_mnemonic));
    }

  return variants;
}

static const char *printf_directive =
  "%(?:[0-9]+\\$)?[-+ #0'_^]*(?:[0-9]+|\\*)?(?:\\.(?:[0-9]+|\\*))?"
  "(?:hh|h|ll|l|L|j|z|t|q)?[A-Za-z]";

/* A regex for the texts that @msgid formats to, or NULL when @msgid has no
 * directive or too little English around its directives to tell ("%1$s –
 * %2$s", a date format). */
static GRegex *
pattern_for (const char *msgid)
{
  static GRegex *directive;
  g_autoptr(GString) regex = g_string_new ("^");
  g_autoptr(GMatchInfo) match = NULL;
  guint n_letters = 0;
  guint n_directives = 0;
  gint last = 0;

  if (directive == NULL)
    directive = g_regex_new (printf_directive, G_REGEX_OPTIMIZE, 0, NULL);

  g_regex_match (directive, msgid, 0, &match);
  while (g_match_info_matches (match))
    {
      gint start, end;
      g_autofree char *literal = NULL;
      g_autofree char *escaped = NULL;

      g_match_info_fetch_pos (match, 0, &start, &end);
      literal = g_strndup (msgid + last, start - last);

      /* "%%" is a percent sign, not a directive. */
      if (start > 0 && msgid[start - 1] == '%')
        {
          g_match_info_next (match, NULL);
          continue;
        }

      for (const char *p = literal; *p; p = g_utf8_next_char (p))
        if (g_unichar_isalpha (g_utf8_get_char (p)))
          n_letters++;
      escaped = g_regex_escape_string (literal, -1);
      g_string_append (regex, escaped);
      g_string_append (regex, "(.+?)");
      n_directives++;
      last = end;
      g_match_info_next (match, NULL);
    }

  if (n_directives == 0)
    return NULL;

  {
    g_autofree char *escaped = g_regex_escape_string (msgid + last, -1);

    for (const char *p = msgid + last; *p; p = g_utf8_next_char (p))
      if (g_unichar_isalpha (g_utf8_get_char (p)))
        n_letters++;
    g_string_append (regex, escaped);
  }
  g_string_append (regex, "$");

  if (n_letters < 3)
    return NULL;

  return g_regex_new (regex->str, G_REGEX_DOTALL | G_REGEX_OPTIMIZE, 0, NULL);
}

static void
catalog_add_english (const char *english,
                     const char *swedish,
                     const char *why,
                     const char *reference)
{
  g_autoptr(GPtrArray) variants = NULL;
  Expected *expected;
  GRegex *regex;

  if (english == NULL || english[0] == '\0')
    return;

  expected = g_new0 (Expected, 1);
  expected->english = g_strdup (english);
  expected->swedish = g_strdup (swedish);
  expected->why = g_strdup (why);
  expected->reference = g_strdup (reference);
  g_ptr_array_add (catalog.expected, expected);

  /* The first message that spells a text wins. */
  variants = text_variants (english);
  for (guint i = 0; i < variants->len; i++)
    if (((char *) variants->pdata[i])[0] != '\0' &&
        !g_hash_table_contains (catalog.english, variants->pdata[i]))
      g_hash_table_insert (catalog.english, g_strdup (variants->pdata[i]), expected);

  regex = pattern_for (english);
  if (regex != NULL)
    {
      Pattern *pattern = g_new0 (Pattern, 1);

      pattern->regex = regex;
      pattern->expected = expected;
      g_ptr_array_add (catalog.patterns, pattern);
    }
}

static void
catalog_add_variants (GHashTable *table,
                      const char *text,
                      const char *msgid)
{
  g_autoptr(GPtrArray) variants = NULL;

  if (text == NULL || text[0] == '\0')
    return;

  variants = text_variants (text);
  for (guint i = 0; i < variants->len; i++)
    if (((char *) variants->pdata[i])[0] != '\0')
      g_hash_table_insert (table, g_strdup (variants->pdata[i]), g_strdup (msgid));
}

/* "“Undo”", or "“Undo” (context “shortcut window”)"; @english is the
 * msgid or the msgid_plural. */
static char *
describe_entry (const PoEntry *entry,
                const char    *english)
{
  if (entry->msgctxt != NULL)
    return g_strdup_printf ("“%s” (context “%s”)", english, entry->msgctxt);
  return g_strdup_printf ("“%s”", english);
}

static void
catalog_load (const char *po_path,
              const char *pot_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) po = NULL;
  g_autoptr(GPtrArray) pot = NULL;
  g_autoptr(GHashTable) in_po = g_hash_table_new (g_str_hash, g_str_equal);

  catalog.expected = g_ptr_array_new_with_free_func ((GDestroyNotify) expected_free);
  catalog.english = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  catalog.exceptions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  catalog.swedish = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  catalog.patterns = g_ptr_array_new_with_free_func ((GDestroyNotify) pattern_free);
  catalog.swedish_patterns = g_ptr_array_new_with_free_func ((GDestroyNotify) g_regex_unref);

  po = po_parse (po_path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (po);

  for (guint i = 0; i < po->len; i++)
    {
      PoEntry *entry = po->pdata[i];
      const char *forms[] = { entry->msgid, entry->msgid_plural };
      gboolean translated = po_entry_is_translated (entry);

      g_hash_table_add (in_po, entry->msgid);
      catalog.n_messages++;

      for (guint f = 0; f < G_N_ELEMENTS (forms); f++)
        {
          const char *english = forms[f];
          const char *swedish = NULL;
          gboolean same = FALSE;
          g_autofree char *why = NULL;
          g_autofree char *name = NULL;

          if (english == NULL)
            continue;
          name = describe_entry (entry, english);

          if (translated)
            {
              swedish = entry->msgstr->pdata[MIN (f, entry->msgstr->len - 1)];
              for (guint s = 0; s < entry->msgstr->len; s++)
                if (g_str_equal (entry->msgstr->pdata[s], english))
                  same = TRUE;
              for (guint s = 0; s < entry->msgstr->len; s++)
                {
                  GRegex *regex = pattern_for (entry->msgstr->pdata[s]);

                  catalog_add_variants (catalog.swedish, entry->msgstr->pdata[s], entry->msgid);
                  if (regex != NULL && f == 0)
                    g_ptr_array_add (catalog.swedish_patterns, regex);
                  else if (regex != NULL)
                    g_regex_unref (regex);
                }
            }

          if (same)
            {
              /* Written the same in Swedish: an exception, not an error. */
              catalog_add_variants (catalog.exceptions, english, entry->msgid);
              continue;
            }

          if (translated)
            why = g_strdup_printf ("sv.po translates %s as “%s”", name, swedish);
          else if (entry->fuzzy)
            why = g_strdup_printf ("%s is fuzzy in sv.po, so it is not used", name);
          else
            why = g_strdup_printf ("%s has no Swedish translation in sv.po", name);

          catalog_add_english (english, swedish, why, entry->reference);
        }
    }

  if (pot_path == NULL)
    return;

  pot = po_parse (pot_path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (pot);

  for (guint i = 0; i < pot->len; i++)
    {
      PoEntry *entry = pot->pdata[i];
      const char *forms[] = { entry->msgid, entry->msgid_plural };

      if (g_hash_table_contains (in_po, entry->msgid))
        continue;

      catalog.n_pot_only++;
      for (guint f = 0; f < G_N_ELEMENTS (forms); f++)
        {
          g_autofree char *name = NULL;
          g_autofree char *why = NULL;

          if (forms[f] == NULL || g_hash_table_contains (catalog.english, forms[f]))
            continue;
          name = describe_entry (entry, forms[f]);
          why = g_strdup_printf ("%s is in the sources but not in sv.po", name);
          catalog_add_english (forms[f], NULL, why, entry->reference);
        }
    }
}

/* Runs xgettext on the files of po/POTFILES.in, like the build's
 * upphandla-pot target; NULL (with a message) when xgettext is missing. */
static char *
generate_pot (const char *dir)
{
  g_autofree char *xgettext = g_find_program_in_path ("xgettext");
  g_autofree char *potfiles = g_build_filename (SOURCE_ROOT, "po", "POTFILES.in", NULL);
  g_autofree char *files_from = g_strconcat ("--files-from=", potfiles, NULL);
  g_autofree char *directory = g_strconcat ("--directory=", SOURCE_ROOT, NULL);
  g_autofree char *pot = g_build_filename (dir, "sources.pot", NULL);
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;
  const char *argv[] = {
    xgettext, files_from, directory, "--from-code=UTF-8",
    "--keyword=_", "--keyword=N_", "--keyword=C_:1c,2", "--keyword=NC_:1c,2",
    "--keyword=g_dngettext:2,3", "--keyword=ngettext:1,2",
    "--add-comments=Translators", "-o", pot, NULL,
  };

  if (xgettext == NULL)
    {
      g_test_message ("xgettext not found: only the messages of sv.po are compared");
      return NULL;
    }

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                NULL, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("xgettext failed: %s", err);

  return g_steal_pointer (&pot);
}

/* ------------------------------------------------------------------------ */
/* The walk */

typedef struct
{
  char  *text;
  char  *message;     /* where the text was first seen, and why it fails */
  guint  n_more;      /* other places it shows */
} Failure;

static void
failure_free (Failure *failure)
{
  g_free (failure->text);
  g_free (failure->message);
  g_free (failure);
}

typedef struct
{
  const char *view;
  GHashTable *texts;      /* distinct texts seen */
  GHashTable *failures;   /* untranslated text → Failure, in order below */
  GPtrArray  *failure_list;
  guint       n_checked;
  guint       n_swedish;
  guint       n_untranslated;
  GPtrArray  *ellipsized;   /* texts of the interface cut short: notes */
  gboolean    verbose;
} Walk;

static Walk *
walk_new (const char *view)
{
  Walk *walk = g_new0 (Walk, 1);

  walk->view = view;
  walk->texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  walk->failures = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  walk->failure_list = g_ptr_array_new_with_free_func ((GDestroyNotify) failure_free);
  walk->ellipsized = g_ptr_array_new_with_free_func (g_free);
  walk->verbose = g_getenv ("UP_I18N_VERBOSE") != NULL && g_getenv ("UP_I18N_VERBOSE")[0] != '\0';

  return walk;
}

static void
walk_free (Walk *walk)
{
  g_hash_table_unref (walk->texts);
  g_ptr_array_unref (walk->failure_list);
  g_ptr_array_unref (walk->ellipsized);
  g_hash_table_unref (walk->failures);
  g_free (walk);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Walk, walk_free)

static char *
escape_for_message (const char *text)
{
  return g_strescape (text, "åäöÅÄÖéÉüÜ…–—“”’·©");
}

/* The verdict on one text: NULL when it is fine, else the Expected it is
 * the English of. *@kind says what it is for the verbose listing. */
static const Expected *
judge (const char  *text,
       const char **kind)
{
  g_autoptr(GPtrArray) variants = text_variants (text);

  /* A text that is some message's Swedish, or a message written the same
   * in both languages, is fine even if it also spells an English msgid. */
  for (guint i = 0; i < variants->len; i++)
    {
      if (g_hash_table_contains (catalog.swedish, variants->pdata[i]))
        {
          *kind = "Swedish";
          return NULL;
        }
    }
  for (guint i = 0; i < variants->len; i++)
    {
      if (g_hash_table_contains (catalog.exceptions, variants->pdata[i]))
        {
          *kind = "same in both languages";
          return NULL;
        }
    }
  for (guint i = 0; i < variants->len; i++)
    {
      const Expected *expected = g_hash_table_lookup (catalog.english, variants->pdata[i]);

      if (expected != NULL)
        {
          *kind = "UNTRANSLATED";
          return expected;
        }
    }
  for (guint i = 0; i < catalog.patterns->len; i++)
    {
      Pattern *pattern = catalog.patterns->pdata[i];

      for (guint v = 0; v < variants->len; v++)
        if (g_regex_match (pattern->regex, variants->pdata[v], 0, NULL))
          {
            *kind = "UNTRANSLATED (format)";
            return pattern->expected;
          }
    }

  for (guint i = 0; i < catalog.swedish_patterns->len; i++)
    {
      if (g_regex_match (catalog.swedish_patterns->pdata[i], text, 0, NULL))
        {
          *kind = "Swedish (format)";
          return NULL;
        }
    }

  *kind = "not a message";
  return NULL;
}

static void
check_one (Walk        *walk,
           const char  *text,
           const char  *where,
           const char  *what,
           const char  *path,
           gboolean     shown)
{
  const char *kind = NULL;
  const Expected *expected;
  g_autofree char *escaped = NULL;

  expected = judge (text, &kind);
  walk->n_checked++;
  g_hash_table_add (walk->texts, g_strdup (text));
  if (g_str_has_prefix (kind, "Swedish"))
    walk->n_swedish++;

  escaped = escape_for_message (text);

  if (walk->verbose)
    g_test_message ("[%s] %-22s '%s' — %s %s%s (%s)", walk->view, kind, escaped, where, what,
                    shown ? "" : " [not shown now]", path);

  if (expected != NULL)
    {
      Failure *failure = g_hash_table_lookup (walk->failures, text);

      /* Once per text and view; the other places only counted. */
      if (failure != NULL)
        {
          failure->n_more++;
          return;
        }

      failure = g_new0 (Failure, 1);
      failure->text = g_strdup (text);
      failure->message = g_strdup_printf ("untranslated: '%s' in %s %s (%s)%s — %s%s%s",
                                          escaped, where, what, path,
                                          shown ? "" : " [not shown now]",
                                          expected->why,
                                          expected->reference ? ", " : "",
                                          expected->reference ? expected->reference : "");
      g_hash_table_insert (walk->failures, g_strdup (text), failure);
      g_ptr_array_add (walk->failure_list, failure);
      walk->n_untranslated++;
    }
}

static void
check_text (Walk       *walk,
            const char *text,
            const char *where,
            const char *what,
            const char *path,
            gboolean    shown)
{
  if (text == NULL)
    return;

  /* Blank, or no letter at all (a count, a date, "·"): nothing to judge. */
  {
    gboolean has_letter = FALSE;

    for (const char *p = text; *p; p = g_utf8_next_char (p))
      if (g_unichar_isalpha (g_utf8_get_char (p)))
        {
          has_letter = TRUE;
          break;
        }
    if (!has_letter)
      return;
  }

  check_one (walk, text, where, what, path, shown);

  /* A tooltip of several lines, or a line of parts ("Tender period ·
   * In progress"): each line and each part on its own too. */
  if (strchr (text, '\n') != NULL || strstr (text, " · ") != NULL)
    {
      g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

      for (guint i = 0; lines[i] != NULL; i++)
        {
          g_auto(GStrv) parts = g_strsplit (lines[i], " · ", -1);

          if (lines[i][0] != '\0' && !g_str_equal (lines[i], text))
            check_one (walk, lines[i], where, what, path, shown);
          for (guint j = 0; parts[j] != NULL && parts[1] != NULL; j++)
            if (parts[j][0] != '\0')
              check_one (walk, parts[j], where, what, path, shown);
        }
    }
}

static void
walk_menu_model (Walk       *walk,
                 GMenuModel *model,
                 const char *where,
                 const char *path,
                 gboolean    shown)
{
  if (model == NULL)
    return;

  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *label = NULL;
      g_autofree char *item_path = g_strdup_printf ("%s/menu item %d", path, i);
      g_autoptr(GMenuLinkIter) links = NULL;
      const char *link_name;
      GMenuModel *link;

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_LABEL, "s", &label))
        check_text (walk, label, where, "menu item label", item_path, shown);

      links = g_menu_model_iterate_item_links (model, i);
      while (g_menu_link_iter_get_next (links, &link_name, &link))
        {
          g_autofree char *link_path = g_strdup_printf ("%s/%s", item_path, link_name);

          walk_menu_model (walk, link, where, link_path, shown);
          g_object_unref (link);
        }
    }
}

static void
walk_list_model (Walk          *walk,
                 GListModel    *model,
                 GtkExpression *expression,
                 const char    *where,
                 const char    *path,
                 gboolean       shown)
{
  if (model == NULL)
    return;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      g_autofree char *item_path = g_strdup_printf ("%s/item %u", path, i);

      if (GTK_IS_STRING_OBJECT (item))
        {
          check_text (walk, gtk_string_object_get_string (GTK_STRING_OBJECT (item)),
                      where, "drop-down item", item_path, shown);
        }
      else if (expression != NULL)
        {
          g_auto(GValue) value = G_VALUE_INIT;

          if (gtk_expression_evaluate (expression, item, &value) &&
              G_VALUE_HOLDS_STRING (&value))
            check_text (walk, g_value_get_string (&value), where, "drop-down item",
                        item_path, shown);
        }
    }
}

/* The string properties that hold what a widget shows. */
static const char *text_properties[] = {
  "label", "title", "subtitle", "description", "placeholder-text", "text",
  "tooltip-text", "heading", "body", "comments", "developer-name", "copyright",
  "secondary-text", "message",
};

/* The id a builder gave @widget, unless it is one made up for an object
 * without id. */
static const char *
widget_id (GtkWidget *widget)
{
  const char *id = GTK_IS_BUILDABLE (widget) ? gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget))
                                             : NULL;

  if (id == NULL || g_str_has_prefix (id, "___object_") || g_str_equal (id, G_OBJECT_TYPE_NAME (widget)))
    return NULL;

  return id;
}

/* A path that a reader can follow: the named widgets on the way, and the
 * widget itself ("UpWindow/main_stack/editor/kind_row/GtkLabel"). */
static char *
widget_path (GtkWidget *widget)
{
  g_autoptr(GString) path = g_string_new (NULL);
  const char *id = widget_id (widget);

  g_string_append (path, G_OBJECT_TYPE_NAME (widget));
  if (id != NULL)
    g_string_append_printf (path, "#%s", id);

  for (GtkWidget *w = gtk_widget_get_parent (widget); w != NULL; w = gtk_widget_get_parent (w))
    {
      id = widget_id (w);
      /* A popover or a tooltip is a window of its own: named by its type. */
      if (id == NULL && GTK_IS_NATIVE (w) && gtk_widget_get_parent (w) != NULL)
        id = G_OBJECT_TYPE_NAME (w);
      if (id != NULL)
        g_string_prepend (path, "/");
      if (id != NULL)
        g_string_prepend (path, id);
      if (gtk_widget_get_parent (w) == NULL)
        {
          g_string_prepend (path, "/");
          g_string_prepend (path, G_OBJECT_TYPE_NAME (w));
        }
    }

  return g_string_free (g_steal_pointer (&path), FALSE);
}

static void
walk_widget (Walk       *walk,
             GtkWidget  *widget,
             gboolean    parent_shown)
{
  g_autofree char *path = widget_path (widget);
  const char *where = G_OBJECT_TYPE_NAME (widget);
  gboolean shown;

  /* A hidden widget shows nothing; a child of a stack page not on top, or
   * a popover not open, is still walked: the user sees it another time. */
  if (!gtk_widget_get_visible (widget))
    return;
  shown = parent_shown && gtk_widget_get_mapped (widget);

  for (guint i = 0; i < G_N_ELEMENTS (text_properties); i++)
    {
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (widget),
                                                        text_properties[i]);
      g_autofree char *value = NULL;
      g_autofree char *what = NULL;

      if (pspec == NULL || pspec->value_type != G_TYPE_STRING ||
          !(pspec->flags & G_PARAM_READABLE))
        continue;

      g_object_get (widget, text_properties[i], &value, NULL);
      what = g_strdup_printf ("%s", text_properties[i]);
      check_text (walk, value, where, what, path, shown);
    }

  /* A message of the interface cut short on screen: not a failure (a list
   * may cut on purpose), but worth a look in the screenshot. */
  if (GTK_IS_LABEL (widget) && shown &&
      pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (widget))))
    {
      const char *text = gtk_label_get_text (GTK_LABEL (widget));
      const char *kind = NULL;

      judge (text, &kind);
      if (g_str_has_prefix (kind, "Swedish"))
        {
          g_autofree char *escaped = escape_for_message (text);

          g_ptr_array_add (walk->ellipsized,
                           g_strdup_printf ("'%s' (%s)", escaped, path));
        }
    }

  /* The text without markup and mnemonic, when it differs from "label". */
  if (GTK_IS_LABEL (widget) &&
      g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), gtk_label_get_label (GTK_LABEL (widget))) != 0)
    check_text (walk, gtk_label_get_text (GTK_LABEL (widget)), where, "text", path, shown);

  if (GTK_IS_TEXT_VIEW (widget))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));
      GtkTextIter start, end;
      g_autofree char *text = NULL;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
      check_text (walk, text, where, "text", path, shown);
    }

  if (GTK_IS_MENU_BUTTON (widget))
    walk_menu_model (walk, gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (widget)),
                     where, path, shown);
  if (GTK_IS_POPOVER_MENU (widget))
    walk_menu_model (walk, gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (widget)),
                     where, path, shown);
  if (GTK_IS_POPOVER_MENU_BAR (widget))
    walk_menu_model (walk, gtk_popover_menu_bar_get_menu_model (GTK_POPOVER_MENU_BAR (widget)),
                     where, path, shown);
  if (ADW_IS_SPLIT_BUTTON (widget))
    walk_menu_model (walk, adw_split_button_get_menu_model (ADW_SPLIT_BUTTON (widget)),
                     where, path, shown);

  if (GTK_IS_DROP_DOWN (widget))
    walk_list_model (walk, gtk_drop_down_get_model (GTK_DROP_DOWN (widget)),
                     gtk_drop_down_get_expression (GTK_DROP_DOWN (widget)), where, path, shown);
  if (ADW_IS_COMBO_ROW (widget))
    walk_list_model (walk, adw_combo_row_get_model (ADW_COMBO_ROW (widget)),
                     adw_combo_row_get_expression (ADW_COMBO_ROW (widget)), where, path, shown);

  if (GTK_IS_STACK (widget))
    {
      g_autoptr(GtkSelectionModel) pages = gtk_stack_get_pages (GTK_STACK (widget));

      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (pages)); i++)
        {
          g_autoptr(GObject) page = g_list_model_get_item (G_LIST_MODEL (pages), i);

          check_text (walk, gtk_stack_page_get_title (GTK_STACK_PAGE (page)), where,
                      "page title", path, shown);
        }
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    walk_widget (walk, child, shown);
}

/* Every untranslated text of every view: text → its first message. */
static GHashTable *all_untranslated;
static GPtrArray *all_untranslated_list;

/* Fails the running test with @problem, keeping the problems of the
 * earlier walks of the same test in the verdict. */
static void
fail_test (const char *problem)
{
  static GString *problems;
  static char *test_path;

  if (problems == NULL)
    problems = g_string_new (NULL);
  if (g_strcmp0 (test_path, g_test_get_path ()) != 0)
    {
      g_free (test_path);
      test_path = g_strdup (g_test_get_path ());
      g_string_truncate (problems, 0);
    }

  if (problems->len > 0)
    g_string_append (problems, "; ");
  g_string_append (problems, problem);
  g_test_fail_printf ("%s", problems->str);
}

/* Prints what @walk found, every untranslated text on a line of its own,
 * and fails the test when there is one, or when the walk found too few
 * texts or too few Swedish ones to be trusted. */
static void
walk_report (Walk  *walk,
             guint  min_texts,
             guint  min_swedish)
{
  guint n_distinct = g_hash_table_size (walk->texts);

  g_test_message ("[%s] %u texts checked (%u distinct), %u Swedish, %u untranslated",
                  walk->view, walk->n_checked, n_distinct, walk->n_swedish, walk->n_untranslated);

  for (guint i = 0; i < walk->ellipsized->len; i++)
    g_test_message ("[%s] note: a Swedish text of the interface does not fit and is "
                    "ellipsized: %s", walk->view, (char *) walk->ellipsized->pdata[i]);

  for (guint i = 0; i < walk->failure_list->len; i++)
    {
      Failure *failure = walk->failure_list->pdata[i];
      g_autofree char *line = NULL;

      if (failure->n_more > 0)
        line = g_strdup_printf ("%s (and %u more in this view)", failure->message, failure->n_more);
      else
        line = g_strdup (failure->message);
      g_test_message ("[%s] %s", walk->view, line);
    }

  for (guint i = 0; i < walk->failure_list->len; i++)
    {
      Failure *failure = walk->failure_list->pdata[i];

      if (!g_hash_table_contains (all_untranslated, failure->text))
        {
          g_hash_table_add (all_untranslated, g_strdup (failure->text));
          g_ptr_array_add (all_untranslated_list,
                           g_strdup_printf ("[%s] %s", walk->view, failure->message));
        }
    }

  if (n_distinct < min_texts)
    {
      g_autofree char *problem =
        g_strdup_printf ("[%s] the walk found only %u distinct texts (at least %u expected): "
                         "the walk or the view is broken", walk->view, n_distinct, min_texts);

      g_test_message ("%s", problem);
      fail_test (problem);
    }

  if (walk->n_swedish < min_swedish)
    {
      g_autofree char *problem =
        g_strdup_printf ("[%s] only %u texts are Swedish translations from sv.po (at least %u "
                         "expected): is the Swedish catalogue loaded?",
                         walk->view, walk->n_swedish, min_swedish);

      g_test_message ("%s", problem);
      fail_test (problem);
    }

  if (walk->failure_list->len > 0)
    {
      g_autofree char *problem =
        g_strdup_printf ("[%s] %u untranslated texts (listed above)", walk->view,
                         walk->failure_list->len);

      fail_test (problem);
    }
}

/* ------------------------------------------------------------------------ */
/* The running application */

static UpApplication *app;
static char *test_dir;
static char *demo_path;
static UpProject *project;
static UpWindow *start_window;
static UpWindow *project_window;

static gboolean
on_wake (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

/* Iterates the main context until @done returns TRUE; FALSE after a while. */
static gboolean
wait_until_or_timeout (gboolean (*done) (gpointer), gpointer data)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_SECONDS * G_USEC_PER_SEC;
  guint wake_id = g_timeout_add (10, on_wake, NULL);
  gboolean ok = TRUE;

  while (!done (data))
    {
      if (g_get_monotonic_time () > deadline)
        {
          ok = FALSE;
          break;
        }
      g_main_context_iteration (NULL, TRUE);
    }

  g_source_remove (wake_id);

  return ok;
}

static void
wait_until (gboolean (*done) (gpointer), gpointer data, const char *what)
{
  if (!wait_until_or_timeout (done, data))
    g_error ("Timed out waiting for %s", what);
}

static gboolean
is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

static gboolean
is_counter_done (gpointer data)
{
  return *(guint *) data >= 2;
}

static void
on_after_paint (GdkFrameClock *clock,
                guint         *n_frames)
{
  /* A frame is only drawn when one is asked for: ask for the second one
   * too, or a window with nothing animating would never draw it. */
  if (++(*n_frames) < 2)
    gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_PAINT);
}

/* Until the widget has been drawn twice: the layout has settled. */
static void
wait_for_frames (GtkWidget *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  guint n_frames = 0;
  gulong id;

  g_assert_nonnull (clock);
  id = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &n_frames);
  gtk_widget_queue_draw (widget);
  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_PAINT);
  wait_until (is_counter_done, &n_frames, "two frames");
  g_signal_handler_disconnect (clock, id);
}

static gboolean
is_time_up (gpointer data)
{
  return g_get_monotonic_time () >= *(gint64 *) data;
}

/* Lets animations (a toast coming in, a revealer opening) finish. */
static void
wait_ms (guint ms)
{
  gint64 until = g_get_monotonic_time () + ms * 1000;

  wait_until (is_time_up, &until, "time to pass");
}

static void
iterate_pending (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
show_and_wait (GtkWidget *widget)
{
  if (GTK_IS_WINDOW (widget))
    gtk_window_present (GTK_WINDOW (widget));
  else
    gtk_widget_set_visible (widget, TRUE);
  wait_until (is_mapped, widget, G_OBJECT_TYPE_NAME (widget));
  wait_for_frames (widget);
}

static void
save_screenshot (GtkWidget  *widget,
                 const char *name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file = g_strdup_printf ("view-%s.png", name);
  g_autofree char *path = NULL;
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);

  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  path = g_test_build_filename (G_TEST_BUILT, file, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("Screenshot: %s", path);
}

static gpointer
template_child (gpointer    widget,
                GType       type,
                const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (child);

  return child;
}

/* A toplevel of @type other than the application's windows. */
static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* transfer none */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }

  return NULL;
}

typedef struct
{
  GType type;
} FindToplevel;

static gboolean
toplevel_exists (gpointer data)
{
  return find_toplevel (((FindToplevel *) data)->type) != NULL;
}

static GtkWindow *
wait_for_toplevel (GType type)
{
  FindToplevel find = { type };
  GtkWindow *window;

  wait_until (toplevel_exists, &find, g_type_name (type));
  window = find_toplevel (type);
  wait_until (is_mapped, window, g_type_name (type));
  wait_for_frames (GTK_WIDGET (window));

  return window;
}

static void
walk_view (const char *view,
           GtkWidget  *root,
           guint       min_texts,
           guint       min_swedish)
{
  g_autoptr(Walk) walk = walk_new (view);

  save_screenshot (root, view);
  walk_widget (walk, root, TRUE);
  walk_report (walk, min_texts, min_swedish);
}

/* Fails on a label under @root that Pango breaks inside a word: a long
 * Swedish compound in a narrow column, which GTK hyphenates
 * ("Tangentbordsgenväg-ar"). A line may only start after a space or a
 * hyphen or slash of the text itself. */
static void
assert_no_word_broken (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child;
       child = gtk_widget_get_next_sibling (child))
    {
      if (!gtk_widget_get_mapped (child))
        continue;
      if (GTK_IS_LABEL (child))
        {
          PangoLayout *layout = gtk_label_get_layout (GTK_LABEL (child));
          const char *text = pango_layout_get_text (layout);
          GSList *lines = pango_layout_get_lines_readonly (layout);

          for (GSList *l = lines ? lines->next : NULL; l; l = l->next)
            {
              int start = ((PangoLayoutLine *) l->data)->start_index;
              const char *before = g_utf8_find_prev_char (text, text + start);

              if (!before)
                continue;
              if (!g_unichar_isspace (g_utf8_get_char (before)) && *before != '-' && *before != '/')
                g_error ("“%s” is broken inside a word, before “%s”", text, text + start);
            }
        }
      assert_no_word_broken (child);
    }
}

static void
select_stage_where (gboolean milestone)
{
  GtkListView *list = template_child (project_window, UP_TYPE_WINDOW, "stage_list");
  GtkSingleSelection *selection = GTK_SINGLE_SELECTION (gtk_list_view_get_model (list));
  GListModel *stages = up_project_get_stages (project);

  for (guint i = 0; i < g_list_model_get_n_items (stages); i++)
    {
      g_autoptr(UpStage) stage = g_list_model_get_item (stages, i);

      if (!!up_stage_get_is_milestone (stage) == !!milestone)
        {
          gtk_single_selection_set_selected (selection, i);
          iterate_pending ();
          wait_for_frames (GTK_WIDGET (project_window));
          return;
        }
    }

  g_error ("The demo has no %s", milestone ? "milestone" : "stage that is not a milestone");
}

/* ------------------------------------------------------------------------ */
/* The views */

static gboolean
is_visible (gpointer data)
{
  return gtk_widget_get_visible (data);
}

static void
test_start_page (void)
{
  GtkStack *stack = template_child (start_window, UP_TYPE_WINDOW, "main_stack");
  GtkWidget *recent_group = template_child (start_window, UP_TYPE_WINDOW, "recent_group");
  g_autoptr(GFile) file = g_file_new_for_path (demo_path);

  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "start");

  /* With a recent project, so that the list of them shows. */
  up_application_add_recent (file);
  if (!wait_until_or_timeout (is_visible, recent_group))
    g_test_message ("[start-page] the recent projects did not show; walked without them");
  wait_for_frames (GTK_WIDGET (start_window));
  walk_view ("start-page", GTK_WIDGET (start_window), 8, 4);
}

static void
test_project_page (void)
{
  GtkStack *stack = template_child (project_window, UP_TYPE_WINDOW, "main_stack");
  UpStageEditor *editor = template_child (project_window, UP_TYPE_WINDOW, "editor");
  GtkEditable *title_row = template_child (editor, UP_TYPE_STAGE_EDITOR, "title_row");
  GtkWidget *title_text = GTK_WIDGET (gtk_editable_get_delegate (title_row));
  g_autoptr(GError) error = NULL;
  GtkWidget *timeline;

  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "project");

  /* Two edits and one undo: the undo and the redo tooltips name an edit. */
  select_stage_where (FALSE);
  g_assert_nonnull (up_stage_editor_get_stage (editor));
  gtk_editable_set_text (title_row, "Behovsanalys och marknadsdialog");
  g_signal_emit_by_name (title_text, "activate");
  gtk_editable_set_text (title_row, "Behovsanalys");
  g_signal_emit_by_name (title_text, "activate");
  g_assert_true (up_project_undo (project, &error));
  g_assert_no_error (error);
  iterate_pending ();
  wait_for_frames (GTK_WIDGET (project_window));

  timeline = up_a11y_util_find_descendant (GTK_WIDGET (project_window), g_type_from_name ("UpTimeline"));
  if (timeline != NULL)
    g_test_message ("[project-page] the timeline is in the window; its drawn texts, tooltips "
                    "and accessible labels cannot be read on GTK 4.8 and are not checked");
  else
    g_test_message ("[project-page] no timeline in the window");

  walk_view ("project-page", GTK_WIDGET (project_window),
             MIN_TEXTS_PROJECT_PAGE, MIN_SWEDISH_PROJECT_PAGE);
}

/* The views behind the view switcher, each built when it is first shown:
 * stakeholders, notes, Agenda 2030 and local goals, on the demo. */
static void
test_other_view (gconstpointer data)
{
  const char *name = data;
  AdwViewStack *stack = template_child (project_window, UP_TYPE_WINDOW, "view_stack");
  g_autofree char *view = g_strconcat ("view-", name, NULL);

  adw_view_stack_set_visible_child_name (stack, name);
  iterate_pending ();
  wait_for_frames (GTK_WIDGET (project_window));
  walk_view (view, GTK_WIDGET (project_window), 15, 8);

  adw_view_stack_set_visible_child_name (stack, "timeline");
  iterate_pending ();
  wait_for_frames (GTK_WIDGET (project_window));
}

static void
test_milestone (void)
{
  select_stage_where (TRUE);
  walk_view ("project-page-milestone", GTK_WIDGET (project_window), 20, 10);
}

static void
popup_and_walk (GtkMenuButton *button,
                const char    *view,
                guint          min_texts,
                guint          min_swedish)
{
  GtkPopover *popover;

  gtk_menu_button_popup (button);
  popover = gtk_menu_button_get_popover (button);
  g_assert_nonnull (popover);
  wait_until (is_mapped, popover, view);
  wait_for_frames (GTK_WIDGET (popover));

  walk_view (view, GTK_WIDGET (popover), min_texts, min_swedish);
  gtk_menu_button_popdown (button);
  iterate_pending ();
}

static void
test_add_stage_menu (void)
{
  GtkMenuButton *button = template_child (project_window, UP_TYPE_WINDOW, "add_stage_button");

  popup_and_walk (button, "add-stage-menu", 5, 5);
}

/* The primary menu button under @widget. */
static GtkMenuButton *
find_primary_menu_button (GtkWidget *widget)
{
  if (GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_primary (GTK_MENU_BUTTON (widget)))
    return GTK_MENU_BUTTON (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkMenuButton *found = find_primary_menu_button (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
test_main_menus (void)
{
  UpWindow *windows[] = { start_window, project_window };
  const char *views[] = { "start-menu", "main-menu" };

  for (guint i = 0; i < G_N_ELEMENTS (windows); i++)
    {
      GtkStack *stack = template_child (windows[i], UP_TYPE_WINDOW, "main_stack");
      GtkMenuButton *button = find_primary_menu_button (gtk_stack_get_visible_child (stack));

      g_assert_nonnull (button);
      popup_and_walk (button, views[i], 4, 4);
    }
}

static void
test_refused_edit (void)
{
  UpStageEditor *editor = template_child (project_window, UP_TYPE_WINDOW, "editor");
  GtkEditable *end_row = template_child (editor, UP_TYPE_STAGE_EDITOR, "end_row");
  GtkWidget *end_text = GTK_WIDGET (gtk_editable_get_delegate (end_row));
  UpStage *stage;
  g_autofree char *before_start = NULL;

  /* An end before the start: the project refuses it, the window says why
   * in a toast. */
  select_stage_where (FALSE);
  stage = up_stage_editor_get_stage (editor);
  before_start = up_date_add_days (up_stage_get_start_date (stage), -1);
  gtk_editable_set_text (end_row, before_start);
  g_signal_emit_by_name (end_text, "activate");
  iterate_pending ();
  wait_ms (800);
  wait_for_frames (GTK_WIDGET (project_window));

  walk_view ("refused-edit", GTK_WIDGET (project_window), MIN_TEXTS_PROJECT_PAGE,
             MIN_SWEDISH_PROJECT_PAGE);

  /* And a text that is no date at all. */
  gtk_editable_set_text (end_row, "nästa vecka");
  g_signal_emit_by_name (end_text, "activate");
  iterate_pending ();
  wait_ms (800);
  wait_for_frames (GTK_WIDGET (project_window));

  walk_view ("refused-date", GTK_WIDGET (project_window), MIN_TEXTS_PROJECT_PAGE,
             MIN_SWEDISH_PROJECT_PAGE);
}

/* The tooltip GTK shows for the pointer: a GtkTooltipWindow, which GTK
 * parents to the window it belongs to. */
static GtkWidget *
find_tooltip (GtkWidget *window)
{
  GType type = g_type_from_name ("GtkTooltipWindow");
  GtkWidget *tooltip;

  if (type == 0)
    return NULL;

  tooltip = up_a11y_util_find_descendant (window, type);
  if (tooltip == NULL || !gtk_widget_get_mapped (tooltip))
    return NULL;

  return tooltip;
}

static gboolean
has_tooltip (gpointer data)
{
  return find_tooltip (data) != NULL;
}

/* The timeline draws its texts itself, and GTK 4.8 cannot read them back;
 * what it tells in its tooltip can be read: the pointer is put on a stage
 * (with xdotool, as a user's mouse would), and the tooltip GTK shows is
 * walked like any view. */
static void
test_timeline_tooltip (void)
{
#ifdef GDK_WINDOWING_X11
  g_autofree char *xdotool = g_find_program_in_path ("xdotool");
  GtkWidget *timeline = up_a11y_util_find_descendant (GTK_WIDGET (project_window), UP_TYPE_TIMELINE);
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (project_window));
  GListModel *stages = up_project_get_stages (project);
  g_autoptr(UpStage) stage = NULL;
  g_autofree char *window_id = NULL;
  g_autofree char *x = NULL;
  g_autofree char *y = NULL;
  g_autoptr(GError) error = NULL;
  graphene_rect_t area;
  double wx, wy, sx, sy;
  int status;

  if (timeline == NULL)
    {
      g_test_skip ("no timeline in the window");
      return;
    }
  if (xdotool == NULL || !GDK_IS_X11_SURFACE (surface))
    {
      g_test_skip ("the timeline's tooltip needs xdotool and X11 (Xvfb)");
      return;
    }

  /* The first stage of the demo: it has notes and Agenda 2030 goals, so
   * every line of the tooltip shows. */
  stage = g_list_model_get_item (stages, 0);
  up_timeline_scroll_to_stage (UP_TIMELINE (timeline), stage);
  wait_ms (300);
  wait_for_frames (GTK_WIDGET (project_window));
  g_assert_true (up_timeline_get_stage_area (UP_TIMELINE (timeline), stage, &area));

  g_assert_true (gtk_widget_translate_coordinates (timeline, GTK_WIDGET (project_window),
                                                   area.origin.x + area.size.width / 2,
                                                   area.origin.y + area.size.height / 2,
                                                   &wx, &wy));
  gtk_native_get_surface_transform (GTK_NATIVE (project_window), &sx, &sy);

  window_id = g_strdup_printf ("%lu", (gulong) gdk_x11_surface_get_xid (surface));
  x = g_strdup_printf ("%d", (int) (wx + sx));
  y = g_strdup_printf ("%d", (int) (wy + sy));

  /* Once beside, once on the stage: a motion the tooltip follows. */
  for (int i = 0; i < 2; i++)
    {
      g_autofree char *x_near = g_strdup_printf ("%d", (int) (wx + sx) - 3 + 3 * i);
      const char *argv[] = { xdotool, "mousemove", "--window", window_id, x_near, y, NULL };

      g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL,
                    &status, &error);
      g_assert_no_error (error);
      g_assert_true (g_spawn_check_wait_status (status, NULL));
      wait_ms (100);
    }

  if (wait_until_or_timeout (has_tooltip, project_window))
    {
      wait_for_frames (find_tooltip (GTK_WIDGET (project_window)));
      walk_view ("timeline-tooltip", find_tooltip (GTK_WIDGET (project_window)), 3, 2);
    }
  else
    {
      g_test_fail_printf ("The timeline showed no tooltip with the pointer at %s,%s of window %s "
                          "(the stage's bar)", x, y, window_id);
    }

  /* The pointer off the timeline (on the window's shadow, or the header
   * bar's corner): the tooltip goes, and stays out of the screenshots of
   * the other views. */
  {
    const char *argv[] = { xdotool, "mousemove", "0", "0", NULL };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL,
                  &status, NULL);
    wait_ms (300);
  }
#else
  g_test_skip ("the timeline's tooltip needs X11 (Xvfb)");
#endif
}

static gboolean
is_child_revealed (gpointer data)
{
  return gtk_revealer_get_child_revealed (data);
}

static gboolean
has_save_error (gpointer data)
{
  return up_store_get_save_error (up_project_get_store (data)) != NULL;
}

static void
test_save_conflict (void)
{
  GtkRevealer *revealer = template_child (project_window, UP_TYPE_WINDOW, "save_revealer");
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  UpStage *stage;

  /* Someone else writes the file; the next save must not overwrite it. */
  g_assert_true (up_store_flush (up_project_get_store (project), &error));
  g_assert_no_error (error);
  /* The store compares the bytes of the file with the ones it wrote. */
  g_assert_true (g_file_get_contents (demo_path, &contents, &length, NULL));
  contents = g_realloc (contents, length + 1);
  contents[length] = '\n';
  g_assert_true (g_file_set_contents (demo_path, contents, length + 1, NULL));

  select_stage_where (FALSE);
  stage = up_stage_editor_get_stage (template_child (project_window, UP_TYPE_WINDOW, "editor"));
  g_assert_true (up_project_set_string (project, UP_RECORD (stage), "title", "Marknadsanalys",
                                        &error));
  g_assert_no_error (error);
  up_store_schedule_save (up_project_get_store (project));

  wait_until (has_save_error, project, "the save conflict");
  wait_until (is_child_revealed, revealer, "the save banner");
  wait_for_frames (GTK_WIDGET (project_window));

  walk_view ("save-conflict", GTK_WIDGET (project_window), MIN_TEXTS_PROJECT_PAGE,
             MIN_SWEDISH_PROJECT_PAGE);
}

static void
test_help_overlay (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  g_auto(GStrv) accels = NULL;
  GtkWindow *overlay;

  /* Made when first asked for, not with the window; Ctrl+? asks. */
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      g_assert_false (GTK_IS_SHORTCUTS_WINDOW (window));
    }
  accels = gtk_application_get_accels_for_action (gtk_window_get_application (GTK_WINDOW (project_window)),
                                                  "win.show-help-overlay");
  g_assert_cmpstr (accels[0], ==, "<Control>question");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (project_window),
                                             "win.show-help-overlay", NULL));
  overlay = wait_for_toplevel (GTK_TYPE_SHORTCUTS_WINDOW);
  g_assert_nonnull (overlay);
  g_assert_true (gtk_window_get_transient_for (overlay) == GTK_WINDOW (project_window));

  walk_view ("help-overlay", GTK_WIDGET (overlay), 10, 8);
  assert_no_word_broken (GTK_WIDGET (overlay));
  gtk_widget_set_visible (GTK_WIDGET (overlay), FALSE);
  iterate_pending ();
}

static void
test_about (void)
{
  GtkWindow *about;

  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  about = wait_for_toplevel (ADW_TYPE_ABOUT_WINDOW);
  /* what the app is for, in Swedish, as the desktop file says it */
  g_assert_cmpstr (adw_about_window_get_comments (ADW_ABOUT_WINDOW (about)), ==,
                   "Planera strategiska offentliga upphandlingar och koppla dem till Agenda 2030");
  /* What's new in this version, in Swedish, from the metainfo file the
   * software centres show. */
  g_assert_cmpstr (adw_about_window_get_release_notes_version (ADW_ABOUT_WINDOW (about)), ==,
                   PACKAGE_VERSION);
  g_assert_true (g_str_has_prefix (adw_about_window_get_release_notes (ADW_ABOUT_WINDOW (about)),
                                   "<p>Den här versionen "));
  g_assert_nonnull (strstr (adw_about_window_get_release_notes (ADW_ABOUT_WINDOW (about)),
                            "<li>Duplicera ett skede, "));
  g_assert_null (strstr (adw_about_window_get_release_notes (ADW_ABOUT_WINDOW (about)),
                         "Duplicate a stage"));

  walk_view ("about", GTK_WIDGET (about), 4, 1);
  gtk_window_destroy (about);
  iterate_pending ();
}

/* The release notes of this version read from the merged metainfo in the
 * language asked for: English when no translation is wanted, a paragraph
 * without a translation in English among Swedish ones. */
static void
test_release_notes (void)
{
  const char * const english[] = { "en_US.UTF-8", "en_US", "en", "C", NULL };
  const char * const swedish[] = { "sv_SE.UTF-8", "sv_SE", "sv", "C", NULL };
  const char * const german_then_swedish[] = { "de_DE", "de", "sv", "C", NULL };
  const char *metainfo =
    "<component><releases>"
    "<release version=\"2.0\"><description>"
    "<p>New\n      things:</p><p xml:lang=\"sv\">Nya saker:</p>"
    "<ul><li>One &amp; two</li><li xml:lang=\"sv\">Ett &amp; två</li>"
    "<li>Only <em>in</em> English</li></ul>"
    "</description></release>"
    "<release version=\"1.0\"><description><p>Old</p></description></release>"
    "</releases></component>";
  g_autofree char *en = NULL;
  g_autofree char *sv = NULL;
  g_autofree char *de_sv = NULL;
  g_autofree char *missing = NULL;
  g_autofree char *ours = NULL;

  en = up_release_notes_from_metainfo (metainfo, -1, "2.0", english);
  g_assert_cmpstr (en, ==,
                   "<p>New things:</p><ul><li>One &amp; two</li><li>Only in English</li></ul>");
  sv = up_release_notes_from_metainfo (metainfo, -1, "2.0", swedish);
  g_assert_cmpstr (sv, ==,
                   "<p>Nya saker:</p><ul><li>Ett &amp; två</li><li>Only in English</li></ul>");
  de_sv = up_release_notes_from_metainfo (metainfo, -1, "2.0", german_then_swedish);
  g_assert_cmpstr (de_sv, ==, sv);
  missing = up_release_notes_from_metainfo (metainfo, -1, "3.0", english);
  g_assert_null (missing);

  /* The app's own metainfo in English: the notes of this very version. */
  {
    g_autoptr(GBytes) bytes = g_resources_lookup_data (UP_RELEASE_NOTES_RESOURCE, 0, NULL);
    gsize length;
    const char *data;

    g_assert_nonnull (bytes);
    data = g_bytes_get_data (bytes, &length);
    ours = up_release_notes_from_metainfo (data, length, PACKAGE_VERSION, english);
    g_assert_nonnull (ours);
    g_assert_true (g_str_has_prefix (ours, "<p>This version "));
    g_assert_nonnull (strstr (ours, "<li>Duplicate a stage, and a menu of each stage"));
    g_assert_null (strstr (ours, "Duplicera"));
  }
}

/* A new project is suggested beside the project of the window it is
 * asked from, not in the folder the app was started from. */
static void
test_new_project_folder (void)
{
  g_autoptr(GFile) expected = g_file_new_for_path (test_dir);
  g_autoptr(GFile) folder = NULL;
  GtkWindow *chooser;

  gtk_window_present (GTK_WINDOW (project_window));
  iterate_pending ();
  g_assert_true (gtk_application_get_active_window (GTK_APPLICATION (app)) == GTK_WINDOW (project_window));

  g_action_group_activate_action (G_ACTION_GROUP (app), "new-project", NULL);
  chooser = wait_for_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
  folder = gtk_file_chooser_get_current_folder (GTK_FILE_CHOOSER (chooser));
  g_assert_nonnull (folder);
  g_assert_true (g_file_equal (folder, expected));

  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  iterate_pending ();
}

static void
test_open_error (void)
{
  g_autofree char *path = g_build_filename (test_dir, "saknas.upphandla", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GtkWindow *dialog;

  up_application_open_file (app, file, start_window);
  dialog = wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG);

  walk_view ("open-error", GTK_WIDGET (dialog), 3, 2);
  gtk_window_destroy (dialog);
  iterate_pending ();
}

static void
collect_check_buttons (GtkWidget *widget,
                       GPtrArray *checks)
{
  if (GTK_IS_CHECK_BUTTON (widget))
    g_ptr_array_add (checks, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_check_buttons (child, checks);
}

/* A new project as the application makes one: a window on an empty
 * project, then the question how the procurement starts, answered once
 * with each route, and the window with the stages of that route. */
static void
test_new_project (void)
{
  guint n_routes = up_route_get_n_routes ();

  g_assert_cmpuint (n_routes, >, 0);

  for (guint r = 0; r < n_routes; r++)
    {
      const UpRoute *route = up_route_get (r);
      g_autofree char *name = g_strdup_printf ("ny-upphandling-%u.upphandla", r);
      g_autofree char *path = g_build_filename (test_dir, name, NULL);
      g_autofree char *view = g_strdup_printf ("route-%s", route->id);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GPtrArray) checks = g_ptr_array_new ();
      g_autoptr(UpProject) empty = NULL;
      g_autoptr(GError) error = NULL;
      UpWindow *window;
      GtkWindow *dialog;

      empty = up_project_create (file, "Ny upphandling", &error);
      g_assert_no_error (error);
      window = up_window_new (GTK_APPLICATION (app), empty);
      gtk_window_set_default_size (GTK_WINDOW (window), 1400, 860);
      show_and_wait (GTK_WIDGET (window));

      if (r == 0)
        walk_view ("new-project-empty", GTK_WIDGET (window), 20, 10);

      up_route_chooser_present (GTK_WINDOW (window), empty);
      dialog = wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG);
      if (r == 0)
        walk_view ("route-chooser", GTK_WIDGET (dialog), 8, 1);

      /* The route's own check button (one a route, in their order). */
      collect_check_buttons (GTK_WIDGET (dialog), checks);
      g_assert_cmpuint (checks->len, ==, n_routes);
      gtk_check_button_set_active (checks->pdata[r], TRUE);
      adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "lay-out");
      iterate_pending ();
      if (gtk_widget_get_visible (GTK_WIDGET (dialog)))
        gtk_window_destroy (dialog);
      iterate_pending ();
      wait_ms (500);  /* the editor's crossfade */
      wait_for_frames (GTK_WIDGET (window));

      g_assert_cmpuint (g_list_model_get_n_items (up_project_get_stages (empty)), >, 0);
      walk_view (view, GTK_WIDGET (window), MIN_TEXTS_PROJECT_PAGE, 10);

      g_assert_true (up_store_flush (up_project_get_store (empty), &error));
      g_assert_no_error (error);
      gtk_window_destroy (GTK_WINDOW (window));
      iterate_pending ();
    }
}

/* ------------------------------------------------------------------------ */

int
main (int   argc,
      char *argv[])
{
  const char *localedir;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) demo_file = NULL;
  g_autofree char *pot = NULL;
  g_autofree char *data_home = NULL;
  g_autofree char *state_home = NULL;
  int status;

  /* Its own data and state folders: recent files and recovery copies of
   * the desktop stay out, and the test's stay out of the desktop. */
  test_dir = g_dir_make_tmp ("upphandla-i18n-XXXXXX", &error);
  g_assert_no_error (error);
  data_home = g_build_filename (test_dir, "data", NULL);
  state_home = g_build_filename (test_dir, "state", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_setenv ("XDG_STATE_HOME", state_home, TRUE);

  /* Exactly as app/main.c. */
  localedir = g_getenv ("UPPHANDLA_LOCALEDIR");
  if (localedir == NULL || localedir[0] == '\0')
    localedir = LOCALEDIR;
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_init (&argc, &argv, NULL);
  /* A warning of GTK or of the application is not a text left in English,
   * and the other tests are there for it: it shows in the log (stderr)
   * without aborting the walk. Criticals still abort. */
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);

  g_test_message ("LANG=%s LC_ALL=%s LANGUAGE=%s, LC_MESSAGES locale %s, catalogues in %s",
                  g_getenv ("LANG"), g_getenv ("LC_ALL"), g_getenv ("LANGUAGE"),
                  setlocale (LC_MESSAGES, NULL), localedir);

  pot = generate_pot (test_dir);
  catalog_load (SV_PO, pot);
  g_test_message ("%u messages in %s, %u more in the sources only; %u English texts to look for "
                  "(%u as patterns), %u Swedish texts (%u as patterns), %u exceptions",
                  catalog.n_messages, SV_PO, catalog.n_pot_only,
                  g_hash_table_size (catalog.english), catalog.patterns->len,
                  g_hash_table_size (catalog.swedish), catalog.swedish_patterns->len,
                  g_hash_table_size (catalog.exceptions));

  /* The application as it starts: registered (which loads the help
   * overlay and adds the actions), with a start window and a window on
   * the demo project made under the Swedish locale. */
  app = up_application_new ();
  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  demo_path = g_build_filename (test_dir, "demo.upphandla", NULL);
  demo_file = g_file_new_for_path (demo_path);
  project = up_demo_create (demo_file, &error);
  g_assert_no_error (error);
  g_assert_nonnull (project);

  start_window = g_object_ref_sink (up_window_new (GTK_APPLICATION (app), NULL));
  gtk_window_set_default_size (GTK_WINDOW (start_window), 1000, 720);
  show_and_wait (GTK_WIDGET (start_window));

  project_window = g_object_ref_sink (up_window_new (GTK_APPLICATION (app), project));
  gtk_window_set_default_size (GTK_WINDOW (project_window), 1400, 860);
  show_and_wait (GTK_WIDGET (project_window));

  g_test_add_func ("/i18n/views/start-page", test_start_page);
  g_test_add_func ("/i18n/views/project-page", test_project_page);
  g_test_add_func ("/i18n/views/milestone", test_milestone);
  g_test_add_data_func ("/i18n/views/stakeholders", "stakeholders", test_other_view);
  g_test_add_data_func ("/i18n/views/notes", "notes", test_other_view);
  g_test_add_data_func ("/i18n/views/agenda", "agenda", test_other_view);
  g_test_add_data_func ("/i18n/views/local-goals", "local-goals", test_other_view);
  g_test_add_func ("/i18n/views/timeline-tooltip", test_timeline_tooltip);
  g_test_add_func ("/i18n/views/add-stage-menu", test_add_stage_menu);
  g_test_add_func ("/i18n/views/main-menus", test_main_menus);
  g_test_add_func ("/i18n/views/refused-edit", test_refused_edit);
  g_test_add_func ("/i18n/views/help-overlay", test_help_overlay);
  g_test_add_func ("/i18n/views/about", test_about);
  g_test_add_func ("/i18n/views/release-notes", test_release_notes);
  g_test_add_func ("/i18n/views/new-project-folder", test_new_project_folder);
  g_test_add_func ("/i18n/views/open-error", test_open_error);
  g_test_add_func ("/i18n/views/new-project", test_new_project);
  g_test_add_func ("/i18n/views/save-conflict", test_save_conflict);

  all_untranslated = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  all_untranslated_list = g_ptr_array_new_with_free_func (g_free);

  status = g_test_run ();

  if (all_untranslated_list->len > 0)
    {
      g_test_message ("%u distinct texts are still in English:", all_untranslated_list->len);
      for (guint i = 0; i < all_untranslated_list->len; i++)
        g_test_message ("  %s", (char *) all_untranslated_list->pdata[i]);
    }
  else
    {
      g_test_message ("No text of any view is still in English");
    }
  g_clear_pointer (&all_untranslated, g_hash_table_unref);
  g_clear_pointer (&all_untranslated_list, g_ptr_array_unref);

  /* The conflict leaves edits that cannot be saved: close without asking. */
  gtk_window_destroy (GTK_WINDOW (project_window));
  gtk_window_destroy (GTK_WINDOW (start_window));
  iterate_pending ();
  g_clear_object (&project_window);
  g_clear_object (&start_window);
  g_clear_object (&project);
  g_clear_object (&app);
  test_remove_tree (test_dir);

  return status;
}
