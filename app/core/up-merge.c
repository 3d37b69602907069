/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "Upphandla"

#include "config.h"

#include <glib/gi18n.h>

#include "up-import-private.h"
#include "up-merge.h"
#include "up-record-private.h"
#include "up-schema.h"
#include "up-store-private.h"

/* A copy of the project comes back from a workshop: its participants
 * opened the file they were sent and added notes, people and Agenda 2030
 * links, while the strategist went on with the plan. The merge brings in
 * what the copy adds and never takes anything of the project away. */

G_DEFINE_QUARK (up-merge-error-quark, up_merge_error)

typedef struct
{
  UpProject      *project;
  UpProject      *copy;
  UpMergeSummary *summary;
  GHashTable     *stages;       /* the copy's stage id → the project's UpStage (borrowed) */
  GHashTable     *people;       /* the copy's stakeholder id → the project's UpStakeholder */
  GHashTable     *notes_said;   /* "said_on\nbody" of the project's notes */
  GHashTable     *named;        /* "note:person" ids of the project's notes' people */
  GHashTable     *copy_named;   /* the copy's note id → the people it names (GArray of Named) */
  /* the copy's Agenda 2030 links by the copy's id of the stage (those
   * made since it was sent) or note they belong to (GPtrArray of UpSdgLink) */
  GHashTable     *new_stage_links;
  GHashTable     *note_links;
  /* The highest id of a row of each table that both have: a row of the
   * copy of that id or lower was there when the copy was made, so one
   * the project lacks was deleted here since, and stays deleted. */
  gint64          people_ceiling;
  gint64          notes_ceiling;
  gint64          links_ceiling;
  gint64          named_ceiling;
} Merge;

typedef struct
{
  gint64 id;
  gint64 note_id;
  gint64 person_id;
} Named;

typedef gboolean (*SameRow) (Merge    *merge,
                             UpRecord *theirs,
                             UpRecord *ours);

static int
by_id_descending (gconstpointer a,
                  gconstpointer b)
{
  gint64 id_a = up_record_get_id (*(UpRecord **) a);
  gint64 id_b = up_record_get_id (*(UpRecord **) b);

  return id_a < id_b ? 1 : id_a > id_b ? -1 : 0;
}

static gint64
shared_ceiling (Merge       *merge,
                GListModel  *copy_rows,
                const char  *table,
                SameRow      same)
{
  guint n = g_list_model_get_n_items (copy_rows);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (rows, g_list_model_get_item (copy_rows, i));
  /* from the highest id down to the first row both have: the rows made
   * since are few, and a row of the project is read and compared only
   * as far as that */
  g_ptr_array_sort (rows, by_id_descending);
  for (guint i = 0; i < rows->len; i++)
    {
      UpRecord *theirs = g_ptr_array_index (rows, i);
      gint64 id = up_record_get_id (theirs);
      UpRecord *ours = up_project_lookup (merge->project, table, id);

      if (ours != NULL && same (merge, theirs, ours))
        return id;
    }
  return 0;
}

static char *
person_key (UpStakeholder *person)
{
  return _up_import_person_key (up_stakeholder_get_name (person), up_stakeholder_get_organisation (person));
}

/* The same person, renamed on one side or moved to another organisation
 * perhaps: of the same id, with the same name or organisation. */
static gboolean
same_person (Merge    *merge,
             UpRecord *theirs,
             UpRecord *ours)
{
  g_autofree char *their_name = NULL;
  g_autofree char *our_name = NULL;
  g_autofree char *their_organisation = NULL;
  g_autofree char *our_organisation = NULL;

  /* mostly so: folding is most of the time of comparing */
  if (g_str_equal (up_stakeholder_get_name (UP_STAKEHOLDER (theirs)), up_stakeholder_get_name (UP_STAKEHOLDER (ours))))
    return TRUE;
  their_name = _up_import_fold (up_stakeholder_get_name (UP_STAKEHOLDER (theirs)));
  our_name = _up_import_fold (up_stakeholder_get_name (UP_STAKEHOLDER (ours)));
  their_organisation = _up_import_fold (up_stakeholder_get_organisation (UP_STAKEHOLDER (theirs)));
  our_organisation = _up_import_fold (up_stakeholder_get_organisation (UP_STAKEHOLDER (ours)));

  return g_str_equal (their_name, our_name) ||
         (their_organisation[0] != '\0' && g_str_equal (their_organisation, our_organisation));
}

