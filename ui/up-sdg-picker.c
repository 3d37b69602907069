/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "up-sdg-picker.h"

/* STUB: a placeholder until the view is built. */
struct _UpSdgPicker
{
  AdwBin     parent_instance;

  UpProject *project;
  UpStage   *stage;
};

G_DEFINE_FINAL_TYPE (UpSdgPicker, up_sdg_picker, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_PROJECT,
  PROP_STAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  ERROR,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
up_sdg_picker_dispose (GObject *object)
{
  UpSdgPicker *self = UP_SDG_PICKER (object);

  g_clear_object (&self->project);
  g_clear_object (&self->stage);

  G_OBJECT_CLASS (up_sdg_picker_parent_class)->dispose (object);
}

static void
up_sdg_picker_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  UpSdgPicker *self = UP_SDG_PICKER (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;
    case PROP_STAGE:
      g_value_set_object (value, self->stage);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
up_sdg_picker_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  UpSdgPicker *self = UP_SDG_PICKER (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      up_sdg_picker_set_project (self, g_value_get_object (value));
      break;
    case PROP_STAGE:
      up_sdg_picker_set_stage (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
up_sdg_picker_class_init (UpSdgPickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = up_sdg_picker_dispose;
  object_class->get_property = up_sdg_picker_get_property;
  object_class->set_property = up_sdg_picker_set_property;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL,
                         UP_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STAGE] =
    g_param_spec_object ("stage", NULL, NULL,
                         UP_TYPE_STAGE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[ERROR] =
    g_signal_new ("error",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
up_sdg_picker_init (UpSdgPicker *self)
{
}

GtkWidget *
up_sdg_picker_new (void)
{
  return g_object_new (UP_TYPE_SDG_PICKER, NULL);
}

UpProject *
up_sdg_picker_get_project (UpSdgPicker *self)
{
  g_return_val_if_fail (UP_IS_SDG_PICKER (self), NULL);

  return self->project;
}

void
up_sdg_picker_set_project (UpSdgPicker *self,
                           UpProject *project)
{
  g_return_if_fail (UP_IS_SDG_PICKER (self));
  g_return_if_fail (project == NULL || UP_IS_PROJECT (project));

  if (!g_set_object (&self->project, project))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}

UpStage *
up_sdg_picker_get_stage (UpSdgPicker *self)
{
  g_return_val_if_fail (UP_IS_SDG_PICKER (self), NULL);

  return self->stage;
}

void
up_sdg_picker_set_stage (UpSdgPicker *self,
                         UpStage   *stage)
{
  g_return_if_fail (UP_IS_SDG_PICKER (self));
  g_return_if_fail (stage == NULL || UP_IS_STAGE (stage));

  if (!g_set_object (&self->stage, stage))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STAGE]);
}
