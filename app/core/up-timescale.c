/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "up-timescale"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "up-timescale.h"
#include "up-types.h"

/* Pixels per day at each zoom. Chosen so that the finest labels of each
 * zoom fit their span at the default font: a day ("Wed 30") at week zoom,
 * an ISO week ("v. 52") at month and quarter zoom, a month ("Sep") at year
 * zoom, a quarter (named by its first month, "Oct") at years zoom; and so
 * that one zoom step is about a factor of three. Years zoom is there for a
 * plan of two years or so beside the stage list and the editor: at 1,100
 * px the timeline is about 400 px wide. */
static const double pixels_per_day[UP_N_ZOOMS] = {
  [UP_ZOOM_WEEK] = 48.0,
  [UP_ZOOM_MONTH] = 16.0,
  [UP_ZOOM_QUARTER] = 6.0,
  [UP_ZOOM_YEAR] = 1.5,
  [UP_ZOOM_YEARS] = 0.5,
};

static const int snap_days[UP_N_ZOOMS] = {
  [UP_ZOOM_WEEK] = 1,
  [UP_ZOOM_MONTH] = 1,
  [UP_ZOOM_QUARTER] = 7,
  [UP_ZOOM_YEAR] = 7,
  [UP_ZOOM_YEARS] = 7,
};

G_DEFINE_ENUM_TYPE (UpZoom, up_zoom,
                    G_DEFINE_ENUM_VALUE (UP_ZOOM_WEEK, "week"),
                    G_DEFINE_ENUM_VALUE (UP_ZOOM_MONTH, "month"),
                    G_DEFINE_ENUM_VALUE (UP_ZOOM_QUARTER, "quarter"),
                    G_DEFINE_ENUM_VALUE (UP_ZOOM_YEAR, "year"),
                    G_DEFINE_ENUM_VALUE (UP_ZOOM_YEARS, "years"))

G_DEFINE_BOXED_TYPE (UpTimescale, up_timescale, up_timescale_copy, up_timescale_free)

static UpZoom
valid_zoom (UpZoom zoom)
{
  return CLAMP ((int) zoom, UP_ZOOM_WEEK, UP_ZOOM_YEARS);
}

static double
ppd (const UpTimescale *self)
{
  if (self->pixels_per_day > 0)
    return self->pixels_per_day;

  return pixels_per_day[valid_zoom (self->zoom)];
}

/* Days */

int
up_day_from_date (const GDate *date)
{
  g_return_val_if_fail (date != NULL, 0);

  if (!g_date_valid (date))
    return 0;

  return (int) g_date_get_julian (date);
}

/* GLib's Julian day (1 January of the year 1 is day 1) counted here: the
 * timeline reads two dates of every stage as a project opens, and a GDate
 * set and asked for its day took 500 instructions of each. */
int
up_day_from_iso (const char *iso)
{
  static const guint16 days_before_month[13] = { 0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334 };
  guint year, month, day, before;

  if (!up_date_parse_ymd (iso, &year, &month, &day))
    return 0;

  before = year - 1;
  return (int) (before * 365 + before / 4 - before / 100 + before / 400 + days_before_month[month] + day +
                (month > 2 && g_date_is_leap_year (year) ? 1 : 0));
}

void
up_day_to_date (int    day,
                GDate *date)
{
  g_return_if_fail (date != NULL);

  g_date_clear (date, 1);
  if (g_date_valid_julian (day))
    g_date_set_julian (date, day);
}

char *
up_day_to_iso (int day)
{
  GDate date;

  g_return_val_if_fail (g_date_valid_julian (day), NULL);

  up_day_to_date (day, &date);

  return up_date_format (&date);
}

int
up_day_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date,
                  g_date_time_get_day_of_month (now),
                  g_date_time_get_month (now),
                  g_date_time_get_year (now));

  return up_day_from_date (&date);
}

GDateWeekday
up_day_get_weekday (int day)
{
  /* Day 1 (1 January of year 1, proleptic Gregorian) was a Monday. */
  return (GDateWeekday) ((day - 1) % 7 + 1);
}

/* The ISO 8601 week of @day; the week-numbering year, which differs from
 * the calendar year around New Year, goes to @iso_year. */
int
up_day_get_iso_week (int  day,
                     int *iso_year)
{
  GDate date;

  up_day_to_date (day, &date);
  g_return_val_if_fail (g_date_valid (&date), 0);

  if (iso_year != NULL)
    {
      GDate thursday;

      /* A week belongs to the year that holds its Thursday. */
      up_day_to_date (day - up_day_get_weekday (day) + G_DATE_THURSDAY, &thursday);
      *iso_year = g_date_get_year (&thursday);
    }

  return g_date_get_iso8601_week_of_year (&date);
}

