/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include <upphandla/upphandla.h>
#include <upphandla/up-timescale.h>

G_BEGIN_DECLS

#define UP_TYPE_TIMELINE (up_timeline_get_type ())

G_DECLARE_FINAL_TYPE (UpTimeline, up_timeline, UP, TIMELINE, GtkWidget)

/* The process timeline: one row per stage of a project on a date axis.
 * Put it in a GtkScrolledWindow (it is GtkScrollable and lays out and
 * draws only what is in view). Drags and keys edit the project through its
 * edit API, once per gesture.
 *
 * Properties: "project" (UpProject), "selected" (UpStage, nullable),
 *   "zoom" (UpZoom).
 * Signals:
 *   "activate-stage" (UpStage *stage): Enter or a double click on a stage;
 *     the window opens its editor.
 *   "delete-requested" (UpStage *stage): Delete on the selected stage; the
 *     window deletes it (with a toast to undo).
 *   "error" (const GError *error): the project refused an edit.
 * Actions (with their keys): timeline.select-previous (Up),
 *   timeline.select-next (Down), timeline.select-first (Home),
 *   timeline.select-last (End), timeline.move ("i" steps; Alt+Left/Right),
 *   timeline.move-end ("i"; Alt+Shift+Left/Right), timeline.reorder ("i";
 *   Alt+Up/Down), timeline.delete (Delete), timeline.activate (Enter),
 *   timeline.zoom-in (Ctrl+plus), timeline.zoom-out (Ctrl+minus),
 *   timeline.zoom-fit (Ctrl+0), timeline.scroll ("i"; Left/Right pans),
 *   timeline.scroll-to-today.
 */

GtkWidget *up_timeline_new              (void);

UpProject *up_timeline_get_project      (UpTimeline       *self);
void       up_timeline_set_project      (UpTimeline       *self,
                                         UpProject        *project);
UpStage   *up_timeline_get_selected     (UpTimeline       *self);
void       up_timeline_set_selected     (UpTimeline       *self,
                                         UpStage          *stage);
UpZoom     up_timeline_get_zoom         (UpTimeline       *self);
void       up_timeline_set_zoom         (UpTimeline       *self,
                                         UpZoom            zoom);

void       up_timeline_zoom_to_fit      (UpTimeline       *self);
/* Whether there is a wider view to zoom out to: the years zoom fitted to
 * the plan has its own scale beyond it. "zoom" is notified on a change. */
gboolean   up_timeline_can_zoom_out     (UpTimeline       *self);
void       up_timeline_scroll_to_stage  (UpTimeline       *self,
                                         UpStage          *stage);
void       up_timeline_scroll_to_today  (UpTimeline       *self);

/* Where the bar (or milestone) of @stage is drawn, in the timeline's
 * coordinates. FALSE when the stage is not in the project. */
gboolean   up_timeline_get_stage_area   (UpTimeline       *self,
                                         UpStage          *stage,
                                         graphene_rect_t  *area);

/* The days the timeline shows now, from its left edge to its right (GDate
 * Julian days, as up_day_from_iso() gives). */
void       up_timeline_get_visible_range (UpTimeline      *self,
                                          int             *first_day,
                                          int             *last_day);

/* What the timeline draws, one thing at a time, for its legend. */
typedef enum
{
  UP_TIMELINE_SAMPLE_PHASE,        /* a planned stage of the phase given */
  UP_TIMELINE_SAMPLE_PLANNED,
  UP_TIMELINE_SAMPLE_IN_PROGRESS,
  UP_TIMELINE_SAMPLE_DONE,
  UP_TIMELINE_SAMPLE_DECISION,     /* the diamond of an award decision */
  UP_TIMELINE_SAMPLE_TODAY,
  UP_TIMELINE_SAMPLE_NOTES,
  UP_TIMELINE_SAMPLE_GOALS,
} UpTimelineSample;

/* The size of every sample, in pixels. */
#define UP_TIMELINE_SAMPLE_WIDTH  48
#define UP_TIMELINE_SAMPLE_HEIGHT 32

/* The menu of the selected stage: a secondary click or a long press on a
 * stage's row selects it and opens @model there, Shift+F10 or the Menu
 * key under its bar. Its actions are the window's. NULL: no menu. */
void       up_timeline_set_context_menu (UpTimeline       *self,
                                         GMenuModel       *model);
/* The popover of that menu, NULL before it first opens. */
GtkWidget *up_timeline_get_context_menu (UpTimeline       *self);

/* Draws @sample (of @phase for UP_TIMELINE_SAMPLE_PHASE) from 0,0 as the
 * timeline draws it now: in its colours, light or dark, high contrast or
 * not. */
void       up_timeline_snapshot_sample  (UpTimeline       *self,
                                         GtkSnapshot      *snapshot,
                                         UpTimelineSample  sample,
                                         UpPhase           phase);

G_END_DECLS
