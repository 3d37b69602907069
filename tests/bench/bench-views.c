/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Switching views in a project: first and second visits.
 *
 *   bench-views [--timeout=SECONDS] [--skip=VIEW,...] PROJECT
 *
 * Opens PROJECT through the application, as a double-click does, in its
 * real window, and waits for the first frame and for the window to settle.
 * Then, twice over, it shows each page of the window's view stack in turn:
 * timeline → stakeholders → notes → agenda → local-goals → timeline. Each
 * switch is timed from the call that makes the page visible to the end of
 * the first frame painted after the page is mapped (the frame clock's
 * "after-paint"), as wall time and as the CPU time of the process over the
 * same span (every thread's, getrusage). The first round is each view's
 * first visit (the views build their widgets on first map); for the
 * timeline, whose page is shown at the start, it is the first return to it.
 * Prints one line per switch, then the peak RSS (VmHWM):
 *
 *   switch VIEW VISIT wall-ms W cpu-ms C
 *   switch VIEW VISIT timeout-ms T cpu-ms C  (longer than T; C the CPU time until then)
 *   vmhwm-mb M
 *
 * A switch that takes longer than --timeout cannot be interrupted (the main
 * thread is busy in it): a watchdog thread prints the lines so far, the
 * timeout and the peak RSS until then, and ends the process, so that a slow
 * view keeps the run short. --skip leaves views out of the order (to
 * measure the others in a run of their own). Needs a display (Xvfb).
 * Not a test: it prints figures (tests/bench/run-all.sh takes medians). */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "bench-gen.h"
#include "up-application.h"
#include "up-renderer.h"
#include "up-theme.h"
#include "up-window.h"

/* The page names in ui/up-window.ui, in the order visited after the
 * timeline, which is shown first. */
static const char * const view_order[] = {
  "stakeholders", "notes", "agenda", "local-goals", "timeline",
};

#define N_ROUNDS 2
/* Quiet time before each switch, so that late frames of the open or of the
 * previous view (the window draws a few after its first) are not counted. */
#define SETTLE_MS 500
/* The open itself, to the first frame, whatever --timeout says. */
#define OPEN_TIMEOUT_S 120

typedef struct
{
  /* Main thread only. */
  gboolean  mapped;
  gboolean  painted;
  gint64    end_us;
  double    end_cpu_ms;

  /* Shared with the watchdog, under lock. */
  GMutex      lock;
  GCond       cond;
  gint64      deadline;   /* monotonic µs; 0 while no switch runs */
  const char *what;       /* the running switch, for the watchdog */
  guint       visit;
  double      limit_ms;
  double      start_cpu_ms;
} Bench;

static double
cpu_ms (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0
         + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0;
}

static void
print_vmhwm (void)
{
  double hwm = bench_status_mb ("VmHWM");

  if (hwm > 0)
    printf ("vmhwm-mb %.1f\n", hwm);
}

/* Ends the process when a switch (or the open) passes its deadline: the
 * main thread is inside it and cannot be stopped. */
static gpointer
watchdog (gpointer data)
{
  Bench *bench = data;

  g_mutex_lock (&bench->lock);
  for (;;)
    {
      if (bench->deadline == 0)
        g_cond_wait (&bench->cond, &bench->lock);
      else if (!g_cond_wait_until (&bench->cond, &bench->lock, bench->deadline) &&
               bench->deadline != 0 && g_get_monotonic_time () >= bench->deadline)
        break;
    }

  /* With the lock held, so that the main thread prints nothing more. */
  if (bench->visit == 0)
    {
      fprintf (stderr, "bench-views: %s took more than %.0f ms\n", bench->what, bench->limit_ms);
      fflush (stdout);
      _exit (1);
    }
  printf ("switch %s %u timeout-ms %.0f cpu-ms %.1f\n", bench->what, bench->visit, bench->limit_ms,
          cpu_ms () - bench->start_cpu_ms);
  print_vmhwm ();
  fflush (stdout);
  _exit (0);
}

static void
arm (Bench      *bench,
     const char *what,
     guint       visit,
     double      limit_ms)
{
  g_mutex_lock (&bench->lock);
  bench->what = what;
  bench->visit = visit;
  bench->limit_ms = limit_ms;
  bench->start_cpu_ms = cpu_ms ();
  bench->deadline = limit_ms > 0 ? g_get_monotonic_time () + (gint64) (limit_ms * 1000) : 0;
  g_cond_signal (&bench->cond);
  g_mutex_unlock (&bench->lock);
}

/* Returns with the lock held: the caller prints its line, then unlocks. */
static void
disarm (Bench *bench)
{
  g_mutex_lock (&bench->lock);
  bench->deadline = 0;
  g_cond_signal (&bench->cond);
}

static gboolean
wake (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

static void
iterate_until (gboolean *flag)
{
  while (!*flag)
    g_main_context_iteration (NULL, TRUE);
}

static void
iterate_for (guint ms)
{
  gint64 deadline = g_get_monotonic_time () + ms * 1000;
  guint id = g_timeout_add (5, wake, NULL);

  while (g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (id);
}

static void
on_page_map (GtkWidget *page,
             Bench     *bench)
{
  bench->mapped = TRUE;
}

/* The end of the first frame painted once the page is mapped (the page
 * maps while it is made visible, or in the layout of the next frame). */
static void
on_after_paint (GdkFrameClock *clock,
                Bench         *bench)
{
  if (!bench->mapped || bench->painted)
    return;
  bench->end_us = g_get_monotonic_time ();
  bench->end_cpu_ms = cpu_ms ();
  bench->painted = TRUE;
}

static void
on_first_paint (GdkFrameClock *clock,
                Bench         *bench)
{
  bench->painted = TRUE;
}

static void
switch_to (Bench        *bench,
           AdwViewStack *stack,
           const char   *name,
           guint         visit,
           double        timeout_ms)
{
  GtkWidget *page = adw_view_stack_get_child_by_name (stack, name);
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (stack));
  gulong map_id, paint_id;
  gint64 start_us;
  double start_cpu_ms;

  if (page == NULL)
    g_error ("The window has no view “%s”", name);
  if (gtk_widget_get_mapped (page))
    g_error ("The view “%s” is shown already", name);

  bench->mapped = FALSE;
  bench->painted = FALSE;
  map_id = g_signal_connect (page, "map", G_CALLBACK (on_page_map), bench);
  paint_id = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), bench);

  arm (bench, name, visit, timeout_ms);
  start_us = g_get_monotonic_time ();
  start_cpu_ms = cpu_ms ();
  adw_view_stack_set_visible_child_name (stack, name);
  iterate_until (&bench->painted);
  disarm (bench);

  printf ("switch %s %u wall-ms %.1f cpu-ms %.1f\n", name, visit,
          (bench->end_us - start_us) / 1000.0, bench->end_cpu_ms - start_cpu_ms);
  fflush (stdout);
  g_mutex_unlock (&bench->lock);

  g_signal_handler_disconnect (page, map_id);
  g_signal_handler_disconnect (clock, paint_id);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(UpApplication) app = NULL;
  g_autoptr(GFile) file = NULL;
  g_auto(GStrv) skip = NULL;
  const char *localedir;
  double timeout_s = 0;
  Bench bench = { 0 };
  GtkWindow *window;
  AdwViewStack *stack;
  GdkFrameClock *clock;
  gulong paint_id;
  const GOptionEntry entries[] = {
    { "timeout", 0, 0, G_OPTION_ARG_DOUBLE, &timeout_s,
      "Give up on a switch after SECONDS (default: never)", "SECONDS" },
    { "skip", 0, 0, G_OPTION_ARG_STRING_ARRAY, &skip,
      "Leave VIEW out (may be repeated, or a comma-separated list)", "VIEW" },
    { NULL }
  };

  context = g_option_context_new ("PROJECT");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 2)
    {
      g_printerr ("%s\n", error ? error->message : "Usage: bench-views [--timeout=SECONDS] [--skip=VIEW,...] PROJECT");
      return 2;
    }
  if (skip != NULL)
    {
      g_autofree char *joined = g_strjoinv (",", skip);

      g_strfreev (skip);
      skip = g_strsplit (joined, ",", -1);
    }

  /* As app/main.c: the build tree's catalogues, and the renderer's and
   * the theme's environment before any thread starts. */
  localedir = g_getenv ("UPPHANDLA_LOCALEDIR");
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL && localedir[0] != '\0' ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  up_renderer_prepare_environment ();
  up_theme_prepare_environment ();

  g_mutex_init (&bench.lock);
  g_cond_init (&bench.cond);
  g_thread_unref (g_thread_new ("bench-watchdog", watchdog, &bench));
  arm (&bench, "open", 0, OPEN_TIMEOUT_S * 1000.0);

  /* The application as the app runs it (its startup registers actions,
   * style and theme), not the single instance of a running one. */
  app = up_application_new ();
  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    g_error ("%s", error->message);
  g_application_hold (G_APPLICATION (app));

  /* With no window yet, as from the file manager: the project is read on
   * a thread while the window is built, then the window is presented. */
  file = g_file_new_for_commandline_arg (argv[1]);
  up_application_open_file (app, file, NULL);
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  if (window == NULL && gtk_application_get_windows (GTK_APPLICATION (app)) != NULL)
    window = gtk_application_get_windows (GTK_APPLICATION (app))->data;
  if (!UP_IS_WINDOW (window) || up_window_get_project (UP_WINDOW (window)) == NULL)
    g_error ("%s did not open in a window", argv[1]);
  stack = ADW_VIEW_STACK (gtk_widget_get_template_child (GTK_WIDGET (window), UP_TYPE_WINDOW,
                                                         "view_stack"));
  if (g_strcmp0 (adw_view_stack_get_visible_child_name (stack), "timeline") != 0)
    g_error ("The window opened on “%s”, not the timeline",
             adw_view_stack_get_visible_child_name (stack));

  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  if (clock == NULL)
    g_error ("The window has no frame clock after it was presented");
  paint_id = g_signal_connect (clock, "after-paint", G_CALLBACK (on_first_paint), &bench);
  iterate_until (&bench.painted);
  g_signal_handler_disconnect (clock, paint_id);
  disarm (&bench);
  g_mutex_unlock (&bench.lock);

  for (guint round = 1; round <= N_ROUNDS; round++)
    for (guint i = 0; i < G_N_ELEMENTS (view_order); i++)
      {
        if (skip != NULL && g_strv_contains ((const char * const *) skip, view_order[i]))
          continue;
        /* Only when others are skipped: the view is shown already. */
        if (g_strcmp0 (adw_view_stack_get_visible_child_name (stack), view_order[i]) == 0)
          continue;
        iterate_for (SETTLE_MS);
        switch_to (&bench, stack, view_order[i], round, timeout_s * 1000.0);
      }

  disarm (&bench);
  print_vmhwm ();
  fflush (stdout);
  g_mutex_unlock (&bench.lock);

  g_application_release (G_APPLICATION (app));
  gtk_window_destroy (window);
  iterate_for (100);
  return 0;
}
