/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>
#include <upphandla/upphandla.h>

G_BEGIN_DECLS

#define UP_TYPE_AGENDA_VIEW (up_agenda_view_get_type ())

G_DECLARE_FINAL_TYPE (UpAgendaView, up_agenda_view, UP, AGENDA_VIEW, AdwBin)

/* The Agenda 2030 charts, live, and their export.
 * Signals:
 *   "error" (const GError *error): an edit or an export failed; the window
 *     shows it.
 * Properties: "project"; "exporting" (read-only, notify): a file is being
 * written. */

GtkWidget *up_agenda_view_new         (void);
UpProject *up_agenda_view_get_project (UpAgendaView *self);
void       up_agenda_view_set_project (UpAgendaView *self,
                                       UpProject *project);
/* The chart shown: wheel, bars, matrix or report. */
UpChartKind  up_agenda_view_get_chart       (UpAgendaView *self);
/* The local goal the coverage is shown for (NULL: the whole project). */
UpLocalGoal *up_agenda_view_get_local_goal  (UpAgendaView *self);
void         up_agenda_view_show_local_goal (UpAgendaView *self,
                                             UpLocalGoal  *goal);
gboolean     up_agenda_view_get_chart_bounds (UpAgendaView    *self,
                                              graphene_rect_t *bounds,
                                              UpChartOptions  *options);
void         up_agenda_view_export           (UpAgendaView    *self,
                                              UpChartKind      kind,
                                              UpExportFormat   format,
                                              UpLang           lang,
                                              GFile           *file);
gboolean     up_agenda_view_get_exporting    (UpAgendaView    *self);
/* Gives the focus to the button of the chart shown; FALSE when there is
 * none yet (the view not built). */
gboolean     up_agenda_view_focus_chart      (UpAgendaView    *self);
/* The file name an export of @kind suggests: the project's title, the
 * chart's and, limited to a goal, the goal's. */
char        *up_agenda_view_suggest_file_name (UpAgendaView   *self,
                                               UpChartKind     kind,
                                               UpExportFormat  format,
                                               UpLang          lang);

G_END_DECLS
