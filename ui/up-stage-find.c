/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "Upphandla"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "up-a11y-util.h"
#include "up-stage-find.h"

/* The bar and its children are made on first use: the window opens
 * without them (some 10 M instructions of its start). */
struct _UpStageFind
{
  GtkWidget           parent_instance;

  GtkSearchBar       *bar;            /* NULL until first used */
  GtkSearchEntry     *entry;
  GtkLabel           *count_label;
  GtkWidget          *previous_button;
  GtkWidget          *next_button;

  GtkSingleSelection *selection;
};

G_DEFINE_FINAL_TYPE (UpStageFind, up_stage_find, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SEARCH_MODE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  STAGE_FOUND,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The count beside the field ("2 of 7", "None found"), and the same words
 * as the field's accessible description. GTK 4.8 tells a screen reader
 * nothing when a label's text changes, and has no API to announce a
 * message (4.14 has gtk_accessible_announce()); a change of the focused
 * object's description goes out as an AT-SPI event, which Orca reads. */
static void
set_count (UpStageFind *self,
           const char  *text)
{
  gtk_label_set_label (self->count_label, text);
  if (*text != '\0')
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                    text, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self->entry), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

/* The positions of the stages that hold every word typed, in order; none
 * when nothing is typed. */
static GArray *
collect_matches (UpStageFind *self)
{
  GArray *matches = g_array_new (FALSE, FALSE, sizeof (guint));
  const char *typed = gtk_editable_get_text (GTK_EDITABLE (self->entry));
  g_autoptr(UpSearchWords) words = up_search_words_new (typed);
  g_autofree char *symbols = NULL;
  GListModel *model = G_LIST_MODEL (self->selection);
  guint n;

  if (model == NULL)
    return matches;

  /* Text without a letter or a digit (an emoji, a flag, "&") has no word
   * to look for: it is looked for as typed, as the notes' search does.
   * Titles are kept composed (NFC), and so is it. */
  if (words == NULL)
    {
      symbols = g_utf8_normalize (typed, -1, G_NORMALIZE_NFC);
      if (symbols == NULL || *g_strstrip (symbols) == '\0')
        return matches;
    }

  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(UpStage) stage = g_list_model_get_item (model, i);

      if (symbols != NULL ? strstr (up_stage_get_title (stage), symbols) != NULL
                          : (up_search_words_match (words, up_stage_get_title (stage)) ||
                             up_search_words_match (words, up_enum_label (up_stage_kinds,
                                                                          up_stage_get_kind (stage)))))
        g_array_append_val (matches, i);
    }

  return matches;
}

/* Goes to the match @step away from the selected stage (0: the selected
 * one if it matches, else the next), round the end, and says where it is
 * among the matches. */
static void
go (UpStageFind *self,
    int          step)
{
  g_autoptr(GArray) matches = collect_matches (self);
  guint selected = self->selection != NULL
                   ? gtk_single_selection_get_selected (self->selection) : GTK_INVALID_LIST_POSITION;
  g_autofree char *count = NULL;
  guint index = 0;

  gtk_widget_set_sensitive (self->previous_button, matches->len > 1);
  gtk_widget_set_sensitive (self->next_button, matches->len > 1);

  if (matches->len == 0)
    {
      gboolean typed = *gtk_editable_get_text (GTK_EDITABLE (self->entry)) != '\0';

      set_count (self, typed ? _("None found") : "");
      if (typed)
        gtk_widget_add_css_class (GTK_WIDGET (self->entry), "error");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (self->entry), "error");
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->entry), "error");

  /* The first match at the selected stage or after it. */
  while (index < matches->len && selected != GTK_INVALID_LIST_POSITION &&
         g_array_index (matches, guint, index) < selected)
    index++;
  if (index == matches->len)
    index = 0;

  if (step > 0 && g_array_index (matches, guint, index) == selected)
    index = (index + 1) % matches->len;
  else if (step < 0)
    index = (index + matches->len - 1) % matches->len;

  /* Translators: where the stage found is among those found, as in
   * "2 of 7". */
  count = g_strdup_printf (_("%1$u of %2$u"), index + 1, matches->len);
  set_count (self, count);

  if (g_array_index (matches, guint, index) != selected)
    {
      g_autoptr(UpStage) stage = g_list_model_get_item (G_LIST_MODEL (self->selection),
                                                        g_array_index (matches, guint, index));

      g_signal_emit (self, signals[STAGE_FOUND], 0, stage);
    }
}

