/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The main window at narrow widths and with large text, on the demo
 * project, under Xvfb, once in English and once in Swedish (see
 * meson.build): a half-screen window of 640 px at the normal text size and
 * one of 800 px with GNOME's large text (a text scale of 1.5) show every
 * view whole. The stage details, too wide to sit beside the timeline
 * there, lie over it when asked for. Screenshots of each view land in this
 * folder as narrow-*.png for review. */

#include "config.h"

#include <glib/gi18n.h>

#include "up-agenda-view.h"
#include "up-application.h"
#include "up-chart.h"
#include "up-demo.h"
#include "up-entry-row.h"
#include "up-stage-editor.h"
#include "up-stakeholder-view-private.h"
#include "up-timeline.h"
#include "up-window.h"
#include "ui-test-util.h"
#include "test-common.h"

typedef WindowFixture Fixture;

/* A window width to reach, at a text scale. */
typedef struct
{
  const char *name;
  double      text_scale;
  int         width;
} Size;

static const Size sizes[] = {
  { "640", 1.0, 640 },
  { "800-large-text", 1.5, 800 },
};

static const char *views[] = { "timeline", "stakeholders", "notes", "agenda", "local-goals" };

/* GNOME's "Large Text" sets the font DPI through XSETTINGS; the same
 * setting in process (GDK_DPI_SCALE is gone in GTK 4). */
static void
set_text_scale (double scale)
{
  g_object_set (gtk_settings_get_default (), "gtk-xft-dpi", (int) (scale * 96 * 1024), NULL);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  const Size *size = user_data;

  set_text_scale (size != NULL ? size->text_scale : 1.0);
  window_fixture_set_up (fixture, 1600, 1000);
  show_window (fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  window_fixture_tear_down (fixture);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  set_text_scale (1.0);
}

/* No widget reaches past @right (the right edge of the window's content),
 * where it would be cut off; what is inside a scrolled window may, it
 * scrolls. */
static void
assert_within_edge (GtkWidget *widget,
                    GtkWidget *window,
                    double     right)
{
  graphene_rect_t bounds;

  /* A popover is a surface of its own, not cut by the window. */
  if (!gtk_widget_get_mapped (widget) || GTK_IS_NATIVE (widget))
    return;

  g_assert_true (gtk_widget_compute_bounds (widget, window, &bounds));
  /* The style lets a header bar bleed 1 px over both sides. */
  if (bounds.origin.x + bounds.size.width > right + MAX (0, -bounds.origin.x) + 0.5)
    g_error ("%s %s%s%s reaches %.0f px in a window %.0f px wide",
             G_OBJECT_TYPE_NAME (widget),
             GTK_IS_LABEL (widget) ? "“" : "",
             GTK_IS_LABEL (widget) ? gtk_label_get_label (GTK_LABEL (widget)) : "",
             GTK_IS_LABEL (widget) ? "”" : "",
             bounds.origin.x + bounds.size.width, right);

  if (GTK_IS_SCROLLED_WINDOW (widget))
    return;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    assert_within_edge (child, window, right);
}

/* The widgets of @window within its width. (The window itself is a
 * native, which the walk skips: it began there and so checked nothing.) */
static void
assert_within (GtkWidget *window)
{
  GtkWidget *content = gtk_window_get_child (GTK_WINDOW (window));
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (content, window, &bounds));
  g_assert_cmpfloat (bounds.size.width, ==, gtk_widget_get_width (window));
  for (GtkWidget *child = gtk_widget_get_first_child (window); child; child = gtk_widget_get_next_sibling (child))
    assert_within_edge (child, window, bounds.origin.x + bounds.size.width);
}

/* No button or drop-down shows its text cut short: no label in one is
 * ellipsized. (A drop-down's choice may be a long stage title; the views
 * show their first, short choices here.) */
static void
assert_buttons_whole (GtkWidget *widget,
                      gboolean   in_button)
{
  if (!gtk_widget_get_mapped (widget) || (GTK_IS_NATIVE (widget) && !GTK_IS_WINDOW (widget)))
    return;

  in_button = in_button || GTK_IS_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget) || GTK_IS_DROP_DOWN (widget);
  if (in_button && GTK_IS_LABEL (widget) && pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (widget))))
    g_error ("“%s” is cut to %d px", gtk_label_get_text (GTK_LABEL (widget)), gtk_widget_get_width (widget));

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    assert_buttons_whole (child, in_button);
}

/* Every label in a button of @widget's tree keeps clear of the button's
 * sides, so that it does not run into the next: at a text scale of 1.5 the
 * view switcher bar's "Anteckningar" filled its button edge to edge and
 * ran together with "Agenda 2030". */
static void
assert_labels_inside_buttons (GtkWidget *widget,
                              GtkWidget *button)
{
  if (!gtk_widget_get_mapped (widget) || (GTK_IS_NATIVE (widget) && !GTK_IS_WINDOW (widget)))
    return;

  if (GTK_IS_BUTTON (widget))
    button = widget;
  if (button != NULL && GTK_IS_LABEL (widget))
    {
      graphene_rect_t bounds;
      graphene_rect_t box;

      /* Both in the button's coordinates, whose origin is inside its
       * padding: the button's own bounds are its border box. */
      g_assert_true (gtk_widget_compute_bounds (widget, button, &bounds));
      g_assert_true (gtk_widget_compute_bounds (button, button, &box));
      if (bounds.origin.x < box.origin.x + 2 ||
          bounds.origin.x + bounds.size.width > box.origin.x + box.size.width - 2)
        g_error ("“%s” runs from %.0f to %.0f px in a button from %.0f to %.0f px",
                 gtk_label_get_text (GTK_LABEL (widget)), bounds.origin.x, bounds.origin.x + bounds.size.width,
                 box.origin.x, box.origin.x + box.size.width);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    assert_labels_inside_buttons (child, button);
}

/* Each view fits the width: the window asks for no more, gets as narrow
 * as that, and shows all of the view inside it. The timeline needed
 * 782 px before (stage list, timeline and details side by side), and with
 * large text the Agenda 2030 view 842 px, the stakeholders 889 px in
 * Swedish. */
static void
test_fits (Fixture       *fixture,
           gconstpointer  user_data)
{
  const Size *size = user_data;
  GtkWidget *window = GTK_WIDGET (fixture->window);
  AdwStyleManager *style = adw_style_manager_get_default ();

  /* Every view once at full size first: the window's smallest width is
   * that of its widest view, and the views are built when first shown. */
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    show_view (fixture, views[i]);

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      int minimum;

      show_view (fixture, views[i]);
      gtk_widget_measure (window, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
      g_test_message ("%s at text scale %.2f: at least %d px", views[i], size->text_scale, minimum);
      g_assert_cmpint (minimum, <=, size->width);
    }

  resize_window (fixture, size->width, 600);
  g_assert_cmpint (gtk_widget_get_width (window), <=, size->width);
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      show_view (fixture, views[i]);
      assert_within (window);
      assert_buttons_whole (window, FALSE);
      assert_labels_inside_buttons (window, NULL);
      for (guint dark = 0; dark < 2; dark++)
        {
          g_autofree char *name = g_strdup_printf ("narrow-%s-%s-%s-%s.png", size->name, test_language (),
                                                   dark ? "dark" : "light", views[i]);

          adw_style_manager_set_color_scheme (style, dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                                          : ADW_COLOR_SCHEME_FORCE_LIGHT);
          wait_for_frames (window);
          save_screenshot (window, name);
        }
    }
}

static gboolean
details_shown (Fixture *fixture)
{
  return adw_flap_get_reveal_flap (template_child (fixture->window, UP_TYPE_WINDOW, "details_flap"));
}

static gboolean
details_folded (Fixture *fixture)
{
  return adw_flap_get_folded (template_child (fixture->window, UP_TYPE_WINDOW, "details_flap"));
}

static gboolean
is_slid_in (gpointer flap)
{
  return adw_flap_get_reveal_progress (flap) >= 1.0;
}

static gboolean
is_within (GtkWidget *widget,
           GtkWidget *ancestor)
{
  return widget != NULL && (widget == ancestor || gtk_widget_is_ancestor (widget, ancestor));
}

/* The register shows the stance, influence and interest of every
 * stakeholder whole, none behind a horizontal scroll. */
