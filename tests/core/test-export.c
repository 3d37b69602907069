/* SPDX-License-Identifier: GPL-3.0-or-later */

#define _GNU_SOURCE

#include "config.h"

#include <cairo.h>
#include <cairo-pdf.h>
#include <errno.h>
#include <glib/gstdio.h>
#include <grp.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "test-common.h"
#include "test-projects.h"
#include "upphandla.h"
#include "up-chart-private.h"

/* Charts written to PNG, SVG and PDF without a display, read back with the
 * tools a recipient would use (cairo, xmllint, rsvg-convert, pdfinfo,
 * pdftotext); an existing file survives a failed export byte for byte. */

static char *test_root;
static UpProject *demo;

static const UpChartKind all_kinds[] = {
  UP_CHART_WHEEL, UP_CHART_BARS, UP_CHART_MATRIX, UP_CHART_GRID, UP_CHART_REPORT, UP_CHART_TIMELINE,
};
static const UpExportFormat all_formats[] = { UP_EXPORT_PNG, UP_EXPORT_SVG, UP_EXPORT_PDF };

/* Helpers */

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* @dir holds @names (sorted, joined by "/") and nothing else: no
 * temporary file, hidden or not, is left behind. */
static void
assert_dir (const char *dir,
            const char *names)
{
  g_autofree char *listed = test_list_dir (dir);

  g_assert_cmpstr (listed, ==, names);
}

static gboolean
have_tool (const char *name)
{
  g_autofree char *path = g_find_program_in_path (name);

  if (path == NULL)
    {
      g_autofree char *message = g_strdup_printf ("%s is not installed (tools/setup installs it)", name);

      g_test_skip (message);
      return FALSE;
    }
  return TRUE;
}

/* Runs a tool; its stdout, or NULL with the reason logged when it fails. */
static char *
run_tool (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    {
      g_test_message ("%s failed: %s", argv[0], err);
      g_free (out);
      return NULL;
    }
  return out;
}

/* @text with every run of white space as one space: pdftotext breaks
 * lines where the chart wraps them. */
static char *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        space = TRUE;
      else
        {
          if (space && out->len > 0)
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_c (out, *p);
        }
    }
  return g_string_free (out, FALSE);
}

static char *
export_to (UpProject      *project,
           UpChartKind     kind,
           UpExportFormat  format,
           UpLang          lang,
           int             png_width,
           const char     *dir)
{
  g_autofree char *name = g_strdup_printf ("%s-%s.%s", up_chart_kind_get_name (kind),
                                           up_lang_get_code (lang),
                                           up_export_format_get_name (format));
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  UpChartOptions options;

  up_chart_options_init (&options);
  options.lang = lang;
  options.date = "2026-11-27";

  g_assert_true (up_export_chart (project, kind, format, &options, png_width, file, &error));
  g_assert_no_error (error);
  return path;
}

/* The size @kind is laid out for in @lang, as a file has it (with the key
 * of the goals' names): text in another language may take another size. */
static void
natural_size (UpChartKind  kind,
              UpProject   *project,
              UpLang       lang,
              double      *width,
              double      *height)
{
  UpChartOptions options;

  up_chart_options_init (&options);
  options.key = TRUE;
  options.lang = lang;
  options.date = "2026-11-27";
  up_chart_get_size (kind, project, &options, width, height);
}

/* The height of a PNG @png_width wide of a chart laid out at @width ×
 * @height: the chart's aspect, to the nearest pixel. */
static int
png_height (double width,
            double height,
            double png_width)
{
  return MAX (1, (int) round (height * png_width / width));
}

static void
assert_png (const char  *path,
            int          width,
            int          height)
{
  cairo_surface_t *png = cairo_image_surface_create_from_png (path);

  g_assert_cmpint (cairo_surface_status (png), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (png), ==, width);
  g_assert_cmpint (cairo_image_surface_get_height (png), ==, height);
  cairo_surface_destroy (png);
}

static void
assert_svg (const char *path)
{
  g_autofree char *png = g_strconcat (path, ".rendered.png", NULL);
  const char *xmllint[] = { "xmllint", "--noout", "--nonet", "--huge", path, NULL };
  const char *rsvg[] = { "rsvg-convert", "-o", png, path, NULL };
  g_autofree char *lint = run_tool (xmllint);
  g_autofree char *rendered = run_tool (rsvg);
  cairo_surface_t *surface;

  g_assert_nonnull (lint);
  g_assert_nonnull (rendered);
  surface = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (surface), >, 0);
  cairo_surface_destroy (surface);
  g_unlink (png);
}

/* pdfinfo's value of @field ("Pages", "Title", ...). */
static char *
pdf_field (const char *info,
           const char *field)
{
  g_auto(GStrv) lines = g_strsplit (info, "\n", -1);
  g_autofree char *prefix = g_strconcat (field, ":", NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], prefix))
      return g_strstrip (g_strdup (lines[i] + strlen (prefix)));
  return NULL;
}

static char *
pdf_info (const char *path)
{
  const char *argv[] = { "pdfinfo", "-enc", "UTF-8", path, NULL };
  char *info = run_tool (argv);

  g_assert_nonnull (info);
  return info;
}

static char *
pdf_text (const char *path)
{
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
  g_autofree char *text = run_tool (argv);

  g_assert_nonnull (text);
  return squeeze (text);
}

/* One page of a PDF as pdftotext -bbox gives it: its size and where its
 * first word starts, in points. */
typedef struct
{
  double width, height;
  double x, y;
} PdfPage;

static GArray *
pdf_pages (const char *path)
{
  const char *argv[] = { "pdftotext", "-bbox", "-enc", "UTF-8", path, "-", NULL };
  g_autofree char *out = run_tool (argv);
  g_autoptr(GRegex) regex = g_regex_new ("<page width=\"([0-9.]+)\" height=\"([0-9.]+)\">\\s*"
                                         "<word xMin=\"([-0-9.]+)\" yMin=\"([-0-9.]+)\"", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  GArray *pages = g_array_new (FALSE, FALSE, sizeof (PdfPage));

  g_assert_nonnull (out);
  g_regex_match (regex, out, 0, &match);
  while (g_match_info_matches (match))
    {
      double values[4];
      PdfPage page;

      for (int i = 0; i < 4; i++)
        {
          g_autofree char *number = g_match_info_fetch (match, i + 1);

          values[i] = g_ascii_strtod (number, NULL);
        }
      page = (PdfPage) { values[0], values[1], values[2], values[3] };
      g_array_append_val (pages, page);
      g_match_info_next (match, NULL);
    }
  return pages;
}

/* Tests */

/* The width and height of an SVG's drawing, as its svg element gives them. */
static char *
svg_size_of (GBytes *svg)
{
  g_autoptr(GRegex) regex = g_regex_new ("<svg[^>]* width=\"([^\"]+)\" height=\"([^\"]+)\"", G_REGEX_RAW, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  gsize length;
  const char *data = g_bytes_get_data (svg, &length);
  g_autofree char *width = NULL;
  g_autofree char *height = NULL;

  g_assert_true (g_regex_match_full (regex, data, length, 0, 0, &match, NULL));
  width = g_match_info_fetch (match, 1);
  height = g_match_info_fetch (match, 2);
  return g_strdup_printf ("%s × %s", width, height);
}

static char *
export_slide_pages (UpProject      *project,
                    UpChartKind     kind,
                    UpExportFormat  format,
                    gboolean        slide_pages,
                    const char     *dir)
{
  g_autofree char *name = g_strdup_printf ("%s-%s-%s.%s", up_project_get_title (project),
                                           up_chart_kind_get_name (kind), slide_pages ? "slides" : "pages",
                                           up_export_format_get_name (format));
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  UpChartOptions options;

  up_chart_options_init (&options);
  options.lang = UP_LANG_EN;
  options.date = "2026-11-27";
  options.slide_pages = slide_pages;
  g_assert_true (up_export_chart (project, kind, format, &options, 0, file, &error));
  g_assert_no_error (error);
  return path;
}

/* Slides to show one after the other (UpChartOptions.slide_pages, the
 * export dialog's "Slides, 16:9", the command line's --slide): every
 * page of a PDF 16:9, of every kind, of one page or of many (a plan of
 * 100 stages), the chart on it as it is, in the middle, only the page
 * grown on one side. Before, each page was the chart's own size: the
 * wheel's 569 × 906 pt, which a projector showed between black bars.
 * An SVG, one picture, is as large with it as without. */
static void
test_pdf_slide_pages (void)
{
  g_autofree char *dir = test_new_dir (test_root, "slide-pages");
  g_autoptr(UpProject) long_plan = test_long_project (100);
  UpProject *projects[] = { demo, long_plan };

  if (!have_tool ("pdftotext"))
    {
      g_test_skip ("pdftotext is not installed (tools/setup installs it)");
      return;
    }

  for (guint p = 0; p < G_N_ELEMENTS (projects); p++)
    for (UpChartKind kind = UP_CHART_WHEEL; kind <= UP_CHART_TIMELINE; kind++)
      {
        g_autofree char *pages_path = export_slide_pages (projects[p], kind, UP_EXPORT_PDF, FALSE, dir);
        g_autofree char *slides_path = export_slide_pages (projects[p], kind, UP_EXPORT_PDF, TRUE, dir);
        g_autofree char *svg_path = export_slide_pages (projects[p], kind, UP_EXPORT_SVG, FALSE, dir);
        g_autofree char *svg_slides_path = export_slide_pages (projects[p], kind, UP_EXPORT_SVG, TRUE, dir);
        g_autoptr(GArray) pages = pdf_pages (pages_path);
        g_autoptr(GArray) slides = pdf_pages (slides_path);
        g_autoptr(GBytes) svg = test_read_bytes (svg_path);
        g_autoptr(GBytes) svg_slides = test_read_bytes (svg_slides_path);
        g_autofree char *svg_size = svg_size_of (svg);
        g_autofree char *svg_slides_size = svg_size_of (svg_slides);

        g_assert_cmpuint (pages->len, >, 0);
        g_assert_cmpuint (slides->len, ==, pages->len);
        for (guint i = 0; i < slides->len; i++)
          {
            const PdfPage *page = &g_array_index (pages, PdfPage, i);
            const PdfPage *slide = &g_array_index (slides, PdfPage, i);

            g_test_message ("%s, %s, page %u: %.1f × %.1f pt, as a slide %.1f × %.1f pt",
                            up_project_get_title (projects[p]), up_chart_kind_get_name (kind), i + 1,
                            page->width, page->height, slide->width, slide->height);
            g_assert_cmpfloat_with_epsilon (slide->height, slide->width * 9 / 16, 0.01);
            g_assert_true (fabs (slide->width - page->width) < 0.01 || fabs (slide->height - page->height) < 0.01);
            g_assert_cmpfloat (slide->width, >, page->width - 0.01);
            g_assert_cmpfloat (slide->height, >, page->height - 0.01);
            g_assert_cmpfloat_with_epsilon (slide->x - page->x, (slide->width - page->width) / 2, 0.05);
            g_assert_cmpfloat_with_epsilon (slide->y - page->y, (slide->height - page->height) / 2, 0.05);
          }
        /* cairo numbers each drawing's ids anew: its size is compared */
        g_assert_cmpstr (svg_size, ==, svg_slides_size);
      }
}

static void
test_formats (void)
{
  UpExportFormat format = UP_EXPORT_SVG;

  for (guint i = 0; i < G_N_ELEMENTS (all_formats); i++)
    {
      const char *name = up_export_format_get_name (all_formats[i]);

      g_assert_true (up_export_format_parse (name, &format));
      g_assert_cmpint (format, ==, all_formats[i]);
    }
  g_assert_false (up_export_format_parse ("jpeg", &format));
  g_assert_false (up_export_format_parse ("PNG", &format));
  g_assert_false (up_export_format_parse (NULL, &format));
  g_assert_cmpstr (up_export_format_get_mime_type (UP_EXPORT_PNG), ==, "image/png");
  g_assert_cmpstr (up_export_format_get_mime_type (UP_EXPORT_SVG), ==, "image/svg+xml");
  g_assert_cmpstr (up_export_format_get_mime_type (UP_EXPORT_PDF), ==, "application/pdf");

  {
    static const struct { const char *path; gboolean found; UpExportFormat format; } cases[] = {
      { "/tmp/wheel.png", TRUE, UP_EXPORT_PNG },
      { "/tmp/Hjul.SVG", TRUE, UP_EXPORT_SVG },
      { "/tmp/rapport.v2.pdf", TRUE, UP_EXPORT_PDF },
      { "/tmp/wheel", FALSE, 0 },
      { "/tmp/wheel.", FALSE, 0 },
      { "/tmp/plan.upphandla", FALSE, 0 },
      { "/tmp/charts.png/wheel", FALSE, 0 },
    };

    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        g_autoptr(GFile) file = g_file_new_for_path (cases[i].path);

        format = 99;
        g_assert_cmpint (up_export_format_for_file (file, &format), ==, cases[i].found);
        if (cases[i].found)
          g_assert_cmpint (format, ==, cases[i].format);
      }
  }
}

/* Every chart in every format, in both languages. */
static void
test_every_kind_and_format (void)
{
  g_autofree char *dir = test_new_dir (test_root, "all");
  g_autoptr(GString) expected = g_string_new (NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  if (!have_tool ("xmllint") || !have_tool ("rsvg-convert") || !have_tool ("pdfinfo"))
    return;

  for (guint k = 0; k < G_N_ELEMENTS (all_kinds); k++)
    for (guint f = 0; f < G_N_ELEMENTS (all_formats); f++)
      for (UpLang lang = UP_LANG_EN; lang <= UP_LANG_SV; lang++)
        {
          UpChartKind kind = all_kinds[k];
          g_autofree char *path = export_to (demo, kind, all_formats[f], lang, 0, dir);
          double width, height;

          g_test_message ("%s", path);
          g_ptr_array_add (names, g_path_get_basename (path));
          natural_size (kind, demo, lang, &width, &height);

          switch (all_formats[f])
            {
            case UP_EXPORT_PNG:
              /* the natural size at 2× */
              assert_png (path, (int) ceil (width * 2), png_height (width, height, ceil (width * 2)));
              break;

            case UP_EXPORT_SVG:
              assert_svg (path);
              {
                g_autofree char *contents = NULL;
                g_autofree char *escaped = g_markup_escape_text (up_project_get_title (demo), -1);
                g_autofree char *title = g_strdup_printf ("<title>%s – %s</title>",
                                                          up_chart_kind_get_title (kind, lang), escaped);

                /* what a screen reader names the picture by */
                g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
                g_assert_nonnull (strstr (contents, title));
              }
              break;

            case UP_EXPORT_PDF:
              {
                g_autofree char *info = pdf_info (path);
                g_autofree char *pages = pdf_field (info, "Pages");
                g_autofree char *title = pdf_field (info, "Title");
                g_autofree char *author = pdf_field (info, "Author");
                g_autofree char *size = pdf_field (info, "Page size");
                double page_width = 0, page_height = 0;

                /* the demo's matrix and timeline each print on one page
                 * of their own size */
                g_assert_cmpstr (pages, ==, "1");
                g_assert_nonnull (title);
                g_assert_nonnull (strstr (title, up_chart_kind_get_title (kind, lang)));
                g_assert_nonnull (strstr (title, up_project_get_title (demo)));
                /* the organisation wrote it; the app is its creator */
                g_assert_cmpstr (author, ==, up_project_get_organisation (demo));
                g_assert_nonnull (size);
                g_assert_cmpint (sscanf (size, "%lf x %lf pts", &page_width, &page_height), ==, 2);
                g_assert_cmpfloat_with_epsilon (page_width, width, 0.01);
                g_assert_cmpfloat_with_epsilon (page_height, height, 0.01);
                if (kind == UP_CHART_REPORT)
                  g_assert_cmpstr (size, ==, "841.89 x 595.28 pts (A4)");
              }
              break;

            default:
              g_assert_not_reached ();
            }
        }

  /* nothing but the exports: no temporary file is left */
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    g_string_append_printf (expected, "%s%s", i > 0 ? "/" : "", (char *) g_ptr_array_index (names, i));
  assert_dir (dir, expected->str);
}

static void
test_png_width (void)
{
  g_autofree char *dir = test_new_dir (test_root, "png-width");
  const int widths[] = { UP_EXPORT_PNG_WIDTH_MIN, 333, 1000, 2999 };

  for (guint k = 0; k < G_N_ELEMENTS (all_kinds); k++)
    for (guint i = 0; i < G_N_ELEMENTS (widths); i++)
      {
        UpChartKind kind = all_kinds[k];
        g_autofree char *path = export_to (demo, kind, UP_EXPORT_PNG, UP_LANG_SV, widths[i], dir);
        double width, height;

        natural_size (kind, demo, UP_LANG_SV, &width, &height);
        /* the height follows the chart's aspect */
        assert_png (path, widths[i], png_height (width, height, widths[i]));
      }
}

/* Exports @kind of @project as a PNG @w pixels wide (0: the default) into
 * @dir and asserts that it holds exactly the pixels of a render of the
 * same chart on a white page in memory, read back through Cairo's reader
 * (which checks every chunk's checksum and zlib's the stream's). */
static void
assert_png_is_render (UpProject      *project,
                      UpChartKind     kind,
                      UpChartOptions *options,
                      int             w,
                      const char     *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  cairo_surface_t *read, *drawn;
  cairo_t *cr;
  double width, height, scale;
  int h, stride;
  guint differ = 0;

  g_assert_true (up_export_chart (project, kind, UP_EXPORT_PNG, options, w, file, &error));
  g_assert_no_error (error);

  /* as the file has it: light, with the goals' names */
  options->dark = FALSE;
  options->key = TRUE;
  up_chart_get_size (kind, project, options, &width, &height);
  if (w == 0)
    w = (int) ceil (width * 2);
  h = png_height (width, height, w);
  scale = w / width;
  drawn = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
  cr = cairo_create (drawn);
  /* the page white to the last row of pixels, which the chart's height in
   * pixels, rounded up, covers only in part */
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  up_chart_draw (kind, project, options, cr, width, height);
  cairo_destroy (cr);
  read = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (read), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (read), ==, w);
  g_assert_cmpint (cairo_image_surface_get_height (read), ==, h);

  cairo_surface_flush (drawn);
  stride = cairo_image_surface_get_stride (drawn);
  g_assert_cmpint (cairo_image_surface_get_stride (read), ==, stride);
  for (int y = 0; y < h; y++)
    {
      const guint32 *a = (const guint32 *) (cairo_image_surface_get_data (drawn) + (gsize) y * stride);
      const guint32 *b = (const guint32 *) (cairo_image_surface_get_data (read) + (gsize) y * stride);

      for (int x = 0; x < w; x++)
        if (a[x] != b[x])
          differ++;
    }
  g_assert_cmpuint (differ, ==, 0);
  cairo_surface_destroy (read);
  cairo_surface_destroy (drawn);
}

/* The PNG holds exactly the pixels the chart draws: the export's own PNG
 * encoder (Cairo's pixels to RGB, row filters, the image compressed in a
 * piece per processor) read back equals a render in memory. An export is
 * light even when asked for the dark style. */
static void
test_png_pixels (void)
{
  g_autofree char *dir = test_new_dir (test_root, "png-pixels");

  for (guint dark = 0; dark <= 1; dark++)
    {
      g_autofree char *name = g_strdup_printf ("wheel-%u.png", dark);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      UpChartOptions options;

      up_chart_options_init (&options);
      options.lang = UP_LANG_EN;
      options.date = "2026-11-27";
      options.dark = dark;
      /* an odd width: the encoder takes the pixels two at a time */
      assert_png_is_render (demo, UP_CHART_WHEEL, &options, 641, path);
    }
}

/* A PNG's last row of pixels is the page's white: the chart's height in
 * pixels is rounded up, and the part of the row it did not cover showed
 * the black of the image through, a grey line along the bottom. */
static void
test_png_last_row (void)
{
  g_autofree char *dir = test_new_dir (test_root, "png-last-row");
  const UpChartKind kinds[] = { UP_CHART_WHEEL, UP_CHART_BARS, UP_CHART_GRID, UP_CHART_REPORT };

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autofree char *name = g_strdup_printf ("%u.png", k);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      cairo_surface_t *read;
      const guint8 *data;
      int w, h, stride;

      g_assert_true (up_export_chart (demo, kinds[k], UP_EXPORT_PNG, NULL, 0, file, &error));
      g_assert_no_error (error);
      read = cairo_image_surface_create_from_png (path);
      g_assert_cmpint (cairo_surface_status (read), ==, CAIRO_STATUS_SUCCESS);
      w = cairo_image_surface_get_width (read);
      h = cairo_image_surface_get_height (read);
      stride = cairo_image_surface_get_stride (read);
      data = cairo_image_surface_get_data (read);
      for (int x = 0; x < w; x++)
        {
          guint32 pixel = *(const guint32 *) (data + (h - 1) * stride + 4 * x);

          if ((pixel & 0xFFFFFF) != 0xFFFFFF)
            g_error ("chart %u: pixel %d of the last row is #%06X", k, x, pixel & 0xFFFFFF);
        }
      cairo_surface_destroy (read);
    }
}

