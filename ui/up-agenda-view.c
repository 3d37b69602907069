/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The Agenda 2030 charts of the project, live: the core draws them (the
 * same code as the exports) into the drawing area's Cairo node, and every
 * "changed" of the project redraws. The widgets are made on first map, so
 * that opening a project does not pay for a view nobody looks at. */

#define G_LOG_DOMAIN "upphandla-agenda-view"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "up-undo-toast.h"
#include "up-a11y-util.h"
#include "up-agenda-view.h"
#include "up-export-options.h"
#include "up-file-util.h"


static const UpChartKind chart_kinds[] = {
  UP_CHART_WHEEL, UP_CHART_BARS, UP_CHART_MATRIX, UP_CHART_REPORT,
};

static const char * const chart_kind_labels[] = {
  N_("Wheel"), N_("Bars"), N_("Matrix"), N_("Report"),
};

struct _UpAgendaView
{
  AdwBin           parent_instance;

  UpProject       *project;
  GSignalGroup    *project_signals;

  gboolean         built;
  GtkStack        *stack;
  GtkToggleButton *kind_buttons[G_N_ELEMENTS (chart_kinds)];
  GtkDropDown     *scope;
  GtkStringList   *scope_model;
  GPtrArray       *scope_goals;   /* UpLocalGoal, beside scope_model's items 1.. */
  GtkWidget       *area;
  GtkWidget       *export_button;
  gboolean         updating_scope;
  gboolean         stale;          /* the project changed while unmapped */

  UpChartKind      kind;
  UpLocalGoal     *local_goal;    /* NULL: the whole project */
  /* The goal the chart was limited to when it was deleted, by its id and
   * title: its deletion undone, the chart is limited to it again. */
  gint64           lost_goal_id;
  char            *lost_goal_title;
  /* The coverage of local_goal, summed up once for the chart and its
   * accessible name, and again only after an edit or another scope: a
   * redraw (a resize, the theme) reads every link of the project
   * otherwise. NULL: not summed up since. */
  UpCoverage      *coverage;

  /* Exports being written off the main thread: Export is off meanwhile. */
  guint            n_exports;
};

G_DEFINE_FINAL_TYPE (UpAgendaView, up_agenda_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_PROJECT,
  PROP_EXPORTING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  ERROR,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static UpCoverage *ensure_coverage (UpAgendaView *self);

static void
fill_options (UpAgendaView   *self,
              UpChartOptions *options)
{
  up_chart_options_init (options);
  options->lang = UP_LANG_UI;
  options->local_goal = self->local_goal;
  options->dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  options->decorations = TRUE;
  /* The legend lists what the chart draws, so measuring it reads the
   * coverage too: the view's, summed up once between edits. */
  options->coverage = ensure_coverage (self);
}

/* The chart keeps its proportions, centred in the area: its box in an area
 * of @width × @height, and the options it is drawn with there. The legend
 * goes beside the chart where that draws it larger (a wide area): under
 * it, in the window's default size, the legend's text was 7 pixels high. */
static void
chart_box (UpAgendaView    *self,
           int              width,
           int              height,
           graphene_rect_t *box,
           UpChartOptions  *options)
{
  double best_scale = 0, best_width = 1, best_height = 1;

  fill_options (self, options);
  for (int beside = 0; beside <= 1; beside++)
    {
      UpChartOptions layout = *options;
      double natural_width = 0, natural_height = 0, scale;

      layout.legend_beside = beside;
      up_chart_get_size (self->kind, self->project, &layout, &natural_width, &natural_height);
      if (natural_width <= 0 || natural_height <= 0)
        {
          natural_width = MAX (width, 1);
          natural_height = MAX (height, 1);
        }
      scale = MIN (width / natural_width, height / natural_height);
      /* beside only where it is clearly larger */
      if (beside == 0 || scale > best_scale * 1.05)
        {
          best_scale = scale;
          best_width = natural_width;
          best_height = natural_height;
          options->legend_beside = beside;
        }
      /* A chart held by the area's width only grows wider beside: the
       * second size (a pass over a long plan's stages) is not asked for. */
      if (beside == 0 && width / natural_width <= height / natural_height)
        break;
    }

  graphene_rect_init (box,
                      floor ((width - best_width * best_scale) / 2),
                      floor ((height - best_height * best_scale) / 2),
                      best_width * best_scale, best_height * best_scale);
}

/* The smallest size the chart is drawn at in the view, as a share of its
 * natural size: in a window of 640 × 480 px the wheel's legend was 5 px
 * high, too small to read. Below it the chart keeps that size and the view
 * scrolls. A chart far taller than wide (the matrix of a long plan) is
 * still fitted to the view, as printing and exporting give it whole. */
#define MIN_CHART_SCALE 0.7

static void
update_chart_min_size (UpAgendaView *self)
{
  UpChartOptions options;
  double width = 0, height = 0;
  int min_width = 0, min_height = 0;

  if (self->area == NULL || self->project == NULL)
    return;

  fill_options (self, &options);
  up_chart_get_size (self->kind, self->project, &options, &width, &height);
  if (width > 0 && height > 0 && height <= 2 * width)
    {
      min_width = (int) ceil (width * MIN_CHART_SCALE);
      min_height = (int) ceil (height * MIN_CHART_SCALE);
    }
  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (self->area), min_width);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (self->area), min_height);
}