/* @format is a g_date_time_format() format: month and weekday names come
 * from the locale. */
char *
up_day_format (int         day,
               const char *format)
{
  g_autoptr(GDateTime) time = NULL;
  GDate date;

  g_return_val_if_fail (format != NULL, NULL);

  up_day_to_date (day, &date);
  g_return_val_if_fail (g_date_valid (&date), NULL);

  time = g_date_time_new_utc (g_date_get_year (&date), g_date_get_month (&date),
                              g_date_get_day (&date), 0, 0, 0);
  /* GDateTime ends with the year 9999. */
  if (time == NULL)
    return g_strdup ("");

  return g_date_time_format (time, format);
}

char *
up_week_format (int week)
{
  /* Translators: An ISO 8601 week number on the timeline's date axis,
   * such as "W12". Swedish writes "v. 12". */
  return g_strdup_printf (C_("ISO week number", "W%1$d"), week);
}

/* Zoom */

double
up_zoom_get_pixels_per_day (UpZoom zoom)
{
  return pixels_per_day[valid_zoom (zoom)];
}

int
up_zoom_get_snap_days (UpZoom zoom)
{
  return snap_days[valid_zoom (zoom)];
}

const char *
up_zoom_get_label (UpZoom zoom)
{
  switch (valid_zoom (zoom))
    {
    case UP_ZOOM_WEEK:
      /* Translators: A zoom level of the timeline: about a week fills the view. */
      return C_("timeline zoom", "Week");
    case UP_ZOOM_MONTH:
      /* Translators: A zoom level of the timeline: about two months fill the view. */
      return C_("timeline zoom", "Month");
    case UP_ZOOM_QUARTER:
      /* Translators: A zoom level of the timeline: about two quarters fill the view. */
      return C_("timeline zoom", "Quarter");
    case UP_ZOOM_YEAR:
      /* Translators: A zoom level of the timeline: about two years fill the view. */
      return C_("timeline zoom", "Year");
    case UP_ZOOM_YEARS:
    default:
      /* Translators: A zoom level of the timeline: several years fill the view. */
      return C_("timeline zoom", "Years");
    }
}

/* The most detailed zoom at which @first_day to @last_day fits @width
 * pixels with a little room on either side; the widest if none does. */
UpZoom
up_zoom_fit (int    first_day,
             int    last_day,
             double width)
{
  int n_days = MAX (1, last_day - first_day + 1);

  for (UpZoom zoom = UP_ZOOM_WEEK; zoom < UP_ZOOM_YEARS; zoom++)
    {
      /* A tenth of the range, and at least a week, as margin. */
      double margin = MAX (n_days / 10.0, 7.0);

      if ((n_days + margin) * pixels_per_day[zoom] <= width)
        return zoom;
    }

  return UP_ZOOM_YEARS;
}

double
up_zoom_fit_pixels_per_day (int    first_day,
                            int    last_day,
                            double width)
{
  int n_days = MAX (1, last_day - first_day + 1);
  double margin = MAX (n_days / 10.0, 7.0);
  double fitted;

  if (up_zoom_fit (first_day, last_day, width) != UP_ZOOM_YEARS)
    return 0;

  /* Between the years zoom's scale and the year zoom's: the axis labels of
   * the years zoom (quarters) have room from its own scale up, and at the
   * year zoom's the plan would not fit. */
  fitted = width / (n_days + margin);
  if (fitted <= pixels_per_day[UP_ZOOM_YEARS])
    return 0;

  return MIN (fitted, pixels_per_day[UP_ZOOM_YEAR]);
}

/* Timescale */

UpTimescale *
up_timescale_new (int    origin,
                  UpZoom zoom)
{
  UpTimescale *self = g_new0 (UpTimescale, 1);

  self->origin = origin;
  self->zoom = valid_zoom (zoom);

  return self;
}

UpTimescale *
up_timescale_copy (const UpTimescale *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_memdup2 (self, sizeof *self);
}

void
up_timescale_free (UpTimescale *self)
{
  g_free (self);
}

double
up_timescale_day_to_x (const UpTimescale *self,
                       int                day)
{
  g_return_val_if_fail (self != NULL, 0.0);

  return (double) (day - self->origin) * ppd (self);
}

int
up_timescale_x_to_day (const UpTimescale *self,
                       double             x)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->origin + (int) floor (x / ppd (self));
}

double
up_timescale_days_to_width (const UpTimescale *self,
                            int                n_days)
{
  g_return_val_if_fail (self != NULL, 0.0);

  return n_days * ppd (self);
}