static void
assert_register_fits (UpStakeholderView *view)
{
  GtkWidget *scrolled = gtk_widget_get_parent (GTK_WIDGET (view->column_view));
  GtkAdjustment *adjustment = gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (scrolled));
  static const UpStakeholderColumn kept[] = {
    UP_STAKEHOLDER_COLUMN_NAME, UP_STAKEHOLDER_COLUMN_INFLUENCE,
    UP_STAKEHOLDER_COLUMN_INTEREST, UP_STAKEHOLDER_COLUMN_STANCE,
  };

  for (guint i = 0; i < G_N_ELEMENTS (kept); i++)
    g_assert_true (gtk_column_view_column_get_visible (view->columns[kept[i]]));
  g_test_message ("register %.0f px, its columns %.0f px",
                  gtk_adjustment_get_page_size (adjustment), gtk_adjustment_get_upper (adjustment));
  g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment), <=, gtk_adjustment_get_page_size (adjustment) + 0.5);
}

/* At 640 px the stakeholder register beside the editor (320 px) had half
 * the window, and showed the interest cut in two and the stance not at
 * all: there the editor goes below the register, and is shown once a
 * stakeholder is chosen. */
static void
test_stakeholders_register (Fixture       *fixture,
                            gconstpointer  user_data)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);
  UpStakeholderView *view = template_child (fixture->window, UP_TYPE_WINDOW, "stakeholder_view");
  g_autoptr(UpStakeholder) stakeholder = g_list_model_get_item (up_project_get_stakeholders (fixture->project), 0);
  g_autofree char *name = g_strdup_printf ("narrow-640-%s-stakeholder-chosen.png", test_language ());
  graphene_rect_t register_bounds, editor_bounds;

  show_view (fixture, "stakeholders");
  resize_window (fixture, 640, 480);
  for (guint i = 0; i < 4; i++)
    wait_for_frames (window);
  assert_register_fits (view);
  /* No "no stakeholder selected" taking half the room. */
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (view->editor_stack)));

  up_stakeholder_view_set_selected (view, stakeholder);
  for (guint i = 0; i < 4; i++)
    wait_for_frames (window);
  assert_register_fits (view);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (view->editor_stack)));
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (view->editor_stack)), >=, 120);
  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (view->column_view), window, &register_bounds));
  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (view->editor_stack), window, &editor_bounds));
  g_assert_cmpfloat (editor_bounds.origin.x + editor_bounds.size.width, <=, gtk_widget_get_width (window));
  save_screenshot (window, name);

  /* Wide again, beside it as before. */
  resize_window (fixture, 1600, 1000);
  for (guint i = 0; i < 4; i++)
    wait_for_frames (window);
  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (view->column_view), window, &register_bounds));
  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (view->editor_stack), window, &editor_bounds));
  g_assert_cmpfloat (register_bounds.origin.x + register_bounds.size.width, <=, editor_bounds.origin.x);
  assert_register_fits (view);
}

/* The scale the Agenda 2030 view draws its chart at: its size on screen
 * over its natural size. */
static double
chart_scale (Fixture *fixture)
{
  UpAgendaView *agenda = UP_AGENDA_VIEW (find_descendant (GTK_WIDGET (fixture->window), UP_TYPE_AGENDA_VIEW));
  UpChartOptions options;
  graphene_rect_t box;
  double width = 0, height = 0;

  g_assert_true (up_agenda_view_get_chart_bounds (agenda, &box, &options));
  up_chart_get_size (UP_CHART_WHEEL, fixture->project, &options, &width, &height);
  g_assert_cmpfloat (width, >, 0);
  g_test_message ("chart %.0f × %.0f px, natural %.0f × %.0f", box.size.width, box.size.height, width, height);

  return box.size.width / width;
}

/* In a window of 640 px the wheel was shrunk to half its natural size,
 * its legend and numbers 5 px high: it keeps 70 % of it, and the
 * view scrolls; a wide window draws it larger, as before. */
static void
test_agenda_chart_readable (Fixture       *fixture,
                            gconstpointer  user_data)
{
  show_view (fixture, "agenda");
  g_assert_cmpfloat (chart_scale (fixture), >, 1.0);

  resize_window (fixture, 640, 480);
  for (guint i = 0; i < 4; i++)
    wait_for_frames (GTK_WIDGET (fixture->window));
  g_assert_cmpfloat (chart_scale (fixture), >=, 0.7 - 0.01);
}

/* The wide window is as it was: stage list, timeline and the details
 * beside it, 360 px wide at the right edge. */
static void
test_wide (Fixture       *fixture,
           gconstpointer  user_data)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);
  GtkWidget *editor = template_child (fixture->window, UP_TYPE_WINDOW, "editor");
  GtkWidget *scroller = gtk_widget_get_ancestor (template_child (fixture->window, UP_TYPE_WINDOW, "timeline"),
                                                 GTK_TYPE_SCROLLED_WINDOW);
  g_autofree char *name = g_strdup_printf ("narrow-wide-%s.png", test_language ());
  graphene_rect_t editor_bounds, timeline_bounds;

  g_assert_false (details_folded (fixture));
  g_assert_true (details_shown (fixture));
  g_assert_true (gtk_widget_compute_bounds (editor, window, &editor_bounds));
  g_assert_true (gtk_widget_compute_bounds (scroller, window, &timeline_bounds));
  g_assert_cmpint (gtk_widget_get_width (editor), ==, 360);
  g_assert_cmpfloat (editor_bounds.origin.x + editor_bounds.size.width, ==, gtk_widget_get_width (window));
  g_assert_cmpfloat (timeline_bounds.origin.x + timeline_bounds.size.width, <=, editor_bounds.origin.x);
  g_assert_cmpint (gtk_widget_get_width (scroller), >, 800);
  save_screenshot (window, name);
}

/* At 640 px the details fold: hidden at first, so that the timeline has
 * the width; the details button (F9) lays them over the timeline, Enter
 * on a stage too, with the stage's title to type in; and wide again, they
 * are beside it, as they were. */
static void
test_fold (Fixture       *fixture,
           gconstpointer  user_data)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);
  UpStageEditor *editor = template_child (fixture->window, UP_TYPE_WINDOW, "editor");
  UpTimeline *timeline = template_child (fixture->window, UP_TYPE_WINDOW, "timeline");
  GtkWidget *scroller = gtk_widget_get_ancestor (template_child (fixture->window, UP_TYPE_WINDOW, "timeline"),
                                                 GTK_TYPE_SCROLLED_WINDOW);
  GtkToggleButton *button = template_child (fixture->window, UP_TYPE_WINDOW, "details_button");
  g_autoptr(UpStage) stage = g_list_model_get_item (up_project_get_stages (fixture->project), 3);
  g_autofree char *name = g_strdup_printf ("narrow-fold-%s-details.png", test_language ());
  GtkWidget *list_pane = gtk_paned_get_start_child (template_child (fixture->window, UP_TYPE_WINDOW, "stage_paned"));
  graphene_rect_t bounds, list_bounds;
  int scroller_width;

  g_assert_true (details_shown (fixture));
  resize_window (fixture, 640, 600);
  g_assert_true (details_folded (fixture));
  g_assert_false (details_shown (fixture));
  g_assert_false (gtk_toggle_button_get_active (button));
  /* gone, once it has slid out */
  wait_until (is_unmapped, editor);
  scroller_width = gtk_widget_get_width (scroller);
  g_assert_cmpint (scroller_width, >=, 220);

  /* F9, or the button: over the timeline, inside the window */
  g_assert_true (gtk_widget_activate_action (window, "win.toggle-details", NULL));
  g_assert_true (details_shown (fixture));
  wait_until (is_slid_in, template_child (fixture->window, UP_TYPE_WINDOW, "details_flap"));
  for (guint i = 0; i < 2; i++)
    wait_for_frames (window);
  g_assert_true (gtk_toggle_button_get_active (button));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (editor)));
  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (editor), window, &bounds));
  g_assert_cmpfloat (bounds.origin.x, >=, 0);
  g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, gtk_widget_get_width (window));
  /* over the timeline alone: the stage list gives way, whole beside them
   * (they had covered its right at 640 px) */
  g_assert_true (gtk_widget_compute_bounds (list_pane, window, &list_bounds));
  g_test_message ("stage list to %.0f px, details from %.0f px",
                  list_bounds.origin.x + list_bounds.size.width, bounds.origin.x);
  g_assert_cmpfloat (list_bounds.origin.x + list_bounds.size.width, <=, bounds.origin.x);
  g_assert_cmpint (gtk_widget_get_width (list_pane), >=, 200);
  g_assert_cmpint (gtk_widget_get_width (scroller), >=, gtk_widget_get_width (GTK_WIDGET (editor)));
  save_screenshot (window, name);

  /* hidden again, the list has its width back */
  g_assert_true (gtk_widget_activate_action (window, "win.toggle-details", NULL));
  for (guint i = 0; i < 2; i++)
    wait_for_frames (window);
  g_assert_cmpint (gtk_widget_get_width (scroller), ==, scroller_width);
  g_assert_true (gtk_widget_activate_action (window, "win.toggle-details", NULL));
  for (guint i = 0; i < 2; i++)
    wait_for_frames (window);

  g_assert_true (gtk_widget_activate_action (window, "win.toggle-details", NULL));
  g_assert_false (details_shown (fixture));

  /* a stage chosen on the timeline is the one in the details */
  up_timeline_set_selected (timeline, stage);
  g_assert_true (up_stage_editor_get_stage (editor) == stage);
  g_signal_emit_by_name (timeline, "activate-stage", stage);
  g_assert_true (details_shown (fixture));
  for (guint i = 0; i < 4; i++)
    wait_for_frames (window);
  g_assert_true (up_stage_editor_get_stage (editor) == stage);
  g_assert_true (is_within (gtk_root_get_focus (GTK_ROOT (window)), GTK_WIDGET (editor)));

  /* hidden while narrow, shown while wide: wide, they are shown */
  g_assert_true (gtk_widget_activate_action (window, "win.toggle-details", NULL));
  resize_window (fixture, 1600, 1000);
  g_assert_false (details_folded (fixture));
  g_assert_true (details_shown (fixture));

  /* hidden while wide: they stay hidden through a narrow spell */
  g_assert_true (gtk_widget_activate_action (window, "win.toggle-details", NULL));
  resize_window (fixture, 640, 600);
  resize_window (fixture, 1600, 1000);
  g_assert_false (details_shown (fixture));
}

