/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The stages as a calendar (up_export_calendar_ics()): read back line by
 * line as RFC 5545 has them (CR LF, folded at 75 octets, never inside a
 * character), one event of whole days for each stage in the stages'
 * order, its texts escaped and in the language asked for, its UID the
 * same in every export of the project; written whole or not at all. */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <signal.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "upphandla.h"
#include "up-store-private.h"
#include "test-common.h"

static char *test_root;

/* RFC 5545 3.1: a line is at most 75 octets, CR LF not counted. */
#define LINE_OCTETS 75

/* The made-at time of every calendar here, so that two exports of the
 * same project are the same bytes: 1 March 2026, 09:30 in Stockholm. */
static GDateTime *
fixed_now (void)
{
  g_autoptr(GTimeZone) stockholm = g_time_zone_new_offset (3600);

  return g_date_time_new (stockholm, 2026, 3, 1, 9, 30, 15);
}

static GBytes *
export_ics (UpProject *project,
            UpLang     lang,
            guint     *n_events)
{
  g_autoptr(GDateTime) now = fixed_now ();

  return up_export_calendar_ics (project, lang, now, n_events);
}

/* The logical lines of @ics, unfolded. Every physical line is checked on
 * the way: it ends in CR LF (no CR or LF of its own), is valid UTF-8 by
 * itself (a fold never cuts a character) and at most 75 octets long; one
 * that goes on in the next was folded only because the rest did not fit
 * (a fold backs up at most 3 octets to the start of a character). */
static GStrv
read_lines (GBytes *ics)
{
  gsize size;
  const char *data = g_bytes_get_data (ics, &size);
  const char *end = data + size;
  const char *p = data;
  g_autoptr(GStrvBuilder) lines = g_strv_builder_new ();
  g_autoptr(GString) line = NULL;
  gsize previous_octets = 0;

  g_assert_nonnull (data);
  g_assert_cmpuint (size, >, 0);
  g_assert_null (memchr (data, '\0', size));
  while (p < end)
    {
      const char *crlf = g_strstr_len (p, end - p, "\r\n");
      gsize octets;

      if (crlf == NULL)
        g_error ("a line does not end in CR LF: “%.*s”", (int) (end - p), p);
      octets = crlf - p;
      if (memchr (p, '\n', octets) != NULL || memchr (p, '\r', octets) != NULL)
        g_error ("a bare CR or LF in “%.*s”", (int) octets, p);
      if (octets > LINE_OCTETS)
        g_error ("%" G_GSIZE_FORMAT " octets: “%.*s”", octets, (int) octets, p);
      if (!g_utf8_validate_len (p, octets, NULL))
        g_error ("a folded line is not UTF-8 by itself: “%.*s”", (int) octets, p);

      if (*p == ' ')
        {
          /* a continuation */
          g_assert_nonnull (line);
          g_assert_cmpuint (previous_octets, >=, LINE_OCTETS - 3);
          g_string_append_len (line, p + 1, octets - 1);
        }
      else
        {
          if (line != NULL)
            {
              g_strv_builder_add (lines, line->str);
              g_string_free (g_steal_pointer (&line), TRUE);
            }
          line = g_string_new_len (p, octets);
        }
      previous_octets = octets;
      p = crlf + 2;
    }
  g_assert_nonnull (line);
  g_strv_builder_add (lines, line->str);
  return g_strv_builder_end (lines);
}

/* The events' lines, each a GStrv without BEGIN and END:VEVENT, in their
 * order; checks that they nest in the calendar. */
static GPtrArray *
read_events (GStrv lines)
{
  GPtrArray *events = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GStrvBuilder) event = NULL;
  guint n = g_strv_length (lines);

  g_assert_cmpuint (n, >=, 2);
  g_assert_cmpstr (lines[0], ==, "BEGIN:VCALENDAR");
  g_assert_cmpstr (lines[n - 1], ==, "END:VCALENDAR");
  for (guint i = 1; i + 1 < n; i++)
    {
      g_assert_cmpstr (lines[i], !=, "BEGIN:VCALENDAR");
      g_assert_cmpstr (lines[i], !=, "END:VCALENDAR");
      if (g_str_equal (lines[i], "BEGIN:VEVENT"))
        {
          g_assert_null (event);
          event = g_strv_builder_new ();
        }
      else if (g_str_equal (lines[i], "END:VEVENT"))
        {
          g_assert_nonnull (event);
          g_ptr_array_add (events, g_strv_builder_end (event));
          g_clear_pointer (&event, g_strv_builder_unref);
        }
      else if (event != NULL)
        g_strv_builder_add (event, lines[i]);
    }
  g_assert_null (event);
  return events;
}

/* The value of the one line of @lines named @name (with its parameters:
 * "DTSTART;VALUE=DATE"); NULL when there is none, a failure when there
 * are two. */
static const char *
value_of (GStrv       lines,
          const char *name)
{
  const char *value = NULL;
  gsize length = strlen (name);

  for (guint i = 0; lines[i] != NULL; i++)
    if (strncmp (lines[i], name, length) == 0 && lines[i][length] == ':')
      {
        if (value != NULL)
          g_error ("two lines %s", name);
        value = lines[i] + length + 1;
      }
  return value;
}

