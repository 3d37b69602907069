/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "Upphandla"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "up-a11y-util.h"

/* GTK sets the button's label property, mnemonic and all, as its
 * accessible label, and the name adds the text of the label inside: the
 * label property goes, the text stays. */
static void
name_button (GtkWidget *button)
{
  gtk_accessible_reset_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL);
}

/* The button inside a drop-down, which takes the focus. */
static GtkWidget *
drop_down_button (GtkWidget *drop_down)
{
  for (GtkWidget *child = gtk_widget_get_first_child (drop_down);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_TOGGLE_BUTTON (child))
      return child;
  return NULL;
}

static void
update_drop_down_name (GtkDropDown *drop_down)
{
  GtkWidget *button = drop_down_button (GTK_WIDGET (drop_down));
  const char *what = g_object_get_data (G_OBJECT (drop_down), "up-a11y-drop-down-name");
  gpointer item = gtk_drop_down_get_selected_item (drop_down);
  g_autoptr(GList) labels = NULL;
  g_autofree char *value = NULL;
  g_autofree char *name = NULL;

  /* The name its code gave (up_a11y_util_name_drop_down()), which wins
   * over a label that ends in a colon ("Language:: English"); else its
   * tooltip; else what its mnemonic label says ("Format" in the export
   * dialog), which names the drop-down but not its button. */
  if (what == NULL)
    what = gtk_widget_get_tooltip_text (GTK_WIDGET (drop_down));
  if (what == NULL)
    {
      labels = gtk_widget_list_mnemonic_labels (GTK_WIDGET (drop_down));
      if (labels != NULL && GTK_IS_LABEL (labels->data))
        what = gtk_label_get_text (GTK_LABEL (labels->data));
    }

  if (button == NULL || what == NULL)
    return;

  if (GTK_IS_STRING_OBJECT (item))
    value = g_strdup (gtk_string_object_get_string (item));
  else if (item != NULL && gtk_drop_down_get_expression (drop_down) != NULL)
    {
      g_auto(GValue) text = G_VALUE_INIT;

      if (gtk_expression_evaluate (gtk_drop_down_get_expression (drop_down), item, &text) &&
          G_VALUE_HOLDS_STRING (&text))
        value = g_value_dup_string (&text);
    }

  if (value != NULL && value[0] != '\0')
    /* Translators: what a screen reader says of a drop-down: %1$s is what it
     * is for ("Show the Notes of a Stage"), %2$s the choice shown ("All
     * Stages"). */
    name = g_strdup_printf (_("%1$s: %2$s"), what, value);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  name != NULL ? name : what, -1);
}

/* GTK 4.8 gives the focus to a drop-down's inner button, which a screen
 * reader announced as "GtkToggleButton": neither what the drop-down is for
 * nor what it shows. The button is named after both, from the drop-down's
 * tooltip and its choice, and follows the choice. */
static void
name_drop_down (GtkDropDown *drop_down)
{
  if (g_object_get_data (G_OBJECT (drop_down), "up-a11y-named") != NULL)
    return;
  g_object_set_data (G_OBJECT (drop_down), "up-a11y-named", GINT_TO_POINTER (TRUE));
  g_signal_connect (drop_down, "notify::selected-item", G_CALLBACK (update_drop_down_name), NULL);
  g_signal_connect (drop_down, "notify::tooltip-text", G_CALLBACK (update_drop_down_name), NULL);
  update_drop_down_name (drop_down);
}

void
up_a11y_util_name_drop_down (GtkDropDown *drop_down,
                             const char  *what)
{
  g_return_if_fail (GTK_IS_DROP_DOWN (drop_down));
  g_return_if_fail (what != NULL);

  g_object_set_data_full (G_OBJECT (drop_down), "up-a11y-drop-down-name", g_strdup (what), g_free);
  gtk_accessible_update_property (GTK_ACCESSIBLE (drop_down), GTK_ACCESSIBLE_PROPERTY_LABEL, what, -1);
  name_drop_down (drop_down);
  update_drop_down_name (drop_down);
}

