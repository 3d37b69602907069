/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "Upphandla"

#include "config.h"

#include "up-entry-row.h"
#include "up-paste-guard.h"

struct _UpEntryRow
{
  AdwPreferencesRow  parent_instance;

  GtkWidget         *box;
  GtkLabel          *title;
  GtkEntry          *entry;
  GtkLabel          *shown;
  GtkWidget         *edit_icon;
  GtkWidget         *suffixes;

  /* "typing-paused": after this long without typing, 0 for never */
  guint              pause_ms;
  guint              pause_id;
};

static void up_entry_row_editable_init  (GtkEditableInterface *iface);
static void up_entry_row_buildable_init (GtkBuildableIface    *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (UpEntryRow, up_entry_row, ADW_TYPE_PREFERENCES_ROW,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_EDITABLE, up_entry_row_editable_init)
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDABLE, up_entry_row_buildable_init))

enum {
  PROP_0,
  N_PROPS
};

enum {
  SIGNAL_ENTRY_ACTIVATED,
  SIGNAL_TYPING_PAUSED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];
static GtkBuildableIface *parent_buildable_iface;

static void
on_entry_activate (UpEntryRow *self)
{
  g_signal_emit (self, signals[SIGNAL_ENTRY_ACTIVATED], 0);
}

static gboolean
is_editing (UpEntryRow *self)
{
  return (gtk_widget_get_state_flags (GTK_WIDGET (self->entry)) & GTK_STATE_FLAG_FOCUS_WITHIN) != 0;
}

static gboolean
on_pause_timeout (gpointer data)
{
  UpEntryRow *self = data;

  self->pause_id = 0;
  if (is_editing (self))
    g_signal_emit (self, signals[SIGNAL_TYPING_PAUSED], 0);
  return G_SOURCE_REMOVE;
}

/* Text typed into a line and not yet committed (Return, Tab, a click
 * elsewhere) was in no file: a crash lost it. After a pause in typing
 * the row says so, and the editor commits it, as a description or a
 * note's text is committed after a pause. Only what is typed counts: a
 * text the editor sets while the field has no focus is no typing. */
static void
on_entry_changed (UpEntryRow *self)
{
  if (self->pause_ms == 0 || !is_editing (self))
    return;

  g_clear_handle_id (&self->pause_id, g_source_remove);
  self->pause_id = g_timeout_add (self->pause_ms, on_pause_timeout, self);
}

/* While the text is edited the row draws the focus ring round itself and
 * hides its pencil, as AdwEntryRow does (its style: row.entry.focused).
 * An entry cuts a text too long for it at its edge, with no sign that
 * there is more (a stage's title under the pencil on a projector): while
 * the text is not edited, a label shows it instead, ending in "…", and
 * the row's tooltip shows it whole. The entry stays where it is, only
 * transparent, so that a click or Tab still types into it. */
static void
on_entry_state_flags_changed (UpEntryRow    *self,
                              GtkStateFlags  previous,
                              GtkEntry      *entry)
{
  gboolean editing = is_editing (self);

  /* the focus left: the editor commits the text now */
  if (!editing)
    g_clear_handle_id (&self->pause_id, g_source_remove);

  if (editing)
    gtk_widget_add_css_class (GTK_WIDGET (self), "focused");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "focused");
  gtk_widget_set_visible (self->edit_icon, !editing);
  gtk_widget_set_visible (GTK_WIDGET (self->shown), !editing);
  gtk_widget_set_opacity (GTK_WIDGET (self->entry), editing ? 1.0 : 0.0);
}

/* A tooltip as long as a text of 65,000 characters would be taller than
 * any screen: the whole text up to this many characters. */
#define TOOLTIP_MAX_CHARS 300

/* The whole text, where the row shows it cut; or why it cannot be edited:
 * a row of this app is read-only only when its text does not fit in a
 * field of one line (up_paste_guard_fits()). */
static gboolean
on_query_tooltip (UpEntryRow *self,
                  int         x,
                  int         y,
                  gboolean    keyboard_mode,
                  GtkTooltip *tooltip)
{
  g_autofree char *text = up_entry_row_dup_tooltip (self);

  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/* A click anywhere on the row types into it, as on AdwEntryRow's. */
static void
on_row_pressed (UpEntryRow *self)
{
  if (!gtk_widget_has_focus (GTK_WIDGET (self->entry)) &&
      !gtk_widget_is_ancestor (gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self))),
                               GTK_WIDGET (self->entry)))
    gtk_widget_grab_focus (GTK_WIDGET (self->entry));
}

static GtkEditable *
up_entry_row_get_delegate (GtkEditable *editable)
{
  /* The entry's text, as AdwEntryRow's delegate is. */
  return gtk_editable_get_delegate (GTK_EDITABLE (UP_ENTRY_ROW (editable)->entry));
}

static void
up_entry_row_editable_init (GtkEditableInterface *iface)
{
  iface->get_delegate = up_entry_row_get_delegate;
}