/* The widest PNG a chart can have: the whole range for a chart wider than
 * it is tall; less for a taller one (the pixels of the widest square are
 * the limit), and one pixel more is refused before anything is drawn. */
static void
test_png_width_max (void)
{
  g_autofree char *dir = test_new_dir (test_root, "png-width-max");
  g_autofree char *path = g_build_filename (dir, "wheel.png", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  UpChartOptions options;
  double width, height;
  int max;

  up_chart_options_init (&options);
  g_assert_cmpint (up_export_get_png_width_max (demo, UP_CHART_MATRIX, &options), ==,
                   UP_EXPORT_PNG_WIDTH_MAX);

  max = up_export_get_png_width_max (demo, UP_CHART_WHEEL, NULL);
  g_assert_cmpint (max, ==, up_export_get_png_width_max (demo, UP_CHART_WHEEL, &options));
  options.decorations = TRUE;
  options.key = TRUE;
  up_chart_get_size (UP_CHART_WHEEL, demo, &options, &width, &height);
  g_assert_cmpfloat (height, >, width);
  g_assert_cmpint (max, <, UP_EXPORT_PNG_WIDTH_MAX);
  /* the widest square's pixels, within one step of the width (which adds
   * height / width rows of max pixels) and one row of rounding */
  g_assert_cmpfloat (fabs (max * (max * height / width) -
                           (double) UP_EXPORT_PNG_WIDTH_MAX * UP_EXPORT_PNG_WIDTH_MAX),
                     <, 2.0 * max * height / width + max);

  g_assert_false (up_export_chart (demo, UP_CHART_WHEEL, UP_EXPORT_PNG, NULL, max + 1, file, &error));
  g_assert_error (error, UP_EXPORT_ERROR, UP_EXPORT_ERROR_INVALID);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* What an export refuses leaves nothing behind, and an existing output is
 * as it was. */
static void
test_invalid_options (void)
{
  g_autofree char *dir = test_new_dir (test_root, "invalid");
  g_autofree char *path = g_build_filename (dir, "chart.png", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  const int bad_widths[] = { -1, 1, UP_EXPORT_PNG_WIDTH_MIN - 1, UP_EXPORT_PNG_WIDTH_MAX + 1, G_MAXINT };
  g_autoptr(GBytes) before = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (bad_widths); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (up_export_chart (demo, UP_CHART_WHEEL, UP_EXPORT_PNG, NULL, bad_widths[i],
                                       file, &error));
      g_assert_error (error, UP_EXPORT_ERROR, UP_EXPORT_ERROR_INVALID);
      g_test_message ("%s", error->message);
      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
    }
  assert_dir (dir, "");

  /* an existing file survives the same failure byte for byte */
  g_assert_true (g_file_set_contents (path, "the chart of last week\n", -1, NULL));
  before = test_read_bytes (path);
  for (guint i = 0; i < G_N_ELEMENTS (bad_widths); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) after = NULL;

      g_assert_false (up_export_chart (demo, UP_CHART_REPORT, UP_EXPORT_PNG, NULL, bad_widths[i],
                                       file, &error));
      g_assert_error (error, UP_EXPORT_ERROR, UP_EXPORT_ERROR_INVALID);
      after = test_read_bytes (path);
      g_assert_true (g_bytes_equal (before, after));
    }
  assert_dir (dir, "chart.png");

  /* a width is only for PNG */
  {
    g_autofree char *svg = g_build_filename (dir, "chart.svg", NULL);
    g_autoptr(GFile) svg_file = g_file_new_for_path (svg);
    g_autoptr(GError) error = NULL;

    g_assert_true (up_export_chart (demo, UP_CHART_WHEEL, UP_EXPORT_SVG, NULL, 5, svg_file, &error));
    g_assert_no_error (error);
  }
}

static void
assert_write_fails (const char *path,
                    const char *message_part)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_false (up_export_chart (demo, UP_CHART_BARS, UP_EXPORT_PDF, NULL, 0, file, &error));
  g_assert_error (error, UP_EXPORT_ERROR, UP_EXPORT_ERROR_WRITE);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, message_part));
}

static void
test_write_errors (void)
{
  g_autofree char *dir = test_new_dir (test_root, "write-errors");
  g_autofree char *missing = g_build_filename (dir, "no such folder", "chart.pdf", NULL);
  g_autofree char *folder = g_build_filename (dir, "chart.pdf", NULL);
  g_autofree char *inside = g_build_filename (folder, "kept.txt", NULL);

  assert_write_fails (missing, "“chart.pdf”");
  assert_write_fails (missing, "folder does not exist");
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));

  /* a folder where the file should go is left alone, with what is in it */
  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  g_assert_true (g_file_set_contents (inside, "kept", -1, NULL));
  assert_write_fails (folder, "is a folder");
  g_assert_true (g_file_test (inside, G_FILE_TEST_IS_REGULAR));
  assert_dir (dir, "chart.pdf");
}

static int
wait_child (pid_t pid)
{
  int status = 0;

  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  if (WIFEXITED (status))
    return WEXITSTATUS (status);
  g_test_message ("the child ended by signal %d", WTERMSIG (status));
  return -1;
}

static int
child_export_refused (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  if (!test_drop_to_nobody ())
    return 3;
  if (up_export_chart (demo, UP_CHART_WHEEL, UP_EXPORT_PNG, NULL, 0, file, &error))
    return 4;
  if (!g_error_matches (error, UP_EXPORT_ERROR, UP_EXPORT_ERROR_WRITE) ||
      strstr (error->message, "permission") == NULL)
    {
      g_printerr ("unexpected error: %s\n", error->message);
      return 5;
    }
  return 0;
}

typedef struct
{
  const char *name;
  int         dir_mode;
  int         file_mode;
} ReadOnlyCase;

static const ReadOnlyCase read_only_cases[] = {
  { "folder-and-file", 0555, 0444 },
  /* a writable file in a folder that is not: no temporary file can go
   * beside it, and it must not be rewritten in place instead */
  { "folder", 0555, 0666 },
  /* a read-only file in a writable folder is not replaced either */
  { "file", 0777, 0444 },
};

static void
test_read_only (gconstpointer data)
{
  const ReadOnlyCase *ro = data;
  g_autofree char *dir = test_new_dir (test_root, ro->name);
  g_autofree char *path = g_build_filename (dir, "wheel.png", NULL);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  pid_t pid;

  g_assert_true (g_file_set_contents (path, "the wheel of last week\n", -1, NULL));
  before = test_read_bytes (path);
  g_assert_cmpint (g_chmod (path, ro->file_mode), ==, 0);
  g_assert_cmpint (g_chmod (dir, ro->dir_mode), ==, 0);

  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    _exit (child_export_refused (path));

  g_assert_cmpint (wait_child (pid), ==, 0);
  g_chmod (dir, 0755);
  after = test_read_bytes (path);
  g_assert_true (g_bytes_equal (before, after));
  assert_dir (dir, "wheel.png");
}

