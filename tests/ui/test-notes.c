/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Notes in the running window on the demo project, under Xvfb, in English
 * and in Swedish (see meson.build): a note added through the stage panel
 * and found by the search of the notes view, with its match marked; å as a
 * letter of its own; the filters, folded behind their button on a short
 * screen; the editor's commits and their undo; a
 * deleted note and its Undo; and deleting a stage with notes, through the
 * dialog that asks what becomes of them, and its undo. Screenshots of the
 * notes view, light and dark, wide and narrow, land in this test's build
 * folder as notes-*.png. */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "up-list-util.h"
#include "up-a11y-util.h"
#include "up-notes-view.h"
#include "up-stage-editor.h"
#include "up-stage-notes.h"
#include "up-window.h"
#include "up-stage-row.h"
#include "up-row-label.h"
#include "ui-test-util.h"
#include "test-common.h"

#define NEW_BODY "Upphandlingen av larmen ska vara klar inom ett år."

typedef WindowFixture Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);
  window_fixture_set_up (fixture, 1300, 850);
  g_assert_cmpuint (g_list_model_get_n_items (up_project_get_notes (fixture->project)), >, 5);
  show_window (fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  window_fixture_tear_down (fixture);
}

static UpStage *
select_stage (Fixture *fixture,
              guint    position)
{
  GtkListView *list = template_child (fixture->window, UP_TYPE_WINDOW, "stage_list");
  GtkSingleSelection *selection = GTK_SINGLE_SELECTION (gtk_list_view_get_model (list));

  gtk_single_selection_set_selected (selection, position);
  wait_for_frames (GTK_WIDGET (fixture->window));

  return gtk_single_selection_get_selected_item (selection);
}

static UpNotesView *
show_notes_view (Fixture *fixture)
{
  show_view (fixture, "notes");

  return template_child (fixture->window, UP_TYPE_WINDOW, "notes_view");
}

/* The widgets under @widget that carry the data @key, depth first. */
static void
collect_with_data (GtkWidget  *widget,
                   const char *key,
                   GPtrArray  *found)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (g_object_get_data (G_OBJECT (child), key) != NULL && gtk_widget_get_visible (child))
        g_ptr_array_add (found, child);
      collect_with_data (child, key, found);
    }
}

/* The row the note list shows for note @id, NULL when it is not in sight. */
static GtkWidget *
row_of_note (UpNotesView *view,
             gint64       id)
{
  GtkWidget *list = template_child (view, UP_TYPE_NOTES_VIEW, "note_list");
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  collect_with_data (list, "note-id", rows);
  for (guint i = 0; i < rows->len; i++)
    if ((gint64) GPOINTER_TO_SIZE (g_object_get_data (rows->pdata[i], "note-id")) == id)
      return rows->pdata[i];

  return NULL;
}

/* The notes the list of the notes view shows, in order, and the label of
 * each row's body (NULL for a note out of sight: the list makes rows only
 * for what it shows). */
static GPtrArray *
listed_notes (Fixture     *fixture,
              UpNotesView *view,
              GPtrArray   *labels)
{
  GtkListView *list = template_child (view, UP_TYPE_NOTES_VIEW, "note_list");
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (list));
  GPtrArray *notes = g_ptr_array_new ();

  wait_for_frames (GTK_WIDGET (view));
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(UpNote) listed = g_list_model_get_item (model, i);
      gint64 id = up_record_get_id (UP_RECORD (listed));
      GtkWidget *row;

      g_assert_cmpint (id, >, 0);
      g_ptr_array_add (notes, up_project_lookup (fixture->project, "note", id));
      if (labels != NULL)
        {
          row = row_of_note (view, id);
          g_ptr_array_add (labels, row != NULL ? g_object_get_data (G_OBJECT (row), "body-label") : NULL);
        }
    }

  return notes;
}

/* The notes view makes its widgets when it is first shown, not with the
 * window; what changed in the project before that is in its list then. */
static void
test_built_on_first_show (Fixture       *fixture,
                          gconstpointer  user_data)
{
  UpNotesView *view = template_child (fixture->window, UP_TYPE_WINDOW, "notes_view");
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GError) error = NULL;
  UpNote *note;

  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (view)));
  g_assert_null (adw_bin_get_child (ADW_BIN (view)));
  g_assert_null (gtk_widget_get_template_child (GTK_WIDGET (view), UP_TYPE_NOTES_VIEW, "note_list"));

  note = up_project_add_note (fixture->project, NEW_BODY, "dialogue", "2026-01-05", NULL, &error);
  g_assert_no_error (error);

  show_notes_view (fixture);
  g_assert_nonnull (adw_bin_get_child (ADW_BIN (view)));
  notes = listed_notes (fixture, view, NULL);
  g_assert_cmpuint (notes->len, ==, g_list_model_get_n_items (up_project_get_notes (fixture->project)));
  g_assert_true (g_ptr_array_find (notes, note, NULL));
}

static void
assert_note_row_named (UpNotesView *view,
                       UpNote      *note,
                       const char  *excerpt)
{
  GtkWidget *content = row_of_note (view, up_record_get_id (UP_RECORD (note)));
  GtkWidget *row;
  GtkLabel *meta;
  g_autofree char *expected = NULL;
  g_autofree char *mismatch = NULL;

  g_assert_nonnull (content);
  row = up_a11y_util_get_row (content);
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_get_focusable (row));
  meta = g_object_get_data (G_OBJECT (content), "meta-label");
  g_assert_nonnull (meta);
  expected = g_strdup_printf (_("%1$s: %2$s"), gtk_label_get_label (meta), excerpt);
  mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, expected);
  if (mismatch != NULL)
    g_error ("the row of the note is named \"%s\", not \"%s\"", mismatch, expected);
}

/* A row of the note list takes the focus, and a screen reader read it as
 * "": it is named with the date, kind and visibility, and the start of the
 * text, cut where a long note would make a screen reader read on for
 * minutes. */
static void
test_rows_named (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) long_body = g_string_new (NULL);
  g_autofree char *long_start = NULL;
  g_autofree char *long_excerpt = NULL;
  UpNotesView *view;
  UpNote *note;
  UpNote *long_note;

  for (guint i = 0; i < 500; i++)
    g_string_append (long_body, "Långt ord ");
  note = up_project_add_note (fixture->project, NEW_BODY, "dialogue", "2099-01-06", NULL, &error);
  g_assert_no_error (error);
  long_note = up_project_add_note (fixture->project, long_body->str, "dialogue", "2099-01-05", NULL, &error);
  g_assert_no_error (error);

  view = show_notes_view (fixture);
  assert_note_row_named (view, note, NEW_BODY);
  long_start = g_utf8_substring (long_body->str, 0, 160);
  long_excerpt = g_strconcat (long_start, "…", NULL);
  assert_note_row_named (view, long_note, long_excerpt);
}

typedef struct
{
  const char *text;
  guint       n_changes;
} SearchWait;

static void
on_search_changed (SearchWait  *wait,
                   GtkEditable *entry)
{
  /* Setting the text clears the entry first, and the entry reports an
   * empty text at once: wait for the report of the text itself. */
  if (g_strcmp0 (gtk_editable_get_text (entry), wait->text) == 0)
    wait->n_changes++;
}

static gboolean
search_done (gpointer data)
{
  return ((SearchWait *) data)->n_changes > 0;
}

/* Types @text into the search entry as a user does and waits for the list
 * to follow (the entry reports a change after a short delay). */
static void
search (UpNotesView *view,
        const char  *text)
{
  GtkEditable *entry = template_child (view, UP_TYPE_NOTES_VIEW, "search_entry");
  SearchWait wait = { text, 0 };
  gulong id;

  id = g_signal_connect_swapped (entry, "search-changed", G_CALLBACK (on_search_changed), &wait);
  gtk_editable_set_text (entry, text);
  wait_until (search_done, &wait);
  g_signal_handler_disconnect (entry, id);
  wait_for_frames (GTK_WIDGET (view));
}

static gboolean
contains (GPtrArray *notes,
          gint64     id)
{
  for (guint i = 0; i < notes->len; i++)
    if (g_ptr_array_index (notes, i) != NULL &&
        up_record_get_id (g_ptr_array_index (notes, i)) == id)
      return TRUE;

  return FALSE;
}

static guint
count_links (UpProject *project)
{
  return up_project_count (project, "note_stakeholder");
}

/* The open message dialog of @parent, looked at and answered with
 * @response. */
static void
answer_dialog (GtkWindow  *parent,
               const char *response)
{
  AdwMessageDialog *dialog;
  g_autofree char *name = g_strdup_printf ("notes-delete-stage-dialog-%s.png", test_language ());

  iterate_pending ();
  dialog = get_message_dialog (parent);
  g_test_message ("Dialog: %s — %s", adw_message_dialog_get_heading (dialog), adw_message_dialog_get_body (dialog));
  wait_until (is_mapped, dialog);
  wait_for_frames (GTK_WIDGET (dialog));
  save_screenshot (GTK_WIDGET (dialog), name);
  adw_message_dialog_response (dialog, response);
  iterate_pending ();
}

/* Adds a note through the stage panel as a user does, returns its id. */
static gint64
add_note_in_stage_panel (Fixture    *fixture,
                         UpStage    *stage,
                         const char *body,
                         const char *screenshot)
{
  UpStageEditor *editor = template_child (fixture->window, UP_TYPE_WINDOW, "editor");
  UpStageNotes *notes = template_child (editor, UP_TYPE_STAGE_EDITOR, "stage_notes");
  GtkWidget *add = template_child (notes, UP_TYPE_STAGE_NOTES, "add_button");
  GtkWidget *save = template_child (notes, UP_TYPE_STAGE_NOTES, "save_button");
  GtkTextView *view = template_child (notes, UP_TYPE_STAGE_NOTES, "composer_view");
  GtkListBox *list = template_child (notes, UP_TYPE_STAGE_NOTES, "list");
  g_autoptr(GPtrArray) before = up_project_list_stage_notes (fixture->project, stage);
  g_autoptr(GPtrArray) after = NULL;
  UpNote *added = NULL;
  guint n_rows = 0;

  g_assert_true (up_stage_notes_get_stage (notes) == stage);
  g_assert_true (gtk_widget_get_sensitive (add));
  g_signal_emit_by_name (add, "clicked");
  wait_for_frames (GTK_WIDGET (fixture->window));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (view)));
  g_assert_false (gtk_widget_get_sensitive (save));

  gtk_text_buffer_insert_at_cursor (gtk_text_view_get_buffer (view), body, -1);
  g_assert_true (gtk_widget_get_sensitive (save));

  /* The notes, with the form open, fit in the panel as narrow as it may
   * get: they must not widen it (and narrow the timeline beside it). */
  {
    int minimum, request;

    gtk_widget_get_size_request (GTK_WIDGET (editor), &request, NULL);
    gtk_widget_measure (GTK_WIDGET (editor), GTK_ORIENTATION_HORIZONTAL, -1,
                        &minimum, NULL, NULL, NULL);
    g_assert_cmpint (request, >, 0);
    g_assert_cmpint (minimum, <=, request);
  }

  if (screenshot != NULL)
    {
      wait_for_frames (GTK_WIDGET (notes));
      save_screenshot (GTK_WIDGET (notes), screenshot);
    }
  g_signal_emit_by_name (save, "clicked");
  wait_for_frames (GTK_WIDGET (fixture->window));
  /* The form closed under the focus, which went back to Add Note. */
  g_assert_true (gtk_widget_has_focus (add));

  after = up_project_list_stage_notes (fixture->project, stage);
  g_assert_cmpuint (after->len, ==, before->len + 1);
  for (guint i = 0; i < after->len; i++)
    if (g_strcmp0 (up_note_get_body (g_ptr_array_index (after, i)), body) == 0)
      added = g_ptr_array_index (after, i);
  g_assert_nonnull (added);
  g_assert_cmpint (up_note_get_stage_id (added), ==, up_record_get_id (UP_RECORD (stage)));

  /* The panel shows it, and its form is closed and empty again. */
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row) && g_object_get_data (G_OBJECT (row), "note-id") != NULL)
      n_rows++;
  g_assert_cmpuint (n_rows, ==, after->len);
  g_assert_cmpint (gtk_text_buffer_get_char_count (gtk_text_view_get_buffer (view)), ==, 0);

  return up_record_get_id (UP_RECORD (added));
}

static void select_note_in_view (UpNotesView *view,
                                 gint64       id);

typedef struct
{
  UpNote     *note;
  const char *body;
} BodyWait;

static gboolean body_is (gpointer data);

/* A note of blanks only reads "(empty)" in the list, as an empty one
 * does, not as a row with nothing in it; and a search typed or pasted
 * with decomposed letters (o and a combining diaeresis, as a PDF or a Mac
 * gives them) finds the note written with "ö", and the other way round. */
static void
test_blank_and_decomposed (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  UpNote *blank = up_project_add_note (fixture->project, "   \n\t ", "internal", "2026-03-01", NULL, &error);
  UpNote *composed = up_project_add_note (fixture->project, "Mötet med leverantören gick bra",
                                          "dialogue", "2026-03-02", NULL, &error);
  UpNote *decomposed = up_project_add_note (fixture->project, "Ett a\xcc\x8a" "rsmöte om larmen",
                                            "dialogue", "2026-03-03", NULL, &error);
  UpNotesView *view = show_notes_view (fixture);
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GPtrArray) found_year = NULL;
  const char *text = NULL;

  g_assert_no_error (error);
  all = listed_notes (fixture, view, labels);
  for (guint i = 0; i < all->len; i++)
    if (g_ptr_array_index (all, i) == (gpointer) blank)
      text = gtk_label_get_label (g_ptr_array_index (labels, i));
  g_assert_cmpstr (text, ==, _("(empty)"));

  search (view, "mo\xcc\x88" "tet");
  found = listed_notes (fixture, view, NULL);
  g_assert_true (contains (found, up_record_get_id (UP_RECORD (composed))));

  search (view, "årsmöte");
  found_year = listed_notes (fixture, view, NULL);
  g_assert_true (contains (found_year, up_record_get_id (UP_RECORD (decomposed))));
}