int
up_timescale_step (const UpTimescale *self)
{
  g_return_val_if_fail (self != NULL, 1);

  return snap_days[valid_zoom (self->zoom)];
}

static int
monday_on_or_before (int day)
{
  return day - (up_day_get_weekday (day) - G_DATE_MONDAY);
}

/* The unit boundary nearest to @position, a day that may be fractional (a
 * pointer between two boundaries). */
static int
snap_position (const UpTimescale *self,
               double             position)
{
  int monday;

  if (up_timescale_step (self) == 1)
    return (int) round (position);

  monday = monday_on_or_before ((int) floor (position));

  return position - monday < 3.5 ? monday : monday + 7;
}

int
up_timescale_snap (const UpTimescale *self,
                   int                day)
{
  g_return_val_if_fail (self != NULL, day);

  return snap_position (self, day);
}

void
up_timescale_drag (const UpTimescale *self,
                   UpDragMode         mode,
                   int                start,
                   int                end,
                   double             dx,
                   gboolean           snap,
                   int               *new_start,
                   int               *new_end)
{
  double days;
  int s = start, e = end;

  g_return_if_fail (self != NULL);
  g_return_if_fail (new_start != NULL && new_end != NULL);

  /* A stored stage that ends before it starts is damaged: draw it as one day. */
  e = MAX (start, end);
  days = dx / ppd (self);

  /* No movement is no edit, even when the stage is off the snap grid. */
  if (dx == 0.0)
    {
      *new_start = s;
      *new_end = e;
      return;
    }

  switch (mode)
    {
    case UP_DRAG_MOVE:
      s = snap ? snap_position (self, start + days) : start + (int) round (days);
      e = s + (e - start);
      break;

    case UP_DRAG_START:
      s = snap ? snap_position (self, start + days) : start + (int) round (days);
      s = MIN (s, e);
      break;

    case UP_DRAG_END:
      /* The end is inclusive: what snaps is the boundary after it. */
      e = snap ? snap_position (self, end + 1 + days) - 1 : end + (int) round (days);
      e = MAX (e, s);
      break;

    default:
      g_assert_not_reached ();
    }

  *new_start = s;
  *new_end = e;
}

/* Ticks */

static void
clear_tick (gpointer data)
{
  UpTick *tick = data;

  g_clear_pointer (&tick->label, g_free);
}

static int
first_of_month (int day)
{
  GDate date;

  up_day_to_date (day, &date);
  g_date_set_day (&date, 1);

  return up_day_from_date (&date);
}

static int
add_months (int day,
            int n_months)
{
  GDate date;

  up_day_to_date (day, &date);
  g_date_add_months (&date, n_months);

  return up_day_from_date (&date);
}

static int
first_of_quarter (int day)
{
  GDate date;
  int month;

  up_day_to_date (day, &date);
  month = g_date_get_month (&date);
  g_date_set_day (&date, 1);
  g_date_set_month (&date, (GDateMonth) (month - (month - 1) % 3));

  return up_day_from_date (&date);
}

static int
first_of_year (int day)
{
  GDate date;

  up_day_to_date (day, &date);
  g_date_set_day (&date, 1);
  g_date_set_month (&date, G_DATE_JANUARY);

  return up_day_from_date (&date);
}

/* The spans of one level: where each begins and what it is called. */
typedef enum
{
  SPAN_DAY,
  SPAN_WEEK,
  SPAN_MONTH,
  SPAN_QUARTER,
  SPAN_YEAR,
} SpanKind;

static SpanKind
span_kind (UpZoom      zoom,
           UpTickLevel level)
{
  static const SpanKind kinds[UP_N_ZOOMS][2] = {
    [UP_ZOOM_WEEK] = { SPAN_WEEK, SPAN_DAY },
    [UP_ZOOM_MONTH] = { SPAN_MONTH, SPAN_WEEK },
    [UP_ZOOM_QUARTER] = { SPAN_MONTH, SPAN_WEEK },
    [UP_ZOOM_YEAR] = { SPAN_QUARTER, SPAN_MONTH },
    [UP_ZOOM_YEARS] = { SPAN_YEAR, SPAN_QUARTER },
  };

  return kinds[valid_zoom (zoom)][level == UP_TICK_MINOR];
}

static int
span_first (SpanKind kind,
            int      day)
{
  switch (kind)
    {
    case SPAN_DAY:
      return day;
    case SPAN_WEEK:
      return monday_on_or_before (day);
    case SPAN_MONTH:
      return first_of_month (day);
    case SPAN_QUARTER:
      return first_of_quarter (day);
    case SPAN_YEAR:
    default:
      return first_of_year (day);
    }
}

