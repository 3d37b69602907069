/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <libintl.h>
#include <locale.h>
#include <string.h>

#include "upphandla.h"
#include "up-timescale.h"
#include "test-common.h"

/* The timeline's date axis without a display: pixels and days at every
 * zoom, snapping, drags, ISO weeks and the ticks of the axis. Runs in the C
 * locale, so that the labels are the untranslated ones. */

static int
day (const char *iso)
{
  int d = up_day_from_iso (iso);

  g_assert_cmpint (d, >, 0);

  return d;
}

static void
assert_day (int         actual,
            const char *expected)
{
  g_autofree char *iso = up_day_to_iso (actual);

  g_assert_cmpstr (iso, ==, expected);
}

/* The day of an ISO date is GLib's Julian day of it, for every day of the
 * years around now and for the days at the end of February of every year
 * a date can have; and what is no date (February 29 of a common year, the
 * 31st of a month of 30) is none. */
static void
test_days_match_glib (void)
{
  static const guint thirty_days[] = { 4, 6, 9, 11 };
  GDate date;
  guint n = 0;

  /* April, June, September and November have no 31st */
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, G_DATE_JANUARY, 1890);
  while (g_date_get_year (&date) < 2210)
    {
      g_autofree char *iso = up_date_format (&date);

      g_assert_cmpint (up_day_from_iso (iso), ==, (int) g_date_get_julian (&date));
      g_date_add_days (&date, 1);
      n++;
    }
  for (guint year = 1; year <= 9999; year++)
    for (guint d = 27; d <= 31; d++)
      {
        guint month = d <= 29 ? 2 : 3;
        guint day_of_month = d <= 29 ? d : d - 29;
        g_autofree char *iso = g_strdup_printf ("%04u-%02u-%02u", year, month, day_of_month);
        g_autofree char *iso_30 = g_strdup_printf ("%04u-%02u-31", year, thirty_days[year % 4]);

        if (!g_date_valid_dmy (day_of_month, month, year))
          {
            g_assert_cmpint (up_day_from_iso (iso), ==, 0);
            continue;
          }
        g_date_set_dmy (&date, day_of_month, month, year);
        g_assert_cmpint (up_day_from_iso (iso), ==, (int) g_date_get_julian (&date));
        g_assert_cmpint (up_day_from_iso (iso_30), ==, 0);
        n++;
      }
  g_test_message ("%u days compared", n);
}

static void
test_days (void)
{
  GDate date;
  int d;

  g_assert_cmpint (up_day_from_iso ("2026-02-30"), ==, 0);
  g_assert_cmpint (up_day_from_iso ("not a date"), ==, 0);
  g_assert_cmpint (up_day_from_iso (NULL), ==, 0);

  d = day ("2026-03-16");
  assert_day (d, "2026-03-16");
  assert_day (d + 16, "2026-04-01");
  assert_day (day ("2028-02-28") + 1, "2028-02-29");

  /* The weekday by arithmetic agrees with GDate's over a few years. */
  for (int i = day ("2025-12-01"); i < day ("2029-01-31"); i++)
    {
      up_day_to_date (i, &date);
      g_assert_cmpint (up_day_get_weekday (i), ==, g_date_get_weekday (&date));
    }
  g_assert_cmpint (up_day_get_weekday (day ("2026-03-16")), ==, G_DATE_MONDAY);
  g_assert_cmpint (up_day_get_weekday (day ("2026-03-22")), ==, G_DATE_SUNDAY);

  g_assert_cmpint (up_day_today (), >, day ("2020-01-01"));
}