static void
test_add_and_search (Fixture       *fixture,
                     gconstpointer  user_data)
{
  UpStage *stage = select_stage (fixture, 1);
  gint64 id = add_note_in_stage_panel (fixture, stage, NEW_BODY, NULL);
  UpNotesView *view = show_notes_view (fixture);
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GPtrArray) found_ar = NULL;
  g_autoptr(GPtrArray) found_year = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autofree char *screenshot = NULL;
  const char *markup = NULL;

  all = listed_notes (fixture, view, NULL);
  g_assert_cmpuint (all->len, ==, g_list_model_get_n_items (up_project_get_notes (fixture->project)));
  g_assert_true (contains (all, id));

  search (view, "upphandl");
  found = listed_notes (fixture, view, labels);
  g_assert_true (contains (found, id));
  g_assert_cmpuint (found->len, <, all->len);
  for (guint i = 0; i < found->len; i++)
    if (up_record_get_id (g_ptr_array_index (found, i)) == id)
      markup = gtk_label_get_label (g_ptr_array_index (labels, i));
  g_assert_nonnull (markup);
  g_test_message ("Row: %s", markup);
  /* The whole word that the prefix matched is marked, and only that. */
  g_assert_nonnull (strstr (markup, ">Upphandlingen</span>"));
  g_assert_null (strstr (markup, ">larmen</span>"));
  g_assert_true (gtk_label_get_use_markup (g_ptr_array_index (labels, 0)));

  screenshot = g_strdup_printf ("notes-search-%s.png", test_language ());
  save_screenshot (GTK_WIDGET (fixture->window), screenshot);

  /* A note edited so that it no longer matches stays in the editor while
   * it is edited; the user's next search decides again. */
  {
    GtkTextView *body_view = template_child (view, UP_TYPE_NOTES_VIEW, "body_view");
    GtkStack *editor_stack = template_child (view, UP_TYPE_NOTES_VIEW, "editor_stack");
    BodyWait wait = { UP_NOTE (up_project_lookup (fixture->project, "note", id)), "Larmen." };
    g_autoptr(GPtrArray) after = NULL;

    select_note_in_view (view, id);
    gtk_widget_grab_focus (GTK_WIDGET (body_view));
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (body_view), "Larmen.", -1);
    wait_until (body_is, &wait);
    after = listed_notes (fixture, view, NULL);
    g_assert_false (contains (after, id));
    g_assert_cmpstr (gtk_stack_get_visible_child_name (editor_stack), ==, "editor");
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
    iterate_pending ();
  }

  /* å is a letter of its own: "ar" is found inside "larmen" and "klar",
   * never as the "år" of the note. */
  search (view, "ar");
  g_ptr_array_set_size (labels, 0);
  found_ar = listed_notes (fixture, view, labels);
  g_assert_true (contains (found_ar, id));
  for (guint i = 0; i < found_ar->len; i++)
    if (up_record_get_id (g_ptr_array_index (found_ar, i)) == id)
      markup = gtk_label_get_label (g_ptr_array_index (labels, i));
  g_test_message ("Row: %s", markup);
  g_assert_nonnull (strstr (markup, ">ar</span>"));
  g_assert_null (strstr (markup, ">år</span>"));
  search (view, "år");
  g_ptr_array_set_size (labels, 0);
  found_year = listed_notes (fixture, view, labels);
  g_assert_true (contains (found_year, id));
  for (guint i = 0; i < found_year->len; i++)
    if (up_record_get_id (g_ptr_array_index (found_year, i)) == id)
      markup = gtk_label_get_label (g_ptr_array_index (labels, i));
  g_assert_nonnull (strstr (markup, ">år</span>"));
  for (guint i = 0; i < found_ar->len; i++)
    g_assert_false (contains (found_year, up_record_get_id (g_ptr_array_index (found_ar, i))) &&
                    strstr (up_note_get_body (g_ptr_array_index (found_ar, i)), "år") == NULL);

  /* Hostile text lists something or nothing, and never fails. */
  search (view, "AND OR \"( NEAR( * - ^ 😀");
  search (view, "\"");
  search (view, "");
  g_clear_pointer (&found, g_ptr_array_unref);
  found = listed_notes (fixture, view, NULL);
  g_assert_cmpuint (found->len, ==, all->len);
}

/* Escape in the search field (its stop-search) empties it. */
static void
test_search_escape (Fixture       *fixture,
                    gconstpointer  user_data)
{
  UpNotesView *view = show_notes_view (fixture);
  GtkEditable *entry = template_child (view, UP_TYPE_NOTES_VIEW, "search_entry");
  GtkEditable *people = template_child (view, UP_TYPE_NOTES_VIEW, "stakeholder_search");

  search (view, "upphandl");
  g_signal_emit_by_name (entry, "stop-search");
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "");
  gtk_editable_set_text (people, "Sara");
  g_signal_emit_by_name (people, "stop-search");
  g_assert_cmpstr (gtk_editable_get_text (people), ==, "");
}

static double
list_scrolled (UpNotesView *view)
{
  GtkScrollable *list = template_child (view, UP_TYPE_NOTES_VIEW, "note_list");

  return gtk_adjustment_get_value (gtk_scrollable_get_vadjustment (list));
}

/* A search, or a filter chosen, shows what it found from the first: the
 * list stayed on the note that had been at its top, wherever that note
 * came in what was found (typing "larm" in the list as it opened showed
 * the last of 12 hits, the first 9 above, out of sight; emptying the
 * search again kept the list in its middle). */
static void
test_search_shows_first (Fixture       *fixture,
                         gconstpointer  user_data)
{
  UpNotesView *view = show_notes_view (fixture);
  GtkDropDown *kind_filter = template_child (view, UP_TYPE_NOTES_VIEW, "kind_filter");
  GtkScrollable *list = template_child (view, UP_TYPE_NOTES_VIEW, "note_list");
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (list);

  wait_for_frames (GTK_WIDGET (view));
  g_assert_cmpfloat (list_scrolled (view), ==, 0);

  search (view, "larm");
  g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment), >, gtk_adjustment_get_page_size (adjustment));
  g_assert_cmpfloat (list_scrolled (view), ==, 0);

  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  wait_for_frames (GTK_WIDGET (view));
  g_assert_cmpfloat (list_scrolled (view), >, 0);
  search (view, "");
  g_assert_cmpfloat (list_scrolled (view), ==, 0);

  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  wait_for_frames (GTK_WIDGET (view));
  g_assert_cmpfloat (list_scrolled (view), >, 0);
  gtk_drop_down_set_selected (kind_filter, 1);
  wait_for_frames (GTK_WIDGET (view));
  g_assert_cmpfloat (list_scrolled (view), ==, 0);
}

static gboolean
model_has (GListModel *model,
           const char *text)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);

      if (g_str_equal (gtk_string_object_get_string (item), text))
        return TRUE;
    }
  return FALSE;
}

/* Two stages of one title are told apart by their dates in the stage
 * choices (the filter, a note's stage), two people of one name by their
 * organisation in the stakeholder filter; a title of its own stays as it
 * is. */
static void
test_same_names (Fixture       *fixture,
                 gconstpointer  user_data)
{
  UpNotesView *view = show_notes_view (fixture);
  GtkDropDown *stage_filter = template_child (view, UP_TYPE_NOTES_VIEW, "stage_filter");
  GtkDropDown *stakeholder_filter = template_child (view, UP_TYPE_NOTES_VIEW, "stakeholder_filter");
  AdwComboRow *stage_row = template_child (view, UP_TYPE_NOTES_VIEW, "stage_row");
  g_autoptr(GError) error = NULL;
  UpStage *first, *second;
  g_autofree char *first_dates = NULL;
  g_autofree char *second_dates = NULL;
  g_autofree char *first_choice = NULL;
  g_autofree char *second_choice = NULL;
  g_autofree char *anna_region = NULL;
  g_autofree char *anna_city = NULL;

  first = up_project_add_stage (fixture->project, "hackathon", "Dialogmöte", "2027-02-01", "2027-02-01",
                                NULL, &error);
  g_assert_no_error (error);
  second = up_project_add_stage (fixture->project, "market-dialogue", "Dialogmöte", "2027-05-03", "2027-05-04",
                                 NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (up_project_add_stakeholder (fixture->project, "Anna Berg", "Region Älvby", "politician", &error));
  g_assert_no_error (error);
  g_assert_nonnull (up_project_add_stakeholder (fixture->project, "Anna Berg", "Älvby kommun", "user", &error));
  g_assert_no_error (error);
  iterate_pending ();

  first_dates = up_stage_format_dates (first);
  second_dates = up_stage_format_dates (second);
  first_choice = g_strdup_printf (_("%1$s (%2$s)"), "Dialogmöte", first_dates);
  second_choice = g_strdup_printf (_("%1$s (%2$s)"), "Dialogmöte", second_dates);
  g_assert_cmpstr (first_choice, !=, second_choice);
  g_assert_true (model_has (gtk_drop_down_get_model (stage_filter), first_choice));
  g_assert_true (model_has (gtk_drop_down_get_model (stage_filter), second_choice));
  g_assert_true (model_has (adw_combo_row_get_model (stage_row), first_choice));
  g_assert_true (model_has (adw_combo_row_get_model (stage_row), second_choice));
  g_assert_false (model_has (gtk_drop_down_get_model (stage_filter), "Dialogmöte"));

  anna_region = g_strdup_printf (_("%1$s (%2$s)"), "Anna Berg", "Region Älvby");
  anna_city = g_strdup_printf (_("%1$s (%2$s)"), "Anna Berg", "Älvby kommun");
  g_assert_true (model_has (gtk_drop_down_get_model (stakeholder_filter), anna_region));
  g_assert_true (model_has (gtk_drop_down_get_model (stakeholder_filter), anna_city));

  /* the first stage's title is its own */
  {
    g_autoptr(UpStage) stage = g_list_model_get_item (up_project_get_stages (fixture->project), 0);

    g_assert_true (model_has (adw_combo_row_get_model (stage_row), up_stage_get_title (stage)));
  }
}

/* The position of the entry of @dropdown that reads @label. */
static guint
entry_of (GtkDropDown *dropdown,
          const char  *label)
{
  GListModel *model = gtk_drop_down_get_model (dropdown);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), i), label) == 0)
      return i;

  g_error ("No entry “%s”", label);
}

static void
test_filters (Fixture       *fixture,
              gconstpointer  user_data)
{
  UpNotesView *view = show_notes_view (fixture);
  GtkDropDown *stage_filter = template_child (view, UP_TYPE_NOTES_VIEW, "stage_filter");
  GtkDropDown *kind_filter = template_child (view, UP_TYPE_NOTES_VIEW, "kind_filter");
  GtkDropDown *visibility_filter = template_child (view, UP_TYPE_NOTES_VIEW, "visibility_filter");
  GtkLabel *count = template_child (view, UP_TYPE_NOTES_VIEW, "count_label");
  GListModel *notes = up_project_get_notes (fixture->project);
  guint total = g_list_model_get_n_items (notes);
  g_autoptr(UpStage) stage = g_list_model_get_item (up_project_get_stages (fixture->project), 0);
  g_autofree char *all_text = g_strdup_printf (ngettext ("%1$'u note", "%1$'u notes", total), total);
  g_autofree char *some_text = NULL;
  guint interview = 0, expected_stage = 0, expected_kind = 0, expected_both = 0;
  g_autoptr(GPtrArray) by_stage = NULL;
  g_autoptr(GPtrArray) by_kind = NULL;
  g_autoptr(GPtrArray) by_both = NULL;
  g_autoptr(GPtrArray) none = NULL;

  g_assert_cmpstr (gtk_label_get_label (count), ==, all_text);

  for (guint i = 0; up_note_kinds[i] != NULL; i++)
    if (g_strcmp0 (up_note_kinds[i], "interview") == 0)
      interview = i;

  for (guint i = 0; i < total; i++)
    {
      g_autoptr(UpNote) note = g_list_model_get_item (notes, i);
      gboolean at_stage = up_note_get_stage_id (note) == up_record_get_id (UP_RECORD (stage));
      gboolean is_interview = g_strcmp0 (up_note_get_kind (note), "interview") == 0;

      expected_stage += at_stage;
      expected_kind += is_interview;
      expected_both += at_stage && is_interview;
    }
  g_assert_cmpuint (expected_stage, >, 0);
  g_assert_cmpuint (expected_stage, <, total);
  g_assert_cmpuint (expected_both, >, 0);
  g_assert_cmpuint (expected_both, <, expected_stage);

  /* Entries: all stages, no stage, then the stages in order. */
  gtk_drop_down_set_selected (stage_filter, 2);
  by_stage = listed_notes (fixture, view, NULL);
  g_assert_cmpuint (by_stage->len, ==, expected_stage);
  for (guint i = 0; i < by_stage->len; i++)
    g_assert_cmpint (up_note_get_stage_id (g_ptr_array_index (by_stage, i)), ==,
                     up_record_get_id (UP_RECORD (stage)));
  some_text = g_strdup_printf (ngettext ("%1$'u of %2$'u note", "%1$'u of %2$'u notes", total),
                               expected_stage, total);
  g_assert_cmpstr (gtk_label_get_label (count), ==, some_text);

  gtk_drop_down_set_selected (kind_filter, interview + 1);
  by_both = listed_notes (fixture, view, NULL);
  g_assert_cmpuint (by_both->len, ==, expected_both);

  gtk_drop_down_set_selected (stage_filter, 0);
  by_kind = listed_notes (fixture, view, NULL);
  g_assert_cmpuint (by_kind->len, ==, expected_kind);
  for (guint i = 0; i < by_kind->len; i++)
    g_assert_cmpstr (up_note_get_kind (g_ptr_array_index (by_kind, i)), ==, "interview");

  /* Interviews are internal in the demo: public ones, none. */
  gtk_drop_down_set_selected (visibility_filter, 1);
  none = listed_notes (fixture, view, NULL);
  g_assert_cmpuint (none->len, ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (template_child (view, UP_TYPE_NOTES_VIEW, "list_stack")),
                   ==, "no-results");

  /* Entries: all stakeholders, then the stakeholders by name. Each one's
   * notes are those that name them, with a search too. */
  gtk_drop_down_set_selected (visibility_filter, 0);
  gtk_drop_down_set_selected (kind_filter, 0);
  {
    GtkDropDown *people_filter = template_child (view, UP_TYPE_NOTES_VIEW, "stakeholder_filter");
    GListModel *people = up_project_get_stakeholders (fixture->project);
    guint with_notes = 0;

    for (guint p = 0; p < g_list_model_get_n_items (people); p++)
      {
        g_autoptr(UpStakeholder) person = g_list_model_get_item (people, p);
        g_autoptr(GPtrArray) listed = NULL;
        guint expected = 0;

        for (guint i = 0; i < total; i++)
          {
            g_autoptr(UpNote) note = g_list_model_get_item (notes, i);
            g_autoptr(GPtrArray) named = up_project_list_note_stakeholders (fixture->project, note);

            for (guint n = 0; n < named->len; n++)
              expected += g_ptr_array_index (named, n) == (gpointer) person;
          }
        with_notes += expected > 0;

        gtk_drop_down_set_selected (people_filter, entry_of (people_filter, up_stakeholder_get_name (person)));
        listed = listed_notes (fixture, view, NULL);
        g_assert_cmpuint (listed->len, ==, expected);
        for (guint i = 0; i < listed->len; i++)
          {
            g_autoptr(GPtrArray) named = up_project_list_note_stakeholders (fixture->project,
                                                                            g_ptr_array_index (listed, i));
            gboolean names_person = FALSE;

            for (guint n = 0; n < named->len; n++)
              names_person |= g_ptr_array_index (named, n) == (gpointer) person;
            g_assert_true (names_person);
          }
      }
    g_assert_cmpuint (with_notes, >, 1);
    gtk_drop_down_set_selected (people_filter, 0);
    g_clear_pointer (&none, g_ptr_array_unref);
    none = listed_notes (fixture, view, NULL);
    g_assert_cmpuint (none->len, ==, total);
  }
}

static void
select_note_in_view (UpNotesView *view,
                     gint64       id)
{
  GtkListView *list = template_child (view, UP_TYPE_NOTES_VIEW, "note_list");
  GtkSelectionModel *model = gtk_list_view_get_model (list);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (model)); i++)
    {
      g_autoptr(UpNote) note = g_list_model_get_item (G_LIST_MODEL (model), i);

      if (up_record_get_id (UP_RECORD (note)) == id)
        {
          gtk_selection_model_select_item (model, i, TRUE);
          return;
        }
    }

  g_error ("Note %" G_GINT64_FORMAT " is not listed", id);
}

static gboolean
body_is (gpointer data)
{
  BodyWait *wait = data;

  return g_strcmp0 (up_note_get_body (wait->note), wait->body) == 0;
}

