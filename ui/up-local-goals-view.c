/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The region's and the municipality's own goals: a list of them beside the
 * selected goal's fields, the Agenda 2030 targets it is mapped to and the
 * stages that serve it. Every edit is one project edit (one undo step);
 * the widgets follow the project's "changed" signals, so undo and redo
 * show here. Made on first map, like the other views. */

#define G_LOG_DOMAIN "upphandla-local-goals-view"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "up-a11y-util.h"
#include "up-entry-row.h"
#include "up-list-util.h"
#include "up-local-goals-view.h"
#include "up-paste-guard.h"
#include "up-paned-util.h"
#include "up-scroller.h"
#include "up-text-util.h"
#include "up-undo-toast.h"

/* Up to this many stages show whole in the page; more scroll in a list of
 * their own, this high. */
#define STAGE_LIST_ROWS 8
#define STAGE_LIST_HEIGHT 360
/* The target chooser's list: as high as that where there is room, and at
 * least a few targets high on a short screen (it scrolls). */
#define CHOOSER_LIST_HEIGHT 360
#define CHOOSER_LIST_MIN_HEIGHT 150
/* What the popover adds around its child: its padding, border, arrow and
 * the room for its shadow, 76 px with Adwaita (a popover not yet shown
 * measures nothing, so it cannot be asked). */
#define CHOOSER_CHROME 80

/* The widgets of one row of the stage list, made once and bound to one
 * stage after another as the list scrolls. */
typedef struct
{
  GtkWidget      *header;        /* the row's child */
  GtkCheckButton *check;
  GtkLabel       *title;
  GtkLabel       *subtitle;
  UpStage        *stage;         /* bound, or NULL */
  gulong          notify_id;
} StageRow;

typedef struct
{
  const char  *property;
  UpEntryRow  *row;
} FieldRow;

enum {
  FIELD_TITLE,
  FIELD_INDICATOR,
  FIELD_BASELINE,
  FIELD_TARGET_VALUE,
  N_FIELDS
};

/* How long typing in a field may pause before it is committed, as a
 * note's text is (up-notes-view.c). */
#define TYPING_COMMIT_MS 1000

static const char * const field_properties[N_FIELDS] = {
  "title", "indicator", "baseline", "target-value",
};

static const char * const field_titles[N_FIELDS] = {
  N_("Title"), N_("Indicator"), N_("Baseline"), N_("Target value"),
};

struct _UpLocalGoalsView
{
  AdwBin        parent_instance;

  UpProject    *project;
  GSignalGroup *project_signals;
  UpLocalGoal  *goal;            /* the selected one */

  gboolean      built;
  gboolean      updating;
  gboolean      stages_stale;    /* stages changed while unmapped */
  GtkStack     *stack;
  GtkListBox   *goal_list;
  GtkWidget    *add_button;      /* above the list */
  GtkWidget    *detail;          /* the editor beside it */
  AdwComboRow  *level_row;
  UpEntryRow   *fields[N_FIELDS];
  GtkListBox   *target_list;
  GtkDropDown  *chooser_goal;
  GtkListBox   *chooser_list;
  GtkScrolledWindow *chooser_scroller;
  GtkStack     *stage_stack;
  GtkScrolledWindow *stage_scroller;
  GtkListView  *stage_list;
  GtkLabel     *stage_count;     /* "3 of 120 chosen", over the list */
  GtkNoSelection *stage_selection;
  GtkSearchEntry *stage_search;   /* over the list, when it is long */
  GtkFilterListModel *stage_filtered;
  GtkCustomFilter *stage_filter;
  char         *stage_key;       /* the search among them, NULL for none */
  gboolean      stage_refilter;  /* the search, not the stages, changes the list */
  GPtrArray    *stage_rows;      /* StageRow, the bound ones, borrowed */
  GHashTable   *linked_stages;   /* ids (gint64 *) of the stages serving the goal */
  GHashTable   *listed_goals;    /* ids (gint64 *) of the goals the list shows */
  guint         show_goal_tick;  /* scrolls the selected goal's row into sight */
  guint         show_goal_tries;
};

G_DEFINE_FINAL_TYPE (UpLocalGoalsView, up_local_goals_view, ADW_TYPE_BIN)

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

static void refresh_all         (UpLocalGoalsView *self);
static void update_stage_checks (UpLocalGoalsView *self);
static void update_move_actions (UpLocalGoalsView *self);

static void
report (UpLocalGoalsView *self,
        GError           *error)
{
  if (error != NULL)
    g_signal_emit (self, signals[ERROR], 0, error);
}

/* Removes the rows, not the placeholder: it is a child of the list too,
 * and once removed, an empty list showed as a bare line. */
static void
clear_list (GtkListBox *list)
{
  GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list));

  while (child != NULL)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (child);

      if (GTK_IS_LIST_BOX_ROW (child))
        gtk_list_box_remove (list, child);
      child = next;
    }
}

static GHashTable *
goal_targets (UpLocalGoalsView *self)
{
  GHashTable *targets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) list = NULL;

  if (self->project == NULL || self->goal == NULL)
    return targets;

  list = up_project_list_local_goal_targets (self->project, self->goal);
  for (guint i = 0; list != NULL && i < list->len; i++)
    g_hash_table_add (targets, g_strdup (g_ptr_array_index (list, i)));

  return targets;
}

static char *
goal_heading (guint number)
{
  const UpSdgGoal *goal = up_sdg_get_goal (number);

  /* Translators: a heading; %1$u is the goal's number, %2$s its short name. */
  return g_strdup_printf (_("Goal %1$u: %2$s"), goal->number, up_sdg_goal_get_name (goal));
}

static GtkWidget *
colour_chip (guint goal)
{
  GtkWidget *chip = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  g_autofree char *class_name = g_strdup_printf ("sdg-goal-%u", goal);

  /* The colours come from the picker's provider (.sdg-tile.sdg-goal-N). */
  gtk_widget_add_css_class (chip, "sdg-chip");
  gtk_widget_add_css_class (chip, "sdg-tile");
  gtk_widget_add_css_class (chip, class_name);
  gtk_widget_set_valign (chip, GTK_ALIGN_CENTER);

  return chip;
}

/* A title as a label shows it: a label lays out all of its text even when
 * it shows three lines of it, and a 1 MB title would stall the view. */
static char *
shorten (const char *text,
         glong       max_chars)
{
  const char *end;

  if (text == NULL)
    return g_strdup ("");
  if (g_utf8_strlen (text, max_chars * 4 + 1) <= max_chars)
    return g_strdup (text);

  end = g_utf8_offset_to_pointer (text, max_chars);

  return g_strdup_printf ("%.*s…", (int) (end - text), text);
}

/* A title in a list: up to three lines, cut at the end. */
static void
set_up_title (GtkLabel *label)
{
  gtk_label_set_wrap (label, TRUE);
  gtk_label_set_wrap_mode (label, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (label, 3);
  gtk_label_set_ellipsize (label, PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (label, 0);
}

/* The goal list. */

static GtkWidget *
create_goal_row (UpLocalGoal *goal)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  g_autofree char *text = shorten (up_local_goal_get_title (goal), 300);
  GtkWidget *title = gtk_label_new (text);
  GtkWidget *level = gtk_label_new (up_enum_label (up_local_goal_levels, up_local_goal_get_level (goal)));

  set_up_title (GTK_LABEL (title));
  gtk_label_set_xalign (GTK_LABEL (level), 0);
  gtk_widget_add_css_class (level, "caption");
  gtk_widget_add_css_class (level, "dim-label");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), level);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data_full (G_OBJECT (row), "goal", g_object_ref (goal), g_object_unref);

  /* The row takes the focus, and a screen reader read it as "". */
  {
    /* Translators: A local goal in the list as a screen reader reads it:
     * %1$s is its title, %2$s its level ("Municipality"). */
    g_autofree char *name = g_strdup_printf (_("%1$s, %2$s"), text,
                                             gtk_label_get_label (GTK_LABEL (level)));

    gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  }

  return row;
}

