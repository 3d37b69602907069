/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "up-timeline"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "up-date-util.h"
#include "up-menu-util.h"
#include "up-text-util.h"
#include "up-timeline.h"
#include "up-timeline-private.h"

/* Geometry, in logical pixels. */
#define HEADER_MAJOR_HEIGHT 28
#define HEADER_MINOR_HEIGHT 24
#define HEADER_HEIGHT       (HEADER_MAJOR_HEIGHT + HEADER_MINOR_HEIGHT)
#define TOP_PADDING         10
#define BOTTOM_PADDING      32
#define ROW_HEIGHT          38
#define BAR_HEIGHT          26
#define BAR_RADIUS          6
#define MIN_BAR_WIDTH       4
#define DIAMOND_SIDE        15     /* of the square turned 45° */
#define TEXT_PADDING        8
#define GLYPH_SIZE          12
#define CHIP_SIZE           10
#define CHIP_GAP            3
#define MAX_CHIPS           6
#define BESIDE_GAP          6
#define MAX_BESIDE_WIDTH    320
#define MIN_INSIDE_TEXT     28     /* no title is cut shorter than this */
#define MIN_ELLIPSIZED_TEXT 140    /* a title cut to fit a bar keeps at least this */
#define EDGE_GRAB           8      /* the grab zone of an edge is at least this wide */
#define DRAG_THRESHOLD      4
#define AUTOSCROLL_EDGE     36
#define AUTOSCROLL_SPEED    14     /* pixels per frame at the very edge */

/* Days of room before the first stage and after the last, so that a stage
 * can be dragged beyond the ends of the project. */
#define RANGE_DAYS_BEFORE   98    /* 49 px at years zoom */
#define RANGE_DAYS_AFTER    63

/* The stages' colours by their phase (up_stage_kind_get_phase()), as the
 * exported timeline has them, each with the text that reads on it. */
static GdkRGBA palette[UP_N_PHASES];
static GdkRGBA palette_text[UP_N_PHASES];

typedef enum
{
  STATUS_PLANNED,
  STATUS_ACTIVE,
  STATUS_DONE,
} Status;

/* What the timeline draws of a stage, read once per change of the stages
 * rather than once per frame. */
typedef struct
{
  UpStage *stage;
  int      start;
  int      end;
  guint    colour : 4;
  guint    status : 2;
  guint    milestone : 1;
  guint    decision : 1;  /* a milestone or an award decision: a diamond */
} Row;

/* The notes and Agenda 2030 goals of one stage. */
typedef UpStageSummary Decor;

typedef enum
{
  HIT_NONE,
  HIT_ROW,
  HIT_BODY,
  HIT_START,
  HIT_END,
} HitPart;

typedef enum
{
  DRAG_NONE,
  DRAG_STAGE,
  DRAG_PAN,
} DragKind;

typedef struct
{
  DragKind    kind;
  UpDragMode  mode;
  UpStage    *stage;
  int         row;
  int         start;
  int         end;
  int         new_start;
  int         new_end;
  int         target_row;
  double      start_x;
  double      start_y;
  double      dx;
  double      dy;
  double      hvalue;     /* the adjustments when the drag began */
  double      vvalue;
  gboolean    moved;
  guint       tick_id;    /* scrolls while the pointer is near an edge */
} DragState;

/* The accessible stand-in of one visible stage: focusable and announced,
 * drawn by the timeline itself. */
#define UP_TYPE_TIMELINE_ITEM (up_timeline_item_get_type ())

G_DECLARE_FINAL_TYPE (UpTimelineItem, up_timeline_item, UP, TIMELINE_ITEM, GtkWidget)

struct _UpTimelineItem
{
  GtkWidget  parent_instance;

  UpStage   *stage;
  gboolean   stale;
  gboolean   hidden;    /* from the accessibility tree: no stage */
};

G_DEFINE_FINAL_TYPE (UpTimelineItem, up_timeline_item, GTK_TYPE_WIDGET)

struct _UpTimeline
{
  GtkWidget       parent_instance;

  UpProject      *project;
  UpStage        *selected;
  GMenuModel     *context_model;  /* the menu of the selected stage, or NULL */
  GtkWidget      *context_menu;   /* its GtkPopoverMenu, made when first opened */
  UpZoom          zoom;
  UpTimescale     scale;

  GSignalGroup   *project_signals;

  GtkAdjustment  *hadjustment;
  GtkAdjustment  *vadjustment;
  guint           hscroll_policy : 1;
  guint           vscroll_policy : 1;
  /* The content x at the horizontal adjustment's value 0. A project's first
   * view is set by moving the adjustment's bounds around its value rather
   * than the value: GtkScrolledWindow takes any change of the value for a
   * scroll and fades its overlay scrollbar in and, two seconds later, out,
   * about a hundred frames drawn for nothing right after the window opens. */
  double          hshift;
  gboolean        rebase_hshift;

  /* The stages in row order, rebuilt when the stages change. */
  GArray         *rows;
  GHashTable     *row_of_stage;      /* UpStage -> row + 1 */
  GHashTable     *decor;             /* stage id -> Decor, of the stages drawn */
  int             first_day;
  int             last_day;
  int             range_end;
  gboolean        rows_dirty;
  gboolean        decor_dirty;

  /* Scrolling asked for before the next allocation. */
  double          pending_hvalue;
  double          pending_vvalue;
  gboolean        has_pending_hvalue;
  gboolean        has_pending_vvalue;
  int             pending_day;       /* to show at pending_day_at of the width */
  double          pending_day_at;
  gboolean        needs_fit;
  /* The project had no stages yet when it was set: its first ones are
   * brought into view when they come (a new project's route is laid out
   * after the empty timeline has opened on today). */
  gboolean        awaits_stages;
  /* The zoom was chosen (up_timeline_set_zoom()), not fitted. */
  gboolean        zoom_chosen;
  /* The view shows the whole plan, fitted to fitted_width pixels (fit()),
   * and is fitted again at another width until the user zooms or scrolls
   * it: "Show the Whole Procurement" is a way of looking, not one scale. */
  gboolean        fitted;
  int             fitted_width;
  gboolean        in_allocate;
  gboolean        focus_selected;

  /* From the theme, in css_changed. */
  GdkRGBA         fg;
  GdkRGBA         bg;
  GdkRGBA         accent;
  gboolean        dark;
  gboolean        high_contrast;
  PangoLayout    *title_layout;
  /* Text -> its own layout, for titles, tick labels and counts: shaping a
   * text again on every frame of a drag was most of the cost of drawing. */
  GHashTable     *title_layouts;
  GHashTable     *major_layouts;
  GHashTable     *minor_layouts;
  PangoLayout    *major_layout;
  PangoLayout    *minor_layout;
  /* The font and resolution the layouts were made with: a change of style
   * that keeps both (the window losing focus, dark style) keeps them. */
  PangoFontDescription *layout_font;
  double          layout_resolution;
  /* Glyph kind and colour -> its render node, drawn once with Cairo. */
  GHashTable     *glyphs;

  GtkGesture     *drag_gesture;
  DragState       drag;
  gboolean        has_focus_inside;
  int             hover_row;
  double          pointer_x;
  double          zoom_scroll;

  GPtrArray      *items;
};

G_DEFINE_FINAL_TYPE_WITH_CODE (UpTimeline, up_timeline, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE, NULL))

enum {
  PROP_0,
  PROP_PROJECT,
  PROP_SELECTED,
  PROP_ZOOM,
  N_PROPS,

  /* GtkScrollable */
  PROP_HADJUSTMENT = N_PROPS,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
};

static GParamSpec *properties[N_PROPS];

enum {
  ACTIVATE_STAGE,
  DELETE_REQUESTED,
  ERROR,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void update_actions (UpTimeline *self);

/* Item */

static void
up_timeline_item_dispose (GObject *object)
{
  UpTimelineItem *self = UP_TIMELINE_ITEM (object);

  g_clear_object (&self->stage);

  G_OBJECT_CLASS (up_timeline_item_parent_class)->dispose (object);
}

static void
up_timeline_item_class_init (UpTimelineItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = up_timeline_item_dispose;

  gtk_widget_class_set_css_name (widget_class, "stage");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LIST_ITEM);
}

static void
up_timeline_item_init (UpTimelineItem *self)
{
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  /* The timeline takes the pointer itself: its gestures span the bars. */
  gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);
}

/* Helpers */

static double
hvalue (UpTimeline *self)
{
  return self->hadjustment ? gtk_adjustment_get_value (self->hadjustment) + self->hshift : 0.0;
}

static void
set_hvalue (UpTimeline *self,
            double      value)
{
  gtk_adjustment_set_value (self->hadjustment, value - self->hshift);
}

static double
vvalue (UpTimeline *self)
{
  return self->vadjustment ? gtk_adjustment_get_value (self->vadjustment) : 0.0;
}

static guint
n_rows (UpTimeline *self)
{
  return self->rows->len;
}

static Row *
get_row (UpTimeline *self,
         int         row)
{
  g_assert (row >= 0 && (guint) row < self->rows->len);

  return &g_array_index (self->rows, Row, row);
}

static int
find_row (UpTimeline *self,
          UpStage    *stage)
{
  if (stage == NULL)
    return -1;

  return GPOINTER_TO_INT (g_hash_table_lookup (self->row_of_stage, stage)) - 1;
}

static Status
parse_status (const char *status)
{
  if (g_strcmp0 (status, "done") == 0)
    return STATUS_DONE;
  if (g_strcmp0 (status, "active") == 0)
    return STATUS_ACTIVE;

  return STATUS_PLANNED;
}

static void
clear_row (gpointer data)
{
  Row *row = data;

  g_clear_object (&row->stage);
}

static GdkRGBA
mix (const GdkRGBA *a,
     const GdkRGBA *b,
     float          amount_of_b)
{
  return (GdkRGBA) {
    a->red + (b->red - a->red) * amount_of_b,
    a->green + (b->green - a->green) * amount_of_b,
    a->blue + (b->blue - a->blue) * amount_of_b,
    a->alpha + (b->alpha - a->alpha) * amount_of_b,
  };
}

static GdkRGBA
with_alpha (const GdkRGBA *color,
            float          alpha)
{
  return (GdkRGBA) { color->red, color->green, color->blue, color->alpha * alpha };
}

static double
luminance (const GdkRGBA *c)
{
  double channel[3] = { c->red, c->green, c->blue };

  for (guint i = 0; i < 3; i++)
    channel[i] = channel[i] <= 0.03928 ? channel[i] / 12.92
                                        : pow ((channel[i] + 0.055) / 1.055, 2.4);

  return 0.2126 * channel[0] + 0.7152 * channel[1] + 0.0722 * channel[2];
}

static int
monday_on_or_before (int day)
{
  return day - (up_day_get_weekday (day) - G_DATE_MONDAY);
}

/* The rows and the decorations */

/* Asks for the timeline to be laid out again, its size the same (a
 * scroll, another stage selected). Asked of the timeline alone, GTK 4.8
 * at times drew the next frames without having laid it out, the timeline
 * (or its scrolled window) left out of them: "Trying to snapshot
 * UpTimeline ... without a current allocation" for up to half a second
 * after Home or Up in a long plan (the keyboard test). Asked of the
 * scrolled window too, which lays out the timeline with its scroll bars,
 * that never happened again. */
static void
queue_layout (UpTimeline *self)
{
  GtkWidget *parent = gtk_widget_get_parent (GTK_WIDGET (self));

  gtk_widget_queue_allocate (GTK_WIDGET (self));
  if (GTK_IS_SCROLLED_WINDOW (parent))
    gtk_widget_queue_allocate (parent);
}

static void
set_pending_hvalue (UpTimeline *self,
                    double      value)
{
  self->pending_hvalue = value;
  self->has_pending_hvalue = TRUE;
  if (!self->in_allocate)
    queue_layout (self);
}

static void
set_pending_vvalue (UpTimeline *self,
                    double      value)
{
  self->pending_vvalue = value;
  self->has_pending_vvalue = TRUE;
  if (!self->in_allocate)
    queue_layout (self);
}

/* Scrolls @day to @at (0 to 1) of the width, once the width is known. */
static void
show_day (UpTimeline *self,
          int         day,
          double      at)
{
  self->pending_day = day;
  self->pending_day_at = at;
  self->has_pending_hvalue = FALSE;
  if (!self->in_allocate)
    queue_layout (self);
}

static void update_accessible_selection (UpTimeline *self);

static void
ensure_rows (UpTimeline *self)
{
  GListModel *stages;
  guint n;
  int origin;

  if (!self->rows_dirty)
    return;
  self->rows_dirty = FALSE;

  g_array_set_size (self->rows, 0);
  g_hash_table_remove_all (self->row_of_stage);
  self->first_day = G_MAXINT;
  self->last_day = G_MININT;

  stages = self->project ? up_project_get_stages (self->project) : NULL;
  n = stages ? g_list_model_get_n_items (stages) : 0;

  for (guint i = 0; i < n; i++)
    {
      Row row = { 0, };

      row.stage = g_list_model_get_item (stages, i);
      row.start = up_day_from_iso (up_stage_get_start_date (row.stage));
      row.end = up_day_from_iso (up_stage_get_end_date (row.stage));
      /* The store refuses bad dates; a damaged file still draws. */
      if (row.start == 0)
        row.start = row.end ? row.end : up_day_today ();
      row.end = MAX (row.end, row.start);
      row.colour = up_stage_kind_get_phase (up_stage_get_kind (row.stage));
      row.status = parse_status (up_stage_get_status (row.stage));
      row.milestone = up_stage_get_is_milestone (row.stage);
      /* Drawn as the exported charts draw it: a point in time, whatever
       * days an older file gives an award decision. */
      row.decision = up_stage_get_is_decision (row.stage);

      self->first_day = MIN (self->first_day, row.start);
      self->last_day = MAX (self->last_day, row.end);

      g_array_append_val (self->rows, row);
      g_hash_table_insert (self->row_of_stage, row.stage, GINT_TO_POINTER (i + 1));
    }

  if (n == 0)
    self->first_day = self->last_day = up_day_today ();
  else if (self->awaits_stages)
    {
      int today = up_day_today ();

      self->awaits_stages = FALSE;
      /* As a project with stages opens: fitted, or at the zoom chosen on
       * today while the plan is under way, else on its start. */
      if (!self->zoom_chosen)
        self->needs_fit = TRUE;
      else if (today >= self->first_day && today <= self->last_day)
        show_day (self, today, 1 / 3.0);
      else
        show_day (self, self->first_day, 0);
      if (!self->in_allocate)
        queue_layout (self);
    }

  origin = monday_on_or_before (self->first_day - RANGE_DAYS_BEFORE);
  self->range_end = self->last_day + RANGE_DAYS_AFTER;

  /* The axis begins before the first stage: when that moves, keep what is
   * in view where it is. */
  if (self->scale.origin != 0 && origin != self->scale.origin)
    {
      double shift = up_timescale_days_to_width (&self->scale, self->scale.origin - origin);
      double value = self->has_pending_hvalue ? self->pending_hvalue : hvalue (self);

      set_pending_hvalue (self, value + shift);
    }
  self->scale.origin = origin;

  for (guint i = 0; i < self->items->len; i++)
    UP_TIMELINE_ITEM (g_ptr_array_index (self->items, i))->stale = TRUE;
  /* The timeline's own description reads the selected stage's dates: a
   * move, or its undo, left it saying the old ones. */
  update_accessible_selection (self);
}