/* A TEXT value read back as a calendar reads it. */
static char *
unescape (const char *value)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p != '\\')
        {
          g_string_append_c (text, *p);
          continue;
        }
      p++;
      if (*p == 'n' || *p == 'N')
        g_string_append_c (text, '\n');
      else if (*p == '\\' || *p == ';' || *p == ',')
        g_string_append_c (text, *p);
      else
        g_error ("“\\%c” is no escape of TEXT in “%s”", *p, value);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The calendar's own lines, before its first event. */
static GStrv
header_of (GStrv lines)
{
  g_autoptr(GStrvBuilder) header = g_strv_builder_new ();

  for (guint i = 0; lines[i] != NULL && !g_str_equal (lines[i], "BEGIN:VEVENT"); i++)
    g_strv_builder_add (header, lines[i]);
  return g_strv_builder_end (header);
}

static UpStage *
add_stage (UpProject  *project,
           const char *kind,
           const char *title,
           const char *start,
           const char *end)
{
  g_autoptr(GError) error = NULL;
  UpStage *stage = up_project_add_stage (project, kind, title, start, end, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (stage);
  return stage;
}

static void
set_string (UpProject  *project,
            gpointer    record,
            const char *property,
            const char *value)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (up_project_set_string (project, record, property, value, &error));
  g_assert_no_error (error);
}

static void
link_target (UpProject  *project,
             UpStage    *stage,
             const char *target)
{
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (up_project_add_sdg_link (project, UP_RECORD (stage), target, "positive", 2, NULL, &error));
  g_assert_no_error (error);
}

static UpProject *
new_project (const char *title)
{
  g_autoptr(GError) error = NULL;
  UpProject *project = up_project_new (title, &error);

  g_assert_no_error (error);
  return project;
}

/* A plan of three stages, one of them linked to targets. */
static UpProject *
small_project (const char *title)
{
  UpProject *project = new_project (title);
  UpStage *dialogue;

  dialogue = add_stage (project, "market-dialogue", "Market dialogue, round 1", "2026-04-20", "2026-06-05");
  set_string (project, dialogue, "status", "done");
  set_string (project, dialogue, "description", "Two meetings with suppliers.");
  link_target (project, dialogue, "10.2");
  link_target (project, dialogue, "3.8");
  add_stage (project, "tender", "Tender period", "2026-08-01", "2026-09-15");
  add_stage (project, "milestone", "Contract signed", "2026-11-02", "2026-11-02");
  return project;
}

/* The calendar's own lines, in their order, in English and in Swedish;
 * a project without a title gives the calendar no name. */
static void
test_calendar (void)
{
  g_autoptr(UpProject) project = small_project ("Digitala trygghetslarm");
  g_autoptr(UpProject) untitled = small_project (NULL);
  const char * const header[] = {
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Upphandla//Upphandla " PACKAGE_VERSION "//EN",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    "NAME:Digitala trygghetslarm",
    "X-WR-CALNAME:Digitala trygghetslarm",
    NULL
  };
  const char * const untitled_header[] = {
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Upphandla//Upphandla " PACKAGE_VERSION "//EN",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    NULL
  };

  g_assert_cmpstr (up_project_get_title (untitled), ==, "");
  {
    g_autoptr(GBytes) ics = export_ics (project, UP_LANG_EN, NULL);
    g_auto(GStrv) lines = read_lines (ics);
    g_auto(GStrv) head = header_of (lines);
    guint n = g_strv_length (lines);

    g_assert_cmpstrv (head, header);
    g_assert_cmpstr (lines[n - 1], ==, "END:VCALENDAR");
    g_assert_cmpstr (lines[n - 2], ==, "END:VEVENT");
  }
  {
    g_autoptr(GBytes) ics = export_ics (untitled, UP_LANG_EN, NULL);
    g_auto(GStrv) lines = read_lines (ics);
    g_auto(GStrv) head = header_of (lines);

    g_assert_cmpstrv (head, untitled_header);
    g_assert_null (value_of (lines, "NAME"));
    g_assert_null (value_of (lines, "X-WR-CALNAME"));
  }
  /* nothing but the calendar where there are no stages */
  {
    g_autoptr(UpProject) empty = new_project ("Digitala trygghetslarm");
    guint n_events = 99;
    g_autoptr(GBytes) ics = export_ics (empty, UP_LANG_EN, &n_events);
    g_auto(GStrv) lines = read_lines (ics);
    g_autoptr(GStrvBuilder) expected = g_strv_builder_new ();
    g_auto(GStrv) expected_lines = NULL;

    g_strv_builder_addv (expected, (const char **) header);
    g_strv_builder_add (expected, "END:VCALENDAR");
    expected_lines = g_strv_builder_end (expected);
    g_assert_cmpuint (n_events, ==, 0);
    g_assert_cmpstrv (lines, expected_lines);
  }

  if (!up_lang_is_available (UP_LANG_SV))
    {
      g_test_message ("the Swedish catalogue is not built: the Swedish PRODID not checked");
      return;
    }
  {
    g_autoptr(GBytes) ics = export_ics (project, UP_LANG_SV, NULL);
    g_auto(GStrv) lines = read_lines (ics);

    g_assert_cmpstr (value_of (lines, "PRODID"), ==, "-//Upphandla//Upphandla " PACKAGE_VERSION "//SV");
    g_assert_cmpstr (value_of (lines, "NAME"), ==, "Digitala trygghetslarm");
  }
}

