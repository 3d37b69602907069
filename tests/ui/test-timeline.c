/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The timeline on the demo project, under Xvfb. Drags are the gesture's own
 * signals (GTK has no API to make pointer events), keys are the timeline's
 * actions; every edit is checked in the project file itself, after the
 * store has written it. Screenshots of the demo in light and dark style go
 * to the build folder for review. */

#include "config.h"

#include <adwaita.h>
#include <math.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "up-route.h"
#include "up-stage-editor.h"
#include "up-timeline.h"
#include "up-timeline-legend.h"
#include "up-timeline-private.h"
#include "up-window.h"
#include "ui-test-util.h"
#include "test-common.h"


typedef struct
{
  char       *dir;
  GFile      *file;
  UpProject  *project;
  GtkWindow  *window;
  UpTimeline *timeline;
} Fixture;


static GtkWindow *
create_window (UpTimeline *timeline,
               int         width,
               int         height)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (timeline));
  gtk_window_set_child (window, scrolled);
  gtk_window_set_default_size (window, width, height);
  gtk_window_present (window);
  wait_until (is_mapped, timeline);
  wait_for_frames (GTK_WIDGET (timeline));

  return window;
}

/* The timeline drawn, as 0xAARRGGBB pixels (CAIRO_FORMAT_ARGB32). */
static guint32 *
render_pixels (GtkWidget *widget)
{
  int width, height;
  guint32 *pixels = widget_pixels (widget, &width, &height);

  g_assert_cmpint (width, ==, gtk_widget_get_width (widget));
  return pixels;
}

static int
colour_distance (guint32 a,
                 guint32 b)
{
  return ABS ((int) ((a >> 16) & 0xff) - (int) ((b >> 16) & 0xff)) +
         ABS ((int) ((a >> 8) & 0xff) - (int) ((b >> 8) & 0xff)) +
         ABS ((int) (a & 0xff) - (int) (b & 0xff));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  fixture->project = demo_project_create (&fixture->dir, &fixture->file);
  g_assert_cmpuint (g_list_model_get_n_items (up_project_get_stages (fixture->project)), >, 5);

  fixture->timeline = g_object_ref_sink (UP_TIMELINE (up_timeline_new ()));
  up_timeline_set_project (fixture->timeline, fixture->project);
  fixture->window = create_window (fixture->timeline, 1200, 720);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  demo_project_close (&fixture->dir, &fixture->project, &fixture->file, fixture->window,
                      g_steal_pointer (&fixture->timeline));
}

static GtkGesture *
get_drag_gesture (UpTimeline *timeline)
{
  return GTK_GESTURE (get_controller (GTK_WIDGET (timeline), GTK_TYPE_GESTURE_DRAG));
}

static GtkEventController *
get_key_controller (UpTimeline *timeline)
{
  return get_controller (GTK_WIDGET (timeline), GTK_TYPE_EVENT_CONTROLLER_KEY);
}

/* The stage in row @kind's first row: the demo has one stage of each. */
static UpStage *
find_stage (UpProject  *project,
            const char *kind)
{
  GListModel *stages = up_project_get_stages (project);

  for (guint i = 0; i < g_list_model_get_n_items (stages); i++)
    {
      g_autoptr(UpStage) stage = g_list_model_get_item (stages, i);

      if (g_str_equal (up_stage_get_kind (stage), kind))
        return stage;
    }

  g_assert_not_reached ();
}

/* The dates of stage @id as the file on disk has them. */
static void
read_file_dates (Fixture *fixture,
                 gint64   id,
                 char   **start,
                 char   **end,
                 gint64  *position)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UpProject) copy = NULL;
  UpRecord *stage;

  up_store_flush (up_project_get_store (fixture->project), &error);
  g_assert_no_error (error);

  copy = up_project_open (fixture->file, &error);
  g_assert_no_error (error);
  stage = up_project_lookup (copy, "stage", id);
  g_assert_nonnull (stage);

  *start = g_strdup (up_stage_get_start_date (UP_STAGE (stage)));
  *end = g_strdup (up_stage_get_end_date (UP_STAGE (stage)));
  if (position != NULL)
    *position = up_stage_get_position (UP_STAGE (stage));
}

static void
assert_file_dates (Fixture    *fixture,
                   UpStage    *stage,
                   const char *start,
                   const char *end)
{
  g_autofree char *file_start = NULL;
  g_autofree char *file_end = NULL;

  read_file_dates (fixture, up_record_get_id (UP_RECORD (stage)), &file_start, &file_end, NULL);
  g_assert_cmpstr (file_start, ==, start);
  g_assert_cmpstr (file_end, ==, end);
}

static guint
n_undo (Fixture *fixture)
{
  return up_history_get_n_undo (up_project_get_history (fixture->project));
}

/* Zooms to @zoom and brings @stage into view, and waits until it is drawn. */
static void
show_stage (Fixture *fixture,
            UpZoom   zoom,
            UpStage *stage)
{
  up_timeline_set_zoom (fixture->timeline, zoom);
  wait_for_frames (GTK_WIDGET (fixture->timeline));
  up_timeline_scroll_to_stage (fixture->timeline, stage);
  wait_for_frames (GTK_WIDGET (fixture->timeline));
}

/* A whole drag through the gesture's signals: press at (@x, @y), move by
 * (@dx, @dy) in a few steps, release. */
static void
drag (Fixture *fixture,
      double   x,
      double   y,
      double   dx,
      double   dy)
{
  GtkGesture *gesture = get_drag_gesture (fixture->timeline);

  g_signal_emit_by_name (gesture, "drag-begin", x, y);
  for (int i = 1; i <= 4; i++)
    g_signal_emit_by_name (gesture, "drag-update", dx * i / 4, dy * i / 4);
  g_signal_emit_by_name (gesture, "drag-end", dx, dy);
}

static void
test_drag_move (Fixture       *fixture,
                gconstpointer  user_data)
{
  UpStage *stage = find_stage (fixture->project, "tender");
  g_autofree char *old_start = g_strdup (up_stage_get_start_date (stage));
  g_autofree char *old_end = g_strdup (up_stage_get_end_date (stage));
  g_autofree char *new_start = up_date_add_days (old_start, 9);
  g_autofree char *new_end = up_date_add_days (old_end, 9);
  GtkGesture *gesture = get_drag_gesture (fixture->timeline);
  double ppd = up_zoom_get_pixels_per_day (UP_ZOOM_MONTH);
  guint undo_before = n_undo (fixture);
  graphene_rect_t bar;
  double x, y;

  show_stage (fixture, UP_ZOOM_MONTH, stage);
  g_assert_true (up_timeline_get_stage_area (fixture->timeline, stage, &bar));
  x = bar.origin.x + bar.size.width / 2;
  y = bar.origin.y + bar.size.height / 2;

  /* While the pointer moves, only the widget knows. */
  g_signal_emit_by_name (gesture, "drag-begin", x, y);
  g_assert_true (up_timeline_get_selected (fixture->timeline) == stage);
  g_signal_emit_by_name (gesture, "drag-update", 4 * ppd, 3.0);
  g_signal_emit_by_name (gesture, "drag-update", 9 * ppd, -2.0);
  wait_for_frames (GTK_WIDGET (fixture->timeline));
  g_assert_cmpstr (up_stage_get_start_date (stage), ==, old_start);
  g_assert_cmpuint (n_undo (fixture), ==, undo_before);

  /* On release, once: nine days later, the same length, one undo step. */
  g_signal_emit_by_name (gesture, "drag-end", 9 * ppd, -2.0);
  g_assert_cmpstr (up_stage_get_start_date (stage), ==, new_start);
  g_assert_cmpstr (up_stage_get_end_date (stage), ==, new_end);
  g_assert_cmpuint (n_undo (fixture), ==, undo_before + 1);
  assert_file_dates (fixture, stage, new_start, new_end);

  /* Undo restores the file. */
  g_assert_true (up_project_undo (fixture->project, NULL));
  assert_file_dates (fixture, stage, old_start, old_end);

  /* Backwards by a week and a half, at week zoom. */
  show_stage (fixture, UP_ZOOM_WEEK, stage);
  g_assert_true (up_timeline_get_stage_area (fixture->timeline, stage, &bar));
  ppd = up_zoom_get_pixels_per_day (UP_ZOOM_WEEK);
  drag (fixture, bar.origin.x + 60, bar.origin.y + bar.size.height / 2, -10 * ppd, 0);
  g_clear_pointer (&new_start, g_free);
  g_clear_pointer (&new_end, g_free);
  new_start = up_date_add_days (old_start, -10);
  new_end = up_date_add_days (old_end, -10);
  assert_file_dates (fixture, stage, new_start, new_end);
}

/* The timeline as one render node, drawn as a frame would draw it. */
static GskRenderNode *
render_timeline (UpTimeline *timeline)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();

  GTK_WIDGET_GET_CLASS (timeline)->snapshot (GTK_WIDGET (timeline), snapshot);

  return gtk_snapshot_free_to_node (snapshot);
}

/* The nodes of @node as GSK compares two frames: groups and the view's
 * clip are looked into; a group placed by a translation is one piece
 * (what it holds, and where); any other node is one piece as it is. */
static void
collect_pieces (GskRenderNode *node,
                GHashTable    *pieces)
{
  g_autoptr(GBytes) bytes = NULL;
  graphene_rect_t bounds;
  char *key;

  switch (gsk_render_node_get_node_type (node))
    {
    case GSK_CONTAINER_NODE:
      for (guint i = 0; i < gsk_container_node_get_n_children (node); i++)
        collect_pieces (gsk_container_node_get_child (node, i), pieces);
      return;

    case GSK_CLIP_NODE:
      collect_pieces (gsk_clip_node_get_child (node), pieces);
      return;

    case GSK_TRANSFORM_NODE:
      if (gsk_transform_get_category (gsk_transform_node_get_transform (node))
          == GSK_TRANSFORM_CATEGORY_2D_TRANSLATE)
        {
          bytes = gsk_render_node_serialize (gsk_transform_node_get_child (node));
          break;
        }
      G_GNUC_FALLTHROUGH;

    default:
      bytes = gsk_render_node_serialize (node);
      break;
    }

  gsk_render_node_get_bounds (node, &bounds);
  key = g_strdup_printf ("%g %g %g %g\n%.*s", bounds.origin.x, bounds.origin.y,
                         bounds.size.width, bounds.size.height,
                         (int) g_bytes_get_size (bytes), (const char *) g_bytes_get_data (bytes, NULL));
  g_hash_table_add (pieces, key);
}

/* Adds to @damage the bounds of each piece of @a that @b does not have. */
static void
add_missing (GHashTable     *a,
             GHashTable     *b,
             cairo_region_t *damage)
{
  GHashTableIter iter;
  const char *key;

  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, (gpointer *) &key, NULL))
    {
      double x, y, width, height;

      if (g_hash_table_contains (b, key))
        continue;

      g_assert_cmpint (sscanf (key, "%lf %lf %lf %lf", &x, &y, &width, &height), ==, 4);
      cairo_region_union_rectangle (damage, &(cairo_rectangle_int_t) {
                                      floor (x), floor (y),
                                      ceil (x + width) - floor (x), ceil (y + height) - floor (y) });
    }
}

/* A drag redraws little: when the bar jumps to a day further on, what
 * changes between two frames is a few rectangles, its old and its new
 * place and the label's. Each of its pieces (the chips, the notes pin, the
 * title) moving on its own made 14 here and 25 in GSK's own count at the
 * bench's drag; past 30 GSK gives up and redraws the whole window, a
 * dropped frame on X11 without GL. */
static void
test_drag_damage (Fixture       *fixture,
                  gconstpointer  user_data)
{
  UpStage *stage = find_stage (fixture->project, "milestone");
  GtkGesture *gesture = get_drag_gesture (fixture->timeline);
  double ppd = up_zoom_get_pixels_per_day (UP_ZOOM_WEEK);
  g_autoptr(GHashTable) before = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) after = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GskRenderNode) first = NULL;
  g_autoptr(GskRenderNode) second = NULL;
  cairo_region_t *damage = cairo_region_create ();
  g_autoptr(GPtrArray) notes = NULL;
  cairo_rectangle_int_t extents;
  graphene_rect_t bar;

  show_stage (fixture, UP_ZOOM_WEEK, stage);
  g_assert_true (up_timeline_get_stage_area (fixture->timeline, stage, &bar));
  /* A milestone with notes: a diamond, and its chips and pin beside it,
   * each a piece of its own at its own height. */
  notes = up_project_list_stage_notes (fixture->project, stage);
  g_assert_cmpuint (notes->len, >, 0);

  g_signal_emit_by_name (gesture, "drag-begin", bar.origin.x + 4, bar.origin.y + bar.size.height / 2);
  g_signal_emit_by_name (gesture, "drag-update", 3 * ppd, 0.0);
  first = render_timeline (fixture->timeline);
  /* Ten days on: no piece of the bar overlaps its old place. */
  g_signal_emit_by_name (gesture, "drag-update", 13 * ppd, 0.0);
  second = render_timeline (fixture->timeline);
  g_signal_emit_by_name (gesture, "drag-end", 13 * ppd, 0.0);

  collect_pieces (first, before);
  collect_pieces (second, after);
  add_missing (before, after, damage);
  add_missing (after, before, damage);

  /* It moved, and the change is the bar's band of the view. */
  g_assert_false (cairo_region_is_empty (damage));
  cairo_region_get_extents (damage, &extents);
  g_assert_cmpint (extents.x + extents.width, >=, bar.origin.x + 10 * ppd);
  g_assert_cmpint (extents.height, <, 4 * bar.size.height);
  g_test_message ("Damage of a jump: %d rectangles", cairo_region_num_rectangles (damage));
  g_assert_cmpint (cairo_region_num_rectangles (damage), <=, 8);
  cairo_region_destroy (damage);
}

