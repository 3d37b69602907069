/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "up-chart"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "up-chart-private.h"

/* The power/interest grid: influence 1..5 upwards, interest 1..5 to the
 * right, in four labelled quadrants. Each stakeholder is a mark shaped and
 * coloured by stance with its name beside it; several in one cell stack
 * without overlapping, a long name takes a second line where the cell has
 * one to spare, and a full cell ends with "+ N more". The quadrant
 * labels sit in strips above and below the cells, so marks never hide them.
 * Drawing, hit testing and the mark positions share one layout. */

#define AXIS_WIDTH 46.0
#define CELL_WIDTH 118.0
#define CELL_HEIGHT 94.0
#define STRIP 28.0
#define BOTTOM_AXIS 40.0
#define BODY_WIDTH (AXIS_WIDTH + 5 * CELL_WIDTH)
#define BODY_HEIGHT (STRIP + 5 * CELL_HEIGHT + STRIP + BOTTOM_AXIS)
#define ENTRY 17.0
#define ENTRY_TIGHT 14.0      /* two lines in a low cell on screen */
/* A stakeholder's mark: its radius, where its name begins right of its
 * centre, and the outer radius of a ring round it that keeps clear of
 * both (round a stakeholder being dragged, and the app's selection). */
#define MARK_RADIUS 6.5
#define NAME_OFFSET 11.0
#define RING_RADIUS 9.5
/* The lines a cell holds: on a page 6 (PAGE_CELL_HEIGHT), else 5. */
#define MAX_ENTRIES 6
#define OTHER_MAX_ENTRIES 5
/* On screen the grid fills its widget, with its text at least this many
 * times its printed size and at most SCREEN_MAX_SCALE times. */
#define SCREEN_MIN_SCALE 1.15
#define SCREEN_MAX_SCALE 1.3
#define HIGH_FROM 4
#define NAME_SIZE 9.0
/* A stakeholder's organisation under the name, in a file's grid: the
 * smallest text of a chart. */
#define ORGANISATION_SIZE 8.0
#define QUADRANT_SIZE 11.5
/* A slide's grid larger (UP_CHART_GRID_SLIDE_SCALE) and its cells wider
 * (SLIDE_CELL_WIDTH), beside a narrower column of the legend and the key
 * (SLIDE_COLUMN) than other charts': the slide then is as wide as a
 * screen (16:9). Beside the common column (540 pt) the grid at its
 * page's size had half a Full HD slide, right of it a legend of five
 * lines and nothing under it. */
#define SLIDE_CELL_WIDTH 156.0
#define SLIDE_COLUMN 330.0
/* A page's grid narrower and its cells taller than the screen's: the
 * page, 559 pt wide and under 806 pt tall, then prints on A4 (less a
 * printer's margins) at its own size, its smallest text (the
 * organisations) 8 pt on paper. At 684 pt wide it was shrunk to 0.82,
 * the organisations to 6.5 pt; the sixth line keeps the organisations
 * that the narrower cells wrap onto two lines. */
#define PAGE_CELL_WIDTH 92.6
#define PAGE_CELL_HEIGHT 106.0

/* The height of a file's cell: a page's, or a slide's. */
static double
file_cell_height (UpChartContext *ctx)
{
  return _up_chart_is_page (ctx) ? PAGE_CELL_HEIGHT : CELL_HEIGHT;
}

/* The width of a file's cell: a slide's, or a page's (the screen's
 * before it is fitted to its widget). */
static double
file_cell_width (UpChartContext *ctx)
{
  if (_up_chart_is_slide (ctx))
    return SLIDE_CELL_WIDTH;
  return _up_chart_is_page (ctx) ? PAGE_CELL_WIDTH : CELL_WIDTH;
}

static const char * const quadrant_labels[] = {
  N_("Monitor"),
  N_("Keep informed"),
  N_("Keep satisfied"),
  N_("Manage closely"),
};

typedef struct
{
  UpStakeholder *stakeholder;   /* NULL: the "+ N more" line of a cell */
  int            influence;
  int            interest;
  guint          n_more;
  double         x;             /* the mark's centre, natural units */
  double         y;
  double         name_x;
  double         name_width;
  guint          lines;         /* lines the name takes, from 1 */
  guint          organisation_lines;  /* lines of the organisation under
                                         it, 0 (not shown) to 2 */
} Entry;

typedef struct
{
  UpChartFrame frame;
  double       plot_x;          /* the cells' top-left corner */
  double       plot_y;
  double       cell_width;
  double       cell_height;
  double       entry;           /* the height of a line in a cell */
  guint        max_entries;     /* lines a cell holds */
  GArray      *entries;
} Layout;

UpGridQuadrant
up_chart_grid_quadrant (int influence,
                        int interest)
{
  gboolean high_influence = influence >= HIGH_FROM;
  gboolean high_interest = interest >= HIGH_FROM;

  if (high_influence)
    return high_interest ? UP_GRID_MANAGE_CLOSELY : UP_GRID_KEEP_SATISFIED;
  return high_interest ? UP_GRID_KEEP_INFORMED : UP_GRID_MONITOR;
}

const char *
up_chart_grid_quadrant_get_label (UpGridQuadrant quadrant,
                                  UpLang         lang)
{
  g_return_val_if_fail (quadrant <= UP_GRID_MANAGE_CLOSELY, NULL);

  return up_lang_gettext (lang, quadrant_labels[quadrant]);
}

