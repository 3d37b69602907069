/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "Upphandla"

#include "config.h"

#include <epoxy/gl.h>

#include "up-renderer.h"

/* GTK 4.8 draws its windows with OpenGL wherever it can make a context,
 * also where that OpenGL is Mesa rasterising on the CPU: a virtual machine,
 * a remote desktop, a computer without a supported GPU. There every frame
 * is rasterised whole in software, and each new combination of drawing
 * state is compiled to machine code first. Measured with this app on such
 * a machine (tests/bench, README "Performance"), GTK's Cairo renderer does
 * the same work in a fraction of that: a bar dragged at 5,000 stages takes
 * 2.7 ms a frame at the 95th percentile instead of 15.7, the window opens
 * in 0.6 s instead of 0.95, and the process needs about 100 MB less. With a
 * GPU, GTK's own choice stands. */

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

  /* Without OpenGL GTK draws with Cairo anyway. */
  context = gdk_display_create_gl_context (display, NULL);
  if (context == NULL || !gdk_gl_context_realize (context, NULL))
    return NULL;

  gdk_gl_context_make_current (context);
  gl_renderer = g_strdup ((const char *) glGetString (GL_RENDERER));
  gdk_gl_context_clear_current ();

  /* GTK asks the display before GSK_RENDERER (gsk_renderer_new_for_surface):
   * no process-wide environment to change while other threads may read it. */
  if (up_renderer_is_software (gl_renderer))
    g_object_set_data_full (G_OBJECT (display), "gsk-renderer", g_strdup ("cairo"), g_free);

  return g_steal_pointer (&gl_renderer);
}
