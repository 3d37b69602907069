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
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#include "up-chart-private.h"
#include "up-deflate-private.h"
#include "up-export-private.h"
#include "up-export.h"
#include "up-project.h"

/* Every format is drawn into memory first and written in one go, so a
 * chart that fails halfway never reaches the disk, and the file a user
 * already has is replaced only by a complete new one. */

G_DEFINE_QUARK (up-export-error-quark, up_export_error)

static const char * const format_names[] = { "png", "svg", "pdf" };
static const char * const format_mime_types[] = { "image/png", "image/svg+xml", "application/pdf" };

/* The largest image made: 32767 pixels a side, as Cairo's image surfaces
 * (and many viewers) stop there, and no more pixels than the widest
 * square chart has. */
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

/* A PNG is written here, not through libpng or Cairo's writer: a chart
 * tall enough to be worth waiting for (the matrix of a long plan) is drawn
 * in bands, and each band is compressed on a thread of its own while the
 * next is drawn, one deflate stream in pieces that end on a byte (a sync
 * flush), so that the pieces join into one. A tall image is never in
 * memory whole: a band's pixels are used again for a later band, where
 * filling 70 MB of new memory for a 1,000-stage matrix took more time than
 * drawing it. A chart is drawn on a white page, so the image has no alpha:
 * three bytes a pixel. Each row is filtered by its difference to the row
 * above ("Up"), which leaves the large flat areas of a chart zeros. */

/* A chart up to this many bytes of pixels is drawn whole, in one band:
 * drawing it once costs less than drawing each band's part of it (the
 * wheel and the report have nothing to leave out). */
#define PNG_WHOLE_BYTES (32 << 20)
/* Bytes of pixels in a band of a taller chart (a little over 1,300 rows
 * of a matrix). */
#define PNG_BAND_BYTES (4 << 20)

/* The pixels of a band, given back to the queue of free pixels when the
 * last of its pieces is compressed. */
typedef struct
{
  guint8       *pixels;
  int           pending;     /* pieces not compressed yet */
} PngBand;

/* Rows of a band, compressed by one worker as one deflate piece. */
typedef struct
{
  PngBand      *band;
  const guint8 *rows;        /* Cairo RGB24, @stride bytes a row, in the band's pixels */
  const guint8 *above;       /* the row above the piece (Cairo RGB24), NULL for the first */
  int           width;
  int           n_rows;
  int           stride;
  gboolean      last;
  GByteArray   *deflated;    /* raw deflate, ending on a byte boundary */
  uLong         adler;       /* of the piece's filtered rows */
  gsize         raw_length;
} PngPiece;

/* Each byte of @a less the byte of @b in its place, modulo 256, with no
 * borrow from one byte to the next. */
static inline guint64
bytes_minus (guint64 a,
             guint64 b)
{
  const guint64 high = G_GUINT64_CONSTANT (0x8080808080808080);

  return ((a | high) - (b & ~high)) ^ ((a ^ ~b) & high);
}

/* Writes @pixel (0x00RRGGBB) to @dest as red, green and blue, and a
 * fourth byte that the next pixel overwrites. */
static inline void
put_rgb (guint8  *dest,
         guint32  pixel)
{
  guint32 word = GUINT32_TO_LE (GUINT32_SWAP_LE_BE (pixel) >> 8);

  memcpy (dest, &word, 4);
}

/* Writes the PNG row of @row (Cairo RGB24, a 32-bit word a pixel in native
 * byte order) to @dest: a filter byte and the RGB bytes of each pixel less
 * those of the pixel in @above (PNG's "Up" filter), two pixels at a time.
 * @dest has a byte to spare after the row. */
