/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The floor of "open to first frame": an empty GTK 4 window that prints
 * "first-frame-us N" (from UPPHANDLA_BENCH_START_US, stamped by the launcher
 * before exec, or from main()) at the first after-paint, then quits, with
 * UPPHANDLA_BENCH_FIRST_FRAME set as for the app; without it, it stays open
 * (for its peak memory once settled).
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

static void
on_after_paint (GdkFrameClock *clock,
                GApplication  *app)
{
  g_signal_handlers_disconnect_by_func (clock, on_after_paint, app);
  g_print ("first-frame-us %" G_GINT64_FORMAT "\n", g_get_monotonic_time () - start_us);
  if (g_getenv ("UPPHANDLA_BENCH_FIRST_FRAME") != NULL)
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