GtkWidget *
up_a11y_util_find_descendant (GtkWidget *widget,
                              GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = up_a11y_util_find_descendant (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The list's rows exist once it is laid out, which may take more than
 * the first frame after the choices open (seen on a slow machine): the
 * chosen row takes the focus from the first at the first frame that has
 * it, unless the focus went elsewhere (a search field) or the choices
 * closed. */
#define CHOICES_MAX_FRAMES 30

static void
on_choices_painted (GdkFrameClock *clock,
                    GtkWidget     *list)
{
  GtkRoot *root = gtk_widget_get_root (list);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  guint frames = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (list), "up-a11y-choice-frames")) + 1;

  g_object_set_data (G_OBJECT (list), "up-a11y-choice-frames", GUINT_TO_POINTER (frames));
  if (focus == NULL || !gtk_widget_is_ancestor (focus, list) || !gtk_widget_get_mapped (list) ||
      frames >= CHOICES_MAX_FRAMES)
    {
      g_signal_handlers_disconnect_by_func (clock, on_choices_painted, list);
      return;
    }

  for (GtkWidget *row = gtk_widget_get_first_child (list);
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if ((gtk_widget_get_state_flags (row) & GTK_STATE_FLAG_SELECTED) != 0)
      {
        g_signal_handlers_disconnect_by_func (clock, on_choices_painted, list);
        gtk_widget_grab_focus (row);
        return;
      }
}

static gboolean is_row (GtkWidget *widget);

/* The choices of a combo row or a drop-down are rows of a list that GTK
 * 4.8 leaves without a name: a screen reader said "list item" for each
 * kind of stage, status, category or level, not which. Each row is named after the text it
 * shows; rows are made and bound again as the list scrolls, so this runs
 * after each frame while the choices are open. */
static void
name_choice_rows (GtkWidget *list)
{
  for (GtkWidget *row = gtk_widget_get_first_child (list);
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *label = up_a11y_util_find_descendant (row, GTK_TYPE_LABEL);
      const char *text = label != NULL ? gtk_label_get_text (GTK_LABEL (label)) : NULL;

      GtkWidget *child = gtk_widget_get_first_child (row);

      /* A row the list's factory names (up_a11y_util_name_row()) keeps
       * its name. */
      if (text == NULL || text[0] == '\0' || !is_row (row) ||
          (child != NULL && g_object_get_data (G_OBJECT (child), "up-a11y-row-label") != NULL) ||
          g_strcmp0 (g_object_get_data (G_OBJECT (row), "up-a11y-choice-name"), text) == 0)
        continue;
      g_object_set_data_full (G_OBJECT (row), "up-a11y-choice-name", g_strdup (text), g_free);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
    }
}

static void
on_choice_rows_painted (GdkFrameClock *clock,
                        GtkWidget     *list)
{
  if (!gtk_widget_get_mapped (list))
    {
      g_signal_handlers_disconnect_by_func (clock, on_choice_rows_painted, list);
      return;
    }
  name_choice_rows (list);
}

static void
on_choices_mapped (GtkWidget *popover)
{
  GtkWidget *list = up_a11y_util_find_descendant (popover, GTK_TYPE_LIST_VIEW);
  GtkSelectionModel *model = list != NULL ? gtk_list_view_get_model (GTK_LIST_VIEW (list)) : NULL;
  guint position;

  if (!GTK_IS_SINGLE_SELECTION (model) || gtk_widget_get_frame_clock (list) == NULL)
    return;
  name_choice_rows (list);
  g_signal_handlers_disconnect_by_func (gtk_widget_get_frame_clock (list), on_choice_rows_painted, list);
  g_signal_connect_object (gtk_widget_get_frame_clock (list), "after-paint",
                           G_CALLBACK (on_choice_rows_painted), list, 0);
  if (ADW_IS_COMBO_ROW (g_object_get_data (G_OBJECT (popover), "up-a11y-choices-of")))
    {
      AdwPreferencesRow *row = g_object_get_data (G_OBJECT (popover), "up-a11y-choices-of");
      g_autofree char *title = g_strdup (adw_preferences_row_get_title (row));

      /* The list of choices was named "GtkListView": named after what
       * they are for, the row's title, without its mnemonic. */
      if (adw_preferences_row_get_use_underline (row))
        {
          char *to = title;

          for (const char *from = title; *from != '\0'; from++)
            if (*from != '_' || from[1] == '_')
              *to++ = *from == '_' ? *from++ : *from;
          *to = '\0';
        }
      gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
    }
  position = gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (model));
  if (position == GTK_INVALID_LIST_POSITION)
    return;

  gtk_widget_activate_action (list, "list.scroll-to-item", "u", position);
  g_object_set_data (G_OBJECT (list), "up-a11y-choice-frames", NULL);
  g_signal_handlers_disconnect_by_func (gtk_widget_get_frame_clock (list), on_choices_painted, list);
  g_signal_connect_object (gtk_widget_get_frame_clock (list), "after-paint",
                           G_CALLBACK (on_choices_painted), list, 0);
}

/* GTK 4.8 opens the choices of a drop-down or a combo row with the
 * keyboard focus on the first, whichever is chosen, and a screen reader
 * reads that one: Down then chose the second kind of stage, not the one
 * after the chosen. The choices open on the chosen one, scrolled to it
 * (GTK 4.12 does this itself). */
