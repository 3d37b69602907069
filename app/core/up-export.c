/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "up-export"

#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <png.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "up-export.h"
#include "up-project.h"

/* Every format is drawn into memory first and written in one go, so a
 * chart that fails halfway never reaches the disk, and the file a user
 * already has is replaced only by a complete new one. */

G_DEFINE_QUARK (up-export-error-quark, up_export_error)

static const char * const format_names[] = { "png", "svg", "pdf" };
static const char * const format_mime_types[] = { "image/png", "image/svg+xml", "application/pdf" };

/* Cairo's image surfaces stop at 32767 pixels a side; the memory of one
 * (4 bytes a pixel) is kept to what the widest square chart needs. */
#define MAX_PNG_SIDE 32767
#define MAX_PNG_PIXELS ((double) UP_EXPORT_PNG_WIDTH_MAX * UP_EXPORT_PNG_WIDTH_MAX)

/* The longest project title a PDF's metadata carries, in characters. */
#define MAX_METADATA_CHARS 300

gboolean
up_export_format_parse (const char     *name,
                        UpExportFormat *format)
{
  g_return_val_if_fail (format != NULL, FALSE);

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
up_export_format_for_file (GFile          *file,
                           UpExportFormat *format)
{
  g_autofree char *name = NULL;
  const char *dot;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (format != NULL, FALSE);

  name = g_file_get_basename (file);
  if (name == NULL || (dot = strrchr (name, '.')) == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (format_names); i++)
    if (g_ascii_strcasecmp (dot + 1, format_names[i]) == 0)
      {
        *format = i;
        return TRUE;
      }
  return FALSE;
}

static char *
display_name (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);

  if (name == NULL)
    return g_file_get_parse_name (file);
  return g_filename_display_name (name);
}

