/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <string.h>

#include "upphandla.h"
#include "up-sdg.h"

/* Dates, the enumerated values and their labels, and the Agenda 2030
 * catalogue (checked against ../shared/sdg-goals.tsv when it is there). */

/* Dates */

static void
test_date_parse_valid (void)
{
  static const struct {
    const char *iso;
    guint year, month, day;
  } dates[] = {
    { "2026-11-28", 2026, 11, 28 },
    { "2024-02-29", 2024, 2, 29 },   /* leap year */
    { "2000-02-29", 2000, 2, 29 },   /* divisible by 400: leap */
    { "2026-12-31", 2026, 12, 31 },
    { "2026-01-01", 2026, 1, 1 },
    { "0001-01-01", 1, 1, 1 },
    { "9999-12-31", 9999, 12, 31 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      GDate date;
      g_autofree char *formatted = NULL;

      g_assert_true (up_date_parse (dates[i].iso, &date));
      g_assert_true (g_date_valid (&date));
      g_assert_cmpuint (g_date_get_year (&date), ==, dates[i].year);
      g_assert_cmpuint (g_date_get_month (&date), ==, dates[i].month);
      g_assert_cmpuint (g_date_get_day (&date), ==, dates[i].day);
      g_assert_true (up_date_is_valid (dates[i].iso));

      formatted = up_date_format (&date);
      g_assert_cmpstr (formatted, ==, dates[i].iso);
    }
}

static void
test_date_parse_invalid (void)
{
  static const char * const invalid[] = {
    "2026-02-30", "2026-02-29", "1900-02-29", "2026-04-31", "2026-13-01", "2026-00-10",
    "2026-01-00", "2026-01-32", "0000-01-01",
    "2026-1-1", "2026-01-1", "26-01-01", "20260101", "2026/01/01", "2026-01-01 ",
    " 2026-01-01", "2026-01-01T00:00", "2026-01-0x", "abcd-ef-gh", "", "-", "----------",
    "２０２６-01-01",
  };

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      GDate date;

      if (up_date_parse (invalid[i], &date))
        g_error ("up_date_parse accepts “%s”", invalid[i]);
      g_assert_false (up_date_is_valid (invalid[i]));
    }

  /* NULL is not a date, and no trouble */
  {
    GDate date;

    g_assert_false (up_date_parse (NULL, &date));
    g_assert_false (up_date_is_valid (NULL));
  }
}

/* Exactly YYYY-MM-DD, digits only: text that sorts as the date it means
 * (the schema compares start_date and end_date as text). sscanf's %u takes
 * a sign and skips spaces, so these must be refused by other means. */
static void
test_date_parse_digits_only (void)
{
  static const char * const invalid[] = {
    "2026- 1-01", "2026-01- 1", "2026-+1-01", "2026-01-+1", "+026-01-01", " 026-01-01",
    "2026-\t1-01",
  };

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    if (up_date_is_valid (invalid[i]))
      g_error ("up_date_is_valid accepts “%s”, which does not sort as a date", invalid[i]);
}

