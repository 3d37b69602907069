/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The choice of GTK's renderer: Cairo where OpenGL is rasterised on the
 * CPU (as under Xvfb here, with Mesa's llvmpipe), GTK's own choice with a
 * GPU, and the user's GSK_RENDERER above both. And the other start-up
 * choice made through the environment: no GTK theme parsed for nothing
 * before libadwaita's (up-theme.h). */

#include <adwaita.h>
#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "test-common.h"
#include "ui-test-util.h"
#include "up-renderer.h"
#include "up-theme.h"

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

static void
touch (const char *dir,
       const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, "", 0, NULL));
}

static void
test_gpu_device (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dev = g_dir_make_tmp ("upphandla-dev-XXXXXX", &error);
  g_autofree char *dri = g_build_filename (dev, "dri", NULL);
  g_autofree char *by_path = g_build_filename (dri, "by-path", NULL);

  g_assert_no_error (error);
  g_assert_false (up_renderer_has_gpu_device (dev));

  /* A folder without a node in it, as a container may have. */
  g_assert_cmpint (g_mkdir_with_parents (by_path, 0755), ==, 0);
  g_assert_false (up_renderer_has_gpu_device (dev));

  touch (dri, "renderD128");
  g_assert_true (up_renderer_has_gpu_device (dev));
  test_remove_tree (dri);

  g_assert_cmpint (g_mkdir (dri, 0755), ==, 0);
  touch (dri, "card0");
  g_assert_true (up_renderer_has_gpu_device (dev));
  test_remove_tree (dri);

  touch (dev, "nvidiactl");
  g_assert_true (up_renderer_has_gpu_device (dev));

  test_remove_tree (dev);
}

static gboolean
maps_mention (const char *library)
{
  g_autofree char *maps = NULL;

  g_assert_true (g_file_get_contents ("/proc/self/maps", &maps, NULL, NULL));
  return strstr (maps, library) != NULL;
}

/* Without a GPU device GTK is asked, before it starts, not to load OpenGL;
 * the environment is given back as it was once GTK has read it. */
