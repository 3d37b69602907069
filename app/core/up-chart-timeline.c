/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "up-chart"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "up-chart-private.h"

/* The timeline as a chart for a reader away from the app: one row per
 * stage in the timeline's order, its title and dates, a bar on a date axis
 * of months (weeks in a short plan, quarters or years in a long one) in
 * the colour of its phase, a diamond for a decision (a milestone or an
 * award decision, on its first day, as the report draws it), the chart's
 * date as a line, and the Agenda 2030 goals the stage serves as numbered
 * chips.
 * The axis spans every stage of the chart, so that the pages of a long
 * plan in print share it. */

#define TITLE_WIDTH 178.0
#define DATES_WIDTH 116.0
#define PLOT_X (TITLE_WIDTH + 6 + DATES_WIDTH + 10)
/* The chart 790 pt wide at most, as the matrix: a page of A4 printed within
 * a printer's margins comes down to 0.94 of its size, and the chart on it
 * keeps its own size only where it is no wider than that. */
#define PLOT_WIDTH 356.0
#define GOALS_GAP 8.0
#define CHIP_WIDTH 15.0
#define CHIP_HEIGHT 14.0
#define CHIP_GAP 1.5
#define MAX_CHIPS 3
#define GOALS_WIDTH (MAX_CHIPS * (CHIP_WIDTH + CHIP_GAP) + 16)
#define BODY_WIDTH (PLOT_X + PLOT_WIDTH + GOALS_GAP + GOALS_WIDTH)
/* Two tiers of the axis: years (or months), then months, quarters, weeks
 * or years. */
#define TIER 13.0
#define HEAD_HEIGHT (2 * TIER + 4)
#define ROW 18.0
#define BAR_HEIGHT 10.0
#define BAR_RADIUS 3.0
/* half the least width of a bar (bar_span()) */
#define SLIVER_RADIUS 1.0
#define TEXT_SIZE 9.5
#define SMALL_SIZE 8.0
/* A slide's rows, and the column of the legend and the key beside them */
#define SLIDE_COLUMN 330.0

/* A stage's row, read once for all pages: days as Julian day numbers. */
typedef struct
{
  guint32 start;
  guint32 end;         /* inclusive */
  guint32 served;      /* bit g: the stage serves goal g */
  guint8  phase;
  guint8  status;      /* 0 planned, 1 active, 2 done */
  guint8  dated : 1;   /* has valid dates, so a bar */
  guint8  milestone : 1;
  guint8  decision : 1;  /* a milestone or an award: a diamond, in its row and by its title */
} Bar;

typedef struct
{
  guint32 first_day;   /* of the axis: the first of a month */
  guint32 last_day;    /* the last of a month */
  guint   n_bars;
  Bar     bars[];
} Bars;

typedef enum
{
  UNIT_WEEK,
  UNIT_MONTH,
  UNIT_QUARTER,
  UNIT_YEAR,
} Unit;

static guint32
julian_of (const char *iso,
           GDate      *date)
{
  if (!up_date_parse (iso, date))
    return 0;
  return g_date_get_julian (date);
}

guint
_up_chart_timeline_status (UpStage *stage)
{
  const char *status = up_stage_get_status (stage);

  return g_strcmp0 (status, "done") == 0 ? 2 : g_strcmp0 (status, "active") == 0 ? 1 : 0;
}

/* The bars of every stage of the chart and the axis they need, from one
 * pass over the stages and one over the links. */
static const Bars *
timeline_bars (UpChartContext *ctx)
{
  GListModel *stages = _up_chart_rows_stages (ctx);
  guint n = g_list_model_get_n_items (stages);
  GListModel *links;
  g_autoptr(GHashTable) by_id = NULL;
  g_autofree gint64 *ids = NULL;
  guint32 first = G_MAXUINT32, last = 0;
  Bars *bars;
  GDate date;

  if (ctx->timeline_rows != NULL)
    return ctx->timeline_rows;

  bars = g_malloc0 (sizeof (Bars) + MAX (n, 1) * sizeof (Bar));
  bars->n_bars = n;
  ids = g_new (gint64, MAX (n, 1));
  by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(UpStage) stage = g_list_model_get_item (stages, i);
      Bar *bar = &bars->bars[i];
      guint32 start = julian_of (up_stage_get_start_date (stage), &date);
      guint32 end = julian_of (up_stage_get_end_date (stage), &date);

      bar->phase = up_stage_kind_get_phase (up_stage_get_kind (stage));
      bar->status = _up_chart_timeline_status (stage);
      bar->milestone = up_stage_get_is_milestone (stage);
      bar->decision = up_stage_get_is_decision (stage);
      if (start != 0 && end != 0 && end >= start)
        {
          bar->dated = TRUE;
          bar->start = start;
          bar->end = end;
          first = MIN (first, start);
          last = MAX (last, end);
        }
      ids[i] = up_record_get_id (UP_RECORD (stage));
      g_hash_table_insert (by_id, &ids[i], bar);
    }

  links = up_project_get_sdg_links (ctx->project);
  for (guint i = 0; i < g_list_model_get_n_items (links); i++)
    {
      g_autoptr(UpSdgLink) link = g_list_model_get_item (links, i);
      gint64 stage_id = up_sdg_link_get_stage_id (link);
      guint goal = up_sdg_goal_of_target (up_sdg_link_get_target (link));
      Bar *bar = stage_id != 0 ? g_hash_table_lookup (by_id, &stage_id) : NULL;

      if (bar != NULL && goal != 0 && up_sdg_impact_serves (up_sdg_link_get_impact (link)))
        bar->served |= 1u << goal;
    }

  /* whole months, from the first of the first stage's month */
  if (last == 0)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      g_date_clear (&date, 1);
      g_date_set_dmy (&date, 1, g_date_time_get_month (now), g_date_time_get_year (now));
      first = last = g_date_get_julian (&date);
    }
  g_date_clear (&date, 1);
  g_date_set_julian (&date, first);
  g_date_set_day (&date, 1);
  bars->first_day = g_date_get_julian (&date);
  g_date_set_julian (&date, last);
  g_date_set_day (&date, g_date_get_days_in_month (g_date_get_month (&date), g_date_get_year (&date)));
  bars->last_day = g_date_get_julian (&date);

  ctx->timeline_rows = bars;
  return bars;
}

