/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "Upphandla"

#include "config.h"

#include <epoxy/gl.h>
#include <string.h>

#include "up-renderer.h"

/* The variable that up_renderer_prepare_environment() changed, and its
 * value before. */
static char *changed_name;
static char *old_value;

/* GTK 4.8 draws its windows with OpenGL wherever it can make a context,
 * also where that OpenGL is Mesa rasterising on the CPU: a virtual machine,
 * a remote desktop, a computer without a supported GPU. There every frame
 * is rasterised whole in software, and each new combination of drawing
 * state is compiled to machine code first. Measured with this app on such
 * a machine (tests/bench, README "Performance"), GTK's Cairo renderer does
 * the same work in a fraction of that: a bar dragged at 5,000 stages takes
 * 2.7 ms a frame at the 95th percentile instead of 15.7, the window opens
 * in 0.6 s instead of 0.95, and the process needs about 100 MB less. With a
 * GPU, GTK's own choice stands.
 *
 * Where no GPU device can be seen at all, OpenGL could only be such a
 * rasteriser, and GTK is asked before it starts not to load it: it would
 * map Mesa's driver and LLVM (some 50 MB here) and initialise them for
 * nothing. */

gboolean
up_renderer_is_software (const char *gl_renderer)
{
  static const char * const software[] = {
    "llvmpipe", "softpipe", "Software Rasterizer", "swrast",
  };

  if (gl_renderer == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (software); i++)
    if (strstr (gl_renderer, software[i]) != NULL)
      return TRUE;

  return FALSE;
}

char *
up_renderer_choose_for_display (GdkDisplay *display)
{
  g_autoptr(GdkGLContext) context = NULL;
  g_autofree char *gl_renderer = NULL;

  g_return_val_if_fail (GDK_IS_DISPLAY (display), NULL);

  /* The user's choice, or one made already. */
  if (g_getenv ("GSK_RENDERER") != NULL ||
      g_object_get_data (G_OBJECT (display), "gsk-renderer") != NULL)
    return NULL;

  /* Without OpenGL GTK falls back to Cairo anyway, after a message on
   * stderr for every window about the OpenGL renderer it could not make. */
  context = gdk_display_create_gl_context (display, NULL);
  if (context == NULL || !gdk_gl_context_realize (context, NULL))
    {
      g_object_set_data_full (G_OBJECT (display), "gsk-renderer", g_strdup ("cairo"), g_free);
      return NULL;
    }

  gdk_gl_context_make_current (context);
  gl_renderer = g_strdup ((const char *) glGetString (GL_RENDERER));
  gdk_gl_context_clear_current ();

  /* GTK asks the display before GSK_RENDERER (gsk_renderer_new_for_surface):
   * no process-wide environment to change while other threads may read it. */
  if (up_renderer_is_software (gl_renderer))
    g_object_set_data_full (G_OBJECT (display), "gsk-renderer", g_strdup ("cairo"), g_free);

  return g_steal_pointer (&gl_renderer);
}

gboolean
up_renderer_has_gpu_device (const char *dev_dir)
{
  g_autofree char *dri = NULL;
  g_autofree char *nvidia = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_return_val_if_fail (dev_dir != NULL, FALSE);

  nvidia = g_build_filename (dev_dir, "nvidiactl", NULL);
  if (g_file_test (nvidia, G_FILE_TEST_EXISTS))
    return TRUE;

  dri = g_build_filename (dev_dir, "dri", NULL);
  dir = g_dir_open (dri, 0, NULL);
  if (dir == NULL)
    return FALSE;

  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, "renderD") || g_str_has_prefix (name, "card"))
      return TRUE;

  return FALSE;
}

void
up_renderer_prepare_environment (void)
{
  /* GTK 4.16 moved the switch from GDK_DEBUG to GDK_DISABLE. */
  gboolean newer = gtk_get_major_version () > 4 || gtk_get_minor_version () >= 16;
  const char *name = newer ? "GDK_DISABLE" : "GDK_DEBUG";
  const char *flag = newer ? "gl" : "gl-disable";
  const char *value = g_getenv (name);
  g_autofree char *joined = NULL;

  /* The user's choice, a GPU (whose OpenGL the GL_RENDERER check looks at
   * once GTK is up), or done already. */
  if (changed_name != NULL ||
      g_getenv ("GSK_RENDERER") != NULL ||
      (value != NULL && strstr (value, "gl") != NULL) ||
      up_renderer_has_gpu_device ("/dev"))
    return;

  changed_name = g_strdup (name);
  old_value = g_strdup (value);
  joined = value != NULL && value[0] != '\0' ? g_strconcat (value, ",", flag, NULL) : g_strdup (flag);
  g_setenv (name, joined, TRUE);
}

void
up_renderer_restore_environment (void)
{
  if (changed_name == NULL)
    return;

  /* An existing variable is changed in place; one that was not there is
   * taken out again. */
  if (old_value != NULL)
    g_setenv (changed_name, old_value, TRUE);
  else
    g_unsetenv (changed_name);

  g_clear_pointer (&changed_name, g_free);
  g_clear_pointer (&old_value, g_free);
}
