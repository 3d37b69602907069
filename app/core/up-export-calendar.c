/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "up-export"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "up-export-private.h"
#include "up-export.h"
#include "up-project.h"

/* The stages as a calendar, for the project group's own calendars
 * (Evolution, GNOME Calendar, Outlook, a phone): iCalendar as RFC 5545
 * has it. Each stage is an event of whole days, from its first day to
 * the day after its last (DTEND is not part of the event), shown as free
 * time: a tender period of six weeks must not make everyone busy. An
 * event's UID is the project's and the stage's, the same in every export
 * of the project, so that a calendar given the file again updates the
 * events it has instead of adding them twice. */

/* Lines are at most 75 octets; a longer one goes on after CR LF and a
 * space (RFC 5545 3.1), never inside a character. */
#define LINE_OCTETS 75

static void
append_line (GString    *out,
             const char *line)
{
  const char *p = line;
  gsize room = LINE_OCTETS;

  while (strlen (p) > room)
    {
      const char *cut = p + room;

      /* back to the first byte of a character */
      while (cut > p && ((guchar) *cut & 0xc0) == 0x80)
        cut--;
      g_string_append_len (out, p, cut - p);
      g_string_append (out, "\r\n ");
      p = cut;
      room = LINE_OCTETS - 1;
    }
  g_string_append (out, p);
  g_string_append (out, "\r\n");
}

/* A TEXT value (RFC 5545 3.3.11): backslash, semicolon and comma after
 * a backslash, a line break as "\n"; other control characters, which a
 * TEXT may not hold, as spaces. */
static void
append_text (GString    *out,
             const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text != NULL ? text : "", -1);

  for (const char *p = valid; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '\\':
        case ';':
        case ',':
          g_string_append_c (out, '\\');
          g_string_append_c (out, *p);
          break;
        case '\r':
          if (p[1] == '\n')
            p++;
          G_GNUC_FALLTHROUGH;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\t':
          g_string_append_c (out, '\t');
          break;
        default:
          g_string_append_c (out, ((guchar) *p < 0x20 || *p == 0x7f) ? ' ' : *p);
          break;
        }
    }
}

/* NAME:TEXT as one line, folded. */
static void
append_property (GString    *out,
                 const char *name,
                 const char *text)
{
  g_autoptr(GString) line = g_string_new (name);

  g_string_append_c (line, ':');
  append_text (line, text);
  append_line (out, line->str);
}

static void
append_date (GString     *out,
             const char  *name,
             const GDate *date)
{
  g_autofree char *line = g_strdup_printf ("%s;VALUE=DATE:%04u%02u%02u", name,
                                           (guint) g_date_get_year (date), (guint) g_date_get_month (date),
                                           (guint) g_date_get_day (date));

  append_line (out, line);
}

/* The digits of the project's "created" (2026-11-28T10:00:00.123Z, to the
 * second in files made before 0.3): with the
 * stage's id, a UID no other project's stage has, the same in every
 * export of this one and of its copies (a workshop's copy is the same
 * plan). */
