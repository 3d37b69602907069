/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <locale.h>
#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <pango/pangocairo.h>
#include <math.h>
#include <string.h>

#include "upphandla.h"
#include "up-chart-private.h"
#include "up-store-private.h"
#include "test-common.h"
#include "test-projects.h"

/* The charts drawn into cairo image and recording surfaces, without a
 * display: colours where the wheel's sectors are filled, the grid's cells
 * and marks, the language of the labels (read back with OCR), the report's
 * page bounds under absurd input, and that no chart label is cut. Every
 * chart is also saved as a PNG in the build folder (chart-KIND-LANG.png)
 * to be looked at. */

static UpProject *
demo (void)
{
  g_autoptr(GError) error = NULL;
  UpProject *project = up_demo_create (NULL, &error);

  g_assert_no_error (error);
  return project;
}


static cairo_surface_t *
render (UpChartKind           kind,
        UpProject            *project,
        const UpChartOptions *options,
        double                scale,
        double               *width,
        double               *height)
{
  cairo_surface_t *surface;
  cairo_t *cr;

  up_chart_get_size (kind, project, options, width, height);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) ceil (*width * scale),
                                        (int) ceil (*height * scale));
  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  up_chart_draw (kind, project, options, cr, *width, *height);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  return surface;
}

/* The PNG's path, for the test to free: a dropped result leaks. */
G_GNUC_WARN_UNUSED_RESULT static char *
save_review (cairo_surface_t *surface,
             const char      *name)
{
  char *path = g_build_filename (TEST_BUILD_DIR, name, NULL);

  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  return path;
}

static void
pixel_at (cairo_surface_t *surface,
          double           x,
          double           y,
          guint           *r,
          guint           *g,
          guint           *b)
{
  int stride = cairo_image_surface_get_stride (surface);
  const guchar *data = cairo_image_surface_get_data (surface);
  int px = (int) floor (x), py = (int) floor (y);
  guint32 value;

  g_assert_cmpint (px, >=, 0);
  g_assert_cmpint (py, >=, 0);
  g_assert_cmpint (px, <, cairo_image_surface_get_width (surface));
  g_assert_cmpint (py, <, cairo_image_surface_get_height (surface));
  value = *(const guint32 *) (data + py * stride + px * 4);
  *r = (value >> 16) & 0xff;
  *g = (value >> 8) & 0xff;
  *b = value & 0xff;
}

static void
assert_colour_near (cairo_surface_t *surface,
                    double           x,
                    double           y,
                    const char      *hex,
                    guint            tolerance)
{
  guint r, g, b;
  guint value = (guint) g_ascii_strtoull (hex + 1, NULL, 16);
  int er = (value >> 16) & 0xff, eg = (value >> 8) & 0xff, eb = value & 0xff;

  pixel_at (surface, x, y, &r, &g, &b);
  if (ABS ((int) r - er) > (int) tolerance || ABS ((int) g - eg) > (int) tolerance ||
      ABS ((int) b - eb) > (int) tolerance)
    g_error ("pixel at %.1f,%.1f is #%02X%02X%02X, expected %s", x, y, r, g, b, hex);
}

static gboolean
is_grey (cairo_surface_t *surface,
         double           x,
         double           y)
{
  guint r, g, b;

  pixel_at (surface, x, y, &r, &g, &b);
  return ABS ((int) r - (int) g) <= 3 && ABS ((int) g - (int) b) <= 3 && r > 60 && r < 240;
}

/* Goals 3, 9 and 12 covered through the edit API; 12 with a negative
 * impact as well. */
static UpProject *
linked_project (void)
{
  g_autoptr(GError) error = NULL;
  UpProject *project = up_project_new ("Links", &error);
  UpStage *stage;

  g_assert_no_error (error);
  stage = up_project_add_stage (project, "pilot", "Pilot", "2026-01-05", "2026-03-27", NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (up_project_add_sdg_link (project, UP_RECORD (stage), "3.8", "positive", 3, NULL, &error));
  g_assert_nonnull (up_project_add_sdg_link (project, UP_RECORD (stage), "3.d", "positive", 1, NULL, &error));
  g_assert_nonnull (up_project_add_sdg_link (project, UP_RECORD (stage), "9.5", "positive", 2, NULL, &error));
  g_assert_nonnull (up_project_add_sdg_link (project, UP_RECORD (stage), "12.5", "both", 2, NULL, &error));
  g_assert_nonnull (up_project_add_sdg_link (project, UP_RECORD (stage), "12.7", "positive", 2, NULL, &error));
  g_assert_no_error (error);

  return project;
}

static void
test_wheel_colours (void)
{
  g_autoptr(UpProject) project = linked_project ();
  g_autoptr(UpCoverage) coverage = up_coverage_new (project, NULL);
  UpChartOptions options;
  const double scale = 2;
  double width, height;
  cairo_surface_t *surface;

  up_chart_options_init (&options);
  options.lang = UP_LANG_EN;
  options.date = "2026-11-28";
  surface = render (UP_CHART_WHEEL, project, &options, scale, &width, &height);

  for (guint goal = 1; goal <= UP_SDG_N_GOALS; goal++)
    {
      const UpGoalCoverage *c = up_coverage_get_goal (coverage, goal);
      gboolean expect_covered = goal == 3 || goal == 9 || goal == 12;
      double x, y;

      /* The numbers come from the coverage module; the test knows which
       * goals it linked. */
      g_assert_cmpint (c->n_covered > 0, ==, expect_covered);
      if (expect_covered)
        {
          double fraction = (double) c->n_covered / c->n_targets;

          up_chart_wheel_sector_point (project, &options, width * scale, height * scale,
                                       goal, fraction / 2, &x, &y);
          assert_colour_near (surface, x, y, up_sdg_get_goal (goal)->colour, 6);
        }
      else
        {
          up_chart_wheel_sector_point (project, &options, width * scale, height * scale,
                                       goal, 0.5, &x, &y);
          g_assert_true (is_grey (surface, x, y));
        }
    }

  g_free (save_review (surface, "chart-wheel-links.png"));
  cairo_surface_destroy (surface);
}

/* A goal linked with an impact not known (7) is filled in the light
 * colour, a goal served (1) in the full one, as in the bars; a goal only
 * harmed (13) fills nothing, its pale track shows and its harm is in the
 * striped band: all three were once full, and a harm looked like a
 * contribution (later light, as if the target were partly served). The
 * fill is by area: half of the fill region's area is reached further out
 * than half its width. */
static void
test_wheel_impacts (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UpProject) project = up_project_new ("Impacts", &error);
  UpChartOptions options;
  const double scale = 2;
  double width, height;
  cairo_surface_t *surface;
  UpStage *stage;
  enum { FULL, LIGHT, TRACK };
  const struct { guint goal; const char *target; const char *impact; int fill; } links[] = {
    { 1, "1.1", "positive", FULL },
    { 13, "13.2", "negative", TRACK },
    { 7, "7.1", "unknown", LIGHT },
  };

  g_assert_no_error (error);
  stage = up_project_add_stage (project, "pilot", "Pilot", "2026-01-05", "2026-03-27", NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (links); i++)
    g_assert_nonnull (up_project_add_sdg_link (project, UP_RECORD (stage), links[i].target, links[i].impact, 3,
                                               NULL, &error));

  up_chart_options_init (&options);
  options.lang = UP_LANG_EN;
  options.date = "2026-11-28";
  surface = render (UP_CHART_WHEEL, project, &options, scale, &width, &height);

  for (guint i = 0; i < G_N_ELEMENTS (links); i++)
    {
      const char *hex = up_sdg_get_goal (links[i].goal)->colour;
      g_autoptr(UpCoverage) coverage = up_coverage_new (project, NULL);
      guint n_targets = up_coverage_get_goal (coverage, links[i].goal)->n_targets;
      guint full = (guint) g_ascii_strtoull (hex + 1, NULL, 16);
      /* the light fill (0.5) over the pale track (0.22) over the page, or
       * the track alone */
      const double a = links[i].fill == LIGHT ? 0.5 + 0.5 * 0.22 : 0.22;
      g_autofree char *light = g_strdup_printf ("#%02X%02X%02X",
                                                (guint) round (a * ((full >> 16) & 0xFF) + (1 - a) * 255),
                                                (guint) round (a * ((full >> 8) & 0xFF) + (1 - a) * 255),
                                                (guint) round (a * (full & 0xFF) + (1 - a) * 255));
      double x, y;

      /* inside the fill of one target in n */
      up_chart_wheel_sector_point (project, &options, width * scale, height * scale,
                                   links[i].goal, 0.4 / n_targets, &x, &y);
      assert_colour_near (surface, x, y, links[i].fill == FULL ? hex : light, 6);
    }

  g_free (save_review (surface, "chart-wheel-impacts.png"));
  cairo_surface_destroy (surface);
}

/* WCAG's contrast ratio of two pixels, from their relative luminance. */
static double
contrast_ratio (const guint a[3],
                const guint b[3])
{
  double l[2];

  for (int k = 0; k < 2; k++)
    {
      const guint *c = k == 0 ? a : b;
      double linear[3];

      for (int i = 0; i < 3; i++)
        {
          double v = c[i] / 255.0;

          linear[i] = v <= 0.04045 ? v / 12.92 : pow ((v + 0.055) / 1.055, 2.4);
        }
      l[k] = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2];
    }

  return (MAX (l[0], l[1]) + 0.05) / (MIN (l[0], l[1]) + 0.05);
}

/* The number on a goal's colour (chips of every key, the wheel's band, the
 * matrix's header) meets WCAG's 4.5:1 for text: white on goal 9's orange
 * was 2.9:1, on 12 3.0:1, on 3, 5 and 14 under 3.6:1. The chip is drawn at
 * the size of the keys' chips, four times enlarged so that the glyphs'
 * strokes have pixels of their own colour. */
static void
test_goal_number_contrast (void)
{
  g_autoptr(UpProject) project = up_project_new ("Contrast", NULL);

  for (guint goal = 1; goal <= UP_SDG_N_GOALS; goal++)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 28 * 4, 14 * 4);
      cairo_t *cr = cairo_create (surface);
      UpChartOptions options;
      UpChartContext ctx;
      guint value = (guint) g_ascii_strtoull (up_sdg_get_goal (goal)->colour + 1, NULL, 16);
      guint chip[3] = { (value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff };
      double best = 1;

      up_chart_options_init (&options);
      cairo_scale (cr, 4, 4);
      _up_chart_context_init (&ctx, cr, project, &options, FALSE);
      _up_chart_goal_chip (&ctx, goal, 0, 0, 28, 14, 8.0, FALSE);
      _up_chart_context_clear (&ctx);
      cairo_destroy (cr);
      cairo_surface_flush (surface);

      /* the ink: the pixel inside the chip farthest from its colour */
      for (int y = 8; y < 14 * 4 - 8; y++)
        for (int x = 12; x < 28 * 4 - 12; x++)
          {
            guint pixel[3];

            pixel_at (surface, x, y, &pixel[0], &pixel[1], &pixel[2]);
            best = MAX (best, contrast_ratio (pixel, chip));
          }
      g_test_message ("goal %u: number on its colour %.2f:1", goal, best);
      g_assert_cmpfloat (best, >=, 4.5);
      cairo_surface_destroy (surface);
    }
}

/* On a dark page the light colour of every goal stands apart from its
 * track (a contrast of at least 3:1, what WCAG asks of the parts of a
 * graphic) and from the full colour: alpha 0.6 of the colour over a track
 * of 0.35 gave 1.2:1 for goal 17 and 1.4:1 for goal 8. Each goal has one
 * target served and one covered with an impact not known. The white page
 * of the exports keeps its colours (see /chart/wheel/impacts). */
static void
test_wheel_dark_light_fill (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UpProject) project = up_project_new ("Dark", &error);
  g_autoptr(UpCoverage) coverage = NULL;
  UpChartOptions options;
  const double scale = 2;
  double width, height;
  cairo_surface_t *surface;
  UpStage *stage;
  double worst = G_MAXDOUBLE;

  g_assert_no_error (error);
  stage = up_project_add_stage (project, "pilot", "Pilot", "2026-01-05", "2026-03-27", NULL, &error);
  g_assert_no_error (error);
  for (guint goal = 1; goal <= UP_SDG_N_GOALS; goal++)
    {
      g_autofree char *served = g_strdup_printf ("%u.1", goal);
      g_autofree char *unknown = g_strdup_printf ("%u.2", goal);

      g_assert_nonnull (up_project_add_sdg_link (project, UP_RECORD (stage), served, "positive", 2, NULL, &error));
      g_assert_nonnull (up_project_add_sdg_link (project, UP_RECORD (stage), unknown, "unknown", 2, NULL, &error));
      g_assert_no_error (error);
    }
  coverage = up_coverage_new (project, NULL);

  up_chart_options_init (&options);
  options.lang = UP_LANG_EN;
  options.date = "2026-11-28";
  options.dark = TRUE;
  surface = render (UP_CHART_WHEEL, project, &options, scale, &width, &height);

  for (guint goal = 1; goal <= UP_SDG_N_GOALS; goal++)
    {
      guint n = up_coverage_get_goal (coverage, goal)->n_targets;
      guint full[3], light[3], track[3];
      double x, y, light_track, light_full;

      g_assert_cmpuint (up_coverage_get_goal (coverage, goal)->n_covered, ==, 2);
      g_assert_cmpuint (up_coverage_get_goal (coverage, goal)->n_positive, ==, 1);

      /* inside the first target's area (served), the second's (light),
       * and the track beyond */
      up_chart_wheel_sector_point (project, &options, width * scale, height * scale, goal, 0.5 / n, &x, &y);
      pixel_at (surface, x, y, &full[0], &full[1], &full[2]);
      up_chart_wheel_sector_point (project, &options, width * scale, height * scale, goal, 1.5 / n, &x, &y);
      pixel_at (surface, x, y, &light[0], &light[1], &light[2]);
      up_chart_wheel_sector_point (project, &options, width * scale, height * scale, goal, (2.0 / n + 1) / 2,
                                   &x, &y);
      pixel_at (surface, x, y, &track[0], &track[1], &track[2]);

      light_track = contrast_ratio (light, track);
      light_full = contrast_ratio (light, full);
      g_test_message ("goal %2u: light #%02X%02X%02X, track #%02X%02X%02X, full #%02X%02X%02X: "
                      "light/track %.2f, light/full %.2f", goal,
                      light[0], light[1], light[2], track[0], track[1], track[2],
                      full[0], full[1], full[2], light_track, light_full);
      g_assert_cmpfloat (light_track, >=, 3.0);
      g_assert_cmpfloat (light_full, >=, 1.2);
      worst = MIN (worst, light_track);
    }
  g_test_message ("lowest contrast of light fill and track: %.2f", worst);

  g_free (save_review (surface, "chart-wheel-dark-light.png"));
  cairo_surface_destroy (surface);
}

/* On white, where a goal's covered targets end and its track begins is
 * drawn: goal 7's light yellow over its paler track was 1.2:1, one
 * colour to the eye. Along the middle of the sector, some pixel at the
 * edge stands 2:1 apart from the track. */
static void
test_wheel_light_edge (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UpProject) project = up_project_new ("Edge", &error);
  UpChartOptions options;
  const double scale = 2;
  double width, height, best = 0;
  cairo_surface_t *surface;
  UpStage *stage;
  guint track[3];
  double x, y;

  g_assert_no_error (error);
  stage = up_project_add_stage (project, "pilot", "Pilot", "2026-01-05", "2026-03-27", NULL, &error);
  g_assert_no_error (error);
  /* one of goal 7's five targets, its impact not known: light only */
  g_assert_nonnull (up_project_add_sdg_link (project, UP_RECORD (stage), "7.1", "unknown", 2, NULL, &error));

  up_chart_options_init (&options);
  options.lang = UP_LANG_EN;
  options.date = "2026-11-28";
  surface = render (UP_CHART_WHEEL, project, &options, scale, &width, &height);

  up_chart_wheel_sector_point (project, &options, width * scale, height * scale, 7, 0.6, &x, &y);
  pixel_at (surface, x, y, &track[0], &track[1], &track[2]);
  for (double f = 0.05; f < 0.4; f += 0.002)
    {
      guint pixel[3];

      up_chart_wheel_sector_point (project, &options, width * scale, height * scale, 7, f, &x, &y);
      pixel_at (surface, x, y, &pixel[0], &pixel[1], &pixel[2]);
      best = MAX (best, contrast_ratio (pixel, track));
    }
  g_test_message ("the edge against the track: %.2f:1", best);
  g_assert_cmpfloat (best, >=, 2.0);
  g_free (save_review (surface, "chart-wheel-light-edge.png"));
  cairo_surface_destroy (surface);
}

/* The bars too: on a dark page a goal's light bar (targets covered
 * without a known positive impact) is its colour lightened, which stands
 * apart from the page; alpha 0.4 of goal 17's dark blue on it was a
 * contrast of 1.3:1. */
static void
test_bars_dark_light_fill (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UpProject) project = up_project_new ("Dark", &error);
  UpChartOptions options;
  double width, height;
  cairo_surface_t *surface;
  UpStage *stage;
  int px_w, px_h;
  const guint page[3] = { 0x24, 0x24, 0x24 };

  g_assert_no_error (error);
  stage = up_project_add_stage (project, "pilot", "Pilot", "2026-01-05", "2026-03-27", NULL, &error);
  g_assert_no_error (error);
  for (guint goal = 1; goal <= UP_SDG_N_GOALS; goal++)
    {
      g_autofree char *unknown = g_strdup_printf ("%u.2", goal);

      g_assert_nonnull (up_project_add_sdg_link (project, UP_RECORD (stage), unknown, "unknown", 2, NULL, &error));
      g_assert_no_error (error);
    }

  up_chart_options_init (&options);
  options.lang = UP_LANG_EN;
  options.date = "2026-11-28";
  options.dark = TRUE;
  surface = render (UP_CHART_BARS, project, &options, 2, &width, &height);
  px_w = cairo_image_surface_get_width (surface);
  px_h = cairo_image_surface_get_height (surface);

  for (guint goal = 1; goal <= UP_SDG_N_GOALS; goal++)
    {
      UpRgba colour;
      guint light[3];
      guint n_found = 0;

      _up_chart_parse_colour (up_sdg_get_goal (goal)->colour, &colour);
      light[0] = (guint) round ((colour.r + (1 - colour.r) * 0.5) * 255);
      light[1] = (guint) round ((colour.g + (1 - colour.g) * 0.5) * 255);
      light[2] = (guint) round ((colour.b + (1 - colour.b) * 0.5) * 255);
      for (int y = 0; y < px_h; y++)
        for (int x = 0; x < px_w; x++)
          {
            guint r, g, b;

            pixel_at (surface, x, y, &r, &g, &b);
            n_found += ABS ((int) r - (int) light[0]) <= 2 && ABS ((int) g - (int) light[1]) <= 2 &&
                       ABS ((int) b - (int) light[2]) <= 2;
          }
      g_test_message ("goal %u: %u pixels of its light colour, %.2f:1 on the page", goal, n_found,
                      contrast_ratio (light, page));
      g_assert_cmpuint (n_found, >, 20);
      g_assert_cmpfloat (contrast_ratio (light, page), >=, 3.0);
    }

  g_free (save_review (surface, "chart-bars-dark.png"));
  cairo_surface_destroy (surface);
}

/* The matrix's cells: goal 3's at full strength in its colour, the empty
 * cells beside it a light grey band, and a gap of the page between any two
 * columns. */
static void
test_matrix_cells (void)
{
  g_autoptr(UpProject) project = linked_project ();
  const double scale = 2;
  UpChartOptions options;
  cairo_surface_t *surface;
  double width, height;
  int px_w, px_h, left = -1, y = -1, top;
  guint r, g, b, n_dark = 0;

  /* a harm only (goal 13) and an impact not known (goal 7) */
  {
    g_autoptr(UpStage) stage = g_list_model_get_item (up_project_get_stages (project), 0);

    g_assert_nonnull (up_project_add_sdg_link (project, UP_RECORD (stage), "13.2", "negative", 3, NULL, NULL));
    g_assert_nonnull (up_project_add_sdg_link (project, UP_RECORD (stage), "7.1", "unknown", 2, NULL, NULL));
  }

  up_chart_options_init (&options);
  options.lang = UP_LANG_EN;
  surface = render (UP_CHART_MATRIX, project, &options, scale, &width, &height);
  px_w = cairo_image_surface_get_width (surface);
  px_h = cairo_image_surface_get_height (surface);

  /* The lowest line in goal 3's green is the stage's row (the goal chips
   * of the header are above it); its cell's start edge is where the green
   * begins. */
  for (int py = px_h - 1; py >= 0 && y < 0; py--)
    for (int px = 0; px < px_w; px++)
      {
        pixel_at (surface, px, py, &r, &g, &b);
        if (r == 0x4C && g == 0x9F && b == 0x38)
          {
            /* A few lines up: off the cell's antialiased edge. */
            y = py - 4;
            left = px;
            break;
          }
      }
  g_assert_cmpint (y, >, 0);
  assert_colour_near (surface, left + 20 * scale, y, "#4C9F38", 0);

  /* Goals 1 and 2 to the left and 4 to the right have no link. */
  for (int column = -2; column <= 1; column++)
    {
      double cell_x = left + column * 26 * scale;

      if (column == 0)
        continue;
      pixel_at (surface, cell_x + 12 * scale, y, &r, &g, &b);
      g_assert_cmpint (ABS ((int) r - (int) g), <=, 2);
      g_assert_cmpint (ABS ((int) g - (int) b), <=, 2);
      g_assert_cmpint (r, >, 200);
      g_assert_cmpint (r, <, 248);
    }

  /* The gaps before goal 3, after it, and between goals 1 and 2. */
  assert_colour_near (surface, left - 1 * scale, y, "#FFFFFF", 2);
  assert_colour_near (surface, left + 25 * scale, y, "#FFFFFF", 2);
  assert_colour_near (surface, left - 27 * scale, y, "#FFFFFF", 2);

  /* The cell's top edge; its digit, near-black on the green (white was
   * 3.3:1), in the middle. */
  top = y;
  for (pixel_at (surface, left + 2 * scale, top - 1, &r, &g, &b);
       r == 0x4C && g == 0x9F && b == 0x38;
       pixel_at (surface, left + 2 * scale, top - 1, &r, &g, &b))
    top--;
  for (int py = top + 5 * scale; py < top + 15 * scale; py++)
    for (int px = left + 8 * scale; px < left + 16 * scale; px++)
      {
        pixel_at (surface, px, py, &r, &g, &b);
        if (r < 60 && g < 60 && b < 60)
          n_dark++;
      }
  g_assert_cmpuint (n_dark, >, 10);

  /* Goal 12 (a link with both impacts) has the dark corner of a negative
   * impact; goal 9's cell has none. */
  assert_colour_near (surface, left + (9 * 26 + 22) * scale, top + 2 * scale, "#292929", 2);
  pixel_at (surface, left + (6 * 26 + 22) * scale, top + 2 * scale, &r, &g, &b);
  g_assert_cmpuint (r, >, 0x80);

  /* A harm never looks like a contribution: goal 13's cell (a negative
   * link of strength 3) is striped, not in the goal's colour; goal 7's
   * (impact not known) shows a dim "?" on the empty band. They were cells
   * of strength 3 and 2, as if the stage served those goals. */
  {
    guint n_stripe = 0, n_goal13 = 0, n_mark = 0, n_goal7 = 0;

    for (int py = top + 2 * scale; py < top + 18 * scale; py++)
      for (int px = 2 * scale; px < 22 * scale; px++)
        {
          pixel_at (surface, left + 260 * scale + px, py, &r, &g, &b);
          n_stripe += r < 0x60 && g < 0x60 && b < 0x60;
          n_goal13 += ABS ((int) r - 0x3F) < 24 && ABS ((int) g - 0x7E) < 24 && ABS ((int) b - 0x44) < 24;
          pixel_at (surface, left + 104 * scale + px, py, &r, &g, &b);
          n_mark += r < 0xB0 && ABS ((int) r - (int) b) < 12;
          n_goal7 += r > 0xE0 && b < 0x60;
        }
    g_assert_cmpuint (n_stripe, >, 20);
    g_assert_cmpuint (n_goal13, ==, 0);
    g_assert_cmpuint (n_mark, >, 5);
    g_assert_cmpuint (n_goal7, ==, 0);
  }

  g_free (save_review (surface, "chart-matrix-cells.png"));
  cairo_surface_destroy (surface);
}