/* The bounds of every text node under @node, placed as drawn. */
static void
collect_text (GskRenderNode *node,
              double         dx,
              double         dy,
              GArray        *rects)
{
  graphene_rect_t bounds;

  switch (gsk_render_node_get_node_type (node))
    {
    case GSK_CONTAINER_NODE:
      for (guint i = 0; i < gsk_container_node_get_n_children (node); i++)
        collect_text (gsk_container_node_get_child (node, i), dx, dy, rects);
      break;

    case GSK_CLIP_NODE:
      collect_text (gsk_clip_node_get_child (node), dx, dy, rects);
      break;

    case GSK_OPACITY_NODE:
      collect_text (gsk_opacity_node_get_child (node), dx, dy, rects);
      break;

    case GSK_TRANSFORM_NODE:
      {
        GskTransform *transform = gsk_transform_node_get_transform (node);
        float tx = 0, ty = 0;

        if (gsk_transform_get_category (transform) >= GSK_TRANSFORM_CATEGORY_2D_TRANSLATE)
          {
            gsk_transform_to_translate (transform, &tx, &ty);
            collect_text (gsk_transform_node_get_child (node), dx + tx, dy + ty, rects);
          }
      }
      break;

    case GSK_TEXT_NODE:
      gsk_render_node_get_bounds (node, &bounds);
      graphene_rect_offset (&bounds, dx, dy);
      g_array_append_val (rects, bounds);
      break;

    default:
      break;
    }
}

/* A bar that only just shows at the right edge of a narrow view has its
 * title before it, in view (shortened), not after it and out of sight. */
static void
test_title_before_bar (Fixture       *fixture,
                       gconstpointer  user_data)
{
  UpStage *stage = find_stage (fixture->project, "pilot");
  g_autoptr(GArray) texts = g_array_new (FALSE, FALSE, sizeof (graphene_rect_t));
  g_autoptr(GskRenderNode) node = NULL;
  GtkAdjustment *hadjustment;
  graphene_rect_t bar;
  int width;
  gboolean found = FALSE;

  gtk_window_set_default_size (fixture->window, 260, 720);
  show_stage (fixture, UP_ZOOM_MONTH, stage);
  width = gtk_widget_get_width (GTK_WIDGET (fixture->timeline));
  g_assert_cmpint (width, <, 300);

  /* Its first days at the right edge. */
  hadjustment = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (fixture->timeline));
  g_assert_true (up_timeline_get_stage_area (fixture->timeline, stage, &bar));
  gtk_adjustment_set_value (hadjustment, gtk_adjustment_get_value (hadjustment)
                                         + bar.origin.x - (width - 6));
  wait_for_frames (GTK_WIDGET (fixture->timeline));
  g_assert_true (up_timeline_get_stage_area (fixture->timeline, stage, &bar));
  g_assert_cmpfloat (fabs (bar.origin.x - (width - 6)), <, 2);

  node = render_timeline (fixture->timeline);
  collect_text (node, 0, 0, texts);
  for (guint i = 0; i < texts->len; i++)
    {
      graphene_rect_t *text = &g_array_index (texts, graphene_rect_t, i);
      double cy = text->origin.y + text->size.height / 2;

      /* On the bar's row, wholly in view and before the bar, and long
       * enough to read. */
      if (cy > bar.origin.y && cy < bar.origin.y + bar.size.height &&
          text->origin.x >= 0 && text->origin.x + text->size.width <= bar.origin.x &&
          text->size.width > 100)
        found = TRUE;
    }
  g_assert_true (found);
}

static void
test_drag_resize (Fixture       *fixture,
                  gconstpointer  user_data)
{
  UpStage *stage = find_stage (fixture->project, "evaluation");
  g_autofree char *old_start = g_strdup (up_stage_get_start_date (stage));
  g_autofree char *old_end = g_strdup (up_stage_get_end_date (stage));
  g_autofree char *later_end = up_date_add_days (old_end, 6);
  g_autofree char *earlier_start = up_date_add_days (old_start, -3);
  double ppd = up_zoom_get_pixels_per_day (UP_ZOOM_MONTH);
  guint undo_before = n_undo (fixture);
  graphene_rect_t bar;
  double right, cy;

  show_stage (fixture, UP_ZOOM_MONTH, stage);
  g_assert_true (up_timeline_get_stage_area (fixture->timeline, stage, &bar));
  right = bar.origin.x + bar.size.width;
  cy = bar.origin.y + bar.size.height / 2;

  /* The end edge, grabbed just outside the bar: six days longer. */
  drag (fixture, right + 2, cy, 6 * ppd, 0);
  g_assert_cmpstr (up_stage_get_start_date (stage), ==, old_start);
  assert_file_dates (fixture, stage, old_start, later_end);

  /* The start edge, just inside: three days earlier. */
  wait_for_frames (GTK_WIDGET (fixture->timeline));
  g_assert_true (up_timeline_get_stage_area (fixture->timeline, stage, &bar));
  drag (fixture, bar.origin.x + 2, cy, -3 * ppd, 0);
  assert_file_dates (fixture, stage, earlier_start, later_end);
  g_assert_cmpuint (n_undo (fixture), ==, undo_before + 2);

  /* Far past the start: the stage ends on the day it starts, no earlier. */
  wait_for_frames (GTK_WIDGET (fixture->timeline));
  g_assert_true (up_timeline_get_stage_area (fixture->timeline, stage, &bar));
  drag (fixture, bar.origin.x + bar.size.width - 1, cy, -400 * ppd, 0);
  assert_file_dates (fixture, stage, earlier_start, earlier_start);

  g_assert_true (up_project_undo (fixture->project, NULL));
  g_assert_true (up_project_undo (fixture->project, NULL));
  g_assert_true (up_project_undo (fixture->project, NULL));
  assert_file_dates (fixture, stage, old_start, old_end);
}

static void
test_drag_short_bar (Fixture       *fixture,
                     gconstpointer  user_data)
{
  UpStage *stage = find_stage (fixture->project, "hackathon");
  g_autofree char *old_start = g_strdup (up_stage_get_start_date (stage));
  g_autofree char *old_end = g_strdup (up_stage_get_end_date (stage));
  g_autofree char *later_end = NULL;
  double ppd = up_zoom_get_pixels_per_day (UP_ZOOM_QUARTER);
  graphene_rect_t bar;
  double right, cy;

  /* Three days at quarter zoom: an 18 px bar, and its end is still
   * grabbed from 8 px away, outside it. Quarter zoom snaps to weeks: the
   * end goes to the Sunday nearest the pointer. */
  show_stage (fixture, UP_ZOOM_QUARTER, stage);
  g_assert_true (up_timeline_get_stage_area (fixture->timeline, stage, &bar));
  g_assert_cmpfloat (bar.size.width, <, 24);
  right = bar.origin.x + bar.size.width;
  cy = bar.origin.y + bar.size.height / 2;

  drag (fixture, right + 5, cy, 12 * ppd, 0);
  later_end = g_strdup (up_stage_get_end_date (stage));
  g_assert_cmpstr (up_stage_get_start_date (stage), ==, old_start);
  g_assert_cmpint (up_date_diff (old_end, later_end), >, 7);
  {
    GDate date;

    g_assert_true (up_date_parse (later_end, &date));
    g_assert_cmpint (g_date_get_weekday (&date), ==, G_DATE_SUNDAY);
  }
  assert_file_dates (fixture, stage, old_start, later_end);
}

static void
test_drag_reorder (Fixture       *fixture,
                   gconstpointer  user_data)
{
  UpStage *stage = find_stage (fixture->project, "market-analysis");
  GListModel *stages = up_project_get_stages (fixture->project);
  g_autofree char *old_start = g_strdup (up_stage_get_start_date (stage));
  g_autofree char *old_end = g_strdup (up_stage_get_end_date (stage));
  g_autofree char *new_start = up_date_add_days (old_start, 2);
  g_autofree char *new_end = up_date_add_days (old_end, 2);
  g_autofree char *file_start = NULL;
  g_autofree char *file_end = NULL;
  gint64 old_position = up_stage_get_position (stage);
  gint64 file_position;
  double ppd = up_zoom_get_pixels_per_day (UP_ZOOM_MONTH);
  guint undo_before = n_undo (fixture);
  graphene_rect_t bar;
  g_autoptr(UpStage) at_new_row = NULL;

  show_stage (fixture, UP_ZOOM_MONTH, stage);
  g_assert_true (up_timeline_get_stage_area (fixture->timeline, stage, &bar));

  /* Two rows down and two days later: one edit, one undo step. */
  drag (fixture, bar.origin.x + bar.size.width / 2, bar.origin.y + bar.size.height / 2,
        2 * ppd, 2 * 38.0 + 5);
  g_assert_cmpint (up_stage_get_position (stage), ==, old_position + 2);
  at_new_row = g_list_model_get_item (stages, old_position + 2);
  g_assert_true (at_new_row == stage);
  g_assert_cmpuint (n_undo (fixture), ==, undo_before + 1);

  read_file_dates (fixture, up_record_get_id (UP_RECORD (stage)), &file_start, &file_end, &file_position);
  g_assert_cmpstr (file_start, ==, new_start);
  g_assert_cmpstr (file_end, ==, new_end);
  g_assert_cmpint (file_position, ==, old_position + 2);

  g_assert_true (up_project_undo (fixture->project, NULL));
  g_assert_cmpint (up_stage_get_position (stage), ==, old_position);
  assert_file_dates (fixture, stage, old_start, old_end);
}

/* Shows @stage as show_stage() does, then scrolls it to 200 px from the
 * left, with room after it. */
static void
show_stage_at_left (Fixture *fixture,
                    UpStage *stage)
{
  GtkAdjustment *hadjustment = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (fixture->timeline));
  graphene_rect_t area;

  show_stage (fixture, UP_ZOOM_MONTH, stage);
  g_assert_true (up_timeline_get_stage_area (fixture->timeline, stage, &area));
  gtk_adjustment_set_value (hadjustment, gtk_adjustment_get_value (hadjustment) + area.origin.x - 200);
  wait_for_frames (GTK_WIDGET (fixture->timeline));
}

/* An award decision is a point in time, as a milestone is: the exported
 * charts draw it as a diamond on its first day, and so does the timeline,
 * one of days or one of several (an older file's), which keeps its dates.
 * Only the diamond is the stage: it moves, both dates with it, and has no
 * edges to resize, by pointer or by keys; the days after it are the row. */
static void
test_decision_diamond (Fixture       *fixture,
                       gconstpointer  user_data)
{
  GtkWidget *timeline = GTK_WIDGET (fixture->timeline);
  UpStage *stage = find_stage (fixture->project, "award");
  UpStage *milestone = find_stage (fixture->project, "milestone");
  g_autofree char *start = g_strdup (up_stage_get_start_date (stage));
  g_autofree char *end = up_date_add_days (start, 20);
  g_autofree char *moved_start = up_date_add_days (start, 9);
  g_autofree char *moved_end = up_date_add_days (end, 9);
  g_autofree char *next_start = up_date_add_days (start, 10);
  g_autofree char *next_end = up_date_add_days (end, 10);
  g_autofree char *last_start = up_date_add_days (start, 13);
  g_autofree char *last_end = up_date_add_days (end, 13);
  g_autofree guint32 *pixels = NULL;
  double ppd = up_zoom_get_pixels_per_day (UP_ZOOM_MONTH);
  g_autoptr(GError) error = NULL;
  graphene_rect_t area, diamond, day;
  double cx, cy, after_x, width;
  guint32 inside, after;

  g_assert_cmpstr (up_stage_get_end_date (stage), ==, start);
  show_stage (fixture, UP_ZOOM_MONTH, milestone);
  g_assert_true (up_timeline_get_stage_area (fixture->timeline, milestone, &diamond));

  /* Of one day: the milestone's square, not a bar of a day's width. */
  show_stage_at_left (fixture, stage);
  g_assert_true (up_timeline_get_stage_area (fixture->timeline, stage, &area));
  g_assert_cmpfloat_with_epsilon (area.size.width, diamond.size.width, 0.01);
  g_assert_cmpfloat_with_epsilon (area.size.height, diamond.size.height, 0.01);
  g_assert_cmpfloat (area.size.width, !=, ppd);
  day = area;

  /* Of three weeks: the same diamond on its first day, where the charts
   * draw it, not a bar over the 21 days. */
  g_assert_true (up_project_move_stage (fixture->project, stage, start, end, &error));
  g_assert_no_error (error);
  wait_for_frames (timeline);
  g_assert_true (up_timeline_get_stage_area (fixture->timeline, stage, &area));
  g_assert_cmpfloat_with_epsilon (area.size.width, diamond.size.width, 0.01);
  g_assert_cmpfloat_with_epsilon (area.origin.x, day.origin.x, 0.01);
  cx = area.origin.x + area.size.width / 2;
  cy = area.origin.y + area.size.height / 2;

  /* Drawn so: the diamond in its colour, and ten days on, above the title
   * beside it, the row's background where the bar was. */
  width = gtk_widget_get_width (timeline);
  after_x = cx + 10 * ppd;
  g_assert_cmpfloat (after_x, <, width);
  wait_for_frames (timeline);
  pixels = render_pixels (timeline);
  inside = pixels[(int) cy * (int) width + (int) cx];
  after = pixels[(int) (cy - 11) * (int) width + (int) after_x];
  g_test_message ("Diamond %08x, ten days on %08x", inside, after);
  g_assert_cmpint (colour_distance (inside, after), >, 100);

  /* Ten days on is the row: a drag there pans, and leaves the dates. */
  drag (fixture, after_x, cy, 5 * ppd, 0);
  assert_file_dates (fixture, stage, start, end);
  /* Just after the last of its days, where a bar's end edge is: none to
   * grab. */
  show_stage_at_left (fixture, stage);
  g_assert_true (up_timeline_get_stage_area (fixture->timeline, stage, &area));
  after_x = area.origin.x + area.size.width / 2 - ppd / 2 + 21 * ppd + 2;
  g_assert_cmpfloat (after_x, <, width);
  drag (fixture, after_x, cy, 4 * ppd, 0);
  assert_file_dates (fixture, stage, start, end);

  /* The diamond moves, both dates with it, from its middle and from its
   * point (where a bar's start edge would resize it). */
  show_stage_at_left (fixture, stage);
  g_assert_true (up_timeline_get_stage_area (fixture->timeline, stage, &area));
  drag (fixture, area.origin.x + area.size.width / 2, cy, 9 * ppd, 0);
  assert_file_dates (fixture, stage, moved_start, moved_end);
  show_stage_at_left (fixture, stage);
  g_assert_true (up_timeline_get_stage_area (fixture->timeline, stage, &area));
  drag (fixture, area.origin.x + 1, cy, 1 * ppd, 0);
  assert_file_dates (fixture, stage, next_start, next_end);

  /* The keys: Alt+→ moves it, Alt+Shift+→ (the end only) is refused. */
  up_timeline_set_selected (fixture->timeline, stage);
  gtk_widget_grab_focus (timeline);
  g_assert_true (gtk_widget_activate_action (timeline, "timeline.move", "i", 3));
  assert_file_dates (fixture, stage, last_start, last_end);
  g_assert_true (gtk_widget_activate_action (timeline, "timeline.move-end", "i", 1));
  assert_file_dates (fixture, stage, last_start, last_end);
}

