/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The notes as a table for a spreadsheet (up_export_notes_csv()): read
 * back with a reader of RFC 4180 written here, every field as it went in,
 * odd text included; written whole or not at all. */

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <upphandla/upphandla.h>

#include "test-common.h"

static char *test_root;

/* The rows of @csv (after its byte order mark), each a GStrv of fields
 * apart by @separator, as RFC 4180 reads them; fails the test on a line
 * not ended by CR LF or a quote not closed. */
static GPtrArray *
read_csv_with (GBytes *csv,
               char    separator)
{
  gsize size;
  const char *data = g_bytes_get_data (csv, &size);
  const char *end = data + size;
  const char *p = data + 3;
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  g_assert_cmpuint (size, >=, 3);
  g_assert_cmpmem (data, 3, "\xef\xbb\xbf", 3);
  while (p < end)
    {
      g_autoptr(GStrvBuilder) row = g_strv_builder_new ();

      for (;;)
        {
          g_autoptr(GString) field = g_string_new (NULL);

          if (*p == '"')
            {
              for (p++;; p++)
                {
                  g_assert_true (p < end);
                  if (*p == '"' && p + 1 < end && p[1] == '"')
                    g_string_append_c (field, *p++);
                  else if (*p == '"')
                    break;
                  else
                    g_string_append_c (field, *p);
                }
              p++;
            }
          else
            while (p < end && *p != separator && *p != '\r' && *p != '\n' && *p != '"')
              g_string_append_c (field, *p++);
          g_strv_builder_add (row, field->str);
          g_assert_true (p < end);
          if (*p == separator)
            {
              p++;
              continue;
            }
          /* a record ends in CR LF, nothing else */
          g_assert_cmpint (*p, ==, '\r');
          g_assert_true (p + 1 < end && p[1] == '\n');
          p += 2;
          break;
        }
      g_ptr_array_add (rows, g_strv_builder_end (row));
    }
  return rows;
}

static GPtrArray *
read_csv (GBytes *csv)
{
  return read_csv_with (csv, ',');
}

static const char *
field (GPtrArray *rows,
       guint      row,
       guint      column)
{
  GStrv fields = g_ptr_array_index (rows, row);

  g_assert_cmpuint (g_strv_length (fields), ==, 8);
  return fields[column];
}

static UpNote *
add_note (UpProject  *project,
          const char *body,
          const char *kind,
          const char *said_on,
          UpStage    *stage)
{
  g_autoptr(GError) error = NULL;
  UpNote *note = up_project_add_note (project, body, kind, said_on, stage, &error);

  g_assert_no_error (error);
  g_assert_nonnull (note);
  return note;
}

/* Bodies a spreadsheet must show as they are, and the field each is
 * written as: those it would take for a formula begin with a quote. */
static const struct
{
  const char *body;
  const char *field;
} bodies[] = {
  { "Plain words", "Plain words" },
  { "A comma, a \"quote\" and\r\na second line 😀 🇸🇪", "A comma, a \"quote\" and\r\na second line 😀 🇸🇪" },
  { "=HYPERLINK(\"http://example.com\")", "'=HYPERLINK(\"http://example.com\")" },
  { "+46 70 123 45 67", "'+46 70 123 45 67" },
  { "@SUM(A1:A2)", "'@SUM(A1:A2)" },
  { "-1+2", "'-1+2" },
  { "- a list\n- of points", "- a list\n- of points" },
  { "שלום, עולם — مرحبا", "שלום, עולם — مرحبا" },
  { "Åsa sa: ”Vi behöver larm som fungerar även när mobilnätet ligger nere.”",
    "Åsa sa: ”Vi behöver larm som fungerar även när mobilnätet ligger nere.”" },
};

