/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "up-chart"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "up-chart-private.h"
#include "up-timescale.h"

/* The one-page report for politicians, A4 landscape: the project and the
 * date on top; the wheel and the legend on the left; the timeline in brief,
 * the key decisions and the local goals with their targets on the right.
 * Every section has a fixed box: what does not fit ends with a line saying
 * how much is not shown, so nothing overlaps and nothing leaves the page. */

#define PAGE_WIDTH 841.89
#define PAGE_HEIGHT 595.28
#define M 30.0
#define HEADER_BOTTOM 84.0
#define LEFT_WIDTH 290.0
#define RIGHT_X (M + LEFT_WIDTH + 22)
#define RIGHT_WIDTH (PAGE_WIDTH - M - RIGHT_X)
#define BOTTOM (PAGE_HEIGHT - M)
#define SECTION_SIZE 10.5
#define SMALL 8.0
#define BODY 8.5
/* The lines a goal's name in the key may take */
#define GOAL_KEY_LINES 2
#define TIMELINE_BOTTOM 342.0
#define TIMELINE_LABELS 150.0
#define TIMELINE_ROW 12.5

static const UpRgba stage_blue = { 0.21, 0.52, 0.89, 1.0 };
/* A stage outside the local goal a report is limited to: 3.4:1 on white. */
static const UpRgba stage_grey = { 0.55, 0.55, 0.55, 1.0 };

static double
section_title (UpChartContext *ctx,
               const char     *title,
               double          x,
               double          y,
               double          width)
{
  /* A long translation shrinks a little, then wraps, rather than be cut. */
  double size = SECTION_SIZE;
  double natural = _up_chart_text_width (ctx, title, size, UP_TEXT_BOLD);
  double h;

  if (natural > width)
    size = MAX (size * width / natural * 0.99, 9.0);
  h = _up_chart_text (ctx, title, x, y, width, size, UP_TEXT_BOLD | UP_TEXT_MUST_FIT, 2, NULL);

  _up_chart_set_colour (ctx->cr, &ctx->line);
  cairo_set_line_width (ctx->cr, 0.75);
  cairo_move_to (ctx->cr, x, y + h + 2.5);
  cairo_line_to (ctx->cr, x + width, y + h + 2.5);
  cairo_stroke (ctx->cr);

  return h + 6;
}

/* "Stages not shown: 12" and its kind, in the chart's language. */
static void
not_shown (UpChartContext *ctx,
           const char     *format,
           guint           n,
           double          x,
           double          y,
           double          width)
{
  g_autofree char *text = g_strdup_printf (up_lang_gettext (ctx->lang, format), n);

  _up_chart_text (ctx, text, x, y, width, SMALL, UP_TEXT_DIM | UP_TEXT_BOLD | UP_TEXT_MUST_FIT, 1, NULL);
}

/* Draws the header and returns where the sections below it begin:
 * HEADER_BOTTOM, or lower when a long title takes a second line. */
static double
draw_header (UpChartContext *ctx)
{
  g_autofree char *title = up_chart_get_project_name (ctx->project, ctx->options, 300);
  g_autofree char *detail = _up_chart_header_detail (ctx);
  g_autofree char *date = NULL;
  const char *iso = ctx->options->date;
  g_autofree char *today = NULL;
  const char *report = up_chart_kind_get_title (UP_CHART_REPORT, ctx->lang);
  double right = 230;
  double title_width = PAGE_WIDTH - 2 * M - right - 20;
  double y = M;
  double rule;

  if (iso == NULL || !up_date_is_valid (iso))
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      today = g_date_time_format (now, "%Y-%m-%d");
      iso = today;
    }
  date = up_lang_format_date (ctx->lang, iso, UP_DATE_STYLE_LONG);

  _up_chart_text (ctx, report, PAGE_WIDTH - M - right, y + 2, right, 12,
                  UP_TEXT_BOLD | UP_TEXT_RIGHT | UP_TEXT_MUST_FIT, 1, NULL);
  _up_chart_text (ctx, date, PAGE_WIDTH - M - right, y + 20, right, 10,
                  UP_TEXT_RIGHT | UP_TEXT_DIM | UP_TEXT_MUST_FIT, 1, NULL);

  /* A long title wraps to a second line before it is cut. */
  y += _up_chart_text (ctx, title, M, y, title_width, 18, UP_TEXT_BOLD, 2, NULL);

  y += 2 + _up_chart_text (ctx, detail, M, y + 2, title_width, 10.5, UP_TEXT_DIM, 1, NULL);

  rule = MAX (HEADER_BOTTOM - 6, y + 5);
  _up_chart_set_colour (ctx->cr, &ctx->fg);
  cairo_set_line_width (ctx->cr, 1.2);
  cairo_move_to (ctx->cr, M, rule);
  cairo_line_to (ctx->cr, PAGE_WIDTH - M, rule);
  cairo_stroke (ctx->cr);

  return rule + 6;
}

/* A stage's bar in the legend: blue, or in the colour @data points to
 * (the grey of a stage outside the goal a report is limited to). */
static void
swatch_stage (UpChartContext *ctx,
              double          x,
              double          y,
              double          width,
              double          height,
              gconstpointer   data)
{
  _up_chart_set_colour (ctx->cr, data != NULL ? data : &stage_blue);
  _up_chart_rounded_rect (ctx->cr, x, y + 2, width, height - 4, 2);
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
  _up_chart_diamond (ctx->cr, x + width / 2, y + height / 2, height / 2);
  cairo_fill (ctx->cr);
}

/* A place on the axis where a line is drawn and a label may begin: the
 * first of @month (1–12; 0 where only the year is labelled) in @year. */
typedef struct
{
  double x;
  guint  year;
  guint  month;
} AxisTick;

static double
month_x (int     day0,
         double  axis_x,
         double  per_day,
         guint   year,
         guint   month)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, month, year);
  return axis_x + (up_day_from_date (&date) - day0) * per_day;
}

/* The axis over the months from @day0 (the first of a month) to @day1
 * (the first of the month after the last): month labels every 1, 3 or 6
 * months where such a label gets 34 points, the year above each January;
 * on a longer span the years alone, every 1, 2, 5, 10, 20, ... years, as
 * far apart as the widest year needs. A label is drawn only where it has
 * room up to the next one (so the year of a plan's first partial year may
 * be left out), and lines only where a label may be, so that a plan of
 * many years is not a grey block. */