/* The decorations are read for the stages that are drawn, when they are
 * first drawn, and forgotten when notes or links change. */
static void
ensure_decor (UpTimeline *self)
{
  if (!self->decor_dirty && self->decor != NULL)
    return;
  self->decor_dirty = FALSE;

  if (self->decor == NULL)
    self->decor = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_free);
  else
    g_hash_table_remove_all (self->decor);
}

/* NULL for a stage with neither notes nor links. */
static const Decor *
get_decor (UpTimeline *self,
           UpStage    *stage)
{
  gint64 id = up_record_get_id (UP_RECORD (stage));
  Decor *decor;

  ensure_decor (self);
  decor = g_hash_table_lookup (self->decor, &id);
  if (decor == NULL)
    {
      decor = g_new0 (Decor, 1);
      if (self->project != NULL)
        up_project_summarize_stage (self->project, id, decor);
      decor->stage_id = id;
      g_hash_table_insert (self->decor, &decor->stage_id, decor);
    }

  return decor->n_notes > 0 || decor->goals != 0 ? decor : NULL;
}

/* Geometry */

static double
content_width (UpTimeline *self)
{
  return up_timescale_day_to_x (&self->scale, self->range_end + 1);
}

static double
content_height (UpTimeline *self)
{
  return TOP_PADDING + n_rows (self) * ROW_HEIGHT + BOTTOM_PADDING;
}

static double
row_y (UpTimeline *self,
       int         row)
{
  return HEADER_HEIGHT + TOP_PADDING + row * (double) ROW_HEIGHT - vvalue (self);
}

/* The last day a stage's shape covers: a decision's diamond is on its
 * first day, as the exported charts draw it, however many it has. */
static int
drawn_end (gboolean decision,
           int      start,
           int      end)
{
  return decision ? start : end;
}

/* The bar of a stage from @start to @end in row @row, in widget
 * coordinates; a decision's (a milestone's, an award decision's) is the
 * square around its diamond on its first day. */
static graphene_rect_t
bar_rect (UpTimeline *self,
          gboolean    decision,
          int         start,
          int         end,
          double      y)
{
  double x0 = up_timescale_day_to_x (&self->scale, start) - hvalue (self);
  double x1 = up_timescale_day_to_x (&self->scale, drawn_end (decision, start, end) + 1) - hvalue (self);
  double top = y + (ROW_HEIGHT - BAR_HEIGHT) / 2.0;

  if (decision)
    {
      double size = BAR_HEIGHT - 4;
      double cx = (x0 + x1) / 2.0;

      return GRAPHENE_RECT_INIT (cx - size / 2, top + 2, size, size);
    }

  /* Whole pixels, so that edges are sharp at any scroll position. */
  x0 = round (x0);
  x1 = MAX (round (x1), x0 + MIN_BAR_WIDTH);

  return GRAPHENE_RECT_INIT (x0, top, x1 - x0, BAR_HEIGHT);
}

static graphene_rect_t
row_bar_rect (UpTimeline *self,
              int         row)
{
  Row *r = get_row (self, row);

  return bar_rect (self, r->decision, r->start, r->end, row_y (self, row));
}

static int
row_at_y (UpTimeline *self,
          double      y)
{
  double content_y = y - HEADER_HEIGHT - TOP_PADDING + vvalue (self);

  if (y < HEADER_HEIGHT || content_y < 0)
    return -1;

  return (int) floor (content_y / ROW_HEIGHT);
}

static HitPart
hit_test (UpTimeline *self,
          double      x,
          double      y,
          int        *row_out)
{
  graphene_rect_t bar;
  double inner, outside, x0, x1;
  int row;
  Row *r;

  ensure_rows (self);

  row = row_at_y (self, y);
  *row_out = row;
  if (row < 0 || (guint) row >= n_rows (self))
    return HIT_NONE;

  r = get_row (self, row);
  bar = row_bar_rect (self, row);

  if (y < bar.origin.y - 4 || y > bar.origin.y + bar.size.height + 4)
    return HIT_ROW;

  x0 = bar.origin.x;
  x1 = bar.origin.x + bar.size.width;

  /* A decision only moves; give its small diamond a generous zone. */
  if (r->decision)
    return fabs (x - (x0 + x1) / 2.0) <= MAX (bar.size.width / 2.0, EDGE_GRAB) ? HIT_BODY : HIT_ROW;

  /* The edge zones reach outside the bar so that they are at least
   * EDGE_GRAB wide however short the bar; a short bar is all body. */
  if (bar.size.width >= 24)
    inner = 6;
  else if (bar.size.width >= 12)
    inner = bar.size.width / 4.0;
  else
    inner = 0;
  outside = MAX (6.0, EDGE_GRAB - inner);

  if (x >= x0 - outside && x < x0 + inner)
    return HIT_START;
  if (x > x1 - inner && x <= x1 + outside)
    return HIT_END;
  if (x >= x0 && x <= x1)
    return HIT_BODY;

  return HIT_ROW;
}

/* Scrolling */

static void
scroll_to_row (UpTimeline *self,
               int         row)
{
  double page = gtk_widget_get_height (GTK_WIDGET (self)) - HEADER_HEIGHT;
  double top = TOP_PADDING + row * (double) ROW_HEIGHT;
  double value = self->has_pending_vvalue ? self->pending_vvalue : vvalue (self);

  if (page <= 0)
    return;

  if (top - TOP_PADDING < value)
    set_pending_vvalue (self, top - TOP_PADDING);
  else if (top + ROW_HEIGHT + TOP_PADDING > value + page)
    set_pending_vvalue (self, top + ROW_HEIGHT + TOP_PADDING - page);
}

/* Brings the bar of @row into view: all of it when it fits; a long bar
 * that is partly in view already stays as it is, else its start comes in. */
static void
scroll_to_bar (UpTimeline *self,
               int         row)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double value = self->has_pending_hvalue ? self->pending_hvalue : hvalue (self);
  double margin = MIN (48.0, width / 8);
  Row *r = get_row (self, row);
  double x0 = up_timescale_day_to_x (&self->scale, r->start);
  double x1 = up_timescale_day_to_x (&self->scale, drawn_end (r->decision, r->start, r->end) + 1);

  if (width <= 0)
    return;

  self->pending_day = 0;
  if (x1 - x0 + 2 * margin > width)
    {
      if (x1 < value + margin || x0 > value + width - margin)
        set_pending_hvalue (self, x0 - margin);
    }
  else if (x0 - margin < value)
    {
      set_pending_hvalue (self, x0 - margin);
    }
  else if (x1 + margin > value + width)
    {
      set_pending_hvalue (self, x1 + margin - width);
    }
}

/* Changes the zoom so that the day under @anchor_x (widget coordinates)
 * stays under it. */
static void
set_zoom_at (UpTimeline *self,
             UpZoom      zoom,
             double      anchor_x)
{
  double value = self->has_pending_hvalue ? self->pending_hvalue : hvalue (self);
  double days;

  zoom = CLAMP ((int) zoom, UP_ZOOM_WEEK, UP_ZOOM_YEARS);
  /* Out from the years zoom fitted to the plan is to the years zoom's own
   * scale (fit()). */
  if (zoom == self->zoom && self->scale.pixels_per_day == 0)
    return;

  days = (value + anchor_x) / up_timescale_days_to_width (&self->scale, 1);
  self->fitted = FALSE;
  self->zoom = zoom;
  self->scale.zoom = zoom;
  self->scale.pixels_per_day = 0;
  set_pending_hvalue (self, days * up_zoom_get_pixels_per_day (zoom) - anchor_x);

  gtk_widget_queue_resize (GTK_WIDGET (self));
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

static void
fit (UpTimeline *self,
     double      width)
{
  UpZoom zoom;
  double range, x0, fitted;

  ensure_rows (self);

  zoom = up_zoom_fit (self->first_day, self->last_day, width);
  /* A plan of two or three years filled half the view at the years zoom's
   * own scale, the years after it empty: the years zoom takes the scale
   * that fits the plan. */
  fitted = up_zoom_fit_pixels_per_day (self->first_day, self->last_day, width);
  if (zoom != self->zoom || fitted != self->scale.pixels_per_day)
    {
      self->zoom = zoom;
      self->scale.zoom = zoom;
      self->scale.pixels_per_day = fitted;
      if (!self->in_allocate)
        gtk_widget_queue_resize (GTK_WIDGET (self));
      update_actions (self);
      /* Also for the fitted scale alone: whether the view can zoom out
       * changes with it (up_timeline_can_zoom_out()). */
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
    }

  self->pending_day = 0;
  self->fitted = TRUE;
  self->fitted_width = (int) width;

  /* A little room before the first stage; what is left goes after the
   * last, where the titles beside the bars need it. */
  x0 = up_timescale_day_to_x (&self->scale, self->first_day);
  range = up_timescale_days_to_width (&self->scale, self->last_day - self->first_day + 1);
  set_pending_hvalue (self, x0 - CLAMP ((width - range) / 2, 24, 48));
}

static void
on_adjustment_value_changed (UpTimeline    *self,
                             GtkAdjustment *adjustment)
{
  if (self->in_allocate)
    return;

  /* Scrolled along the axis by the user (the allocation sets the value of
   * a fit, a zoom and a stage brought into view): the view is theirs. */
  if (adjustment == self->hadjustment)
    self->fitted = FALSE;
  queue_layout (self);
}

static void
set_adjustment (UpTimeline     *self,
                GtkOrientation  orientation,
                GtkAdjustment  *adjustment)
{
  gboolean horizontal = orientation == GTK_ORIENTATION_HORIZONTAL;
  GtkAdjustment **slot = horizontal ? &self->hadjustment : &self->vadjustment;

  if (adjustment != NULL && adjustment == *slot)
    return;

  if (adjustment == NULL)
    adjustment = gtk_adjustment_new (0, 0, 0, 0, 0, 0);

  if (*slot != NULL)
    {
      g_signal_handlers_disconnect_by_func (*slot, on_adjustment_value_changed, self);
      g_object_unref (*slot);
    }

  *slot = g_object_ref_sink (adjustment);
  if (horizontal)
    {
      self->hshift = 0;
      self->rebase_hshift = TRUE;
    }
  g_signal_connect_swapped (adjustment, "value-changed",
                            G_CALLBACK (on_adjustment_value_changed), self);

  queue_layout (self);
  g_object_notify (G_OBJECT (self), horizontal ? "hadjustment" : "vadjustment");
}

/* Text */

static char *
format_day (int day)
{
  /* As the stage list and the notes show a date. */
  return up_day_format (day, up_date_util_shown_format ());
}

static char *
format_dates (int      start,
              int      end,
              gboolean milestone)
{
  g_autofree char *from = format_day (start);
  g_autofree char *to = NULL;
  int n_days = end - start + 1;

  if (milestone || start == end)
    return g_steal_pointer (&from);

  to = format_day (end);
  /* Translators: The dates of a stage while it is dragged: %1$s is the
   * first day, %2$s the last, %3$d the number of days. */
  return g_strdup_printf (ngettext ("%1$s – %2$s · %3$d day",
                                    "%1$s – %2$s · %3$d days", n_days),
                          from, to, n_days);
}

static char *
describe_stage (Row *row)
{
  const char *title = up_stage_get_title (row->stage);
  const char *kind = up_enum_label (up_stage_kinds, up_stage_get_kind (row->stage));
  g_autofree char *dates = up_date_util_format_spoken_range (row->start, row->end, row->milestone);

  /* Translators: A stage as a screen reader reads it: %1$s is its title,
   * %2$s its kind ("Tender period"), %3$s its dates ("2 February 2026 –
   * 13 March 2026", or one date). */
  return g_strdup_printf (C_("timeline accessible label", "%1$s, %2$s, %3$s"), title, kind, dates);
}

/* Items */

static void
update_item (UpTimeline     *self,
             UpTimelineItem *item)
{
  int row = find_row (self, item->stage);
  g_autofree char *label = NULL;
  Row *r;

  if (row < 0)
    return;

  r = get_row (self, row);
  label = describe_stage (r);
  gtk_accessible_update_property (GTK_ACCESSIBLE (item),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  up_enum_label (up_stage_statuses, up_stage_get_status (r->stage)),
                                  -1);
  gtk_accessible_update_state (GTK_ACCESSIBLE (item),
                               GTK_ACCESSIBLE_STATE_SELECTED, item->stage == self->selected,
                               -1);
  item->stale = FALSE;
}

static UpTimelineItem *
find_item (UpTimeline *self,
           UpStage    *stage)
{
  for (guint i = 0; i < self->items->len; i++)
    {
      UpTimelineItem *item = g_ptr_array_index (self->items, i);

      if (item->stage == stage && stage != NULL)
        return item;
    }

  return NULL;
}

static gboolean
focus_is_inside (UpTimeline *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  return focus != NULL &&
         (focus == GTK_WIDGET (self) || gtk_widget_is_ancestor (focus, GTK_WIDGET (self)));
}

/* Gives @stage an item: its own if it has one, else a free one or a new one. */
static void
ensure_item (UpTimeline *self,
             UpStage    *stage)
{
  UpTimelineItem *item = find_item (self, stage);

  if (item != NULL)
    return;

  for (guint i = 0; i < self->items->len && item == NULL; i++)
    if (UP_TIMELINE_ITEM (g_ptr_array_index (self->items, i))->stage == NULL)
      item = g_ptr_array_index (self->items, i);

  if (item == NULL)
    {
      item = g_object_new (UP_TYPE_TIMELINE_ITEM, NULL);
      gtk_widget_set_parent (GTK_WIDGET (item), GTK_WIDGET (self));
      g_ptr_array_add (self->items, item);
    }

  g_set_object (&item->stage, stage);
  item->stale = TRUE;
}

/* One item per visible row, and one for the selected stage wherever it is,
 * so that the focus can stay on it. The pool only grows to the number of
 * rows that fit the view. */
static void
allocate_items (UpTimeline *self,
                int         width,
                int         height)
{
  int first = MAX (0, row_at_y (self, HEADER_HEIGHT));
  int last = MIN ((int) n_rows (self) - 1, row_at_y (self, MAX (height - 1, HEADER_HEIGHT)));
  int selected_row = find_row (self, self->selected);

  /* Keep the items whose stage is still wanted, free the others. */
  for (guint i = 0; i < self->items->len; i++)
    {
      UpTimelineItem *item = g_ptr_array_index (self->items, i);
      int row = find_row (self, item->stage);

      if (row < 0 || ((row < first || row > last) && row != selected_row))
        g_clear_object (&item->stage);
    }

  for (int row = first; row <= last; row++)
    ensure_item (self, get_row (self, row)->stage);
  if (selected_row >= 0)
    ensure_item (self, self->selected);

  for (guint i = 0; i < self->items->len; i++)
    {
      UpTimelineItem *item = g_ptr_array_index (self->items, i);
      int row = find_row (self, item->stage);
      graphene_rect_t bar;
      int min, x0, x1;

      gtk_widget_set_child_visible (GTK_WIDGET (item), row >= 0);
      /* An item without a stage stays in the pool, and GTK 4.8 keeps a
       * widget that is not a visible child in the accessibility tree:
       * a screen reader listed a deleted stage (its item's last label)
       * among the timeline's, and counted it. Hidden from it too. */
      if (item->hidden != (row < 0))
        {
          item->hidden = row < 0;
          gtk_accessible_update_state (GTK_ACCESSIBLE (item), GTK_ACCESSIBLE_STATE_HIDDEN, item->hidden, -1);
        }
      if (row < 0)
        continue;

      if (item->stale)
        update_item (self, item);

      /* The visible part of the bar, at least a pixel: what a screen
       * reader highlights and what a focus ring would surround. */
      bar = row_bar_rect (self, row);
      x0 = CLAMP ((int) bar.origin.x, 0, MAX (width - 1, 0));
      x1 = CLAMP ((int) ceil (bar.origin.x + bar.size.width), x0 + 1, MAX (width, x0 + 1));

      gtk_widget_measure (GTK_WIDGET (item), GTK_ORIENTATION_HORIZONTAL, -1,
                          &min, NULL, NULL, NULL);
      gtk_widget_size_allocate (GTK_WIDGET (item),
                                &(GtkAllocation) {
                                  x0, (int) bar.origin.y, x1 - x0, (int) bar.size.height
                                },
                                -1);
    }

  if (self->focus_selected)
    {
      UpTimelineItem *item = find_item (self, self->selected);

      self->focus_selected = FALSE;
      if (item != NULL && focus_is_inside (self))
        gtk_widget_grab_focus (GTK_WIDGET (item));
    }
}

/* Selection */

static void
update_accessible_selection (UpTimeline *self)
{
  int row = find_row (self, self->selected);

  for (guint i = 0; i < self->items->len; i++)
    {
      UpTimelineItem *item = g_ptr_array_index (self->items, i);

      if (item->stage != NULL)
        gtk_accessible_update_state (GTK_ACCESSIBLE (item),
                                     GTK_ACCESSIBLE_STATE_SELECTED, item->stage == self->selected,
                                     -1);
    }

  if (row >= 0)
    {
      g_autofree char *label = describe_stage (get_row (self, row));

      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, label,
                                      -1);
    }
  else
    {
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
}

/* Selects @row and brings it into view and into the focus, as keys do. */
static void
select_row (UpTimeline *self,
            int         row)
{
  ensure_rows (self);
  if (row < 0 || (guint) row >= n_rows (self))
    return;

  up_timeline_set_selected (self, get_row (self, row)->stage);
  scroll_to_row (self, row);
  scroll_to_bar (self, row);
  self->focus_selected = TRUE;
  queue_layout (self);
}

/* Edits */

static void
report_error (UpTimeline   *self,
              const GError *error)
{
  g_debug ("Edit refused: %s", error->message);
  g_signal_emit (self, signals[ERROR], 0, error);
}

static void
commit_edit (UpTimeline *self,
             UpStage    *stage,
             int         start,
             int         end,
             int         position)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *start_iso = NULL;
  g_autofree char *end_iso = NULL;
  gboolean move, reorder, ok = TRUE;

  move = start != up_day_from_iso (up_stage_get_start_date (stage)) ||
         end != up_day_from_iso (up_stage_get_end_date (stage));
  reorder = position >= 0 && position != up_stage_get_position (stage);

  if (!move && !reorder)
    return;

  /* Past 9999-12-31 (or before the year 1) a date has no YYYY-MM-DD to be
   * written as: the stage stays, as at the end of a list. */
  if (move && (start < UP_DAY_MIN || end > UP_DAY_MAX))
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  /* A drag that moves a stage in time and to another row is one edit. */
  if (move && reorder)
    /* Translators: The name of an edit in the undo history. */
    up_project_begin_group (self->project, _("Move Stage"));

  if (move)
    {
      start_iso = up_day_to_iso (start);
      end_iso = up_day_to_iso (end);
      ok = up_project_move_stage (self->project, stage, start_iso, end_iso, &error);
    }

  if (ok && reorder)
    ok = up_project_reorder_stage (self->project, stage, position, &error);

  if (move && reorder)
    {
      gboolean ended = up_project_end_group (self->project, error == NULL ? &error : NULL);

      ok = ok && ended;
    }

  if (!ok && error != NULL)
    report_error (self, error);
}