static void
test_conversion (void)
{
  int origin = day ("2026-01-01");

  for (UpZoom zoom = UP_ZOOM_WEEK; zoom < UP_N_ZOOMS; zoom++)
    {
      g_autoptr(UpTimescale) ts = up_timescale_new (origin, zoom);
      double ppd = up_zoom_get_pixels_per_day (zoom);

      g_assert_cmpfloat (ppd, >, 0.0);
      g_assert_cmpfloat (up_timescale_day_to_x (ts, origin), ==, 0.0);
      g_assert_cmpfloat (up_timescale_day_to_x (ts, origin + 10), ==, 10 * ppd);
      g_assert_cmpfloat (up_timescale_day_to_x (ts, origin - 3), ==, -3 * ppd);
      g_assert_cmpfloat (up_timescale_days_to_width (ts, 7), ==, 7 * ppd);

      /* Every day and every pixel of two years round-trip, either side of
       * the origin. */
      for (int d = origin - 400; d < origin + 400; d++)
        {
          double x = up_timescale_day_to_x (ts, d);

          g_assert_cmpint (up_timescale_x_to_day (ts, x), ==, d);
          /* The whole width of the day is that day: x to day floors. */
          g_assert_cmpint (up_timescale_x_to_day (ts, x + ppd * 0.5), ==, d);
          g_assert_cmpint (up_timescale_x_to_day (ts, x + ppd * 0.999), ==, d);
          g_assert_cmpint (up_timescale_x_to_day (ts, x - ppd * 0.001), ==, d - 1);
        }

      for (double x = -500.0; x < 500.0; x += 0.25)
        {
          int d = up_timescale_x_to_day (ts, x);

          g_assert_cmpfloat (up_timescale_day_to_x (ts, d), <=, x);
          g_assert_cmpfloat (up_timescale_day_to_x (ts, d + 1), >, x);
        }
    }

  /* Zooms get coarser in order. */
  for (UpZoom zoom = UP_ZOOM_WEEK; zoom < UP_ZOOM_YEARS; zoom++)
    g_assert_cmpfloat (up_zoom_get_pixels_per_day (zoom), >, up_zoom_get_pixels_per_day (zoom + 1));

  /* A zoom out of range is the nearest one, not a crash. */
  g_assert_cmpfloat (up_zoom_get_pixels_per_day (42), ==, up_zoom_get_pixels_per_day (UP_ZOOM_YEARS));
}

static void
test_boxed (void)
{
  g_autoptr(UpTimescale) ts = up_timescale_new (day ("2026-01-01"), UP_ZOOM_QUARTER);
  g_autoptr(UpTimescale) copy = g_boxed_copy (UP_TYPE_TIMESCALE, ts);
  g_autoptr(GEnumClass) zooms = g_type_class_ref (UP_TYPE_ZOOM);

  g_assert_true (copy != ts);
  g_assert_cmpint (copy->origin, ==, ts->origin);
  g_assert_cmpint (copy->zoom, ==, UP_ZOOM_QUARTER);

  g_assert_cmpuint (zooms->n_values, ==, UP_N_ZOOMS);
  g_assert_cmpstr (g_enum_get_value (zooms, UP_ZOOM_MONTH)->value_nick, ==, "month");

  for (UpZoom zoom = UP_ZOOM_WEEK; zoom < UP_N_ZOOMS; zoom++)
    g_assert_cmpstr (up_zoom_get_label (zoom), !=, "");
}

static void
test_snapping (void)
{
  g_autoptr(UpTimescale) week = up_timescale_new (day ("2026-01-01"), UP_ZOOM_WEEK);
  g_autoptr(UpTimescale) month = up_timescale_new (day ("2026-01-01"), UP_ZOOM_MONTH);
  g_autoptr(UpTimescale) quarter = up_timescale_new (day ("2026-01-01"), UP_ZOOM_QUARTER);
  g_autoptr(UpTimescale) year = up_timescale_new (day ("2026-01-01"), UP_ZOOM_YEAR);

  g_assert_cmpint (up_timescale_step (week), ==, 1);
  g_assert_cmpint (up_timescale_step (month), ==, 1);
  g_assert_cmpint (up_timescale_step (quarter), ==, 7);
  g_assert_cmpint (up_timescale_step (year), ==, 7);

  /* Day snapping: every day is a boundary. */
  g_assert_cmpint (up_timescale_snap (month, day ("2026-03-18")), ==, day ("2026-03-18"));

  /* Week snapping: the nearest Monday. Mon..Thu go back, Fri..Sun forward. */
  g_assert_cmpint (up_timescale_snap (quarter, day ("2026-03-16")), ==, day ("2026-03-16"));
  g_assert_cmpint (up_timescale_snap (quarter, day ("2026-03-17")), ==, day ("2026-03-16"));
  g_assert_cmpint (up_timescale_snap (quarter, day ("2026-03-19")), ==, day ("2026-03-16"));
  g_assert_cmpint (up_timescale_snap (quarter, day ("2026-03-20")), ==, day ("2026-03-23"));
  g_assert_cmpint (up_timescale_snap (year, day ("2026-03-22")), ==, day ("2026-03-23"));
  /* Across a year end. */
  g_assert_cmpint (up_timescale_snap (year, day ("2026-12-31")), ==, day ("2026-12-28"));
  g_assert_cmpint (up_timescale_snap (year, day ("2027-01-02")), ==, day ("2027-01-04"));

  for (int d = day ("2026-01-01"); d < day ("2027-01-01"); d++)
    {
      int snapped = up_timescale_snap (quarter, d);

      g_assert_cmpint (up_day_get_weekday (snapped), ==, G_DATE_MONDAY);
      g_assert_cmpint (ABS (snapped - d), <=, 3);
    }
}

