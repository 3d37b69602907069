/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The date axis of the timeline, without widgets: which pixel a day is at,
 * what a drag of so many pixels does to a stage's dates, and which labels
 * the axis shows. Days are GDate Julian day numbers (day 1 is 1 January of
 * year 1), so that date arithmetic is integer arithmetic. */

typedef enum
{
  UP_ZOOM_WEEK,
  UP_ZOOM_MONTH,
  UP_ZOOM_QUARTER,
  UP_ZOOM_YEAR,
  UP_ZOOM_YEARS,
} UpZoom;

#define UP_N_ZOOMS (UP_ZOOM_YEARS + 1)

#define UP_TYPE_ZOOM (up_zoom_get_type ())
GType        up_zoom_get_type            (void) G_GNUC_CONST;

/* What a drag moves: the whole stage, or one of its ends. */
typedef enum
{
  UP_DRAG_MOVE,
  UP_DRAG_START,
  UP_DRAG_END,
} UpDragMode;

typedef enum
{
  UP_TICK_MAJOR,
  UP_TICK_MINOR,
} UpTickLevel;

/* The days a date is written for, YYYY-MM-DD: 0001-01-01 to 9999-12-31.
 * The axis has no ticks, and the timeline moves no stage, outside them. */
#define UP_DAY_MIN 1
#define UP_DAY_MAX 3652059

/* One span of the axis, from the left edge of @day to the left edge of the
 * day after its last. */
typedef struct
{
  int          day;
  int          n_days;
  double       x;
  double       end_x;
  char        *label;       /* localised; NULL when the span has none */
} UpTick;

#define UP_TYPE_TIMESCALE (up_timescale_get_type ())

typedef struct _UpTimescale UpTimescale;

struct _UpTimescale
{
  int          origin;      /* the day whose left edge is at x = 0 */
  UpZoom       zoom;
  /* Pixels per day in place of the zoom's own, 0 for the zoom's own: the
   * years zoom fitted to a plan (up_zoom_fit_pixels_per_day()). */
  double       pixels_per_day;
};

GType        up_timescale_get_type       (void) G_GNUC_CONST;
UpTimescale *up_timescale_new            (int                origin,
                                          UpZoom             zoom);
UpTimescale *up_timescale_copy           (const UpTimescale *self);
void         up_timescale_free           (UpTimescale       *self);

/* Zoom levels: pixels per day, and the unit that drags snap to (days at
 * week and month zoom, ISO weeks starting on Monday when zoomed out). */
double       up_zoom_get_pixels_per_day  (UpZoom             zoom);
int          up_zoom_get_snap_days       (UpZoom             zoom);
const char  *up_zoom_get_label           (UpZoom             zoom);
UpZoom       up_zoom_fit                 (int                first_day,
                                          int                last_day,
                                          double             width);
/* Where up_zoom_fit() gives the years zoom and its own scale leaves room
 * unused, the pixels per day at which @first_day to @last_day fill @width
 * with the same margin, less than the year zoom's; 0 where the years zoom's
 * own scale is needed (the plan does not fit at it) or is not the fit. */
double       up_zoom_fit_pixels_per_day  (int                first_day,
                                          int                last_day,
                                          double             width);

/* Days. 0 is no day: what an invalid date gives. */
int          up_day_from_iso             (const char        *iso);
int          up_day_from_date            (const GDate       *date);
char        *up_day_to_iso               (int                day);
void         up_day_to_date              (int                day,
                                          GDate             *date);
int          up_day_today                (void);
GDateWeekday up_day_get_weekday          (int                day);
int          up_day_get_iso_week         (int                day,
                                          int               *iso_year);
char        *up_day_format               (int                day,
                                          const char        *format);
char        *up_week_format              (int                week);

/* Pixels. A day covers [x, x + pixels per day); x of a day is its left edge. */
double       up_timescale_day_to_x       (const UpTimescale *self,
                                          int                day);
int          up_timescale_x_to_day       (const UpTimescale *self,
                                          double             x);
double       up_timescale_days_to_width  (const UpTimescale *self,
                                          int                n_days);

/* Snapping. up_timescale_snap() gives the unit boundary nearest to @day: a
 * day is its own boundary at day snapping, a Monday at week snapping.
 * up_timescale_step() is the unit in days (one keyboard step). */
int          up_timescale_snap           (const UpTimescale *self,
                                          int                day);
int          up_timescale_step           (const UpTimescale *self);

/* The dates a stage from @start to @end (inclusive) gets when @mode is
 * dragged @dx pixels. Moving keeps the duration; resizing never lets the
 * stage end before it starts. Without @snap the dates follow the pointer
 * to the nearest day. */
void         up_timescale_drag           (const UpTimescale *self,
                                          UpDragMode         mode,
                                          int                start,
                                          int                end,
                                          double             dx,
                                          gboolean           snap,
                                          int               *new_start,
                                          int               *new_end);

/* The spans of one level of the axis that cover [@x0, @x1): the first
 * starts at or before @x0, the last ends at or after @x1, each ends where
 * the next begins. Returns: (element-type UpTick): clears its labels. */
GArray      *up_timescale_get_ticks      (const UpTimescale *self,
                                          UpTickLevel        level,
                                          double             x0,
                                          double             x1);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (UpTimescale, up_timescale_free)

G_END_DECLS