/* A projector's 1,024 px and a laptop's 1,280 px: the details beside the
 * timeline left it 330 px at 1,024 (the stage list 320, the details 360).
 * Where the timeline would get less than half of such a window, the
 * details fold and lie over it when asked for (F9), as at 640 px; at
 * 1,280 px they stay beside a timeline of more than 480 px. */
static void
test_laptop_widths (Fixture       *fixture,
                    gconstpointer  user_data)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);
  GtkWidget *editor = template_child (fixture->window, UP_TYPE_WINDOW, "editor");
  GtkWidget *scroller = template_child (fixture->window, UP_TYPE_WINDOW, "timeline_scroller");
  GtkWidget *list_pane = gtk_paned_get_start_child (template_child (fixture->window, UP_TYPE_WINDOW, "stage_paned"));
  g_autofree char *name_1024 = g_strdup_printf ("narrow-1024-%s-timeline.png", test_language ());
  g_autofree char *name_1280 = g_strdup_printf ("narrow-1280-%s-timeline.png", test_language ());
  graphene_rect_t bounds;

  /* shown in the wide window (an earlier test may have hidden them, and
   * the window remembers that) */
  if (!details_shown (fixture))
    g_assert_true (gtk_widget_activate_action (window, "win.toggle-details", NULL));
  g_assert_true (details_shown (fixture));

  resize_window (fixture, 1024, 768);
  g_test_message ("1024 px: timeline %d px, stage list %d px, details %s", gtk_widget_get_width (scroller),
                  gtk_widget_get_width (list_pane), details_folded (fixture) ? "folded" : "beside");
  save_screenshot (window, name_1024);
  g_assert_true (details_folded (fixture));
  g_assert_false (details_shown (fixture));
  g_assert_cmpint (gtk_widget_get_width (scroller), >=, 1024 / 2);
  g_assert_cmpint (gtk_widget_get_width (list_pane), >=, 200);

  /* F9 lays them over the timeline, inside the window */
  g_assert_true (gtk_widget_activate_action (window, "win.toggle-details", NULL));
  wait_until (is_slid_in, template_child (fixture->window, UP_TYPE_WINDOW, "details_flap"));
  for (guint i = 0; i < 2; i++)
    wait_for_frames (window);
  g_assert_true (gtk_widget_get_mapped (editor));
  g_assert_true (gtk_widget_compute_bounds (editor, window, &bounds));
  g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, gtk_widget_get_width (window));
  g_assert_true (gtk_widget_activate_action (window, "win.toggle-details", NULL));

  /* a laptop: beside, as in a wide window, the timeline still the wider */
  resize_window (fixture, 1280, 720);
  g_test_message ("1280 px: timeline %d px, stage list %d px, details %s", gtk_widget_get_width (scroller),
                  gtk_widget_get_width (list_pane), details_folded (fixture) ? "folded" : "beside");
  save_screenshot (window, name_1280);
  g_assert_false (details_folded (fixture));
  g_assert_true (details_shown (fixture));
  g_assert_cmpint (gtk_widget_get_width (editor), >=, 360);
  g_assert_cmpint (gtk_widget_get_width (scroller), >=, 480);
  g_assert_cmpint (gtk_widget_get_width (list_pane), >=, 200);

  /* around the fold, and the app's first window (1,200 px) and a laptop's
   * 1,366: beside a timeline of 480 px at the least, or folded */
  for (guint i = 0; i < 4; i++)
    {
      static const int widths[] = { 1100, 1160, 1200, 1366 };

      resize_window (fixture, widths[i], 720);
      g_test_message ("%d px: timeline %d px, stage list %d px, details %s", widths[i],
                      gtk_widget_get_width (scroller), gtk_widget_get_width (list_pane),
                      details_folded (fixture) ? "folded" : "beside");
      if (widths[i] >= 1200)
        g_assert_false (details_folded (fixture));
      if (!details_folded (fixture))
        g_assert_cmpint (gtk_widget_get_width (scroller), >=, 480);
      else
        g_assert_cmpint (gtk_widget_get_width (scroller), >=, widths[i] / 2);
    }
}

/* No stance in @widget's tree is cut short. */
static void
assert_stances_whole (GtkWidget *widget)
{
  if (!gtk_widget_get_mapped (widget))
    return;

  if (GTK_IS_LABEL (widget) && pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (widget))))
    for (guint i = 0; up_stakeholder_stances[i] != NULL; i++)
      if (g_str_equal (gtk_label_get_text (GTK_LABEL (widget)),
                       up_enum_label (up_stakeholder_stances, up_stakeholder_stances[i])))
        g_error ("The stance “%s” is cut to %d px", gtk_label_get_text (GTK_LABEL (widget)),
                 gtk_widget_get_width (widget));

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    assert_stances_whole (child);
}

/* No name of a stakeholder in @widget's tree is cut short. */
static void
assert_names_whole (GtkWidget *widget,
                    UpProject *project)
{
  GListModel *stakeholders = up_project_get_stakeholders (project);

  if (!gtk_widget_get_mapped (widget))
    return;

  if (GTK_IS_LABEL (widget) && pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (widget))))
    for (guint i = 0; i < g_list_model_get_n_items (stakeholders); i++)
      {
        g_autoptr(UpStakeholder) stakeholder = g_list_model_get_item (stakeholders, i);

        if (g_str_equal (gtk_label_get_text (GTK_LABEL (widget)), up_stakeholder_get_name (stakeholder)))
          g_error ("The name “%s” is cut to %d px", gtk_label_get_text (GTK_LABEL (widget)),
                   gtk_widget_get_width (widget));
      }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    assert_names_whole (child, project);
}

/* A laptop's 1,280 × 720 and 1,366 × 768: the register beside the editor
 * and the power/interest grid had 338 and 382 px for 448 px of columns,
 * the stance cut ("Supporte") and names, let shrink, cut to two letters.
 * There the grid goes behind its toggle, and the register shows every
 * column whole beside the editor; at 1,600 px all three stay side by
 * side, as before. */
static void
test_stakeholders_laptop (Fixture       *fixture,
                          gconstpointer  user_data)
{
  static const int widths[][2] = { { 1280, 720 }, { 1366, 768 }, { 1600, 1000 } };
  GtkWidget *window = GTK_WIDGET (fixture->window);
  UpStakeholderView *view = template_child (fixture->window, UP_TYPE_WINDOW, "stakeholder_view");
  g_autoptr(UpStakeholder) stakeholder = g_list_model_get_item (up_project_get_stakeholders (fixture->project), 0);

  show_view (fixture, "stakeholders");
  up_stakeholder_view_set_selected (view, stakeholder);
  for (guint i = 0; i < G_N_ELEMENTS (widths); i++)
    {
      g_autofree char *name = g_strdup_printf ("narrow-%d-%s-stakeholders.png", widths[i][0], test_language ());
      graphene_rect_t register_bounds, editor_bounds;

      resize_window (fixture, widths[i][0], widths[i][1]);
      for (guint frames = 0; frames < 4; frames++)
        wait_for_frames (window);
      save_screenshot (window, name);
      g_test_message ("%d px: register %d px, name column %d px, grid %s", widths[i][0],
                      gtk_widget_get_width (gtk_widget_get_parent (GTK_WIDGET (view->column_view))),
                      gtk_column_view_column_get_fixed_width (view->columns[UP_STAKEHOLDER_COLUMN_NAME]),
                      adw_leaflet_get_folded (view->leaflet) ? "behind its toggle" : "beside");

      /* name, influence, interest and stance shown, none cut or behind a
       * horizontal scroll; beside the editor alone, every column */
      assert_register_fits (view);
      if (adw_leaflet_get_folded (view->leaflet))
        for (guint column = 0; column < UP_STAKEHOLDER_N_COLUMNS; column++)
          g_assert_true (gtk_column_view_column_get_visible (view->columns[column]));
      assert_stances_whole (GTK_WIDGET (view->column_view));

      /* the editor beside the register, whole */
      g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (view->editor_stack)));
      g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (view->column_view), window, &register_bounds));
      g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (view->editor_stack), window, &editor_bounds));
      g_assert_cmpfloat (register_bounds.origin.x + register_bounds.size.width, <=, editor_bounds.origin.x);
      g_assert_cmpfloat (editor_bounds.origin.x + editor_bounds.size.width, <=, gtk_widget_get_width (window));

      /* the grid beside them where there is room, else behind its toggle */
      if (widths[i][0] >= 1600)
        g_assert_false (adw_leaflet_get_folded (view->leaflet));
      if (adw_leaflet_get_folded (view->leaflet))
        g_assert_true (gtk_widget_get_visible (GTK_WIDGET (view->grid_button)));
      else
        g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (view->grid)));
    }
}