/* The same note: created at the same moment under the same id (to the
 * microsecond; files of 0.2 kept whole seconds). */
static gboolean
same_note (Merge    *merge,
           UpRecord *theirs,
           UpRecord *ours)
{
  return g_str_equal (up_note_get_created (UP_NOTE (theirs)), up_note_get_created (UP_NOTE (ours)));
}

/* The same link: of the same target and stage, or of the same target
 * and note where the note is the same (two copies' notes added since get
 * the same id, and their links too). */
static gboolean
same_link (Merge    *merge,
           UpRecord *theirs,
           UpRecord *ours)
{
  UpSdgLink *a = UP_SDG_LINK (theirs), *b = UP_SDG_LINK (ours);
  gint64 note_id = up_sdg_link_get_note_id (a);
  UpRecord *their_note, *our_note;

  if (!g_str_equal (up_sdg_link_get_target (a), up_sdg_link_get_target (b)) ||
      up_sdg_link_get_stage_id (a) != up_sdg_link_get_stage_id (b) || note_id != up_sdg_link_get_note_id (b))
    return FALSE;
  return note_id == 0 ||
         ((their_note = up_project_lookup (merge->copy, "note", note_id)) != NULL &&
          (our_note = up_project_lookup (merge->project, "note", note_id)) != NULL &&
          same_note (merge, their_note, our_note));
}

/* The same stage: of the same title, or renamed on one side and still of
 * the same kind and dates (two stages added since, one here and one in
 * the copy, are alike in kind often, in dates too seldom). */
static gboolean
same_stage (Merge    *merge,
            UpRecord *theirs,
            UpRecord *ours)
{
  UpStage *a = UP_STAGE (theirs), *b = UP_STAGE (ours);
  g_autofree char *their_title = NULL;
  g_autofree char *our_title = NULL;

  if (g_str_equal (up_stage_get_title (a), up_stage_get_title (b)))
    return TRUE;
  their_title = _up_import_fold (up_stage_get_title (a));
  our_title = _up_import_fold (up_stage_get_title (b));
  return g_str_equal (their_title, our_title) ||
         (g_str_equal (up_stage_get_kind (a), up_stage_get_kind (b)) &&
          g_str_equal (up_stage_get_start_date (a), up_stage_get_start_date (b)) &&
          g_str_equal (up_stage_get_end_date (a), up_stage_get_end_date (b)));
}

static char *
stage_key (const char *kind,
           const char *title)
{
  g_autofree char *folded = _up_import_fold (title != NULL ? title : "");

  return g_strconcat (kind, "\n", folded, NULL);
}

static char *
note_key (UpNote *note)
{
  return g_strconcat (up_note_get_said_on (note), "\n", up_note_get_body (note), NULL);
}

/* The project's @stages by kind and title (see stage_key()); NULL for a
 * kind and title that two stages have, which the title tells neither. */
static GHashTable *
stages_by_title (GListModel *stages)
{
  GHashTable *by_title = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0, n = g_list_model_get_n_items (stages); i < n; i++)
    {
      g_autoptr(UpStage) stage = g_list_model_get_item (stages, i);
      char *key = stage_key (up_stage_get_kind (stage), up_stage_get_title (stage));

      if (g_hash_table_contains (by_title, key))
        g_hash_table_replace (by_title, key, NULL);
      else
        g_hash_table_insert (by_title, key, stage);
    }
  return by_title;
}

/* Each stage of the copy to the project's stage it is: the one of the
 * same id where the stage was there when the copy was sent (the file
 * was sent with the project's ids), or else the only one of the same
 * kind and title. */
