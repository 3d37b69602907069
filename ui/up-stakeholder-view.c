/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "Upphandla"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "up-a11y-util.h"
#include "up-grid-export.h"
#include "up-list-util.h"
#include "up-note-util.h"
#include "up-paste-guard.h"
#include "up-stakeholder-view-private.h"
#include "up-text-util.h"
#include "up-undo-toast.h"

/* The editor's width beside the register, and its height below it. */
/* How long typing in a field may pause before it is committed, as a
 * note's text is (up-notes-view.c). */
#define TYPING_COMMIT_MS      1000
#define EDITOR_WIDTH          320
#define EDITOR_STACKED_HEIGHT 160

/* The stakeholder register: a sortable, filterable list, the editor of the
 * selected stakeholder and the power/interest grid, which share one
 * selection. Nothing here keeps a copy of the truth: the list shows the
 * project's model through a filter and a sort model, the editor commits
 * each field through the edit API (one undo step per committed change), and
 * the grid is drawn by the core. The register is built the first time the
 * view is shown, so that opening a project pays only for the view on top. */

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

static void set_selected    (UpStakeholderView *self,
                             UpStakeholder     *stakeholder);
static void update_actions  (UpStakeholderView *self);

/* Helpers */

static void
report_error (UpStakeholderView *self,
              const GError      *error)
{
  g_debug ("Edit refused: %s", error->message);
  g_signal_emit (self, signals[ERROR], 0, error);
}

static void
on_child_error (UpStakeholderView *self,
                const GError      *error)
{
  report_error (self, error);
}

/* Shows @title (plain text) in the window's toast overlay, if there is one. */
static AdwToast *
add_toast (UpStakeholderView *self,
           const char        *title)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  g_autofree char *escaped = NULL;
  AdwToast *toast;

  if (overlay == NULL)
    return NULL;

  /* Toast titles are Pango markup; names are plain text. */
  escaped = g_markup_escape_text (title, -1);
  toast = up_toast_new (escaped);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);

  return toast;
}

static gboolean
is_alive (UpStakeholderView *self,
          UpStakeholder     *stakeholder)
{
  return self->project != NULL && stakeholder != NULL &&
         up_project_lookup (self->project, "stakeholder",
                            up_record_get_id (UP_RECORD (stakeholder))) == UP_RECORD (stakeholder);
}

static GListModel *
create_label_model (const char * const *values,
                    const char         *first)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  if (first != NULL)
    gtk_string_list_append (list, first);
  for (guint i = 0; values[i] != NULL; i++)
    gtk_string_list_append (list, up_enum_label (values, values[i]));

  return G_LIST_MODEL (list);
}

static guint
enum_index (const char * const *values,
            const char         *value)
{
  for (guint i = 0; values[i] != NULL; i++)
    if (g_strcmp0 (values[i], value) == 0)
      return i;

  return GTK_INVALID_LIST_POSITION;
}

static void
set_editable_text (GtkEditable *editable,
                   const char  *text)
{
  /* A text longer than the field holds is shown cut: committed from
   * there it would be cut in the project. Read-only before the text
   * comes: an editable field refuses a text that does not fit
   * (up_paste_guard_attach()). */
  gtk_editable_set_editable (editable, up_paste_guard_fits (text));
  /* Setting the same text again would move the cursor while typing. */
  if (g_strcmp0 (gtk_editable_get_text (editable), text ? text : "") != 0)
    gtk_editable_set_text (editable, text ? text : "");
}

/* Filter */

static gboolean
filter_stakeholder (gpointer item,
                    gpointer user_data)
{
  UpStakeholderView *self = user_data;
  UpStakeholder *stakeholder = item;
  guint category = self->category_dropdown ? gtk_drop_down_get_selected (self->category_dropdown) : 0;

  /* Entry 0 of the dropdown is "All Categories". */
  if (category != 0 && category != GTK_INVALID_LIST_POSITION &&
      g_strcmp0 (up_stakeholder_get_category (stakeholder), up_stakeholder_categories[category - 1]) != 0)
    return FALSE;

  if (self->search_key == NULL)
    return TRUE;

  return up_text_util_matches (up_stakeholder_get_name (stakeholder), self->search_key) ||
         up_text_util_matches (up_stakeholder_get_organisation (stakeholder), self->search_key);
}

static void
update_count (UpStakeholderView *self)
{
  g_autofree char *text = NULL;
  guint total, shown;

  if (!self->built || self->project == NULL)
    return;

  total = g_list_model_get_n_items (up_project_get_stakeholders (self->project));
  shown = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));

  if (shown == total)
    /* Translators: The number of stakeholders of the project. */
    text = g_strdup_printf (ngettext ("%1$'u stakeholder", "%1$'u stakeholders", total), total);
  else
    /* Translators: The number of stakeholders the search and the category
     * filter leave in the list (%1$u), of all of them (%2$u). */
    text = g_strdup_printf (ngettext ("%1$'u of %2$'u stakeholder", "%1$'u of %2$'u stakeholders", total),
                            shown, total);

  gtk_label_set_label (self->count_label, text);
  gtk_stack_set_visible_child_name (self->list_stack, shown > 0 ? "list" : "no-results");
}

static void
on_search_changed (UpStakeholderView *self,
                   GtkSearchEntry    *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  g_clear_pointer (&self->search_key, g_free);
  if (stripped[0] != '\0')
    self->search_key = up_text_util_search_key (stripped);

  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
on_category_filter_changed (UpStakeholderView *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
on_filtered_items_changed (UpStakeholderView *self)
{
  update_count (self);
}

/* Editor */

/* The newest of the notes that name the stakeholder being edited, each
 * opening it among their notes in the Notes view, and a last row to all
 * of them there. */
static void
rebuild_notes (UpStakeholderView *self)
{
  g_autoptr(GPtrArray) notes = NULL;
  GtkWidget *child;
  GtkWidget *row;
  g_autofree char *all = NULL;
  gint64 person_id;

  self->notes_dirty = FALSE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->notes_list))) != NULL)
    gtk_list_box_remove (self->notes_list, child);
  if (self->project == NULL || !is_alive (self, self->editing))
    return;

  person_id = up_record_get_id (UP_RECORD (self->editing));
  notes = up_project_list_stakeholder_notes (self->project, self->editing);
  g_ptr_array_sort (notes, up_note_compare_newest_first);
  gtk_widget_set_visible (GTK_WIDGET (self->notes_list), notes->len > 0);
  adw_preferences_group_set_description (self->notes_group,
                                         notes->len == 0 ? _("No note names them yet.") : NULL);

  for (guint i = 0; i < MIN (notes->len, UP_STAKEHOLDER_VIEW_NOTES_SHOWN); i++)
    {
      UpNote *note = g_ptr_array_index (notes, i);
      g_autofree char *markup = up_note_util_row_markup (up_note_get_body (note));

      row = up_note_util_row_new (self->project, note, markup, TRUE);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.show-notes");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "(sxx)", "stakeholder", person_id,
                                        up_record_get_id (UP_RECORD (note)));
      gtk_list_box_append (self->notes_list, row);
    }

  if (notes->len == 0)
    return;
  /* Translators: The last row of a stakeholder's notes in their panel,
   * which lists all of them in the Notes view; %1$'u is how many. */
  all = g_strdup_printf (ngettext ("Show %1$'u Note in the Notes View", "Show All %1$'u Notes in the Notes View",
                                   notes->len),
                         notes->len);
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), all);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.show-notes");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "(sxx)", "stakeholder", person_id, (gint64) 0);
  gtk_widget_set_name (row, "stakeholder-all-notes");
  gtk_list_box_append (self->notes_list, row);
}

static void
queue_rebuild_notes (UpStakeholderView *self)
{
  if (!self->built)
    return;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    rebuild_notes (self);
  else
    self->notes_dirty = TRUE;
}

static void
refresh_editor (UpStakeholderView *self,
                const char        *property)
{
  UpStakeholder *s = self->editing;
  gboolean all = property == NULL;

  if (!self->built)
    return;

  /* Below the register, the editor is there for a stakeholder only. */
  gtk_widget_set_visible (GTK_WIDGET (self->editor_stack), s != NULL || !self->stacked);
  if (s == NULL)
    {
      gtk_stack_set_visible_child_name (self->editor_stack, "none");
      return;
    }

  self->updating++;

  if (all || g_str_equal (property, "name"))
    set_editable_text (GTK_EDITABLE (self->name_row), up_stakeholder_get_name (s));
  if (all || g_str_equal (property, "organisation"))
    set_editable_text (GTK_EDITABLE (self->organisation_row), up_stakeholder_get_organisation (s));
  if (all || g_str_equal (property, "contact"))
    set_editable_text (GTK_EDITABLE (self->contact_row), up_stakeholder_get_contact (s));
  if (all || g_str_equal (property, "category"))
    adw_combo_row_set_selected (self->category_row,
                                enum_index (up_stakeholder_categories, up_stakeholder_get_category (s)));
  if (all || g_str_equal (property, "stance"))
    adw_combo_row_set_selected (self->stance_row,
                                enum_index (up_stakeholder_stances, up_stakeholder_get_stance (s)));
  if (all || g_str_equal (property, "influence"))
    gtk_spin_button_set_value (self->influence_spin, up_stakeholder_get_influence (s));
  if (all || g_str_equal (property, "interest"))
    gtk_spin_button_set_value (self->interest_spin, up_stakeholder_get_interest (s));
  if (all)
    queue_rebuild_notes (self);

  gtk_stack_set_visible_child_name (self->editor_stack, "editor");

  self->updating--;
}

