/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "Upphandla"

#include "config.h"

#include <glib/gi18n.h>
#include <langinfo.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "up-agenda-view.h"
#include "up-application.h"
#include "up-a11y-util.h"
#include "up-chart-print.h"
#include "up-grid-export.h"
#include "up-help.h"
#include "up-list-util.h"
#include "up-stakeholder-import.h"
#include "up-project-merge.h"
#include "up-local-goals-view.h"
#include "up-note-util.h"
#include "up-notes-print.h"
#include "up-notes-view.h"
#include "up-paned-util.h"
#include "up-project-details.h"
#include "up-scroller.h"
#include "up-stage-editor.h"
#include "up-stage-find.h"
#include "up-stakeholder-view.h"
#include "up-stage-row.h"
#include "up-timeline.h"
#include "up-timeline-legend.h"
#include "up-text-util.h"
#include "up-undo-toast.h"
#include "up-window.h"
#include "up-file-util.h"

#define SETTINGS_SCHEMA_ID "io.github.upphandla.Upphandla"
#define INTERFACE_SCHEMA_ID "org.gnome.desktop.interface"
#define MAX_RECENT 8
#define NEW_STAGE_DAYS 14

typedef enum {
  UP_WINDOW_NOTICE_NONE,
  UP_WINDOW_NOTICE_READ_ONLY,
  UP_WINDOW_NOTICE_TEMPORARY,
} UpWindowNotice;

/* A window shows one project, or the start page when it has none. */
struct _UpWindow
{
  AdwApplicationWindow  parent_instance;

  UpProject            *project;
  GtkSingleSelection   *selection;
  GListStore           *recent_files;
  /* The projects on the start page that have unsaved changes in a
   * recovery copy, each with the time of its copy (UpRecoveryInfo). */
  GPtrArray            *unsaved;
  gboolean              recent_stale;
  /* A project was given before the window showed it: the focus goes into
   * its view when the view is mapped (see focus_content()). */
  gboolean              focus_content_pending;
  /* The focus an undo or a redo asked from a key had, for the time of the
   * step (see on_history_shortcut()). */
  GtkWidget            *history_focus;
  /* During an undo or a redo, whether it brought one stage back, and
   * where. */
  gboolean              in_history_step;
  int                   history_stage_back;
  GSettings            *settings;
  /* The desktop's settings, for its clock-format; NULL where the schema
   * is not installed. */
  GSettings            *interface_settings;
  /* In a Flatpak the sandbox's own GSettings are not the desktop's: the
   * clock-format comes through the settings portal, NULL until it has
   * answered (or where it cannot). */
  GDBusProxy           *settings_portal;
  GCancellable         *settings_portal_cancellable;
  char                 *portal_clock_format;

  /* Follow the signals of whatever project (and its store and history) the
   * window shows at the moment. */
  GSignalGroup         *project_signals;
  GSignalGroup         *history_signals;
  GSignalGroup         *store_signals;

  int                   save_error_code;
  /* What the banner tells when no save has failed, with nothing to try
   * again: the file cannot be written, or it is in a folder of temporary
   * files. */
  UpWindowNotice        notice;
  /* The file last asked whether it is in one, and its folder if it is (a
   * document of the portal is answered later); the portal's call. */
  GFile                *temporary_checked;
  char                 *temporary_folder;
  GCancellable         *portal_cancellable;
  gboolean              close_anyway;
  /* Saves the user asked for (Try Again, Save As) that run off the
   * window's thread: Try Again waits for their end. */
  guint                 user_saves;
  /* the close's own save runs: the window closes when it ends */
  gboolean              close_saving;

  /* The text field with the focus (its GtkText, or a text view's buffer),
   * followed while it has it, and whether text was typed in a field since
   * the history last changed: typing not committed yet, which Undo
   * commits and undoes (see commit_typing()). */
  GObject              *typing_source;
  gulong                typing_changed_id;
  gboolean              typing;
  gboolean              exporting_timeline;  /* an export of it is under way */
  gboolean              exporting_notes;     /* and of the notes */
  gboolean              exporting_calendar;  /* and of the stages as a calendar */
  gboolean              exporting_stakeholders; /* the register, as a table */
  gboolean              importing;           /* stakeholders, from a table */
  gboolean              merging;             /* a copy sent back */

  /* The keyboard shortcuts, built the first time they are asked for, and
   * what they were fitted to (see shortcuts_fit()). */
  GtkWindow            *help_overlay;
  char                 *help_overlay_fit;

  /* The benchmark hook's count of frames after the first (UPPHANDLA_BENCH_AFTER_MS). */
  gint64                bench_first_frame_us;
  gint64                bench_last_frame_us;
  guint                 bench_frames_after;

  /* Template children */
  AdwToastOverlay      *toast_overlay;
  GtkPaned             *stage_paned;
  GtkStack             *main_stack;
  AdwStatusPage        *start_page;
  GtkWidget            *new_project_button;
  AdwPreferencesGroup  *recent_group;
  GtkListBox           *recent_list;
  AdwViewSwitcherTitle *window_title;
  AdwViewStack         *view_stack;
  GtkWidget            *zoom_box;
  GtkWidget            *today_button;
  GtkWidget            *legend_button;
  UpStakeholderView    *stakeholder_view;
  UpNotesView          *notes_view;
  UpAgendaView         *agenda_view;
  UpLocalGoalsView     *local_goals_view;
  GtkButton            *undo_button;
  GtkButton            *redo_button;
  GtkRevealer          *save_revealer;
  GtkLabel             *save_heading_label;
  GtkLabel             *save_error_label;
  GtkButton            *save_retry_button;
  GtkButton            *save_reload_button;
  GtkButton            *save_copy_button;
  GtkLabel             *counts_label;
  GtkStack             *list_stack;
  GtkListView          *stage_list;
  UpStageFind          *stage_find;
  GtkToggleButton      *find_button;
  GtkMenuButton        *add_stage_button;
  /* Add Stage's menu's height with rows of full size (fit_add_stage_menu()) */
  int                   add_stage_menu_height;
  UpTimeline           *timeline;
  UpStageEditor        *editor;
  GtkToggleButton      *details_button;
  GtkMenuButton        *primary_menu_button;
  GtkMenuButton        *start_menu_button;
  GMenuModel           *primary_menu;
  GMenuModel           *start_menu;
  /* The main menu's first item: which file the window shows. */
  GtkLabel             *file_name_label;
  GtkLabel             *file_folder_label;
  AdwFlap              *details_flap;
  GtkWidget            *timeline_scroller;
  AdwViewSwitcherBar   *switcher_bar;
  guint                 switcher_bar_idle_id;

  /* Whether the stage details were shown before the window got too narrow
   * for them beside the timeline (see on_details_flap_folded()). */
  guint                 details_shown_unfolded : 1;
};

G_DEFINE_FINAL_TYPE (UpWindow, up_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_PROJECT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static UpStage *
get_selected_stage (UpWindow *self)
{
  return gtk_single_selection_get_selected_item (self->selection);
}

static void
select_stage (UpWindow *self,
              UpStage  *stage)
{
  GListModel *model = G_LIST_MODEL (self->selection);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(UpStage) item = g_list_model_get_item (model, i);

      if (item == stage)
        {
          gtk_single_selection_set_selected (self->selection, i);
          /* The list's cursor too, or the arrows went on from its old row. */
          up_list_util_move_cursor (GTK_WIDGET (self->stage_list), i, item);
          return;
        }
    }
}

/* The enabled state of every action, from the history and the selection. */
/* The chart of the view shown, if it has one: the Agenda 2030 view's, or
 * the stakeholders' grid. */
static gboolean
view_chart (UpWindow       *self,
            UpChartKind    *kind,
            UpChartOptions *options)
{
  const char *name = adw_view_stack_get_visible_child_name (self->view_stack);

  up_chart_options_init (options);
  options->lang = up_lang_get_ui_language ();
  if (g_strcmp0 (name, "agenda") == 0)
    {
      *kind = up_agenda_view_get_chart (self->agenda_view);
      options->local_goal = up_agenda_view_get_local_goal (self->agenda_view);
      return TRUE;
    }
  if (g_strcmp0 (name, "stakeholders") == 0)
    {
      *kind = UP_CHART_GRID;
      return TRUE;
    }
  if (g_strcmp0 (name, "timeline") == 0)
    {
      *kind = UP_CHART_TIMELINE;
      return TRUE;
    }
  return FALSE;
}

/* Whether saving again may help: a full disk may get room, a folder that
 * is gone may come back (the USB stick plugged in again). Where this user
 * may not write (the file or its folder read-only), it never does; nor
 * before any save failed (the read-only notice). */
static gboolean
can_retry_save (UpWindow *self)
{
  return gtk_revealer_get_reveal_child (self->save_revealer) &&
         self->notice == UP_WINDOW_NOTICE_NONE && self->user_saves == 0 &&
         self->save_error_code != UP_STORE_ERROR_READ_ONLY;
}

/* The view shown has a search: the stages' find bar, the stakeholders'
 * or the notes' search field. */
static gboolean
view_has_search (UpWindow *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->view_stack);

  return self->project != NULL &&
         (g_strcmp0 (name, "timeline") == 0 || g_strcmp0 (name, "stakeholders") == 0 ||
          g_strcmp0 (name, "notes") == 0);
}

static void
update_actions (UpWindow *self)
{
  UpHistory *history = self->project ? up_project_get_history (self->project) : NULL;
  /* Text being typed is something to undo too, before it is committed:
   * in a window just opened (its history is empty) the first title typed
   * left the button off, while Ctrl+Z undid it. */
  gboolean can_undo = history != NULL && (up_history_get_can_undo (history) || self->typing);
  gboolean can_redo = history != NULL && up_history_get_can_redo (history);
  g_autofree char *undo_tooltip = NULL;
  g_autofree char *redo_tooltip = NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", can_undo);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo", can_redo);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-copy", self->project != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-as", self->project != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.project-details", self->project != NULL);
  {
    UpChartOptions options;
    UpChartKind kind;

    gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print",
                                   self->project != NULL &&
                                   (view_chart (self, &kind, &options) ||
                                    g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack),
                                               "notes") == 0));
  }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-timeline",
                                 self->project != NULL && !self->exporting_timeline &&
                                 g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack),
                                            "timeline") == 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-calendar",
                                 self->project != NULL && !self->exporting_calendar &&
                                 g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack),
                                            "timeline") == 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-notes",
                                 self->project != NULL && !self->exporting_notes &&
                                 g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack),
                                            "notes") == 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-stakeholders",
                                 self->project != NULL && !self->exporting_stakeholders &&
                                 g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack),
                                            "stakeholders") == 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-stakeholders",
                                 self->project != NULL && !self->importing &&
                                 g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack),
                                            "stakeholders") == 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.merge-copy", self->project != NULL && !self->merging);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.add-stage", self->project != NULL);
  /* where the stage is in sight: Ctrl+D on another view copied a stage
   * unseen */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.duplicate-stage",
                                 self->project != NULL && get_selected_stage (self) != NULL &&
                                 g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack),
                                            "timeline") == 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete-stage",
                                 self->project != NULL && get_selected_stage (self) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-notes-of-stage",
                                 self->project != NULL && get_selected_stage (self) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.retry-save", can_retry_save (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.zoom-in",
                                 self->project != NULL &&
                                 up_timeline_get_zoom (self->timeline) > UP_ZOOM_WEEK);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.zoom-out",
                                 self->project != NULL && up_timeline_can_zoom_out (self->timeline));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.zoom-fit", self->project != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search", view_has_search (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.scroll-to-today", self->project != NULL);

  if (can_undo && up_history_get_undo_label (history) != NULL)
    /* Translators: The tooltip of the Undo button; %1$s is the edit that
     * undo reverts, such as "Move Stage". */
    undo_tooltip = g_strdup_printf (_("Undo: %1$s"), up_history_get_undo_label (history));
  else if (history != NULL && up_history_get_n_forgotten (history) > 0)
    /* Translators: The tooltip of the Undo button, off, when the oldest
     * steps were forgotten to keep the undo history within its memory. */
    undo_tooltip = g_strdup (_("Older changes can no longer be undone."));
  if (can_redo && up_history_get_redo_label (history) != NULL)
    /* Translators: The tooltip of the Redo button; %1$s is the edit that
     * redo makes again, such as "Move Stage". */
    redo_tooltip = g_strdup_printf (_("Redo: %1$s"), up_history_get_redo_label (history));

  gtk_widget_set_tooltip_text (GTK_WIDGET (self->undo_button),
                               undo_tooltip ? undo_tooltip : _("Undo"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->redo_button),
                               redo_tooltip ? redo_tooltip : _("Redo"));

  /* A screen reader reads the name ("Undo") and then the description:
   * the edit it takes back, or why it is off; nothing when the tooltip
   * only repeats the name (up_a11y_util_name_controls() dropped it). */
  if (undo_tooltip != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->undo_button),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                    can_undo && up_history_get_undo_label (history) != NULL
                                    ? up_history_get_undo_label (history) : undo_tooltip,
                                    -1);
  if (redo_tooltip != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->redo_button),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, up_history_get_redo_label (history),
                                    -1);
}

/* The folder of @file as a person reads it: "~/Downloads" below the home
 * folder, the path elsewhere, the URI's parse name where there is no path. */
static char *
folder_display_name (GFile *file)
{
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autofree char *path = NULL;
  const char *home = g_get_home_dir ();

  if (parent == NULL)
    return NULL;

  path = g_file_get_path (parent);
  if (path == NULL)
    return g_file_get_parse_name (parent);
  if (g_str_has_prefix (path, home) && path[strlen (home)] == G_DIR_SEPARATOR)
    return g_strconcat ("~", path + strlen (home), NULL);
  if (g_str_equal (path, home))
    return g_strdup ("~");
  return g_filename_display_name (path);
}

/* Whether the file @name is @title and the suffix, Unicode forms aside
 * (a name typed on a Mac comes decomposed). */
static gboolean
is_named_after_file (const char *title,
                     const char *name)
{
  g_autofree char *stem = NULL;
  g_autofree char *title_nfc = NULL;
  g_autofree char *stem_nfc = NULL;

  if (!g_str_has_suffix (name, UP_FILE_SUFFIX))
    return FALSE;
  stem = g_strndup (name, strlen (name) - strlen (UP_FILE_SUFFIX));
  title_nfc = g_utf8_normalize (title, -1, G_NORMALIZE_NFC);
  stem_nfc = g_utf8_normalize (stem, -1, G_NORMALIZE_NFC);
  return title_nfc != NULL && g_strcmp0 (title_nfc, stem_nfc) == 0;
}

/* Two projects of one title (a copy that was sent and one's own) are told
 * apart by their files: the window's title names it for the window list
 * and Alt+Tab, the header's subtitle where the window is narrow, and the
 * main menu's first item where the view switcher takes the header. */
static void
update_title (UpWindow *self)
{
  g_autofree char *name = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *window_title = NULL;
  const char *title;
  GFile *file;

  if (self->project == NULL)
    {
      gtk_window_set_title (GTK_WINDOW (self), "Upphandla");
      return;
    }

  title = up_project_get_title (self->project);
  file = up_project_get_file (self->project);
  if (file != NULL)
    {
      g_autofree char *basename = g_file_get_basename (file);

      name = basename ? g_filename_display_name (basename) : g_file_get_parse_name (file);
      folder = folder_display_name (file);
    }
  else
    {
      name = g_strdup (_("Not Saved in a File"));
    }

  if (title == NULL || title[0] == '\0')
    window_title = g_strdup (name);
  else if (is_named_after_file (title, name))
    /* New Project names a project after its file: the window list and
     * Alt+Tab say the name once, as they do for a document; the header
     * still names the file below it. */
    window_title = g_strdup (title);
  else
    /* Translators: The window's title in the window list and Alt+Tab:
     * %1$s is the project's title, %2$s its file name (or "Not Saved in
     * a File"). */
    window_title = g_strdup_printf (_("%1$s — %2$s"), title, name);

  gtk_window_set_title (GTK_WINDOW (self), window_title);
  adw_view_switcher_title_set_title (self->window_title, title);
  adw_view_switcher_title_set_subtitle (self->window_title, name);

  gtk_label_set_label (self->file_name_label, name);
  gtk_label_set_label (self->file_folder_label, folder ? folder : "");
  gtk_widget_set_visible (GTK_WIDGET (self->file_folder_label), folder != NULL);
}

/* A count with no-break spaces, so that a narrow list breaks its line of
 * counts between them, never inside one ("14 / skeden"). */
static char *
unbreakable (const char *count)
{
  g_auto(GStrv) words = g_strsplit (count, " ", -1);

  return g_strjoinv ("\u00a0", words);
}

static void
update_counts (UpWindow *self)
{
  g_autofree char *stages = NULL;
  g_autofree char *stakeholders = NULL;
  g_autofree char *notes = NULL;
  guint n;

  if (self->project == NULL)
    return;

  /* Three phrases, not one sentence: each count is a phrase of its own,
   * and the line of them wraps between them in a narrow window. */
  n = up_project_count (self->project, "stage");
  /* Translators: One of the counts above the stage list. */
  stages = g_strdup_printf (ngettext ("%1$'u stage", "%1$'u stages", n), n);

  n = up_project_count (self->project, "stakeholder");
  /* Translators: One of the counts above the stage list. */
  stakeholders = g_strdup_printf (ngettext ("%1$'u stakeholder", "%1$'u stakeholders", n), n);

  n = up_project_count (self->project, "note");
  /* Translators: One of the counts above the stage list. */
  notes = g_strdup_printf (ngettext ("%1$'u note", "%1$'u notes", n), n);

  {
    g_autofree char *stages_nb = unbreakable (stages);
    g_autofree char *stakeholders_nb = unbreakable (stakeholders);
    g_autofree char *notes_nb = unbreakable (notes);
    g_autofree char *line = g_strjoin (" · ", stages_nb, stakeholders_nb, notes_nb, NULL);

    gtk_label_set_label (self->counts_label, line);
  }
}

/* The main menu's first item names the file the window shows, its name
 * and its folder: in a wide window the header shows the view switcher
 * instead of the title and subtitle. Text to read, not an action. The
 * labels are made with the window (update_title() fills them), and go in
 * the menu when it is made (on_create_menu()). */
static GMenuModel *create_add_stage_menu (void);

static void
make_file_labels (UpWindow *self)
{
  self->file_name_label = g_object_new (GTK_TYPE_LABEL,
                                        "xalign", 0.0f,
                                        "ellipsize", PANGO_ELLIPSIZE_MIDDLE,
                                        "max-width-chars", 32,
                                        NULL);
  gtk_widget_add_css_class (GTK_WIDGET (self->file_name_label), "heading");
  self->file_folder_label = g_object_new (GTK_TYPE_LABEL,
                                          "xalign", 0.0f,
                                          "ellipsize", PANGO_ELLIPSIZE_START,
                                          "max-width-chars", 32,
                                          NULL);
  gtk_widget_add_css_class (GTK_WIDGET (self->file_folder_label), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->file_folder_label), "caption");
  g_object_ref_sink (self->file_name_label);
  g_object_ref_sink (self->file_folder_label);
}

static void
add_file_item (UpWindow *self)
{
  GtkPopover *popover = gtk_menu_button_get_popover (self->primary_menu_button);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

  g_assert (GTK_IS_POPOVER_MENU (popover));

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->file_name_label));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->file_folder_label));
  gtk_popover_menu_add_child (GTK_POPOVER_MENU (popover), box, "file");
}

/* The menus of the main menu buttons and of Add Stage are made when they
 * first open (by click, F10 or Return): built with the window, their
 * popovers were a tenth of the window's template and were made at every
 * open, most never opened (27.7 M instructions of opening 5,000 stages,
 * 2.1 %). GtkMenuButton asks for its popup before each showing. */
/* Add Stage's menu, 19 rows of 32 px with Adwaita, ran past the top of a
 * screen 600 px high (a small laptop, a projector) from the button at
 * the foot of the window, and showed Milestone and Other Stage, its last
 * rows, only when scrolled to: where the window has less room than that
 * above the button, its rows are closer together (the "compact" class in
 * style.css). The window stands for the screen. Asked before each
 * opening (on_create_menu()): the window may have changed size. The
 * popover, not yet shown, measures nothing; its child does. */
static void
fit_add_stage_menu (UpWindow *self)
{
  GtkWidget *popover = GTK_WIDGET (gtk_menu_button_get_popover (self->add_stage_button));
  graphene_rect_t bounds;

  if (popover == NULL ||
      !gtk_widget_compute_bounds (GTK_WIDGET (self->add_stage_button), GTK_WIDGET (self), &bounds))
    return;
  /* Its height at the rows' full size, measured while it has it: its
   * style follows a change of class only at the next frame. */
  if (!gtk_widget_has_css_class (popover, "compact"))
    gtk_widget_measure (gtk_popover_get_child (GTK_POPOVER (popover)), GTK_ORIENTATION_VERTICAL, -1,
                        NULL, &self->add_stage_menu_height, NULL, NULL);
  /* against the room above the button (the popover's frame and its
   * arrow, which reaches down over the button, about cancel) */
  if (self->add_stage_menu_height > bounds.origin.y)
    gtk_widget_add_css_class (popover, "compact");
  else
    gtk_widget_remove_css_class (popover, "compact");
}

static void
on_create_menu (GtkMenuButton *button,
                gpointer       data)
{
  UpWindow *self = data;

  if (gtk_menu_button_get_menu_model (button) != NULL)
    {
      if (button == self->add_stage_button)
        fit_add_stage_menu (self);
      return;
    }

  if (button == self->primary_menu_button)
    {
      gtk_menu_button_set_menu_model (button, self->primary_menu);
      add_file_item (self);
    }
  else if (button == self->start_menu_button)
    {
      gtk_menu_button_set_menu_model (button, self->start_menu);
    }
  else if (button == self->add_stage_button)
    {
      g_autoptr(GMenuModel) add_menu = create_add_stage_menu ();

      gtk_menu_button_set_menu_model (button, add_menu);
      fit_add_stage_menu (self);
    }
}

static void focus_view (UpWindow *self, const char *name);

/* Scrolls the start page to @row, which has the focus, once it is laid
 * out. GTK scrolls to a widget as it takes the focus, but the row takes
 * it as it is mapped, before the page has its size: on a screen of
 * 800 × 600 the row lay below the icon, the title and the buttons, and
 * Return opened a project the user could not see. The page scrolls no
 * further than to show the row, so the buttons above it stay in view. */
