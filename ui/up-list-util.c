/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "Upphandla"

#include "config.h"

#include "up-list-util.h"
#include "up-menu-util.h"

#define ITEM_KEY "up-list-item"

/* @item NULL when the row is unbound. The item is borrowed: the list
 * model holds it while the row shows it. */
void
up_list_util_mark_item (GtkWidget *row_child,
                        gpointer   item)
{
  g_return_if_fail (GTK_IS_WIDGET (row_child));

  g_object_set_data (G_OBJECT (row_child), ITEM_KEY, item);
}

static gpointer
find_item (GtkWidget *widget)
{
  gpointer item = g_object_get_data (G_OBJECT (widget), ITEM_KEY);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL && item == NULL;
       child = gtk_widget_get_next_sibling (child))
    item = find_item (child);
  return item;
}

/**
 * up_list_util_get_focused_item:
 *
 * Returns: (transfer none) (nullable): the item of the row of @list that
 * holds the keyboard focus (the row itself, or a widget in it)
 */
gpointer
up_list_util_get_focused_item (GtkWidget *list)
{
  GtkRoot *root;
  GtkWidget *focus;

  g_return_val_if_fail (GTK_IS_WIDGET (list), NULL);

  root = gtk_widget_get_root (list);
  focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  if (focus == NULL || focus == list || !gtk_widget_is_ancestor (focus, list))
    return NULL;

  /* the row (GTK's list item widget) and what the factory put in it */
  for (GtkWidget *w = focus; w != NULL && w != list; w = gtk_widget_get_parent (w))
    {
      gpointer item = g_object_get_data (G_OBJECT (w), ITEM_KEY);

      if (item != NULL)
        return item;
    }
  return find_item (focus);
}

/* The row of @list (GTK's list item widget) that shows @item, if made. */
static GtkWidget *
find_row (GtkWidget *list,
          gpointer   item)
{
  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    if (find_item (row) == item)
      return row;
  return NULL;
}

/* GTK 4.8's "list.scroll-to-item" places a row by the heights of the rows
 * as last laid out (gtk_list_view_get_allocation_along()): right after a
 * change of the model a row just inserted is 0 high, at the top of the row
 * that follows it. A new row right below the rows in sight (Add Stage
 * after the last of them, an undo that brings a stage back there) was
 * taken to be in sight already, at the list's bottom edge, and the list
 * did not scroll: the row stayed below it. So once the list is laid out,
 * before that frame is drawn, the row is looked at: not whole in sight, it
 * is scrolled to again, now with its height known. The frame clock runs
 * its layout phase again when a widget asks for it from there, so the
 * frame drawn shows the row: no jump. A row that was in sight already is
 * left where it is, as GTK leaves it. */
#define IN_SIGHT_KEY "up-list-in-sight"
/* Scrolls again to get the row in sight, each in a layout after the
 * action's: each makes the rows that came in sight, so their heights are
 * known to the next. No more than the frame clock's layout phase runs in
 * a frame (four times), less the first: more asked the clock for a fifth,
 * which it refuses with a warning. */
#define IN_SIGHT_TRIES 3

typedef struct
{
  GtkWidget     *list; /* the data is the list's */
  GObject       *item;
  guint          position;
  GdkFrameClock *clock;
  gulong         layout_id;
  guint          tries;
} InSight;

static void
in_sight_free (gpointer data)
{
  InSight *in_sight = data;

  /* A window destroyed before its next frame took the clock's handlers
   * with its surface. */
  if (g_signal_handler_is_connected (in_sight->clock, in_sight->layout_id))
    g_signal_handler_disconnect (in_sight->clock, in_sight->layout_id);
  g_clear_object (&in_sight->clock);
  g_clear_object (&in_sight->item);
  g_free (in_sight);
}

/* The position of @item in the list's model: @position, or where the
 * model moved it since. */
static guint
find_position (GtkWidget *list,
               gpointer   item,
               guint      position)
{
  g_autoptr(GListModel) model = NULL;
  guint n;

  if (g_object_class_find_property (G_OBJECT_GET_CLASS (list), "model") == NULL)
    return GTK_INVALID_LIST_POSITION;
  g_object_get (list, "model", &model, NULL);
  if (model == NULL)
    return GTK_INVALID_LIST_POSITION;

  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      /* the likeliest first */
      guint at = (position + i) % n;
      g_autoptr(GObject) at_item = g_list_model_get_item (model, at);

      if (at_item == item)
        return at;
    }
  return GTK_INVALID_LIST_POSITION;
}