/* The chart drawn again after a change of what it shows. */
static void
refresh_chart (UpAgendaView *self)
{
  update_chart_min_size (self);
  gtk_widget_queue_draw (self->area);
}

static UpCoverage *
ensure_coverage (UpAgendaView *self)
{
  if (self->coverage == NULL && self->project != NULL)
    self->coverage = up_coverage_new (self->project, self->local_goal);

  return self->coverage;
}

static void
invalidate_coverage (UpAgendaView *self)
{
  g_clear_pointer (&self->coverage, up_coverage_unref);
}

static void
draw_chart (GtkDrawingArea *area,
            cairo_t        *cr,
            int             width,
            int             height,
            gpointer        user_data)
{
  UpAgendaView *self = user_data;
  UpChartOptions options;
  graphene_rect_t box;

  if (self->project == NULL || width <= 0 || height <= 0)
    return;

  chart_box (self, width, height, &box, &options);
  cairo_save (cr);
  cairo_translate (cr, box.origin.x, box.origin.y);
  up_chart_draw (self->kind, self->project, &options, cr, box.size.width, box.size.height);
  cairo_restore (cr);

  /* The chart takes the focus (for a screen reader), and a drawing area
   * shows no focus of its own: a ring round the sheet, in the theme's
   * accent colour, as GTK rings a focused control. */
  if (gtk_widget_has_visible_focus (GTK_WIDGET (area)))
    {
      GdkRGBA accent;

      if (!gtk_style_context_lookup_color (gtk_widget_get_style_context (GTK_WIDGET (area)),
                                           "accent_color", &accent))
        gdk_rgba_parse (&accent, "#3584e4");
      gdk_cairo_set_source_rgba (cr, &accent);
      cairo_set_line_width (cr, 2);
      cairo_rectangle (cr, box.origin.x + 1, box.origin.y + 1, box.size.width - 2, box.size.height - 2);
      cairo_stroke (cr);
    }
}

static void
update_accessible (UpAgendaView *self)
{
  UpCoverage *coverage;
  g_autofree char *label = NULL;
  g_autofree char *description = NULL;
  guint n_goals;

  if (self->area == NULL || self->project == NULL)
    return;

  coverage = ensure_coverage (self);
  /* What the chart's own figures say: the targets served, with a positive
   * impact; a goal only harmed is not served (the description says so). */
  n_goals = up_coverage_get_n_goals_served (coverage);
  /* Translators: the accessible name of the Agenda 2030 chart, as its centre
   * reads; %1$s is its title, %2$u the number of targets the procurement
   * serves (a positive impact), %3$u the number of goals they are in. */
  label = g_strdup_printf (ngettext ("%1$s: %2$u target served in %3$u of 17 goals",
                                     "%1$s: %2$u targets served in %3$u of 17 goals",
                                     up_coverage_get_n_served (coverage)),
                           up_chart_kind_get_title (self->kind, UP_LANG_UI),
                           up_coverage_get_n_served (coverage), n_goals);
  description = up_coverage_describe (coverage, UP_LANG_UI);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->area),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

static void
update_state (UpAgendaView *self)
{
  gboolean empty;

  if (!self->built)
    return;

  empty = self->project == NULL ||
          (up_project_count (self->project, "sdg_link") == 0 &&
           up_project_count (self->project, "local_goal") == 0);
  gtk_stack_set_visible_child_name (self->stack, empty ? "empty" : "charts");
  update_accessible (self);
  refresh_chart (self);
}

/* A title as a label shows it: a label lays out all of its text even when
 * it shows three lines of it, and a 1 MB title would stall the view. */
static char *
shorten (const char *text,
         glong       max_chars)
{
  const char *end;

  if (text == NULL)
    return g_strdup ("");
  if (g_utf8_strlen (text, max_chars * 4 + 1) <= max_chars)
    return g_strdup (text);

  end = g_utf8_offset_to_pointer (text, max_chars);

  return g_strdup_printf ("%.*s…", (int) (end - text), text);
}