static void
open_on_chosen (GtkWidget *widget)
{
  GtkWidget *popover;

  if (g_object_get_data (G_OBJECT (widget), "up-a11y-open-on-chosen") != NULL)
    return;
  popover = up_a11y_util_find_descendant (widget, GTK_TYPE_POPOVER);
  if (popover == NULL)
    return;
  g_object_set_data (G_OBJECT (widget), "up-a11y-open-on-chosen", popover);
  g_object_set_data (G_OBJECT (popover), "up-a11y-choices-of", widget);
  g_signal_connect_after (popover, "map", G_CALLBACK (on_choices_mapped), NULL);
}

static void
update_status_page_name (AdwStatusPage *page)
{
  GtkWidget *scroller = g_object_get_data (G_OBJECT (page), "up-a11y-scroller");
  const char *description = adw_status_page_get_description (page);

  gtk_accessible_update_property (GTK_ACCESSIBLE (scroller),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, adw_status_page_get_title (page),
                                  -1);
  if (description != NULL && description[0] != '\0')
    gtk_accessible_update_property (GTK_ACCESSIBLE (scroller),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                    -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (scroller), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

/* A status page scrolls its text in a scrolled window that Tab stops on
 * ("No Stakeholder Selected" beside an empty editor), and a screen reader
 * read it as "": named after the page's title and description. */
static void
name_status_page (AdwStatusPage *page)
{
  GtkWidget *scroller = NULL;

  if (g_object_get_data (G_OBJECT (page), "up-a11y-scroller") != NULL)
    return;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (page));
       child != NULL && scroller == NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_SCROLLED_WINDOW (child))
      scroller = child;
  if (scroller == NULL)
    return;

  g_object_set_data (G_OBJECT (page), "up-a11y-scroller", scroller);
  g_signal_connect (page, "notify::title", G_CALLBACK (update_status_page_name), NULL);
  g_signal_connect (page, "notify::description", G_CALLBACK (update_status_page_name), NULL);
  update_status_page_name (page);
}

/* Whether @button shows an icon and no text: its tooltip is then the
 * words a sighted user reads for it, and its accessible label says the
 * same. A menu button's text is in its inner button (its popover, also a
 * child, is not what it shows). */
static gboolean
shows_icon_only (GtkWidget *button)
{
  GtkWidget *shown = button;

  if (GTK_IS_MENU_BUTTON (button))
    shown = up_a11y_util_find_descendant (button, GTK_TYPE_TOGGLE_BUTTON);
  return shown != NULL && up_a11y_util_find_descendant (shown, GTK_TYPE_LABEL) == NULL &&
         up_a11y_util_find_descendant (shown, GTK_TYPE_IMAGE) != NULL;
}

static void
drop_tooltip_description (GtkWidget *button)
{
  gtk_accessible_reset_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
  if (GTK_IS_MENU_BUTTON (button))
    {
      GtkWidget *inner = up_a11y_util_find_descendant (button, GTK_TYPE_TOGGLE_BUTTON);

      if (inner != NULL)
        gtk_accessible_reset_property (GTK_ACCESSIBLE (inner), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
}

/* GTK 4.8 makes a widget's tooltip its accessible description, also each
 * time the tooltip is set again. On a button that shows only an icon the
 * tooltip is its name, and a screen reader read it twice ("Ta bort
 * skede, Ta bort skede"): such a button has no description unless its
 * code gives it one after its tooltip (Undo says what it takes back). */
static void
describe_icon_button (GtkWidget *button)
{
  if (g_object_get_data (G_OBJECT (button), "up-a11y-icon-described") != NULL ||
      !shows_icon_only (button))
    return;
  g_object_set_data (G_OBJECT (button), "up-a11y-icon-described", GINT_TO_POINTER (TRUE));
  g_signal_connect (button, "notify::tooltip-text", G_CALLBACK (drop_tooltip_description), NULL);
  drop_tooltip_description (button);
}

/* A menu button that shows a text of its own (AdwButtonContent) has no
 * name in GTK 4.8 but its type, "GtkMenuButton", which a screen reader
 * read as the context of the button inside it: named with that text. */
static void
name_menu_button (GtkMenuButton *button)
{
  GtkWidget *content = gtk_menu_button_get_child (button);
  GtkWidget *label = ADW_IS_BUTTON_CONTENT (content)
                     ? up_a11y_util_find_descendant (content, GTK_TYPE_LABEL) : NULL;

  if (label != NULL && *gtk_label_get_text (GTK_LABEL (label)) != '\0')
    gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    gtk_label_get_text (GTK_LABEL (label)), -1);
}

void
up_a11y_util_name_controls (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  if (GTK_IS_DROP_DOWN (root))
    name_drop_down (GTK_DROP_DOWN (root));

  if (GTK_IS_DROP_DOWN (root) || ADW_IS_COMBO_ROW (root))
    open_on_chosen (root);

  if (ADW_IS_STATUS_PAGE (root))
    name_status_page (ADW_STATUS_PAGE (root));

  if (GTK_IS_MENU_BUTTON (root))
    name_menu_button (GTK_MENU_BUTTON (root));

  if (GTK_IS_MENU_BUTTON (root) || (GTK_IS_BUTTON (root) && !GTK_IS_MENU_BUTTON (gtk_widget_get_parent (root))))
    describe_icon_button (root);

  if (GTK_IS_BUTTON (root))
    {
      GtkWidget *child = gtk_button_get_child (GTK_BUTTON (root));

      if ((gtk_button_get_use_underline (GTK_BUTTON (root)) && gtk_button_get_label (GTK_BUTTON (root)) != NULL) ||
          (ADW_IS_BUTTON_CONTENT (child) && adw_button_content_get_use_underline (ADW_BUTTON_CONTENT (child))))
        name_button (root);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    up_a11y_util_name_controls (child);
}

static gboolean
is_row (GtkWidget *widget)
{
  GtkAccessibleRole role = gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget));

  return role == GTK_ACCESSIBLE_ROLE_LIST_ITEM || role == GTK_ACCESSIBLE_ROLE_ROW;
}