static void
map_stages (Merge *merge)
{
  GListModel *stages = up_project_get_stages (merge->project);
  GListModel *copy_stages = up_project_get_stages (merge->copy);
  g_autoptr(GHashTable) by_title = NULL;
  gint64 ceiling = shared_ceiling (merge, copy_stages, "stage", same_stage);

  for (guint i = 0, n = g_list_model_get_n_items (copy_stages); i < n; i++)
    {
      g_autoptr(UpStage) theirs = g_list_model_get_item (copy_stages, i);
      gint64 id = up_record_get_id (UP_RECORD (theirs));
      /* a stage added to the copy since may have the id of one added here */
      UpRecord *ours = id <= ceiling ? up_project_lookup (merge->project, "stage", id) : NULL;

      if (ours == NULL)
        {
          g_autofree char *key = stage_key (up_stage_get_kind (theirs), up_stage_get_title (theirs));

          /* made when first needed: folding every title takes time */
          if (by_title == NULL)
            by_title = stages_by_title (stages);
          ours = g_hash_table_lookup (by_title, key);
        }
      if (ours != NULL)
        g_hash_table_insert (merge->stages, GSIZE_TO_POINTER (id), ours);
    }
}

/* Gives @ours every field of @theirs that a user edits (of the same
 * table), setting only those that differ; tells whether any did. A
 * reference (a note's stage) is an id of the copy's, mapped apart. */
static gboolean
take_fields (Merge     *merge,
             UpRecord  *theirs,
             UpRecord  *ours,
             gboolean  *changed,
             GError   **error)
{
  const UpTable *table = &up_schema_tables[_up_record_get_table_id (ours)];

  for (guint i = 0; i < table->n_columns; i++)
    {
      const UpColumn *column = &table->columns[i];
      gboolean ok;

      if (!column->editable || column->type == UP_COLUMN_REF)
        continue;
      if (column->type == UP_COLUMN_INT)
        {
          gint64 value = _up_record_get_int_at (theirs, i);

          if (value == _up_record_get_int_at (ours, i))
            continue;
          ok = up_project_set_int (merge->project, ours, column->property, value, error);
        }
      else
        {
          const char *value = _up_record_get_string_at (theirs, i);

          if (g_strcmp0 (value, _up_record_get_string_at (ours, i)) == 0)
            continue;
          ok = up_project_set_string (merge->project, ours, column->property, value, error);
        }
      if (!ok)
        return FALSE;
      *changed = TRUE;
    }
  return TRUE;
}

/* Each stakeholder of the copy to the project's person of the same name
 * and organisation (or of the same id, renamed on one side since), adding
 * those the project lacks; a person the copy changed later than the
 * project did (moved on the grid in the workshop, say) is changed here
 * as the copy has them. */
static gboolean
merge_people (Merge   *merge,
              GError **error)
{
  GListModel *people = up_project_get_stakeholders (merge->project);
  GListModel *copy_people = up_project_get_stakeholders (merge->copy);
  g_autoptr(GHashTable) known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) added = g_hash_table_new (NULL, NULL);

  for (guint i = 0, n = g_list_model_get_n_items (people); i < n; i++)
    {
      g_autoptr(UpStakeholder) person = g_list_model_get_item (people, i);
      char *key = person_key (person);

      if (!g_hash_table_contains (known, key))
        g_hash_table_insert (known, key, person);
      else
        g_free (key);
    }

  for (guint i = 0, n = g_list_model_get_n_items (copy_people); i < n; i++)
    {
      g_autoptr(UpStakeholder) theirs = g_list_model_get_item (copy_people, i);
      gint64 id = up_record_get_id (UP_RECORD (theirs));
      g_autofree char *key = person_key (theirs);
      UpStakeholder *ours = g_hash_table_lookup (known, key);
      gboolean changed = FALSE;

      /* renamed here since, or deleted here since */
      if (ours == NULL && id <= merge->people_ceiling)
        {
          ours = (UpStakeholder *) up_project_lookup (merge->project, "stakeholder", id);
          if (ours == NULL)
            continue;
        }
      if (ours == NULL)
        {
          ours = up_project_add_stakeholder (merge->project,
                                             up_stakeholder_get_name (theirs),
                                             up_stakeholder_get_organisation (theirs),
                                             up_stakeholder_get_category (theirs),
                                             error);
          if (ours == NULL || !take_fields (merge, UP_RECORD (theirs), UP_RECORD (ours), &changed, error))
            return FALSE;
          g_hash_table_insert (known, g_steal_pointer (&key), ours);
          g_hash_table_add (added, ours);
          merge->summary->stakeholders_added++;
        }
      /* "" (a file from before people had times) is before any time */
      else if (!g_hash_table_contains (added, ours) &&
               g_strcmp0 (up_stakeholder_get_updated (theirs), up_stakeholder_get_updated (ours)) > 0)
        {
          if (!take_fields (merge, UP_RECORD (theirs), UP_RECORD (ours), &changed, error))
            return FALSE;
          if (changed)
            merge->summary->stakeholders_changed++;
        }
      g_hash_table_insert (merge->people, GSIZE_TO_POINTER (id), ours);
    }
  return TRUE;
}

