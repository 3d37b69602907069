/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "Upphandla"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "up-a11y-util.h"
#include "up-date-util.h"
#include "up-stage-row.h"
#include "up-stage-row-private.h"
#include "up-timescale.h"

/* One stage in the stage list: its title, and beneath it its kind and its
 * dates, with an icon for a stage that is done or under way. It follows the
 * stage's properties, so an edit or an undo shows at once.
 *
 * The row draws its texts itself instead of holding labels in boxes: the
 * list view of GTK 4.8 makes about 200 rows at once whatever the size of
 * the window, and seven widgets a row (with their styles, measuring and
 * templates) were a third of the time to open a project. */
struct _UpStageRow
{
  GtkWidget    parent_instance;

  UpStage     *stage;
  gulong       notify_id;

  PangoLayout *title_layout;
  PangoLayout *kind_layout;
  PangoLayout *dates_layout;
  gboolean     layouts_stale;     /* the texts changed since they were set */
  PangoFontDescription *font;    /* the widget's, when the lines were measured */
  int          title_line;        /* heights of a line of each font, pixels */
  int          caption_line;
  int          char_width;        /* of the title font, an average, pixels */
  char        *dates;
  const char  *icon_name;        /* NULL when the status has no icon */
  const char  *status_label;
};

G_DEFINE_FINAL_TYPE (UpStageRow, up_stage_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define MARGIN       6
#define LINE_SPACING 3
#define ICON_SIZE    16
#define ICON_SPACING 6
#define DATES_SPACING 12
/* As libadwaita's .caption and .dim-label. */
#define CAPTION_SIZE  9        /* points */
#define DIM_ALPHA     0.55

static PangoFontDescription *
caption_font (PangoFontDescription *font)
{
  PangoFontDescription *caption = pango_font_description_copy (font);

  pango_font_description_set_size (caption, CAPTION_SIZE * PANGO_SCALE);
  return caption;
}

/* The widths of caption texts (the kinds, and the dates with their digits
 * as "0"), pixels, in the caption font of the metrics' cache below: emptied
 * when that font changes. */
static GHashTable *caption_widths;
/* Layouts the rows made, for the tests (up-stage-row-private.h). */
static guint layouts_made;

/* Line heights and the average letter of a font, from its metrics. */
typedef struct
{
  PangoFontDescription *font;
  double                resolution;
  int                   title_line;
  int                   caption_line;
  int                   char_width;
} Metrics;

/* The heights of a line of title and of caption, from the fonts' metrics:
 * measuring the texts themselves is the cost of a layout each, and most
 * rows of the list are never seen. The metrics are the same for every row,
 * and asking Pango for them costs as much as a layout: they are kept for
 * the last font. */
static void
ensure_metrics (UpStageRow *self)
{
  static Metrics cache;
  PangoContext *context;
  PangoFontMetrics *metrics;
  PangoFontDescription *caption;
  double resolution;

  if (self->font != NULL)
    return;

  context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  self->font = pango_font_description_copy (pango_context_get_font_description (context));
  resolution = pango_cairo_context_get_resolution (context);

  if (cache.font == NULL || cache.resolution != resolution
      || !pango_font_description_equal (cache.font, self->font))
    {
      g_clear_pointer (&cache.font, pango_font_description_free);
      cache.font = pango_font_description_copy (self->font);
      cache.resolution = resolution;
      if (caption_widths != NULL)
        g_hash_table_remove_all (caption_widths);

      metrics = pango_context_get_metrics (context, self->font, NULL);
      cache.title_line = PANGO_PIXELS_CEIL (pango_font_metrics_get_height (metrics));
      cache.char_width = PANGO_PIXELS_CEIL (pango_font_metrics_get_approximate_char_width (metrics));
      pango_font_metrics_unref (metrics);

      caption = caption_font (self->font);
      metrics = pango_context_get_metrics (context, caption, NULL);
      cache.caption_line = PANGO_PIXELS_CEIL (pango_font_metrics_get_height (metrics));
      pango_font_metrics_unref (metrics);
      pango_font_description_free (caption);
    }

  self->title_line = cache.title_line;
  self->caption_line = cache.caption_line;
  self->char_width = cache.char_width;
}

/* The layouts, made with the widget's font when the row is first drawn; the
 * caption lines smaller and the dates with figures of one width. */
static void
ensure_layouts (UpStageRow *self)
{
  PangoFontDescription *caption;
  PangoAttrList *numeric;

  ensure_metrics (self);

  if (self->title_layout == NULL)
    {
      self->title_layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
      pango_layout_set_ellipsize (self->title_layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_single_paragraph_mode (self->title_layout, TRUE);

      caption = caption_font (self->font);
      self->kind_layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
      pango_layout_set_font_description (self->kind_layout, caption);
      pango_layout_set_ellipsize (self->kind_layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_single_paragraph_mode (self->kind_layout, TRUE);

      self->dates_layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
      pango_layout_set_font_description (self->dates_layout, caption);
      numeric = pango_attr_list_new ();
      pango_attr_list_insert (numeric, pango_attr_font_features_new ("tnum=1"));
      pango_layout_set_attributes (self->dates_layout, numeric);
      pango_attr_list_unref (numeric);
      pango_font_description_free (caption);

      self->layouts_stale = TRUE;
      layouts_made++;
    }

  if (self->layouts_stale)
    {
      pango_layout_set_text (self->title_layout,
                             self->stage ? up_stage_get_title (self->stage) : "", -1);
      pango_layout_set_text (self->kind_layout,
                             self->stage ? up_enum_label (up_stage_kinds,
                                                          up_stage_get_kind (self->stage)) : "",
                             -1);
      pango_layout_set_text (self->dates_layout, self->dates ? self->dates : "", -1);
      self->layouts_stale = FALSE;
    }
}

static void
clear_layouts (UpStageRow *self)
{
  g_clear_object (&self->title_layout);
  g_clear_object (&self->kind_layout);
  g_clear_object (&self->dates_layout);
  g_clear_pointer (&self->font, pango_font_description_free);
}

static void
update (UpStageRow *self)
{
  g_autofree char *accessible_label = NULL;
  g_autofree char *spoken = NULL;
  const char *status;
  int start;
  int end;
  const char *kind;

  self->icon_name = NULL;
  self->status_label = NULL;
  self->layouts_stale = TRUE;
  g_clear_pointer (&self->dates, g_free);

  if (self->stage == NULL)
    {
      gtk_widget_queue_resize (GTK_WIDGET (self));
      return;
    }

  kind = up_enum_label (up_stage_kinds, up_stage_get_kind (self->stage));
  self->dates = up_stage_format_dates (self->stage);

  status = up_stage_get_status (self->stage);
  if (g_strcmp0 (status, "done") == 0)
    self->icon_name = "emblem-ok-symbolic";
  else if (g_strcmp0 (status, "active") == 0)
    self->icon_name = "media-playback-start-symbolic";
  if (self->icon_name != NULL)
    self->status_label = up_enum_label (up_stage_statuses, status);

  /* A list item has no name of its own in GTK 4.8: give the row one, so a
   * screen reader reads the stage rather than an empty item (the name was
   * on this widget, inside the list item that takes the focus, which a
   * screen reader read as ""). */
  /* The dates as a screen reader reads them, as on the timeline (the
   * shown ones, "2026-02-02", were read digit by digit). */
  start = up_day_from_iso (up_stage_get_start_date (self->stage));
  end = up_day_from_iso (up_stage_get_end_date (self->stage));
  /* a damaged file's date that is none: as it is shown */
  if (start == 0 || (end == 0 && !up_stage_get_is_milestone (self->stage)))
    spoken = g_strdup (self->dates);
  else
    spoken = up_date_util_format_spoken_range (start, end, up_stage_get_is_milestone (self->stage));
  if (self->status_label != NULL)
    /* Translators: How a screen reader reads a stage in the stage list:
     * %1$s is its title, %2$s its kind, %3$s its dates, %4$s its status
     * ("Done", "In progress"). */
    accessible_label = g_strdup_printf (C_("stage list accessible label", "%1$s, %2$s, %3$s, %4$s"),
                                        up_stage_get_title (self->stage), kind, spoken,
                                        self->status_label);
  else
    /* Translators: How a screen reader reads a stage in the stage list:
     * %1$s is its title, %2$s its kind, %3$s its dates. */
    accessible_label = g_strdup_printf (C_("stage list accessible label", "%1$s, %2$s, %3$s"),
                                        up_stage_get_title (self->stage), kind, spoken);
  up_a11y_util_name_row (GTK_WIDGET (self), accessible_label);

  /* The height is the lines', whatever the texts; the natural width is
   * the title's. */
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
on_stage_notify (UpStageRow *self,
                 GParamSpec *pspec,
                 UpStage    *stage)
{
  update (self);
}

/* The width of @text in the caption font, pixels, @tabular with figures of
 * one width (as the dates are drawn). The list view of GTK 4.8 measures
 * about 200 rows to show a dozen, and laying out each row's kind and dates
 * for it was a tenth of the work of opening a large project: the widths are
 * kept instead, a kind's by its text and the dates' by their text with
 * every digit a "0" (figures of one width make "5 Jan 2026" as wide as
 * "8 Jan 2027"), so a list of 5,000 stages lays out a few hundred texts at
 * most and rows that are never drawn make no layouts of their own. */
static int
caption_width (UpStageRow *self,
               const char *text,
               gboolean    tabular)
{
  g_autofree char *key = NULL;
  g_autoptr(PangoLayout) layout = NULL;
  PangoFontDescription *caption;
  gpointer width;
  int pixels;

  if (tabular)
    {
      key = g_strdup_printf ("1%s", text);
      for (char *c = key + 1; *c != '\0'; c++)
        if (*c >= '1' && *c <= '9')
          *c = '0';
    }
  else
    key = g_strdup_printf ("0%s", text);

  if (caption_widths == NULL)
    caption_widths = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (g_hash_table_lookup_extended (caption_widths, key, NULL, &width))
    return GPOINTER_TO_INT (width);

  layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  caption = caption_font (self->font);
  pango_layout_set_font_description (layout, caption);
  pango_font_description_free (caption);
  pango_layout_set_single_paragraph_mode (layout, TRUE);
  if (tabular)
    {
      PangoAttrList *numeric = pango_attr_list_new ();

      pango_attr_list_insert (numeric, pango_attr_font_features_new ("tnum=1"));
      pango_layout_set_attributes (layout, numeric);
      pango_attr_list_unref (numeric);
    }
  pango_layout_get_pixel_size (layout, &pixels, NULL);
  g_hash_table_insert (caption_widths, g_steal_pointer (&key), GINT_TO_POINTER (pixels));
  return pixels;
}

/* Whether the dates go on a line of their own, below the kind, in a row
 * @width wide: when beside them the kind would be cut to a few letters
 * (or to a lone "…" in a narrow window, before dates that then seemed
 * cut themselves). A long kind in a wide row is still shortened. */
static gboolean
dates_below (UpStageRow *self,
             int         width)
{
  int inner = MAX (0, width - 2 * MARGIN);
  int kind_width, dates_width;

  /* the widths' cache belongs to the metrics' font */
  ensure_metrics (self);
  dates_width = caption_width (self, self->dates ? self->dates : "", TRUE);
  kind_width = caption_width (self,
                              self->stage ? up_enum_label (up_stage_kinds, up_stage_get_kind (self->stage)) : "",
                              FALSE);

  return inner - dates_width - DATES_SPACING < MIN (kind_width, 10 * self->char_width);
}

static GtkSizeRequestMode
up_stage_row_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
up_stage_row_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  UpStageRow *self = UP_STAGE_ROW (widget);
  int icon = self->icon_name != NULL ? ICON_SPACING + ICON_SIZE : 0;

  ensure_metrics (self);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      /* The texts are ellipsized, so the row needs little; it would like
       * its title whole, estimated from the font's average letter. */
      *minimum = 2 * MARGIN + icon + 4 * self->char_width;
      *natural = 2 * MARGIN + icon
                 + (self->stage ? g_utf8_strlen (up_stage_get_title (self->stage), -1) : 0)
                   * self->char_width;
      *natural = MAX (*minimum, *natural);
    }
  else
    {
      *minimum = *natural = 2 * MARGIN + MAX (self->title_line, self->icon_name ? ICON_SIZE : 0)
                            + LINE_SPACING + self->caption_line;
      if (for_size >= 0 && self->stage != NULL && dates_below (self, for_size))
        *minimum = *natural = *natural + LINE_SPACING + self->caption_line;
    }
}

/* Draws @layout from @x, @y (its width is set already); the row is mirrored
 * right to left, as a label's text would be. */
static void
append_text (UpStageRow    *self,
             GtkSnapshot   *snapshot,
             PangoLayout   *layout,
             int            x,
             int            y,
             const GdkRGBA *color)
{
  PangoRectangle logical;

  pango_layout_get_pixel_extents (layout, NULL, &logical);
  if (gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL)
    x = gtk_widget_get_width (GTK_WIDGET (self)) - x - logical.width;

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x - logical.x, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static void
get_icon_area (UpStageRow   *self,
               GdkRectangle *area)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int title_height = self->title_line;

  area->x = gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL
            ? MARGIN : width - MARGIN - ICON_SIZE;
  area->y = MARGIN + MAX (0, title_height - ICON_SIZE) / 2;
  area->width = area->height = ICON_SIZE;
}

static void
up_stage_row_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  UpStageRow *self = UP_STAGE_ROW (widget);
  int width = gtk_widget_get_width (widget);
  int inner = MAX (0, width - 2 * MARGIN);
  int icon = self->icon_name != NULL ? ICON_SPACING + ICON_SIZE : 0;
  int title_height, dates_width, second_y;
  GdkRGBA color, dim;
  gboolean high_contrast = adw_style_manager_get_high_contrast (adw_style_manager_get_default ());

  ensure_layouts (self);
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  dim = color;
  dim.alpha *= high_contrast ? 0.9 : DIM_ALPHA;

  title_height = MAX (self->title_line, self->icon_name ? ICON_SIZE : 0);
  pango_layout_set_width (self->title_layout, MAX (0, inner - icon) * PANGO_SCALE);
  append_text (self, snapshot, self->title_layout, MARGIN, MARGIN, &color);

  pango_layout_get_pixel_size (self->dates_layout, &dates_width, NULL);
  second_y = MARGIN + title_height + LINE_SPACING;
  if (dates_below (self, width))
    {
      pango_layout_set_width (self->kind_layout, inner * PANGO_SCALE);
      append_text (self, snapshot, self->kind_layout, MARGIN, second_y, &dim);
      append_text (self, snapshot, self->dates_layout, MARGIN,
                   second_y + self->caption_line + LINE_SPACING, &dim);
    }
  else
    {
      pango_layout_set_width (self->kind_layout,
                              MAX (0, inner - dates_width - DATES_SPACING) * PANGO_SCALE);
      append_text (self, snapshot, self->kind_layout, MARGIN, second_y, &dim);
      append_text (self, snapshot, self->dates_layout, MARGIN + inner - dates_width, second_y, &dim);
    }

  if (self->icon_name != NULL)
    {
      GtkIconTheme *theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (widget));
      g_autoptr(GtkIconPaintable) paintable = NULL;
      GdkRGBA colors[4] = { dim, dim, dim, dim };
      GdkRectangle area;

      paintable = gtk_icon_theme_lookup_icon (theme, self->icon_name, NULL, ICON_SIZE,
                                              gtk_widget_get_scale_factor (widget),
                                              gtk_widget_get_direction (widget), 0);
      get_icon_area (self, &area);
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (area.x, area.y));
      gtk_symbolic_paintable_snapshot_symbolic (GTK_SYMBOLIC_PAINTABLE (paintable), snapshot,
                                                ICON_SIZE, ICON_SIZE, colors, G_N_ELEMENTS (colors));
      gtk_snapshot_restore (snapshot);
    }
}