static cairo_status_t
append_to_buffer (void                *closure,
                  const unsigned char *data,
                  unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static void
write_png_data (png_structp  png,
                png_bytep    data,
                png_size_t   length)
{
  g_byte_array_append (png_get_io_ptr (png), data, length);
}

static void
flush_png_data (png_structp png)
{
}

/* Encodes a Cairo image as a PNG. Cairo's own writer compresses at zlib's
 * default level, which took most of an export's time; a chart is large
 * flat areas, which run-length encoding at a low level packs nearly as
 * small in a fraction of the time. A chart is drawn on a white page, so
 * the image has no alpha channel: three bytes a pixel, not four. */
static gboolean
encode_png (cairo_surface_t *surface,
            GByteArray      *buffer)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  const guint8 *pixels;
  g_autofree guint8 *row = g_malloc ((gsize) width * 3);
  png_structp png;
  png_infop info;

  g_return_val_if_fail (cairo_image_surface_get_format (surface) == CAIRO_FORMAT_RGB24, FALSE);

  cairo_surface_flush (surface);
  pixels = cairo_image_surface_get_data (surface);

  png = png_create_write_struct (PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
  if (png == NULL)
    return FALSE;
  info = png_create_info_struct (png);
  if (info == NULL || setjmp (png_jmpbuf (png)))
    {
      png_destroy_write_struct (&png, &info);
      return FALSE;
    }

  png_set_write_fn (png, buffer, write_png_data, flush_png_data);
  png_set_compression_level (png, 3);
  png_set_compression_strategy (png, 3 /* Z_RLE */);
  png_set_filter (png, 0, PNG_FILTER_UP);
  png_set_IHDR (png, info, width, height, 8, PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE,
                PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  png_write_info (png, info);

  for (int y = 0; y < height; y++)
    {
      const guint32 *src = (const guint32 *) (pixels + (gsize) y * stride);

      /* Cairo's RGB24 is a 32-bit word per pixel, in native byte order. */
      for (int x = 0; x < width; x++)
        {
          guint32 p = src[x];
          guint8 *d = row + 3 * x;

          d[0] = (p >> 16) & 0xff;
          d[1] = (p >> 8) & 0xff;
          d[2] = p & 0xff;
        }
      png_write_row (png, row);
    }

  png_write_end (png, info);
  png_destroy_write_struct (&png, &info);
  return TRUE;
}

static void
set_draw_error (GError         **error,
                cairo_status_t   status)
{
  g_set_error (error, UP_EXPORT_ERROR, UP_EXPORT_ERROR_FAILED,
               /* Translators: %1$s is a technical message from the drawing library. */
               _("The chart could not be drawn: %1$s."),
               cairo_status_to_string (status));
}

/* Draws the chart at its natural size @width × @height (points) onto
 * @surface, scaled by @scale, on a white page: a file is read away from
 * the app's theme. */
static cairo_status_t
draw_on (cairo_surface_t      *surface,
         UpChartKind           kind,
         UpProject            *project,
         const UpChartOptions *options,
         double                width,
         double                height,
         double                scale)
{
  cairo_t *cr = cairo_create (surface);
  cairo_status_t status;

  /* The whole surface: a PNG's height is whole pixels, and a last row the
   * chart covers only in part showed the black of an image surface
   * through, a grey line along the bottom. */
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);

  cairo_save (cr);
  up_chart_draw (kind, project, options, cr, width, height);
  cairo_restore (cr);

  cairo_show_page (cr);
  status = cairo_status (cr);
  cairo_destroy (cr);
  return status;
}

/* A PNG @png_width pixels wide of a chart of @width × @height is within
 * the limits; its height rounded as render_png() rounds it. */
static gboolean
png_width_fits (double width,
                double height,
                int    png_width)
{
  double pixel_height = MAX (1, round (height * png_width / width));

  return png_width <= MAX_PNG_SIDE && pixel_height <= MAX_PNG_SIDE &&
         png_width * pixel_height <= MAX_PNG_PIXELS;
}

/* The widest PNG from @low to @high pixels of a chart @width × @height,
 * given that @low fits and @high does not. */
static int
widest_png (double width,
            double height,
            int    low,
            int    high)
{
  /* a wider image is never smaller */
  while (high - low > 1)
    {
      int middle = low + (high - low) / 2;

      if (png_width_fits (width, height, middle))
        low = middle;
      else
        high = middle;
    }
  return low;
}

/* Twice the chart's natural size, as sharp as a screen of today shows it;
 * for a chart too tall for that (the matrix of some 700 stages), its
 * natural size, where its text is still read. A whole scale keeps the
 * text's glyphs on Cairo's fast path (see the charts' text_as_paths()):
 * the widest image that fits, 1.47 times, took 1.4 s at 1,000 stages,
 * this one 0.6 s. 0 when not even that fits. */
static int
default_png_width (double width,
                   double height)
{
  int sharp = (int) ceil (width * 2);
  int plain = (int) ceil (width);

  if (png_width_fits (width, height, sharp))
    return sharp;
  if (png_width_fits (width, height, plain))
    return plain;
  return 0;
}

static GBytes *
render_png (UpChartKind           kind,
            UpProject            *project,
            const UpChartOptions *options,
            double                width,
            double                height,
            int                   png_width,
            GError              **error)
{
  g_autoptr(GByteArray) buffer = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_status_t status;
  double scale;
  double pixel_height;

  if (png_width == 0)
    {
      png_width = default_png_width (width, height);
      if (png_width == 0)
        {
          g_set_error_literal (error, UP_EXPORT_ERROR, UP_EXPORT_ERROR_INVALID,
                               _("The chart is too tall for one image. Export it as PDF, where it takes several pages."));
          return NULL;
        }
    }
  scale = png_width / width;
  /* round, not ceil: 600 × (333 / 600) is 333.00000000000006 */
  pixel_height = MAX (1, round (height * png_width / width));
  if (!png_width_fits (width, height, png_width))
    {
      g_set_error (error, UP_EXPORT_ERROR, UP_EXPORT_ERROR_INVALID,
                   /* Translators: %1$d and %2$d are sizes in pixels. */
                   _("An image of %1$d × %2$d pixels is too large. Choose a smaller width."),
                   png_width, (int) MIN (pixel_height, G_MAXINT));
      return NULL;
    }

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, png_width, (int) pixel_height);
  status = cairo_surface_status (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = draw_on (surface, kind, project, options, width, height, scale);
  if (status == CAIRO_STATUS_SUCCESS && !encode_png (surface, buffer))
    status = CAIRO_STATUS_NO_MEMORY;
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      set_draw_error (error, status);
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
}

/* @text as a line of a file's metadata: control characters become spaces,
 * and a text longer than any window is cut rather than carried whole (a
 * megabyte of title would triple a PDF in its UTF-16). */
static void
append_metadata (GString    *out,
                 const char *text)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (++n > MAX_METADATA_CHARS)
        {
          g_string_append (out, "…");
          break;
        }
      if (g_unichar_iscntrl (c))
        g_string_append_c (out, ' ');
      else
        g_string_append_unichar (out, c);
    }
}

