/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "up-chart"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "up-chart-private.h"

/* The Agenda 2030 wheel: 17 sectors clockwise from the top. From the centre
 * out each sector has the fill region (filled outward by the goal's
 * coverage over a pale track), the band for negative impact and the band
 * with the goal's number; the covered/total count sits outside. */

#define WHEEL_BODY 520.0
/* A page's wheel smaller: the page, 560 pt wide (every chart's header)
 * and under 806 pt tall, then prints on A4 (less a printer's margins) at
 * its own size, the key's text 8 pt on paper. With the wheel of 520 pt
 * the page was 568 × 905 pt, and A4 shrank it to 0.89, the key's numbers
 * to 7.1 pt. The wheel's own text keeps its size. */
#define PAGE_WHEEL_BODY 414.0
#define LABEL_ROOM 36.0
#define WHEEL_TEXT 14.0

/* The radii of a wheel of outer radius @radius whose goal numbers are set
 * in @text_size: the bands are as thick as their text needs, the fill
 * region takes what is left. */
typedef struct
{
  double hole;
  double fill;
  double negative_in;
  double negative_out;
  double band;
} Radii;

static void
wheel_radii (double  radius,
             double  text_size,
             Radii  *r)
{
  r->band = radius - text_size * 1.9;
  r->negative_out = r->band - 2.5;
  r->negative_in = r->negative_out - MAX (text_size * 0.75, 8.0) * 1.4;
  r->fill = r->negative_in - 2.5;
  r->hole = radius * 0.32;
}

/* The parts of a covered goal's sector, from the centre out: the targets
 * served (a positive impact) in the full colour, the targets linked with
 * an impact not known in the light colour, and the pale track up to the
 * sector's edge. A target only harmed fills nothing: it is counted in the
 * striped band. */
typedef enum
{
  FILL_FULL,
  FILL_LIGHT,
  FILL_TRACK,
} Fill;

static void
set_fill_colour (UpChartContext *ctx,
                 guint           goal,
                 Fill            fill)
{
  switch (fill)
    {
    case FILL_FULL:
      _up_chart_set_goal_colour (ctx->cr, goal, 1.0);
      break;

    /* A tint of the colour, stronger on a dark page where a pale tint
     * would vanish. */
    case FILL_TRACK:
      _up_chart_set_goal_colour (ctx->cr, goal, ctx->options->dark ? 0.35 : 0.22);
      break;

    case FILL_LIGHT:
      _up_chart_set_goal_light (ctx, goal, 0.5);
      break;

    default:
      g_assert_not_reached ();
    }
}

/* The edge of the light colour, on white: the goal's colour darkened. */
#define EDGE_SHADE 0.7

static double
sector_angle (guint goal)
{
  return -G_PI / 2 + (goal - 0.5) * 2 * G_PI / UP_SDG_N_GOALS;
}

/* The share @n of @goal's targets, 0..1. */
static double
goal_fraction (UpChartContext *ctx,
               guint           goal,
               guint           n)
{
  const UpGoalCoverage *coverage = up_coverage_get_goal (ctx->coverage, goal);

  if (coverage == NULL || coverage->n_targets == 0)
    return 0;
  return CLAMP ((double) n / coverage->n_targets, 0, 1);
}

/* The radius a share @fraction of a sector's fill region reaches, by area:
 * filled along the radius, 1/13 of a goal looked like 1/21 and 5/7 like
 * 5/8 (the outer rings are larger). */
static double
fill_radius (double hole,
             double fill,
             double fraction)
{
  return sqrt (hole * hole + fraction * (fill * fill - hole * hole));
}

static void
annular_sector (cairo_t *cr,
                double   cx,
                double   cy,
                double   r_in,
                double   r_out,
                double   a0,
                double   a1)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, cx, cy, r_out, a0, a1);
  cairo_arc_negative (cr, cx, cy, r_in, a1, a0);
  cairo_close_path (cr);
}