typedef struct
{
  UpZoom      zoom;
  UpDragMode  mode;
  const char *start;
  const char *end;
  double      days;     /* dx in days at that zoom */
  gboolean    snap;
  const char *new_start;
  const char *new_end;
} DragCase;

static const DragCase drag_cases[] = {
  /* Moving keeps the duration, by whole days at day snapping. */
  { UP_ZOOM_MONTH, UP_DRAG_MOVE, "2026-03-18", "2026-03-27", 5, TRUE, "2026-03-23", "2026-04-01" },
  { UP_ZOOM_MONTH, UP_DRAG_MOVE, "2026-03-18", "2026-03-27", -5, TRUE, "2026-03-13", "2026-03-22" },
  { UP_ZOOM_WEEK, UP_DRAG_MOVE, "2026-03-18", "2026-03-27", 2.4, TRUE, "2026-03-20", "2026-03-29" },
  { UP_ZOOM_WEEK, UP_DRAG_MOVE, "2026-03-18", "2026-03-27", 2.6, TRUE, "2026-03-21", "2026-03-30" },
  { UP_ZOOM_WEEK, UP_DRAG_MOVE, "2026-03-18", "2026-03-27", 0.3, TRUE, "2026-03-18", "2026-03-27" },
  /* Week snapping: the start goes to the nearest Monday. */
  { UP_ZOOM_QUARTER, UP_DRAG_MOVE, "2026-03-18", "2026-03-27", 1, TRUE, "2026-03-16", "2026-03-25" },
  { UP_ZOOM_QUARTER, UP_DRAG_MOVE, "2026-03-18", "2026-03-27", 4, TRUE, "2026-03-23", "2026-04-01" },
  { UP_ZOOM_YEAR, UP_DRAG_MOVE, "2026-03-16", "2026-03-27", 14, TRUE, "2026-03-30", "2026-04-10" },
  /* Shift: no snapping, the nearest day. */
  { UP_ZOOM_QUARTER, UP_DRAG_MOVE, "2026-03-18", "2026-03-27", 1, FALSE, "2026-03-19", "2026-03-28" },
  { UP_ZOOM_YEAR, UP_DRAG_MOVE, "2026-03-18", "2026-03-27", 4.4, FALSE, "2026-03-22", "2026-03-31" },
  /* Resizing moves one end. */
  { UP_ZOOM_MONTH, UP_DRAG_END, "2026-03-18", "2026-03-27", 3, TRUE, "2026-03-18", "2026-03-30" },
  { UP_ZOOM_MONTH, UP_DRAG_START, "2026-03-18", "2026-03-27", -3, TRUE, "2026-03-15", "2026-03-27" },
  /* An end snaps so that the stage ends on a Sunday, the day before a Monday. */
  { UP_ZOOM_QUARTER, UP_DRAG_END, "2026-03-18", "2026-03-27", 3, TRUE, "2026-03-18", "2026-03-29" },
  { UP_ZOOM_QUARTER, UP_DRAG_START, "2026-03-18", "2026-03-27", 5, TRUE, "2026-03-23", "2026-03-27" },
  /* Never ends before it starts, however far an edge goes. */
  { UP_ZOOM_MONTH, UP_DRAG_END, "2026-03-18", "2026-03-27", -30, TRUE, "2026-03-18", "2026-03-18" },
  { UP_ZOOM_MONTH, UP_DRAG_START, "2026-03-18", "2026-03-27", 30, TRUE, "2026-03-27", "2026-03-27" },
  { UP_ZOOM_YEAR, UP_DRAG_END, "2026-03-18", "2026-03-27", -300, TRUE, "2026-03-18", "2026-03-18" },
  { UP_ZOOM_YEAR, UP_DRAG_START, "2026-03-18", "2026-03-27", 300, FALSE, "2026-03-27", "2026-03-27" },
  /* A one-day stage (a milestone) moves as one day. */
  { UP_ZOOM_QUARTER, UP_DRAG_MOVE, "2026-04-20", "2026-04-20", 7, TRUE, "2026-04-27", "2026-04-27" },
  /* No movement is no change, even off the snap grid. */
  { UP_ZOOM_YEAR, UP_DRAG_MOVE, "2026-03-18", "2026-03-27", 0, TRUE, "2026-03-18", "2026-03-27" },
  { UP_ZOOM_YEAR, UP_DRAG_END, "2026-03-18", "2026-03-27", 0, TRUE, "2026-03-18", "2026-03-27" },
};

