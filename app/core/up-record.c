/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "up-record"

#include "config.h"

#include <string.h>

#include "up-local-goal.h"
#include "up-note.h"
#include "up-record-private.h"
#include "up-sdg-link.h"
#include "up-stage.h"
#include "up-stakeholder.h"

typedef struct
{
  char   *text;
  gint64  number;
} UpValue;

/* A copy of a text column's value that is always valid UTF-8: a damaged or
 * hostile file may hold any bytes, and every widget, Pango layout and
 * export expects UTF-8. Invalid sequences become U+FFFD; the file keeps
 * its bytes until the field is edited. */
static char *
dup_text (const char *text,
          int         length)
{
  if (text == NULL)
    return g_strdup ("");
  if (G_LIKELY (g_utf8_validate_len (text, length, NULL)))
    return g_strndup (text, length);
  return g_utf8_make_valid (text, length);
}

typedef struct
{
  UpTableId  table;
  gint64     id;
  UpValue   *values;
} UpRecordPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (UpRecord, up_record, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
type_for_table (UpTableId table)
{
  switch (table)
    {
    case UP_TABLE_STAGE:
      return UP_TYPE_STAGE;
    case UP_TABLE_STAKEHOLDER:
      return UP_TYPE_STAKEHOLDER;
    case UP_TABLE_NOTE:
      return UP_TYPE_NOTE;
    case UP_TABLE_SDG_LINK:
      return UP_TYPE_SDG_LINK;
    case UP_TABLE_LOCAL_GOAL:
      return UP_TYPE_LOCAL_GOAL;
    case UP_TABLE_PROJECT:
    case UP_TABLE_NOTE_STAKEHOLDER:
    case UP_TABLE_LOCAL_GOAL_TARGET:
    case UP_TABLE_STAGE_LOCAL_GOAL:
    case UP_N_TABLES:
    default:
      return UP_TYPE_RECORD;
    }
}

static void
up_record_finalize (GObject *object)
{
  UpRecord *self = UP_RECORD (object);
  UpRecordPrivate *priv = up_record_get_instance_private (self);

  if (priv->values != NULL)
    {
      for (guint i = 0; i < up_schema_tables[priv->table].n_columns; i++)
        g_free (priv->values[i].text);
      g_free (priv->values);
    }

  G_OBJECT_CLASS (up_record_parent_class)->finalize (object);
}

static void
up_record_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  UpRecord *self = UP_RECORD (object);
  UpRecordPrivate *priv = up_record_get_instance_private (self);
  const UpTable *table = &up_schema_tables[priv->table];
  guint column;

  if (pspec->owner_type == UP_TYPE_RECORD)
    {
      if (prop_id == PROP_ID)
        g_value_set_int64 (value, priv->id);
      else
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }

  /* Subclasses install one property per column, numbered column + 1. */
  column = prop_id - 1;
  g_assert (column < table->n_columns);

  if (G_VALUE_HOLDS_STRING (value))
    g_value_set_string (value, priv->values[column].text);
  else
    g_value_set_int64 (value, priv->values[column].number);
}

static void
up_record_class_init (UpRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = up_record_finalize;
  object_class->get_property = up_record_get_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
up_record_init (UpRecord *self)
{
}

void
_up_record_class_install_columns (UpRecordClass *klass,
                                  UpTableId      table)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const UpTable *t = &up_schema_tables[table];

  klass->table = table;
  /* GObject does not inherit get_property into a class that installs
   * properties of its own. */
  object_class->get_property = up_record_get_property;

  for (guint i = 0; i < t->n_columns; i++)
    {
      const UpColumn *column = &t->columns[i];
      GParamSpec *pspec;

      if (column->type == UP_COLUMN_TEXT || column->type == UP_COLUMN_DATE)
        pspec = g_param_spec_string (column->property, NULL, NULL, "",
                                     G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                                     G_PARAM_STATIC_STRINGS);
      else
        pspec = g_param_spec_int64 (column->property, NULL, NULL,
                                    G_MININT64, G_MAXINT64, 0,
                                    G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                                    G_PARAM_STATIC_STRINGS);

      g_object_class_install_property (object_class, i + 1, pspec);
    }
}

UpRecord *
_up_record_new_from_row (UpTableId     table,
                         sqlite3_stmt *stmt)
{
  UpRecord *self;
  UpRecordPrivate *priv;

  g_return_val_if_fail (table < UP_N_TABLES, NULL);

  self = g_object_new (type_for_table (table), NULL);
  priv = up_record_get_instance_private (self);
  priv->table = table;
  priv->values = g_new (UpValue, up_schema_tables[table].n_columns);
  priv->id = sqlite3_column_int64 (stmt, 0);

  /* The first load compares and notifies nothing: nobody can be listening
   * yet. This is the path of every row of a project being opened. */
  for (guint i = 0; i < up_schema_tables[table].n_columns; i++)
    {
      const UpColumn *column = &up_schema_tables[table].columns[i];
      UpValue *value = &priv->values[i];

      if (column->type == UP_COLUMN_TEXT || column->type == UP_COLUMN_DATE)
        {
          const char *text = (const char *) sqlite3_column_text (stmt, i + 1);

          value->text = dup_text (text, sqlite3_column_bytes (stmt, i + 1));
          value->number = 0;
        }
      else
        {
          value->text = NULL;
          value->number = sqlite3_column_int64 (stmt, i + 1);
        }
    }

  return self;
}