static void
up_entry_row_buildable_add_child (GtkBuildable *buildable,
                                  GtkBuilder   *builder,
                                  GObject      *child,
                                  const char   *type)
{
  UpEntryRow *self = UP_ENTRY_ROW (buildable);

  if (self->box != NULL && GTK_IS_WIDGET (child))
    up_entry_row_add_suffix (self, GTK_WIDGET (child));
  else
    parent_buildable_iface->add_child (buildable, builder, child, type);
}

static void
up_entry_row_buildable_init (GtkBuildableIface *iface)
{
  parent_buildable_iface = g_type_interface_peek_parent (iface);
  iface->add_child = up_entry_row_buildable_add_child;
}

static gboolean
up_entry_row_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (UP_ENTRY_ROW (widget)->entry));
}

/* The row is no stop of its own: Tab and Shift+Tab move among the text
 * and the suffixes and then leave. GtkListBoxRow's own focus went back
 * into its child when the focus left the text backwards, so Shift+Tab
 * never left the row. */
static gboolean
up_entry_row_focus (GtkWidget        *widget,
                    GtkDirectionType  direction)
{
  return gtk_widget_child_focus (UP_ENTRY_ROW (widget)->box, direction);
}

static gboolean
up_entry_row_mnemonic_activate (GtkWidget *widget,
                                gboolean   group_cycling)
{
  return gtk_widget_grab_focus (GTK_WIDGET (UP_ENTRY_ROW (widget)->entry));
}

static void
up_entry_row_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  if (gtk_editable_delegate_get_property (object, prop_id, value, pspec))
    return;

  G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
up_entry_row_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  if (gtk_editable_delegate_set_property (object, prop_id, value, pspec))
    return;

  G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
up_entry_row_dispose (GObject *object)
{
  UpEntryRow *self = UP_ENTRY_ROW (object);

  g_clear_handle_id (&self->pause_id, g_source_remove);
  if (self->entry != NULL)
    gtk_editable_finish_delegate (GTK_EDITABLE (self));
  self->entry = NULL;
  self->shown = NULL;
  self->edit_icon = NULL;
  self->title = NULL;
  self->suffixes = NULL;
  self->box = NULL;

  G_OBJECT_CLASS (up_entry_row_parent_class)->dispose (object);
}

static void
up_entry_row_class_init (UpEntryRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = up_entry_row_get_property;
  object_class->set_property = up_entry_row_set_property;
  object_class->dispose = up_entry_row_dispose;

  widget_class->focus = up_entry_row_focus;
  widget_class->grab_focus = up_entry_row_grab_focus;
  widget_class->mnemonic_activate = up_entry_row_mnemonic_activate;

  gtk_editable_install_properties (object_class, N_PROPS);

  signals[SIGNAL_ENTRY_ACTIVATED] =
    g_signal_new ("entry-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  signals[SIGNAL_TYPING_PAUSED] =
    g_signal_new ("typing-paused",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
up_entry_row_init (UpEntryRow *self)
{
  GtkWidget *text_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *overlay = gtk_overlay_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  /* The row is no stop of its own for Tab: the entry is. */
  gtk_widget_set_focusable (GTK_WIDGET (self), FALSE);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), FALSE);
  /* AdwEntryRow's style: the focus ring round the row, the pencil; and
   * the pointer lights the row up, as it does an activatable row (a
   * click types into it, see on_row_pressed()). */
  gtk_widget_add_css_class (GTK_WIDGET (self), "entry");
  gtk_widget_add_css_class (GTK_WIDGET (self), "activatable");

  /* Margins, spacing and height as AdwEntryRow's (row > box.header). */
  self->box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_add_css_class (self->box, "header");

  self->title = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->title, 0);
  gtk_label_set_ellipsize (self->title, PANGO_ELLIPSIZE_END);
  /* Small and dim above the text, as AdwEntryRow's title (and in red in
   * an invalid row: row.entry.error .subtitle). */
  gtk_widget_add_css_class (GTK_WIDGET (self->title), "subtitle");
  g_object_bind_property (self, "title", self->title, "label", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self, "use-underline", self->title, "use-underline", G_BINDING_SYNC_CREATE);

  self->entry = GTK_ENTRY (gtk_entry_new ());
  /* Without a frame an entry is the text of the row, as AdwEntryRow's. */
  gtk_entry_set_has_frame (self->entry, FALSE);
  gtk_widget_set_hexpand (GTK_WIDGET (self->entry), TRUE);
  g_signal_connect_object (self->entry, "activate", G_CALLBACK (on_entry_activate), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->entry, "changed", G_CALLBACK (on_entry_changed), self, G_CONNECT_SWAPPED);
  up_paste_guard_attach (self->entry);

  /* The title is the entry's mnemonic label, which names the entry for a
   * screen reader too (labelled-by): a label of its own besides would be
   * read twice ("Title Title"). */
  gtk_label_set_mnemonic_widget (self->title, GTK_WIDGET (self->entry));

  gtk_box_append (GTK_BOX (text_box), GTK_WIDGET (self->title));
  /* The text as shown while it is not edited (see
   * on_entry_state_flags_changed()): over the entry, measured by the
   * entry alone, so that a long text asks for no more room than the
   * entry did. A screen reader reads the entry's text; the label is for
   * the eye only. */
  self->shown = g_object_new (GTK_TYPE_LABEL,
                              "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                              "xalign", 0.0f,
                              "ellipsize", PANGO_ELLIPSIZE_END,
                              "single-line-mode", TRUE,
                              "can-target", FALSE,
                              "valign", GTK_ALIGN_CENTER,
                              NULL);
  gtk_widget_add_css_class (GTK_WIDGET (self->shown), "entry-row-text");
  g_object_bind_property (self->entry, "text", self->shown, "label", G_BINDING_SYNC_CREATE);
  gtk_widget_set_opacity (GTK_WIDGET (self->entry), 0.0);
  gtk_overlay_set_child (GTK_OVERLAY (overlay), GTK_WIDGET (self->entry));
  gtk_overlay_add_overlay (GTK_OVERLAY (overlay), GTK_WIDGET (self->shown));
  gtk_overlay_set_clip_overlay (GTK_OVERLAY (overlay), GTK_WIDGET (self->shown), TRUE);
  gtk_widget_set_hexpand (overlay, TRUE);

  gtk_box_append (GTK_BOX (text_box), overlay);
  gtk_widget_set_hexpand (text_box, TRUE);
  gtk_widget_set_valign (text_box, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (self->box), text_box);

  /* The pencil says that the row is a text field; a screen reader has the
   * entry's role for that. */
  self->edit_icon = g_object_new (GTK_TYPE_IMAGE,
                                  "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                  "icon-name", "document-edit-symbolic",
                                  "valign", GTK_ALIGN_CENTER,
                                  "can-target", FALSE,
                                  NULL);
  gtk_widget_add_css_class (self->edit_icon, "edit-icon");
  g_object_bind_property (self->entry, "editable", self->edit_icon, "sensitive", G_BINDING_SYNC_CREATE);
  gtk_box_append (GTK_BOX (self->box), self->edit_icon);
  g_signal_connect_object (self->entry, "state-flags-changed",
                           G_CALLBACK (on_entry_state_flags_changed), self, G_CONNECT_SWAPPED);

  self->suffixes = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_valign (self->suffixes, GTK_ALIGN_CENTER);
  gtk_widget_set_visible (self->suffixes, FALSE);
  gtk_box_append (GTK_BOX (self->box), self->suffixes);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self), self->box);
  gtk_editable_init_delegate (GTK_EDITABLE (self));

  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip), NULL);

  g_signal_connect_object (click, "pressed", G_CALLBACK (on_row_pressed), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
}