static void
select_scope (UpAgendaView *self)
{
  guint position = 0;

  for (guint i = 0; i < self->scope_goals->len; i++)
    if (g_ptr_array_index (self->scope_goals, i) == self->local_goal)
      position = i + 1;

  self->updating_scope = TRUE;
  gtk_drop_down_set_selected (self->scope, position);
  self->updating_scope = FALSE;
}

static void
forget_lost_goal (UpAgendaView *self)
{
  self->lost_goal_id = 0;
  g_clear_pointer (&self->lost_goal_title, g_free);
}

static void
rebuild_scope (UpAgendaView *self)
{
  GListModel *goals;
  guint n_old;
  guint n;
  g_autoptr(GPtrArray) titles = g_ptr_array_new_null_terminated (0, g_free, TRUE);

  if (!self->built)
    return;

  g_ptr_array_set_size (self->scope_goals, 0);
  g_ptr_array_add (titles, g_strdup (_("The whole project")));

  goals = self->project ? up_project_get_local_goals (self->project) : NULL;
  n = goals ? g_list_model_get_n_items (goals) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(UpLocalGoal) goal = g_list_model_get_item (goals, i);

      g_ptr_array_add (self->scope_goals, g_object_ref (goal));
      g_ptr_array_add (titles, shorten (up_local_goal_get_title (goal), 300));
    }

  /* A goal that was deleted (or undone) takes the chart back to the whole
   * project, and the undo of its deletion to the goal again: the chart
   * stayed on the whole project, and whoever undid the deletion had to
   * find the goal again. The id alone could be a new goal's. */
  if (self->local_goal != NULL && !g_ptr_array_find (self->scope_goals, self->local_goal, NULL))
    {
      self->lost_goal_id = up_record_get_id (UP_RECORD (self->local_goal));
      g_free (self->lost_goal_title);
      self->lost_goal_title = g_strdup (up_local_goal_get_title (self->local_goal));
      g_clear_object (&self->local_goal);
      invalidate_coverage (self);
    }
  else if (self->local_goal == NULL && self->lost_goal_id != 0)
    {
      for (guint i = 0; i < self->scope_goals->len; i++)
        {
          UpLocalGoal *goal = g_ptr_array_index (self->scope_goals, i);

          if (up_record_get_id (UP_RECORD (goal)) != self->lost_goal_id)
            continue;
          if (g_strcmp0 (up_local_goal_get_title (goal), self->lost_goal_title) == 0)
            {
              g_set_object (&self->local_goal, goal);
              invalidate_coverage (self);
            }
          forget_lost_goal (self);
          break;
        }
    }

  self->updating_scope = TRUE;
  n_old = g_list_model_get_n_items (G_LIST_MODEL (self->scope_model));
  gtk_string_list_splice (self->scope_model, 0, n_old, (const char * const *) titles->pdata);
  self->updating_scope = FALSE;
  select_scope (self);
}

/* Every edit anywhere (a stage dragged on the timeline) lands here: a view
 * out of sight only notes it and catches up when it is shown. */
static void
on_project_changed (UpAgendaView *self)
{
  invalidate_coverage (self);

  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }

  update_state (self);
}

static void
on_local_goals_changed (UpAgendaView *self)
{
  invalidate_coverage (self);
  rebuild_scope (self);
  update_state (self);
}

static void
on_dark_changed (UpAgendaView *self)
{
  if (self->area != NULL)
    gtk_widget_queue_draw (self->area);
}

static void
on_kind_toggled (UpAgendaView    *self,
                 GtkToggleButton *button)
{
  if (!gtk_toggle_button_get_active (button))
    return;

  for (guint i = 0; i < G_N_ELEMENTS (chart_kinds); i++)
    if (self->kind_buttons[i] == button)
      self->kind = chart_kinds[i];

  update_accessible (self);
  refresh_chart (self);
}

static void
on_scope_selected (UpAgendaView *self)
{
  guint position;

  if (self->updating_scope)
    return;

  forget_lost_goal (self);
  position = gtk_drop_down_get_selected (self->scope);
  if (position == 0 || position == GTK_INVALID_LIST_POSITION || position > self->scope_goals->len)
    g_clear_object (&self->local_goal);
  else
    g_set_object (&self->local_goal, g_ptr_array_index (self->scope_goals, position - 1));
  invalidate_coverage (self);

  update_accessible (self);
  refresh_chart (self);
}

/* Export: a dialog for the chart, format, PNG size or PDF layout, and
 * language, then the file. */

typedef struct
{
  UpAgendaView    *self;
  UpChartKind      kind;
  UpExportFormat   format;
  UpPngSize        png_size;
  UpPdfLayout      pdf_layout;
  UpLang           lang;
  UpExportOptions *options;      /* the dialog's, while it is shown */
} ExportRequest;