static gboolean
row_in_sight (GtkWidget *list,
              GtkWidget *row)
{
  graphene_rect_t bounds;

  if (!gtk_widget_get_child_visible (row) || !gtk_widget_compute_bounds (row, list, &bounds))
    return FALSE;
  return bounds.size.height > 0 && bounds.origin.y >= 0 &&
         bounds.origin.y + bounds.size.height <= gtk_widget_get_height (list);
}

static void
on_layout (GdkFrameClock *clock,
           InSight       *in_sight)
{
  GtkWidget *list = in_sight->list;
  GtkWidget *row = find_row (list, in_sight->item);
  guint position;

  position = find_position (list, in_sight->item, in_sight->position);
  /* A row higher than the list never is whole in sight: GTK shows its top. */
  if ((row != NULL && (row_in_sight (list, row) || gtk_widget_get_height (row) > gtk_widget_get_height (list))) ||
      position == GTK_INVALID_LIST_POSITION || !gtk_widget_get_mapped (list) ||
      ++in_sight->tries > IN_SIGHT_TRIES)
    {
      /* frees @in_sight */
      g_object_set_data (G_OBJECT (list), IN_SIGHT_KEY, NULL);
      return;
    }

  in_sight->position = position;
  gtk_widget_activate_action (list, "list.scroll-to-item", "u", position);
}

/**
 * up_list_util_scroll_to_item:
 * @list: a list view whose rows up_list_util_mark_item() marks
 * @position: the position of @item in the list
 * @item: the item whose row is to show
 *
 * Scrolls @list to @item at @position, and again as it is laid out until
 * its row is whole in sight: GTK 4.8 takes a row just added right below
 * the rows in sight, not laid out yet, for in sight at the bottom edge,
 * and does not scroll to it.
 */
void
up_list_util_scroll_to_item (GtkWidget *list,
                             guint      position,
                             gpointer   item)
{
  GdkFrameClock *clock;
  InSight *in_sight;

  g_return_if_fail (GTK_IS_WIDGET (list));

  clock = gtk_widget_get_frame_clock (list);
  gtk_widget_activate_action (list, "list.scroll-to-item", "u", position);
  if (clock == NULL || !gtk_widget_get_mapped (list) || !G_IS_OBJECT (item))
    return;

  in_sight = g_new0 (InSight, 1);
  in_sight->list = list;
  in_sight->item = g_object_ref (item);
  in_sight->position = position;
  in_sight->clock = g_object_ref (clock);
  /* after GTK's own handler, which lays the window out */
  in_sight->layout_id = g_signal_connect_after (clock, "layout", G_CALLBACK (on_layout), in_sight);
  /* replaces, and so ends, an earlier one */
  g_object_set_data_full (G_OBJECT (list), IN_SIGHT_KEY, in_sight, in_sight_free);
}

/**
 * up_list_util_focus_item:
 * @list: a list view whose rows up_list_util_mark_item() marks
 * @position: the position of @item in the list
 * @item: the item whose row takes the focus
 *
 * Scrolls @list to @item and gives its row the focus, and so the list's
 * keyboard cursor: gtk_widget_grab_focus() on the list itself would land
 * on the row the cursor was left on.
 *
 * Returns: whether the row took the focus
 */
gboolean
up_list_util_focus_item (GtkWidget *list,
                         guint      position,
                         gpointer   item)
{
  GtkWidget *row;

  g_return_val_if_fail (GTK_IS_WIDGET (list), FALSE);

  /* Makes the row, if it was out of sight. */
  up_list_util_scroll_to_item (list, position, item);
  row = find_row (list, item);

  return row != NULL && gtk_widget_grab_focus (row);
}

