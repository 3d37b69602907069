/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "Upphandla"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "up-a11y-util.h"
#include "up-calendar-button.h"
#include "up-entry-row.h"
#include "up-list-util.h"
#include "up-note-util.h"
#include "up-notes-view.h"
#include "up-paned-util.h"
#include "up-scroller.h"
#include "up-stage-row.h"
#include "up-text-util.h"
#include "up-undo-toast.h"

/* Every note of the project: a list narrowed by full-text search (as you
 * type) and by stage, stakeholder, kind and visibility, and an editor for
 * the selected note. Like the stage editor it keeps no copy of a note: the
 * fields show the model and are committed through the edit API, one undo
 * step per commit (the text after a pause in typing or when it loses
 * focus, a choice when it is made).
 *
 * The list is a GtkListView over a store of the notes listed, filled from
 * the model or from the search hits: a search reorders it by relevance and
 * marks its matches, which a filtered model could not. The store is filled
 * when the view is on screen and again after each change of the notes
 * while it is, changing only the part of it that differs, so that the
 * list keeps its place; rows are made only for the notes in sight, and
 * the number of notes changes only the work on the store. */

/* How long typing may pause before the text of a note, or its date, is
 * committed. */
#define BODY_COMMIT_MS 1000

/* A match further into the body than this is shown in an excerpt that
 * starts a little before it, so that the three lines of a row show it. */
#define EXCERPT_AFTER 80
#define EXCERPT_BEFORE 40

/* Bold on a translucent yellow, readable on the light and the dark
 * background alike. */
#define MATCH_OPEN "<span weight=\"bold\" bgcolor=\"#f6d32d\" bgalpha=\"45%\">"
#define MATCH_CLOSE "</span>"
/* A found emoji or sign: a colour emoji covers a pale mark behind it all
 * but a sliver. Its mark is the same yellow at full strength, and reaches
 * a thin space (U+2009) beyond it on either side, where it shows in the
 * light and the dark style alike. */
#define SYMBOL_MATCH_OPEN "<span bgcolor=\"#f6d32d\" bgalpha=\"100%\">\u2009"
#define SYMBOL_MATCH_CLOSE "\u2009</span>"

/* Above this many stakeholders, a note's editor offers a search among
 * them, and their list scrolls on its own, this high. */
#define STAKEHOLDER_SEARCH_FROM 8
#define STAKEHOLDER_LIST_HEIGHT 360

/* Ids in the models of the filters: every value, and no stage at all. */
#define ID_ALL (-1)
#define ID_NONE 0

struct _UpNotesView
{
  AdwBin           parent_instance;

  UpProject       *project;
  GSignalGroup    *project_signals;

  gboolean         dirty;
  guint            updating;
  gint64           selected_id;
  /* Whether the selected note is in the list as searched and filtered: a
   * note out of sight is not edited (nor deleted), but is selected again
   * when the search or filter that hid it goes. */
  gboolean         selected_listed;

  /* The ids behind the entries of the stage and stakeholder drop-downs
   * and of the stage row of the editor, in their order. */
  GArray          *stage_filter_ids;
  GArray          *stakeholder_filter_ids;
  GArray          *stage_row_ids;

  /* The text view edits the body of this note; a change not committed yet
   * is marked dirty and committed after a pause. */
  gint64           body_note_id;
  gboolean         body_dirty;
  guint            body_timeout_id;

  /* The note Add Note made, while it is the one being edited, and its
   * fields other than the text as it was made (note_state()): left as it
   * was made, it goes again (see leave_new_note()). */
  gint64           new_note_id;
  char            *new_note_state;
  guint            leave_idle_id;

  /* Whether the filters are folded behind the Filters button (see
   * FILTERS_MAX_PERCENT), as the column's last allocation found
   * (column_allocate()); sliding while the button slides them in from
   * none. */
  gboolean         filters_folded;
  guint            fold_idle_id;
  guint            sliding;

  AdwToastOverlay *toast_overlay;
  GtkPaned        *paned;
  GtkStack        *main_stack;
  GtkWidget       *list_column;
  GtkSearchEntry  *search_entry;
  GtkWidget       *filter_box;
  GtkRevealer     *filter_revealer;
  GtkToggleButton *filter_button;
  GtkLabel        *filter_count;
  GtkDropDown     *stage_filter;
  GtkDropDown     *stakeholder_filter;
  GtkDropDown     *kind_filter;
  GtkDropDown     *visibility_filter;
  GtkLabel        *count_label;
  GtkStack        *list_stack;
  GtkWidget       *action_bar;
  GtkListView     *note_list;
  GtkButton       *add_button;
  GtkButton       *delete_button;
  GtkStack        *editor_stack;
  GtkTextView     *body_view;
  UpEntryRow      *said_row;
  GtkMenuButton   *calendar_button;
  GtkCalendar     *calendar;
  AdwComboRow     *kind_row;
  AdwComboRow     *visibility_row;
  AdwComboRow     *stage_row;
  GtkSearchEntry  *stakeholder_search;
  GtkLabel        *people_count;     /* "3 of 40 chosen", over them */
  GtkWidget       *stakeholder_scroller;
  GtkWidget       *stakeholder_no_match;
  GtkListView     *stakeholder_list;
  GtkWidget       *stakeholder_placeholder;

  /* The notes listed, in order, and the selection among them; the search
   * hit of each by its note (NULL without a search), whose markup is made
   * when its row is filled: a search may find every note. */
  GListStore         *listed;
  GtkSingleSelection *selection;
  GHashTable         *hits;
  /* The list items of the note list and of the editor's stakeholders that
   * show something now: what a change must fill again. */
  GPtrArray          *bound_notes;
  GPtrArray          *bound_people;
  GtkFilterListModel *people;
  GtkCustomFilter    *people_filter;
  char               *people_key;      /* the search among them, NULL for none */
  /* The ids of the stakeholders linked to the note in the editor, and the
   * note the list of them was last shown for. */
  GHashTable         *linked_people;
  gint64              people_note_id;

  /* The widgets are made from the template when the view is first shown:
   * a window that opens on the timeline does not pay for them. */
  gboolean         built;
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

static void     rebuild_list   (UpNotesView *self,
                                gboolean     by_user);
static void     load_editor    (UpNotesView *self);
static gboolean leave_new_note (UpNotesView *self);

static void
report_error (UpNotesView  *self,
              const GError *error)
{
  g_debug ("Edit refused: %s", error->message);
  g_signal_emit (self, signals[ERROR], 0, error);
}

static UpNote *
lookup_note (UpNotesView *self,
             gint64       id)
{
  UpRecord *record;

  if (self->project == NULL || id <= 0)
    return NULL;

  record = up_project_lookup (self->project, "note", id);

  return record != NULL && UP_IS_NOTE (record) ? UP_NOTE (record) : NULL;
}

static gint64
id_at (GArray *ids,
       guint   position)
{
  if (ids == NULL || position >= ids->len)
    return ID_ALL;

  return g_array_index (ids, gint64, position);
}

static guint
position_of (GArray *ids,
             gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return i;

  return 0;
}

static guint
enum_index (const char * const *values,
            const char         *value)
{
  for (guint i = 0; values[i] != NULL; i++)
    if (g_strcmp0 (values[i], value) == 0)
      return i;

  return 0;
}

static GtkStringList *
label_model (const char         *first,
             const char * const *values)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  if (first != NULL)
    gtk_string_list_append (list, first);
  for (guint i = 0; values[i] != NULL; i++)
    gtk_string_list_append (list, up_enum_label (values, values[i]));

  return list;
}

/* --------------------------------------------------------------------- */
/* Filters */

typedef const char *(*TextFunc) (gpointer item);

/* How many items of @model have each text, for telling apart the choices
 * of one name. */
static GHashTable *
count_texts (GListModel *model,
             TextFunc    text)
{
  GHashTable *counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      const char *key = text (item);

      g_hash_table_replace (counts, g_strdup (key != NULL ? key : ""),
                            GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, key != NULL ? key : "")) + 1));
    }
  return counts;
}

/* The stage and stakeholder choices follow the project; what was chosen
 * stays chosen while it exists. */

/* Stakeholders in the order of their names in the user's language (in
 * Swedish Å, Ä and Ö after Z), as the register sorts them; one name
 * twice by organisation, then as added. */
static int
compare_stakeholder_names (gconstpointer a,
                           gconstpointer b)
{
  UpStakeholder *person_a = *(UpStakeholder **) a;
  UpStakeholder *person_b = *(UpStakeholder **) b;
  int order = g_utf8_collate (up_stakeholder_get_name (person_a), up_stakeholder_get_name (person_b));

  if (order == 0)
    order = g_utf8_collate (up_stakeholder_get_organisation (person_a) != NULL ? up_stakeholder_get_organisation (person_a) : "",
                            up_stakeholder_get_organisation (person_b) != NULL ? up_stakeholder_get_organisation (person_b) : "");
  if (order == 0)
    order = (up_record_get_id (UP_RECORD (person_a)) > up_record_get_id (UP_RECORD (person_b))) -
            (up_record_get_id (UP_RECORD (person_a)) < up_record_get_id (UP_RECORD (person_b)));

  return order;
}