/* Drawing */

static PangoLayout *
create_layout (UpTimeline *self,
               double      scale,
               PangoWeight weight)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
  g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();

  if (scale != 1.0)
    pango_attr_list_insert (attrs, pango_attr_scale_new (scale));
  if (weight != PANGO_WEIGHT_NORMAL)
    pango_attr_list_insert (attrs, pango_attr_weight_new (weight));
  /* Numbers in columns of ticks line up. */
  pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum=1"));

  pango_layout_set_attributes (layout, attrs);
  pango_layout_set_single_paragraph_mode (layout, TRUE);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  /* A title in Arabic or Hebrew starts beside its bar, as any other: on
   * its own direction Pango would align it to the far end of the width
   * it may take. The words still run right to left. */
  pango_layout_set_auto_dir (layout, FALSE);

  return layout;
}

/* See _up_timeline_get_layouts_made(). */
static guint layouts_made;

static void
clear_layouts (UpTimeline *self)
{
  g_clear_object (&self->title_layout);
  g_hash_table_remove_all (self->title_layouts);
  g_hash_table_remove_all (self->major_layouts);
  g_hash_table_remove_all (self->minor_layouts);
  g_clear_object (&self->major_layout);
  g_clear_object (&self->minor_layout);
  g_clear_pointer (&self->layout_font, pango_font_description_free);
}

static void
ensure_layouts (UpTimeline *self)
{
  if (self->layout_font == NULL)
    {
      PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));

      self->layout_font = pango_font_description_copy (pango_context_get_font_description (context));
      self->layout_resolution = pango_cairo_context_get_resolution (context);
    }
  if (self->title_layout == NULL)
    self->title_layout = create_layout (self, 1.0, PANGO_WEIGHT_NORMAL);
  if (self->major_layout == NULL)
    self->major_layout = create_layout (self, 0.9, PANGO_WEIGHT_BOLD);
  if (self->minor_layout == NULL)
    self->minor_layout = create_layout (self, 0.82, PANGO_WEIGHT_NORMAL);
}


#define MAX_CACHED_LAYOUTS 1024

/* A layout of its own for @text, a copy of @base shaped once and kept in
 * @cache. */
static PangoLayout *
cached_layout (GHashTable  *cache,
               PangoLayout *base,
               const char  *text)
{
  PangoLayout *layout = g_hash_table_lookup (cache, text);

  if (layout != NULL)
    return layout;

  /* Titles come and go as the user types; start over rather than grow. */
  if (g_hash_table_size (cache) >= MAX_CACHED_LAYOUTS)
    g_hash_table_remove_all (cache);

  layout = pango_layout_copy (base);
  pango_layout_set_text (layout, text, -1);
  g_hash_table_insert (cache, g_strdup (text), layout);
  layouts_made++;
  return layout;
}

/* Lays out @text like @base in at most @max_width (no limit when negative)
 * and returns the layout and its size. */
static PangoLayout *
layout_cached (GHashTable  *cache,
               PangoLayout *base,
               const char  *text,
               double       max_width,
               int         *width,
               int         *height)
{
  PangoLayout *layout = cached_layout (cache, base, text);

  pango_layout_set_width (layout, max_width > 0 ? (int) (max_width * PANGO_SCALE) : -1);
  pango_layout_get_pixel_size (layout, width, height);
  return layout;
}

#define layout_title(self, text, max_width, width, height) \
  layout_cached ((self)->title_layouts, (self)->title_layout, text, max_width, width, height)

static void
append_layout (GtkSnapshot   *snapshot,
               PangoLayout   *layout,
               double         x,
               double         y,
               const GdkRGBA *color)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (round (x), round (y)));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static void
append_rect (GtkSnapshot   *snapshot,
             const GdkRGBA *color,
             double         x,
             double         y,
             double         width,
             double         height)
{
  gtk_snapshot_append_color (snapshot, color, &GRAPHENE_RECT_INIT (x, y, width, height));
}

static void
append_rounded (GtkSnapshot           *snapshot,
                const GdkRGBA         *color,
                const graphene_rect_t *rect,
                double                 radius)
{
  GskRoundedRect rounded;

  gsk_rounded_rect_init_from_rect (&rounded, rect,
                                   MIN (radius, MIN (rect->size.width, rect->size.height) / 2));
  gtk_snapshot_push_rounded_clip (snapshot, &rounded);
  gtk_snapshot_append_color (snapshot, color, rect);
  gtk_snapshot_pop (snapshot);
}

/* A ring of @width around @rect, @offset outside it. */
static void
append_ring (GtkSnapshot           *snapshot,
             const GdkRGBA         *color,
             const graphene_rect_t *rect,
             double                 radius,
             double                 offset,
             double                 width)
{
  GskRoundedRect rounded;
  float widths[4] = { width, width, width, width };
  GdkRGBA colors[4] = { *color, *color, *color, *color };
  double grow;

  gsk_rounded_rect_init_from_rect (&rounded, rect,
                                   MIN (radius, MIN (rect->size.width, rect->size.height) / 2));
  grow = -(offset + width);
  gsk_rounded_rect_shrink (&rounded, grow, grow, grow, grow);
  gtk_snapshot_append_border (snapshot, &rounded, widths, colors);
}

/* A square turned 45° about its centre: the diamond of a milestone. */
static void
push_diamond (GtkSnapshot           *snapshot,
              const graphene_rect_t *square)
{
  graphene_point_t centre = GRAPHENE_POINT_INIT (square->origin.x + square->size.width / 2,
                                                 square->origin.y + square->size.height / 2);

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &centre);
  gtk_snapshot_rotate (snapshot, 45);
}

typedef enum {
  GLYPH_CHECK,
  GLYPH_NOTE,
  GLYPH_CHEVRON_LEFT,
  GLYPH_CHEVRON_RIGHT,
} Glyph;

#define CHEVRON_HEIGHT 9.0

/* A done stage's check mark, GLYPH_SIZE square. */
static void
draw_check (cairo_t *cr)
{
  cairo_set_line_width (cr, 2.0);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_move_to (cr, 1.5, 6.5);
  cairo_line_to (cr, 4.8, 9.8);
  cairo_line_to (cr, 10.5, 2.5);
  cairo_stroke (cr);
}

/* A speech bubble, 11 px square: what was said, pinned to the stage. */
static void
draw_note_glyph (cairo_t *cr)
{
  double r = 2.0, w = 11, h = 8;

  cairo_new_sub_path (cr);
  cairo_arc (cr, w - r, r, r, -G_PI / 2, 0);
  cairo_arc (cr, w - r, h - r, r, 0, G_PI / 2);
  cairo_line_to (cr, 5, h);
  cairo_line_to (cr, 2, 11);
  cairo_line_to (cr, 2.5, h);
  cairo_arc (cr, r, h - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, r, r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
  cairo_fill (cr);
}

/* A chevron pointing left or right, CHEVRON_HEIGHT high. */
static void
draw_chevron (cairo_t  *cr,
              gboolean  left)
{
  double w = CHEVRON_HEIGHT / 2.0;

  cairo_set_line_width (cr, 1.6);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_move_to (cr, left ? w : 0, 0);
  cairo_line_to (cr, left ? 0 : w, CHEVRON_HEIGHT / 2.0);
  cairo_line_to (cr, left ? w : 0, CHEVRON_HEIGHT);
  cairo_stroke (cr);
}

static GskRenderNode *
make_glyph (Glyph          glyph,
            const GdkRGBA *color)
{
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  graphene_rect_t bounds;
  cairo_t *cr;

  if (glyph == GLYPH_CHECK)
    bounds = GRAPHENE_RECT_INIT (0, 0, GLYPH_SIZE, GLYPH_SIZE);
  else if (glyph == GLYPH_NOTE)
    bounds = GRAPHENE_RECT_INIT (0, 0, 11, 11);
  else
    bounds = GRAPHENE_RECT_INIT (-1, -1, CHEVRON_HEIGHT / 2.0 + 2, CHEVRON_HEIGHT + 2);

  cr = gtk_snapshot_append_cairo (snapshot, &bounds);
  gdk_cairo_set_source_rgba (cr, color);
  if (glyph == GLYPH_CHECK)
    draw_check (cr);
  else if (glyph == GLYPH_NOTE)
    draw_note_glyph (cr);
  else
    draw_chevron (cr, glyph == GLYPH_CHEVRON_LEFT);
  cairo_destroy (cr);

  return gtk_snapshot_to_node (snapshot);
}

/* The small glyphs are drawn with Cairo once for each kind and colour and
 * the same node is used again on every frame: GSK cannot compare two Cairo
 * nodes, so a new one each frame would be redrawn each frame, and the damage
 * of one bar moving would span the whole timeline. */
static void
append_glyph (UpTimeline    *self,
              GtkSnapshot   *snapshot,
              Glyph          glyph,
              double         x,
              double         y,
              const GdkRGBA *color)
{
  guint64 key = ((guint64) glyph << 32)
                | ((guint64) (guint8) (CLAMP (color->red, 0, 1) * 255) << 24)
                | ((guint64) (guint8) (CLAMP (color->green, 0, 1) * 255) << 16)
                | ((guint64) (guint8) (CLAMP (color->blue, 0, 1) * 255) << 8)
                | (guint64) (guint8) (CLAMP (color->alpha, 0, 1) * 255);
  GskRenderNode *node;

  if (self->glyphs == NULL)
    self->glyphs = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                          (GDestroyNotify) gsk_render_node_unref);

  node = g_hash_table_lookup (self->glyphs, &key);
  if (node == NULL)
    {
      node = make_glyph (glyph, color);
      g_hash_table_insert (self->glyphs, g_memdup2 (&key, sizeof key), node);
    }

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_node (snapshot, node);
  gtk_snapshot_restore (snapshot);
}

static int
count_goals (guint32 goals)
{
  int n = 0;

  for (; goals != 0; goals &= goals - 1)
    n++;

  return n;
}

/* The width of the chips and the note pin of a stage, 0 if it has none. */
static double
decor_width (UpTimeline  *self,
             const Decor *decor,
             int         *pin_width)
{
  int n_chips, width = 0;
  char count[16];

  *pin_width = 0;
  if (decor == NULL)
    return 0;

  n_chips = MIN (count_goals (decor->goals), MAX_CHIPS);
  if (n_chips > 0)
    width += n_chips * CHIP_SIZE + (n_chips - 1) * CHIP_GAP;

  if (decor->n_notes > 0)
    {
      int w, h;

      g_snprintf (count, sizeof count, "%u", decor->n_notes);
      layout_cached (self->minor_layouts, self->minor_layout, count, -1, &w, &h);
      *pin_width = 6 + 11 + 3 + w + 6;
      width += (width > 0 ? 6 : 0) + *pin_width;
    }

  return width;
}

/* Chips in the goals' own colours, then the pin with the number of notes,
 * from @x on the bar's centre line @cy. */