static gboolean
scroll_to_focus_row (GtkWidget     *row,
                     GdkFrameClock *frame_clock,
                     gpointer       user_data)
{
  if (gtk_widget_get_height (row) <= 0)
    return G_SOURCE_CONTINUE;
  if (gtk_widget_has_focus (row))
    up_scroller_show (row);
  return G_SOURCE_REMOVE;
}

/* The first focus is in the content, where the work is, not on the header
 * bar's first control (the view switcher, or the menu button, which Return
 * opened). On the start page it is the project changed last, which a
 * strategist working on one plan for weeks reopens with Return, else New
 * Project…; on a project, the view shown (the timeline's selected stage).
 * A widget takes the focus when it is mapped, which a window not yet
 * mapped cannot give: this runs from map handlers. */
static void
focus_content (UpWindow *self)
{
  if (self->project == NULL)
    {
      GtkListBoxRow *first = gtk_list_box_get_row_at_index (self->recent_list, 0);
      GtkWidget *viewport = first != NULL ? gtk_widget_get_ancestor (GTK_WIDGET (first), GTK_TYPE_VIEWPORT) : NULL;

      /* The page scrolls to the row once laid out (scroll_to_focus_row()),
       * not before: the viewport's own scroll to the focus, started now
       * for a row with no place yet, took the page back to its top after
       * the row was scrolled to. */
      if (viewport != NULL)
        gtk_viewport_set_scroll_to_focus (GTK_VIEWPORT (viewport), FALSE);
      if (first == NULL || !gtk_widget_get_visible (GTK_WIDGET (self->recent_group)) ||
          !gtk_widget_grab_focus (GTK_WIDGET (first)))
        gtk_widget_grab_focus (self->new_project_button);
      else
        gtk_widget_add_tick_callback (GTK_WIDGET (first), scroll_to_focus_row, NULL, NULL);
      if (viewport != NULL)
        gtk_viewport_set_scroll_to_focus (GTK_VIEWPORT (viewport), TRUE);
      return;
    }

  self->focus_content_pending = FALSE;
  focus_view (self, adw_view_stack_get_visible_child_name (self->view_stack));
}

static void
on_new_project_button_map (UpWindow *self)
{
  if (self->project == NULL)
    focus_content (self);
}

static void
on_view_stack_map (UpWindow *self)
{
  if (self->project != NULL && self->focus_content_pending)
    focus_content (self);
}

/* Save As is the banner's suggested action where it is the only way to
 * keep the changes, the file not writable by this user. */
static void
set_save_as_suggested (UpWindow *self,
                       gboolean  suggested)
{
  if (suggested)
    gtk_widget_add_css_class (GTK_WIDGET (self->save_copy_button), "suggested-action");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->save_copy_button), "suggested-action");
}

/* The banner is out of the window's layout while it is hidden: a hidden
 * revealer still measures its child, and the window measures the
 * banner's wrapping labels and buttons many times at the open. */
static void
on_save_banner_revealed (UpWindow *self)
{
  if (!gtk_revealer_get_child_revealed (self->save_revealer) &&
      !gtk_revealer_get_reveal_child (self->save_revealer))
    gtk_widget_set_visible (GTK_WIDGET (self->save_revealer), FALSE);
}

static void
reveal_save_banner (UpWindow *self,
                    gboolean  reveal)
{
  if (reveal)
    gtk_widget_set_visible (GTK_WIDGET (self->save_revealer), TRUE);
  gtk_revealer_set_reveal_child (self->save_revealer, reveal);
  on_save_banner_revealed (self);
}

static void
show_save_error (UpWindow     *self,
                 const GError *error)
{
  gboolean conflict = g_error_matches (error, UP_STORE_ERROR, UP_STORE_ERROR_CONFLICT);
  gboolean read_only = g_error_matches (error, UP_STORE_ERROR, UP_STORE_ERROR_READ_ONLY);

  self->save_error_code = error->domain == UP_STORE_ERROR ? error->code : UP_STORE_ERROR_WRITE_FAILED;
  self->notice = UP_WINDOW_NOTICE_NONE;
  gtk_label_set_label (self->save_heading_label, _("Your Changes Are Not Saved"));
  gtk_label_set_label (self->save_error_label, error->message);
  /* No permission to write there (the file or its folder made read-only
   * while the project was open): trying again only fails again, and Save
   * As, the way out, is the one button. */
  gtk_widget_set_visible (GTK_WIDGET (self->save_retry_button), !read_only);
  gtk_button_set_label (self->save_retry_button, conflict ? _("_Overwrite") : _("_Try Again"));
  /* After a conflict the user chooses whose version goes on: ours
   * (Overwrite), both (Save a Copy), or theirs (Reload). */
  gtk_widget_set_visible (GTK_WIDGET (self->save_reload_button), conflict);
  /* Where the file cannot be written (no permission, a full disk, the
   * folder gone), going on elsewhere is the way out: Save As moves the
   * project to the new file. After a conflict, a copy keeps both versions
   * and the window on the file the other person saved. */
  /* Translators: one button: where the language allows, Save a Copy
   * takes the access key of Save As */
  gtk_button_set_label (self->save_copy_button, conflict ? _("Save _a Copy…") : _("Save _As…"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->save_copy_button),
                                  conflict ? "win.save-copy" : "win.save-as");

  /* Overwriting throws away what someone else saved: not the easy choice. */
  if (conflict)
    gtk_widget_add_css_class (GTK_WIDGET (self->save_retry_button), "destructive-action");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->save_retry_button), "destructive-action");

  set_save_as_suggested (self, read_only);

  reveal_save_banner (self, TRUE);
  update_actions (self);
}

/* A banner with no error to retry: what the user should know about the
 * file, and Save As, the way out, as the suggested button. */
static void
show_notice (UpWindow       *self,
             UpWindowNotice  notice,
             const char     *heading,
             const char     *message)
{
  self->notice = notice;
  gtk_label_set_label (self->save_heading_label, heading);
  gtk_label_set_label (self->save_error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->save_retry_button), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->save_reload_button), FALSE);
  gtk_button_set_label (self->save_copy_button, _("Save _As…"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->save_copy_button), "win.save-as");
  set_save_as_suggested (self, TRUE);
  reveal_save_banner (self, TRUE);
  update_actions (self);
}

/* A file sent by mail or on a write-protected USB stick opens, but no
 * edit can be saved in it: the participant learns it before typing a page
 * of notes, with the way out at hand. */
static void
show_read_only_notice (UpWindow     *self,
                       const GError *error)
{
  show_notice (self, UP_WINDOW_NOTICE_READ_ONLY, _("This File Is Read-Only"), error->message);
}

static void
show_temporary_notice (UpWindow   *self,
                       GFile      *file,
                       const char *folder)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *message = NULL;

  /* Translators: %1$s is the project's file name, %2$s the folder it is
   * in, such as /tmp/mozilla_anna0 (where a web browser or a mail program
   * puts a file it opens). */
  message = g_strdup_printf (_("“%1$s” is in %2$s, a folder for temporary files that may be "
                               "emptied at any time. To keep your changes, save the project in "
                               "a folder of your own."),
                             name, folder);
  show_notice (self, UP_WINDOW_NOTICE_TEMPORARY, _("This File Is a Temporary Copy"), message);
}

static void show_temporary_notice_if_needed (UpWindow *self);

/* The folder of temporary files that @file is in, as far as it is known;
 * NULL for a file in a folder of the user's own. */
static const char *
temporary_folder_of (UpWindow *self,
                     GFile    *file)
{
  if (self->temporary_checked == NULL || !g_file_equal (self->temporary_checked, file))
    return NULL;

  return self->temporary_folder;
}

static void
on_portal_host_path (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  UpWindow *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *host_path = up_file_util_portal_host_path_finish (result, &error);
  g_autoptr(GFile) host_file = NULL;

  /* the window gone, or another file shown */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  /* not a document of the portal; or a portal that cannot tell (before
   * its version 5), when nothing is said */
  if (host_path == NULL)
    {
      if (error != NULL)
        g_debug ("Where the document portal's file is: %s", error->message);
      return;
    }

  host_file = g_file_new_for_path (host_path);
  g_free (self->temporary_folder);
  self->temporary_folder = up_file_util_temporary_folder (host_file);
  show_temporary_notice_if_needed (self);
}

/* An attachment opened from a mail program, or a download from a web
 * browser, is saved where that program keeps its temporary files, which
 * it empties when it closes (or the system does): edits are saved there
 * too and would go with it. The banner says so from the start and stays
 * while the project is saved there; Save As keeps it. In a Flatpak the
 * file comes through the document portal, which is asked where it is. */
static void
show_temporary_notice_if_needed (UpWindow *self)
{
  GFile *file = self->project != NULL ? up_project_get_file (self->project) : NULL;

  if (file == NULL || gtk_revealer_get_reveal_child (self->save_revealer))
    return;

  if (self->temporary_checked == NULL || !g_file_equal (self->temporary_checked, file))
    {
      g_set_object (&self->temporary_checked, file);
      g_cancellable_cancel (self->portal_cancellable);
      g_clear_object (&self->portal_cancellable);
      g_free (self->temporary_folder);
      self->temporary_folder = up_file_util_temporary_folder (file);
      if (self->temporary_folder == NULL && up_file_util_is_portal_document (file))
        {
          self->portal_cancellable = g_cancellable_new ();
          up_file_util_portal_host_path_async (file, self->portal_cancellable,
                                               on_portal_host_path, self);
          return;
        }
    }

  if (temporary_folder_of (self, file) != NULL)
    show_temporary_notice (self, file, self->temporary_folder);
}

static void
hide_save_error (UpWindow *self)
{
  self->notice = UP_WINDOW_NOTICE_NONE;
  reveal_save_banner (self, FALSE);
  update_actions (self);
}

static void
on_project_title_changed (UpWindow   *self,
                          GParamSpec *pspec,
                          UpProject  *project)
{
  update_title (self);
}

static void
on_project_info_changed (UpWindow  *self,
                         UpProject *project)
{
  update_title (self);
}

/* The file was renamed while open (the store follows it), or saved as
 * another: the subtitle names it, and the recent projects list it. */
static void
on_project_file_changed (UpWindow   *self,
                         GParamSpec *pspec,
                         UpProject  *project)
{
  GFile *file = up_project_get_file (project);

  update_title (self);
  if (file != NULL)
    up_application_add_recent (file);
}

static void
on_project_changed (UpWindow  *self,
                    UpProject *project)
{
  update_counts (self);

  /* The undo tooltip names the latest edit, which changes with every edit
   * even when can-undo stays TRUE. */
  update_actions (self);
}

static void
on_history_changed (UpWindow   *self,
                    GParamSpec *pspec,
                    UpHistory  *history)
{
  /* Typing is committed (or the field shows the model again) by the time
   * the history has a new step; an edit that comes while a field keeps
   * uncommitted text leaves the button on all the same, having a step. */
  self->typing = FALSE;
  update_actions (self);
}

static void
on_typing (UpWindow *self)
{
  if (self->typing)
    return;

  self->typing = TRUE;
  update_actions (self);
}

/* Follows the text of the field with the focus, where text is typed into
 * the project (not a search field's, no edit). */
static void
on_focus_widget_changed (UpWindow *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  GObject *source = NULL;

  if (self->typing_source != NULL)
    g_clear_signal_handler (&self->typing_changed_id, self->typing_source);
  g_clear_object (&self->typing_source);

  if (focus == NULL || gtk_widget_get_ancestor (focus, GTK_TYPE_SEARCH_ENTRY) != NULL)
    return;
  if (GTK_IS_TEXT (focus) && gtk_editable_get_editable (GTK_EDITABLE (focus)))
    source = G_OBJECT (focus);
  else if (GTK_IS_TEXT_VIEW (focus) && gtk_text_view_get_editable (GTK_TEXT_VIEW (focus)))
    source = G_OBJECT (gtk_text_view_get_buffer (GTK_TEXT_VIEW (focus)));
  if (source == NULL)
    return;

  self->typing_source = g_object_ref (source);
  self->typing_changed_id = g_signal_connect_swapped (source, "changed", G_CALLBACK (on_typing), self);
}

static void
on_store_save_failed (UpWindow     *self,
                      const GError *error,
                      UpStore      *store)
{
  show_save_error (self, error);
}

static void
on_store_saved (UpWindow *self,
                UpStore  *store)
{
  /* Saved in a folder of temporary files is saved, for now. */
  if (self->notice == UP_WINDOW_NOTICE_TEMPORARY)
    return;
  hide_save_error (self);
  /* after a failed save there, the banner says again where it is saved */
  show_temporary_notice_if_needed (self);
}

static void
on_store_written_anew (UpWindow *self,
                       UpStore  *store)
{
  g_autofree char *name = g_file_get_basename (up_store_get_file (store));
  g_autofree char *message = NULL;

  /* Translators: %1$s is the file name of the project. */
  message = g_strdup_printf (_("“%1$s” was moved or deleted while it was open. It has been saved again where it was."),
                             name);
  up_window_add_toast (self, message);
}

/* The first save of a file from an earlier version of the app changed
 * its format: an earlier version can no longer open it, only the file
 * as it was, kept beside it. */
static void
on_store_backed_up (UpWindow *self,
                    GFile    *backup,
                    UpStore  *store)
{
  g_autofree char *name = g_file_get_basename (up_store_get_file (store));
  g_autofree char *backup_name = g_file_get_basename (backup);
  g_autofree char *message = NULL;

  /* Translators: a toast after the first change of a project file made
   * by an earlier version of Upphandla; %1$s is its file name, %2$s the
   * name of the copy of it as it was, such as “plan.upphandla.v1.bak”. */
  message = g_strdup_printf (_("“%1$s” was updated to this version of Upphandla. Earlier versions open the file "
                               "as it was, kept as “%2$s”."),
                             name, backup_name);
  up_window_add_toast (self, message);
}

static void
on_selection_changed (UpWindow           *self,
                      GParamSpec         *pspec,
                      GtkSingleSelection *selection)
{
  UpStage *stage = get_selected_stage (self);

  up_stage_editor_set_stage (self->editor, stage);

  /* Chosen in the list: the timeline shows it too. Chosen on the timeline,
   * it is in view already and stays where it is. */
  if (stage != up_timeline_get_selected (self->timeline))
    {
      up_timeline_set_selected (self->timeline, stage);
      if (stage != NULL)
        up_timeline_scroll_to_stage (self->timeline, stage);
    }

  update_actions (self);
}

/* Timeline */

static void
on_timeline_selected_changed (UpWindow   *self,
                              GParamSpec *pspec,
                              UpTimeline *timeline)
{
  UpStage *stage = up_timeline_get_selected (timeline);

  /* The list always has a selection while there are stages: a timeline
   * with none (its stage was deleted) leaves the list to choose. */
  if (stage != NULL && stage != get_selected_stage (self))
    select_stage (self, stage);
}

/* The legend is made anew at each opening, so that its samples have the
 * timeline's colours of the moment (light or dark, high contrast) and it
 * scrolls where the window is too low for it. */
static void
create_legend (GtkMenuButton *button,
               gpointer       user_data)
{
  UpWindow *self = user_data;
  GtkPopover *popover = gtk_menu_button_get_popover (button);
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  if (popover == NULL)
    {
      popover = GTK_POPOVER (gtk_popover_new ());
      gtk_menu_button_set_popover (button, GTK_WIDGET (popover));
    }
  /* the header's height and a margin under the popover */
  gtk_popover_set_child (popover, up_timeline_legend_new (self->timeline, MAX (height - 110, 160)));
}

/* The zoom, Today, legend and details buttons act on the timeline only. */
static void
on_view_changed (UpWindow *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->view_stack);
  gboolean timeline = g_strcmp0 (name, "timeline") == 0;

  gtk_widget_set_visible (self->zoom_box, timeline);
  gtk_widget_set_visible (self->today_button, timeline);
  gtk_widget_set_visible (self->legend_button, timeline);
  gtk_widget_set_visible (GTK_WIDGET (self->details_button), timeline);
  update_actions (self);
}

static void
on_timeline_zoom_changed (UpWindow   *self,
                          GParamSpec *pspec,
                          UpTimeline *timeline)
{
  update_actions (self);
}

/* Enter on a stage, in the timeline or the list: its details, shown if
 * they were hidden (F9), with the focus in its title. */
static void
edit_stage (UpWindow *self,
            UpStage  *stage)
{
  select_stage (self, stage);
  if (!gtk_toggle_button_get_active (self->details_button))
    gtk_toggle_button_set_active (self->details_button, TRUE);
  up_stage_editor_focus_title (self->editor);
}

static void
on_timeline_activate_stage (UpWindow   *self,
                            UpStage    *stage,
                            UpTimeline *timeline)
{
  edit_stage (self, stage);
}

static void
on_stage_list_activate (UpWindow    *self,
                        guint        position,
                        GtkListView *list)
{
  g_autoptr(UpStage) stage = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (stage != NULL)
    edit_stage (self, stage);
}

static void
on_timeline_delete_requested (UpWindow   *self,
                              UpStage    *stage,
                              UpTimeline *timeline)
{
  select_stage (self, stage);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.delete-stage", NULL);
}

static void
on_stages_changed (UpWindow   *self,
                   guint       position,
                   guint       removed,
                   guint       added,
                   GListModel *model)
{
  gboolean empty = g_list_model_get_n_items (model) == 0;

  if (self->in_history_step)
    self->history_stage_back = added == 1 && removed == 0 ? (int) position : -1;
  gtk_stack_set_visible_child_name (self->list_stack, empty ? "empty" : "list");
}

static void
on_editor_error (UpWindow      *self,
                 const GError  *error,
                 gpointer       source)
{
  up_window_add_toast (self, error->message);
}

static void
on_editor_notice (UpWindow   *self,
                  const char *message,
                  gpointer    source)
{
  up_window_add_toast (self, message);
}

static void
show_error_dialog (UpWindow     *self,
                   const char   *heading,
                   const GError *error)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  up_a11y_util_name_controls (GTK_WIDGET (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Whether another window shows @file (also under another name for it): then
 * Save As or Save a Copy there is refused, and a dialog titled @heading
 * says why. Written over, the file of that window's project was replaced
 * under it: the window went on with its own project, told at its next
 * save of a change by "someone else" (the user, in this window), and its
 * Overwrite threw away what had been saved from here. Save As from a
 * read-only file proposed "NAME (copy)", the copy the user had already
 * made and had open. */
static gboolean
refuse_file_of_other_window (UpWindow   *self,
                             GFile      *file,
                             const char *heading)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);
      g_autoptr(GError) error = NULL;
      g_autofree char *message = NULL;

      if (!UP_IS_WINDOW (window) || UP_WINDOW (window) == self ||
          !up_window_shows_file (UP_WINDOW (window), file))
        continue;

      message = up_file_util_open_elsewhere_message (file);
      error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_BUSY, message);
      show_error_dialog (self, heading, error);
      return TRUE;
    }

  return FALSE;
}

/* Stage list */

static void
setup_stage_row (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  gtk_list_item_set_child (item, up_stage_row_new ());
}

static void
bind_stage_row (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  up_stage_row_set_stage (UP_STAGE_ROW (gtk_list_item_get_child (item)),
                          gtk_list_item_get_item (item));
  up_list_util_mark_item (gtk_list_item_get_child (item), gtk_list_item_get_item (item));
}

static void
unbind_stage_row (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  user_data)
{
  up_stage_row_set_stage (UP_STAGE_ROW (gtk_list_item_get_child (item)), NULL);
  up_list_util_mark_item (gtk_list_item_get_child (item), NULL);
}

/* The menu of a stage on the timeline and in the stage list, at a
 * secondary click on it, Shift+F10 or the Menu key. */
static GMenuModel *
create_stage_menu (void)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenuItem) duplicate = NULL;
  g_autoptr(GMenuItem) delete = NULL;

  /* Translators: in the menu of a stage on the timeline and in the stage
   * list: the notes pinned to it, in the Notes view. */
  g_menu_append (menu, C_("stage menu", "Show _Notes"), "win.show-notes-of-stage");
  /* Translators: in the menu of a stage on the timeline and in the stage
   * list (a secondary click, Shift+F10): take an underlined letter apart
   * from Delete Stage's. */
  duplicate = g_menu_item_new (C_("stage menu", "_Duplicate Stage"), "win.duplicate-stage");
  g_menu_item_set_attribute (duplicate, "accel", "s", "<Control>d");
  g_menu_append_item (menu, duplicate);
  /* Translators: in the menu of a stage on the timeline and in the stage
   * list. */
  delete = g_menu_item_new (C_("stage menu", "D_elete Stage"), "win.delete-stage");
  g_menu_item_set_attribute (delete, "accel", "s", "Delete");
  g_menu_append_item (menu, delete);
  return G_MENU_MODEL (menu);
}

static GMenuModel *
create_add_stage_menu (void)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) stages = g_menu_new ();
  g_autoptr(GMenu) others = g_menu_new ();
  g_autoptr(GPtrArray) kinds = g_ptr_array_new ();
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_auto(GStrv) marked = NULL;

  /* A milestone and a stage of the user's own kind are not steps of the
   * procurement process: they go apart at the end. */
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; up_stage_kinds[i] != NULL; i++)
      {
        const char *kind = up_stage_kinds[i];
        gboolean other = g_str_equal (kind, "milestone") || g_str_equal (kind, "custom");

        if (other == (pass == 1))
          {
            g_ptr_array_add (kinds, (gpointer) kind);
            g_ptr_array_add (labels, (gpointer) up_enum_label (up_stage_kinds, kind));
          }
      }
  g_ptr_array_add (labels, NULL);
  /* Eighteen kinds, each with a key of its own in the language shown
   * (translators could not keep them apart by hand), from the top. */
  marked = up_text_util_add_mnemonics ((const char * const *) labels->pdata);

  for (guint i = 0; i < kinds->len; i++)
    {
      const char *kind = g_ptr_array_index (kinds, i);
      g_autoptr(GMenuItem) item = g_menu_item_new (marked[i], NULL);
      gboolean other = g_str_equal (kind, "milestone") || g_str_equal (kind, "custom");

      g_menu_item_set_action_and_target_value (item, "win.add-stage",
                                               g_variant_new_string (kind));
      g_menu_append_item (other ? others : stages, item);
    }

  g_menu_append_section (menu, NULL, G_MENU_MODEL (stages));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (others));

  return G_MENU_MODEL (menu);
}

/* Start page */

