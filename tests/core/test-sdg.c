/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "upphandla.h"

/* The Agenda 2030 catalogue against the facts in tests/data/sdg-goals.tsv
 * (a copy of ../shared/sdg-goals.tsv): colours, names in both languages,
 * target ids, and the short label of every target in English and in the
 * Swedish catalogue the build compiled. */

/* The longest label a chart legend or a list row is laid out for. */
#define MAX_LABEL_CHARS 60

typedef struct
{
  guint  number;
  char  *colour;
  char  *name_en;
  char  *name_sv;
  GStrv  targets;
} FactGoal;

static FactGoal facts[UP_SDG_N_GOALS];

static void
load_facts (void)
{
  const char *path = TEST_DATA_DIR "/sdg-goals.tsv";
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;
  guint n = 0;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (contents, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      guint64 number;
      FactGoal *fact;

      g_strchomp (lines[i]);
      if (lines[i][0] == '\0' || lines[i][0] == '#')
        continue;

      fields = g_strsplit (lines[i], "\t", -1);
      if (g_strv_length (fields) != 5)
        g_error ("%s:%u: %u fields, not 5", path, i + 1, g_strv_length (fields));
      if (!g_ascii_string_to_unsigned (fields[0], 10, 1, UP_SDG_N_GOALS, &number, NULL))
        g_error ("%s:%u: goal “%s”", path, i + 1, fields[0]);

      fact = &facts[number - 1];
      g_assert_cmpuint (fact->number, ==, 0);   /* each goal once */
      fact->number = number;
      fact->colour = g_strdup (fields[1]);
      fact->name_en = g_strdup (fields[2]);
      fact->name_sv = g_strdup (fields[3]);
      fact->targets = g_strsplit (fields[4], ",", -1);
      for (guint t = 0; fact->targets[t] != NULL; t++)
        g_strstrip (fact->targets[t]);
      n++;
    }

  g_assert_cmpuint (n, ==, UP_SDG_N_GOALS);
}

static void
free_facts (void)
{
  for (guint i = 0; i < UP_SDG_N_GOALS; i++)
    {
      g_free (facts[i].colour);
      g_free (facts[i].name_en);
      g_free (facts[i].name_sv);
      g_strfreev (facts[i].targets);
    }
}

static guint
count_words (const char *text)
{
  g_auto(GStrv) words = g_strsplit_set (text, " ", -1);
  guint n = 0;

  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0')
      n++;
  return n;
}

/* A label a chart can show: valid UTF-8, not empty, not the id, no stray
 * spaces or line breaks, and short. */
static void
assert_label_shape (const char *target,
                    const char *label)
{
  if (label == NULL || label[0] == '\0')
    g_error ("target %s has no label", target);
  if (!g_utf8_validate (label, -1, NULL))
    g_error ("target %s: the label is not valid UTF-8", target);
  if (strcmp (label, target) == 0)
    g_error ("target %s: the label is the id", target);
  if (g_ascii_isspace (label[0]) || g_ascii_isspace (label[strlen (label) - 1])
      || strchr (label, '\n') != NULL || strstr (label, "  ") != NULL)
    g_error ("target %s: stray white space in “%s”", target, label);
  if (g_utf8_strlen (label, -1) > MAX_LABEL_CHARS)
    g_error ("target %s: “%s” is %ld characters, more than %d",
             target, label, g_utf8_strlen (label, -1), MAX_LABEL_CHARS);
}

/* Colours, English names and the ids of the targets, in order, as the facts
 * have them. */
static void
test_catalogue_matches_facts (void)
{
  guint total = 0;

  for (guint i = 0; i < UP_SDG_N_GOALS; i++)
    {
      const FactGoal *fact = &facts[i];
      const UpSdgGoal *goal = up_sdg_get_goal (fact->number);

      g_assert_cmpuint (goal->number, ==, fact->number);
      if (g_ascii_strcasecmp (goal->colour, fact->colour) != 0)
        g_error ("goal %u: colour %s, the facts say %s", goal->number, goal->colour, fact->colour);
      g_assert_cmpstr (goal->name, ==, fact->name_en);
      g_assert_cmpuint (goal->n_targets, ==, g_strv_length (fact->targets));
      for (guint t = 0; t <= goal->n_targets; t++)
        g_assert_cmpstr (goal->targets[t], ==, fact->targets[t]);   /* the NULL ends too */
      total += goal->n_targets;
    }

  g_assert_cmpuint (total, ==, 169);
  g_assert_cmpuint (up_sdg_count_targets (), ==, total);
}

