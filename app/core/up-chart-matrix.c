/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "up-chart"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <math.h>

#include "up-chart-private.h"

/* Stages and goals: one row per stage in the timeline's order, one column
 * per goal, each cell shaded by the strength of the stage's strongest link
 * that serves the goal (a positive impact) and showing it as a digit; a
 * dark corner marks a negative impact besides. A cell whose links only
 * harm the goal is striped, one whose impact is not known shows "?": a
 * harm never looks like a contribution. The chart grows with the number
 * of stages. */

#define TITLE_WIDTH 215.0
#define DATE_WIDTH 70.0
#define LABEL_WIDTH (TITLE_WIDTH + 6 + DATE_WIDTH)
#define HEADER_HEIGHT 28.0
#define ROW 22.0
/* A plan that fits one page of A4 only so (the demo's 15 stages): rows
 * as low as the timeline's, their titles' two lines of 8 pt closer, and
 * the chips over the columns nearer the first. */
#define COMPACT_HEADER_HEIGHT 24.0
#define COMPACT_ROW 18.0
#define COLUMN 26.0
#define TEXT_SIZE 9.5
/* The smallest text a page may print: the dates, the digits of the
 * legend. */
#define SMALL_SIZE 8.0

/* The height of a row, see matrix_spec_of(). */
static double
row_height (UpChartContext *ctx)
{
  return ctx->matrix_layout == 2 ? COMPACT_ROW : ROW;
}

static double
strength_alpha (int strength)
{
  return strength >= 3 ? 1.0 : strength == 2 ? 0.62 : 0.32;
}

/* A stage's row: the strongest strength (0..3) of its links that serve
 * each goal, bit g of @negative set when it has a negative impact on goal
 * g, and of @linked when it has any link to it. */
typedef struct
{
  guint8  strengths[UP_SDG_N_GOALS + 1];
  guint32 negative;
  guint32 linked;
  gboolean decision;   /* a milestone or an award: a diamond by its title */
} Row;

/* The rows of all stages from one pass over the project's links, by the
 * same rule as up_coverage_stage_goal_strength(), without a query per
 * stage. */
static Row *
collect_rows (UpChartContext *ctx,
              GListModel     *stages,
              guint           n_stages)
{
  GListModel *links = up_project_get_sdg_links (ctx->project);
  guint n_links = g_list_model_get_n_items (links);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autofree gint64 *ids = g_new (gint64, MAX (n_stages, 1));
  Row *rows = g_new0 (Row, MAX (n_stages, 1));

  for (guint i = 0; i < n_stages; i++)
    {
      g_autoptr(UpStage) stage = g_list_model_get_item (stages, i);

      ids[i] = up_record_get_id (UP_RECORD (stage));
      rows[i].decision = up_stage_get_is_decision (stage);
      g_hash_table_insert (by_id, &ids[i], &rows[i]);
    }

  for (guint i = 0; i < n_links; i++)
    {
      g_autoptr(UpSdgLink) link = g_list_model_get_item (links, i);
      gint64 stage_id = up_sdg_link_get_stage_id (link);
      const char *impact = up_sdg_link_get_impact (link);
      guint goal = up_sdg_goal_of_target (up_sdg_link_get_target (link));
      Row *row = stage_id != 0 ? g_hash_table_lookup (by_id, &stage_id) : NULL;

      if (row == NULL || goal == 0)
        continue;
      row->linked |= 1u << goal;
      if (up_sdg_impact_serves (impact))
        row->strengths[goal] = MAX (row->strengths[goal], CLAMP (up_sdg_link_get_strength (link), 1, 3));
      if (up_sdg_impact_harms (impact))
        row->negative |= 1u << goal;
    }

  return rows;
}

static void
cell_colour (UpChartContext *ctx,
             guint           goal,
             int             strength,
             UpRgba         *blended)
{
  UpRgba colour;
  double alpha = strength_alpha (strength);

  _up_chart_parse_colour (up_sdg_get_goal (goal)->colour, &colour);
  *blended = (UpRgba) { alpha * colour.r + (1 - alpha) * ctx->bg.r,
                        alpha * colour.g + (1 - alpha) * ctx->bg.g,
                        alpha * colour.b + (1 - alpha) * ctx->bg.b, 1.0 };
}