static void
test_date_add_days (void)
{
  static const struct {
    const char *from;
    int days;
    const char *to;
  } sums[] = {
    { "2026-12-31", 1, "2027-01-01" },
    { "2027-01-01", -1, "2026-12-31" },
    { "2024-02-28", 1, "2024-02-29" },
    { "2023-02-28", 1, "2023-03-01" },
    { "2024-03-01", -1, "2024-02-29" },
    { "2100-02-28", 1, "2100-03-01" },   /* divisible by 100: no leap day */
    { "2026-11-28", 0, "2026-11-28" },
    { "2024-01-01", 366, "2025-01-01" },
    { "2023-01-01", 365, "2024-01-01" },
    { "2026-01-31", 30, "2026-03-02" },
    { "2026-03-02", -30, "2026-01-31" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (sums); i++)
    {
      g_autofree char *to = up_date_add_days (sums[i].from, sums[i].days);

      g_assert_cmpstr (to, ==, sums[i].to);
      g_assert_cmpint (up_date_diff (sums[i].from, sums[i].to), ==, sums[i].days);
      g_assert_cmpint (up_date_diff (sums[i].to, sums[i].from), ==, -sums[i].days);
    }

  g_assert_null (up_date_add_days (NULL, 1));
  g_assert_null (up_date_add_days ("2026-02-30", 1));
  g_assert_null (up_date_add_days ("", 0));
}

static void
test_date_diff (void)
{
  g_assert_cmpint (up_date_diff ("2024-01-01", "2025-01-01"), ==, 366);
  g_assert_cmpint (up_date_diff ("2025-01-01", "2026-01-01"), ==, 365);
  g_assert_cmpint (up_date_diff ("2026-11-28", "2026-11-28"), ==, 0);
  g_assert_cmpint (up_date_diff ("2026-12-31", "2027-01-01"), ==, 1);
  g_assert_cmpint (up_date_diff ("2000-01-01", "2100-01-01"), ==, 36525);

  /* an invalid date gives 0, not a crash */
  g_assert_cmpint (up_date_diff (NULL, "2026-01-01"), ==, 0);
  g_assert_cmpint (up_date_diff ("2026-01-01", NULL), ==, 0);
  g_assert_cmpint (up_date_diff ("2026-02-30", "2026-03-01"), ==, 0);
  g_assert_cmpint (up_date_diff ("", ""), ==, 0);
}

/* Enumerations */

typedef struct
{
  const char         *name;
  const char * const *values;
  guint               n_values;
} EnumTable;

static const EnumTable enum_tables[] = {
  { "stage kinds", up_stage_kinds, 18 },
  { "stage statuses", up_stage_statuses, 3 },
  { "stakeholder categories", up_stakeholder_categories, 9 },
  { "stakeholder stances", up_stakeholder_stances, 4 },
  { "note kinds", up_note_kinds, 6 },
  { "note visibilities", up_note_visibilities, 2 },
  { "impacts", up_sdg_impacts, 4 },
  { "local goal levels", up_local_goal_levels, 2 },
};

static void
test_enum_contains (void)
{
  g_assert_true (up_enum_contains (up_stage_kinds, "hackathon"));
  g_assert_true (up_enum_contains (up_stage_kinds, "milestone"));
  g_assert_true (up_enum_contains (up_stage_kinds, "follow-up"));
  g_assert_false (up_enum_contains (up_stage_kinds, "Hackathon"));
  g_assert_false (up_enum_contains (up_stage_kinds, "hackathon "));
  g_assert_false (up_enum_contains (up_stage_kinds, ""));
  g_assert_false (up_enum_contains (up_stage_kinds, NULL));
  g_assert_false (up_enum_contains (up_stage_statuses, "hackathon"));
  g_assert_true (up_enum_contains (up_note_visibilities, "public"));
  g_assert_false (up_enum_contains (up_note_visibilities, "secret"));

  for (guint t = 0; t < G_N_ELEMENTS (enum_tables); t++)
    {
      const EnumTable *e = &enum_tables[t];
      g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

      g_assert_cmpuint (g_strv_length ((char **) e->values), ==, e->n_values);
      for (guint i = 0; e->values[i] != NULL; i++)
        {
          g_assert_true (up_enum_contains (e->values, e->values[i]));
          /* a value as the file stores it: lower-case ASCII, digits, '-' */
          for (const char *c = e->values[i]; *c != '\0'; c++)
            g_assert_true (g_ascii_islower (*c) || g_ascii_isdigit (*c) || *c == '-');
          g_assert_true (g_hash_table_add (seen, (gpointer) e->values[i]));
        }
    }
}

static void
test_enum_label (void)
{
  for (guint t = 0; t < G_N_ELEMENTS (enum_tables); t++)
    {
      const EnumTable *e = &enum_tables[t];
      g_autoptr(GHashTable) labels = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint i = 0; e->values[i] != NULL; i++)
        {
          const char *label = up_enum_label (e->values, e->values[i]);

          g_assert_nonnull (label);
          g_assert_cmpstr (label, !=, "");
          g_assert_cmpstr (label, !=, e->values[i]);
          g_assert_true (g_utf8_validate (label, -1, NULL));
          /* two values with one label could not be told apart */
          if (!g_hash_table_add (labels, (gpointer) label))
            g_error ("%s: two values have the label “%s”", e->name, label);
        }
    }

  /* an unknown value (a newer file's) is shown as itself */
  {
    const char *unknown = "quantum-procurement";

    g_assert_true (up_enum_label (up_stage_kinds, unknown) == unknown);
    g_assert_true (up_enum_label (up_stage_statuses, "hackathon") != NULL);
    g_assert_cmpstr (up_enum_label (up_stage_statuses, "hackathon"), ==, "hackathon");
    g_assert_cmpstr (up_enum_label (up_stage_kinds, ""), ==, "");
    g_assert_cmpstr (up_enum_label (up_stage_kinds, NULL), ==, "");
  }

  /* the same value in two tables gets each table's own label */
  g_assert_cmpstr (up_enum_label (up_stage_kinds, "hackathon"), ==, "Hackathon");
  g_assert_cmpstr (up_enum_label (up_note_kinds, "workshop"), ==, "Workshop");
}