/* The copy's Agenda 2030 links by the stage or note they belong to (of
 * a stage, only those made since the copy was sent), so that only what
 * has one is asked of the project. */
static void
gather_links (Merge *merge)
{
  GListModel *links = up_project_get_sdg_links (merge->copy);

  for (guint i = 0, n = g_list_model_get_n_items (links); i < n; i++)
    {
      g_autoptr(UpSdgLink) link = g_list_model_get_item (links, i);
      gint64 stage_id = up_sdg_link_get_stage_id (link);
      GHashTable *by_owner = stage_id != 0 ? merge->new_stage_links : merge->note_links;
      gpointer owner = GSIZE_TO_POINTER (stage_id != 0 ? stage_id : up_sdg_link_get_note_id (link));
      GPtrArray *owned;

      if (stage_id != 0 && up_record_get_id (UP_RECORD (link)) <= merge->links_ceiling)
        continue;
      owned = g_hash_table_lookup (by_owner, owner);
      if (owned == NULL)
        g_hash_table_insert (by_owner, owner, owned = g_ptr_array_new_with_free_func (g_object_unref));
      g_ptr_array_add (owned, g_steal_pointer (&link));
    }
}

/* The Agenda 2030 links of the copy's stage or note @id (of @by_owner)
 * that @ours lacks, by target: all of them for a note new to the
 * project, else those made since the copy was sent. Returns how many
 * were added, or -1 on error. */
static int
merge_links (Merge       *merge,
             GHashTable  *by_owner,
             gint64       id,
             UpRecord    *ours,
             gboolean     added_note,
             GError     **error)
{
  GPtrArray *links = g_hash_table_lookup (by_owner, GSIZE_TO_POINTER (id));
  g_autoptr(GPtrArray) our_links = NULL;
  g_autoptr(GHashTable) targets = NULL;
  int added = 0;

  if (links == NULL)
    return 0;

  our_links = up_project_list_sdg_links (merge->project, ours);
  targets = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < our_links->len; i++)
    g_hash_table_add (targets, (gpointer) up_sdg_link_get_target (g_ptr_array_index (our_links, i)));

  for (guint i = 0; i < links->len; i++)
    {
      UpSdgLink *link = g_ptr_array_index (links, i);
      const char *target = up_sdg_link_get_target (link);

      if (g_hash_table_contains (targets, target) ||
          (!added_note && up_record_get_id (UP_RECORD (link)) <= merge->links_ceiling))
        continue;
      if (up_project_add_sdg_link (merge->project, ours, target, up_sdg_link_get_impact (link),
                                   up_sdg_link_get_strength (link), up_sdg_link_get_comment (link),
                                   error) == NULL)
        return -1;
      g_hash_table_add (targets, (gpointer) target);
      added++;
    }
  return added;
}

/* Every row of note_stakeholder of @project, by id. */
static GArray *
read_named (UpProject  *project,
            GError    **error)
{
  UpStore *store = up_project_get_store (project);
  sqlite3_stmt *stmt = _up_store_prepare (store, "SELECT id, note_id, stakeholder_id FROM note_stakeholder ORDER BY id",
                                          error);
  g_autoptr(GArray) rows = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  rows = g_array_new (FALSE, FALSE, sizeof (Named));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Named row = { sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1), sqlite3_column_int64 (stmt, 2) };

      g_array_append_val (rows, row);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _up_store_set_db_error (store, rc, error);
      return NULL;
    }
  return g_steal_pointer (&rows);
}

static char *
named_key (gint64 note_id,
           gint64 person_id)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT, note_id, person_id);
}

/* Which notes name which people, in both, read at once (two queries a
 * note took a third of a merge). A pair of the copy the project lacks
 * whose id is at most the highest id of a pair both have was taken away
 * here since (a person no longer named by the note), and stays away. */