/* The label at or below @widget that shows @text, mapped; NULL when there
 * is none. */
static GtkLabel *
find_shown_label (GtkWidget  *widget,
                  const char *text)
{
  if (!gtk_widget_get_mapped (widget))
    return NULL;
  if (GTK_IS_LABEL (widget) && g_str_equal (gtk_label_get_text (GTK_LABEL (widget)), text))
    return GTK_LABEL (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *label = find_shown_label (child, text);

      if (label != NULL)
        return label;
    }
  return NULL;
}

/* A projector's 1,024 px, the details over the timeline: a stage's long
 * title (a Swedish compound word among them) was cut under the title
 * row's pencil, with no sign that there was more. It ends in "…" inside
 * the row, the whole title in the row's tooltip; typed into, the row
 * shows the text itself, to edit. */
static void
test_long_title (Fixture       *fixture,
                 gconstpointer  user_data)
{
  static const char *long_title = "Innovationsupphandling av trygghetslarmsövervakningstjänster "
                                  "för hemtjänstens nattpatrull i två kommundelar";
  GtkWidget *window = GTK_WIDGET (fixture->window);
  UpStageEditor *editor = template_child (fixture->window, UP_TYPE_WINDOW, "editor");
  UpTimeline *timeline = template_child (fixture->window, UP_TYPE_WINDOW, "timeline");
  g_autoptr(UpStage) stage = g_list_model_get_item (up_project_get_stages (fixture->project), 5);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("narrow-1024-%s-long-title.png", test_language ());
  g_autoptr(GObject) tooltip = NULL;
  g_autofree char *whole = NULL;
  GString *very_long = g_string_new (NULL);
  GtkWidget *row;
  GtkWidget *entry;
  GtkLabel *label;
  graphene_rect_t label_bounds, entry_bounds;
  gboolean shown = FALSE;

  g_assert_true (up_project_set_string (fixture->project, stage, "title", long_title, &error));
  g_assert_no_error (error);
  resize_window (fixture, 1024, 768);
  g_assert_true (details_folded (fixture));
  up_timeline_set_selected (timeline, stage);
  if (!details_shown (fixture))
    g_assert_true (gtk_widget_activate_action (window, "win.toggle-details", NULL));
  wait_until (is_slid_in, template_child (fixture->window, UP_TYPE_WINDOW, "details_flap"));
  /* the focus away from the title, as after a click on the timeline */
  gtk_widget_grab_focus (GTK_WIDGET (timeline));
  for (guint i = 0; i < 3; i++)
    wait_for_frames (window);
  save_screenshot (window, name);

  row = template_child (editor, UP_TYPE_STAGE_EDITOR, "title_row");
  entry = GTK_WIDGET (up_entry_row_get_entry (UP_ENTRY_ROW (row)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, long_title);

  /* shown cut, with "…", inside the text's own room (not under the pencil) */
  label = find_shown_label (row, long_title);
  g_assert_nonnull (label);
  g_assert_cmpfloat (gtk_widget_get_opacity (GTK_WIDGET (label)), ==, 1.0);
  g_assert_true (pango_layout_is_ellipsized (gtk_label_get_layout (label)));
  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (label), window, &label_bounds));
  g_assert_true (gtk_widget_compute_bounds (entry, window, &entry_bounds));
  g_test_message ("title shown %.0f–%.0f px, its field %.0f–%.0f px", label_bounds.origin.x,
                  label_bounds.origin.x + label_bounds.size.width, entry_bounds.origin.x,
                  entry_bounds.origin.x + entry_bounds.size.width);
  g_assert_cmpfloat (label_bounds.origin.x, >=, entry_bounds.origin.x);
  g_assert_cmpfloat (label_bounds.origin.x + label_bounds.size.width, <=,
                     entry_bounds.origin.x + entry_bounds.size.width);
  /* the entry's own text, cut without a sign, not drawn over it */
  g_assert_cmpfloat (gtk_widget_get_opacity (entry), ==, 0.0);

  /* the whole title in the tooltip */
  g_assert_true (gtk_widget_get_has_tooltip (row));
  tooltip = g_object_new (GTK_TYPE_TOOLTIP, NULL);
  g_signal_emit_by_name (row, "query-tooltip", 10, 10, FALSE, tooltip, &shown);
  g_assert_true (shown);
  whole = up_entry_row_dup_tooltip (UP_ENTRY_ROW (row));
  g_assert_cmpstr (whole, ==, long_title);

  /* typed into: the text itself, the cut one gone, no tooltip */
  gtk_widget_grab_focus (row);
  wait_for_frames (window);
  g_assert_cmpfloat (gtk_widget_get_opacity (entry), ==, 1.0);
  g_assert_false (gtk_widget_get_child_visible (GTK_WIDGET (label)) && gtk_widget_get_visible (GTK_WIDGET (label)));
  shown = TRUE;
  g_signal_emit_by_name (row, "query-tooltip", 10, 10, FALSE, tooltip, &shown);
  g_assert_false (shown);
  gtk_widget_grab_focus (GTK_WIDGET (timeline));
  wait_for_frames (window);

  /* a title of thousands of characters: its first 300 and "…", not a
   * tooltip taller than the screen */
  for (guint i = 0; i < 100; i++)
    g_string_append (very_long, "Innovationsupphandling ");
  g_assert_true (up_project_set_string (fixture->project, stage, "title", very_long->str, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < 2; i++)
    wait_for_frames (window);
  g_clear_pointer (&whole, g_free);
  whole = up_entry_row_dup_tooltip (UP_ENTRY_ROW (row));
  g_assert_nonnull (whole);
  g_assert_cmpuint (g_utf8_strlen (whole, -1), ==, 301);
  g_assert_true (g_str_has_suffix (whole, "…"));
  g_assert_true (strncmp (whole, very_long->str, 300) == 0);
  g_string_free (very_long, TRUE);

  /* a short title is whole: no tooltip */
  g_assert_true (up_project_set_string (fixture->project, stage, "title", "Pilot", &error));
  g_assert_no_error (error);
  for (guint i = 0; i < 2; i++)
    wait_for_frames (window);
  shown = TRUE;
  g_signal_emit_by_name (row, "query-tooltip", 10, 10, FALSE, tooltip, &shown);
  g_assert_false (shown);
}

/* The stakeholders' view with GNOME's Large Text (a text scale of 1.25,
 * and 1.5) on a laptop's 1,366 px and in a window of 1,600 px: where the
 * register, the editor and the grid ask for more than the window at their
 * natural widths, the grid goes behind its toggle, as at 1,280 and 1,366 px
 * without Large Text; where they fit, it stays beside them. Either way the
 * register shows every column whole beside the whole editor. */