static void
draw_axis (UpChartContext *ctx,
           double          axis_x,
           double          axis_width,
           double          y,
           double          bottom,
           int             day0,
           int             day1)
{
  cairo_t *cr = ctx->cr;
  double per_day = axis_width / MAX (day1 - day0, 1);
  double axis_end = axis_x + axis_width;
  g_autoptr(GArray) ticks = g_array_new (FALSE, FALSE, sizeof (AxisTick));
  GDate first, last;
  guint months, month_step = 0, year_step = 1;
  double per_month, year_width;
  char year[16];
  UpRgba faint = ctx->line;

  up_day_to_date (day0, &first);
  up_day_to_date (day1, &last);
  months = (g_date_get_year (&last) - g_date_get_year (&first)) * 12
           + g_date_get_month (&last) - g_date_get_month (&first);
  per_month = axis_width / MAX (months, 1);
  g_snprintf (year, sizeof year, "%u", (guint) g_date_get_year (&last));
  /* The last year has the most digits; a gap of 6 points between two. */
  year_width = _up_chart_text_width (ctx, year, SMALL, UP_TEXT_BOLD) + 6;

  if (per_month * 6 >= 34)
    month_step = per_month >= 34 ? 1 : per_month * 3 >= 34 ? 3 : 6;
  else
    while (year_step < 10000 && per_month * 12 * year_step < year_width)
      year_step = _up_chart_next_year_step (year_step);

  if (month_step > 0)
    {
      GDate m = first;

      for (guint i = 0; i < months; i++, g_date_add_months (&m, 1))
        {
          AxisTick tick = { 0, g_date_get_year (&m), g_date_get_month (&m) };

          if ((tick.month - 1) % month_step != 0 && i > 0)
            continue;
          tick.x = month_x (day0, axis_x, per_day, tick.year, tick.month);
          g_array_append_val (ticks, tick);
        }
    }
  else
    {
      AxisTick tick = { axis_x, g_date_get_year (&first), 0 };

      /* The year the plan begins in, then each labelled year's January
       * before the end. */
      g_array_append_val (ticks, tick);
      for (tick.year = (tick.year / year_step + 1) * year_step;
           tick.year < g_date_get_year (&last) ||
           (tick.year == g_date_get_year (&last) && g_date_get_month (&last) > 1);
           tick.year += year_step)
        {
          tick.x = month_x (day0, axis_x, per_day, tick.year, 1);
          g_array_append_val (ticks, tick);
        }
    }

  faint.a = 0.6;
  for (guint i = 0; i < ticks->len; i++)
    {
      const AxisTick *tick = &g_array_index (ticks, AxisTick, i);
      double next = i + 1 < ticks->len ? g_array_index (ticks, AxisTick, i + 1).x : axis_end;

      _up_chart_set_colour (cr, &faint);
      cairo_set_line_width (cr, 0.5);
      cairo_move_to (cr, tick->x, y + 10);
      cairo_line_to (cr, tick->x, bottom);
      cairo_stroke (cr);

      if (tick->month > 0 && next - tick->x >= 16)
        _up_chart_text (ctx, up_lang_axis_month (ctx->lang, tick->month),
                        tick->x + 1.5, y + 10, next - tick->x - 2, SMALL, UP_TEXT_DIM, 1, NULL);

      if (tick->month <= 1 || i == 0)
        {
          /* The next year label: the next tick, or next January's. */
          double room = MIN (tick->month > 0 ? month_x (day0, axis_x, per_day, tick->year + 1, 1) : next,
                             axis_end) - tick->x;

          g_snprintf (year, sizeof year, "%u", tick->year);
          if (room >= year_width)
            _up_chart_text (ctx, year, tick->x + 1.5, y, 0, SMALL, UP_TEXT_BOLD, 0, NULL);
        }
    }
}

/* Whether @stage is among @serving (NULL: every stage serves). */
static gboolean
stage_serves (GPtrArray *serving,
              UpStage   *stage)
{
  gint64 id = up_record_get_id (UP_RECORD (stage));

  if (serving == NULL)
    return TRUE;
  for (guint i = 0; i < serving->len; i++)
    if (up_record_get_id (UP_RECORD (g_ptr_array_index (serving, i))) == id)
      return TRUE;
  return FALSE;
}

/* What the page draws of the stages, for its legend to explain that
 * and no more: a bar of a stage that is no decision in the timeline; a
 * grey one (or diamond) of a stage outside the goal a report is limited
 * to; a diamond of a decision, in the timeline or before a key decision.
 * Of the rows and the decisions the page shows: with more stages than
 * rows, the legend named a bar beside rows of milestones only, and a grey
 * stage that was among those not shown. */
typedef struct
{
  gboolean bar;
  gboolean grey;
  gboolean diamond;
  guint    progress;  /* bars in progress and done: UP_CHART_SHOWS_BAR */
  guint    done;
  gboolean today;     /* the red line of the report's date */
} StagesDrawn;

/* Returns where the timeline ends: its rows, not the whole box, so that a
 * plan of few stages leaves the sections below the room it does not use.
 * Adds what its rows draw to @drawn. */