/**
 * up_list_util_move_cursor:
 * @list: a list view whose rows up_list_util_mark_item() marks
 * @position: the position of @item in the list
 * @item: the item just selected from elsewhere (the timeline)
 *
 * Scrolls @list to @item and puts the list's keyboard cursor on its row,
 * so that the arrows, Tab into the list and Delete start from the
 * selected row, not the one the cursor was left on.
 *
 * GTK 4.8 has no API for the cursor: it is the row the focus was on last,
 * which "list.scroll-to-item" records when the list's focus child is a
 * row (4.12 has gtk_list_view_scroll_to() with GTK_LIST_SCROLL_FOCUS).
 * With the focus in the list, the row takes it. Elsewhere the focus stays
 * where it is: the row is the list's focus child for the time of the
 * action only, so that a Tab into the list lands on it.
 */
void
up_list_util_move_cursor (GtkWidget *list,
                          guint      position,
                          gpointer   item)
{
  g_autoptr(GtkWidget) focus_child = NULL;
  GtkRoot *root;
  GtkWidget *focus;
  GtkWidget *row;

  g_return_if_fail (GTK_IS_WIDGET (list));

  /* Makes the row, if it was out of sight. */
  up_list_util_scroll_to_item (list, position, item);
  row = find_row (list, item);
  if (row == NULL)
    return;

  root = gtk_widget_get_root (list);
  focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  if (focus != NULL && gtk_widget_is_ancestor (focus, list))
    {
      if (focus != row && !gtk_widget_is_ancestor (focus, row))
        gtk_widget_grab_focus (row);
      return;
    }

  focus_child = gtk_widget_get_focus_child (list);
  if (focus_child != NULL)
    g_object_ref (focus_child);
  gtk_widget_set_focus_child (list, row);
  gtk_widget_activate_action (list, "list.scroll-to-item", "u", position);
  gtk_widget_set_focus_child (list, focus_child);
}

/**
 * up_list_util_select_focused:
 * @list: a list or column view whose rows up_list_util_mark_item() marks,
 *   with a selection model
 *
 * Selects the item of the row with the focus, which GTK 4.8 may keep
 * apart from the selection (see up-list-util.h): a key that acts on "the
 * selected item" must act on the row a screen reader names.
 *
 * Returns: whether a row of @list has the focus
 */
gboolean
up_list_util_select_focused (GtkWidget *list)
{
  g_autoptr(GtkSelectionModel) model = NULL;
  gpointer focused;
  guint position;

  g_return_val_if_fail (GTK_IS_WIDGET (list), FALSE);

  focused = up_list_util_get_focused_item (list);
  if (focused == NULL)
    return FALSE;
  position = find_position (list, focused, 0);
  g_object_get (list, "model", &model, NULL);
  if (position != GTK_INVALID_LIST_POSITION && GTK_IS_SELECTION_MODEL (model) &&
      !gtk_selection_model_is_selected (model, position))
    gtk_selection_model_select_item (model, position, TRUE);
  return TRUE;
}

static gboolean
on_delete_key (GtkEventControllerKey *controller,
               guint                  keyval,
               guint                  keycode,
               GdkModifierType        state,
               gpointer               user_data)
{
  if (keyval == GDK_KEY_Delete || keyval == GDK_KEY_KP_Delete)
    up_list_util_select_focused (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)));
  return FALSE;
}

/**
 * up_list_util_add_delete_key:
 * @list: a list or column view whose rows up_list_util_mark_item() marks
 * @action: the named action that deletes the selected item
 *
 * Delete and the keypad's Delete on a row of @list select its item (in
 * the capture phase, before the key's shortcut) and activate @action
 * (up_list_util_new_delete_shortcuts()).
 */
void
up_list_util_add_delete_key (GtkWidget  *list,
                             const char *action)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  g_return_if_fail (GTK_IS_WIDGET (list));
  g_return_if_fail (action != NULL);

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_delete_key), NULL);
  gtk_widget_add_controller (list, keys);
  gtk_widget_add_controller (list, up_list_util_new_delete_shortcuts (action));
}

/**
 * up_list_util_new_delete_shortcuts:
 * @action: a named action
 *
 * Returns: (transfer full): a shortcut controller of Delete and the
 *   keypad's Delete for @action, Delete added last, for a menu shows the
 *   key of an action's shortcut added last ("Delete (keypad)" the other
 *   way round)
 */