static UpProject *
project_of_notes (void)
{
  g_autoptr(GError) error = NULL;
  UpProject *project = up_project_new ("Notes", &error);
  UpStage *dialogue;
  UpStakeholder *anna, *omar, *lars;
  GDate date;

  g_assert_no_error (error);
  dialogue = up_project_add_stage (project, "market-dialogue", "Market dialogue, round 1", "2026-04-20",
                                   "2026-06-05", NULL, &error);
  g_assert_no_error (error);
  anna = up_project_add_stakeholder (project, "Anna Berg", "Älvby kommun", "user", &error);
  g_assert_no_error (error);
  omar = up_project_add_stakeholder (project, "Omar Haddad", "", "citizen", &error);
  g_assert_no_error (error);
  lars = up_project_add_stakeholder (project, "Lars \"Lasse\" Ek", "Ek, Bygg & Co", "supplier", &error);
  g_assert_no_error (error);

  /* said a day apart, the first the oldest; the last two on one day */
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, G_DATE_MARCH, 2026);
  for (guint i = 0; i < G_N_ELEMENTS (bodies); i++)
    {
      char said_on[16];
      UpNote *note;

      if (i + 1 < G_N_ELEMENTS (bodies))
        g_date_add_days (&date, 1);
      g_date_strftime (said_on, sizeof said_on, "%Y-%m-%d", &date);
      note = add_note (project, bodies[i].body, i % 2 == 0 ? "dialogue" : "internal", said_on,
                       i == 1 ? dialogue : NULL);
      if (i == 1)
        {
          g_assert_true (up_project_set_string (project, note, "visibility", "public", &error));
          g_assert_true (up_project_link_note_stakeholder (project, note, anna, &error));
          g_assert_true (up_project_link_note_stakeholder (project, note, omar, &error));
          g_assert_true (up_project_link_note_stakeholder (project, note, lars, &error));
          g_assert_no_error (error);
        }
    }
  return project;
}

/* Every note, newest first as the Notes view lists them; each field as
 * it went in. */
static void
test_csv (void)
{
  g_autoptr(UpProject) project = project_of_notes ();
  g_autoptr(GBytes) csv = up_export_notes_csv (project, NULL, UP_LANG_EN, ',');
  g_autoptr(GPtrArray) rows = read_csv (csv);
  g_autoptr(GRegex) stamp = g_regex_new ("^[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}$", 0, 0, NULL);
  const char *const header[] = { "Said On", "Kind", "Visibility", "Stage", "Stakeholders", "Note", "Added",
                                 "Changed", NULL };
  guint n = G_N_ELEMENTS (bodies);

  g_assert_cmpuint (rows->len, ==, n + 1);
  g_assert_cmpstrv (g_ptr_array_index (rows, 0), header);
  for (guint row = 1; row <= n; row++)
    {
      /* newest first; the last two were said on one day, the one added
       * later first */
      guint i = n - row;

      g_test_message ("row %u: %s", row, field (rows, row, 5));
      g_assert_cmpstr (field (rows, row, 5), ==, bodies[i].field);
      g_assert_cmpstr (field (rows, row, 1), ==, i % 2 == 0 ? "Dialogue meeting" : "Internal discussion");
      g_assert_true (g_regex_match (stamp, field (rows, row, 6), 0, NULL));
      g_assert_true (g_regex_match (stamp, field (rows, row, 7), 0, NULL));
      if (i == 1)
        {
          g_assert_cmpstr (field (rows, row, 2), ==, "Public record");
          g_assert_cmpstr (field (rows, row, 3), ==, "Market dialogue, round 1");
          g_assert_cmpstr (field (rows, row, 4), ==,
                           "Anna Berg (Älvby kommun); Omar Haddad; Lars \"Lasse\" Ek (Ek, Bygg & Co)");
        }
      else
        {
          g_assert_cmpstr (field (rows, row, 2), ==, "Internal working note");
          g_assert_cmpstr (field (rows, row, 3), ==, "");
          g_assert_cmpstr (field (rows, row, 4), ==, "");
        }
    }
  g_assert_cmpstr (field (rows, 1, 0), ==, field (rows, 2, 0));
  g_assert_cmpstr (field (rows, n, 0), ==, "2026-03-02");
}