static gboolean
commit_string (UpStakeholderView *self,
               const char        *property,
               const char        *value)
{
  g_autoptr(GError) error = NULL;
  const char *current;

  if (self->updating || !is_alive (self, self->editing))
    return FALSE;

  current = up_record_get_string (UP_RECORD (self->editing), property);
  if (g_strcmp0 (current ? current : "", value) == 0)
    return TRUE;

  if (!up_project_set_string (self->project, self->editing, property, value, &error))
    {
      report_error (self, error);
      refresh_editor (self, property);
      return FALSE;
    }

  return TRUE;
}

static void
commit_int (UpStakeholderView *self,
            const char        *property,
            int                value)
{
  g_autoptr(GError) error = NULL;

  if (self->updating || !is_alive (self, self->editing))
    return;

  if (up_record_get_int (UP_RECORD (self->editing), property) == value)
    return;

  if (!up_project_set_int (self->project, self->editing, property, value, &error))
    {
      report_error (self, error);
      refresh_editor (self, property);
    }
}

static void
commit_entry (UpStakeholderView *self,
              UpEntryRow        *row)
{
  const char *property = g_object_get_data (G_OBJECT (row), "up-property");

  /* Read-only: a text longer than the field holds, shown cut. */
  if (!gtk_editable_get_editable (GTK_EDITABLE (row)))
    return;

  commit_string (self, property, gtk_editable_get_text (GTK_EDITABLE (row)));
}

/* What was typed belongs to the stakeholder it was typed for. */
static void
commit_pending (UpStakeholderView *self)
{
  if (!self->built || self->editing == NULL)
    return;

  commit_entry (self, self->name_row);
  commit_entry (self, self->organisation_row);
  commit_entry (self, self->contact_row);
  gtk_spin_button_update (self->influence_spin);
  gtk_spin_button_update (self->interest_spin);
}

static void
on_entry_activated (UpStakeholderView *self,
                    UpEntryRow        *row)
{
  commit_entry (self, row);
}

/* A pause in typing commits the field, as a note's text is committed: a
 * name typed and left in the field was lost by a crash. A name of nothing
 * but blanks, which the project refuses, waits for the field to be left,
 * where it is refused with a reason, not while typing. */
static void
on_entry_typing_paused (UpStakeholderView *self,
                        UpEntryRow        *row)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  if (*text != '\0' || row != self->name_row)
    commit_entry (self, row);
}

static void
on_entry_focus_leave (UpStakeholderView       *self,
                      GtkEventControllerFocus *controller)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  GtkRoot *root = gtk_widget_get_root (row);

  /* Focus also "leaves" when the whole window is deactivated (another
   * application in front); a half-typed value must not be committed then. */
  if (!GTK_IS_WINDOW (root) || gtk_window_is_active (GTK_WINDOW (root)))
    commit_entry (self, UP_ENTRY_ROW (row));
}

static void
on_category_selected (UpStakeholderView *self)
{
  guint selected = adw_combo_row_get_selected (self->category_row);

  if (selected != GTK_INVALID_LIST_POSITION)
    commit_string (self, "category", up_stakeholder_categories[selected]);
}

static void
on_stance_selected (UpStakeholderView *self)
{
  guint selected = adw_combo_row_get_selected (self->stance_row);

  if (selected != GTK_INVALID_LIST_POSITION)
    commit_string (self, "stance", up_stakeholder_stances[selected]);
}

static void
on_spin_value_changed (UpStakeholderView *self,
                       GtkSpinButton     *spin)
{
  commit_int (self, spin == self->influence_spin ? "influence" : "interest",
              gtk_spin_button_get_value_as_int (spin));
}

static void
on_editing_notify (UpStakeholderView *self,
                   GParamSpec        *pspec,
                   UpStakeholder     *stakeholder)
{
  refresh_editor (self, g_param_spec_get_name (pspec));
}

static void
set_editing (UpStakeholderView *self,
             UpStakeholder     *stakeholder)
{
  if (self->editing == stakeholder)
    return;

  commit_pending (self);

  if (self->editing != NULL)
    g_clear_signal_handler (&self->notify_id, self->editing);
  g_set_object (&self->editing, stakeholder);
  if (stakeholder != NULL)
    self->notify_id = g_signal_connect_object (stakeholder, "notify",
                                               G_CALLBACK (on_editing_notify), self,
                                               G_CONNECT_SWAPPED);
  refresh_editor (self, NULL);
}

/* Selection, shared by the list, the grid and the editor. */

static guint
find_position (GListModel *model,
               gpointer    item)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n && item != NULL; i++)
    {
      g_autoptr(GObject) other = g_list_model_get_item (model, i);

      if (other == item)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

/* GtkColumnView of GTK 4.8 has no scroll_to(): its list view has the
 * action. */
/* The list of rows inside the column view. */
static GtkWidget *
register_rows (UpStakeholderView *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      return child;
  return NULL;
}

/* Scrolls the register to @stakeholder's row at @position, whole into
 * sight: a stakeholder added with the register scrolled to its end was
 * selected below it, out of sight. */
static void
scroll_to_position (UpStakeholderView *self,
                    guint              position,
                    UpStakeholder     *stakeholder)
{
  GtkWidget *rows = register_rows (self);

  if (rows != NULL)
    up_list_util_scroll_to_item (rows, position, stakeholder);
}

static void
set_selected (UpStakeholderView *self,
              UpStakeholder     *stakeholder)
{
  if (stakeholder != NULL && !is_alive (self, stakeholder))
    stakeholder = NULL;

  g_set_object (&self->selected, stakeholder);

  if (self->built)
    {
      guint position = find_position (G_LIST_MODEL (self->selection), stakeholder);

      self->updating++;
      if (gtk_single_selection_get_selected (self->selection) != position)
        gtk_single_selection_set_selected (self->selection, position);
      up_stakeholder_grid_set_selected (self->grid, stakeholder);
      self->updating--;

      if (position != GTK_INVALID_LIST_POSITION)
        scroll_to_position (self, position, stakeholder);
    }

  set_editing (self, stakeholder);
  update_actions (self);
}

static void
on_list_selection_changed (UpStakeholderView *self)
{
  if (self->updating)
    return;

  set_selected (self, gtk_single_selection_get_selected_item (self->selection));
}

static void
on_grid_selection_changed (UpStakeholderView *self)
{
  UpStakeholder *stakeholder;
  GtkWidget *rows = register_rows (self);
  guint position;

  if (self->updating)
    return;

  stakeholder = up_stakeholder_grid_get_selected (self->grid);
  set_selected (self, stakeholder);

  /* The register's cursor too, or the arrows and Tab into the register
   * went on from the row it was left on. */
  position = find_position (G_LIST_MODEL (self->selection), self->selected);
  if (rows != NULL && self->selected != NULL && position != GTK_INVALID_LIST_POSITION)
    up_list_util_move_cursor (rows, position, self->selected);
}

/* Lists the project's stakeholders in self->listed; returns the one new
 * to it when there is exactly one, a stakeholder added or brought back
 * (the Undo of its deletion, the Redo of its adding). */
static UpStakeholder *
update_listed (UpStakeholderView *self)
{
  GListModel *stakeholders = self->project != NULL ? up_project_get_stakeholders (self->project) : NULL;
  guint n = stakeholders != NULL ? g_list_model_get_n_items (stakeholders) : 0;
  GHashTable *listed = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  UpStakeholder *returned = NULL;
  guint n_new = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(UpStakeholder) stakeholder = g_list_model_get_item (stakeholders, i);
      gint64 *id = g_new (gint64, 1);

      *id = up_record_get_id (UP_RECORD (stakeholder));
      if (self->listed != NULL && !g_hash_table_contains (self->listed, id))
        {
          n_new++;
          /* the project holds it */
          returned = stakeholder;
        }
      g_hash_table_add (listed, id);
    }

  g_clear_pointer (&self->listed, g_hash_table_unref);
  self->listed = listed;
  return n_new == 1 ? returned : NULL;
}

/* The project's stakeholders changed (an edit, an undo or a redo): the
 * rows may sort and filter differently now, and the selected one may be
 * gone. */