static void
rebuild_choices (UpNotesView *self)
{
  g_autoptr(GtkStringList) stage_filter = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) stage_row = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) people = gtk_string_list_new (NULL);
  gint64 stage_filter_id = id_at (self->stage_filter_ids, gtk_drop_down_get_selected (self->stage_filter));
  gint64 stakeholder_id = id_at (self->stakeholder_filter_ids,
                                 gtk_drop_down_get_selected (self->stakeholder_filter));
  GListModel *stages, *stakeholders;
  gint64 id;

  g_array_set_size (self->stage_filter_ids, 0);
  g_array_set_size (self->stage_row_ids, 0);
  g_array_set_size (self->stakeholder_filter_ids, 0);

  gtk_string_list_append (stage_filter, _("All Stages"));
  id = ID_ALL;
  g_array_append_val (self->stage_filter_ids, id);
  /* Translators: A choice of the stage filter and of a note's stage: the
   * notes pinned to no stage. */
  gtk_string_list_append (stage_filter, C_("note stage", "No Stage"));
  gtk_string_list_append (stage_row, C_("note stage", "No Stage"));
  id = ID_NONE;
  g_array_append_val (self->stage_filter_ids, id);
  g_array_append_val (self->stage_row_ids, id);

  gtk_string_list_append (people, _("All Stakeholders"));
  id = ID_ALL;
  g_array_append_val (self->stakeholder_filter_ids, id);

  if (self->project != NULL)
    {
      g_autoptr(GHashTable) stage_titles = NULL;
      g_autoptr(GHashTable) names = NULL;
      g_autoptr(GPtrArray) by_name = NULL;

      stages = up_project_get_stages (self->project);
      stage_titles = count_texts (stages, (TextFunc) up_stage_get_title);
      for (guint i = 0; i < g_list_model_get_n_items (stages); i++)
        {
          g_autoptr(UpStage) stage = g_list_model_get_item (stages, i);
          g_autofree char *choice = NULL;

          /* Two stages of one title are told apart by their dates. */
          if (GPOINTER_TO_UINT (g_hash_table_lookup (stage_titles, up_stage_get_title (stage))) > 1)
            {
              g_autofree char *dates = up_stage_format_dates (stage);

              /* Translators: a choice of a note's stage where two stages
               * have one title: %1$s is the title, %2$s its dates. */
              choice = g_strdup_printf (_("%1$s (%2$s)"), up_stage_get_title (stage), dates);
            }

          id = up_record_get_id (UP_RECORD (stage));
          gtk_string_list_append (stage_filter, choice != NULL ? choice : up_stage_get_title (stage));
          gtk_string_list_append (stage_row, choice != NULL ? choice : up_stage_get_title (stage));
          g_array_append_val (self->stage_filter_ids, id);
          g_array_append_val (self->stage_row_ids, id);
        }

      stakeholders = up_project_get_stakeholders (self->project);
      names = count_texts (stakeholders, (TextFunc) up_stakeholder_get_name);
      by_name = g_ptr_array_new_with_free_func (g_object_unref);
      for (guint i = 0; i < g_list_model_get_n_items (stakeholders); i++)
        g_ptr_array_add (by_name, g_list_model_get_item (stakeholders, i));
      g_ptr_array_sort (by_name, compare_stakeholder_names);
      for (guint i = 0; i < by_name->len; i++)
        {
          UpStakeholder *person = g_ptr_array_index (by_name, i);
          const char *organisation = up_stakeholder_get_organisation (person);
          g_autofree char *choice = NULL;

          /* Two people of one name, by their organisation. */
          if (GPOINTER_TO_UINT (g_hash_table_lookup (names, up_stakeholder_get_name (person))) > 1 &&
              organisation != NULL && organisation[0] != '\0')
            choice = g_strdup_printf (_("%1$s (%2$s)"), up_stakeholder_get_name (person), organisation);

          id = up_record_get_id (UP_RECORD (person));
          gtk_string_list_append (people, choice != NULL ? choice : up_stakeholder_get_name (person));
          g_array_append_val (self->stakeholder_filter_ids, id);
        }
    }

  self->updating++;
  gtk_drop_down_set_model (self->stage_filter, G_LIST_MODEL (stage_filter));
  gtk_drop_down_set_selected (self->stage_filter, position_of (self->stage_filter_ids, stage_filter_id));
  gtk_drop_down_set_model (self->stakeholder_filter, G_LIST_MODEL (people));
  gtk_drop_down_set_selected (self->stakeholder_filter,
                              position_of (self->stakeholder_filter_ids, stakeholder_id));
  adw_combo_row_set_model (self->stage_row, G_LIST_MODEL (stage_row));
  self->updating--;
}

/* The notes that name the stakeholder the filter chose, as a set, or NULL
 * when it chose all: one query for the list, not one a note (61 ms for
 * 40,000 notes). */
static GHashTable *
stakeholder_notes (UpNotesView *self)
{
  gint64 person_id = id_at (self->stakeholder_filter_ids,
                            gtk_drop_down_get_selected (self->stakeholder_filter));
  g_autoptr(GPtrArray) notes = NULL;
  GHashTable *set = g_hash_table_new (NULL, NULL);
  UpRecord *person;

  if (person_id == ID_ALL)
    {
      g_hash_table_unref (set);
      return NULL;
    }

  person = up_project_lookup (self->project, "stakeholder", person_id);
  if (person != NULL && UP_IS_STAKEHOLDER (person))
    notes = up_project_list_stakeholder_notes (self->project, UP_STAKEHOLDER (person));
  for (guint i = 0; notes != NULL && i < notes->len; i++)
    g_hash_table_add (set, g_ptr_array_index (notes, i));
  return set;
}

/* @people_notes: from stakeholder_notes() */
static gboolean
passes_filters (UpNotesView *self,
                UpNote      *note,
                GHashTable  *people_notes)
{
  gint64 stage_id = id_at (self->stage_filter_ids, gtk_drop_down_get_selected (self->stage_filter));
  guint kind = gtk_drop_down_get_selected (self->kind_filter);
  guint visibility = gtk_drop_down_get_selected (self->visibility_filter);

  if (stage_id != ID_ALL && up_note_get_stage_id (note) != stage_id)
    return FALSE;
  /* Entry 0 is "all"; the others are the enum's values in order. */
  if (kind > 0 && kind != GTK_INVALID_LIST_POSITION &&
      g_strcmp0 (up_note_get_kind (note), up_note_kinds[kind - 1]) != 0)
    return FALSE;
  if (visibility > 0 && visibility != GTK_INVALID_LIST_POSITION &&
      g_strcmp0 (up_note_get_visibility (note), up_note_visibilities[visibility - 1]) != 0)
    return FALSE;

  if (people_notes != NULL && !g_hash_table_contains (people_notes, note))
    return FALSE;

  return TRUE;
}

/* --------------------------------------------------------------------- */
/* The list */

/* Whether the text from @start to @end holds no letter or digit: an
 * emoji, a flag, a sign. */
static gboolean
is_symbol_match (const char *start,
                 const char *end)
{
  for (const char *p = start; p < end; p = g_utf8_next_char (p))
    if (g_unichar_isalnum (g_utf8_get_char (p)))
      return FALSE;

  return start < end;
}

/* @text as markup with @ranges marked, a word's as MATCH_OPEN marks it, an
 * emoji's as SYMBOL_MATCH_OPEN does. up_search_markup() escapes the text
 * and leaves out a range that is not whole; it marks each piece here. */
static char *
matches_markup (const char   *text,
                const GArray *ranges)
{
  g_autoptr(GString) out = g_string_new (NULL);
  gsize length = strlen (text), position = 0;

  if (ranges == NULL || !g_utf8_validate (text, -1, NULL))
    return up_search_markup (text, ranges, MATCH_OPEN, MATCH_CLOSE);

  for (guint i = 0; i < ranges->len; i++)
    {
      const UpSearchRange *range = &g_array_index (ranges, UpSearchRange, i);
      g_autofree char *before = NULL;
      g_autofree char *found = NULL;
      gboolean symbol;

      if (range->start < position || range->start >= range->end || range->end > length ||
          (range->end < length && ((guchar) text[range->end] & 0xC0) == 0x80) ||
          ((guchar) text[range->start] & 0xC0) == 0x80)
        continue;

      symbol = is_symbol_match (text + range->start, text + range->end);
      before = g_markup_escape_text (text + position, range->start - position);
      found = g_markup_escape_text (text + range->start, range->end - range->start);
      g_string_append (out, before);
      g_string_append (out, symbol ? SYMBOL_MATCH_OPEN : MATCH_OPEN);
      g_string_append (out, found);
      g_string_append (out, symbol ? SYMBOL_MATCH_CLOSE : MATCH_CLOSE);
      position = range->end;
    }
  {
    g_autofree char *rest = g_markup_escape_text (text + position, length - position);

    g_string_append (out, rest);
  }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* @text, as much of it as a row shows (up_note_util_row_cut()), as markup
 * with @ranges marked: a match past the cut is not there to mark. */
static char *
row_matches_markup (const char   *text,
                    const GArray *ranges)
{
  gsize cut = up_note_util_row_cut (text);
  g_autofree char *shown = g_strndup (text, cut);
  g_autofree char *markup = ranges != NULL && ranges->len > 0 ? matches_markup (shown, ranges)
                                                              : up_search_markup (shown, NULL, MATCH_OPEN, MATCH_CLOSE);

  return text[cut] != '\0' ? g_strconcat (markup, "…", NULL) : g_steal_pointer (&markup);
}

/* The body as markup with the matches marked; a body whose first match is
 * far in is cut to an excerpt that starts shortly before it. */
static char *
hit_markup (UpSearchHit *hit)
{
  const UpSearchRange *first;
  g_autoptr(GArray) shifted = NULL;
  g_autofree char *inner = NULL;
  gsize start;

  if (hit->ranges->len == 0 || hit->body == NULL)
    return row_matches_markup (hit->body != NULL ? hit->body : "", NULL);

  first = &g_array_index (hit->ranges, UpSearchRange, 0);
  if (first->start <= EXCERPT_AFTER)
    return row_matches_markup (hit->body, hit->ranges);

  /* Back a little, to the start of a character, then on to a word. */
  start = first->start - EXCERPT_BEFORE;
  while (start > 0 && ((guchar) hit->body[start] & 0xC0) == 0x80)
    start--;
  for (gsize i = start; i < first->start; i++)
    if (hit->body[i] == ' ' || hit->body[i] == '\n')
      {
        start = i + 1;
        break;
      }

  shifted = g_array_new (FALSE, FALSE, sizeof (UpSearchRange));
  for (guint i = 0; i < hit->ranges->len; i++)
    {
      UpSearchRange range = g_array_index (hit->ranges, UpSearchRange, i);

      range.start -= start;
      range.end -= start;
      g_array_append_val (shifted, range);
    }

  inner = row_matches_markup (hit->body + start, shifted);
  return g_strconcat ("…", inner, NULL);
}

/* The filters that show fewer notes than all: set to other than their
 * first choice ("All Stages", "Public and Internal"). */
static guint
count_set_filters (UpNotesView *self)
{
  GtkDropDown *filters[] = { self->stage_filter, self->stakeholder_filter, self->kind_filter,
                             self->visibility_filter };
  guint n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (filters); i++)
    {
      guint selected = gtk_drop_down_get_selected (filters[i]);

      n += selected != 0 && selected != GTK_INVALID_LIST_POSITION;
    }

  return n;
}

/* The number on the Filters button, for a folded filter that still
 * decides what the list shows. */
