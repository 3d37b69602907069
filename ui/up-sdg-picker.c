/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The Agenda 2030 links of the selected stage: 17 goal tiles, and the
 * targets of one goal as a checklist with each link's impact, strength and
 * comment. Every edit goes through the project (one undo step each); the
 * widgets follow the project's "changed::sdg_link", so an undo or redo
 * made elsewhere shows here too. */

#define G_LOG_DOMAIN "upphandla-sdg-picker"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "up-a11y-util.h"
#include "up-paste-guard.h"
#include "up-sdg-picker.h"

#define N_COLUMNS 6

typedef struct
{
  char           *target;
  GtkCheckButton *check;
  GtkWidget      *details;
  GtkDropDown    *impact;
  GtkSpinButton  *strength;
  GtkEntry       *comment;
} TargetRow;

struct _UpSdgPicker
{
  AdwBin        parent_instance;

  UpProject    *project;
  UpStage      *stage;
  GSignalGroup *project_signals;

  GtkStack     *stack;
  GtkWidget    *tiles[UP_SDG_N_GOALS];
  GtkLabel     *tile_counts[UP_SDG_N_GOALS];
  GtkLabel     *goal_title;
  GtkWidget    *goal_chip;
  GtkListBox   *target_list;
  GPtrArray    *rows;          /* TargetRow, of the open goal */
  guint         open_goal;     /* 0: the tiles are shown */
  guint         current_tile;  /* the tile Tab goes to, 0 to 16 */

  /* Set while the widgets are brought up to date from the project, so
   * that their change signals do not write back what they just read. */
  gboolean      updating;
};