static double
draw_timeline (UpChartContext *ctx,
               double          x,
               double          y,
               double          width,
               double          bottom,
               StagesDrawn    *drawn)
{
  cairo_t *cr = ctx->cr;
  GListModel *stages = up_project_get_stages (ctx->project);
  guint n_stages = g_list_model_get_n_items (stages);
  g_autoptr(GPtrArray) dated = g_ptr_array_new_with_free_func (g_object_unref);
  double axis_x = x + TIMELINE_LABELS + 6;
  double axis_width = width - TIMELINE_LABELS - 6;
  int day0 = G_MAXINT, day1 = 0;
  double per_day;
  guint n_rows, n_shown, n_used;
  g_autofree guint *spans = NULL;
  double ry;
  GDate month;
  /* A report of one local goal counts the links of that goal's stages:
   * the others are drawn in grey. */
  g_autoptr(GPtrArray) serving = ctx->options->local_goal != NULL
                                 ? up_project_list_local_goal_stages (ctx->project, ctx->options->local_goal)
                                 : NULL;

  if (n_stages == 0)
    {
      return y + _up_chart_text (ctx, up_lang_gettext (ctx->lang, N_("No stages yet")), x, y, width, BODY,
                                 UP_TEXT_DIM | UP_TEXT_MUST_FIT, 1, NULL);
    }

  /* Only the stages whose dates are dates: a file may hold anything there
   * ('zzz' would be the last date in the store's string order). The others
   * count as not shown. */
  for (guint i = 0; i < n_stages; i++)
    {
      UpStage *stage = g_list_model_get_item (stages, i);

      if (up_day_from_iso (up_stage_get_start_date (stage)) <= 0 ||
          up_day_from_iso (up_stage_get_end_date (stage)) <= 0)
        {
          g_object_unref (stage);
          continue;
        }
      g_ptr_array_add (dated, stage);
    }

  /* A title too long for the labels' column takes two rows, in two
   * lines: cut short, "Upphandlingsdokumentsgransk…" could not be told
   * from the stage after it, and the page had it nowhere in full. Only
   * as many titles are measured as rows can show. */
  n_rows = (guint) MAX (floor ((bottom - y - 24) / TIMELINE_ROW), 1);
  spans = g_new0 (guint, MAX (dated->len, 1));
  for (n_shown = 0, n_used = 0; n_shown < dated->len && n_used <= n_rows; n_shown++)
    {
      UpStage *stage = g_ptr_array_index (dated, n_shown);
      g_autofree char *title = _up_chart_clean_text (up_stage_get_title (stage), 200);

      spans[n_shown] = _up_chart_row_title_lines (ctx, title, TIMELINE_LABELS, SMALL, 0);
      n_used += spans[n_shown];
    }
  /* All that are dated, with the line of the others if there are any;
   * else as many as leave a row for the line of those not shown. */
  if (n_shown < dated->len || n_used + (dated->len < n_stages ? 1 : 0) > n_rows)
    while (n_shown > 0 && n_used > n_rows - 1)
      n_used -= spans[--n_shown];
  /* The rows shown and the line of those not shown, where there is one. */
  bottom = MIN (bottom, y + 24 + (n_used + (n_shown < n_stages ? 1 : 0)) * TIMELINE_ROW + 4);

  /* The axis spans the stages shown: one that ended at the last of all
   * squeezed the rows shown into the left of the axis, beside an empty
   * stretch of the stages not shown. */
  for (guint i = 0; i < n_shown; i++)
    {
      UpStage *stage = g_ptr_array_index (dated, i);

      day0 = MIN (day0, up_day_from_iso (up_stage_get_start_date (stage)));
      day1 = MAX (day1, up_day_from_iso (up_stage_get_end_date (stage)));
    }

  if (n_shown > 0)
    {
      /* Whole months from the first stage's to the last one's. */
      up_day_to_date (day0, &month);
      g_date_set_day (&month, 1);
      day0 = up_day_from_date (&month);
      up_day_to_date (day1, &month);
      g_date_set_day (&month, 1);
      g_date_add_months (&month, 1);
      day1 = up_day_from_date (&month);
      per_day = axis_width / MAX (day1 - day0, 1);

      draw_axis (ctx, axis_x, axis_width, y, bottom, day0, day1);
    }
  else
    per_day = 0;

  y += 24;
  ry = y;
  for (guint i = 0; i < n_shown; i++)
    {
      UpStage *stage = g_ptr_array_index (dated, i);
      g_autofree char *title = _up_chart_clean_text (up_stage_get_title (stage), 200);
      int start = up_day_from_iso (up_stage_get_start_date (stage));
      int end = MAX (up_day_from_iso (up_stage_get_end_date (stage)), start);
      double cy = ry + spans[i] * TIMELINE_ROW / 2;
      gboolean serves = stage_serves (serving, stage);

      _up_chart_row_title (ctx, title, x, cy, TIMELINE_LABELS, SMALL, SMALL, 0, NULL);

      drawn->grey |= !serves;
      if (up_stage_get_is_decision (stage))
        {
          drawn->diamond = TRUE;
          _up_chart_set_colour (cr, serves ? &ctx->fg : &stage_grey);
          _up_chart_diamond (cr, axis_x + (start - day0 + 0.5) * per_day, cy, 4.5);
          cairo_fill (cr);
        }
      else
        {
          guint status = _up_chart_timeline_status (stage);

          /* in progress or done as on the exported timeline; a decision
           * is a day, its diamond the same whatever its status */
          drawn->bar = TRUE;
          drawn->progress |= status == 1 ? UP_CHART_SHOWS_BAR : 0;
          drawn->done |= status == 2 ? UP_CHART_SHOWS_BAR : 0;
          _up_chart_rounded_rect (cr, axis_x + (start - day0) * per_day, cy - TIMELINE_ROW / 2 + 2,
                                  MAX ((end - start + 1) * per_day, 2.5), TIMELINE_ROW - 4, 1.5);
          _up_chart_timeline_paint (ctx, serves ? &stage_blue : &stage_grey, status);
        }
      ry += spans[i] * TIMELINE_ROW;
    }

  /* Where the plan stands on the report's date: a politician's first
   * question of a plan. Over the rows, under the axis's labels. */
  if (n_shown > 0)
    {
      int today = (int) _up_chart_day (ctx);

      if (today >= day0 && today < day1)
        {
          drawn->today = TRUE;
          _up_chart_timeline_draw_today (ctx, axis_x + (today - day0 + 0.5) * per_day, y - 1, ry);
        }
    }

  if (n_shown < n_stages)
    {
      /* The axis spans the stages shown: where the plan runs on beyond
       * them, the line says from when to when, so that the page does not
       * seem to show the whole plan. */
      const char *first = NULL, *last = NULL;
      int plan0 = G_MAXINT, plan1 = 0;

      for (guint i = 0; i < dated->len; i++)
        {
          UpStage *stage = g_ptr_array_index (dated, i);
          int start = up_day_from_iso (up_stage_get_start_date (stage));
          int end = up_day_from_iso (up_stage_get_end_date (stage));

          if (start < plan0)
            {
              plan0 = start;
              first = up_stage_get_start_date (stage);
            }
          if (end > plan1)
            {
              plan1 = end;
              last = up_stage_get_end_date (stage);
            }
        }

      if (first != NULL && last != NULL && (plan0 < day0 || plan1 >= day1))
        {
          g_autofree char *from = _up_chart_format_date (ctx, first);
          g_autofree char *to = _up_chart_format_date (ctx, last);
          /* Translators: the last line of the report's timeline when not
           * every stage fits on the page and the plan runs beyond those
           * shown: %1$u stages are not shown, %2$s is the plan's first
           * day, %3$s its last ("5 Jan 2026", "6 Dec 2029"). */
          g_autofree char *text = g_strdup_printf (up_lang_gettext (ctx->lang, N_("Stages not shown: %1$u · the whole plan: %2$s – %3$s")),
                                                   n_stages - n_shown, from, to);

          _up_chart_text (ctx, text, x, ry, width, SMALL,
                          UP_TEXT_DIM | UP_TEXT_BOLD | UP_TEXT_MUST_FIT, 1, NULL);
        }
      else
        /* Translators: the last line of the report's timeline when not every
         * stage fits on the page. */
        not_shown (ctx, N_("Stages not shown: %1$u"), n_stages - n_shown, x, ry, width);
    }
  return bottom;
}

