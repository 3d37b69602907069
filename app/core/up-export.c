/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "up-export.h"

/* STUB: the writers land with the exports. */

G_DEFINE_QUARK (up-export-error-quark, up_export_error)

static const char * const format_names[] = { "png", "svg", "pdf" };
static const char * const format_mime_types[] = { "image/png", "image/svg+xml", "application/pdf" };

gboolean
up_export_format_parse (const char     *name,
                        UpExportFormat *format)
{
  for (guint i = 0; i < G_N_ELEMENTS (format_names); i++)
    if (g_strcmp0 (name, format_names[i]) == 0)
      {
        *format = i;
        return TRUE;
      }
  return FALSE;
}

const char *
up_export_format_get_name (UpExportFormat format)
{
  g_return_val_if_fail (format < G_N_ELEMENTS (format_names), NULL);
  return format_names[format];
}

const char *
up_export_format_get_mime_type (UpExportFormat format)
{
  g_return_val_if_fail (format < G_N_ELEMENTS (format_mime_types), NULL);
  return format_mime_types[format];
}

gboolean
up_export_chart (UpProject            *project,
                 UpChartKind           kind,
                 UpExportFormat        format,
                 const UpChartOptions *options,
                 int                   png_width,
                 GFile                *output,
                 GError              **error)
{
  g_set_error_literal (error, UP_EXPORT_ERROR, UP_EXPORT_ERROR_FAILED, "not yet");
  return FALSE;
}
