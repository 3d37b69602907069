/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "up-chart"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "up-chart-private.h"

/* What the charts of a row per stage share (the stage × goal matrix, the
 * timeline): the stages they show, and how a long plan goes onto pages of
 * A4 landscape in print, the first with the legend and the key, the pages
 * after it with more rows instead. */

/* A4 landscape, and what a printer prints of it, a quarter inch (GTK's
 * margin) in from each edge, in points. */
#define A4_LONG 841.89
#define A4_SHORT 595.28
#define PRINT_MARGIN 18.0

/* The rows: the project's stages, or those linked to the local goal the
 * chart is limited to, in the timeline's order; read once for all the
 * pages of a document. */
GListModel *
_up_chart_rows_stages (UpChartContext *ctx)
{
  g_autoptr(GPtrArray) linked = NULL;
  GListModel *all = up_project_get_stages (ctx->project);
  GListStore *store;

  if (ctx->row_stages != NULL)
    return ctx->row_stages;

  if (ctx->options->local_goal == NULL)
    return ctx->row_stages = g_object_ref (all);

  linked = up_project_list_local_goal_stages (ctx->project, ctx->options->local_goal);
  store = g_list_store_new (UP_TYPE_STAGE);
  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(UpStage) stage = g_list_model_get_item (all, i);

      if (g_ptr_array_find (linked, stage, NULL))
        g_list_store_append (store, stage);
    }
  return ctx->row_stages = G_LIST_MODEL (store);
}

double
_up_chart_rows_body_scale (UpChartContext        *ctx,
                           const UpChartRowsSpec *spec)
{
  return _up_chart_is_slide (ctx) && spec->slide_scale > 0 ? spec->slide_scale : 1.0;
}

/* What a frame was computed for, and the frame: the bands of a tall PNG
 * ask for the same one, its header, legend and key measured once. And
 * the rows that page 1 and a later page hold, which every page asks for. */
typedef struct
{
  guint        n_rows;
  double       width;
  double       height;
  gboolean     continued;
  guint        n_pages;
  UpChartFrame frame;
  gboolean     set;
  guint        rows_on_page[2];  /* page 1, a later page; 0: not known */
  double       title_width;      /* 0: not known */
} FrameMemo;

static FrameMemo *
frame_memo (UpChartContext *ctx)
{
  if (ctx->row_frame == NULL)
    ctx->row_frame = g_new0 (FrameMemo, 1);
  return ctx->row_frame;
}

void
_up_chart_rows_forget (UpChartContext *ctx)
{
  g_clear_pointer (&ctx->row_frame, g_free);
}

/* A title that did not hold in the column of a page's width in the rows'
 * size was drawn in the small one, and read a sixth smaller than the
 * rows above and under it. A page keeps its column: its chart keeps
 * within A4 at its own size. A slide is shown whole on a screen and
 * never printed: its column grows for the widest title, the whole
 * chart a little smaller for it on the screen (a few per cent for the
 * demo's longest title), up to a third of the body, beyond which a title
 * is drawn small as on a page rather than every row take room from the
 * plot's share of the slide. */
double
_up_chart_rows_title_width (UpChartContext        *ctx,
                            const UpChartRowsSpec *spec)
{
  FrameMemo *memo;
  GListModel *stages;
  double most, widest = spec->title_width;
  guint n;

  if (!ctx->options->slide || !ctx->options->decorations)
    return spec->title_width;
  memo = frame_memo (ctx);
  if (memo->title_width > 0)
    return memo->title_width;

  /* a third of the body as it grows: (rest + title) / 3 */
  most = (spec->body_width - spec->title_width) / 2;
  stages = _up_chart_rows_stages (ctx);
  n = g_list_model_get_n_items (stages);
  for (guint i = 0; i < n && widest < most; i++)
    {
      g_autoptr(UpStage) stage = g_list_model_get_item (stages, i);

      widest = MAX (widest, _up_chart_stage_row_title_width (ctx, stage, spec->title_size, spec->title_flags));
    }
  /* whole points: the measure is the one the title is drawn to fit */
  memo->title_width = MIN (ceil (widest), most);
  return memo->title_width;
}

/* The frame of the chart, or of a page of it: a page after the first
 * (ctx->continued) has the title and the column headings, the rows and a
 * line that sends the reader to the legend and the key on page 1, so that
 * a page holds twice the rows. */