static void
append_decor (UpTimeline    *self,
              GtkSnapshot   *snapshot,
              const Decor   *decor,
              double         x,
              double         cy,
              int            pin_width,
              const GdkRGBA *ink,
              gboolean       on_bar)
{
  PangoLayout *text_layout;
  int n_chips = 0;

  for (guint goal = 1; goal <= UP_SDG_N_GOALS && decor->goals != 0; goal++)
    {
      graphene_rect_t chip = GRAPHENE_RECT_INIT (x, round (cy - CHIP_SIZE / 2.0),
                                                 CHIP_SIZE, CHIP_SIZE);
      GdkRGBA colour;

      if (!(decor->goals & (1u << (goal - 1))) || n_chips >= MAX_CHIPS)
        continue;

      gdk_rgba_parse (&colour, up_sdg_get_goal (goal)->colour);
      /* A thin ring keeps a chip apart from a bar of a similar colour. */
      if (on_bar)
        append_ring (snapshot, &(GdkRGBA) { 1, 1, 1, 0.9 }, &chip, 3, 0, 1);
      else
        append_ring (snapshot, &(GdkRGBA) { self->bg.red, self->bg.green, self->bg.blue, 1 },
                     &chip, 3, 0, 1);
      append_rounded (snapshot, &colour, &chip, 2.5);

      x += CHIP_SIZE + CHIP_GAP;
      n_chips++;
    }

  if (n_chips > 0)
    x += 6 - CHIP_GAP;

  if (decor->n_notes > 0)
    {
      graphene_rect_t pill = GRAPHENE_RECT_INIT (x, round (cy - 8), pin_width, 16);
      GdkRGBA pill_bg = with_alpha (ink, on_bar ? 0.22 : 0.1);
      char count[16];
      int w, h;

      append_rounded (snapshot, &pill_bg, &pill, 8);
      append_glyph (self, snapshot, GLYPH_NOTE, x + 6, pill.origin.y + 3, ink);

      g_snprintf (count, sizeof count, "%u", decor->n_notes);
      text_layout = layout_cached (self->minor_layouts, self->minor_layout, count, -1, &w, &h);
      append_layout (snapshot, text_layout, x + 6 + 11 + 3, cy - h / 2.0, ink);
    }
}

static void
draw_offscreen_hint (UpTimeline  *self,
                     GtkSnapshot *snapshot,
                     const char  *title,
                     double       cy,
                     gboolean     left)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  GdkRGBA dim = with_alpha (&self->fg, self->high_contrast ? 0.9 : 0.5);
  PangoLayout *title_layout;
  int text_w, text_h;

  title_layout = layout_title (self, title, MIN (MAX_BESIDE_WIDTH, width / 3.0), &text_w, &text_h);

  if (left)
    {
      append_glyph (self, snapshot, GLYPH_CHEVRON_LEFT, 8, round (cy - 4.5), &dim);
      append_layout (snapshot, title_layout, 20, cy - text_h / 2.0, &dim);
    }
  else
    {
      append_glyph (self, snapshot, GLYPH_CHEVRON_RIGHT, width - 8 - 4.5, round (cy - 4.5), &dim);
      append_layout (snapshot, title_layout, width - 20 - text_w, cy - text_h / 2.0, &dim);
    }
}

/* What did not fit inside a bar goes beside it, in the text colour: the
 * decorations, then the title. After the bar, or before it when there is
 * no room after it; when it fits neither side, on the side with more room,
 * the title cut short to it. */
static void
draw_beside (UpTimeline  *self,
             GtkSnapshot *snapshot,
             const Decor *decor,
             double       deco_w,
             int          pin_w,
             const char  *title,
             double       bar_x0,
             double       bar_x1,
             double       cy)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  double deco_part = deco_w > 0 ? deco_w + (title ? BESIDE_GAP : 0) : 0;
  double room_after = width - TEXT_PADDING - (bar_x1 + BESIDE_GAP);
  /* Whole pixels: a milestone's x is not rounded, and a title shortened
   * to a fraction of a pixel measures one pixel wider (its size is rounded
   * up), which no longer fit and left the title cut at the view's edge. */
  double room_before = floor (bar_x0 - BESIDE_GAP - TEXT_PADDING);
  double group_w, x;
  PangoLayout *title_layout = NULL;
  int text_w = 0, text_h = 0;

  if (deco_w <= 0 && title == NULL)
    return;

  if (title != NULL)
    title_layout = layout_title (self, title, MAX_BESIDE_WIDTH, &text_w, &text_h);

  group_w = deco_part + text_w;
  x = bar_x1 + BESIDE_GAP;

  if (group_w > room_after && (group_w <= room_before || room_before > room_after))
    {
      /* A bar at the right edge of a narrow view: its title before it,
       * shortened, rather than out of sight after it. */
      if (group_w > room_before && title != NULL && room_before - deco_part >= MIN_INSIDE_TEXT)
        {
          title_layout = layout_title (self, title, floor (room_before - deco_part), &text_w, &text_h);
          group_w = deco_part + text_w;
        }
      if (group_w <= room_before)
        x = bar_x0 - BESIDE_GAP - group_w;
    }

  if (deco_w > 0)
    {
      append_decor (self, snapshot, decor, x, cy, pin_w, &self->fg, FALSE);
      x += deco_w + BESIDE_GAP;
    }

  if (title != NULL)
    {
      /* At the right edge of the view, ellipsized rather than cut. */
      if (x + text_w > width - TEXT_PADDING && width - TEXT_PADDING - x >= MIN_INSIDE_TEXT)
        title_layout = layout_title (self, title, width - TEXT_PADDING - x, &text_w, &text_h);
      append_layout (snapshot, title_layout, x, cy - text_h / 2.0, &self->fg);
    }
}

/* The fill of a stage's shape in the colour of its phase (@colour) and
 * @status, and the ink of what is drawn on it. */
static void
stage_paint (UpTimeline    *self,
             guint          colour,
             guint          status,
             GdkRGBA       *fill,
             GdkRGBA       *ink)
{
  if (status == STATUS_DONE)
    {
      /* Done: a pale fill in the kind's colour, dark text on light and
       * light text on dark. */
      *fill = mix (&self->bg, &palette[colour], self->dark ? 0.42 : 0.3);
      *ink = self->fg;
    }
  else
    {
      *fill = palette[colour];
      *ink = palette_text[colour];
    }
}

/* A stage's shape filled with @fill (stage_paint()), and the edge of its
 * status: a bar in @rect, or a decision's diamond, @rect in the turned
 * coordinates push_diamond() sets. */
static void
append_stage_shape (UpTimeline            *self,
                    GtkSnapshot           *snapshot,
                    const graphene_rect_t *rect,
                    gboolean               decision,
                    guint                  colour,
                    guint                  status,
                    const GdkRGBA         *fill)
{
  append_rounded (snapshot, fill, rect, decision ? 3 : BAR_RADIUS);

  if (decision)
    {
      if (status == STATUS_DONE || self->high_contrast)
        append_ring (snapshot, status == STATUS_DONE ? &palette[colour] : &self->fg, rect, 3, -1.5, 1.5);
      else if (status == STATUS_ACTIVE)
        append_ring (snapshot, &self->fg, rect, 3, 1, 2);
      return;
    }

  /* Active: a strong outline. Done, and every bar in high contrast: a thin
   * edge, so that a pale bar still has a shape. */
  if (status == STATUS_ACTIVE)
    append_ring (snapshot, &self->fg, rect, BAR_RADIUS, 1, 2);
  if (status == STATUS_DONE)
    {
      GdkRGBA edge = with_alpha (&palette[colour], 0.8);

      append_ring (snapshot, &edge, rect, BAR_RADIUS, -1, 1);
    }
  else if (self->high_contrast)
    append_ring (snapshot, &self->fg, rect, BAR_RADIUS, -1, 1);
}

typedef enum
{
  DRAW_NORMAL = 0,
  DRAW_SELECTED = 1 << 0,
  DRAW_GHOST = 1 << 1,
  DRAW_LIFTED = 1 << 2,
} DrawFlags;

static void
draw_stage (UpTimeline  *self,
            GtkSnapshot *snapshot,
            Row         *row,
            int          start,
            int          end,
            double       y,
            DrawFlags    flags)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  graphene_rect_t bar = bar_rect (self, row->decision, start, end, y);
  const Decor *decor = get_decor (self, row->stage);
  const char *title = up_stage_get_title (row->stage);
  gboolean done = row->status == STATUS_DONE;
  double bar_x1 = bar.origin.x + bar.size.width;
  double cy = bar.origin.y + bar.size.height / 2.0;
  double visible_x0, visible_x1, inner_x0, inner_x1, deco_w, check_w, room;
  gboolean title_inside, decor_inside;
  GdkRGBA fill, ink, ring;
  PangoLayout *title_layout;
  int pin_w, text_w, text_h;

  /* Wholly out of view: its title at the edge it is beyond, so that no
   * row looks empty. */
  if (bar.origin.x > width || bar_x1 < 0)
    {
      if (!(flags & DRAW_LIFTED))
        draw_offscreen_hint (self, snapshot, title, cy, bar_x1 < 0);
      return;
    }

  if (flags & DRAW_GHOST)
    gtk_snapshot_push_opacity (snapshot, 0.35);

  /* The selection ring is solid while the keys act on it, with the focus
   * in the timeline; lighter while the focus is elsewhere. */
  ring = with_alpha (&self->accent, self->has_focus_inside || (flags & DRAW_LIFTED) ? 1.0 : 0.5);

  stage_paint (self, row->colour, row->status, &fill, &ink);

  if (row->decision)
    {
      graphene_rect_t square = GRAPHENE_RECT_INIT (-DIAMOND_SIDE / 2.0, -DIAMOND_SIDE / 2.0,
                                                   DIAMOND_SIDE, DIAMOND_SIDE);

      push_diamond (snapshot, &bar);
      if (flags & DRAW_LIFTED)
        {
          GskRoundedRect rounded;

          gsk_rounded_rect_init_from_rect (&rounded, &square, 3);
          gtk_snapshot_append_outset_shadow (snapshot, &rounded, &(GdkRGBA) { 0, 0, 0, 0.35 },
                                             0, 2, 0, 6);
        }
      if (flags & DRAW_SELECTED)
        append_ring (snapshot, &ring, &square, 3, 2, 2);
      append_stage_shape (self, snapshot, &square, TRUE, row->colour, row->status, &fill);
      gtk_snapshot_restore (snapshot);

      /* The ghost is the shape where the stage was; its title and chips
       * would run into the lifted one's beside it. */
      if (flags & DRAW_GHOST)
        {
          gtk_snapshot_pop (snapshot);
          return;
        }

      deco_w = decor_width (self, decor, &pin_w);
      draw_beside (self, snapshot, decor, deco_w, pin_w, title, bar.origin.x, bar_x1, cy);
      return;
    }

  if (flags & DRAW_LIFTED)
    {
      GskRoundedRect rounded;

      gsk_rounded_rect_init_from_rect (&rounded, &bar, BAR_RADIUS);
      gtk_snapshot_append_outset_shadow (snapshot, &rounded, &(GdkRGBA) { 0, 0, 0, 0.3 },
                                         0, 2, 0, 8);
    }

  if (flags & DRAW_SELECTED)
    append_ring (snapshot, &ring, &bar, BAR_RADIUS, 2, 2);

  append_stage_shape (self, snapshot, &bar, FALSE, row->colour, row->status, &fill);

  if (flags & DRAW_GHOST)
    {
      gtk_snapshot_pop (snapshot);
      return;
    }

  /* What is inside goes on the part of the bar in view, so that the title
   * of a long stage stays readable while it scrolls. */
  visible_x0 = MAX (bar.origin.x, 0);
  visible_x1 = MIN (bar_x1, width);
  inner_x0 = visible_x0 + TEXT_PADDING;
  inner_x1 = visible_x1 - TEXT_PADDING;

  deco_w = decor_width (self, decor, &pin_w);
  check_w = done ? GLYPH_SIZE + 5 : 0;
  title_layout = layout_title (self, title, -1, &text_w, &text_h);

  /* The title goes inside when it fits whole, or when the bar is long
   * enough for a good part of it (or runs on out of view); else the title
   * and the decorations go beside the bar, never cut to a few letters. */
  room = inner_x1 - inner_x0 - check_w - (deco_w > 0 ? deco_w + 8 : 0);
  title_inside = room >= text_w || room >= MIN_ELLIPSIZED_TEXT ||
                 (bar_x1 > width && room >= MIN_INSIDE_TEXT &&
                  bar.origin.x - BESIDE_GAP - text_w - deco_w < TEXT_PADDING);
  decor_inside = deco_w > 0 && title_inside;

  if (decor_inside)
    {
      append_decor (self, snapshot, decor, inner_x1 - deco_w, cy, pin_w, &ink, TRUE);
      inner_x1 -= deco_w + 8;
    }

  if (done && inner_x1 - inner_x0 >= GLYPH_SIZE)
    {
      append_glyph (self, snapshot, GLYPH_CHECK, inner_x0, round (cy - GLYPH_SIZE / 2.0), &ink);
      inner_x0 += check_w;
    }

  if (title_inside)
    {
      GskRoundedRect clip;

      title_layout = layout_title (self, title, inner_x1 - inner_x0, &text_w, &text_h);
      gsk_rounded_rect_init_from_rect (&clip, &bar, BAR_RADIUS);
      gtk_snapshot_push_rounded_clip (snapshot, &clip);
      append_layout (snapshot, title_layout, inner_x0, cy - text_h / 2.0, &ink);
      gtk_snapshot_pop (snapshot);
    }

  draw_beside (self, snapshot, decor_inside ? NULL : decor, decor_inside ? 0 : deco_w, pin_w,
               title_inside ? NULL : title, bar.origin.x, bar_x1, cy);
}

/* What moves with the pointer is drawn as a group of its own, placed with a
 * translation: when it moves, GSK's damage is then its old and its new
 * bounds, two rectangles. Drawn in place, each of its pieces (chips, pin,
 * title) would add its own old and new place; with the scroll indicators'
 * these passed the 30 rectangles GSK keeps, and it redrew the whole window
 * (with Cairo on X11, a dropped frame whenever the bar jumped to the next
 * snapped day). */
static GtkSnapshot *
group_begin (const graphene_point_t *origin)
{
  GtkSnapshot *group = gtk_snapshot_new ();

  gtk_snapshot_translate (group, &GRAPHENE_POINT_INIT (-origin->x, -origin->y));

  return group;
}

static void
group_end (GtkSnapshot            *snapshot,
           GtkSnapshot            *group,
           const graphene_point_t *origin)
{
  g_autoptr(GskRenderNode) node = gtk_snapshot_free_to_node (group);

  if (node == NULL)
    return;

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, origin);
  gtk_snapshot_append_node (snapshot, node);
  gtk_snapshot_restore (snapshot);
}

/* The label of the new dates that follows a dragged bar. */
static void
draw_drag_label (UpTimeline  *self,
                 GtkSnapshot *snapshot,
                 const graphene_rect_t *bar)
{
  PangoLayout *text_layout;
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  Row *row = get_row (self, self->drag.row);
  g_autofree char *text = format_dates (self->drag.new_start, self->drag.new_end, row->milestone);
  GdkRGBA osd_bg = { 0, 0, 0, 0.82 };
  GdkRGBA osd_fg = { 1, 1, 1, 1 };
  graphene_rect_t pill;
  GtkSnapshot *group;
  double x, y;
  int w, h;

  text_layout = layout_cached (self->minor_layouts, self->minor_layout, text, -1, &w, &h);

  /* Above the bar, where the pointer is, inside the view; below the bar
   * when the header is in the way. */
  x = self->drag.start_x + self->drag.dx - (w + 20) / 2.0;
  x = CLAMP (x, 4, MAX (4, width - w - 24));
  y = bar->origin.y - h - 14;
  if (y < HEADER_HEIGHT + 2)
    y = bar->origin.y + bar->size.height + 6;

  pill = GRAPHENE_RECT_INIT (round (x), round (y), w + 20, h + 8);
  group = group_begin (&pill.origin);
  append_rounded (group, &osd_bg, &pill, (h + 8) / 2.0);
  append_layout (group, text_layout, pill.origin.x + 10, pill.origin.y + 4, &osd_fg);
  group_end (snapshot, group, &pill.origin);
}