/* Returns where the list ends. Adds its diamonds to @drawn. */
static double
draw_decisions (UpChartContext *ctx,
                double          x,
                double          y,
                double          width,
                double          bottom,
                StagesDrawn    *drawn)
{
  GListModel *stages = up_project_get_stages (ctx->project);
  g_autoptr(GPtrArray) decisions = g_ptr_array_new_with_free_func (g_object_unref);
  double more_height = _up_chart_text_height (ctx, "Ag", SMALL, UP_TEXT_BOLD, 0, 0) + 2;
  guint shown = 0;

  for (guint i = 0; i < g_list_model_get_n_items (stages); i++)
    {
      UpStage *stage = g_list_model_get_item (stages, i);

      if (up_stage_get_is_decision (stage))
        g_ptr_array_add (decisions, stage);
      else
        g_object_unref (stage);
    }

  if (decisions->len == 0)
    {
      return y + _up_chart_text (ctx, up_lang_gettext (ctx->lang, N_("No milestones yet")), x, y, width,
                                 BODY, UP_TEXT_DIM | UP_TEXT_MUST_FIT, 1, NULL);
    }

  for (guint i = 0; i < decisions->len; i++)
    {
      UpStage *stage = g_ptr_array_index (decisions, i);
      g_autofree char *title = _up_chart_clean_text (up_stage_get_title (stage), 300);
      g_autofree char *date = _up_chart_format_date (ctx, up_stage_get_start_date (stage));
      double date_height = _up_chart_text_height (ctx, "Ag", SMALL, UP_TEXT_BOLD, 0, 0);
      double title_height = _up_chart_text_height (ctx, title, BODY, 0, width - 12, 2);
      double need = date_height + title_height + 5;
      /* Room for the "not shown" line unless this is the last one. */
      double reserve = i + 1 < decisions->len ? more_height : 0;

      if (y + need + reserve > bottom)
        break;

      _up_chart_set_colour (ctx->cr, &ctx->fg);
      _up_chart_diamond (ctx->cr, x + 4, y + date_height / 2, 3.5);
      cairo_fill (ctx->cr);
      drawn->diamond = TRUE;
      _up_chart_text (ctx, date, x + 12, y, width - 12, SMALL,
                      UP_TEXT_BOLD | UP_TEXT_DIM, 1, NULL);
      _up_chart_text (ctx, title, x + 12, y + date_height, width - 12, BODY, 0, 2, NULL);
      y += need;
      shown++;
    }

  if (shown < decisions->len)
    {
      /* Translators: the last line of the report's key decisions when not
       * every milestone fits on the page. */
      not_shown (ctx, N_("Milestones not shown: %1$u"), decisions->len - shown, x, y, width);
      y += more_height;
    }
  return y;
}

/* The least the key decisions take under their heading: their first
 * decision and, when there are more, the line that counts those not
 * shown; or the line saying there are none. */
static double
decisions_least_height (UpChartContext *ctx,
                        double          width)
{
  GListModel *stages = up_project_get_stages (ctx->project);
  g_autoptr(UpStage) first = NULL;
  guint n_decisions = 0;

  for (guint i = 0; i < g_list_model_get_n_items (stages); i++)
    {
      g_autoptr(UpStage) stage = g_list_model_get_item (stages, i);

      if (!up_stage_get_is_decision (stage))
        continue;
      if (first == NULL)
        first = g_steal_pointer (&stage);
      n_decisions++;
    }

  if (first == NULL)
    return _up_chart_text_height (ctx, up_lang_gettext (ctx->lang, N_("No milestones yet")), BODY, 0, width, 1);
  {
    g_autofree char *title = _up_chart_clean_text (up_stage_get_title (first), 300);
    /* as draw_decisions() measures them */
    double date_height = _up_chart_text_height (ctx, "Ag", SMALL, UP_TEXT_BOLD, 0, 0);
    double more_height = _up_chart_text_height (ctx, "Ag", SMALL, UP_TEXT_BOLD, 0, 0) + 2;

    return date_height + _up_chart_text_height (ctx, title, BODY, 0, width - 12, 2) + 5 +
           (n_decisions > 1 ? more_height : 0);
  }
}

/* What all the key decisions take under their heading, as
 * draw_decisions() lays them out with room for all. */
static double
decisions_height (UpChartContext *ctx,
                  double          width)
{
  GListModel *stages = up_project_get_stages (ctx->project);
  double date_height = _up_chart_text_height (ctx, "Ag", SMALL, UP_TEXT_BOLD, 0, 0);
  double height = 0;
  guint n_decisions = 0;

  for (guint i = 0; i < g_list_model_get_n_items (stages); i++)
    {
      g_autoptr(UpStage) stage = g_list_model_get_item (stages, i);
      g_autofree char *title = NULL;

      if (!up_stage_get_is_decision (stage))
        continue;
      title = _up_chart_clean_text (up_stage_get_title (stage), 300);
      height += date_height + _up_chart_text_height (ctx, title, BODY, 0, width - 12, 2) + 5;
      n_decisions++;
    }
  return n_decisions > 0 ? height : decisions_least_height (ctx, width);
}