static void export_chart (UpAgendaView   *self,
                          UpChartKind     kind,
                          UpExportFormat  format,
                          UpPngSize       png_size,
                          UpPdfLayout     pdf_layout,
                          UpLang          lang,
                          GFile          *file);

static void
export_request_free (ExportRequest *request)
{
  g_clear_object (&request->self);
  g_free (request);
}

/* A file being written. */
typedef struct
{
  UpAgendaView *self;
  UpProject    *project;
  GFile        *file;
  GApplication *app;           /* held: the process ends after the file is written */
} Writing;

static void
writing_free (Writing *writing)
{
  if (writing->app != NULL)
    g_application_release (writing->app);
  g_clear_object (&writing->app);
  g_clear_object (&writing->project);
  g_clear_object (&writing->file);
  g_clear_object (&writing->self);
  g_free (writing);
}

/* Export is on with a project, and off while a file is being written: a
 * second export would wait for a thread behind the first, and the button
 * going insensitive is what tells that the first one still runs. */
static void
update_export_action (UpAgendaView *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "agenda.export",
                                 self->project != NULL && self->n_exports == 0);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_STATE_BUSY,
                               self->n_exports > 0, -1);
}

static void
set_n_exports (UpAgendaView *self,
               guint         n_exports)
{
  gboolean was_exporting = self->n_exports > 0;

  self->n_exports = n_exports;
  update_export_action (self);
  if (was_exporting != (n_exports > 0))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXPORTING]);
}

static void
show_toast (UpAgendaView *self,
            const char   *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  g_autofree char *escaped = g_markup_escape_text (message, -1);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), up_toast_new (escaped));
}

static void
on_chart_written (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  Writing *writing = user_data;
  UpAgendaView *self = writing->self;
  g_autoptr(GError) error = NULL;
  gboolean written = up_export_chart_finish (writing->project, result, &error);

  g_assert (self->n_exports > 0);
  set_n_exports (self, self->n_exports - 1);

  /* The window may have been closed meanwhile: the file is written all the
   * same, and there is nobody to tell. */
  if (gtk_widget_get_root (GTK_WIDGET (self)) != NULL)
    {
      /* Export went insensitive and dropped the focus: it gets it back,
       * unless the user has moved on meanwhile. */
      if (self->export_button != NULL &&
          gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self))) == NULL)
        gtk_widget_grab_focus (self->export_button);

      if (written)
        {
          g_autofree char *name = g_file_get_basename (writing->file);
          /* Translators: a notification; %1$s is the file's name. */
          g_autofree char *message = g_strdup_printf (_("Exported “%1$s”"), name);

          show_toast (self, message);
        }
      else
        g_signal_emit (self, signals[ERROR], 0, error);
    }

  writing_free (writing);
}

static void
write_chart (GFile    *file,
             gpointer  user_data)
{
  ExportRequest *request = user_data;

  if (file != NULL && request->self->project != NULL)
    export_chart (request->self, request->kind, request->format, request->png_size, request->pdf_layout,
                  request->lang, file);
  export_request_free (request);
}

static void
on_file_chosen (GtkNativeDialog *chooser,
                int              response,
                ExportRequest   *request)
{
  g_autoptr(GFile) chosen = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);

  if (chosen == NULL)
    {
      export_request_free (request);
      return;
    }

  {
    /* The name typed decides the format ("x.pdf" is a PDF whatever the
     * dialog said); a name without an extension gets the chosen one's. */
    g_autoptr(GFile) file = up_file_util_for_export (chosen, &request->format);
    GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (request->self));

    up_file_util_confirm_replace (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, chosen, file,
                                  write_chart, request);
  }
}