static void
draw_axis (UpTimeline  *self,
           GtkSnapshot *snapshot,
           GArray      *majors,
           GArray      *minors,
           int          today)
{
  PangoLayout *text_layout;
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  double hv = hvalue (self);
  GdkRGBA header_bg = mix (&self->bg, &self->fg, self->dark ? 0.05 : 0.03);
  GdkRGBA line = with_alpha (&self->fg, self->high_contrast ? 0.5 : 0.15);
  GdkRGBA dim = with_alpha (&self->fg, self->high_contrast ? 1.0 : 0.7);
  double today_x = up_timescale_day_to_x (&self->scale, today) - hv;
  static const GdkRGBA white = { 1, 1, 1, 1 };

  append_rect (snapshot, &header_bg, 0, 0, width, HEADER_HEIGHT);

  for (guint i = 0; i < majors->len; i++)
    {
      UpTick *tick = &g_array_index (majors, UpTick, i);
      double x = round (tick->x - hv);
      double end = round (tick->end_x - hv);
      double label_x;
      int w, h;

      append_rect (snapshot, &line, x, 0, 1, HEADER_HEIGHT);

      /* The label sticks to the left edge while its span is in view, and
       * shortens (ellipsized, never cut) as the span leaves. */
      label_x = MAX (x, 0) + TEXT_PADDING;
      if (end - label_x - TEXT_PADDING < 40 || tick->label == NULL)
        continue;

      text_layout = layout_cached (self->major_layouts, self->major_layout, tick->label,
                                   end - label_x - TEXT_PADDING, &w, &h);
      append_layout (snapshot, text_layout, label_x, (HEADER_MAJOR_HEIGHT - h) / 2.0 + 1,
                     &self->fg);
    }

  for (guint i = 0; i < minors->len; i++)
    {
      UpTick *tick = &g_array_index (minors, UpTick, i);
      double x = round (tick->x - hv);
      double end = round (tick->end_x - hv);
      gboolean is_today = tick->n_days == 1 && tick->day == today;
      const GdkRGBA *ink = &dim;
      int w, h;

      append_rect (snapshot, &line, x, HEADER_MAJOR_HEIGHT + 4, 1, HEADER_MINOR_HEIGHT - 4);

      if (tick->label == NULL)
        continue;

      text_layout = layout_cached (self->minor_layouts, self->minor_layout, tick->label, -1, &w, &h);
      if (w + 6 > end - x)
        continue;

      if (is_today)
        {
          double top = HEADER_MAJOR_HEIGHT + (HEADER_MINOR_HEIGHT - h) / 2.0 - 2;
          graphene_rect_t pill = GRAPHENE_RECT_INIT (round ((x + end - w) / 2.0) - 5, top,
                                                     w + 10, h + 4);

          append_rounded (snapshot, &self->accent, &pill, (h + 4) / 2.0);
          ink = &white;
        }

      append_layout (snapshot, text_layout, (x + end - w) / 2.0,
                     HEADER_MAJOR_HEIGHT + (HEADER_MINOR_HEIGHT - h) / 2.0, ink);
    }

  /* Where today is: a dot on the edge between the header and the rows. */
  if (today_x > -8 && today_x < width + 8)
    {
      double cx = today_x + up_timescale_days_to_width (&self->scale, 1) / 2.0;
      graphene_rect_t dot = GRAPHENE_RECT_INIT (round (cx) - 4, HEADER_HEIGHT - 4, 8, 8);

      append_rect (snapshot, &line, 0, HEADER_HEIGHT - 1, width, 1);
      append_rounded (snapshot, &self->accent, &dot, 4);
    }
  else
    {
      append_rect (snapshot, &line, 0, HEADER_HEIGHT - 1, width, 1);
    }
}

static void
draw_grid (UpTimeline  *self,
           GtkSnapshot *snapshot,
           GArray      *majors,
           GArray      *minors,
           int          today)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  double hv = hvalue (self);
  double ppd = up_timescale_days_to_width (&self->scale, 1);
  GdkRGBA major_line = with_alpha (&self->fg, self->high_contrast ? 0.35 : 0.1);
  GdkRGBA minor_line = with_alpha (&self->fg, self->high_contrast ? 0.2 : 0.045);
  GdkRGBA weekend = with_alpha (&self->fg, self->dark ? 0.05 : 0.035);
  double rows_height = height - HEADER_HEIGHT;
  double today_x;

  /* Weekends, where a day is wide enough to see. */
  if (ppd >= 12)
    {
      int first = up_timescale_x_to_day (&self->scale, hv);
      int last = up_timescale_x_to_day (&self->scale, hv + width);
      int saturday = first - (up_day_get_weekday (first) - G_DATE_SATURDAY);

      for (int day = saturday - 7; day <= last; day += 7)
        {
          double x = round (up_timescale_day_to_x (&self->scale, day) - hv);

          append_rect (snapshot, &weekend, x, HEADER_HEIGHT, round (2 * ppd), rows_height);
        }
    }

  for (guint i = 0; i < minors->len; i++)
    {
      UpTick *tick = &g_array_index (minors, UpTick, i);

      append_rect (snapshot, &minor_line, round (tick->x - hv), HEADER_HEIGHT, 1, rows_height);
    }

  for (guint i = 0; i < majors->len; i++)
    {
      UpTick *tick = &g_array_index (majors, UpTick, i);

      append_rect (snapshot, &major_line, round (tick->x - hv), HEADER_HEIGHT, 1, rows_height);
    }

  /* Today: a line through the middle of the day. */
  today_x = up_timescale_day_to_x (&self->scale, today) + ppd / 2.0 - hv;
  if (today_x > -2 && today_x < width + 2)
    append_rect (snapshot, &self->accent, round (today_x) - 1, HEADER_HEIGHT, 2, rows_height);
}

/* The bar being dragged, its date label and the line where it lands. */
static void
draw_lifted (UpTimeline  *self,
             GtkSnapshot *snapshot,
             int          width)
{
  Row *r = get_row (self, self->drag.row);
  double y = row_y (self, self->drag.row);
  graphene_rect_t bar;
  graphene_point_t origin;
  GtkSnapshot *group;

  /* Moving rows: the bar follows the pointer up and down, and a line
   * shows where it lands. */
  if (self->drag.target_row != self->drag.row)
    {
      int target = self->drag.target_row;
      double line_y = row_y (self, target) + (target > self->drag.row ? ROW_HEIGHT : 0);

      append_rect (snapshot, &self->accent, 0, round (line_y) - 1, width, 2);
      y += self->drag.dy + vvalue (self) - self->drag.vvalue;
    }

  bar = bar_rect (self, r->decision, self->drag.new_start, self->drag.new_end, y);
  origin = GRAPHENE_POINT_INIT (floor (bar.origin.x), floor (y));
  group = group_begin (&origin);
  draw_stage (self, group, r, self->drag.new_start, self->drag.new_end, y,
              DRAW_SELECTED | DRAW_LIFTED);
  group_end (snapshot, group, &origin);

  draw_drag_label (self, snapshot, &bar);
}

static void
up_timeline_snapshot (GtkWidget   *widget,
                      GtkSnapshot *snapshot)
{
  UpTimeline *self = UP_TIMELINE (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  double hv = hvalue (self);
  g_autoptr(GArray) majors = NULL;
  g_autoptr(GArray) minors = NULL;
  int today = up_day_today ();
  int first, last, selected_row;
  gboolean dragging = self->drag.kind == DRAG_STAGE && self->drag.moved;

  if (width <= 0 || height <= 0)
    return;

  ensure_rows (self);
  ensure_decor (self);
  ensure_layouts (self);

  majors = up_timescale_get_ticks (&self->scale, UP_TICK_MAJOR, hv, hv + width);
  minors = up_timescale_get_ticks (&self->scale, UP_TICK_MINOR, hv, hv + width);

  append_rect (snapshot, &self->bg, 0, 0, width, height);

  gtk_snapshot_push_clip (snapshot,
                          &GRAPHENE_RECT_INIT (0, HEADER_HEIGHT, width, height - HEADER_HEIGHT));

  draw_grid (self, snapshot, majors, minors, today);

  first = MAX (0, row_at_y (self, HEADER_HEIGHT));
  last = MIN ((int) n_rows (self) - 1, row_at_y (self, height));
  selected_row = find_row (self, self->selected);

  if (selected_row >= first && selected_row <= last)
    {
      GdkRGBA highlight = with_alpha (&self->accent, self->dark ? 0.16 : 0.1);

      append_rect (snapshot, &highlight, 0, row_y (self, selected_row), width, ROW_HEIGHT);
    }
  else if (self->hover_row >= first && self->hover_row <= last && !dragging)
    {
      GdkRGBA hover = with_alpha (&self->fg, 0.035);

      append_rect (snapshot, &hover, 0, row_y (self, self->hover_row), width, ROW_HEIGHT);
    }

  for (int row = first; row <= last; row++)
    {
      Row *r = get_row (self, row);
      DrawFlags flags = r->stage == self->selected ? DRAW_SELECTED : DRAW_NORMAL;

      if (dragging && row == self->drag.row)
        flags = DRAW_GHOST;

      draw_stage (self, snapshot, r, r->start, r->end, row_y (self, row), flags);
    }

  if (dragging)
    draw_lifted (self, snapshot, width);

  gtk_snapshot_pop (snapshot);

  draw_axis (self, snapshot, majors, minors, today);

  /* The items draw nothing, but a focus ring, if the theme gives one. */
  for (guint i = 0; i < self->items->len; i++)
    gtk_widget_snapshot_child (widget, g_ptr_array_index (self->items, i), snapshot);
}

/* Measure and allocate */

static void
up_timeline_measure (GtkWidget      *widget,
                     GtkOrientation  orientation,
                     int             for_size,
                     int            *minimum,
                     int            *natural,
                     int            *minimum_baseline,
                     int            *natural_baseline)
{
  UpTimeline *self = UP_TIMELINE (widget);

  ensure_rows (self);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 160;
      *natural = MAX (*minimum, (int) ceil (content_width (self)));
    }
  else
    {
      *minimum = HEADER_HEIGHT + ROW_HEIGHT;
      *natural = MAX (*minimum, HEADER_HEIGHT + (int) ceil (content_height (self)));
    }
}

static void
up_timeline_size_allocate (GtkWidget *widget,
                           int        width,
                           int        height,
                           int        baseline)
{
  UpTimeline *self = UP_TIMELINE (widget);
  double page, upper, value;

  ensure_rows (self);

  self->in_allocate = TRUE;

  if (self->needs_fit && self->project != NULL && width > 1)
    {
      self->needs_fit = FALSE;
      fit (self, width);
    }
  else if (self->fitted && width != self->fitted_width && self->project != NULL && width > 1)
    {
      fit (self, width);
    }

  if (self->pending_day != 0)
    {
      double x = up_timescale_day_to_x (&self->scale, self->pending_day);

      set_pending_hvalue (self, x - MAX (24.0, width * self->pending_day_at));
      self->pending_day = 0;
    }

  /* Room to scroll past the last stage, and the whole width at least. */
  while (content_width (self) < width)
    self->range_end += 30;

  upper = content_width (self);
  value = self->has_pending_hvalue ? self->pending_hvalue : hvalue (self);
  value = CLAMP (value, 0, MAX (0, upper - width));
  self->has_pending_hvalue = FALSE;
  if (self->rebase_hshift && self->project != NULL && width > 1)
    {
      self->hshift = value - gtk_adjustment_get_value (self->hadjustment);
      self->rebase_hshift = FALSE;
    }
  gtk_adjustment_configure (self->hadjustment, value - self->hshift,
                            -self->hshift, upper - self->hshift,
                            width * 0.1, width * 0.9, width);

  page = MAX (0, height - HEADER_HEIGHT);
  upper = MAX (content_height (self), page);
  value = self->has_pending_vvalue ? self->pending_vvalue : vvalue (self);
  value = CLAMP (value, 0, MAX (0, upper - page));
  self->has_pending_vvalue = FALSE;
  gtk_adjustment_configure (self->vadjustment, value, 0, upper,
                            ROW_HEIGHT, page * 0.9, page);

  allocate_items (self, width, height);
  if (self->context_menu != NULL)
    gtk_popover_present (GTK_POPOVER (self->context_menu));

  self->in_allocate = FALSE;
}

static void
up_timeline_css_changed (GtkWidget         *widget,
                         GtkCssStyleChange *change)
{
  UpTimeline *self = UP_TIMELINE (widget);
  GtkStyleContext *context = gtk_widget_get_style_context (widget);

  GTK_WIDGET_CLASS (up_timeline_parent_class)->css_changed (widget, change);

  gtk_style_context_get_color (context, &self->fg);
  if (!gtk_style_context_lookup_color (context, "view_bg_color", &self->bg))
    self->bg = (GdkRGBA) { 1, 1, 1, 1 };
  if (!gtk_style_context_lookup_color (context, "accent_color", &self->accent))
    self->accent = palette[UP_PHASE_PREPARATION];   /* blue */
  if (!gtk_style_context_lookup_color (context, "view_fg_color", &self->fg))
    gtk_style_context_get_color (context, &self->fg);

  self->dark = luminance (&self->bg) < 0.4;
  self->high_contrast = adw_style_manager_get_high_contrast (adw_style_manager_get_default ());

  /* The font may have changed with the style; the colours are given to
   * each layout as it is drawn. */
  if (self->layout_font != NULL)
    {
      PangoContext *pango = gtk_widget_get_pango_context (widget);

      if (!pango_font_description_equal (self->layout_font, pango_context_get_font_description (pango))
          || self->layout_resolution != pango_cairo_context_get_resolution (pango))
        clear_layouts (self);
    }

  gtk_widget_queue_draw (widget);
}

/* Focus */

static gboolean
up_timeline_focus (GtkWidget        *widget,
                   GtkDirectionType  direction)
{
  UpTimeline *self = UP_TIMELINE (widget);
  UpTimelineItem *item;

  /* The arrows move inside (see the actions); Tab leaves at once. */
  if (gtk_widget_has_focus (widget) || gtk_widget_get_focus_child (widget) != NULL)
    return FALSE;

  item = find_item (self, self->selected);
  if (item != NULL && gtk_widget_get_child_visible (GTK_WIDGET (item)))
    return gtk_widget_grab_focus (GTK_WIDGET (item));

  return gtk_widget_grab_focus (widget);
}

static gboolean
up_timeline_grab_focus (GtkWidget *widget)
{
  UpTimeline *self = UP_TIMELINE (widget);
  UpTimelineItem *item = find_item (self, self->selected);

  if (item != NULL && gtk_widget_get_child_visible (GTK_WIDGET (item)))
    return gtk_widget_grab_focus (GTK_WIDGET (item));

  /* Not laid out yet (the window just shown): the timeline has the focus
   * until the next allocation gives it to the stage's item. */
  if (self->selected != NULL)
    self->focus_selected = TRUE;
  return GTK_WIDGET_CLASS (up_timeline_parent_class)->grab_focus (widget);
}