/* The sidebar scrolled, as little as it takes, to show the selected
 * goal's row whole, once that row is laid out (the list is made anew at
 * each change, so the row is found at each frame). */
static gboolean
show_selected_goal (GtkWidget     *list,
                    GdkFrameClock *clock,
                    gpointer       user_data)
{
  UpLocalGoalsView *self = user_data;
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->goal_list);

  if (row != NULL && !up_scroller_show (GTK_WIDGET (row)) && ++self->show_goal_tries < 10)
    return G_SOURCE_CONTINUE;

  self->show_goal_tick = 0;
  return G_SOURCE_REMOVE;
}

static void
rebuild_goal_list (UpLocalGoalsView *self)
{
  GListModel *goals = up_project_get_local_goals (self->project);
  guint n = g_list_model_get_n_items (goals);
  GtkListBoxRow *selected = NULL;
  gboolean found = FALSE;
  g_autoptr(GHashTable) listed = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  UpLocalGoal *returned = NULL;
  GtkListBoxRow *returned_row = NULL;
  guint n_new = 0;

  self->updating = TRUE;
  clear_list (self->goal_list);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(UpLocalGoal) goal = g_list_model_get_item (goals, i);
      GtkWidget *row = create_goal_row (goal);
      gint64 *id = g_new (gint64, 1);

      *id = up_record_get_id (UP_RECORD (goal));
      if (!g_hash_table_contains (self->listed_goals, id))
        {
          n_new++;
          returned = goal;
          returned_row = GTK_LIST_BOX_ROW (row);
        }
      g_hash_table_add (listed, id);

      gtk_list_box_append (self->goal_list, row);
      if (goal == self->goal)
        {
          selected = GTK_LIST_BOX_ROW (row);
          found = TRUE;
        }
    }

  /* One goal more than the list showed (the undo of its deletion, the redo
   * of its adding): that goal is shown, as after Add Goal, not the one the
   * deletion had left selected. */
  if (n_new == 1 && g_hash_table_size (self->listed_goals) > 0 && returned != self->goal)
    {
      g_set_object (&self->goal, returned);
      selected = returned_row;
      found = TRUE;
      /* where it is, which may be beyond the goals the sidebar shows */
      self->show_goal_tries = 0;
      if (self->show_goal_tick == 0)
        self->show_goal_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self->goal_list), show_selected_goal,
                                                             self, NULL);
    }
  g_hash_table_unref (self->listed_goals);
  self->listed_goals = g_steal_pointer (&listed);

  /* The selected goal was deleted (or its adding undone): the first one. */
  if (!found)
    {
      g_autoptr(UpLocalGoal) first = n > 0 ? g_list_model_get_item (goals, 0) : NULL;

      g_set_object (&self->goal, first);
      selected = gtk_list_box_get_row_at_index (self->goal_list, 0);
    }

  gtk_list_box_select_row (self->goal_list, selected);
  self->updating = FALSE;

  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "goals" : "empty");
  update_move_actions (self);
}

/* The selected goal's fields. */

static void
refresh_fields (UpLocalGoalsView *self)
{
  const char *values[N_FIELDS];

  if (self->goal == NULL)
    return;

  values[FIELD_TITLE] = up_local_goal_get_title (self->goal);
  values[FIELD_INDICATOR] = up_local_goal_get_indicator (self->goal);
  values[FIELD_BASELINE] = up_local_goal_get_baseline (self->goal);
  values[FIELD_TARGET_VALUE] = up_local_goal_get_target_value (self->goal);

  self->updating = TRUE;
  for (guint i = 0; up_local_goal_levels[i] != NULL; i++)
    if (g_strcmp0 (up_local_goal_levels[i], up_local_goal_get_level (self->goal)) == 0)
      adw_combo_row_set_selected (self->level_row, i);

  for (guint i = 0; i < N_FIELDS; i++)
    {
      const char *value = values[i] ? values[i] : "";
      /* An entry holds at most 65,534 bytes (GtkEntryBuffer), fewer
       * characters than that with å, ä and ö: a longer text (an import,
       * another tool) is shown but not editable here, so that applying the
       * entry cannot cut it short. */
      gboolean fits = up_paste_guard_fits (value);

      /* Read-only before the text comes: an editable field refuses a
       * text that does not fit (up_paste_guard_attach()). */
      gtk_editable_set_editable (GTK_EDITABLE (self->fields[i]), fits);
      if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->fields[i])), value) != 0)
        gtk_editable_set_text (GTK_EDITABLE (self->fields[i]), value);
    }
  self->updating = FALSE;
}

static const char *
goal_field_value (UpLocalGoal *goal,
                  guint        field)
{
  switch (field)
    {
    case FIELD_TITLE:
      return up_local_goal_get_title (goal);
    case FIELD_INDICATOR:
      return up_local_goal_get_indicator (goal);
    case FIELD_BASELINE:
      return up_local_goal_get_baseline (goal);
    case FIELD_TARGET_VALUE:
      return up_local_goal_get_target_value (goal);
    default:
      g_assert_not_reached ();
    }
}

/* What was typed in @row becomes the goal's, unless it is what the goal
 * holds already (no empty undo step). */
static void
commit_field (UpLocalGoalsView *self,
              UpEntryRow       *row)
{
  g_autoptr(GError) error = NULL;

  if (self->updating || self->goal == NULL || !gtk_editable_get_editable (GTK_EDITABLE (row)))
    return;

  for (guint i = 0; i < N_FIELDS; i++)
    {
      const char *text = gtk_editable_get_text (GTK_EDITABLE (row));

      if (self->fields[i] != row || g_strcmp0 (text, goal_field_value (self->goal, i)) == 0)
        continue;

      up_project_set_string (self->project, self->goal, field_properties[i], text, &error);
    }

  report (self, error);
  if (error != NULL)
    refresh_fields (self);
}

/* What was typed belongs to the goal it was typed for: committed before
 * another goal is shown, as when the focus leaves the field. */
static void
commit_pending (UpLocalGoalsView *self)
{
  if (!self->built)
    return;

  for (guint i = 0; i < N_FIELDS; i++)
    commit_field (self, self->fields[i]);
}

static void
on_field_activated (UpLocalGoalsView *self,
                    UpEntryRow       *row)
{
  commit_field (self, row);
}

/* A pause in typing commits the field, as a note's text is committed: a
 * title typed and left in the field was lost by a crash. A title of
 * nothing but blanks, which the project refuses, waits for the field to
 * be left, where it is refused with a reason, not while typing. */
static void
on_field_typing_paused (UpLocalGoalsView *self,
                        UpEntryRow       *row)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  if (*text != '\0' || !g_str_equal (gtk_widget_get_name (GTK_WIDGET (row)), "local-goal-title"))
    commit_field (self, row);
}

/* Tab, a click elsewhere or a view switch commits the field as Return
 * does, as every other editor of the window does: a title typed and left
 * was lost when another goal was chosen. */
static void
on_field_focus_leave (UpLocalGoalsView        *self,
                      GtkEventControllerFocus *controller)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  GtkRoot *root = gtk_widget_get_root (row);

  /* Focus also "leaves" when the whole window is deactivated (another
   * application in front); a half-typed value must not be committed then. */
  if (!GTK_IS_WINDOW (root) || gtk_window_is_active (GTK_WINDOW (root)))
    commit_field (self, UP_ENTRY_ROW (row));
}

static void
on_level_selected (UpLocalGoalsView *self)
{
  g_autoptr(GError) error = NULL;
  guint selected = adw_combo_row_get_selected (self->level_row);

  if (self->updating || self->goal == NULL || selected >= g_strv_length ((char **) up_local_goal_levels))
    return;

  up_project_set_string (self->project, self->goal, "level", up_local_goal_levels[selected], &error);
  report (self, error);
}

/* The targets the goal is mapped to. */

static void
on_remove_target (UpLocalGoalsView *self,
                  GtkButton        *button)
{
  g_autoptr(GError) error = NULL;
  const char *target = g_object_get_data (G_OBJECT (button), "target");

  if (self->goal == NULL)
    return;

  up_project_unlink_local_goal_target (self->project, self->goal, target, &error);
  report (self, error);
}