static void
choose_file (ExportRequest *request)
{
  UpAgendaView *self = request->self;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *chooser;
  g_autofree char *name = up_agenda_view_suggest_file_name (self, request->kind, request->format,
                                                             request->lang);
  g_autoptr(GFile) folder = NULL;

  chooser = gtk_file_chooser_native_new (_("Export Chart"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  up_file_util_add_export_filter (GTK_FILE_CHOOSER (chooser), request->format);
  folder = up_file_util_export_folder (self->project);
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
  g_signal_connect (chooser, "response", G_CALLBACK (on_file_chosen), request);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_export_response (AdwMessageDialog *dialog,
                    const char       *response,
                    ExportRequest    *request)
{
  UpAgendaView *self = request->self;

  if (g_strcmp0 (response, "export") != 0 || self->project == NULL)
    {
      export_request_free (request);
      return;
    }

  request->kind = chart_kinds[MIN (up_export_options_get_chart (request->options),
                                   G_N_ELEMENTS (chart_kinds) - 1)];
  request->format = up_export_options_get_format (request->options);
  request->png_size = up_export_options_get_png_size (request->options);
  request->pdf_layout = up_export_options_get_pdf_layout (request->options);
  request->lang = up_export_options_get_lang (request->options);
  up_export_options_remember (request->options);
  request->options = NULL;

  choose_file (request);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  UpAgendaView *self = UP_AGENDA_VIEW (widget);
  ExportRequest *request;
  AdwMessageDialog *dialog;
  const char *kind_titles[G_N_ELEMENTS (chart_kinds)];
  guint kind = 0;

  if (self->project == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (chart_kinds); i++)
    {
      kind_titles[i] = _(chart_kind_labels[i]);
      if (chart_kinds[i] == self->kind)
        kind = i;
    }

  request = g_new0 (ExportRequest, 1);
  request->self = g_object_ref (self);
  /* The same rows as the grid's export, the chart first. */
  request->options = UP_EXPORT_OPTIONS (up_export_options_new ());
  up_export_options_set_charts (request->options, kind_titles, G_N_ELEMENTS (kind_titles), kind);

  dialog = up_export_options_dialog_new (widget, _("Export Chart"), request->options);
  g_signal_connect (dialog, "response", G_CALLBACK (on_export_response), request);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* How wide the scope's open choices are at least, in characters. */
#define SCOPE_CHOICE_CHARS 30

static void
setup_scope_item (GtkSignalListItemFactory *factory,
                  GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  /* A local goal's long title may be cut, but not the first choice: in a
   * narrow window the drop-down keeps room for it whole. */
  gtk_label_set_width_chars (GTK_LABEL (label), g_utf8_strlen (_("The whole project"), -1));
  gtk_label_set_max_width_chars (GTK_LABEL (label), 36);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_list_item_set_child (item, label);
}

static void
bind_scope_item (GtkSignalListItemFactory *factory,
                 GtkListItem              *item)
{
  GtkStringObject *string = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);

  gboolean in_choices = gtk_widget_get_ancestor (label, GTK_TYPE_POPOVER) != NULL;

  /* The open choices are as wide as the button, which a narrow window
   * makes a dozen letters wide: the goals read "Andel resor …", "Andel
   * resor …", and could not be told apart. There they are wider than the
   * button, and a long title wraps, up to three lines; the button keeps
   * one line. As wide at most, too: the list is as high as its choices
   * measured at their natural widths, and a choice whose natural width was
   * its whole title in one line, wrapped in the list, had the list
   * scroll, the last choice cut in half. */
  if (in_choices)
    {
      gtk_label_set_width_chars (GTK_LABEL (label), SCOPE_CHOICE_CHARS);
      gtk_label_set_max_width_chars (GTK_LABEL (label), SCOPE_CHOICE_CHARS);
    }
  gtk_label_set_wrap (GTK_LABEL (label), in_choices);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (label), in_choices ? 3 : -1);
  gtk_label_set_text (GTK_LABEL (label), gtk_string_object_get_string (string));
  gtk_widget_set_tooltip_text (label, gtk_string_object_get_string (string));
  /* A choice of the popup takes the focus, and a screen reader read it
   * as "". */
  up_a11y_util_name_row (label, gtk_string_object_get_string (string));
}

static void
build (UpAgendaView *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *toolbar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *kinds = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *scope_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *scope_label = gtk_label_new (_("Show coverage for"));
  GtkWidget *export = gtk_button_new ();
  GtkWidget *export_content = adw_button_content_new ();
  GtkWidget *empty = adw_status_page_new ();
  GtkWidget *scrolled;
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  self->built = TRUE;

  gtk_widget_add_css_class (kinds, "linked");
  gtk_accessible_update_property (GTK_ACCESSIBLE (kinds), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Chart"), -1);
  for (guint i = 0; i < G_N_ELEMENTS (chart_kinds); i++)
    {
      GtkWidget *button = gtk_toggle_button_new_with_label (_(chart_kind_labels[i]));
      g_autofree char *name = g_strdup_printf ("agenda-chart-%s", up_chart_kind_get_name (chart_kinds[i]));

      gtk_widget_set_name (button, name);
      gtk_widget_set_tooltip_text (button, up_chart_kind_get_title (chart_kinds[i], UP_LANG_UI));
      if (i > 0)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), self->kind_buttons[0]);
      self->kind_buttons[i] = GTK_TOGGLE_BUTTON (button);
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), chart_kinds[i] == self->kind);
      g_signal_connect_object (button, "toggled", G_CALLBACK (on_kind_toggled), self, G_CONNECT_SWAPPED);
      gtk_box_append (GTK_BOX (kinds), button);
    }
  gtk_box_append (GTK_BOX (toolbar), kinds);

  self->scope_model = gtk_string_list_new (NULL);
  self->scope = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (self->scope_model)), NULL));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_scope_item), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_scope_item), NULL);
  gtk_drop_down_set_factory (self->scope, factory);
  gtk_widget_set_name (GTK_WIDGET (self->scope), "agenda-scope");
  /* Its inner button takes the focus, and a screen reader read it as
   * "GtkToggleButton": named from the tooltip and the choice. */
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->scope), _("Show the Coverage of the Project or of One Local Goal"));
  up_a11y_util_name_controls (GTK_WIDGET (self->scope));
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->scope), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  scope_label, NULL, -1);
  g_signal_connect_object (self->scope, "notify::selected", G_CALLBACK (on_scope_selected), self, G_CONNECT_SWAPPED);
  gtk_widget_add_css_class (scope_label, "dim-label");
  /* In a window too narrow for it (large text, Swedish) the label steps
   * aside: the drop-down still shows what is chosen, and the label still
   * names it for a screen reader. */
  {
    GtkWidget *squeezer = adw_squeezer_new ();

    adw_squeezer_set_allow_none (ADW_SQUEEZER (squeezer), TRUE);
    adw_squeezer_set_homogeneous (ADW_SQUEEZER (squeezer), FALSE);
    adw_squeezer_set_xalign (ADW_SQUEEZER (squeezer), 1);
    adw_squeezer_set_transition_type (ADW_SQUEEZER (squeezer), ADW_SQUEEZER_TRANSITION_TYPE_NONE);
    adw_squeezer_add (ADW_SQUEEZER (squeezer), scope_label);
    gtk_widget_set_hexpand (squeezer, TRUE);
    gtk_box_append (GTK_BOX (scope_box), squeezer);
  }
  gtk_box_append (GTK_BOX (scope_box), GTK_WIDGET (self->scope));
  gtk_widget_set_hexpand (scope_box, TRUE);
  gtk_widget_set_halign (scope_box, GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (toolbar), scope_box);

  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (export_content), "document-save-as-symbolic");
  adw_button_content_set_label (ADW_BUTTON_CONTENT (export_content), _("_Export…"));
  adw_button_content_set_use_underline (ADW_BUTTON_CONTENT (export_content), TRUE);
  /* In a window too narrow for its label, the button shows its icon only. */
  {
    GtkWidget *squeezer = adw_squeezer_new ();

    adw_squeezer_set_homogeneous (ADW_SQUEEZER (squeezer), FALSE);
    adw_squeezer_set_transition_type (ADW_SQUEEZER (squeezer), ADW_SQUEEZER_TRANSITION_TYPE_NONE);
    adw_squeezer_add (ADW_SQUEEZER (squeezer), export_content);
    adw_squeezer_add (ADW_SQUEEZER (squeezer), gtk_image_new_from_icon_name ("document-save-as-symbolic"));
    gtk_button_set_child (GTK_BUTTON (export), squeezer);
  }
  /* Named by its label ("Export…", labelled-by through its mnemonic),
   * also while only the icon shows; the tooltip is its description. A
   * name of its own as well was read run together with the label's
   * ("Export the chart as an image or a PDF Export…"). */
  gtk_widget_set_tooltip_text (export, _("Export the Chart as an Image or a PDF"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (export), "agenda.export");
  self->export_button = export;
  gtk_box_append (GTK_BOX (toolbar), export);

  gtk_widget_set_margin_top (toolbar, 12);
  gtk_widget_set_margin_bottom (toolbar, 6);
  gtk_widget_set_margin_start (toolbar, 12);
  gtk_widget_set_margin_end (toolbar, 12);
  gtk_box_append (GTK_BOX (box), toolbar);

  /* An image a screen reader reaches with Tab, which reads its name (the
   * coverage) and description (each goal's): a drawing area is a filler,
   * and one that cannot take the focus was out of reach but for review. */
  self->area = g_object_new (GTK_TYPE_DRAWING_AREA,
                             "accessible-role", GTK_ACCESSIBLE_ROLE_IMG,
                             "focusable", TRUE,
                             NULL);
  gtk_widget_set_name (self->area, "agenda-chart");
  gtk_widget_set_hexpand (self->area, TRUE);
  gtk_widget_set_vexpand (self->area, TRUE);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->area), draw_chart, self, NULL);
  g_signal_connect (self->area, "notify::has-focus", G_CALLBACK (gtk_widget_queue_draw), NULL);
  /* Where the view is smaller than the chart at MIN_CHART_SCALE. */
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), self->area);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_widget_set_margin_start (scrolled, 12);
  gtk_widget_set_margin_end (scrolled, 12);
  gtk_widget_set_margin_bottom (scrolled, 12);
  gtk_box_append (GTK_BOX (box), scrolled);

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "io.github.upphandla.Upphandla-agenda-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (empty), _("No Agenda 2030 Links Yet"));
  adw_status_page_set_description (ADW_STATUS_PAGE (empty),
                                   _("Link the stages to targets of the global goals in the stage details, and the coverage is charted here."));

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_add_named (self->stack, empty, "empty");
  gtk_stack_add_named (self->stack, box, "charts");
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->stack));

  rebuild_scope (self);
  update_state (self);
}