static int
child_full_disk (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  struct rlimit limit = { 4096, 4096 };

  /* a write past the limit fails with EFBIG instead of killing the child */
  signal (SIGXFSZ, SIG_IGN);
  if (setrlimit (RLIMIT_FSIZE, &limit) != 0)
    return 3;
  if (up_export_chart (demo, UP_CHART_REPORT, UP_EXPORT_PNG, NULL, 0, file, &error))
    return 4;
  if (!g_error_matches (error, UP_EXPORT_ERROR, UP_EXPORT_ERROR_WRITE) ||
      strstr (error->message, "disk is full") == NULL)
    {
      g_printerr ("unexpected error: %s\n", error->message);
      return 5;
    }
  return 0;
}

static void
test_full_disk (void)
{
  g_autofree char *dir = test_new_dir (test_root, "full-disk");
  g_autofree char *path = g_build_filename (dir, "report.png", NULL);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  pid_t pid;

  g_assert_true (g_file_set_contents (path, "the report of last week\n", -1, NULL));
  before = test_read_bytes (path);

  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    _exit (child_full_disk (path));

  g_assert_cmpint (wait_child (pid), ==, 0);
  after = test_read_bytes (path);
  g_assert_true (g_bytes_equal (before, after));
  assert_dir (dir, "report.png");
}

/* A later export replaces the earlier one, keeps its permissions, and
 * writes through a symbolic link rather than over it. */
static void
test_replace (void)
{
  g_autofree char *dir = test_new_dir (test_root, "replace");
  g_autofree char *path = g_build_filename (dir, "bars.svg", NULL);
  g_autofree char *link = g_build_filename (dir, "latest.svg", NULL);
  g_autoptr(GFile) link_file = g_file_new_for_path (link);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  GStatBuf st;

  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  g_assert_cmpint (g_chmod (path, 0640), ==, 0);
  g_assert_cmpint (symlink ("bars.svg", link), ==, 0);

  g_assert_true (up_export_chart (demo, UP_CHART_BARS, UP_EXPORT_SVG, NULL, 0, link_file, &error));
  g_assert_no_error (error);

  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "<?xml"));
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0640);
  assert_dir (dir, "bars.svg/latest.svg");
}

/* The text of the PDF in @lang: the chart's title and the goal names in
 * that language, never the other's. Needs the drawing of the charts. */
static void
test_pdf_text (gconstpointer data)
{
  UpLang lang = GPOINTER_TO_INT (data);
  UpLang other = lang == UP_LANG_SV ? UP_LANG_EN : UP_LANG_SV;
  g_autofree char *dir = test_new_dir (test_root, lang == UP_LANG_SV ? "text-sv" : "text-en");
  const UpChartKind kinds[] = { UP_CHART_WHEEL, UP_CHART_BARS, UP_CHART_MATRIX, UP_CHART_REPORT, UP_CHART_TIMELINE };

  if (!have_tool ("pdftotext"))
    return;

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autofree char *path = export_to (demo, kinds[k], UP_EXPORT_PDF, lang, 0, dir);
      g_autofree char *text = pdf_text (path);
      g_autofree char *title = squeeze (up_chart_kind_get_title (kinds[k], lang));
      g_autofree char *project = squeeze (up_project_get_title (demo));

      g_test_message ("%s: %s", up_chart_kind_get_name (kinds[k]), text);
      g_assert_nonnull (strstr (text, title));
      g_assert_nonnull (strstr (text, project));
    }

  /* every chart that shows goals names them: the bars beside each bar,
   * the wheel and the matrix, which show numbers, in a key of all 17; the
   * timeline in a key of those its rows show, the goals its stages serve */
  for (guint k = 0; k < 4; k++)
    {
      UpChartKind kind = (UpChartKind[]) { UP_CHART_BARS, UP_CHART_WHEEL, UP_CHART_MATRIX, UP_CHART_TIMELINE }[k];
      g_autofree char *path = export_to (demo, kind, UP_EXPORT_PDF, lang, 0, dir);
      g_autofree char *text = pdf_text (path);
      guint32 shown = 0;

      if (kind == UP_CHART_TIMELINE)
        for (guint i = 0; i < g_list_model_get_n_items (up_project_get_sdg_links (demo)); i++)
          {
            g_autoptr(UpSdgLink) link = g_list_model_get_item (up_project_get_sdg_links (demo), i);

            if (up_sdg_link_get_stage_id (link) != 0 && up_sdg_impact_serves (up_sdg_link_get_impact (link)))
              shown |= 1u << up_sdg_goal_of_target (up_sdg_link_get_target (link));
          }
      else
        shown = ~0u;
      /* the demo serves some goals and not others */
      if (kind == UP_CHART_TIMELINE)
        g_assert_true (shown != 0 && (shown & 0x3fffe) != 0x3fffe);

      for (guint goal = 1; goal <= UP_SDG_N_GOALS; goal++)
        {
          const UpSdgGoal *g = up_sdg_get_goal (goal);
          g_autofree char *name = squeeze (up_sdg_goal_get_name_in (g, lang));
          g_autofree char *other_name = squeeze (up_sdg_goal_get_name_in (g, other));

          if ((shown & (1u << goal)) == 0)
            {
              if (strstr (text, name) != NULL)
                g_error ("the %s %s names goal %u, “%s”, which it does not show", up_lang_get_code (lang),
                         up_chart_kind_get_name (kind), goal, name);
              continue;
            }
          if (strstr (text, name) == NULL)
            g_error ("the %s %s does not name goal %u, “%s”", up_lang_get_code (lang),
                     up_chart_kind_get_name (kind), goal, name);
          if (strcmp (name, other_name) != 0 && strstr (text, other_name) != NULL)
            g_error ("the %s %s names goal %u in the other language, “%s”",
                     up_lang_get_code (lang), up_chart_kind_get_name (kind), goal, other_name);
        }
    }
}

/* A tall chart is drawn in bands, each compressed while the next is drawn,
 * and the pieces joined into one image: the matrix of 300 stages, some of
 * them harming their goal (a hatch across the bands' seams), read back
 * equals the chart drawn whole, at the default width (a whole scale) and
 * at one where the text is drawn as paths. */
static void
test_png_bands (void)
{
  g_autofree char *dir = test_new_dir (test_root, "png-bands");
  g_autoptr(UpProject) project = test_long_project (300);
  GListModel *stages = up_project_get_stages (project);
  g_autoptr(GError) error = NULL;
  const int widths[] = { 0, 1000 };

  up_project_begin_group (project, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (stages); i += 7)
    {
      g_autoptr(UpStage) stage = g_list_model_get_item (stages, i);

      up_project_add_sdg_link (project, UP_RECORD (stage), up_sdg_get_goal (1 + (i + 5) % 17)->targets[1],
                               i % 2 ? "negative" : "unknown", 2, NULL, &error);
      g_assert_no_error (error);
    }
  g_assert_true (up_project_end_group (project, &error));
  g_assert_no_error (error);

  /* the timeline's rows, axis lines and today's line cross the seams too */
  for (guint k = 0; k < 2; k++)
    for (guint i = 0; i < G_N_ELEMENTS (widths); i++)
      {
        UpChartKind kind = k == 0 ? UP_CHART_MATRIX : UP_CHART_TIMELINE;
        g_autofree char *name = g_strdup_printf ("%s-%d.png", up_chart_kind_get_name (kind), widths[i]);
        g_autofree char *path = g_build_filename (dir, name, NULL);
        UpChartOptions options;
        double width, height;

        up_chart_options_init (&options);
        options.lang = UP_LANG_SV;
        options.date = "2026-12-03";
        up_chart_get_size (kind, project, &options, &width, &height);
        /* taller than a band (4 MiB of pixels), many times over */
        g_assert_cmpfloat (2 * width * 4 * 2 * height, >, 8 * (4 << 20));
        assert_png_is_render (project, kind, &options, widths[i], path);
      }
}

/* Every PNG is compressed by our own deflate encoder (up-deflate.c), which
 * cairo reads back through libpng and zlib in the other tests. pngcheck is
 * a decoder of its own: it checks each chunk's CRC, the zlib stream to its
 * Adler-32 and every row's filter type, as a recipient's viewer would meet
 * them. Every kind in both languages, at the natural size and at an odd
 * width, and a matrix of many bands and deflate blocks. */
static void
test_pngcheck (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(UpProject) long_plan = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  const int widths[] = { 0, 333 };
  int status = 0;

  if (!have_tool ("pngcheck"))
    return;

  dir = test_new_dir (test_root, "pngcheck");
  g_ptr_array_add (argv, g_strdup ("pngcheck"));
  g_ptr_array_add (argv, g_strdup ("-q"));
  for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
    {
      g_autofree char *name = g_strdup_printf ("%d", widths[w]);
      g_autofree char *sub = g_build_filename (dir, name, NULL);

      g_assert_cmpint (g_mkdir (sub, 0755), ==, 0);
      for (guint k = 0; k < G_N_ELEMENTS (all_kinds); k++)
        for (UpLang lang = UP_LANG_EN; lang <= UP_LANG_SV; lang++)
          g_ptr_array_add (argv, export_to (demo, all_kinds[k], UP_EXPORT_PNG, lang, widths[w], sub));
    }
  long_plan = test_long_project (300);
  g_ptr_array_add (argv, export_to (long_plan, UP_CHART_MATRIX, UP_EXPORT_PNG, UP_LANG_SV, 0, dir));
  g_ptr_array_add (argv, NULL);

  /* -q prints only what is wrong, on stdout, and exits 1 on any error */
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (out, ==, "");
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}

/* pdftotext of one page. */
static char *
pdf_page_text (const char *path,
               guint       page)
{
  g_autofree char *number = g_strdup_printf ("%u", page);
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", "-f", number, "-l", number, path, "-", NULL };
  g_autofree char *text = run_tool (argv);

  g_assert_nonnull (text);
  return squeeze (text);
}

/* The matrix's column of dates has a heading, in the chart's language, so
 * that a reader does not take a stage's start for its deadline; every
 * page of a long plan has it. */
static void
test_matrix_date_heading (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(UpProject) long_plan = NULL;
  g_autofree char *path = NULL;
  g_autofree char *info = NULL;
  g_autofree char *pages = NULL;
  guint n_pages;

  if (!have_tool ("pdftotext") || !have_tool ("pdfinfo"))
    return;

  dir = test_new_dir (test_root, "matrix-date-heading");
  for (UpLang lang = UP_LANG_EN; lang <= UP_LANG_SV; lang++)
    {
      g_autofree char *demo_path = export_to (demo, UP_CHART_MATRIX, UP_EXPORT_PDF, lang, 0, dir);
      g_autofree char *text = pdf_text (demo_path);

      g_test_message ("%s", text);
      g_assert_nonnull (strstr (text, lang == UP_LANG_SV ? "Startdatum" : "Start date"));
    }

  long_plan = test_long_project (120);
  path = export_to (long_plan, UP_CHART_MATRIX, UP_EXPORT_PDF, UP_LANG_EN, 0, dir);
  info = pdf_info (path);
  pages = pdf_field (info, "Pages");
  n_pages = (guint) g_ascii_strtoull (pages, NULL, 10);
  g_assert_cmpuint (n_pages, >, 1);
  for (guint page = 1; page <= n_pages; page++)
    {
      g_autofree char *text = pdf_page_text (path, page);

      g_assert_nonnull (strstr (text, "Start date"));
    }
}

/* Whether page @page of the PDF at @path, laid out as it is printed, has
 * a line of the goals' numbers 1 to 17 in their order and nothing else
 * but the heading of the dates' column before them: the chips over the
 * matrix's columns. */
static gboolean
pdf_page_has_goal_chips (const char *path,
                         guint       page)
{
  g_autofree char *number = g_strdup_printf ("%u", page);
  const char *argv[] = { "pdftotext", "-layout", "-enc", "UTF-8", "-f", number, "-l", number, path, "-", NULL };
  g_autofree char *text = run_tool (argv);

  g_assert_nonnull (text);
  return g_regex_match_simple ("^ *(Start date +|Startdatum +)?1 +2 +3 +4 +5 +6 +7 +8 +9 +10 +11 +12 +13 +14 +15 +16 +17 *$",
                               text, G_REGEX_MULTILINE, 0);
}

/* A4 and what a printer prints of it, a quarter inch (GTK's margin) in
 * from each edge, in points. */
#define A4_LONG 841.89
#define A4_SHORT 595.28
#define PRINT_MARGIN 18.0

/* The words on @page of the PDF at @path as pdftotext boxes them: their
 * heights in @heights, the page's size in @width and @height. */
static void
pdf_page_word_heights (const char *path,
                       guint       page,
                       GArray     *heights,
                       double     *width,
                       double     *height)
{
  g_autofree char *number = g_strdup_printf ("%u", page);
  const char *argv[] = { "pdftotext", "-bbox", "-enc", "UTF-8", "-f", number, "-l", number, path, "-", NULL };
  g_autofree char *out = run_tool (argv);
  g_autoptr(GRegex) page_regex = g_regex_new ("<page width=\"([0-9.]+)\" height=\"([0-9.]+)\"", 0, 0, NULL);
  g_autoptr(GRegex) word_regex = g_regex_new ("yMin=\"([-0-9.]+)\" xMax=\"[-0-9.]+\" yMax=\"([-0-9.]+)\">",
                                              0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;

  g_assert_nonnull (out);
  g_assert_true (g_regex_match (page_regex, out, 0, &match));
  {
    g_autofree char *w = g_match_info_fetch (match, 1);
    g_autofree char *h = g_match_info_fetch (match, 2);

    *width = g_ascii_strtod (w, NULL);
    *height = g_ascii_strtod (h, NULL);
  }
  g_clear_pointer (&match, g_match_info_free);
  for (g_regex_match (word_regex, out, 0, &match); g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      g_autofree char *y1 = g_match_info_fetch (match, 1);
      g_autofree char *y2 = g_match_info_fetch (match, 2);
      double h = g_ascii_strtod (y2, NULL) - g_ascii_strtod (y1, NULL);

      g_array_append_val (heights, h);
    }
}

/* How tall pdftotext boxes a word of the charts' font set in 8 pt (the
 * smaller of regular and bold): the boxes are the font's ascent and
 * descent, not its size. */
static double
pdf_height_of_8pt (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "eight-points.pdf", NULL);
  g_autoptr(GArray) heights = g_array_new (FALSE, FALSE, sizeof (double));
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 200, 100);
  cairo_t *cr = cairo_create (surface);
  double smallest = G_MAXDOUBLE, width, height;

  for (int bold = 0; bold <= 1; bold++)
    {
      PangoLayout *layout = pango_cairo_create_layout (cr);
      PangoFontDescription *font = pango_font_description_from_string (UP_CHART_FONT);

      pango_font_description_set_absolute_size (font, 8 * PANGO_SCALE);
      pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
      pango_layout_set_font_description (layout, font);
      pango_layout_set_text (layout, bold ? "17 Jan" : "5 Jan", -1);
      cairo_move_to (cr, 10, 10 + bold * 40);
      pango_cairo_show_layout (cr, layout);
      pango_font_description_free (font);
      g_object_unref (layout);
    }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  pdf_page_word_heights (path, 1, heights, &width, &height);
  g_assert_cmpuint (heights->len, ==, 4);
  for (guint i = 0; i < heights->len; i++)
    smallest = MIN (smallest, g_array_index (heights, double, i));
  return smallest;
}