/* A title far longer than a line, of characters of one to four octets
 * (Arabic, emoji, a flag, Swedish letters) at every offset from a fold:
 * each physical line holds whole characters and the unfolded lines give
 * the texts back whole. */
static void
test_folding (void)
{
  const char *words = "Upphandling av digitala trygghetslarm för äldreomsorgen i Älvby – "
                      "مرحبا بالعالم 😀👩‍👩‍👧 🇸🇪 Åsa, Örjan och Ängla – ";

  for (guint offset = 0; offset < 4; offset++)
    {
      g_autofree char *prefix = g_strnfill (offset, 'x');
      g_autofree char *title = g_strconcat (prefix, words, words, words, "slut", NULL);
      g_autofree char *stage_title = g_strconcat (words, prefix, "Behovsanalys", NULL);
      g_autoptr(UpProject) project = new_project (title);
      g_autoptr(GBytes) ics = NULL;
      g_auto(GStrv) lines = NULL;
      g_autoptr(GPtrArray) events = NULL;
      g_autofree char *summary = NULL;
      g_autofree char *name = NULL;
      g_autofree char *calname = NULL;
      g_autofree char *summary_read = NULL;
      const char *data;
      guint n_folded = 0;

      add_stage (project, "needs", stage_title, "2026-01-12", "2026-02-27");
      /* the title as the project keeps it (composed, one line) */
      g_assert_cmpstr (up_project_get_title (project), ==, title);
      ics = export_ics (project, UP_LANG_EN, NULL);
      lines = read_lines (ics);
      events = read_events (lines);
      g_assert_cmpuint (events->len, ==, 1);
      name = unescape (value_of (lines, "NAME"));
      calname = unescape (value_of (lines, "X-WR-CALNAME"));
      summary_read = unescape (value_of (g_ptr_array_index (events, 0), "SUMMARY"));
      summary = g_strdup_printf ("%s – %s", stage_title, title);
      g_assert_cmpstr (name, ==, title);
      g_assert_cmpstr (calname, ==, title);
      g_assert_cmpstr (summary_read, ==, summary);

      /* folded, not cut or left long: the title is over 300 octets */
      g_assert_cmpuint (strlen (title), >, 4 * LINE_OCTETS);
      data = g_bytes_get_data (ics, NULL);
      for (const char *p = data; (p = strstr (p, "\r\n ")) != NULL; p += 3)
        n_folded++;
      g_test_message ("offset %u: %u folds", offset, n_folded);
      g_assert_cmpuint (n_folded, >=, 3 * 4);
    }
}

/* The event of each stage, in the stages' order (not the order they were
 * added): its days from the first to the day after the last, across a
 * month's end, a year's and a leap day; a milestone one day. */
static void
test_events (void)
{
  static const struct
  {
    const char *kind;
    const char *title;
    const char *start;
    const char *end;
    const char *dtstart;
    const char *dtend;
  } stages[] = {
    { "needs", "Needs analysis", "2026-01-12", "2026-01-31", "20260112", "20260201" },
    { "milestone", "Decision to procure", "2026-03-04", "2026-03-04", "20260304", "20260305" },
    { "tender", "Tender period", "2026-11-16", "2026-12-31", "20261116", "20270101" },
    { "evaluation", "Evaluation", "2027-01-01", "2027-02-28", "20270101", "20270301" },
    { "pilot", "Pilot", "2028-02-01", "2028-02-28", "20280201", "20280229" },
    { "contract", "Contract", "2028-02-29", "2028-02-29", "20280229", "20280301" },
    { "milestone", "End of the year", "2028-12-31", "2028-12-31", "20281231", "20290101" },
  };
  /* the order of the plan: the last added first */
  const guint order[] = { 6, 0, 1, 2, 3, 4, 5 };
  g_autoptr(UpProject) project = new_project ("Dates");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) ics = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GPtrArray) events = NULL;
  UpStage *last = NULL;
  guint n_events = 0;

  for (guint i = 0; i < G_N_ELEMENTS (stages); i++)
    last = add_stage (project, stages[i].kind, stages[i].title, stages[i].start, stages[i].end);
  g_assert_true (up_project_reorder_stage (project, last, 0, &error));
  g_assert_no_error (error);

  ics = export_ics (project, UP_LANG_EN, &n_events);
  lines = read_lines (ics);
  events = read_events (lines);
  g_assert_cmpuint (n_events, ==, G_N_ELEMENTS (stages));
  g_assert_cmpuint (events->len, ==, G_N_ELEMENTS (stages));
  for (guint i = 0; i < events->len; i++)
    {
      GStrv event = g_ptr_array_index (events, i);
      guint s = order[i];
      g_autoptr(UpStage) stage = g_list_model_get_item (up_project_get_stages (project), i);
      g_autofree char *summary = g_strdup_printf ("%s – Dates", stages[s].title);

      g_test_message ("event %u: %s", i, stages[s].title);
      g_assert_cmpstr (up_stage_get_title (stage), ==, stages[s].title);
      g_assert_cmpstr (value_of (event, "SUMMARY"), ==, summary);
      g_assert_cmpstr (value_of (event, "DTSTART;VALUE=DATE"), ==, stages[s].dtstart);
      g_assert_cmpstr (value_of (event, "DTEND;VALUE=DATE"), ==, stages[s].dtend);
      g_assert_cmpstr (value_of (event, "TRANSP"), ==, "TRANSPARENT");
      g_assert_cmpstr (value_of (event, "DTSTAMP"), ==, "20260301T083015Z");
      g_assert_nonnull (value_of (event, "UID"));
      g_assert_nonnull (value_of (event, "DESCRIPTION"));
      /* whole days: no times, no other way to say the end */
      g_assert_null (value_of (event, "DTSTART"));
      g_assert_null (value_of (event, "DTEND"));
      g_assert_null (value_of (event, "DURATION"));
      g_assert_cmpuint (g_strv_length (event), ==, 7);
    }
}