static void
test_editor (Fixture       *fixture,
             gconstpointer  user_data)
{
  UpNotesView *view = show_notes_view (fixture);
  GtkTextView *body_view = template_child (view, UP_TYPE_NOTES_VIEW, "body_view");
  AdwComboRow *kind_row = template_child (view, UP_TYPE_NOTES_VIEW, "kind_row");
  AdwEntryRow *said_row = template_child (view, UP_TYPE_NOTES_VIEW, "said_row");
  GtkWidget *people = template_child (view, UP_TYPE_NOTES_VIEW, "stakeholder_list");
  g_autoptr(GPtrArray) checks = g_ptr_array_new ();
  g_autoptr(UpNote) first = g_list_model_get_item (up_project_get_notes (fixture->project), 0);
  gint64 id = up_record_get_id (UP_RECORD (first));
  g_autofree char *old_body = g_strdup (up_note_get_body (first));
  g_autofree char *new_body = g_strconcat (old_body, " Tillägg.", NULL);
  g_autofree char *old_said = g_strdup (up_note_get_said_on (first));
  guint links = count_links (fixture->project);
  GtkTextIter end;
  BodyWait wait;
  UpNote *note;
  GtkWidget *check;

  select_note_in_view (view, id);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (template_child (view, UP_TYPE_NOTES_VIEW, "editor_stack")),
                   ==, "editor");

  /* Typed text is committed after a pause, in one step. */
  gtk_text_buffer_get_end_iter (gtk_text_view_get_buffer (body_view), &end);
  gtk_text_buffer_place_cursor (gtk_text_view_get_buffer (body_view), &end);
  gtk_text_buffer_insert_at_cursor (gtk_text_view_get_buffer (body_view), " Till", -1);
  gtk_text_buffer_insert_at_cursor (gtk_text_view_get_buffer (body_view), "ägg.", -1);
  wait.note = UP_NOTE (up_project_lookup (fixture->project, "note", id));
  wait.body = new_body;
  wait_until (body_is, &wait);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  note = UP_NOTE (up_project_lookup (fixture->project, "note", id));
  g_assert_cmpstr (up_note_get_body (note), ==, old_body);
  iterate_pending ();

  /* A choice is committed as it is made. */
  adw_combo_row_set_selected (kind_row, 0);
  note = UP_NOTE (up_project_lookup (fixture->project, "note", id));
  g_assert_cmpstr (up_note_get_kind (note), ==, up_note_kinds[0]);

  /* A date the core refuses leaves the note as it was. */
  gtk_editable_set_text (GTK_EDITABLE (said_row), "2026-02-30");
  g_signal_emit_by_name (gtk_editable_get_delegate (GTK_EDITABLE (said_row)), "activate");
  note = UP_NOTE (up_project_lookup (fixture->project, "note", id));
  g_assert_cmpstr (up_note_get_said_on (note), ==, old_said);
  gtk_editable_set_text (GTK_EDITABLE (said_row), "2026-01-15");
  g_signal_emit_by_name (gtk_editable_get_delegate (GTK_EDITABLE (said_row)), "activate");
  note = UP_NOTE (up_project_lookup (fixture->project, "note", id));
  g_assert_cmpstr (up_note_get_said_on (note), ==, "2026-01-15");

  /* Stakeholders: activating a check toggles its link, twice back. */
  wait_for_frames (GTK_WIDGET (view));
  collect_with_data (people, "stakeholder-id", checks);
  g_assert_cmpuint (checks->len, ==, g_list_model_get_n_items (up_project_get_stakeholders (fixture->project)));
  check = g_ptr_array_index (checks, 0);
  g_assert_true (GTK_IS_CHECK_BUTTON (check));
  /* A few stakeholders show whole, with the page: nothing scrolls inside. */
  {
    GtkScrolledWindow *scroller = template_child (view, UP_TYPE_NOTES_VIEW, "stakeholder_scroller");
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scroller);

    g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment), <=, gtk_adjustment_get_page_size (adjustment) + 1);
  }
  gtk_widget_activate (check);
  g_assert_cmpuint (count_links (fixture->project), !=, links);
  gtk_widget_activate (check);
  g_assert_cmpuint (count_links (fixture->project), ==, links);
  gtk_widget_activate (check);
  g_assert_cmpuint (count_links (fixture->project), !=, links);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  g_assert_cmpuint (count_links (fixture->project), ==, links);
}

static void
test_delete_note (Fixture       *fixture,
                  gconstpointer  user_data)
{
  UpNotesView *view = show_notes_view (fixture);
  GtkWidget *delete = template_child (view, UP_TYPE_NOTES_VIEW, "delete_button");
  g_autoptr(UpNote) first = g_list_model_get_item (up_project_get_notes (fixture->project), 0);
  gint64 id = up_record_get_id (UP_RECORD (first));
  guint total = g_list_model_get_n_items (up_project_get_notes (fixture->project));
  g_autoptr(GPtrArray) after_delete = NULL;
  g_autoptr(GPtrArray) after_undo = NULL;

  g_assert_false (gtk_widget_get_sensitive (delete));
  select_note_in_view (view, id);
  g_assert_true (gtk_widget_get_sensitive (delete));
  /* pressed with the keyboard: the focus goes to Add Note, not to nothing */
  g_assert_true (gtk_widget_grab_focus (delete));
  g_signal_emit_by_name (delete, "clicked");
  g_assert_null (up_project_lookup (fixture->project, "note", id));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (fixture->window)) ==
                 template_child (view, UP_TYPE_NOTES_VIEW, "add_button"));
  after_delete = listed_notes (fixture, view, NULL);
  g_assert_cmpuint (after_delete->len, ==, total - 1);
  g_assert_false (contains (after_delete, id));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  g_assert_nonnull (up_project_lookup (fixture->project, "note", id));
  after_undo = listed_notes (fixture, view, NULL);
  g_assert_true (contains (after_undo, id));
}

/* Escape pressed in @widget, through its key controller as GTK would
 * deliver it (GTK 4 has no API to synthesise the event itself). */
static gboolean
press_escape (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !handled; i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", GDK_KEY_Escape, 0, 0, &handled);
    }

  return handled;
}

typedef struct
{
  guint n_notes;
  guint n_undo;
  char *undo_label;
} HistoryMark;

static void
mark_history (Fixture     *fixture,
              HistoryMark *mark)
{
  UpHistory *history = up_project_get_history (fixture->project);

  mark->n_notes = g_list_model_get_n_items (up_project_get_notes (fixture->project));
  mark->n_undo = up_history_get_n_undo (history);
  g_free (mark->undo_label);
  mark->undo_label = g_strdup (up_history_get_undo_label (history));
}

/* The project and its history are as they were at @mark: the note added
 * went without a trace, neither an undo step nor a redo step. */
static void
assert_as_marked (Fixture     *fixture,
                  HistoryMark *mark,
                  gint64       gone)
{
  UpHistory *history = up_project_get_history (fixture->project);

  g_assert_null (up_project_lookup (fixture->project, "note", gone));
  g_assert_cmpuint (g_list_model_get_n_items (up_project_get_notes (fixture->project)), ==, mark->n_notes);
  g_assert_cmpuint (up_history_get_n_undo (history), ==, mark->n_undo);
  g_assert_cmpstr (up_history_get_undo_label (history), ==, mark->undo_label);
  g_assert_cmpuint (up_history_get_n_redo (history), ==, 0);
}

typedef struct
{
  UpProject *project;
  gint64     id;
} NoteGone;

/* For wait_until(): the note is no longer in the project. */
static gboolean
note_is_gone (gpointer data)
{
  NoteGone *gone = data;

  return up_project_lookup (gone->project, "note", gone->id) == NULL;
}

/* Add Note and its new, selected, empty note; returns its id. */
static gint64
click_add_note (Fixture     *fixture,
                UpNotesView *view)
{
  GtkWidget *add = template_child (view, UP_TYPE_NOTES_VIEW, "add_button");
  GtkWidget *body = template_child (view, UP_TYPE_NOTES_VIEW, "body_view");
  UpHistory *history = up_project_get_history (fixture->project);
  GtkListView *list = template_child (view, UP_TYPE_NOTES_VIEW, "note_list");
  UpNote *note;

  g_signal_emit_by_name (add, "clicked");
  wait_for_frames (GTK_WIDGET (view));
  g_assert_cmpstr (up_history_get_undo_label (history), ==, _("Add Note"));
  g_assert_true (gtk_widget_has_focus (body));
  note = gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (gtk_list_view_get_model (list)));
  g_assert_nonnull (note);
  g_assert_cmpstr (up_note_get_body (note), ==, "");

  return up_record_get_id (UP_RECORD (note));
}

/* A note added with Add Note and left with nothing in it, by Escape in
 * its text, by choosing another note, by Add Note again, by another view
 * or by closing the window, goes again: no "(empty)" note stays, and the
 * history is as before the add (no Add Note to undo, nothing to redo).
 * A note given text, or anything else, stays. */
static void
test_new_note_left_empty (Fixture       *fixture,
                          gconstpointer  user_data)
{
  UpNotesView *view = show_notes_view (fixture);
  GtkWidget *add = template_child (view, UP_TYPE_NOTES_VIEW, "add_button");
  GtkTextView *body = template_child (view, UP_TYPE_NOTES_VIEW, "body_view");
  GtkWidget *list = template_child (view, UP_TYPE_NOTES_VIEW, "note_list");
  AdwViewStack *stack = template_child (fixture->window, UP_TYPE_WINDOW, "view_stack");
  g_autoptr(UpNote) other = g_list_model_get_item (up_project_get_notes (fixture->project), 0);
  g_autoptr(GError) error = NULL;
  HistoryMark mark = { 0 };
  g_autoptr(GPtrArray) listed = NULL;
  gint64 id, kept;
  BodyWait wait;

  /* An edit before, so that "as before" has an undo step to keep. */
  g_assert_true (up_project_set_string (fixture->project, other, "said-on", "2026-01-20", &error));
  g_assert_no_error (error);
  mark_history (fixture, &mark);

  /* Escape in the empty text: the focus goes back to Add Note. */
  id = click_add_note (fixture, view);
  g_assert_cmpuint (g_list_model_get_n_items (up_project_get_notes (fixture->project)), ==, mark.n_notes + 1);
  g_assert_true (press_escape (GTK_WIDGET (body)));
  wait_for_frames (GTK_WIDGET (view));
  assert_as_marked (fixture, &mark, id);
  g_assert_true (gtk_widget_has_focus (add));
  listed = listed_notes (fixture, view, NULL);
  g_assert_false (contains (listed, id));
  g_assert_cmpuint (listed->len, ==, mark.n_notes);

  /* Another note chosen in the list: that one is shown. The note left
   * goes once the selection has settled, in an idle. */
  id = click_add_note (fixture, view);
  select_note_in_view (view, up_record_get_id (UP_RECORD (other)));
  wait_until (note_is_gone, &(NoteGone) { fixture->project, id });
  wait_for_frames (GTK_WIDGET (view));
  assert_as_marked (fixture, &mark, id);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (template_child (view, UP_TYPE_NOTES_VIEW, "editor_stack")),
                   ==, "editor");
  g_assert_true (gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (gtk_list_view_get_model (GTK_LIST_VIEW (list))))
                 == (gpointer) other);

  /* Add Note twice: one new note, not two (the second may get the id of
   * the first, which never was). */
  click_add_note (fixture, view);
  kept = click_add_note (fixture, view);
  g_assert_cmpuint (up_history_get_n_undo (up_project_get_history (fixture->project)), ==, mark.n_undo + 1);
  g_assert_cmpuint (g_list_model_get_n_items (up_project_get_notes (fixture->project)), ==, mark.n_notes + 1);

  /* Another view. */
  adw_view_stack_set_visible_child_name (stack, "timeline");
  wait_for_frames (GTK_WIDGET (fixture->window));
  assert_as_marked (fixture, &mark, kept);
  show_notes_view (fixture);

  /* Typed and wiped out again after the text was committed: it goes with
   * the steps of its text. */
  id = click_add_note (fixture, view);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (body), "Kort", -1);
  wait.note = UP_NOTE (up_project_lookup (fixture->project, "note", id));
  wait.body = "Kort";
  wait_until (body_is, &wait);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (body), "  ", -1);
  g_assert_true (press_escape (GTK_WIDGET (body)));
  assert_as_marked (fixture, &mark, id);

  /* Closing the window, whose save does not wait for the view: the file
   * has no empty note. */
  id = click_add_note (fixture, view);
  gtk_window_close (GTK_WINDOW (fixture->window));
  /* it closes once its save, off its thread, has ended */
  while (gtk_widget_get_visible (GTK_WIDGET (fixture->window)))
    g_main_context_iteration (NULL, TRUE);
  assert_as_marked (fixture, &mark, id);
  {
    g_autoptr(GFile) file = g_object_ref (up_project_get_file (fixture->project));
    g_autoptr(UpProject) saved = up_project_open (file, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (up_project_get_notes (saved)), ==, mark.n_notes);
    g_assert_null (up_project_lookup (saved, "note", id));
  }
  g_free (mark.undo_label);
}

static gboolean
is_stakeholder_check (GtkWidget *widget,
                      gpointer   data)
{
  return GTK_IS_CHECK_BUTTON (widget) && gtk_widget_get_mapped (widget) &&
         g_object_get_data (G_OBJECT (widget), "stakeholder-id") != NULL;
}

/* A note added and left empty after a stakeholder was ticked for it and
 * unticked again is as unused as one never touched. It was deleted as an
 * undo step of its own ("Delete Note": its add was no longer the newest
 * step), and Undo then brought back an empty note the user had never
 * written in, where it stayed. It goes as if never added, as the others. */
