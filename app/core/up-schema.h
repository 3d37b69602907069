/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "up-types.h"

G_BEGIN_DECLS

/* The tables of the current schema version as data, so that loading rows into records,
 * the change log that undo is built on, and the generic edit API share one
 * description. Every table has "id INTEGER PRIMARY KEY" before these columns. */

typedef enum
{
  UP_COLUMN_TEXT,      /* TEXT NOT NULL */
  UP_COLUMN_DATE,      /* TEXT NOT NULL, an ISO 8601 date */
  UP_COLUMN_INT,       /* INTEGER NOT NULL, within min..max */
  UP_COLUMN_REF,       /* INTEGER, a row id of another table, or NULL (0 here) */
} UpColumnType;

typedef struct
{
  const char          *name;       /* column, "start_date" */
  const char          *property;   /* property, "start-date" */
  UpColumnType         type;
  const char * const  *values;     /* allowed values of an enumerated TEXT */
  gint64               min;
  gint64               max;
  gboolean             editable;   /* settable through up_project_set_*() */
} UpColumn;

typedef enum
{
  UP_TABLE_PROJECT,
  UP_TABLE_STAGE,
  UP_TABLE_STAKEHOLDER,
  UP_TABLE_NOTE,
  UP_TABLE_NOTE_STAKEHOLDER,
  UP_TABLE_SDG_LINK,
  UP_TABLE_LOCAL_GOAL,
  UP_TABLE_LOCAL_GOAL_TARGET,
  UP_TABLE_STAGE_LOCAL_GOAL,
  UP_N_TABLES
} UpTableId;

typedef struct
{
  const char      *name;
  const UpColumn  *columns;
  guint            n_columns;
  const char      *select_sql;  /* SELECT id, columns... FROM name WHERE id = ?1 */
  const char      *select_all_sql;
} UpTable;

/* Column indexes, in the order of the tables below. */
enum { UP_PROJECT_TITLE, UP_PROJECT_ORGANISATION, UP_PROJECT_DESCRIPTION,
       UP_PROJECT_CREATED, UP_PROJECT_MODIFIED, UP_PROJECT_N_COLUMNS };
enum { UP_STAGE_KIND, UP_STAGE_TITLE, UP_STAGE_DESCRIPTION, UP_STAGE_START_DATE,
       UP_STAGE_END_DATE, UP_STAGE_STATUS, UP_STAGE_POSITION, UP_STAGE_N_COLUMNS };
enum { UP_STAKEHOLDER_NAME, UP_STAKEHOLDER_ORGANISATION, UP_STAKEHOLDER_CATEGORY,
       UP_STAKEHOLDER_INFLUENCE, UP_STAKEHOLDER_INTEREST, UP_STAKEHOLDER_STANCE,
       UP_STAKEHOLDER_CONTACT, UP_STAKEHOLDER_UPDATED, UP_STAKEHOLDER_N_COLUMNS };
enum { UP_NOTE_BODY, UP_NOTE_SAID_ON, UP_NOTE_CREATED, UP_NOTE_UPDATED, UP_NOTE_KIND,
       UP_NOTE_VISIBILITY, UP_NOTE_STAGE_ID, UP_NOTE_N_COLUMNS };
enum { UP_NOTE_STAKEHOLDER_NOTE_ID, UP_NOTE_STAKEHOLDER_STAKEHOLDER_ID,
       UP_NOTE_STAKEHOLDER_N_COLUMNS };
enum { UP_SDG_LINK_STAGE_ID, UP_SDG_LINK_NOTE_ID, UP_SDG_LINK_TARGET, UP_SDG_LINK_IMPACT,
       UP_SDG_LINK_STRENGTH, UP_SDG_LINK_COMMENT, UP_SDG_LINK_N_COLUMNS };
enum { UP_LOCAL_GOAL_LEVEL, UP_LOCAL_GOAL_TITLE, UP_LOCAL_GOAL_INDICATOR,
       UP_LOCAL_GOAL_BASELINE, UP_LOCAL_GOAL_TARGET_VALUE, UP_LOCAL_GOAL_POSITION,
       UP_LOCAL_GOAL_N_COLUMNS };
enum { UP_LOCAL_GOAL_TARGET_GOAL_ID, UP_LOCAL_GOAL_TARGET_TARGET,
       UP_LOCAL_GOAL_TARGET_N_COLUMNS };
enum { UP_STAGE_LOCAL_GOAL_STAGE_ID, UP_STAGE_LOCAL_GOAL_GOAL_ID,
       UP_STAGE_LOCAL_GOAL_N_COLUMNS };

extern const UpTable up_schema_tables[UP_N_TABLES];

/* Upgrades a database from version N - 1 to N; index N - 1 of the array.
 * Step 1 creates schema version 1 in an empty database. */
extern const char * const up_schema_migrations[UP_SCHEMA_VERSION];

const UpTable  *up_schema_lookup_table  (const char    *name);
const UpColumn *up_schema_lookup_column (const UpTable *table,
                                         const char    *name_or_property,
                                         guint         *index);

G_END_DECLS