static void
refresh_targets (UpLocalGoalsView *self)
{
  g_autoptr(GPtrArray) targets = NULL;

  clear_list (self->target_list);
  if (self->goal == NULL)
    return;

  targets = up_project_list_local_goal_targets (self->project, self->goal);
  for (guint i = 0; targets != NULL && i < targets->len; i++)
    {
      const char *target = g_ptr_array_index (targets, i);
      const char *label = up_sdg_target_get_label (target);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *remove = gtk_button_new_from_icon_name ("list-remove-symbolic");
      g_autofree char *goal_name = goal_heading (up_sdg_goal_of_target (target));
      g_autofree char *remove_label = NULL;

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), target);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      if (label != NULL && g_strcmp0 (label, target) != 0)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), label);
      else
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), goal_name);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), colour_chip (up_sdg_goal_of_target (target)));

      /* Translators: a button's accessible name and tooltip; %1$s is a target's id ("12.7"). */
      remove_label = g_strdup_printf (_("Remove target %1$s"), target);
      gtk_widget_set_tooltip_text (remove, remove_label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      remove_label, -1);
      /* made after the view named its controls: its tooltip, its name,
       * is not its description too */
      up_a11y_util_name_controls (remove);
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      g_object_set_data_full (G_OBJECT (remove), "target", g_strdup (target), g_free);
      g_signal_connect_object (remove, "clicked", G_CALLBACK (on_remove_target), self, G_CONNECT_SWAPPED);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);

      gtk_list_box_append (self->target_list, row);
    }
}

/* The target chooser: a goal, then its targets as check boxes. */

static void
on_chooser_target_toggled (UpLocalGoalsView *self,
                           GtkCheckButton   *check)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) linked = NULL;
  const char *target = g_object_get_data (G_OBJECT (check), "target");
  gboolean active = gtk_check_button_get_active (check);

  if (self->updating || self->goal == NULL)
    return;

  linked = goal_targets (self);
  if (active && !g_hash_table_contains (linked, target))
    up_project_link_local_goal_target (self->project, self->goal, target, &error);
  else if (!active && g_hash_table_contains (linked, target))
    up_project_unlink_local_goal_target (self->project, self->goal, target, &error);

  report (self, error);
}

static void
refresh_chooser (UpLocalGoalsView *self)
{
  g_autoptr(GHashTable) linked = goal_targets (self);
  guint number = gtk_drop_down_get_selected (self->chooser_goal) + 1;
  const UpSdgGoal *goal;

  if (number < 1 || number > UP_SDG_N_GOALS)
    number = 1;
  goal = up_sdg_get_goal (number);

  self->updating = TRUE;
  clear_list (self->chooser_list);
  for (guint i = 0; goal->targets[i] != NULL; i++)
    {
      const char *target = goal->targets[i];
      const char *label = up_sdg_target_get_label (target);
      g_autofree char *text = NULL;
      g_autofree char *name = g_strdup_printf ("local-goal-target-%s", target);
      GtkWidget *check = gtk_check_button_new ();
      GtkWidget *check_label;

      if (label == NULL || g_strcmp0 (label, target) == 0)
        text = g_strdup (target);
      else
        /* Translators: a target in the checklist: %1$s is its id ("12.7"), %2$s its short label. */
        text = g_strdup_printf (_("%1$s %2$s"), target, label);

      check_label = gtk_label_new (text);
      gtk_label_set_wrap (GTK_LABEL (check_label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (check_label), 0);
      gtk_label_set_max_width_chars (GTK_LABEL (check_label), 60);
      gtk_widget_set_hexpand (check_label, TRUE);
      gtk_check_button_set_child (GTK_CHECK_BUTTON (check), check_label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
      gtk_widget_set_name (check, name);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), g_hash_table_contains (linked, target));
      g_object_set_data_full (G_OBJECT (check), "target", g_strdup (target), g_free);
      g_signal_connect_object (check, "toggled", G_CALLBACK (on_chooser_target_toggled), self, G_CONNECT_SWAPPED);
      gtk_widget_set_margin_top (check, 3);
      gtk_widget_set_margin_bottom (check, 3);
      gtk_list_box_append (self->chooser_list, check);
    }
  self->updating = FALSE;
}

/* The chooser opens on the global goal of the goal's first target, where
 * the user most likely continues. */
static void
on_chooser_show (UpLocalGoalsView *self)
{
  g_autoptr(GPtrArray) targets = NULL;
  guint number;

  if (self->goal == NULL)
    return;

  targets = up_project_list_local_goal_targets (self->project, self->goal);
  number = targets != NULL && targets->len > 0 ? up_sdg_goal_of_target (g_ptr_array_index (targets, 0)) : 0;
  if (number >= 1 && number <= UP_SDG_N_GOALS)
    gtk_drop_down_set_selected (self->chooser_goal, number - 1);
}

static void
update_chooser_checks (UpLocalGoalsView *self)
{
  g_autoptr(GHashTable) linked = goal_targets (self);

  self->updating = TRUE;
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->chooser_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *check = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row));
      const char *target = check ? g_object_get_data (G_OBJECT (check), "target") : NULL;

      if (target != NULL)
        gtk_check_button_set_active (GTK_CHECK_BUTTON (check), g_hash_table_contains (linked, target));
    }
  self->updating = FALSE;
}

/* The stages that serve the goal: a list view over the project's stage
 * model, so that a project of thousands of stages makes rows only for the
 * few in sight, and the model's items-changed carries added, removed and
 * reordered stages. Whether a stage is linked is read from one set, asked
 * of the project once per change rather than once per stage. */

static gboolean
stage_is_linked (UpLocalGoalsView *self,
                 UpStage          *stage)
{
  gint64 id = up_record_get_id (UP_RECORD (stage));

  return g_hash_table_contains (self->linked_stages, &id);
}

static void
read_linked_stages (UpLocalGoalsView *self)
{
  g_autoptr(GPtrArray) stages = NULL;

  g_hash_table_remove_all (self->linked_stages);
  if (self->project == NULL || self->goal == NULL)
    return;

  stages = up_project_list_local_goal_stages (self->project, self->goal);
  for (guint i = 0; stages != NULL && i < stages->len; i++)
    {
      gint64 *id = g_new (gint64, 1);

      *id = up_record_get_id (g_ptr_array_index (stages, i));
      g_hash_table_add (self->linked_stages, id);
    }
}

static void
toggle_stage (UpLocalGoalsView *self,
              UpStage          *stage,
              gboolean          active)
{
  g_autoptr(GError) error = NULL;
  gboolean linked;

  if (self->goal == NULL || stage == NULL)
    return;

  linked = stage_is_linked (self, stage);
  if (active && !linked)
    up_project_link_stage_local_goal (self->project, stage, self->goal, &error);
  else if (!active && linked)
    up_project_unlink_stage_local_goal (self->project, stage, self->goal, &error);

  report (self, error);
  /* A refused edit leaves the check as the user set it: show the truth. */
  if (error != NULL)
    update_stage_checks (self);
}

static void
show_stage_check (UpLocalGoalsView *self,
                  StageRow         *row)
{
  gboolean updating = self->updating;
  gboolean linked = stage_is_linked (self, row->stage);
  GtkWidget *list_row = up_a11y_util_get_row (row->header);

  self->updating = TRUE;
  gtk_check_button_set_active (row->check, linked);
  self->updating = updating;
  /* The arrow keys move the focus to the row itself, which Space and
   * Enter toggle: it says whether it is ticked, as its check does. */
  if (list_row != NULL)
    gtk_accessible_update_state (GTK_ACCESSIBLE (list_row), GTK_ACCESSIBLE_STATE_CHECKED,
                                 linked ? GTK_ACCESSIBLE_TRISTATE_TRUE : GTK_ACCESSIBLE_TRISTATE_FALSE,
                                 -1);
}