static void
filter_row (const guint8 *row,
            const guint8 *above,
            guint8       *dest,
            int           width)
{
  int x = 0;

  *dest++ = 2;  /* the Up filter */
  /* a row as the row above it (a quarter of a matrix's) is all zeros */
  if (memcmp (row, above, (gsize) width * 4) == 0)
    {
      memset (dest, 0, (gsize) width * 3);
      return;
    }
  for (; x + 1 < width; x += 2, dest += 6)
    {
      guint64 a, b, d;

      memcpy (&a, row + 4 * x, 8);
      memcpy (&b, above + 4 * x, 8);
      if (a == b)
        {
          memset (dest, 0, 6);
          continue;
        }
      d = bytes_minus (a, b);
#if G_BYTE_ORDER == G_LITTLE_ENDIAN
      put_rgb (dest, (guint32) d);
      put_rgb (dest + 3, (guint32) (d >> 32));
#else
      put_rgb (dest, (guint32) (d >> 32));
      put_rgb (dest + 3, (guint32) d);
#endif
    }
  if (x < width)
    {
      guint32 a, b;

      memcpy (&a, row + 4 * x, 4);
      memcpy (&b, above + 4 * x, 4);
      put_rgb (dest, (guint32) bytes_minus (a, b));
    }
}

/* Rows are compressed in blocks of at most this many bytes, each with
 * Huffman codes of its own: rows of text and empty rows are mostly coded
 * apart, and the codes are not made again too often. */
#define PNG_RUN_BYTES (256 * 1024)

/* zlib's adler32() of @data, where most of @data is zeros: a zero byte
 * adds nothing to the first sum, and the first sum to the second. */
static uLong
adler32_sparse (uLong         adler,
                const guint8 *data,
                gsize         length)
{
  /* within a chunk, the sums stay well within 64 bits */
  const gsize chunk = 1 << 20;
  guint64 a = adler & 0xffff;
  guint64 b = adler >> 16;

  while (length > 0)
    {
      gsize n = MIN (length, chunk);
      gsize i = 0;

      for (; i + 8 <= n; i += 8)
        {
          guint64 word;

          memcpy (&word, data + i, 8);
          if (word == 0)
            b += 8 * a;
          else
            for (int k = 0; k < 8; k++)
              {
                a += data[i + k];
                b += a;
              }
        }
      for (; i < n; i++)
        {
          a += data[i];
          b += a;
        }
      a %= 65521;
      b %= 65521;
      data += n;
      length -= n;
    }
  return (uLong) ((b << 16) | a);
}

/* Compresses @piece and gives its band's pixels back to @free_pixels when
 * it was the band's last piece. */
static void
deflate_piece (PngPiece    *piece,
               GAsyncQueue *free_pixels)
{
  gsize row_bytes = (gsize) piece->width * 3 + 1;
  int run = (int) CLAMP (PNG_RUN_BYTES / row_bytes, 1, (gsize) piece->n_rows);
  g_autofree guint8 *filtered = g_malloc (row_bytes * run + 1);
  /* above the first row of the image, PNG's Up filter sees zeros */
  g_autofree guint8 *black = piece->above == NULL ? g_malloc0 (piece->stride) : NULL;
  const guint8 *above = piece->above != NULL ? piece->above : black;
  UpDeflate deflate;

  piece->deflated = g_byte_array_new ();
  piece->adler = adler32 (0, NULL, 0);
  piece->raw_length = row_bytes * piece->n_rows;
  _up_deflate_init (&deflate, piece->deflated);

  for (int y = 0; y < piece->n_rows; y += run)
    {
      int n = MIN (run, piece->n_rows - y);
      gboolean last_rows = y + n == piece->n_rows;

      for (int i = 0; i < n; i++)
        {
          const guint8 *row = piece->rows + (gsize) (y + i) * piece->stride;

          filter_row (row, above, filtered + i * row_bytes, piece->width);
          above = row;
        }
      piece->adler = adler32_sparse (piece->adler, filtered, row_bytes * n);
      _up_deflate_block (&deflate, filtered, row_bytes * n, row_bytes, last_rows && piece->last);
    }
  _up_deflate_finish (&deflate);

  if (g_atomic_int_dec_and_test (&piece->band->pending))
    g_async_queue_push (free_pixels, g_steal_pointer (&piece->band->pixels));
}