static void
on_stakeholders_changed (UpStakeholderView *self)
{
  UpStakeholder *selected = self->selected;
  UpStakeholder *returned = update_listed (self);
  gboolean any = self->project != NULL &&
                 g_list_model_get_n_items (up_project_get_stakeholders (self->project)) > 0;

  gtk_stack_set_visible_child_name (self->stack, any ? "register" : "empty");

  if (!self->built)
    return;

  self->updating++;
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  gtk_sorter_changed (gtk_column_view_get_sorter (self->column_view), GTK_SORTER_CHANGE_DIFFERENT);
  self->updating--;

  /* One brought back is selected where the search and the filter show
   * it, as a stage or a goal brought back is; else the selection is kept,
   * by identity: sorting may have moved the row. */
  if (returned != NULL && find_position (G_LIST_MODEL (self->selection), returned) != GTK_INVALID_LIST_POSITION)
    selected = returned;
  set_selected (self, selected != NULL && is_alive (self, selected) ? selected : NULL);
  update_count (self);
}

/* Actions */

static void
update_actions (UpStakeholderView *self)
{
  gboolean has_project = self->project != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "stakeholders.add", has_project);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "stakeholders.delete",
                                 has_project && self->selected != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "stakeholders.show-notes",
                                 has_project && self->selected != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "stakeholders.add-note",
                                 has_project && self->selected != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "stakeholders.export-grid",
                                 has_project && !self->exporting);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  UpStakeholderView *self = UP_STAKEHOLDER_VIEW (widget);
  g_autoptr(GError) error = NULL;
  UpStakeholder *stakeholder;

  if (self->project == NULL)
    return;

  commit_pending (self);

  /* Translators: The name a new stakeholder has until the user names it. */
  stakeholder = up_project_add_stakeholder (self->project, _("New stakeholder"), "", "other", &error);
  if (stakeholder == NULL)
    {
      report_error (self, error);
      return;
    }

  _up_stakeholder_view_ensure_built (self);

  /* The new one must be in the list to be selected there. */
  if (self->search_key != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_drop_down_set_selected (self->category_dropdown, 0);
  g_clear_pointer (&self->search_key, g_free);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_LESS_STRICT);

  set_selected (self, stakeholder);

  /* Ready to be named: the placeholder name selected, typing replaces it. */
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
  gtk_editable_select_region (GTK_EDITABLE (self->name_row), 0, -1);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  UpStakeholderView *self = UP_STAKEHOLDER_VIEW (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(UpStakeholder) stakeholder = NULL;
  g_autofree char *name = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *excerpt = NULL;
  g_autofree char *title = NULL;
  guint position = GTK_INVALID_LIST_POSITION;
  GtkWidget *overlay;
  AdwToast *toast;

  if (self->project == NULL || !is_alive (self, self->selected))
    return;

  stakeholder = g_object_ref (self->selected);
  name = g_strdup (up_stakeholder_get_name (stakeholder));
  if (self->built)
    position = gtk_single_selection_get_selected (self->selection);

  if (!up_project_delete_stakeholder (self->project, stakeholder, &error))
    {
      report_error (self, error);
      return;
    }

  /* The row that took its place is selected, so that Delete can go on. */
  if (self->built && position != GTK_INVALID_LIST_POSITION)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));

      if (n > 0)
        {
          g_autoptr(UpStakeholder) next = g_list_model_get_item (G_LIST_MODEL (self->selection),
                                                                 MIN (position, n - 1));
          set_selected (self, next);
        }
    }

  overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  if (overlay == NULL)
    return;

  /* Toast titles are Pango markup; names are plain text. */
  excerpt = up_text_util_excerpt (name, UP_TEXT_UTIL_QUOTE_CHARS);
  escaped = g_markup_escape_text (excerpt, -1);
  /* Translators: A toast after a stakeholder was deleted; %1$s is the
   * stakeholder's name. */
  title = g_strdup_printf (_("“%1$s” deleted"), escaped);
  toast = up_undo_toast_new (self->project, title);
  g_set_weak_pointer (&self->delete_toast, toast);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);

  /* A button that went insensitive for a moment dropped the focus: the
   * next Tab started at the window's first button. The register takes it. */
  if (self->built && gtk_root_get_focus (gtk_widget_get_root (widget)) == NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

/* The selected stakeholder's notes in the Notes view, and a new one about
 * them there: the window's actions, which switch the view. */
static void
show_notes_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  UpStakeholderView *self = UP_STAKEHOLDER_VIEW (widget);

  if (!is_alive (self, self->selected))
    return;
  commit_pending (self);
  gtk_widget_activate_action (widget, "win.show-notes", "(sxx)", "stakeholder",
                              up_record_get_id (UP_RECORD (self->selected)), (gint64) 0);
}

static void
add_note_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  UpStakeholderView *self = UP_STAKEHOLDER_VIEW (widget);

  if (!is_alive (self, self->selected))
    return;
  commit_pending (self);
  gtk_widget_activate_action (widget, "win.add-stakeholder-note", "x",
                              up_record_get_id (UP_RECORD (self->selected)));
}

static void
focus_search_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  UpStakeholderView *self = UP_STAKEHOLDER_VIEW (widget);

  if (self->built)
    gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
on_export_done (GFile        *file,
                const GError *error,
                gpointer      user_data)
{
  UpStakeholderView *self = user_data;

  self->exporting = FALSE;
  update_actions (self);
  /* Its button went insensitive meanwhile and dropped the focus: it gets
   * it back, unless the user has moved on. */
  if (self->export_button != NULL && gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self))) == NULL)
    gtk_widget_grab_focus (self->export_button);

  if (error != NULL)
    {
      report_error (self, error);
    }
  else if (file != NULL)
    {
      g_autofree char *basename = g_file_get_basename (file);
      /* Translators: A toast after the grid was exported; %1$s is the file
       * name. */
      g_autofree char *title = g_strdup_printf (_("Exported “%1$s”"), basename);

      add_toast (self, title);
    }
}

static void
export_grid_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  UpStakeholderView *self = UP_STAKEHOLDER_VIEW (widget);

  if (self->project == NULL || self->exporting)
    return;

  /* The export keeps @widget, the view, alive until it is over; a
   * reference of its own here was never dropped when the window closed
   * first (@done is not called then). */
  self->exporting = TRUE;
  update_actions (self);
  up_grid_export_run (widget, self->project, UP_CHART_GRID, on_export_done, self);
}

/* Building the register */

typedef struct
{
  const char *property;
  const char * const *values;     /* enum columns: their labels */
  int         width;              /* at the normal text size, or -1: its header's */
} ColumnInfo;

static const ColumnInfo column_info[UP_STAKEHOLDER_N_COLUMNS] = {
  [UP_STAKEHOLDER_COLUMN_NAME] = { "name", NULL, 120 },
  [UP_STAKEHOLDER_COLUMN_ORGANISATION] = { "organisation", NULL, 130 },
  [UP_STAKEHOLDER_COLUMN_CATEGORY] = { "category", up_stakeholder_categories, 130 },
  [UP_STAKEHOLDER_COLUMN_INFLUENCE] = { "influence", NULL, -1 },
  [UP_STAKEHOLDER_COLUMN_INTEREST] = { "interest", NULL, -1 },
  [UP_STAKEHOLDER_COLUMN_STANCE] = { "stance", up_stakeholder_stances, 110 },
};

static gboolean
transform_enum_label (GBinding     *binding,
                      const GValue *from,
                      GValue       *to,
                      gpointer      user_data)
{
  const char * const *values = user_data;

  g_value_set_string (to, up_enum_label (values, g_value_get_string (from)));
  return TRUE;
}

static gboolean
transform_int_label (GBinding     *binding,
                     const GValue *from,
                     GValue       *to,
                     gpointer      user_data)
{
  /* The record's integer columns are 64-bit properties. */
  gint64 value = G_VALUE_HOLDS_INT64 (from) ? g_value_get_int64 (from) : g_value_get_int (from);

  g_value_take_string (to, g_strdup_printf ("%" G_GINT64_FORMAT, value));
  return TRUE;
}

/* The organisation (often cut in its column) and the category of the
 * stakeholder, as the tooltip of the row's name and organisation: where
 * the register is narrower than its columns (the grid beside it), the
 * Category column gives way (fit_columns()), and this is where a look
 * finds it without opening the stakeholder. A "notify" handler, swapped. */
static void
describe_register_cell (GtkWidget     *label,
                        GParamSpec    *pspec,
                        UpStakeholder *stakeholder)
{
  const char *organisation = up_stakeholder_get_organisation (stakeholder);
  const char *category = up_enum_label (up_stakeholder_categories,
                                        up_record_get_string (UP_RECORD (stakeholder), "category"));
  g_autofree char *tooltip = NULL;

  if (organisation != NULL && organisation[0] != '\0')
    /* Translators: The tooltip of a stakeholder's name and organisation in
     * the register, two lines: %1$s is the organisation, %2$s the category
     * ("Politician"). */
    tooltip = g_strdup_printf (_("Organisation: %1$s\nCategory: %2$s"), organisation, category);
  else
    /* Translators: The tooltip of a stakeholder's name in the register,
     * for one without an organisation: %1$s is the category. */
    tooltip = g_strdup_printf (_("Category: %1$s"), category);
  /* Plain text: the organisation is the user's. */
  if (g_strcmp0 (gtk_widget_get_tooltip_text (label), tooltip) != 0)
    gtk_widget_set_tooltip_text (label, tooltip);
}