/* The matrix exported as PDF, printed on A4: every page, fitted (turned
 * as its shape asks) into what a printer prints of A4, shows its smallest
 * text at 8 pt or more, for a plan of 100 stages (many pages), the demo
 * and a plan of 5 stages (one page). The pages of a long plan were 791 ×
 * 1,084 pt, and on A4 their dates came down to 5.6 pt, the stages'
 * titles to 6.6 pt. */
static void
test_row_pages_print_size (gconstpointer data)
{
  UpChartKind kind = GPOINTER_TO_INT (data);
  g_autofree char *dir = test_new_dir (test_root, kind == UP_CHART_MATRIX ? "matrix-pages-print-size"
                                                                        : "timeline-pages-print-size");
  g_autoptr(UpProject) long_plan = test_long_project (100);
  g_autoptr(UpProject) short_plan = test_long_project (5);
  UpProject *projects[] = { long_plan, demo, short_plan };
  double eight;

  if (!have_tool ("pdftotext") || !have_tool ("pdfinfo"))
    return;
  eight = pdf_height_of_8pt (dir);
  g_test_message ("a word in 8 pt is boxed %.2f pt tall", eight);

  for (guint i = 0; i < G_N_ELEMENTS (projects); i++)
    for (UpLang lang = UP_LANG_EN; lang <= UP_LANG_SV; lang++)
      {
        g_autofree char *sub = g_strdup_printf ("%u", i);
        g_autofree char *where = test_new_dir (dir, sub);
        g_autofree char *path = export_to (projects[i], kind, UP_EXPORT_PDF, lang, 0, where);
        g_autofree char *info = pdf_info (path);
        g_autofree char *pages = pdf_field (info, "Pages");
        guint n_pages = (guint) g_ascii_strtoull (pages, NULL, 10);

        g_assert_cmpuint (n_pages, >=, 1);
        for (guint p = 1; p <= n_pages; p++)
          {
            g_autoptr(GArray) heights = g_array_new (FALSE, FALSE, sizeof (double));
            double width, height, scale, smallest = G_MAXDOUBLE;

            pdf_page_word_heights (path, p, heights, &width, &height);
            /* the printer turns the paper to the page's shape */
            scale = MIN ((A4_LONG - 2 * PRINT_MARGIN) / MAX (width, height),
                         (A4_SHORT - 2 * PRINT_MARGIN) / MIN (width, height));
            for (guint w = 0; w < heights->len; w++)
              smallest = MIN (smallest, g_array_index (heights, double, w));
            g_test_message ("%s, page %u of %u: %.1f × %.1f pt, on A4 × %.3f: smallest word %.2f pt tall "
                            "(8 pt: %.2f)", up_lang_get_code (lang), p, n_pages, width, height, scale,
                            smallest * scale, eight);
            g_assert_cmpuint (heights->len, >, 20);
            g_assert_cmpfloat (smallest * scale, >=, eight - 0.01);
            /* a page of several is A4 itself, turned as the report is */
            if (n_pages > 1)
              {
                g_assert_cmpfloat_with_epsilon (width, A4_LONG, 0.01);
                g_assert_cmpfloat_with_epsilon (height, A4_SHORT, 0.01);
              }
          }
      }
}

/* A plan that fills every chart: 30 stages (test_long_project), and 120
 * stakeholders with long names and organisations in all 25 cells of the
 * grid, every stance, so that the grid's cells are full, names are cut
 * and numbered, and the key is long. */
static UpProject *
crowded_plan (void)
{
  static const char * const first[] = { "Anna-Karin", "Margareta", "Per-Olof", "Elisabeth", "Bo" };
  static const char * const last[] = { "Andersson-Lindqvist", "Wikström-Håkansson", "Ek", "Johansson" };
  static const char * const organisations[] = {
    "Chair, Elderly Care Board", "Head of Social Services", "Home care, north district", "Procurement Unit",
  };
  static const char * const stances[] = { "supporter", "neutral", "critic", "unknown" };
  UpProject *project = test_long_project (30);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 120; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s %s", first[i % G_N_ELEMENTS (first)],
                                               last[(i / 7) % G_N_ELEMENTS (last)]);
      UpStakeholder *person = up_project_add_stakeholder (project, name,
                                                          organisations[i % G_N_ELEMENTS (organisations)],
                                                          "politician", &error);

      g_assert_no_error (error);
      g_assert_true (up_project_set_int (project, person, "influence", 1 + (i / 5) % 5, &error));
      g_assert_true (up_project_set_int (project, person, "interest", 1 + i % 5, &error));
      g_assert_true (up_project_set_string (project, person, "stance", stances[i % G_N_ELEMENTS (stances)],
                                            &error));
      g_assert_no_error (error);
    }
  return project;
}

/* The smallest word on @page of the PDF at @path, as pdftotext boxes it:
 * its height, and the word in @word; the page's size in @width and
 * @height. */