G_DEFINE_FINAL_TYPE (UpSdgPicker, up_sdg_picker, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_PROJECT,
  PROP_STAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  ERROR,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void refresh (UpSdgPicker *self);

static void
target_row_free (TargetRow *row)
{
  g_free (row->target);
  g_free (row);
}

/* White or black text, whichever contrasts more with the goal's colour
 * (WCAG relative luminance). */
static gboolean
colour_wants_dark_text (const char *colour)
{
  GdkRGBA rgba;
  double channel[3];
  double luminance;

  if (!gdk_rgba_parse (&rgba, colour))
    return FALSE;

  channel[0] = rgba.red;
  channel[1] = rgba.green;
  channel[2] = rgba.blue;
  for (guint i = 0; i < 3; i++)
    channel[i] = channel[i] <= 0.03928 ? channel[i] / 12.92 : pow ((channel[i] + 0.055) / 1.055, 2.4);
  luminance = 0.2126 * channel[0] + 0.7152 * channel[1] + 0.0722 * channel[2];

  return (luminance + 0.05) / 0.05 > 1.05 / (luminance + 0.05);
}

/* The goal colours are facts, not theme colours: one rule per goal, added
 * to the display once. */
static void
ensure_goal_css (void)
{
  static gboolean done;
  g_autoptr(GString) css = NULL;
  g_autoptr(GtkCssProvider) provider = NULL;
  GdkDisplay *display = gdk_display_get_default ();

  if (done || display == NULL)
    return;
  done = TRUE;

  css = g_string_new (NULL);
  for (guint n = 1; n <= UP_SDG_N_GOALS; n++)
    {
      const UpSdgGoal *goal = up_sdg_get_goal (n);

      g_string_append_printf (css, ".sdg-tile.sdg-goal-%u { background-color: %s; color: %s; }\n",
                              n, goal->colour,
                              colour_wants_dark_text (goal->colour) ? "#000000" : "#ffffff");
    }

  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_data (provider, css->str, css->len);
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

/* The stage's links by target (the first link of each; a stage normally
 * has one per target). */
static GHashTable *
links_by_target (UpSdgPicker *self)
{
  GHashTable *table = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) links = NULL;

  if (self->project == NULL || self->stage == NULL)
    return table;

  links = up_project_list_sdg_links (self->project, UP_RECORD (self->stage));
  for (guint i = 0; links != NULL && i < links->len; i++)
    {
      UpSdgLink *link = g_ptr_array_index (links, i);
      const char *target = up_sdg_link_get_target (link);

      if (!g_hash_table_contains (table, target))
        g_hash_table_insert (table, (gpointer) target, link);
    }

  return table;
}

static UpSdgLink *
find_link (UpSdgPicker *self,
           const char  *target)
{
  g_autoptr(GHashTable) links = links_by_target (self);

  return g_hash_table_lookup (links, target);
}

static void
report (UpSdgPicker *self,
        GError      *error)
{
  if (error != NULL)
    g_signal_emit (self, signals[ERROR], 0, error);
}

static char *
goal_heading (const UpSdgGoal *goal)
{
  /* Translators: a heading; %1$u is the goal's number, %2$s its short name. */
  return g_strdup_printf (_("Goal %1$u: %2$s"), goal->number, up_sdg_goal_get_name (goal));
}

static void
update_tile (UpSdgPicker *self,
             guint        number,
             guint        n_linked)
{
  const UpSdgGoal *goal = up_sdg_get_goal (number);
  GtkWidget *tile = self->tiles[number - 1];
  g_autofree char *count = NULL;
  g_autofree char *label = NULL;

  if (n_linked > 0)
    count = g_strdup_printf ("%u", n_linked);
  gtk_label_set_text (self->tile_counts[number - 1], count ? count : "");
  gtk_widget_set_visible (GTK_WIDGET (self->tile_counts[number - 1]), n_linked > 0);

  if (n_linked > 0)
    gtk_widget_add_css_class (tile, "linked");
  else
    gtk_widget_remove_css_class (tile, "linked");

  /* The name says where the tile is among the tiles, which the arrow keys
   * move through: GTK 4.8 passes no position in a set on to a screen
   * reader. */
  if (n_linked == 0)
    /* Translators: the accessible name of a goal tile, as a screen reader
     * reads it moving through the 17 tiles; %1$u is the goal's number,
     * %2$u the number of goals (17), %3$s the goal's short name. */
    label = g_strdup_printf (_("Goal %1$u of %2$u: %3$s, no targets linked"),
                             number, UP_SDG_N_GOALS, up_sdg_goal_get_name (goal));
  else
    /* Translators: the accessible name of a goal tile, as a screen reader
     * reads it moving through the 17 tiles; %1$u is the goal's number,
     * %2$u the number of goals (17), %3$s the goal's short name, %4$u the
     * number of its targets linked to the stage. */
    label = g_strdup_printf (ngettext ("Goal %1$u of %2$u: %3$s, %4$u target linked",
                                       "Goal %1$u of %2$u: %3$s, %4$u targets linked", n_linked),
                             number, UP_SDG_N_GOALS, up_sdg_goal_get_name (goal), n_linked);

  gtk_accessible_update_property (GTK_ACCESSIBLE (tile), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
update_target_row (UpSdgPicker *self,
                   TargetRow   *row,
                   UpSdgLink   *link)
{
  gtk_check_button_set_active (row->check, link != NULL);
  gtk_widget_set_visible (row->details, link != NULL);

  if (link == NULL)
    return;

  for (guint i = 0; up_sdg_impacts[i] != NULL; i++)
    if (g_strcmp0 (up_sdg_impacts[i], up_sdg_link_get_impact (link)) == 0)
      gtk_drop_down_set_selected (row->impact, i);

  gtk_spin_button_set_value (row->strength, up_sdg_link_get_strength (link));

  /* A comment being typed is not overwritten by another edit's refresh. */
  if (!gtk_widget_has_focus (GTK_WIDGET (row->comment)) &&
      !gtk_widget_is_focus (GTK_WIDGET (row->comment)))
    {
      const char *comment = up_sdg_link_get_comment (link) ? up_sdg_link_get_comment (link) : "";
      /* An entry holds at most 65,534 bytes: a longer comment is shown
       * cut and not editable, or leaving the entry would save it cut;
       * its tooltip says why. Read-only before the text comes: an
       * editable field refuses a text that does not fit
       * (up_paste_guard_attach()). */
      gboolean fits = up_paste_guard_fits (comment);

      gtk_editable_set_editable (GTK_EDITABLE (row->comment), fits);
      gtk_widget_set_tooltip_text (GTK_WIDGET (row->comment), fits ? NULL : up_paste_guard_too_long_reason ());
      if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row->comment)), comment) != 0)
        gtk_editable_set_text (GTK_EDITABLE (row->comment), comment);
    }
}

