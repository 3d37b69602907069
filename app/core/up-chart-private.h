/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <pango/pangocairo.h>

#include "up-chart.h"
#include "up-coverage.h"
#include "up-project.h"

G_BEGIN_DECLS

/* What every chart shares: colours, text and the frame (header, body,
 * legend). A chart is laid out at its natural size in points and scaled
 * uniformly into whatever size up_chart_draw() is given, so text keeps its
 * proportions and geometry helpers (the grid's cells, the wheel's sectors)
 * only need the same transform. */

#define UP_CHART_FONT "Cantarell, DejaVu Sans, sans"
#define UP_CHART_MARGIN 24.0
#define UP_CHART_LEGEND_SIZE 9.5
/* The box a legend's swatch is drawn in (UpLegendItem.swatch_width
 * for a wider one). */
#define UP_CHART_SWATCH_WIDTH 22.0
#define UP_CHART_SWATCH_HEIGHT 12.0

typedef struct
{
  double r, g, b, a;
} UpRgba;

typedef enum
{
  UP_TEXT_BOLD        = 1 << 0,
  UP_TEXT_CENTRE      = 1 << 1,
  UP_TEXT_RIGHT       = 1 << 2,
  /* Chart-owned text (titles, labels, legend) that the layout must leave
   * room for: cutting it is a bug, counted for the tests. User text
   * (project and stage titles, names) may be ellipsized. */
  UP_TEXT_MUST_FIT    = 1 << 3,
  UP_TEXT_DIM         = 1 << 4,
  UP_TEXT_MIDDLE      = 1 << 5,   /* @y is the vertical centre */
  UP_TEXT_TIGHT       = 1 << 6,   /* lines closer than the font's own
                                     spacing, two in a row of one */
  UP_TEXT_KEEP_END    = 1 << 7,   /* cut in the middle of the last line,
                                     keeping the text's end */
} UpTextFlags;

typedef struct
{
  cairo_t              *cr;
  UpProject            *project;
  const UpChartOptions *options;
  UpLang                lang;
  UpCoverage           *coverage;   /* NULL when only measuring */
  UpRgba                bg;
  UpRgba                fg;
  UpRgba                dim;
  UpRgba                line;
  UpRgba                grey;       /* an uncovered goal */
  UpRgba                negative;   /* the band of negative impact */
  GHashTable           *layouts;    /* LayoutKey -> PangoLayout, see _up_chart_layout() */
  GHashTable           *lines;      /* LayoutKey -> ShapedLine, see shape_line() */
  GHashTable           *coverages;  /* PangoFont -> PlainCoverage */
  GArray               *first_fonts;  /* FirstFont, see first_font() */
  GPtrArray            *pango_contexts;  /* one for each transform text is drawn under */
  PangoFontDescription *font;       /* the charts' font family, parsed once */
  gboolean              on_image;   /* drawn on pixels (a PNG), not a file of
                                       vectors; see text_as_paths() */
  gboolean              in_file;    /* drawn into a PDF, SVG or PostScript
                                       file, where short texts of many
                                       places are gathered (UpGlyphBatch) */
  GPtrArray            *full_cells; /* the grid's key: a line (char *) for
                                       each full cell, set by the grid */
  guint32               key_goals;  /* bit g: the key names goal g, bit 0:
                                       only those; 0: every goal */
  guint                 legend_columns;  /* under the chart; 0: two */
  double                slide_column;  /* a slide's column of the legend
                                          and the key (one column of
                                          goals then); 0: the default */
  gboolean              legend_fit;  /* under the chart, the legend and
                                        the goals' key in more columns,
                                        each as wide as its texts, where
                                        every text then fits on a line */
  gboolean              legend_compact;  /* the legend and the key with
                                            less room between their lines
                                            and above them */
  GArray               *cut_ids;    /* the grid's names cut in their cells:
                                       the stakeholders' ids (gint64), each
                                       numbered by its index + 1 ... */
  GPtrArray            *cut_names;  /* ... and their names in full (char *),
                                       for the key; set by the grid */
  guint                 page;       /* the page drawn, from 1, of n_pages */
  guint                 n_pages;    /* (the header says so); 0: not paged */
  gboolean              continued;  /* a page after the first: no legend
                                       and no key, page 1 has them */
  gboolean              paged;      /* a slide's grid may go on to more
                                       slides (a PDF), its key too long for
                                       one: see page_slide_key() */
  GListModel           *row_stages;     /* a chart of a row per stage: its */
  gpointer              row_frame;      /* stages, read once for all pages,
                                           and its last frame, for the next
                                           band (up-chart-rows.c) */
  gpointer              matrix_rows;    /* the matrix's cells, read once */
  int                   matrix_layout;  /* 0: not chosen yet, 1: the
                                           matrix's own, 2: compact (see
                                           matrix_spec_of()) */
  gpointer              timeline_rows;  /* the timeline's rows, read once */
  cairo_surface_t      *matrix_chips;   /* the goals' chips, for every page */
  char                 *matrix_notes;   /* the legend's line on the targets
                                           linked only in notes; "" none */
  GHashTable           *emoji_pictures; /* in a file, a colour glyph's picture
                                           (see show_layout_in_file()) */
} UpChartContext;