static gint
compare_recent_newest_first (gconstpointer a,
                             gconstpointer b)
{
  GDateTime *modified_a = gtk_recent_info_get_modified ((GtkRecentInfo *) a);
  GDateTime *modified_b = gtk_recent_info_get_modified ((GtkRecentInfo *) b);

  return g_date_time_compare (modified_b, modified_a);
}

/* The recovery copy of @file as the start page listed it, or NULL. */
static UpRecoveryInfo *
find_unsaved (UpWindow *self,
              GFile    *file)
{
  for (guint i = 0; self->unsaved != NULL && i < self->unsaved->len; i++)
    {
      UpRecoveryInfo *info = g_ptr_array_index (self->unsaved, i);

      if (g_file_equal (info->document, file))
        return info;
    }

  return NULL;
}

static void
update_recent (UpWindow *self)
{
  GtkRecentManager *manager = gtk_recent_manager_get_default ();
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  GList *items = gtk_recent_manager_get_items (manager);
  GtkWidget *focus;
  gboolean refocus;
  guint n_unsaved;

  /* Projects with changes that wait in a recovery copy come first, the
   * latest changed first, also where the file is gone (its folder deleted,
   * a USB stick pulled) or has left the recent files: the start page is
   * the only way back to them. Their rows say when from this list, which
   * read the times once. */
  g_clear_pointer (&self->unsaved, g_ptr_array_unref);
  self->unsaved = up_store_list_recoveries ();
  for (guint i = 0; i < self->unsaved->len; i++)
    {
      UpRecoveryInfo *info = g_ptr_array_index (self->unsaved, i);

      g_ptr_array_add (files, g_object_ref (info->document));
    }
  n_unsaved = files->len;

  items = g_list_sort (items, compare_recent_newest_first);

  for (GList *l = items; l && files->len < n_unsaved + MAX_RECENT; l = l->next)
    {
      GtkRecentInfo *info = l->data;
      const char *uri = gtk_recent_info_get_uri (info);
      g_autoptr(GFile) file = NULL;
      gboolean listed = FALSE;

      if (!g_str_has_suffix (uri, ".upphandla") || !gtk_recent_info_exists (info))
        continue;

      file = g_file_new_for_uri (uri);
      for (guint i = 0; i < n_unsaved && !listed; i++)
        listed = g_file_equal (g_ptr_array_index (files, i), file);
      if (!listed)
        g_ptr_array_add (files, g_steal_pointer (&file));
    }

  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);

  /* The rows are made anew, and the focus on one of them (the first,
   * given as the page showed) stayed on a row no longer there: it goes to
   * the new first, in view. GTK tells of a change to the recent files a
   * moment after it, which may be after the page showed. */
  focus = gtk_root_get_focus (GTK_ROOT (self));
  refocus = focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->recent_list));
  g_list_store_splice (self->recent_files, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->recent_files)),
                       files->pdata, files->len);
  gtk_widget_set_visible (GTK_WIDGET (self->recent_group), files->len > 0);
  if (refocus && self->project == NULL)
    focus_content (self);
}

/* The list of recent projects is on the start page: while a project shows,
 * it is brought up to date when the start page shows again, not at once
 * (opening a project adds it to the recent files, and rebuilding a list
 * nobody sees cost frames after the first). */
static void
on_recent_manager_changed (UpWindow         *self,
                           GtkRecentManager *manager)
{
  if (self->project != NULL)
    self->recent_stale = TRUE;
  else
    update_recent (self);
}

static void
on_start_page_map (UpWindow *self)
{
  if (self->recent_stale)
    {
      self->recent_stale = FALSE;
      update_recent (self);
    }
  /* After the list is up to date; the button was mapped before. */
  if (self->project == NULL)
    focus_content (self);
}

/* Whether times are shown on a 12-hour clock: as the desktop's clock is
 * set (GNOME's clock-format), else as the locale writes a time (en_US
 * "%r", "%I:%M:%S %p"). A locale without AM and PM words (Swedish) keeps
 * the 24-hour clock: "2:32" alone could be night or day. */
static gboolean
use_12_hour_clock (UpWindow *self)
{
  const char *am = nl_langinfo (AM_STR);
  const char *time_format;

  if (am == NULL || am[0] == '\0')
    return FALSE;

  if (self->portal_clock_format != NULL)
    return g_str_equal (self->portal_clock_format, "12h");

  if (self->interface_settings != NULL)
    {
      g_autofree char *clock_format = g_settings_get_string (self->interface_settings, "clock-format");

      return g_strcmp0 (clock_format, "12h") == 0;
    }

  time_format = nl_langinfo (T_FMT);
  return time_format != NULL &&
         (strstr (time_format, "%r") != NULL || strstr (time_format, "%I") != NULL ||
          strstr (time_format, "%l") != NULL || strstr (time_format, "%p") != NULL);
}

/* A time of day, hours and minutes: 14:32, or 2:32 PM. */
static char *
format_time_of_day (UpWindow  *self,
                    GDateTime *time)
{
  /* "-": the hour not padded (GLib pads %l with a figure space) */
  return g_date_time_format (time, use_12_hour_clock (self) ? "%-l:%M %p" : "%H:%M");
}

/* When the unsaved changes of a project were made, in local time, as
 * GNOME's file lists say it: today and yesterday by the hour, the days of
 * the week before by their name and the hour, older ones by the date (the
 * year only when it is another). */
static char *
describe_changed (UpWindow  *self,
                  GDateTime *modified)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (modified);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *time = format_time_of_day (self, local);
  g_autofree char *date = NULL;
  GDate day, today;
  int days;

  g_date_clear (&day, 1);
  g_date_clear (&today, 1);
  g_date_set_dmy (&day, g_date_time_get_day_of_month (local), g_date_time_get_month (local),
                  g_date_time_get_year (local));
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  days = g_date_days_between (&day, &today);

  if (days == 0)
    /* Translators: When a project's unsaved changes were made, on the
     * start page; %1$s is a time of day, such as 14:32 or 2:32 PM. */
    return g_strdup_printf (_("Changed today at %1$s"), time);

  if (days == 1)
    /* Translators: As "Changed today at %1$s", a day earlier. */
    return g_strdup_printf (_("Changed yesterday at %1$s"), time);

  if (days > 1 && days < 7)
    {
      g_autofree char *weekday = g_date_time_format (local, "%A");

      /* Translators: When a project's unsaved changes were made, within
       * the last week; %1$s is the day of the week (such as Monday, as the
       * locale names it), %2$s a time of day (14:32 or 2:32 PM). */
      return g_strdup_printf (_("Changed on %1$s at %2$s"), weekday, time);
    }

  if (g_date_get_year (&day) == g_date_get_year (&today))
    /* Translators: A date of this year on the start page, as a
     * g_date_time_format() format: "%-d %B" gives "14 March". */
    /* xgettext:no-c-format */
    date = g_date_time_format (local, C_("start page date", "%-d %B"));
  else
    /* Translators: A date of another year on the start page, as a
     * g_date_time_format() format: "%-d %B %Y" gives "14 March 2025". */
    /* xgettext:no-c-format */
    date = g_date_time_format (local, C_("start page date", "%-d %B %Y"));

  /* Translators: When a project's unsaved changes were made, on the
   * start page; %1$s is a date, such as 14 March 2025. */
  return g_strdup_printf (_("Changed %1$s"), date);
}

/* The start page's times follow the desktop's clock as it is switched. */
static void
on_clock_format_changed (UpWindow   *self,
                         const char *key,
                         GSettings  *settings)
{
  on_recent_manager_changed (self, gtk_recent_manager_get_default ());
}

/* Set by tests: windows read the desktop's clock through the settings
 * portal on this bus, as in a Flatpak. */
static GDBusConnection *test_session_bus;

void
up_window_set_sandboxed_for_testing (GDBusConnection *session_bus)
{
  g_set_object (&test_session_bus, session_bus);
}

/* The portal's clock-format, as Read (a variant in a variant), ReadOne or
 * SettingChanged gives it. */
static void
set_portal_clock_format (UpWindow *self,
                         GVariant *value)
{
  g_autoptr(GVariant) inner = g_variant_ref (value);

  while (g_variant_is_of_type (inner, G_VARIANT_TYPE_VARIANT))
    {
      GVariant *unwrapped = g_variant_get_variant (inner);

      g_variant_unref (inner);
      inner = unwrapped;
    }

  if (!g_variant_is_of_type (inner, G_VARIANT_TYPE_STRING) ||
      g_strcmp0 (self->portal_clock_format, g_variant_get_string (inner, NULL)) == 0)
    return;

  g_free (self->portal_clock_format);
  self->portal_clock_format = g_variant_dup_string (inner, NULL);
  on_clock_format_changed (self, "clock-format", NULL);
}

static void read_portal_clock_format (UpWindow            *self,
                                      const char          *method,
                                      GAsyncReadyCallback  callback);

/* The answer of Read or ReadOne; NULL where the window is gone. */
static UpWindow *
finish_portal_read (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data,
                    GError      **error)
{
  g_autoptr(GVariant) reply = g_dbus_proxy_call_finish (G_DBUS_PROXY (source), result, error);
  g_autoptr(GVariant) value = NULL;
  UpWindow *self;

  if (g_error_matches (*error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return NULL;

  self = UP_WINDOW (user_data);
  if (reply != NULL)
    {
      g_variant_get (reply, "(v)", &value);
      set_portal_clock_format (self, value);
    }
  return self;
}

static void
on_portal_read (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  /* no portal, or no such setting: the sandbox's settings and the locale
   * say, as outside it */
  if (finish_portal_read (source, result, user_data, &error) != NULL && error != NULL)
    g_debug ("No clock-format from the settings portal: %s", error->message);
}

static void
on_portal_read_one (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  UpWindow *self = finish_portal_read (source, result, user_data, &error);

  /* ReadOne came with version 2 of the portal; Read is in every version,
   * its value wrapped once more */
  if (self != NULL && g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_UNKNOWN_METHOD))
    read_portal_clock_format (self, "Read", on_portal_read);
  else if (self != NULL && error != NULL)
    g_debug ("No clock-format from the settings portal: %s", error->message);
}

static void
read_portal_clock_format (UpWindow            *self,
                          const char          *method,
                          GAsyncReadyCallback  callback)
{
  g_dbus_proxy_call (self->settings_portal, method,
                     g_variant_new ("(ss)", INTERFACE_SCHEMA_ID, "clock-format"),
                     G_DBUS_CALL_FLAGS_NONE, -1, self->settings_portal_cancellable,
                     callback, self);
}

static void
on_settings_portal_signal (UpWindow   *self,
                           const char *sender_name,
                           const char *signal_name,
                           GVariant   *parameters,
                           GDBusProxy *portal)
{
  const char *namespace;
  const char *key;
  g_autoptr(GVariant) value = NULL;

  if (!g_str_equal (signal_name, "SettingChanged") ||
      !g_variant_is_of_type (parameters, G_VARIANT_TYPE ("(ssv)")))
    return;

  g_variant_get (parameters, "(&s&sv)", &namespace, &key, &value);
  if (g_str_equal (namespace, INTERFACE_SCHEMA_ID) && g_str_equal (key, "clock-format"))
    set_portal_clock_format (self, value);
}

static void
on_settings_portal_ready (GObject      *source,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDBusProxy) portal = g_dbus_proxy_new_finish (result, &error);
  UpWindow *self;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = UP_WINDOW (user_data);
  if (portal == NULL)
    {
      g_debug ("No settings portal: %s", error->message);
      return;
    }

  self->settings_portal = g_steal_pointer (&portal);
  g_signal_connect_object (self->settings_portal, "g-signal",
                           G_CALLBACK (on_settings_portal_signal), self, G_CONNECT_SWAPPED);
  read_portal_clock_format (self, "ReadOne", on_portal_read_one);
}

static void
watch_settings_portal (UpWindow        *self,
                       GDBusConnection *bus)
{
  g_dbus_proxy_new (bus, G_DBUS_PROXY_FLAGS_DO_NOT_LOAD_PROPERTIES, NULL,
                    "org.freedesktop.portal.Desktop", "/org/freedesktop/portal/desktop",
                    "org.freedesktop.portal.Settings", self->settings_portal_cancellable,
                    on_settings_portal_ready, self);
}

static void
on_session_bus_ready (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDBusConnection) bus = g_bus_get_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (bus == NULL)
    g_debug ("No session bus for the settings portal: %s", error->message);
  else
    watch_settings_portal (UP_WINDOW (user_data), bus);
}

static void
watch_clock_format (UpWindow *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  /* Outside GNOME the schema may not be installed: then the locale says. */
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, INTERFACE_SCHEMA_ID, TRUE);
  if (schema != NULL && g_settings_schema_has_key (schema, "clock-format"))
    {
      self->interface_settings = g_settings_new_full (schema, NULL, NULL);
      g_signal_connect_object (self->interface_settings, "changed::clock-format",
                               G_CALLBACK (on_clock_format_changed), self, G_CONNECT_SWAPPED);
    }

  /* In a Flatpak the desktop's setting comes through the portal; until it
   * answers, and where it cannot, the settings above and the locale say. */
  if (test_session_bus != NULL)
    {
      self->settings_portal_cancellable = g_cancellable_new ();
      watch_settings_portal (self, test_session_bus);
    }
  else if (g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS))
    {
      self->settings_portal_cancellable = g_cancellable_new ();
      g_bus_get (G_BUS_TYPE_SESSION, self->settings_portal_cancellable, on_session_bus_ready, self);
    }
}

static GtkWidget *
create_recent_row (gpointer item,
                   gpointer user_data)
{
  UpWindow *self = UP_WINDOW (user_data);
  GFile *file = G_FILE (item);
  UpRecoveryInfo *unsaved = find_unsaved (self, file);
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *folder = folder_display_name (file);
  g_autofree char *path = NULL;
  GtkWidget *row;

  /* The extension is the same on every row: it only takes room. */
  if (g_str_has_suffix (name, ".upphandla") && strlen (name) > strlen (".upphandla"))
    name[strlen (name) - strlen (".upphandla")] = '\0';

  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), folder ? folder : "");
  /* A long name (a procurement's whole title) in a folder named as long
   * took six lines, wrapped in full, where the start page's list already
   * begins below the fold of a small screen with large text: the name
   * ends in "…" after two lines, the folder after one, and the whole
   * path is the row's tooltip. (A project with changes to recover keeps
   * its subtitle whole: the second line says when.) */
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  if (unsaved == NULL)
    adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);
  path = g_file_get_parse_name (file);
  gtk_widget_set_tooltip_text (row, path);

  /* Projects with unsaved changes come first, the latest changed first
   * (see update_recent()): the row says when, so that the participant
   * knows which session's notes wait there. */
  if (unsaved != NULL && unsaved->modified != NULL)
    {
      g_autofree char *changed = describe_changed (self, unsaved->modified);
      g_autofree char *subtitle = folder ? g_strconcat (folder, "\n", changed, NULL) : g_strdup (changed);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
    }
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  /* Another window or instance of the app has the project open, with
   * changes its save could not write yet: they are that window's, not
   * left behind, and the row says where they are. */
  if (unsaved != NULL && unsaved->in_use)
    {
      GtkWidget *label = gtk_label_new (_("Open in another window"));

      gtk_widget_add_css_class (label, "open-elsewhere");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_set_tooltip_text (label, _("This project is open in another Upphandla window, "
                                            "which still has changes to save. Go on in that window."));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
    }
  /* After a crash the changes wait in a recovery copy until the project is
   * opened again: the row says so, or they would wait unseen. */
  else if (unsaved != NULL)
    {
      GtkWidget *label = gtk_label_new (_("Unsaved changes"));

      gtk_widget_add_css_class (label, "warning");
      gtk_widget_set_tooltip_text (label, _("Upphandla closed before these changes were saved. "
                                            "Open the project to recover them."));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
    }

  /* The arrow only says "opens": the row itself is the thing to read. */
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             g_object_new (GTK_TYPE_IMAGE,
                                           "icon-name", "go-next-symbolic",
                                           "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                           NULL));
  g_object_set_data_full (G_OBJECT (row), "file", g_object_ref (file), g_object_unref);

  return row;
}

static void
on_recent_row_activated (UpWindow      *self,
                         GtkListBoxRow *row,
                         GtkListBox    *list)
{
  GFile *file = g_object_get_data (G_OBJECT (row), "file");
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (file != NULL && UP_IS_APPLICATION (app))
    up_application_open_file (UP_APPLICATION (app), file, self);
}

static gboolean
on_drop (UpWindow      *self,
         const GValue  *value,
         double         x,
         double         y,
         GtkDropTarget *target)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  GSList *files;

  if (!UP_IS_APPLICATION (app) || !G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  files = gdk_file_list_get_files (g_value_get_boxed (value));
  for (GSList *l = files; l; l = l->next)
    up_application_open_file (UP_APPLICATION (app), l->data, l == files ? self : NULL);
  g_slist_free (files);

  return TRUE;
}

/* Actions */

/* Commits what is being typed before an undo or a redo, whichever way it
 * was asked for (the header bar's buttons, Ctrl+Z, a screen reader's
 * activation of a button): a text field not left yet, a description or a
 * note waiting for a pause in typing, the Add Note form of the stage
 * panel. The typing becomes a step of its own, which the undo then takes
 * back, as Ctrl+Z did alone (by taking the focus away). Without it the
 * undo took back the edit before the typing, and the typing, still in
 * its field, was committed after the undo as a newer edit. Returns FALSE
 * when committing took back the newest step itself (a note added in the
 * notes view and left empty goes as if never added): that was what the
 * user undid. */
static gboolean
commit_typing (UpWindow *self)
{
  UpHistory *history = up_project_get_history (self->project);
  guint newest = up_history_get_undo_serial (history);

  up_project_commit_pending (self->project);

  /* A new step has a serial above every older one; a step taken back
   * leaves an older one on top. */
  return newest == 0 || up_history_get_undo_serial (history) >= newest;
}

/* What the fields of the view shown edit: its selected stage, goal or
 * stakeholder; NULL in the other views. */
static gpointer
shown_item (UpWindow *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->view_stack);

  if (g_strcmp0 (name, "timeline") == 0)
    return get_selected_stage (self);
  if (g_strcmp0 (name, "local-goals") == 0)
    return up_local_goals_view_get_selected (self->local_goals_view);
  if (g_strcmp0 (name, "stakeholders") == 0)
    return up_stakeholder_view_get_selected (self->stakeholder_view);
  return NULL;
}

/* After an undo or a redo that changed stages (@ids) other than the
 * selected one, such as a move made in the timeline before another stage
 * was chosen: the first of them is selected, which brings it into view in
 * the list and the timeline and shows it in the panel, so that the step
 * is seen where it happened, as a text editor puts its cursor at the
 * change it undid. A step that changed the selected stage keeps it. */
static void
show_step_stage (UpWindow *self,
                 GArray   *ids)
{
  UpStage *selected = get_selected_stage (self);

  for (guint i = 0; i < ids->len && selected != NULL; i++)
    if (g_array_index (ids, gint64, i) == up_record_get_id (UP_RECORD (selected)))
      return;

  for (guint i = 0; i < ids->len; i++)
    {
      UpRecord *stage = up_project_lookup (self->project, "stage", g_array_index (ids, gint64, i));

      if (stage != NULL)
        {
          select_stage (self, UP_STAGE (stage));
          return;
        }
    }
}

/* An undo or a redo, and where the focus goes after it. When the step
 * took away or brought back the item whose fields had the focus (Add Stage
 * undone, a deletion undone), the same field showed another item (the
 * neighbour the selection went to) and the next key edited that one; when
 * it took the focused widget itself (a row of a list made anew, a button
 * gone insensitive), the focus was on nothing. In both cases it goes to the
 * selected item's row in the view's list. In the timeline the focus stays:
 * the timeline follows the selection itself. */
static void
run_history_step (UpWindow *self,
                  gboolean  redo)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) shown_before = NULL;
  g_autoptr(GtkWidget) focus = NULL;
  g_autoptr(GArray) step_stages = NULL;
  const char *name;
  gboolean ok;

  focus = self->history_focus ? self->history_focus : gtk_root_get_focus (GTK_ROOT (self));
  if (focus != NULL)
    g_object_ref (focus);
  if (shown_item (self) != NULL)
    shown_before = g_object_ref (shown_item (self));

  step_stages = up_project_get_step_stages (self->project, redo);
  self->in_history_step = TRUE;
  self->history_stage_back = -1;
  ok = redo ? up_project_redo (self->project, &error) : up_project_undo (self->project, &error);
  self->in_history_step = FALSE;
  /* A stage brought back (a deletion undone, Add Stage redone) is shown,
   * as a stage added is, not the neighbour the deletion left selected, and
   * in the stage list too, also when the focus is in the timeline. */
  if (ok && self->history_stage_back >= 0)
    {
      g_autoptr(UpStage) back = g_list_model_get_item (G_LIST_MODEL (self->selection),
                                                       self->history_stage_back);

      gtk_single_selection_set_selected (self->selection, self->history_stage_back);
      if (back != NULL)
        up_list_util_move_cursor (GTK_WIDGET (self->stage_list), self->history_stage_back, back);
    }
  else if (ok)
    show_step_stage (self, step_stages);
  if (!ok)
    {
      up_window_add_toast (self, error->message);
      return;
    }

  if (focus != NULL && gtk_widget_get_root (focus) == GTK_ROOT (self) && gtk_widget_get_mapped (focus) &&
      gtk_widget_is_sensitive (focus) &&
      (shown_item (self) == (gpointer) shown_before ||
       focus == GTK_WIDGET (self->timeline) || gtk_widget_is_ancestor (focus, GTK_WIDGET (self->timeline))))
    return;

  name = adw_view_stack_get_visible_child_name (self->view_stack);
  if (g_strcmp0 (name, "timeline") == 0)
    {
      UpStage *stage = get_selected_stage (self);

      if (stage == NULL ||
          !up_list_util_focus_item (GTK_WIDGET (self->stage_list),
                                    gtk_single_selection_get_selected (self->selection), stage))
        gtk_widget_grab_focus (GTK_WIDGET (self->add_stage_button));
    }
  else if (g_strcmp0 (name, "local-goals") == 0)
    up_local_goals_view_focus_selected (self->local_goals_view);
  else if (g_strcmp0 (name, "stakeholders") != 0 ||
           !up_stakeholder_view_focus_selected (self->stakeholder_view))
    focus_view (self, name);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  UpWindow *self = UP_WINDOW (widget);

  if (self->project == NULL || !commit_typing (self))
    return;

  run_history_step (self, FALSE);
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  UpWindow *self = UP_WINDOW (widget);

  if (self->project == NULL)
    return;

  /* Typing committed now is a newer edit than the one undone, so there
   * is nothing left to redo, as after any edit. */
  commit_typing (self);
  run_history_step (self, TRUE);
}