static void
test_stakeholders_large_text (Fixture       *fixture,
                              gconstpointer  user_data)
{
  /* each width after another: the fixture's window is 1,600 px wide */
  static const struct { double scale; int width, height; } cases[] = {
    { 1.25, 1366, 768 }, { 1.25, 1600, 1000 }, { 1.5, 1366, 768 }, { 1.5, 1600, 1000 },
  };
  GtkWidget *window = GTK_WIDGET (fixture->window);
  UpStakeholderView *view = template_child (fixture->window, UP_TYPE_WINDOW, "stakeholder_view");
  g_autoptr(UpStakeholder) stakeholder = g_list_model_get_item (up_project_get_stakeholders (fixture->project), 0);

  show_view (fixture, "stakeholders");
  up_stakeholder_view_set_selected (view, stakeholder);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("narrow-%d-text-%.0f-%s-stakeholders.png", cases[i].width,
                                               cases[i].scale * 100, test_language ());
      GtkWidget *register_pane = gtk_widget_get_parent (GTK_WIDGET (view->column_view));
      graphene_rect_t register_bounds, editor_bounds;
      GtkWidget *grid_pane;
      int pages_natural = 0, editor_natural, grid_natural, room;
      gboolean fit;

      set_text_scale (cases[i].scale);
      resize_window (fixture, cases[i].width, cases[i].height);
      for (guint frames = 0; frames < 4; frames++)
        wait_for_frames (window);
      save_screenshot (window, name);

      /* what the leaflet weighs: its pages' natural widths, the register
       * and editor, the line between them, the grid with its margins */
      for (GtkWidget *page = gtk_widget_get_first_child (GTK_WIDGET (view->leaflet)); page;
           page = gtk_widget_get_next_sibling (page))
        {
          int natural = 0;

          gtk_widget_measure (page, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
          pages_natural += natural;
        }
      gtk_widget_measure (GTK_WIDGET (view->editor_stack), GTK_ORIENTATION_HORIZONTAL, -1,
                          NULL, &editor_natural, NULL, NULL);
      grid_pane = adw_leaflet_get_child_by_name (view->leaflet, "grid");
      gtk_widget_measure (grid_pane, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &grid_natural, NULL, NULL);
      room = gtk_widget_get_width (GTK_WIDGET (view->leaflet));
      fit = pages_natural <= room;
      g_test_message ("%d px, text ×%.2f: %d px for %d px of register, editor and grid (the grid %d px); grid %s; "
                      "register %d px, editor %d px", cases[i].width, cases[i].scale, room, pages_natural,
                      grid_natural, adw_leaflet_get_folded (view->leaflet) ? "behind its toggle" : "beside",
                      gtk_widget_get_width (register_pane), gtk_widget_get_width (GTK_WIDGET (view->editor_stack)));

      /* the grid behind its toggle exactly where the three do not fit */
      g_assert_cmpint (adw_leaflet_get_folded (view->leaflet), ==, !fit);
      g_assert_cmpint (gtk_widget_get_visible (GTK_WIDGET (view->grid_button)), ==, !fit);
      if (fit)
        {
          g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (view->grid)));
          g_assert_cmpint (gtk_widget_get_width (grid_pane), >=, grid_natural);
        }

      /* the register whole, every column, none cut (the names, too, in a
       * column as wide at every text size, were cut: "Maria Svens…") */
      assert_register_fits (view);
      assert_stances_whole (GTK_WIDGET (view->column_view));
      assert_names_whole (GTK_WIDGET (view->column_view), fixture->project);

      /* the editor beside it, whole */
      g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (view->editor_stack)));
      g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (view->column_view), window, &register_bounds));
      g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (view->editor_stack), window, &editor_bounds));
      g_assert_cmpfloat (register_bounds.origin.x + register_bounds.size.width, <=, editor_bounds.origin.x);
      g_assert_cmpfloat (editor_bounds.origin.x + editor_bounds.size.width, <=, gtk_widget_get_width (window));
      g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (view->editor_stack)), >=, editor_natural);
    }
}

/* A screen of a small laptop or a projector, the window as large as it,
 * at a text scale (GNOME's Large Text is 1.25; 1.5 is larger still). */
typedef struct
{
  const char *name;
  int         width;
  int         height;
  double      text_scale;
} Screen;

static const Screen screens[] = {
  { "800x600", 800, 600, 1.0 },
  { "1024x600", 1024, 600, 1.0 },
  { "1280x720", 1280, 720, 1.0 },
  { "800x600-text-125", 800, 600, 1.25 },
  { "800x600-text-150", 800, 600, 1.5 },
  { "1024x600-text-125", 1024, 600, 1.25 },
  { "1024x600-text-150", 1024, 600, 1.5 },
  { "1280x720-text-125", 1280, 720, 1.25 },
  { "1280x720-text-150", 1280, 720, 1.5 },
};

/* fixture_set_up() for a Screen: it reads a Size, whose text scale lies
 * where a Screen has its width and height. */
static void
screen_fixture_set_up (Fixture       *fixture,
                       gconstpointer  user_data)
{
  const Screen *screen = user_data;

  set_text_scale (screen->text_scale);
  window_fixture_set_up (fixture, 1600, 1000);
  show_window (fixture);
}

/* The window still fits @screen after @what, and could be made as short
 * as a screen of 600 px leaves it below a panel: it asks for less than
 * 560 px. (GTK grows a window to its minimum height and never shrinks it
 * again, so one frame's larger minimum leaves it taller for good.) */
static void
assert_fits_screen (Fixture      *fixture,
                    const Screen *screen,
                    const char   *what)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  int minimum;

  for (guint i = 0; i < 4; i++)
    wait_for_frames (window);
  gtk_widget_measure (window, GTK_ORIENTATION_VERTICAL, gtk_widget_get_width (window), &minimum, NULL, NULL, NULL);
  g_test_message ("%s: the window %d × %d px, at least %d px high", what,
                  gdk_surface_get_width (surface), gdk_surface_get_height (surface), minimum);
  g_assert_cmpint (gdk_surface_get_height (surface), <=, screen->height);
  g_assert_cmpint (gdk_surface_get_width (surface), <=, screen->width);
  g_assert_cmpint (minimum, <, 560);
}

/* The popover of @button, opened, lies within @window (as large as the
 * screen here) and shows at least @list_height px of its list. */
static gboolean
has_popover (gpointer button)
{
  return gtk_menu_button_get_popover (button) != NULL;
}

static void
assert_popover_within (GtkWidget  *window,
                       GtkWidget  *button,
                       int         list_height)
{
  GtkPopover *popover;
  GtkWidget *list;
  GdkSurface *surface;
  graphene_rect_t bounds;
  double popover_x, popover_y, window_x, window_y, top, bottom;

  /* as a click or the keyboard opens it (a menu made as it first opens
   * has no popover before) */
  gtk_widget_activate (gtk_widget_get_first_child (button));
  wait_until (has_popover, button);
  popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (button));
  /* the list scrolls below the goal's drop-down */
  list = gtk_widget_get_last_child (gtk_popover_get_child (popover));
  wait_until (is_mapped, popover);
  for (guint i = 0; i < 4; i++)
    wait_for_frames (GTK_WIDGET (popover));

  /* Both in the window's coordinates: each surface has room for a
   * shadow around its widget, which may go off the screen. */
  surface = gtk_native_get_surface (GTK_NATIVE (popover));
  gtk_native_get_surface_transform (GTK_NATIVE (popover), &popover_x, &popover_y);
  gtk_native_get_surface_transform (GTK_NATIVE (window), &window_x, &window_y);
  top = gdk_popup_get_position_y (GDK_POPUP (surface)) + popover_y - window_y;
  bottom = top + gtk_widget_get_height (GTK_WIDGET (popover));
  g_assert_true (gtk_widget_compute_bounds (button, window, &bounds));
  g_test_message ("%s over a button from %.0f to %.0f px: from %.0f to %.0f px in a window %d px high, its list %d px",
                  gtk_widget_get_name (button), bounds.origin.y, bounds.origin.y + bounds.size.height,
                  top, bottom, gtk_widget_get_height (window), gtk_widget_get_height (list));
  g_assert_cmpfloat (top, >=, 0);
  g_assert_cmpfloat (bottom, <=, gtk_widget_get_height (window));
  g_assert_cmpint (gtk_widget_get_height (list), >=, list_height);

  gtk_popover_popdown (popover);
  wait_until (is_unmapped, popover);
}

/* The shortcuts in @widget's tree (the search's results are not
 * GtkShortcutsShortcut). */
static guint
count_shortcuts (GtkWidget *widget)
{
  guint n = GTK_IS_SHORTCUTS_SHORTCUT (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    n += count_shortcuts (child);

  return n;
}

/* No title of a group of shortcuts below @widget says twice that it
 * continues another: a group split in three went on as "General
 * (continued) (continued)". */
static void
assert_continued_once (GtkWidget  *widget,
                       const char *continued)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_SHORTCUTS_GROUP (child))
        {
          g_autofree char *title = NULL;
          const char *first;

          g_object_get (child, "title", &title, NULL);
          first = strstr (title, continued);
          if (first != NULL)
            g_assert_null (strstr (first + strlen (continued), continued));
        }
      assert_continued_once (child, continued);
    }
}

/* The title label of @shortcut: the label below it outside its keys
 * (a GtkShortcutLabel is made of labels too). */
static GtkWidget *
find_shortcut_title (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *title;

      if (GTK_IS_SHORTCUT_LABEL (child))
        continue;
      if (GTK_IS_LABEL (child) && gtk_widget_get_visible (child))
        return child;
      if ((title = find_shortcut_title (child)) != NULL)
        return title;
    }

  return NULL;
}

