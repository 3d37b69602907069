/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "Upphandla"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "up-stakeholder-grid.h"
#include "up-menu-util.h"

/* The chart itself, its cells and the marks in them are the core's
 * (up_chart_draw and the up_chart_grid_* geometry, which take the same
 * width and height): the widget draws the chart over its whole area and
 * asks the core where things are, so the screen and the exports cannot
 * disagree. The widget adds what only a screen has: the outline of the
 * selected stakeholder's cell, the drag and the keys. */

#define MIN_VALUE 1
/* Half the side of the box around a mark that stands for it (pixels). */
#define MARK_EXTENT 10
#define MAX_VALUE 5

/* The accessible stand-in of one line the grid draws: a list item that
 * names the stakeholder, its two values and its quadrant, placed over its
 * mark, or that counts the stakeholders of a full cell's "+ N more" line.
 * Only what is drawn has one, so that a grid of thousands of stakeholders
 * makes no more than 5 a cell; the register lists everyone. The grid takes
 * the pointer itself. A "+ N more" line is a button for the keyboard: Tab
 * from the grid goes to it, Return or Space lists those it counts. */
#define UP_TYPE_STAKEHOLDER_GRID_MARK (up_stakeholder_grid_mark_get_type ())

G_DECLARE_FINAL_TYPE (UpStakeholderGridMark, up_stakeholder_grid_mark, UP, STAKEHOLDER_GRID_MARK, GtkWidget)

struct _UpStakeholderGridMark
{
  GtkWidget      parent_instance;

  UpStakeholder *stakeholder;   /* NULL: a "+ N more" line */
  guint          n_more;
  int            influence;
  int            interest;
};

G_DEFINE_FINAL_TYPE (UpStakeholderGridMark, up_stakeholder_grid_mark, GTK_TYPE_WIDGET)

typedef struct
{
  UpStakeholder *stakeholder;   /* NULL: no drag, or it was cancelled */
  double         start_x;
  double         start_y;
  int            influence;
  int            interest;
} DragState;

struct _UpStakeholderGrid
{
  GtkWidget      parent_instance;

  UpProject     *project;
  UpStakeholder *selected;
  GSignalGroup  *project_signals;

  GPtrArray     *marks;
  gboolean       marks_dirty;

  GdkRGBA        accent;
  gboolean       dark;

  GtkGesture    *drag_gesture;
  DragState      drag;

  GtkWidget     *more_popover;  /* the stakeholders of a "+ N more" line */
  int            more_influence; /* its cell, while it is open */
  int            more_interest;
  gboolean       more_chosen;   /* someone in it was chosen */

  GMenuModel    *context_model; /* the menu of the selected stakeholder, or NULL */
  GtkWidget     *context_menu;  /* its GtkPopoverMenu, made when first opened */
};

G_DEFINE_FINAL_TYPE (UpStakeholderGrid, up_stakeholder_grid, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PROJECT,
  PROP_SELECTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  ERROR,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Mark */

static void open_more (UpStakeholderGrid *self,
                       int                influence,
                       int                interest);

static gboolean
mark_activate (GtkWidget *widget,
               GVariant  *args,
               gpointer   user_data)
{
  UpStakeholderGridMark *mark = UP_STAKEHOLDER_GRID_MARK (widget);
  GtkWidget *grid = gtk_widget_get_parent (widget);

  if (mark->stakeholder != NULL || !UP_IS_STAKEHOLDER_GRID (grid))
    return FALSE;

  open_more (UP_STAKEHOLDER_GRID (grid), mark->influence, mark->interest);
  return TRUE;
}

static void
up_stakeholder_grid_mark_dispose (GObject *object)
{
  UpStakeholderGridMark *self = UP_STAKEHOLDER_GRID_MARK (object);

  g_clear_object (&self->stakeholder);

  G_OBJECT_CLASS (up_stakeholder_grid_mark_parent_class)->dispose (object);
}

static void
up_stakeholder_grid_mark_class_init (UpStakeholderGridMarkClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = up_stakeholder_grid_mark_dispose;

  gtk_widget_class_set_css_name (widget_class, "mark");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LIST_ITEM);

  /* The keys of a button, on a "+ N more" line. */
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Return, 0, mark_activate, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Enter, 0, mark_activate, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_ISO_Enter, 0, mark_activate, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_space, 0, mark_activate, NULL);
}

static void
up_stakeholder_grid_mark_init (UpStakeholderGridMark *self)
{
  gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);
}

/* Helpers */

static int
clamp_value (int value)
{
  return CLAMP (value, MIN_VALUE, MAX_VALUE);
}

static gboolean
is_alive (UpStakeholderGrid *self,
          UpStakeholder     *stakeholder)
{
  return self->project != NULL && stakeholder != NULL &&
         up_project_lookup (self->project, "stakeholder",
                            up_record_get_id (UP_RECORD (stakeholder))) == UP_RECORD (stakeholder);
}

static void
report_error (UpStakeholderGrid *self,
              const GError      *error)
{
  g_debug ("Edit refused: %s", error->message);
  g_signal_emit (self, signals[ERROR], 0, error);
}

/* The rectangle of the cell at @influence, @interest, from the distance
 * between the centres of neighbouring cells; FALSE while the core has no
 * geometry to give (an empty area). */
static gboolean
get_cell_rect (UpStakeholderGrid *self,
               int                influence,
               int                interest,
               graphene_rect_t   *rect)
{
  UpChartOptions options;
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  double x, y, x1, y1, x2, y2, cw, ch;

  if (self->project == NULL || width < 1 || height < 1)
    return FALSE;

  up_stakeholder_grid_get_options (self, &options);
  up_chart_grid_cell_centre (self->project, &options, width, height, influence, interest, &x, &y);
  up_chart_grid_cell_centre (self->project, &options, width, height, 1, 1, &x1, &y1);
  up_chart_grid_cell_centre (self->project, &options, width, height, 2, 2, &x2, &y2);

  cw = fabs (x2 - x1);
  ch = fabs (y2 - y1);
  if (cw < 1 || ch < 1)
    return FALSE;

  graphene_rect_init (rect, x - cw / 2, y - ch / 2, cw, ch);
  return TRUE;
}