static void
on_search_changed (UpStageFind *self)
{
  go (self, 0);
}

static void
on_next (UpStageFind *self)
{
  go (self, 1);
}

static void
on_previous (UpStageFind *self)
{
  go (self, -1);
}

static gboolean
on_shift_return (GtkWidget *widget,
                 GVariant  *args,
                 gpointer   user_data)
{
  on_previous (UP_STAGE_FIND (user_data));
  return TRUE;
}

static void
on_search_mode_changed (UpStageFind *self)
{
  if (!gtk_search_bar_get_search_mode (self->bar))
    {
      gtk_editable_set_text (GTK_EDITABLE (self->entry), "");
      set_count (self, "");
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH_MODE]);
}

static GtkWidget *
make_arrow (UpStageFind *self,
            const char  *icon_name,
            const char  *tooltip,
            GCallback    callback)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_sensitive (button, FALSE);
  g_signal_connect_object (button, "clicked", callback, self, G_CONNECT_SWAPPED);

  return button;
}

static void
up_stage_find_dispose (GObject *object)
{
  UpStageFind *self = UP_STAGE_FIND (object);

  g_clear_object (&self->selection);
  if (self->bar != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->bar));
      self->bar = NULL;
    }

  G_OBJECT_CLASS (up_stage_find_parent_class)->dispose (object);
}