static double
day_x (const Bars *bars,
       double      plot_x,
       guint32     day)
{
  double span = bars->last_day + 1 - bars->first_day;

  return plot_x + (day - (double) bars->first_day) * PLOT_WIDTH / span;
}

/* The finest unit whose labels have room: a week at least 15 points wide
 * (its number), a month 19 (its abbreviation), a quarter 17 ("Q3"). */
static Unit
axis_unit (const Bars *bars)
{
  double per_day = PLOT_WIDTH / (bars->last_day + 1 - bars->first_day);

  if (7 * per_day >= 15)
    return UNIT_WEEK;
  if (28 * per_day >= 19)
    return UNIT_MONTH;
  if (90 * per_day >= 17)
    return UNIT_QUARTER;
  return UNIT_YEAR;
}

static void
pale_colour (UpChartContext *ctx,
             const UpRgba   *colour,
             UpRgba         *pale)
{
  *pale = (UpRgba) { ctx->bg.r + (colour->r - ctx->bg.r) * 0.3, ctx->bg.g + (colour->g - ctx->bg.g) * 0.3,
                     ctx->bg.b + (colour->b - ctx->bg.b) * 0.3, 1 };
}

/* Fills (and outlines) the path in @ctx as a mark of @colour in
 * @status: planned in full colour, in progress with a strong outline,
 * done pale with an edge of its colour, as in the app. */
void
_up_chart_timeline_paint (UpChartContext *ctx,
                          const UpRgba   *colour,
                          guint           status)
{
  if (status == 2)
    {
      UpRgba pale;

      pale_colour (ctx, colour, &pale);
      _up_chart_set_colour (ctx->cr, &pale);
      cairo_fill_preserve (ctx->cr);
      _up_chart_set_colour (ctx->cr, colour);
      cairo_set_line_width (ctx->cr, 1);
      cairo_stroke (ctx->cr);
      return;
    }
  _up_chart_set_colour (ctx->cr, colour);
  if (status == 0)
    {
      cairo_fill (ctx->cr);
      return;
    }
  cairo_fill_preserve (ctx->cr);
  _up_chart_set_colour (ctx->cr, &ctx->fg);
  cairo_set_line_width (ctx->cr, 1.5);
  cairo_stroke (ctx->cr);
}

/* The same for a bar of @phase. */
static void
paint_bars (UpChartContext *ctx,
            guint           phase,
            guint           status)
{
  UpRgba colour;

  _up_chart_parse_colour (up_phase_get_colour (phase), &colour);
  _up_chart_timeline_paint (ctx, &colour, status);
}

/* The same for a path of the boxes inside bars of corners of @radius
 * (_up_chart_fill_rounded()): the outline is the bar grown by half its
 * width under the bar shrunk by as much, the shape a stroke gives. */
static void
paint_bar_boxes (UpChartContext *ctx,
                 guint           phase,
                 guint           status,
                 double          radius)
{
  UpRgba colour, pale;

  _up_chart_parse_colour (up_phase_get_colour (phase), &colour);
  switch (status)
    {
    case 0:
      _up_chart_set_colour (ctx->cr, &colour);
      _up_chart_fill_rounded (ctx->cr, radius, 0);
      break;
    case 1:
      _up_chart_set_colour (ctx->cr, &ctx->fg);
      _up_chart_fill_rounded (ctx->cr, radius, 0.75);
      _up_chart_set_colour (ctx->cr, &colour);
      _up_chart_fill_rounded (ctx->cr, radius, -0.75);
      break;
    default:
      pale_colour (ctx, &colour, &pale);
      _up_chart_set_colour (ctx->cr, &colour);
      _up_chart_fill_rounded (ctx->cr, radius, 0.5);
      _up_chart_set_colour (ctx->cr, &pale);
      _up_chart_fill_rounded (ctx->cr, radius, -0.5);
      break;
    }
  cairo_new_path (ctx->cr);
}

static void
phase_swatch (UpChartContext *ctx,
              guint           phase,
              guint           status,
              double          x,
              double          y,
              double          width,
              double          height)
{
  _up_chart_rounded_rect (ctx->cr, x, y, width, height, MIN (3, height / 3));
  paint_bars (ctx, phase, status);
}

/* Legend swatches */

static void
swatch_phase (UpChartContext *ctx,
              double          x,
              double          y,
              double          width,
              double          height,
              gconstpointer   data)
{
  phase_swatch (ctx, GPOINTER_TO_UINT (data), 0, x, y, width, height);
}

/* the width of a bar in the status's swatch, and the room between two
 * marks of one status and between the two statuses */
#define STATUS_BAR_WIDTH 9.0
#define STATUS_MARK_GAP 1.5
#define STATUS_GAP 3.0

/* The width of the marks of @shows in a swatch @height high: a diamond
 * as wide as it is high. */
static double
status_marks_width (guint  shows,
                    double height)
{
  double width = 0;

  if ((shows & UP_CHART_SHOWS_BAR) != 0)
    width += STATUS_BAR_WIDTH;
  if ((shows & UP_CHART_SHOWS_DIAMOND) != 0)
    width += (width > 0 ? STATUS_MARK_GAP : 0) + height;
  return width;
}

/* The width the swatch of the stages in progress (@progress) and done
 * (@done) takes, each status's marks after the other's. */
static double
status_swatch_width (guint  progress,
                     guint  done,
                     double height)
{
  double width = status_marks_width (progress, height) + status_marks_width (done, height);

  return progress != 0 && done != 0 ? width + STATUS_GAP : width;
}