/* The grid is drawn in layers over all rows, nothing within a layer
 * overlapping: stripes, empty bands, linked cells by colour, column gaps,
 * digits, negative corners. Drawn a cell at a time, the colour changed
 * for every cell and each digit was a text operation of its own, which
 * SVG writes as a group and PDF as a text object: some 5,000 of each at
 * 1,000 stages. A rectangle stays a fill of its own all the same: PDF
 * viewers (Poppler, Acrobat) snap a fill of one rectangle to whole
 * pixels, and would draw a path of many rectangles softer.
 * In SVG, though, all rectangles of a colour are one path: SVG viewers
 * snap nothing, and each path costs a style of its own in the file. The
 * boxes of such a path are all as tall, so it is drawn as strokes that
 * wide along their middles: two points a box instead of four, the
 * numbers of which Cairo's writer formats one by one. */
static gboolean
one_path_per_colour (UpChartContext *ctx)
{
  return cairo_surface_get_type (cairo_get_target (ctx->cr)) == CAIRO_SURFACE_TYPE_SVG;
}

/* A box in the current colour, @height tall (as all the boxes of a path):
 * added to the path that end_boxes() strokes (@one_path), or filled on
 * its own. */
static void
add_box (UpChartContext *ctx,
         gboolean        one_path,
         double          x,
         double          y,
         double          width,
         double          height)
{
  if (!one_path)
    {
      cairo_rectangle (ctx->cr, x, y, width, height);
      cairo_fill (ctx->cr);
      return;
    }
  cairo_move_to (ctx->cr, x, y + height / 2);
  cairo_rel_line_to (ctx->cr, width, 0);
}

/* Draws the boxes add_box() added to the path, @height tall. */
static void
end_boxes (UpChartContext *ctx,
           gboolean        one_path,
           double          height)
{
  if (!one_path)
    return;
  cairo_save (ctx->cr);
  cairo_set_line_width (ctx->cr, height);
  cairo_set_line_cap (ctx->cr, CAIRO_LINE_CAP_BUTT);
  cairo_stroke (ctx->cr);
  cairo_restore (ctx->cr);
}

/* Boxes of the page's lines colour at @alpha, one in every @step rows
 * from row @first: the stripes behind every second row (label column
 * included), and the empty cells of each row as one band under the row's
 * cells, with the gaps between the columns cut for all rows at once
 * (cut_column_gaps()); seventeen rectangles a row made a large matrix's
 * SVG and PDF mostly numbers. */
static void
fill_row_boxes (UpChartContext *ctx,
                double          alpha,
                guint           first,
                guint           step,
                guint           n_stages,
                double          x,
                double          top,
                double          width,
                double          inset)
{
  UpRgba colour = ctx->line;
  gboolean one_path = one_path_per_colour (ctx);
  const double row = row_height (ctx);

  colour.a = alpha;
  _up_chart_set_colour (ctx->cr, &colour);
  for (guint i = first; i < n_stages; i += step)
    add_box (ctx, one_path, x, top + i * row + inset, width, row - 2 * inset);
  end_boxes (ctx, one_path, row - 2 * inset);
}

/* The linked cells, a colour at a time. */
static void
draw_cells (UpChartContext *ctx,
            const Row      *rows,
            guint           n_stages,
            double          x,
            double          top)
{
  gboolean one_path = one_path_per_colour (ctx);
  const double row = row_height (ctx);

  for (guint goal = 1; goal <= UP_SDG_N_GOALS; goal++)
    for (int strength = 1; strength <= 3; strength++)
      {
        UpRgba colour;

        cell_colour (ctx, goal, strength, &colour);
        _up_chart_set_colour (ctx->cr, &colour);
        for (guint i = 0; i < n_stages; i++)
          if (rows[i].strengths[goal] == strength)
            add_box (ctx, one_path, x + (goal - 1) * COLUMN, top + i * row + 1, COLUMN - 2, row - 2);
        end_boxes (ctx, one_path, row - 2);
      }
}

/* The digits of the cells; in a file, one text operation per colour of
 * text (dark on light cells, white on dark ones). Cairo draws many glyphs
 * into an image through one mask as large as their extents (the whole
 * grid), so on screen and in PNG a digit at a time is faster. */