/* One legend entry: a swatch drawn into a box, and its explanation. */
typedef void (*UpSwatchFunc) (UpChartContext *ctx,
                              double          x,
                              double          y,
                              double          width,
                              double          height,
                              gconstpointer   data);
typedef struct
{
  UpSwatchFunc  swatch;
  gconstpointer data;
  const char   *text;
  /* the width of a swatch wider than the legend's others (0: as wide):
   * the legend's texts all start after the widest */
  double        swatch_width;
} UpLegendItem;

/* The natural layout of a decorated chart and its transform into the
 * size it is drawn at. All boxes are in natural units. */
typedef struct
{
  double natural_width;
  double natural_height;
  double margin;            /* left and right of the whole, and over */
  double margin_y;          /* and under it: UP_CHART_MARGIN, more on
                               a slide */
  double scale;
  double offset_x;
  double offset_y;
  double header_height;
  double body_x;
  double body_y;
  double body_width;
  double body_height;
  double legend_x;
  double legend_y;
  double legend_width;
  double legend_height;
  guint  legend_columns;
  gboolean legend_fitted;   /* its columns as wide as their texts ... */
  gboolean legend_down;     /* ... which run down them, not across */
  double legend_size;       /* of its text */
  double key_x;             /* the key of the goals' names (or the */
  double key_y;             /* grid's names); 0 high when the chart */
  double key_width;         /* has none */
  double key_height;
  guint  key_columns;
  gboolean key_fitted;
  gboolean key_down;
  double key_size;          /* of its text */
  gboolean key_flow;        /* the key's items run down its columns, each
                               column filled to key_column_height (a
                               slide's grid: a numbered list is read
                               down, not across) ... */
  double key_column_height;
  guint  key_first;         /* ... and of them those from key_first */
  guint  key_end;           /* to before key_end are on this page */
} UpChartFrame;

void         _up_chart_context_init     (UpChartContext       *ctx,
                                         cairo_t              *cr,
                                         UpProject            *project,
                                         const UpChartOptions *options,
                                         gboolean              with_coverage);
void         _up_chart_context_clear    (UpChartContext       *ctx);
/* What a chart of Agenda 2030 counts: the links of the whole procurement,
 * or, limited to one regional or local goal, those of that goal's stages
 * only, which its texts then say. */
typedef enum
{
  UP_COUNTED_PROCUREMENT,
  UP_COUNTED_LOCAL_GOAL,
  UP_COUNTED_REGIONAL_GOAL,
} UpCounted;

UpCounted    _up_chart_counted          (UpChartContext       *ctx);
/* The legend's line on the counts beside the goals ("n/m"), in the
 * words of what the chart counts. */
const char  *_up_chart_count_line       (UpChartContext       *ctx);

/* The coverage the chart shows, summed up on first use: a legend that
 * lists only what is drawn reads it also where the chart is only
 * measured. */
UpCoverage  *_up_chart_coverage         (UpChartContext       *ctx);
/* A chart drawn in pieces, each onto a cairo_t of its own (the bands of a
 * PNG): the project is read and the text laid out once for all of them.
 * @target: a surface of the kind the pieces are drawn on. */