GtkEventController *
up_list_util_new_delete_shortcuts (const char *action)
{
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();

  g_return_val_if_fail (action != NULL, NULL);

  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_KP_Delete, 0),
                                                          gtk_named_action_new (action)));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Delete, 0),
                                                          gtk_named_action_new (action)));
  return shortcuts;
}

/* A row's menu. The popover is a child of the list, made when it first
 * opens (a window opens sooner without it); GTK's list view lays out only
 * its rows, and a popover is presented when it maps. */
#define CONTEXT_MENU_KEY "up-list-context-menu"

typedef struct
{
  GMenuModel *model;
  GtkWidget  *menu;   /* the GtkPopoverMenu, NULL until first opened */
} ContextMenu;

static void
context_menu_free (gpointer data)
{
  ContextMenu *context = data;

  g_clear_object (&context->model);
  g_free (context);
}

/* The list's child (GTK's list item widget) that @widget is in. */
static GtkWidget *
row_of (GtkWidget *list,
        GtkWidget *widget)
{
  while (widget != NULL && gtk_widget_get_parent (widget) != list)
    widget = gtk_widget_get_parent (widget);
  return widget;
}

/* GTK 4.8 leaves the window's focus on the item of a menu closed: the
 * row takes it back (the list's focus goes to its cursor, the row the menu
 * was of), unless the item's action gave it to another widget. */
static void
on_context_menu_closed (GtkWidget *menu)
{
  GtkWidget *list = gtk_widget_get_parent (menu);
  GtkRoot *root = list != NULL ? gtk_widget_get_root (list) : NULL;
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (focus == NULL || focus == menu || gtk_widget_is_ancestor (focus, menu))
    gtk_widget_grab_focus (list);
}

/* GTK 4.8's list view allocates its rows only, not a popover of its own:
 * a menu of sections opened at the size it had before it was first laid
 * out, its last item cut off at the bottom edge. It is placed again at
 * each frame until it has been laid out, and once after. */
static gboolean
present_menu_again (GtkWidget     *menu,
                    GdkFrameClock *clock,
                    gpointer       user_data)
{
  if (!gtk_widget_get_mapped (menu))
    return G_SOURCE_REMOVE;
  gtk_popover_present (GTK_POPOVER (menu));
  return gtk_widget_get_height (menu) > 0 ? G_SOURCE_REMOVE : G_SOURCE_CONTINUE;
}

/* Selects the item of @row, gives the row the focus (where the focus goes
 * back to when the menu closes) and opens the menu at @x, @y of @list. */
static gboolean
popup_context_menu (GtkWidget *list,
                    GtkWidget *row,
                    double     x,
                    double     y)
{
  ContextMenu *context = g_object_get_data (G_OBJECT (list), CONTEXT_MENU_KEY);
  g_autoptr(GtkSelectionModel) model = NULL;
  gpointer item = row != NULL ? find_item (row) : NULL;
  gboolean first;
  guint position;

  if (context == NULL || item == NULL)
    return FALSE;
  position = find_position (list, item, 0);
  if (position == GTK_INVALID_LIST_POSITION)
    return FALSE;

  g_object_get (list, "model", &model, NULL);
  if (GTK_IS_SELECTION_MODEL (model))
    gtk_selection_model_select_item (model, position, TRUE);
  gtk_widget_grab_focus (row);

  first = context->menu == NULL;
  up_menu_util_popup (list, &context->menu, context->model, x, y);
  if (first)
    g_signal_connect (context->menu, "closed", G_CALLBACK (on_context_menu_closed), NULL);
  gtk_widget_add_tick_callback (context->menu, present_menu_again, NULL, NULL);
  return TRUE;
}