/* The header in Swedish, and the notes a list gives, in its order. */
static void
test_csv_listed (void)
{
  g_autoptr(UpProject) project = project_of_notes ();
  g_autoptr(GListStore) listed = g_list_store_new (UP_TYPE_NOTE);
  GListModel *notes = up_project_get_notes (project);
  g_autoptr(UpNote) first = g_list_model_get_item (notes, 0);
  g_autoptr(UpNote) second = g_list_model_get_item (notes, 1);
  g_autoptr(GBytes) csv = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  const char *const header[] = { "Sagt den", "Typ", "Synlighet", "Skede", "Intressenter", "Anteckning", "Tillagd",
                                 "Ändrad", NULL };

  /* the oldest first, as a list may have them */
  g_list_store_append (listed, first);
  g_list_store_append (listed, second);
  if (!up_lang_is_available (UP_LANG_SV))
    {
      g_test_skip ("the Swedish catalogue is not built");
      return;
    }
  csv = up_export_notes_csv (project, G_LIST_MODEL (listed), UP_LANG_SV, ',');
  rows = read_csv (csv);
  g_assert_cmpuint (rows->len, ==, 3);
  g_assert_cmpstrv (g_ptr_array_index (rows, 0), header);
  g_assert_cmpstr (field (rows, 1, 5), ==, up_note_get_body (first));
  g_assert_cmpstr (field (rows, 2, 5), ==, up_note_get_body (second));
  g_assert_cmpstr (field (rows, 1, 1), ==, "Dialogmöte");
  g_assert_cmpstr (field (rows, 2, 2), ==, "Allmän handling");
}

/* Apart by semicolons, as a Swedish Excel reads a CSV: the same fields
 * read back, those with a semicolon in quotes (the stakeholders, "; "
 * apart); the separator follows the locale's decimal sign. */
static void
test_semicolon (void)
{
  g_autoptr(UpProject) project = project_of_notes ();
  g_autoptr(GBytes) commas = up_export_notes_csv (project, NULL, UP_LANG_EN, ',');
  g_autoptr(GBytes) semicolons = up_export_notes_csv (project, NULL, UP_LANG_EN, ';');
  g_autoptr(GPtrArray) rows = read_csv (commas);
  g_autoptr(GPtrArray) rows_semicolons = read_csv_with (semicolons, ';');
  const char *data = g_bytes_get_data (semicolons, NULL);
  const char *locale;

  g_assert_false (g_bytes_equal (commas, semicolons));
  g_assert_true (g_str_has_prefix (data, "\xef\xbb\xbfSaid On;Kind;Visibility;Stage;"));
  g_assert_cmpuint (rows_semicolons->len, ==, rows->len);
  for (guint i = 0; i < rows->len; i++)
    g_assert_cmpstrv (g_ptr_array_index (rows_semicolons, i), g_ptr_array_index (rows, i));
  g_assert_nonnull (strstr (data, ";\"Anna Berg (Älvby kommun); Omar Haddad; "));

  g_assert_cmpint (up_export_notes_default_separator (), ==, ',');
  locale = setlocale (LC_NUMERIC, "sv_SE.UTF-8");
  if (locale == NULL)
    {
      g_test_message ("sv_SE.UTF-8 is not installed: the region's separator not checked");
      return;
    }
  g_assert_cmpint (up_export_notes_default_separator (), ==, ';');
  setlocale (LC_NUMERIC, "C.UTF-8");
  g_assert_cmpint (up_export_notes_default_separator (), ==, ',');
}

/* The stakeholder register as a table, read back by the import into an
 * empty project: every field of every person as it was, odd text, a
 * phone number a spreadsheet would take for a formula and a name with
 * the separator included, in English with commas and in Swedish with
 * semicolons. */