static void
test_drag (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (drag_cases); i++)
    {
      const DragCase *c = &drag_cases[i];
      g_autoptr(UpTimescale) ts = up_timescale_new (day ("2026-01-01"), c->zoom);
      double dx = c->days * up_zoom_get_pixels_per_day (c->zoom);
      int new_start = 0, new_end = 0;

      g_test_message ("case %u", i);
      up_timescale_drag (ts, c->mode, day (c->start), day (c->end), dx, c->snap,
                         &new_start, &new_end);
      assert_day (new_start, c->new_start);
      assert_day (new_end, c->new_end);
    }
}

static void
test_drag_never_inverts (void)
{
  int start = day ("2026-05-04");
  int end = day ("2026-05-15");

  for (UpZoom zoom = UP_ZOOM_WEEK; zoom < UP_N_ZOOMS; zoom++)
    {
      g_autoptr(UpTimescale) ts = up_timescale_new (day ("2026-01-01"), zoom);

      for (double dx = -2000; dx <= 2000; dx += 3.7)
        for (UpDragMode mode = UP_DRAG_MOVE; mode <= UP_DRAG_END; mode++)
          for (int snap = 0; snap <= 1; snap++)
            {
              int s, e;

              up_timescale_drag (ts, mode, start, end, dx, snap, &s, &e);
              g_assert_cmpint (s, <=, e);
              if (mode == UP_DRAG_MOVE)
                g_assert_cmpint (e - s, ==, end - start);
              else if (mode == UP_DRAG_START)
                g_assert_cmpint (e, ==, end);
              else
                g_assert_cmpint (s, ==, start);
            }
    }
}

static void
assert_week (const char *iso,
             int         week,
             int         iso_year)
{
  int y = 0;

  g_assert_cmpint (up_day_get_iso_week (day (iso), &y), ==, week);
  g_assert_cmpint (y, ==, iso_year);
}

static void
test_iso_weeks (void)
{
  g_autofree char *w12 = up_week_format (12);

  /* 2026 has 53 ISO weeks: its last week runs into 2027. */
  assert_week ("2026-12-28", 53, 2026);
  assert_week ("2026-12-31", 53, 2026);
  assert_week ("2027-01-01", 53, 2026);
  assert_week ("2027-01-03", 53, 2026);
  assert_week ("2027-01-04", 1, 2027);
  /* And a year whose week 1 starts in December. */
  assert_week ("2024-12-30", 1, 2025);
  assert_week ("2025-12-29", 1, 2026);
  assert_week ("2026-01-01", 1, 2026);
  assert_week ("2026-03-16", 12, 2026);

  g_assert_cmpstr (w12, ==, "W12");
}

static void
assert_ticks_cover (const UpTimescale *ts,
                    UpTickLevel        level,
                    double             x0,
                    double             x1)
{
  g_autoptr(GArray) ticks = up_timescale_get_ticks (ts, level, x0, x1);

  g_assert_cmpuint (ticks->len, >, 0);
  g_assert_cmpfloat (g_array_index (ticks, UpTick, 0).x, <=, x0);
  g_assert_cmpfloat (g_array_index (ticks, UpTick, ticks->len - 1).end_x, >=, x1);

  for (guint i = 0; i < ticks->len; i++)
    {
      UpTick *tick = &g_array_index (ticks, UpTick, i);

      g_assert_cmpint (tick->n_days, >, 0);
      g_assert_cmpfloat (tick->x, ==, up_timescale_day_to_x (ts, tick->day));
      g_assert_cmpfloat (tick->end_x, ==, up_timescale_day_to_x (ts, tick->day + tick->n_days));
      g_assert_nonnull (tick->label);
      g_assert_cmpstr (tick->label, !=, "");

      if (i + 1 < ticks->len)
        {
          UpTick *next = &g_array_index (ticks, UpTick, i + 1);

          /* No gap, no overlap. */
          g_assert_cmpint (tick->day + tick->n_days, ==, next->day);
          g_assert_cmpfloat (tick->end_x, ==, next->x);
          /* Nothing wholly outside the range. */
          g_assert_cmpfloat (next->x, <, x1);
        }
    }
  g_assert_cmpfloat (g_array_index (ticks, UpTick, 0).end_x, >, x0);
}

