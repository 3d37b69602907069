/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Whether @gl_renderer, an OpenGL GL_RENDERER string, names a rasteriser
 * that runs on the CPU (Mesa's llvmpipe, softpipe or swrast). */
gboolean up_renderer_is_software           (const char *gl_renderer);

/* Has the windows of @display drawn by GTK's Cairo renderer when OpenGL
 * there is rasterised on the CPU or not there at all, unless GSK_RENDERER
 * chooses. Returns the GL_RENDERER string it saw, or NULL when it made no
 * OpenGL context. */
char    *up_renderer_choose_for_display    (GdkDisplay *display);

/* Whether @dev_dir ("/dev") has a GPU's device node: a DRM render or card
 * node, or NVIDIA's control node. */
gboolean up_renderer_has_gpu_device        (const char *dev_dir);

/* Before GTK initialises: where no GPU device can be seen, OpenGL could
 * only be rasterised on the CPU, so GTK is asked not to load it at all.
 * up_renderer_restore_environment(), once GTK has read it, gives the
 * environment back as it was, so that programs started later do not
 * inherit the request. */
void     up_renderer_prepare_environment   (void);
void     up_renderer_restore_environment   (void);

G_END_DECLS