static void
stance_colour (const char *stance,
               UpRgba     *colour)
{
  if (g_strcmp0 (stance, "supporter") == 0)
    _up_chart_parse_colour ("#26A269", colour);
  else if (g_strcmp0 (stance, "critic") == 0)
    _up_chart_parse_colour ("#C01C28", colour);
  else if (g_strcmp0 (stance, "neutral") == 0)
    _up_chart_parse_colour ("#5E5C64", colour);
  else
    _up_chart_parse_colour ("#FFFFFF", colour);
}

/* A stance is a colour and a shape inside it: +, −, = and ?, so that
 * print in black and white and colour blindness lose nothing. */
static void
draw_mark (UpChartContext *ctx,
           const char     *stance,
           double          cx,
           double          cy,
           double          r)
{
  cairo_t *cr = ctx->cr;
  gboolean unknown = !up_enum_contains (up_stakeholder_stances, stance) ||
                     g_strcmp0 (stance, "unknown") == 0;
  UpRgba colour, ink = { 1, 1, 1, 1 };

  stance_colour (unknown ? "unknown" : stance, &colour);
  _up_chart_set_colour (cr, &colour);
  cairo_new_path (cr);
  cairo_arc (cr, cx, cy, r, 0, 2 * G_PI);
  cairo_fill_preserve (cr);
  cairo_set_line_width (cr, 1.2);
  _up_chart_set_colour (cr, unknown ? &(UpRgba) { 0.2, 0.2, 0.2, 1 } : &ctx->bg);
  cairo_stroke (cr);

  if (unknown)
    {
      _up_chart_text (ctx, "?", cx, cy, 0, r * 1.4, UP_TEXT_BOLD | UP_TEXT_CENTRE | UP_TEXT_MIDDLE,
                      0, &(UpRgba) { 0.2, 0.2, 0.2, 1 });
      return;
    }

  _up_chart_set_colour (cr, &ink);
  cairo_set_line_width (cr, r * 0.28);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  if (g_strcmp0 (stance, "supporter") == 0)
    {
      cairo_move_to (cr, cx - r * 0.5, cy);
      cairo_line_to (cr, cx + r * 0.5, cy);
      cairo_move_to (cr, cx, cy - r * 0.5);
      cairo_line_to (cr, cx, cy + r * 0.5);
    }
  else if (g_strcmp0 (stance, "critic") == 0)
    {
      cairo_move_to (cr, cx - r * 0.5, cy);
      cairo_line_to (cr, cx + r * 0.5, cy);
    }
  else
    {
      cairo_move_to (cr, cx - r * 0.45, cy - r * 0.25);
      cairo_line_to (cr, cx + r * 0.45, cy - r * 0.25);
      cairo_move_to (cr, cx - r * 0.45, cy + r * 0.25);
      cairo_line_to (cr, cx + r * 0.45, cy + r * 0.25);
    }
  cairo_stroke (cr);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
}

static void
swatch_stance (UpChartContext *ctx,
               double          x,
               double          y,
               double          width,
               double          height,
               gconstpointer   data)
{
  draw_mark (ctx, data, x + width - height / 2 - 1, y + height / 2, height / 2 + 1);
}

/* The mark a stance is drawn with: a stance the app does not know (a
 * file from elsewhere) is drawn as unknown, "?". */
static const char *
drawn_stance (const char *stance)
{
  if (!up_enum_contains (up_stakeholder_stances, stance))
    return "unknown";
  return stance;
}

/* The legend explains the marks the grid draws and no other: a politician
 * read "Stance unknown" under a grid of supporters only as someone not
 * yet asked. In the marks' order; a grid without anyone has only the
 * scale of its axes (an exported one says in its middle that it is
 * empty). */
static guint
grid_legend (UpChartContext *ctx,
             UpLegendItem   *items)
{
  static const char * const stances[] = { "supporter", "neutral", "critic", "unknown" };
  GListModel *people = up_project_get_stakeholders (ctx->project);
  guint n_people = g_list_model_get_n_items (people);
  gboolean drawn[G_N_ELEMENTS (stances)] = { FALSE };
  guint n_drawn = 0, n = 0;

  for (guint i = 0; i < n_people && n_drawn < G_N_ELEMENTS (stances); i++)
    {
      g_autoptr(UpStakeholder) person = g_list_model_get_item (people, i);
      const char *stance = drawn_stance (up_stakeholder_get_stance (person));

      for (guint s = 0; s < G_N_ELEMENTS (stances); s++)
        if (!drawn[s] && g_strcmp0 (stance, stances[s]) == 0)
          {
            drawn[s] = TRUE;
            n_drawn++;
          }
    }

  for (guint i = 0; i < G_N_ELEMENTS (stances); i++)
    if (drawn[i])
      items[n++] = (UpLegendItem) { swatch_stance, stances[i],
                                    up_enum_label_in (up_stakeholder_stances, stances[i], ctx->lang) };
  items[n++] = (UpLegendItem) { NULL, NULL,
    up_lang_gettext (ctx->lang, N_("Influence and interest from 1 (low) to 5 (high); 4 and 5 count as high")) };

  return n;
}

static double
cell_x (const Layout *layout,
        int           interest)
{
  return layout->plot_x + (interest - 1) * layout->cell_width;
}