/* The status icon's tooltip says what it means. */
static gboolean
on_query_tooltip (UpStageRow *self,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip)
{
  GdkRectangle area;

  if (self->status_label == NULL)
    return FALSE;

  get_icon_area (self, &area);
  if (!keyboard && !gdk_rectangle_contains_point (&area, x, y))
    return FALSE;

  gtk_tooltip_set_text (tooltip, self->status_label);
  gtk_tooltip_set_tip_area (tooltip, &area);
  return TRUE;
}

static void
up_stage_row_css_changed (GtkWidget         *widget,
                          GtkCssStyleChange *change)
{
  UpStageRow *self = UP_STAGE_ROW (widget);

  GTK_WIDGET_CLASS (up_stage_row_parent_class)->css_changed (widget, change);

  /* A new font or text size: layouts anew. */
  if (self->font != NULL
      && !pango_font_description_equal (self->font,
                                        pango_context_get_font_description (
                                          gtk_widget_get_pango_context (widget))))
    {
      clear_layouts (self);
      gtk_widget_queue_resize (widget);
    }
}

static void
up_stage_row_dispose (GObject *object)
{
  UpStageRow *self = UP_STAGE_ROW (object);

  if (self->stage != NULL)
    g_clear_signal_handler (&self->notify_id, self->stage);
  g_clear_object (&self->stage);
  g_clear_pointer (&self->dates, g_free);
  clear_layouts (self);

  G_OBJECT_CLASS (up_stage_row_parent_class)->dispose (object);
}
static void
up_stage_row_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  UpStageRow *self = UP_STAGE_ROW (object);

  switch (prop_id)
    {
    case PROP_STAGE:
      g_value_set_object (value, self->stage);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
up_stage_row_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  UpStageRow *self = UP_STAGE_ROW (object);

  switch (prop_id)
    {
    case PROP_STAGE:
      up_stage_row_set_stage (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
up_stage_row_class_init (UpStageRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = up_stage_row_dispose;
  object_class->get_property = up_stage_row_get_property;
  object_class->set_property = up_stage_row_set_property;

  widget_class->get_request_mode = up_stage_row_get_request_mode;
  widget_class->measure = up_stage_row_measure;
  widget_class->snapshot = up_stage_row_snapshot;
  widget_class->css_changed = up_stage_row_css_changed;

  properties[PROP_STAGE] =
    g_param_spec_object ("stage", NULL, NULL,
                         UP_TYPE_STAGE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "stagerow");
}

static void
up_stage_row_init (UpStageRow *self)
{
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip), NULL);
}

GtkWidget *
up_stage_row_new (void)
{
  return g_object_new (UP_TYPE_STAGE_ROW, NULL);
}

UpStage *
up_stage_row_get_stage (UpStageRow *self)
{
  g_return_val_if_fail (UP_IS_STAGE_ROW (self), NULL);

  return self->stage;
}

void
up_stage_row_set_stage (UpStageRow *self,
                        UpStage    *stage)
{
  g_return_if_fail (UP_IS_STAGE_ROW (self));
  g_return_if_fail (stage == NULL || UP_IS_STAGE (stage));

  if (self->stage == stage)
    return;

  if (self->stage != NULL)
    g_clear_signal_handler (&self->notify_id, self->stage);

  g_set_object (&self->stage, stage);

  if (self->stage != NULL)
    self->notify_id = g_signal_connect_object (self->stage, "notify",
                                               G_CALLBACK (on_stage_notify), self,
                                               G_CONNECT_SWAPPED);

  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STAGE]);
}

char *
up_stage_format_dates (UpStage *stage)
{
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;

  g_return_val_if_fail (UP_IS_STAGE (stage), NULL);

  start = up_date_util_format (up_stage_get_start_date (stage));
  /* One day is its date, as the timeline, a screen reader and the
   * exported charts say it: a new award decision lasts a day. */
  if (up_stage_get_is_milestone (stage) ||
      g_strcmp0 (up_stage_get_start_date (stage), up_stage_get_end_date (stage)) == 0)
    return g_steal_pointer (&start);

  end = up_date_util_format (up_stage_get_end_date (stage));

  /* Translators: A date range, "start – end"; the dates are formatted for
   * the locale already. */
  return g_strdup_printf (_("%1$s – %2$s"), start, end);
}

guint
_up_stage_row_get_layouts_made (void)
{
  return layouts_made;
}