/* The centre of @stakeholder's mark, at the preview values while it is
 * dragged; FALSE when its cell is too full for a mark of its own. */
static gboolean
get_mark_centre (UpStakeholderGrid *self,
                 UpStakeholder     *stakeholder,
                 double            *x,
                 double            *y,
                 double            *ring)
{
  UpChartOptions options;
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));

  if (self->project == NULL || width < 1 || height < 1)
    return FALSE;

  up_stakeholder_grid_get_options (self, &options);
  return up_chart_grid_stakeholder_mark (self->project, &options, width, height,
                                         stakeholder, x, y, ring);
}

static void
get_values (UpStakeholderGrid *self,
            UpStakeholder     *stakeholder,
            int               *influence,
            int               *interest)
{
  if (self->drag.stakeholder != NULL && self->drag.stakeholder == stakeholder)
    {
      *influence = self->drag.influence;
      *interest = self->drag.interest;
    }
  else
    {
      *influence = up_stakeholder_get_influence (stakeholder);
      *interest = up_stakeholder_get_interest (stakeholder);
    }
}

/* Marks */

static char *
more_label (UpStakeholderGridMark *mark)
{
  /* Translators: The last line of a full cell of the power/interest
   * grid as a screen reader reads it: %1$u stakeholders more are in the
   * cell of influence %2$d and interest %3$d (1 to 5), %4$s is its
   * quadrant ("Manage closely"). */
  return g_strdup_printf (ngettext ("%1$u more stakeholder: influence %2$d, interest %3$d, %4$s",
                                    "%1$u more stakeholders: influence %2$d, interest %3$d, %4$s",
                                    mark->n_more),
                          mark->n_more, mark->influence, mark->interest,
                          up_stakeholder_grid_quadrant_label (mark->influence, mark->interest));
}