void
_up_chart_rows_frame (UpChartContext        *ctx,
                      const UpChartRowsSpec *spec,
                      guint                  n_rows,
                      double                 width,
                      double                 height,
                      UpLegendItem          *legend,
                      guint                 *n_legend,
                      UpChartFrame          *frame)
{
  FrameMemo *memo = frame_memo (ctx);
  double scale = _up_chart_rows_body_scale (ctx, spec);
  double body_width = spec->body_width + _up_chart_rows_title_width (ctx, spec) - spec->title_width;

  *n_legend = ctx->continued ? 0 : spec->legend (ctx, legend);
  g_assert (*n_legend <= UP_CHART_ROWS_MAX_LEGEND);
  /* The page's number is drawn into the header, whose height is the same
   * for every number: one frame serves all the pages after the first.
   * Laid out again for each, the header, legend and key of a 51-page
   * timeline were 220 M instructions of its export. */
  if (memo->set && memo->n_rows == n_rows && memo->width == width && memo->height == height &&
      memo->continued == ctx->continued && memo->n_pages == ctx->n_pages)
    {
      *frame = memo->frame;
      return;
    }

  _up_chart_frame_compute (ctx, spec->kind, legend, *n_legend, body_width * scale,
                           (spec->head + MAX (n_rows, 1) * spec->row) * scale +
                           (ctx->continued ? UP_CHART_ROWS_CONTINUED : 0),
                           width, height, frame);
  memo->n_rows = n_rows;
  memo->width = width;
  memo->height = height;
  memo->continued = ctx->continued;
  memo->n_pages = ctx->n_pages;
  memo->frame = *frame;
  memo->set = TRUE;
}

/* How many rows a page holds, the first (with the legend and the key) or
 * one after it, printed on A4 landscape within a printer's margins at the
 * chart's own size or larger. */
static guint
rows_on_page (UpChartContext        *ctx,
              const UpChartRowsSpec *spec,
              gboolean               continued)
{
  FrameMemo *memo = frame_memo (ctx);
  UpLegendItem legend[UP_CHART_ROWS_MAX_LEGEND];
  guint n_legend;
  UpChartFrame frame;
  gboolean was = ctx->continued;
  double row = spec->row * _up_chart_rows_body_scale (ctx, spec);
  double room;

  /* the header's height does not depend on a page number: the same for
   * every page of its kind */
  if (memo->rows_on_page[continued ? 1 : 0] > 0)
    return memo->rows_on_page[continued ? 1 : 0];

  ctx->continued = continued;
  _up_chart_rows_frame (ctx, spec, 1, 0, 0, legend, &n_legend, &frame);
  ctx->continued = was;
  room = (A4_SHORT - 2 * PRINT_MARGIN) * MIN (1.0, (A4_LONG - 2 * PRINT_MARGIN) / frame.natural_width);
  memo->rows_on_page[continued ? 1 : 0] = (guint) MAX (floor ((room - (frame.natural_height - row)) / row), 1);
  return memo->rows_on_page[continued ? 1 : 0];
}

/* How @n_stages rows go onto pages in print: the first page as many as it
 * holds beside the legend and the key, the pages after it (without them)
 * the rest, shared out evenly among them, so that no last page holds a
 * lonely row or two. Pages as tall as A4 is to their width, printed on A4
 * upright, came down to 0.7 of their size: the dates to 5.6 pt, the
 * titles to 6.6 pt; with the legend and the key on every page, a page of
 * A4 landscape held some ten rows. Sets @n_pages and @first_rows, the rows
 * of page 1; returns the rows of the fullest page after it (0: none). */
static guint
page_rows (UpChartContext        *ctx,
           const UpChartRowsSpec *spec,
           guint                  n_stages,
           guint                 *n_pages,
           guint                 *first_rows)
{
  guint first, rest;

  /* A slide is shown whole on a screen, not printed: one picture as tall
   * as its rows, in a PDF as in a PNG. On pages of A4 a slide's larger
   * rows and column beside them came down to text of 7.5 pt. */
  if (_up_chart_is_slide (ctx))
    {
      *n_pages = 1;
      *first_rows = n_stages;
      return 0;
    }
  first = rows_on_page (ctx, spec, FALSE);
  if (n_stages <= first)
    {
      *n_pages = 1;
      *first_rows = n_stages;
      return 0;
    }
  rest = rows_on_page (ctx, spec, TRUE);
  *n_pages = 1 + (n_stages - first + rest - 1) / rest;
  *first_rows = first;
  return (n_stages - first + *n_pages - 2) / (*n_pages - 1);
}