static gboolean
gather_named (Merge   *merge,
              GError **error)
{
  g_autoptr(GArray) ours = read_named (merge->project, error);
  g_autoptr(GArray) theirs = NULL;
  g_autoptr(GHashTable) by_id = NULL;

  if (ours == NULL || (theirs = read_named (merge->copy, error)) == NULL)
    return FALSE;

  by_id = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < ours->len; i++)
    {
      Named *row = &g_array_index (ours, Named, i);

      g_hash_table_add (merge->named, named_key (row->note_id, row->person_id));
      g_hash_table_insert (by_id, GSIZE_TO_POINTER (row->id), row);
    }
  for (guint i = 0; i < theirs->len; i++)
    {
      Named *row = &g_array_index (theirs, Named, i);
      Named *same = g_hash_table_lookup (by_id, GSIZE_TO_POINTER (row->id));
      UpRecord *their_note, *our_note;
      GArray *people;

      /* the same pair of the same note: two copies' notes added since,
       * of the same id, with a person of the same id, are not */
      if (same != NULL && same->note_id == row->note_id && same->person_id == row->person_id &&
          (their_note = up_project_lookup (merge->copy, "note", row->note_id)) != NULL &&
          (our_note = up_project_lookup (merge->project, "note", row->note_id)) != NULL &&
          same_note (merge, their_note, our_note))
        merge->named_ceiling = MAX (merge->named_ceiling, row->id);

      people = g_hash_table_lookup (merge->copy_named, GSIZE_TO_POINTER (row->note_id));
      if (people == NULL)
        g_hash_table_insert (merge->copy_named, GSIZE_TO_POINTER (row->note_id),
                             people = g_array_new (FALSE, FALSE, sizeof (Named)));
      g_array_append_val (people, *row);
    }
  return TRUE;
}

/* The stakeholders the copy's note @theirs names that @ours does not:
 * all of them for a note new to the project, else those named since
 * the copy was sent. Returns how many were linked, or -1 on error. */
static int
merge_note_people (Merge    *merge,
                   UpNote   *theirs,
                   UpNote   *ours,
                   gboolean  added,
                   GError  **error)
{
  GArray *named = g_hash_table_lookup (merge->copy_named, GSIZE_TO_POINTER (up_record_get_id (UP_RECORD (theirs))));
  int linked = 0;

  for (guint i = 0; named != NULL && i < named->len; i++)
    {
      Named *row = &g_array_index (named, Named, i);
      UpStakeholder *person = g_hash_table_lookup (merge->people, GSIZE_TO_POINTER (row->person_id));
      g_autofree char *key = NULL;

      if (person == NULL || (!added && row->id <= merge->named_ceiling))
        continue;
      key = named_key (up_record_get_id (UP_RECORD (ours)), up_record_get_id (UP_RECORD (person)));
      if (g_hash_table_contains (merge->named, key))
        continue;
      if (!up_project_link_note_stakeholder (merge->project, ours, person, error))
        return -1;
      g_hash_table_add (merge->named, g_steal_pointer (&key));
      linked++;
    }
  return linked;
}

/* The stage of the project that the copy's note @theirs is pinned to, or
 * NULL (also when the copy pins it to a stage the project lacks). */
static UpStage *
note_stage (Merge  *merge,
            UpNote *theirs)
{
  gint64 id = up_note_get_stage_id (theirs);

  return id != 0 ? g_hash_table_lookup (merge->stages, GSIZE_TO_POINTER (id)) : NULL;
}

/* The note the project has of the copy's @theirs, edited as the copy has
 * it where the copy changed it later. */