typedef struct _UpChartPainter UpChartPainter;

UpChartPainter *_up_chart_painter_new  (UpChartKind           kind,
                                        UpProject            *project,
                                        const UpChartOptions *options,
                                        cairo_surface_t      *target);
void            _up_chart_painter_draw (UpChartPainter       *painter,
                                        cairo_t              *cr,
                                        double                width,
                                        double                height);
void            _up_chart_painter_free (UpChartPainter       *painter);

/* A context for measuring only (geometry helpers called without a cairo_t). */
cairo_t     *_up_chart_measure_cr       (void);

void         _up_chart_parse_colour     (const char           *hex,
                                         UpRgba               *rgba);
void         _up_chart_set_colour       (cairo_t              *cr,
                                         const UpRgba         *rgba);
void         _up_chart_set_goal_colour  (cairo_t              *cr,
                                         guint                 goal,
                                         double                alpha);
/* The light colour of @goal: targets linked with an impact not known.
 * @alpha of the colour on a light page; lightened on a dark one. */
void         _up_chart_set_goal_light   (UpChartContext       *ctx,
                                         guint                 goal,
                                         double                alpha);
/* Dark or light text, whichever reads on @background. */
void         _up_chart_contrast_colour  (const UpRgba         *background,
                                         UpRgba               *text);

/* The line under a chart's project title: the organisation, and the
 * regional or local goal the chart is limited to. */
char        *_up_chart_header_detail    (UpChartContext       *ctx);

/* User text made safe to lay out: valid UTF-8, no control characters, at
 * most @max_chars characters (1 MB titles are cut before Pango sees them). */
char        *_up_chart_clean_text       (const char           *text,
                                         gsize                 max_chars);

PangoLayout *_up_chart_layout           (UpChartContext       *ctx,
                                         const char           *text,
                                         double                size,
                                         UpTextFlags           flags,
                                         double                width,
                                         int                   max_lines);
/* Draws @text in the box starting at @x, @y, @width wide (0: unbounded),
 * in at most @max_lines lines (0: any), ellipsized at the end beyond them.
 * Returns the height used. */
double       _up_chart_text             (UpChartContext       *ctx,
                                         const char           *text,
                                         double                x,
                                         double                y,
                                         double                width,
                                         double                size,
                                         UpTextFlags           flags,
                                         int                   max_lines,
                                         const UpRgba         *colour);
double       _up_chart_text_width       (UpChartContext       *ctx,
                                         const char           *text,
                                         double                size,
                                         UpTextFlags           flags);
double       _up_chart_text_height      (UpChartContext       *ctx,
                                         const char           *text,
                                         double                size,
                                         UpTextFlags           flags,
                                         double                width,
                                         int                   max_lines);

/* Short texts of one font and colour gathered from many places and shown
 * in one operation: a matrix writes a digit in thousands of cells, and
 * each text operation costs a group in SVG and a text object in PDF. */
typedef struct
{
  UpRgba               colour;
  cairo_scaled_font_t *font;
  GArray              *glyphs;      /* cairo_glyph_t */
} UpGlyphBatch;

void         _up_chart_glyph_batch_init (UpGlyphBatch         *batch,
                                         const UpRgba         *colour);
/* Adds @text placed as _up_chart_text() with no width places it. FALSE
 * when it cannot join the batch (another font, a fallback font, a missing
 * glyph): draw it with _up_chart_text() then. */
gboolean     _up_chart_glyph_batch_add  (UpChartContext       *ctx,
                                         UpGlyphBatch         *batch,
                                         const char           *text,
                                         double                x,
                                         double                y,
                                         double                size,
                                         UpTextFlags           flags);
/* For the tests: @text in one line shaped without a layout, as a chart
 * measures and gathers a title or a date in a file where the text is
 * plain (letters, marks and punctuation of one script left to right, in
 * the first font of the charts' set); FALSE where it takes a layout.
 * @glyphs stay @ctx's. */