static cairo_status_t
append_to_string (void                *closure,
                  const unsigned char *data,
                  unsigned int         length)
{
  g_string_append_len (closure, (const char *) data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* The glyphs an SVG shows, one line each with its position: what a reader
 * sees, whatever the groups they are drawn in. */
static char *
svg_glyphs (const char *svg)
{
  g_auto(GStrv) lines = g_strsplit (svg, "\n", -1);
  GString *glyphs = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    if (strstr (lines[i], "<use xlink:href=\"#glyph") != NULL)
      g_string_append_printf (glyphs, "%s\n", g_strstrip (lines[i]));
  return g_string_free (glyphs, FALSE);
}

/* Draws with @draw twice, one by one and gathered in a batch, each into
 * an SVG of @width x @height points and an image @scale times as large
 * (white, as an export's page, and at fractional positions): the glyphs
 * the two SVGs show, as @glyphs_of lists them, and the two images. */
static void
draw_batched_and_not (UpProject        *project,
                      double            width,
                      double            height,
                      int               scale,
                      void            (*draw) (UpChartContext *ctx,
                                               gboolean        batched),
                      char          *(*glyphs_of) (const char *svg),
                      char            **glyphs,
                      cairo_surface_t **images)
{
  UpChartOptions options;

  up_chart_options_init (&options);
  for (int batched = 0; batched <= 1; batched++)
    for (int image = 0; image <= 1; image++)
      {
        g_autoptr(GString) svg = g_string_new (NULL);
        cairo_surface_t *surface = image ? cairo_image_surface_create (CAIRO_FORMAT_RGB24, width * scale, height * scale)
                                         : cairo_svg_surface_create_for_stream (append_to_string, svg, width, height);
        cairo_t *cr = cairo_create (surface);
        UpChartContext ctx;

        cairo_set_source_rgb (cr, 1, 1, 1);
        cairo_paint (cr);
        if (image)
          cairo_scale (cr, scale, scale);
        cairo_translate (cr, 0.3, 0.7);
        _up_chart_context_init (&ctx, cr, project, &options, FALSE);
        draw (&ctx, batched);
        _up_chart_context_clear (&ctx);
        g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
        cairo_destroy (cr);
        if (image)
          {
            cairo_surface_flush (surface);
            images[batched] = surface;
          }
        else
          {
            cairo_surface_destroy (surface);
            glyphs[batched] = glyphs_of (svg->str);
          }
      }
}

static void
free_batched_and_not (char            **glyphs,
                      cairo_surface_t **images)
{
  for (int batched = 0; batched <= 1; batched++)
    {
      g_free (glyphs[batched]);
      cairo_surface_destroy (images[batched]);
    }
}

static void
draw_digits (UpChartContext *ctx,
             gboolean        batched)
{
  const UpTextFlags flags = UP_TEXT_BOLD | UP_TEXT_CENTRE | UP_TEXT_MIDDLE;
  const UpRgba ink = { 0.12, 0.12, 0.12, 1.0 };
  UpGlyphBatch batch;

  _up_chart_glyph_batch_init (&batch, &ink);
  for (int i = 0; i < 12; i++)
    {
      char digit[2] = { (char) ('1' + i % 3), '\0' };
      double x = 8 + i * 9.37, y = 10 + (i % 4) * 11.1;

      if (batched)
        g_assert_true (_up_chart_glyph_batch_add (ctx, &batch, digit, x, y, 9.5, flags));
      else
        _up_chart_text (ctx, digit, x, y, 0, 9.5, flags, 0, &ink);
    }
  _up_chart_glyph_batch_show (ctx, &batch);
}

/* Digits gathered in a glyph batch are placed exactly where the same
 * digits drawn one by one are, under a scale and at fractional positions
 * (in an SVG, to a millionth of a point), and look the same in an image. */
static void
test_glyph_batch (void)
{
  g_autoptr(UpProject) project = linked_project ();
  char *glyphs[2];
  cairo_surface_t *images[2];

  draw_batched_and_not (project, 120, 60, 2, draw_digits, svg_glyphs, glyphs, images);
  g_assert_cmpuint (strlen (glyphs[0]), >, 12 * 20);
  g_assert_cmpstr (glyphs[0], ==, glyphs[1]);

  for (int py = 0; py < 120; py++)
    for (int px = 0; px < 240; px++)
      {
        guint r[2], g[2], b[2];

        for (int batched = 0; batched <= 1; batched++)
          pixel_at (images[batched], px, py, &r[batched], &g[batched], &b[batched]);
        if (r[0] != r[1] || g[0] != g[1] || b[0] != b[1])
          g_error ("pixel at %d,%d differs", px, py);
      }
  free_batched_and_not (glyphs, images);
}

/* The largest difference of a colour channel between two images of the
 * same size, and how many pixels differ by more than @tolerance. */
static guint
image_difference (cairo_surface_t *a,
                  cairo_surface_t *b,
                  guint            tolerance,
                  guint           *n_over)
{
  int width = cairo_image_surface_get_width (a), height = cairo_image_surface_get_height (a);
  guint most = 0;

  *n_over = 0;
  for (int py = 0; py < height; py++)
    for (int px = 0; px < width; px++)
      {
        guint r[2], g[2], bl[2], d;

        pixel_at (a, px, py, &r[0], &g[0], &bl[0]);
        pixel_at (b, px, py, &r[1], &g[1], &bl[1]);
        d = MAX (MAX ((guint) ABS ((int) r[0] - (int) r[1]), (guint) ABS ((int) g[0] - (int) g[1])),
                 (guint) ABS ((int) bl[0] - (int) bl[1]));
        most = MAX (most, d);
        if (d > tolerance)
          (*n_over)++;
      }
  return most;
}

/* A rounded rectangle drawn as the box inside its corners, filled and
 * stroked round (the charts' shorter form in a file) is the rounded
 * rectangle's outline filled: a chip, a bar with its outline in a
 * stroke's width grown and shrunk, and a sliver drawn as a line. Drawn at
 * four times, they differ only by the antialiasing of their edges. */
static void
test_fill_rounded (void)
{
  /* x, y, width, height, radius, outline width (0: none) */
  const double shapes[][6] = {
    { 2.3, 1.6, 15, 14, 3, 0 },
    { 1.4, 2.2, 40, 10, 3, 1.5 },
    { 1.7, 2.1, 33.3, 10, 3, 1 },
    { 3.2, 1.1, 2, 10, 1, 0 },
    { 3.2, 1.1, 2, 10, 1, 1.5 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (shapes); i++)
    {
      const double *s = shapes[i];
      cairo_surface_t *images[2];
      guint most, n_over;

      for (int shorter = 0; shorter <= 1; shorter++)
        {
          cairo_t *cr;

          images[shorter] = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 50 * 4, 20 * 4);
          cr = cairo_create (images[shorter]);
          cairo_set_source_rgb (cr, 1, 1, 1);
          cairo_paint (cr);
          cairo_scale (cr, 4, 4);
          if (!shorter)
            {
              _up_chart_rounded_rect (cr, s[0], s[1], s[2], s[3], s[4]);
              cairo_set_source_rgb (cr, 0.2, 0.5, 0.9);
              cairo_fill_preserve (cr);
              if (s[5] > 0)
                {
                  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
                  cairo_set_line_width (cr, s[5]);
                  cairo_stroke (cr);
                }
            }
          else
            {
              if (s[2] > 2 * s[4])
                cairo_rectangle (cr, s[0] + s[4], s[1] + s[4], s[2] - 2 * s[4], s[3] - 2 * s[4]);
              else
                {
                  cairo_move_to (cr, s[0] + s[4], s[1] + s[4]);
                  cairo_line_to (cr, s[0] + s[4], s[1] + s[3] - s[4]);
                }
              if (s[5] > 0)
                {
                  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
                  _up_chart_fill_rounded (cr, s[4], s[5] / 2);
                }
              cairo_set_source_rgb (cr, 0.2, 0.5, 0.9);
              _up_chart_fill_rounded (cr, s[4], -s[5] / 2);
            }
          g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
          cairo_destroy (cr);
          cairo_surface_flush (images[shorter]);
        }
      most = image_difference (images[0], images[1], 40, &n_over);
      g_test_message ("shape %u: largest difference %u, %u pixels over 40", i, most, n_over);
      g_assert_cmpuint (n_over, <=, 4);
      for (int shorter = 0; shorter <= 1; shorter++)
        cairo_surface_destroy (images[shorter]);
    }
}

static int
compare_lines (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

/* The glyphs an SVG shows as "outline at x y" lines, sorted: the same
 * text in any order of drawing (the file numbers its glyphs in the order
 * it first meets them). */
static char *
svg_glyphs_sorted (const char *svg)
{
  g_autoptr(GHashTable) outlines = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_auto(GStrv) lines = g_strsplit (svg, "\n", -1);
  g_autoptr(GPtrArray) shown = g_ptr_array_new_with_free_func (g_free);
  GString *glyphs = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *id = strstr (lines[i], "<symbol overflow=\"visible\" id=\"");
      const char *use = strstr (lines[i], "<use xlink:href=\"#");

      if (id != NULL && lines[i + 1] != NULL)
        {
          id += strlen ("<symbol overflow=\"visible\" id=\"");
          g_hash_table_insert (outlines, g_strndup (id, strcspn (id, "\"")), g_strdup (lines[i + 1]));
        }
      else if (use != NULL)
        {
          g_autofree char *name = NULL;
          const char *place, *outline;

          use += strlen ("<use xlink:href=\"#");
          name = g_strndup (use, strcspn (use, "\""));
          place = strstr (use, " x=");
          outline = g_hash_table_lookup (outlines, name);
          g_assert_nonnull (place);
          g_assert_nonnull (outline);
          g_ptr_array_add (shown, g_strdup_printf ("%s at%s", outline, place));
        }
    }
  g_ptr_array_sort (shown, compare_lines);
  for (guint i = 0; i < shown->len; i++)
    g_string_append_printf (glyphs, "%s\n", (char *) shown->pdata[i]);
  return g_string_free (glyphs, FALSE);
}

static void
draw_chips (UpChartContext *ctx,
            gboolean        batched)
{
  UpChipBatch chips;

  _up_chart_chip_batch_init (&chips, 15, 14, 8.0);
  for (guint i = 0; i < 2 * UP_SDG_N_GOALS; i++)
    {
      guint goal = 1 + (i * 7) % UP_SDG_N_GOALS;
      double x = 2 + (i % UP_SDG_N_GOALS) * 16.5, y = 3 + (i / UP_SDG_N_GOALS) * 20.25;

      if (batched)
        _up_chart_chip_batch_add (&chips, goal, x, y);
      else
        _up_chart_goal_chip (ctx, goal, x, y, 15, 14, 8.0, FALSE);
    }
  _up_chart_chip_batch_show (ctx, &chips);
}

/* Chips gathered in a batch look as chips drawn one by one: in an SVG the
 * same glyphs at the same places, in an image the same pixels but for the
 * edges of their corners. */
static void
test_chip_batch (void)
{
  g_autoptr(UpProject) project = linked_project ();
  char *glyphs[2];
  cairo_surface_t *images[2];
  guint most, n_over;

  draw_batched_and_not (project, 300, 60, 4, draw_chips, svg_glyphs_sorted, glyphs, images);
  /* 34 chips, 8 of two digits */
  g_assert_cmpuint (strlen (glyphs[0]), >, 42 * 20);
  g_assert_cmpstr (glyphs[0], ==, glyphs[1]);

  most = image_difference (images[0], images[1], 40, &n_over);
  g_test_message ("chips: largest difference %u, %u pixels over 40", most, n_over);
  g_assert_cmpuint (n_over, <=, 2 * UP_SDG_N_GOALS);
  free_batched_and_not (glyphs, images);
}

static void
draw_titles (UpChartContext *ctx,
             gboolean        batched)
{
  static const char *titles[] = {
    "Behovsanalys",
    "Marknadsdialog med leverantörer",
    "Skede 7: marknadsdialog och kravställning",
    "Skede 8: marknadsdialog och kravställning",
    "Förfrågningsunderlag, utvärderingsmodell och avtalsvillkor för hela upphandlingen av trygghetslarm",
    "Tilldelningsbeslut",
  };
  UpGlyphBatch lines[2];

  _up_chart_glyph_batch_init (&lines[0], &ctx->fg);
  _up_chart_glyph_batch_init (&lines[1], &ctx->fg);
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    _up_chart_row_title (ctx, titles[i], 4.25, 9 + i * 18.3, 178, 9.5, 8.0, UP_TEXT_TIGHT,
                         batched ? lines : NULL);
  _up_chart_glyph_batch_show (ctx, &lines[0]);
  _up_chart_glyph_batch_show (ctx, &lines[1]);
}

/* The SVG's glyphs sorted, then the number of its groups of text: a text
 * operation of Cairo's is a group of its own. */
static char *
svg_glyphs_and_groups (const char *svg)
{
  g_autofree char *glyphs = svg_glyphs_sorted (svg);
  guint n_groups = 0;

  for (const char *at = strstr (svg, "<g style=\"fill:"); at != NULL; at = strstr (at + 1, "<g style=\"fill:"))
    n_groups++;
  return g_strdup_printf ("%s%u groups", glyphs, n_groups);
}

/* Stage titles in one line gathered in batches (one of each size) are
 * placed where titles drawn one by one are, in fewer text operations; a
 * title in two lines is drawn as before. */
static void
test_title_batch (void)
{
  g_autoptr(UpProject) project = linked_project ();
  char *glyphs[2];
  cairo_surface_t *images[2];
  const char *groups[2];
  guint most, n_over;

  draw_batched_and_not (project, 200, 120, 2, draw_titles, svg_glyphs_and_groups, glyphs, images);
  for (int batched = 0; batched <= 1; batched++)
    {
      groups[batched] = strrchr (glyphs[batched], '\n') + 1;
      g_test_message ("%s: %s", batched ? "batched" : "one by one", groups[batched]);
    }
  /* all the letters of the five titles in one line and the two lines */
  g_assert_cmpuint (strlen (glyphs[0]), >, 200 * 20);
  g_assert_cmpmem (glyphs[0], groups[0] - glyphs[0], glyphs[1], groups[1] - glyphs[1]);
  /* the five titles in one line in two operations, not five; the title
   * in two lines (its cut a run of its own) as it was */
  g_assert_cmpuint (g_ascii_strtoull (groups[0], NULL, 10), >=, 6);
  g_assert_cmpuint (g_ascii_strtoull (groups[1], NULL, 10), ==, g_ascii_strtoull (groups[0], NULL, 10) - 3);

  /* an image is drawn one by one, as it was */
  most = image_difference (images[0], images[1], 0, &n_over);
  g_assert_cmpuint (most, ==, 0);
  free_batched_and_not (glyphs, images);
}

/* A line of plain text shaped without a layout has the glyphs, the
 * places, the extents and the baseline a layout gives it (kerning,
 * ligatures, marks, another script), under a scale too; any other text
 * (right to left, emoji, two scripts, a control or invisible character,
 * a letter the first font lacks) is left to a layout. */
static void
test_plain_line (void)
{
  enum { NO, YES, MAYBE };
  static const struct
  {
    const char *text;
    int         plain;
  } texts[] = {
    { "Skede 7: marknadsdialog och kravställning", YES },
    { "Förfrågningsunderlag, tilldelningsbeslut – avtalsspärr", YES },
    { "2026-08-12 – 2026-08-25", YES },
    { "AVATAR Tävling WAVE \"fil\" office ffl Yo To", YES },
    { "  ledande och avslutande blanksteg  ", YES },
    { "Re\u0301sume\u0301 nai\u0308ve 1\u00a0234\u00a0kr", YES },
    { "12\u202f%", NO },
    { "Citat ”så här” och ’så’ … 5 € ‰", YES },
    { "Ελληνικά γράμματα", MAYBE },   /* where the first font has them */
    { "Кириллица и проба", MAYBE },
    { "Latin och Ελληνικά", NO },
    { "مرحلة التقييم", NO },
    { "שלב א", NO },
    { "möte 🇸🇪", NO },
    { "mjuk\u00adbindestreck", NO },
    { "noll\u200bbredd", NO },
    { "", NO },
    { "   ", NO },
    { "\u00a0\u00a0", NO },
    { "\u00a0efter hårt blanksteg", YES },
  };
  static const UpTextFlags flags[] = { 0, UP_TEXT_BOLD, UP_TEXT_TIGHT | UP_TEXT_MIDDLE };
  g_autoptr(UpProject) project = demo ();
  UpChartOptions options;
  guint n_plain = 0;

  up_chart_options_init (&options);
  for (int scaled = 0; scaled <= 1; scaled++)
    {
      cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (NULL, NULL, 600, 400);
      cairo_t *cr = cairo_create (surface);
      UpChartContext ctx;

      if (scaled)
        cairo_scale (cr, 1.7, 1.7);
      _up_chart_context_init (&ctx, cr, project, &options, FALSE);
      for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
        for (guint f = 0; f < G_N_ELEMENTS (flags); f++)
          for (double size = 8.0; size <= 9.5; size += 1.5)
            {
              g_autoptr(PangoLayout) layout = _up_chart_layout (&ctx, texts[t].text, size, flags[f], 0, 0);
              PangoLayoutLine *line = pango_layout_get_line_readonly (layout, 0);
              PangoLayoutIter *iter = pango_layout_get_iter (layout);
              PangoGlyphString *glyphs, *expected;
              PangoRectangle logical, expected_line, expected_layout;
              int baseline;

              g_test_message ("%s, flags %x, %.1f pt, scaled %d", texts[t].text, flags[f], size, scaled);
              if (!_up_chart_plain_line (&ctx, texts[t].text, size, flags[f], &glyphs, &logical, &baseline))
                {
                  g_assert_cmpint (texts[t].plain, !=, YES);
                  pango_layout_iter_free (iter);
                  continue;
                }
              g_assert_cmpint (texts[t].plain, !=, NO);
              n_plain += texts[t].plain == YES;

              g_assert_cmpint (pango_layout_get_line_count (layout), ==, 1);
              g_assert_nonnull (line->runs);
              g_assert_null (line->runs->next);
              expected = ((PangoGlyphItem *) line->runs->data)->glyphs;
              g_assert_cmpint (glyphs->num_glyphs, ==, expected->num_glyphs);
              for (int i = 0; i < glyphs->num_glyphs; i++)
                {
                  g_assert_cmpuint (glyphs->glyphs[i].glyph, ==, expected->glyphs[i].glyph);
                  g_assert_cmpint (glyphs->glyphs[i].geometry.width, ==, expected->glyphs[i].geometry.width);
                  g_assert_cmpint (glyphs->glyphs[i].geometry.x_offset, ==, expected->glyphs[i].geometry.x_offset);
                  g_assert_cmpint (glyphs->glyphs[i].geometry.y_offset, ==, expected->glyphs[i].geometry.y_offset);
                }

              pango_layout_iter_get_line_extents (iter, NULL, &expected_line);
              pango_layout_get_extents (layout, NULL, &expected_layout);
              g_assert_cmpint (logical.x, ==, expected_line.x);
              g_assert_cmpint (logical.width, ==, expected_layout.width);
              g_assert_cmpint (logical.height, ==, expected_layout.height);
              g_assert_cmpint (baseline, ==, pango_layout_iter_get_baseline (iter));
              pango_layout_iter_free (iter);

              /* what the charts measure agrees */
              g_assert_cmpfloat (_up_chart_text_width (&ctx, texts[t].text, size, flags[f]), ==,
                                 expected_layout.width / (double) PANGO_SCALE);
            }
      _up_chart_context_clear (&ctx);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
  /* the plain texts in the three styles, two sizes and two scales */
  g_assert_cmpuint (n_plain, ==, 8 * 3 * 2 * 2);
}

/* Every chart of the demo looks the same whether its plain texts are
 * shaped without a layout or each laid out: on an image at a whole and at
 * a fractional scale (where glyphs are drawn as paths), pixel for pixel,
 * and in an SVG, glyph for glyph. */
static void
test_plain_text_same (void)
{
  static const UpChartKind kinds[] = {
    UP_CHART_TIMELINE, UP_CHART_MATRIX, UP_CHART_WHEEL, UP_CHART_BARS, UP_CHART_REPORT, UP_CHART_GRID,
  };
  g_autoptr(UpProject) project = demo ();
  UpChartOptions options;

  up_chart_options_init (&options);
  options.decorations = TRUE;
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    for (int lang = UP_LANG_EN; lang <= UP_LANG_SV; lang++)
      for (int target = 0; target < 3; target++)
        {
          const double scales[] = { 1.0, 1.37 };
          cairo_surface_t *images[2] = { NULL, NULL };
          char *glyphs[2] = { NULL, NULL };
          double width, height;

          options.lang = lang;
          up_chart_get_size (kinds[k], project, &options, &width, &height);
          for (int only = 0; only <= 1; only++)
            {
              g_autoptr(GString) svg = g_string_new (NULL);
              cairo_surface_t *surface;
              cairo_t *cr;

              _up_chart_set_layouts_only (only);
              if (target < 2)
                surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, ceil (width * scales[target]),
                                                      ceil (height * scales[target]));
              else
                surface = cairo_svg_surface_create_for_stream (append_to_string, svg, width, height);
              cr = cairo_create (surface);
              if (target < 2)
                cairo_scale (cr, scales[target], scales[target]);
              up_chart_draw (kinds[k], project, &options, cr, width, height);
              g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
              cairo_destroy (cr);
              if (target < 2)
                {
                  cairo_surface_flush (surface);
                  images[only] = surface;
                }
              else
                {
                  cairo_surface_destroy (surface);
                  glyphs[only] = svg_glyphs_sorted (svg->str);
                }
            }
          _up_chart_set_layouts_only (FALSE);

          g_test_message ("%s, %s, %s", up_chart_kind_get_name (kinds[k]), lang == UP_LANG_SV ? "sv" : "en",
                          target == 2 ? "SVG" : target == 1 ? "image at 1.37" : "image");
          if (target < 2)
            {
              guint n_over;

              g_assert_cmpuint (image_difference (images[0], images[1], 0, &n_over), ==, 0);
            }
          else
            {
              g_assert_cmpuint (strlen (glyphs[0]), >, 100);
              g_assert_cmpstr (glyphs[0], ==, glyphs[1]);
            }
          free_batched_and_not (glyphs, images);
        }
}

static void
test_grid_cells (void)
{
  g_autoptr(UpProject) project = demo ();
  const double sizes[][2] = { { 0, 0 }, { 1200, 1100 }, { 1000, 400 }, { 300, 900 } };

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    for (int decorations = 0; decorations <= 1; decorations++)
      {
        UpChartOptions options;
        double width = sizes[s][0], height = sizes[s][1];
        double left_x, right_x, top_y, bottom_y;

        up_chart_options_init (&options);
        options.lang = UP_LANG_EN;
        options.decorations = decorations;
        if (width == 0)
          up_chart_get_size (UP_CHART_GRID, project, &options, &width, &height);

        for (int influence = 1; influence <= 5; influence++)
          for (int interest = 1; interest <= 5; interest++)
            {
              double x, y;
              int got_influence = 0, got_interest = 0;

              up_chart_grid_cell_centre (project, &options, width, height, influence, interest, &x, &y);
              g_assert_true (x > 0 && x < width && y > 0 && y < height);
              g_assert_true (up_chart_grid_cell_at (project, &options, width, height, x, y,
                                                    &got_influence, &got_interest));
              g_assert_cmpint (got_influence, ==, influence);
              g_assert_cmpint (got_interest, ==, interest);
            }

        /* Influence grows upwards, interest to the right. */
        up_chart_grid_cell_centre (project, &options, width, height, 1, 1, &left_x, &bottom_y);
        up_chart_grid_cell_centre (project, &options, width, height, 5, 5, &right_x, &top_y);
        g_assert_cmpfloat (left_x, <, right_x);
        g_assert_cmpfloat (top_y, <, bottom_y);

        /* Outside the cells there is no cell. */
        g_assert_false (up_chart_grid_cell_at (project, &options, width, height, 1, 1, NULL, NULL));
        g_assert_false (up_chart_grid_cell_at (project, &options, width, height,
                                               right_x + (right_x - left_x), top_y, NULL, NULL));
      }
}

static const struct {
  const char     *name;
  UpGridQuadrant  quadrant;
} demo_quadrants[] = {
  { "Karin Lindqvist", UP_GRID_MANAGE_CLOSELY },   /* 5, 4 */
  { "Erik Holm", UP_GRID_KEEP_SATISFIED },         /* 5, 3 */
  { "Johan Nilsson", UP_GRID_MANAGE_CLOSELY },     /* 4, 5 */
  { "Ahmed Hassan", UP_GRID_KEEP_INFORMED },       /* 2, 5 */
  { "Birgitta Ek", UP_GRID_KEEP_INFORMED },        /* 2, 5 */
  { "Maria Svensson", UP_GRID_KEEP_INFORMED },     /* 3, 4 */
  { "Lena Berg", UP_GRID_KEEP_INFORMED },          /* 1, 5 */
  { "Sara Öberg", UP_GRID_MONITOR },               /* 2, 3 */
};

static void
test_grid_marks (void)
{
  g_autoptr(UpProject) project = demo ();
  GListModel *people = up_project_get_stakeholders (project);
  UpChartOptions options;
  double width = 900, height = 800;

  up_chart_options_init (&options);
  options.lang = UP_LANG_SV;
  g_assert_cmpuint (g_list_model_get_n_items (people), ==, G_N_ELEMENTS (demo_quadrants));

  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(UpStakeholder) person = g_list_model_get_item (people, i);
      int influence = 0, interest = 0;
      double x, y;
      guint k;

      for (k = 0; k < G_N_ELEMENTS (demo_quadrants); k++)
        if (g_strcmp0 (demo_quadrants[k].name, up_stakeholder_get_name (person)) == 0)
          break;
      g_assert_cmpuint (k, <, G_N_ELEMENTS (demo_quadrants));

      g_assert_true (up_chart_grid_stakeholder_mark (project, &options, width, height, person, &x, &y, NULL));
      g_assert_true (up_chart_grid_cell_at (project, &options, width, height, x, y, &influence, &interest));
      g_assert_cmpint (influence, ==, up_stakeholder_get_influence (person));
      g_assert_cmpint (interest, ==, up_stakeholder_get_interest (person));
      g_assert_cmpint (up_chart_grid_quadrant (influence, interest), ==, demo_quadrants[k].quadrant);
      g_assert_true (up_chart_grid_stakeholder_at (project, &options, width, height, x, y) == person);
    }

  /* Between marks, on the empty cell (1, 1), nobody is hit. */
  {
    double x, y;

    up_chart_grid_cell_centre (project, &options, width, height, 1, 1, &x, &y);
    g_assert_null (up_chart_grid_stakeholder_at (project, &options, width, height, x, y));
  }
}

/* A long name takes a second line where its cell has lines to spare:
 * it was cut at some 17 characters ("Kommunstyrelsens o…"), which is
 * where an organisation's name tells what it is. The second line belongs
 * to the name's target. A short name keeps one line. */
static void
test_grid_long_names (void)
{
  static const char * const names[] = {
    "Kommunstyrelsens ordförande",
    "Pensionärsrådet i Älvby",
    "Eva Ek",
    "Per Ek",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(UpProject) project = up_project_new ("Long names", &error);
  UpStakeholder *people[G_N_ELEMENTS (names)];
  double ys[G_N_ELEMENTS (names)];
  UpChartOptions options;
  double width, height, x = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      people[i] = up_project_add_stakeholder (project, names[i], NULL, "politician", &error);
      g_assert_no_error (error);
      up_project_set_int (project, people[i], "influence", 2, &error);
      up_project_set_int (project, people[i], "interest", 2, &error);
      g_assert_no_error (error);
    }

  up_chart_options_init (&options);
  options.lang = UP_LANG_SV;
  up_chart_get_size (UP_CHART_GRID, project, &options, &width, &height);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_assert_true (up_chart_grid_stakeholder_mark (project, &options, width, height, people[i], &x, &ys[i], NULL));

  /* four lines of a cell's five: the first long name gets the fifth */
  g_assert_cmpfloat (ys[1] - ys[0], >, 24);
  g_assert_cmpfloat (ys[2] - ys[1], <, 18);
  g_assert_cmpfloat (ys[3] - ys[2], <, 18);
  /* its second line is its target, beyond a line's height */
  g_assert_true (up_chart_grid_stakeholder_at (project, &options, width, height, x + 40, ys[0] + 12) == people[0]);
  g_assert_true (up_chart_grid_stakeholder_at (project, &options, width, height, x + 40, ys[0] - 12) == people[0]);
  g_assert_true (up_chart_grid_stakeholder_at (project, &options, width, height, x + 40, ys[2]) == people[2]);
}

static void
test_grid_crowded (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UpProject) project = up_project_new ("Crowded", &error);
  g_autoptr(GPtrArray) people = g_ptr_array_new ();
  UpChartOptions options;
  double width, height, previous_y = -1;
  guint n_marks = 0;
  cairo_surface_t *surface;

  up_chart_options_init (&options);
  options.lang = UP_LANG_EN;
  for (guint i = 0; i < 9; i++)
    {
      g_autofree char *name = g_strdup_printf ("Stakeholder with a rather long name %u", i);
      UpStakeholder *person = up_project_add_stakeholder (project, name, NULL, "citizen", &error);

      g_assert_no_error (error);
      up_project_set_int (project, person, "influence", 4, &error);
      up_project_set_int (project, person, "interest", 2, &error);
      g_assert_no_error (error);
      g_ptr_array_add (people, person);
    }

  up_chart_get_size (UP_CHART_GRID, project, &options, &width, &height);
  for (guint i = 0; i < people->len; i++)
    {
      double x, y;
      int influence, interest;

      if (!up_chart_grid_stakeholder_mark (project, &options, width, height, people->pdata[i], &x, &y, NULL))
        continue;
      n_marks++;
      g_assert_true (up_chart_grid_cell_at (project, &options, width, height, x, y, &influence, &interest));
      g_assert_cmpint (influence, ==, 4);
      g_assert_cmpint (interest, ==, 2);
      /* Stacked one under the other, a line apart. */
      if (previous_y >= 0)
        g_assert_cmpfloat (y - previous_y, >=, 14);
      previous_y = y;
    }
  /* A full cell shows what fits and counts the rest. */
  g_assert_cmpuint (n_marks, >=, 3);
  g_assert_cmpuint (n_marks, <, people->len);

  /* The drag preview puts the dragged one where the pointer is. */
  options.preview_stakeholder = up_record_get_id (people->pdata[8]);
  options.preview_influence = 1;
  options.preview_interest = 5;
  {
    double x, y;
    int influence, interest;

    g_assert_true (up_chart_grid_stakeholder_mark (project, &options, width, height, people->pdata[8], &x, &y, NULL));
    g_assert_true (up_chart_grid_cell_at (project, &options, width, height, x, y, &influence, &interest));
    g_assert_cmpint (influence, ==, 1);
    g_assert_cmpint (interest, ==, 5);
  }

  _up_chart_reset_n_cut ();
  surface = render (UP_CHART_GRID, project, &options, 1.5, &width, &height);
  g_assert_cmpuint (_up_chart_get_n_cut (), ==, 0);
  g_free (save_review (surface, "chart-grid-crowded.png"));
  cairo_surface_destroy (surface);
}

/* The grid on screen (no title, project or date, as the stakeholders view
 * draws it) fills the widget it is given and keeps its text at a size one
 * can read, instead of shrinking the whole chart to fit: a window 800
 * pixels wide leaves it about 770 × 430. Two stakeholders in one cell both
 * show, and the legend of the marks is drawn below the cells. */
static void
test_grid_screen (void)
{
  g_autoptr(UpProject) project = demo ();
  const double width = 770, height = 430;
  UpChartOptions options;
  g_autoptr(GArray) marks = NULL;
  double x1, y1, x5, y5, bottom = 0;
  double cell_y[2] = { 0, 0 };
  guint in_cell = 0;
  gboolean legend_drawn = FALSE;
  cairo_surface_t *surface;
  cairo_t *cr;

  up_chart_options_init (&options);
  options.lang = UP_LANG_EN;
  options.decorations = FALSE;
  options.legend = TRUE;

  /* Five columns take most of the width, though the height is short. */
  up_chart_grid_cell_centre (project, &options, width, height, 1, 1, &x1, &y1);
  up_chart_grid_cell_centre (project, &options, width, height, 5, 5, &x5, &y5);
  g_assert_cmpfloat ((x5 - x1) * 5 / 4, >=, 0.75 * width);

  /* The demo's Ahmed Hassan and Birgitta Ek share influence 2, interest 5:
   * both are marked, a line of text apart (a line of 9-point names at no
   * less than 1.15 times). */
  marks = up_chart_grid_list_marks (project, &options, width, height);
  for (guint i = 0; i < marks->len; i++)
    {
      const UpGridMark *mark = &g_array_index (marks, UpGridMark, i);

      if (mark->influence == 2 && mark->interest == 5)
        {
          g_assert_nonnull (mark->stakeholder);
          cell_y[MIN (in_cell, 1)] = mark->y;
          in_cell++;
        }
    }
  g_assert_cmpuint (in_cell, ==, 2);
  g_assert_cmpfloat (cell_y[1] - cell_y[0], >=, 14 * 1.15 - 0.01);

  /* The supporter's green of the legend below the cells (and the column
   * numbers and axis name under them). */
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) width, (int) height);
  cr = cairo_create (surface);
  up_chart_draw (UP_CHART_GRID, project, &options, cr, width, height);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  bottom = y1 + (y1 - y5) / 8;
  for (int py = (int) bottom + 40; py < height && !legend_drawn; py++)
    for (int px = 0; px < width && !legend_drawn; px++)
      {
        guint r, g, b;

        pixel_at (surface, px, py, &r, &g, &b);
        legend_drawn = ABS ((int) r - 0x26) < 8 && ABS ((int) g - 0xA2) < 8 && ABS ((int) b - 0x69) < 8;
      }
  g_free (save_review (surface, "chart-grid-screen.png"));
  cairo_surface_destroy (surface);
  g_assert_true (legend_drawn);
}

/* The quadrant labels in the chart's language, read back from the PNG. */
static char *
ocr (const char *png,
     const char *language)
{
  g_autofree char *tesseract = g_find_program_in_path ("tesseract");
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;
  const char *argv[] = { tesseract, png, "stdout", "-l", language, NULL };

  g_assert_nonnull (tesseract);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

/* The tests run with UPPHANDLA_LOCALEDIR at the built catalogues (see
 * tests/meson.build), so Swedish must be there; run by hand without it,
 * the language checks are skipped rather than failed. */
static gboolean
swedish_available (void)
{
  gboolean translated = g_strcmp0 (up_lang_gettext (UP_LANG_SV, "Manage closely"), "Manage closely") != 0;

  if (g_getenv ("UPPHANDLA_LOCALEDIR") != NULL)
    g_assert_true (translated);
  return translated;
}

static void
test_grid_language (void)
{
  g_autoptr(UpProject) project = demo ();
  g_autofree char *text_en = NULL;
  g_autofree char *text_sv = NULL;
  cairo_surface_t *surfaces[2];
  double width, height;
  gsize differing = 0;

  if (!test_have_program ("tesseract"))
    {
      g_test_skip ("tesseract is not installed (tools/setup installs it)");
      return;
    }
  if (!swedish_available ())
    {
      g_test_skip ("the Swedish catalogue is not available to up_lang_gettext");
      return;
    }

  for (UpLang lang = UP_LANG_EN; lang <= UP_LANG_SV; lang++)
    {
      UpChartOptions options;
      g_autofree char *path = NULL;
      g_autofree char *text = NULL;
      g_autofree char *folded = NULL;

      up_chart_options_init (&options);
      options.lang = lang;
      options.date = "2026-11-28";
      surfaces[lang - UP_LANG_EN] = render (UP_CHART_GRID, project, &options, 2, &width, &height);
      path = save_review (surfaces[lang - UP_LANG_EN], lang == UP_LANG_SV ? "chart-grid-ocr-sv.png"
                                                                          : "chart-grid-ocr-en.png");
      text = ocr (path, lang == UP_LANG_SV ? "swe" : "eng");
      folded = g_utf8_casefold (text, -1);

      for (UpGridQuadrant q = UP_GRID_MONITOR; q <= UP_GRID_MANAGE_CLOSELY; q++)
        {
          g_autofree char *label = g_utf8_casefold (up_chart_grid_quadrant_get_label (q, lang), -1);
          g_autofree char *english = g_utf8_casefold (up_chart_grid_quadrant_get_label (q, UP_LANG_EN), -1);

          if (strstr (folded, label) == NULL)
            g_error ("“%s” not read in the %s grid:\n%s", label, up_lang_get_code (lang), text);
          /* And not the other language's label. */
          if (lang == UP_LANG_SV)
            g_assert_null (strstr (folded, english));
        }
      if (lang == UP_LANG_SV)
        text_sv = g_steal_pointer (&text);
      else
        text_en = g_steal_pointer (&text);
    }

  /* The two renderings differ in the label strips, not only somewhere. */
  {
    UpChartOptions options;
    double x, y5, y4;

    up_chart_options_init (&options);
    up_chart_grid_cell_centre (project, &options, width * 2, height * 2, 5, 1, &x, &y5);
    up_chart_grid_cell_centre (project, &options, width * 2, height * 2, 4, 1, &x, &y4);
    for (double py = y5 - (y4 - y5) * 0.78; py < y5 - (y4 - y5) * 0.52; py++)
      for (double px = x - (y4 - y5) * 0.5; px < x + (y4 - y5); px++)
        {
          guint r1, g1, b1, r2, g2, b2;

          pixel_at (surfaces[0], px, py, &r1, &g1, &b1);
          pixel_at (surfaces[1], px, py, &r2, &g2, &b2);
          differing += r1 != r2 || g1 != g2 || b1 != b2;
        }
    g_assert_cmpuint (differing, >, 100);
  }

  cairo_surface_destroy (surfaces[0]);
  cairo_surface_destroy (surfaces[1]);
}

static void
test_titles (void)
{
  for (UpChartKind kind = UP_CHART_WHEEL; kind <= UP_CHART_TIMELINE; kind++)
    {
      const char *en = up_chart_kind_get_title (kind, UP_LANG_EN);
      UpChartKind parsed;

      g_assert_nonnull (en);
      g_assert_cmpstr (en, !=, up_chart_kind_get_name (kind));
      g_assert_true (up_chart_kind_parse (up_chart_kind_get_name (kind), &parsed));
      g_assert_cmpint (parsed, ==, kind);
      if (swedish_available ())
        g_assert_cmpstr (up_chart_kind_get_title (kind, UP_LANG_SV), !=, en);
    }
  g_assert_cmpstr (up_chart_kind_get_title (UP_CHART_WHEEL, UP_LANG_EN), ==, "Agenda 2030 coverage");
}

/* A project no one should make: 200 stages, 50 of them milestones, 40
 * local goals with many targets, a 1 MB title, emoji, right-to-left text,
 * control characters and format directives. */
static UpProject *
absurd_project (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UpProject) project = up_project_new (NULL, &error);
  GString *huge = g_string_new (NULL);
  static const char * const odd[] = {
    "مناقصة الإنذارات الرقمية للمسنين في البلدية",
    "👵📟🚨 Larm för alla 🧓🏽👨‍👩‍👧",
    "%s%n%x \"quotes\" ‘and’ «more» \t\ttabs\nnewline\r\x01\x7f",
    "שלב אחד עם טקסט בעברית ועוד English",
  };
  GPtrArray *stages = g_ptr_array_new ();

  g_assert_no_error (error);
  while (huge->len < 1024 * 1024)
    g_string_append (huge, "Upphandling av digitala trygghetslarm 🚨 مناقصة ");

  up_project_begin_group (project, NULL);
  g_assert_true (up_project_set_string (project, project, "title", huge->str, &error));
  g_assert_true (up_project_set_string (project, project, "organisation", huge->str, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < 200; i++)
    {
      gboolean milestone = i % 4 == 0;
      g_autofree char *start = up_date_add_days ("2026-01-05", i * 9);
      g_autofree char *end = up_date_add_days (start, milestone ? 0 : 5 + i % 60);
      g_autofree char *title = i < 4 ? g_strdup (odd[i]) : i == 4 ? g_strdup (huge->str)
                                     : g_strdup_printf ("Stage %u %s", i, odd[i % 4]);
      UpStage *stage = up_project_add_stage (project, milestone ? "milestone" : "pilot", title,
                                             start, end, NULL, &error);

      g_assert_no_error (error);
      g_ptr_array_add (stages, stage);
      up_project_add_sdg_link (project, UP_RECORD (stage), up_sdg_get_goal (1 + i % 17)->targets[i % 5],
                               i % 3 == 0 ? "negative" : "positive", 1 + i % 3, NULL, &error);
      g_assert_no_error (error);
    }

  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *title = i == 0 ? g_strdup (huge->str) : g_strdup_printf ("%s %u", odd[i % 4], i);
      UpLocalGoal *goal = up_project_add_local_goal (project, i % 2 ? "local" : "regional", title, &error);

      g_assert_no_error (error);
      for (guint t = 0; t < 1 + i % 7; t++)
        up_project_link_local_goal_target (project, goal, up_sdg_get_goal (1 + (i + t) % 17)->targets[t % 5],
                                           &error);
      up_project_link_stage_local_goal (project, stages->pdata[i], goal, &error);
      g_assert_no_error (error);
    }

  for (guint i = 0; i < 30; i++)
    {
      UpStakeholder *person = up_project_add_stakeholder (project, i % 5 == 0 ? huge->str : odd[i % 4],
                                                          NULL, "other", &error);

      g_assert_no_error (error);
      up_project_set_int (project, person, "influence", 1 + i % 5, &error);
      up_project_set_int (project, person, "interest", 1 + (i / 5) % 2 * 4, &error);
      g_assert_no_error (error);
    }
  g_assert_true (up_project_end_group (project, &error));
  g_assert_no_error (error);

  g_ptr_array_unref (stages);
  g_string_free (huge, TRUE);
  return g_steal_pointer (&project);
}

static void
assert_inside (cairo_surface_t *recording,
               double           width,
               double           height)
{
  double x, y, w, h;

  /* The recording surface rounds its extents out to whole units. */
  cairo_recording_surface_ink_extents (recording, &x, &y, &w, &h);
  if (x < 0 || y < 0 || x + w > ceil (width) || y + h > ceil (height))
    g_error ("ink at %.2f,%.2f %.2f×%.2f outside the page of %.2f×%.2f", x, y, w, h, width, height);
}