static double
cell_y (const Layout *layout,
        int           influence)
{
  return layout->plot_y + (5 - influence) * layout->cell_height;
}

static int
clamp_level (gint64 value)
{
  return (int) CLAMP (value, 1, 5);
}

/* On screen (no title, project or date) the grid fills its widget: the
 * cells stretch to the space there is, and the text is drawn at a size one
 * can read instead of shrinking with the whole chart. The cells keep a
 * shape between wide and square; what is left is margin. */
static void
screen_body (UpChartContext     *ctx,
             const UpLegendItem *legend,
             guint               n_legend,
             double              width,
             double              height,
             double             *body_width,
             double             *body_height)
{
  double margins = 2 * UP_CHART_MARGIN;
  double scale = MIN (width / (BODY_WIDTH + margins), height / (BODY_HEIGHT + margins));
  double legend_height = 0;
  double cell_width, cell_height;

  scale = CLAMP (scale, SCREEN_MIN_SCALE, SCREEN_MAX_SCALE);
  cell_width = (width / scale - margins - AXIS_WIDTH) / 5;
  if (ctx->options->legend && n_legend > 0)
    legend_height = 10 + _up_chart_legend_height (ctx, legend, n_legend, AXIS_WIDTH + 5 * cell_width,
                                                  2, UP_CHART_LEGEND_SIZE);
  cell_height = (height / scale - margins - legend_height - 2 * STRIP - BOTTOM_AXIS) / 5;

  cell_width = MIN (cell_width, 3.5 * cell_height);
  cell_height = MIN (cell_height, 1.2 * cell_width);
  cell_width = MAX (cell_width, 40);
  cell_height = MAX (cell_height, ENTRY + 4);

  *body_width = AXIS_WIDTH + 5 * cell_width;
  *body_height = 2 * STRIP + BOTTOM_AXIS + 5 * cell_height;
}

/* The lines (1 or 2) @person's organisation takes under the name in a
 * cell @width wide, 0 when it has none or it takes more. */
static guint
organisation_lines (UpChartContext *ctx,
                    UpStakeholder  *person,
                    double          width,
                    double          entry)
{
  g_autofree char *organisation = _up_chart_clean_text (up_stakeholder_get_organisation (person), 200);
  double height;

  if (organisation[0] == '\0')
    return 0;
  height = _up_chart_text_height (ctx, organisation, ORGANISATION_SIZE, 0, width, 0);
  if (height <= entry)
    return 1;
  return height <= 2 * entry ? 2 : 0;
}

/* The lines @person's name takes in a box @width wide, however many. A
 * name of one long word (an organisation's compound name) breaks inside
 * the word. */
static guint
name_lines (UpChartContext *ctx,
            UpStakeholder  *person,
            double          width)
{
  g_autofree char *name = _up_chart_clean_text (up_stakeholder_get_name (person), 200);
  double line = _up_chart_text_height (ctx, "Ag", NAME_SIZE, 0, 0, 0);
  double all = _up_chart_text_height (ctx, name[0] != '\0' ? name : "–", NAME_SIZE, 0, width, 0);

  return MAX (1, (guint) round (all / line));
}

/* How a cell of @max lines, each @entry high, shares them out among the
 * people of @cell: as many as it holds by name (the last line says "+ N
 * more" when not all fit), then the lines to spare, in the cell's order,
 * to a long name as many as it needs, then, in a file, to each one's
 * organisation under the name where it fits whole. Sets the lines of each
 * entry's name and organisation, @n_shown and whether each name still is
 * cut (@cut may be NULL); returns the number of entries. */
static guint
cell_lines (UpChartContext *ctx,
            GPtrArray      *cell,
            guint           max,
            double          width,
            double          entry,
            guint          *n_shown,
            guint          *lines,
            guint          *organisations,
            gboolean       *cut)
{
  guint n_entries = cell->len <= max ? cell->len : max;
  guint spare = max - n_entries;

  *n_shown = cell->len <= max ? cell->len : max - 1;
  for (guint j = 0; j < n_entries; j++)
    {
      guint need = j < *n_shown ? name_lines (ctx, g_ptr_array_index (cell, j), width) : 1;

      lines[j] = MIN (need, 1 + spare);
      spare -= lines[j] - 1;
      organisations[j] = 0;
      if (cut != NULL)
        cut[j] = need > lines[j];
    }
  /* In a file, the lines still to spare name each one's organisation
   * under the name, in the cell's order, where it fits whole: a
   * politician reading the grid asks who "Anna" is. */
  if (ctx->options->decorations)
    for (guint j = 0; j < *n_shown && spare > 0; j++)
      {
        guint need = organisation_lines (ctx, g_ptr_array_index (cell, j), width, entry);

        if (need > 0 && need <= spare)
          {
            organisations[j] = need;
            spare -= need;
          }
      }
  return n_entries;
}

/* The key of a file's grid: the names cut in their cells, each in full
 * after the number the grid writes before it, and everyone in each full
 * cell, whose last line says "+ N more", a cell a line; from the top row
 * down as the grid reads. A file's cell holds as many lines as a file's
 * layout gives it. */
