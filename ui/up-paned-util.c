/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "Upphandla"

#include "config.h"

#include "up-paned-util.h"

/* How long the room must stay the same before the width comes back, in
 * milliseconds: a window being resized, or the header bar's switcher
 * moving to the bottom of a narrow window (an animation), is left alone. */
#define SETTLE_MS 300

typedef struct
{
  int   wanted;      /* the start child's width as last chosen, in pixels */
  guint settle_id;
} KeepWidth;

static int
max_position (GtkPaned *paned)
{
  int max = 0;

  g_object_get (paned, "max-position", &max, NULL);
  return max;
}

/* A position below the largest is a choice (the .ui file's, or a drag);
 * at the largest it is the window that squeezed the pane. */
static void
on_position (GtkPaned   *paned,
             GParamSpec *pspec,
             KeepWidth  *keep)
{
  int position = gtk_paned_get_position (paned);

  if (position < max_position (paned))
    keep->wanted = position;
}

static void
give_back (gpointer data)
{
  GtkPaned *paned = data;
  KeepWidth *keep = g_object_get_data (G_OBJECT (paned), "up-keep-start-width");
  int position = gtk_paned_get_position (paned);
  int max = max_position (paned);

  keep->settle_id = 0;
  if (position < keep->wanted && position < max)
    gtk_paned_set_position (paned, MIN (keep->wanted, max));
}

/* The room changed (GtkPaned tells while it allocates; a new position
 * then, or before the window has settled, leaves GTK 4.8 drawing a view
 * stack it has not laid out): the width comes back once it has settled. */
static void
on_max_position (GtkPaned   *paned,
                 GParamSpec *pspec,
                 KeepWidth  *keep)
{
  g_clear_handle_id (&keep->settle_id, g_source_remove);
  if (gtk_paned_get_position (paned) < keep->wanted)
    keep->settle_id = g_timeout_add_once (SETTLE_MS, give_back, paned);
}

static void
keep_width_free (gpointer data)
{
  KeepWidth *keep = data;

  g_clear_handle_id (&keep->settle_id, g_source_remove);
  g_free (keep);
}

void
up_paned_util_keep_start_width (GtkPaned *paned)
{
  KeepWidth *keep;

  g_return_if_fail (GTK_IS_PANED (paned));

  keep = g_new0 (KeepWidth, 1);
  keep->wanted = gtk_paned_get_position (paned);
  g_object_set_data_full (G_OBJECT (paned), "up-keep-start-width", keep, keep_width_free);
  g_signal_connect (paned, "notify::position", G_CALLBACK (on_position), keep);
  g_signal_connect (paned, "notify::max-position", G_CALLBACK (on_max_position), keep);
}