static void
refresh (UpSdgPicker *self)
{
  g_autoptr(GHashTable) links = links_by_target (self);
  guint counts[UP_SDG_N_GOALS + 1] = { 0 };
  GHashTableIter iter;
  gpointer key;

  self->updating = TRUE;

  g_hash_table_iter_init (&iter, links);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      guint goal = up_sdg_goal_of_target (key);

      if (goal >= 1 && goal <= UP_SDG_N_GOALS)
        counts[goal]++;
    }

  for (guint n = 1; n <= UP_SDG_N_GOALS; n++)
    update_tile (self, n, counts[n]);

  for (guint i = 0; self->rows != NULL && i < self->rows->len; i++)
    {
      TargetRow *row = g_ptr_array_index (self->rows, i);

      update_target_row (self, row, g_hash_table_lookup (links, row->target));
    }

  self->updating = FALSE;
}

static TargetRow *
row_of (UpSdgPicker *self,
        GtkWidget   *widget)
{
  for (guint i = 0; self->rows != NULL && i < self->rows->len; i++)
    {
      TargetRow *row = g_ptr_array_index (self->rows, i);

      if (widget == GTK_WIDGET (row->check) || widget == GTK_WIDGET (row->impact) ||
          widget == GTK_WIDGET (row->strength) || widget == GTK_WIDGET (row->comment))
        return row;
    }

  return NULL;
}

static void
on_check_toggled (UpSdgPicker    *self,
                  GtkCheckButton *check)
{
  g_autoptr(GError) error = NULL;
  TargetRow *row;

  if (self->updating || self->project == NULL || self->stage == NULL)
    return;
  row = row_of (self, GTK_WIDGET (check));
  g_assert (row != NULL);

  if (gtk_check_button_get_active (check))
    {
      if (find_link (self, row->target) == NULL)
        up_project_add_sdg_link (self->project, UP_RECORD (self->stage), row->target,
                                 "positive", 2, NULL, &error);
    }
  else
    {
      g_autoptr(GPtrArray) links = up_project_list_sdg_links (self->project, UP_RECORD (self->stage));
      g_autoptr(GPtrArray) doomed = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; links != NULL && i < links->len; i++)
        if (g_strcmp0 (up_sdg_link_get_target (g_ptr_array_index (links, i)), row->target) == 0)
          g_ptr_array_add (doomed, g_object_ref (g_ptr_array_index (links, i)));

      /* A stage may hold the same target twice (an older file, an
       * import): unchecking removes them all, in one undo step. */
      /* Translators: The name of an edit in the undo history. */
      up_project_begin_group (self->project, _("Unlink Agenda 2030 Target"));
      for (guint i = 0; i < doomed->len && error == NULL; i++)
        up_project_delete_sdg_link (self->project, g_ptr_array_index (doomed, i), &error);
      if (error == NULL)
        up_project_end_group (self->project, &error);
      else
        up_project_end_group (self->project, NULL);
    }

  report (self, error);
  /* A refused edit puts the check back as the project has it. */
  refresh (self);
}

static void
on_impact_changed (UpSdgPicker *self,
                   GParamSpec  *pspec,
                   GtkDropDown *dropdown)
{
  g_autoptr(GError) error = NULL;
  guint selected = gtk_drop_down_get_selected (dropdown);
  TargetRow *row;
  UpSdgLink *link;

  if (self->updating || self->project == NULL || selected >= g_strv_length ((char **) up_sdg_impacts))
    return;
  row = row_of (self, GTK_WIDGET (dropdown));
  link = row ? find_link (self, row->target) : NULL;
  if (link == NULL)
    return;

  up_project_set_string (self->project, link, "impact", up_sdg_impacts[selected], &error);
  report (self, error);
}

static void
on_strength_changed (UpSdgPicker   *self,
                     GtkSpinButton *spin)
{
  g_autoptr(GError) error = NULL;
  TargetRow *row;
  UpSdgLink *link;

  if (self->updating || self->project == NULL)
    return;
  row = row_of (self, GTK_WIDGET (spin));
  link = row ? find_link (self, row->target) : NULL;
  if (link == NULL)
    return;

  up_project_set_int (self->project, link, "strength", gtk_spin_button_get_value_as_int (spin), &error);
  report (self, error);
}