static void
update_filter_button (UpNotesView *self)
{
  guint set = count_set_filters (self);
  g_autofree char *number = g_strdup_printf ("%'u", set);

  gtk_label_set_label (self->filter_count, number);
  gtk_widget_set_visible (GTK_WIDGET (self->filter_count), set > 0);
  if (set > 0)
    {
      /* Translators: The accessible description of the notes view's
       * Filters button: how many of its filters (stage, stakeholder, kind,
       * visibility) leave notes out. */
      g_autofree char *description = g_strdup_printf (ngettext ("%1$'u filter set", "%1$'u filters set", set), set);

      gtk_accessible_update_property (GTK_ACCESSIBLE (self->filter_button),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
    }
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self->filter_button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

static void
update_count (UpNotesView *self,
              guint        shown,
              guint        total)
{
  g_autofree char *text = NULL;

  if (shown == total)
    /* Translators: The number of notes in the notes view. */
    text = g_strdup_printf (ngettext ("%1$'u note", "%1$'u notes", total), total);
  else
    /* Translators: The number of notes a search or filter shows, of all
     * the notes of the project. */
    text = g_strdup_printf (ngettext ("%1$'u of %2$'u note", "%1$'u of %2$'u notes", total),
                            shown, total);

  gtk_label_set_label (self->count_label, text);
}

/* Fills a row of the note list for its note. */
static void
fill_note_row (UpNotesView *self,
               GtkListItem *item)
{
  UpNote *note = gtk_list_item_get_item (item);
  UpSearchHit *hit = self->hits != NULL ? g_hash_table_lookup (self->hits, note) : NULL;
  g_autofree char *markup = NULL;

  if (self->project == NULL || note == NULL)
    return;

  markup = hit != NULL ? hit_markup (hit) : up_note_util_row_markup (up_note_get_body (note));
  up_note_util_content_set (gtk_list_item_get_child (item), self->project, note, markup, TRUE);
}

static void
on_note_setup (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               UpNotesView              *self)
{
  gtk_list_item_set_child (item, up_note_util_content_new ());
}

static void
on_note_bind (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              UpNotesView              *self)
{
  fill_note_row (self, item);
  up_list_util_mark_item (gtk_list_item_get_child (item), gtk_list_item_get_item (item));
  g_ptr_array_add (self->bound_notes, item);
}

static void
on_note_unbind (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                UpNotesView              *self)
{
  up_list_util_mark_item (gtk_list_item_get_child (item), NULL);
  g_ptr_array_remove_fast (self->bound_notes, item);
}

static gboolean
listed_is (UpNotesView *self,
           guint        position,
           gpointer     note)
{
  g_autoptr(UpNote) listed = g_list_model_get_item (G_LIST_MODEL (self->listed), position);

  return listed == note;
}

/* Puts @notes in the store, replacing only the run between the part at the
 * start and the part at the end that stay as they are: an edit of one note
 * leaves the list where it was scrolled. */
static void
set_listed (UpNotesView *self,
            GPtrArray   *notes)
{
  guint old_n = g_list_model_get_n_items (G_LIST_MODEL (self->listed));
  guint head = 0, tail = 0;

  while (head < old_n && head < notes->len && listed_is (self, head, g_ptr_array_index (notes, head)))
    head++;
  while (tail < old_n - head && tail < notes->len - head &&
         listed_is (self, old_n - 1 - tail, g_ptr_array_index (notes, notes->len - 1 - tail)))
    tail++;

  if (head == old_n && head == notes->len)
    return;

  g_list_store_splice (self->listed, head, old_n - head - tail,
                       notes->pdata + head, notes->len - head - tail);
}

/* Selects the selected note where the list shows it, or nothing. */
static gboolean
select_listed (UpNotesView *self)
{
  GListModel *model = G_LIST_MODEL (self->listed);
  guint position = GTK_INVALID_LIST_POSITION;

  for (guint i = 0; self->selected_id > 0 && i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(UpNote) note = g_list_model_get_item (model, i);

      if (up_record_get_id (UP_RECORD (note)) == self->selected_id)
        {
          position = i;
          break;
        }
    }

  self->updating++;
  gtk_single_selection_set_selected (self->selection, position);
  self->updating--;

  return position != GTK_INVALID_LIST_POSITION;
}

/* @by_user: the search or a filter changed, rather than the notes. A note
 * that an edit of its own takes out of the search stays in the editor
 * while it is being edited; one that the user's search hides does not. */
static void
rebuild_list (UpNotesView *self,
              gboolean     by_user)
{
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *trimmed = g_strstrip (g_strdup (query));
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) found = NULL;
  g_autoptr(GHashTable) people_notes = NULL;
  guint total = self->project != NULL ? g_list_model_get_n_items (up_project_get_notes (self->project)) : 0;
  gboolean selected;

  self->dirty = FALSE;
  self->updating++;
  if (self->project != NULL)
    people_notes = stakeholder_notes (self);

  /* Only spaces list every note, as an empty entry does; anything else is
   * searched for (the core finds an emoji or signs as they are written). */
  if (self->project != NULL && *trimmed != '\0')
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) hits = up_project_search_notes (self->project, query, &error);

      if (hits == NULL)
        report_error (self, error);
      else
        g_ptr_array_set_free_func (hits, NULL);
      found = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) up_search_hit_free);
      for (guint i = 0; hits != NULL && i < hits->len; i++)
        {
          UpSearchHit *hit = g_ptr_array_index (hits, i);

          if (!passes_filters (self, hit->note, people_notes))
            {
              up_search_hit_free (hit);
              continue;
            }
          g_ptr_array_add (notes, g_object_ref (hit->note));
          g_hash_table_insert (found, hit->note, hit);
        }
    }
  else if (self->project != NULL)
    {
      GListModel *model = up_project_get_notes (self->project);

      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        {
          UpNote *note = g_list_model_get_item (model, i);

          if (passes_filters (self, note, people_notes))
            g_ptr_array_add (notes, note);
          else
            g_object_unref (note);
        }
      g_ptr_array_sort (notes, up_note_compare_newest_first);
    }

  /* The hits first: the rows that the store's change makes are filled
   * from them. The rows that stay are filled again, for the edit. */
  g_clear_pointer (&self->hits, g_hash_table_unref);
  self->hits = g_steal_pointer (&found);
  set_listed (self, notes);
  for (guint i = 0; i < self->bound_notes->len; i++)
    fill_note_row (self, g_ptr_array_index (self->bound_notes, i));

  selected = select_listed (self);
  if (by_user || selected)
    self->selected_listed = selected;
  self->updating--;

  update_count (self, notes->len, total);
  update_filter_button (self);
  gtk_stack_set_visible_child_name (self->main_stack, total == 0 ? "empty" : "notes");
  gtk_stack_set_visible_child_name (self->list_stack, notes->len == 0 ? "no-results" : "list");
  load_editor (self);
}

static void
queue_rebuild (UpNotesView *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      rebuild_choices (self);
      rebuild_list (self, FALSE);
    }
  else
    self->dirty = TRUE;
}

/* --------------------------------------------------------------------- */
/* The editor */

static char *
get_body_text (UpNotesView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->body_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);

  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
commit_body (UpNotesView *self)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  UpNote *note;

  g_clear_handle_id (&self->body_timeout_id, g_source_remove);
  if (!self->body_dirty)
    return;
  self->body_dirty = FALSE;

  note = lookup_note (self, self->body_note_id);
  if (note == NULL)
    return;

  text = get_body_text (self);
  if (g_strcmp0 (text, up_note_get_body (note)) == 0)
    return;

  if (!up_project_set_string (self->project, note, "body", text, &error))
    report_error (self, error);
}

static gboolean
on_body_timeout (gpointer user_data)
{
  UpNotesView *self = user_data;

  self->body_timeout_id = 0;
  commit_body (self);

  return G_SOURCE_REMOVE;
}

static void
on_body_changed (UpNotesView   *self,
                 GtkTextBuffer *buffer)
{
  if (self->updating)
    return;

  self->body_dirty = TRUE;
  g_clear_handle_id (&self->body_timeout_id, g_source_remove);
  self->body_timeout_id = g_timeout_add (BODY_COMMIT_MS, on_body_timeout, self);
}

static gboolean
focus_left_for_real (GtkEventController *controller)
{
  GtkRoot *root = gtk_widget_get_root (gtk_event_controller_get_widget (controller));

  /* Focus also "leaves" when another application comes to the front; the
   * text is committed after the pause then anyway. */
  return !GTK_IS_WINDOW (root) || gtk_window_is_active (GTK_WINDOW (root));
}

static void
on_body_focus_leave (UpNotesView             *self,
                     GtkEventControllerFocus *controller)
{
  if (focus_left_for_real (GTK_EVENT_CONTROLLER (controller)))
    commit_body (self);
}

static gboolean
on_leave_idle (gpointer user_data)
{
  UpNotesView *self = user_data;

  self->leave_idle_id = 0;
  if (self->new_note_id != self->selected_id)
    leave_new_note (self);

  return G_SOURCE_REMOVE;
}

/* Escape leaves the text: for the note's row in the list, or for Add Note
 * when the note just added goes again with nothing in it. */
static gboolean
on_body_key_pressed (UpNotesView           *self,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state,
                     GtkEventControllerKey *controller)
{
  if (keyval != GDK_KEY_Escape || (state & gtk_accelerator_get_default_mod_mask ()) != 0)
    return FALSE;

  commit_body (self);
  if (leave_new_note (self) ||
      !up_list_util_focus_item (GTK_WIDGET (self->note_list),
                                gtk_single_selection_get_selected (self->selection),
                                gtk_single_selection_get_selected_item (self->selection)))
    gtk_widget_grab_focus (GTK_WIDGET (self->add_button));

  return TRUE;
}

/* What a note was given besides its text, to tell whether it changed: its
 * fields and the stakeholders it names. */
static char *
note_state (UpNotesView *self,
            UpNote      *note)
{
  g_autoptr(GPtrArray) people = up_project_list_note_stakeholders (self->project, note);
  GString *state = g_string_new (NULL);

  g_string_printf (state, "%s\n%s\n%s\n%" G_GINT64_FORMAT,
                   up_note_get_kind (note), up_note_get_said_on (note),
                   up_note_get_visibility (note), up_note_get_stage_id (note));
  for (guint i = 0; i < people->len; i++)
    g_string_append_printf (state, " %" G_GINT64_FORMAT, up_record_get_id (g_ptr_array_index (people, i)));

  return g_string_free (state, FALSE);
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;

  return TRUE;
}

/* The note Add Note made is left: another note chosen, Add Note again,
 * Escape in its text, the view or the project left. A note left as it
 * was made (no text, no other field changed, no stakeholder ticked or
 * unticked) was never
 * used: it goes again as if it had never been added, leaving the user no
 * "Add Note" to undo and no "Delete Note" either. Only when other edits
 * came after its add can it not be taken back: it is deleted then, as one
 * more step after those. Returns whether it went. */
static gboolean
leave_new_note (UpNotesView *self)
{
  g_autofree char *state = g_steal_pointer (&self->new_note_state);
  g_autofree char *now = NULL;
  g_autoptr(GPtrArray) links = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = self->new_note_id;
  UpNote *note;
  gboolean ok;

  self->new_note_id = 0;
  note = lookup_note (self, id);
  if (note == NULL)
    return FALSE;

  commit_body (self);
  if (!is_blank (up_note_get_body (note)))
    return FALSE;
  now = note_state (self, note);
  links = up_project_list_sdg_links (self->project, UP_RECORD (note));
  if (g_strcmp0 (now, state) != 0 || links->len > 0)
    return FALSE;

  if (up_project_can_withdraw (self->project, note))
    ok = up_project_withdraw (self->project, note, &error);
  else
    ok = up_project_delete_note (self->project, note, &error);
  if (!ok)
    report_error (self, error);

  return ok;
}

static void commit_said_on (UpNotesView *self);

/* The project's "commit-pending": commits the text being typed (the body,
 * and a date typed in Said On: it was lost at Ctrl+Q) and takes back a
 * note just added and left empty, as leaving the view does (before the
 * window closes, whose save would not wait for them). A half-typed date
 * is not committed in passing, as in the stage panel: it would only be
 * refused. */
static void
commit_pending (UpNotesView *self)
{
  commit_body (self);
  if (self->built && up_date_is_valid (gtk_editable_get_text (GTK_EDITABLE (self->said_row))))
    commit_said_on (self);
  leave_new_note (self);
}

static void
set_editable_text (GtkEditable *editable,
                   const char  *text)
{
  /* Setting the same text again would move the cursor while typing. */
  if (g_strcmp0 (gtk_editable_get_text (editable), text ? text : "") != 0)
    gtk_editable_set_text (editable, text ? text : "");
}

static void
on_stakeholder_toggled (UpNotesView    *self,
                        GtkCheckButton *check)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (check), "stakeholder-id"));
  UpNote *note = lookup_note (self, self->selected_id);
  UpRecord *person;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (self->updating || note == NULL)
    return;

  person = up_project_lookup (self->project, "stakeholder", id);
  if (person == NULL)
    return;

  if (gtk_check_button_get_active (check))
    ok = up_project_link_note_stakeholder (self->project, note, UP_STAKEHOLDER (person), &error);
  else
    ok = up_project_unlink_note_stakeholder (self->project, note, UP_STAKEHOLDER (person), &error);

  if (!ok)
    {
      report_error (self, error);
      load_editor (self);
    }
}