gboolean
_up_record_load_row (UpRecord     *self,
                     sqlite3_stmt *stmt)
{
  UpRecordPrivate *priv = up_record_get_instance_private (self);
  const UpTable *table = &up_schema_tables[priv->table];
  GObjectClass *klass = G_OBJECT_GET_CLASS (self);
  gboolean changed = FALSE;

  g_return_val_if_fail (UP_IS_RECORD (self), FALSE);

  priv->id = sqlite3_column_int64 (stmt, 0);

  g_object_freeze_notify (G_OBJECT (self));

  for (guint i = 0; i < table->n_columns; i++)
    {
      const UpColumn *column = &table->columns[i];
      UpValue *value = &priv->values[i];
      gboolean differs;

      if (column->type == UP_COLUMN_TEXT || column->type == UP_COLUMN_DATE)
        {
          const char *raw = (const char *) sqlite3_column_text (stmt, i + 1);
          g_autofree char *text = dup_text (raw, sqlite3_column_bytes (stmt, i + 1));

          differs = g_strcmp0 (value->text, text) != 0;
          if (differs)
            {
              g_free (value->text);
              value->text = g_steal_pointer (&text);
            }
        }
      else
        {
          /* A NULL reference reads as 0, which is never a row id. */
          gint64 number = sqlite3_column_int64 (stmt, i + 1);

          differs = value->number != number;
          value->number = number;
        }

      if (differs)
        {
          GParamSpec *pspec = g_object_class_find_property (klass, column->property);

          changed = TRUE;
          if (pspec != NULL && pspec->owner_type != UP_TYPE_RECORD)
            g_object_notify_by_pspec (G_OBJECT (self), pspec);
        }
    }

  g_object_thaw_notify (G_OBJECT (self));

  return changed;
}

UpTableId
_up_record_get_table_id (UpRecord *self)
{
  UpRecordPrivate *priv = up_record_get_instance_private (self);

  return priv->table;
}

const char *
_up_record_get_string_at (UpRecord *self,
                          guint     column)
{
  UpRecordPrivate *priv = up_record_get_instance_private (self);

  g_assert (column < up_schema_tables[priv->table].n_columns);

  return priv->values[column].text != NULL ? priv->values[column].text : "";
}

gint64
_up_record_get_int_at (UpRecord *self,
                       guint     column)
{
  UpRecordPrivate *priv = up_record_get_instance_private (self);

  g_assert (column < up_schema_tables[priv->table].n_columns);

  return priv->values[column].number;
}

gint64
up_record_get_id (UpRecord *self)
{
  UpRecordPrivate *priv = up_record_get_instance_private (self);

  g_return_val_if_fail (UP_IS_RECORD (self), 0);

  return priv->id;
}

/**
 * up_record_get_table:
 *
 * Returns: the name of the table the record is a row of, e.g. "stage".
 */
const char *
up_record_get_table (UpRecord *self)
{
  UpRecordPrivate *priv = up_record_get_instance_private (self);

  g_return_val_if_fail (UP_IS_RECORD (self), NULL);

  return up_schema_tables[priv->table].name;
}

const char *
up_record_get_string (UpRecord   *self,
                      const char *column)
{
  UpRecordPrivate *priv = up_record_get_instance_private (self);
  const UpColumn *col;
  guint index;

  g_return_val_if_fail (UP_IS_RECORD (self), NULL);

  col = up_schema_lookup_column (&up_schema_tables[priv->table], column, &index);
  g_return_val_if_fail (col != NULL, NULL);
  g_return_val_if_fail (col->type == UP_COLUMN_TEXT || col->type == UP_COLUMN_DATE, NULL);

  return _up_record_get_string_at (self, index);
}

gint64
up_record_get_int (UpRecord   *self,
                   const char *column)
{
  UpRecordPrivate *priv = up_record_get_instance_private (self);
  const UpColumn *col;
  guint index;

  g_return_val_if_fail (UP_IS_RECORD (self), 0);

  if (g_strcmp0 (column, "id") == 0)
    return priv->id;

  col = up_schema_lookup_column (&up_schema_tables[priv->table], column, &index);
  g_return_val_if_fail (col != NULL, 0);
  g_return_val_if_fail (col->type == UP_COLUMN_INT || col->type == UP_COLUMN_REF, 0);

  return _up_record_get_int_at (self, index);
}
