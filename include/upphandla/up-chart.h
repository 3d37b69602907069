/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "up-coverage.h"
#include "up-i18n.h"
#include "up-types.h"

G_BEGIN_DECLS

/* Charts are drawn by the core into any cairo_t: the screen, PNG, SVG, PDF
 * and print share one code path. Units are points (1/72 in) for files and
 * logical pixels on screen. */
typedef enum
{
  UP_CHART_WHEEL,
  UP_CHART_BARS,
  UP_CHART_MATRIX,
  UP_CHART_GRID,
  UP_CHART_REPORT,
  UP_CHART_TIMELINE,
} UpChartKind;

typedef struct
{
  UpLang       lang;          /* language of every text on the chart */
  UpLocalGoal *local_goal;    /* NULL: the whole project */
  const char  *date;          /* ISO date printed on the chart; NULL: today */
  gboolean     dark;          /* screen only: light text on a dark page */
  gboolean     decorations;   /* title, project, date and legend; exports
                                 always have them */
  gboolean     legend;        /* the legend also without the rest of the
                                 decorations (the grid on screen) */
  gboolean     legend_beside; /* screen only: the legend in a column right
                                 of the chart, not under it (a wide area) */
  gboolean     slide;         /* with the decorations, a chart for a slide
                                 (a wide screen read from across a room):
                                 the legend and the key in a column beside
                                 the chart, in larger text */
  gboolean     key;           /* with the decorations, a key of what the
                                 chart shows in short: the goals' names
                                 (wheel, matrix), the people of a full
                                 cell (grid); exports always have it */
  /* The power/interest grid while a stakeholder is dragged: draw
   * @preview_stakeholder (an id; 0 for none) at the preview values instead
   * of its stored ones. */
  gint64       preview_stakeholder;
  int          preview_influence;
  int          preview_interest;
  /* The coverage of @local_goal (or of the whole project) as the caller
   * has it already, borrowed for the one call; NULL: the chart sums it up
   * from the project. A view that redraws often keeps it between edits. */
  UpCoverage  *coverage;
  /* The page to draw of a chart printed on pages, from 1; 0: the whole
   * chart at once. See up_chart_get_n_pages(). */
  guint        page;
  /* The name of the project's file (UTF-8, as shown to the user), for a
   * project without a title (see
   * up_chart_get_project_name()) where @project is a copy that has no
   * file of its own (an export off the main thread); NULL: the file of
   * @project, if any. */
  const char  *file_name;
  /* A PDF's pages all of 16:9, the chart (and each page of it) in the
   * middle of each: slides shown one after the other on a projector,
   * which would otherwise fit a page of another shape between bars. Only
   * a PDF's export reads it. */
  gboolean     slide_pages;
} UpChartOptions;

void        up_chart_options_init  (UpChartOptions *options);

gboolean    up_chart_kind_parse    (const char     *name,
                                    UpChartKind    *kind);
const char *up_chart_kind_get_name (UpChartKind     kind);
/* The name that heads the charts of @project, at most @max_chars
 * characters of it (more end in "…"): its title; without one, its file's
 * name (see UpChartOptions.file_name) without ".upphandla"; and only for
 * a project in no file, "Untitled procurement" in @options->lang. */
char       *up_chart_get_project_name (UpProject            *project,
                                       const UpChartOptions *options,
                                       gsize                 max_chars);
/* The chart's title in @lang ("Agenda 2030 coverage", ...). */
const char *up_chart_kind_get_title (UpChartKind    kind,
                                     UpLang         lang);

/* The size the chart is laid out for (the report: A4 landscape,
 * 841.89 × 595.28 pt). Charts scale to any size given to up_chart_draw(). */
void        up_chart_get_size      (UpChartKind           kind,
                                    UpProject            *project,
                                    const UpChartOptions *options,
                                    double               *width,
                                    double               *height);

/* The pages @kind takes in print: the matrix and the timeline of many
 * stages are split by their rows onto pages of A4 landscape, each with the
 * title and the columns' headings, the first with the legend and the key;
 * every other chart takes one.
 * All pages of a chart have the size up_chart_get_size() gives for page 1. */
guint       up_chart_get_n_pages   (UpChartKind           kind,
                                    UpProject            *project,
                                    const UpChartOptions *options);

/* up_chart_get_n_pages() and the size of every page in one: the chart's
 * own size when it takes one page, else that of page 1. */
guint       up_chart_get_pages     (UpChartKind           kind,
                                    UpProject            *project,
                                    const UpChartOptions *options,
                                    double               *width,
                                    double               *height);