/* DTSTAMP is the time given, in UTC, whatever its zone: also where that
 * is another day, month and year than the zone's. */
static void
test_dtstamp (void)
{
  g_autoptr(UpProject) project = small_project ("Stamp");
  g_autoptr(GTimeZone) east = g_time_zone_new_offset (2 * 3600);
  g_autoptr(GTimeZone) west = g_time_zone_new_offset (-(5 * 3600 + 30 * 60));
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  const struct
  {
    GTimeZone  *zone;
    int         year, month, day, hour, minute;
    double      seconds;
    const char *stamp;
  } cases[] = {
    { east, 2027, 1, 1, 1, 5, 9.75, "20261231T230509Z" },
    { west, 2026, 2, 28, 20, 45, 0, "20260301T021500Z" },
    { utc, 2026, 6, 15, 12, 0, 0, "20260615T120000Z" },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr(GDateTime) now = g_date_time_new (cases[c].zone, cases[c].year, cases[c].month, cases[c].day,
                                                  cases[c].hour, cases[c].minute, cases[c].seconds);
      g_autoptr(GBytes) ics = up_export_calendar_ics (project, UP_LANG_EN, now, NULL);
      g_auto(GStrv) lines = read_lines (ics);
      g_autoptr(GPtrArray) events = read_events (lines);

      g_assert_cmpuint (events->len, ==, 3);
      for (guint i = 0; i < events->len; i++)
        g_assert_cmpstr (value_of (g_ptr_array_index (events, i), "DTSTAMP"), ==, cases[c].stamp);
    }
}

/* Text as RFC 5545 3.3.11 has it: a backslash, a semicolon and a comma
 * after a backslash, a line break (LF, CR LF, a CR alone) as "\n", a tab
 * as it is, another control character as a space. */
static void
test_escaping (void)
{
  g_autoptr(UpProject) project = new_project ("Plan; A, B \\ C");
  UpStage *stage = add_stage (project, "requirements", "Krav; del 1, \\ utkast", "2026-05-04", "2026-05-29");
  g_autoptr(GBytes) ics = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GPtrArray) events = NULL;
  GStrv event;

  set_string (project, stage, "description",
              "Back\\slash; semi, comma\nline two\r\nline three\rline four\ttab\x01" "bell\x7f" "del end");
  /* as written: a description keeps its breaks and control characters */
  g_assert_nonnull (strstr (up_stage_get_description (stage), "\r\nline three\r"));
  g_assert_nonnull (strchr (up_stage_get_description (stage), '\x01'));

  ics = export_ics (project, UP_LANG_EN, NULL);
  lines = read_lines (ics);
  events = read_events (lines);
  g_assert_cmpuint (events->len, ==, 1);
  event = g_ptr_array_index (events, 0);
  g_assert_cmpstr (value_of (lines, "NAME"), ==, "Plan\\; A\\, B \\\\ C");
  g_assert_cmpstr (value_of (lines, "X-WR-CALNAME"), ==, "Plan\\; A\\, B \\\\ C");
  g_assert_cmpstr (value_of (event, "SUMMARY"), ==, "Krav\\; del 1\\, \\\\ utkast – Plan\\; A\\, B \\\\ C");
  g_assert_cmpstr (value_of (event, "DESCRIPTION"), ==,
                   "Requirements and tender documents · Planned\\n\\n"
                   "Back\\\\slash\\; semi\\, comma\\nline two\\nline three\\nline four\ttab bell del end");
}

/* The event's title is the stage's and the project's, or the stage's
 * alone where the project has no title. */
static void
test_summary (void)
{
  g_autoptr(UpProject) project = small_project ("Trygghetslarm");
  g_autoptr(GBytes) ics = export_ics (project, UP_LANG_EN, NULL);
  g_auto(GStrv) lines = read_lines (ics);
  g_autoptr(GPtrArray) events = read_events (lines);
  g_autoptr(UpProject) untitled = small_project (NULL);
  g_autoptr(GBytes) untitled_ics = export_ics (untitled, UP_LANG_EN, NULL);
  g_auto(GStrv) untitled_lines = read_lines (untitled_ics);
  g_autoptr(GPtrArray) untitled_events = read_events (untitled_lines);

  g_assert_cmpuint (events->len, ==, 3);
  g_assert_cmpstr (value_of (g_ptr_array_index (events, 0), "SUMMARY"), ==,
                   "Market dialogue\\, round 1 – Trygghetslarm");
  g_assert_cmpstr (value_of (g_ptr_array_index (events, 1), "SUMMARY"), ==, "Tender period – Trygghetslarm");
  g_assert_cmpstr (value_of (g_ptr_array_index (events, 2), "SUMMARY"), ==, "Contract signed – Trygghetslarm");
  g_assert_cmpuint (untitled_events->len, ==, 3);
  g_assert_cmpstr (value_of (g_ptr_array_index (untitled_events, 0), "SUMMARY"), ==, "Market dialogue\\, round 1");
  g_assert_cmpstr (value_of (g_ptr_array_index (untitled_events, 1), "SUMMARY"), ==, "Tender period");
  g_assert_cmpstr (value_of (g_ptr_array_index (untitled_events, 2), "SUMMARY"), ==, "Contract signed");
}

