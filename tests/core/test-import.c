/* SPDX-License-Identifier: GPL-3.0-or-later */

/* People for the stakeholder register from a spreadsheet's table
 * (up_import_stakeholders()): the tables Excel and LibreOffice save in
 * Swedish and English settings, odd text, the people the register has
 * already, values it does not know; one undo step; a file that is no
 * table adds nobody and says why. */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include <upphandla/upphandla.h>

#include "test-common.h"

static char *test_root;

static UpProject *
new_project (void)
{
  g_autoptr(GError) error = NULL;
  UpProject *project = up_project_new ("Import", &error);

  g_assert_no_error (error);
  return project;
}

/* The stakeholder of @project named @name, failing the test if none. */
static UpStakeholder *
find_person (UpProject  *project,
             const char *name)
{
  GListModel *people = up_project_get_stakeholders (project);

  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(UpStakeholder) person = g_list_model_get_item (people, i);

      if (g_str_equal (up_stakeholder_get_name (person), name))
        return person;
    }
  g_error ("no stakeholder “%s”", name);
}

static guint
count_people (UpProject *project)
{
  return g_list_model_get_n_items (up_project_get_stakeholders (project));
}

static GBytes *
bytes_of (const char *text)
{
  return g_bytes_new (text, strlen (text));
}

/* A table as Excel saves "CSV (semikolonavgränsad)" on a Swedish Windows:
 * semicolons, CR LF, Windows-1252, the app's Swedish names of the
 * columns, categories and stances; a contact from two columns. */