static void
test_ticks_cover (void)
{
  int origin = day ("2026-01-01");

  for (UpZoom zoom = UP_ZOOM_WEEK; zoom < UP_N_ZOOMS; zoom++)
    {
      g_autoptr(UpTimescale) ts = up_timescale_new (origin, zoom);

      for (double x0 = -3000; x0 < 3000; x0 += 211.3)
        for (double width = 1; width < 4000; width *= 3.3)
          {
            assert_ticks_cover (ts, UP_TICK_MAJOR, x0, x0 + width);
            assert_ticks_cover (ts, UP_TICK_MINOR, x0, x0 + width);
          }

      /* Exactly on a boundary. */
      assert_ticks_cover (ts, UP_TICK_MINOR, 0, up_timescale_day_to_x (ts, origin + 35));
    }
}

static const char *
tick_label_at (GArray     *ticks,
               const char *iso)
{
  int d = day (iso);

  for (guint i = 0; i < ticks->len; i++)
    {
      UpTick *tick = &g_array_index (ticks, UpTick, i);

      if (tick->day <= d && d < tick->day + tick->n_days)
        return tick->label;
    }

  g_assert_not_reached ();
}

static void
test_tick_spans (void)
{
  int origin = day ("2026-11-01");
  g_autoptr(UpTimescale) week = up_timescale_new (origin, UP_ZOOM_WEEK);
  g_autoptr(UpTimescale) month = up_timescale_new (origin, UP_ZOOM_MONTH);
  g_autoptr(UpTimescale) quarter = up_timescale_new (origin, UP_ZOOM_QUARTER);
  g_autoptr(UpTimescale) year = up_timescale_new (origin, UP_ZOOM_YEAR);
  g_autoptr(GArray) weeks = NULL;
  g_autoptr(GArray) days = NULL;
  g_autoptr(GArray) months = NULL;
  g_autoptr(GArray) month_weeks = NULL;
  g_autoptr(GArray) quarter_weeks = NULL;
  g_autoptr(GArray) quarters = NULL;
  g_autoptr(GArray) short_months = NULL;

  /* Week zoom: weeks named with their number and month, days below. */
  weeks = up_timescale_get_ticks (week, UP_TICK_MAJOR, 0, 48 * 120);
  days = up_timescale_get_ticks (week, UP_TICK_MINOR, 0, 48 * 120);
  g_assert_cmpstr (tick_label_at (weeks, "2026-12-31"), ==, "W53 · December 2026");
  g_assert_cmpstr (tick_label_at (weeks, "2027-01-01"), ==, "W53 · December 2026");
  g_assert_cmpstr (tick_label_at (weeks, "2027-01-04"), ==, "W1 · January 2027");
  /* Weeks start on Monday, also the first, which starts before the range. */
  g_assert_cmpint (up_day_get_weekday (g_array_index (weeks, UpTick, 0).day), ==, G_DATE_MONDAY);
  g_assert_cmpint (up_day_get_weekday (g_array_index (weeks, UpTick, 1).day), ==, G_DATE_MONDAY);
  g_assert_cmpint (g_array_index (weeks, UpTick, 1).n_days, ==, 7);
  g_assert_cmpstr (tick_label_at (days, "2026-12-31"), ==, "Thu 31");
  g_assert_cmpstr (tick_label_at (days, "2027-01-04"), ==, "Mon 4");
  g_assert_cmpint (g_array_index (days, UpTick, 0).n_days, ==, 1);

  /* Month zoom: months above, ISO weeks below. */
  months = up_timescale_get_ticks (month, UP_TICK_MAJOR, 0, 16 * 120);
  month_weeks = up_timescale_get_ticks (month, UP_TICK_MINOR, 0, 16 * 120);
  g_assert_cmpstr (tick_label_at (months, "2026-12-31"), ==, "December 2026");
  g_assert_cmpstr (tick_label_at (months, "2027-01-01"), ==, "January 2027");
  g_assert_cmpint (g_array_index (months, UpTick, 1).n_days, ==, 31);  /* December */
  g_assert_cmpstr (tick_label_at (month_weeks, "2026-12-31"), ==, "W53");
  g_assert_cmpstr (tick_label_at (month_weeks, "2027-01-01"), ==, "W53");
  g_assert_cmpstr (tick_label_at (month_weeks, "2027-01-04"), ==, "W1");

  quarter_weeks = up_timescale_get_ticks (quarter, UP_TICK_MINOR, 0, 6 * 120);
  g_assert_cmpstr (tick_label_at (quarter_weeks, "2027-01-01"), ==, "W53");

  /* Year zoom: quarters above, months below. */
  quarters = up_timescale_get_ticks (year, UP_TICK_MAJOR, 0, 1.5 * 400);
  short_months = up_timescale_get_ticks (year, UP_TICK_MINOR, 0, 1.5 * 400);
  g_assert_cmpstr (tick_label_at (quarters, "2026-11-15"), ==, "Q4 2026");
  g_assert_cmpstr (tick_label_at (quarters, "2027-02-15"), ==, "Q1 2027");
  g_assert_cmpint (g_array_index (quarters, UpTick, 0).day, ==, day ("2026-10-01"));
  g_assert_cmpstr (tick_label_at (short_months, "2027-02-15"), ==, "Feb");

  /* Years zoom: years above, quarters below named by their first month. */
  {
    g_autoptr(UpTimescale) years = up_timescale_new (origin, UP_ZOOM_YEARS);
    g_autoptr(GArray) year_spans = up_timescale_get_ticks (years, UP_TICK_MAJOR, 0, 0.5 * 800);
    g_autoptr(GArray) year_quarters = up_timescale_get_ticks (years, UP_TICK_MINOR, 0, 0.5 * 800);

    g_assert_cmpstr (tick_label_at (year_spans, "2026-12-31"), ==, "2026");
    g_assert_cmpstr (tick_label_at (year_spans, "2027-06-15"), ==, "2027");
    g_assert_cmpint (g_array_index (year_spans, UpTick, 0).day, ==, day ("2026-01-01"));
    g_assert_cmpint (g_array_index (year_spans, UpTick, 1).n_days, ==, 365);
    g_assert_cmpstr (tick_label_at (year_quarters, "2026-11-15"), ==, "Oct");
    g_assert_cmpstr (tick_label_at (year_quarters, "2027-05-15"), ==, "Apr");
    g_assert_cmpint (g_array_index (year_quarters, UpTick, 1).day, ==, day ("2027-01-01"));
  }
}