/* The editor's stakeholders: a check for each, on whether it is linked to
 * the note. A toggle links a stakeholder, and the change comes back here
 * while the check is still in its own signal: the rows stay, and only
 * their state is set again. */

static void
fill_person_row (UpNotesView *self,
                 GtkListItem *item)
{
  UpStakeholder *person = gtk_list_item_get_item (item);
  GtkWidget *check = gtk_list_item_get_child (item);
  gint64 id;

  if (person == NULL)
    return;

  id = up_record_get_id (UP_RECORD (person));
  g_object_set_data (G_OBJECT (check), "stakeholder-id", GSIZE_TO_POINTER (id));
  /* Names come from the user: no markup. */
  gtk_label_set_label (g_object_get_data (G_OBJECT (check), "name"), up_stakeholder_get_name (person));
  gtk_label_set_label (g_object_get_data (G_OBJECT (check), "organisation"),
                       up_stakeholder_get_organisation (person));
  gtk_widget_set_visible (g_object_get_data (G_OBJECT (check), "organisation"),
                          *up_stakeholder_get_organisation (person) != '\0');
  /* A check with a box for a child has no name of its own: a screen
   * reader said "GtkCheckButton" for every stakeholder. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, up_stakeholder_get_name (person),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, up_stakeholder_get_organisation (person),
                                  -1);

  self->updating++;
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                               g_hash_table_contains (self->linked_people, GSIZE_TO_POINTER (id)));
  self->updating--;
}

static void
on_person_setup (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 UpNotesView              *self)
{
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *organisation = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (organisation), 0);
  gtk_label_set_ellipsize (GTK_LABEL (organisation), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (organisation, "caption");
  gtk_widget_add_css_class (organisation, "dim-label");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), organisation);
  gtk_widget_set_margin_start (box, 6);
  gtk_check_button_set_child (GTK_CHECK_BUTTON (check), box);
  gtk_widget_add_css_class (check, "note-stakeholder");
  g_object_set_data (G_OBJECT (check), "name", name);
  g_object_set_data (G_OBJECT (check), "organisation", organisation);
  g_signal_connect_object (check, "toggled", G_CALLBACK (on_stakeholder_toggled), self, G_CONNECT_SWAPPED);
  /* The check is what takes the focus and the click, not the row around it. */
  gtk_list_item_set_activatable (item, FALSE);
  gtk_list_item_set_child (item, check);
}

static void
on_person_bind (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                UpNotesView              *self)
{
  fill_person_row (self, item);
  g_ptr_array_add (self->bound_people, item);
}

static void
on_person_unbind (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  UpNotesView              *self)
{
  g_ptr_array_remove_fast (self->bound_people, item);
}

/* A strategist remembers where someone works as often as the name
 * ("Trafikverket"): the search finds either, as the register's does. */
static gboolean
person_matches (gpointer item,
                gpointer user_data)
{
  UpNotesView *self = user_data;
  UpStakeholder *person = item;

  return self->people_key == NULL ||
         up_text_util_matches (up_stakeholder_get_name (person), self->people_key) ||
         up_text_util_matches (up_stakeholder_get_organisation (person), self->people_key);
}

static void
set_people_search (UpNotesView *self,
                   const char  *text)
{
  g_autofree char *key = text != NULL ? up_text_util_search_key (text) : NULL;
  gboolean narrower;

  if (key != NULL && *key == '\0')
    g_clear_pointer (&key, g_free);
  if (g_strcmp0 (key, self->people_key) == 0)
    return;

  /* A key that holds the last one finds among what it found. */
  narrower = key != NULL && self->people_key != NULL && strstr (key, self->people_key) != NULL;
  g_free (self->people_key);
  self->people_key = g_steal_pointer (&key);
  gtk_filter_changed (GTK_FILTER (self->people_filter),
                      narrower ? GTK_FILTER_CHANGE_MORE_STRICT : GTK_FILTER_CHANGE_DIFFERENT);
}

static void
on_stakeholder_search_changed (UpNotesView *self)
{
  set_people_search (self, gtk_editable_get_text (GTK_EDITABLE (self->stakeholder_search)));
}

/* The list is as high as the stakeholders the search shows (up to a
 * height of its own, then it scrolls), and gives way to a line that says
 * so when it shows nobody. */
static void
fit_people (UpNotesView *self)
{
  guint n = self->project != NULL ? g_list_model_get_n_items (up_project_get_stakeholders (self->project)) : 0;
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->people));

  up_scroller_fit_shown (GTK_SCROLLED_WINDOW (self->stakeholder_scroller), n,
                         STAKEHOLDER_SEARCH_FROM, STAKEHOLDER_LIST_HEIGHT);
  gtk_widget_set_visible (self->stakeholder_scroller, shown > 0);
  gtk_widget_set_visible (self->stakeholder_no_match, n > 0 && shown == 0);
}

static void
load_stakeholders (UpNotesView *self,
                   UpNote      *note)
{
  g_autoptr(GPtrArray) linked = up_project_list_note_stakeholders (self->project, note);
  GListModel *people = up_project_get_stakeholders (self->project);
  guint n = g_list_model_get_n_items (people);

  g_hash_table_remove_all (self->linked_people);
  for (guint i = 0; i < linked->len; i++)
    g_hash_table_add (self->linked_people,
                      GSIZE_TO_POINTER (up_record_get_id (g_ptr_array_index (linked, i))));

  if (gtk_filter_list_model_get_model (self->people) != people)
    gtk_filter_list_model_set_model (self->people, people);

  /* Another note starts at the top of the list, unfiltered: a search left
   * from the last note would hide this one's stakeholders. */
  if (self->people_note_id != up_record_get_id (UP_RECORD (note)))
    {
      self->people_note_id = up_record_get_id (UP_RECORD (note));
      gtk_editable_set_text (GTK_EDITABLE (self->stakeholder_search), "");
      set_people_search (self, NULL);
      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->stakeholder_scroller)), 0);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->stakeholder_search), n > STAKEHOLDER_SEARCH_FROM);
  /* Where the list scrolls, the ticked ones are far apart: a count, of
   * them all whatever the search shows, as over a local goal's stages. */
  gtk_widget_set_visible (GTK_WIDGET (self->people_count), n > STAKEHOLDER_SEARCH_FROM);
  if (n > STAKEHOLDER_SEARCH_FROM)
    {
      /* Translators: Over the stakeholders in a note's editor: how many
       * of them all (%2$u) are ticked as linked to the note (%1$u). */
      g_autofree char *count = g_strdup_printf (ngettext ("%1$'u of %2$'u chosen", "%1$'u of %2$'u chosen", n),
                                                g_hash_table_size (self->linked_people), n);

      gtk_label_set_text (self->people_count, count);
    }
  gtk_widget_set_visible (self->stakeholder_placeholder, n == 0);
  fit_people (self);

  for (guint i = 0; i < self->bound_people->len; i++)
    fill_person_row (self, g_ptr_array_index (self->bound_people, i));
}

static void
load_editor (UpNotesView *self)
{
  UpNote *note = self->selected_listed ? lookup_note (self, self->selected_id) : NULL;
  g_autofree char *body = NULL;

  gtk_widget_set_sensitive (GTK_WIDGET (self->delete_button), note != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "notes.delete", note != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "notes.show-stage",
                                 note != NULL && up_note_get_stage_id (note) > 0);
  if (note == NULL)
    {
      gtk_stack_set_visible_child_name (self->editor_stack, "none");
      return;
    }

  self->updating++;

  /* Text being typed wins over the model until it is committed. */
  if (!(self->body_dirty && self->body_note_id == self->selected_id))
    {
      body = get_body_text (self);
      if (g_strcmp0 (body, up_note_get_body (note)) != 0)
        gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->body_view),
                                  up_note_get_body (note), -1);
    }
  self->body_note_id = self->selected_id;

  if (!gtk_widget_has_focus (GTK_WIDGET (self->said_row)) ||
      up_date_is_valid (gtk_editable_get_text (GTK_EDITABLE (self->said_row))))
    set_editable_text (GTK_EDITABLE (self->said_row), up_note_get_said_on (note));
  adw_combo_row_set_selected (self->kind_row, enum_index (up_note_kinds, up_note_get_kind (note)));
  adw_combo_row_set_selected (self->visibility_row,
                              enum_index (up_note_visibilities, up_note_get_visibility (note)));
  adw_combo_row_set_selected (self->stage_row,
                              position_of (self->stage_row_ids, up_note_get_stage_id (note)));
  load_stakeholders (self, note);

  self->updating--;

  gtk_stack_set_visible_child_name (self->editor_stack, "editor");
}

static void
commit_said_on (UpNotesView *self)
{
  UpNote *note = lookup_note (self, self->selected_id);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->said_row));
  g_autoptr(GError) error = NULL;

  if (note == NULL || g_strcmp0 (text, up_note_get_said_on (note)) == 0)
    return;

  if (!up_project_set_string (self->project, note, "said-on", text, &error))
    {
      report_error (self, error);
      set_editable_text (GTK_EDITABLE (self->said_row), up_note_get_said_on (note));
    }
}

static void
on_said_activated (UpNotesView *self)
{
  commit_said_on (self);
}

/* A date typed and left in the field (the phone rang) is committed after
 * a pause, as the note's text is, so that a crash does not lose it; a
 * half-typed date waits for the field to be left, where it is refused
 * with a reason, not while typing. */
static void
on_said_typing_paused (UpNotesView *self)
{
  if (up_date_is_valid (gtk_editable_get_text (GTK_EDITABLE (self->said_row))))
    commit_said_on (self);
}

static void
on_said_changed (UpNotesView *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->said_row));

  /* A hint while typing; the check that counts is the core's, on commit. */
  up_entry_row_set_invalid (self->said_row, text[0] != '\0' && !up_date_is_valid (text));
}

static void
on_said_focus_leave (UpNotesView             *self,
                     GtkEventControllerFocus *controller)
{
  /* Opening the calendar moves the focus into its popover: not an edit. */
  if (gtk_widget_get_visible (GTK_WIDGET (gtk_menu_button_get_popover (self->calendar_button))))
    return;

  if (focus_left_for_real (GTK_EVENT_CONTROLLER (controller)))
    commit_said_on (self);
}

static void
on_popover_show (UpNotesView *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->said_row));
  UpNote *note = lookup_note (self, self->selected_id);
  GDate date;

  if (!up_date_parse (text, &date) &&
      (note == NULL || !up_date_parse (up_note_get_said_on (note), &date)))
    return;

  self->updating++;
  {
    g_autoptr(GDateTime) datetime = g_date_time_new_local (g_date_get_year (&date),
                                                           g_date_get_month (&date),
                                                           g_date_get_day (&date), 0, 0, 0);
    if (datetime != NULL)
      gtk_calendar_select_day (self->calendar, datetime);
  }
  self->updating--;
}

static void
on_day_selected (UpNotesView *self)
{
  g_autoptr(GDateTime) datetime = NULL;
  g_autofree char *iso = NULL;

  if (self->updating)
    return;

  datetime = gtk_calendar_get_date (self->calendar);
  iso = g_date_time_format (datetime, "%Y-%m-%d");
  gtk_editable_set_text (GTK_EDITABLE (self->said_row), iso);
  gtk_menu_button_popdown (self->calendar_button);
  commit_said_on (self);
}