/* The wheel shows the goals by number: the names of those the procurement
 * affects (a target linked, or a negative impact), in the goals' order. */
static guint
affected_goals (UpChartContext *ctx,
                guint          *goals)
{
  guint n = 0;

  for (guint goal = 1; goal <= UP_SDG_N_GOALS; goal++)
    {
      const UpGoalCoverage *coverage = up_coverage_get_goal (ctx->coverage, goal);

      if (coverage != NULL && (coverage->n_covered > 0 || coverage->n_negative > 0))
        goals[n++] = goal;
    }
  return n;
}

static double
goal_key_line (UpChartContext *ctx)
{
  return _up_chart_text_height (ctx, "Ag", SMALL, 0, 0, 0) + 3;
}

static double
goal_key_chip (UpChartContext *ctx)
{
  return _up_chart_text_width (ctx, "17", SMALL, UP_TEXT_BOLD) + 7;
}

/* The key is a list, a goal a line, every name starting at the same
 * place: short names that shared a line ("1 No poverty  2 Zero hunger",
 * then one name a line) made the names start at odd places down the
 * list. A name too long for its line goes on on a second: in a wider
 * font than the charts' own (DejaVu Sans, where Cantarell is not
 * installed), Swedish names were cut ("Anständiga arbetsvillkor och
 * ekonomisk ti…"), and a reader must read every goal whole. Sets the
 * first line of each goal and the lines it takes (@spans), and returns
 * the number of lines. */
static guint
goal_key_flow (UpChartContext *ctx,
               const guint    *goals,
               guint           n_goals,
               double          width,
               guint          *lines,
               guint          *spans)
{
  double name_width = width - goal_key_chip (ctx) - 4;
  guint line = 0;

  for (guint i = 0; i < n_goals; i++)
    {
      const char *name = up_sdg_goal_get_name_in (up_sdg_get_goal (goals[i]), ctx->lang);

      lines[i] = line;
      spans[i] = _up_chart_text_width (ctx, name, SMALL, 0) <= name_width ? 1 : GOAL_KEY_LINES;
      line += spans[i];
    }
  return MAX (line, 1);
}

/* The lines that goals @from to @to (not included) take in the key. */
static guint
goal_key_lines (const guint *spans,
                guint        from,
                guint        to)
{
  guint n = 0;

  for (guint i = from; i < to; i++)
    n += spans[i];
  return n;
}

/* Draws the key of @goals from @y down to @bottom and returns how many it
 * names. @continued: the rest goes on elsewhere, so no line is kept for
 * "Goals not shown". */
static guint
draw_goal_key (UpChartContext *ctx,
               const guint    *goals,
               guint           n_goals,
               double          x,
               double          y,
               double          width,
               double          bottom,
               gboolean        continued)
{
  double line = goal_key_line (ctx);
  double chip = goal_key_chip (ctx);
  guint lines[UP_SDG_N_GOALS];
  guint spans[UP_SDG_N_GOALS];
  guint n_lines, shown = 0;

  if (n_goals == 0)
    {
      _up_chart_text (ctx, up_lang_gettext (ctx->lang, N_("No targets linked yet")), x, y, width, BODY,
                      UP_TEXT_DIM | UP_TEXT_MUST_FIT, 1, NULL);
      return 0;
    }

  n_lines = goal_key_flow (ctx, goals, n_goals, width, lines, spans);
  for (guint i = 0; i < n_goals; i++)
    {
      const UpSdgGoal *goal = up_sdg_get_goal (goals[i]);
      double gy = y + lines[i] * line;
      /* Room for the "not shown" line unless this is the last line. */
      double reserve = lines[i] + spans[i] < n_lines && !continued ? line : 0;

      if (gy + spans[i] * line + reserve > bottom)
        break;
      _up_chart_goal_chip (ctx, goals[i], x, gy + 0.5, chip, line - 1.5, SMALL, FALSE);
      /* the name's second line closer than the key's lines, under its
       * first */
      _up_chart_text (ctx, up_sdg_goal_get_name_in (goal, ctx->lang), x + chip + 4, gy + 0.5,
                      width - chip - 4, SMALL, UP_TEXT_MUST_FIT, spans[i], NULL);
      shown++;
    }

  if (shown < n_goals && !continued)
    /* Translators: the last line of the report's key of the goals when not
     * every goal fits on the page. */
    not_shown (ctx, N_("Goals not shown: %1$u"), n_goals - shown, x,
               y + goal_key_lines (spans, 0, shown) * line, width);
  return shown;
}

static void
target_chip (UpChartContext *ctx,
             const char     *target,
             double          x,
             double          y,
             double          width,
             double          height)
{
  guint goal = up_sdg_goal_of_target (target);
  UpRgba colour, text;

  if (goal >= 1 && goal <= UP_SDG_N_GOALS)
    _up_chart_parse_colour (up_sdg_get_goal (goal)->colour, &colour);
  else
    colour = ctx->grey;
  _up_chart_contrast_colour (&colour, &text);
  _up_chart_set_colour (ctx->cr, &colour);
  _up_chart_rounded_rect (ctx->cr, x, y, width, height, 2);
  cairo_fill (ctx->cr);
  _up_chart_text (ctx, target, x + width / 2, y + height / 2, 0, SMALL,
                  UP_TEXT_BOLD | UP_TEXT_CENTRE | UP_TEXT_MIDDLE, 0, &text);
}

#define MAX_TARGETS 3
/* The report limited to one goal shows that goal alone: room for more. */
#define MAX_TARGETS_SCOPED 8
/* An indicator is often a sentence ("Share of alarm calls answered within
 * 60 seconds, measured every quarter by ..."). */
#define MEASURE_LINES 3

/* What the goal is measured by, in the report limited to it: its
 * indicator, baseline and target value, those it has. */