/* Draws the marks of @shows in @status from @x; returns where they end. */
static double
draw_status_marks (UpChartContext *ctx,
                   guint           status,
                   guint           shows,
                   double          x,
                   double          y,
                   double          height)
{
  if ((shows & UP_CHART_SHOWS_BAR) != 0)
    {
      /* an outline (in progress) inside the box, as thick as the chart's */
      phase_swatch (ctx, UP_PHASE_PREPARATION, status, x + 0.75, y + 0.75, STATUS_BAR_WIDTH - 1.5, height - 1.5);
      x += STATUS_BAR_WIDTH + STATUS_MARK_GAP;
    }
  if ((shows & UP_CHART_SHOWS_DIAMOND) != 0)
    {
      _up_chart_diamond (ctx->cr, x + height / 2, y + height / 2, height / 2 - 0.5);
      paint_bars (ctx, UP_PHASE_PREPARATION, status);
      x += height + STATUS_MARK_GAP;
    }
  return x - STATUS_MARK_GAP;
}

/* @data: what is drawn in progress, and what done (bits 2 and 3). */
static void
swatch_status (UpChartContext *ctx,
               double          x,
               double          y,
               double          width,
               double          height,
               gconstpointer   data)
{
  guint progress = GPOINTER_TO_UINT (data) & 3, done = GPOINTER_TO_UINT (data) >> 2;
  double from = x + width - status_swatch_width (progress, done, height);

  if (progress != 0)
    from = draw_status_marks (ctx, 1, progress, from, y, height) + STATUS_GAP;
  if (done != 0)
    draw_status_marks (ctx, 2, done, from, y, height);
}

/* The legend's line on the stages in progress and done, by what is drawn
 * of them (UP_CHART_SHOWS_*): whole sentences, each status said for the marks the
 * chart has in it and no other. */
static const char * const status_lines[4][4] = {
  {
    NULL,
    /* Translators: the legend of the exported timeline: how a stage's bar
     * shows that the stage is done (one in full colour is planned). */
    N_("Pale bar: done"),
    /* Translators: the legend of the exported timeline: the diamond of a
     * milestone or an award decision that is done. */
    N_("Pale diamond: done"),
    /* Translators: the legend of the exported timeline: stages done, as
     * bars and as the diamonds of milestones or award decisions. */
    N_("Pale bar or diamond: done"),
  },
  {
    /* Translators: the legend of the exported timeline: how a stage's
     * bar shows that the stage is in progress (one in full colour is
     * planned). */
    N_("Outlined bar: in progress"),
    /* Translators: the legend of the exported timeline: how a stage's
     * bar shows its status (a bar in full colour is planned). */
    N_("Outlined bar: in progress; pale bar: done"),
    /* Translators: the legend of the exported timeline: a stage's bar in
     * progress, and the diamond of a milestone or an award decision
     * that is done. */
    N_("Outlined bar: in progress; pale diamond: done"),
    /* Translators: the legend of the exported timeline: a stage's bar in
     * progress; stages done, as bars and as the diamonds of milestones
     * or award decisions. */
    N_("Outlined bar: in progress; pale bar or diamond: done"),
  },
  {
    /* Translators: the legend of the exported timeline: the diamond of a
     * milestone or an award decision in progress. */
    N_("Outlined diamond: in progress"),
    /* Translators: the legend of the exported timeline: the diamond of a
     * milestone or an award decision in progress, a stage's bar done. */
    N_("Outlined diamond: in progress; pale bar: done"),
    /* Translators: the legend of the exported timeline: diamonds of
     * milestones or award decisions in progress and done. */
    N_("Outlined diamond: in progress; pale diamond: done"),
    /* Translators: the legend of the exported timeline: a decision's
     * diamond in progress; stages done, as bars and as diamonds. */
    N_("Outlined diamond: in progress; pale bar or diamond: done"),
  },
  {
    /* Translators: the legend of the exported timeline: stages in
     * progress, as bars and as the diamonds of milestones or award
     * decisions. */
    N_("Outlined bar or diamond: in progress"),
    /* Translators: the legend of the exported timeline: stages in
     * progress as bars and diamonds; a stage's bar done. */
    N_("Outlined bar or diamond: in progress; pale bar: done"),
    /* Translators: the legend of the exported timeline: stages in
     * progress as bars and diamonds; a decision's diamond done. */
    N_("Outlined bar or diamond: in progress; pale diamond: done"),
    /* Translators: the legend of the exported timeline: stages in
     * progress and done, as bars and as the diamonds of milestones or
     * award decisions. */
    N_("Outlined bar or diamond: in progress; pale bar or diamond: done"),
  },
};

static void
swatch_milestone (UpChartContext *ctx,
                  double          x,
                  double          y,
                  double          width,
                  double          height,
                  gconstpointer   data)
{
  _up_chart_set_colour (ctx->cr, &ctx->fg);
  _up_chart_diamond (ctx->cr, x + width - height / 2 - 1, y + height / 2, height / 2 + 1);
  cairo_fill (ctx->cr);
}

static void
today_colour (UpChartContext *ctx)
{
  /* libadwaita's red: the one line on the chart that is not a stage */
  cairo_set_source_rgb (ctx->cr, 0xe0 / 255.0, 0x1b / 255.0, 0x24 / 255.0);
}

static void
swatch_today (UpChartContext *ctx,
              double          x,
              double          y,
              double          width,
              double          height,
              gconstpointer   data)
{
  /* against the text, under the diamond's tip (swatch_milestone()); or
   * in the middle of the box, under the report's diamond */
  double middle = data != NULL ? x + width / 2 : x + width - height / 2 - 1;

  today_colour (ctx);
  cairo_rectangle (ctx->cr, middle - 0.75, y - 2, 1.5, height + 4);
  cairo_fill (ctx->cr);
}

void
_up_chart_timeline_draw_today (UpChartContext *ctx,
                               double          x,
                               double          top,
                               double          bottom)
{
  today_colour (ctx);
  cairo_rectangle (ctx->cr, x - 0.75, top, 1.5, bottom - top);
  cairo_fill (ctx->cr);
}

