/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "Upphandla"

#include "config.h"

#include <glib/gi18n.h>

#include "up-note-util.h"
#include "up-notes-print.h"

/* The notes the Notes view lists, printed as a document to read (or, with
 * the dialog's Print to File, to hand out as a PDF): on every sheet the
 * project and the date, on the first what was listed, then each note with
 * its date, kind, visibility and stage, its stakeholders and its text,
 * one after the other, a note going on to the next sheet where it does not
 * end on this one; "Page 2 of 3" under each. Taken from the notes as they
 * are when Print is chosen: an edit while the dialog is open is not in it. */

#define FONT "Cantarell, DejaVu Sans, sans"
#define BODY_SIZE 10.5
#define TITLE_SIZE 13.0
#define SMALL_SIZE 8.5
/* points between two notes, and below the header and above the footer */
#define NOTE_GAP 12.0
#define HEADER_GAP 10.0
/* the first lines of a note that do not go to a sheet alone: its date,
 * its stakeholders, its first line of text */
#define KEEP_TOGETHER 3

/* A note's text laid out, with each line's place in it (Pango units from
 * the layout's top), for the pages to show lines of it. */
typedef struct
{
  PangoLayout *layout;
  int          n_lines;
  double      *tops;       /* points */
  double      *heights;
  double      *xs;
  double      *baselines;
} NoteLines;

/* Lines @first to @first + @n_lines of note @note at @y on a page. */
typedef struct
{
  guint  note;
  int    first;
  int    n_lines;
  double y;
} Piece;

typedef struct
{
  char             *title;
  char             *summary;
  char             *date;
  GPtrArray        *markups;   /* one per note, in the list's order */
  GPtrArray        *notes;     /* NoteLines, laid out for the sheets */
  GPtrArray        *pages;     /* a GArray of Piece each */
  double            body_top;
  double            first_top; /* below the summary, on the first sheet */
  double            body_bottom;
  UpChartPrintDone  done;
  gpointer          user_data;
  gboolean          reported;
} NotesPrint;

static void
note_lines_free (NoteLines *lines)
{
  g_clear_object (&lines->layout);
  g_free (lines->tops);
  g_free (lines->heights);
  g_free (lines->xs);
  g_free (lines->baselines);
  g_free (lines);
}

static void
notes_print_free (NotesPrint *print)
{
  g_free (print->title);
  g_free (print->summary);
  g_free (print->date);
  g_clear_pointer (&print->markups, g_ptr_array_unref);
  g_clear_pointer (&print->notes, g_ptr_array_unref);
  g_clear_pointer (&print->pages, g_ptr_array_unref);
  g_free (print);
}

/* "3 Mar 2026 · Dialogue meeting · Public record · Market dialogue",
 * the stakeholders, then the text: markup, the user's text escaped. */
static char *
note_markup (UpProject *project,
             UpNote    *note)
{
  g_autofree char *meta = up_note_util_meta (project, note, TRUE);
  g_autofree char *people = up_note_util_stakeholder_names (project, note);
  g_autoptr(GString) markup = g_string_new (NULL);
  g_autofree char *escaped = NULL;

  escaped = g_markup_escape_text (meta, -1);
  g_string_append_printf (markup, "<span size=\"%d\" foreground=\"#5e5c64\">%s</span>",
                          (int) (SMALL_SIZE * PANGO_SCALE), escaped);
  if (people[0] != '\0')
    {
      g_free (escaped);
      escaped = g_markup_escape_text (people, -1);
      g_string_append_printf (markup, "\n<span size=\"%d\" foreground=\"#5e5c64\" style=\"italic\">%s</span>",
                              (int) (SMALL_SIZE * PANGO_SCALE), escaped);
    }
  g_free (escaped);
  escaped = g_markup_escape_text (up_note_get_body (note), -1);
  g_string_append_c (markup, '\n');
  g_string_append (markup, escaped);
  return g_string_free (g_steal_pointer (&markup), FALSE);
}

static PangoLayout *
text_layout (GtkPrintContext *context,
             const char      *text,
             double           size,
             gboolean         bold,
             double           width)
{
  PangoLayout *layout = gtk_print_context_create_pango_layout (context);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (FONT);

  pango_font_description_set_size (font, (int) (size * PANGO_SCALE));
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return (double) height / PANGO_SCALE;
}

