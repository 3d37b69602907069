/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Frames of a continuous drag of a bar on the timeline (issue 8, item 4).
 *
 *   bench-drag PROJECT [FRAMES]
 *
 * Opens PROJECT in a timeline of 1280 × 800, presses on the bar of the
 * stage in the middle of the project and moves it by a few pixels on every
 * frame, as a pointer held down and moved steadily does, for FRAMES frames
 * (default 240). For each frame it measures the work of the frame: from the
 * frame clock's "before-paint" to its "after-paint" (update, layout and
 * drawing, the renderer's work included), and, of that, the time the
 * timeline's own snapshot takes (what the app lays out and draws; the
 * rest is GTK's renderer). A frame counts as dropped when the time since
 * the previous frame is more than 1.5 refresh intervals. Prints one line of figures;
 * the release at the end commits one move, as a real drag does. Needs a
 * display (Xvfb). Not a test. */

#include "config.h"

#include <stdlib.h>

#include <upphandla/upphandla.h>

#include "up-timeline.h"

typedef struct
{
  UpTimeline *timeline;
  GtkGesture *gesture;
  GArray     *work_ms;      /* double: before-paint to after-paint */
  GArray     *interval_ms;  /* double: frame start to frame start */
  GArray     *snapshot_ms;  /* double: the timeline's snapshot vfunc */
  gint64      paint_start;
  gint64      last_start;
  guint       frames_left;
  double      dx;
  gboolean    done;
} Bench;

static Bench *the_bench;
static void (*timeline_snapshot) (GtkWidget *, GtkSnapshot *);

/* The timeline's own snapshot, timed. */
static void
timed_snapshot (GtkWidget   *widget,
                GtkSnapshot *snapshot)
{
  gint64 start = g_get_monotonic_time ();
  double ms;

  timeline_snapshot (widget, snapshot);
  ms = (g_get_monotonic_time () - start) / 1000.0;
  if (the_bench->snapshot_ms != NULL)
    g_array_append_val (the_bench->snapshot_ms, ms);
}

static GtkGesture *
get_drag_gesture (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_DRAG (controller))
        return GTK_GESTURE (controller);
    }
  g_error ("The timeline has no drag gesture");
}

static void
on_before_paint (GdkFrameClock *clock,
                 Bench         *bench)
{
  gint64 now = g_get_monotonic_time ();

  if (bench->last_start != 0)
    {
      double interval = (now - bench->last_start) / 1000.0;

      g_array_append_val (bench->interval_ms, interval);
    }
  bench->last_start = now;
  bench->paint_start = now;
}

static void
on_after_paint (GdkFrameClock *clock,
                Bench         *bench)
{
  double work = (g_get_monotonic_time () - bench->paint_start) / 1000.0;

  if (bench->paint_start == 0)
    return;
  g_array_append_val (bench->work_ms, work);
  bench->paint_start = 0;
}