static void
update_mark (UpStakeholderGrid     *self,
             UpStakeholderGridMark *mark)
{
  g_autofree char *label = NULL;

  if (mark->stakeholder != NULL)
    label = up_stakeholder_grid_describe (mark->stakeholder);
  else
    label = more_label (mark);

  gtk_accessible_update_property (GTK_ACCESSIBLE (mark),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  gtk_accessible_update_state (GTK_ACCESSIBLE (mark),
                               GTK_ACCESSIBLE_STATE_SELECTED,
                               mark->stakeholder != NULL && mark->stakeholder == self->selected,
                               -1);
}

static void
clear_marks (UpStakeholderGrid *self)
{
  for (guint i = 0; i < self->marks->len; i++)
    gtk_widget_unparent (g_ptr_array_index (self->marks, i));
  g_ptr_array_set_size (self->marks, 0);
}

/* The options the stand-ins are laid out with: the stored values, also
 * while a stakeholder is dragged, since a drag moves nothing until it is
 * committed, and then the marks are made anew. */
static void
get_mark_options (UpStakeholderGrid *self,
                  UpChartOptions    *options)
{
  up_stakeholder_grid_get_options (self, options);
  options->preview_stakeholder = 0;
}

/* One stand-in per line the chart draws, in the order the chart lays them
 * out. Which lines those are depends on the stakeholders only, never on
 * the size, so any size will do to list them. */
static void
ensure_marks (UpStakeholderGrid *self)
{
  g_autoptr(GArray) lines = NULL;
  g_autoptr(GtkWidget) focused_mark = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  UpChartOptions options;
  guint n;

  if (!self->marks_dirty)
    return;
  self->marks_dirty = FALSE;

  /* A "+ N more" button with the focus may go below (its cell no longer
   * full): the focus then goes to the grid, not to nothing. */
  if (root != NULL && gtk_root_get_focus (root) != NULL &&
      gtk_widget_get_parent (gtk_root_get_focus (root)) == GTK_WIDGET (self) &&
      UP_IS_STAKEHOLDER_GRID_MARK (gtk_root_get_focus (root)))
    focused_mark = g_object_ref (gtk_root_get_focus (root));

  if (self->project != NULL)
    {
      get_mark_options (self, &options);
      lines = up_chart_grid_list_marks (self->project, &options, 0, 0);
    }
  n = lines != NULL ? lines->len : 0;

  while (self->marks->len > n)
    {
      gtk_widget_unparent (g_ptr_array_index (self->marks, self->marks->len - 1));
      g_ptr_array_set_size (self->marks, self->marks->len - 1);
    }
  while (self->marks->len < n)
    {
      GtkWidget *mark = g_object_new (UP_TYPE_STAKEHOLDER_GRID_MARK, NULL);

      gtk_widget_set_parent (mark, GTK_WIDGET (self));
      g_ptr_array_add (self->marks, mark);
    }

  for (guint i = 0; i < n; i++)
    {
      UpStakeholderGridMark *mark = g_ptr_array_index (self->marks, i);
      const UpGridMark *line = &g_array_index (lines, UpGridMark, i);
      gboolean more = line->stakeholder == NULL;

      /* A "+ N more" line is a button, a stakeholder's mark an item of the
       * list: GTK 4.8 sets a role only as a widget is made. */
      if (more != gtk_widget_has_css_class (GTK_WIDGET (mark), "more"))
        {
          GtkWidget *made = g_object_new (UP_TYPE_STAKEHOLDER_GRID_MARK,
                                          "accessible-role", more ? GTK_ACCESSIBLE_ROLE_BUTTON
                                                                  : GTK_ACCESSIBLE_ROLE_LIST_ITEM,
                                          NULL);

          if (more)
            {
              gtk_widget_add_css_class (made, "more");
              gtk_widget_set_focusable (made, TRUE);
              gtk_accessible_update_property (GTK_ACCESSIBLE (made),
                                              GTK_ACCESSIBLE_PROPERTY_HAS_POPUP, TRUE,
                                              -1);
            }
          gtk_widget_insert_before (made, GTK_WIDGET (self), GTK_WIDGET (mark));
          gtk_widget_unparent (GTK_WIDGET (mark));
          g_ptr_array_index (self->marks, i) = made;
          mark = UP_STAKEHOLDER_GRID_MARK (made);
        }

      g_set_object (&mark->stakeholder, line->stakeholder);
      mark->n_more = line->n_more;
      mark->influence = line->influence;
      mark->interest = line->interest;
      update_mark (self, mark);
    }

  if (focused_mark != NULL && gtk_widget_get_parent (focused_mark) != GTK_WIDGET (self))
    gtk_widget_grab_focus (GTK_WIDGET (self));
}

static void
update_accessible_selection (UpStakeholderGrid *self)
{
  for (guint i = 0; i < self->marks->len; i++)
    {
      UpStakeholderGridMark *mark = g_ptr_array_index (self->marks, i);

      gtk_accessible_update_state (GTK_ACCESSIBLE (mark),
                                   GTK_ACCESSIBLE_STATE_SELECTED,
                                   mark->stakeholder != NULL && mark->stakeholder == self->selected,
                                   -1);
    }

  if (self->selected != NULL)
    {
      g_autofree char *label = up_stakeholder_grid_describe (self->selected);

      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, label,
                                      -1);
    }
  else
    {
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
}

/* Edits */

/* Moves @stakeholder to @influence, @interest: one undo step, whichever of
 * the two values change. */
static gboolean
commit_values (UpStakeholderGrid *self,
               UpStakeholder     *stakeholder,
               int                influence,
               int                interest)
{
  g_autoptr(GError) error = NULL;
  gboolean influence_changed;
  gboolean interest_changed;

  if (!is_alive (self, stakeholder))
    return FALSE;

  influence_changed = influence != up_stakeholder_get_influence (stakeholder);
  interest_changed = interest != up_stakeholder_get_interest (stakeholder);
  if (!influence_changed && !interest_changed)
    return FALSE;

  /* Translators: The undo step of dragging a stakeholder in the grid. */
  up_project_begin_group (self->project, _("Move Stakeholder"));
  if ((influence_changed &&
       !up_project_set_int (self->project, stakeholder, "influence", influence, &error)) ||
      (interest_changed &&
       !up_project_set_int (self->project, stakeholder, "interest", interest, &error)))
    {
      /* end_group() rolls the whole group back after an error. */
      up_project_end_group (self->project, NULL);
    }
  else
    {
      up_project_end_group (self->project, &error);
    }

  if (error != NULL)
    {
      report_error (self, error);
      return FALSE;
    }

  return TRUE;
}

static void
cancel_drag (UpStakeholderGrid *self)
{
  if (self->drag.stakeholder == NULL)
    return;

  g_clear_object (&self->drag.stakeholder);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Callbacks */

static void
on_project_changed (UpStakeholderGrid *self)
{
  /* A stakeholder deleted while it is dragged: drop the drag. */
  if (self->drag.stakeholder != NULL && !is_alive (self, self->drag.stakeholder))
    cancel_drag (self);
  if (self->selected != NULL && !is_alive (self, self->selected))
    up_stakeholder_grid_set_selected (self, NULL);

  self->marks_dirty = TRUE;
  ensure_marks (self);
  update_accessible_selection (self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_dark_changed (UpStakeholderGrid *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The cell whose "+ N more" line is under @x, @y; FALSE when none is. */
static gboolean
more_line_at (UpStakeholderGrid *self,
              double             x,
              double             y,
              int               *influence,
              int               *interest,
              double            *line_y,
              GArray           **marks)
{
  UpChartOptions options;
  g_autoptr(GArray) lines = NULL;

  get_mark_options (self, &options);
  lines = up_chart_grid_list_marks (self->project, &options,
                                    gtk_widget_get_width (GTK_WIDGET (self)),
                                    gtk_widget_get_height (GTK_WIDGET (self)));
  for (guint i = 0; i < lines->len; i++)
    {
      const UpGridMark *line = &g_array_index (lines, UpGridMark, i);
      graphene_rect_t cell;

      /* The line is as tall as a mark and as wide as its cell. */
      if (line->stakeholder != NULL || fabs (y - line->y) > MARK_EXTENT ||
          !get_cell_rect (self, line->influence, line->interest, &cell) ||
          x < cell.origin.x || x > cell.origin.x + cell.size.width)
        continue;

      *influence = line->influence;
      *interest = line->interest;
      *line_y = line->y;
      *marks = g_steal_pointer (&lines);
      return TRUE;
    }

  return FALSE;
}

/* The "+ N more" button of the cell @influence, @interest, or NULL. */
static GtkWidget *
find_more_mark (UpStakeholderGrid *self,
                int                influence,
                int                interest)
{
  for (guint i = 0; i < self->marks->len; i++)
    {
      UpStakeholderGridMark *mark = g_ptr_array_index (self->marks, i);

      if (mark->stakeholder == NULL && mark->influence == influence && mark->interest == interest)
        return GTK_WIDGET (mark);
    }
  return NULL;
}

static void
on_more_chosen (GtkButton         *button,
                UpStakeholderGrid *self)
{
  UpStakeholder *stakeholder = g_object_get_data (G_OBJECT (button), "stakeholder");

  self->more_chosen = stakeholder != NULL && is_alive (self, stakeholder);
  gtk_popover_popdown (GTK_POPOVER (self->more_popover));
  if (self->more_chosen)
    up_stakeholder_grid_set_selected (self, stakeholder);
}

/* The list closed: the focus goes back where it came from, the "+ N
 * more" button (as a menu button's popover gives it back), or, with
 * someone chosen, to the grid, where the arrows go on from them. */
static void
on_more_closed (UpStakeholderGrid *self,
                GtkPopover        *popover)
{
  GtkWidget *more = find_more_mark (self, self->more_influence, self->more_interest);

  if (self->more_chosen || more == NULL || !gtk_widget_grab_focus (more))
    gtk_widget_grab_focus (GTK_WIDGET (self));
}

/* Up and Down go from person to person in the list, and no further: the
 * list is a child of the grid, whose own arrow keys chose another
 * stakeholder and took the focus out of the list. */
static gboolean
on_more_key_pressed (GtkEventControllerKey *controller,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state,
                     GtkWidget             *popover)
{
  GtkDirectionType direction;

  switch (keyval)
    {
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      direction = GTK_DIR_UP;
      break;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      direction = GTK_DIR_DOWN;
      break;
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      return TRUE;
    default:
      return FALSE;
    }

  if (!gtk_widget_child_focus (popover, direction))
    gtk_widget_error_bell (popover);
  return TRUE;
}

/* A full cell draws "+ N more" for those it has no room for: a click there
 * lists them, each to be chosen as a click on a mark chooses one. */
static void
show_more (UpStakeholderGrid *self,
           int                influence,
           int                interest,
           double             line_y,
           GArray            *marks)
{
  GListModel *stakeholders = up_project_get_stakeholders (self->project);
  g_autoptr(GHashTable) marked = g_hash_table_new (NULL, NULL);
  GtkWidget *scroller, *box;
  graphene_rect_t cell;

  for (guint i = 0; i < marks->len; i++)
    if (g_array_index (marks, UpGridMark, i).stakeholder != NULL)
      g_hash_table_add (marked, g_array_index (marks, UpGridMark, i).stakeholder);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  for (guint i = 0; i < g_list_model_get_n_items (stakeholders); i++)
    {
      g_autoptr(UpStakeholder) person = g_list_model_get_item (stakeholders, i);
      const char *organisation = up_stakeholder_get_organisation (person);
      GtkWidget *button, *lines, *name;

      if (up_stakeholder_get_influence (person) != influence ||
          up_stakeholder_get_interest (person) != interest ||
          g_hash_table_contains (marked, person))
        continue;

      lines = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      name = gtk_label_new (up_stakeholder_get_name (person));
      gtk_label_set_xalign (GTK_LABEL (name), 0);
      gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (name), 40);
      gtk_box_append (GTK_BOX (lines), name);
      if (organisation != NULL && *organisation != '\0')
        {
          GtkWidget *where = gtk_label_new (organisation);

          gtk_label_set_xalign (GTK_LABEL (where), 0);
          gtk_label_set_ellipsize (GTK_LABEL (where), PANGO_ELLIPSIZE_END);
          gtk_label_set_max_width_chars (GTK_LABEL (where), 40);
          gtk_widget_add_css_class (where, "dim-label");
          gtk_widget_add_css_class (where, "caption");
          gtk_box_append (GTK_BOX (lines), where);
        }

      button = gtk_button_new ();
      gtk_button_set_child (GTK_BUTTON (button), lines);
      gtk_widget_add_css_class (button, "flat");
      /* Named as it reads, the name and the organisation: GTK 4.8 named a
       * button with a box of labels "GtkButton". */
      if (gtk_widget_get_next_sibling (name) != NULL)
        gtk_accessible_update_relation (GTK_ACCESSIBLE (button),
                                        GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                        name, gtk_widget_get_next_sibling (name), NULL,
                                        -1);
      else
        gtk_accessible_update_relation (GTK_ACCESSIBLE (button),
                                        GTK_ACCESSIBLE_RELATION_LABELLED_BY, name, NULL,
                                        -1);
      g_object_set_data_full (G_OBJECT (button), "stakeholder", g_object_ref (person), g_object_unref);
      g_signal_connect_object (button, "clicked", G_CALLBACK (on_more_chosen), self, 0);
      gtk_box_append (GTK_BOX (box), button);
    }

  if (gtk_widget_get_first_child (box) == NULL)
    {
      g_object_ref_sink (box);
      g_object_unref (box);
      return;
    }

  /* A screen reader says what the list is as the focus enters it: the
   * "+ N more" line's own name. */
  if (find_more_mark (self, influence, interest) != NULL)
    {
      g_autofree char *label =
        more_label (UP_STAKEHOLDER_GRID_MARK (find_more_mark (self, influence, interest)));

      gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
    }

  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_propagate_natural_width (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 360);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), box);

  if (self->more_popover == NULL)
    {
      GtkEventController *keys = gtk_event_controller_key_new ();

      self->more_popover = gtk_popover_new ();
      gtk_widget_set_parent (self->more_popover, GTK_WIDGET (self));
      g_signal_connect_object (self->more_popover, "closed", G_CALLBACK (on_more_closed), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect (keys, "key-pressed", G_CALLBACK (on_more_key_pressed), self->more_popover);
      gtk_widget_add_controller (self->more_popover, keys);
    }
  gtk_popover_set_child (GTK_POPOVER (self->more_popover), scroller);
  /* Below the line, which it opens out. */
  if (get_cell_rect (self, influence, interest, &cell))
    gtk_popover_set_pointing_to (GTK_POPOVER (self->more_popover),
                                 &(GdkRectangle) { (int) cell.origin.x, (int) (line_y - MARK_EXTENT),
                                                   (int) cell.size.width, 2 * MARK_EXTENT });
  self->more_influence = influence;
  self->more_interest = interest;
  self->more_chosen = FALSE;
  gtk_popover_popup (GTK_POPOVER (self->more_popover));
  /* The first of them has the focus, as in a menu. */
  gtk_widget_grab_focus (gtk_widget_get_first_child (box));
}

/* Return or Space on the "+ N more" button of the cell @influence,
 * @interest: its list, as a click on the line opens it. */
static void
open_more (UpStakeholderGrid *self,
           int                influence,
           int                interest)
{
  g_autoptr(GArray) lines = NULL;
  UpChartOptions options;

  if (self->project == NULL)
    return;

  get_mark_options (self, &options);
  lines = up_chart_grid_list_marks (self->project, &options,
                                    gtk_widget_get_width (GTK_WIDGET (self)),
                                    gtk_widget_get_height (GTK_WIDGET (self)));
  for (guint i = 0; i < lines->len; i++)
    {
      const UpGridMark *line = &g_array_index (lines, UpGridMark, i);

      if (line->stakeholder == NULL && line->influence == influence && line->interest == interest)
        {
          show_more (self, influence, interest, line->y, lines);
          return;
        }
    }
}

/* The stakeholder whose mark is at @x, @y of the grid, or NULL. */
static UpStakeholder *
stakeholder_at (UpStakeholderGrid *self,
                double             x,
                double             y)
{
  UpChartOptions options;

  up_stakeholder_grid_get_options (self, &options);
  return up_chart_grid_stakeholder_at (self->project, &options,
                                       gtk_widget_get_width (GTK_WIDGET (self)),
                                       gtk_widget_get_height (GTK_WIDGET (self)),
                                       x, y);
}

static void
on_drag_begin (UpStakeholderGrid *self,
               double             x,
               double             y,
               GtkGestureDrag    *gesture)
{
  UpStakeholder *hit;

  g_clear_object (&self->drag.stakeholder);
  if (self->project == NULL)
    return;

  gtk_widget_grab_focus (GTK_WIDGET (self));

  hit = stakeholder_at (self, x, y);
  if (hit == NULL)
    {
      g_autoptr(GArray) marks = NULL;
      int influence, interest;
      double line_y;

      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      if (more_line_at (self, x, y, &influence, &interest, &line_y, &marks))
        show_more (self, influence, interest, line_y, marks);
      else
        up_stakeholder_grid_set_selected (self, NULL);
      return;
    }
  up_stakeholder_grid_set_selected (self, hit);
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  self->drag.stakeholder = g_object_ref (hit);
  self->drag.start_x = x;
  self->drag.start_y = y;
  self->drag.influence = up_stakeholder_get_influence (hit);
  self->drag.interest = up_stakeholder_get_interest (hit);
}

static void
on_drag_update (UpStakeholderGrid *self,
                double             dx,
                double             dy,
                GtkGestureDrag    *gesture)
{
  UpChartOptions options;
  int influence, interest;

  if (self->drag.stakeholder == NULL)
    return;

  up_stakeholder_grid_get_options (self, &options);
  options.preview_stakeholder = 0;

  /* Outside the plot the mark stays in the last cell it was in. */
  if (up_chart_grid_cell_at (self->project, &options,
                             gtk_widget_get_width (GTK_WIDGET (self)),
                             gtk_widget_get_height (GTK_WIDGET (self)),
                             self->drag.start_x + dx, self->drag.start_y + dy,
                             &influence, &interest))
    {
      influence = clamp_value (influence);
      interest = clamp_value (interest);
      if (influence != self->drag.influence || interest != self->drag.interest)
        {
          self->drag.influence = influence;
          self->drag.interest = interest;
          gtk_widget_queue_draw (GTK_WIDGET (self));
        }
    }
}

static void
on_drag_end (UpStakeholderGrid *self,
             double             dx,
             double             dy,
             GtkGestureDrag    *gesture)
{
  g_autoptr(UpStakeholder) stakeholder = NULL;
  int influence, interest;

  if (self->drag.stakeholder == NULL)
    return;

  on_drag_update (self, dx, dy, gesture);

  /* Released: the preview ends whatever the commit does, so that a refused
   * edit shows the stored values again. */
  stakeholder = g_steal_pointer (&self->drag.stakeholder);
  influence = self->drag.influence;
  interest = self->drag.interest;

  commit_values (self, stakeholder, influence, interest);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_drag_cancel (UpStakeholderGrid *self,
                GdkEventSequence  *sequence,
                GtkGesture        *gesture)
{
  cancel_drag (self);
}

static gboolean
on_key_pressed (UpStakeholderGrid     *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  if (keyval == GDK_KEY_Escape && self->drag.stakeholder != NULL)
    {
      cancel_drag (self);
      /* The pointer is still down: the rest of this drag is ignored. */
      gtk_event_controller_reset (GTK_EVENT_CONTROLLER (self->drag_gesture));
      return TRUE;
    }

  return FALSE;
}

/* Actions */

/* grid.move (dx, dy): the selected stakeholder one cell in a direction on
 * the screen. Which value that changes depends on how the chart lays out
 * its axes, so ask the chart: the neighbour cell whose centre lies that
 * way. */
static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  UpStakeholderGrid *self = UP_STAKEHOLDER_GRID (widget);
  static const int steps[4][2] = { { 1, 0 }, { -1, 0 }, { 0, 1 }, { 0, -1 } };
  UpChartOptions options;
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  double cx, cy, best = 0.5;
  int dx, dy, influence, interest;
  int best_influence = 0, best_interest = 0;

  if (self->project == NULL || !is_alive (self, self->selected) || self->drag.stakeholder != NULL)
    return;

  /* From a "+ N more" button: the grid, where the selection is. */
  gtk_widget_grab_focus (widget);
  g_variant_get (parameter, "(ii)", &dx, &dy);
  influence = up_stakeholder_get_influence (self->selected);
  interest = up_stakeholder_get_interest (self->selected);

  up_stakeholder_grid_get_options (self, &options);
  up_chart_grid_cell_centre (self->project, &options, width, height, influence, interest, &cx, &cy);

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      int to_influence = influence + steps[i][0];
      int to_interest = interest + steps[i][1];
      double x, y, along;

      if (to_influence != clamp_value (to_influence) || to_interest != clamp_value (to_interest))
        continue;

      up_chart_grid_cell_centre (self->project, &options, width, height,
                                 to_influence, to_interest, &x, &y);
      along = (x - cx) * dx + (y - cy) * dy;
      if (along > best)
        {
          best = along;
          best_influence = to_influence;
          best_interest = to_interest;
        }
    }

  if (best_influence == 0)
    {
      /* At the edge of the grid. */
      gtk_widget_error_bell (widget);
      return;
    }

  commit_values (self, self->selected, best_influence, best_interest);
}

/* The selected stakeholder's menu at @x, @y. */
static void
popup_context_menu (UpStakeholderGrid *self,
                    double             x,
                    double             y)
{
  if (self->context_model == NULL || self->selected == NULL)
    return;
  up_menu_util_popup (GTK_WIDGET (self), &self->context_menu, self->context_model, x, y);
}

/* A secondary click (or a long press) on a stakeholder's mark selects them
 * and opens their menu there. */
static void
context_menu_at (UpStakeholderGrid *self,
                 GtkGesture        *gesture,
                 double             x,
                 double             y)
{
  UpStakeholder *hit;

  if (self->project == NULL || self->drag.stakeholder != NULL || self->context_model == NULL)
    return;
  hit = stakeholder_at (self, x, y);
  if (hit == NULL)
    return;
  gtk_gesture_set_state (gesture, GTK_EVENT_SEQUENCE_CLAIMED);
  up_stakeholder_grid_set_selected (self, hit);
  gtk_widget_grab_focus (GTK_WIDGET (self));
  popup_context_menu (self, x, y);
}

static void
on_secondary_pressed (UpStakeholderGrid *self,
                      int                n_press,
                      double             x,
                      double             y,
                      GtkGestureClick   *gesture)
{
  context_menu_at (self, GTK_GESTURE (gesture), x, y);
}

static void
on_long_pressed (UpStakeholderGrid   *self,
                 double               x,
                 double               y,
                 GtkGestureLongPress *gesture)
{
  context_menu_at (self, GTK_GESTURE (gesture), x, y);
}

/* Shift+F10 and the Menu key: the menu under the selected stakeholder's
 * mark; nothing for one in a "+ N more" line, which has no mark. */
static void
context_menu_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  UpStakeholderGrid *self = UP_STAKEHOLDER_GRID (widget);
  graphene_rect_t bounds;

  if (self->selected == NULL)
    return;
  ensure_marks (self);
  for (guint i = 0; i < self->marks->len; i++)
    {
      GtkWidget *mark = g_ptr_array_index (self->marks, i);

      if (UP_STAKEHOLDER_GRID_MARK (mark)->stakeholder == self->selected &&
          gtk_widget_compute_bounds (mark, widget, &bounds))
        {
          popup_context_menu (self, bounds.origin.x + bounds.size.width / 2,
                              bounds.origin.y + bounds.size.height);
          return;
        }
    }
}

/* grid.select (step): the next or previous stakeholder of the register. */
static void
select_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  UpStakeholderGrid *self = UP_STAKEHOLDER_GRID (widget);
  GListModel *stakeholders;
  int step = g_variant_get_int32 (parameter);
  int n, position = -1;

  if (self->project == NULL)
    return;

  stakeholders = up_project_get_stakeholders (self->project);
  n = g_list_model_get_n_items (stakeholders);
  if (n == 0)
    return;

  /* From a "+ N more" button: the grid, where the selection is. */
  gtk_widget_grab_focus (widget);

  for (int i = 0; i < n && self->selected != NULL; i++)
    {
      g_autoptr(UpStakeholder) item = g_list_model_get_item (stakeholders, i);

      if (item == self->selected)
        position = i;
    }

  if (position < 0)
    position = step > 0 ? 0 : n - 1;
  else
    position = CLAMP (position + step, 0, n - 1);

  {
    g_autoptr(UpStakeholder) item = g_list_model_get_item (stakeholders, position);

    up_stakeholder_grid_set_selected (self, item);
  }
}

