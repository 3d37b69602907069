/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "Upphandla"

#include "config.h"

#include <glib/gi18n.h>

#include "up-a11y-util.h"
#include "up-date-util.h"
#include "up-note-util.h"
#include "up-row-label.h"

char *
up_note_util_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

char *
up_note_util_format_date (const char *iso_date)
{
  if (iso_date == NULL || *iso_date == '\0')
    return g_strdup ("");

  /* As every list shows a date (a note's is of the same kind as a
   * stage's, side by side in the stage panel). */
  return up_date_util_format (iso_date);
}

char *
up_note_util_stakeholder_names (UpProject *project,
                                UpNote    *note)
{
  g_autoptr(GPtrArray) people = up_project_list_note_stakeholders (project, note);
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < people->len; i++)
    {
      if (i > 0)
        /* Translators: Between the names of the stakeholders of a note. */
        g_string_append (names, _(", "));
      g_string_append (names, up_stakeholder_get_name (g_ptr_array_index (people, i)));
    }

  return g_string_free (g_steal_pointer (&names), FALSE);
}

/* What was said at a stage is most likely the kind of talk the stage is
 * for; anything else starts as an internal note, which the user can
 * change. */
const char *
up_note_util_default_kind (UpStage *stage)
{
  const char *kind = stage != NULL ? up_stage_get_kind (stage) : NULL;

  if (g_strcmp0 (kind, "market-dialogue") == 0 || g_strcmp0 (kind, "market-analysis") == 0)
    return "dialogue";
  if (g_strcmp0 (kind, "hackathon") == 0 || g_strcmp0 (kind, "innovation-competition") == 0)
    return "hackathon";

  return "internal";
}

/* The drop-downs show their choice ellipsized, so a long stage title does
 * not widen the list; their popups show it whole. */
static void
on_setup_ellipsized (GtkSignalListItemFactory *factory,
                     GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (label), 6);
  gtk_list_item_set_child (item, label);
}

static void
on_setup_plain (GtkSignalListItemFactory *factory,
                GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
on_bind_label (GtkSignalListItemFactory *factory,
               GtkListItem              *item)
{
  GtkStringObject *string = gtk_list_item_get_item (item);

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)),
                       gtk_string_object_get_string (string));
  /* A choice of the popup takes the focus, and a screen reader read it
   * as "". */
  up_a11y_util_name_row (gtk_list_item_get_child (item), gtk_string_object_get_string (string));
}

void
up_note_util_set_placeholder (GtkListBox *list,
                              const char *text)
{
  GtkWidget *placeholder = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_widget_set_margin_start (placeholder, 12);
  gtk_widget_set_margin_end (placeholder, 12);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_list_box_set_placeholder (list, placeholder);
}

void
up_note_util_setup_drop_down (GtkDropDown *drop_down)
{
  g_autoptr(GtkListItemFactory) button = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkListItemFactory) popup = gtk_signal_list_item_factory_new ();

  g_signal_connect (button, "setup", G_CALLBACK (on_setup_ellipsized), NULL);
  g_signal_connect (button, "bind", G_CALLBACK (on_bind_label), NULL);
  g_signal_connect (popup, "setup", G_CALLBACK (on_setup_plain), NULL);
  g_signal_connect (popup, "bind", G_CALLBACK (on_bind_label), NULL);
  gtk_drop_down_set_factory (drop_down, button);
  gtk_drop_down_set_list_factory (drop_down, popup);
}

static GtkWidget *
caption_label (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "dim-label");

  return label;
}

/* A row shows three lines of a note's text, but its label lays out all
 * the text it is given, every time the list measures its rows (GTK 4.8's
 * list view measures each row it has made, in both orientations, before
 * the row's width is known): the first show of a list of 200 notes of
 * 2,300 characters took 10.4 G instructions (callgrind), against 1.6 G
 * for notes of 136. A row is given the first ROW_BODY_CHARS characters
 * (2.6 G there): three lines of 130, a list column some 900 px wide; in a
 * wider column a long note shows fewer lines, ending in "…". The cut goes
 * back to the end of a word within ROW_CUT_SLACK bytes. */
