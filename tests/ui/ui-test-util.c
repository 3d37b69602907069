/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The start of a GUI test, its window on the demo project, waiting for
 * windows and frames, and screenshots, shared by the GUI tests. */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>
#include <gdk/x11/gdkx.h>

#include "up-application.h"
#include "ui-test-util.h"
#include "test-common.h"

#define WAIT_SECONDS 20

static gboolean
on_wake (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

/* Iterates the main context until @done returns TRUE; fails after a while. */
void
wait_until (gboolean (*done) (gpointer),
            gpointer   data)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_SECONDS * G_USEC_PER_SEC;
  guint wake_id = g_timeout_add (10, on_wake, NULL);

  while (!done (data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("Timed out waiting for the window");
      g_main_context_iteration (NULL, TRUE);
    }

  g_source_remove (wake_id);
}

gboolean
is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

gboolean
is_unmapped (gpointer data)
{
  return !gtk_widget_get_mapped (data);
}

GtkWindow *
find_toplevel (const char *type_name)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (g_str_equal (G_OBJECT_TYPE_NAME (toplevel), type_name) &&
          gtk_widget_get_mapped (GTK_WIDGET (toplevel)))
        return toplevel;
    }
  return NULL;
}

gboolean
is_print_dialog_shown (gpointer data)
{
  GtkWindow **dialog = data;

  *dialog = find_toplevel ("GtkPrintUnixDialog");
  return *dialog != NULL;
}

static gboolean
is_shortcuts_window_shown (gpointer data)
{
  GtkWindow **shortcuts = data;

  *shortcuts = find_toplevel ("GtkShortcutsWindow");
  return *shortcuts != NULL;
}

GtkWindow *
open_shortcuts_window (GtkWidget *window)
{
  GtkWindow *shortcuts = NULL;

  g_assert_true (gtk_widget_activate_action (window, "win.show-help-overlay", NULL));
  wait_until (is_shortcuts_window_shown, &shortcuts);
  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (shortcuts));
  return shortcuts;
}

static gboolean
is_counter_done (gpointer data)
{
  return *(guint *) data >= 2;
}

static void
on_after_paint (GdkFrameClock *clock,
                guint         *n_frames)
{
  /* A frame is only drawn when one is asked for: ask for the second one
   * too, or a window with nothing animating would never draw it. */
  if (++(*n_frames) < 2)
    gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_PAINT);
}

gboolean
shows_whole_in (GtkWidget  *widget,
                GtkWidget  *area,
                const char *name)
{
  graphene_rect_t bounds;

  if (widget == NULL || !gtk_widget_get_mapped (widget) || !gtk_widget_compute_bounds (widget, area, &bounds))
    {
      g_test_message ("%s: no row shown", name);
      return FALSE;
    }
  g_test_message ("%s: row at %.0f–%.0f of %d px", name, bounds.origin.y,
                  bounds.origin.y + bounds.size.height, gtk_widget_get_height (area));
  return bounds.size.height > 0 && bounds.origin.y >= 0 &&
         bounds.origin.y + bounds.size.height <= gtk_widget_get_height (area);
}

/* Waits until the widget has been drawn twice, so that the layout has
 * settled and the adjustments are set (the first frame may still size). */
void
wait_for_frames (GtkWidget *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  guint n_frames = 0;
  gulong id;

  g_assert_nonnull (clock);
  id = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &n_frames);
  gtk_widget_queue_draw (widget);
  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_PAINT);
  wait_until (is_counter_done, &n_frames);
  g_signal_handler_disconnect (clock, id);
}

