/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "Upphandla"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "up-a11y-util.h"
#include "up-note-util.h"
#include "up-scroller.h"
#include "up-stage-notes.h"

/* How long typing in the form may pause before its text is kept aside,
 * for a crash (see keep_draft()). */
#define DRAFT_KEEP_MS 1000

/* The notes pinned to the selected stage, in the stage panel, and a short
 * form to add one: the note is created when it is saved, with its text, in
 * one undo step (an empty note that the user then fills would be two).
 * The rows are built when the panel is on screen, and again after a change
 * of the notes while it is. */
struct _UpStageNotes
{
  AdwBin          parent_instance;

  UpProject      *project;
  UpStage        *stage;
  GSignalGroup   *project_signals;
  gboolean        dirty;

  /* A note whose stage went under the open form, waiting for the project
   * to finish that change: see save_composer(). */
  UpProject      *orphan_project;
  char           *orphan_body;
  const char     *orphan_kind;
  gulong          orphan_history_id;

  guint           draft_timeout_id;

  /* The note just saved, to scroll into sight once its row has its place
   * (show_saved_note()); 0 for none. */
  gint64          saved_note_id;
  guint           saved_tick_id;
  guint           saved_tries;
  double          saved_y;         /* where its row was at the last frame */

  GtkButton      *add_button;
  GtkRevealer    *composer_revealer;
  GtkTextView    *composer_view;
  GtkDropDown    *composer_kind;
  GtkButton      *save_button;
  GtkListBox     *list;
};

G_DEFINE_FINAL_TYPE (UpStageNotes, up_stage_notes, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_PROJECT,
  PROP_STAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  ERROR,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
rebuild (UpStageNotes *self)
{
  g_autoptr(GPtrArray) notes = NULL;
  GtkWidget *child;

  self->dirty = FALSE;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);

  if (self->project == NULL || self->stage == NULL)
    return;

  /* The store gives them oldest first; the notes view lists newest first,
   * and the panel must agree with it. */
  notes = up_project_list_stage_notes (self->project, self->stage);
  g_ptr_array_sort (notes, up_note_compare_newest_first);
  /* A row opens its note in the Notes view, where all of it is edited. */
  for (guint i = 0; i < notes->len; i++)
    {
      UpNote *note = g_ptr_array_index (notes, i);
      g_autofree char *markup = up_note_util_row_markup (up_note_get_body (note));
      GtkWidget *row = up_note_util_row_new (self->project, note, markup, FALSE);

      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.show-notes");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "(sxx)", "stage", up_record_get_id (UP_RECORD (self->stage)),
                                        up_record_get_id (UP_RECORD (note)));
      gtk_list_box_append (self->list, row);
    }
}

/* Rebuilds now if the rows are on screen, else the next time they are. */
static void
queue_rebuild (UpStageNotes *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    rebuild (self);
  else
    self->dirty = TRUE;
}

static void
on_notes_changed (UpStageNotes *self)
{
  queue_rebuild (self);
}

static char *
get_composer_text (UpStageNotes *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->composer_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);

  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* The form's text is in no file until the note is saved: a crash (the
 * laptop's battery) lost it, while closing the window saves it. After a
 * pause in typing it is kept beside the project's recovery copy, with the
 * stage and kind, and the window that next opens the project saves it as
 * a note (up_window_restore_draft()). Dropped when the form closes. */
static void
keep_draft (UpStageNotes *self)
{
  g_autoptr(GKeyFile) draft = NULL;
  g_autofree char *body = get_composer_text (self);
  g_autofree char *data = NULL;
  guint kind = gtk_drop_down_get_selected (self->composer_kind);

  if (self->project == NULL)
    return;

  g_strstrip (body);
  if (*body == '\0')
    {
      up_store_keep_draft (up_project_get_store (self->project), NULL);
      return;
    }

  draft = g_key_file_new ();
  g_key_file_set_string (draft, "note", "body", body);
  if (kind < g_strv_length ((char **) up_note_kinds))
    g_key_file_set_string (draft, "note", "kind", up_note_kinds[kind]);
  if (self->stage != NULL)
    g_key_file_set_int64 (draft, "note", "stage", up_record_get_id (UP_RECORD (self->stage)));
  data = g_key_file_to_data (draft, NULL, NULL);
  if (!up_store_keep_draft (up_project_get_store (self->project), data))
    g_debug ("The note being written could not be kept aside");
}

static gboolean
on_draft_timeout (gpointer data)
{
  UpStageNotes *self = data;

  self->draft_timeout_id = 0;
  keep_draft (self);
  return G_SOURCE_REMOVE;
}

