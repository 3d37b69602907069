/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include <upphandla/upphandla.h>

G_BEGIN_DECLS

#define UP_TYPE_STAGE_ROW (up_stage_row_get_type ())

G_DECLARE_FINAL_TYPE (UpStageRow, up_stage_row, UP, STAGE_ROW, GtkWidget)

GtkWidget *up_stage_row_new       (void);
UpStage   *up_stage_row_get_stage (UpStageRow *self);
void       up_stage_row_set_stage (UpStageRow *self,
                                   UpStage    *stage);

/* "28/11/2026 – 12/12/2026" in the dates of the locale; one date for a
 * milestone. */
char      *up_stage_format_dates  (UpStage    *stage);

G_END_DECLS