static void
test_absurd_input (gconstpointer data)
{
  g_autoptr(UpProject) project = absurd_project ();
  g_autoptr(UpProject) small = demo ();
  double small_width, small_height;

  _up_chart_set_font (data);
  for (UpLang lang = UP_LANG_EN; lang <= UP_LANG_SV; lang++)
    for (UpChartKind kind = UP_CHART_WHEEL; kind <= UP_CHART_TIMELINE; kind++)
      {
        UpChartOptions options;
        double width, height;
        cairo_surface_t *recording;
        cairo_t *cr;

        up_chart_options_init (&options);
        options.lang = lang;
        up_chart_get_size (kind, project, &options, &width, &height);
        if (kind == UP_CHART_REPORT)
          {
            g_assert_cmpfloat_with_epsilon (width, 841.89, 0.001);
            g_assert_cmpfloat_with_epsilon (height, 595.28, 0.001);
          }

        _up_chart_reset_n_cut ();
        recording = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
        cr = cairo_create (recording);
        up_chart_draw (kind, project, &options, cr, width, height);
        g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
        cairo_destroy (cr);
        assert_inside (recording, width, height);
        g_assert_cmpuint (_up_chart_get_n_cut (), ==, 0);
        /* Readable when printed: nothing on the A4 report or the
         * timeline (printed at its size) under 8 pt. */
        if (kind == UP_CHART_REPORT || kind == UP_CHART_TIMELINE)
          g_assert_cmpfloat (_up_chart_get_min_text_size (), >=, 8.0);

        if (lang == UP_LANG_EN && data == NULL)
          {
            cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) ceil (width),
                                                                 (int) ceil (height));
            g_autofree char *name = g_strdup_printf ("chart-%s-absurd.png", up_chart_kind_get_name (kind));

            cr = cairo_create (image);
            cairo_set_source_surface (cr, recording, 0, 0);
            cairo_paint (cr);
            cairo_destroy (cr);
            g_free (save_review (image, name));
            cairo_surface_destroy (image);
          }
        cairo_surface_destroy (recording);
      }

  /* The matrix grows with its stages. */
  {
    UpChartOptions options;
    double width, height;

    up_chart_options_init (&options);
    up_chart_get_size (UP_CHART_MATRIX, small, &options, &small_width, &small_height);
    up_chart_get_size (UP_CHART_MATRIX, project, &options, &width, &height);
    g_assert_cmpfloat (height, >, small_height + 180 * 20);
  }
  _up_chart_set_font (NULL);
}

static void
test_review_pngs (gconstpointer data)
{
  g_autoptr(UpProject) project = demo ();
  const UpChartKind kinds[] = { UP_CHART_WHEEL, UP_CHART_BARS, UP_CHART_MATRIX, UP_CHART_GRID, UP_CHART_REPORT,
                                UP_CHART_TIMELINE };

  _up_chart_set_font (data);
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    for (UpLang lang = UP_LANG_EN; lang <= UP_LANG_SV; lang++)
      for (int dark = 0; dark <= 1; dark++)
        {
          UpChartOptions options;
          double width, height;
          cairo_surface_t *surface;
          g_autofree char *name = NULL;

          up_chart_options_init (&options);
          options.lang = lang;
          options.dark = dark;
          options.date = "2026-11-28";
          _up_chart_reset_n_cut ();
          surface = render (kinds[k], project, &options, 1.5, &width, &height);
          g_assert_cmpuint (_up_chart_get_n_cut (), ==, 0);
          if (kinds[k] == UP_CHART_REPORT || kinds[k] == UP_CHART_TIMELINE)
            g_assert_cmpfloat (_up_chart_get_min_text_size (), >=, 8.0);
          name = g_strdup_printf ("chart-%s-%s%s%s.png", up_chart_kind_get_name (kinds[k]),
                                  up_lang_get_code (lang), dark ? "-dark" : "", data ? "-wide-font" : "");
          g_free (save_review (surface, name));
          cairo_surface_destroy (surface);
        }
  _up_chart_set_font (NULL);
}

/* A chart limited to one local goal says so under its title. */
static void
test_local_goal (void)
{
  g_autoptr(UpProject) project = demo ();
  g_autoptr(UpLocalGoal) goal = g_list_model_get_item (up_project_get_local_goals (project), 2);
  const UpChartKind kinds[] = { UP_CHART_WHEEL, UP_CHART_BARS, UP_CHART_REPORT };

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      UpChartOptions options;
      double width, height;
      cairo_surface_t *surface;
      g_autofree char *name = NULL;

      up_chart_options_init (&options);
      options.lang = UP_LANG_SV;
      options.local_goal = goal;
      options.date = "2026-11-28";
      _up_chart_reset_n_cut ();
      surface = render (kinds[k], project, &options, 1.5, &width, &height);
      g_assert_cmpuint (_up_chart_get_n_cut (), ==, 0);
      name = g_strdup_printf ("chart-%s-local-goal-sv.png", up_chart_kind_get_name (kinds[k]));
      g_free (save_review (surface, name));
      cairo_surface_destroy (surface);
    }
}

/* A long project title takes a second line in every chart's header before
 * it is cut: the end that tells the projects apart was lost. */
static void
test_long_project_title (void)
{
  static const char title[] = "Upphandling av digitala trygghetslarm och larmmottagning för hemtjänsten, "
                              "särskilda boenden och korttidsboenden i Älvby kommun, etapp två av tre";
  g_autoptr(UpProject) project = demo ();
  const UpChartKind kinds[] = { UP_CHART_WHEEL, UP_CHART_BARS, UP_CHART_MATRIX, UP_CHART_GRID };
  double short_height[G_N_ELEMENTS (kinds)];

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      UpChartOptions options;
      double width;

      up_chart_options_init (&options);
      options.lang = UP_LANG_SV;
      options.decorations = TRUE;
      up_chart_get_size (kinds[k], project, &options, &width, &short_height[k]);
    }

  g_assert_true (up_project_set_string (project, project, "title", title, NULL));
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      UpChartOptions options;
      double width, height;
      cairo_surface_t *surface;
      g_autofree char *name = NULL;

      up_chart_options_init (&options);
      options.lang = UP_LANG_SV;
      options.date = "2026-11-28";
      options.decorations = TRUE;
      /* a second line of the title's size */
      up_chart_get_size (kinds[k], project, &options, &width, &height);
      g_test_message ("%s: %g → %g", up_chart_kind_get_name (kinds[k]), short_height[k], height);
      g_assert_cmpfloat (height - short_height[k], >, 10);
      g_assert_cmpfloat (height - short_height[k], <, 20);
      _up_chart_reset_n_cut ();
      surface = render (kinds[k], project, &options, 1, &width, &height);
      g_assert_cmpuint (_up_chart_get_n_cut (), ==, 0);
      name = g_strdup_printf ("chart-%s-long-title-sv.png", up_chart_kind_get_name (kinds[k]));
      g_free (save_review (surface, name));
      cairo_surface_destroy (surface);
    }
}

/* Limited to a local goal, the matrix has a row for each stage linked to
 * it (it was the whole project's under the goal's name), and the grid is
 * the project's as it is without a goal (its header named the goal). The
 * rows are counted in the matrix without its header and legend: the
 * legend lists the marks the rows have, which the goal's may not. */
static void
test_local_goal_scope (void)
{
  g_autoptr(UpProject) project = demo ();
  g_autoptr(UpLocalGoal) goal = g_list_model_get_item (up_project_get_local_goals (project), 2);
  g_autoptr(GPtrArray) linked = up_project_list_local_goal_stages (project, goal);
  guint n_all = g_list_model_get_n_items (up_project_get_stages (project));
  UpChartOptions whole, scoped;
  double w_whole, h_whole, w_scoped, h_scoped;
  cairo_surface_t *a, *b;

  g_assert_cmpuint (linked->len, >, 0);
  g_assert_cmpuint (linked->len, <, n_all);
  up_chart_options_init (&whole);
  whole.lang = UP_LANG_EN;
  whole.date = "2026-11-28";
  scoped = whole;
  scoped.local_goal = goal;

  {
    UpChartOptions rows_whole = whole, rows_scoped = scoped;

    rows_whole.decorations = rows_scoped.decorations = FALSE;
    up_chart_get_size (UP_CHART_MATRIX, project, &rows_whole, &w_whole, &h_whole);
    up_chart_get_size (UP_CHART_MATRIX, project, &rows_scoped, &w_scoped, &h_scoped);
    g_assert_cmpfloat (w_scoped, ==, w_whole);
    /* 22 points a row */
    g_assert_cmpfloat (fabs ((h_whole - h_scoped) - 22.0 * (n_all - linked->len)), <, 0.01);
  }
  up_chart_get_size (UP_CHART_MATRIX, project, &whole, &w_whole, &h_whole);
  up_chart_get_size (UP_CHART_MATRIX, project, &scoped, &w_scoped, &h_scoped);
  g_assert_cmpfloat (w_scoped, ==, w_whole);
  g_assert_cmpfloat (h_scoped, <, h_whole);
  a = render (UP_CHART_MATRIX, project, &scoped, 1.5, &w_scoped, &h_scoped);
  g_free (save_review (a, "chart-matrix-local-goal-en.png"));
  cairo_surface_destroy (a);

  a = render (UP_CHART_GRID, project, &whole, 1, &w_whole, &h_whole);
  b = render (UP_CHART_GRID, project, &scoped, 1, &w_scoped, &h_scoped);
  g_assert_cmpfloat (h_scoped, ==, h_whole);
  g_assert_cmpmem (cairo_image_surface_get_data (a),
                   cairo_image_surface_get_stride (a) * cairo_image_surface_get_height (a),
                   cairo_image_surface_get_data (b),
                   cairo_image_surface_get_stride (b) * cairo_image_surface_get_height (b));
  cairo_surface_destroy (a);
  cairo_surface_destroy (b);
}

/* Where the report's timeline axis is on the A4 page, in points: right of
 * the stages' titles, between the section's title and the first row. */
#define AXIS_LEFT 496.0
#define AXIS_RIGHT 811.0
#define AXIS_TOP 97.0
#define AXIS_BOTTOM 126.0

typedef struct
{
  double x0, y0, x1, y1;
  char  *text;
} PdfWord;

static void
pdf_word_clear (gpointer data)
{
  g_free (((PdfWord *) data)->text);
}

/* The report of @project as a PDF in the build folder (@name), and the
 * words pdftotext reads on it, with their boxes; NULL, the test skipped,
 * without pdftotext. */
static GArray *
chart_words (UpProject            *project,
             UpChartKind           kind,
             const UpChartOptions *options,
             const char           *name)
{
  g_autofree char *path = g_build_filename (TEST_BUILD_DIR, name, NULL);
  const char *argv[] = { "pdftotext", "-bbox", "-enc", "UTF-8", path, "-", NULL };
  g_autoptr(GRegex) regex = g_regex_new ("<word xMin=\"([-0-9.]+)\" yMin=\"([-0-9.]+)\" "
                                         "xMax=\"([-0-9.]+)\" yMax=\"([-0-9.]+)\">([^<]*)</word>",
                                         0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  GArray *words;
  double width, height;
  cairo_surface_t *surface;
  cairo_t *cr;
  int status;

  if (!test_have_program ("pdftotext"))
    {
      g_test_skip ("pdftotext is not installed (tools/setup installs it)");
      return NULL;
    }

  up_chart_get_size (kind, project, options, &width, &height);
  surface = cairo_pdf_surface_create (path, width, height);
  cr = cairo_create (surface);
  up_chart_draw (kind, project, options, cr, width, height);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  words = g_array_new (FALSE, FALSE, sizeof (PdfWord));
  g_array_set_clear_func (words, pdf_word_clear);
  for (g_regex_match (regex, out, 0, &match); g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      double box[4];
      PdfWord word;

      for (int f = 0; f < 4; f++)
        {
          g_autofree char *field = g_match_info_fetch (match, f + 1);

          box[f] = g_ascii_strtod (field, NULL);
        }
      word = (PdfWord) { box[0], box[1], box[2], box[3], g_match_info_fetch (match, 5) };
      g_array_append_val (words, word);
    }
  g_assert_cmpuint (words->len, >, 20);
  return words;
}

/* In a file the matrix's start dates are one text operation, not one
 * each (SVG groups of their grey), set against the right edge of their
 * column as a layout sets them. */
static void
test_matrix_dates_batch (void)
{
  g_autoptr(UpProject) project = demo ();
  g_autoptr(GArray) words = NULL;
  g_autoptr(GString) svg = g_string_new (NULL);
  g_autoptr(GRegex) year = g_regex_new ("^20[0-9][0-9]$", 0, 0, NULL);
  UpChartOptions options;
  cairo_surface_t *surface;
  cairo_t *cr;
  double width, height, right = -1;
  guint n_stages = g_list_model_get_n_items (up_project_get_stages (project));
  guint n_groups = 0, n_dates = 0;

  up_chart_options_init (&options);
  options.lang = UP_LANG_EN;
  options.decorations = TRUE;

  up_chart_get_size (UP_CHART_MATRIX, project, &options, &width, &height);
  surface = cairo_svg_surface_create_for_stream (append_to_string, svg, width, height);
  cr = cairo_create (surface);
  up_chart_draw (UP_CHART_MATRIX, project, &options, cr, width, height);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  for (const char *at = strstr (svg->str, "<g style=\"fill:rgb(34%,34%,36%)"); at != NULL;
       at = strstr (at + 1, "<g style=\"fill:rgb(34%,34%,36%)"))
    n_groups++;
  g_test_message ("%u stages, %u groups of grey text", n_stages, n_groups);
  g_assert_cmpuint (n_stages, >=, 10);
  /* the dates in one, the legend's grey words in the others */
  g_assert_cmpuint (n_groups, <=, 5);

  words = chart_words (project, UP_CHART_MATRIX, &options, "chart-matrix-dates.pdf");
  if (words == NULL)
    return;
  /* the year ends each date: as many years end at one x as there are
   * stages (the header's date ends elsewhere) */
  for (guint i = 0; i < words->len; i++)
    {
      const PdfWord *word = &g_array_index (words, PdfWord, i);
      guint n_here = 0;

      if (!g_regex_match (year, word->text, 0, NULL))
        continue;
      for (guint j = 0; j < words->len; j++)
        if (g_regex_match (year, g_array_index (words, PdfWord, j).text, 0, NULL) &&
            fabs (g_array_index (words, PdfWord, j).x1 - word->x1) < 0.05)
          n_here++;
      if (n_here > n_dates)
        {
          n_dates = n_here;
          right = word->x1;
        }
    }
  g_test_message ("%u dates end at %.3f", n_dates, right);
  g_assert_cmpuint (n_dates, ==, n_stages);
  /* where the column's heading, laid out right-aligned in it, ends */
  for (guint i = 0; i < words->len; i++)
    if (g_strcmp0 (g_array_index (words, PdfWord, i).text, "date") == 0)
      {
        g_assert_cmpfloat_with_epsilon (g_array_index (words, PdfWord, i).x1, right, 0.05);
        return;
      }
  g_assert_not_reached ();
}

/* The height on the page of the first word @text of @words; 0: none. */
static double
word_height (GArray     *words,
             const char *text)
{
  for (guint i = 0; i < words->len; i++)
    if (g_strcmp0 (g_array_index (words, PdfWord, i).text, text) == 0)
      return g_array_index (words, PdfWord, i).y1 - g_array_index (words, PdfWord, i).y0;
  return 0;
}

/* On a slide the header is as large as the text beside and in the chart:
 * the project's title was 11.5 pt beside a legend of 14 pt and a
 * timeline's rows of 14.25 pt. */
static void
test_slide_header (void)
{
  static const UpChartKind kinds[] = { UP_CHART_TIMELINE, UP_CHART_WHEEL, UP_CHART_MATRIX };
  g_autoptr(UpProject) project = demo ();

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autoptr(GArray) page_words = NULL;
      g_autoptr(GArray) slide_words = NULL;
      g_autofree char *page_name = g_strdup_printf ("chart-%s-page-header.pdf", up_chart_kind_get_name (kinds[k]));
      g_autofree char *slide_name = g_strdup_printf ("chart-%s-slide-header.pdf", up_chart_kind_get_name (kinds[k]));
      UpChartOptions options;
      double on_page, on_slide, legend;

      up_chart_options_init (&options);
      options.lang = UP_LANG_EN;
      options.decorations = TRUE;
      page_words = chart_words (project, kinds[k], &options, page_name);
      if (page_words == NULL)
        return;
      options.slide = TRUE;
      slide_words = chart_words (project, kinds[k], &options, slide_name);

      /* the demo's title starts "Digital safety alarms" */
      on_page = word_height (page_words, "Digital");
      on_slide = word_height (slide_words, "Digital");
      /* the legend beside: "Diamond:" on the timeline, "Full" the wheel's
       * first line, "Empty" the matrix's */
      legend = word_height (slide_words, kinds[k] == UP_CHART_TIMELINE ? "Diamond:" :
                                         kinds[k] == UP_CHART_WHEEL ? "Full" : "Empty");
      g_test_message ("%s: title %.2f on a page, %.2f on a slide; legend %.2f",
                      up_chart_kind_get_name (kinds[k]), on_page, on_slide, legend);
      g_assert_cmpfloat (on_page, >, 0);
      g_assert_cmpfloat (legend, >, 0);
      g_assert_cmpfloat (on_slide, >=, 1.2 * on_page);
      g_assert_cmpfloat (on_slide, >=, legend - 0.01);
    }
}

/* The grid's note under its legend, the scale of influence and interest,
 * is the legend's last line, alone in its row: laid out in the first
 * column's width it wrapped its last word ("high", "högt") onto a line of
 * its own, the rest of the row empty beside it, on every exported grid. */
static void
test_grid_legend_note_line (void)
{
  g_autoptr(UpProject) project = demo ();

  for (UpLang lang = UP_LANG_EN; lang <= UP_LANG_SV; lang++)
    {
      const char *first = lang == UP_LANG_SV ? "Inflytande" : "Influence";
      const char *last = lang == UP_LANG_SV ? "högt" : "high";
      g_autofree char *name = g_strdup_printf ("chart-grid-legend-note-%s.pdf", up_lang_get_code (lang));
      g_autoptr(GArray) words = NULL;
      const PdfWord *from = NULL, *to = NULL;
      UpChartOptions options;

      if (lang == UP_LANG_SV && !swedish_available ())
        continue;
      up_chart_options_init (&options);
      options.lang = lang;
      options.decorations = TRUE;
      options.key = TRUE;
      words = chart_words (project, UP_CHART_GRID, &options, name);
      if (words == NULL)
        return;
      /* the note's first word is the last "Influence" on the page (the
       * axis is named so too), its last word the last "high" */
      for (guint i = 0; i < words->len; i++)
        {
          const PdfWord *w = &g_array_index (words, PdfWord, i);

          if (g_strcmp0 (w->text, first) == 0)
            from = w;
          else if (g_strcmp0 (w->text, last) == 0)
            to = w;
        }
      g_assert_nonnull (from);
      g_assert_nonnull (to);
      g_test_message ("%s: “%s” at y %.1f, “%s” at y %.1f", up_lang_get_code (lang), first, from->y0, last,
                      to->y0);
      g_assert_cmpfloat (fabs (to->y0 - from->y0), <, 1);
      g_assert_cmpfloat (to->x0, >, from->x1);
    }
}

static GArray *
report_words (UpProject  *project,
              UpLang      lang,
              const char *name)
{
  UpChartOptions options;

  up_chart_options_init (&options);
  options.lang = lang;
  options.date = "2026-11-28";
  return chart_words (project, UP_CHART_REPORT, &options, name);
}

/* On screen, in a wide area, the legend may stand beside the chart
 * (legend_beside): in a column right of the body, from its top, in larger
 * text, the chart less tall; an export keeps it under the chart. */
static void
test_legend_beside (void)
{
  g_autoptr(UpProject) project = demo ();
  static const UpChartKind kinds[] = { UP_CHART_WHEEL, UP_CHART_BARS };

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      UpChartOptions below, beside;
      double below_width, below_height, beside_width, beside_height;
      g_autofree char *below_name = g_strdup_printf ("chart-legend-below-%u.pdf", k);
      g_autofree char *beside_name = g_strdup_printf ("chart-legend-beside-%u.pdf", k);
      g_autoptr(GArray) below_words = NULL;
      g_autoptr(GArray) beside_words = NULL;
      const PdfWord *below_word = NULL, *beside_word = NULL;
      /* a word of both legends */
      const char *word = "Striped";

      up_chart_options_init (&below);
      below.lang = UP_LANG_EN;
      below.date = "2026-11-28";
      beside = below;
      beside.legend_beside = TRUE;
      up_chart_get_size (kinds[k], project, &below, &below_width, &below_height);
      up_chart_get_size (kinds[k], project, &beside, &beside_width, &beside_height);
      g_assert_cmpfloat (beside_width, >, below_width);
      g_assert_cmpfloat (beside_height, <, below_height);

      below_words = chart_words (project, kinds[k], &below, below_name);
      if (below_words == NULL)
        return;
      beside_words = chart_words (project, kinds[k], &beside, beside_name);
      for (guint i = 0; i < below_words->len; i++)
        if (g_str_equal (g_array_index (below_words, PdfWord, i).text, word))
          below_word = &g_array_index (below_words, PdfWord, i);
      for (guint i = 0; i < beside_words->len; i++)
        if (g_str_equal (g_array_index (beside_words, PdfWord, i).text, word))
          beside_word = &g_array_index (beside_words, PdfWord, i);
      g_assert_nonnull (below_word);
      g_assert_nonnull (beside_word);
      /* under the chart, across it; beside it, in the right part, high */
      g_assert_cmpfloat (below_word->y0, >, below_height * 0.6);
      g_assert_cmpfloat (beside_word->x0, >, beside_width * 0.55);
      g_assert_cmpfloat (beside_word->y0, <, beside_height * 0.6);
      /* larger text beside */
      g_assert_cmpfloat (beside_word->y1 - beside_word->y0, >, (below_word->y1 - below_word->y0) * 1.2);

      /* an export's key puts it back under the chart */
      beside.key = TRUE;
      below.key = TRUE;
      up_chart_get_size (kinds[k], project, &below, &below_width, &below_height);
      up_chart_get_size (kinds[k], project, &beside, &beside_width, &beside_height);
      g_assert_cmpfloat (beside_width, ==, below_width);
      g_assert_cmpfloat (beside_height, ==, below_height);
    }
}

/* The labels of the report's timeline axis are a year or a month each, and
 * none touches another: a label drawn over the next reads as one word
 * ("20252026"). */
static void
assert_axis_readable (GArray     *words,
                      const char *what)
{
  guint n_labels = 0;

  for (guint i = 0; i < words->len; i++)
    {
      const PdfWord *a = &g_array_index (words, PdfWord, i);
      gboolean digits = TRUE, letters = TRUE;

      if (a->x0 < AXIS_LEFT || a->y0 < AXIS_TOP || a->y1 > AXIS_BOTTOM)
        continue;
      n_labels++;
      for (const char *p = a->text; *p != '\0'; p = g_utf8_next_char (p))
        {
          digits = digits && g_ascii_isdigit (*p);
          letters = letters && !g_ascii_isdigit (*p);
        }
      if (!(digits && strlen (a->text) <= 4) && !(letters && g_utf8_strlen (a->text, -1) <= 5))
        g_error ("%s: the axis reads \"%s\" at %.1f,%.1f", what, a->text, a->x0, a->y0);
      g_assert_cmpfloat (a->x1, <=, AXIS_RIGHT + 1);

      for (guint j = i + 1; j < words->len; j++)
        {
          const PdfWord *b = &g_array_index (words, PdfWord, j);

          if (b->x0 < AXIS_LEFT || b->y0 < AXIS_TOP || b->y1 > AXIS_BOTTOM || fabs (a->y0 - b->y0) > 1)
            continue;
          if (a->x1 + 1 > b->x0 && b->x1 + 1 > a->x0)
            g_error ("%s: \"%s\" at %.1f–%.1f and \"%s\" at %.1f–%.1f touch", what,
                     a->text, a->x0, a->x1, b->text, b->x0, b->x1);
        }
    }
  /* At least the year the plan begins or one after it. */
  if (n_labels == 0)
    g_error ("%s: no label on the axis", what);
}

/* The grid lines of the timeline thin out with its labels: along a line
 * of pixels under the rows, most of the plot is page. */
static void
assert_axis_lines_thin (UpProject  *project,
                        UpLang      lang,
                        const char *what,
                        const char *review)
{
  UpChartOptions options;
  double width, height;
  cairo_surface_t *surface;
  guint inked = 0;

  up_chart_options_init (&options);
  options.lang = lang;
  options.date = "2026-11-28";
  surface = render (UP_CHART_REPORT, project, &options, 1, &width, &height);
  for (double x = AXIS_LEFT + 2; x < AXIS_RIGHT; x++)
    {
      guint r, g, b;

      pixel_at (surface, x, 330, &r, &g, &b);
      inked += r < 250 || g < 250 || b < 250;
    }
  if (inked > (AXIS_RIGHT - AXIS_LEFT) / 8)
    g_error ("%s: %u of %.0f points of the plot are lines", what, inked, AXIS_RIGHT - AXIS_LEFT);
  if (review != NULL)
    g_free (save_review (surface, review));
  cairo_surface_destroy (surface);
}

/* A plan of two milestones, on @first and on @last. */
static UpProject *
span_project (const char *first,
              const char *last)
{
  g_autoptr(GError) error = NULL;
  UpProject *project = up_project_new ("Span", &error);

  g_assert_no_error (error);
  up_project_add_stage (project, "milestone", "Start", first, first, NULL, &error);
  g_assert_no_error (error);
  up_project_add_stage (project, "milestone", "End", last, last, NULL, &error);
  g_assert_no_error (error);
  return project;
}

/* The report's timeline axis at any span, from a day to eight thousand
 * years, in both languages: years and months never run into each other
 * (a plan from December printed "20252026"; one of 18 years
 * "202620272028..."), and the grid lines do not grey the plot out. */
static void
test_report_axis (void)
{
  static const char * const spans[][2] = {
    { "2026-03-01", "2026-03-02" },
    { "2026-01-01", "2026-12-31" },
    { "2025-12-15", "2027-08-31" },
    { "2025-11-30", "2028-01-10" },
    { "2026-01-05", "2031-06-30" },
    { "2026-06-01", "2034-02-01" },
    { "2026-01-05", "2043-12-20" },
    { "2026-02-02", "2126-01-01" },
    { "2026-02-02", "9999-12-31" },
  };
  g_autoptr(UpProject) december = demo ();
  g_autoptr(UpStage) first = g_list_model_get_item (up_project_get_stages (december), 0);
  g_autoptr(GError) error = NULL;

  /* The tester's report: the demo with its first stage from 15 December. */
  g_assert_true (up_project_move_stage (december, first, "2025-12-15", up_stage_get_end_date (first), &error));
  g_assert_no_error (error);

  for (UpLang lang = UP_LANG_EN; lang <= UP_LANG_SV; lang++)
    {
      g_autofree char *name = g_strdup_printf ("chart-report-december-%s.pdf", up_lang_get_code (lang));
      g_autofree char *review = g_strdup_printf ("chart-report-december-%s.png", up_lang_get_code (lang));
      g_autoptr(GArray) words = report_words (december, lang, name);

      if (words == NULL)
        return;
      assert_axis_readable (words, name);
      assert_axis_lines_thin (december, lang, name, review);

      for (guint i = 0; i < G_N_ELEMENTS (spans); i++)
        {
          g_autoptr(UpProject) project = span_project (spans[i][0], spans[i][1]);
          g_autofree char *what = g_strdup_printf ("%s to %s (%s)", spans[i][0], spans[i][1],
                                                   up_lang_get_code (lang));
          g_autoptr(GArray) span_words = report_words (project, lang, "chart-report-span.pdf");

          assert_axis_readable (span_words, what);
          assert_axis_lines_thin (project, lang, what, NULL);
        }
    }
}

/* The exported timeline */

static const PdfWord *
find_word (GArray     *words,
           const char *text)
{
  for (guint i = 0; i < words->len; i++)
    if (g_strcmp0 (g_array_index (words, PdfWord, i).text, text) == 0)
      return &g_array_index (words, PdfWord, i);
  return NULL;
}

/* The words of the timeline's axis: over the plot, between the heading of
 * the dates and that of the goals, and above the first row. */
static GPtrArray *
timeline_axis_words (GArray     *words,
                     UpLang      lang,
                     const char *what)
{
  const PdfWord *dates = find_word (words, lang == UP_LANG_SV ? "Datum" : "Dates");
  const PdfWord *goals = find_word (words, lang == UP_LANG_SV ? "Mål" : "Goals");
  GPtrArray *axis = g_ptr_array_new ();

  if (dates == NULL || goals == NULL)
    g_error ("%s: no headings of the dates and the goals", what);
  for (guint i = 0; i < words->len; i++)
    {
      const PdfWord *w = &g_array_index (words, PdfWord, i);

      /* the plot begins 126 pt right of the dates' heading; two tiers of
       * 13 pt under its line */
      if (w->x0 >= dates->x0 + 120 && w->x1 <= goals->x0 && w->y0 >= dates->y0 - 3 && w->y1 <= dates->y0 + 30)
        g_ptr_array_add (axis, (gpointer) w);
    }
  return axis;
}

static gboolean
axis_has (GPtrArray  *axis,
          const char *text)
{
  for (guint i = 0; i < axis->len; i++)
    if (g_strcmp0 (((PdfWord *) g_ptr_array_index (axis, i))->text, text) == 0)
      return TRUE;
  return FALSE;
}

/* The timeline's axis in the finest unit whose labels have room: weeks (ISO
 * numbers) for a plan of weeks, months for a year, quarters for two, years
 * for decades, every second or fifth year and so on for more; no label runs
 * into another, at any span, in both languages. Its months are written as
 * the report's axis and the timeline on screen write them, without the full
 * stops of a date's ("apr", not "apr."). */
static void
test_timeline_axis (void)
{
  static const struct {
    const char *first, *last;
    const char *en[4], *sv[4];
  } spans[] = {
    { "2027-03-02", "2027-04-20", { "10", "16", "Mar", "Apr" }, { "10", "16", "mars", "apr" } },
    { "2026-01-01", "2026-12-31", { "Jan", "Jun", "Dec", "2026" }, { "jan", "juni", "dec", "2026" } },
    { "2025-12-15", "2027-08-31", { "Q1", "Q4", "2026", "2027" }, { "K1", "K4", "2026", "2027" } },
    { "2026-01-05", "2043-12-20", { "2026", "2030", "2042", NULL }, { "2026", "2030", "2042", NULL } },
    { "2026-02-02", "2126-01-01", { "2030", "2100", NULL, NULL }, { "2030", "2100", NULL, NULL } },
    { "2026-02-02", "9999-12-31", { NULL }, { NULL } },
  };

  for (UpLang lang = UP_LANG_EN; lang <= UP_LANG_SV; lang++)
    for (guint i = 0; i < G_N_ELEMENTS (spans); i++)
      {
        g_autoptr(UpProject) project = span_project (spans[i].first, spans[i].last);
        g_autofree char *what = g_strdup_printf ("%s to %s (%s)", spans[i].first, spans[i].last,
                                                 up_lang_get_code (lang));
        const char * const *expected = lang == UP_LANG_SV ? spans[i].sv : spans[i].en;
        g_autoptr(GArray) words = NULL;
        g_autoptr(GPtrArray) axis = NULL;
        UpChartOptions options;

        if (lang == UP_LANG_SV && !swedish_available ())
          continue;
        up_chart_options_init (&options);
        options.lang = lang;
        options.date = "2026-11-28";
        _up_chart_reset_n_cut ();
        words = chart_words (project, UP_CHART_TIMELINE, &options, "chart-timeline-span.pdf");
        if (words == NULL)
          return;
        g_assert_cmpuint (_up_chart_get_n_cut (), ==, 0);
        axis = timeline_axis_words (words, lang, what);
        if (axis->len == 0)
          g_error ("%s: no label on the axis", what);
        for (guint e = 0; e < G_N_ELEMENTS (spans[i].en) && expected[e] != NULL; e++)
          if (!axis_has (axis, expected[e]))
            g_error ("%s: the axis has no “%s”", what, expected[e]);
        /* weeks have their heading beside the axis, no other unit has */
        g_assert_true ((find_word (words, lang == UP_LANG_SV ? "Vecka" : "Week") != NULL) == (i == 0));

        for (guint a = 0; a < axis->len; a++)
          for (guint b = a + 1; b < axis->len; b++)
            {
              const PdfWord *x = g_ptr_array_index (axis, a), *y = g_ptr_array_index (axis, b);

              if (fabs (x->y0 - y->y0) > 1)
                continue;
              if (x->x1 + 1 > y->x0 && y->x1 + 1 > x->x0)
                g_error ("%s: \"%s\" at %.1f–%.1f and \"%s\" at %.1f–%.1f touch", what,
                         x->text, x->x0, x->x1, y->text, y->x0, y->x1);
            }
      }
}

/* The runs of @colour (within 12 of each channel) along row @y of
 * @surface: their first and last pixels, in pairs. */
static GArray *
colour_runs (cairo_surface_t *surface,
             double           y,
             const char      *colour)
{
  GArray *runs = g_array_new (FALSE, FALSE, sizeof (int));
  int width = cairo_image_surface_get_width (surface);
  guint want = (guint) g_ascii_strtoull (colour + 1, NULL, 16);
  int start = -1;

  for (int x = 0; x <= width; x++)
    {
      guint r = 0, g = 0, b = 0;
      gboolean in;

      if (x < width)
        pixel_at (surface, x, y, &r, &g, &b);
      in = x < width && abs ((int) r - (int) (want >> 16)) <= 12 && abs ((int) g - (int) ((want >> 8) & 0xff)) <= 12 &&
           abs ((int) b - (int) (want & 0xff)) <= 12;
      if (in && start < 0)
        start = x;
      if (!in && start >= 0)
        {
          int last = x - 1;

          g_array_append_val (runs, start);
          g_array_append_val (runs, last);
          start = -1;
        }
    }
  return runs;
}