static void
test_new_note_left_empty_after_ticks (Fixture       *fixture,
                                      gconstpointer  user_data)
{
  UpNotesView *view = show_notes_view (fixture);
  g_autoptr(UpNote) other = g_list_model_get_item (up_project_get_notes (fixture->project), 0);
  g_autoptr(GError) error = NULL;
  HistoryMark mark = { 0 };
  GtkWidget *check;
  gint64 id;

  g_assert_true (up_project_set_string (fixture->project, other, "said-on", "2026-01-20", &error));
  g_assert_no_error (error);
  mark_history (fixture, &mark);

  id = click_add_note (fixture, view);
  check = find_widget (GTK_WIDGET (view), is_stakeholder_check, NULL);
  g_assert_nonnull (check);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  g_assert_cmpuint (up_history_get_n_undo (up_project_get_history (fixture->project)), ==, mark.n_undo + 2);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), FALSE);

  select_note_in_view (view, up_record_get_id (UP_RECORD (other)));
  wait_until (note_is_gone, &(NoteGone) { fixture->project, id });
  wait_for_frames (GTK_WIDGET (view));
  g_test_message ("undo: \"%s\", %u steps (%u before the add)",
                  up_history_get_undo_label (up_project_get_history (fixture->project)),
                  up_history_get_n_undo (up_project_get_history (fixture->project)), mark.n_undo);
  assert_as_marked (fixture, &mark, id);

  /* Undo takes back the edit before the add, not a note nobody wrote. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  g_assert_null (up_project_lookup (fixture->project, "note", id));
  g_assert_cmpuint (g_list_model_get_n_items (up_project_get_notes (fixture->project)), ==, mark.n_notes);
  g_free (mark.undo_label);
}

/* Text, or another field, keeps a note added with Add Note. */
static void
test_new_note_kept (Fixture       *fixture,
                    gconstpointer  user_data)
{
  UpNotesView *view = show_notes_view (fixture);
  GtkTextView *body = template_child (view, UP_TYPE_NOTES_VIEW, "body_view");
  GtkWidget *list = template_child (view, UP_TYPE_NOTES_VIEW, "note_list");
  AdwComboRow *kind_row = template_child (view, UP_TYPE_NOTES_VIEW, "kind_row");
  g_autoptr(UpNote) other = g_list_model_get_item (up_project_get_notes (fixture->project), 0);
  UpHistory *history = up_project_get_history (fixture->project);
  gint64 typed, chosen;
  UpNote *note;

  /* The list's cursor on another row first. */
  {
    g_autoptr(GPtrArray) listed = listed_notes (fixture, view, NULL);
    GtkWidget *row = row_of_note (view, up_record_get_id (g_ptr_array_index (listed, 2)));

    g_assert_nonnull (row);
    g_assert_true (gtk_widget_grab_focus (gtk_widget_get_parent (row)));
  }

  /* Text typed and Escape at once: committed, and the focus goes to the
   * note's row in the list (not to the row the cursor was on). */
  typed = click_add_note (fixture, view);
  gtk_text_buffer_insert_at_cursor (gtk_text_view_get_buffer (body), NEW_BODY, -1);
  g_assert_true (press_escape (GTK_WIDGET (body)));
  note = UP_NOTE (up_project_lookup (fixture->project, "note", typed));
  g_assert_nonnull (note);
  g_assert_cmpstr (up_note_get_body (note), ==, NEW_BODY);
  g_assert_cmpuint (up_history_get_n_undo (history), ==, 2);
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (fixture->window)), list));
  g_assert_true (up_list_util_get_focused_item (list) == (gpointer) note);

  /* Another kind chosen, no text. */
  chosen = click_add_note (fixture, view);
  note = UP_NOTE (up_project_lookup (fixture->project, "note", chosen));
  adw_combo_row_set_selected (kind_row, (g_strcmp0 (up_note_get_kind (note), up_note_kinds[0]) == 0) ? 1 : 0);
  select_note_in_view (view, up_record_get_id (UP_RECORD (other)));
  wait_for_frames (GTK_WIDGET (view));
  g_assert_nonnull (up_project_lookup (fixture->project, "note", typed));
  g_assert_nonnull (up_project_lookup (fixture->project, "note", chosen));
  g_assert_cmpuint (up_history_get_n_undo (history), ==, 4);
}

/* The ids of the notes of @stage and their links to stakeholders. */
static GArray *
stage_note_ids (UpProject *project,
                UpStage   *stage)
{
  g_autoptr(GPtrArray) notes = up_project_list_stage_notes (project, stage);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < notes->len; i++)
    {
      gint64 id = up_record_get_id (g_ptr_array_index (notes, i));

      g_array_append_val (ids, id);
    }

  return ids;
}

static void
check_notes_pinned (UpProject *project,
                    GArray    *ids,
                    gint64     stage_id)
{
  for (guint i = 0; i < ids->len; i++)
    {
      UpRecord *note = up_project_lookup (project, "note", g_array_index (ids, gint64, i));

      g_assert_nonnull (note);
      g_assert_cmpint (up_note_get_stage_id (UP_NOTE (note)), ==, stage_id);
    }
}

static void
test_delete_stage (Fixture       *fixture,
                   gconstpointer  user_data)
{
  const char *response = user_data;
  UpStage *stage = select_stage (fixture, 0);
  gint64 stage_id = up_record_get_id (UP_RECORD (stage));
  g_autoptr(GArray) ids = stage_note_ids (fixture->project, stage);
  guint n_stages = g_list_model_get_n_items (up_project_get_stages (fixture->project));
  guint n_notes = g_list_model_get_n_items (up_project_get_notes (fixture->project));
  guint links = count_links (fixture->project);

  g_assert_cmpuint (ids->len, >, 1);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.delete-stage", NULL));
  /* Nothing goes before the user answers. */
  g_assert_nonnull (up_project_lookup (fixture->project, "stage", stage_id));
  answer_dialog (GTK_WINDOW (fixture->window), response);

  if (g_str_equal (response, "cancel"))
    {
      g_assert_nonnull (up_project_lookup (fixture->project, "stage", stage_id));
      check_notes_pinned (fixture->project, ids, stage_id);
      g_assert_cmpuint (count_links (fixture->project), ==, links);
      return;
    }

  g_assert_null (up_project_lookup (fixture->project, "stage", stage_id));
  g_assert_cmpuint (g_list_model_get_n_items (up_project_get_stages (fixture->project)), ==, n_stages - 1);

  if (g_str_equal (response, "keep"))
    {
      check_notes_pinned (fixture->project, ids, 0);
      g_assert_cmpuint (g_list_model_get_n_items (up_project_get_notes (fixture->project)), ==, n_notes);
      g_assert_cmpuint (count_links (fixture->project), ==, links);
    }
  else
    {
      for (guint i = 0; i < ids->len; i++)
        g_assert_null (up_project_lookup (fixture->project, "note", g_array_index (ids, gint64, i)));
      g_assert_cmpuint (g_list_model_get_n_items (up_project_get_notes (fixture->project)), ==,
                        n_notes - ids->len);
      g_assert_cmpuint (count_links (fixture->project), <, links);
    }

  /* One undo brings the stage, its notes and their links back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  g_assert_nonnull (up_project_lookup (fixture->project, "stage", stage_id));
  check_notes_pinned (fixture->project, ids, stage_id);
  g_assert_cmpuint (g_list_model_get_n_items (up_project_get_notes (fixture->project)), ==, n_notes);
  g_assert_cmpuint (count_links (fixture->project), ==, links);
}

static void
test_delete_stage_without_notes (Fixture       *fixture,
                                 gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  UpStage *empty = up_project_add_stage (fixture->project, "custom", "Tom", "2027-01-01",
                                         "2027-01-10", NULL, &error);
  GListModel *stages = up_project_get_stages (fixture->project);
  gint64 id;

  g_assert_no_error (error);
  id = up_record_get_id (UP_RECORD (empty));
  select_stage (fixture, g_list_model_get_n_items (stages) - 1);

  /* No notes, no question. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.delete-stage", NULL));
  g_assert_null (up_project_lookup (fixture->project, "stage", id));
}

static void
test_empty_project (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("upphandla-notes-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "empty.upphandla", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(UpProject) project = up_project_create (file, "Tomt", &error);
  Fixture fixture = { dir, project, NULL };
  UpNotesView *view;
  GtkTextView *body_view;
  AdwViewStack *stack;
  g_autofree char *name = NULL;
  UpNote *note;

  g_assert_no_error (error);
  fixture.window = g_object_ref_sink (up_window_new (NULL, project));
  gtk_window_set_default_size (GTK_WINDOW (fixture.window), 1000, 700);
  gtk_window_present (GTK_WINDOW (fixture.window));
  wait_until (is_mapped, fixture.window);

  view = show_notes_view (&fixture);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (template_child (view, UP_TYPE_NOTES_VIEW, "main_stack")),
                   ==, "empty");
  name = g_strdup_printf ("notes-empty-%s.png", test_language ());
  save_screenshot (GTK_WIDGET (fixture.window), name);

  g_signal_emit_by_name (template_child (view, UP_TYPE_NOTES_VIEW, "add_button"), "clicked");
  g_assert_cmpuint (g_list_model_get_n_items (up_project_get_notes (project)), ==, 1);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (template_child (view, UP_TYPE_NOTES_VIEW, "main_stack")),
                   ==, "notes");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (template_child (view, UP_TYPE_NOTES_VIEW, "editor_stack")),
                   ==, "editor");
  body_view = template_child (view, UP_TYPE_NOTES_VIEW, "body_view");
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (body_view)));

  /* Leaving the view commits the text at once, without the pause. */
  gtk_text_buffer_insert_at_cursor (gtk_text_view_get_buffer (body_view), "Första mötet.", -1);
  stack = template_child (fixture.window, UP_TYPE_WINDOW, "view_stack");
  adw_view_stack_set_visible_child_name (stack, "timeline");
  iterate_pending ();
  note = g_list_model_get_item (up_project_get_notes (project), 0);
  g_assert_cmpstr (up_note_get_body (note), ==, "Första mötet.");
  g_object_unref (note);

  fixture.project = g_object_ref (project);
  fixture.dir = g_strdup (dir);
  fixture_tear_down (&fixture, NULL);
}

static void
take_screenshots (Fixture *fixture,
                  int      width,
                  int      height)
{
  const char *styles[] = { "light", "dark" };

  for (guint s = 0; s < G_N_ELEMENTS (styles); s++)
    {
      g_autofree char *name = NULL;

      adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                          s == 0 ? ADW_COLOR_SCHEME_FORCE_LIGHT
                                                 : ADW_COLOR_SCHEME_FORCE_DARK);
      gtk_window_set_default_size (GTK_WINDOW (fixture->window), width, height);
      wait_for_frames (GTK_WIDGET (fixture->window));
      wait_for_frames (GTK_WIDGET (fixture->window));
      name = g_strdup_printf ("notes-%s-%s-%d.png", test_language (), styles[s], width);
      save_screenshot (GTK_WIDGET (fixture->window), name);
    }
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);
}

static void
test_screenshots (Fixture       *fixture,
                  gconstpointer  user_data)
{
  UpNotesView *view;
  UpStage *stage = select_stage (fixture, 3);
  g_autoptr(GPtrArray) notes = up_project_list_stage_notes (fixture->project, stage);
  g_autoptr(GPtrArray) listed = NULL;
  g_autofree char *name = NULL;

  /* Pictures of the end state, not of a transition. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  /* The stage panel with its notes, and the open form. */
  g_assert_cmpuint (notes->len, >, 0);
  name = g_strdup_printf ("notes-stage-panel-%s.png", test_language ());
  save_screenshot (GTK_WIDGET (fixture->window), name);
  g_clear_pointer (&name, g_free);
  name = g_strdup_printf ("notes-stage-form-%s.png", test_language ());
  add_note_in_stage_panel (fixture, stage, NEW_BODY, name);
  g_clear_pointer (&name, g_free);
  name = g_strdup_printf ("notes-stage-list-%s.png", test_language ());
  save_screenshot (template_child (template_child (fixture->window, UP_TYPE_WINDOW, "editor"),
                                   UP_TYPE_STAGE_EDITOR, "stage_notes"), name);
  g_clear_pointer (&name, g_free);

  view = show_notes_view (fixture);
  search (view, test_language ()[0] == 's' ? "upphandl leverant" : "suppl");
  listed = listed_notes (fixture, view, NULL);
  g_assert_cmpuint (listed->len, >, 0);
  select_note_in_view (view, up_record_get_id (g_ptr_array_index (listed, 0)));
  take_screenshots (fixture, 1400, 900);
  take_screenshots (fixture, 760, 700);

  search (view, "xyzzy");
  name = g_strdup_printf ("notes-no-results-%s.png", test_language ());
  save_screenshot (GTK_WIDGET (fixture->window), name);
}

/* A project of thousands of notes and stakeholders: the notes view makes
 * rows only for what is in sight, keeps its place when a note is edited,
 * and its editor lists the stakeholders the same way, with a search. */
static void
count_changes (GListModel *model,
               guint       position,
               guint       removed,
               guint       added,
               guint      *changed)
{
  *changed += removed + added;
}

/* A search and filters that leave nothing say so, with a button that
 * shows every note again: the search emptied, every filter back to all,
 * the note being edited still chosen. */
static void
test_no_results_show_all (Fixture       *fixture,
                          gconstpointer  user_data)
{
  UpNotesView *view = show_notes_view (fixture);
  GtkEditable *entry = template_child (view, UP_TYPE_NOTES_VIEW, "search_entry");
  GtkStack *list_stack = template_child (view, UP_TYPE_NOTES_VIEW, "list_stack");
  GtkLabel *count = template_child (view, UP_TYPE_NOTES_VIEW, "count_label");
  const char *filters[] = { "stage_filter", "stakeholder_filter", "kind_filter", "visibility_filter" };
  guint total = g_list_model_get_n_items (up_project_get_notes (fixture->project));
  g_autofree char *all_text = g_strdup_printf (ngettext ("%1$'u note", "%1$'u notes", total), total);
  g_autofree char *none_text = g_strdup_printf (ngettext ("%1$'u of %2$'u note", "%1$'u of %2$'u notes", total),
                                                0, total);
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(UpNote) first = NULL;
  GtkWidget *button;
  gint64 chosen;

  /* A note chosen, then a kind and a search that leave nothing. */
  listed = listed_notes (fixture, view, NULL);
  first = g_object_ref (g_ptr_array_index (listed, 0));
  chosen = up_record_get_id (UP_RECORD (first));
  select_note_in_view (view, chosen);
  gtk_drop_down_set_selected (template_child (view, UP_TYPE_NOTES_VIEW, "kind_filter"), 1);
  gtk_drop_down_set_selected (template_child (view, UP_TYPE_NOTES_VIEW, "visibility_filter"), 1);
  search (view, "zzzfinnsinte");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (list_stack), ==, "no-results");
  g_assert_cmpstr (gtk_label_get_label (count), ==, none_text);

  button = find_descendant (gtk_stack_get_child_by_name (list_stack, "no-results"), GTK_TYPE_BUTTON);
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_visible (button) && gtk_widget_get_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  wait_for_frames (GTK_WIDGET (view));

  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "");
  for (guint i = 0; i < G_N_ELEMENTS (filters); i++)
    g_assert_cmpuint (gtk_drop_down_get_selected (template_child (view, UP_TYPE_NOTES_VIEW, filters[i])), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (list_stack), ==, "list");
  g_assert_cmpstr (gtk_label_get_label (count), ==, all_text);
  g_clear_pointer (&listed, g_ptr_array_unref);
  listed = listed_notes (fixture, view, NULL);
  g_assert_cmpuint (listed->len, ==, total);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (template_child (view, UP_TYPE_NOTES_VIEW, "editor_stack")),
                   ==, "editor");
  {
    GtkListView *list = template_child (view, UP_TYPE_NOTES_VIEW, "note_list");
    UpNote *selected = gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (gtk_list_view_get_model (list)));

    g_assert_nonnull (selected);
    g_assert_cmpint (up_record_get_id (UP_RECORD (selected)), ==, chosen);
  }
  /* Typing goes on in the search field. */
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (entry)) ||
                 gtk_widget_is_ancestor (gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (view))),
                                         GTK_WIDGET (entry)));
}

/* With dozens of stakeholders, the filter's choices and the note editor's
 * checks are in the order of their names, as the register sorts them (in
 * Swedish Å, Ä and Ö after Z), not in the order they were added. */
