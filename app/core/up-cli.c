/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "up-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <stdio.h>
#include <string.h>

#include "up-cli.h"
#include "up-chart.h"
#include "up-demo.h"
#include "up-export.h"
#include "up-store-private.h"
#include "up-project.h"
#include "up-store.h"

/* The options that each make a run of their own; at most one is given. */
static const char * const modes[] = { "info", "write-demo", "export", "demo" };

static const GOptionEntry entries[] = {
  { "demo", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Open the demo project"), NULL },
  { "info", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print a summary of each project file and exit"), NULL },
  { "write-demo", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the demo project to a new FILE and exit"), N_("FILE") },
  { "export", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Export a chart of the project file to --output and exit: wheel, bars, matrix, grid, timeline or report; or notes or stakeholders, every note or stakeholder as a CSV table; or calendar, the stages as events of a calendar file (iCalendar)"), N_("CHART") },
  { "format", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("File format of the export: png, svg or pdf (default: from the output’s extension, else png); csv for the notes and the stakeholders; ics for the calendar"), N_("FORMAT") },
  { "lang", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Language of the export: sv or en (default: the language of the user interface)"), N_("LANG") },
  { "output", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("The file to export to"), N_("FILE") },
  /* --png-width and --local-goal are read as text: GApplication leaves an
   * integer option of 0 out of the options, as if it had not been given. */
  { "png-width", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Width of an exported PNG in pixels, 16 to 10000, less for a chart taller than it is wide (default: twice the chart’s natural size)"), N_("PIXELS") },
  { "slide", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Lay the exported chart out for a slide of 16:9 (Full HD: --png-width=1920): its legend and key beside it in larger text, or as a page where that shows the chart larger; a PNG keeps within the slide, a PDF has pages of 16:9, more where the key needs them"), NULL },
  { "local-goal", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Export the coverage of one regional or local goal, by the id --info lists"), N_("ID") },
  { "separator", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Separator of the CSV table of the notes or the stakeholders: comma (the default) or semicolon, as Excel reads it where the decimal sign is a comma"), N_("SEPARATOR") },
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

/* The store's messages speak to someone whose changes the app keeps; this
 * process ends, so the places a file cannot be written to are named as
 * --export names them. */
static char *
write_demo_error (const char   *name,
                  const GError *error)
{
  if (g_error_matches (error, UP_STORE_ERROR, UP_STORE_ERROR_NO_SPACE))
    /* Translators: %1$s is a file name. */
    return g_strdup_printf (_("“%1$s” could not be written because the disk is full."), name);
  if (g_error_matches (error, UP_STORE_ERROR, UP_STORE_ERROR_READ_ONLY))
    /* Translators: %1$s is a file name. */
    return g_strdup_printf (_("“%1$s” cannot be written there: you do not have permission to write to it or its folder."),
                            name);
  return g_strdup (error->message);
}

static int
run_write_demo (const char *path)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(UpProject) project = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  if (path[0] == '\0')
    {
      /* Translators: an error of "upphandla --write-demo". Keep the example command
       * as it is. */
      g_printerr ("%s\n", _("--write-demo needs a file name, for example: upphandla --write-demo=demo.upphandla"));
      return 1;
    }

  file = file_for_arg (path);
  folder = g_file_get_parent (file);
  name = g_filename_display_basename (path);
  if (g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_DIRECTORY)
    /* Translators: an error of "upphandla --write-demo"; %1$s is a folder's name. */
    message = g_strdup_printf (_("“%1$s” is a folder. Choose a file name to write the demo project to."), name);
  else if (folder != NULL &&
           g_file_query_file_type (folder, G_FILE_QUERY_INFO_NONE, NULL) != G_FILE_TYPE_DIRECTORY)
    /* Translators: %1$s is a file name. */
    message = g_strdup_printf (_("“%1$s” cannot be written: its folder does not exist."), name);
  /* A name typed by mistake must not cost anyone a project. */
  else if (g_file_query_exists (file, NULL))
    /* Translators: an error of "upphandla --write-demo"; %1$s is a file name. */
    message = g_strdup_printf (_("“%1$s” already exists. Choose another name, or delete the file first."), name);
  else
    {
      project = up_demo_create (file, &error);
      if (project == NULL)
        message = write_demo_error (name, error);
    }

  if (message != NULL)
    {
      g_printerr ("%s\n", message);
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

/* --png-width within the range it takes can still be too wide for a tall
 * chart: that is refused with the width the chart can have. */
static gboolean
check_png_width (UpProject             *project,
                 UpChartKind            kind,
                 UpExportFormat         format,
                 const UpChartOptions  *options,
                 int                    png_width,
                 GError               **error)
{
  int max;

  if (format != UP_EXPORT_PNG || png_width == 0)
    return TRUE;

  max = up_export_get_png_width_max (project, kind, options);
  if (png_width <= max)
    return TRUE;

  g_set_error (error, UP_EXPORT_ERROR, UP_EXPORT_ERROR_INVALID,
               /* Translators: an error of "upphandla --export"; %1$d is the width the user
                * asked for, %2$d the largest the chart can have, both in pixels. */
               _("--png-width=%1$d is too large for this chart: its PNG can be at most %2$d pixels wide."),
               png_width, max);
  return FALSE;
}

/* --slide: the layout that shows the chart larger on a slide of 16:9,
 * as the export dialog's "Slide" sizes choose it
 * (up_export_slide_is_larger()). The legend and the key beside the body
 * suit a chart as tall as wide; beside the matrix of a plan of the usual
 * length, wider than tall, they left its titles some 13 pixels high on
 * a Full HD slide, where its page's layout, the legend and the key under
 * it, shows them at 18. A PNG keeps within the slide, --png-width wide
 * and 9/16 of it high, as the dialog's does: the width it returns (0:
 * the export's default, as given). */
static int
slide_layout (UpProject      *project,
              UpChartKind     kind,
              UpExportFormat  format,
              UpChartOptions *options,
              int             png_width)
{
  UpChartOptions laid_out;
  double width = 0, height = 0;
  int slide_height, fitted;

  /* The shape of the slide is what counts, not its size. The report is a
   * page whatever the size, and says so itself; its PNG still keeps
   * within the slide, as the dialog's "Slide" sizes keep it: 1920 pixels
   * wide it was 1358 high, which a projector shrank to fit. */
  if (kind != UP_CHART_REPORT)
    options->slide = up_export_slide_is_larger (project, kind, options, 1920, 1080);
  if (format != UP_EXPORT_PNG || png_width == 0)
    return png_width;

  /* as the export lays a file out */
  laid_out = *options;
  laid_out.key = TRUE;
  up_chart_get_size (kind, project, &laid_out, &width, &height);
  if (!isfinite (width) || !isfinite (height) || width < 1 || height < 1)
    return png_width;
  slide_height = (int) round (png_width * 9.0 / 16);
  /* the export's height is round (height × png_width / width) */
  fitted = MIN (png_width, (int) floor (slide_height * width / height));
  while (fitted > UP_EXPORT_PNG_WIDTH_MIN && round (height * fitted / width) > slide_height)
    fitted--;
  /* A long plan's chart, taller than a slide at its own size: at that
   * size, where its text is read (or what was asked for, if smaller),
   * as the dialog does, not fitted down to text too small to read. */
  fitted = MAX (fitted, MIN (png_width, (int) ceil (width)));
  return MAX (fitted, UP_EXPORT_PNG_WIDTH_MIN);
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
  const char *png_width_text = NULL;
  const char *local_goal_text = NULL;
  int png_width = 0;  /* the export's default */
  gboolean ok;
  UpChartOptions chart_options;
  UpChartKind kind = UP_CHART_WHEEL;  /* a table or the calendar: no chart */
  UpExportFormat format;
  UpLang lang;
  gboolean notes, people, table, calendar;
  const char *separator_name = NULL;
  char separator = ',';

  lookup_string (options, "export", &chart_name);
  notes = g_strcmp0 (chart_name, "notes") == 0;
  people = g_strcmp0 (chart_name, "stakeholders") == 0;
  table = notes || people;
  calendar = g_strcmp0 (chart_name, "calendar") == 0;
  if (!table && !calendar && !up_chart_kind_parse (chart_name, &kind))
    {
      /* Translators: an error of "upphandla --export"; %1$s is what the user typed.
       * Keep the chart names as they are: they are what the option takes. */
      g_printerr (_("There is no chart “%1$s”. Choose one of: wheel, bars, matrix, grid, timeline, report, notes, stakeholders, or calendar.\n"),
                  chart_name);
      return 1;
    }

  /* The notes and the stakeholders are tables, the calendar a list of
   * events: no chart's layout applies to them. */
  if (table || calendar)
    {
      const char * const chart_only[] = { "png-width", "slide", "local-goal" };

      for (guint i = 0; i < G_N_ELEMENTS (chart_only); i++)
        if (g_variant_dict_contains (options, chart_only[i]))
          {
            /* Translators: an error of "upphandla --export=notes" (or stakeholders,
             * or calendar); %1$s is an option such as "png-width", %2$s what was
             * exported ("notes"). Keep "--", "--export=" and the option's name as
             * they are. */
            g_printerr (_("--%1$s applies only to a chart, not to --export=%2$s.\n"),
                        chart_only[i], chart_name);
            return 1;
          }
    }
  if (table)
    {
      if (lookup_string (options, "separator", &separator_name))
        {
          if (g_ascii_strcasecmp (separator_name, "semicolon") == 0 || g_str_equal (separator_name, ";"))
            separator = ';';
          else if (g_ascii_strcasecmp (separator_name, "comma") != 0 && !g_str_equal (separator_name, ","))
            {
              /* Translators: an error of "upphandla --export=notes --separator=…"; %1$s is
               * what the user typed. Keep "comma" and "semicolon": they are what the option
               * takes. */
              g_printerr (_("There is no separator “%1$s”. Choose comma or semicolon.\n"), separator_name);
              return 1;
            }
        }
    }
  else if (g_variant_dict_contains (options, "separator"))
    {
      /* Translators: an error of "upphandla --export=wheel --separator=…" (or
       * --export=calendar). Keep "--separator", "--export=notes" and
       * "stakeholders" as they are. */
      g_printerr ("%s\n", _("--separator applies only to a table: --export=notes or stakeholders."));
      return 1;
    }

  /* The grid shows the project's stakeholders, who serve no goal: a
   * grid limited to a goal would be the same grid, and the file would
   * not say what was asked for. */
  if (kind == UP_CHART_GRID && g_variant_dict_contains (options, "local-goal"))
    {
      /* Translators: an error of "upphandla --export=grid --local-goal=ID".
       * Keep "--local-goal" as it is: it is the option's name. */
      g_printerr ("%s\n", _("--local-goal does not apply to the grid of stakeholders: export it without --local-goal."));
      return 1;
    }

  if (!g_variant_dict_lookup (options, "output", "^&ay", &output_path) || output_path[0] == '\0')
    {
      g_printerr ("%s\n", _("--export needs --output=FILE, the file to write, for example: upphandla --export=wheel --output=wheel.pdf plan.upphandla"));
      return 1;
    }
  output = file_for_arg (output_path);

  if (table)
    {
      /* a table in a file named as a picture would open in no program */
      if ((lookup_string (options, "format", &format_name) && g_ascii_strcasecmp (format_name, "csv") != 0) ||
          (format_name == NULL && up_export_format_for_file (output, &format)))
        {
          /* Translators: an error of "upphandla --export=notes" (or stakeholders).
           * Keep "--format=csv" and "--output" as they are. */
          g_printerr ("%s\n", _("The notes and the stakeholders are exported as CSV tables: give --format=csv, or none, and an --output file that is no PNG, SVG or PDF."));
          return 1;
        }
    }
  else if (calendar)
    {
      g_autofree char *basename = g_file_get_basename (output);
      g_autofree char *lower = basename != NULL ? g_ascii_strdown (basename, -1) : NULL;

      /* a calendar in a file named as a picture or a table would open in
       * no calendar */
      if ((lookup_string (options, "format", &format_name) && g_ascii_strcasecmp (format_name, "ics") != 0) ||
          (format_name == NULL && (up_export_format_for_file (output, &format) ||
                                   (lower != NULL && g_str_has_suffix (lower, ".csv")))))
        {
          /* Translators: an error of "upphandla --export=calendar". Keep
           * "--format=ics" and "--output" as they are. */
          g_printerr ("%s\n", _("The calendar is exported as an iCalendar file: give --format=ics, or none, and an --output file that is no PNG, SVG, PDF or CSV."));
          return 1;
        }
    }
  else if (lookup_string (options, "format", &format_name))
    {
      /* "PDF" as well as "pdf", as the output's extension is read */
      g_autofree char *folded = g_ascii_strdown (format_name, -1);

      if (!up_export_format_parse (folded, &format))
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
      /* Asked for by name, it must be the language the chart is in: a
       * chart in English sent to Swedish politicians is no fallback. */
      if (!up_lang_is_available (lang))
        {
          /* Translators: an error of "upphandla --export"; %1$s is the code the user
           * gave ("sv"). */
          g_printerr (_("The texts of the export language “%1$s” are not installed, so the chart cannot be written in it.\n"),
                      lang_name);
          return 1;
        }
    }
  else
    lang = up_lang_get_ui_language ();

  if (lookup_string (options, "png-width", &png_width_text))
    {
      gint64 value = 0;

      if (!g_ascii_string_to_signed (png_width_text, 10, G_MININT, G_MAXINT, &value, NULL))
        {
          /* Translators: an error of "upphandla --export"; %1$s is what the user typed,
           * %2$d and %3$d the smallest and largest widths allowed. */
          g_printerr (_("--png-width=%1$s is not a width in pixels from %2$d to %3$d.\n"),
                      png_width_text, UP_EXPORT_PNG_WIDTH_MIN, UP_EXPORT_PNG_WIDTH_MAX);
          return 1;
        }
      if (value < UP_EXPORT_PNG_WIDTH_MIN || value > UP_EXPORT_PNG_WIDTH_MAX)
        {
          /* Translators: an error of "upphandla --export"; %1$d is the width the user
           * asked for, %2$d and %3$d the smallest and largest allowed. */
          g_printerr (_("--png-width=%1$d is out of range: a PNG can be from %2$d to %3$d pixels wide.\n"),
                      (int) value, UP_EXPORT_PNG_WIDTH_MIN, UP_EXPORT_PNG_WIDTH_MAX);
          return 1;
        }
      png_width = (int) value;
      /* An SVG or a PDF is drawn at the chart's own size: a width in
       * pixels would be dropped without a word. */
      if (format != UP_EXPORT_PNG)
        {
          g_autofree char *name = g_ascii_strup (up_export_format_get_name (format), -1);

          /* Translators: an error of "upphandla --export"; %1$s is the file
           * format of the export ("SVG" or "PDF"). Keep "--png-width" as it
           * is: it is the option's name. */
          g_printerr (_("--png-width applies only to a PNG; an export as %1$s is drawn at the chart’s own size.\n"),
                      name);
          return 1;
        }
    }

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
  if (_up_store_same_file (project_file, output))
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

  if (table)
    {
      if (notes ? !up_export_notes (project, NULL, lang, separator, output, &error)
                : !up_export_stakeholders (project, NULL, lang, separator, output, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      return 0;
    }
  if (calendar)
    {
      if (!up_export_calendar (project, lang, output, NULL, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      return 0;
    }

  up_chart_options_init (&chart_options);
  chart_options.lang = lang;
  chart_options.slide = g_variant_dict_contains (options, "slide");
  /* a PDF of slides to show, as the export dialog's "Slides, 16:9" */
  chart_options.slide_pages = chart_options.slide;
  if (lookup_string (options, "local-goal", &local_goal_text))
    {
      UpRecord *goal = NULL;
      gint64 id = 0;

      if (g_ascii_string_to_signed (local_goal_text, 10, G_MININT64, G_MAXINT64, &id, NULL))
        goal = up_project_lookup (project, "local_goal", id);
      if (goal == NULL || !UP_IS_LOCAL_GOAL (goal))
        {
          /* Translators: an error of "upphandla --export"; %1$s is the id the user gave. */
          g_printerr (_("The project has no regional or local goal with the id %1$s. “upphandla --info” lists them.\n"),
                      local_goal_text);
          return 1;
        }
      chart_options.local_goal = UP_LOCAL_GOAL (goal);
    }

  if (chart_options.slide)
    png_width = slide_layout (project, kind, format, &chart_options, png_width);

  ok = check_png_width (project, kind, format, &chart_options, png_width, &error) &&
       up_export_chart (project, kind, format, &chart_options, png_width, output, &error);
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
  const char * const names[] = { "format", "lang", "output", "png-width", "slide", "local-goal", "separator" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_variant_dict_contains (options, names[i]))
      return names[i];
  return NULL;
}

/* Two of the modes, given together: TRUE and their names in @first and
 * @second. */
static gboolean
find_conflicting_modes (GVariantDict  *options,
                        const char   **first,
                        const char   **second)
{
  *first = NULL;
  for (guint i = 0; i < G_N_ELEMENTS (modes); i++)
    {
      if (!g_variant_dict_contains (options, modes[i]))
        continue;
      if (*first != NULL)
        {
          *second = modes[i];
          return TRUE;
        }
      *first = modes[i];
    }
  return FALSE;
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
  const char *first = NULL;
  const char *second = NULL;
  const char *stray;

  g_return_val_if_fail (options != NULL, 1);

  /* --version wins over everything else, as --help does (GOption answers
   * --help before these options are seen) */
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("upphandla %s\n", PACKAGE_VERSION);
      return 0;
    }

  if (find_conflicting_modes (options, &first, &second))
    {
      /* Translators: an error of "upphandla"; %1$s and %2$s are options such as
       * "info" and "export", each of which is a run of its own. */
      g_printerr (_("--%1$s and --%2$s cannot be used together. Choose one of them.\n"), first, second);
      return 1;
    }

  if (g_variant_dict_contains (options, "export"))
    return run_export (options);

  stray = stray_export_option (options);
  if (stray != NULL)
    {
      /* Translators: an error of "upphandla"; %1$s is an option such as "format". */
      g_printerr (_("--%1$s works only together with --export.\n"), stray);
      return 1;
    }

  g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &paths);

  if (g_variant_dict_lookup (options, "write-demo", "^&ay", &demo_path))
    {
      if (paths != NULL && paths[0] != NULL)
        {
          /* Translators: an error of "upphandla --write-demo"; FILE stands for a file
           * name, as in "upphandla --help". */
          g_printerr ("%s\n", _("--write-demo takes one file, as --write-demo=FILE, and no other."));
          return 1;
        }
      return run_write_demo (demo_path);
    }

  if (g_variant_dict_contains (options, "info"))
    return run_info (paths);

  return -1;
}