#define ROW_BODY_CHARS 400
#define ROW_CUT_SLACK 60

gsize
up_note_util_row_cut (const char *text)
{
  gsize end = 0, chars = 0;

  if (text == NULL)
    return 0;

  /* Counted by bytes (a character starts at any byte that does not go on
   * one), so that text that is not UTF-8 cannot take the count past its
   * end. */
  for (; text[end] != '\0'; end++)
    if (((guchar) text[end] & 0xC0) != 0x80 && chars++ == ROW_BODY_CHARS)
      break;
  if (text[end] == '\0')
    return end;

  for (gsize back = end; back > 0 && end - back < ROW_CUT_SLACK; back--)
    if (text[back - 1] == ' ' || text[back - 1] == '\n' || text[back - 1] == '\t')
      return back - 1;

  return end;
}

char *
up_note_util_row_markup (const char *text)
{
  gsize cut = up_note_util_row_cut (text);
  g_autofree char *escaped = g_markup_escape_text (text != NULL ? text : "", cut);

  if (text != NULL && text[cut] != '\0')
    return g_strconcat (escaped, "…", NULL);

  return g_steal_pointer (&escaped);
}

/* The labels of a row, kept on its box so that a recycled row of a list
 * view can be filled again. */
#define META_LABEL "meta-label"
#define BODY_LABEL "body-label"
#define NAMES_LABEL "names-label"
/* How much of a note's text names its row: a screen reader reads a row's
 * name whole, and a note can be pages long. */
#define ROW_NAME_CHARS 160

