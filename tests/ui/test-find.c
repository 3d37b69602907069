/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Finding a stage by its title in the timeline view (UpStageFind), on the
 * demo project under Xvfb, in English and in Swedish: Ctrl+F opens the find
 * bar with the focus in it; what is typed selects the first stage from the
 * selected one whose title or kind holds it, inside a word too; Return and
 * the arrows go on, round the end; nothing found says so and moves
 * nothing; Escape closes the bar and leaves the focus on the stage found.
 * In the stakeholders and notes views Ctrl+F goes to their search field.
 * Screenshots find-*.png. */

#include "config.h"

#include <glib/gi18n.h>

#include "up-notes-view.h"
#include "up-stage-find.h"
#include "up-timeline.h"
#include "up-window.h"
#include "ui-test-util.h"
#include "test-common.h"

typedef WindowFixture Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  window_fixture_set_up (fixture, 1400, 900);
  show_window (fixture);
}

static UpStageFind *
get_find (Fixture *fixture)
{
  return template_child (fixture->window, UP_TYPE_WINDOW, "stage_find");
}

static GtkEditable *
get_entry (Fixture *fixture)
{
  return GTK_EDITABLE (get_named (GTK_WIDGET (get_find (fixture)), "find-entry"));
}

static const char *
count_text (Fixture *fixture)
{
  return gtk_label_get_label (GTK_LABEL (get_named (GTK_WIDGET (get_find (fixture)), "find-count")));
}

static UpStage *
selected_stage (Fixture *fixture)
{
  GtkListView *list = template_child (fixture->window, UP_TYPE_WINDOW, "stage_list");

  return gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (gtk_list_view_get_model (list)));
}

static gboolean
focus_in_entry (Fixture *fixture)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (fixture->window));

  return focus != NULL && (focus == GTK_WIDGET (get_entry (fixture)) ||
                           gtk_widget_is_ancestor (focus, GTK_WIDGET (get_entry (fixture))));
}

/* Ctrl+F pressed where nothing below the window takes it: the window's
 * own binding. FALSE when its action would not run, and the key went on. */
static gboolean
press_ctrl_f (Fixture *fixture)
{
  return run_key_binding (GTK_WIDGET (fixture->window), GDK_KEY_f, GDK_CONTROL_MASK);
}

/* The positions of the stages whose title or kind holds @text, case
 * folded, found here without the app's matching. */
static GArray *
expected_matches (Fixture    *fixture,
                  const char *text)
{
  GListModel *stages = up_project_get_stages (fixture->project);
  g_autofree char *needle = g_utf8_casefold (text, -1);
  GArray *matches = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < g_list_model_get_n_items (stages); i++)
    {
      g_autoptr(UpStage) stage = g_list_model_get_item (stages, i);
      g_autofree char *title = g_utf8_casefold (up_stage_get_title (stage), -1);
      g_autofree char *kind = g_utf8_casefold (up_enum_label (up_stage_kinds, up_stage_get_kind (stage)), -1);

      if (strstr (title, needle) != NULL || strstr (kind, needle) != NULL)
        g_array_append_val (matches, i);
    }
  return matches;
}

typedef struct
{
  Fixture *fixture;
  UpStage *stage;
} SelectedWait;

static gboolean
stage_is_selected (gpointer data)
{
  SelectedWait *wait = data;

  return selected_stage (wait->fixture) == wait->stage;
}

static UpStage *
stage_at (Fixture *fixture,
          guint    position)
{
  g_autoptr(UpStage) stage = g_list_model_get_item (up_project_get_stages (fixture->project), position);

  return stage;   /* the project keeps it */
}

static void
assert_count (Fixture *fixture,
              guint    index,
              guint    n)
{
  g_autofree char *expected = g_strdup_printf (_("%1$u of %2$u"), index, n);

  g_assert_cmpstr (count_text (fixture), ==, expected);
  /* Told with the field that has the focus: GTK 4.8 gives a screen reader
   * no event for the label's text, and has no API to announce it; a
   * change of the focused object's description is read (Orca). */
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (get_entry (fixture)),
                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, expected);
}

