/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "up-schema.h"

#define TEXT(n, p)         { n, p, UP_COLUMN_TEXT, NULL, 0, 0, TRUE }
#define FIXED_TEXT(n, p)   { n, p, UP_COLUMN_TEXT, NULL, 0, 0, FALSE }
#define ENUM(n, p, v)      { n, p, UP_COLUMN_TEXT, v, 0, 0, TRUE }
#define DATE(n, p)         { n, p, UP_COLUMN_DATE, NULL, 0, 0, TRUE }
#define INT(n, p, lo, hi)  { n, p, UP_COLUMN_INT, NULL, lo, hi, TRUE }
#define FIXED_INT(n, p)    { n, p, UP_COLUMN_INT, NULL, G_MININT64, G_MAXINT64, FALSE }
#define REF(n, p)          { n, p, UP_COLUMN_REF, NULL, 0, 0, FALSE }

static const UpColumn project_columns[] = {
  TEXT ("title", "title"),
  TEXT ("organisation", "organisation"),
  TEXT ("description", "description"),
  FIXED_TEXT ("created", "created"),
  FIXED_TEXT ("modified", "modified"),
};

/* Dates and position of a stage change through up_project_move_stage() and
 * up_project_reorder_stage(), which keep start <= end and positions dense. */
static const UpColumn stage_columns[] = {
  ENUM ("kind", "kind", up_stage_kinds),
  TEXT ("title", "title"),
  TEXT ("description", "description"),
  { "start_date", "start-date", UP_COLUMN_DATE, NULL, 0, 0, FALSE },
  { "end_date", "end-date", UP_COLUMN_DATE, NULL, 0, 0, FALSE },
  ENUM ("status", "status", up_stage_statuses),
  FIXED_INT ("position", "position"),
};

static const UpColumn stakeholder_columns[] = {
  TEXT ("name", "name"),
  TEXT ("organisation", "organisation"),
  ENUM ("category", "category", up_stakeholder_categories),
  INT ("influence", "influence", 1, 5),
  INT ("interest", "interest", 1, 5),
  ENUM ("stance", "stance", up_stakeholder_stances),
  TEXT ("contact", "contact"),
  FIXED_TEXT ("updated", "updated"),
};

static const UpColumn note_columns[] = {
  TEXT ("body", "body"),
  DATE ("said_on", "said-on"),
  FIXED_TEXT ("created", "created"),
  FIXED_TEXT ("updated", "updated"),
  ENUM ("kind", "kind", up_note_kinds),
  ENUM ("visibility", "visibility", up_note_visibilities),
  { "stage_id", "stage-id", UP_COLUMN_REF, NULL, 0, 0, TRUE },
};

static const UpColumn note_stakeholder_columns[] = {
  REF ("note_id", "note-id"),
  REF ("stakeholder_id", "stakeholder-id"),
};

static const UpColumn sdg_link_columns[] = {
  REF ("stage_id", "stage-id"),
  REF ("note_id", "note-id"),
  FIXED_TEXT ("target", "target"),
  ENUM ("impact", "impact", up_sdg_impacts),
  INT ("strength", "strength", 1, 3),
  TEXT ("comment", "comment"),
};

static const UpColumn local_goal_columns[] = {
  ENUM ("level", "level", up_local_goal_levels),
  TEXT ("title", "title"),
  TEXT ("indicator", "indicator"),
  TEXT ("baseline", "baseline"),
  TEXT ("target_value", "target-value"),
  FIXED_INT ("position", "position"),
};

static const UpColumn local_goal_target_columns[] = {
  REF ("goal_id", "goal-id"),
  FIXED_TEXT ("target", "target"),
};

static const UpColumn stage_local_goal_columns[] = {
  REF ("stage_id", "stage-id"),
  REF ("goal_id", "goal-id"),
};

#define TABLE(name, cols, list) \
  { name, cols, G_N_ELEMENTS (cols), \
    "SELECT id, " list " FROM " name " WHERE id = ?1", \
    "SELECT id, " list " FROM " name " ORDER BY id" }

