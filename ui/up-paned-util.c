/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "Upphandla"

#include "config.h"

#include "up-paned-util.h"

/* The start child's width as last chosen, in pixels: the .ui file's or
 * the code's position, or where the user dragged the handle to. */
#define WANTED_KEY "up-paned-util-wanted"

static int
get_wanted (GtkPaned *paned)
{
  return GPOINTER_TO_INT (g_object_get_data (G_OBJECT (paned), WANTED_KEY));
}

static void
set_wanted (GtkPaned *paned,
            int       wanted)
{
  g_object_set_data (G_OBJECT (paned), WANTED_KEY, GINT_TO_POINTER (wanted));
}

static int
get_max_position (GtkPaned *paned)
{
  int max = 0;

  g_object_get (paned, "max-position", &max, NULL);
  return max;
}

static int
get_min_position (GtkPaned *paned)
{
  int min = 0;

  g_object_get (paned, "min-position", &min, NULL);
  return min;
}

/* A position below the largest is a choice (a drag of the handle, or a
 * key); at the largest it is a window too narrow that squeezed the pane. */
static void
on_position (GtkPaned   *paned,
             GParamSpec *pspec,
             gpointer    user_data)
{
  int position = gtk_paned_get_position (paned);

  if (position < get_max_position (paned))
    set_wanted (paned, position);
}

/* GtkPaned notifies max-position from its size_allocate, after it has
 * clamped the position and before it allocates its children: they get the
 * position set here in the same layout pass, and the allocation that
 * gtk_paned_set_position() queues is cleared with the paned's own.
 *
 * Not later, from a timeout or the main loop: that queues an allocation of
 * the paned alone, and when a resize elsewhere in the window lands in the
 * same frame (the view switcher bar sliding away after the window grew),
 * GTK 4.8 passes the view stack above the paned through
 * gtk_widget_ensure_allocate() inside the window's allocation. The
 * timeline's scrolled window then queues a resize from within (its scroll
 * bar comes or goes at the new width), which marks the view stack as
 * needing an allocation but stops at its parent, already being allocated:
 * nothing allocates the view stack again before it is drawn, and GTK warns
 * "Trying to snapshot AdwViewStack ... without a current allocation". */
static void
on_max_position (GtkPaned   *paned,
                 GParamSpec *pspec,
                 gpointer    user_data)
{
  int position = gtk_paned_get_position (paned);
  int wanted = CLAMP (get_wanted (paned), get_min_position (paned), get_max_position (paned));

  if (position < wanted)
    gtk_paned_set_position (paned, wanted);
}

void
up_paned_util_keep_start_width (GtkPaned *paned)
{
  g_return_if_fail (GTK_IS_PANED (paned));

  set_wanted (paned, gtk_paned_get_position (paned));
  g_signal_connect (paned, "notify::position", G_CALLBACK (on_position), NULL);
  g_signal_connect (paned, "notify::max-position", G_CALLBACK (on_max_position), NULL);
}