/* GtkWidget */

static void
up_stakeholder_grid_measure (GtkWidget      *widget,
                             GtkOrientation  orientation,
                             int             for_size,
                             int            *minimum,
                             int            *natural,
                             int            *minimum_baseline,
                             int            *natural_baseline)
{
  /* The core lays the grid out for about 640 × 570 and scales it to fit;
   * below about 0.85 of that its names get too small to read on screen,
   * so a narrower window shows the grid on its own instead (the view's
   * leaflet folds). */
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 560 : 420;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 640 : 570;
}

static void
up_stakeholder_grid_size_allocate (GtkWidget *widget,
                                   int        width,
                                   int        height,
                                   int        baseline)
{
  UpStakeholderGrid *self = UP_STAKEHOLDER_GRID (widget);
  g_autoptr(GArray) lines = NULL;
  UpChartOptions options;

  if (self->more_popover != NULL)
    gtk_popover_present (GTK_POPOVER (self->more_popover));
  if (self->context_menu != NULL)
    gtk_popover_present (GTK_POPOVER (self->context_menu));

  ensure_marks (self);
  if (self->marks->len == 0)
    return;

  /* Every line's place from one layout of the chart, in the order of the
   * marks: the same stakeholders and options as ensure_marks() had. */
  get_mark_options (self, &options);
  lines = up_chart_grid_list_marks (self->project, &options, width, height);

  for (guint i = 0; i < self->marks->len; i++)
    {
      UpStakeholderGridMark *mark = g_ptr_array_index (self->marks, i);
      GtkAllocation allocation;
      graphene_rect_t cell;
      double x = 0, y = 0;
      int min;

      if (i < lines->len)
        {
          x = g_array_index (lines, UpGridMark, i).x;
          y = g_array_index (lines, UpGridMark, i).y;
        }

      /* What a screen reader highlights: the mark and a little around it;
       * a "+ N more" line, which a click anywhere along it opens, is as
       * wide as its cell, and draws the focus ring there. */
      allocation = (GtkAllocation) { (int) (x - MARK_EXTENT), (int) (y - MARK_EXTENT),
                                     2 * MARK_EXTENT, 2 * MARK_EXTENT };
      if (mark->stakeholder == NULL && get_cell_rect (self, mark->influence, mark->interest, &cell))
        allocation = (GtkAllocation) { (int) cell.origin.x + 4, (int) (y - MARK_EXTENT),
                                       (int) cell.size.width - 8, 2 * MARK_EXTENT };
      gtk_widget_measure (GTK_WIDGET (mark), GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
      gtk_widget_size_allocate (GTK_WIDGET (mark), &allocation, -1);
    }
}

static void
up_stakeholder_grid_snapshot (GtkWidget   *widget,
                              GtkSnapshot *snapshot)
{
  UpStakeholderGrid *self = UP_STAKEHOLDER_GRID (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  UpChartOptions options;
  graphene_rect_t cell = GRAPHENE_RECT_INIT (0, 0, 0, 0);
  cairo_t *cr;

  if (self->project == NULL || width < 1 || height < 1)
    return;

  up_stakeholder_grid_get_options (self, &options);

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  up_chart_draw (UP_CHART_GRID, self->project, &options, cr, width, height);
  cairo_destroy (cr);

  /* The selected stakeholder (where it is dragged to, while it is
   * dragged): its cell outlined and a ring round its mark, in the accent
   * colour as a list's selection is; thicker while the grid has the focus,
   * which is where the keys go. */
  if (self->selected != NULL)
    {
      int influence, interest;
      float w = gtk_widget_has_focus (widget) ? 3 : 2;
      GdkRGBA colours[4];
      GskRoundedRect outline;
      double x, y, r;

      for (int i = 0; i < 4; i++)
        colours[i] = self->accent;

      get_values (self, self->selected, &influence, &interest);
      if (get_cell_rect (self, influence, interest, &cell))
        {
          gsk_rounded_rect_init_from_rect (&outline, &GRAPHENE_RECT_INIT (cell.origin.x + 1,
                                                                          cell.origin.y + 1,
                                                                          cell.size.width - 2,
                                                                          cell.size.height - 2),
                                           6);
          gtk_snapshot_append_border (snapshot, &outline, (float[4]) { w, w, w, w }, colours);
        }

      /* The ring round the mark, as the chart sizes it: clear of the mark
       * and of the name beside it (one a share of the cell's width ran
       * over the name's first letter). */
      if (get_mark_centre (self, self->selected, &x, &y, &r))
        {
          gsk_rounded_rect_init_from_rect (&outline, &GRAPHENE_RECT_INIT (x - r, y - r, 2 * r, 2 * r), r);
          gtk_snapshot_append_border (snapshot, &outline, (float[4]) { w, w, w, w }, colours);
        }
    }

  /* The "+ N more" buttons draw nothing but their focus ring. */
  for (guint i = 0; i < self->marks->len; i++)
    {
      UpStakeholderGridMark *mark = g_ptr_array_index (self->marks, i);

      if (mark->stakeholder == NULL)
        gtk_widget_snapshot_child (widget, GTK_WIDGET (mark), snapshot);
    }
}

static void
up_stakeholder_grid_css_changed (GtkWidget         *widget,
                                 GtkCssStyleChange *change)
{
  UpStakeholderGrid *self = UP_STAKEHOLDER_GRID (widget);
  GtkStyleContext *context = gtk_widget_get_style_context (widget);

  GTK_WIDGET_CLASS (up_stakeholder_grid_parent_class)->css_changed (widget, change);

  if (!gtk_style_context_lookup_color (context, "accent_color", &self->accent))
    gdk_rgba_parse (&self->accent, "#3584e4");
  gtk_widget_queue_draw (widget);
}

static void
up_stakeholder_grid_focus_changed (UpStakeholderGrid *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* GObject */

static void
up_stakeholder_grid_dispose (GObject *object)
{
  UpStakeholderGrid *self = UP_STAKEHOLDER_GRID (object);

  if (self->marks != NULL)
    clear_marks (self);
  g_clear_pointer (&self->marks, g_ptr_array_unref);
  g_clear_pointer (&self->more_popover, gtk_widget_unparent);
  g_clear_pointer (&self->context_menu, gtk_widget_unparent);
  g_clear_object (&self->context_model);
  if (self->project_signals != NULL)
    g_signal_group_set_target (self->project_signals, NULL);
  g_clear_object (&self->project_signals);
  g_clear_object (&self->drag.stakeholder);
  g_clear_object (&self->selected);
  g_clear_object (&self->project);

  G_OBJECT_CLASS (up_stakeholder_grid_parent_class)->dispose (object);
}

static void
up_stakeholder_grid_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  UpStakeholderGrid *self = UP_STAKEHOLDER_GRID (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;

    case PROP_SELECTED:
      g_value_set_object (value, self->selected);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
up_stakeholder_grid_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  UpStakeholderGrid *self = UP_STAKEHOLDER_GRID (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      up_stakeholder_grid_set_project (self, g_value_get_object (value));
      break;

    case PROP_SELECTED:
      up_stakeholder_grid_set_selected (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
add_move_binding (GtkWidgetClass *widget_class,
                  guint           keyval,
                  guint           kp_keyval,
                  int             dx,
                  int             dy)
{
  gtk_widget_class_add_binding_action (widget_class, keyval, GDK_ALT_MASK,
                                       "grid.move", "(ii)", dx, dy);
  gtk_widget_class_add_binding_action (widget_class, kp_keyval, GDK_ALT_MASK,
                                       "grid.move", "(ii)", dx, dy);
}

static void
up_stakeholder_grid_class_init (UpStakeholderGridClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = up_stakeholder_grid_dispose;
  object_class->get_property = up_stakeholder_grid_get_property;
  object_class->set_property = up_stakeholder_grid_set_property;

  widget_class->measure = up_stakeholder_grid_measure;
  widget_class->size_allocate = up_stakeholder_grid_size_allocate;
  widget_class->snapshot = up_stakeholder_grid_snapshot;
  widget_class->css_changed = up_stakeholder_grid_css_changed;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL,
                         UP_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED] =
    g_param_spec_object ("selected", NULL, NULL,
                         UP_TYPE_STAKEHOLDER,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[ERROR] =
    g_signal_new ("error",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_ERROR);

  gtk_widget_class_install_action (widget_class, "grid.move", "(ii)", move_action);
  gtk_widget_class_install_action (widget_class, "grid.select", "i", select_action);
  gtk_widget_class_install_action (widget_class, "grid.context-menu", NULL, context_menu_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, "grid.context-menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "grid.context-menu", NULL);

  add_move_binding (widget_class, GDK_KEY_Left, GDK_KEY_KP_Left, -1, 0);
  add_move_binding (widget_class, GDK_KEY_Right, GDK_KEY_KP_Right, 1, 0);
  add_move_binding (widget_class, GDK_KEY_Up, GDK_KEY_KP_Up, 0, -1);
  add_move_binding (widget_class, GDK_KEY_Down, GDK_KEY_KP_Down, 0, 1);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, 0, "grid.select", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, 0, "grid.select", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, 0, "grid.select", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, 0, "grid.select", "i", -1);

  gtk_widget_class_set_css_name (widget_class, "stakeholder-grid");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LIST);
}

static void
up_stakeholder_grid_init (UpStakeholderGrid *self)
{
  GtkEventController *controller;

  self->marks = g_ptr_array_new ();
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Power/interest grid"),
                                  -1);

  self->project_signals = g_signal_group_new (UP_TYPE_PROJECT);
  g_signal_group_connect_object (self->project_signals, "changed::stakeholder",
                                 G_CALLBACK (on_project_changed), self, G_CONNECT_SWAPPED);

  self->drag_gesture = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (self->drag_gesture), GDK_BUTTON_PRIMARY);
  g_signal_connect_swapped (self->drag_gesture, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect_swapped (self->drag_gesture, "drag-update", G_CALLBACK (on_drag_update), self);
  g_signal_connect_swapped (self->drag_gesture, "drag-end", G_CALLBACK (on_drag_end), self);
  g_signal_connect_swapped (self->drag_gesture, "cancel", G_CALLBACK (on_drag_cancel), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (self->drag_gesture));

  controller = GTK_EVENT_CONTROLLER (gtk_gesture_click_new ());
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (controller), GDK_BUTTON_SECONDARY);
  g_signal_connect_swapped (controller, "pressed", G_CALLBACK (on_secondary_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
  controller = GTK_EVENT_CONTROLLER (gtk_gesture_long_press_new ());
  gtk_gesture_single_set_touch_only (GTK_GESTURE_SINGLE (controller), TRUE);
  g_signal_connect_swapped (controller, "pressed", G_CALLBACK (on_long_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_key_new ();
  g_signal_connect_swapped (controller, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (controller, "enter", G_CALLBACK (up_stakeholder_grid_focus_changed), self);
  g_signal_connect_swapped (controller, "leave", G_CALLBACK (up_stakeholder_grid_focus_changed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_dark_changed), self, G_CONNECT_SWAPPED);
}

/* Public API */

GtkWidget *
up_stakeholder_grid_new (void)
{
  return g_object_new (UP_TYPE_STAKEHOLDER_GRID, NULL);
}

UpProject *
up_stakeholder_grid_get_project (UpStakeholderGrid *self)
{
  g_return_val_if_fail (UP_IS_STAKEHOLDER_GRID (self), NULL);

  return self->project;
}

void
up_stakeholder_grid_set_project (UpStakeholderGrid *self,
                                 UpProject         *project)
{
  g_return_if_fail (UP_IS_STAKEHOLDER_GRID (self));
  g_return_if_fail (project == NULL || UP_IS_PROJECT (project));

  if (self->project == project)
    return;

  cancel_drag (self);
  up_stakeholder_grid_set_selected (self, NULL);
  g_set_object (&self->project, project);
  g_signal_group_set_target (self->project_signals, project);

  self->marks_dirty = TRUE;
  ensure_marks (self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}

UpStakeholder *
up_stakeholder_grid_get_selected (UpStakeholderGrid *self)
{
  g_return_val_if_fail (UP_IS_STAKEHOLDER_GRID (self), NULL);

  return self->selected;
}

void
up_stakeholder_grid_set_selected (UpStakeholderGrid *self,
                                  UpStakeholder     *stakeholder)
{
  g_return_if_fail (UP_IS_STAKEHOLDER_GRID (self));
  g_return_if_fail (stakeholder == NULL || UP_IS_STAKEHOLDER (stakeholder));

  if (!g_set_object (&self->selected, stakeholder))
    return;

  update_accessible_selection (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

/**
 * up_stakeholder_grid_set_context_menu:
 * @model: (nullable): the menu of a stakeholder; its actions act on the
 *   one selected
 *
 * Gives the marks a menu: a secondary click or a long press on one selects
 * its stakeholder and opens @model there; Shift+F10 or the Menu key opens
 * it under the selected one's mark.
 */
void
up_stakeholder_grid_set_context_menu (UpStakeholderGrid *self,
                                      GMenuModel        *model)
{
  g_return_if_fail (UP_IS_STAKEHOLDER_GRID (self));
  g_return_if_fail (model == NULL || G_IS_MENU_MODEL (model));

  g_clear_pointer (&self->context_menu, gtk_widget_unparent);
  g_set_object (&self->context_model, model);
}

/**
 * up_stakeholder_grid_get_context_menu:
 *
 * Returns: (transfer none) (nullable): the popover of the marks' menu, NULL
 *   until it first opens
 */
GtkWidget *
up_stakeholder_grid_get_context_menu (UpStakeholderGrid *self)
{
  g_return_val_if_fail (UP_IS_STAKEHOLDER_GRID (self), NULL);

  return self->context_menu;
}

void
up_stakeholder_grid_get_options (UpStakeholderGrid *self,
                                 UpChartOptions    *options)
{
  g_return_if_fail (UP_IS_STAKEHOLDER_GRID (self));

  up_chart_options_init (options);
  options->lang = UP_LANG_UI;
  options->dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  /* On screen the pane is the chart's title and the register beside it
   * names everyone; the project and date are for the exports. The legend
   * says what the marks mean. */
  options->decorations = FALSE;
  options->legend = TRUE;

  if (self->drag.stakeholder != NULL)
    {
      options->preview_stakeholder = up_record_get_id (UP_RECORD (self->drag.stakeholder));
      options->preview_influence = self->drag.influence;
      options->preview_interest = self->drag.interest;
    }
}

const char *
up_stakeholder_grid_quadrant_label (int influence,
                                    int interest)
{
  /* The chart's own quadrants and words, so that what is read and what
   * is drawn agree. */
  return up_chart_grid_quadrant_get_label (up_chart_grid_quadrant (influence, interest), UP_LANG_UI);
}

char *
up_stakeholder_grid_describe (UpStakeholder *stakeholder)
{
  int influence, interest;

  g_return_val_if_fail (UP_IS_STAKEHOLDER (stakeholder), NULL);

  influence = up_stakeholder_get_influence (stakeholder);
  interest = up_stakeholder_get_interest (stakeholder);

  /* Translators: A stakeholder's mark in the power/interest grid as a
   * screen reader reads it: %1$s is the name, %2$s the stance (what the
   * mark's colour and sign show: "Supporter", "Critic"), %3$d the
   * influence and %4$d the interest (1 to 5), %5$s the quadrant ("Manage
   * closely"). */
  return g_strdup_printf (_("%1$s, %2$s: influence %3$d, interest %4$d, %5$s"),
                          up_stakeholder_get_name (stakeholder),
                          up_enum_label (up_stakeholder_stances, up_stakeholder_get_stance (stakeholder)),
                          influence, interest,
                          up_stakeholder_grid_quadrant_label (influence, interest));
}