/* The most of a stage's title its tooltip shows, in characters. */
#define TOOLTIP_TITLE_CHARS 100

static gboolean
up_timeline_query_tooltip (GtkWidget  *widget,
                           int         x,
                           int         y,
                           gboolean    keyboard_mode,
                           GtkTooltip *tooltip)
{
  UpTimeline *self = UP_TIMELINE (widget);
  g_autoptr(GString) text = NULL;
  g_autofree char *dates = NULL;
  g_autofree char *title = NULL;
  const Decor *decor;
  HitPart part;
  Row *r;
  int row;

  if (self->drag.kind != DRAG_NONE)
    return FALSE;

  if (keyboard_mode)
    {
      row = find_row (self, self->selected);
      part = row >= 0 ? HIT_BODY : HIT_NONE;
    }
  else
    {
      part = hit_test (self, x, y, &row);
    }

  if (part < HIT_BODY)
    return FALSE;

  ensure_decor (self);
  r = get_row (self, row);
  decor = get_decor (self, r->stage);
  dates = format_dates (r->start, r->end, r->milestone);

  /* A tooltip wraps at blanks only: a long title, or one long word, would
   * make it wider or taller than the screen. The editor shows it whole. */
  title = up_text_util_excerpt (up_stage_get_title (r->stage), TOOLTIP_TITLE_CHARS);
  text = g_string_new (title);
  g_string_append_c (text, '\n');
  /* Translators: A line of a stage's tooltip on the timeline: %1$s is its
   * kind ("Tender period"), %2$s its status ("In progress"). */
  g_string_append_printf (text, _("%1$s · %2$s"),
                          up_enum_label (up_stage_kinds, up_stage_get_kind (r->stage)),
                          up_enum_label (up_stage_statuses, up_stage_get_status (r->stage)));
  g_string_append_c (text, '\n');
  g_string_append (text, dates);

  if (decor != NULL && decor->n_notes > 0)
    {
      g_string_append_c (text, '\n');
      /* Translators: A line of a stage's tooltip on the timeline. */
      g_string_append_printf (text, ngettext ("%1$'u note", "%1$'u notes", decor->n_notes),
                              decor->n_notes);
    }

  if (decor != NULL && decor->goals != 0)
    {
      g_autoptr(GString) goals = g_string_new (NULL);

      for (guint goal = 1; goal <= UP_SDG_N_GOALS; goal++)
        if (decor->goals & (1u << (goal - 1)))
          g_string_append_printf (goals, "%s%u", goals->len ? ", " : "", goal);

      g_string_append_c (text, '\n');
      /* Translators: A line of a stage's tooltip on the timeline: %1$s is a
       * list of the Agenda 2030 goals the stage is linked to ("3, 11"). */
      g_string_append_printf (text, _("Agenda 2030 goals: %1$s"), goals->str);
    }

  gtk_tooltip_set_text (tooltip, text->str);
  if (!keyboard_mode)
    {
      graphene_rect_t bar = row_bar_rect (self, row);

      gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) {
                                  (int) bar.origin.x, (int) bar.origin.y,
                                  (int) bar.size.width, (int) bar.size.height });
    }

  return TRUE;
}

/* Gestures */

static void
update_cursor (UpTimeline *self,
               HitPart     part)
{
  const char *name = NULL;

  if (self->drag.kind == DRAG_STAGE && self->drag.moved)
    name = self->drag.mode == UP_DRAG_MOVE ? "grabbing" : "ew-resize";
  else if (self->drag.kind == DRAG_PAN && self->drag.moved)
    name = "grabbing";
  else if (part == HIT_START || part == HIT_END)
    name = "ew-resize";
  else if (part == HIT_BODY)
    name = "grab";

  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), name);
}

static void
stop_autoscroll (UpTimeline *self)
{
  if (self->drag.tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->drag.tick_id);
      self->drag.tick_id = 0;
    }
}

static void
clear_drag (UpTimeline *self)
{
  stop_autoscroll (self);
  g_clear_object (&self->drag.stage);
  self->drag = (DragState) { 0, };
}

static void
cancel_drag (UpTimeline *self)
{
  if (self->drag.kind == DRAG_NONE)
    return;

  stop_autoscroll (self);
  g_clear_object (&self->drag.stage);
  self->drag = (DragState) { 0, };

  /* The gesture ends with "drag-end", which finds nothing left to commit. */
  gtk_event_controller_reset (GTK_EVENT_CONTROLLER (self->drag_gesture));
  update_cursor (self, HIT_NONE);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The preview from the offsets of the pointer and the scrolling since the
 * drag began. */
static void
update_preview (UpTimeline *self)
{
  GdkModifierType state;
  gboolean snap;
  double dx, dy;
  Row *r;

  if (self->drag.kind != DRAG_STAGE || !self->drag.moved)
    return;

  state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (self->drag_gesture));
  snap = !(state & GDK_SHIFT_MASK);
  dx = self->drag.dx + hvalue (self) - self->drag.hvalue;
  dy = self->drag.dy + vvalue (self) - self->drag.vvalue;
  r = get_row (self, self->drag.row);

  up_timescale_drag (&self->scale, self->drag.mode, r->start, r->end, dx, snap,
                     &self->drag.new_start, &self->drag.new_end);

  if (self->drag.mode == UP_DRAG_MOVE)
    self->drag.target_row = CLAMP (self->drag.row + (int) round (dy / ROW_HEIGHT),
                                   0, (int) n_rows (self) - 1);

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
autoscroll_tick (GtkWidget     *widget,
                 GdkFrameClock *clock,
                 gpointer       user_data)
{
  UpTimeline *self = UP_TIMELINE (widget);
  double x = self->drag.start_x + self->drag.dx;
  double y = self->drag.start_y + self->drag.dy;
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  double step_x = 0, step_y = 0;

  if (x < AUTOSCROLL_EDGE)
    step_x = -AUTOSCROLL_SPEED * (AUTOSCROLL_EDGE - x) / AUTOSCROLL_EDGE;
  else if (x > width - AUTOSCROLL_EDGE)
    step_x = AUTOSCROLL_SPEED * (x - width + AUTOSCROLL_EDGE) / AUTOSCROLL_EDGE;

  if (self->drag.mode == UP_DRAG_MOVE)
    {
      if (y < HEADER_HEIGHT + AUTOSCROLL_EDGE)
        step_y = -AUTOSCROLL_SPEED * (HEADER_HEIGHT + AUTOSCROLL_EDGE - y) / AUTOSCROLL_EDGE;
      else if (y > height - AUTOSCROLL_EDGE)
        step_y = AUTOSCROLL_SPEED * (y - height + AUTOSCROLL_EDGE) / AUTOSCROLL_EDGE;
    }

  if (step_x == 0 && step_y == 0)
    {
      self->drag.tick_id = 0;
      return G_SOURCE_REMOVE;
    }

  step_x = CLAMP (step_x, -AUTOSCROLL_SPEED, AUTOSCROLL_SPEED);
  step_y = CLAMP (step_y, -AUTOSCROLL_SPEED, AUTOSCROLL_SPEED);
  set_hvalue (self, hvalue (self) + step_x);
  gtk_adjustment_set_value (self->vadjustment, vvalue (self) + step_y);
  update_preview (self);

  return G_SOURCE_CONTINUE;
}

static void
on_drag_begin (UpTimeline     *self,
               double          x,
               double          y,
               GtkGestureDrag *gesture)
{
  HitPart part;
  int row;

  clear_drag (self);
  part = hit_test (self, x, y, &row);
  g_debug ("Drag begins at %.1f, %.1f: row %d, part %d", x, y, row, part);

  self->drag.start_x = x;
  self->drag.start_y = y;
  self->drag.hvalue = hvalue (self);
  self->drag.vvalue = vvalue (self);
  self->drag.row = row;
  self->drag.target_row = row;

  if (part >= HIT_ROW)
    {
      up_timeline_set_selected (self, get_row (self, row)->stage);
      self->focus_selected = TRUE;
    }

  gtk_widget_grab_focus (GTK_WIDGET (self));

  if (part >= HIT_BODY)
    {
      Row *r = get_row (self, row);

      self->drag.kind = DRAG_STAGE;
      self->drag.stage = g_object_ref (r->stage);
      self->drag.mode = part == HIT_START ? UP_DRAG_START
                      : part == HIT_END ? UP_DRAG_END
                      : UP_DRAG_MOVE;
      self->drag.start = r->start;
      self->drag.end = r->end;
      self->drag.new_start = r->start;
      self->drag.new_end = r->end;
    }
  else
    {
      self->drag.kind = DRAG_PAN;
    }
}

static void
on_drag_update (UpTimeline     *self,
                double          dx,
                double          dy,
                GtkGestureDrag *gesture)
{
  if (self->drag.kind == DRAG_NONE)
    return;

  self->drag.dx = dx;
  self->drag.dy = dy;

  if (!self->drag.moved)
    {
      if (hypot (dx, dy) < DRAG_THRESHOLD)
        return;

      self->drag.moved = TRUE;
      /* Ours now: the scrolled window does not pan while a bar moves. */
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      update_cursor (self, HIT_NONE);
    }

  if (self->drag.kind == DRAG_PAN)
    {
      set_hvalue (self, self->drag.hvalue - dx);
      gtk_adjustment_set_value (self->vadjustment, self->drag.vvalue - dy);
      return;
    }

  update_preview (self);

  if (self->drag.tick_id == 0)
    self->drag.tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), autoscroll_tick,
                                                       NULL, NULL);
}

static void
on_drag_end (UpTimeline     *self,
             double          dx,
             double          dy,
             GtkGestureDrag *gesture)
{
  g_autoptr(UpStage) stage = NULL;
  int start, end, target;
  gboolean commit;

  if (self->drag.kind == DRAG_NONE)
    return;

  on_drag_update (self, dx, dy, gesture);

  commit = self->drag.kind == DRAG_STAGE && self->drag.moved;
  stage = g_steal_pointer (&self->drag.stage);
  start = self->drag.new_start;
  end = self->drag.new_end;
  target = self->drag.target_row;

  stop_autoscroll (self);
  self->drag = (DragState) { 0, };
  update_cursor (self, HIT_NONE);
  gtk_widget_queue_draw (GTK_WIDGET (self));

  /* Once, on release: one transaction, one step to undo. */
  if (commit)
    commit_edit (self, stage, start, end, target);
}

static void
on_click_pressed (UpTimeline      *self,
                  int              n_press,
                  double           x,
                  double           y,
                  GtkGestureClick *gesture)
{
  int row;

  if (n_press == 2 && hit_test (self, x, y, &row) >= HIT_ROW)
    g_signal_emit (self, signals[ACTIVATE_STAGE], 0, get_row (self, row)->stage);
}

/* The stage's menu at @x, @y (widget coordinates), for the stage
 * selected. */
static void
popup_context_menu (UpTimeline *self,
                    double      x,
                    double      y)
{
  if (self->context_model == NULL || self->selected == NULL)
    return;
  up_menu_util_popup (GTK_WIDGET (self), &self->context_menu, self->context_model, x, y);
}

/* A secondary click (or a long press) on a stage's row selects the stage
 * and opens its menu there. */
static void
context_menu_at (UpTimeline  *self,
                 GtkGesture  *gesture,
                 double       x,
                 double       y)
{
  int row;

  if (self->drag.kind != DRAG_NONE || hit_test (self, x, y, &row) < HIT_ROW)
    return;
  gtk_gesture_set_state (gesture, GTK_EVENT_SEQUENCE_CLAIMED);
  up_timeline_set_selected (self, get_row (self, row)->stage);
  self->focus_selected = TRUE;
  gtk_widget_grab_focus (GTK_WIDGET (self));
  popup_context_menu (self, x, y);
}

static void
on_secondary_pressed (UpTimeline      *self,
                      int              n_press,
                      double           x,
                      double           y,
                      GtkGestureClick *gesture)
{
  context_menu_at (self, GTK_GESTURE (gesture), x, y);
}

static void
on_long_pressed (UpTimeline          *self,
                 double               x,
                 double               y,
                 GtkGestureLongPress *gesture)
{
  context_menu_at (self, GTK_GESTURE (gesture), x, y);
}

/* Shift+F10 and the Menu key: the menu under the selected stage's bar,
 * brought into view first. */
static void
context_menu_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  UpTimeline *self = UP_TIMELINE (widget);
  graphene_rect_t bar;
  int row;

  ensure_rows (self);
  row = find_row (self, self->selected);
  if (row < 0 || self->context_model == NULL)
    return;
  scroll_to_row (self, row);
  scroll_to_bar (self, row);
  bar = row_bar_rect (self, row);
  popup_context_menu (self, CLAMP (bar.origin.x + bar.size.width / 2, 0, gtk_widget_get_width (widget) - 1),
                      bar.origin.y + bar.size.height);
}

