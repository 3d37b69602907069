/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "up-chart"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <math.h>

#include "up-chart-private.h"

/* Stages and goals: one row per stage in the timeline's order, one column
 * per goal, each cell shaded by the strength of the stage's strongest link
 * to the goal and showing it as a digit; a dark corner marks a negative
 * impact. The chart grows with the number of stages. */

#define TITLE_WIDTH 215.0
#define DATE_WIDTH 70.0
#define LABEL_WIDTH (TITLE_WIDTH + 6 + DATE_WIDTH)
#define HEADER_HEIGHT 28.0
#define ROW 22.0
#define COLUMN 26.0
#define TEXT_SIZE 9.5

static double
strength_alpha (int strength)
{
  return strength >= 3 ? 1.0 : strength == 2 ? 0.62 : 0.32;
}

/* One pass over a stage's links: the strongest strength (0..3) of its
 * links to each goal, and bit g set when it has a negative impact on goal
 * g. The same rule as up_coverage_stage_goal_strength(), without a query
 * per goal. */
static guint32
stage_goal_strengths (UpChartContext *ctx,
                      UpStage        *stage,
                      int             strengths[UP_SDG_N_GOALS + 1])
{
  g_autoptr(GPtrArray) links = up_project_list_sdg_links (ctx->project, UP_RECORD (stage));
  guint32 mask = 0;

  memset (strengths, 0, sizeof (int) * (UP_SDG_N_GOALS + 1));
  for (guint i = 0; i < links->len; i++)
    {
      UpSdgLink *link = g_ptr_array_index (links, i);
      const char *impact = up_sdg_link_get_impact (link);
      guint goal = up_sdg_goal_of_target (up_sdg_link_get_target (link));

      if (goal == 0)
        continue;
      strengths[goal] = MAX (strengths[goal], CLAMP (up_sdg_link_get_strength (link), 1, 3));
      if (g_strcmp0 (impact, "negative") == 0 || g_strcmp0 (impact, "both") == 0)
        mask |= 1u << goal;
    }
  return mask;
}

static void
draw_cell (UpChartContext *ctx,
           guint           goal,
           int             strength,
           gboolean        negative,
           double          x,
           double          y)
{
  cairo_t *cr = ctx->cr;
  double w = COLUMN - 2, h = ROW - 2;

  /* An empty cell is the row's band (draw_empty_band()). */
  if (strength <= 0 && !negative)
    return;

  {
    UpRgba colour, blended, text;
    double alpha = strength_alpha (strength);
    char digit[4];

    _up_chart_parse_colour (up_sdg_get_goal (goal)->colour, &colour);
    blended = (UpRgba) { alpha * colour.r + (1 - alpha) * ctx->bg.r,
                         alpha * colour.g + (1 - alpha) * ctx->bg.g,
                         alpha * colour.b + (1 - alpha) * ctx->bg.b, 1.0 };
    _up_chart_set_colour (cr, &blended);
    cairo_rectangle (cr, x, y, w, h);
    cairo_fill (cr);

    _up_chart_contrast_colour (&blended, &text);
    g_snprintf (digit, sizeof digit, "%d", MAX (strength, 1));
    _up_chart_text (ctx, digit, x + w / 2 - (negative ? 2 : 0), y + h / 2, 0, TEXT_SIZE,
                    UP_TEXT_BOLD | UP_TEXT_CENTRE | UP_TEXT_MIDDLE, 0, &text);
  }

  if (negative)
    {
      _up_chart_set_colour (cr, &ctx->negative);
      cairo_move_to (cr, x + w - 10, y);
      cairo_line_to (cr, x + w, y);
      cairo_line_to (cr, x + w, y + 10);
      cairo_close_path (cr);
      cairo_fill (cr);
      /* The triangle needs an edge on a dark page, where it is light. */
      _up_chart_set_colour (cr, &ctx->bg);
      cairo_set_line_width (cr, 0.8);
      cairo_move_to (cr, x + w - 10, y);
      cairo_line_to (cr, x + w, y + 10);
      cairo_stroke (cr);
    }
}

/* The empty cells of a row as one band under the row's cells; the gaps
 * between the columns are cut for all rows at once (cut_column_gaps()).
 * Seventeen rectangles a row made a large matrix's SVG and PDF mostly
 * numbers: at 1,000 stages 17,000 of its 18,000 paths. */
static void
draw_empty_band (UpChartContext *ctx,
                 double          x,
                 double          y)
{
  UpRgba empty = ctx->line;

  empty.a = 0.35;
  _up_chart_set_colour (ctx->cr, &empty);
  cairo_rectangle (ctx->cr, x, y, UP_SDG_N_GOALS * COLUMN - 2, ROW - 2);
  cairo_fill (ctx->cr);
}