static void
commit_choice (UpNotesView        *self,
               const char         *property,
               const char * const *values,
               guint               position)
{
  UpNote *note = lookup_note (self, self->selected_id);
  g_autoptr(GError) error = NULL;

  if (self->updating || note == NULL || position == GTK_INVALID_LIST_POSITION ||
      position >= g_strv_length ((char **) values))
    return;

  if (g_strcmp0 (up_record_get_string (UP_RECORD (note), property), values[position]) == 0)
    return;

  if (!up_project_set_string (self->project, note, property, values[position], &error))
    {
      report_error (self, error);
      load_editor (self);
    }
}

static void
on_kind_selected (UpNotesView *self)
{
  commit_choice (self, "kind", up_note_kinds, adw_combo_row_get_selected (self->kind_row));
}

static void
on_visibility_selected (UpNotesView *self)
{
  commit_choice (self, "visibility", up_note_visibilities,
                 adw_combo_row_get_selected (self->visibility_row));
}

static void
on_stage_selected (UpNotesView *self)
{
  UpNote *note = lookup_note (self, self->selected_id);
  guint position = adw_combo_row_get_selected (self->stage_row);
  g_autoptr(GError) error = NULL;
  gint64 stage_id;

  if (self->updating || note == NULL || position >= self->stage_row_ids->len)
    return;

  stage_id = g_array_index (self->stage_row_ids, gint64, position);
  if (stage_id == up_note_get_stage_id (note))
    return;

  if (!up_project_set_int (self->project, note, "stage-id", stage_id, &error))
    {
      report_error (self, error);
      load_editor (self);
    }
}

/* --------------------------------------------------------------------- */
/* List, search and buttons */

static void
on_selection_changed (UpNotesView *self)
{
  UpNote *note;
  gint64 id;

  if (self->updating)
    return;

  note = gtk_single_selection_get_selected_item (self->selection);
  id = note != NULL ? up_record_get_id (UP_RECORD (note)) : 0;

  /* Committing the text of the note left may fill the list again, with
   * that note selected: select the chosen one again then. */
  commit_body (self);
  self->selected_id = id;
  /* A new note left empty goes once the selection has settled: taking a
   * row out of the list inside its selection-changed crashes GTK 4.8's
   * list view, which handles the signal after us. */
  if (self->new_note_id != 0 && self->new_note_id != id && self->leave_idle_id == 0)
    self->leave_idle_id = g_idle_add (on_leave_idle, self);
  self->selected_listed = id > 0 && select_listed (self);
  load_editor (self);
}

/* Escape in a search field empties it, as in every GNOME search. */
static void
on_stop_search (GtkSearchEntry *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

/* What a search or a filter the user set found, from its first: GTK's list
 * view keeps the note that was at its top in sight through a change of
 * its model, and typing "larm" in the list as it opened showed the last
 * of 12 hits, the best ones above, out of sight. */
static void
show_first_listed (UpNotesView *self)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (self->listed)) > 0)
    gtk_widget_activate_action (GTK_WIDGET (self->note_list), "list.scroll-to-item", "u", 0);
}

static void
on_search_changed (UpNotesView *self)
{
  if (self->updating)
    return;

  rebuild_list (self, TRUE);
  show_first_listed (self);
}

static void
on_filter_changed (UpNotesView *self)
{
  if (self->updating || self->project == NULL)
    return;

  rebuild_list (self, TRUE);
  show_first_listed (self);
}

/* The way out of a search and filters that leave nothing: every note
 * again, in one rebuild, the note being edited still chosen, and the
 * focus in the search field, where the next search is typed. */
static void
on_show_all_clicked (UpNotesView *self)
{
  GtkDropDown *filters[] = { self->stage_filter, self->stakeholder_filter, self->kind_filter,
                             self->visibility_filter };

  self->updating++;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  for (guint i = 0; i < G_N_ELEMENTS (filters); i++)
    gtk_drop_down_set_selected (filters[i], 0);
  self->updating--;

  rebuild_list (self, TRUE);
  show_first_listed (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* Sets the stage filter to @stage and the stakeholder filter to @person
 * (NULL: all), with the choices as the project has them now (the view may
 * have been out of sight since a change). */
static void
choose_filters (UpNotesView   *self,
                UpStage       *stage,
                UpStakeholder *person)
{
  self->updating++;
  rebuild_choices (self);
  gtk_drop_down_set_selected (self->stage_filter,
                              stage != NULL ? position_of (self->stage_filter_ids, up_record_get_id (UP_RECORD (stage)))
                                            : 0);
  gtk_drop_down_set_selected (self->stakeholder_filter,
                              person != NULL ? position_of (self->stakeholder_filter_ids,
                                                            up_record_get_id (UP_RECORD (person)))
                                             : 0);
  self->updating--;
}

/* Adds an empty note, said today, for the user to write: at the stage the
 * stage filter chose, or, with @person, about them, the two in one undo
 * step. The note is shown whatever the search and the filters, but for
 * the filter that gave it its stage or its stakeholder. */
static void
add_note (UpNotesView   *self,
          UpStakeholder *person)
{
  gint64 stage_id = id_at (self->stage_filter_ids, gtk_drop_down_get_selected (self->stage_filter));
  UpRecord *stage = stage_id > 0 && person == NULL ? up_project_lookup (self->project, "stage", stage_id) : NULL;
  g_autofree char *today = up_note_util_today ();
  g_autoptr(GError) error = NULL;
  UpNote *note;

  if (self->project == NULL)
    return;

  commit_body (self);
  leave_new_note (self);

  self->updating++;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  if (person != NULL)
    choose_filters (self, NULL, person);
  else
    gtk_drop_down_set_selected (self->stakeholder_filter, 0);
  gtk_drop_down_set_selected (self->kind_filter, 0);
  gtk_drop_down_set_selected (self->visibility_filter, 0);
  self->updating--;

  if (person != NULL)
    up_project_begin_group (self->project, _("Add Note"));
  note = up_project_add_note (self->project, "", up_note_util_default_kind (UP_STAGE (stage)),
                              today, UP_STAGE (stage), &error);
  if (person != NULL)
    {
      /* end_group() rolls the group back after an error. */
      if (note == NULL || !up_project_link_note_stakeholder (self->project, note, person, &error))
        {
          up_project_end_group (self->project, NULL);
          note = NULL;
        }
      else if (!up_project_end_group (self->project, &error))
        {
          note = NULL;
        }
    }
  if (note == NULL)
    {
      report_error (self, error);
      rebuild_list (self, TRUE);
      return;
    }

  self->selected_id = up_record_get_id (UP_RECORD (note));
  self->new_note_id = self->selected_id;
  self->new_note_state = note_state (self, note);
  rebuild_list (self, TRUE);
  /* whole in sight, also where it lands right below the rows in sight
   * (notes said on later days above it) */
  if (gtk_single_selection_get_selected (self->selection) != GTK_INVALID_LIST_POSITION)
    up_list_util_scroll_to_item (GTK_WIDGET (self->note_list), gtk_single_selection_get_selected (self->selection),
                                 gtk_single_selection_get_selected_item (self->selection));
  gtk_widget_grab_focus (GTK_WIDGET (self->body_view));
}

static void
on_add_clicked (UpNotesView *self)
{
  add_note (self, NULL);
}

static void
on_delete_clicked (UpNotesView *self)
{
  UpNote *note;
  g_autoptr(GError) error = NULL;
  AdwToast *toast;

  commit_body (self);
  note = self->selected_listed ? lookup_note (self, self->selected_id) : NULL;
  if (note == NULL)
    return;

  /* A note just added with nothing in it goes without a trace. */
  if (self->new_note_id == self->selected_id && leave_new_note (self))
    {
      if (gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self))) == NULL)
        gtk_widget_grab_focus (GTK_WIDGET (self->add_button));
      return;
    }

  if (!up_project_delete_note (self->project, note, &error))
    {
      report_error (self, error);
      return;
    }

  toast = up_undo_toast_new (self->project, _("Note deleted"));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);

  /* The button went insensitive with the note and dropped the focus: the
   * next Tab started at the window's first button. */
  if (gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self))) == NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->add_button));
}

/* A stage or a stakeholder changed: the choices of the filters and of the
 * editor, and the rows that name them. */
static void
on_project_changed (UpNotesView *self)
{
  queue_rebuild (self);
}

/* A note or its stakeholders changed: the list only. The choices hold the
 * stages and stakeholders, which can be thousands. */
static void
on_notes_changed (UpNotesView *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    rebuild_list (self, FALSE);
  else
    self->dirty = TRUE;
}

/* --------------------------------------------------------------------- */
/* The filters' layout */

#define FILTER_SPACING 6

/* The widest choice the filters show, at its natural width. */
static int
widest_filter (GtkWidget *box)
{
  int widest = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (box); child; child = gtk_widget_get_next_sibling (child))
    {
      int natural = 0;

      if (!gtk_widget_should_layout (child))
        continue;
      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
      widest = MAX (widest, natural);
    }

  return widest;
}

static guint
count_filters (GtkWidget *box)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (box); child; child = gtk_widget_get_next_sibling (child))
    n += gtk_widget_should_layout (child);

  return n;
}

/* Two filters a row where each shows its choice whole at @width, else one
 * a row, so that "All Stakeholders" is not cut to "All Stake…" in a
 * narrow list (a long stage title may still be). */
static int
filter_columns (GtkWidget *box,
                int        width)
{
  return width < 0 || 2 * widest_filter (box) + FILTER_SPACING <= width ? 2 : 1;
}

static int
filter_rows (GtkWidget *box,
             int        columns)
{
  return MAX (1, ((int) count_filters (box) + columns - 1) / columns);
}

static GtkSizeRequestMode
filter_request_mode (GtkWidget *box)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
filter_measure (GtkWidget      *box,
                GtkOrientation  orientation,
                int             for_size,
                int            *minimum,
                int            *natural,
                int            *minimum_baseline,
                int            *natural_baseline)
{
  int child_min = 0, child_nat = 0;
  int rows;

  for (GtkWidget *child = gtk_widget_get_first_child (box); child; child = gtk_widget_get_next_sibling (child))
    {
      int min = 0, nat = 0;

      if (!gtk_widget_should_layout (child))
        continue;
      gtk_widget_measure (child, orientation, -1, &min, &nat, NULL, NULL);
      child_min = MAX (child_min, min);
      child_nat = MAX (child_nat, nat);
    }

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = child_min;
      *natural = 2 * child_nat + FILTER_SPACING;
      return;
    }

  rows = filter_rows (box, filter_columns (box, for_size));
  *minimum = rows * child_min + (rows - 1) * FILTER_SPACING;
  *natural = rows * child_nat + (rows - 1) * FILTER_SPACING;
}

static void
filter_allocate (GtkWidget *box,
                 int        width,
                 int        height,
                 int        baseline)
{
  int columns = filter_columns (box, width);
  int rows = filter_rows (box, columns);
  int column_width = (width - (columns - 1) * FILTER_SPACING) / columns;
  int row_height = (height - (rows - 1) * FILTER_SPACING) / rows;
  int i = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (box); child; child = gtk_widget_get_next_sibling (child))
    {
      if (!gtk_widget_should_layout (child))
        continue;
      gtk_widget_size_allocate (child,
                                &(GtkAllocation) { (i % columns) * (column_width + FILTER_SPACING),
                                                   (i / columns) * (row_height + FILTER_SPACING),
                                                   column_width, row_height },
                                -1);
      i++;
    }
}