static void
test_stakeholders_by_name (Fixture       *fixture,
                           gconstpointer  user_data)
{
  const char *added[] = { "Örjan Ek", "Zara Berg", "Åsa Lind", "Anna Ny", "Ärla Holm" };
  UpNotesView *view;
  GtkDropDown *people_filter;
  GListModel *choices, *checks;
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  for (guint i = 0; i < G_N_ELEMENTS (added); i++)
    g_assert_nonnull (up_project_add_stakeholder (fixture->project, added[i], "Regionen", "user", NULL));
  view = show_notes_view (fixture);
  people_filter = template_child (view, UP_TYPE_NOTES_VIEW, "stakeholder_filter");
  choices = gtk_drop_down_get_model (people_filter);

  g_assert_cmpuint (g_list_model_get_n_items (choices), ==,
                    1 + g_list_model_get_n_items (up_project_get_stakeholders (fixture->project)));
  for (guint i = 2; i < g_list_model_get_n_items (choices); i++)
    g_assert_cmpint (g_utf8_collate (gtk_string_list_get_string (GTK_STRING_LIST (choices), i - 1),
                                     gtk_string_list_get_string (GTK_STRING_LIST (choices), i)), <=, 0);
  if (g_str_equal (test_language (), "sv"))
    {
      g_assert_cmpuint (entry_of (people_filter, "Zara Berg"), <, entry_of (people_filter, "Åsa Lind"));
      g_assert_cmpuint (entry_of (people_filter, "Åsa Lind"), <, entry_of (people_filter, "Ärla Holm"));
      g_assert_cmpuint (entry_of (people_filter, "Ärla Holm"), <, entry_of (people_filter, "Örjan Ek"));
    }
  /* The filter still filters by the one chosen. */
  gtk_drop_down_set_selected (people_filter, entry_of (people_filter, "Anna Ny"));
  listed = listed_notes (fixture, view, NULL);
  g_assert_cmpuint (listed->len, ==, 0);
  gtk_drop_down_set_selected (people_filter, 0);
  g_clear_pointer (&listed, g_ptr_array_unref);

  /* The checks of a note's editor. */
  listed = listed_notes (fixture, view, NULL);
  select_note_in_view (view, up_record_get_id (g_ptr_array_index (listed, 0)));
  wait_for_frames (GTK_WIDGET (view));
  checks = G_LIST_MODEL (gtk_list_view_get_model (template_child (view, UP_TYPE_NOTES_VIEW, "stakeholder_list")));
  g_assert_cmpuint (g_list_model_get_n_items (checks), ==,
                    g_list_model_get_n_items (up_project_get_stakeholders (fixture->project)));
  for (guint i = 0; i < g_list_model_get_n_items (checks); i++)
    {
      g_autoptr(UpStakeholder) person = g_list_model_get_item (checks, i);

      g_ptr_array_add (names, (gpointer) up_stakeholder_get_name (person));
      if (i > 0)
        g_assert_cmpint (g_utf8_collate (g_ptr_array_index (names, i - 1), g_ptr_array_index (names, i)), <=, 0);
    }
}

static void
test_many_notes (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("upphandla-notes-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "many.upphandla", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(UpProject) project = up_project_new ("Many", &error);
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(GPtrArray) checks = g_ptr_array_new ();
  g_autoptr(UpNote) middle = NULL;
  UpNotesView *view;
  UpWindow *window;
  GListModel *listed;
  GtkSearchEntry *search;
  GtkTextView *body_view;
  UpStage *stage;
  BodyWait wait;
  guint changed = 0;
  const guint n_notes = 3000, n_people = 1000;

  g_assert_no_error (error);
  up_project_begin_group (project, "many");
  stage = up_project_add_stage (project, "market-dialogue", "Dialog", "2026-01-05", "2026-02-05", NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < n_people; i++)
    {
      g_autofree char *name = g_strdup_printf ("Person %u", i);

      g_assert_nonnull (up_project_add_stakeholder (project, name, "Kommunen", "user", &error));
    }
  for (guint i = 0; i < n_notes; i++)
    {
      g_autofree char *body = g_strdup_printf ("Anteckning %u om larmen.", i);
      g_autofree char *day = g_strdup_printf ("2026-%02u-%02u", 1 + i % 12, 1 + i % 28);

      g_assert_nonnull (up_project_add_note (project, body, "dialogue", day, stage, &error));
    }
  g_assert_true (up_project_end_group (project, &error));
  up_store_set_file (up_project_get_store (project), file);
  g_assert_true (up_store_save (up_project_get_store (project), &error));

  window = g_object_ref_sink (up_window_new (NULL, project));
  gtk_window_set_default_size (GTK_WINDOW (window), 1300, 850);
  gtk_window_present (GTK_WINDOW (window));
  wait_until (is_mapped, window);
  adw_view_stack_set_visible_child_name (template_child (window, UP_TYPE_WINDOW, "view_stack"), "notes");
  view = template_child (window, UP_TYPE_WINDOW, "notes_view");
  wait_until (is_mapped, view);
  wait_for_frames (GTK_WIDGET (view));

  /* Every note is listed; a few dozen rows show them. */
  listed = G_LIST_MODEL (gtk_list_view_get_model (template_child (view, UP_TYPE_NOTES_VIEW, "note_list")));
  g_assert_cmpuint (g_list_model_get_n_items (listed), ==, n_notes);
  collect_with_data (template_child (view, UP_TYPE_NOTES_VIEW, "note_list"), "note-id", rows);
  g_test_message ("%u rows for %u notes", rows->len, n_notes);
  g_assert_cmpuint (rows->len, >, 0);
  /* The count groups its thousands as the language does (3,000; 3 000). */
  {
    const char *count = gtk_label_get_label (template_child (view, UP_TYPE_NOTES_VIEW, "count_label"));

    g_test_message ("%s", count);
    if (*localeconv ()->thousands_sep != '\0')
      g_assert_null (strstr (count, "3000"));
    g_assert_nonnull (strstr (count, localeconv ()->thousands_sep));
  }
  /* GTK 4.8 keeps about 200 rows around whatever the height. */
  g_assert_cmpuint (rows->len, <, 400);

  /* A note far down the list opens in the editor, with a check for every
   * stakeholder made only for those in sight. */
  middle = g_list_model_get_item (listed, n_notes / 2);
  select_note_in_view (view, up_record_get_id (UP_RECORD (middle)));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (template_child (view, UP_TYPE_NOTES_VIEW, "editor_stack")),
                   ==, "editor");
  wait_for_frames (GTK_WIDGET (view));
  collect_with_data (template_child (view, UP_TYPE_NOTES_VIEW, "stakeholder_list"), "stakeholder-id", checks);
  g_test_message ("%u checks for %u stakeholders", checks->len, n_people);
  g_assert_cmpuint (checks->len, >, 0);
  g_assert_cmpuint (checks->len, <, 400);
  /* Many scroll in a list of their own, a good part of the page high. */
  g_assert_cmpint (gtk_widget_get_height (template_child (view, UP_TYPE_NOTES_VIEW, "stakeholder_scroller")), >=, 300);

  /* The search among them finds one, and its check links it. */
  search = template_child (view, UP_TYPE_NOTES_VIEW, "stakeholder_search");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (search)));
  gtk_editable_set_text (GTK_EDITABLE (search), "person 417");
  g_signal_emit_by_name (search, "search-changed");
  wait_for_frames (GTK_WIDGET (view));
  g_ptr_array_set_size (checks, 0);
  collect_with_data (template_child (view, UP_TYPE_NOTES_VIEW, "stakeholder_list"), "stakeholder-id", checks);
  g_assert_cmpuint (checks->len, ==, 1);
  gtk_widget_activate (g_ptr_array_index (checks, 0));
  {
    g_autoptr(GPtrArray) people = up_project_list_note_stakeholders (project, middle);

    g_assert_cmpuint (people->len, ==, 1);
    g_assert_cmpstr (up_stakeholder_get_name (g_ptr_array_index (people, 0)), ==, "Person 417");
  }

  /* Another note shows its stakeholders from the top, unfiltered. */
  {
    g_autoptr(UpNote) next = g_list_model_get_item (listed, n_notes / 2 + 1);

    select_note_in_view (view, up_record_get_id (UP_RECORD (next)));
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (search)), ==, "");
    select_note_in_view (view, up_record_get_id (UP_RECORD (middle)));
  }

  /* Editing the note changes its row and nothing else of the list. */
  g_signal_connect (listed, "items-changed", G_CALLBACK (count_changes), &changed);
  body_view = template_child (view, UP_TYPE_NOTES_VIEW, "body_view");
  gtk_widget_grab_focus (GTK_WIDGET (body_view));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (body_view), "Ändrad anteckning.", -1);
  wait.note = middle;
  wait.body = "Ändrad anteckning.";
  wait_until (body_is, &wait);
  wait_for_frames (GTK_WIDGET (view));
  g_assert_cmpuint (changed, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (listed), ==, n_notes);
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (listed)), ==, n_notes / 2);
  g_signal_handlers_disconnect_by_func (listed, count_changes, &changed);

  up_store_flush (up_project_get_store (project), &error);
  g_assert_no_error (error);
  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
  iterate_pending ();
  test_remove_tree (dir);
}

/* The date a note was said on can be reached and is named for a screen
 * reader: an entry, whose text takes the focus; a date that is no date
 * is marked invalid for it too, not in red alone. */
static void
test_said_on_accessible (Fixture       *fixture,
                         gconstpointer  user_data)
{
  UpNotesView *view = show_notes_view (fixture);
  GtkWidget *said_row = template_child (view, UP_TYPE_NOTES_VIEW, "said_row");
  g_autoptr(UpNote) first = g_list_model_get_item (up_project_get_notes (fixture->project), 0);
  GtkWidget *entry;

  select_note_in_view (view, up_record_get_id (UP_RECORD (first)));
  assert_text_field_accessible (said_row);

  entry = gtk_widget_get_parent (gtk_root_get_focus (gtk_widget_get_root (said_row)));
  gtk_editable_set_text (GTK_EDITABLE (said_row), "2026-13-45");
  gtk_test_accessible_assert_state (entry, GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE);
  g_assert_true (gtk_widget_has_css_class (entry, "error"));
  gtk_editable_set_text (GTK_EDITABLE (said_row), "2026-11-28");
  gtk_test_accessible_assert_state (entry, GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_FALSE);
  g_assert_false (gtk_widget_has_css_class (entry, "error"));
}

/* The visibility filter's choice of all notes reads as the filters beside
 * it, of notes in the plural: "Allmän och intern" in Swedish read as of
 * one thing, "Allmänna och interna" as of the notes listed. */
static void
test_visibility_filter_all (Fixture       *fixture,
                            gconstpointer  user_data)
{
  UpNotesView *view = show_notes_view (fixture);
  GtkDropDown *visibility_filter = template_child (view, UP_TYPE_NOTES_VIEW, "visibility_filter");
  GtkStringObject *all = g_list_model_get_item (gtk_drop_down_get_model (visibility_filter), 0);
  const char *expected = g_str_equal (test_language (), "sv") ? "Allmänna och interna" : "Public and Internal";

  g_assert_cmpuint (gtk_drop_down_get_selected (visibility_filter), ==, 0);
  g_assert_cmpstr (gtk_string_object_get_string (all), ==, expected);
  g_object_unref (all);
}

/* The names a note's editor lists for the search @text among its
 * stakeholders, each once. */
static GPtrArray *
people_found (UpNotesView *view,
              const char  *text)
{
  GtkEditable *search = template_child (view, UP_TYPE_NOTES_VIEW, "stakeholder_search");
  GListModel *checks = G_LIST_MODEL (gtk_list_view_get_model (template_child (view, UP_TYPE_NOTES_VIEW,
                                                                              "stakeholder_list")));
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);

  gtk_editable_set_text (search, text);
  g_signal_emit_by_name (search, "search-changed");
  for (guint i = 0; i < g_list_model_get_n_items (checks); i++)
    {
      g_autoptr(UpStakeholder) person = g_list_model_get_item (checks, i);

      g_ptr_array_add (names, g_strdup (up_stakeholder_get_name (person)));
    }

  return names;
}

static gboolean
names_are (GPtrArray  *names,
           const char *first,
           ...)
{
  va_list args;
  guint n = 0;
  gboolean same = TRUE;

  va_start (args, first);
  for (const char *name = first; name != NULL; name = va_arg (args, const char *), n++)
    if (n >= names->len || !g_str_equal (g_ptr_array_index (names, n), name))
      same = FALSE;
  va_end (args);

  return same && n == names->len;
}

/* A strategist remembers where someone works sooner than the name: the
 * search among a note's stakeholders finds the organisation too, as the
 * register's search does (case folded, decomposed input the same letter,
 * an accent other than å, ä and ö not needed, å, ä and ö letters of their
 * own). */
static void
test_stakeholders_by_organisation (Fixture       *fixture,
                                   gconstpointer  user_data)
{
  UpNotesView *view;
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GPtrArray) found = NULL;

  g_assert_nonnull (up_project_add_stakeholder (fixture->project, "Maja Lund", "Trafikverket", "expert", NULL));
  g_assert_nonnull (up_project_add_stakeholder (fixture->project, "Olle Strand", "Region Skåne", "management", NULL));
  g_assert_nonnull (up_project_add_stakeholder (fixture->project, "Irma Holt", "Skärgårdsstiftelsen", "ngo", NULL));
  g_assert_nonnull (up_project_add_stakeholder (fixture->project, "André Nilsson", "Kommunen", "user", NULL));
  g_assert_nonnull (up_project_add_stakeholder (fixture->project, "Pia Ek", "Café Lilla Torg", "supplier", NULL));
  view = show_notes_view (fixture);
  listed = listed_notes (fixture, view, NULL);
  select_note_in_view (view, up_record_get_id (g_ptr_array_index (listed, 0)));
  wait_for_frames (GTK_WIDGET (view));
  g_assert_true (gtk_widget_get_visible (template_child (view, UP_TYPE_NOTES_VIEW, "stakeholder_search")));

  found = people_found (view, "trafikverk");
  g_assert_true (names_are (found, "Maja Lund", NULL));
  g_clear_pointer (&found, g_ptr_array_unref);
  found = people_found (view, "REGION SKÅNE");
  g_assert_true (names_are (found, "Olle Strand", NULL));
  g_clear_pointer (&found, g_ptr_array_unref);
  /* a + combining ring, as some keyboards and pastes give it */
  found = people_found (view, "ska\xcc\x8ane");
  g_assert_true (names_are (found, "Olle Strand", NULL));
  g_clear_pointer (&found, g_ptr_array_unref);
  /* Å is a letter of its own, as in the register. */
  found = people_found (view, "skane");
  g_assert_cmpuint (found->len, ==, 0);
  g_clear_pointer (&found, g_ptr_array_unref);
  found = people_found (view, "skär");
  g_assert_true (names_are (found, "Irma Holt", NULL));
  g_clear_pointer (&found, g_ptr_array_unref);
  /* Other accents are not needed, in a name or an organisation. */
  found = people_found (view, "andre");
  g_assert_true (names_are (found, "André Nilsson", NULL));
  g_clear_pointer (&found, g_ptr_array_unref);
  found = people_found (view, "cafe lilla");
  g_assert_true (names_are (found, "Pia Ek", NULL));
  g_clear_pointer (&found, g_ptr_array_unref);
  found = people_found (view, "");
  g_assert_cmpuint (found->len, ==, g_list_model_get_n_items (up_project_get_stakeholders (fixture->project)));
}

/* A flag searched for is marked so that it shows: the pale mark of a word
 * lay under the colour emoji, which covers it all but a sliver. Around a
 * found emoji the mark is strong and stands out beside it, in the light
 * and the dark style: the body's label shows a good strip of the mark's
 * own colour, where a word's mark shows none. */