static gboolean
is_colour (const char *colour)
{
  if (colour == NULL || strlen (colour) != 7 || colour[0] != '#')
    return FALSE;
  for (guint i = 1; i < 7; i++)
    if (!g_ascii_isxdigit (colour[i]))
      return FALSE;
  return TRUE;
}

/* Every kind of stage in a phase; the phases told apart by colour and name
 * in both languages (the timeline's chart has them as its legend). */
static void
test_phases (void)
{
  g_autoptr(GHashTable) colours = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
  gboolean used[UP_N_PHASES] = { FALSE };

  for (guint i = 0; up_stage_kinds[i] != NULL; i++)
    used[up_stage_kind_get_phase (up_stage_kinds[i])] = TRUE;
  for (guint p = 0; p < UP_N_PHASES; p++)
    {
      const char *en = up_phase_get_name_in (p, UP_LANG_EN);

      g_assert_true (used[p]);
      g_assert_true (is_colour (up_phase_get_colour (p)));
      g_assert_true (g_hash_table_add (colours, (gpointer) up_phase_get_colour (p)));
      g_assert_true (g_hash_table_add (names, (gpointer) en));
      g_assert_cmpstr (en, !=, "");
    }

  g_assert_cmpint (up_stage_kind_get_phase ("market-dialogue"), ==, UP_PHASE_DIALOGUE);
  g_assert_cmpint (up_stage_kind_get_phase ("standstill"), ==, UP_PHASE_AWARD);
  g_assert_cmpint (up_stage_kind_get_phase ("milestone"), ==, UP_PHASE_MILESTONE);
  /* a newer file's kind, and none */
  g_assert_cmpint (up_stage_kind_get_phase ("quantum-procurement"), ==, UP_PHASE_OTHER);
  g_assert_cmpint (up_stage_kind_get_phase (NULL), ==, UP_PHASE_OTHER);
  g_assert_cmpstr (up_phase_get_name_in (UP_PHASE_DIALOGUE, UP_LANG_EN), ==, "Market dialogue");
}

/* The Agenda 2030 catalogue */

static void
test_sdg_catalogue (void)
{
  g_autoptr(GHashTable) targets = g_hash_table_new (g_str_hash, g_str_equal);
  guint total = 0;

  g_assert_cmpuint (UP_SDG_N_GOALS, ==, 17);

  for (guint number = 1; number <= UP_SDG_N_GOALS; number++)
    {
      const UpSdgGoal *goal = up_sdg_get_goal (number);
      guint n = 0;

      g_assert_nonnull (goal);
      g_assert_cmpuint (goal->number, ==, number);
      g_assert_true (is_colour (goal->colour));
      g_assert_cmpstr (goal->name, !=, "");
      g_assert_cmpstr (up_sdg_goal_get_name (goal), !=, "");

      for (; goal->targets[n] != NULL; n++)
        {
          const char *target = goal->targets[n];
          g_autofree char *prefix = g_strdup_printf ("%u.", number);

          g_assert_true (g_str_has_prefix (target, prefix));
          g_assert_cmpuint (up_sdg_goal_of_target (target), ==, number);
          g_assert_true (up_sdg_is_target (target));
          if (!g_hash_table_add (targets, (gpointer) target))
            g_error ("target %s is listed twice", target);
        }
      g_assert_cmpuint (n, ==, goal->n_targets);
      total += n;
    }

  g_assert_cmpuint (total, ==, 169);
  g_assert_cmpuint (up_sdg_count_targets (), ==, 169);
  g_assert_cmpuint (g_hash_table_size (targets), ==, 169);

  /* a few the design names */
  g_assert_cmpstr (up_sdg_get_goal (1)->colour, ==, "#E5243B");
  g_assert_cmpuint (up_sdg_get_goal (17)->n_targets, ==, 19);
}