void
_up_chart_timeline_today_item (UpChartContext *ctx,
                               gboolean        centred,
                               UpLegendItem   *item)
{
  *item = (UpLegendItem) { swatch_today, centred ? GINT_TO_POINTER (1) : NULL,
    /* Translators: the legend of the exported timeline and of the
     * report: the vertical line at the day the chart was made. */
    up_lang_gettext (ctx->lang, N_("Red line: the day the chart was made")) };
}

gboolean
_up_chart_timeline_status_item (UpChartContext *ctx,
                                guint           progress,
                                guint           done,
                                UpLegendItem   *item)
{
  double swatch = status_swatch_width (progress, done, UP_CHART_SWATCH_HEIGHT);

  g_assert (progress <= 3 && done <= 3);
  if (progress == 0 && done == 0)
    return FALSE;
  *item = (UpLegendItem) { swatch_status, GUINT_TO_POINTER (progress | done << 2),
                           up_lang_gettext (ctx->lang, status_lines[progress][done]),
                           swatch > UP_CHART_SWATCH_WIDTH ? swatch : 0 };
  return TRUE;
}

static void
swatch_goals (UpChartContext *ctx,
              double          x,
              double          y,
              double          width,
              double          height,
              gconstpointer   data)
{
  guint goals = GPOINTER_TO_UINT (data);

  /* two goals of the chart (or its one), as its rows show them, against
   * the text */
  if (goals >> 8 == 0)
    {
      _up_chart_goal_chip (ctx, goals, x + width - CHIP_WIDTH, y - 1, CHIP_WIDTH, height + 2, SMALL_SIZE, FALSE);
      return;
    }
  _up_chart_goal_chip (ctx, goals & 0xff, x + width - 2 * CHIP_WIDTH - CHIP_GAP, y - 1, CHIP_WIDTH, height + 2,
                       SMALL_SIZE, FALSE);
  _up_chart_goal_chip (ctx, goals >> 8, x + width - CHIP_WIDTH, y - 1, CHIP_WIDTH, height + 2, SMALL_SIZE, FALSE);
}

guint32
_up_chart_day (UpChartContext *ctx)
{
  g_autoptr(GDateTime) now = NULL;
  GDate date;

  if (ctx->options->date != NULL && up_date_is_valid (ctx->options->date))
    return julian_of (ctx->options->date, &date);
  now = g_date_time_new_now_local ();
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  return g_date_get_julian (&date);
}

/* The first two goals of @served, the first in the low byte: the
 * legend's example of the chips. */
static guint
first_goals (guint32 served)
{
  guint goals = 0, shift = 0;

  for (guint goal = 1; goal <= UP_SDG_N_GOALS && shift < 16; goal++)
    if (served & (1u << goal))
      {
        goals |= goal << shift;
        shift += 8;
      }
  return goals;
}

static guint
timeline_legend (UpChartContext *ctx,
                 UpLegendItem   *items)
{
  const Bars *bars = timeline_bars (ctx);
  gboolean phases[UP_N_PHASES] = { FALSE };
  gboolean any_milestone = FALSE, any_served = FALSE;
  /* by status (0 planned, 1 in progress, 2 done), what is drawn in it:
   * UP_CHART_SHOWS_BAR, UP_CHART_SHOWS_DIAMOND */
  guint shown[3] = { 0, 0, 0 };
  guint32 today = _up_chart_day (ctx);
  guint32 served = 0;
  guint n = 0;

  for (guint i = 0; i < bars->n_bars; i++)
    served |= bars->bars[i].served;
  /* The legend in three columns (its lines are short), or more where
   * its texts fit them, and a key of the goals the chips show, not all
   * 17, in as many columns as their names fit: the plan of a
   * procurement, some 15 stages, then fits page 1 of A4 with both. */
  ctx->legend_columns = 3;
  ctx->legend_fit = TRUE;
  /* On a slide the rows are drawn half as large again
   * (UP_CHART_TIMELINE_SLIDE_SCALE), and the column beside them narrower
   * than other charts' (its lines are short; the key's goals one under
   * the other): their text then reads as large on a Full HD slide as the
   * legend's. */
  ctx->slide_column = SLIDE_COLUMN;
  ctx->key_goals = served | 1;

  for (guint i = 0; i < bars->n_bars; i++)
    {
      const Bar *bar = &bars->bars[i];

      /* An award decision is a diamond in the colour of its phase, as a
       * milestone is in its own: the legend says what the diamond is also
       * in a plan without milestones (one laid out from a route), and
       * names the award's phase, whose colour the diamond has. */
      any_milestone |= bar->decision;
      if (!bar->dated)
        continue;
      shown[bar->status] |= bar->decision ? UP_CHART_SHOWS_DIAMOND : UP_CHART_SHOWS_BAR;
      if (!bar->milestone)
        phases[bar->phase] = TRUE;
      any_served |= bar->served != 0;
    }

  /* the phases the chart shows, in the procurement's order */
  for (guint p = 0; p < UP_N_PHASES; p++)
    if (phases[p])
      items[n++] = (UpLegendItem) { swatch_phase, GUINT_TO_POINTER (p), up_phase_get_name_in (p, ctx->lang) };
  /* How a stage in progress and one done are drawn, a bar or a
   * decision's diamond, each said where the chart has one, in one line
   * (a line more put the demo's plan on two pages): the line spoke of
   * pale bars only, beside the pale diamond of a milestone passed, and
   * in a plan of stages all planned. A bar or a diamond in full colour
   * is planned. */
  if (_up_chart_timeline_status_item (ctx, shown[1], shown[2], &items[n]))
    n++;
  if (any_milestone)
    items[n++] = (UpLegendItem) { swatch_milestone, NULL,
      up_lang_gettext (ctx->lang, N_("Diamond: a milestone or an award decision")) };
  if (today >= bars->first_day && today <= bars->last_day)
    _up_chart_timeline_today_item (ctx, FALSE, &items[n++]);
  if (any_served)
    {
      guint goals = first_goals (served);

      /* two chips are wider than the legend's other swatches */
      items[n++] = (UpLegendItem) { swatch_goals, GUINT_TO_POINTER (goals),
        /* Translators: the legend of the exported timeline: the numbered
         * chips at the end of each row. */
        up_lang_gettext (ctx->lang, N_("Numbers at the end: the goals a stage serves")),
        goals >> 8 != 0 ? 2 * CHIP_WIDTH + CHIP_GAP : 0 };
    }
  return n;
}

