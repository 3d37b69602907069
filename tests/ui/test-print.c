/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Printing a chart, under Xvfb: the sheets GTK's print operation makes of
 * the report and of the matrix of a long plan (GTK's own "export" to a PDF,
 * read back with pdfinfo, pdftotext and pdftoppm), and the print dialog
 * opened and cancelled. */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "up-chart-print.h"
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

/* The matrix of a long plan prints on as many portrait sheets as it has
 * pages, each stage on one of them, the pages in order; page 2 says so. */
static void
test_matrix_pages (void)
{
  g_autoptr(UpProject) project = demo ();
  g_autofree char *dir = g_dir_make_tmp ("upphandla-print-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "matrix.pdf", NULL);
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
  n_pages = up_chart_get_n_pages (UP_CHART_MATRIX, project, &options);
  g_assert_cmpuint (n_pages, >, 1);

  g_assert_true (up_chart_print_to_pdf (project, UP_CHART_MATRIX, &options, file, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pdf_pages (path, &width, &height), ==, n_pages);
  g_assert_cmpfloat (height, >, width);

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
  up_chart_print (window, project, UP_CHART_REPORT, &options, on_print_done, &calls);

  wait_until (is_print_dialog_shown, &dialog);
  g_assert_cmpint (calls, ==, 0);

  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  wait_until (is_positive, &calls);
  iterate_pending ();
  g_assert_cmpint (calls, ==, 1);

  gtk_window_destroy (window);
  iterate_pending ();
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ui/print/report", test_report);
  g_test_add_func ("/ui/print/matrix-pages", test_matrix_pages);
  g_test_add_func ("/ui/print/white-paper", test_white_paper);
  g_test_add_func ("/ui/print/dialog-cancel", test_dialog_cancel);

  return g_test_run ();
}