static int
span_next (SpanKind kind,
           int      first)
{
  switch (kind)
    {
    case SPAN_DAY:
      return first + 1;
    case SPAN_WEEK:
      return first + 7;
    case SPAN_MONTH:
      return add_months (first, 1);
    case SPAN_QUARTER:
      return add_months (first, 3);
    case SPAN_YEAR:
    default:
      return add_months (first, 12);
    }
}

/* A month where the axis has little room, by the word the exported charts'
 * axis uses, in the UI's language: Swedish writes "mars", "juni" and
 * "juli", where the locale's %b gives "mar", "jun" and "jul", and the
 * timeline on screen should read as its export does. */
static char *
short_month_label (int day)
{
  GDate date;

  up_day_to_date (day, &date);
  g_return_val_if_fail (g_date_valid (&date), g_strdup (""));

  return g_strdup (up_lang_axis_month (UP_LANG_UI, g_date_get_month (&date)));
}

static char *
span_label (SpanKind kind,
            UpZoom   zoom,
            int      first)
{
  g_autofree char *week = NULL;
  g_autofree char *month = NULL;
  GDate date;

  switch (kind)
    {
    case SPAN_DAY:
      /* Translators: A day on the timeline's date axis at week zoom, as a
       * g_date_time_format() format: "%a %-d" gives "Mon 16". */
      /* xgettext:no-c-format */
      return up_day_format (first, C_("timeline axis day", "%a %-d"));

    case SPAN_WEEK:
      week = up_week_format (up_day_get_iso_week (first, NULL));
      if (zoom != UP_ZOOM_WEEK)
        return g_steal_pointer (&week);

      /* A week belongs to the month that holds its Thursday, as it belongs
       * to the year that does. */
      /* Translators: A month on the timeline's date axis, as a
       * g_date_time_format() format: "%OB %Y" gives "March 2026". */
      /* xgettext:no-c-format */
      month = up_day_format (MIN (first + 3, UP_DAY_MAX), C_("timeline axis month", "%OB %Y"));
      /* Translators: A week on the timeline's date axis at week zoom:
       * %1$s is the week number ("W12"), %2$s its month ("March 2026"). */
      return g_strdup_printf (C_("timeline axis week", "%1$s · %2$s"), week, month);

    case SPAN_MONTH:
      if (zoom == UP_ZOOM_YEAR)
        return short_month_label (first);
      /* xgettext:no-c-format */
      return up_day_format (first, C_("timeline axis month", "%OB %Y"));

    case SPAN_YEAR:
      return up_day_format (first, "%Y");

    case SPAN_QUARTER:
    default:
      if (zoom == UP_ZOOM_YEARS)
        /* A quarter under its year: named by its first month, "Jan",
         * "Apr", "Jul" and "Oct". */
        return short_month_label (first);
      up_day_to_date (first, &date);
      /* Translators: A quarter of a year on the timeline's date axis:
       * %1$d is the quarter (1 to 4), %2$d the year: "Q1 2026". */
      return g_strdup_printf (C_("timeline axis quarter", "Q%1$d %2$d"),
                              (g_date_get_month (&date) - 1) / 3 + 1,
                              g_date_get_year (&date));
    }
}

GArray *
up_timescale_get_ticks (const UpTimescale *self,
                        UpTickLevel        level,
                        double             x0,
                        double             x1)
{
  g_autoptr(GArray) ticks = g_array_new (FALSE, TRUE, sizeof (UpTick));
  SpanKind kind;
  int day, last;

  g_return_val_if_fail (self != NULL, NULL);

  g_array_set_clear_func (ticks, clear_tick);

  kind = span_kind (self->zoom, level);
  /* Only the days of UP_DAY_MIN..UP_DAY_MAX have ticks: the axis of a plan
   * that reaches the year 1 or 9999 shows the dates it has. */
  day = CLAMP (up_timescale_x_to_day (self, x0), UP_DAY_MIN, UP_DAY_MAX);
  day = MAX (span_first (kind, day), UP_DAY_MIN);
  last = MIN (up_timescale_x_to_day (self, MAX (x0, x1)), UP_DAY_MAX);
  if (last < day)
    return g_steal_pointer (&ticks);

  do
    {
      UpTick tick = { 0, };
      int next = span_next (kind, day);

      tick.day = day;
      tick.n_days = next - day;
      tick.x = up_timescale_day_to_x (self, day);
      tick.end_x = up_timescale_day_to_x (self, next);
      tick.label = span_label (kind, self->zoom, day);
      g_array_append_val (ticks, tick);

      day = next;
    }
  while (day <= last && up_timescale_day_to_x (self, day) < x1);

  return g_steal_pointer (&ticks);
}