static GPtrArray *
goal_measures (UpChartContext *ctx,
               UpLocalGoal    *goal)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  const struct { const char *format; const char *value; } measures[] = {
    /* Translators: in the report limited to one regional or local goal,
     * under the goal's title; %1$s is what the goal is measured by. */
    { N_("Indicator: %1$s"), up_local_goal_get_indicator (goal) },
    /* Translators: in the report limited to one regional or local goal;
     * %1$s is the indicator's value when the goal was set ("71% (2025)"). */
    { N_("Baseline: %1$s"), up_local_goal_get_baseline (goal) },
    /* Translators: in the report limited to one regional or local goal;
     * %1$s is the value the goal aims at ("95% by 2028"). */
    { N_("Target value: %1$s"), up_local_goal_get_target_value (goal) },
  };

  if (ctx->options->local_goal == NULL)
    return lines;

  for (guint i = 0; i < G_N_ELEMENTS (measures); i++)
    {
      g_autofree char *value = _up_chart_clean_text (measures[i].value, 300);

      if (value[0] != '\0')
        g_ptr_array_add (lines, g_strdup_printf (up_lang_gettext (ctx->lang, measures[i].format), value));
    }

  return lines;
}

/* The local goals the report lists: all, or the one it is limited to. */
static GListModel *
report_local_goals (UpChartContext *ctx,
                    GListStore    **scoped)
{
  if (ctx->options->local_goal == NULL)
    return up_project_get_local_goals (ctx->project);
  *scoped = g_list_store_new (UP_TYPE_LOCAL_GOAL);
  g_list_store_append (*scoped, ctx->options->local_goal);
  return G_LIST_MODEL (*scoped);
}

/* How tall draw_local_goals() draws @goal, with up to @max_targets lines
 * of targets. */
static double
local_goal_height (UpChartContext *ctx,
                   UpLocalGoal    *goal,
                   double          width,
                   guint           max_targets)
{
  g_autoptr(GPtrArray) targets = up_project_list_local_goal_targets (ctx->project, goal);
  g_autoptr(GPtrArray) measures = goal_measures (ctx, goal);
  g_autofree char *title = _up_chart_clean_text (up_local_goal_get_title (goal), 300);
  double line = _up_chart_text_height (ctx, "Ag", SMALL, 0, 0, 0) + 3;
  guint n_lines = MIN (targets->len, max_targets);
  double height = _up_chart_text_height (ctx, title, BODY, UP_TEXT_BOLD, width, 2) + 2;

  for (guint m = 0; m < measures->len; m++)
    height += _up_chart_text_height (ctx, g_ptr_array_index (measures, m), SMALL, 0,
                                     width - 6, MEASURE_LINES) + 2;
  return height + MAX (n_lines, 1) * line + 6;
}

/* How tall the whole list of local goals is, when it all fits. */
static double
local_goals_height (UpChartContext *ctx,
                    double          width)
{
  g_autoptr(GListStore) scoped = NULL;
  GListModel *goals = report_local_goals (ctx, &scoped);
  guint max_targets = scoped != NULL ? MAX_TARGETS_SCOPED : MAX_TARGETS;
  double height = 0;

  if (g_list_model_get_n_items (goals) == 0)
    return _up_chart_text_height (ctx, up_lang_gettext (ctx->lang, N_("No local goals yet")), BODY, 0, width, 1);
  for (guint i = 0; i < g_list_model_get_n_items (goals); i++)
    {
      g_autoptr(UpLocalGoal) goal = g_list_model_get_item (goals, i);

      height += local_goal_height (ctx, goal, width, max_targets);
    }
  return height;
}

/* Returns where the list ends. */
static double
draw_local_goals (UpChartContext *ctx,
                  double          x,
                  double          y,
                  double          width,
                  double          bottom)
{
  g_autoptr(GListStore) scoped = NULL;
  /* Limited to one goal, the report is about that goal: the others were
   * listed under its name, and not what it is measured by. */
  GListModel *goals = report_local_goals (ctx, &scoped);
  guint max_targets = scoped != NULL ? MAX_TARGETS_SCOPED : MAX_TARGETS;
  guint n_goals = g_list_model_get_n_items (goals);
  double line = _up_chart_text_height (ctx, "Ag", SMALL, 0, 0, 0) + 3;
  double chip = _up_chart_text_width (ctx, "17.19", SMALL, UP_TEXT_BOLD) + 6;
  guint shown = 0;

  if (n_goals == 0)
    {
      return y + _up_chart_text (ctx, up_lang_gettext (ctx->lang, N_("No local goals yet")), x, y, width, BODY,
                                 UP_TEXT_DIM | UP_TEXT_MUST_FIT, 1, NULL);
    }

  for (guint i = 0; i < n_goals; i++)
    {
      g_autoptr(UpLocalGoal) goal = g_list_model_get_item (goals, i);
      g_autoptr(GPtrArray) targets = up_project_list_local_goal_targets (ctx->project, goal);
      g_autoptr(GPtrArray) measures = goal_measures (ctx, goal);
      g_autofree char *title = _up_chart_clean_text (up_local_goal_get_title (goal), 300);
      guint n_targets = targets->len;
      guint n_listed = n_targets <= max_targets ? n_targets : max_targets - 1;
      guint n_lines = n_targets <= max_targets ? n_targets : max_targets;
      double need = local_goal_height (ctx, goal, width, max_targets);
      double reserve = i + 1 < n_goals ? line : 0;

      if (y + need + reserve > bottom)
        break;

      y += _up_chart_text (ctx, title, x, y, width, BODY, UP_TEXT_BOLD, 2, NULL) + 2;
      for (guint m = 0; m < measures->len; m++)
        y += _up_chart_text (ctx, g_ptr_array_index (measures, m), x + 6, y, width - 6, SMALL, 0,
                             MEASURE_LINES, NULL) + 2;
      if (n_targets == 0)
        _up_chart_text (ctx, up_lang_gettext (ctx->lang, N_("No targets linked yet")), x + 6, y,
                        width - 6, SMALL, UP_TEXT_DIM | UP_TEXT_MUST_FIT, 1, NULL);

      for (guint j = 0; j < n_listed; j++)
        {
          const char *target = g_ptr_array_index (targets, j);
          const char *label = up_sdg_target_get_label_in (target, ctx->lang);
          g_autofree char *clean = _up_chart_clean_text (target, 8);

          target_chip (ctx, clean, x + 6, y + j * line + 0.5, chip, line - 1.5);
          _up_chart_text (ctx, label != NULL ? label : "", x + 6 + chip + 5, y + j * line + 0.5,
                          width - 6 - chip - 5, SMALL, 0, 1, NULL);
        }
      if (n_listed < n_targets)
        /* Translators: the last line under a local goal in the report when
         * not all of its Agenda 2030 targets fit. */
        not_shown (ctx, N_("Targets not shown: %1$u"), n_targets - n_listed, x + 6,
                   y + n_listed * line + 0.5, width - 6);

      y += MAX (n_lines, 1) * line + 6;
      shown++;
    }

  if (shown < n_goals)
    {
      /* Translators: the last line of the report's local goals when not
       * every goal fits on the page. */
      not_shown (ctx, N_("Local goals not shown: %1$u"), n_goals - shown, x, y, width);
      y += line;
    }
  return y;
}