/* The register's row, for a screen reader: it takes the focus, and GTK
 * 4.8 named it "GtkListItemWidget". Named by its first cell, again on each
 * edit of the stakeholder (a "notify" handler, swapped). */
static void
name_register_row (GtkWidget     *label,
                   GParamSpec    *pspec,
                   UpStakeholder *stakeholder)
{
  g_autofree char *described = up_stakeholder_grid_describe (stakeholder);
  const char *organisation = up_stakeholder_get_organisation (stakeholder);
  const char *category = up_enum_label (up_stakeholder_categories,
                                        up_record_get_string (UP_RECORD (stakeholder), "category"));
  g_autofree char *name = NULL;

  if (organisation != NULL && organisation[0] != '\0')
    /* Translators: A row of the stakeholder register as a screen reader
     * reads it: %1$s is what the grid says of the stakeholder ("Sara Öberg,
     * Supporter: influence 2, interest 3, Monitor"), %2$s the organisation,
     * %3$s the category. */
    name = g_strdup_printf (_("%1$s; %2$s, %3$s"), described, organisation, category);
  else
    /* Translators: A row of the stakeholder register as a screen reader
     * reads it: %1$s is what the grid says of the stakeholder ("Sara Öberg,
     * Supporter: influence 2, interest 3, Monitor"), %2$s the category. */
    name = g_strdup_printf (_("%1$s; %2$s"), described, category);
  up_a11y_util_name_row (label, name);
  describe_register_cell (label, pspec, stakeholder);
}

static void
on_cell_setup (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  const ColumnInfo *info = user_data;
  GtkWidget *label = gtk_label_new (NULL);
  gboolean numeric = info == &column_info[UP_STAKEHOLDER_COLUMN_INFLUENCE] ||
                     info == &column_info[UP_STAKEHOLDER_COLUMN_INTEREST];

  gtk_label_set_xalign (GTK_LABEL (label), numeric ? 0.5 : 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  if (numeric)
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

static void
on_cell_bind (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  const ColumnInfo *info = user_data;
  GObject *stakeholder = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  GBinding *binding;

  up_list_util_mark_item (label, stakeholder);

  if (info->values != NULL)
    binding = g_object_bind_property_full (stakeholder, info->property, label, "label",
                                           G_BINDING_SYNC_CREATE,
                                           transform_enum_label, NULL,
                                           (gpointer) info->values, NULL);
  else if (g_str_equal (info->property, "influence") || g_str_equal (info->property, "interest"))
    binding = g_object_bind_property_full (stakeholder, info->property, label, "label",
                                           G_BINDING_SYNC_CREATE,
                                           transform_int_label, NULL, NULL, NULL);
  else
    binding = g_object_bind_property (stakeholder, info->property, label, "label",
                                      G_BINDING_SYNC_CREATE);

  g_object_set_data (G_OBJECT (item), "up-binding", binding);

  if (info == &column_info[UP_STAKEHOLDER_COLUMN_NAME])
    {
      name_register_row (label, NULL, UP_STAKEHOLDER (stakeholder));
      g_signal_connect_object (stakeholder, "notify", G_CALLBACK (name_register_row),
                               label, G_CONNECT_SWAPPED);
    }
  else if (info == &column_info[UP_STAKEHOLDER_COLUMN_ORGANISATION])
    {
      describe_register_cell (label, NULL, UP_STAKEHOLDER (stakeholder));
      g_signal_connect_object (stakeholder, "notify", G_CALLBACK (describe_register_cell),
                               label, G_CONNECT_SWAPPED);
    }
}

static void
on_cell_unbind (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  GBinding *binding = g_object_get_data (G_OBJECT (item), "up-binding");

  if (binding != NULL)
    g_binding_unbind (binding);
  g_object_set_data (G_OBJECT (item), "up-binding", NULL);
  if (gtk_list_item_get_item (item) != NULL)
    {
      g_signal_handlers_disconnect_by_func (gtk_list_item_get_item (item), name_register_row,
                                            gtk_list_item_get_child (item));
      g_signal_handlers_disconnect_by_func (gtk_list_item_get_item (item), describe_register_cell,
                                            gtk_list_item_get_child (item));
    }
  up_list_util_mark_item (gtk_list_item_get_child (item), NULL);
}

static char *
enum_label_of (UpStakeholder *stakeholder,
               const char    *property)
{
  const char * const *values = g_str_equal (property, "category")
                             ? up_stakeholder_categories : up_stakeholder_stances;

  if (stakeholder == NULL)
    return NULL;

  return g_strdup (up_enum_label (values, up_record_get_string (UP_RECORD (stakeholder), property)));
}

static GtkSorter *
create_sorter (const ColumnInfo *info)
{
  GtkExpression *expression;

  if (g_str_equal (info->property, "influence") || g_str_equal (info->property, "interest"))
    {
      expression = gtk_property_expression_new (UP_TYPE_STAKEHOLDER, NULL, info->property);
      return GTK_SORTER (gtk_numeric_sorter_new (expression));
    }

  if (info->values != NULL)
    {
      /* The labels as the user reads them, in the order of the language. */
      GtkExpression *param = gtk_constant_expression_new (G_TYPE_STRING, info->property);

      expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 1, &param,
                                                G_CALLBACK (enum_label_of), NULL, NULL);
      return GTK_SORTER (gtk_string_sorter_new (expression));
    }

  expression = gtk_property_expression_new (UP_TYPE_STAKEHOLDER, NULL, info->property);
  return GTK_SORTER (gtk_string_sorter_new (expression));
}

/* The width of the register's column @column: its own, also while
 * fit_columns() hides it. */
static int
column_width (UpStakeholderView *self,
              guint              column)
{
  if (!gtk_column_view_column_get_visible (self->columns[column]))
    return self->hidden_widths[column];

  return gtk_column_view_column_get_fixed_width (self->columns[column]);
}

/* The width of the columns that never give way (fit_columns()). */
static int
kept_columns_width (UpStakeholderView *self)
{
  static const UpStakeholderColumn kept[] = {
    UP_STAKEHOLDER_COLUMN_NAME, UP_STAKEHOLDER_COLUMN_INFLUENCE,
    UP_STAKEHOLDER_COLUMN_INTEREST, UP_STAKEHOLDER_COLUMN_STANCE,
  };
  int width = 0;

  for (guint i = 0; i < G_N_ELEMENTS (kept); i++)
    width += column_width (self, kept[i]);

  return width;
}

/* The editor's height below the register: EDITOR_STACKED_HEIGHT at the
 * normal text size, and as many lines of text larger, since its rows grow
 * with the text: at a text scale of 1.5 on 800 × 600 a stakeholder was
 * edited through a slit of two rows, scrolled for each field. */
static int
editor_stacked_height (UpStakeholderView *self)
{
  double dpi = pango_cairo_context_get_resolution (gtk_widget_get_pango_context (GTK_WIDGET (self)));

  /* no resolution set: the normal 96 dpi */
  if (dpi <= 0)
    return EDITOR_STACKED_HEIGHT;
  return (int) round (EDITOR_STACKED_HEIGHT * MAX (dpi / 96.0, 1.0));
}

/* Beside the register, the editor takes EDITOR_WIDTH; where that would
 * leave the register too narrow for the columns that never give way in a
 * narrow window (640 px, or 800 px with large text), the editor goes below
 * it.
 * The paned keeps the smallest width it had side by side, so that the
 * leaflet around it folds and unfolds at the same widths as before. */
static void
update_register_layout (UpStakeholderView *self)
{
  GtkWidget *paned = GTK_WIDGET (self->paned);
  int width = gtk_widget_get_width (paned);
  int needed = EDITOR_WIDTH + 1;
  gboolean stacked;

  if (!gtk_widget_get_mapped (paned) || width <= 1)
    return;

  needed += kept_columns_width (self);
  /* Only in a narrow window, where the grid is behind its toggle: beside
   * the grid, the editor would get a strip of the window's height. */
  stacked = adw_leaflet_get_folded (self->leaflet) && width < needed;
  if (stacked == self->stacked)
    {
      /* the text size may have changed since */
      if (stacked)
        gtk_widget_set_size_request (GTK_WIDGET (self->editor_stack), -1, editor_stacked_height (self));
      return;
    }

  if (stacked)
    {
      int minimum;

      gtk_widget_measure (paned, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
      gtk_widget_set_size_request (paned, minimum, -1);
    }
  else
    {
      gtk_widget_set_size_request (paned, -1, -1);
    }
  self->stacked = stacked;
  gtk_orientable_set_orientation (GTK_ORIENTABLE (paned),
                                  stacked ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL);
  gtk_widget_set_size_request (GTK_WIDGET (self->editor_stack),
                               stacked ? -1 : EDITOR_WIDTH, stacked ? editor_stacked_height (self) : -1);
  /* A position dragged to along one axis means nothing along the other. */
  g_object_set (paned, "position-set", FALSE, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->editor_stack), self->editing != NULL || !stacked);
}

/* When the register is narrower than its columns (the grid beside it),
 * the columns the editor and the grid show as well give way, the category
 * first, so that stance, influence and interest stay in sight instead of
 * behind a horizontal scroll. */
static void
fit_columns (gpointer user_data)
{
  static const UpStakeholderColumn give_way[] = {
    UP_STAKEHOLDER_COLUMN_CATEGORY,
    UP_STAKEHOLDER_COLUMN_ORGANISATION,
  };
  UpStakeholderView *self = user_data;
  GtkWidget *scrolled = gtk_widget_get_parent (GTK_WIDGET (self->column_view));
  double available = gtk_widget_get_width (scrolled);
  int needed = 0;

  self->fit_idle_id = 0;
  /* A column the user made wider counts from now on. */
  if (gtk_scrolled_window_get_max_content_width (GTK_SCROLLED_WINDOW (scrolled)) != kept_columns_width (self))
    gtk_scrolled_window_set_max_content_width (GTK_SCROLLED_WINDOW (scrolled), kept_columns_width (self));
  update_register_layout (self);
  available = gtk_widget_get_width (scrolled);
  if (available <= 1)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (self->columns); i++)
    needed += column_width (self, i);

  for (guint i = 0; i < G_N_ELEMENTS (give_way); i++)
    {
      GtkColumnViewColumn *column = self->columns[give_way[i]];
      int width = column_width (self, give_way[i]);
      gboolean fits = needed <= available;

      if (gtk_column_view_column_get_visible (column) != fits)
        {
          /* GTK 4.8 still counts the fixed width of a hidden column, and
           * leaves a blank strip as wide at the right, so a hidden column
           * keeps its width here and has none in the view. */
          gtk_column_view_column_set_fixed_width (column, fits ? width : -1);
          self->hidden_widths[give_way[i]] = fits ? 0 : width;
          gtk_column_view_column_set_visible (column, fits);
        }
      if (!fits)
        needed -= width;
    }
}