/* A stage's bar lies on the axis by its dates, in the colour of its phase,
 * with the chart's date as a red line; a stage serving more goals than the
 * row has chips for ends with "+N". */
static void
test_timeline_bars (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UpProject) project = up_project_new ("Bars", &error);
  g_autoptr(GArray) words = NULL;
  g_autoptr(GArray) first_runs = NULL;
  g_autoptr(GArray) second_runs = NULL;
  g_autoptr(GArray) red = NULL;
  UpStage *first, *second;
  UpChartOptions options;
  cairo_surface_t *surface;
  const PdfWord *alpha, *beta;
  double width, height, scale = 2, day, plot_x0, plot_x1;
  const char *tender = up_phase_get_colour (UP_PHASE_TENDER);
  const char *dialogue = up_phase_get_colour (UP_PHASE_DIALOGUE);

  g_assert_no_error (error);
  /* a quarter each: the axis runs from 1 January to 30 June, 181 days */
  first = up_project_add_stage (project, "tender", "Alpha", "2027-01-01", "2027-03-31", NULL, &error);
  g_assert_no_error (error);
  second = up_project_add_stage (project, "market-dialogue", "Beta", "2027-04-01", "2027-06-30", first, &error);
  g_assert_no_error (error);
  for (guint goal = 3; goal <= 7; goal++)
    {
      g_assert_nonnull (up_project_add_sdg_link (project, UP_RECORD (second), up_sdg_get_goal (goal)->targets[0],
                                                 "positive", 2, NULL, &error));
      g_assert_no_error (error);
    }

  up_chart_options_init (&options);
  options.lang = UP_LANG_EN;
  options.date = "2027-02-15";
  words = chart_words (project, UP_CHART_TIMELINE, &options, "chart-timeline-bars.pdf");
  if (words == NULL)
    return;
  alpha = find_word (words, "Alpha");
  beta = find_word (words, "Beta");
  g_assert_nonnull (alpha);
  g_assert_nonnull (beta);
  /* five goals: two chips and "+3" */
  g_assert_nonnull (find_word (words, "+3"));
  g_assert_nonnull (find_word (words, "Red"));

  surface = render (UP_CHART_TIMELINE, project, &options, scale, &width, &height);
  g_free (save_review (surface, "chart-timeline-bars.png"));
  first_runs = colour_runs (surface, (alpha->y0 + alpha->y1) / 2 * scale, tender);
  second_runs = colour_runs (surface, (beta->y0 + beta->y1) / 2 * scale, dialogue);
  /* one bar each (the legend's swatches are on other rows), the first
   * crossed by the red line */
  g_assert_cmpuint (first_runs->len, ==, 4);
  g_assert_cmpuint (second_runs->len, ==, 2);
  plot_x0 = g_array_index (first_runs, int, 0);
  plot_x1 = g_array_index (second_runs, int, 1) + 1;
  day = (plot_x1 - plot_x0) / 181;
  g_test_message ("plot %.0f–%.0f px, %.2f px a day", plot_x0, plot_x1, day);
  /* the first ends where the second begins, at day 90 */
  g_assert_cmpfloat (fabs (g_array_index (first_runs, int, 3) + 1 - (plot_x0 + 90 * day)), <=, 2);
  g_assert_cmpfloat (fabs (g_array_index (second_runs, int, 0) - (plot_x0 + 90 * day)), <=, 2);
  /* the bars are the plot's width: 356 pt */
  g_assert_cmpfloat (fabs ((plot_x1 - plot_x0) - 356 * scale), <=, 3);

  /* 15 February, the 46th day, across the second row, where it has no bar */
  red = colour_runs (surface, (beta->y0 + beta->y1) / 2 * scale, "#e01b24");
  g_assert_cmpuint (red->len, ==, 2);
  g_assert_cmpfloat (fabs ((g_array_index (red, int, 0) + g_array_index (red, int, 1)) / 2.0 -
                           (plot_x0 + 45.5 * day)), <=, 2);

  /* a chart made after the plan has no line, and says nothing of one */
  g_array_unref (g_steal_pointer (&words));
  options.date = "2028-01-10";
  words = chart_words (project, UP_CHART_TIMELINE, &options, "chart-timeline-bars.pdf");
  g_assert_null (find_word (words, "Red"));
  cairo_surface_destroy (surface);
}

/* The first word @text from the top of the page (a row's title above a
 * legend or a list that repeats it). */
static const PdfWord *
topmost_word (GArray     *words,
              const char *text)
{
  const PdfWord *top = NULL;

  for (guint i = 0; i < words->len; i++)
    {
      const PdfWord *w = &g_array_index (words, PdfWord, i);

      if (g_strcmp0 (w->text, text) == 0 && (top == NULL || w->y0 < top->y0))
        top = w;
    }
  if (top == NULL)
    g_error ("no “%s” on the chart", text);
  return top;
}

/* The first run of @colour right of @word on its row of @surface, at
 * @dy points from the row's middle: its first pixel and its width, in
 * pixels. */
static void
mark_run (cairo_surface_t *surface,
          double           scale,
          const PdfWord   *word,
          double           dy,
          const char      *colour,
          double          *x0,
          double          *width)
{
  g_autoptr(GArray) runs = colour_runs (surface, ((word->y0 + word->y1) / 2 + dy) * scale, colour);

  *x0 = *width = 0;
  for (guint i = 0; i + 1 < runs->len; i += 2)
    if (g_array_index (runs, int, i) > (word->x1 + 2) * scale)
      {
        *x0 = g_array_index (runs, int, i);
        *width = g_array_index (runs, int, i + 1) + 1 - *x0;
        return;
      }
}

/* An award decision that is no milestone, a day long: the report's
 * timeline drew it as a diamond on its day, the exported timeline as a
 * bar of that day, a sliver two points wide on an axis of fifteen months,
 * so that the same decision read as two different things. Both draw the
 * diamond now, on its day, and both legends say what it is, in both
 * languages. */
static void
test_timeline_award_diamond (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UpProject) project = up_project_new ("Decisions", &error);
  UpStage *kickoff, *scoring;
  const char *award_colour = up_phase_get_colour (UP_PHASE_AWARD);
  const char *blue = up_phase_get_colour (UP_PHASE_PREPARATION);

  g_assert_no_error (error);
  /* the axis from 1 February 2026 to 30 April 2027, 454 days */
  kickoff = up_project_add_stage (project, "needs", "Kickoff", "2026-02-02", "2026-03-13", NULL, &error);
  g_assert_no_error (error);
  scoring = up_project_add_stage (project, "evaluation", "Scoring", "2027-02-22", "2027-03-26", kickoff, &error);
  g_assert_no_error (error);
  g_assert_nonnull (up_project_add_stage (project, "award", "Award", "2027-04-06", "2027-04-06", scoring, &error));
  g_assert_no_error (error);

  for (UpLang lang = UP_LANG_EN; lang <= UP_LANG_SV; lang++)
    for (guint c = 0; c < 2; c++)
      {
        UpChartKind kind = c == 0 ? UP_CHART_TIMELINE : UP_CHART_REPORT;
        /* the timeline's diamond in the colour of the award's phase, the
         * report's in the text's (its bars are blue) */
        const char *mark_colour = kind == UP_CHART_TIMELINE ? award_colour : "#1f1f1f";
        const char *scoring_colour = kind == UP_CHART_TIMELINE ? award_colour : blue;
        g_autofree char *what = g_strdup_printf ("%s (%s)", kind == UP_CHART_TIMELINE ? "timeline" : "report",
                                                 up_lang_get_code (lang));
        g_autofree char *name = g_strdup_printf ("chart-award-diamond-%s-%s", kind == UP_CHART_TIMELINE ? "timeline"
                                                 : "report", up_lang_get_code (lang));
        g_autofree char *pdf = g_strconcat (name, ".pdf", NULL);
        g_autofree char *png = g_strconcat (name, ".png", NULL);
        g_autoptr(GArray) words = NULL;
        const PdfWord *award;
        UpChartOptions options;
        cairo_surface_t *surface;
        double width, height, scale = 2, kickoff_x, scoring_x, per_day, x, middle, above, unused;

        if (lang == UP_LANG_SV && !swedish_available ())
          continue;
        up_chart_options_init (&options);
        options.lang = lang;
        /* after the plan: no red line across the rows */
        options.date = "2028-01-10";
        words = chart_words (project, kind, &options, pdf);
        if (words == NULL)
          return;
        /* the legend explains the diamond */
        topmost_word (words, lang == UP_LANG_SV ? "Romb:" : "Diamond:");
        surface = render (kind, project, &options, scale, &width, &height);
        g_free (save_review (surface, png));

        /* a day of the axis from where two bars begin, 385 days apart */
        mark_run (surface, scale, topmost_word (words, "Kickoff"), 0, blue, &kickoff_x, &unused);
        mark_run (surface, scale, topmost_word (words, "Scoring"), 0, scoring_colour, &scoring_x, &unused);
        per_day = (scoring_x - kickoff_x) / 385;
        g_assert_cmpfloat (per_day, >, 0);

        award = topmost_word (words, "Award");
        mark_run (surface, scale, award, 0, mark_colour, &x, &middle);
        mark_run (surface, scale, award, -3.5, mark_colour, &unused, &above);
        g_test_message ("%s: %.2f px a day; the award's mark %.1f px wide at %.1f, %.1f px 3.5 pt above", what,
                        per_day, middle, x + middle / 2, above);
        /* a diamond, not a bar: wide in the row's middle (a day's bar is
         * a sliver of 2 pt), narrow towards its tip */
        if (middle < 7 * scale || above > middle / 2)
          g_error ("%s: the award decision is no diamond: %.1f px wide in the middle, %.1f px above", what,
                   middle, above);
        /* on its day, 6 April 2027: day 429 from 1 February 2026, the
         * kickoff's bar beginning at day 1 */
        g_assert_cmpfloat (fabs (x + middle / 2 - (kickoff_x + 428.5 * per_day)), <=, 2 * scale);
        cairo_surface_destroy (surface);
      }
}

/* A decision that is done is pale in the colour of its phase, as a bar
 * that is done and as the app draws it, which the legend explains ("pale
 * bar: done"): it was white inside a black edge, a mark the legend did
 * not explain, drawn as in no other place. */
static void
test_timeline_done_decision (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UpProject) project = up_project_new ("Decisions", &error);
  UpStage *kickoff, *decided;
  UpRgba colour, pale;
  UpChartOptions options;
  g_autoptr(GArray) words = NULL;
  cairo_surface_t *surface;
  double width, height, scale = 2, x, middle;
  char pale_hex[8];

  g_assert_no_error (error);
  kickoff = up_project_add_stage (project, "needs", "Kickoff", "2026-02-02", "2026-03-13", NULL, &error);
  g_assert_no_error (error);
  decided = up_project_add_stage (project, "milestone", "Decided", "2026-04-20", "2026-04-20", kickoff, &error);
  g_assert_no_error (error);
  g_assert_true (up_project_set_string (project, decided, "status", "done", NULL));

  up_chart_options_init (&options);
  options.lang = UP_LANG_EN;
  options.date = "2028-01-10";
  words = chart_words (project, UP_CHART_TIMELINE, &options, "chart-timeline-done-decision.pdf");
  if (words == NULL)
    return;
  surface = render (UP_CHART_TIMELINE, project, &options, scale, &width, &height);
  g_free (save_review (surface, "chart-timeline-done-decision.png"));

  /* a third of the colour on the white of an export */
  _up_chart_parse_colour (up_phase_get_colour (UP_PHASE_MILESTONE), &colour);
  pale = (UpRgba) { 1 - (1 - colour.r) * 0.3, 1 - (1 - colour.g) * 0.3, 1 - (1 - colour.b) * 0.3, 1 };
  g_snprintf (pale_hex, sizeof pale_hex, "#%02x%02x%02x", (guint) round (pale.r * 255), (guint) round (pale.g * 255),
              (guint) round (pale.b * 255));
  mark_run (surface, scale, topmost_word (words, "Decided"), 0, pale_hex, &x, &middle);
  g_test_message ("the done milestone's pale (%s) %.1f px wide in its row's middle", pale_hex, middle);
  g_assert_cmpfloat (middle, >=, 7 * scale);
  cairo_surface_destroy (surface);
}

/* The centres of the dark vertical strokes along row band @y0..@y1 of
 * @surface, in pixels. */
static GArray *
stroke_centres (cairo_surface_t *surface,
                int              y0,
                int              y1)
{
  GArray *centres = g_array_new (FALSE, FALSE, sizeof (double));
  int width = cairo_image_surface_get_width (surface);
  double sum = 0, weighted = 0;

  for (int x = 0; x < width; x++)
    {
      double ink = 0;

      for (int y = y0; y < y1; y++)
        {
          guint r, g, b;

          pixel_at (surface, x, y, &r, &g, &b);
          ink += (255 - r) / 255.0;
        }
      if (ink > 0.5)
        {
          sum += ink;
          weighted += ink * x;
        }
      else if (sum > 0)
        {
          double centre = weighted / sum;

          g_array_append_val (centres, centre);
          sum = weighted = 0;
        }
    }
  return centres;
}

/* A word in a PNG at a scale that is not a whole number keeps its
 * letters evenly spaced: Cairo 1.16 put each glyph at a whole pixel, so
 * that a PNG 900 pixels wide read "ho me", "procu re". Twenty l's at 1.37:
 * the steps between their strokes differed by a whole pixel. */
static void
test_text_spacing (void)
{
  g_autoptr(UpProject) project = demo ();
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 700, 60);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(GArray) centres = NULL;
  UpChartContext ctx;
  UpChartOptions options;
  double low = G_MAXDOUBLE, high = 0;

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, 1.37, 1.37);
  up_chart_options_init (&options);
  _up_chart_context_init (&ctx, cr, project, &options, FALSE);
  _up_chart_text (&ctx, "llllllllllllllllllllllll", 4, 4, 0, 16, 0, 0, NULL);
  _up_chart_context_clear (&ctx);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  centres = stroke_centres (surface, 12, 30);
  g_assert_cmpuint (centres->len, ==, 24);
  for (guint i = 1; i < centres->len; i++)
    {
      double step = g_array_index (centres, double, i) - g_array_index (centres, double, i - 1);

      low = MIN (low, step);
      high = MAX (high, step);
    }
  g_test_message ("steps from %.3f to %.3f pixels", low, high);
  g_assert_cmpfloat (high - low, <, 0.35);
  g_free (save_review (surface, "chart-text-spacing.png"));
  cairo_surface_destroy (surface);
}

/* Text in a right-to-left script starts where left-to-right text starts,
 * at the left of its box: a Hebrew or Arabic name in the grid or a stage
 * list stood at the far end of its box, away from its mark. */
static void
test_text_right_to_left (void)
{
  static const char * const texts[] = { "שלב אחד", "مشتريات عامة", "Latin" };
  g_autoptr(UpProject) project = demo ();

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 400, 40);
      cairo_t *cr = cairo_create (surface);
      UpChartContext ctx;
      UpChartOptions options;
      int left = -1;

      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      up_chart_options_init (&options);
      _up_chart_context_init (&ctx, cr, project, &options, FALSE);
      _up_chart_text (&ctx, texts[i], 10, 20, 300, 12, UP_TEXT_MIDDLE, 1, NULL);
      _up_chart_context_clear (&ctx);
      cairo_destroy (cr);
      cairo_surface_flush (surface);

      for (int x = 0; x < 400 && left < 0; x++)
        for (int y = 0; y < 40; y++)
          {
            guint r, g, b;

            pixel_at (surface, x, y, &r, &g, &b);
            if (r < 128)
              {
                left = x;
                break;
              }
          }
      g_test_message ("“%s” starts at %d", texts[i], left);
      g_assert_cmpint (left, >=, 10);
      g_assert_cmpint (left, <, 20);
      cairo_surface_destroy (surface);
    }
}

/* A line that begins in Arabic or Hebrew and goes on in Swedish or
 * English (an organisation, then "· lokalt mål: …"; a title with a
 * number) reads from left to right as the chart does: the right-to-left
 * words first, at the left. The first strong letter made the whole line
 * right-to-left, and the header read "lokalt mål: … · <organisation>",
 * mirrored. */
static void
test_text_mixed_direction (void)
{
  static const struct { const char *text; const char *latin; } lines[] = {
    { "تحليل الاحتياجات · lokalt mål: Äldre ska kunna bo kvar", "lokalt" },
    { "ניתוח צרכים · local goal: Older people", "local" },
    { "מכרז (Stage 2)", "Stage" },
  };
  g_autoptr(UpProject) project = demo ();

  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 10, 10);
      cairo_t *cr = cairo_create (surface);
      UpChartContext ctx;
      UpChartOptions options;
      g_autoptr(PangoLayout) layout = NULL;
      PangoRectangle rtl, latin;

      up_chart_options_init (&options);
      _up_chart_context_init (&ctx, cr, project, &options, FALSE);
      layout = _up_chart_layout (&ctx, lines[i].text, 9.5, 0, 400, 1);
      /* the first letter, right-to-left, and the first Latin word */
      pango_layout_index_to_pos (layout, 0, &rtl);
      pango_layout_index_to_pos (layout, strstr (lines[i].text, lines[i].latin) - lines[i].text, &latin);
      g_test_message ("“%s”: its first letter at %.1f pt, “%s” at %.1f pt", lines[i].text,
                      rtl.x / (double) PANGO_SCALE, lines[i].latin, latin.x / (double) PANGO_SCALE);
      g_assert_cmpint (latin.x, >, rtl.x);
      g_assert_cmpint (pango_layout_get_direction (layout, 0), ==, PANGO_DIRECTION_RTL);
      g_clear_object (&layout);
      _up_chart_context_clear (&ctx);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
}

/* A chart limited to a local goal names the goal in its header's third
 * line, after the organisation: a long organisation (200 characters, in
 * Arabic or in emoji) is cut short there so that the goal's name still
 * begins within the narrowest chart's header. The whole line was cut at
 * its end, and the charts of three local goals had the same header, the
 * organisation only. */
static void
test_header_detail_long_organisation (void)
{
  static const char * const parts[] = { "تحليل الاحتياجات مع موظفي الرعاية ", "🚨👵📟 Larm för alla 🧓🏽 ",
                                        "Älvby kommun, socialförvaltningen och äldreomsorgen " };
  g_autoptr(UpProject) project = demo ();
  g_autoptr(GError) error = NULL;
  g_autoptr(UpLocalGoal) goal = g_list_model_get_item (up_project_get_local_goals (project), 0);
  const char *title = up_local_goal_get_title (goal);
  g_autofree char *first_word = g_strndup (title, strcspn (title, " "));

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      g_autoptr(GString) organisation = g_string_new (NULL);

      while (g_utf8_strlen (organisation->str, -1) < 200)
        g_string_append (organisation, parts[i]);
      g_assert_true (up_project_set_string (project, project, "organisation", organisation->str, &error));
      g_assert_no_error (error);

      for (UpLang lang = UP_LANG_EN; lang <= UP_LANG_SV; lang++)
        {
          cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 10, 10);
          cairo_t *cr = cairo_create (surface);
          UpChartContext ctx;
          UpChartOptions options;
          g_autofree char *detail = NULL;
          g_autofree char *prefix = NULL;
          const char *at;
          double width;

          up_chart_options_init (&options);
          options.lang = lang;
          options.local_goal = goal;
          _up_chart_context_init (&ctx, cr, project, &options, FALSE);
          detail = _up_chart_header_detail (&ctx);
          at = strstr (detail, first_word);
          g_assert_nonnull (at);
          prefix = g_strndup (detail, at + strlen (first_word) - detail);
          /* the header's detail in 9.5 pt (10.5 pt in the report, on a
           * page wider still), in a chart at least 560 pt wide */
          width = _up_chart_text_width (&ctx, prefix, 9.5, 0);
          g_test_message ("%s, organisation %u: the goal's first word ends %.0f pt into “%s”",
                          up_lang_get_code (lang), i, width, detail);
          g_assert_cmpfloat (width, <=, 560 - 2 * UP_CHART_MARGIN);
          g_assert_true (strstr (detail, lang == UP_LANG_SV ? "lokalt mål: " : "local goal: ") != NULL ||
                         strstr (detail, lang == UP_LANG_SV ? "regionalt mål: " : "regional goal: ") != NULL);
          _up_chart_context_clear (&ctx);
          cairo_destroy (cr);
          cairo_surface_destroy (surface);
        }
    }
}

/* Whether the colour emoji font the charts fall back to is there; else
 * the test is skipped. */
static gboolean
have_colour_emoji (void)
{
  g_autoptr(PangoFontDescription) emoji = pango_font_description_from_string ("Noto Color Emoji 12");
  g_autoptr(PangoFontDescription) loaded = NULL;
  PangoFontMap *map = pango_cairo_font_map_get_default ();
  PangoContext *context = pango_font_map_create_context (map);
  PangoFont *font = pango_font_map_load_font (map, context, emoji);

  if (font != NULL)
    loaded = pango_font_describe (font);
  g_clear_object (&font);
  g_object_unref (context);
  if (loaded == NULL || g_strcmp0 (pango_font_description_get_family (loaded), "Noto Color Emoji") != 0)
    {
      g_test_skip ("no colour emoji font (fonts-noto-color-emoji)");
      return FALSE;
    }
  return TRUE;
}

/* An emoji in a name keeps its colours in a PNG of any width: drawn at a
 * scale that is not a whole number, text goes as outlines (see
 * text_as_paths()), and a colour emoji became a black blot ("🧓🏽" a black
 * disc) in a slide's PNG, 1,920 pixels wide. */
static void
test_text_emoji_colour (void)
{
  g_autoptr(UpProject) project = demo ();
  const double scales[] = { 2.0, 1.37 };

  if (!have_colour_emoji ())
    return;

  for (guint i = 0; i < G_N_ELEMENTS (scales); i++)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 400, 80);
      cairo_t *cr = cairo_create (surface);
      UpChartContext ctx;
      UpChartOptions options;
      guint coloured = 0;

      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      cairo_scale (cr, scales[i], scales[i]);
      up_chart_options_init (&options);
      _up_chart_context_init (&ctx, cr, project, &options, FALSE);
      _up_chart_text (&ctx, "🚨👵 Larm för alla 🧓🏽", 10, 20, 250, 12, UP_TEXT_MIDDLE, 1, NULL);
      _up_chart_context_clear (&ctx);
      cairo_destroy (cr);
      cairo_surface_flush (surface);

      for (int x = 0; x < 400; x++)
        for (int y = 0; y < 80; y++)
          {
            guint r, g, b;

            pixel_at (surface, x, y, &r, &g, &b);
            if (MAX (r, MAX (g, b)) - MIN (r, MIN (g, b)) > 80)
              coloured++;
          }
      g_test_message ("at %.2f × its size: %u coloured pixels", scales[i], coloured);
      g_assert_cmpuint (coloured, >, 100);
      cairo_surface_destroy (surface);
    }
}

/* A stage title in two tight lines (a timeline's row) whose second line
 * is an emoji alone: Pango 1.50 spaces tight lines by the height of the
 * line's font, which a colour emoji font gives as next to none, and the
 * emoji was drawn over the first letters of the line above ("🎉" on the
 * "Av" of "Avtalsspärr"). It goes under them. */
static void
test_text_tight_emoji_line (void)
{
  g_autoptr(UpProject) project = demo ();
  const char *words = "Avtalsspärr och avtal med leverantörerna";
  g_autofree char *title = g_strconcat (words, " 🎉", NULL);
  const double scale = 4, size = 8, x = 10, cy = 20;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1000, 200);
  cairo_t *cr = cairo_create (surface);
  UpChartContext ctx;
  UpChartOptions options;
  int letters_top = G_MAXINT, emoji_top = G_MAXINT, emoji_left = G_MAXINT;
  double width;

  if (!have_colour_emoji ())
    {
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
      return;
    }

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  up_chart_options_init (&options);
  _up_chart_context_init (&ctx, cr, project, &options, FALSE);
  /* room for the words and not for the emoji after them */
  width = _up_chart_text_width (&ctx, words, size, 0) + 2;
  _up_chart_text (&ctx, title, x, cy, width, size,
                  UP_TEXT_TIGHT | UP_TEXT_MIDDLE | UP_TEXT_KEEP_END, 2, NULL);
  _up_chart_context_clear (&ctx);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  g_free (save_review (surface, "chart-tight-emoji-line.png"));

  for (int py = 0; py < 200; py++)
    for (int px = 0; px < 1000; px++)
      {
        guint r, g, b;

        pixel_at (surface, px, py, &r, &g, &b);
        if (MAX (r, MAX (g, b)) - MIN (r, MIN (g, b)) > 80)
          {
            emoji_top = MIN (emoji_top, py);
            emoji_left = MIN (emoji_left, px);
          }
        else if (MAX (r, MAX (g, b)) < 100)
          letters_top = MIN (letters_top, py);
      }
  cairo_surface_destroy (surface);

  g_test_message ("letters from y %d, the emoji from %d,%d (pixels, %g a point)",
                  letters_top, emoji_left, emoji_top, scale);
  g_assert_cmpint (letters_top, <, G_MAXINT);
  g_assert_cmpint (emoji_top, <, G_MAXINT);
  /* at the start of the second line */
  g_assert_cmpint (emoji_left, <, (int) ((x + 4) * scale));
  /* a line lower: its top at least half the letters' size under theirs */
  g_assert_cmpint (emoji_top, >=, letters_top + (int) (size / 2 * scale));
}

/* A title of words that fill the first of its two lines in a column
 * @width wide at the rows' small size (8 pt), then @rest, which wraps
 * onto the second line: "🎉" alone on it, "🎉 och fest" starting it. */
static char *
title_filling_line (UpChartContext *ctx,
                    double          width,
                    const char     *rest)
{
  static const char * const words[] = { "Avtalsspärr", "och", "avtal", "med", "de", "nya", "leverantörerna",
                                        "i", "södra", "distriktet", "för", "hela", "länet", "och", "staden" };
  g_autoptr(GString) title = g_string_new (NULL);

  for (guint i = 0; ; i++)
    {
      g_autofree char *longer = g_strdup_printf ("%s%s%s", title->str, i > 0 ? " " : "", words[i % G_N_ELEMENTS (words)]);

      /* the next word would not hold: the line is as full as it gets */
      if (_up_chart_text_width (ctx, longer, 8.0, 0) > width - 1)
        break;
      g_string_assign (title, longer);
    }
  /* short words until the emoji (wider than an "i") no longer holds after them */
  while (_up_chart_text_width (ctx, title->str, 8.0, 0) + _up_chart_text_width (ctx, " 🎉", 8.0, 0) <= width)
    g_string_append (title, " i");
  /* the words hold in the line, the emoji after them does not */
  g_assert_cmpfloat (_up_chart_text_width (ctx, title->str, 8.0, 0), <=, width);
  g_string_append_printf (title, " %s", rest);
  g_assert_cmpfloat (_up_chart_text_width (ctx, title->str, 8.0, 0), >, width);
  return g_string_free (g_steal_pointer (&title), FALSE);
}

#define EDGE 3.0

/* Whether any pixel of line @y from @left to @right is ink (not the
 * page, not a row's stripe). */
static gboolean
inked_line (cairo_surface_t *surface,
            int              y,
            int              left,
            int              right)
{
  for (int x = left; x < right; x++)
    {
      guint r, g, b;

      pixel_at (surface, x, y, &r, &g, &b);
      if (MIN (r, MIN (g, b)) < 235)
        return TRUE;
    }
  return FALSE;
}

/* How far the ink of @surface (rendered at @scale pixels a point) from
 * @left to @right (in pixels) reaches beyond the stripes behind every
 * second row into the rows between them, in points, looked for up to EDGE
 * points from a stripe, where the short titles of those rows (in their
 * middles) do not reach. Sets the stripes found in @n_stripes. */
static double
ink_beyond_rows (cairo_surface_t *surface,
                 double           scale,
                 int              left,
                 int              right,
                 guint           *n_stripes)
{
  int height = cairo_image_surface_get_height (surface);
  /* in the stripe, left of where the rows' text starts */
  int probe = left - (int) (2 * scale);
  int edge = (int) (EDGE * scale);
  double worst = 0;
  int y = 0;

  *n_stripes = 0;
  while (y < height)
    {
      int top, bottom;
      guint r, g, b;

      /* a stripe: a light grey, darker than the page */
      for (; y < height; y++)
        {
          pixel_at (surface, probe, y, &r, &g, &b);
          if (r < 250 && r > 200)
            break;
        }
      top = y;
      for (; y < height; y++)
        {
          pixel_at (surface, probe, y, &r, &g, &b);
          if (!(r < 253 && r > 200))
            break;
        }
      bottom = y;
      /* not a rule under the header */
      if (y == height || bottom - top < 10 * scale)
        continue;
      (*n_stripes)++;
      for (int d = 1; d <= edge; d++)
        if ((top - d >= 0 && inked_line (surface, top - d, left, right)) ||
            (bottom - 1 + d < height && inked_line (surface, bottom - 1 + d, left, right)))
          worst = MAX (worst, d / scale);
    }
  return worst;
}

/* The chart as a PDF, its first page read back by pdftoppm at @scale
 * pixels a point; NULL (the test skipped) without pdftoppm. */
static cairo_surface_t *
render_pdf_page (UpChartKind           kind,
                 UpProject            *project,
                 const UpChartOptions *options,
                 double                scale,
                 const char           *png_name)
{
  g_autofree char *base = g_build_filename (TEST_BUILD_DIR, png_name, NULL);
  g_autofree char *pdf = NULL, *png = NULL, *resolution = NULL;
  g_autoptr(GError) error = NULL;
  double width, height;
  cairo_surface_t *surface;
  cairo_t *cr;
  int status;

  if (!test_have_program ("pdftoppm"))
    {
      g_test_skip ("pdftoppm is not installed (tools/setup installs it)");
      return NULL;
    }
  *strrchr (base, '.') = '\0';
  pdf = g_strconcat (base, ".pdf", NULL);
  png = g_strconcat (base, "-pdf.png", NULL);
  up_chart_get_size (kind, project, options, &width, &height);
  surface = cairo_pdf_surface_create (pdf, width, height);
  cr = cairo_create (surface);
  up_chart_draw (kind, project, options, cr, width, height);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  {
    g_autofree char *prefix = g_strconcat (base, "-pdf", NULL);
    const char *argv[] = { "pdftoppm", "-png", "-singlefile", "-f", "1", "-l", "1", "-r", NULL, pdf, prefix, NULL };

    resolution = g_strdup_printf ("%d", (int) (72 * scale));
    argv[8] = resolution;
    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, &status, &error);
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
  }
  surface = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  return surface;
}

/* Stage titles of two lines whose second line is an emoji alone or
 * starts with one, in the timeline and the matrix (its rows of 22 pt for
 * 7 stages, the compact ones of 18 pt that put 15 on one page), in a PNG
 * and in a PDF: their ink stays in their row. Every second row (striped)
 * has such a title, or one of two lines of letters only with descenders
 * on the second; the rows between them a short title. The two lines of
 * a row of 18 pt reached into the next in a PNG: the emoji's colours
 * 0.25 pt, a "g" 0.75 pt at 4 pixels a point (see make_layout()). */
static void
test_row_title_emoji_ink (gconstpointer data)
{
  UpChartKind kind = GPOINTER_TO_UINT (data);
  /* the column of the titles on a page: TITLE_WIDTH of the chart */
  const double column = kind == UP_CHART_TIMELINE ? 178.0 : 215.0;
  const guint sizes[] = { 15, 7 };
  const double scale = 4;

  if (!have_colour_emoji ())
    return;

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(UpProject) project = up_project_new ("Emoji", &error);
      g_autofree char *name = g_strdup_printf ("chart-%s-emoji-rows-%u.png", up_chart_kind_get_name (kind), sizes[s]);
      g_autofree char *alone = NULL, *first = NULL, *person = NULL, *flag = NULL, *plain = NULL;
      cairo_t *measure = _up_chart_measure_cr ();
      UpChartContext ctx;
      UpChartOptions options;
      cairo_surface_t *surface;
      double width, height, worst;
      guint n_stripes;
      int left = 0;

      g_assert_no_error (error);
      up_chart_options_init (&options);
      options.lang = UP_LANG_SV;
      options.date = "2026-11-28";
      options.key = TRUE;
      _up_chart_context_init (&ctx, measure, project, &options, FALSE);
      alone = title_filling_line (&ctx, column, "🎉");
      first = title_filling_line (&ctx, column, "🎉 och fest");
      person = title_filling_line (&ctx, column, "🧓🏽");
      flag = title_filling_line (&ctx, column, "🇸🇪 Sverige");
      plain = title_filling_line (&ctx, column, "gjorde pjäs");
      _up_chart_context_clear (&ctx);
      cairo_destroy (measure);

      for (guint i = 0; i < sizes[s]; i++)
        {
          const char *titles[] = { alone, first, person, flag, plain };
          const char *title = i % 2 == 0 ? "Ram" : titles[(i / 2) % G_N_ELEMENTS (titles)];
          g_autofree char *start = g_strdup_printf ("2026-%02u-01", 1 + i % 12);

          g_assert_nonnull (up_project_add_stage (project, "pilot", title, start, "2026-12-20", NULL, &error));
          g_assert_no_error (error);
        }

      surface = render (kind, project, &options, scale, &width, &height);
      g_free (save_review (surface, name));
      /* the rows start where the page's margin ends */
      left = (int) (UP_CHART_MARGIN * scale);
      worst = ink_beyond_rows (surface, scale, left, left + (int) ((column - 20) * scale), &n_stripes);
      g_test_message ("%s, %u stages: %u stripes, ink %.2f pt into a row it is not of",
                      up_chart_kind_get_name (kind), sizes[s], n_stripes, worst);
      g_assert_cmpuint (n_stripes, ==, sizes[s] / 2);
      g_assert_cmpfloat (worst, ==, 0);
      cairo_surface_destroy (surface);

      /* In a PDF an emoji is a picture of its own (see emoji_picture()). */
      surface = render_pdf_page (kind, project, &options, scale, name);
      if (surface == NULL)
        continue;
      worst = ink_beyond_rows (surface, scale, left, left + (int) ((column - 20) * scale), &n_stripes);
      g_test_message ("in a PDF: %u stripes, ink %.2f pt into a row it is not of", n_stripes, worst);
      g_assert_cmpuint (n_stripes, ==, sizes[s] / 2);
      g_assert_cmpfloat (worst, ==, 0);
      cairo_surface_destroy (surface);
    }
}

