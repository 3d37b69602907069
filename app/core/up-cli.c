/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "up-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "up-cli.h"
#include "up-demo.h"
#include "up-project.h"

static const GOptionEntry entries[] = {
  { "demo", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Open the demo project"), NULL },
  { "info", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print a summary of each project file and exit"), NULL },
  { "write-demo", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the demo project to FILE and exit"), N_("FILE") },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Show the version and exit"), NULL },
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL,
    NULL, N_("[FILE…]") },
  { NULL }
};

void
up_cli_add_options (GApplication *application)
{
  g_return_if_fail (G_IS_APPLICATION (application));

  g_application_add_main_option_entries (application, entries);
  g_application_set_option_context_summary (application,
                                            _("Plan strategic public procurements: stages, stakeholders, notes and Agenda 2030."));
}

/* "plan:v2.upphandla" is a file name, not a URI of the scheme "plan":
 * only an argument with "://" is taken for a URI. */
static GFile *
file_for_arg (const char *arg)
{
  if (strstr (arg, "://") != NULL)
    return g_file_new_for_commandline_arg (arg);
  return g_file_new_for_path (arg);
}

static void
print_info (UpProject *project)
{
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;

  up_project_get_date_range (project, &first, &last);

  /* Translators: a line of "upphandla --info"; %1$s is the project's title. */
  g_print (_("Title: %1$s\n"), up_project_get_title (project));
  /* Translators: a line of "upphandla --info". */
  g_print (_("Organisation: %1$s\n"), up_project_get_organisation (project));
  /* Translators: a line of "upphandla --info"; %1$u is a number. */
  g_print (_("Stages: %1$u\n"), up_project_count (project, "stage"));
  /* Translators: a line of "upphandla --info"; %1$u is a number. */
  g_print (_("Stakeholders: %1$u\n"), up_project_count (project, "stakeholder"));
  /* Translators: a line of "upphandla --info"; %1$u is a number. */
  g_print (_("Notes: %1$u\n"), up_project_count (project, "note"));
  /* Translators: a line of "upphandla --info"; %1$u is a number. */
  g_print (_("Agenda 2030 links: %1$u\n"), up_project_count (project, "sdg_link"));
  /* Translators: a line of "upphandla --info"; %1$u is a number. */
  g_print (_("Regional and local goals: %1$u\n"), up_project_count (project, "local_goal"));
  if (first != NULL && last != NULL)
    /* Translators: a line of "upphandla --info"; %1$s and %2$s are ISO dates. */
    g_print (_("Dates: %1$s – %2$s\n"), first, last);
  else
    g_print ("%s\n", _("Dates: no stages yet"));
}

static int
run_info (const char * const *paths)
{
  int status = 0;

  if (paths == NULL || paths[0] == NULL)
    {
      g_printerr ("%s\n", _("--info needs a project file, for example: upphandla --info plan.upphandla"));
      return 1;
    }

  for (guint i = 0; paths[i] != NULL; i++)
    {
      g_autoptr(GFile) file = file_for_arg (paths[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(UpProject) project = up_project_open (file, &error);

      if (project == NULL)
        {
          g_printerr ("%s\n", error->message);
          status = 1;
          continue;
        }
      if (i > 0)
        g_print ("\n");
      print_info (project);
    }

  return status;
}

static int
run_write_demo (const char *path)
{
  g_autoptr(GFile) file = file_for_arg (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(UpProject) project = up_demo_create (file, &error);

  if (project == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  return 0;
}

/**
 * up_cli_handle_local_options:
 *
 * Returns: an exit status, or -1 to go on and start the application.
 */
int
up_cli_handle_local_options (GApplication *application,
                             GVariantDict *options)
{
  g_autofree const char **paths = NULL;
  const char *demo_path = NULL;

  g_return_val_if_fail (options != NULL, 1);

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("upphandla %s\n", PACKAGE_VERSION);
      return 0;
    }

  if (g_variant_dict_lookup (options, "write-demo", "^&ay", &demo_path))
    return run_write_demo (demo_path);

  if (g_variant_dict_contains (options, "info"))
    {
      g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &paths);
      return run_info (paths);
    }

  return -1;
}