static void
test_escape_cancels (Fixture       *fixture,
                     gconstpointer  user_data)
{
  UpStage *stage = find_stage (fixture->project, "tender");
  g_autofree char *old_start = g_strdup (up_stage_get_start_date (stage));
  GtkGesture *gesture = get_drag_gesture (fixture->timeline);
  GtkEventController *keys = get_key_controller (fixture->timeline);
  double ppd = up_zoom_get_pixels_per_day (UP_ZOOM_MONTH);
  guint undo_before = n_undo (fixture);
  graphene_rect_t bar;
  gboolean handled = FALSE;

  show_stage (fixture, UP_ZOOM_MONTH, stage);
  g_assert_true (up_timeline_get_stage_area (fixture->timeline, stage, &bar));

  g_signal_emit_by_name (gesture, "drag-begin", bar.origin.x + 20, bar.origin.y + 10);
  g_signal_emit_by_name (gesture, "drag-update", 5 * ppd, 0.0);
  g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_Escape, 9, 0, &handled);
  g_assert_true (handled);
  g_signal_emit_by_name (gesture, "drag-end", 5 * ppd, 0.0);

  g_assert_cmpstr (up_stage_get_start_date (stage), ==, old_start);
  g_assert_cmpuint (n_undo (fixture), ==, undo_before);
}

static void
on_stage_signal (UpTimeline  *timeline,
                 UpStage     *stage,
                 UpStage    **out)
{
  g_set_object (out, stage);
}

static void
on_error_count (UpTimeline   *timeline,
                const GError *error,
                guint        *n_errors)
{
  (*n_errors)++;
}

/* A stage at the end of the calendar (9999-12-31; a file may hold it) and
 * one at its beginning (0001-01-01) are shown with their dates on the
 * axis, and Alt+→ / Alt+← past them leave the stage as it was, without an
 * error ("a date must be written as YYYY-MM-DD" was said of the year
 * 10000), and without GLib criticals while drawn. */
static void
test_calendar_ends (Fixture       *fixture,
                    gconstpointer  user_data)
{
  GtkWidget *timeline = GTK_WIDGET (fixture->timeline);
  UpStage *last = find_stage (fixture->project, "tender");
  UpStage *first = find_stage (fixture->project, "needs");
  g_autoptr(GError) error = NULL;
  guint n_errors = 0, undo_before;

  g_signal_connect (timeline, "error", G_CALLBACK (on_error_count), &n_errors);
  g_assert_true (up_project_move_stage (fixture->project, last, "9999-12-20", "9999-12-31", &error));
  g_assert_no_error (error);
  g_assert_true (up_project_move_stage (fixture->project, first, "0001-01-01", "0001-01-05", &error));
  g_assert_no_error (error);
  undo_before = n_undo (fixture);

  for (UpZoom zoom = UP_ZOOM_WEEK; zoom < UP_N_ZOOMS; zoom++)
    {
      g_autoptr(GskRenderNode) node = NULL;

      show_stage (fixture, zoom, last);
      up_timeline_set_selected (fixture->timeline, last);
      gtk_widget_grab_focus (timeline);
      node = render_timeline (fixture->timeline);
      g_assert_nonnull (node);
      g_assert_true (gtk_widget_activate_action (timeline, "timeline.move", "i", 1));
      g_assert_true (gtk_widget_activate_action (timeline, "timeline.move-end", "i", 1));
      wait_for_frames (timeline);
      g_assert_cmpstr (up_stage_get_end_date (last), ==, "9999-12-31");

      show_stage (fixture, zoom, first);
      up_timeline_set_selected (fixture->timeline, first);
      g_clear_pointer (&node, gsk_render_node_unref);
      node = render_timeline (fixture->timeline);
      g_assert_nonnull (node);
      g_assert_true (gtk_widget_activate_action (timeline, "timeline.move", "i", -1));
      wait_for_frames (timeline);
      g_assert_cmpstr (up_stage_get_start_date (first), ==, "0001-01-01");
    }

  g_assert_cmpuint (n_errors, ==, 0);
  g_assert_cmpuint (n_undo (fixture), ==, undo_before);
  g_signal_handlers_disconnect_by_func (timeline, on_error_count, &n_errors);
}

static void
test_keyboard (Fixture       *fixture,
               gconstpointer  user_data)
{
  GtkWidget *timeline = GTK_WIDGET (fixture->timeline);
  UpStage *stage = find_stage (fixture->project, "tender");
  UpStage *next = NULL;
  GListModel *stages = up_project_get_stages (fixture->project);
  g_autofree char *old_start = g_strdup (up_stage_get_start_date (stage));
  g_autofree char *old_end = g_strdup (up_stage_get_end_date (stage));
  g_autofree char *day_later = up_date_add_days (old_start, 1);
  g_autofree char *day_later_end = up_date_add_days (old_end, 1);
  g_autofree char *week_later = up_date_add_days (old_start, 7);
  g_autofree char *week_later_end = up_date_add_days (old_end, 7);
  g_autofree char *longer_end = up_date_add_days (old_end, 8);
  gint64 position = up_stage_get_position (stage);
  guint undo_before = n_undo (fixture);
  UpStage *deleted = NULL;
  UpStage *activated = NULL;
  g_autoptr(UpStage) below = NULL;

  show_stage (fixture, UP_ZOOM_MONTH, stage);
  up_timeline_set_selected (fixture->timeline, stage);
  gtk_widget_grab_focus (timeline);

  /* Alt+→: one day at month zoom. */
  g_assert_true (gtk_widget_activate_action (timeline, "timeline.move", "i", 1));
  assert_file_dates (fixture, stage, day_later, day_later_end);

  /* Alt+←, and at quarter zoom Alt+→ is a week. */
  g_assert_true (gtk_widget_activate_action (timeline, "timeline.move", "i", -1));
  up_timeline_set_zoom (fixture->timeline, UP_ZOOM_QUARTER);
  g_assert_true (gtk_widget_activate_action (timeline, "timeline.move", "i", 1));
  assert_file_dates (fixture, stage, week_later, week_later_end);

  /* Alt+Shift+→: the end only. */
  up_timeline_set_zoom (fixture->timeline, UP_ZOOM_MONTH);
  g_assert_true (gtk_widget_activate_action (timeline, "timeline.move-end", "i", 1));
  assert_file_dates (fixture, stage, week_later, longer_end);
  g_assert_cmpuint (n_undo (fixture), ==, undo_before + 4);

  /* Undo, step by step, restores the file. */
  for (int i = 0; i < 4; i++)
    g_assert_true (up_project_undo (fixture->project, NULL));
  assert_file_dates (fixture, stage, old_start, old_end);

  /* Alt+↓: a row down. */
  g_assert_true (gtk_widget_activate_action (timeline, "timeline.reorder", "i", 1));
  g_assert_cmpint (up_stage_get_position (stage), ==, position + 1);
  g_assert_true (up_project_undo (fixture->project, NULL));
  g_assert_cmpint (up_stage_get_position (stage), ==, position);

  /* ↓ selects the next stage; Delete and Enter ask the window. */
  g_assert_true (gtk_widget_activate_action (timeline, "timeline.select-next", NULL));
  below = g_list_model_get_item (stages, position + 1);
  next = up_timeline_get_selected (fixture->timeline);
  g_assert_true (next == below);

  g_signal_connect (timeline, "delete-requested", G_CALLBACK (on_stage_signal), &deleted);
  g_signal_connect (timeline, "activate-stage", G_CALLBACK (on_stage_signal), &activated);
  g_assert_true (gtk_widget_activate_action (timeline, "timeline.delete", NULL));
  g_assert_true (gtk_widget_activate_action (timeline, "timeline.activate", NULL));
  g_assert_true (deleted == below);
  g_assert_true (activated == below);
  g_clear_object (&deleted);
  g_clear_object (&activated);

  /* ↑ twice: back above where we began. */
  g_assert_true (gtk_widget_activate_action (timeline, "timeline.select-previous", NULL));
  g_assert_true (gtk_widget_activate_action (timeline, "timeline.select-previous", NULL));
  g_assert_cmpint (up_stage_get_position (up_timeline_get_selected (fixture->timeline)), ==, position - 1);

  /* The selected stage is a focusable item with the focus, announced. */
  wait_for_frames (timeline);
  {
    GtkRoot *root = gtk_widget_get_root (timeline);
    GtkWidget *focus = gtk_root_get_focus (root);

    g_assert_nonnull (focus);
    g_assert_true (gtk_widget_get_parent (focus) == timeline);
    g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (focus)), ==,
                     GTK_ACCESSIBLE_ROLE_LIST_ITEM);
  }
}

static void
test_zoom (Fixture       *fixture,
           gconstpointer  user_data)
{
  GtkWidget *timeline = GTK_WIDGET (fixture->timeline);

  /* The demo's nineteen months fit 1200 px only at year zoom. */
  g_assert_cmpint (up_timeline_get_zoom (fixture->timeline), ==, UP_ZOOM_YEAR);

  g_assert_true (gtk_widget_activate_action (timeline, "timeline.zoom-in", NULL));
  g_assert_cmpint (up_timeline_get_zoom (fixture->timeline), ==, UP_ZOOM_QUARTER);
  g_assert_true (gtk_widget_activate_action (timeline, "timeline.zoom-in", NULL));
  g_assert_true (gtk_widget_activate_action (timeline, "timeline.zoom-in", NULL));
  g_assert_cmpint (up_timeline_get_zoom (fixture->timeline), ==, UP_ZOOM_WEEK);
  /* No further than week zoom. */
  gtk_widget_activate_action (timeline, "timeline.zoom-in", NULL);
  g_assert_cmpint (up_timeline_get_zoom (fixture->timeline), ==, UP_ZOOM_WEEK);
  wait_for_frames (timeline);

  g_assert_true (gtk_widget_activate_action (timeline, "timeline.zoom-out", NULL));
  g_assert_cmpint (up_timeline_get_zoom (fixture->timeline), ==, UP_ZOOM_MONTH);
  g_assert_true (gtk_widget_activate_action (timeline, "timeline.zoom-fit", NULL));
  g_assert_cmpint (up_timeline_get_zoom (fixture->timeline), ==, UP_ZOOM_YEAR);
  wait_for_frames (timeline);
}


/* Zooming in from the keys keeps the selected stage where it is: it
 * kept the middle of the view, and a stage near the end went out of
 * sight at the first step. */
static void
test_zoom_keeps_selected (Fixture       *fixture,
                          gconstpointer  user_data)
{
  GtkWidget *timeline = GTK_WIDGET (fixture->timeline);
  UpStage *stage = find_stage (fixture->project, "lessons");
  graphene_rect_t bar;
  double width, centre;

  up_timeline_zoom_to_fit (fixture->timeline);
  up_timeline_set_selected (fixture->timeline, stage);
  wait_for_frames (timeline);
  width = gtk_widget_get_width (timeline);
  g_assert_true (up_timeline_get_stage_area (fixture->timeline, stage, &bar));
  centre = bar.origin.x + bar.size.width / 2;
  g_assert_cmpfloat (centre, >, width * 0.7);

  for (int step = 0; step < 3; step++)
    {
      g_assert_true (gtk_widget_activate_action (timeline, "timeline.zoom-in", NULL));
      wait_for_frames (timeline);
      g_assert_true (up_timeline_get_stage_area (fixture->timeline, stage, &bar));
      g_test_message ("zoom %d: the bar from %.0f to %.0f of %.0f px", up_timeline_get_zoom (fixture->timeline),
                      bar.origin.x, bar.origin.x + bar.size.width, width);
      /* in view, and its middle where it was while it fits */
      g_assert_cmpfloat (bar.origin.x + bar.size.width, >, 0);
      g_assert_cmpfloat (bar.origin.x, <, width);
      if (bar.size.width < width / 2)
        g_assert_cmpfloat (fabs (bar.origin.x + bar.size.width / 2 - centre), <, 3);
    }
}

