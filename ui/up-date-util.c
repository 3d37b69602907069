/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "Upphandla"

#include "config.h"

#include <glib/gi18n.h>

#include "up-date-util.h"
#include "up-timescale.h"
#include "up-types.h"

const char *
up_date_util_shown_format (void)
{
  /* Translators: A date as the lists, rows and the timeline show it, as a
   * g_date_time_format() format: "%-d %b %Y" gives "2 Feb 2026". Choose a
   * form no reader can misread, never one with slashes (02/02/2026);
   * Swedish uses ISO 8601, "%Y-%m-%d" (2026-02-02). */
  /* xgettext:no-c-format */
  return C_("shown date", "%-d %b %Y");
}

char *
up_date_util_format (const char *iso_date)
{
  g_autoptr(GDateTime) datetime = NULL;
  GDate date;

  if (iso_date == NULL)
    return g_strdup ("");
  if (!up_date_parse (iso_date, &date))
    return g_strdup (iso_date);

  /* Noon, so that no time zone's change of offset moves the day. */
  datetime = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                                    g_date_get_day (&date), 12, 0, 0);
  if (datetime == NULL)
    return g_strdup (iso_date);

  return g_date_time_format (datetime, up_date_util_shown_format ());
}

char *
up_date_util_format_spoken (int day)
{
  /* Translators: A date as a screen reader reads it, as a
   * g_date_time_format() format: "%-d %B %Y" gives "16 March 2026". */
  /* xgettext:no-c-format */
  return up_day_format (day, C_("spoken date", "%-d %B %Y"));
}

char *
up_date_util_format_spoken_range (int      start,
                                  int      end,
                                  gboolean milestone)
{
  g_autofree char *from = up_date_util_format_spoken (start);
  g_autofree char *to = NULL;

  if (milestone || start >= end)
    return g_steal_pointer (&from);

  to = up_date_util_format_spoken (end);
  /* Translators: A date range, "start – end"; the dates are formatted for
   * the locale already. */
  return g_strdup_printf (_("%1$s – %2$s"), from, to);
}
