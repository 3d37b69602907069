/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "up-chart"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "up-chart-private.h"

void
_up_chart_grid_size (UpChartContext *ctx,
                     double         *width,
                     double         *height)
{
  *width = 600;
  *height = 600;
}

void
_up_chart_grid_draw (UpChartContext *ctx,
                     double          width,
                     double          height)
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