static void
on_register_width (UpStakeholderView *self)
{
  /* The width is known while the register is allocated: change the
   * columns after that, not in the middle of the layout. */
  if (self->fit_idle_id == 0)
    self->fit_idle_id = g_idle_add_once (fit_columns, self);
}

/* How big the text is against GNOME's normal size: 1.25 with Large Text. */
static double
text_scale (GtkWidget *widget)
{
  int dpi = 0;

  g_object_get (gtk_widget_get_settings (widget), "gtk-xft-dpi", &dpi, NULL);

  return dpi > 0 ? dpi / (96.0 * 1024) : 1.0;
}

/* The width of the register's column @column at the present text size:
 * its own width grown with the text (a name of 14 letters was cut in a
 * column of 120 px with Large Text, and the leaflet, which weighs the
 * columns' widths, saw no need to fold), and at least as wide as its
 * header, and as its longest choice. */
static int
column_fixed_width (UpStakeholderView *self,
                    guint              column)
{
  const ColumnInfo *info = &column_info[column];
  int fixed_width = (int) ceil (info->width * text_scale (GTK_WIDGET (self->column_view)));

  if (info->width <= 0)
    {
      /* As wide as the header with its sort arrow and padding, so that
       * fit_columns() knows every column's width. */
      g_autoptr(PangoLayout) layout =
        gtk_widget_create_pango_layout (GTK_WIDGET (self->column_view),
                                        gtk_column_view_column_get_title (self->columns[column]));
      int text_width;

      pango_layout_get_pixel_size (layout, &text_width, NULL);
      fixed_width = MAX (56, text_width + 44);
    }
  if (info->values != NULL)
    {
      /* A choice is short and says what the column is for: as wide as the
       * longest in the language, cut by nothing ("Stance unknown"). 24 px
       * are the cell's padding. */
      for (guint i = 0; info->values[i] != NULL; i++)
        {
          g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self->column_view),
                                                                          up_enum_label (info->values,
                                                                                         info->values[i]));
          int text_width;

          pango_layout_get_pixel_size (layout, &text_width, NULL);
          fixed_width = MAX (fixed_width, text_width + 24);
        }
    }

  return fixed_width;
}

/* The text size changed (Large Text turned on or off): every column takes
 * its width at the new size, shown or hidden, and fit_columns() weighs
 * them again. Called from an idle, once the widgets' fonts follow. */
static void
rescale_columns (gpointer user_data)
{
  UpStakeholderView *self = user_data;

  self->rescale_idle_id = 0;
  if (self->column_view == NULL)
    return;

  for (guint i = 0; i < UP_STAKEHOLDER_N_COLUMNS; i++)
    {
      int width = column_fixed_width (self, i);

      if (gtk_column_view_column_get_visible (self->columns[i]))
        gtk_column_view_column_set_fixed_width (self->columns[i], width);
      else
        self->hidden_widths[i] = width;
    }
  g_clear_handle_id (&self->fit_idle_id, g_source_remove);
  fit_columns (self);
}

static void
on_text_scale_changed (UpStakeholderView *self)
{
  if (self->rescale_idle_id == 0)
    self->rescale_idle_id = g_idle_add_once (rescale_columns, self);
}

static GtkColumnViewColumn *
add_column (UpStakeholderView *self,
            UpStakeholderColumn column,
            const char        *title,
            gboolean           expand)
{
  const ColumnInfo *info = &column_info[column];
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *view_column;
  g_autoptr(GtkSorter) sorter = create_sorter (info);

  g_signal_connect (factory, "setup", G_CALLBACK (on_cell_setup), (gpointer) info);
  g_signal_connect (factory, "bind", G_CALLBACK (on_cell_bind), (gpointer) info);
  g_signal_connect (factory, "unbind", G_CALLBACK (on_cell_unbind), (gpointer) info);

  view_column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_sorter (view_column, sorter);
  gtk_column_view_column_set_expand (view_column, expand);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  self->columns[column] = view_column;
  gtk_column_view_column_set_fixed_width (view_column, column_fixed_width (self, column));
  gtk_column_view_append_column (self->column_view, view_column);
  g_object_unref (view_column);

  return view_column;
}

static void
sort_by_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  UpStakeholderView *self = UP_STAKEHOLDER_VIEW (widget);
  const char *property = g_variant_get_string (parameter, NULL);

  if (!self->built)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (self->columns); i++)
    if (g_str_equal (column_info[i].property, property))
      {
        gboolean highest_first = g_str_equal (property, "influence") || g_str_equal (property, "interest");

        gtk_column_view_sort_by_column (self->column_view, self->columns[i],
                                        highest_first ? GTK_SORT_DESCENDING : GTK_SORT_ASCENDING);
        return;
      }
}

static GtkWidget *
create_toolbar (UpStakeholderView *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  g_autoptr(GListModel) categories = NULL;
  GtkWidget *button;

  gtk_widget_add_css_class (box, "toolbar");
  gtk_widget_add_css_class (box, "stakeholder-toolbar");

  self->search_entry = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  /* Translators: The placeholder of the stakeholder search. */
  g_object_set (self->search_entry, "placeholder-text", _("Search name or organisation"), NULL);
  /* Its width as wide as the window allows, down to 8 characters: the
   * count beside it is never cut ("8 intr…" in Swedish at 800 pixels). */
  gtk_editable_set_width_chars (GTK_EDITABLE (self->search_entry), 8);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (self->search_entry), 18);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search stakeholders"),
                                  -1);
  /* Escape empties it, as in every GNOME search. */
  g_signal_connect (self->search_entry, "stop-search", G_CALLBACK (gtk_editable_set_text), (gpointer) "");
  g_signal_connect_swapped (self->search_entry, "search-changed",
                            G_CALLBACK (on_search_changed), self);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->search_entry));

  /* Translators: The first entry of the category filter of the register. */
  categories = create_label_model (up_stakeholder_categories, _("All Categories"));
  self->category_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (g_object_ref (categories), NULL));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->category_dropdown), _("Show One Category"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->category_dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Category"),
                                  -1);
  g_signal_connect_swapped (self->category_dropdown, "notify::selected",
                            G_CALLBACK (on_category_filter_changed), self);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->category_dropdown));

  /* The column headers sort, but only with a pointer: the same from the
   * keyboard. */
  {
    g_autoptr(GMenu) menu = g_menu_new ();
    GtkWidget *sort = gtk_menu_button_new ();

    /* Translators: the sort menu's items; each takes an underlined
     * letter of its own (the menu's keys work while it is open). */
    g_menu_append (menu, _("By _Name"), "stakeholders.sort-by('name')");
    g_menu_append (menu, _("By _Organisation"), "stakeholders.sort-by('organisation')");
    g_menu_append (menu, _("By _Influence, Highest First"), "stakeholders.sort-by('influence')");
    g_menu_append (menu, _("By In_terest, Highest First"), "stakeholders.sort-by('interest')");
    g_menu_append (menu, _("By _Stance"), "stakeholders.sort-by('stance')");
    gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (sort), G_MENU_MODEL (menu));
    gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (sort), "view-sort-ascending-symbolic");
    gtk_widget_set_tooltip_text (sort, _("Sort the Stakeholders"));
    gtk_accessible_update_property (GTK_ACCESSIBLE (sort),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, _("Sort the Stakeholders"),
                                    -1);
    gtk_box_append (GTK_BOX (box), sort);
  }

  /* Not ellipsized: the search entry makes room for it. */
  self->count_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->count_label, 0);
  gtk_widget_set_hexpand (GTK_WIDGET (self->count_label), TRUE);
  gtk_widget_set_margin_start (GTK_WIDGET (self->count_label), 6);
  gtk_widget_add_css_class (GTK_WIDGET (self->count_label), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->count_label), "numeric");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->count_label));

  self->grid_button = GTK_TOGGLE_BUTTON (gtk_toggle_button_new ());
  gtk_button_set_icon_name (GTK_BUTTON (self->grid_button), "view-grid-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->grid_button), _("Show the Power/Interest Grid"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->grid_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Show the Power/Interest Grid"),
                                  -1);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->grid_button));

  /* In a window too narrow for its label (large text, Swedish), the
   * button shows an icon only. */
  {
    GtkWidget *squeezer = adw_squeezer_new ();
    GtkWidget *label = gtk_label_new_with_mnemonic (_("E_xport Grid…"));

    adw_squeezer_set_homogeneous (ADW_SQUEEZER (squeezer), FALSE);
    adw_squeezer_set_transition_type (ADW_SQUEEZER (squeezer), ADW_SQUEEZER_TRANSITION_TYPE_NONE);
    adw_squeezer_add (ADW_SQUEEZER (squeezer), label);
    adw_squeezer_add (ADW_SQUEEZER (squeezer), gtk_image_new_from_icon_name ("document-save-as-symbolic"));
    button = gtk_button_new ();
    gtk_button_set_child (GTK_BUTTON (button), squeezer);
    gtk_label_set_mnemonic_widget (GTK_LABEL (label), button);
  }
  self->export_button = button;
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "stakeholders.export-grid");
  /* Named by its label ("Export Grid…", labelled-by through its
   * mnemonic), also while only the icon shows; the tooltip is its
   * description. A name of its own as well was read run together with
   * the label's ("Save the … as PNG, SVG or PDF Export Grid…"). */
  gtk_widget_set_tooltip_text (button, _("Save the Power/Interest Grid as PNG, SVG or PDF"));
  gtk_box_append (GTK_BOX (box), button);

  return box;
}

