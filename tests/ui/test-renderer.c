/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The choice of GTK's renderer: Cairo where OpenGL is rasterised on the
 * CPU (as under Xvfb here, with Mesa's llvmpipe), GTK's own choice with a
 * GPU, and the user's GSK_RENDERER above both. */

#include <gtk/gtk.h>

#include "ui-test-util.h"
#include "up-renderer.h"

static void
test_software_names (void)
{
  /* Mesa's software rasterisers, as GL_RENDERER names them. */
  g_assert_true (up_renderer_is_software ("llvmpipe (LLVM 15.0.6, 256 bits)"));
  g_assert_true (up_renderer_is_software ("softpipe"));
  g_assert_true (up_renderer_is_software ("Software Rasterizer"));
  g_assert_true (up_renderer_is_software ("Mesa X11 swrast"));

  /* GPUs, some of whose drivers name LLVM too. */
  g_assert_false (up_renderer_is_software ("Mesa Intel(R) UHD Graphics 620 (KBL GT2)"));
  g_assert_false (up_renderer_is_software ("AMD Radeon RX 6600 (navi23, LLVM 15.0.6, DRM 3.49, 6.1.0-13-amd64)"));
  g_assert_false (up_renderer_is_software ("NVIDIA GeForce GTX 1650/PCIe/SSE2"));
  g_assert_false (up_renderer_is_software ("virgl (Mesa Intel(R) Xe Graphics)"));
  g_assert_false (up_renderer_is_software (""));
  g_assert_false (up_renderer_is_software (NULL));
}

/* Runs first: the test environment sets GSK_RENDERER=cairo. */
static void
test_user_choice (void)
{
  GdkDisplay *display = gdk_display_get_default ();

  g_assert_cmpstr (g_getenv ("GSK_RENDERER"), ==, "cairo");
  g_assert_null (up_renderer_choose_for_display (display));
  g_assert_null (g_object_get_data (G_OBJECT (display), "gsk-renderer"));
}

static void
test_choice (void)
{
  GdkDisplay *display = gdk_display_get_default ();
  g_autofree char *gl_renderer = NULL;
  GtkWidget *window;
  GskRenderer *renderer;

  /* No choice of the user's from here on. A test may change the
   * environment; the app never does. */
  g_unsetenv ("GSK_RENDERER");

  gl_renderer = up_renderer_choose_for_display (display);
  if (gl_renderer == NULL)
    {
      g_test_skip ("No OpenGL context on this display: GTK draws with Cairo anyway");
      return;
    }
  g_test_message ("GL_RENDERER: %s", gl_renderer);

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 400, 300);
  gtk_window_present (GTK_WINDOW (window));
  wait_until (is_mapped, window);
  wait_for_frames (window);
  renderer = gtk_native_get_renderer (GTK_NATIVE (window));
  g_test_message ("Renderer: %s", G_OBJECT_TYPE_NAME (renderer));

  if (up_renderer_is_software (gl_renderer))
    {
      g_assert_cmpstr (g_object_get_data (G_OBJECT (display), "gsk-renderer"), ==, "cairo");
      g_assert_true (GSK_IS_CAIRO_RENDERER (renderer));
    }
  else
    {
      g_assert_null (g_object_get_data (G_OBJECT (display), "gsk-renderer"));
      g_assert_false (GSK_IS_CAIRO_RENDERER (renderer));
    }

  /* Asked again: the choice stands. */
  g_assert_null (up_renderer_choose_for_display (display));

  gtk_window_destroy (GTK_WINDOW (window));
  iterate_pending ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  gtk_init ();

  g_test_add_func ("/ui/renderer/software-names", test_software_names);
  g_test_add_func ("/ui/renderer/user-choice", test_user_choice);
  g_test_add_func ("/ui/renderer/choice", test_choice);

  return g_test_run ();
}