/* Each shortcut's title below @widget, in @column of a page, lies whole
 * within the column and after the shortcut's keys, and is broken into
 * lines only where a line may break (between words), never within a
 * word: at 800 px with Large Text "Agenda 2030" ran 103 px past its
 * column into the next one's keys, and "föregående" was broken as
 * "föregåen-de". */
static void
assert_titles_in_column (GtkWidget  *widget,
                         GtkWidget  *column,
                         GHashTable *titles)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_SHORTCUTS_SHORTCUT (child))
        {
          GtkWidget *title = find_shortcut_title (child);
          GtkWidget *keys = find_descendant (child, GTK_TYPE_SHORTCUT_LABEL);
          graphene_rect_t title_bounds, keys_bounds;
          PangoLayout *layout;
          PangoRectangle text;
          const PangoLogAttr *attrs;
          int n_attrs, x;
          const char *text_start;
          char *shown = NULL;

          g_assert_nonnull (title);
          g_assert_nonnull (keys);
          g_assert_true (gtk_widget_compute_bounds (title, column, &title_bounds));
          g_assert_true (gtk_widget_compute_bounds (keys, column, &keys_bounds));
          layout = gtk_label_get_layout (GTK_LABEL (title));
          pango_layout_get_pixel_extents (layout, NULL, &text);
          gtk_label_get_layout_offsets (GTK_LABEL (title), &x, NULL);
          if (title_bounds.origin.x + title_bounds.size.width > gtk_widget_get_width (column) + 0.5
              || title_bounds.origin.x < keys_bounds.origin.x + keys_bounds.size.width
              || x + text.x + text.width > title_bounds.size.width + 0.5)
            g_test_message ("\"%s\": keys %.0f–%.0f, title %.0f–%.0f (text to %d) in a column %d px wide",
                            gtk_label_get_text (GTK_LABEL (title)),
                            keys_bounds.origin.x, keys_bounds.origin.x + keys_bounds.size.width,
                            title_bounds.origin.x, title_bounds.origin.x + title_bounds.size.width,
                            x + text.x + text.width, gtk_widget_get_width (column));
          g_assert_cmpfloat (title_bounds.origin.x + title_bounds.size.width, <=, gtk_widget_get_width (column) + 0.5);
          g_assert_cmpfloat (title_bounds.origin.x, >=, keys_bounds.origin.x + keys_bounds.size.width);
          g_assert_cmpint (x + text.x + text.width, <=, (int) (title_bounds.size.width + 0.5));

          /* its words whole, on however many lines: one of the titles
           * as built, its lines joined by spaces */
          shown = g_strdup (gtk_label_get_text (GTK_LABEL (title)));
          g_strdelimit (shown, "\n", ' ');
          if (!g_hash_table_contains (titles, shown))
            g_test_message ("\"%s\" is no title of a shortcut", shown);
          g_assert_true (g_hash_table_contains (titles, shown));
          g_clear_pointer (&shown, g_free);

          /* every line after the first starts where a line may break */
          attrs = pango_layout_get_log_attrs_readonly (layout, &n_attrs);
          text_start = pango_layout_get_text (layout);
          for (GSList *line = pango_layout_get_lines_readonly (layout); line; line = line->next)
            {
              PangoLayoutLine *l = line->data;
              int offset = (int) g_utf8_pointer_to_offset (text_start, text_start + l->start_index);

              if (l->start_index == 0)
                continue;
              if (!attrs[offset].is_line_break)
                g_test_message ("\"%s\" broken within a word, at \"%s\"", gtk_label_get_text (GTK_LABEL (title)),
                                text_start + l->start_index);
              g_assert_true (offset < n_attrs && attrs[offset].is_line_break);
            }
          continue;
        }
      assert_titles_in_column (child, column, titles);
    }
}

/* Adds the title of each shortcut below @widget to @titles. */
static void
collect_shortcut_titles (GtkWidget  *widget,
                         GHashTable *titles)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_SHORTCUTS_SHORTCUT (child))
        {
          char *title = NULL;

          g_object_get (child, "title", &title, NULL);
          g_hash_table_add (titles, title);
          continue;
        }
      collect_shortcut_titles (child, titles);
    }
}

/* assert_titles_in_column() on every page of @stack, each shown in turn
 * so that it is laid out; returns the number of pages, and adds up the
 * heights of the columns' shortcuts in @filled and of the columns in
 * @room. */
static guint
assert_titles_in_columns (GtkWidget *shortcuts,
                          GtkWidget *stack,
                          int       *filled,
                          int       *room)
{
  GtkWidget *first = gtk_stack_get_visible_child (GTK_STACK (stack));
  g_autoptr(GtkBuilder) builder =
    gtk_builder_new_from_resource ("/io/github/upphandla/Upphandla/up-shortcuts-window.ui");
  GtkWidget *built = GTK_WIDGET (gtk_builder_get_object (builder, "help_overlay"));
  g_autoptr(GHashTable) titles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n_pages = 0;

  /* the titles as the window is built, before it is fitted to a screen */
  g_assert_nonnull (built);
  collect_shortcut_titles (built, titles);
  gtk_window_destroy (GTK_WINDOW (built));

  for (GtkWidget *page = gtk_widget_get_first_child (stack); page; page = gtk_widget_get_next_sibling (page))
    {
      n_pages++;
      gtk_stack_set_visible_child (GTK_STACK (stack), page);
      for (guint i = 0; i < 3; i++)
        wait_for_frames (shortcuts);
      for (GtkWidget *column = gtk_widget_get_first_child (page); column; column = gtk_widget_get_next_sibling (column))
        {
          int height;

          gtk_widget_measure (column, GTK_ORIENTATION_VERTICAL, gtk_widget_get_width (column), NULL, &height, NULL, NULL);
          *filled += height;
          *room += gtk_widget_get_height (page);
          assert_titles_in_column (column, column, titles);
        }
    }
  gtk_stack_set_visible_child (GTK_STACK (stack), first);

  return n_pages;
}

/* The keyboard shortcuts window (Ctrl+?) opened from @window, as high as
 * the screen, is no higher, so that its page buttons are on the screen;
 * it still lists every shortcut, and opens on the General group. */
static void
assert_shortcuts_fit (Fixture      *fixture,
                      const Screen *screen)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);
  g_autofree char *name = g_strdup_printf ("narrow-%s-%s-shortcuts.png", screen->name, test_language ());
  g_autofree char *first_title = NULL;
  g_autofree char *continued = NULL;
  GtkWindow *shortcuts = NULL;
  GtkWidget *section, *stack, *group;
  int minimum, filled = 0, room = 0;
  guint n_pages;

  shortcuts = open_shortcuts_window (window);
  for (guint i = 0; i < 4; i++)
    wait_for_frames (GTK_WIDGET (shortcuts));
  save_screenshot (GTK_WIDGET (shortcuts), name);

  gtk_widget_measure (GTK_WIDGET (shortcuts), GTK_ORIENTATION_VERTICAL, -1, &minimum, NULL, NULL, NULL);
  g_test_message ("shortcuts: %d × %d px, at least %d px high, beside a window %d × %d px",
                  gtk_widget_get_width (GTK_WIDGET (shortcuts)), gtk_widget_get_height (GTK_WIDGET (shortcuts)),
                  minimum, gtk_widget_get_width (window), gtk_widget_get_height (window));
  g_assert_cmpint (minimum, <=, gtk_widget_get_height (window));
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (shortcuts)), <=, gtk_widget_get_height (window));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (shortcuts)), <=, gtk_widget_get_width (window));

  section = find_descendant (GTK_WIDGET (shortcuts), GTK_TYPE_SHORTCUTS_SECTION);
  g_assert_nonnull (section);
  g_assert_cmpuint (count_shortcuts (section), ==, 61);
  continued = g_strdup_printf (C_("shortcut window", "%1$s (continued)"), "");
  assert_continued_once (section, continued);
  stack = find_descendant (section, GTK_TYPE_STACK);
  g_assert_nonnull (stack);
  g_assert_true (gtk_stack_get_visible_child (GTK_STACK (stack)) == gtk_stack_get_child_by_name (GTK_STACK (stack), "_1"));
  group = find_descendant (gtk_stack_get_visible_child (GTK_STACK (stack)), GTK_TYPE_SHORTCUTS_GROUP);
  g_assert_nonnull (group);
  g_object_get (group, "title", &first_title, NULL);
  g_assert_cmpstr (first_title, ==, C_("shortcut window", "General"));

  n_pages = assert_titles_in_columns (GTK_WIDGET (shortcuts), stack, &filled, &room);
  g_test_message ("shortcuts: %u pages, filled to %d %% (%s %s)", n_pages, 100 * filled / room, screen->name, test_language ());
  /* Its pages filled well: with Large Text the columns were 60 % full
   * (6 pages at 1.25 on 800 × 600; 11 pages in Swedish at 1.5, with every
   * row two lines high), GTK filling them by a number of rows that had to
   * fit the tallest; now 67 to 84 %. The bar is below the least of those
   * by a few points, for another font's metrics. */
  g_assert_cmpint (100 * filled / room, >=, 63);

  gtk_window_close (shortcuts);
  wait_until (is_unmapped, shortcuts);
}