/* Where @heading (a translated section title) begins on the page, or
 * NULL. */
static const PdfWord *
find_heading (GArray     *words,
              const char *heading)
{
  g_auto(GStrv) parts = g_strsplit (heading, " ", -1);
  guint n_parts = g_strv_length (parts);

  for (guint i = 0; i + n_parts <= words->len; i++)
    {
      guint j = 0;

      while (j < n_parts && g_str_equal (g_array_index (words, PdfWord, i + j).text, parts[j]))
        j++;
      if (j == n_parts)
        return &g_array_index (words, PdfWord, i);
    }
  return NULL;
}

/* Whether @words hold @a, @b and @c one after the other. */
static gboolean
has_phrase (GArray     *words,
            const char *a,
            const char *b,
            const char *c)
{
  for (guint i = 0; i + 2 < words->len; i++)
    if (g_strcmp0 (g_array_index (words, PdfWord, i).text, a) == 0 &&
        g_strcmp0 (g_array_index (words, PdfWord, i + 1).text, b) == 0 &&
        g_strcmp0 (g_array_index (words, PdfWord, i + 2).text, c) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
has_word (GArray     *words,
          const char *text)
{
  for (guint i = 0; i < words->len; i++)
    if (g_strcmp0 (g_array_index (words, PdfWord, i).text, text) == 0)
      return TRUE;
  return FALSE;
}

/* The words that start where the word starting with @start starts (the
 * lines of a name broken inside its word), top down, joined without
 * spaces and with a hyphen at the end of a line dropped. */
static char *
joined_lines (GArray     *words,
              const char *start)
{
  GString *joined = g_string_new (NULL);
  double x = -1;

  for (guint i = 0; i < words->len && x < 0; i++)
    if (g_str_has_prefix (g_array_index (words, PdfWord, i).text, start))
      x = g_array_index (words, PdfWord, i).x0;
  for (guint i = 0; i < words->len; i++)
    {
      const char *text = g_array_index (words, PdfWord, i).text;

      if (fabs (g_array_index (words, PdfWord, i).x0 - x) > 1)
        continue;
      g_string_append (joined, text);
      if (g_str_has_suffix (joined->str, "-"))
        g_string_truncate (joined, joined->len - 1);
    }
  return g_string_free (joined, FALSE);
}

/* A stakeholder's name of one long word (an organisation's compound
 * name, 60 letters) can be read whole on an exported grid: in a cell with
 * lines to spare it wraps inside the word over as many lines as it takes;
 * in a crowded cell it is cut, and a number before it sends the reader to
 * the key under the grid, which gives the name in full after the same
 * number. The grid cut such a name after two lines, with the full name
 * nowhere on the chart. */
static void
test_grid_long_word_names (void)
{
  static const char * const crowded = "Kommunalförbundetsregionalaäldreomsorgsnämndsarbetsutskottet";
  static const char * const alone = "Länsstyrelsensmiljöskyddsenhetsupphandlingssamordningsgruppen";
  static const char * const others[] = { "Eva Ek", "Per Ek", "Ola Ek" };
  g_autoptr(GError) error = NULL;
  g_autoptr(UpProject) project = up_project_new ("Long words", &error);
  UpStakeholder *person;

  g_assert_no_error (error);
  person = up_project_add_stakeholder (project, crowded, NULL, "politician", &error);
  g_assert_no_error (error);
  g_assert_true (up_project_set_int (project, person, "influence", 5, &error));
  g_assert_true (up_project_set_int (project, person, "interest", 5, &error));
  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    {
      person = up_project_add_stakeholder (project, others[i], NULL, "politician", &error);
      g_assert_no_error (error);
      g_assert_true (up_project_set_int (project, person, "influence", 5, &error));
      g_assert_true (up_project_set_int (project, person, "interest", 5, &error));
    }
  person = up_project_add_stakeholder (project, alone, NULL, "politician", &error);
  g_assert_no_error (error);
  g_assert_true (up_project_set_int (project, person, "influence", 2, &error));
  g_assert_true (up_project_set_int (project, person, "interest", 2, &error));

  for (UpLang lang = UP_LANG_EN; lang <= UP_LANG_SV; lang++)
    {
      g_autofree char *name = g_strdup_printf ("chart-grid-long-word-names-%s.pdf", up_lang_get_code (lang));
      g_autoptr(GArray) words = NULL;
      g_autofree char *joined = NULL;
      const PdfWord *full = NULL;
      gboolean numbered = FALSE, numbered_in_cell = FALSE;
      UpChartOptions options;

      if (lang == UP_LANG_SV && g_getenv ("UPPHANDLA_LOCALEDIR") == NULL)
        continue;
      up_chart_options_init (&options);
      options.lang = lang;
      options.decorations = TRUE;
      options.key = TRUE;
      options.date = "2026-11-28";
      words = chart_words (project, UP_CHART_GRID, &options, name);
      if (words == NULL)
        return;

      /* the crowded cell's name in full, in the key, after its number */
      for (guint i = 0; i < words->len; i++)
        if (g_str_equal (g_array_index (words, PdfWord, i).text, crowded))
          full = &g_array_index (words, PdfWord, i);
      g_assert_nonnull (full);
      for (guint i = 0; i < words->len; i++)
        {
          const PdfWord *word = &g_array_index (words, PdfWord, i);

          if (!g_str_equal (word->text, "1"))
            continue;
          if (fabs (word->y0 - full->y0) < 3 && word->x1 < full->x0 && word->x0 > full->x0 - 40)
            numbered = TRUE;
          /* and the same number in the grid, above the key */
          else if (word->y1 < full->y0 - 100)
            numbered_in_cell = TRUE;
        }
      g_assert_true (numbered);
      g_assert_true (numbered_in_cell);

      /* the name alone in its cell whole over its lines, not in the key */
      g_assert_false (has_word (words, alone));
      joined = joined_lines (words, "Läns");
      g_assert_cmpstr (joined, ==, alone);
    }
}

/* An exported grid names each stakeholder's organisation under the name
 * where the cell has the lines ("Karin Lindqvist" and under it "Chair,
 * Elderly Care Board"), in both languages, and cuts none: the grid gave
 * names alone, and a politician could not tell who they were. In a cell
 * of five, no line is left for it, and the names stay. On screen the grid
 * is as before. */
static void
test_grid_organisations (void)
{
  g_autoptr(UpProject) project = demo ();
  GListModel *people = up_project_get_stakeholders (project);
  g_autoptr(GError) error = NULL;

  for (UpLang lang = UP_LANG_EN; lang <= UP_LANG_SV; lang++)
    {
      g_autofree char *name = g_strdup_printf ("chart-grid-organisations-%s.pdf", up_lang_get_code (lang));
      g_autoptr(GArray) words = NULL;
      UpChartOptions options;

      if (lang == UP_LANG_SV && g_getenv ("UPPHANDLA_LOCALEDIR") == NULL)
        continue;
      up_chart_options_init (&options);
      options.lang = lang;
      options.decorations = TRUE;
      options.key = TRUE;
      options.date = "2026-11-28";
      _up_chart_reset_n_cut ();
      words = chart_words (project, UP_CHART_GRID, &options, name);
      if (words == NULL)
        return;
      g_assert_cmpuint (_up_chart_get_n_cut (), ==, 0);

      g_assert_cmpuint (g_list_model_get_n_items (people), >=, 8);
      for (guint i = 0; i < g_list_model_get_n_items (people); i++)
        {
          g_autoptr(UpStakeholder) person = g_list_model_get_item (people, i);
          g_auto(GStrv) parts = g_strsplit (up_stakeholder_get_organisation (person), " ", -1);

          g_assert_cmpstr (parts[0], !=, NULL);
          for (guint p = 0; parts[p] != NULL; p++)
            if (!has_word (words, parts[p]))
              g_error ("%s: “%s” of %s’s organisation is not on the grid", up_lang_get_code (lang), parts[p],
                       up_stakeholder_get_name (person));
        }
    }

  /* five in Karin Lindqvist's cell: names, no organisations, nothing cut */
  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *who = g_strdup_printf ("Member %u", i + 1);
      UpStakeholder *person = up_project_add_stakeholder (project, who, "Elderly Care Board", "politician", &error);

      g_assert_no_error (error);
      g_assert_true (up_project_set_int (project, person, "influence", 5, &error));
      g_assert_true (up_project_set_int (project, person, "interest", 4, &error));
    }
  {
    g_autoptr(GArray) words = NULL;
    UpChartOptions options;

    up_chart_options_init (&options);
    options.lang = UP_LANG_EN;
    options.decorations = TRUE;
    options.key = TRUE;
    options.date = "2026-11-28";
    _up_chart_reset_n_cut ();
    words = chart_words (project, UP_CHART_GRID, &options, "chart-grid-organisations-full.pdf");
    if (words == NULL)
      return;
    g_assert_cmpuint (_up_chart_get_n_cut (), ==, 0);
    g_assert_true (has_word (words, "Lindqvist"));
    g_assert_true (has_word (words, "Member"));
    g_assert_false (has_word (words, "Board"));
  }
}

/* The box of the word @text on the page (the first one, asserting there
 * is one). */
static const PdfWord *
word_box (GArray     *words,
          const char *text)
{
  for (guint i = 0; i < words->len; i++)
    if (g_strcmp0 (g_array_index (words, PdfWord, i).text, text) == 0)
      return &g_array_index (words, PdfWord, i);
  g_error ("“%s” is not on the chart", text);
  return NULL;
}

/* A name of several lines in a cell of a file's grid has its
 * organisation right under its last line, as a name of one line has:
 * each line of the name was given a cell's line of 17 pt for text of
 * some 11, so that a name of four lines left a gap of a line's height
 * above the organisation, which then read as someone else's. */
static void
test_grid_long_name_organisation (void)
{
  g_autoptr(UpProject) project = demo ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) words = NULL;
  UpStakeholder *person;
  UpChartOptions options;
  const PdfWord *first, *last, *organisation;
  double one_gap, long_gap;

  /* alone in a cell of its own, as Erik Holm is in his (four lines of a
   * page's cell, its organisation two more: six, as many as a page's
   * cell has) */
  person = up_project_add_stakeholder (project, "Anna-Karin Margareta Johansson Söderberg",
                                       "Kommunstyrelsens kansli", "politician", &error);
  g_assert_no_error (error);
  g_assert_true (up_project_set_int (project, person, "influence", 1, &error));
  g_assert_true (up_project_set_int (project, person, "interest", 1, &error));

  up_chart_options_init (&options);
  options.lang = UP_LANG_EN;
  options.decorations = TRUE;
  options.key = TRUE;
  options.date = "2026-11-28";
  words = chart_words (project, UP_CHART_GRID, &options, "chart-grid-long-name-organisation.pdf");
  if (words == NULL)
    return;

  one_gap = word_box (words, "Head")->y0 - word_box (words, "Holm")->y1;
  first = word_box (words, "Anna-Karin");
  last = word_box (words, "Söderberg");
  /* the name takes three lines or more */
  g_assert_cmpfloat (last->y0 - first->y0, >, 2 * (first->y1 - first->y0) - 1);
  /* the organisation's first line: on a page's narrower cell its first
   * word wraps inside the word ("Kommunstyrelse-", "ns kansli") */
  organisation = NULL;
  for (guint i = 0; i < words->len && organisation == NULL; i++)
    if (g_str_has_prefix (g_array_index (words, PdfWord, i).text, "Kommunstyrelse"))
      organisation = &g_array_index (words, PdfWord, i);
  g_assert_nonnull (organisation);
  long_gap = organisation->y0 - last->y1;
  g_assert_cmpfloat (long_gap, >=, 0);
  g_assert_cmpfloat (long_gap, <=, one_gap + 1);
}

/* A plan of more stages than the report's timeline has rows for: its axis
 * spans the stages shown, not all of them, which squeezed the rows shown
 * into the first part of the axis (40 monthly stages: 16 shown over four
 * years); and the line under the rows, which counts the stages not shown,
 * gives the whole plan's first and last day, which the page did not say
 * (a reader took the plan to end in 2027), in both languages. */
static void
test_report_shown_span (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UpProject) project = up_project_new ("Many stages", &error);

  g_assert_no_error (error);
  for (guint i = 0; i < 48; i++)
    {
      g_autofree char *title = g_strdup_printf ("Stage %u", i + 1);
      g_autofree char *start = up_date_add_days ("2026-01-05", (int) i * 30);
      g_autofree char *end = up_date_add_days (start, 20);

      g_assert_nonnull (up_project_add_stage (project, "pilot", title, start, end, NULL, &error));
      g_assert_no_error (error);
    }

  for (UpLang lang = UP_LANG_EN; lang <= UP_LANG_SV; lang++)
    {
      g_autofree char *name = g_strdup_printf ("chart-report-shown-span-%s.pdf", up_lang_get_code (lang));
      g_autoptr(GArray) words = NULL;
      const PdfWord *heading, *first_row = NULL, *not_shown = NULL;
      /* the first stage's first day and the last one's last day */
      const char *first_day = lang == UP_LANG_SV ? "5 jan. 2026" : "5 Jan 2026";
      const char *last_day = lang == UP_LANG_SV ? "5 dec. 2029" : "5 Dec 2029";
      g_autoptr(GString) line = g_string_new (NULL);
      guint n_2026 = 0;

      if (lang == UP_LANG_SV && g_getenv ("UPPHANDLA_LOCALEDIR") == NULL)
        continue;
      words = report_words (project, lang, name);
      if (words == NULL)
        return;
      heading = find_heading (words, up_lang_pgettext (lang, "report", "Timeline"));
      g_assert_nonnull (heading);
      for (guint i = 0; i < words->len && first_row == NULL; i++)
        if (g_str_equal (g_array_index (words, PdfWord, i).text, "Stage"))
          first_row = &g_array_index (words, PdfWord, i);
      g_assert_nonnull (first_row);

      for (guint i = 0; i < words->len; i++)
        {
          const PdfWord *word = &g_array_index (words, PdfWord, i);

          /* the axis, between the heading and the first row: the last
           * stage shown ends in 2027, no later year there */
          if (word->y0 > heading->y1 && word->y1 < first_row->y0 + 1)
            {
              g_assert_cmpstr (word->text, !=, "2028");
              g_assert_cmpstr (word->text, !=, "2029");
              n_2026 += g_strcmp0 (word->text, "2026") == 0;
            }
          if (not_shown == NULL && g_str_has_suffix (word->text, "shown:"))
            not_shown = word;
          if (g_strcmp0 (word->text, "visas:") == 0)
            not_shown = word;
        }
      g_assert_cmpuint (n_2026, >=, 1);
      g_assert_nonnull (not_shown);

      /* the line of the stages not shown, as one text */
      for (guint i = 0; i < words->len; i++)
        {
          const PdfWord *word = &g_array_index (words, PdfWord, i);

          if (fabs (word->y0 - not_shown->y0) < 1 && word->x0 >= heading->x0 - 1)
            g_string_append_printf (line, "%s%s", line->len > 0 ? " " : "", word->text);
        }
      g_test_message ("%s", line->str);
      g_assert_nonnull (strstr (line->str, first_day));
      g_assert_nonnull (strstr (line->str, last_day));
    }
}

/* Stage dates in a file that are not dates ('zzz' is the last "date" in
 * the store's string order) or far away: the report's timeline shows the
 * other stages on a readable axis and counts the rest as not shown, where
 * it said "No stages yet" for 15 stages. */
static void
test_report_odd_dates (void)
{
  g_autoptr(UpProject) demo_project = demo ();
  g_autoptr(UpProject) project = NULL;
  g_autoptr(GError) error = NULL;
  UpStore *store = up_project_get_store (demo_project);
  GString *text = g_string_new (NULL);
  g_autoptr(GArray) words = NULL;
  g_autofree char *all = NULL;

  /* Written past the edit API, which refuses such dates; a new model of
   * the same store reads them as a file would bring them. */
  g_assert_cmpint (sqlite3_exec (_up_store_get_db (store),
                                 "UPDATE stage SET start_date = 'zzz', end_date = 'zzz' WHERE id = 3;"
                                 "UPDATE stage SET end_date = 'not-a-date' WHERE id = 5;"
                                 "UPDATE stage SET end_date = '9999-12-31' WHERE id = 15;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  project = up_project_new_for_store (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (up_project_get_stages (project)), ==, 15);

  words = report_words (project, UP_LANG_EN, "chart-report-odd-dates-en.pdf");
  if (words == NULL)
    return;
  for (guint i = 0; i < words->len; i++)
    g_string_append_printf (text, "%s ", g_array_index (words, PdfWord, i).text);
  all = g_string_free (text, FALSE);
  g_assert_null (strstr (all, "No stages yet"));
  g_assert_nonnull (strstr (all, "Stages not shown: 2 "));
  g_assert_nonnull (strstr (all, "Needs analysis with home care staff"));
  g_assert_nonnull (strstr (all, "Lessons learned"));
  assert_axis_readable (words, "odd dates");
  assert_axis_lines_thin (project, UP_LANG_EN, "odd dates", "chart-report-odd-dates-en.png");
}

/* The report's key decisions are the milestones and award decisions, as
 * the matrix marks them: a one-day workshop was listed as a decision and
 * drawn as a diamond, and a one-day "Contract signed" too. */
static void
test_report_decisions (void)
{
  g_autoptr(UpProject) project = demo ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) words = NULL;
  const PdfWord *heading = NULL;
  gboolean award = FALSE, procure = FALSE;

  g_assert_nonnull (up_project_add_stage (project, "hackathon", "Workshopday", "2026-09-01", "2026-09-01",
                                          NULL, &error));
  g_assert_no_error (error);

  words = report_words (project, UP_LANG_EN, "chart-report-decisions-en.pdf");
  if (words == NULL)
    return;
  for (guint i = 0; i + 1 < words->len; i++)
    if (g_str_equal (g_array_index (words, PdfWord, i).text, "Key") &&
        g_str_equal (g_array_index (words, PdfWord, i + 1).text, "decisions"))
      heading = &g_array_index (words, PdfWord, i);
  g_assert_nonnull (heading);

  /* the list: below the heading, in its column */
  for (guint i = 0; i < words->len; i++)
    {
      const PdfWord *word = &g_array_index (words, PdfWord, i);

      if (word->y0 <= heading->y1 || word->x0 < heading->x0 - 2 || word->x0 > heading->x0 + 150)
        continue;
      g_assert_cmpstr (word->text, !=, "Workshopday");
      g_assert_cmpstr (word->text, !=, "signed");
      award |= g_str_equal (word->text, "Award");
      procure |= g_str_equal (word->text, "procure");
    }
  g_assert_true (award);
  g_assert_true (procure);
}

/* The words of @heading's section: below it, in its column (@width
 * points wide), on the page. Asserts that none leaves the page. */
static void
section_words (GArray        *words,
               const PdfWord *heading,
               double         width,
               GPtrArray     *out)
{
  for (guint i = 0; i < words->len; i++)
    {
      const PdfWord *word = &g_array_index (words, PdfWord, i);

      if (word->y0 <= heading->y1 || word->x0 < heading->x0 - 2 || word->x0 > heading->x0 + width)
        continue;
      g_assert_cmpfloat (word->y1, <=, 595.28 - 30 + 1);
      g_ptr_array_add (out, word->text);
    }
}

/* The words of the report's key of the goals: below its heading, in its
 * column, then those of its rest under the local goals, where there is
 * one. Asserts that none leaves the page. */
static GPtrArray *
goal_key_words (GArray *words,
                UpLang  lang)
{
  const PdfWord *heading = find_heading (words, up_lang_gettext (lang, "Goals the procurement affects"));
  const PdfWord *rest = find_heading (words, up_lang_gettext (lang, "Goals the procurement affects (continued)"));
  GPtrArray *key = g_ptr_array_new ();

  g_assert_nonnull (heading);
  section_words (words, heading, 190, key);
  if (rest != NULL)
    {
      g_assert_cmpfloat (rest->x0, >, heading->x0 + 190);
      section_words (words, rest, 280, key);
    }
  return key;
}

static gboolean
key_has_name (GPtrArray  *key,
              const char *name)
{
  g_auto(GStrv) parts = g_strsplit (name, " ", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    if (!g_ptr_array_find_with_equal_func (key, parts[i], g_str_equal, NULL))
      return FALSE;
  return TRUE;
}

/* The report's wheel shows the goals by number: the page names the goals
 * the procurement affects (a politician asks what 12 is), and no others. */
static void
test_report_goal_names (void)
{
  g_autoptr(UpProject) project = demo ();
  g_autoptr(GError) error = NULL;
  g_autoptr(UpStage) stage = g_list_model_get_item (up_project_get_stages (project), 0);

  for (UpLang lang = UP_LANG_EN; lang <= UP_LANG_SV; lang++)
    {
      g_autofree char *name = g_strdup_printf ("chart-report-goal-names-%s.pdf", up_lang_get_code (lang));
      g_autoptr(GArray) words = report_words (project, lang, name);
      g_autoptr(GPtrArray) key = NULL;
      g_autoptr(UpCoverage) coverage = up_coverage_new (project, NULL);
      guint n_affected = 0;

      if (words == NULL)
        return;
      key = goal_key_words (words, lang);
      for (guint goal = 1; goal <= UP_SDG_N_GOALS; goal++)
        {
          const UpGoalCoverage *c = up_coverage_get_goal (coverage, goal);
          const char *goal_name = up_sdg_goal_get_name_in (up_sdg_get_goal (goal), lang);
          gboolean affected = c->n_covered > 0 || c->n_negative > 0;

          n_affected += affected;
          if (affected)
            g_assert_true (key_has_name (key, goal_name));
        }
      g_assert_cmpuint (n_affected, >=, 3);
      g_assert_cmpuint (n_affected, <, UP_SDG_N_GOALS);
      /* the demo does not touch goal 1 */
      g_assert_cmpuint (up_coverage_get_goal (coverage, 1)->n_covered, ==, 0);
      g_assert_false (key_has_name (key, up_sdg_goal_get_name_in (up_sdg_get_goal (1), lang)));
    }

}

/* The unicode block of the first letter of @text in U+0590..U+06FF: the
 * Hebrew or Arabic letter pdftotext reads, 0 for anything else. */
static gunichar
rtl_letter (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= 0x0590 && c <= 0x06FF)
        return c;
    }
  return 0;
}

/* The key of a full cell lists its people in the cell's order, left to
 * right in a left-to-right line, also when names are written right to
 * left: an Arabic name and a Hebrew one after it made one right-to-left
 * run with the comma between them, so the Hebrew name came first and the
 * comma at its right, not between the names. */
static void
test_grid_key_right_to_left_names (void)
{
  static const char * const names[] = {
    "محمد عبد الرحمن", "דוד כהן", "Eva Ek", "Per Ek", "Ola Ek", "Kim Ek", "Ann Ek",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(UpProject) project = up_project_new ("Names", &error);
  g_autoptr(GArray) words = NULL;
  UpChartOptions options;
  double arabic = G_MAXDOUBLE, hebrew = G_MAXDOUBLE, comma = -1, line_y = -1;

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      UpStakeholder *person = up_project_add_stakeholder (project, names[i], NULL, "politician", &error);

      g_assert_no_error (error);
      g_assert_true (up_project_set_int (project, person, "influence", 5, &error));
      g_assert_true (up_project_set_int (project, person, "interest", 5, &error));
    }

  up_chart_options_init (&options);
  options.lang = UP_LANG_EN;
  options.decorations = TRUE;
  options.key = TRUE;
  options.date = "2026-11-28";
  words = chart_words (project, UP_CHART_GRID, &options, "chart-grid-key-right-to-left.pdf");
  if (words == NULL)
    return;

  /* the key's line: "Influence 5, interest 5: ..." */
  for (guint i = 0; i + 1 < words->len && line_y < 0; i++)
    if (g_str_equal (g_array_index (words, PdfWord, i).text, "Influence") &&
        g_str_equal (g_array_index (words, PdfWord, i + 1).text, "5,"))
      line_y = g_array_index (words, PdfWord, i).y0;
  g_assert_cmpfloat (line_y, >, 0);

  for (guint i = 0; i < words->len; i++)
    {
      const PdfWord *word = &g_array_index (words, PdfWord, i);
      gunichar c = rtl_letter (word->text);

      if (fabs (word->y0 - line_y) > 2)
        continue;
      if (c >= 0x0600)
        arabic = MIN (arabic, word->x0);
      else if (c != 0)
        hebrew = MIN (hebrew, word->x0);
    }
  g_assert_cmpfloat (arabic, <, G_MAXDOUBLE);
  g_assert_cmpfloat (hebrew, <, G_MAXDOUBLE);
  g_assert_cmpfloat (arabic, <, hebrew);

  /* the comma after the Arabic name stands between the two */
  for (guint i = 0; i < words->len; i++)
    {
      const PdfWord *word = &g_array_index (words, PdfWord, i);

      if (fabs (word->y0 - line_y) <= 2 && g_str_has_prefix (word->text, ",") && word->x0 < hebrew)
        comma = MAX (comma, word->x0);
    }
  g_assert_cmpfloat (comma, >, arabic);
}

/* An exported grid of a project without stakeholders says so, as the
 * matrix says "No stages yet": it was an empty grid, as if the names had
 * been lost. With a stakeholder it does not. */
static void
test_grid_empty (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UpProject) project = up_project_new ("Empty", &error);

  g_assert_no_error (error);
  for (guint round = 0; round < 2; round++)
    {
      if (round == 1)
        g_assert_nonnull (up_project_add_stakeholder (project, "Eva Ek", NULL, "politician", &error));
      for (UpLang lang = UP_LANG_EN; lang <= UP_LANG_SV; lang++)
        {
          g_autofree char *name = g_strdup_printf ("chart-grid-empty-%u-%s.pdf", round, up_lang_get_code (lang));
          g_autoptr(GArray) words = NULL;
          UpChartOptions options;

          up_chart_options_init (&options);
          options.lang = lang;
          options.decorations = TRUE;
          options.key = TRUE;
          options.date = "2026-11-28";
          words = chart_words (project, UP_CHART_GRID, &options, name);
          if (words == NULL)
            return;
          if (round == 0)
            g_assert_nonnull (find_heading (words, up_lang_gettext (lang, "No stakeholders yet")));
          else
            g_assert_null (find_heading (words, up_lang_gettext (lang, "No stakeholders yet")));
        }
    }
}

/* A goal the procurement only harms (13.2, negative) or touches with an
 * impact not known (6.1) is not served: its count says 0 of its targets
 * and the wheel's centre counts only the target served (1.1), in the
 * wheel, the bars and the report, in both languages. The harm shows
 * apart, as "−1". The counts said 1/5 and 1/8, "3 of 169 targets
 * covered", as if the harm were a contribution. */
static void
test_harm_apart (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UpProject) project = up_project_new ("Harm", &error);
  const UpChartKind kinds[] = { UP_CHART_WHEEL, UP_CHART_BARS, UP_CHART_REPORT };
  UpStage *stage;

  g_assert_no_error (error);
  stage = up_project_add_stage (project, "pilot", "Pilot", "2026-01-05", "2026-03-27", NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (up_project_add_sdg_link (project, UP_RECORD (stage), "1.1", "positive", 2, NULL, &error));
  g_assert_nonnull (up_project_add_sdg_link (project, UP_RECORD (stage), "13.2", "negative", 3, NULL, &error));
  g_assert_nonnull (up_project_add_sdg_link (project, UP_RECORD (stage), "6.1", "unknown", 2, NULL, &error));

  for (UpLang lang = UP_LANG_EN; lang <= UP_LANG_SV; lang++)
    for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
      {
        g_autofree char *name = g_strdup_printf ("chart-harm-apart-%u-%s.pdf", kinds[k], up_lang_get_code (lang));
        g_autoptr(GArray) words = NULL;
        UpChartOptions options;

        if (lang == UP_LANG_SV && g_getenv ("UPPHANDLA_LOCALEDIR") == NULL)
          continue;
        up_chart_options_init (&options);
        options.lang = lang;
        options.date = "2026-11-28";
        words = chart_words (project, kinds[k], &options, name);
        if (words == NULL)
          return;

        g_test_message ("%s", name);
        g_assert_true (has_word (words, "1/7"));
        g_assert_false (has_word (words, "1/5"));
        g_assert_false (has_word (words, "1/8"));
        g_assert_true (has_word (words, "−1"));
        if (kinds[k] != UP_CHART_BARS)
          g_assert_true (has_phrase (words, "1", lang == UP_LANG_SV ? "av" : "of", "169"));
      }
}

/* The report's list of the goals the procurement affects reads as a list:
 * a goal a line, its name where every other name starts, the lines evenly
 * apart, in each column it takes, with 1, 5, 12 and 17 goals, in both
 * languages. Short names shared a line ("1 No poverty  2 Zero hunger",
 * then "3 Good health and well-being" alone), so that the names started
 * at odd places down the list. */
static void
test_report_goal_list_even (void)
{
  static const guint counts[] = { 1, 5, 12, 17 };

  for (guint demo_plan = 0; demo_plan < 2; demo_plan++)
  for (guint c = 0; c < G_N_ELEMENTS (counts); c++)
    for (UpLang lang = UP_LANG_EN; lang <= UP_LANG_SV; lang++)
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(UpProject) project = NULL;
        g_autofree char *name = g_strdup_printf ("chart-report-goal-list-%s%u-%s.pdf", demo_plan ? "demo-" : "",
                                                 counts[c], up_lang_get_code (lang));
        g_autoptr(GArray) words = NULL;
        double xs[UP_SDG_N_GOALS], ys[UP_SDG_N_GOALS];
        guint n_first = 0;
        g_autoptr(UpStage) stage = NULL;

        if (lang == UP_LANG_SV && g_getenv ("UPPHANDLA_LOCALEDIR") == NULL)
          continue;
        if (demo_plan)
          {
            /* the demo's plan, its 15 stages and 2 milestones, with the
             * goals linked instead of its own links */
            GListModel *links;

            project = demo ();
            links = up_project_get_sdg_links (project);
            while (g_list_model_get_n_items (links) > 0)
              {
                g_autoptr(UpSdgLink) link = g_list_model_get_item (links, 0);

                g_assert_true (up_project_delete_sdg_link (project, link, &error));
              }
            stage = g_list_model_get_item (up_project_get_stages (project), 0);
          }
        else
          {
            project = up_project_new ("Goals", &error);
            g_assert_no_error (error);
            stage = g_object_ref (up_project_add_stage (project, "pilot", "Pilot", "2026-01-05", "2026-03-27",
                                                        NULL, &error));
          }
        g_assert_no_error (error);
        for (guint goal = 1; goal <= counts[c]; goal++)
          {
            g_autofree char *target = g_strdup_printf ("%u.1", goal);

            g_assert_nonnull (up_project_add_sdg_link (project, UP_RECORD (stage), target, "positive", 2, NULL, &error));
          }
        words = report_words (project, lang, name);
        if (words == NULL)
          return;

        for (guint goal = 1; goal <= counts[c]; goal++)
          {
            const PdfWord *word = find_heading (words, up_sdg_goal_get_name_in (up_sdg_get_goal (goal), lang));

            if (word == NULL)
              g_error ("%s: goal %u is not named in the list", name, goal);
            xs[goal - 1] = word->x0;
            ys[goal - 1] = word->y0;
          }
        for (guint goal = 2; goal <= counts[c]; goal++)
          {
            /* the list goes on in another column: a line of its own */
            if (fabs (xs[goal - 1] - xs[goal - 2]) > 100 && ys[goal - 1] < ys[goal - 2])
              {
                n_first = goal - 1;
                continue;
              }
            g_test_message ("%s: goal %u at %.1f, %.1f", name, goal, xs[goal - 1], ys[goal - 1]);
            g_assert_cmpfloat_with_epsilon (xs[goal - 1], xs[goal - 2], 0.5);
            g_assert_cmpfloat (ys[goal - 1], >, ys[goal - 2] + 5);
            if (goal > 2 && fabs (xs[goal - 2] - xs[goal - 3]) < 0.5)
              g_assert_cmpfloat_with_epsilon (ys[goal - 1] - ys[goal - 2], ys[goal - 2] - ys[goal - 3], 0.5);
          }
        /* A list that goes on in a second column is shared out as evenly
         * as the second's room allows (the demo's 12 goals: 8 and 4, not
         * 11 and a lonely 1), and the key decisions keep their room: the
         * demo's two milestones both show, where 11 goals in the first
         * column pushed one off the page. */
        if (n_first > 0)
          {
            g_test_message ("%s: %u goals in the first column, %u in the second", name, n_first, counts[c] - n_first);
            g_assert_cmpuint (n_first, >=, counts[c] - n_first);
            if (demo_plan && counts[c] <= 12)
              {
                g_assert_cmpuint (counts[c] - n_first, >=, 2);
                g_assert_null (find_heading (words, lang == UP_LANG_SV ? "Milstolpar som inte visas:"
                                                                       : "Milestones not shown:"));
              }
          }
      }
}

/* The wheel counts the targets linked in notes; the matrix has a row
 * for each stage and shows no note's links. A politician comparing them
 * saw "3 of 169" on the wheel and cells for one target in the matrix:
 * the matrix's legend now says how many targets it leaves out, linked
 * only in notes, and that the wheel counts them. Without such links the
 * line is not there. */