static void
test_stakeholders_round_trip (void)
{
  static const struct
  {
    const char *name;
    const char *organisation;
    const char *category;
    int         influence;
    int         interest;
    const char *stance;
    const char *contact;
  } people[] = {
    { "Karin Lindqvist", "Älvby kommun", "politician", 5, 4, "supporter", "karin.lindqvist@alvby.se" },
    { "Lars \"Lasse\" Ek", "Ek; Bygg & Co, AB", "supplier", 2, 5, "critic", "+46 70 123 45 67" },
    { "=HYPERLINK(\"x\")", "", "other", 3, 3, "unknown", "-1" },
    { "مرحبا عالم 😀 🇸🇪", "שלום", "citizen", 1, 1, "neutral", "" },
    /* quotes of their own, before what the export guards and before what
     * it does not */
    { "'=SUM(A1)", "''+1", "expert", 4, 2, "supporter", "'- 070" },
    { "- lista", "'-", "ngo", 2, 2, "neutral", "'@" },
  };
  const UpLang langs[] = { UP_LANG_EN, UP_LANG_SV };
  g_autoptr(UpProject) project = project_of_notes ();
  GListModel *register_ = up_project_get_stakeholders (project);
  g_autoptr(GError) error = NULL;
  guint n;

  /* the notes' project has three people already */
  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      UpStakeholder *person = up_project_add_stakeholder (project, people[i].name, people[i].organisation,
                                                          people[i].category, &error);

      g_assert_no_error (error);
      g_assert_true (up_project_set_int (project, person, "influence", people[i].influence, &error));
      g_assert_true (up_project_set_int (project, person, "interest", people[i].interest, &error));
      g_assert_true (up_project_set_string (project, person, "stance", people[i].stance, &error));
      g_assert_true (up_project_set_string (project, person, "contact", people[i].contact, &error));
      g_assert_no_error (error);
    }
  n = g_list_model_get_n_items (register_);

  for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
    {
      char separator = l == 0 ? ',' : ';';
      g_autoptr(GBytes) csv = NULL;
      g_autoptr(GPtrArray) rows = NULL;
      g_autoptr(UpProject) copy = NULL;
      UpImportSummary summary;

      if (langs[l] == UP_LANG_SV && !up_lang_is_available (UP_LANG_SV))
        {
          g_test_message ("the Swedish catalogue is not built: Swedish not checked");
          continue;
        }
      csv = up_export_stakeholders_csv (project, NULL, langs[l], separator);
      rows = read_csv_with (csv, separator);
      g_assert_cmpuint (rows->len, ==, n + 1);
      g_assert_cmpstr (((GStrv) g_ptr_array_index (rows, 0))[0], ==, langs[l] == UP_LANG_SV ? "Namn" : "Name");
      /* a phone number is not a formula */
      {
        GStrv lars = g_ptr_array_index (rows, n - G_N_ELEMENTS (people) + 2);

        g_assert_cmpstr (lars[6], ==, "'+46 70 123 45 67");
      }

      copy = up_project_new ("Copy", &error);
      g_assert_true (up_import_stakeholders_csv (copy, csv, &summary, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (summary.added, ==, n);
      g_assert_cmpuint (summary.values_not_read + summary.already_there + summary.without_name, ==, 0);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(UpStakeholder) a = g_list_model_get_item (register_, i);
          g_autoptr(UpStakeholder) b = g_list_model_get_item (up_project_get_stakeholders (copy), i);

          g_assert_cmpstr (up_stakeholder_get_name (b), ==, up_stakeholder_get_name (a));
          g_assert_cmpstr (up_stakeholder_get_organisation (b), ==, up_stakeholder_get_organisation (a));
          g_assert_cmpstr (up_stakeholder_get_category (b), ==, up_stakeholder_get_category (a));
          g_assert_cmpint (up_stakeholder_get_influence (b), ==, up_stakeholder_get_influence (a));
          g_assert_cmpint (up_stakeholder_get_interest (b), ==, up_stakeholder_get_interest (a));
          g_assert_cmpstr (up_stakeholder_get_stance (b), ==, up_stakeholder_get_stance (a));
          g_assert_cmpstr (up_stakeholder_get_contact (b), ==, up_stakeholder_get_contact (a));
        }
    }
}

static GBytes *
read_bytes (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_bytes_new_take (g_steal_pointer (&contents), length);
}