gboolean     _up_chart_plain_line       (UpChartContext       *ctx,
                                         const char           *text,
                                         double                size,
                                         UpTextFlags           flags,
                                         PangoGlyphString    **glyphs,
                                         PangoRectangle       *logical,
                                         int                  *baseline);
/* For the tests: every text laid out by Pango, none shaped without a
 * layout, from now on (TRUE) or again as the charts do (FALSE). */
void         _up_chart_set_layouts_only (gboolean              only);
/* Shows the glyphs gathered and frees them. */
void         _up_chart_glyph_batch_show (UpChartContext       *ctx,
                                         UpGlyphBatch         *batch);

/* A stage's title in a row of a chart, from @x, centred on @cy, @width
 * wide: in one line of @size where it holds, else in one or two lines of
 * @small_size (UP_TEXT_TIGHT in @flags: two closer together), cut only
 * beyond them, in the second line's middle. _up_chart_row_title_lines()
 * says whether one line of @size holds it, for a chart that makes the
 * row of a longer title taller. In a file, a title in one line joins
 * @lines[0] (of @size) or @lines[1] (of @small_size) where @lines is not
 * NULL, batches of the caller's colour for text. */
guint        _up_chart_row_title_lines  (UpChartContext       *ctx,
                                         const char           *title,
                                         double                width,
                                         double                size,
                                         UpTextFlags           flags);
void         _up_chart_row_title        (UpChartContext       *ctx,
                                         const char           *title,
                                         double                x,
                                         double                cy,
                                         double                width,
                                         double                size,
                                         double                small_size,
                                         UpTextFlags           flags,
                                         UpGlyphBatch         *lines);
/* A stage's row title as _up_chart_row_title() draws it, after a diamond
 * where the stage is a decision (the rows of the matrix and the timeline). */
void         _up_chart_stage_row_title  (UpChartContext       *ctx,
                                         UpStage              *stage,
                                         double                x,
                                         double                cy,
                                         double                width,
                                         double                size,
                                         double                small_size,
                                         UpTextFlags           flags,
                                         UpGlyphBatch         *lines);
/* The width in which _up_chart_stage_row_title() draws @stage's title in
 * one line of @size, its diamond included. */
double       _up_chart_stage_row_title_width (UpChartContext  *ctx,
                                              UpStage         *stage,
                                              double           size,
                                              UpTextFlags      flags);

/* @iso in @lang's long style; "" for a missing or invalid date. */
char        *_up_chart_format_date      (UpChartContext       *ctx,
                                         const char           *iso);

/* Header and legend of a decorated chart. */
double       _up_chart_header_height    (UpChartContext       *ctx,
                                         UpChartKind           kind,
                                         double                width);
void         _up_chart_draw_header      (UpChartContext       *ctx,
                                         UpChartKind           kind,
                                         double                x,
                                         double                y,
                                         double                width);
double       _up_chart_legend_height    (UpChartContext       *ctx,
                                         const UpLegendItem   *items,
                                         guint                 n_items,
                                         double                width,
                                         guint                 n_columns,
                                         double                size);
double       _up_chart_draw_legend      (UpChartContext       *ctx,
                                         const UpLegendItem   *items,
                                         guint                 n_items,
                                         double                x,
                                         double                y,
                                         double                width,
                                         guint                 n_columns,
                                         double                size);

/* Lays out the frame around a body of @body_width × @body_height for a
 * chart drawn at @width × @height. */
void         _up_chart_frame_compute    (UpChartContext       *ctx,
                                         UpChartKind           kind,
                                         const UpLegendItem   *legend,
                                         guint                 n_legend,
                                         double                body_width,
                                         double                body_height,
                                         double                width,
                                         double                height,
                                         UpChartFrame         *frame);
/* Whether anything drawn from @y1 to @y2 (user space, the ink that text
 * or a line may spill beyond its box included) can show in the current
 * clip. A PNG is drawn in bands, each a clip of the chart: what lies
 * wholly outside a band is not laid out or drawn there. */
gboolean     _up_chart_in_clip          (UpChartContext       *ctx,
                                         double                y1,
                                         double                y2);
/* Paints the page, applies the frame's transform and draws header and
 * legend: afterwards the body is drawn in natural units. */