static NoteLines *
lay_out_note (GtkPrintContext *context,
              const char      *markup,
              double           width)
{
  NoteLines *lines = g_new0 (NoteLines, 1);
  PangoLayoutIter *iter;
  int i = 0;

  lines->layout = text_layout (context, "", BODY_SIZE, FALSE, width);
  pango_layout_set_markup (lines->layout, markup, -1);
  lines->n_lines = pango_layout_get_line_count (lines->layout);
  lines->tops = g_new (double, lines->n_lines);
  lines->heights = g_new (double, lines->n_lines);
  lines->xs = g_new (double, lines->n_lines);
  lines->baselines = g_new (double, lines->n_lines);

  iter = pango_layout_get_iter (lines->layout);
  do
    {
      PangoRectangle logical;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      lines->tops[i] = (double) logical.y / PANGO_SCALE;
      lines->heights[i] = (double) logical.height / PANGO_SCALE;
      lines->xs[i] = (double) logical.x / PANGO_SCALE;
      lines->baselines[i] = (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;
      i++;
    }
  while (i < lines->n_lines && pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  return lines;
}

/* The lines of @lines from @first that fit in @room points. */
static int
lines_fitting (const NoteLines *lines,
               int              first,
               double           room)
{
  int n = 0;

  while (first + n < lines->n_lines &&
         lines->tops[first + n] + lines->heights[first + n] - lines->tops[first] <= room)
    n++;
  return n;
}

static double
lines_height (const NoteLines *lines,
              int              first,
              int              n_lines)
{
  int last = first + n_lines - 1;

  return lines->tops[last] + lines->heights[last] - lines->tops[first];
}

static void
new_page (NotesPrint *print,
          double     *y)
{
  g_ptr_array_add (print->pages, g_array_new (FALSE, FALSE, sizeof (Piece)));
  *y = print->body_top;
}

/* The sheets, counted once the paper is known: every note laid out at
 * the width of the printable area and shared out onto the pages. */
static void
on_begin_print (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                NotesPrint        *print)
{
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context);
  g_autoptr(PangoLayout) title = text_layout (context, print->title, TITLE_SIZE, TRUE, width);
  g_autoptr(PangoLayout) summary = text_layout (context, print->summary, SMALL_SIZE, FALSE, width);
  g_autoptr(PangoLayout) footer = text_layout (context, "0", SMALL_SIZE, FALSE, width);
  double y;

  g_clear_pointer (&print->notes, g_ptr_array_unref);
  g_clear_pointer (&print->pages, g_ptr_array_unref);
  print->notes = g_ptr_array_new_with_free_func ((GDestroyNotify) note_lines_free);
  print->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);

  print->body_top = layout_height (title) + HEADER_GAP;
  print->first_top = print->body_top + layout_height (summary) + HEADER_GAP;
  print->body_bottom = height - layout_height (footer) - HEADER_GAP;

  new_page (print, &y);
  y = print->first_top;
  for (guint n = 0; n < print->markups->len; n++)
    {
      NoteLines *lines = lay_out_note (context, g_ptr_array_index (print->markups, n), width);
      int first = 0;

      g_ptr_array_add (print->notes, lines);
      while (first < lines->n_lines)
        {
          gboolean page_empty = ((GArray *) g_ptr_array_index (print->pages, print->pages->len - 1))->len == 0;
          int fit = lines_fitting (lines, first, print->body_bottom - y);
          Piece piece;

          /* a note's head is not left alone at a sheet's foot; a line
           * taller than a sheet goes on one alone all the same */
          if (!page_empty && (fit == 0 || (first == 0 && fit < MIN (KEEP_TOGETHER, lines->n_lines))))
            {
              new_page (print, &y);
              continue;
            }
          fit = MAX (fit, 1);
          piece = (Piece) { n, first, fit, y };
          g_array_append_val (g_ptr_array_index (print->pages, print->pages->len - 1), piece);
          y += lines_height (lines, first, fit);
          first += fit;
          if (first < lines->n_lines)
            new_page (print, &y);
        }
      y += NOTE_GAP;
    }

  gtk_print_operation_set_n_pages (operation, print->pages->len);
}

static void
show_text (cairo_t     *cr,
           PangoLayout *layout,
           double       x,
           double       y)
{
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

static void
on_draw_page (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              NotesPrint        *print)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context);
  GArray *pieces = g_ptr_array_index (print->pages, page_nr);
  g_autoptr(PangoLayout) title = text_layout (context, print->title, TITLE_SIZE, TRUE, width * 0.7);
  g_autoptr(PangoLayout) date = text_layout (context, print->date, SMALL_SIZE, FALSE, width * 0.3);
  g_autoptr(PangoLayout) footer = NULL;
  g_autofree char *page = NULL;

  cairo_set_source_rgb (cr, 0, 0, 0);
  pango_layout_set_ellipsize (title, PANGO_ELLIPSIZE_END);
  pango_layout_set_alignment (date, PANGO_ALIGN_RIGHT);
  show_text (cr, title, 0, 0);
  /* on the title's baseline */
  show_text (cr, date, width * 0.7,
             (double) (pango_layout_get_baseline (title) - pango_layout_get_baseline (date)) / PANGO_SCALE);
  cairo_set_source_rgb (cr, 0.6, 0.6, 0.6);
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, 0, print->body_top - HEADER_GAP / 2);
  cairo_line_to (cr, width, print->body_top - HEADER_GAP / 2);
  cairo_stroke (cr);

  cairo_set_source_rgb (cr, 0.37, 0.36, 0.39);
  if (page_nr == 0)
    {
      g_autoptr(PangoLayout) summary = text_layout (context, print->summary, SMALL_SIZE, FALSE, width);

      show_text (cr, summary, 0, print->body_top);
    }

  /* Translators: under each sheet of the notes printed; the charts' "Page
   * 2 of 4". */
  page = g_strdup_printf (_("Page %1$u of %2$u"), (guint) page_nr + 1, print->pages->len);
  footer = text_layout (context, page, SMALL_SIZE, FALSE, width);
  pango_layout_set_alignment (footer, PANGO_ALIGN_CENTER);
  show_text (cr, footer, 0, height - layout_height (footer));

  for (guint i = 0; i < pieces->len; i++)
    {
      const Piece *piece = &g_array_index (pieces, Piece, i);
      NoteLines *lines = g_ptr_array_index (print->notes, piece->note);

      /* a hairline over each note that begins below another */
      if (piece->first == 0 && piece->y > (page_nr == 0 ? print->first_top : print->body_top) + 0.5)
        {
          cairo_set_source_rgb (cr, 0.85, 0.85, 0.85);
          cairo_move_to (cr, 0, piece->y - NOTE_GAP / 2);
          cairo_line_to (cr, width, piece->y - NOTE_GAP / 2);
          cairo_stroke (cr);
        }

      cairo_set_source_rgb (cr, 0, 0, 0);
      for (int l = piece->first; l < piece->first + piece->n_lines; l++)
        {
          PangoLayoutLine *line = pango_layout_get_line_readonly (lines->layout, l);

          cairo_move_to (cr, lines->xs[l], piece->y + lines->baselines[l] - lines->tops[piece->first]);
          pango_cairo_show_layout_line (cr, line);
        }
    }
}