static void
list_full_cells (UpChartContext  *ctx,
                 GPtrArray      **cells)
{
  guint max = CLAMP ((guint) floor ((file_cell_height (ctx) - 1) / ENTRY), 1,
                     _up_chart_is_page (ctx) ? MAX_ENTRIES : OTHER_MAX_ENTRIES);

  ctx->full_cells = g_ptr_array_new_with_free_func (g_free);
  ctx->cut_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  ctx->cut_names = g_ptr_array_new_with_free_func (g_free);
  for (int influence = 5; influence >= 1; influence--)
    for (int interest = 1; interest <= 5; interest++)
      {
        GPtrArray *cell = cells[(influence - 1) * 5 + interest - 1];
        GString *names;

        guint lines[MAX_ENTRIES], organisations[MAX_ENTRIES], n_shown, n_entries;
        gboolean cut[MAX_ENTRIES];

        /* the names the cell cuts, numbered in the grid's reading order */
        n_entries = cell_lines (ctx, cell, max, file_cell_width (ctx) - 28, ENTRY, &n_shown, lines, organisations, cut);
        for (guint j = 0; j < MIN (n_entries, n_shown); j++)
          if (cut[j])
            {
              UpStakeholder *person = g_ptr_array_index (cell, j);
              gint64 id = up_record_get_id (UP_RECORD (person));

              g_array_append_val (ctx->cut_ids, id);
              g_ptr_array_add (ctx->cut_names, _up_chart_clean_text (up_stakeholder_get_name (person), 200));
            }

        if (cell->len <= max)
          continue;
        names = g_string_new (NULL);
        for (guint i = 0; i < cell->len; i++)
          {
            g_autofree char *name = _up_chart_clean_text (up_stakeholder_get_name (g_ptr_array_index (cell, i)), 200);

            if (i > 0)
              g_string_append (names, ", ");
            /* Each name isolated (FSI … PDI): two names written right to
             * left made one run with the comma between them, read in the
             * wrong order. */
            g_string_append (names, "\u2068");
            g_string_append (names, name[0] != '\0' ? name : "–");
            g_string_append (names, "\u2069");
          }
        g_ptr_array_add (ctx->full_cells,
                         /* Translators: a line of the key under an exported
                          * stakeholder grid: %1$d and %2$d are the cell's
                          * influence and interest (1 to 5), %3$s everyone in
                          * the cell, by name. */
                         g_strdup_printf (up_lang_gettext (ctx->lang, N_("Influence %1$d, interest %2$d: %3$s")),
                                          influence, interest, names->str));
        g_string_free (names, TRUE);
      }
}

/* The number a file's grid gives @person's name, cut in its cell, in the
 * key; 0 for a name it does not cut. */
static guint
cut_number (UpChartContext *ctx,
            UpStakeholder  *person)
{
  gint64 id = up_record_get_id (UP_RECORD (person));

  for (guint i = 0; ctx->cut_ids != NULL && i < ctx->cut_ids->len; i++)
    if (g_array_index (ctx->cut_ids, gint64, i) == id)
      return i + 1;
  return 0;
}

static void
layout_compute (UpChartContext *ctx,
                double          width,
                double          height,
                gboolean        with_entries,
                Layout         *layout)
{
  UpLegendItem legend[5];
  guint n_legend = grid_legend (ctx, legend);
  GListModel *people = up_project_get_stakeholders (ctx->project);
  GPtrArray *cells[25];

  double body_width = AXIS_WIDTH + 5 * file_cell_width (ctx);
  double body_height = 2 * STRIP + BOTTOM_AXIS + 5 * file_cell_height (ctx);
  double scale = _up_chart_body_scale (ctx, UP_CHART_GRID);

  if (!ctx->options->decorations && width > 0 && height > 0)
    screen_body (ctx, legend, n_legend, width, height, &body_width, &body_height);

  for (guint i = 0; i < 25; i++)
    cells[i] = g_ptr_array_new ();

  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(UpStakeholder) person = g_list_model_get_item (people, i);
      int influence = clamp_level (up_stakeholder_get_influence (person));
      int interest = clamp_level (up_stakeholder_get_interest (person));

      if (ctx->options->preview_stakeholder != 0 &&
          up_record_get_id (UP_RECORD (person)) == ctx->options->preview_stakeholder)
        {
          influence = clamp_level (ctx->options->preview_influence);
          interest = clamp_level (ctx->options->preview_interest);
        }
      /* The list model holds its records; the cell borrows them. */
      g_ptr_array_add (cells[(influence - 1) * 5 + interest - 1], person);
    }

  /* A file's grid has the size it is printed at: its full cells are
   * known before the frame, which makes room for their key. */
  if (ctx->options->decorations && ctx->options->key && ctx->full_cells == NULL)
    list_full_cells (ctx, cells);

  ctx->slide_column = SLIDE_COLUMN;
  /* one slide, unless the frame goes on to more (page_slide_key()) */
  ctx->n_pages = 0;
  ctx->page = 0;
  _up_chart_frame_compute (ctx, UP_CHART_GRID, legend, n_legend, body_width * scale,
                           body_height * scale, width, height, &layout->frame);
  layout->cell_width = (body_width - AXIS_WIDTH) / 5;
  layout->cell_height = (body_height - 2 * STRIP - BOTTOM_AXIS) / 5;
  layout->entry = ENTRY;
  if (layout->cell_height - 1 < 2 * ENTRY)
    layout->entry = MAX (ENTRY_TIGHT, (layout->cell_height - 1) / 2);
  layout->max_entries = CLAMP ((guint) floor ((layout->cell_height - 1) / layout->entry), 1,
                               _up_chart_is_page (ctx) ? MAX_ENTRIES : OTHER_MAX_ENTRIES);
  layout->plot_x = layout->frame.body_x + AXIS_WIDTH;
  layout->plot_y = layout->frame.body_y + STRIP;
  layout->entries = NULL;
  if (!with_entries)
    {
      for (guint i = 0; i < 25; i++)
        g_ptr_array_unref (cells[i]);
      return;
    }

  layout->entries = g_array_new (FALSE, TRUE, sizeof (Entry));

  for (int influence = 1; influence <= 5; influence++)
    for (int interest = 1; interest <= 5; interest++)
      {
        GPtrArray *cell = cells[(influence - 1) * 5 + interest - 1];
        guint lines[MAX_ENTRIES], organisations[MAX_ENTRIES], n_shown, n_entries, n_lines = 0;
        double y, x = cell_x (layout, interest);

        n_entries = cell_lines (ctx, cell, layout->max_entries, layout->cell_width - 28, layout->entry,
                                &n_shown, lines, organisations, NULL);
        for (guint j = 0; j < n_entries; j++)
          n_lines += lines[j] + organisations[j];

        y = cell_y (layout, influence) + (layout->cell_height - n_lines * layout->entry) / 2;
        for (guint j = 0; j < n_entries; j++)
          {
            Entry entry = { NULL, influence, interest, 0, x + 13, y + lines[j] * layout->entry / 2, x + 13 + NAME_OFFSET,
                            layout->cell_width - 28, lines[j], organisations[j] };

            if (j < n_shown)
              entry.stakeholder = g_ptr_array_index (cell, j);
            else
              {
                entry.n_more = cell->len - n_shown;
                entry.name_x = x + 8;
                entry.name_width = layout->cell_width - 12;
              }
            g_array_append_val (layout->entries, entry);
            y += (lines[j] + organisations[j]) * layout->entry;
          }
      }

  for (guint i = 0; i < 25; i++)
    g_ptr_array_unref (cells[i]);
}