static void
test_fit (void)
{
  int first = day ("2026-02-02");

  /* Two weeks fit a wide view at week zoom; the demo's 19 months only at year. */
  g_assert_cmpint (up_zoom_fit (first, first + 13, 1200), ==, UP_ZOOM_WEEK);
  g_assert_cmpint (up_zoom_fit (first, first + 60, 1200), ==, UP_ZOOM_MONTH);
  g_assert_cmpint (up_zoom_fit (first, first + 150, 1200), ==, UP_ZOOM_QUARTER);
  g_assert_cmpint (up_zoom_fit (first, day ("2027-08-31"), 1200), ==, UP_ZOOM_YEAR);
  g_assert_cmpint (up_zoom_fit (first, day ("2027-08-31"), 4000), ==, UP_ZOOM_QUARTER);
  /* Nothing fits: the widest zoom. An empty range: the most detailed. */
  g_assert_cmpint (up_zoom_fit (first, first + 20000, 800), ==, UP_ZOOM_YEARS);
  /* Twenty months beside the stage list and the editor of a window 1,100
   * px wide, where the timeline is about 400 px: years zoom. */
  g_assert_cmpint (up_zoom_fit (day ("2027-01-11"), day ("2028-09-13"), 400), ==, UP_ZOOM_YEARS);
  g_assert_cmpint (up_zoom_fit (first, first, 800), ==, UP_ZOOM_WEEK);

  /* What fit chooses does fit. */
  for (int n = 1; n < 2000; n += 17)
    {
      UpZoom zoom = up_zoom_fit (first, first + n, 1000);

      if (zoom != UP_ZOOM_YEARS)
        g_assert_cmpfloat ((n + 1) * up_zoom_get_pixels_per_day (zoom), <=, 1000);
      /* And the zoom before it would not have, margin included. */
      if (zoom != UP_ZOOM_WEEK)
        g_assert_cmpfloat ((n + 1) * up_zoom_get_pixels_per_day (zoom - 1), >, 1000 * 0.5);
    }
}