/* The title a PDF viewer shows and a screen reader reads of an SVG: the
 * chart's and the project's, joined by a dash that reads the same in both
 * languages. */
static char *
document_title (UpChartKind  kind,
                UpProject   *project,
                UpLang       lang)
{
  const char *title = up_project_get_title (project);
  GString *out = g_string_new (up_chart_kind_get_title (kind, lang));

  if (title != NULL && title[0] != '\0')
    {
      g_string_append (out, " – ");
      append_metadata (out, title);
    }
  return g_string_free (out, FALSE);
}

/* The PDF's author: the organisation the plan is made for (the app is
 * its creator), or none. */
static char *
document_author (UpProject *project)
{
  const char *organisation = up_project_get_organisation (project);
  GString *out = g_string_new (NULL);

  if (organisation != NULL)
    append_metadata (out, organisation);
  return g_string_free (out, out->len == 0);
}

/* Cairo writes no title into an SVG: the document's <title> goes first in
 * its root element. */
static void
add_svg_title (GByteArray  *svg,
               const char  *title)
{
  const char *data = (const char *) svg->data;
  const char *root = g_strstr_len (data, svg->len, "<svg");
  const char *end = root != NULL ? memchr (root, '>', svg->len - (root - data)) : NULL;
  g_autofree char *escaped = g_markup_escape_text (title, -1);
  g_autofree char *element = g_strdup_printf ("\n<title>%s</title>", escaped);

  if (end == NULL)
    return;
  g_byte_array_prepend (svg, NULL, 0);
  {
    guint at = end + 1 - data;
    guint length = strlen (element);

    g_byte_array_set_size (svg, svg->len + length);
    memmove (svg->data + at + length, svg->data + at, svg->len - length - at);
    memcpy (svg->data + at, element, length);
  }
}

/* An SVG is one picture; a PDF is printed, so a chart too tall for a
 * page (the matrix of many stages) takes as many pages as it needs, each
 * as large as the first. */
static GBytes *
render_vector (UpChartKind           kind,
               UpExportFormat        format,
               UpProject            *project,
               const UpChartOptions *options,
               double                width,
               double                height,
               GError              **error)
{
  g_autoptr(GByteArray) buffer = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_status_t status;
  guint n_pages = format == UP_EXPORT_PDF ? up_chart_get_n_pages (kind, project, options) : 1;

  if (n_pages > 1)
    {
      UpChartOptions first = *options;

      first.page = 1;
      up_chart_get_size (kind, project, &first, &width, &height);
    }

  if (format == UP_EXPORT_SVG)
    {
      surface = cairo_svg_surface_create_for_stream (append_to_buffer, buffer, width, height);
      if (cairo_surface_status (surface) == CAIRO_STATUS_SUCCESS)
        cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PT);
    }
  else
    {
      surface = cairo_pdf_surface_create_for_stream (append_to_buffer, buffer, width, height);
      if (cairo_surface_status (surface) == CAIRO_STATUS_SUCCESS)
        {
          g_autofree char *title = document_title (kind, project, options->lang);

          g_autofree char *author = document_author (project);

          cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
          if (author != NULL)
            cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, author);
          cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Upphandla");
        }
    }

  status = cairo_surface_status (surface);
  if (status == CAIRO_STATUS_SUCCESS && n_pages > 1)
    {
      cairo_t *cr = cairo_create (surface);

      up_chart_draw_pages (kind, project, options, cr, width, height);
      status = cairo_status (cr);
      cairo_destroy (cr);
    }
  else if (status == CAIRO_STATUS_SUCCESS)
    status = draw_on (surface, kind, project, options, width, height, 1.0);
  /* The stream is complete only once the surface is finished. */
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      set_draw_error (error, status);
      return NULL;
    }
  if (format == UP_EXPORT_SVG)
    {
      g_autofree char *title = document_title (kind, project, options->lang);

      add_svg_title (buffer, title);
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
}

