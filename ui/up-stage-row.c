/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "Upphandla"

#include "config.h"

#include <glib/gi18n.h>

#include "up-stage-row.h"

/* One stage in the stage list: title, kind, dates and a status icon. It
 * follows the stage's properties, so an edit or an undo shows at once. */
struct _UpStageRow
{
  GtkWidget  parent_instance;

  UpStage   *stage;
  gulong     notify_id;

  GtkLabel  *title_label;
  GtkLabel  *kind_label;
  GtkLabel  *dates_label;
  GtkImage  *status_image;
};

G_DEFINE_FINAL_TYPE (UpStageRow, up_stage_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
format_date (const char *iso)
{
  GDate date;
  g_autoptr(GDateTime) datetime = NULL;

  if (iso == NULL || !up_date_parse (iso, &date))
    return g_strdup (iso ? iso : "");

  datetime = g_date_time_new_local (g_date_get_year (&date),
                                    g_date_get_month (&date),
                                    g_date_get_day (&date),
                                    0, 0, 0);
  if (datetime == NULL)
    return g_strdup (iso);

  /* %x: the date as the locale writes it (2026-11-28 in Swedish). */
  return g_date_time_format (datetime, "%x");
}

static void
update (UpStageRow *self)
{
  g_autofree char *dates = NULL;
  g_autofree char *accessible_label = NULL;
  const char *status;
  const char *icon_name = NULL;

  if (self->stage == NULL)
    {
      gtk_label_set_label (self->title_label, "");
      gtk_label_set_label (self->kind_label, "");
      gtk_label_set_label (self->dates_label, "");
      gtk_widget_set_visible (GTK_WIDGET (self->status_image), FALSE);
      return;
    }

  gtk_label_set_label (self->title_label, up_stage_get_title (self->stage));
  gtk_label_set_label (self->kind_label,
                       up_enum_label (up_stage_kinds, up_stage_get_kind (self->stage)));

  dates = up_stage_format_dates (self->stage);
  gtk_label_set_label (self->dates_label, dates);

  /* A list item has no name of its own in GTK 4.8: give the row one, so a
   * screen reader reads the stage rather than an empty item. */
  /* Translators: How a screen reader reads a stage in the stage list:
   * %1$s is its title, %2$s its kind, %3$s its dates. */
  accessible_label = g_strdup_printf (C_("stage list accessible label", "%1$s, %2$s, %3$s"),
                                      up_stage_get_title (self->stage),
                                      up_enum_label (up_stage_kinds, up_stage_get_kind (self->stage)),
                                      dates);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label,
                                  -1);

  status = up_stage_get_status (self->stage);
  if (g_strcmp0 (status, "done") == 0)
    icon_name = "emblem-ok-symbolic";
  else if (g_strcmp0 (status, "active") == 0)
    icon_name = "media-playback-start-symbolic";

  gtk_widget_set_visible (GTK_WIDGET (self->status_image), icon_name != NULL);
  if (icon_name != NULL)
    {
      const char *label = up_enum_label (up_stage_statuses, status);

      gtk_image_set_from_icon_name (self->status_image, icon_name);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->status_image), label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->status_image),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                      -1);
    }
}

static void
on_stage_notify (UpStageRow *self,
                 GParamSpec *pspec,
                 UpStage    *stage)
{
  update (self);
}

static void
up_stage_row_dispose (GObject *object)
{
  UpStageRow *self = UP_STAGE_ROW (object);

  GtkWidget *child;

  up_stage_row_set_stage (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), UP_TYPE_STAGE_ROW);

  /* The template's box has no id, so dispose_template() leaves it. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

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

  properties[PROP_STAGE] =
    g_param_spec_object ("stage", NULL, NULL,
                         UP_TYPE_STAGE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/upphandla/Upphandla/up-stage-row.ui");
  gtk_widget_class_bind_template_child (widget_class, UpStageRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, UpStageRow, kind_label);
  gtk_widget_class_bind_template_child (widget_class, UpStageRow, dates_label);
  gtk_widget_class_bind_template_child (widget_class, UpStageRow, status_image);
}

static void
up_stage_row_init (UpStageRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
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

  start = format_date (up_stage_get_start_date (stage));
  if (up_stage_get_is_milestone (stage))
    return g_steal_pointer (&start);

  end = format_date (up_stage_get_end_date (stage));

  /* Translators: A date range, "start – end"; the dates are formatted for
   * the locale already. */
  return g_strdup_printf (_("%1$s – %2$s"), start, end);
}