/* Compresses the pieces of @data, a GAsyncQueue of them, up to a piece
 * that is no piece (the queue's end); @free_pixels takes their pixels. */
typedef struct
{
  GAsyncQueue *pieces;
  GAsyncQueue *free_pixels;
} PngWorkers;

static PngPiece png_pieces_end;

static gpointer
compress_pieces (gpointer data)
{
  PngWorkers *workers = data;
  PngPiece *piece;

  while ((piece = g_async_queue_pop (workers->pieces)) != &png_pieces_end)
    deflate_piece (piece, workers->free_pixels);
  return NULL;
}

static void
append_be32 (GByteArray *out,
             guint32     value)
{
  guint8 bytes[4] = { value >> 24, (value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff };

  g_byte_array_append (out, bytes, 4);
}

/* Starts a chunk of @type; returns where its type is, for png_chunk_end(). */
static guint
png_chunk_begin (GByteArray *out,
                 const char *type)
{
  append_be32 (out, 0);
  g_byte_array_append (out, (const guint8 *) type, 4);
  return out->len - 4;
}

/* Sets the chunk's length and appends its checksum (of type and data). */
static void
png_chunk_end (GByteArray *out,
               guint       type_at)
{
  guint32 length = out->len - type_at - 4;
  guint8 *at = out->data + type_at - 4;

  at[0] = length >> 24;
  at[1] = (length >> 16) & 0xff;
  at[2] = (length >> 8) & 0xff;
  at[3] = length & 0xff;
  append_be32 (out, crc32 (0, out->data + type_at, out->len - type_at));
}

/* The PNG of @pieces (all compressed), @width × @height pixels. */
static GBytes *
png_assemble (PngPiece *pieces,
              guint     n_pieces,
              int       width,
              int       height)
{
  static const guint8 signature[8] = { 137, 'P', 'N', 'G', '\r', '\n', 26, '\n' };
  /* deflate with a 32 KiB window; the check bits make the pair a multiple of 31 */
  static const guint8 zlib_header[2] = { 0x78, 0x01 };
  /* 8 bits a sample, RGB, deflate, adaptive filters, not interlaced */
  static const guint8 header_tail[5] = { 8, 2, 0, 0, 0 };
  gsize size = sizeof signature + 25 + 12 * n_pieces + sizeof zlib_header + 4 + 12;
  uLong adler = adler32 (0, NULL, 0);
  g_autoptr(GByteArray) out = NULL;
  guint at;

  for (guint b = 0; b < n_pieces; b++)
    size += pieces[b].deflated->len;
  out = g_byte_array_sized_new (size);

  g_byte_array_append (out, signature, sizeof signature);
  at = png_chunk_begin (out, "IHDR");
  append_be32 (out, width);
  append_be32 (out, height);
  g_byte_array_append (out, header_tail, sizeof header_tail);
  png_chunk_end (out, at);

  for (guint b = 0; b < n_pieces; b++)
    {
      at = png_chunk_begin (out, "IDAT");
      if (b == 0)
        g_byte_array_append (out, zlib_header, sizeof zlib_header);
      g_byte_array_append (out, pieces[b].deflated->data, pieces[b].deflated->len);
      adler = adler32_combine (adler, pieces[b].adler, pieces[b].raw_length);
      if (b == n_pieces - 1)
        append_be32 (out, adler);
      png_chunk_end (out, at);
    }

  at = png_chunk_begin (out, "IEND");
  png_chunk_end (out, at);
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
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
 * the app's theme. @surface holds the chart's pixels from row @top on (a
 * band of a PNG). */
static cairo_status_t
draw_on (cairo_surface_t *surface,
         UpChartPainter  *painter,
         double           width,
         double           height,
         double           scale,
         int              top)
{
  cairo_t *cr = cairo_create (surface);
  cairo_status_t status;

  /* The whole surface: a PNG's height is whole pixels, and a last row the
   * chart covers only in part showed the black of an image surface
   * through, a grey line along the bottom. */
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  /* whole pixels: a glyph falls on the same pixels in every band */
  cairo_translate (cr, 0, -top);
  cairo_scale (cr, scale, scale);

  _up_chart_painter_draw (painter, cr, width, height);

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

/* The chart as a PNG @png_width × @png_height: drawn here band by band,
 * each band compressed on a worker thread while the next is drawn; a
 * chart drawn in one band is compressed in a piece for each processor. */
static GBytes *
draw_png (UpChartKind           kind,
          UpProject            *project,
          const UpChartOptions *options,
          double                width,
          double                height,
          double                scale,
          int                   png_width,
          int                   png_height,
          GError              **error)
{
  int stride = cairo_format_stride_for_width (CAIRO_FORMAT_RGB24, png_width);
  gboolean whole = (gsize) stride * png_height <= PNG_WHOLE_BYTES;
  int band_rows = whole ? png_height : CLAMP (PNG_BAND_BYTES / stride, 1, png_height);
  guint n_bands = (png_height + band_rows - 1) / band_rows;
  guint n_threads = MAX (g_get_num_processors (), 1);
  guint pieces_per_band = n_bands == 1 ? MIN (n_threads, (guint) png_height) : 1;
  guint n_pieces = n_bands * pieces_per_band;
  g_autoptr(GAsyncQueue) free_pixels = g_async_queue_new_full (g_free);
  g_autofree PngBand *bands = g_new0 (PngBand, n_bands);
  g_autofree PngPiece *pieces = g_new0 (PngPiece, n_pieces);
  g_autofree guint8 *bottoms = g_malloc ((gsize) stride * n_bands);
  cairo_status_t status = CAIRO_STATUS_SUCCESS;
  GBytes *bytes = NULL;
  PngWorkers workers;
  g_autofree GThread **threads = g_new0 (GThread *, n_threads);
  UpChartPainter *painter = NULL;
  guint n_started = 0;
  guint n_queued = 0;

  /* the threads' bands, and one more for this thread to draw into */
  for (guint i = 0; i < MIN (n_bands, n_threads + 1); i++)
    g_async_queue_push (free_pixels, g_malloc ((gsize) stride * band_rows));
  /* Threads of its own, not a GThreadPool: GLib starts a pool's threads
   * from a thread of its own, which a process forked from one that had
   * exported before (a test's child) does not have, and waited forever.
   * Without a thread, the pieces are compressed here. */
  workers.pieces = g_async_queue_new ();
  workers.free_pixels = free_pixels;
  for (guint i = 0; i < n_threads; i++)
    {
      GThread *thread = g_thread_try_new ("up-export-png", compress_pieces, &workers, NULL);

      if (thread == NULL)
        break;
      threads[n_started++] = thread;
    }

  for (guint b = 0; b < n_bands && status == CAIRO_STATUS_SUCCESS; b++)
    {
      PngBand *band = &bands[b];
      int top = b * band_rows;
      int n_rows = MIN (band_rows, png_height - top);
      cairo_surface_t *surface;

      band->pixels = g_async_queue_pop (free_pixels);
      surface = cairo_image_surface_create_for_data (band->pixels, CAIRO_FORMAT_RGB24,
                                                     png_width, n_rows, stride);
      status = cairo_surface_status (surface);
      if (status == CAIRO_STATUS_SUCCESS)
        {
          if (painter == NULL)
            painter = _up_chart_painter_new (kind, project, options, surface);
          status = draw_on (surface, painter, width, height, scale, top);
        }
      cairo_surface_finish (surface);
      cairo_surface_destroy (surface);
      if (status != CAIRO_STATUS_SUCCESS)
        {
          g_async_queue_push (free_pixels, g_steal_pointer (&band->pixels));
          break;
        }

      /* the band below may be drawn into these pixels before its first
       * row is compressed: the row above it is kept apart */
      memcpy (bottoms + (gsize) b * stride, band->pixels + (gsize) (n_rows - 1) * stride, stride);
      band->pending = pieces_per_band;
      for (guint k = 0; k < pieces_per_band; k++)
        {
          PngPiece *piece = &pieces[n_queued++];
          int first = (int) ((gint64) n_rows * k / pieces_per_band);
          int last = (int) ((gint64) n_rows * (k + 1) / pieces_per_band);

          piece->band = band;
          piece->rows = band->pixels + (gsize) first * stride;
          if (first > 0)
            piece->above = piece->rows - stride;
          else if (b > 0)
            piece->above = bottoms + (gsize) (b - 1) * stride;
          piece->width = png_width;
          piece->n_rows = last - first;
          piece->stride = stride;
          piece->last = b == n_bands - 1 && k == pieces_per_band - 1;
          if (n_started > 0)
            g_async_queue_push (workers.pieces, piece);
          else
            deflate_piece (piece, free_pixels);
        }
    }
  g_clear_pointer (&painter, _up_chart_painter_free);
  for (guint i = 0; i < n_started; i++)
    g_async_queue_push (workers.pieces, &png_pieces_end);
  for (guint i = 0; i < n_started; i++)
    g_thread_join (threads[i]);
  g_async_queue_unref (workers.pieces);

  if (status == CAIRO_STATUS_SUCCESS)
    bytes = png_assemble (pieces, n_pieces, png_width, png_height);
  else
    set_draw_error (error, status);

  for (guint i = 0; i < n_queued; i++)
    g_byte_array_unref (pieces[i].deflated);
  return bytes;
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

  return draw_png (kind, project, options, width, height, scale, png_width, (int) pixel_height, error);
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
 * chart's, the project's and, limited to one, the goal's, joined by a
 * dash that reads the same in both languages. The charts of a project's
 * goals had one title. */
static char *
document_title (UpChartKind           kind,
                UpProject            *project,
                const UpChartOptions *options)
{
  /* named as on the chart: by the file where the project has no title */
  g_autofree char *title = up_chart_get_project_name (project, options, MAX_METADATA_CHARS + 1);
  GString *out = g_string_new (up_chart_kind_get_title (kind, options->lang));

  g_string_append (out, " – ");
  append_metadata (out, title);
  /* The grid is the stakeholders', whatever the goal. */
  if (options->local_goal != NULL && kind != UP_CHART_GRID)
    {
      const char *goal = up_local_goal_get_title (options->local_goal);

      if (goal != NULL && goal[0] != '\0')
        {
          g_string_append (out, " – ");
          append_metadata (out, goal);
        }
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
               guint                 n_pages,
               double                width,
               double                height,
               GError              **error)
{
  g_autoptr(GByteArray) buffer = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_status_t status;
  double page_width = width, page_height = height;

  /* slides of 16:9, wider or taller than the chart */
  if (format == UP_EXPORT_PDF && options->slide_pages)
    {
      page_width = MAX (width, height * 16 / 9);
      page_height = MAX (height, width * 9 / 16);
    }

  if (format == UP_EXPORT_SVG)
    {
      surface = cairo_svg_surface_create_for_stream (append_to_buffer, buffer, width, height);
      if (cairo_surface_status (surface) == CAIRO_STATUS_SUCCESS)
        cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PT);
    }
  else
    {
      surface = cairo_pdf_surface_create_for_stream (append_to_buffer, buffer, page_width, page_height);
      if (cairo_surface_status (surface) == CAIRO_STATUS_SUCCESS)
        {
          g_autofree char *title = document_title (kind, project, options);

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

      /* each page paints its background whole, the margins too */
      cairo_translate (cr, (page_width - width) / 2, (page_height - height) / 2);
      up_chart_draw_pages (kind, project, options, cr, width, height);
      status = cairo_status (cr);
      cairo_destroy (cr);
    }
  else if (status == CAIRO_STATUS_SUCCESS && (page_width > width || page_height > height))
    {
      UpChartPainter *painter = _up_chart_painter_new (kind, project, options, surface);
      cairo_t *cr = cairo_create (surface);

      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      cairo_translate (cr, (page_width - width) / 2, (page_height - height) / 2);
      _up_chart_painter_draw (painter, cr, width, height);
      cairo_show_page (cr);
      status = cairo_status (cr);
      cairo_destroy (cr);
      _up_chart_painter_free (painter);
    }
  else if (status == CAIRO_STATUS_SUCCESS)
    {
      UpChartPainter *painter = _up_chart_painter_new (kind, project, options, surface);

      status = draw_on (surface, painter, width, height, 1.0, 0);
      _up_chart_painter_free (painter);
    }
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
      g_autofree char *title = document_title (kind, project, options);

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
gboolean
_up_export_write_file (GFile   *file,
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
  guint n_pages = 1;

  if (kind > UP_CHART_TIMELINE)
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

  /* A PDF is printed: a long matrix or timeline takes pages of A4, the
   * size of the first (see up_chart_get_pages()). */
  if (format == UP_EXPORT_PDF)
    n_pages = up_chart_get_pages (kind, project, &opts, &width, &height);
  else
    up_chart_get_size (kind, project, &opts, &width, &height);
  if (!isfinite (width) || !isfinite (height) || width < 1 || height < 1)
    {
      set_draw_error (error, CAIRO_STATUS_INVALID_SIZE);
      return NULL;
    }

  if (format == UP_EXPORT_PNG)
    return render_png (kind, project, &opts, width, height, png_width, error);
  return render_vector (kind, format, project, &opts, n_pages, width, height, error);
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

  return _up_export_write_file (output, bytes, error);
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
  char           *file_name;    /* the caller's file's, which the copy has not */
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
  g_clear_pointer (&job->file_name, g_free);
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
  options->file_name = job->file_name;
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
    _up_export_write_file (job->output, bytes, &error);

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
  /* the copy is of no file: a project without a title is named by the
   * caller's (see up_chart_get_project_name()) */
  if (job->options.file_name != NULL)
    job->file_name = g_strdup (job->options.file_name);
  else if (up_project_get_file (project) != NULL)
    {
      g_autofree char *basename = g_file_get_basename (up_project_get_file (project));

      if (basename != NULL)
        job->file_name = g_filename_display_name (basename);
    }
  job->options.file_name = NULL;
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

gboolean
up_export_slide_is_larger (UpProject            *project,
                           UpChartKind           kind,
                           const UpChartOptions *options,
                           int                   box_width,
                           int                   box_height)
{
  UpChartOptions page, slide;
  double page_width = 0, page_height = 0, slide_width = 0, slide_height = 0;

  g_return_val_if_fail (UP_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (box_width > 0 && box_height > 0, FALSE);

  if (kind == UP_CHART_REPORT)
    return FALSE;
  file_options (options, &page);
  page.slide = FALSE;
  slide = page;
  slide.slide = TRUE;
  up_chart_get_size (kind, project, &page, &page_width, &page_height);
  up_chart_get_size (kind, project, &slide, &slide_width, &slide_height);
  if (!isfinite (page_width) || !isfinite (page_height) || page_width < 1 || page_height < 1 ||
      !isfinite (slide_width) || !isfinite (slide_height) || slide_width < 1 || slide_height < 1)
    return FALSE;

  /* the body, which a slide may draw larger than a page does beside its
   * legend (the legend's text is larger on a slide anyway) */
  return MIN (box_width / slide_width, box_height / slide_height) * _up_chart_slide_body_scale (kind) >
         MIN (box_width / page_width, box_height / page_height);
}