static void
up_stage_find_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  UpStageFind *self = UP_STAGE_FIND (object);

  switch (prop_id)
    {
    case PROP_SEARCH_MODE:
      g_value_set_boolean (value, up_stage_find_get_search_mode (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
up_stage_find_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  UpStageFind *self = UP_STAGE_FIND (object);

  switch (prop_id)
    {
    case PROP_SEARCH_MODE:
      up_stage_find_set_search_mode (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
up_stage_find_class_init (UpStageFindClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = up_stage_find_dispose;
  object_class->get_property = up_stage_find_get_property;
  object_class->set_property = up_stage_find_set_property;

  properties[PROP_SEARCH_MODE] =
    g_param_spec_boolean ("search-mode", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[STAGE_FOUND] =
    g_signal_new ("stage-found", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, UP_TYPE_STAGE);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
ensure_bar (UpStageFind *self)
{
  GtkWidget *box;
  GtkEventController *shortcuts;

  if (self->bar != NULL)
    return;

  shortcuts = gtk_shortcut_controller_new ();
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  self->entry = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  gtk_widget_set_name (GTK_WIDGET (self->entry), "find-entry");
  gtk_widget_set_hexpand (GTK_WIDGET (self->entry), TRUE);
  gtk_widget_set_size_request (GTK_WIDGET (self->entry), 80, -1);
  /* Translators: the placeholder of the field that finds a stage by its
   * title, in sentence case; its accessible name is "Find a Stage". */
  g_object_set (self->entry, "placeholder-text", _("Find a stage"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Find a Stage"), -1);
  g_signal_connect_object (self->entry, "search-changed", G_CALLBACK (on_search_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->entry, "activate", G_CALLBACK (on_next), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->entry, "next-match", G_CALLBACK (on_next), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->entry, "previous-match", G_CALLBACK (on_previous), self,
                           G_CONNECT_SWAPPED);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Return, GDK_SHIFT_MASK),
                                                          gtk_callback_action_new (on_shift_return, self, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self->entry), shortcuts);

  self->count_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_name (GTK_WIDGET (self->count_label), "find-count");
  gtk_widget_add_css_class (GTK_WIDGET (self->count_label), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->count_label), "caption");
  gtk_label_set_ellipsize (self->count_label, PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (self->count_label, 1);

  self->previous_button = make_arrow (self, "go-up-symbolic", _("Previous Stage Found"),
                                      G_CALLBACK (on_previous));
  gtk_widget_set_name (self->previous_button, "find-previous");
  self->next_button = make_arrow (self, "go-down-symbolic", _("Next Stage Found"),
                                  G_CALLBACK (on_next));
  gtk_widget_set_name (self->next_button, "find-next");

  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->entry));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->count_label));
  gtk_box_append (GTK_BOX (box), self->previous_button);
  gtk_box_append (GTK_BOX (box), self->next_button);

  self->bar = GTK_SEARCH_BAR (gtk_search_bar_new ());
  gtk_search_bar_set_child (self->bar, box);
  gtk_search_bar_connect_entry (self->bar, GTK_EDITABLE (self->entry));
  gtk_widget_set_parent (GTK_WIDGET (self->bar), GTK_WIDGET (self));
  g_signal_connect_object (self->bar, "notify::search-mode-enabled",
                           G_CALLBACK (on_search_mode_changed), self, G_CONNECT_SWAPPED);
}

/* The field mapped after it took the focus: the focus leaves it and
 * comes back, for a screen reader to hear of it (see focus_entry()). */
static void
on_entry_mapped (GtkWidget   *text,
                 UpStageFind *self)
{
  GtkRoot *root = gtk_widget_get_root (text);

  g_signal_handlers_disconnect_by_func (text, on_entry_mapped, self);
  if (root == NULL || gtk_root_get_focus (root) != text)
    return;
  gtk_root_set_focus (root, NULL);
  gtk_text_grab_focus_without_selecting (GTK_TEXT (text));
}

/* Gives the field the focus, for the keys typed next. GTK 4.8 tells a
 * screen reader that a widget took the focus only once the widget's
 * accessible is realized, which it is as the widget is first mapped; the
 * field of a bar made just now maps at the next frame, and a focus given
 * before went untold (Orca said nothing after the first Ctrl+F). A field
 * shown before (realized) is told at once. */
static void
focus_entry (UpStageFind *self)
{
  GtkWidget *text = up_a11y_util_find_descendant (GTK_WIDGET (self->entry), GTK_TYPE_TEXT);

  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
  if (text != NULL && !gtk_widget_get_realized (text) &&
      g_signal_handler_find (text, G_SIGNAL_MATCH_FUNC | G_SIGNAL_MATCH_DATA, 0, 0, NULL,
                             on_entry_mapped, self) == 0)
    g_signal_connect_object (text, "map", G_CALLBACK (on_entry_mapped), self, G_CONNECT_AFTER);
}

/* A letter typed where nothing took it (in the stage list) starts a
 * search with it, as GtkSearchBar's key capture would, without the bar
 * being made before it is needed. */
static gboolean
on_capture_key (UpStageFind           *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  gunichar c = gdk_keyval_to_unicode (keyval);

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK)) != 0 ||
      c == 0 || !g_unichar_isgraph (c))
    return FALSE;

  ensure_bar (self);
  gtk_search_bar_set_search_mode (self->bar, TRUE);
  focus_entry (self);
  /* To the text inside the field, which takes the keys (as GtkSearchEntry
   * forwards its captured keys): the field itself had no use for the key,
   * and the first letter typed in the list was lost ("lar" found "ar"). */
  return gtk_event_controller_key_forward (controller,
                                           up_a11y_util_find_descendant (GTK_WIDGET (self->entry), GTK_TYPE_TEXT));
}

static void
up_stage_find_init (UpStageFind *self)
{
}

GtkWidget *
up_stage_find_new (void)
{
  return g_object_new (UP_TYPE_STAGE_FIND, NULL);
}

void
up_stage_find_set_selection (UpStageFind        *self,
                             GtkSingleSelection *selection)
{
  g_return_if_fail (UP_IS_STAGE_FIND (self));
  g_return_if_fail (selection == NULL || GTK_IS_SINGLE_SELECTION (selection));

  g_set_object (&self->selection, selection);
}

gboolean
up_stage_find_get_search_mode (UpStageFind *self)
{
  g_return_val_if_fail (UP_IS_STAGE_FIND (self), FALSE);

  return self->bar != NULL && gtk_search_bar_get_search_mode (self->bar);
}

void
up_stage_find_set_search_mode (UpStageFind *self,
                               gboolean     search_mode)
{
  g_return_if_fail (UP_IS_STAGE_FIND (self));

  if (!search_mode && self->bar == NULL)
    return;
  ensure_bar (self);
  gtk_search_bar_set_search_mode (self->bar, search_mode);
}

void
up_stage_find_start (UpStageFind *self)
{
  g_return_if_fail (UP_IS_STAGE_FIND (self));

  ensure_bar (self);
  gtk_search_bar_set_search_mode (self->bar, TRUE);
  focus_entry (self);
  gtk_editable_select_region (GTK_EDITABLE (self->entry), 0, -1);
}

void
up_stage_find_set_key_capture_widget (UpStageFind *self,
                                      GtkWidget   *widget)
{
  GtkEventController *keys;

  g_return_if_fail (UP_IS_STAGE_FIND (self));
  g_return_if_fail (GTK_IS_WIDGET (widget));

  keys = gtk_event_controller_key_new ();
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_capture_key), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (widget, keys);
}