void
iterate_pending (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static GskRenderNode *
snapshot_widget (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();

  gdk_paintable_snapshot (paintable, snapshot,
                          gtk_widget_get_width (widget), gtk_widget_get_height (widget));
  return gtk_snapshot_free_to_node (snapshot);
}

/* What @widget shows as a texture. A window that has only just been
 * mapped may not have been drawn yet on a loaded machine (a sanitizer
 * build saw an empty picture after two frames): then it waits for more
 * frames, a few times, before it gives up with NULL. */
GdkTexture *
render_texture (GtkWidget *widget)
{
  g_autoptr(GskRenderNode) node = NULL;

  for (guint tries = 0; tries < 10; tries++)
    {
      if (gtk_widget_is_drawable (widget)
          && gtk_widget_get_width (widget) > 0
          && gtk_widget_get_height (widget) > 0)
        node = snapshot_widget (widget);
      if (node != NULL)
        break;
      wait_for_frames (widget);
    }
  if (node == NULL)
    return NULL;

  return gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                      node,
                                      &GRAPHENE_RECT_INIT (0, 0,
                                                           gtk_widget_get_width (widget),
                                                           gtk_widget_get_height (widget)));
}

guint32 *
widget_pixels (GtkWidget *widget,
               int       *width,
               int       *height)
{
  g_autoptr(GdkTexture) texture = render_texture (widget);
  guint32 *pixels;

  g_assert_nonnull (texture);
  *width = gdk_texture_get_width (texture);
  *height = gdk_texture_get_height (texture);
  pixels = g_new (guint32, (gsize) *width * *height);
  gdk_texture_download (texture, (guchar *) pixels, (gsize) *width * 4);

  return pixels;
}

/* Writes what @widget shows to @name in the test's build folder. */
void
save_screenshot (GtkWidget  *widget,
                 const char *name)
{
  g_autoptr(GdkTexture) texture = render_texture (widget);
  g_autofree char *path = NULL;

  g_assert_nonnull (texture);
  path = g_test_build_filename (G_TEST_BUILT, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("Screenshot: %s", path);
}

void
assert_text_field_accessible (GtkWidget *row)
{
  GtkWidget *focus;
  GtkWidget *entry;

  g_assert_true (gtk_widget_grab_focus (row));
  focus = gtk_root_get_focus (gtk_widget_get_root (row));
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, row));
  g_assert_true (GTK_IS_TEXT (focus));
  entry = gtk_widget_get_parent (focus);
  if (!GTK_IS_ENTRY (entry))
    g_error ("the text of %s is in a %s, which GTK 4.8 leaves out of the accessibility tree",
             G_OBJECT_TYPE_NAME (row), G_OBJECT_TYPE_NAME (entry));
  g_assert_true (gtk_test_accessible_has_role (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_ROLE_TEXT_BOX));
  g_assert_true (gtk_test_accessible_has_relation (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_RELATION_LABELLED_BY));
  g_assert_false (gtk_test_accessible_has_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL));
}