guint
_up_chart_rows_n_pages (UpChartContext        *ctx,
                        const UpChartRowsSpec *spec)
{
  guint n_pages, first_rows;

  page_rows (ctx, spec, g_list_model_get_n_items (_up_chart_rows_stages (ctx)), &n_pages, &first_rows);
  return n_pages;
}

GListModel *
_up_chart_rows_page (UpChartContext        *ctx,
                     const UpChartRowsSpec *spec,
                     guint                 *n_body_rows,
                     guint                 *first)
{
  GListModel *stages = _up_chart_rows_stages (ctx);
  guint n_stages = g_list_model_get_n_items (stages);
  GListStore *page;
  guint n_pages, first_rows, later, last;

  *n_body_rows = n_stages;
  *first = 0;
  ctx->continued = FALSE;
  if (ctx->options->page == 0)
    return g_object_ref (stages);

  later = page_rows (ctx, spec, n_stages, &n_pages, &first_rows);
  ctx->n_pages = n_pages;
  ctx->page = MIN (ctx->options->page, n_pages);
  if (n_pages == 1)
    return g_object_ref (stages);

  ctx->continued = ctx->page > 1;
  if (ctx->continued)
    {
      guint n_later = n_stages - first_rows;

      /* pages of later or one fewer rows */
      *n_body_rows = rows_on_page (ctx, spec, TRUE);
      *first = first_rows + (guint) ((guint64) (ctx->page - 2) * n_later / (n_pages - 1));
      last = first_rows + (guint) ((guint64) (ctx->page - 1) * n_later / (n_pages - 1));
      g_assert (last - *first <= later);
    }
  else
    {
      *n_body_rows = first_rows;
      last = first_rows;
    }
  page = g_list_store_new (UP_TYPE_STAGE);
  for (guint i = *first; i < last; i++)
    {
      g_autoptr(UpStage) stage = g_list_model_get_item (stages, i);

      g_list_store_append (page, stage);
    }
  return G_LIST_MODEL (page);
}

void
_up_chart_rows_size (UpChartContext        *ctx,
                     const UpChartRowsSpec *spec,
                     double                *width,
                     double                *height)
{
  guint n_rows, first;
  g_autoptr(GListModel) rows = _up_chart_rows_page (ctx, spec, &n_rows, &first);
  UpLegendItem legend[UP_CHART_ROWS_MAX_LEGEND];
  guint n_legend;
  UpChartFrame frame;

  _up_chart_rows_frame (ctx, spec, n_rows, 0, 0, legend, &n_legend, &frame);
  *width = frame.natural_width;
  *height = frame.natural_height;
  /* The pages of a document are A4 landscape, the chart a little larger
   * on them than its own size: printed within a printer's margins it
   * keeps that size. */
  if (ctx->options->page > 0 && ctx->n_pages > 1)
    {
      *width = A4_LONG;
      *height = A4_SHORT;
    }
}

void
_up_chart_rows_visible (UpChartContext *ctx,
                        double          top,
                        double          row,
                        guint           n_rows,
                        guint          *first,
                        guint          *last)
{
  double x1, y1, x2, y2;
  double low, high;

  cairo_clip_extents (ctx->cr, &x1, &y1, &x2, &y2);
  /* a row's text and what is drawn on its edge may spill a little */
  low = floor ((y1 - top) / row) - 1;
  high = ceil ((y2 - top) / row) + 1;
  *first = (guint) CLAMP (low, 0, n_rows);
  *last = (guint) CLAMP (high, *first, n_rows);
}

void
_up_chart_rows_draw_continued (UpChartContext     *ctx,
                               const UpChartFrame *frame)
{
  double bottom = frame->body_y + frame->body_height;

  if (!ctx->continued || !_up_chart_in_clip (ctx, bottom - UP_CHART_ROWS_CONTINUED, bottom))
    return;
  /* Translators: under the rows of the stage and goal matrix (and of the
   * timeline) on its second and later pages, which leave out the legend
   * and the goals' names. */
  _up_chart_text (ctx, up_lang_gettext (ctx->lang, N_("The legend and the names of the goals are on page 1.")),
                  frame->body_x, bottom - UP_CHART_ROWS_CONTINUED / 2 + 2,
                  frame->body_width, 8.0, UP_TEXT_DIM | UP_TEXT_MIDDLE | UP_TEXT_MUST_FIT, 1, NULL);
}