static void
show_stage (StageRow *row)
{
  const char *title = up_stage_get_title (row->stage);
  g_autofree char *text = shorten (title, 300);

  gtk_label_set_text (row->title, text);
  gtk_label_set_text (row->subtitle, up_enum_label (up_stage_kinds, up_stage_get_kind (row->stage)));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  title ? title : "", -1);
  /* The arrow keys move the focus to the row itself, not to its check: a
   * screen reader read it as an unnamed "list item". */
  up_a11y_util_name_row (row->header, title ? title : "");
}

/* How many of the stages serve the goal: with a hundred of them, the
 * ticked ones are far apart in the list. */
static void
update_stage_count (UpLocalGoalsView *self)
{
  /* Of every stage, whatever the search hides: the ticked ones it hides
   * stay ticked. */
  guint total = self->project != NULL ? g_list_model_get_n_items (up_project_get_stages (self->project)) : 0;
  g_autofree char *text = NULL;

  if (self->stage_count == NULL)
    return;

  gtk_widget_set_visible (GTK_WIDGET (self->stage_count), total > 0 && self->goal != NULL);
  /* Translators: Over the stages a regional or local goal can be linked
   * to: how many of all the stages are ticked as serving it. */
  text = g_strdup_printf (ngettext ("%1$'u of %2$'u chosen", "%1$'u of %2$'u chosen", total),
                          g_hash_table_size (self->linked_stages), total);
  gtk_label_set_text (self->stage_count, text);
}

static void
update_stage_checks (UpLocalGoalsView *self)
{
  read_linked_stages (self);
  update_stage_count (self);
  for (guint i = 0; i < self->stage_rows->len; i++)
    show_stage_check (self, g_ptr_array_index (self->stage_rows, i));
}

static void
on_stage_toggled (UpLocalGoalsView *self,
                  GtkCheckButton   *check)
{
  StageRow *row = g_object_get_data (G_OBJECT (check), "stage-row");

  if (self->updating || row == NULL)
    return;

  toggle_stage (self, row->stage, gtk_check_button_get_active (check));
}

/* A click anywhere on the row, or Enter on it, toggles its check, as an
 * activatable row of a boxed list does. */
static void
on_stage_activate (UpLocalGoalsView *self,
                   guint             position)
{
  g_autoptr(UpStage) stage = g_list_model_get_item (G_LIST_MODEL (self->stage_selection), position);

  if (stage != NULL)
    toggle_stage (self, stage, !stage_is_linked (self, stage));
}

/* Space on a row: a list item takes Space to select, which a list without
 * selection ignores, so the list catches it first and toggles the row that
 * has the focus (or holds it, when the check itself has it). */
static gboolean
on_stage_key_pressed (UpLocalGoalsView *self,
                      guint             keyval,
                      guint             keycode,
                      GdkModifierType   state)
{
  GtkWidget *list = GTK_WIDGET (self->stage_list);
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (list));

  if ((keyval != GDK_KEY_space && keyval != GDK_KEY_KP_Space) ||
      (state & gtk_accelerator_get_default_mod_mask ()) != 0)
    return FALSE;

  for (GtkWidget *widget = focus; widget != NULL && widget != list; widget = gtk_widget_get_parent (widget))
    {
      GtkWidget *child = gtk_widget_get_first_child (widget);
      StageRow *row = g_object_get_data (G_OBJECT (widget), "stage-row");

      if (row == NULL && child != NULL)
        row = g_object_get_data (G_OBJECT (child), "stage-row");
      if (row != NULL && row->stage != NULL)
        {
          toggle_stage (self, row->stage, !stage_is_linked (self, row->stage));
          return TRUE;
        }
    }

  return FALSE;
}

static void
on_stage_notify (StageRow   *row,
                 GParamSpec *pspec)
{
  if (g_strcmp0 (pspec->name, "title") == 0 || g_strcmp0 (pspec->name, "kind") == 0)
    show_stage (row);
}

/* A row looks like an AdwActionRow with the check as its prefix: the
 * theme's row > box.header styles it. */
static void
setup_stage_row (UpLocalGoalsView *self,
                 GtkListItem      *item)
{
  StageRow *row = g_new0 (StageRow, 1);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *prefixes = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *titles = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);

  gtk_widget_add_css_class (header, "header");
  gtk_widget_add_css_class (prefixes, "prefixes");
  gtk_widget_add_css_class (titles, "title");
  gtk_widget_add_css_class (title, "title");
  gtk_widget_add_css_class (subtitle, "subtitle");
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (titles, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (titles, TRUE);
  set_up_title (GTK_LABEL (title));
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_box_append (GTK_BOX (prefixes), check);
  gtk_box_append (GTK_BOX (titles), title);
  gtk_box_append (GTK_BOX (titles), subtitle);
  gtk_box_append (GTK_BOX (header), prefixes);
  gtk_box_append (GTK_BOX (header), titles);

  row->header = header;
  row->check = GTK_CHECK_BUTTON (check);
  row->title = GTK_LABEL (title);
  row->subtitle = GTK_LABEL (subtitle);
  g_object_set_data (G_OBJECT (check), "stage-row", row);
  g_object_set_data (G_OBJECT (header), "stage-row", row);
  /* Once per row widget, and the list keeps only what is in sight. */
  g_signal_connect_object (check, "toggled", G_CALLBACK (on_stage_toggled), self, G_CONNECT_SWAPPED);
  g_object_set_data_full (G_OBJECT (item), "stage-row", row, g_free);
  gtk_list_item_set_child (item, header);
}

static void
bind_stage_row (UpLocalGoalsView *self,
                GtkListItem      *item)
{
  StageRow *row = g_object_get_data (G_OBJECT (item), "stage-row");
  g_autofree char *name = NULL;

  row->stage = gtk_list_item_get_item (item);
  name = g_strdup_printf ("local-goal-stage-%" G_GINT64_FORMAT, up_record_get_id (UP_RECORD (row->stage)));
  gtk_widget_set_name (GTK_WIDGET (row->check), name);
  row->notify_id = g_signal_connect_swapped (row->stage, "notify", G_CALLBACK (on_stage_notify), row);
  up_list_util_mark_item (row->header, row->stage);
  show_stage (row);
  show_stage_check (self, row);
  g_ptr_array_add (self->stage_rows, row);
}

static void
unbind_stage_row (UpLocalGoalsView *self,
                  GtkListItem      *item)
{
  StageRow *row = g_object_get_data (G_OBJECT (item), "stage-row");

  g_ptr_array_remove_fast (self->stage_rows, row);
  up_list_util_mark_item (row->header, NULL);
  g_clear_signal_handler (&row->notify_id, row->stage);
  row->stage = NULL;
}

static void
on_stage_count_changed (UpLocalGoalsView *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->stage_selection));
  guint total = self->project != NULL ? g_list_model_get_n_items (up_project_get_stages (self->project)) : 0;

  gtk_stack_set_visible_child_name (self->stage_stack, n > 0 ? "stages" : total > 0 ? "no-match" : "empty");
  /* As high as the stages the search shows, up to a height of its own, as
   * the note editor's stakeholders: kept at the whole list's height, two
   * stages found sat at the top of a card mostly empty. */
  up_scroller_fit_shown (self->stage_scroller, total, STAGE_LIST_ROWS, STAGE_LIST_HEIGHT);
  /* Whether it has a search follows the same count as the note editor's
   * stakeholders: more than fit whole. */
  if (self->stage_search != NULL)
    gtk_widget_set_visible (GTK_WIDGET (self->stage_search), total > STAGE_LIST_ROWS || self->stage_key != NULL);
  update_stage_count (self);
}

/* A stage is found by its title or the kind its row shows under it, as
 * the stage list's find finds it: case folded, accents other than å, ä and
 * ö not needed, as a note's stakeholders are found. */
static gboolean
stage_matches (gpointer item,
               gpointer user_data)
{
  UpLocalGoalsView *self = user_data;

  return self->stage_key == NULL ||
         up_text_util_matches (up_stage_get_title (item), self->stage_key) ||
         up_text_util_matches (up_enum_label (up_stage_kinds, up_stage_get_kind (item)), self->stage_key);
}

