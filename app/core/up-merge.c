/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "Upphandla"

#include "config.h"

#include <glib/gi18n.h>

#include "up-import-private.h"
#include "up-merge.h"
#include "up-record-private.h"
#include "up-schema.h"

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
  /* The highest id of a row of each table that both have: a row of the
   * copy of that id or lower was there when the copy was made, so one
   * the project lacks was deleted here since, and stays deleted. */
  gint64          people_ceiling;
  gint64          notes_ceiling;
  gint64          links_ceiling;
} Merge;

typedef gboolean (*SameRow) (UpRecord *theirs,
                             UpRecord *ours);

static gint64
shared_ceiling (Merge       *merge,
                GListModel  *copy_rows,
                const char  *table,
                SameRow      same)
{
  gint64 ceiling = 0;

  for (guint i = 0, n = g_list_model_get_n_items (copy_rows); i < n; i++)
    {
      g_autoptr(UpRecord) theirs = g_list_model_get_item (copy_rows, i);
      gint64 id = up_record_get_id (theirs);
      UpRecord *ours = up_project_lookup (merge->project, table, id);

      if (ours != NULL && id > ceiling && same (theirs, ours))
        ceiling = id;
    }
  return ceiling;
}

static char *
person_key (UpStakeholder *person)
{
  return _up_import_person_key (up_stakeholder_get_name (person), up_stakeholder_get_organisation (person));
}

/* The same person, renamed on one side or moved to another organisation
 * perhaps: of the same id, with the same name or organisation. */
static gboolean
same_person (UpRecord *theirs,
             UpRecord *ours)
{
  g_autofree char *their_name = _up_import_fold (up_stakeholder_get_name (UP_STAKEHOLDER (theirs)));
  g_autofree char *our_name = _up_import_fold (up_stakeholder_get_name (UP_STAKEHOLDER (ours)));
  g_autofree char *their_organisation = _up_import_fold (up_stakeholder_get_organisation (UP_STAKEHOLDER (theirs)));
  g_autofree char *our_organisation = _up_import_fold (up_stakeholder_get_organisation (UP_STAKEHOLDER (ours)));

  return g_str_equal (their_name, our_name) ||
         (their_organisation[0] != '\0' && g_str_equal (their_organisation, our_organisation));
}

/* The same note: created at the same second under the same id. */
static gboolean
same_note (UpRecord *theirs,
           UpRecord *ours)
{
  return g_str_equal (up_note_get_created (UP_NOTE (theirs)), up_note_get_created (UP_NOTE (ours)));
}

static gboolean
same_link (UpRecord *theirs,
           UpRecord *ours)
{
  UpSdgLink *a = UP_SDG_LINK (theirs), *b = UP_SDG_LINK (ours);

  return g_str_equal (up_sdg_link_get_target (a), up_sdg_link_get_target (b)) &&
         up_sdg_link_get_stage_id (a) == up_sdg_link_get_stage_id (b) &&
         up_sdg_link_get_note_id (a) == up_sdg_link_get_note_id (b);
}

/* The same stage: of the same title, or renamed on one side and still of
 * the same kind and dates (two stages added since, one here and one in
 * the copy, are alike in kind often, in dates too seldom). */