static const UpChartRowsSpec timeline_spec = {
  UP_CHART_TIMELINE, ROW, HEAD_HEIGHT, BODY_WIDTH, timeline_legend, UP_CHART_TIMELINE_SLIDE_SCALE,
  TITLE_WIDTH, TEXT_SIZE, UP_TEXT_TIGHT,
};

/* The axis */

static const char * const quarters[] = {
  /* Translators: the quarters of a year on the exported timeline's axis
   * (Swedish: K1, K2, K3, K4). */
  NC_("quarter", "Q1"), NC_("quarter", "Q2"), NC_("quarter", "Q3"), NC_("quarter", "Q4"),
};

/* The first day of the unit after the one @date is in. */
static void
next_unit (GDate *date,
           Unit   unit)
{
  switch (unit)
    {
    case UNIT_WEEK:
      g_date_add_days (date, 7 - g_date_get_weekday (date) + 1);
      break;
    case UNIT_MONTH:
      g_date_set_day (date, 1);
      g_date_add_months (date, 1);
      break;
    case UNIT_QUARTER:
      g_date_set_day (date, 1);
      g_date_set_month (date, (g_date_get_month (date) - 1) / 3 * 3 + 1);
      g_date_add_months (date, 3);
      break;
    case UNIT_YEAR:
    default:
      g_date_set_dmy (date, 1, 1, g_date_get_year (date) + 1);
      break;
    }
}

/* A label centred over the part of [@from, @to) on the axis, left out
 * where the part is too narrow for it. */
static void
axis_label (UpChartContext *ctx,
            const Bars     *bars,
            double          plot_x,
            guint32         from,
            guint32         to,
            double          y,
            const char     *text,
            UpTextFlags     flags)
{
  double x0 = day_x (bars, plot_x, MAX (from, bars->first_day));
  double x1 = day_x (bars, plot_x, MIN (to, bars->last_day + 1));
  double w = _up_chart_text_width (ctx, text, SMALL_SIZE, flags);

  if (x1 - x0 < w + 2)
    return;
  _up_chart_text (ctx, text, (x0 + x1) / 2, y, 0, SMALL_SIZE, flags | UP_TEXT_CENTRE | UP_TEXT_MIDDLE, 1, NULL);
}

/* A plan of years: every year, each number over its year, or where a year
 * is too narrow for its number, every second, fifth, tenth... year, its
 * number beside the year's line. */
static void
draw_years (UpChartContext *ctx,
            const Bars     *bars,
            double          plot_x,
            double          top,
            double          rows_bottom)
{
  double year_width = 365.2425 * PLOT_WIDTH / (bars->last_day + 1 - bars->first_day);
  double label_width = _up_chart_text_width (ctx, "2030", SMALL_SIZE, UP_TEXT_BOLD) + 4;
  double plot_end = plot_x + PLOT_WIDTH;
  guint step = 1, first_year, last_year;
  GDate date;

  while (step * year_width < label_width && step < 10000)
    step = _up_chart_next_year_step (step);
  g_date_clear (&date, 1);
  g_date_set_julian (&date, bars->first_day);
  first_year = g_date_get_year (&date);
  g_date_set_julian (&date, bars->last_day);
  last_year = g_date_get_year (&date);

  _up_chart_set_colour (ctx->cr, &ctx->line);
  for (guint year = (first_year + step - 1) / step * step; year <= last_year; year += step)
    {
      char text[8];
      guint32 from;
      double x;

      g_date_set_dmy (&date, 1, 1, year);
      from = MAX (g_date_get_julian (&date), bars->first_day);
      x = day_x (bars, plot_x, from);
      g_snprintf (text, sizeof text, "%u", year);
      if (step == 1)
        {
          g_date_set_dmy (&date, 1, 1, year + 1);
          axis_label (ctx, bars, plot_x, from, g_date_get_julian (&date), top + TIER + TIER / 2, text,
                      UP_TEXT_BOLD);
        }
      else if (x + label_width <= plot_end)
        _up_chart_text (ctx, text, x + 2, top + TIER + TIER / 2, 0, SMALL_SIZE,
                        UP_TEXT_BOLD | UP_TEXT_MIDDLE, 1, NULL);
      if (from > bars->first_day)
        {
          _up_chart_set_colour (ctx->cr, &ctx->line);
          cairo_rectangle (ctx->cr, x - 0.25, top + TIER, 0.5, rows_bottom - top - TIER);
          cairo_fill (ctx->cr);
        }
    }
}

