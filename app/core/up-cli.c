/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "up-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <pango/pangocairo.h>
#include <stdio.h>
#include <string.h>

#include "up-cli.h"
#include "up-chart.h"
#include "up-demo.h"
#include "up-export.h"
#include "up-project.h"

static const GOptionEntry entries[] = {
  { "demo", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Open the demo project"), NULL },
  { "info", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print a summary of each project file and exit"), NULL },
  { "write-demo", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the demo project to FILE and exit"), N_("FILE") },
  { "export", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Export a chart of the project file to --output and exit: wheel, bars, matrix, grid or report"), N_("CHART") },
  { "format", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("File format of the export: png, svg or pdf (default: from the output’s extension, else png)"), N_("FORMAT") },
  { "lang", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Language of the export: sv or en (default: the language of the user interface)"), N_("LANG") },
  { "output", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("The file to export to"), N_("FILE") },
  { "png-width", 0, 0, G_OPTION_ARG_INT, NULL,
    N_("Width of an exported PNG in pixels, 16 to 10000 (default: twice the chart’s natural size)"), N_("PIXELS") },
  { "local-goal", 0, 0, G_OPTION_ARG_INT64, NULL,
    N_("Export the coverage of one regional or local goal, by the id --info lists"), N_("ID") },
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

/* Text from a file, fit for a terminal: a title may hold escape sequences
 * that would move the cursor or recolour the terminal. Control characters
 * (a line break too: one field, one line) become U+FFFD. */
static char *
printable (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iscntrl (c))
        g_string_append_unichar (out, 0xFFFD);
      else
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static void
print_info (UpProject *project)
{
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  GListModel *goals = up_project_get_local_goals (project);

  up_project_get_date_range (project, &first, &last);

  g_autofree char *title = printable (up_project_get_title (project));
  g_autofree char *organisation = printable (up_project_get_organisation (project));

  /* Translators: a line of "upphandla --info"; %1$s is the project's title. */
  g_print (_("Title: %1$s\n"), title);
  /* Translators: a line of "upphandla --info". */
  g_print (_("Organisation: %1$s\n"), organisation);
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
  for (guint i = 0; i < g_list_model_get_n_items (goals); i++)
    {
      g_autoptr(UpLocalGoal) goal = g_list_model_get_item (goals, i);
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, up_record_get_id (UP_RECORD (goal)));
      g_autofree char *goal_title = printable (up_local_goal_get_title (goal));

      g_print ("  ");
      /* Translators: a line of "upphandla --info" under "Regional and local goals":
       * %1$s is the goal's id (what --local-goal takes), %2$s its level ("Local goal"),
       * %3$s its title. */
      g_print (_("id %1$s · %2$s: %3$s\n"), id,
               up_enum_label (up_local_goal_levels, up_local_goal_get_level (goal)),
               goal_title);
    }
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

static gboolean
lookup_string (GVariantDict  *options,
               const char    *name,
               const char   **value)
{
  return g_variant_dict_lookup (options, name, "&s", value);
}

/* --export: the chart of one project file, written without a display. */
static int
run_export (GVariantDict *options)
{
  g_autofree const char **paths = NULL;
  g_autoptr(GFile) project_file = NULL;
  g_autoptr(GFile) output = NULL;
  g_autoptr(UpProject) project = NULL;
  g_autoptr(GError) error = NULL;
  const char *chart_name = NULL;
  const char *format_name = NULL;
  const char *lang_name = NULL;
  const char *output_path = NULL;
  gint64 local_goal_id = 0;
  gboolean has_local_goal;
  int png_width = 0;
  gboolean ok;
  UpChartOptions chart_options;
  UpChartKind kind;
  UpExportFormat format;
  UpLang lang;

  lookup_string (options, "export", &chart_name);
  if (!up_chart_kind_parse (chart_name, &kind))
    {
      /* Translators: an error of "upphandla --export"; %1$s is what the user typed.
       * Keep the chart names as they are: they are what the option takes. */
      g_printerr (_("There is no chart “%1$s”. Choose one of: wheel, bars, matrix, grid, report.\n"),
                  chart_name);
      return 1;
    }

  if (!g_variant_dict_lookup (options, "output", "^&ay", &output_path) || output_path[0] == '\0')
    {
      g_printerr ("%s\n", _("--export needs --output=FILE, the file to write, for example: upphandla --export=wheel --output=wheel.pdf plan.upphandla"));
      return 1;
    }
  output = file_for_arg (output_path);

  if (lookup_string (options, "format", &format_name))
    {
      if (!up_export_format_parse (format_name, &format))
        {
          /* Translators: an error of "upphandla --export"; %1$s is what the user typed.
           * Keep the format names as they are: they are what the option takes. */
          g_printerr (_("There is no file format “%1$s”. Choose one of: png, svg, pdf.\n"),
                      format_name);
          return 1;
        }
    }
  else if (!up_export_format_for_file (output, &format))
    format = UP_EXPORT_PNG;

  if (lookup_string (options, "lang", &lang_name))
    {
      if (!up_lang_parse (lang_name, &lang))
        {
          /* Translators: an error of "upphandla --export"; %1$s is what the user typed.
           * Keep "sv" and "en" as they are: they are what the option takes. */
          g_printerr (_("There is no export language “%1$s”. Choose sv (Swedish) or en (English).\n"),
                      lang_name);
          return 1;
        }
    }
  else
    lang = up_lang_get_ui_language ();

  if (g_variant_dict_lookup (options, "png-width", "i", &png_width) &&
      (png_width < UP_EXPORT_PNG_WIDTH_MIN || png_width > UP_EXPORT_PNG_WIDTH_MAX))
    {
      /* Translators: an error of "upphandla --export"; %1$d is the width the user
       * asked for, %2$d and %3$d the smallest and largest allowed. */
      g_printerr (_("--png-width=%1$d is out of range: a PNG can be from %2$d to %3$d pixels wide.\n"),
                  png_width, UP_EXPORT_PNG_WIDTH_MIN, UP_EXPORT_PNG_WIDTH_MAX);
      return 1;
    }

  has_local_goal = g_variant_dict_lookup (options, "local-goal", "x", &local_goal_id);

  g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &paths);
  if (paths == NULL || paths[0] == NULL)
    {
      g_printerr ("%s\n", _("--export needs a project file, for example: upphandla --export=wheel --output=wheel.pdf plan.upphandla"));
      return 1;
    }
  if (paths[1] != NULL)
    {
      g_printerr ("%s\n", _("--export takes one project file. Export each project on its own."));
      return 1;
    }

  project_file = file_for_arg (paths[0]);
  if (g_file_equal (project_file, output))
    {
      g_printerr ("%s\n", _("The export would replace the project file itself. Choose another --output."));
      return 1;
    }

  project = up_project_open (project_file, &error);
  if (project == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  up_chart_options_init (&chart_options);
  chart_options.lang = lang;
  if (has_local_goal)
    {
      UpRecord *goal = up_project_lookup (project, "local_goal", local_goal_id);

      if (goal == NULL || !UP_IS_LOCAL_GOAL (goal))
        {
          g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, local_goal_id);

          /* Translators: an error of "upphandla --export"; %1$s is the id the user gave. */
          g_printerr (_("The project has no regional or local goal with the id %1$s. “upphandla --info” lists them.\n"),
                      id);
          return 1;
        }
      chart_options.local_goal = UP_LOCAL_GOAL (goal);
    }

  ok = up_export_chart (project, kind, format, &chart_options, png_width, output, &error);
  /* The process ends here: Pango's font map sits in thread-local storage,
   * where leak checkers do not find it, so it is dropped now. */
  pango_cairo_font_map_set_default (NULL);
  if (!ok)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  return 0;
}

/* The options that mean something only with --export, given without it. */
static const char *
stray_export_option (GVariantDict *options)
{
  const char * const names[] = { "format", "lang", "output", "png-width", "local-goal" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_variant_dict_contains (options, names[i]))
      return names[i];
  return NULL;
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
  const char *stray;

  g_return_val_if_fail (options != NULL, 1);

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("upphandla %s\n", PACKAGE_VERSION);
      return 0;
    }

  if (g_variant_dict_lookup (options, "write-demo", "^&ay", &demo_path))
    return run_write_demo (demo_path);

  if (g_variant_dict_contains (options, "export"))
    return run_export (options);

  stray = stray_export_option (options);
  if (stray != NULL)
    {
      /* Translators: an error of "upphandla"; %1$s is an option such as "format". */
      g_printerr (_("--%1$s works only together with --export.\n"), stray);
      return 1;
    }

  if (g_variant_dict_contains (options, "info"))
    {
      g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &paths);
      return run_info (paths);
    }

  return -1;
}
