/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gstdio.h>
#include <libintl.h>
#include <locale.h>
#include <string.h>

#include "test-common.h"
#include "upphandla.h"
#include "up-i18n-private.h"

/* Texts in a chosen language, read from the compiled catalogue of that
 * language whatever the process's locale is (meson test points
 * UPPHANDLA_LOCALEDIR at the catalogues of the build). */

static char *test_root;
static char *build_localedir;

static char *
mo_path (const char *localedir)
{
  return g_build_filename (localedir, "sv", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
}

static gboolean
have_catalogue (void)
{
  g_autofree char *mo = NULL;

  if (build_localedir == NULL)
    {
      g_test_skip ("UPPHANDLA_LOCALEDIR is not set (meson test sets it)");
      return FALSE;
    }
  mo = mo_path (build_localedir);
  if (!g_file_test (mo, G_FILE_TEST_IS_REGULAR))
    {
      g_test_skip ("the Swedish catalogue has not been built");
      return FALSE;
    }
  return TRUE;
}

/* Points the reader at @localedir and makes it read the catalogues anew. */
static void
use_localedir (const char *localedir)
{
  g_setenv ("UPPHANDLA_LOCALEDIR", localedir, TRUE);
  _up_lang_reload ();
}

static void
test_parse (void)
{
  UpLang lang = UP_LANG_UI;

  g_assert_true (up_lang_parse ("sv", &lang));
  g_assert_cmpint (lang, ==, UP_LANG_SV);
  g_assert_true (up_lang_parse ("en", &lang));
  g_assert_cmpint (lang, ==, UP_LANG_EN);
  g_assert_false (up_lang_parse ("de", &lang));
  g_assert_false (up_lang_parse ("SV", &lang));
  g_assert_false (up_lang_parse ("", &lang));
  g_assert_false (up_lang_parse (NULL, &lang));
  g_assert_cmpint (lang, ==, UP_LANG_EN);

  g_assert_cmpstr (up_lang_get_code (UP_LANG_SV), ==, "sv");
  g_assert_cmpstr (up_lang_get_code (UP_LANG_EN), ==, "en");
  g_assert_null (up_lang_get_code (UP_LANG_UI));
}

static void
test_gettext (void)
{
  const char *msgid = "Climate Action";

  if (!have_catalogue ())
    return;

  g_assert_cmpstr (up_lang_gettext (UP_LANG_SV, msgid), ==, "Bekämpa klimatförändringarna");
  g_assert_cmpstr (up_sdg_goal_get_name_in (up_sdg_get_goal (13), UP_LANG_SV), ==,
                   "Bekämpa klimatförändringarna");
  g_assert_cmpstr (up_enum_label_in (up_stage_kinds, "tender", UP_LANG_SV), ==, "Anbudstid");
  g_assert_cmpstr (up_enum_label_in (up_stage_kinds, "award", UP_LANG_SV), ==, "Tilldelningsbeslut");

  /* English is the source itself, not a copy */
  g_assert_true (up_lang_gettext (UP_LANG_EN, msgid) == msgid);
  g_assert_cmpstr (up_enum_label_in (up_stage_kinds, "tender", UP_LANG_EN), ==, "Tender period");

  /* a message the catalogue lacks comes back as it is */
  msgid = "A message no catalogue has";
  g_assert_true (up_lang_gettext (UP_LANG_SV, msgid) == msgid);
  /* so does the empty msgid, which in a .mo is the header */
  g_assert_cmpstr (up_lang_gettext (UP_LANG_SV, ""), ==, "");
}

static void
test_context (void)
{
  if (!have_catalogue ())
    return;

  g_assert_cmpstr (up_lang_pgettext (UP_LANG_SV, "timeline zoom", "Week"), ==, "Vecka");
  g_assert_cmpstr (up_lang_pgettext (UP_LANG_SV, "month abbreviation", "May"), ==, "maj");
  g_assert_cmpstr (up_lang_pgettext (UP_LANG_SV, "month abbreviation", "Nov"), ==, "nov.");
  g_assert_cmpstr (up_lang_pgettext (UP_LANG_EN, "timeline zoom", "Week"), ==, "Week");
  /* the same words in another context, or none, are other messages */
  g_assert_cmpstr (up_lang_pgettext (UP_LANG_SV, "no such context", "Week"), ==, "Week");
  g_assert_cmpstr (up_lang_gettext (UP_LANG_SV, "Week"), ==, "Week");
  /* a NULL context is a plain lookup */
  g_assert_cmpstr (up_lang_pgettext (UP_LANG_SV, NULL, "Climate Action"), ==,
                   "Bekämpa klimatförändringarna");
}

static void
test_plural (void)
{
  const char *one = "%1$'u stage";
  const char *many = "%1$'u stages";

  if (!have_catalogue ())
    return;

  g_assert_cmpstr (up_lang_ngettext (UP_LANG_SV, one, many, 1), ==, "%1$'u skede");
  g_assert_cmpstr (up_lang_ngettext (UP_LANG_SV, one, many, 0), ==, "%1$'u skeden");
  g_assert_cmpstr (up_lang_ngettext (UP_LANG_SV, one, many, 2), ==, "%1$'u skeden");
  g_assert_cmpstr (up_lang_ngettext (UP_LANG_SV, one, many, 21), ==, "%1$'u skeden");
  g_assert_cmpstr (up_lang_ngettext (UP_LANG_SV, "%1$d day", "%1$d days", 1), ==, "%1$d dag");
  g_assert_cmpstr (up_lang_ngettext (UP_LANG_SV, "%1$d day", "%1$d days", 7), ==, "%1$d dagar");

  g_assert_true (up_lang_ngettext (UP_LANG_EN, one, many, 1) == one);
  g_assert_true (up_lang_ngettext (UP_LANG_EN, one, many, 0) == many);
  g_assert_true (up_lang_ngettext (UP_LANG_EN, one, many, 5) == many);
  /* unknown to the catalogue: the source's forms by the same rule */
  g_assert_cmpstr (up_lang_ngettext (UP_LANG_SV, "%1$u apple", "%1$u apples", 1), ==, "%1$u apple");
  g_assert_cmpstr (up_lang_ngettext (UP_LANG_SV, "%1$u apple", "%1$u apples", 3), ==, "%1$u apples");
}

static void
assert_date (UpLang       lang,
             const char  *iso,
             UpDateStyle  style,
             const char  *expected)
{
  g_autofree char *text = up_lang_format_date (lang, iso, style);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_date (void)
{
  static const char * const sv_months[] = {
    "jan.", "feb.", "mars", "apr.", "maj", "juni", "juli", "aug.", "sep.", "okt.", "nov.", "dec.",
  };
  static const char * const en_months[] = {
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
  };
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *today_text = NULL;

  if (!have_catalogue ())
    return;

  assert_date (UP_LANG_SV, "2026-11-27", UP_DATE_STYLE_SHORT, "2026-11-27");
  assert_date (UP_LANG_EN, "2026-11-27", UP_DATE_STYLE_SHORT, "2026-11-27");
  assert_date (UP_LANG_SV, "2026-11-27", UP_DATE_STYLE_LONG, "27 nov. 2026");
  assert_date (UP_LANG_EN, "2026-11-27", UP_DATE_STYLE_LONG, "27 Nov 2026");
  assert_date (UP_LANG_SV, "0987-03-01", UP_DATE_STYLE_LONG, "1 mars 987");

  for (guint m = 1; m <= 12; m++)
    {
      g_autofree char *iso = g_strdup_printf ("2027-%02u-09", m);
      g_autofree char *sv = g_strdup_printf ("9 %s 2027", sv_months[m - 1]);
      g_autofree char *en = g_strdup_printf ("9 %s 2027", en_months[m - 1]);

      assert_date (UP_LANG_SV, iso, UP_DATE_STYLE_LONG, sv);
      assert_date (UP_LANG_EN, iso, UP_DATE_STYLE_LONG, en);
    }

  /* what is not a date is shown as it was given, never dropped */
  assert_date (UP_LANG_SV, "2026-02-30", UP_DATE_STYLE_LONG, "2026-02-30");
  assert_date (UP_LANG_EN, "next spring %s%n", UP_DATE_STYLE_SHORT, "next spring %s%n");

  /* no date: today */
  assert_date (UP_LANG_EN, NULL, UP_DATE_STYLE_SHORT, today);
  today_text = up_lang_format_date (UP_LANG_SV, today, UP_DATE_STYLE_LONG);
  assert_date (UP_LANG_SV, NULL, UP_DATE_STYLE_LONG, today_text);
}

/* The UI's language (the process's locale and LANGUAGE) and the language of
 * an export are independent, and an export never changes the UI's. */
static void
test_ui_language_untouched (void)
{
  g_autofree char *saved_locale = NULL;
  g_autofree char *saved_language = g_strdup (g_getenv ("LANGUAGE"));
  g_autofree char *locale_after = NULL;
  g_autofree char *domain_after = NULL;
  const char *msgid = "Climate Action";

  if (!have_catalogue ())
    return;

  saved_locale = g_strdup (setlocale (LC_ALL, NULL));
  if (!test_speak_swedish (GETTEXT_PACKAGE, build_localedir))
    return;

  /* the UI speaks Swedish; an export can still be English */
  g_assert_cmpstr (up_lang_gettext (UP_LANG_UI, msgid), ==, "Bekämpa klimatförändringarna");
  g_assert_cmpint (up_lang_get_ui_language (), ==, UP_LANG_SV);
  g_assert_cmpstr (up_lang_gettext (UP_LANG_EN, msgid), ==, msgid);
  g_assert_cmpstr (up_lang_pgettext (UP_LANG_UI, "timeline zoom", "Week"), ==, "Vecka");
  g_assert_cmpstr (up_lang_ngettext (UP_LANG_UI, "%1$'u stage", "%1$'u stages", 3), ==, "%1$'u skeden");
  {
    g_autofree char *date = up_lang_format_date (UP_LANG_EN, "2026-11-27", UP_DATE_STYLE_LONG);
    g_autofree char *ui_date = up_lang_format_date (UP_LANG_UI, "2026-11-27", UP_DATE_STYLE_LONG);

    g_assert_cmpstr (date, ==, "27 Nov 2026");
    g_assert_cmpstr (ui_date, ==, "27 nov. 2026");
  }

  /* the UI speaks English; an export can still be Swedish */
  g_assert_nonnull (setlocale (LC_ALL, "en_US.UTF-8"));
  g_setenv ("LANGUAGE", "en", TRUE);
  g_assert_cmpstr (up_lang_gettext (UP_LANG_UI, msgid), ==, msgid);
  g_assert_cmpint (up_lang_get_ui_language (), ==, UP_LANG_EN);
  g_assert_cmpstr (up_lang_gettext (UP_LANG_SV, msgid), ==, "Bekämpa klimatförändringarna");

  /* and none of it changed the locale, LANGUAGE or the text domain */
  locale_after = g_strdup (setlocale (LC_ALL, NULL));
  domain_after = g_strdup (textdomain (NULL));
  g_assert_cmpstr (locale_after, ==, "en_US.UTF-8");
  g_assert_cmpstr (g_getenv ("LANGUAGE"), ==, "en");
  g_assert_cmpstr (domain_after, ==, GETTEXT_PACKAGE);
  g_assert_cmpstr (gettext (msgid), ==, msgid);

  setlocale (LC_ALL, saved_locale);
  if (saved_language != NULL)
    g_setenv ("LANGUAGE", saved_language, TRUE);
  else
    g_unsetenv ("LANGUAGE");
}

/* Lookups from several threads at once, the first of them loading the
 * catalogue: every one sees the whole catalogue. */
static gpointer
lookup_thread (gpointer data)
{
  guint wrong = 0;

  for (guint i = 0; i < 2000; i++)
    {
      if (g_strcmp0 (up_lang_gettext (UP_LANG_SV, "Climate Action"), "Bekämpa klimatförändringarna") != 0)
        wrong++;
      if (g_strcmp0 (up_lang_pgettext (UP_LANG_SV, "month abbreviation", "Mar"), "mars") != 0)
        wrong++;
    }
  return GUINT_TO_POINTER (wrong);
}

static void
test_threads (void)
{
  GThread *threads[8];

  if (!have_catalogue ())
    return;

  _up_lang_reload ();
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("lookup", lookup_thread, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_assert_cmpuint (GPOINTER_TO_UINT (g_thread_join (threads[i])), ==, 0);
}

/* A localedir of its own with @contents as the Swedish catalogue. */
static char *
localedir_with (const char *contents,
                gsize       size)
{
  static guint counter;
  g_autofree char *name = g_strdup_printf ("locale-%03u", ++counter);
  char *dir = g_build_filename (test_root, name, NULL);
  g_autofree char *messages = g_build_filename (dir, "sv", "LC_MESSAGES", NULL);
  g_autofree char *mo = mo_path (dir);

  g_assert_cmpint (g_mkdir_with_parents (messages, 0755), ==, 0);
  if (contents != NULL)
    g_assert_true (g_file_set_contents (mo, contents, size, NULL));
  return dir;
}

/* Swedish lookups in whatever state the catalogue is in: never a crash,
 * always valid UTF-8, and either the translation or the English source. */
static guint
check_lookups (void)
{
  static const struct {
    const char *context;
    const char *msgid;
    const char *swedish;
  } cases[] = {
    { NULL, "Climate Action", "Bekämpa klimatförändringarna" },
    { NULL, "Tender period", "Anbudstid" },
    { "timeline zoom", "Week", "Vecka" },
    { "month abbreviation", "Nov", "nov." },
  };
  guint translated = 0;
  g_autofree char *date = NULL;
  const char *plural;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *text = up_lang_pgettext (UP_LANG_SV, cases[i].context, cases[i].msgid);

      g_assert_true (g_utf8_validate (text, -1, NULL));
      if (strcmp (text, cases[i].swedish) == 0)
        translated++;
    }

  plural = up_lang_ngettext (UP_LANG_SV, "%1$'u stage", "%1$'u stages", 2);
  g_assert_true (g_utf8_validate (plural, -1, NULL));
  date = up_lang_format_date (UP_LANG_SV, "2026-11-27", UP_DATE_STYLE_LONG);
  g_assert_true (g_utf8_validate (date, -1, NULL));

  return translated;
}

static void
assert_english (void)
{
  g_autofree char *date = up_lang_format_date (UP_LANG_SV, "2026-11-27", UP_DATE_STYLE_LONG);

  g_assert_cmpuint (check_lookups (), ==, 0);
  g_assert_cmpstr (up_lang_gettext (UP_LANG_SV, "Climate Action"), ==, "Climate Action");
  g_assert_cmpstr (up_lang_ngettext (UP_LANG_SV, "%1$'u stage", "%1$'u stages", 2), ==, "%1$'u stages");
  g_assert_cmpstr (date, ==, "27 Nov 2026");
}

static void
put_u32 (char    *data,
         gsize    offset,
         guint32  value)
{
  memcpy (data + offset, &value, sizeof value);
}

static void
test_damaged (void)
{
  g_autofree char *good_path = NULL;
  g_autofree char *good = NULL;
  g_autofree char *copy = NULL;
  gsize size;
  char garbage[4096];
  GRand *rand;

  if (!have_catalogue ())
    return;

  good_path = mo_path (build_localedir);
  g_assert_true (g_file_get_contents (good_path, &good, &size, NULL));
  g_assert_cmpuint (size, >, 28);

  /* the good one, copied, for a start: the test's own localedirs work */
  {
    g_autofree char *dir = localedir_with (good, size);

    use_localedir (dir);
    g_assert_cmpuint (check_lookups (), ==, 4);
  }

  /* no catalogue at all */
  {
    g_autofree char *dir = localedir_with (NULL, 0);

    use_localedir (dir);
    assert_english ();
  }

  /* empty, a header only, text, random bytes */
  {
    g_autofree char *empty = localedir_with ("", 0);
    g_autofree char *header = localedir_with (good, 28);
    g_autofree char *text = localedir_with ("msgid \"Climate Action\"\nmsgstr \"x\"\n", -1);
    g_autofree char *noise = NULL;

    for (guint i = 0; i < sizeof garbage; i++)
      garbage[i] = (char) g_test_rand_int_range (0, 256);
    noise = localedir_with (garbage, sizeof garbage);

    use_localedir (empty);
    assert_english ();
    use_localedir (header);
    assert_english ();
    use_localedir (text);
    assert_english ();
    use_localedir (noise);
    assert_english ();
  }

  /* truncated anywhere within its tables or strings */
  for (gsize cut = 1; cut < size; cut += 1 + size / 97)
    {
      g_autofree char *dir = localedir_with (good, cut);

      use_localedir (dir);
      assert_english ();
    }

  /* header fields that point outside the file: N, the two table offsets,
   * and a revision this reader does not know */
  {
    static const struct { gsize offset; guint32 value; } fields[] = {
      { 8, 0xffffffff }, { 8, 0x10000000 }, { 12, 0xfffffff0 }, { 16, 0xfffffff8 },
      { 12, 0 }, { 4, 0x00010000 },
    };

    for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
      {
        g_autofree char *dir = NULL;

        g_clear_pointer (&copy, g_free);
        copy = g_memdup2 (good, size);
        put_u32 (copy, fields[i].offset, fields[i].value);
        dir = localedir_with (copy, size);
        use_localedir (dir);
        assert_english ();
      }
  }

  /* a string entry whose offset or length points past the end */
  {
    guint32 originals, translations;
    g_autofree char *past_end = NULL;
    g_autofree char *long_string = NULL;

    memcpy (&originals, good + 12, 4);
    memcpy (&translations, good + 16, 4);

    g_clear_pointer (&copy, g_free);
    copy = g_memdup2 (good, size);
    put_u32 (copy, translations + 8 * 5 + 4, (guint32) size + 100);
    past_end = localedir_with (copy, size);
    use_localedir (past_end);
    assert_english ();

    g_clear_pointer (&copy, g_free);
    copy = g_memdup2 (good, size);
    put_u32 (copy, originals + 8 * 7, 0xffffffff);
    long_string = localedir_with (copy, size);
    use_localedir (long_string);
    assert_english ();
  }

  /* random damage anywhere: whatever it reads, it reads safely */
  rand = g_rand_new_with_seed (g_test_rand_int ());
  for (guint round = 0; round < 200; round++)
    {
      g_autofree char *dir = NULL;
      guint flips = g_rand_int_range (rand, 1, 16);

      g_clear_pointer (&copy, g_free);
      copy = g_memdup2 (good, size);
      for (guint i = 0; i < flips; i++)
        copy[g_rand_int_range (rand, 0, size)] = (char) g_rand_int_range (rand, 0, 256);
      dir = localedir_with (copy, size);
      use_localedir (dir);
      check_lookups ();
    }
  g_rand_free (rand);

  use_localedir (build_localedir);
  g_assert_cmpuint (check_lookups (), ==, 4);
}

/* A catalogue written on a machine of the other byte order reads the same. */
static void
test_other_byte_order (void)
{
  g_autofree char *po = g_build_filename (TEST_DATA_DIR, "..", "..", "po", "sv.po", NULL);
  g_autofree char *dir = localedir_with (NULL, 0);
  g_autofree char *mo = mo_path (dir);
  g_autofree char *out = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  const char *endianness = G_BYTE_ORDER == G_LITTLE_ENDIAN ? "--endianness=big" : "--endianness=little";
  const char *argv[] = { "msgfmt", endianness, "-o", mo, po, NULL };
  guint32 magic;
  gsize size;
  int status;

  if (!have_catalogue ())
    return;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                     NULL, NULL, NULL, &out, &status, &error))
    {
      g_test_skip ("msgfmt is not installed");
      return;
    }
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  g_assert_true (g_file_get_contents (mo, &contents, &size, NULL));
  memcpy (&magic, contents, 4);
  g_assert_cmphex (magic, ==, GUINT32_SWAP_LE_BE (0x950412de));

  use_localedir (dir);
  g_assert_cmpuint (check_lookups (), ==, 4);
  g_assert_cmpstr (up_lang_ngettext (UP_LANG_SV, "%1$'u stage", "%1$'u stages", 1), ==, "%1$'u skede");
  use_localedir (build_localedir);
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("UPPHANDLA_LOCALEDIR");
  int status;

  if (localedir != NULL && localedir[0] != '\0')
    build_localedir = g_strdup (localedir);
  test_root = g_dir_make_tmp ("upphandla-test-i18n-XXXXXX", NULL);
  g_assert_nonnull (test_root);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/i18n/parse", test_parse);
  g_test_add_func ("/i18n/gettext", test_gettext);
  g_test_add_func ("/i18n/context", test_context);
  g_test_add_func ("/i18n/plural", test_plural);
  g_test_add_func ("/i18n/date", test_date);
  g_test_add_func ("/i18n/ui-language-untouched", test_ui_language_untouched);
  g_test_add_func ("/i18n/damaged", test_damaged);
  g_test_add_func ("/i18n/other-byte-order", test_other_byte_order);
  /* last: setenv() is not safe once threads have run */
  g_test_add_func ("/i18n/threads", test_threads);

  status = g_test_run ();
  test_remove_tree (test_root);
  g_free (test_root);
  g_free (build_localedir);
  return status;
}