static void
commit_comment (UpSdgPicker *self,
                GtkEntry    *entry)
{
  g_autoptr(GError) error = NULL;
  TargetRow *row;
  UpSdgLink *link;
  const char *text;

  if (self->updating || self->project == NULL || !gtk_editable_get_editable (GTK_EDITABLE (entry)))
    return;
  row = row_of (self, GTK_WIDGET (entry));
  link = row ? find_link (self, row->target) : NULL;
  if (link == NULL)
    return;

  text = gtk_editable_get_text (GTK_EDITABLE (entry));
  if (g_strcmp0 (text, up_sdg_link_get_comment (link) ? up_sdg_link_get_comment (link) : "") == 0)
    return;

  up_project_set_string (self->project, link, "comment", text, &error);
  report (self, error);
}

static void
on_comment_focus_leave (UpSdgPicker             *self,
                        GtkEventControllerFocus *controller)
{
  commit_comment (self, GTK_ENTRY (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller))));
}

/* A comment typed and not applied yet (the entry not left) belongs to the
 * link of the stage it was typed for: it is committed when the project's
 * editors are asked to commit (the window closes, an Undo, a toast's
 * Undo), and before the picker shows another stage, goal or project,
 * which would otherwise leave it in an entry of another link. It was lost
 * at Ctrl+Q. */
static void
commit_comments (UpSdgPicker *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    commit_comment (self, ((TargetRow *) g_ptr_array_index (self->rows, i))->comment);
}

static GtkWidget *
create_target_row (UpSdgPicker *self,
                   const char  *target)
{
  g_autoptr(GtkStringList) impacts = gtk_string_list_new (NULL);
  const char *label = up_sdg_target_get_label (target);
  g_autofree char *text = NULL;
  g_autofree char *name = NULL;
  g_autofree char *impact_name = NULL;
  g_autofree char *strength_name = NULL;
  g_autofree char *comment_name = NULL;
  TargetRow *row = g_new0 (TargetRow, 1);
  GtkWidget *list_row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *check_label;
  GtkWidget *strength_label;
  GtkEventController *focus;

  row->target = g_strdup (target);
  if (label == NULL || g_strcmp0 (label, target) == 0)
    text = g_strdup (target);
  else
    /* Translators: a target in the checklist: %1$s is its id ("12.7"), %2$s its short label. */
    text = g_strdup_printf (_("%1$s %2$s"), target, label);

  check_label = gtk_label_new (text);
  gtk_label_set_wrap (GTK_LABEL (check_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (check_label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (check_label), 0);
  /* Without a width of its own a wrapping label inside a check button
   * wraps at half the row; as wide as the row it wraps where it must. */
  gtk_label_set_max_width_chars (GTK_LABEL (check_label), 80);
  gtk_widget_set_hexpand (check_label, TRUE);
  row->check = GTK_CHECK_BUTTON (gtk_check_button_new ());
  gtk_check_button_set_child (row->check, check_label);
  name = g_strdup_printf ("sdg-target-%s", target);
  gtk_widget_set_name (GTK_WIDGET (row->check), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  text, -1);
  g_signal_connect_object (row->check, "toggled", G_CALLBACK (on_check_toggled), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (row->check));

  row->details = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_margin_start (row->details, 12);
  gtk_widget_set_visible (row->details, FALSE);
  gtk_box_append (GTK_BOX (box), row->details);

  for (guint i = 0; up_sdg_impacts[i] != NULL; i++)
    gtk_string_list_append (impacts, up_enum_label (up_sdg_impacts, up_sdg_impacts[i]));
  row->impact = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (impacts)), NULL));
  gtk_widget_set_hexpand (GTK_WIDGET (row->impact), TRUE);
  /* The panel is narrow and the Swedish labels long: the chooser has a
   * line of its own. */
  gtk_box_append (GTK_BOX (row->details), GTK_WIDGET (row->impact));
  /* Translators: the accessible name of a link's impact chooser; %1$s is the target's id. */
  impact_name = g_strdup_printf (_("Impact on target %1$s"), target);
  g_signal_connect_object (row->impact, "notify::selected", G_CALLBACK (on_impact_changed), self, G_CONNECT_SWAPPED);
  /* Its choices open on the impact chosen. */
  up_a11y_util_name_controls (GTK_WIDGET (row->impact));
  up_a11y_util_name_drop_down (row->impact, impact_name);

  strength_label = gtk_label_new (_("Strength"));
  gtk_label_set_xalign (GTK_LABEL (strength_label), 0);
  gtk_widget_set_hexpand (strength_label, TRUE);
  gtk_widget_add_css_class (strength_label, "dim-label");
  gtk_box_append (GTK_BOX (line), strength_label);
  row->strength = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (1, 3, 1));
  /* Translators: the accessible name of a link's strength (1 to 3); %1$s is the target's id. */
  strength_name = g_strdup_printf (_("Strength of the link to target %1$s, 1 to 3"), target);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->strength), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  strength_name, -1);
  g_signal_connect_object (row->strength, "value-changed", G_CALLBACK (on_strength_changed), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (line), GTK_WIDGET (row->strength));
  gtk_box_append (GTK_BOX (row->details), line);

  row->comment = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_placeholder_text (row->comment, _("Comment"));
  up_paste_guard_attach (row->comment);
  /* Translators: the accessible name of a link's comment; %1$s is the target's id. */
  comment_name = g_strdup_printf (_("Comment on target %1$s"), target);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->comment), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  comment_name, -1);
  g_signal_connect_object (row->comment, "activate", G_CALLBACK (commit_comment), self, G_CONNECT_SWAPPED);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect_object (focus, "leave", G_CALLBACK (on_comment_focus_leave), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (row->comment), focus);
  gtk_box_append (GTK_BOX (row->details), GTK_WIDGET (row->comment));

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 8);
  gtk_widget_set_margin_end (box, 8);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (list_row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (list_row), FALSE);
  /* Tab goes straight to the check box, not to the row around it. */
  gtk_widget_set_focusable (list_row, FALSE);

  g_ptr_array_add (self->rows, row);

  return list_row;
}