static void
layout_clear (Layout *layout)
{
  g_clear_pointer (&layout->entries, g_array_unref);
}

static void
quadrant_rect (const Layout   *layout,
               UpGridQuadrant  quadrant,
               double         *x,
               double         *y,
               double         *w,
               double         *h)
{
  gboolean high_interest = quadrant == UP_GRID_MANAGE_CLOSELY || quadrant == UP_GRID_KEEP_INFORMED;
  gboolean high_influence = quadrant == UP_GRID_MANAGE_CLOSELY || quadrant == UP_GRID_KEEP_SATISFIED;
  double split_x = cell_x (layout, HIGH_FROM);
  double split_y = cell_y (layout, HIGH_FROM - 1);

  *x = high_interest ? split_x : layout->plot_x;
  *w = high_interest ? layout->plot_x + 5 * layout->cell_width - split_x : split_x - layout->plot_x;
  *y = high_influence ? layout->plot_y - STRIP : split_y;
  *h = high_influence ? split_y - (layout->plot_y - STRIP) : layout->plot_y + 5 * layout->cell_height + STRIP - split_y;
}

static void
quadrant_colour (UpChartContext *ctx,
                 UpGridQuadrant  quadrant,
                 UpRgba         *colour)
{
  static const char * const light[] = { "#F1F1EF", "#E3EFFA", "#FBF1DA", "#FBE3E0" };
  static const char * const dark[] = { "#2F302E", "#233545", "#40381F", "#482A28" };

  _up_chart_parse_colour (ctx->options->dark ? dark[quadrant] : light[quadrant], colour);
}

void
_up_chart_grid_size (UpChartContext *ctx,
                     double         *width,
                     double         *height)
{
  Layout layout;

  layout_compute (ctx, 0, 0, FALSE, &layout);
  *width = layout.frame.natural_width;
  *height = layout.frame.natural_height;
}

/* A slide's grid, in a PDF, goes on to more slides where its key is too
 * long for one: how many. */
guint
_up_chart_grid_n_pages (UpChartContext *ctx)
{
  Layout layout;

  ctx->paged = TRUE;
  layout_compute (ctx, 0, 0, FALSE, &layout);
  return MAX (ctx->n_pages, 1);
}