/* The menu of a row of the register. */
static GMenuModel *
create_row_menu (void)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) section = g_menu_new ();

  /* Translators: In the menu of a stakeholder in the register: the notes
   * that name them, in the Notes view. */
  g_menu_append (section, _("Show _Notes"), "stakeholders.show-notes");
  /* Translators: In the menu of a stakeholder in the register: a new note
   * about them. */
  g_menu_append (section, _("_Add Note"), "stakeholders.add-note");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
  g_clear_object (&section);
  section = g_menu_new ();
  g_menu_append (section, _("_Delete Stakeholder"), "stakeholders.delete");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (section));

  return G_MENU_MODEL (g_steal_pointer (&menu));
}

static GtkWidget *
create_list_pane (UpStakeholderView *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *status;
  GtkWidget *action_bar;
  GtkWidget *button;
  GtkWidget *content;

  self->filter = gtk_custom_filter_new (filter_stakeholder, self, NULL);
  self->filter_model = gtk_filter_list_model_new (g_object_ref (up_project_get_stakeholders (self->project)),
                                                  g_object_ref (GTK_FILTER (self->filter)));
  self->sort_model = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->filter_model)), NULL);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->sort_model)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);

  self->column_view = GTK_COLUMN_VIEW (gtk_column_view_new (g_object_ref (GTK_SELECTION_MODEL (self->selection))));
  gtk_column_view_set_show_column_separators (self->column_view, FALSE);
  gtk_column_view_set_reorderable (self->column_view, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->column_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Stakeholders"),
                                  -1);

  add_column (self, UP_STAKEHOLDER_COLUMN_NAME, _("Name"), TRUE);
  add_column (self, UP_STAKEHOLDER_COLUMN_ORGANISATION, _("Organisation"), TRUE);
  add_column (self, UP_STAKEHOLDER_COLUMN_CATEGORY, _("Category"), FALSE);
  /* Translators: A narrow column header: influence 1 to 5. */
  add_column (self, UP_STAKEHOLDER_COLUMN_INFLUENCE, C_("column", "Influence"), FALSE);
  /* Translators: A narrow column header: interest 1 to 5. */
  add_column (self, UP_STAKEHOLDER_COLUMN_INTEREST, C_("column", "Interest"), FALSE);
  add_column (self, UP_STAKEHOLDER_COLUMN_STANCE, _("Stance"), FALSE);
  g_signal_connect_object (gtk_widget_get_settings (GTK_WIDGET (self->column_view)), "notify::gtk-xft-dpi",
                           G_CALLBACK (on_text_scale_changed), self, G_CONNECT_SWAPPED);

  gtk_sort_list_model_set_sorter (self->sort_model, gtk_column_view_get_sorter (self->column_view));

  g_signal_connect_swapped (self->selection, "notify::selected-item",
                            G_CALLBACK (on_list_selection_changed), self);
  g_signal_connect_swapped (self->filter_model, "items-changed",
                            G_CALLBACK (on_filtered_items_changed), self);

  /* Delete deletes the selected stakeholder, but only from the list and
   * the grid: in the editor's entries it deletes text. */
  up_list_util_add_delete_key (GTK_WIDGET (self->column_view), "stakeholders.delete");
  up_a11y_util_tab_leaves_list (GTK_WIDGET (self->column_view));
  if (self->row_menu == NULL)
    self->row_menu = create_row_menu ();
  up_list_util_set_context_menu (register_rows (self), self->row_menu);

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_AUTOMATIC, GTK_POLICY_AUTOMATIC);
  /* Its natural width is that of the columns that never give way (the
   * others' are cut off by the maximum, kept up in fit_columns()): the
   * leaflet folds where the register would get less beside the grid (see
   * _up_stakeholder_view_ensure_built()). */
  gtk_scrolled_window_set_propagate_natural_width (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_width (GTK_SCROLLED_WINDOW (scrolled), kept_columns_width (self));
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->column_view));
  g_signal_connect_object (gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (scrolled)),
                           "notify::page-size", G_CALLBACK (on_register_width), self, G_CONNECT_SWAPPED);

  status = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "edit-find-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (status), _("No Matching Stakeholders"));
  adw_status_page_set_description (ADW_STATUS_PAGE (status),
                                   _("Try another search or category."));
  gtk_widget_add_css_class (status, "compact");

  self->list_stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->list_stack), TRUE);
  gtk_stack_add_named (self->list_stack, scrolled, "list");
  gtk_stack_add_named (self->list_stack, status, "no-results");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->list_stack));

  action_bar = gtk_action_bar_new ();
  button = gtk_button_new ();
  content = adw_button_content_new ();
  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "list-add-symbolic");
  /* Translators: Its underlined letter is in sight with the save banner's
   * buttons (Try Again, Save As; Overwrite, Reload, Save a Copy) and
   * Export Grid: take one none of them has. */
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), _("Add _Stakeholder"));
  adw_button_content_set_use_underline (ADW_BUTTON_CONTENT (content), TRUE);
  gtk_button_set_child (GTK_BUTTON (button), content);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "stakeholders.add");
  gtk_action_bar_pack_start (GTK_ACTION_BAR (action_bar), button);

  button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "stakeholders.delete");
  gtk_widget_set_tooltip_text (button, _("Delete Stakeholder"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Delete Stakeholder"),
                                  -1);
  gtk_action_bar_pack_end (GTK_ACTION_BAR (action_bar), button);
  gtk_box_append (GTK_BOX (box), action_bar);

  gtk_widget_add_css_class (box, "stakeholder-list-pane");
  gtk_widget_set_size_request (box, 300, -1);

  return box;
}

static UpEntryRow *
add_entry_row (UpStakeholderView *self,
               GtkWidget         *group,
               const char        *title,
               const char        *property)
{
  GtkWidget *row = up_entry_row_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  g_object_set_data (G_OBJECT (row), "up-property", (gpointer) property);
  g_signal_connect_swapped (row, "entry-activated", G_CALLBACK (on_entry_activated), self);
  up_entry_row_set_typing_pause (UP_ENTRY_ROW (row), TYPING_COMMIT_MS);
  g_signal_connect_swapped (row, "typing-paused", G_CALLBACK (on_entry_typing_paused), self);
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (on_entry_focus_leave), self);
  gtk_widget_add_controller (row, focus);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);

  return UP_ENTRY_ROW (row);
}

static AdwComboRow *
add_combo_row (UpStakeholderView  *self,
               GtkWidget          *group,
               const char         *title,
               const char * const *values,
               GCallback           callback)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GListModel) labels = create_label_model (values, NULL);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), labels);
  adw_combo_row_set_expression (ADW_COMBO_ROW (row),
                                gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));
  g_signal_connect_swapped (row, "notify::selected", callback, self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);

  return ADW_COMBO_ROW (row);
}