static void
set_stage_search (UpLocalGoalsView *self,
                  const char       *text)
{
  g_autofree char *key = text != NULL ? up_text_util_search_key (text) : NULL;
  gboolean narrower;

  if (key != NULL && *key == '\0')
    g_clear_pointer (&key, g_free);
  if (g_strcmp0 (key, self->stage_key) == 0)
    return;

  narrower = key != NULL && self->stage_key != NULL && strstr (key, self->stage_key) != NULL;
  g_free (self->stage_key);
  self->stage_key = g_steal_pointer (&key);
  self->stage_refilter = TRUE;
  gtk_filter_changed (GTK_FILTER (self->stage_filter),
                      narrower ? GTK_FILTER_CHANGE_MORE_STRICT : GTK_FILTER_CHANGE_DIFFERENT);
  self->stage_refilter = FALSE;
}

static void
on_stage_search_changed (UpLocalGoalsView *self)
{
  set_stage_search (self, gtk_editable_get_text (GTK_EDITABLE (self->stage_search)));
}

/* Another goal starts with every stage in the list, as another note with
 * every stakeholder: a search left from the last goal would hide this
 * one's stages. */
static void
clear_stage_search (UpLocalGoalsView *self)
{
  if (self->stage_search != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->stage_search), "");
  set_stage_search (self, NULL);
}

/* A stage that comes back (a delete undone) or is added comes into sight.
 * GtkListView keeps the row at its top in place as rows are inserted
 * above or at it: a stage back at the top of a list scrolled to the top
 * went in above it, the list a row further down. A reorder of all the
 * stages (removed and added alike) leaves the list where it is. */
static void
on_stages_items_changed (UpLocalGoalsView *self,
                         guint             position,
                         guint             removed,
                         guint             added)
{
  /* Rows a search brings back are no stage come back. */
  if (self->stage_refilter)
    return;
  if (removed == 0 && added > 0 && gtk_widget_get_mapped (GTK_WIDGET (self->stage_list)))
    {
      g_autoptr(GObject) stage = g_list_model_get_item (G_LIST_MODEL (self->stage_selection), position);

      /* whole, where GTK 4.8 leaves a row cut at the edge, or one just
       * added below the rows in sight, unscrolled */
      up_list_util_scroll_to_item (GTK_WIDGET (self->stage_list), position, stage);
    }
}

static void
rebuild_stages (UpLocalGoalsView *self)
{
  gtk_filter_list_model_set_model (self->stage_filtered,
                                   self->project ? up_project_get_stages (self->project) : NULL);
  on_stage_count_changed (self);
  update_stage_checks (self);
}

static void
refresh_all (UpLocalGoalsView *self)
{
  if (!self->built || self->project == NULL)
    return;

  rebuild_goal_list (self);
  refresh_fields (self);
  refresh_targets (self);
  update_chooser_checks (self);
  rebuild_stages (self);
}

static void
on_goal_row_selected (UpLocalGoalsView *self,
                      GtkListBoxRow    *row)
{
  UpLocalGoal *goal = row ? g_object_get_data (G_OBJECT (row), "goal") : NULL;

  if (self->updating || goal == NULL || goal == self->goal)
    return;

  commit_pending (self);
  g_set_object (&self->goal, goal);
  clear_stage_search (self);
  refresh_fields (self);
  refresh_targets (self);
  update_chooser_checks (self);
  update_stage_checks (self);
  update_move_actions (self);
}

/* Project signals. */

static void
on_local_goals_changed (UpLocalGoalsView *self)
{
  if (!self->built)
    return;

  rebuild_goal_list (self);
  refresh_fields (self);
  refresh_targets (self);
  update_chooser_checks (self);
  update_stage_checks (self);
}

static void
on_goal_targets_changed (UpLocalGoalsView *self)
{
  if (!self->built)
    return;

  refresh_targets (self);
  update_chooser_checks (self);
}

/* The list follows the stage model by itself; what may change with the
 * stages is the set of linked ones (a deleted stage takes its links, and
 * SQLite may give its id to the next new one). Stages change often (every
 * drag on the timeline): out of sight, the set is read again on map. */
static void
on_stages_changed (UpLocalGoalsView *self)
{
  if (!self->built)
    return;

  /* A stage renamed into or out of the search; the filter watches no
   * titles itself. */
  if (self->stage_key != NULL)
    gtk_filter_changed (GTK_FILTER (self->stage_filter), GTK_FILTER_CHANGE_DIFFERENT);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    update_stage_checks (self);
  else
    self->stages_stale = TRUE;
}

static void
on_stage_goals_changed (UpLocalGoalsView *self)
{
  if (self->built)
    update_stage_checks (self);
}

/* Actions. */

static void
select_goal (UpLocalGoalsView *self,
             UpLocalGoal      *goal)
{
  commit_pending (self);
  g_set_object (&self->goal, goal);
  clear_stage_search (self);
  refresh_all (self);
}

/* Up and down in the list, as far as the list goes. */
static void
update_move_actions (UpLocalGoalsView *self)
{
  GListModel *goals = self->project != NULL ? up_project_get_local_goals (self->project) : NULL;
  guint n = goals != NULL ? g_list_model_get_n_items (goals) : 0;
  gint64 position = self->goal != NULL ? up_local_goal_get_position (self->goal) : -1;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "local-goals.move-up", position > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "local-goals.move-down",
                                 position >= 0 && position + 1 < (gint64) n);
}

static GtkListBoxRow *
row_of_goal (UpLocalGoalsView *self,
             UpLocalGoal      *goal)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->goal_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_BOX_ROW (child) && g_object_get_data (G_OBJECT (child), "goal") == goal)
      return GTK_LIST_BOX_ROW (child);
  return NULL;
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  UpLocalGoalsView *self = UP_LOCAL_GOALS_VIEW (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(UpLocalGoal) goal = self->goal ? g_object_ref (self->goal) : NULL;
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (widget));
  gboolean in_list = focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->goal_list));
  gint64 position;

  if (self->project == NULL || goal == NULL)
    return;

  position = up_local_goal_get_position (goal) + (g_str_has_suffix (action_name, "up") ? -1 : 1);
  if (position < 0)
    return;

  commit_pending (self);
  if (!up_project_reorder_local_goal (self->project, goal, position, &error))
    {
      report (self, error);
      return;
    }

  /* The list was made anew: the focus goes on with the goal's row. */
  if (in_list)
    {
      GtkListBoxRow *row = row_of_goal (self, goal);

      if (row != NULL)
        gtk_widget_grab_focus (GTK_WIDGET (row));
    }
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  UpLocalGoalsView *self = UP_LOCAL_GOALS_VIEW (widget);
  g_autoptr(GError) error = NULL;
  UpLocalGoal *goal;

  if (self->project == NULL)
    return;

  /* Before the new goal's list refresh shows the old goal's fields anew. */
  commit_pending (self);
  goal = up_project_add_local_goal (self->project, "local", _("New goal"), &error);
  if (goal == NULL)
    {
      report (self, error);
      return;
    }

  select_goal (self, goal);
  gtk_widget_grab_focus (GTK_WIDGET (self->fields[FIELD_TITLE]));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  UpLocalGoalsView *self = UP_LOCAL_GOALS_VIEW (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(UpLocalGoal) goal = self->goal ? g_object_ref (self->goal) : NULL;
  GtkWidget *overlay;

  if (self->project == NULL || goal == NULL)
    return;

  if (!up_project_delete_local_goal (self->project, goal, &error))
    {
      report (self, error);
      return;
    }

  /* A deletion can be undone: say so where the user looks. */
  overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  if (overlay != NULL)
    {
      AdwToast *toast = up_undo_toast_new (self->project, _("Goal deleted"));

      adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
    }
}

static void
show_coverage_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  UpLocalGoalsView *self = UP_LOCAL_GOALS_VIEW (widget);

  if (self->goal == NULL)
    return;

  /* The window owns the views: it switches to the Agenda 2030 view. */
  gtk_widget_activate_action (widget, "win.show-coverage", "x",
                              up_record_get_id (UP_RECORD (self->goal)));
}

