/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "up-notes-view.h"

/* STUB: a placeholder until the view is built. */
struct _UpNotesView
{
  AdwBin     parent_instance;

  UpProject *project;

};

G_DEFINE_FINAL_TYPE (UpNotesView, up_notes_view, ADW_TYPE_BIN)

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
up_notes_view_dispose (GObject *object)
{
  UpNotesView *self = UP_NOTES_VIEW (object);

  g_clear_object (&self->project);

  G_OBJECT_CLASS (up_notes_view_parent_class)->dispose (object);
}

static void
up_notes_view_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  UpNotesView *self = UP_NOTES_VIEW (object);

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
up_notes_view_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  UpNotesView *self = UP_NOTES_VIEW (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      up_notes_view_set_project (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
up_notes_view_class_init (UpNotesViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = up_notes_view_dispose;
  object_class->get_property = up_notes_view_get_property;
  object_class->set_property = up_notes_view_set_property;

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
up_notes_view_init (UpNotesView *self)
{
}

GtkWidget *
up_notes_view_new (void)
{
  return g_object_new (UP_TYPE_NOTES_VIEW, NULL);
}

UpProject *
up_notes_view_get_project (UpNotesView *self)
{
  g_return_val_if_fail (UP_IS_NOTES_VIEW (self), NULL);

  return self->project;
}

void
up_notes_view_set_project (UpNotesView *self,
                           UpProject *project)
{
  g_return_if_fail (UP_IS_NOTES_VIEW (self));
  g_return_if_fail (project == NULL || UP_IS_PROJECT (project));

  if (!g_set_object (&self->project, project))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}