/* The height of section_title() at most: a long title shrinks, then
 * wraps. */
static double
section_title_height (UpChartContext *ctx,
                      const char     *title,
                      double          width)
{
  return _up_chart_text_height (ctx, title, SECTION_SIZE, UP_TEXT_BOLD, width, 2) + 6;
}

/* The texts of the sections under the report's timeline. */
typedef struct
{
  const char *decisions;
  const char *local_goals;
  const char *key;
  const char *rest;
} LowerTitles;

/* Whether, with the decisions and the local goals from @y down, the key
 * names all @goals: in its column under the first decision (and the line
 * counting the others), the rest under the local goals (@local_height
 * tall when all of them fit), as _up_chart_report_draw() lays them out. */
static gboolean
key_fits (UpChartContext    *ctx,
          const guint       *goals,
          guint              n_goals,
          double             y,
          double             column,
          double             rest_width,
          double             local_height,
          const LowerTitles *titles)
{
  double line = goal_key_line (ctx);
  guint lines[UP_SDG_N_GOALS];
  guint spans[UP_SDG_N_GOALS];
  double key_y, rest_y;
  guint shown = 0, n_left;

  key_y = y + section_title_height (ctx, titles->decisions, column) + decisions_least_height (ctx, column) +
          14 + section_title_height (ctx, titles->key, column);
  n_left = (guint) MAX (floor ((BOTTOM - key_y) / line), 0);
  goal_key_flow (ctx, goals, n_goals, column, lines, spans);
  while (shown < n_goals && lines[shown] + spans[shown] <= n_left)
    shown++;
  if (shown == n_goals)
    return TRUE;

  rest_y = y + section_title_height (ctx, titles->local_goals, rest_width) + local_height + 6;
  if (rest_y > BOTTOM)
    return FALSE;
  rest_y += _up_chart_text_height (ctx, titles->rest, BODY, UP_TEXT_BOLD, rest_width, 2) + 3;
  return rest_y + goal_key_flow (ctx, goals + shown, n_goals - shown, rest_width, lines, spans) * line <= BOTTOM;
}