/* The label a drop-down shows its choice in: its button's, not its
 * popup's, nor the one GTK shows when nothing is chosen. */
static GtkWidget *
choice_label (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *label;

      if (GTK_IS_NATIVE (child) || !gtk_widget_get_visible (child) || !gtk_widget_get_child_visible (child))
        continue;
      if (GTK_IS_LABEL (child))
        return child;
      label = choice_label (child);
      if (label != NULL)
        return label;
    }

  return NULL;
}

static int
natural_width (GtkWidget *widget)
{
  int natural = 0;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);

  return natural;
}

/* The natural width of @filter showing its first choice ("All Stages",
 * "Public and Internal"), whatever it shows now: its own, with the
 * chosen text's label measured again with the first choice's text in its
 * font. GTK 4.8's drop-down shows the choice in a stack, beside its
 * "(None)" for no choice, which is as wide as the wider of them. */
static int
unset_filter_width (GtkWidget *filter)
{
  GtkWidget *label = choice_label (filter);
  GListModel *model = gtk_drop_down_get_model (GTK_DROP_DOWN (filter));
  GtkWidget *stack, *page;
  g_autoptr(GtkStringObject) first = NULL;
  g_autoptr(PangoLayout) layout = NULL;
  PangoRectangle logical;
  int choice, others = 0;

  if (label == NULL || model == NULL || g_list_model_get_n_items (model) == 0)
    return natural_width (filter);
  first = g_list_model_get_item (model, 0);
  layout = gtk_widget_create_pango_layout (label, gtk_string_object_get_string (first));
  pango_layout_get_extents (layout, NULL, &logical);
  choice = PANGO_PIXELS_CEIL (logical.width) - natural_width (label);

  stack = gtk_widget_get_ancestor (label, GTK_TYPE_STACK);
  if (stack == NULL || !gtk_widget_is_ancestor (stack, filter))
    return natural_width (filter) + choice;
  page = label;
  while (gtk_widget_get_parent (page) != stack)
    page = gtk_widget_get_parent (page);
  choice += natural_width (page);
  for (GtkWidget *child = gtk_widget_get_first_child (stack); child; child = gtk_widget_get_next_sibling (child))
    if (child != page && gtk_widget_should_layout (child))
      others = MAX (others, natural_width (child));

  return natural_width (filter) - natural_width (stack) + MAX (choice, others);
}

/* The height of the filters at @width as filter_measure() finds it with
 * no filter set, every one at its first choice. The fold is decided on
 * it, not on the choices shown: "Allmänna handlingar", shorter than
 * "Allmänna och interna", put the Swedish filters two a row and unfolded
 * them, the button going from under the user's hand. Their widest choices
 * would fold the English ones on a screen of 1,024 × 600 ("Internal
 * working note" alone puts them one a row), which two a row leave the
 * notes room enough; a choice that wide makes them one a row, and taller,
 * but neither folds nor unfolds them. */
static int
unset_filters_height (GtkWidget *box,
                      int        width)
{
  int widest = 0;
  int height = 0;
  int columns, rows;

  for (GtkWidget *child = gtk_widget_get_first_child (box); child; child = gtk_widget_get_next_sibling (child))
    {
      int natural = 0;

      if (!gtk_widget_should_layout (child))
        continue;
      widest = MAX (widest, unset_filter_width (child));
      gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, -1, NULL, &natural, NULL, NULL);
      height = MAX (height, natural);
    }

  columns = 2 * widest + FILTER_SPACING <= width ? 2 : 1;
  rows = filter_rows (box, columns);

  return rows * height + (rows - 1) * FILTER_SPACING;
}

/* The filters fold behind the Filters button beside the search where,
 * shown, they would take more than 22 % of the list's column: the
 * Swedish ones, one a row in a column of 420 px, left the notes room for
 * two and a half on a screen of 1,024 × 600 px, and four on one of 720 px
 * high; at the app's first size (800 px high) and in a taller window they
 * stay in sight, as do the English ones, two a row, but in a tiny window.
 * The button says how many are set; pressed, it shows them above the
 * list. */
#define FILTERS_MAX_PERCENT 22

/* The list's column: the search with the Filters button beside it, the
 * filters, the count, the list and its action bar, one under the other
 * as a vertical box lays them out, in a layout of its own so that it
 * decides the fold as it allocates, before the frame is drawn. Folding
 * hides the filters and shows the button by their child visibility
 * (as a paned or a stack hides a child), which asks for no new size:
 * showing or hiding them would have asked for one while allocating, and
 * so a second layout, or, put off to an idle, drawn a frame with the
 * filters unfolded first. */
#define COLUMN_MARGIN 12
#define COLUMN_SPACING 6

/* Whether the filters are in sight: where they are not folded, and where
 * they are while the button is pressed, while they slide out of sight,
 * or while one of them has the focus (a window made short under it; see
 * fold_filters_idle()). */
static gboolean
filters_shown (UpNotesView *self)
{
  GtkWidget *focus;

  if (!self->filters_folded || gtk_toggle_button_get_active (self->filter_button) ||
      !gtk_revealer_get_reveal_child (self->filter_revealer))
    return TRUE;
  focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self)));

  return focus != NULL && gtk_widget_is_ancestor (focus, self->filter_box);
}

static void
measure_child (GtkWidget      *child,
               GtkOrientation  orientation,
               int             for_size,
               int            *minimum,
               int            *natural)
{
  *minimum = *natural = 0;
  if (gtk_widget_should_layout (child))
    gtk_widget_measure (child, orientation, for_size, minimum, natural, NULL, NULL);
}

static GtkSizeRequestMode
column_request_mode (GtkWidget *column)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

/* What the column asks for does not depend on the fold: at least its
 * height folded, naturally the filters' too, and the search as wide as
 * with the button beside it. */
static void
column_measure (GtkWidget      *column,
                GtkOrientation  orientation,
                int             for_size,
                int            *minimum,
                int            *natural,
                int            *minimum_baseline,
                int            *natural_baseline)
{
  UpNotesView *self = UP_NOTES_VIEW (gtk_widget_get_ancestor (column, UP_TYPE_NOTES_VIEW));
  int inner = for_size < 0 ? -1 : MAX (0, for_size - 2 * COLUMN_MARGIN);
  int search_min, search_nat, button_min, button_nat;
  int filters_min, filters_nat, count_min, count_nat;
  int list_min, list_nat, bar_min, bar_nat;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      measure_child (GTK_WIDGET (self->search_entry), orientation, -1, &search_min, &search_nat);
      measure_child (GTK_WIDGET (self->filter_button), orientation, -1, &button_min, &button_nat);
      measure_child (GTK_WIDGET (self->filter_revealer), orientation, -1, &filters_min, &filters_nat);
      measure_child (GTK_WIDGET (self->count_label), orientation, -1, &count_min, &count_nat);
      measure_child (GTK_WIDGET (self->list_stack), orientation, -1, &list_min, &list_nat);
      measure_child (self->action_bar, orientation, -1, &bar_min, &bar_nat);
      *minimum = MAX (MAX (search_min + COLUMN_SPACING + button_min, MAX (filters_min, count_min)) + 2 * COLUMN_MARGIN,
                      MAX (list_min, bar_min));
      *natural = MAX (MAX (search_nat + COLUMN_SPACING + button_nat, MAX (filters_nat, count_nat)) + 2 * COLUMN_MARGIN,
                      MAX (list_nat, bar_nat));
      return;
    }

  measure_child (GTK_WIDGET (self->search_entry), orientation, -1, &search_min, &search_nat);
  measure_child (GTK_WIDGET (self->filter_button), orientation, -1, &button_min, &button_nat);
  measure_child (GTK_WIDGET (self->filter_revealer), orientation, inner, &filters_min, &filters_nat);
  measure_child (GTK_WIDGET (self->count_label), orientation, inner, &count_min, &count_nat);
  measure_child (GTK_WIDGET (self->list_stack), orientation, for_size, &list_min, &list_nat);
  measure_child (self->action_bar, orientation, for_size, &bar_min, &bar_nat);
  *minimum = COLUMN_MARGIN + MAX (search_min, button_min) + COLUMN_SPACING + count_min + COLUMN_SPACING +
             list_min + bar_min;
  *natural = COLUMN_MARGIN + MAX (search_nat, button_nat) + COLUMN_SPACING + count_nat + COLUMN_SPACING +
             list_nat + bar_nat + (filters_nat > 0 ? filters_nat + COLUMN_SPACING : 0);
}

static void
place (GtkWidget *child,
       int        column_width,
       int        x,
       int        y,
       int        width,
       int        height)
{
  /* right to left, from the right */
  if (gtk_widget_get_direction (child) == GTK_TEXT_DIR_RTL)
    x = column_width - x - width;
  gtk_widget_size_allocate (child, &(GtkAllocation) { x, y, width, height }, -1);
}

static void
set_shown (GtkWidget *widget,
           gboolean   shown)
{
  if (gtk_widget_get_child_visible (widget) == shown)
    return;
  gtk_widget_set_child_visible (widget, shown);
  gtk_accessible_update_state (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_STATE_HIDDEN, !shown, -1);
}

/* A window made short under a filter that has the focus keeps it in sight
 * (filters_shown()); the button pressed says so, and Alt+F folds them. */
static gboolean
fold_filters_idle (gpointer data)
{
  UpNotesView *self = data;

  self->fold_idle_id = 0;
  if (self->filters_folded && gtk_widget_get_child_visible (GTK_WIDGET (self->filter_revealer)))
    gtk_toggle_button_set_active (self->filter_button, TRUE);

  return G_SOURCE_REMOVE;
}