static void
test_matrix_note_links (void)
{
  for (guint with_notes = 0; with_notes < 2; with_notes++)
    for (UpLang lang = UP_LANG_EN; lang <= UP_LANG_SV; lang++)
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(UpProject) project = up_project_new ("Notes", &error);
        g_autofree char *name = g_strdup_printf ("chart-matrix-note-links-%u-%s.pdf", with_notes, up_lang_get_code (lang));
        g_autoptr(GArray) words = NULL;
        UpChartOptions options;
        UpStage *stage;

        if (lang == UP_LANG_SV && g_getenv ("UPPHANDLA_LOCALEDIR") == NULL)
          continue;
        g_assert_no_error (error);
        stage = up_project_add_stage (project, "pilot", "Pilot", "2026-01-05", "2026-03-27", NULL, &error);
        g_assert_no_error (error);
        g_assert_nonnull (up_project_add_sdg_link (project, UP_RECORD (stage), "1.1", "positive", 2, NULL, &error));
        if (with_notes)
          {
            UpNote *note = up_project_add_note (project, "Said at the dialogue", "internal", "2026-02-01", NULL, &error);
            UpNote *staged = up_project_add_note (project, "Said at the pilot", "internal", "2026-02-02", stage, &error);

            g_assert_no_error (error);
            /* 1.1 the stage links too: the matrix shows it */
            g_assert_nonnull (up_project_add_sdg_link (project, UP_RECORD (note), "1.1", "positive", 2, NULL, &error));
            g_assert_nonnull (up_project_add_sdg_link (project, UP_RECORD (note), "2.1", "positive", 2, NULL, &error));
            g_assert_nonnull (up_project_add_sdg_link (project, UP_RECORD (staged), "3.1", "negative", 2, NULL, &error));
            g_assert_no_error (error);
          }

        up_chart_options_init (&options);
        options.lang = lang;
        options.date = "2026-11-28";
        words = chart_words (project, UP_CHART_MATRIX, &options, name);
        if (words == NULL)
          return;
        if (with_notes)
          g_assert_true (has_phrase (words, lang == UP_LANG_SV ? "skede:" : "stage:", "2.",
                                     lang == UP_LANG_SV ? "Matrisen" : "The"));
        else
          g_assert_false (has_word (words, lang == UP_LANG_SV ? "anteckningar," : "notes,"));
      }
}

/* The pixels a point of @kind takes when the whole chart is shown as
 * large as it fits in a Full HD slide (1920 × 1080). */
static double
slide_scale (UpProject            *project,
             UpChartKind           kind,
             const UpChartOptions *options)
{
  double width, height;

  up_chart_get_size (kind, project, options, &width, &height);
  return MIN (1920 / width, 1080 / height);
}

/* The height in pixels, on a Full HD slide, of the word @text of the
 * chart (its box as pdftotext reads it: about the text's size). */
static double
slide_word_height (UpProject            *project,
                   UpChartKind           kind,
                   const UpChartOptions *options,
                   const char           *name,
                   const char           *text)
{
  g_autoptr(GArray) words = chart_words (project, kind, options, name);

  if (words == NULL)
    return -1;
  for (guint i = 0; i < words->len; i++)
    {
      const PdfWord *word = &g_array_index (words, PdfWord, i);

      if (g_str_equal (word->text, text))
        return (word->y1 - word->y0) * slide_scale (project, kind, options);
    }
  g_error ("%s: no word “%s”", name, text);
  return -1;
}

/* A chart for a slide (UpChartOptions.slide) is laid out landscape, its
 * legend and key beside it in larger text, so that on a Full HD slide the
 * key reads from the back of a room: the wheel's key of the goals' names
 * stood under it, the chart taller than wide, its text some 10 pixels
 * high on the slide. And up_export_slide_is_larger() picks that layout
 * where it shows the chart larger. */
static void
test_slide (void)
{
  g_autoptr(UpProject) project = demo ();
  static const UpChartKind kinds[] = { UP_CHART_WHEEL, UP_CHART_BARS, UP_CHART_GRID, UP_CHART_MATRIX };

  for (UpLang lang = UP_LANG_EN; lang <= UP_LANG_SV; lang++)
    {
      UpChartOptions page, slide;
      double width, height, page_px, slide_px;
      const char *word = lang == UP_LANG_SV ? "fattigdom" : "Poverty";
      g_autofree char *page_name = g_strdup_printf ("chart-slide-page-%s.pdf", up_lang_get_code (lang));
      g_autofree char *slide_name = g_strdup_printf ("chart-slide-%s.pdf", up_lang_get_code (lang));

      if (lang == UP_LANG_SV && g_getenv ("UPPHANDLA_LOCALEDIR") == NULL)
        continue;
      up_chart_options_init (&page);
      page.lang = lang;
      page.key = TRUE;
      page.date = "2026-11-28";
      slide = page;
      slide.slide = TRUE;

      /* the wheel: wider than tall, as a slide is */
      up_chart_get_size (UP_CHART_WHEEL, project, &slide, &width, &height);
      g_assert_cmpfloat (width, >, 1.5 * height);

      /* the key's goal names: 1 "No Poverty" */
      page_px = slide_word_height (project, UP_CHART_WHEEL, &page, page_name, word);
      if (page_px < 0)
        return;
      slide_px = slide_word_height (project, UP_CHART_WHEEL, &slide, slide_name, word);
      g_test_message ("%s: the key's text %.1f px high on a page's layout, %.1f px on a slide's",
                      up_lang_get_code (lang), page_px, slide_px);
      g_assert_cmpfloat (slide_px, >=, 24);

      for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
        {
          gboolean larger = up_export_slide_is_larger (project, kinds[k], &page, 1920, 1080);

          g_test_message ("%s: %s %.2f px/pt on a page's layout, %.2f on a slide's", up_lang_get_code (lang),
                          up_chart_kind_get_name (kinds[k]), slide_scale (project, kinds[k], &page),
                          slide_scale (project, kinds[k], &slide));
          /* larger where the body is: the slide's scale, the body's on it */
          g_assert_cmpint (larger, ==, slide_scale (project, kinds[k], &slide) * _up_chart_slide_body_scale (kinds[k]) >
                                       slide_scale (project, kinds[k], &page));
          /* every label still fits */
          {
            g_autofree char *name = g_strdup_printf ("chart-slide-%s-%s.pdf", up_chart_kind_get_name (kinds[k]),
                                                     up_lang_get_code (lang));
            g_autoptr(GArray) words = NULL;

            _up_chart_reset_n_cut ();
            words = chart_words (project, kinds[k], &slide, name);
            g_assert_cmpuint (_up_chart_get_n_cut (), ==, 0);
          }
        }
      g_assert_true (up_export_slide_is_larger (project, UP_CHART_WHEEL, &page, 1920, 1080));
      g_assert_false (up_export_slide_is_larger (project, UP_CHART_REPORT, &page, 1920, 1080));
    }
}

/* The grid's slide of a crowded plan, the key of its full cells long
 * (140 stakeholders, 8 in every second cell): it keeps to 16:9, as a
 * projector shows a slide whole; the key's text no smaller than the
 * names in the cells it gives in full, and no label cut. It was 1,435 ×
 * 1,231 pt, the key one column of 13 pt as tall as the grid and half
 * again: a Full HD screen showed it at 0.88 px/pt. */
static void
test_grid_slide_long_key (void)
{
  static const char * const first[] = { "Margareta", "Gustav", "Elisabeth", "Karl", "Ingrid", "Fredrik" };
  static const char * const last[] = { "Andersson-Lindqvist", "Nilsson-Bergström", "Olsson-Wahlgren", "Johansson" };
  g_autoptr(GError) error = NULL;
  g_autoptr(UpProject) project = up_project_new ("Crowded grid", &error);
  guint n = 0;

  g_assert_no_error (error);
  for (int influence = 1; influence <= 5; influence++)
    for (int interest = 1; interest <= 5; interest++)
      for (guint j = 0; j < ((influence + interest) % 2 == 0 ? 8u : 3u); j++, n++)
        {
          /* "Tova" only in the cells that are not full: a name in a cell */
          g_autofree char *name = (influence + interest) % 2 == 0
                                  ? g_strdup_printf ("%s %s", first[n % G_N_ELEMENTS (first)], last[n % G_N_ELEMENTS (last)])
                                  : g_strdup_printf ("Tova %s", last[n % G_N_ELEMENTS (last)]);
          UpStakeholder *person = up_project_add_stakeholder (project, name, NULL, "citizen", &error);

          g_assert_no_error (error);
          up_project_set_int (project, person, "influence", influence, &error);
          up_project_set_int (project, person, "interest", interest, &error);
          g_assert_no_error (error);
        }
  g_assert_cmpuint (n, ==, 140);

  for (UpLang lang = UP_LANG_EN; lang <= UP_LANG_SV; lang++)
    {
      g_autofree char *name = g_strdup_printf ("chart-grid-slide-long-key-%s.pdf", up_lang_get_code (lang));
      /* the first word of a line of the key, "Influence 5, interest 1: …" */
      const char *key_word = lang == UP_LANG_SV ? "Inflytande" : "Influence";
      g_autoptr(GArray) words = NULL;
      UpChartOptions options;
      double width, height, key_height = 0, cell_height = 0;
      cairo_surface_t *surface;

      if (lang == UP_LANG_SV && g_getenv ("UPPHANDLA_LOCALEDIR") == NULL)
        continue;
      up_chart_options_init (&options);
      options.lang = lang;
      options.key = TRUE;
      options.slide = TRUE;
      options.date = "2026-11-28";

      up_chart_get_size (UP_CHART_GRID, project, &options, &width, &height);
      g_test_message ("%s: the slide %.1f × %.1f pt (%.3f : 1)", up_lang_get_code (lang), width, height, width / height);
      g_assert_cmpfloat (height, <=, width * 9 / 16 + 0.5);

      _up_chart_reset_n_cut ();
      words = chart_words (project, UP_CHART_GRID, &options, name);
      g_assert_cmpuint (_up_chart_get_n_cut (), ==, 0);
      if (words == NULL)
        return;
      for (guint i = 0; i + 1 < words->len; i++)
        {
          const PdfWord *word = &g_array_index (words, PdfWord, i);
          const PdfWord *next = &g_array_index (words, PdfWord, i + 1);

          if (g_str_equal (word->text, key_word) && g_ascii_isdigit (next->text[0]) && next->text[1] == ',')
            key_height = key_height == 0 ? word->y1 - word->y0 : MIN (key_height, word->y1 - word->y0);
          else if (g_str_equal (word->text, "Tova"))
            cell_height = MAX (cell_height, word->y1 - word->y0);
        }
      g_test_message ("%s: the key's words %.2f pt high, the cells' names %.2f", up_lang_get_code (lang),
                      key_height, cell_height);
      g_assert_cmpfloat (key_height, >, 0);
      g_assert_cmpfloat (cell_height, >, 0);
      g_assert_cmpfloat (key_height, >=, cell_height - 0.01);

      surface = render (UP_CHART_GRID, project, &options, 1, &width, &height);
      g_free (save_review (surface, lang == UP_LANG_SV ? "chart-grid-slide-long-key-sv.png"
                                                       : "chart-grid-slide-long-key-en.png"));
      cairo_surface_destroy (surface);
    }
}

/* A project of @n stakeholders, as many in each of the grid's 25 cells
 * (more than the 4 names a slide's cell shows), their names long and
 * distinct or cut in their cells: test_add_crowd(). */
static UpProject *
crowded_grid (guint    n,
              gboolean distinct)
{
  g_autoptr(GError) error = NULL;
  UpProject *project = up_project_new ("Crowded grid", &error);

  g_assert_no_error (error);
  test_add_crowd (project, n, distinct);
  return project;
}

/* A word of pdftotext's on page @page (from 1). */
typedef struct
{
  PdfWord word;
  guint   page;
} PageWord;

static void
page_word_clear (gpointer data)
{
  g_free (((PageWord *) data)->word.text);
}

/* The words of every page of the PDF @path, and each page's size. */
static GArray *
pdf_page_words (const char *path,
                GArray     *sizes)
{
  const char *argv[] = { "pdftotext", "-bbox", "-enc", "UTF-8", path, "-", NULL };
  g_autoptr(GRegex) page_regex = g_regex_new ("<page width=\"([0-9.]+)\" height=\"([0-9.]+)\">", 0, 0, NULL);
  g_autoptr(GRegex) word_regex = g_regex_new ("<word xMin=\"([-0-9.]+)\" yMin=\"([-0-9.]+)\" "
                                              "xMax=\"([-0-9.]+)\" yMax=\"([-0-9.]+)\">([^<]*)</word>",
                                              0, 0, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_auto(GStrv) pages = NULL;
  GArray *words = g_array_new (FALSE, FALSE, sizeof (PageWord));
  int status;

  g_array_set_clear_func (words, page_word_clear);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  pages = g_strsplit (out, "<page ", -1);
  for (guint p = 1; pages[p] != NULL; p++)
    {
      g_autofree char *chunk = g_strconcat ("<page ", pages[p], NULL);
      g_autoptr(GMatchInfo) match = NULL;
      double size[2];

      g_assert_true (g_regex_match (page_regex, chunk, 0, &match));
      for (int f = 0; f < 2; f++)
        {
          g_autofree char *field = g_match_info_fetch (match, f + 1);

          size[f] = g_ascii_strtod (field, NULL);
        }
      g_array_append_vals (sizes, size, 2);
      g_clear_pointer (&match, g_match_info_free);
      for (g_regex_match (word_regex, chunk, 0, &match); g_match_info_matches (match);
           g_match_info_next (match, NULL))
        {
          PageWord word = { .page = p };
          double box[4];

          for (int f = 0; f < 4; f++)
            {
              g_autofree char *field = g_match_info_fetch (match, f + 1);

              box[f] = g_ascii_strtod (field, NULL);
            }
          word.word = (PdfWord) { box[0], box[1], box[2], box[3], g_match_info_fetch (match, 5) };
          g_array_append_val (words, word);
        }
    }
  return words;
}

/* A word of the key without the marks around a name in it (the isolates
 * of a full cell's names, the commas between them). */
static char *
bare_word (const char *text)
{
  g_autoptr(GString) bare = g_string_new (NULL);

  for (const char *c = text; *c != '\0'; c = g_utf8_next_char (c))
    {
      gunichar u = g_utf8_get_char (c);

      if (u != 0x2068 && u != 0x2069 && u != ',' && u != ':')
        g_string_append_unichar (bare, u);
    }
  return g_string_free (g_steal_pointer (&bare), FALSE);
}

/* The grid's slide of 300 people, their names long, in a PDF: every
 * name of the key is in it, on slides of 16:9 that a Full HD projector
 * shows whole, no text smaller on it than 11 px, the key's no smaller
 * than 12 px. As one slide the key made it 2,136 × 1,196 pt (the key
 * in three columns of 11 pt): on the projector 9.9 px. */
static void
test_grid_slide_crowded_key (void)
{
  if (!test_have_program ("pdftotext"))
    {
      g_test_skip ("pdftotext is not installed (tools/setup installs it)");
      return;
    }
  /* everyone's name whole in the cells, and some cut, numbered */
  for (guint run = 0; run < 4; run++)
    {
      gboolean cut = run >= 2;
      UpLang lang = run % 2 == 0 ? UP_LANG_EN : UP_LANG_SV;
      g_autoptr(UpProject) project = crowded_grid (300, !cut);
      g_autofree char *name = g_strdup_printf ("chart-grid-slide-crowded%s-%s.pdf", cut ? "-cut" : "",
                                               up_lang_get_code (lang));
      g_autofree char *path = g_build_filename (TEST_BUILD_DIR, name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GArray) sizes = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GArray) words = NULL;
      g_autoptr(GHashTable) found = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_autoptr(GError) error = NULL;
      const char *key_word = lang == UP_LANG_SV ? "Inflytande" : "Influence";
      /* the top of the key on each slide */
      double key_y[8] = { G_MAXDOUBLE, G_MAXDOUBLE, G_MAXDOUBLE, G_MAXDOUBLE,
                          G_MAXDOUBLE, G_MAXDOUBLE, G_MAXDOUBLE, G_MAXDOUBLE };
      double key_x = G_MAXDOUBLE, smallest = G_MAXDOUBLE, smallest_key = G_MAXDOUBLE;
      guint n_pages, n_lines = 0;
      UpChartOptions options;

      if (lang == UP_LANG_SV && g_getenv ("UPPHANDLA_LOCALEDIR") == NULL)
        continue;
      up_chart_options_init (&options);
      options.lang = lang;
      options.key = TRUE;
      options.slide = TRUE;
      options.date = "2026-11-28";
      g_assert_true (up_export_chart (project, UP_CHART_GRID, UP_EXPORT_PDF, &options, 0, file, &error));
      g_assert_no_error (error);

      words = pdf_page_words (path, sizes);
      n_pages = sizes->len / 2;
      g_assert_cmpuint (n_pages, <=, G_N_ELEMENTS (key_y));
      for (guint p = 0; p < n_pages; p++)
        {
          double width = g_array_index (sizes, double, 2 * p), height = g_array_index (sizes, double, 2 * p + 1);

          g_test_message ("%s: slide %u of %u, %.1f × %.1f pt", up_lang_get_code (lang), p + 1, n_pages, width, height);
          g_assert_cmpfloat (fabs (height - width * 9 / 16), <=, 1);
        }
      /* the key's lines, "Influence 5, interest 1: …": where the key
       * starts on the first slide, right of the grid */
      for (guint i = 0; i + 1 < words->len; i++)
        {
          const PageWord *word = &g_array_index (words, PageWord, i);
          const PageWord *next = &g_array_index (words, PageWord, i + 1);

          if (g_str_equal (word->word.text, key_word) && g_ascii_isdigit (next->word.text[0]) &&
              next->word.text[1] == ',')
            {
              n_lines++;
              if (word->page == 1)
                key_x = MIN (key_x, word->word.x0);
              if (word->page <= G_N_ELEMENTS (key_y))
                key_y[word->page - 1] = MIN (key_y[word->page - 1], word->word.y0);
            }
        }
      /* every full cell's line (all 25 are full) */
      g_assert_cmpuint (n_lines, ==, 25);
      g_assert_cmpfloat (key_x, <, G_MAXDOUBLE);
      for (guint i = 0; i < words->len; i++)
        {
          const PageWord *word = &g_array_index (words, PageWord, i);
          double width = g_array_index (sizes, double, 2 * (word->page - 1));
          /* the text's size (its box is 1.2 times it) on a slide 1,920 px wide */
          double px = (word->word.y1 - word->word.y0) / 1.2 * 1920 / width;
          gboolean in_key = word->page <= G_N_ELEMENTS (key_y) && word->word.y0 >= key_y[word->page - 1] - 1 &&
                            (word->page > 1 || word->word.x0 >= key_x - 40);

          gboolean text = FALSE, letters = FALSE;

          /* text, not a mark: the stance's "?" in its circle */
          for (const char *c = word->word.text; *c != '\0'; c = g_utf8_next_char (c))
            {
              text = text || g_unichar_isalnum (g_utf8_get_char (c));
              letters = letters || g_unichar_isalpha (g_utf8_get_char (c));
            }
          if (text)
            smallest = MIN (smallest, px);
          if (in_key)
            {
              g_autofree char *bare = bare_word (word->word.text);
              guint count = GPOINTER_TO_UINT (g_hash_table_lookup (found, bare));

              /* its names and words; its numbers are the cells' (smallest) */
              if (letters)
                smallest_key = MIN (smallest_key, px);
              g_hash_table_insert (found, g_steal_pointer (&bare), GUINT_TO_POINTER (count + 1));
            }
        }
      g_test_message ("%s: the smallest text %.1f px on a Full HD slide, the key's %.1f px",
                      name, smallest, smallest_key);
      g_assert_cmpfloat (smallest, >=, 11 - 0.05);
      g_assert_cmpfloat (smallest_key, >=, 12 - 0.05);
      /* everyone in the key: each last name is 15 people's */
      for (guint i = 0; i < 20 && !cut; i++)
        {
          g_autoptr(UpStakeholder) person = g_list_model_get_item (up_project_get_stakeholders (project), i * 15);
          const char *full = up_stakeholder_get_name (person);
          const char *last = strrchr (full, ' ') + 1;

          g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (found, last)), >=, 15);
        }
    }
}

/* The grid's slides of a crowded plan, in a PDF, the key of its full
 * cells going on to further slides: the key's text as large as the
 * slides it needs have room for, and those after the first as full as
 * each other. At the least size throughout (11 pt), the key of 170
 * people took a second slide for a few lines, and the slides after the
 * first were full but for the last. */
static void
test_grid_slide_key_spread (void)
{
  /* the fewest that take two slides, more, and three slides */
  static const guint counts[] = { 150, 300, 800 };

  if (!test_have_program ("pdftotext"))
    {
      g_test_skip ("pdftotext is not installed (tools/setup installs it)");
      return;
    }
  for (guint k = 0; k < G_N_ELEMENTS (counts); k++)
    for (UpLang lang = UP_LANG_EN; lang <= UP_LANG_SV; lang++)
      {
        /* names of every cell distinct up to 300, some cut beyond */
        g_autoptr(UpProject) project = crowded_grid (counts[k], counts[k] <= 300);
        g_autofree char *name = g_strdup_printf ("chart-grid-slide-spread-%u-%s.pdf", counts[k],
                                                 up_lang_get_code (lang));
        g_autofree char *path = g_build_filename (TEST_BUILD_DIR, name, NULL);
        g_autoptr(GFile) file = g_file_new_for_path (path);
        g_autoptr(GArray) sizes = g_array_new (FALSE, FALSE, sizeof (double));
        g_autoptr(GArray) words = NULL;
        g_autoptr(GError) error = NULL;
        const char *key_word = lang == UP_LANG_SV ? "Inflytande" : "Influence";
        /* on each slide, the key's text (its lines' first word) and how
         * far down the key goes */
        double key_size[8] = { 0 }, key_bottom[8] = { 0 }, key_top[8];
        guint n_pages;
        UpChartOptions options;

        if (lang == UP_LANG_SV && !swedish_available ())
          continue;
        up_chart_options_init (&options);
        options.lang = lang;
        options.key = TRUE;
        options.slide = TRUE;
        options.date = "2026-11-28";
        g_assert_true (up_export_chart (project, UP_CHART_GRID, UP_EXPORT_PDF, &options, 0, file, &error));
        g_assert_no_error (error);
        words = pdf_page_words (path, sizes);
        n_pages = sizes->len / 2;
        g_assert_cmpuint (n_pages, >=, 2);
        g_assert_cmpuint (n_pages, <=, G_N_ELEMENTS (key_size));
        for (guint p = 0; p < n_pages; p++)
          key_top[p] = G_MAXDOUBLE;
        for (guint i = 0; i + 1 < words->len; i++)
          {
            const PageWord *word = &g_array_index (words, PageWord, i);
            const PageWord *next = &g_array_index (words, PageWord, i + 1);

            if (g_str_equal (word->word.text, key_word) && g_ascii_isdigit (next->word.text[0]) &&
                next->word.text[1] == ',')
              {
                /* the text's size: its box is 1.2 times it */
                double size = (word->word.y1 - word->word.y0) / 1.2;

                key_size[word->page - 1] = key_size[word->page - 1] == 0 ? size : MIN (key_size[word->page - 1], size);
                key_top[word->page - 1] = MIN (key_top[word->page - 1], word->word.y0);
              }
          }
        /* the lowest word of the key on each slide: right of the grid on
         * the first, under the header on the others */
        for (guint i = 0; i < words->len; i++)
          {
            const PageWord *word = &g_array_index (words, PageWord, i);

            if (word->word.y0 >= key_top[word->page - 1] - 1)
              key_bottom[word->page - 1] = MAX (key_bottom[word->page - 1], word->word.y1);
          }
        for (guint p = 0; p < n_pages; p++)
          {
            g_test_message ("%s: slide %u of %u, the key's text %.2f pt, from %.1f to %.1f of %.1f pt", name, p + 1,
                            n_pages, key_size[p], key_top[p], key_bottom[p], g_array_index (sizes, double, 2 * p + 1));
            /* as large on every slide, and larger than the least where
             * the slides have room */
            g_assert_cmpfloat (fabs (key_size[p] - key_size[0]), <, 0.05);
            g_assert_cmpfloat (key_size[p], >=, 11.5 - 0.05);
          }
        /* the slides after the first as full as each other: the last no
         * less than half as full as the one before it */
        if (n_pages >= 3)
          g_assert_cmpfloat (key_bottom[n_pages - 1] - key_top[n_pages - 1], >=,
                             (key_bottom[n_pages - 2] - key_top[n_pages - 2]) / 2);
      }
}

/* A slide's key whose first line is taller than the room beside the
 * grid (everyone in one cell) begins on the second slide, titled there
 * as a key that begins: the first slide had the key's title under the
 * legend and nothing under it. */
static void
test_grid_slide_key_title_alone (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UpProject) project = up_project_new ("One cell", &error);
  g_autofree char *path = g_build_filename (TEST_BUILD_DIR, "chart-grid-slide-title-alone.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GArray) sizes = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) words = NULL;
  guint titles[3] = { 0 }, lines[3] = { 0 };
  gboolean continued = FALSE;
  UpChartOptions options;

  if (!test_have_program ("pdftotext"))
    {
      g_test_skip ("pdftotext is not installed (tools/setup installs it)");
      return;
    }
  g_assert_no_error (error);
  for (guint i = 0; i < 300; i++)
    {
      UpStakeholder *person = up_project_add_stakeholder (project, "Intressent", NULL, "citizen", &error);

      g_assert_no_error (error);
      up_project_set_int (project, person, "influence", 3, &error);
      up_project_set_int (project, person, "interest", 3, &error);
      g_assert_no_error (error);
    }
  up_chart_options_init (&options);
  options.lang = UP_LANG_EN;
  options.key = TRUE;
  options.slide = TRUE;
  options.date = "2026-11-28";
  g_assert_true (up_export_chart (project, UP_CHART_GRID, UP_EXPORT_PDF, &options, 0, file, &error));
  g_assert_no_error (error);
  words = pdf_page_words (path, sizes);
  g_assert_cmpuint (sizes->len / 2, ==, 2);
  for (guint i = 0; i + 3 < words->len; i++)
    {
      const PageWord *word = &g_array_index (words, PageWord, i);

      /* "Everyone in the full cells", "Influence 3, interest 3: …" */
      if (g_str_equal (word->word.text, "Everyone") &&
          g_str_equal (g_array_index (words, PageWord, i + 3).word.text, "full"))
        {
          titles[word->page]++;
          continued |= g_str_has_prefix (g_array_index (words, PageWord, i + 4).word.text, "cells (")  ||
                       g_str_equal (g_array_index (words, PageWord, i + 5).word.text, "(continued)");
        }
      else if (g_str_equal (word->word.text, "Influence") && g_str_equal (g_array_index (words, PageWord, i + 1).word.text, "3,"))
        lines[word->page]++;
    }
  g_test_message ("slide 1: %u titles, %u lines; slide 2: %u titles, %u lines", titles[1], lines[1], titles[2],
                  lines[2]);
  g_assert_cmpuint (lines[1], ==, 0);
  g_assert_cmpuint (titles[1], ==, 0);
  g_assert_cmpuint (lines[2], ==, 1);
  g_assert_cmpuint (titles[2], ==, 1);
  g_assert_false (continued);
}

/* A full cell of more people than a slide's column of the key holds
 * (130 of 300, in the top right cell) keeps the grid's slide one
 * picture as tall as its key, in a PDF too: on slides of 16:9 the end
 * of that cell's line would be cut off, and the key could not go on
 * to a slide that holds it. */
static void
test_grid_slide_full_cell_taller (void)
{
  g_autoptr(UpProject) project = crowded_grid (300, TRUE);
  GListModel *people = up_project_get_stakeholders (project);
  g_autoptr(GError) error = NULL;
  UpChartOptions options;
  double width, height;

  for (guint i = 0; i < 130; i++)
    {
      g_autoptr(UpStakeholder) person = g_list_model_get_item (people, i);

      up_project_set_int (project, person, "influence", 5, &error);
      up_project_set_int (project, person, "interest", 5, &error);
      g_assert_no_error (error);
    }
  up_chart_options_init (&options);
  options.lang = UP_LANG_EN;
  options.key = TRUE;
  options.slide = TRUE;
  options.date = "2026-11-28";
  g_assert_cmpuint (up_chart_get_pages (UP_CHART_GRID, project, &options, &width, &height), ==, 1);
  g_test_message ("one slide of %.1f × %.1f pt", width, height);
  g_assert_cmpfloat (height, >, width * 9 / 16 + 1);
}

/* A slide's key in more than one column runs down them, as a numbered
 * list is read: the names cut in the grid, numbered 1, 2, 3 …, went
 * across its rows (1 2 / 3 4). */
static void
test_grid_slide_key_down (void)
{
  g_autoptr(UpProject) project = crowded_grid (140, FALSE);

  for (UpLang lang = UP_LANG_EN; lang <= UP_LANG_SV; lang++)
    {
      g_autofree char *name = g_strdup_printf ("chart-grid-slide-key-down-%s.pdf", up_lang_get_code (lang));
      const char *title_word = lang == UP_LANG_SV ? "Namn" : "Names";
      g_autoptr(GArray) words = NULL;
      double title_x = -1, title_y = 0, x[16] = { 0 }, y[16] = { 0 };
      guint n_numbers = 0;
      UpChartOptions options;

      if (lang == UP_LANG_SV && g_getenv ("UPPHANDLA_LOCALEDIR") == NULL)
        continue;
      up_chart_options_init (&options);
      options.lang = lang;
      options.key = TRUE;
      options.slide = TRUE;
      options.date = "2026-11-28";
      words = chart_words (project, UP_CHART_GRID, &options, name);
      if (words == NULL)
        return;
      for (guint i = 0; i < words->len && title_x < 0; i++)
        {
          const PdfWord *word = &g_array_index (words, PdfWord, i);

          if (g_str_equal (word->text, title_word))
            {
              title_x = word->x0;
              title_y = word->y0;
            }
        }
      g_assert_cmpfloat (title_x, >, 0);
      /* the key's numbers, under its title */
      for (guint i = 0; i < words->len; i++)
        {
          const PdfWord *word = &g_array_index (words, PdfWord, i);
          guint64 number;

          if (word->x0 >= title_x && word->y0 > title_y + 4 &&
              g_ascii_string_to_unsigned (word->text, 10, 1, G_N_ELEMENTS (x), &number, NULL))
            {
              x[number - 1] = word->x1;
              y[number - 1] = word->y0;
              n_numbers = MAX (n_numbers, (guint) number);
            }
        }
      g_test_message ("%s: %u names numbered in the key", up_lang_get_code (lang), n_numbers);
      g_assert_cmpuint (n_numbers, >=, 4);
      /* each under the one before, or at the top of a column right of it */
      for (guint i = 1; i < n_numbers; i++)
        g_assert_true (x[i] > 0 && ((fabs (x[i] - x[i - 1]) < 1 && y[i] > y[i - 1]) ||
                                      (x[i] > x[i - 1] + 100 && y[i] < y[i - 1])));
    }
}

/* A slide, 1,920 pixels wide, keeps a margin of some 3 % of its width
 * (58 px) left and right of what it shows (the rows' pale stripes, 4 pt
 * further out than their text, aside), and 3 % of a Full HD screen's
 * height (32 px) over and under it, every kind in both languages: the
 * margin was 24 pt, scaled down with the chart to 23-40 px (1.2-2 % of
 * the width), which a TV's overscan may cut. The wheel stays within Full
 * HD. */
static void
test_slide_margin (void)
{
  g_autoptr(UpProject) project = demo ();
  static const UpChartKind kinds[] = { UP_CHART_WHEEL, UP_CHART_BARS, UP_CHART_MATRIX, UP_CHART_GRID,
                                       UP_CHART_TIMELINE };
  const int slide_width = 1920;

  for (UpLang lang = UP_LANG_EN; lang <= UP_LANG_SV; lang++)
    for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
      {
        UpChartOptions options;
        cairo_surface_t *surface;
        double width, height;
        int image_height, left = G_MAXINT, right = -1, top = G_MAXINT, bottom = -1;

        up_chart_options_init (&options);
        options.lang = lang;
        options.key = TRUE;
        options.slide = TRUE;
        options.date = "2026-11-28";
        up_chart_get_size (kinds[k], project, &options, &width, &height);
        surface = render (kinds[k], project, &options, slide_width / width, &width, &height);
        image_height = (int) floor (height * slide_width / width);
        for (int y = 0; y < image_height; y++)
          for (int x = 0; x < slide_width; x++)
            {
              guint r, g, b;

              pixel_at (surface, x, y, &r, &g, &b);
              /* the stripes behind every second row are lighter */
              if (r >= 235 && g >= 235 && b >= 235)
                continue;
              left = MIN (left, x);
              right = MAX (right, x);
              top = MIN (top, y);
              bottom = MAX (bottom, y);
            }
        g_test_message ("%s, %s: %d × %d px; margins %d left, %d right, %d top, %d bottom", up_lang_get_code (lang),
                        up_chart_kind_get_name (kinds[k]), slide_width, image_height, left,
                        slide_width - 1 - right, top, image_height - 1 - bottom);
        g_assert_cmpfloat (left, >=, 0.029 * slide_width);
        g_assert_cmpfloat (slide_width - 1 - right, >=, 0.029 * slide_width);
        g_assert_cmpfloat (top, >=, 0.028 * 1080);
        /* a line's ink spills a pixel or two beyond its box */
        g_assert_cmpfloat (image_height - 1 - bottom, >=, 0.028 * 1080);
        /* and not much more: the chart as large as it was, nearly */
        g_assert_cmpfloat (left, <=, 0.04 * slide_width);
        if (kinds[k] == UP_CHART_WHEEL)
          g_assert_cmpint (image_height, <=, 1080);
        cairo_surface_destroy (surface);
      }
}