static GtkSpinButton *
add_spin_row (UpStakeholderView *self,
              GtkWidget         *group,
              const char        *title,
              const char        *subtitle)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (1, 5, 1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), 0);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  /* Named by the row's title, which AdwActionRow relates to its
   * activatable widget: a label of its own besides was read twice
   * ("Influence Influence"). */
  g_signal_connect_swapped (spin, "value-changed", G_CALLBACK (on_spin_value_changed), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);

  return GTK_SPIN_BUTTON (spin);
}

static GtkWidget *
create_editor (UpStakeholderView *self)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  GtkWidget *group;
  GtkWidget *status;
  GtkWidget *button;

  self->editor_stack = GTK_STACK (gtk_stack_new ());

  status = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "avatar-default-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (status), _("No Stakeholder Selected"));
  adw_status_page_set_description (ADW_STATUS_PAGE (status),
                                   _("Select a stakeholder in the list or the grid to edit it."));
  gtk_widget_add_css_class (status, "compact");
  gtk_stack_add_named (self->editor_stack, status, "none");

  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Stakeholder"));
  self->name_row = add_entry_row (self, group, _("Name"), "name");
  self->organisation_row = add_entry_row (self, group, _("Organisation"), "organisation");
  self->category_row = add_combo_row (self, group, _("Category"), up_stakeholder_categories,
                                      G_CALLBACK (on_category_selected));
  self->contact_row = add_entry_row (self, group, _("Contact"), "contact");
  gtk_box_append (GTK_BOX (box), group);

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Position"));
  self->influence_spin = add_spin_row (self, group, _("Influence"),
                                       _("How much say they have, 1 to 5"));
  self->interest_spin = add_spin_row (self, group, _("Interest"),
                                      _("How much the procurement matters to them, 1 to 5"));
  self->stance_row = add_combo_row (self, group, _("Stance"), up_stakeholder_stances,
                                    G_CALLBACK (on_stance_selected));
  gtk_box_append (GTK_BOX (box), group);

  group = adw_preferences_group_new ();
  self->notes_group = ADW_PREFERENCES_GROUP (group);
  /* Translators: The heading of the notes that name a stakeholder, in
   * their panel. */
  adw_preferences_group_set_title (self->notes_group, C_("stakeholder", "Notes"));
  /* An icon: with its words the heading beside it was cut in Swedish. */
  button = gtk_button_new_from_icon_name ("list-add-symbolic");
  gtk_widget_set_tooltip_text (button, _("Add Note"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Add Note"),
                                  -1);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "stakeholders.add-note");
  gtk_widget_set_name (button, "stakeholder-add-note");
  adw_preferences_group_set_header_suffix (self->notes_group, button);
  self->notes_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->notes_list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->notes_list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->notes_list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, C_("stakeholder", "Notes"),
                                  -1);
  /* one Tab stop; the arrows move among its rows */
  up_a11y_util_tab_leaves_list (GTK_WIDGET (self->notes_list));
  adw_preferences_group_add (self->notes_group, GTK_WIDGET (self->notes_list));
  gtk_box_append (GTK_BOX (box), group);

  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 560);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_stack_add_named (self->editor_stack, scrolled, "editor");
  gtk_stack_set_visible_child_name (self->editor_stack, "none");

  gtk_widget_set_size_request (GTK_WIDGET (self->editor_stack), EDITOR_WIDTH, -1);

  return GTK_WIDGET (self->editor_stack);
}

static GtkWidget *
create_grid_pane (UpStakeholderView *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *title = gtk_label_new (_("Power/Interest Grid"));
  GtkWidget *hint = gtk_label_new (_("Drag a stakeholder to another cell, or select one and press Alt and an arrow key."));
  GtkWidget *scroller;

  gtk_widget_add_css_class (box, "stakeholder-grid-pane");
  /* The grid's own width, not a share of the window's: the list and the
   * editor take what is left. */
  gtk_widget_set_hexpand (box, FALSE);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "heading");
  gtk_widget_set_margin_top (title, 12);
  gtk_widget_set_margin_start (title, 12);
  gtk_widget_set_margin_end (title, 12);
  gtk_box_append (GTK_BOX (box), title);

  gtk_label_set_xalign (GTK_LABEL (hint), 0);
  gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (hint), 40);
  gtk_widget_add_css_class (hint, "dim-label");
  gtk_widget_add_css_class (hint, "caption");
  gtk_widget_set_margin_start (hint, 12);
  gtk_widget_set_margin_end (hint, 12);
  gtk_box_append (GTK_BOX (box), hint);

  self->grid = UP_STAKEHOLDER_GRID (up_stakeholder_grid_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->grid), TRUE);
  gtk_widget_set_margin_start (GTK_WIDGET (self->grid), 6);
  gtk_widget_set_margin_end (GTK_WIDGET (self->grid), 6);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->grid), 6);
  up_stakeholder_grid_set_project (self->grid, self->project);
  up_stakeholder_grid_set_context_menu (self->grid, self->row_menu);
  g_signal_connect_swapped (self->grid, "notify::selected",
                            G_CALLBACK (on_grid_selection_changed), self);
  g_signal_connect_swapped (self->grid, "error", G_CALLBACK (on_child_error), self);
  gtk_widget_add_controller (GTK_WIDGET (self->grid), up_list_util_new_delete_shortcuts ("stakeholders.delete"));

  /* The grid keeps the height its names are read at and scrolls in a
   * window shorter than it: asking the window for that height made it
   * 631 px high on a screen of 600 (a small laptop, a projector), its
   * bottom off the screen, also after the grid had gone behind its
   * toggle. Its width still folds the leaflet, as before. */
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->grid));
  gtk_box_append (GTK_BOX (box), scroller);

  return box;
}

/* Wide: the list, the editor and the grid side by side. Narrow: the
 * leaflet shows either the register or the grid, and the toggle chooses. */
static void
on_grid_toggled (UpStakeholderView *self)
{
  adw_leaflet_set_visible_child_name (self->leaflet,
                                      gtk_toggle_button_get_active (self->grid_button)
                                      ? "grid" : "register");
}

static void
update_grid_toggle (gpointer user_data)
{
  UpStakeholderView *self = user_data;

  self->fold_idle_id = 0;
  if (self->built)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->grid_button), adw_leaflet_get_folded (self->leaflet));
      update_register_layout (self);
    }
}

static void
on_leaflet_folded (UpStakeholderView *self)
{
  /* The leaflet folds while it is allocated: show or hide the toggle
   * after that, not in the middle of the layout. */
  if (self->fold_idle_id == 0)
    self->fold_idle_id = g_idle_add_once (update_grid_toggle, self);
}

void
_up_stakeholder_view_ensure_built (UpStakeholderView *self)
{
  GtkWidget *box;
  GtkWidget *paned;
  GtkWidget *separator;

  if (self->built || self->project == NULL)
    return;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (box), create_toolbar (self));
  gtk_box_append (GTK_BOX (box), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));

  paned = gtk_paned_new (GTK_ORIENTATION_HORIZONTAL);
  self->paned = GTK_PANED (paned);
  gtk_paned_set_start_child (GTK_PANED (paned), create_list_pane (self));
  gtk_paned_set_end_child (GTK_PANED (paned), create_editor (self));
  gtk_paned_set_resize_end_child (GTK_PANED (paned), FALSE);
  gtk_paned_set_shrink_start_child (GTK_PANED (paned), FALSE);
  gtk_paned_set_shrink_end_child (GTK_PANED (paned), FALSE);

  self->leaflet = ADW_LEAFLET (adw_leaflet_new ());
  adw_leaflet_set_homogeneous (self->leaflet, FALSE);
  /* The register, the editor and the grid side by side only where each
   * gets its natural width. On a laptop (1,280 or 1,366 px) the grid beside
   * them left the register 338 or 382 px for 448 px of columns, the
   * stance cut; there the grid goes behind its toggle, as in a narrow
   * window, rather than the register scrolling sideways: a table whose
   * name column scrolls out of sight is hard to read, and the grid is one
   * click away. */
  adw_leaflet_set_fold_threshold_policy (self->leaflet, ADW_FOLD_THRESHOLD_POLICY_NATURAL);
  adw_leaflet_set_can_navigate_back (self->leaflet, FALSE);
  adw_leaflet_set_can_navigate_forward (self->leaflet, FALSE);
  /* The first layout of a narrow window folds it: no animation for that. */
  adw_leaflet_set_mode_transition_duration (self->leaflet, 0);
  adw_leaflet_page_set_name (adw_leaflet_append (self->leaflet, paned), "register");
  separator = gtk_separator_new (GTK_ORIENTATION_VERTICAL);
  adw_leaflet_page_set_navigatable (adw_leaflet_append (self->leaflet, separator), FALSE);
  adw_leaflet_page_set_name (adw_leaflet_append (self->leaflet, create_grid_pane (self)), "grid");
  gtk_widget_set_vexpand (GTK_WIDGET (self->leaflet), TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->leaflet));

  g_signal_connect_swapped (self->grid_button, "notify::active",
                            G_CALLBACK (on_grid_toggled), self);
  g_signal_connect_swapped (self->leaflet, "notify::folded",
                            G_CALLBACK (on_leaflet_folded), self);

  adw_bin_set_child (self->register_bin, box);
  self->built = TRUE;
  up_a11y_util_name_controls (box);

  update_grid_toggle (self);
  on_grid_toggled (self);
  update_count (self);
  set_selected (self, self->selected);
}