void
_up_chart_grid_draw (UpChartContext *ctx,
                     double          width,
                     double          height)
{
  cairo_t *cr = ctx->cr;
  UpLegendItem legend[5];
  guint n_legend = grid_legend (ctx, legend);
  Layout layout;
  double axis_x;

  layout_compute (ctx, width, height, TRUE, &layout);
  /* a slide after the first holds the key alone */
  if (ctx->page > 1)
    {
      _up_chart_frame_draw (ctx, UP_CHART_GRID, &layout.frame, legend, 0, width, height);
      layout_clear (&layout);
      return;
    }
  _up_chart_frame_draw (ctx, UP_CHART_GRID, &layout.frame, legend, n_legend, width, height);
  _up_chart_frame_scale_body (ctx, &layout.frame, _up_chart_body_scale (ctx, UP_CHART_GRID));

  for (UpGridQuadrant q = UP_GRID_MONITOR; q <= UP_GRID_MANAGE_CLOSELY; q++)
    {
      gboolean high_influence = q == UP_GRID_MANAGE_CLOSELY || q == UP_GRID_KEEP_SATISFIED;
      double x, y, w, h;
      UpRgba colour;

      quadrant_rect (&layout, q, &x, &y, &w, &h);
      quadrant_colour (ctx, q, &colour);
      _up_chart_set_colour (cr, &colour);
      cairo_rectangle (cr, x, y, w, h);
      cairo_fill (cr);

      /* The label in the quadrant's outer strip. */
      _up_chart_text (ctx, up_chart_grid_quadrant_get_label (q, ctx->lang), x + 8,
                      high_influence ? y + STRIP / 2 : y + h - STRIP / 2, w - 16, QUADRANT_SIZE,
                      UP_TEXT_BOLD | UP_TEXT_MIDDLE | UP_TEXT_MUST_FIT, 1, NULL);
    }

  /* Cell lines, then the quadrants' borders over them. */
  _up_chart_set_colour (cr, &ctx->line);
  cairo_set_line_width (cr, 0.75);
  for (int i = 0; i <= 5; i++)
    {
      cairo_move_to (cr, layout.plot_x + i * layout.cell_width, layout.plot_y);
      cairo_line_to (cr, layout.plot_x + i * layout.cell_width, layout.plot_y + 5 * layout.cell_height);
      cairo_move_to (cr, layout.plot_x, layout.plot_y + i * layout.cell_height);
      cairo_line_to (cr, layout.plot_x + 5 * layout.cell_width, layout.plot_y + i * layout.cell_height);
    }
  cairo_stroke (cr);

  _up_chart_set_colour (cr, &ctx->dim);
  cairo_set_line_width (cr, 2);
  cairo_move_to (cr, cell_x (&layout, HIGH_FROM), layout.plot_y - STRIP);
  cairo_line_to (cr, cell_x (&layout, HIGH_FROM), layout.plot_y + 5 * layout.cell_height + STRIP);
  cairo_move_to (cr, layout.plot_x, cell_y (&layout, HIGH_FROM - 1));
  cairo_line_to (cr, layout.plot_x + 5 * layout.cell_width, cell_y (&layout, HIGH_FROM - 1));
  cairo_stroke (cr);

  /* Axes: the levels beside the rows and under the columns, and the names. */
  axis_x = layout.frame.body_x;
  for (int level = 1; level <= 5; level++)
    {
      char number[4];

      g_snprintf (number, sizeof number, "%d", level);
      _up_chart_text (ctx, number, layout.plot_x - 8, cell_y (&layout, level) + layout.cell_height / 2, 0, 10,
                      UP_TEXT_RIGHT | UP_TEXT_MIDDLE | UP_TEXT_BOLD, 0, NULL);
      _up_chart_text (ctx, number, cell_x (&layout, level) + layout.cell_width / 2,
                      layout.plot_y + 5 * layout.cell_height + STRIP + 3, 0, 10,
                      UP_TEXT_CENTRE | UP_TEXT_BOLD, 0, NULL);
    }
  _up_chart_text (ctx, up_lang_gettext (ctx->lang, N_("Interest")), layout.plot_x,
                  layout.plot_y + 5 * layout.cell_height + STRIP + 18, 5 * layout.cell_width, 11,
                  UP_TEXT_CENTRE | UP_TEXT_MUST_FIT, 1, NULL);
  cairo_save (cr);
  cairo_translate (cr, axis_x, layout.plot_y + 5 * layout.cell_height);
  cairo_rotate (cr, -G_PI / 2);
  _up_chart_text (ctx, up_lang_gettext (ctx->lang, N_("Influence")), 0, 0,
                  5 * layout.cell_height, 11, UP_TEXT_CENTRE | UP_TEXT_MUST_FIT, 1, NULL);
  cairo_restore (cr);

  /* An exported grid without anyone says so: an empty grid looked as if
   * the names had been lost. On a patch of the page where the quadrants
   * meet, so that it reads as a note and not as someone in a cell. */
  if (ctx->options->decorations &&
      g_list_model_get_n_items (up_project_get_stakeholders (ctx->project)) == 0)
    {
      const char *none = up_lang_gettext (ctx->lang, N_("No stakeholders yet"));
      double cx = cell_x (&layout, HIGH_FROM), cy = cell_y (&layout, HIGH_FROM - 1);
      double tw = MIN (_up_chart_text_width (ctx, none, 12, 0), 2 * layout.cell_width);
      double th = _up_chart_text_height (ctx, none, 12, 0, tw, 2);

      _up_chart_set_colour (cr, &ctx->bg);
      _up_chart_rounded_rect (cr, cx - tw / 2 - 10, cy - th / 2 - 6, tw + 20, th + 12, 4);
      cairo_fill (cr);
      _up_chart_text (ctx, none, cx - tw / 2, cy, tw, 12, UP_TEXT_CENTRE | UP_TEXT_MIDDLE | UP_TEXT_DIM, 2, NULL);
    }

  /* The drop target while a stakeholder is dragged. */
  if (ctx->options->preview_stakeholder != 0)
    {
      static const double dash[] = { 4, 3 };

      _up_chart_set_colour (cr, &ctx->fg);
      cairo_set_line_width (cr, 2);
      cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
      cairo_rectangle (cr, cell_x (&layout, clamp_level (ctx->options->preview_interest)) + 2,
                       cell_y (&layout, clamp_level (ctx->options->preview_influence)) + 2,
                       layout.cell_width - 4, layout.cell_height - 4);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }

  for (guint i = 0; i < layout.entries->len; i++)
    {
      const Entry *entry = &g_array_index (layout.entries, Entry, i);

      if (entry->stakeholder == NULL)
        {
          /* Translators: the last line of a full cell of the stakeholder
           * grid: %1$u stakeholders more are in the cell. */
          g_autofree char *more = g_strdup_printf (up_lang_gettext (ctx->lang, N_("+ %1$u more")),
                                                   entry->n_more);

          _up_chart_text (ctx, more, entry->name_x, entry->y, entry->name_width, NAME_SIZE,
                          UP_TEXT_MIDDLE | UP_TEXT_BOLD | UP_TEXT_MUST_FIT, 1, NULL);
          continue;
        }

      {
        g_autofree char *name = _up_chart_clean_text (up_stakeholder_get_name (entry->stakeholder), 200);
        gboolean dragged = ctx->options->preview_stakeholder != 0 &&
                           up_record_get_id (UP_RECORD (entry->stakeholder)) == ctx->options->preview_stakeholder;

        guint number = cut_number (ctx, entry->stakeholder);
        double name_x = entry->name_x, name_width = entry->name_width;
        double y = entry->y, organisation_y = 0;
        g_autofree char *organisation = NULL;

        if (number > 0)
          {
            char text[16];

            g_snprintf (text, sizeof text, "%u", number);
            name_x += _up_chart_text_width (ctx, text, NAME_SIZE, UP_TEXT_BOLD) + 3;
            name_width -= name_x - entry->name_x;
          }
        if (entry->organisation_lines > 0)
          {
            /* Each line of a name or an organisation is given a cell's
             * line (17 pt) for text of some 11 or 10 pt: a name of four
             * lines left a line's height empty above its organisation,
             * which then read as someone else's. The organisation keeps
             * the distance it has under a name of one line, and the two
             * stand in the middle of their lines, as they do there. */
            double e = layout.entry;
            double line = _up_chart_text_height (ctx, "Ag", NAME_SIZE, 0, 0, 0);
            double small_line = _up_chart_text_height (ctx, "Ag", ORGANISATION_SIZE, 0, 0, 0);
            double name_height = _up_chart_text_height (ctx, name[0] != '\0' ? name : "–", NAME_SIZE, 0,
                                                        name_width, entry->lines);
            double text_height, block_top, block_bottom, above, below, one_line;

            organisation = _up_chart_clean_text (up_stakeholder_get_organisation (entry->stakeholder), 200);
            text_height = _up_chart_text_height (ctx, organisation, ORGANISATION_SIZE, 0, entry->name_width,
                                                 entry->organisation_lines);
            /* under the name's text as under a line of a name */
            organisation_y = y + name_height / 2 + (e - line) / 2 + (e - small_line) / 2 - 0.2 * e;
            block_top = y - entry->lines * e / 2;
            block_bottom = block_top + (entry->lines + entry->organisation_lines) * e;
            above = y - name_height / 2 - block_top;
            below = block_bottom - (organisation_y + text_height);
            /* what is left above and below a name and an organisation of
             * a line each */
            one_line = 0.7 * e - small_line / 2 - (e - line) / 2;
            y += MAX ((below - above - one_line) / 2, 0);
            organisation_y += MAX ((below - above - one_line) / 2, 0);
          }

        if (dragged)
          {
            _up_chart_set_colour (cr, &ctx->fg);
            cairo_set_line_width (cr, 2);
            cairo_new_path (cr);
            cairo_arc (cr, entry->x, y, RING_RADIUS - 1, 0, 2 * G_PI);
            cairo_stroke (cr);
          }
        draw_mark (ctx, up_stakeholder_get_stance (entry->stakeholder), entry->x, y, MARK_RADIUS);
        if (number > 0)
          {
            /* the number of its line in the key, before the name's first
             * line */
            char text[16];
            double first = y - (entry->lines - 1) * _up_chart_text_height (ctx, "Ag", NAME_SIZE, 0, 0, 0) / 2;

            g_snprintf (text, sizeof text, "%u", number);
            _up_chart_text (ctx, text, entry->name_x, first, 0, NAME_SIZE, UP_TEXT_BOLD | UP_TEXT_MIDDLE, 0, NULL);
          }
        _up_chart_text (ctx, name[0] != '\0' ? name : "–", name_x, y, name_width,
                        NAME_SIZE, UP_TEXT_MIDDLE | (dragged ? UP_TEXT_BOLD : 0), entry->lines, NULL);
        if (organisation != NULL)
          _up_chart_text (ctx, organisation, entry->name_x, organisation_y, entry->name_width, ORGANISATION_SIZE,
                          UP_TEXT_DIM, entry->organisation_lines, NULL);
      }
    }

  layout_clear (&layout);
}

