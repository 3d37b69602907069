/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "Upphandla"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "up-calendar-button.h"
#include "up-date-util.h"
#include "up-entry-row.h"
#include "up-paste-guard.h"
#include "up-sdg-picker.h"
#include "up-stage-editor.h"
#include "up-stage-notes.h"
#include "up-text-util.h"

/* How long typing in the description may pause before it is committed, as
 * for the text of a note. */
#define DESCRIPTION_COMMIT_MS 1000

/* The form of one stage. It keeps no copy of the stage: the fields show the
 * model, and a field is committed through the edit API of the project when
 * it is activated or loses focus (one undo step per committed change, not
 * per keystroke). A value the core refuses is reported with "error" and the
 * field shows the model's value again. */
struct _UpStageEditor
{
  AdwBin          parent_instance;

  UpProject      *project;
  UpStage        *stage;
  gulong          notify_id;

  /* Set while the fields are filled from the model, so that the combo rows
   * and calendars do not take that for an edit. */
  guint           updating;

  GtkStack       *stack;
  UpEntryRow     *title_row;
  AdwComboRow    *kind_row;
  AdwComboRow    *status_row;
  UpEntryRow     *start_row;
  UpEntryRow     *end_row;
  GtkCalendar    *start_calendar;
  GtkCalendar    *end_calendar;
  GtkMenuButton  *start_calendar_button;
  GtkMenuButton  *end_calendar_button;
  AdwActionRow   *duration_row;
  GtkLabel       *duration_label;
  GtkTextView    *description_view;
  guint           description_timeout_id;
  gulong          commit_pending_id;
  UpSdgPicker    *sdg_picker;
  UpStageNotes   *stage_notes;
};

G_DEFINE_FINAL_TYPE (UpStageEditor, up_stage_editor, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_PROJECT,
  PROP_STAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  ERROR,
  NOTICE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GListModel *
create_label_model (const char * const *values)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (guint i = 0; values[i] != NULL; i++)
    gtk_string_list_append (list, up_enum_label (values, values[i]));

  return G_LIST_MODEL (list);
}

static guint
enum_index (const char * const *values,
            const char         *value)
{
  for (guint i = 0; values[i] != NULL; i++)
    {
      if (g_strcmp0 (values[i], value) == 0)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

static gboolean
is_milestone_kind (const char *kind)
{
  return g_strcmp0 (kind, "milestone") == 0;
}

static void
report_error (UpStageEditor *self,
              const GError  *error)
{
  g_debug ("Edit refused: %s", error->message);
  g_signal_emit (self, signals[ERROR], 0, error);
}

static void
on_child_error (UpStageEditor *self,
                const GError  *error)
{
  report_error (self, error);
}

static char *
get_description_text (UpStageEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->description_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);

  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
set_editable_text (GtkEditable *editable,
                   const char  *text)
{
  /* A text longer than the field holds is shown cut: committed from
   * there (the field left, the window closed) it would be cut in the
   * project. Read-only before the text comes: an editable field refuses
   * a text that does not fit (up_paste_guard_attach()). */
  gtk_editable_set_editable (editable, up_paste_guard_fits (text));
  /* Setting the same text again would move the cursor while typing. */
  if (g_strcmp0 (gtk_editable_get_text (editable), text ? text : "") != 0)
    gtk_editable_set_text (editable, text ? text : "");
}

static void
set_calendar_date (GtkCalendar *calendar,
                   const char  *iso)
{
  GDate date;
  g_autoptr(GDateTime) datetime = NULL;

  if (iso == NULL || !up_date_parse (iso, &date))
    return;

  datetime = g_date_time_new_local (g_date_get_year (&date),
                                    g_date_get_month (&date),
                                    g_date_get_day (&date),
                                    0, 0, 0);
  if (datetime != NULL)
    gtk_calendar_select_day (calendar, datetime);
}

static void
update_date_row_style (UpEntryRow *row)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));

  /* A hint while typing; the check that counts is the core's, on commit. */
  up_entry_row_set_invalid (row, text[0] != '\0' && !up_date_is_valid (text));
}

