/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>
#include <upphandla/upphandla.h>

G_BEGIN_DECLS

#define UP_TYPE_STAKEHOLDER_GRID (up_stakeholder_grid_get_type ())

G_DECLARE_FINAL_TYPE (UpStakeholderGrid, up_stakeholder_grid, UP, STAKEHOLDER_GRID, GtkWidget)

/* The power/interest grid of a project's stakeholders, drawn by the core
 * (UP_CHART_GRID). Dragging a mark moves the stakeholder to another cell on
 * release, in one undo step; Alt+arrow keys move the selected one by a cell.
 * Properties: "project", "selected" (UpStakeholder).
 * Signals:
 *   "error" (const GError *error): an edit was refused. */

GtkWidget     *up_stakeholder_grid_new          (void);
UpProject     *up_stakeholder_grid_get_project  (UpStakeholderGrid *self);
void           up_stakeholder_grid_set_project  (UpStakeholderGrid *self,
                                                 UpProject         *project);
UpStakeholder *up_stakeholder_grid_get_selected (UpStakeholderGrid *self);
void           up_stakeholder_grid_set_selected (UpStakeholderGrid *self,
                                                 UpStakeholder     *stakeholder);

/* A menu of a stakeholder: see the functions. */
void           up_stakeholder_grid_set_context_menu (UpStakeholderGrid *self,
                                                     GMenuModel        *model);
GtkWidget     *up_stakeholder_grid_get_context_menu (UpStakeholderGrid *self);

/* The chart options the grid draws with, for tests and hit tests at the
 * grid's own size. */
void           up_stakeholder_grid_get_options  (UpStakeholderGrid *self,
                                                 UpChartOptions    *options);

/* The translated name of the quadrant a stakeholder with @influence and
 * @interest (1..5) belongs to: "Manage closely", "Keep satisfied",
 * "Keep informed" or "Monitor". */
const char    *up_stakeholder_grid_quadrant_label (int influence,
                                                   int interest);

/* What a screen reader reads for the stakeholder's mark. */
char          *up_stakeholder_grid_describe     (UpStakeholder     *stakeholder);

G_END_DECLS