static void
draw_digits (UpChartContext *ctx,
             const Row      *rows,
             guint           n_stages,
             double          x,
             double          top)
{
  const UpTextFlags flags = UP_TEXT_BOLD | UP_TEXT_CENTRE | UP_TEXT_MIDDLE;
  const double row = row_height (ctx);
  const double w = COLUMN - 2, h = row - 2;
  UpGlyphBatch batches[2];
  guint n_batches = 0;

  for (guint i = 0; i < n_stages; i++)
    for (guint goal = 1; goal <= UP_SDG_N_GOALS; goal++)
      {
        int strength = rows[i].strengths[goal];
        gboolean negative = (rows[i].negative & (1u << goal)) != 0;
        double cx = x + (goal - 1) * COLUMN + w / 2 - (negative ? 2 : 0);
        double cy = top + i * row + 1 + h / 2;
        char digit[2] = { (char) ('0' + strength), '\0' };
        UpRgba colour, text;
        guint b = 0;

        /* linked with an impact not known: a question, on the empty band */
        if (strength == 0 && !negative && (rows[i].linked & (1u << goal)) != 0)
          {
            _up_chart_text (ctx, "?", cx, cy, 0, TEXT_SIZE, flags | UP_TEXT_DIM, 0, NULL);
            continue;
          }
        if (strength == 0)
          continue;
        cell_colour (ctx, goal, strength, &colour);
        _up_chart_contrast_colour (&colour, &text);
        while (b < n_batches && memcmp (&text, &batches[b].colour, sizeof text) != 0)
          b++;
        if (b == n_batches && ctx->in_file && n_batches < G_N_ELEMENTS (batches))
          _up_chart_glyph_batch_init (&batches[n_batches++], &text);
        if (b == n_batches || !_up_chart_glyph_batch_add (ctx, &batches[b], digit, cx, cy, TEXT_SIZE, flags))
          _up_chart_text (ctx, digit, cx, cy, 0, TEXT_SIZE, flags, 0, &text);
      }

  for (guint b = 0; b < n_batches; b++)
    _up_chart_glyph_batch_show (ctx, &batches[b]);
}

/* A dark corner for a negative impact, all in one path, and its light
 * edge, all in another. */
static void
draw_negative_corners (UpChartContext *ctx,
                       const Row      *rows,
                       guint           n_stages,
                       double          x,
                       double          top)
{
  cairo_t *cr = ctx->cr;
  const double w = COLUMN - 2, row = row_height (ctx);
  gboolean any = FALSE;

  for (int pass = 0; pass < 2; pass++)
    {
      for (guint i = 0; i < n_stages; i++)
        for (guint goal = 1; goal <= UP_SDG_N_GOALS; goal++)
          {
            double cx = x + (goal - 1) * COLUMN, cy = top + i * row + 1;

            if ((rows[i].negative & (1u << goal)) == 0 || rows[i].strengths[goal] == 0)
              continue;
            any = TRUE;
            cairo_move_to (cr, cx + w - 10, cy);
            if (pass == 0)
              {
                cairo_line_to (cr, cx + w, cy);
                cairo_line_to (cr, cx + w, cy + 10);
                cairo_close_path (cr);
              }
            else
              cairo_line_to (cr, cx + w, cy + 10);
          }
      if (!any)
        return;
      if (pass == 0)
        {
          _up_chart_set_colour (cr, &ctx->negative);
          cairo_fill (cr);
        }
      else
        {
          /* The triangle needs an edge on a dark page, where it is light. */
          _up_chart_set_colour (cr, &ctx->bg);
          cairo_set_line_width (cr, 0.8);
          cairo_stroke (cr);
        }
    }
}

/* The cells whose links only harm their goal, striped as negative impact
 * is in every chart. In a file, one clip of all of them and one hatch; on
 * an image, a clip and hatch each: drawn through a clip of many cells, a
 * band of a tall PNG (a clip of fewer) came out a shade apart from the
 * chart drawn whole. */