void
ui_test_bind_textdomain (void)
{
  const char *localedir = g_getenv ("UPPHANDLA_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

static void
clear_test_home (const char *variable)
{
  const char *dir = g_getenv (variable);

  if (dir != NULL && (g_str_has_suffix (dir, "-data-home") || g_str_has_suffix (dir, "-state-home")))
    test_remove_tree (dir);
}

void
ui_test_clear_homes (void)
{
  clear_test_home ("XDG_DATA_HOME");
  clear_test_home ("XDG_STATE_HOME");
}

/* The pointer to the bottom right corner of the virtual screen, where no
 * test's window is (they open at its top left): Xvfb starts it in the
 * middle, over a window, and resting on a widget with a tooltip it
 * started GTK's tooltip timer, which on a loaded machine fired after the
 * test had closed that window (gdk_surface_get_device_position() on no
 * surface: a fatal critical, or a crash). Without xdotool it stays.
 * Not in a child process of a test, which waited on xdotool while the
 * test waited on it. */
void
ui_test_park_pointer (void)
{
  g_autofree char *xdotool = g_find_program_in_path ("xdotool");
  g_autoptr(GdkMonitor) monitor = NULL;
  GListModel *monitors;
  GdkRectangle area;
  char x[16], y[16];
  const char *argv[] = { xdotool, "mousemove", x, y, NULL };

  if (xdotool == NULL || !GDK_IS_X11_DISPLAY (gdk_display_get_default ()))
    return;
  monitors = gdk_display_get_monitors (gdk_display_get_default ());
  if (g_list_model_get_n_items (monitors) == 0)
    return;
  monitor = g_list_model_get_item (monitors, 0);
  gdk_monitor_get_geometry (monitor, &area);
  g_snprintf (x, sizeof x, "%d", area.x + area.width - 1);
  g_snprintf (y, sizeof y, "%d", area.y + area.height - 1);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, NULL, NULL, NULL, NULL);
}

void
ui_test_init_gtk (const char *a11y)
{
  /* Read when GTK starts: after that it has no effect. */
  if (a11y != NULL)
    g_setenv ("GTK_A11Y", a11y, TRUE);
  gtk_init ();
  adw_init ();
  /* the app's own icons, as it adds them at its start where they are not
   * installed: the screenshots show them, not missing images */
  up_application_add_own_icons (gdk_display_get_default ());
}

void
ui_test_init (int          *argc,
              char       ***argv,
              const char   *a11y)
{
  ui_test_bind_textdomain ();
  ui_test_clear_homes ();
  g_test_init (argc, argv, NULL);
  ui_test_init_gtk (a11y);
  ui_test_park_pointer ();
}

void
ui_test_load_app_style (void)
{
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

  gtk_css_provider_load_from_resource (css, "/io/github/upphandla/Upphandla/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

const char *
test_language (void)
{
  const char *language = g_getenv ("LANGUAGE");

  if (language != NULL && g_str_has_prefix (language, "sv"))
    return "sv";
  if (language != NULL && g_str_has_prefix (language, "en"))
    return "en";

  return "C";
}

gpointer
template_child (gpointer    widget,
                GType       type,
                const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  if (child == NULL)
    g_error ("%s has no template child %s", G_OBJECT_TYPE_NAME (widget), name);

  return child;
}

/* A menu button's popover is not among its children in every version. */
static GtkWidget *
popover_of (GtkWidget *root)
{
  if (GTK_IS_MENU_BUTTON (root))
    return GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (root)));

  return NULL;
}

GtkWidget *
find_widget (GtkWidget  *root,
             WidgetTest  test,
             gpointer    data)
{
  GtkWidget *popover;

  if (test (root, data))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, test, data);

      if (found != NULL)
        return found;
    }

  popover = popover_of (root);
  return popover != NULL ? find_widget (popover, test, data) : NULL;
}