/* A project whose stages serve targets in an order a string sort gets
 * wrong ("10.2" before "3.8", "16.10" before "16.9"), one twice. */
static UpProject *
targets_project (void)
{
  UpProject *project = small_project ("Targets");
  UpStage *pilot = add_stage (project, "pilot", "Pilot", "2026-12-01", "2027-02-26");

  set_string (project, pilot, "status", "active");
  set_string (project, pilot, "description", "Thirty alarms\nin two districts.");
  link_target (project, pilot, "16.a");
  link_target (project, pilot, "16.10");
  link_target (project, pilot, "3.8");
  link_target (project, pilot, "16.9");
  link_target (project, pilot, "16.10");
  return project;
}

/* The description: the kind and the status, the targets served (sorted
 * by goal, then by number, letters last; each once), then after a blank
 * line the stage's own description; no line of targets where there are
 * none, nothing after the first line where there is no description. */
static void
test_description (void)
{
  g_autoptr(UpProject) project = targets_project ();
  g_autoptr(GBytes) ics = export_ics (project, UP_LANG_EN, NULL);
  g_auto(GStrv) lines = read_lines (ics);
  g_autoptr(GPtrArray) events = read_events (lines);

  g_assert_cmpuint (events->len, ==, 4);
  g_assert_cmpstr (value_of (g_ptr_array_index (events, 0), "DESCRIPTION"), ==,
                   "Market dialogue · Done\\nAgenda 2030 targets: 3.8\\, 10.2\\n\\nTwo meetings with suppliers.");
  g_assert_cmpstr (value_of (g_ptr_array_index (events, 1), "DESCRIPTION"), ==, "Tender period · Planned");
  g_assert_cmpstr (value_of (g_ptr_array_index (events, 2), "DESCRIPTION"), ==, "Milestone · Planned");
  g_assert_cmpstr (value_of (g_ptr_array_index (events, 3), "DESCRIPTION"), ==,
                   "Pilot and test before buying · In progress\\n"
                   "Agenda 2030 targets: 3.8\\, 16.9\\, 16.10\\, 16.a\\n\\n"
                   "Thirty alarms\\nin two districts.");
}

/* In Swedish the kind and the status are the Swedish catalogue's, the
 * stage's own texts as they are. */
static void
test_description_swedish (void)
{
  g_autoptr(UpProject) project = targets_project ();
  g_autoptr(GBytes) ics = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GPtrArray) events = NULL;
  const char *kinds[] = { "market-dialogue", "tender", "milestone", "pilot" };
  const char *statuses[] = { "done", "planned", "planned", "active" };

  if (!up_lang_is_available (UP_LANG_SV))
    {
      g_test_skip ("the Swedish catalogue is not built");
      return;
    }
  ics = export_ics (project, UP_LANG_SV, NULL);
  lines = read_lines (ics);
  events = read_events (lines);
  g_assert_cmpuint (events->len, ==, G_N_ELEMENTS (kinds));
  /* the catalogue has them: Swedish, not the English source */
  g_assert_cmpstr (up_enum_label_in (up_stage_kinds, "market-dialogue", UP_LANG_SV), ==, "Marknadsdialog");
  g_assert_cmpstr (up_enum_label_in (up_stage_statuses, "done", UP_LANG_SV), ==, "Klart");
  for (guint i = 0; i < events->len; i++)
    {
      const char *description = value_of (g_ptr_array_index (events, i), "DESCRIPTION");
      const char *kind = up_enum_label_in (up_stage_kinds, kinds[i], UP_LANG_SV);
      const char *status = up_enum_label_in (up_stage_statuses, statuses[i], UP_LANG_SV);
      g_autofree char *first = g_strdup_printf ("%s · %s", kind, status);
      const char *after = description + strlen (first);

      g_test_message ("%s", description);
      g_assert_cmpstr (kind, !=, up_enum_label_in (up_stage_kinds, kinds[i], UP_LANG_EN));
      g_assert_cmpstr (status, !=, up_enum_label_in (up_stage_statuses, statuses[i], UP_LANG_EN));
      g_assert_true (g_str_has_prefix (description, first));
      g_assert_true (after[0] == '\0' || g_str_has_prefix (after, "\\n"));
    }
  g_assert_true (g_str_has_suffix (value_of (g_ptr_array_index (events, 0), "DESCRIPTION"),
                                   ": 3.8\\, 10.2\\n\\nTwo meetings with suppliers."));
  g_assert_true (g_str_has_suffix (value_of (g_ptr_array_index (events, 3), "DESCRIPTION"),
                                   ": 3.8\\, 16.9\\, 16.10\\, 16.a\\n\\nThirty alarms\\nin two districts."));
}