static void
save_copy_to (GFile    *file,
              gpointer  user_data)
{
  g_autoptr(UpWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (file == NULL || self->project == NULL ||
      refuse_file_of_other_window (self, file, _("Could Not Save a Copy")))
    return;

  if (!up_store_save_copy (up_project_get_store (self->project), file, &error))
    {
      show_error_dialog (self, _("Could Not Save a Copy"), error);
    }
  else
    {
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *message = NULL;

      /* Translators: %1$s is the file name of the copy. */
      message = g_strdup_printf (_("Copy saved as “%1$s”"), name);
      up_window_add_toast (self, message);
    }
}

/* What a save the user asked for needs when it ends: the window, and the
 * project it saved, which the window may no longer show by then. */
typedef struct
{
  UpWindow  *self;
  UpProject *project;
  GFile     *file;       /* Save As: where to */
  gboolean   close;      /* Save As from the close dialog: close once saved */
} UserSave;

static UserSave *
user_save_new (UpWindow *self,
               GFile    *file)
{
  UserSave *save = g_new0 (UserSave, 1);

  save->self = g_object_ref (self);
  save->project = g_object_ref (self->project);
  save->file = file != NULL ? g_object_ref (file) : NULL;
  return save;
}

static void
user_save_free (UserSave *save)
{
  g_clear_object (&save->self);
  g_clear_object (&save->project);
  g_clear_object (&save->file);
  g_free (save);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (UserSave, user_save_free)

static void
on_saved_as (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(UserSave) save = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;
  UpWindow *self = save->self;

  self->user_saves--;
  if (self->project != save->project)
    {
      /* another project shown meanwhile, or the window gone */
      if (!gtk_widget_in_destruction (GTK_WIDGET (self)))
        update_actions (self);
      return;
    }

  /* The new place is written once, and the project moves there only when
   * that succeeded: where it cannot be written either (a folder that is
   * gone too, a write-protected stick), the project stays on its file,
   * whose banner still says what is wrong there. */
  if (!up_store_save_finish (UP_STORE (object), result, &error))
    {
      update_actions (self);
      show_error_dialog (self, _("Could Not Save the Project"), error);
      return;
    }

  update_title (self);
  hide_save_error (self);
  show_temporary_notice_if_needed (self);
  up_application_add_recent (save->file);

  name = g_file_get_basename (save->file);
  /* Translators: %1$s is the file name the project is saved in now. */
  message = g_strdup_printf (_("Saved as “%1$s”"), name);
  up_window_add_toast (self, message);

  if (save->close)
    gtk_window_close (GTK_WINDOW (self));
}

/* Save As, off the window's thread; with @close the window closes once
 * the project is in @file (Save As from the close dialog). */
static void
save_as (UpWindow *self,
         GFile    *file,
         gboolean  close)
{
  UserSave *save;

  if (refuse_file_of_other_window (self, file, _("Could Not Save the Project")))
    return;

  save = user_save_new (self, file);
  /* a save that runs meanwhile goes first: the store queues this one */
  save->close = close;
  self->user_saves++;
  update_actions (self);
  up_store_save_async (up_project_get_store (self->project), file, FALSE, on_saved_as, save);
}

static void
save_as_to (GFile    *file,
            gpointer  user_data)
{
  g_autoptr(UpWindow) self = user_data;

  if (file != NULL && self->project != NULL)
    up_window_save_as (self, file);
}

typedef struct
{
  UpWindow       *self;
  UpFileUtilFunc  save;
} SaveRequest;

/* The file the chooser returned, with the project's extension (so that the
 * file manager and the Open dialog find it), saved once the user agrees to
 * replace what may be there under that name. */
static void
on_save_response (GtkNativeDialog *chooser,
                  int              response,
                  SaveRequest     *request)
{
  if (response == GTK_RESPONSE_ACCEPT && request->self->project != NULL)
    {
      g_autoptr(GFile) chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GFile) file = up_file_util_for_project (chosen);

      up_file_util_confirm_replace (GTK_WINDOW (request->self), chosen, file, request->save,
                                    g_object_ref (request->self));
    }

  g_object_unref (request->self);
  g_free (request);
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

/* Whether a new file can be made in @folder by this user. */
static gboolean
folder_can_take_file (GFile *folder)
{
  g_autoptr(GFileInfo) info = g_file_query_info (folder, G_FILE_ATTRIBUTE_ACCESS_CAN_WRITE,
                                                 G_FILE_QUERY_INFO_NONE, NULL, NULL);

  return info != NULL && g_file_info_get_attribute_boolean (info, G_FILE_ATTRIBUTE_ACCESS_CAN_WRITE);
}

/* Where a project that cannot stay where it is goes by default: the
 * Documents folder, else the home folder, where this user may write; NULL
 * leaves the dialog its own choice. */
static GFile *
writable_home_folder (void)
{
  const char *places[] = { g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS), g_get_home_dir () };

  for (guint i = 0; i < G_N_ELEMENTS (places); i++)
    {
      g_autoptr(GFile) folder = places[i] != NULL ? g_file_new_for_path (places[i]) : NULL;

      if (folder != NULL && folder_can_take_file (folder))
        return g_steal_pointer (&folder);
    }
  return NULL;
}

/* A file chooser to save the project under @title, in the project's
 * folder, on the project's own name (for a copy, @copy: a name of its
 * own); @save gets the file and a reference to the window. */
static void
choose_file_to_save (UpWindow       *self,
                     const char     *title,
                     gboolean        copy,
                     UpFileUtilFunc  save)
{
  GtkFileChooserNative *chooser;
  SaveRequest *request;
  GFile *file;

  chooser = gtk_file_chooser_native_new (title,
                                         GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Save"),
                                         _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  file = up_project_get_file (self->project);
  if (file != NULL)
    {
      g_autoptr(GFile) folder = g_file_get_parent (file);
      /* Save As is the way out of a file that cannot be written (sent by
       * mail, on a write-protected USB stick): the file itself, proposed
       * as it was, could only fail again, after "Replace?" */
      gboolean stuck = !copy && !up_store_check_writable (up_project_get_store (self->project), NULL);
      g_autofree char *name = NULL;

      /* A temporary copy (an attachment, a download) is kept by taking it
       * out of the folder that will be emptied (or the portal's, which
       * means nothing to the user): to Documents. */
      gboolean temporary = temporary_folder_of (self, file) != NULL;

      if (temporary || (stuck && folder != NULL && !folder_can_take_file (folder)))
        g_set_object (&folder, writable_home_folder ());
      /* a name no copy made before has, in the folder proposed */
      name = copy || stuck ? up_file_util_copy_name (file, folder) : g_file_get_basename (file);

      /* Else the dialog opens in the process's working folder (the home
       * folder, started from the desktop), far from the project. A folder
       * that is gone leaves the dialog's own choice. */
      if (folder != NULL && g_file_query_exists (folder, NULL))
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
    }
  else
    {
      g_autofree char *name = g_strconcat (up_project_get_title (self->project), UP_FILE_SUFFIX, NULL);

      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
    }

  request = g_new0 (SaveRequest, 1);
  request->self = g_object_ref (self);
  request->save = save;
  g_signal_connect (chooser, "response", G_CALLBACK (on_save_response), request);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
save_copy_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  UpWindow *self = UP_WINDOW (widget);

  if (self->project != NULL)
    choose_file_to_save (self, _("Save a Copy"), TRUE, save_copy_to);
}

static void
on_print_done (const GError *error,
               gpointer      user_data)
{
  g_autoptr(UpWindow) self = user_data;

  if (error != NULL && gtk_widget_get_realized (GTK_WIDGET (self)))
    show_error_dialog (self, _("The Chart Was Not Printed"), error);
}

static void
on_notes_printed (const GError *error,
                  gpointer      user_data)
{
  g_autoptr(UpWindow) self = user_data;

  if (error != NULL && gtk_widget_get_realized (GTK_WIDGET (self)))
    show_error_dialog (self, _("The Notes Were Not Printed"), error);
}

static gboolean
notes_shown (UpWindow *self)
{
  return g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "notes") == 0 &&
         up_notes_view_get_listed (self->notes_view) != NULL;
}

/* Prints what the view shows: the Agenda 2030 view's chart, the
 * stakeholders' grid, in the language chosen in the print dialog (at
 * first the interface's, then the last one chosen for a print or an
 * export); on the Notes view the notes it lists, with the text being
 * typed. */
static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  UpWindow *self = UP_WINDOW (widget);
  UpChartOptions options;
  UpChartKind kind;

  if (self->project != NULL && notes_shown (self))
    {
      g_autofree char *summary = NULL;

      up_project_commit_pending (self->project);
      summary = up_notes_view_get_summary (self->notes_view);
      up_notes_print (GTK_WINDOW (self), self->project, up_notes_view_get_listed (self->notes_view), summary,
                      on_notes_printed, g_object_ref (self));
    }
  else if (self->project != NULL && view_chart (self, &kind, &options))
    up_chart_print (GTK_WINDOW (self), self->project, kind, &options, self->settings,
                    on_print_done, g_object_ref (self));
}

static void
on_timeline_exported (GFile        *file,
                      const GError *error,
                      gpointer      user_data)
{
  UpWindow *self = user_data;

  self->exporting_timeline = FALSE;
  update_actions (self);
  if (error != NULL)
    show_error_dialog (self, _("The Timeline Was Not Exported"), error);
  else if (file != NULL)
    {
      g_autofree char *basename = g_file_get_basename (file);
      /* Translators: A toast after the timeline was exported; %1$s is the
       * file name. */
      g_autofree char *message = g_strdup_printf (_("Exported “%1$s”"), basename);

      up_window_add_toast (self, message);
    }
}

/* The timeline as a chart for people without the app (a council's
 * papers, a slide): format, size and language asked as for the other
 * charts, then the file; drawn and written on a thread. */
static void
export_timeline_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  UpWindow *self = UP_WINDOW (widget);

  if (self->project == NULL || self->exporting_timeline)
    return;
  self->exporting_timeline = TRUE;
  update_actions (self);
  up_grid_export_run (widget, self->project, UP_CHART_TIMELINE, on_timeline_exported, self);
}

static void
on_calendar_exported (GFile        *file,
                      guint         n_events,
                      const GError *error,
                      gpointer      user_data)
{
  UpWindow *self = user_data;

  self->exporting_calendar = FALSE;
  update_actions (self);
  if (error != NULL)
    show_error_dialog (self, _("The Calendar Was Not Exported"), error);
  else if (file != NULL)
    {
      g_autofree char *basename = g_file_get_basename (file);
      /* Translators: A toast after the stages were exported as events of a
       * calendar file; %1$u is how many, %2$s the file name. */
      g_autofree char *message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Exported %1$u stage to “%2$s”",
                                                               "Exported %1$u stages to “%2$s”", n_events),
                                                  n_events, basename);

      up_window_add_toast (self, message);
    }
}

/* The stages as events of a calendar file, for the calendars of the
 * project group (each stage whole days, shown as free time). */
static void
export_calendar_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  UpWindow *self = UP_WINDOW (widget);

  if (self->project == NULL || self->exporting_calendar)
    return;
  /* a date or a title being typed is in the calendar too */
  up_project_commit_pending (self->project);
  self->exporting_calendar = TRUE;
  update_actions (self);
  up_calendar_export_run (widget, self->project, on_calendar_exported, self);
}

static void
on_notes_exported (GFile        *file,
                   guint         n_notes,
                   const GError *error,
                   gpointer      user_data)
{
  UpWindow *self = user_data;

  self->exporting_notes = FALSE;
  update_actions (self);
  if (error != NULL)
    show_error_dialog (self, _("The Notes Were Not Exported"), error);
  else if (file != NULL)
    {
      g_autofree char *basename = g_file_get_basename (file);
      /* Translators: A toast after the notes listed were exported as a
       * table; %1$u is how many, %2$s the file name. */
      g_autofree char *message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Exported %1$u note to “%2$s”",
                                                               "Exported %1$u notes to “%2$s”", n_notes),
                                                  n_notes, basename);

      up_window_add_toast (self, message);
    }
}

/* The notes the Notes view lists, as searched and filtered (all of them
 * where nothing is), as a table for a spreadsheet: for a request for
 * public records, the registrar, or a summary of a market dialogue. */
static void
export_notes_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  UpWindow *self = UP_WINDOW (widget);
  GListModel *notes = up_notes_view_get_listed (self->notes_view);

  if (self->project == NULL || self->exporting_notes || notes == NULL)
    return;
  /* the text being typed in a note is in the table too */
  up_project_commit_pending (self->project);
  self->exporting_notes = TRUE;
  update_actions (self);
  up_notes_export_run (widget, self->project, notes, on_notes_exported, self);
}

static void
on_stakeholders_exported (GFile        *file,
                          guint         n_people,
                          const GError *error,
                          gpointer      user_data)
{
  UpWindow *self = user_data;

  self->exporting_stakeholders = FALSE;
  update_actions (self);
  if (error != NULL)
    show_error_dialog (self, _("The Stakeholders Were Not Exported"), error);
  else if (file != NULL)
    {
      g_autofree char *basename = g_file_get_basename (file);
      /* Translators: A toast after the stakeholders listed were exported
       * as a table; %1$u is how many, %2$s the file name. */
      g_autofree char *message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Exported %1$u stakeholder to “%2$s”",
                                                               "Exported %1$u stakeholders to “%2$s”", n_people),
                                                  n_people, basename);

      up_window_add_toast (self, message);
    }
}

/* The stakeholders the register lists, as searched, filtered and sorted,
 * as a table for a spreadsheet: a mailing list, a colleague's project
 * (Import Stakeholders reads it back). */
static void
export_stakeholders_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  UpWindow *self = UP_WINDOW (widget);
  GListModel *people = up_stakeholder_view_get_listed (self->stakeholder_view);

  if (self->project == NULL || self->exporting_stakeholders || people == NULL)
    return;
  /* the text being typed in the editor is in the table too */
  up_project_commit_pending (self->project);
  self->exporting_stakeholders = TRUE;
  update_actions (self);
  up_stakeholders_export_run (widget, self->project, people, on_stakeholders_exported, self);
}

static void
on_stakeholders_imported (GFile                 *file,
                          const UpImportSummary *summary,
                          const GError          *error,
                          gpointer               user_data)
{
  UpWindow *self = user_data;

  self->importing = FALSE;
  update_actions (self);
  if (error != NULL)
    show_error_dialog (self, _("The Stakeholders Were Not Imported"), error);
  else if (file != NULL)
    {
      g_autofree char *basename = g_file_get_basename (file);
      g_autofree char *message = up_stakeholder_import_message (summary, basename);

      up_window_add_toast (self, message);
    }
}

/* The people of a table (a workshop's participants, a registration
 * form's answers) into the stakeholder register, as one undo step. */
static void
import_stakeholders_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  UpWindow *self = UP_WINDOW (widget);

  if (self->project == NULL || self->importing)
    return;
  self->importing = TRUE;
  update_actions (self);
  up_stakeholder_import_run (widget, self->project, on_stakeholders_imported, self);
}

static void
on_copy_merged (GListModel           *files,
                const UpMergeSummary *summary,
                const GError         *error,
                gpointer              user_data)
{
  UpWindow *self = user_data;
  g_autoptr(GFile) first = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *message = NULL;
  g_autofree char *escaped = NULL;

  self->merging = FALSE;
  update_actions (self);
  if (error != NULL)
    {
      guint n_files = files != NULL ? g_list_model_get_n_items (files) : 1;

      show_error_dialog (self, g_dngettext (GETTEXT_PACKAGE, "The Copy Was Not Merged", "The Copies Were Not Merged",
                                            n_files),
                         error);
      return;
    }
  if (files == NULL || self->toast_overlay == NULL)
    return;

  first = g_list_model_get_item (files, 0);
  basename = g_file_get_basename (first);
  message = up_project_merge_message (summary, g_list_model_get_n_items (files), basename);
  if (summary->notes_added + summary->notes_changed + summary->stakeholders_added +
      summary->stakeholders_changed + summary->links_added == 0)
    {
      up_window_add_toast (self, message);
      return;
    }
  /* Undo in the toast takes back the merge alone, as for a deletion */
  escaped = g_markup_escape_text (message, -1);
  adw_toast_overlay_add_toast (self->toast_overlay, up_undo_toast_new (self->project, escaped));
}

/* Workshops' copies of the project, sent back: their new notes, people
 * and Agenda 2030 links into the project, as one undo step. */
static void
merge_copy_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  UpWindow *self = UP_WINDOW (widget);

  if (self->project == NULL || self->merging)
    return;
  self->merging = TRUE;
  update_actions (self);
  up_project_merge_run (widget, self->project, on_copy_merged, self);
}

static void
project_details_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  UpWindow *self = UP_WINDOW (widget);

  if (self->project != NULL)
    up_project_details_present (GTK_WINDOW (self), self->project);
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  UpWindow *self = UP_WINDOW (widget);

  if (self->project != NULL)
    choose_file_to_save (self, _("Save As"), FALSE, save_as_to);
}

static void
on_retry_saved (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(UserSave) save = user_data;
  g_autoptr(GError) error = NULL;
  UpWindow *self = save->self;
  gboolean saved = up_store_save_finish (UP_STORE (object), result, &error);

  self->user_saves--;
  if (self->project != save->project)
    {
      /* another project shown meanwhile, or the window gone */
      if (!gtk_widget_in_destruction (GTK_WIDGET (self)))
        update_actions (self);
      return;
    }
  if (saved)
    hide_save_error (self);
  else
    show_save_error (self, error);
}

static void
retry_save_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  UpWindow *self = UP_WINDOW (widget);

  if (self->project == NULL || self->user_saves > 0)
    return;

  self->user_saves++;
  update_actions (self);
  up_store_save_async (up_project_get_store (self->project), NULL,
                       self->save_error_code == UP_STORE_ERROR_CONFLICT,
                       on_retry_saved, user_save_new (self, NULL));
}

static void
on_reload_response (AdwMessageDialog *dialog,
                    const char       *response,
                    UpWindow         *self)
{
  g_autoptr(UpProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;

  if (g_strcmp0 (response, "reload") != 0 || self->project == NULL)
    return;

  file = g_object_ref (up_project_get_file (self->project));
  project = up_project_open (file, &error);
  if (project == NULL)
    {
      /* the message names the file, which may hold "&" or "<" */
      up_window_add_toast (self, error->message);
      return;
    }

  /* The user chose their version: our unsaved edits are not offered again. */
  up_store_discard_recovery (file);
  hide_save_error (self);
  up_window_set_project (self, project);
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  UpWindow *self = UP_WINDOW (widget);
  GtkWidget *dialog;

  if (self->project == NULL)
    return;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Discard Your Changes?"),
                                   _("The project opens as it is on disk now, with the other changes. Your changes since the last save are lost; save a copy first to keep them."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "reload", _("_Discard and Reload"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "reload",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_reload_response), self, 0);
  up_a11y_util_name_controls (GTK_WIDGET (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Deletes @stage, and its notes too when @with_notes, as one undo step, and
 * offers Undo in a toast. */
static void
delete_stage_now (UpWindow *self,
                  UpStage  *stage,
                  gboolean  with_notes,
                  guint     n_notes)
{
  g_autofree char *title = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;
  AdwToast *toast;

  /* a title of 200 characters would make the toast as wide as the window */
  title = up_text_util_excerpt (up_stage_get_title (stage), UP_TEXT_UTIL_QUOTE_CHARS);

  if (!up_project_delete_stage (self->project, stage, with_notes, &error))
    {
      up_window_add_toast (self, error->message);
      return;
    }

  escaped = g_markup_escape_text (title, -1);
  if (with_notes && n_notes > 0)
    /* Translators: A message after a stage and its notes were deleted; %1$s
     * is the stage's title, %2$u the number of notes. */
    message = g_strdup_printf (ngettext ("Stage “%1$s” and its %2$u note deleted",
                                         "Stage “%1$s” and its %2$u notes deleted", n_notes),
                               escaped, n_notes);
  else
    /* Translators: A message after a stage was deleted; %1$s is its title. */
    message = g_strdup_printf (_("Stage “%1$s” deleted"), escaped);

  toast = up_undo_toast_new (self->project, message);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
on_delete_stage_response (AdwMessageDialog *dialog,
                          const char       *response,
                          UpWindow         *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "stage-id"));
  guint n_notes = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dialog), "n-notes"));
  UpRecord *stage;

  if (self->project == NULL || g_strcmp0 (response, "cancel") == 0)
    return;

  /* The project may have changed while the dialog was open (an undo with
   * Ctrl+Z in another window of the same file): act only on the stage
   * that was asked about, if it is still there. */
  stage = up_project_lookup (self->project, "stage", id);
  if (stage == NULL || !UP_IS_STAGE (stage))
    return;

  if (g_strcmp0 (response, "keep") == 0)
    delete_stage_now (self, UP_STAGE (stage), FALSE, n_notes);
  else if (g_strcmp0 (response, "delete") == 0)
    delete_stage_now (self, UP_STAGE (stage), TRUE, n_notes);
}

/* A stage's notes are what stakeholders said: they are never deleted
 * without asking. A stage without notes goes at once (Undo is one click
 * away in the toast). */