static void
draw_harm_cells (UpChartContext *ctx,
                 const Row      *rows,
                 guint           n_stages,
                 double          x,
                 double          top)
{
  cairo_t *cr = ctx->cr;
  gboolean each = cairo_surface_get_type (cairo_get_target (cr)) == CAIRO_SURFACE_TYPE_IMAGE;
  gboolean any = FALSE;
  const double row = row_height (ctx);

  cairo_save (cr);
  cairo_new_path (cr);
  for (guint i = 0; i < n_stages; i++)
    for (guint goal = 1; goal <= UP_SDG_N_GOALS; goal++)
      if ((rows[i].negative & (1u << goal)) != 0 && rows[i].strengths[goal] == 0)
        {
          if (each)
            cairo_save (cr);
          cairo_rectangle (cr, x + (goal - 1) * COLUMN, top + i * row + 1, COLUMN - 2, row - 2);
          any = TRUE;
          if (each)
            {
              cairo_clip (cr);
              _up_chart_hatch (ctx, 4);
              cairo_restore (cr);
            }
        }
  if (any && !each)
    {
      cairo_clip (cr);
      _up_chart_hatch (ctx, 4);
    }
  cairo_new_path (cr);
  cairo_restore (cr);
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
swatch_strength (UpChartContext *ctx,
                 double          x,
                 double          y,
                 double          width,
                 double          height,
                 gconstpointer   data)
{
  for (int s = 1; s <= 3; s++)
    {
      UpRgba blended, text;
      char digit[4];
      double cw = width / 3;

      cell_colour (ctx, 14, s, &blended);
      _up_chart_set_colour (ctx->cr, &blended);
      cairo_rectangle (ctx->cr, x + (s - 1) * cw, y - 1, cw - 0.5, height + 2);
      cairo_fill (ctx->cr);
      _up_chart_contrast_colour (&blended, &text);
      g_snprintf (digit, sizeof digit, "%d", s);
      _up_chart_text (ctx, digit, x + (s - 0.5) * cw, y + height / 2, 0, SMALL_SIZE,
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

/* The empty cell with the "?" of an impact not known. */
static void
swatch_unknown (UpChartContext *ctx,
                double          x,
                double          y,
                double          width,
                double          height,
                gconstpointer   data)
{
  swatch_empty (ctx, x, y, width, height, data);
  _up_chart_text (ctx, "?", x + width - height / 2 - 1, y + height / 2, 0, SMALL_SIZE,
                  UP_TEXT_BOLD | UP_TEXT_CENTRE | UP_TEXT_MIDDLE | UP_TEXT_DIM, 0, NULL);
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
  _up_chart_diamond (ctx->cr, x + width - height / 2 - 1, y + height / 2, height / 2);
  cairo_fill (ctx->cr);
}

/* The cells of every row of _up_chart_rows_stages(), read once for all pages. */
static const Row *
matrix_cells (UpChartContext *ctx)
{
  GListModel *stages = _up_chart_rows_stages (ctx);

  if (ctx->matrix_rows == NULL)
    ctx->matrix_rows = collect_rows (ctx, stages, g_list_model_get_n_items (stages));
  return ctx->matrix_rows;
}

/* The wheel and the bars count the targets linked in notes as well as
 * those linked to stages; the matrix has a row for each stage and no
 * place for a note's links. A politician comparing the two charts saw
 * other numbers with nothing to say why: the legend says how many
 * targets the matrix leaves out, linked only in notes (a note of a stage
 * too), and that the coverage chart counts them. "" when there are none,
 * or when the chart is of one local goal, which counts stages only. */
static char *
notes_line (UpChartContext *ctx)
{
  GListModel *links = up_project_get_sdg_links (ctx->project);
  g_autoptr(GHashTable) staged = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) noted = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) held = g_ptr_array_new_with_free_func (g_object_unref);
  GHashTableIter iter;
  gpointer target;
  guint n_only_noted = 0;

  if (ctx->options->local_goal != NULL)
    return g_strdup ("");

  for (guint i = 0; i < g_list_model_get_n_items (links); i++)
    {
      UpSdgLink *link = g_list_model_get_item (links, i);
      const char *name = up_sdg_link_get_target (link);

      g_ptr_array_add (held, link);
      if (up_sdg_goal_of_target (name) == 0)
        continue;
      g_hash_table_add (up_sdg_link_get_stage_id (link) != 0 ? staged : noted, (gpointer) name);
    }

  g_hash_table_iter_init (&iter, noted);
  while (g_hash_table_iter_next (&iter, &target, NULL))
    if (!g_hash_table_contains (staged, target))
      n_only_noted++;
  if (n_only_noted == 0)
    return g_strdup ("");

  /* Translators: a line of the legend of the stage × goal matrix: %1$u
   * is a number of Agenda 2030 targets, %2$s the title of the chart that
   * counts them (the wheel, "Agenda 2030 coverage"). */
  return g_strdup_printf (up_lang_gettext (ctx->lang, N_("Targets linked only in notes, not to a stage: %1$u. "
                                                         "The matrix does not show them; “%2$s” counts them.")),
                          n_only_noted, up_chart_kind_get_title (UP_CHART_WHEEL, ctx->lang));
}

/* The legend explains what the matrix draws and no other mark: a
 * striped cell, a "?" or a diamond that no row has is not in it. Of all
 * the chart's rows, on every page. */
static guint
matrix_legend (UpChartContext *ctx,
               UpLegendItem   *items)
{
  GListModel *stages = _up_chart_rows_stages (ctx);
  guint n_stages = g_list_model_get_n_items (stages);
  const Row *rows = matrix_cells (ctx);
  const guint32 every_goal = ((1u << (UP_SDG_N_GOALS + 1)) - 1) & ~1u;
  gboolean served = FALSE, corner = FALSE, harmed = FALSE, unknown = FALSE, empty = FALSE, decision = FALSE;
  guint n = 0;

  for (guint i = 0; i < n_stages; i++)
    {
      const Row *row = &rows[i];

      for (guint goal = 1; goal <= UP_SDG_N_GOALS; goal++)
        {
          gboolean negative = (row->negative & (1u << goal)) != 0;

          served |= row->strengths[goal] > 0;
          corner |= row->strengths[goal] > 0 && negative;
          harmed |= row->strengths[goal] == 0 && negative;
          unknown |= row->strengths[goal] == 0 && !negative && (row->linked & (1u << goal)) != 0;
        }
      empty |= (row->linked & every_goal) != every_goal;
      decision |= row->decision;
    }

  if (served)
    items[n++] = (UpLegendItem) { swatch_strength, NULL,
      up_lang_gettext (ctx->lang, N_("1–3: how strongly the stage serves the goal with a positive impact (3 is strongest)")) };
  if (corner)
    items[n++] = (UpLegendItem) { swatch_corner, NULL,
      up_lang_gettext (ctx->lang, N_("Triangle in the corner: the stage has a negative impact on the goal too")) };
  if (harmed)
    items[n++] = (UpLegendItem) { _up_chart_swatch_negative, NULL,
      up_lang_gettext (ctx->lang, N_("Striped cell: the stage only has a negative impact on the goal")) };
  if (unknown)
    items[n++] = (UpLegendItem) { swatch_unknown, NULL,
      up_lang_gettext (ctx->lang, N_("?: the stage is linked to the goal, with an impact not known")) };
  if (empty)
    items[n++] = (UpLegendItem) { swatch_empty, NULL,
      up_lang_gettext (ctx->lang, N_("Empty cell: the stage is not linked to the goal")) };
  if (decision)
    items[n++] = (UpLegendItem) { swatch_milestone, NULL,
      up_lang_gettext (ctx->lang, N_("Diamond: a milestone or an award decision")) };
  if (ctx->matrix_notes == NULL)
    ctx->matrix_notes = notes_line (ctx);
  if (ctx->matrix_notes[0] != '\0')
    items[n++] = (UpLegendItem) { NULL, NULL, ctx->matrix_notes };
  return n;
}

static void
goal_chips (UpChartContext *ctx,
            double          x,
            double          y)
{
  for (guint goal = 1; goal <= UP_SDG_N_GOALS; goal++)
    _up_chart_goal_chip (ctx, goal, x + (goal - 1) * COLUMN, y, COLUMN - 2, 20, 9.5, FALSE);
}

/* The goals' chips over the columns. On the pages of a document they are
 * drawn once, into a recording that each page shows: in a PDF, one
 * object that the pages refer to. Drawn on every page of the 1,000-stage
 * matrix, their rounded corners and numbers were a quarter of what Cairo
 * wrote. */
static void
draw_goal_chips (UpChartContext *ctx,
                 double          x,
                 double          y)
{
  cairo_t *page_cr = ctx->cr;

  if (ctx->n_pages <= 1 || ctx->on_image)
    {
      goal_chips (ctx, x, y);
      return;
    }

  if (ctx->matrix_chips == NULL)
    {
      cairo_rectangle_t extents = { 0, 0, UP_SDG_N_GOALS * COLUMN, 20 };

      ctx->matrix_chips = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &extents);
      ctx->cr = cairo_create (ctx->matrix_chips);
      goal_chips (ctx, 0, 0);
      cairo_destroy (ctx->cr);
      ctx->cr = page_cr;
    }
  cairo_save (page_cr);
  cairo_set_source_surface (page_cr, ctx->matrix_chips, x, y);
  cairo_paint (page_cr);
  cairo_restore (page_cr);
}

static const UpChartRowsSpec matrix_spec = {
  UP_CHART_MATRIX, ROW, HEADER_HEIGHT, LABEL_WIDTH + 10 + UP_SDG_N_GOALS * COLUMN, matrix_legend, 0,
  TITLE_WIDTH, TEXT_SIZE, 0,
};
static const UpChartRowsSpec compact_spec = {
  UP_CHART_MATRIX, COMPACT_ROW, COMPACT_HEADER_HEIGHT, LABEL_WIDTH + 10 + UP_SDG_N_GOALS * COLUMN, matrix_legend, 0,
  TITLE_WIDTH, TEXT_SIZE, UP_TEXT_TIGHT,
};

static void
set_compact (UpChartContext *ctx,
             gboolean        compact)
{
  ctx->matrix_layout = compact ? 2 : 1;
  /* the legend in two fitted columns, each item on a line, where they
   * fit so, the key in more columns where its names fit them */
  ctx->legend_fit = compact;
  ctx->legend_compact = compact;
  _up_chart_rows_forget (ctx);
}

/* The layout of the matrix: its own, or a compact one where that puts a
 * plan that its own puts on two pages of A4 onto one (rows of 18 pt, the
 * legend and the key of the goals' names in fitted columns with less
 * room between their lines). The demo's 15 stages came on two pages,
 * the second with five rows alone: a politician should get a plan of
 * the usual size on one sheet. A slide is one picture whatever its
 * height; a chart without the key (on screen) is not printed. The same
 * in a PNG as in a PDF, which show the same chart. */
static const UpChartRowsSpec *
matrix_spec_of (UpChartContext *ctx)
{
  if (ctx->matrix_layout == 0)
    {
      gboolean paper = ctx->options->decorations && ctx->options->key && !ctx->options->slide;

      set_compact (ctx, FALSE);
      if (paper && _up_chart_rows_n_pages (ctx, &matrix_spec) > 1)
        {
          set_compact (ctx, TRUE);
          if (_up_chart_rows_n_pages (ctx, &compact_spec) > 1)
            set_compact (ctx, FALSE);
        }
    }
  return ctx->matrix_layout == 2 ? &compact_spec : &matrix_spec;
}

guint
_up_chart_matrix_n_pages (UpChartContext *ctx)
{
  return _up_chart_rows_n_pages (ctx, matrix_spec_of (ctx));
}

void
_up_chart_matrix_size (UpChartContext *ctx,
                       double         *width,
                       double         *height)
{
  _up_chart_rows_size (ctx, matrix_spec_of (ctx), width, height);
}

void
_up_chart_matrix_draw (UpChartContext *ctx,
                       double          width,
                       double          height)
{
  const UpChartRowsSpec *spec = matrix_spec_of (ctx);
  const double row = spec->row;
  guint n_body_rows, first;
  g_autoptr(GListModel) stages = _up_chart_rows_page (ctx, spec, &n_body_rows, &first);
  guint n_stages = g_list_model_get_n_items (stages);
  UpLegendItem legend[UP_CHART_ROWS_MAX_LEGEND];
  guint n_legend;
  UpChartFrame frame;
  const Row *rows;
  guint shown_first, shown_last;
  double grid_x, top, body_top, body_bottom;
  UpGlyphBatch lines[3];   /* titles of two sizes, dates */
  /* wider on a slide, the columns right of it as much further right */
  double title_width = _up_chart_rows_title_width (ctx, spec);
  double label_width = LABEL_WIDTH + title_width - TITLE_WIDTH;

  _up_chart_rows_frame (ctx, spec, n_body_rows, width, height, legend, &n_legend, &frame);
  _up_chart_frame_draw (ctx, UP_CHART_MATRIX, &frame, legend, n_legend, width, height);
  /* as the spec's slide_scale has it (none: see up_export_slide_is_larger()) */
  _up_chart_frame_scale_body (ctx, &frame, _up_chart_rows_body_scale (ctx, spec));
  grid_x = frame.body_x + label_width + 10;

  if (_up_chart_in_clip (ctx, frame.body_y, frame.body_y + 20))
    {
      draw_goal_chips (ctx, grid_x, frame.body_y);
      /* Without a heading, a reader took a stage's date for its deadline. */
      /* Translators: the heading of the column of the stage and goal
       * matrix that gives the day each stage starts (a milestone's day). */
      _up_chart_text (ctx, up_lang_gettext (ctx->lang, N_("Start date")), frame.body_x + title_width + 6,
                      frame.body_y + 10, DATE_WIDTH, SMALL_SIZE,
                      UP_TEXT_MIDDLE | UP_TEXT_RIGHT | UP_TEXT_DIM | UP_TEXT_MUST_FIT, 1, NULL);
    }

  _up_chart_rows_draw_continued (ctx, &frame);

  top = frame.body_y + spec->head;
  if (n_stages == 0)
    {
      /* Limited to a goal, the project may well have stages: none serves
       * the goal. */
      const char *empty = ctx->options->local_goal == NULL || up_project_count (ctx->project, "stage") == 0
                          ? N_("No stages yet")
                          /* Translators: the matrix limited to one regional or
                           * local goal, when no stage is linked to that goal. */
                          : N_("No stage serves this goal yet");

      _up_chart_text (ctx, up_lang_gettext (ctx->lang, empty), frame.body_x,
                      top + row / 2, label_width + 10 + UP_SDG_N_GOALS * COLUMN, TEXT_SIZE, UP_TEXT_DIM | UP_TEXT_MIDDLE | UP_TEXT_MUST_FIT, 1, NULL);
      return;
    }

  rows = matrix_cells (ctx) + first;
  body_top = top;
  body_bottom = top + n_stages * row;
  _up_chart_rows_visible (ctx, top, row, n_stages, &shown_first, &shown_last);
  if (shown_first == shown_last)
    return;
  /* From here on only the rows in the clip, as if they were all. */
  /* the stripes behind every second row: the odd ones */
  fill_row_boxes (ctx, 0.18, shown_first | 1, 2, shown_last, frame.body_x - 4, top,
                  label_width + 14 + UP_SDG_N_GOALS * COLUMN, 0);
  rows += shown_first;
  top += shown_first * row;
  n_stages = shown_last - shown_first;
  fill_row_boxes (ctx, 0.35, 0, 1, n_stages, grid_x, top, UP_SDG_N_GOALS * COLUMN - 2, 1);

  /* The titles, then the dates: in a PDF, text of one font and colour
   * after another is one text object, without a font and a matrix each. */
  _up_chart_glyph_batch_init (&lines[0], &ctx->fg);
  _up_chart_glyph_batch_init (&lines[1], &ctx->fg);
  _up_chart_glyph_batch_init (&lines[2], &ctx->dim);
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < n_stages; i++)
      {
        g_autoptr(UpStage) stage = g_list_model_get_item (stages, shown_first + i);
        double y = top + i * row;

        if (pass == 1)
          {
            g_autofree char *date = _up_chart_format_date (ctx, up_stage_get_start_date (stage));
            const UpTextFlags flags = UP_TEXT_MIDDLE | UP_TEXT_RIGHT | UP_TEXT_DIM | UP_TEXT_MUST_FIT;
            double x = frame.body_x + title_width + 6;

            /* in a file, a date that holds in its column joins the others,
             * set against the column's right edge as a layout sets it */
            if (!ctx->in_file || date[0] == '\0' ||
                _up_chart_text_width (ctx, date, SMALL_SIZE, flags) > DATE_WIDTH ||
                !_up_chart_glyph_batch_add (ctx, &lines[2], date, x + DATE_WIDTH, y + row / 2, SMALL_SIZE, flags))
              _up_chart_text (ctx, date, x, y + row / 2, DATE_WIDTH, SMALL_SIZE, flags, 1, NULL);
          }
        else
          /* two lines of the dates' size fill the row's 22 pt, and
           * closer together a compact row's 18 pt, as in the timeline */
          _up_chart_stage_row_title (ctx, stage, frame.body_x, y + row / 2, title_width, TEXT_SIZE, SMALL_SIZE,
                                     ctx->matrix_layout == 2 ? UP_TEXT_TIGHT : 0, lines);
      }
  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    _up_chart_glyph_batch_show (ctx, &lines[i]);

  draw_cells (ctx, rows, n_stages, grid_x, top);
  draw_harm_cells (ctx, rows, n_stages, grid_x, top);
  cut_column_gaps (ctx, grid_x, body_top + 1, body_bottom - 1);
  draw_digits (ctx, rows, n_stages, grid_x, top);
  draw_negative_corners (ctx, rows, n_stages, grid_x, top);
}