static void
test_swedish_excel (void)
{
  g_autoptr(UpProject) project = new_project ();
  g_autofree char *utf8 = g_strdup_printf ("Namn;Organisation;Kategori;Inflytande;Intresse;Hållning;E-post;Telefon\r\n"
                                           "Åsa Öberg;Älvby kommun;%s;5;4;%s;asa.oberg@alvby.se;070-123 45 67\r\n"
                                           "Lars Ek;\"Ek; Bygg & Co\";%s;2;5;;;\r\n",
                                           up_enum_label_in (up_stakeholder_categories, "politician", UP_LANG_SV),
                                           up_enum_label_in (up_stakeholder_stances, "supporter", UP_LANG_SV),
                                           up_enum_label_in (up_stakeholder_categories, "supplier", UP_LANG_SV));
  g_autofree char *cp1252 = g_convert (utf8, -1, "WINDOWS-1252", "UTF-8", NULL, NULL, NULL);
  g_autoptr(GBytes) csv = bytes_of (cp1252);
  g_autoptr(GError) error = NULL;
  UpImportSummary summary;
  UpStakeholder *asa, *lars;

  if (!up_lang_is_available (UP_LANG_SV))
    {
      g_test_skip ("the Swedish catalogue is not built");
      return;
    }
  g_assert_nonnull (cp1252);
  /* not UTF-8: "Å" is one byte */
  g_assert_false (g_utf8_validate (cp1252, -1, NULL));
  g_assert_true (up_import_stakeholders_csv (project, csv, &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary.added, ==, 2);
  g_assert_cmpuint (summary.already_there + summary.without_name + summary.values_not_read, ==, 0);

  asa = find_person (project, "Åsa Öberg");
  g_assert_cmpstr (up_stakeholder_get_organisation (asa), ==, "Älvby kommun");
  g_assert_cmpstr (up_stakeholder_get_category (asa), ==, "politician");
  g_assert_cmpint (up_stakeholder_get_influence (asa), ==, 5);
  g_assert_cmpint (up_stakeholder_get_interest (asa), ==, 4);
  g_assert_cmpstr (up_stakeholder_get_stance (asa), ==, "supporter");
  g_assert_cmpstr (up_stakeholder_get_contact (asa), ==, "asa.oberg@alvby.se, 070-123 45 67");
  lars = find_person (project, "Lars Ek");
  g_assert_cmpstr (up_stakeholder_get_organisation (lars), ==, "Ek; Bygg & Co");
  g_assert_cmpstr (up_stakeholder_get_category (lars), ==, "supplier");
  /* what the table leaves empty keeps the new stakeholder's default */
  g_assert_cmpstr (up_stakeholder_get_stance (lars), ==, "unknown");
  g_assert_cmpstr (up_stakeholder_get_contact (lars), ==, "");
}

/* UTF-8 with a byte order mark and commas, as LibreOffice saves it, with
 * English headings in another order and case: quoted fields with commas,
 * quotes and a line break, odd text, blank lines, a line without a name,
 * people the register has (spacing and case aside) or the table has
 * twice, values the app does not know; and the whole import undone in one
 * step. */
static void
test_odd_table (void)
{
  g_autoptr(UpProject) project = new_project ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) csv = bytes_of ("\xef\xbb\xbf"
                                    "ORGANIZATION, Name ,Stance,Influence,interest,Notes\n"
                                    "\"Region Norrby, e-hälsa\",\"Omar \"\"Omi\"\" Haddad\",Critic,4,2,anything\n"
                                    "\n"
                                    "Älvby kommun,  ANNA  berg ,,,,\n"
                                    ",,supporter,5,5,a line without a name\n"
                                    "Folkets hus,\"Two\nlines\",,,,\n"
                                    "Ingen,😀 Emoji 🇸🇪,nobody knows,9,three,\n"
                                    "שלום,مرحبا عالم,,,,\n"
                                    "Ingen,😀 emoji 🇸🇪,,,,\n");
  UpImportSummary summary;
  UpStakeholder *omar, *emoji;

  g_assert_nonnull (up_project_add_stakeholder (project, "Anna Berg", "Älvby kommun", "user", &error));
  g_assert_no_error (error);

  g_assert_true (up_import_stakeholders_csv (project, csv, &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary.added, ==, 4);
  g_assert_cmpuint (summary.already_there, ==, 2);
  g_assert_cmpuint (summary.without_name, ==, 1);
  /* a stance, an influence and an interest it does not know */
  g_assert_cmpuint (summary.values_not_read, ==, 3);
  g_assert_cmpuint (count_people (project), ==, 5);

  omar = find_person (project, "Omar \"Omi\" Haddad");
  g_assert_cmpstr (up_stakeholder_get_organisation (omar), ==, "Region Norrby, e-hälsa");
  g_assert_cmpstr (up_stakeholder_get_stance (omar), ==, "critic");
  g_assert_cmpint (up_stakeholder_get_influence (omar), ==, 4);
  g_assert_cmpint (up_stakeholder_get_interest (omar), ==, 2);
  g_assert_cmpstr (up_stakeholder_get_category (omar), ==, "other");
  /* a name is one line */
  g_assert_cmpstr (up_stakeholder_get_organisation (find_person (project, "Two lines")), ==, "Folkets hus");
  emoji = find_person (project, "😀 Emoji 🇸🇪");
  g_assert_cmpint (up_stakeholder_get_influence (emoji), ==, 3);
  g_assert_cmpstr (up_stakeholder_get_stance (emoji), ==, "unknown");
  g_assert_cmpstr (up_stakeholder_get_organisation (find_person (project, "مرحبا عالم")), ==, "שלום");

  /* one step back takes every one of them, not Anna */
  g_assert_true (up_project_undo (project, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_people (project), ==, 1);
  g_assert_true (up_project_redo (project, &error));
  g_assert_cmpuint (count_people (project), ==, 5);
}

/* UTF-16 with its byte order mark and tabs, as Excel saves "Unicode
 * text"; a table of one column; Excel's "sep=;" line. */
static void
test_utf16_and_one_column (void)
{
  g_autoptr(UpProject) project = new_project ();
  g_autoptr(GError) error = NULL;
  const char *utf8 = "Name\tOrganisation\tCategory\r\nKarin Lindqvist\tRegion Norrby\tExpert\r\n";
  gsize length;
  g_autofree char *utf16 = g_convert (utf8, -1, "UTF-16LE", "UTF-8", NULL, &length, NULL);
  g_autoptr(GByteArray) data = g_byte_array_new ();
  g_autoptr(GBytes) csv = NULL;
  g_autoptr(GBytes) names = bytes_of ("Namn\nErik Holm\nJohan Nilsson\n");
  /* Excel's line naming the separator, before the line of headings */
  g_autoptr(GBytes) excel_sep = bytes_of ("sep=;\r\nNamn;Organisation\r\nLars Ek, jr;Ek, Bygg\r\n");
  UpImportSummary summary;

  g_byte_array_append (data, (const guint8 *) "\xff\xfe", 2);
  g_byte_array_append (data, (const guint8 *) utf16, length);
  csv = g_byte_array_free_to_bytes (g_steal_pointer (&data));
  g_assert_true (up_import_stakeholders_csv (project, csv, &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary.added, ==, 1);
  g_assert_cmpstr (up_stakeholder_get_category (find_person (project, "Karin Lindqvist")), ==, "expert");

  g_assert_true (up_import_stakeholders_csv (project, names, &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary.added, ==, 2);
  g_assert_cmpstr (up_stakeholder_get_organisation (find_person (project, "Johan Nilsson")), ==, "");

  g_assert_true (up_import_stakeholders_csv (project, excel_sep, &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary.added, ==, 1);
  g_assert_cmpstr (up_stakeholder_get_organisation (find_person (project, "Lars Ek, jr")), ==, "Ek, Bygg");
}

/* A form's answers: the name in two columns, an e-mail address and a
 * department, among columns the register has no use for. */
static void
test_form_answers (void)
{
  g_autoptr(UpProject) project = new_project ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) csv = bytes_of ("Tidstämpel,Förnamn,Efternamn,E-postadress,Förvaltning,Kommentar\r\n"
                                    "2026-12-01 10:02,Åsa,Öberg,asa@alvby.se,Socialförvaltningen,\"Kommer, gärna\"\r\n"
                                    "2026-12-01 10:05,,Nyström,karin@tj.se,,\r\n"
                                    "2026-12-01 10:09,,,anonym@example.se,,\r\n");
  UpImportSummary summary;
  UpStakeholder *asa;

  g_assert_true (up_import_stakeholders_csv (project, csv, &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary.added, ==, 2);
  g_assert_cmpuint (summary.without_name, ==, 1);
  asa = find_person (project, "Åsa Öberg");
  g_assert_cmpstr (up_stakeholder_get_organisation (asa), ==, "Socialförvaltningen");
  g_assert_cmpstr (up_stakeholder_get_contact (asa), ==, "asa@alvby.se");
  g_assert_cmpstr (up_stakeholder_get_contact (find_person (project, "Nyström")), ==, "karin@tj.se");
}

/* What is no table of people adds nobody and says why; the register and
 * the undo history are as they were. */
static void
test_refused (void)
{
  static const guint8 png[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R' };
  static const struct
  {
    const char *text;
    int         code;
  } cases[] = {
    { "Organisation;Kategori\nÄlvby kommun;Användare\n", UP_IMPORT_ERROR_NO_NAMES },
    { "", UP_IMPORT_ERROR_NO_NAMES },
    { "Name,Organisation\r\n\r\n,,\r\n", UP_IMPORT_ERROR_EMPTY },
    { "PK\x03\x04\x14\x00\x06\x00", UP_IMPORT_ERROR_NOT_TEXT },
  };
  g_autoptr(UpProject) project = new_project ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = test_new_dir (test_root, "refused");
  g_autofree char *missing = g_build_filename (dir, "deltagare.csv", NULL);
  g_autoptr(GFile) missing_file = g_file_new_for_path (missing);
  UpImportSummary summary;

  g_assert_nonnull (up_project_add_stakeholder (project, "Anna Berg", "", "user", &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) csv = g_bytes_new (cases[i].text, i == 3 ? 8 : strlen (cases[i].text));

      g_assert_false (up_import_stakeholders_csv (project, csv, &summary, &error));
      g_assert_error (error, UP_IMPORT_ERROR, cases[i].code);
      g_test_message ("%s", error->message);
      g_clear_error (&error);
      g_assert_cmpuint (summary.added, ==, 0);
      g_assert_cmpuint (count_people (project), ==, 1);
    }
  {
    g_autoptr(GBytes) csv = g_bytes_new (png, sizeof png);

    g_assert_false (up_import_stakeholders_csv (project, csv, &summary, &error));
    g_assert_error (error, UP_IMPORT_ERROR, UP_IMPORT_ERROR_NOT_TEXT);
    g_clear_error (&error);
  }

  g_assert_false (up_import_stakeholders (project, missing_file, &summary, &error));
  g_assert_error (error, UP_IMPORT_ERROR, UP_IMPORT_ERROR_READ);
  g_test_message ("%s", error->message);
  g_clear_error (&error);

  /* the last step is still adding Anna */
  g_assert_true (up_project_undo (project, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_people (project), ==, 0);
}

/* From a file, as the app reads it. */
static void
test_file (void)
{
  g_autoptr(UpProject) project = new_project ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = test_new_dir (test_root, "file");
  g_autofree char *path = g_build_filename (dir, "deltagare.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  UpImportSummary summary;

  g_assert_true (g_file_set_contents (path, "Namn:,Företag:\nSara Öberg,Regionens e-hälsocenter\n", -1, NULL));
  g_assert_true (up_import_stakeholders (project, file, &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary.added, ==, 1);
  g_assert_cmpstr (up_stakeholder_get_organisation (find_person (project, "Sara Öberg")), ==,
                   "Regionens e-hälsocenter");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  setlocale (LC_ALL, "C.UTF-8");
  test_root = g_dir_make_tmp ("upphandla-test-import-XXXXXX", NULL);
  g_assert_nonnull (test_root);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import/swedish-excel", test_swedish_excel);
  g_test_add_func ("/import/odd-table", test_odd_table);
  g_test_add_func ("/import/utf16-and-one-column", test_utf16_and_one_column);
  g_test_add_func ("/import/form-answers", test_form_answers);
  g_test_add_func ("/import/refused", test_refused);
  g_test_add_func ("/import/file", test_file);

  status = g_test_run ();
  test_remove_tree (test_root);
  g_free (test_root);
  return status;
}