static void
test_format (void)
{
  g_autofree char *iso = up_day_to_iso (day ("2026-03-16"));
  g_autofree char *text = up_day_format (day ("2026-03-16"), "%A %-d %B %Y");

  g_assert_cmpstr (iso, ==, "2026-03-16");
  g_assert_cmpstr (text, ==, "Monday 16 March 2026");
}

/* A plan may reach the year 1 or 9999 (a file holds any date it is given):
 * the axis has the ticks of the days that have a date, labelled, and
 * none past them (the labels of the year 10000 were GLib criticals, and
 * at the year 1 the axis was blank). */
static void
test_ticks_at_the_ends (void)
{
  for (UpZoom zoom = UP_ZOOM_WEEK; zoom < UP_N_ZOOMS; zoom++)
    for (UpTickLevel level = UP_TICK_MAJOR; level <= UP_TICK_MINOR; level++)
      {
        double ppd = up_zoom_get_pixels_per_day (zoom);
        g_autoptr(UpTimescale) first = up_timescale_new (UP_DAY_MIN - 200, zoom);
        g_autoptr(UpTimescale) last = up_timescale_new (UP_DAY_MAX - 200, zoom);
        g_autoptr(GArray) early = up_timescale_get_ticks (first, level, 0, 400 * ppd);
        g_autoptr(GArray) late = up_timescale_get_ticks (last, level, 0, 400 * ppd);
        g_autoptr(GArray) before = up_timescale_get_ticks (first, level, 0, 100 * ppd);

        g_assert_cmpuint (early->len, >, 0);
        g_assert_cmpint (g_array_index (early, UpTick, 0).day, ==, UP_DAY_MIN);
        g_assert_cmpuint (late->len, >, 0);
        g_assert_cmpint (g_array_index (late, UpTick, late->len - 1).day, <=, UP_DAY_MAX);
        g_assert_cmpint (g_array_index (late, UpTick, late->len - 1).day +
                         g_array_index (late, UpTick, late->len - 1).n_days, >, UP_DAY_MAX);
        for (guint i = 0; i < late->len; i++)
          g_assert_cmpstr (g_array_index (late, UpTick, i).label, !=, "");
        for (guint i = 0; i < early->len; i++)
          g_assert_cmpstr (g_array_index (early, UpTick, i).label, !=, "");
        /* days before the year 1 only */
        g_assert_cmpuint (before->len, ==, 0);
      }

  {
    g_autofree char *year = up_day_format (UP_DAY_MAX, "%Y");
    g_autofree char *after = up_day_format (UP_DAY_MAX + 1, "%Y");
    g_autofree char *iso = up_day_to_iso (UP_DAY_MAX);

    g_assert_cmpstr (year, ==, "9999");
    g_assert_cmpstr (after, ==, "");
    g_assert_cmpstr (iso, ==, "9999-12-31");
  }
}

/* Where there is little room the axis names a month by the word the
 * exported charts use: in Swedish "mars", "juni" and "juli", not the
 * locale's "mar", "jun" and "jul", so that the timeline on screen and its
 * exported chart agree (and in the UI's language, not LC_TIME's). */