/* A stage whose dates a file holds as no date (written past the edit
 * API, which refuses them, and read by a new model of the same store)
 * has no days to be in a calendar: it is left out and not counted; the
 * other stages are there. */
static void
test_unreadable_dates (void)
{
  g_autoptr(UpProject) written = targets_project ();
  g_autoptr(UpProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) ics = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GPtrArray) events = NULL;
  UpStore *store = up_project_get_store (written);
  guint n_events = 99;

  /* 'zzz' sorts after every date, so the file's CHECK lets it by */
  g_assert_cmpint (sqlite3_exec (_up_store_get_db (store),
                                 "UPDATE stage SET start_date = 'zzz', end_date = 'zzz' WHERE position = "
                                 "(SELECT min(position) FROM stage);"
                                 "UPDATE stage SET end_date = 'not-a-date' WHERE title = 'Contract signed';",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  project = up_project_new_for_store (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (up_project_get_stages (project)), ==, 4);

  ics = export_ics (project, UP_LANG_EN, &n_events);
  lines = read_lines (ics);
  events = read_events (lines);
  g_assert_cmpuint (n_events, ==, 2);
  g_assert_cmpuint (events->len, ==, 2);
  g_assert_cmpstr (value_of (g_ptr_array_index (events, 0), "SUMMARY"), ==, "Tender period – Targets");
  g_assert_cmpstr (value_of (g_ptr_array_index (events, 1), "SUMMARY"), ==, "Pilot – Targets");
  g_assert_null (strstr (g_bytes_get_data (ics, NULL), "Market dialogue"));
  g_assert_null (strstr (g_bytes_get_data (ics, NULL), "Contract signed"));
}

/* Every date the project keeps (years 1 to 9999) is a DATE of eight
 * digits. The day after 9999-12-31 has none: a stage to that day ends by
 * its length in days instead of a DTEND of nine digits. */
static void
test_far_dates (void)
{
  static const struct
  {
    const char *start;
    const char *end;
    const char *dtstart;
    const char *dtend;
    const char *duration;
  } stages[] = {
    { "0001-01-01", "0001-01-31", "00010101", "00010201", NULL },
    { "9999-12-01", "9999-12-30", "99991201", "99991231", NULL },
    { "9999-12-01", "9999-12-31", "99991201", NULL, "P31D" },
    { "9999-12-31", "9999-12-31", "99991231", NULL, "P1D" },
    { "9998-12-31", "9999-12-31", "99981231", NULL, "P366D" },
  };
  g_autoptr(UpProject) project = new_project ("Far");
  g_autoptr(GBytes) ics = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GPtrArray) events = NULL;
  guint n_events = 0;

  for (guint i = 0; i < G_N_ELEMENTS (stages); i++)
    add_stage (project, "follow-up", "Far away", stages[i].start, stages[i].end);
  ics = export_ics (project, UP_LANG_EN, &n_events);
  lines = read_lines (ics);
  events = read_events (lines);
  g_assert_cmpuint (n_events, ==, G_N_ELEMENTS (stages));
  g_assert_cmpuint (events->len, ==, G_N_ELEMENTS (stages));
  for (guint i = 0; i < events->len; i++)
    {
      GStrv event = g_ptr_array_index (events, i);

      g_test_message ("%s to %s", stages[i].start, stages[i].end);
      g_assert_cmpstr (value_of (event, "DTSTART;VALUE=DATE"), ==, stages[i].dtstart);
      g_assert_cmpstr (value_of (event, "DTEND;VALUE=DATE"), ==, stages[i].dtend);
      g_assert_cmpstr (value_of (event, "DURATION"), ==, stages[i].duration);
    }
}

static GStrv
uids_of (UpProject *project,
         UpLang     lang)
{
  g_autoptr(GBytes) ics = up_export_calendar_ics (project, lang, NULL, NULL);
  g_auto(GStrv) lines = read_lines (ics);
  g_autoptr(GPtrArray) events = read_events (lines);
  g_autoptr(GStrvBuilder) uids = g_strv_builder_new ();

  for (guint i = 0; i < events->len; i++)
    {
      const char *uid = value_of (g_ptr_array_index (events, i), "UID");

      g_assert_nonnull (uid);
      g_assert_cmpstr (uid, !=, "");
      g_strv_builder_add (uids, uid);
    }
  return g_strv_builder_end (uids);
}

static void
set_created (UpProject  *project,
             const char *created)
{
  g_autofree char *sql = g_strdup_printf ("UPDATE project SET created = '%s';", created);

  g_assert_cmpint (sqlite3_exec (_up_store_get_db (up_project_get_store (project)), sql, NULL, NULL, NULL), ==,
                   SQLITE_OK);
}

/* An event's UID is its stage's alone, the same in every export of the
 * project (at another time, in another language, after an edit, from the
 * file saved and opened again), so that a calendar given the file again
 * updates its events; another project's stages have others. */