static double
pdf_page_smallest_word (const char  *path,
                        guint        page,
                        char       **word,
                        double      *width,
                        double      *height)
{
  g_autofree char *number = g_strdup_printf ("%u", page);
  const char *argv[] = { "pdftotext", "-bbox", "-enc", "UTF-8", "-f", number, "-l", number, path, "-", NULL };
  g_autofree char *out = run_tool (argv);
  g_autoptr(GRegex) page_regex = g_regex_new ("<page width=\"([0-9.]+)\" height=\"([0-9.]+)\"", 0, 0, NULL);
  g_autoptr(GRegex) word_regex = g_regex_new ("yMin=\"([-0-9.]+)\" xMax=\"[-0-9.]+\" yMax=\"([-0-9.]+)\">"
                                              "([^<]*)</word>", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  double smallest = G_MAXDOUBLE;

  g_assert_nonnull (out);
  g_assert_true (g_regex_match (page_regex, out, 0, &match));
  {
    g_autofree char *w = g_match_info_fetch (match, 1);
    g_autofree char *h = g_match_info_fetch (match, 2);

    *width = g_ascii_strtod (w, NULL);
    *height = g_ascii_strtod (h, NULL);
  }
  g_clear_pointer (&match, g_match_info_free);
  *word = NULL;
  for (g_regex_match (word_regex, out, 0, &match); g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      g_autofree char *y1 = g_match_info_fetch (match, 1);
      g_autofree char *y2 = g_match_info_fetch (match, 2);
      double h = g_ascii_strtod (y2, NULL) - g_ascii_strtod (y1, NULL);

      if (h < smallest)
        {
          smallest = h;
          g_free (*word);
          *word = g_match_info_fetch (match, 3);
        }
    }
  g_assert_nonnull (*word);
  return smallest;
}

/* Every chart exported as a PDF of pages, printed on A4 (each page fitted,
 * turned as its shape asks, into what a printer prints of A4), has no
 * word under 8 pt: the demo and a crowded plan, in English and Swedish.
 * The grid's page was 684 × 744 pt, its organisations 8 pt and so 6.5 pt
 * on A4; the wheel's was 568 × 905 pt, its key's numbers 7.1 pt; the
 * bars' legend's "n/m", 8.5 pt on a page 617 pt wide in Swedish, 7.7 pt.
 * The crowded plan's grid was one page of 684 × 1,854 pt (3.5 pt on A4):
 * its key of everyone in a full cell now goes on to more pages.
 * The report is held to 8 pt at its own size only: A4 itself with
 * margins (30 pt) wider than a printer's, it prints at its own size;
 * shrunk to a printer's area (0.94) its text of 8 pt is 7.5 pt. In
 * 8.5 pt the demo's 15 stages no longer hold in its timeline (two were
 * left out). */
static void
test_every_kind_print_size (void)
{
  g_autofree char *dir = test_new_dir (test_root, "every-kind-print-size");
  g_autoptr(UpProject) crowded = crowded_plan ();
  UpProject *projects[] = { demo, crowded };
  double eight;
  gboolean under = FALSE;

  if (!have_tool ("pdftotext") || !have_tool ("pdfinfo"))
    return;
  eight = pdf_height_of_8pt (dir);
  g_test_message ("a word in 8 pt is boxed %.2f pt tall", eight);

  for (guint i = 0; i < G_N_ELEMENTS (projects); i++)
    for (guint k = 0; k < G_N_ELEMENTS (all_kinds); k++)
      for (UpLang lang = UP_LANG_EN; lang <= UP_LANG_SV; lang++)
        {
          g_autofree char *sub = g_strdup_printf ("%u", i);
          g_autofree char *where = test_new_dir (dir, sub);
          g_autofree char *path = export_to (projects[i], all_kinds[k], UP_EXPORT_PDF, lang, 0, where);
          g_autofree char *info = pdf_info (path);
          g_autofree char *pages = pdf_field (info, "Pages");
          guint n_pages = (guint) g_ascii_strtoull (pages, NULL, 10);

          g_assert_cmpuint (n_pages, >=, 1);
          /* the crowded grid's key on pages after the grid's */
          if (all_kinds[k] == UP_CHART_GRID)
            g_assert_cmpuint (n_pages, ==, projects[i] == crowded ? 4 : 1);
          for (guint p = 1; p <= n_pages; p++)
            {
              g_autofree char *word = NULL;
              double width, height, scale, smallest;
              gboolean own_size = all_kinds[k] == UP_CHART_REPORT;

              smallest = pdf_page_smallest_word (path, p, &word, &width, &height);
              scale = MIN (1.0, MIN ((A4_LONG - 2 * PRINT_MARGIN) / MAX (width, height),
                                     (A4_SHORT - 2 * PRINT_MARGIN) / MIN (width, height)));
              g_test_message ("%s %s %s, page %u of %u: %.1f × %.1f pt, on A4 × %.3f: smallest word "
                              "“%s”, %.1f pt%s", i == 0 ? "demo" : "crowded",
                              up_chart_kind_get_name (all_kinds[k]), up_lang_get_code (lang), p, n_pages,
                              width, height, scale, word, 8 * smallest * scale / eight,
                              own_size ? " (held to 8 pt at its own size)" : "");
              /* a page of the 560 pt every chart's header has at least
               * prints at 0.999: 8 pt within 0.01 pt */
              if (smallest * (own_size ? 1.0 : scale) < eight * 0.998)
                under = TRUE;
            }
        }
  g_assert_false (under);
}

/* The demo's @kind exported as a PDF in @lang is one page, and its text
 * has the first and the last stage, @legend (a line of the legend) and the
 * names of @goals whole (the 17 goals when @goals is NULL). */
static void
assert_demo_one_page_pdf (UpChartKind  kind,
                          UpLang       lang,
                          const char  *dir,
                          const char  *legend,
                          const guint *goals,
                          guint        n_goals)
{
  g_autofree char *path = NULL;
  g_autofree char *info = NULL;
  g_autofree char *pages = NULL;
  g_autofree char *text = NULL;

  if (!have_tool ("pdfinfo") || !have_tool ("pdftotext"))
    return;
  path = export_to (demo, kind, UP_EXPORT_PDF, lang, 0, dir);
  info = pdf_info (path);
  pages = pdf_field (info, "Pages");
  g_assert_cmpstr (pages, ==, "1");
  text = pdf_page_text (path, 1);
  g_test_message ("%s: %s", up_lang_get_code (lang), text);
  g_assert_nonnull (strstr (text, "Needs analysis with home care staff"));
  g_assert_nonnull (strstr (text, "Lessons learned"));
  g_assert_nonnull (strstr (text, legend));
  g_assert_null (strstr (text, lang == UP_LANG_SV ? "Sida 1 av" : "Page 1 of"));
  for (guint i = 0; i < (goals != NULL ? n_goals : UP_SDG_N_GOALS); i++)
    {
      guint goal = goals != NULL ? goals[i] : i + 1;
      const char *name = up_sdg_goal_get_name_in (up_sdg_get_goal (goal), lang);

      if (strstr (text, name) == NULL)
        g_error ("%s: the key does not name goal %u (%s) whole", up_lang_get_code (lang), goal, name);
    }
}

/* The demo's timeline, a plan of 15 stages, prints on one page of A4 in
 * English and in Swedish, every stage and every goal's name of its key
 * on it: its page 2 held "Lessons learned" alone, as the legend in three
 * columns and the key in three left room for 14 rows. */
static void
test_timeline_demo_one_page (void)
{
  g_autofree char *dir = test_new_dir (test_root, "timeline-demo-one-page");
  static const guint goals[] = { 3, 8, 9, 10, 12, 16, 17 };

  for (UpLang lang = UP_LANG_EN; lang <= UP_LANG_SV; lang++)
    {
      UpChartOptions options;

      up_chart_options_init (&options);
      options.key = TRUE;
      options.lang = lang;
      options.date = "2026-11-27";
      g_assert_cmpuint (up_chart_get_n_pages (UP_CHART_TIMELINE, demo, &options), ==, 1);
      assert_demo_one_page_pdf (UP_CHART_TIMELINE, lang, dir,
                                lang == UP_LANG_SV ? "Romb: en milstolpe" : "Diamond: a milestone",
                                goals, G_N_ELEMENTS (goals));
    }
}

/* The demo's matrix, a plan of 15 stages, prints on one page of A4
 * landscape in English and in Swedish: every stage, the legend and the
 * names of all 17 goals on it (test_row_pages_print_size() keeps its text
 * 8 pt on paper). Its page 2 held the last five stages alone under "Page
 * 2 of 2", the legend and the key in two and three columns leaving room
 * for ten rows of 22 pt. */
static void
test_matrix_demo_one_page (void)
{
  g_autofree char *dir = test_new_dir (test_root, "matrix-demo-one-page");

  for (UpLang lang = UP_LANG_EN; lang <= UP_LANG_SV; lang++)
    {
      UpChartOptions options;
      double width, height;

      up_chart_options_init (&options);
      options.key = TRUE;
      options.lang = lang;
      options.date = "2026-11-27";
      g_assert_cmpuint (up_chart_get_n_pages (UP_CHART_MATRIX, demo, &options), ==, 1);
      /* within what a printer prints of A4 landscape at its own size */
      up_chart_get_size (UP_CHART_MATRIX, demo, &options, &width, &height);
      g_test_message ("%s: %.1f × %.1f pt", up_lang_get_code (lang), width, height);
      g_assert_cmpfloat (width, <=, A4_LONG - 2 * PRINT_MARGIN);
      g_assert_cmpfloat (height, <=, A4_SHORT - 2 * PRINT_MARGIN);
      assert_demo_one_page_pdf (UP_CHART_MATRIX, lang, dir,
                                lang == UP_LANG_SV ? "Tom ruta" : "Empty cell", NULL, 0);
    }
}

/* The matrix of a long plan prints on pages of A4 landscape, each with
 * its title, page number and goals, every stage on exactly one page in
 * order; it was one page 2,300 pt tall at 100 stages. The legend and the
 * key are on the first page; the pages after it hold more rows and say
 * where the legend is (with both on every page, 100 stages took ten
 * pages of some ten rows). An SVG stays one picture. */
static void
test_row_pages (gconstpointer data)
{
  UpChartKind kind = GPOINTER_TO_INT (data);
  g_autofree char *dir = test_new_dir (test_root, kind == UP_CHART_MATRIX ? "matrix-pages" : "timeline-pages");
  g_autoptr(UpProject) project = test_long_project (100);
  g_autoptr(UpProject) five = test_long_project (5);
  g_autofree char *path = NULL;
  g_autofree char *svg = NULL;
  g_autofree char *info = NULL;
  g_autofree char *pages = NULL;
  g_autofree char *size = NULL;
  UpChartOptions options;
  double width, height, page_width, page_height;
  guint n_pages, next = 1;
  /* a line of the legend, on page 1 only (one the chart has: its stages
   * are all planned, and the timeline's legend says nothing of a status
   * no stage has) */
  const char *legend_text = kind == UP_CHART_MATRIX ? "Empty cell" : "Numbers at the end";

  up_chart_options_init (&options);
  options.key = TRUE;   /* as a file has it */
  /* the demo's 15 stages on one page (the legend and the key in more
   * columns, test_timeline_demo_one_page(), and the matrix's rows lower,
   * test_matrix_demo_one_page()); 100 stages on seven: some ten rows
   * beside the legend and the key on the first, and some seventeen on
   * each page after it, in print size */
  g_assert_cmpuint (up_chart_get_n_pages (kind, demo, &options), ==, 1);
  g_assert_cmpuint (up_chart_get_n_pages (UP_CHART_WHEEL, project, &options), ==, 1);
  n_pages = up_chart_get_n_pages (kind, project, &options);
  g_assert_cmpuint (n_pages, >=, 5);
  g_assert_cmpuint (n_pages, <=, 8);

  /* every page as large as the first: A4 landscape */
  options.page = 1;
  up_chart_get_size (kind, project, &options, &page_width, &page_height);
  g_assert_cmpfloat_with_epsilon (page_width, A4_LONG, 0.01);
  g_assert_cmpfloat_with_epsilon (page_height, A4_SHORT, 0.01);
  options.page = 0;
  up_chart_get_size (kind, project, &options, &width, &height);
  g_assert_cmpfloat (width, <=, page_width);
  g_assert_cmpfloat (height, >, 2 * page_height);
  for (guint p = 2; p <= n_pages + 1; p++)
    {
      double w, h;

      options.page = p;
      up_chart_get_size (kind, project, &options, &w, &h);
      g_assert_cmpfloat (w, ==, page_width);
      g_assert_cmpfloat (h, ==, page_height);
    }
  /* both in one call, as an export asks: the pages and their size; a
   * chart of one page keeps its own size */
  {
    double w = 0, h = 0, one_width, one_height;

    options.page = 0;
    g_assert_cmpuint (up_chart_get_pages (kind, project, &options, &w, &h), ==, n_pages);
    g_assert_cmpfloat (w, ==, page_width);
    g_assert_cmpfloat (h, ==, page_height);
    up_chart_get_size (UP_CHART_WHEEL, project, &options, &one_width, &one_height);
    g_assert_cmpuint (up_chart_get_pages (UP_CHART_WHEEL, project, &options, &w, &h), ==, 1);
    g_assert_cmpfloat (w, ==, one_width);
    g_assert_cmpfloat (h, ==, one_height);
    g_assert_cmpuint (up_chart_get_pages (kind, five, &options, &w, &h), ==, 1);
    up_chart_get_size (kind, five, &options, &one_width, &one_height);
    g_assert_cmpfloat (w, ==, one_width);
    g_assert_cmpfloat (h, ==, one_height);
    g_assert_cmpfloat (h, <, page_height);
  }

  if (!have_tool ("pdfinfo") || !have_tool ("pdftotext"))
    return;

  path = export_to (project, kind, UP_EXPORT_PDF, UP_LANG_EN, 0, dir);
  info = pdf_info (path);
  pages = pdf_field (info, "Pages");
  size = pdf_field (info, "Page size");
  g_assert_cmpuint (g_ascii_strtoull (pages, NULL, 10), ==, n_pages);
  g_assert_cmpfloat (fabs (g_ascii_strtod (size, NULL) - page_width), <, 1);

  for (guint p = 1; p <= n_pages; p++)
    {
      g_autofree char *text = pdf_page_text (path, p);
      g_autofree char *page_number = g_strdup_printf ("Page %u of %u", p, n_pages);
      guint first = next;

      g_test_message ("page %u: %s", p, text);
      g_assert_nonnull (strstr (text, up_chart_kind_get_title (kind, UP_LANG_EN)));
      g_assert_nonnull (strstr (text, "Long plan"));
      g_assert_nonnull (strstr (text, page_number));
      /* the columns' headings on every page: the matrix's goals (drawn
       * once, shown on every page), the timeline's dates and goals */
      if (kind == UP_CHART_MATRIX)
        g_assert_true (pdf_page_has_goal_chips (path, p));
      else
        g_assert_true (g_regex_match_simple ("Dates.*Goals", text, G_REGEX_DOTALL, 0));
      if (p == 1)
        {
          g_assert_nonnull (strstr (text, legend_text));
          g_assert_nonnull (strstr (text, "Partnerships for the Goals"));
          g_assert_null (strstr (text, "are on page 1"));
        }
      else
        {
          g_assert_null (strstr (text, legend_text));
          g_assert_null (strstr (text, "Partnerships for the Goals"));
          g_assert_nonnull (strstr (text, "The legend and the names of the goals are on page 1."));
        }
      /* this page's stages follow the last page's, and no other */
      for (guint i = 1; i <= 100; i++)
        {
          g_autofree char *title = g_strdup_printf ("Stage %04u", i);

          if (strstr (text, title) == NULL)
            continue;
          g_assert_cmpuint (i, ==, next);
          next++;
        }
      /* a page after the first holds more rows than the first */
      if (p == 1)
        g_assert_cmpuint (next - first, >=, 8);
      else
        g_assert_cmpuint (next - first, >, 12);
    }
  g_assert_cmpuint (next, ==, 101);

  svg = export_to (project, kind, UP_EXPORT_SVG, UP_LANG_EN, 0, dir);
  {
    g_autofree char *contents = NULL;

    g_assert_true (g_file_get_contents (svg, &contents, NULL, NULL));
    g_assert_nonnull (strstr (contents, "height=\""));
    /* one picture of the whole height, in points */
    g_assert_cmpint ((int) round (height), ==,
                     (int) round (g_ascii_strtod (strstr (contents, "height=\"") + 8, NULL)));
  }
}

/* An exported grid names everyone in a full cell, which shows four and
 * "+ 3 more": in a key under the legend, a cell a line. The three were on
 * no page before. The screen (no key) goes without. */
static void
test_grid_full_cells (void)
{
  static const char * const names[] = {
    "Anna Ek", "Bo Lind", "Cecilia Berg", "David Holm", "Eva Nord", "Fredrik Sand", "Greta Ås",
  };
  g_autofree char *dir = test_new_dir (test_root, "grid-full-cells");
  g_autoptr(GError) error = NULL;
  g_autoptr(UpProject) project = up_project_new ("Crowded", &error);
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  UpChartOptions options;
  double with_key, without_key, width;

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      UpStakeholder *person = up_project_add_stakeholder (project, names[i], NULL, "politician", &error);

      g_assert_no_error (error);
      up_project_set_int (project, person, "influence", 5, &error);
      up_project_set_int (project, person, "interest", 5, &error);
      g_assert_no_error (error);
    }

  up_chart_options_init (&options);
  up_chart_get_size (UP_CHART_GRID, project, &options, &width, &without_key);
  options.key = TRUE;
  up_chart_get_size (UP_CHART_GRID, project, &options, &width, &with_key);
  g_assert_cmpfloat (with_key, >, without_key + 20);

  if (!have_tool ("pdftotext"))
    return;
  path = export_to (project, UP_CHART_GRID, UP_EXPORT_PDF, UP_LANG_EN, 0, dir);
  text = pdf_text (path);
  g_test_message ("%s", text);
  /* six lines on a page: five names and the line that counts the others */
  g_assert_nonnull (strstr (text, "+ 2 more"));
  g_assert_nonnull (strstr (text, "Everyone in the full cells"));
  g_assert_nonnull (strstr (text, "Influence 5, interest 5: Anna Ek, Bo Lind, Cecilia Berg, David Holm, "
                                  "Eva Nord, Fredrik Sand, Greta Ås"));
}

/* A PNG of a chart too tall for twice its size (the matrix of some 760
 * stages) is made at the chart's own size by default; taller still, the
 * export says to take a PDF. Both were "too large, choose a
 * smaller width", with no width to choose in the app. */
static void
test_png_tall (void)
{
  g_autofree char *dir = test_new_dir (test_root, "png-tall");
  g_autoptr(UpProject) tall = test_long_project (760);
  g_autoptr(UpProject) taller = test_long_project (1600);
  g_autofree char *path = NULL;
  g_autofree char *refused = g_build_filename (dir, "refused.png", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (refused);
  g_autoptr(GError) error = NULL;
  cairo_surface_t *png;
  double width, height;

  natural_size (UP_CHART_MATRIX, tall, UP_LANG_EN, &width, &height);
  g_assert_cmpfloat (height * 2, >, 32767);
  path = export_to (tall, UP_CHART_MATRIX, UP_EXPORT_PNG, UP_LANG_EN, 0, dir);
  png = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (png), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (png), ==, (int) ceil (width));
  g_assert_cmpint (cairo_image_surface_get_height (png), <=, 32767);
  g_assert_cmpint (cairo_image_surface_get_height (png), ==,
                   png_height (width, height, cairo_image_surface_get_width (png)));
  cairo_surface_destroy (png);

  g_assert_false (up_export_chart (taller, UP_CHART_MATRIX, UP_EXPORT_PNG, NULL, 0, file, &error));
  g_assert_error (error, UP_EXPORT_ERROR, UP_EXPORT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "PDF"));
  g_assert_false (g_file_test (refused, G_FILE_TEST_EXISTS));
}

/* A local goal narrows the coverage; the export still works. */
static void
test_local_goal (void)
{
  g_autofree char *dir = test_new_dir (test_root, "local-goal");
  GListModel *goals = up_project_get_local_goals (demo);
  g_autoptr(UpLocalGoal) goal = g_list_model_get_item (goals, 0);
  UpChartOptions options;

  g_assert_nonnull (goal);
  up_chart_options_init (&options);
  options.local_goal = goal;
  options.lang = UP_LANG_SV;

  for (guint k = 0; k < G_N_ELEMENTS (all_kinds); k++)
    {
      g_autofree char *name = g_strdup_printf ("%s.pdf", up_chart_kind_get_name (all_kinds[k]));
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;

      g_assert_true (up_export_chart (demo, all_kinds[k], UP_EXPORT_PDF, &options, 0, file, &error));
      g_assert_no_error (error);
      if (have_tool ("pdfinfo"))
        {
          g_autofree char *info = pdf_info (path);
          g_autofree char *pages = pdf_field (info, "Pages");

          g_assert_cmpstr (pages, ==, "1");
        }
    }
}

/* A chart limited to a regional goal calls it a regional goal under its
 * title, in both languages: it said "local goal" of every goal, also of
 * one the app lists as a regional goal. */