static void
column_allocate (GtkWidget *column,
                 int        width,
                 int        height,
                 int        baseline)
{
  UpNotesView *self = UP_NOTES_VIEW (gtk_widget_get_ancestor (column, UP_TYPE_NOTES_VIEW));
  GtkWidget *search = GTK_WIDGET (self->search_entry);
  GtkWidget *button = GTK_WIDGET (self->filter_button);
  GtkWidget *filters = GTK_WIDGET (self->filter_revealer);
  int inner = MAX (0, width - 2 * COLUMN_MARGIN);
  int unused, row, button_width = 0, filters_height = 0, count_height, list_min, bar_height;
  int y = COLUMN_MARGIN;
  gboolean folded;

  /* The filters measured at the column's width, with no filter set (see
   * unset_filters_height()), against its height: none of it depends on
   * the fold, or on what is chosen. */
  folded = unset_filters_height (self->filter_box, inner) * 100 > FILTERS_MAX_PERCENT * height;
  self->filters_folded = folded;
  set_shown (button, folded);
  set_shown (filters, filters_shown (self));
  if (folded && !gtk_toggle_button_get_active (self->filter_button) &&
      gtk_widget_get_child_visible (filters) && gtk_revealer_get_reveal_child (self->filter_revealer) &&
      self->fold_idle_id == 0)
    self->fold_idle_id = g_idle_add (fold_filters_idle, self);

  /* the search, and the button at its end */
  measure_child (search, GTK_ORIENTATION_VERTICAL, -1, &unused, &row);
  if (gtk_widget_get_child_visible (button))
    {
      int button_row;

      measure_child (button, GTK_ORIENTATION_HORIZONTAL, -1, &unused, &button_width);
      measure_child (button, GTK_ORIENTATION_VERTICAL, button_width, &unused, &button_row);
      row = MAX (row, button_row);
      place (button, width, width - COLUMN_MARGIN - button_width, y, button_width, row);
      button_width += COLUMN_SPACING;
    }
  place (search, width, COLUMN_MARGIN, y, MAX (0, inner - button_width), row);
  y += row;

  /* the filters, as tall as the revealer has them (none of the spacing
   * while it has them none) */
  if (gtk_widget_get_child_visible (filters))
    {
      measure_child (filters, GTK_ORIENTATION_VERTICAL, inner, &unused, &filters_height);
      if (filters_height > 0)
        y += COLUMN_SPACING;
      place (filters, width, COLUMN_MARGIN, y, inner, filters_height);
      y += filters_height;
    }

  y += COLUMN_SPACING;
  measure_child (GTK_WIDGET (self->count_label), GTK_ORIENTATION_VERTICAL, inner, &unused, &count_height);
  place (GTK_WIDGET (self->count_label), width, COLUMN_MARGIN, y, inner, count_height);
  y += count_height + COLUMN_SPACING;

  /* the list takes what is left above its bar */
  measure_child (self->action_bar, GTK_ORIENTATION_VERTICAL, width, &unused, &bar_height);
  measure_child (GTK_WIDGET (self->list_stack), GTK_ORIENTATION_VERTICAL, width, &list_min, &unused);
  place (GTK_WIDGET (self->list_stack), width, 0, y, width, MAX (list_min, height - y - bar_height));
  place (self->action_bar, width, 0, MAX (y + list_min, height - bar_height), width, bar_height);
}

/* Pressed, the button slides the filters in from none; released, out,
 * and once out of sight the revealer shows them again, for the next
 * unfolding, as they are left out of the column (filters_shown()). */
static void
on_filter_button_toggled (UpNotesView *self)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self)));
  gboolean active = gtk_toggle_button_get_active (self->filter_button);

  /* Alt+F from a filter hides the filter that had the focus: the
   * focus goes to the button, not to the window's first widget. */
  if (!active && focus != NULL && gtk_widget_is_ancestor (focus, self->filter_box))
    gtk_widget_grab_focus (GTK_WIDGET (self->filter_button));
  if (self->filters_folded)
    {
      if (active && !gtk_widget_get_child_visible (GTK_WIDGET (self->filter_revealer)))
        {
          self->sliding++;
          gtk_revealer_set_transition_type (self->filter_revealer, GTK_REVEALER_TRANSITION_TYPE_NONE);
          gtk_revealer_set_reveal_child (self->filter_revealer, FALSE);
          gtk_revealer_set_transition_type (self->filter_revealer, GTK_REVEALER_TRANSITION_TYPE_SLIDE_DOWN);
          self->sliding--;
        }
      gtk_revealer_set_reveal_child (self->filter_revealer, active);
    }
  gtk_widget_queue_allocate (self->list_column);
}

static void
on_filter_revealed (UpNotesView *self)
{
  if (self->sliding > 0 || gtk_revealer_get_reveal_child (self->filter_revealer) ||
      gtk_revealer_get_child_revealed (self->filter_revealer))
    return;
  gtk_revealer_set_transition_type (self->filter_revealer, GTK_REVEALER_TRANSITION_TYPE_NONE);
  gtk_revealer_set_reveal_child (self->filter_revealer, TRUE);
  gtk_revealer_set_transition_type (self->filter_revealer, GTK_REVEALER_TRANSITION_TYPE_SLIDE_DOWN);
}

/* --------------------------------------------------------------------- */
/* Building */

/* The menu of a row of the note list. */
static GMenuModel *
create_note_menu (void)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) section = g_menu_new ();

  /* Translators: In the menu of a note in the note list: the stage the
   * note is pinned to, selected on the timeline. */
  g_menu_append (section, _("Show _Stage on the Timeline"), "notes.show-stage");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
  g_clear_object (&section);
  section = g_menu_new ();
  /* Translators: In the menu of a note in the note list. */
  g_menu_append (section, _("_Delete Note"), "notes.delete");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (section));

  return G_MENU_MODEL (g_steal_pointer (&menu));
}

static void
ensure_built (UpNotesView *self)
{
  g_autoptr(GtkStringList) kind_filter = NULL;
  g_autoptr(GtkStringList) visibility_filter = NULL;
  g_autoptr(GtkStringList) kinds = NULL;
  g_autoptr(GtkStringList) visibilities = NULL;
  GtkListItemFactory *factory;
  GtkEventController *controller;

  if (self->built)
    return;
  self->built = TRUE;

  gtk_widget_init_template (GTK_WIDGET (self));
  up_a11y_util_name_controls (GTK_WIDGET (self));
  up_paned_util_keep_start_width (self->paned);
  gtk_widget_set_layout_manager (self->filter_box,
                                 gtk_custom_layout_new (filter_request_mode, filter_measure, filter_allocate));
  gtk_widget_set_layout_manager (self->list_column,
                                 gtk_custom_layout_new (column_request_mode, column_measure, column_allocate));
  set_shown (GTK_WIDGET (self->filter_button), FALSE);
  g_signal_connect_object (self->filter_revealer, "notify::child-revealed",
                           G_CALLBACK (on_filter_revealed), self, G_CONNECT_SWAPPED);

  self->updating++;

  up_note_util_setup_drop_down (self->stage_filter);
  up_note_util_setup_drop_down (self->stakeholder_filter);
  up_note_util_setup_drop_down (self->kind_filter);
  up_note_util_setup_drop_down (self->visibility_filter);

  kind_filter = label_model (_("All Kinds"), up_note_kinds);
  gtk_drop_down_set_model (self->kind_filter, G_LIST_MODEL (kind_filter));
  /* Translators: The visibility filter's choice that shows public and
   * internal notes alike. */
  visibility_filter = label_model (_("Public and Internal"), up_note_visibilities);
  gtk_drop_down_set_model (self->visibility_filter, G_LIST_MODEL (visibility_filter));
  kinds = label_model (NULL, up_note_kinds);
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
  visibilities = label_model (NULL, up_note_visibilities);
  adw_combo_row_set_model (self->visibility_row, G_LIST_MODEL (visibilities));
  /* The stage and stakeholder choices come from the project: map(), right
   * after, rebuilds them with the list (the view is dirty until then). */

  self->updating--;

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect_object (factory, "setup", G_CALLBACK (on_note_setup), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (on_note_bind), self, 0);
  g_signal_connect_object (factory, "unbind", G_CALLBACK (on_note_unbind), self, 0);
  gtk_list_view_set_factory (self->note_list, factory);
  up_a11y_util_tab_leaves_list (GTK_WIDGET (self->note_list));
  g_clear_object (&factory);
  self->listed = g_list_store_new (UP_TYPE_NOTE);
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->listed)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  g_signal_connect_object (self->selection, "selection-changed", G_CALLBACK (on_selection_changed),
                           self, G_CONNECT_SWAPPED);
  gtk_list_view_set_model (self->note_list, GTK_SELECTION_MODEL (self->selection));
  {
    g_autoptr(GMenuModel) menu = create_note_menu ();

    up_list_util_set_context_menu (GTK_WIDGET (self->note_list), menu);
  }
  up_list_util_add_delete_key (GTK_WIDGET (self->note_list), "notes.delete");

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect_object (factory, "setup", G_CALLBACK (on_person_setup), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (on_person_bind), self, 0);
  g_signal_connect_object (factory, "unbind", G_CALLBACK (on_person_unbind), self, 0);
  gtk_list_view_set_factory (self->stakeholder_list, factory);
  g_clear_object (&factory);
  self->people_filter = gtk_custom_filter_new (person_matches, self, NULL);
  self->people = gtk_filter_list_model_new (NULL, GTK_FILTER (g_object_ref (self->people_filter)));
  g_signal_connect_object (self->people, "items-changed", G_CALLBACK (fit_people), self, G_CONNECT_SWAPPED);
  {
    /* By name, as the filter's choices and the register: with dozens of
     * stakeholders the order they were added in helps nobody find one. */
    GtkSorter *by_name = GTK_SORTER (gtk_string_sorter_new (gtk_property_expression_new (UP_TYPE_STAKEHOLDER, NULL, "name")));
    GtkSortListModel *sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->people)), by_name);
    g_autoptr(GtkNoSelection) people = gtk_no_selection_new (G_LIST_MODEL (sorted));

    gtk_list_view_set_model (self->stakeholder_list, GTK_SELECTION_MODEL (people));
  }

  up_calendar_button_init (self->calendar_button, &self->calendar, G_CALLBACK (on_day_selected), self);

  g_signal_connect_object (gtk_text_view_get_buffer (self->body_view), "changed",
                           G_CALLBACK (on_body_changed), self, G_CONNECT_SWAPPED);
  controller = gtk_event_controller_focus_new ();
  g_signal_connect_object (controller, "leave", G_CALLBACK (on_body_focus_leave),
                           self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->body_view), controller);
  controller = gtk_event_controller_key_new ();
  g_signal_connect_object (controller, "key-pressed", G_CALLBACK (on_body_key_pressed),
                           self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->body_view), controller);
  controller = gtk_event_controller_focus_new ();
  g_signal_connect_object (controller, "leave", G_CALLBACK (on_said_focus_leave),
                           self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->said_row), controller);
  gtk_entry_set_input_purpose (up_entry_row_get_entry (self->said_row), GTK_INPUT_PURPOSE_DIGITS);
  up_entry_row_set_typing_pause (self->said_row, BODY_COMMIT_MS);
  g_signal_connect_object (self->said_row, "typing-paused", G_CALLBACK (on_said_typing_paused),
                           self, G_CONNECT_SWAPPED);
}

/* --------------------------------------------------------------------- */
/* GObject */

static void
up_notes_view_map (GtkWidget *widget)
{
  UpNotesView *self = UP_NOTES_VIEW (widget);

  ensure_built (self);

  GTK_WIDGET_CLASS (up_notes_view_parent_class)->map (widget);

  if (self->dirty)
    {
      rebuild_choices (self);
      rebuild_list (self, TRUE);
    }
}

static void
up_notes_view_unmap (GtkWidget *widget)
{
  UpNotesView *self = UP_NOTES_VIEW (widget);

  /* Leaving the view (another tab) commits what was typed, and takes back
   * a note just added and left empty. */
  commit_body (self);
  leave_new_note (self);

  GTK_WIDGET_CLASS (up_notes_view_parent_class)->unmap (widget);
}

