/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "upphandla"

#include "config.h"

#include <glib/gi18n.h>

#include "up-timeline-legend.h"

typedef struct
{
  UpTimeline       *timeline;
  UpTimelineSample  sample;
  UpPhase           phase;
} Sample;

static void
sample_free (gpointer data)
{
  Sample *sample = data;

  g_object_unref (sample->timeline);
  g_free (sample);
}

/* The timeline draws with render nodes; the sample's node is drawn into
 * the area's Cairo context as it is. */
static void
draw_sample (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        data)
{
  Sample *sample = data;
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  GskRenderNode *node;

  up_timeline_snapshot_sample (sample->timeline, snapshot, sample->sample, sample->phase);
  node = gtk_snapshot_free_to_node (snapshot);
  if (node != NULL)
    {
      gsk_render_node_draw (node, cr);
      gsk_render_node_unref (node);
    }
}

/* A line of @list: the sample beside its text. A list box, whose rows
 * take the focus one by one with the arrow keys (the popover scrolls to
 * the one with the focus) and are read by a screen reader as they come. */
static void
add_line (GtkListBox       *list,
          UpTimeline       *timeline,
          UpTimelineSample  which,
          UpPhase           phase,
          const char       *text)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  /* the label says it all; the sample is its picture */
  GtkWidget *area = g_object_new (GTK_TYPE_DRAWING_AREA,
                                  "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                  "content-width", UP_TIMELINE_SAMPLE_WIDTH,
                                  "content-height", UP_TIMELINE_SAMPLE_HEIGHT,
                                  "valign", GTK_ALIGN_CENTER,
                                  NULL);
  GtkWidget *label = gtk_label_new (text);
  GtkWidget *row = gtk_list_box_row_new ();
  Sample *sample = g_new0 (Sample, 1);

  sample->timeline = g_object_ref (timeline);
  sample->sample = which;
  sample->phase = phase;
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_sample, sample, sample_free);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 38);
  gtk_widget_set_hexpand (label, TRUE);

  gtk_box_append (GTK_BOX (box), area);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
  gtk_list_box_append (list, row);
}

/* A heading and the list of lines under it, named after the heading. */
static GtkListBox *
add_section (GtkBox     *box,
             const char *title)
{
  GtkWidget *heading = gtk_label_new (title);
  GtkWidget *list = gtk_list_box_new ();

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  if (gtk_widget_get_first_child (GTK_WIDGET (box)) != NULL)
    gtk_widget_set_margin_top (heading, 12);
  gtk_box_append (box, heading);

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "legend");
  gtk_accessible_update_relation (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_RELATION_LABELLED_BY, heading, NULL, -1);
  gtk_box_append (box, list);
  return GTK_LIST_BOX (list);
}

/* Down past the last phase goes on to the marks, Up past the first mark
 * back to the phases: the two lists read as one legend. */
static gboolean
on_phases_keynav_failed (GtkWidget        *phases,
                         GtkDirectionType  direction,
                         GtkListBox       *marks)
{
  return direction == GTK_DIR_DOWN &&
         gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_row_at_index (marks, 0)));
}

static gboolean
on_marks_keynav_failed (GtkWidget        *marks,
                        GtkDirectionType  direction,
                        GtkListBox       *phases)
{
  return direction == GTK_DIR_UP &&
         gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_row_at_index (phases, UP_N_PHASES - 1)));
}

/* The keys go into the legend as it opens, to its first line: GTK left
 * the focus in the window under the popover, where the keys then moved
 * nothing. */
static void
on_legend_map (GtkWidget  *scrolled,
               GtkListBox *first)
{
  gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_row_at_index (first, 0)));
}

GtkWidget *
up_timeline_legend_new (UpTimeline *timeline,
                        int         max_height)
{
  GtkWidget *scrolled, *box, *hint;
  GtkListBox *phases, *marks;

  g_return_val_if_fail (UP_IS_TIMELINE (timeline), NULL);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);

  /* Translators: the heading of the timeline's legend over the colours
   * of the stages, one for each phase of a procurement. */
  phases = add_section (GTK_BOX (box), _("Phases"));
  /* every phase, in the procurement's order: the colour a stage of any
   * kind will get, before it is on the timeline */
  for (UpPhase phase = 0; phase < UP_N_PHASES; phase++)
    add_line (phases, timeline, UP_TIMELINE_SAMPLE_PHASE, phase, up_phase_get_name_in (phase, UP_LANG_UI));

  /* Translators: the heading of the timeline's legend over how a
   * stage's status is drawn and what the other marks on the timeline
   * are. */
  marks = add_section (GTK_BOX (box), _("Status and Marks"));
  /* Translators: in the timeline's legend: a stage planned, its bar
   * in its phase's colour. */
  add_line (marks, timeline, UP_TIMELINE_SAMPLE_PLANNED, 0, _("Full colour: planned"));
  /* Translators: in the timeline's legend: a stage in progress, its bar
   * with a dark outline. */
  add_line (marks, timeline, UP_TIMELINE_SAMPLE_IN_PROGRESS, 0, _("Outlined: in progress"));
  /* Translators: in the timeline's legend: a stage done, its bar pale
   * with a tick at its start. */
  add_line (marks, timeline, UP_TIMELINE_SAMPLE_DONE, 0, _("Pale, with a tick: done"));
  add_line (marks, timeline, UP_TIMELINE_SAMPLE_DECISION, 0, _("Diamond: a milestone or an award decision"));
  /* Translators: in the timeline's legend: the line down the timeline
   * at today's date, with a dot on the date axis. */
  add_line (marks, timeline, UP_TIMELINE_SAMPLE_TODAY, 0, _("Line down the timeline: today"));
  /* Translators: in the timeline's legend: the speech bubble with a
   * number beside a stage's bar. */
  add_line (marks, timeline, UP_TIMELINE_SAMPLE_NOTES, 0, _("Speech bubble: how many notes are pinned to the stage"));
  /* Translators: in the timeline's legend: the small squares in the
   * goals' colours beside a stage's bar. */
  add_line (marks, timeline, UP_TIMELINE_SAMPLE_GOALS, 0,
            _("Squares in the goals’ colours: the Agenda 2030 goals the stage serves"));

  g_signal_connect (phases, "keynav-failed", G_CALLBACK (on_phases_keynav_failed), marks);
  g_signal_connect (marks, "keynav-failed", G_CALLBACK (on_marks_keynav_failed), phases);

  /* Translators: at the foot of the timeline's legend: a stage's tooltip
   * names its kind, status, dates, notes and goals. */
  hint = gtk_label_new (_("Point at a stage to read its dates, notes and goals."));
  gtk_label_set_xalign (GTK_LABEL (hint), 0);
  gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (hint), 40);
  gtk_widget_set_margin_top (hint, 12);
  gtk_widget_add_css_class (hint, "dim-label");
  gtk_box_append (GTK_BOX (box), hint);

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_propagate_natural_width (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), max_height);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), box);
  /* the lines take the focus, not the scrolled window round them */
  gtk_widget_set_focusable (scrolled, FALSE);
  g_signal_connect_after (scrolled, "map", G_CALLBACK (on_legend_map), phases);

  return scrolled;
}