static void
refresh_duration (UpStageEditor *self)
{
  g_autofree char *text = NULL;
  int days = up_stage_get_duration (self->stage);

  g_autofree char *lasts = NULL;
  GtkEntry *end = up_entry_row_get_entry (self->end_row);

  /* Translators: The length of a stage, counting the first and last day. */
  text = g_strdup_printf (ngettext ("%1$d day", "%1$d days", days), days);
  gtk_label_set_label (self->duration_label, text);

  /* The Duration row is no stop for Tab (there is nothing to do on it):
   * a screen reader hears the length with the end date, where it changes
   * (a milestone shows neither). */
  /* Translators: Read by a screen reader with a stage's end date: its
   * length, counting the first and last day. */
  lasts = g_strdup_printf (ngettext ("Lasts %1$d day", "Lasts %1$d days", days), days);
  gtk_accessible_update_property (GTK_ACCESSIBLE (end), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, lasts, -1);
}

/* Fills the fields from the model; @property is one property, or NULL. */
static void
refresh (UpStageEditor *self,
         const char    *property)
{
  gboolean all = property == NULL;

  if (self->stage == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  self->updating++;

  if (all || g_str_equal (property, "title"))
    set_editable_text (GTK_EDITABLE (self->title_row), up_stage_get_title (self->stage));

  if (all || g_str_equal (property, "kind"))
    {
      const char *kind = up_stage_get_kind (self->stage);

      adw_combo_row_set_selected (self->kind_row, enum_index (up_stage_kinds, kind));

      /* A milestone is one day: it has a date, not a range. */
      gtk_widget_set_visible (GTK_WIDGET (self->end_row), !is_milestone_kind (kind));
      gtk_widget_set_visible (GTK_WIDGET (self->duration_row), !is_milestone_kind (kind));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->start_row),
                                     is_milestone_kind (kind) ? _("Date") : _("Starts"));
    }

  if (all || g_str_equal (property, "status"))
    adw_combo_row_set_selected (self->status_row,
                                enum_index (up_stage_statuses, up_stage_get_status (self->stage)));

  if (all || g_str_equal (property, "start-date") || g_str_equal (property, "end-date"))
    {
      set_editable_text (GTK_EDITABLE (self->start_row), up_stage_get_start_date (self->stage));
      set_editable_text (GTK_EDITABLE (self->end_row), up_stage_get_end_date (self->stage));
      update_date_row_style (self->start_row);
      update_date_row_style (self->end_row);
      refresh_duration (self);
    }

  if (all || g_str_equal (property, "description"))
    {
      g_autofree char *text = get_description_text (self);
      const char *description = up_stage_get_description (self->stage);

      if (description == NULL)
        description = "";

      if (g_strcmp0 (text, description) != 0)
        gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->description_view),
                                  description, -1);
    }

  gtk_stack_set_visible_child_name (self->stack, "stage");

  self->updating--;
}

static gboolean
stage_is_alive (UpStageEditor *self)
{
  /* A stage that was deleted (or whose addition was undone) is still
   * referenced here until the selection moves on; edits of it would fail. */
  return self->project != NULL && self->stage != NULL &&
         up_project_lookup (self->project, "stage",
                            up_record_get_id (UP_RECORD (self->stage))) == UP_RECORD (self->stage);
}

static gboolean
commit_string (UpStageEditor *self,
               const char    *property,
               const char    *value)
{
  g_autoptr(GError) error = NULL;
  const char *current;

  if (!stage_is_alive (self))
    return FALSE;

  current = up_record_get_string (UP_RECORD (self->stage), property);
  if (g_strcmp0 (current ? current : "", value) == 0)
    return TRUE;

  if (!up_project_set_string (self->project, self->stage, property, value, &error))
    {
      report_error (self, error);
      refresh (self, property);
      return FALSE;
    }

  return TRUE;
}

static void
commit_title (UpStageEditor *self)
{
  if (!gtk_editable_get_editable (GTK_EDITABLE (self->title_row)))
    return;

  commit_string (self, "title", gtk_editable_get_text (GTK_EDITABLE (self->title_row)));
}