/* One step of the pointer per frame, right, then back left halfway. */
static gboolean
on_tick (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  Bench *bench = user_data;

  if (bench->frames_left == 0)
    {
      g_signal_emit_by_name (bench->gesture, "drag-end", bench->dx, 0.0);
      bench->done = TRUE;
      return G_SOURCE_REMOVE;
    }

  bench->frames_left--;
  bench->dx += bench->frames_left % 120 < 60 ? 3.0 : -3.0;
  g_signal_emit_by_name (bench->gesture, "drag-update", bench->dx, 0.0);
  return G_SOURCE_CONTINUE;
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
percentile (GArray *values,
            double  p)
{
  guint index;

  if (values->len == 0)
    return 0;
  g_array_sort (values, compare_double);
  index = MIN (values->len - 1, (guint) (p * (values->len - 1) + 0.5));
  return g_array_index (values, double, index);
}

static gboolean
wake (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

static void
iterate_until (gboolean *flag,
               guint     seconds)
{
  gint64 deadline = g_get_monotonic_time () + seconds * G_USEC_PER_SEC;
  guint id = g_timeout_add (5, wake, NULL);

  while (!*flag && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (id);
}

static void
iterate_for (guint ms)
{
  gint64 deadline = g_get_monotonic_time () + ms * 1000;
  guint id = g_timeout_add (5, wake, NULL);

  while (g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (id);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(UpProject) project = NULL;
  Bench bench = { 0 };
  GtkWindow *window;
  GtkWidget *scrolled;
  GdkFrameClock *clock;
  GListModel *stages;
  g_autoptr(UpStage) stage = NULL;
  graphene_rect_t bar;
  GtkAdjustment *hadjustment, *vadjustment;
  GdkFrameTimings *timings;
  gint64 refresh_us = 0;
  double refresh_ms;
  guint dropped = 0;
  guint frames = argc > 2 ? (guint) atoi (argv[2]) : 240;

  if (argc < 2)
    {
      g_printerr ("Usage: bench-drag PROJECT [FRAMES]\n");
      return 2;
    }

  gtk_init ();
  file = g_file_new_for_commandline_arg (argv[1]);
  project = up_project_open (file, &error);
  if (project == NULL)
    g_error ("%s", error->message);

  bench.timeline = g_object_ref_sink (UP_TIMELINE (up_timeline_new ()));
  the_bench = &bench;
  timeline_snapshot = GTK_WIDGET_GET_CLASS (bench.timeline)->snapshot;
  GTK_WIDGET_GET_CLASS (bench.timeline)->snapshot = timed_snapshot;
  up_timeline_set_project (bench.timeline, project);
  window = GTK_WINDOW (gtk_window_new ());
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (bench.timeline));
  gtk_window_set_child (window, scrolled);
  gtk_window_set_default_size (window, 1280, 800);
  gtk_window_present (window);
  iterate_for (1500);

  /* The stage in the middle of the plan, shown at week zoom. */
  stages = up_project_get_stages (project);
  stage = g_list_model_get_item (stages, g_list_model_get_n_items (stages) / 2);
  up_timeline_set_zoom (bench.timeline, UP_ZOOM_WEEK);
  iterate_for (300);
  up_timeline_scroll_to_stage (bench.timeline, stage);
  iterate_for (500);
  if (!up_timeline_get_stage_area (bench.timeline, stage, &bar))
    g_error ("The stage in the middle is not on screen");

  /* Away from the window's edges, where a drag scrolls the view along
   * (autoscroll redraws everything, which is another measurement): the bar
   * starts a third of the way in and halfway down, so that the drag's
   * 180 px to the left stay inside. */
  hadjustment = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (bench.timeline));
  vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (bench.timeline));
  gtk_adjustment_set_value (hadjustment,
                            gtk_adjustment_get_value (hadjustment) + bar.origin.x
                            - gtk_widget_get_width (GTK_WIDGET (bench.timeline)) / 3.0);
  gtk_adjustment_set_value (vadjustment,
                            gtk_adjustment_get_value (vadjustment) + bar.origin.y
                            - gtk_widget_get_height (GTK_WIDGET (bench.timeline)) / 2.0);
  iterate_for (500);
  if (!up_timeline_get_stage_area (bench.timeline, stage, &bar))
    g_error ("The stage in the middle is not on screen");

  bench.gesture = get_drag_gesture (GTK_WIDGET (bench.timeline));
  bench.work_ms = g_array_new (FALSE, FALSE, sizeof (double));
  bench.interval_ms = g_array_new (FALSE, FALSE, sizeof (double));
  bench.snapshot_ms = g_array_new (FALSE, FALSE, sizeof (double));
  bench.frames_left = frames;

  clock = gtk_widget_get_frame_clock (GTK_WIDGET (bench.timeline));
  g_signal_connect (clock, "before-paint", G_CALLBACK (on_before_paint), &bench);
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &bench);

  g_signal_emit_by_name (bench.gesture, "drag-begin",
                         bar.origin.x + MIN (bar.size.width / 2, 20.0),
                         bar.origin.y + bar.size.height / 2);
  gtk_widget_add_tick_callback (GTK_WIDGET (bench.timeline), on_tick, &bench, NULL);
  iterate_until (&bench.done, 120);

  timings = gdk_frame_clock_get_current_timings (clock);
  if (timings != NULL)
    refresh_us = gdk_frame_timings_get_refresh_interval (timings);
  refresh_ms = refresh_us > 0 ? refresh_us / 1000.0 : 1000.0 / 60;
  for (guint i = 0; i < bench.interval_ms->len; i++)
    if (g_array_index (bench.interval_ms, double, i) > 1.5 * refresh_ms)
      dropped++;

  g_print ("drag-frames %u work-median-ms %.2f work-p95-ms %.2f work-max-ms %.2f "
           "snapshot-median-ms %.2f snapshot-p95-ms %.2f "
           "interval-median-ms %.2f refresh-ms %.2f dropped %u\n",
           bench.work_ms->len, percentile (bench.work_ms, 0.5), percentile (bench.work_ms, 0.95),
           percentile (bench.work_ms, 1.0), percentile (bench.snapshot_ms, 0.5),
           percentile (bench.snapshot_ms, 0.95), percentile (bench.interval_ms, 0.5), refresh_ms,
           dropped);

  g_array_unref (bench.work_ms);
  g_array_unref (bench.interval_ms);
  g_clear_pointer (&bench.snapshot_ms, g_array_unref);
  gtk_window_destroy (window);
  g_object_unref (bench.timeline);
  return 0;
}