static gboolean
same_stage (UpRecord *theirs,
            UpRecord *ours)
{
  UpStage *a = UP_STAGE (theirs), *b = UP_STAGE (ours);
  g_autofree char *their_title = _up_import_fold (up_stage_get_title (a));
  g_autofree char *our_title = _up_import_fold (up_stage_get_title (b));

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

/* Each stage of the copy to the project's stage it is: the one of the
 * same id where the stage was there when the copy was sent (the file
 * was sent with the project's ids), or else the only one of the same
 * kind and title. */
static void
map_stages (Merge *merge)
{
  GListModel *stages = up_project_get_stages (merge->project);
  GListModel *copy_stages = up_project_get_stages (merge->copy);
  g_autoptr(GHashTable) by_title = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gint64 ceiling = shared_ceiling (merge, copy_stages, "stage", same_stage);

  for (guint i = 0, n = g_list_model_get_n_items (stages); i < n; i++)
    {
      g_autoptr(UpStage) stage = g_list_model_get_item (stages, i);
      char *key = stage_key (up_stage_get_kind (stage), up_stage_get_title (stage));

      /* two stages of one kind and title: the title tells neither */
      if (g_hash_table_contains (by_title, key))
        g_hash_table_replace (by_title, key, NULL);
      else
        g_hash_table_insert (by_title, key, stage);
    }

  for (guint i = 0, n = g_list_model_get_n_items (copy_stages); i < n; i++)
    {
      g_autoptr(UpStage) theirs = g_list_model_get_item (copy_stages, i);
      gint64 id = up_record_get_id (UP_RECORD (theirs));
      /* a stage added to the copy since may have the id of one added here */
      UpRecord *ours = id <= ceiling ? up_project_lookup (merge->project, "stage", id) : NULL;

      if (ours == NULL)
        {
          g_autofree char *key = stage_key (up_stage_get_kind (theirs), up_stage_get_title (theirs));

          ours = g_hash_table_lookup (by_title, key);
        }
      if (ours != NULL)
        g_hash_table_insert (merge->stages, GSIZE_TO_POINTER (id), ours);
    }
}

/* Gives @ours every field of @theirs that a user edits (of the same
 * table), setting only those that differ; tells whether any did. */
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

      if (!column->editable)
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

/* The Agenda 2030 links of @theirs (a stage or a note of the copy) that
 * @ours lacks, by target. Returns how many were added, or -1 on error. */
static int
merge_links (Merge     *merge,
             UpRecord  *theirs,
             UpRecord  *ours,
             GError   **error)
{
  g_autoptr(GPtrArray) links = up_project_list_sdg_links (merge->copy, theirs);
  g_autoptr(GPtrArray) our_links = NULL;
  g_autoptr(GHashTable) targets = NULL;
  int added = 0;

  /* those made in the copy since it was sent; the rest the project has,
   * or deleted since */
  for (guint i = links->len; i > 0; i--)
    if (up_record_get_id (g_ptr_array_index (links, i - 1)) <= merge->links_ceiling)
      g_ptr_array_remove_index (links, i - 1);
  if (links->len == 0)
    return 0;

  our_links = up_project_list_sdg_links (merge->project, ours);
  targets = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < our_links->len; i++)
    g_hash_table_add (targets, (gpointer) up_sdg_link_get_target (g_ptr_array_index (our_links, i)));

  for (guint i = 0; i < links->len; i++)
    {
      UpSdgLink *link = g_ptr_array_index (links, i);
      const char *target = up_sdg_link_get_target (link);

      if (g_hash_table_contains (targets, target))
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

/* The stakeholders @theirs names that @ours does not. Returns how many
 * were linked, or -1 on error. */
static int
merge_note_people (Merge    *merge,
                   UpNote   *theirs,
                   UpNote   *ours,
                   GError  **error)
{
  g_autoptr(GPtrArray) named = up_project_list_note_stakeholders (merge->copy, theirs);
  g_autoptr(GPtrArray) our_named = up_project_list_note_stakeholders (merge->project, ours);
  int linked = 0;

  for (guint i = 0; i < named->len; i++)
    {
      gint64 id = up_record_get_id (g_ptr_array_index (named, i));
      UpStakeholder *person = g_hash_table_lookup (merge->people, GSIZE_TO_POINTER (id));

      if (person == NULL || g_ptr_array_find (our_named, person, NULL))
        continue;
      if (!up_project_link_note_stakeholder (merge->project, ours, person, error))
        return -1;
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

/* Sets @property of @ours to @value where it is @now otherwise. */
static gboolean
set_note_text (Merge      *merge,
               UpNote     *ours,
               const char *property,
               const char *now,
               const char *value,
               gboolean   *changed,
               GError    **error)
{
  if (g_strcmp0 (now, value) == 0)
    return TRUE;
  *changed = TRUE;
  return up_project_set_string (merge->project, ours, property, value, error);
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

      if (!set_note_text (merge, ours, "body", up_note_get_body (ours), up_note_get_body (theirs), &changed, error) ||
          !set_note_text (merge, ours, "said-on", up_note_get_said_on (ours), up_note_get_said_on (theirs),
                          &changed, error) ||
          !set_note_text (merge, ours, "kind", up_note_get_kind (ours), up_note_get_kind (theirs), &changed, error) ||
          !set_note_text (merge, ours, "visibility", up_note_get_visibility (ours), up_note_get_visibility (theirs),
                          &changed, error))
        return FALSE;
      /* a stage the project lacks leaves the note where the project has it */
      if (stage != NULL && up_record_get_id (UP_RECORD (stage)) != up_note_get_stage_id (ours))
        {
          if (!up_project_set_int (merge->project, ours, "stage-id", up_record_get_id (UP_RECORD (stage)), error))
            return FALSE;
          changed = TRUE;
        }
    }

  added = merge_note_people (merge, theirs, ours, error);
  if (added < 0)
    return FALSE;
  changed |= added > 0;
  added = merge_links (merge, UP_RECORD (theirs), UP_RECORD (ours), error);
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
      merge_note_people (merge, theirs, ours, error) < 0 ||
      merge_links (merge, UP_RECORD (theirs), UP_RECORD (ours), error) < 0)
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

      if (ours != NULL && same_note (UP_RECORD (theirs), ours))
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
  gpointer id, ours;

  g_hash_table_iter_init (&iter, merge->stages);
  while (g_hash_table_iter_next (&iter, &id, &ours))
    {
      UpRecord *theirs = up_project_lookup (merge->copy, "stage", GPOINTER_TO_SIZE (id));
      int added = merge_links (merge, theirs, ours, error);

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
  g_autoptr(GError) edit_error = NULL;
  Merge merge = { project, copy, &counted, stages, people, notes_said };
  gboolean ok;

  g_return_val_if_fail (UP_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (UP_IS_PROJECT (copy), FALSE);
  g_return_val_if_fail (project != copy, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  merge.people_ceiling = shared_ceiling (&merge, up_project_get_stakeholders (copy), "stakeholder", same_person);
  merge.notes_ceiling = shared_ceiling (&merge, up_project_get_notes (copy), "note", same_note);
  merge.links_ceiling = shared_ceiling (&merge, up_project_get_sdg_links (copy), "sdg_link", same_link);
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