/* The target chooser opens below its button where it fits there, else on
 * the side with more room in the window, its list as high as leaves it
 * whole on that side. Below the button near the foot of a window on a
 * screen of 600 px it went off the screen, and GTK cut it to the goal's
 * drop-down and two targets although there was room above. The window
 * stands for the screen: where it is the smaller, the list is shorter
 * than it needed to be, and scrolls. */
static void
fit_chooser (GtkMenuButton *button,
             gpointer       user_data)
{
  UpLocalGoalsView *self = user_data;
  GtkPopover *popover = gtk_menu_button_get_popover (button);
  GtkWidget *root = GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (button)));
  graphene_rect_t bounds;
  int above, below, box, list, around, room;

  if (popover == NULL || root == NULL || !gtk_widget_compute_bounds (GTK_WIDGET (button), root, &bounds))
    return;
  above = bounds.origin.y;
  below = gtk_widget_get_height (root) - (bounds.origin.y + bounds.size.height);

  /* What the popover takes around its list (the popover itself, not yet
   * shown, measures nothing); the list may grow as it opens on the goal
   * of the first target (on_chooser_show()), so it counts as its most. */
  gtk_widget_measure (gtk_popover_get_child (popover), GTK_ORIENTATION_VERTICAL, -1, NULL, &box, NULL, NULL);
  gtk_widget_measure (GTK_WIDGET (self->chooser_scroller), GTK_ORIENTATION_VERTICAL, -1, NULL, &list, NULL, NULL);
  around = box - list + CHOOSER_CHROME;

  if (around + CHOOSER_LIST_HEIGHT <= below || below >= above)
    {
      gtk_menu_button_set_direction (button, GTK_ARROW_DOWN);
      room = below;
    }
  else
    {
      gtk_menu_button_set_direction (button, GTK_ARROW_UP);
      room = above;
    }
  gtk_scrolled_window_set_max_content_height (self->chooser_scroller,
                                              CLAMP (room - around, CHOOSER_LIST_MIN_HEIGHT, CHOOSER_LIST_HEIGHT));
}

/* Building, on first map. */

static GtkWidget *
icon_label_button (const char *icon,
                   const char *label,
                   const char *action)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *content = adw_button_content_new ();

  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), icon);
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), label);
  adw_button_content_set_use_underline (ADW_BUTTON_CONTENT (content), TRUE);
  gtk_button_set_child (GTK_BUTTON (button), content);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);

  return button;
}

static GtkWidget *
build_chooser (UpLocalGoalsView *self)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *content = adw_button_content_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  g_autoptr(GtkStringList) goals = gtk_string_list_new (NULL);

  for (guint n = 1; n <= UP_SDG_N_GOALS; n++)
    {
      g_autofree char *heading = goal_heading (n);

      gtk_string_list_append (goals, heading);
    }

  self->chooser_goal = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (goals)), NULL));
  gtk_widget_set_name (GTK_WIDGET (self->chooser_goal), "local-goal-chooser-goal");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->chooser_goal), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Global goal"), -1);
  g_signal_connect_object (self->chooser_goal, "notify::selected", G_CALLBACK (refresh_chooser),
                           self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->chooser_goal));

  self->chooser_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->chooser_list, GTK_SELECTION_NONE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->chooser_list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Targets"), -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->chooser_list));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), CHOOSER_LIST_HEIGHT);
  gtk_widget_set_size_request (scrolled, 320, -1);
  self->chooser_scroller = GTK_SCROLLED_WINDOW (scrolled);
  gtk_box_append (GTK_BOX (box), scrolled);

  gtk_popover_set_child (GTK_POPOVER (popover), box);
  g_signal_connect_object (popover, "show", G_CALLBACK (on_chooser_show), self, G_CONNECT_SWAPPED);
  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "list-add-symbolic");
  /* Translators: Chooses the Agenda 2030 targets of a local goal. Its
   * underlined letter is in sight with the save banner's buttons (Try
   * Again, Save As; Overwrite, Reload, Save a Copy), Add Goal and Show
   * Coverage: take one none of them has. */
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), _("Target_s…"));
  adw_button_content_set_use_underline (ADW_BUTTON_CONTENT (content), TRUE);
  gtk_menu_button_set_child (GTK_MENU_BUTTON (button), content);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (button), fit_chooser, self, NULL);
  gtk_widget_set_name (button, "local-goal-targets-button");
  gtk_widget_set_tooltip_text (button, _("Choose the Agenda 2030 Targets of This Goal"));
  gtk_widget_add_css_class (button, "flat");

  refresh_chooser (self);

  return button;
}

/* The stage list scrolls in a box of its own, a few rows high: a list view
 * only recycles rows when its height is bounded, and the detail around it
 * would otherwise measure every stage of the project. */
static GtkWidget *
build_stage_list (UpLocalGoalsView *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *empty = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *placeholder = gtk_label_new (_("No stages yet"));
  /* Translators: Under the search over the stages a local goal can be
   * linked to, when no stage's title holds what was typed. */
  GtkWidget *no_match = gtk_label_new (_("No matching stages"));
  GtkWidget *no_match_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkEventController *keys = gtk_event_controller_key_new ();

  g_signal_connect_object (factory, "setup", G_CALLBACK (setup_stage_row), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_stage_row), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (factory, "unbind", G_CALLBACK (unbind_stage_row), self, G_CONNECT_SWAPPED);

  self->stage_list = GTK_LIST_VIEW (gtk_list_view_new (GTK_SELECTION_MODEL (g_object_ref (self->stage_selection)),
                                                       factory));
  gtk_widget_set_name (GTK_WIDGET (self->stage_list), "local-goal-stages");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->stage_list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Stages"), -1);
  gtk_list_view_set_show_separators (self->stage_list, TRUE);
  gtk_list_view_set_single_click_activate (self->stage_list, TRUE);
  /* A card like the boxed lists above it: without .view, whose background
   * would win over the card's in the dark style. The rounded corners clip
   * the rows' hover background. */
  gtk_widget_remove_css_class (GTK_WIDGET (self->stage_list), "view");
  gtk_widget_add_css_class (GTK_WIDGET (self->stage_list), "card");
  gtk_widget_set_overflow (GTK_WIDGET (self->stage_list), GTK_OVERFLOW_HIDDEN);
  g_signal_connect_object (self->stage_list, "activate", G_CALLBACK (on_stage_activate), self, G_CONNECT_SWAPPED);
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_stage_key_pressed), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->stage_list), keys);
  g_signal_connect_object (self->stage_selection, "items-changed", G_CALLBACK (on_stage_count_changed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->stage_selection, "items-changed", G_CALLBACK (on_stages_items_changed),
                           self, G_CONNECT_SWAPPED);

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->stage_list));
  /* Its height follows the number of stages (on_stage_count_changed()). */
  self->stage_scroller = GTK_SCROLLED_WINDOW (scrolled);

  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_widget_add_css_class (empty, "card");
  gtk_box_append (GTK_BOX (empty), placeholder);

  gtk_widget_add_css_class (no_match, "dim-label");
  gtk_label_set_wrap (GTK_LABEL (no_match), TRUE);
  gtk_widget_set_margin_top (no_match, 12);
  gtk_widget_set_margin_bottom (no_match, 12);
  gtk_widget_add_css_class (no_match_box, "card");
  gtk_box_append (GTK_BOX (no_match_box), no_match);

  self->stage_stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_set_vhomogeneous (self->stage_stack, FALSE);
  gtk_stack_add_named (self->stage_stack, scrolled, "stages");
  gtk_stack_add_named (self->stage_stack, empty, "empty");
  gtk_stack_add_named (self->stage_stack, no_match_box, "no-match");

  self->stage_search = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  /* Not "local-goal-stage-…": that names the stages' checks. */
  gtk_widget_set_name (GTK_WIDGET (self->stage_search), "local-goal-stages-search");
  /* Translators: The placeholder of the search over the stages a local
   * goal can be linked to. */
  g_object_set (self->stage_search, "placeholder-text", _("Search title or kind"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->stage_search),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search stages"), -1);
  gtk_widget_set_visible (GTK_WIDGET (self->stage_search), FALSE);
  /* Escape empties it, as in every GNOME search. */
  g_signal_connect (self->stage_search, "stop-search", G_CALLBACK (gtk_editable_set_text), (gpointer) "");
  g_signal_connect_object (self->stage_search, "search-changed", G_CALLBACK (on_stage_search_changed),
                           self, G_CONNECT_SWAPPED);

  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->stage_search));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->stage_stack));

  return box;
}

