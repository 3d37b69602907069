/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Waiting for windows and frames, and screenshots, shared by the GUI tests. */

#include "ui-test-util.h"

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

/* Writes what @widget shows to @name in the test's build folder. */
void
save_screenshot (GtkWidget  *widget,
                 const char *name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);

  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, width, height));
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