/* On a screen of 800 × 600 the window grew to 631 px once the user left
 * the timeline for the stakeholders, and its bottom (the register's "Add
 * Stakeholder") was off the screen: the power/interest grid asked for
 * 420 px of height, beside the register while the view was first laid out
 * and alone behind its toggle. Every view fits now, the grid among them,
 * which keeps its size and scrolls. */
static void
test_short_screen (Fixture       *fixture,
                   gconstpointer  user_data)
{
  const Screen *screen = user_data;
  GtkWidget *window = GTK_WIDGET (fixture->window);
  UpStakeholderView *view = template_child (fixture->window, UP_TYPE_WINDOW, "stakeholder_view");
  g_autoptr(UpStakeholder) stakeholder = g_list_model_get_item (up_project_get_stakeholders (fixture->project), 0);

  resize_window (fixture, screen->width, screen->height);
  assert_fits_screen (fixture, screen, "timeline");

  /* the stakeholders first: the view is built as it is first shown */
  for (guint i = 1; i < G_N_ELEMENTS (views); i++)
    {
      show_view (fixture, views[i]);
      assert_fits_screen (fixture, screen, views[i]);
      assert_buttons_whole (window, FALSE);
      assert_labels_inside_buttons (window, NULL);
    }

  show_view (fixture, "stakeholders");
  up_stakeholder_view_set_selected (view, stakeholder);
  assert_fits_screen (fixture, screen, "a stakeholder chosen");
  /* Below the register, the editor shows as many lines of text at every
   * text size (160 px at the normal size): at 1.5 on 800 × 600 it showed
   * two of its rows, a slit to edit a stakeholder through. */
  if (view->stacked)
    {
      g_test_message ("the editor below the register: %d px of %d px",
                      gtk_widget_get_height (GTK_WIDGET (view->editor_stack)),
                      gtk_widget_get_height (GTK_WIDGET (view->paned)));
      g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (view->editor_stack)));
      g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (view->editor_stack)), >=, (int) (160 * screen->text_scale));
    }
  if (adw_leaflet_get_folded (view->leaflet))
    {
      g_autofree char *name = g_strdup_printf ("narrow-%s-%s-grid.png", screen->name, test_language ());
      graphene_rect_t bounds;
      GtkWidget *scroller;
      GtkAdjustment *adjustment;

      gtk_toggle_button_set_active (view->grid_button, TRUE);
      for (guint i = 0; i < 20; i++)
        wait_for_frames (window);
      assert_fits_screen (fixture, screen, "the grid");
      save_screenshot (window, name);

      /* the grid as large as to be read, what the window has no room for
       * within reach of its scroll bar */
      g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (view->grid)));
      g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (view->grid)), >=, 420);
      scroller = gtk_widget_get_ancestor (GTK_WIDGET (view->grid), GTK_TYPE_SCROLLED_WINDOW);
      g_assert_nonnull (scroller);
      adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
      g_assert_true (gtk_widget_compute_bounds (scroller, window, &bounds));
      g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=, gtk_widget_get_height (window));
      g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment), >=, gtk_widget_get_height (GTK_WIDGET (view->grid)));
      gtk_toggle_button_set_active (view->grid_button, FALSE);
    }

  /* A local goal's targets: the popover went below its button, off a
   * screen of 600 px, and there GTK cut it to the goal's drop-down and
   * two targets. */
  show_view (fixture, "local-goals");
  assert_popover_within (window, get_named (window, "local-goal-targets-button"), 150);

  show_view (fixture, "timeline");
  assert_fits_screen (fixture, screen, "the timeline again");

  /* Add Stage's menu from the foot of the window: every kind in it, the
   * last (Milestone, Other Stage) without scrolling; also when opened
   * again (its rows' size is chosen at each opening). */
  for (guint i = 0; i < 2; i++)
    assert_popover_within (window, template_child (fixture->window, UP_TYPE_WINDOW, "add_stage_button"), 0);
}

/* With Large Text the shortcuts window was 733 px high, its page buttons
 * off a screen of 600 px; on a screen of 800 px it was 876 px wide at a
 * text scale of 1.25, its close button off the screen. */
static void
test_shortcuts_screen (Fixture       *fixture,
                       gconstpointer  user_data)
{
  const Screen *screen = user_data;

  resize_window (fixture, screen->width, screen->height);
  assert_fits_screen (fixture, screen, "timeline");
  assert_shortcuts_fit (fixture, screen);
}

/* The shortcuts window is fitted to the text size as it first opens.
 * Large Text turned on while the app runs (a text scale of 1.5 on a
 * screen of 800 × 600), it opened again as fitted for the normal size:
 * wider than the screen, its titles beyond their columns. It is fitted
 * anew on the next open. */
static void
test_shortcuts_text_scale_change (Fixture       *fixture,
                                  gconstpointer  user_data)
{
  const Screen *before = &screens[0];
  const Screen *after = &screens[4];

  g_assert_cmpstr (before->name, ==, "800x600");
  g_assert_cmpstr (after->name, ==, "800x600-text-150");
  resize_window (fixture, before->width, before->height);
  assert_shortcuts_fit (fixture, before);

  /* the window keeps its size, the screen's */
  set_text_scale (after->text_scale);
  for (guint i = 0; i < 8; i++)
    wait_for_frames (GTK_WIDGET (fixture->window));
  assert_fits_screen (fixture, after, "Large Text turned on");
  assert_shortcuts_fit (fixture, after);
}

/* Large Text turned on while the shortcuts window is open: it is fitted
 * anew as it is, on the screen of 800 × 600. It kept the size it had
 * been fitted to at the normal size, its text larger. */
static void
test_shortcuts_text_scale_change_open (Fixture       *fixture,
                                       gconstpointer  user_data)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);
  GtkWindow *shortcuts;
  int minimum, natural;

  resize_window (fixture, 800, 600);
  shortcuts = open_shortcuts_window (window);
  for (guint i = 0; i < 4; i++)
    wait_for_frames (GTK_WIDGET (shortcuts));

  set_text_scale (1.5);
  for (guint i = 0; i < 8; i++)
    wait_for_frames (window);
  /* not opened again: the one in sight, or the one that took its place */
  shortcuts = find_toplevel ("GtkShortcutsWindow");
  g_assert_nonnull (shortcuts);
  for (guint i = 0; i < 4; i++)
    wait_for_frames (GTK_WIDGET (shortcuts));
  save_screenshot (GTK_WIDGET (shortcuts), "narrow-shortcuts-open-text-150.png");
  gtk_widget_measure (GTK_WIDGET (shortcuts), GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
  gtk_widget_measure (GTK_WIDGET (shortcuts), GTK_ORIENTATION_VERTICAL, -1, &minimum, NULL, NULL, NULL);
  g_test_message ("shortcuts open as the text grew: %d px wide, at least %d px high, beside a window %d × %d px",
                  natural, minimum, gtk_widget_get_width (window), gtk_widget_get_height (window));
  g_assert_cmpint (natural, <=, gtk_widget_get_width (window));
  g_assert_cmpint (minimum, <=, gtk_widget_get_height (window));
  gtk_window_close (shortcuts);
  wait_until (is_unmapped, shortcuts);
}

/* The shortcuts window asked for again while it is open, after the main
 * window was made wider (what it is fitted to): the same window, on the
 * page it was left on. It was built anew, back on its first page. */
static void
test_shortcuts_open_again (Fixture       *fixture,
                           gconstpointer  user_data)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);
  GtkWindow *shortcuts, *again;
  GtkWidget *stack, *second;
  int width;

  resize_window (fixture, 800, 600);
  width = gtk_widget_get_width (window);
  shortcuts = open_shortcuts_window (window);
  for (guint i = 0; i < 4; i++)
    wait_for_frames (GTK_WIDGET (shortcuts));
  stack = find_descendant (find_descendant (GTK_WIDGET (shortcuts), GTK_TYPE_SHORTCUTS_SECTION), GTK_TYPE_STACK);
  g_assert_nonnull (stack);
  second = gtk_stack_get_child_by_name (GTK_STACK (stack), "_2");
  g_assert_nonnull (second);
  gtk_stack_set_visible_child (GTK_STACK (stack), second);

  resize_window (fixture, 1024, 600);
  g_assert_cmpint (gtk_widget_get_width (window), >, width);
  again = open_shortcuts_window (window);
  for (guint i = 0; i < 4; i++)
    wait_for_frames (GTK_WIDGET (again));
  g_assert_true (again == shortcuts);
  g_assert_true (gtk_stack_get_visible_child (GTK_STACK (stack)) == second);

  /* closed, it is fitted to the wider window on its next open */
  gtk_window_close (shortcuts);
  wait_until (is_unmapped, shortcuts);
  again = open_shortcuts_window (window);
  g_assert_true (again != shortcuts);
  gtk_window_close (again);
  wait_until (is_unmapped, again);
}