static void
commit_description (UpStageEditor *self)
{
  g_autofree char *text = NULL;

  g_clear_handle_id (&self->description_timeout_id, g_source_remove);
  text = get_description_text (self);
  commit_string (self, "description", text);
}

static gboolean
on_description_timeout (gpointer user_data)
{
  UpStageEditor *self = user_data;

  self->description_timeout_id = 0;
  commit_description (self);

  return G_SOURCE_REMOVE;
}

/* The description is committed after a pause in typing, as a note's text
 * is, and not only when the field loses the focus: text typed for minutes
 * must not wait in the field for a crash to lose it. */
static void
on_description_changed (UpStageEditor *self)
{
  if (self->updating || self->stage == NULL)
    return;

  g_clear_handle_id (&self->description_timeout_id, g_source_remove);
  self->description_timeout_id = g_timeout_add (DESCRIPTION_COMMIT_MS, on_description_timeout, self);
}

/* Tells the user that the end of the stage moved with its start: they
 * typed only the start, and the end field changed below it. */
static void
report_moved_end (UpStageEditor *self)
{
  g_autofree char *end = up_date_util_format (up_stage_get_end_date (self->stage));
  g_autofree char *title = up_text_util_excerpt (up_stage_get_title (self->stage),
                                                 UP_TEXT_UTIL_QUOTE_CHARS);
  g_autofree char *message = NULL;
  int days = up_stage_get_duration (self->stage);

  /* Translators: A message after a start date was typed past the stage's
   * end: the whole stage moved. %1$s is the stage's title, %2$s its new
   * end date, %3$d its length in days, counting the first and last day. */
  message = g_strdup_printf (ngettext ("“%1$s” now ends %2$s and keeps its length of %3$d day",
                                       "“%1$s” now ends %2$s and keeps its length of %3$d days",
                                       days),
                             title, end, days);
  g_signal_emit (self, signals[NOTICE], 0, message);
}

static void
commit_dates (UpStageEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *moved_end = NULL;
  const char *start;
  const char *end;

  if (!stage_is_alive (self))
    return;

  start = gtk_editable_get_text (GTK_EDITABLE (self->start_row));
  if (up_stage_get_is_milestone (self->stage))
    end = start;
  else
    end = gtk_editable_get_text (GTK_EDITABLE (self->end_row));

  if (g_strcmp0 (start, up_stage_get_start_date (self->stage)) == 0 &&
      g_strcmp0 (end, up_stage_get_end_date (self->stage)) == 0)
    return;

  if (!up_date_is_valid (start) || !up_date_is_valid (end))
    {
      g_set_error (&error, UP_STORE_ERROR, UP_STORE_ERROR_INVALID,
                   _("Write the date as year-month-day, for example 2026-11-28."));
    }
  else
    {
      /* A start typed past an end left as it was moves the whole stage
       * there, as long as it was, as a calendar moves an event whose start
       * is changed: the user meant "later", not "end before start". An end
       * typed before the start is still refused by the core, with its
       * reason: which of the two dates was meant is not clear there.
       * ISO dates sort as the days they name. */
      if (strcmp (end, start) < 0 &&
          g_strcmp0 (end, up_stage_get_end_date (self->stage)) == 0)
        {
          moved_end = up_date_add_days (start, up_date_diff (up_stage_get_start_date (self->stage),
                                                             up_stage_get_end_date (self->stage)));
          end = moved_end;
        }
      if (up_project_move_stage (self->project, self->stage, start, end, &error) && moved_end != NULL)
        report_moved_end (self);
    }

  if (error != NULL)
    {
      report_error (self, error);
      refresh (self, "start-date");
    }
}