void         _up_chart_frame_draw       (UpChartContext       *ctx,
                                         UpChartKind           kind,
                                         const UpChartFrame   *frame,
                                         const UpLegendItem   *legend,
                                         guint                 n_legend,
                                         double                width,
                                         double                height);
/* How much larger than on a page a slide (UpChartOptions.slide) draws
 * the body of a chart of @kind, beside its legend and key: the bars' and
 * the grid's a little, so that the slide is as wide as a screen (16:9)
 * and they read larger on it than the page's layout would; the
 * timeline's rows half as large again. 1: as on a page (the matrix, wider
 * than tall, reads larger laid out as a page for a plan of the usual
 * length; see up_export_slide_is_larger()). */
#define UP_CHART_BARS_SLIDE_SCALE 1.15
#define UP_CHART_GRID_SLIDE_SCALE 1.2
#define UP_CHART_TIMELINE_SLIDE_SCALE 1.5
double       _up_chart_slide_body_scale (UpChartKind           kind);
/* Whether the chart is laid out as a slide: asked for, and in a file (on
 * screen a chart keeps its page's layout). */
static inline gboolean
_up_chart_is_slide (UpChartContext *ctx)
{
  return ctx->options->slide && ctx->options->decorations;
}

/* Whether the chart is laid out as a file's page, to print (not a slide,
 * not the screen). */
static inline gboolean
_up_chart_is_page (UpChartContext *ctx)
{
  return ctx->options->decorations && !ctx->options->slide;
}

/* How much larger than its natural size a chart of @kind draws its body:
 * _up_chart_slide_body_scale() on a slide, else 1. */
static inline double
_up_chart_body_scale (UpChartContext *ctx,
                      UpChartKind     kind)
{
  return _up_chart_is_slide (ctx) ? _up_chart_slide_body_scale (kind) : 1.0;
}
/* Where the frame was laid out around a body @scale times its natural
 * size (a slide's), draws from here on in the body's natural units from
 * its corner (frame->body_x, frame->body_y) on, @scale times as large. */
void         _up_chart_frame_scale_body (UpChartContext       *ctx,
                                         const UpChartFrame   *frame,
                                         double                scale);

/* The years between two year labels of an axis, the step after @step:
 * 1, 2, 5, 10, 20, 50, ... */
guint        _up_chart_next_year_step   (guint                 step);

/* A diamond of half-diagonal @r around @cx, @cy, as a path: a milestone or
 * a decision. */
void         _up_chart_diamond          (cairo_t              *cr,
                                         double                cx,
                                         double                cy,
                                         double                r);

/* Swatches the charts share. */
void         _up_chart_hatch            (UpChartContext       *ctx,
                                         double                spacing);
void         _up_chart_swatch_negative  (UpChartContext       *ctx,
                                         double                x,
                                         double                y,
                                         double                width,
                                         double                height,
                                         gconstpointer         data);
void         _up_chart_rounded_rect     (cairo_t              *cr,
                                         double                x,
                                         double                y,
                                         double                width,
                                         double                height,
                                         double                radius);
/* A number in bold at the right of its box (@data: the number), as the
 * grid writes it before a name it cuts, in the key of full names. */
void         _up_chart_swatch_number    (UpChartContext       *ctx,
                                         double                x,
                                         double                y,
                                         double                width,
                                         double                height,
                                         gconstpointer         data);
/* A goal's number on a chip of its colour. */
void         _up_chart_goal_chip        (UpChartContext       *ctx,
                                         guint                 goal,
                                         double                x,
                                         double                y,
                                         double                width,
                                         double                height,
                                         double                size,
                                         gboolean              grey);

/* The corners of a goal's chip: as round for every chip. */
#define CHIP_RADIUS 3.0

/* Fills the path's rectangles as rounded rectangles @radius larger on
 * every side (and @grow more); opaque colours only. The path stays. */
void         _up_chart_fill_rounded     (cairo_t              *cr,
                                         double                radius,
                                         double                grow);

/* Goal chips of one size gathered from many rows and drawn together:
 * those of a goal as one path, their numbers as one text operation per
 * colour in a file (a timeline of 1,000 stages has some 2,000 chips). */