static void
test_emoji_match_visible (Fixture       *fixture,
                          gconstpointer  user_data)
{
  static const char *body = "Dialogmöte med leverantörerna \xf0\x9f\x87\xb8\xf0\x9f\x87\xaa om larmen.";
  g_autoptr(GError) error = NULL;
  UpNote *note = up_project_add_note (fixture->project, body, "dialogue", "2026-03-02", NULL, &error);
  UpNotesView *view;

  g_assert_no_error (error);
  g_assert_nonnull (note);
  view = show_notes_view (fixture);

  for (guint dark = 0; dark < 2; dark++)
    {
      g_autoptr(GPtrArray) labels = g_ptr_array_new ();
      g_autoptr(GPtrArray) found = NULL;
      g_autofree guint32 *pixels = NULL;
      g_autofree char *shot = NULL;
      GtkWidget *label = NULL;
      int width, height, line_height;
      guint marked = 0;

      adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                          dark ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_FORCE_LIGHT);
      search (view, "\xf0\x9f\x87\xb8\xf0\x9f\x87\xaa");
      found = listed_notes (fixture, view, labels);
      for (guint i = 0; i < found->len; i++)
        if (g_ptr_array_index (found, i) == (gpointer) note)
          label = g_ptr_array_index (labels, i);
      g_assert_nonnull (label);
      g_test_message ("Row: %s", gtk_label_get_label (GTK_LABEL (label)));
      wait_for_frames (GTK_WIDGET (view));

      pixels = widget_pixels (label, &width, &height);
      for (int i = 0; i < width * height; i++)
        {
          guint32 p = pixels[i];
          int r = (p >> 16) & 0xff, g = (p >> 8) & 0xff, b = p & 0xff;

          /* The mark's yellow, #f6d32d, give or take antialiasing. */
          if (abs (r - 0xf6) < 12 && abs (g - 0xd3) < 12 && abs (b - 0x2d) < 24)
            marked++;
        }
      pango_layout_get_pixel_size (gtk_label_get_layout (GTK_LABEL (label)), NULL, &line_height);
      line_height /= MAX (pango_layout_get_line_count (gtk_label_get_layout (GTK_LABEL (label))), 1);
      g_test_message ("%s: %u px of the mark's colour, lines %d px", dark ? "dark" : "light", marked, line_height);
      /* At least a strip 2 px wide and a line high on either side. */
      g_assert_cmpuint (marked, >=, 4 * line_height);

      shot = g_strdup_printf ("notes-emoji-match-%s-%s.png", dark ? "dark" : "light", test_language ());
      save_screenshot (GTK_WIDGET (fixture->window), shot);
    }
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);
}

/* With more stakeholders than show whole, the ticked ones of a note are far
 * apart in its editor's list: a line above it counts them, as a local
 * goal's stages, and follows each tick, its undo and the search. */
static void
test_stakeholders_chosen_count (Fixture       *fixture,
                                gconstpointer  user_data)
{
  GListModel *people = up_project_get_stakeholders (fixture->project);
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GPtrArray) checks = g_ptr_array_new ();
  g_autofree char *text = NULL;
  UpNotesView *view;
  UpNote *note;
  GtkLabel *count;
  guint total, linked;

  for (guint i = 0; i < 6; i++)
    {
      g_autofree char *name = g_strdup_printf ("Person %u", i);

      g_assert_nonnull (up_project_add_stakeholder (fixture->project, name, "Trafikverket", "expert", NULL));
    }
  total = g_list_model_get_n_items (people);
  view = show_notes_view (fixture);
  listed = listed_notes (fixture, view, NULL);
  note = g_ptr_array_index (listed, 0);
  select_note_in_view (view, up_record_get_id (UP_RECORD (note)));
  wait_for_frames (GTK_WIDGET (view));
  count = template_child (view, UP_TYPE_NOTES_VIEW, "people_count");

  {
    g_autoptr(GPtrArray) linked_people = up_project_list_note_stakeholders (fixture->project, note);

    linked = linked_people->len;
  }
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (count)));
  text = g_strdup_printf (ngettext ("%1$'u of %2$'u chosen", "%1$'u of %2$'u chosen", total), linked, total);
  g_assert_cmpstr (gtk_label_get_text (count), ==, text);

  /* A tick among those the search finds; the count is of all of them. */
  found = people_found (view, "Person 3");
  g_assert_cmpuint (found->len, ==, 1);
  wait_for_frames (GTK_WIDGET (view));
  collect_with_data (template_child (view, UP_TYPE_NOTES_VIEW, "stakeholder_list"), "stakeholder-id", checks);
  g_assert_cmpuint (checks->len, ==, 1);
  gtk_widget_activate (g_ptr_array_index (checks, 0));
  iterate_pending ();
  g_clear_pointer (&text, g_free);
  text = g_strdup_printf (ngettext ("%1$'u of %2$'u chosen", "%1$'u of %2$'u chosen", total), linked + 1, total);
  g_assert_cmpstr (gtk_label_get_text (count), ==, text);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  iterate_pending ();
  g_clear_pointer (&text, g_free);
  text = g_strdup_printf (ngettext ("%1$'u of %2$'u chosen", "%1$'u of %2$'u chosen", total), linked, total);
  g_assert_cmpstr (gtk_label_get_text (count), ==, text);
}

/* How far the note editor's list of stakeholders reaches below its last
 * row, and how many rows it shows. */
static int
people_slack (UpNotesView *view,
              guint       *n_rows)
{
  GtkWidget *scroller = template_child (view, UP_TYPE_NOTES_VIEW, "stakeholder_scroller");
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  double bottom = 0;

  wait_for_frames (GTK_WIDGET (view));
  collect_with_data (template_child (view, UP_TYPE_NOTES_VIEW, "stakeholder_list"), "stakeholder-id", rows);
  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *row = gtk_widget_get_parent (rows->pdata[i]);
      graphene_point_t end;

      g_assert_true (gtk_widget_compute_point (row, scroller,
                                               &GRAPHENE_POINT_INIT (0, gtk_widget_get_height (row)), &end));
      bottom = MAX (bottom, end.y);
    }
  *n_rows = rows->len;

  return gtk_widget_get_height (scroller) - (int) bottom;
}

/* A search that narrows the note editor's stakeholders to a few leaves the
 * list as high as its rows, not as high as the whole list, which left a
 * big empty card under them; one that finds nobody says so. The whole
 * list still scrolls within a height of its own. */
static void
test_stakeholders_search_shrinks (Fixture       *fixture,
                                  gconstpointer  user_data)
{
  GtkWidget *scroller, *no_match;
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GPtrArray) found = NULL;
  GtkAdjustment *adjustment;
  UpNotesView *view;
  int whole, slack;
  guint n_rows;

  for (guint i = 0; i < 32; i++)
    {
      g_autofree char *name = g_strdup_printf ("Person %u", i);

      g_assert_nonnull (up_project_add_stakeholder (fixture->project, name, i % 2 ? "Trafikverket" : "Region Skåne",
                                                    "expert", NULL));
    }
  view = show_notes_view (fixture);
  listed = listed_notes (fixture, view, NULL);
  select_note_in_view (view, up_record_get_id (g_ptr_array_index (listed, 0)));
  wait_for_frames (GTK_WIDGET (view));
  scroller = template_child (view, UP_TYPE_NOTES_VIEW, "stakeholder_scroller");
  no_match = template_child (view, UP_TYPE_NOTES_VIEW, "stakeholder_no_match");
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));

  /* All 40: a list that scrolls, not 40 rows in the page. */
  wait_for_frames (GTK_WIDGET (view));
  whole = gtk_widget_get_height (scroller);
  g_test_message ("the whole list %d px, of %.0f", whole, gtk_adjustment_get_upper (adjustment));
  g_assert_cmpint (whole, >=, 200);
  g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment), >, gtk_adjustment_get_page_size (adjustment) + 1);
  g_assert_false (gtk_widget_get_visible (no_match));

  /* Person 3, 30 and 31. */
  found = people_found (view, "person 3");
  g_assert_cmpuint (found->len, ==, 3);
  slack = people_slack (view, &n_rows);
  g_test_message ("3 found: the list %d px, %d below its %u rows", gtk_widget_get_height (scroller), slack, n_rows);
  g_assert_cmpuint (n_rows, ==, 3);
  g_assert_cmpint (slack, >=, 0);
  g_assert_cmpint (slack, <=, 4);
  g_assert_cmpint (gtk_widget_get_height (scroller), <, whole);
  g_assert_false (gtk_widget_get_visible (no_match));
  g_clear_pointer (&found, g_ptr_array_unref);

  /* Nobody: no empty card, a line that says so. */
  found = people_found (view, "zzzz");
  g_assert_cmpuint (found->len, ==, 0);
  wait_for_frames (GTK_WIDGET (view));
  g_assert_false (gtk_widget_get_mapped (scroller) && gtk_widget_get_height (scroller) > 4);
  g_assert_true (gtk_widget_get_mapped (no_match));
  g_clear_pointer (&found, g_ptr_array_unref);

  /* Half of them: as high as the whole list again, and scrolling. */
  found = people_found (view, "trafikverket");
  g_assert_cmpuint (found->len, ==, 16);
  wait_for_frames (GTK_WIDGET (view));
  g_assert_true (gtk_widget_get_mapped (scroller));
  g_assert_false (gtk_widget_get_visible (no_match));
  g_assert_cmpint (gtk_widget_get_height (scroller), ==, whole);
  g_clear_pointer (&found, g_ptr_array_unref);

  found = people_found (view, "");
  wait_for_frames (GTK_WIDGET (view));
  g_assert_cmpint (gtk_widget_get_height (scroller), ==, whole);
}

static gboolean
form_closed (gpointer data)
{
  return !gtk_revealer_get_child_revealed (data);
}

/* A note saved in the stage panel of a stage with many notes takes its
 * place by date among them, which may be far below the form: the panel
 * scrolls it into sight, so that the strategist sees where it went. */
static void
test_stage_note_saved_in_sight (Fixture       *fixture,
                                gconstpointer  user_data)
{
  UpStage *stage = select_stage (fixture, 1);
  UpStageEditor *editor = template_child (fixture->window, UP_TYPE_WINDOW, "editor");
  UpStageNotes *notes = template_child (editor, UP_TYPE_STAGE_EDITOR, "stage_notes");
  GtkListBox *list = template_child (notes, UP_TYPE_STAGE_NOTES, "list");
  GtkWidget *scrolled = gtk_widget_get_ancestor (GTK_WIDGET (list), GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment;
  GtkWidget *row = NULL, *content;
  graphene_point_t top;
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_assert_nonnull (scrolled);
  /* Said long before today, and long after: today's lands in between. */
  for (guint i = 0; i < 24; i++)
    {
      g_autofree char *body = g_strdup_printf ("Anteckning %u från dialogen om larmen.", i);
      g_autofree char *day = g_strdup_printf ("%u-03-%02u", i < 12 ? 2001 : 2090, 1 + i);

      g_assert_nonnull (up_project_add_note (fixture->project, body, "dialogue", day, stage, &error));
      g_assert_no_error (error);
    }
  wait_for_frames (GTK_WIDGET (fixture->window));

  id = add_note_in_stage_panel (fixture, stage, NEW_BODY, NULL);
  wait_until (form_closed, template_child (notes, UP_TYPE_STAGE_NOTES, "composer_revealer"));
  wait_for_frames (GTK_WIDGET (fixture->window));

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if ((gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (child), "note-id")) == id)
      row = child;
  g_assert_nonnull (row);
  /* In the page's coordinates: the viewport's are those of what it shows. */
  content = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled));
  if (GTK_IS_VIEWPORT (content))
    content = gtk_viewport_get_child (GTK_VIEWPORT (content));
  g_assert_true (gtk_widget_compute_point (row, content, &GRAPHENE_POINT_INIT (0, 0), &top));
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  g_test_message ("the new note at %.0f–%.0f, the panel shows %.0f–%.0f", top.y,
                  top.y + gtk_widget_get_height (row), gtk_adjustment_get_value (adjustment),
                  gtk_adjustment_get_value (adjustment) + gtk_adjustment_get_page_size (adjustment));
  g_assert_cmpfloat (top.y, >=, gtk_adjustment_get_value (adjustment));
  g_assert_cmpfloat (top.y + gtk_widget_get_height (row), <=,
                     gtk_adjustment_get_value (adjustment) + gtk_adjustment_get_page_size (adjustment));
}


/* Whether note @id's row is drawn whole inside the notes view's list. */
static gboolean
note_row_in_sight (UpNotesView *view,
                   gint64       id)
{
  g_autofree char *name = g_strdup_printf ("note %" G_GINT64_FORMAT, id);

  return shows_whole_in (row_of_note (view, id), template_child (view, UP_TYPE_NOTES_VIEW, "note_list"), name);
}

/* Add Note in the notes view where the new note, said today, takes its
 * place right below the rows in sight (notes said on later days listed
 * above it, newest first): selected, its row shows whole. */
static void
test_new_note_in_sight (Fixture       *fixture,
                        gconstpointer  user_data)
{
  UpNotesView *view;
  GtkWidget *list;
  GtkSingleSelection *selection;
  g_autoptr(GError) error = NULL;
  g_autoptr(UpNote) last_later = NULL;
  guint n_later = 40;
  UpNote *added;

  for (guint i = 0; i < n_later; i++)
    {
      g_autofree char *body = g_strdup_printf ("Planerat dialogmöte %u.", i + 1);
      g_autofree char *day = g_strdup_printf ("2090-%02u-%02u", 1 + i / 28, 1 + i % 28);

      g_assert_nonnull (up_project_add_note (fixture->project, body, "dialogue", day, NULL, &error));
      g_assert_no_error (error);
    }
  view = show_notes_view (fixture);
  list = template_child (view, UP_TYPE_NOTES_VIEW, "note_list");
  selection = GTK_SINGLE_SELECTION (gtk_list_view_get_model (GTK_LIST_VIEW (list)));
  wait_for_frames (GTK_WIDGET (view));

  /* the list from its top down to the last note said later, the last row in sight */
  last_later = g_list_model_get_item (G_LIST_MODEL (selection), n_later - 1);
  g_assert_cmpstr (up_note_get_said_on (last_later), ==, "2090-01-01");
  gtk_widget_activate_action (list, "list.scroll-to-item", "u", n_later - 1);
  for (guint i = 0; i < 3; i++)
    wait_for_frames (GTK_WIDGET (view));
  g_assert_true (note_row_in_sight (view, up_record_get_id (UP_RECORD (last_later))));

  g_signal_emit_by_name (template_child (view, UP_TYPE_NOTES_VIEW, "add_button"), "clicked");
  added = gtk_single_selection_get_selected_item (selection);
  g_assert_nonnull (added);
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, n_later);
  for (guint i = 0; i < 3; i++)
    wait_for_frames (GTK_WIDGET (view));
  g_assert_true (note_row_in_sight (view, up_record_get_id (UP_RECORD (added))));
}

/* The stage panel lists a stage's notes as the notes view does, newest
 * first by the day each was said (the later of two said the same day
 * first): a strategist who goes from one to the other finds them in the
 * same order. */