static char *
screenshot_name (const char *style,
                 const char *variant)
{
  const char *language = test_language ();
  gboolean hc = g_getenv ("ADW_DEBUG_HIGH_CONTRAST") != NULL;

  /* English gets the plain names. */
  return g_strdup_printf ("timeline-%s%s%s%s%s%s.png", style,
                          hc ? "-hc" : "",
                          variant ? "-" : "", variant ? variant : "",
                          g_str_equal (language, "en") ? "" : "-",
                          g_str_equal (language, "en") ? "" : language);
}

static void
take_screenshots (Fixture    *fixture,
                  const char *style)
{
  UpStage *stage = find_stage (fixture->project, "requirements");
  g_autofree char *fit = screenshot_name (style, NULL);
  g_autofree char *month = screenshot_name (style, "month");
  g_autofree char *week = screenshot_name (style, "week");

  up_timeline_zoom_to_fit (fixture->timeline);
  up_timeline_set_selected (fixture->timeline, NULL);
  wait_for_frames (GTK_WIDGET (fixture->window));
  save_screenshot (GTK_WIDGET (fixture->window), fit);

  up_timeline_set_selected (fixture->timeline, stage);
  show_stage (fixture, UP_ZOOM_MONTH, stage);
  up_timeline_scroll_to_today (fixture->timeline);
  wait_for_frames (GTK_WIDGET (fixture->window));
  save_screenshot (GTK_WIDGET (fixture->window), month);

  show_stage (fixture, UP_ZOOM_WEEK, find_stage (fixture->project, "hackathon"));
  wait_for_frames (GTK_WIDGET (fixture->window));
  save_screenshot (GTK_WIDGET (fixture->window), week);
}

/* A stage title in Arabic or Hebrew is drawn beside its bar, as a Latin
 * one is: it was drawn at the far end of the room for the title (Pango
 * aligned a right-to-left paragraph to the right), away from its bar and
 * under the next stages' bars. */
static void
test_rtl_title (Fixture       *fixture,
                gconstpointer  user_data)
{
  static const char * const titles[] = { "Anbud och avtal", "مناقصة عامة", "מכרז ציבורי" };
  GtkWidget *widget = GTK_WIDGET (fixture->timeline);

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree guint32 *pixels = NULL;
      graphene_rect_t bar;
      UpStage *stage;
      guint32 background;
      int width = gtk_widget_get_width (widget);
      int bar_end, y0, y1, first_ink = -1;

      /* a stage of its own, without notes or goals beside its bar */
      stage = up_project_add_stage (fixture->project, "tender", titles[i], "2026-03-02", "2026-03-27",
                                    NULL, &error);
      g_assert_no_error (error);
      up_timeline_scroll_to_stage (fixture->timeline, stage);
      wait_for_frames (widget);
      wait_for_frames (widget);
      g_assert_true (up_timeline_get_stage_area (fixture->timeline, stage, &bar));

      pixels = render_pixels (widget);
      bar_end = (int) ceil (bar.origin.x + bar.size.width);
      y0 = (int) bar.origin.y;
      y1 = (int) (bar.origin.y + bar.size.height);
      g_assert_cmpint (y0, >=, 0);
      g_assert_cmpint (y1, <, gtk_widget_get_height (widget));
      g_assert_cmpint (bar_end + 400, <, width);
      background = pixels[((y0 + y1) / 2) * width + bar_end + 3];

      for (int x = bar_end + 3; x < width && first_ink < 0; x++)
        for (int y = y0; y < y1; y++)
          if (colour_distance (pixels[y * width + x], background) > 150)
            {
              first_ink = x;
              break;
            }
      g_test_message ("%s: bar ends at %d, its title's first ink at %d", titles[i], bar_end, first_ink);
      g_assert_cmpint (first_ink, >, bar_end);
      g_assert_cmpint (first_ink - bar_end, <, 24);
    }
}

static void
test_screenshots (Fixture       *fixture,
                  gconstpointer  user_data)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
  take_screenshots (fixture, "light");

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  take_screenshots (fixture, "dark");

  /* And while a bar is dragged: the label with the new dates. */
  {
    UpStage *stage = find_stage (fixture->project, "tender");
    GtkGesture *gesture = get_drag_gesture (fixture->timeline);
    double ppd = up_zoom_get_pixels_per_day (UP_ZOOM_MONTH);
    g_autofree char *name = screenshot_name ("dark", "drag");
    graphene_rect_t bar;

    show_stage (fixture, UP_ZOOM_MONTH, stage);
    g_assert_true (up_timeline_get_stage_area (fixture->timeline, stage, &bar));
    g_signal_emit_by_name (gesture, "drag-begin", bar.origin.x + 40, bar.origin.y + 10);
    g_signal_emit_by_name (gesture, "drag-update", 12 * ppd, 40.0);
    wait_for_frames (GTK_WIDGET (fixture->window));
    save_screenshot (GTK_WIDGET (fixture->window), name);
    g_signal_emit_by_name (gesture, "drag-end", 12 * ppd, 40.0);
  }

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
}

/* A change of style that keeps the font (dark style, the window losing
 * focus) draws the timeline in its new colours from the texts it already
 * laid out; a new font lays them out again. */
static void
test_style_keeps_layouts (Fixture       *fixture,
                          gconstpointer  user_data)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  GtkWidget *timeline = GTK_WIDGET (fixture->timeline);
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();
  g_autofree guint32 *light = NULL;
  g_autofree guint32 *dark = NULL;
  g_autofree guint32 *backdrop = NULL;
  gsize n = (gsize) gtk_widget_get_width (timeline) * gtk_widget_get_height (timeline);
  gsize differ = 0;
  guint made;

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
  wait_for_frames (timeline);
  light = render_pixels (timeline);
  made = _up_timeline_get_layouts_made ();
  g_assert_cmpuint (made, >, 0);

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  wait_for_frames (timeline);
  dark = render_pixels (timeline);
  for (gsize i = 0; i < n; i++)
    differ += colour_distance (light[i], dark[i]) > 60;
  g_assert_cmpuint (differ, >, n / 2);
  g_assert_cmpuint (_up_timeline_get_layouts_made (), ==, made);

  gtk_widget_set_state_flags (GTK_WIDGET (fixture->window), GTK_STATE_FLAG_BACKDROP, FALSE);
  wait_for_frames (timeline);
  backdrop = render_pixels (timeline);
  g_assert_cmpuint (_up_timeline_get_layouts_made (), ==, made);
  gtk_widget_unset_state_flags (GTK_WIDGET (fixture->window), GTK_STATE_FLAG_BACKDROP);

  gtk_css_provider_load_from_data (provider, "timeline { font-size: 20px; }", -1);
  gtk_style_context_add_provider_for_display (gtk_widget_get_display (timeline),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  wait_for_frames (timeline);
  g_free (render_pixels (timeline));
  g_assert_cmpuint (_up_timeline_get_layouts_made (), >, made);

  gtk_style_context_remove_provider_for_display (gtk_widget_get_display (timeline),
                                                 GTK_STYLE_PROVIDER (provider));
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
}

/* The legend's sample drawn as the timeline draws it, as 0xAARRGGBB
 * pixels, UP_TIMELINE_SAMPLE_WIDTH wide. */
static guint32 *
render_sample (UpTimeline       *timeline,
               UpTimelineSample  sample,
               UpPhase           phase)
{
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (GTK_WIDGET (timeline)));
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  guint32 *pixels = g_new0 (guint32, UP_TIMELINE_SAMPLE_WIDTH * UP_TIMELINE_SAMPLE_HEIGHT);

  up_timeline_snapshot_sample (timeline, snapshot, sample, phase);
  node = gtk_snapshot_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, UP_TIMELINE_SAMPLE_WIDTH,
                                                              UP_TIMELINE_SAMPLE_HEIGHT));
  gdk_texture_download (texture, (guchar *) pixels, UP_TIMELINE_SAMPLE_WIDTH * 4);
  return pixels;
}

/* The pixel of the timeline at (@x, @y). */
static guint32
timeline_pixel (Fixture *fixture,
                double   x,
                double   y)
{
  GtkWidget *timeline = GTK_WIDGET (fixture->timeline);
  g_autofree guint32 *pixels = NULL;

  wait_for_frames (timeline);
  pixels = render_pixels (timeline);
  g_assert_cmpfloat (x, >=, 0);
  g_assert_cmpfloat (x, <, gtk_widget_get_width (timeline));
  g_assert_cmpfloat (y, >=, 0);
  g_assert_cmpfloat (y, <, gtk_widget_get_height (timeline));
  return pixels[(int) y * gtk_widget_get_width (timeline) + (int) x];
}

static void
set_status (Fixture    *fixture,
            UpStage    *stage,
            const char *status)
{
  g_autoptr(GError) error = NULL;

  up_project_set_string (fixture->project, stage, "status", status, &error);
  g_assert_no_error (error);
}

/* Where stage @kind is drawn, in view: x the middle of its bar's part in
 * view (or of its diamond), y its top, *@cy its middle line. */
static double
stage_spot (Fixture    *fixture,
            const char *kind,
            double     *top,
            double     *cy)
{
  UpStage *stage = find_stage (fixture->project, kind);
  int width = gtk_widget_get_width (GTK_WIDGET (fixture->timeline));
  graphene_rect_t area;
  double x0, x1;

  show_stage (fixture, UP_ZOOM_MONTH, stage);
  g_assert_true (up_timeline_get_stage_area (fixture->timeline, stage, &area));
  x0 = MAX (area.origin.x, 0);
  x1 = MIN (area.origin.x + area.size.width, width);
  g_assert_cmpfloat (x1 - x0, >, 8);
  *top = area.origin.y;
  *cy = area.origin.y + area.size.height / 2;
  return (x0 + x1) / 2;
}

/* The colour of a sample, and of the timeline where it draws the same,
 * told in the test's log and the same within rounding. */
static void
assert_same_colour (const char *what,
                    guint32     sample,
                    guint32     timeline)
{
  g_test_message ("%s: sample %08x, timeline %08x", what, sample, timeline);
  g_assert_cmpint (colour_distance (sample, timeline), <=, 6);
}

/* @pixel (premultiplied, as GDK downloads it) drawn over the opaque
 * @behind. */
static guint32
over (guint32 pixel,
      guint32 behind)
{
  guint alpha = pixel >> 24;
  guint32 result = 0xff000000;

  for (guint shift = 0; shift < 24; shift += 8)
    {
      guint channel = ((pixel >> shift) & 0xff) + ((behind >> shift) & 0xff) * (255 - alpha) / 255;

      result |= MIN (channel, 255u) << shift;
    }
  return result;
}

#define SAMPLE_AT(pixels, x, y) ((pixels)[(int) (y) * UP_TIMELINE_SAMPLE_WIDTH + (int) (x)])

/* The legend's samples are the timeline's own drawing: each phase's
 * colour as a planned stage of that phase has it on the timeline, the
 * milestone's diamond, the outline of a stage in progress and the pale
 * fill of one done, in light and in dark style. */