static void
delete_stage_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  UpWindow *self = UP_WINDOW (widget);
  UpStage *stage = get_selected_stage (self);
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GPtrArray) goals = NULL;
  g_autofree char *title = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *question = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (self->project == NULL || stage == NULL)
    return;

  /* A note being written for the stage is one of its notes: counted
   * below, and brought back with the stage by Undo. */
  up_project_commit_pending (self->project);

  notes = up_project_list_stage_notes (self->project, stage);
  if (notes->len == 0)
    {
      delete_stage_now (self, stage, FALSE, 0);
      return;
    }

  title = up_text_util_excerpt (up_stage_get_title (stage), UP_TEXT_UTIL_QUOTE_CHARS);
  /* Translators: The heading of the dialog that asks what to do with the
   * notes of a stage being deleted; %1$s is the stage's title. */
  heading = g_strdup_printf (_("Delete Stage “%1$s”?"), title);
  /* Translators: The question of that dialog; %1$u is the number of notes. */
  question = g_strdup_printf (ngettext ("Delete the stage’s %1$u note too, or keep it (detached from any stage)?",
                                        "Delete the stage’s %1$u notes too, or keep them (detached from any stage)?",
                                        notes->len),
                              notes->len);
  /* Its links to local goals go with it whatever the answer, and the
   * strategist should know before choosing. */
  goals = up_project_list_stage_local_goals (self->project, stage);
  if (goals->len > 0)
    {
      g_autofree char *links = NULL;

      /* Translators: In that dialog, above its question; %1$u is the
       * number of regional or local goals the stage is linked to. */
      links = g_strdup_printf (ngettext ("The stage serves %1$u regional or local goal. That link goes with the stage; Undo brings it back.",
                                         "The stage serves %1$u regional or local goals. Those links go with the stage; Undo brings them back.",
                                         goals->len),
                               goals->len);
      body = g_strdup_printf ("%s\n\n%s", links, question);
    }
  else
    body = g_steal_pointer (&question);

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "keep", _("_Keep Notes"),
                                    "delete", _("_Delete Notes"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "stage-id",
                     GSIZE_TO_POINTER (up_record_get_id (UP_RECORD (stage))));
  g_object_set_data (G_OBJECT (dialog), "n-notes", GUINT_TO_POINTER (notes->len));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_stage_response), self, 0);
  up_a11y_util_name_controls (GTK_WIDGET (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
timeline_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  UpWindow *self = UP_WINDOW (widget);

  /* "win.zoom-in" is "timeline.zoom-in", and so on: the buttons of the
   * header bar are outside the timeline, where its actions are not. */
  if (self->project != NULL)
    {
      g_autofree char *name = g_strconcat ("timeline.", action_name + strlen ("win."), NULL);

      gtk_widget_activate_action (GTK_WIDGET (self->timeline), name, NULL);
    }
}

/* Ctrl+F: the view's search, wherever the focus is in the window. */
static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  UpWindow *self = UP_WINDOW (widget);
  const char *name = adw_view_stack_get_visible_child_name (self->view_stack);

  if (!view_has_search (self))
    return;
  if (g_strcmp0 (name, "timeline") == 0)
    up_stage_find_start (self->stage_find);
  else if (g_strcmp0 (name, "stakeholders") == 0)
    gtk_widget_activate_action (GTK_WIDGET (self->stakeholder_view), "stakeholders.focus-search", NULL);
  else
    gtk_widget_activate_action (GTK_WIDGET (self->notes_view), "notes.focus-search", NULL);
}

static void
on_stage_found (UpWindow    *self,
                UpStage     *stage,
                UpStageFind *find)
{
  select_stage (self, stage);
}

/* The find bar closed (Escape, its button) with the focus in it: the
 * focus goes to the stage found, in the list. */
static void
on_find_mode_changed (UpWindow    *self,
                      GParamSpec  *pspec,
                      UpStageFind *find)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  UpStage *stage = get_selected_stage (self);

  if (up_stage_find_get_search_mode (find) || stage == NULL)
    return;
  if (focus == NULL || gtk_widget_is_ancestor (focus, GTK_WIDGET (find)) ||
      !gtk_widget_get_mapped (focus))
    up_list_util_focus_item (GTK_WIDGET (self->stage_list),
                             gtk_single_selection_get_selected (self->selection), stage);
}

static void
add_stage_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  UpWindow *self = UP_WINDOW (widget);
  const char *kind = g_variant_get_string (parameter, NULL);
  GListModel *stages;
  g_autoptr(UpStage) after = NULL;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  g_autoptr(GError) error = NULL;
  UpStage *stage;
  guint n;

  if (self->project == NULL || !up_enum_contains (up_stage_kinds, kind))
    return;

  /* After the selected stage, else at the end. */
  stages = up_project_get_stages (self->project);
  n = g_list_model_get_n_items (stages);
  if (get_selected_stage (self) != NULL)
    after = g_object_ref (get_selected_stage (self));
  else if (n > 0)
    after = g_list_model_get_item (stages, n - 1);

  if (after != NULL)
    {
      start = up_date_add_days (up_stage_get_end_date (after), 1);
    }
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      start = g_date_time_format (now, "%Y-%m-%d");
    }

  /* Dates are inclusive: a new stage lasts two weeks, a decision (a
   * milestone, an award decision) a day, as the charts draw it. */
  if (up_stage_kind_is_decision (kind))
    end = g_strdup (start);
  else
    end = up_date_add_days (start, NEW_STAGE_DAYS - 1);

  stage = up_project_add_stage (self->project, kind, up_enum_label (up_stage_kinds, kind),
                                start, end, after, &error);
  if (stage == NULL)
    {
      up_window_add_toast (self, error->message);
      return;
    }

  select_stage (self, stage);
  up_stage_editor_focus_title (self->editor);
}

/* A copy of the selected stage right after it (a second round of market
 * dialogue, another pilot), with its links; selected, its title ready to
 * be typed over. The title being typed in the panel is committed first,
 * so that the copy has it. */
static void
duplicate_stage_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  UpWindow *self = UP_WINDOW (widget);
  g_autofree char *title = NULL;
  g_autoptr(GError) error = NULL;
  UpStage *stage, *copy;

  if (self->project == NULL || get_selected_stage (self) == NULL)
    return;
  up_project_commit_pending (self->project);
  stage = get_selected_stage (self);
  if (stage == NULL)
    return;

  /* Translators: the title of a copy that Duplicate Stage makes; %1$s is
   * the stage's title. */
  title = g_strdup_printf (_("%1$s (copy)"), up_stage_get_title (stage));
  copy = up_project_duplicate_stage (self->project, stage, title, &error);
  if (copy == NULL)
    {
      up_window_add_toast (self, error->message);
      return;
    }

  select_stage (self, copy);
  up_stage_editor_focus_title (self->editor);
}

/* Window state */

static void
save_window_state (UpWindow *self)
{
  int width, height;

  if (self->settings == NULL)
    return;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));

  if (self->project != NULL)
    {
      g_autoptr(GEnumClass) zooms = g_type_class_ref (UP_TYPE_ZOOM);
      GEnumValue *zoom = g_enum_get_value (zooms, up_timeline_get_zoom (self->timeline));

      g_settings_set_string (self->settings, "timeline-zoom", zoom->value_nick);
    }
}

/* The zoom the user left the timeline at, once there is one; until then
 * the timeline fits the whole procurement into view. */
static void
restore_timeline_zoom (UpWindow *self)
{
  g_autoptr(GVariant) value = NULL;
  g_autoptr(GEnumClass) zooms = NULL;
  GEnumValue *zoom;

  if (self->settings == NULL || self->project == NULL)
    return;

  value = g_settings_get_user_value (self->settings, "timeline-zoom");
  if (value == NULL)
    return;

  zooms = g_type_class_ref (UP_TYPE_ZOOM);
  zoom = g_enum_get_value_by_nick (zooms, g_variant_get_string (value, NULL));
  if (zoom != NULL)
    up_timeline_set_zoom (self->timeline, zoom->value);
}

/* The focus into the view @name: the keys that switch the view take it
 * there (it stayed in the header, or GTK picked a widget of the view left
 * behind, or Undo), and so does the start. It lands on the same control
 * every time, so that a screen reader user knows where a key goes: the
 * timeline's selected stage, the selected goal, the search field of the
 * stakeholders and of the notes (their first control; a Tab into the view
 * went on from the control that had the focus there last, which GTK 4.8
 * keeps), the button of the chart shown in Agenda 2030. */
static void
focus_view (UpWindow   *self,
            const char *name)
{
  GtkWidget *view = name ? adw_view_stack_get_child_by_name (self->view_stack, name) : NULL;

  if (view != NULL && g_str_equal (name, "stakeholders") &&
      gtk_widget_activate_action (view, "stakeholders.focus-search", NULL))
    return;
  if (view != NULL && g_str_equal (name, "notes") &&
      gtk_widget_activate_action (view, "notes.focus-search", NULL))
    return;
  if (view != NULL && g_str_equal (name, "agenda") && up_agenda_view_focus_chart (self->agenda_view))
    return;

  if (view == NULL || g_str_equal (name, "timeline"))
    gtk_widget_grab_focus (GTK_WIDGET (self->timeline));
  /* GtkListBox moves a Tab into it on from the row it had the focus on
   * last, and selects that row: the goal chosen before was left. */
  else if (!g_str_equal (name, "local-goals") ||
           !up_local_goals_view_focus_selected (self->local_goals_view))
    gtk_widget_child_focus (view, GTK_DIR_TAB_FORWARD);
}

/* Alt+1 to Alt+5: the views in the order of the switcher. */
static void
show_view_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  UpWindow *self = UP_WINDOW (widget);
  const char *name = g_variant_get_string (parameter, NULL);

  GtkWidget *view;

  if (self->project == NULL || (view = adw_view_stack_get_child_by_name (self->view_stack, name)) == NULL)
    return;

  adw_view_stack_set_visible_child_name (self->view_stack, name);
  focus_view (self, name);
}

/* "Show coverage" of a local goal (its id; 0 for the whole project): the
 * Agenda 2030 view, with the chart for that goal. */
static void
show_coverage_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  UpWindow *self = UP_WINDOW (widget);
  gint64 id = g_variant_get_int64 (parameter);
  UpRecord *goal = NULL;

  if (self->project == NULL)
    return;
  if (id > 0)
    goal = up_project_lookup (self->project, "local_goal", id);

  up_agenda_view_show_local_goal (self->agenda_view, goal ? UP_LOCAL_GOAL (goal) : NULL);
  adw_view_stack_set_visible_child_name (self->view_stack, "agenda");
}

static UpStakeholder *
lookup_stakeholder (UpWindow *self,
                    gint64    id)
{
  UpRecord *record = self->project != NULL ? up_project_lookup (self->project, "stakeholder", id) : NULL;

  return record != NULL && UP_IS_STAKEHOLDER (record) ? UP_STAKEHOLDER (record) : NULL;
}

/* The notes of a stage or a stakeholder, from a panel's notes or a menu:
 * the Notes view, listing them, and one of them selected. The parameter
 * is the table ("stage" or "stakeholder"), the record's id and the id of
 * the note to select, or 0. */
static void
show_notes_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  UpWindow *self = UP_WINDOW (widget);
  const char *table;
  gint64 id, note_id;
  UpRecord *record, *note;

  if (self->project == NULL)
    return;
  g_variant_get (parameter, "(&sxx)", &table, &id, &note_id);
  if (!g_str_equal (table, "stage") && !g_str_equal (table, "stakeholder"))
    return;
  record = up_project_lookup (self->project, table, id);
  note = note_id > 0 ? up_project_lookup (self->project, "note", note_id) : NULL;
  if (note != NULL && !UP_IS_NOTE (note))
    note = NULL;

  if (record != NULL && UP_IS_STAGE (record))
    {
      adw_view_stack_set_visible_child_name (self->view_stack, "notes");
      up_notes_view_show_stage (self->notes_view, UP_STAGE (record), (UpNote *) note);
    }
  else if (record != NULL && UP_IS_STAKEHOLDER (record))
    {
      adw_view_stack_set_visible_child_name (self->view_stack, "notes");
      up_notes_view_show_stakeholder (self->notes_view, UP_STAKEHOLDER (record), (UpNote *) note);
    }
}

/* A stage from elsewhere (its id: a note's menu): selected on the
 * timeline, in sight, with the focus. */
static void
show_stage_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  UpWindow *self = UP_WINDOW (widget);
  UpRecord *stage = self->project != NULL
                    ? up_project_lookup (self->project, "stage", g_variant_get_int64 (parameter)) : NULL;

  if (stage == NULL || !UP_IS_STAGE (stage))
    return;
  adw_view_stack_set_visible_child_name (self->view_stack, "timeline");
  select_stage (self, UP_STAGE (stage));
  up_timeline_scroll_to_stage (self->timeline, UP_STAGE (stage));
  focus_view (self, "timeline");
}

/* Show Notes in the menu of the selected stage. */
static void
show_notes_of_stage_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  UpWindow *self = UP_WINDOW (widget);
  UpStage *stage = self->project != NULL ? get_selected_stage (self) : NULL;

  if (stage == NULL)
    return;
  up_project_commit_pending (self->project);
  adw_view_stack_set_visible_child_name (self->view_stack, "notes");
  up_notes_view_show_stage (self->notes_view, stage, NULL);
}

/* Add Note in a stakeholder's panel or menu (their id): a note about them,
 * written in the Notes view. */
static void
add_stakeholder_note_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  UpWindow *self = UP_WINDOW (widget);
  UpStakeholder *person = lookup_stakeholder (self, g_variant_get_int64 (parameter));

  if (person == NULL)
    return;

  adw_view_stack_set_visible_child_name (self->view_stack, "notes");
  up_notes_view_add_note_about (self->notes_view, person);
}

static void
toggle_details_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  UpWindow *self = UP_WINDOW (widget);
  gboolean hide = gtk_toggle_button_get_active (self->details_button);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  /* The focus in the details would go with them, to nothing a screen
   * reader can name (it was left on the paned): it goes to the stage on
   * the timeline. */
  if (hide && focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->editor)))
    gtk_widget_grab_focus (GTK_WIDGET (self->timeline));
  gtk_toggle_button_set_active (self->details_button, !hide);
}

/* Too narrow for the stage details beside the timeline, they lie over it
 * when asked for (the details button, F9, Enter on a stage) and start
 * hidden, so that the timeline shows; wide again, they are as they were,
 * or shown if they were opened meanwhile. */
static void
on_details_flap_folded (UpWindow   *self,
                        GParamSpec *pspec,
                        AdwFlap    *flap)
{
  if (adw_flap_get_folded (flap))
    {
      self->details_shown_unfolded = gtk_toggle_button_get_active (self->details_button);
      gtk_toggle_button_set_active (self->details_button, FALSE);
    }
  else if (!gtk_toggle_button_get_active (self->details_button))
    {
      gtk_toggle_button_set_active (self->details_button, self->details_shown_unfolded);
    }
}

/* The timeline is this wide at the least (see up-window.ui). */
#define TIMELINE_MIN_WIDTH 220

/* Over the timeline, the details leave the stage list whole: while they
 * lie there the timeline is at least as wide as they are, so the pane of
 * the stage list gives way (up-paned-util.c gives it its width back when
 * they go). They had covered the right of the list at 640 px. */
static void
update_timeline_min_width (UpWindow *self)
{
  int width = TIMELINE_MIN_WIDTH;

  if (adw_flap_get_folded (self->details_flap) && adw_flap_get_reveal_flap (self->details_flap))
    {
      int details = 0;

      gtk_widget_measure (GTK_WIDGET (self->editor), GTK_ORIENTATION_HORIZONTAL, -1, &details, NULL, NULL, NULL);
      width = MAX (width, details);
    }

  gtk_widget_set_size_request (self->timeline_scroller, width, -1);
}

/* With the details beside it, the timeline keeps this much at the least:
 * at 1,024 px (a projector) the stage list and the details left it 330 px,
 * a third of the window. Narrower than that, the details fold and lie over
 * it when asked for, as in a half-screen window. */
#define TIMELINE_BESIDE_MIN_WIDTH 480

/* The stage list's width as up-window.ui sets it. */
#define STAGE_LIST_WIDTH 320

/* Whether the details fit beside the timeline in a flap @width pixels wide:
 * the stage list at its usual width, the timeline at
 * TIMELINE_BESIDE_MIN_WIDTH, and the details. Not the timeline's smallest
 * width (the window may not get narrower than that, and a half-screen
 * window of 640 px must fit it), nor the list's width of the moment (a drag
 * of its handle would fold the details away under the pointer). */
static gboolean
details_fit_beside (UpWindow *self,
                    int       width)
{
  GtkWidget *separator = adw_flap_get_separator (self->details_flap);
  GtkWidget *list = gtk_paned_get_start_child (self->stage_paned);
  int paned = 0, list_min = 0, timeline = 0, details = 0, line = 0;

  gtk_widget_measure (GTK_WIDGET (self->stage_paned), GTK_ORIENTATION_HORIZONTAL, -1, &paned, NULL, NULL, NULL);
  gtk_widget_measure (list, GTK_ORIENTATION_HORIZONTAL, -1, &list_min, NULL, NULL, NULL);
  gtk_widget_measure (self->timeline_scroller, GTK_ORIENTATION_HORIZONTAL, -1, &timeline, NULL, NULL, NULL);
  gtk_widget_measure (GTK_WIDGET (self->editor), GTK_ORIENTATION_HORIZONTAL, -1, &details, NULL, NULL, NULL);
  if (separator != NULL)
    gtk_widget_measure (separator, GTK_ORIENTATION_HORIZONTAL, -1, &line, NULL, NULL, NULL);

  /* paned - list_min - timeline: the handle */
  return width >= paned - list_min - timeline + MAX (list_min, STAGE_LIST_WIDTH) + TIMELINE_BESIDE_MIN_WIDTH
                  + line + details;
}

/* AdwFlap folds only where its children no longer fit at their smallest,
 * and the timeline's smallest must stay small for a window of 640 px: so
 * the width decides. Too narrow for the details beside a useful timeline,
 * the flap is folded; wide enough, it folds as it would itself (with large
 * text the details are wider). Asked from the window's allocation, with
 * the width the flap has just been given, and laid out again at once if
 * that changes it, so that no frame shows the other. */
static gboolean
update_details_fold (UpWindow *self)
{
  GtkWidget *flap = GTK_WIDGET (self->details_flap);
  AdwFlapFoldPolicy policy;

  if (!gtk_widget_get_mapped (flap))
    return FALSE;

  policy = details_fit_beside (self, gtk_widget_get_width (flap)) ? ADW_FLAP_FOLD_POLICY_AUTO
                                                                  : ADW_FLAP_FOLD_POLICY_ALWAYS;
  if (policy == adw_flap_get_fold_policy (self->details_flap))
    return FALSE;

  /* Unfolded here, not in the flap's own allocation, where the details
   * coming back (on_details_flap_folded()) would resize the timeline
   * from inside it (see up-paned-util.c); then it folds as it would. */
  if (policy == ADW_FLAP_FOLD_POLICY_AUTO)
    adw_flap_set_fold_policy (self->details_flap, ADW_FLAP_FOLD_POLICY_NEVER);
  adw_flap_set_fold_policy (self->details_flap, policy);
  return TRUE;
}

static void
up_window_size_allocate (GtkWidget *widget,
                         int        width,
                         int        height,
                         int        baseline)
{
  UpWindow *self = UP_WINDOW (widget);

  GTK_WIDGET_CLASS (up_window_parent_class)->size_allocate (widget, width, height, baseline);
  if (update_details_fold (self))
    GTK_WIDGET_CLASS (up_window_parent_class)->size_allocate (widget, width, height, baseline);
}

/* Only the wide window's choice is remembered: the details hidden as the
 * window folds them, or shown over the timeline for a while, are not. */
static void
on_details_button_active (UpWindow        *self,
                          GParamSpec      *pspec,
                          GtkToggleButton *button)
{
  if (self->settings != NULL && !adw_flap_get_folded (self->details_flap))
    g_settings_set_boolean (self->settings, "side-panel-visible",
                            gtk_toggle_button_get_active (button));
}

static void
restore_window_state (UpWindow *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  /* Run from the build tree or a test, the schema may not be installed:
   * then the size is simply not remembered. */
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, SETTINGS_SCHEMA_ID, TRUE);
  if (schema == NULL)
    return;

  self->settings = g_settings_new (SETTINGS_SCHEMA_ID);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  /* Whether the stage details are shown is remembered as it changes in a
   * wide window (see on_details_button_active()). */
  g_settings_bind (self->settings, "side-panel-visible",
                   self->details_button, "active", G_SETTINGS_BIND_GET);
}

/* Save As from the close dialog: the project moves to the chosen file, as
 * any Save As moves it (a copy would leave the window on a file that
 * cannot be written, and the changes only in the recovery copy), and the
 * window goes on closing once every change is in that file. Where the
 * save fails there too, the window stays open and the banner says why. */
static void
save_as_and_close (GFile    *file,
                   gpointer  user_data)
{
  g_autoptr(UpWindow) self = user_data;

  if (file != NULL && self->project != NULL)
    save_as (self, file, TRUE);
}

static void
on_close_error_response (AdwMessageDialog *dialog,
                         const char       *response,
                         UpWindow         *self)
{
  if (g_strcmp0 (response, "close") == 0)
    {
      /* The edits stay in the recovery copy, which the next open offers;
       * where there is none, the dialog said that closing loses them. */
      self->close_anyway = TRUE;
      gtk_window_close (GTK_WINDOW (self));
    }
  else if (g_strcmp0 (response, "save-as") == 0)
    {
      choose_file_to_save (self, _("Save As"), FALSE, save_as_and_close);
    }
}