static void
cut_column_gaps (UpChartContext *ctx,
                 double          x,
                 double          top,
                 double          bottom)
{
  _up_chart_set_colour (ctx->cr, &ctx->bg);
  for (guint goal = 1; goal < UP_SDG_N_GOALS; goal++)
    cairo_rectangle (ctx->cr, x + goal * COLUMN - 2, top, 2, bottom - top);
  cairo_fill (ctx->cr);
}

static void
diamond (cairo_t *cr,
         double   cx,
         double   cy,
         double   r)
{
  cairo_move_to (cr, cx, cy - r);
  cairo_line_to (cr, cx + r, cy);
  cairo_line_to (cr, cx, cy + r);
  cairo_line_to (cr, cx - r, cy);
  cairo_close_path (cr);
}

static void
swatch_strength (UpChartContext *ctx,
                 double          x,
                 double          y,
                 double          width,
                 double          height,
                 gconstpointer   data)
{
  for (int s = 1; s <= 3; s++)
    {
      UpRgba colour, blended, text;
      double alpha = strength_alpha (s);
      char digit[4];
      double cw = width / 3;

      _up_chart_parse_colour (up_sdg_get_goal (14)->colour, &colour);
      blended = (UpRgba) { alpha * colour.r + (1 - alpha) * ctx->bg.r,
                           alpha * colour.g + (1 - alpha) * ctx->bg.g,
                           alpha * colour.b + (1 - alpha) * ctx->bg.b, 1.0 };
      _up_chart_set_colour (ctx->cr, &blended);
      cairo_rectangle (ctx->cr, x + (s - 1) * cw, y - 1, cw - 0.5, height + 2);
      cairo_fill (ctx->cr);
      _up_chart_contrast_colour (&blended, &text);
      g_snprintf (digit, sizeof digit, "%d", s);
      _up_chart_text (ctx, digit, x + (s - 0.5) * cw, y + height / 2, 0, 7.5,
                      UP_TEXT_BOLD | UP_TEXT_CENTRE | UP_TEXT_MIDDLE, 0, &text);
    }
}

static void
swatch_corner (UpChartContext *ctx,
               double          x,
               double          y,
               double          width,
               double          height,
               gconstpointer   data)
{
  _up_chart_set_goal_colour (ctx->cr, 14, 0.62);
  cairo_rectangle (ctx->cr, x + width - height - 2, y - 1, height + 2, height + 2);
  cairo_fill (ctx->cr);
  _up_chart_set_colour (ctx->cr, &ctx->negative);
  cairo_move_to (ctx->cr, x + width - 8, y - 1);
  cairo_line_to (ctx->cr, x + width, y - 1);
  cairo_line_to (ctx->cr, x + width, y + 7);
  cairo_close_path (ctx->cr);
  cairo_fill (ctx->cr);
}

static void
swatch_empty (UpChartContext *ctx,
              double          x,
              double          y,
              double          width,
              double          height,
              gconstpointer   data)
{
  UpRgba empty = ctx->line;

  empty.a = 0.35;
  _up_chart_set_colour (ctx->cr, &empty);
  cairo_rectangle (ctx->cr, x + width - height - 2, y - 1, height + 2, height + 2);
  cairo_fill (ctx->cr);
}

static void
swatch_milestone (UpChartContext *ctx,
                  double          x,
                  double          y,
                  double          width,
                  double          height,
                  gconstpointer   data)
{
  _up_chart_set_colour (ctx->cr, &ctx->fg);
  diamond (ctx->cr, x + width - height / 2 - 1, y + height / 2, height / 2);
  cairo_fill (ctx->cr);
}

static guint
matrix_legend (UpChartContext *ctx,
               UpLegendItem   *items)
{
  items[0] = (UpLegendItem) { swatch_strength, NULL,
    up_lang_gettext (ctx->lang, N_("1–3: how strongly the stage serves the goal (its strongest link; 3 is strongest)")) };
  items[1] = (UpLegendItem) { swatch_corner, NULL,
    up_lang_gettext (ctx->lang, N_("Triangle in the corner: the stage has a negative impact on the goal")) };
  items[2] = (UpLegendItem) { swatch_empty, NULL,
    up_lang_gettext (ctx->lang, N_("Empty cell: the stage is not linked to the goal")) };
  items[3] = (UpLegendItem) { swatch_milestone, NULL,
    up_lang_gettext (ctx->lang, N_("Diamond: a milestone, such as a decision")) };
  return 4;
}

