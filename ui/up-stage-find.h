/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include <upphandla/upphandla.h>

G_BEGIN_DECLS

#define UP_TYPE_STAGE_FIND (up_stage_find_get_type ())
G_DECLARE_FINAL_TYPE (UpStageFind, up_stage_find, UP, STAGE_FIND, GtkWidget)

/* A find bar over the stages of a GtkSingleSelection: what is typed goes
 * to the first stage from the selected one whose title or kind holds
 * every word (as a notes search finds them), Return and the arrows to the
 * next and the previous; "stage-found" says which stage to select. */
GtkWidget  *up_stage_find_new                    (void);
void        up_stage_find_set_selection          (UpStageFind        *self,
                                                  GtkSingleSelection *selection);
gboolean    up_stage_find_get_search_mode        (UpStageFind        *self);
void        up_stage_find_set_search_mode        (UpStageFind        *self,
                                                  gboolean            search_mode);
/* Shows the bar with the focus in its field, its text selected. */
void        up_stage_find_start                  (UpStageFind        *self);
/* Typing in @widget (where no key is taken) starts a search. */
void        up_stage_find_set_key_capture_widget (UpStageFind        *self,
                                                  GtkWidget          *widget);

G_END_DECLS