static void
on_close_saved (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(UserSave) save = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *body = NULL;
  UpWindow *self = save->self;
  GtkWindow *window = GTK_WINDOW (self);
  UpStore *store;
  GtkWidget *dialog;
  gboolean kept;

  self->close_saving = FALSE;
  /* another project shown meanwhile (or the window gone): not this close */
  if (self->project != save->project)
    return;
  if (up_store_save_finish (UP_STORE (object), result, &error))
    {
      /* again: an edit may have come in meanwhile */
      gtk_window_close (window);
      return;
    }

  store = up_project_get_store (self->project);
  name = g_file_get_basename (up_store_get_file (store));
  kept = up_store_get_edits_kept (store);

  /* The banner said why the save failed and how to go on; here the
   * question is only what closing does to the changes. They are
   * kept in the recovery copy, which the next open offers; where
   * that could not be written either (a full disk), they are only
   * in this window, and closing it loses them. */
  if (!kept)
    /* Translators: %1$s is the file name of a project. */
    body = g_strdup_printf (_("“%1$s” could not be saved, and your changes could not be kept "
                              "anywhere else either. If you close now, they are lost. Save the "
                              "project somewhere else first, for example on a USB stick."),
                            name);
  else if (g_error_matches (error, UP_STORE_ERROR, UP_STORE_ERROR_CONFLICT))
    /* Translators: %1$s is the file name of a project. */
    body = g_strdup_printf (_("Your latest changes are not in “%1$s”, because someone else saved it "
                              "after you opened it. Your changes are kept on this computer: when "
                              "you open the project again, you choose which version to keep."),
                            name);
  else
    /* Translators: %1$s is the file name of a project. */
    body = g_strdup_printf (_("Your latest changes are not in “%1$s”, but they are kept on this "
                              "computer: when you open the project again, Upphandla offers to "
                              "recover them."),
                            name);

  dialog = adw_message_dialog_new (window, _("Could Not Save the Project"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    /* Translators: the access keys of the three buttons differ */
                                    "close", kept ? _("_Close Anyway") : _("Close and _Lose Changes"),
                                    "save-as", _("Save _As…"),
                                    "cancel", _("_Keep Open"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "close",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save-as",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_close_error_response),
                           self, 0);
  up_a11y_util_name_controls (GTK_WIDGET (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
up_window_close_request (GtkWindow *window)
{
  UpWindow *self = UP_WINDOW (window);

  save_window_state (self);

  if (self->project != NULL && !self->close_anyway)
    {
      UpStore *store = up_project_get_store (self->project);

      /* Every editor answers this: none is named here, so a new one
       * cannot be forgotten. */
      up_project_commit_pending (self->project);

      /* The save runs off the window's thread (another program may hold
       * the file's lock for seconds): the window closes when it ends, and
       * stays, with the dialog, when it fails. */
      if (self->close_saving)
        return TRUE;
      if (up_store_get_dirty (store) || up_store_get_saving (store))
        {
          self->close_saving = TRUE;
          up_store_save_async (store, NULL, FALSE, on_close_saved, user_save_new (self, NULL));
          return TRUE;
        }
    }

  return GTK_WINDOW_CLASS (up_window_parent_class)->close_request (window);
}


/* Breaks @label's text (kept as it was first) into lines of about @chars
 * characters, between words only: a word longer than that has a line of
 * its own. The lines are the label's own, not wrapped by GTK: GTK 4.8
 * measures a wrapping title for the height of the row being laid out,
 * and the titles of a column share one width (a size group), so that a
 * title of two lines, measured for a row of one, asked for its whole
 * width on one line, and the others were given that width after keys as
 * wide as the column's widest: "Nytt projekt" ended 10 px past its column
 * at the normal text size, "Agenda 2030" 103 px into the next column's
 * keys at 1.5. A title of fixed lines has one width for any height. At
 * 8 characters GTK's wrapping also broke words ("föregåen-de"). */
static void
break_title_lines (GtkLabel *label,
                   int       chars)
{
  const char *text = g_object_get_data (G_OBJECT (label), "up-title");
  g_autoptr(PangoLayout) layout = NULL;
  g_autoptr(GString) lines = NULL;
  PangoFontMetrics *metrics;
  int char_width;

  if (text == NULL)
    {
      g_object_set_data_full (G_OBJECT (label), "up-title", g_strdup (gtk_label_get_text (label)), g_free);
      text = g_object_get_data (G_OBJECT (label), "up-title");
    }
  g_object_set_data (G_OBJECT (label), "up-title-chars", GINT_TO_POINTER (chars));
  if (*text == '\0')
    return;

  /* a character as wide as GTK counts it for a label's width-chars */
  metrics = pango_context_get_metrics (gtk_widget_get_pango_context (GTK_WIDGET (label)), NULL, NULL);
  char_width = MAX (pango_font_metrics_get_approximate_char_width (metrics),
                    pango_font_metrics_get_approximate_digit_width (metrics));
  pango_font_metrics_unref (metrics);

  layout = gtk_widget_create_pango_layout (GTK_WIDGET (label), text);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
  pango_layout_set_width (layout, chars * char_width);
  lines = g_string_new (NULL);
  for (GSList *l = pango_layout_get_lines_readonly (layout); l != NULL; l = l->next)
    {
      PangoLayoutLine *line = l->data;
      int length = line->length;

      /* the space a line was broken at is not shown */
      while (length > 0 && g_ascii_isspace (text[line->start_index + length - 1]))
        length--;
      if (lines->len > 0)
        g_string_append_c (lines, '\n');
      g_string_append_len (lines, text + line->start_index, length);
    }
  gtk_label_set_wrap (label, FALSE);
  gtk_label_set_text (label, lines->str);
  /* A screen reader reads the title as it is written, on one line: GTK
   * 4.8 gives a label's text, line breaks and all, as its name. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
}

/* break_title_lines() for the titles of the shortcuts below @widget,
 * at @chars characters. GTK 4.8 lays the shortcuts out two columns to a
 * page, each as wide as its widest keys beside its widest title on one
 * line: the window was 927 px wide, more than an 800 px screen (or
 * 1,000 px with Large Text) has. A title of two lines keeps its column
 * narrow. */
static void
wrap_shortcut_titles (GtkWidget *widget,
                      int        chars)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      /* The keys are labels too, inside a GtkShortcutLabel: left alone. */
      if (GTK_IS_SHORTCUT_LABEL (child))
        continue;
      if (GTK_IS_LABEL (child) && GTK_IS_SHORTCUTS_SHORTCUT (gtk_widget_get_ancestor (child, GTK_TYPE_SHORTCUTS_SHORTCUT)))
        break_title_lines (GTK_LABEL (child), chars);
      wrap_shortcut_titles (child, chars);
    }
}

/* break_title_lines() for @title, of a group of shortcuts; where @chars
 * is 0, its title on one line again. */
static void
wrap_group_title (GtkLabel *title,
                  int       chars)
{
  const char *text = g_object_get_data (G_OBJECT (title), "up-title");

  if (chars > 0)
    break_title_lines (title, chars);
  else if (text != NULL)
    {
      g_object_set_data (G_OBJECT (title), "up-title-chars", NULL);
      gtk_label_set_text (title, text);
    }
}

/* Lets the title of each group of shortcuts below @widget wrap at
 * @chars characters. */
static void
wrap_group_titles (GtkWidget *widget,
                   int        chars)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *title = gtk_widget_get_first_child (child);

      if (GTK_IS_SHORTCUTS_GROUP (child) && GTK_IS_LABEL (title))
        {
          wrap_group_title (GTK_LABEL (title), chars);
          continue;
        }
      wrap_group_titles (child, chars);
    }
}

/* The number of shortcuts in @group: its children after its title. */
static guint
count_shortcuts (GtkWidget *group)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (group); child; child = gtk_widget_get_next_sibling (child))
    n += GTK_IS_SHORTCUTS_SHORTCUT (child);

  return n;
}

/* Moves the shortcuts of @group after its first @keep to a new group of
 * the same view after it, titled as continuing @title (the first part's:
 * a third part is not "General (continued) (continued)"), and returns
 * that. */
static GtkWidget *
split_shortcuts_group (GtkWidget  *group,
                       const char *title,
                       guint       keep)
{
  g_autofree char *view = NULL;
  g_autofree char *continued = NULL;
  GtkWidget *rest;
  GtkWidget *child;
  guint n = 0;

  g_object_get (group, "view", &view, NULL);
  /* Translators: The title of the second (third…) column of a group of
   * keyboard shortcuts too long for one column, as on a short screen with
   * large text: %1$s is the group's title, such as "General". */
  continued = g_strdup_printf (C_("shortcut window", "%1$s (continued)"), title != NULL ? title : "");
  rest = g_object_new (GTK_TYPE_SHORTCUTS_GROUP, "title", continued, "view", view, NULL);
  /* to be joined again (see join_shortcuts_groups()) */
  g_object_set_data (G_OBJECT (rest), "up-continues", group);
  gtk_box_insert_child_after (GTK_BOX (gtk_widget_get_parent (group)), rest, group);
  /* its title wraps as the group's does (see fit_shortcut_titles()) */
  if (GTK_IS_LABEL (gtk_widget_get_first_child (group)) && GTK_IS_LABEL (gtk_widget_get_first_child (rest)))
    {
      GtkLabel *group_title = GTK_LABEL (gtk_widget_get_first_child (group));
      GtkLabel *rest_title = GTK_LABEL (gtk_widget_get_first_child (rest));

      int chars = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (group_title), "up-title-chars"));

      if (chars > 0)
        wrap_group_title (rest_title, chars);
    }

  child = gtk_widget_get_first_child (group);
  while (child != NULL)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (child);

      if (GTK_IS_SHORTCUTS_SHORTCUT (child) && ++n > keep)
        {
          g_object_ref (child);
          gtk_box_remove (GTK_BOX (group), child);
          gtk_box_append (GTK_BOX (rest), child);
          g_object_unref (child);
        }
      child = next;
    }

  return rest;
}

/* The groups of shortcuts below @widget, in order. */
static void
collect_shortcuts_groups (GtkWidget *widget,
                          GPtrArray *groups)
{
  if (GTK_IS_SHORTCUTS_GROUP (widget))
    {
      g_ptr_array_add (groups, widget);
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_shortcuts_groups (child, groups);
}

/* A group of shortcuts as GTK lays it out: its number of shortcuts (its
 * rows are those and its title), and in pixels its title's height, that
 * of its title as continued in another column, and each shortcut's with
 * the space below it. */
typedef struct
{
  GtkWidget *group;
  guint      n_shortcuts;
  int        title_height;
  int        continued_height;
  const int *heights;
} ShortcutsGroupSize;

/* Lays @sizes out in columns as GTK 4.8 does for columns of @rows rows (a
 * group's title and its shortcuts are a row each): it fills a column
 * with the next group while its rows fit, and puts the groups of a column
 * 22 px apart. Where @split, a group that does not fit in what is left
 * of a column fills it and goes on in the next, one column after another
 * (not where only one of its shortcuts would be left behind, nor go on
 * alone: "General (continued)" above Quit only); its parts'
 * numbers of shortcuts are appended to @parts. Returns the number of
 * columns, or 0 where a column would be higher than @room px, or a group
 * unsplit longer than a column. */
static guint
fill_shortcuts_columns (const ShortcutsGroupSize *sizes,
                        guint                     n_sizes,
                        guint                     rows,
                        int                       room,
                        gboolean                  split,
                        GArray                   *parts)
{
  guint columns = 0, column_rows = 0;
  int column_height = 0;

  for (guint i = 0; i < n_sizes; i++)
    {
      const ShortcutsGroupSize *size = &sizes[i];
      guint done = 0;

      if (!split && size->n_shortcuts + 1 > rows)
        return 0;
      while (done < size->n_shortcuts)
        {
          guint left = size->n_shortcuts - done;
          guint n = MIN (left, rows - 1);
          int height = done == 0 ? size->title_height : size->continued_height;

          if (column_rows > 0 && column_rows + 1 + left > rows)
            {
              guint room_rows = rows - column_rows;

              /* the rest of the column for a part, two shortcuts at least */
              if (split && room_rows >= 3)
                n = room_rows - 1;
              else
                column_rows = 0;
            }
          /* nor a part of one shortcut at the end */
          if (split && n < left && left - n == 1 && n >= 3)
            n--;
          if (column_rows == 0)
            {
              columns++;
              column_height = 0;
            }
          else
            column_height += 22;
          for (guint k = done; k < done + n; k++)
            height += size->heights[k];
          column_rows += n + 1;
          column_height += height;
          if (column_height > room)
            return 0;
          if (parts != NULL)
            g_array_append_val (parts, n);
          done += n;
        }
    }

  return columns;
}

/* Sets @title, the title label of a group of shortcuts, to @text, broken
 * into lines as its title was (see wrap_group_title()). */
static void
set_group_title_text (GtkLabel   *title,
                      const char *text)
{
  int chars = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (title), "up-title-chars"));

  if (chars > 0)
    {
      g_object_set_data_full (G_OBJECT (title), "up-title", g_strdup (text), g_free);
      break_title_lines (title, chars);
    }
  else
    gtk_label_set_text (title, text);
}

/* The height of @group's title as continued in another column ("General
 * (continued)"), which may take another line. */
static int
measure_continued_title (GtkWidget *group)
{
  GtkWidget *title = gtk_widget_get_first_child (group);
  g_autofree char *text = NULL;
  g_autofree char *continued = NULL;
  int height;

  if (!GTK_IS_LABEL (title))
    return 0;
  text = g_strdup (g_object_get_data (G_OBJECT (title), "up-title") != NULL
                   ? g_object_get_data (G_OBJECT (title), "up-title") : gtk_label_get_text (GTK_LABEL (title)));
  continued = g_strdup_printf (C_("shortcut window", "%1$s (continued)"), text);
  set_group_title_text (GTK_LABEL (title), continued);
  gtk_widget_measure (title, GTK_ORIENTATION_VERTICAL, -1, NULL, &height, NULL, NULL);
  set_group_title_text (GTK_LABEL (title), text);

  return height;
}

/* The shortcuts window no taller than the main window (which stands for
 * the screen, as for fit_add_stage_menu()), in as few pages as will do:
 * GTK 4.8 lays the shortcuts out in columns of up to ten rows and never
 * splits a group, so that with Large Text the General group's nine
 * shortcuts made the window 733 px high, and its page buttons fell off a
 * screen of 600 px. Where it is too high, its columns have fewer rows,
 * and a group that does not fit in a column fills it and goes on in the
 * next. The number of rows is the one that takes the fewest columns of
 * the shortcuts' real heights (at a text scale of 1.5 in Swedish, 11
 * pages of 2 to 5 shortcuts when groups were split evenly and every row
 * counted two lines high). Done before the window is first shown, while
 * its groups are measured one by one. */
static void
fit_shortcuts_to_window (UpWindow  *self,
                         GtkWidget *overlay)
{
  g_autoptr(GPtrArray) groups = g_ptr_array_new ();
  g_autofree ShortcutsGroupSize *sizes = NULL;
  g_autoptr(GArray) heights = NULL;
  g_autoptr(GArray) parts = NULL;
  GtkWidget *section = up_a11y_util_find_descendant (overlay, GTK_TYPE_SHORTCUTS_SECTION);
  GtkWidget *column;
  int overlay_height, tallest_column = 0, room;
  guint max_rows, best_rows = 0, best_columns = G_MAXUINT;

  /* the window not laid out yet: nothing to fit to */
  if (section == NULL || gtk_widget_get_height (GTK_WIDGET (self)) <= 0)
    return;
  collect_shortcuts_groups (section, groups);
  if (groups->len == 0)
    return;
  sizes = g_new0 (ShortcutsGroupSize, groups->len);
  heights = g_array_new (FALSE, FALSE, sizeof (int));
  for (guint i = 0; i < groups->len; i++)
    {
      GtkWidget *group = g_ptr_array_index (groups, i);
      int height, column_height, sum = 0;
      guint first = heights->len;

      sizes[i].group = group;
      sizes[i].n_shortcuts = count_shortcuts (group);
      if (sizes[i].n_shortcuts == 0)
        return;
      gtk_widget_measure (group, GTK_ORIENTATION_VERTICAL, -1, NULL, &height, NULL, NULL);
      gtk_widget_measure (gtk_widget_get_first_child (group), GTK_ORIENTATION_VERTICAL, -1,
                          NULL, &sizes[i].title_height, NULL, NULL);
      sizes[i].continued_height = MAX (sizes[i].title_height, measure_continued_title (group));
      /* Each shortcut's own height: with Large Text on a narrow screen
       * titles are broken into two to five lines (see
       * fit_shortcut_titles()). The space between them is shared out
       * evenly. */
      for (GtkWidget *child = gtk_widget_get_first_child (group); child; child = gtk_widget_get_next_sibling (child))
        if (GTK_IS_SHORTCUTS_SHORTCUT (child))
          {
            int shortcut_height;

            gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, -1, NULL, &shortcut_height, NULL, NULL);
            g_array_append_val (heights, shortcut_height);
            sum += shortcut_height;
          }
      for (guint k = first; k < heights->len; k++)
        g_array_index (heights, int, k) += (height - sizes[i].title_height - sum) / (int) sizes[i].n_shortcuts;
      gtk_widget_measure (gtk_widget_get_parent (group), GTK_ORIENTATION_VERTICAL, -1,
                          NULL, &column_height, NULL, NULL);
      tallest_column = MAX (tallest_column, column_height);
    }

  for (guint i = 0, first = 0; i < groups->len; first += sizes[i].n_shortcuts, i++)
    sizes[i].heights = &g_array_index (heights, int, first);

  /* Built, the groups are laid out in columns of ten rows, and the window
   * is as high as the highest column (the pages are of one height) and
   * what is around it: the header bar, the margins, the page buttons. */
  gtk_widget_measure (overlay, GTK_ORIENTATION_VERTICAL, -1, NULL, &overlay_height, NULL, NULL);
  room = gtk_widget_get_height (GTK_WIDGET (self)) - (overlay_height - tallest_column);
  g_object_get (section, "max-height", &max_rows, NULL);
  /* as built, where that fits */
  if (fill_shortcuts_columns (sizes, groups->len, max_rows, room, FALSE, NULL) > 0)
    return;
  for (guint rows = max_rows; rows >= 3; rows--)
    {
      guint columns = fill_shortcuts_columns (sizes, groups->len, rows, room, TRUE, NULL);

      if (columns > 0 && columns < best_columns)
        {
          best_columns = columns;
          best_rows = rows;
        }
    }
  /* nothing fits: the fewest rows, the window as short as it gets */
  if (best_rows == 0)
    best_rows = 3;
  parts = g_array_new (FALSE, FALSE, sizeof (guint));
  fill_shortcuts_columns (sizes, groups->len, best_rows, G_MAXINT, TRUE, parts);

  /* All in the first column, in order: GTK 4.8 lays them out anew as soon
   * as the number of rows changes, taking them from its pages last to
   * first (so that the General group went to the last page) but from
   * within a page in order; and only if the number of rows changes. */
  if (max_rows == best_rows)
    g_object_set (section, "max-height", best_rows + 1, NULL);
  column = gtk_widget_get_parent (sizes[0].group);
  for (guint i = 0, part = 0; i < groups->len; i++)
    {
      GtkWidget *group = sizes[i].group;
      g_autofree char *title = NULL;
      guint done = 0;

      g_object_ref (group);
      gtk_box_remove (GTK_BOX (gtk_widget_get_parent (group)), group);
      gtk_box_append (GTK_BOX (column), group);
      g_object_unref (group);
      g_object_get (group, "title", &title, NULL);
      if (GTK_IS_LABEL (gtk_widget_get_first_child (group))
          && g_object_get_data (G_OBJECT (gtk_widget_get_first_child (group)), "up-title") != NULL)
        {
          g_free (title);
          title = g_strdup (g_object_get_data (G_OBJECT (gtk_widget_get_first_child (group)), "up-title"));
        }
      for (; part < parts->len; part++)
        {
          done += g_array_index (parts, guint, part);
          if (done >= sizes[i].n_shortcuts)
            break;
          group = split_shortcuts_group (group, title, g_array_index (parts, guint, part));
        }
      part++;
    }
  g_object_set (section, "max-height", best_rows, NULL);
}

/* Undoes split_shortcuts_group() below @section: the shortcuts of each
 * group that continues another go back to it, in order, the groups are
 * in the first column in @order (as built), and the section has @rows
 * rows to a column again. */
static void
join_shortcuts_groups (GtkWidget *section,
                       GPtrArray *order,
                       guint      rows)
{
  g_autoptr(GPtrArray) groups = g_ptr_array_new ();
  GtkWidget *column;
  guint current_rows;

  collect_shortcuts_groups (section, groups);
  for (guint i = 0; i < groups->len; i++)
    {
      GtkWidget *rest = g_ptr_array_index (groups, i);
      GtkWidget *group = g_object_get_data (G_OBJECT (rest), "up-continues");
      GtkWidget *child;

      if (group == NULL)
        continue;
      /* a third part continues the second, which went back to the first */
      while (g_object_get_data (G_OBJECT (group), "up-continues") != NULL)
        group = g_object_get_data (G_OBJECT (group), "up-continues");
      child = gtk_widget_get_first_child (rest);
      while (child != NULL)
        {
          GtkWidget *next = gtk_widget_get_next_sibling (child);

          if (GTK_IS_SHORTCUTS_SHORTCUT (child))
            {
              g_object_ref (child);
              gtk_box_remove (GTK_BOX (rest), child);
              gtk_box_append (GTK_BOX (group), child);
              g_object_unref (child);
            }
          child = next;
        }
    }
  /* emptied, each after the others had used it to find their first part */
  for (guint i = 0; i < groups->len; i++)
    {
      GtkWidget *rest = g_ptr_array_index (groups, i);

      if (g_object_get_data (G_OBJECT (rest), "up-continues") != NULL)
        gtk_box_remove (GTK_BOX (gtk_widget_get_parent (rest)), rest);
    }
  /* GTK 4.8 lays the groups out anew from its pages last to first (see
   * fit_shortcuts_to_window()), and only as the number of rows changes */
  g_object_get (section, "max-height", &current_rows, NULL);
  if (current_rows == rows)
    g_object_set (section, "max-height", rows + 1, NULL);
  column = gtk_widget_get_parent (g_ptr_array_index (order, 0));
  for (guint i = 0; i < order->len; i++)
    {
      GtkWidget *group = g_ptr_array_index (order, i);

      g_object_ref (group);
      gtk_box_remove (GTK_BOX (gtk_widget_get_parent (group)), group);
      gtk_box_append (GTK_BOX (column), group);
      g_object_unref (group);
    }
  g_object_set (section, "max-height", rows, NULL);
}

/* Breaks the titles of the shortcuts in @overlay (see
 * break_title_lines()) and lays them out (see fit_shortcuts_to_window())
 * so that the window is no larger than the main window (which stands for
 * the screen, as for fit_add_stage_menu()), in as few pages as will do.
 * At 17 characters most titles take two lines, in Swedish too, and the
 * window was 772 px wide in both languages at the normal text size. With
 * Large Text those 17 characters are wider: the window was 876 px wide at
 * a text scale of 1.25 and 1,008 px at 1.5 (in Swedish), its close
 * button off a screen of 800 px. There the titles are broken at fewer
 * characters, down to 8, and with them a long group title ("Ett skedes
 * kopplingar till Agenda 2030") at about the width of keys and their
 * title. Each width is tried laid out in pages, as the columns of those
 * are as wide as their own shortcuts; the widest that fits is kept: fewer
 * characters make titles of more lines, and at 800 × 600 with a text
 * scale of 1.5 no narrower width took fewer pages (in either language).
 * The keys keep their size. */
