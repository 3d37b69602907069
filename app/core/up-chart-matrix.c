/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "up-chart"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "up-chart-private.h"

void
_up_chart_matrix_size (UpChartContext *ctx,
                     double         *width,
                     double         *height)
{
  *width = 600;
  *height = 600;
}

void
_up_chart_matrix_draw (UpChartContext *ctx,
                     double          width,
                     double          height)
{
}