/* A slide of the bars and of the grid reads larger on a Full HD screen
 * than the chart's page layout shown on it, and its body fills the
 * slide: 1,920 pixels wide, the slide keeps within 1,080, and the body
 * reaches well past the middle. Beside the column of the legend that
 * other charts have (540 pt), at the page's size, the goals' names of
 * the bars were 1.59 px/pt against 1.64 on the page, and the body of
 * either ended before the middle of the picture, right of it a legend
 * of a few lines and nothing under it. */
static void
test_slide_body (void)
{
  g_autoptr(UpProject) project = demo ();
  static const UpChartKind kinds[] = { UP_CHART_BARS, UP_CHART_GRID };

  for (UpLang lang = UP_LANG_EN; lang <= UP_LANG_SV; lang++)
    for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
      {
        const char *kind = up_chart_kind_get_name (kinds[k]);
        const char *code = up_lang_get_code (lang);
        /* a goal's name of the bars, a stakeholder's in the grid */
        const char *word = kinds[k] == UP_CHART_GRID ? "Lindqvist" : lang == UP_LANG_SV ? "fattigdom" : "Poverty";
        g_autofree char *page_name = g_strdup_printf ("chart-slide-body-page-%s-%s.pdf", kind, code);
        g_autofree char *slide_name = g_strdup_printf ("chart-slide-body-%s-%s.pdf", kind, code);
        g_autoptr(GArray) words = NULL;
        UpChartOptions page, slide;
        double width, height, page_px, slide_px, body_right = 0, body_bottom = 0;

        if (lang == UP_LANG_SV && g_getenv ("UPPHANDLA_LOCALEDIR") == NULL)
          continue;
        up_chart_options_init (&page);
        page.lang = lang;
        page.key = TRUE;
        page.date = "2026-11-28";
        slide = page;
        slide.slide = TRUE;

        page_px = slide_word_height (project, kinds[k], &page, page_name, word);
        if (page_px < 0)
          return;
        slide_px = slide_word_height (project, kinds[k], &slide, slide_name, word);
        up_chart_get_size (kinds[k], project, &slide, &width, &height);

        /* where the body ends: the bars' last count ("1/19"), the grid's
         * level 5 under its last column */
        words = chart_words (project, kinds[k], &slide, slide_name);
        for (guint i = 0; i < words->len; i++)
          {
            const PdfWord *w = &g_array_index (words, PdfWord, i);

            if (kinds[k] == UP_CHART_BARS && strchr (w->text, '/') != NULL && g_ascii_isdigit (w->text[0]))
              body_right = MAX (body_right, w->x1);
            /* the lowest "5": the legend's "1 (low) to 5 (high)" is at the top */
            if (kinds[k] == UP_CHART_GRID && g_str_equal (w->text, "5") && w->y0 >= body_bottom)
              {
                body_bottom = w->y0;
                body_right = w->x1;
              }
          }
        g_test_message ("%s, %s: “%s” %.1f px high on a page's layout, %.1f px on a slide's; the slide "
                        "1920 × %.0f px, its body to %.0f %% of its width", code, kind, word, page_px, slide_px,
                        1920 * height / width, 100 * body_right / width);
        g_assert_cmpfloat (slide_px, >=, 1.05 * page_px);
        g_assert_cmpfloat (1920 * height / width, <=, 1080);
        g_assert_cmpfloat (body_right / width, >=, 0.58);
        /* and the export's choice of layout for a slide agrees */
        g_assert_true (up_export_slide_is_larger (project, kinds[k], &page, 1920, 1080));
      }
}

/* The timeline for a slide: its rows take most of the image, their text
 * as large on a Full HD slide as the legend's beside them, every text
 * whole. Laid out for a page with the legend and the key in a column
 * beside it, its rows had a third of the image and text 13 pixels high,
 * the legend's 20. */
static void
test_timeline_slide (void)
{
  g_autoptr(UpProject) project = demo ();
  g_autoptr(UpProject) long_plan = test_long_project (60);

  /* A slide is one picture as tall as its rows, in a PDF too, as in a
   * PNG: cut into pages of A4 landscape, 60 rows drawn half as large
   * again for a slide took eight pages, five rows on the first in text
   * of 7.5 pt. */
  {
    static const UpChartKind kinds[] = { UP_CHART_MATRIX, UP_CHART_TIMELINE };

    for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
      {
        UpChartOptions options;

        up_chart_options_init (&options);
        options.key = TRUE;
        g_assert_cmpuint (up_chart_get_n_pages (kinds[k], long_plan, &options), >, 1);
        options.slide = TRUE;
        g_assert_cmpuint (up_chart_get_n_pages (kinds[k], long_plan, &options), ==, 1);
      }
  }

  for (UpLang lang = UP_LANG_EN; lang <= UP_LANG_SV; lang++)
    {
      UpChartOptions slide;
      g_autofree char *name = g_strdup_printf ("chart-timeline-slide-%s.pdf", up_lang_get_code (lang));
      g_autoptr(GArray) words = NULL;
      const PdfWord *first = NULL, *last, *heading, *legend = NULL;
      double width, height, px, share, row_px, legend_px;

      if (lang == UP_LANG_SV && g_getenv ("UPPHANDLA_LOCALEDIR") == NULL)
        continue;
      up_chart_options_init (&slide);
      slide.lang = lang;
      slide.key = TRUE;
      slide.date = "2026-11-28";
      slide.slide = TRUE;
      up_chart_get_size (UP_CHART_TIMELINE, project, &slide, &width, &height);
      px = slide_scale (project, UP_CHART_TIMELINE, &slide);
      _up_chart_reset_n_cut ();
      words = chart_words (project, UP_CHART_TIMELINE, &slide, name);
      if (words == NULL)
        return;
      g_assert_cmpuint (_up_chart_get_n_cut (), ==, 0);

      /* the rows: from the column of dates' heading to the last row's
       * title, from the first row's title ("Needs analysis …") to the
       * legend's "Needs and strategy" (Swedish: "Behov och strategi")
       * beside them */
      heading = find_word (words, lang == UP_LANG_SV ? "Datum" : "Dates");
      last = find_word (words, "Lessons");
      for (guint i = 0; i < words->len; i++)
        {
          const PdfWord *word = &g_array_index (words, PdfWord, i);

          if (g_str_equal (word->text, "Needs") && (first == NULL || word->x0 < first->x0))
            first = word;
          if (g_str_equal (word->text, lang == UP_LANG_SV ? "Behov" : "Needs") &&
              (legend == NULL || word->x0 > legend->x0))
            legend = word;
        }
      g_assert_nonnull (heading);
      g_assert_nonnull (last);
      g_assert_true (first != NULL && legend != NULL && legend != first);
      share = (last->y1 - heading->y0) / height * (legend->x0 - first->x0) / width;
      row_px = (first->y1 - first->y0) * px;
      legend_px = (legend->y1 - legend->y0) * px;
      g_test_message ("%s: %.0f × %.0f pt, %.2f px/pt on a slide; the rows %.0f %% of it; a title %.1f px high, "
                      "the legend %.1f px", up_lang_get_code (lang), width, height, px, 100 * share, row_px,
                      legend_px);
      g_assert_cmpfloat (share, >=, 0.5);
      g_assert_cmpfloat (row_px, >=, 20);
      g_assert_cmpfloat (legend_px, >=, 20);
      g_assert_cmpfloat (row_px, >=, 0.8 * legend_px);
    }
}

/* The demo with its stages' titles in @lang, as the demo written in that
 * language has them. */
static UpProject *
demo_in (UpLang lang)
{
  UpProject *project = demo ();
  GListModel *stages = up_project_get_stages (project);

  for (guint i = 0; i < g_list_model_get_n_items (stages); i++)
    {
      g_autoptr(UpStage) stage = g_list_model_get_item (stages, i);
      g_autofree char *title = g_strdup (up_lang_gettext (lang, up_stage_get_title (stage)));

      g_assert_true (up_project_set_string (project, stage, "title", title, NULL));
    }
  return project;
}

/* On a slide, which is shown whole on a screen and never printed, every
 * stage title of the demo is drawn in one line at the rows' size, in both
 * languages, and so is one longer than the matrix's column on a page: the
 * title column was as narrow as on A4, and a title that did not hold in
 * it (the timeline's "Pilot: test before buying in two home care areas",
 * and a second one in Swedish) read in the small size, a sixth smaller
 * than the titles above and under it. */
static void
test_slide_row_titles (gconstpointer data)
{
  UpChartKind kind = GPOINTER_TO_UINT (data);

  for (UpLang lang = UP_LANG_EN; lang <= UP_LANG_SV; lang++)
    {
      g_autoptr(UpProject) project = NULL;
      g_autofree char *name = NULL;
      g_autoptr(GArray) words = NULL;
      GListModel *stages;
      double tallest = 0;
      UpChartOptions slide;

      if (lang == UP_LANG_SV && !swedish_available ())
        continue;
      project = demo_in (lang);
      stages = up_project_get_stages (project);
      g_assert_nonnull (up_project_add_stage (project, "follow-up", "Response times and uptime followed up with the alarm centre",
                                              "2027-09-01", "2027-09-30", NULL, NULL));
      up_chart_options_init (&slide);
      slide.lang = lang;
      slide.key = TRUE;
      slide.date = "2026-11-28";
      slide.slide = TRUE;
      name = g_strdup_printf ("chart-%s-slide-titles-%s.pdf", kind == UP_CHART_MATRIX ? "matrix" : "timeline",
                              up_lang_get_code (lang));
      _up_chart_reset_n_cut ();
      words = chart_words (project, kind, &slide, name);
      if (words == NULL)
        return;
      g_assert_cmpuint (_up_chart_get_n_cut (), ==, 0);

      for (guint pass = 0; pass < 2; pass++)
        for (guint s = 0; s < g_list_model_get_n_items (stages); s++)
          {
            g_autoptr(UpStage) stage = g_list_model_get_item (stages, s);
            g_auto(GStrv) title = g_strsplit (up_stage_get_title (stage), " ", -1);
            guint n = g_strv_length (title), at = 0;
            gboolean found = FALSE;

            /* the title's words one after another on one line */
            for (guint i = 0; i + n <= words->len && !found; i++)
              {
                found = TRUE;
                for (guint w = 0; w < n && found; w++)
                  {
                    const PdfWord *word = &g_array_index (words, PdfWord, i + w);

                    found = g_str_equal (word->text, title[w]) &&
                            fabs (word->y0 - g_array_index (words, PdfWord, i).y0) < 1;
                  }
                at = i;
              }
            if (!found)
              g_error ("%s (%s): “%s” is not on one line", name, up_lang_get_code (lang),
                       up_stage_get_title (stage));
            for (guint w = 0; w < n; w++)
              {
                const PdfWord *word = &g_array_index (words, PdfWord, at + w);
                double height = word->y1 - word->y0;

                if (pass == 0)
                  tallest = MAX (tallest, height);
                else if (height < 0.97 * tallest)
                  g_error ("%s: “%s” of “%s” is %.2f pt high, the titles' size %.2f pt", name, word->text,
                           up_stage_get_title (stage), height, tallest);
              }
          }
      g_test_message ("%s: every title %.2f pt high", name, tallest);
    }
}

/* The report of @project, in English and in Swedish, names all 17 goals
 * in its key (PDFs chart-report-goal-names-@what-LANG.pdf). */
static void
assert_report_names_every_goal (UpProject  *project,
                                const char *what)
{
  for (UpLang lang = UP_LANG_EN; lang <= UP_LANG_SV; lang++)
    {
      g_autofree char *name = g_strdup_printf ("chart-report-goal-names-%s-%s.pdf", what, up_lang_get_code (lang));
      g_autoptr(GArray) words = report_words (project, lang, name);
      g_autoptr(GPtrArray) key = NULL;

      if (words == NULL)
        return;
      key = goal_key_words (words, lang);
      for (guint goal = 1; goal <= UP_SDG_N_GOALS; goal++)
        if (!key_has_name (key, up_sdg_goal_get_name_in (up_sdg_get_goal (goal), lang)))
          g_error ("%s: goal %u is not named in the report's key", up_lang_get_code (lang), goal);
    }
}

/* A plan with many milestones that touches every goal: the report still
 * names all 17 goals, in both languages; its timeline gives way, not the
 * key. With the demo's plan, 10 more decisions of two lines each and 30
 * of one line, the key named 8 of the goals and said "Goals not shown:
 * 9". */
static void
test_report_goal_names_many_milestones (void)
{
  const struct { guint n; const char *title; } cases[] = {
    { 10, "Decision %u on something that takes two lines" },
    { 30, "Decision %u" },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr(UpProject) project = demo ();
      g_autoptr(GError) error = NULL;
      g_autoptr(UpStage) stage = g_list_model_get_item (up_project_get_stages (project), 0);
      g_autofree char *what = g_strdup_printf ("milestones-%u", cases[c].n);

      for (guint goal = 1; goal <= UP_SDG_N_GOALS; goal++)
        {
          g_autofree char *target = g_strdup_printf ("%u.1", goal);

          g_assert_nonnull (up_project_add_sdg_link (project, UP_RECORD (stage), target, "positive", 2, "", &error));
          g_assert_no_error (error);
        }
      for (guint i = 0; i < cases[c].n; i++)
        {
          g_autofree char *title = g_strdup_printf (cases[c].title, i);

          g_assert_nonnull (up_project_add_stage (project, "milestone", title, "2027-09-01", "2027-09-01", NULL,
                                                  &error));
          g_assert_no_error (error);
        }

      assert_report_names_every_goal (project, what);
    }
}

/* The number in the report's "Stages not shown: N" line (in English). */
static guint
stages_not_shown (GArray *words)
{
  for (guint i = 2; i + 1 < words->len; i++)
    if (g_str_equal (g_array_index (words, PdfWord, i - 2).text, "Stages") &&
        g_str_equal (g_array_index (words, PdfWord, i).text, "shown:"))
      return (guint) g_ascii_strtoull (g_array_index (words, PdfWord, i + 1).text, NULL, 10);
  g_assert_not_reached ();
}

/* A long plan without local goals that touches every goal, with a few
 * milestones: the key's rest goes under "No local goals yet", and the
 * timeline keeps every row it has without the key; it gave up five of
 * its sixteen rows, beside an empty column. */
static void
test_report_goal_names_timeline_kept (void)
{
  g_autoptr(UpProject) linked = test_long_project (40);
  g_autoptr(UpProject) unlinked = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) linked_words = NULL;
  g_autoptr(GArray) unlinked_words = NULL;

  unlinked = up_project_new ("Long plan", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *title = g_strdup_printf ("Stage %04u", i + 1);
      g_autofree char *start = up_date_add_days ("2026-01-05", (int) i * 7);
      g_autofree char *end = up_date_add_days (start, 5);

      g_assert_nonnull (up_project_add_stage (unlinked, "pilot", title, start, end, NULL, &error));
      g_assert_no_error (error);
    }
  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *title = g_strdup_printf ("Decision %u on something that takes two lines", i);

      g_assert_nonnull (up_project_add_stage (linked, "milestone", title, "2026-09-01", "2026-09-01", NULL, &error));
      g_assert_nonnull (up_project_add_stage (unlinked, "milestone", title, "2026-09-01", "2026-09-01", NULL, &error));
      g_assert_no_error (error);
    }

  assert_report_names_every_goal (linked, "timeline-kept");
  linked_words = report_words (linked, UP_LANG_EN, "chart-report-timeline-kept-linked.pdf");
  unlinked_words = report_words (unlinked, UP_LANG_EN, "chart-report-timeline-kept-unlinked.pdf");
  if (linked_words == NULL || unlinked_words == NULL)
    return;
  g_test_message ("stages not shown: %u with the key of 17 goals, %u without",
                  stages_not_shown (linked_words), stages_not_shown (unlinked_words));
  g_assert_cmpuint (stages_not_shown (linked_words), ==, stages_not_shown (unlinked_words));
}

/* A plan of few stages that touches every goal: the report names all 17
 * goals its wheel shows by number. The timeline kept its box of 15 rows
 * for 4 stages, and the key below it stopped at goal 9 ("Goals not
 * shown: 8"). */
static void
test_report_goal_names_few_stages (void)
{
  g_autoptr(UpProject) project = demo ();
  g_autoptr(GError) error = NULL;
  GListModel *stages = up_project_get_stages (project);

  /* the first four stages of the demo, its decision to procure among them */
  while (g_list_model_get_n_items (stages) > 4)
    {
      g_autoptr(UpStage) last = g_list_model_get_item (stages, g_list_model_get_n_items (stages) - 1);

      g_assert_true (up_project_delete_stage (project, last, TRUE, &error));
      g_assert_no_error (error);
    }
  {
    g_autoptr(UpStage) stage = g_list_model_get_item (stages, 0);

    for (guint goal = 1; goal <= UP_SDG_N_GOALS; goal++)
      {
        g_autofree char *target = g_strdup_printf ("%u.2", goal);

        g_assert_nonnull (up_project_add_sdg_link (project, UP_RECORD (stage), target, "positive", 2, "", &error));
        g_assert_no_error (error);
      }
  }
  g_assert_cmpuint (g_list_model_get_n_items (up_project_get_local_goals (project)), ==, 3);

  assert_report_names_every_goal (project, "few-stages");
}

/* The demo's plan (15 stages, 2 decisions, 3 local goals) touching every
 * goal: its report names all 17, the rest of the key under the local
 * goals. The key's column held 9 ("Goals not shown: 8"). */
/* The demo's plan with its second stage serving every goal. */
static UpProject *
demo_serving_every_goal (void)
{
  UpProject *project = demo ();
  g_autoptr(UpStage) stage = g_list_model_get_item (up_project_get_stages (project), 1);

  for (guint goal = 1; goal <= UP_SDG_N_GOALS; goal++)
    {
      g_autofree char *target = g_strdup_printf ("%u.1", goal);
      g_autoptr(GError) error = NULL;

      g_assert_nonnull (up_project_add_sdg_link (project, UP_RECORD (stage), target, "positive", 2, "", &error));
      g_assert_no_error (error);
    }
  return project;
}

static void
test_report_goal_names_rest (void)
{
  g_autoptr(UpProject) project = demo_serving_every_goal ();

  assert_report_names_every_goal (project, "rest");
}

/* The report of one local goal counts the links of that goal's stages
 * only: its timeline draws those stages in blue and the others in grey.
 * Every stage was blue, 13 bars for the 2 stages the wheel counts. */
static void
test_report_local_goal_timeline (void)
{
  g_autoptr(UpProject) project = demo ();
  g_autoptr(UpLocalGoal) goal = g_list_model_get_item (up_project_get_local_goals (project), 1);
  g_autoptr(GPtrArray) linked = up_project_list_local_goal_stages (project, goal);
  GListModel *stages = up_project_get_stages (project);
  guint n_blue_bars = 0;
  gboolean in_bar = FALSE;
  UpChartOptions options;
  cairo_surface_t *surface;
  double width, height;

  g_assert_cmpuint (linked->len, ==, 2);
  for (guint i = 0; i < linked->len; i++)
    g_assert_false (up_stage_get_is_decision (g_ptr_array_index (linked, i)));
  g_assert_cmpuint (g_list_model_get_n_items (stages), >, 10);

  up_chart_options_init (&options);
  options.lang = UP_LANG_EN;
  options.date = "2026-11-28";
  options.local_goal = goal;
  surface = render (UP_CHART_REPORT, project, &options, 1, &width, &height);

  /* The timeline's bars lie right of its labels (x over 500 points) and
   * above the sections under it: count the runs of lines with blue, full
   * or pale (a stage done). */
  for (int y = 100; y < 340; y++)
    {
      gboolean blue = FALSE;

      for (int x = 505; x < (int) width - 30 && !blue; x++)
        {
          guint r, g, b;

          /* the stages' blue, 0.21 0.52 0.89, at 30 % on white (194
           * 218 247) and blended at the edges: bluish, where the grey,
           * the outline and the red line are not */
          pixel_at (surface, x, y, &r, &g, &b);
          blue = (int) b - (int) r >= 40 && b > g;
        }
      n_blue_bars += blue && !in_bar;
      in_bar = blue;
    }
  g_free (save_review (surface, "chart-report-local-goal-timeline-en.png"));
  cairo_surface_destroy (surface);
  g_assert_cmpuint (n_blue_bars, ==, linked->len);
}

/* A report limited to one local goal names the goals that the stages of
 * that goal affect, and says so: under "Goals the procurement affects" the
 * demo's local goal listed 4 of the 8 goals the procurement affects. */
static void
test_report_local_goal_key (void)
{
  g_autoptr(UpProject) project = demo ();
  g_autoptr(UpLocalGoal) goal = g_list_model_get_item (up_project_get_local_goals (project), 1);
  g_autoptr(UpCoverage) whole = up_coverage_new (project, NULL);
  g_autoptr(UpCoverage) scoped = up_coverage_new (project, goal);

  /* the demo's second local goal covers fewer goals than the project */
  g_assert_cmpuint (up_coverage_get_n_goals_covered (scoped), >, 0);
  g_assert_cmpuint (up_coverage_get_n_goals_covered (scoped), <, up_coverage_get_n_goals_covered (whole));

  for (UpLang lang = UP_LANG_EN; lang <= UP_LANG_SV; lang++)
    {
      g_autofree char *name = g_strdup_printf ("chart-report-local-goal-key-%s.pdf", up_lang_get_code (lang));
      g_autoptr(GArray) words = NULL;
      UpChartOptions options;

      up_chart_options_init (&options);
      options.lang = lang;
      options.date = "2026-11-28";
      options.local_goal = goal;
      words = chart_words (project, UP_CHART_REPORT, &options, name);
      if (words == NULL)
        return;
      g_assert_null (find_heading (words, up_lang_gettext (lang, "Goals the procurement affects")));
      g_assert_nonnull (find_heading (words, up_lang_gettext (lang, "Goals the local goal’s stages affect")));
    }
}

/* The texts @kind cuts short at the end, drawn for @project in @lang. */
static guint
count_ellipsized (UpChartKind  kind,
                  UpProject   *project,
                  UpLang       lang)
{
  UpChartOptions options;
  double width, height;
  cairo_surface_t *recording;
  cairo_t *cr;

  up_chart_options_init (&options);
  options.lang = lang;
  options.date = "2026-11-28";
  up_chart_get_size (kind, project, &options, &width, &height);
  _up_chart_reset_n_cut ();
  recording = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cr = cairo_create (recording);
  up_chart_draw (kind, project, &options, cr, width, height);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  assert_inside (recording, width, height);
  g_assert_cmpuint (_up_chart_get_n_cut (), ==, 0);
  g_assert_cmpfloat (_up_chart_get_min_text_size (), >=, 8.0);
  cairo_surface_destroy (recording);
  return _up_chart_get_n_ellipsized ();
}

/* The report's key names every goal whole in the font a machine without
 * Cantarell draws it in (DejaVu Sans, wider): a name too long for its
 * line goes on on a second, for the demo and for a plan touching every
 * goal, in English and in Swedish (nothing else of the report is cut
 * there). In Swedish, "Anständiga arbetsvillkor och ekonomisk ti…" and
 * "Hållbar industri, innovationer och infrastr…" were cut. */
static void
test_report_goal_names_wide_font (void)
{
  g_autoptr(UpProject) project = demo ();
  g_autoptr(UpProject) every = demo_serving_every_goal ();

  _up_chart_set_font ("DejaVu Sans");
  for (UpLang lang = UP_LANG_EN; lang <= UP_LANG_SV; lang++)
    {
      guint demo_cut = count_ellipsized (UP_CHART_REPORT, project, lang);
      guint every_cut = count_ellipsized (UP_CHART_REPORT, every, lang);

      g_test_message ("%s: texts cut: %u in the demo's report, %u with every goal", up_lang_get_code (lang),
                      demo_cut, every_cut);
      g_assert_cmpuint (demo_cut, ==, 0);
      g_assert_cmpuint (every_cut, ==, 0);
    }
  assert_report_names_every_goal (every, "wide-font");
  _up_chart_set_font (NULL);
}

/* A long title takes a second line in the report's header before it is
 * cut ("... i Älvby…" lost "kommun 2026–2030"), above the organisation,
 * and the page below makes room for it without leaving the page. */
static void
test_report_long_title (void)
{
  static const char title[] = "Upphandling av digitala trygghetslarm för hemtjänsten i Älvby kommun 2026–2030";
  g_autoptr(UpProject) project = demo ();
  g_autoptr(GError) error = NULL;

  g_assert_true (up_project_set_string (project, project, "title", title, &error));
  g_assert_no_error (error);

  for (UpLang lang = UP_LANG_EN; lang <= UP_LANG_SV; lang++)
    {
      g_autofree char *name = g_strdup_printf ("chart-report-long-title-%s.pdf", up_lang_get_code (lang));
      g_autoptr(GArray) words = report_words (project, lang, name);
      GString *header = g_string_new (NULL);
      g_autofree char *text = NULL;
      double title_top = G_MAXDOUBLE, title_bottom = 0, organisation_top = G_MAXDOUBLE;

      if (words == NULL)
        return;
      /* Left of the report's name and date: the title's words in 18
       * points, then the organisation's (and the sections') smaller. */
      for (guint i = 0; i < words->len; i++)
        {
          const PdfWord *word = &g_array_index (words, PdfWord, i);

          if (word->x0 >= 560 || word->y0 >= 120)
            continue;
          if (word->y1 - word->y0 > 15)
            {
              g_string_append_printf (header, "%s%s", header->len > 0 ? " " : "", word->text);
              title_top = MIN (title_top, word->y0);
              title_bottom = MAX (title_bottom, word->y1);
            }
          else
            organisation_top = MIN (organisation_top, word->y0);
        }
      text = g_string_free (header, FALSE);
      /* pdftotext reads what an ellipsis stands for too (cairo keeps it
       * as the text of the glyph): the lines tell. */
      g_assert_cmpstr (text, ==, title);
      g_assert_cmpfloat (title_bottom - title_top, >, 1.5 * 18);
      g_assert_cmpfloat (title_bottom - title_top, <, 3 * 18);
      g_assert_cmpfloat (organisation_top, >=, title_bottom);

      /* drawn whole, inside the page, nothing that must fit cut */
      count_ellipsized (UP_CHART_REPORT, project, lang);
    }
}

/* A stage title longer than its row's column (a long Swedish compound
 * word among others) is drawn whole, in two lines where one does not
 * hold it: cut short, "Upphandlingsdokumentsgransk…" left a reader of
 * the chart unable to tell which stage the row is. In the chart's font
 * and in a wide one, in both languages, the chart cuts no more texts
 * than it does where every stage has a short title (in the wide font,
 * the report's key of goals cuts a long Swedish name of a goal). */
static void
test_long_stage_title (gconstpointer data)
{
  static const char *fonts[] = { NULL, "DejaVu Sans" };
  UpChartKind kind = GPOINTER_TO_UINT (data);
  g_autoptr(UpProject) project = demo ();
  g_autoptr(UpProject) short_titles = demo ();
  GListModel *stages = up_project_get_stages (short_titles);
  g_autoptr(UpStage) stage = g_list_model_get_item (up_project_get_stages (project), 0);
  g_autoptr(GError) error = NULL;

  g_assert_true (up_project_set_string (project, UP_RECORD (stage), "title",
                                        "Upphandlingsdokumentsgranskning med kommunens jurister", &error));
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (stages); i++)
    {
      g_autoptr(UpStage) other = g_list_model_get_item (stages, i);
      g_autofree char *title = g_strdup_printf ("Stage %u", i + 1);

      g_assert_true (up_project_set_string (short_titles, UP_RECORD (other), "title", title, &error));
      g_assert_no_error (error);
    }

  for (guint f = 0; f < G_N_ELEMENTS (fonts); f++)
    for (UpLang lang = UP_LANG_EN; lang <= UP_LANG_SV; lang++)
      {
        _up_chart_set_font (fonts[f]);
        g_assert_cmpuint (count_ellipsized (kind, project, lang), ==,
                          count_ellipsized (kind, short_titles, lang));
      }
  _up_chart_set_font (NULL);
}

/* Two stages whose titles, too long for two lines, differ only at their
 * end ("…, skede 1", "…, skede 2": plans number their stages there) can
 * be told apart on the chart: cut at the end, both rows read the same.
 * The chart of each, otherwise the same project, must differ. */
static void
test_long_stage_title_end (gconstpointer data)
{
  UpChartKind kind = GPOINTER_TO_UINT (data);
  cairo_surface_t *surfaces[2];

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(UpProject) project = demo ();
      g_autoptr(UpStage) stage = g_list_model_get_item (up_project_get_stages (project), 0);
      g_autoptr(GError) error = NULL;
      g_autofree char *title = g_strdup_printf ("Upphandlingsdokumentsgranskning och marknadsdialog med "
                                                "leverantörer av digitala trygghetslarm för hemtjänsten "
                                                "i Älvby kommun, skede %u", i + 1);
      UpChartOptions options;
      double width, height;

      g_assert_true (up_project_set_string (project, UP_RECORD (stage), "title", title, &error));
      g_assert_no_error (error);
      up_chart_options_init (&options);
      options.lang = UP_LANG_SV;
      options.date = "2026-11-28";
      surfaces[i] = render (kind, project, &options, 2, &width, &height);
    }

  g_assert_cmpint (cairo_image_surface_get_height (surfaces[0]), ==, cairo_image_surface_get_height (surfaces[1]));
  g_assert_false (memcmp (cairo_image_surface_get_data (surfaces[0]), cairo_image_surface_get_data (surfaces[1]),
                          (gsize) cairo_image_surface_get_stride (surfaces[0]) *
                          cairo_image_surface_get_height (surfaces[0])) == 0);
  cairo_surface_destroy (surfaces[0]);
  cairo_surface_destroy (surfaces[1]);
}

/* The exported timeline's legend shows the chips of two goals ("Numbers
 * at the end: ..."), 31.5 pt wide, where the other swatches are 22 pt:
 * drawn from the right of a swatch's box, they stuck 9.5 pt out of the
 * legend's column, in its first column into the page's margin. Nothing
 * but the page's colour left of the rows' stripes, which start 4 pt into
 * the margin, in both languages, wherever the legend puts the chips. */
static void
test_timeline_legend_chips_inside (void)
{
  g_autoptr(UpProject) plan = demo ();
  g_autoptr(UpProject) phased = demo ();
  GListModel *stages = up_project_get_stages (phased);
  /* the legend's items, and so the column of the chips, depend on the
   * day (the red line of today) and the plan's phases: the demo without
   * its stages of no phase, drawn after its end, has the chips in the
   * first column */
  const struct {
    UpProject  *project;
    const char *date;
  } cases[] = { { plan, "2026-11-27" }, { plan, "2031-01-01" }, { phased, "2031-01-01" } };
  const double scale = 2;

  for (guint i = 0; i < g_list_model_get_n_items (stages); i++)
    {
      g_autoptr(UpStage) stage = g_list_model_get_item (stages, i);
      g_autoptr(GError) error = NULL;

      if (up_stage_kind_get_phase (up_stage_get_kind (stage)) != UP_PHASE_OTHER)
        continue;
      up_project_set_string (phased, stage, "kind", "follow-up", &error);
      g_assert_no_error (error);
    }

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    for (UpLang lang = UP_LANG_EN; lang <= UP_LANG_SV; lang++)
      {
        UpChartOptions options;
        cairo_surface_t *surface;
        double width, height;
        guint found = 0;

        up_chart_options_init (&options);
        options.lang = lang;
        options.key = TRUE;
        options.date = cases[c].date;
        surface = render (UP_CHART_TIMELINE, cases[c].project, &options, scale, &width, &height);
        for (int y = 0; y < (int) floor (height * scale); y++)
          for (int x = 0; x < (int) ((UP_CHART_MARGIN - 4 - 1) * scale); x++)
            {
              guint r, g, b;

              pixel_at (surface, x, y, &r, &g, &b);
              if ((r < 250 || g < 250 || b < 250) && found++ == 0)
                g_test_message ("%u, %s: #%02X%02X%02X at %.1f, %.1f pt", c, up_lang_get_code (lang), r, g, b,
                                x / scale, y / scale);
            }
        if (found > 0)
          {
            g_autofree char *name = g_strdup_printf ("chart-timeline-legend-chips-%u-%s.png", c,
                                                     up_lang_get_code (lang));
            g_autofree char *path = save_review (surface, name);

            g_error ("%u, %s: %u pixels in the page's margin (%s)", c, up_lang_get_code (lang), found, path);
          }
        cairo_surface_destroy (surface);
      }
}

/* The exported grid's legend lists the stances its marks show and no
 * other, in the marks' order: it listed all four ("Stance unknown",
 * "Okänd hållning") under a grid of supporters and critics, and under a
 * grid of no one. */