static void
set_write_error (GError       **error,
                 GFile         *file,
                 const GError  *io_error)
{
  g_autofree char *name = display_name (file);

  /* A file size limit (EFBIG) has no GIO code of its own. */
  if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_NO_SPACE) ||
      strstr (io_error->message, g_strerror (EFBIG)) != NULL)
    g_set_error (error, UP_EXPORT_ERROR, UP_EXPORT_ERROR_WRITE,
                 /* Translators: %1$s is a file name. */
                 _("“%1$s” could not be written because the disk is full."),
                 name);
  else if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED) ||
           g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_READ_ONLY))
    g_set_error (error, UP_EXPORT_ERROR, UP_EXPORT_ERROR_WRITE,
                 /* Translators: %1$s is a file name. */
                 _("“%1$s” cannot be written there: you do not have permission to write to it or its folder."),
                 name);
  else if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    g_set_error (error, UP_EXPORT_ERROR, UP_EXPORT_ERROR_WRITE,
                 /* Translators: %1$s is a file name. */
                 _("“%1$s” cannot be written: its folder does not exist."),
                 name);
  else if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY))
    g_set_error (error, UP_EXPORT_ERROR, UP_EXPORT_ERROR_WRITE,
                 /* Translators: %1$s is a file name. */
                 _("“%1$s” is a folder. Choose a file name to export to."),
                 name);
  else
    g_set_error (error, UP_EXPORT_ERROR, UP_EXPORT_ERROR_WRITE,
                 /* Translators: %1$s is a file name, %2$s a technical message from the system. */
                 _("“%1$s” could not be written: %2$s."),
                 name, io_error->message);
}

/* Replaces @file whole or not at all, as the store writes a project: for a
 * local file a temporary file in the same folder, fsync and rename; GIO's
 * replace is not used there, because on a failed write it can leave the
 * partial file in place, and in a folder where it cannot create a
 * temporary file it rewrites the file in place. */
static gboolean
write_file (GFile   *file,
            GBytes  *bytes,
            GError **error)
{
  g_autoptr(GError) io_error = NULL;
  g_autofree char *resolved = NULL;
  const char *path = g_file_peek_path (file);
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  GStatBuf st;
  int mode = 0666;

  if (path == NULL)
    {
      if (!g_file_replace_contents (file, data, size, NULL, FALSE, G_FILE_CREATE_NONE,
                                    NULL, NULL, &io_error))
        {
          set_write_error (error, file, io_error);
          return FALSE;
        }
      return TRUE;
    }

  /* Replace what a link points to, not the link. */
  resolved = realpath (path, NULL);
  if (resolved != NULL)
    path = resolved;

  if (g_stat (path, &st) == 0)
    {
      if (S_ISDIR (st.st_mode))
        {
          io_error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY, g_strerror (EISDIR));
          set_write_error (error, file, io_error);
          return FALSE;
        }
      /* A read-only file is not replaced even where its folder would allow
       * the rename: its owner made it read-only on purpose. */
      if (g_access (path, W_OK) != 0)
        {
          io_error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED, g_strerror (errno));
          set_write_error (error, file, io_error);
          return FALSE;
        }
      mode = st.st_mode & 0777;
    }

  {
    g_autoptr(GError) file_error = NULL;

    if (!g_file_set_contents_full (path, data, size, G_FILE_SET_CONTENTS_CONSISTENT, mode, &file_error))
      {
        io_error = g_error_new_literal (G_IO_ERROR, g_io_error_from_file_error (file_error->code),
                                        file_error->message);
        set_write_error (error, file, io_error);
        return FALSE;
      }
  }
  return TRUE;
}

/* @options as a file has them: a file is read away from the app, so it
 * always explains itself (the goals' names included) and is always on a
 * light page. */
static void
file_options (const UpChartOptions *options,
              UpChartOptions       *opts)
{
  if (options != NULL)
    *opts = *options;
  else
    up_chart_options_init (opts);
  opts->decorations = TRUE;
  opts->key = TRUE;
  opts->dark = FALSE;
  opts->preview_stakeholder = 0;
}