static void
test_find (Fixture       *fixture,
           gconstpointer  user_data)
{
  /* "larm" in Swedish is inside "trygghetslarm" as well as a word. */
  const char *text = g_str_has_prefix (test_language (), "sv") ? "LARM" : "Alarm";
  g_autoptr(GArray) matches = expected_matches (fixture, text);
  UpTimeline *timeline = template_child (fixture->window, UP_TYPE_WINDOW, "timeline");
  GtkToggleButton *button = template_child (fixture->window, UP_TYPE_WINDOW, "find_button");
  UpStage *first_selected = selected_stage (fixture);
  SelectedWait wait = { fixture, NULL };
  g_autofree char *shot = NULL;

  g_assert_cmpuint (matches->len, >=, 3);
  g_assert_true (first_selected == stage_at (fixture, 0));
  g_assert_cmpuint (g_array_index (matches, guint, 0), >, 0);
  g_assert_false (up_stage_find_get_search_mode (get_find (fixture)));

  g_assert_true (press_ctrl_f (fixture));
  g_assert_true (up_stage_find_get_search_mode (get_find (fixture)));
  g_assert_true (gtk_toggle_button_get_active (button));
  wait_for_frames (GTK_WIDGET (fixture->window));
  g_assert_true (focus_in_entry (fixture));

  /* Typing goes to the first stage found, and says which of how many. */
  gtk_editable_set_text (get_entry (fixture), text);
  wait.stage = stage_at (fixture, g_array_index (matches, guint, 0));
  wait_until (stage_is_selected, &wait);
  g_assert_true (up_timeline_get_selected (timeline) == wait.stage);
  assert_count (fixture, 1, matches->len);
  g_assert_true (focus_in_entry (fixture));
  wait_for_frames (GTK_WIDGET (fixture->window));
  shot = g_strdup_printf ("find-%s.png", test_language ());
  save_screenshot (GTK_WIDGET (fixture->window), shot);

  /* Return goes on to each in turn, and round to the first. */
  for (guint i = 1; i <= matches->len; i++)
    {
      g_signal_emit_by_name (get_entry (fixture), "activate");
      wait.stage = stage_at (fixture, g_array_index (matches, guint, i % matches->len));
      wait_until (stage_is_selected, &wait);
      assert_count (fixture, i % matches->len + 1, matches->len);
      g_assert_true (focus_in_entry (fixture));
    }

  /* The up arrow goes back, round to the last. */
  gtk_widget_activate (get_named (GTK_WIDGET (get_find (fixture)), "find-previous"));
  wait.stage = stage_at (fixture, g_array_index (matches, guint, matches->len - 1));
  wait_until (stage_is_selected, &wait);
  assert_count (fixture, matches->len, matches->len);

  /* Escape closes the bar; the focus goes to the stage found, in the list. */
  g_signal_emit_by_name (get_entry (fixture), "stop-search");
  g_assert_false (up_stage_find_get_search_mode (get_find (fixture)));
  g_assert_false (gtk_toggle_button_get_active (button));
  g_assert_cmpstr (gtk_editable_get_text (get_entry (fixture)), ==, "");
  g_assert_true (selected_stage (fixture) == wait.stage);
  {
    GtkWidget *list = GTK_WIDGET (template_child (fixture->window, UP_TYPE_WINDOW, "stage_list"));
    GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (fixture->window));

    g_assert_nonnull (focus);
    g_assert_true (gtk_widget_is_ancestor (focus, list));
  }
}

/* Text no stage holds moves nothing and says so. */
static void
test_none_found (Fixture       *fixture,
                 gconstpointer  user_data)
{
  UpStage *before;
  GtkWidget *entry;

  g_assert_true (press_ctrl_f (fixture));
  before = selected_stage (fixture);
  entry = GTK_WIDGET (get_entry (fixture));
  gtk_editable_set_text (get_entry (fixture), "xyzzy 😀");
  while (g_strcmp0 (count_text (fixture), _("None found")) != 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (selected_stage (fixture) == before);
  g_assert_true (gtk_widget_has_css_class (entry, "error"));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       _("None found"));
  g_assert_false (gtk_widget_get_sensitive (get_named (GTK_WIDGET (get_find (fixture)), "find-next")));
  g_assert_false (gtk_widget_get_sensitive (get_named (GTK_WIDGET (get_find (fixture)), "find-previous")));

  /* Emptied, the field is not an error. */
  gtk_editable_set_text (get_entry (fixture), "");
  while (*count_text (fixture) != '\0')
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (gtk_widget_has_css_class (entry, "error"));
  g_assert_false (gtk_test_accessible_has_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION));
}

/* Text of symbols only, no letter or digit (an emoji, a flag, "&"), finds
 * the stages whose title holds it as typed, as the notes' search does: it
 * found none, whatever the titles held. */