static void
to_natural (const Layout *layout,
            double        x,
            double        y,
            double       *nx,
            double       *ny)
{
  *nx = (x - layout->frame.offset_x) / layout->frame.scale;
  *ny = (y - layout->frame.offset_y) / layout->frame.scale;
}

/* The layout of the grid at @width × @height, for the geometry functions
 * that draw nothing. */
static void
layout_measure (UpProject            *project,
                const UpChartOptions *options,
                double                width,
                double                height,
                gboolean              with_entries,
                Layout               *layout)
{
  cairo_t *cr = _up_chart_measure_cr ();
  UpChartContext ctx;

  _up_chart_context_init (&ctx, cr, project, options, FALSE);
  layout_compute (&ctx, width, height, with_entries, layout);
  _up_chart_context_clear (&ctx);
  cairo_destroy (cr);
}

gboolean
up_chart_grid_cell_at (UpProject            *project,
                       const UpChartOptions *options,
                       double                width,
                       double                height,
                       double                x,
                       double                y,
                       int                  *influence,
                       int                  *interest)
{
  Layout layout;
  double nx, ny;
  int column, row;

  g_return_val_if_fail (UP_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);

  layout_measure (project, options, width, height, FALSE, &layout);

  to_natural (&layout, x, y, &nx, &ny);
  if (nx < layout.plot_x || nx >= layout.plot_x + 5 * layout.cell_width ||
      ny < layout.plot_y || ny >= layout.plot_y + 5 * layout.cell_height)
    return FALSE;

  column = CLAMP ((int) floor ((nx - layout.plot_x) / layout.cell_width), 0, 4);
  row = CLAMP ((int) floor ((ny - layout.plot_y) / layout.cell_height), 0, 4);
  if (interest != NULL)
    *interest = column + 1;
  if (influence != NULL)
    *influence = 5 - row;
  return TRUE;
}