static int
child_full_disk (const char *path)
{
  g_autoptr(UpProject) project = project_of_notes ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *long_text = g_strnfill (8000, 'a');
  struct rlimit limit = { 4096, 4096 };

  add_note (project, long_text, "internal", "2026-05-01", NULL);
  signal (SIGXFSZ, SIG_IGN);
  if (setrlimit (RLIMIT_FSIZE, &limit) != 0)
    return 3;
  if (up_export_notes (project, NULL, UP_LANG_EN, ',', file, &error))
    return 4;
  if (!g_error_matches (error, UP_EXPORT_ERROR, UP_EXPORT_ERROR_WRITE) ||
      strstr (error->message, "disk is full") == NULL)
    {
      g_printerr ("unexpected error: %s\n", error->message);
      return 5;
    }
  return 0;
}

/* Written as up_export_notes_csv() makes it; a file that cannot be
 * written leaves what was there and says why. */
static void
test_write (void)
{
  g_autoptr(UpProject) project = project_of_notes ();
  g_autofree char *dir = test_new_dir (test_root, "write");
  g_autofree char *path = g_build_filename (dir, "notes.csv", NULL);
  g_autofree char *missing = g_build_filename (dir, "no such folder", "notes.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) missing_file = g_file_new_for_path (missing);
  g_autoptr(GBytes) expected = up_export_notes_csv (project, NULL, UP_LANG_EN, ',');
  g_autoptr(GBytes) written = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;
  pid_t pid;

  g_assert_true (up_export_notes (project, NULL, UP_LANG_EN, ',', file, &error));
  g_assert_no_error (error);
  written = read_bytes (path);
  g_assert_true (g_bytes_equal (written, expected));

  g_assert_false (up_export_notes (project, NULL, UP_LANG_EN, ',', missing_file, &error));
  g_assert_error (error, UP_EXPORT_ERROR, UP_EXPORT_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, "folder does not exist"));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));

  /* a disk full halfway: the earlier file stays whole */
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    _exit (child_full_disk (path));
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
  after = read_bytes (path);
  g_assert_true (g_bytes_equal (after, written));
  {
    g_autofree char *listing = test_list_dir (dir);

    /* no temporary file left beside it */
    g_assert_cmpstr (listing, ==, "notes.csv");
  }
}

static void
on_written (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  GError **error = user_data;

  g_assert_true (up_export_notes_finish (result, error) || *error != NULL);
}

/* The table is of the notes as they were at the call: an edit made while
 * it is written is not in it. */
static void
test_async (void)
{
  g_autoptr(UpProject) project = project_of_notes ();
  g_autofree char *dir = test_new_dir (test_root, "async");
  g_autofree char *path = g_build_filename (dir, "notes.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) expected = up_export_notes_csv (project, NULL, UP_LANG_EN, ',');
  g_autoptr(UpNote) note = g_list_model_get_item (up_project_get_notes (project), 0);
  g_autoptr(GBytes) written = NULL;
  GError *error = NULL;
  GError **result = &error;

  up_export_notes_async (project, NULL, UP_LANG_EN, ',', file, NULL, on_written, result);
  g_assert_true (up_project_set_string (project, note, "body", "Changed while written", &error));
  g_assert_no_error (error);
  while (!g_file_test (path, G_FILE_TEST_EXISTS) || g_main_context_pending (NULL))
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (error);
  written = read_bytes (path);
  g_assert_true (g_bytes_equal (written, expected));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  setlocale (LC_ALL, "C.UTF-8");
  test_root = g_dir_make_tmp ("upphandla-test-export-notes-XXXXXX", NULL);
  g_assert_nonnull (test_root);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export-notes/csv", test_csv);
  g_test_add_func ("/export-notes/csv-listed", test_csv_listed);
  g_test_add_func ("/export-notes/semicolon", test_semicolon);
  g_test_add_func ("/export-notes/stakeholders-round-trip", test_stakeholders_round_trip);
  g_test_add_func ("/export-notes/write", test_write);
  g_test_add_func ("/export-notes/async", test_async);

  status = g_test_run ();
  test_remove_tree (test_root);
  return status;
}
