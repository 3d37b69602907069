/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "up-chart.h"

G_BEGIN_DECLS

typedef enum
{
  UP_EXPORT_PNG,
  UP_EXPORT_SVG,
  UP_EXPORT_PDF,
} UpExportFormat;

#define UP_EXPORT_ERROR (up_export_error_quark ())

typedef enum
{
  UP_EXPORT_ERROR_INVALID,   /* a bad option */
  UP_EXPORT_ERROR_FAILED,    /* Cairo could not draw or write */
  UP_EXPORT_ERROR_WRITE,     /* the output could not be written */
} UpExportError;

GQuark       up_export_error_quark      (void);

gboolean     up_export_format_parse     (const char     *name,
                                         UpExportFormat *format);
const char  *up_export_format_get_name  (UpExportFormat  format);
const char  *up_export_format_get_mime_type (UpExportFormat format);
/* The format @file's extension names (".png", ".SVG", ...), FALSE when it
 * names none. */
gboolean     up_export_format_for_file  (GFile          *file,
                                         UpExportFormat *format);

/* The PNG widths up_export_chart() accepts, in pixels. */
#define UP_EXPORT_PNG_WIDTH_MIN 16
#define UP_EXPORT_PNG_WIDTH_MAX 10000

/* The widest PNG up_export_chart() makes of @kind: less than
 * UP_EXPORT_PNG_WIDTH_MAX for a chart taller than it is wide. */
int          up_export_get_png_width_max (UpProject            *project,
                                          UpChartKind           kind,
                                          const UpChartOptions *options);

/* Whether @kind laid out for a slide (UpChartOptions.slide: the legend
 * and the key beside the chart) shows its body larger, fitted whole into
 * @box_width × @box_height pixels, than laid out as a page. FALSE for the
 * report, which is a page whatever the size. */
gboolean     up_export_slide_is_larger  (UpProject            *project,
                                         UpChartKind           kind,
                                         const UpChartOptions *options,
                                         int                   box_width,
                                         int                   box_height);

/* Draws @kind and writes it to @output. The output is replaced only once
 * the new file is complete (a temporary file beside it, then a rename); on
 * any error an existing @output is left as it was. @png_width is the PNG's
 * width in pixels (0: the chart's natural size at 2× scale); the height
 * follows the chart's aspect. PDFs carry the chart's title and the project
 * as metadata. Works without a display. */
gboolean     up_export_chart            (UpProject            *project,
                                         UpChartKind           kind,
                                         UpExportFormat        format,
                                         const UpChartOptions *options,
                                         int                   png_width,
                                         GFile                *output,
                                         GError              **error);

/* up_export_chart() of a snapshot of @project taken at the call, drawn and
 * written on a worker thread; @callback runs on this thread's main
 * context. See up-export.c. */
void         up_export_chart_async      (UpProject            *project,
                                         UpChartKind           kind,
                                         UpExportFormat        format,
                                         const UpChartOptions *options,
                                         int                   png_width,
                                         GFile                *output,
                                         GCancellable         *cancellable,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data);
gboolean     up_export_chart_finish     (UpProject            *project,
                                         GAsyncResult         *result,
                                         GError              **error);

/* The notes as a table for a spreadsheet, CSV as RFC 4180 has it
 * (UTF-8 with a byte order mark, lines ending in CR LF): a line of the
 * columns' names in @lang, then one for each note of @notes (UpNote), in
 * its order: the day it was said, kind, visibility, stage, stakeholders
 * (name and organisation), the text, when it was added and when last
 * changed (local time). A field a spreadsheet would read as a formula
 * ("=…", "+…", "@…", "-1…") begins with a quote. @notes NULL: every note
 * of @project, newest first as the Notes view lists them. @separator is
 * ',' (RFC 4180) or ';' (what Excel reads where the decimal sign is a
 * comma, as with Swedish settings). */
GBytes      *up_export_notes_csv        (UpProject            *project,
                                         GListModel           *notes,
                                         UpLang                lang,
                                         char                  separator);
/* The separator a spreadsheet of this desktop expects: ';' where the
 * locale's decimal sign is a comma (sv_SE, de_DE), else ','. */
char         up_export_notes_default_separator (void);
/* up_export_notes_csv() written to @output as up_export_chart() writes a
 * chart: whole or not at all. */
gboolean     up_export_notes            (UpProject            *project,
                                         GListModel           *notes,
                                         UpLang                lang,
                                         char                  separator,
                                         GFile                *output,
                                         GError              **error);
/* The same, the table made at the call and written on a worker thread;
 * @callback runs in the thread-default main context of this call. */
void         up_export_notes_async      (UpProject            *project,
                                         GListModel           *notes,
                                         UpLang                lang,
                                         char                  separator,
                                         GFile                *output,
                                         GCancellable         *cancellable,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data);
gboolean     up_export_notes_finish     (GAsyncResult         *result,
                                         GError              **error);

/* The stakeholder register as such a table: a line of the columns' names
 * in @lang (the ones up_import_stakeholders() reads), then one for each
 * stakeholder of @people (UpStakeholder), in its order: name,
 * organisation, category, influence, interest, stance and contact.
 * @people NULL: the whole register. */
GBytes      *up_export_stakeholders_csv (UpProject            *project,
                                         GListModel           *people,
                                         UpLang                lang,
                                         char                  separator);
gboolean     up_export_stakeholders     (UpProject            *project,
                                         GListModel           *people,
                                         UpLang                lang,
                                         char                  separator,
                                         GFile                *output,
                                         GError              **error);
void         up_export_stakeholders_async (UpProject          *project,
                                         GListModel           *people,
                                         UpLang                lang,
                                         char                  separator,
                                         GFile                *output,
                                         GCancellable         *cancellable,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data);
gboolean     up_export_stakeholders_finish (GAsyncResult      *result,
                                         GError              **error);

/* The stages as a calendar (iCalendar, RFC 5545, lines ending in CR LF)
 * for the calendars of the project group: one event of whole days for
 * each stage whose dates can be read, in the stages' order, from its first
 * day to its last, shown as free time; titled with the stage's and the
 * project's titles, described by its kind, status, the Agenda 2030
 * targets it serves and its description, in @lang. The calendar is named
 * after the project. An event's UID is the same in every export of the
 * project, so that a calendar given it again updates its events. @now is
 * the time the file says it was made (NULL: now); @n_events, if not NULL,
 * is set to the number of events. */
GBytes      *up_export_calendar_ics     (UpProject            *project,
                                         UpLang                lang,
                                         GDateTime            *now,
                                         guint                *n_events);
/* up_export_calendar_ics() written to @output whole or not at all. */
gboolean     up_export_calendar         (UpProject            *project,
                                         UpLang                lang,
                                         GFile                *output,
                                         guint                *n_events,
                                         GError              **error);
/* Writes @bytes (a table or a calendar made on this thread) to @output
 * whole or not at all, on a worker thread; @callback runs in the
 * thread-default main context of this call. */
void         up_export_bytes_async      (GBytes               *bytes,
                                         GFile                *output,
                                         GCancellable         *cancellable,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data);
gboolean     up_export_bytes_finish     (GAsyncResult         *result,
                                         GError              **error);

G_END_DECLS