/* The totals in the hole: the count large, then what it counts. */
static void
draw_totals (UpChartContext *ctx,
             double          cx,
             double          cy,
             double          width,
             double          text_size,
             const char     *count,
             const char     *goals)
{
  const char *covered;
  double small = MAX (text_size * 0.8, 8.0);
  double smaller = MAX (text_size * 0.72, 8.0);
  /* The big number shrinks to the hole of a small wheel, never below the
   * smallest size of the page. */
  double big = text_size * 1.25;
  double big_width = _up_chart_text_width (ctx, count, big, UP_TEXT_BOLD);
  double h1, h2, h3, y;

  if (big_width > width)
    big = MAX (big * width / big_width * 0.98, 8.0);

  /* Whose targets: the wheel of one local goal counts that goal's stages
   * only, and said "delmål som upphandlingen bidrar till". */
  switch (_up_chart_counted (ctx))
    {
    case UP_COUNTED_LOCAL_GOAL:
      /* Translators: under the large count in the centre of the Agenda
       * 2030 wheel of one local goal ("5 of 169"): the targets that the
       * stages linked to the local goal serve, with a positive impact. At
       * most four lines of about 14 characters; \n breaks a line where
       * it reads best. */
      covered = up_lang_gettext (ctx->lang, N_("targets served by the local goal’s stages"));
      break;
    case UP_COUNTED_REGIONAL_GOAL:
      /* Translators: as "targets served by the local goal’s stages", in
       * the wheel of one regional goal. */
      covered = up_lang_gettext (ctx->lang, N_("targets served by the regional goal’s stages"));
      break;
    case UP_COUNTED_PROCUREMENT:
    default:
      /* Translators: under the large count in the centre of the Agenda 2030
       * wheel ("5 of 169"): the targets the procurement serves, with a
       * positive impact, in the words of the wheel's legend. At most three
       * lines of about 14 characters; \n breaks a line where it reads best. */
      covered = up_lang_gettext (ctx->lang, N_("targets served"));
      break;
    }

  h1 = _up_chart_text_height (ctx, count, big, UP_TEXT_BOLD, width, 1);
  /* Three lines: Swedish says who serves the targets ("delmål som
   * upphandlingen bidrar till"), in the words of the legend; four for a
   * local goal's ("delmål som det lokala målets skeden bidrar till"). */
  h2 = _up_chart_text_height (ctx, covered, small, 0, width, 4);
  h3 = _up_chart_text_height (ctx, goals, smaller, 0, width, 2);

  y = cy - (h1 + h2 + h3) / 2;
  y += _up_chart_text (ctx, count, cx - width / 2, y, width, big,
                       UP_TEXT_BOLD | UP_TEXT_CENTRE | UP_TEXT_MUST_FIT, 1, NULL);
  y += _up_chart_text (ctx, covered, cx - width / 2, y, width, small,
                       UP_TEXT_CENTRE | UP_TEXT_MUST_FIT, 4, NULL);
  _up_chart_text (ctx, goals, cx - width / 2, y, width, smaller,
                  UP_TEXT_CENTRE | UP_TEXT_DIM | UP_TEXT_MUST_FIT, 2, NULL);
}

