/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>
#include <upphandla/upphandla.h>

G_BEGIN_DECLS

#define UP_TYPE_STAKEHOLDER_VIEW (up_stakeholder_view_get_type ())

G_DECLARE_FINAL_TYPE (UpStakeholderView, up_stakeholder_view, UP, STAKEHOLDER_VIEW, AdwBin)

/* The stakeholder register: list, editor and power/interest grid.
 * Signals:
 *   "error" (const GError *error): an edit was refused; the window shows it. */

GtkWidget *up_stakeholder_view_new         (void);
UpProject *up_stakeholder_view_get_project (UpStakeholderView *self);
void       up_stakeholder_view_set_project (UpStakeholderView *self,
                                            UpProject *project);
UpStakeholder *up_stakeholder_view_get_selected (UpStakeholderView *self);
GListModel    *up_stakeholder_view_get_listed   (UpStakeholderView *self);
void       up_stakeholder_view_set_selected (UpStakeholderView *self,
                                             UpStakeholder     *stakeholder);

/* Gives the focus to the selected stakeholder's row of the register, or
 * to the register when none is selected; FALSE when it cannot. */
gboolean   up_stakeholder_view_focus_selected (UpStakeholderView *self);

G_END_DECLS