static void
draw_axis (UpChartContext *ctx,
           const Bars     *bars,
           double          plot_x,
           double          top,
           double          rows_bottom)
{
  cairo_t *cr = ctx->cr;
  Unit unit = axis_unit (bars);
  UpRgba faint = ctx->line, strong = ctx->line;
  GDate date, next;

  faint.a = 0.45;
  g_date_clear (&date, 1);
  g_date_clear (&next, 1);

  /* The upper tier: years (for weeks, months), with a line at each start;
   * none over a tier of years. */
  g_date_set_julian (&date, bars->first_day);
  while (unit != UNIT_YEAR && g_date_get_julian (&date) <= bars->last_day)
    {
      guint32 from = g_date_get_julian (&date);
      g_autofree char *text = NULL;
      double x = day_x (bars, plot_x, from);

      next = date;
      if (unit == UNIT_WEEK)
        {
          g_date_set_day (&next, 1);
          g_date_add_months (&next, 1);
          text = g_strdup_printf ("%s %u", up_lang_axis_month (ctx->lang, g_date_get_month (&date)),
                                  g_date_get_year (&date));
        }
      else
        {
          g_date_set_dmy (&next, 1, 1, g_date_get_year (&date) + 1);
          text = g_strdup_printf ("%u", g_date_get_year (&date));
        }
      axis_label (ctx, bars, plot_x, from, g_date_get_julian (&next), top + TIER / 2, text, UP_TEXT_BOLD);
      if (from > bars->first_day)
        {
          _up_chart_set_colour (cr, &strong);
          cairo_rectangle (cr, x - 0.5, top, 1, rows_bottom - top);
          cairo_fill (cr);
        }
      date = next;
    }

  /* The lower tier and a faint line at each of its units. */
  if (unit == UNIT_YEAR)
    draw_years (ctx, bars, plot_x, top, rows_bottom);
  g_date_set_julian (&date, bars->first_day);
  while (unit != UNIT_YEAR && g_date_get_julian (&date) <= bars->last_day)
    {
      guint32 from = g_date_get_julian (&date);
      char text[16];

      next = date;
      next_unit (&next, unit);
      switch (unit)
        {
        case UNIT_WEEK:
          g_snprintf (text, sizeof text, "%u", g_date_get_iso8601_week_of_year (&date));
          break;
        case UNIT_MONTH:
          g_strlcpy (text, up_lang_axis_month (ctx->lang, g_date_get_month (&date)), sizeof text);
          break;
        case UNIT_QUARTER:
          g_strlcpy (text, up_lang_pgettext (ctx->lang, "quarter", quarters[(g_date_get_month (&date) - 1) / 3]),
                     sizeof text);
          break;
        case UNIT_YEAR:
        default:
          g_assert_not_reached ();
        }
      axis_label (ctx, bars, plot_x, from, g_date_get_julian (&next), top + TIER + TIER / 2, text, UP_TEXT_DIM);
      if (from > bars->first_day)
        {
          _up_chart_set_colour (cr, &faint);
          cairo_rectangle (cr, day_x (bars, plot_x, from) - 0.25, top + TIER, 0.5, rows_bottom - top - TIER);
          cairo_fill (cr);
        }
      date = next;
    }

  /* the axis's frame: the line under the header and the plot's ends */
  _up_chart_set_colour (cr, &strong);
  cairo_rectangle (cr, plot_x, top + HEAD_HEIGHT - 1, PLOT_WIDTH, 1);
  cairo_rectangle (cr, plot_x - 0.5, top, 1, rows_bottom - top);
  cairo_rectangle (cr, plot_x + PLOT_WIDTH - 0.5, top, 1, rows_bottom - top);
  cairo_fill (cr);

  if (unit == UNIT_WEEK)
    /* Translators: the heading of the exported timeline's weeks, the ISO
     * week numbers on its axis. */
    _up_chart_text (ctx, up_lang_pgettext (ctx->lang, "week numbers", NC_("week numbers", "Week")),
                    plot_x - 6 - DATES_WIDTH, top + TIER + TIER / 2,
                    DATES_WIDTH, SMALL_SIZE, UP_TEXT_DIM | UP_TEXT_RIGHT | UP_TEXT_MIDDLE | UP_TEXT_MUST_FIT, 1, NULL);
}

/* The rows */

static char *
bar_dates (UpChartContext *ctx,
           UpStage        *stage,
           const Bar      *bar)
{
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;

  if (!bar->dated)
    return g_strdup ("");
  start = up_lang_format_date (ctx->lang, up_stage_get_start_date (stage), UP_DATE_STYLE_SHORT);
  if (bar->milestone || bar->start == bar->end)
    return g_steal_pointer (&start);
  end = up_lang_format_date (ctx->lang, up_stage_get_end_date (stage), UP_DATE_STYLE_SHORT);
  return g_strdup_printf ("%s – %s", start, end);
}

/* A decision's diamond on its first day: an award decision of one day
 * was a bar of that day, a sliver on an axis of a year or more, where the
 * report's timeline draws the same decision as a diamond. Its status as a
 * bar's, which the legend explains: a decision that was done was white
 * in a black edge, as nowhere else (the app draws it pale). */
static void
draw_decision (UpChartContext *ctx,
               const Bars     *bars,
               const Bar      *bar,
               double          plot_x,
               double          y)
{
  double cx = (day_x (bars, plot_x, bar->start) + day_x (bars, plot_x, bar->start + 1)) / 2;

  _up_chart_diamond (ctx->cr, cx, y + ROW / 2, BAR_HEIGHT / 2 + 1);
  paint_bars (ctx, bar->phase, bar->status);
}

/* How a bar is drawn (draw_bars()). */
typedef enum
{
  BAR_ROUNDED,  /* its own rounded outline */
  BAR_BOX,      /* the box inside its corners */
  BAR_SLIVER,   /* the line down its middle, for a bar of the least width */
  N_BAR_SHAPES
} BarShape;

/* The left and right of the bar of a stage that is no decision, and
 * how it is drawn. */
static BarShape
bar_span (const Bars *bars,
          const Bar  *bar,
          double      plot_x,
          double     *x0,
          double     *x1)
{
  *x0 = day_x (bars, plot_x, bar->start);
  *x1 = day_x (bars, plot_x, bar->end + 1);

  /* a day of a long plan is a fraction of a point: at least a sliver */
  if (*x1 - *x0 < 2 * SLIVER_RADIUS)
    {
      double mid = (*x0 + *x1) / 2;

      *x0 = mid - SLIVER_RADIUS;
      *x1 = mid + SLIVER_RADIUS;
      return BAR_SLIVER;
    }
  return *x1 - *x0 >= 2 * BAR_RADIUS ? BAR_BOX : BAR_ROUNDED;
}

/* Adds a bar from @x0 to @x1 at @y, of @shape, to the path. */
static void
bar_path (cairo_t  *cr,
          BarShape  shape,
          double    x0,
          double    x1,
          double    y)
{
  switch (shape)
    {
    case BAR_BOX:
      cairo_rectangle (cr, x0 + BAR_RADIUS, y + BAR_RADIUS, x1 - x0 - 2 * BAR_RADIUS, BAR_HEIGHT - 2 * BAR_RADIUS);
      break;
    case BAR_SLIVER:
      cairo_move_to (cr, x0 + SLIVER_RADIUS, y + SLIVER_RADIUS);
      cairo_line_to (cr, x0 + SLIVER_RADIUS, y + BAR_HEIGHT - SLIVER_RADIUS);
      break;
    case BAR_ROUNDED:
    default:
      _up_chart_rounded_rect (cr, x0, y, x1 - x0, BAR_HEIGHT, BAR_RADIUS);
      break;
    }
}