static gboolean
is_actionable_of (GtkWidget *widget,
                  gpointer   action)
{
  return GTK_IS_ACTIONABLE (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0;
}

GtkWidget *
find_action_button (GtkWidget  *root,
                    const char *action)
{
  return find_widget (root, is_actionable_of, (gpointer) action);
}

static gboolean
has_name (GtkWidget *widget,
          gpointer   name)
{
  return g_strcmp0 (gtk_widget_get_name (widget), name) == 0;
}

static gboolean
has_type (GtkWidget *widget,
          gpointer   type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  return find_widget (root, has_name, (gpointer) name);
}

GtkWidget *
get_named (GtkWidget  *root,
           const char *name)
{
  GtkWidget *widget = find_named (root, name);

  if (widget == NULL)
    g_error ("No widget named %s", name);

  return widget;
}

static gboolean
shows_text (GtkWidget *widget,
            gpointer   text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

GHashTable *
mnemonics_new (void)
{
  return g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
}

void
mnemonics_add (GHashTable *keys,
               guint       keyval,
               const char *text)
{
  /* by the character, in lower case: Alt+A and Alt+a are one key */
  gpointer key = GUINT_TO_POINTER (gdk_keyval_to_lower (gdk_unicode_to_keyval (gdk_keyval_to_unicode (keyval))));
  GPtrArray *texts = g_hash_table_lookup (keys, key);

  if (texts == NULL)
    {
      texts = g_ptr_array_new_with_free_func (g_free);
      g_hash_table_insert (keys, key, texts);
    }
  g_ptr_array_add (texts, g_strdup (text));
}

void
mnemonics_collect (GHashTable *keys,
                   GtkWidget  *root,
                   GtkWidget  *skip)
{
  guint keyval;

  if (root == skip || !gtk_widget_get_mapped (root))
    return;
  /* A label that may underline but has no "_" (a menu's item: Add
   * Stage's kinds) has the keyval 0 in GTK 4.8, no key. */
  if (GTK_IS_LABEL (root) &&
      (keyval = gtk_label_get_mnemonic_keyval (GTK_LABEL (root))) != GDK_KEY_VoidSymbol && keyval != 0)
    mnemonics_add (keys, keyval, gtk_label_get_label (GTK_LABEL (root)));
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL; child = gtk_widget_get_next_sibling (child))
    mnemonics_collect (keys, child, skip);
}

void
mnemonics_add_label (GHashTable *keys,
                     const char *label)
{
  const char *underline = strchr (label, '_');

  g_assert_nonnull (underline);
  mnemonics_add (keys, gdk_unicode_to_keyval (g_utf8_get_char (underline + 1)), label);
}

static int
compare_keys (gconstpointer a,
              gconstpointer b)
{
  guint x = GPOINTER_TO_UINT (a), y = GPOINTER_TO_UINT (b);

  return x < y ? -1 : x > y;
}

gboolean
mnemonics_unique (GHashTable *keys,
                  const char *where)
{
  g_autoptr(GList) sorted = g_list_sort (g_hash_table_get_keys (keys), compare_keys);
  gboolean unique = TRUE;

  g_test_message ("%s:", where);
  for (GList *l = sorted; l != NULL; l = l->next)
    {
      GPtrArray *texts = g_hash_table_lookup (keys, l->data);
      g_autoptr(GString) joined = g_string_new (NULL);

      for (guint i = 0; i < texts->len; i++)
        g_string_append_printf (joined, "%s%s", i > 0 ? ", " : "", (char *) g_ptr_array_index (texts, i));
      g_test_message ("  %s: %s%s", gdk_keyval_name (GPOINTER_TO_UINT (l->data)), joined->str,
                      texts->len > 1 ? "  (clash)" : "");
      if (texts->len > 1)
        unique = FALSE;
    }
  return unique;
}

GtkWidget *
find_label (GtkWidget  *root,
            const char *text)
{
  return find_widget (root, shows_text, (gpointer) text);
}

gboolean
is_file_chooser_shown (gpointer data)
{
  GtkWindow **chooser = data;

  *chooser = find_toplevel ("GtkFileChooserDialog");
  return *chooser != NULL;
}

gboolean
file_is_there (gpointer path)
{
  return g_file_test (path, G_FILE_TEST_EXISTS);
}

GtkWidget *
find_descendant (GtkWidget *root,
                 GType      type)
{
  return find_widget (root, has_type, GSIZE_TO_POINTER (type));
}

static gboolean
is_combo_row_titled (GtkWidget *widget,
                     gpointer   title)
{
  return ADW_IS_COMBO_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

AdwComboRow *
find_combo_row (GtkWidget  *root,
                const char *title)
{
  GtkWidget *row = find_widget (root, is_combo_row_titled, (gpointer) title);

  return row != NULL ? ADW_COMBO_ROW (row) : NULL;
}

GtkEventController *
get_controller (GtkWidget *widget,
                GType      type)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (controller, type))
        return controller;
    }

  g_error ("%s has no %s", G_OBJECT_TYPE_NAME (widget), g_type_name (type));
}

/* The message dialog shown over @parent, or NULL. */
static AdwMessageDialog *
find_message_dialog (GtkWindow *parent)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_window_get_transient_for (window) == parent &&
          gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }

  return NULL;
}

AdwMessageDialog *
get_message_dialog (GtkWindow *parent)
{
  AdwMessageDialog *dialog = find_message_dialog (parent);

  if (dialog == NULL)
    g_error ("%s has no message dialog open", G_OBJECT_TYPE_NAME (parent));
  return dialog;
}