static void
matrix_frame (UpChartContext *ctx,
              double          width,
              double          height,
              UpLegendItem   *legend,
              guint          *n_legend,
              UpChartFrame   *frame)
{
  guint n_stages = g_list_model_get_n_items (up_project_get_stages (ctx->project));

  *n_legend = matrix_legend (ctx, legend);
  _up_chart_frame_compute (ctx, UP_CHART_MATRIX, legend, *n_legend,
                           LABEL_WIDTH + 10 + UP_SDG_N_GOALS * COLUMN,
                           HEADER_HEIGHT + MAX (n_stages, 1) * ROW, width, height, frame);
}

void
_up_chart_matrix_size (UpChartContext *ctx,
                       double         *width,
                       double         *height)
{
  UpLegendItem legend[4];
  guint n_legend;
  UpChartFrame frame;

  matrix_frame (ctx, 0, 0, legend, &n_legend, &frame);
  *width = frame.natural_width;
  *height = frame.natural_height;
}

void
_up_chart_matrix_draw (UpChartContext *ctx,
                       double          width,
                       double          height)
{
  cairo_t *cr = ctx->cr;
  GListModel *stages = up_project_get_stages (ctx->project);
  guint n_stages = g_list_model_get_n_items (stages);
  UpLegendItem legend[4];
  guint n_legend;
  UpChartFrame frame;
  double grid_x, y;

  matrix_frame (ctx, width, height, legend, &n_legend, &frame);
  _up_chart_frame_draw (ctx, UP_CHART_MATRIX, &frame, legend, n_legend, width, height);
  grid_x = frame.body_x + LABEL_WIDTH + 10;

  for (guint goal = 1; goal <= UP_SDG_N_GOALS; goal++)
    _up_chart_goal_chip (ctx, goal, grid_x + (goal - 1) * COLUMN, frame.body_y,
                         COLUMN - 2, 20, 9.5, FALSE);

  y = frame.body_y + HEADER_HEIGHT;
  if (n_stages == 0)
    _up_chart_text (ctx, up_lang_gettext (ctx->lang, N_("No stages yet")), frame.body_x,
                    y + ROW / 2, LABEL_WIDTH, TEXT_SIZE, UP_TEXT_DIM | UP_TEXT_MIDDLE | UP_TEXT_MUST_FIT, 1, NULL);

  for (guint i = 0; i < n_stages; i++, y += ROW)
    {
      g_autoptr(UpStage) stage = g_list_model_get_item (stages, i);
      g_autofree char *title = _up_chart_clean_text (up_stage_get_title (stage), 300);
      g_autofree char *date = _up_chart_format_date (ctx, up_stage_get_start_date (stage));
      int strengths[UP_SDG_N_GOALS + 1];
      guint32 negative = stage_goal_strengths (ctx, stage, strengths);
      double title_x = frame.body_x;

      if (i % 2 == 1)
        {
          UpRgba stripe = ctx->line;

          stripe.a = 0.18;
          _up_chart_set_colour (cr, &stripe);
          cairo_rectangle (cr, frame.body_x - 4, y, LABEL_WIDTH + 14 + UP_SDG_N_GOALS * COLUMN, ROW);
          cairo_fill (cr);
        }

      if (up_stage_get_is_milestone (stage))
        {
          _up_chart_set_colour (cr, &ctx->fg);
          diamond (cr, title_x + 5, y + ROW / 2, 5);
          cairo_fill (cr);
          title_x += 14;
        }

      _up_chart_text (ctx, title, title_x, y + ROW / 2, TITLE_WIDTH - (title_x - frame.body_x),
                      TEXT_SIZE, UP_TEXT_MIDDLE, 1, NULL);
      _up_chart_text (ctx, date, frame.body_x + TITLE_WIDTH + 6, y + ROW / 2,
                      DATE_WIDTH, 8, UP_TEXT_MIDDLE | UP_TEXT_RIGHT | UP_TEXT_DIM | UP_TEXT_MUST_FIT, 1, NULL);

      draw_empty_band (ctx, grid_x, y + 1);
      for (guint goal = 1; goal <= UP_SDG_N_GOALS; goal++)
        draw_cell (ctx, goal, strengths[goal],
                   (negative & (1u << goal)) != 0,
                   grid_x + (goal - 1) * COLUMN, y + 1);
    }

  if (n_stages > 0)
    cut_column_gaps (ctx, grid_x, frame.body_y + HEADER_HEIGHT + 1, y - 1);
}