/* The bars of rows @first to @last (not included) of one phase, status
 * and shape, as one path: a page of a PDF had a fill (and an outline) of
 * its own for each. */
static void
draw_bars_of (UpChartContext *ctx,
              const Bars     *bars,
              const Bar      *rows,
              guint           first,
              guint           last,
              double          plot_x,
              double          top,
              guint           phase,
              guint           status,
              BarShape        shape)
{
  cairo_new_path (ctx->cr);
  for (guint i = first; i < last; i++)
    {
      double x0, x1;

      if (rows[i].dated && !rows[i].decision && rows[i].phase == phase && rows[i].status == status &&
          bar_span (bars, &rows[i], plot_x, &x0, &x1) == shape)
        bar_path (ctx->cr, shape, x0, x1, top + i * ROW + (ROW - BAR_HEIGHT) / 2);
    }
  if (shape == BAR_ROUNDED)
    paint_bars (ctx, phase, status);
  else
    paint_bar_boxes (ctx, phase, status, shape == BAR_BOX ? BAR_RADIUS : SLIVER_RADIUS);
}

/* The bars of rows @first to @last (not included), then the decisions.
 * A bar wide enough for its round corners is its box inside them, and a
 * sliver the line down its middle, both filled round
 * (_up_chart_fill_rounded()): a rectangle or a line in the file, where a
 * rounded outline takes four curves (half the numbers of a plan of 1,000
 * stages' PDF, with the goals' chips). */
static void
draw_bars (UpChartContext *ctx,
           const Bars     *bars,
           const Bar      *rows,
           guint           first,
           guint           last,
           double          plot_x,
           double          top)
{
  gboolean seen[UP_N_PHASES][3][N_BAR_SHAPES] = { { { FALSE } } };

  for (guint i = first; i < last; i++)
    if (rows[i].dated && !rows[i].decision)
      {
        double x0, x1;

        seen[rows[i].phase][rows[i].status][bar_span (bars, &rows[i], plot_x, &x0, &x1)] = TRUE;
      }
  for (guint phase = 0; phase < UP_N_PHASES; phase++)
    for (guint status = 0; status < 3; status++)
      for (BarShape shape = 0; shape < N_BAR_SHAPES; shape++)
        if (seen[phase][status][shape])
          draw_bars_of (ctx, bars, rows, first, last, plot_x, top, phase, status, shape);
  for (guint i = first; i < last; i++)
    if (rows[i].dated && rows[i].decision)
      draw_decision (ctx, bars, &rows[i], plot_x, top + i * ROW);
}

static void
draw_goals (UpChartContext *ctx,
            UpChipBatch    *chips,
            UpGlyphBatch   *more_batch,
            const Bar      *bar,
            double          x,
            double          y)
{
  guint shown = 0, n = 0;

  for (guint goal = 1; goal <= UP_SDG_N_GOALS; goal++)
    if (bar->served & (1u << goal))
      n++;
  for (guint goal = 1; goal <= UP_SDG_N_GOALS && shown < MIN (n, MAX_CHIPS); goal++)
    if (bar->served & (1u << goal))
      {
        /* three chips, or two and "+N" */
        if (n > MAX_CHIPS && shown == MAX_CHIPS - 1)
          break;
        _up_chart_chip_batch_add (chips, goal, x + shown * (CHIP_WIDTH + CHIP_GAP), y + (ROW - CHIP_HEIGHT) / 2);
        shown++;
      }
  if (n > shown)
    {
      const UpTextFlags flags = UP_TEXT_BOLD | UP_TEXT_MIDDLE;
      double more_x = x + shown * (CHIP_WIDTH + CHIP_GAP) + 1;
      char more[8];

      g_snprintf (more, sizeof more, "+%u", n - shown);
      if (!ctx->in_file ||
          !_up_chart_glyph_batch_add (ctx, more_batch, more, more_x, y + ROW / 2, SMALL_SIZE, flags))
        _up_chart_text (ctx, more, more_x, y + ROW / 2, 0, SMALL_SIZE, flags, 1, NULL);
    }
}

guint
_up_chart_timeline_n_pages (UpChartContext *ctx)
{
  return _up_chart_rows_n_pages (ctx, &timeline_spec);
}

void
_up_chart_timeline_size (UpChartContext *ctx,
                         double         *width,
                         double         *height)
{
  _up_chart_rows_size (ctx, &timeline_spec, width, height);
}