static void
test_uids (void)
{
  g_autoptr(UpProject) project = targets_project ();
  g_autoptr(UpProject) other = NULL;
  g_autoptr(UpProject) reopened = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = test_new_dir (test_root, "uids");
  g_autofree char *path = g_build_filename (dir, "plan.upphandla", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_auto(GStrv) uids = uids_of (project, UP_LANG_EN);
  g_auto(GStrv) again = NULL;
  g_auto(GStrv) swedish = NULL;
  g_auto(GStrv) after_edit = NULL;
  g_auto(GStrv) from_file = NULL;
  g_auto(GStrv) other_uids = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(UpStage) first = g_list_model_get_item (up_project_get_stages (project), 0);

  g_assert_cmpuint (g_strv_length (uids), ==, 4);
  for (guint i = 0; uids[i] != NULL; i++)
    {
      g_test_message ("UID %s", uids[i]);
      g_assert_true (g_hash_table_add (seen, uids[i]));
      /* no character that would need escaping, none that is not ASCII */
      g_assert_null (strpbrk (uids[i], "\\;, \t"));
      g_assert_true (g_str_is_ascii (uids[i]));
    }

  again = uids_of (project, UP_LANG_EN);
  g_assert_cmpstrv (again, uids);
  swedish = uids_of (project, up_lang_is_available (UP_LANG_SV) ? UP_LANG_SV : UP_LANG_EN);
  g_assert_cmpstrv (swedish, uids);

  /* a stage renamed, moved and put last in the plan is the same event */
  set_string (project, first, "title", "Market dialogue, round 2");
  g_assert_true (up_project_move_stage (project, first, "2026-05-04", "2026-06-19", &error));
  g_assert_true (up_project_reorder_stage (project, first, 3, &error));
  g_assert_no_error (error);
  after_edit = uids_of (project, UP_LANG_EN);
  {
    const char * const reordered[] = { uids[1], uids[2], uids[3], uids[0], NULL };

    g_assert_cmpstrv (after_edit, reordered);
  }

  g_assert_true (up_store_save_copy (up_project_get_store (project), file, &error));
  g_assert_no_error (error);
  reopened = up_project_open (file, &error);
  g_assert_no_error (error);
  from_file = uids_of (reopened, UP_LANG_EN);
  g_assert_cmpstrv (from_file, after_edit);

  /* another project of the same stages, made at another time (read anew
   * from its store: the model reads "created" once) */
  {
    g_autoptr(UpProject) made = targets_project ();
    UpStore *store = up_project_get_store (made);

    set_created (made, "2025-06-30T08:00:00Z");
    other = up_project_new_for_store (store, &error);
    g_assert_no_error (error);
  }
  g_assert_cmpstr (up_project_get_created (other), ==, "2025-06-30T08:00:00Z");
  g_assert_cmpstr (up_project_get_created (other), !=, up_project_get_created (project));
  other_uids = uids_of (other, UP_LANG_EN);
  g_assert_cmpuint (g_strv_length (other_uids), ==, 4);
  for (guint i = 0; other_uids[i] != NULL; i++)
    if (g_hash_table_contains (seen, other_uids[i]))
      g_error ("two projects share the UID %s", other_uids[i]);
}

/* Two projects made within the same second, as a script or two routes
 * chosen one after the other make them, have UIDs of their own: a
 * project is created to the millisecond. */
static void
test_uids_same_second (void)
{
  g_autoptr(UpProject) first = targets_project ();
  g_autoptr(UpProject) second = NULL;
  g_auto(GStrv) first_uids = NULL;
  g_auto(GStrv) second_uids = NULL;

  /* a millisecond apart at least, well within one second mostly */
  g_usleep (2000);
  second = targets_project ();
  g_assert_true (g_regex_match_simple ("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z$",
                                       up_project_get_created (first), 0, 0));
  g_assert_cmpstr (up_project_get_created (first), !=, up_project_get_created (second));
  first_uids = uids_of (first, UP_LANG_EN);
  second_uids = uids_of (second, UP_LANG_EN);
  g_assert_cmpuint (g_strv_length (first_uids), ==, g_strv_length (second_uids));
  for (guint i = 0; first_uids[i] != NULL; i++)
    for (guint j = 0; second_uids[j] != NULL; j++)
      g_assert_cmpstr (first_uids[i], !=, second_uids[j]);
}

static int
child_full_disk (const char *path)
{
  g_autoptr(UpProject) project = targets_project ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *long_text = g_strnfill (8000, 'a');
  g_autoptr(UpStage) stage = g_list_model_get_item (up_project_get_stages (project), 0);
  struct rlimit limit = { 4096, 4096 };

  if (!up_project_set_string (project, stage, "description", long_text, &error))
    return 2;
  signal (SIGXFSZ, SIG_IGN);
  if (setrlimit (RLIMIT_FSIZE, &limit) != 0)
    return 3;
  if (up_export_calendar (project, UP_LANG_EN, file, NULL, &error))
    return 4;
  if (!g_error_matches (error, UP_EXPORT_ERROR, UP_EXPORT_ERROR_WRITE) ||
      strstr (error->message, "disk is full") == NULL)
    {
      g_printerr ("unexpected error: %s\n", error->message);
      return 5;
    }
  return 0;
}

/* The calendar without its DTSTAMP lines, which say when it was made. */
static char *
without_stamps (GBytes *ics)
{
  g_autofree char *text = g_strndup (g_bytes_get_data (ics, NULL), g_bytes_get_size (ics));
  g_auto(GStrv) lines = g_strsplit (text, "\r\n", -1);
  g_autoptr(GString) rest = g_string_new (NULL);
  guint n_stamps = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], "DTSTAMP:"))
      n_stamps++;
    else
      g_string_append_printf (rest, "%s\n", lines[i]);
  g_assert_cmpuint (n_stamps, >, 0);
  return g_string_free (g_steal_pointer (&rest), FALSE);
}

