/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Printing a chart, under Xvfb: the sheets GTK's print operation makes of
 * the report and of the matrix of a long plan (GTK's own "export" to a PDF,
 * read back with pdfinfo, pdftotext and pdftoppm), the print dialog
 * opened and cancelled, and a print in the language chosen in its Chart
 * tab. */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "up-chart-print.h"
#include "up-notes-print.h"
#include "ui-test-util.h"
#include "test-common.h"

static UpLang
ui_lang (void)
{
  const char *language = g_getenv ("LANGUAGE");

  return language != NULL && g_str_has_prefix (language, "sv") ? UP_LANG_SV : UP_LANG_EN;
}

static char *
run_tool (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

/* "Pages:" and the first page's size from pdfinfo. */
static guint
pdf_pages (const char *path,
           double     *width,
           double     *height)
{
  const char *argv[] = { "pdfinfo", path, NULL };
  g_autofree char *info = run_tool (argv);
  const char *pages = strstr (info, "Pages:");
  const char *size = strstr (info, "Page size:");
  char *end;

  g_assert_nonnull (pages);
  g_assert_nonnull (size);

  /* pdfinfo writes a point whatever the locale: not sscanf's %lf */
  *width = g_ascii_strtod (size + strlen ("Page size:"), &end);
  g_assert_true (g_str_has_prefix (end, " x "));
  *height = g_ascii_strtod (end + 3, NULL);
  g_assert_cmpfloat (*width, >, 100);
  g_assert_cmpfloat (*height, >, 100);
  return (guint) g_ascii_strtoull (pages + strlen ("Pages:"), NULL, 10);
}

static char *
pdf_text (const char *path,
          guint       page)
{
  g_autofree char *number = g_strdup_printf ("%u", page);
  const char *argv[] = { "pdftotext", "-f", number, "-l", number, "-enc", "UTF-8", path, "-", NULL };
  g_autofree char *text = run_tool (argv);

  /* one line, for words that wrap */
  return test_one_line (text);
}

static gboolean
have_poppler (void)
{
  if (test_have_program ("pdfinfo") && test_have_program ("pdftotext") && test_have_program ("pdftoppm"))
    return TRUE;
  g_test_skip ("poppler-utils is not installed (tools/setup installs it)");
  return FALSE;
}

static UpProject *
demo (void)
{
  g_autoptr(GError) error = NULL;
  UpProject *project = up_demo_create (NULL, &error);

  g_assert_no_error (error);
  return project;
}

/* The report prints on one landscape sheet, as exported: its title, its
 * sections in the language asked for, the names of the goals. */
static void
test_report (void)
{
  g_autoptr(UpProject) project = demo ();
  g_autofree char *dir = g_dir_make_tmp ("upphandla-print-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "report.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  UpChartOptions options;
  double width, height;

  if (!have_poppler ())
    return;

  up_chart_options_init (&options);
  options.lang = ui_lang ();
  g_assert_true (up_chart_print_to_pdf (project, UP_CHART_REPORT, &options, file, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (pdf_pages (path, &width, &height), ==, 1);
  g_assert_cmpfloat (width, >, height);
  text = pdf_text (path, 1);
  g_assert_nonnull (strstr (text, up_project_get_title (project)));
  g_assert_nonnull (strstr (text, up_chart_kind_get_title (UP_CHART_REPORT, options.lang)));
  g_assert_nonnull (strstr (text, up_lang_gettext (options.lang, "Key decisions")));
  g_assert_nonnull (strstr (text, up_sdg_goal_get_name_in (up_sdg_get_goal (12), options.lang)));

  test_remove_tree (dir);
}

/* The matrix and the timeline of a long plan print on as many landscape
 * sheets as they have pages (their text in print size), each stage on one
 * of them, the pages in order; page 2 says so. */
static void
test_row_pages (gconstpointer data)
{
  UpChartKind kind = GPOINTER_TO_INT (data);
  g_autoptr(UpProject) project = demo ();
  g_autofree char *dir = g_dir_make_tmp ("upphandla-print-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "chart.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  UpChartOptions options;
  guint n_pages, n_stages, last_page = 1;
  double width, height;

  if (!have_poppler ())
    return;

  for (guint i = 0; i < 120; i++)
    {
      g_autofree char *title = g_strdup_printf ("Dialogue round %03u", i);

      g_assert_nonnull (up_project_add_stage (project, "market-dialogue", title, "2027-02-01",
                                              "2027-02-05", NULL, &error));
      g_assert_no_error (error);
    }
  n_stages = g_list_model_get_n_items (up_project_get_stages (project));

  up_chart_options_init (&options);
  options.lang = ui_lang ();
  options.decorations = TRUE;
  options.key = TRUE;
  n_pages = up_chart_get_n_pages (kind, project, &options);
  g_assert_cmpuint (n_pages, >, 1);

  g_assert_true (up_chart_print_to_pdf (project, kind, &options, file, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pdf_pages (path, &width, &height), ==, n_pages);
  g_assert_cmpfloat (width, >, height);

  for (guint page = 1; page <= n_pages; page++)
    g_ptr_array_add (texts, pdf_text (path, page));
  {
    g_autofree char *page_2 = g_strdup_printf (up_lang_gettext (options.lang, "Page %1$u of %2$u"),
                                               2, n_pages);

    g_assert_nonnull (strstr (g_ptr_array_index (texts, 1), page_2));
  }

  /* every stage on one page, once, the pages in the timeline's order
   * (pdftotext's order within a page is its own) */
  for (guint i = 0; i < n_stages; i++)
    {
      g_autoptr(UpStage) stage = g_list_model_get_item (up_project_get_stages (project), i);
      const char *title = up_stage_get_title (stage);
      guint on_page = 0;

      if (!g_str_has_prefix (title, "Dialogue round"))
        continue;
      for (guint page = 1; page <= n_pages; page++)
        {
          const char *text = g_ptr_array_index (texts, page - 1);
          const char *found = strstr (text, title);

          if (found == NULL)
            continue;
          g_assert_cmpuint (on_page, ==, 0);
          g_assert_null (strstr (found + strlen (title), title));
          on_page = page;
        }
      g_assert_cmpuint (on_page, >=, last_page);
      last_page = on_page;
    }
  g_assert_cmpuint (last_page, ==, n_pages);

  test_remove_tree (dir);
}

/* A print is on white, whatever the screen's style: the chart options of
 * the dark view are not what goes to paper. */
static void
test_white_paper (void)
{
  g_autoptr(UpProject) project = demo ();
  g_autofree char *dir = g_dir_make_tmp ("upphandla-print-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "wheel.pdf", NULL);
  g_autofree char *png = g_build_filename (dir, "wheel", NULL);
  g_autofree char *png_path = g_build_filename (dir, "wheel-1.png", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree guchar *pixels = NULL;
  UpChartOptions options;
  int width, height;
  gsize stride;
  guint dark = 0;

  if (!have_poppler ())
    return;

  up_chart_options_init (&options);
  options.lang = ui_lang ();
  options.dark = TRUE;
  g_assert_true (up_chart_print_to_pdf (project, UP_CHART_WHEEL, &options, file, &error));
  g_assert_no_error (error);

  {
    const char *argv[] = { "pdftoppm", "-r", "20", "-f", "1", "-l", "1", "-png", path, png, NULL };
    g_autofree char *out = run_tool (argv);
  }
  if (!g_file_test (png_path, G_FILE_TEST_EXISTS))
    {
      g_free (png_path);
      png_path = g_build_filename (dir, "wheel-01.png", NULL);
    }
  texture = gdk_texture_new_from_filename (png_path, &error);
  g_assert_no_error (error);
  width = gdk_texture_get_width (texture);
  height = gdk_texture_get_height (texture);
  stride = (gsize) width * 4;
  pixels = g_malloc (stride * height);
  gdk_texture_download (texture, pixels, stride);

  /* Nearly every pixel of the sheet light; a dark page would be the
   * other way round. */
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        const guchar *p = pixels + y * stride + x * 4;

        dark += (p[0] + p[1] + p[2]) / 3 < 80;
      }
  g_assert_cmpuint (dark, <, (guint) (width * height) / 10);

  test_remove_tree (dir);
}

static void
on_print_done (const GError *error,
               gpointer      user_data)
{
  int *calls = user_data;

  g_assert_no_error ((GError *) error);
  (*calls)++;
}

static gboolean
is_positive (gpointer data)
{
  return *(int *) data > 0;
}

static gboolean
is_counter_at_two (gpointer data)
{
  return *(int *) data >= 2;
}

/* Print opens GTK's print dialog; a cancel ends the print without an
 * error, once. */
static void
test_dialog_cancel (void)
{
  g_autoptr(UpProject) project = demo ();
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GtkWindow *dialog = NULL;
  UpChartOptions options;
  int calls = 0;

  gtk_window_set_default_size (window, 400, 300);
  gtk_window_present (window);
  wait_until (is_mapped, window);

  up_chart_options_init (&options);
  options.lang = ui_lang ();
  up_chart_print (window, project, UP_CHART_REPORT, &options, NULL, on_print_done, &calls);

  wait_until (is_print_dialog_shown, &dialog);
  g_assert_cmpint (calls, ==, 0);

  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  wait_until (is_positive, &calls);
  iterate_pending ();
  g_assert_cmpint (calls, ==, 1);

  gtk_window_destroy (window);
  iterate_pending ();
}

/* GTK's "Print to File" printer, as its dialog names it. */
static const char *
file_printer_name (void)
{
  return g_dgettext ("gtk40", "Print to File");
}

/* The print dialog's printer is the file: its list fills in the
 * background. (GtkPrintUnixDialog's own header is not the app's, so
 * through its properties.) */
static gboolean
is_printer_chosen (gpointer data)
{
  g_autoptr(GObject) printer = NULL;
  g_autofree char *name = NULL;

  g_object_get (data, "selected-printer", &printer, NULL);
  if (printer == NULL)
    return FALSE;
  g_object_get (printer, "name", &name, NULL);
  return g_strcmp0 (name, file_printer_name ()) == 0;
}

static UpLang
other_lang (UpLang lang)
{
  return lang == UP_LANG_SV ? UP_LANG_EN : UP_LANG_SV;
}

/* The print dialog's Chart tab: its language drop-down, which starts in
 * @lang. */
static GtkDropDown *
language_drop_down (GtkWindow *dialog,
                    UpLang     lang)
{
  GtkDropDown *drop_down = GTK_DROP_DOWN (get_named (GTK_WIDGET (dialog), "up-print-language"));
  GtkStringList *model = GTK_STRING_LIST (gtk_drop_down_get_model (drop_down));
  const char *label = gtk_string_list_get_string (model, gtk_drop_down_get_selected (drop_down));

  g_assert_cmpstr (label, ==, lang == UP_LANG_SV ? _("Swedish") : _("English"));
  return drop_down;
}

/* The Chart tab shown, as a screenshot print-<lang>-chart-tab.png. */
static void
show_chart_tab (GtkWindow   *dialog,
                GtkDropDown *drop_down)
{
  GtkNotebook *notebook = GTK_NOTEBOOK (find_descendant (GTK_WIDGET (dialog), GTK_TYPE_NOTEBOOK));
  g_autofree char *name = NULL;
  int page = -1;

  g_assert_nonnull (notebook);
  for (int i = 0; i < gtk_notebook_get_n_pages (notebook); i++)
    if (gtk_widget_is_ancestor (GTK_WIDGET (drop_down), gtk_notebook_get_nth_page (notebook, i)))
      page = i;
  g_assert_cmpint (page, >=, 0);
  gtk_notebook_set_current_page (notebook, page);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (drop_down)));

  wait_for_frames (GTK_WIDGET (dialog));
  name = g_strdup_printf ("print-%s-chart-tab.png", test_language ());
  save_screenshot (GTK_WIDGET (dialog), name);
}

/* Printing in the other language than the interface's, chosen in the
 * dialog's Chart tab: the sheet has that language's title and legend,
 * not the interface's, and the next print starts in that language. The
 * printer is GTK's "Print to File", as a user may choose it. */
static void
test_dialog_language (void)
{
  g_autoptr(UpProject) project = demo ();
  g_autoptr(GSettings) settings = g_settings_new ("io.github.upphandla.Upphandla");
  g_autofree char *dir = g_dir_make_tmp ("upphandla-print-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "wheel.pdf", NULL);
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autoptr(GtkPrintSettings) print_settings = gtk_print_settings_new ();
  g_autofree char *text = NULL;
  g_autofree char *remembered = NULL;
  GtkWindow *window;
  GtkWindow *dialog = NULL;
  GtkDropDown *drop_down;
  UpChartOptions options;
  UpLang lang = ui_lang (), other = other_lang (lang);
  const char *legend = "Grey sector: no target of the goal is linked";
  int calls = 0;

  if (!have_poppler ())
    return;

  g_settings_reset (settings, "last-export-language");
  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (window, 400, 300);
  gtk_window_present (window);
  wait_until (is_mapped, window);

  up_chart_options_init (&options);
  options.lang = lang;
  up_chart_print (window, project, UP_CHART_WHEEL, &options, settings, on_print_done, &calls);
  wait_until (is_print_dialog_shown, &dialog);

  /* at first in the interface's language; the other chosen */
  drop_down = language_drop_down (dialog, lang);
  show_chart_tab (dialog, drop_down);
  /* The tab's "_Language:" and GTK's own buttons (Print, Preview,
   * Cancel): no key twice while the dialog has the focus. */
  {
    g_autoptr(GHashTable) keys = mnemonics_new ();

    mnemonics_collect (keys, GTK_WIDGET (dialog), NULL);
    g_assert_cmpuint (g_hash_table_size (keys), >=, 2);
    g_assert_true (mnemonics_unique (keys, "the print dialog's Chart tab"));
  }
  gtk_drop_down_set_selected (drop_down, other == UP_LANG_SV ? 0 : 1);

  gtk_print_settings_set_printer (print_settings, file_printer_name ());
  gtk_print_settings_set (print_settings, GTK_PRINT_SETTINGS_OUTPUT_FILE_FORMAT, "pdf");
  gtk_print_settings_set (print_settings, GTK_PRINT_SETTINGS_OUTPUT_URI, uri);
  g_object_set (dialog, "print-settings", print_settings, NULL);
  wait_until (is_printer_chosen, dialog);
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_OK);
  wait_until (is_positive, &calls);
  iterate_pending ();
  g_assert_cmpint (calls, ==, 1);

  text = pdf_text (path, 1);
  g_assert_nonnull (strstr (text, up_lang_gettext (other, legend)));
  g_assert_null (strstr (text, up_lang_gettext (lang, legend)));
  g_assert_nonnull (strstr (text, up_chart_kind_get_title (UP_CHART_WHEEL, other)));

  /* remembered, for the next print and the export dialog */
  remembered = g_settings_get_string (settings, "last-export-language");
  g_assert_cmpstr (remembered, ==, up_lang_get_code (other));
  dialog = NULL;
  up_chart_print (window, project, UP_CHART_WHEEL, &options, settings, on_print_done, &calls);
  wait_until (is_print_dialog_shown, &dialog);
  language_drop_down (dialog, other);
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  wait_until (is_counter_at_two, &calls);
  iterate_pending ();

  g_settings_reset (settings, "last-export-language");
  gtk_window_destroy (window);
  iterate_pending ();
  test_remove_tree (dir);
}

/* The notes print as a document on portrait sheets: each note's text
 * whole, a note of many pages going on from sheet to sheet without a word
 * lost, text that looks like markup as it is, right-to-left text and
 * emoji; the summary on the first sheet, "Page 1 of N" on each. */
static void
test_notes (void)
{
  g_autoptr(UpProject) project = demo ();
  g_autofree char *dir = g_dir_make_tmp ("upphandla-print-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "notes.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) long_text = g_string_new ("Början");
  g_autoptr(GString) all = g_string_new (NULL);
  g_autoptr(GListStore) listed = g_list_store_new (UP_TYPE_NOTE);
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *every = up_project_get_notes (project);
  g_autofree char *first_page = NULL;
  g_autofree char *page_line = NULL;
  const char *odd = "Avtal <b>&amp;</b> \"citat\" — שלום עולם 🇸🇪 😀";
  double width, height;
  guint n_pages;

  if (!have_poppler ())
    return;

  /* 1,800 numbered words in paragraphs: a note of several sheets */
  for (guint i = 1; i <= 1800; i++)
    g_string_append_printf (long_text, "%sord%u", i % 40 == 0 ? "\n\n" : " ", i);
  g_string_append (long_text, " Slutord");
  g_assert_nonnull (up_project_add_note (project, long_text->str, "internal", "2026-12-01", NULL, &error));
  g_assert_nonnull (up_project_add_note (project, odd, "workshop", "2026-11-30", NULL, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (every); i++)
    g_ptr_array_add (notes, g_list_model_get_item (every, i));
  g_ptr_array_sort (notes, up_note_compare_newest_first);
  for (guint i = 0; i < notes->len; i++)
    g_list_store_append (listed, notes->pdata[i]);

  g_assert_true (up_notes_print_to_pdf (project, G_LIST_MODEL (listed), "22 notes", file, &error));
  g_assert_no_error (error);
  n_pages = pdf_pages (path, &width, &height);
  g_test_message ("%u sheets of %.0f × %.0f pt", n_pages, width, height);
  g_assert_cmpfloat (width, <, height);
  g_assert_cmpuint (n_pages, >=, 4);

  for (guint page = 1; page <= n_pages; page++)
    {
      g_autofree char *text = pdf_text (path, page);
      g_autofree char *footer = g_strdup_printf (_("Page %1$u of %2$u"), page, n_pages);

      g_assert_nonnull (strstr (text, up_project_get_title (project)));
      g_assert_nonnull (strstr (text, footer));
      g_string_append (all, text);
      g_string_append_c (all, ' ');
      if (page == 1)
        first_page = g_steal_pointer (&text);
    }
  g_assert_nonnull (strstr (first_page, "22 notes"));

  /* every word of the long note, once each, in order */
  {
    const char *at = strstr (all->str, "Början");

    g_assert_nonnull (at);
    for (guint i = 1; i <= 1800; i++)
      {
        g_autofree char *word = g_strdup_printf ("ord%u ", i);
        const char *next = strstr (at, word);

        if (next == NULL)
          g_error ("“%s” is not printed after the word before it", word);
        at = next;
      }
    g_assert_nonnull (strstr (at, "Slutord"));
  }
  /* the text as written, not read as markup */
  g_assert_nonnull (strstr (all->str, "<b>&amp;</b>"));
  g_assert_nonnull (strstr (all->str, "\"citat\""));
  /* and the demo's notes, each of them */
  for (guint i = 0; i < notes->len; i++)
    {
      g_auto(GStrv) words = g_strsplit (up_note_get_body (notes->pdata[i]), " ", 4);
      g_autofree char *start = g_strjoin (" ", words[0], words[1] != NULL ? words[1] : "", NULL);

      if (strstr (all->str, g_strstrip (start)) == NULL)
        g_error ("the note “%s” is not printed", up_note_get_body (notes->pdata[i]));
    }
  page_line = g_strdup_printf (_("Page %1$u of %2$u"), n_pages, n_pages);
  g_assert_nonnull (strstr (all->str, page_line));
  test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ui/print/report", test_report);
  g_test_add_data_func ("/ui/print/matrix-pages", GINT_TO_POINTER (UP_CHART_MATRIX), test_row_pages);
  g_test_add_data_func ("/ui/print/timeline-pages", GINT_TO_POINTER (UP_CHART_TIMELINE), test_row_pages);
  g_test_add_func ("/ui/print/white-paper", test_white_paper);
  g_test_add_func ("/ui/print/dialog-cancel", test_dialog_cancel);
  g_test_add_func ("/ui/print/dialog-language", test_dialog_language);
  g_test_add_func ("/ui/print/notes", test_notes);

  return g_test_run ();
}