static GtkWidget *
build_detail (UpLocalGoalsView *self)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  GtkWidget *goal_group = adw_preferences_group_new ();
  GtkWidget *target_group = adw_preferences_group_new ();
  GtkWidget *stage_group = adw_preferences_group_new ();
  GtkWidget *actions = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *coverage = icon_label_button ("io.github.upphandla.Upphandla-agenda-symbolic", _("Show _Coverage"),
                                           "local-goals.show-coverage");
  GtkWidget *delete = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autoptr(GtkStringList) levels = gtk_string_list_new (NULL);
  GtkWidget *placeholder;

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (goal_group), _("Goal"));
  gtk_widget_set_name (coverage, "local-goal-show-coverage");
  gtk_widget_add_css_class (coverage, "flat");
  gtk_widget_set_tooltip_text (delete, _("Delete Goal"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (delete), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Delete Goal"), -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (delete), "local-goals.delete");
  gtk_widget_add_css_class (delete, "flat");
  gtk_box_append (GTK_BOX (actions), coverage);
  {
    static const struct { const char *icon, *label, *action, *name; } moves[] = {
      { "go-up-symbolic", N_("Move Goal Up"), "local-goals.move-up", "local-goal-move-up" },
      { "go-down-symbolic", N_("Move Goal Down"), "local-goals.move-down", "local-goal-move-down" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (moves); i++)
      {
        GtkWidget *move = gtk_button_new_from_icon_name (moves[i].icon);

        gtk_widget_set_name (move, moves[i].name);
        gtk_widget_set_tooltip_text (move, _(moves[i].label));
        gtk_accessible_update_property (GTK_ACCESSIBLE (move), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        _(moves[i].label), -1);
        gtk_actionable_set_action_name (GTK_ACTIONABLE (move), moves[i].action);
        gtk_widget_add_css_class (move, "flat");
        gtk_box_append (GTK_BOX (actions), move);
      }
  }
  gtk_box_append (GTK_BOX (actions), delete);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (goal_group), actions);

  for (guint i = 0; up_local_goal_levels[i] != NULL; i++)
    gtk_string_list_append (levels, up_enum_label (up_local_goal_levels, up_local_goal_levels[i]));
  self->level_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->level_row), _("Level"));
  adw_combo_row_set_model (self->level_row, G_LIST_MODEL (levels));
  g_signal_connect_object (self->level_row, "notify::selected", G_CALLBACK (on_level_selected),
                           self, G_CONNECT_SWAPPED);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (goal_group), GTK_WIDGET (self->level_row));

  for (guint i = 0; i < N_FIELDS; i++)
    {
      g_autofree char *name = g_strdup_printf ("local-goal-%s", field_properties[i]);
      GtkEventController *focus;

      self->fields[i] = UP_ENTRY_ROW (up_entry_row_new ());
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->fields[i]), _(field_titles[i]));
      /* No apply button, as in the other editors: it was a stop of its own
       * for Tab between the fields, where the next field's typing went
       * nowhere and a space applied the field before. */
      gtk_widget_set_name (GTK_WIDGET (self->fields[i]), name);
      g_signal_connect_object (self->fields[i], "entry-activated", G_CALLBACK (on_field_activated),
                               self, G_CONNECT_SWAPPED);
      up_entry_row_set_typing_pause (self->fields[i], TYPING_COMMIT_MS);
      g_signal_connect_object (self->fields[i], "typing-paused", G_CALLBACK (on_field_typing_paused),
                               self, G_CONNECT_SWAPPED);
      focus = gtk_event_controller_focus_new ();
      g_signal_connect_object (focus, "leave", G_CALLBACK (on_field_focus_leave), self, G_CONNECT_SWAPPED);
      gtk_widget_add_controller (GTK_WIDGET (self->fields[i]), focus);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (goal_group), GTK_WIDGET (self->fields[i]));
    }
  gtk_box_append (GTK_BOX (box), goal_group);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (target_group), _("Agenda 2030 Targets"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (target_group),
                                         _("The targets of the global goals that this goal is broken down from."));
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (target_group), build_chooser (self));
  self->target_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_widget_set_name (GTK_WIDGET (self->target_list), "local-goal-targets");
  gtk_list_box_set_selection_mode (self->target_list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->target_list), "boxed-list");
  /* Its rows take the focus: a screen reader named the list "GtkListBox". */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->target_list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Agenda 2030 Targets"), -1);
  placeholder = gtk_label_new (_("No targets yet"));
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_list_box_set_placeholder (self->target_list, placeholder);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (target_group), GTK_WIDGET (self->target_list));
  gtk_box_append (GTK_BOX (box), target_group);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (stage_group), _("Stages"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (stage_group),
                                         _("The stages of the procurement that serve this goal."));
  self->stage_count = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_name (GTK_WIDGET (self->stage_count), "local-goal-stages-chosen");
  gtk_widget_add_css_class (GTK_WIDGET (self->stage_count), "dim-label");
  gtk_widget_set_valign (GTK_WIDGET (self->stage_count), GTK_ALIGN_END);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (stage_group), GTK_WIDGET (self->stage_count));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (stage_group), build_stage_list (self));
  gtk_box_append (GTK_BOX (box), stage_group);

  gtk_widget_set_margin_top (box, 24);
  gtk_widget_set_margin_bottom (box, 24);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 720);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_hexpand (scrolled, TRUE);

  return scrolled;
}

/* Tab leaves the list for the goal's editor, Shift+Tab for Add Goal: in
 * a list box the focus moving over the rows selects each, so Tab used to
 * select every goal after the chosen one and open the last. The arrows
 * move in the list. */
static gboolean
on_goal_list_key (UpLocalGoalsView      *self,
                  guint                  keyval,
                  guint                  keycode,
                  GdkModifierType        state,
                  GtkEventControllerKey *controller)
{
  if (keyval != GDK_KEY_Tab && keyval != GDK_KEY_KP_Tab && keyval != GDK_KEY_ISO_Left_Tab)
    return FALSE;

  if (keyval == GDK_KEY_ISO_Left_Tab || (state & GDK_SHIFT_MASK))
    return gtk_widget_grab_focus (self->add_button);
  return gtk_widget_child_focus (self->detail, GTK_DIR_TAB_FORWARD);
}