static void
test_legend_samples (Fixture       *fixture,
                     gconstpointer  user_data)
{
  static const struct {
    UpPhase     phase;
    const char *kind;
  } phases[] = {
    { UP_PHASE_PREPARATION, "needs" },
    { UP_PHASE_DIALOGUE, "market-dialogue" },
    { UP_PHASE_INNOVATION, "hackathon" },
    { UP_PHASE_TEST, "pilot" },
    { UP_PHASE_TENDER, "tender" },
    { UP_PHASE_AWARD, "evaluation" },
    { UP_PHASE_CONTRACT, "contract" },
    { UP_PHASE_OTHER, "lessons" },
  };
  AdwStyleManager *manager = adw_style_manager_get_default ();
  GListModel *stages = up_project_get_stages (fixture->project);
  /* a bar's middle column, 2 px under its top: above its title's text */
  double sample_x = UP_TIMELINE_SAMPLE_WIDTH / 2.0;
  double sample_top = UP_TIMELINE_SAMPLE_HEIGHT / 2.0 - 13;
  double x, top, cy;

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
  for (guint i = 0; i < g_list_model_get_n_items (stages); i++)
    {
      g_autoptr(UpStage) stage = g_list_model_get_item (stages, i);

      set_status (fixture, stage, "planned");
    }

  for (guint i = 0; i < G_N_ELEMENTS (phases); i++)
    {
      g_autofree guint32 *sample = render_sample (fixture->timeline, UP_TIMELINE_SAMPLE_PHASE, phases[i].phase);

      x = stage_spot (fixture, phases[i].kind, &top, &cy);
      assert_same_colour (phases[i].kind, SAMPLE_AT (sample, sample_x, sample_top + 2),
                          timeline_pixel (fixture, x, top + 2));
    }
  /* every phase a colour of its own */
  for (UpPhase a = 0; a < UP_N_PHASES; a++)
    for (UpPhase b = a + 1; b < UP_N_PHASES; b++)
      {
        g_autofree guint32 *one = render_sample (fixture->timeline, UP_TIMELINE_SAMPLE_PHASE, a);
        g_autofree guint32 *other = render_sample (fixture->timeline, UP_TIMELINE_SAMPLE_PHASE, b);

        g_assert_cmpint (colour_distance (SAMPLE_AT (one, sample_x, UP_TIMELINE_SAMPLE_HEIGHT / 2.0),
                                          SAMPLE_AT (other, sample_x, UP_TIMELINE_SAMPLE_HEIGHT / 2.0)), >, 40);
      }

  /* The milestone: a diamond, its middle in the milestone's colour. */
  {
    g_autofree guint32 *sample = render_sample (fixture->timeline, UP_TIMELINE_SAMPLE_PHASE, UP_PHASE_MILESTONE);
    g_autofree guint32 *decision = render_sample (fixture->timeline, UP_TIMELINE_SAMPLE_DECISION, 0);
    double diamond_x = UP_TIMELINE_SAMPLE_WIDTH / 2.0;

    x = stage_spot (fixture, "milestone", &top, &cy);
    assert_same_colour ("milestone", SAMPLE_AT (sample, diamond_x, UP_TIMELINE_SAMPLE_HEIGHT / 2.0),
                        timeline_pixel (fixture, x, cy));
    /* a corner of the square round it is not drawn */
    g_assert_cmpuint (SAMPLE_AT (sample, diamond_x - 9, UP_TIMELINE_SAMPLE_HEIGHT / 2.0 - 9) >> 24, ==, 0);
    x = stage_spot (fixture, "award", &top, &cy);
    assert_same_colour ("award decision", SAMPLE_AT (decision, diamond_x, UP_TIMELINE_SAMPLE_HEIGHT / 2.0),
                        timeline_pixel (fixture, x, cy));
  }

  for (guint style = 0; style < 2; style++)
    {
      g_autofree guint32 *planned = render_sample (fixture->timeline, UP_TIMELINE_SAMPLE_PLANNED, 0);
      g_autofree guint32 *active = render_sample (fixture->timeline, UP_TIMELINE_SAMPLE_IN_PROGRESS, 0);
      g_autofree guint32 *done = render_sample (fixture->timeline, UP_TIMELINE_SAMPLE_DONE, 0);
      UpStage *needs = find_stage (fixture->project, "needs");
      guint32 behind;

      g_test_message ("%s style", style == 0 ? "Light" : "Dark");
      /* In progress: the outline 2 px above the bar, where a planned
       * stage has none (the text's colour, a little transparent: over the
       * row's background). */
      x = stage_spot (fixture, "needs", &top, &cy);
      behind = timeline_pixel (fixture, x, top - 2);
      g_assert_cmpuint (SAMPLE_AT (planned, sample_x, sample_top - 2) >> 24, ==, 0);
      set_status (fixture, needs, "active");
      x = stage_spot (fixture, "needs", &top, &cy);
      assert_same_colour ("in progress, outline", over (SAMPLE_AT (active, sample_x, sample_top - 2), behind),
                          timeline_pixel (fixture, x, top - 2));

      /* Done: the pale fill, not the phase's colour of a planned one. */
      set_status (fixture, needs, "done");
      x = stage_spot (fixture, "needs", &top, &cy);
      assert_same_colour ("done, fill", SAMPLE_AT (done, sample_x, sample_top + 3),
                          timeline_pixel (fixture, x, top + 3));
      g_assert_cmpint (colour_distance (SAMPLE_AT (done, sample_x, sample_top + 3),
                                        SAMPLE_AT (planned, sample_x, sample_top + 3)), >, 100);
      set_status (fixture, needs, "planned");

      adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
      wait_for_frames (GTK_WIDGET (fixture->timeline));
    }
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
}

/* A line of the legend: a row of one of its lists. */
static gboolean
is_legend_line (GtkWidget *widget)
{
  return GTK_IS_LIST_BOX_ROW (widget) && gtk_widget_has_css_class (gtk_widget_get_parent (widget), "legend");
}

/* The focus moved in @popover as the key does (Down: the list's own
 * binding, from the line with the focus; Tab: the popover's move);
 * returns where it is, a line of the legend. */
static GtkWidget *
move_focus (GtkWidget        *popover,
            GtkDirectionType  direction)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (popover));

  if (direction == GTK_DIR_DOWN)
    g_assert_true (run_key_binding (gtk_widget_get_parent (focus), GDK_KEY_Down, 0));
  else
    gtk_widget_child_focus (popover, direction);
  focus = gtk_root_get_focus (gtk_widget_get_root (popover));
  g_assert_true (is_legend_line (focus));
  g_test_message ("focus on %s",
                  gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (focus)) == GTK_ACCESSIBLE_ROLE_LIST_ITEM
                  ? "a list item" : G_OBJECT_TYPE_NAME (focus));
  return focus;
}

/* Opens the legend from the header; returns its popover, shown. */
static GtkWidget *
open_legend (GtkWidget *button)
{
  GtkWidget *popover;

  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));
  g_assert_nonnull (popover);
  wait_until (is_mapped, popover);
  wait_for_frames (popover);
  return popover;
}

/* For find_widget(): adds each drawing area to the GPtrArray @data. */
static gboolean
collect_area (GtkWidget *widget,
              gpointer   data)
{
  if (GTK_IS_DRAWING_AREA (widget))
    g_ptr_array_add (data, widget);
  return FALSE;
}

/* Pixels @widget draws that are not transparent. */
static guint
count_drawn (GtkWidget *widget)
{
  int width, height;
  g_autofree guint32 *pixels = widget_pixels (widget, &width, &height);
  guint n = 0;

  for (int i = 0; i < width * height; i++)
    n += (pixels[i] >> 24) > 0x80;
  return n;
}

/* The legend, from its button in the header bar of the timeline: every
 * phase and mark named beside its sample, in the interface's language; the
 * button only where the timeline is; in a low window the legend stays
 * inside it and scrolls; opened again in dark style, its samples are
 * drawn anew in the timeline's dark colours. */
static void
test_legend (void)
{
  static const char *marks[] = {
    N_("Full colour: planned"),
    N_("Outlined: in progress"),
    N_("Pale, with a tick: done"),
    N_("Diamond: a milestone or an award decision"),
    N_("Line down the timeline: today"),
    N_("Speech bubble: how many notes are pinned to the stage"),
    N_("Squares in the goals’ colours: the Agenda 2030 goals the stage serves"),
  };
  AdwStyleManager *manager = adw_style_manager_get_default ();
  WindowFixture fixture = { 0 };
  GtkWidget *button, *popover, *label, *scrolled;
  AdwViewStack *stack;
  g_autofree char *name = NULL;
  g_autoptr(GPtrArray) areas = g_ptr_array_new ();
  GtkAdjustment *adjustment;

  window_fixture_set_up (&fixture, 1400, 800);
  show_window (&fixture);
  button = template_child (fixture.window, UP_TYPE_WINDOW, "legend_button");
  stack = template_child (fixture.window, UP_TYPE_WINDOW, "view_stack");
  g_assert_true (gtk_widget_get_mapped (button));
  adw_view_stack_set_visible_child_name (stack, "notes");
  wait_for_frames (GTK_WIDGET (fixture.window));
  g_assert_false (gtk_widget_get_visible (button));
  adw_view_stack_set_visible_child_name (stack, "timeline");
  wait_until (is_mapped, button);

  popover = open_legend (button);
  for (UpPhase phase = 0; phase < UP_N_PHASES; phase++)
    g_assert_nonnull (find_label (popover, up_phase_get_name_in (phase, UP_LANG_UI)));
  for (guint i = 0; i < G_N_ELEMENTS (marks); i++)
    {
      label = find_label (popover, _(marks[i]));
      g_assert_nonnull (label);
      g_assert_true (gtk_widget_get_mapped (label));
    }
  /* a sample beside each, drawn */
  find_widget (popover, collect_area, areas);
  for (guint i = 0; i < areas->len; i++)
    g_assert_cmpuint (count_drawn (g_ptr_array_index (areas, i)), >, 10);
  g_assert_cmpuint (areas->len, ==, UP_N_PHASES + G_N_ELEMENTS (marks));
  name = g_strdup_printf ("timeline-legend-%s.png", test_language ());
  save_screenshot (popover, name);
  gtk_popover_popdown (GTK_POPOVER (popover));
  wait_until (is_unmapped, popover);

  /* A low window: the legend within it, scrolling. */
  resize_window (&fixture, 1000, 460);
  popover = open_legend (button);
  g_test_message ("Legend %d px high in a window of %d", gtk_widget_get_height (popover),
                  gtk_widget_get_height (GTK_WIDGET (fixture.window)));
  g_assert_cmpint (gtk_widget_get_height (popover), <, gtk_widget_get_height (GTK_WIDGET (fixture.window)));
  scrolled = find_descendant (popover, GTK_TYPE_SCROLLED_WINDOW);
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment), >, gtk_adjustment_get_page_size (adjustment));
  /* The arrows go from line to line, from the phases on to the marks,
   * Tab from one list to the other, each line named for a screen reader,
   * and the legend scrolls to the last. */
  {
    GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (popover));

    /* on the first line as it opens */
    g_assert_true (is_legend_line (focus));
    g_assert_nonnull (find_label (focus, up_phase_get_name_in (0, UP_LANG_UI)));
    for (guint i = 1; i < UP_N_PHASES; i++)
      focus = move_focus (popover, GTK_DIR_DOWN);
    g_assert_nonnull (find_label (focus, up_phase_get_name_in (UP_N_PHASES - 1, UP_LANG_UI)));
    /* Down past the last phase goes on to the marks, Up back; Tab too */
    focus = move_focus (popover, GTK_DIR_DOWN);
    g_assert_nonnull (find_label (focus, _(marks[0])));
    g_assert_true (run_key_binding (gtk_widget_get_parent (focus), GDK_KEY_Up, 0));
    focus = gtk_root_get_focus (gtk_widget_get_root (popover));
    g_assert_nonnull (find_label (focus, up_phase_get_name_in (UP_N_PHASES - 1, UP_LANG_UI)));
    focus = move_focus (popover, GTK_DIR_TAB_FORWARD);
    g_assert_nonnull (find_label (focus, _(marks[0])));
    for (guint i = 1; i < G_N_ELEMENTS (marks); i++)
      focus = move_focus (popover, GTK_DIR_DOWN);
    g_assert_nonnull (find_label (focus, _(marks[G_N_ELEMENTS (marks) - 1])));
    for (guint i = 0; i < 4; i++)
      wait_for_frames (popover);
    g_test_message ("Scrolled to %g of %g", gtk_adjustment_get_value (adjustment),
                    gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment));
    g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >, 0);
  }
  gtk_popover_popdown (GTK_POPOVER (popover));
  wait_until (is_unmapped, popover);

  /* Dark: the done sample's pale fill is dark now. */
  resize_window (&fixture, 1400, 800);
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  wait_for_frames (GTK_WIDGET (fixture.window));
  popover = open_legend (button);
  g_free (name);
  name = g_strdup_printf ("timeline-legend-%s-dark.png", test_language ());
  save_screenshot (popover, name);
  {
    GtkWidget *row = gtk_widget_get_parent (find_label (popover, _("Pale, with a tick: done")));
    GtkWidget *area = gtk_widget_get_first_child (row);
    int width, height;
    g_autofree guint32 *pixels = NULL;
    guint32 fill;

    g_assert_true (GTK_IS_DRAWING_AREA (area));
    pixels = widget_pixels (area, &width, &height);
    g_assert_cmpint (width, ==, UP_TIMELINE_SAMPLE_WIDTH);
    fill = pixels[6 * width + width / 2];
    g_test_message ("Done, in dark style: %08x", fill);
    g_assert_cmpuint ((fill >> 24), ==, 0xff);
    g_assert_cmpuint (((fill >> 16) & 0xff) + ((fill >> 8) & 0xff) + (fill & 0xff), <, 3 * 128);
  }
  gtk_popover_popdown (GTK_POPOVER (popover));
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);

  window_fixture_tear_down (&fixture);
}

/* In the window: the timeline, the stage list and the editor show one
 * selection; Delete on the timeline deletes through the window (with its
 * toast and undo), Enter opens the editor. */
