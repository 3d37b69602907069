/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "up-chart.h"
#include "up-project.h"

/* STUB: the drawing lands with the charts. */

static const char * const kind_names[] = { "wheel", "bars", "matrix", "grid", "report" };

void
up_chart_options_init (UpChartOptions *options)
{
  memset (options, 0, sizeof *options);
  options->decorations = TRUE;
}

gboolean
up_chart_kind_parse (const char  *name,
                     UpChartKind *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    if (g_strcmp0 (name, kind_names[i]) == 0)
      {
        *kind = i;
        return TRUE;
      }
  return FALSE;
}

const char *
up_chart_kind_get_name (UpChartKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (kind_names), NULL);
  return kind_names[kind];
}

const char *
up_chart_kind_get_title (UpChartKind kind,
                         UpLang      lang)
{
  return up_chart_kind_get_name (kind);
}

void
up_chart_get_size (UpChartKind           kind,
                   UpProject            *project,
                   const UpChartOptions *options,
                   double               *width,
                   double               *height)
{
  *width = kind == UP_CHART_REPORT ? 841.89 : 600;
  *height = kind == UP_CHART_REPORT ? 595.28 : 600;
}

void
up_chart_draw (UpChartKind           kind,
               UpProject            *project,
               const UpChartOptions *options,
               cairo_t              *cr,
               double                width,
               double                height)
{
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
  return FALSE;
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
  *x = width / 2;
  *y = height / 2;
}

UpStakeholder *
up_chart_grid_stakeholder_at (UpProject            *project,
                              const UpChartOptions *options,
                              double                width,
                              double                height,
                              double                x,
                              double                y)
{
  return NULL;
}