static void
test_no_gpu (void)
{
  if (up_renderer_has_gpu_device ("/dev"))
    {
      g_test_skip ("This machine has a GPU device");
      return;
    }

  if (g_test_subprocess ())
    {
      g_autoptr(GError) error = NULL;
      GdkDisplay *display;
      GtkWidget *window;
      gboolean newer = gtk_get_minor_version () >= 16;
      const char *name = newer ? "GDK_DISABLE" : "GDK_DEBUG";
      g_autofree char *expected = g_strconcat ("nograbs,", newer ? "gl" : "gl-disable", NULL);

      /* A new process, no GTK yet and no other thread. */
      g_unsetenv ("GSK_RENDERER");
      g_setenv (name, "nograbs", TRUE);

      up_renderer_prepare_environment ();
      g_assert_cmpstr (g_getenv (name), ==, expected);
      gtk_init ();
      up_renderer_restore_environment ();
      g_assert_cmpstr (g_getenv (name), ==, "nograbs");

      display = gdk_display_get_default ();
      g_assert_false (gdk_display_prepare_gl (display, &error));
      g_assert_error (error, GDK_GL_ERROR, GDK_GL_ERROR_NOT_AVAILABLE);
      g_assert_false (maps_mention ("swrast_dri"));
      g_assert_false (maps_mention ("libLLVM"));

      /* The windows draw with Cairo, without GTK's message about the
       * OpenGL renderer it could not make. */
      g_assert_null (up_renderer_choose_for_display (display));
      window = gtk_window_new ();
      gtk_window_present (GTK_WINDOW (window));
      wait_until (is_mapped, window);
      g_assert_true (GSK_IS_CAIRO_RENDERER (gtk_native_get_renderer (GTK_NATIVE (window))));
      gtk_window_destroy (GTK_WINDOW (window));
      iterate_pending ();
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr_unmatched ("*Failed to realize renderer*");
}

/* Runs first of the tests on this process's display: the test environment
 * sets GSK_RENDERER=cairo. */
static void
test_user_choice (void)
{
  GdkDisplay *display;

  gtk_init ();
  display = gdk_display_get_default ();

  g_assert_cmpstr (g_getenv ("GSK_RENDERER"), ==, "cairo");
  g_assert_null (up_renderer_choose_for_display (display));
  g_assert_null (g_object_get_data (G_OBJECT (display), "gsk-renderer"));
}

static void
test_choice (void)
{
  GdkDisplay *display;
  g_autofree char *gl_renderer = NULL;
  GtkWidget *window;
  GskRenderer *renderer;

  gtk_init ();
  display = gdk_display_get_default ();

  /* No choice of the user's from here on. A test may change the
   * environment under GTK's threads; the app does only before them (and
   * gives back, see up-renderer.c). */
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

/* How much wider a button is than its label, in a window on screen. */
static int
button_padding (GtkWidget *window)
{
  GtkWidget *button = gtk_window_get_child (GTK_WINDOW (window));
  int button_width, label_width;

  wait_for_frames (window);
  gtk_widget_measure (button, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &button_width, NULL, NULL);
  gtk_widget_measure (gtk_button_get_child (GTK_BUTTON (button)), GTK_ORIENTATION_HORIZONTAL, -1,
                      NULL, &label_width, NULL, NULL);
  return button_width - label_width;
}

/* Between GTK's start and libadwaita's, the display's settings use
 * libadwaita's empty GTK theme (a button has no padding), GTK_THEME is
 * gone before libadwaita looks at it, and libadwaita then puts its style
 * sheet in place as it does without the variable. */
static void
test_theme (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *theme_name = NULL;
      GtkWidget *window;

      /* A new process, no GTK yet and no other thread. */
      g_unsetenv ("GTK_THEME");
      up_theme_prepare_environment ();
      g_assert_cmpstr (g_getenv ("GTK_THEME"), ==, "Adwaita-empty");
      up_theme_init_display ();
      g_assert_null (g_getenv ("GTK_THEME"));

      window = gtk_window_new ();
      gtk_window_set_child (GTK_WINDOW (window), gtk_button_new_with_label ("Upphandla"));
      gtk_window_present (GTK_WINDOW (window));
      wait_until (is_mapped, window);
      g_assert_cmpint (button_padding (window), ==, 0);

      adw_init ();
      g_object_get (gtk_settings_get_default (), "gtk-theme-name", &theme_name, NULL);
      g_assert_cmpstr (theme_name, ==, "Adwaita-empty");
      g_assert_cmpint (button_padding (window), >=, 12);

      gtk_window_destroy (GTK_WINDOW (window));
      iterate_pending ();
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

/* A GTK_THEME the user set is theirs: left as it is. */
static void
test_theme_user_choice (void)
{
  if (g_test_subprocess ())
    {
      g_setenv ("GTK_THEME", "HighContrast", TRUE);
      up_theme_prepare_environment ();
      g_assert_cmpstr (g_getenv ("GTK_THEME"), ==, "HighContrast");
      up_theme_init_display ();
      g_assert_cmpstr (g_getenv ("GTK_THEME"), ==, "HighContrast");
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  /* GTK starts in the tests: /ui/renderer/no-gpu and /ui/startup/theme prepare
   * their processes first. */
  g_test_add_func ("/ui/renderer/software-names", test_software_names);
  g_test_add_func ("/ui/renderer/gpu-device", test_gpu_device);
  g_test_add_func ("/ui/renderer/no-gpu", test_no_gpu);
  g_test_add_func ("/ui/startup/theme", test_theme);
  g_test_add_func ("/ui/startup/theme-user-choice", test_theme_user_choice);
  g_test_add_func ("/ui/renderer/user-choice", test_user_choice);
  g_test_add_func ("/ui/renderer/choice", test_choice);

  return g_test_run ();
}
