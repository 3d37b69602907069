/* SPDX-License-Identifier: GPL-3.0-or-later */

/* A long session in a window: memory over thousands of edits.
 *
 *   bench-session PROJECT [EDITS [VIEW]]     (default 3,000 per view, every view)
 *
 * Opens PROJECT (a copy: the file is left as it was) in the application's
 * window, then in each view in turn (timeline, stakeholders, notes,
 * Agenda 2030, local goals) makes EDITS random edits of every kind through
 * the edit API, with an undo or a redo among every ten, and lets the window
 * catch up after each (the views follow the project's signals and draw).
 * Prints after each tenth of a view's edits the undo steps, the history's
 * size, the memory malloc has handed out and not had back (the heap in
 * use), the resident memory of the process and the saves so far; at the
 * end the time the last save took to land, and whether the project was
 * freed with its window. A growth of the heap beyond the history's own is
 * the project's rows or the widgets'.
 *
 * Needs a display (Xvfb). Not a test. */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench-gen.h"
#include "up-application.h"
#include "up-history-private.h"
#include "up-renderer.h"
#include "up-schema.h"
#include "up-theme.h"
#include "up-window.h"

static const char * const views[] = {
  "timeline", "stakeholders", "notes", "agenda", "local-goals",
};

static GRand *rnd;

static double
heap_mb (void)
{
  struct mallinfo2 info = mallinfo2 ();

  return (info.uordblks + info.hblkhd) / 1048576.0;
}

/* Rows of every table but the project's own: the project grows with some
 * kinds of edit (links to local goals are only ever added here), and the
 * widgets showing it with it. */
static guint
count_rows (UpProject *project)
{
  guint n = 0;

  for (guint t = UP_TABLE_STAGE; t < UP_N_TABLES; t++)
    n += up_project_count (project, up_schema_tables[t].name);
  return n;
}