static void
test_local_goal_level (void)
{
  g_autofree char *dir = test_new_dir (test_root, "local-goal-level");
  GListModel *goals = up_project_get_local_goals (demo);
  g_autoptr(UpLocalGoal) regional = g_list_model_get_item (goals, 0);
  g_autoptr(UpLocalGoal) local = g_list_model_get_item (goals, 1);
  const UpLang langs[] = { UP_LANG_EN, UP_LANG_SV };

  g_assert_cmpstr (up_local_goal_get_level (regional), ==, "regional");
  g_assert_cmpstr (up_local_goal_get_level (local), ==, "local");
  if (!have_tool ("pdftotext"))
    return;

  for (guint k = 0; k < G_N_ELEMENTS (all_kinds); k++)
    for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
      for (guint g = 0; g < 2; g++)
        {
          UpLocalGoal *goal = g == 0 ? regional : local;
          g_autofree char *name = g_strdup_printf ("%s-%s-%s.pdf", up_chart_kind_get_name (all_kinds[k]),
                                                   up_lang_get_code (langs[l]), up_local_goal_get_level (goal));
          g_autofree char *path = g_build_filename (dir, name, NULL);
          g_autoptr(GFile) file = g_file_new_for_path (path);
          g_autoptr(GError) error = NULL;
          g_autofree char *text = NULL;
          g_autofree char *lower = NULL;
          const char *says, *not_says, *heading;
          UpChartOptions options;

          /* the grid is the stakeholders', whatever the goal */
          if (all_kinds[k] == UP_CHART_GRID)
            continue;

          up_chart_options_init (&options);
          options.local_goal = goal;
          options.lang = langs[l];
          g_assert_true (up_export_chart (demo, all_kinds[k], UP_EXPORT_PDF, &options, 0, file, &error));
          g_assert_no_error (error);
          text = pdf_text (path);
          /* "Local goals ..." heads a sentence: of any case */
          lower = g_utf8_strdown (text, -1);
          if (langs[l] == UP_LANG_SV)
            {
              says = g == 0 ? "· regionalt mål:" : "· lokalt mål:";
              not_says = g == 0 ? "lokal" : "regional";
              heading = g == 0 ? "Det regionala målet och dess delmål i Agenda 2030"
                               : "Det lokala målet och dess delmål i Agenda 2030";
            }
          else
            {
              says = g == 0 ? "· regional goal:" : "· local goal:";
              not_says = g == 0 ? "local goal" : "regional goal";
              heading = g == 0 ? "The regional goal and its Agenda 2030 targets"
                               : "The local goal and its Agenda 2030 targets";
            }
          g_test_message ("%s: %s", name, says);
          g_assert_nonnull (strstr (text, says));
          g_assert_null (strstr (lower, not_says));
          /* the report's section of the goal speaks of that goal, as one:
           * a regional goal's was "Local goals and their Agenda 2030
           * targets" */
          if (all_kinds[k] == UP_CHART_REPORT)
            g_assert_nonnull (strstr (text, heading));
        }
}

/* The matrix limited to a goal that no stage serves says so, in both
 * languages: it said "No stages yet" of a project with fifteen. */
static void
test_local_goal_no_stages (void)
{
  g_autofree char *dir = test_new_dir (test_root, "local-goal-no-stages");
  g_autoptr(GError) error = NULL;
  g_autoptr(UpProject) project = up_project_new ("Digital safety alarms", &error);
  const UpLang langs[] = { UP_LANG_EN, UP_LANG_SV };
  UpLocalGoal *goal;

  g_assert_no_error (error);
  g_assert_true (up_demo_fill (project, &error));
  goal = up_project_add_local_goal (project, "local", "Trygg hemtjänst", &error);
  g_assert_no_error (error);
  g_assert_true (up_project_link_local_goal_target (project, goal, "11.2", &error));
  g_assert_cmpuint (g_list_model_get_n_items (up_project_get_stages (project)), >, 0);
  if (!have_tool ("pdftotext"))
    return;

  for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
    {
      g_autofree char *name = g_strdup_printf ("matrix-%s.pdf", up_lang_get_code (langs[l]));
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autofree char *text = NULL;
      gboolean sv = langs[l] == UP_LANG_SV;
      UpChartOptions options;

      up_chart_options_init (&options);
      options.local_goal = goal;
      options.lang = langs[l];
      g_assert_true (up_export_chart (project, UP_CHART_MATRIX, UP_EXPORT_PDF, &options, 0, file, &error));
      g_assert_no_error (error);
      text = pdf_text (path);
      g_assert_nonnull (strstr (text, sv ? "Inget skede bidrar till det här målet än"
                                         : "No stage serves this goal yet"));
      g_assert_null (strstr (text, sv ? "Inga skeden än" : "No stages yet"));
    }
}

/* The report limited to a goal shows what the goal is measured by (its
 * indicator, baseline and target value) and not the other goals, in both
 * languages: it listed every goal, none with its numbers. */
static void
test_local_goal_report (void)
{
  g_autofree char *dir = test_new_dir (test_root, "local-goal-report");
  GListModel *goals = up_project_get_local_goals (demo);
  g_autoptr(UpLocalGoal) goal = g_list_model_get_item (goals, 0);
  g_autoptr(UpLocalGoal) other = g_list_model_get_item (goals, 1);
  const UpLang langs[] = { UP_LANG_EN, UP_LANG_SV };

  g_assert_cmpstr (up_local_goal_get_baseline (goal), !=, "");
  g_assert_cmpstr (up_local_goal_get_target_value (goal), !=, "");
  if (!have_tool ("pdftotext"))
    return;

  for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
    {
      g_autofree char *name = g_strdup_printf ("report-%s.pdf", up_lang_get_code (langs[l]));
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      gboolean sv = langs[l] == UP_LANG_SV;
      g_autofree char *baseline = g_strdup_printf (sv ? "Utgångsvärde: %s" : "Baseline: %s",
                                                   up_local_goal_get_baseline (goal));
      g_autofree char *target = g_strdup_printf (sv ? "Målvärde: %s" : "Target value: %s",
                                                 up_local_goal_get_target_value (goal));
      g_autofree char *text = NULL;
      UpChartOptions options;

      up_chart_options_init (&options);
      options.local_goal = goal;
      options.lang = langs[l];
      g_assert_true (up_export_chart (demo, UP_CHART_REPORT, UP_EXPORT_PDF, &options, 0, file, &error));
      g_assert_no_error (error);
      text = pdf_text (path);
      g_assert_nonnull (strstr (text, baseline));
      g_assert_nonnull (strstr (text, target));
      g_assert_nonnull (strstr (text, sv ? "Indikator:" : "Indicator:"));
      g_assert_null (strstr (text, up_local_goal_get_title (other)));

      /* the whole project's report lists the goals as before */
      g_clear_pointer (&text, g_free);
      options.local_goal = NULL;
      g_assert_true (up_export_chart (demo, UP_CHART_REPORT, UP_EXPORT_PDF, &options, 0, file, &error));
      g_assert_no_error (error);
      text = pdf_text (path);
      g_assert_nonnull (strstr (text, up_local_goal_get_title (other)));
      g_assert_null (strstr (text, baseline));
    }
}

/* A PDF and an SVG limited to a goal carry the goal's title in their
 * document title (what a PDF viewer and a file list show, what a screen
 * reader names the picture by): the charts of each goal had one title. */
static void
test_local_goal_document_title (void)
{
  g_autofree char *dir = test_new_dir (test_root, "local-goal-title");
  g_autofree char *pdf = g_build_filename (dir, "bars.pdf", NULL);
  g_autofree char *svg = g_build_filename (dir, "bars.svg", NULL);
  g_autoptr(GFile) pdf_file = g_file_new_for_path (pdf);
  g_autoptr(GFile) svg_file = g_file_new_for_path (svg);
  g_autoptr(UpLocalGoal) goal = g_list_model_get_item (up_project_get_local_goals (demo), 1);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *escaped = g_markup_escape_text (up_project_get_title (demo), -1);
  g_autofree char *svg_title = g_strdup_printf ("<title>%s – %s – %s</title>",
                                                up_chart_kind_get_title (UP_CHART_BARS, UP_LANG_EN),
                                                escaped, up_local_goal_get_title (goal));
  UpChartOptions options;

  up_chart_options_init (&options);
  options.local_goal = goal;
  options.lang = UP_LANG_EN;
  g_assert_true (up_export_chart (demo, UP_CHART_BARS, UP_EXPORT_SVG, &options, 0, svg_file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (svg, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, svg_title));

  if (!have_tool ("pdfinfo"))
    return;
  g_assert_true (up_export_chart (demo, UP_CHART_BARS, UP_EXPORT_PDF, &options, 0, pdf_file, &error));
  g_assert_no_error (error);
  {
    g_autofree char *info = pdf_info (pdf);
    g_autofree char *title = pdf_field (info, "Title");

    g_assert_nonnull (title);
    g_assert_true (g_str_has_suffix (title, up_local_goal_get_title (goal)));
    g_assert_nonnull (strstr (title, up_project_get_title (demo)));
  }
}

/* Odd text in every field a chart may print. */
static const char *odd_texts[] = {
  "Emoji 🦊🇸🇪👩‍👩‍👧‍👦 and a combining e\xcc\x81 – åäö",
  "العربية: مشتريات عامة — עברית: רכש ציבורי",
  "%s%n%d%x%% %1$s %",
  "Control\tcharacters \x01\x02\x1f\x7f\r\n and a BOM \xef\xbb\xbf.",
  "Markup <b>bold</b> & <![CDATA[x]]> \"quotes\" 'apostrophes' &amp; ]]>",
  "",
  NULL, /* 1 MB */
};

static UpProject *
odd_project (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) big = g_string_new (NULL);
  UpProject *project;
  guint n = 0;

  while (big->len < 1024 * 1024)
    g_string_append (big, "Trygghetslarm <&> “upphandling” 🦊 عربى ");
  odd_texts[G_N_ELEMENTS (odd_texts) - 1] = big->str;

  project = up_project_new (big->str, &error);
  g_assert_no_error (error);
  g_assert_true (up_project_set_string (project, project, "organisation", odd_texts[3], &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (odd_texts); i++)
    {
      const char *text = odd_texts[i];
      g_autofree char *start = g_strdup_printf ("2026-%02u-01", i + 1);
      g_autofree char *end = g_strdup_printf ("2026-%02u-20", i + 1);
      UpStage *stage = up_project_add_stage (project, i == 2 ? "milestone" : "pilot", text, start,
                                             i == 2 ? start : end, NULL, &error);
      UpStakeholder *stakeholder;
      UpLocalGoal *goal;

      g_assert_no_error (error);
      up_project_add_sdg_link (project, UP_RECORD (stage), up_sdg_get_goal (i + 1)->targets[0],
                               i % 2 ? "negative" : "both", 1 + i % 3, text, &error);
      g_assert_no_error (error);
      stakeholder = up_project_add_stakeholder (project, text, text, "politician", &error);
      g_assert_no_error (error);
      g_assert_true (up_project_set_int (project, stakeholder, "influence", 1 + n++ % 5, &error));
      goal = up_project_add_local_goal (project, "local", text[0] != '\0' ? text : "-", &error);
      g_assert_no_error (error);
      g_assert_true (up_project_link_stage_local_goal (project, stage, goal, &error));
    }

  odd_texts[G_N_ELEMENTS (odd_texts) - 1] = NULL;
  return project;
}

static void
test_odd_text (void)
{
  g_autofree char *dir = test_new_dir (test_root, "odd-text");
  g_autoptr(UpProject) project = NULL;

  if (!have_tool ("xmllint") || !have_tool ("pdfinfo"))
    return;

  project = odd_project ();
  for (guint k = 0; k < G_N_ELEMENTS (all_kinds); k++)
    for (UpLang lang = UP_LANG_EN; lang <= UP_LANG_SV; lang++)
      {
        g_autofree char *svg = export_to (project, all_kinds[k], UP_EXPORT_SVG, lang, 0, dir);
        g_autofree char *pdf = export_to (project, all_kinds[k], UP_EXPORT_PDF, lang, 0, dir);
        g_autofree char *png = export_to (project, all_kinds[k], UP_EXPORT_PNG, lang, 400, dir);
        g_autofree char *info = pdf_info (pdf);
        g_autofree char *pages = pdf_field (info, "Pages");
        g_autofree char *title = pdf_field (info, "Title");
        const char *xmllint[] = { "xmllint", "--noout", "--nonet", "--huge", svg, NULL };
        g_autofree char *lint = run_tool (xmllint);
        cairo_surface_t *image;
        GStatBuf st;

        g_assert_nonnull (lint);
        /* the grid's key of names cut at 200 characters goes on to a
         * second page of A4 */
        g_assert_cmpstr (pages, ==, all_kinds[k] == UP_CHART_GRID ? "2" : "1");
        /* the metadata holds the start of the title, on one line, and
         * not the whole megabyte */
        g_assert_nonnull (title);
        g_assert_nonnull (strstr (title, "Trygghetslarm"));
        g_assert_cmpuint (g_utf8_strlen (title, -1), <, 1000);
        g_assert_cmpint (g_stat (pdf, &st), ==, 0);
        g_assert_cmpint (st.st_size, <, 1024 * 1024);
        image = cairo_image_surface_create_from_png (png);
        g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
        cairo_surface_destroy (image);
      }
}

/* Exports off the main thread (up_export_chart_async) */

typedef struct
{
  gboolean  done;
  gboolean  ok;
  GError   *error;
  UpProject *project;       /* for finish(); borrowed */
  /* the main loop meanwhile: ticks of a 5 ms timeout */
  guint     ticks_before;   /* before the callback */
  gint64    last_tick;
  gint64    longest_gap;    /* µs between two ticks, or a tick and the end */
} AsyncRun;

static void
on_async_done (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  AsyncRun *run = user_data;

  g_assert_null (source);
  g_assert_false (run->done);
  run->ok = up_export_chart_finish (run->project, result, &run->error);
  g_assert_true (run->ok == (run->error == NULL));
  run->done = TRUE;
}

static gboolean
on_tick (gpointer user_data)
{
  AsyncRun *run = user_data;
  gint64 now = g_get_monotonic_time ();

  if (!run->done)
    {
      run->ticks_before++;
      run->longest_gap = MAX (run->longest_gap, now - run->last_tick);
    }
  run->last_tick = now;
  return G_SOURCE_CONTINUE;
}

/* Starts an export of @project and runs the main loop until its callback,
 * a 5 ms timeout ticking meanwhile. @project may be dropped by the caller
 * right after the call (@keep FALSE: the run holds no reference). */
static void
run_async (AsyncRun             *run,
           UpProject            *project,
           UpChartKind           kind,
           UpExportFormat        format,
           const UpChartOptions *options,
           int                   png_width,
           const char           *path,
           GCancellable         *cancellable)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  guint timeout;

  memset (run, 0, sizeof *run);
  run->project = project;
  run->last_tick = g_get_monotonic_time ();
  timeout = g_timeout_add (5, on_tick, run);
  up_export_chart_async (project, kind, format, options, png_width, file, cancellable,
                         on_async_done, run);
  /* nothing is written before the main loop runs */
  g_assert_false (run->done);
  while (!run->done)
    g_main_context_iteration (NULL, TRUE);
  run->longest_gap = MAX (run->longest_gap, g_get_monotonic_time () - run->last_tick);
  g_source_remove (timeout);
}