gboolean
is_message_dialog_shown (gpointer data)
{
  return find_message_dialog (data) != NULL;
}

void
respond_to_dialog (GtkWindow  *parent,
                   const char *response)
{
  adw_message_dialog_response (get_message_dialog (parent), response);
}

UpProject *
demo_project_create (char  **dir,
                     GFile **file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) demo = NULL;
  g_autofree char *path = NULL;
  UpProject *project;

  *dir = g_dir_make_tmp ("upphandla-ui-XXXXXX", &error);
  g_assert_no_error (error);

  path = g_build_filename (*dir, "demo.upphandla", NULL);
  demo = g_file_new_for_path (path);
  project = up_demo_create (demo, &error);
  g_assert_no_error (error);
  g_assert_nonnull (project);

  if (file != NULL)
    *file = g_steal_pointer (&demo);

  return project;
}

void
demo_project_close (char       **dir,
                    UpProject  **project,
                    GFile      **file,
                    GtkWindow   *window,
                    gpointer     held)
{
  g_autoptr(GError) error = NULL;

  /* Let the pending save finish before the folder goes. */
  up_store_flush (up_project_get_store (*project), &error);
  g_assert_no_error (error);

  gtk_window_destroy (window);
  /* Dropped before the loop runs: a destroyed window kept alive keeps its
   * popovers alive without a surface, and GTK's tooltip timer, started by
   * a popover's pointer grab, may come due in the loop and ask one for
   * its position (see /ui/window/names-file). */
  g_clear_object (&held);
  iterate_pending ();
  /* and the save of what the window committed as it went (a field still
   * being typed in), which wrote into the folder as it was removed */
  up_store_flush (up_project_get_store (*project), &error);
  g_assert_no_error (error);
  g_clear_object (project);
  if (file != NULL)
    g_clear_object (file);

  g_assert_true (test_remove_tree (*dir));
  g_clear_pointer (dir, g_free);
}

void
window_fixture_set_up (WindowFixture *fixture,
                       int            width,
                       int            height)
{
  fixture->project = demo_project_create (&fixture->dir, NULL);
  fixture->window = g_object_ref_sink (up_window_new (NULL, fixture->project));
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), width, height);
}

void
show_window (WindowFixture *fixture)
{
  gtk_window_present (GTK_WINDOW (fixture->window));
  wait_until (is_mapped, fixture->window);
  wait_for_frames (GTK_WIDGET (fixture->window));
}

void
window_fixture_tear_down (WindowFixture *fixture)
{
  UpWindow *window = g_steal_pointer (&fixture->window);

  demo_project_close (&fixture->dir, &fixture->project, NULL, GTK_WINDOW (window), window);
}

void
show_view (WindowFixture *fixture,
           const char    *name)
{
  AdwViewStack *stack = template_child (fixture->window, UP_TYPE_WINDOW, "view_stack");

  adw_view_stack_set_visible_child_name (stack, name);
  wait_until (is_mapped, adw_view_stack_get_visible_child (stack));
  for (guint i = 0; i < 2; i++)
    wait_for_frames (GTK_WIDGET (fixture->window));
}

static gboolean
width_changed (gpointer data)
{
  GtkWidget *window = ((gpointer *) data)[0];
  int old_width = GPOINTER_TO_INT (((gpointer *) data)[1]);

  return gtk_widget_get_width (window) != old_width;
}

void
resize_window (WindowFixture *fixture,
               int            width,
               int            height)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);
  gpointer wait[] = { window, GINT_TO_POINTER (gtk_widget_get_width (window)) };

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  wait_until (width_changed, wait);
  for (guint i = 0; i < 4; i++)
    wait_for_frames (window);
}

/* For wait_until(): the focus is on a row of the choices of @data. */
static gboolean
is_choice_focused (gpointer data)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (data));

  return focus != NULL && gtk_widget_get_ancestor (focus, GTK_TYPE_POPOVER) != NULL &&
         GTK_IS_LIST_VIEW (gtk_widget_get_parent (focus));
}