static void
close_composer (UpStageNotes *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  gboolean focus_inside = focus != NULL &&
                          gtk_widget_is_ancestor (focus, GTK_WIDGET (self->composer_revealer));

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->composer_view), "", -1);
  /* saved as a note, or dropped on purpose: nothing to keep aside */
  g_clear_handle_id (&self->draft_timeout_id, g_source_remove);
  if (self->project != NULL)
    up_store_keep_draft (up_project_get_store (self->project), NULL);
  gtk_revealer_set_reveal_child (self->composer_revealer, FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_button), self->stage != NULL);

  /* The form goes away under the focus: without a new home it would fall
   * to the scrolled page, where nothing shows it. */
  if (focus_inside && self->stage != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->add_button));
}

/* Where @widget is in the page the panel is in; FALSE when it has no
 * place there yet. */
static gboolean
place_in_page (GtkWidget *widget,
               double    *y)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *content;
  graphene_point_t top;

  if (scrolled == NULL)
    return FALSE;

  content = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled));
  if (GTK_IS_VIEWPORT (content))
    content = gtk_viewport_get_child (GTK_VIEWPORT (content));
  if (content == NULL || gtk_widget_get_height (widget) <= 0 ||
      !gtk_widget_compute_point (widget, content, &GRAPHENE_POINT_INIT (0, 0), &top))
    return FALSE;

  *y = top.y;
  return TRUE;
}

/* A note saved takes its place by date among the stage's notes, which can
 * be far below the form: its row comes into sight, so that the strategist
 * sees where it went. The row is made when the project says the note is
 * there, and has its place after the next layout: a frame or two. */
static gboolean
show_saved_note (GtkWidget     *list,
                 GdkFrameClock *clock,
                 gpointer       user_data)
{
  UpStageNotes *self = user_data;

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      double y;

      if ((gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "note-id")) != self->saved_note_id ||
          !place_in_page (row, &y))
        continue;
      /* The rows above it settle as the form closes and the list is made
       * again: once the row stays where it is from one frame to the next. */
      if (fabs (y - self->saved_y) < 0.5 && up_scroller_show (row))
        self->saved_note_id = 0;
      self->saved_y = y;
      break;
    }

  if (self->saved_note_id != 0 && ++self->saved_tries < 30)
    return G_SOURCE_CONTINUE;

  self->saved_note_id = 0;
  self->saved_tick_id = 0;
  return G_SOURCE_REMOVE;
}

/* The form opens below what is in sight when the panel is scrolled up: once
 * it has its height, the page scrolls to show it. Once it has closed after
 * a save, the note saved is shown. */
static void
on_composer_revealed (UpStageNotes *self)
{
  if (!gtk_revealer_get_child_revealed (self->composer_revealer))
    {
      if (self->saved_note_id != 0 && self->saved_tick_id == 0)
        {
          self->saved_tries = 0;
          self->saved_y = -1;
          self->saved_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self->list), show_saved_note, self, NULL);
        }
      return;
    }

  up_scroller_show (GTK_WIDGET (self->composer_revealer));
}

static void
on_add_clicked (UpStageNotes *self)
{
  const char *kind = up_note_util_default_kind (self->stage);

  for (guint i = 0; up_note_kinds[i] != NULL; i++)
    if (g_strcmp0 (up_note_kinds[i], kind) == 0)
      gtk_drop_down_set_selected (self->composer_kind, i);

  gtk_revealer_set_reveal_child (self->composer_revealer, TRUE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_button), FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->composer_view));
}

static void
on_cancel_clicked (UpStageNotes *self)
{
  close_composer (self);
}

/* Adds the note kept aside by save_composer() as a note of no stage, if
 * there is one. Runs at the end of the change that took its stage (the
 * history's step is the last thing the project does), and at the latest
 * when the project's editors are asked to commit (the window closes, its
 * project changes) or the panel goes, so that no window can save or
 * close before the note is in the project. */
static void
add_orphan_note (UpStageNotes *self)
{
  g_autoptr(UpProject) project = g_steal_pointer (&self->orphan_project);
  g_autofree char *body = g_steal_pointer (&self->orphan_body);
  g_autofree char *today = NULL;
  g_autoptr(GError) error = NULL;

  if (project == NULL)
    return;

  g_clear_signal_handler (&self->orphan_history_id, up_project_get_history (project));
  today = up_note_util_today ();
  if (up_project_add_note (project, body, self->orphan_kind, today, NULL, &error) == NULL)
    g_signal_emit (self, signals[ERROR], 0, error);
}

static void
on_orphan_history_step (UpStageNotes *self)
{
  add_orphan_note (self);
}

/* Adds what the form holds as a note of the stage, and closes the form;
 * an empty form is left as it is. A note refused is reported, and its
 * text stays in the form. */