void
_up_chart_wheel_draw_at (UpChartContext *ctx,
                         double          cx,
                         double          cy,
                         double          radius,
                         gboolean        labels,
                         double          text_size)
{
  cairo_t *cr = ctx->cr;
  double step = 2 * G_PI / UP_SDG_N_GOALS;
  Radii radii;
  double r_hole, r_fill;
  /* The counts a reader takes as what the procurement does for the goals:
   * the targets served, never those only harmed. */
  guint n_served = up_coverage_get_n_served (ctx->coverage);
  guint n_goals = up_coverage_get_n_goals_served (ctx->coverage);
  g_autofree char *count = NULL;
  g_autofree char *goals = NULL;
  double hole_text;

  wheel_radii (radius, text_size, &radii);
  r_hole = radii.hole;
  r_fill = radii.fill;
  hole_text = r_hole * 1.7;

  for (guint goal = 1; goal <= UP_SDG_N_GOALS; goal++)
    {
      const UpGoalCoverage *coverage = up_coverage_get_goal (ctx->coverage, goal);
      double a0 = -G_PI / 2 + (goal - 1) * step;
      double a1 = a0 + step;
      double mid = sector_angle (goal);
      double light_fraction = goal_fraction (ctx, goal, coverage->n_positive + coverage->n_unknown);
      double positive_fraction = goal_fraction (ctx, goal, coverage->n_positive);
      gboolean covered = coverage->n_covered > 0;
      char number[8];
      UpRgba colour, text;

      /* The track; the targets linked with an impact not known in a light
       * colour; those served (a positive impact) in the full colour, as
       * in the bars: a goal only harmed shows its track and its striped
       * band, and never looks served. */
      if (covered)
        set_fill_colour (ctx, goal, FILL_TRACK);
      else
        _up_chart_set_colour (cr, &ctx->grey);
      annular_sector (cr, cx, cy, r_hole, r_fill, a0, a1);
      cairo_fill (cr);

      if (light_fraction > 0)
        {
          double r = fill_radius (r_hole, r_fill, light_fraction);

          set_fill_colour (ctx, goal, FILL_LIGHT);
          annular_sector (cr, cx, cy, r_hole, r, a0, a1);
          cairo_fill (cr);

          /* Where the covered targets end: on white, a pale colour over
           * its paler track barely showed for the light goals (1.2:1 for
           * goal 7's yellow), so the edge is drawn, in the colour
           * darkened. */
          if (!ctx->options->dark && light_fraction < 1)
            {
              _up_chart_parse_colour (up_sdg_get_goal (goal)->colour, &colour);
              cairo_set_source_rgb (cr, colour.r * EDGE_SHADE, colour.g * EDGE_SHADE, colour.b * EDGE_SHADE);
              cairo_set_line_width (cr, MAX (radius * 0.006, 0.75));
              cairo_new_sub_path (cr);
              cairo_arc (cr, cx, cy, r, a0, a1);
              cairo_stroke (cr);
            }
        }
      if (positive_fraction > 0)
        {
          set_fill_colour (ctx, goal, FILL_FULL);
          annular_sector (cr, cx, cy, r_hole, fill_radius (r_hole, r_fill, positive_fraction), a0, a1);
          cairo_fill (cr);
        }

      if (coverage->n_negative > 0)
        {
          g_autofree char *minus = g_strdup_printf ("−%u", coverage->n_negative);
          double r = (radii.negative_in + radii.negative_out) / 2;
          double tw = _up_chart_text_width (ctx, minus, MAX (text_size * 0.75, 8.0), UP_TEXT_BOLD);
          double th = _up_chart_text_height (ctx, minus, MAX (text_size * 0.75, 8.0), UP_TEXT_BOLD, 0, 0);
          double tx = cx + r * cos (mid), ty = cy + r * sin (mid);

          cairo_save (cr);
          annular_sector (cr, cx, cy, radii.negative_in, radii.negative_out, a0, a1);
          cairo_clip (cr);
          _up_chart_hatch (ctx, MAX (radius * 0.025, 3));
          cairo_restore (cr);

          /* The count on a solid patch, so that the stripes never cross it. */
          _up_chart_set_colour (cr, &ctx->negative);
          _up_chart_rounded_rect (cr, tx - tw / 2 - 2, ty - th / 2, tw + 4, th, 2);
          cairo_fill (cr);
          _up_chart_text (ctx, minus, tx, ty, 0, MAX (text_size * 0.75, 8.0),
                          UP_TEXT_BOLD | UP_TEXT_CENTRE | UP_TEXT_MIDDLE, 0, &ctx->bg);
        }

      /* The number band: the goal's colour, grey when nothing covers it. */
      if (covered)
        _up_chart_parse_colour (up_sdg_get_goal (goal)->colour, &colour);
      else
        colour = ctx->grey;
      _up_chart_set_colour (cr, &colour);
      annular_sector (cr, cx, cy, radii.band, radius, a0, a1);
      cairo_fill (cr);
      _up_chart_contrast_colour (&colour, &text);
      g_snprintf (number, sizeof number, "%u", goal);
      _up_chart_text (ctx, number,
                      cx + (radii.band + radius) / 2 * cos (mid),
                      cy + (radii.band + radius) / 2 * sin (mid),
                      0, text_size, UP_TEXT_BOLD | UP_TEXT_CENTRE | UP_TEXT_MIDDLE, 0, &text);

      if (labels)
        {
          g_autofree char *label = g_strdup_printf ("%u/%u", coverage->n_positive, coverage->n_targets);
          double tw = _up_chart_text_width (ctx, label, MAX (text_size * 0.8, 8.0), 0);
          double th = _up_chart_text_height (ctx, label, MAX (text_size * 0.8, 8.0), 0, 0, 0);
          /* Far enough out that the label's box clears the circle
           * whichever way it points. */
          double d = radius + 5 + fabs (cos (mid)) * tw / 2 + fabs (sin (mid)) * th / 2;

          _up_chart_text (ctx, label, cx + d * cos (mid), cy + d * sin (mid), 0, MAX (text_size * 0.8, 8.0),
                          UP_TEXT_CENTRE | UP_TEXT_MIDDLE | (covered ? 0 : UP_TEXT_DIM), 0, NULL);
        }
    }

  /* Thin gaps between sectors, in the page's colour. */
  cairo_save (cr);
  _up_chart_set_colour (cr, &ctx->bg);
  cairo_set_line_width (cr, MAX (radius * 0.008, 1));
  for (guint goal = 0; goal < UP_SDG_N_GOALS; goal++)
    {
      double a = -G_PI / 2 + goal * step;

      cairo_move_to (cr, cx + r_hole * cos (a), cy + r_hole * sin (a));
      cairo_line_to (cr, cx + radius * cos (a), cy + radius * sin (a));
    }
  cairo_stroke (cr);
  cairo_restore (cr);

  /* The totals in the hole. */
  /* Translators: in the centre of the Agenda 2030 wheel, in large type:
   * %1$u targets served of all %2$u targets. The line under it says
   * "targets served". */
  count = g_strdup_printf (up_lang_gettext (ctx->lang, N_("%1$u of %2$u")),
                           n_served, up_sdg_count_targets ());
  /* Translators: the last line in the centre of the Agenda 2030 wheel:
   * the targets served lie in %1$u of the %2$u goals. */
  goals = g_strdup_printf (up_lang_gettext (ctx->lang, N_("in %1$u of %2$u goals")),
                           n_goals, UP_SDG_N_GOALS);
  draw_totals (ctx, cx, cy, hole_text, text_size, count, goals);
}