static void
test_window (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(UpProject) project = demo_project_create (&dir, NULL);
  g_autoptr(UpWindow) window = NULL;
  GListModel *stages;
  UpTimeline *timeline;
  UpStageEditor *editor;
  GtkListView *list;
  GtkSingleSelection *selection;
  g_autoptr(UpStage) third = NULL;
  g_autoptr(UpStage) fifth = NULL;
  guint n_stages;
  gint64 id;

  g_assert_no_error (error);
  stages = up_project_get_stages (project);
  n_stages = g_list_model_get_n_items (stages);

  window = g_object_ref_sink (up_window_new (NULL, project));
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 800);
  gtk_window_present (GTK_WINDOW (window));
  wait_until (is_mapped, window);
  wait_for_frames (GTK_WIDGET (window));

  timeline = UP_TIMELINE (gtk_widget_get_template_child (GTK_WIDGET (window), UP_TYPE_WINDOW, "timeline"));
  editor = UP_STAGE_EDITOR (gtk_widget_get_template_child (GTK_WIDGET (window), UP_TYPE_WINDOW, "editor"));
  list = GTK_LIST_VIEW (gtk_widget_get_template_child (GTK_WIDGET (window), UP_TYPE_WINDOW, "stage_list"));
  selection = GTK_SINGLE_SELECTION (gtk_list_view_get_model (list));
  g_assert_true (up_timeline_get_project (timeline) == project);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (timeline)));

  /* The list's first stage is the timeline's too. */
  g_assert_nonnull (up_timeline_get_selected (timeline));
  g_assert_true (up_timeline_get_selected (timeline) == gtk_single_selection_get_selected_item (selection));

  /* Chosen on the timeline: the list and the editor follow. */
  third = g_list_model_get_item (stages, 2);
  up_timeline_set_selected (timeline, third);
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, 2);
  g_assert_true (up_stage_editor_get_stage (editor) == third);

  /* Chosen in the list: the timeline follows. */
  fifth = g_list_model_get_item (stages, 4);
  gtk_single_selection_set_selected (selection, 4);
  g_assert_true (up_timeline_get_selected (timeline) == fifth);

  /* Delete on the timeline: gone, and the window's undo brings it back. */
  id = up_record_get_id (UP_RECORD (fifth));
  gtk_widget_grab_focus (GTK_WIDGET (timeline));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (timeline), "timeline.delete", NULL));
  respond_to_dialog (GTK_WINDOW (window), "keep");
  g_assert_null (up_project_lookup (project, "stage", id));
  g_assert_cmpuint (g_list_model_get_n_items (stages), ==, n_stages - 1);
  g_assert_nonnull (up_timeline_get_selected (timeline));
  g_assert_true (up_timeline_get_selected (timeline) != fifth);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_nonnull (up_project_lookup (project, "stage", id));
  g_assert_cmpuint (g_list_model_get_n_items (stages), ==, n_stages);

  /* The header bar's zoom buttons drive the timeline. */
  up_timeline_set_zoom (timeline, UP_ZOOM_MONTH);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-in", NULL));
  g_assert_cmpint (up_timeline_get_zoom (timeline), ==, UP_ZOOM_WEEK);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-fit", NULL));
  g_assert_cmpint (up_timeline_get_zoom (timeline), !=, UP_ZOOM_WEEK);

  /* Enter on the timeline: the editor's title takes the focus. */
  up_timeline_set_selected (timeline, third);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (timeline), "timeline.activate", NULL));
  {
    GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

    g_assert_nonnull (focus);
    g_assert_true (gtk_widget_is_ancestor (focus, GTK_WIDGET (editor)));
  }

  wait_for_frames (GTK_WIDGET (window));
  save_screenshot (GTK_WIDGET (window), g_str_equal (test_language (), "sv") ? "timeline-window-sv.png"
                                                                             : "timeline-window.png");

  up_store_flush (up_project_get_store (project), &error);
  g_assert_no_error (error);
  gtk_window_destroy (GTK_WINDOW (window));
  iterate_pending ();
  test_remove_tree (dir);
}

/* Tab or Shift+Tab as GTK 4.8 delivers it: first to the key controllers
 * that watch in the capture phase, from the window down to the focus
 * widget, then, where none took the key, to the window's own focus move
 * (GtkWindow's Tab binding), which starts again at the top when it runs
 * out. */
static void
press_tab (GtkWindow *window,
           gboolean   backward)
{
  GtkDirectionType direction = backward ? GTK_DIR_TAB_BACKWARD : GTK_DIR_TAB_FORWARD;
  g_autoptr(GPtrArray) chain = g_ptr_array_new ();

  for (GtkWidget *widget = gtk_root_get_focus (GTK_ROOT (window)); widget; widget = gtk_widget_get_parent (widget))
    g_ptr_array_insert (chain, 0, widget);

  for (guint i = 0; i < chain->len; i++)
    {
      g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (g_ptr_array_index (chain, i));

      for (guint j = 0; j < g_list_model_get_n_items (controllers); j++)
        {
          g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, j);
          gboolean handled = FALSE;

          if (!GTK_IS_EVENT_CONTROLLER_KEY (controller) ||
              gtk_event_controller_get_propagation_phase (controller) != GTK_PHASE_CAPTURE)
            continue;
          g_signal_emit_by_name (controller, "key-pressed",
                                 backward ? GDK_KEY_ISO_Left_Tab : GDK_KEY_Tab, 23,
                                 backward ? GDK_SHIFT_MASK : 0, &handled);
          if (handled)
            return;
        }
    }

  if (!gtk_widget_child_focus (GTK_WIDGET (window), direction))
    {
      gtk_window_set_focus (window, NULL);
      gtk_widget_child_focus (GTK_WIDGET (window), direction);
    }
}

/* The focus is on @widget or inside it; where @widget is NULL, on the
 * button of @action (Delete has no name in the window's template). */
static gboolean
focus_in (GtkWindow  *window,
          GtkWidget  *widget,
          const char *action)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  if (focus != NULL && widget == NULL)
    return GTK_IS_ACTIONABLE (focus) &&
           g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (focus)), action) == 0;
  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* A window on @project, shown at a size where the stage details are
 * beside the timeline. */
static UpWindow *
open_window (UpProject *project)
{
  UpWindow *window = g_object_ref_sink (up_window_new (NULL, project));

  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 800);
  gtk_window_present (GTK_WINDOW (window));
  wait_until (is_mapped, window);
  wait_for_frames (GTK_WIDGET (window));
  return window;
}

static void
test_tab_order (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(UpProject) project = demo_project_create (&dir, NULL);
  UpWindow *window = NULL;
  GtkWindow *root;
  GtkWidget *editor, *timeline;
  GtkWidget *order[7];
  const char *names[] = { "the stage list", "Add Stage", "Find a Stage", "Delete", "the timeline",
                          "Duplicate Stage", "the stage's title" };
  int n = G_N_ELEMENTS (order);

  window = open_window (project);
  root = GTK_WINDOW (window);

  editor = template_child (window, UP_TYPE_WINDOW, "editor");
  timeline = template_child (window, UP_TYPE_WINDOW, "timeline");
  g_assert_true (gtk_widget_get_mapped (editor));
  order[0] = template_child (window, UP_TYPE_WINDOW, "stage_list");
  order[1] = template_child (window, UP_TYPE_WINDOW, "add_stage_button");
  order[2] = template_child (window, UP_TYPE_WINDOW, "find_button");
  order[3] = NULL;
  order[4] = timeline;
  /* at the head of the stage's panel, over its title */
  order[5] = find_action_button (editor, "win.duplicate-stage");
  g_assert_nonnull (order[5]);
  order[6] = template_child (editor, UP_TYPE_STAGE_EDITOR, "title_row");

  g_assert_true (gtk_widget_child_focus (order[0], GTK_DIR_TAB_FORWARD));
  for (int i = 1; i < n; i++)
    {
      press_tab (root, FALSE);
      if (!focus_in (root, order[i], "win.delete-stage"))
        g_error ("Tab from %s does not reach %s", names[i - 1], names[i]);
      /* on the timeline: on its selected stage, which a screen reader names */
      if (order[i] == timeline)
        g_assert_true (gtk_widget_get_parent (gtk_root_get_focus (GTK_ROOT (window))) == timeline);
    }

  for (int i = n - 2; i >= 0; i--)
    {
      press_tab (root, TRUE);
      if (!focus_in (root, order[i], "win.delete-stage"))
        g_error ("Shift+Tab from %s does not reach %s", names[i + 1], names[i]);
    }

  /* Shift+Tab from the list: the header bar's last control. */
  press_tab (root, TRUE);
  g_assert_nonnull (gtk_widget_get_ancestor (gtk_root_get_focus (GTK_ROOT (window)), ADW_TYPE_HEADER_BAR));

  demo_project_close (&dir, &project, NULL, GTK_WINDOW (window), window);
}

/* The stage's kind opens its choices on the kind chosen: Down goes to
 * the kind after it (GTK 4.8 put the focus on the first kind). */
static void
test_kind_choices (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(UpProject) project = demo_project_create (&dir, NULL);
  UpWindow *window = NULL;
  GListModel *stages = up_project_get_stages (project);
  g_autoptr(UpStage) last = g_list_model_get_item (stages, g_list_model_get_n_items (stages) - 1);
  GtkWidget *editor;

  window = open_window (project);
  up_timeline_set_selected (UP_TIMELINE (template_child (window, UP_TYPE_WINDOW, "timeline")), last);
  g_assert_cmpstr (up_stage_get_kind (last), !=, up_stage_kinds[0]);
  editor = template_child (window, UP_TYPE_WINDOW, "editor");
  wait_for_frames (editor);
  assert_choices_open_on_chosen (template_child (editor, UP_TYPE_STAGE_EDITOR, "kind_row"));

  demo_project_close (&dir, &project, NULL, GTK_WINDOW (window), window);
}

/* The pencil of a text row of the stage editor, or NULL. */
static GtkWidget *
find_edit_icon (GtkWidget *row)
{
  for (GtkWidget *child = gtk_widget_get_first_child (gtk_widget_get_first_child (row));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_IMAGE (child) && g_strcmp0 (gtk_image_get_icon_name (GTK_IMAGE (child)), "document-edit-symbolic") == 0)
      return child;
  return NULL;
}

/* The stage editor's text rows look as AdwEntryRow does: a pencil while
 * the text is not edited, and the focus ring round the row (its class
 * "focused"), not round the text; an invalid date turns the row red. */
static void
test_text_rows_look (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(UpProject) project = demo_project_create (&dir, NULL);
  UpWindow *window = open_window (project);
  GtkWidget *editor = template_child (window, UP_TYPE_WINDOW, "editor");
  GtkWidget *title = template_child (editor, UP_TYPE_STAGE_EDITOR, "title_row");
  GtkWidget *start = template_child (editor, UP_TYPE_STAGE_EDITOR, "start_row");
  GtkWidget *pencil = find_edit_icon (title);

  g_assert_nonnull (pencil);
  g_assert_true (gtk_test_accessible_has_role (GTK_ACCESSIBLE (pencil), GTK_ACCESSIBLE_ROLE_PRESENTATION));
  g_assert_true (gtk_widget_has_css_class (title, "entry"));

  gtk_widget_grab_focus (template_child (window, UP_TYPE_WINDOW, "timeline"));
  g_assert_false (gtk_widget_has_css_class (title, "focused"));
  g_assert_true (gtk_widget_get_visible (pencil));

  g_assert_true (gtk_widget_grab_focus (title));
  g_assert_true (gtk_widget_has_css_class (title, "focused"));
  g_assert_false (gtk_widget_get_visible (pencil));

  gtk_widget_grab_focus (template_child (window, UP_TYPE_WINDOW, "timeline"));
  g_assert_false (gtk_widget_has_css_class (title, "focused"));
  g_assert_true (gtk_widget_get_visible (pencil));

  {
    g_autofree char *date = g_strdup (gtk_editable_get_text (GTK_EDITABLE (start)));

    gtk_editable_set_text (GTK_EDITABLE (start), "2026-13-45");
    g_assert_true (gtk_widget_has_css_class (start, "error"));
    gtk_editable_set_text (GTK_EDITABLE (start), date);
    g_assert_false (gtk_widget_has_css_class (start, "error"));
  }

  demo_project_close (&dir, &project, NULL, GTK_WINDOW (window), window);
}

static void
count_signal (gpointer  instance,
              guint    *count)
{
  (*count)++;
}

/* A project opens on its first stage without a scroll: GtkScrolledWindow
 * shows its overlay scrollbar for every change of an adjustment's value
 * and fades it out again two seconds later, a hundred frames drawn for
 * nothing just after the window opens. A scroll of the user's still shows
 * the scrollbar. */
static void
test_open_without_scroll (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(UpProject) project = demo_project_create (&dir, NULL);
  g_autoptr(UpWindow) window = NULL;
  g_autoptr(UpStage) first = NULL;
  UpTimeline *timeline;
  GtkScrolledWindow *scroller;
  GtkAdjustment *hadjustment;
  GtkWidget *hscrollbar;
  graphene_rect_t area, scrolled;
  guint n_value_changed = 0;
  double room;

  g_assert_no_error (error);
  first = g_list_model_get_item (up_project_get_stages (project), 0);

  window = g_object_ref_sink (up_window_new (NULL, project));
  timeline = UP_TIMELINE (gtk_widget_get_template_child (GTK_WIDGET (window), UP_TYPE_WINDOW, "timeline"));
  scroller = GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (GTK_WIDGET (timeline), GTK_TYPE_SCROLLED_WINDOW));
  hadjustment = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (timeline));
  hscrollbar = gtk_scrolled_window_get_hscrollbar (scroller);
  g_assert_true (hadjustment == gtk_scrolled_window_get_hadjustment (scroller));
  g_signal_connect (hadjustment, "value-changed", G_CALLBACK (count_signal), &n_value_changed);

  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 800);
  gtk_window_present (GTK_WINDOW (window));
  wait_until (is_mapped, window);
  wait_for_frames (GTK_WIDGET (window));

  /* Fitted: the first stage a little way in from the start edge, with
   * room to scroll to earlier weeks... */
  g_assert_true (up_timeline_get_stage_area (timeline, first, &area));
  g_assert_cmpfloat (area.origin.x, >=, 24);
  g_assert_cmpfloat (area.origin.x, <=, 48);
  g_assert_cmpfloat (gtk_adjustment_get_value (hadjustment), >, gtk_adjustment_get_lower (hadjustment));
  /* ... and no scroll on the way, so no scrollbar fading in. */
  g_assert_cmpuint (n_value_changed, ==, 0);
  g_assert_cmpfloat (gtk_widget_get_opacity (hscrollbar), ==, 0);

  /* The user scrolls back an eighth of the view, or to the start of the
   * axis: the stage moves right by as much and the scrollbar shows. */
  room = gtk_adjustment_get_value (hadjustment) - gtk_adjustment_get_lower (hadjustment);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (timeline), "timeline.scroll", "i", -1));
  wait_for_frames (GTK_WIDGET (window));
  g_assert_true (up_timeline_get_stage_area (timeline, first, &scrolled));
  g_assert_cmpfloat_with_epsilon (scrolled.origin.x - area.origin.x,
                                  MIN (room, gtk_widget_get_width (GTK_WIDGET (timeline)) / 8.0), 1.0);
  g_assert_cmpuint (n_value_changed, >, 0);
  wait_for_frames (GTK_WIDGET (window));
  g_assert_cmpfloat (gtk_widget_get_opacity (hscrollbar), >, 0);

  gtk_window_destroy (GTK_WINDOW (window));
  iterate_pending ();
  test_remove_tree (dir);
}