static void
clear_target_rows (UpSdgPicker *self)
{
  GtkWidget *child;

  commit_comments (self);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->target_list))) != NULL)
    gtk_list_box_remove (self->target_list, child);
  g_ptr_array_set_size (self->rows, 0);
}

static void
open_goal (UpSdgPicker *self,
           guint        number)
{
  const UpSdgGoal *goal = up_sdg_get_goal (number);
  g_autofree char *heading = goal_heading (goal);

  clear_target_rows (self);
  self->open_goal = number;
  gtk_label_set_text (self->goal_title, heading);
  for (guint n = 1; n <= UP_SDG_N_GOALS; n++)
    {
      g_autofree char *class_name = g_strdup_printf ("sdg-goal-%u", n);

      if (n == number)
        gtk_widget_add_css_class (self->goal_chip, class_name);
      else
        gtk_widget_remove_css_class (self->goal_chip, class_name);
    }

  for (guint i = 0; goal->targets[i] != NULL; i++)
    gtk_list_box_append (self->target_list, create_target_row (self, goal->targets[i]));

  refresh (self);
  gtk_stack_set_visible_child_name (self->stack, "targets");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sdg-picker.back", TRUE);

  if (self->rows->len > 0)
    gtk_widget_grab_focus (GTK_WIDGET (((TargetRow *) g_ptr_array_index (self->rows, 0))->check));
}

/* The tiles are one stop of Tab, GNOME's pattern for a grid of tiles (as
 * GtkFlowBox and GtkGridView have it): only the current tile takes the
 * focus from Tab, the one chosen last, and the arrow keys, Home and End
 * move between them. Seventeen Tab stops stood between the stage's dates
 * and its notes. */
static void
set_current_tile (UpSdgPicker *self,
                  guint        index,
                  gboolean     focus)
{
  g_assert (index < UP_SDG_N_GOALS);

  gtk_widget_set_focusable (self->tiles[index], TRUE);
  if (focus)
    gtk_widget_grab_focus (self->tiles[index]);
  for (guint i = 0; i < UP_SDG_N_GOALS; i++)
    if (i != index)
      gtk_widget_set_focusable (self->tiles[i], FALSE);
  self->current_tile = index;
}

static void
show_tiles (UpSdgPicker *self)
{
  guint was_open = self->open_goal;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;
  gboolean had_focus = focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self));

  self->open_goal = 0;
  gtk_stack_set_visible_child_name (self->stack, "goals");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sdg-picker.back", FALSE);
  clear_target_rows (self);

  /* Back where the user came from: the goal's tile. */
  if (was_open > 0 && had_focus)
    set_current_tile (self, was_open - 1, TRUE);
}