static void
up_notes_view_dispose (GObject *object)
{
  UpNotesView *self = UP_NOTES_VIEW (object);

  /* Tearing the rows down selects none of them: not an edit, and the
   * editor is going too. Never decremented. */
  self->updating++;
  g_clear_handle_id (&self->body_timeout_id, g_source_remove);
  g_clear_handle_id (&self->leave_idle_id, g_source_remove);
  g_clear_handle_id (&self->fold_idle_id, g_source_remove);
  if (self->project_signals != NULL)
    g_signal_group_set_target (self->project_signals, NULL);
  g_clear_object (&self->project_signals);
  g_clear_object (&self->project);

  /* The bin's child is the template's root, which has an id: unparent it
   * first, or dispose_template() would drop it under the bin's feet. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), UP_TYPE_NOTES_VIEW);
  g_clear_object (&self->selection);
  g_clear_object (&self->listed);
  g_clear_object (&self->people);
  g_clear_object (&self->people_filter);

  G_OBJECT_CLASS (up_notes_view_parent_class)->dispose (object);
}

static void
up_notes_view_finalize (GObject *object)
{
  UpNotesView *self = UP_NOTES_VIEW (object);

  g_clear_pointer (&self->stage_filter_ids, g_array_unref);
  g_clear_pointer (&self->stakeholder_filter_ids, g_array_unref);
  g_clear_pointer (&self->stage_row_ids, g_array_unref);
  g_clear_pointer (&self->hits, g_hash_table_unref);
  g_free (self->people_key);
  g_clear_pointer (&self->bound_notes, g_ptr_array_unref);
  g_clear_pointer (&self->bound_people, g_ptr_array_unref);
  g_clear_pointer (&self->linked_people, g_hash_table_unref);
  g_clear_pointer (&self->new_note_state, g_free);

  G_OBJECT_CLASS (up_notes_view_parent_class)->finalize (object);
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

/* Ctrl+F: the search field, its text chosen to be typed over. */
static void
focus_search_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  UpNotesView *self = UP_NOTES_VIEW (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

/* The selected note's stage on the timeline: the window's action, which
 * switches the view. */
static void
show_stage_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  UpNotesView *self = UP_NOTES_VIEW (widget);
  UpNote *note = self->selected_listed ? lookup_note (self, self->selected_id) : NULL;

  if (note == NULL || up_note_get_stage_id (note) <= 0)
    return;
  commit_body (self);
  gtk_widget_activate_action (widget, "win.show-stage", "x", up_note_get_stage_id (note));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  on_delete_clicked (UP_NOTES_VIEW (widget));
}

static void
up_notes_view_class_init (UpNotesViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = up_notes_view_dispose;
  object_class->finalize = up_notes_view_finalize;
  object_class->get_property = up_notes_view_get_property;
  object_class->set_property = up_notes_view_set_property;
  widget_class->map = up_notes_view_map;
  widget_class->unmap = up_notes_view_unmap;

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

  g_type_ensure (UP_TYPE_ENTRY_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/upphandla/Upphandla/up-notes-view.ui");
  gtk_widget_class_bind_template_child (widget_class, UpNotesView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, UpNotesView, paned);
  gtk_widget_class_bind_template_child (widget_class, UpNotesView, main_stack);
  gtk_widget_class_bind_template_child (widget_class, UpNotesView, list_column);
  gtk_widget_class_bind_template_child (widget_class, UpNotesView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, UpNotesView, action_bar);
  gtk_widget_class_bind_template_child (widget_class, UpNotesView, filter_box);
  gtk_widget_class_bind_template_child (widget_class, UpNotesView, filter_revealer);
  gtk_widget_class_bind_template_child (widget_class, UpNotesView, filter_button);
  gtk_widget_class_bind_template_child (widget_class, UpNotesView, filter_count);
  gtk_widget_class_bind_template_child (widget_class, UpNotesView, stage_filter);
  gtk_widget_class_bind_template_child (widget_class, UpNotesView, stakeholder_filter);
  gtk_widget_class_bind_template_child (widget_class, UpNotesView, kind_filter);
  gtk_widget_class_bind_template_child (widget_class, UpNotesView, visibility_filter);
  gtk_widget_class_bind_template_child (widget_class, UpNotesView, count_label);
  gtk_widget_class_bind_template_child (widget_class, UpNotesView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, UpNotesView, note_list);
  gtk_widget_class_bind_template_child (widget_class, UpNotesView, add_button);
  gtk_widget_class_bind_template_child (widget_class, UpNotesView, delete_button);
  gtk_widget_class_bind_template_child (widget_class, UpNotesView, editor_stack);
  gtk_widget_class_bind_template_child (widget_class, UpNotesView, body_view);
  gtk_widget_class_bind_template_child (widget_class, UpNotesView, said_row);
  gtk_widget_class_bind_template_child (widget_class, UpNotesView, calendar_button);
  gtk_widget_class_bind_template_child (widget_class, UpNotesView, kind_row);
  gtk_widget_class_bind_template_child (widget_class, UpNotesView, visibility_row);
  gtk_widget_class_bind_template_child (widget_class, UpNotesView, stage_row);
  gtk_widget_class_bind_template_child (widget_class, UpNotesView, stakeholder_search);
  gtk_widget_class_bind_template_child (widget_class, UpNotesView, people_count);
  gtk_widget_class_bind_template_child (widget_class, UpNotesView, stakeholder_scroller);
  gtk_widget_class_bind_template_child (widget_class, UpNotesView, stakeholder_no_match);
  gtk_widget_class_bind_template_child (widget_class, UpNotesView, stakeholder_list);
  gtk_widget_class_bind_template_child (widget_class, UpNotesView, stakeholder_placeholder);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_show_all_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_button_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_stakeholder_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_add_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_delete_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_said_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_said_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_popover_show);
  gtk_widget_class_bind_template_callback (widget_class, on_kind_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_visibility_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_stage_selected);

  gtk_widget_class_install_action (widget_class, "notes.focus-search", NULL, focus_search_action);
  gtk_widget_class_install_action (widget_class, "notes.show-stage", NULL, show_stage_action);
  gtk_widget_class_install_action (widget_class, "notes.delete", NULL, delete_action);
}

static void
up_notes_view_init (UpNotesView *self)
{
  self->stage_filter_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->stakeholder_filter_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->stage_row_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->bound_notes = g_ptr_array_new ();
  self->bound_people = g_ptr_array_new ();
  self->linked_people = g_hash_table_new (NULL, NULL);
  self->dirty = TRUE;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "notes.delete", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "notes.show-stage", FALSE);

  self->project_signals = g_signal_group_new (UP_TYPE_PROJECT);
  g_signal_group_connect_object (self->project_signals, "changed::note",
                                 G_CALLBACK (on_notes_changed), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->project_signals, "changed::note_stakeholder",
                                 G_CALLBACK (on_notes_changed), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->project_signals, "changed::stage",
                                 G_CALLBACK (on_project_changed), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->project_signals, "changed::stakeholder",
                                 G_CALLBACK (on_project_changed), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->project_signals, "commit-pending",
                                 G_CALLBACK (commit_pending), self, G_CONNECT_SWAPPED);
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
                           UpProject   *project)
{
  g_return_if_fail (UP_IS_NOTES_VIEW (self));
  g_return_if_fail (project == NULL || UP_IS_PROJECT (project));

  if (self->project == project)
    return;

  commit_body (self);
  leave_new_note (self);
  g_set_object (&self->project, project);
  g_signal_group_set_target (self->project_signals, project);

  self->selected_id = 0;
  self->body_note_id = 0;
  if (self->built)
    {
      self->updating++;
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      gtk_drop_down_set_selected (self->stage_filter, 0);
      gtk_drop_down_set_selected (self->stakeholder_filter, 0);
      gtk_drop_down_set_selected (self->kind_filter, 0);
      gtk_drop_down_set_selected (self->visibility_filter, 0);
      self->updating--;
    }
  queue_rebuild (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}

GListModel *
up_notes_view_get_listed (UpNotesView *self)
{
  g_return_val_if_fail (UP_IS_NOTES_VIEW (self), NULL);

  return self->listed != NULL ? G_LIST_MODEL (self->listed) : NULL;
}

/* Lists the notes of @stage or @person (the one not NULL): its filter set
 * to them, the search and the other filters cleared. @note is selected and
 * its row takes the focus; without one, the note selected stays so if it
 * is listed, and the first row takes the focus. */
static void
show_filtered (UpNotesView   *self,
               UpStage       *stage,
               UpStakeholder *person,
               UpNote        *note)
{
  guint position;

  if (self->project == NULL)
    return;
  ensure_built (self);
  commit_body (self);
  if (note == NULL || up_record_get_id (UP_RECORD (note)) != self->new_note_id)
    leave_new_note (self);

  self->updating++;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_drop_down_set_selected (self->kind_filter, 0);
  gtk_drop_down_set_selected (self->visibility_filter, 0);
  choose_filters (self, stage, person);
  self->updating--;

  if (note != NULL)
    self->selected_id = up_record_get_id (UP_RECORD (note));
  rebuild_list (self, TRUE);

  position = gtk_single_selection_get_selected (self->selection);
  if (position == GTK_INVALID_LIST_POSITION)
    position = 0;
  if (position < g_list_model_get_n_items (G_LIST_MODEL (self->listed)))
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (self->listed), position);

      if (gtk_widget_get_mapped (GTK_WIDGET (self)))
        up_list_util_focus_item (GTK_WIDGET (self->note_list), position, item);
      else
        up_list_util_scroll_to_item (GTK_WIDGET (self->note_list), position, item);
    }
}

/**
 * up_notes_view_show_stakeholder:
 * @person: a stakeholder of the project
 * @note: (nullable): one of their notes, to select
 *
 * Lists the notes that name @person: the stakeholder filter set to them,
 * the search and the other filters cleared. @note is selected and its row
 * takes the focus; without one, the note selected stays so if it is
 * listed, and the first row takes the focus. For a view on screen.
 */
void
up_notes_view_show_stakeholder (UpNotesView   *self,
                                UpStakeholder *person,
                                UpNote        *note)
{
  g_return_if_fail (UP_IS_NOTES_VIEW (self));
  g_return_if_fail (UP_IS_STAKEHOLDER (person));
  g_return_if_fail (note == NULL || UP_IS_NOTE (note));

  show_filtered (self, NULL, person, note);
}

/**
 * up_notes_view_show_stage:
 * @stage: a stage of the project
 * @note: (nullable): a note pinned to it, to select
 *
 * Lists the notes pinned to @stage, as up_notes_view_show_stakeholder()
 * lists a stakeholder's.
 */
void
up_notes_view_show_stage (UpNotesView *self,
                          UpStage     *stage,
                          UpNote      *note)
{
  g_return_if_fail (UP_IS_NOTES_VIEW (self));
  g_return_if_fail (UP_IS_STAGE (stage));
  g_return_if_fail (note == NULL || UP_IS_NOTE (note));

  show_filtered (self, stage, NULL, note);
}

/**
 * up_notes_view_add_note_about:
 * @person: a stakeholder of the project
 *
 * Adds an empty note that names @person, said today, in one undo step,
 * lists it among their notes and gives its text the focus, as Add Note
 * does: left empty, it goes again.
 */
void
up_notes_view_add_note_about (UpNotesView   *self,
                              UpStakeholder *person)
{
  g_return_if_fail (UP_IS_NOTES_VIEW (self));
  g_return_if_fail (UP_IS_STAKEHOLDER (person));

  ensure_built (self);
  add_note (self, person);
}

char *
up_notes_view_get_summary (UpNotesView *self)
{
  const char *search;

  g_return_val_if_fail (UP_IS_NOTES_VIEW (self), NULL);

  if (!self->built)
    return g_strdup ("");
  search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  if (search == NULL || search[0] == '\0')
    return g_strdup (gtk_label_get_label (self->count_label));
  /* Translators: what the printed notes are, on their first sheet: %1$s
   * is the count the Notes view shows ("12 of 20 notes"), %2$s what was
   * searched for. */
  return g_strdup_printf (_("%1$s, found by “%2$s”"), gtk_label_get_label (self->count_label), search);
}