/* The project */

/* Before the register goes: taking it apart changes the sorter and the
 * selection, which must no longer reach the view. */
static void
disconnect_register (UpStakeholderView *self)
{
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  if (self->filter_model != NULL)
    g_signal_handlers_disconnect_by_data (self->filter_model, self);
  if (self->grid != NULL)
    g_signal_handlers_disconnect_by_data (self->grid, self);
  if (self->leaflet != NULL)
    g_signal_handlers_disconnect_by_data (self->leaflet, self);
  if (self->grid_button != NULL)
    g_signal_handlers_disconnect_by_data (self->grid_button, self);
}

/* The widgets belong to the register's tree; the models are ours. */
static void
clear_register_pointers (UpStakeholderView *self)
{
  self->search_entry = NULL;
  self->category_dropdown = NULL;
  self->count_label = NULL;
  self->grid_button = NULL;
  self->leaflet = NULL;
  self->list_stack = NULL;
  self->column_view = NULL;
  memset (self->columns, 0, sizeof self->columns);
  self->grid = NULL;
  self->editor_stack = NULL;
  self->name_row = NULL;
  self->organisation_row = NULL;
  self->category_row = NULL;
  self->influence_spin = NULL;
  self->interest_spin = NULL;
  self->stance_row = NULL;
  self->contact_row = NULL;
  self->notes_group = NULL;
  self->notes_list = NULL;
}

static void
teardown_register (UpStakeholderView *self)
{
  if (!self->built)
    return;

  /* The models hold the old project's list; the next showing builds anew. */
  set_editing (self, NULL);
  disconnect_register (self);
  adw_bin_set_child (self->register_bin, NULL);
  clear_register_pointers (self);
  g_clear_object (&self->selection);
  g_clear_object (&self->sort_model);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->filter);
  self->built = FALSE;
}

/* GtkWidget */

static void
up_stakeholder_view_map (GtkWidget *widget)
{
  UpStakeholderView *self = UP_STAKEHOLDER_VIEW (widget);

  _up_stakeholder_view_ensure_built (self);

  GTK_WIDGET_CLASS (up_stakeholder_view_parent_class)->map (widget);

  if (self->notes_dirty)
    rebuild_notes (self);
}

/* GObject */

static void
up_stakeholder_view_dispose (GObject *object)
{
  UpStakeholderView *self = UP_STAKEHOLDER_VIEW (object);

  if (self->editing != NULL)
    g_clear_signal_handler (&self->notify_id, self->editing);
  g_clear_object (&self->editing);
  if (self->project_signals != NULL)
    g_signal_group_set_target (self->project_signals, NULL);
  g_clear_object (&self->project_signals);
  g_clear_weak_pointer (&self->delete_toast);
  g_clear_handle_id (&self->fold_idle_id, g_source_remove);
  g_clear_handle_id (&self->fit_idle_id, g_source_remove);
  g_clear_handle_id (&self->rescale_idle_id, g_source_remove);
  disconnect_register (self);
  self->built = FALSE;

  /* AdwBin unparents its child in its own dispose; the template's would
   * unparent it first and leave AdwBin a dangling pointer. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), UP_TYPE_STAKEHOLDER_VIEW);
  clear_register_pointers (self);

  g_clear_object (&self->selection);
  g_clear_object (&self->sort_model);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->filter);
  g_clear_object (&self->selected);
  g_clear_object (&self->project);
  g_clear_pointer (&self->listed, g_hash_table_unref);

  G_OBJECT_CLASS (up_stakeholder_view_parent_class)->dispose (object);
}

static void
up_stakeholder_view_finalize (GObject *object)
{
  UpStakeholderView *self = UP_STAKEHOLDER_VIEW (object);

  g_free (self->search_key);
  g_clear_object (&self->row_menu);

  G_OBJECT_CLASS (up_stakeholder_view_parent_class)->finalize (object);
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
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = up_stakeholder_view_dispose;
  object_class->finalize = up_stakeholder_view_finalize;
  object_class->get_property = up_stakeholder_view_get_property;
  object_class->set_property = up_stakeholder_view_set_property;

  widget_class->map = up_stakeholder_view_map;

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

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/upphandla/Upphandla/up-stakeholder-view.ui");
  gtk_widget_class_bind_template_child (widget_class, UpStakeholderView, stack);
  gtk_widget_class_bind_template_child (widget_class, UpStakeholderView, register_bin);

  gtk_widget_class_install_action (widget_class, "stakeholders.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "stakeholders.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "stakeholders.show-notes", NULL, show_notes_action);
  gtk_widget_class_install_action (widget_class, "stakeholders.add-note", NULL, add_note_action);
  gtk_widget_class_install_action (widget_class, "stakeholders.sort-by", "s", sort_by_action);
  gtk_widget_class_install_action (widget_class, "stakeholders.export-grid", NULL, export_grid_action);
  gtk_widget_class_install_action (widget_class, "stakeholders.focus-search", NULL, focus_search_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "stakeholders.add", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "stakeholders.focus-search", NULL);
}

static void
up_stakeholder_view_init (UpStakeholderView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->project_signals = g_signal_group_new (UP_TYPE_PROJECT);
  g_signal_group_connect_object (self->project_signals, "changed::stakeholder",
                                 G_CALLBACK (on_stakeholders_changed), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->project_signals, "commit-pending",
                                 G_CALLBACK (commit_pending), self, G_CONNECT_SWAPPED);
  /* Their notes in the panel show the notes, the links and the stages'
   * titles. */
  g_signal_group_connect_object (self->project_signals, "changed::note",
                                 G_CALLBACK (queue_rebuild_notes), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->project_signals, "changed::note_stakeholder",
                                 G_CALLBACK (queue_rebuild_notes), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->project_signals, "changed::stage",
                                 G_CALLBACK (queue_rebuild_notes), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->project_signals, "changed::stakeholder",
                                 G_CALLBACK (queue_rebuild_notes), self, G_CONNECT_SWAPPED);

  update_actions (self);
}

/* Public API */

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
                                 UpProject         *project)
{
  g_return_if_fail (UP_IS_STAKEHOLDER_VIEW (self));
  g_return_if_fail (project == NULL || UP_IS_PROJECT (project));

  if (self->project == project)
    return;

  commit_pending (self);
  set_selected (self, NULL);
  teardown_register (self);

  g_set_object (&self->project, project);
  g_signal_group_set_target (self->project_signals, project);
  g_clear_pointer (&self->listed, g_hash_table_unref);
  update_listed (self);

  gtk_stack_set_visible_child_name (self->stack,
                                    project != NULL &&
                                    g_list_model_get_n_items (up_project_get_stakeholders (project)) > 0
                                    ? "register" : "empty");
  if (project != NULL && gtk_widget_get_mapped (GTK_WIDGET (self)))
    _up_stakeholder_view_ensure_built (self);
  update_actions (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}

/**
 * up_stakeholder_view_get_listed:
 *
 * Returns: (transfer none) (nullable): the stakeholders the register
 *   lists, as searched, filtered and sorted; NULL before the view is
 *   first shown
 */
GListModel *
up_stakeholder_view_get_listed (UpStakeholderView *self)
{
  g_return_val_if_fail (UP_IS_STAKEHOLDER_VIEW (self), NULL);

  return self->sort_model != NULL ? G_LIST_MODEL (self->sort_model) : NULL;
}

UpStakeholder *
up_stakeholder_view_get_selected (UpStakeholderView *self)
{
  g_return_val_if_fail (UP_IS_STAKEHOLDER_VIEW (self), NULL);

  return self->selected;
}

void
up_stakeholder_view_set_selected (UpStakeholderView *self,
                                  UpStakeholder     *stakeholder)
{
  g_return_if_fail (UP_IS_STAKEHOLDER_VIEW (self));
  g_return_if_fail (stakeholder == NULL || UP_IS_STAKEHOLDER (stakeholder));

  set_selected (self, stakeholder);
}

gboolean
up_stakeholder_view_focus_selected (UpStakeholderView *self)
{
  GtkWidget *rows;
  guint position;

  g_return_val_if_fail (UP_IS_STAKEHOLDER_VIEW (self), FALSE);

  if (!self->built)
    return FALSE;

  rows = register_rows (self);
  position = find_position (G_LIST_MODEL (self->selection), self->selected);
  if (rows != NULL && self->selected != NULL && position != GTK_INVALID_LIST_POSITION &&
      up_list_util_focus_item (rows, position, self->selected))
    return TRUE;
  return gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}