/* Written as up_export_calendar_ics() makes it, at the time of writing;
 * a file that cannot be written leaves what was there and says why. */
static void
test_write (void)
{
  g_autoptr(UpProject) project = targets_project ();
  g_autofree char *dir = test_new_dir (test_root, "write");
  g_autofree char *path = g_build_filename (dir, "plan.ics", NULL);
  g_autofree char *missing = g_build_filename (dir, "no such folder", "plan.ics", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) missing_file = g_file_new_for_path (missing);
  g_autoptr(GBytes) expected = export_ics (project, UP_LANG_EN, NULL);
  g_autofree char *expected_text = without_stamps (expected);
  g_autoptr(GBytes) written = NULL;
  g_autofree char *written_text = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) before = g_date_time_new_now_utc ();
  g_autofree char *stamp_before = g_date_time_format (before, "%Y%m%dT%H%M%SZ");
  g_autoptr(GDateTime) later = NULL;
  g_autofree char *stamp_after = NULL;
  const char *stamp;
  guint n_events = 0;
  int status = 0;
  pid_t pid;

  g_assert_true (up_export_calendar (project, UP_LANG_EN, file, &n_events, &error));
  g_assert_no_error (error);
  later = g_date_time_new_now_utc ();
  stamp_after = g_date_time_format (later, "%Y%m%dT%H%M%SZ");
  g_assert_cmpuint (n_events, ==, 4);
  written = test_read_bytes (path);
  written_text = without_stamps (written);
  g_assert_cmpstr (written_text, ==, expected_text);
  /* made now, in UTC */
  stamp = strstr (g_bytes_get_data (written, NULL), "\r\nDTSTAMP:");
  g_assert_nonnull (stamp);
  stamp += strlen ("\r\nDTSTAMP:");
  g_assert_cmpint (strncmp (stamp, stamp_before, 16), >=, 0);
  g_assert_cmpint (strncmp (stamp, stamp_after, 16), <=, 0);

  g_assert_false (up_export_calendar (project, UP_LANG_EN, missing_file, NULL, &error));
  g_assert_error (error, UP_EXPORT_ERROR, UP_EXPORT_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, "folder does not exist"));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  /* a disk full halfway: the earlier file stays whole */
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    _exit (child_full_disk (path));
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
  after = test_read_bytes (path);
  g_assert_true (g_bytes_equal (after, written));
  /* no temporary file left beside it */
  test_assert_dir_is (dir, "plan.ics");
}

static void
on_written (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  int *state = user_data;
  g_autoptr(GError) error = NULL;

  *state = up_export_bytes_finish (result, &error) ? 1 : 2;
  g_assert_true ((*state == 1) == (error == NULL));
  if (error != NULL)
    g_assert_error (error, UP_EXPORT_ERROR, UP_EXPORT_ERROR_WRITE);
}

/* The calendar made on this thread, written on another: the bytes as
 * they are; into a folder that is not there, an error and no file. */
static void
test_async (void)
{
  g_autoptr(UpProject) project = targets_project ();
  g_autofree char *dir = test_new_dir (test_root, "async");
  g_autofree char *path = g_build_filename (dir, "plan.ics", NULL);
  g_autofree char *missing = g_build_filename (dir, "no such folder", "plan.ics", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) missing_file = g_file_new_for_path (missing);
  g_autoptr(GBytes) ics = export_ics (project, UP_LANG_EN, NULL);
  g_autoptr(GBytes) written = NULL;
  int state = 0;

  up_export_bytes_async (ics, file, NULL, on_written, &state);
  while (state == 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (state, ==, 1);
  written = test_read_bytes (path);
  g_assert_true (g_bytes_equal (written, ics));

  state = 0;
  up_export_bytes_async (ics, missing_file, NULL, on_written, &state);
  while (state == 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (state, ==, 2);
  test_assert_dir_is (dir, "plan.ics");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  setlocale (LC_ALL, "C.UTF-8");
  test_root = g_dir_make_tmp ("upphandla-test-export-calendar-XXXXXX", NULL);
  g_assert_nonnull (test_root);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export-calendar/calendar", test_calendar);
  g_test_add_func ("/export-calendar/folding", test_folding);
  g_test_add_func ("/export-calendar/events", test_events);
  g_test_add_func ("/export-calendar/dtstamp", test_dtstamp);
  g_test_add_func ("/export-calendar/escaping", test_escaping);
  g_test_add_func ("/export-calendar/summary", test_summary);
  g_test_add_func ("/export-calendar/description", test_description);
  g_test_add_func ("/export-calendar/description-swedish", test_description_swedish);
  g_test_add_func ("/export-calendar/unreadable-dates", test_unreadable_dates);
  g_test_add_func ("/export-calendar/far-dates", test_far_dates);
  g_test_add_func ("/export-calendar/uids", test_uids);
  g_test_add_func ("/export-calendar/uids-same-second", test_uids_same_second);
  g_test_add_func ("/export-calendar/write", test_write);
  g_test_add_func ("/export-calendar/async", test_async);

  status = g_test_run ();
  test_remove_tree (test_root);
  return status;
}