void
up_chart_grid_cell_centre (UpProject            *project,
                           const UpChartOptions *options,
                           double                width,
                           double                height,
                           int                   influence,
                           int                   interest,
                           double               *x,
                           double               *y)
{
  Layout layout;

  g_return_if_fail (UP_IS_PROJECT (project));
  g_return_if_fail (options != NULL);

  layout_measure (project, options, width, height, FALSE, &layout);

  *x = layout.frame.offset_x + (cell_x (&layout, clamp_level (interest)) + layout.cell_width / 2) * layout.frame.scale;
  *y = layout.frame.offset_y + (cell_y (&layout, clamp_level (influence)) + layout.cell_height / 2) * layout.frame.scale;
}

gboolean
up_chart_grid_stakeholder_mark (UpProject            *project,
                                const UpChartOptions *options,
                                double                width,
                                double                height,
                                UpStakeholder        *stakeholder,
                                double               *x,
                                double               *y,
                                double               *ring)
{
  Layout layout;
  gboolean found = FALSE;

  g_return_val_if_fail (UP_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (UP_IS_STAKEHOLDER (stakeholder), FALSE);

  layout_measure (project, options, width, height, TRUE, &layout);

  for (guint i = 0; i < layout.entries->len && !found; i++)
    {
      const Entry *entry = &g_array_index (layout.entries, Entry, i);

      if (entry->stakeholder != NULL &&
          up_record_get_id (UP_RECORD (entry->stakeholder)) == up_record_get_id (UP_RECORD (stakeholder)))
        {
          *x = layout.frame.offset_x + entry->x * layout.frame.scale;
          *y = layout.frame.offset_y + entry->y * layout.frame.scale;
          if (ring != NULL)
            *ring = RING_RADIUS * layout.frame.scale;
          found = TRUE;
        }
    }

  layout_clear (&layout);
  return found;
}

static void
clear_mark (gpointer data)
{
  UpGridMark *mark = data;

  g_clear_object (&mark->stakeholder);
}

GArray *
up_chart_grid_list_marks (UpProject            *project,
                          const UpChartOptions *options,
                          double                width,
                          double                height)
{
  Layout layout;
  GArray *marks;

  g_return_val_if_fail (UP_IS_PROJECT (project), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  layout_measure (project, options, width, height, TRUE, &layout);

  marks = g_array_sized_new (FALSE, TRUE, sizeof (UpGridMark), layout.entries->len);
  g_array_set_clear_func (marks, clear_mark);
  for (guint i = 0; i < layout.entries->len; i++)
    {
      const Entry *entry = &g_array_index (layout.entries, Entry, i);
      UpGridMark mark = {
        entry->stakeholder != NULL ? g_object_ref (entry->stakeholder) : NULL,
        entry->n_more,
        entry->influence,
        entry->interest,
        layout.frame.offset_x + entry->x * layout.frame.scale,
        layout.frame.offset_y + entry->y * layout.frame.scale,
      };

      g_array_append_val (marks, mark);
    }

  layout_clear (&layout);
  return marks;
}

UpStakeholder *
up_chart_grid_stakeholder_at (UpProject            *project,
                              const UpChartOptions *options,
                              double                width,
                              double                height,
                              double                x,
                              double                y)
{
  Layout layout;
  UpStakeholder *found = NULL;
  double nx, ny;

  g_return_val_if_fail (UP_IS_PROJECT (project), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  layout_measure (project, options, width, height, TRUE, &layout);

  to_natural (&layout, x, y, &nx, &ny);
  for (guint i = 0; i < layout.entries->len && found == NULL; i++)
    {
      const Entry *entry = &g_array_index (layout.entries, Entry, i);

      /* The mark and its name are one target, as high as the name's lines. */
      if (entry->stakeholder != NULL &&
          nx >= entry->x - 9 && nx < entry->name_x + entry->name_width &&
          ny >= entry->y - entry->lines * layout.entry / 2 && ny < entry->y + entry->lines * layout.entry / 2)
        found = entry->stakeholder;
    }

  layout_clear (&layout);
  return found;
}