static void
on_motion (UpTimeline               *self,
           double                    x,
           double                    y,
           GtkEventControllerMotion *motion)
{
  HitPart part;
  int row;

  self->pointer_x = x;
  if (self->drag.kind != DRAG_NONE)
    return;

  part = hit_test (self, x, y, &row);
  row = part >= HIT_ROW ? row : -1;
  update_cursor (self, part);

  if (row != self->hover_row)
    {
      self->hover_row = row;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
on_leave (UpTimeline               *self,
          GtkEventControllerMotion *motion)
{
  if (self->hover_row != -1 && self->drag.kind == DRAG_NONE)
    {
      self->hover_row = -1;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static gboolean
on_scroll (UpTimeline               *self,
           double                    dx,
           double                    dy,
           GtkEventControllerScroll *scroll)
{
  GtkEventController *controller = GTK_EVENT_CONTROLLER (scroll);
  GdkModifierType state = gtk_event_controller_get_current_event_state (controller);
  GdkEvent *event = gtk_event_controller_get_current_event (controller);
  gboolean smooth = event != NULL && gdk_scroll_event_get_direction (event) == GDK_SCROLL_SMOOTH;

  if (!(state & GDK_CONTROL_MASK))
    return FALSE;

  /* A wheel click is a step; a touchpad adds up until it makes one. */
  self->zoom_scroll += smooth ? dy / 8.0 : dy;
  while (self->zoom_scroll >= 1.0)
    {
      set_zoom_at (self, self->zoom + 1, self->pointer_x);
      self->zoom_scroll -= 1.0;
    }
  while (self->zoom_scroll <= -1.0)
    {
      set_zoom_at (self, self->zoom - 1, self->pointer_x);
      self->zoom_scroll += 1.0;
    }

  return TRUE;
}

static void
on_scroll_end (UpTimeline               *self,
               GtkEventControllerScroll *scroll)
{
  self->zoom_scroll = 0;
}

static gboolean
on_key_pressed (UpTimeline            *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *key)
{
  if (keyval == GDK_KEY_Escape && self->drag.kind != DRAG_NONE)
    {
      cancel_drag (self);
      return TRUE;
    }

  return FALSE;
}

static void
on_focus_changed (UpTimeline         *self,
                  GParamSpec         *pspec,
                  GtkEventController *focus)
{
  GtkEventControllerFocus *controller = GTK_EVENT_CONTROLLER_FOCUS (focus);

  self->has_focus_inside = gtk_event_controller_focus_contains_focus (controller);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
on_modifiers (UpTimeline            *self,
              GdkModifierType        state,
              GtkEventControllerKey *key)
{
  /* Shift pressed or let go while the pointer rests: snap at once. */
  if (self->drag.kind == DRAG_STAGE && self->drag.moved)
    {
      GtkEventController *gesture = GTK_EVENT_CONTROLLER (self->drag_gesture);
      GdkModifierType before = gtk_event_controller_get_current_event_state (gesture);
      Row *r = get_row (self, self->drag.row);
      double dx = self->drag.dx + hvalue (self) - self->drag.hvalue;

      if ((before & GDK_SHIFT_MASK) != (state & GDK_SHIFT_MASK))
        {
          up_timescale_drag (&self->scale, self->drag.mode, r->start, r->end, dx,
                             !(state & GDK_SHIFT_MASK), &self->drag.new_start, &self->drag.new_end);
          gtk_widget_queue_draw (GTK_WIDGET (self));
        }
    }

  return FALSE;
}

/* The project */

static void
on_stages_changed (UpTimeline *self,
                   UpProject  *project)
{
  /* An undo under a drag: the stage may be gone, the drag is void. */
  cancel_drag (self);

  self->rows_dirty = TRUE;
  if (self->selected != NULL &&
      up_project_lookup (project, "stage", up_record_get_id (UP_RECORD (self->selected))) == NULL)
    up_timeline_set_selected (self, NULL);

  gtk_widget_queue_resize (GTK_WIDGET (self));
  update_actions (self);
}

static void
on_decor_changed (UpTimeline *self,
                  UpProject  *project)
{
  self->decor_dirty = TRUE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Actions */

static void
update_actions (UpTimeline *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  guint n = self->project ? g_list_model_get_n_items (up_project_get_stages (self->project)) : 0;
  gboolean has_selection = self->selected != NULL;

  gtk_widget_action_set_enabled (widget, "timeline.select-previous", n > 0);
  gtk_widget_action_set_enabled (widget, "timeline.select-next", n > 0);
  gtk_widget_action_set_enabled (widget, "timeline.select-first", n > 0);
  gtk_widget_action_set_enabled (widget, "timeline.select-last", n > 0);
  gtk_widget_action_set_enabled (widget, "timeline.move", has_selection);
  gtk_widget_action_set_enabled (widget, "timeline.move-end", has_selection);
  gtk_widget_action_set_enabled (widget, "timeline.reorder", has_selection && n > 1);
  gtk_widget_action_set_enabled (widget, "timeline.delete", has_selection);
  gtk_widget_action_set_enabled (widget, "timeline.activate", has_selection);
  gtk_widget_action_set_enabled (widget, "timeline.zoom-in", self->zoom > UP_ZOOM_WEEK);
  gtk_widget_action_set_enabled (widget, "timeline.zoom-out", up_timeline_can_zoom_out (self));
  gtk_widget_action_set_enabled (widget, "timeline.zoom-fit", self->project != NULL);
}

static void
select_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  UpTimeline *self = UP_TIMELINE (widget);
  int row, last;

  ensure_rows (self);
  row = find_row (self, self->selected);
  last = (int) n_rows (self) - 1;

  if (g_str_equal (action_name, "timeline.select-first"))
    row = 0;
  else if (g_str_equal (action_name, "timeline.select-last"))
    row = last;
  else if (g_str_equal (action_name, "timeline.select-next"))
    row = row < 0 ? 0 : row + 1;
  else if (row < 0)
    row = last;
  else
    row = row - 1;

  if (row < 0 || row > last)
    {
      gtk_widget_error_bell (widget);
      return;
    }

  select_row (self, row);
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  UpTimeline *self = UP_TIMELINE (widget);
  int steps = g_variant_get_int32 (parameter);
  int step, row, start, end;
  Row *r;

  ensure_rows (self);
  row = find_row (self, self->selected);
  if (row < 0)
    return;

  r = get_row (self, row);
  step = up_timescale_step (&self->scale) * steps;
  start = r->start;
  end = r->end;

  if (g_str_equal (action_name, "timeline.move-end"))
    {
      /* A decision is drawn as a point in time, with no end to move (an
       * award decision's days are the editor's); nothing ends before it
       * starts. */
      if (r->decision || end + step < start)
        {
          gtk_widget_error_bell (widget);
          return;
        }
      end += step;
    }
  else
    {
      start += step;
      end += step;
    }

  commit_edit (self, self->selected, start, end, -1);

  ensure_rows (self);
  row = find_row (self, self->selected);
  if (row >= 0)
    {
      scroll_to_row (self, row);
      scroll_to_bar (self, row);
    }
}

static void
reorder_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  UpTimeline *self = UP_TIMELINE (widget);
  int steps = g_variant_get_int32 (parameter);
  int row, target;

  ensure_rows (self);
  row = find_row (self, self->selected);
  if (row < 0)
    return;

  target = row + steps;
  if (target < 0 || target >= (int) n_rows (self))
    {
      gtk_widget_error_bell (widget);
      return;
    }

  commit_edit (self, self->selected, get_row (self, row)->start, get_row (self, row)->end, target);

  ensure_rows (self);
  row = find_row (self, self->selected);
  if (row >= 0)
    scroll_to_row (self, row);
  self->focus_selected = TRUE;
}

static void
stage_signal_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  UpTimeline *self = UP_TIMELINE (widget);
  g_autoptr(UpStage) stage = NULL;

  if (self->selected == NULL)
    return;

  stage = g_object_ref (self->selected);
  if (g_str_equal (action_name, "timeline.delete"))
    g_signal_emit (self, signals[DELETE_REQUESTED], 0, stage);
  else
    g_signal_emit (self, signals[ACTIVATE_STAGE], 0, stage);
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  UpTimeline *self = UP_TIMELINE (widget);
  double width = gtk_widget_get_width (widget);
  double anchor = width / 2.0;
  int row = find_row (self, self->selected);

  /* The selected stage is what the user works on: a zoom from the keys
   * or the buttons keeps it where it is (it used to keep the middle of
   * the view, and the stage went out of sight), and brings it into view
   * when it was not. */
  if (row >= 0)
    {
      Row *r = get_row (self, row);
      double value = self->has_pending_hvalue ? self->pending_hvalue : hvalue (self);
      double x = (up_timescale_day_to_x (&self->scale, r->start) +
                  up_timescale_day_to_x (&self->scale,
                                         drawn_end (r->decision, r->start, r->end) + 1)) / 2 - value;

      if (x >= 0 && x <= width)
        anchor = x;
    }

  if (g_str_equal (action_name, "timeline.zoom-in"))
    set_zoom_at (self, self->zoom - 1, anchor);
  else if (g_str_equal (action_name, "timeline.zoom-out"))
    set_zoom_at (self, self->zoom + 1, anchor);
  else
    {
      up_timeline_zoom_to_fit (self);
      return;
    }
  if (row >= 0)
    scroll_to_bar (self, row);
}

static void
scroll_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  UpTimeline *self = UP_TIMELINE (widget);

  if (g_str_equal (action_name, "timeline.scroll-to-today"))
    {
      up_timeline_scroll_to_today (self);
      return;
    }

  /* An eighth of the view per press. */
  set_hvalue (self, hvalue (self) +
                    g_variant_get_int32 (parameter) * gtk_widget_get_width (widget) / 8.0);
}

/* GObject */

static void
up_timeline_dispose (GObject *object)
{
  UpTimeline *self = UP_TIMELINE (object);

  clear_drag (self);
  g_clear_pointer (&self->context_menu, gtk_widget_unparent);
  g_clear_object (&self->context_model);

  if (self->items != NULL)
    {
      for (guint i = 0; i < self->items->len; i++)
        gtk_widget_unparent (g_ptr_array_index (self->items, i));
      g_ptr_array_set_size (self->items, 0);
    }

  if (self->project_signals != NULL)
    g_signal_group_set_target (self->project_signals, NULL);
  g_clear_object (&self->project_signals);
  g_clear_object (&self->project);
  g_clear_object (&self->selected);

  if (self->hadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->hadjustment, on_adjustment_value_changed, self);
  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->vadjustment, on_adjustment_value_changed, self);
  g_clear_object (&self->hadjustment);
  g_clear_object (&self->vadjustment);

  clear_layouts (self);

  if (self->rows != NULL)
    g_array_set_size (self->rows, 0);
  if (self->row_of_stage != NULL)
    g_hash_table_remove_all (self->row_of_stage);

  G_OBJECT_CLASS (up_timeline_parent_class)->dispose (object);
}

static void
up_timeline_finalize (GObject *object)
{
  UpTimeline *self = UP_TIMELINE (object);

  g_clear_pointer (&self->rows, g_array_unref);
  g_clear_pointer (&self->row_of_stage, g_hash_table_unref);
  g_clear_pointer (&self->decor, g_hash_table_unref);
  g_clear_pointer (&self->title_layouts, g_hash_table_unref);
  g_clear_pointer (&self->major_layouts, g_hash_table_unref);
  g_clear_pointer (&self->minor_layouts, g_hash_table_unref);
  g_clear_pointer (&self->glyphs, g_hash_table_unref);
  g_clear_pointer (&self->items, g_ptr_array_unref);

  G_OBJECT_CLASS (up_timeline_parent_class)->finalize (object);
}

static void
up_timeline_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  UpTimeline *self = UP_TIMELINE (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;
    case PROP_SELECTED:
      g_value_set_object (value, self->selected);
      break;
    case PROP_ZOOM:
      g_value_set_enum (value, self->zoom);
      break;
    case PROP_HADJUSTMENT:
      g_value_set_object (value, self->hadjustment);
      break;
    case PROP_VADJUSTMENT:
      g_value_set_object (value, self->vadjustment);
      break;
    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, self->hscroll_policy);
      break;
    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, self->vscroll_policy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
up_timeline_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  UpTimeline *self = UP_TIMELINE (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      up_timeline_set_project (self, g_value_get_object (value));
      break;
    case PROP_SELECTED:
      up_timeline_set_selected (self, g_value_get_object (value));
      break;
    case PROP_ZOOM:
      up_timeline_set_zoom (self, g_value_get_enum (value));
      break;
    case PROP_HADJUSTMENT:
      set_adjustment (self, GTK_ORIENTATION_HORIZONTAL, g_value_get_object (value));
      break;
    case PROP_VADJUSTMENT:
      set_adjustment (self, GTK_ORIENTATION_VERTICAL, g_value_get_object (value));
      break;
    case PROP_HSCROLL_POLICY:
      if (self->hscroll_policy != (guint) g_value_get_enum (value))
        {
          self->hscroll_policy = g_value_get_enum (value);
          gtk_widget_queue_resize (GTK_WIDGET (self));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_VSCROLL_POLICY:
      if (self->vscroll_policy != (guint) g_value_get_enum (value))
        {
          self->vscroll_policy = g_value_get_enum (value);
          gtk_widget_queue_resize (GTK_WIDGET (self));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
add_binding (GtkWidgetClass  *widget_class,
             guint            keyval,
             guint            kp_keyval,
             GdkModifierType  modifiers,
             const char      *action,
             int              steps)
{
  gtk_widget_class_add_binding_action (widget_class, keyval, modifiers, action, "i", steps);
  gtk_widget_class_add_binding_action (widget_class, kp_keyval, modifiers, action, "i", steps);
}

static void
up_timeline_class_init (UpTimelineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  for (guint i = 0; i < UP_N_PHASES; i++)
    {
      GdkRGBA white = { 1, 1, 1, 1 };
      GdkRGBA black = { 0, 0, 0, 0.85 };
      double l;

      gdk_rgba_parse (&palette[i], up_phase_get_colour (i));
      /* White text, as libadwaita puts on these colours, unless it would
       * fall below the WCAG contrast for large text. */
      l = luminance (&palette[i]);
      palette_text[i] = 1.05 / (l + 0.05) >= 3.0 ? white : black;
    }

  object_class->dispose = up_timeline_dispose;
  object_class->finalize = up_timeline_finalize;
  object_class->get_property = up_timeline_get_property;
  object_class->set_property = up_timeline_set_property;

  widget_class->measure = up_timeline_measure;
  widget_class->size_allocate = up_timeline_size_allocate;
  widget_class->snapshot = up_timeline_snapshot;
  widget_class->css_changed = up_timeline_css_changed;
  widget_class->focus = up_timeline_focus;
  widget_class->grab_focus = up_timeline_grab_focus;
  widget_class->query_tooltip = up_timeline_query_tooltip;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL,
                         UP_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED] =
    g_param_spec_object ("selected", NULL, NULL,
                         UP_TYPE_STAGE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ZOOM] =
    g_param_spec_enum ("zoom", NULL, NULL,
                       UP_TYPE_ZOOM, UP_ZOOM_MONTH,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  signals[ACTIVATE_STAGE] =
    g_signal_new ("activate-stage",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, UP_TYPE_STAGE);
  signals[DELETE_REQUESTED] =
    g_signal_new ("delete-requested",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, UP_TYPE_STAGE);
  signals[ERROR] =
    g_signal_new ("error",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1,
                  G_TYPE_ERROR | G_SIGNAL_TYPE_STATIC_SCOPE);

  gtk_widget_class_install_action (widget_class, "timeline.select-previous", NULL, select_action);
  gtk_widget_class_install_action (widget_class, "timeline.select-next", NULL, select_action);
  gtk_widget_class_install_action (widget_class, "timeline.select-first", NULL, select_action);
  gtk_widget_class_install_action (widget_class, "timeline.select-last", NULL, select_action);
  gtk_widget_class_install_action (widget_class, "timeline.move", "i", move_action);
  gtk_widget_class_install_action (widget_class, "timeline.move-end", "i", move_action);
  gtk_widget_class_install_action (widget_class, "timeline.reorder", "i", reorder_action);
  gtk_widget_class_install_action (widget_class, "timeline.delete", NULL, stage_signal_action);
  gtk_widget_class_install_action (widget_class, "timeline.activate", NULL, stage_signal_action);
  gtk_widget_class_install_action (widget_class, "timeline.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "timeline.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "timeline.zoom-fit", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "timeline.scroll", "i", scroll_action);
  gtk_widget_class_install_action (widget_class, "timeline.scroll-to-today", NULL, scroll_action);
  gtk_widget_class_install_action (widget_class, "timeline.context-menu", NULL, context_menu_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, "timeline.context-menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "timeline.context-menu", NULL);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, 0,
                                       "timeline.select-previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Up, 0,
                                       "timeline.select-previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, 0, "timeline.select-next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Down, 0,
                                       "timeline.select-next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, 0,
                                       "timeline.select-first", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Home, 0,
                                       "timeline.select-first", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_End, 0, "timeline.select-last", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_End, 0,
                                       "timeline.select-last", NULL);

  add_binding (widget_class, GDK_KEY_Left, GDK_KEY_KP_Left, GDK_ALT_MASK, "timeline.move", -1);
  add_binding (widget_class, GDK_KEY_Right, GDK_KEY_KP_Right, GDK_ALT_MASK, "timeline.move", 1);
  add_binding (widget_class, GDK_KEY_Left, GDK_KEY_KP_Left, GDK_ALT_MASK | GDK_SHIFT_MASK,
               "timeline.move-end", -1);
  add_binding (widget_class, GDK_KEY_Right, GDK_KEY_KP_Right, GDK_ALT_MASK | GDK_SHIFT_MASK,
               "timeline.move-end", 1);
  add_binding (widget_class, GDK_KEY_Up, GDK_KEY_KP_Up, GDK_ALT_MASK, "timeline.reorder", -1);
  add_binding (widget_class, GDK_KEY_Down, GDK_KEY_KP_Down, GDK_ALT_MASK, "timeline.reorder", 1);
  add_binding (widget_class, GDK_KEY_Left, GDK_KEY_KP_Left, 0, "timeline.scroll", -1);
  add_binding (widget_class, GDK_KEY_Right, GDK_KEY_KP_Right, 0, "timeline.scroll", 1);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "timeline.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "timeline.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "timeline.activate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0,
                                       "timeline.activate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_ISO_Enter, 0,
                                       "timeline.activate", NULL);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK,
                                       "timeline.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK,
                                       "timeline.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK,
                                       "timeline.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK,
                                       "timeline.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK,
                                       "timeline.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK,
                                       "timeline.zoom-fit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0, GDK_CONTROL_MASK,
                                       "timeline.zoom-fit", NULL);

  gtk_widget_class_set_css_name (widget_class, "timeline");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LIST);
}

static void
up_timeline_init (UpTimeline *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkEventController *controller;
  GtkGesture *click;

  self->zoom = UP_ZOOM_MONTH;
  self->scale.zoom = self->zoom;
  self->hover_row = -1;
  self->rows = g_array_new (FALSE, TRUE, sizeof (Row));
  g_array_set_clear_func (self->rows, clear_row);
  self->row_of_stage = g_hash_table_new (NULL, NULL);
  self->decor = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_free);
  self->title_layouts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->major_layouts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->minor_layouts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->items = g_ptr_array_new ();

  set_adjustment (self, GTK_ORIENTATION_HORIZONTAL, NULL);
  set_adjustment (self, GTK_ORIENTATION_VERTICAL, NULL);

  gtk_widget_set_focusable (widget, TRUE);
  gtk_widget_set_overflow (widget, GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_has_tooltip (widget, TRUE);

  self->project_signals = g_signal_group_new (UP_TYPE_PROJECT);
  g_signal_group_connect_object (self->project_signals, "changed::stage",
                                 G_CALLBACK (on_stages_changed), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->project_signals, "changed::note",
                                 G_CALLBACK (on_decor_changed), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->project_signals, "changed::sdg_link",
                                 G_CALLBACK (on_decor_changed), self, G_CONNECT_SWAPPED);

  self->drag_gesture = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (self->drag_gesture), GDK_BUTTON_PRIMARY);
  g_signal_connect_swapped (self->drag_gesture, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect_swapped (self->drag_gesture, "drag-update", G_CALLBACK (on_drag_update), self);
  g_signal_connect_swapped (self->drag_gesture, "drag-end", G_CALLBACK (on_drag_end), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (self->drag_gesture));

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect_swapped (click, "pressed", G_CALLBACK (on_click_pressed), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (click));

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect_swapped (click, "pressed", G_CALLBACK (on_secondary_pressed), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (click));

  controller = GTK_EVENT_CONTROLLER (gtk_gesture_long_press_new ());
  gtk_gesture_single_set_touch_only (GTK_GESTURE_SINGLE (controller), TRUE);
  g_signal_connect_swapped (controller, "pressed", G_CALLBACK (on_long_pressed), self);
  gtk_widget_add_controller (widget, controller);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect_swapped (controller, "motion", G_CALLBACK (on_motion), self);
  g_signal_connect_swapped (controller, "leave", G_CALLBACK (on_leave), self);
  gtk_widget_add_controller (widget, controller);

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  g_signal_connect_swapped (controller, "scroll", G_CALLBACK (on_scroll), self);
  g_signal_connect_swapped (controller, "scroll-end", G_CALLBACK (on_scroll_end), self);
  gtk_widget_add_controller (widget, controller);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (controller, "notify::contains-focus",
                            G_CALLBACK (on_focus_changed), self);
  gtk_widget_add_controller (widget, controller);

  controller = gtk_event_controller_key_new ();
  g_signal_connect_swapped (controller, "key-pressed", G_CALLBACK (on_key_pressed), self);
  g_signal_connect_swapped (controller, "modifiers", G_CALLBACK (on_modifiers), self);
  gtk_widget_add_controller (widget, controller);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  /* Translators: What a screen reader calls the timeline. */
                                  _("Process timeline"),
                                  -1);

  update_actions (self);
}