static void
settle (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gpointer
pick (GListModel *list)
{
  guint n = g_list_model_get_n_items (list);
  g_autoptr(GObject) item = NULL;

  if (n == 0)
    return NULL;
  item = g_list_model_get_item (list, g_rand_int_range (rnd, 0, n));
  /* the project keeps a reference as long as the row exists */
  return item;
}

static const char *
one_of (const char * const *values)
{
  return values[g_rand_int_range (rnd, 0, g_strv_length ((char **) values))];
}

static const char *
some_target (void)
{
  const UpSdgGoal *goal = up_sdg_get_goal (g_rand_int_range (rnd, 1, UP_SDG_N_GOALS + 1));

  return goal->targets[g_rand_int_range (rnd, 0, goal->n_targets)];
}

static char *
some_text (void)
{
  static const char * const words[] = {
    "behov", "dialog", "åtgärd", "leverantör", "“citat”", "🦊", "עברית", "العربية", "trygghet",
  };
  GString *text = g_string_new ("Text");

  for (guint i = g_rand_int_range (rnd, 0, 12); i > 0; i--)
    g_string_append_printf (text, " %s", words[g_rand_int_range (rnd, 0, G_N_ELEMENTS (words))]);
  return g_string_free (text, FALSE);
}

/* One edit of a random kind; kinds that find nothing to edit add instead,
 * and tables stay about as large as they were. */
static void
random_edit (UpProject *p,
             guint      n_stages)
{
  g_autoptr(GError) error = NULL;
  UpStage *stage = pick (up_project_get_stages (p));
  UpStakeholder *person = pick (up_project_get_stakeholders (p));
  UpNote *note = pick (up_project_get_notes (p));
  UpSdgLink *link = pick (up_project_get_sdg_links (p));
  UpLocalGoal *goal = pick (up_project_get_local_goals (p));
  g_autofree char *text = some_text ();
  g_autofree char *day = up_date_add_days ("2026-01-05", g_rand_int_range (rnd, 0, 700));

  if (stage == NULL)
    {
      up_project_add_stage (p, "custom", text, day, day, NULL, &error);
      g_assert_no_error (error);
      return;
    }

  switch (g_rand_int_range (rnd, 0, 12))
    {
    case 0:
      if (up_project_count (p, "stage") > n_stages)
        up_project_delete_stage (p, stage, g_rand_boolean (rnd), &error);
      else
        up_project_add_stage (p, "custom", text, day, day, stage, &error);
      break;
    case 1:
      {
        g_autofree char *last = up_stage_get_is_milestone (stage)
                                ? g_strdup (day) : up_date_add_days (day, g_rand_int_range (rnd, 0, 40));

        up_project_move_stage (p, stage, day, last, &error);
      }
      break;
    case 2:
      up_project_reorder_stage (p, stage, g_rand_int_range (rnd, 0, up_project_count (p, "stage") + 1),
                                &error);
      break;
    case 3:
      up_project_set_string (p, stage, g_rand_boolean (rnd) ? "title" : "description", text, &error);
      break;
    case 4:
      if (person != NULL)
        up_project_set_int (p, person, "influence", g_rand_int_range (rnd, 1, 6), &error);
      else
        up_project_add_stakeholder (p, text, "Kommunen", "user", &error);
      break;
    case 5:
      if (note != NULL && up_project_count (p, "note") > 2 * n_stages)
        up_project_delete_note (p, note, &error);
      else
        up_project_add_note (p, text, one_of (up_note_kinds), day, stage, &error);
      break;
    case 6:
      if (note != NULL)
        up_project_set_string (p, note, "body", text, &error);
      break;
    case 7:
      if (note != NULL && person != NULL)
        {
          if (g_rand_boolean (rnd))
            up_project_link_note_stakeholder (p, note, person, &error);
          else
            up_project_unlink_note_stakeholder (p, note, person, &error);
        }
      break;
    case 8:
      if (link != NULL && g_rand_boolean (rnd))
        up_project_delete_sdg_link (p, link, &error);
      else if (up_project_add_sdg_link (p, UP_RECORD (stage), some_target (), one_of (up_sdg_impacts),
                                        g_rand_int_range (rnd, 1, 4), text, &error) == NULL)
        g_clear_error (&error);   /* the target was linked already */
      break;
    case 9:
      if (link != NULL)
        up_project_set_int (p, link, "strength", g_rand_int_range (rnd, 1, 4), &error);
      break;
    case 10:
      if (goal == NULL)
        up_project_add_local_goal (p, "local", text, &error);
      else if (g_rand_boolean (rnd))
        up_project_link_stage_local_goal (p, stage, goal, &error);
      else
        up_project_link_local_goal_target (p, goal, some_target (), &error);
      break;
    default:
      up_project_set_string (p, p, "description", text, &error);
      break;
    }
  g_assert_no_error (error);
}

static void
on_saved (UpStore *store,
          guint   *n_saved)
{
  (*n_saved)++;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UpApplication) app = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  guint edits = argc > 2 ? (guint) atoi (argv[2]) : 3000;
  const char *localedir;
  GtkWindow *window;
  AdwViewStack *stack;
  UpProject *project;
  UpStore *store;
  UpHistory *history;
  guint n_saved = 0;
  guint n_stages;
  gsize length;
  const char *only = argc > 3 ? argv[3] : NULL;
  double rss_open, heap_open;
  gint64 last_edit;

  if (argc < 2)
    {
      g_printerr ("Usage: %s PROJECT [EDITS]\n", argv[0]);
      return 2;
    }

  /* A copy, and a recovery folder of its own. */
  dir = g_dir_make_tmp ("bench-session-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_STATE_HOME", dir, TRUE);
  path = g_build_filename (dir, "session.upphandla", NULL);
  if (!g_file_get_contents (argv[1], &contents, &length, &error) ||
      !g_file_set_contents (path, contents, length, &error))
    g_error ("%s", error->message);
  g_clear_pointer (&contents, g_free);

  localedir = g_getenv ("UPPHANDLA_LOCALEDIR");
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL && localedir[0] != '\0' ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  up_renderer_prepare_environment ();
  up_theme_prepare_environment ();
  rnd = g_rand_new_with_seed (1);

  app = up_application_new ();
  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    g_error ("%s", error->message);
  g_application_hold (G_APPLICATION (app));

  file = g_file_new_for_path (path);
  up_application_open_file (app, file, NULL);
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  if (window == NULL && gtk_application_get_windows (GTK_APPLICATION (app)) != NULL)
    window = gtk_application_get_windows (GTK_APPLICATION (app))->data;
  if (!UP_IS_WINDOW (window) || (project = up_window_get_project (UP_WINDOW (window))) == NULL)
    g_error ("%s did not open in a window", path);
  stack = ADW_VIEW_STACK (gtk_widget_get_template_child (GTK_WIDGET (window), UP_TYPE_WINDOW,
                                                         "view_stack"));
  store = up_project_get_store (project);
  history = up_project_get_history (project);
  g_signal_connect (store, "saved", G_CALLBACK (on_saved), &n_saved);
  n_stages = MAX (up_project_count (project, "stage"), 10);

  /* Every view once, so that each has built its widgets. */
  for (guint v = 0; v < G_N_ELEMENTS (views); v++)
    {
      adw_view_stack_set_visible_child_name (stack, views[v]);
      settle ();
    }
  settle ();
  rss_open = bench_status_mb ("VmRSS");
  heap_open = heap_mb ();
  printf ("opened, every view shown once: heap %.1f MB, resident %.1f MB, %u rows\n",
          heap_open, rss_open, count_rows (project));

  for (guint v = 0; v < G_N_ELEMENTS (views); v++)
    {
      if (only != NULL && !g_str_equal (only, views[v]))
        continue;
      adw_view_stack_set_visible_child_name (stack, views[v]);
      settle ();
      for (guint i = 0; i < edits; i++)
        {
          guint choice = g_rand_int_range (rnd, 0, 10);

          if (choice == 0 && up_history_get_can_undo (history))
            up_project_undo (project, &error);
          else if (choice == 1 && up_history_get_can_redo (history))
            up_project_redo (project, &error);
          else
            random_edit (project, n_stages);
          g_assert_no_error (error);
          settle ();

          if ((i + 1) % MAX (edits / 10, 1) == 0)
            {
              printf ("%-12s %5u edits: %5u undo steps, history %5.1f MB, heap +%5.1f MB, "
                      "resident +%5.1f MB, %u saves, %u rows\n",
                      views[v], i + 1, up_history_get_n_undo (history),
                      _up_history_get_size (history) / 1048576.0, heap_mb () - heap_open,
                      bench_status_mb ("VmRSS") - rss_open, n_saved, count_rows (project));
              fflush (stdout);
            }
        }
    }

  last_edit = g_get_monotonic_time ();
  while (up_store_get_dirty (store) || up_store_get_saving (store))
    g_main_context_iteration (NULL, TRUE);
  printf ("the last save landed %.0f ms after the last edit; %u saves in all\n",
          (g_get_monotonic_time () - last_edit) / 1000.0, n_saved);

  printf ("rows at the end:");
  for (guint t = UP_TABLE_STAGE; t < UP_N_TABLES; t++)
    printf (" %s %u", up_schema_tables[t].name, up_project_count (project, up_schema_tables[t].name));
  printf ("\n");

  g_object_add_weak_pointer (G_OBJECT (project), (gpointer *) &project);
  gtk_window_destroy (window);
  settle ();
  printf ("the window closed: the project %s\n", project == NULL ? "was freed" : "is still held");
  g_application_release (G_APPLICATION (app));
  return 0;
}