static void
on_done (GtkPrintOperation       *operation,
         GtkPrintOperationResult  result,
         NotesPrint              *print)
{
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      if (error == NULL)
        error = g_error_new_literal (GTK_PRINT_ERROR, GTK_PRINT_ERROR_GENERAL,
                                     _("The notes could not be printed."));
    }
  if (!print->reported)
    {
      print->reported = TRUE;
      if (print->done != NULL)
        print->done (error, print->user_data);
    }
}

static GtkPrintOperation *
create_operation (UpProject  *project,
                  GListModel *notes,
                  const char *summary)
{
  GtkPrintOperation *operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *date = up_note_util_format_date (today);
  const char *title = up_project_get_title (project);
  g_autofree char *job_name = NULL;
  NotesPrint *print = g_new0 (NotesPrint, 1);

  print->title = g_strdup (title != NULL && title[0] != '\0' ? title : _("Project"));
  print->summary = g_strdup (summary != NULL ? summary : "");
  /* Translators: at the top right of each sheet of the notes printed;
   * %1$s is the day they were printed. */
  print->date = g_strdup_printf (_("Notes, %1$s"), date);
  print->markups = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0, n = g_list_model_get_n_items (notes); i < n; i++)
    {
      g_autoptr(UpNote) note = g_list_model_get_item (notes, i);

      g_ptr_array_add (print->markups, note_markup (project, note));
    }

  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_PORTRAIT);
  /* a letter's margins, room for a hole punch and a binder's clip */
  gtk_page_setup_set_left_margin (setup, 20, GTK_UNIT_MM);
  gtk_page_setup_set_right_margin (setup, 20, GTK_UNIT_MM);
  gtk_page_setup_set_top_margin (setup, 15, GTK_UNIT_MM);
  gtk_page_setup_set_bottom_margin (setup, 15, GTK_UNIT_MM);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  /* Translators: the name of the notes' print job in the printer's
   * queue: %1$s is the project's title. */
  job_name = g_strdup_printf (_("%1$s – Notes"), print->title);
  gtk_print_operation_set_job_name (operation, job_name);

  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print), print);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page), print);
  g_signal_connect (operation, "done", G_CALLBACK (on_done), print);
  g_object_set_data_full (G_OBJECT (operation), "up-notes-print", print, (GDestroyNotify) notes_print_free);
  return operation;
}

void
up_notes_print (GtkWindow        *parent,
                UpProject        *project,
                GListModel       *notes,
                const char       *summary,
                UpChartPrintDone  done,
                gpointer          user_data)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  NotesPrint *print;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (UP_IS_PROJECT (project));
  g_return_if_fail (G_IS_LIST_MODEL (notes));

  operation = create_operation (project, notes, summary);
  print = g_object_get_data (G_OBJECT (operation), "up-notes-print");
  print->done = done;
  print->user_data = user_data;
  gtk_print_operation_set_allow_async (operation, TRUE);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent, &error) ==
      GTK_PRINT_OPERATION_RESULT_ERROR && !print->reported)
    {
      print->reported = TRUE;
      if (done != NULL)
        done (error, user_data);
    }
}

gboolean
up_notes_print_to_pdf (UpProject   *project,
                       GListModel  *notes,
                       const char  *summary,
                       GFile       *file,
                       GError     **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (UP_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (G_IS_LIST_MODEL (notes), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_get_path (file);
  g_return_val_if_fail (path != NULL, FALSE);

  operation = create_operation (project, notes, summary);
  gtk_print_operation_set_export_filename (operation, path);
  return gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, error) ==
         GTK_PRINT_OPERATION_RESULT_APPLY;
}