/* The zoom the user left the timeline at comes back with the next window,
 * on today while the procurement is under way; without one, the timeline
 * fits the whole procurement. */
static void
test_window_zoom_setting (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(UpProject) project = demo_project_create (&dir, NULL);
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(UpWindow) window = NULL;
  UpTimeline *timeline;
  graphene_rect_t bar;
  UpStage *stage;

  g_assert_no_error (error);
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, "io.github.upphandla.Upphandla", TRUE);
  if (schema == NULL)
    {
      g_test_skip ("The settings schema is not compiled in this build");
      test_remove_tree (dir);
      return;
    }

  settings = g_settings_new ("io.github.upphandla.Upphandla");
  g_settings_set_string (settings, "timeline-zoom", "week");

  window = g_object_ref_sink (up_window_new (NULL, project));
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 800);
  gtk_window_present (GTK_WINDOW (window));
  wait_until (is_mapped, window);
  wait_for_frames (GTK_WIDGET (window));

  timeline = UP_TIMELINE (gtk_widget_get_template_child (GTK_WIDGET (window), UP_TYPE_WINDOW, "timeline"));
  g_assert_cmpint (up_timeline_get_zoom (timeline), ==, UP_ZOOM_WEEK);

  /* The demo's requirements stage runs across today: it is in view. */
  stage = find_stage (project, "requirements");
  g_assert_true (up_timeline_get_stage_area (timeline, stage, &bar));
  g_assert_cmpfloat (bar.origin.x, <, gtk_widget_get_width (GTK_WIDGET (timeline)));
  g_assert_cmpfloat (bar.origin.x + bar.size.width, >, 0);

  /* Closing the window keeps the zoom it was left at. */
  up_timeline_set_zoom (timeline, UP_ZOOM_QUARTER);
  gtk_window_close (GTK_WINDOW (window));
  iterate_pending ();
  {
    g_autofree char *saved = g_settings_get_string (settings, "timeline-zoom");

    g_assert_cmpstr (saved, ==, "quarter");
  }

  g_settings_reset (settings, "timeline-zoom");
  up_store_flush (up_project_get_store (project), &error);
  g_assert_no_error (error);
  gtk_window_destroy (GTK_WINDOW (window));
  iterate_pending ();
  test_remove_tree (dir);
}

/* The stages of a new project, laid out from a route to start after
 * today, are in view once they are laid out: the empty project had opened
 * on today, and the timeline stayed there, empty, weeks before the plan.
 * Once without a zoom of the user's (the plan is fitted), once with one. */
static void
check_new_project_shows_plan (const char *zoom)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *start = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(UpProject) project = NULL;
  g_autoptr(UpWindow) window = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) later = g_date_time_add_days (now, 50);
  g_autoptr(UpStage) first = NULL;
  GListModel *stages;
  UpTimeline *timeline;
  graphene_rect_t area;
  int width;

  if (zoom != NULL)
    {
      GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
      g_autoptr(GSettingsSchema) schema = NULL;

      if (source != NULL)
        schema = g_settings_schema_source_lookup (source, "io.github.upphandla.Upphandla", TRUE);
      if (schema == NULL)
        {
          g_test_message ("The settings schema is not compiled in this build");
          return;
        }
      settings = g_settings_new ("io.github.upphandla.Upphandla");
      g_settings_set_string (settings, "timeline-zoom", zoom);
    }

  dir = g_dir_make_tmp ("upphandla-timeline-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "new.upphandla", NULL);
  file = g_file_new_for_path (path);
  project = up_project_create (file, "New", &error);
  g_assert_no_error (error);

  window = g_object_ref_sink (up_window_new (NULL, project));
  timeline = UP_TIMELINE (gtk_widget_get_template_child (GTK_WIDGET (window), UP_TYPE_WINDOW, "timeline"));
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  gtk_window_present (GTK_WINDOW (window));
  wait_until (is_mapped, window);
  wait_for_frames (GTK_WIDGET (window));

  /* As the route chooser does, once the window shows the empty project. */
  start = g_date_time_format (later, "%Y-%m-%d");
  g_assert_true (up_route_apply (project, up_route_get (0)->id, start, &error));
  g_assert_no_error (error);
  wait_for_frames (GTK_WIDGET (window));

  stages = up_project_get_stages (project);
  g_assert_cmpuint (g_list_model_get_n_items (stages), >, 3);
  width = gtk_widget_get_width (GTK_WIDGET (timeline));
  first = g_list_model_get_item (stages, 0);
  g_assert_true (up_timeline_get_stage_area (timeline, first, &area));
  g_assert_cmpfloat (area.origin.x, >=, 0);
  g_assert_cmpfloat (area.origin.x, <, width / 2.0);
  if (zoom == NULL)
    save_screenshot (GTK_WIDGET (window), "timeline-new-project.png");

  if (settings != NULL)
    g_settings_reset (settings, "timeline-zoom");
  up_store_flush (up_project_get_store (project), &error);
  g_assert_no_error (error);
  gtk_window_destroy (GTK_WINDOW (window));
  iterate_pending ();
  test_remove_tree (dir);
}

static void
test_new_project_shows_plan (void)
{
  check_new_project_shows_plan (NULL);
  check_new_project_shows_plan ("week");
  check_new_project_shows_plan ("month");
}

/* "Show the whole procurement" (Ctrl+0) shows a plan of twenty months
 * whole in a window of the default size, beside the stage list and the
 * editor: year zoom, the widest there was, needed twice the room. */
static void
test_fit_long_plan (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(UpProject) project = NULL;
  g_autoptr(UpWindow) window = NULL;
  g_autoptr(UpStage) first = NULL;
  g_autoptr(UpStage) last = NULL;
  GListModel *stages;
  UpTimeline *timeline;
  graphene_rect_t area;
  int width;

  dir = g_dir_make_tmp ("upphandla-timeline-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "long.upphandla", NULL);
  file = g_file_new_for_path (path);
  project = up_project_create (file, "Long", &error);
  g_assert_no_error (error);
  g_assert_true (up_route_apply (project, up_route_get (0)->id, "2027-01-11", &error));
  g_assert_no_error (error);
  stages = up_project_get_stages (project);
  first = g_list_model_get_item (stages, 0);
  last = g_list_model_get_item (stages, g_list_model_get_n_items (stages) - 1);
  g_assert_true (up_project_move_stage (project, last, up_stage_get_start_date (last), "2028-09-13", &error));
  g_assert_no_error (error);

  window = g_object_ref_sink (up_window_new (NULL, project));
  timeline = UP_TIMELINE (gtk_widget_get_template_child (GTK_WIDGET (window), UP_TYPE_WINDOW, "timeline"));
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  gtk_window_present (GTK_WINDOW (window));
  wait_until (is_mapped, window);
  wait_for_frames (GTK_WIDGET (window));

  up_timeline_set_zoom (timeline, UP_ZOOM_WEEK);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-fit", NULL));
  wait_for_frames (GTK_WIDGET (window));

  width = gtk_widget_get_width (GTK_WIDGET (timeline));
  g_test_message ("Timeline %d px wide, zoom %d", width, up_timeline_get_zoom (timeline));
  g_assert_true (up_timeline_get_stage_area (timeline, first, &area));
  g_assert_cmpfloat (area.origin.x, >=, 0);
  g_assert_true (up_timeline_get_stage_area (timeline, last, &area));
  g_assert_cmpfloat (area.origin.x + area.size.width, <=, width);
  save_screenshot (GTK_WIDGET (window), "timeline-fit-long.png");

  up_store_flush (up_project_get_store (project), &error);
  g_assert_no_error (error);
  gtk_window_destroy (GTK_WINDOW (window));
  iterate_pending ();
  test_remove_tree (dir);
}

static gboolean
is_zoom_out_button (GtkWidget *widget,
                    gpointer   data)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), "win.zoom-out") == 0;
}

/* "Show the whole procurement" at the multi-year zoom fits the view to the
 * plan's span with a small margin, as the timeline reports what it shows:
 * a plan of March 2025 to October 2027 left 2028 to 2030 empty at the
 * years zoom's fixed scale, in a window of 1600 × 1000. */
static void
test_fit_years_to_plan (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(UpProject) project = NULL;
  g_autoptr(UpWindow) window = NULL;
  g_autoptr(UpStage) first = NULL;
  g_autoptr(UpStage) last = NULL;
  GListModel *stages;
  UpTimeline *timeline;
  GtkWidget *button;
  graphene_rect_t area;
  int start, end, shown_first, shown_last, width;

  dir = g_dir_make_tmp ("upphandla-timeline-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "years.upphandla", NULL);
  file = g_file_new_for_path (path);
  project = up_project_create (file, "Years", &error);
  g_assert_no_error (error);
  g_assert_true (up_route_apply (project, up_route_get (0)->id, "2025-03-03", &error));
  g_assert_no_error (error);
  stages = up_project_get_stages (project);
  first = g_list_model_get_item (stages, 0);
  last = g_list_model_get_item (stages, g_list_model_get_n_items (stages) - 1);
  g_assert_true (up_project_move_stage (project, last, up_stage_get_start_date (last), "2027-10-29", &error));
  g_assert_no_error (error);
  start = up_day_from_iso (up_stage_get_start_date (first));
  end = up_day_from_iso ("2027-10-29");

  window = g_object_ref_sink (up_window_new (NULL, project));
  timeline = UP_TIMELINE (gtk_widget_get_template_child (GTK_WIDGET (window), UP_TYPE_WINDOW, "timeline"));
  gtk_window_set_default_size (GTK_WINDOW (window), 1600, 1000);
  gtk_window_present (GTK_WINDOW (window));
  wait_until (is_mapped, window);
  wait_for_frames (GTK_WIDGET (window));

  for (guint round = 0; round < 2; round++)
    {
      g_autofree char *from = NULL;
      g_autofree char *to = NULL;

      /* From the years zoom, and from the week zoom. */
      up_timeline_set_zoom (timeline, round == 0 ? UP_ZOOM_YEARS : UP_ZOOM_WEEK);
      wait_for_frames (GTK_WIDGET (window));
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-fit", NULL));
      wait_for_frames (GTK_WIDGET (window));

      width = gtk_widget_get_width (GTK_WIDGET (timeline));
      up_timeline_get_visible_range (timeline, &shown_first, &shown_last);
      from = up_day_to_iso (shown_first);
      to = up_day_to_iso (shown_last);
      g_test_message ("Timeline %d px wide, zoom %d, shows %s to %s for a plan of %d days",
                      width, up_timeline_get_zoom (timeline), from, to, end - start + 1);
      g_assert_cmpint (up_timeline_get_zoom (timeline), ==, UP_ZOOM_YEARS);
      /* The whole plan, */
      g_assert_cmpint (shown_first, <=, start);
      g_assert_cmpint (shown_last, >=, end);
      /* with a small margin, not years of nothing after it. */
      g_assert_cmpint (shown_last - shown_first + 1, <=, (end - start + 1) * 5 / 4);
      g_assert_cmpstr (to, <, "2028-03-01");
      /* The range reported is the one drawn. */
      g_assert_true (up_timeline_get_stage_area (timeline, first, &area));
      g_assert_cmpfloat (area.origin.x, >=, 0);
      g_assert_true (up_timeline_get_stage_area (timeline, last, &area));
      g_assert_cmpfloat (area.origin.x + area.size.width, <=, width);
      g_assert_cmpfloat (area.origin.x + area.size.width, >=, width * 0.8);
    }
  save_screenshot (GTK_WIDGET (window), "timeline-fit-years.png");

  /* Zooming out from there (the header's button is on) goes to the years
   * zoom's own scale, where the plan takes less room; in again, to the
   * year zoom. */
  button = find_widget (GTK_WIDGET (window), is_zoom_out_button, NULL);
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  wait_for_frames (GTK_WIDGET (window));
  up_timeline_get_visible_range (timeline, &shown_first, &shown_last);
  g_assert_cmpint (shown_last - shown_first + 1, >, (end - start + 1) * 5 / 4);
  g_assert_false (gtk_widget_get_sensitive (button));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (timeline), "timeline.zoom-in", NULL));
  wait_for_frames (GTK_WIDGET (window));
  g_assert_cmpint (up_timeline_get_zoom (timeline), ==, UP_ZOOM_YEAR);

  up_store_flush (up_project_get_store (project), &error);
  g_assert_no_error (error);
  gtk_window_destroy (GTK_WINDOW (window));
  iterate_pending ();
  test_remove_tree (dir);
}

/* The plan of test_fit_years_to_plan(), from 2025-03-03 to 2027-10-29, in
 * a new project file under a new folder @dir. */
