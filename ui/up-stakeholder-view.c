/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "up-stakeholder-view.h"

/* STUB: a placeholder until the view is built. */
struct _UpStakeholderView
{
  AdwBin     parent_instance;

  UpProject *project;

};

G_DEFINE_FINAL_TYPE (UpStakeholderView, up_stakeholder_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_PROJECT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  ERROR,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
up_stakeholder_view_dispose (GObject *object)
{
  UpStakeholderView *self = UP_STAKEHOLDER_VIEW (object);

  g_clear_object (&self->project);

  G_OBJECT_CLASS (up_stakeholder_view_parent_class)->dispose (object);
}

static void
up_stakeholder_view_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  UpStakeholderView *self = UP_STAKEHOLDER_VIEW (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
up_stakeholder_view_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  UpStakeholderView *self = UP_STAKEHOLDER_VIEW (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      up_stakeholder_view_set_project (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
up_stakeholder_view_class_init (UpStakeholderViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = up_stakeholder_view_dispose;
  object_class->get_property = up_stakeholder_view_get_property;
  object_class->set_property = up_stakeholder_view_set_property;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL,
                         UP_TYPE_PROJECT,
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
up_stakeholder_view_init (UpStakeholderView *self)
{
}

GtkWidget *
up_stakeholder_view_new (void)
{
  return g_object_new (UP_TYPE_STAKEHOLDER_VIEW, NULL);
}

UpProject *
up_stakeholder_view_get_project (UpStakeholderView *self)
{
  g_return_val_if_fail (UP_IS_STAKEHOLDER_VIEW (self), NULL);

  return self->project;
}

void
up_stakeholder_view_set_project (UpStakeholderView *self,
                                 UpProject *project)
{
  g_return_if_fail (UP_IS_STAKEHOLDER_VIEW (self));
  g_return_if_fail (project == NULL || UP_IS_PROJECT (project));

  if (!g_set_object (&self->project, project))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}