static gboolean
on_tiles_key_pressed (UpSdgPicker           *self,
                      guint                  keyval,
                      guint                  keycode,
                      GdkModifierType        state,
                      GtkEventControllerKey *controller)
{
  gboolean rtl = gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL;
  int from = self->current_tile;
  int to;

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) != 0)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      to = from + (rtl ? 1 : -1);
      break;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      to = from + (rtl ? -1 : 1);
      break;
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      to = from - N_COLUMNS;
      break;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      to = from + N_COLUMNS;
      break;
    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      to = 0;
      break;
    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      to = UP_SDG_N_GOALS - 1;
      break;
    default:
      return FALSE;
    }

  /* Past the first or the last tile, or below the last row. */
  if (to < 0 || to >= UP_SDG_N_GOALS)
    gtk_widget_error_bell (GTK_WIDGET (self));
  else
    set_current_tile (self, to, TRUE);
  return TRUE;
}

static void
on_tile_clicked (UpSdgPicker *self,
                 GtkButton   *tile)
{
  guint number = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (tile), "goal"));

  /* Back from the targets, the focus goes to this tile. */
  set_current_tile (self, number - 1, FALSE);
  open_goal (self, number);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  show_tiles (UP_SDG_PICKER (widget));
}

static GtkWidget *
create_tile (UpSdgPicker *self,
             guint        number)
{
  const UpSdgGoal *goal = up_sdg_get_goal (number);
  GtkWidget *tile = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  g_autofree char *number_text = g_strdup_printf ("%u", number);
  g_autofree char *class_name = g_strdup_printf ("sdg-goal-%u", number);
  g_autofree char *name = g_strdup_printf ("sdg-goal-%u", number);
  GtkWidget *number_label = gtk_label_new (number_text);
  GtkWidget *count = gtk_label_new (NULL);

  gtk_widget_add_css_class (number_label, "sdg-tile-number");
  gtk_widget_add_css_class (count, "sdg-tile-count");
  gtk_widget_set_visible (count, FALSE);
  gtk_box_append (GTK_BOX (box), number_label);
  gtk_box_append (GTK_BOX (box), count);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_button_set_child (GTK_BUTTON (tile), box);

  gtk_widget_add_css_class (tile, "sdg-tile");
  gtk_widget_add_css_class (tile, class_name);
  gtk_widget_set_name (tile, name);
  gtk_widget_set_hexpand (tile, TRUE);
  gtk_widget_set_tooltip_text (tile, up_sdg_goal_get_name (goal));
  /* GTK 4.8 made the tooltip, the goal's name, the tile's description,
   * and a screen reader read the name twice: its accessible label
   * (update_tile()) already says it. */
  gtk_accessible_reset_property (GTK_ACCESSIBLE (tile), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
  g_object_set_data (G_OBJECT (tile), "goal", GUINT_TO_POINTER (number));
  g_signal_connect_object (tile, "clicked", G_CALLBACK (on_tile_clicked), self, G_CONNECT_SWAPPED);

  self->tiles[number - 1] = tile;
  self->tile_counts[number - 1] = GTK_LABEL (count);

  return tile;
}

static void
build (UpSdgPicker *self)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *targets = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *back = gtk_button_new_from_icon_name ("go-previous-symbolic");
  GtkEventController *keys;

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Agenda 2030"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("The targets of the global goals this stage serves."));

  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_homogeneous (GTK_GRID (grid), TRUE);
  for (guint n = 1; n <= UP_SDG_N_GOALS; n++)
    gtk_grid_attach (GTK_GRID (grid), create_tile (self, n),
                     (n - 1) % N_COLUMNS, (n - 1) / N_COLUMNS, 1, 1);
  set_current_tile (self, 0, FALSE);
  keys = gtk_event_controller_key_new ();
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_tiles_key_pressed), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (grid, keys);

  gtk_widget_set_tooltip_text (back, _("Back to the Goals"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (back), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Back to the Goals"), -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (back), "sdg-picker.back");
  gtk_widget_set_valign (back, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (header), back);
  self->goal_chip = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_add_css_class (self->goal_chip, "sdg-tile");
  gtk_widget_add_css_class (self->goal_chip, "sdg-goal-stripe");
  gtk_box_append (GTK_BOX (header), self->goal_chip);
  self->goal_title = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->goal_title, TRUE);
  gtk_label_set_xalign (self->goal_title, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->goal_title), "heading");
  gtk_box_append (GTK_BOX (header), GTK_WIDGET (self->goal_title));
  gtk_box_append (GTK_BOX (targets), header);

  self->target_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->target_list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->target_list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->target_list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Targets"), -1);
  gtk_box_append (GTK_BOX (targets), GTK_WIDGET (self->target_list));

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_set_vhomogeneous (self->stack, FALSE);
  gtk_stack_set_hhomogeneous (self->stack, FALSE);
  gtk_stack_add_named (self->stack, grid, "goals");
  gtk_stack_add_named (self->stack, targets, "targets");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->stack));

  adw_bin_set_child (ADW_BIN (self), group);
}