static void
save_composer (UpStageNotes *self)
{
  g_autofree char *body = get_composer_text (self);
  g_autofree char *today = NULL;
  g_autoptr(GError) error = NULL;
  guint kind = gtk_drop_down_get_selected (self->composer_kind);
  UpNote *note;

  g_strstrip (body);
  if (self->project == NULL || *body == '\0')
    return;
  if (kind >= g_strv_length ((char **) up_note_kinds))
    kind = 0;

  /* The stage went under the open form (its addition undone without the
   * form being committed first, a change from another holder of the
   * project): what was said is kept all the same, as a note of no stage,
   * which the notes view lists. The panel hears of it while the project
   * is still in the middle of that change, where no edit can begin: the
   * note waits for the history's step that ends the change, which comes
   * before the undo returns to its caller. Not an idle: a window closed
   * before it ran saved the project without the note. */
  if (self->stage != NULL &&
      up_project_lookup (self->project, "stage",
                         up_record_get_id (UP_RECORD (self->stage))) != UP_RECORD (self->stage))
    {
      if (self->orphan_project == NULL)
        {
          self->orphan_project = g_object_ref (self->project);
          self->orphan_body = g_steal_pointer (&body);
          self->orphan_kind = up_note_kinds[kind];
          self->orphan_history_id =
            g_signal_connect_object (up_project_get_history (self->project), "notify::can-undo",
                                     G_CALLBACK (on_orphan_history_step), self, G_CONNECT_SWAPPED);
        }
      else
        {
          /* A text kept aside already (not seen: the form closes with
           * the first): both are kept, in one note. */
          char *both = g_strconcat (self->orphan_body, "\n\n", body, NULL);

          g_free (self->orphan_body);
          self->orphan_body = both;
        }
      close_composer (self);
      return;
    }

  today = up_note_util_today ();
  note = up_project_add_note (self->project, body, up_note_kinds[kind], today, self->stage, &error);
  if (note == NULL)
    {
      g_signal_emit (self, signals[ERROR], 0, error);
      return;
    }

  self->saved_note_id = up_record_get_id (UP_RECORD (note));
  close_composer (self);
}

static void
on_save_clicked (UpStageNotes *self)
{
  save_composer (self);
}

/* The project's "commit-pending", before the window closes or another
 * project is shown in it, and before a toast's Undo: a note being written
 * is saved as typed, as Save Note would, rather than lost with the form.
 * Asking first would stop Ctrl+Q for a question whose answer is almost
 * always yes, and the note is one undo step, easily taken back. */
static void
commit_pending (UpStageNotes *self)
{
  add_orphan_note (self);
  save_composer (self);
}

static void
on_composer_changed (UpStageNotes  *self,
                     GtkTextBuffer *buffer)
{
  g_autofree char *text = get_composer_text (self);

  g_strstrip (text);
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), *text != '\0');

  g_clear_handle_id (&self->draft_timeout_id, g_source_remove);
  if (*text != '\0')
    self->draft_timeout_id = g_timeout_add (DRAFT_KEEP_MS, on_draft_timeout, self);
}

static gboolean
on_composer_key (UpStageNotes          *self,
                 guint                  keyval,
                 guint                  keycode,
                 GdkModifierType        state,
                 GtkEventControllerKey *controller)
{
  /* Enter makes a new line in a note; Ctrl+Enter saves it, Escape drops it. */
  if ((keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter) && (state & GDK_CONTROL_MASK))
    {
      on_save_clicked (self);
      return GDK_EVENT_STOP;
    }
  if (keyval == GDK_KEY_Escape)
    {
      close_composer (self);
      return GDK_EVENT_STOP;
    }

  return GDK_EVENT_PROPAGATE;
}

static void
up_stage_notes_map (GtkWidget *widget)
{
  UpStageNotes *self = UP_STAGE_NOTES (widget);

  GTK_WIDGET_CLASS (up_stage_notes_parent_class)->map (widget);

  if (self->dirty)
    rebuild (self);
}