/* Draws every page of @kind (up_chart_get_n_pages()) onto the surface of
 * @cr, each width × height on a page of the background's colour, with a
 * cairo_show_page() after each: a PDF. One layout of the text serves all
 * pages, where a call of up_chart_draw() per page would lay the title,
 * the legend and the key out again for each. */
void        up_chart_draw_pages    (UpChartKind           kind,
                                    UpProject            *project,
                                    const UpChartOptions *options,
                                    cairo_t              *cr,
                                    double                width,
                                    double                height);

void        up_chart_draw          (UpChartKind           kind,
                                    UpProject            *project,
                                    const UpChartOptions *options,
                                    cairo_t              *cr,
                                    double                width,
                                    double                height);

/* The wheel's geometry, for tests and hit testing: the middle of @goal's
 * sector at @radius_fraction of its fill region (0 the inner edge, 1 the
 * outer; a goal covered to the share f is filled from 0 to f), on the wheel
 * drawn at width × height. */
void        up_chart_wheel_sector_point (UpProject            *project,
                                         const UpChartOptions *options,
                                         double                width,
                                         double                height,
                                         guint                 goal,
                                         double                radius_fraction,
                                         double               *x,
                                         double               *y);

/* The power/interest grid's plot area, for a widget that drags stakeholders
 * in it: influence and interest (1..5) at a point of a chart drawn at
 * width × height, and the centre of a cell. */
gboolean    up_chart_grid_cell_at  (UpProject            *project,
                                    const UpChartOptions *options,
                                    double                width,
                                    double                height,
                                    double                x,
                                    double                y,
                                    int                  *influence,
                                    int                  *interest);
void        up_chart_grid_cell_centre (UpProject            *project,
                                       const UpChartOptions *options,
                                       double                width,
                                       double                height,
                                       int                   influence,
                                       int                   interest,
                                       double               *x,
                                       double               *y);

/* The four quadrants of the grid: influence and interest count as high
 * from 4 up (1..3 low). */
typedef enum
{
  UP_GRID_MONITOR,
  UP_GRID_KEEP_INFORMED,     /* low influence, high interest */
  UP_GRID_KEEP_SATISFIED,    /* high influence, low interest */
  UP_GRID_MANAGE_CLOSELY,
} UpGridQuadrant;

UpGridQuadrant up_chart_grid_quadrant (int influence,
                                       int interest);
/* "Manage closely", ... in @lang. */
const char    *up_chart_grid_quadrant_get_label (UpGridQuadrant quadrant,
                                                 UpLang         lang);

/* The centre of @stakeholder's mark on the grid (at the preview values
 * while it is dragged), and in @ring (may be NULL) the outer radius of a
 * ring round it that keeps clear of the mark and of the name beside it,
 * as the ring the chart draws round a stakeholder being dragged. FALSE
 * when it has no mark of its own: its cell is too full and it is counted
 * in the cell's "+ N more". */
gboolean    up_chart_grid_stakeholder_mark (UpProject            *project,
                                            const UpChartOptions *options,
                                            double                width,
                                            double                height,
                                            UpStakeholder        *stakeholder,
                                            double               *x,
                                            double               *y,
                                            double               *ring);

/* One line of a cell of the grid as drawn: a stakeholder's mark, or the
 * "+ N more" line that ends a cell too full for a mark each. */
typedef struct
{
  UpStakeholder *stakeholder;   /* (owned) NULL: the "+ N more" line */
  guint          n_more;        /* the "+ N more" line: N */
  int            influence;     /* the cell, 1..5 */
  int            interest;
  double         x;             /* the mark's centre */
  double         y;
} UpGridMark;

/* Every mark the grid draws, in the order it lays them out (cell by cell,
 * each cell's stakeholders in the project's order), at the preview values
 * while one is dragged: one layout for all of them, where a call of
 * up_chart_grid_stakeholder_mark() per stakeholder would lay the whole grid
 * out each time. At most 5 marks a cell, whatever the number of
 * stakeholders. Returns: (transfer full) (element-type UpGridMark). */
GArray     *up_chart_grid_list_marks (UpProject            *project,
                                      const UpChartOptions *options,
                                      double                width,
                                      double                height);

/* The stakeholder whose mark is under @x, @y on the grid, or NULL. */
UpStakeholder *up_chart_grid_stakeholder_at (UpProject            *project,
                                             const UpChartOptions *options,
                                             double                width,
                                             double                height,
                                             double                x,
                                             double                y);

G_END_DECLS