/* A sector in miniature: the pale track with its inner part filled with
 * @fill. */
static void
swatch_sector (UpChartContext *ctx,
               double          x,
               double          y,
               double          width,
               double          height,
               Fill            fill)
{
  set_fill_colour (ctx, 3, FILL_TRACK);
  cairo_rectangle (ctx->cr, x, y, width, height);
  cairo_fill (ctx->cr);
  set_fill_colour (ctx, 3, fill);
  cairo_rectangle (ctx->cr, x, y, width * 0.45, height);
  cairo_fill (ctx->cr);
}

static void
swatch_fill (UpChartContext *ctx,
             double          x,
             double          y,
             double          width,
             double          height,
             gconstpointer   data)
{
  swatch_sector (ctx, x, y, width, height, FILL_FULL);
}

static void
swatch_light (UpChartContext *ctx,
              double          x,
              double          y,
              double          width,
              double          height,
              gconstpointer   data)
{
  swatch_sector (ctx, x, y, width, height, FILL_LIGHT);
}

static void
swatch_grey (UpChartContext *ctx,
             double          x,
             double          y,
             double          width,
             double          height,
             gconstpointer   data)
{
  _up_chart_set_colour (ctx->cr, &ctx->grey);
  cairo_rectangle (ctx->cr, x, y, width, height);
  cairo_fill (ctx->cr);
}

static void
swatch_count (UpChartContext *ctx,
              double          x,
              double          y,
              double          width,
              double          height,
              gconstpointer   data)
{
  /* 9 pt on a page, as the bars' legend has it */
  _up_chart_text (ctx, "n/m", x + width / 2, y + height / 2, 0, _up_chart_is_page (ctx) ? 9.0 : 8.5,
                  UP_TEXT_BOLD | UP_TEXT_CENTRE | UP_TEXT_MIDDLE, 0, NULL);
}

/* The legend explains what the wheel draws and no other part: a light
 * colour, a grey sector or a striped band that no goal has is not in it,
 * so that a reader does not look for them. The counts beside the goals
 * are always drawn. */
guint
_up_chart_wheel_legend (UpChartContext *ctx,
                        UpLegendItem   *items)
{
  UpCoverage *coverage = _up_chart_coverage (ctx);
  gboolean any_served = FALSE, any_light = FALSE, any_grey = FALSE, any_negative = FALSE;
  guint n = 0;

  for (guint goal = 1; goal <= UP_SDG_N_GOALS; goal++)
    {
      const UpGoalCoverage *of_goal = up_coverage_get_goal (coverage, goal);

      any_served |= of_goal->n_positive > 0;
      any_light |= of_goal->n_unknown > 0;
      any_grey |= of_goal->n_covered == 0;
      any_negative |= of_goal->n_negative > 0;
    }

  if (any_served)
    items[n++] = (UpLegendItem) { swatch_fill, NULL,
      _up_chart_counted (ctx) == UP_COUNTED_LOCAL_GOAL
      /* Translators: the wheel of one local goal: it counts the links of
       * the stages linked to that goal; "the global goal" is the goal of
       * Agenda 2030 whose sector it is. */
      ? up_lang_gettext (ctx->lang, N_("Full colour: the share of the global goal’s targets that the local goal’s stages serve (a positive impact)"))
      : _up_chart_counted (ctx) == UP_COUNTED_REGIONAL_GOAL
      /* Translators: as the line before, in the wheel of one regional goal. */
      ? up_lang_gettext (ctx->lang, N_("Full colour: the share of the global goal’s targets that the regional goal’s stages serve (a positive impact)"))
      : up_lang_gettext (ctx->lang, N_("Full colour: the share of the goal’s targets that the procurement serves (a positive impact)")) };
  if (any_light)
    items[n++] = (UpLegendItem) { swatch_light, NULL,
      up_lang_gettext (ctx->lang, N_("Light colour: targets linked with an impact not yet known")) };
  if (any_grey)
    items[n++] = (UpLegendItem) { swatch_grey, NULL,
      up_lang_gettext (ctx->lang, N_("Grey sector: no target of the goal is linked")) };
  if (any_negative)
    items[n++] = (UpLegendItem) { _up_chart_swatch_negative, NULL,
      up_lang_gettext (ctx->lang, N_("Striped band, −2: two targets of the goal with a negative impact")) };
  items[n++] = (UpLegendItem) { swatch_count, NULL, _up_chart_count_line (ctx) };
  return n;
}