static void
test_short_months_translated (void)
{
  const char *localedir = g_getenv ("UPPHANDLA_LOCALEDIR");
  g_autofree char *saved_locale = g_strdup (setlocale (LC_ALL, NULL));
  g_autoptr(UpTimescale) year = NULL;
  g_autoptr(UpTimescale) years = NULL;
  g_autoptr(GArray) months = NULL;
  g_autoptr(GArray) quarters = NULL;
  int origin = day ("2027-01-01");

  if (localedir == NULL || localedir[0] == '\0')
    {
      g_test_skip ("UPPHANDLA_LOCALEDIR is not set (meson test sets it)");
      return;
    }
  if (!test_speak_swedish (GETTEXT_PACKAGE, localedir))
    return;

  year = up_timescale_new (origin, UP_ZOOM_YEAR);
  months = up_timescale_get_ticks (year, UP_TICK_MINOR, 0, 1.5 * 365);
  g_assert_cmpstr (tick_label_at (months, "2027-02-15"), ==, "feb");
  g_assert_cmpstr (tick_label_at (months, "2027-03-15"), ==, "mars");
  g_assert_cmpstr (tick_label_at (months, "2027-06-15"), ==, "juni");
  g_assert_cmpstr (tick_label_at (months, "2027-07-15"), ==, "juli");
  g_assert_cmpstr (tick_label_at (months, "2027-10-15"), ==, "okt");

  years = up_timescale_new (origin, UP_ZOOM_YEARS);
  quarters = up_timescale_get_ticks (years, UP_TICK_MINOR, 0, 0.5 * 800);
  g_assert_cmpstr (tick_label_at (quarters, "2027-08-15"), ==, "juli");

  /* The UI in English on a Swedish LC_TIME: the axis speaks English. */
  g_setenv ("LANGUAGE", "en", TRUE);
  setlocale (LC_MESSAGES, "en_US.UTF-8");
  g_clear_pointer (&months, g_array_unref);
  months = up_timescale_get_ticks (year, UP_TICK_MINOR, 0, 1.5 * 365);
  g_assert_cmpstr (tick_label_at (months, "2027-07-15"), ==, "Jul");

  g_setenv ("LANGUAGE", "C", TRUE);
  setlocale (LC_ALL, saved_locale);
}

/* The years zoom fitted to a plan: the plan and its margin fill the width,
 * at a scale between the years zoom's own and the year zoom's; 0 where
 * another zoom fits or the plan needs the years zoom's own scale. */
static void
test_fit_pixels_per_day (void)
{
  int first = day ("2025-03-03");
  int last = day ("2027-10-29");
  int n_days = last - first + 1;
  double fitted = up_zoom_fit_pixels_per_day (first, last, 900);
  UpTimescale scale = { .origin = first, .zoom = UP_ZOOM_YEARS, .pixels_per_day = fitted };

  g_assert_cmpint (up_zoom_fit (first, last, 900), ==, UP_ZOOM_YEARS);
  g_assert_cmpfloat (fitted, >, up_zoom_get_pixels_per_day (UP_ZOOM_YEARS));
  g_assert_cmpfloat (fitted, <, up_zoom_get_pixels_per_day (UP_ZOOM_YEAR));
  /* The plan and a tenth of it fill the 900 px. */
  g_assert_cmpfloat_with_epsilon (up_timescale_days_to_width (&scale, n_days + n_days / 10), 900, 2);
  g_assert_cmpfloat (up_timescale_day_to_x (&scale, last + 1), ==, n_days * fitted);
  g_assert_cmpint (up_timescale_x_to_day (&scale, n_days * fitted - 0.1), ==, last);

  /* A shorter plan fits at the year zoom, a far longer one not even at
   * the years zoom's own scale. */
  g_assert_cmpfloat (up_zoom_fit_pixels_per_day (first, first + 300, 900), ==, 0);
  g_assert_cmpfloat (up_zoom_fit_pixels_per_day (first, first + 20000, 900), ==, 0);
  g_assert_cmpfloat (up_zoom_fit_pixels_per_day (first, last, 0), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  /* The labels checked here are the untranslated ones. */
  g_setenv ("LANGUAGE", "C", TRUE);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  setlocale (LC_ALL, "C.UTF-8");

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/timescale/days", test_days);
  g_test_add_func ("/timescale/days-match-glib", test_days_match_glib);
  g_test_add_func ("/timescale/conversion", test_conversion);
  g_test_add_func ("/timescale/boxed", test_boxed);
  g_test_add_func ("/timescale/snapping", test_snapping);
  g_test_add_func ("/timescale/drag", test_drag);
  g_test_add_func ("/timescale/drag-never-inverts", test_drag_never_inverts);
  g_test_add_func ("/timescale/iso-weeks", test_iso_weeks);
  g_test_add_func ("/timescale/ticks-cover", test_ticks_cover);
  g_test_add_func ("/timescale/tick-spans", test_tick_spans);
  g_test_add_func ("/timescale/ticks-at-the-ends", test_ticks_at_the_ends);
  g_test_add_func ("/timescale/fit", test_fit);
  g_test_add_func ("/timescale/fit-pixels-per-day", test_fit_pixels_per_day);
  g_test_add_func ("/timescale/format", test_format);
  g_test_add_func ("/timescale/short-months-translated", test_short_months_translated);

  return g_test_run ();
}