static gboolean
is_list (GtkWidget *widget)
{
  return GTK_IS_LIST_BOX (widget) || GTK_IS_LIST_VIEW (widget) || GTK_IS_COLUMN_VIEW (widget) ||
         GTK_IS_GRID_VIEW (widget);
}

GtkWidget *
up_a11y_util_get_row (GtkWidget *child)
{
  GtkWidget *widget = child;

  g_return_val_if_fail (GTK_IS_WIDGET (child), NULL);

  /* The row is the parent (a list view's, a list box's) or the
   * grandparent (a column view's, over the cell); further up is another
   * row than this one's: the one a drop-down's button is in, say. */
  for (guint depth = 0; depth < 3 && widget != NULL && !is_list (widget); depth++)
    {
      if (is_row (widget))
        return widget;
      widget = gtk_widget_get_parent (widget);
    }

  return NULL;
}

/* A row bound before it is in its list is named once it is. */
static void
on_parent_set (GtkWidget *child)
{
  const char *label = g_object_get_data (G_OBJECT (child), "up-a11y-row-label");
  GtkWidget *row = up_a11y_util_get_row (child);

  if (row != NULL && label != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

void
up_a11y_util_name_row (GtkWidget  *child,
                       const char *label)
{
  g_return_if_fail (GTK_IS_WIDGET (child));
  g_return_if_fail (label != NULL);

  if (g_object_get_data (G_OBJECT (child), "up-a11y-row-label") == NULL)
    g_signal_connect (child, "notify::parent", G_CALLBACK (on_parent_set), NULL);
  g_object_set_data_full (G_OBJECT (child), "up-a11y-row-label", g_strdup (label), g_free);
  on_parent_set (child);
}

/* The list cannot take the focus for as long as the window moves it on:
 * GTK's focus chain then passes over the list and its rows, from where
 * the focus is, to the next control. */
static gboolean
on_list_key_pressed (GtkEventControllerKey *keys,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state,
                     gpointer               user_data)
{
  GtkWidget *list = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (keys));
  GtkRoot *root = gtk_widget_get_root (list);
  GtkDirectionType direction;
  gboolean moved;

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0 || root == NULL)
    return FALSE;
  if (keyval == GDK_KEY_Tab || keyval == GDK_KEY_KP_Tab)
    direction = (state & GDK_SHIFT_MASK) != 0 ? GTK_DIR_TAB_BACKWARD : GTK_DIR_TAB_FORWARD;
  else if (keyval == GDK_KEY_ISO_Left_Tab)
    direction = GTK_DIR_TAB_BACKWARD;
  else
    return FALSE;

  gtk_widget_set_can_focus (list, FALSE);
  moved = gtk_widget_child_focus (GTK_WIDGET (root), direction);
  gtk_widget_set_can_focus (list, TRUE);

  return moved;
}

void
up_a11y_util_tab_leaves_list (GtkWidget *list)
{
  GtkEventController *keys;

  g_return_if_fail (GTK_IS_LIST_VIEW (list) || GTK_IS_COLUMN_VIEW (list) || GTK_IS_LIST_BOX (list));

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_name (keys, "up-tab-leaves-list");
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_list_key_pressed), NULL);
  gtk_widget_add_controller (list, keys);
}