static void
fit_shortcut_titles (UpWindow  *self,
                     GtkWidget *overlay)
{
  GtkWidget *section = up_a11y_util_find_descendant (overlay, GTK_TYPE_SHORTCUTS_SECTION);
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  int room = gtk_widget_get_width (GTK_WIDGET (self));
  int narrowest = G_MAXINT, narrowest_chars = 8;
  guint max_rows = 0;

  /* the window not laid out yet: nothing to fit to */
  wrap_shortcut_titles (overlay, 17);
  if (room <= 0 || section == NULL)
    return;
  g_object_get (section, "max-height", &max_rows, NULL);
  collect_shortcuts_groups (section, order);
  if (order->len == 0)
    return;
  for (int chars = 17; chars >= 8; chars--)
    {
      int width;

      wrap_shortcut_titles (overlay, chars);
      wrap_group_titles (overlay, chars < 17 ? chars + 10 : 0);
      fit_shortcuts_to_window (self, overlay);
      gtk_widget_measure (overlay, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &width, NULL, NULL);
      if (width <= room)
        return;
      if (width < narrowest)
        {
          narrowest = width;
          narrowest_chars = chars;
        }
      join_shortcuts_groups (section, order, max_rows);
    }
  /* none fits: the narrowest */
  wrap_shortcut_titles (overlay, narrowest_chars);
  wrap_group_titles (overlay, narrowest_chars < 17 ? narrowest_chars + 10 : 0);
  fit_shortcuts_to_window (self, overlay);
}

/* The text of the labels below @widget, one after another, into @text. */
static void
append_label_texts (GtkWidget *widget,
                    GString   *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child) && gtk_widget_get_visible (child))
        g_string_append_printf (text, "%s%s", text->len > 0 ? " " : "", gtk_label_get_text (GTK_LABEL (child)));
      append_label_texts (child, text);
    }
}

/* Names what a screen reader meets in the shortcuts window below
 * @widget, which GTK 4.8 leaves unnamed or names after its type: a
 * shortcut, which takes the focus, was a nameless "panel"; its keys a
 * "GtkShortcutLabel" of single labels ("Ctrl", "+", "P"); the search
 * field "GtkSearchEntry". A shortcut is named by its title as written,
 * on one line, and described by its keys ("Ctrl + P"); the keys are
 * named so too; the search field by the words it shows in it. */
static void
name_shortcuts (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_SHORTCUT_LABEL (child))
        {
          g_autoptr(GString) keys = g_string_new (NULL);

          append_label_texts (child, keys);
          gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, keys->str, -1);
          continue;
        }
      if (GTK_IS_SHORTCUTS_SHORTCUT (child))
        {
          GtkWidget *keys = up_a11y_util_find_descendant (child, GTK_TYPE_SHORTCUT_LABEL);
          g_autoptr(GString) described = g_string_new (NULL);
          g_autofree char *title = NULL;

          g_object_get (child, "title", &title, NULL);
          /* the lines of break_title_lines() as the one line they were */
          if (title != NULL)
            g_strdelimit (title, "\n", ' ');
          if (keys != NULL)
            append_label_texts (keys, described);
          gtk_accessible_update_property (GTK_ACCESSIBLE (child),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, title != NULL ? title : "",
                                          GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, described->str,
                                          -1);
        }
      else if (GTK_IS_SEARCH_ENTRY (child))
        {
          g_autofree char *placeholder = NULL;

          g_object_get (child, "placeholder-text", &placeholder, NULL);
          if (placeholder != NULL && *placeholder != '\0')
            gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, placeholder, -1);
        }
      name_shortcuts (child);
    }
}

/* GtkApplication would build the shortcuts window with every window, from
 * gtk/help-overlay.ui, before its first frame (75 M instructions, 5 % of
 * opening); it is made the first time it is asked for instead. */
/* Names the tab lists under @widget that GTK 4.8 names after their type
 * ("AdwViewSwitcher", "GtkStackSwitcher"), which a screen reader reads on
 * the way into them; a page switcher's tabs ("_1", "_2": the page's title
 * with its mnemonic) are named "Page 1", "Page 2". */
static void
name_switchers (GtkWidget *widget)
{
  if (ADW_IS_VIEW_SWITCHER (widget))
    {
      /* Translators: What a screen reader calls the tabs that switch
       * between the views (Timeline, Stakeholders, …). */
      const char *views = _("Views");

      gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, views, -1);
      return;
    }
  if (GTK_IS_STACK_SWITCHER (widget))
    {
      /* Translators: What a screen reader calls the tabs of the pages of
       * the Keyboard Shortcuts window. */
      const char *pages = _("Pages");
      guint n = 0;

      gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, pages, -1);
      for (GtkWidget *tab = gtk_widget_get_first_child (widget); tab; tab = gtk_widget_get_next_sibling (tab))
        {
          /* Translators: The name a screen reader reads for a page of the
           * Keyboard Shortcuts window: "Page 1", "Page 2". */
          g_autofree char *name = g_strdup_printf (_("Page %1$u"), ++n);

          gtk_accessible_update_property (GTK_ACCESSIBLE (tab), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
        }
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    name_switchers (child);
}

/* What the shortcuts window is fitted to (see fit_shortcut_titles()):
 * the text size (GNOME's Large Text sets the font's resolution), the font
 * and the window's width, which stands for the screen. */
static char *
shortcuts_fit (UpWindow *self)
{
  g_autofree char *font = NULL;
  int dpi = 0;

  g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)), "gtk-xft-dpi", &dpi, "gtk-font-name", &font, NULL);
  return g_strdup_printf ("%d %s %d", dpi, font != NULL ? font : "", gtk_widget_get_width (GTK_WIDGET (self)));
}

/* GTK 4.8's shortcuts window heads itself with its own "Shortcuts"
 * ("Genvägar"), whatever its title; the main menu calls it "Keyboard
 * Shortcuts" ("Tangentbordsgenvägar"), the window's title. That label, in
 * its title bar under @widget, is given the title, so that the window is
 * called what the menu item that opened it said. */
static void
title_shortcuts_heading (GtkWidget  *widget,
                         const char *title)
{
  if (GTK_IS_LABEL (widget) &&
      g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), g_dgettext ("gtk40", "Shortcuts")) == 0)
    {
      gtk_label_set_label (GTK_LABEL (widget), title);
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    title_shortcuts_heading (child, title);
}

/* Shows the shortcuts window, built and fitted if it is not, or if what
 * it was fitted to has changed since; @refit_open: fitted anew even while
 * it is open (see on_text_size_changed()). */
static void
present_shortcuts (UpWindow *self,
                   gboolean  refit_open)
{
  g_autofree char *fit = shortcuts_fit (self);
  gboolean open = self->help_overlay != NULL && gtk_widget_get_visible (GTK_WIDGET (self->help_overlay));

  /* Fitted once, as it is built: Large Text turned on since (or the
   * window made smaller), it opened as it was, wider than the screen at
   * a text scale of 1.5 on 800 × 600, its titles beyond their columns.
   * Built and fitted anew (20 ms, 0.25 s at 1.5 on 800 px). Asked for
   * again while it is open, after the main window's width changed, it is
   * only raised: built anew it went back to its first page. */
  if (self->help_overlay != NULL && g_strcmp0 (fit, self->help_overlay_fit) != 0 && (refit_open || !open))
    {
      gtk_window_destroy (self->help_overlay);
      g_clear_object (&self->help_overlay);
    }
  if (self->help_overlay == NULL)
    {
      g_autoptr(GtkBuilder) builder =
        gtk_builder_new_from_resource ("/io/github/upphandla/Upphandla/up-shortcuts-window.ui");

      self->help_overlay = g_object_ref (GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay")));
      gtk_window_set_transient_for (self->help_overlay, GTK_WINDOW (self));
      gtk_window_set_hide_on_close (self->help_overlay, TRUE);
      fit_shortcut_titles (self, GTK_WIDGET (self->help_overlay));
      if (gtk_window_get_titlebar (self->help_overlay) != NULL)
        title_shortcuts_heading (gtk_window_get_titlebar (self->help_overlay),
                                 gtk_window_get_title (self->help_overlay));
      name_shortcuts (GTK_WIDGET (self->help_overlay));
      g_free (self->help_overlay_fit);
      self->help_overlay_fit = g_steal_pointer (&fit);
      /* The section makes its pages, and their switcher's tabs, when it
       * is mapped, before the window's own handler runs. */
      g_signal_connect (self->help_overlay, "map", G_CALLBACK (name_switchers), NULL);
    }

  gtk_window_present (self->help_overlay);
}

static void
show_help_overlay_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  present_shortcuts (UP_WINDOW (widget), FALSE);
}

/* The page of the guide about the view in front, for Help (F1): each
 * view's page has the view's name as its id (the test "help" checks every
 * view of up-window.ui against the guide); the start page has the guide's
 * front page. */
static const char *
help_page (UpWindow *self)
{
  if (self->project == NULL)
    return NULL;

  return adw_view_stack_get_visible_child_name (self->view_stack);
}

static void
on_help_shown (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  UpWindow *self = UP_WINDOW (source);
  g_autoptr(GError) error = NULL;

  /* nothing to say over a window closed meanwhile */
  if (up_help_show_finish (GTK_WIDGET (self), result, &error) ||
      !gtk_widget_get_visible (GTK_WIDGET (self)))
    return;

  /* GLib's "No application is registered as handling this file" says
   * nothing of what to do. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    {
      g_clear_error (&error);
      g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("The guide opens in the desktop’s help viewer, which is not installed. "
                             "Install Help (the package “yelp”) from the software centre."));
    }
  show_error_dialog (self, _("Could Not Open the Help"), error);
}

static void
help_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  UpWindow *self = UP_WINDOW (widget);

  up_help_show_async (widget, help_page (self), NULL, on_help_shown, NULL);
}

/* Large Text turned on or off (or another font chosen) while the
 * shortcuts window is open: it is fitted anew in place, as on its next
 * open (show_help_overlay_action()). It kept the size it was fitted to:
 * 973 px wide on an 800 px screen once the text scale went from 1 to
 * 1.5. */
static void
on_text_size_changed (UpWindow *self)
{
  if (self->help_overlay != NULL && gtk_widget_get_visible (GTK_WIDGET (self->help_overlay)))
    present_shortcuts (self, TRUE);
}

static void
up_window_dispose (GObject *object)
{
  UpWindow *self = UP_WINDOW (object);

  g_signal_group_set_target (self->project_signals, NULL);
  g_signal_group_set_target (self->history_signals, NULL);
  g_signal_group_set_target (self->store_signals, NULL);
  if (self->typing_source != NULL)
    g_clear_signal_handler (&self->typing_changed_id, self->typing_source);
  g_clear_object (&self->typing_source);

  g_clear_handle_id (&self->switcher_bar_idle_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), UP_TYPE_WINDOW);
  g_clear_object (&self->file_name_label);
  g_clear_object (&self->file_folder_label);

  if (self->help_overlay != NULL)
    gtk_window_destroy (self->help_overlay);
  g_clear_object (&self->help_overlay);
  g_clear_pointer (&self->help_overlay_fit, g_free);
  g_clear_object (&self->project);
  g_clear_object (&self->selection);
  g_clear_object (&self->recent_files);
  g_clear_pointer (&self->unsaved, g_ptr_array_unref);
  g_clear_object (&self->settings);
  g_clear_object (&self->interface_settings);
  g_cancellable_cancel (self->settings_portal_cancellable);
  g_clear_object (&self->settings_portal_cancellable);
  g_cancellable_cancel (self->portal_cancellable);
  g_clear_object (&self->portal_cancellable);
  g_clear_object (&self->temporary_checked);
  g_clear_pointer (&self->temporary_folder, g_free);
  g_clear_object (&self->settings_portal);
  g_clear_pointer (&self->portal_clock_format, g_free);
  g_clear_object (&self->project_signals);
  g_clear_object (&self->history_signals);
  g_clear_object (&self->store_signals);

  G_OBJECT_CLASS (up_window_parent_class)->dispose (object);
}

static void
up_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  UpWindow *self = UP_WINDOW (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
up_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  UpWindow *self = UP_WINDOW (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      up_window_set_project (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
update_switcher_bar (gpointer data)
{
  UpWindow *self = data;

  gboolean reveal;

  self->switcher_bar_idle_id = 0;
  /* The bar sits below both pages (see up-window.ui): the start page has
   * no views to switch. */
  reveal = self->project != NULL && adw_view_switcher_title_get_title_visible (self->window_title);
  /* Its buttons are made when it is first needed: hidden in a wide window,
   * they were still built, styled and measured at every open (16.6 M
   * instructions of opening 5,000 stages, 1.3 %). */
  if (reveal && adw_view_switcher_bar_get_stack (self->switcher_bar) == NULL)
    adw_view_switcher_bar_set_stack (self->switcher_bar, self->view_stack);
  adw_view_switcher_bar_set_reveal (self->switcher_bar, reveal);
}

/* The view switcher goes to the bottom bar when the header bar is too
 * narrow for it. The title's squeezer decides that while it is allocated:
 * revealed right then, the bar is allocated with the height it had before,
 * none, and GTK 4.8 warns of a box of height -1 inside it. The bar follows
 * after the layout instead. */
static void
on_title_visible_changed (UpWindow *self)
{
  if (self->switcher_bar_idle_id == 0)
    self->switcher_bar_idle_id = g_idle_add_once (update_switcher_bar, self);
}

/* The title's view switcher and its plain title are the pages of a squeezer
 * that crossfades between them. Built with the title showing, on its first
 * allocation after each map it picks the switcher, and that crossfade drew
 * six frames more after the window's first (~90 ms of the open settling).
 * No transition from its map to the end of the frame that lays it out;
 * the crossfade when the window is resized is kept. */
static void
on_squeezer_after_paint (GdkFrameClock *clock,
                         AdwSqueezer   *squeezer)
{
  g_signal_handlers_disconnect_by_func (clock, on_squeezer_after_paint, squeezer);
  adw_squeezer_set_transition_type (squeezer, ADW_SQUEEZER_TRANSITION_TYPE_CROSSFADE);
}

static void
on_squeezer_map (GtkWidget *squeezer)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (squeezer);

  if (clock == NULL)
    return;

  adw_squeezer_set_transition_type (ADW_SQUEEZER (squeezer), ADW_SQUEEZER_TRANSITION_TYPE_NONE);
  g_signal_handlers_disconnect_by_func (clock, on_squeezer_after_paint, squeezer);
  g_signal_connect_object (clock, "after-paint", G_CALLBACK (on_squeezer_after_paint), squeezer, 0);
}

/* The "large-text" class on the window while the text is larger than
 * GNOME's normal size (Large Text, a text scale of 1.25, sets the font DPI
 * above 96), for what style.css gives only larger text. */
static void
update_large_text (UpWindow *self)
{
  int dpi = 0;

  g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)), "gtk-xft-dpi", &dpi, NULL);
  if (dpi > 96 * 1024)
    gtk_widget_add_css_class (GTK_WIDGET (self), "large-text");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "large-text");
}