static void
build (UpLocalGoalsView *self)
{
  GtkWidget *empty = adw_status_page_new ();
  /* Translators: Its underlined letter is in sight with the save banner's
   * buttons (Try Again, Save As; Overwrite, Reload, Save a Copy), Targets
   * and Show Coverage: take one none of them has. */
  GtkWidget *add_first = gtk_button_new_with_mnemonic (_("Add _Goal"));
  GtkWidget *paned = gtk_paned_new (GTK_ORIENTATION_HORIZONTAL);
  GtkWidget *sidebar = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *sidebar_scrolled = gtk_scrolled_window_new ();
  GtkWidget *add = icon_label_button ("list-add-symbolic", _("Add _Goal"), "local-goals.add");

  self->built = TRUE;

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "find-location-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (empty), _("No Local Goals Yet"));
  adw_status_page_set_description (ADW_STATUS_PAGE (empty),
                                   _("Break the global goals down into the region’s and the municipality’s own goals, map them to targets, and link the stages that serve them."));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (add_first), "local-goals.add");
  gtk_widget_set_halign (add_first, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (add_first, "pill");
  gtk_widget_add_css_class (add_first, "suggested-action");
  adw_status_page_set_child (ADW_STATUS_PAGE (empty), add_first);

  gtk_widget_set_name (add, "local-goal-add");
  gtk_widget_set_margin_top (add, 12);
  gtk_widget_set_margin_bottom (add, 6);
  gtk_widget_set_margin_start (add, 12);
  gtk_widget_set_margin_end (add, 12);
  gtk_box_append (GTK_BOX (sidebar), add);

  self->goal_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_widget_set_name (GTK_WIDGET (self->goal_list), "local-goal-list");
  gtk_widget_add_css_class (GTK_WIDGET (self->goal_list), "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->goal_list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Local Goals"), -1);
  g_signal_connect_object (self->goal_list, "row-selected", G_CALLBACK (on_goal_row_selected),
                           self, G_CONNECT_SWAPPED);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (sidebar_scrolled), GTK_WIDGET (self->goal_list));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (sidebar_scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (sidebar_scrolled, TRUE);
  gtk_box_append (GTK_BOX (sidebar), sidebar_scrolled);
  gtk_widget_add_css_class (sidebar, "stage-pane");
  gtk_widget_set_size_request (sidebar, 220, -1);

  self->add_button = add;
  {
    GtkEventController *keys = gtk_event_controller_key_new ();

    gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
    g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_goal_list_key), self, G_CONNECT_SWAPPED);
    gtk_widget_add_controller (GTK_WIDGET (self->goal_list), keys);
  }

  self->detail = build_detail (self);
  gtk_paned_set_start_child (GTK_PANED (paned), sidebar);
  gtk_paned_set_end_child (GTK_PANED (paned), self->detail);
  gtk_paned_set_resize_start_child (GTK_PANED (paned), FALSE);
  gtk_paned_set_shrink_start_child (GTK_PANED (paned), FALSE);
  gtk_paned_set_shrink_end_child (GTK_PANED (paned), FALSE);
  gtk_paned_set_position (GTK_PANED (paned), 280);
  up_paned_util_keep_start_width (GTK_PANED (paned));

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_add_named (self->stack, empty, "empty");
  gtk_stack_add_named (self->stack, paned, "goals");
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->stack));
  up_a11y_util_name_controls (GTK_WIDGET (self->stack));

  refresh_all (self);
}

static void
up_local_goals_view_map (GtkWidget *widget)
{
  UpLocalGoalsView *self = UP_LOCAL_GOALS_VIEW (widget);

  GTK_WIDGET_CLASS (up_local_goals_view_parent_class)->map (widget);

  if (!self->built && self->project != NULL)
    build (self);
  else if (self->built && self->stages_stale)
    update_stage_checks (self);
  self->stages_stale = FALSE;
}

static void
up_local_goals_view_dispose (GObject *object)
{
  UpLocalGoalsView *self = UP_LOCAL_GOALS_VIEW (object);

  if (self->project_signals != NULL)
    g_signal_group_set_target (self->project_signals, NULL);
  g_clear_object (&self->project_signals);
  g_clear_object (&self->project);
  g_clear_object (&self->goal);
  /* Unbinds the rows now, while the stages they watch are all alive. */
  if (self->stage_filtered != NULL)
    gtk_filter_list_model_set_model (self->stage_filtered, NULL);
  g_clear_object (&self->stage_selection);
  g_clear_object (&self->stage_filtered);
  g_clear_object (&self->stage_filter);

  G_OBJECT_CLASS (up_local_goals_view_parent_class)->dispose (object);
}

static void
up_local_goals_view_finalize (GObject *object)
{
  UpLocalGoalsView *self = UP_LOCAL_GOALS_VIEW (object);

  g_clear_pointer (&self->stage_rows, g_ptr_array_unref);
  g_clear_pointer (&self->linked_stages, g_hash_table_unref);
  g_free (self->stage_key);
  g_clear_pointer (&self->listed_goals, g_hash_table_unref);

  G_OBJECT_CLASS (up_local_goals_view_parent_class)->finalize (object);
}

static void
up_local_goals_view_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  UpLocalGoalsView *self = UP_LOCAL_GOALS_VIEW (object);

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
up_local_goals_view_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  UpLocalGoalsView *self = UP_LOCAL_GOALS_VIEW (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      up_local_goals_view_set_project (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
up_local_goals_view_class_init (UpLocalGoalsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = up_local_goals_view_dispose;
  object_class->finalize = up_local_goals_view_finalize;
  object_class->get_property = up_local_goals_view_get_property;
  object_class->set_property = up_local_goals_view_set_property;
  widget_class->map = up_local_goals_view_map;

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

  gtk_widget_class_install_action (widget_class, "local-goals.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "local-goals.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "local-goals.show-coverage", NULL, show_coverage_action);
  gtk_widget_class_install_action (widget_class, "local-goals.move-up", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "local-goals.move-down", NULL, move_action);
  /* As a stage moves up and down in the timeline. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "local-goals.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "local-goals.move-down", NULL);
}

static void
up_local_goals_view_init (UpLocalGoalsView *self)
{
  self->stage_rows = g_ptr_array_new ();
  self->linked_stages = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->listed_goals = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->stage_filter = gtk_custom_filter_new (stage_matches, self, NULL);
  self->stage_filtered = gtk_filter_list_model_new (NULL, GTK_FILTER (g_object_ref (self->stage_filter)));
  self->stage_selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->stage_filtered)));
  self->project_signals = g_signal_group_new (UP_TYPE_PROJECT);
  g_signal_group_connect_object (self->project_signals, "changed::local_goal",
                                 G_CALLBACK (on_local_goals_changed), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->project_signals, "changed::local_goal_target",
                                 G_CALLBACK (on_goal_targets_changed), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->project_signals, "changed::stage",
                                 G_CALLBACK (on_stages_changed), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->project_signals, "changed::stage_local_goal",
                                 G_CALLBACK (on_stage_goals_changed), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->project_signals, "commit-pending",
                                 G_CALLBACK (commit_pending), self, G_CONNECT_SWAPPED);
}

GtkWidget *
up_local_goals_view_new (void)
{
  return g_object_new (UP_TYPE_LOCAL_GOALS_VIEW, NULL);
}

UpProject *
up_local_goals_view_get_project (UpLocalGoalsView *self)
{
  g_return_val_if_fail (UP_IS_LOCAL_GOALS_VIEW (self), NULL);

  return self->project;
}

void
up_local_goals_view_set_project (UpLocalGoalsView *self,
                                 UpProject        *project)
{
  g_return_if_fail (UP_IS_LOCAL_GOALS_VIEW (self));
  g_return_if_fail (project == NULL || UP_IS_PROJECT (project));

  if (self->project == project)
    return;

  /* What was typed belongs to the project it was typed in. */
  commit_pending (self);
  g_set_object (&self->project, project);
  g_clear_object (&self->goal);
  g_hash_table_remove_all (self->listed_goals);
  g_signal_group_set_target (self->project_signals, project);
  if (project != NULL && !self->built && gtk_widget_get_mapped (GTK_WIDGET (self)))
    build (self);
  else
    refresh_all (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}

/* The goal whose fields the view shows, or NULL. */
UpLocalGoal *
up_local_goals_view_get_selected (UpLocalGoalsView *self)
{
  g_return_val_if_fail (UP_IS_LOCAL_GOALS_VIEW (self), NULL);

  return self->goal;
}

/* Gives the focus to the selected goal's row, or to Add Goal when there is
 * none: where the focus goes when what it was on has gone (an undo took
 * the goal whose fields it was in, or made the list anew). */
gboolean
up_local_goals_view_focus_selected (UpLocalGoalsView *self)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (UP_IS_LOCAL_GOALS_VIEW (self), FALSE);

  if (!self->built)
    return FALSE;

  row = gtk_list_box_get_selected_row (self->goal_list);
  if (row != NULL && gtk_widget_grab_focus (GTK_WIDGET (row)))
    return TRUE;
  return gtk_widget_grab_focus (self->add_button);
}
