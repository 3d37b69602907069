/* SPDX-License-Identifier: GPL-3.0-or-later */

/* gen-project N FILE.upphandla [FILE.planner]
 * Writes a project of N stages through the core (see bench-gen.c) and, when
 * a third argument is given, the same plan as a GNOME Planner file with N
 * tasks through ../shared/peer/gen_planner.py (UPPHANDLA_PEER_DIR overrides
 * where it is looked for). */

#include <glib/gstdio.h>
#include <stdlib.h>

#include "bench-gen.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GFile) file = NULL;
  guint n;

  if (argc < 3)
    {
      g_printerr ("Usage: %s N FILE.upphandla [FILE.planner]\n", argv[0]);
      return 2;
    }
  n = (guint) g_ascii_strtoull (argv[1], NULL, 10);
  file = g_file_new_for_commandline_arg (argv[2]);
  g_unlink (g_file_peek_path (file));
  g_object_unref (bench_generate_project (n, file));

  if (argc > 3)
    {
      const char *peer = g_getenv ("UPPHANDLA_PEER_DIR");
      g_autofree char *script = g_build_filename (peer ? peer : "/work/shared/peer", "gen_planner.py", NULL);
      const char *cmd[] = { "python3", script, argv[1], argv[3], NULL };
      g_autoptr(GError) error = NULL;
      int status = 0;

      if (!g_spawn_sync (NULL, (char **) cmd, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                         NULL, NULL, NULL, NULL, &status, &error) ||
          !g_spawn_check_wait_status (status, &error))
        {
          g_printerr ("%s: %s\n", script, error->message);
          return 1;
        }
    }
  return 0;
}
