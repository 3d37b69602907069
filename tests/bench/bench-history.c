/* SPDX-License-Identifier: GPL-3.0-or-later */

/* bench-history FILE [EDITS]
 * What a long session leaves in the undo history. Opens FILE (in memory:
 * nothing is written back) three times and makes EDITS edits (default
 * 2,000) of one kind each time, as a strategist does for days in a window
 * left open:
 *   move     a stage moved by a day, stage after stage
 *   reorder  the last stage dragged to the top, then back to the bottom
 *   type     a note typed sentence by sentence, committed after each (as
 *            the notes view commits after a pause in typing)
 * Prints, five times in each run, the undo steps kept, the history's own
 * count of its bytes, and the growth of the process's resident memory. */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "upphandla.h"
#include "bench-gen.h"
#include "up-history-private.h"

static void
run (GFile      *file,
     const char *kind,
     guint       edits)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UpProject) project = up_project_open (file, &error);
  g_autoptr(GString) body = g_string_new (NULL);
  UpHistory *history;
  GListModel *stages;
  UpNote *note = NULL;
  guint n_stages;
  double rss_before;
  gint64 start;

  g_assert_no_error (error);
  /* Only the history is measured: no save, no recovery copy. */
  up_store_set_file (up_project_get_store (project), NULL);
  history = up_project_get_history (project);
  stages = up_project_get_stages (project);
  n_stages = g_list_model_get_n_items (stages);
  g_assert_cmpuint (n_stages, >, 0);
  if (g_str_equal (kind, "type"))
    {
      note = up_project_add_note (project, "Möte", "dialogue", "2026-03-02", NULL, &error);
      g_assert_no_error (error);
    }
  rss_before = bench_status_mb ("VmRSS");
  start = g_get_monotonic_time ();

  for (guint i = 0; i < edits; i++)
    {
      if (g_str_equal (kind, "move"))
        {
          g_autoptr(UpStage) stage = g_list_model_get_item (stages, i % n_stages);
          int days = (i / n_stages) % 2 == 0 ? 1 : -1;
          g_autofree char *first = up_date_add_days (up_stage_get_start_date (stage), days);
          g_autofree char *last = up_date_add_days (up_stage_get_end_date (stage), days);

          up_project_move_stage (project, stage, first, last, &error);
        }
      else if (g_str_equal (kind, "reorder"))
        {
          g_autoptr(UpStage) stage = g_list_model_get_item (stages, i % 2 == 0 ? n_stages - 1 : 0);

          up_project_reorder_stage (project, stage, i % 2 == 0 ? 0 : n_stages, &error);
        }
      else
        {
          g_string_append (body, "Leverantören berättade om larmens räckvidd i glesbygd. ");
          up_project_set_string (project, note, "body", body->str, &error);
        }
      g_assert_no_error (error);

      if ((i + 1) % MAX (edits / 5, 1) == 0)
        printf ("%-8s %6u edits: %6u undo steps, history %7.1f MB, resident +%7.1f MB, %6.1f s\n",
                kind, i + 1, up_history_get_n_undo (history),
                _up_history_get_size (history) / 1048576.0, bench_status_mb ("VmRSS") - rss_before,
                (g_get_monotonic_time () - start) / 1e6);
    }
  if (note != NULL)
    printf ("%-8s the note holds %zu bytes\n", kind, body->len);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GFile) file = NULL;
  guint edits = argc > 2 ? (guint) atoi (argv[2]) : 2000;

  if (argc < 2)
    {
      g_printerr ("Usage: %s FILE [EDITS]\n", argv[0]);
      return 2;
    }
  file = g_file_new_for_commandline_arg (argv[1]);
  run (file, "move", edits);
  run (file, "reorder", edits);
  run (file, "type", edits);
  return 0;
}