void
_up_chart_report_draw (UpChartContext *ctx,
                       double          width,
                       double          height)
{
  cairo_t *cr = ctx->cr;
  double scale = MIN (width / PAGE_WIDTH, height / PAGE_HEIGHT);
  UpLegendItem legend[10];
  guint n_legend;
  double wheel_radius = 132;
  double top, wheel_cy, y, column;
  StagesDrawn drawn = { FALSE, FALSE, FALSE, 0, 0, FALSE };
  /* the report names the goal it is limited to by its level */
  gboolean regional = ctx->options->local_goal != NULL &&
                      g_strcmp0 (up_local_goal_get_level (ctx->options->local_goal), "regional") == 0;

  _up_chart_set_colour (cr, &ctx->bg);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_fill (cr);
  cairo_translate (cr, (width - PAGE_WIDTH * scale) / 2, (height - PAGE_HEIGHT * scale) / 2);
  cairo_scale (cr, scale, scale);

  top = draw_header (ctx);

  /* Right: the timeline over the full width, then decisions and local
   * goals side by side. Nothing is clipped: the sections stop themselves,
   * and a clip would only hide from the tests a section that did not. */
  column = (RIGHT_WIDTH - 18) * 0.44;
  {
    double gx = RIGHT_X + column + 18, gw = RIGHT_WIDTH - column - 18;
    double dy, rest_y, timeline_bottom, timeline_least, local_height;
    const char *decisions_title = up_lang_gettext (ctx->lang, N_("Key decisions"));
    /* Limited to one goal, the section is about that goal, by its level:
     * a regional goal's report spoke of "Local goals". */
    const char *local_goals_title = ctx->options->local_goal == NULL
                                    ? up_lang_gettext (ctx->lang, N_("Local goals and their Agenda 2030 targets"))
                                    : regional ? up_lang_gettext (ctx->lang, N_("The regional goal and its Agenda 2030 targets"))
                                    : up_lang_gettext (ctx->lang, N_("The local goal and its Agenda 2030 targets"));
    guint goals[UP_SDG_N_GOALS];
    guint n_goals = affected_goals (ctx, goals);
    guint lines[UP_SDG_N_GOALS];
    guint spans[UP_SDG_N_GOALS];
    /* A report of one local goal shows the goals of that goal's stages
     * only: not all that the procurement affects. */
    gboolean scoped = ctx->options->local_goal != NULL;
    const char *key_title = !scoped ? up_lang_gettext (ctx->lang, N_("Goals the procurement affects"))
                            : regional ? up_lang_gettext (ctx->lang, N_("Goals the regional goal’s stages affect"))
                            : up_lang_gettext (ctx->lang, N_("Goals the local goal’s stages affect"));
    const char *rest_title = !scoped ? up_lang_gettext (ctx->lang, N_("Goals the procurement affects (continued)"))
                             : regional ? up_lang_gettext (ctx->lang, N_("Goals the regional goal’s stages affect (continued)"))
                             : up_lang_gettext (ctx->lang, N_("Goals the local goal’s stages affect (continued)"));
    double key_need = 14 + _up_chart_text_height (ctx, key_title, SECTION_SIZE, UP_TEXT_BOLD, column, 2) + 6 +
                      goal_key_flow (ctx, goals, n_goals, column, lines, spans) * goal_key_line (ctx);
    /* The rest's heading is a line of the list's, in bold: a section's
     * heading took the line of a goal. */
    double rest_title_height = _up_chart_text_height (ctx, rest_title, BODY, UP_TEXT_BOLD, gw, 2) + 3;
    double rest_need = rest_title_height + goal_key_line (ctx);
    gboolean can_continue;
    double decisions_bottom, key_y;
    guint shown, in_column = n_goals;

    const LowerTitles titles = { decisions_title, local_goals_title, key_title, rest_title };

    /* The wheel shows the goals by number, and the key under the
     * decisions names them: the timeline gives way, a row at a time (its
     * last line says how many stages are not shown), until the key fits
     * under the first decision, its rest under the local goals. With many
     * milestones the key was cut short at half of its column ("Goals not
     * shown: 9"). The timeline keeps its axis and a few rows. */
    y = top;
    y += section_title (ctx, up_lang_pgettext (ctx->lang, "report", NC_("report", "Timeline")),
                        RIGHT_X, y, RIGHT_WIDTH);
    timeline_least = y + 24 + 4 * TIMELINE_ROW;
    local_height = local_goals_height (ctx, gw);
    for (timeline_bottom = TIMELINE_BOTTOM; timeline_bottom > timeline_least; timeline_bottom -= TIMELINE_ROW)
      if (key_fits (ctx, goals, n_goals, timeline_bottom + 14, column, gw, local_height, &titles))
        break;
    timeline_bottom = MAX (timeline_bottom, timeline_least);
    y = draw_timeline (ctx, RIGHT_X, y, RIGHT_WIDTH, timeline_bottom, &drawn);
    y = MIN (y, timeline_bottom) + 14;

    dy = section_title (ctx, local_goals_title, gx, y, gw);
    /* The decisions, and under them the names of the goals the wheel
     * shows by number. The decisions leave the key its room, down to
     * their first decision; what the column cannot hold of the key goes
     * on under the local goals, where there is room. */
    rest_y = draw_local_goals (ctx, gx, y + dy, gw, BOTTOM) + 6;
    can_continue = rest_y + rest_need <= BOTTOM;

    dy = section_title (ctx, decisions_title, RIGHT_X, y, column);
    /* A list too long for its column under all the decisions goes on
     * under the local goals, shared out evenly between the two where the
     * second has the room: 11 goals and a lonely 12th there, and a
     * decision not shown to make room for the 11, read worse than 6 and
     * 6 with both decisions. */
    if (can_continue)
      {
        double line = goal_key_line (ctx);
        double key_head = 14 + section_title_height (ctx, key_title, column);
        guint full_lines = (guint) MAX (floor ((BOTTOM - (y + dy + decisions_height (ctx, column)) - key_head) / line), 0);
        guint most_lines = (guint) MAX (floor ((BOTTOM - (y + dy + decisions_least_height (ctx, column)) - key_head) / line), 0);
        guint rest_lines = (guint) MAX (floor ((BOTTOM - rest_y - rest_title_height) / line), 0);

        guint n_lines = goal_key_lines (spans, 0, n_goals);

        /* in lines: a long name takes two (goal_key_flow(); @spans as
         * laid out for the column, and as wide under the local goals) */
        if (n_lines > full_lines)
          {
            in_column = (n_goals + 1) / 2;
            while (in_column < n_goals && goal_key_lines (spans, in_column, n_goals) > rest_lines)
              in_column++;
            while (in_column > 1 && goal_key_lines (spans, 0, in_column) > most_lines)
              in_column--;
            key_need = key_head + goal_key_lines (spans, 0, in_column) * line;
          }
      }
    decisions_bottom = MAX (BOTTOM - key_need, y + dy + decisions_least_height (ctx, column));
    key_y = draw_decisions (ctx, RIGHT_X, y + dy, column, decisions_bottom, &drawn) + 14;
    key_y += section_title (ctx, key_title, RIGHT_X, key_y, column);
    shown = draw_goal_key (ctx, goals, in_column, RIGHT_X, key_y, column, BOTTOM, can_continue);

    if (shown < n_goals && can_continue)
      {
        _up_chart_text (ctx, rest_title, gx, rest_y, gw, BODY, UP_TEXT_BOLD, 2, NULL);
        rest_y += rest_title_height;
        draw_goal_key (ctx, goals + shown, n_goals - shown, gx, rest_y, gw, BOTTOM, FALSE);
      }
  }

  /* Left: the wheel and the legend of the whole page, after the right
   * side, whose timeline and decisions say which of their marks the page
   * has. The wheel gives way when a title of two lines moves them down,
   * so the legend stays on the page. */
  n_legend = _up_chart_wheel_legend (ctx, legend);
  if (drawn.bar)
    legend[n_legend++] = (UpLegendItem) { swatch_stage, NULL,
      up_lang_gettext (ctx->lang, N_("Bar in the timeline: a stage from its start to its end")) };
  if (_up_chart_timeline_status_item (ctx, drawn.progress, drawn.done, &legend[n_legend]))
    n_legend++;
  if (drawn.grey)
    legend[n_legend++] = (UpLegendItem) { swatch_stage, &stage_grey,
      regional ? up_lang_gettext (ctx->lang, N_("Grey bar or diamond: a stage that does not serve the regional goal"))
               : up_lang_gettext (ctx->lang, N_("Grey bar or diamond: a stage that does not serve the local goal")) };
  if (drawn.diamond)
    legend[n_legend++] = (UpLegendItem) { swatch_milestone, NULL,
      up_lang_gettext (ctx->lang, N_("Diamond: a milestone or an award decision")) };
  if (drawn.today)
    _up_chart_timeline_today_item (ctx, TRUE, &legend[n_legend++]);
  g_assert (n_legend <= G_N_ELEMENTS (legend));
  y = top;
  y += section_title (ctx, up_chart_kind_get_title (UP_CHART_WHEEL, ctx->lang), M, y, LEFT_WIDTH);
  wheel_radius = MIN (wheel_radius,
                      (BOTTOM - y - 22 - 26 - _up_chart_legend_height (ctx, legend, n_legend, LEFT_WIDTH, 1, SMALL)) / 2);
  wheel_cy = y + wheel_radius + 22;
  _up_chart_wheel_draw_at (ctx, M + LEFT_WIDTH / 2, wheel_cy, wheel_radius, TRUE, 10.5);

  y = wheel_cy + wheel_radius + 26;
  _up_chart_draw_legend (ctx, legend, n_legend, M, y, LEFT_WIDTH, 1, SMALL);
}