static void
up_agenda_view_map (GtkWidget *widget)
{
  UpAgendaView *self = UP_AGENDA_VIEW (widget);

  GTK_WIDGET_CLASS (up_agenda_view_parent_class)->map (widget);

  /* A child added while mapping is mapped by the bin itself. */
  if (!self->built)
    build (self);
  else if (self->stale)
    update_state (self);
  self->stale = FALSE;
}

static void
up_agenda_view_dispose (GObject *object)
{
  UpAgendaView *self = UP_AGENDA_VIEW (object);

  if (self->project_signals != NULL)
    g_signal_group_set_target (self->project_signals, NULL);
  g_clear_object (&self->project_signals);
  g_clear_object (&self->project);
  g_clear_object (&self->local_goal);
  forget_lost_goal (self);
  invalidate_coverage (self);
  g_clear_object (&self->scope_model);
  g_clear_pointer (&self->scope_goals, g_ptr_array_unref);

  G_OBJECT_CLASS (up_agenda_view_parent_class)->dispose (object);
}

static void
up_agenda_view_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  UpAgendaView *self = UP_AGENDA_VIEW (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;

    case PROP_EXPORTING:
      g_value_set_boolean (value, self->n_exports > 0);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
up_agenda_view_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  UpAgendaView *self = UP_AGENDA_VIEW (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      up_agenda_view_set_project (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
up_agenda_view_class_init (UpAgendaViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = up_agenda_view_dispose;
  object_class->get_property = up_agenda_view_get_property;
  object_class->set_property = up_agenda_view_set_property;
  widget_class->map = up_agenda_view_map;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL,
                         UP_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_EXPORTING] =
    g_param_spec_boolean ("exporting", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[ERROR] =
    g_signal_new ("error",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_ERROR);

  gtk_widget_class_install_action (widget_class, "agenda.export", NULL, export_action);
}

static void
up_agenda_view_init (UpAgendaView *self)
{
  self->kind = UP_CHART_WHEEL;
  self->scope_goals = g_ptr_array_new_with_free_func (g_object_unref);

  self->project_signals = g_signal_group_new (UP_TYPE_PROJECT);
  g_signal_group_connect_object (self->project_signals, "changed",
                                 G_CALLBACK (on_project_changed), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->project_signals, "changed::local_goal",
                                 G_CALLBACK (on_local_goals_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_dark_changed), self, G_CONNECT_SWAPPED);
}

GtkWidget *
up_agenda_view_new (void)
{
  return g_object_new (UP_TYPE_AGENDA_VIEW, NULL);
}

UpProject *
up_agenda_view_get_project (UpAgendaView *self)
{
  g_return_val_if_fail (UP_IS_AGENDA_VIEW (self), NULL);

  return self->project;
}

void
up_agenda_view_set_project (UpAgendaView *self,
                            UpProject    *project)
{
  g_return_if_fail (UP_IS_AGENDA_VIEW (self));
  g_return_if_fail (project == NULL || UP_IS_PROJECT (project));

  if (!g_set_object (&self->project, project))
    return;

  g_clear_object (&self->local_goal);
  forget_lost_goal (self);
  invalidate_coverage (self);
  g_signal_group_set_target (self->project_signals, project);
  update_export_action (self);
  rebuild_scope (self);
  update_state (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}

UpChartKind
up_agenda_view_get_chart (UpAgendaView *self)
{
  g_return_val_if_fail (UP_IS_AGENDA_VIEW (self), UP_CHART_WHEEL);

  return self->kind;
}

UpLocalGoal *
up_agenda_view_get_local_goal (UpAgendaView *self)
{
  g_return_val_if_fail (UP_IS_AGENDA_VIEW (self), NULL);

  return self->local_goal;
}

void
up_agenda_view_show_local_goal (UpAgendaView *self,
                                UpLocalGoal  *goal)
{
  g_return_if_fail (UP_IS_AGENDA_VIEW (self));
  g_return_if_fail (goal == NULL || UP_IS_LOCAL_GOAL (goal));

  forget_lost_goal (self);
  if (!g_set_object (&self->local_goal, goal))
    return;

  invalidate_coverage (self);
  if (self->built)
    {
      select_scope (self);
      update_accessible (self);
      refresh_chart (self);
    }
}

/**
 * up_agenda_view_get_chart_bounds:
 *
 * Where the chart is drawn, in the coordinates of the chart's drawing
 * area (the widget named "agenda-chart"), and with which options: for hit
 * tests and for tests that look at a sector of the wheel. FALSE before the
 * view is built or without a project.
 */
gboolean
up_agenda_view_get_chart_bounds (UpAgendaView    *self,
                                 graphene_rect_t *bounds,
                                 UpChartOptions  *options)
{
  g_return_val_if_fail (UP_IS_AGENDA_VIEW (self), FALSE);
  g_return_val_if_fail (bounds != NULL, FALSE);

  if (!self->built || self->project == NULL)
    return FALSE;

  {
    UpChartOptions shown;

    chart_box (self, gtk_widget_get_width (self->area), gtk_widget_get_height (self->area), bounds,
               &shown);
    if (options != NULL)
      *options = shown;
  }

  return TRUE;
}

/**
 * up_agenda_view_export:
 *
 * What Export… does once the file is chosen: @kind of the project, for the
 * local goal shown, in @format and @lang, written to @file. The chart is
 * drawn and written on a thread from a snapshot of the project taken now,
 * so the window goes on meanwhile and an edit made then is not in the
 * file; Export is off and #UpAgendaView:exporting is TRUE until the file
 * is written. A toast or the "error" signal tells how it went.
 */
void
up_agenda_view_export (UpAgendaView   *self,
                       UpChartKind     kind,
                       UpExportFormat  format,
                       UpLang          lang,
                       GFile          *file)
{
  g_return_if_fail (UP_IS_AGENDA_VIEW (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (self->project != NULL);

  export_chart (self, kind, format, UP_PNG_SIZE_SCREEN, UP_PDF_LAYOUT_PAGES, lang, file);
}

/* up_agenda_view_export() with a PNG's size from the export dialog; the
 * width follows from the chart as it is drawn now, for the local goal
 * shown, as the snapshot taken here draws it. */
static void
export_chart (UpAgendaView   *self,
              UpChartKind     kind,
              UpExportFormat  format,
              UpPngSize       png_size,
              UpPdfLayout     pdf_layout,
              UpLang          lang,
              GFile          *file)
{
  UpChartOptions options;
  Writing *writing;
  int png_width = 0;

  up_chart_options_init (&options);
  options.lang = lang;
  options.local_goal = self->local_goal;
  options.decorations = TRUE;
  if (format == UP_EXPORT_PNG)
    {
      up_export_options_lay_out (png_size, self->project, kind, &options);
      png_width = up_export_options_get_png_width (png_size, self->project, kind, &options);
    }
  else if (format == UP_EXPORT_PDF)
    up_export_options_lay_out_pdf (pdf_layout, self->project, kind, &options);

  writing = g_new0 (Writing, 1);
  writing->self = g_object_ref (self);
  writing->project = g_object_ref (self->project);
  writing->file = g_object_ref (file);
  writing->app = g_application_get_default ();
  if (writing->app != NULL)
    {
      g_object_ref (writing->app);
      g_application_hold (writing->app);
    }
  set_n_exports (self, self->n_exports + 1);

  up_export_chart_async (self->project, kind, format, &options, png_width, file, NULL,
                         on_chart_written, writing);
}

gboolean
up_agenda_view_get_exporting (UpAgendaView *self)
{
  g_return_val_if_fail (UP_IS_AGENDA_VIEW (self), FALSE);

  return self->n_exports > 0;
}

gboolean
up_agenda_view_focus_chart (UpAgendaView *self)
{
  g_return_val_if_fail (UP_IS_AGENDA_VIEW (self), FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (chart_kinds); i++)
    if (self->kind_buttons[i] != NULL && gtk_toggle_button_get_active (self->kind_buttons[i]))
      return gtk_widget_grab_focus (GTK_WIDGET (self->kind_buttons[i]));
  return FALSE;
}

char *
up_agenda_view_suggest_file_name (UpAgendaView   *self,
                                  UpChartKind     kind,
                                  UpExportFormat  format,
                                  UpLang          lang)
{
  g_return_val_if_fail (UP_IS_AGENDA_VIEW (self), NULL);
  g_return_val_if_fail (self->project != NULL, NULL);

  /* The charts of each goal, exported one after the other, were offered
   * the one name, and each replaced the last. The grid is the
   * stakeholders', whatever the goal. */
  return up_file_util_export_name (self->project, kind, kind != UP_CHART_GRID ? self->local_goal : NULL,
                                   format, lang);
}