static void
test_stage_notes_newest_first (Fixture       *fixture,
                               gconstpointer  user_data)
{
  UpStage *stage = select_stage (fixture, 1);
  UpStageEditor *editor = template_child (fixture->window, UP_TYPE_WINDOW, "editor");
  UpStageNotes *notes = template_child (editor, UP_TYPE_STAGE_EDITOR, "stage_notes");
  GtkListBox *list = template_child (notes, UP_TYPE_STAGE_NOTES, "list");
  /* Not in the order said, two on one day, and after the demo's own. */
  static const char *days[] = { "2090-05-02", "2090-09-30", "2090-01-15", "2090-09-30", "2091-02-01" };
  g_autoptr(GPtrArray) in_panel = g_ptr_array_new ();
  g_autoptr(GPtrArray) in_view = NULL;
  g_autoptr(GPtrArray) of_stage = g_ptr_array_new ();
  UpNotesView *view;

  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *body = g_strdup_printf ("Sagt %s i dialogen (%u).", days[i], i);

      g_assert_nonnull (up_project_add_note (fixture->project, body, "dialogue", days[i], stage, &error));
      g_assert_no_error (error);
    }
  wait_for_frames (GTK_WIDGET (fixture->window));

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      gint64 id = (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (child), "note-id"));

      if (id != 0)
        g_ptr_array_add (in_panel, up_project_lookup (fixture->project, "note", id));
    }
  g_assert_cmpuint (in_panel->len, >=, G_N_ELEMENTS (days));
  g_assert_cmpstr (up_note_get_said_on (in_panel->pdata[0]), ==, "2091-02-01");

  view = show_notes_view (fixture);
  in_view = listed_notes (fixture, view, NULL);
  for (guint i = 0; i < in_view->len; i++)
    if (up_note_get_stage_id (in_view->pdata[i]) == up_record_get_id (UP_RECORD (stage)))
      g_ptr_array_add (of_stage, in_view->pdata[i]);

  g_assert_cmpuint (of_stage->len, ==, in_panel->len);
  for (guint i = 0; i < in_panel->len; i++)
    {
      g_test_message ("%u: panel %s #%" G_GINT64_FORMAT ", view %s #%" G_GINT64_FORMAT, i,
                      up_note_get_said_on (in_panel->pdata[i]), up_record_get_id (in_panel->pdata[i]),
                      up_note_get_said_on (of_stage->pdata[i]), up_record_get_id (of_stage->pdata[i]));
      g_assert_true (in_panel->pdata[i] == of_stage->pdata[i]);
    }
}

/* The text of the body label of @content (a row's box). */
static const char *
row_body_text (GtkWidget *content)
{
  g_assert_nonnull (content);
  return gtk_label_get_text (g_object_get_data (G_OBJECT (content), "body-label"));
}

/* A row shows three lines of a note, and its label lays out what it is
 * given each time the list measures the row: a note of pages, pasted
 * minutes, was laid out whole in every row, six times or more at a first
 * show (200 notes of 2,300 characters: 10.4 G instructions for the view's
 * first show, 2.6 G with the cut). A row gets the note's first few
 * hundred characters, cut after a word, with "…"; a short note whole; a
 * search hit far into a long note shows the text around it, cut too;
 * the stage panel's rows are cut the same way. */
static void
test_long_note_row_cut (Fixture       *fixture,
                        gconstpointer  user_data)
{
  UpStage *stage = select_stage (fixture, 1);
  UpStageEditor *editor = template_child (fixture->window, UP_TYPE_WINDOW, "editor");
  UpStageNotes *panel = template_child (editor, UP_TYPE_STAGE_EDITOR, "stage_notes");
  GtkListBox *panel_list = template_child (panel, UP_TYPE_STAGE_NOTES, "list");
  g_autoptr(GString) text = g_string_new ("Början av protokollet från dialogmötet.");
  g_autoptr(GError) error = NULL;
  const char *shown;
  GtkWidget *panel_row = NULL;
  UpNotesView *view;
  UpNote *long_note, *short_note;

  for (guint i = 0; i < 400; i++)
    g_string_append_printf (text, " Leverantör %u föreslog längre övergångstid för larmen.", i);
  g_string_append (text, " Slutklämmen om avtalsspärren.");
  long_note = up_project_add_note (fixture->project, text->str, "dialogue", "2099-01-02", stage, &error);
  g_assert_no_error (error);
  short_note = up_project_add_note (fixture->project, "Kort anteckning.", "dialogue", "2099-01-01", NULL, &error);
  g_assert_no_error (error);
  wait_for_frames (GTK_WIDGET (fixture->window));

  /* the stage panel */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (panel_list));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if ((gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (child), "note-id")) ==
        up_record_get_id (UP_RECORD (long_note)))
      panel_row = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (child));
  shown = row_body_text (panel_row);
  g_test_message ("panel: %ld characters of %ld", g_utf8_strlen (shown, -1), g_utf8_strlen (text->str, -1));
  g_assert_cmpint (g_utf8_strlen (shown, -1), <=, 401);
  g_assert_cmpint (g_utf8_strlen (shown, -1), >=, 300);
  g_assert_true (g_str_has_prefix (shown, "Början av protokollet från dialogmötet. Leverantör 0 föreslog"));
  g_assert_true (g_str_has_suffix (shown, "…"));
  g_assert_false (g_str_has_suffix (shown, " …"));

  /* the notes view */
  view = show_notes_view (fixture);
  g_assert_nonnull (row_of_note (view, up_record_get_id (UP_RECORD (long_note))));
  shown = row_body_text (row_of_note (view, up_record_get_id (UP_RECORD (long_note))));
  g_assert_cmpint (g_utf8_strlen (shown, -1), <=, 401);
  g_assert_true (g_str_has_prefix (shown, "Början av protokollet"));
  g_assert_true (g_str_has_suffix (shown, "…"));
  g_assert_cmpstr (row_body_text (row_of_note (view, up_record_get_id (UP_RECORD (short_note)))), ==,
                   "Kort anteckning.");

  /* a match at the start is marked in the cut text */
  search (view, "Början");
  shown = row_body_text (row_of_note (view, up_record_get_id (UP_RECORD (long_note))));
  g_assert_cmpint (g_utf8_strlen (shown, -1), <=, 401);
  g_assert_true (g_str_has_prefix (shown, "Början av protokollet"));
  g_assert_true (g_str_has_suffix (shown, "…"));
  g_assert_nonnull (strstr (gtk_label_get_label (g_object_get_data (G_OBJECT (row_of_note (view, up_record_get_id (UP_RECORD (long_note)))), "body-label")), "Början</"));

  /* a match at the end: the text around it, cut */
  search (view, "Slutklämmen");
  shown = row_body_text (row_of_note (view, up_record_get_id (UP_RECORD (long_note))));
  g_test_message ("hit at the end: %s", shown);
  g_assert_cmpint (g_utf8_strlen (shown, -1), <=, 402);
  g_assert_true (g_str_has_prefix (shown, "…"));
  g_assert_nonnull (strstr (shown, "Slutklämmen om avtalsspärren."));
}

/* The rows of the notes view's list wholly in sight. */
static guint
notes_in_sight (UpNotesView *view)
{
  GtkWidget *list = template_child (view, UP_TYPE_NOTES_VIEW, "note_list");
  GtkWidget *scroller = gtk_widget_get_ancestor (list, GTK_TYPE_SCROLLED_WINDOW);
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  guint n = 0;

  collect_with_data (list, "note-id", rows);
  for (guint i = 0; i < rows->len; i++)
    {
      graphene_rect_t bounds;

      if (gtk_widget_get_mapped (rows->pdata[i]) &&
          gtk_widget_compute_bounds (rows->pdata[i], scroller, &bounds))
        n += bounds.origin.y >= 0 && bounds.origin.y + bounds.size.height <= gtk_widget_get_height (scroller);
    }

  return n;
}

/* On a screen of 1,024 × 600 the Swedish filters, one a row in the list's
 * column of 420 px, left the notes room for two and a half: the notes get
 * the room, and every filter stays within reach. */
static void
test_short_screen_room (Fixture       *fixture,
                        gconstpointer  user_data)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);
  UpNotesView *view;
  GtkWidget *list;
  GtkWidget *column;
  GtkWidget *button;
  GtkWidget *badge;
  const char *filters[] = { "stage_filter", "stakeholder_filter", "kind_filter", "visibility_filter" };
  g_autofree char *name = g_strdup_printf ("notes-1024x600-%s.png", test_language ());
  guint in_sight;

  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  resize_window (fixture, 1024, 600);
  view = show_notes_view (fixture);
  for (guint i = 0; i < 4; i++)
    wait_for_frames (window);
  save_screenshot (window, name);

  list = template_child (view, UP_TYPE_NOTES_VIEW, "note_list");
  column = gtk_paned_get_start_child (template_child (view, UP_TYPE_NOTES_VIEW, "paned"));
  in_sight = notes_in_sight (view);
  g_test_message ("%u notes in sight, the list %d px of a column of %d px", in_sight,
                  gtk_widget_get_height (gtk_widget_get_ancestor (list, GTK_TYPE_SCROLLED_WINDOW)),
                  gtk_widget_get_height (column));
  g_assert_cmpuint (in_sight, >=, 3);
  /* three fifths of the column at least, the search and the count above */
  g_assert_cmpint (5 * gtk_widget_get_height (gtk_widget_get_ancestor (list, GTK_TYPE_SCROLLED_WINDOW)), >=,
                   3 * gtk_widget_get_height (column));

  /* Every filter within reach: folded behind the Filters button beside
   * the search (the Swedish ones, one a row), or in sight (the English,
   * two a row, take a seventh of the column). */
  button = template_child (view, UP_TYPE_NOTES_VIEW, "filter_button");
  badge = template_child (view, UP_TYPE_NOTES_VIEW, "filter_count");
  if (test_language ()[0] == 's')
    {
      g_assert_true (gtk_widget_get_mapped (button));
      g_assert_true (gtk_widget_get_focusable (button));
      gtk_test_accessible_assert_property (button, GTK_ACCESSIBLE_PROPERTY_LABEL, _("Filters"));
      for (guint i = 0; i < G_N_ELEMENTS (filters); i++)
        g_assert_false (gtk_widget_get_mapped (template_child (view, UP_TYPE_NOTES_VIEW, filters[i])));
      g_assert_false (gtk_widget_get_visible (badge));

      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), TRUE);
      for (guint i = 0; i < 4; i++)
        wait_for_frames (window);
      for (guint i = 0; i < G_N_ELEMENTS (filters); i++)
        g_assert_true (gtk_widget_get_mapped (template_child (view, UP_TYPE_NOTES_VIEW, filters[i])));
      g_clear_pointer (&name, g_free);
      name = g_strdup_printf ("notes-1024x600-%s-filters.png", test_language ());
      save_screenshot (window, name);

      /* a filter set, then folded again: the button says that one is */
      gtk_drop_down_set_selected (template_child (view, UP_TYPE_NOTES_VIEW, "kind_filter"), 1);
      /* as Alt+F from the filter: the focus goes to the button, not to the
       * window's first widget */
      gtk_widget_grab_focus (template_child (view, UP_TYPE_NOTES_VIEW, "kind_filter"));
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), FALSE);
      for (guint i = 0; i < 4; i++)
        wait_for_frames (window);
      g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == button);
      g_assert_true (gtk_widget_get_mapped (button));
      g_assert_false (gtk_widget_get_mapped (template_child (view, UP_TYPE_NOTES_VIEW, "kind_filter")));
      g_assert_true (gtk_widget_get_mapped (badge));
      g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (badge)), ==, "1");
      g_clear_pointer (&name, g_free);
      name = g_strdup_printf (ngettext ("%1$'u filter set", "%1$'u filters set", 1), 1);
      gtk_test_accessible_assert_property (button, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, name);
      g_assert_cmpuint (notes_in_sight (view), >=, 3);
      g_clear_pointer (&name, g_free);
      name = g_strdup_printf ("notes-1024x600-%s-folded-set.png", test_language ());
      save_screenshot (window, name);
    }
  else
    {
      g_assert_false (gtk_widget_get_mapped (button));
      for (guint i = 0; i < G_N_ELEMENTS (filters); i++)
        g_assert_true (gtk_widget_get_mapped (template_child (view, UP_TYPE_NOTES_VIEW, filters[i])));
    }

  /* A tall window shows them as before, without the button. */
  resize_window (fixture, 1600, 1000);
  for (guint i = 0; i < 4; i++)
    wait_for_frames (window);
  g_assert_false (gtk_widget_get_mapped (button));
  for (guint i = 0; i < G_N_ELEMENTS (filters); i++)
    g_assert_true (gtk_widget_get_mapped (template_child (view, UP_TYPE_NOTES_VIEW, filters[i])));
}

/* No choice folds or unfolds the filters: in Swedish on a screen of
 * 1,024 × 600 or 1,280 × 720 they stay folded behind the Filters button
 * whatever is chosen ("Allmänna handlingar", shorter than "Allmänna och
 * interna", put them two a row and took the button from under the user's
 * hand), and in English there, and in a tall window, they stay in sight,
 * also with a stage of a long title chosen. */
static void
test_short_screen_choices_keep_fold (Fixture       *fixture,
                                     gconstpointer  user_data)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);
  static const int sizes[][2] = { { 1024, 600 }, { 1280, 720 }, { 1600, 1000 } };
  const char *filters[] = { "visibility_filter", "kind_filter", "stakeholder_filter", "stage_filter" };
  UpNotesView *view = NULL;
  GtkWidget *button;

  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      gboolean folded = test_language ()[0] == 's' && sizes[s][1] <= 720;

      resize_window (fixture, sizes[s][0], sizes[s][1]);
      if (view == NULL)
        view = show_notes_view (fixture);
      button = template_child (view, UP_TYPE_NOTES_VIEW, "filter_button");
      g_assert_cmpint (gtk_widget_get_mapped (button), ==, folded);
      /* folded, the filters are chosen from with the button pressed */
      if (folded)
        {
          gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), TRUE);
          wait_for_frames (window);
        }

      for (guint f = 0; f < G_N_ELEMENTS (filters); f++)
        {
          GtkDropDown *filter = template_child (view, UP_TYPE_NOTES_VIEW, filters[f]);
          guint n = g_list_model_get_n_items (gtk_drop_down_get_model (filter));

          for (guint c = 1; c <= n; c++)
            {
              /* every choice, and back to the first */
              gtk_drop_down_set_selected (filter, c % n);
              for (guint i = 0; i < 3; i++)
                wait_for_frames (window);
              if (gtk_widget_get_mapped (button) != folded)
                g_error ("%d × %d: choice %u of %s %s the filters", sizes[s][0], sizes[s][1],
                         c % n, filters[f], folded ? "unfolded" : "folded");
              g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (filter)));
            }
        }
      if (folded)
        gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), FALSE);
    }
}

/* A window made short while a filter has the focus folds the filters
 * (a choice no longer can): the filter stays in sight with the focus, the
 * Filters button pressed, rather than going from under the user's hand. */
static void
test_short_screen_fold_keeps_focused_filter (Fixture       *fixture,
                                             gconstpointer  user_data)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);
  UpNotesView *view;
  GtkWidget *button;
  GtkWidget *stage_filter;

  if (test_language ()[0] != 's')
    {
      g_test_skip ("the English filters fold in no window of a usual size");
      return;
    }
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  resize_window (fixture, 1600, 1000);
  view = show_notes_view (fixture);
  button = template_child (view, UP_TYPE_NOTES_VIEW, "filter_button");
  stage_filter = template_child (view, UP_TYPE_NOTES_VIEW, "stage_filter");
  g_assert_false (gtk_widget_get_mapped (button));
  g_assert_true (gtk_widget_grab_focus (stage_filter));

  resize_window (fixture, 1024, 600);
  g_assert_true (gtk_widget_get_mapped (button));
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button)));
  g_assert_true (gtk_widget_get_mapped (stage_filter));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), stage_filter));
}

typedef struct
{
  GtkWidget *window;
  GtkWidget *filter_box;
  GtkWidget *button;
  guint      frames;
  guint      unfolded;
} FoldFrames;