static void
test_sdg_goal_of_target (void)
{
  static const struct {
    const char *target;
    guint goal;
  } cases[] = {
    { "12.7", 12 }, { "17.19", 17 }, { "1.1", 1 }, { "1.b", 1 }, { "8.10", 8 }, { "16.10", 16 },
    { "17.1", 17 }, { "14.c", 14 },
    { "1.c", 0 }, { "18.1", 0 }, { "12", 0 }, { "", 0 }, { "0.1", 0 }, { "17.20", 0 },
    { "12.", 0 }, { ".7", 0 }, { "12.07", 0 }, { "012.7", 0 }, { "12.7 ", 0 }, { " 12.7", 0 },
    { "12.A", 0 }, { "+12.7", 0 }, { "12,7", 0 }, { "1234.1", 0 }, { "99999999999999999999.1", 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      guint goal = up_sdg_goal_of_target (cases[i].target);

      if (goal != cases[i].goal)
        g_error ("up_sdg_goal_of_target (\"%s\") is %u, not %u", cases[i].target, goal, cases[i].goal);
      g_assert_true (up_sdg_is_target (cases[i].target) == (cases[i].goal != 0));
    }

  g_assert_cmpuint (up_sdg_goal_of_target (NULL), ==, 0);
  g_assert_false (up_sdg_is_target (NULL));
}

/* Every goal's number, colour, English name and targets as the shared
 * facts file has them. */
static void
test_sdg_matches_shared_facts (void)
{
  const char *path = TEST_DATA_DIR "/../../../shared/sdg-goals.tsv";
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;
  guint goals = 0;

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_test_skip ("../shared/sdg-goals.tsv is not beside the source tree");
      return;
    }

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (contents, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      g_auto(GStrv) ids = NULL;
      const UpSdgGoal *goal;
      guint64 number;

      g_strchomp (lines[i]);
      if (lines[i][0] == '\0' || lines[i][0] == '#')
        continue;

      fields = g_strsplit (lines[i], "\t", -1);
      g_assert_cmpuint (g_strv_length (fields), >=, 5);
      g_assert_true (g_ascii_string_to_unsigned (fields[0], 10, 1, UP_SDG_N_GOALS, &number, NULL));
      goal = up_sdg_get_goal (number);

      if (g_ascii_strcasecmp (goal->colour, fields[1]) != 0)
        g_error ("goal %u: colour %s, the facts say %s", goal->number, goal->colour, fields[1]);
      g_assert_cmpstr (goal->name, ==, fields[2]);

      ids = g_strsplit (fields[4], ",", -1);
      g_assert_cmpuint (g_strv_length (ids), ==, goal->n_targets);
      for (guint t = 0; ids[t] != NULL; t++)
        g_assert_cmpstr (g_strstrip (ids[t]), ==, goal->targets[t]);
      goals++;
    }

  g_assert_cmpuint (goals, ==, UP_SDG_N_GOALS);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/types/date/parse-valid", test_date_parse_valid);
  g_test_add_func ("/types/date/parse-invalid", test_date_parse_invalid);
  g_test_add_func ("/types/date/parse-digits-only", test_date_parse_digits_only);
  g_test_add_func ("/types/date/add-days", test_date_add_days);
  g_test_add_func ("/types/date/diff", test_date_diff);
  g_test_add_func ("/types/enum/contains", test_enum_contains);
  g_test_add_func ("/types/enum/label", test_enum_label);
  g_test_add_func ("/types/phases", test_phases);
  g_test_add_func ("/types/sdg/catalogue", test_sdg_catalogue);
  g_test_add_func ("/types/sdg/goal-of-target", test_sdg_goal_of_target);
  g_test_add_func ("/types/sdg/shared-facts", test_sdg_matches_shared_facts);

  return g_test_run ();
}