static void
test_grid_legend_drawn_stances (void)
{
  /* the stances of the people of each project: none, a supporter and a
   * critic, one whose stance is not known */
  static const char * const people[][3] = {
    { NULL },
    { "critic", "supporter", NULL },
    { "unknown", NULL },
  };
  static const char * const stances[] = { "supporter", "neutral", "critic", "unknown" };

  for (guint p = 0; p < G_N_ELEMENTS (people); p++)
    for (UpLang lang = UP_LANG_EN; lang <= UP_LANG_SV; lang++)
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(UpProject) project = up_project_new ("Stances", &error);
        g_autofree char *name = g_strdup_printf ("chart-grid-legend-stances-%u-%s.pdf", p, up_lang_get_code (lang));
        g_autoptr(GArray) words = NULL;
        UpChartOptions options;
        double last_y = -1, last_x = -1;

        g_assert_no_error (error);
        if (lang == UP_LANG_SV && !swedish_available ())
          continue;
        for (guint i = 0; people[p][i] != NULL; i++)
          {
            g_autofree char *person_name = g_strdup_printf ("Person %u", i + 1);
            UpStakeholder *person = up_project_add_stakeholder (project, person_name, NULL, "citizen", &error);

            g_assert_no_error (error);
            g_assert_true (up_project_set_string (project, person, "stance", people[p][i], &error));
            g_assert_no_error (error);
          }
        up_chart_options_init (&options);
        options.lang = lang;
        options.decorations = TRUE;
        options.key = TRUE;
        options.date = "2026-11-28";
        words = chart_words (project, UP_CHART_GRID, &options, name);
        if (words == NULL)
          return;

        /* the scale of the axes, whoever is drawn */
        g_assert_true (has_word (words, lang == UP_LANG_SV ? "högt" : "high"));
        for (guint s = 0; s < G_N_ELEMENTS (stances); s++)
          {
            /* the label's first word: "Stance unknown", "Okänd hållning" */
            g_autofree char *label = g_strdup (up_enum_label_in (up_stakeholder_stances, stances[s], lang));
            char *space = strchr (label, ' ');
            gboolean drawn = FALSE;

            if (space != NULL)
              *space = '\0';
            for (guint i = 0; people[p][i] != NULL; i++)
              drawn |= g_str_equal (people[p][i], stances[s]);
            g_test_message ("%s, project %u: “%s” %s", up_lang_get_code (lang), p, label,
                            drawn ? "drawn" : "not drawn");
            if (drawn != has_word (words, label))
              g_error ("%s, project %u: the legend %s “%s”", up_lang_get_code (lang), p,
                       drawn ? "leaves out" : "lists", label);
            /* in the marks' order, row by row */
            for (guint i = 0; drawn && i < words->len; i++)
              {
                const PdfWord *word = &g_array_index (words, PdfWord, i);

                if (!g_str_equal (word->text, label))
                  continue;
                g_assert_true (word->y0 > last_y + 1 || (fabs (word->y0 - last_y) <= 1 && word->x0 > last_x));
                last_y = word->y0;
                last_x = word->x0;
              }
          }
      }
}


/* @text of the charts in @lang, its lines ("\n") one after the other. */
static char *
one_line_text (UpLang      lang,
               const char *text)
{
  return g_strdelimit (g_strdup (up_lang_gettext (lang, text)), "\n", ' ');
}

/* The wheel and the bars of one local (or regional) goal count the
 * links of that goal's stages only, and say so: in the wheel's centre
 * and in the legend's line on "n/m". They said "delmål som
 * upphandlingen bidrar till" and "the procurement serves n of the
 * goal's m targets", as for the whole project. */
static void
test_local_goal_counted (void)
{
  g_autoptr(UpProject) project = demo ();
  GListModel *goals = up_project_get_local_goals (project);
  static const char * const levels[] = { NULL, "local", "regional" };

  for (guint l = 0; l < G_N_ELEMENTS (levels); l++)
    for (UpLang lang = UP_LANG_EN; lang <= UP_LANG_SV; lang++)
      for (guint k = 0; k < 2; k++)
        {
          UpChartKind kind = k == 0 ? UP_CHART_WHEEL : UP_CHART_BARS;
          g_autoptr(UpLocalGoal) goal = NULL;
          g_autofree char *name = g_strdup_printf ("chart-%s-counted-%s-%s.pdf", up_chart_kind_get_name (kind),
                                                   levels[l] != NULL ? levels[l] : "project", up_lang_get_code (lang));
          g_autofree char *centre = NULL;
          const char *count_start, *other_start;
          g_autoptr(GArray) words = NULL;
          UpChartOptions options;

          if (lang == UP_LANG_SV && !swedish_available ())
            continue;
          for (guint i = 0; levels[l] != NULL && goal == NULL && i < g_list_model_get_n_items (goals); i++)
            {
              g_autoptr(UpLocalGoal) candidate = g_list_model_get_item (goals, i);

              if (g_str_equal (up_local_goal_get_level (candidate), levels[l]))
                goal = g_steal_pointer (&candidate);
            }
          g_assert_true (levels[l] == NULL || goal != NULL);

          up_chart_options_init (&options);
          options.lang = lang;
          options.decorations = TRUE;
          options.key = TRUE;
          options.date = "2026-11-28";
          options.local_goal = goal;
          words = chart_words (project, kind, &options, name);
          if (words == NULL)
            return;

          /* the first words of the line on n/m, of the goal's stages or
           * of the procurement */
          count_start = lang == UP_LANG_SV ? (levels[l] == NULL ? "n/m: upphandlingen"
                                              : l == 1 ? "n/m: det lokala" : "n/m: det regionala")
                                           : (levels[l] == NULL ? "n/m: the procurement"
                                              : l == 1 ? "n/m: the local" : "n/m: the regional");
          other_start = lang == UP_LANG_SV ? (levels[l] == NULL ? "n/m: det" : "n/m: upphandlingen")
                                           : (levels[l] == NULL ? "n/m: the local" : "n/m: the procurement");
          g_test_message ("%s", name);
          if (find_heading (words, count_start) == NULL || find_heading (words, other_start) != NULL)
            g_error ("%s: the legend's line on n/m does not begin “%s”", name, count_start);
          if (kind != UP_CHART_WHEEL)
            continue;
          centre = one_line_text (lang, levels[l] == NULL ? "targets served"
                                        : l == 1 ? "targets served by the local goal’s stages"
                                        : "targets served by the regional goal’s stages");
          if (find_heading (words, centre) == NULL)
            g_error ("%s: the wheel's centre does not say “%s”", name, centre);
        }
}


/* Whether the legend of @words has the line @text in @lang: its first
 * two words one after the other (a long line wraps). */
static gboolean
has_legend_line (GArray     *words,
                 UpLang      lang,
                 const char *text)
{
  g_auto(GStrv) parts = g_strsplit (up_lang_gettext (lang, text), " ", 3);
  g_autofree char *start = g_strjoin (" ", parts[0], parts[1], NULL);

  return find_heading (words, start) != NULL;
}

/* The legends of the wheel, the bars, the matrix and the report explain
 * the marks their chart draws and no other: each listed a striped band,
 * a light colour, a "?" and a diamond whether or not the chart had one,
 * and a reader looked for them. A plan of positive links only, then one
 * with every mark. */
static void
test_legends_drawn_only (void)
{
  static const struct
  {
    UpChartKind  kind;
    const char  *line;
    gboolean     in_plain;     /* in the legend of the plan of positive links */
  } lines[] = {
    { UP_CHART_WHEEL, "Full colour: the share of the goal’s targets that the procurement serves (a positive impact)", TRUE },
    { UP_CHART_WHEEL, "Light colour: targets linked with an impact not yet known", FALSE },
    { UP_CHART_WHEEL, "Grey sector: no target of the goal is linked", TRUE },
    { UP_CHART_WHEEL, "Striped band, −2: two targets of the goal with a negative impact", FALSE },
    { UP_CHART_WHEEL, "n/m: the procurement serves n of the goal’s m targets", TRUE },
    { UP_CHART_BARS, "Solid bar: targets served, with a positive impact", TRUE },
    { UP_CHART_BARS, "Light bar: targets linked with an impact not yet known", FALSE },
    { UP_CHART_BARS, "Striped bar, −2: two targets of the goal with a negative impact", FALSE },
    { UP_CHART_BARS, "n/m: the procurement serves n of the goal’s m targets", TRUE },
    { UP_CHART_MATRIX, "1–3: how strongly the stage serves the goal with a positive impact (3 is strongest)", TRUE },
    { UP_CHART_MATRIX, "Triangle in the corner: the stage has a negative impact on the goal too", FALSE },
    { UP_CHART_MATRIX, "Striped cell: the stage only has a negative impact on the goal", FALSE },
    { UP_CHART_MATRIX, "?: the stage is linked to the goal, with an impact not known", FALSE },
    { UP_CHART_MATRIX, "Empty cell: the stage is not linked to the goal", TRUE },
    { UP_CHART_MATRIX, "Diamond: a milestone or an award decision", FALSE },
    { UP_CHART_REPORT, "Light colour: targets linked with an impact not yet known", FALSE },
    { UP_CHART_REPORT, "Striped band, −2: two targets of the goal with a negative impact", FALSE },
    { UP_CHART_REPORT, "Bar in the timeline: a stage from its start to its end", TRUE },
    { UP_CHART_REPORT, "Diamond: a milestone or an award decision", FALSE },
  };

  for (guint plan = 0; plan < 2; plan++)
    {
      gboolean plain = plan == 0;
      g_autoptr(GError) error = NULL;
      g_autoptr(UpProject) project = up_project_new ("Legends", &error);
      UpStage *pilot;

      g_assert_no_error (error);
      pilot = up_project_add_stage (project, "pilot", "Pilot", "2026-01-05", "2026-03-27", NULL, &error);
      g_assert_no_error (error);
      g_assert_nonnull (up_project_add_sdg_link (project, UP_RECORD (pilot), "3.8", "positive", 3, NULL, &error));
      g_assert_nonnull (up_project_add_sdg_link (project, UP_RECORD (pilot), "9.5", "positive", 2, NULL, &error));
      if (!plain)
        {
          g_assert_nonnull (up_project_add_sdg_link (project, UP_RECORD (pilot), "12.5", "both", 2, NULL, &error));
          g_assert_nonnull (up_project_add_sdg_link (project, UP_RECORD (pilot), "7.2", "unknown", 1, NULL, &error));
          g_assert_nonnull (up_project_add_sdg_link (project, UP_RECORD (pilot), "15.1", "negative", 1, NULL, &error));
          g_assert_nonnull (up_project_add_stage (project, "milestone", "Go", "2026-04-01", "2026-04-01", pilot,
                                                  &error));
        }
      g_assert_no_error (error);

      for (UpLang lang = UP_LANG_EN; lang <= UP_LANG_SV; lang++)
        for (UpChartKind kind = 0; kind <= UP_CHART_REPORT; kind++)
          {
            g_autofree char *name = g_strdup_printf ("chart-legend-drawn-%s-%s-%s.pdf", up_chart_kind_get_name (kind),
                                                     plain ? "plain" : "all", up_lang_get_code (lang));
            g_autoptr(GArray) words = NULL;
            UpChartOptions options;

            if (kind == UP_CHART_GRID || (lang == UP_LANG_SV && !swedish_available ()))
              continue;
            up_chart_options_init (&options);
            options.lang = lang;
            options.decorations = TRUE;
            options.key = TRUE;
            options.date = "2026-11-28";
            words = chart_words (project, kind, &options, name);
            if (words == NULL)
              return;
            for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
              {
                gboolean expected = lines[i].in_plain || !plain;

                if (lines[i].kind != kind)
                  continue;
                if (has_legend_line (words, lang, lines[i].line) != expected)
                  g_error ("%s: the legend %s “%s”", name, expected ? "leaves out" : "has",
                           up_lang_gettext (lang, lines[i].line));
              }
          }
    }
}

/* The report's legend explains the rows its timeline shows: with more
 * stages than rows, it said "Bar in the timeline" over rows of milestones
 * only, and "Grey bar or diamond" for a stage outside the goal that was
 * among those not shown. Plans of 30 milestones and one stage after them
 * (not shown) or before them (shown); of one goal, its 30 stages and one
 * outside it, after or before them. */
static void
test_report_legend_rows_shown (void)
{
  static const char * const bar_line = "Bar in the timeline: a stage from its start to its end";
  static const char * const diamond_line = "Diamond: a milestone or an award decision";
  static const char * const grey_line = "Grey bar or diamond: a stage that does not serve the local goal";

  for (guint plan = 0; plan < 4; plan++)
    {
      /* the one stage unlike the others first, where the timeline shows
       * it, or last, where it does not */
      gboolean first = plan % 2 == 1;
      gboolean scoped = plan >= 2;
      g_autoptr(GError) error = NULL;
      g_autoptr(UpProject) project = up_project_new ("Rows shown", &error);
      UpLocalGoal *goal;
      GDate date;

      g_assert_no_error (error);
      goal = up_project_add_local_goal (project, "local", "Safe at home", &error);
      g_assert_no_error (error);
      g_date_clear (&date, 1);
      g_date_set_dmy (&date, 5, G_DATE_JANUARY, 2026);
      for (guint i = 0; i < 31; i++)
        {
          gboolean odd_one = first ? i == 0 : i == 30;
          char start[16], end[16];
          UpStage *stage;

          g_date_strftime (start, sizeof start, "%Y-%m-%d", &date);
          if (!scoped && !odd_one)
            g_date_strftime (end, sizeof end, "%Y-%m-%d", &date);
          else
            {
              g_date_add_days (&date, 5);
              g_date_strftime (end, sizeof end, "%Y-%m-%d", &date);
            }
          g_date_add_days (&date, 7);
          /* a plan of milestones and one stage; or of one goal's stages
           * and one outside it */
          stage = up_project_add_stage (project, !scoped && !odd_one ? "milestone" : "pilot",
                                        odd_one ? "The one" : "One of many", start, end, NULL, &error);
          g_assert_no_error (error);
          g_assert_nonnull (up_project_add_sdg_link (project, UP_RECORD (stage), "3.8", "positive", 2, NULL,
                                                     &error));
          if (scoped && !odd_one)
            g_assert_true (up_project_link_stage_local_goal (project, stage, goal, &error));
          g_assert_no_error (error);
        }

      for (UpLang lang = UP_LANG_EN; lang <= UP_LANG_SV; lang++)
        {
          g_autofree char *name = g_strdup_printf ("chart-report-rows-shown-%u-%s.pdf", plan, up_lang_get_code (lang));
          g_autoptr(GArray) words = NULL;
          UpChartOptions options;

          if (lang == UP_LANG_SV && !swedish_available ())
            continue;
          up_chart_options_init (&options);
          options.lang = lang;
          options.decorations = TRUE;
          options.key = TRUE;
          options.date = "2026-11-28";
          options.local_goal = scoped ? goal : NULL;
          words = chart_words (project, UP_CHART_REPORT, &options, name);
          if (words == NULL)
            return;
          g_test_message ("%s", name);
          /* rows are left out: else this tests nothing */
          g_assert_true (has_legend_line (words, lang, "Stages not shown: %1$u"));
          if (!scoped)
            {
              if (has_legend_line (words, lang, bar_line) != first)
                g_error ("%s: the legend %s “%s”", name, first ? "leaves out" : "has",
                         up_lang_gettext (lang, bar_line));
              g_assert_true (has_legend_line (words, lang, diamond_line));
            }
          else
            {
              if (has_legend_line (words, lang, grey_line) != first)
                g_error ("%s: the legend %s “%s”", name, first ? "leaves out" : "has",
                         up_lang_gettext (lang, grey_line));
              g_assert_true (has_legend_line (words, lang, bar_line));
            }
        }
    }
}

/* The exported timeline's legend says how a stage in progress and one
 * done are drawn, a bar or a decision's diamond, for those the chart
 * has and no others: it said "Outlined bar: in progress; pale bar:
 * done" beside the pale diamond of a milestone passed, in a plan with no
 * stage in progress, and in a plan where every stage was planned. */
static void
test_timeline_status_legend (void)
{
  static const char * const lines[] = {
    "Pale bar: done", "Pale diamond: done", "Pale bar or diamond: done",
    "Outlined bar: in progress", "Outlined bar: in progress; pale bar: done",
    "Outlined bar: in progress; pale diamond: done", "Outlined bar: in progress; pale bar or diamond: done",
    "Outlined diamond: in progress", "Outlined diamond: in progress; pale bar: done",
    "Outlined diamond: in progress; pale diamond: done", "Outlined diamond: in progress; pale bar or diamond: done",
    "Outlined bar or diamond: in progress", "Outlined bar or diamond: in progress; pale bar: done",
    "Outlined bar or diamond: in progress; pale diamond: done",
    "Outlined bar or diamond: in progress; pale bar or diamond: done",
  };
  /* each plan: a bar's status, a second bar's, a milestone's ("" none),
   * and the line of its legend (NULL: none) */
  static const struct
  {
    const char *bar;
    const char *other_bar;
    const char *milestone;
    const char *line;
  } plans[] = {
    { "planned", "planned", "done", "Pale diamond: done" },
    { "active", "done", "", "Outlined bar: in progress; pale bar: done" },
    { "done", "planned", "done", "Pale bar or diamond: done" },
    { "planned", "planned", "planned", NULL },
    { "planned", "active", "active", "Outlined bar or diamond: in progress" },
    { "active", "planned", "done", "Outlined bar: in progress; pale diamond: done" },
    { "done", "planned", "active", "Outlined diamond: in progress; pale bar: done" },
  };

  for (guint p = 0; p < G_N_ELEMENTS (plans); p++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(UpProject) project = up_project_new ("Statuses", &error);
      UpStage *kickoff, *analysis;

      g_assert_no_error (error);
      kickoff = up_project_add_stage (project, "needs", "Kickoff", "2026-02-02", "2026-03-13", NULL, &error);
      g_assert_no_error (error);
      analysis = up_project_add_stage (project, "market-analysis", "Analysis", "2026-03-16", "2026-05-29",
                                       kickoff, &error);
      g_assert_no_error (error);
      g_assert_true (up_project_set_string (project, kickoff, "status", plans[p].bar, &error));
      g_assert_true (up_project_set_string (project, analysis, "status", plans[p].other_bar, &error));
      g_assert_no_error (error);
      if (plans[p].milestone[0] != '\0')
        {
          UpStage *decided = up_project_add_stage (project, "milestone", "Decided", "2026-06-01", "2026-06-01",
                                                   analysis, &error);

          g_assert_no_error (error);
          g_assert_true (up_project_set_string (project, decided, "status", plans[p].milestone, &error));
          g_assert_no_error (error);
        }

      for (UpLang lang = UP_LANG_EN; lang <= UP_LANG_SV; lang++)
        {
          g_autofree char *name = g_strdup_printf ("chart-timeline-status-legend-%u-%s.pdf", p,
                                                   up_lang_get_code (lang));
          g_autoptr(GArray) words = NULL;
          UpChartOptions options;

          if (lang == UP_LANG_SV && !swedish_available ())
            continue;
          up_chart_options_init (&options);
          options.lang = lang;
          options.date = "2028-01-10";
          words = chart_words (project, UP_CHART_TIMELINE, &options, name);
          if (words == NULL)
            return;
          for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
            {
              const char *line = up_lang_gettext (lang, lines[i]);
              gboolean expected = g_strcmp0 (plans[p].line, lines[i]) == 0;

              if ((find_heading (words, line) != NULL) != expected)
                g_error ("%s, plan %u (%s, %s, milestone %s): the legend %s “%s”", up_lang_get_code (lang), p,
                         plans[p].bar, plans[p].other_bar, plans[p].milestone,
                         expected ? "leaves out" : "has", line);
            }
        }
    }
}

/* The report's timeline shows where the plan stands, as the exported
 * timeline does: a stage done pale, one in progress outlined, the
 * report's date as a red line across the rows, and the legend says so,
 * for what the page has and no more. It drew every bar in one blue and
 * had no date on the axis, so a politician could not tell what was done. */
static void
test_report_status_today (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UpProject) project = up_project_new ("Where we are", &error);
  UpStage *kickoff, *analysis;
  const char *blue = up_phase_get_colour (UP_PHASE_PREPARATION);
  /* the blue at 30 % on white, as a stage done */
  const char *pale = "#c2daf7";
  const char *red = "#e01b24";
  const char *status_line = "Outlined bar: in progress; pale bar: done";
  const char *today_line = "Red line: the day the chart was made";

  g_assert_no_error (error);
  /* the axis from 1 February to 31 August 2026 */
  kickoff = up_project_add_stage (project, "needs", "Kickoff", "2026-02-02", "2026-03-13", NULL, &error);
  g_assert_no_error (error);
  analysis = up_project_add_stage (project, "market-analysis", "Analysis", "2026-03-16", "2026-05-29", kickoff,
                                   &error);
  g_assert_no_error (error);
  g_assert_nonnull (up_project_add_stage (project, "tender", "Tender", "2026-06-01", "2026-08-28", analysis,
                                          &error));
  g_assert_no_error (error);
  g_assert_true (up_project_set_string (project, kickoff, "status", "done", &error));
  g_assert_true (up_project_set_string (project, analysis, "status", "active", &error));
  g_assert_no_error (error);

  for (UpLang lang = UP_LANG_EN; lang <= UP_LANG_SV; lang++)
    {
      g_autofree char *pdf = g_strdup_printf ("chart-report-status-today-%s.pdf", up_lang_get_code (lang));
      g_autofree char *png = g_strdup_printf ("chart-report-status-today-%s.png", up_lang_get_code (lang));
      g_autoptr(GArray) words = NULL;
      g_autoptr(GArray) runs = NULL;
      const PdfWord *kickoff_word, *analysis_word, *tender_word;
      UpChartOptions options;
      cairo_surface_t *surface;
      double width, height, scale = 2, kickoff_x, tender_x, tender_y, per_day, x, bar_width, edge, unused;
      guint r, g, b;

      if (lang == UP_LANG_SV && !swedish_available ())
        continue;
      up_chart_options_init (&options);
      options.lang = lang;
      /* the 74th day of the axis */
      options.date = "2026-04-15";
      words = chart_words (project, UP_CHART_REPORT, &options, pdf);
      if (words == NULL)
        return;
      if (find_heading (words, up_lang_gettext (lang, status_line)) == NULL)
        g_error ("%s: the legend leaves out “%s”", pdf, up_lang_gettext (lang, status_line));
      if (find_heading (words, up_lang_gettext (lang, today_line)) == NULL)
        g_error ("%s: the legend leaves out “%s”", pdf, up_lang_gettext (lang, today_line));

      surface = render (UP_CHART_REPORT, project, &options, scale, &width, &height);
      g_free (save_review (surface, png));
      kickoff_word = topmost_word (words, "Kickoff");
      analysis_word = topmost_word (words, "Analysis");
      tender_word = topmost_word (words, "Tender");
      /* the tender's row, also after @words goes */
      tender_y = (tender_word->y0 + tender_word->y1) / 2 * scale;

      /* done: pale, with no full blue inside its edge */
      mark_run (surface, scale, kickoff_word, 0, pale, &kickoff_x, &bar_width);
      g_test_message ("%s: the bar done pale from %.0f px, %.0f px wide", pdf, kickoff_x, bar_width);
      g_assert_cmpfloat (bar_width, >, 20 * scale);
      mark_run (surface, scale, kickoff_word, 0, blue, &x, &edge);
      g_test_message ("%s: its first blue at %.0f px, %.0f px wide", pdf, x, edge);
      g_assert_cmpfloat (edge, <=, 1.5 * scale);
      /* planned: in full colour, no outline before it */
      mark_run (surface, scale, tender_word, 0, blue, &tender_x, &unused);
      g_assert_cmpfloat (tender_x, >, kickoff_x);
      pixel_at (surface, tender_x - 2, tender_y, &r, &g, &b);
      g_assert_cmpuint (r + g + b, >, 600);
      /* in progress: blue inside an outline of the text's colour */
      mark_run (surface, scale, analysis_word, 0, blue, &x, &unused);
      g_assert_cmpfloat (x, >, kickoff_x);
      pixel_at (surface, x - 2, (analysis_word->y0 + analysis_word->y1) / 2 * scale, &r, &g, &b);
      g_test_message ("%s: left of the bar in progress: %u %u %u", pdf, r, g, b);
      g_assert_cmpuint (r + g + b, <, 150);

      /* the red line on its day, across the tender's row where it has no
       * bar: 119 days from the kickoff's first to the tender's */
      per_day = (tender_x - kickoff_x) / 119;
      runs = colour_runs (surface, tender_y, red);
      g_assert_cmpuint (runs->len, ==, 2);
      x = (g_array_index (runs, int, 0) + g_array_index (runs, int, 1) + 1) / 2.0;
      g_test_message ("%s: %.2f px a day, the red line at %.1f px", pdf, per_day, x);
      g_assert_cmpfloat (fabs (x - (kickoff_x + 72.5 * per_day)), <=, 1.5 * scale);
      cairo_surface_destroy (surface);

      /* a report made after the plan has no line and says nothing of
       * one; with every stage planned, no line on their status */
      g_array_unref (g_steal_pointer (&words));
      options.date = "2026-12-01";
      g_assert_true (up_project_set_string (project, kickoff, "status", "planned", &error));
      g_assert_true (up_project_set_string (project, analysis, "status", "planned", &error));
      g_assert_no_error (error);
      words = chart_words (project, UP_CHART_REPORT, &options, pdf);
      g_assert_false (has_legend_line (words, lang, today_line));
      g_assert_false (has_legend_line (words, lang, status_line));
      g_assert_true (has_legend_line (words, lang, "Bar in the timeline: a stage from its start to its end"));
      surface = render (UP_CHART_REPORT, project, &options, scale, &width, &height);
      g_array_unref (runs);
      runs = colour_runs (surface, tender_y, red);
      g_assert_cmpuint (runs->len, ==, 0);
      cairo_surface_destroy (surface);
      g_assert_true (up_project_set_string (project, kickoff, "status", "done", &error));
      g_assert_true (up_project_set_string (project, analysis, "status", "active", &error));
      g_assert_no_error (error);
    }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart/wheel/colours", test_wheel_colours);
  g_test_add_func ("/chart/wheel/impacts", test_wheel_impacts);
  g_test_add_func ("/chart/goal-number-contrast", test_goal_number_contrast);
  g_test_add_func ("/chart/wheel/dark-light-fill", test_wheel_dark_light_fill);
  g_test_add_func ("/chart/bars/dark-light-fill", test_bars_dark_light_fill);
  g_test_add_func ("/chart/wheel/light-edge", test_wheel_light_edge);
  g_test_add_func ("/chart/titles", test_titles);
  g_test_add_func ("/chart/grid/cells", test_grid_cells);
  g_test_add_func ("/chart/matrix/cells", test_matrix_cells);
  g_test_add_func ("/chart/matrix/note-links", test_matrix_note_links);
  g_test_add_func ("/chart/glyph-batch", test_glyph_batch);
  g_test_add_func ("/chart/grid/marks", test_grid_marks);
  g_test_add_func ("/chart/grid/crowded", test_grid_crowded);
  g_test_add_func ("/chart/grid/empty", test_grid_empty);
  g_test_add_func ("/chart/grid/key-right-to-left-names", test_grid_key_right_to_left_names);
  g_test_add_func ("/chart/grid/long-names", test_grid_long_names);
  g_test_add_func ("/chart/grid/long-word-names", test_grid_long_word_names);
  g_test_add_func ("/chart/grid/screen", test_grid_screen);
  g_test_add_func ("/chart/grid/language", test_grid_language);
  g_test_add_func ("/chart/grid/organisations", test_grid_organisations);
  g_test_add_func ("/chart/grid/long-name-organisation", test_grid_long_name_organisation);
  /* In the chart font, and in a wide one standing in where it is missing. */
  g_test_add_data_func ("/chart/absurd-input", NULL, test_absurd_input);
  g_test_add_data_func ("/chart/absurd-input/wide-font", "DejaVu Sans", test_absurd_input);
  g_test_add_func ("/chart/local-goal", test_local_goal);
  g_test_add_func ("/chart/local-goal-scope", test_local_goal_scope);
  g_test_add_func ("/chart/long-project-title", test_long_project_title);
  g_test_add_data_func ("/chart/review", NULL, test_review_pngs);
  g_test_add_data_func ("/chart/review/wide-font", "DejaVu Sans", test_review_pngs);
  g_test_add_func ("/chart/report/axis", test_report_axis);
  g_test_add_func ("/chart/report/odd-dates", test_report_odd_dates);
  g_test_add_func ("/chart/report/shown-span", test_report_shown_span);
  g_test_add_func ("/chart/text-spacing", test_text_spacing);
  g_test_add_func ("/chart/text-right-to-left", test_text_right_to_left);
  g_test_add_func ("/chart/text-emoji-colour", test_text_emoji_colour);
  g_test_add_func ("/chart/text-tight-emoji-line", test_text_tight_emoji_line);
  g_test_add_data_func ("/chart/timeline/emoji-row-ink", GUINT_TO_POINTER (UP_CHART_TIMELINE), test_row_title_emoji_ink);
  g_test_add_data_func ("/chart/matrix/emoji-row-ink", GUINT_TO_POINTER (UP_CHART_MATRIX), test_row_title_emoji_ink);
  g_test_add_func ("/chart/timeline-legend-chips-inside", test_timeline_legend_chips_inside);
  g_test_add_func ("/chart/slide-margin", test_slide_margin);
  g_test_add_func ("/chart/text-mixed-direction", test_text_mixed_direction);
  g_test_add_func ("/chart/header-detail-long-organisation", test_header_detail_long_organisation);
  g_test_add_func ("/chart/report/long-title", test_report_long_title);
  g_test_add_func ("/chart/report/decisions", test_report_decisions);
  g_test_add_func ("/chart/report/goal-names", test_report_goal_names);
  g_test_add_func ("/chart/report/goal-names-few-stages", test_report_goal_names_few_stages);
  g_test_add_func ("/chart/report/goal-names-rest", test_report_goal_names_rest);
  g_test_add_func ("/chart/report/goal-names-wide-font", test_report_goal_names_wide_font);
  g_test_add_func ("/chart/report/goal-list-even", test_report_goal_list_even);
  g_test_add_func ("/chart/report/goal-names-many-milestones", test_report_goal_names_many_milestones);
  g_test_add_func ("/chart/report/goal-names-timeline-kept", test_report_goal_names_timeline_kept);
  g_test_add_func ("/chart/report/local-goal-key", test_report_local_goal_key);
  g_test_add_func ("/chart/report/local-goal-timeline", test_report_local_goal_timeline);
  g_test_add_func ("/chart/legend-beside", test_legend_beside);
  g_test_add_func ("/chart/slide", test_slide);
  g_test_add_func ("/chart/grid/slide-long-key", test_grid_slide_long_key);
  g_test_add_func ("/chart/grid/slide-crowded-key", test_grid_slide_crowded_key);
  g_test_add_func ("/chart/grid/slide-full-cell-taller", test_grid_slide_full_cell_taller);
  g_test_add_func ("/chart/grid/slide-key-spread", test_grid_slide_key_spread);
  g_test_add_func ("/chart/grid/slide-key-title-alone", test_grid_slide_key_title_alone);
  g_test_add_func ("/chart/grid/slide-key-down", test_grid_slide_key_down);
  g_test_add_func ("/chart/grid/legend-note-line", test_grid_legend_note_line);
  g_test_add_func ("/chart/legends-drawn-only", test_legends_drawn_only);
  g_test_add_func ("/chart/report/legend-rows-shown", test_report_legend_rows_shown);
  g_test_add_func ("/chart/report/status-today", test_report_status_today);
  g_test_add_func ("/chart/local-goal-counted", test_local_goal_counted);
  g_test_add_func ("/chart/timeline-status-legend", test_timeline_status_legend);
  g_test_add_func ("/chart/grid/legend-drawn-stances", test_grid_legend_drawn_stances);
  g_test_add_func ("/chart/slide-body", test_slide_body);
  g_test_add_func ("/chart/timeline/slide", test_timeline_slide);
  g_test_add_data_func ("/chart/timeline/slide-row-titles", GUINT_TO_POINTER (UP_CHART_TIMELINE), test_slide_row_titles);
  g_test_add_data_func ("/chart/matrix/slide-row-titles", GUINT_TO_POINTER (UP_CHART_MATRIX), test_slide_row_titles);
  g_test_add_func ("/chart/harm-apart", test_harm_apart);
  g_test_add_func ("/chart/timeline/axis", test_timeline_axis);
  g_test_add_func ("/chart/timeline/bars", test_timeline_bars);
  g_test_add_func ("/chart/timeline/award-diamond", test_timeline_award_diamond);
  g_test_add_func ("/chart/timeline/done-decision", test_timeline_done_decision);
  g_test_add_func ("/chart/fill-rounded", test_fill_rounded);
  g_test_add_func ("/chart/chip-batch", test_chip_batch);
  g_test_add_func ("/chart/title-batch", test_title_batch);
  g_test_add_func ("/chart/plain-line", test_plain_line);
  g_test_add_func ("/chart/plain-text-same", test_plain_text_same);
  g_test_add_func ("/chart/matrix/dates-batch", test_matrix_dates_batch);
  g_test_add_func ("/chart/slide-header", test_slide_header);
  g_test_add_data_func ("/chart/matrix/long-stage-title", GUINT_TO_POINTER (UP_CHART_MATRIX), test_long_stage_title);
  g_test_add_data_func ("/chart/report/long-stage-title", GUINT_TO_POINTER (UP_CHART_REPORT), test_long_stage_title);
  g_test_add_data_func ("/chart/timeline/long-stage-title", GUINT_TO_POINTER (UP_CHART_TIMELINE), test_long_stage_title);
  g_test_add_data_func ("/chart/matrix/long-stage-title-end", GUINT_TO_POINTER (UP_CHART_MATRIX), test_long_stage_title_end);
  g_test_add_data_func ("/chart/report/long-stage-title-end", GUINT_TO_POINTER (UP_CHART_REPORT), test_long_stage_title_end);
  g_test_add_data_func ("/chart/timeline/long-stage-title-end", GUINT_TO_POINTER (UP_CHART_TIMELINE), test_long_stage_title_end);

  status = g_test_run ();
  /* Pango keeps each thread's font map in thread-local storage, where
   * LeakSanitizer does not look for it at exit. */
  pango_cairo_font_map_set_default (NULL);
  return status;
}
