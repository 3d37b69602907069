/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <signal.h>

#include "up-application.h"
#include "up-renderer.h"
#include "up-theme.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(UpApplication) app = NULL;
  const char *localedir;

  /* UPPHANDLA_LOCALEDIR lets the build tree and the tests use the
   * catalogues built there instead of the installed ones. */
  localedir = g_getenv ("UPPHANDLA_LOCALEDIR");
  if (localedir == NULL || localedir[0] == '\0')
    localedir = LOCALEDIR;

  /* A write past the file size limit (ulimit -f) would kill the process
   * with SIGXFSZ and lose the edits held in memory; ignored, the write
   * fails with EFBIG and the store reports a full disk, as it does for
   * ENOSPC. */
  signal (SIGXFSZ, SIG_IGN);

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* While no other thread can read the environment: see up-renderer.c
   * and up-theme.h. The theme's variable goes last. */
  up_renderer_prepare_environment ();
  up_theme_prepare_environment ();

  app = up_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