/* After a frame is drawn: the frames drawn in a short window, and of
 * them those with the filters in sight without the Filters button
 * pressed. */
static void
on_fold_frame (GdkFrameClock *clock,
               FoldFrames    *count)
{
  if (count->filter_box == NULL || gtk_widget_get_height (count->window) > 720)
    return;
  count->frames++;
  if (gtk_widget_get_mapped (count->filter_box) && !gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (count->button)))
    count->unfolded++;
}

/* The view builds its widgets as it is first mapped. */
static void
on_view_mapped (GtkWidget  *view,
                FoldFrames *count)
{
  count->filter_box = template_child (view, UP_TYPE_NOTES_VIEW, "filter_box");
  count->button = template_child (view, UP_TYPE_NOTES_VIEW, "filter_button");
}

/* The fold is decided before a frame is drawn: no frame of the notes
 * view in a short window shows the Swedish filters unfolded, neither its
 * first (it showed them for one frame, then folded them) nor the first
 * after the window is made short. */
static void
test_short_screen_first_frame_folded (Fixture       *fixture,
                                      gconstpointer  user_data)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);
  UpNotesView *view = template_child (fixture->window, UP_TYPE_WINDOW, "notes_view");
  GdkFrameClock *clock;
  FoldFrames count = { window, NULL, NULL, 0, 0 };
  gulong id, map_id;

  if (test_language ()[0] != 's')
    {
      g_test_skip ("the English filters fold in no window of a usual size");
      return;
    }
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  resize_window (fixture, 1024, 600);
  clock = gtk_widget_get_frame_clock (window);
  id = g_signal_connect (clock, "after-paint", G_CALLBACK (on_fold_frame), &count);
  map_id = g_signal_connect (view, "map", G_CALLBACK (on_view_mapped), &count);

  /* the view's first frames: built when first shown */
  show_view (fixture, "notes");
  g_signal_handler_disconnect (view, map_id);
  g_assert_nonnull (count.filter_box);
  for (guint i = 0; i < 4; i++)
    wait_for_frames (window);
  g_test_message ("shown: %u of %u frames with the filters in sight unfolded", count.unfolded, count.frames);
  g_assert_cmpuint (count.frames, >, 0);
  g_assert_cmpuint (count.unfolded, ==, 0);
  g_assert_true (gtk_widget_get_mapped (count.button));

  /* tall, then short again */
  resize_window (fixture, 1600, 1000);
  g_assert_false (gtk_widget_get_mapped (count.button));
  g_assert_true (gtk_widget_get_mapped (count.filter_box));
  resize_window (fixture, 1024, 600);
  g_test_message ("made short: %u of %u frames with the filters in sight unfolded", count.unfolded, count.frames);
  g_assert_cmpuint (count.unfolded, ==, 0);
  g_assert_true (gtk_widget_get_mapped (count.button));
  g_assert_false (gtk_widget_get_mapped (count.filter_box));

  g_signal_handler_disconnect (clock, id);
}

/* No two labels in sight with the notes view share a mnemonic, in
 * Swedish nor in English: the Filters button (shown in a short window)
 * and the save banner's buttons, in either of their sets (Try Again and
 * Save As; Overwrite, Reload and Save a Copy after a conflict), are among
 * them. "_Filter" and "_Försök igen" both took Alt+F in Swedish. */
static void
test_mnemonics_unique (Fixture       *fixture,
                       gconstpointer  user_data)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);
  GtkWidget *banner = template_child (fixture->window, UP_TYPE_WINDOW, "save_revealer");
  GtkWidget *retry = template_child (fixture->window, UP_TYPE_WINDOW, "save_retry_button");
  const char *conflict[] = { _("_Overwrite"), _("_Reload"), _("Save _a Copy…") };
  g_autoptr(GHashTable) keys = mnemonics_new ();
  g_autoptr(GHashTable) others = mnemonics_new ();
  g_autoptr(GError) error = NULL;
  UpNotesView *view;
  GtkWidget *button;

  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  resize_window (fixture, 1024, 600);
  view = show_notes_view (fixture);
  button = template_child (view, UP_TYPE_NOTES_VIEW, "filter_button");
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), TRUE);
  /* a note in the editor */
  gtk_selection_model_select_item (gtk_list_view_get_model (template_child (view, UP_TYPE_NOTES_VIEW, "note_list")),
                                   0, TRUE);
  /* the project's folder gone, the next edit is not saved */
  g_assert_true (test_remove_tree (fixture->dir));
  g_assert_true (up_project_set_string (fixture->project, fixture->project, "title", "Gone", &error));
  while (!gtk_widget_get_mapped (retry))
    g_main_context_iteration (NULL, TRUE);
  for (guint i = 0; i < 4; i++)
    wait_for_frames (window);
  mnemonics_collect (keys, window, NULL);
  /* the banner after a conflict, in place of its buttons in sight */
  mnemonics_collect (others, window, banner);
  for (guint i = 0; i < G_N_ELEMENTS (conflict); i++)
    mnemonics_add_label (others, conflict[i]);
  /* the Filters button, folded in English only in a smaller window */
  if (!gtk_widget_get_mapped (button))
    {
      GtkLabel *label = GTK_LABEL (gtk_widget_get_first_child (gtk_button_get_child (GTK_BUTTON (button))));

      g_assert_cmpstr (test_language (), ==, "en");
      mnemonics_add (keys, gtk_label_get_mnemonic_keyval (label), gtk_label_get_label (label));
      mnemonics_add (others, gtk_label_get_mnemonic_keyval (label), gtk_label_get_label (label));
    }

  g_assert_true (mnemonics_unique (keys, "after a failed save"));
  g_assert_true (mnemonics_unique (others, "after a conflict"));

  /* the folder back, for the project to be closed */
  g_assert_cmpint (g_mkdir_with_parents (fixture->dir, 0700), ==, 0);
}

/* A label as a note's row configures it (wraps over three lines at most,
 * ends in "…", 10 to 60 characters wide), or as its caption (one line). */
static GtkWidget *
row_label_like_note (const char *text,
                     gboolean    wrap)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (wrap)
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_lines (GTK_LABEL (label), 3);
      gtk_label_set_width_chars (GTK_LABEL (label), 10);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 60);
    }

  return label;
}

/* UpRowLabel answers a list view's questions without a width from the
 * font, and must not change what a row shows: a long note's width is the
 * label's own answer, its height at any width is the label's, and a
 * caption's height (a line an emoji's font may make taller) is always the
 * label's. */
static void
test_row_label_measures (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  const char *caption = "Anna Berg 😀, ‏שלום‏, \"Kommunstyrelsen\"";
  GtkWidget *bare, *held, *bare_caption, *held_caption;
  int min, nat, bare_min, bare_nat, line = 0;

  for (guint i = 0; i < 8; i++)
    g_string_append (text, "Leverantören beskrev hur larmet fungerar i glesbygd. ");
  bare = g_object_ref_sink (row_label_like_note (text->str, TRUE));
  held = g_object_ref_sink (up_row_label_new (row_label_like_note (text->str, TRUE)));
  bare_caption = g_object_ref_sink (row_label_like_note (caption, FALSE));
  held_caption = g_object_ref_sink (up_row_label_new (row_label_like_note (caption, FALSE)));
  g_assert_true (GTK_IS_LABEL (up_row_label_get_label (UP_ROW_LABEL (held))));
  g_assert_cmpint (gtk_widget_get_request_mode (held), ==, gtk_widget_get_request_mode (bare));
  g_assert_cmpint (gtk_widget_get_request_mode (held_caption), ==, gtk_widget_get_request_mode (bare_caption));

  /* no width: the label's own answer for a text wider than its widest */
  gtk_widget_measure (bare, GTK_ORIENTATION_HORIZONTAL, -1, &bare_min, &bare_nat, NULL, NULL);
  gtk_widget_measure (held, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
  g_assert_cmpint (min, ==, bare_min);
  g_assert_cmpint (nat, ==, bare_nat);

  /* a width: the label's answer */
  for (int width = 60; width <= 600; width += 90)
    {
      gtk_widget_measure (bare, GTK_ORIENTATION_VERTICAL, width, &bare_min, &bare_nat, NULL, NULL);
      gtk_widget_measure (held, GTK_ORIENTATION_VERTICAL, width, &min, &nat, NULL, NULL);
      g_assert_cmpint (min, ==, bare_min);
      g_assert_cmpint (nat, ==, bare_nat);
    }
  /* one line: the whole text at a width it fits in */
  gtk_widget_measure (bare, GTK_ORIENTATION_VERTICAL, 100000, &line, NULL, NULL, NULL);

  /* no width, upright: one line to three, about the label's own lines */
  gtk_widget_measure (held, GTK_ORIENTATION_VERTICAL, -1, &min, &nat, NULL, NULL);
  g_test_message ("a line %d px; held: %d to %d px", line, min, nat);
  g_assert_cmpint (ABS (min - line), <=, 2);
  g_assert_cmpint (ABS (nat - 3 * line), <=, 6);

  /* a caption: its height is the label's, its width from no layout */
  gtk_widget_measure (bare_caption, GTK_ORIENTATION_VERTICAL, -1, &bare_min, &bare_nat, NULL, NULL);
  gtk_widget_measure (held_caption, GTK_ORIENTATION_VERTICAL, -1, &min, &nat, NULL, NULL);
  g_assert_cmpint (min, ==, bare_min);
  g_assert_cmpint (nat, ==, bare_nat);
  gtk_widget_measure (held_caption, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
  g_assert_cmpint (min, >, 0);
  g_assert_cmpint (nat, >, min);

  g_object_unref (bare);
  g_object_unref (held);
  g_object_unref (bare_caption);
  g_object_unref (held_caption);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv, "test");

  g_test_add ("/ui/notes/built-on-first-show", Fixture, NULL,
              fixture_set_up, test_built_on_first_show, fixture_tear_down);
  g_test_add ("/ui/notes/rows-named", Fixture, NULL,
              fixture_set_up, test_rows_named, fixture_tear_down);
  g_test_add ("/ui/notes/said-on-accessible", Fixture, NULL,
              fixture_set_up, test_said_on_accessible, fixture_tear_down);
  g_test_add ("/ui/notes/add-and-search", Fixture, NULL,
              fixture_set_up, test_add_and_search, fixture_tear_down);
  g_test_add ("/ui/notes/blank-and-decomposed", Fixture, NULL,
              fixture_set_up, test_blank_and_decomposed, fixture_tear_down);
  g_test_add ("/ui/notes/short-screen-room", Fixture, NULL,
              fixture_set_up, test_short_screen_room, fixture_tear_down);
  g_test_add ("/ui/notes/short-screen-choices-keep-fold", Fixture, NULL,
              fixture_set_up, test_short_screen_choices_keep_fold, fixture_tear_down);
  g_test_add ("/ui/notes/short-screen-first-frame-folded", Fixture, NULL,
              fixture_set_up, test_short_screen_first_frame_folded, fixture_tear_down);
  g_test_add ("/ui/notes/mnemonics-unique", Fixture, NULL,
              fixture_set_up, test_mnemonics_unique, fixture_tear_down);
  g_test_add ("/ui/notes/short-screen-fold-keeps-focused-filter", Fixture, NULL,
              fixture_set_up, test_short_screen_fold_keeps_focused_filter, fixture_tear_down);
  g_test_add ("/ui/notes/filters", Fixture, NULL,
              fixture_set_up, test_filters, fixture_tear_down);
  g_test_add ("/ui/notes/no-results-show-all", Fixture, NULL,
              fixture_set_up, test_no_results_show_all, fixture_tear_down);
  g_test_add ("/ui/notes/stakeholders-by-name", Fixture, NULL,
              fixture_set_up, test_stakeholders_by_name, fixture_tear_down);
  g_test_add ("/ui/notes/stakeholders-by-organisation", Fixture, NULL,
              fixture_set_up, test_stakeholders_by_organisation, fixture_tear_down);
  g_test_add ("/ui/notes/emoji-match-visible", Fixture, NULL,
              fixture_set_up, test_emoji_match_visible, fixture_tear_down);
  g_test_add ("/ui/notes/stakeholders-chosen-count", Fixture, NULL,
              fixture_set_up, test_stakeholders_chosen_count, fixture_tear_down);
  g_test_add_func ("/ui/notes/row-label-measures", test_row_label_measures);
  g_test_add ("/ui/notes/long-note-row-cut", Fixture, NULL,
              fixture_set_up, test_long_note_row_cut, fixture_tear_down);
  g_test_add ("/ui/notes/stage-notes-newest-first", Fixture, NULL,
              fixture_set_up, test_stage_notes_newest_first, fixture_tear_down);
  g_test_add ("/ui/notes/stakeholders-search-shrinks", Fixture, NULL,
              fixture_set_up, test_stakeholders_search_shrinks, fixture_tear_down);
  g_test_add ("/ui/notes/new-note-in-sight", Fixture, NULL,
              fixture_set_up, test_new_note_in_sight, fixture_tear_down);
  g_test_add ("/ui/notes/stage-note-saved-in-sight", Fixture, NULL,
              fixture_set_up, test_stage_note_saved_in_sight, fixture_tear_down);
  g_test_add ("/ui/notes/visibility-filter-all", Fixture, NULL,
              fixture_set_up, test_visibility_filter_all, fixture_tear_down);
  g_test_add ("/ui/notes/search-shows-first", Fixture, NULL,
              fixture_set_up, test_search_shows_first, fixture_tear_down);
  g_test_add ("/ui/notes/search-escape", Fixture, NULL,
              fixture_set_up, test_search_escape, fixture_tear_down);
  g_test_add ("/ui/notes/editor", Fixture, NULL,
              fixture_set_up, test_editor, fixture_tear_down);
  g_test_add ("/ui/notes/delete-note", Fixture, NULL,
              fixture_set_up, test_delete_note, fixture_tear_down);
  g_test_add ("/ui/notes/new-note-left-empty", Fixture, NULL,
              fixture_set_up, test_new_note_left_empty, fixture_tear_down);
  g_test_add ("/ui/notes/new-note-left-empty-after-ticks", Fixture, NULL,
              fixture_set_up, test_new_note_left_empty_after_ticks, fixture_tear_down);
  g_test_add ("/ui/notes/new-note-kept", Fixture, NULL,
              fixture_set_up, test_new_note_kept, fixture_tear_down);
  g_test_add ("/ui/notes/delete-stage-keep-notes", Fixture, "keep",
              fixture_set_up, test_delete_stage, fixture_tear_down);
  g_test_add ("/ui/notes/delete-stage-delete-notes", Fixture, "delete",
              fixture_set_up, test_delete_stage, fixture_tear_down);
  g_test_add ("/ui/notes/delete-stage-cancel", Fixture, "cancel",
              fixture_set_up, test_delete_stage, fixture_tear_down);
  g_test_add ("/ui/notes/delete-stage-without-notes", Fixture, NULL,
              fixture_set_up, test_delete_stage_without_notes, fixture_tear_down);
  g_test_add ("/ui/notes/same-names", Fixture, NULL,
              fixture_set_up, test_same_names, fixture_tear_down);
  g_test_add_func ("/ui/notes/empty-project", test_empty_project);
  g_test_add_func ("/ui/notes/many", test_many_notes);
  g_test_add ("/ui/notes/screenshots", Fixture, NULL,
              fixture_set_up, test_screenshots, fixture_tear_down);

  return g_test_run ();
}