const UpTable up_schema_tables[UP_N_TABLES] = {
  TABLE ("project", project_columns,
         "title, organisation, description, created, modified"),
  TABLE ("stage", stage_columns,
         "kind, title, description, start_date, end_date, status, position"),
  TABLE ("stakeholder", stakeholder_columns,
         "name, organisation, category, influence, interest, stance, contact, updated"),
  TABLE ("note", note_columns,
         "body, said_on, created, updated, kind, visibility, stage_id"),
  TABLE ("note_stakeholder", note_stakeholder_columns,
         "note_id, stakeholder_id"),
  TABLE ("sdg_link", sdg_link_columns,
         "stage_id, note_id, target, impact, strength, comment"),
  TABLE ("local_goal", local_goal_columns,
         "level, title, indicator, baseline, target_value, position"),
  TABLE ("local_goal_target", local_goal_target_columns,
         "goal_id, target"),
  TABLE ("stage_local_goal", stage_local_goal_columns,
         "stage_id, goal_id"),
};

/* Version 1. Dates are ISO 8601 text, times ISO 8601 UTC. The note index
 * keeps å, ä and ö as letters of their own (remove_diacritics 0), as a
 * Swedish reader expects: "år" is not "ar". */
static const char schema_v1[] =
  "CREATE TABLE project ("
  "  id INTEGER PRIMARY KEY CHECK (id = 1),"
  "  title TEXT NOT NULL DEFAULT '',"
  "  organisation TEXT NOT NULL DEFAULT '',"
  "  description TEXT NOT NULL DEFAULT '',"
  "  created TEXT NOT NULL,"
  "  modified TEXT NOT NULL);"
  "CREATE TABLE stage ("
  "  id INTEGER PRIMARY KEY,"
  "  kind TEXT NOT NULL DEFAULT 'custom',"
  "  title TEXT NOT NULL DEFAULT '',"
  "  description TEXT NOT NULL DEFAULT '',"
  "  start_date TEXT NOT NULL,"
  "  end_date TEXT NOT NULL,"
  "  status TEXT NOT NULL DEFAULT 'planned',"
  "  position INTEGER NOT NULL,"
  "  CHECK (end_date >= start_date));"
  "CREATE INDEX stage_position ON stage (position);"
  "CREATE TABLE stakeholder ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL DEFAULT '',"
  "  organisation TEXT NOT NULL DEFAULT '',"
  "  category TEXT NOT NULL DEFAULT 'other',"
  "  influence INTEGER NOT NULL DEFAULT 3 CHECK (influence BETWEEN 1 AND 5),"
  "  interest INTEGER NOT NULL DEFAULT 3 CHECK (interest BETWEEN 1 AND 5),"
  "  stance TEXT NOT NULL DEFAULT 'unknown',"
  "  contact TEXT NOT NULL DEFAULT '');"
  "CREATE TABLE note ("
  "  id INTEGER PRIMARY KEY,"
  "  body TEXT NOT NULL DEFAULT '',"
  "  said_on TEXT NOT NULL,"
  "  created TEXT NOT NULL,"
  "  updated TEXT NOT NULL,"
  "  kind TEXT NOT NULL DEFAULT 'internal',"
  "  visibility TEXT NOT NULL DEFAULT 'internal',"
  "  stage_id INTEGER REFERENCES stage (id) ON DELETE SET NULL);"
  "CREATE INDEX note_stage ON note (stage_id);"
  "CREATE TABLE note_stakeholder ("
  "  id INTEGER PRIMARY KEY,"
  "  note_id INTEGER NOT NULL REFERENCES note (id) ON DELETE CASCADE,"
  "  stakeholder_id INTEGER NOT NULL REFERENCES stakeholder (id) ON DELETE CASCADE,"
  "  UNIQUE (note_id, stakeholder_id));"
  "CREATE INDEX note_stakeholder_stakeholder ON note_stakeholder (stakeholder_id);"
  "CREATE TABLE sdg_link ("
  "  id INTEGER PRIMARY KEY,"
  "  stage_id INTEGER REFERENCES stage (id) ON DELETE CASCADE,"
  "  note_id INTEGER REFERENCES note (id) ON DELETE CASCADE,"
  "  target TEXT NOT NULL,"
  "  impact TEXT NOT NULL DEFAULT 'positive',"
  "  strength INTEGER NOT NULL DEFAULT 2 CHECK (strength BETWEEN 1 AND 3),"
  "  comment TEXT NOT NULL DEFAULT '',"
  "  CHECK ((stage_id IS NULL) <> (note_id IS NULL)));"
  "CREATE INDEX sdg_link_stage ON sdg_link (stage_id);"
  "CREATE INDEX sdg_link_note ON sdg_link (note_id);"
  "CREATE TABLE local_goal ("
  "  id INTEGER PRIMARY KEY,"
  "  level TEXT NOT NULL DEFAULT 'local',"
  "  title TEXT NOT NULL DEFAULT '',"
  "  indicator TEXT NOT NULL DEFAULT '',"
  "  baseline TEXT NOT NULL DEFAULT '',"
  "  target_value TEXT NOT NULL DEFAULT '',"
  "  position INTEGER NOT NULL);"
  "CREATE TABLE local_goal_target ("
  "  id INTEGER PRIMARY KEY,"
  "  goal_id INTEGER NOT NULL REFERENCES local_goal (id) ON DELETE CASCADE,"
  "  target TEXT NOT NULL,"
  "  UNIQUE (goal_id, target));"
  "CREATE TABLE stage_local_goal ("
  "  id INTEGER PRIMARY KEY,"
  "  stage_id INTEGER NOT NULL REFERENCES stage (id) ON DELETE CASCADE,"
  "  goal_id INTEGER NOT NULL REFERENCES local_goal (id) ON DELETE CASCADE,"
  "  UNIQUE (stage_id, goal_id));"
  "CREATE INDEX stage_local_goal_goal ON stage_local_goal (goal_id);"
  "CREATE VIRTUAL TABLE note_fts USING fts5 ("
  "  body, content = 'note', content_rowid = 'id',"
  "  tokenize = 'unicode61 remove_diacritics 0');"
  "CREATE TRIGGER note_fts_insert AFTER INSERT ON note BEGIN"
  "  INSERT INTO note_fts (rowid, body) VALUES (new.id, new.body);"
  "END;"
  "CREATE TRIGGER note_fts_delete AFTER DELETE ON note BEGIN"
  "  INSERT INTO note_fts (note_fts, rowid, body) VALUES ('delete', old.id, old.body);"
  "END;"
  "CREATE TRIGGER note_fts_update AFTER UPDATE OF body ON note BEGIN"
  "  INSERT INTO note_fts (note_fts, rowid, body) VALUES ('delete', old.id, old.body);"
  "  INSERT INTO note_fts (rowid, body) VALUES (new.id, new.body);"
  "END;"
  /* created to the millisecond: with a stage's id it makes the UIDs of
   * the stages' calendar (up-export-calendar.c), which two projects made
   * in the same second (a script, two routes) shared */
  "INSERT INTO project (id, created, modified)"
  "  VALUES (1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));";

/* Version 2: when a stakeholder's row was last written, as a note's, so
 * that a copy sent back from a workshop can bring in its changes of a
 * person where they are later than the project's (up-merge.c). A person
 * of an earlier file has none: '' is before any time. */
static const char schema_v2[] =
  "ALTER TABLE stakeholder ADD COLUMN updated TEXT NOT NULL DEFAULT '';";

const char * const up_schema_migrations[UP_SCHEMA_VERSION] = {
  schema_v1,
  schema_v2,
};

const UpTable *
up_schema_lookup_table (const char *name)
{
  for (guint i = 0; i < UP_N_TABLES; i++)
    if (strcmp (up_schema_tables[i].name, name) == 0)
      return &up_schema_tables[i];
  return NULL;
}

const UpColumn *
up_schema_lookup_column (const UpTable *table,
                         const char    *name_or_property,
                         guint         *index)
{
  for (guint i = 0; i < table->n_columns; i++)
    {
      const UpColumn *column = &table->columns[i];

      if (strcmp (column->name, name_or_property) == 0 ||
          strcmp (column->property, name_or_property) == 0)
        {
          if (index != NULL)
            *index = i;
          return column;
        }
    }
  return NULL;
}