static void
async_run_clear (AsyncRun *run)
{
  g_clear_error (&run->error);
}

/* A PDF's bytes without its creation and modification dates, which Cairo
 * takes from the clock. */
static char *
pdf_without_dates (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  GString *out;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  out = g_string_new_len (contents, length);
  for (const char *key = "/CreationDate"; key != NULL; key = g_str_equal (key, "/CreationDate") ? "/ModDate" : NULL)
    {
      char *at = strstr (out->str, key);

      if (at != NULL)
        {
          char *end = strchr (at, ')');

          g_assert_nonnull (end);
          memset (at, 'x', end - at);
        }
    }
  return g_string_free (out, FALSE);
}

/* An SVG's bytes without the numbers of Cairo's surfaces, which count
 * every surface the process made ("surface608"): two exports of the same
 * chart differ there, on one thread or two. */
static char *
svg_without_surface_ids (const char *path)
{
  g_autofree char *contents = NULL;
  g_autoptr(GRegex) ids = g_regex_new ("surface[0-9]+", 0, 0, NULL);

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  return g_regex_replace_literal (ids, contents, -1, 0, "surface", 0, NULL);
}

/* @a and @b are the same file of @format, but for what is not the chart's
 * (a PDF's dates, an SVG's surface numbers); a PNG byte for byte. */
static gboolean
same_file (const char     *a,
           const char     *b,
           UpExportFormat  format)
{
  if (format == UP_EXPORT_PDF)
    {
      g_autofree char *x = pdf_without_dates (a);
      g_autofree char *y = pdf_without_dates (b);

      return g_str_equal (x, y);
    }
  else if (format == UP_EXPORT_SVG)
    {
      g_autofree char *x = svg_without_surface_ids (a);
      g_autofree char *y = svg_without_surface_ids (b);

      return g_str_equal (x, y);
    }
  else
    {
      g_autoptr(GBytes) x = test_read_bytes (a);
      g_autoptr(GBytes) y = test_read_bytes (b);

      return g_bytes_equal (x, y);
    }
}

#define assert_same_file(a, b, format) g_assert_true (same_file ((a), (b), (format)))

/* A stage title too long for two lines is cut in its middle, so that its
 * end shows too: between whole words. Pango's cut in the middle of the
 * line left a piece of a word after the "…" ("norra, södra, … t samt med
 * brukarrådet", the "t" of "distriktet"), on the timeline, the matrix and
 * the report. */
static void
test_long_title_cut_between_words (void)
{
  static const char *title = "Behovsanalys tillsammans med hemtjänstens personal i norra, södra, östra och "
                             "västra distriktet samt med brukarrådet och pensionärsföreningen";
  const UpChartKind kinds[] = { UP_CHART_TIMELINE, UP_CHART_MATRIX, UP_CHART_REPORT };
  g_autofree char *dir = test_new_dir (test_root, "cut-between-words");
  g_autoptr(GError) error = NULL;
  g_autoptr(UpProject) project = NULL;
  g_auto(GStrv) words = g_strsplit (title, " ", -1);

  if (!have_tool ("pdftotext"))
    return;

  project = up_project_new ("Trygghetslarm", &error);
  g_assert_no_error (error);
  g_assert_nonnull (up_project_add_stage (project, "needs", title, "2026-03-02", "2026-04-10", NULL, &error));
  g_assert_no_error (error);

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autofree char *pdf = export_to (project, kinds[k], UP_EXPORT_PDF, UP_LANG_SV, 0, dir);
      g_autofree char *text = pdf_text (pdf);
      const char *cut = strstr (text, "…");
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;
      const char *start, *end;

      g_test_message ("%s: %s", up_chart_kind_get_name (kinds[k]), text);
      /* its start and its end show, cut between */
      g_assert_nonnull (strstr (text, "Behovsanalys"));
      g_assert_nonnull (strstr (text, "pensionärsföreningen"));
      g_assert_nonnull (cut);
      /* the words on either side of the "…", whole */
      for (start = cut; start > text && start[-1] == ' '; start--)
        ;
      end = start;
      while (start > text && start[-1] != ' ')
        start--;
      before = g_strndup (start, end - start);
      for (start = cut + strlen ("…"); *start == ' '; start++)
        ;
      end = start;
      while (*end != '\0' && *end != ' ')
        end++;
      after = g_strndup (start, end - start);
      g_test_message ("cut between “%s” and “%s”", before, after);
      g_assert_true (g_strv_contains ((const char * const *) words, before));
      g_assert_true (g_strv_contains ((const char * const *) words, after));
    }
}

/* The timeline marks an award decision's title with a diamond, as a
 * milestone's: its legend says what the diamond is also where the plan
 * has an award decision and no milestone (a plan laid out from a route
 * has none), not only where it has a milestone. */
static void
test_timeline_award_legend (void)
{
  g_autofree char *dir = test_new_dir (test_root, "award-legend");
  g_autoptr(GError) error = NULL;
  g_autoptr(UpProject) project = NULL;
  g_autoptr(UpProject) no_decision = NULL;

  if (!have_tool ("pdftotext"))
    return;

  project = up_project_new ("Trygghetslarm", &error);
  g_assert_no_error (error);
  no_decision = up_project_new ("Trygghetslarm", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 2; i++)
    {
      UpProject *each = i == 0 ? project : no_decision;

      g_assert_nonnull (up_project_add_stage (each, "tender", "Anbudstid", "2026-03-02", "2026-04-10", NULL, &error));
      g_assert_no_error (error);
    }
  g_assert_nonnull (up_project_add_stage (project, "award", "Tilldelningsbeslut", "2026-04-20", "2026-04-20", NULL, &error));
  g_assert_no_error (error);

  for (UpLang lang = UP_LANG_EN; lang <= UP_LANG_SV; lang++)
    {
      const char *legend = lang == UP_LANG_SV ? "Romb: en milstolpe eller ett tilldelningsbeslut"
                                              : "Diamond: a milestone or an award decision";
      g_autofree char *pdf = export_to (project, UP_CHART_TIMELINE, UP_EXPORT_PDF, lang, 0, dir);
      g_autofree char *text = pdf_text (pdf);
      g_autofree char *none_pdf = NULL;
      g_autofree char *none_text = NULL;

      g_assert_nonnull (strstr (text, legend));
      none_pdf = export_to (no_decision, UP_CHART_TIMELINE, UP_EXPORT_PDF, lang, 0, dir);
      none_text = pdf_text (none_pdf);
      g_assert_null (strstr (none_text, legend));
    }
}

/* Colour emoji reach a PDF as pictures (Noto Color Emoji has bitmaps
 * only, and Cairo 1.16 draws no colour outlines): they were pictures of
 * the glyph's size in points, 15 × 14 pixels for the title's, 72 dots an
 * inch, a blur on paper and when zoomed. Each is now a picture of at
 * least 300 dots an inch where it is placed; one emoji shown in three
 * rows is one picture in the file. */
static void
test_emoji_resolution (void)
{
  g_autofree char *dir = test_new_dir (test_root, "emoji-resolution");
  g_autoptr(GError) error = NULL;
  g_autoptr(UpProject) project = NULL;
  const UpChartKind kinds[] = { UP_CHART_WHEEL, UP_CHART_TIMELINE, UP_CHART_REPORT };

  if (!have_tool ("pdfimages"))
    return;

  project = up_project_new ("Trygghetslarm 🚨 för alla", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 3; i++)
    {
      g_assert_nonnull (up_project_add_stage (project, "pilot", "Pilot 🚨 med 🧓🏽 brukare", "2026-03-02",
                                              "2026-04-10", NULL, &error));
      g_assert_no_error (error);
    }

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autofree char *pdf = export_to (project, kinds[k], UP_EXPORT_PDF, UP_LANG_SV, 0, dir);
      const char *argv[] = { "pdfimages", "-list", pdf, NULL };
      g_autofree char *list = run_tool (argv);
      g_auto(GStrv) lines = NULL;
      g_autoptr(GHashTable) objects = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      guint n_images;

      g_assert_nonnull (list);
      g_test_message ("%s\n%s", pdf, list);
      lines = g_strsplit (list, "\n", -1);
      for (guint i = 2; lines[i] != NULL; i++)
        {
          g_auto(GStrv) fields = g_strsplit_set (g_strstrip (lines[i]), " ", -1);
          GPtrArray *words = g_ptr_array_new ();
          double x_ppi, y_ppi;

          if (lines[i][0] == '\0')
            {
              g_ptr_array_unref (words);
              continue;
            }
          for (guint f = 0; fields[f] != NULL; f++)
            if (fields[f][0] != '\0')
              g_ptr_array_add (words, fields[f]);
          /* page num type width height color comp bpc enc interp object ID x-ppi y-ppi size ratio */
          g_assert_cmpuint (words->len, >=, 14);
          x_ppi = g_ascii_strtod (g_ptr_array_index (words, 12), NULL);
          y_ppi = g_ascii_strtod (g_ptr_array_index (words, 13), NULL);
          g_assert_cmpfloat (x_ppi, >=, 300);
          g_assert_cmpfloat (y_ppi, >=, 300);
          /* a row for each place a picture is shown, with its object's number */
          if (g_strcmp0 (g_ptr_array_index (words, 2), "image") == 0)
            g_hash_table_add (objects, g_strdup (g_ptr_array_index (words, 10)));
          g_ptr_array_unref (words);
        }
      n_images = g_hash_table_size (objects);
      /* the title's 🚨; and the stages' 🚨 and 🧓🏽 (one glyph or two),
       * each once in the file, not once a stage */
      g_assert_cmpuint (n_images, >=, kinds[k] == UP_CHART_WHEEL ? 1 : 3);
      g_assert_cmpuint (n_images, <=, kinds[k] == UP_CHART_WHEEL ? 1 : 4);
    }
}

/* A project whose title was left empty is named on its charts by its
 * file, as the window names it: a politician handed a chart headed
 * "Untitled procurement" could not tell which procurement it was about.
 * Also where the chart is drawn off the main thread from a copy of the
 * project, which has no file; and in the PDF's title. Only a project in
 * no file is "Untitled procurement". */