void
_up_chart_timeline_draw (UpChartContext *ctx,
                         double          width,
                         double          height)
{
  cairo_t *cr = ctx->cr;
  guint n_body_rows, first;
  g_autoptr(GListModel) stages = _up_chart_rows_page (ctx, &timeline_spec, &n_body_rows, &first);
  guint n_stages = g_list_model_get_n_items (stages);
  const Bars *bars = timeline_bars (ctx);
  UpLegendItem legend[UP_CHART_ROWS_MAX_LEGEND];
  guint n_legend, shown_first, shown_last;
  UpChartFrame frame;
  double plot_x, top, rows_bottom;
  guint32 today = _up_chart_day (ctx);
  /* wider on a slide, the columns right of it as much further right */
  double title_width = _up_chart_rows_title_width (ctx, &timeline_spec);
  double body_width = BODY_WIDTH + title_width - TITLE_WIDTH;

  _up_chart_rows_frame (ctx, &timeline_spec, n_body_rows, width, height, legend, &n_legend, &frame);
  _up_chart_frame_draw (ctx, UP_CHART_TIMELINE, &frame, legend, n_legend, width, height);
  _up_chart_rows_draw_continued (ctx, &frame);
  /* the body in its own units from here on, larger on a slide */
  {
    double scale = _up_chart_rows_body_scale (ctx, &timeline_spec);

    cairo_translate (cr, frame.body_x, frame.body_y);
    cairo_scale (cr, scale, scale);
    frame.body_x = frame.body_y = 0;
    frame.body_width /= scale;
    frame.body_height /= scale;
  }

  plot_x = frame.body_x + PLOT_X + title_width - TITLE_WIDTH;
  top = frame.body_y + HEAD_HEIGHT;
  if (n_stages == 0)
    {
      const char *empty = ctx->options->local_goal == NULL || up_project_count (ctx->project, "stage") == 0
                          ? N_("No stages yet")
                          : N_("No stage serves this goal yet");

      _up_chart_text (ctx, up_lang_gettext (ctx->lang, empty), frame.body_x, top + ROW / 2,
                      body_width, TEXT_SIZE, UP_TEXT_DIM | UP_TEXT_MIDDLE | UP_TEXT_MUST_FIT, 1, NULL);
      return;
    }
  rows_bottom = top + n_stages * ROW;

  _up_chart_rows_visible (ctx, top, ROW, n_stages, &shown_first, &shown_last);

  /* the stripes behind every second row */
  {
    UpRgba stripe = ctx->line;

    stripe.a = 0.18;
    _up_chart_set_colour (cr, &stripe);
    for (guint i = shown_first | 1; i < shown_last; i += 2)
      cairo_rectangle (cr, frame.body_x - 4, top + i * ROW, body_width + 8, ROW);
    cairo_fill (cr);
  }

  if (_up_chart_in_clip (ctx, frame.body_y, rows_bottom))
    draw_axis (ctx, bars, plot_x, frame.body_y, rows_bottom);

  if (_up_chart_in_clip (ctx, frame.body_y, top))
    {
      /* Translators: the heading of the exported timeline's column of each
       * stage's first and last day. */
      _up_chart_text (ctx, up_lang_gettext (ctx->lang, N_("Dates")), frame.body_x + title_width + 6,
                      frame.body_y + TIER / 2, DATES_WIDTH, SMALL_SIZE,
                      UP_TEXT_DIM | UP_TEXT_MIDDLE | UP_TEXT_MUST_FIT, 1, NULL);
      /* Translators: the heading of the exported timeline's last column, the
       * Agenda 2030 goals each stage serves; keep it short. */
      _up_chart_text (ctx, up_lang_gettext (ctx->lang, N_("Goals")), plot_x + PLOT_WIDTH + GOALS_GAP,
                      frame.body_y + TIER / 2, GOALS_WIDTH, SMALL_SIZE,
                      UP_TEXT_DIM | UP_TEXT_MIDDLE | UP_TEXT_MUST_FIT, 1, NULL);
    }

  /* The titles, then the dates (in a file, as one text operation), the
   * bars and the goals: text of one font and colour after another is one
   * text object in a PDF, without a font and a matrix each. */
  {
    UpGlyphBatch lines[2];

    _up_chart_glyph_batch_init (&lines[0], &ctx->fg);
    _up_chart_glyph_batch_init (&lines[1], &ctx->fg);
    for (guint i = shown_first; i < shown_last; i++)
      {
        g_autoptr(UpStage) stage = g_list_model_get_item (stages, i);

        /* two lines of 8 pt need closer lines than the font's in 18 pt */
        _up_chart_stage_row_title (ctx, stage, frame.body_x, top + i * ROW + ROW / 2, title_width,
                                   TEXT_SIZE, SMALL_SIZE, UP_TEXT_TIGHT, lines);
      }
    _up_chart_glyph_batch_show (ctx, &lines[0]);
    _up_chart_glyph_batch_show (ctx, &lines[1]);
  }
  {
    UpGlyphBatch batch;

    _up_chart_glyph_batch_init (&batch, &ctx->dim);
    for (guint i = shown_first; i < shown_last; i++)
      {
        g_autoptr(UpStage) stage = g_list_model_get_item (stages, i);
        g_autofree char *dates = bar_dates (ctx, stage, &bars->bars[first + i]);
        const UpTextFlags flags = UP_TEXT_MIDDLE | UP_TEXT_DIM | UP_TEXT_MUST_FIT;
        double x = frame.body_x + title_width + 6, y = top + i * ROW + ROW / 2;

        /* Two ISO dates fit the column in any font the tests lay them out
         * in; drawn other than into a file, where no batch is made, that
         * is counted. */
        if (!ctx->in_file || dates[0] == '\0' ||
            !_up_chart_glyph_batch_add (ctx, &batch, dates, x, y, SMALL_SIZE, flags))
          _up_chart_text (ctx, dates, x, y, DATES_WIDTH, SMALL_SIZE, flags, 1, NULL);
      }
    _up_chart_glyph_batch_show (ctx, &batch);
  }
  draw_bars (ctx, bars, bars->bars + first, shown_first, shown_last, plot_x, top);
  {
    UpChipBatch chips;
    UpGlyphBatch more;

    _up_chart_chip_batch_init (&chips, CHIP_WIDTH, CHIP_HEIGHT, SMALL_SIZE);
    _up_chart_glyph_batch_init (&more, &ctx->fg);
    for (guint i = shown_first; i < shown_last; i++)
      draw_goals (ctx, &chips, &more, &bars->bars[first + i], plot_x + PLOT_WIDTH + GOALS_GAP, top + i * ROW);
    _up_chart_chip_batch_show (ctx, &chips);
    _up_chart_glyph_batch_show (ctx, &more);
  }

  /* the chart's date over the rows */
  if (today >= bars->first_day && today <= bars->last_day &&
      _up_chart_in_clip (ctx, frame.body_y, rows_bottom))
    {
      double x = day_x (bars, plot_x, today) + PLOT_WIDTH / (bars->last_day + 1 - bars->first_day) / 2;

      /* under the axis, clear of its labels */
      _up_chart_timeline_draw_today (ctx, x, top - 1, rows_bottom);
    }
}
