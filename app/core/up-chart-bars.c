/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "up-chart"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "up-chart-private.h"

/* Coverage per goal: one row per goal with its number on a chip of its
 * colour, its name, a bar of its targets (served with a positive impact,
 * linked with an impact not known, and a striped bar for negative impact
 * below) and the count of the targets served as text. */

#define ROW_HEIGHT 28.0
#define CHIP_WIDTH 26.0
#define CHIP_HEIGHT 20.0
#define NAME_SIZE 10.0
#define GOAL_NAME_MAX 280.0
#define BAR_WIDTH 220.0
#define COUNT_WIDTH 78.0
/* A slide's rows larger (UP_CHART_BARS_SLIDE_SCALE) and their bars
 * longer (SLIDE_BAR_WIDTH), beside a narrower column of the legend
 * (SLIDE_COLUMN) than other charts': the slide then is as wide as a
 * screen (16:9) in either language. Beside the common column (540 pt)
 * the rows at a page's size had half a Full HD slide, right of them a
 * legend of four lines and nothing under it, and read smaller than the
 * page's layout shown on the same screen. */
#define SLIDE_BAR_WIDTH 340.0
#define SLIDE_COLUMN 330.0

static double
bar_width (UpChartContext *ctx)
{
  return _up_chart_is_slide (ctx) ? SLIDE_BAR_WIDTH : BAR_WIDTH;
}

static double
name_width (UpChartContext *ctx)
{
  double width = 0;

  for (guint goal = 1; goal <= UP_SDG_N_GOALS; goal++)
    width = MAX (width, _up_chart_text_width (ctx, up_sdg_goal_get_name_in (up_sdg_get_goal (goal), ctx->lang),
                                              NAME_SIZE, 0));

  /* Wider names wrap onto a second line of the row. */
  return MIN (ceil (width) + 2, GOAL_NAME_MAX);
}

static void
swatch_positive (UpChartContext *ctx,
                 double          x,
                 double          y,
                 double          width,
                 double          height,
                 gconstpointer   data)
{
  _up_chart_set_goal_colour (ctx->cr, 9, 1.0);
  cairo_rectangle (ctx->cr, x, y, width, height);
  cairo_fill (ctx->cr);
}

static void
swatch_other (UpChartContext *ctx,
              double          x,
              double          y,
              double          width,
              double          height,
              gconstpointer   data)
{
  _up_chart_set_goal_light (ctx, 9, 0.4);
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
  /* 9 pt on a page: the bars' page, some 620 pt wide in Swedish, prints
   * on A4 at 0.91, and 8.5 pt came to 7.7 pt on paper */
  _up_chart_text (ctx, "n/m", x + width / 2, y + height / 2, 0, _up_chart_is_page (ctx) ? 9.0 : 8.5,
                  UP_TEXT_BOLD | UP_TEXT_CENTRE | UP_TEXT_MIDDLE, 0, NULL);
}

/* What the bars draw, and only that (as the wheel's legend). */
static guint
bars_legend (UpChartContext *ctx,
             UpLegendItem   *items)
{
  UpCoverage *coverage = _up_chart_coverage (ctx);
  gboolean any_served = FALSE, any_light = FALSE, any_negative = FALSE;
  guint n = 0;

  for (guint goal = 1; goal <= UP_SDG_N_GOALS; goal++)
    {
      const UpGoalCoverage *of_goal = up_coverage_get_goal (coverage, goal);

      any_served |= of_goal->n_positive > 0;
      any_light |= of_goal->n_unknown > 0;
      any_negative |= of_goal->n_negative > 0;
    }

  if (any_served)
    items[n++] = (UpLegendItem) { swatch_positive, NULL,
      _up_chart_counted (ctx) == UP_COUNTED_LOCAL_GOAL
      /* Translators: the bars of one local goal, which count the links of
       * the stages linked to that goal. */
      ? up_lang_gettext (ctx->lang, N_("Solid bar: targets the local goal’s stages serve, with a positive impact"))
      : _up_chart_counted (ctx) == UP_COUNTED_REGIONAL_GOAL
      /* Translators: as the line before, in the bars of one regional goal. */
      ? up_lang_gettext (ctx->lang, N_("Solid bar: targets the regional goal’s stages serve, with a positive impact"))
      : up_lang_gettext (ctx->lang, N_("Solid bar: targets served, with a positive impact")) };
  if (any_light)
    items[n++] = (UpLegendItem) { swatch_other, NULL,
      up_lang_gettext (ctx->lang, N_("Light bar: targets linked with an impact not yet known")) };
  if (any_negative)
    items[n++] = (UpLegendItem) { _up_chart_swatch_negative, NULL,
      up_lang_gettext (ctx->lang, N_("Striped bar, −2: two targets of the goal with a negative impact")) };
  items[n++] = (UpLegendItem) { swatch_count, NULL, _up_chart_count_line (ctx) };
  return n;
}