static void
test_untitled_file_name (void)
{
  g_autofree char *dir = test_new_dir (test_root, "untitled");
  g_autofree char *path = g_build_filename (dir, "Trygghetslarm 2026.upphandla", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(UpProject) project = NULL;
  g_autoptr(UpProject) unsaved = NULL;

  if (!have_tool ("pdftotext") || !have_tool ("pdfinfo"))
    return;

  project = up_project_create (file, "", &error);
  g_assert_no_error (error);
  unsaved = up_project_new (" ", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 2; i++)
    {
      UpProject *each = i == 0 ? project : unsaved;

      g_assert_nonnull (up_project_add_stage (each, "tender", "Anbudstid", "2026-03-02", "2026-04-10", NULL, &error));
      g_assert_no_error (error);
    }

  for (guint k = 0; k < G_N_ELEMENTS (all_kinds); k++)
    for (UpLang lang = UP_LANG_EN; lang <= UP_LANG_SV; lang++)
      {
        g_autofree char *pdf = export_to (project, all_kinds[k], UP_EXPORT_PDF, lang, 0, dir);
        g_autofree char *text = pdf_text (pdf);
        g_autofree char *info = pdf_info (pdf);
        g_autofree char *title = pdf_field (info, "Title");
        g_autofree char *async = g_strconcat (pdf, ".async.pdf", NULL);
        g_autofree char *async_text = NULL;
        g_autofree char *unsaved_pdf = NULL;
        g_autofree char *unsaved_text = NULL;
        UpChartOptions options;
        AsyncRun run;

        g_test_message ("%s: %s", pdf, title);
        g_assert_nonnull (strstr (text, "Trygghetslarm 2026"));
        g_assert_null (strstr (text, "Untitled"));
        g_assert_null (strstr (text, "Namnlös"));
        g_assert_null (strstr (text, ".upphandla"));
        g_assert_nonnull (title);
        g_assert_true (g_str_has_suffix (title, " – Trygghetslarm 2026"));

        up_chart_options_init (&options);
        options.lang = lang;
        options.date = "2026-11-27";
        run_async (&run, project, all_kinds[k], UP_EXPORT_PDF, &options, 0, async, NULL);
        g_assert_no_error (run.error);
        g_assert_true (run.ok);
        async_run_clear (&run);
        async_text = pdf_text (async);
        g_assert_cmpstr (async_text, ==, text);

        unsaved_pdf = export_to (unsaved, all_kinds[k], UP_EXPORT_PDF, lang, 0, dir);
        unsaved_text = pdf_text (unsaved_pdf);
        g_assert_nonnull (strstr (unsaved_text, lang == UP_LANG_SV ? "Namnlös upphandling" : "Untitled procurement"));
      }
}

/* The export off the main thread writes the very file the export on it
 * writes: every chart, every format, both languages. */
static void
test_async_same_file (void)
{
  g_autofree char *dir = test_new_dir (test_root, "async-same-file");

  for (guint k = 0; k < G_N_ELEMENTS (all_kinds); k++)
    for (guint f = 0; f < G_N_ELEMENTS (all_formats); f++)
      for (UpLang lang = UP_LANG_EN; lang <= UP_LANG_SV; lang++)
        {
          g_autofree char *sync = export_to (demo, all_kinds[k], all_formats[f], lang, 0, dir);
          g_autofree char *async = g_strconcat (sync, ".async", NULL);
          UpChartOptions options;
          AsyncRun run;

          up_chart_options_init (&options);
          options.lang = lang;
          options.date = "2026-11-27";
          run_async (&run, demo, all_kinds[k], all_formats[f], &options, 0, async, NULL);
          g_assert_no_error (run.error);
          g_assert_true (run.ok);
          assert_same_file (sync, async, all_formats[f]);
          async_run_clear (&run);
        }
}

/* The file is of the project as it was at the call: an edit made while
 * the export runs is not in it, and is in the next one. */
static void
test_async_snapshot (void)
{
  g_autofree char *dir = test_new_dir (test_root, "async-snapshot");
  g_autofree char *before = g_build_filename (dir, "before.pdf", NULL);
  g_autofree char *after = g_build_filename (dir, "after.pdf", NULL);
  g_autofree char *text = NULL;
  g_autoptr(UpProject) project = test_long_project (30);
  g_autoptr(GFile) file = g_file_new_for_path (before);
  g_autoptr(GError) error = NULL;
  AsyncRun run = { 0 };
  UpChartOptions options;
  UpStage *stage;

  if (!have_tool ("pdftotext"))
    return;

  up_chart_options_init (&options);
  options.lang = UP_LANG_EN;
  run.project = project;
  up_export_chart_async (project, UP_CHART_MATRIX, UP_EXPORT_PDF, &options, 0, file, NULL,
                         on_async_done, &run);
  /* edits while it runs, before the callback */
  g_assert_true (up_project_set_string (project, project, "title", "Renamed plan", &error));
  g_assert_no_error (error);
  stage = up_project_add_stage (project, "tender", "Added meanwhile", "2026-03-02", "2026-03-06",
                                NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (stage);
  while (!run.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (run.error);

  text = pdf_text (before);
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "Long plan"));
  g_assert_nonnull (strstr (text, "Stage 0030"));
  g_assert_null (strstr (text, "Renamed plan"));
  g_assert_null (strstr (text, "Added meanwhile"));
  g_clear_pointer (&text, g_free);

  run_async (&run, project, UP_CHART_MATRIX, UP_EXPORT_PDF, &options, 0, after, NULL);
  g_assert_no_error (run.error);
  text = pdf_text (after);
  g_assert_nonnull (strstr (text, "Renamed plan"));
  g_assert_nonnull (strstr (text, "Added meanwhile"));
}

/* The matrix of 1,000 stages as PNG (791 × 22,300 px, about half a second
 * of drawing and encoding): the main loop goes on meanwhile. On the main
 * thread no tick came before the file was written. */
static void
test_async_main_loop (void)
{
  g_autofree char *dir = test_new_dir (test_root, "async-main-loop");
  g_autofree char *sync = g_build_filename (dir, "sync.png", NULL);
  g_autofree char *async = g_build_filename (dir, "async.png", NULL);
  g_autoptr(UpProject) project = test_long_project (1000);
  g_autoptr(GFile) file = g_file_new_for_path (sync);
  g_autoptr(GError) error = NULL;
  UpChartOptions options;
  AsyncRun run;
  gint64 t0, sync_us;

  up_chart_options_init (&options);
  options.lang = UP_LANG_SV;
  options.date = "2026-11-27";

  t0 = g_get_monotonic_time ();
  g_assert_true (up_export_chart (project, UP_CHART_MATRIX, UP_EXPORT_PNG, &options, 0, file, &error));
  g_assert_no_error (error);
  sync_us = g_get_monotonic_time () - t0;

  run_async (&run, project, UP_CHART_MATRIX, UP_EXPORT_PNG, &options, 0, async, NULL);
  g_assert_no_error (run.error);
  g_test_message ("on the main thread %.0f ms; off it %u ticks of 5 ms before the callback, "
                  "the longest gap %.1f ms",
                  sync_us / 1000.0, run.ticks_before, run.longest_gap / 1000.0);
  /* The loop ticked while the file was written (on the calling thread no
   * tick comes before the callback). How long it was held is a figure for
   * tests/bench/bench-export-gap.c, not a pass or fail on a shared
   * machine, where a ratio of two wall times can fail. */
  g_assert_cmpuint (run.ticks_before, >=, 3);
  assert_same_file (sync, async, UP_EXPORT_PNG);
  {
    cairo_surface_t *png = cairo_image_surface_create_from_png (async);

    g_assert_cmpint (cairo_surface_status (png), ==, CAIRO_STATUS_SUCCESS);
    g_test_message ("the PNG: %d × %d px", cairo_image_surface_get_width (png),
                    cairo_image_surface_get_height (png));
    g_assert_cmpint (cairo_image_surface_get_height (png), >, 20000);
    cairo_surface_destroy (png);
  }
}

/* A local goal reaches the thread as the copy's goal of the same id: the
 * chart of its coverage, not of the whole project's. */
static void
test_async_local_goal (void)
{
  g_autofree char *dir = test_new_dir (test_root, "async-local-goal");
  GListModel *goals = up_project_get_local_goals (demo);
  g_autoptr(UpLocalGoal) goal = g_list_model_get_item (goals, 0);
  g_autofree char *whole = g_build_filename (dir, "whole.svg", NULL);
  g_autofree char *sync = g_build_filename (dir, "sync.svg", NULL);
  g_autofree char *async = g_build_filename (dir, "async.svg", NULL);
  g_autoptr(GFile) whole_file = g_file_new_for_path (whole);
  g_autoptr(GFile) sync_file = g_file_new_for_path (sync);
  g_autoptr(GError) error = NULL;
  UpChartOptions options;
  AsyncRun run;

  g_assert_nonnull (goal);
  up_chart_options_init (&options);
  options.lang = UP_LANG_EN;
  options.date = "2026-11-27";
  g_assert_true (up_export_chart (demo, UP_CHART_WHEEL, UP_EXPORT_SVG, &options, 0, whole_file, &error));
  g_assert_no_error (error);
  options.local_goal = goal;
  g_assert_true (up_export_chart (demo, UP_CHART_WHEEL, UP_EXPORT_SVG, &options, 0, sync_file, &error));
  g_assert_no_error (error);
  g_assert_false (same_file (whole, sync, UP_EXPORT_SVG));

  run_async (&run, demo, UP_CHART_WHEEL, UP_EXPORT_SVG, &options, 0, async, NULL);
  g_assert_no_error (run.error);
  assert_same_file (sync, async, UP_EXPORT_SVG);

  /* the report names the goal, in a PDF as on the main thread */
  if (have_tool ("pdftotext"))
    {
      g_autofree char *pdf = g_build_filename (dir, "report.pdf", NULL);
      g_autofree char *text = NULL;

      async_run_clear (&run);
      run_async (&run, demo, UP_CHART_REPORT, UP_EXPORT_PDF, &options, 0, pdf, NULL);
      g_assert_no_error (run.error);
      text = pdf_text (pdf);
      g_assert_nonnull (strstr (text, up_local_goal_get_title (goal)));
    }
}

/* The errors of the export on the main thread, word for word. */
static void
test_async_errors (void)
{
  g_autofree char *dir = test_new_dir (test_root, "async-errors");
  g_autofree char *missing = g_build_filename (dir, "no such folder", "chart.pdf", NULL);
  g_autofree char *png = g_build_filename (dir, "chart.png", NULL);
  struct { const char *path; int png_width; UpExportFormat format; } cases[] = {
    { missing, 0, UP_EXPORT_PDF },
    { dir, 0, UP_EXPORT_PDF },            /* a folder */
    { png, 5, UP_EXPORT_PNG },            /* too narrow */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (cases[i].path);
      g_autoptr(GError) error = NULL;
      AsyncRun run;

      g_assert_false (up_export_chart (demo, UP_CHART_BARS, cases[i].format, NULL, cases[i].png_width,
                                       file, &error));
      g_assert_nonnull (error);
      run_async (&run, demo, UP_CHART_BARS, cases[i].format, NULL, cases[i].png_width, cases[i].path, NULL);
      g_assert_false (run.ok);
      g_assert_error (run.error, error->domain, error->code);
      g_assert_cmpstr (run.error->message, ==, error->message);
      g_test_message ("%s", run.error->message);
      async_run_clear (&run);
    }
  assert_dir (dir, "");
}

/* The caller drops its project right after the call: the copy is the
 * thread's own, the file is written. A cancelled export writes nothing. */
static void
test_async_drop_and_cancel (void)
{
  g_autofree char *dir = test_new_dir (test_root, "async-drop");
  g_autofree char *dropped = g_build_filename (dir, "dropped.pdf", NULL);
  g_autofree char *cancelled = g_build_filename (dir, "cancelled.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (dropped);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  UpProject *project = test_long_project (200);
  AsyncRun run = { 0 };

  /* finish() wants a project: the demo stands in for the dropped one */
  run.project = demo;
  g_object_add_weak_pointer (G_OBJECT (project), (gpointer *) &project);
  up_export_chart_async (project, UP_CHART_MATRIX, UP_EXPORT_PDF, NULL, 0, file, NULL,
                         on_async_done, &run);
  g_object_unref (project);
  g_assert_null (project);
  while (!run.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (run.error);
  g_assert_true (g_file_test (dropped, G_FILE_TEST_IS_REGULAR));

  g_cancellable_cancel (cancellable);
  run_async (&run, demo, UP_CHART_MATRIX, UP_EXPORT_PDF, NULL, 0, cancelled, cancellable);
  g_assert_error (run.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  async_run_clear (&run);
  assert_dir (dir, "dropped.pdf");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  /* exports need no display */
  g_unsetenv ("DISPLAY");
  g_unsetenv ("WAYLAND_DISPLAY");

  test_root = g_dir_make_tmp ("upphandla-test-export-XXXXXX", NULL);
  g_assert_nonnull (test_root);
  /* the children that run as nobody must reach their folders */
  g_assert_cmpint (g_chmod (test_root, 0755), ==, 0);
  g_setenv ("XDG_STATE_HOME", test_root, TRUE);
  g_setenv ("XDG_DATA_HOME", test_root, TRUE);

  g_test_init (&argc, &argv, NULL);
  g_test_message ("test files in %s", test_root);

  demo = up_project_new ("Digital safety alarms", &error);
  g_assert_no_error (error);
  g_assert_true (up_demo_fill (demo, &error));
  g_assert_no_error (error);

  g_test_add_func ("/export/formats", test_formats);
  g_test_add_func ("/export/every-kind-and-format", test_every_kind_and_format);
  g_test_add_func ("/export/png-width", test_png_width);
  g_test_add_func ("/export/png-pixels", test_png_pixels);
  g_test_add_func ("/export/png-bands", test_png_bands);
  g_test_add_func ("/export/pngcheck", test_pngcheck);
  g_test_add_func ("/export/png-width-max", test_png_width_max);
  g_test_add_func ("/export/png-last-row", test_png_last_row);
  g_test_add_func ("/export/invalid-options", test_invalid_options);
  g_test_add_func ("/export/write-errors", test_write_errors);
  for (guint i = 0; i < G_N_ELEMENTS (read_only_cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/export/read-only/%s", read_only_cases[i].name);

      g_test_add_data_func (name, &read_only_cases[i], test_read_only);
    }
  g_test_add_func ("/export/full-disk", test_full_disk);
  g_test_add_func ("/export/replace", test_replace);
  g_test_add_func ("/export/local-goal", test_local_goal);
  g_test_add_func ("/export/local-goal-level", test_local_goal_level);
  g_test_add_func ("/export/local-goal-no-stages", test_local_goal_no_stages);
  g_test_add_func ("/export/local-goal-report", test_local_goal_report);
  g_test_add_func ("/export/local-goal-document-title", test_local_goal_document_title);
  g_test_add_func ("/export/odd-text", test_odd_text);
  g_test_add_data_func ("/export/matrix-pages", GINT_TO_POINTER (UP_CHART_MATRIX), test_row_pages);
  g_test_add_data_func ("/export/timeline-pages", GINT_TO_POINTER (UP_CHART_TIMELINE), test_row_pages);
  g_test_add_func ("/export/timeline-demo-one-page", test_timeline_demo_one_page);
  g_test_add_func ("/export/matrix-demo-one-page", test_matrix_demo_one_page);
  g_test_add_func ("/export/matrix-date-heading", test_matrix_date_heading);
  g_test_add_data_func ("/export/matrix-pages/print-size", GINT_TO_POINTER (UP_CHART_MATRIX),
                        test_row_pages_print_size);
  g_test_add_data_func ("/export/timeline-pages/print-size", GINT_TO_POINTER (UP_CHART_TIMELINE),
                        test_row_pages_print_size);
  g_test_add_func ("/export/every-kind/print-size", test_every_kind_print_size);
  g_test_add_func ("/export/png-tall", test_png_tall);
  g_test_add_func ("/export/pdf-slide-pages", test_pdf_slide_pages);
  g_test_add_func ("/export/grid-full-cells", test_grid_full_cells);
  g_test_add_func ("/export/untitled-file-name", test_untitled_file_name);
  g_test_add_func ("/export/emoji-resolution", test_emoji_resolution);
  g_test_add_func ("/export/timeline-award-legend", test_timeline_award_legend);
  g_test_add_func ("/export/long-title-cut-between-words", test_long_title_cut_between_words);
  g_test_add_func ("/export/async/same-file", test_async_same_file);
  g_test_add_func ("/export/async/snapshot", test_async_snapshot);
  g_test_add_func ("/export/async/main-loop", test_async_main_loop);
  g_test_add_func ("/export/async/local-goal", test_async_local_goal);
  g_test_add_func ("/export/async/errors", test_async_errors);
  g_test_add_func ("/export/async/drop-and-cancel", test_async_drop_and_cancel);
  g_test_add_data_func ("/export/pdf-text/en", GINT_TO_POINTER (UP_LANG_EN), test_pdf_text);
  g_test_add_data_func ("/export/pdf-text/sv", GINT_TO_POINTER (UP_LANG_SV), test_pdf_text);

  status = g_test_run ();
  g_clear_object (&demo);
  /* Pango keeps each thread's font map in thread-local storage, where
   * LeakSanitizer does not look for it at exit */
  pango_cairo_font_map_set_default (NULL);
  /* UPPHANDLA_TEST_KEEP=1 keeps the exports to look at */
  if (g_getenv ("UPPHANDLA_TEST_KEEP") == NULL)
    test_remove_tree (test_root);
  g_free (test_root);
  return status;
}