/* For wait_until(): the focus is on the chosen row of the choices of
 * @data, or has stayed on another for a while. */
static gboolean
is_choice_settled (gpointer data)
{
  gpointer *wait = data;
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (wait[0]));
  gint64 *deadline = wait[1];

  return (gtk_widget_get_state_flags (focus) & GTK_STATE_FLAG_SELECTED) != 0 ||
         g_get_monotonic_time () > *deadline;
}

void
assert_choices_open_on_chosen (GtkWidget *widget)
{
  GtkWidget *focus;
  /* the app moves the focus within 30 frames of the choices opening */
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  gpointer wait[] = { widget, &deadline };

  g_assert_true (gtk_widget_activate (widget));
  wait_until (is_choice_focused, widget);
  wait_until (is_choice_settled, wait);

  focus = gtk_root_get_focus (gtk_widget_get_root (widget));
  g_assert_true (is_choice_focused (widget));
  if ((gtk_widget_get_state_flags (focus) & GTK_STATE_FLAG_SELECTED) == 0)
    g_error ("the choices of %s open with the focus on another than the one chosen",
             G_OBJECT_TYPE_NAME (widget));

  /* Each choice is named as it shows (a combo row's were unnamed: "list
   * item"), and a combo row's list after the row's title (it was
   * "GtkListView"). The names are there for a screen reader only. */
  if (g_strcmp0 (g_getenv ("GTK_A11Y"), "test") == 0)
    {
      GtkWidget *list = gtk_widget_get_parent (focus);

      for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
        {
          GtkWidget *label = find_descendant (row, GTK_TYPE_LABEL);
          g_autofree char *wrong = NULL;

          if (label == NULL || !gtk_widget_get_child_visible (row) || *gtk_label_get_text (GTK_LABEL (label)) == '\0')
            continue;
          wrong = gtk_test_accessible_check_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                      gtk_label_get_text (GTK_LABEL (label)));
          if (wrong != NULL)
            g_error ("a choice of %s, \"%s\", is not named so: %s", G_OBJECT_TYPE_NAME (widget),
                     gtk_label_get_text (GTK_LABEL (label)), wrong);
        }
      if (ADW_IS_COMBO_ROW (widget))
        {
          g_autofree char *wrong = gtk_test_accessible_check_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                                       adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)));

          if (wrong != NULL)
            g_error ("the choices of %s are not named after it: %s", G_OBJECT_TYPE_NAME (widget), wrong);
        }
    }
  gtk_popover_popdown (GTK_POPOVER (gtk_widget_get_ancestor (focus, GTK_TYPE_POPOVER)));
}

gboolean
run_key_binding (GtkWidget       *widget,
                 guint            keyval,
                 GdkModifierType  modifiers)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint k = 0; k < g_list_model_get_n_items (G_LIST_MODEL (controller)); k++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), k);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger) &&
              gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval &&
              gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == modifiers)
            return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut),
                                                 GTK_SHORTCUT_ACTION_EXCLUSIVE, widget,
                                                 gtk_shortcut_get_arguments (shortcut));
        }
    }
  return FALSE;
}

GtkWidget *
menu_item (GtkWidget  *menu,
           const char *label)
{
  g_autoptr(GString) shown = g_string_new (label);
  GtkWidget *text;

  g_string_replace (shown, "_", "", 0);
  text = find_label (menu, shown->str);
  return text != NULL ? gtk_widget_get_ancestor (text, g_type_from_name ("GtkModelButton")) : NULL;
}

GtkGesture *
secondary_click_gesture (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_CLICK (controller) &&
          gtk_gesture_single_get_button (GTK_GESTURE_SINGLE (controller)) == GDK_BUTTON_SECONDARY)
        return GTK_GESTURE (controller);
    }
  g_error ("%s takes no secondary click", G_OBJECT_TYPE_NAME (widget));
}