/* The wheel's body: a page's, or a slide's and the screen's. */
static double
wheel_body (UpChartContext *ctx)
{
  return _up_chart_is_page (ctx) ? PAGE_WHEEL_BODY : WHEEL_BODY;
}

static void
wheel_frame (UpChartContext *ctx,
             double          width,
             double          height,
             UpLegendItem   *legend,
             guint          *n_legend,
             UpChartFrame   *frame)
{
  *n_legend = _up_chart_wheel_legend (ctx, legend);
  _up_chart_frame_compute (ctx, UP_CHART_WHEEL, legend, *n_legend, wheel_body (ctx), wheel_body (ctx), width, height,
                           frame);
}

void
_up_chart_wheel_size (UpChartContext *ctx,
                      double         *width,
                      double         *height)
{
  UpLegendItem legend[5];
  guint n_legend;
  UpChartFrame frame;

  wheel_frame (ctx, 0, 0, legend, &n_legend, &frame);
  *width = frame.natural_width;
  *height = frame.natural_height;
}

void
_up_chart_wheel_draw (UpChartContext *ctx,
                      double          width,
                      double          height)
{
  UpLegendItem legend[5];
  guint n_legend;
  UpChartFrame frame;
  double body;

  wheel_frame (ctx, width, height, legend, &n_legend, &frame);
  body = wheel_body (ctx);
  _up_chart_frame_draw (ctx, UP_CHART_WHEEL, &frame, legend, n_legend, width, height);
  _up_chart_wheel_draw_at (ctx, frame.body_x + body / 2, frame.body_y + body / 2, body / 2 - LABEL_ROOM, TRUE,
                           WHEEL_TEXT);
}

/**
 * up_chart_wheel_sector_point:
 * @radius_fraction: 0 at the inner edge of the fill region, 1 at its outer
 *   edge (a goal served to the share f is filled up to f, by area)
 *
 * Where the middle of @goal's sector is, at @radius_fraction of its fill
 * region, on the wheel drawn at @width × @height.
 */
void
up_chart_wheel_sector_point (UpProject            *project,
                             const UpChartOptions *options,
                             double                width,
                             double                height,
                             guint                 goal,
                             double                radius_fraction,
                             double               *x,
                             double               *y)
{
  cairo_t *cr;
  UpChartContext ctx;
  UpLegendItem legend[5];
  guint n_legend;
  UpChartFrame frame;
  double body, radius, r, nx, ny;
  Radii radii;

  g_return_if_fail (UP_IS_PROJECT (project));
  g_return_if_fail (options != NULL);
  g_return_if_fail (goal >= 1 && goal <= UP_SDG_N_GOALS);

  cr = _up_chart_measure_cr ();
  _up_chart_context_init (&ctx, cr, project, options, FALSE);
  wheel_frame (&ctx, width, height, legend, &n_legend, &frame);
  body = wheel_body (&ctx);
  _up_chart_context_clear (&ctx);
  cairo_destroy (cr);

  radius = body / 2 - LABEL_ROOM;
  wheel_radii (radius, WHEEL_TEXT, &radii);
  r = fill_radius (radii.hole, radii.fill, CLAMP (radius_fraction, 0, 1));
  nx = frame.body_x + body / 2 + r * cos (sector_angle (goal));
  ny = frame.body_y + body / 2 + r * sin (sector_angle (goal));

  *x = frame.offset_x + nx * frame.scale;
  *y = frame.offset_y + ny * frame.scale;
}