static void
bars_frame (UpChartContext *ctx,
            double          width,
            double          height,
            UpLegendItem   *legend,
            guint          *n_legend,
            double         *names,
            UpChartFrame   *frame)
{
  double scale = _up_chart_body_scale (ctx, UP_CHART_BARS);

  *names = name_width (ctx);
  *n_legend = bars_legend (ctx, legend);
  ctx->slide_column = SLIDE_COLUMN;
  _up_chart_frame_compute (ctx, UP_CHART_BARS, legend, *n_legend,
                           (CHIP_WIDTH + 10 + *names + 14 + bar_width (ctx) + 10 + COUNT_WIDTH) * scale,
                           UP_SDG_N_GOALS * ROW_HEIGHT * scale, width, height, frame);
}

void
_up_chart_bars_size (UpChartContext *ctx,
                     double         *width,
                     double         *height)
{
  UpLegendItem legend[4];
  guint n_legend;
  double names;
  UpChartFrame frame;

  bars_frame (ctx, 0, 0, legend, &n_legend, &names, &frame);
  *width = frame.natural_width;
  *height = frame.natural_height;
}

void
_up_chart_bars_draw (UpChartContext *ctx,
                     double          width,
                     double          height)
{
  cairo_t *cr = ctx->cr;
  UpLegendItem legend[4];
  guint n_legend;
  double names;
  UpChartFrame frame;
  double bar_x;
  double track = bar_width (ctx);

  bars_frame (ctx, width, height, legend, &n_legend, &names, &frame);
  _up_chart_frame_draw (ctx, UP_CHART_BARS, &frame, legend, n_legend, width, height);
  _up_chart_frame_scale_body (ctx, &frame, _up_chart_body_scale (ctx, UP_CHART_BARS));
  bar_x = frame.body_x + CHIP_WIDTH + 10 + names + 14;

  for (guint goal = 1; goal <= UP_SDG_N_GOALS; goal++)
    {
      const UpGoalCoverage *coverage = up_coverage_get_goal (ctx->coverage, goal);
      const UpSdgGoal *sdg = up_sdg_get_goal (goal);
      double y = frame.body_y + (goal - 1) * ROW_HEIGHT;
      double unit = track / MAX (coverage->n_targets, 1);
      /* The targets served: one only harmed is counted apart, "−1". */
      g_autofree char *count = g_strdup_printf ("%u/%u", coverage->n_positive, coverage->n_targets);
      double count_width;

      _up_chart_goal_chip (ctx, goal, frame.body_x, y + (ROW_HEIGHT - 4 - CHIP_HEIGHT) / 2,
                           CHIP_WIDTH, CHIP_HEIGHT, 10, FALSE);
      {
        const char *name = up_sdg_goal_get_name_in (sdg, ctx->lang);
        double h = _up_chart_text_height (ctx, name, NAME_SIZE, 0, names, 2);

        _up_chart_text (ctx, name, frame.body_x + CHIP_WIDTH + 10, y + (ROW_HEIGHT - 4 - h) / 2,
                        names, NAME_SIZE, UP_TEXT_MUST_FIT, 2, NULL);
      }

      /* The track, divided into the goal's targets so they can be counted. */
      _up_chart_set_colour (cr, &ctx->line);
      cairo_set_line_width (cr, 1);
      cairo_rectangle (cr, bar_x + 0.5, y + 3.5, track - 1, 13);
      cairo_stroke (cr);

      _up_chart_set_goal_light (ctx, goal, 0.4);
      cairo_rectangle (cr, bar_x, y + 3, unit * (coverage->n_positive + coverage->n_unknown), 14);
      cairo_fill (cr);
      _up_chart_set_goal_colour (cr, goal, 1.0);
      cairo_rectangle (cr, bar_x, y + 3, unit * coverage->n_positive, 14);
      cairo_fill (cr);

      _up_chart_set_colour (cr, &ctx->bg);
      for (guint i = 1; i < coverage->n_targets; i++)
        {
          cairo_move_to (cr, bar_x + i * unit, y + 3);
          cairo_line_to (cr, bar_x + i * unit, y + 17);
        }
      cairo_stroke (cr);

      if (coverage->n_negative > 0)
        {
          cairo_save (cr);
          cairo_rectangle (cr, bar_x, y + 19, unit * coverage->n_negative, 6);
          cairo_clip (cr);
          _up_chart_hatch (ctx, 4);
          cairo_restore (cr);
        }

      count_width = _up_chart_text_width (ctx, count, NAME_SIZE, UP_TEXT_BOLD);
      _up_chart_text (ctx, count, bar_x + track + 10, y + 10, 0, NAME_SIZE,
                      UP_TEXT_BOLD | UP_TEXT_MIDDLE | (coverage->n_positive > 0 ? 0 : UP_TEXT_DIM), 0, NULL);
      if (coverage->n_negative > 0)
        {
          g_autofree char *minus = g_strdup_printf ("−%u", coverage->n_negative);

          _up_chart_text (ctx, minus, bar_x + track + 10 + count_width + 8, y + 10, 0,
                          NAME_SIZE, UP_TEXT_BOLD | UP_TEXT_MIDDLE, 0, NULL);
        }
    }
}
