/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>
#include <upphandla/upphandla.h>

G_BEGIN_DECLS

#define UP_TYPE_LOCAL_GOALS_VIEW (up_local_goals_view_get_type ())

G_DECLARE_FINAL_TYPE (UpLocalGoalsView, up_local_goals_view, UP, LOCAL_GOALS_VIEW, AdwBin)

/* Regional and local goals, their SDG targets and stages.
 * Signals:
 *   "error" (const GError *error): an edit was refused; the window shows it. */

GtkWidget *up_local_goals_view_new         (void);
UpProject *up_local_goals_view_get_project (UpLocalGoalsView *self);
void       up_local_goals_view_set_project (UpLocalGoalsView *self,
                                            UpProject *project);
UpLocalGoal *up_local_goals_view_get_selected   (UpLocalGoalsView *self);
gboolean     up_local_goals_view_focus_selected (UpLocalGoalsView *self);

G_END_DECLS
