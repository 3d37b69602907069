/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Search as the notes view does it, as the user types: prints the median
 * time of up_project_search_notes() for words found at the start of the
 * notes' words, inside them only, nowhere, and one letter, with the number
 * of hits. The first search of a project makes the notes' index anew; it
 * is timed apart. Not a test: it prints figures.
 *
 *   bench-search PROJECT [RUNS] */

#include <stdio.h>
#include <stdlib.h>

#include "upphandla.h"

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

static double
time_search (UpProject  *project,
             const char *text,
             guint      *n_hits)
{
  g_autoptr(GError) error = NULL;
  gint64 t0 = g_get_monotonic_time ();
  g_autoptr(GPtrArray) hits = up_project_search_notes (project, text, &error);
  double ms = (g_get_monotonic_time () - t0) / 1000.0;

  if (hits == NULL)
    g_error ("search failed: %s", error->message);
  *n_hits = hits->len;
  return ms;
}

int
main (int   argc,
      char *argv[])
{
  static const char * const queries[] = {
    "larm",            /* the start of a word ("larmet") */
    "följning",        /* inside a word only ("avtalsuppföljningen") */
    "larm följning",   /* both */
    "xyzzy",           /* nowhere */
    "a",               /* one letter */
  };
  g_autoptr(GFile) file = NULL;
  g_autoptr(UpProject) project = NULL;
  g_autoptr(GError) error = NULL;
  guint runs = argc > 2 ? (guint) atoi (argv[2]) : 7;
  guint n_hits;
  double first;

  if (argc < 2 || runs == 0)
    {
      fprintf (stderr, "usage: %s PROJECT [RUNS]\n", argv[0]);
      return 2;
    }

  file = g_file_new_for_commandline_arg (argv[1]);
  project = up_project_open (file, &error);
  if (project == NULL)
    g_error ("%s", error->message);

  first = time_search (project, "larm", &n_hits);
  printf ("%u notes; first search (the note index made anew): %.1f ms\n",
          g_list_model_get_n_items (up_project_get_notes (project)), first);
  printf ("%-16s %8s %10s\n", "query", "hits", "median ms");
  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      g_autofree double *times = g_new (double, runs);

      for (guint r = 0; r < runs; r++)
        times[r] = time_search (project, queries[q], &n_hits);
      qsort (times, runs, sizeof (double), compare_double);
      printf ("%-16s %8u %10.2f\n", queries[q], n_hits, times[runs / 2]);
    }

  return 0;
}