static void
up_window_class_init (UpWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = up_window_dispose;
  object_class->get_property = up_window_get_property;
  object_class->set_property = up_window_set_property;

  widget_class->size_allocate = up_window_size_allocate;
  window_class->close_request = up_window_close_request;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL,
                         UP_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (UP_TYPE_AGENDA_VIEW);
  g_type_ensure (UP_TYPE_LOCAL_GOALS_VIEW);
  g_type_ensure (UP_TYPE_NOTES_VIEW);
  g_type_ensure (UP_TYPE_STAGE_EDITOR);
  g_type_ensure (UP_TYPE_STAGE_FIND);
  g_type_ensure (UP_TYPE_STAKEHOLDER_VIEW);
  g_type_ensure (UP_TYPE_TIMELINE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/upphandla/Upphandla/up-window.ui");
  gtk_widget_class_bind_template_child (widget_class, UpWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, UpWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, UpWindow, start_page);
  gtk_widget_class_bind_template_child (widget_class, UpWindow, new_project_button);
  gtk_widget_class_bind_template_child (widget_class, UpWindow, recent_group);
  gtk_widget_class_bind_template_child (widget_class, UpWindow, recent_list);
  gtk_widget_class_bind_template_child (widget_class, UpWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, UpWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, UpWindow, zoom_box);
  gtk_widget_class_bind_template_child (widget_class, UpWindow, today_button);
  gtk_widget_class_bind_template_child (widget_class, UpWindow, legend_button);
  gtk_widget_class_bind_template_child (widget_class, UpWindow, stakeholder_view);
  gtk_widget_class_bind_template_child (widget_class, UpWindow, notes_view);
  gtk_widget_class_bind_template_child (widget_class, UpWindow, agenda_view);
  gtk_widget_class_bind_template_child (widget_class, UpWindow, local_goals_view);
  gtk_widget_class_bind_template_child (widget_class, UpWindow, undo_button);
  gtk_widget_class_bind_template_child (widget_class, UpWindow, redo_button);
  gtk_widget_class_bind_template_child (widget_class, UpWindow, save_revealer);
  gtk_widget_class_bind_template_child (widget_class, UpWindow, save_heading_label);
  gtk_widget_class_bind_template_child (widget_class, UpWindow, save_error_label);
  gtk_widget_class_bind_template_child (widget_class, UpWindow, save_retry_button);
  gtk_widget_class_bind_template_child (widget_class, UpWindow, save_reload_button);
  gtk_widget_class_bind_template_child (widget_class, UpWindow, save_copy_button);
  gtk_widget_class_bind_template_child (widget_class, UpWindow, counts_label);
  gtk_widget_class_bind_template_child (widget_class, UpWindow, list_stack);
  gtk_widget_class_bind_template_child (widget_class, UpWindow, stage_list);
  gtk_widget_class_bind_template_child (widget_class, UpWindow, stage_find);
  gtk_widget_class_bind_template_child (widget_class, UpWindow, find_button);
  gtk_widget_class_bind_template_child (widget_class, UpWindow, add_stage_button);
  gtk_widget_class_bind_template_child (widget_class, UpWindow, timeline);
  gtk_widget_class_bind_template_child (widget_class, UpWindow, editor);
  gtk_widget_class_bind_template_child (widget_class, UpWindow, details_button);
  gtk_widget_class_bind_template_child (widget_class, UpWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, UpWindow, start_menu_button);
  gtk_widget_class_bind_template_child (widget_class, UpWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, UpWindow, start_menu);
  gtk_widget_class_bind_template_child (widget_class, UpWindow, details_flap);
  gtk_widget_class_bind_template_child (widget_class, UpWindow, timeline_scroller);
  gtk_widget_class_bind_template_child (widget_class, UpWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, UpWindow, stage_paned);
  gtk_widget_class_bind_template_callback (widget_class, on_recent_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_editor_error);
  gtk_widget_class_bind_template_callback (widget_class, on_editor_notice);
  gtk_widget_class_bind_template_callback (widget_class, on_view_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_save_banner_revealed);
  gtk_widget_class_bind_template_callback (widget_class, on_title_visible_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_timeline_selected_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_timeline_zoom_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_timeline_activate_stage);
  gtk_widget_class_bind_template_callback (widget_class, on_timeline_delete_requested);

  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL, show_help_overlay_action);
  gtk_widget_class_install_action (widget_class, "win.help", NULL, help_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F1, 0, "win.help", NULL);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "win.save-copy", NULL, save_copy_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "win.project-details", NULL, project_details_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.export-timeline", NULL, export_timeline_action);
  gtk_widget_class_install_action (widget_class, "win.export-calendar", NULL, export_calendar_action);
  gtk_widget_class_install_action (widget_class, "win.export-notes", NULL, export_notes_action);
  gtk_widget_class_install_action (widget_class, "win.export-stakeholders", NULL, export_stakeholders_action);
  gtk_widget_class_install_action (widget_class, "win.import-stakeholders", NULL, import_stakeholders_action);
  gtk_widget_class_install_action (widget_class, "win.merge-copy", NULL, merge_copy_action);
  gtk_widget_class_install_action (widget_class, "win.retry-save", NULL, retry_save_action);
  gtk_widget_class_install_action (widget_class, "win.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "win.delete-stage", NULL, delete_stage_action);
  gtk_widget_class_install_action (widget_class, "win.duplicate-stage", NULL, duplicate_stage_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK, "win.duplicate-stage", NULL);
  gtk_widget_class_install_action (widget_class, "win.add-stage", "s", add_stage_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-in", NULL, timeline_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-out", NULL, timeline_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-fit", NULL, timeline_action);
  gtk_widget_class_install_action (widget_class, "win.scroll-to-today", NULL, timeline_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-details", NULL, toggle_details_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.show-view", "s", show_view_action);
  gtk_widget_class_install_action (widget_class, "win.show-coverage", "x", show_coverage_action);
  gtk_widget_class_install_action (widget_class, "win.show-notes", "(sxx)", show_notes_action);
  gtk_widget_class_install_action (widget_class, "win.add-stakeholder-note", "x", add_stakeholder_note_action);
  gtk_widget_class_install_action (widget_class, "win.show-notes-of-stage", NULL, show_notes_of_stage_action);
  gtk_widget_class_install_action (widget_class, "win.show-stage", "x", show_stage_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_y, GDK_CONTROL_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.save-copy", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "win.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "win.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "win.zoom-fit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0, GDK_CONTROL_MASK, "win.zoom-fit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_CONTROL_MASK, "win.scroll-to-today", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.toggle-details", NULL);
  /* The view's search, with the focus anywhere in the window (the header
   * bar's view switcher too); off in the views that have none. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  {
    static const char * const views[] = { "timeline", "stakeholders", "notes", "agenda", "local-goals" };

    for (guint i = 0; i < G_N_ELEMENTS (views); i++)
      gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_ALT_MASK,
                                           "win.show-view", "s", views[i]);
  }
}

/* The stage list's keys; Tab is up_a11y_util_tab_leaves_list()'s. */
static gboolean
on_stage_list_key (UpWindow              *self,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   GtkEventControllerKey *controller)
{
  /* Enter acts on the row the focus is on, which can be another than the
   * stage selected in the timeline (see up-list-util.h): that one is
   * selected first, as for Delete (up_list_util_add_delete_key()). */
  if (keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter)
    up_list_util_select_focused (GTK_WIDGET (self->stage_list));

  return FALSE;
}

/* Ctrl+Z is the project's undo wherever the focus is. A text field would
 * otherwise take it first and undo its own typing, even typing committed
 * long ago, and save the result as a new edit when the focus left it (an
 * emptied title after Add Stage, a strength nobody chose). So the field
 * commits what was typed, as it does when the focus leaves it, and the
 * project undoes that: the field shows the text before, and Redo brings
 * the typing back. A search field keeps its own undo: its text is not an
 * edit of the project. */
static gboolean
on_history_shortcut (GtkWidget *widget,
                     GVariant  *args,
                     gpointer   user_data)
{
  UpWindow *self = UP_WINDOW (widget);
  const char *action = user_data;
  GtkWidget *focus;

  if (self->project == NULL)
    return FALSE;

  focus = gtk_root_get_focus (GTK_ROOT (self));
  if (focus != NULL && gtk_widget_get_ancestor (focus, GTK_TYPE_SEARCH_ENTRY) != NULL)
    return FALSE;

  if (focus != NULL)
    {
      g_object_ref (focus);
      gtk_root_set_focus (GTK_ROOT (self), NULL);
    }

  self->history_focus = focus;
  gtk_widget_activate_action (widget, action, NULL);
  self->history_focus = NULL;

  /* The step put the focus elsewhere (see run_history_step()). */
  if (focus != NULL && gtk_root_get_focus (GTK_ROOT (self)) != NULL)
    g_clear_object (&focus);

  if (focus != NULL)
    {
      /* A field of one line selects all its text when it takes the focus:
       * given back so, the next key typed replaced the whole title. The
       * cursor goes to the end of the text, where the typing went on. */
      if (gtk_widget_get_root (focus) == GTK_ROOT (self) && gtk_widget_is_visible (focus))
        {
          if (GTK_IS_TEXT (focus))
            {
              gtk_text_grab_focus_without_selecting (GTK_TEXT (focus));
              gtk_editable_set_position (GTK_EDITABLE (focus), -1);
            }
          else
            gtk_widget_grab_focus (focus);
        }
      g_object_unref (focus);
    }

  return TRUE;
}

static GtkEventController *
create_history_shortcuts (void)
{
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();
  static const struct {
    guint           keyval;
    GdkModifierType modifiers;
    const char     *action;
  } keys[] = {
    { GDK_KEY_z, GDK_CONTROL_MASK, "win.undo" },
    { GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo" },
    { GDK_KEY_Z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo" },
    { GDK_KEY_y, GDK_CONTROL_MASK, "win.redo" },
  };

  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (keys[i].keyval, keys[i].modifiers),
                                                            gtk_callback_action_new (on_history_shortcut,
                                                                                     (gpointer) keys[i].action,
                                                                                     NULL)));
  return shortcuts;
}

static void
up_window_init (UpWindow *self)
{
  g_autoptr(GtkListItemFactory) factory = NULL;
  GtkDropTarget *drop_target;
  GtkWidget *squeezer;

  gtk_widget_init_template (GTK_WIDGET (self));
  up_a11y_util_name_controls (GTK_WIDGET (self));
  g_signal_connect_object (gtk_settings_get_default (), "notify::gtk-xft-dpi",
                           G_CALLBACK (on_text_size_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_settings_get_default (), "notify::gtk-font-name",
                           G_CALLBACK (on_text_size_changed), self, G_CONNECT_SWAPPED);
  name_switchers (GTK_WIDGET (self->window_title));
  name_switchers (GTK_WIDGET (self->switcher_bar));
  up_paned_util_keep_start_width (self->stage_paned);
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (self->legend_button), create_legend, self, NULL);

  /* AdwViewSwitcherTitle holds its squeezer as its one child. */
  squeezer = gtk_widget_get_first_child (GTK_WIDGET (self->window_title));
  if (ADW_IS_SQUEEZER (squeezer))
    g_signal_connect (squeezer, "map", G_CALLBACK (on_squeezer_map), NULL);

  g_signal_connect_object (self->new_project_button, "map",
                           G_CALLBACK (on_new_project_button_map), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->view_stack, "map",
                           G_CALLBACK (on_view_stack_map), self, G_CONNECT_SWAPPED);
  update_large_text (self);
  g_signal_connect_object (gtk_widget_get_settings (GTK_WIDGET (self)), "notify::gtk-xft-dpi",
                           G_CALLBACK (update_large_text), self, G_CONNECT_SWAPPED);

  /* The icon name is the application id, which differs in the .Devel build. */
  adw_status_page_set_icon_name (self->start_page, APPLICATION_ID);
  make_file_labels (self);
  gtk_menu_button_set_create_popup_func (self->primary_menu_button, on_create_menu, self, NULL);
  gtk_menu_button_set_create_popup_func (self->start_menu_button, on_create_menu, self, NULL);
  gtk_menu_button_set_create_popup_func (self->add_stage_button, on_create_menu, self, NULL);
  {
    g_autoptr(GMenuModel) stage_menu = create_stage_menu ();

    up_timeline_set_context_menu (self->timeline, stage_menu);
    up_list_util_set_context_menu (GTK_WIDGET (self->stage_list), stage_menu);
  }

  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (on_selection_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "items-changed",
                           G_CALLBACK (on_stages_changed), self, G_CONNECT_SWAPPED);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_stage_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_stage_row), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_stage_row), NULL);
  gtk_list_view_set_factory (self->stage_list, factory);
  gtk_list_view_set_model (self->stage_list, GTK_SELECTION_MODEL (self->selection));
  up_stage_find_set_selection (self->stage_find, self->selection);
  g_object_bind_property (self->find_button, "active", self->stage_find, "search-mode",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->stage_find, "stage-found", G_CALLBACK (on_stage_found), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->stage_find, "notify::search-mode", G_CALLBACK (on_find_mode_changed),
                           self, G_CONNECT_SWAPPED);
  /* Delete deletes the selected stage where stages are: in the stage list
   * (the timeline has its own binding). Elsewhere Delete is the other
   * views' own, or does nothing; a window-wide binding deleted the stage
   * the timeline had selected from every view, one after the other. */
  up_list_util_add_delete_key (GTK_WIDGET (self->stage_list), "win.delete-stage");
  g_signal_connect_object (self->stage_list, "activate", G_CALLBACK (on_stage_list_activate),
                           self, G_CONNECT_SWAPPED);
  {
    GtkEventController *keys = gtk_event_controller_key_new ();

    gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
    g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_stage_list_key), self, G_CONNECT_SWAPPED);
    gtk_widget_add_controller (GTK_WIDGET (self->stage_list), keys);
    /* After the list's own keys: a letter no one takes starts a search. */
    up_stage_find_set_key_capture_widget (self->stage_find, GTK_WIDGET (self->stage_list));
  }
  /* Tab goes on in the order the view shows: from the list to Add Stage,
   * Delete, the timeline and the editor (it jumped from the list to the
   * timeline, and Add Stage and Delete were out of Tab's reach). */
  up_a11y_util_tab_leaves_list (GTK_WIDGET (self->stage_list));
  gtk_widget_add_controller (GTK_WIDGET (self), create_history_shortcuts ());

  self->project_signals = g_signal_group_new (UP_TYPE_PROJECT);
  g_signal_group_connect_object (self->project_signals, "notify::title",
                                 G_CALLBACK (on_project_title_changed), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->project_signals, "notify::file",
                                 G_CALLBACK (on_project_file_changed), self, G_CONNECT_SWAPPED);
  /* Also after every edit of the project row: the core's project does not
   * notify "title" yet (its info record has no properties to notify). */
  g_signal_group_connect_object (self->project_signals, "changed::project",
                                 G_CALLBACK (on_project_info_changed), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->project_signals, "changed",
                                 G_CALLBACK (on_project_changed), self, G_CONNECT_SWAPPED);

  g_signal_connect (self, "notify::focus-widget", G_CALLBACK (on_focus_widget_changed), NULL);

  self->history_signals = g_signal_group_new (UP_TYPE_HISTORY);
  g_signal_group_connect_object (self->history_signals, "notify::can-undo",
                                 G_CALLBACK (on_history_changed), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->history_signals, "notify::can-redo",
                                 G_CALLBACK (on_history_changed), self, G_CONNECT_SWAPPED);

  self->store_signals = g_signal_group_new (UP_TYPE_STORE);
  g_signal_group_connect_object (self->store_signals, "save-failed",
                                 G_CALLBACK (on_store_save_failed), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->store_signals, "saved",
                                 G_CALLBACK (on_store_saved), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->store_signals, "backed-up",
                                 G_CALLBACK (on_store_backed_up), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->store_signals, "written-anew",
                                 G_CALLBACK (on_store_written_anew), self, G_CONNECT_SWAPPED);

  self->recent_files = g_list_store_new (G_TYPE_FILE);
  gtk_list_box_bind_model (self->recent_list, G_LIST_MODEL (self->recent_files),
                           create_recent_row, self, NULL);
  g_signal_connect_object (gtk_recent_manager_get_default (), "changed",
                           G_CALLBACK (on_recent_manager_changed), self, G_CONNECT_SWAPPED);
  watch_clock_format (self);
  /* Made when the start page shows: a window opened on a project (from
   * the command line, a file manager) does not show it, and its rows
   * were a tenth of the window's making (GNOME keeps the recent files of
   * every application in one list). */
  self->recent_stale = TRUE;
  g_signal_connect_object (self->start_page, "map", G_CALLBACK (on_start_page_map), self,
                           G_CONNECT_SWAPPED);

  drop_target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  /* Files (and GTK) offer a dragged file also as text, its path: in the
   * bubble phase a text field under the pointer (a stage's description, a
   * note) took the drop first and typed the path into the project. The
   * window sees a drop of files first; a drop of text alone still goes to
   * the field. */
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (drop_target), GTK_PHASE_CAPTURE);
  g_signal_connect_object (drop_target, "drop", G_CALLBACK (on_drop), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop_target));

  /* The details come and go at once, as they did beside the timeline: a
   * slide would lay out the timeline alone frame after frame, and its
   * scroll bars, coming and going, make GTK 4.8 draw the view stack
   * without an allocation (see up-paned-util.c). */
  {
    g_autoptr(AdwSpringParams) instant = adw_spring_params_new (1.0, 1.0, 1000000.0);

    adw_flap_set_reveal_params (self->details_flap, instant);
  }
  g_object_bind_property (self->details_button, "active", self->details_flap, "reveal-flap",
                          G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  g_signal_connect_object (self->details_flap, "notify::folded",
                           G_CALLBACK (on_details_flap_folded), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->details_flap, "notify::folded",
                           G_CALLBACK (update_timeline_min_width), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->details_flap, "notify::reveal-flap",
                           G_CALLBACK (update_timeline_min_width), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->details_button, "notify::active",
                           G_CALLBACK (on_details_button_active), self, G_CONNECT_SWAPPED);
  restore_window_state (self);
  update_actions (self);
}

UpWindow *
up_window_new (GtkApplication *application,
               UpProject      *project)
{
  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (project == NULL || UP_IS_PROJECT (project), NULL);

  return g_object_new (UP_TYPE_WINDOW,
                       "application", application,
                       "project", project,
                       NULL);
}

gboolean
up_window_get_exporting_timeline (UpWindow *self)
{
  g_return_val_if_fail (UP_IS_WINDOW (self), FALSE);

  return self->exporting_timeline;
}

UpProject *
up_window_get_project (UpWindow *self)
{
  g_return_val_if_fail (UP_IS_WINDOW (self), NULL);

  return self->project;
}

/* Benchmark hook (tests/bench/run-all.sh), inert unless UPPHANDLA_BENCH_FIRST_FRAME is set:
 * prints the microseconds from process start to the first after-paint of the frame clock once
 * the project page with the timeline is shown, then quits. The start is
 * UPPHANDLA_BENCH_START_US (CLOCK_MONOTONIC, stamped by the launcher before exec), or else the
 * process start time from /proc/self/stat (10 ms resolution). */
static void
bench_on_later_paint (GdkFrameClock *clock,
                      UpWindow      *self)
{
  self->bench_frames_after++;
  self->bench_last_frame_us = g_get_monotonic_time ();
}

static void
bench_print_later_frames (gpointer data)
{
  UpWindow *self = data;

  g_print ("frames-after-first %u last-frame-after-ms %.1f\n", self->bench_frames_after,
           self->bench_frames_after ? (self->bench_last_frame_us - self->bench_first_frame_us) / 1000.0 : 0.0);
  g_application_quit (g_application_get_default ());
}

/* The icon theme's resource paths, and whether it finds the application's
 * icon (tests/ui/icon-theme-test.py). */
static void
bench_print_icon_theme (GtkIconTheme *theme)
{
  g_auto(GStrv) paths = gtk_icon_theme_get_resource_path (theme);
  g_autofree char *joined = paths != NULL ? g_strjoinv (" ", paths) : g_strdup ("");

  g_print ("icon-resource-paths %s\n", joined);
  g_print ("application-icon %s\n", gtk_icon_theme_has_icon (theme, APPLICATION_ID) ? "found" : "missing");
}

static void
bench_on_after_paint (GdkFrameClock *clock,
                      UpWindow      *self)
{
  const char *start_env = g_getenv ("UPPHANDLA_BENCH_START_US");
  g_autofree char *stat = NULL;
  gint64 now = g_get_monotonic_time (), start = 0;
  struct timespec boot;

  g_signal_handlers_disconnect_by_func (clock, bench_on_after_paint, self);
  if (start_env != NULL)
    start = g_ascii_strtoll (start_env, NULL, 10);
  else if (g_file_get_contents ("/proc/self/stat", &stat, NULL, NULL) &&
           strrchr (stat, ')') != NULL && clock_gettime (CLOCK_BOOTTIME, &boot) == 0)
    {
      g_auto(GStrv) f = g_strsplit (strrchr (stat, ')') + 2, " ", 0);
      gint64 since_start = boot.tv_sec * G_USEC_PER_SEC + boot.tv_nsec / 1000
                           - g_ascii_strtoll (f[19], NULL, 10) * G_USEC_PER_SEC / sysconf (_SC_CLK_TCK);
      start = now - since_start;
    }
  g_print ("first-frame-us %" G_GINT64_FORMAT "\n", now - start);
  bench_print_icon_theme (gtk_icon_theme_get_for_display (gtk_widget_get_display (GTK_WIDGET (self))));

  /* With UPPHANDLA_BENCH_AFTER_MS, also count the frames drawn in that many milliseconds after
   * the first (animations, late layouts): the first frame is not yet a settled window. */
  if (g_getenv ("UPPHANDLA_BENCH_AFTER_MS") != NULL)
    {
      self->bench_first_frame_us = now;
      self->bench_frames_after = 0;
      g_signal_connect_object (clock, "after-paint", G_CALLBACK (bench_on_later_paint), self, 0);
      g_timeout_add_once (g_ascii_strtoull (g_getenv ("UPPHANDLA_BENCH_AFTER_MS"), NULL, 10),
                          bench_print_later_frames, self);
      return;
    }
  g_application_quit (g_application_get_default ());
}

static void
bench_on_timeline_map (UpWindow *self)
{
  g_signal_handlers_disconnect_by_func (self->timeline, bench_on_timeline_map, self);
  g_signal_connect_object (gtk_widget_get_frame_clock (GTK_WIDGET (self)), "after-paint",
                           G_CALLBACK (bench_on_after_paint), self, 0);
}

/* A note that was being written in the stage panel's form when the app
 * last ended without closing (a crash, the battery): saved now, as closing
 * the window would have saved it, as a note of its stage where the stage
 * is still there (else of no stage), and the toast says where it went.
 * @draft is what the form kept aside (see keep_draft() there). */
static void
restore_draft (UpWindow   *self,
               const char *draft)
{
  g_autoptr(GKeyFile) keys = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *today = NULL;
  g_autofree char *message = NULL;
  UpRecord *record = NULL;
  UpStage *stage = NULL;

  if (!g_key_file_load_from_data (keys, draft, -1, G_KEY_FILE_NONE, NULL) ||
      (body = g_key_file_get_string (keys, "note", "body", NULL)) == NULL ||
      *g_strstrip (body) == '\0')
    return;

  kind = g_key_file_get_string (keys, "note", "kind", NULL);
  if (kind == NULL || !g_strv_contains ((const char * const *) up_note_kinds, kind))
    {
      g_free (kind);
      kind = g_strdup (up_note_kinds[0]);
    }
  if (g_key_file_has_key (keys, "note", "stage", NULL))
    record = up_project_lookup (self->project, "stage",
                                g_key_file_get_int64 (keys, "note", "stage", NULL));
  if (UP_IS_STAGE (record))
    stage = UP_STAGE (record);

  today = up_note_util_today ();
  if (up_project_add_note (self->project, body, kind, today, stage, &error) == NULL)
    {
      up_window_add_toast (self, error->message);
      return;
    }

  if (stage != NULL)
    /* Translators: %1$s is the title of a stage. */
    message = g_strdup_printf (_("The note you were writing when Upphandla closed was saved as a note of “%1$s”."),
                               up_stage_get_title (stage));
  else
    message = g_strdup (_("The note you were writing when Upphandla closed was saved; the Notes view lists it."));
  up_window_add_toast (self, message);
}

void
up_window_set_project (UpWindow  *self,
                       UpProject *project)
{
  const GError *save_error;
  g_autofree char *draft = NULL;

  g_return_if_fail (UP_IS_WINDOW (self));
  g_return_if_fail (project == NULL || UP_IS_PROJECT (project));

  if (self->project == project)
    return;

  /* Taken before the stage panel has the project: its empty form drops
   * what it has kept aside. */
  if (project != NULL && up_project_get_file (project) != NULL)
    draft = up_store_take_draft (up_project_get_file (project));

  if (self->project != NULL)
    {
      up_project_commit_pending (self->project);
      up_undo_toast_withdraw (self->project);
    }

  g_set_object (&self->project, project);
  self->typing = FALSE;
  /* Open in a window for long: renamed in a file manager meanwhile, the
   * file is saved under its new name. */
  if (project != NULL)
    up_store_follow_file (up_project_get_store (project));

  g_signal_group_set_target (self->project_signals, project);
  g_signal_group_set_target (self->history_signals,
                             project ? up_project_get_history (project) : NULL);
  g_signal_group_set_target (self->store_signals,
                             project ? up_project_get_store (project) : NULL);

  /* The editor and the timeline first, so that they have the project when
   * the selection hands them the first stage. */
  up_stage_editor_set_project (self->editor, project);
  up_timeline_set_project (self->timeline, project);
  up_stakeholder_view_set_project (self->stakeholder_view, project);
  up_notes_view_set_project (self->notes_view, project);
  up_agenda_view_set_project (self->agenda_view, project);
  up_local_goals_view_set_project (self->local_goals_view, project);
  restore_timeline_zoom (self);
  gtk_single_selection_set_model (self->selection,
                                  project ? up_project_get_stages (project) : NULL);
  on_stages_changed (self, 0, 0, 0, G_LIST_MODEL (self->selection));

  reveal_save_banner (self, FALSE);
  self->notice = UP_WINDOW_NOTICE_NONE;
  save_error = project ? up_store_get_save_error (up_project_get_store (project)) : NULL;
  if (save_error != NULL)
    show_save_error (self, save_error);
  else if (project != NULL)
    {
      g_autoptr(GError) read_only = NULL;

      if (!up_store_check_writable (up_project_get_store (project), &read_only))
        show_read_only_notice (self, read_only);
      else
        show_temporary_notice_if_needed (self);
    }

  if (project == NULL && self->recent_stale)
    {
      self->recent_stale = FALSE;
      update_recent (self);
    }
  gtk_stack_set_visible_child_name (self->main_stack, project ? "project" : "start");
  on_title_visible_changed (self);
  if (project == NULL && gtk_widget_get_mapped (self->new_project_button))
    on_new_project_button_map (self);
  /* The focus was on the start page, now gone, or in the project before. */
  self->focus_content_pending = project != NULL;
  if (project != NULL && gtk_widget_get_mapped (GTK_WIDGET (self->view_stack)))
    focus_content (self);

  /* Benchmark hook: see bench_on_after_paint(). */
  if (project != NULL && g_getenv ("UPPHANDLA_BENCH_FIRST_FRAME") != NULL)
    {
      if (gtk_widget_get_mapped (GTK_WIDGET (self->timeline)))
        bench_on_timeline_map (self);
      else
        g_signal_connect_swapped (self->timeline, "map", G_CALLBACK (bench_on_timeline_map), self);
    }

  update_title (self);
  update_counts (self);
  update_actions (self);

  if (draft != NULL)
    restore_draft (self, draft);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}

gboolean
up_window_shows_file (UpWindow *self,
                      GFile    *file)
{
  GFile *project_file;

  g_return_val_if_fail (UP_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (self->project == NULL)
    return FALSE;

  project_file = up_project_get_file (self->project);
  if (project_file == NULL)
    return FALSE;
  if (g_file_equal (project_file, file))
    return TRUE;

  /* Another name for the same file (a link to it, a hard link): the same
   * file on disk, which a second window would save over this one's. */
  {
    g_autoptr(GFileInfo) shown = g_file_query_info (project_file, G_FILE_ATTRIBUTE_ID_FILE,
                                                    G_FILE_QUERY_INFO_NONE, NULL, NULL);
    g_autoptr(GFileInfo) asked = g_file_query_info (file, G_FILE_ATTRIBUTE_ID_FILE,
                                                    G_FILE_QUERY_INFO_NONE, NULL, NULL);
    const char *shown_id = shown ? g_file_info_get_attribute_string (shown, G_FILE_ATTRIBUTE_ID_FILE) : NULL;
    const char *asked_id = asked ? g_file_info_get_attribute_string (asked, G_FILE_ATTRIBUTE_ID_FILE) : NULL;

    return shown_id != NULL && g_strcmp0 (shown_id, asked_id) == 0;
  }
}

void
up_window_add_toast (UpWindow   *self,
                     const char *message)
{
  g_autofree char *escaped = NULL;

  g_return_if_fail (UP_IS_WINDOW (self));
  g_return_if_fail (message != NULL);

  /* A window going away has no overlay any more, and no one to tell: a
   * field left as the window closes (its text committed, or refused, as
   * it loses the focus) ends here. */
  if (self->toast_overlay == NULL)
    return;

  /* Toast titles are Pango markup; the messages are plain text. */
  escaped = g_markup_escape_text (message, -1);
  adw_toast_overlay_add_toast (self->toast_overlay, up_toast_new (escaped));
}

void
up_window_update_recent (UpWindow *self)
{
  g_return_if_fail (UP_IS_WINDOW (self));

  on_recent_manager_changed (self, gtk_recent_manager_get_default ());
}

/**
 * up_window_save_as:
 *
 * Moves the project to @file and saves it there, off the window's thread;
 * the edits go on in that file. The old file is left as it was, and its
 * recovery copy is dropped once the new file holds everything. Where
 * @file cannot be written, the project stays on its own file and a dialog
 * says why.
 */
void
up_window_save_as (UpWindow *self,
                   GFile    *file)
{
  g_return_if_fail (UP_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->project != NULL)
    save_as (self, file, FALSE);
}