/* The file's bytes of @kind, or NULL with @error set: every check of the
 * options, then the drawing. Touches nothing but @project and the charts'
 * own thread-safe state (the catalogues, the thread's Pango font map), so
 * it runs on any one thread that owns @project. */
static GBytes *
render_chart (UpProject            *project,
              UpChartKind           kind,
              UpExportFormat        format,
              const UpChartOptions *options,
              int                   png_width,
              GError              **error)
{
  UpChartOptions opts;
  double width = 0, height = 0;

  if (kind > UP_CHART_REPORT)
    {
      g_set_error_literal (error, UP_EXPORT_ERROR, UP_EXPORT_ERROR_INVALID,
                           _("There is no such chart."));
      return NULL;
    }
  if (format > UP_EXPORT_PDF)
    {
      g_set_error_literal (error, UP_EXPORT_ERROR, UP_EXPORT_ERROR_INVALID,
                           _("The file format is not one of PNG, SVG and PDF."));
      return NULL;
    }
  if (format == UP_EXPORT_PNG && png_width != 0 &&
      (png_width < UP_EXPORT_PNG_WIDTH_MIN || png_width > UP_EXPORT_PNG_WIDTH_MAX))
    {
      g_set_error (error, UP_EXPORT_ERROR, UP_EXPORT_ERROR_INVALID,
                   /* Translators: %1$d is the width asked for, %2$d and %3$d the smallest and
                    * largest widths allowed, all in pixels. */
                   _("An image %1$d pixels wide cannot be made. Choose a width from %2$d to %3$d pixels."),
                   png_width, UP_EXPORT_PNG_WIDTH_MIN, UP_EXPORT_PNG_WIDTH_MAX);
      return NULL;
    }

  file_options (options, &opts);

  up_chart_get_size (kind, project, &opts, &width, &height);
  if (!isfinite (width) || !isfinite (height) || width < 1 || height < 1)
    {
      set_draw_error (error, CAIRO_STATUS_INVALID_SIZE);
      return NULL;
    }

  if (format == UP_EXPORT_PNG)
    return render_png (kind, project, &opts, width, height, png_width, error);
  return render_vector (kind, format, project, &opts, width, height, error);
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
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (UP_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (G_IS_FILE (output), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  bytes = render_chart (project, kind, format, options, png_width, error);
  if (bytes == NULL)
    return FALSE;

  return write_file (output, bytes, error);
}

/* Exports off the calling thread. The job carries a snapshot and nothing
 * of the caller's: the project's database as bytes, the local goal by its
 * id, the options by value. The thread opens its own project over the
 * bytes, which no other thread sees, so the caller goes on editing (and
 * may drop its project) while the chart is drawn and written. */

typedef struct
{
  GBytes         *image;        /* the caller's database, serialized */
  gint64          local_goal;   /* its id; 0: the whole project */
  char           *date;
  UpChartOptions  options;      /* without pointers into the caller's objects */
  UpChartKind     kind;
  UpExportFormat  format;
  int             png_width;
  GFile          *output;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_clear_pointer (&job->image, g_bytes_unref);
  g_clear_pointer (&job->date, g_free);
  g_clear_object (&job->output);
  g_free (job);
}

/* The project of the snapshot, with @options pointing into it. */
static UpProject *
open_snapshot (ExportJob       *job,
               UpChartOptions  *options,
               GError         **error)
{
  g_autoptr(UpStore) store = up_store_open_bytes (job->image, error);
  g_autoptr(UpProject) project = NULL;

  if (store == NULL)
    return NULL;
  project = up_project_new_for_store (store, error);
  if (project == NULL)
    return NULL;

  *options = job->options;
  options->date = job->date;
  if (job->local_goal != 0)
    {
      UpRecord *goal = up_project_lookup (project, "local_goal", job->local_goal);

      /* The caller's goal is in its project (checked there), so in the
       * copy: only a bug ends here. */
      if (goal == NULL || !UP_IS_LOCAL_GOAL (goal))
        {
          g_set_error (error, UP_EXPORT_ERROR, UP_EXPORT_ERROR_INVALID,
                       "No local goal %" G_GINT64_FORMAT " in the project's copy", job->local_goal);
          return NULL;
        }
      options->local_goal = UP_LOCAL_GOAL (goal);
    }
  return g_steal_pointer (&project);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  if (!g_cancellable_set_error_if_cancelled (cancellable, &error))
    {
      UpChartOptions options;
      g_autoptr(UpProject) project = open_snapshot (job, &options, &error);

      /* The copy holds the database now. */
      g_clear_pointer (&job->image, g_bytes_unref);
      if (project != NULL)
        bytes = render_chart (project, job->kind, job->format, &options, job->png_width, &error);
    }

  /* Cancelled after the drawing: the file is not written. Once written, it
   * is reported as written, whatever happens to @cancellable then. */
  if (bytes != NULL && !g_cancellable_set_error_if_cancelled (cancellable, &error))
    write_file (job->output, bytes, &error);

  /* Pango keeps a font map per thread for as long as the thread lives, in
   * thread-local storage that leak checkers do not read; a pool thread
   * may live to the end of the process. Each export loads its own. */
  pango_cairo_font_map_set_default (NULL);

  if (error != NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * up_export_chart_async:
 *
 * up_export_chart() on a worker thread, of a snapshot of @project taken
 * now: edits made after this call are not in the file, and @project may
 * be edited or dropped meanwhile (the task holds no reference to it; a
 * project is finalized on its own thread). @options->local_goal must be
 * a goal of @project; @options->coverage is not used (the copy sums its
 * own up, the same). @callback runs in the thread-default main context of
 * this call. Cancelling @cancellable stops the export before the file is
 * written (then G_IO_ERROR_CANCELLED); a file already written stays
 * reported as written.
 */
void
up_export_chart_async (UpProject            *project,
                       UpChartKind           kind,
                       UpExportFormat        format,
                       const UpChartOptions *options,
                       int                   png_width,
                       GFile                *output,
                       GCancellable         *cancellable,
                       GAsyncReadyCallback   callback,
                       gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  ExportJob *job;

  g_return_if_fail (UP_IS_PROJECT (project));
  g_return_if_fail (G_IS_FILE (output));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));
  g_return_if_fail (options == NULL || options->local_goal == NULL ||
                    (UpRecord *) options->local_goal ==
                    up_project_lookup (project, "local_goal",
                                       up_record_get_id (UP_RECORD (options->local_goal))));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, up_export_chart_async);
  g_task_set_name (task, "up_export_chart_async");
  g_task_set_check_cancellable (task, FALSE);

  job = g_new0 (ExportJob, 1);
  job->kind = kind;
  job->format = format;
  job->png_width = png_width;
  job->output = g_object_ref (output);
  if (options != NULL)
    job->options = *options;
  else
    up_chart_options_init (&job->options);
  job->date = g_strdup (job->options.date);
  if (job->options.local_goal != NULL)
    job->local_goal = up_record_get_id (UP_RECORD (job->options.local_goal));
  job->options.local_goal = NULL;
  job->options.coverage = NULL;
  job->options.date = NULL;
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);

  /* A copy of the in-memory database, a few milliseconds at 1,000
   * stages: the one part of the export left on this thread. */
  job->image = up_store_serialize (up_project_get_store (project), &error);
  if (job->image == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_run_in_thread (task, export_thread);
}

gboolean
up_export_chart_finish (UpProject     *project,
                        GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (UP_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == up_export_chart_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * up_export_get_png_width_max:
 *
 * The widest PNG of @kind that up_export_chart() makes with @options:
 * %UP_EXPORT_PNG_WIDTH_MAX, or less for a chart taller than it is wide.
 */
int
up_export_get_png_width_max (UpProject            *project,
                             UpChartKind           kind,
                             const UpChartOptions *options)
{
  UpChartOptions opts;
  double width = 0, height = 0;
  int low = UP_EXPORT_PNG_WIDTH_MIN;
  int high = UP_EXPORT_PNG_WIDTH_MAX;

  g_return_val_if_fail (UP_IS_PROJECT (project), high);

  file_options (options, &opts);
  up_chart_get_size (kind, project, &opts, &width, &height);

  /* a size the export refuses, or a width it takes whole: it decides */
  if (!isfinite (width) || !isfinite (height) || width < 1 || height < 1 ||
      png_width_fits (width, height, high) || !png_width_fits (width, height, low))
    return high;

  /* low fits, high does not */
  return widest_png (width, height, low, high);
}