/* Every target of the facts has a label of its own, in English (the
 * program runs in the C locale here). */
static void
test_labels_english (void)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  guint n = 0;

  for (guint i = 0; i < UP_SDG_N_GOALS; i++)
    for (guint t = 0; facts[i].targets[t] != NULL; t++)
      {
        const char *target = facts[i].targets[t];
        const char *label = up_sdg_target_get_label (target);
        const char *other;
        guint words;

        assert_label_shape (target, label);
        words = count_words (label);
        if (words < 3 || words > 9)
          g_error ("target %s: “%s” has %u words, not 3 to 9", target, label, words);

        if ((other = g_hash_table_lookup (seen, label)) != NULL)
          g_error ("targets %s and %s have the same label “%s”", other, target, label);
        g_hash_table_insert (seen, (gpointer) label, (gpointer) target);

        /* the same text whichever way it is asked for in English */
        g_assert_cmpstr (up_sdg_target_get_label_in (target, UP_LANG_EN), ==, label);
        g_assert_cmpstr (up_sdg_target_get_label_in (target, UP_LANG_UI), ==, label);
        n++;
      }

  g_assert_cmpuint (n, ==, 169);

  /* the label belongs to its target: the one the design names */
  g_assert_nonnull (strstr (up_sdg_target_get_label ("12.7"), "procurement"));
}

static void
test_labels_unknown (void)
{
  static const char *not_targets[] = {
    "", "1", "12", "12.", ".7", "1.c", "2.d", "17.20", "18.1", "0.1", "8.11", "16.c",
    "12.07", "012.7", "12.7 ", " 12.7", "12.A", "12,7", "+12.7", "12.7\n", "1.1.1",
    "99999999999999999999.1", "Sustainable public procurement practices", "\xff\xfe",
  };
  g_autofree char *long_id = g_strnfill (1 << 20, '1');

  for (guint i = 0; i < G_N_ELEMENTS (not_targets); i++)
    {
      g_assert_null (up_sdg_target_get_label (not_targets[i]));
      g_assert_null (up_sdg_target_get_label_in (not_targets[i], UP_LANG_UI));
      g_assert_null (up_sdg_target_get_label_in (not_targets[i], UP_LANG_EN));
      g_assert_null (up_sdg_target_get_label_in (not_targets[i], UP_LANG_SV));
    }

  g_assert_null (up_sdg_target_get_label (NULL));
  g_assert_null (up_sdg_target_get_label_in (NULL, UP_LANG_SV));
  g_assert_null (up_sdg_target_get_label (long_id));
  long_id[1] = '.';
  g_assert_null (up_sdg_target_get_label_in (long_id, UP_LANG_EN));
}

/* Switches the UI language to Swedish with the catalogue the build made;
 * FALSE (and the test skipped) when that cannot be done here. */