static void
commit_choice (UpStageEditor      *self,
               const char         *property,
               const char * const *values,
               guint               selected)
{
  g_autoptr(GError) error = NULL;
  const char *value;

  if (self->updating || !stage_is_alive (self) || selected == GTK_INVALID_LIST_POSITION)
    return;

  value = values[selected];

  /* A stage that becomes a milestone shrinks to its first day, in the same
   * undo step as the change of kind. */
  if (g_str_equal (property, "kind") && is_milestone_kind (value) &&
      g_strcmp0 (up_stage_get_start_date (self->stage), up_stage_get_end_date (self->stage)) != 0)
    {
      g_autofree char *start = g_strdup (up_stage_get_start_date (self->stage));

      up_project_begin_group (self->project, _("Make Milestone"));
      if (!up_project_move_stage (self->project, self->stage, start, start, &error) ||
          !up_project_set_string (self->project, self->stage, property, value, &error))
        {
          /* end_group() rolls the group back after an error. */
          up_project_end_group (self->project, NULL);
        }
      else
        {
          up_project_end_group (self->project, &error);
        }

      if (error != NULL)
        {
          report_error (self, error);
          refresh (self, NULL);
        }
      return;
    }

  commit_string (self, property, value);
}

static void
on_title_activated (UpStageEditor *self,
                    UpEntryRow    *row)
{
  commit_title (self);
}

/* A pause in typing commits the title, as it does the description; a
 * title of nothing but blanks, which the project refuses, waits for the
 * field to be left, where it is refused with a reason, not while typing. */
static void
on_title_typing_paused (UpStageEditor *self,
                        UpEntryRow    *row)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  if (*text != '\0')
    commit_title (self);
}

static gboolean
focus_left_for_real (GtkEventController *controller)
{
  GtkRoot *root = gtk_widget_get_root (gtk_event_controller_get_widget (controller));

  /* Focus also "leaves" when the whole window is deactivated (another
   * application in front); a half-typed value must not be committed then. */
  return !GTK_IS_WINDOW (root) || gtk_window_is_active (GTK_WINDOW (root));
}

static void
on_title_focus_leave (UpStageEditor           *self,
                      GtkEventControllerFocus *controller)
{
  if (focus_left_for_real (GTK_EVENT_CONTROLLER (controller)))
    commit_title (self);
}

static void
on_date_activated (UpStageEditor *self,
                   UpEntryRow    *row)
{
  commit_dates (self);
}

/* A date typed and left in its field (the phone rang) is committed after
 * a pause, as the title is, so that a crash does not lose it; but only a
 * whole date that makes a range with the other, or a start typed past an
 * end left as it was, which moves the stage (commit_dates()): an end
 * typed before the start, or a date half typed, waits for Return or Tab,
 * where it is refused with a reason, not while the user types. */
static void
on_date_typing_paused (UpStageEditor *self,
                       UpEntryRow    *row)
{
  const char *start = gtk_editable_get_text (GTK_EDITABLE (self->start_row));
  const char *end = gtk_editable_get_text (GTK_EDITABLE (self->end_row));

  if (!stage_is_alive (self))
    return;
  if (up_stage_get_is_milestone (self->stage))
    end = start;
  /* ISO dates sort as the days they name */
  if (up_date_is_valid (start) && up_date_is_valid (end) &&
      (strcmp (start, end) <= 0 || g_strcmp0 (end, up_stage_get_end_date (self->stage)) == 0))
    commit_dates (self);
}

static void
on_date_changed (UpStageEditor *self,
                 UpEntryRow    *row)
{
  update_date_row_style (row);
}

static void
on_date_focus_leave (UpStageEditor           *self,
                     GtkEventControllerFocus *controller)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  GtkMenuButton *button = row == GTK_WIDGET (self->start_row)
                        ? self->start_calendar_button : self->end_calendar_button;

  /* Opening the calendar moves the focus into its popover: not an edit. */
  if (gtk_widget_get_visible (GTK_WIDGET (gtk_menu_button_get_popover (button))))
    return;

  if (focus_left_for_real (GTK_EVENT_CONTROLLER (controller)))
    commit_dates (self);
}

static void
on_description_focus_leave (UpStageEditor           *self,
                            GtkEventControllerFocus *controller)
{
  if (focus_left_for_real (GTK_EVENT_CONTROLLER (controller)))
    commit_description (self);
}