GtkWidget *
up_entry_row_new (void)
{
  return g_object_new (UP_TYPE_ENTRY_ROW, NULL);
}

GtkEntry *
up_entry_row_get_entry (UpEntryRow *self)
{
  g_return_val_if_fail (UP_IS_ENTRY_ROW (self), NULL);

  return self->entry;
}

void
up_entry_row_add_suffix (UpEntryRow *self,
                         GtkWidget  *widget)
{
  g_return_if_fail (UP_IS_ENTRY_ROW (self));
  g_return_if_fail (GTK_IS_WIDGET (widget));

  gtk_box_append (GTK_BOX (self->suffixes), widget);
  gtk_widget_set_visible (self->suffixes, TRUE);
}

void
up_entry_row_set_activates_default (UpEntryRow *self,
                                    gboolean    activates)
{
  g_return_if_fail (UP_IS_ENTRY_ROW (self));

  gtk_entry_set_activates_default (self->entry, activates);
}

void
up_entry_row_set_typing_pause (UpEntryRow *self,
                               guint       ms)
{
  g_return_if_fail (UP_IS_ENTRY_ROW (self));

  self->pause_ms = ms;
  if (ms == 0)
    g_clear_handle_id (&self->pause_id, g_source_remove);
}

void
up_entry_row_set_invalid (UpEntryRow *self,
                          gboolean    invalid)
{
  g_return_if_fail (UP_IS_ENTRY_ROW (self));

  /* The row in red, title, pencil and ring, as AdwEntryRow with .error;
   * the entry's text, which the theme colours itself, too. */
  if (invalid)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->entry), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->shown), "error");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (self->entry), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (self->shown), "error");
    }
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->entry), GTK_ACCESSIBLE_STATE_INVALID,
                               invalid ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE,
                               -1);
}

char *
up_entry_row_dup_tooltip (UpEntryRow *self)
{
  const char *text;
  g_autofree char *start = NULL;

  g_return_val_if_fail (UP_IS_ENTRY_ROW (self), NULL);

  if (!gtk_editable_get_editable (GTK_EDITABLE (self->entry)))
    return g_strdup (up_paste_guard_too_long_reason ());
  if (is_editing (self) || !gtk_widget_get_mapped (GTK_WIDGET (self->shown)) ||
      !pango_layout_is_ellipsized (gtk_label_get_layout (self->shown)))
    return NULL;

  text = gtk_label_get_text (self->shown);
  if (g_utf8_strlen (text, -1) <= TOOLTIP_MAX_CHARS)
    return g_strdup (text);
  start = g_utf8_substring (text, 0, TOOLTIP_MAX_CHARS);
  return g_strconcat (start, "…", NULL);
}
