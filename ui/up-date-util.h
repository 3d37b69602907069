/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A date as the window shows it, in every list, row and on the timeline:
 * the way its readers write a date that no one can misread. Swedish is
 * ISO 8601 ("2026-02-02"), as Swedes read dates; English is "2 Feb 2026"
 * (a locale's %x gave 02/02/2026 in en_US, the 2nd of February there and
 * a month's 2nd elsewhere). A date typed into a field is ISO 8601 in both
 * languages, whatever this shows; exported charts take their own style
 * (up_lang_format_date()). */

/* The g_date_time_format() format of a shown date. */
const char *up_date_util_shown_format (void);
/* @iso_date (YYYY-MM-DD) as shown; a text that is no such date as it is,
 * rather than hidden; "" for NULL. */
char       *up_date_util_format       (const char *iso_date);

/* A day (as up_day_from_iso() counts them) as a screen reader reads it,
 * in full: "2 februari 2026", "2 February 2026". Whatever the window
 * shows, every accessible name says a date so, the stage list's as the
 * timeline's (the list said "2026-02-02", which is read digit by digit). */
char       *up_date_util_format_spoken       (int         day);
/* The days from @start to @end as a screen reader reads them ("2 februari
 * 2026 – 13 mars 2026"); one date for a milestone or a single day. */
char       *up_date_util_format_spoken_range (int         start,
                                              int         end,
                                              gboolean    milestone);

G_END_DECLS