static void
on_kind_selected (UpStageEditor *self,
                  GParamSpec    *pspec,
                  AdwComboRow   *row)
{
  commit_choice (self, "kind", up_stage_kinds, adw_combo_row_get_selected (row));
}

static void
on_status_selected (UpStageEditor *self,
                    GParamSpec    *pspec,
                    AdwComboRow   *row)
{
  commit_choice (self, "status", up_stage_statuses, adw_combo_row_get_selected (row));
}

static void
on_popover_show (UpStageEditor *self,
                 UpEntryRow    *row,
                 GtkCalendar   *calendar)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));

  self->updating++;
  set_calendar_date (calendar, up_date_is_valid (text) ? text :
                     row == self->start_row ? up_stage_get_start_date (self->stage)
                                            : up_stage_get_end_date (self->stage));
  self->updating--;
}

static void
on_start_popover_show (UpStageEditor *self,
                       GtkPopover    *popover)
{
  on_popover_show (self, self->start_row, self->start_calendar);
}

static void
on_end_popover_show (UpStageEditor *self,
                     GtkPopover    *popover)
{
  on_popover_show (self, self->end_row, self->end_calendar);
}

static void
on_day_selected (UpStageEditor *self,
                 UpEntryRow    *row,
                 GtkCalendar   *calendar,
                 GtkMenuButton *button)
{
  g_autoptr(GDateTime) datetime = NULL;
  g_autofree char *iso = NULL;

  if (self->updating)
    return;

  datetime = gtk_calendar_get_date (calendar);
  iso = g_date_time_format (datetime, "%Y-%m-%d");

  gtk_editable_set_text (GTK_EDITABLE (row), iso);
  gtk_menu_button_popdown (button);
  commit_dates (self);
}

static void
on_start_day_selected (UpStageEditor *self,
                       GtkCalendar   *calendar)
{
  on_day_selected (self, self->start_row, calendar, self->start_calendar_button);
}

static void
on_end_day_selected (UpStageEditor *self,
                     GtkCalendar   *calendar)
{
  on_day_selected (self, self->end_row, calendar, self->end_calendar_button);
}

static void
on_stage_notify (UpStageEditor *self,
                 GParamSpec    *pspec,
                 UpStage       *stage)
{
  refresh (self, g_param_spec_get_name (pspec));
}

static void
add_focus_leave (GtkWidget *widget,
                 GCallback  callback,
                 gpointer   user_data)
{
  GtkEventController *controller = gtk_event_controller_focus_new ();

  g_signal_connect_swapped (controller, "leave", callback, user_data);
  gtk_widget_add_controller (widget, controller);
}

static void
up_stage_editor_dispose (GObject *object)
{
  UpStageEditor *self = UP_STAGE_EDITOR (object);

  g_clear_handle_id (&self->description_timeout_id, g_source_remove);
  if (self->stage != NULL)
    g_clear_signal_handler (&self->notify_id, self->stage);
  g_clear_object (&self->stage);
  if (self->project != NULL)
    g_clear_signal_handler (&self->commit_pending_id, self->project);
  g_clear_object (&self->project);

  /* AdwBin unparents its child in its own dispose; the template's would
   * unparent it first and leave AdwBin a dangling pointer. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), UP_TYPE_STAGE_EDITOR);

  G_OBJECT_CLASS (up_stage_editor_parent_class)->dispose (object);
}

static void
up_stage_editor_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  UpStageEditor *self = UP_STAGE_EDITOR (object);

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
up_stage_editor_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  UpStageEditor *self = UP_STAGE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      up_stage_editor_set_project (self, g_value_get_object (value));
      break;

    case PROP_STAGE:
      up_stage_editor_set_stage (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* The editor is as wide as it needs to be and no wider: beside the
 * timeline in a wide window the timeline takes the rest, and over it in a
 * narrow one it covers as little as it can. What it shows would ask for
 * more (a status page's description, a clamp of 640 px, on one line). */
static void
up_stage_editor_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  GTK_WIDGET_CLASS (up_stage_editor_parent_class)->measure (widget, orientation, for_size,
                                                             minimum, natural,
                                                             minimum_baseline, natural_baseline);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *natural = *minimum;
}