static char *
project_key (UpProject *project)
{
  const char *created = up_project_get_created (project);
  g_autoptr(GString) key = g_string_new (NULL);

  for (const char *p = created != NULL ? created : ""; *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      g_string_append_c (key, *p);
  if (key->len == 0)
    g_string_append_c (key, '0');
  return g_string_free (g_steal_pointer (&key), FALSE);
}

static int
compare_targets (gconstpointer a,
                 gconstpointer b)
{
  const char *x = *(const char * const *) a;
  const char *y = *(const char * const *) b;
  guint64 goal_x = g_ascii_strtoull (x, NULL, 10);
  guint64 goal_y = g_ascii_strtoull (y, NULL, 10);

  if (goal_x != goal_y)
    return goal_x < goal_y ? -1 : 1;
  /* "12.a" after "12.8", "12.10" after "12.9" */
  {
    const char *tx = strchr (x, '.');
    const char *ty = strchr (y, '.');
    gboolean digit_x = tx != NULL && g_ascii_isdigit (tx[1]);
    gboolean digit_y = ty != NULL && g_ascii_isdigit (ty[1]);

    if (digit_x && digit_y)
      {
        guint64 nx = g_ascii_strtoull (tx + 1, NULL, 10), ny = g_ascii_strtoull (ty + 1, NULL, 10);

        if (nx != ny)
          return nx < ny ? -1 : 1;
      }
    else if (digit_x != digit_y)
      return digit_x ? -1 : 1;
  }
  return strcmp (x, y);
}

/* "3.8, 10.2": the targets the stage serves, each once. */
static char *
stage_targets (UpProject *project,
               UpStage   *stage)
{
  g_autoptr(GPtrArray) links = up_project_list_sdg_links (project, UP_RECORD (stage));
  g_autoptr(GPtrArray) targets = g_ptr_array_new ();
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < links->len; i++)
    {
      const char *target = up_sdg_link_get_target (g_ptr_array_index (links, i));
      gboolean seen = FALSE;

      for (guint j = 0; j < targets->len && !seen; j++)
        seen = g_str_equal (g_ptr_array_index (targets, j), target);
      if (!seen)
        g_ptr_array_add (targets, (gpointer) target);
    }
  g_ptr_array_sort (targets, compare_targets);
  for (guint i = 0; i < targets->len; i++)
    {
      if (i > 0)
        g_string_append (text, ", ");
      g_string_append (text, g_ptr_array_index (targets, i));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* What a colleague sees when they open the event: the stage's kind and
 * status, the targets it serves, its description. */
static char *
stage_description (UpProject *project,
                   UpStage   *stage,
                   UpLang     lang)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *targets = stage_targets (project, stage);
  const char *description = up_stage_get_description (stage);

  g_string_append_printf (text,
                          /* Translators: the first line of a stage's event in the
                           * exported calendar: %1$s is its kind ("Market dialogue"),
                           * %2$s its status ("Done"). */
                          up_lang_pgettext (lang, "calendar event", NC_("calendar event", "%1$s · %2$s")),
                          up_enum_label_in (up_stage_kinds, up_stage_get_kind (stage), lang),
                          up_enum_label_in (up_stage_statuses, up_stage_get_status (stage), lang));
  if (targets[0] != '\0')
    {
      g_string_append_c (text, '\n');
      g_string_append_printf (text,
                              up_lang_pgettext (lang, "calendar event",
                                                /* Translators: a line of a stage's event in
                                                 * the exported calendar; %1$s is the list of
                                                 * targets it serves ("3.8, 10.2"). */
                                                NC_("calendar event", "Agenda 2030 targets: %1$s")),
                              targets);
    }
  if (description != NULL && description[0] != '\0')
    {
      g_string_append (text, "\n\n");
      g_string_append (text, description);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static gboolean
append_stage (GString    *out,
              UpProject  *project,
              UpStage    *stage,
              UpLang      lang,
              const char *key,
              const char *stamp)
{
  GDate start, end;
  g_autofree char *duration = NULL;
  g_autofree char *uid = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *description = NULL;
  const char *project_title = up_project_get_title (project);
  const char *title = up_stage_get_title (stage);

  /* a stage whose dates cannot be read (a damaged file) has no days to
   * be in a calendar */
  if (!up_date_parse (up_stage_get_start_date (stage), &start) ||
      !up_date_parse (up_stage_get_end_date (stage), &end))
    return FALSE;
  if (g_date_compare (&end, &start) < 0)
    end = start;
  /* DTEND is the day after the last, which for a stage to 9999-12-31
   * has no DATE (four digits of year): that one ends by its length */
  if (g_date_get_year (&end) == 9999 && g_date_get_month (&end) == G_DATE_DECEMBER && g_date_get_day (&end) == 31)
    duration = g_strdup_printf ("DURATION:P%dD", g_date_days_between (&start, &end) + 1);
  else
    g_date_add_days (&end, 1);

  uid = g_strdup_printf ("upphandla-%s-stage-%" G_GINT64_FORMAT, key, up_record_get_id (UP_RECORD (stage)));
  if (project_title != NULL && project_title[0] != '\0')
    /* Translators: the title of a stage's event in the exported calendar,
     * seen among the rest of a colleague's calendar: %1$s is the stage's
     * title, %2$s the project's. */
    summary = g_strdup_printf (up_lang_pgettext (lang, "calendar event", NC_("calendar event", "%1$s – %2$s")),
                               title, project_title);
  else
    summary = g_strdup (title);
  description = stage_description (project, stage, lang);

  append_line (out, "BEGIN:VEVENT");
  append_property (out, "UID", uid);
  append_line (out, stamp);
  append_date (out, "DTSTART", &start);
  if (duration != NULL)
    append_line (out, duration);
  else
    append_date (out, "DTEND", &end);
  append_property (out, "SUMMARY", summary);
  append_property (out, "DESCRIPTION", description);
  append_line (out, "TRANSP:TRANSPARENT");
  append_line (out, "END:VEVENT");
  return TRUE;
}

/**
 * up_export_calendar_ics:
 *
 * Returns: (transfer full): the calendar's bytes.
 */
GBytes *
up_export_calendar_ics (UpProject *project,
                        UpLang     lang,
                        GDateTime *now,
                        guint     *n_events)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GDateTime) utc = NULL;
  g_autofree char *stamp = NULL;
  g_autofree char *key = NULL;
  g_autofree char *prodid = NULL;
  GListModel *stages;
  const char *title;
  guint n = 0;

  g_return_val_if_fail (UP_IS_PROJECT (project), NULL);

  utc = now != NULL ? g_date_time_to_utc (now) : g_date_time_new_now_utc ();
  stamp = g_date_time_format (utc, "DTSTAMP:%Y%m%dT%H%M%SZ");
  key = project_key (project);
  title = up_project_get_title (project);

  append_line (out, "BEGIN:VCALENDAR");
  append_line (out, "VERSION:2.0");
  /* the language of its texts, which RFC 5545 has at the end */
  prodid = g_strdup_printf ("PRODID:-//Upphandla//Upphandla %s//%s", PACKAGE_VERSION,
                            (lang == UP_LANG_UI ? up_lang_get_ui_language () : lang) == UP_LANG_SV ? "SV" : "EN");
  append_line (out, prodid);
  append_line (out, "CALSCALE:GREGORIAN");
  append_line (out, "METHOD:PUBLISH");
  if (title != NULL && title[0] != '\0')
    {
      /* the calendar's name where it is added as a calendar of its own:
       * RFC 7986's NAME, and the X-WR-CALNAME that older programs read */
      append_property (out, "NAME", title);
      append_property (out, "X-WR-CALNAME", title);
    }

  stages = up_project_get_stages (project);
  for (guint i = 0, count = g_list_model_get_n_items (stages); i < count; i++)
    {
      g_autoptr(UpStage) stage = g_list_model_get_item (stages, i);

      if (append_stage (out, project, stage, lang, key, stamp))
        n++;
    }
  append_line (out, "END:VCALENDAR");

  if (n_events != NULL)
    *n_events = n;
  return g_string_free_to_bytes (g_steal_pointer (&out));
}

gboolean
up_export_calendar (UpProject  *project,
                    UpLang      lang,
                    GFile      *output,
                    guint      *n_events,
                    GError    **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (UP_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (G_IS_FILE (output), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  bytes = up_export_calendar_ics (project, lang, NULL, n_events);
  return _up_export_write_file (output, bytes, error);
}
