/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "Upphandla"

#include "config.h"

#include "up-row-label.h"

/* A wrapping text shorter than this is laid out at once: the label
 * measures it. */
#define SHORT_CHARS 80

struct _UpRowLabel
{
  GtkWidget  parent_instance;

  GtkLabel  *label;
};

G_DEFINE_FINAL_TYPE (UpRowLabel, up_row_label, GTK_TYPE_WIDGET)

/* The font's width of a character, as GtkLabel takes it for its width in
 * characters, and its height of a line, in Pango units. */
static void
font_measures (UpRowLabel *self,
               int        *char_width,
               int        *line_height)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self->label));
  PangoFontMetrics *metrics = pango_context_get_metrics (context, NULL, NULL);

  *char_width = MAX (pango_font_metrics_get_approximate_char_width (metrics),
                     pango_font_metrics_get_approximate_digit_width (metrics));
  *line_height = pango_font_metrics_get_height (metrics);
  if (*line_height <= 0)
    *line_height = pango_font_metrics_get_ascent (metrics) + pango_font_metrics_get_descent (metrics);
  pango_font_metrics_unref (metrics);
}

/* Whether the question is one answered from the font: no width or height
 * to fit, a label that ends in "…", and for a label that wraps, a text
 * long enough to cost and a width in characters to answer with. */
static gboolean
answers_from_font (UpRowLabel     *self,
                   GtkOrientation  orientation,
                   int             for_size,
                   glong           chars)
{
  if (for_size >= 0 || gtk_label_get_ellipsize (self->label) == PANGO_ELLIPSIZE_NONE)
    return FALSE;
  if (!gtk_label_get_wrap (self->label))
    /* Its height is that of its line, which a fallback font (an emoji)
     * may make taller than the font's. */
    return orientation == GTK_ORIENTATION_HORIZONTAL;

  return chars >= SHORT_CHARS && gtk_label_get_width_chars (self->label) >= 0
         && gtk_label_get_lines (self->label) >= 1;
}

static void
up_row_label_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  UpRowLabel *self = UP_ROW_LABEL (widget);
  glong chars = g_utf8_strlen (gtk_label_get_text (self->label), -1);
  int char_width, line_height;

  if (!answers_from_font (self, orientation, for_size, chars))
    {
      gtk_widget_measure (GTK_WIDGET (self->label), orientation, for_size,
                          minimum, natural, minimum_baseline, natural_baseline);
      return;
    }

  font_measures (self, &char_width, &line_height);
  if (!gtk_label_get_wrap (self->label))
    {
      /* The start and "…" at the least; the whole text at the most. */
      *minimum = PANGO_PIXELS_CEIL (char_width * 2);
      *natural = MAX (*minimum, PANGO_PIXELS_CEIL (char_width * chars));
    }
  else
    {
      int width_chars = gtk_label_get_width_chars (self->label);
      int max_width_chars = MAX (width_chars, gtk_label_get_max_width_chars (self->label));
      int lines = gtk_label_get_lines (self->label);

      if (orientation == GTK_ORIENTATION_HORIZONTAL)
        {
          /* What the label answers for a text wider than its widest. */
          *minimum = PANGO_PIXELS_CEIL (char_width * width_chars);
          *natural = PANGO_PIXELS_CEIL (char_width * max_width_chars);
        }
      else
        {
          *minimum = PANGO_PIXELS_CEIL (line_height);
          *natural = PANGO_PIXELS_CEIL (line_height * MIN (lines, (chars + max_width_chars - 1) / max_width_chars));
        }
    }
  *minimum_baseline = *natural_baseline = -1;
}

static void
up_row_label_size_allocate (GtkWidget *widget,
                            int        width,
                            int        height,
                            int        baseline)
{
  UpRowLabel *self = UP_ROW_LABEL (widget);

  gtk_widget_allocate (GTK_WIDGET (self->label), width, height, baseline, NULL);
}

static GtkSizeRequestMode
up_row_label_get_request_mode (GtkWidget *widget)
{
  UpRowLabel *self = UP_ROW_LABEL (widget);

  return gtk_widget_get_request_mode (GTK_WIDGET (self->label));
}

static void
up_row_label_dispose (GObject *object)
{
  UpRowLabel *self = UP_ROW_LABEL (object);

  if (self->label != NULL)
    gtk_widget_unparent (GTK_WIDGET (g_steal_pointer (&self->label)));

  G_OBJECT_CLASS (up_row_label_parent_class)->dispose (object);
}

static void
up_row_label_class_init (UpRowLabelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = up_row_label_dispose;
  widget_class->measure = up_row_label_measure;
  widget_class->size_allocate = up_row_label_size_allocate;
  widget_class->get_request_mode = up_row_label_get_request_mode;
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GENERIC);
}

static void
up_row_label_init (UpRowLabel *self)
{
}

GtkWidget *
up_row_label_new (GtkWidget *label)
{
  UpRowLabel *self;

  g_return_val_if_fail (GTK_IS_LABEL (label), NULL);

  self = g_object_new (UP_TYPE_ROW_LABEL, NULL);
  self->label = GTK_LABEL (label);
  gtk_widget_set_parent (label, GTK_WIDGET (self));

  return GTK_WIDGET (self);
}

GtkLabel *
up_row_label_get_label (UpRowLabel *self)
{
  g_return_val_if_fail (UP_IS_ROW_LABEL (self), NULL);

  return self->label;
}