typedef struct
{
  double  width;
  double  height;
  double  size;
  GArray *corners[UP_SDG_N_GOALS + 1];  /* top left x, y pairs, by goal */
} UpChipBatch;

void         _up_chart_chip_batch_init  (UpChipBatch          *batch,
                                         double                width,
                                         double                height,
                                         double                size);
void         _up_chart_chip_batch_add   (UpChipBatch          *batch,
                                         guint                 goal,
                                         double                x,
                                         double                y);
/* Draws the chips gathered and frees them. */
void         _up_chart_chip_batch_show  (UpChartContext       *ctx,
                                         UpChipBatch          *batch);

/* The wheel, for the report: sectors around @cx, @cy of outer radius
 * @radius (the goal numbers' band included; the n/m labels outside it when
 * @labels). */
void         _up_chart_wheel_draw_at    (UpChartContext       *ctx,
                                         double                cx,
                                         double                cy,
                                         double                radius,
                                         gboolean              labels,
                                         double                text_size);
guint        _up_chart_wheel_legend     (UpChartContext       *ctx,
                                         UpLegendItem         *items);

/* A chart of a row per stage (the matrix, the timeline), printed on pages
 * of A4 landscape: see up-chart-rows.c. */
/* the timeline's: eight phases (a milestone has none of its own), a
 * stage in progress, one done, the diamond, the red line, the chips */
#define UP_CHART_ROWS_MAX_LEGEND 13
/* The line under the rows of a page after the first. */
#define UP_CHART_ROWS_CONTINUED 20.0

typedef struct
{
  UpChartKind kind;
  double      row;         /* a row's height */
  double      head;        /* the body above the first row */
  double      body_width;
  /* fills @items (at most UP_CHART_ROWS_MAX_LEGEND), returns how many */
  guint     (*legend) (UpChartContext *ctx,
                       UpLegendItem   *items);
  /* on a slide, the body drawn this much larger than on a page, beside
   * its legend and key; 0: as large */
  double      slide_scale;
  /* the column of the stages' titles on a page (part of body_width), and
   * the size and flags _up_chart_stage_row_title() draws them in */
  double      title_width;
  double      title_size;
  UpTextFlags title_flags;
} UpChartRowsSpec;

/* Forgets the frame and the rows a page holds that were worked out for
 * one spec, before the chart asks about another. */
void         _up_chart_rows_forget      (UpChartContext        *ctx);

/* How much larger than its natural units the body is drawn (the frame
 * is laid out around the larger body). */
double       _up_chart_rows_body_scale  (UpChartContext        *ctx,
                                         const UpChartRowsSpec *spec);

/* The chart's stages: the project's, or those linked to its local goal. */
GListModel  *_up_chart_rows_stages      (UpChartContext        *ctx);
/* The width of the column of the stages' titles: the spec's, or on a
 * slide as much more as the widest title needs in one line of the rows'
 * size, up to a third of the body; the body is as much wider. */
double       _up_chart_rows_title_width (UpChartContext        *ctx,
                                         const UpChartRowsSpec *spec);
guint        _up_chart_rows_n_pages     (UpChartContext        *ctx,
                                         const UpChartRowsSpec *spec);
/* The rows the chart draws, from @first of _up_chart_rows_stages() on,
 * and how many rows its body is laid out for: all of them, or as many as a
 * page of its kind holds, so that the rows of every page start at the same
 * place and a last page's room is left at its foot. Sets the page in @ctx
 * for the header. */
GListModel  *_up_chart_rows_page        (UpChartContext        *ctx,
                                         const UpChartRowsSpec *spec,
                                         guint                 *n_body_rows,
                                         guint                 *first);
void         _up_chart_rows_frame       (UpChartContext        *ctx,
                                         const UpChartRowsSpec *spec,
                                         guint                  n_rows,
                                         double                 width,
                                         double                 height,
                                         UpLegendItem          *legend,
                                         guint                 *n_legend,
                                         UpChartFrame          *frame);