static void
context_menu_at (GtkGesture *gesture,
                 double      x,
                 double      y)
{
  GtkWidget *list = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  GtkWidget *picked = gtk_widget_pick (list, x, y, GTK_PICK_DEFAULT);

  if (picked == NULL || picked == list)
    return;
  if (popup_context_menu (list, row_of (list, picked), x, y))
    gtk_gesture_set_state (gesture, GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
on_secondary_pressed (GtkGestureClick *gesture,
                      int              n_press,
                      double           x,
                      double           y,
                      gpointer         user_data)
{
  context_menu_at (GTK_GESTURE (gesture), x, y);
}

static void
on_long_pressed (GtkGestureLongPress *gesture,
                 double               x,
                 double               y,
                 gpointer             user_data)
{
  context_menu_at (GTK_GESTURE (gesture), x, y);
}

/* Shift+F10 and the Menu key: the menu under the row with the focus, at
 * the start of its text. */
static gboolean
context_menu_key (GtkWidget *list,
                  GVariant  *args,
                  gpointer   user_data)
{
  GtkRoot *root = gtk_widget_get_root (list);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *row;
  graphene_rect_t bounds;
  double x;

  if (focus == NULL || focus == list || !gtk_widget_is_ancestor (focus, list))
    return FALSE;
  row = row_of (list, focus);
  if (row == NULL || !gtk_widget_compute_bounds (row, list, &bounds))
    return FALSE;
  x = gtk_widget_get_direction (list) == GTK_TEXT_DIR_RTL
      ? bounds.origin.x + bounds.size.width - 12 : bounds.origin.x + 12;
  return popup_context_menu (list, row, CLAMP (x, 0, gtk_widget_get_width (list) - 1),
                             MIN (bounds.origin.y + bounds.size.height, gtk_widget_get_height (list) - 1));
}

static void
on_list_destroy (GtkWidget *list)
{
  ContextMenu *context = g_object_get_data (G_OBJECT (list), CONTEXT_MENU_KEY);

  if (context != NULL)
    g_clear_pointer (&context->menu, gtk_widget_unparent);
}

/**
 * up_list_util_set_context_menu:
 * @list: a list view whose rows up_list_util_mark_item() marks, with a
 *   selection model
 * @model: the menu of a row; its actions act on the item selected
 *
 * Gives the rows of @list a menu: a secondary click (capture phase, before
 * the row's own gestures) or a long press on a row, or Shift+F10 or the
 * Menu key on the row with the focus, selects its item, gives the row the
 * focus and opens @model there. Once only for a list.
 */
void
up_list_util_set_context_menu (GtkWidget  *list,
                               GMenuModel *model)
{
  ContextMenu *context;
  GtkGesture *gesture;
  GtkEventController *shortcuts;

  g_return_if_fail (GTK_IS_WIDGET (list));
  g_return_if_fail (G_IS_MENU_MODEL (model));
  g_return_if_fail (g_object_get_data (G_OBJECT (list), CONTEXT_MENU_KEY) == NULL);

  context = g_new0 (ContextMenu, 1);
  context->model = g_object_ref (model);
  g_object_set_data_full (G_OBJECT (list), CONTEXT_MENU_KEY, context, context_menu_free);
  g_signal_connect (list, "destroy", G_CALLBACK (on_list_destroy), NULL);

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_SECONDARY);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (gesture), GTK_PHASE_CAPTURE);
  g_signal_connect (gesture, "pressed", G_CALLBACK (on_secondary_pressed), NULL);
  gtk_widget_add_controller (list, GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_long_press_new ();
  gtk_gesture_single_set_touch_only (GTK_GESTURE_SINGLE (gesture), TRUE);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (gesture), GTK_PHASE_CAPTURE);
  g_signal_connect (gesture, "pressed", G_CALLBACK (on_long_pressed), NULL);
  gtk_widget_add_controller (list, GTK_EVENT_CONTROLLER (gesture));

  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_F10, GDK_SHIFT_MASK),
                                                          gtk_callback_action_new (context_menu_key, NULL, NULL)));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Menu, 0),
                                                          gtk_callback_action_new (context_menu_key, NULL, NULL)));
  gtk_widget_add_controller (list, shortcuts);
}

/**
 * up_list_util_get_context_menu:
 *
 * Returns: (transfer none) (nullable): the popover of the rows' menu of
 *   @list, NULL until it first opens
 */
GtkWidget *
up_list_util_get_context_menu (GtkWidget *list)
{
  ContextMenu *context;

  g_return_val_if_fail (GTK_IS_WIDGET (list), NULL);

  context = g_object_get_data (G_OBJECT (list), CONTEXT_MENU_KEY);
  return context != NULL ? context->menu : NULL;
}