static void
up_stage_editor_class_init (UpStageEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = up_stage_editor_dispose;
  object_class->get_property = up_stage_editor_get_property;
  object_class->set_property = up_stage_editor_set_property;
  widget_class->measure = up_stage_editor_measure;

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
                  G_TYPE_NONE, 1,
                  G_TYPE_ERROR | G_SIGNAL_TYPE_STATIC_SCOPE);

  /* Something the user did not ask for in so many words happened along
   * with their edit: a message for them, in plain text. */
  signals[NOTICE] =
    g_signal_new ("notice",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1,
                  G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE);

  g_type_ensure (UP_TYPE_ENTRY_ROW);
  g_type_ensure (UP_TYPE_SDG_PICKER);
  g_type_ensure (UP_TYPE_STAGE_NOTES);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/upphandla/Upphandla/up-stage-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, UpStageEditor, stack);
  gtk_widget_class_bind_template_child (widget_class, UpStageEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, UpStageEditor, kind_row);
  gtk_widget_class_bind_template_child (widget_class, UpStageEditor, status_row);
  gtk_widget_class_bind_template_child (widget_class, UpStageEditor, start_row);
  gtk_widget_class_bind_template_child (widget_class, UpStageEditor, end_row);
  gtk_widget_class_bind_template_child (widget_class, UpStageEditor, start_calendar_button);
  gtk_widget_class_bind_template_child (widget_class, UpStageEditor, end_calendar_button);
  gtk_widget_class_bind_template_child (widget_class, UpStageEditor, duration_row);
  gtk_widget_class_bind_template_child (widget_class, UpStageEditor, duration_label);
  gtk_widget_class_bind_template_child (widget_class, UpStageEditor, description_view);
  gtk_widget_class_bind_template_child (widget_class, UpStageEditor, sdg_picker);
  gtk_widget_class_bind_template_child (widget_class, UpStageEditor, stage_notes);
  gtk_widget_class_bind_template_callback (widget_class, on_child_error);
  gtk_widget_class_bind_template_callback (widget_class, on_title_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_date_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_date_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_kind_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_status_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_start_popover_show);
  gtk_widget_class_bind_template_callback (widget_class, on_end_popover_show);
}

static void
up_stage_editor_init (UpStageEditor *self)
{
  g_autoptr(GListModel) kinds = create_label_model (up_stage_kinds);
  g_autoptr(GListModel) statuses = create_label_model (up_stage_statuses);

  gtk_widget_init_template (GTK_WIDGET (self));

  /* The labels are the core's translations, so the models are made here. */
  self->updating++;
  adw_combo_row_set_model (self->kind_row, kinds);
  adw_combo_row_set_model (self->status_row, statuses);
  self->updating--;

  up_calendar_button_init (self->start_calendar_button, &self->start_calendar,
                           G_CALLBACK (on_start_day_selected), self);
  up_calendar_button_init (self->end_calendar_button, &self->end_calendar,
                           G_CALLBACK (on_end_day_selected), self);

  /* dates are typed as digits and dashes: a touch keyboard shows digits */
  gtk_entry_set_input_purpose (up_entry_row_get_entry (self->start_row), GTK_INPUT_PURPOSE_DIGITS);
  gtk_entry_set_input_purpose (up_entry_row_get_entry (self->end_row), GTK_INPUT_PURPOSE_DIGITS);

  add_focus_leave (GTK_WIDGET (self->title_row), G_CALLBACK (on_title_focus_leave), self);
  up_entry_row_set_typing_pause (self->title_row, DESCRIPTION_COMMIT_MS);
  g_signal_connect_object (self->title_row, "typing-paused", G_CALLBACK (on_title_typing_paused),
                           self, G_CONNECT_SWAPPED);
  add_focus_leave (GTK_WIDGET (self->start_row), G_CALLBACK (on_date_focus_leave), self);
  add_focus_leave (GTK_WIDGET (self->end_row), G_CALLBACK (on_date_focus_leave), self);
  up_entry_row_set_typing_pause (self->start_row, DESCRIPTION_COMMIT_MS);
  up_entry_row_set_typing_pause (self->end_row, DESCRIPTION_COMMIT_MS);
  g_signal_connect_object (self->start_row, "typing-paused", G_CALLBACK (on_date_typing_paused),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->end_row, "typing-paused", G_CALLBACK (on_date_typing_paused),
                           self, G_CONNECT_SWAPPED);
  add_focus_leave (GTK_WIDGET (self->description_view), G_CALLBACK (on_description_focus_leave), self);
  g_signal_connect_object (gtk_text_view_get_buffer (self->description_view), "changed",
                           G_CALLBACK (on_description_changed), self, G_CONNECT_SWAPPED);

  refresh (self, NULL);
}