/* Public API */

GtkWidget *
up_timeline_new (void)
{
  return g_object_new (UP_TYPE_TIMELINE, NULL);
}

UpProject *
up_timeline_get_project (UpTimeline *self)
{
  g_return_val_if_fail (UP_IS_TIMELINE (self), NULL);

  return self->project;
}

void
up_timeline_set_project (UpTimeline *self,
                         UpProject  *project)
{
  g_return_if_fail (UP_IS_TIMELINE (self));
  g_return_if_fail (project == NULL || UP_IS_PROJECT (project));

  if (self->project == project)
    return;

  cancel_drag (self);
  up_timeline_set_selected (self, NULL);

  g_set_object (&self->project, project);
  g_signal_group_set_target (self->project_signals, project);

  for (guint i = 0; i < self->items->len; i++)
    g_clear_object (&UP_TIMELINE_ITEM (g_ptr_array_index (self->items, i))->stage);

  self->rows_dirty = TRUE;
  self->decor_dirty = TRUE;
  self->needs_fit = TRUE;
  self->fitted = FALSE;
  self->awaits_stages = TRUE;
  self->zoom_chosen = FALSE;
  self->rebase_hshift = TRUE;
  self->scale.origin = 0;
  self->has_pending_hvalue = FALSE;
  self->pending_day = 0;
  set_pending_vvalue (self, 0);

  gtk_widget_queue_resize (GTK_WIDGET (self));
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}

UpStage *
up_timeline_get_selected (UpTimeline *self)
{
  g_return_val_if_fail (UP_IS_TIMELINE (self), NULL);

  return self->selected;
}

void
up_timeline_set_selected (UpTimeline *self,
                          UpStage    *stage)
{
  g_return_if_fail (UP_IS_TIMELINE (self));
  g_return_if_fail (stage == NULL || UP_IS_STAGE (stage));

  if (self->selected == stage)
    return;

  g_set_object (&self->selected, stage);

  ensure_rows (self);
  update_accessible_selection (self);
  update_actions (self);
  /* With the focus in the timeline it goes to the stage selected from
   * elsewhere too (Ctrl+Z bringing a deleted stage back): it stayed on
   * the item of the stage selected before, which a screen reader read
   * out while the panel showed the other. The allocation moves it, once
   * the item is made, if the focus is in the timeline then. */
  self->focus_selected = TRUE;

  /* The item of a stage out of view is made in the next allocation. */
  queue_layout (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

UpZoom
up_timeline_get_zoom (UpTimeline *self)
{
  g_return_val_if_fail (UP_IS_TIMELINE (self), UP_ZOOM_MONTH);

  return self->zoom;
}

void
up_timeline_set_zoom (UpTimeline *self,
                      UpZoom      zoom)
{
  g_return_if_fail (UP_IS_TIMELINE (self));

  /* A zoom chosen by hand wins over the fit of a new project, which then
   * opens on today when the procurement is under way, else on its start. */
  self->zoom_chosen = TRUE;
  if (self->needs_fit)
    {
      int today = up_day_today ();

      self->needs_fit = FALSE;
      ensure_rows (self);
      if (today >= self->first_day && today <= self->last_day)
        show_day (self, today, 1 / 3.0);
      else
        show_day (self, self->first_day, 0);
    }

  set_zoom_at (self, zoom, gtk_widget_get_width (GTK_WIDGET (self)) / 2.0);
}

gboolean
up_timeline_can_zoom_out (UpTimeline *self)
{
  g_return_val_if_fail (UP_IS_TIMELINE (self), FALSE);

  return self->zoom < UP_ZOOM_YEARS || self->scale.pixels_per_day > 0;
}

void
up_timeline_zoom_to_fit (UpTimeline *self)
{
  int width;

  g_return_if_fail (UP_IS_TIMELINE (self));

  width = gtk_widget_get_width (GTK_WIDGET (self));
  if (width <= 1)
    {
      self->needs_fit = TRUE;
      queue_layout (self);
      return;
    }

  fit (self, width);
}

void
up_timeline_scroll_to_stage (UpTimeline *self,
                             UpStage    *stage)
{
  int row;

  g_return_if_fail (UP_IS_TIMELINE (self));
  g_return_if_fail (UP_IS_STAGE (stage));

  ensure_rows (self);
  row = find_row (self, stage);
  if (row < 0)
    return;

  scroll_to_row (self, row);
  scroll_to_bar (self, row);
}

void
up_timeline_scroll_to_today (UpTimeline *self)
{
  g_return_if_fail (UP_IS_TIMELINE (self));

  self->needs_fit = FALSE;
  self->fitted = FALSE;
  show_day (self, up_day_today (), 1 / 3.0);
}

gboolean
up_timeline_get_stage_area (UpTimeline      *self,
                            UpStage         *stage,
                            graphene_rect_t *area)
{
  int row;

  g_return_val_if_fail (UP_IS_TIMELINE (self), FALSE);
  g_return_val_if_fail (UP_IS_STAGE (stage), FALSE);
  g_return_val_if_fail (area != NULL, FALSE);

  ensure_rows (self);
  row = find_row (self, stage);
  if (row < 0)
    return FALSE;

  *area = row_bar_rect (self, row);

  return TRUE;
}

void
up_timeline_get_visible_range (UpTimeline *self,
                               int        *first_day,
                               int        *last_day)
{
  double value, width;

  g_return_if_fail (UP_IS_TIMELINE (self));

  value = self->has_pending_hvalue ? self->pending_hvalue : hvalue (self);
  width = MAX (gtk_widget_get_width (GTK_WIDGET (self)), 1);
  if (first_day != NULL)
    *first_day = up_timescale_x_to_day (&self->scale, value);
  /* The day under the last column of pixels. */
  if (last_day != NULL)
    *last_day = up_timescale_x_to_day (&self->scale, value + width - 1);
}

/* The sample's shapes sit on its middle line, as on a row: a bar keeps
 * 3 px clear round it for the outline of a stage in progress, and what is
 * narrower than a bar is in the middle. */
void
up_timeline_snapshot_sample (UpTimeline       *self,
                             GtkSnapshot      *snapshot,
                             UpTimelineSample  sample,
                             UpPhase           phase)
{
  double cy = UP_TIMELINE_SAMPLE_HEIGHT / 2.0;
  graphene_rect_t bar = GRAPHENE_RECT_INIT (3, cy - BAR_HEIGHT / 2.0, UP_TIMELINE_SAMPLE_WIDTH - 6,
                                            BAR_HEIGHT);
  guint status = STATUS_PLANNED;
  Decor decor = { 0 };
  GdkRGBA fill, ink;
  double width;
  int pin_width;

  g_return_if_fail (UP_IS_TIMELINE (self));
  g_return_if_fail (GTK_IS_SNAPSHOT (snapshot));
  g_return_if_fail (phase < UP_N_PHASES);

  ensure_layouts (self);

  switch (sample)
    {
    case UP_TIMELINE_SAMPLE_DECISION:
      phase = UP_PHASE_AWARD;
      G_GNUC_FALLTHROUGH;
    case UP_TIMELINE_SAMPLE_PHASE:
      if (sample == UP_TIMELINE_SAMPLE_DECISION || phase == UP_PHASE_MILESTONE)
        {
          /* as bar_rect() places a decision's square in its row */
          double side = BAR_HEIGHT - 4;
          graphene_rect_t square = GRAPHENE_RECT_INIT ((UP_TIMELINE_SAMPLE_WIDTH - side) / 2, cy - side / 2,
                                                       side, side);
          graphene_rect_t turned = GRAPHENE_RECT_INIT (-DIAMOND_SIDE / 2.0, -DIAMOND_SIDE / 2.0,
                                                       DIAMOND_SIDE, DIAMOND_SIDE);

          stage_paint (self, phase, STATUS_PLANNED, &fill, &ink);
          push_diamond (snapshot, &square);
          append_stage_shape (self, snapshot, &turned, TRUE, phase, STATUS_PLANNED, &fill);
          gtk_snapshot_restore (snapshot);
          return;
        }
      break;

    case UP_TIMELINE_SAMPLE_PLANNED:
    case UP_TIMELINE_SAMPLE_IN_PROGRESS:
    case UP_TIMELINE_SAMPLE_DONE:
      /* in the first phase's colour, as the exported timeline's legend */
      phase = UP_PHASE_PREPARATION;
      status = sample == UP_TIMELINE_SAMPLE_DONE ? STATUS_DONE
               : sample == UP_TIMELINE_SAMPLE_IN_PROGRESS ? STATUS_ACTIVE : STATUS_PLANNED;
      break;

    case UP_TIMELINE_SAMPLE_TODAY:
      {
        double cx = UP_TIMELINE_SAMPLE_WIDTH / 2.0;
        graphene_rect_t dot = GRAPHENE_RECT_INIT (cx - 4, 0, 8, 8);

        append_rect (snapshot, &self->accent, cx - 1, 4, 2, UP_TIMELINE_SAMPLE_HEIGHT - 4);
        append_rounded (snapshot, &self->accent, &dot, 4);
        return;
      }

    case UP_TIMELINE_SAMPLE_NOTES:
    case UP_TIMELINE_SAMPLE_GOALS:
      /* beside a bar, in the text's colour; two goals (3 and 11: green
       * and orange), two notes */
      if (sample == UP_TIMELINE_SAMPLE_NOTES)
        decor.n_notes = 2;
      else
        decor.goals = 1u << (3 - 1) | 1u << (11 - 1);
      width = decor_width (self, &decor, &pin_width);
      append_decor (self, snapshot, &decor, round ((UP_TIMELINE_SAMPLE_WIDTH - width) / 2), cy, pin_width,
                    &self->fg, FALSE);
      return;

    default:
      g_return_if_reached ();
    }

  stage_paint (self, phase, status, &fill, &ink);
  append_stage_shape (self, snapshot, &bar, FALSE, phase, status, &fill);
  if (status == STATUS_DONE)
    append_glyph (self, snapshot, GLYPH_CHECK, bar.origin.x + TEXT_PADDING, round (cy - GLYPH_SIZE / 2.0), &ink);
}

guint
_up_timeline_get_layouts_made (void)
{
  return layouts_made;
}

void
up_timeline_set_context_menu (UpTimeline *self,
                              GMenuModel *model)
{
  g_return_if_fail (UP_IS_TIMELINE (self));
  g_return_if_fail (model == NULL || G_IS_MENU_MODEL (model));

  g_clear_pointer (&self->context_menu, gtk_widget_unparent);
  g_set_object (&self->context_model, model);
}

GtkWidget *
up_timeline_get_context_menu (UpTimeline *self)
{
  g_return_val_if_fail (UP_IS_TIMELINE (self), NULL);

  return self->context_menu;
}
