/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "up-history"

#include "config.h"

#include <string.h>

#include "up-history-private.h"

/* How much memory the undo and redo steps of one project may hold together
 * before the oldest steps are forgotten. A step holds the rows it changed,
 * before and after, so its size is that of the rows: a move of a stage
 * under a kilobyte, a reorder in a plan of 1,000 stages several hundred,
 * each commit of a long note twice its text. 64 MiB keeps some 100,000
 * ordinary edits, and keeps weeks of an open window from growing without
 * end. */
#define DEFAULT_BUDGET ((gsize) 64 * 1024 * 1024)

typedef struct
{
  char        *label;
  UpChangeSet *changes;
  gsize        size;     /* bytes it holds, roughly as malloc counts them */
  guint        serial;   /* names the step while it is on a stack */
} UpCommand;

struct _UpHistory
{
  GObject    parent_instance;

  GPtrArray *undo;   /* of UpCommand, newest last */
  GPtrArray *redo;   /* of UpCommand, next to redo last */
  gsize      size;   /* of every step on both stacks */
  gsize      budget;
  guint      last_serial;
  guint      n_forgotten;  /* undo steps dropped for the budget */
};

G_DEFINE_FINAL_TYPE (UpHistory, up_history, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_UNDO_LABEL,
  PROP_REDO_LABEL,
  PROP_N_FORGOTTEN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
command_free (UpCommand *command)
{
  g_free (command->label);
  _up_change_set_free (command->changes);
  g_free (command);
}

/* What a block of @n bytes takes on the heap: glibc's malloc rounds up to
 * 16 bytes with 8 of bookkeeping. */
static gsize
heap_size (gsize n)
{
  return (n + 8 + 15) & ~(gsize) 15;
}

static gsize
command_size (UpCommand *command)
{
  GArray *changes = command->changes->changes;
  gsize size = heap_size (sizeof *command) + heap_size (sizeof (UpChangeSet)) +
               heap_size (sizeof (GArray)) + heap_size (changes->len * sizeof (UpChange));

  if (command->label != NULL)
    size += heap_size (strlen (command->label) + 1);

  for (guint i = 0; i < changes->len; i++)
    {
      UpChange *change = &g_array_index (changes, UpChange, i);

      if (change->old_row != NULL)
        size += heap_size (strlen (change->old_row) + 1);
      if (change->new_row != NULL)
        size += heap_size (strlen (change->new_row) + 1);
    }
  return size;
}

/* Drops the @n steps of @stack from @index on. */
static void
drop_steps (UpHistory *self,
            GPtrArray *stack,
            guint      index,
            guint      n)
{
  for (guint i = index; i < index + n; i++)
    {
      UpCommand *command = g_ptr_array_index (stack, i);

      g_assert (self->size >= command->size);
      self->size -= command->size;
    }
  g_ptr_array_remove_range (stack, index, n);
}

static void
notify_all (UpHistory *self)
{
  /* Cheap enough to notify every time: widgets compare before redrawing.
   * "n-forgotten" is notified only when it changes, for a view to tell the
   * user once. */
  for (guint i = 1; i < N_PROPS; i++)
    if (i != PROP_N_FORGOTTEN)
      g_object_notify_by_pspec (G_OBJECT (self), properties[i]);
}

static void
up_history_finalize (GObject *object)
{
  UpHistory *self = UP_HISTORY (object);

  g_clear_pointer (&self->undo, g_ptr_array_unref);
  g_clear_pointer (&self->redo, g_ptr_array_unref);

  G_OBJECT_CLASS (up_history_parent_class)->finalize (object);
}

static void
up_history_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  UpHistory *self = UP_HISTORY (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, up_history_get_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, up_history_get_can_redo (self));
      break;
    case PROP_UNDO_LABEL:
      g_value_set_string (value, up_history_get_undo_label (self));
      break;
    case PROP_REDO_LABEL:
      g_value_set_string (value, up_history_get_redo_label (self));
      break;
    case PROP_N_FORGOTTEN:
      g_value_set_uint (value, up_history_get_n_forgotten (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
up_history_class_init (UpHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = up_history_finalize;
  object_class->get_property = up_history_get_property;

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_UNDO_LABEL] =
    g_param_spec_string ("undo-label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REDO_LABEL] =
    g_param_spec_string ("redo-label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* How many of the oldest undo steps were forgotten to keep the history
   * within its memory budget, since it began or was cleared. */
  properties[PROP_N_FORGOTTEN] =
    g_param_spec_uint ("n-forgotten", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
up_history_init (UpHistory *self)
{
  self->undo = g_ptr_array_new_with_free_func ((GDestroyNotify) command_free);
  self->redo = g_ptr_array_new_with_free_func ((GDestroyNotify) command_free);
  self->budget = DEFAULT_BUDGET;
}

UpHistory *
_up_history_new (void)
{
  return g_object_new (UP_TYPE_HISTORY, NULL);
}

void
_up_history_push (UpHistory   *self,
                  const char  *label,
                  UpChangeSet *changes)
{
  UpCommand *command;
  guint n_forgotten;

  g_return_if_fail (UP_IS_HISTORY (self));
  g_return_if_fail (changes != NULL);

  n_forgotten = self->n_forgotten;
  command = g_new0 (UpCommand, 1);
  command->label = g_strdup (label);
  command->changes = changes;
  command->size = command_size (command);
  command->serial = ++self->last_serial;
  g_ptr_array_add (self->undo, command);
  self->size += command->size;

  /* A new edit forks the timeline: what could be redone is gone. */
  drop_steps (self, self->redo, 0, self->redo->len);

  /* Over the budget, the oldest steps go; the newest stays, however
   * large, so that the edit just made can always be undone. */
  while (self->size > self->budget && self->undo->len > 1)
    {
      drop_steps (self, self->undo, 0, 1);
      self->n_forgotten++;
    }

  notify_all (self);
  if (self->n_forgotten != n_forgotten)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_FORGOTTEN]);
}

static UpCommand *
top (GPtrArray *stack)
{
  return stack->len > 0 ? g_ptr_array_index (stack, stack->len - 1) : NULL;
}

UpChangeSet *
_up_history_peek_undo (UpHistory *self)
{
  UpCommand *command = top (self->undo);

  return command ? command->changes : NULL;
}

UpChangeSet *
_up_history_peek_undo_at (UpHistory *self,
                          guint      depth)
{
  UpCommand *command;

  if (depth >= self->undo->len)
    return NULL;
  command = g_ptr_array_index (self->undo, self->undo->len - 1 - depth);
  return command->changes;
}

UpChangeSet *
_up_history_peek_redo (UpHistory *self)
{
  UpCommand *command = top (self->redo);

  return command ? command->changes : NULL;
}

static void
move_top (GPtrArray *from,
          GPtrArray *to)
{
  g_assert (from->len > 0);
  g_ptr_array_add (to, g_ptr_array_steal_index (from, from->len - 1));
}

void
_up_history_did_undo (UpHistory *self)
{
  move_top (self->undo, self->redo);
  notify_all (self);
}

void
_up_history_did_redo (UpHistory *self)
{
  move_top (self->redo, self->undo);
  notify_all (self);
}

void
_up_history_did_undo_at (UpHistory *self,
                         guint      depth)
{
  g_assert (depth < self->undo->len);
  drop_steps (self, self->undo, self->undo->len - 1 - depth, 1);
  /* The steps that could be redone were undone on top of the step just
   * taken out: replayed now, they could meet rows it brought back. */
  drop_steps (self, self->redo, 0, self->redo->len);
  notify_all (self);
}

gint
_up_history_find_undo (UpHistory *self,
                       guint      serial)
{
  for (guint depth = 0; depth < self->undo->len; depth++)
    {
      UpCommand *command = g_ptr_array_index (self->undo, self->undo->len - 1 - depth);

      if (command->serial == serial)
        return depth;
    }
  return -1;
}

void
_up_history_did_withdraw (UpHistory *self,
                          guint      n)
{
  g_assert (n <= self->undo->len);
  drop_steps (self, self->undo, self->undo->len - n, n);
  notify_all (self);
}

gboolean
up_history_get_can_undo (UpHistory *self)
{
  g_return_val_if_fail (UP_IS_HISTORY (self), FALSE);

  return self->undo->len > 0;
}

gboolean
up_history_get_can_redo (UpHistory *self)
{
  g_return_val_if_fail (UP_IS_HISTORY (self), FALSE);

  return self->redo->len > 0;
}

/**
 * up_history_get_undo_label:
 *
 * Returns: (nullable): what undo would undo, translated ("Move Stage").
 */
const char *
up_history_get_undo_label (UpHistory *self)
{
  UpCommand *command;

  g_return_val_if_fail (UP_IS_HISTORY (self), NULL);

  command = top (self->undo);
  return command ? command->label : NULL;
}

const char *
up_history_get_redo_label (UpHistory *self)
{
  UpCommand *command;

  g_return_val_if_fail (UP_IS_HISTORY (self), NULL);

  command = top (self->redo);
  return command ? command->label : NULL;
}

guint
up_history_get_n_undo (UpHistory *self)
{
  g_return_val_if_fail (UP_IS_HISTORY (self), 0);

  return self->undo->len;
}

/**
 * up_history_get_undo_serial:
 *
 * Returns: a number that names the step undo would undo next, for
 *   up_project_undo_edit(), or 0 when there is none. Never reused within
 *   one history.
 */
guint
up_history_get_undo_serial (UpHistory *self)
{
  UpCommand *command;

  g_return_val_if_fail (UP_IS_HISTORY (self), 0);

  command = top (self->undo);
  return command ? command->serial : 0;
}

/**
 * up_history_get_n_forgotten:
 *
 * Returns: how many of the oldest undo steps were forgotten so far to keep
 *   the history within its memory budget (0 until the first is).
 */
guint
up_history_get_n_forgotten (UpHistory *self)
{
  g_return_val_if_fail (UP_IS_HISTORY (self), 0);

  return self->n_forgotten;
}

guint
up_history_get_n_redo (UpHistory *self)
{
  g_return_val_if_fail (UP_IS_HISTORY (self), 0);

  return self->redo->len;
}

void
up_history_clear (UpHistory *self)
{
  g_return_if_fail (UP_IS_HISTORY (self));

  drop_steps (self, self->undo, 0, self->undo->len);
  drop_steps (self, self->redo, 0, self->redo->len);
  notify_all (self);
  if (self->n_forgotten > 0)
    {
      self->n_forgotten = 0;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_FORGOTTEN]);
    }
}

gsize
_up_history_get_size (UpHistory *self)
{
  return self->size;
}

void
_up_history_set_budget (UpHistory *self,
                        gsize      budget)
{
  self->budget = budget;
}