static gboolean
update_note (Merge    *merge,
             UpNote   *theirs,
             UpNote   *ours,
             GError  **error)
{
  gboolean changed = FALSE;
  int added;

  if (g_strcmp0 (up_note_get_updated (theirs), up_note_get_updated (ours)) > 0)
    {
      UpStage *stage = note_stage (merge, theirs);

      /* its text, day, kind and visibility */
      if (!take_fields (merge, UP_RECORD (theirs), UP_RECORD (ours), &changed, error))
        return FALSE;
      /* a stage the project lacks leaves the note where the project has it */
      if (stage != NULL && up_record_get_id (UP_RECORD (stage)) != up_note_get_stage_id (ours))
        {
          if (!up_project_set_int (merge->project, ours, "stage-id", up_record_get_id (UP_RECORD (stage)), error))
            return FALSE;
          changed = TRUE;
        }
    }

  added = merge_note_people (merge, theirs, ours, FALSE, error);
  if (added < 0)
    return FALSE;
  changed |= added > 0;
  added = merge_links (merge, merge->note_links, up_record_get_id (UP_RECORD (theirs)), UP_RECORD (ours), FALSE,
                       error);
  if (added < 0)
    return FALSE;
  changed |= added > 0;

  if (changed)
    merge->summary->notes_changed++;
  else
    merge->summary->notes_there++;
  return TRUE;
}

static gboolean
add_note (Merge    *merge,
          UpNote   *theirs,
          GError  **error)
{
  UpStage *stage = note_stage (merge, theirs);
  UpNote *ours;

  ours = up_project_add_note (merge->project, up_note_get_body (theirs), up_note_get_kind (theirs),
                              up_note_get_said_on (theirs), stage, error);
  if (ours == NULL ||
      !up_project_set_string (merge->project, ours, "visibility", up_note_get_visibility (theirs), error) ||
      merge_note_people (merge, theirs, ours, TRUE, error) < 0 ||
      merge_links (merge, merge->note_links, up_record_get_id (UP_RECORD (theirs)), UP_RECORD (ours), TRUE,
                   error) < 0)
    return FALSE;

  g_hash_table_add (merge->notes_said, note_key (ours));
  merge->summary->notes_added++;
  if (stage == NULL && up_note_get_stage_id (theirs) != 0)
    merge->summary->notes_without_stage++;
  return TRUE;
}