static void
up_stage_notes_dispose (GObject *object)
{
  UpStageNotes *self = UP_STAGE_NOTES (object);

  g_clear_handle_id (&self->draft_timeout_id, g_source_remove);
  if (self->saved_tick_id != 0 && self->list != NULL)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->list), self->saved_tick_id);
  self->saved_tick_id = 0;
  add_orphan_note (self);
  if (self->project_signals != NULL)
    g_signal_group_set_target (self->project_signals, NULL);
  g_clear_object (&self->project_signals);
  g_clear_object (&self->project);
  g_clear_object (&self->stage);

  /* The bin's child is the template's root, which has an id: unparent it
   * first, or dispose_template() would drop it under the bin's feet. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), UP_TYPE_STAGE_NOTES);

  G_OBJECT_CLASS (up_stage_notes_parent_class)->dispose (object);
}

static void
up_stage_notes_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  UpStageNotes *self = UP_STAGE_NOTES (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;
    case PROP_STAGE:
      g_value_set_object (value, self->stage);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
up_stage_notes_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  UpStageNotes *self = UP_STAGE_NOTES (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      up_stage_notes_set_project (self, g_value_get_object (value));
      break;
    case PROP_STAGE:
      up_stage_notes_set_stage (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
up_stage_notes_class_init (UpStageNotesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = up_stage_notes_dispose;
  object_class->get_property = up_stage_notes_get_property;
  object_class->set_property = up_stage_notes_set_property;
  widget_class->map = up_stage_notes_map;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL,
                         UP_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STAGE] =
    g_param_spec_object ("stage", NULL, NULL,
                         UP_TYPE_STAGE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[ERROR] =
    g_signal_new ("error",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_ERROR);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/upphandla/Upphandla/up-stage-notes.ui");
  gtk_widget_class_bind_template_child (widget_class, UpStageNotes, add_button);
  gtk_widget_class_bind_template_child (widget_class, UpStageNotes, composer_revealer);
  gtk_widget_class_bind_template_child (widget_class, UpStageNotes, composer_view);
  gtk_widget_class_bind_template_child (widget_class, UpStageNotes, composer_kind);
  gtk_widget_class_bind_template_child (widget_class, UpStageNotes, save_button);
  gtk_widget_class_bind_template_child (widget_class, UpStageNotes, list);
  gtk_widget_class_bind_template_callback (widget_class, on_add_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked);
}

static void
up_stage_notes_init (UpStageNotes *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; up_note_kinds[i] != NULL; i++)
    gtk_string_list_append (kinds, up_enum_label (up_note_kinds, up_note_kinds[i]));
  up_note_util_setup_drop_down (self->composer_kind);
  gtk_drop_down_set_model (self->composer_kind, G_LIST_MODEL (kinds));

  /* Translators: In the stage panel, when no note is pinned to the stage. */
  up_note_util_set_placeholder (self->list, _("Nothing noted at this stage yet."));
  /* Its rows are one Tab stop; the arrows move among them, Enter opens one. */
  up_a11y_util_tab_leaves_list (GTK_WIDGET (self->list));

  g_signal_connect_object (self->composer_revealer, "notify::child-revealed",
                           G_CALLBACK (on_composer_revealed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (self->composer_view), "changed",
                           G_CALLBACK (on_composer_changed), self, G_CONNECT_SWAPPED);
  keys = gtk_event_controller_key_new ();
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_composer_key), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->composer_view), keys);

  self->project_signals = g_signal_group_new (UP_TYPE_PROJECT);
  g_signal_group_connect_object (self->project_signals, "changed::note",
                                 G_CALLBACK (on_notes_changed), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->project_signals, "changed::note_stakeholder",
                                 G_CALLBACK (on_notes_changed), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->project_signals, "commit-pending",
                                 G_CALLBACK (commit_pending), self, G_CONNECT_SWAPPED);
  /* A stakeholder renamed or deleted shows in the rows too. */
  g_signal_group_connect_object (self->project_signals, "changed::stakeholder",
                                 G_CALLBACK (on_notes_changed), self, G_CONNECT_SWAPPED);

  gtk_widget_set_sensitive (GTK_WIDGET (self->add_button), FALSE);
}

GtkWidget *
up_stage_notes_new (void)
{
  return g_object_new (UP_TYPE_STAGE_NOTES, NULL);
}

UpProject *
up_stage_notes_get_project (UpStageNotes *self)
{
  g_return_val_if_fail (UP_IS_STAGE_NOTES (self), NULL);

  return self->project;
}

void
up_stage_notes_set_project (UpStageNotes *self,
                            UpProject    *project)
{
  g_return_if_fail (UP_IS_STAGE_NOTES (self));
  g_return_if_fail (project == NULL || UP_IS_PROJECT (project));

  if (self->project == project)
    return;

  /* What is typed belongs to the project it was typed in. */
  add_orphan_note (self);
  save_composer (self);
  g_set_object (&self->project, project);
  g_signal_group_set_target (self->project_signals, project);
  queue_rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}

UpStage *
up_stage_notes_get_stage (UpStageNotes *self)
{
  g_return_val_if_fail (UP_IS_STAGE_NOTES (self), NULL);

  return self->stage;
}

void
up_stage_notes_set_stage (UpStageNotes *self,
                          UpStage      *stage)
{
  g_return_if_fail (UP_IS_STAGE_NOTES (self));
  g_return_if_fail (stage == NULL || UP_IS_STAGE (stage));

  if (self->stage == stage)
    return;

  /* A half-written note belongs to the stage it was started on: it is
   * saved there before the panel shows another stage, as the stage's
   * title and description are, and not dropped with the form. A draft
   * kept aside per stage would be lost all the same at Ctrl+Q unless it
   * were saved then, in a stage the user no longer sees. */
  save_composer (self);
  g_set_object (&self->stage, stage);
  close_composer (self);
  queue_rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STAGE]);
}
