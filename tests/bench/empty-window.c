/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The floor of "open to first frame": an empty GTK 4 window that prints
 * "first-frame-us N" (from UPPHANDLA_BENCH_START_US, stamped by the launcher
 * before exec, or from main()) at the first after-paint, then quits, with
 * UPPHANDLA_BENCH_FIRST_FRAME set as for the app; without it, it stays open
 * (for its peak memory once settled). With UPPHANDLA_BENCH_AFTER_MS too it
 * counts, as the app does, the frames it draws in that many milliseconds
 * after the first, and prints "frames-after-first N last-frame-after-ms T".
 *
 * Built twice: empty-window is a plain GtkApplicationWindow; empty-adw-window
 * (UP_BENCH_ADW) is an AdwApplicationWindow with a header bar, the least a
 * libadwaita application shows, so the floor includes libadwaita's start-up
 * (its style sheet) as the app's does. */

#include <gtk/gtk.h>
#include <stdlib.h>
#ifdef UP_BENCH_ADW
#include <adwaita.h>
#endif

static gint64 start_us;
static gint64 first_frame_us;
static gint64 last_frame_us;
static guint frames_after;

static void
on_later_paint (GdkFrameClock *clock,
                gpointer       data)
{
  frames_after++;
  last_frame_us = g_get_monotonic_time ();
}

static void
print_later_frames (gpointer app)
{
  g_print ("frames-after-first %u last-frame-after-ms %.1f\n", frames_after,
           frames_after ? (last_frame_us - first_frame_us) / 1000.0 : 0.0);
  g_application_quit (app);
}

static void
on_after_paint (GdkFrameClock *clock,
                GApplication  *app)
{
  const char *after_ms = g_getenv ("UPPHANDLA_BENCH_AFTER_MS");

  g_signal_handlers_disconnect_by_func (clock, on_after_paint, app);
  first_frame_us = g_get_monotonic_time ();
  g_print ("first-frame-us %" G_GINT64_FORMAT "\n", first_frame_us - start_us);
  if (g_getenv ("UPPHANDLA_BENCH_FIRST_FRAME") == NULL)
    return;
  if (after_ms != NULL)
    {
      g_signal_connect (clock, "after-paint", G_CALLBACK (on_later_paint), NULL);
      g_timeout_add_once (g_ascii_strtoull (after_ms, NULL, 10), print_later_frames, app);
    }
  else
    g_application_quit (app);
}

static void
on_map (GtkWidget    *window,
        GApplication *app)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (on_after_paint), app);
}

static void
on_activate (GtkApplication *app)
{
#ifdef UP_BENCH_ADW
  GtkWidget *window = adw_application_window_new (app);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
#else
  GtkWidget *window = gtk_application_window_new (app);
#endif

  gtk_window_set_title (GTK_WINDOW (window), "Empty");
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  g_signal_connect (window, "map", G_CALLBACK (on_map), app);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GtkApplication) app = NULL;
  const char *env = g_getenv ("UPPHANDLA_BENCH_START_US");

  start_us = env ? g_ascii_strtoll (env, NULL, 10) : g_get_monotonic_time ();
#ifdef UP_BENCH_ADW
  app = GTK_APPLICATION (adw_application_new ("io.github.upphandla.BenchEmpty", G_APPLICATION_NON_UNIQUE));
#else
  app = gtk_application_new ("io.github.upphandla.BenchEmpty", G_APPLICATION_NON_UNIQUE);
#endif
  g_signal_connect (app, "activate", G_CALLBACK (on_activate), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