/* At the normal text size a window of 800 px shows the view switcher in
 * its header, as it did before its buttons had padding with large text
 * (the padding at every size moved it to the bottom bar in windows of 770
 * to 820 px); with a text scale of 1.5 it shows the switcher's labels
 * apart (see test_short_screen()). */
static void
test_header_switcher (Fixture       *fixture,
                      gconstpointer  user_data)
{
  AdwViewSwitcherTitle *title = template_child (fixture->window, UP_TYPE_WINDOW, "window_title");

  resize_window (fixture, 800, 600);
  for (guint i = 1; i < G_N_ELEMENTS (views); i++)
    {
      show_view (fixture, views[i]);
      for (guint frames = 0; frames < 4; frames++)
        wait_for_frames (GTK_WIDGET (fixture->window));
      g_test_message ("%s: %d px, the switcher %s", views[i], gtk_widget_get_width (GTK_WIDGET (fixture->window)),
                      adw_view_switcher_title_get_title_visible (title) ? "below" : "in the header");
      g_assert_false (adw_view_switcher_title_get_title_visible (title));
      assert_labels_inside_buttons (GTK_WIDGET (fixture->window), NULL);
    }
}

/* Whether the whole of @data, a widget, shows in the scrolled window
 * round it. */
static gboolean
is_in_view (gpointer data)
{
  GtkWidget *widget = data;
  GtkWidget *scroller = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  graphene_rect_t bounds;

  g_assert_nonnull (scroller);
  g_assert_true (gtk_widget_compute_bounds (widget, scroller, &bounds));
  g_test_message ("%s from %.0f to %.0f px in a scrolled window %d px high", G_OBJECT_TYPE_NAME (widget),
                  bounds.origin.y, bounds.origin.y + bounds.size.height, gtk_widget_get_height (scroller));
  return bounds.origin.y >= 0 && bounds.origin.y + bounds.size.height <= gtk_widget_get_height (scroller);
}

static void
count_change (guint *n)
{
  (*n)++;
}

static gboolean
is_nonzero (gpointer data)
{
  return *(guint *) data > 0;
}

/* Whether the focus in @data, a window, is on a row and in view. */
static gboolean
is_focus_in_view (gpointer data)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (data));

  return GTK_IS_LIST_BOX_ROW (focus) && is_in_view (focus);
}

/* The start page on a screen of 800 × 600 with Large Text: the focus is
 * on the project changed last, which Return reopens, and that row lay
 * below the fold, under the icon, the title, the text and the buttons:
 * Return opened a project the user could not see. The page scrolls to it
 * now, and New Project… still shows above it. */
static void
test_start_page_large_text (gconstpointer user_data)
{
  const Screen *screen = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *root = g_dir_make_tmp ("upphandla-narrow-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(UpProject) project = NULL;
  g_autoptr(UpWindow) window = NULL;
  GtkWidget *focus;
  gulong changed_id;
  guint n_changes = 0;

  g_assert_no_error (error);
  path = g_build_filename (root, "Trygghetslarm 2026.upphandla", NULL);
  file = g_file_new_for_path (path);
  project = up_demo_create (file, &error);
  g_assert_no_error (error);
  g_assert_true (up_store_flush (up_project_get_store (project), &error));
  g_clear_object (&project);
  /* as when the app starts: the recent files read before the window is
   * made (GTK tells of the new one a moment later) */
  changed_id = g_signal_connect_swapped (gtk_recent_manager_get_default (), "changed",
                                         G_CALLBACK (count_change), &n_changes);
  up_application_add_recent (file);
  wait_until (is_nonzero, &n_changes);
  g_clear_signal_handler (&changed_id, gtk_recent_manager_get_default ());

  set_text_scale (screen->text_scale);
  window = g_object_ref_sink (up_window_new (NULL, NULL));
  gtk_window_set_default_size (GTK_WINDOW (window), screen->width, screen->height);
  gtk_window_present (GTK_WINDOW (window));
  wait_until (is_mapped, window);
  for (guint i = 0; i < 4; i++)
    wait_for_frames (GTK_WIDGET (window));
  /* the scroll is animated (and the list made anew as GTK reads the
   * recent files again) */
  wait_until (is_focus_in_view, window);
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (g_file_equal (g_object_get_data (G_OBJECT (focus), "file"), file));
  g_assert_true (is_in_view (template_child (window, UP_TYPE_WINDOW, "new_project_button")));
  name = g_strdup_printf ("narrow-%s-%s-start.png", screen->name, test_language ());
  save_screenshot (GTK_WIDGET (window), name);

  uri = g_file_get_uri (file);
  gtk_recent_manager_remove_item (gtk_recent_manager_get_default (), uri, NULL);
  gtk_window_destroy (GTK_WINDOW (window));
  iterate_pending ();
  set_text_scale (1.0);
  test_remove_tree (root);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv, NULL);
  /* The app's own style: its sizes are the ones to fit. */
  ui_test_load_app_style ();

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autofree char *path = g_strdup_printf ("/ui/narrow/fits/%s", sizes[i].name);

      g_test_add (path, Fixture, &sizes[i], fixture_set_up, test_fits, fixture_tear_down);
    }
  for (guint i = 0; i < G_N_ELEMENTS (screens); i++)
    {
      g_autofree char *path = g_strdup_printf ("/ui/narrow/short-screen/%s", screens[i].name);

      g_test_add (path, Fixture, &screens[i], screen_fixture_set_up, test_short_screen, fixture_tear_down);
    }
  for (guint i = 0; i < G_N_ELEMENTS (screens); i++)
    {
      g_autofree char *path = g_strdup_printf ("/ui/narrow/shortcuts/%s", screens[i].name);

      g_test_add (path, Fixture, &screens[i], screen_fixture_set_up, test_shortcuts_screen, fixture_tear_down);
    }
  g_test_add ("/ui/narrow/shortcuts-text-scale-change", Fixture, &screens[0], screen_fixture_set_up,
              test_shortcuts_text_scale_change, fixture_tear_down);
  g_test_add ("/ui/narrow/shortcuts-text-scale-change-open", Fixture, &screens[0], screen_fixture_set_up,
              test_shortcuts_text_scale_change_open, fixture_tear_down);
  g_test_add ("/ui/narrow/shortcuts-open-again", Fixture, &screens[0], screen_fixture_set_up,
              test_shortcuts_open_again, fixture_tear_down);
  for (guint i = 0; i < G_N_ELEMENTS (screens); i++)
    {
      g_autofree char *path = g_strdup_printf ("/ui/narrow/start-page/%s", screens[i].name);

      g_test_add_data_func (path, &screens[i], test_start_page_large_text);
    }
  g_test_add ("/ui/narrow/header-switcher", Fixture, NULL, fixture_set_up, test_header_switcher, fixture_tear_down);
  g_test_add ("/ui/narrow/wide", Fixture, NULL, fixture_set_up, test_wide, fixture_tear_down);
  g_test_add ("/ui/narrow/fold", Fixture, NULL, fixture_set_up, test_fold, fixture_tear_down);
  g_test_add ("/ui/narrow/laptop-widths", Fixture, NULL, fixture_set_up, test_laptop_widths, fixture_tear_down);
  g_test_add ("/ui/narrow/agenda-chart-readable", Fixture, NULL, fixture_set_up, test_agenda_chart_readable,
              fixture_tear_down);
  g_test_add ("/ui/narrow/stakeholders-register", Fixture, NULL, fixture_set_up, test_stakeholders_register,
              fixture_tear_down);
  g_test_add ("/ui/narrow/long-title", Fixture, NULL, fixture_set_up, test_long_title, fixture_tear_down);
  g_test_add ("/ui/narrow/stakeholders-large-text", Fixture, NULL, fixture_set_up, test_stakeholders_large_text,
              fixture_tear_down);
  g_test_add ("/ui/narrow/stakeholders-laptop", Fixture, NULL, fixture_set_up, test_stakeholders_laptop,
              fixture_tear_down);

  return g_test_run ();
}