void         _up_chart_rows_size        (UpChartContext        *ctx,
                                         const UpChartRowsSpec *spec,
                                         double                *width,
                                         double                *height);
/* The rows from @first to @last (not included) of the @n_rows, @row tall,
 * from @top on that can show in the current clip: all of them on a page
 * or the screen, a few in a band of a tall PNG. */
void         _up_chart_rows_visible     (UpChartContext        *ctx,
                                         double                 top,
                                         double                 row,
                                         guint                  n_rows,
                                         guint                 *first,
                                         guint                 *last);
/* On a page after the first, the line under the rows that sends the
 * reader to page 1. */
void         _up_chart_rows_draw_continued (UpChartContext     *ctx,
                                            const UpChartFrame *frame);

/* The charts. */
void         _up_chart_wheel_size       (UpChartContext *ctx, double *width, double *height);
void         _up_chart_wheel_draw       (UpChartContext *ctx, double width, double height);
void         _up_chart_bars_size        (UpChartContext *ctx, double *width, double *height);
void         _up_chart_bars_draw        (UpChartContext *ctx, double width, double height);
void         _up_chart_matrix_size      (UpChartContext *ctx, double *width, double *height);
void         _up_chart_matrix_draw      (UpChartContext *ctx, double width, double height);
guint        _up_chart_matrix_n_pages   (UpChartContext *ctx);
void         _up_chart_grid_size        (UpChartContext *ctx, double *width, double *height);
void         _up_chart_grid_draw        (UpChartContext *ctx, double width, double height);
guint        _up_chart_grid_n_pages     (UpChartContext *ctx);
void         _up_chart_report_draw      (UpChartContext *ctx, double width, double height);
void         _up_chart_timeline_size    (UpChartContext *ctx, double *width, double *height);
void         _up_chart_timeline_draw    (UpChartContext *ctx, double width, double height);
guint        _up_chart_timeline_n_pages (UpChartContext *ctx);

/* The timeline's marks of a stage's status and of the chart's date,
 * which the report draws too. */
/* What is drawn of the stages of one status: a bar (a stage that is no
 * decision), a decision's diamond, or both. */
#define UP_CHART_SHOWS_BAR 1u
#define UP_CHART_SHOWS_DIAMOND 2u
/* A stage's status: 0 planned, 1 in progress, 2 done. */
guint        _up_chart_timeline_status  (UpStage        *stage);
/* Fills (and outlines) the path in @ctx as a mark of @colour in @status:
 * as _up_chart_timeline_status() says it. */
void         _up_chart_timeline_paint   (UpChartContext *ctx,
                                         const UpRgba   *colour,
                                         guint           status);
/* The legend's line on the stages in progress and done, by what is drawn
 * of each (UP_CHART_SHOWS_*); FALSE, and @item untouched, where neither. */
gboolean     _up_chart_timeline_status_item (UpChartContext *ctx,
                                             guint           progress,
                                             guint           done,
                                             UpLegendItem   *item);
/* The red line of the chart's date, from @top to @bottom at @x, and its
 * legend's line (the swatch's line @centred in its box, or at its right
 * as the timeline's diamond). */
void         _up_chart_timeline_draw_today (UpChartContext *ctx,
                                            double          x,
                                            double          top,
                                            double          bottom);
void         _up_chart_timeline_today_item (UpChartContext *ctx,
                                            gboolean        centred,
                                            UpLegendItem   *item);
/* The chart's date (UpChartOptions.date, else today) as a Julian day. */
guint32      _up_chart_day              (UpChartContext *ctx);

/* Texts that were cut although they had to fit (UP_TEXT_MUST_FIT), and
 * the smallest text size laid out (in chart units), since the last reset:
 * the tests' checks that every label fits and that print is readable. */
guint        _up_chart_get_n_cut        (void);
/* Texts drawn cut short at the end, user text included. */
guint        _up_chart_get_n_ellipsized (void);
double       _up_chart_get_min_text_size (void);
void         _up_chart_reset_n_cut      (void);
/* Tests lay the charts out in another font too (a static string; NULL
 * for the default): where Cantarell is missing, a wider one stands in. */
void         _up_chart_set_font         (const char *family);

G_END_DECLS