static gboolean
enter_swedish (void)
{
  const char *localedir = g_getenv ("UPPHANDLA_LOCALEDIR");
  g_autofree char *mo = NULL;

  if (localedir == NULL || localedir[0] == '\0')
    {
      g_test_skip ("UPPHANDLA_LOCALEDIR is not set (meson test sets it)");
      return FALSE;
    }
  mo = g_build_filename (localedir, "sv", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  if (!g_file_test (mo, G_FILE_TEST_IS_REGULAR))
    {
      g_test_skip ("the Swedish catalogue has not been built");
      return FALSE;
    }
  if (setlocale (LC_ALL, "sv_SE.UTF-8") == NULL)
    {
      g_test_skip ("the sv_SE.UTF-8 locale is not installed (localedef -i sv_SE -f UTF-8 sv_SE.UTF-8)");
      return FALSE;
    }
  g_setenv ("LANGUAGE", "sv", TRUE);
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  return TRUE;
}

static void
leave_swedish (void)
{
  g_unsetenv ("LANGUAGE");
  setlocale (LC_ALL, "C.UTF-8");
}

/* Under the Swedish catalogue every goal has its official Swedish short name
 * and every target a Swedish label of its own. */
static void
test_labels_swedish (void)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  if (!enter_swedish ())
    return;

  for (guint i = 0; i < UP_SDG_N_GOALS; i++)
    {
      const UpSdgGoal *goal = up_sdg_get_goal (facts[i].number);

      g_assert_cmpstr (up_sdg_goal_get_name (goal), ==, facts[i].name_sv);
      g_assert_cmpstr (up_sdg_goal_get_name_in (goal, UP_LANG_UI), ==, facts[i].name_sv);

      for (guint t = 0; facts[i].targets[t] != NULL; t++)
        {
          const char *target = facts[i].targets[t];
          const char *english = up_sdg_target_get_label_in (target, UP_LANG_EN);
          const char *label = up_sdg_target_get_label (target);
          const char *other;

          assert_label_shape (target, label);
          /* gettext hands back the msgid itself when the catalogue has no
           * entry; an entry equal to the English text would still be
           * another string */
          if (label == english)
            g_error ("target %s: “%s” has no entry in the Swedish catalogue", target, english);
          if (strcmp (label, english) == 0)
            g_error ("target %s: the Swedish label is the English one, “%s”", target, english);

          if ((other = g_hash_table_lookup (seen, label)) != NULL)
            g_error ("targets %s and %s have the same Swedish label “%s”", other, target, label);
          g_hash_table_insert (seen, (gpointer) label, (gpointer) target);
        }
    }

  g_assert_cmpuint (g_hash_table_size (seen), ==, 169);
  g_assert_nonnull (strstr (up_sdg_target_get_label ("12.7"), "upphandling"));

  leave_swedish ();
}

/* An exported chart asks for the labels in the language chosen at export,
 * whatever the UI is in: with an English UI, UP_LANG_SV gives what the UI
 * shows in Swedish. */
static void
test_labels_in_swedish (void)
{
  g_autoptr(GHashTable) swedish = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  if (!enter_swedish ())
    return;
  for (guint i = 0; i < UP_SDG_N_GOALS; i++)
    for (guint t = 0; facts[i].targets[t] != NULL; t++)
      g_hash_table_insert (swedish, facts[i].targets[t],
                           g_strdup (up_sdg_target_get_label (facts[i].targets[t])));
  leave_swedish ();

  /* up-i18n.c reads other languages' catalogues once the exports land;
   * until then it returns the English source */
  if (strcmp (up_lang_gettext (UP_LANG_SV, facts[0].name_en), facts[0].name_en) == 0)
    {
      g_test_incomplete ("up_lang_pgettext () does not read the Swedish catalogue yet");
      return;
    }

  for (guint i = 0; i < UP_SDG_N_GOALS; i++)
    {
      const UpSdgGoal *goal = up_sdg_get_goal (facts[i].number);

      g_assert_cmpstr (up_sdg_goal_get_name_in (goal, UP_LANG_SV), ==, facts[i].name_sv);
      for (guint t = 0; facts[i].targets[t] != NULL; t++)
        {
          const char *target = facts[i].targets[t];

          g_assert_cmpstr (up_sdg_target_get_label_in (target, UP_LANG_SV), ==,
                           g_hash_table_lookup (swedish, target));
          g_assert_cmpstr (up_sdg_target_get_label (target), !=,
                           g_hash_table_lookup (swedish, target));   /* the UI stays English */
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* English UI, whatever the environment says; the Swedish tests switch */
  setlocale (LC_ALL, "C.UTF-8");
  g_unsetenv ("LANGUAGE");
  textdomain (GETTEXT_PACKAGE);

  g_test_init (&argc, &argv, NULL);
  load_facts ();

  g_test_add_func ("/sdg/catalogue/facts", test_catalogue_matches_facts);
  g_test_add_func ("/sdg/labels/english", test_labels_english);
  g_test_add_func ("/sdg/labels/unknown", test_labels_unknown);
  g_test_add_func ("/sdg/labels/swedish", test_labels_swedish);
  g_test_add_func ("/sdg/labels/in-swedish", test_labels_in_swedish);

  status = g_test_run ();
  free_facts ();
  return status;
}