GtkWidget *
up_stage_editor_new (void)
{
  return g_object_new (UP_TYPE_STAGE_EDITOR, NULL);
}

UpProject *
up_stage_editor_get_project (UpStageEditor *self)
{
  g_return_val_if_fail (UP_IS_STAGE_EDITOR (self), NULL);

  return self->project;
}

void
up_stage_editor_set_project (UpStageEditor *self,
                             UpProject     *project)
{
  g_return_if_fail (UP_IS_STAGE_EDITOR (self));
  g_return_if_fail (project == NULL || UP_IS_PROJECT (project));

  if (self->project == project)
    return;

  up_stage_editor_set_stage (self, NULL);
  if (self->project != NULL)
    g_clear_signal_handler (&self->commit_pending_id, self->project);
  g_set_object (&self->project, project);
  if (project != NULL)
    self->commit_pending_id = g_signal_connect_object (project, "commit-pending",
                                                       G_CALLBACK (up_stage_editor_commit_pending),
                                                       self, G_CONNECT_SWAPPED);
  up_sdg_picker_set_project (self->sdg_picker, project);
  up_stage_notes_set_project (self->stage_notes, project);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}

UpStage *
up_stage_editor_get_stage (UpStageEditor *self)
{
  g_return_val_if_fail (UP_IS_STAGE_EDITOR (self), NULL);

  return self->stage;
}

void
up_stage_editor_set_stage (UpStageEditor *self,
                           UpStage       *stage)
{
  g_return_if_fail (UP_IS_STAGE_EDITOR (self));
  g_return_if_fail (stage == NULL || UP_IS_STAGE (stage));

  if (self->stage == stage)
    return;

  /* What was typed belongs to the stage it was typed for, so commit it
   * before the fields show another stage. */
  up_stage_editor_commit_pending (self);

  if (self->stage != NULL)
    g_clear_signal_handler (&self->notify_id, self->stage);

  g_set_object (&self->stage, stage);

  if (self->stage != NULL)
    self->notify_id = g_signal_connect_object (self->stage, "notify",
                                               G_CALLBACK (on_stage_notify), self,
                                               G_CONNECT_SWAPPED);

  up_sdg_picker_set_stage (self->sdg_picker, stage);
  up_stage_notes_set_stage (self->stage_notes, stage);
  refresh (self, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STAGE]);
}

void
up_stage_editor_commit_pending (UpStageEditor *self)
{
  g_return_if_fail (UP_IS_STAGE_EDITOR (self));

  if (!stage_is_alive (self))
    return;

  commit_title (self);
  commit_description (self);

  /* A half-typed date is not committed in passing (it would only be
   * refused): the fields show the model again. */
  if (up_date_is_valid (gtk_editable_get_text (GTK_EDITABLE (self->start_row))) &&
      up_date_is_valid (gtk_editable_get_text (GTK_EDITABLE (self->end_row))))
    commit_dates (self);
}

void
up_stage_editor_focus_title (UpStageEditor *self)
{
  g_return_if_fail (UP_IS_STAGE_EDITOR (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
  gtk_editable_select_region (GTK_EDITABLE (self->title_row), 0, -1);
}