static void
on_sdg_links_changed (UpSdgPicker *self)
{
  refresh (self);
}

static void
up_sdg_picker_dispose (GObject *object)
{
  UpSdgPicker *self = UP_SDG_PICKER (object);

  if (self->project_signals != NULL)
    g_signal_group_set_target (self->project_signals, NULL);
  g_clear_object (&self->project_signals);
  g_clear_object (&self->project);
  g_clear_object (&self->stage);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (up_sdg_picker_parent_class)->dispose (object);
}

static void
up_sdg_picker_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  UpSdgPicker *self = UP_SDG_PICKER (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;
    case PROP_STAGE:
      g_value_set_object (value, self->stage);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
up_sdg_picker_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  UpSdgPicker *self = UP_SDG_PICKER (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      up_sdg_picker_set_project (self, g_value_get_object (value));
      break;
    case PROP_STAGE:
      up_sdg_picker_set_stage (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
up_sdg_picker_class_init (UpSdgPickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = up_sdg_picker_dispose;
  object_class->get_property = up_sdg_picker_get_property;
  object_class->set_property = up_sdg_picker_set_property;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL,
                         UP_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STAGE] =
    g_param_spec_object ("stage", NULL, NULL,
                         UP_TYPE_STAGE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[ERROR] =
    g_signal_new ("error",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_ERROR);

  gtk_widget_class_install_action (widget_class, "sdg-picker.back", NULL, back_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "sdg-picker.back", NULL);

  gtk_widget_class_set_css_name (widget_class, "sdgpicker");
}

static void
up_sdg_picker_init (UpSdgPicker *self)
{
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) target_row_free);
  self->project_signals = g_signal_group_new (UP_TYPE_PROJECT);
  g_signal_group_connect_object (self->project_signals, "changed::sdg_link",
                                 G_CALLBACK (on_sdg_links_changed), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->project_signals, "commit-pending",
                                 G_CALLBACK (commit_comments), self, G_CONNECT_SWAPPED);

  ensure_goal_css ();
  build (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sdg-picker.back", FALSE);
  refresh (self);
}

GtkWidget *
up_sdg_picker_new (void)
{
  return g_object_new (UP_TYPE_SDG_PICKER, NULL);
}

UpProject *
up_sdg_picker_get_project (UpSdgPicker *self)
{
  g_return_val_if_fail (UP_IS_SDG_PICKER (self), NULL);

  return self->project;
}

void
up_sdg_picker_set_project (UpSdgPicker *self,
                           UpProject   *project)
{
  g_return_if_fail (UP_IS_SDG_PICKER (self));
  g_return_if_fail (project == NULL || UP_IS_PROJECT (project));

  if (self->project == project)
    return;

  commit_comments (self);
  g_set_object (&self->project, project);

  g_signal_group_set_target (self->project_signals, project);
  refresh (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}

UpStage *
up_sdg_picker_get_stage (UpSdgPicker *self)
{
  g_return_val_if_fail (UP_IS_SDG_PICKER (self), NULL);

  return self->stage;
}

void
up_sdg_picker_set_stage (UpSdgPicker *self,
                         UpStage     *stage)
{
  g_return_if_fail (UP_IS_SDG_PICKER (self));
  g_return_if_fail (stage == NULL || UP_IS_STAGE (stage));

  if (self->stage == stage)
    return;

  commit_comments (self);
  g_set_object (&self->stage, stage);

  /* Another stage keeps the open goal: comparing stages goal by goal is
   * what a user does. */
  refresh (self);
  gtk_widget_set_sensitive (GTK_WIDGET (self), stage != NULL);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STAGE]);
}