static UpProject *
years_project (char **dir)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(UpProject) project = NULL;
  g_autoptr(UpStage) last = NULL;
  GListModel *stages;

  *dir = g_dir_make_tmp ("upphandla-timeline-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (*dir, "years.upphandla", NULL);
  file = g_file_new_for_path (path);
  project = up_project_create (file, "Years", &error);
  g_assert_no_error (error);
  g_assert_true (up_route_apply (project, up_route_get (0)->id, "2025-03-03", &error));
  g_assert_no_error (error);
  stages = up_project_get_stages (project);
  last = g_list_model_get_item (stages, g_list_model_get_n_items (stages) - 1);
  g_assert_true (up_project_move_stage (project, last, up_stage_get_start_date (last), "2027-10-29", &error));
  g_assert_no_error (error);

  return g_steal_pointer (&project);
}

/* Whether the timeline shows the whole plan of years_project() and fills
 * its width with it, as "Show the Whole Procurement" leaves it. */
static gboolean
shows_whole_plan (UpTimeline *timeline,
                  UpStage    *first,
                  UpStage    *last)
{
  int width = gtk_widget_get_width (GTK_WIDGET (timeline));
  int shown_first, shown_last;
  graphene_rect_t first_area, last_area;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  up_timeline_get_visible_range (timeline, &shown_first, &shown_last);
  if (!up_timeline_get_stage_area (timeline, first, &first_area) ||
      !up_timeline_get_stage_area (timeline, last, &last_area))
    return FALSE;
  from = up_day_to_iso (shown_first);
  to = up_day_to_iso (shown_last);
  g_test_message ("%d px: %s to %s shown, the plan at %.0f to %.0f px", width, from, to,
                  first_area.origin.x, last_area.origin.x + last_area.size.width);

  return first_area.origin.x >= 0 &&
         last_area.origin.x + last_area.size.width <= width &&
         last_area.origin.x + last_area.size.width >= width * 0.8;
}

/* "Show the Whole Procurement" keeps showing it as the window grows or
 * shrinks: it fitted the plan to the width it had, and a wider window then
 * showed it in part of the view, a narrower one cut its end off. Once the
 * user has scrolled, the scale is theirs and a resize leaves it. */
static void
test_fit_follows_resize (void)
{
  WindowFixture fixture = { NULL, };
  g_autoptr(UpStage) first = NULL;
  g_autoptr(UpStage) last = NULL;
  GtkAdjustment *adjustment;
  GListModel *stages;
  UpTimeline *timeline;
  int shown_first, shown_last;
  double days_per_px;

  fixture.project = years_project (&fixture.dir);
  stages = up_project_get_stages (fixture.project);
  first = g_list_model_get_item (stages, 0);
  last = g_list_model_get_item (stages, g_list_model_get_n_items (stages) - 1);
  fixture.window = g_object_ref_sink (up_window_new (NULL, fixture.project));
  timeline = UP_TIMELINE (gtk_widget_get_template_child (GTK_WIDGET (fixture.window), UP_TYPE_WINDOW, "timeline"));
  gtk_window_set_default_size (GTK_WINDOW (fixture.window), 1600, 1000);
  show_window (&fixture);

  up_timeline_set_zoom (timeline, UP_ZOOM_MONTH);
  wait_for_frames (GTK_WIDGET (fixture.window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.zoom-fit", NULL));
  wait_for_frames (GTK_WIDGET (fixture.window));
  g_assert_true (shows_whole_plan (timeline, first, last));

  /* Narrower (the panel still beside it), and wide again. */
  resize_window (&fixture, 1250, 1000);
  g_assert_true (shows_whole_plan (timeline, first, last));
  resize_window (&fixture, 1600, 1000);
  g_assert_true (shows_whole_plan (timeline, first, last));

  /* Scrolled by the user: a resize keeps the scale. */
  adjustment = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (timeline));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + 40);
  wait_for_frames (GTK_WIDGET (fixture.window));
  up_timeline_get_visible_range (timeline, &shown_first, &shown_last);
  days_per_px = (double) (shown_last - shown_first) / gtk_widget_get_width (GTK_WIDGET (timeline));
  resize_window (&fixture, 1250, 1000);
  up_timeline_get_visible_range (timeline, &shown_first, &shown_last);
  g_assert_cmpfloat_with_epsilon ((double) (shown_last - shown_first) / gtk_widget_get_width (GTK_WIDGET (timeline)),
                                  days_per_px, days_per_px * 0.02);
  g_assert_false (shows_whole_plan (timeline, first, last));

  window_fixture_tear_down (&fixture);
}

/* Only what is in view is laid out and drawn: 2,000 stages scroll as
 * smoothly as 20. */
static void
test_large_project (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UpProject) project = up_project_new ("Large", &error);
  g_autoptr(UpTimeline) timeline = g_object_ref_sink (UP_TIMELINE (up_timeline_new ()));
  GtkWindow *window;
  GtkWidget *child;
  guint n_children = 0;
  double slowest = 0;
  UpStage *last = NULL;

  g_assert_no_error (error);

  up_project_begin_group (project, "Add");
  for (int i = 0; i < 2000; i++)
    {
      g_autofree char *start = up_date_add_days ("2026-01-05", (i * 3) % 700);
      g_autofree char *end = up_date_add_days (start, 5 + i % 40);
      g_autofree char *title = g_strdup_printf ("Stage %d", i);

      last = up_project_add_stage (project, up_stage_kinds[i % 17], title, start,
                                   i % 17 == 16 ? start : end, last, &error);
      g_assert_no_error (error);
    }
  g_assert_true (up_project_end_group (project, &error));
  g_assert_no_error (error);

  up_timeline_set_project (timeline, project);
  window = create_window (timeline, 1200, 800);
  up_timeline_set_zoom (timeline, UP_ZOOM_MONTH);

  for (int step = 0; step < 20; step++)
    {
      GtkAdjustment *vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (timeline));
      g_autoptr(GskRenderNode) node = NULL;
      GtkSnapshot *snapshot;
      gint64 begin;
      double ms;

      gtk_adjustment_set_value (vadjustment, step * gtk_adjustment_get_upper (vadjustment) / 20);
      wait_for_frames (GTK_WIDGET (timeline));

      /* The timeline's own drawing, not GTK's cache of its last frame. */
      begin = g_get_monotonic_time ();
      snapshot = gtk_snapshot_new ();
      GTK_WIDGET_GET_CLASS (timeline)->snapshot (GTK_WIDGET (timeline), snapshot);
      node = gtk_snapshot_free_to_node (snapshot);
      ms = (g_get_monotonic_time () - begin) / 1000.0;
      slowest = MAX (slowest, ms);
    }

  /* About a millisecond here; the limit is generous for a loaded CI
   * machine (or valgrind), and still far below what drawing every one of
   * the 2,000 rows would take. */
  g_test_message ("Slowest snapshot of 2,000 stages: %.2f ms", slowest);
  g_assert_cmpfloat (slowest, <, 60);

  /* Accessible items only for the rows in view. */
  for (child = gtk_widget_get_first_child (GTK_WIDGET (timeline)); child; child = gtk_widget_get_next_sibling (child))
    n_children++;
  g_assert_cmpuint (n_children, >, 5);
  g_assert_cmpuint (n_children, <, 40);

  gtk_window_destroy (window);
  iterate_pending ();
}

/* A stage's menu on the timeline: a secondary click on a stage selects it
 * and opens its menu there; Shift+F10 opens it under the selected stage's
 * bar, and its Duplicate Stage copies that stage. No two of its items
 * share an access key. */
static void
test_context_menu (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(UpProject) project = demo_project_create (&dir, NULL);
  GListModel *stages = up_project_get_stages (project);
  guint n = g_list_model_get_n_items (stages);
  g_autoptr(UpStage) third = g_list_model_get_item (stages, 3);
  g_autoptr(UpStage) fifth = g_list_model_get_item (stages, 5);
  g_autoptr(GHashTable) keys = mnemonics_new ();
  UpWindow *window = open_window (project);
  UpTimeline *timeline = template_child (window, UP_TYPE_WINDOW, "timeline");
  GtkWidget *menu, *duplicate;
  graphene_rect_t area;
  double x, y;

  g_assert_null (up_timeline_get_context_menu (timeline));
  g_assert_true (up_timeline_get_stage_area (timeline, third, &area));
  x = area.origin.x + area.size.width / 2;
  y = area.origin.y + area.size.height / 2;
  g_signal_emit_by_name (secondary_click_gesture (GTK_WIDGET (timeline)), "pressed", 1, x, y);
  menu = up_timeline_get_context_menu (timeline);
  g_assert_nonnull (menu);
  wait_until (is_mapped, menu);
  g_assert_true (up_timeline_get_selected (timeline) == third);
  g_assert_nonnull (menu_item (menu, C_("stage menu", "_Duplicate Stage")));
  g_assert_nonnull (menu_item (menu, C_("stage menu", "D_elete Stage")));
  g_assert_nonnull (menu_item (menu, C_("stage menu", "Show _Notes")));
  mnemonics_collect (keys, menu, NULL);
  g_assert_true (mnemonics_unique (keys, "the stage's menu"));
  g_assert_cmpuint (g_hash_table_size (keys), ==, 3);
  gtk_popover_popdown (GTK_POPOVER (menu));
  wait_until (is_unmapped, menu);
  /* the focus back on the timeline, for its keys to go on */
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), GTK_WIDGET (timeline)));

  /* from the keyboard, for the stage selected */
  up_timeline_set_selected (timeline, fifth);
  g_assert_true (run_key_binding (GTK_WIDGET (timeline), GDK_KEY_F10, GDK_SHIFT_MASK));
  wait_until (is_mapped, menu);
  g_assert_true (up_timeline_get_selected (timeline) == fifth);
  duplicate = menu_item (menu, C_("stage menu", "_Duplicate Stage"));
  g_assert_true (gtk_widget_is_sensitive (duplicate));
  g_signal_emit_by_name (duplicate, "clicked");
  iterate_pending ();
  g_assert_cmpuint (g_list_model_get_n_items (stages), ==, n + 1);
  {
    g_autoptr(UpStage) copy = g_list_model_get_item (stages, 6);
    g_autofree char *title = g_strdup_printf (_("%1$s (copy)"), up_stage_get_title (fifth));

    g_assert_cmpstr (up_stage_get_title (copy), ==, title);
  }

  demo_project_close (&dir, &project, NULL, GTK_WINDOW (window), window);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv, NULL);

  g_test_add ("/ui/timeline/drag-move", Fixture, NULL,
              fixture_set_up, test_drag_move, fixture_tear_down);
  g_test_add ("/ui/timeline/drag-damage", Fixture, NULL,
              fixture_set_up, test_drag_damage, fixture_tear_down);
  g_test_add ("/ui/timeline/title-before-bar", Fixture, NULL,
              fixture_set_up, test_title_before_bar, fixture_tear_down);
  g_test_add ("/ui/timeline/drag-resize", Fixture, NULL,
              fixture_set_up, test_drag_resize, fixture_tear_down);
  g_test_add ("/ui/timeline/drag-short-bar", Fixture, NULL,
              fixture_set_up, test_drag_short_bar, fixture_tear_down);
  g_test_add ("/ui/timeline/drag-reorder", Fixture, NULL,
              fixture_set_up, test_drag_reorder, fixture_tear_down);
  g_test_add ("/ui/timeline/decision-diamond", Fixture, NULL,
              fixture_set_up, test_decision_diamond, fixture_tear_down);
  g_test_add ("/ui/timeline/escape-cancels", Fixture, NULL,
              fixture_set_up, test_escape_cancels, fixture_tear_down);
  g_test_add ("/ui/timeline/keyboard", Fixture, NULL,
              fixture_set_up, test_keyboard, fixture_tear_down);
  g_test_add ("/ui/timeline/calendar-ends", Fixture, NULL,
              fixture_set_up, test_calendar_ends, fixture_tear_down);
  g_test_add ("/ui/timeline/zoom", Fixture, NULL,
              fixture_set_up, test_zoom, fixture_tear_down);
  g_test_add ("/ui/timeline/zoom-keeps-selected", Fixture, NULL,
              fixture_set_up, test_zoom_keeps_selected, fixture_tear_down);
  g_test_add ("/ui/timeline/rtl-title", Fixture, NULL,
              fixture_set_up, test_rtl_title, fixture_tear_down);
  g_test_add ("/ui/timeline/screenshots", Fixture, NULL,
              fixture_set_up, test_screenshots, fixture_tear_down);
  g_test_add ("/ui/timeline/style-keeps-layouts", Fixture, NULL,
              fixture_set_up, test_style_keeps_layouts, fixture_tear_down);
  g_test_add ("/ui/timeline/legend-samples", Fixture, NULL,
              fixture_set_up, test_legend_samples, fixture_tear_down);
  g_test_add_func ("/ui/timeline/window", test_window);
  g_test_add_func ("/ui/timeline/legend", test_legend);
  g_test_add_func ("/ui/timeline/tab-order", test_tab_order);
  g_test_add_func ("/ui/timeline/context-menu", test_context_menu);
  g_test_add_func ("/ui/timeline/kind-choices", test_kind_choices);
  g_test_add_func ("/ui/timeline/text-rows-look", test_text_rows_look);
  g_test_add_func ("/ui/timeline/window-zoom-setting", test_window_zoom_setting);
  g_test_add_func ("/ui/timeline/open-without-scroll", test_open_without_scroll);
  g_test_add_func ("/ui/timeline/large-project", test_large_project);
  g_test_add_func ("/ui/timeline/new-project-shows-plan", test_new_project_shows_plan);
  g_test_add_func ("/ui/timeline/fit-long-plan", test_fit_long_plan);
  g_test_add_func ("/ui/timeline/fit-years-to-plan", test_fit_years_to_plan);
  g_test_add_func ("/ui/timeline/fit-follows-resize", test_fit_follows_resize);

  return g_test_run ();
}