static void
test_symbols (Fixture       *fixture,
              gconstpointer  user_data)
{
  static const char * const typed[] = { "👩🏽‍💼", "🇸🇪", " & ", "”" };
  UpStage *stage = stage_at (fixture, 3);
  SelectedWait wait = { fixture, stage };
  g_autoptr(GError) error = NULL;

  g_assert_true (up_project_set_string (fixture->project, stage, "title",
                                        "Möte 👩🏽‍💼 & ”🇸🇪”", &error));
  g_assert_no_error (error);
  g_assert_true (press_ctrl_f (fixture));
  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    {
      gtk_editable_set_text (get_entry (fixture), "");
      while (*count_text (fixture) != '\0')
        g_main_context_iteration (NULL, TRUE);
      gtk_editable_set_text (get_entry (fixture), typed[i]);
      while (*count_text (fixture) == '\0')
        g_main_context_iteration (NULL, TRUE);
      g_test_message ("%s: %s", typed[i], count_text (fixture));
      wait_until (stage_is_selected, &wait);
      assert_count (fixture, 1, 1);
      g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (get_entry (fixture)), "error"));
    }

  /* one no title holds */
  gtk_editable_set_text (get_entry (fixture), "😀");
  while (g_strcmp0 (count_text (fixture), _("None found")) != 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (selected_stage (fixture) == stage);
}

static gboolean
focus_within (Fixture   *fixture,
              GtkWidget *widget)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (fixture->window));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* Ctrl+F is the search of the view shown, wherever the focus is: the
 * stakeholders' and the notes' search field, the text in it chosen to be
 * typed over; the views without a search let the key go on. */
static void
test_other_views (Fixture       *fixture,
                  gconstpointer  user_data)
{
  static const char * const without[] = { "agenda", "local-goals" };
  GtkWidget *stakeholders = template_child (fixture->window, UP_TYPE_WINDOW, "stakeholder_view");
  GtkWidget *notes = template_child (fixture->window, UP_TYPE_WINDOW, "notes_view");
  GtkWidget *stakeholder_search, *note_search;
  int start = -1, end = -1;

  for (guint i = 0; i < G_N_ELEMENTS (without); i++)
    {
      show_view (fixture, without[i]);
      g_assert_false (press_ctrl_f (fixture));
      g_assert_false (up_stage_find_get_search_mode (get_find (fixture)));
    }

  show_view (fixture, "stakeholders");
  stakeholder_search = find_descendant (stakeholders, GTK_TYPE_SEARCH_ENTRY);
  g_assert_nonnull (stakeholder_search);
  gtk_widget_grab_focus (GTK_WIDGET (template_child (fixture->window, UP_TYPE_WINDOW, "undo_button")));
  g_assert_true (press_ctrl_f (fixture));
  g_assert_true (focus_within (fixture, stakeholder_search));
  g_assert_false (up_stage_find_get_search_mode (get_find (fixture)));

  show_view (fixture, "notes");
  note_search = template_child (notes, UP_TYPE_NOTES_VIEW, "search_entry");
  gtk_editable_set_text (GTK_EDITABLE (note_search), "larm");
  gtk_widget_grab_focus (GTK_WIDGET (template_child (fixture->window, UP_TYPE_WINDOW, "undo_button")));
  g_assert_true (press_ctrl_f (fixture));
  g_assert_true (focus_within (fixture, note_search));
  g_assert_true (gtk_editable_get_selection_bounds (GTK_EDITABLE (note_search), &start, &end));
  g_assert_cmpint (start, ==, 0);
  g_assert_cmpint (end, ==, 4);

  show_view (fixture, "timeline");
  g_assert_true (press_ctrl_f (fixture));
  g_assert_true (up_stage_find_get_search_mode (get_find (fixture)));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  window_fixture_tear_down (fixture);
}

int
main (int   argc,
      char *argv[])
{
  /* What a screen reader is told is kept, for gtk_test_accessible_*(). */
  ui_test_init (&argc, &argv, "test");
  ui_test_load_app_style ();

  g_test_add ("/ui/find/find", Fixture, NULL, fixture_set_up, test_find, fixture_tear_down);
  g_test_add ("/ui/find/symbols", Fixture, NULL, fixture_set_up, test_symbols, fixture_tear_down);
  g_test_add ("/ui/find/none-found", Fixture, NULL, fixture_set_up, test_none_found,
              fixture_tear_down);
  g_test_add ("/ui/find/other-views", Fixture, NULL, fixture_set_up, test_other_views,
              fixture_tear_down);

  return g_test_run ();
}
