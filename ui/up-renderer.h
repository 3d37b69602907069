/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Whether @gl_renderer, an OpenGL GL_RENDERER string, names a rasteriser
 * that runs on the CPU (Mesa's llvmpipe, softpipe or swrast). */
gboolean up_renderer_is_software           (const char *gl_renderer);

/* Has the windows of @display drawn by GTK's Cairo renderer when OpenGL
 * there is rasterised on the CPU, unless GSK_RENDERER chooses. Returns the
 * GL_RENDERER string it saw, or NULL when it made no OpenGL context. */
char    *up_renderer_choose_for_display    (GdkDisplay *display);

G_END_DECLS