GtkWidget *
up_note_util_content_new (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *meta = caption_label (NULL);
  GtkWidget *body = gtk_label_new (NULL);
  GtkWidget *names = caption_label (NULL);

  gtk_widget_set_margin_top (box, 9);
  gtk_widget_set_margin_bottom (box, 9);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  gtk_label_set_xalign (GTK_LABEL (body), 0);
  gtk_label_set_wrap (GTK_LABEL (body), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (body), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (body), 3);
  gtk_label_set_ellipsize (GTK_LABEL (body), PANGO_ELLIPSIZE_END);
  /* A label asks for the width of its longest word unless told otherwise;
   * the list must be able to get narrow. */
  gtk_label_set_width_chars (GTK_LABEL (body), 10);
  gtk_label_set_max_width_chars (GTK_LABEL (body), 60);
  gtk_widget_add_css_class (body, "note-body");

  /* Wrapped so that a list view's 200 rows do not lay out their texts to
   * answer questions whose answers it does not use (up-row-label.h). */
  gtk_box_append (GTK_BOX (box), up_row_label_new (meta));
  gtk_box_append (GTK_BOX (box), up_row_label_new (body));
  gtk_box_append (GTK_BOX (box), up_row_label_new (names));
  g_object_set_data (G_OBJECT (box), META_LABEL, meta);
  g_object_set_data (G_OBJECT (box), BODY_LABEL, body);
  g_object_set_data (G_OBJECT (box), NAMES_LABEL, names);

  return box;
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

/* The row takes the focus in a list of notes; a screen reader read it as
 * "" (a list view's) or as its first label. It reads the date, kind,
 * visibility, the stakeholders and the start of the text. */
static void
name_note_row (GtkWidget  *content,
               const char *meta,
               const char *names,
               const char *body)
{
  g_autofree char *excerpt = NULL;
  g_autofree char *label = NULL;

  if (body == NULL || is_blank (body))
    /* Translators: The body of a note that has no text yet. */
    excerpt = g_strdup (_("(empty)"));
  else if (g_utf8_strlen (body, ROW_NAME_CHARS * 4 + 1) > ROW_NAME_CHARS)
    {
      g_autofree char *start = g_utf8_substring (body, 0, ROW_NAME_CHARS);

      excerpt = g_strconcat (start, "…", NULL);
    }
  else
    excerpt = g_strdup (body);

  if (names != NULL && names[0] != '\0')
    /* Translators: A note in a list as a screen reader reads it: %1$s is
     * its date, kind and visibility ("3 March 2026 · Dialogue meeting ·
     * Public"), %2$s the stakeholders it names, %3$s the start of its
     * text. */
    label = g_strdup_printf (_("%1$s; %2$s: %3$s"), meta, names, excerpt);
  else
    /* Translators: A note in a list as a screen reader reads it: %1$s is
     * its date, kind and visibility ("3 March 2026 · Dialogue meeting ·
     * Public"), %2$s the start of its text. */
    label = g_strdup_printf (_("%1$s: %2$s"), meta, excerpt);
  up_a11y_util_name_row (content, label);
}

char *
up_note_util_meta (UpProject *project,
                   UpNote    *note,
                   gboolean   show_stage)
{
  g_autofree char *date = up_note_util_format_date (up_note_get_said_on (note));
  GString *meta = g_string_new (date);

  g_string_append (meta, " · ");
  g_string_append (meta, up_enum_label (up_note_kinds, up_note_get_kind (note)));
  g_string_append (meta, " · ");
  g_string_append (meta, up_enum_label (up_note_visibilities, up_note_get_visibility (note)));
  if (show_stage && up_note_get_stage_id (note) > 0)
    {
      UpRecord *stage = up_project_lookup (project, "stage", up_note_get_stage_id (note));

      if (stage != NULL)
        {
          g_string_append (meta, " · ");
          g_string_append (meta, up_stage_get_title (UP_STAGE (stage)));
        }
    }
  return g_string_free (meta, FALSE);
}

void
up_note_util_content_set (GtkWidget  *content,
                          UpProject  *project,
                          UpNote     *note,
                          const char *body_markup,
                          gboolean    show_stage)
{
  GtkLabel *body = g_object_get_data (G_OBJECT (content), BODY_LABEL);
  GtkLabel *names_label = g_object_get_data (G_OBJECT (content), NAMES_LABEL);
  g_autofree char *names = up_note_util_stakeholder_names (project, note);
  g_autofree char *meta = up_note_util_meta (project, note, show_stage);

  gtk_label_set_label (g_object_get_data (G_OBJECT (content), META_LABEL), meta);

  /* Blanks only would be a row with nothing to read: it is empty too. */
  if (body_markup != NULL && !is_blank (body_markup))
    {
      gtk_label_set_markup (body, body_markup);
      gtk_widget_remove_css_class (GTK_WIDGET (body), "dim-label");
    }
  else
    {
      gtk_label_set_use_markup (body, FALSE);
      /* Translators: The body of a note that has no text yet. */
      gtk_label_set_label (body, _("(empty)"));
      gtk_widget_add_css_class (GTK_WIDGET (body), "dim-label");
    }

  gtk_label_set_label (names_label, names);
  /* Its holder's, or the box would keep its spacing for it. */
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (names_label)), *names != '\0');

  g_object_set_data (G_OBJECT (content), "note-id",
                     GSIZE_TO_POINTER (up_record_get_id (UP_RECORD (note))));

  name_note_row (content, meta, names, up_note_get_body (note));
}

GtkWidget *
up_note_util_row_new (UpProject  *project,
                      UpNote     *note,
                      const char *body_markup,
                      gboolean    show_stage)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *content = up_note_util_content_new ();

  up_note_util_content_set (content, project, note, body_markup, show_stage);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), content);
  g_object_set_data (G_OBJECT (row), "note-id", GSIZE_TO_POINTER (up_record_get_id (UP_RECORD (note))));
  g_object_set_data (G_OBJECT (row), BODY_LABEL, g_object_get_data (G_OBJECT (content), BODY_LABEL));

  return row;
}