static gboolean
merge_notes (Merge   *merge,
             GError **error)
{
  GListModel *notes = up_project_get_notes (merge->project);
  GListModel *copy_notes = up_project_get_notes (merge->copy);

  for (guint i = 0, n = g_list_model_get_n_items (notes); i < n; i++)
    {
      g_autoptr(UpNote) note = g_list_model_get_item (notes, i);

      g_hash_table_add (merge->notes_said, note_key (note));
    }

  for (guint i = 0, n = g_list_model_get_n_items (copy_notes); i < n; i++)
    {
      g_autoptr(UpNote) theirs = g_list_model_get_item (copy_notes, i);
      UpRecord *ours = up_project_lookup (merge->project, "note", up_record_get_id (UP_RECORD (theirs)));
      g_autofree char *key = note_key (theirs);
      gboolean ok;

      if (ours != NULL && same_note (merge, UP_RECORD (theirs), ours))
        ok = update_note (merge, theirs, UP_NOTE (ours), error);
      else if (g_hash_table_contains (merge->notes_said, key))
        {
          merge->summary->notes_there++;
          ok = TRUE;
        }
      else if (up_record_get_id (UP_RECORD (theirs)) <= merge->notes_ceiling)
        {
          merge->summary->notes_deleted++;
          ok = TRUE;
        }
      else
        ok = add_note (merge, theirs, error);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

static gboolean
merge_stage_links (Merge   *merge,
                   GError **error)
{
  GHashTableIter iter;
  gpointer id;

  g_hash_table_iter_init (&iter, merge->new_stage_links);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    {
      UpRecord *ours = g_hash_table_lookup (merge->stages, id);
      int added;

      /* a stage the project lacks */
      if (ours == NULL)
        continue;
      added = merge_links (merge, merge->new_stage_links, GPOINTER_TO_SIZE (id), ours, FALSE, error);
      if (added < 0)
        return FALSE;
      merge->summary->links_added += added;
    }
  return TRUE;
}

gboolean
up_merge_project (UpProject       *project,
                  UpProject       *copy,
                  UpMergeSummary  *summary,
                  GError         **error)
{
  UpMergeSummary counted = { 0 };
  g_autoptr(GHashTable) stages = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) people = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) notes_said = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) named = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) copy_named = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_array_unref);
  g_autoptr(GHashTable) new_stage_links = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GHashTable) note_links = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GError) edit_error = NULL;
  Merge merge = { project, copy, &counted, stages, people, notes_said, named, copy_named, new_stage_links,
                  note_links };
  gboolean ok;

  g_return_val_if_fail (UP_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (UP_IS_PROJECT (copy), FALSE);
  g_return_val_if_fail (project != copy, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  merge.people_ceiling = shared_ceiling (&merge, up_project_get_stakeholders (copy), "stakeholder", same_person);
  merge.notes_ceiling = shared_ceiling (&merge, up_project_get_notes (copy), "note", same_note);
  merge.links_ceiling = shared_ceiling (&merge, up_project_get_sdg_links (copy), "sdg_link", same_link);
  gather_links (&merge);
  if (!gather_named (&merge, error))
    {
      if (summary != NULL)
        *summary = (UpMergeSummary) { 0 };
      return FALSE;
    }
  map_stages (&merge);
  /* Translators: the undo step of merging a copy of the project (a file
   * sent to a workshop and sent back) into it. */
  up_project_begin_group (project, _("Merge a Copy"));
  ok = merge_people (&merge, &edit_error) &&
       merge_notes (&merge, &edit_error) &&
       merge_stage_links (&merge, &edit_error);
  /* after an error the group ends rolled back: nothing changed */
  if (!up_project_end_group (project, ok ? error : NULL) || !ok)
    {
      if (edit_error != NULL)
        g_propagate_error (error, g_steal_pointer (&edit_error));
      if (summary != NULL)
        *summary = (UpMergeSummary) { 0 };
      return FALSE;
    }
  if (summary != NULL)
    *summary = counted;
  return TRUE;
}

static void
add_summary (UpMergeSummary       *total,
             const UpMergeSummary *one)
{
  total->notes_added += one->notes_added;
  total->notes_changed += one->notes_changed;
  total->notes_there += one->notes_there;
  total->notes_deleted += one->notes_deleted;
  total->notes_without_stage += one->notes_without_stage;
  total->stakeholders_added += one->stakeholders_added;
  total->stakeholders_changed += one->stakeholders_changed;
  total->links_added += one->links_added;
}

gboolean
up_merge_files (UpProject       *project,
                GFile * const   *files,
                guint            n_files,
                UpMergeSummary  *summary,
                GError         **error)
{
  g_autoptr(GPtrArray) copies = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) edit_error = NULL;
  UpMergeSummary total = { 0 };
  GFile *own;

  g_return_val_if_fail (UP_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (files != NULL || n_files == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (summary != NULL)
    *summary = total;

  /* every copy read, and its checks passed, before any is merged */
  own = up_project_get_file (project);
  for (guint i = 0; i < n_files; i++)
    {
      UpProject *copy;

      g_return_val_if_fail (G_IS_FILE (files[i]), FALSE);
      if (own != NULL && g_file_equal (own, files[i]))
        {
          g_set_error_literal (error, UP_MERGE_ERROR, UP_MERGE_ERROR_SAME_FILE,
                               _("This is the project’s own file. Choose the copy that was sent back."));
          return FALSE;
        }
      copy = up_project_open (files[i], error);
      if (copy == NULL)
        return FALSE;
      g_ptr_array_add (copies, copy);
    }

  /* Translators: the undo step of merging several copies of the project
   * (files sent to a workshop and sent back) into it at once. */
  up_project_begin_group (project, n_files > 1 ? _("Merge Copies") : _("Merge a Copy"));
  for (guint i = 0; i < copies->len && edit_error == NULL; i++)
    {
      UpMergeSummary one;

      if (up_merge_project (project, g_ptr_array_index (copies, i), &one, &edit_error))
        add_summary (&total, &one);
    }
  /* after an error the group ends rolled back: nothing changed */
  if (!up_project_end_group (project, edit_error != NULL ? NULL : error) || edit_error != NULL)
    {
      if (edit_error != NULL)
        g_propagate_error (error, g_steal_pointer (&edit_error));
      return FALSE;
    }
  if (summary != NULL)
    *summary = total;
  return TRUE;
}

gboolean
up_merge_file (UpProject       *project,
               GFile           *file,
               UpMergeSummary  *summary,
               GError         **error)
{
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  return up_merge_files (project, &file, 1, summary, error);
}
